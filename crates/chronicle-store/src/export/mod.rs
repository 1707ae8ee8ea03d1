//! Exports of the events matching an [`EventFilter`] (the same filter as `events`, so
//! `export --where` takes the same options), streamed from the store.
//!
//! * [`ExportFormat::Gdelt`]: GDELT 2.0 event table, tab-separated, its 61 columns in order
//!   without a header line (as GDELT ships it); see [`gdelt`];
//! * [`ExportFormat::Plover`]: one PLOVER JSON object per line; see [`plover`];
//! * [`ExportFormat::Parquet`]: one row per event; see [`parquet`] for the schema;
//! * [`ExportFormat::Jsonl`]: one [`crate::EventRow`] as JSON per line.

pub mod gdelt;
pub mod parquet;
pub mod plover;

use std::io::{BufWriter, Write};
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::query::EventFilter;
use crate::Store;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Gdelt,
    Plover,
    Parquet,
    Jsonl,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Gdelt,
        ExportFormat::Plover,
        ExportFormat::Parquet,
        ExportFormat::Jsonl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Gdelt => "gdelt",
            ExportFormat::Plover => "plover",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Jsonl => "jsonl",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Gdelt => "tsv",
            ExportFormat::Plover => "plover.jsonl",
            ExportFormat::Parquet => "parquet",
            ExportFormat::Jsonl => "jsonl",
        }
    }
}

impl FromStr for ExportFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<ExportFormat> {
        ExportFormat::ALL.into_iter().find(|f| f.as_str() == s).ok_or_else(|| {
            Error::InvalidQuery(format!("export format {s:?}: expected gdelt, plover, parquet or jsonl"))
        })
    }
}

pub(crate) fn io(format: ExportFormat) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io {
        format: format.as_str(),
        source,
    }
}

impl Store {
    /// Writes the events matching `filter` (its `limit` applies) to `out`; returns the number
    /// of rows written.
    pub fn export<W: Write + Send>(&self, format: ExportFormat, filter: &EventFilter, out: W) -> Result<u64> {
        match format {
            ExportFormat::Parquet => parquet::write(self, filter, out),
            ExportFormat::Gdelt => {
                let mut out = BufWriter::with_capacity(1 << 16, out);
                let mut line = String::new();
                let n = self.for_each_event(filter, |row| {
                    line.clear();
                    gdelt::line(&row, &mut line);
                    out.write_all(line.as_bytes()).map_err(io(format))
                })?;
                out.flush().map_err(io(format))?;
                Ok(n)
            }
            ExportFormat::Plover => {
                let mut out = BufWriter::with_capacity(1 << 16, out);
                let mut n = 0;
                self.for_each_event(filter, |row| {
                    if let Some(record) = plover::record(&row) {
                        serde_json::to_writer(&mut out, &record).map_err(|e| io(format)(e.into()))?;
                        out.write_all(b"\n").map_err(io(format))?;
                        n += 1;
                    }
                    Ok(())
                })?;
                out.flush().map_err(io(format))?;
                Ok(n)
            }
            ExportFormat::Jsonl => {
                let mut out = BufWriter::with_capacity(1 << 16, out);
                let n = self.for_each_event(filter, |row| {
                    serde_json::to_writer(&mut out, &row).map_err(|e| io(format)(e.into()))?;
                    out.write_all(b"\n").map_err(io(format))
                })?;
                out.flush().map_err(io(format))?;
                Ok(n)
            }
        }
    }

    /// [`Store::export`] to a file, created or truncated.
    pub fn export_to_path(&self, format: ExportFormat, filter: &EventFilter, path: impl AsRef<Path>) -> Result<u64> {
        let path = path.as_ref();
        let file = std::fs::File::create(path).map_err(|source| Error::File {
            path: path.into(),
            source,
        })?;
        let n = self.export(format, filter, &file)?;
        file.sync_all().map_err(|source| Error::File {
            path: path.into(),
            source,
        })?;
        Ok(n)
    }
}
