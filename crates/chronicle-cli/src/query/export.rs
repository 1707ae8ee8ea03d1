//! `chronicle export`: the events as GDELT, PLOVER, Parquet or JSON Lines files.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{bail, Context};
use chronicle_store::ExportFormat;

use super::filters::EventFilterArgs;
use crate::db::DbArgs;
use crate::exit::ExitCode;

/// Export events (all of them, or those the filters select) for other tools.
///
/// Formats:
///   gdelt    GDELT 2.0 event table: tab-separated, its 61 columns in GDELT's order, no header
///            line, CAMEO codes with their leading zeros (042, 0841)
///   plover   one PLOVER event record (JSON) per line; events without a PLOVER type are left
///            out
///   parquet  one row per event, Snappy-compressed; reads in pandas, polars, DuckDB, Spark
///   jsonl    one event per line with every field `chronicle events --json` has
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
#[command(after_help = "\
Examples:
  chronicle export --format gdelt --out events.tsv
  chronicle export --format parquet --out usa-rus.parquet --dyad USA:RUS
  chronicle export --format plover --since 2022 --quad 4 | gzip > conflict.jsonl.gz
  chronicle export --format jsonl --actor CHN --limit 100")]
pub struct ExportArgs {
    /// The file format.
    #[arg(long, value_enum)]
    format: Format,

    /// Write to this file (created or replaced) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,

    #[command(flatten)]
    filter: EventFilterArgs,

    /// Export at most N events, newest first (0: all).
    #[arg(long, value_name = "N", default_value_t = 0)]
    limit: usize,

    #[command(flatten)]
    db: DbArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Gdelt,
    Plover,
    Parquet,
    Jsonl,
}

impl From<Format> for ExportFormat {
    fn from(f: Format) -> ExportFormat {
        match f {
            Format::Gdelt => ExportFormat::Gdelt,
            Format::Plover => ExportFormat::Plover,
            Format::Parquet => ExportFormat::Parquet,
            Format::Jsonl => ExportFormat::Jsonl,
        }
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = ExportFormat::from(args.format);
    if args.out.is_none() && format == ExportFormat::Parquet && std::io::stdout().is_terminal() {
        bail!("Parquet is binary: name a file with --out FILE (or redirect standard output)");
    }
    let store = args.db.open_existing()?;
    let filter = args.filter.filter(super::limit(args.limit));
    let written = match &args.out {
        Some(path) => store
            .export_to_path(format, &filter, path)
            .with_context(|| format!("cannot export to {}", path.display()))?,
        None => store.export(format, &filter, std::io::stdout())?,
    };
    let to = args
        .out
        .as_ref()
        .map_or_else(|| "standard output".to_string(), |p| p.display().to_string());
    eprintln!("chronicle: exported {written} events to {to} ({})", format.as_str());
    Ok(ExitCode::Ok)
}
