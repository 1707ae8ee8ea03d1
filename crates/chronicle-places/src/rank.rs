//! Choosing one gazetteer entry per mention.
//!
//! A bare name prefers the larger, better-known place: continents and countries over states,
//! states over cities, big cities over small ones (population). The article then shifts the
//! choice: a place in a country (or US state) the article's other places are in gets a bonus,
//! as does one in the dateline's country, and `Paris, Texas` keeps only the candidates inside
//! the qualifier. Two passes: the first picks by prior alone and collects the article's
//! countries and states; the second re-scores with them.

use std::collections::HashMap;

use crate::candidates::Candidate;
use crate::gazetteer::{Entry, Feature, Gazetteer, Hit};
use crate::home::Home;

/// What the rest of the article says about where it is.
#[derive(Default)]
struct Context<'a> {
    /// Country code -> (weight, key of each mention that voted), so a name does not vote for itself.
    countries: HashMap<&'a str, Vec<(&'a str, f64)>>,
    /// (country, admin1) of mentioned states -> voting mention keys.
    states: HashMap<(&'a str, &'a str), Vec<&'a str>>,
    dateline: Option<&'a str>,
    /// The country of the source's country-code domain (`lfpress.ca`).
    home_country: Option<&'a str>,
    /// Gazetteer ids of the states named, in order of first mention.
    state_ids: Vec<u32>,
    /// (country, admin1) of the towns chosen, with the mention keys and the towns: a county of
    /// a name many states have (`Henry County`) is likely in the state of the article's towns.
    town_states: HashMap<(&'a str, &'a str), Vec<(&'a str, u32)>>,
    /// (country, admin1) of every reading of every county named (`Henry County`: Tennessee,
    /// Georgia, Virginia, …): a small town of one of those states may be the article's town.
    county_states: Vec<(&'a str, &'a str)>,
    /// Points of the towns chosen (mention key, entry, lat, lon): a same-named town near the
    /// article's other towns is likelier than a distant one.
    town_points: Vec<(&'a str, u32, f64, f64)>,
    /// The state most of the article's town-only names have a town in (`Sharon`, `Canaan` and
    /// `Falls Village`: Connecticut), when two names at least agree on it and no other state
    /// has as many: small towns vouch for each other.
    town_state: Option<(&'a str, &'a str)>,
    /// All country votes, and each mention key's own, so a share is one subtraction.
    total_votes: f64,
    key_votes: HashMap<&'a str, f64>,
}

impl Context<'_> {
    fn country_votes(&self, country: &str, own_key: &str) -> f64 {
        self.countries
            .get(country)
            .map(|v| v.iter().filter(|(k, _)| *k != own_key).map(|(_, w)| w).sum())
            .unwrap_or(0.0)
    }

    /// The share of the article's place votes (other than this name's own) that go to `country`:
    /// near 1 in local news about one country, lower in an international story, where naming
    /// the United States as an actor says little about where Geneva is.
    fn country_share(&self, country: &str, own_key: &str) -> f64 {
        let total = self.total_votes - self.key_votes.get(own_key).copied().unwrap_or(0.0);
        if total > 1e-9 {
            self.country_votes(country, own_key) / total
        } else {
            0.0
        }
    }

    /// Whether another town of that state was chosen: not this name, and not this entry under
    /// another name (`Mexico City` does not vote for itself as the reading of `Mexico`).
    fn town_in_state(&self, country: &str, admin1: &str, own_key: &str, own_id: u32) -> bool {
        self.town_states
            .get(&(country, admin1))
            .is_some_and(|v| v.iter().any(|&(k, id)| k != own_key && id != own_id))
    }

    /// Whether one of the article's counties has a reading in that state (`county_states`,
    /// sorted).
    fn in_county_state(&self, country: &str, admin1: &str) -> bool {
        self.county_states.binary_search(&(country, admin1)).is_ok()
    }

    /// Kilometres from `e` to the nearest town chosen for another name (not `e` itself).
    fn nearest_town_km(&self, e: &Entry, own_key: &str, own_id: u32) -> f64 {
        self.town_points
            .iter()
            .filter(|&&(k, id, _, _)| k != own_key && id != own_id)
            .map(|&(_, _, lat, lon)| approx_km(e.lat, e.lon, lat, lon))
            .fold(f64::INFINITY, f64::min)
    }

    /// Sorts the county states and totals the votes: after the context is collected.
    fn finish(&mut self) {
        self.county_states.sort_unstable();
        self.county_states.dedup();
        for (k, w) in self.countries.values().flatten() {
            self.total_votes += w;
            *self.key_votes.entry(k).or_default() += w;
        }
    }

    fn state_voted(&self, country: &str, admin1: &str, own_key: &str) -> bool {
        self.states
            .get(&(country, admin1))
            .is_some_and(|v| v.iter().any(|k| *k != own_key))
    }
}

/// How likely an entry is for a bare name, before context.
fn prior(e: &Entry, hit: Hit) -> f64 {
    let base = match e.feature {
        Feature::Continent => 9.0,
        Feature::Country => 8.5,
        Feature::Region => 7.5,
        Feature::Admin1 if e.minor => 6.5,
        Feature::Admin1 => 7.0,
        // Below a state: `Washington County` names one of 30 counties, never the state.
        Feature::County => 6.0,
        Feature::City => (e.population.max(1000) as f64).log10(),
    };
    // Alternate names are often other languages' forms or old names that happen to collide.
    base - if hit.primary { 0.0 } else { 0.7 } + if e.capital { 1.5 } else { 0.0 }
}

fn score(e: &Entry, hit: Hit, key: &str, ctx: &Context, biggest_city: u64, towns_only: bool) -> f64 {
    let mut s = prior(e, hit);
    // A namesake: a town much smaller than a same-named city elsewhere (Geneva, Illinois;
    // Moscow, Idaho). That its country is in the article is weak evidence; its state is strong.
    let local = matches!(e.feature, Feature::City | Feature::County);
    let state_voted = local && ctx.state_voted(&e.country, &e.admin1, key);
    // Another town of the same state named in the article (`Dublin` next to `Columbus` and
    // `Grove City`) is evidence too, weaker than the state's own name.
    // So is a county named that this town's state has (`Paris` beside `Henry County`) in a story local to its country.
    let town_in_state = local
        && (ctx.town_in_state(&e.country, &e.admin1, key, hit.entry)
            || (e.feature == Feature::City && ctx.in_county_state(&e.country, &e.admin1)));
    let namesake = e.feature == Feature::City
        && !state_voted
        && !town_in_state
        && (e.population as f64) * 5.0 < biggest_city as f64;
    if !e.country.is_empty() {
        let votes = ctx.country_votes(&e.country, key);
        if votes > 0.0 {
            // A keshvar division gets less, so `Niger` and `Mali` stay countries in an article
            // about Nigeria or Guinea.
            let bonus = if e.minor {
                1.0
            } else {
                2.5 + (votes - 1.0).clamp(0.0, 2.0) * 0.5
            };
            let bonus = if namesake { bonus * 0.25 } else { bonus };
            s += bonus * ctx.country_share(&e.country, key);
        }
        if state_voted {
            s += 2.0;
        }
        // Which of the same-named counties or towns: the one in the state of the article's towns.
        if town_in_state {
            s += 1.0;
        }
        // Or the one near them, across a state line or outside the US: only between towns, so
        // `New York` near Newark stays the state.
        if towns_only && e.feature == Feature::City && ctx.nearest_town_km(e, key, hit.entry) < NEAR_KM {
            s += NEAR_BONUS;
        }
        // A name that is a state and something else (`New York` and its city, `Georgia` and
        // Tbilisi's country): the state when the article names other towns of it (by other
        // names: `New York City` does not vote for the state `New York`), a county only it has
        // (`Barrow County`) or the state itself by another name (`Ga.`).
        if e.feature == Feature::Admin1
            && !e.minor
            && (ctx.town_in_state(&e.country, &e.admin1, key, hit.entry) || ctx.state_voted(&e.country, &e.admin1, key))
        {
            s += 1.0;
        }
        if ctx.dateline == Some(&*e.country) {
            s += 1.5;
        }
        if ctx.home_country == Some(&*e.country) {
            s += HOME_COUNTRY_BONUS;
        }
    }
    s
}

/// The chosen entry (index into the gazetteer) for each candidate, `None` when nothing fits.
pub(crate) fn resolve(cands: &[Candidate], gaz: &Gazetteer, home: &Home) -> Vec<Option<u32>> {
    // Qualifiers first: `Paris, Texas` keeps only candidates inside Texas.
    // A small town is a candidate only where a qualifier narrowed the name to it (`Chiefland,
    // Fla.`) or the article names its state (see `admissible`).
    let narrowed: Vec<bool> = cands
        .iter()
        .map(|c| {
            c.qualifier.is_some_and(|q| {
                c.hits.iter().any(|h| {
                    let e = gaz.entry(h.entry);
                    cands[q].hits.iter().any(|qh| inside_unit(e, gaz.entry(qh.entry)))
                })
            })
        })
        .collect();
    let allowed: Vec<Vec<Hit>> = cands
        .iter()
        .map(|c| {
            let Some(q) = c.qualifier else { return c.hits.clone() };
            let inside: Vec<Hit> = c
                .hits
                .iter()
                .copied()
                .filter(|h| {
                    let e = gaz.entry(h.entry);
                    cands[q].hits.iter().any(|qh| inside_unit(e, gaz.entry(qh.entry)))
                })
                .collect();
            if inside.is_empty() {
                c.hits.clone()
            } else {
                inside
            }
        })
        .enumerate()
        .map(|(i, hits)| {
            // A qualifier (`Texas` in `Paris, Texas`) is a state or country if it can be one.
            if !cands.iter().any(|c| c.qualifier == Some(i)) {
                return hits;
            }
            let big: Vec<Hit> = hits
                .iter()
                .copied()
                .filter(|h| matches!(gaz.entry(h.entry).feature, Feature::Admin1 | Feature::Country))
                .collect();
            if big.is_empty() {
                hits
            } else {
                big
            }
        })
        .collect();
    let empty = Context::default();
    let mut chosen: Vec<Option<u32>> = allowed
        .iter()
        .zip(cands)
        .zip(&narrowed)
        .map(|((hits, c), &n)| best(&admissible(hits, n, c, gaz, &empty), &c.key, gaz, &empty))
        .collect();
    for _ in 0..2 {
        let mut ctx = Context {
            home_country: home.country.as_deref(),
            ..Context::default()
        };
        for ((c, pick), hits) in cands.iter().zip(&chosen).zip(&allowed) {
            let Some(id) = *pick else { continue };
            let e = gaz.entry(id);
            if e.country.is_empty() {
                continue;
            }
            // A named country or state is strong evidence; a city may itself be a wrong guess.
            let weight = match e.feature {
                Feature::Country | Feature::Admin1 => 1.0,
                _ if allowed_len(&c.hits, gaz) == 1 => 1.0,
                _ => 0.5,
            };
            ctx.countries.entry(&e.country).or_default().push((&c.key, weight));
            if e.feature == Feature::Admin1 {
                ctx.states.entry((&e.country, &e.admin1)).or_default().push(&c.key);
                if !ctx.state_ids.contains(&id) {
                    ctx.state_ids.push(id);
                }
            }
            // A county that only one state has (`Rapides Parish`), or that its qualifier
            // narrowed to one, names its state as surely as the state's own name.
            for h in hits {
                let x = gaz.entry(h.entry);
                if x.feature == Feature::County {
                    ctx.county_states.push((&x.country, &x.admin1));
                }
            }
            if e.feature == Feature::County && allowed_len(hits, gaz) == 1 {
                ctx.states.entry((&e.country, &e.admin1)).or_default().push(&c.key);
            }
            if e.feature == Feature::City {
                ctx.town_points.push((&c.key, id, e.lat, e.lon));
                ctx.town_states
                    .entry((&e.country, &e.admin1))
                    .or_default()
                    .push((&c.key, id));
            }
            if c.dateline {
                ctx.dateline = Some(&e.country);
            }
        }
        ctx.town_state = shared_town_state(cands, &allowed, gaz);
        ctx.finish();
        chosen = allowed
            .iter()
            .zip(cands)
            .zip(&narrowed)
            .map(|((hits, c), &n)| {
                let own = (home.is_home_key(&c.key) && !n)
                    .then(|| own_town(hits, c, gaz, &ctx))
                    .flatten();
                let hits = &admissible(own.as_deref().unwrap_or(hits), n || own.is_some(), c, gaz, &ctx);
                if c.unit {
                    // `Laurel County`: a same-named town in a state the article names is a fair
                    // guess, else the state itself; the county is somewhere inside it.
                    let inside: Vec<Hit> = hits
                        .iter()
                        .copied()
                        .filter(|h| ctx.state_voted(&gaz.entry(h.entry).country, &gaz.entry(h.entry).admin1, ""))
                        .collect();
                    if let Some(id) = best(&inside, &c.key, gaz, &ctx) {
                        return Some(id);
                    }
                    if let Some(&state) = ctx.state_ids.first() {
                        return Some(state);
                    }
                }
                best(hits, &c.key, gaz, &ctx)
            })
            .collect();
    }
    chosen
}

/// The state that most of the article's names with only small-town readings have a town in,
/// if two names at least have one there and no other state has as many (see
/// `Context::town_state`).
fn shared_town_state<'a>(
    cands: &'a [Candidate],
    allowed: &[Vec<Hit>],
    gaz: &'a Gazetteer,
) -> Option<(&'a str, &'a str)> {
    let mut count: HashMap<(&str, &str), usize> = HashMap::new();
    // Each name counts once, however often it is mentioned.
    let mut seen: Vec<&str> = Vec::new();
    for (c, hits) in cands.iter().zip(allowed) {
        if !c.placed || c.person || c.street || hits.is_empty() || !hits.iter().all(|h| gaz.entry(h.entry).town) {
            continue;
        }
        if seen.contains(&c.key.as_str()) {
            continue;
        }
        seen.push(&c.key);
        let mut states: Vec<(&str, &str)> = hits
            .iter()
            .map(|h| {
                let e = gaz.entry(h.entry);
                (&*e.country, &*e.admin1)
            })
            .collect();
        states.sort_unstable();
        states.dedup();
        for st in states {
            *count.entry(st).or_default() += 1;
        }
    }
    let mut best: Option<((&str, &str), usize)> = None;
    let mut tie = false;
    for (&st, &n) in &count {
        match best {
            Some((_, m)) if n < m => {}
            Some((_, m)) if n == m => tie = true,
            _ => {
                best = Some((st, n));
                tie = false;
            }
        }
    }
    best.filter(|&(_, n)| n >= 2 && !tie).map(|(st, _)| st)
}

/// A town within this distance of another town the article names is "near" it.
const NEAR_KM: f64 = 150.0;
const NEAR_BONUS: f64 = 1.0;

/// Distance in km, equirectangular: exact enough at the scale of "near".
fn approx_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let x = (lon2 - lon1).to_radians() * ((lat1 + lat2) / 2.0).to_radians().cos();
    let y = (lat2 - lat1).to_radians();
    6371.0 * (x * x + y * y).sqrt()
}

/// A source's country-code domain is weaker evidence than a dateline: a Canadian paper also
/// reports from abroad.
const HOME_COUNTRY_BONUS: f64 = 1.0;

/// The readings of the paper's own town (`Paris` in `parispi.net`): those in the paper's country
/// (its country-code domain, else the country among the name's readings' that the rest of the
/// article names most), small towns included: a local paper's town needs no state named. `None` when no reading is there, and
/// for a name that is only a small town's (`Herald`, `Beacon`: more likely the paper's title).
fn own_town(hits: &[Hit], c: &Candidate, gaz: &Gazetteer, ctx: &Context) -> Option<Vec<Hit>> {
    // Else the country of the name's readings that the rest of the article votes for most
    // (none when no reading's country has a vote, or two tie).
    let country = ctx.home_country.or_else(|| {
        let mut best: Option<(&str, f64)> = None;
        let mut tie = false;
        for h in hits {
            let k = &*gaz.entry(h.entry).country;
            let v = ctx.country_votes(k, &c.key);
            if k.is_empty() || v <= 0.0 || best.is_some_and(|(b, _)| b == k) {
                continue;
            }
            match best {
                Some((_, bv)) if v < bv => {}
                Some((_, bv)) if v == bv => tie = true,
                _ => {
                    best = Some((k, v));
                    tie = false;
                }
            }
        }
        best.filter(|_| !tie).map(|(k, _)| k)
    });
    let country = country?;
    if hits.iter().all(|h| gaz.entry(h.entry).town) {
        return None;
    }
    let inside: Vec<Hit> = hits
        .iter()
        .copied()
        .filter(|h| {
            let e = gaz.entry(h.entry);
            &*e.country == country && e.feature != Feature::Country
        })
        .collect();
    (!inside.is_empty()).then_some(inside)
}

/// How many readings a name has, small towns aside (they are a reading only in context).
fn allowed_len(hits: &[Hit], gaz: &Gazetteer) -> usize {
    hits.iter().filter(|h| !gaz.entry(h.entry).town).count()
}

/// Whether `e` lies inside the country or US state `unit` (the qualifier of `Paris, Texas`).
fn inside_unit(e: &Entry, unit: &Entry) -> bool {
    match unit.feature {
        Feature::Country => e.country == unit.country && e.feature != Feature::Country,
        Feature::Admin1 => {
            e.country == unit.country && e.admin1 == unit.admin1 && matches!(e.feature, Feature::City | Feature::County)
        }
        _ => false,
    }
}

/// The share of the article's place votes its country needs for a small town to be admitted by
/// a town or county of its state: the story is local to that country, not international news
/// that happens to name a town of the state (`Geneva` beside NATO's `Alliance`, Ohio).
const LOCAL_SHARE: f64 = 0.5;

/// The readings open to a name: a small town only when the qualifier narrowed the name to it
/// or the article points to the town's state: its name, an abbreviation or a county only that
/// state has, another town of that state chosen, or a county named that the state has
/// (`Paris` beside `Henry County`: Tennessee is one of the states with a Henry County). Local
/// news names its small towns beside its state; elsewhere a capitalized `Hope`, `Commerce` or
/// `Paris` is a word or the big city. A name NER called a person is a place only in a state
/// the article names.
fn admissible(hits: &[Hit], narrowed: bool, c: &Candidate, gaz: &Gazetteer, ctx: &Context) -> Vec<Hit> {
    let key = c.key.as_str();
    hits.iter()
        .copied()
        .filter(|h| {
            let e = gaz.entry(h.entry);
            if c.person {
                return narrowed || ctx.state_voted(&e.country, &e.admin1, key);
            }
            !e.town
                || narrowed
                || ctx.state_voted(&e.country, &e.admin1, key)
                || (c.placed && ctx.town_state == Some((&*e.country, &*e.admin1)))
                || (ctx.country_share(&e.country, key) > LOCAL_SHARE
                    && (ctx.town_in_state(&e.country, &e.admin1, key, h.entry)
                        || ctx.in_county_state(&e.country, &e.admin1)))
        })
        .collect()
}

fn best(hits: &[Hit], key: &str, gaz: &Gazetteer, ctx: &Context) -> Option<u32> {
    let biggest_city = hits
        .iter()
        .map(|h| gaz.entry(h.entry))
        .filter(|e| e.feature == Feature::City)
        .map(|e| e.population)
        .max()
        .unwrap_or(0);
    // Whether every reading is a town or county (`Decatur`), not a state or country too.
    let towns_only = hits.iter().all(|h| {
        let e = gaz.entry(h.entry);
        !(matches!(e.feature, Feature::Country | Feature::Continent) || (e.feature == Feature::Admin1 && !e.minor))
    });
    hits.iter()
        .map(|&h| {
            (
                score(gaz.entry(h.entry), h, key, ctx, biggest_city, towns_only),
                h.entry,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, id)| id)
}

/// Where to put each chosen county (`Feature::County`, which has no coordinates of its own):
/// the chosen town of its state nearest to it in the text, else a town of its name in its
/// state (`Anderson County` -> Anderson, the county seat more often than not), else its state
/// (whose centroid, from keshvar, is a better point than the town-based centre the county row
/// carries). Local news names the towns of the county it
/// is about, and a county is far smaller than its state: a town of the same state named
/// nearby is usually inside it or next to it.
pub(crate) fn county_anchors(cands: &[Candidate], chosen: &[Option<u32>], gaz: &Gazetteer) -> Vec<Option<u32>> {
    let town = |i: usize| chosen[i].filter(|&id| gaz.entry(id).feature == Feature::City);
    (0..cands.len())
        .map(|i| {
            let county = gaz.entry(chosen[i]?);
            if county.feature != Feature::County {
                return None;
            }
            let same_state = |id: u32| {
                let e = gaz.entry(id);
                e.country == county.country && e.admin1 == county.admin1
            };
            let start = cands[i].span.start;
            let nearest = (0..cands.len())
                .filter_map(|j| {
                    town(j)
                        .filter(|&id| same_state(id))
                        .map(|id| (cands[j].span.start.abs_diff(start), id))
                })
                .min()
                .map(|(_, id)| id);
            nearest.or_else(|| {
                let bare = county
                    .name
                    .strip_suffix(" County")
                    .or_else(|| county.name.strip_suffix(" Parish"))?;
                gaz.lookup(bare)
                    .into_iter()
                    .map(|h| h.entry)
                    .filter(|&id| gaz.entry(id).feature == Feature::City && same_state(id))
                    .max_by_key(|&id| gaz.entry(id).population)
                    .or_else(|| gaz.state(&county.country, &county.admin1))
            })
        })
        .collect()
}

/// Where to put each street: the chosen town nearest to it in the text (a street named in local
/// news is in the town the story is about); `None` when the article names no town.
pub(crate) fn street_anchors(cands: &[Candidate], chosen: &[Option<u32>], gaz: &Gazetteer) -> Vec<Option<u32>> {
    cands
        .iter()
        .map(|c| {
            if !c.street {
                return None;
            }
            cands
                .iter()
                .zip(chosen)
                .filter_map(|(o, pick)| {
                    let id = (*pick)?;
                    (gaz.entry(id).feature == Feature::City).then(|| (o.span.start.abs_diff(c.span.start), id))
                })
                .min()
                .map(|(_, id)| id)
        })
        .collect()
}
