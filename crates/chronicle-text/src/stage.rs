//! The pipeline stage: fills a document's token and sentence layers.

use chronicle_doc::{DataError, Document, Layers, Sentence, Span, Stage, Token};

use crate::lexicon::Lexicon;
use crate::{sentences, tokenize};

/// Tokenizer and sentence splitter for English news. Build it once and share it.
#[derive(Clone, Debug)]
pub struct TextStage {
    lex: Lexicon,
}

impl TextStage {
    /// Loads and validates the word lists in `data/text/` (embedded in the binary).
    pub fn new() -> Result<TextStage, DataError> {
        Ok(TextStage {
            lex: Lexicon::embedded()?,
        })
    }

    /// Tokens (UD English syntactic words) and sentences of `text`. Every span is on char
    /// boundaries; tokens are in order and do not overlap; each sentence spans from its
    /// first token's start to its last token's end, and the sentences cover all tokens.
    pub fn tokenize(&self, text: &str) -> (Vec<Token>, Vec<Sentence>) {
        let toks = tokenize::tokenize(&self.lex, text);
        let sentences = sentences::split(&self.lex, text, &toks)
            .into_iter()
            .map(|range| Sentence {
                span: Span {
                    start: toks[range.start].span.start,
                    end: toks[range.end - 1].span.end,
                },
                tokens: to_u32(range.start)..to_u32(range.end),
            })
            .collect();
        let tokens = toks.into_iter().map(|t| Token::new(t.span)).collect();
        (tokens, sentences)
    }
}

fn to_u32(n: usize) -> u32 {
    // A token is at least one byte and texts are limited to 4 GiB (see `Span`).
    u32::try_from(n).expect("fewer tokens than bytes")
}

impl Stage for TextStage {
    fn name(&self) -> &'static str {
        "text"
    }

    fn requires(&self) -> Layers {
        Layers::empty()
    }

    fn assigns(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn run(&self, doc: &mut Document) {
        let (tokens, sentences) = self.tokenize(doc.text());
        doc.tokens = tokens;
        doc.sentences = sentences;
        doc.mark_done(self.assigns());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_doc::Meta;

    #[test]
    fn fills_tokens_and_sentences() {
        let meta = Meta {
            id: "t".into(),
            date: chronicle_doc::Date::from_ymd_opt(2021, 12, 31).unwrap(),
            date_text: "2021-12-31".into(),
            source: None,
            title: None,
            url: None,
        };
        let mut doc = Document::new(meta, "Talks failed. They'll resume.".into());
        let stage = TextStage::new().unwrap();
        assert_eq!(stage.name(), "text");
        assert!(stage.requires().is_empty());
        stage.run(&mut doc);
        assert!(doc.has(Layers::TOKENS | Layers::SENTENCES));
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(words, ["Talks", "failed", ".", "They", "'ll", "resume", "."]);
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentences[1].tokens, 3..7);
        assert_eq!(doc.slice(doc.sentences[1].span), "They'll resume.");
    }
}
