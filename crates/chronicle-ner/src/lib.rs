//! Named-entity recognizer (person, organization, place, misc), trained by Chronicle.
//!
//! A linear sequence model of our own: an averaged structured perceptron over BILOU tags
//! with first-order Viterbi decoding under hard BILOU constraints, trained on CoNLL-2003
//! ([`train::train`]). Features ([`features`]) are the classic Ratinov & Roth (2009) set —
//! word, affixes, shapes, neighbours, gazetteers, word clusters — plus document-level
//! evidence: how a word is spelled elsewhere in the article and what the model itself
//! labelled it earlier in the article. Features are hashed to 64 bits, never stored as
//! strings; the model file ([`mod@format`]) is sparse, i8-quantised, checksummed.
//!
//! Use: `NerStage::new(Arc::new(NerModel::embedded()?))` in a pipeline after the tokenizer,
//! or [`NerModel::tag_sentence`] / [`NerModel::tag_document`] on token lists.
//!
//! Data: gazetteers and clusters are files in `data/ner/` embedded at compile time and
//! validated on load; the model is `data/models/ner-en-conll/model.bin`.

pub mod conll;
pub mod eval;
pub mod features;
pub mod format;
mod hash;
mod lexicon;
mod model;
mod stage;
pub mod tags;
pub mod train;
mod weights;

pub use model::{NerModel, TokenEntity};
pub use stage::NerStage;
