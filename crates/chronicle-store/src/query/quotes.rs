//! `quotes`: who said what, by speaker and topic.

use chronicle_doc::Date;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{day_text, fts_error, fts_query, limit_value, prefix_range, Conditions};
use crate::error::Result;
use crate::ingest::day_number;
use crate::Store;

/// Which quotes to list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuoteFilter {
    /// Words of the speaker's name (`Putin`), matched as a phrase.
    pub speaker: Option<String>,
    /// A full-text query over the quote (`sanctions`, `sanctions NEAR Russia`).
    pub about: Option<String>,
    /// Speaker actor code prefix (`RUSGOV`).
    pub actor: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// News source of the article.
    pub source: Option<String>,
    pub limit: Option<usize>,
}

/// One quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub doc_id: String,
    pub date: String,
    pub speaker: Option<String>,
    pub speaker_actor: Option<String>,
    /// direct, indirect or mixed.
    pub kind: String,
    pub text: String,
    /// Span in code points into the article's text.
    pub start: i64,
    pub end: i64,
}

fn phrase(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Store {
    /// Quotes matching `filter`, newest first.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let mut fts = Vec::new();
        if let Some(speaker) = filter.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            fts.push(format!("speaker : {}", phrase(speaker)));
        }
        if let Some(about) = filter.about.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            fts.push(format!("text : ({})", fts_query(about)));
        }
        let fts = fts.join(" AND ");
        let mut c = Conditions::default();
        let from = if fts.is_empty() {
            "quotes q"
        } else {
            c.push("quotes_fts MATCH ?", [Value::Text(fts.clone())]);
            "quotes_fts JOIN quotes q ON q.quote_key = quotes_fts.rowid"
        };
        if let Some(actor) = &filter.actor {
            let (lo, hi) = prefix_range(actor.trim());
            c.push("q.speaker_actor >= ? AND q.speaker_actor < ?", [lo, hi]);
        }
        if let Some(since) = filter.since {
            c.push("q.day >= ?", [Value::Integer(day_number(since))]);
        }
        if let Some(until) = filter.until {
            c.push("q.day <= ?", [Value::Integer(day_number(until))]);
        }
        if let Some(source) = &filter.source {
            c.push("d.source = ?", [Value::Text(source.clone())]);
        }
        // Two steps: pick the newest `limit` quotes first, then read their articles, so the
        // documents table is looked up for the rows shown rather than for every match (it is
        // joined in the first step only when a source filter needs it).
        let docs = if filter.source.is_some() {
            " JOIN documents d ON d.doc_key = q.doc_key"
        } else {
            ""
        };
        let sql = format!(
            "WITH best AS (
                 SELECT q.quote_key AS quote_key FROM {from}{docs}
                 WHERE {} ORDER BY q.day DESC, q.quote_key DESC LIMIT ?)
             SELECT d.id, q.day, q.speaker, q.speaker_actor, q.kind, q.text, q.start, q.end
             FROM best CROSS JOIN quotes q ON q.quote_key = best.quote_key
                 JOIN documents d ON d.doc_key = q.doc_key
             ORDER BY q.day DESC, q.quote_key DESC",
            c.sql()
        );
        let params = c.params.into_iter().chain([limit_value(filter.limit)]);
        let run = || -> rusqlite::Result<Vec<QuoteRow>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(params), |row| {
                Ok(QuoteRow {
                    doc_id: row.get(0)?,
                    date: day_text(row.get(1)?),
                    speaker: row.get(2)?,
                    speaker_actor: row.get(3)?,
                    kind: row.get(4)?,
                    text: row.get(5)?,
                    start: row.get(6)?,
                    end: row.get(7)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| fts_error(&fts, e, "listing quotes"))
    }
}
