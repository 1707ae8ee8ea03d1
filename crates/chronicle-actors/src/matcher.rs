//! One Aho–Corasick automaton over every dictionary surface: country names and adjectives,
//! metonyms, organizations, people's names, surnames and role words.
//!
//! The automaton is ASCII-case-insensitive and reports overlapping matches; a match is kept
//! only if it starts and ends on token boundaries and, for names, has exactly the
//! dictionary's case (`Turkey` the country, not `turkey`; `US` but not `us`), while role
//! words match in any case (`President`, `president`). Of the kept matches the longest wins
//! from left to right (`Russian Federation` over `Russian`, `security forces` over `forces`).

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chronicle_doc::{DataError, Document};

use crate::dictionary::{Dictionary, MetonymKind, RoleKind};

/// What a matched surface can mean. One surface may have several readings (`Chinese`:
/// adjective and people; `Taliban`: one row per period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A name of `countries[i]`.
    Country(u32),
    /// An adjective of `countries[i]` from countries.tsv.
    CountryAdjective(u32),
    Metonym(u32),
    Organization(u32),
    /// A full name or alias of `people[i]`.
    Person(u32),
    /// A surname of `people[i]`: a person only with supporting context.
    Surname(u32),
    Role(u32),
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub text: String,
    pub case_insensitive: bool,
    pub entries: Vec<Entry>,
}

/// What a pattern's readings allow when its case differs from the text's.
#[derive(Clone, Copy, Debug, Default)]
struct Sorts {
    /// A title role (`president`): a name after it may be written in odd case.
    title: bool,
    /// Any role word (`rioters`): a country adjective before it may be lower-case.
    role: bool,
    /// A person's name or surname.
    person: bool,
    /// A country adjective (`tunisian rioters`).
    adjective: bool,
}

/// A kept match: a token range and the readings of its surface.
#[derive(Clone, Debug)]
pub struct Match {
    pub tokens: Range<u32>,
    pub entries: Vec<Entry>,
}

pub struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    sorts: Vec<Sorts>,
}

impl Matcher {
    pub fn new(dict: &Dictionary) -> Result<Matcher, DataError> {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut index: HashMap<(String, bool), usize> = HashMap::new();
        let mut add = |text: &str, insensitive: bool, e: Entry| {
            let key = if insensitive {
                (text.to_lowercase(), true)
            } else {
                (text.to_string(), false)
            };
            let i = *index.entry(key).or_insert_with(|| {
                patterns.push(Pattern {
                    text: text.to_string(),
                    case_insensitive: insensitive,
                    entries: Vec::new(),
                });
                patterns.len() - 1
            });
            if !patterns[i].entries.contains(&e) {
                patterns[i].entries.push(e);
            }
        };
        // Hand-written metonyms first: their readings come first for shared surfaces.
        for (i, m) in dict.metonyms.iter().enumerate() {
            add(&m.surface, false, Entry::Metonym(i as u32));
        }
        for (i, c) in dict.countries.iter().enumerate() {
            for n in &c.names {
                add(n, false, Entry::Country(i as u32));
            }
            for a in &c.adjectives {
                let known = dict
                    .metonyms
                    .iter()
                    .any(|m| m.kind == MetonymKind::Adjective && &m.surface == a);
                if !known {
                    add(a, false, Entry::CountryAdjective(i as u32));
                }
            }
        }
        for (i, o) in dict.organizations.iter().enumerate() {
            for s in o.surfaces() {
                add(s, false, Entry::Organization(i as u32));
            }
        }
        for (i, p) in dict.people.iter().enumerate() {
            add(&p.name, false, Entry::Person(i as u32));
            for a in &p.aliases {
                add(a, false, Entry::Person(i as u32));
            }
            for s in p.surnames() {
                if s != p.name && !p.aliases.contains(&s) {
                    add(&s, false, Entry::Surname(i as u32));
                }
            }
        }
        for (i, r) in dict.roles.iter().enumerate() {
            add(&r.phrase, true, Entry::Role(i as u32));
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .map_err(|e| DataError::new("data/actors", format!("cannot build the name automaton: {e}")))?;
        let sorts = patterns
            .iter()
            .map(|p| {
                let mut s = Sorts::default();
                for e in &p.entries {
                    match *e {
                        Entry::Role(i) => {
                            s.role = true;
                            s.title |= dict.roles[i as usize].kind == RoleKind::Title;
                        }
                        Entry::Person(_) | Entry::Surname(_) => s.person = true,
                        Entry::CountryAdjective(_) => s.adjective = true,
                        Entry::Metonym(i) => s.adjective |= dict.metonyms[i as usize].kind == MetonymKind::Adjective,
                        _ => {}
                    }
                }
                s
            })
            .collect();
        Ok(Matcher { ac, patterns, sorts })
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The kept matches inside `tokens` (a token range of `doc`), sorted, non-overlapping.
    pub fn find(&self, doc: &Document, tokens: Range<u32>) -> Vec<Match> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let toks = &doc.tokens[tokens.start as usize..tokens.end as usize];
        let base = toks[0].span.start as usize;
        let stop = toks.iter().map(|t| t.span.end).max().unwrap_or(0) as usize;
        let text = &doc.text()[base..stop];
        // Byte offset (relative to `base`) → token index, for token starts and ends.
        let mut starts = vec![u32::MAX; text.len() + 1];
        let mut ends = vec![u32::MAX; text.len() + 1];
        for (k, t) in toks.iter().enumerate() {
            let i = tokens.start + k as u32;
            let s = t.span.start as usize - base;
            if starts[s] == u32::MAX {
                starts[s] = i;
            }
            ends[t.span.end as usize - base] = i + 1;
        }
        let mut found: Vec<(u32, u32, usize)> = Vec::new();
        let mut odd_case: Vec<(u32, u32, usize, bool)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (s, e) = (starts[m.start()], ends[m.end()]);
            if s == u32::MAX || e == u32::MAX || e <= s {
                continue;
            }
            let p = &self.patterns[m.pattern().as_usize()];
            if !p.case_insensitive && text[m.range()] != p.text {
                let upper = text[m.range()].chars().any(|c| c.is_uppercase());
                odd_case.push((s, e, m.pattern().as_usize(), upper));
                continue;
            }
            found.push((s, e, m.pattern().as_usize()));
        }
        // A name in another case than the dictionary's is kept when the case is odd rather
        // than common-noun lower case (`iSrael`, `ISRAEL`; not `Us`, `china`), when it is a
        // person's name right after a title (`President obama`), or a country adjective right
        // before a role word (`tunisian rioters`).
        let mut extra = Vec::new();
        for &(s, e, p, has_upper) in &odd_case {
            let sorts = self.sorts[p];
            let keep = if has_upper {
                self.patterns[p].text.chars().count() >= 4
            } else {
                (sorts.person && found.iter().any(|&(_, fe, fp)| fe == s && self.sorts[fp].title))
                    || (sorts.adjective && found.iter().any(|&(fs, _, fp)| fs == e && self.sorts[fp].role))
            };
            if keep {
                extra.push((s, e, p));
            }
        }
        found.extend(extra);
        found.sort_by_key(|&(s, e, p)| (s, std::cmp::Reverse(e), p));
        let mut out: Vec<Match> = Vec::new();
        let mut cur_end = 0;
        for (s, e, p) in found {
            if let Some(last) = out.last_mut() {
                if last.tokens == (s..e) {
                    for en in &self.patterns[p].entries {
                        if !last.entries.contains(en) {
                            last.entries.push(*en);
                        }
                    }
                    continue;
                }
            }
            if s < cur_end {
                continue;
            }
            cur_end = e;
            out.push(Match {
                tokens: s..e,
                entries: self.patterns[p].entries.clone(),
            });
        }
        out
    }
}
