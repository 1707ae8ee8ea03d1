//! `timeline`: event counts per period, quad class and direction, with Goldstein sums.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::Datelike;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{day_date, prefix_range, EventFilter};
use crate::error::{Context, Error, Result};
use crate::Store;

/// A timeline's bucket size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// `2022-01-10`
    Day,
    /// ISO week, `2022-W02`
    Week,
    /// `2022-01`
    Month,
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(Error::InvalidQuery(format!(
                "period {s:?}: expected day, week or month"
            ))),
        }
    }
}

impl Period {
    pub(crate) fn label(self, day: i64) -> Result<String> {
        let date = day_date(day)?;
        Ok(match self {
            Period::Day => date.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let week = date.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Period::Month => format!("{:04}-{:02}", date.year(), date.month()),
        })
    }
}

/// One period in one direction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineRow {
    pub period: String,
    /// `USA>RUS`, `RUS>USA`, or `all` without a dyad.
    pub direction: String,
    pub events: i64,
    /// Events per quad class: verbal cooperation, material cooperation, verbal conflict,
    /// material conflict.
    pub quad1: i64,
    pub quad2: i64,
    pub quad3: i64,
    pub quad4: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
}

impl Store {
    /// Counts of the events matching `filter` per period. With a dyad each direction has its
    /// own rows (`A>B` before `B>A` within a period).
    pub fn timeline(&self, filter: &EventFilter, by: Period) -> Result<Vec<TimelineRow>> {
        let c = filter.all_conditions()?.or_candidates(self.candidates(filter, None)?);
        let (direction_sql, direction_params, labels) = match &filter.dyad {
            Some(dyad) => {
                let (lo, hi) = prefix_range(&dyad.a);
                (
                    "CASE WHEN e.source_actor >= ? AND e.source_actor < ? THEN 0 ELSE 1 END",
                    vec![lo, hi],
                    [format!("{}>{}", dyad.a, dyad.b), format!("{}>{}", dyad.b, dyad.a)],
                )
            }
            None => ("0", Vec::new(), ["all".to_string(), "all".to_string()]),
        };
        let sql = format!(
            "SELECT e.day, {direction_sql}, e.quad_class, count(*), sum(e.goldstein)
             FROM events e WHERE {} GROUP BY 1, 2, 3",
            c.sql()
        );
        let params: Vec<Value> = direction_params.into_iter().chain(c.params).collect();
        let mut buckets: BTreeMap<(String, i64), TimelineRow> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .context(|| "preparing the timeline".into())?;
        let mut rows = stmt
            .query(params_from_iter(params))
            .context(|| "querying the timeline".into())?;
        while let Some(row) = rows.next().context(|| "reading the timeline".into())? {
            let read = || -> rusqlite::Result<(i64, i64, i64, i64, f64)> {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
            };
            let (day, direction, quad, count, goldstein) = read().context(|| "reading a timeline row".into())?;
            let period = by.label(day)?;
            let entry = buckets
                .entry((period.clone(), direction))
                .or_insert_with(|| TimelineRow {
                    period,
                    direction: labels[direction.clamp(0, 1) as usize].clone(),
                    events: 0,
                    quad1: 0,
                    quad2: 0,
                    quad3: 0,
                    quad4: 0,
                    goldstein_sum: 0.0,
                    goldstein_mean: 0.0,
                });
            entry.events += count;
            entry.goldstein_sum += goldstein;
            match quad {
                1 => entry.quad1 += count,
                2 => entry.quad2 += count,
                3 => entry.quad3 += count,
                4 => entry.quad4 += count,
                _ => {}
            }
        }
        Ok(buckets
            .into_values()
            .map(|mut row| {
                row.goldstein_mean = if row.events > 0 {
                    row.goldstein_sum / row.events as f64
                } else {
                    0.0
                };
                row
            })
            .collect())
    }
}
