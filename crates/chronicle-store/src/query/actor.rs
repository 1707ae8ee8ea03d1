//! `actor`: one actor's partners, event mix, quotes and activity over time.

use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{nonempty, prefix_range, Period, QuoteFilter, QuoteRow};
use crate::error::{Context, Result};
use crate::Store;

/// Everything the store knows about an actor (code prefix).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorReport {
    pub actor: String,
    /// Events the actor is the source of, and the target of.
    pub as_source: i64,
    pub as_target: i64,
    /// Most frequent counterparts, either direction.
    pub partners: Vec<PartnerRow>,
    /// Events per CAMEO root, either role.
    pub mix: Vec<RootCount>,
    /// The latest quotes of speakers with this code.
    pub quotes: Vec<QuoteRow>,
    /// Events per month, either role.
    pub over_time: Vec<PeriodCount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartnerRow {
    pub partner: String,
    pub events: i64,
    /// Events where the actor is the source (and the partner the target).
    pub as_source: i64,
    pub as_target: i64,
    pub goldstein_mean: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RootCount {
    pub root: String,
    pub quad_class: u8,
    pub events: i64,
    pub goldstein_mean: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PeriodCount {
    pub period: String,
    pub events: i64,
    pub goldstein_mean: f64,
}

impl Store {
    /// The report for actor code prefix `actor`; `top` caps partners and quotes.
    pub fn actor(&self, actor: &str, top: usize) -> Result<ActorReport> {
        let actor = nonempty("actor", actor)?.to_string();
        let (lo, hi) = prefix_range(&actor);
        // Both roles as one relation: (role, partner, day, root, quad, goldstein).
        let roles = "SELECT 0 AS role, target_actor AS partner, day, root, quad_class, goldstein
                 FROM events WHERE source_actor >= ?1 AND source_actor < ?2
             UNION ALL
             SELECT 1, source_actor, day, root, quad_class, goldstein
                 FROM events WHERE target_actor >= ?1 AND target_actor < ?2";
        let params = [lo, hi];
        let top_i = Value::Integer(top as i64);
        let conn = &self.conn;
        let (as_source, as_target): (i64, i64) = conn
            .prepare_cached(&format!(
                "SELECT coalesce(sum(role = 0), 0), coalesce(sum(role = 1), 0) FROM ({roles})"
            ))
            .and_then(|mut s| s.query_row(params_from_iter(params.iter()), |r| Ok((r.get(0)?, r.get(1)?))))
            .context(|| format!("counting the events of {actor}"))?;
        let partners = conn
            .prepare_cached(&format!(
                "SELECT partner, count(*), sum(role = 0), sum(role = 1), avg(goldstein)
                 FROM ({roles}) WHERE partner != '' GROUP BY partner
                 ORDER BY count(*) DESC, partner LIMIT ?3"
            ))
            .and_then(|mut s| {
                s.query_map(params_from_iter(params.iter().chain([&top_i])), |r| {
                    Ok(PartnerRow {
                        partner: r.get(0)?,
                        events: r.get(1)?,
                        as_source: r.get(2)?,
                        as_target: r.get(3)?,
                        goldstein_mean: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .context(|| format!("finding the partners of {actor}"))?;
        let mix = conn
            .prepare_cached(&format!(
                "SELECT root, min(quad_class), count(*), avg(goldstein)
                 FROM ({roles}) GROUP BY root ORDER BY root"
            ))
            .and_then(|mut s| {
                s.query_map(params_from_iter(params.iter()), |r| {
                    Ok(RootCount {
                        root: r.get(0)?,
                        quad_class: r.get(1)?,
                        events: r.get(2)?,
                        goldstein_mean: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .context(|| format!("counting the event mix of {actor}"))?;
        let months: Vec<(i64, i64, f64)> = conn
            .prepare_cached(&format!(
                "SELECT day / 100, count(*), avg(goldstein) FROM ({roles}) GROUP BY 1 ORDER BY 1"
            ))
            .and_then(|mut s| {
                s.query_map(params_from_iter(params.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?
                .collect()
            })
            .context(|| format!("counting the events of {actor} per month"))?;
        let over_time = months
            .into_iter()
            .map(|(month, events, goldstein_mean)| {
                Ok(PeriodCount {
                    period: Period::Month.label(month * 100 + 1)?,
                    events,
                    goldstein_mean,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let quotes = self.quotes(&QuoteFilter {
            actor: Some(actor.clone()),
            limit: Some(top),
            ..QuoteFilter::default()
        })?;
        Ok(ActorReport {
            actor,
            as_source,
            as_target,
            partners,
            mix,
            quotes,
            over_time,
        })
    }
}
