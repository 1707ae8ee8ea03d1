use chronicle_doc::{Date, Document, Entity, EntityKind, Event, EventActor, Meta, Mode, Sentence, Span, Token, Upos};
use serde_json::Value;

use super::*;

fn doc(text: &str) -> Document {
    let meta = Meta {
        id: "d1".into(),
        date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: Some("BNR".into()),
        title: None,
        url: None,
    };
    Document::new(meta, text.into())
}

fn span_of(doc: &Document, needle: &str) -> Span {
    let start = doc.text().find(needle).unwrap();
    Span::new(start, start + needle.len())
}

fn json(doc: &Document, options: &RecordOptions) -> Value {
    serde_json::to_value(to_record(doc, options)).unwrap()
}

/// Python-style slicing by code points, as the evaluation does.
fn cp_slice(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn empty_layers_are_empty_arrays_and_meta_is_exact() {
    let d = doc("Nothing here.");
    let v = json(&d, &RecordOptions::default());
    assert_eq!(v["id"], "d1");
    assert_eq!(v["date"], "2021-12-31");
    assert_eq!(v["source"], "BNR");
    assert_eq!(v["text"], "Nothing here.");
    for layer in ["entities", "times", "quotes", "places", "events"] {
        assert_eq!(v[layer], Value::Array(vec![]), "{layer}");
    }
    assert_eq!(v["tone"], Value::Null);
    assert!(v.get("sentences").is_none(), "tokens only on request");
}

#[test]
fn offsets_leave_as_code_points() {
    let mut d = doc("Über — “Zelensky” met Putin in Kyiv.");
    let zelensky = span_of(&d, "Zelensky");
    let putin = span_of(&d, "Putin");
    d.entities.push(Entity {
        span: zelensky,
        kind: EntityKind::Person,
        actor: Some("UKRGOV".into()),
        canonical: Some("Volodymyr Zelensky".into()),
        sentence: 0,
    });
    d.events.push(Event {
        source: Some(EventActor {
            span: zelensky,
            actor: Some("UKRGOV".into()),
        }),
        target: Some(EventActor {
            span: putin,
            actor: Some("RUSGOV".into()),
        }),
        cameo: "036".into(),
        quad_class: 1,
        goldstein: 4.0,
        plover: Some("CONSULT".into()),
        mode: Mode::Asserted,
        date: Date::from_ymd_opt(2022, 1, 10).unwrap(),
        place: Some("Kyiv".into()),
        sentence: 0,
        trigger: span_of(&d, "met"),
        evidence: Span::new(0, d.text().len()),
        mentions: 2,
        explanation: Some("verb meet → 036".into()),
    });
    let v = json(&d, &RecordOptions::default());
    let text = d.text();
    let e = &v["entities"][0];
    assert_eq!(cp_slice(text, &e["start"], &e["end"]), "Zelensky");
    assert_eq!(e["start"], 8);
    let ev = &v["events"][0];
    assert_eq!(cp_slice(text, &ev["source"]["start"], &ev["source"]["end"]), "Zelensky");
    assert_eq!(cp_slice(text, &ev["trigger"]["start"], &ev["trigger"]["end"]), "met");
    assert_eq!(ev["evidence"]["end"], text.chars().count());
    assert_eq!(ev["cameo"], "036");
    assert_eq!(ev["root"], "03");
    assert_eq!(ev["date"], "2022-01-10");
    assert_eq!(ev["mode"], "asserted");
    assert!(ev.get("explanation").is_none(), "explanations only with --explain");
    let explained = json(
        &d,
        &RecordOptions {
            explain: true,
            ..RecordOptions::default()
        },
    );
    assert_eq!(explained["events"][0]["explanation"], "verb meet → 036");
}

#[test]
fn tokens_carry_sentence_relative_heads() {
    let mut d = doc("Hi. Biden called.");
    let words = [(0, 2), (2, 3), (4, 9), (10, 16), (16, 17)];
    d.tokens = words.iter().map(|&(s, e)| Token::new(Span::new(s, e))).collect();
    d.sentences = vec![
        Sentence {
            span: Span::new(0, 3),
            tokens: 0..2,
        },
        Sentence {
            span: Span::new(4, 17),
            tokens: 2..5,
        },
    ];
    let called = &mut d.tokens[3];
    called.upos = Some(Upos::Verb);
    called.deprel = Some("root");
    d.tokens[2].head = Some(3);
    d.tokens[2].deprel = Some("nsubj");
    let v = json(
        &d,
        &RecordOptions {
            tokens: true,
            ..RecordOptions::default()
        },
    );
    let second = &v["sentences"][1]["tokens"];
    assert_eq!(second[0]["text"], "Biden");
    assert_eq!(second[0]["head"], 2, "1-based within the sentence");
    assert_eq!(second[1]["head"], 0, "root");
    assert_eq!(second[1]["upos"], "VERB");
    assert_eq!(second[2]["head"], Value::Null, "not parsed");
}
