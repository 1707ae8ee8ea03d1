//! Coding one sentence: triggers → patterns → source, target, mode, date, place, evidence.

use chronicle_doc::{Date, Event, EventActor, Mode, Span, TimeKind, Upos};

use crate::mode::mode_of;
use crate::patterns::{Pattern, Slot, TriggerKind};
use crate::recode::Recoding;
use crate::slots::{Filler, Slots};
use crate::tree::Tree;
use crate::trigger::{matching_pattern, object_words};
use crate::{Ontology, Patterns};

/// How many sentences back a verbal event may find its addressee when the sentence names none.
const DISCOURSE_WINDOW: u32 = 2;

pub(crate) struct Coder<'a> {
    pub ontology: &'a Ontology,
    pub patterns: &'a Patterns,
    pub recoding: &'a Recoding,
    /// Spans of quoted and reported content: events inside are reported.
    pub quotes: Vec<Span>,
}

impl Coder<'_> {
    pub fn code_sentence(&self, tree: &Tree<'_>, sentence: u32, events: &mut Vec<Event>) {
        // "The Red Cross said US forces must *ensure* security": what a speaker says another
        // must do is a demand even when the verb names no event of its own.
        let obligation_pattern = Pattern {
            id: "obligation: a verb under `must` in what another says".to_owned(),
            kind: TriggerKind::Verb,
            lemma: String::new(),
            particles: Vec::new(),
            objects: Vec::new(),
            code: DEMAND.to_owned(),
            targets: vec![Slot::None],
            reversed: false,
            example: String::new(),
        };
        let slots = Slots { tree };
        let triggers: Vec<(usize, &Pattern)> = (tree.start..tree.end)
            .filter_map(|i| {
                matching_pattern(tree, i, self.patterns)
                    .or_else(|| {
                        (tree.doc.tokens[i].upos == Some(Upos::Verb) && obligation(tree, &slots, i).is_some())
                            .then_some(&obligation_pattern)
                    })
                    .map(|p| (i, p))
            })
            .collect();
        // In "impose sanctions" or "hold talks" the noun is part of the verb's event, not a
        // second one.
        let consumed: Vec<usize> = triggers
            .iter()
            .filter(|(_, p)| p.kind == TriggerKind::Verb && p.names_objects())
            .flat_map(|&(i, p)| object_words(tree, i, p))
            .collect();
        let fired: Vec<usize> = triggers.iter().map(|&(i, _)| i).collect();
        let mut subsumed: Vec<usize> = Vec::new();
        for &i in &fired {
            let Some(head) = tree.head(i).filter(|h| fired.contains(h)) else {
                if purpose_of_misattached(tree, i, &fired) {
                    subsumed.push(i);
                }
                continue;
            };
            if consumed.contains(&i) {
                continue; // "refused to meet": the refusal's own pattern already covers both
            }
            // "accused Kyiv *of blocking* the talks", "blamed Hezbollah *for firing* rockets":
            // what is charged is the accusation's content, not an established act.
            let accusation = triggers
                .iter()
                .any(|&(t, p)| t == head && p.code.starts_with(ACCUSATION));
            // "jailed a student *for helping* militants", "praised Oman for mediating": a
            // gerund after `for` gives the reason for the event, background to it.
            let reason = tree.doc.tokens[i].xpos == Some("VBG")
                && matches!(tree.base_deprel(i), "advcl" | "acl")
                && tree.has_child_lemma(i, &["mark"], &["for"]);
            if reason
                || accusation
                    && matches!(tree.base_deprel(i), "advcl" | "acl" | "xcomp")
                    && tree.has_child_lemma(i, &["mark"], &["of", "for", "with"])
            {
                // With the events it names: "of blocking the *talks*" reports no talks.
                let content = tree.subtree(i);
                subsumed.extend(fired.iter().filter(|t| content.contains(t)));
                continue;
            }
            if !matches!(tree.deprel(i), "xcomp" | "advcl" | "ccomp") {
                continue;
            }
            let head_lemma = tree.lower_lemma(head);
            if self.recoding.is_head(&head_lemma) {
                let code = triggers.iter().find(|&&(t, _)| t == i).map(|(_, p)| p.code.as_str());
                let refusal = self.recoding.class_of(&head_lemma) == Some(crate::recode::REFUSAL);
                let recodable = code.is_some_and(|c| self.recoding.recode(c, &[head_lemma], false).is_some());
                // "pledged to expel": the expulsion, recoded as what is pledged, is the event;
                // "refused to deploy troops", which the table cannot recode, is the refusal.
                subsumed.push(if recodable || !refusal { head } else { i });
            } else if tree.deprel(i) != "ccomp" && tree.has_child_lemma(i, &["mark"], &["to"]) {
                // "met … to discuss": the purpose is part of the meeting, not a second event.
                subsumed.push(i);
            }
        }
        // "Greece demanded that its partners refuse to *recognize* Macedonia": what is demanded
        // or appealed for is the content of that event, not a second one.
        for &(i, _) in &triggers {
            if demanded_content(tree, i, &triggers) && !consumed.contains(&i) && !subsumed.contains(&i) {
                subsumed.push(i);
            }
        }
        // "agreed to postpone the *demonstration*", "defended Iraq against Western
        // *criticism*": an event named inside an argument of another is part of it.
        for &i in &fired {
            if let Some(j) = embedding_trigger(tree, i, &fired) {
                if !subsumed.contains(&j) && !consumed.contains(&i) {
                    subsumed.push(i);
                }
            }
        }
        // "despite growing *pressure* by …", "after bloody tribal *clashes*": an event noun
        // introduced as the circumstance of another is background, not news of its own.
        for &(i, pattern) in &triggers {
            if pattern.kind == TriggerKind::Noun
                && tree
                    .case_of(i)
                    .is_some_and(|c| CIRCUMSTANCE_CASES.contains(&c.as_str()))
                && !subsumed.contains(&i)
            {
                subsumed.push(i);
            }
        }
        for (i, pattern) in triggers {
            if !consumed.contains(&i) && !subsumed.contains(&i) {
                self.code_trigger(tree, sentence, i, pattern, events);
            }
        }
    }

    fn code_trigger(&self, tree: &Tree<'_>, sentence: u32, i: usize, pattern: &Pattern, events: &mut Vec<Event>) {
        let slots = Slots { tree };
        let (mut sources, mut how_source) = match pattern.kind {
            TriggerKind::Verb => (slots.verb_agent(i), "subject"),
            TriggerKind::Noun => (slots.noun_agent(i), "possessor or governing verb"),
        };
        // "victims *killed* by the crash": a past participle modifying a noun has that noun as
        // its patient; the actor before it is no agent.
        let reduced_passive = tree.describes_noun_as_participle(i);
        if sources.is_empty() && pattern.kind == TriggerKind::Verb && !slots.is_agentless_passive(i) && !reduced_passive
        {
            // The parse found no subject (or one that names no actor): the nearest actor
            // before the verb in its clause, outside prepositional phrases, as coders of
            // PETRARCH's kind read the sentence.
            sources = preceding_actor(tree, i);
            how_source = "nearest actor before the verb";
        }
        let mut from_place = false;
        if sources.is_empty() && pattern.kind == TriggerKind::Verb && !slots.is_agentless_passive(i) {
            // "A roadside bombing near Samarra killed …", "Hundreds of thousands of people
            // blocked streets in Hong Kong": an unnamed or inanimate subject acts for the
            // country where it happens.
            // Not a bare participle ("a report *released* in Kigali"): that is no act of its subject.
            // A participle with an object of its own is a past tense the tagger misread
            // ("people *blocked* streets in Hong Kong").
            // A date read as the object ("a report *released Tuesday*", tagged as a past tense)
            // is no object: the participle is still bare.
            let object = tree.child(i, "obj").filter(|&o| !is_time(tree, o));
            let participle = tree.doc.tokens[i].xpos == Some("VBN")
                || (tree.doc.tokens[i].xpos == Some("VBD") && tree.child(i, "obj").is_some() && object.is_none());
            let bare_participle = participle && tree.child(i, "aux").is_none() && object.is_none();
            let subject = tree
                .child(i, "nsubj")
                .filter(|&s| tree.doc.tokens[s].upos == Some(Upos::Noun));
            if let Some(subject) = subject.filter(|_| !bare_participle) {
                sources = place_in_clause(tree, i, subject);
                from_place = !sources.is_empty();
                how_source = "the place of an unnamed subject";
            }
        }
        let mut targets = slots.target(i, pattern);
        let mut how_target = "pattern slot";
        if pattern.reversed && !sources.is_empty() && !targets.is_empty() {
            // "Haiti received aid *from the US*": the giver acts on the receiver.
            std::mem::swap(&mut sources, &mut targets);
            how_source = "pattern slot (the giver)";
            how_target = "subject (the receiver)";
        }
        if let Some((givers, undergoers)) = (pattern.kind == TriggerKind::Noun)
            .then(|| slots.undergone(i))
            .flatten()
        {
            // "Israel faced *criticism* from France": France criticizes Israel; with nobody
            // named as its author ("faced criticism over the raid") the event has no source.
            sources = givers;
            targets = undergoers;
            how_source = "the `from`/`by` phrase of what the subject undergoes";
            how_target = "the subject who undergoes it";
        }
        // "Three Iraqi civilians have been killed in Baghdad", "ten Russian soldiers killed in
        // Ukraine": violence whose agent goes unnamed is still an event against its victims.
        // Its source is the country where it happened when that is not the victims' own
        // (soldiers fall to the side whose land they are in), else unknown.
        let mut unnamed_agent = false;
        let violent = matches!(pattern.code.get(..2), Some("18" | "19" | "20"));
        if sources.is_empty() && violent && pattern.kind == TriggerKind::Verb && slots.is_agentless_passive(i) {
            let victims = slots.patient(i);
            if !victims.is_empty() {
                sources = slots.cause_agent(i);
                how_source = "the agent of the event noun that caused it";
                if sources.is_empty() {
                    sources = foreign_place(tree, i, &victims);
                    from_place = !sources.is_empty();
                    how_source = "the other country where the victims fell";
                }
                unnamed_agent = sources.is_empty();
                if unnamed_agent {
                    how_source = "unnamed (agentless passive)";
                }
                targets = victims;
                how_target = "the victims of the passive";
            }
        }
        if targets.is_empty() && pattern.kind == TriggerKind::Verb && pattern.targets.contains(&Slot::Object) {
            // "would blockade *Paris*": an object that is a place, not an actor mention.
            if let Some(object) = tree.child(i, "obj").map(|o| tree.doc.tokens[o].span) {
                if let Some((k, mention)) = tree.places.iter().enumerate().find(|(_, p)| p.span.contains(object)) {
                    targets = vec![Filler {
                        mention,
                        mention_index: tree.mentions.len() + k,
                    }];
                    how_target = "the place that is the object";
                }
            }
        }
        if targets.is_empty() && thing_as_object(tree, i, pattern) {
            return;
        }
        // "France is ready to contribute troops to a force in Liberia", "Pakistan deployed its
        // soldiers in Iraq": an object of the source's own country is what it sends, not whom
        // it acts on; another country's actor or place after the verb is the target.
        let passive = tree
            .children(i)
            .iter()
            .any(|&c| matches!(tree.deprel(c), "nsubj:pass" | "aux:pass"));
        let arguments: Vec<chronicle_doc::Span> = tree
            .children(i)
            .iter()
            .filter(|&&c| matches!(tree.base_deprel(c), "obj" | "obl"))
            .map(|&c| tree.doc.tokens[c].span)
            .collect();
        let own_object = !targets.is_empty()
            && pattern.kind == TriggerKind::Verb
            && !passive
            && targets.iter().all(|t| arguments.iter().any(|&a| t.mention.span.contains(a)))
            // Its forces or people (a description), not its territory ("blockade Paris").
            && targets.iter().all(|t| t.mention.kind == chronicle_doc::MentionKind::Description)
            && targets.iter().all(|t| {
                sources
                    .iter()
                    .any(|s| same_country(s.mention.actor.as_deref(), t.mention.actor.as_deref()))
            });
        if own_object {
            let mut other = nearest_other_actor(tree, i, &sources, false);
            if other.is_empty() {
                other = place_target(tree, i, &sources);
            }
            other.retain(|t| {
                !sources
                    .iter()
                    .any(|s| same_country(s.mention.actor.as_deref(), t.mention.actor.as_deref()))
            });
            if !other.is_empty() {
                targets = other;
                how_target = "another country's actor after the source's own object";
            }
        }
        let code = &pattern.code;
        let reading = mode_of(tree, i, &self.quotes);
        // What is threatened, intended, refused or announced is coded as the statement it is.
        let mut recoded = match reading.mode {
            // "will withdraw its force unless …": an ultimatum is a threat.
            _ if reading.ultimatum => Some(self.recoding.recode_threat(code, "unless")),
            // "would not provide support": a refusal, when the table says what it becomes.
            // (A past act denied, "did not meet", is no refusal: it stays a negated event.)
            Mode::Negated if !reading.past_negation && !refused_by_another(&slots, i, reading.negated_at, &sources) => {
                self.recoding.recode_negated(code)
            }
            Mode::Negated => None,
            mode => {
                // "did not rule out that they would meet": a refusal denied leaves the
                // meeting possible, not refused.
                let heads: Vec<String> = reading
                    .heads
                    .iter()
                    .filter(|h| {
                        !(reading.negated_heads.contains(h)
                            && self.recoding.class_of(h) == Some(crate::recode::REFUSAL))
                    })
                    .cloned()
                    .collect();
                self.recoding.recode(code, &heads, mode == Mode::Future)
            }
        };
        // "will strike if …", "may halt mediation efforts if …" (talks under `halt` are a
        // reduction of relations): coercion made conditional is a threat.
        let coercive = |c: &str| matches!(c.get(..2), Some("15" | "16" | "17" | "18" | "19" | "20"));
        let so_far = recoded.as_ref().map_or(code.as_str(), |r| r.code.as_str());
        if reading.conditional && !reading.ultimatum && coercive(so_far) {
            recoded = Some(self.recoding.recode_threat(so_far, "if"));
        }
        if let Some((speakers, addressees)) = obligation(tree, &slots, i) {
            // "Russia said that Sudan must return the helicopter": a demand of the speaker on
            // the one who must act.
            sources = speakers;
            targets = addressees;
            how_source = "who says it must be done";
            how_target = "who must do it";
            from_place = false;
            recoded = Some(crate::recode::Recoded {
                code: DEMAND.to_owned(),
                class: "obligation".to_owned(),
                head: "must".to_owned(),
            });
        }
        if let Some(accusers) = allegation(tree, &slots, i, code, &sources) {
            // "The US claimed that ISIL had attacked Iraq": to allege that another used force
            // is to accuse it; what is alleged is not established.
            targets = std::mem::replace(&mut sources, accusers);
            how_source = "who alleges it";
            how_target = "whom it is alleged of";
            from_place = false;
            recoded = Some(crate::recode::Recoded {
                code: ACCUSATION.to_owned(),
                class: "allegation".to_owned(),
                head: tree.lower_lemma(tree.head(i).unwrap_or(i)),
            });
        }
        if recoded.is_none() && claims_own_force(tree, &slots, i, code, &sources) {
            // "The US claimed that they had attacked Iraq": claiming one's own use of force
            // is claiming responsibility for it.
            recoded = Some(crate::recode::Recoded {
                code: CLAIM_RESPONSIBILITY.to_owned(),
                class: "claim".to_owned(),
                head: tree.lower_lemma(tree.head(i).unwrap_or(i)),
            });
        }
        if let Some((wishers, addressees)) = wish(tree, &slots, i) {
            // "Obama wants Putin to attack Switzerland": wanting another to act is an appeal
            // to that other.
            sources = wishers;
            targets = addressees;
            how_source = "who wants it done";
            how_target = "whom it is wanted of";
            from_place = false;
            recoded = Some(crate::recode::Recoded {
                code: APPEAL.to_owned(),
                class: "wish".to_owned(),
                head: tree.lower_lemma(tree.head(i).unwrap_or(i)),
            });
        }
        // A statement (or what recoding makes one: "ready to impose sanctions") may find its
        // addressee in the conversation or the preceding sentences.
        let final_code = recoded.as_ref().map_or(code.as_str(), |r| r.code.as_str());
        let verbal = matches!(self.ontology.get(final_code).map(|t| t.quad_class()), Some(1 | 3));
        if pattern.kind == TriggerKind::Noun {
            // "Russian-American talks": two national modifiers are both parties.
            let parties = modifier_actors(tree, &slots, i);
            if parties.len() >= 2 && targets.is_empty() {
                sources = vec![parties[0]];
                targets = vec![parties[1]];
                how_source = "first modifier";
                how_target = "second modifier";
            }
        }
        // "Jordan and Britain agreed to …": coordinated parties act towards each other.
        // Not for what a joint side does towards a third party: "US and British activists
        // staged a protest in Beijing" is against China, not between the two.
        let distinct: Vec<Filler<'_>> = distinct_countries(&sources);
        let joint_act = matches!(
            final_code.get(..2),
            Some("09" | "10" | "11" | "13" | "14" | "15" | "17" | "18")
        );
        let mutual = targets.is_empty() && distinct.len() >= 2 && !joint_act;
        if mutual {
            how_target = "the other coordinated party";
        }
        if targets.is_empty() && !mutual && verbal && pattern.kind == TriggerKind::Verb {
            targets = slots.conversation_partner(i);
            how_target = "conversation partner";
        }
        let allows_none = pattern.targets.contains(&Slot::None);
        if targets.is_empty() && !allows_none && !mutual {
            targets = nearest_other_actor(tree, i, &sources, false);
            how_target = "next actor in the clause";
        }
        if targets.is_empty() && !mutual && pattern.kind == TriggerKind::Verb && pattern.targets.contains(&Slot::Object)
        {
            // "Syrian rebels engaged Filipino peacekeepers …" with the object parsed into
            // another clause: the actor right after the verb is its object.
            targets = adjacent_actor(tree, i, &sources);
            how_target = "the actor right after the verb";
        }
        if targets.is_empty() && !allows_none && !mutual {
            // "Opposition groups in Zimbabwe demanded that President Mugabe …": a domestic
            // event, aimed at another actor of the source's own country.
            targets = nearest_other_actor(tree, i, &sources, true);
            how_target = "next actor of the same country in the clause";
        }
        if targets.is_empty() && !mutual && pattern.kind == TriggerKind::Verb && !from_place {
            // "protested in Beijing", "will meet in Zurich": where it happens.
            targets = place_target(tree, i, &sources);
            how_target = "the place of the event";
        }
        if targets.is_empty() && !mutual && allows_none && final_code.starts_with("14") {
            // "People blocked streets in Hong Kong in defiance of Chinese authorities": a protest
            // that needs no named target is still aimed at another country's actor the clause
            // names, before it is taken as a domestic one.
            targets = nearest_other_actor(tree, i, &sources, false);
            how_target = "another country's actor the protest's clause names";
        }
        if targets.is_empty() && !allows_none && !mutual && verbal && sentence > 0 {
            targets = discourse_actor(tree, sentence, &sources);
            how_target = "addressee from the preceding sentences";
        }
        if targets.is_empty() && !mutual {
            how_target = "the pattern needs none";
        }
        if code.starts_with(VISIT) && recoded.is_none() && !targets.is_empty() && peacekeepers_subject(tree, i) {
            // "Bangladeshi peacekeepers arrived in Sierra Leone": CAMEO codes the arrival of
            // peacekeepers as the host receiving them (0861), host → the sending side. (An
            // announced or intended arrival keeps its recoding.)
            std::mem::swap(&mut sources, &mut targets);
            how_source = "the host of the peacekeepers";
            how_target = "the peacekeepers";
            from_place = true;
            recoded = Some(crate::recode::Recoded {
                code: RECEIVE_PEACEKEEPERS.to_owned(),
                class: "peacekeepers' arrival".to_owned(),
                head: tree.lower_lemma(i),
            });
        }
        if (sources.is_empty() && !unnamed_agent) || (targets.is_empty() && !allows_none && !mutual) {
            return;
        }
        let (code, mode, why_mode) = match &recoded {
            Some(r) => {
                let why = format!("{} (`{}`: {} {} → {})", reading.why, r.head, r.class, code, r.code);
                (r.code.as_str(), Mode::Asserted, why)
            }
            None => (code.as_str(), reading.mode, reading.why.clone()),
        };
        let Some(event_type) = self.ontology.get(code) else {
            return;
        };
        let clause = tree.subtree_span(i);
        // "the *talks* on January 10": a date right after an event noun is the noun's own,
        // wherever the parse hung it.
        let trailing = (pattern.kind == TriggerKind::Noun)
            .then(|| trailing_time(tree, i))
            .flatten();
        let date = clause_date(tree, trailing.map_or(clause, |(time, _)| clause.cover(time)));
        // The object of a verb is where the act happens only for acts on the ground ("shelled
        // *Kharkiv*", "visited *Moscow*"); what one presses, accuses or urges is no location.
        let object_is_location = matches!(event_type.quad_class(), 2 | 4) || event_type.code.starts_with(VISIT);
        let place = clause_place(tree, i, clause, pattern.kind, object_is_location);
        let trigger = tree.doc.tokens[i].span;
        let evidence = tree.doc.sentences[sentence as usize].span;
        let pairs: Vec<(Option<Filler<'_>>, Option<Filler<'_>>)> = if unnamed_agent {
            targets.iter().map(|&t| (None, Some(t))).collect()
        } else if mutual {
            distinct
                .iter()
                .flat_map(|&s| {
                    distinct
                        .iter()
                        .filter(move |t| t.mention_index != s.mention_index)
                        .map(move |&t| (Some(s), Some(t)))
                })
                .collect()
        } else if targets.is_empty() {
            sources.iter().map(|&s| (Some(s), None)).collect()
        } else {
            sources
                .iter()
                .flat_map(|&s| targets.iter().map(move |&t| (Some(s), Some(t))))
                .collect()
        };
        for (source, target) in pairs {
            // The same mention on both sides, or one actor code twice, is a parsing accident;
            // a place of the source's own country ("Afghan guerillas blew up power lines into
            // Kabul") or a source found through the place is a domestic event.
            if source.is_some_and(|source| {
                target.is_some_and(|t| t.mention.span.overlaps(source.mention.span))
                    || (!from_place
                        && target.is_some_and(|t| {
                            t.mention.actor == source.mention.actor && t.mention_index < tree.mentions.len()
                        }))
            }) {
                continue;
            }
            let mut target: Option<EventActor> = target.map(actor);
            let mut how_target = how_target;
            // A rejection aimed at nobody named ("failed to reach a compromise", "will not
            // accept more refugees") is not aimed at the source's own country.
            let rejection = code.starts_with(REJECT_ROOT);
            if let (None, Some(source), false, false) = (&target, source, mutual, rejection) {
                // "Thousands of Nigerians rallied in Lagos": with nobody named on the other
                // side, an act of a country's own people or government is a domestic one.
                target = own_country(source);
                if target.is_some() {
                    how_target = "the source's own country: nobody else is named";
                }
            }
            let explanation = format!(
                "{} `{}` → {} ({}); source: {} ({}); target: {} ({}); mode: {}",
                pattern.id,
                tree.text(i),
                event_type.code,
                event_type.name,
                source.map_or("none", |s| tree.doc.slice(s.mention.span)),
                how_source,
                target.as_ref().map_or("none", |t| tree.doc.slice(t.span)),
                how_target,
                why_mode
            );
            events.push(Event {
                source: source.map(actor),
                target,
                cameo: event_type.code.clone(),
                quad_class: event_type.quad_class(),
                goldstein: event_type.goldstein,
                plover: event_type.plover.map(str::to_owned),
                mode,
                date,
                place: place.clone(),
                sentence,
                trigger,
                evidence,
                mentions: 1,
                explanation: Some(explanation),
            });
        }
    }
}

/// Whether a verb whose object must be someone (met, hosted, released) has nobody or a thing
/// there rather than an actor or a place ("Moscow expects to *receive* firm guarantees" is no hosting
/// of a visit; "a report *released* on Tuesday" frees nobody): that is another sense of the
/// verb, and nobody else in the sentence is its target. (Other verbs keep looking: "rejected
/// calls *by Belarus*", "threatened a curfew *in Algiers*" name the target beside a thing.)
/// Patterns that name their object's words ("hold +talk") expect a thing there.
fn thing_as_object(tree: &Tree<'_>, trigger: usize, pattern: &Pattern) -> bool {
    if pattern.kind != TriggerKind::Verb
        || pattern.names_objects()
        || pattern.targets != [Slot::Object]
        || !SOMEONE_AS_OBJECT.iter().any(|code| pattern.code.starts_with(code))
    {
        return false;
    }
    // The object's or passive subject's phrase, or the noun a reduced passive describes.
    let phrase = tree
        .child(trigger, "obj")
        .or_else(|| tree.child(trigger, "nsubj:pass"))
        .map(|p| (p, tree.subtree_span(p)))
        .or_else(|| {
            let noun = tree
                .head(trigger)
                .filter(|_| tree.describes_noun_as_participle(trigger))?;
            Some((noun, tree.doc.tokens[noun].span))
        });
    // No one at all: a release of nobody is a report or a statement ("the report *released*
    // Tuesday" parsed with the report as its subject); a meeting verb may have lost its object
    // to a parse error ("telephoned *Russian* Foreign Minister …" with `Russian` a complement).
    let Some((patient, span)) = phrase else {
        return pattern.code == RELEASE;
    };
    // "calling *it* a new chapter", "called the attack an act of terror": the object has a
    // predicate of its own; the verb names or judges it, nobody is called or met.
    let predicated = tree.children(trigger).iter().any(|&c| {
        (tree.deprel(c) == "xcomp" && matches!(tree.doc.tokens[c].upos, Some(Upos::Noun | Upos::Adj)))
            || (tree.deprel(c) == "obj" && c != patient)
    });
    if predicated {
        return true;
    }
    !tree.mentions.iter().chain(tree.places).any(|m| m.span.overlaps(span))
        && !matches!(tree.doc.tokens[patient].upos, Some(Upos::Pron | Upos::Propn))
}

/// Whether a token lies in a time expression of the times layer ("released *Tuesday*").
fn is_time(tree: &Tree<'_>, t: usize) -> bool {
    let span = tree.doc.tokens[t].span;
    tree.doc.times.iter().any(|x| x.span.contains(span))
}

/// CAMEO root 12, "Reject".
const REJECT_ROOT: &str = "12";

/// CAMEO codes (or roots) whose object is someone: root 04 (meetings, visits, hosting) and
/// 0841 (release persons).
const SOMEONE_AS_OBJECT: [&str; 2] = ["04", RELEASE];
/// CAMEO "Return, release person(s)".
const RELEASE: &str = "0841";

/// Modals of obligation: what someone says another must do is a demand.
const OBLIGATION_MODALS: &[&str] = &["must"];
/// CAMEO "Demand, not specified below".
const DEMAND: &str = "100";

/// For a verb under "must" in what an actor says ("Russia said that Sudan *must* return …"):
/// the speakers and the actors who must act, when they are of different countries.
fn obligation<'d>(tree: &Tree<'d>, slots: &Slots<'_, 'd>, v: usize) -> Option<(Vec<Filler<'d>>, Vec<Filler<'d>>)> {
    let modal = tree
        .children(v)
        .iter()
        .any(|&c| tree.deprel(c) == "aux" && OBLIGATION_MODALS.contains(&tree.lower_lemma(c).as_str()));
    if !modal || tree.deprel(v) != "ccomp" {
        return None;
    }
    let head = tree.head(v)?;
    let saying = crate::mode::SPEECH_HEADS.contains(&tree.lower_lemma(head).as_str())
        || matches!(tree.lower_lemma(head).as_str(), "announce" | "insist" | "demand");
    if !saying {
        return None;
    }
    let speakers = slots.verb_agent(head);
    let actors = tree.child(v, "nsubj").map(|s| slots.actors_at(s)).unwrap_or_default();
    // Another actor than the speaker: another country, or another actor of the same country
    // ("Rwandan rebels announced that President Kagame must agree …"); never the speaker
    // itself ("Russia said it must respond").
    let differ = speakers.iter().all(|s| {
        actors.iter().all(|a| {
            !same_country(s.mention.actor.as_deref(), a.mention.actor.as_deref())
                || (a.mention.actor != s.mention.actor
                    && a.mention.antecedent.is_none()
                    && !s.mention.span.overlaps(a.mention.span))
        })
    });
    (!speakers.is_empty() && !actors.is_empty() && differ).then_some((speakers, actors))
}

/// CAMEO "Receive deployment of peacekeepers".
const RECEIVE_PEACEKEEPERS: &str = "0861";

/// Whether the subject of a visit verb ("arrived in …") names peacekeepers.
fn peacekeepers_subject(tree: &Tree<'_>, v: usize) -> bool {
    tree.child(v, "nsubj").is_some_and(|s| {
        let phrase = tree.subtree_span(s);
        (tree.start..tree.end)
            .filter(|&t| phrase.contains(tree.doc.tokens[t].span))
            .any(|t| tree.lower_lemma(t).starts_with("peacekeep"))
    })
}

/// Verbs that present what follows as a charge, not a report.
const ALLEGING_HEADS: &[&str] = &["claim", "allege"];
/// CAMEO "Accuse of crime, corruption".
const ACCUSATION: &str = "112";

/// For force or violence (CAMEO 18–20) in what an actor claims or alleges another did: the
/// accusers, when they are of another country than the alleged perpetrators.
fn allegation<'d>(
    tree: &Tree<'d>,
    slots: &Slots<'_, 'd>,
    v: usize,
    code: &str,
    perpetrators: &[Filler<'d>],
) -> Option<Vec<Filler<'d>>> {
    let accusers = force_told_by(tree, slots, v, code, perpetrators, ALLEGING_HEADS)?;
    let other = accusers.iter().all(|a| {
        perpetrators
            .iter()
            .all(|p| !same_country(a.mention.actor.as_deref(), p.mention.actor.as_deref()))
    });
    other.then_some(accusers)
}

/// For force or violence (CAMEO 18–20) in the clausal complement of one of `heads` ("claimed
/// that … *attacked*"): who says it, when someone is named and the force has perpetrators.
fn force_told_by<'d>(
    tree: &Tree<'d>,
    slots: &Slots<'_, 'd>,
    v: usize,
    code: &str,
    perpetrators: &[Filler<'d>],
    heads: &[&str],
) -> Option<Vec<Filler<'d>>> {
    if !matches!(code.get(..2), Some("18" | "19" | "20")) || tree.deprel(v) != "ccomp" || perpetrators.is_empty() {
        return None;
    }
    let head = tree
        .head(v)
        .filter(|&h| heads.contains(&tree.lower_lemma(h).as_str()))?;
    let tellers = slots.verb_agent(head);
    (!tellers.is_empty()).then_some(tellers)
}

/// Verbs by which an actor owns up to an act.
const OWNING_HEADS: &[&str] = &["claim", "admit", "acknowledge"];
/// CAMEO "Claim or acknowledge responsibility".
const CLAIM_RESPONSIBILITY: &str = "015";

/// Whether force or violence (CAMEO 18–20) is what its own perpetrators claim or admit they
/// did ("The US claimed that they had attacked Iraq", "Russia admitted its jets struck …").
fn claims_own_force(tree: &Tree<'_>, slots: &Slots<'_, '_>, v: usize, code: &str, perpetrators: &[Filler<'_>]) -> bool {
    force_told_by(tree, slots, v, code, perpetrators, OWNING_HEADS).is_some_and(|claimants| {
        perpetrators.iter().all(|p| {
            claimants
                .iter()
                .any(|c| same_country(c.mention.actor.as_deref(), p.mention.actor.as_deref()))
        })
    })
}

/// Whether the negation stands on a verb above the trigger whose own agent is another
/// country's ("Obama would *not* give permission to Russia to *help* Israel"): the refusal is
/// that agent's, so the event is not recoded as a refusal by the trigger's source.
fn refused_by_another(
    slots: &Slots<'_, '_>,
    trigger: usize,
    negated_at: Option<usize>,
    sources: &[Filler<'_>],
) -> bool {
    let Some(node) = negated_at.filter(|&n| n != trigger) else {
        return false;
    };
    let agents = slots.verb_agent(node);
    !agents.is_empty()
        && agents.iter().all(|a| {
            sources
                .iter()
                .all(|s| !same_country(a.mention.actor.as_deref(), s.mention.actor.as_deref()))
        })
}

/// Verbs of wanting: wanting another actor to do something is an appeal to it.
const WISH_HEADS: &[&str] = &["want", "wish", "expect", "need"];
/// Verbs of hoping: hoping that another actor will act is an appeal to it.
const HOPE_HEADS: &[&str] = &["hope", "wish", "want"];
/// CAMEO "Make an appeal or request, not specified below".
const APPEAL: &str = "020";

/// For a verb in the infinitive under a verb of wanting with an object ("Obama *wants* Putin
/// to attack …"): who wants it and whom it is wanted of, when they are different actors.
///
/// Also for a clause under a verb of hoping ("Beijing *hoped* Washington would lift
/// restrictions"): the clause's subject is whom it is hoped of. (Not `expect`, which before a
/// clause predicts rather than asks.)
fn wish<'d>(tree: &Tree<'d>, slots: &Slots<'_, 'd>, v: usize) -> Option<(Vec<Filler<'d>>, Vec<Filler<'d>>)> {
    // "hoped Washington would match its words *and lift* restrictions": a conjunct is
    // wished as its first conjunct is.
    let mut v = v;
    while tree.deprel(v) == "conj" {
        v = tree.head(v).filter(|&h| h != v)?;
    }
    let infinitive =
        tree.deprel(v) == "xcomp" || (tree.deprel(v) == "advcl" && tree.has_child_lemma(v, &["mark"], &["to"]));
    let head = tree.head(v)?;
    let lemma = tree.lower_lemma(head);
    let wanted_of = if infinitive && WISH_HEADS.contains(&lemma.as_str()) {
        let object = tree.child(head, "obj").or_else(|| tree.child(head, "iobj"))?;
        slots.actors_at(object)
    } else if tree.deprel(v) == "ccomp" && HOPE_HEADS.contains(&lemma.as_str()) {
        slots.actors_at(tree.child(v, "nsubj")?)
    } else {
        return None;
    };
    let wishers = slots.verb_agent(head);
    let differ = wishers.iter().all(|w| {
        wanted_of
            .iter()
            .all(|o| o.mention.actor != w.mention.actor && !o.mention.span.overlaps(w.mention.span))
    });
    (!wishers.is_empty() && !wanted_of.is_empty() && differ).then_some((wishers, wanted_of))
}

/// International, multinational and non-state blocks: no country of their own.
const NON_STATE: &[&str] = &["---", "IGO", "NGO", "IMG", "MNC", "NAT"];

/// The source's country as the target of a domestic event: its span, its country code.
fn own_country(source: Filler<'_>) -> Option<EventActor> {
    let code = source.mention.actor.as_deref()?.get(..3)?;
    (!NON_STATE.contains(&code)).then(|| EventActor {
        span: source.mention.span,
        actor: Some(code.to_owned()),
    })
}

fn actor(filler: Filler<'_>) -> EventActor {
    EventActor {
        span: filler.mention.span,
        actor: filler.mention.actor.clone(),
    }
}

/// Actors among a noun's national and possessive modifiers, in text order.
fn modifier_actors<'d>(tree: &Tree<'d>, slots: &Slots<'_, 'd>, n: usize) -> Vec<Filler<'d>> {
    let mut found: Vec<Filler<'d>> = Vec::new();
    let modifiers = |t: usize| -> Vec<usize> {
        tree.children(t)
            .iter()
            .copied()
            .filter(|&c| matches!(tree.deprel(c), "amod" | "compound" | "nmod:poss"))
            .collect()
    };
    for c in modifiers(n) {
        // "Russian-American talks" split into words: the modifier's own modifier too.
        let mut words = modifiers(c);
        words.insert(0, c);
        words.sort_unstable();
        for w in words {
            for f in slots.actors_at(w) {
                if !found.iter().any(|g| g.mention.actor == f.mention.actor) {
                    found.push(f);
                }
            }
        }
    }
    found
}

/// Prepositions that make an event noun the circumstance of another event.
const CIRCUMSTANCE_CASES: &[&str] = &["after", "following", "despite", "amid", "before", "since"];

/// How many clauses up the content of a demand may lie ("demanded that they refuse to
/// recognize": two).
const CONTENT_CLIMB: usize = 3;

/// Whether trigger `i` lies in the clausal complement of a fired appeal or demand (CAMEO 02,
/// 10), through other triggers' complements too: "urged Iran to *stop*", "demanded that its partners refuse to *recognize* …". The
/// climb passes only through complements, so a separate clause joined to the demand is not
/// its content.
fn demanded_content(tree: &Tree<'_>, i: usize, triggers: &[(usize, &Pattern)]) -> bool {
    let mut current = i;
    for _ in 0..CONTENT_CLIMB {
        // "urged Washington to abandon … *and to return* …": a conjunct shares its first
        // conjunct's place.
        while tree.deprel(current) == "conj" {
            match tree.head(current) {
                Some(first) if first != current => current = first,
                _ => return false,
            }
        }
        if !matches!(tree.deprel(current), "ccomp" | "xcomp") {
            return false;
        }
        let Some(head) = tree.head(current) else {
            return false;
        };
        // "refuse" in "demanded that they refuse to recognize" is a trigger too: climb on.
        if triggers
            .iter()
            .any(|&(t, p)| t == head && matches!(p.code.get(..2), Some("02" | "10")))
        {
            return true;
        }
        current = head;
    }
    false
}

/// How many words a purpose clause may climb to find the event it serves.
const PURPOSE_CLIMB: usize = 3;

/// Whether a purpose clause ("to *discuss* …") hangs on a word the parser misplaced under an
/// event verb ("telephoned Russian(xcomp) … to discuss" with `discuss` on `Russian`): the
/// first verb above it, through words that are no verbs, is a fired trigger. Like "met … to
/// discuss", the purpose is then part of that event.
fn purpose_of_misattached(tree: &Tree<'_>, i: usize, fired: &[usize]) -> bool {
    if !matches!(tree.deprel(i), "advcl" | "xcomp") || !tree.has_child_lemma(i, &["mark"], &["to"]) {
        return false;
    }
    for head in tree.ancestors(i).into_iter().take(PURPOSE_CLIMB) {
        if fired.contains(&head) {
            return tree.doc.tokens[head].upos == Some(Upos::Verb);
        }
        if tree.doc.tokens[head].upos == Some(Upos::Verb) {
            return false;
        }
    }
    false
}

/// The fired trigger that `i` is embedded in through a nominal argument (an object, a
/// subject, a noun's modifier or a prepositional phrase that is not a time or place adjunct),
/// if any.
fn embedding_trigger(tree: &Tree<'_>, i: usize, fired: &[usize]) -> Option<usize> {
    let mut nominal = false;
    let mut current = i;
    for head in tree.ancestors(i) {
        let rel = tree.base_deprel(current);
        // A time or place phrase of the event itself (on the trigger, or on a verb); one inside
        // a noun argument ("agreed to US mediation *in the talks* with …") is part of what
        // the argument names.
        // An event noun after `on` is a topic, not a date ("renewed negotiations *on* an
        // Israeli troop *pullback*", "talks on a ceasefire").
        let on_event = rel == "obl" || fired.contains(&head);
        let adjunct = matches!(rel, "obl" | "nmod")
            && on_event
            && tree
                .case_of(current)
                .is_some_and(|c| crate::mode::ADJUNCT_CASES.contains(&c.as_str()) && !(current == i && c == "on"));
        if adjunct {
            return None;
        }
        nominal |= matches!(
            rel,
            "obj" | "obl" | "nmod" | "nsubj" | "acl" | "appos" | "compound" | "amod"
        );
        if fired.contains(&head) {
            return nominal.then_some(head);
        }
        current = head;
    }
    None
}

/// Where the event happens: the first place in the trigger's clause that locates the trigger
/// itself, or for a noun event the place of a locative phrase right after the noun's own
/// words. The parse often hangs that phrase on the verb governing the noun ("would monitor
/// the *talks* on January 10 *in Geneva*": `in Geneva` on `monitor`), yet it says where the
/// talks are.
fn clause_place(
    tree: &Tree<'_>,
    trigger: usize,
    clause: Span,
    kind: TriggerKind,
    object_is_location: bool,
) -> Option<String> {
    let places = &tree.doc.places;
    let locates_trigger = |span: Span| {
        location_head(tree, span, object_is_location).is_some_and(|head| on_trigger_path(tree, trigger, head))
    };
    if let Some(p) = places
        .iter()
        .find(|p| clause.contains(p.span) && locates_trigger(p.span))
    {
        return Some(p.name.clone());
    }
    if kind != TriggerKind::Noun {
        return None;
    }
    let after_noun = tree.subtree(trigger).last()? + 1;
    // "talks on January 10 *in Geneva*": past the noun's own date.
    let preposition = trailing_time(tree, trigger).map_or(after_noun, |(_, next)| next);
    if preposition + 1 >= tree.end || !matches!(tree.text(preposition), "in" | "at") {
        return None;
    }
    let at = tree.doc.tokens[preposition + 1].span.start;
    places.iter().find(|p| p.span.start == at).map(|p| p.name.clone())
}

/// CAMEO "Make a visit": its object is where the visit goes.
const VISIT: &str = "042";

/// Prepositions that put an event somewhere ("*in* Geneva", "*near* the border").
const LOCATIVE: [&str; 12] = [
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "within",
    "into",
    "around",
    "off",
    "along",
];

/// The head of the locative phrase the place at `span` stands in, when it says where
/// something happens: a locative phrase or (when `object_is_location`) the object of the verb
/// ("shelled *Kharkiv*"), not a modifier of an actor ("*US* President"), a possessor
/// ("*Moscow*'s concerns"), a subject ("*Washington* said") or an addressee ("aid to *Kiev*").
fn location_head(tree: &Tree<'_>, span: Span, object_is_location: bool) -> Option<usize> {
    let tokens = &tree.doc.tokens;
    let inside = |t: usize| span.contains(tokens[t].span);
    let mut head = (tree.start..tree.end).find(|&t| inside(t) && tree.head(t).is_none_or(|h| !inside(h)))?;
    // "in Paris and Berlin": a conjunct is where its first conjunct is.
    while tree.deprel(head) == "conj" {
        match tree.head(head) {
            Some(h) => head = h,
            None => break,
        }
    }
    let locative = match tree.base_deprel(head) {
        "obj" => object_is_location,
        "obl" | "nmod" | "advcl" => tree
            .case_of(head)
            .is_some_and(|m| m.split(' ').any(|w| LOCATIVE.contains(&w))),
        _ => false,
    };
    locative.then_some(head)
}

/// Whether the locative phrase headed by `phrase` says where the trigger happens, not where
/// something else in its clause is. The words between them are the trigger's own dependents
/// ("attacked a *base* in Kandahar", "*talks* in Geneva" for `hold`), verbs of the same event
/// chain ("agreed to *meet* in Berlin"), or nouns inside a setting of the trigger ("met *on
/// the sidelines of the summit* in Lima"; the parse may hang that setting on the object:
/// "arrested ten *people in raids* in Hebron"). A noun further down anywhere else describes
/// its own thing ("talks since the start of the *war* in Ukraine"), and another clause is
/// another event ("rejected the offer and *accused* Moscow …").
fn on_trigger_path(tree: &Tree<'_>, trigger: usize, phrase: usize) -> bool {
    let mut node = phrase;
    let mut nested = false;
    let mut in_setting = false;
    while let Some(head) = tree.head(node) {
        let near_trigger = head == trigger || tree.head(head) == Some(trigger);
        in_setting |= node != phrase && near_trigger && is_setting(tree, node);
        if head == trigger {
            return !nested || in_setting;
        }
        let nominal = matches!(
            tree.doc.tokens[head].upos,
            Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
        );
        if nominal {
            nested |= tree.head(head) != Some(trigger);
        } else if tree.base_deprel(head) != "xcomp" {
            return false;
        }
        node = head;
    }
    false
}

/// Whether `node` is a phrase of place or occasion ("*in* raids", "*on* the sidelines",
/// "*during* a visit"), within which a place still locates what the phrase hangs on.
fn is_setting(tree: &Tree<'_>, node: usize) -> bool {
    matches!(tree.base_deprel(node), "obl" | "nmod")
        && tree.case_of(node).is_some_and(|m| {
            m.split(' ')
                .any(|w| LOCATIVE.contains(&w) || matches!(w, "on" | "during"))
        })
}

/// The first place with a country in the trigger's clause that no actor mention covers and
/// that is not the source's own mention.
fn place_target<'d>(tree: &Tree<'d>, trigger: usize, sources: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let clause = tree.subtree_span(clause_head(tree, trigger));
    tree.places
        .iter()
        .enumerate()
        // After the verb: a place before it is usually part of the subject ("Pakistan
        // President Zia").
        .filter(|(_, p)| clause.contains(p.span) && p.span.start > tree.doc.tokens[trigger].span.start)
        .find(|(_, p)| !sources.iter().any(|s| s.mention.span.overlaps(p.span)))
        .map(|(k, mention)| {
            vec![Filler {
                mention,
                mention_index: tree.mentions.len() + k,
            }]
        })
        .unwrap_or_default()
}

/// How many words may stand between a verb and the actor it acts on ("engaged *the two
/// Filipino* peacekeepers").
const ADJACENT_WINDOW: usize = 3;

/// An actor mention starting right after a verb, with only determiners, numbers and
/// adjectives between: the verb's object when the parse put it elsewhere.
fn adjacent_actor<'d>(tree: &Tree<'d>, trigger: usize, sources: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let mut k = trigger + 1;
    while k < tree.end && k <= trigger + ADJACENT_WINDOW {
        let start = tree.doc.tokens[k].span.start;
        if let Some((index, mention)) = tree.mentions.iter().enumerate().find(|(_, m)| {
            m.actor.is_some()
                && m.span.start == start
                && !sources
                    .iter()
                    .any(|s| s.mention.span.overlaps(m.span) || s.mention.actor == m.actor)
        }) {
            return vec![Filler {
                mention,
                mention_index: index,
            }];
        }
        if !matches!(tree.doc.tokens[k].upos, Some(Upos::Det | Upos::Num | Upos::Adj)) {
            break;
        }
        k += 1;
    }
    Vec::new()
}

/// The first place with a country in the clause of a trigger, its subject included: where
/// an unnamed subject acts.
fn place_in_clause<'d>(tree: &Tree<'d>, trigger: usize, subject: usize) -> Vec<Filler<'d>> {
    let clause = tree.subtree_span(trigger).cover(tree.subtree_span(subject));
    tree.places
        .iter()
        .enumerate()
        .find(|(_, p)| clause.contains(p.span))
        .map(|(k, mention)| {
            vec![Filler {
                mention,
                mention_index: tree.mentions.len() + k,
            }]
        })
        .unwrap_or_default()
}

/// The first place in a passive verb's clause whose country is not that of any of its victims
/// ("ten Russian soldiers killed *in Ukraine*"), as the source of violence whose agent goes
/// unnamed.
fn foreign_place<'d>(tree: &Tree<'d>, verb: usize, victims: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let clause = tree.subtree_span(verb);
    tree.places
        .iter()
        .enumerate()
        .find(|(_, p)| {
            clause.contains(p.span)
                && p.actor.is_some()
                && !victims
                    .iter()
                    .any(|v| same_country(v.mention.actor.as_deref(), p.actor.as_deref()))
        })
        .map(|(k, mention)| {
            vec![Filler {
                mention,
                mention_index: tree.mentions.len() + k,
            }]
        })
        .unwrap_or_default()
}

/// Whether `span` lies in an adverbial clause that a subordinator introduces under the clause
/// head ("will not accept refugees *if war starts in Iraq*"): a condition or a circumstance,
/// whose actors are not the event's target.
fn in_subordinate_clause(tree: &Tree<'_>, clause_head: usize, span: Span) -> bool {
    tree.children(clause_head).iter().any(|&c| {
        tree.deprel(c) == "advcl"
            && tree
                .child(c, "mark")
                .is_some_and(|m| tree.doc.tokens[m].upos == Some(Upos::Sconj))
            && tree.subtree_span(c).contains(span)
    })
}

/// Whether a mention lies two clauses or more below the trigger: "prevented the demonstration
/// staged by students … *to protest* the decision of *sending* troops to Iraq" — Iraq is what
/// the sending is about, not what was prevented. One clause down ("refused to deploy troops
/// in Liberia", "an invitation to attend a meeting of Palestinian factions") is still the
/// trigger's business.
fn in_nested_clause(tree: &Tree<'_>, trigger: usize, m: &chronicle_doc::Mention) -> bool {
    let Some(head) = tree.mention_head(m) else {
        return false;
    };
    let above_trigger: Vec<usize> = std::iter::once(trigger).chain(tree.ancestors(trigger)).collect();
    let mut clauses = 0;
    for up in std::iter::once(head).chain(tree.ancestors(head)) {
        if above_trigger.contains(&up) {
            break;
        }
        if matches!(
            tree.base_deprel(up),
            "acl" | "advcl" | "xcomp" | "ccomp" | "csubj" | "parataxis"
        ) {
            clauses += 1;
        }
    }
    clauses >= 2
}

/// Whether a mention is the one who speaks ("…, government officials said"): the subject of
/// a verb of saying, not a party to the event.
fn is_speaker(tree: &Tree<'_>, m: &chronicle_doc::Mention) -> bool {
    let Some(h) = tree.mention_head(m) else {
        return false;
    };
    // "the Czechoslovak news agency … reported": from a modifier up to its phrase's head.
    let mut h = h;
    while matches!(tree.deprel(h), "amod" | "compound" | "flat" | "nmod:poss") {
        match tree.head(h) {
            Some(up) => h = up,
            None => break,
        }
    }
    let speech = |v: usize| crate::mode::SPEECH_HEADS.contains(&tree.lower_lemma(v).as_str());
    match tree.base_deprel(h) {
        "nsubj" => tree.head(h).is_some_and(speech),
        // "…, Syrian state media reported" hung on the noun before the comma.
        "appos" => tree.subjectless_verb_after(h).is_some_and(speech),
        _ => false,
    }
}

/// One filler per country, in order: "Hungary and Romania", not "Hungary and Budapest".
fn distinct_countries<'d>(fillers: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let mut out: Vec<Filler<'d>> = Vec::new();
    for &f in fillers {
        if !out
            .iter()
            .any(|g| same_country(g.mention.actor.as_deref(), f.mention.actor.as_deref()))
        {
            out.push(f);
        }
    }
    out
}

/// The nearest actor before a verb in its sentence that is not in a prepositional phrase or
/// another verb's object ("*Syrian rebels* engaged …" misparsed as a participle): a source
/// when the parse gives none.
fn preceding_actor<'d>(tree: &Tree<'d>, trigger: usize) -> Vec<Filler<'d>> {
    let before = tree.doc.tokens[trigger].span.start;
    let sentence = tree.doc.tokens[tree.start]
        .span
        .cover(tree.doc.tokens[tree.end - 1].span);
    let mut above = tree.ancestors(trigger);
    above.push(trigger);
    tree.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.actor.is_some() && m.span.end <= before && sentence.contains(m.span))
        .filter(|(_, m)| {
            let Some(h) = tree.mention_head(m) else {
                return false;
            };
            // Up to where its path meets the verb's: no preposition, possessive or object
            // of another verb on the way.
            std::iter::once(h)
                .chain(tree.ancestors(h))
                .take_while(|a| !above.contains(a))
                .all(|a| tree.case_of(a).is_none() && !matches!(tree.deprel(a), "nmod:poss" | "obj" | "iobj"))
        })
        .max_by_key(|(_, m)| m.span.start)
        .map(|(index, mention)| {
            vec![Filler {
                mention,
                mention_index: index,
            }]
        })
        .unwrap_or_default()
}

/// The first actor after the trigger, inside its clause, of another country than the source
/// (with `same_country`: of the source's country but another actor code).
fn nearest_other_actor<'d>(
    tree: &Tree<'d>,
    trigger: usize,
    sources: &[Filler<'d>],
    same_country_too: bool,
) -> Vec<Filler<'d>> {
    let clause_head = clause_head(tree, trigger);
    let clause = tree.subtree_span(clause_head);
    let after = tree.doc.tokens[trigger].span.end;
    tree.mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.start >= after && clause.contains(m.span) && m.actor.is_some() && !is_speaker(tree, m))
        .filter(|(_, m)| !in_subordinate_clause(tree, clause_head, m.span))
        .filter(|(_, m)| !in_nested_clause(tree, trigger, m))
        .filter(|(_, m)| {
            if same_country_too {
                // An unknown country ("---GOV") is no shared country.
                let unknown = |a: Option<&str>| a.is_none_or(|a| a.starts_with("---"));
                !unknown(m.actor.as_deref())
                    && !sources.iter().any(|s| unknown(s.mention.actor.as_deref()))
                    && !sources
                        .iter()
                        .any(|s| s.mention.actor == m.actor || s.mention.span.overlaps(m.span))
            } else {
                !sources
                    .iter()
                    .any(|s| same_country(s.mention.actor.as_deref(), m.actor.as_deref()))
            }
        })
        .min_by_key(|(_, m)| m.span.start)
        .map(|(index, mention)| {
            let mut found = vec![Filler {
                mention,
                mention_index: index,
            }];
            // "aid for Romania and Poland": the actor's conjuncts are targets too.
            if let Some(head) = mention.head.map(|h| h as usize) {
                for c in (tree.start..tree.end).filter(|&c| tree.head(c) == Some(head) && tree.deprel(c) == "conj") {
                    let span = tree.doc.tokens[c].span;
                    let conjunct = tree
                        .mentions
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| m.actor.is_some() && (m.head == Some(c as u32) || m.span.contains(span)))
                        .min_by_key(|(_, m)| m.span.len());
                    if let Some((i, m)) = conjunct {
                        let new = !found.iter().any(|f| f.mention_index == i)
                            && !sources
                                .iter()
                                .any(|s| same_country(s.mention.actor.as_deref(), m.actor.as_deref()));
                        if new {
                            found.push(Filler {
                                mention: m,
                                mention_index: i,
                            });
                        }
                    }
                }
            }
            found
        })
        .unwrap_or_default()
}

/// The most recent actor of another country in the preceding sentences: who a statement with
/// no addressee in its own sentence is most likely aimed at.
fn discourse_actor<'d>(tree: &Tree<'d>, sentence: u32, sources: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let first = sentence.saturating_sub(DISCOURSE_WINDOW);
    tree.mentions
        .iter()
        .enumerate()
        // The actor layer's own mentions, in text order: a national adjective names whose
        // act something is, not who is addressed.
        .take(tree.doc.mentions.len())
        .filter(|(_, m)| (first..=sentence).contains(&m.sentence) && m.actor.is_some())
        .filter(|(_, m)| m.sentence < sentence || m.span.start > tree.doc.tokens[tree.start].span.start)
        .rev()
        .find(|(_, m)| {
            !sources
                .iter()
                .any(|s| same_country(s.mention.actor.as_deref(), m.actor.as_deref()))
        })
        .map(|(index, mention)| {
            vec![Filler {
                mention,
                mention_index: index,
            }]
        })
        .unwrap_or_default()
}

fn same_country(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.get(..3) == b.get(..3),
        _ => false,
    }
}

/// The head of the clause a token is in: the nearest verb at or above it.
fn clause_head(tree: &Tree<'_>, t: usize) -> usize {
    let mut current = t;
    for head in std::iter::once(t).chain(tree.ancestors(t)) {
        current = head;
        if tree.doc.tokens[head].upos == Some(chronicle_doc::Upos::Verb) {
            break;
        }
    }
    current
}

/// A time phrase right after a noun's own words ("talks *on January 10*", "a summit *in
/// May*"): the time's span and the token after it.
fn trailing_time(tree: &Tree<'_>, noun: usize) -> Option<(Span, usize)> {
    let preposition = tree.subtree(noun).last()? + 1;
    if preposition + 1 >= tree.end || !matches!(tree.text(preposition), "on" | "in" | "at") {
        return None;
    }
    let at = tree.doc.tokens[preposition + 1].span.start;
    let time = tree.doc.times.iter().find(|t| t.span.start == at)?;
    let next = (preposition + 1..tree.end).find(|&t| tree.doc.tokens[t].span.start >= time.span.end)?;
    Some((time.span, next))
}

/// The date a clause names: a full calendar date among the times inside it, else the
/// article's date.
fn clause_date(tree: &Tree<'_>, clause: Span) -> Date {
    tree.doc
        .times
        .iter()
        .filter(|t| t.kind == TimeKind::Date && clause.contains(t.span))
        .find_map(|t| Date::parse_from_str(&t.value, "%Y-%m-%d").ok())
        .unwrap_or(tree.doc.meta.date)
}
