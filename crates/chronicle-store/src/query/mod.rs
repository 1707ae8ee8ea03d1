//! Queries: filter structs in, serializable rows out.
//!
//! Actor filters match by prefix (`USA` matches `USA`, `USAGOV`, `USAMIL`); a dyad matches
//! both directions (`USA:RUS` is USA→RUS and RUS→USA); `code` matches CAMEO codes by prefix
//! (`13` matches `13`, `130`, `1311`), `root` exactly by root. Dates are inclusive.

mod actor;
mod candidates;
mod events;
mod quotes;
mod search;
mod timeline;

use std::str::FromStr;

use chronicle_doc::Date;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ingest::day_number;

pub use actor::{ActorReport, PartnerRow, PeriodCount, RootCount};
pub use events::EventRow;
pub use quotes::{QuoteFilter, QuoteRow};
pub use search::{fts_query, SearchFilter, SearchRank, SearchRow, DEFAULT_WINDOW};
pub use timeline::{Period, TimelineRow};

/// Two actor code prefixes: `USA:RUS`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dyad {
    pub a: String,
    pub b: String,
}

impl FromStr for Dyad {
    type Err = Error;

    fn from_str(s: &str) -> Result<Dyad> {
        match s.split_once(':') {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => Ok(Dyad {
                a: a.trim().to_string(),
                b: b.trim().to_string(),
            }),
            _ => Err(Error::InvalidQuery(format!(
                "dyad {s:?}: expected two actor codes, A:B"
            ))),
        }
    }
}

/// Which events a query or an export covers. Every field is optional; set ones combine with
/// AND. The same struct is `events`' filter and `export --where`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EventFilter {
    /// Source or target actor code prefix.
    pub actor: Option<String>,
    /// Both actors, either direction.
    pub dyad: Option<Dyad>,
    /// CAMEO code prefix (`13`, `138`).
    pub code: Option<String>,
    /// CAMEO root (`13`; `3` is read as `03`).
    pub root: Option<String>,
    /// Quad class 1–4.
    pub quad: Option<u8>,
    pub since: Option<Date>,
    pub until: Option<Date>,
    /// Place: ISO 3166-1 alpha-2 country code of the event's place, or the place name.
    pub place: Option<String>,
    /// Event mode: asserted, negated, hypothetical, future, reported.
    pub mode: Option<String>,
    /// News source (`documents.source`) of a reporting article.
    pub source: Option<String>,
    /// At most this many rows (newest first); `None` for all.
    pub limit: Option<usize>,
}

pub(crate) const MODES: [&str; 5] = ["asserted", "negated", "hypothetical", "future", "reported"];

/// SQL conditions with their parameters, in order.
#[derive(Default)]
pub(crate) struct Conditions {
    pub clauses: Vec<String>,
    pub params: Vec<Value>,
}

impl Conditions {
    pub fn push(&mut self, clause: impl Into<String>, params: impl IntoIterator<Item = Value>) {
        self.clauses.push(clause.into());
        self.params.extend(params);
    }

    /// `AND`-joined clauses, or `1` when there are none.
    pub fn sql(&self) -> String {
        if self.clauses.is_empty() {
            "1".into()
        } else {
            self.clauses.join(" AND ")
        }
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// `[prefix, prefix + U+10FFFF)`: every code starting with `prefix`, as an index range.
pub(crate) fn prefix_range(prefix: &str) -> (Value, Value) {
    (text(prefix), Value::Text(format!("{prefix}\u{10FFFF}")))
}

fn nonempty<'a>(what: &str, value: &'a str) -> Result<&'a str> {
    let value = value.trim();
    if value.is_empty() {
        Err(Error::InvalidQuery(format!("empty {what}")))
    } else {
        Ok(value)
    }
}

impl EventFilter {
    /// Conditions on the `events` table (alias `e`).
    pub(crate) fn event_conditions(&self) -> Result<Conditions> {
        let mut c = Conditions::default();
        if let Some(actor) = &self.actor {
            let (lo, hi) = prefix_range(nonempty("actor", actor)?);
            c.push(
                "((e.source_actor >= ? AND e.source_actor < ?) OR (e.target_actor >= ? AND e.target_actor < ?))",
                [lo.clone(), hi.clone(), lo, hi],
            );
        }
        if let Some(dyad) = &self.dyad {
            let (alo, ahi) = prefix_range(nonempty("dyad actor", &dyad.a)?);
            let (blo, bhi) = prefix_range(nonempty("dyad actor", &dyad.b)?);
            c.push(
                "((e.source_actor >= ? AND e.source_actor < ? AND e.target_actor >= ? AND e.target_actor < ?)
                  OR (e.source_actor >= ? AND e.source_actor < ? AND e.target_actor >= ? AND e.target_actor < ?))",
                [alo.clone(), ahi.clone(), blo.clone(), bhi.clone(), blo, bhi, alo, ahi],
            );
        }
        if let Some(code) = &self.code {
            let code = nonempty("CAMEO code", code)?;
            if !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::InvalidQuery(format!("CAMEO code {code:?} is not digits")));
            }
            let (lo, hi) = prefix_range(code);
            c.push("e.cameo >= ? AND e.cameo < ?", [lo, hi]);
        }
        if let Some(root) = &self.root {
            let root = nonempty("CAMEO root", root)?;
            let root = match root.parse::<u8>() {
                Ok(n @ 1..=20) => format!("{n:02}"),
                _ => return Err(Error::InvalidQuery(format!("CAMEO root {root:?}: expected 01–20"))),
            };
            c.push("e.root = ?", [Value::Text(root)]);
        }
        if let Some(quad) = self.quad {
            if !(1..=4).contains(&quad) {
                return Err(Error::InvalidQuery(format!("quad class {quad}: expected 1–4")));
            }
            c.push("e.quad_class = ?", [Value::Integer(i64::from(quad))]);
        }
        if let Some(since) = self.since {
            c.push("e.day >= ?", [Value::Integer(day_number(since))]);
        }
        if let Some(until) = self.until {
            c.push("e.day <= ?", [Value::Integer(day_number(until))]);
        }
        Ok(c)
    }

    /// Conditions on one mention (alias `m`): place, mode, news source.
    pub(crate) fn mention_conditions(&self) -> Result<Conditions> {
        let mut c = Conditions::default();
        if let Some(place) = &self.place {
            let place = nonempty("place", place)?;
            c.push("(m.place_country = ? OR m.place = ?)", [text(place), text(place)]);
        }
        if let Some(mode) = &self.mode {
            let mode = mode.trim().to_ascii_lowercase();
            if !MODES.contains(&mode.as_str()) {
                return Err(Error::InvalidQuery(format!(
                    "mode {mode:?}: expected one of {}",
                    MODES.join(", ")
                )));
            }
            c.push("m.mode = ?", [Value::Text(mode)]);
        }
        if let Some(source) = &self.source {
            c.push("m.source_name = ?", [text(nonempty("source", source)?)]);
        }
        Ok(c)
    }

    /// Event conditions plus, when the filter has mention conditions, an `EXISTS` over them.
    pub(crate) fn all_conditions(&self) -> Result<Conditions> {
        let mut c = self.event_conditions()?;
        let m = self.mention_conditions()?;
        if !m.clauses.is_empty() {
            c.push(
                format!(
                    "EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.event_id AND {})",
                    m.sql()
                ),
                m.params,
            );
        }
        Ok(c)
    }
}

/// `YYYYMMDD` → `YYYY-MM-DD`.
pub(crate) fn day_text(day: i64) -> String {
    format!("{:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100)
}

/// `YYYYMMDD` → a date.
pub(crate) fn day_date(day: i64) -> Result<Date> {
    Date::from_ymd_opt((day / 10_000) as i32, (day / 100 % 100) as u32, (day % 100) as u32)
        .ok_or_else(|| Error::Data(format!("invalid stored day {day}")))
}

/// Maps an SQLite error from a full-text query to a query error the user can fix.
pub(crate) fn fts_error(query: &str, e: rusqlite::Error, what: &'static str) -> Error {
    let msg = e.to_string();
    if [
        "fts5",
        "syntax error",
        "unterminated",
        "no such column",
        "malformed MATCH",
    ]
    .iter()
    .any(|m| msg.contains(m))
    {
        Error::InvalidQuery(format!("search {query:?}: {msg}"))
    } else {
        Error::Sqlite {
            context: what.into(),
            source: e,
        }
    }
}

pub(crate) fn limit_value(limit: Option<usize>) -> Value {
    Value::Integer(limit.map_or(-1, |n| n.min(i64::MAX as usize) as i64))
}
