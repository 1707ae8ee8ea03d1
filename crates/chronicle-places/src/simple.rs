//! A tiny whitespace-and-punctuation tokenizer and sentence splitter, for tests and the
//! evaluation example only (the pipeline's `chronicle-text` stage does this properly).

use chronicle_doc::{Document, Layers, Sentence, Span, Token};

/// Fills `tokens` and `sentences` of `doc`: words, numbers and abbreviations with inner
/// periods (`U.S.`) are tokens, other punctuation characters (hyphens too: `Atlanta-area`)
/// are tokens of their own, `'s` is split off, and a
/// sentence ends after `.`, `!` or `?` followed by a space and a capital or a newline.
pub fn tokenize(doc: &mut Document) {
    let text = doc.text();
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = chars.peek() {
                let next_is_word = text[i + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let keep = d.is_alphanumeric()
                    || ((d == '\'' || d == '’') && next_is_word)
                    || (d == '.' && (next_is_word || is_abbrev(&text[start..i])));
                if !keep {
                    break;
                }
                // `don't`-style clitics stay whole; `Obama's` splits off the `'s`.
                if (d == '\'' || d == '’')
                    && text[i + d.len_utf8()..].starts_with('s')
                    && !text[i + d.len_utf8() + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            tokens.push(Token::new(Span::new(start, end)));
        } else if (c == '\'' || c == '’') && text[start + c.len_utf8()..].starts_with('s') {
            chars.next();
            tokens.push(Token::new(Span::new(start, start + c.len_utf8() + 1)));
        } else {
            tokens.push(Token::new(Span::new(start, start + c.len_utf8())));
        }
    }
    let mut sentences = Vec::new();
    let mut first = 0usize;
    for i in 0..tokens.len() {
        let t = &text[tokens[i].span.range()];
        let last = i + 1 == tokens.len();
        let boundary = last || {
            let gap = &text[tokens[i].span.end as usize..tokens[i + 1].span.start as usize];
            let next = &text[tokens[i + 1].span.range()];
            let closing_quote = matches!(t, "\"" | "”" | "’" | "'")
                && i > 0
                && matches!(&text[tokens[i - 1].span.range()], "." | "!" | "?");
            gap.contains('\n')
                || (matches!(t, "." | "!" | "?")
                    || closing_quote
                    || t.ends_with('.') && t.len() > 4 && !t[..t.len() - 1].contains('.'))
                    && !gap.is_empty()
                    && next
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
        };
        if boundary {
            let span = Span::new(tokens[first].span.start as usize, tokens[i].span.end as usize);
            sentences.push(Sentence {
                span,
                tokens: first as u32..(i + 1) as u32,
            });
            first = i + 1;
        }
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.mark_done(Layers::TOKENS | Layers::SENTENCES);
}

/// `U.S`, `N.Y`, `St`, `Mr`: a trailing period belongs to the word.
fn is_abbrev(word: &str) -> bool {
    word.contains('.')
        || matches!(
            word,
            "St" | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "Mt"
                | "Ft"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Jr"
                | "Sr"
        )
        || (word.len() <= 5 && word.chars().next().is_some_and(char::is_uppercase) && crate::simple::AP.contains(&word))
}

/// AP state abbreviations without their final period.
const AP: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass",
    "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis",
    "Wyo",
];
