//! Time expressions: recognition and TIMEX3 normalization anchored on the article date.
//!
//! Design:
//! * **Rules are data.** `data/time/rules.toml` holds the patterns, each built from named
//!   macros and lexicon tables (`data/time/lexicon.toml`: months, weekdays, number words,
//!   units, seasons…) with named captures, a TIMEX3 type, the name of a normalization
//!   function and a worked example that a test checks. Both files are embedded at build time
//!   and validated in [`TimeStage::new`]; a bad file is a [`chronicle_doc::DataError`] naming
//!   the file, line and rule.
//! * **One scan, then captures.** All patterns form one `RegexSet`; only the rules it reports
//!   are run for captures. Overlapping matches resolve leftmost, then longest, then by rule
//!   order; a normalizer can reject a match ("march" the verb, "May" the modal) and the next
//!   candidate is tried.
//! * **Normalization is code, keyed by name** (`normalize.rs`): one function per category
//!   (`calendar`, `weekday`, `relative`, `ago`, `duration`, …), not one per phrase.
//! * **Anchoring** (`anchor.rs`): underspecified dates ("Tuesday", "January 10") are placed
//!   before or after the article date by the tense of the clause — POS tags when the document
//!   has them, else lexical cues (will/'ll/upcoming vs said/-ed), nearest cue wins.
//! * [`date_for_clause`] gives the event stage the day a clause refers to.

mod anchor;
mod lexicon;
mod normalize;
mod resolver;
mod rules;
mod stage;

pub use anchor::{Direction, TagView};
pub use resolver::date_for_clause;
pub use stage::TimeStage;
