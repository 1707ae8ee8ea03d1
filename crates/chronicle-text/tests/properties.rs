//! Invariants of the token and sentence layers for arbitrary input.

use chronicle_text::TextStage;
use proptest::prelude::*;

fn check(stage: &TextStage, text: &str) {
    let (tokens, sentences) = stage.tokenize(text);
    let mut previous_end = 0;
    for token in &tokens {
        let (start, end) = (token.span.start as usize, token.span.end as usize);
        assert!(start < end, "empty token {start}..{end} in {text:?}");
        assert!(start >= previous_end, "tokens overlap or are out of order in {text:?}");
        assert!(end <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(
            !text[start..end].chars().any(char::is_whitespace),
            "space inside a token"
        );
        previous_end = end;
    }
    let mut next_token = 0;
    for sentence in &sentences {
        let range = sentence.tokens.start as usize..sentence.tokens.end as usize;
        assert_eq!(range.start, next_token, "sentences must cover the tokens in order");
        assert!(range.start < range.end, "empty sentence in {text:?}");
        assert_eq!(sentence.span.start, tokens[range.start].span.start);
        assert_eq!(sentence.span.end, tokens[range.end - 1].span.end);
        assert!(text.is_char_boundary(sentence.span.start as usize));
        assert!(text.is_char_boundary(sentence.span.end as usize));
        next_token = range.end;
    }
    assert_eq!(next_token, tokens.len());
    // Nothing but white space (and invisible characters) is left out of the tokens.
    let covered: usize = tokens.iter().map(|t| t.span.len()).sum();
    let visible: usize = text.chars().filter(|&c| !is_invisible(c)).map(char::len_utf8).sum();
    assert_eq!(covered, visible, "characters lost in {text:?}");
}

fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&TextStage::new().unwrap(), &text);
    }

    #[test]
    fn news_like_strings(text in "([A-Za-z]{1,6}|[0-9]{1,4}|[ .,;:!?'\"’”“()\\[\\]/&@#$%*=+<>-]|\n|\n\n|\\.\\.\\.|n't|'s|U\\.S\\.|Mr\\.|No\\.|http://a\\.b|é|…|—){0,40}") {
        check(&TextStage::new().unwrap(), &text);
    }
}

#[test]
fn edge_cases() {
    let stage = TextStage::new().unwrap();
    for text in [
        "",
        " ",
        "\n\n",
        ".",
        "'",
        "n't",
        "'s",
        "-",
        "a-",
        "1.",
        "\n1.",
        "No.",
        "U.S.",
        "a.",
        "...",
        "[1]",
        "]",
        "\u{feff}",
        "é\u{301}.",
        "http://",
        "@",
        "a@b.c.",
        "''t",
        "’’s",
        "#",
        ".5",
        "5pm.",
    ] {
        check(&stage, text);
    }
}

/// Long runs of one pattern: every look-behind and look-ahead is bounded, so these take
/// linear time (a quadratic step would make this test hang).
#[test]
fn adversarial_runs() {
    let stage = TextStage::new().unwrap();
    for unit in [
        "a's", ")", "\"", ". ", "-a", "[1]", "1,", "a.", "\n", "Ab\n", ":) ", "''", "a-",
    ] {
        check(&stage, &unit.repeat(50_000));
    }
    check(&stage, &format!("{}1\t1", " ".repeat(100_000)).repeat(3));
}
