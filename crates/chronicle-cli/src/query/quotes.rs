//! `chronicle quotes`: who said what.

use chronicle::doc::Date;
use chronicle_store::{QuoteFilter, QuoteRow};

use super::{actor_code, since_date, until_date};
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::output::{note_limit, OutputArgs, Tabular};
use crate::table::{opt, Align};

/// List quotes, newest first: direct ("…," she said), mixed and reported speech, with their
/// speakers.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle quotes --speaker Putin
  chronicle quotes --about sanctions
  chronicle quotes --about \"sanctions NEAR Russia\" --since 2022
  chronicle quotes --actor USAGOV --json")]
pub struct QuotesArgs {
    /// Words of the speaker's name, as a phrase (`Putin`, `Antony Blinken`).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,

    /// What the quote says, in `search` syntax (`sanctions`, `"arms control"`, `a NEAR b`).
    #[arg(long, value_name = "QUERY")]
    about: Option<String>,

    /// Speakers with this actor code, matching by prefix (RUSGOV, USA).
    #[arg(long, value_name = "CODE", value_parser = actor_code)]
    actor: Option<String>,

    /// Quotes on or after this date: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE", value_parser = since_date)]
    since: Option<Date>,

    /// Quotes on or before this date: YYYY-MM-DD, YYYY-MM or YYYY.
    #[arg(long, value_name = "DATE", value_parser = until_date)]
    until: Option<Date>,

    /// Only quotes from this news source.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,

    /// Show at most N quotes (0: all).
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = super::limit(args.limit);
    let rows = store.quotes(&QuoteFilter {
        speaker: args.speaker,
        about: args.about,
        actor: args.actor,
        since: args.since,
        until: args.until,
        source: args.source,
        limit,
    })?;
    args.output.emit(&rows, "quotes")?;
    note_limit(rows.len(), limit, &args.output, "quotes");
    Ok(ExitCode::Ok)
}

impl Tabular for QuoteRow {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("date", Align::Left),
        ("speaker", Align::Left),
        ("actor", Align::Left),
        ("kind", Align::Left),
        ("quote [article]", Align::Left),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.date.clone(),
            opt(self.speaker.as_deref()),
            opt(self.speaker_actor.as_deref()),
            self.kind.clone(),
            format!("{} [{}]", self.text.replace('\n', " "), self.doc_id),
        ]
    }
}
