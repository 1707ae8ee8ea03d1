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
    let kind = match tree.doc.tokens[i].upos? {
        Upos::Verb => TriggerKind::Verb,
        Upos::Noun => TriggerKind::Noun,
        _ => return None,
    };
    let lemma = tree.lower_lemma(i);
    patterns
        .for_trigger(kind, &lemma)
        .iter()
        .find(|p| p.particles.iter().all(|w| attached(tree, i, w)) && objects_match(tree, i, p))
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
        let keep = match pattern.kind {
            TriggerKind::Verb => matches!(rel, "obj" | "nsubj:pass" | "xcomp") || via_particle,
            TriggerKind::Noun => matches!(rel, "compound" | "amod") || via_particle,
        };
        if keep {
            words.push(c);
            // "impose new *sanctions*": the head word; "impose sanctions and *tariffs*": conjuncts too.
            words.extend(tree.children(c).iter().copied().filter(|&g| tree.deprel(g) == "conj"));
        }
    }
    words
}

fn objects_match(tree: &Tree<'_>, i: usize, pattern: &Pattern) -> bool {
    if pattern.objects.is_empty() {
        return true;
    }
    object_words(tree, i, pattern)
        .iter()
        .any(|&w| pattern.objects.contains(&tree.lower_lemma(w)))
}
