//! `events`: merged events with the evidence sentence of one reporting article.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::{Deserialize, Serialize};

use super::{day_text, limit_value, EventFilter};
use crate::error::{Context, Result};
use crate::Store;

/// One event (merged across articles) with its first matching mention's evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Stable id (GDELT's GlobalEventID).
    pub event_id: i64,
    /// Event date, `YYYY-MM-DD`.
    pub date: String,
    pub source_actor: Option<String>,
    pub target_actor: Option<String>,
    pub cameo: String,
    pub root: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub num_mentions: i64,
    pub num_articles: i64,
    pub num_sources: i64,
    /// Mean tone of the reporting articles that have a tone.
    pub avg_tone: Option<f64>,
    pub mode: String,
    pub place: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub feature: Option<String>,
    pub geonameid: Option<i64>,
    /// The source and target as the article names them.
    pub source_text: Option<String>,
    pub target_text: Option<String>,
    /// The article the evidence comes from.
    pub doc_id: String,
    pub url: Option<String>,
    pub news_source: Option<String>,
    pub sentence: i64,
    /// Evidence span in code points into the article's text.
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub evidence: String,
    /// First ingest, `YYYYMMDDHHMMSS` UTC (GDELT's DATEADDED).
    pub date_added: i64,
}

const COLUMNS: &str = "e.event_id, e.day, e.source_actor, e.target_actor, e.cameo, e.root,
    e.quad_class, e.goldstein, e.plover, e.num_mentions, e.num_articles, e.num_sources,
    e.tone_sum, e.tone_n, m.mode, m.place, m.place_country, m.place_lat, m.place_lon,
    m.place_feature, m.place_geonameid, m.source_text, m.target_text, d.id, d.url, d.source,
    m.sentence, m.evidence_start, m.evidence_end,
    substr(d.text, m.evidence_start + 1, m.evidence_end - m.evidence_start), e.added";

fn none_if_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn event_row(row: &Row<'_>) -> rusqlite::Result<EventRow> {
    let tone_sum: f64 = row.get(12)?;
    let tone_n: i64 = row.get(13)?;
    Ok(EventRow {
        event_id: row.get(0)?,
        date: day_text(row.get(1)?),
        source_actor: none_if_empty(row.get(2)?),
        target_actor: none_if_empty(row.get(3)?),
        cameo: row.get(4)?,
        root: row.get(5)?,
        quad_class: row.get(6)?,
        goldstein: row.get(7)?,
        plover: row.get(8)?,
        num_mentions: row.get(9)?,
        num_articles: row.get(10)?,
        num_sources: row.get(11)?,
        avg_tone: (tone_n > 0).then(|| tone_sum / tone_n as f64),
        mode: row.get(14)?,
        place: row.get(15)?,
        country: row.get(16)?,
        lat: row.get(17)?,
        lon: row.get(18)?,
        feature: row.get(19)?,
        geonameid: row.get(20)?,
        source_text: row.get(21)?,
        target_text: row.get(22)?,
        doc_id: row.get(23)?,
        url: row.get(24)?,
        news_source: row.get(25)?,
        sentence: row.get(26)?,
        evidence_start: row.get(27)?,
        evidence_end: row.get(28)?,
        evidence: row.get(29)?,
        date_added: row.get(30)?,
    })
}

impl Store {
    /// Events matching `filter`, newest first.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut rows = Vec::new();
        self.for_each_event(filter, |row| {
            rows.push(row);
            Ok(())
        })?;
        Ok(rows)
    }

    /// Streams the events matching `filter`, newest first, to `f` (exports use this).
    pub fn for_each_event(&self, filter: &EventFilter, mut f: impl FnMut(EventRow) -> Result<()>) -> Result<u64> {
        let mentions = filter.mention_conditions()?;
        // The representative mention: the first (oldest) one matching the mention conditions;
        // an event none of whose mentions match drops out of the join. Without conditions that
        // is the event's first mention, which the event row names (schema version 5).
        let representative = if mentions.clauses.is_empty() {
            "JOIN event_mentions m ON m.mention_key = e.first_mention
             JOIN documents d ON d.doc_key = m.doc_key"
                .to_string()
        } else {
            format!(
                "JOIN event_mentions m ON m.mention_key = (
                     SELECT m.mention_key FROM event_mentions m
                     WHERE m.event_id = e.event_id AND {}
                     ORDER BY m.mention_key LIMIT 1)
                 JOIN documents d ON d.doc_key = m.doc_key",
                mentions.sql()
            )
        };
        let (sql, params): (String, Vec<Value>) = match self.candidates(filter, filter.limit)? {
            // An actor or a dyad: a few index seeks find the candidates, already filtered.
            Some(candidates) => (
                format!(
                    "SELECT {COLUMNS} FROM ({}) p CROSS JOIN events e ON e.event_id = p.event_id
                     {representative}
                     ORDER BY e.day DESC, e.event_id DESC LIMIT ?",
                    candidates.sql
                ),
                candidates.params.into_iter().chain(mentions.params).collect(),
            ),
            None => {
                let events = filter.event_conditions()?;
                (
                    format!(
                        "SELECT {COLUMNS} FROM events e {representative}
                         WHERE {} ORDER BY e.day DESC, e.event_id DESC LIMIT ?",
                        events.sql()
                    ),
                    mentions.params.into_iter().chain(events.params).collect(),
                )
            }
        };
        let params = params.into_iter().chain([limit_value(filter.limit)]);
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .context(|| "preparing the events query".into())?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .context(|| "querying events".into())?;
        let mut n = 0;
        while let Some(row) = rows.next().context(|| "reading events".into())? {
            f(event_row(row).context(|| "reading an event row".into())?)?;
            n += 1;
        }
        Ok(n)
    }
}
