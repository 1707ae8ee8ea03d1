//! `search`: full-text search over article titles and texts (FTS5, bm25 ranking).

use chronicle_doc::Date;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{day_text, fts_error, limit_value, Conditions};
use crate::error::{Error, Result};
use crate::ingest::day_number;
use crate::Store;

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
    /// bm25 score (title weighted 5×): lower is better.
    pub rank: f64,
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
    /// Articles matching a full-text query, best first.
    pub fn search(&self, filter: &SearchFilter) -> Result<Vec<SearchRow>> {
        let query = filter.query.trim();
        if query.is_empty() {
            return Err(Error::InvalidQuery("empty search".into()));
        }
        let fts = fts_query(query);
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
        // Two steps: rank every match but keep only the best `limit`, then cut snippets for
        // those alone. (In one step SQLite builds a snippet for every match before sorting,
        // which for a common word is most of the time.)
        // The documents table is joined in the ranking step only when a filter needs it: for
        // a common word that saves a table lookup per match.
        let docs = if filter.since.is_some() || filter.until.is_some() || filter.source.is_some() {
            " JOIN documents d ON d.doc_key = documents_fts.rowid"
        } else {
            ""
        };
        let sql = format!(
            "WITH best AS (
                 SELECT documents_fts.rowid AS doc_key, bm25(documents_fts, 5.0, 1.0) AS rank
                 FROM documents_fts{docs}
                 WHERE {} ORDER BY rank LIMIT ?)
             SELECT d.id, d.day, d.source, d.title,
                    snippet(documents_fts, -1, '[', ']', '…', 16), best.rank
             FROM best CROSS JOIN documents_fts ON documents_fts.rowid = best.doc_key
                 JOIN documents d ON d.doc_key = best.doc_key
             WHERE documents_fts MATCH ? ORDER BY best.rank",
            c.sql()
        );
        let params = c
            .params
            .into_iter()
            .chain([limit_value(filter.limit), Value::Text(fts.clone())]);
        let run = || -> rusqlite::Result<Vec<SearchRow>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(params), |row| {
                Ok(SearchRow {
                    doc_id: row.get(0)?,
                    date: day_text(row.get(1)?),
                    source: row.get(2)?,
                    title: row.get(3)?,
                    snippet: row.get(4)?,
                    rank: row.get(5)?,
                })
            })?;
            rows.collect()
        };
        run().map_err(|e| fts_error(&fts, e, "searching articles"))
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
