//! `chronicle events`: coded events, newest first, each with the sentence it came from.

use chronicle_store::EventRow;

use super::filters::EventFilterArgs;
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::output::{note_limit, OutputArgs, Tabular};
use crate::table::{num, opt, Align};

/// List coded events, newest first, each with the evidence sentence of an article that
/// reports it.
///
/// An event is one (date, source actor, target actor, CAMEO code) across all articles, as in
/// GDELT: `articles` counts the articles that report it. Filters combine with AND.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle events --dyad USA:RUS                 # between the US and Russia, both directions
  chronicle events --actor CHN --root 13          # threats by or against China
  chronicle events --quad 4 --since 2022 --until 2022-06
  chronicle events --place CH --mode asserted     # what happened in Switzerland
  chronicle events --actor RUS --json | jq .evidence
  chronicle events --code 1382 --csv > events.csv

Quad classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict. Modes: asserted, negated, hypothetical, future, reported.")]
pub struct EventsArgs {
    #[command(flatten)]
    filter: EventFilterArgs,

    /// Show at most N events (0: all).
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let limit = super::limit(args.limit);
    let rows = store.events(&args.filter.filter(limit))?;
    args.output.emit(&rows, "events")?;
    note_limit(rows.len(), limit, &args.output, "events");
    Ok(ExitCode::Ok)
}

impl Tabular for EventRow {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("date", Align::Left),
        ("source", Align::Left),
        ("target", Align::Left),
        ("cameo", Align::Left),
        ("quad", Align::Right),
        ("goldstein", Align::Right),
        ("mode", Align::Left),
        ("articles", Align::Right),
        ("place", Align::Left),
        ("evidence [article]", Align::Left),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.date.clone(),
            opt(self.source_actor.as_deref()),
            opt(self.target_actor.as_deref()),
            self.cameo.clone(),
            self.quad_class.to_string(),
            num(self.goldstein),
            self.mode.clone(),
            self.num_articles.to_string(),
            opt(self.place.as_deref()),
            format!("{} [{}]", self.evidence.trim(), self.doc_id),
        ]
    }
}
