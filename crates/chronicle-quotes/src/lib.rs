//! Quotes: direct and reported speech, with the cue (`said`) and the speaker.
//!
//! The stage works in three passes over a document that has tokens and sentences:
//! 1. [`marks`] pairs quotation marks into direct quotes, following a quote across
//!    paragraphs when each new paragraph reopens it;
//! 2. [`cues`] finds speech cues from a lexicon (`data/quotes/cues.tsv`): verbs (`said`),
//!    sources (`according to`) and statement nouns;
//! 3. [`attribute`] ties quotes to cues and speakers (the cue's subject from the parse when
//!    there is one, else the noun phrase the word order points to), carries a speaker over to
//!    a follow-on quote, drops scare quotes, and finds reported speech ("X said that …",
//!    "…, X said", "According to X, …"), and, on the parse, attitude frames
//!    ([`frames`], `data/quotes/frames.tsv`: "A report found that …", "Ryan endorsed Trump"; and
//!    `data/quotes/nominal.tsv`: "his claim that …").
//!
//! Speakers get their actor code and canonical name from the actor layer's mentions when
//! that layer ran.

mod attribute;
mod cues;
mod frames;
mod marks;
mod phrase;
mod stage;

pub use cues::{Cue, CueKind, CueLexicon};
pub use frames::Frames;
pub use marks::{find_quoted, Quoted};
pub use stage::QuoteStage;
