//! Coreference for actors: links surnames, definite descriptions and pronouns to earlier
//! mentions and copies their code and canonical name.
//!
//! Rules, in this order (each explainable on its own):
//! 1. **Surname**: a one-word person name (`Biden`) → the latest earlier person mention whose
//!    canonical name has that word (`Joe Biden`). A dictionary surname with no such mention
//!    is kept only when the NER also marked it a person.
//! 2. **Appositive**: `Name, description` → the description refers to the name; a name the
//!    dictionary does not know takes the description's code.
//! 3. **Definite description**: `the official` → the latest earlier description with the same
//!    head word or another person role (`the representative` → `An official`); `the US
//!    president` → the latest earlier person named with the same code; `the two leaders` →
//!    the last two people named.
//! 4. **Pronoun**: `he`/`she`/`they`/`it` → the best compatible mention in this or the two
//!    previous sentences, outside/inside quotes as the pronoun is: in the same sentence the
//!    nearest before it, in earlier sentences names before descriptions and subjects (the
//!    parse's `nsubj`, else the first mention) before the rest.

use chronicle_doc::{Document, EntityKind, MentionKind};

use crate::dictionary::Gender;
use crate::names::{self, PronounClass};
use crate::resolve::{Found, Resolver, Sort};

/// Resolves references in `all` (sorted by start) in place and drops bare dictionary
/// surnames that found no support.
pub fn link(all: &mut Vec<Found>, res: &Resolver<'_>) {
    let doc = res.doc;
    let n = all.len();
    let mut drop = vec![false; n];
    for i in 0..n {
        let kind = all[i].kind;
        match kind {
            MentionKind::Name
                if all[i].sort == Sort::Person && !surname(all, i, doc) && !all[i].surname_of.is_empty() =>
            {
                {
                    // A dictionary surname alone: believe it only if the NER saw a person.
                    let ner = doc
                        .entities
                        .iter()
                        .any(|e| e.kind == EntityKind::Person && e.span.overlaps(res_span(doc, &all[i])));
                    let mut f = all[i].clone();
                    if ner && res.resolve_surname(&mut f, None) {
                        all[i] = f;
                    } else if !ner {
                        // Unseen by the NER: only the surname of someone in office on the
                        // article date (`Obama said …` in 2015) is believed.
                        if res.resolve_surname_within(&mut f, None, false) {
                            all[i] = f;
                        } else {
                            drop[i] = true;
                        }
                    }
                }
            }
            MentionKind::Description => {
                appositive(all, i, doc);
                if all[i].antecedent.is_none() && all[i].definite {
                    definite(all, i, res);
                }
            }
            MentionKind::Pronoun => pronoun(all, i, doc),
            _ => {}
        }
        propagate(all, i);
    }
    if drop.iter().any(|&d| d) {
        // Re-index antecedents after dropping.
        let mut map = vec![None; n];
        let mut k = 0;
        for (i, d) in drop.iter().enumerate() {
            if !d {
                map[i] = Some(k);
                k += 1;
            }
        }
        let mut j = 0;
        all.retain(|_| {
            let keep = !drop[j];
            j += 1;
            keep
        });
        for f in all.iter_mut() {
            f.antecedent = f.antecedent.and_then(|a| map[a]);
        }
    }
}

fn res_span(doc: &Document, f: &Found) -> chronicle_doc::Span {
    doc.tokens[f.tokens.start as usize]
        .span
        .cover(doc.tokens[f.tokens.end as usize - 1].span)
}

fn text<'d>(doc: &'d Document, f: &Found) -> &'d str {
    doc.slice(res_span(doc, f))
}

/// Copies code, canonical name and gender from the antecedent where the mention lacks them
/// or is a reference (pronoun, definite description, surname).
fn propagate(all: &mut [Found], i: usize) {
    let Some(a) = all[i].antecedent else { return };
    if all[i].count.is_some() && all[i].kind == MentionKind::Description {
        // `the two leaders` already holds the joint name and code.
        return;
    }
    let (code, canonical, gender) = (all[a].code.clone(), all[a].canonical.clone(), all[a].gender);
    let f = &mut all[i];
    let reference = f.kind == MentionKind::Pronoun
        || f.kind == MentionKind::Description && f.definite && !f.explicit
        || f.kind == MentionKind::Name;
    if (reference || f.code.is_none()) && (code.is_some() || f.kind == MentionKind::Pronoun) {
        f.code = code;
    }
    if canonical.is_some() {
        f.canonical = canonical;
    }
    if f.gender.is_none() {
        f.gender = gender;
    }
}

/// Rule 1.
fn surname(all: &mut [Found], i: usize, doc: &Document) -> bool {
    let word = text(doc, &all[i]).to_string();
    if word.contains(' ') {
        return false;
    }
    let found = (0..i).rev().find(|&j| {
        let f = &all[j];
        f.kind == MentionKind::Name
            && f.sort == Sort::Person
            && f.surname_of.is_empty()
            && f.canonical
                .as_deref()
                .is_some_and(|c| c != word && c.split(' ').any(|w| w == word))
    });
    match found {
        Some(j) => {
            all[i].antecedent = Some(j);
            all[i].surname_of.clear();
            all[i].why = "surname of a person named earlier";
            true
        }
        None => false,
    }
}

/// Rule 2.
fn appositive(all: &mut [Found], i: usize, doc: &Document) {
    let start = all[i].tokens.start;
    if start < 2 || !matches!(doc.slice(doc.tokens[start as usize - 1].span), ",") {
        return;
    }
    let Some(j) = (0..i).rev().find(|&j| all[j].tokens.end == start - 1) else {
        return;
    };
    if all[j].kind != MentionKind::Name || all[j].sort != Sort::Person {
        return;
    }
    all[i].antecedent = Some(j);
    if all[j].code.is_none() {
        all[j].code = all[i].code.clone();
    }
    // The description keeps its own code (it is often more precise about the role); the
    // canonical name comes from the person.
    all[i].canonical = all[j].canonical.clone();
}

/// Rule 3.
fn definite(all: &mut [Found], i: usize, res: &Resolver<'_>) {
    let f = &all[i];
    if let Some(count) = f.count.filter(|&c| c >= 2) {
        // `the two leaders`: the last `count` distinct people named.
        let mut people: Vec<usize> = Vec::new();
        for j in (0..i).rev() {
            let g = &all[j];
            if g.sort == Sort::Person && g.kind != MentionKind::Pronoun && g.canonical.is_some() {
                let c = g.canonical.as_deref();
                if !people.iter().any(|&p| all[p].canonical.as_deref() == c) {
                    people.push(j);
                    if people.len() == count as usize {
                        break;
                    }
                }
            }
        }
        if people.len() == count as usize {
            people.sort_by_key(|&p| {
                let c = all[p].canonical.as_deref();
                (0..all.len()).find(|&q| all[q].canonical.as_deref() == c).unwrap_or(p)
            });
            let names: Vec<String> = people.iter().filter_map(|&p| all[p].canonical.clone()).collect();
            let codes: Vec<Option<String>> = people.iter().map(|&p| all[p].code.clone()).collect();
            let same = codes.windows(2).all(|w| w[0] == w[1]);
            let f = &mut all[i];
            f.antecedent = people.iter().copied().max();
            f.canonical = Some(names.join(" and "));
            f.code = if same { codes[0].clone() } else { None };
            f.why = "the last people named";
            // Keep the joint canonical name: mark it explicit so propagate leaves it.
            f.explicit = true;
        }
        return;
    }
    if f.sort != Sort::Person {
        return;
    }
    let word = f.role_word.clone().unwrap_or_default();
    let person_role = names::PERSON_ROLES.contains(&word.as_str());
    let country = f.code.as_deref().filter(|_| f.explicit).map(|c| c[..3].to_string());
    let same_role = (0..i).rev().find(|&j| {
        let g = &all[j];
        g.kind == MentionKind::Description
            && g.sort == Sort::Person
            && g.role_word
                .as_deref()
                .is_some_and(|w| w == word || person_role && names::PERSON_ROLES.contains(&w))
            && country
                .as_deref()
                .is_none_or(|c| g.code.as_deref().is_some_and(|gc| gc.starts_with(c)))
            && !g.tokens.contains(&all[i].tokens.start)
    });
    // A named person with the same code; one whose office on the date has the role word
    // (`the Russian president` → the president, not his aide) first.
    // A named person: with the same code when the description names a country; one whose
    // office on the date has the role word (`the Russian president` → the president, not his
    // aide; a bare `the president` → the last president named) first.
    let named = || {
        let explicit = all[i].explicit;
        let code = all[i].code.clone();
        let start = all[i].tokens.start;
        let candidates: Vec<usize> = (0..i)
            .rev()
            .filter(|&j| {
                let g = &all[j];
                g.kind == MentionKind::Name
                    && g.sort == Sort::Person
                    && (!explicit || g.code == code)
                    && !g.tokens.contains(&start)
                    // not the person this description is in apposition to
                    && !(all[..i].iter().any(|h| h.antecedent == Some(j) && h.tokens.contains(&start)))
            })
            .collect();
        let holds = |j: usize| {
            let name = all[j].canonical.as_deref()?;
            let p = res.dict.person(name)?;
            p.terms
                .iter()
                .any(|t| t.covers(res.date) && t.office.to_lowercase().contains(&word))
                .then_some(j)
        };
        let by_office = candidates.iter().find_map(|&j| holds(j));
        if explicit {
            by_office.or(candidates.first().copied())
        } else {
            by_office
        }
    };
    let antecedent = if person_role { same_role } else { named().or(same_role) };
    if let Some(a) = antecedent {
        all[i].antecedent = Some(a);
        all[i].why = "definite description of an earlier mention";
    }
}

/// Rule 4.
fn pronoun(all: &mut [Found], i: usize, doc: &Document) {
    let p = &all[i];
    let class = p.pronoun.expect("pronoun mention");
    let s = p.sentence;
    let compatible = |g: &Found| -> bool {
        if g.in_quote != p.in_quote || g.tokens.start >= p.tokens.start {
            return false;
        }
        match class {
            PronounClass::He => g.sort == Sort::Person && g.gender != Some(Gender::Female) && g.count.is_none(),
            PronounClass::She => g.sort == Sort::Person && g.gender != Some(Gender::Male) && g.count.is_none(),
            PronounClass::They => g.sort == Sort::People || g.sort == Sort::Group || g.count.is_some(),
            PronounClass::It => g.sort == Sort::Group,
        }
    };
    let subject = |g: &Found| -> bool {
        doc.tokens[g.head as usize]
            .deprel
            .is_some_and(|d| d.starts_with("nsubj"))
    };
    // Candidates by (sentence distance, preference) — see the module comment.
    let mut best: Option<(u32, u32, i64, usize)> = None;
    for j in 0..i {
        let g = &all[j];
        if g.sentence + 2 < s || g.sentence > s || !compatible(g) {
            continue;
        }
        // Skip mentions nested inside another candidate's phrase (the attached part).
        if (0..j).any(|k| {
            all[k].tokens.start <= g.tokens.start && g.tokens.end <= all[k].tokens.end && all[k].tokens != g.tokens
        }) {
            continue;
        }
        let dist = s - g.sentence;
        let pref = if dist == 0 {
            0
        } else {
            u32::from(g.kind != MentionKind::Name && g.kind != MentionKind::Pronoun) + u32::from(!subject(g)) * 2
        };
        let pos = if dist == 0 {
            -(g.tokens.start as i64)
        } else {
            g.tokens.start as i64
        };
        let key = (dist, pref, pos, j);
        if best.is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2)) {
            best = Some(key);
        }
    }
    if let Some((_, _, _, j)) = best {
        all[i].antecedent = Some(j);
        all[i].why = "pronoun to the most likely earlier mention";
    }
}
