//! Finding place mentions and their gazetteer candidates.
//!
//! Two sources: `place` entities from NER when that layer exists, and a scanner over the
//! tokens that matches capitalized word sequences against the gazetteer (longest match). The
//! scanner is the only finder when there are no entities; with entities it is a recall
//! backstop for names NER missed or put inside an organization's name, and inside NER's
//! persons it keeps only cue positions (`in`, `at`, `near`, `from` …) and datelines, where a capitalized name is
//! very likely a place.

use chronicle_doc::{Document, EntityKind, Layers, Span};

use crate::gazetteer::{fold_key, Feature, Gazetteer, Hit};
use crate::words::{
    COMMON, CONNECTORS, CUES, DIRECTIONS, LANDFORM_WORDS, NEVER, NUMBER_WORDS, ORG_WORDS, PART_WORDS, SAYS,
    STREET_PLURALS, STREET_SUFFIXES, STREET_WORDS, UNIT_WORDS,
};

/// A place mention with the gazetteer entries it may refer to.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub span: Span,
    /// The folded name, so equal names in one article resolve alike.
    pub key: String,
    pub hits: Vec<Hit>,
    /// Index of the mention right after `X, ` that narrows this one (`Paris, Texas`).
    pub qualifier: Option<usize>,
    /// The article's dateline (`GENEVA, Dec 31 (Reuters) -`).
    pub dateline: bool,
    /// `X County`: the county is not in the gazetteer; resolve within the article's state.
    pub unit: bool,
    /// A street (`Main Street`, `Orchard St.`): no gazetteer entry; placed at the article's town
    /// named nearest to it.
    pub street: bool,
    /// NER called exactly this name a person: a place only in a state the article names.
    pub person: bool,
    /// The name with a landform word after it (`Las Vegas Valley`, `Delaware Bay`, `Jackson
    /// Township`): the span takes the word in, the place resolves and is located as the name.
    pub landform: bool,
    /// NER tagged exactly this name a place, or it is the dateline: a name read as a place in
    /// context, which may vouch for a small town (see `rank`).
    pub placed: bool,
}

impl Candidate {
    /// A plain name with its gazetteer entries: no qualifier, not a dateline, county, street or
    /// person's name.
    fn named(span: Span, key: String, hits: Vec<Hit>) -> Candidate {
        Candidate {
            span,
            key,
            hits,
            qualifier: None,
            dateline: false,
            unit: false,
            street: false,
            person: false,
            landform: false,
            placed: false,
        }
    }
}

pub(crate) fn find(doc: &Document, gaz: &Gazetteer) -> Vec<Candidate> {
    let text = doc.text();
    let use_entities = doc.has(Layers::ENTITIES);
    let mut out = Vec::new();
    let mut key = String::new();
    // Last words of NER's multi-word persons (`Barack Obama`): the same name alone is that
    // person, not a place NER thought it saw (`Obama`, a city in Japan).
    let person_surnames: Vec<String> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            let s = &text[e.span.range()];
            let (_, last) = s.rsplit_once(' ')?;
            let mut k = String::new();
            fold_key(last, &mut k);
            Some(k)
        })
        .collect();
    if use_entities {
        for e in &doc.entities {
            let surface = &text[e.span.range()];
            let surface = surface
                .strip_suffix("'s")
                .or_else(|| surface.strip_suffix("’s"))
                .unwrap_or(surface);
            fold_key(surface, &mut key);
            let hits: Vec<Hit> = gaz.lookup_folded(&key).filter(|h| !h.qualifier_only).collect();
            let keep = match e.kind {
                EntityKind::Place => {
                    // A person's surname alone stays that person, unless it can be a country
                    // or state (`Jordan`, `Georgia`).
                    let big = hits.iter().any(|h| {
                        matches!(
                            gaz.entry(h.entry).feature,
                            Feature::Country | Feature::Admin1 | Feature::Continent | Feature::Region
                        )
                    });
                    !hits.is_empty() && (big || !person_surnames.contains(&key))
                }
                // Metonyms: `Washington said`, `Moscow rejected` name a place as an actor.
                EntityKind::Organization => hits.iter().any(|h| {
                    let x = gaz.entry(h.entry);
                    h.primary && (x.feature == Feature::Country || x.population >= 1_000_000)
                }),
                _ => false,
            };
            if keep {
                out.push(Candidate::named(
                    Span::new(e.span.start as usize, e.span.start as usize + surface.len()),
                    key.clone(),
                    hits,
                ));
            }
        }
    }
    // Two passes: the second knows which names the first (and NER) took as places anywhere in
    // the article, and lets those through where only a neighbouring capital stopped them
    // (`Metropolitan Atlanta`, `Mansfield Law Enforcement Center`): one name, one sense per story.
    // A small town's name is no evidence on its own (its state decides, in `rank`).
    let mut known: Vec<String> = scan(doc, gaz, use_entities, &[])
        .into_iter()
        .filter(|c| c.unit || c.hits.iter().any(|h| !gaz.entry(h.entry).town))
        .map(|c| c.key)
        .collect();
    known.extend(ner_place_keys(doc));
    known.sort_unstable();
    known.dedup();
    let scanned = scan(doc, gaz, use_entities, &known);
    // A street takes the place of a town NER found in its name (`Dublin` in `Dublin Road`).
    out.retain(|o| !scanned.iter().any(|c| c.street && c.span.contains(o.span)));
    for c in scanned {
        if !out.iter().any(|o| o.span.overlaps(c.span)) {
            out.push(c);
        }
    }
    // `Douglas, Sarpy and Lancaster counties`: each name is a county, whatever else it is.
    let listed = listed_counties(doc, gaz);
    if !listed.is_empty() {
        out.retain(|o| !listed.iter().any(|c| c.span.overlaps(o.span)));
        out.extend(listed);
    }
    // `Lakeview and Harrison streets`: each name is a street.
    let streets = listed_streets(doc);
    if !streets.is_empty() {
        out.retain(|o| !streets.iter().any(|c| c.span.overlaps(o.span)));
        out.extend(streets);
    }
    let ner_places = ner_place_spans(doc);
    out.retain(|c| !common_word(doc, gaz, c, &ner_places));
    out.sort_by_key(|c| c.span);
    take_landforms(doc, &mut out);
    take_final_dots(doc, &mut out);
    for c in &mut out {
        c.placed = c.dateline || ner_places.binary_search(&c.span).is_ok();
    }
    link_qualifiers(doc, &mut out);
    out
}

/// A one-word name the tagger reads as a common word, not a proper noun (`Along`, `Section
/// 2AA`, `the Liberal government`, `Best in Show`), or a leader's name before `administration`:
/// not a place, though some small town is called so. Countries, states and regions keep their
/// sense (`Kentucky` tagged as an adjective in `Kentucky coal`, `the US administration`), as do
/// datelines, all-caps words, which the tagger reads poorly, and names NER tags as places.
fn common_word(doc: &Document, gaz: &Gazetteer, c: &Candidate, ner_places: &[Span]) -> bool {
    if c.street || c.unit || c.dateline {
        return false;
    }
    let k = doc.tokens.partition_point(|t| t.span.start < c.span.start);
    let Some(t) = doc.tokens.get(k) else { return false };
    if t.span != c.span {
        return false;
    }
    // `the Obama administration`: a leader's name, not Obama, Japan.
    let big = c.hits.iter().any(|h| {
        matches!(
            gaz.entry(h.entry).feature,
            Feature::Country | Feature::Admin1 | Feature::Continent | Feature::Region
        )
    });
    if !big
        && doc
            .tokens
            .get(k + 1)
            .is_some_and(|n| doc.slice(n.span) == "administration")
    {
        return true;
    }
    let Some(xpos) = t.xpos else { return false };
    let surface = doc.slice(c.span);
    if matches!(xpos, "NNP" | "NNPS") || !surface.chars().any(char::is_lowercase) {
        return false;
    }
    // NER, which reads the name in context, calls it a place.
    if ner_places.binary_search(&c.span).is_ok() {
        return false;
    }
    !big
}

/// `from Norman to D.C..`, `across U.S..`: a dotted abbreviation whose last dot the tokenizer
/// read as the sentence's full stop keeps it.
fn take_final_dots(doc: &Document, cands: &mut [Candidate]) {
    let text = doc.text();
    for c in cands.iter_mut() {
        let surface = &text[c.span.range()];
        let dotted = surface.contains('.')
            && !surface.ends_with('.')
            && surface
                .split('.')
                .all(|p| (1..=3).contains(&p.len()) && p.chars().all(char::is_alphabetic));
        if dotted && text[c.span.end as usize..].starts_with('.') {
            c.span = Span::new(c.span.start as usize, c.span.end as usize + 1);
        }
    }
}

/// `Las Vegas Valley`, `Delaware Bay`, `St. Marys River`, `Jackson Township`: a place's name
/// right before a landform or township word names that feature, which takes the word into its
/// span. It stays at the named place's point; the name is taken as a place exactly as before.
fn take_landforms(doc: &Document, cands: &mut [Candidate]) {
    let text = doc.text();
    let toks = &doc.tokens;
    for c in cands.iter_mut() {
        if c.street || c.unit || c.hits.is_empty() {
            continue;
        }
        let k = toks.partition_point(|t| (t.span.start as usize) < c.span.end as usize);
        let Some(t) = toks.get(k) else { continue };
        if t.span.start != c.span.end + 1 || !LANDFORM_WORDS.contains(&&text[t.span.range()]) {
            continue;
        }
        // Not before a longer capitalized name (`Santa Clara Valley Water District` keeps its
        // valley; `Missouri Valley Blazers` is a team).
        let after = toks.get(k + 1).map(|n| &text[n.span.range()]);
        if after.is_some_and(|n| is_cap(n) && is_word(n) && !ORG_WORDS.contains(&n)) {
            continue;
        }
        c.span = Span::new(c.span.start as usize, t.span.end as usize);
        c.landform = true;
    }
}

/// The names of a list that ends in a plural street word (`Lakeview and Harrison streets`,
/// `Crabgrass, Owens and Harris roads`): each is a street of its name, one to three capitalized
/// words, separated by commas, `and`, `or` or `&`, two names at least. Numbered streets (`Fourth
/// and Seventh streets`, `50th and Arch Streets`) are left out: the list stops at them.
fn listed_streets(doc: &Document) -> Vec<Candidate> {
    let text = doc.text();
    let toks = &doc.tokens;
    let word = |i: usize| &text[toks[i].span.range()];
    let name_word = |i: usize| {
        let w = word(i);
        let lower = w.to_lowercase();
        is_cap(w)
            && w.chars().all(char::is_alphabetic)
            && (!NEVER.contains(&lower.as_str()) || DIRECTIONS.contains(&lower.as_str()))
            && !NUMBER_WORDS.contains(&lower.as_str())
    };
    let mut out = Vec::new();
    let mut key = String::new();
    for (k, t) in toks.iter().enumerate() {
        // Lower case: `Galaxy Lanes` is a business.
        if !STREET_PLURALS.contains(&&text[t.span.range()]) {
            continue;
        }
        let mut names: Vec<Candidate> = Vec::new();
        let mut end = k; // exclusive end of the next name, in tokens
        let mut first = true;
        loop {
            let mut start = end;
            while start > 0 && end - start < 3 && name_word(start - 1) {
                start -= 1;
            }
            if start == end {
                break;
            }
            let span = Span::new(toks[start].span.start as usize, toks[end - 1].span.end as usize);
            fold_key(&text[span.range()], &mut key);
            names.push(Candidate {
                street: true,
                ..Candidate::named(span, key.clone(), Vec::new())
            });
            let Some(before) = list_separator_before(start, first, &["and", "or", "&"], word) else {
                break;
            };
            first = false;
            end = before;
        }
        // A list has two names at least, and its last name comes after `and`/`or`: `Main
        // streets` or `the Smith streets` is no list.
        if names.len() >= 2 {
            out.extend(names);
        }
    }
    out
}

/// The names of a list that ends in `counties` or `parishes` (`Douglas, Sarpy and Lancaster
/// counties`, `Becker, Clay and Douglas counties`): each is the county of its name
/// (`Douglas County`), one or two capitalized words, separated by commas, `and` or `or`. Only
/// names the gazetteer has as a county are taken; the list stops at the first that is not.
fn listed_counties(doc: &Document, gaz: &Gazetteer) -> Vec<Candidate> {
    let text = doc.text();
    let toks = &doc.tokens;
    let word = |i: usize| &text[toks[i].span.range()];
    let cap = |i: usize| is_cap(word(i)) && word(i).chars().all(char::is_alphabetic);
    let mut out = Vec::new();
    let mut key = String::new();
    for (k, t) in toks.iter().enumerate() {
        let plural = &text[t.span.range()];
        let suffix = match plural {
            "counties" | "Counties" => "County",
            "parishes" | "Parishes" => "Parish",
            _ => continue,
        };
        let mut names: Vec<Candidate> = Vec::new();
        let mut end = k; // exclusive end of the next name, in tokens
        let mut first = true;
        loop {
            // One or two capitalized words end at `end`.
            if end == 0 || !cap(end - 1) {
                break;
            }
            let mut found = None;
            for start in [end.saturating_sub(2), end - 1] {
                if start + 2 == end && !cap(start) {
                    continue;
                }
                let span = Span::new(toks[start].span.start as usize, toks[end - 1].span.end as usize);
                fold_key(&format!("{} {suffix}", &text[span.range()]), &mut key);
                let hits: Vec<Hit> = gaz
                    .lookup_folded(&key)
                    .filter(|h| gaz.entry(h.entry).feature == Feature::County)
                    .collect();
                if !hits.is_empty() {
                    found = Some((start, span, hits));
                    break;
                }
            }
            let Some((start, span, hits)) = found else { break };
            names.push(Candidate::named(span, key.clone(), hits));
            let Some(before) = list_separator_before(start, first, &["and", "or"], word) else {
                break;
            };
            first = false;
            end = before;
        }
        // A list has two names at least: `Lancaster counties` alone is no list.
        if names.len() >= 2 {
            out.extend(names);
        }
    }
    out
}

/// Where the list goes on before a name that starts at token `start`: past a conjunction
/// (only right after the list's last name, `first`), a comma, or `, and`. `None` when no
/// separator precedes it and the list ends there.
fn list_separator_before<'t>(
    start: usize,
    first: bool,
    conjunctions: &[&str],
    word: impl Fn(usize) -> &'t str,
) -> Option<usize> {
    let mut j = start;
    if first && j > 0 && conjunctions.contains(&word(j - 1)) {
        j -= 1;
    }
    if j > 0 && word(j - 1) == "," {
        j -= 1;
    }
    (j < start).then_some(j)
}

/// Whether a direction before a name with these readings forms a region's name (`West
/// Africa`, `Central Luzon`): the name can be a continent, a region of no one country, or a
/// town or division outside the US, and neither a country nor a US place.
fn joins_direction(hits: &[Hit], gaz: &Gazetteer) -> bool {
    let entries = || hits.iter().filter(|h| !h.qualifier_only).map(|h| gaz.entry(h.entry));
    if entries().any(|e| e.feature == Feature::Continent || (e.feature == Feature::Region && e.country.is_empty())) {
        return true;
    }
    entries().next().is_some() && !entries().any(|e| e.feature == Feature::Country || &*e.country == "US")
}

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `d'Ivoire` in `Côte d'Ivoire`, `d'Or` in `Val d'Or`: an elided article before a capital.
fn elided_cap(s: &str) -> bool {
    ["d'", "d’", "l'", "l’"]
        .iter()
        .any(|p| s.strip_prefix(p).is_some_and(is_cap))
}

/// A dash as datelines use it: `-`, `–`, `—`, the typewriter `--` (one token), or Windows-1252's
/// dashes read as Latin-1 (`\u{96}`, `\u{97}`).
fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "—" | "–" | "--" | "\u{96}" | "\u{97}")
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// Marks `X, Y` pairs where Y is a state or country that narrows X. After a street the name
/// is its town, not a state (`1935 Orchard St., Alexandria, was arrested`).
fn link_qualifiers(doc: &Document, cands: &mut [Candidate]) {
    let text = doc.text();
    for i in 0..cands.len().saturating_sub(1) {
        if cands[i].street {
            continue;
        }
        let between = &text[cands[i].span.end as usize..cands[i + 1].span.start as usize];
        if between.trim() == "," {
            cands[i].qualifier = Some(i + 1);
        }
    }
}

/// Whether `span` overlaps a person's name: `Jack London`, `Sam Houston`. Organizations are
/// not excluded, since their names are full of places (`University of Virginia`,
/// `Butler County Jail`, `Milwaukee` for its team), and the scanner's own rules handle the rest.
fn inside_other_entity(doc: &Document, span: Span) -> bool {
    doc.entities
        .iter()
        .any(|e| e.kind == EntityKind::Person && e.span.overlaps(span))
}

/// The spans NER tags as places, sorted.
fn ner_place_spans(doc: &Document) -> Vec<Span> {
    let mut spans: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.span)
        .collect();
    spans.sort_unstable();
    spans
}

/// Whether NER's only entity over `span` is a person with exactly that span.
fn exact_person(doc: &Document, span: Span) -> bool {
    let mut over = doc.entities.iter().filter(|e| e.span.overlaps(span));
    over.next()
        .is_some_and(|e| e.kind == EntityKind::Person && e.span == span)
        && over.next().is_none()
}

/// Whether NER called exactly this name a person although it tags the same name a place
/// elsewhere in the article (`... in Fargo.` then `Fargo raised its goal`): one name keeps
/// one sense in a story, and NER's person reading of a bare place name is the weaker one.
fn person_reading_of_a_place(doc: &Document, span: Span, key: &str, place_keys: &[String]) -> bool {
    doc.entities
        .iter()
        .any(|e| e.kind == EntityKind::Person && e.span == span)
        && place_keys.iter().any(|k| k == key)
}

/// `S.C.`, `N.Y.`, `W.Va.`: a state abbreviation written as dotted initials is no English word
/// (unlike `Miss.`, `Wash.`, `IN`), so it names the state even away from `Town, `.
fn dotted_initials(surface: &str) -> bool {
    let parts: Vec<&str> = surface.split('.').collect();
    parts.len() >= 3
        && parts.last() == Some(&"")
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.chars().next().is_some_and(char::is_uppercase))
}

/// The token scanner. With `backstop` (NER ran), names inside NER's non-place entities are kept
/// only after a cue word or as a dateline.
/// Folded names NER tags as places anywhere in the article.
fn ner_place_keys(doc: &Document) -> Vec<String> {
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| {
            let mut k = String::new();
            fold_key(&doc.text()[e.span.range()], &mut k);
            k
        })
        .collect()
}

/// The token scanner; `known` are names (folded, sorted) taken as places elsewhere in the article.
fn scan(doc: &Document, gaz: &Gazetteer, backstop: bool, known: &[String]) -> Vec<Candidate> {
    let text = doc.text();
    let toks = &doc.tokens;
    let word = |i: usize| &text[toks[i].span.range()];
    // Sentence-initial token flags: the first word of each sentence, skipping quotes.
    let mut initial = vec![false; toks.len()];
    for s in &doc.sentences {
        let mut i = s.tokens.start as usize;
        while i < s.tokens.end as usize && !is_word(word(i)) {
            i += 1;
        }
        if i < toks.len() {
            initial[i] = true;
        }
    }
    if doc.sentences.is_empty() && !toks.is_empty() {
        initial[0] = true;
    }
    // Surnames: the last word of a capitalized pair that is not a place (`Roger Moore`), so a
    // later bare `Moore` is the person, not Moore, Oklahoma.
    let mut surnames: Vec<String> = Vec::new();
    let mut key = String::new();
    for i in 1..toks.len() {
        let (a, b) = (word(i - 1), word(i));
        let a_lower = a.to_lowercase();
        if is_cap(a)
            && is_cap(b)
            && is_word(a)
            && is_word(b)
            && b.chars().skip(1).any(char::is_lowercase)
            && !(initial[i - 1] && COMMON.contains(&a_lower.as_str()))
            // `An Albany man`: a function word is no first name, wherever it stands.
            && !(COMMON.contains(&a_lower.as_str()) && NEVER.contains(&a_lower.as_str()))
            && !DIRECTIONS.contains(&a_lower.as_str())
            && (i + 1 >= toks.len() || !is_cap(word(i + 1)))
        {
            fold_key(
                &text[toks[i - 1].span.start as usize..toks[i].span.end as usize],
                &mut key,
            );
            if gaz.lookup_folded(&key).all(|h| gaz.entry(h.entry).town) {
                fold_key(b, &mut key);
                surnames.push(key.clone());
            }
        }
    }
    let place_keys = ner_place_keys(doc);
    // `Main Street`, `South Lowry Avenue`, `34th Street`, `Orchard St.`: up to four capitalized
    // words (or an ordinal first) and a street word, not inside a longer capitalized name.
    let suffix: Vec<bool> = (0..toks.len())
        .map(|j| {
            let w = word(j);
            w.len() >= 3 && w.as_bytes()[0].is_ascii_uppercase() && STREET_SUFFIXES.contains(&w)
        })
        .collect();
    let street_at = |i: usize| -> Option<usize> {
        if !suffix[(i + 1).min(toks.len())..(i + 5).min(toks.len())].contains(&true) {
            return None;
        }
        let w = word(i);
        let ordinal =
            w.starts_with(|c: char| c.is_ascii_digit()) && ["st", "nd", "rd", "th"].iter().any(|x| w.ends_with(x));
        let name_word =
            |s: &str| is_cap(s) && s.chars().skip(1).any(char::is_lowercase) && !STREET_SUFFIXES.contains(&s);
        if !(ordinal || name_word(w)) {
            return None;
        }
        let lower = w.to_lowercase();
        if NEVER.contains(&lower.as_str()) && !DIRECTIONS.contains(&lower.as_str())
            || (initial[i] && COMMON.contains(&lower.as_str()))
        {
            return None;
        }
        if i > 0 {
            let p = word(i - 1);
            let pl = p.to_lowercase();
            if is_cap(p) && is_word(p) && !COMMON.contains(&pl.as_str()) {
                return None;
            }
        }
        let mut j = i + 1;
        while j < toks.len() && j <= i + 4 {
            let wj = word(j);
            if STREET_SUFFIXES.contains(&wj) {
                // `Otter Tail County Road 1`: a numbered county road; the place is the county.
                if matches!(word(j - 1), "County" | "Parish") {
                    return None;
                }
                // `St.` before a capitalized word is a saint (`St. James`).
                let abbrev = wj.ends_with('.');
                let next_cap = j + 1 < toks.len() && is_cap(word(j + 1)) && is_word(word(j + 1));
                return (!(abbrev && next_cap)).then_some(j);
            }
            if !name_word(wj) {
                return None;
            }
            j += 1;
        }
        None
    };
    let mut out: Vec<Candidate> = Vec::new();
    let mut lower = String::new();
    // The first token after the last accepted mention: mentions never overlap.
    let mut next_free = 0;
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        let street = if w.as_bytes().first().is_some_and(|b| b.is_ascii_alphanumeric()) {
            street_at(i)
        } else {
            None
        };
        if let Some(end) = street {
            let span = Span::new(toks[i].span.start as usize, toks[end].span.end as usize);
            fold_key(&text[span.range()], &mut key);
            out.push(Candidate {
                street: true,
                ..Candidate::named(span, key.clone(), Vec::new())
            });
            i = end + 1;
            next_free = i;
            continue;
        }
        if !is_cap(w) {
            i += 1;
            continue;
        }
        // Longest gazetteer name starting at token i, ending on a capitalized word.
        let mut best: Option<(usize, Vec<Hit>)> = None;
        let mut j = i;
        while j < toks.len() && j < i + gaz.max_words() + 2 {
            let wj = word(j);
            let joins =
                j == i || is_cap(wj) || CONNECTORS.contains(&wj) || matches!(wj, "-" | "'s" | "’s") || elided_cap(wj);
            if !joins {
                break;
            }
            fold_key(&text[toks[i].span.start as usize..toks[j].span.end as usize], &mut key);
            if is_cap(wj) || elided_cap(wj) {
                let hits: Vec<Hit> = gaz.lookup_folded(&key).collect();
                if !hits.is_empty() {
                    best = Some((j, hits));
                }
            }
            if !gaz.has_longer(&key) {
                break;
            }
            j += 1;
        }
        // `Henry County`, `Rapides Parish`: a US county the gazetteer does not list is still a
        // place; it resolves to the state the article names, if any (see `rank`).
        let county = || {
            let next = (i + 1 < toks.len()).then(|| word(i + 1));
            (i >= next_free && !initial[i] && next.is_some_and(|n| n == "County" || n == "Parish"))
                .then(|| (i, Vec::new()))
        };
        let Some((end, hits)) = best.or_else(county) else {
            i += 1;
            continue;
        };
        // A direction before the name joins the mention when the two make a region's name
        // (`West Africa`, `Northern Europe`, `West Java`), not before a country or a US state
        // or town, where it only says which part (`eastern China`, `North Texas`, `South
        // Philadelphia`: the place is Texas); `metro`, `downtown` and the like never join.
        // Names that include their direction (`West Virginia`) are the gazetteer's own.
        let start_tok = i;
        if i > next_free
            && is_cap(word(i - 1))
            && DIRECTIONS.contains(&word(i - 1).to_lowercase().as_str())
            && !PART_WORDS.contains(&word(i - 1).to_lowercase().as_str())
            && !(i > 1 && is_cap(word(i - 2)) && is_word(word(i - 2)) && !initial[i - 2])
            && joins_direction(&hits, gaz)
        {
            i -= 1;
        }
        let mut end = end;
        // `Woodstock District Chamber of Commerce`, `Moore County District Attorney`,
        // `Edwardsville District 7`: a district that goes on into a longer name is the
        // organization's, and the place is the town.
        let unit = (end + 1 < toks.len())
            .then(|| word(end + 1))
            .is_some_and(|n| UNIT_WORDS.contains(&n))
            && !(matches!(word(end + 1), "District" | "Region")
                && end + 2 < toks.len()
                && (is_cap(word(end + 2)) || word(end + 2).starts_with(|c: char| c.is_ascii_digit())));
        if unit {
            end += 1;
        }
        let street = (end + 1 < toks.len())
            .then(|| word(end + 1))
            .is_some_and(|n| STREET_WORDS.contains(&n))
            && !matches!(word(end), "County" | "Parish");
        let span = Span::new(toks[i].span.start as usize, toks[end].span.end as usize);
        let surface = &text[span.range()];
        fold_key(surface, &mut key);
        lower.clear();
        lower.push_str(&surface.to_lowercase());
        let single = end == i;
        let prev = (i > 0).then(|| word(i - 1));
        let next = (end + 1 < toks.len()).then(|| word(end + 1));
        let first_of_doc = i == 0 || (i <= 2 && (0..i).all(|k| !is_word(word(k))));
        let dateline = first_of_doc && next.is_some_and(|n| n == "," || n == "(" || is_dash(n));
        let all_caps = surface.chars().any(char::is_alphabetic) && !surface.chars().any(char::is_lowercase);
        // Only the file's own states: keshvar's divisions carry their own abbreviations, and
        // `B.C.` there is also a date.
        let initials = dotted_initials(&text[toks[i].span.start as usize..toks[end].span.end as usize])
            && hits.iter().any(|h| {
                let e = gaz.entry(h.entry);
                e.feature == Feature::Admin1 && !e.minor
            });
        let big = unit
            || hits.iter().any(|h| {
                let e = gaz.entry(h.entry);
                (!h.qualifier_only || initials)
                    && matches!(
                        e.feature,
                        Feature::Country | Feature::Admin1 | Feature::Continent | Feature::Region
                    )
            });
        let only_qualifier = !hits.is_empty() && hits.iter().all(|h| h.qualifier_only);
        let after_comma_place = prev == Some(",")
            && out.last().is_some_and(|c| {
                text.get(c.span.end as usize..span.start as usize)
                    .is_some_and(|b| b.trim() == ",")
            });
        let prev_lower = prev.map(str::to_lowercase).unwrap_or_default();
        let prev_cap_name = prev.is_some_and(|p| is_cap(p) && is_word(p))
            // `The UK`, `In Paris`: a capitalized function word is no part of a name.
            && !COMMON.contains(&prev_lower.as_str())
            && !DIRECTIONS.contains(&prev_lower.as_str());
        let next_cap = next.is_some_and(|n| is_cap(n) && is_word(n));
        // `Rep. Torrey Westrom, R-Elbow Lake`, `Sen. Bob Casey, D-Pa.`: a party's initial and a
        // hyphen before a legislator's town or state.
        let party = i >= 2
            && word(i - 1) == "-"
            && matches!(word(i - 2), "R" | "D" | "I")
            && toks[i - 2].span.end == toks[i - 1].span.start
            && toks[i - 1].span.end == toks[i].span.start;
        let cue = CUES.contains(&prev_lower.as_str()) || party;
        // An all-caps name opening a sentence and followed by `,`, `(` or a dash: a dateline.
        // Mid-text datelines of local papers: `2009 NEWARK -- After …`, `BEIRUT: The body …`.
        // A dash the tokenizer left out: Windows-1252's dashes read as Latin-1 (`NEWARK \u{97} It`).
        let gap_after = match toks.get(end + 1) {
            Some(n) => &text[toks[end].span.end as usize..n.span.start as usize],
            None => &text[toks[end].span.end as usize..],
        };
        let gap_dash = gap_after.contains(['\u{96}', '\u{97}']);
        let dateline = dateline
            || (all_caps
                && initial[i]
                && (gap_dash || next.is_some_and(|n| matches!(n, "," | "(" | ":") || is_dash(n))))
            || (all_caps && surface.len() >= 4 && (gap_dash || next.is_some_and(|n| n == ":" || is_dash(n))));
        let qualifier_slot = prev == Some(",") && i >= 2 && is_cap(word(i - 2));
        let says = next.is_some_and(|n| SAYS.contains(&n));
        let mut ok = true;
        // Postal codes (`D-CA`) still count only after `Town, `; written forms (`D-Calif.`) count.
        let written_party = party && !all_caps;
        if only_qualifier && !qualifier_slot && !initials && !written_party {
            ok = false;
        }
        if (single || end == start_tok) && NEVER.contains(&lower.as_str()) {
            ok = false;
        }
        if single && initial[i] && COMMON.contains(&lower.as_str()) {
            ok = false;
        }
        // All-caps words are headlines, acronyms or datelines: only datelines, short country
        // codes (`US`, `UK`) and state codes after `Town, ` count.
        let short_code = big && surface.len() <= 4;
        if all_caps && !(dateline || short_code || only_qualifier) {
            ok = false;
        }
        // A name the article uses as a place elsewhere keeps that sense next to other capitals
        // (a person's name around it is still caught by NER's entities below).
        let known_place = known.binary_search(&key).is_ok();
        // Part of a longer name: `George Washington`, `Mr. Lincoln`.
        if prev_cap_name && !after_comma_place && !cue && !known_place {
            ok = false;
        }
        // `Austin Powers`, `David Cameron`; but `Alexandria Police` and `Paris High School`
        // are places inside names.
        if next_cap
            && single
            && !big
            && !qualifier_slot
            && !known_place
            && !next.is_some_and(|n| ORG_WORDS.contains(&n))
        {
            ok = false;
        }
        if single && !big && !cue && (says || surnames.contains(&key)) {
            ok = false;
        }
        // `US$460 million`, `A$20`: a currency, not the country.
        let currency = next == Some("$") && toks[end + 1].span.start == toks[end].span.end;
        if currency || (street && !big) {
            ok = false;
        }
        // `St. Patrick's Day`, `St. George's Day`: a saint's feast day, not the place named after
        // the saint.
        let feast_day = matches!(next, Some("'s" | "’s")) && end + 2 < toks.len() && word(end + 2) == "Day";
        if feast_day {
            ok = false;
        }
        // With NER, a name inside a person's name is not a place unless a cue or dateline says
        // so (`in Georgia`); one NER missed altogether still is (NER trained on one newswire
        // misses many local places: small towns, counties, regions).
        // NER's person that is exactly a place's name (`Rock Hill`, `Gainesville`) stays a
        // candidate, a place only in a state the article names (see `rank`).
        let mut person = false;
        if backstop
            && !(cue || dateline)
            && inside_other_entity(doc, span)
            && !person_reading_of_a_place(doc, span, &key, &place_keys)
        {
            if exact_person(doc, span) && !says && !surnames.contains(&key) {
                // A name of several words that is exactly a place's (`Santa Clara`, `Bethel
                // Park`, `Rock Hill`) is that place: people's full names are not place names.
                person = single;
            } else {
                ok = false;
            }
        }
        let after_comma_place = after_comma_place || qualifier_slot || initials || party;
        if ok {
            let hits = if after_comma_place {
                hits
            } else {
                hits.into_iter().filter(|h| !h.qualifier_only).collect()
            };
            out.push(Candidate {
                dateline,
                unit,
                person,
                ..Candidate::named(span, key.clone(), hits)
            });
            i = end + 1;
            next_free = i;
        } else {
            i = start_tok + 1;
        }
    }
    out
}
