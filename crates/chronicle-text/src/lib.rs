//! Tokenizer and sentence splitter for English news, with byte offsets.
//!
//! [`TextStage`] fills a [`chronicle_doc::Document`]'s token and sentence layers. Tokens are
//! Universal Dependencies English *syntactic words*, as in the EWT and GUM treebanks, because
//! the tagger and parser downstream are trained on those: punctuation is split off, clitics
//! are cut (`don't` → `do` + `n't`, `Iran’s` → `Iran` + `’s`) into sub-spans of the surface
//! form, hyphenated compounds are split unless the first part is a prefix (`non-profit`),
//! numbers, URLs and e-mail addresses stay whole, and abbreviations keep their period.
//!
//! The design is rule-based and single-pass, for speed and predictability:
//! * `tokenize` cuts the text at white space and scans each chunk left to right;
//! * `clitics` cuts words into syntactic words;
//! * `sentences` decides after each token whether a sentence ends, looking only at that
//!   token, the white space after it and its near neighbours;
//! * every word list (abbreviations with their "can end a sentence" flag, sentence starters,
//!   hyphen prefixes, contractions, number units) is a readable file in `data/text/`,
//!   embedded at compile time and validated by [`TextStage::new`] (`lexicon`).
//!
//! All offsets are byte offsets on `char` boundaries; the text is never changed.

mod chars;
mod clitics;
mod lexicon;
mod sentences;
mod stage;
mod tokenize;

pub use stage::TextStage;
