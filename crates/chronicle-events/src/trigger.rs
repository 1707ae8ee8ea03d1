//! Matching a token against the event patterns.

use chronicle_doc::Upos;

use crate::patterns::{Pattern, Patterns, TriggerKind};
use crate::tree::Tree;

/// Relations through which an attached word (a particle or preposition) hangs on a trigger,
/// directly or on one of its dependents.
const ATTACHING: &[&str] = &["compound:prt", "case", "mark"];
const CARRYING: &[&str] = &[
    "obl",
    "nmod",
    "xcomp",
    "advcl",
    "obj",
    "ccomp",
    "obl:npmod",
    "nmod:npmod",
];

/// The pattern a token triggers, if any: the most specific whose constraints hold.
pub(crate) fn matching_pattern<'p>(tree: &Tree<'_>, i: usize, patterns: &'p Patterns) -> Option<&'p Pattern> {
    if is_compound_descriptor(tree, i) || is_noun_modifier(tree, i) {
        return None;
    }
    let (kind, lemmas) = match tree.doc.tokens[i].upos? {
        // The lemmatizer's word first, then stems of the form itself ("rioted" lemmatized as
        // "riote").
        Upos::Verb => {
            let mut lemmas = vec![tree.lower_lemma(i)];
            for l in verb_lemmas(&tree.text(i).to_lowercase()) {
                if !lemmas.contains(&l) {
                    lemmas.push(l);
                }
            }
            // "re-impose", "re-examine": the act done again is the act.
            if let Some(again) = lemmas[0].strip_prefix("re-").map(str::to_owned) {
                lemmas.push(again);
            }
            (TriggerKind::Verb, lemmas)
        }
        Upos::Noun => (TriggerKind::Noun, vec![tree.lower_lemma(i)]),
        Upos::Adj if is_verb_like(tree, i) => (TriggerKind::Verb, verb_lemmas(&tree.lower_lemma(i))),
        _ => return None,
    };
    lemmas.iter().find_map(|lemma| {
        patterns.for_trigger(kind, lemma).iter().find(|p| {
            p.particles.iter().all(|w| attached(tree, i, w))
                && objects_match(tree, i, p)
                && !contributes_only(tree, i, p)
        })
    })
}

/// A participle hyphened to the word before it that describes a noun ("*Russian-threatening*
/// weapons", "a *US-led* coalition", "*Iran-backed* militias"): a description of the noun,
/// not an act told by the sentence.
fn is_compound_descriptor(tree: &Tree<'_>, i: usize) -> bool {
    let w = tree.text(i).to_lowercase();
    let participle = w.ends_with("ing") || w.ends_with("ed");
    let hyphened = i >= tree.start + 2
        && tree.text(i - 1) == "-"
        && tree.doc.tokens[i - 1].span.end == tree.doc.tokens[i].span.start;
    let describes = tree.deprel(i) == "amod"
        || tree
            .head(i)
            .is_some_and(|h| h > i && tree.doc.tokens[h].upos == Some(Upos::Noun));
    participle && hyphened && describes
}

/// Aid given to nobody: "cuts to *help narrow* its surplus", "confidence *helped* futures
/// settle higher". A verb of aid with a verb complement and no object names a contribution
/// to an outcome, not aid to an actor ("helped Haiti rebuild" has its object).
fn contributes_only(tree: &Tree<'_>, i: usize, pattern: &Pattern) -> bool {
    pattern.kind == TriggerKind::Verb
        && pattern.code.starts_with("07")
        && tree.child(i, "xcomp").is_some()
        && tree.child(i, "obj").is_none()
}

/// Nouns a compound before them only classifies: an organization, its people or a law ("an
/// *investment* group", "an *aid* agency", "the *sanctions* bill"). Before other nouns the
/// compound is the event ("*arrest* warrants", "an *aid* package").
const CLASSIFIED_BY_COMPOUND: &[&str] = &[
    "group",
    "agency",
    "bureau",
    "company",
    "firm",
    "bank",
    "fund",
    "corporation",
    "committee",
    "commission",
    "council",
    "office",
    "department",
    "ministry",
    "director",
    "official",
    "worker",
    "organization",
    "organisation",
    "movement",
    "system",
    "distributor",
    "service",
    "industry",
    "market",
    "bill",
    "law",
    "policy",
];

/// A word that only describes the noun after it: a participle before its noun ("his *failed*
/// bid", "the *resigned* director") or a noun compounded onto a noun it classifies ("an
/// *investment* group"). It names a kind of thing, not an act the sentence tells.
fn is_noun_modifier(tree: &Tree<'_>, i: usize) -> bool {
    let Some(head) = tree.head(i).filter(|&h| h > i) else {
        return false;
    };
    let head_is_noun = matches!(tree.doc.tokens[head].upos, Some(Upos::Noun | Upos::Propn));
    match tree.deprel(i) {
        // Inside a noun phrase a determiner or possessor opens ("*his* failed bid"): without
        // one, "Algerians blocked roads" may be a clause the parser read as a phrase.
        "amod" => {
            head_is_noun
                && tree.doc.tokens[i].xpos == Some("VBN")
                && tree
                    .children(head)
                    .iter()
                    .any(|&c| c < i && matches!(tree.deprel(c), "det" | "nmod:poss"))
        }
        "compound" => {
            head_is_noun
                && tree.doc.tokens[i].upos == Some(Upos::Noun)
                && CLASSIFIED_BY_COMPOUND.contains(&tree.lower_lemma(head).as_str())
        }
        _ => false,
    }
}

/// Auxiliaries after which an adjective is a verb the tagger mistook ("would *free*
/// prisoners", "is *opposed* to").
pub(crate) const VERBAL_AUX: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "must", "shall", "should", "to",
];

/// An adjective the parser made of a verb: a modal or "to" before it, a verb's tag, an
/// object of its own, or a sentence left without a main verb around it.
fn is_verb_like(tree: &Tree<'_>, i: usize) -> bool {
    let tagged_verb = tree.doc.tokens[i].xpos.is_some_and(|x| x.starts_with("VB"));
    let modal = tree
        .children(i)
        .iter()
        .any(|&c| matches!(tree.deprel(c), "aux" | "mark") && VERBAL_AUX.contains(&tree.lower_lemma(c).as_str()));
    let object = tree.child(i, "obj").is_some();
    let participle = {
        let w = tree.text(i).to_lowercase();
        w.ends_with("ed") || w.ends_with("ing")
    };
    tagged_verb
        || modal
        || (object && participle)
        || crate::slots::missed_main_verb(tree, i).is_some()
        || crate::slots::verb_after_modal(tree, i)
}

/// Verb lemmas an adjective's form may stand for: itself, and for participles their stems
/// ("opposed" → "oppose", "banned" → "ban", "shelling" → "shell").
pub(crate) fn verb_lemmas(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    for suffix in ["ed", "ing"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            push(stem.to_owned());
            push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                push(stem[..stem.len() - 1].to_owned());
            }
            if let Some(y) = stem.strip_suffix('i') {
                push(format!("{y}y"));
            }
        }
    }
    if let Some(stem) = word.strip_suffix('d') {
        push(stem.to_owned());
    }
    out
}

/// Whether `word` hangs on the trigger: as its particle, as the preposition of one of its
/// dependents ("called *for* a de-escalation"), or as the very next word.
fn attached(tree: &Tree<'_>, i: usize, word: &str) -> bool {
    let direct = tree
        .children(i)
        .iter()
        .any(|&c| ATTACHING.contains(&tree.deprel(c)) && tree.lower_lemma(c) == word);
    let carried = tree.children(i).iter().any(|&c| {
        CARRYING.contains(&tree.deprel(c))
            && tree
                .children(c)
                .iter()
                .any(|&g| ATTACHING.contains(&tree.deprel(g)) && tree.lower_lemma(g) == word)
    });
    let next = i + 1 < tree.end && tree.text(i + 1).eq_ignore_ascii_case(word);
    direct || carried || next
}

/// Verbs of getting, transparent between a verb and what is got ("expects to *receive* …").
const GETTING: &[&str] = &["receive", "get", "obtain"];

/// The words that fill a pattern's `+object`: the object (or the passive subject), the
/// nominal of an attached preposition, a verb complement ("agree to *meet*"), and for nouns
/// their compound and adjective modifiers ("*telephone* conversation", "*air* strike").
pub(crate) fn object_words(tree: &Tree<'_>, i: usize, pattern: &Pattern) -> Vec<usize> {
    let mut words = Vec::new();
    for &c in tree.children(i) {
        let rel = tree.deprel(c);
        let marker = tree.case_of(c);
        let via_particle = pattern
            .particles
            .last()
            .is_some_and(|p| marker.as_deref().is_some_and(|m| m.ends_with(p.as_str())));
        let of = marker.as_deref() == Some("of");
        let keep = match pattern.kind {
            TriggerKind::Verb => matches!(rel, "obj" | "nsubj:pass" | "xcomp") || via_particle,
            // "the suspension *of* air links": what a noun acts on.
            TriggerKind::Noun => matches!(rel, "compound" | "amod") || (rel == "nmod" && of) || via_particle,
        };
        if keep {
            words.push(c);
            // "impose new *sanctions*": the head word; "impose sanctions and *tariffs*": conjuncts too.
            words.extend(tree.children(c).iter().copied().filter(|&g| tree.deprel(g) == "conj"));
            // "expects *to receive* guarantees": what one expects to get is what one expects.
            if rel == "xcomp" && GETTING.contains(&tree.lower_lemma(c).as_str()) {
                words.extend(tree.child(c, "obj"));
            }
            // "handed over 700 kg *of* medicine", "sent a shipment of *arms*": what a measure holds.
            if pattern.kind == TriggerKind::Verb && rel == "obj" {
                words.extend(
                    tree.children(c)
                        .iter()
                        .copied()
                        .filter(|&g| tree.deprel(g) == "nmod" && tree.case_of(g).as_deref() == Some("of")),
                );
            }
        }
    }
    // "Young Algerians *blocked* roads" read as a noun phrase: the noun the verb was hung on
    // is its object.
    if pattern.kind == TriggerKind::Verb {
        words.extend(crate::slots::object_of_misread_verb(tree, i));
    }
    words
}

fn objects_match(tree: &Tree<'_>, i: usize, pattern: &Pattern) -> bool {
    if pattern.objects.is_empty() {
        return true;
    }
    if pattern.objects == [crate::patterns::ANY_OBJECT] {
        // A direct object or a passive subject, not a complement clause ("*try* the
        // suspects", not "try to agree").
        return tree
            .children(i)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "obj" | "nsubj:pass"))
            || tree.describes_noun_as_participle(i);
    }
    object_words(tree, i, pattern).iter().any(|&w| {
        let hyphened = tree.hyphened_lemma(w);
        noun_lemmas(&tree.lower_lemma(w))
            .iter()
            .chain(hyphened.iter())
            .any(|l| pattern.objects.contains(l))
    })
}

/// A noun's lemma and, when the lemmatizer left a plural ("supplies", "links"), its singular
/// forms.
pub(crate) fn noun_lemmas(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_owned()];
    if let Some(stem) = lemma.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = lemma.strip_suffix("es") {
        out.push(stem.to_owned());
    }
    if let Some(stem) = lemma.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        out.push(stem.to_owned());
    }
    out
}
