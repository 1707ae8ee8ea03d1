//! Hand-built documents for the unit tests.

use chronicle_doc::{
    Date, Document, Entity, EntityKind, Event, EventActor, Meta, Mode, Place, Quote, QuoteKind, Span, Speaker, Tone,
};

pub fn date(s: &str) -> Date {
    Date::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub fn doc(id: &str, day: &str, source: Option<&str>, title: Option<&str>, text: &str) -> Document {
    let meta = Meta {
        id: id.into(),
        date: date(day),
        date_text: day.into(),
        source: source.map(Into::into),
        title: title.map(Into::into),
        url: Some(format!("https://news.example/{id}")),
    };
    let mut d = Document::new(meta, text.into());
    d.tone = Some(Tone {
        tone: -2.0,
        words: 40,
        ..Tone::default()
    });
    d
}

/// Byte span of the first occurrence of `needle`.
pub fn span(d: &Document, needle: &str) -> Span {
    let start = d
        .text()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

/// The sentence (split on ". ") around `needle`, and its index.
fn sentence_of(d: &Document, needle: &str) -> (Span, u32) {
    let at = span(d, needle).start as usize;
    let text = d.text();
    let start = text[..at].rfind(". ").map_or(0, |i| i + 2);
    let end = text[at..].find('.').map_or(text.len(), |i| at + i + 1);
    (Span::new(start, end), text[..start].matches(". ").count() as u32)
}

pub struct Ev<'a> {
    pub source: (&'a str, &'a str),
    pub target: (&'a str, &'a str),
    pub cameo: &'a str,
    pub trigger: &'a str,
    pub mode: Mode,
    pub date: Option<&'a str>,
    pub place: Option<&'a str>,
}

impl<'a> Ev<'a> {
    pub fn new(source: (&'a str, &'a str), cameo: &'a str, target: (&'a str, &'a str), trigger: &'a str) -> Ev<'a> {
        Ev {
            source,
            target,
            cameo,
            trigger,
            mode: Mode::Asserted,
            date: None,
            place: None,
        }
    }
}

pub fn add_event(d: &mut Document, ev: Ev<'_>) {
    let root: u8 = ev.cameo[..2].parse().unwrap();
    let quad = match root {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    };
    let (evidence, sentence) = sentence_of(d, ev.trigger);
    let event = Event {
        source: Some(EventActor {
            span: span(d, ev.source.0),
            actor: Some(ev.source.1.into()),
        }),
        target: Some(EventActor {
            span: span(d, ev.target.0),
            actor: Some(ev.target.1.into()),
        }),
        cameo: ev.cameo.into(),
        quad_class: quad,
        goldstein: if quad <= 2 { 3.0 } else { -5.0 },
        plover: Some(if quad <= 2 { "CONSULT" } else { "SANCTION" }.into()),
        mode: ev.mode,
        date: ev.date.map_or(d.meta.date, date),
        place: ev.place.map(Into::into),
        sentence,
        trigger: span(d, ev.trigger),
        evidence,
        mentions: 1,
        explanation: None,
    };
    for (name, code) in [ev.source, ev.target] {
        let s = span(d, name);
        if !d.entities.iter().any(|e| e.span == s) {
            d.entities.push(Entity {
                span: s,
                kind: EntityKind::Person,
                actor: Some(code.into()),
                canonical: None,
                sentence,
            });
        }
    }
    d.events.push(event);
}

pub fn add_place(d: &mut Document, name: &str, country: &str) {
    let s = span(d, name);
    d.places.push(Place {
        span: s,
        name: name.into(),
        country: Some(country.into()),
        lat: Some(46.2),
        lon: Some(6.1),
        feature: Some("city".into()),
        geonameid: Some(2660646),
    });
}

pub fn add_quote(d: &mut Document, quote: &str, speaker: &str, actor: &str, canonical: &str) {
    let q = span(d, quote);
    let s = span(d, speaker);
    d.quotes.push(Quote {
        span: q,
        kind: QuoteKind::Direct,
        cue: None,
        speaker: Some(Speaker {
            span: s,
            actor: Some(actor.into()),
            canonical: Some(canonical.into()),
        }),
    });
}
