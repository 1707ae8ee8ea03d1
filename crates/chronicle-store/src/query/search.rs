//! `search`: full-text search over article titles and texts (FTS5, bm25 ranking).
//!
//! The order of the results is [`SearchRank`]: by default the best bm25 scores among the
//! [`DEFAULT_WINDOW`] most recently stored matching articles (a bounded ranking: a common word
//! matches tens of thousands of articles at a million events, and scoring every one of them
//! is what made a search slow); or every match scored; or the newest articles first.

use chronicle_doc::Date;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{day_text, fts_error, limit_value, Conditions};
use crate::error::{Error, Result};
use crate::ingest::day_number;
use crate::Store;

/// How many of the most recently stored matching articles a relevance search scores unless
/// told otherwise ([`SearchFilter::window`]).
pub const DEFAULT_WINDOW: usize = 1000;

/// [`SearchRank::Date`] sorts up to this many matches in SQL (a table lookup each); above it,
/// it walks the day index from the newest day down and stops after the limit.
const DATE_WALK_ABOVE: usize = 4096;

/// The order of search results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchRank {
    /// Best bm25 score first, among the most recently stored matching articles only (the
    /// window, [`SearchFilter::window`]): newer articles are what a news search is mostly
    /// after, and the bound keeps a common word fast. With fewer matches than the window,
    /// every match is scored.
    #[default]
    Relevance,
    /// Best bm25 score first among every matching article (slower for common words).
    All,
    /// Newest article first (by article date, then most recently stored); no scoring.
    Date,
}

impl SearchRank {
    pub fn as_str(self) -> &'static str {
        match self {
            SearchRank::Relevance => "relevance",
            SearchRank::All => "all",
            SearchRank::Date => "date",
        }
    }
}

impl std::str::FromStr for SearchRank {
    type Err = Error;

    fn from_str(s: &str) -> Result<SearchRank> {
        [SearchRank::Relevance, SearchRank::All, SearchRank::Date]
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| Error::InvalidQuery(format!("search rank {s:?}: expected relevance, all or date")))
    }
}

/// A full-text search. `query` is FTS5 syntax (`"oil price" AND opec`, `sanct*`,
/// `NEAR(sanctions russia, 5)`), plus the infix `a NEAR b` / `a NEAR/5 b` form.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SearchFilter {
    pub query: String,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// News source (`documents.source`).
    pub source: Option<String>,
    pub limit: Option<usize>,
    /// The order of the results.
    pub rank: SearchRank,
    /// For [`SearchRank::Relevance`]: how many of the most recently stored articles that match
    /// (the query and the date and source filters) are scored; `None` for [`DEFAULT_WINDOW`].
    /// "Most recently stored" is the order `ingest` stored them in (a replaced article counts
    /// from its new version).
    pub window: Option<usize>,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchRow {
    pub doc_id: String,
    pub date: String,
    pub source: Option<String>,
    pub title: Option<String>,
    /// The best matching passage, hits in `[brackets]`.
    pub snippet: String,
    /// bm25 score (title weighted 5×): lower is better. 0 when ordered by date (not scored).
    pub rank: f64,
}

impl SearchRow {
    /// A row of `id, day, source, title, snippet, rank`, the columns every search query selects.
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SearchRow> {
        Ok(SearchRow {
            doc_id: row.get(0)?,
            date: day_text(row.get(1)?),
            source: row.get(2)?,
            title: row.get(3)?,
            snippet: row.get(4)?,
            rank: row.get(5)?,
        })
    }
}

/// Rewrites the infix `a NEAR b` and `a NEAR/n b` (FTS3 style) into FTS5's `NEAR(a b, n)`
/// (default distance 10); everything else is passed through.
pub fn fts_query(query: &str) -> String {
    // Split into terms, keeping "quoted phrases" whole.
    let mut tokens: Vec<String> = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            let mut t = String::from(chars.next().unwrap());
            for c in chars.by_ref() {
                t.push(c);
                if c == '"' {
                    break;
                }
            }
            tokens.push(t);
        } else {
            let mut t = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || (c == '"' && !t.is_empty()) {
                    break;
                }
                t.push(c);
                chars.next();
            }
            tokens.push(t);
        }
    }
    let near_distance = |t: &str| -> Option<u32> {
        if t == "NEAR" {
            Some(10)
        } else {
            t.strip_prefix("NEAR/").and_then(|n| n.parse().ok())
        }
    };
    let is_term = |t: &str| !matches!(t, "AND" | "OR" | "NOT") && near_distance(t).is_none() && !t.contains('(');
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let Some(mut distance) = near_distance(t) {
            if let (Some(prev), Some(next)) = (out.last(), tokens.get(i + 1)) {
                if is_term(prev) && is_term(next) {
                    let mut terms = vec![out.pop().unwrap(), next.clone()];
                    i += 2;
                    while let (Some(op), Some(next)) = (tokens.get(i), tokens.get(i + 1)) {
                        match near_distance(op) {
                            Some(d) if is_term(next) => {
                                distance = distance.max(d);
                                terms.push(next.clone());
                                i += 2;
                            }
                            _ => break,
                        }
                    }
                    out.push(format!("NEAR({}, {distance})", terms.join(" ")));
                    continue;
                }
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out.join(" ")
}

impl Store {
    /// Articles matching a full-text query, in the order `filter.rank` asks for.
    pub fn search(&self, filter: &SearchFilter) -> Result<Vec<SearchRow>> {
        self.search_with(filter, DATE_WALK_ABOVE)
    }

    /// [`Store::search`], the date order walking the day index above `date_walk_above`
    /// matches (tests set it to check the walk against the plain sort).
    pub(crate) fn search_with(&self, filter: &SearchFilter, date_walk_above: usize) -> Result<Vec<SearchRow>> {
        let query = filter.query.trim();
        if query.is_empty() {
            return Err(Error::InvalidQuery("empty search".into()));
        }
        let fts = fts_query(query);
        if filter.rank == SearchRank::Date {
            let newest = self
                .newest_matches(&fts, filter, date_walk_above)
                .map_err(|e| fts_error(&fts, e, "searching articles"))?;
            if let Some(keys) = newest {
                return self
                    .search_rows(&fts, &keys)
                    .map_err(|e| fts_error(&fts, e, "searching articles"));
            }
        }
        let mut c = Conditions::default();
        c.push("documents_fts MATCH ?", [Value::Text(fts.clone())]);
        if let Some(since) = filter.since {
            c.push("d.day >= ?", [Value::Integer(day_number(since))]);
        }
        if let Some(until) = filter.until {
            c.push("d.day <= ?", [Value::Integer(day_number(until))]);
        }
        if let Some(source) = &filter.source {
            c.push("d.source = ?", [Value::Text(source.clone())]);
        }
        // The documents table is joined in the choosing step only when a filter or the order
        // needs it: for a common word that saves a table lookup per match.
        let docs = if filter.since.is_some()
            || filter.until.is_some()
            || filter.source.is_some()
            || filter.rank == SearchRank::Date
        {
            " JOIN documents d ON d.doc_key = documents_fts.rowid"
        } else {
            ""
        };
        // Two steps: choose the best `limit` first, then cut snippets for those alone. (In one
        // step SQLite builds a snippet for every match before sorting, which for a common word
        // is most of the time.)
        let window = match (filter.rank, filter.window.unwrap_or(DEFAULT_WINDOW)) {
            (SearchRank::Relevance, n) if n > 0 => Some(n),
            _ => None,
        };
        let best = match (filter.rank, window) {
            // The relevance window: FTS5 reads the matches in key order (newest first here)
            // and stops after `window` of them; bm25 is computed for those alone, as a result
            // column of the inner query.
            (SearchRank::Relevance, Some(_)) => format!(
                "SELECT doc_key, score FROM (
                     SELECT documents_fts.rowid AS doc_key, bm25(documents_fts, 5.0, 1.0) AS score
                     FROM documents_fts{docs} WHERE {}
                     ORDER BY documents_fts.rowid DESC LIMIT ?)
                 ORDER BY score, doc_key DESC LIMIT ?",
                c.sql()
            ),
            (SearchRank::Date, _) => format!(
                "SELECT documents_fts.rowid AS doc_key, 0.0 AS score
                 FROM documents_fts{docs} WHERE {}
                 ORDER BY d.day DESC, documents_fts.rowid DESC LIMIT ?",
                c.sql()
            ),
            _ => format!(
                "SELECT documents_fts.rowid AS doc_key, bm25(documents_fts, 5.0, 1.0) AS score
                 FROM documents_fts{docs} WHERE {}
                 ORDER BY score, documents_fts.rowid DESC LIMIT ?",
                c.sql()
            ),
        };
        let order = match filter.rank {
            SearchRank::Date => "d.day DESC, d.doc_key DESC",
            _ => "best.score, d.doc_key DESC",
        };
        let sql = format!(
            "WITH best AS ({best})
             SELECT d.id, d.day, d.source, d.title,
                    snippet(documents_fts, -1, '[', ']', '…', 16), best.score
             FROM best CROSS JOIN documents_fts ON documents_fts.rowid = best.doc_key
                 JOIN documents d ON d.doc_key = best.doc_key
             WHERE documents_fts MATCH ? ORDER BY {order}"
        );
        let params = c
            .params
            .into_iter()
            .chain(window.map(|n| Value::Integer(n.min(i64::MAX as usize) as i64)))
            .chain([limit_value(filter.limit), Value::Text(fts.clone())]);
        let run = || -> rusqlite::Result<Vec<SearchRow>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(params), SearchRow::from_row)?;
            rows.collect()
        };
        run().map_err(|e| fts_error(&fts, e, "searching articles"))
    }

    /// For [`SearchRank::Date`] with many matches: the keys of the newest `limit` matching
    /// articles, newest first, found by walking the `documents_day` index from the newest day
    /// down and keeping the articles in the query's match set (FTS5 lists a term's matches
    /// without scoring them in one pass; with many matches the walk stops early). `None`
    /// when the matches are few (or there is no limit): sorting them all by date is then
    /// cheap, and done in SQL.
    fn newest_matches(&self, fts: &str, filter: &SearchFilter, few: usize) -> rusqlite::Result<Option<Vec<i64>>> {
        let Some(limit) = filter.limit else {
            return Ok(None);
        };
        let keys: Vec<i64> = self
            .conn
            .prepare_cached("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1")?
            .query_map([fts], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if keys.len() <= few {
            return Ok(None);
        }
        let max = keys.iter().copied().max().unwrap_or(0).max(0) as usize;
        let mut set = vec![false; max + 1];
        for &k in &keys {
            if k >= 0 {
                set[k as usize] = true;
            }
        }
        let lo = filter.since.map_or(i64::MIN, day_number);
        let hi = filter.until.map_or(i64::MAX, day_number);
        let source_sql = if filter.source.is_some() { ", source" } else { ", NULL" };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT doc_key{source_sql} FROM documents INDEXED BY documents_day
             WHERE day >= ?1 AND day <= ?2 ORDER BY day DESC, doc_key DESC"
        ))?;
        let mut rows = stmt.query([lo, hi])?;
        let mut out = Vec::with_capacity(limit.min(keys.len()));
        while out.len() < limit {
            let Some(row) = rows.next()? else { break };
            let key: i64 = row.get(0)?;
            if !(key >= 0 && (key as usize) < set.len() && set[key as usize]) {
                continue;
            }
            if let Some(source) = &filter.source {
                if row.get::<_, Option<String>>(1)?.as_deref() != Some(source.as_str()) {
                    continue;
                }
            }
            out.push(key);
        }
        Ok(Some(out))
    }

    /// The result rows of the articles `keys`, in that order, with their snippets; unscored.
    fn search_rows(&self, fts: &str, keys: &[i64]) -> rusqlite::Result<Vec<SearchRow>> {
        let list = format!("[{}]", keys.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        let mut stmt = self.conn.prepare_cached(
            "WITH best AS (SELECT value AS doc_key, key AS ord FROM json_each(?1))
             SELECT d.id, d.day, d.source, d.title,
                    snippet(documents_fts, -1, '[', ']', '…', 16), 0.0
             FROM best CROSS JOIN documents_fts ON documents_fts.rowid = best.doc_key
                 JOIN documents d ON d.doc_key = best.doc_key
             WHERE documents_fts MATCH ?2 ORDER BY best.ord",
        )?;
        let rows = stmt.query_map(rusqlite::params![list, fts], SearchRow::from_row)?;
        rows.collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn rewrites_infix_near() {
        assert_eq!(fts_query("sanctions NEAR Russia"), "NEAR(sanctions Russia, 10)");
        assert_eq!(fts_query("a NEAR/3 b NEAR c"), "NEAR(a b c, 10)");
        assert_eq!(fts_query("\"oil price\" NEAR/5 opec"), "NEAR(\"oil price\" opec, 5)");
        assert_eq!(fts_query("oil AND opec"), "oil AND opec");
        assert_eq!(fts_query("NEAR(a b, 2)"), "NEAR(a b, 2)");
    }
}
