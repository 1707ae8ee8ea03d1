//! Splitting text into UD English syntactic words.
//!
//! The text is cut at white space into chunks; each chunk is scanned left to right. A word
//! is a run of letters and digits that also keeps the punctuation UD keeps inside a token:
//! `.` before a letter or digit (`U.S`, `4.6`, `bbc.co.uk`), `,` and `:` and `/` between
//! digits (`1,000`, `10:30`, `08/16/2000`), `&` between capitals (`AT&T`), an apostrophe
//! before a letter (`O'Brien`, `don't`: clitics are cut afterwards) and a hyphen after a
//! listed prefix (`non-profit`) or inside a phone number. Every other punctuation character
//! is a token of its own, except runs that UD keeps together (`...`, `--`, `?!`).
//! A word's final period joins it when the word is an abbreviation.

use chronicle_doc::Span;

use crate::chars::{char_at, char_before, is_apostrophe, is_closing, is_hyphen, is_opening, is_space, is_word};
use crate::clitics;
use crate::lexicon::Lexicon;

/// What the sentence splitter needs to know about a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A word that kept its final period, and when it may be the last of a sentence.
    Abbrev(Ending),
    /// A full stop, `!`, `?`, or a run of them; `ellipsis` for `...` and `…`.
    Terminal {
        ellipsis: bool,
    },
    /// A bracket or quote that only opens.
    Open,
    /// A bracket or quote that only closes.
    Close,
    /// A straight quote, `"` or `'`: opening or closing depending on where it is.
    Quote,
    /// `:)`, `:-(` and the like.
    Emoticon,
    Other,
}

/// When an abbreviation ends its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Titles and months: a name or a number follows.
    Never,
    /// Before a clear sentence starter (`... in the U.S. The`).
    BeforeStarter,
    /// Before any capitalised word (`etc.`).
    BeforeCapital,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
}

/// Tokenizes `text`; the tokens are in order, non-empty, non-overlapping and on char
/// boundaries.
pub fn tokenize(lex: &Lexicon, text: &str) -> Vec<Tok> {
    // Spans are u32 byte offsets; readers refuse documents this large long before.
    assert!(u32::try_from(text.len()).is_ok(), "document text is limited to 4 GiB");
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if is_space(c) {
            i += len;
            continue;
        }
        let mut j = i + len;
        while j < text.len() {
            let (c, len) = char_at(text, j);
            if is_space(c) {
                break;
            }
            j += len;
        }
        Chunk {
            lex,
            text,
            end: j,
            out: &mut out,
        }
        .split(i);
        i = j;
    }
    out
}

/// One white-space-delimited chunk being split; `end` is where it stops in `text`.
struct Chunk<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    end: usize,
    out: &'a mut Vec<Tok>,
}

impl Chunk<'_> {
    fn push(&mut self, start: usize, end: usize, kind: Kind) {
        debug_assert!(start < end);
        // `tokenize` checked that offsets fit in u32; skipping `Span::new`'s check per token
        // is measurable.
        self.out.push(Tok {
            span: Span {
                start: start as u32,
                end: end as u32,
            },
            kind,
        });
    }

    fn split(&mut self, start: usize) {
        if let Some((a, b)) = url_core(&self.text[start..self.end]) {
            let end = self.end;
            self.end = start + a;
            self.split_plain(start);
            self.push(start + a, start + b, Kind::Word);
            self.end = end;
            self.split_plain(start + b);
        } else {
            self.split_plain(start);
        }
    }

    fn split_plain(&mut self, mut i: usize) {
        while i < self.end {
            let (c, len) = char_at(self.text, i);
            if is_word(c) {
                if let Some(j) = self.list_number(i) {
                    self.push(i, j, Kind::Abbrev(Ending::Never));
                    i = j;
                    continue;
                }
                let j = self.scan_word(i);
                i = self.emit_word(i, j);
                continue;
            }
            let next = self.peek(i + len);
            i = match c {
                // A decimal without its zero (".265") or a hashtag ("#election").
                // ... or a social-media handle ("@POTUS").
                '.' | '#' | '@'
                    if next.is_some_and(|n| {
                        if c == '.' {
                            n.is_ascii_digit()
                        } else {
                            n.is_alphabetic()
                        }
                    }) && char_before(self.text, i).is_none_or(|p| !is_word(p)) =>
                {
                    let j = self.scan_word(i + 1);
                    self.emit_word(i, j)
                }
                // "...", "?!", "!!!" and the ".?" of mangled mail are one token each.
                '.' | '!' | '?' => {
                    let j = self.run(
                        i,
                        |c| matches!(c, '.' | '!' | '?'),
                        |_| Kind::Terminal { ellipsis: false },
                    );
                    if j - i > 1 && self.text.as_bytes()[i..j].iter().all(|&b| b == b'.') {
                        self.out.last_mut().expect("just pushed").kind = Kind::Terminal { ellipsis: true };
                    }
                    j
                }
                ':' | ';' if self.emoticon(i) > i => {
                    let j = self.emoticon(i);
                    self.push(i, j, Kind::Emoticon);
                    j
                }
                '\u{2026}' => self.run(i, |c| c == '\u{2026}', |_| Kind::Terminal { ellipsis: true }),
                _ if is_hyphen(c) => self.run(i, is_hyphen, |_| Kind::Other),
                // A decade with its century elided: '90s, ’70s.
                _ if (is_apostrophe(c) || c == '\u{2018}') && next.is_some_and(|n| n.is_ascii_digit()) => {
                    let j = self.scan_word(i + len);
                    self.emit_word(i, j)
                }
                // Rules of symbols ("=====", "***") and "$$$", "<<" are one token each.
                '=' | '*' | '+' | '~' | '#' | '$' | '<' | '>' | '^' | '|' | '\\' | '/' | '&' | '%' | '@' | '`'
                | '_' => self.run(i, |d| d == c, |_| Kind::Other),
                _ => {
                    let kind = if c == '"' || c == '\'' {
                        Kind::Quote
                    } else if is_opening(c) {
                        Kind::Open
                    } else if is_closing(c) {
                        Kind::Close
                    } else {
                        Kind::Other
                    };
                    self.push(i, i + len, kind);
                    i + len
                }
            };
        }
    }

    /// The end of an emoticon (`:)`, `:-(`, `;)`, `:/`, `:D`) standing alone at `i`, or `i`.
    fn emoticon(&self, i: usize) -> usize {
        let bytes = &self.text.as_bytes()[i..self.end];
        if char_before(self.text, i).is_some_and(|p| !is_space(p)) {
            return i;
        }
        let nose = usize::from(bytes.get(1) == Some(&b'-'));
        let Some(&mouth) = bytes.get(1 + nose) else { return i };
        let after = bytes.get(2 + nose).copied();
        let alone = after.is_none_or(|b| !b.is_ascii_alphanumeric());
        if matches!(mouth, b')' | b'(' | b'/' | b'D' | b'P' | b'p' | b'|') && alone {
            i + 2 + nose
        } else {
            i
        }
    }

    fn peek(&self, i: usize) -> Option<char> {
        (i < self.end).then(|| char_at(self.text, i).0)
    }

    /// A token of consecutive characters matching `is`; `kind` gets the run's length.
    fn run(&mut self, i: usize, is: impl Fn(char) -> bool, kind: impl Fn(usize) -> Kind) -> usize {
        let mut j = i;
        let mut n = 0;
        while j < self.end {
            let (c, len) = char_at(self.text, j);
            if !is(c) {
                break;
            }
            j += len;
            n += 1;
        }
        self.push(i, j, kind(n));
        j
    }

    /// The end of a list number opening a line ("1.", "2.1."), which keeps its period.
    fn list_number(&self, i: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        if !bytes[i].is_ascii_digit() {
            return None;
        }
        // At the start of the text or of a line (looking back over spaces only).
        let line_start = bytes[..i]
            .iter()
            .rev()
            .find(|&&b| b != b' ' && b != b'\t')
            .is_none_or(|&b| b == b'\n');
        if !line_start {
            return None;
        }
        let chunk = &bytes[i..self.end];
        let is_list = chunk.len() <= 8
            && chunk.last() == Some(&b'.')
            && chunk.iter().all(|b| b.is_ascii_digit() || *b == b'.')
            && !chunk.windows(2).any(|w| w == b"..");
        is_list.then_some(self.end)
    }

    /// The end of the word starting at `i` (see the module comment for what it keeps).
    fn scan_word(&self, i: usize) -> usize {
        let text = self.text;
        let mut j = i;
        let mut segment = i; // start of the current hyphen-separated part
        while j < self.end {
            let (c, len) = char_at(text, j);
            if is_word(c) {
                j += len;
                continue;
            }
            // A currency written with its country: "US$", "HK$", "A$".
            if c == '$' && j - i <= 3 && text[i..j].bytes().all(|b| b.is_ascii_uppercase()) {
                return j + 1;
            }
            let Some(prev) = char_before(text, j) else { break };
            let Some(next) = self.peek(j + len) else {
                // A cut-off word or a suspended prefix keeps its hyphen: "pre- and post-war".
                if is_hyphen(c) && prev.is_alphabetic() && j + len == self.end {
                    j += len;
                }
                break;
            };
            let joins = match c {
                '.' => is_word(next),
                ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
                // Dates and ratios ("08/16/2000", "24/7") and one-letter shorthands ("s/he",
                // "b/c", "w/o"); "and/or" is split.
                '/' => {
                    (prev.is_ascii_digit() && next.is_ascii_digit())
                        || (j == i + 1 && prev.is_alphabetic() && next.is_alphabetic())
                }
                '&' => prev.is_uppercase() && next.is_uppercase(),
                _ if is_apostrophe(c) => next.is_alphabetic() && is_word(prev),
                _ if is_hyphen(c) => is_word(next) && self.hyphen_joins(segment, j, j + len),
                _ => false,
            };
            if !joins {
                break;
            }
            if is_hyphen(c) {
                segment = j + len;
            }
            j += len;
        }
        j
    }

    /// Whether the hyphen at `h..after` stays inside the word whose current part starts at
    /// `segment`: after a listed prefix (`non-`), or inside a phone or ZIP+4 number.
    fn hyphen_joins(&self, segment: usize, h: usize, after: usize) -> bool {
        let left = &self.text[segment..h];
        if self.lex.is_hyphen_prefix(left) {
            return true;
        }
        let bytes = self.text.as_bytes();
        if !left.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let digits = bytes[after..self.end].iter().take_while(|b| b.is_ascii_digit()).count();
        let then_hyphen = bytes.get(after + digits) == Some(&b'-');
        match (left.len(), digits) {
            (3, 4) | (5, 4) => true,
            (3, 3) => then_hyphen,
            _ => false,
        }
    }

    /// Pushes the word `i..j` (cut into syntactic words) and returns where scanning goes on:
    /// after the word, or after its final period when that belongs to an abbreviation.
    fn emit_word(&mut self, i: usize, j: usize) -> usize {
        let text = self.text;
        let word = &text[i..j];
        // "5pm" → "5" + "pm"; "10a.m." → "10" + "a.m.".
        if word.as_bytes()[0].is_ascii_digit() {
            if let Some(k) = word.find(|c: char| c.is_alphabetic()) {
                let unit = &word[k..];
                let dotted = self.has_period(j) && self.lex.is_number_suffix(&text[i + k..=j]);
                if word[..k].bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                    && (self.lex.is_number_suffix(unit) || dotted)
                {
                    self.push(i, i + k, Kind::Word);
                    return self.emit_word(i + k, j);
                }
            }
        }
        if let Some(ending) = self.abbreviation(i, j) {
            self.push(i, j + 1, Kind::Abbrev(ending));
            return j + 1;
        }
        let mut start = i;
        if word.len() > 2 {
            for &cut in clitics::cuts(self.lex, word).as_slice() {
                self.push(start, i + cut, Kind::Word);
                start = i + cut;
            }
        }
        self.push(start, j, Kind::Word);
        j
    }

    /// Whether a single period (not an ellipsis) follows at `j`.
    fn has_period(&self, j: usize) -> bool {
        let bytes = self.text.as_bytes();
        j < self.end && bytes[j] == b'.' && !(j + 1 < self.end && bytes[j + 1] == b'.')
    }

    /// If the word `i..j` and the period after it form an abbreviation, whether it can end a
    /// sentence.
    fn abbreviation(&self, i: usize, j: usize) -> Option<Ending> {
        if !self.has_period(j) {
            return None;
        }
        let text = self.text;
        let word = &text[i..j];
        if let Some(flags) = self.lex.abbreviation(&text[i..=j]) {
            if flags.before_number {
                // "No. 10": only when the chunk ends here and a number follows.
                let rest = text[j + 1..].trim_start_matches(|c: char| is_space(c));
                let spaced = j + 1 == self.end && rest.len() < text.len() - j - 1;
                if spaced && rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return Some(Ending::Never);
                }
                // Not before a number, `P.` and `C.` are still initials (`P. Simmons`): the
                // rules below decide.
            } else {
                return Some(match (flags.can_end, flags.before_capital) {
                    (_, true) => Ending::BeforeCapital,
                    (true, false) => Ending::BeforeStarter,
                    (false, false) => Ending::Never,
                });
            }
        }
        let mut chars = word.chars();
        let first = chars.next()?;
        // An initial: "J. R. R. Tolkien", "George W. Bush".
        if chars.next().is_none() {
            return first.is_uppercase().then_some(Ending::BeforeStarter);
        }
        // Letters separated by periods: "U.S", "e.g", "Ph.D" + "." .
        let dotted = word.contains('.')
            && word
                .split('.')
                .all(|part| (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic));
        dotted.then_some(Ending::BeforeStarter)
    }
}

/// The URL or e-mail address inside a chunk, without the brackets, quotes and sentence
/// punctuation around it, as a byte range of the chunk.
fn url_core(chunk: &str) -> Option<(usize, usize)> {
    // Cheap first test, as this runs for every chunk: a URL has a `:` or starts "www", an
    // e-mail address has an `@`.
    let bytes = chunk.as_bytes();
    let maybe = bytes.iter().enumerate().any(|(k, &b)| {
        b == b':' || b == b'@' || (b | 0x20 == b'w' && bytes.get(k + 1).is_some_and(|&n| n | 0x20 == b'w'))
    });
    if !maybe {
        return None;
    }
    let core = chunk.trim_start_matches(|c: char| is_opening(c) || c == '"' || c == '\'');
    let a = chunk.len() - core.len();
    let core =
        core.trim_end_matches(|c: char| is_closing(c) || matches!(c, '"' | '\'' | '.' | ',' | ';' | ':' | '!' | '?'));
    let b = a + core.len();
    let starts = |prefix: &str| core.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    let is_url = ["http://", "https://", "ftp://", "www."].into_iter().any(starts) && core.len() > 7;
    (is_url || is_email(core)).then_some((a, b))
}

fn is_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else {
        return false;
    };
    let user_ok = !user.is_empty()
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '%'));
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    user_ok && host_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let lex = Lexicon::embedded().unwrap();
        tokenize(&lex, text).iter().map(|t| &text[t.span.range()]).collect()
    }

    #[test]
    fn punctuation_is_split_off() {
        assert_eq!(toks("Hello, world!"), ["Hello", ",", "world", "!"]);
        assert_eq!(toks("(see \"below\")."), ["(", "see", "\"", "below", "\"", ")", "."]);
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(toks("war—and peace"), ["war", "—", "and", "peace"]);
        assert_eq!(toks("yes -- no"), ["yes", "--", "no"]);
        assert_eq!(
            toks("ok :) not :-( but ratio:) x: (y)"),
            ["ok", ":)", "not", ":-(", "but", "ratio", ":", ")", "x", ":", "(", "y", ")"]
        );
        assert_eq!(toks("list.? Now...? No!!"), ["list", ".?", "Now", "...?", "No", "!!"]);
        assert_eq!(toks("and/or s/he b/c"), ["and", "/", "or", "s/he", "b/c"]);
        assert_eq!(toks("\u{feff}Hi\u{200b}there"), ["Hi", "there"]);
        assert_eq!(toks("===== *** $$$"), ["=====", "***", "$$$"]);
        assert_eq!(
            toks("#MeToo and pre- and post-war th- the"),
            ["#MeToo", "and", "pre-", "and", "post-war", "th-", "the"]
        );
        assert_eq!(
            toks("1. Introduction\n2.1. Scope\nin 2. the .265 average"),
            [
                "1.",
                "Introduction",
                "2.1.",
                "Scope",
                "in",
                "2",
                ".",
                "the",
                ".265",
                "average"
            ]
        );
    }

    #[test]
    fn clitics_are_cut_inside_the_word() {
        assert_eq!(toks("I don't know."), ["I", "do", "n't", "know", "."]);
        assert_eq!(toks("Iran’s nuclear"), ["Iran", "’s", "nuclear"]);
        assert_eq!(toks("the adults' books"), ["the", "adults", "'", "books"]);
        assert_eq!(toks("He cannot go"), ["He", "can", "not", "go"]);
        assert_eq!(toks("the '90s and ’70s"), ["the", "'90s", "and", "’70s"]);
        assert_eq!(toks("'Yes,' she said"), ["'", "Yes", ",", "'", "she", "said"]);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("$1,000.50 or 5%"), ["$", "1,000.50", "or", "5", "%"]);
        assert_eq!(
            toks("at 10:30 a.m. on 08/16/2000"),
            ["at", "10:30", "a.m.", "on", "08/16/2000"]
        );
        assert_eq!(toks("at 5pm, 10a.m."), ["at", "5", "pm", ",", "10", "a.m."]);
        assert_eq!(toks("the 21st of the 1990s"), ["the", "21st", "of", "the", "1990s"]);
        assert_eq!(toks("call 713-664-7478"), ["call", "713-664-7478"]);
        assert_eq!(toks("in 1990-1991"), ["in", "1990", "-", "1991"]);
        assert_eq!(toks("£5bn, 4.6."), ["£", "5bn", ",", "4.6", "."]);
        assert_eq!(
            toks("US$20,000 or HK$ 5 or EURO$"),
            ["US$", "20,000", "or", "HK$", "5", "or", "EURO", "$"]
        );
    }

    #[test]
    fn hyphens_follow_ud() {
        assert_eq!(
            toks("a well-known non-profit"),
            ["a", "well", "-", "known", "non-profit"]
        );
        assert_eq!(toks("U.S.-led e-mail"), ["U.S.", "-", "led", "e-mail"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(toks("Mr. Smith of Acme Inc."), ["Mr.", "Smith", "of", "Acme", "Inc."]);
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("in the U.S. e.g. here"), ["in", "the", "U.S.", "e.g.", "here"]);
        assert_eq!(toks("Gen. Jan. GEN."), ["Gen.", "Jan.", "GEN."]);
        assert_eq!(toks("No. 10 but no."), ["No.", "10", "but", "no", "."]);
        assert_eq!(toks("the end."), ["the", "end", "."]);
        assert_eq!(toks("AT&T and R&D"), ["AT&T", "and", "R&D"]);
    }

    #[test]
    fn urls_and_emails_are_one_token() {
        assert_eq!(
            toks("(see http://www.bbc.co.uk/news?id=1&x=2)."),
            ["(", "see", "http://www.bbc.co.uk/news?id=1&x=2", ")", "."]
        );
        assert_eq!(
            toks("Mail jane.doe@example.com."),
            ["Mail", "jane.doe@example.com", "."]
        );
        assert_eq!(toks("at bbc.co.uk today"), ["at", "bbc.co.uk", "today"]);
        assert_eq!(
            toks("his @POTUS account, a@"),
            ["his", "@POTUS", "account", ",", "a", "@"]
        );
    }
}
