//! CAMEO and PLOVER event coding.
//!
//! * The [`Ontology`] is the CAMEO event code table — every code with its name, Goldstein
//!   value, root, quad class and PLOVER type — from `data/events/cameo.tsv`.
//! * [`Patterns`] say which verbs and nouns trigger which code and where the target is, from
//!   `data/events/patterns.tsv`.
//! * The [`EventStage`] codes each sentence on its dependency parse: it finds triggers, takes
//!   the source from the subject (the agent of a passive, a subject shared through control,
//!   raising or coordination, a noun's possessor or national adjective, else the nearest actor
//!   before the verb outside prepositional phrases) and the target from the pattern's slots,
//!   then: coordinated sources act towards each other ("Jordan and Britain agreed"), else the
//!   conversation partner, the next actor in the clause, another actor of the source's own
//!   country, the place of the event, or — for statements only — the most recent other
//!   actor. Besides the actor layer's mentions it reads national adjectives ("*Israeli* tank
//!   shelling") and places with a country, through the actor dictionary. An event named inside
//!   another's argument ("agreed to postpone the *demonstration*"), a purpose clause ("met … to
//!   *discuss*") and the head of what it intends ("*pledged* to expel") are not separate
//!   events. It sets the mode (negated, hypothetical, future, reported) and recodes what is
//!   threatened, intended, refused, stopped, negated, announced or made an ultimatum ("…
//!   unless …") as the statement it is ([`Recoding`]: "ready to impose sanctions" → 1312,
//!   "would not provide support" → 12x), and attaches the clause's date and place. Events
//!   without both actors are dropped, not invented (PETRARCH's `require_dyad`) unless the
//!   pattern needs no target; repeats within an article are merged.
//!
//! Events inside quoted or reported content keep their own actors and get mode `reported`:
//! "Putin said Russian troops attacked X" is RUS→X, reported, not a statement by Putin.

mod coder;
mod merge;
mod mode;
mod ontology;
mod patterns;
mod recode;
mod slots;
mod stage;
mod tree;
mod trigger;

pub use ontology::{EventType, Ontology};
pub use patterns::{Pattern, Patterns, Slot, TriggerKind};
pub use recode::Recoding;
pub use stage::{EventStage, Firing};
