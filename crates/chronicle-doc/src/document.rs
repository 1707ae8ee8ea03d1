use crate::{Date, Entity, Event, Layers, Mention, Place, Quote, Sentence, Span, Timex, Token, Tone};

/// What the reader knows about an article: set once, never changed by a stage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub id: String,
    /// Publication date: the anchor for relative times and the default event date.
    pub date: Date,
    /// The date exactly as the input gave it (`2021-12-31` or an RFC 3339 timestamp).
    pub date_text: String,
    pub source: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Something a stage noticed while running that the user may want to know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub stage: &'static str,
    pub message: String,
}

/// One article: its text and the annotation layers the stages add.
#[derive(Clone, Debug)]
pub struct Document {
    pub meta: Meta,
    text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    /// Phrases that refer to actors (names, descriptions, pronouns), sorted by start.
    pub mentions: Vec<Mention>,
    pub times: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
    pub tone: Option<Tone>,
    pub diagnostics: Vec<Diagnostic>,
    done: Layers,
}

impl Document {
    pub fn new(meta: Meta, text: String) -> Document {
        Document {
            meta,
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            entities: Vec::new(),
            mentions: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            places: Vec::new(),
            events: Vec::new(),
            tone: None,
            diagnostics: Vec::new(),
            done: Layers::empty(),
        }
    }

    /// The article body exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text a span covers.
    ///
    /// # Panics
    /// When the span is outside the text or not on `char` boundaries: a stage bug.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let range = &self.sentences[index].tokens;
        &self.tokens[range.start as usize..range.end as usize]
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Records that `layers` have been filled (possibly with nothing).
    pub fn mark_done(&mut self, layers: Layers) {
        self.done |= layers;
    }

    /// Whether every layer in `layers` has been filled.
    pub fn has(&self, layers: Layers) -> bool {
        self.done.contains(layers)
    }

    pub fn layers_done(&self) -> Layers {
        self.done
    }

    pub fn diagnose(&mut self, stage: &'static str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic {
            stage,
            message: message.into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        let meta = Meta {
            id: "t".into(),
            date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
            date_text: "2021-12-31".into(),
            source: None,
            title: None,
            url: None,
        };
        Document::new(meta, text.into())
    }

    #[test]
    fn layers_start_empty_and_are_marked() {
        let mut d = doc("Hello.");
        assert!(!d.has(Layers::TOKENS));
        d.mark_done(Layers::TOKENS | Layers::SENTENCES);
        assert!(d.has(Layers::TOKENS));
        assert!(!d.has(Layers::TOKENS | Layers::TAGS));
        assert_eq!(d.layers_done().names(), ["tokens", "sentences"]);
    }

    #[test]
    fn sentence_at_finds_the_containing_sentence() {
        let mut d = doc("One. Two.");
        d.sentences = vec![
            Sentence {
                span: Span::new(0, 4),
                tokens: 0..2,
            },
            Sentence {
                span: Span::new(5, 9),
                tokens: 2..4,
            },
        ];
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(4), None, "the space between sentences is in none");
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(9), None);
        assert_eq!(d.slice(Span::new(5, 8)), "Two");
    }
}
