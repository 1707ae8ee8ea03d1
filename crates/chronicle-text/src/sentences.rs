//! Grouping tokens into sentences.
//!
//! The decision after each token looks only at that token, the white space after it, the
//! next token and a few tokens back (closing quotes), so splitting is one linear pass.
//!
//! * A sentence ends after `.`, `!`, `?` or an ellipsis, taking along the closing quotes and
//!   brackets written against it (`"Stop!"`), reference marks (`... in 1739. [4]`) and an
//!   emoticon (`... her. :)`).
//! * A lower-case next word usually means no end: `"Why?" he asked`, `Mlle. du Motel`. The
//!   exceptions follow the treebanks' informal text: a bare `?`/`!`, and a `.` after a plain
//!   lower-case word (`... an oven. as to what`). An ellipsis ends one only before a capital.
//! * An abbreviation ends a sentence only when its list entry allows it and a clear sentence
//!   starter follows (`in the U.S. The`), or any capital for `etc.`.
//! * A blank line always ends a sentence. A single line break does only after a headline (see
//!   [`headline_before`]), and never in hard-wrapped wire copy, whose lines break inside
//!   sentences.

use std::ops::Range;

use crate::chars::char_at;
use crate::lexicon::Lexicon;
use crate::tokenize::{Ending, Kind, Tok};

/// Token ranges of the sentences, covering every token in order.
pub fn split(lex: &Lexicon, text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut sentences = Vec::with_capacity(toks.len() / 20 + 1);
    let mut start = 0;
    let wrapped = is_hard_wrapped(text);
    for k in 0..toks.len() {
        if k + 1 == toks.len() || ends_after(lex, text, toks, k, wrapped) {
            sentences.push(start..k + 1);
            start = k + 1;
        }
    }
    sentences
}

/// Whether a sentence ends after token `k` (which is not the last).
fn ends_after(lex: &Lexicon, text: &str, toks: &[Tok], k: usize, wrapped: bool) -> bool {
    let here = toks[k];
    let next = toks[k + 1];
    let gap = &text[here.span.end as usize..next.span.start as usize];
    // Most gaps are one space: skip counting line breaks in them.
    if gap.len() > 1 || gap.starts_with('\n') {
        let breaks = gap.bytes().filter(|&b| b == b'\n').count() + gap.matches('\u{2029}').count() * 2; // U+2029 separates paragraphs
        if breaks >= 2 {
            return true;
        }
        if breaks == 1 && !wrapped && headline_before(text, toks, k) {
            return true;
        }
    }
    // Closing quotes and brackets glued to the end of a sentence go with it, and so does
    // more final punctuation ("(Really!)."), and reference marks ("... in 1739. [4]").
    if gap.is_empty() && matches!(next.kind, Kind::Close | Kind::Quote | Kind::Terminal { .. }) {
        return false;
    }
    // An emoticon after the full stop belongs to the sentence it comments ("I love her. :)"),
    // and so does the rest of a spaced ellipsis (". . .").
    let here_text = &text[here.span.range()];
    if next.kind == Kind::Emoticon || (here_text == "." && &text[next.span.range()] == ".") {
        return false;
    }
    if is_citation(text, toks, k + 1) {
        return false;
    }
    // Walk back over what a sentence end takes along, a few tokens at most, so a long run of
    // brackets cannot make the pass quadratic.
    let mut t = k;
    for _ in 0..8 {
        if t >= 3 && &text[toks[t].span.range()] == "]" && is_citation(text, toks, t - 2) {
            t -= 3;
        } else if toks[t].kind == Kind::Emoticon
            && t > 0
            && matches!(toks[t - 1].kind, Kind::Terminal { .. } | Kind::Close | Kind::Quote)
        {
            t -= 1;
        } else if matches!(toks[t].kind, Kind::Close | Kind::Quote) {
            if t == 0 || toks[t - 1].span.end != toks[t].span.start {
                return false;
            }
            t -= 1;
        } else {
            break;
        }
    }
    let next_text = &text[next.span.range()];
    let (first, _) = char_at(next_text, 0);
    let spaced_ellipsis = t > 0 && &text[toks[t].span.range()] == "." && &text[toks[t - 1].span.range()] == ".";
    match toks[t].kind {
        // An emoticon with no full stop before it ends its sentence like one.
        Kind::Emoticon => first.is_uppercase(),
        Kind::Terminal { .. } if spaced_ellipsis => first.is_uppercase(),
        // Informal text starts sentences in lower case too ("... an oven. as to what"), but
        // after a capitalised or short word the period is more likely an unlisted
        // abbreviation ("Mlle. du Motel", "Eng. project").
        Kind::Terminal { ellipsis: false } if first.is_lowercase() && !is_url(next_text) => {
            let stop = &text[toks[t].span.range()];
            if stop == "." {
                t > 0 && is_plain_word(&text[toks[t - 1].span.range()])
            } else {
                // A bare "?" or "!" before a lower-case word ends the sentence; after a
                // closing quote it is the speaker's ("'Why?' he asked").
                t == k
            }
        }
        Kind::Terminal { ellipsis: false } => !first.is_lowercase() && !matches!(first, ',' | ';'),
        // "...Now" with no space: the ellipsis opens the next words.
        Kind::Terminal { ellipsis: true } => first.is_uppercase() && !gap.is_empty(),
        Kind::Abbrev(Ending::BeforeCapital) => first.is_uppercase(),
        Kind::Abbrev(Ending::BeforeStarter) if t < k => first.is_uppercase(),
        Kind::Abbrev(Ending::BeforeStarter) => lex.is_sentence_starter(next_text),
        _ => false,
    }
}

fn is_url(word: &str) -> bool {
    word.starts_with("http") || word.starts_with("www.")
}

/// A lower-case word of four letters or more: not an abbreviation.
fn is_plain_word(word: &str) -> bool {
    word.len() >= 4 && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether tokens `k..k + 3` are a numbered reference mark: `[`, a number, `]`.
fn is_citation(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(three) = toks.get(k..k + 3) else { return false };
    if text.as_bytes()[three[0].span.start as usize] != b'[' {
        return false;
    }
    let number = &text[three[1].span.range()];
    &text[three[0].span.range()] == "["
        && &text[three[2].span.range()] == "]"
        && number.len() <= 3
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Whether the text is hard-wrapped wire copy: at least two single line breaks fall inside
/// a sentence (a lower-case word right after the break). In such text a line that looks like
/// a title ("Standard Oil Co and BP North America" + "Inc said ...") is just a wrapped line,
/// so the headline rule is off.
fn is_hard_wrapped(text: &str) -> bool {
    let mut inside = 0;
    for (i, _) in text.match_indices('\n') {
        let rest = &text[i + 1..];
        let after = rest.trim_start_matches([' ', '\t']);
        let before = text[..i].trim_end_matches([' ', '\t', '\r']);
        let continues = after.chars().next().is_some_and(char::is_lowercase)
            && before
                .bytes()
                .last()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b',');
        if continues {
            inside += 1;
            if inside >= 2 {
                return true;
            }
        }
    }
    false
}

/// Whether token `k` ends a headline line: the first line of its paragraph, not ending in
/// punctuation, with its words capitalised as titles are ("Labour Plans Maternity Pay Rise")
/// or a short line of a few words. Wrapped prose lines are long and mostly lower case.
fn headline_before(text: &str, toks: &[Tok], k: usize) -> bool {
    if !matches!(toks[k].kind, Kind::Word | Kind::Close | Kind::Quote) {
        return false;
    }
    // The next line must be able to start a sentence.
    let next = char_at(&text[toks[k + 1].span.range()], 0).0;
    if next.is_lowercase() {
        return false;
    }
    let end = toks[k].span.end as usize;
    let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let before = text[..line_start].trim_end_matches(|c: char| c != '\n' && c.is_whitespace());
    // The first line of a paragraph: after a blank line, or after a line that ended a
    // sentence (texts that put one paragraph on each line).
    let previous_line = before.strip_suffix('\n').unwrap_or(before).trim_end();
    let first_line = before.is_empty()
        || before.ends_with("\n\n")
        || before.ends_with("\n\r\n")
        || previous_line.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ')']);
    if !first_line {
        return false;
    }
    let line = &text[line_start..end];
    let mut words = 0;
    let mut capitalised = 0;
    let mut last_small = false;
    let mut last_capitalised = false;
    for word in line.split_whitespace() {
        let Some(c) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        last_small = is_small_word(word);
        if last_small {
            continue;
        }
        words += 1;
        last_capitalised = c.is_uppercase() || c.is_numeric();
        capitalised += usize::from(last_capitalised);
    }
    // A title ends on a capitalised word; a wrapped lead line full of names ("WASHINGTON
    // (Reuters) - Sen. John McCain said on") ends mid-phrase, often on a small word.
    let title_case = capitalised * 4 >= words * 3 && last_capitalised && words <= 15;
    let short = line.len() <= 50 && line.split_whitespace().count() <= 8;
    words > 0 && !last_small && (title_case || short)
}

/// Words that stay lower case in a title.
fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "but"
            | "with"
            | "by"
            | "from"
            | "as"
            | "vs"
            | "is"
            | "said"
            | "says"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let lex = Lexicon::embedded().unwrap();
        let toks = tokenize(&lex, text);
        split(&lex, text, &toks)
            .into_iter()
            .map(|r| &text[toks[r.start].span.start as usize..toks[r.end - 1].span.end as usize])
            .collect()
    }

    #[test]
    fn full_stops_and_questions() {
        assert_eq!(
            sentences("He left. She stayed! Why? 2005 came."),
            ["He left.", "She stayed!", "Why?", "2005 came."]
        );
        assert_eq!(
            sentences("The rate rose 4.5 per cent. It fell."),
            ["The rate rose 4.5 per cent.", "It fell."]
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Jones and J. R. R. Tolkien."),
            ["Mr. Smith met Gen. Jones and J. R. R. Tolkien."]
        );
        assert_eq!(
            sentences("The U.S. Senate voted. Troops left the U.S. The talks ended."),
            ["The U.S. Senate voted.", "Troops left the U.S.", "The talks ended."]
        );
        assert_eq!(
            sentences("They met at 10:30 a.m. on Monday. Acme Inc. The firm"),
            ["They met at 10:30 a.m. on Monday.", "Acme Inc.", "The firm"]
        );
        assert_eq!(
            sentences("It was No. 10 in Jan. last year."),
            ["It was No. 10 in Jan. last year."]
        );
        assert_eq!(
            sentences("Since Roe v. Wade, Lt. Gen. Smith of Tulsa, Okla. agreed."),
            ["Since Roe v. Wade, Lt. Gen. Smith of Tulsa, Okla. agreed."]
        );
        // `p.` (page) and `c.` (circa) are abbreviations before a number, initials otherwise.
        assert_eq!(
            sentences("Somerset 4 (P. Simmons 4-38). See p. 12. C. Lewis won."),
            ["Somerset 4 (P. Simmons 4-38).", "See p. 12.", "C. Lewis won."]
        );
    }

    #[test]
    fn etc_ends_before_any_capital() {
        assert_eq!(
            sentences("Guns, knives, etc. Anything sharp. Mr. Smith, Acme Inc. Chief"),
            ["Guns, knives, etc.", "Anything sharp.", "Mr. Smith, Acme Inc. Chief"]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            sentences("\"Why?\" he asked. \"Because.\" She left."),
            ["\"Why?\" he asked.", "\"Because.\"", "She left."]
        );
        assert_eq!(
            sentences("He said: \u{201c}We won. We will win again.\u{201d} Then he left."),
            [
                "He said: \u{201c}We won.",
                "We will win again.\u{201d}",
                "Then he left."
            ]
        );
        assert_eq!(sentences("(It rained.) Then"), ["(It rained.)", "Then"]);
        assert_eq!(sentences("(Really!). Then"), ["(Really!).", "Then"]);
        assert_eq!(
            sentences("He died in 1739. [4] [5] Then"),
            ["He died in 1739. [4] [5]", "Then"]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("Well... maybe. And then… Nothing."),
            ["Well... maybe.", "And then…", "Nothing."]
        );
    }

    #[test]
    fn emoticons_and_spaced_ellipses() {
        assert_eq!(
            sentences("I love her. :) Then I left :( Sad."),
            ["I love her. :)", "Then I left :(", "Sad."]
        );
        assert_eq!(
            sentences("in the region . . . This was it ...Now"),
            ["in the region . . .", "This was it ...Now"]
        );
    }

    #[test]
    fn paragraph_separator_character() {
        assert_eq!(sentences("Headline\u{2029}Body text"), ["Headline", "Body text"]);
    }

    #[test]
    fn paragraphs_always_end_a_sentence() {
        assert_eq!(
            sentences("A headline\n\nThe text begins\n\n  and a lower line"),
            ["A headline", "The text begins", "and a lower line"]
        );
    }

    #[test]
    fn datelines_stay_with_their_sentence() {
        // GUM's news documents treat "Place - Text" both ways; we keep the line whole.
        assert_eq!(
            sentences("LONDON (Reuters) - Talks failed."),
            ["LONDON (Reuters) - Talks failed."]
        );
    }

    #[test]
    fn wrapped_lines_do_not_end_a_sentence() {
        let text = "LONDON (Reuters) - British Prime Minister Tony Blair said on\n\
                    Tuesday that the government would press ahead with its plans\n\
                    for reform. He spoke in London.";
        assert_eq!(sentences(text).len(), 2);
        let text = "The first paragraph ends.\nEconomic Impact\nThe economy grew.";
        assert_eq!(
            sentences(text),
            ["The first paragraph ends.", "Economic Impact", "The economy grew."]
        );
        let text = "WASHINGTON (Reuters) - Sen. John McCain, R-Ariz., said the U.S. would not\nback down.";
        assert_eq!(sentences(text).len(), 1);
        let text = "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the\n\
                    money market activities of both\ncompanies.";
        assert_eq!(sentences(text).len(), 1, "hard-wrapped copy has no headline rule");
        let text = "Iraq Votes\nIn Baghdad, Voters Queued From Dawn In The Rain At Schools\nThe polls closed.";
        assert_eq!(
            sentences(text).len(),
            2,
            "only the first line of a paragraph can be a headline"
        );
        let text = "Labour Plans Maternity Pay Rise\nMaternity pay for new mothers is to rise.";
        assert_eq!(
            sentences(text),
            [
                "Labour Plans Maternity Pay Rise",
                "Maternity pay for new mothers is to rise."
            ]
        );
    }
}
