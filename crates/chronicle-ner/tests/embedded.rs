//! The shipped model on our own text, through the model API and the pipeline stage.
//! Skipped when the checkout has no trained model yet (an empty placeholder file).

use std::sync::Arc;

use chronicle_doc::{Date, Document, EntityKind, Layers, Meta, Sentence, Span, Stage, Token};
use chronicle_ner::{NerModel, NerStage};

const SENTENCE: &str = "US President Joe Biden spoke with NATO officials in Geneva .";

fn model() -> Option<Arc<NerModel>> {
    if !NerModel::has_embedded() {
        eprintln!("no embedded model: skipped");
        return None;
    }
    Some(Arc::new(NerModel::embedded().expect("embedded model loads")))
}

#[test]
fn tags_our_sentence() {
    let Some(model) = model() else { return };
    let words: Vec<&str> = SENTENCE.split(' ').collect();
    let found = model.tag_sentence(&words);
    assert!(found.contains(&(2, 4, EntityKind::Person)), "{found:?}");
    assert!(found.contains(&(6, 7, EntityKind::Organization)), "{found:?}");
    assert!(found.contains(&(9, 10, EntityKind::Place)), "{found:?}");
}

#[test]
fn stage_fills_entities_with_byte_spans() {
    let Some(model) = model() else { return };
    let text = "Talks in Genève.\nUS President Joe Biden spoke with NATO officials in Geneva.";
    let meta = Meta {
        id: "t".into(),
        date: Date::from_ymd_opt(2021, 6, 16).unwrap(),
        date_text: "2021-06-16".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut doc = Document::new(meta, text.into());
    // Hand tokenization: words and the final periods.
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let first = tokens.len() as u32;
        let mut pos = offset;
        for w in line.split(' ') {
            let (word, period) = match w.strip_suffix('.') {
                Some(wd) => (wd, true),
                None => (w, false),
            };
            tokens.push(Token::new(Span::new(pos, pos + word.len())));
            if period {
                tokens.push(Token::new(Span::new(pos + word.len(), pos + w.len())));
            }
            pos += w.len() + 1;
        }
        sentences.push(Sentence {
            span: Span::new(offset, offset + line.len()),
            tokens: first..tokens.len() as u32,
        });
        offset += line.len() + 1;
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.mark_done(Layers::TOKENS | Layers::SENTENCES);

    let stage = NerStage::new(model);
    assert_eq!(stage.name(), "ner");
    assert_eq!(stage.requires(), Layers::TOKENS | Layers::SENTENCES);
    assert_eq!(stage.assigns(), Layers::ENTITIES);
    stage.run(&mut doc);
    assert!(doc.has(Layers::ENTITIES));
    let got: Vec<(&str, EntityKind, u32)> = doc
        .entities
        .iter()
        .map(|e| (doc.slice(e.span), e.kind, e.sentence))
        .collect();
    assert!(got.contains(&("Joe Biden", EntityKind::Person, 1)), "{got:?}");
    assert!(got.contains(&("NATO", EntityKind::Organization, 1)), "{got:?}");
    assert!(got.contains(&("Geneva", EntityKind::Place, 1)), "{got:?}");
    assert!(got.contains(&("Genève", EntityKind::Place, 0)), "{got:?}");
    assert!(doc.entities.windows(2).all(|w| w[0].span.start <= w[1].span.start));

    // One model, many threads.
    let words: Vec<&str> = SENTENCE.split(' ').collect();
    let expected = stage_model_tags(&words);
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| assert_eq!(stage_model_tags(&words), expected));
        }
    });
}

fn stage_model_tags(words: &[&str]) -> Vec<(usize, usize, EntityKind)> {
    static MODEL: std::sync::OnceLock<NerModel> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| NerModel::embedded().unwrap()).tag_sentence(words)
}
