//! Finding the events of an actor or a dyad through exact index seeks.
//!
//! Actor codes match by prefix (`USA` is USA, USAGOV, USAMIL, …). A prefix is a range over
//! the `events_source` / `events_target` indexes, and within a range the entries are ordered
//! by code first, so "the newest 50 events of USA" would read and sort every USA event. But
//! a prefix covers only a handful of distinct codes: we find them with one seek each (a loose
//! index scan), then read each code's events in the index's (day, event_id) order and stop
//! after `limit` of them. The union of these short, ordered scans holds the newest `limit`
//! events overall. Dyads seek `events_key` (source, target, day, cameo) the same way.

use rusqlite::types::Value;

use super::{nonempty, prefix_range, Conditions, EventFilter};
use crate::error::{Context, Result};
use crate::Store;

/// Beyond this many distinct codes per prefix the seeks stop paying: scan the range instead.
const MAX_CODES: usize = 64;

/// A compound `SELECT event_id …` of the events a filter's actor or dyad selects, every other
/// condition of the filter applied in each arm.
pub(crate) struct Candidates {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Store {
    /// The distinct codes in `column` (`source_actor` or `target_actor`) starting with
    /// `prefix`, or `None` when there are too many to seek one by one.
    pub(super) fn codes_with_prefix(&self, column: &str, prefix: &str) -> Result<Option<Vec<String>>> {
        let (lo, hi) = prefix_range(prefix);
        let Value::Text(hi) = hi else {
            unreachable!("prefix_range gives text")
        };
        let Value::Text(mut from) = lo else {
            unreachable!("prefix_range gives text")
        };
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {column} FROM events WHERE {column} >= ?1 AND {column} < ?2 ORDER BY {column} LIMIT 1"
            ))
            .context(|| format!("preparing the {column} code lookup"))?;
        let mut codes = Vec::new();
        loop {
            let next: Option<String> = stmt
                .query_row([&from, &hi], |row| row.get(0))
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })
                .context(|| format!("listing the {column} codes of {prefix}"))?;
            let Some(code) = next else { break };
            if codes.len() == MAX_CODES {
                return Ok(None);
            }
            // The smallest string greater than `code`: the next distinct code is at or after it.
            from = format!("{code}\0");
            codes.push(code);
        }
        Ok(Some(codes))
    }

    /// The events matching `filter`'s actor or dyad (and its other conditions), as exact
    /// seeks; `None` when the filter has neither or a prefix covers too many codes. With
    /// `newest`, each arm keeps only its newest `newest` events (for `ORDER BY day DESC LIMIT`).
    pub(crate) fn candidates(&self, filter: &EventFilter, newest: Option<usize>) -> Result<Option<Candidates>> {
        let rest = EventFilter {
            actor: None,
            dyad: None,
            limit: None,
            ..filter.clone()
        }
        .all_conditions()?;
        // (index to walk, condition, its parameters)
        let mut arms: Vec<(&str, String, Vec<Value>)> = Vec::new();
        if let Some(dyad) = &filter.dyad {
            let (a, b) = (nonempty("dyad actor", &dyad.a)?, nonempty("dyad actor", &dyad.b)?);
            for (from, to) in [(a, b), (b, a)] {
                let Some(codes) = self.codes_with_prefix("source_actor", from)? else {
                    return Ok(None);
                };
                let (lo, hi) = prefix_range(to);
                for code in codes {
                    arms.push((
                        "events_key",
                        "e.source_actor = ? AND e.target_actor >= ? AND e.target_actor < ?".into(),
                        vec![Value::Text(code), lo.clone(), hi.clone()],
                    ));
                }
            }
            if let Some(actor) = &filter.actor {
                // The dyad's seeks are the narrower ones; the actor condition filters them.
                let (lo, hi) = prefix_range(nonempty("actor", actor)?);
                for arm in &mut arms {
                    arm.1.push_str(
                        " AND ((e.source_actor >= ? AND e.source_actor < ?) \
                         OR (e.target_actor >= ? AND e.target_actor < ?))",
                    );
                    arm.2.extend([lo.clone(), hi.clone(), lo.clone(), hi.clone()]);
                }
            }
        } else if let Some(actor) = &filter.actor {
            let actor = nonempty("actor", actor)?;
            for (column, index) in [("source_actor", "events_source"), ("target_actor", "events_target")] {
                let Some(codes) = self.codes_with_prefix(column, actor)? else {
                    return Ok(None);
                };
                for code in codes {
                    arms.push((index, format!("e.{column} = ?"), vec![Value::Text(code)]));
                }
            }
        } else {
            return Ok(None);
        }
        let limit = match newest {
            // Each arm is read in the index's (day, event_id) order and stops early.
            Some(n) => format!("ORDER BY e.day DESC, e.event_id DESC LIMIT {n}"),
            None => String::new(),
        };
        let mut sql = Vec::with_capacity(arms.len().max(1));
        let mut params = Vec::new();
        for (index, condition, arm_params) in arms {
            // Named, so that the planner cannot prefer another index and sort.
            sql.push(format!(
                "SELECT event_id FROM (SELECT e.event_id FROM events e INDEXED BY {index}
                 WHERE {condition} AND {} {limit})",
                rest.sql()
            ));
            params.extend(arm_params);
            params.extend(rest.params.iter().cloned());
        }
        if sql.is_empty() {
            // No such code in the store.
            sql.push("SELECT NULL AS event_id WHERE 0".into());
        }
        Ok(Some(Candidates {
            // UNION, not UNION ALL: USA→USAGOV is in both of USA's arms.
            sql: sql.join("\nUNION\n"),
            params,
        }))
    }
}

impl Conditions {
    /// These conditions, or the candidates' `event_id IN (…)` when there are candidates.
    pub(crate) fn or_candidates(self, candidates: Option<Candidates>) -> Conditions {
        match candidates {
            None => self,
            Some(c) => Conditions {
                clauses: vec![format!("e.event_id IN ({})", c.sql)],
                params: c.params,
            },
        }
    }
}
