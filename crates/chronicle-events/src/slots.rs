//! Filling an event's source and target from the parse and the actor layer.

use chronicle_doc::{Mention, Upos};

use crate::patterns::{Pattern, Slot, TriggerKind};
use crate::tree::Tree;

/// Relations through which a verb without its own subject takes one from above: control
/// ("ready to *impose*"), coordination, participles, and nouns it modifies.
const CLIMB: &[&str] = &[
    "xcomp",
    "conj",
    "advcl",
    "acl",
    "acl:relcl",
    "obl",
    "nmod",
    "obj",
    "ccomp",
];
/// Pronouns that refer back to an actor named before ("it", "they", "its", "their").
const PERSONAL_PRONOUNS: &[&str] = &["it", "they", "he", "she", "its", "their", "his", "her", "we", "our"];
/// Verbs whose passive names a stance of its subject ("is *opposed* to", "is *committed* to").
const STATIVE_PASSIVES: &[&str] = &[
    "oppose",
    "opposed",
    "commit",
    "committed",
    "determine",
    "determined",
    "prepare",
    "prepared",
    "resolve",
    "resolved",
    "dedicate",
    "dedicated",
];
/// Verbs whose subject, not their object, does what the infinitive under them says
/// ("promised Kyiv *to send* arms").
const SUBJECT_CONTROL: &[&str] = &["promise", "pledge", "vow", "offer", "threaten", "swear"];
/// Verbs whose subject undergoes the event noun they take ("faced criticism", "came under
/// pressure", "suffered an attack").
const UNDERGOING: &[&str] = &["face", "suffer", "endure", "weather", "undergo", "draw", "attract"];
/// Verbs whose subject undergoes what an `under` phrase names ("came *under* pressure",
/// "remains under sanctions"; not "bought soybeans under the accords").
const UNDER_VERBS: &[&str] = &["come", "be", "remain", "stay", "fall"];
/// How far up the tree a subject is looked for.
const MAX_CLIMB: usize = 4;
/// Nouns naming a conversation whose partner is the addressee of what is said in it.
const CONVERSATIONS: &[&str] = &["conversation", "call", "talk", "meeting", "summit", "phone"];

/// The "by" phrase of a passive verb ("was shelled *by the army*"), if any.
fn by_phrase(tree: &Tree<'_>, v: usize) -> Option<usize> {
    tree.children(v).iter().copied().find(|&c| {
        tree.deprel(c) == "obl:agent" || (tree.base_deprel(c) == "obl" && tree.case_of(c).as_deref() == Some("by"))
    })
}

/// The subject of a verb the parser read as an adjective of the noun after it, in a sentence
/// it left without a main verb: "Israeli helicopters and tanks *shelled* positions …" parsed
/// as a noun phrase whose root is `helicopters` and `shelled` an `amod` of `positions`. The
/// word ends in "-ed", follows the root noun's phrase directly, and modifies a later noun.
pub(crate) fn missed_main_verb(tree: &Tree<'_>, i: usize) -> Option<usize> {
    let root = (tree.start..tree.end).find(|&t| tree.deprel(t) == "root")?;
    let nominal_root = matches!(tree.doc.tokens[root].upos, Some(Upos::Noun | Upos::Propn));
    let word = tree.text(i).to_lowercase();
    let modifies_later_noun = tree
        .head(i)
        .is_some_and(|h| h > i && matches!(tree.doc.tokens[h].upos, Some(Upos::Noun | Upos::Propn)));
    // Everything before the word is the root's noun phrase ("Hundreds of thousands of
    // people *blocked* streets"): no verb, each word the root or below it.
    let after_root_phrase = i > tree.start
        && (tree.start..i)
            .all(|t| tree.doc.tokens[t].upos != Some(Upos::Verb) && (t == root || tree.ancestors(t).contains(&root)));
    (nominal_root && tree.deprel(i) == "amod" && word.ends_with("ed") && modifies_later_noun && after_root_phrase)
        .then_some(root)
}

/// A verb the tagger read as an adjective right after a modal or `to` ("Israel announced it
/// *would free* 150 prisoners", parsed with `free` an `amod` of `prisoners`).
pub(crate) fn verb_after_modal(tree: &Tree<'_>, i: usize) -> bool {
    i > tree.start
        && tree.doc.tokens[i].upos == Some(Upos::Adj)
        && matches!(tree.doc.tokens[i - 1].upos, Some(Upos::Aux | Upos::Part))
        && crate::trigger::VERBAL_AUX.contains(&tree.text(i - 1).to_lowercase().as_str())
}

/// The object of a verb the parser made a modifier of the noun after it ("tanks *shelled*
/// positions", "would *free* prisoners"): that noun.
pub(crate) fn object_of_misread_verb(tree: &Tree<'_>, i: usize) -> Option<usize> {
    let noun = tree.head(i).filter(|&h| {
        h > i && tree.deprel(i) == "amod" && matches!(tree.doc.tokens[h].upos, Some(Upos::Noun | Upos::Propn))
    })?;
    (missed_main_verb(tree, i).is_some() || verb_after_modal(tree, i)).then_some(noun)
}

/// Whether a past participle describing a noun is a reduced passive ("soldiers *killed* in
/// Ukraine") rather than a main verb the parser read as one ("the advisor *met* with …",
/// "bulldozers *demolished* homes"): the noun is an argument of another verb, and no object,
/// complement or "with" follows the participle.
fn is_reduced_passive(tree: &Tree<'_>, v: usize) -> bool {
    if tree.doc.tokens[v].xpos != Some("VBN") || tree.child(v, "obj").is_some() {
        return false;
    }
    let noun_has_verb = tree.head(v).and_then(|n| tree.head(n)).is_some();
    let next_is_object = v + 1 < tree.end
        && tree.doc.tokens.get(v + 1).is_some_and(|t| {
            matches!(
                t.upos,
                Some(Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron | Upos::Sconj)
            ) || tree.lower_lemma(v + 1) == "with"
        });
    noun_has_verb && !next_is_object
}

/// A past participle heading an adverbial clause before its main clause, with no auxiliary
/// ("having met") and no subject or object of its own: a passive ("Asked whether …",
/// "Elected in 2019, …"). Opening the sentence, a form tagged as a past tense is one too.
fn is_passive_participle_clause(tree: &Tree<'_>, v: usize) -> bool {
    let participle = match tree.doc.tokens[v].xpos {
        Some("VBN") => true,
        Some("VBD") => v == tree.start,
        _ => false,
    };
    participle
        && tree.head(v).is_some_and(|h| h > v)
        && ["aux", "aux:pass", "nsubj", "nsubj:pass", "obj"]
            .iter()
            .all(|rel| tree.child(v, rel).is_none())
}

/// An actor filling a slot: the mention and the token the slot found it through.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Filler<'d> {
    pub mention: &'d Mention,
    pub mention_index: usize,
}

pub(crate) struct Slots<'t, 'd> {
    pub tree: &'t Tree<'d>,
}

impl<'t, 'd> Slots<'t, 'd> {
    /// The actors a token stands for: the mention it heads or lies in, else mentions inside
    /// its noun phrase ("his Russian counterpart *Vladimir Putin*"), plus those of its
    /// conjuncts ("Hungary and Romania").
    pub fn actors_at(&self, t: usize) -> Vec<Filler<'d>> {
        let mut found = Vec::new();
        self.collect_actors(t, &mut found, 0);
        found
    }

    fn collect_actors(&self, t: usize, found: &mut Vec<Filler<'d>>, depth: usize) {
        if depth > 3 {
            return;
        }
        let doc = self.tree.doc;
        let span = doc.tokens[t].span;
        let own = self
            .tree
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.actor.is_some() && (m.head == Some(t as u32) || m.span.contains(span)))
            .min_by_key(|(_, m)| m.span.len());
        // Inside the phrase, its name ("the militant group *al-Shabab*") before a modifier,
        // and a modifier before a hyphened descriptor ("the *Al Qaeda*-linked Somali group" is
        // linked to Al Qaeda, not Al Qaeda).
        let inner = || {
            let phrase = self.phrase_span(t);
            self.tree
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.actor.is_some() && phrase.contains(m.span))
                .min_by_key(|(_, m)| (self.is_hyphened_descriptor(m), !self.names(t, m), m.span.start))
        };
        if let Some((index, mention)) = own.or_else(inner) {
            if !found.iter().any(|f| f.mention_index == index) {
                found.push(Filler {
                    mention,
                    mention_index: index,
                });
            }
        }
        for &c in self.tree.children(t) {
            match self.tree.deprel(c) {
                "conj" => self.collect_actors(c, found, depth + 1),
                // "Libyan leader Gaddafi and Bulgarian President Zhivkov": the name heads the
                // coordination when the role noun heads the phrase.
                "flat" | "appos" => {
                    for &g in self.tree.children(c) {
                        if self.tree.deprel(g) == "conj" {
                            self.collect_actors(g, found, depth + 1);
                        }
                    }
                }
                // "French and Egyptian warships": each national modifier of another country.
                "amod" | "compound" if self.tree.children(c).iter().any(|&g| self.tree.deprel(g) == "conj") => {
                    let mut nationals = Vec::new();
                    self.collect_actors(c, &mut nationals, depth + 1);
                    for f in nationals {
                        let new_country = !found.iter().any(|g| {
                            g.mention.actor.as_deref().and_then(|a| a.get(..3))
                                == f.mention.actor.as_deref().and_then(|a| a.get(..3))
                        });
                        if new_country && !found.is_empty() {
                            found.push(f);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether a mention is the first part of a hyphened descriptor ("*UK*-based",
    /// "*Iran*-backed"): what the phrase is linked to, not what it is.
    fn is_hyphened_descriptor(&self, m: &chronicle_doc::Mention) -> bool {
        let tokens = &self.tree.doc.tokens;
        let next = tokens.partition_point(|x| x.span.start < m.span.end);
        tokens
            .get(next)
            .is_some_and(|x| x.span.start == m.span.end && self.tree.doc.slice(x.span) == "-")
    }

    /// Whether a mention is headed by a name or apposition of token `t`.
    fn names(&self, t: usize, m: &chronicle_doc::Mention) -> bool {
        self.tree
            .mention_head(m)
            .is_some_and(|h| self.tree.head(h) == Some(t) && matches!(self.tree.deprel(h), "flat" | "appos"))
    }

    /// A token's noun phrase without its clauses: itself, modifiers, names and appositions.
    fn phrase_span(&self, t: usize) -> chronicle_doc::Span {
        let tree = self.tree;
        let mut span = tree.doc.tokens[t].span;
        for &c in tree.children(t) {
            if matches!(
                tree.deprel(c),
                "amod" | "compound" | "flat" | "appos" | "nmod:poss" | "det" | "nmod"
            ) && !self.is_reporting_subject(c)
            {
                span = span.cover(tree.subtree_span(c));
            }
        }
        span
    }

    /// "killing eight people, *Syrian state media* reported": an apposition right before a
    /// verb that has no subject of its own is that verb's subject, which the parser hung on
    /// the noun before the comma; it is not another name of that noun.
    fn is_reporting_subject(&self, c: usize) -> bool {
        let tree = self.tree;
        tree.deprel(c) == "appos" && tree.subjectless_verb_after(c).is_some()
    }

    /// The agent of a verb: the subject, the "by" phrase of a passive, or a subject shared
    /// from above (control, coordination, participles, a noun the clause modifies).
    pub fn verb_agent(&self, v: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        if let Some(subject) = missed_main_verb(tree, v) {
            return self.actors_at(subject);
        }
        let mut current = v;
        let mut via = "";
        let mut below = v;
        for _ in 0..MAX_CLIMB {
            // "Russia forced Ukraine to withdraw", "Obama wants Putin to attack": the object of
            // the verb above an infinitive is its subject (object control), except after verbs
            // whose own subject keeps the promise ("promised Kyiv to send").
            let infinitive = via == "xcomp" || (via == "advcl" && tree.has_child_lemma(below, &["mark"], &["to"]));
            if infinitive && !SUBJECT_CONTROL.contains(&tree.lower_lemma(current).as_str()) {
                let controller = tree.child(current, "obj").or_else(|| tree.child(current, "iobj"));
                if let Some(actors) = controller.map(|o| self.actors_at(o)).filter(|a| !a.is_empty()) {
                    return actors;
                }
            }
            // "jailed a student *for helping* militants", "thanked Qatar for mediating": a
            // "for" + gerund adjunct gives the reason the object was treated so, its own act.
            let reason =
                via == "advcl" && tree.has_child_lemma(below, &["mark"], &["for"]) && tree.text(below).ends_with("ing");
            if reason {
                if let Some(actors) = tree
                    .child(current, "obj")
                    .map(|o| self.actors_at(o))
                    .filter(|a| !a.is_empty())
                {
                    return actors;
                }
            }
            if let (Some(subject), "xcomp" | "conj") = (tree.child(current, "nsubj:pass"), via) {
                // "Obama is scheduled to attend": the subject of a passive raising verb is
                // the subject of its complement. "The minister was indicted and will
                // *resign*": a conjoined verb shares the passive's subject, not its agent.
                return self.actors_at(subject);
            }
            if let Some(subject) = tree
                .child(current, "nsubj:pass")
                .filter(|_| STATIVE_PASSIVES.contains(&tree.lower_lemma(current).as_str()))
            {
                // "Israel is opposed to …": a state of the subject, not something done to it.
                return self.actors_at(subject);
            }
            if tree.child(current, "nsubj:pass").is_some() {
                let agent = by_phrase(tree, current);
                return agent.map(|a| self.actors_at(a)).unwrap_or_default();
            }
            // A name the parser split into two subjects ("Secretary … Warren Christopher
            // telephoned"): the first subject that names an actor.
            let subjects: Vec<usize> = tree
                .children(current)
                .iter()
                .copied()
                .filter(|&c| tree.deprel(c) == "nsubj")
                .collect();
            if !subjects.is_empty() {
                let mut named = subjects
                    .iter()
                    .map(|&s| self.actors_at(s))
                    .find(|a| !a.is_empty())
                    .unwrap_or_default();
                // "The US, Russia, and Switzerland met": a coordination the parser split into
                // two subjects, the later one right after a conjunction of the verb.
                for &s in subjects.iter().skip(1) {
                    let after_cc = s > 0
                        && tree.head(s - 1) == Some(current)
                        && tree.deprel(s - 1) == "cc"
                        && tree.doc.tokens[s].upos == Some(Upos::Propn);
                    if after_cc && !named.is_empty() {
                        for f in self.actors_at(s) {
                            if !named.iter().any(|g| g.mention_index == f.mention_index) {
                                named.push(f);
                            }
                        }
                    }
                }
                // "Hungarian and Romanian officials agreed that *their* countries should
                // cooperate": a plural pronoun the actor layer tied to one of coordinated
                // actors above stands for all of them.
                if self.is_plural_pronominal(subjects[0]) && !named.is_empty() {
                    let above = self.antecedent_subject(current);
                    let covers = |f: &Filler<'d>| above.iter().any(|g| g.mention.actor == f.mention.actor);
                    if above.len() > named.len() && named.iter().all(covers) {
                        return above;
                    }
                }
                if named.is_empty() && self.is_pronominal(subjects[0]) {
                    // "Israel announced *it* would free …", "Serbs said *their* forces had
                    // completed …": the pronoun's antecedent is the subject of a clause above.
                    return self.antecedent_subject(current);
                }
                return named;
            }
            let rel = tree.deprel(current);
            let head = match tree.head(current) {
                Some(head) if CLIMB.contains(&rel) => head,
                _ => return Vec::new(),
            };
            // Checked before the rule below: "soldiers *killed* in Ukraine" are the
            // victims, not the killers, though the noun names an actor.
            // "victims *killed* near Chad": the noun a past participle describes is its
            // patient; the clause above holds no agent of it.
            if rel == "acl" && is_reduced_passive(tree, current) {
                return Vec::new();
            }
            // "*Asked* whether Berlin would send tanks, Scholz declined": a past participle
            // opening the sentence without an auxiliary is passive; the subject of the clause
            // above is the one asked, and who asked is unknown.
            if rel == "advcl" && is_passive_participle_clause(tree, current) {
                return Vec::new();
            }
            // A clause modifying an actor noun has that actor as its subject ("troops entering").
            if matches!(rel, "acl" | "acl:relcl") && tree.doc.tokens[head].upos != Some(Upos::Verb) {
                let actors = self.actors_at(head);
                if !actors.is_empty() {
                    return actors;
                }
            }
            via = rel;
            below = current;
            current = head;
        }
        Vec::new()
    }

    /// The actors a passive verb is done to: its passive subject ("three civilians *were
    /// killed*") or the noun a bare past participle describes ("soldiers *killed* in …").
    pub fn patient(&self, v: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        if let Some(subject) = tree.child(v, "nsubj:pass") {
            return self.actors_at(subject);
        }
        // Not an adjective ("the *occupied* West Bank"): that names a state, not an act.
        let reduced = tree.deprel(v) == "acl" && is_reduced_passive(tree, v);
        match tree.head(v) {
            Some(noun) if reduced => self.actors_at(noun),
            _ => Vec::new(),
        }
    }

    /// Who caused what a passive verb reports through an event noun with an agent of its
    /// own: "were killed in *Israeli* tank shelling".
    pub fn cause_agent(&self, v: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        tree.children(v)
            .iter()
            .filter(|&&c| tree.base_deprel(c) == "obl" && tree.doc.tokens[c].upos == Some(Upos::Noun))
            .map(|&c| self.own_agent(c))
            .find(|a| !a.is_empty())
            .unwrap_or_default()
    }

    /// Whether a subject is a pronoun or a phrase a pronoun possesses ("it", "their forces").
    fn is_pronominal(&self, t: usize) -> bool {
        self.is_pronoun_or_possessed(t, PERSONAL_PRONOUNS)
    }

    /// Whether a subject is `they` or a phrase `their` possesses.
    fn is_plural_pronominal(&self, t: usize) -> bool {
        self.is_pronoun_or_possessed(t, &["they", "their"])
    }

    /// Whether `t` is one of `pronouns` or has one as its possessor.
    fn is_pronoun_or_possessed(&self, t: usize, pronouns: &[&str]) -> bool {
        let tree = self.tree;
        let pronoun = |x: usize| {
            tree.doc.tokens[x].upos == Some(Upos::Pron) && pronouns.contains(&tree.text(x).to_lowercase().as_str())
        };
        pronoun(t)
            || tree
                .children(t)
                .iter()
                .any(|&c| tree.deprel(c) == "nmod:poss" && pronoun(c))
    }

    /// The actors of the nearest subject above a clause: the antecedent of a pronoun subject.
    fn antecedent_subject(&self, clause: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        for up in tree.ancestors(clause).into_iter().take(MAX_CLIMB) {
            for &c in tree.children(up) {
                if matches!(tree.deprel(c), "nsubj" | "nsubj:pass") {
                    let actors = self.actors_at(c);
                    if !actors.is_empty() {
                        return actors;
                    }
                }
            }
        }
        Vec::new()
    }

    /// A passive verb without a "by" phrase ("eight people were killed"): its agent is
    /// unknown, and the actor before it is the patient, not the source.
    pub fn is_agentless_passive(&self, v: usize) -> bool {
        let tree = self.tree;
        if missed_main_verb(tree, v).is_some() {
            return false;
        }
        if STATIVE_PASSIVES.contains(&tree.lower_lemma(v).as_str()) {
            return false;
        }
        let passive = tree
            .children(v)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "nsubj:pass" | "aux:pass"))
            || (matches!(tree.doc.tokens[v].xpos, Some("VBN" | "VBD")) && matches!(tree.deprel(v), "acl" | "amod"));
        passive && by_phrase(tree, v).is_none()
    }

    /// The source of a noun event: its possessor, national adjective or "by" phrase, else the
    /// agent of the verb it is the object or adjunct of ("Biden held *talks*").
    pub fn noun_agent(&self, n: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        // "arrest warrants", "peace talks": a trigger modifying another noun shares its agent.
        if tree.deprel(n) == "compound" {
            if let Some(head) = tree.head(n).filter(|&h| tree.doc.tokens[h].upos == Some(Upos::Noun)) {
                let own = self.own_agent(n);
                return if own.is_empty() { self.noun_agent(head) } else { own };
            }
        }
        let own = self.own_agent(n);
        if !own.is_empty() {
            return own;
        }
        match (tree.base_deprel(n), tree.head(n)) {
            ("obj" | "obl" | "nmod", Some(head)) if tree.doc.tokens[head].upos == Some(Upos::Verb) => {
                self.verb_agent(head)
            }
            // "resort to measures such as *sanctions*": up through nominal phrases to the verb
            // whose argument they are.
            ("obj" | "obl" | "nmod", Some(_)) => {
                let mut current = n;
                for head in tree.ancestors(n).into_iter().take(MAX_CLIMB) {
                    if !matches!(tree.base_deprel(current), "obj" | "obl" | "nmod" | "amod" | "conj") {
                        break;
                    }
                    if tree.doc.tokens[head].upos == Some(Upos::Verb) {
                        return self.verb_agent(head);
                    }
                    current = head;
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// For an event noun its verb's subject undergoes ("Israel *faced criticism* from
    /// France", "came under *pressure* from Washington"): those who give it (a `from` or `by`
    /// phrase on the noun or the verb; maybe none) and the subject who undergoes it.
    pub fn undergone(&self, n: usize) -> Option<(Vec<Filler<'d>>, Vec<Filler<'d>>)> {
        let tree = self.tree;
        let verb = tree
            .head(n)
            .filter(|&v| matches!(tree.base_deprel(n), "obj" | "obl") && tree.doc.tokens[v].upos == Some(Upos::Verb))?;
        // "faced criticism" (an object), "came *under* pressure" (only that phrase).
        let undergoes = match tree.base_deprel(n) {
            "obj" => UNDERGOING.contains(&tree.lower_lemma(verb).as_str()),
            _ => tree.case_of(n).as_deref() == Some("under") && UNDER_VERBS.contains(&tree.lower_lemma(verb).as_str()),
        };
        if !undergoes || !self.own_agent(n).is_empty() {
            return None;
        }
        let undergoers = self.verb_agent(verb);
        if undergoers.is_empty() {
            return None;
        }
        let givers = [n, verb]
            .iter()
            .flat_map(|&h| tree.children(h).iter().copied())
            .filter(|&c| {
                matches!(tree.base_deprel(c), "nmod" | "obl")
                    && tree.case_of(c).is_some_and(|m| m == "from" || m == "by")
            })
            .map(|c| self.actors_at(c))
            .find(|a| !a.is_empty())
            .unwrap_or_default();
        Some((givers, undergoers))
    }

    /// A noun's own agent: its possessor, national adjective or "by" phrase.
    fn own_agent(&self, n: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        for &c in tree.children(n) {
            let by = tree.base_deprel(c) == "nmod" && tree.case_of(c).as_deref() == Some("by");
            if matches!(tree.deprel(c), "nmod:poss" | "amod" | "compound") || by {
                let actors = self.actors_at(c);
                if !actors.is_empty() {
                    return actors;
                }
            }
        }
        Vec::new()
    }

    /// The target from the pattern's slots, in order of preference.
    pub fn target(&self, trigger: usize, pattern: &Pattern) -> Vec<Filler<'d>> {
        let tree = self.tree;
        for slot in &pattern.targets {
            let actors = match slot {
                Slot::Object if pattern.kind == TriggerKind::Verb => {
                    let stative = STATIVE_PASSIVES.contains(&tree.lower_lemma(trigger).as_str());
                    let object = tree
                        .child(trigger, "obj")
                        .or_else(|| tree.child(trigger, "nsubj:pass").filter(|_| !stative));
                    // "tanks shelled(amod) *positions*": the noun the misread verb modifies.
                    let object = object.or_else(|| object_of_misread_verb(tree, trigger));
                    object.map(|o| self.actors_at(o)).unwrap_or_default()
                }
                Slot::IndirectObject => tree
                    .child(trigger, "iobj")
                    .map(|o| self.actors_at(o))
                    .unwrap_or_default(),
                Slot::Preposition(word) => self.prepositional(trigger, word),
                Slot::Complement => self.complement(trigger),
                Slot::Object | Slot::None => Vec::new(),
            };
            if !actors.is_empty() {
                return actors;
            }
        }
        Vec::new()
    }

    /// Actors in a phrase introduced by `word`, on the trigger or on its object
    /// ("held talks *with* Iran", "imposed sanctions *on* Russia").
    fn prepositional(&self, trigger: usize, word: &str) -> Vec<Filler<'d>> {
        let tree = self.tree;
        let mut holders = vec![trigger];
        holders.extend(
            tree.children(trigger)
                .iter()
                .copied()
                .filter(|&c| tree.deprel(c) == "obj"),
        );
        for holder in holders {
            for &c in tree.children(holder) {
                let marked = tree.case_of(c).is_some_and(|m| m.split(' ').any(|w| w == word));
                if marked && matches!(tree.base_deprel(c), "obl" | "nmod" | "advcl") {
                    let actors = self.actors_at(c);
                    if !actors.is_empty() {
                        return actors;
                    }
                }
            }
        }
        Vec::new()
    }

    /// The first actor in the trigger's clausal complement ("warned *that* Washington …").
    fn complement(&self, trigger: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        let Some(clause) = tree
            .children(trigger)
            .iter()
            .copied()
            .find(|&c| matches!(tree.deprel(c), "ccomp" | "xcomp"))
        else {
            return Vec::new();
        };
        let span = tree.subtree_span(clause);
        tree.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.actor.is_some() && span.contains(m.span))
            .map(|(index, mention)| Filler {
                mention,
                mention_index: index,
            })
            .take(1)
            .collect()
    }

    /// The partner of a conversation the verb's clause happens in: the addressee of an
    /// appeal or a demand made "during a telephone conversation with Putin".
    pub fn conversation_partner(&self, v: usize) -> Vec<Filler<'d>> {
        let tree = self.tree;
        for &c in tree.children(v) {
            if tree.base_deprel(c) == "obl" && CONVERSATIONS.contains(&tree.lower_lemma(c).as_str()) {
                let actors = self.prepositional(c, "with");
                if !actors.is_empty() {
                    return actors;
                }
            }
        }
        Vec::new()
    }
}
