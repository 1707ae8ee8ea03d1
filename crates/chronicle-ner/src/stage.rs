//! The pipeline stage: fills `doc.entities` from tokens and sentences.

use std::sync::Arc;

use chronicle_doc::{Document, Entity, Layers, Span, Stage};

use crate::model::NerModel;

/// Named-entity recognition over a document's tokens, one shared model.
pub struct NerStage {
    model: Arc<NerModel>,
}

impl NerStage {
    pub fn new(model: Arc<NerModel>) -> NerStage {
        NerStage { model }
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn assigns(&self) -> Layers {
        Layers::ENTITIES
    }

    fn run(&self, doc: &mut Document) {
        let words: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| {
                doc.tokens[s.tokens.start as usize..s.tokens.end as usize]
                    .iter()
                    .map(|t| doc.slice(t.span))
                    .collect()
            })
            .collect();
        let found = self.model.tag_document(&words);
        let mut entities = Vec::new();
        for (si, spans) in found.into_iter().enumerate() {
            let base = doc.sentences[si].tokens.start as usize;
            for (s, e, kind) in spans {
                let first = doc.tokens[base + s].span;
                let last = doc.tokens[base + e - 1].span;
                entities.push(Entity {
                    span: Span::new(first.start as usize, last.end as usize),
                    kind,
                    actor: None,
                    canonical: None,
                    sentence: si as u32,
                });
            }
        }
        entities.sort_by_key(|e| (e.span.start, e.span.end));
        doc.entities = entities;
        doc.mark_done(Layers::ENTITIES);
    }
}
