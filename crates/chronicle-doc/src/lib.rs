//! The document model every Chronicle stage reads and writes.
//!
//! A [`Document`] owns an article's text exactly as the reader produced it and a set of
//! annotation layers (tokens, sentences, entities, times, quotes, places, events, tone).
//! A [`Stage`] adds one or more layers; the pipeline checks when it is built that every
//! layer a stage requires is assigned by an earlier one.
//!
//! Invariants:
//! * the text is never rewritten once the document exists;
//! * every [`Span`] is a half-open range of **byte** offsets into the text that falls on
//!   `char` boundaries (conversion to code points happens only when a record is written);
//! * this crate does no I/O and loads nothing.

mod data_error;
mod document;
mod layers;
mod span;
mod stage;

pub use data_error::DataError;
pub use document::{Diagnostic, Document, Meta};
pub use layers::{
    Entity, EntityKind, Event, EventActor, Mention, MentionKind, Mode, Place, Quote, QuoteKind, Sentence, Speaker,
    TimeKind, Timex, Token, Tone, Upos,
};
pub use span::Span;
pub use stage::{Layers, Stage};

/// Calendar date type used throughout Chronicle (the article date, resolved event dates).
pub type Date = chrono::NaiveDate;
