//! `chronicle search`: full-text search over the stored articles.

use chronicle::doc::Date;
use chronicle_store::{SearchFilter, SearchRank, SearchRow, DEFAULT_WINDOW};

use super::{since_date, until_date};
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::output::{note_limit, OutputArgs, Tabular};
use crate::table::{opt, Align};

/// Find articles by their words, best match among the most recent first.
///
/// Words match their stems (`sanction` finds "sanctions", "sanctioned"). The query language
/// is SQLite FTS5's: `a b` (both), `a OR b`, `a NOT b`, `"a phrase"`, `sanct*` (prefix),
/// `title:summit`, plus `a NEAR b` (within 10 words) and `a NEAR/5 b`.
///
/// Order (`--rank`): by default the best matches (bm25, title words count 5×) among the 1,000
/// most recently stored articles that match the query and the --since/--until/--source
/// filters; older matches are not shown. Widen that window with `--window N`, or score every
/// match with `--rank all` (slower for common words on a large store). `--rank date` lists
/// the newest articles first (by article date), unscored.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle search sanctions
  chronicle search \"sanctions NEAR Russia\"
  chronicle search '\"arms control\" OR treaty' --since 2021-06 --until 2021
  chronicle search ceasefire --source SAMPLE --limit 5 --json
  chronicle search election --rank date
  chronicle search election --window 10000")]
pub struct SearchArgs {
    /// What to look for (quote it when it has several words).
    #[arg(value_name = "QUERY")]
    query: String,

    /// Articles published on or after this date: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    since: Option<Date>,

    /// Articles published on or before this date: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE", value_parser = until_date)]
    until: Option<Date>,

    /// Only articles from this news source (the wire format's `/NAME` line).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,

    /// Show at most N articles (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    limit: usize,

    /// Order: `relevance` (best match among the --window most recently stored matches),
    /// `all` (best match among every match), `date` (newest article first).
    #[arg(long, value_name = "ORDER", default_value = "relevance", value_parser = ["relevance", "all", "date"])]
    rank: String,

    /// With --rank relevance: how many of the most recently stored matches are scored (0: all,
    /// the same as --rank all).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WINDOW)]
    window: usize,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = super::limit(args.limit);
    let rows = store.search(&SearchFilter {
        query: args.query,
        since: args.since,
        until: args.until,
        source: args.source,
        limit,
        rank: args.rank.parse::<SearchRank>()?,
        window: Some(args.window),
    })?;
    args.output.emit(&rows, "articles")?;
    note_limit(rows.len(), limit, &args.output, "articles");
    Ok(ExitCode::Ok)
}

impl Tabular for SearchRow {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("date", Align::Left),
        ("article", Align::Left),
        ("source", Align::Left),
        ("title", Align::Left),
        ("best passage", Align::Left),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.date.clone(),
            self.doc_id.clone(),
            opt(self.source.as_deref()),
            opt(self.title.as_deref()),
            self.snippet.replace('\n', " "),
        ]
    }
}
