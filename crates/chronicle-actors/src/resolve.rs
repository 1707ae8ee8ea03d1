//! Actor resolution: from dictionary matches and NER entities to actor mentions.
//!
//! Each sentence's matches are read left to right by a small phrase grammar:
//!
//! ```text
//! phrase      := det? filler* modifier? "'s"? filler* role+ (name | attachment)?
//!              | name | place | organization | pronoun
//! modifier    := country name or adjective | organization | seat     (US, Russian, NATO)
//! name        := dictionary person | surname | capitalized words | NER person
//! attachment  := (of|to|for|at|from) the? phrase                         (an aide to the Russian president)
//! ```
//!
//! Codes: a dictionary person's code on the article date; else country (from the modifier,
//! the attachment, or — for a role with neither — the country most recently mentioned in
//! this or the two previous sentences) plus the role. Capitals are the government when they
//! act and the country after a locative preposition. Countries that had a historical CAMEO
//! state on the article date are recoded (`Moscow` in 1987 → `USRGOV`).

use std::ops::Range;

use chronicle_doc::{Date, Document, EntityKind, MentionKind};

use crate::code::{self, with_role};
use crate::dictionary::{Dictionary, Gender, MetonymKind, RoleKind};
use crate::matcher::{Entry, Match, Matcher};
use crate::names::{self, PronounClass};

/// What a mention can be referred back to by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// One person (`he`, `she`).
    Person,
    /// Several people (`they`).
    People,
    /// A state, organization or collective (`it`, also `they`).
    Group,
}

/// [`Found::why`] of a seat of government or institution (`Kremlin` → `RUSGOV`).
pub const SEAT_OF_GOVERNMENT: &str = "seat of government";

/// [`Found::why`] of an institution another country's name qualifies (`Rwanda's Senate`).
pub const QUALIFIED_SEAT: &str = "institution of the country named before it";

/// [`Found::why`] of a country modifier that shares the role noun of the next one
/// ("*Hungarian* and Romanian officials").
pub const COORDINATED_MODIFIER: &str = "modifier coordinated with the next one, sharing its role";

/// A mention being built: what [`chronicle_doc::Mention`] will hold, plus what coreference
/// needs to know.
#[derive(Clone, Debug)]
pub struct Found {
    pub tokens: Range<u32>,
    pub head: u32,
    pub kind: MentionKind,
    pub code: Option<String>,
    pub canonical: Option<String>,
    pub sort: Sort,
    pub gender: Option<Gender>,
    pub sentence: u32,
    /// The phrase itself names the country (modifier, attachment, dictionary entry).
    pub explicit: bool,
    /// A role without a country: takes the country of the discourse.
    pub needs_context: bool,
    /// Role of a description without a country, kept for the context fill.
    pub role: Option<String>,
    /// Lower-case head role phrase (`official`, `president`).
    pub role_word: Option<String>,
    /// Opens with `the`, a possessive or a demonstrative.
    pub definite: bool,
    /// `two` in `the two leaders`.
    pub count: Option<u32>,
    /// A bare surname from the dictionary, kept only with an antecedent or other evidence.
    pub surname_of: Vec<u32>,
    pub pronoun: Option<PronounClass>,
    pub in_quote: bool,
    pub antecedent: Option<usize>,
    pub entity: Option<u32>,
    /// Why the code is what it is, for `--explain`-style debugging and tests.
    pub why: &'static str,
}

impl Found {
    fn new(tokens: Range<u32>, head: u32, kind: MentionKind, sort: Sort, sentence: u32) -> Found {
        Found {
            tokens,
            head,
            kind,
            code: None,
            canonical: None,
            sort,
            gender: None,
            sentence,
            explicit: false,
            needs_context: false,
            role: None,
            role_word: None,
            definite: false,
            count: None,
            surname_of: Vec::new(),
            pronoun: None,
            in_quote: false,
            antecedent: None,
            entity: None,
            why: "",
        }
    }
}

/// An item of a sentence: a dictionary match, or an NER entity the dictionary does not know.
#[derive(Clone, Debug)]
struct Item {
    tokens: Range<u32>,
    entries: Vec<Entry>,
    unknown: Option<(EntityKind, u32)>,
}

/// The base a modifier gives a role: a code and a canonical name.
#[derive(Clone, Debug)]
struct Base {
    code: String,
    canonical: String,
}

pub struct Resolver<'a> {
    pub dict: &'a Dictionary,
    pub matcher: &'a Matcher,
    pub doc: &'a Document,
    pub date: Date,
    pub in_quote: Vec<bool>,
    parsed: bool,
}

const NUMBERS: &[(&str, u32)] = &[("two", 2), ("both", 2), ("three", 3), ("four", 4), ("five", 5)];

impl<'a> Resolver<'a> {
    pub fn new(dict: &'a Dictionary, matcher: &'a Matcher, doc: &'a Document) -> Resolver<'a> {
        let in_quote = quote_mask(doc);
        let parsed = doc.tokens.iter().any(|t| t.deprel.is_some());
        Resolver {
            dict,
            matcher,
            doc,
            date: doc.meta.date,
            in_quote,
            parsed,
        }
    }

    fn word(&self, i: u32) -> &str {
        match self.doc.tokens.get(i as usize) {
            Some(t) => self.doc.slice(t.span),
            None => "",
        }
    }

    fn lower(&self, i: u32) -> String {
        self.word(i).to_lowercase()
    }

    /// All mentions of the document, sorted by start (outer phrases before nested ones).
    pub fn resolve_document(&self) -> Vec<Found> {
        let mut all = Vec::new();
        if self.doc.sentences.is_empty() {
            all.extend(self.resolve_range(0..self.doc.tokens.len() as u32, 0));
        } else {
            for (s, sent) in self.doc.sentences.iter().enumerate() {
                all.extend(self.resolve_range(sent.tokens.clone(), s as u32));
            }
        }
        all.sort_by_key(|f| (f.tokens.start, std::cmp::Reverse(f.tokens.end)));
        crate::placed::fill_from_places(&mut all, self.doc, self.dict);
        crate::apposed::fill_from_appositions(&mut all, self.doc);
        fill_context(&mut all);
        all
    }

    /// The mentions inside one token range (a sentence), in order.
    pub fn resolve_range(&self, range: Range<u32>, sentence: u32) -> Vec<Found> {
        let items = self.items(range.clone());
        let mut out = Vec::new();
        let mut k = 0;
        while k < items.len() {
            let (found, next) = self.phrase(&items, k, sentence);
            out.extend(found);
            k = next.max(k + 1);
        }
        // Pronouns: outside any item.
        let covered = |i: u32| items.iter().any(|it| it.tokens.contains(&i));
        for i in range {
            if covered(i) {
                continue;
            }
            if let Some((class, possessive)) = names::pronoun(self.word(i)) {
                let deprel = self.doc.tokens[i as usize].deprel.unwrap_or("");
                let keep = if self.parsed {
                    // With a parse: subjects and objects, possessives as nmod:poss, `it` only
                    // as a subject (it is often expletive elsewhere).
                    match class {
                        PronounClass::It => deprel.starts_with("nsubj"),
                        _ if possessive => deprel == "nmod:poss",
                        _ => !deprel.is_empty() && deprel != "expl",
                    }
                } else {
                    // Without one: personal pronouns only; `it` and possessives are too often
                    // no actor.
                    !possessive && class != PronounClass::It
                };
                if keep {
                    let sort = match class {
                        PronounClass::He | PronounClass::She => Sort::Person,
                        PronounClass::They => Sort::People,
                        PronounClass::It => Sort::Group,
                    };
                    let mut f = Found::new(i..i + 1, i, MentionKind::Pronoun, sort, sentence);
                    f.pronoun = Some(class);
                    f.gender = match class {
                        PronounClass::He => Some(Gender::Male),
                        PronounClass::She => Some(Gender::Female),
                        _ => None,
                    };
                    f.in_quote = self.in_quote[i as usize];
                    f.why = "pronoun";
                    out.push(f);
                }
            }
        }
        for f in &mut out {
            f.in_quote = self.in_quote.get(f.head as usize).copied().unwrap_or(false);
        }
        out
    }

    fn items(&self, range: Range<u32>) -> Vec<Item> {
        let matches: Vec<Match> = self.matcher.find(self.doc, range.clone());
        let mut items: Vec<Item> = matches
            .into_iter()
            .map(|m| Item {
                tokens: m.tokens,
                entries: m.entries,
                unknown: None,
            })
            .collect();
        self.defer_to_entities(&mut items, range.clone());
        // NER entities the dictionary does not know (unknown people above all).
        if let (Some(first), Some(last)) = (
            self.doc.tokens.get(range.start as usize),
            range.end.checked_sub(1).and_then(|l| self.doc.tokens.get(l as usize)),
        ) {
            let span = first.span.cover(last.span);
            for (ei, e) in self.doc.entities.iter().enumerate() {
                if !span.contains(e.span) {
                    continue;
                }
                let toks = self.tokens_in(e.span.start, e.span.end, range.clone());
                if toks.is_empty() || items.iter().any(|it| overlaps(&it.tokens, &toks)) {
                    continue;
                }
                items.push(Item {
                    tokens: toks,
                    entries: Vec::new(),
                    unknown: Some((e.kind, ei as u32)),
                });
            }
        }
        // A person the NER found that merely contains a dictionary surname (`Omar Sample`)
        // is somebody else: the entity wins over the surname match.
        for (ei, e) in self.doc.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let toks = self.tokens_in(e.span.start, e.span.end, range.clone());
            let inside: Vec<usize> = (0..items.len())
                .filter(|&k| {
                    let it = &items[k];
                    it.unknown.is_none()
                        && toks.start <= it.tokens.start
                        && it.tokens.end <= toks.end
                        && it.tokens != toks
                        && it.entries.iter().all(|e| matches!(e, Entry::Surname(_)))
                })
                .collect();
            if !inside.is_empty() {
                for k in inside.into_iter().rev() {
                    items.remove(k);
                }
                if !items.iter().any(|it| overlaps(&it.tokens, &toks)) {
                    items.push(Item {
                        tokens: toks,
                        entries: Vec::new(),
                        unknown: Some((e.kind, ei as u32)),
                    });
                }
            }
        }
        items.sort_by_key(|it| it.tokens.start);
        items
    }

    /// Where the NER knows better than the dictionary:
    /// * a person entity that is exactly a place or organization match (`Jordan` the player)
    ///   is a person;
    /// * a country or capital strictly inside an organization or MISC name, and not followed
    ///   by a role word in it (`Washington Post`, `Bank of England`), is part of that name.
    fn defer_to_entities(&self, items: &mut Vec<Item>, range: Range<u32>) {
        if range.is_empty() {
            return;
        }
        let span = self.span(&range);
        for e in &self.doc.entities {
            if !span.overlaps(e.span) {
                continue;
            }
            let toks = self.tokens_in(e.span.start, e.span.end, range.clone());
            if toks.is_empty() {
                continue;
            }
            match e.kind {
                EntityKind::Person => {
                    items.retain(|it| {
                        it.tokens != toks
                            || it
                                .entries
                                .iter()
                                .any(|x| matches!(x, Entry::Person(_) | Entry::Surname(_) | Entry::Role(_)))
                    });
                }
                EntityKind::Organization | EntityKind::Misc => {
                    let place_like = |it: &Item| {
                        !it.entries.is_empty()
                            && it.entries.iter().all(|x| match x {
                                Entry::Country(_) => true,
                                Entry::Metonym(i) => matches!(
                                    self.dict.metonyms[*i as usize].kind,
                                    MetonymKind::Capital | MetonymKind::Name | MetonymKind::Canonical
                                ),
                                _ => false,
                            })
                    };
                    let inside =
                        |it: &Item| toks.start <= it.tokens.start && it.tokens.end <= toks.end && it.tokens != toks;
                    let drop: Vec<usize> = (0..items.len())
                        .filter(|&k| {
                            let it = &items[k];
                            inside(it)
                                && place_like(it)
                                && !items
                                    .iter()
                                    .any(|n| inside(n) && n.tokens.start >= it.tokens.end && self.roles_of(n).is_some())
                        })
                        .collect();
                    for k in drop.into_iter().rev() {
                        items.remove(k);
                    }
                }
                EntityKind::Place => {}
            }
        }
    }

    fn tokens_in(&self, start: u32, end: u32, range: Range<u32>) -> Range<u32> {
        let t = &self.doc.tokens;
        let s = range
            .clone()
            .find(|&i| t[i as usize].span.start >= start)
            .unwrap_or(range.end);
        let e = range
            .clone()
            .rev()
            .find(|&i| t[i as usize].span.end <= end)
            .map(|i| i + 1)
            .unwrap_or(s);
        s..e.max(s)
    }

    /// The item starting at token `t`, if any, searching from item `from`.
    fn item_at(items: &[Item], from: usize, t: u32) -> Option<usize> {
        (from..items.len()).find(|&k| items[k].tokens.start == t)
    }

    /// A reading usable as a modifier of a role noun (`Russian`, `US`, `NATO`, `Kremlin`).
    fn modifier(&self, it: &Item) -> Option<Base> {
        for e in &it.entries {
            match *e {
                Entry::Metonym(i) => {
                    let m = &self.dict.metonyms[i as usize];
                    if matches!(
                        m.kind,
                        MetonymKind::Adjective | MetonymKind::Name | MetonymKind::Canonical
                    ) {
                        return Some(self.base_of_name(&m.code, &m.surface));
                    }
                    if m.kind == MetonymKind::Seat {
                        return Some(self.base_of_code(&m.code, &m.surface));
                    }
                }
                Entry::Country(i) | Entry::CountryAdjective(i) => {
                    let c = &self.dict.countries[i as usize];
                    return Some(self.base_of_name(&c.code, &c.canonical));
                }
                Entry::Organization(_) => {
                    if let Some((code, name)) = self.org(it) {
                        return Some(Base { code, canonical: name });
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The base a country's own name or adjective gives: never recoded to a historical
    /// state (`Serbia` in 1995 is Serbia, `SRB`; `Russian` in 1987 is `RUS`). Only what
    /// stands for a government (capitals, seats: `Belgrade`, the Kremlin) is recoded by date.
    fn base_of_name(&self, code: &str, name: &str) -> Base {
        self.base(code.to_string(), name)
    }

    fn base_of_code(&self, code: &str, name: &str) -> Base {
        self.base(self.dict.recode(code, self.date), name)
    }

    fn base(&self, code: String, name: &str) -> Base {
        let canonical = if code.len() == 3 {
            self.dict
                .country(&code)
                .map(|c| c.canonical.clone())
                .unwrap_or_else(|| name.to_string())
        } else {
            name.to_string()
        };
        Base { code, canonical }
    }

    /// The organization reading valid on the article date (or the first one).
    fn org(&self, it: &Item) -> Option<(String, String)> {
        let orgs: Vec<_> = it
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Organization(i) => Some(&self.dict.organizations[*i as usize]),
                _ => None,
            })
            .collect();
        // Only a reading valid on the article date: `FSA` in 2005 is not the Free Syrian Army.
        // A full name of several words is no reused acronym: outside its dates it still names
        // the organization (the latest reading that ended before the date, else the first),
        // as a story dated after its end may tell of it ("the European Community" in 2000).
        let o = match orgs.iter().find(|o| o.valid_on(self.date)) {
            Some(o) => o,
            None if self.doc.slice(self.span(&it.tokens)).contains(' ') => orgs
                .iter()
                .filter(|o| o.to.is_some_and(|t| t < self.date))
                .max_by_key(|o| o.to)
                .or_else(|| orgs.first())?,
            None => return None,
        };
        Some((o.code.clone(), o.name.clone()))
    }

    fn roles_of(&self, it: &Item) -> Option<u32> {
        it.entries.iter().find_map(|e| match e {
            Entry::Role(i) => Some(*i),
            _ => None,
        })
    }

    fn skip_fillers(&self, mut j: u32, end: u32) -> (u32, bool, Option<u32>) {
        let mut former = false;
        let mut count = None;
        while j < end {
            let w = self.lower(j);
            if !names::FILLERS.contains(&w.as_str()) {
                break;
            }
            former |= w == "former" || w == "ex";
            if let Some((_, n)) = NUMBERS.iter().find(|(s, _)| *s == w) {
                count = Some(*n);
            }
            j += 1;
        }
        (j, former, count)
    }

    fn sentence_end(&self, sentence: u32) -> u32 {
        self.doc
            .sentences
            .get(sentence as usize)
            .map(|s| s.tokens.end)
            .unwrap_or(self.doc.tokens.len() as u32)
    }

    /// Reads one phrase starting at item `k`; returns its mentions (the main one first) and
    /// the index of the next unread item.
    fn phrase(&self, items: &[Item], k: usize, sentence: u32) -> (Vec<Found>, usize) {
        let it = &items[k];
        let end = self.sentence_end(sentence);
        if self.roles_of(it).is_none() {
            if let Some(base) = self.modifier(it) {
                if let Some(coordinated) = self.coordinated_modifier(items, k, &base, sentence) {
                    return coordinated;
                }
                // modifier ("'s")? filler* role
                let mut j = it.tokens.end;
                if matches!(self.word(j), "'s" | "’s" | "'" | "’") {
                    j += 1;
                }
                let (j2, _, _) = self.skip_fillers(j, end);
                // A role may begin with a filler word (`foreign ministers` after `French`).
                if let Some(kr) = (j..=j2).find_map(|p| Self::item_at(items, k + 1, p)) {
                    if self.roles_of(&items[kr]).is_some() {
                        return self.role_phrase(items, kr, Some((base, it.tokens.start)), sentence);
                    }
                    if let Some(f) = self.qualified_seat(items, kr, &base, it.tokens.start, sentence) {
                        return (vec![f], kr + 1);
                    }
                }
            }
            return (self.standalone(items, k, sentence).into_iter().collect(), k + 1);
        }
        self.role_phrase(items, k, None, sentence)
    }

    /// "Hungarian *and* Romanian officials", "US and Russian troops": a modifier coordinated
    /// with the next one shares its role noun, so each country gets a mention with that
    /// role (the first on the modifier's own words).
    fn coordinated_modifier(
        &self,
        items: &[Item],
        k: usize,
        base: &Base,
        sentence: u32,
    ) -> Option<(Vec<Found>, usize)> {
        let it = &items[k];
        if !matches!(self.lower(it.tokens.end).as_str(), "and" | "or") {
            return None;
        }
        let next = Self::item_at(items, k + 1, it.tokens.end + 1)?;
        let other = self.modifier(&items[next])?;
        if self.roles_of(&items[next]).is_some() || !code::is_state(&base.code) || base.code == other.code {
            return None;
        }
        let (mut found, after) = self.phrase(items, next, sentence);
        let main = found.first()?;
        // Only when the later modifier opened a role phrase ("Romanian officials" → ROUGOV).
        let role = main
            .code
            .as_deref()
            .filter(|c| main.role_word.is_some() && c.len() > 3 && code::country(c) == other.code)?
            .get(3..)?
            .to_string();
        let mut first = main.clone();
        first.tokens = it.tokens.clone();
        first.head = it.tokens.end - 1;
        first.code = Some(with_role(&base.code, Some(&role)));
        first.canonical = Some(base.canonical.clone());
        first.explicit = true;
        first.antecedent = None;
        first.entity = None;
        first.why = COORDINATED_MODIFIER;
        found.insert(0, first);
        Some((found, after))
    }

    /// A seat of government or institution after another country's name or adjective
    /// (`Rwanda's Senate`, `the French Parliament`): the dictionary's code is the country
    /// most English news means (`Senate` → `USALEG`), the modifier names the actual one, so
    /// the institution keeps its role block under the modifier's country (`RWALEG`).
    fn qualified_seat(&self, items: &[Item], k: usize, base: &Base, start: u32, sentence: u32) -> Option<Found> {
        let seat = items[k].entries.iter().find_map(|e| match *e {
            Entry::Metonym(i) if self.dict.metonyms[i as usize].kind == MetonymKind::Seat => {
                Some(&self.dict.metonyms[i as usize])
            }
            _ => None,
        })?;
        if !(base.code.len() == 3 && code::is_state(&base.code)) || code::country(&seat.code) == base.code {
            return None;
        }
        let role = seat.code.get(3..6).filter(|r| !r.is_empty());
        let mut f = self.standalone(items, k, sentence)?;
        f.tokens = start..items[k].tokens.end;
        f.code = Some(with_role(&base.code, role.or(Some("GOV"))));
        f.canonical = Some(format!("{} {}", base.canonical, seat.surface));
        f.why = QUALIFIED_SEAT;
        Some(f)
    }

    /// A name, place, organization or unknown entity on its own.
    fn standalone(&self, items: &[Item], k: usize, sentence: u32) -> Option<Found> {
        let it = &items[k];
        let head = it.tokens.end - 1;
        let mut f = Found::new(it.tokens.clone(), head, MentionKind::Name, Sort::Group, sentence);
        f.explicit = true;
        if let Some((kind, ei)) = it.unknown {
            if kind != EntityKind::Person {
                return None;
            }
            f.sort = Sort::Person;
            f.entity = Some(ei);
            let first = self.word(it.tokens.start);
            f.gender = names::gender_of_first_name(first);
            f.canonical = Some(self.doc.slice(self.span(&it.tokens)).to_string());
            f.explicit = false;
            // A single word might be the surname of someone named earlier: coref decides.
            f.why = "unknown person";
            // An honorific or title right before? Titles are handled by role_phrase.
            return Some(f);
        }
        // Full names of people first: they are the most specific reading.
        // A shared alias (`George Bush`) names whoever holds office on the date, else the
        // first listed.
        let persons: Vec<&crate::dictionary::Person> = it
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Person(i) => Some(&self.dict.people[*i as usize]),
                _ => None,
            })
            .collect();
        if let Some(&first) = persons.first() {
            let person = persons
                .iter()
                .copied()
                .find(|p| p.in_office(self.date))
                .unwrap_or(first);
            f.sort = Sort::Person;
            f.gender = person.gender;
            f.code = Some(person.code_on(self.date));
            f.canonical = Some(person.name.clone());
            f.why = "office-holder on the article date";
            return Some(f);
        }
        let surnames: Vec<u32> = it
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Surname(i) => Some(*i),
                _ => None,
            })
            .collect();
        for e in &it.entries {
            match *e {
                Entry::Metonym(i) => {
                    let m = &self.dict.metonyms[i as usize];
                    match m.kind {
                        MetonymKind::Adjective => continue,
                        MetonymKind::Capital => {
                            let b = self.base_of_code(&m.code, &m.surface);
                            let agent = self.acts(it.tokens.start, head);
                            f.code = Some(if agent { with_role(&b.code, Some("GOV")) } else { b.code });
                            f.canonical = Some(m.surface.clone());
                            f.why = if agent {
                                "capital acting: its government"
                            } else {
                                "capital as a place"
                            };
                        }
                        MetonymKind::People if !self.people_use(it) => continue,
                        MetonymKind::People => {
                            f.sort = Sort::People;
                            let b = self.base_of_name(&m.code, &m.surface);
                            f.code = Some(b.code);
                            f.canonical = Some(b.canonical);
                            f.why = "people of a country";
                        }
                        MetonymKind::Name | MetonymKind::Canonical => {
                            let b = self.base_of_name(&m.code, &m.surface);
                            f.code = Some(b.code);
                            f.canonical = Some(b.canonical);
                            f.why = "country";
                        }
                        MetonymKind::Seat => {
                            let b = self.base_of_code(&m.code, &m.surface);
                            f.code = Some(b.code);
                            f.canonical = Some(m.surface.clone());
                            f.why = SEAT_OF_GOVERNMENT;
                        }
                    }
                    return Some(f);
                }
                Entry::Country(i) => {
                    let c = &self.dict.countries[i as usize];
                    let b = self.base_of_name(&c.code, &c.canonical);
                    f.code = Some(b.code);
                    f.canonical = Some(b.canonical);
                    f.why = "country";
                    return Some(f);
                }
                Entry::Organization(_) => {
                    let (code, name) = self.org(it)?;
                    f.code = Some(code);
                    f.canonical = Some(name);
                    f.why = "organization";
                    return Some(f);
                }
                _ => {}
            }
        }
        if !surnames.is_empty() {
            f.sort = Sort::Person;
            f.surname_of = surnames;
            f.explicit = false;
            f.why = "surname";
            // An honorific right before (`Mr Putin`) is evidence enough.
            if it.tokens.start > 0 && names::HONORIFICS.contains(&self.word(it.tokens.start - 1)) {
                self.resolve_surname(&mut f, None);
                f.tokens.start -= 1;
            }
            return Some(f);
        }
        None
    }

    /// Whether a demonym that is also an adjective (`French`, `Chinese`) names the people:
    /// only as `the French` before a verb or punctuation (`the French have said`), never in
    /// `French wine` or `the French Open`.
    fn people_use(&self, it: &Item) -> bool {
        let adjective = it.entries.iter().any(|e| match e {
            Entry::CountryAdjective(_) => true,
            Entry::Metonym(i) => self.dict.metonyms[*i as usize].kind == MetonymKind::Adjective,
            _ => false,
        });
        if !adjective {
            return true;
        }
        let start = it.tokens.start;
        if start == 0 || self.lower(start - 1) != "the" {
            return false;
        }
        let next = self.lower(it.tokens.end);
        next.is_empty()
            || next.chars().all(|c| c.is_ascii_punctuation())
            || names::AFTER_PEOPLE.contains(&next.as_str())
    }

    /// Gives a bare surname the code of the person it most likely names on the article date:
    /// someone in office then (file order: heads of state come first); `country` narrows the
    /// choice (`Russian President Putin`).
    pub(crate) fn resolve_surname(&self, f: &mut Found, country: Option<&str>) -> bool {
        self.resolve_surname_within(f, country, true)
    }

    /// As [`Resolver::resolve_surname`], but with `near` false only someone in office on the
    /// article date will do.
    pub(crate) fn resolve_surname_within(&self, f: &mut Found, country: Option<&str>, near: bool) -> bool {
        let people: Vec<_> = f
            .surname_of
            .iter()
            .map(|&i| &self.dict.people[i as usize])
            .filter(|p| country.is_none_or(|c| p.terms.iter().any(|t| code::country(&t.code) == c)))
            .collect();
        let chosen =
            // Someone in office: `Mr Johnson` in 2005 is not Boris Johnson. Former
            // holders are found through a full name earlier in the article (coreference).
            people.iter().find(|p| p.in_office(self.date)).or_else(|| {
                if !near {
                    return None;
                }
                // Failing that, one person of that surname in office within a few years of
                // the date (`Obama` in a 2008 story, an undated `President Bush`), when no
                // other country's office-holder shares the name: the person, as former or
                // future office-holder.
                let near: Vec<_> = people.iter().filter(|p| p.near_office(self.date, SURNAME_YEARS)).collect();
                let first = near.first()?;
                let country = first.terms.first().map(|t| code::country(&t.code).to_string());
                let one_country = near
                    .iter()
                    .all(|p| p.terms.iter().all(|t| Some(code::country(&t.code).to_string()) == country));
                one_country.then_some(*first)
            });
        if let Some(p) = chosen {
            f.code = Some(p.code_on(self.date));
            f.canonical = Some(p.name.clone());
            f.gender = p.gender;
            f.surname_of.clear();
            f.explicit = true;
            f.why = "surname of an office-holder on the article date";
            true
        } else {
            false
        }
    }

    /// Whether a capital at `start..=head` acts (its government) rather than being a place.
    /// With a parse: subjects, agents and possessors act. Without: a possessive (`Moscow's`)
    /// or subject position (sentence start, after a comma, conjunction or `that`) acts; after
    /// a verb or preposition it is a place (`aid to Kiev`, `help Kyiv`).
    fn acts(&self, start: u32, head: u32) -> bool {
        if matches!(self.word(head + 1), "'s" | "’s") {
            return true;
        }
        if self.parsed {
            let d = self.doc.tokens[head as usize].deprel.unwrap_or("");
            return d.starts_with("nsubj") || d == "obl:agent" || d == "nmod:poss";
        }
        let sent_start = self
            .doc
            .sentence_at(self.doc.tokens[start as usize].span.start)
            .map(|s| self.doc.sentences[s].tokens.start)
            .unwrap_or(0);
        let mut p = start;
        if p > sent_start && self.lower(p - 1) == "the" {
            p -= 1;
        }
        if p <= sent_start {
            return true;
        }
        let prev = self.lower(p - 1);
        names::SUBJECT_BEFORE.contains(&prev.as_str())
    }

    fn span(&self, toks: &Range<u32>) -> chronicle_doc::Span {
        let t = &self.doc.tokens;
        t[toks.start as usize].span.cover(t[toks.end as usize - 1].span)
    }

    /// Role noun phrase starting at item `kr`, with an optional modifier (its base code and
    /// first token) before it.
    fn role_phrase(
        &self,
        items: &[Item],
        kr: usize,
        modifier: Option<(Base, u32)>,
        sentence: u32,
    ) -> (Vec<Found>, usize) {
        let end = self.sentence_end(sentence);
        // role+ (with fillers between)
        let mut roles = vec![self.roles_of(&items[kr]).unwrap()];
        let mut last = kr;
        loop {
            let (j, _, _) = self.skip_fillers(items[last].tokens.end, end);
            match Self::item_at(items, last + 1, j) {
                Some(n) if self.roles_of(&items[n]).is_some() => {
                    roles.push(self.roles_of(&items[n]).unwrap());
                    last = n;
                }
                _ => break,
            }
        }
        let head_role = &self.dict.roles[*roles.last().unwrap() as usize];
        let role_code: Option<String> = {
            let rs: Vec<&str> = roles
                .iter()
                .filter_map(|&r| self.dict.roles[r as usize].role.as_deref())
                .collect();
            rs.iter().find(|r| **r != "GOV").or(rs.first()).map(|s| s.to_string())
        };
        // Left edge: modifier start or role start, then fillers and one determiner.
        let mut start = modifier.as_ref().map(|m| m.1).unwrap_or(items[kr].tokens.start);
        let mut former = false;
        let mut count = None;
        let mut definite = false;
        let mut has_det = false;
        // fillers between modifier and role count too (`Russian former president`)
        let inner_from = modifier.as_ref().map(|m| m.1).unwrap_or(items[kr].tokens.start);
        for i in inner_from..items[kr].tokens.start {
            let w = self.lower(i);
            former |= w == "former" || w == "ex";
            if let Some((_, n)) = NUMBERS.iter().find(|(s, _)| *s == w) {
                count = Some(*n);
            }
        }
        let sent_start = self
            .doc
            .sentences
            .get(sentence as usize)
            .map(|s| s.tokens.start)
            .unwrap_or(0);
        while start > sent_start {
            let w = self.lower(start - 1);
            if names::FILLERS.contains(&w.as_str()) {
                former |= w == "former" || w == "ex";
                if let Some((_, n)) = NUMBERS.iter().find(|(s, _)| *s == w) {
                    count = Some(*n);
                }
                start -= 1;
                continue;
            }
            if names::DETERMINERS.contains(&w.as_str()) {
                has_det = true;
                // `our president` inside a quote is the speaker's: not a reference back.
                definite = !matches!(w.as_str(), "a" | "an" | "another" | "several" | "some" | "many" | "our");
                if w == "both" {
                    count = Some(2);
                }
                start -= 1;
            }
            break;
        }
        let shadow = (start..items[kr].tokens.start).any(|i| self.lower(i) == "shadow");
        let role_code = if former {
            Some("ELI".to_string())
        } else if shadow {
            // the opposition's spokesmen (`shadow chancellor`)
            Some("OPP".to_string())
        } else {
            role_code
        };
        let after = items[last].tokens.end;

        // Title + name: `President Joe Biden`, `Foreign Minister Unknown Name`.
        if head_role.kind == RoleKind::Title || names::HONORIFICS.contains(&self.word(after.saturating_sub(1))) {
            if let Some((name_toks, next_item, person_found)) = self.name_after(items, last + 1, after, end, sentence) {
                let mut f = person_found.unwrap_or_else(|| {
                    let mut f = Found::new(
                        name_toks.clone(),
                        name_toks.end - 1,
                        MentionKind::Name,
                        Sort::Person,
                        sentence,
                    );
                    f.canonical = Some(self.doc.slice(self.span(&name_toks)).to_string());
                    f.gender = names::gender_of_first_name(self.word(name_toks.start));
                    f
                });
                if !f.surname_of.is_empty() {
                    let country = modifier.as_ref().map(|m| code::country(&m.0.code).to_string());
                    if !self.resolve_surname(&mut f, country.as_deref()) {
                        f.surname_of.clear();
                    }
                }
                if f.code.is_none() {
                    match &modifier {
                        Some((b, _)) => {
                            f.code = Some(with_role(&b.code, role_code.as_deref().or(Some("GOV"))));
                            f.explicit = true;
                            f.why = "title and country before an unknown name";
                        }
                        None => {
                            f.needs_context = true;
                            f.role = role_code.clone().or(Some("GOV".into()));
                            f.why = "title before an unknown name, country from context";
                        }
                    }
                }
                f.role_word = Some(head_role.phrase.clone());
                return (vec![f], next_item);
            }
        }

        // Description.
        let head = items[last].tokens.end - 1;
        let sort = if head_role.plural {
            Sort::People
        } else if head_role.kind == RoleKind::Group {
            Sort::Group
        } else {
            Sort::Person
        };
        let mut f = Found::new(start..after, head, MentionKind::Description, sort, sentence);
        f.role_word = Some(head_role.phrase.clone());
        f.definite = definite;
        f.count = count;
        let mut out = Vec::new();
        let mut next = last + 1;
        let mut base = modifier.map(|m| m.0);
        // Attachment: `an aide to the Russian president`, `a spokesman for the Kremlin`.
        if base.is_none() && after < end {
            let prep = self.lower(after);
            let owner_prep = match prep.as_str() {
                // `dissidents from Egypt`, `troops from Chad`: where they come from.
                "of" | "for" | "at" | "from" => true,
                "to" => !matches!(
                    head_role.phrase.as_str(),
                    "ambassador" | "envoy" | "envoys" | "ambassadors" | "special envoy"
                ),
                _ => false,
            };
            if owner_prep {
                let mut j = after + 1;
                if self.lower(j) == "the" {
                    j += 1;
                }
                // The attached phrase may start with its own determiner or modifier.
                let target = Self::item_at(items, last + 1, j)
                    .or_else(|| Self::item_at(items, last + 1, self.skip_fillers(j, end).0));
                if let Some(ka) = target {
                    let (inner, n) = self.phrase(items, ka, sentence);
                    if let Some(main) = inner.first() {
                        if let Some(c) = &main.code {
                            base = Some(Base {
                                code: c.clone(),
                                canonical: main.canonical.clone().unwrap_or_default(),
                            });
                            f.tokens.end = main.tokens.end.max(f.tokens.end);
                            f.why = "role attached to an actor";
                        } else if main.needs_context || main.pronoun.is_none() {
                            // the attached phrase itself needs context: share it
                            f.tokens.end = main.tokens.end.max(f.tokens.end);
                        }
                        out.extend(inner);
                        next = n;
                    }
                }
            }
        }
        match base {
            Some(b) => {
                let role = if head_role.role.is_none() && roles.len() == 1 {
                    // aide/spokesman: the role of the owner, GOV for a bare state
                    if b.code.len() > 3 {
                        None
                    } else {
                        Some("GOV")
                    }
                } else {
                    role_code.as_deref()
                };
                f.code = Some(with_role(&b.code, role));
                f.explicit = true;
                if f.why.is_empty() {
                    f.why = "country and role";
                }
            }
            None => {
                let phrase = head_role.phrase.as_str();
                let person_role = names::PERSON_ROLES.contains(&phrase);
                let role = role_code.clone().unwrap_or_else(|| "GOV".into());
                let strong = matches!(
                    role.as_str(),
                    "GOV" | "MIL" | "COP" | "REB" | "OPP" | "LEG" | "JUD" | "SPY" | "ELI"
                );
                let keep = (has_det && (person_role || count.is_some()))
                    || ((has_det || head_role.plural) && strong && !names::BARE_EXCLUDED.contains(&phrase));
                if !keep {
                    return (out, next);
                }
                f.needs_context = true;
                f.role = Some(role);
                f.why = "role without a country: country from context";
            }
        }
        out.insert(0, f);
        (out, next)
    }

    /// Whether token `t` can be a word of a person's name: capitalized letters (with `-`, `'`
    /// or `.`), not a word that is never a name.
    fn capitalized_name_word(&self, t: u32) -> bool {
        let w = self.word(t);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
            && !names::NOT_NAMES.contains(&w)
    }

    /// A name right after a title: a dictionary person or surname item, an NER person, or a
    /// run of capitalized words. Returns the name's tokens, the next item index and, for a
    /// dictionary entry, its mention.
    fn name_after(
        &self,
        items: &[Item],
        from: usize,
        at: u32,
        end: u32,
        sentence: u32,
    ) -> Option<(Range<u32>, usize, Option<Found>)> {
        if let Some(k) = Self::item_at(items, from, at) {
            let it = &items[k];
            let person = it
                .entries
                .iter()
                .any(|e| matches!(e, Entry::Person(_) | Entry::Surname(_)));
            if person || matches!(it.unknown, Some((EntityKind::Person, _))) {
                let f = self.standalone(items, k, sentence)?;
                return Some((it.tokens.clone(), k + 1, Some(f)));
            }
            // The NER's organization or MISC right after a title, of two to four capitalized
            // words, is a person it mistook (`Vice-President Moody Awori`).
            let words = it.tokens.end - it.tokens.start;
            if it.entries.is_empty()
                && matches!(it.unknown, Some((EntityKind::Organization | EntityKind::Misc, _)))
                && (2..=4).contains(&words)
                && it.tokens.clone().all(|t| self.capitalized_name_word(t))
            {
                return Some((it.tokens.clone(), k + 1, None));
            }
            if it.unknown.is_some() || !it.entries.is_empty() {
                return None;
            }
        }
        let mut j = at;
        while j < end && j < at + 4 {
            if !self.capitalized_name_word(j) {
                break;
            }
            if let Some(it) = items.iter().find(|it| it.tokens.contains(&j)) {
                // The NER saw only the surname (`Lt. Gen. Prosper *Avril*`): the name runs on
                // through it.
                if j > at && it.tokens.start == j && matches!(it.unknown, Some((EntityKind::Person, _))) {
                    j = it.tokens.end;
                }
                break;
            }
            j += 1;
        }
        // One capitalized word after a title is too often no name (`General Election`);
        // the NER or the dictionary vouch for those.
        if j < at + 2 {
            return None;
        }
        let next = (from..items.len())
            .find(|&k| items[k].tokens.start >= j)
            .unwrap_or(items.len());
        Some((at..j, next, None))
    }
}

fn overlaps(a: &Range<u32>, b: &Range<u32>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Which tokens are inside quotation marks: straight quotes toggle, curly ones open and close.
fn quote_mask(doc: &Document) -> Vec<bool> {
    let mut inside = false;
    doc.tokens
        .iter()
        .map(|t| {
            let w = doc.slice(t.span);
            match w {
                "\"" => {
                    inside = !inside;
                    false
                }
                "“" | "«" => {
                    inside = true;
                    false
                }
                "”" | "»" => {
                    inside = false;
                    false
                }
                _ => inside,
            }
        })
        .collect()
}

/// How many years from the article date a bare surname may still name an office-holder.
const SURNAME_YEARS: i32 = 10;

/// Gives roles without a country the country of the discourse: the most recent preceding
/// mention with a state code in this or the two previous sentences (`An official` after a
/// paragraph about Washington → `USAGOV`); failing that the country named most often in the
/// whole article (a domestic story that names its country once); `---` when there is none.
fn fill_context(all: &mut [Found]) {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for f in all.iter().filter(|f| f.explicit) {
        if let Some(c) = f.code.as_deref().filter(|c| code::is_state(c)) {
            let c = code::country(c);
            match counts.iter_mut().find(|(k, _)| k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c.to_string(), 1)),
            }
        }
    }
    // Most frequent; the first named wins ties.
    let dominant = counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, n))| (*n, std::cmp::Reverse(*i)))
        .map(|(_, (c, _))| c.clone());
    for i in 0..all.len() {
        if !all[i].needs_context || all[i].code.is_some() {
            continue;
        }
        let s = all[i].sentence;
        let start = all[i].tokens.start;
        let country = all[..i]
            .iter()
            .rev()
            .filter(|f| f.sentence + 2 >= s && f.tokens.start < start)
            .find_map(|f| {
                f.code
                    .as_deref()
                    .filter(|c| code::is_state(c))
                    .map(|c| code::country(c).to_string())
            })
            .or_else(|| dominant.clone());
        let role = all[i].role.clone();
        all[i].code = Some(with_role(country.as_deref().unwrap_or("---"), role.as_deref()));
    }
}
