//! Streaming readers: bytes in, [`Article`]s or [`Reject`]s out.
//!
//! [`Inputs`] walks what the user named — files, directories (recursively, in sorted order),
//! gzip-compressed files and standard input — and yields one [`Item`] per article, holding at
//! most one document (or one over-long line) in memory at a time whatever the corpus size.
//!
//! Two formats are read, chosen by extension and, failing that, by content:
//! * the wire format (`.txt`): ` date YYYY-MM-DD` opens an article whose first paragraph
//!   starts on the same line, and a last line `/NAME` names the source;
//! * JSON Lines (`.jsonl`, `.ndjson`, `.json`): `id`, `date`, `text` required.
//!
//! Bad input never stops the batch: it becomes a [`Reject`] naming the file and line, the
//! reason, and the input bytes verbatim so nothing the user gave is lost.

mod date;
mod inputs;
mod jsonl;
mod lines;
mod reject;
mod wire;

pub use date::parse_date;
pub use inputs::{Inputs, ReadOptions};
pub use reject::{Reject, RejectReason};

use chronicle_doc::Meta;

/// Where an article or a reject came from: a path (or `-` for standard input) and the
/// 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One article as read: metadata, body text, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub meta: Meta,
    pub text: String,
    pub origin: Origin,
}

/// What the readers yield: an article, or an input that could not be read as one.
#[derive(Debug)]
pub enum Item {
    Article(Article),
    Reject(Reject),
}

/// Input formats the readers know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Wire,
    JsonLines,
}

impl Format {
    /// The format a file name announces, looking through a `.gz` suffix.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let ext = lower.rsplit_once('.').map(|(_, ext)| ext)?;
        match ext {
            "txt" | "wire" => Some(Format::Wire),
            "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// The format the first bytes of a stream suggest: `{` opens JSON, `date` a wire article.
    pub fn sniff(head: &[u8]) -> Option<Format> {
        let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
        let rest = &head[start..];
        if rest.starts_with(b"{") {
            Some(Format::JsonLines)
        } else if rest.starts_with(b"date") {
            Some(Format::Wire)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests;
