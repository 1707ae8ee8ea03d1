//! The record's shape. Field names are the contract's: the evaluation reads them.

use chronicle_doc::{Document, Span};
use serde::Serialize;

use crate::CodePoints;

/// What goes into a record beyond the contract's default layers.
#[derive(Clone, Debug, Default)]
pub struct RecordOptions {
    /// Add `sentences` with their tokens (`--with tokens`).
    pub tokens: bool,
    /// Add each event's `explanation`: the pattern that fired and the parse path (`--explain`).
    pub explain: bool,
    /// Indent the JSON for reading (`--pretty`).
    pub pretty: bool,
}

#[derive(Serialize)]
pub struct Record<'a> {
    id: &'a str,
    date: &'a str,
    source: Option<&'a str>,
    /// The article body exactly as read: every offset points into it.
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    entities: Vec<EntityOut<'a>>,
    times: Vec<TimeOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
    places: Vec<PlaceOut<'a>>,
    events: Vec<EventOut<'a>>,
    tone: Option<ToneOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<Vec<SentenceOut<'a>>>,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: u32,
    end: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: &'static str,
    actor: Option<&'a str>,
    canonical: Option<&'a str>,
    sentence: u32,
}

#[derive(Serialize)]
struct TimeOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: &'static str,
    value: &'a str,
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    actor: Option<&'a str>,
    canonical: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: &'static str,
    cue: Option<SpanOut<'a>>,
    speaker: Option<SpeakerOut<'a>>,
}

#[derive(Serialize)]
struct PlaceOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    name: &'a str,
    country: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    feature: Option<&'a str>,
    geonameid: Option<u64>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    text: &'a str,
    actor: Option<&'a str>,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct EventOut<'a> {
    source: Option<ActorOut<'a>>,
    target: Option<ActorOut<'a>>,
    cameo: &'a str,
    root: &'a str,
    quad_class: u8,
    goldstein: f32,
    plover: Option<&'a str>,
    mode: &'static str,
    date: String,
    place: Option<&'a str>,
    sentence: u32,
    trigger: SpanOut<'a>,
    evidence: SpanOut<'a>,
    mentions: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<&'a str>,
}

#[derive(Serialize)]
struct ToneOut {
    tone: f64,
    positive: f64,
    negative: f64,
    polarity: f64,
    activity: f64,
    self_group: f64,
    words: u32,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: u32,
    end: u32,
    tokens: Vec<TokenOut<'a>>,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    upos: Option<&'static str>,
    xpos: Option<&'static str>,
    lemma: Option<&'a str>,
    /// 1-based index of the head within the sentence, 0 for the root (CoNLL-U).
    head: Option<u32>,
    deprel: Option<&'static str>,
}

/// Builds the record of a document; offsets become code points here.
pub fn to_record<'a>(doc: &'a Document, options: &RecordOptions) -> Record<'a> {
    let cp = CodePoints::new(doc.text());
    let text = |span: Span| doc.slice(span);
    let span_out = |span: Span, with_text: bool| SpanOut {
        start: cp.at(span.start),
        end: cp.at(span.end),
        text: with_text.then(|| text(span)),
    };
    let actor_out = |actor: &'a chronicle_doc::EventActor| ActorOut {
        text: text(actor.span),
        actor: actor.actor.as_deref(),
        start: cp.at(actor.span.start),
        end: cp.at(actor.span.end),
    };
    Record {
        id: &doc.meta.id,
        date: &doc.meta.date_text,
        source: doc.meta.source.as_deref(),
        text: doc.text(),
        title: doc.meta.title.as_deref(),
        url: doc.meta.url.as_deref(),
        entities: doc
            .entities
            .iter()
            .map(|e| EntityOut {
                start: cp.at(e.span.start),
                end: cp.at(e.span.end),
                text: text(e.span),
                kind: e.kind.as_str(),
                actor: e.actor.as_deref(),
                canonical: e.canonical.as_deref(),
                sentence: e.sentence,
            })
            .collect(),
        times: doc
            .times
            .iter()
            .map(|t| TimeOut {
                start: cp.at(t.span.start),
                end: cp.at(t.span.end),
                text: text(t.span),
                kind: t.kind.as_str(),
                value: &t.value,
            })
            .collect(),
        quotes: doc
            .quotes
            .iter()
            .map(|q| QuoteOut {
                start: cp.at(q.span.start),
                end: cp.at(q.span.end),
                text: text(q.span),
                kind: q.kind.as_str(),
                cue: q.cue.map(|cue| span_out(cue, true)),
                speaker: q.speaker.as_ref().map(|s| SpeakerOut {
                    start: cp.at(s.span.start),
                    end: cp.at(s.span.end),
                    text: text(s.span),
                    actor: s.actor.as_deref(),
                    canonical: s.canonical.as_deref(),
                }),
            })
            .collect(),
        places: doc
            .places
            .iter()
            .map(|p| PlaceOut {
                start: cp.at(p.span.start),
                end: cp.at(p.span.end),
                text: text(p.span),
                name: &p.name,
                country: p.country.as_deref(),
                lat: p.lat,
                lon: p.lon,
                feature: p.feature.as_deref(),
                geonameid: p.geonameid,
            })
            .collect(),
        events: doc
            .events
            .iter()
            .map(|e| EventOut {
                source: e.source.as_ref().map(actor_out),
                target: e.target.as_ref().map(actor_out),
                cameo: &e.cameo,
                root: e.root(),
                quad_class: e.quad_class,
                goldstein: e.goldstein,
                plover: e.plover.as_deref(),
                mode: e.mode.as_str(),
                date: e.date.format("%Y-%m-%d").to_string(),
                place: e.place.as_deref(),
                sentence: e.sentence,
                trigger: span_out(e.trigger, true),
                evidence: span_out(e.evidence, false),
                mentions: e.mentions,
                explanation: if options.explain {
                    e.explanation.as_deref()
                } else {
                    None
                },
            })
            .collect(),
        tone: doc.tone.map(|t| ToneOut {
            tone: t.tone,
            positive: t.positive,
            negative: t.negative,
            polarity: t.polarity,
            activity: t.activity,
            self_group: t.self_group,
            words: t.words,
        }),
        sentences: options.tokens.then(|| sentences(doc, &cp)),
    }
}

fn sentences<'a>(doc: &'a Document, cp: &CodePoints) -> Vec<SentenceOut<'a>> {
    doc.sentences
        .iter()
        .map(|sentence| {
            let first = sentence.tokens.start;
            let tokens = doc.tokens[sentence.tokens.start as usize..sentence.tokens.end as usize]
                .iter()
                .map(|t| TokenOut {
                    start: cp.at(t.span.start),
                    end: cp.at(t.span.end),
                    text: doc.slice(t.span),
                    upos: t.upos.map(|u| u.as_str()),
                    xpos: t.xpos,
                    lemma: t.lemma.as_deref(),
                    // Parsed tokens: a head inside the sentence, or none for the root.
                    head: t.deprel.map(|_| t.head.map_or(0, |h| h - first + 1)),
                    deprel: t.deprel,
                })
                .collect();
            SentenceOut {
                start: cp.at(sentence.span.start),
                end: cp.at(sentence.span.end),
                tokens,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
