//! Character classes the tokenizer and sentence splitter share.

/// Separates tokens: Unicode white space, control characters, and the invisible
/// zero-width characters and byte-order mark that scraped news text carries.
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// Part of a word: letters, digits, `_`, and combining marks (which belong to the letter
/// before them).
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// The apostrophes a clitic can follow: ASCII and the typographic right single quote.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The hyphens that join or split compounds (ASCII hyphen-minus and U+2010 hyphen).
#[inline]
pub fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}'
}

/// Brackets and quotes that only ever open.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '<' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{201e}' | '\u{201a}'
    )
}

/// Brackets and quotes that only ever close (`’` also ends a possessive: `adults’`).
pub fn is_closing(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>' | '\u{201d}' | '\u{2019}' | '\u{bb}')
}

/// The character starting at byte `i` (which must be a char boundary) and its length.
#[inline]
pub fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().expect("i is inside the text");
    (c, c.len_utf8())
}

/// The character ending at byte `i`, if any.
#[inline]
pub fn char_before(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        return Some(b as char);
    }
    s[..i].chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_space('\u{feff}') && is_space('\n') && is_space('\u{a0}'));
        assert!(!is_space('a'));
        assert!(is_word('é') && is_word('\u{301}') && is_word('7') && !is_word('-'));
        assert_eq!(char_at("aé", 1), ('é', 2));
        assert_eq!(char_before("aé", 3), Some('é'));
        assert_eq!(char_before("aé", 0), None);
    }
}
