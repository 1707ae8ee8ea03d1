//! Roles a place inside a country qualifies: "*Texas* police", "the government of *Sindh*
//! province", "police in *Sindh*", "*Ankara*'s district administration". The role has no
//! country of its own, and the discourse's country (the context fill) is often the wrong
//! one ("Texas police arrested two Mexican men" is not Mexico's police). The places layer
//! has already placed the town or division in its country; that country is the role's.

use chronicle_doc::{Document, Place, Upos};

use crate::code::with_role;
use crate::dictionary::Dictionary;
use crate::resolve::Found;

/// [`Found::why`] of a role given the country of a place that qualifies it.
pub const PLACE_QUALIFIED: &str = "role qualified by a place: the place's country";

/// Words that may stand between a place and the role it qualifies ("Sindh *provincial*
/// government", "Texas *state* police", "Ankara*'s* district administration").
const BETWEEN: &[&str] = &[
    "'s",
    "’s",
    "state",
    "provincial",
    "province",
    "regional",
    "region",
    "district",
    "county",
    "city",
    "municipal",
    "local",
    "metropolitan",
];

/// Prepositions after a role that introduce its place ("police *in* Sindh").
const LINKS: &[&str] = &["of", "in", "for"];

/// Words after the place that still belong to its name ("Sindh *province*").
const AFTER: &[&str] = &["province", "state", "region", "district", "county", "city"];

/// Gives each role still waiting for the context fill the country of a place qualifying it.
pub(crate) fn fill_from_places(all: &mut [Found], doc: &Document, dict: &Dictionary) {
    if doc.places.is_empty() {
        return;
    }
    for f in all.iter_mut().filter(|f| f.needs_context && f.code.is_none()) {
        let Some(place) = qualifying_place(doc, f) else {
            continue;
        };
        let Some(alpha2) = place.country.as_deref() else {
            continue;
        };
        let Some(country) = dict
            .countries
            .iter()
            .find(|c| c.alpha2.as_deref() == Some(alpha2) && c.stands_for.is_none())
        else {
            continue;
        };
        let base = dict.recode(&country.code, doc.meta.date);
        f.code = Some(with_role(&base, f.role.as_deref()));
        f.needs_context = false;
        f.why = PLACE_QUALIFIED;
    }
}

/// The place that qualifies the role: right before its head (inside its phrase or just
/// outside it), or after it through `of`/`in`/`for`.
fn qualifying_place<'d>(doc: &'d Document, f: &Found) -> Option<&'d Place> {
    place_before(doc, f).or_else(|| place_after(doc, f))
}

fn word(doc: &Document, i: u32) -> Option<&str> {
    doc.tokens.get(i as usize).map(|t| doc.slice(t.span))
}

fn usable(place: &&Place) -> bool {
    place.country.is_some() && place.feature.as_deref() != Some("street")
}

/// "*Texas* police", "the *Sindh* provincial government": the place's last token is followed
/// only by words of `BETWEEN` (and, inside the phrase, lower-case adjectives) up to the head.
fn place_before<'d>(doc: &'d Document, f: &Found) -> Option<&'d Place> {
    let mut i = f.head;
    while i > 0 {
        i -= 1;
        let w = word(doc, i)?;
        if BETWEEN.contains(&w.to_lowercase().as_str()) || (i >= f.tokens.start && is_lower_filler(w)) {
            continue;
        }
        let end = doc.tokens[i as usize].span.end;
        return doc.places.iter().find(|p| p.span.end == end).filter(usable);
    }
    None
}

/// "the government *of Sindh* province", "police *in Sindh*".
fn place_after<'d>(doc: &'d Document, f: &Found) -> Option<&'d Place> {
    let mut j = f.tokens.end;
    if !LINKS.contains(&word(doc, j)?.to_lowercase().as_str()) {
        return None;
    }
    j += 1;
    if word(doc, j)?.eq_ignore_ascii_case("the") {
        j += 1;
    }
    let start = doc.tokens.get(j as usize)?.span.start;
    let place = doc.places.iter().find(|p| p.span.start == start).filter(usable)?;
    // "the government of Sindh", "police in Sindh province", but not "officials in Geneva
    // talks": after the place, no noun but one naming its kind.
    let next = doc.tokens.partition_point(|t| t.span.end <= place.span.end);
    match doc.tokens.get(next) {
        Some(t) if matches!(t.upos, Some(Upos::Noun | Upos::Propn)) => AFTER
            .contains(&doc.slice(t.span).to_lowercase().as_str())
            .then_some(place),
        _ => Some(place),
    }
}

/// A lower-case adjective inside the role's phrase ("senior", "local"): skipped on the way
/// back to a place before it.
fn is_lower_filler(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
}
