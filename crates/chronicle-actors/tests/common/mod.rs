//! Hand-built documents for the tests: a tiny tokenizer and sentence splitter, entities set
//! by hand.
#![allow(dead_code)]

use std::sync::OnceLock;

use chronicle_actors::ActorStage;
use chronicle_doc::{Date, Document, Entity, EntityKind, Layers, Mention, Meta, Sentence, Span, Stage, Token};

pub fn stage() -> &'static ActorStage {
    static STAGE: OnceLock<ActorStage> = OnceLock::new();
    STAGE.get_or_init(|| ActorStage::new().expect("shipped dictionaries load"))
}

/// Splits words (letters, digits, inner `-` and `.`), `'s`, and single punctuation marks.
pub fn tokenize(text: &str) -> Vec<Span> {
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let end_of = |k: usize| if k < b.len() { b[k].0 } else { text.len() };
    while i < b.len() {
        let c = b[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let s = i;
            while i < b.len() {
                let c = b[i].1;
                let inner = (c == '-' || c == '.') && i + 1 < b.len() && b[i + 1].1.is_alphanumeric();
                if c.is_alphanumeric() || inner {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Span::new(b[s].0, end_of(i)));
            continue;
        }
        if (c == '\'' || c == '’') && i + 1 < b.len() && b[i + 1].1 == 's' && !out.is_empty() {
            out.push(Span::new(b[i].0, end_of(i + 2)));
            i += 2;
            continue;
        }
        out.push(Span::new(b[i].0, end_of(i + 1)));
        i += 1;
    }
    out
}

pub fn doc(text: &str, date: &str) -> Document {
    let meta = Meta {
        id: "t".into(),
        date: Date::parse_from_str(date, "%Y-%m-%d").unwrap(),
        date_text: date.into(),
        source: None,
        title: None,
        url: None,
    };
    let mut d = Document::new(meta, text.to_string());
    d.tokens = tokenize(text).into_iter().map(Token::new).collect();
    let n = d.tokens.len();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < n {
        let w = d.slice(d.tokens[i].span);
        if matches!(w, "." | "!" | "?") {
            let mut e = i + 1;
            while e < n && matches!(d.slice(d.tokens[e].span), "\"" | "”") {
                e += 1;
            }
            push_sentence(&mut d, start, e);
            start = e;
            i = e;
            continue;
        }
        i += 1;
    }
    if start < n {
        push_sentence(&mut d, start, n);
    }
    d.mark_done(Layers::TOKENS | Layers::SENTENCES | Layers::ENTITIES);
    d
}

fn push_sentence(d: &mut Document, s: usize, e: usize) {
    let span = d.tokens[s].span.cover(d.tokens[e - 1].span);
    d.sentences.push(Sentence {
        span,
        tokens: s as u32..e as u32,
    });
}

/// Adds an entity over the `nth` occurrence of `needle`.
pub fn entity(d: &mut Document, needle: &str, nth: usize, kind: EntityKind) {
    let span = nth_span(d, needle, nth);
    let sentence = d.sentence_at(span.start).unwrap() as u32;
    d.entities.push(Entity {
        span,
        kind,
        actor: None,
        canonical: None,
        sentence,
    });
    d.entities.sort_by_key(|e| e.span.start);
}

pub fn run(d: &mut Document) {
    stage().run(d);
}

/// The `nth` mention whose text is exactly `text`.
pub fn mention<'a>(d: &'a Document, text: &str, nth: usize) -> &'a Mention {
    d.mentions
        .iter()
        .filter(|m| d.slice(m.span) == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no mention `{text}` #{nth}; mentions: {}", dump(d)))
}

pub fn actor(d: &Document, text: &str, nth: usize) -> Option<String> {
    mention(d, text, nth).actor.clone()
}

pub fn dump(d: &Document) -> String {
    d.mentions
        .iter()
        .map(|m| {
            format!(
                "[{} {:?} {:?} {:?} ant={:?}]",
                d.slice(m.span),
                m.kind,
                m.actor,
                m.canonical,
                m.antecedent.map(|a| d.slice(d.mentions[a as usize].span))
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Adds a place (as the places stage would) over the `nth` occurrence of `needle`.
pub fn place(d: &mut Document, needle: &str, nth: usize, country: &str, feature: &str) {
    let span = nth_span(d, needle, nth);
    d.places.push(chronicle_doc::Place {
        span,
        name: needle.into(),
        country: Some(country.into()),
        lat: None,
        lon: None,
        feature: Some(feature.into()),
        geonameid: None,
    });
    d.places.sort_by_key(|p| p.span.start);
}

/// The span of the `nth` occurrence of `needle` in the text.
fn nth_span(d: &Document, needle: &str, nth: usize) -> Span {
    let start = d
        .text()
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not in the text"))
        .0;
    Span::new(start, start + needle.len())
}

/// Sets a dependency arc by hand, as the parser would: the token at the `nth` occurrence of
/// `dependent` depends on the token at the `head_nth` occurrence of `head` by `deprel`.
pub fn arc(d: &mut Document, dependent: (&str, usize), deprel: &'static str, head: (&str, usize)) {
    let token = |d: &Document, (needle, nth): (&str, usize)| {
        let start = nth_span(d, needle, nth).start;
        d.tokens
            .iter()
            .position(|t| t.span.start == start)
            .expect("a token starts there")
    };
    let (dep, head) = (token(d, dependent), token(d, head));
    d.tokens[dep].head = Some(head as u32);
    d.tokens[dep].deprel = Some(deprel);
}
