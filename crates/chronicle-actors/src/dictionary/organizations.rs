//! organizations.tsv: international organizations, NGOs and armed groups.

use std::collections::{HashMap, HashSet};

use chronicle_doc::{DataError, Date};

use super::tsv;

#[derive(Clone, Debug)]
pub struct Organization {
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Organization {
    pub fn valid_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// The name and its aliases.
    pub fn surfaces(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

fn overlap(a: &Organization, b: &Organization) -> bool {
    let (af, at) = (a.from.unwrap_or(Date::MIN), a.to.unwrap_or(Date::MAX));
    let (bf, bt) = (b.from.unwrap_or(Date::MIN), b.to.unwrap_or(Date::MAX));
    af <= bt && bf <= at
}

pub(crate) fn load(file: &str, text: &str, countries: &HashSet<String>) -> Result<Vec<Organization>, DataError> {
    let mut out: Vec<Organization> = Vec::new();
    // surface -> rows holding it: the same surface may recur only with disjoint dates.
    let mut seen: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for row in tsv::rows(file, text, 5, 6)? {
        let c = &row.cols;
        crate::code::check(c[0], countries).map_err(|m| DataError::at_line(file, row.line, m))?;
        let org = Organization {
            code: c[0].to_string(),
            name: c[1].to_string(),
            aliases: tsv::list(file, row.line, c[2])?.iter().map(|s| s.to_string()).collect(),
            from: tsv::date(file, row.line, c[3], false)?,
            to: tsv::date(file, row.line, c[4], true)?,
        };
        if let (Some(f), Some(t)) = (org.from, org.to) {
            if f > t {
                return Err(DataError::at_line(file, row.line, "validity ends before it starts"));
            }
        }
        let idx = out.len();
        for s in org.surfaces() {
            let prev = seen.entry(s.to_string()).or_default();
            if let Some((_, line)) = prev.iter().find(|(i, _)| overlap(&out[*i], &org)) {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("`{s}` already given on line {line} for overlapping dates"),
                ));
            }
            prev.push((idx, row.line));
        }
        out.push(org);
    }
    Ok(out)
}
