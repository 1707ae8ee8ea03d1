//! Actor dictionaries (countries, organizations, office-holders, roles), actor resolution and
//! coreference.
//!
//! [`ActorStage`] gives every entity its CAMEO actor code and canonical name and fills
//! `Document::mentions` with the phrases that refer to actors: names (including names and
//! metonyms the NER missed: `Washington`, `the Kremlin`), descriptions (`Russian troops`,
//! `an aide to the Russian president`) and pronouns, linked to their antecedents.
//!
//! How it works, in order:
//! 1. [`dictionary`]: five TSV files in `data/actors/`, compiled in and validated at start-up.
//! 2. [`matcher`]: every name, alias and role word in one Aho–Corasick automaton; matches are
//!    kept only on token boundaries and, for names, with exact case.
//! 3. [`resolve`]: a small left-to-right phrase grammar over the matches of each sentence
//!    (country modifier, title, name, role noun, `of/to` attachment), with the article date
//!    choosing office-holders' codes and historical states. Roles without a country then take
//!    the country of a place qualifying them (`placed`: "Texas police"), titled names the
//!    dictionaries lack the code of a description in apposition (`apposed`), and the rest
//!    the country of the discourse.
//! 4. [`coref`]: surnames, pronouns and definite descriptions to earlier mentions, by
//!    compatibility, recency and subject preference; codes and canonical names propagate.
//!
//! The stage works on whatever layers exist: without tags or a parse it falls back to
//! surface cues, with them it uses dependency relations where they help.

mod apposed;
pub mod code;
pub mod coref;
pub mod dictionary;
pub mod matcher;
mod names;
mod placed;
pub mod resolve;
mod stage;

pub use dictionary::Dictionary;
pub use names::PronounClass;
pub use stage::{mention_at, ActorStage};
