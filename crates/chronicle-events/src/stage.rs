use chronicle_doc::{DataError, Document, Layers, Stage};

use crate::coder::Coder;
use crate::merge::merge;
use crate::recode::Recoding;
use crate::tree::Tree;
use crate::{Ontology, Patterns};

/// Codes CAMEO/PLOVER events from the parse, the actors, and (when present) times, places
/// and quotes.
pub struct EventStage {
    ontology: Ontology,
    patterns: Patterns,
    recoding: Recoding,
}

impl EventStage {
    pub fn new() -> Result<EventStage, DataError> {
        let ontology = Ontology::builtin()?;
        let patterns = Patterns::builtin(&ontology)?;
        let recoding = Recoding::builtin(&ontology)?;
        Ok(EventStage {
            ontology,
            patterns,
            recoding,
        })
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES | Layers::TAGS | Layers::LEMMAS | Layers::PARSE | Layers::ACTORS
    }

    fn assigns(&self) -> Layers {
        Layers::EVENTS
    }

    fn run(&self, doc: &mut Document) {
        let coder = Coder {
            ontology: &self.ontology,
            patterns: &self.patterns,
            recoding: &self.recoding,
            quotes: doc.quotes.iter().map(|q| q.span).collect(),
        };
        let mut events = Vec::new();
        for sentence in 0..doc.sentences.len() {
            let tree = Tree::new(doc, sentence);
            coder.code_sentence(&tree, sentence as u32, &mut events);
        }
        doc.events = merge(events);
    }
}

#[cfg(test)]
mod tests;
