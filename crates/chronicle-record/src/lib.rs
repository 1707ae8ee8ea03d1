//! Document → JSON record, the contract of `shared/spec/record.md`.
//!
//! This is the one place where byte offsets become Unicode code point offsets: every span
//! in the program is a byte range, and [`CodePoints`] converts them as the record is written.

mod offsets;
mod record;

pub use offsets::CodePoints;
pub use record::{to_record, RecordOptions};

/// Writes `doc` as one JSON record to `out` (no trailing newline).
pub fn write_record<W: std::io::Write>(
    out: &mut W,
    doc: &chronicle_doc::Document,
    options: &RecordOptions,
) -> serde_json::Result<()> {
    let record = to_record(doc, options);
    if options.pretty {
        serde_json::to_writer_pretty(out, &record)
    } else {
        serde_json::to_writer(out, &record)
    }
}
