//! The pipeline stage: fills tags, lemmas and the dependency tree of every sentence.

use std::sync::Arc;

use chronicle_doc::{Document, Layers, Stage};

use crate::models::{Scratch, SyntaxModels};

pub struct SyntaxStage {
    models: Arc<SyntaxModels>,
}

impl SyntaxStage {
    pub fn new(models: Arc<SyntaxModels>) -> SyntaxStage {
        SyntaxStage { models }
    }
}

impl Stage for SyntaxStage {
    fn name(&self) -> &'static str {
        "syntax"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn assigns(&self) -> Layers {
        Layers::TAGS | Layers::LEMMAS | Layers::PARSE
    }

    fn run(&self, doc: &mut Document) {
        let mut scratch = Scratch::default();
        for si in 0..doc.sentences.len() {
            let range = doc.sentences[si].tokens.clone();
            let start = range.start as usize;
            let end = (range.end as usize).min(doc.tokens.len());
            if start >= end {
                continue;
            }
            let analysis = {
                let words: Vec<&str> = doc.tokens[start..end].iter().map(|t| doc.slice(t.span)).collect();
                self.models.analyze_with(&words, &mut scratch)
            };
            for (tok, a) in doc.tokens[start..end].iter_mut().zip(analysis) {
                tok.upos = a.upos;
                tok.xpos = Some(a.xpos);
                tok.lemma = Some(a.lemma.into_boxed_str());
                tok.head = a.head.map(|h| (start + h) as u32);
                tok.deprel = Some(a.deprel);
            }
        }
        doc.mark_done(self.assigns());
    }
}
