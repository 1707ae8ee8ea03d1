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

/// One event in one role of the actor.
struct Role {
    event_id: i64,
    role_source: bool,
    partner: String,
    day: i64,
    root: String,
    quad: u8,
    goldstein: f64,
}

impl Store {
    /// Every event of the actor in each role it has in it, read straight off the
    /// `events_source` / `events_target` entries of each code under the prefix (no union, no
    /// sort in SQL); `None` when the prefix covers too many codes to seek.
    fn actor_roles(&self, actor: &str) -> Result<Option<Vec<Role>>> {
        let mut roles = Vec::new();
        for (column, partner, index, role_source) in [
            ("source_actor", "target_actor", "events_source", true),
            ("target_actor", "source_actor", "events_target", false),
        ] {
            let Some(codes) = self.codes_with_prefix(column, actor)? else {
                return Ok(None);
            };
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT e.event_id, e.{partner}, e.day, e.root, e.quad_class, e.goldstein
                     FROM events e INDEXED BY {index} WHERE e.{column} = ?1"
                ))
                .context(|| format!("preparing the report on {actor}"))?;
            for code in codes {
                let rows = stmt
                    .query_map([&code], |row| {
                        Ok(Role {
                            event_id: row.get(0)?,
                            role_source,
                            partner: row.get(1)?,
                            day: row.get(2)?,
                            root: row.get(3)?,
                            quad: row.get(4)?,
                            goldstein: row.get(5)?,
                        })
                    })
                    .context(|| format!("reading the events of {actor}"))?;
                for row in rows {
                    roles.push(row.context(|| format!("reading an event of {actor}"))?);
                }
            }
        }
        Ok(Some(roles))
    }

    /// The report for actor code prefix `actor`; `top` caps partners and quotes.
    ///
    /// One pass over the actor's events (found by index seeks, see `candidates`), counted
    /// here: an event in which the actor is both source and target counts in both roles.
    pub fn actor(&self, actor: &str, top: usize) -> Result<ActorReport> {
        let actor = nonempty("actor", actor)?.to_string();
        let mut partners: HashMap<String, Sums> = HashMap::new();
        let mut mix: BTreeMap<String, Sums> = BTreeMap::new();
        let mut months: BTreeMap<i64, Sums> = BTreeMap::new();
        let (mut as_source, mut as_target) = (0, 0);
        let mut count = |role_source: bool, partner: &str, day: i64, root: &str, quad: u8, goldstein: f64| {
            if role_source {
                as_source += 1;
            } else {
                as_target += 1;
            }
            if !partner.is_empty() {
                match partners.get_mut(partner) {
                    Some(sums) => sums.add(role_source, goldstein, quad),
                    None => partners
                        .entry(partner.to_string())
                        .or_default()
                        .add(role_source, goldstein, quad),
                }
            }
            match mix.get_mut(root) {
                Some(sums) => sums.add(role_source, goldstein, quad),
                None => mix
                    .entry(root.to_string())
                    .or_default()
                    .add(role_source, goldstein, quad),
            }
            months.entry(day / 100).or_default().add(role_source, goldstein, quad);
        };
        match self.actor_roles(&actor)? {
            Some(mut roles) => {
                // The order of the scan below: by event, the source role first (sums of
                // floating-point numbers depend on it).
                roles.sort_unstable_by_key(|r| (r.event_id, !r.role_source));
                for r in &roles {
                    count(r.role_source, &r.partner, r.day, &r.root, r.quad, r.goldstein);
                }
            }
            None => {
                // A prefix with too many codes to seek: one scan of its ranges.
                let filter = EventFilter {
                    actor: Some(actor.clone()),
                    ..EventFilter::default()
                };
                let c = filter.all_conditions()?;
                let sql = format!(
                    "SELECT e.source_actor, e.target_actor, e.day, e.root, e.quad_class, e.goldstein
                     FROM events e WHERE {} ORDER BY e.event_id",
                    c.sql()
                );
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
                    if source.starts_with(actor.as_str()) {
                        count(true, &target, day, &root, quad, goldstein);
                    }
                    if target.starts_with(actor.as_str()) {
                        count(false, &source, day, &root, quad, goldstein);
                    }
                }
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
