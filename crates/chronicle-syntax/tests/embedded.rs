//! The committed models: load them and check a news sentence comes out sensibly.
//! Skipped (with a note) when the build found no model files under `data/models/`.

use std::sync::Arc;

use chronicle_doc::{Document, Layers, Meta, Sentence, Span, Stage, Token, Upos};
use chronicle_syntax::{SyntaxModels, SyntaxStage};

fn models() -> Option<SyntaxModels> {
    match SyntaxModels::embedded() {
        Ok(m) => Some(m),
        Err(e) => {
            eprintln!("skipping: {e}");
            None
        }
    }
}

const WORDS: [&str; 10] = [
    "US",
    "President",
    "Joe",
    "Biden",
    "called",
    "Vladimir",
    "Putin",
    "on",
    "Thursday",
    ".",
];

/// Climbs `flat` arcs from word `i` to the head of its name; returns it and its relation.
fn name_head(a: &[chronicle_syntax::WordAnalysis], mut i: usize) -> (usize, &'static str) {
    while a[i].deprel == "flat" {
        i = a[i].head.expect("flat has a head");
    }
    (i, a[i].deprel)
}

#[test]
fn embedded_models_analyze_a_news_sentence() {
    let Some(m) = models() else { return };
    let a = m.analyze(&WORDS);
    let show: Vec<String> = a
        .iter()
        .zip(WORDS)
        .map(|(x, w)| {
            format!(
                "{w}/{}/{:?}/{}->{:?}:{}",
                x.xpos,
                x.upos,
                x.lemma,
                x.head.map_or(0, |h| h + 1),
                x.deprel
            )
        })
        .collect();
    let show = show.join(" ");
    assert_eq!(a[4].head, None, "called is the root: {show}");
    assert_eq!(a[4].deprel, "root");
    assert_eq!(a[4].upos, Some(Upos::Verb), "{show}");
    assert_eq!(a[4].xpos, "VBD");
    assert_eq!(a[4].lemma, "call");
    // UD makes the first word of a name its head ("Joe" <- flat "Biden"), so the subject
    // relation sits on "Joe" and "Biden" reaches "called" through it.
    let (h, rel) = name_head(&a, 3);
    assert_eq!(
        (a[h].head, rel),
        (Some(4), "nsubj"),
        "Biden's name is the subject of called: {show}"
    );
    assert_eq!(a[3].upos, Some(Upos::Propn));
    assert_eq!(a[3].lemma, "Biden");
    let (h, rel) = name_head(&a, 6);
    assert_eq!(
        (a[h].head, rel),
        (Some(4), "obj"),
        "Putin's name is the object of called: {show}"
    );
    assert_eq!(a[8].head, Some(4), "Thursday attaches to called: {show}");
    assert!(a[8].deprel.starts_with("obl"), "{show}");
    assert_eq!(a[7].head, Some(8), "on attaches to Thursday: {show}");
    assert_eq!((a[9].head, a[9].deprel), (Some(4), "punct"));
}

#[test]
fn stage_fills_document_tokens() {
    let Some(m) = models() else { return };
    let text = "US President Joe Biden called Vladimir Putin on Thursday. He spoke.";
    let meta = Meta {
        id: "t".into(),
        date: chronicle_doc::Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut doc = Document::new(meta, text.into());
    let mut pos = 0;
    for w in WORDS.iter().chain(["He", "spoke", "."].iter()) {
        let start = text[pos..].find(w).unwrap() + pos;
        doc.tokens.push(Token::new(Span::new(start, start + w.len())));
        pos = start + w.len();
    }
    doc.sentences = vec![
        Sentence {
            span: Span::new(0, 57),
            tokens: 0..10,
        },
        Sentence {
            span: Span::new(58, 67),
            tokens: 10..13,
        },
    ];
    doc.mark_done(Layers::TOKENS | Layers::SENTENCES);
    let stage = SyntaxStage::new(Arc::new(m));
    assert_eq!(stage.name(), "syntax");
    assert!(stage.requires() == Layers::TOKENS | Layers::SENTENCES);
    stage.run(&mut doc);
    assert!(doc.has(Layers::TAGS | Layers::LEMMAS | Layers::PARSE));
    assert_eq!(doc.tokens[2].head, Some(4), "document-level head index");
    assert_eq!(doc.tokens[2].deprel, Some("nsubj"), "Joe (Biden) is the subject");
    assert_eq!(doc.tokens[3].head, Some(2));
    assert_eq!(doc.tokens[11].head, None, "spoke is a root");
    assert_eq!(doc.tokens[10].head, Some(11), "second sentence heads are offset");
    assert_eq!(doc.tokens[11].lemma.as_deref(), Some("speak"));
    assert!(doc
        .tokens
        .iter()
        .all(|t| t.upos.is_some() && t.xpos.is_some() && t.deprel.is_some()));
}

#[test]
fn shared_across_threads() {
    let Some(m) = models() else { return };
    let m = Arc::new(m);
    let expected = m.analyze(&WORDS);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let m = Arc::clone(&m);
            std::thread::spawn(move || (0..20).map(|_| m.analyze(&WORDS)).collect::<Vec<_>>())
        })
        .collect();
    for h in handles {
        for a in h.join().unwrap() {
            assert_eq!(a, expected);
        }
    }
}
