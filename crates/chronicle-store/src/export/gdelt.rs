//! GDELT 2.0 event table rows (tab-separated, 61 columns, GDELT's order).
//!
//! Filled: GlobalEventID (the store's event id), Day, MonthYear, Year, FractionDate,
//! Actor{1,2}Code, Actor{1,2}Name (the text naming the actor, upper-cased), Actor{1,2}CountryCode
//! (the code's first block when it is a country), Actor{1,2}KnownGroupCode (the block after
//! `IGO`/`NGO`/`IMG`/`MNC`), Actor{1,2}Type{1,2,3}Code (the role blocks), IsRootEvent (1 when
//! the evidence is the article's first sentence), EventCode / EventBaseCode / EventRootCode
//! (strings with leading zeros), QuadClass, GoldsteinScale, NumMentions, NumSources,
//! NumArticles, AvgTone, ActionGeo_* from the event's place (type 1 country, 2/5 region,
//! 3/4 city, as GDELT; the country code is ISO 3166-1 alpha-2 where GDELT uses FIPS 10-4),
//! DATEADDED (first ingest, UTC) and SOURCEURL (the article URL, else its document id).
//! Empty: ethnic and religion codes, ADM1/ADM2 codes and the actors' own geography.

use std::fmt::Write as _;

use chrono::Datelike;

use crate::query::EventRow;

/// The 61 column names, in order.
pub const COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

const GROUP_PREFIXES: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// The parts of a CAMEO actor code: country, known group, role types.
pub(crate) fn actor_parts(code: &str) -> (Option<&str>, Option<&str>, Vec<&str>) {
    let blocks: Vec<&str> = (0..code.len() / 3).filter_map(|i| code.get(i * 3..i * 3 + 3)).collect();
    let Some(&first) = blocks.first() else {
        return (None, None, Vec::new());
    };
    if GROUP_PREFIXES.contains(&first) {
        return (None, blocks.get(1).copied(), blocks.iter().skip(2).copied().collect());
    }
    let country = (first != "---" && first.bytes().all(|b| b.is_ascii_uppercase())).then_some(first);
    (country, None, blocks[1..].to_vec())
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn actor_columns(out: &mut String, code: Option<&str>, name: Option<&str>) {
    let code = code.unwrap_or("");
    let (country, group, types) = actor_parts(code);
    let name = name.map(|n| clean(n).to_uppercase()).unwrap_or_default();
    let _ = write!(
        out,
        "\t{code}\t{name}\t{}\t{}\t\t\t\t{}\t{}\t{}",
        country.unwrap_or(""),
        group.unwrap_or(""),
        types.first().unwrap_or(&""),
        types.get(1).unwrap_or(&""),
        types.get(2).unwrap_or(&""),
    );
}

fn geo_type(feature: Option<&str>, country: Option<&str>) -> &'static str {
    let us = country == Some("US");
    match feature {
        Some("country") => "1",
        Some("region" | "state" | "adm1") => {
            if us {
                "2"
            } else {
                "5"
            }
        }
        Some(_) => {
            if us {
                "3"
            } else {
                "4"
            }
        }
        None => "",
    }
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Appends one event as a GDELT 2.0 line (with its newline) to `out`.
pub fn line(e: &EventRow, out: &mut String) {
    let day: String = e.date.chars().filter(|c| c.is_ascii_digit()).collect();
    let (year, month_year, fraction) = match chronicle_doc::Date::parse_from_str(&e.date, "%Y-%m-%d") {
        Ok(d) => (
            d.year().to_string(),
            format!("{:04}{:02}", d.year(), d.month()),
            format!("{:.4}", f64::from(d.year()) + f64::from(d.ordinal()) / 365.0),
        ),
        Err(_) => Default::default(),
    };
    let _ = write!(out, "{}\t{day}\t{month_year}\t{year}\t{fraction}", e.event_id);
    actor_columns(out, e.source_actor.as_deref(), e.source_text.as_deref());
    actor_columns(out, e.target_actor.as_deref(), e.target_text.as_deref());
    let base = e.cameo.get(..3).unwrap_or(&e.cameo);
    let _ = write!(
        out,
        "\t{}\t{}\t{base}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        u8::from(e.sentence == 0),
        e.cameo,
        e.root,
        e.quad_class,
        e.goldstein,
        e.num_mentions,
        e.num_sources,
        e.num_articles,
        opt(e.avg_tone),
    );
    // Actor1Geo and Actor2Geo: unknown.
    out.push_str("\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
    let has_place = e.place.is_some();
    let _ = write!(
        out,
        "\t{}\t{}\t{}\t\t\t{}\t{}\t{}",
        if has_place {
            geo_type(e.feature.as_deref(), e.country.as_deref())
        } else {
            ""
        },
        e.place.as_deref().map(clean).unwrap_or_default(),
        e.country.as_deref().unwrap_or(""),
        opt(e.lat),
        opt(e.lon),
        opt(e.geonameid),
    );
    let url = e.url.as_deref().unwrap_or(&e.doc_id);
    let _ = writeln!(out, "\t{}\t{}", e.date_added, clean(url));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_actor_codes() {
        assert_eq!(actor_parts("USAGOV"), (Some("USA"), None, vec!["GOV"]));
        assert_eq!(actor_parts("IGOUNO"), (None, Some("UNO"), vec![]));
        assert_eq!(actor_parts("---GOV"), (None, None, vec!["GOV"]));
        assert_eq!(actor_parts(""), (None, None, vec![]));
    }
}
