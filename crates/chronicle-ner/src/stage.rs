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
        let words: Vec<Vec<Word>> = doc
            .sentences
            .iter()
            .map(|s| ner_words(doc, s.tokens.start as usize..s.tokens.end as usize))
            .collect();
        let texts: Vec<Vec<&str>> = words
            .iter()
            .map(|ws| ws.iter().map(|w| doc.slice(w.span)).collect())
            .collect();
        let found = self.model.tag_document(&texts);
        let mut entities = Vec::new();
        for (si, spans) in found.into_iter().enumerate() {
            for (s, e, kind) in spans {
                let (first, last) = (words[si][s].span, words[si][e - 1].span);
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

/// A word as the NER model knows words.
struct Word {
    span: Span,
}

/// The words NER sees in a token range. The text layer splits hyphenated words as UD does
/// (`all - rounder`, `1996 - 08 - 30`); the model was trained on CoNLL-2003, which keeps them
/// whole, and its shape, affix and dateline features expect them so. Tokens glued together by
/// a hyphen (no space on either side) are joined back here.
fn ner_words(doc: &Document, tokens: std::ops::Range<usize>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut glue_next = false;
    for i in tokens {
        let span = doc.tokens[i].span;
        let hyphen = doc.slice(span) == "-";
        let touches = out.last().is_some_and(|w| w.span.end == span.start);
        if touches && (glue_next || hyphen) {
            let last = out.last_mut().expect("touches implies a previous word");
            last.span = last.span.cover(span);
        } else {
            out.push(Word { span });
        }
        // A hyphen glued to the word before joins the word after only if that one touches too.
        glue_next = hyphen && touches;
    }
    // Undo joins that left a dangling hyphen (`anti-` at a line end, `- 30` in a list).
    let mut fixed = Vec::with_capacity(out.len());
    for w in out {
        let text = doc.slice(w.span);
        if text.len() > 1 && text.ends_with('-') {
            let cut = w.span.end as usize - 1;
            fixed.push(Word {
                span: Span::new(w.span.start as usize, cut),
            });
            fixed.push(Word {
                span: Span::new(cut, w.span.end as usize),
            });
        } else {
            fixed.push(w);
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    use chronicle_doc::{Date, Meta, Token};

    use super::*;

    /// A document tokenized at spaces, with hyphens split off as the text layer does.
    fn doc(text: &str) -> Document {
        let meta = Meta {
            id: "t".into(),
            date: Date::from_ymd_opt(1996, 8, 30).unwrap(),
            date_text: "1996-08-30".into(),
            source: None,
            title: None,
            url: None,
        };
        let mut d = Document::new(meta, text.into());
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c == ' ' || c == '-' {
                if let Some(s) = start.take() {
                    d.tokens.push(Token::new(Span::new(s, i)));
                }
                if c == '-' {
                    d.tokens.push(Token::new(Span::new(i, i + 1)));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        d
    }

    fn words(text: &str) -> Vec<String> {
        let d = doc(text);
        ner_words(&d, 0..d.tokens.len())
            .iter()
            .map(|w| d.slice(w.span).to_string())
            .collect()
    }

    #[test]
    fn hyphenated_words_are_whole_again() {
        assert_eq!(words("LONDON 1996-08-30"), ["LONDON", "1996-08-30"]);
        assert_eq!(
            words("the all-rounder from Chester-le-Street"),
            ["the", "all-rounder", "from", "Chester-le-Street"]
        );
    }

    #[test]
    fn spaced_and_dangling_hyphens_stay_apart() {
        assert_eq!(words("SOCCER - JAPAN WIN"), ["SOCCER", "-", "JAPAN", "WIN"]);
        assert_eq!(words("pro- and anti-"), ["pro", "-", "and", "anti", "-"]);
    }
}
