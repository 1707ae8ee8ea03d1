//! countries.tsv (generated from keshvar, plus CAMEO's historical states) and metonyms.tsv
//! (our hand-written names, adjectives, demonyms, capitals and seats of government).

use std::collections::{HashMap, HashSet};

use chronicle_doc::{DataError, Date};

use super::tsv;

#[derive(Clone, Debug)]
pub struct Country {
    /// CAMEO country code (ISO alpha-3, or `USR`/`YUG`/`CSK`/`DDR`).
    pub code: String,
    pub alpha2: Option<String>,
    /// The name we report as canonical: the first listed name without brackets or commas.
    pub canonical: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
    /// Validity of a historical state; `None` = open.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The present-day code this historical state replaces while it existed.
    pub stands_for: Option<String>,
}

impl Country {
    pub fn valid_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

pub(crate) fn load_countries(file: &str, text: &str) -> Result<Vec<Country>, DataError> {
    let mut out: Vec<Country> = Vec::new();
    let mut seen_code = HashSet::new();
    let mut seen_name: HashMap<String, usize> = HashMap::new();
    let mut lines = Vec::new();
    for row in tsv::rows(file, text, 7, 7)? {
        let c = &row.cols;
        let code = c[0];
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(DataError::at_line(file, row.line, format!("bad country code `{code}`")));
        }
        if !seen_code.insert(code) {
            return Err(DataError::at_line(
                file,
                row.line,
                format!("duplicate country `{code}`"),
            ));
        }
        let names = tsv::list(file, row.line, c[2])?;
        if names.is_empty() {
            return Err(DataError::at_line(file, row.line, "a country needs a name"));
        }
        for n in &names {
            if let Some(prev) = seen_name.insert(n.to_string(), row.line) {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("name `{n}` already given on line {prev}"),
                ));
            }
        }
        let canonical = names
            .iter()
            .find(|n| !n.contains(['(', ',', '[']))
            .unwrap_or(&names[0])
            .to_string();
        let from = tsv::date(file, row.line, c[4], false)?;
        let to = tsv::date(file, row.line, c[5], true)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(DataError::at_line(file, row.line, "validity ends before it starts"));
            }
        }
        lines.push(row.line);
        out.push(Country {
            code: code.to_string(),
            alpha2: tsv::opt(c[1]).map(str::to_string),
            canonical,
            names: names.iter().map(|s| s.to_string()).collect(),
            adjectives: tsv::list(file, row.line, c[3])?.iter().map(|s| s.to_string()).collect(),
            from,
            to,
            stands_for: tsv::opt(c[6]).map(str::to_string),
        });
    }
    let mut adjectives = HashMap::new();
    for (c, line) in out.iter().zip(&lines) {
        if let Some(s) = &c.stands_for {
            if !seen_code.contains(s.as_str()) {
                return Err(DataError::at_line(
                    file,
                    *line,
                    format!("stands_for `{s}` is no country"),
                ));
            }
        }
        for a in &c.adjectives {
            if let Some(prev) = adjectives.insert(a.clone(), *line) {
                return Err(DataError::at_line(
                    file,
                    *line,
                    format!("adjective `{a}` already given on line {prev}"),
                ));
            }
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetonymKind {
    /// Another name of the country.
    Name,
    /// An adjective that can modify a role noun.
    Adjective,
    /// A plural demonym.
    People,
    /// A capital: the country as a place, its government as an agent.
    Capital,
    /// A seat of government or institution: always its full code.
    Seat,
    /// The name to report as canonical for the country (`Russia`, not `Russian Federation`);
    /// also matched as a name.
    Canonical,
}

#[derive(Clone, Debug)]
pub struct Metonym {
    pub surface: String,
    pub kind: MetonymKind,
    /// The country code, or for a seat the full code (`USAMIL`).
    pub code: String,
}

pub(crate) fn load_metonyms(file: &str, text: &str, countries: &HashSet<String>) -> Result<Vec<Metonym>, DataError> {
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    for row in tsv::rows(file, text, 3, 4)? {
        let c = &row.cols;
        let kind = match c[1] {
            "name" => MetonymKind::Name,
            "adjective" => MetonymKind::Adjective,
            "people" => MetonymKind::People,
            "capital" => MetonymKind::Capital,
            "seat" => MetonymKind::Seat,
            "canonical" => MetonymKind::Canonical,
            k => {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("unknown kind `{k}` (name, adjective, people, capital, seat, canonical)"),
                ))
            }
        };
        let code = c[2];
        crate::code::check(code, countries).map_err(|m| DataError::at_line(file, row.line, m))?;
        if kind != MetonymKind::Seat && code.len() != 3 {
            return Err(DataError::at_line(
                file,
                row.line,
                format!("a {} takes a bare country code, not `{code}`", c[1]),
            ));
        }
        if kind == MetonymKind::Canonical {
            if let Some(prev) = seen.insert((code, kind), row.line) {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("a second canonical name for `{code}` (first on line {prev})"),
                ));
            }
        }
        if let Some(prev) = seen.insert((c[0], kind), row.line) {
            return Err(DataError::at_line(
                file,
                row.line,
                format!("`{}` as {} already given on line {prev}", c[0], c[1]),
            ));
        }
        out.push(Metonym {
            surface: c[0].to_string(),
            kind,
            code: code.to_string(),
        });
    }
    Ok(out)
}
