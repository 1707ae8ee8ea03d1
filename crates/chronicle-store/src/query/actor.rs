//! `actor`: one actor's partners, event mix, quotes and activity over time.

use std::collections::{BTreeMap, HashMap};

use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};

use super::{nonempty, EventFilter, Period, QuoteFilter, QuoteRow};
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

/// Running totals of one group.
#[derive(Default)]
struct Sums {
    events: i64,
    as_source: i64,
    as_target: i64,
    goldstein: f64,
    quad: u8,
}

impl Sums {
    fn add(&mut self, role_source: bool, goldstein: f64, quad: u8) {
        self.quad = if self.events == 0 { quad } else { self.quad.min(quad) };
        self.events += 1;
        self.as_source += i64::from(role_source);
        self.as_target += i64::from(!role_source);
        self.goldstein += goldstein;
    }

    fn mean(&self) -> f64 {
        self.goldstein / self.events.max(1) as f64
    }
}

impl Store {
    /// The report for actor code prefix `actor`; `top` caps partners and quotes.
    ///
    /// One pass over the actor's events (found by index seeks, see `candidates`), counted
    /// here: an event in which the actor is both source and target counts in both roles.
    pub fn actor(&self, actor: &str, top: usize) -> Result<ActorReport> {
        let actor = nonempty("actor", actor)?.to_string();
        let filter = EventFilter {
            actor: Some(actor.clone()),
            ..EventFilter::default()
        };
        let c = filter.all_conditions()?.or_candidates(self.candidates(&filter, None)?);
        let sql = format!(
            "SELECT e.source_actor, e.target_actor, e.day, e.root, e.quad_class, e.goldstein
             FROM events e WHERE {}",
            c.sql()
        );
        let mut partners: HashMap<String, Sums> = HashMap::new();
        let mut mix: BTreeMap<String, Sums> = BTreeMap::new();
        let mut months: BTreeMap<i64, Sums> = BTreeMap::new();
        let (mut as_source, mut as_target) = (0, 0);
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .context(|| format!("preparing the report on {actor}"))?;
        let mut rows = stmt
            .query(params_from_iter(c.params))
            .context(|| format!("reading the events of {actor}"))?;
        while let Some(row) = rows.next().context(|| format!("reading the events of {actor}"))? {
            let read = || -> rusqlite::Result<(String, String, i64, String, u8, f64)> {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ))
            };
            let (source, target, day, root, quad, goldstein) =
                read().context(|| format!("reading an event of {actor}"))?;
            for (role_source, partner) in [(true, &target), (false, &source)] {
                let matches = if role_source { &source } else { &target };
                if !matches.starts_with(actor.as_str()) {
                    continue;
                }
                if role_source {
                    as_source += 1;
                } else {
                    as_target += 1;
                }
                if !partner.is_empty() {
                    partners
                        .entry(partner.clone())
                        .or_default()
                        .add(role_source, goldstein, quad);
                }
                mix.entry(root.clone()).or_default().add(role_source, goldstein, quad);
                months.entry(day / 100).or_default().add(role_source, goldstein, quad);
            }
        }
        let mut partners: Vec<PartnerRow> = partners
            .into_iter()
            .map(|(partner, s)| PartnerRow {
                partner,
                events: s.events,
                as_source: s.as_source,
                as_target: s.as_target,
                goldstein_mean: s.mean(),
            })
            .collect();
        partners.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.partner.cmp(&b.partner)));
        partners.truncate(top);
        let mix = mix
            .into_iter()
            .map(|(root, s)| RootCount {
                root,
                quad_class: s.quad,
                events: s.events,
                goldstein_mean: s.mean(),
            })
            .collect();
        let over_time = months
            .into_iter()
            .map(|(month, s)| {
                Ok(PeriodCount {
                    period: Period::Month.label(month * 100 + 1)?,
                    events: s.events,
                    goldstein_mean: s.mean(),
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
