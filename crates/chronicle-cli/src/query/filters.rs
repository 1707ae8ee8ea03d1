//! The event filter shared by `events`, `timeline` and `export`.

use chronicle::doc::Date;
use chronicle_store::{Dyad, EventFilter};

use super::{actor_code, since_date, until_date};

#[derive(clap::Args)]
#[command(group = clap::ArgGroup::new("kind").multiple(false))]
pub struct EventFilterArgs {
    /// Events in which this actor is source or target. Codes match by prefix: USA matches USA,
    /// USAGOV, USAMIL, …
    #[arg(long, value_name = "CODE", value_parser = actor_code)]
    pub actor: Option<String>,

    /// Events between two actors, in either direction: USA:RUS is USA→RUS and RUS→USA. Each
    /// side matches by prefix.
    #[arg(long, value_name = "A:B", value_parser = dyad)]
    pub dyad: Option<Dyad>,

    /// CAMEO event code, matching by prefix: 13 (threaten) matches 13, 130, 138, 1382.
    #[arg(long, value_name = "CAMEO", value_parser = cameo_code, group = "kind")]
    pub code: Option<String>,

    /// CAMEO root code, 01–20 (3 is read as 03).
    #[arg(long, value_name = "ROOT", value_parser = root_code, group = "kind")]
    pub root: Option<String>,

    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4), group = "kind")]
    pub quad: Option<u8>,

    /// Events on or after this date: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    pub since: Option<Date>,

    /// Events on or before this date: YYYY-MM-DD, YYYY-MM or YYYY (the whole month or year).
    #[arg(long, value_name = "DATE", value_parser = until_date)]
    pub until: Option<Date>,

    /// Where the event happened: a country code (ISO 3166-1 alpha-2, e.g. CH) or a place name
    /// as coded (Geneva).
    #[arg(long, value_name = "PLACE")]
    pub place: Option<String>,

    /// Only events reported in this mode.
    #[arg(long, value_enum)]
    pub mode: Option<Mode>,

    /// Only events reported by this news source (the wire format's `/NAME` line).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
}

/// How an event is reported.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Mode {
    /// It happened.
    Asserted,
    /// It did not happen ("did not rule out", "refused to").
    Negated,
    /// It might happen (conditions, modals).
    Hypothetical,
    /// It will happen.
    Future,
    /// Someone says it happened.
    Reported,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Negated => "negated",
            Mode::Hypothetical => "hypothetical",
            Mode::Future => "future",
            Mode::Reported => "reported",
        }
    }
}

impl EventFilterArgs {
    pub fn filter(&self, limit: Option<usize>) -> EventFilter {
        EventFilter {
            actor: self.actor.clone(),
            dyad: self.dyad.clone(),
            code: self.code.clone(),
            root: self.root.clone(),
            quad: self.quad,
            since: self.since,
            until: self.until,
            place: self.place.clone(),
            mode: self.mode.map(|m| m.as_str().to_string()),
            source: self.source.clone(),
            limit,
        }
    }
}

/// `A:B`, two actor codes.
pub fn dyad(s: &str) -> Result<Dyad, String> {
    let bad = || format!("{s:?} is not a dyad: expected two actor codes joined by a colon, like USA:RUS");
    let (a, b) = s.split_once(':').ok_or_else(bad)?;
    let (a, b) = (actor_code(a).map_err(|_| bad())?, actor_code(b).map_err(|_| bad())?);
    Ok(Dyad { a, b })
}

fn cameo_code(s: &str) -> Result<String, String> {
    let code = s.trim();
    if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "{s:?} is not a CAMEO code: expected 2 to 4 digits, like 13 or 1382"
        ));
    }
    Ok(code.to_string())
}

fn root_code(s: &str) -> Result<String, String> {
    match s.trim().parse::<u8>() {
        Ok(n @ 1..=20) => Ok(format!("{n:02}")),
        _ => Err(format!("{s:?} is not a CAMEO root: expected 01 to 20")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_need_two_codes() {
        assert_eq!(
            dyad("usa:RUS").unwrap(),
            Dyad {
                a: "USA".into(),
                b: "RUS".into()
            }
        );
        for bad in ["USA", "USA:", ":RUS", "USA-RUS", "USA:R S"] {
            let err = dyad(bad).unwrap_err();
            assert!(err.contains("like USA:RUS"), "{bad}: {err}");
        }
    }

    #[test]
    fn roots_are_two_digits() {
        assert_eq!(root_code("3").unwrap(), "03");
        assert!(root_code("21").is_err());
        assert!(cameo_code("13a").is_err());
    }
}
