//! Part-of-speech tagger, lemmatizer and dependency parser, trained by Chronicle.
//!
//! # Design
//!
//! Everything here is a linear model over hashed sparse features, chosen because it is fast
//! on one core, small on disk, thread-safe by construction and trainable in minutes in pure Rust:
//!
//! * **Tagger** ([`tagger`]): greedy left-to-right averaged perceptron predicting joint
//!   `XPOS+UPOS` classes from word, affix, shape, ambiguity-class, context-word and
//!   previous-tag features.
//! * **Lemmatizer** ([`lemma`]): an exception table plus "strip N, append S" suffix rules per
//!   XPOS, learned from the treebank; stored in the tagger's file.
//! * **Parser** ([`parser`], [`transition`]): greedy arc-hybrid transitions over Zhang &
//!   Nivre-style features, averaged perceptron trained with a dynamic oracle and exploration;
//!   labels are full UD relations with subtypes.
//! * **Model files** ([`format`], [`weights`]): our own container (magic, version, SHA-256 of
//!   the payload); features are 64-bit hashes, near-zero averaged weights are pruned and the
//!   rest stored as f16. Loading verifies the checksum, so a damaged file is a [`DataError`]
//!   naming it. Label strings are interned once per process ([`intern`]).
//!
//! Loaded models are immutable; per-call scratch buffers ([`Scratch`]) are the only state,
//! so one `Arc<SyntaxModels>` serves any number of threads.
//!
//! Use [`SyntaxModels::embedded`] (models compiled in from `data/models/`) or
//! [`SyntaxModels::from_dir`], then [`SyntaxStage`] in the pipeline or
//! [`SyntaxModels::analyze`] for one sentence. [`train::train`] and [`eval`] reproduce the
//! shipped models and their scores.

pub mod clusters;
pub mod conllu;
pub mod eval;
pub mod format;
mod hash;
pub mod intern;
pub mod irregular;
pub mod lemma;
mod models;
pub mod parser;
mod parser_features;
pub mod perceptron;
mod stage;
pub mod tagger;
mod tagger_features;
pub mod train;
pub mod transition;
pub mod weights;

pub use chronicle_doc::DataError;
pub use models::{load_file, Scratch, SyntaxModels, WordAnalysis, PARSER_DIR, TAGGER_DIR};
pub use stage::SyntaxStage;
