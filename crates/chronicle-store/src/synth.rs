//! Synthetic coded documents for benchmarks and tests, until the event coder exists.
//!
//! Shapes: 5–15 events per article over ~200 actor codes (40 countries × 5 roles) and ~300
//! CAMEO codes, a skew towards popular actors, about a third of events repeating a recent
//! story (so events merge across articles), dates spread over ten years, 1–3 quotes, a place,
//! and a tone. Each article's text is a generated lead (where the events' spans point) followed
//! by a body taken from the given texts, when there are any.

use chronicle_doc::{
    Date, Document, Entity, EntityKind, Event, EventActor, Meta, Mode, Place, Quote, QuoteKind, Span, Speaker,
    TimeKind, Timex, Tone,
};

const COUNTRIES: [&str; 40] = [
    "USA", "RUS", "CHN", "UKR", "GBR", "FRA", "DEU", "JPN", "IND", "IRN", "ISR", "PSE", "SYR", "TUR", "SAU", "EGY",
    "PAK", "AFG", "IRQ", "KOR", "PRK", "BRA", "MEX", "CAN", "AUS", "ITA", "ESP", "POL", "NGA", "ZAF", "KEN", "ETH",
    "VEN", "COL", "ARG", "IDN", "PHL", "VNM", "BLR", "SRB",
];
const ROLES: [&str; 5] = ["", "GOV", "MIL", "OPP", "BUS"];
const PLOVER: [&str; 20] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "AID",
    "RETREAT",
    "REQUEST",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "ASSAULT",
];
const PLACES: [(&str, &str, f64, f64); 8] = [
    ("Geneva", "CH", 46.202, 6.146),
    ("Moscow", "RU", 55.752, 37.616),
    ("Washington", "US", 38.895, -77.036),
    ("Kyiv", "UA", 50.450, 30.523),
    ("Beijing", "CN", 39.907, 116.397),
    ("Brussels", "BE", 50.850, 4.349),
    ("Cairo", "EG", 30.044, 31.236),
    ("Tehran", "IR", 35.694, 51.422),
];
const TOPICS: [&str; 8] = [
    "sanctions",
    "the border dispute",
    "energy supplies",
    "the ceasefire",
    "trade tariffs",
    "nuclear talks",
    "refugees",
    "the election",
];

/// A deterministic generator of coded documents.
pub struct Synth {
    state: u64,
    actors: Vec<String>,
    codes: Vec<String>,
    texts: Vec<String>,
    recent: Vec<(Date, usize, usize, usize)>,
    start: Date,
}

impl Synth {
    /// A generator seeded with `seed`, taking article bodies from `texts` (may be empty).
    pub fn new(seed: u64, texts: Vec<String>) -> Synth {
        let actors = COUNTRIES
            .iter()
            .flat_map(|c| ROLES.iter().map(move |r| format!("{c}{r}")))
            .collect();
        let mut codes = Vec::new();
        for root in 1..=20 {
            codes.push(format!("{root:02}"));
            for base in 0..10 {
                codes.push(format!("{root:02}{base}"));
            }
            for sub in 1..=4 {
                codes.push(format!("{root:02}1{sub}"));
            }
        }
        Synth {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            actors,
            codes,
            texts,
            recent: Vec::new(),
            start: Date::from_ymd_opt(2015, 1, 1).expect("valid date"),
        }
    }

    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed pick: small indices are much more likely.
    fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }

    /// The number of distinct CAMEO codes used.
    pub fn code_count(&self) -> usize {
        self.codes.len()
    }

    /// One coded document.
    pub fn document(&mut self, id: String) -> Document {
        let date = self.start + chrono::Days::new(self.below(3650) as u64);
        let n_events = 5 + self.below(11);
        let mut lead = String::new();
        let mut events = Vec::with_capacity(n_events);
        let mut entities = Vec::with_capacity(n_events * 2);
        let place = PLACES[self.below(PLACES.len())];
        for sentence in 0..n_events {
            let (event_date, s, t, c) = if !self.recent.is_empty() && self.below(3) == 0 {
                let i = self.below(self.recent.len());
                self.recent[i]
            } else {
                let s = self.skewed(self.actors.len());
                let mut t = self.skewed(self.actors.len());
                if t == s {
                    t = (t + 1) % self.actors.len();
                }
                let c = self.below(self.codes.len());
                let d = date - chrono::Days::new(self.below(3) as u64);
                (d, s, t, c)
            };
            if self.recent.len() < 256 {
                self.recent.push((event_date, s, t, c));
            } else {
                let i = self.below(256);
                self.recent[i] = (event_date, s, t, c);
            }
            let start = lead.len();
            let topic = TOPICS[self.below(TOPICS.len())];
            let src = self.actors[s].clone();
            let tgt = self.actors[t].clone();
            let cameo = self.codes[c].clone();
            lead.push_str("Officials of ");
            let s_span = Span::new(lead.len(), lead.len() + src.len());
            lead.push_str(&src);
            lead.push(' ');
            let trigger = Span::new(lead.len(), lead.len() + 7);
            lead.push_str("engaged ");
            let t_span = Span::new(lead.len(), lead.len() + tgt.len());
            lead.push_str(&tgt);
            lead.push_str(&format!(" over {topic} in {}. ", place.0));
            let evidence = Span::new(start, lead.len() - 1);
            let root: u8 = cameo[..2].parse().unwrap_or(1);
            let quad = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            let sentence = sentence as u32;
            for (span, code) in [(s_span, &src), (t_span, &tgt)] {
                entities.push(Entity {
                    span,
                    kind: EntityKind::Organization,
                    actor: Some(code.clone()),
                    canonical: None,
                    sentence,
                });
            }
            events.push(Event {
                source: Some(EventActor {
                    span: s_span,
                    actor: Some(src),
                }),
                target: Some(EventActor {
                    span: t_span,
                    actor: Some(tgt),
                }),
                quad_class: quad,
                goldstein: 10.0 - f32::from(root),
                plover: Some(PLOVER[usize::from(root - 1)].to_string()),
                cameo,
                mode: if self.below(10) == 0 {
                    Mode::Reported
                } else {
                    Mode::Asserted
                },
                date: event_date,
                place: Some(place.0.to_string()),
                sentence,
                trigger,
                evidence,
                mentions: 1 + u32::from(self.below(4) == 0),
                explanation: None,
            });
        }
        let mut quotes = Vec::new();
        for _ in 0..1 + self.below(3) {
            let i = self.skewed(self.actors.len());
            let who = self.actors[i].clone();
            let topic = TOPICS[self.below(TOPICS.len())];
            let start = lead.len();
            lead.push('"');
            lead.push_str(&format!("We will not accept any compromise on {topic}"));
            lead.push('"');
            let q_end = lead.len();
            lead.push_str(", said a spokesman for ");
            let sp = Span::new(lead.len(), lead.len() + who.len());
            lead.push_str(&who);
            lead.push_str(". ");
            quotes.push(Quote {
                span: Span::new(start, q_end),
                kind: QuoteKind::Direct,
                cue: Some(Span::new(q_end + 2, q_end + 6)),
                speaker: Some(Speaker {
                    span: sp,
                    actor: Some(who),
                    canonical: None,
                }),
            });
        }
        let place_start = lead.len();
        lead.push_str(place.0);
        lead.push_str(".\n\n");
        let places = vec![Place {
            span: Span::new(place_start, place_start + place.0.len()),
            name: place.0.to_string(),
            country: Some(place.1.to_string()),
            lat: Some(place.2),
            lon: Some(place.3),
            feature: Some("city".into()),
            geonameid: None,
        }];
        let times = vec![Timex {
            span: Span::new(place_start, place_start + place.0.len()),
            kind: TimeKind::Date,
            value: date.to_string(),
        }];
        if !self.texts.is_empty() {
            let i = self.below(self.texts.len());
            let body = &self.texts[i];
            lead.push_str(body);
        }
        let title = format!("{} and {} {}", events.len(), place.0, TOPICS[self.below(8)]);
        let meta = Meta {
            id,
            date,
            date_text: date.to_string(),
            source: Some(["BNR", "AFP", "REU", "APW", "XIN"][self.below(5)].to_string()),
            title: Some(title),
            url: None,
        };
        let tone = (self.below(200) as f64 - 100.0) / 20.0;
        let mut doc = Document::new(meta, lead);
        doc.events = events;
        doc.entities = entities;
        doc.quotes = quotes;
        doc.places = places;
        doc.times = times;
        doc.tone = Some(Tone {
            tone,
            words: 300,
            ..Tone::default()
        });
        doc
    }
}
