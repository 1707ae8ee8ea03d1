//! `chronicle timeline`: how relations move, period by period.

use chronicle_store::{Period, TimelineRow};

use super::filters::EventFilterArgs;
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::output::{OutputArgs, Tabular};
use crate::table::{num, Align};

/// Count events per period: per quad class, with the Goldstein sum and mean, and with
/// `--dyad` each direction on its own row.
///
/// The Goldstein scale runs from -10 (most conflictual) to +10 (most cooperative); a falling
/// mean is relations getting worse. Periods without events are left out.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle timeline --dyad USA:RUS --by month
  chronicle timeline --dyad CHN:TWN --by week --since 2022
  chronicle timeline --actor ISR --quad 4 --by day
  chronicle timeline --dyad USA:RUS --csv > usa-rus.csv

Columns: verbal coop = quad class 1, material coop = 2, verbal conflict = 3,
material conflict = 4.")]
pub struct TimelineArgs {
    #[command(flatten)]
    filter: EventFilterArgs,

    /// Period length: day, week (ISO weeks, 2022-W03) or month.
    #[arg(long, value_enum, default_value = "month")]
    by: By,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    db: DbArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum By {
    Day,
    Week,
    Month,
}

pub fn run(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let period = match args.by {
        By::Day => Period::Day,
        By::Week => Period::Week,
        By::Month => Period::Month,
    };
    let rows = store.timeline(&args.filter.filter(None), period)?;
    args.output.emit(&rows, "events")?;
    Ok(ExitCode::Ok)
}

impl Tabular for TimelineRow {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("period", Align::Left),
        ("direction", Align::Left),
        ("events", Align::Right),
        ("verbal coop", Align::Right),
        ("material coop", Align::Right),
        ("verbal conflict", Align::Right),
        ("material conflict", Align::Right),
        ("goldstein sum", Align::Right),
        ("mean", Align::Right),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.period.clone(),
            self.direction.clone(),
            self.events.to_string(),
            self.quad1.to_string(),
            self.quad2.to_string(),
            self.quad3.to_string(),
            self.quad4.to_string(),
            num(self.goldstein_sum),
            num(self.goldstein_mean),
        ]
    }
}
