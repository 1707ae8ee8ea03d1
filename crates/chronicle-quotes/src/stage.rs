use chronicle_doc::{DataError, Document, Layers, Stage};

use crate::attribute::Attributor;
use crate::cues::CueLexicon;
use crate::frames::Frames;
use crate::marks::find_quoted;
use crate::phrase::Words;

/// Finds direct, mixed and reported quotes with their cues and speakers.
pub struct QuoteStage {
    cues: CueLexicon,
    frames: Frames,
}

impl QuoteStage {
    pub fn new() -> Result<QuoteStage, DataError> {
        Ok(QuoteStage {
            cues: CueLexicon::builtin()?,
            frames: Frames::builtin()?,
        })
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn assigns(&self) -> Layers {
        Layers::QUOTES
    }

    fn run(&self, doc: &mut Document) {
        let words = Words::new(doc);
        let cues = doc
            .sentences
            .iter()
            .map(|s| {
                let range = s.tokens.start as usize..s.tokens.end as usize;
                let mut cues = self.cues.find(&words.lower[range.clone()], range.start);
                // "United States" is no cue: a capital inside a sentence marks a name.
                cues.retain(|c| c.first == range.start || !words.text(c.first).starts_with(char::is_uppercase));
                cues
            })
            .collect();
        let quotes = Attributor::new(words, cues, &self.frames).run(&find_quoted(doc.text()));
        doc.quotes = quotes;
    }
}

#[cfg(test)]
mod tests;
