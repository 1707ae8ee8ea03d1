//! Chronicle: news articles in, coded political events out.
//!
//! This crate is the front door. It re-exports the member crates and adds the [`Pipeline`],
//! which builds the stages in order and checks, when it is built, that every layer a stage
//! requires is assigned by an earlier one; and [`code_stream`], which runs a pipeline over a
//! stream of inputs in parallel while keeping their order.
//!
//! ```text
//! bytes ─ chronicle-read ─▶ Article ─ Pipeline (stages add layers) ─▶ Document ─ chronicle-record ─▶ JSON
//! ```

mod pipeline;
mod stream;

pub use chronicle_doc as doc;
pub use chronicle_ner as ner;
pub use chronicle_read as read;
pub use chronicle_record as record;
pub use chronicle_syntax as syntax;

pub use pipeline::{Pipeline, PipelineError};
pub use stream::{code_stream, Failure, Outcome, StreamOptions};
