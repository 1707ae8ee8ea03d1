//! The actor dictionaries: countries, metonyms, organizations, office-holders and role words,
//! read from `data/actors/*.tsv` (compiled into the binary) and validated when loaded.

mod countries;
mod officeholders;
mod organizations;
mod roles;
pub(crate) mod tsv;

use std::collections::{HashMap, HashSet};

use chronicle_doc::{DataError, Date};

pub use countries::{Country, Metonym, MetonymKind};
pub use officeholders::{Gender, Person, Term};
pub use organizations::Organization;
pub use roles::{Role, RoleKind};

macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/actors/", $name))
    };
}

/// The texts of the five dictionary files, so tests can load variants of them.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    pub countries: &'a str,
    pub metonyms: &'a str,
    pub organizations: &'a str,
    pub officeholders: &'a str,
    pub roles: &'a str,
}

impl Sources<'static> {
    /// The files shipped in `data/actors/`.
    pub fn shipped() -> Sources<'static> {
        Sources {
            countries: data_file!("countries.tsv"),
            metonyms: data_file!("metonyms.tsv"),
            organizations: data_file!("organizations.tsv"),
            officeholders: data_file!("officeholders.tsv"),
            roles: data_file!("roles.tsv"),
        }
    }
}

pub(crate) const COUNTRIES: &str = "data/actors/countries.tsv";
pub(crate) const METONYMS: &str = "data/actors/metonyms.tsv";
pub(crate) const ORGANIZATIONS: &str = "data/actors/organizations.tsv";
pub(crate) const OFFICEHOLDERS: &str = "data/actors/officeholders.tsv";
pub(crate) const ROLES: &str = "data/actors/roles.tsv";

/// All actor dictionaries, validated.
#[derive(Clone, Debug)]
pub struct Dictionary {
    pub countries: Vec<Country>,
    pub metonyms: Vec<Metonym>,
    pub organizations: Vec<Organization>,
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
    by_code: HashMap<String, usize>,
}

impl Dictionary {
    /// Loads the shipped dictionaries.
    pub fn shipped() -> Result<Dictionary, DataError> {
        Dictionary::from_sources(Sources::shipped())
    }

    pub fn from_sources(src: Sources<'_>) -> Result<Dictionary, DataError> {
        let mut countries = countries::load_countries(COUNTRIES, src.countries)?;
        let codes: HashSet<String> = countries.iter().map(|c| c.code.clone()).collect();
        let metonyms = countries::load_metonyms(METONYMS, src.metonyms, &codes)?;
        for m in metonyms.iter().filter(|m| m.kind == MetonymKind::Canonical) {
            if let Some(c) = countries.iter_mut().find(|c| c.code == m.code) {
                c.canonical = m.surface.clone();
            }
        }
        let organizations = organizations::load(ORGANIZATIONS, src.organizations, &codes)?;
        let people = officeholders::load(OFFICEHOLDERS, src.officeholders, &codes)?;
        let roles = roles::load(ROLES, src.roles)?;
        let by_code = countries.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        Ok(Dictionary {
            countries,
            metonyms,
            organizations,
            people,
            roles,
            by_code,
        })
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }

    /// Recodes a code whose country had a historical CAMEO state on `date`
    /// (`RUSGOV` on 1987-05-01 → `USRGOV`). Codes of other countries are returned as they are.
    pub fn recode(&self, code: &str, date: Date) -> String {
        let head = crate::code::country(code);
        for c in &self.countries {
            if c.stands_for.as_deref() == Some(head) && c.valid_on(date) {
                return format!("{}{}", c.code, &code[3..]);
            }
        }
        code.to_string()
    }

    /// The person with this canonical name.
    pub fn person(&self, name: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.name == name)
    }

    /// Number of office terms (rows of officeholders.tsv).
    pub fn term_count(&self) -> usize {
        self.people.iter().map(|p| p.terms.len()).sum()
    }
}
