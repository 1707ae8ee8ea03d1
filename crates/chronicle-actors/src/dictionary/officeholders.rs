//! officeholders.tsv: people and their offices with dates, so an article's date picks the
//! code valid on that day (Biden in 2015 → vice president, `USAGOV`).

use std::collections::{HashMap, HashSet};

use chronicle_doc::{DataError, Date};
use chrono::Datelike;

use super::tsv;
use crate::code;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// One office held by a person.
#[derive(Clone, Debug)]
pub struct Term {
    pub code: String,
    pub office: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
}

impl Term {
    pub fn covers(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

#[derive(Clone, Debug)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub gender: Option<Gender>,
    /// In file order.
    pub terms: Vec<Term>,
}

impl Person {
    /// The code valid on `date`: the term covering it (the latest-starting one when terms
    /// overlap, e.g. on the day one office ends and the next begins). Outside every term the
    /// person is coded as an elite (`ELI`, CAMEO's role for former officials) of the country of
    /// the nearest term in time; a person whose terms are all international keeps the
    /// nearest term's code (a former NATO Secretary-General stays `IGOWSTNAT`).
    pub fn code_on(&self, date: Date) -> String {
        if let Some(t) = self
            .terms
            .iter()
            .filter(|t| t.covers(date))
            .max_by_key(|t| t.start.unwrap_or(Date::MIN))
        {
            return t.code.clone();
        }
        let distance = |t: &Term| -> i64 {
            let s = t.start.unwrap_or(Date::MIN);
            let e = t.end.unwrap_or(Date::MAX);
            if date < s {
                (s - date).num_days()
            } else {
                (date - e).num_days()
            }
        };
        let state = self
            .terms
            .iter()
            .filter(|t| code::is_state(&t.code))
            .min_by_key(|t| distance(t));
        match state {
            Some(t) => format!("{}ELI", code::country(&t.code)),
            None => self
                .terms
                .iter()
                .min_by_key(|t| distance(t))
                .map(|t| t.code.clone())
                .unwrap_or_default(),
        }
    }

    /// Whether some term covers `date`.
    pub fn in_office(&self, date: Date) -> bool {
        self.terms.iter().any(|t| t.covers(date))
    }

    /// Whether some term of office begins or ends within `years` years of `date`.
    pub fn near_office(&self, date: Date, years: i32) -> bool {
        let (Some(before), Some(after)) = (date.with_year(date.year() - years), date.with_year(date.year() + years))
        else {
            return false;
        };
        self.terms.iter().any(|t| {
            let start = t.start.unwrap_or(Date::MIN);
            let end = t.end.unwrap_or(Date::MAX);
            start <= after && end >= before
        })
    }

    /// Single-word surnames this person is known by: single-word aliases, and the family name
    /// derived from the full name (first word for Chinese and Korean names, else the last word
    /// with its particles: `de Villepin`, `al-Assad` and `Assad`). Patronymic forms
    /// (`Mohammed bin Salman`) and regnal names (`Charles III`) get none: their last word
    /// names somebody else.
    pub fn surnames(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: &str| {
            if !s.is_empty() && !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        };
        for a in &self.aliases {
            if !a.contains(' ') {
                push(a);
            }
        }
        let words: Vec<&str> = self.name.split(' ').collect();
        if words.len() < 2 {
            return out;
        }
        let east_asian = self
            .terms
            .iter()
            .any(|t| matches!(code::country(&t.code), "CHN" | "PRK" | "KOR" | "TWN"));
        let last = words[words.len() - 1];
        let before = words[words.len() - 2];
        if east_asian {
            push(words[0]);
        } else if matches!(before, "bin" | "ibn" | "bint" | "Al")
            || last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            || last.ends_with('.')
        {
            // no surname
        } else {
            let particles = ["de", "da", "van", "von", "der", "la", "le", "du", "dos"];
            let mut first = words.len() - 1;
            while first > 1 && particles.contains(&words[first - 1]) {
                first -= 1;
            }
            if first < words.len() - 1 {
                push(&words[first..].join(" "));
            }
            push(last);
            for prefix in ["al-", "el-", "Al-", "El-"] {
                if let Some(rest) = last.strip_prefix(prefix) {
                    push(rest);
                }
            }
        }
        out
    }
}

pub(crate) fn load(file: &str, text: &str, countries: &HashSet<String>) -> Result<Vec<Person>, DataError> {
    let mut people: Vec<Person> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rows_seen: HashMap<(String, String, Option<Date>), usize> = HashMap::new();
    for row in tsv::rows(file, text, 8, 8)? {
        let c = &row.cols;
        let at = |m: String| DataError::at_line(file, row.line, m);
        let name = c[0];
        if !name.chars().next().is_some_and(char::is_uppercase) {
            return Err(at(format!("a name starts with a capital letter: `{name}`")));
        }
        code::check(c[2], countries).map_err(at)?;
        if c[2].len() < 6 {
            return Err(at(format!("an office-holder's code needs a role: `{}`", c[2])));
        }
        let start = tsv::date(file, row.line, c[4], false)?;
        let end = tsv::date(file, row.line, c[5], true)?;
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                return Err(at(format!("term ends ({}) before it starts ({})", c[5], c[4])));
            }
        }
        let gender = match c[6] {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            "-" => None,
            g => return Err(at(format!("unknown gender `{g}` (m, f, -)"))),
        };
        if let Some(prev) = rows_seen.insert((name.to_string(), c[3].to_string(), start), row.line) {
            return Err(at(format!("duplicate of line {prev}: same person, office and start")));
        }
        let aliases = tsv::list(file, row.line, c[1])?;
        let i = *index.entry(name.to_string()).or_insert_with(|| {
            people.push(Person {
                name: name.to_string(),
                aliases: Vec::new(),
                gender,
                terms: Vec::new(),
            });
            people.len() - 1
        });
        let p = &mut people[i];
        if p.gender != gender {
            return Err(at(format!("gender of {name} differs from an earlier row")));
        }
        for a in aliases {
            if a != name && !p.aliases.iter().any(|x| x == a) {
                p.aliases.push(a.to_string());
            }
        }
        p.terms.push(Term {
            code: c[2].to_string(),
            office: c[3].to_string(),
            start,
            end,
        });
    }
    // An alias may be shared (`George Bush`: the date decides), but one person's full name
    // must not be another's alias.
    for p in &people {
        if let Some(other) = people.iter().find(|o| o.name != p.name && o.aliases.contains(&p.name)) {
            return Err(DataError::new(
                file,
                format!("`{}` is a person and an alias of {}", p.name, other.name),
            ));
        }
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, terms: &[(&str, &str, &str)]) -> Person {
        Person {
            name: name.into(),
            aliases: vec![],
            gender: None,
            terms: terms
                .iter()
                .map(|(c, s, e)| Term {
                    code: c.to_string(),
                    office: String::new(),
                    start: tsv::date("f", 1, s, false).unwrap(),
                    end: tsv::date("f", 1, e, true).unwrap(),
                })
                .collect(),
        }
    }

    #[test]
    fn surnames_follow_naming_customs() {
        let s = |n: &str, code: &str| person(n, &[(code, "-", "-")]).surnames();
        assert_eq!(s("Joe Biden", "USAGOV"), ["Biden"]);
        assert_eq!(s("Xi Jinping", "CHNGOV"), ["Xi"]);
        assert_eq!(s("Bashar al-Assad", "SYRGOV"), ["al-Assad", "Assad"]);
        assert_eq!(s("Ursula von der Leyen", "DEUMIL"), ["von der Leyen", "Leyen"]);
        assert!(s("Mohammed bin Salman", "SAUGOV").is_empty());
        assert!(s("Charles III", "GBRGOV").is_empty());
    }

    #[test]
    fn out_of_office_is_elite() {
        let p = person("X", &[("USAGOV", "2009-01-20", "2017-01-20")]);
        let d = |s: &str| Date::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(p.code_on(d("2015-01-01")), "USAGOV");
        assert_eq!(p.code_on(d("2019-01-01")), "USAELI");
        let n = person("Y", &[("IGOWSTNAT", "2014-10-01", "2024-10-01")]);
        assert_eq!(n.code_on(d("2025-01-01")), "IGOWSTNAT");
    }
}
