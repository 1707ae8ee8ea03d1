use chronicle_doc::{DataError, Document, Layers, Stage, Upos};

use crate::attribute::Attributor;
use crate::cues::{CueKind, CueLexicon};
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
                // "one of the states suing the agency" is no cue either: a speech verb the
                // parse reads as a plural noun with a determiner (`the states`, `his claims`)
                // names no speech.
                cues.retain(|c| c.kind != CueKind::Verb || !noun_phrase(words.doc, c.first, &range));
                cues
            })
            .collect();
        let quotes = Attributor::new(words, cues, &self.frames).run(&find_quoted(doc.text()));
        doc.quotes = quotes;
    }
}

/// Whether token `i` heads a plural noun phrase: tagged a plural noun, with a determiner or
/// possessive of its own.
fn noun_phrase(doc: &Document, i: usize, sentence: &std::ops::Range<usize>) -> bool {
    let token = &doc.tokens[i];
    token.upos == Some(Upos::Noun)
        && token.xpos == Some("NNS")
        && sentence.clone().any(|j| {
            doc.tokens[j].head == Some(i as u32)
                && matches!(doc.tokens[j].deprel, Some("det" | "det:poss" | "nmod:poss"))
        })
}

#[cfg(test)]
mod tests;
