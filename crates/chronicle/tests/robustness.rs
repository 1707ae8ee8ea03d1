//! The whole English pipeline on arbitrary text: no stage may panic, and every span it writes
//! must lie on character boundaries inside the text.

use std::sync::OnceLock;

use chronicle::doc::{Date, Document, Meta, Span};
use chronicle::Pipeline;
use proptest::prelude::*;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::english().expect("the built-in pipeline loads"))
}

fn code(text: &str) -> Document {
    let meta = Meta {
        id: "p".into(),
        date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut doc = Document::new(meta, text.to_owned());
    pipeline().annotate_document(&mut doc);
    doc
}

fn check_span(doc: &Document, span: Span, what: &str) -> Result<(), TestCaseError> {
    let text = doc.text();
    prop_assert!(
        span.start <= span.end && (span.end as usize) <= text.len(),
        "{what} {span:?} outside the text"
    );
    prop_assert!(
        text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize),
        "{what} {span:?} cuts a character"
    );
    Ok(())
}

fn check_all(doc: &Document) -> Result<(), TestCaseError> {
    for t in &doc.tokens {
        check_span(doc, t.span, "token")?;
    }
    for s in &doc.sentences {
        check_span(doc, s.span, "sentence")?;
    }
    for e in &doc.entities {
        check_span(doc, e.span, "entity")?;
    }
    for m in &doc.mentions {
        check_span(doc, m.span, "mention")?;
    }
    for t in &doc.times {
        check_span(doc, t.span, "time")?;
    }
    for q in &doc.quotes {
        check_span(doc, q.span, "quote")?;
        if let Some(cue) = q.cue {
            check_span(doc, cue, "cue")?;
        }
        if let Some(speaker) = &q.speaker {
            check_span(doc, speaker.span, "speaker")?;
        }
    }
    for p in &doc.places {
        check_span(doc, p.span, "place")?;
    }
    for e in &doc.events {
        check_span(doc, e.trigger, "trigger")?;
        check_span(doc, e.evidence, "evidence")?;
        for actor in e.source.iter().chain(e.target.iter()) {
            check_span(doc, actor.span, "event actor")?;
        }
    }
    Ok(())
}

/// News-like text: words, names, numbers, dates, quotes of every kind, and odd characters.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Biden".to_owned()),
        Just("said".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("''".to_owned()),
        Just("January 10".to_owned()),
        Just("on Tuesday".to_owned()),
        Just("Kyiv".to_owned()),
        Just("U.S.".to_owned()),
        Just("sanctions".to_owned()),
        Just("—".to_owned()),
        Just("\n\n".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,4}",
        "\\PC{1,3}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_stage_panics_and_spans_stay_on_boundaries(text in newsy()) {
        let doc = code(&text);
        check_all(&doc)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let doc = code(&text);
        check_all(&doc)?;
    }
}
