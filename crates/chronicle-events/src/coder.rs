//! Coding one sentence: triggers → patterns → source, target, mode, date, place, evidence.

use chronicle_doc::{Date, Event, EventActor, Mode, Span, TimeKind};

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
        let triggers: Vec<(usize, &Pattern)> = (tree.start..tree.end)
            .filter_map(|i| matching_pattern(tree, i, self.patterns).map(|p| (i, p)))
            .collect();
        // In "impose sanctions" or "hold talks" the noun is part of the verb's event, not a
        // second one.
        let consumed: Vec<usize> = triggers
            .iter()
            .filter(|(_, p)| p.kind == TriggerKind::Verb && !p.objects.is_empty())
            .flat_map(|&(i, p)| object_words(tree, i, p))
            .collect();
        for (i, pattern) in triggers {
            if !consumed.contains(&i) {
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
        let mut targets = slots.target(i, pattern);
        let mut how_target = "pattern slot";
        let code = &pattern.code;
        let verbal = matches!(self.ontology.get(code).map(|t| t.quad_class()), Some(1 | 3));
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
        if targets.is_empty() && verbal && pattern.kind == TriggerKind::Verb {
            targets = slots.conversation_partner(i);
            how_target = "conversation partner";
        }
        let allows_none = pattern.targets.contains(&Slot::None);
        if targets.is_empty() && !allows_none {
            targets = nearest_other_actor(tree, i, &sources);
            how_target = "next actor in the clause";
        }
        if targets.is_empty() && !allows_none && verbal {
            targets = discourse_actor(tree, sentence, &sources);
            how_target = "addressee from the preceding sentences";
        }
        if sources.is_empty() || (targets.is_empty() && !allows_none) {
            return;
        }
        let reading = mode_of(tree, i, &self.quotes);
        // What is threatened, intended, refused or announced is coded as the statement it is.
        let recoded = match reading.mode {
            Mode::Negated => None,
            mode => self.recoding.recode(code, &reading.heads, mode == Mode::Future),
        };
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
        let date = clause_date(tree, clause);
        let place = tree
            .doc
            .places
            .iter()
            .find(|p| clause.contains(p.span))
            .map(|p| p.name.clone());
        let trigger = tree.doc.tokens[i].span;
        let evidence = tree.doc.sentences[sentence as usize].span;
        let pairs: Vec<(Filler<'_>, Option<Filler<'_>>)> = if targets.is_empty() {
            sources.iter().map(|&s| (s, None)).collect()
        } else {
            sources
                .iter()
                .flat_map(|&s| targets.iter().map(move |&t| (s, Some(t))))
                .collect()
        };
        for (source, target) in pairs {
            if target.is_some_and(|t| t.mention.actor == source.mention.actor) {
                continue; // an actor doing something to itself is a parsing accident
            }
            let explanation = format!(
                "{} `{}` → {} ({}); source: {} ({}); target: {} ({}); mode: {}",
                pattern.id,
                tree.text(i),
                event_type.code,
                event_type.name,
                tree.doc.slice(source.mention.span),
                how_source,
                target.map_or("none", |t| tree.doc.slice(t.mention.span)),
                how_target,
                why_mode
            );
            events.push(Event {
                source: Some(actor(source)),
                target: target.map(actor),
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

fn actor(filler: Filler<'_>) -> EventActor {
    EventActor {
        span: filler.mention.span,
        actor: filler.mention.actor.clone(),
    }
}

/// Actors among a noun's national and possessive modifiers, in text order.
fn modifier_actors<'d>(tree: &Tree<'d>, slots: &Slots<'_, 'd>, n: usize) -> Vec<Filler<'d>> {
    let mut found: Vec<Filler<'d>> = Vec::new();
    for &c in tree.children(n) {
        if matches!(tree.deprel(c), "amod" | "compound" | "nmod:poss") {
            for f in slots.actors_at(c) {
                if !found.iter().any(|g| g.mention.actor == f.mention.actor) {
                    found.push(f);
                }
            }
        }
    }
    found
}

/// The first actor after the trigger, inside its clause, of another actor than the source.
fn nearest_other_actor<'d>(tree: &Tree<'d>, trigger: usize, sources: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let clause_head = clause_head(tree, trigger);
    let clause = tree.subtree_span(clause_head);
    let after = tree.doc.tokens[trigger].span.end;
    tree.doc
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.span.start >= after && clause.contains(m.span) && m.actor.is_some())
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

/// The most recent actor of another country in the preceding sentences: who a statement with
/// no addressee in its own sentence is most likely aimed at.
fn discourse_actor<'d>(tree: &Tree<'d>, sentence: u32, sources: &[Filler<'d>]) -> Vec<Filler<'d>> {
    let first = sentence.saturating_sub(DISCOURSE_WINDOW);
    tree.doc
        .mentions
        .iter()
        .enumerate()
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
