//! An event's mode: asserted, negated, hypothetical, future or reported.

use chronicle_doc::{Mode, Span, Upos};

use crate::tree::Tree;

/// Heads that make what hangs on them an intention, plan, threat or possibility, not a fact.
const HYPOTHETICAL_HEADS: &[&str] = &[
    "threaten",
    "plan",
    "intend",
    "want",
    "seek",
    "ready",
    "prepare",
    "propose",
    "consider",
    "aim",
    "hope",
    "offer",
    "vow",
    "pledge",
    "promise",
    "try",
    "attempt",
    "intention",
    "plan",
    "readiness",
    "possible",
    "possibility",
    "option",
    "willing",
    "likely",
    "unlikely",
    "able",
    "could",
    "would",
    "may",
    "might",
    "warn",
    "threat",
    "demand",
    "urge",
    "call",
    "ask",
];
const MODALS: &[&str] = &["would", "could", "might", "may", "should", "can", "must", "ought"];
const FUTURE_AUX: &[&str] = &["will", "shall", "'ll"];
const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "neither", "nor"];
const CONDITIONS: &[&str] = &["if", "unless", "whether"];
const FUTURE_MODIFIERS: &[&str] = &["upcoming", "planned", "future", "scheduled", "next", "forthcoming"];
/// Heads that announce: what they govern is an intention only if it is still to be done.
const REPORTING: &[&str] = &["announce", "say", "declare", "confirm"];
pub(crate) const SPEECH_HEADS: &[&str] = &[
    "say", "tell", "claim", "report", "state", "add", "announce", "believe", "think", "insist", "note", "stress",
    "argue", "write", "allege",
];
/// Verbs whose object is something told or known about, not something done: "did not
/// *describe* the offer" says nothing about whether it was made, so the negation (or the
/// modality) of such a verb does not reach an event noun below it.
const ABOUT_HEADS: &[&str] = &[
    "describe",
    "confirm",
    "disclose",
    "reveal",
    "specify",
    "detail",
    "explain",
    "mention",
    "discuss",
    "comment",
    "know",
    "recall",
    "remember",
    "elaborate",
    "address",
];
/// Relations through which the mode of a clause reaches what it governs.
const MODE_CLIMB: &[&str] = &["xcomp", "acl", "obl", "nmod", "obj", "advcl", "ccomp", "conj", "amod"];

/// What decided the mode, for `--explain`.
pub(crate) struct ModeReading {
    pub mode: Mode,
    /// Lemmas of the words above the trigger that its mode passes through, nearest first
    /// ("ready" in "ready to impose sanctions"): what recoding looks at.
    pub heads: Vec<String>,
    pub why: String,
    /// Whether the event is made conditional on what the other side does ("will withdraw
    /// *unless* …", "would blockade Paris *if* …"): a threat, as CAMEO codes ultimatums.
    pub ultimatum: bool,
    /// Whether the event hangs on an `if` clause ("may halt mediation *if* cooperation
    /// founders"): coercion made conditional is a threat too.
    pub conditional: bool,
    /// Heads that are negated themselves ("did *not* rule out that they would meet").
    pub negated_heads: Vec<String>,
    /// Whether a negation denies a past act ("*did not* meet", "has held *no* talks") rather
    /// than stating a stance ("will not accept", "does not recognize"): only a stance refuses.
    pub past_negation: bool,
    /// The word the negation stands on, when the event is negated.
    pub negated_at: Option<usize>,
}

pub(crate) fn mode_of(tree: &Tree<'_>, trigger: usize, quotes: &[Span]) -> ModeReading {
    let mut chain = vec![trigger];
    let mut current = trigger;
    while let Some(head) = tree.head(current) {
        if chain.len() > 4 || !MODE_CLIMB.contains(&tree.deprel(current)) || is_adjunct(tree, current) {
            break;
        }
        // "to identify victims *killed* in the crash": a past participle describing a noun
        // tells what has happened; the mode of the clause above does not reach it.
        if tree.describes_noun_as_participle(current) {
            break;
        }
        let nominal = matches!(tree.doc.tokens[current].upos, Some(Upos::Noun | Upos::Propn));
        if nominal && ABOUT_HEADS.contains(&tree.lower_lemma(head).as_str()) {
            break;
        }
        chain.push(head);
        current = head;
    }
    // "announced that it *has called off* the strike": an announced past act is no intention.
    let done = tree.doc.tokens[trigger].xpos == Some("VBD") || tree.has_child_lemma(trigger, &["aux"], &["have"]);
    // "ended the talks *and agreed* to meet": the first conjunct is a sibling act, not a
    // head that frames this one (its own heads still do).
    let heads: Vec<String> = chain[1..]
        .iter()
        .enumerate()
        .filter(|&(k, _)| tree.deprel(chain[k]) != "conj")
        .map(|(_, &h)| tree.lower_lemma(h))
        .filter(|h| !(done && REPORTING.contains(&h.as_str())))
        .collect();
    let negated_heads: Vec<String> = chain[1..]
        .iter()
        .filter(|&&h| has_negation(tree, h))
        .map(|&h| tree.lower_lemma(h))
        .collect();
    // A clause made conditional by `unless`/`if`, unless the event lies inside the condition
    // itself ("will withdraw unless the rebels *fighting* … agree": the fighting is the
    // condition's, hypothetical, not threatened).
    let made_conditional_by = |mark: &str| {
        chain.iter().enumerate().any(|(depth, &node)| {
            tree.children(node).iter().any(|&c| {
                (depth == 0 || chain[depth - 1] != c)
                    && tree.deprel(c) == "advcl"
                    && tree.has_child_lemma(c, &["mark"], &[mark])
            })
        })
    };
    let ultimatum = made_conditional_by("unless");
    let conditional = made_conditional_by("if");
    let reading = |mode, why: String| ModeReading {
        mode,
        heads: heads.clone(),
        negated_heads: negated_heads.clone(),
        why,
        ultimatum,
        conditional,
        past_negation: false,
        negated_at: None,
    };
    for (depth, &node) in chain.iter().enumerate() {
        let lemma = tree.lower_lemma(node);
        let at = tree.text(node);
        let negated = has_negation(tree, node);
        // "held *no* talks", "made *no* concessions": a verb whose object is denied.
        let object_denied = depth == 0
            && tree
                .children(node)
                .iter()
                .any(|&c| tree.base_deprel(c) == "obj" && tree.has_child_lemma(c, &["det"], &["no"]));
        // "would not tolerate attempts to undermine its *support*": a negation beyond a noun
        // on the way up denies that noun's matter, not this event.
        let through_noun = depth >= 2
            && chain[1..depth]
                .iter()
                .any(|&n| matches!(tree.doc.tokens[n].upos, Some(Upos::Noun | Upos::Propn)));
        // "did not rule out sending tanks": a refusal denied leaves the act possible.
        if negated && depth > 0 && OPENED_BY_NEGATION.contains(&lemma.as_str()) {
            return reading(Mode::Hypothetical, format!("`{at}` denied"));
        }
        if (negated && !through_noun) || object_denied {
            let mut negation = reading(Mode::Negated, format!("negated at `{at}`"));
            negation.past_negation = in_the_past(tree, node);
            negation.negated_at = Some(node);
            return negation;
        }
        // "warned Iran *and attacked* its ships": a first conjunct frames nothing.
        if depth > 0 && HYPOTHETICAL_HEADS.contains(&lemma.as_str()) && tree.deprel(chain[depth - 1]) != "conj" {
            return reading(Mode::Hypothetical, format!("under `{at}`"));
        }
        // "said they *would* blockade Paris": `would` in reported speech is the future of the
        // past, an announced act.
        let reported_would = tree.has_child_lemma(node, &["aux"], &["would"])
            && chain[depth + 1..].iter().enumerate().any(|(k, &h)| {
                tree.deprel(chain[depth + k]) == "ccomp" && SPEECH_HEADS.contains(&tree.lower_lemma(h).as_str())
            });
        if reported_would {
            return reading(Mode::Future, format!("`would` in reported speech at `{at}`"));
        }
        if tree.has_child_lemma(node, &["aux"], MODALS) {
            return reading(Mode::Hypothetical, format!("modal on `{at}`"));
        }
        if tree.has_child_lemma(node, &["mark"], CONDITIONS) {
            return reading(Mode::Hypothetical, format!("condition on `{at}`"));
        }
        let in_the_event = tree
            .children(node)
            .iter()
            .any(|&c| tree.lower_lemma(c) == "event" && tree.case_of(c).as_deref() == Some("in"));
        if in_the_event {
            return reading(Mode::Hypothetical, format!("`in the event of` on `{at}`"));
        }
        if tree.has_child_lemma(node, &["aux"], FUTURE_AUX) || tree.has_child_lemma(node, &["amod"], FUTURE_MODIFIERS) {
            return reading(Mode::Future, format!("future at `{at}`"));
        }
        if depth > 0 && tree.deprel(chain[depth - 1]) == "ccomp" && SPEECH_HEADS.contains(&lemma.as_str()) {
            return reading(Mode::Reported, format!("reported by `{at}`"));
        }
    }
    let trigger_span = tree.doc.tokens[trigger].span;
    if quotes.iter().any(|q| q.contains(trigger_span)) {
        return reading(Mode::Reported, "inside a quote".into());
    }
    reading(Mode::Asserted, "asserted".into())
}

/// Whether the verb at `node` tells of the past: a past tense or a perfect, with no modal
/// ("did not meet", "has held no talks", "had not received"; not "would not have met").
fn in_the_past(tree: &Tree<'_>, node: usize) -> bool {
    let tokens = &tree.doc.tokens;
    if tree.has_child_lemma(node, &["aux"], MODALS) || tree.has_child_lemma(node, &["aux"], FUTURE_AUX) {
        return false;
    }
    let past_aux = tree
        .children(node)
        .iter()
        .any(|&c| tree.deprel(c) == "aux" && (tokens[c].xpos == Some("VBD") || tree.lower_lemma(c) == "have"));
    past_aux || tokens[node].xpos == Some("VBD")
}

/// Prepositions of time and place: a phrase they introduce ("during a conversation") is an
/// adjunct of its head, so the head's modality ("called for …") does not reach into it.
pub(crate) const ADJUNCT_CASES: &[&str] = &[
    "during",
    "after",
    "before",
    "in",
    "at",
    "on",
    "since",
    "until",
    "while",
    "amid",
    "despite",
    "following",
];

/// Verbs of excluding: negated ("did not *rule out*", "does not *exclude*"), what they govern
/// becomes possible.
const OPENED_BY_NEGATION: &[&str] = &["rule", "exclude"];

/// Whether a word carries a negation of its own ("did *not* rule out", "*never* agreed").
fn has_negation(tree: &Tree<'_>, node: usize) -> bool {
    tree.children(node).iter().any(|&c| {
        matches!(tree.deprel(c), "advmod" | "det" | "neg" | "cc:preconj")
            && NEGATIONS.contains(&tree.lower_lemma(c).as_str())
    })
}

fn is_adjunct(tree: &Tree<'_>, node: usize) -> bool {
    matches!(tree.base_deprel(node), "obl" | "nmod")
        && tree
            .case_of(node)
            .is_some_and(|case| ADJUNCT_CASES.contains(&case.as_str()))
}
