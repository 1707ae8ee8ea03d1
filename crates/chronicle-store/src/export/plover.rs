//! PLOVER event records, one JSON object per line.
//!
//! Fields follow the PLOVER manual's event data fields: `id`, `date`, `event_type`, `mode`,
//! `context`, `source`, `source_actor`, `source_country`, `target`, `target_actor`,
//! `target_country`, location (`place_name`, `country`, `lat`, `lon`, `geonames_id`), and the
//! story fields (`text`, `story_id`, `publisher`, `url`), plus Chronicle's extras (`cameo`,
//! `quad_class`, `goldstein`, `num_mentions`, `num_articles`, `num_sources`).
//! `mode` is Chronicle's event mode (asserted, negated, hypothetical, future, reported);
//! `context` is empty (Chronicle does not code PLOVER contexts). Events whose CAMEO code
//! has no PLOVER type are left out.

use serde::Serialize;

use super::gdelt::actor_parts;
use crate::query::EventRow;

#[derive(Serialize)]
pub struct PloverRecord<'a> {
    pub id: String,
    pub date: &'a str,
    pub event_type: &'a str,
    pub mode: &'a str,
    pub context: Vec<String>,
    pub source: Option<&'a str>,
    pub source_actor: Option<&'a str>,
    pub source_country: Option<&'a str>,
    pub target: Option<&'a str>,
    pub target_actor: Option<&'a str>,
    pub target_country: Option<&'a str>,
    pub place_name: Option<&'a str>,
    pub country: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<i64>,
    pub text: &'a str,
    pub story_id: &'a str,
    pub publisher: Option<&'a str>,
    pub url: Option<&'a str>,
    pub cameo: &'a str,
    pub quad_class: u8,
    pub goldstein: f64,
    pub num_mentions: i64,
    pub num_articles: i64,
    pub num_sources: i64,
}

/// The PLOVER record of an event, or `None` when it has no PLOVER type.
pub fn record(e: &EventRow) -> Option<PloverRecord<'_>> {
    let event_type = e.plover.as_deref()?;
    fn country(code: &Option<String>) -> Option<&str> {
        code.as_deref().and_then(|c| actor_parts(c).0)
    }
    Some(PloverRecord {
        id: format!("chronicle-{}", e.event_id),
        date: &e.date,
        event_type,
        mode: &e.mode,
        context: Vec::new(),
        source: e.source_text.as_deref(),
        source_actor: e.source_actor.as_deref(),
        source_country: country(&e.source_actor),
        target: e.target_text.as_deref(),
        target_actor: e.target_actor.as_deref(),
        target_country: country(&e.target_actor),
        place_name: e.place.as_deref(),
        country: e.country.as_deref(),
        lat: e.lat,
        lon: e.lon,
        geonames_id: e.geonameid,
        text: &e.evidence,
        story_id: &e.doc_id,
        publisher: e.news_source.as_deref(),
        url: e.url.as_deref(),
        cameo: &e.cameo,
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        num_mentions: e.num_mentions,
        num_articles: e.num_articles,
        num_sources: e.num_sources,
    })
}
