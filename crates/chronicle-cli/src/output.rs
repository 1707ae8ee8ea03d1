//! How query results are written: a table for people, JSON Lines or CSV for programs.

use std::io::{BufWriter, Write};

use anyhow::Context;
use serde::Serialize;

use crate::table::{self, Column};

#[derive(clap::Args)]
pub struct OutputArgs {
    /// Write JSON Lines (one object per row, every field) instead of a table.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Write CSV (a header line, then one line per row, every field) instead of a table.
    #[arg(long)]
    pub csv: bool,
}

/// A result row that can be shown as a table row and written whole as JSON or CSV.
pub trait Tabular: Serialize {
    /// The table's columns (a readable subset of the fields; JSON and CSV have them all).
    const COLUMNS: &'static [Column];
    fn cells(&self) -> Vec<String>;
}

impl OutputArgs {
    pub fn is_table(&self) -> bool {
        !self.json && !self.csv
    }

    /// Writes `rows` to standard output in the chosen format. `what` names the rows for the
    /// message shown instead of an empty table.
    pub fn emit<T: Tabular>(&self, rows: &[T], what: &str) -> anyhow::Result<()> {
        let mut out = BufWriter::new(std::io::stdout().lock());
        if self.json {
            for row in rows {
                serde_json::to_writer(&mut out, row).context("cannot write JSON")?;
                out.write_all(b"\n")?;
            }
        } else if self.csv {
            let mut writer = csv::Writer::from_writer(&mut out);
            for row in rows {
                writer.serialize(row).context("cannot write CSV")?;
            }
            writer.flush()?;
        } else if rows.is_empty() {
            eprintln!("chronicle: no {what} match");
        } else {
            writeln!(out, "{}", table::render(T::COLUMNS, rows.iter().map(Tabular::cells)))?;
        }
        out.flush()?;
        Ok(())
    }
}

/// Tells people, on stderr, that a table was cut at `--limit`.
pub fn note_limit(shown: usize, limit: Option<usize>, output: &OutputArgs, what: &str) {
    if output.is_table() && limit == Some(shown) && shown > 0 {
        eprintln!("chronicle: showing the first {shown} {what}; --limit N shows more, --limit 0 all");
    }
}
