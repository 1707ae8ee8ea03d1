//! `chronicle actor`: one actor's partners, event mix, quotes and activity over time.

use std::io::Write;

use chronicle_store::query::{PartnerRow, PeriodCount, RootCount};
use chronicle_store::ActorReport;
use serde::Serialize;

use super::actor_code;
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::output::{OutputArgs, Tabular};
use crate::table::{num, opt, render, Align};

/// Profile an actor: its top partners, what it does and has done to it (events per CAMEO
/// root), its latest quotes, and its events per month.
///
/// The code matches by prefix, so RUS covers the Russian government (RUSGOV), military
/// (RUSMIL) and so on; RUSGOV only the government.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle actor RUSGOV
  chronicle actor USA --top 5
  chronicle actor CHN --json | jq .partners

With --csv, one line per partner, root and month (section,key,events,as_source,as_target,
goldstein_mean); list the quotes with `chronicle quotes --actor CODE --csv`.")]
pub struct ActorArgs {
    /// The actor's CAMEO code (USA, RUSGOV, IGOUNO…), matching by prefix.
    #[arg(value_name = "CODE", value_parser = actor_code)]
    actor: String,

    /// How many partners and quotes to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,

    #[command(flatten)]
    output: OutputArgs,

    #[command(flatten)]
    db: DbArgs,
}

pub fn run(args: ActorArgs) -> anyhow::Result<ExitCode> {
    let store = args.db.open_existing()?;
    let report = store.actor(&args.actor, args.top)?;
    if args.output.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &report)?;
        writeln!(out)?;
    } else if args.output.csv {
        args.output.emit(&csv_lines(&report), "rows")?;
    } else {
        print_report(&report)?;
    }
    Ok(ExitCode::Ok)
}

fn print_report(r: &ActorReport) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} events as source, {} as target",
        r.actor, r.as_source, r.as_target
    )?;
    if r.as_source + r.as_target == 0 {
        writeln!(
            out,
            "(no events; `chronicle events --limit 0 --csv` lists the codes in the store)"
        )?;
    }
    section(&mut out, "Top partners", &r.partners)?;
    section(&mut out, "Event mix (either role)", &r.mix)?;
    section(&mut out, "Latest quotes", &r.quotes)?;
    section(&mut out, "Over time", &r.over_time)?;
    Ok(())
}

fn section<T: Tabular>(out: &mut impl Write, title: &str, rows: &[T]) -> anyhow::Result<()> {
    if !rows.is_empty() {
        writeln!(out, "\n{title}")?;
        writeln!(out, "{}", render(T::COLUMNS, rows.iter().map(Tabular::cells)))?;
    }
    Ok(())
}

impl Tabular for PartnerRow {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("partner", Align::Left),
        ("events", Align::Right),
        ("as source", Align::Right),
        ("as target", Align::Right),
        ("goldstein mean", Align::Right),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.partner.clone(),
            self.events.to_string(),
            self.as_source.to_string(),
            self.as_target.to_string(),
            num(self.goldstein_mean),
        ]
    }
}

impl Tabular for RootCount {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("root", Align::Left),
        ("meaning", Align::Left),
        ("quad", Align::Right),
        ("events", Align::Right),
        ("goldstein mean", Align::Right),
    ];

    fn cells(&self) -> Vec<String> {
        vec![
            self.root.clone(),
            opt(root_name(&self.root)),
            self.quad_class.to_string(),
            self.events.to_string(),
            num(self.goldstein_mean),
        ]
    }
}

impl Tabular for PeriodCount {
    const COLUMNS: &'static [(&'static str, Align)] = &[
        ("month", Align::Left),
        ("events", Align::Right),
        ("goldstein mean", Align::Right),
    ];

    fn cells(&self) -> Vec<String> {
        vec![self.period.clone(), self.events.to_string(), num(self.goldstein_mean)]
    }
}

/// The CAMEO root event classes, for people who do not know them by number.
fn root_name(root: &str) -> Option<&'static str> {
    const NAMES: [&str; 20] = [
        "make public statement",
        "appeal",
        "express intent to cooperate",
        "consult",
        "engage in diplomatic cooperation",
        "engage in material cooperation",
        "provide aid",
        "yield",
        "investigate",
        "demand",
        "disapprove",
        "reject",
        "threaten",
        "protest",
        "exhibit force posture",
        "reduce relations",
        "coerce",
        "assault",
        "fight",
        "use unconventional mass violence",
    ];
    let n: usize = root.parse().ok()?;
    NAMES.get(n.checked_sub(1)?).copied()
}

/// One line of `actor --csv`: the report flattened, one section after another.
#[derive(Serialize)]
struct CsvLine {
    section: &'static str,
    key: String,
    events: i64,
    as_source: Option<i64>,
    as_target: Option<i64>,
    goldstein_mean: f64,
}

impl Tabular for CsvLine {
    const COLUMNS: &'static [(&'static str, Align)] = &[];

    fn cells(&self) -> Vec<String> {
        Vec::new()
    }
}

fn csv_lines(r: &ActorReport) -> Vec<CsvLine> {
    let partners = r.partners.iter().map(|p| CsvLine {
        section: "partner",
        key: p.partner.clone(),
        events: p.events,
        as_source: Some(p.as_source),
        as_target: Some(p.as_target),
        goldstein_mean: p.goldstein_mean,
    });
    let mix = r.mix.iter().map(|m| CsvLine {
        section: "root",
        key: m.root.clone(),
        events: m.events,
        as_source: None,
        as_target: None,
        goldstein_mean: m.goldstein_mean,
    });
    let months = r.over_time.iter().map(|p| CsvLine {
        section: "month",
        key: p.period.clone(),
        events: p.events,
        as_source: None,
        as_target: None,
        goldstein_mean: p.goldstein_mean,
    });
    partners.chain(mix).chain(months).collect()
}

#[cfg(test)]
mod tests {
    use super::root_name;

    #[test]
    fn names_roots() {
        assert_eq!(root_name("13"), Some("threaten"));
        assert_eq!(root_name("01"), Some("make public statement"));
        assert_eq!(root_name("00"), None);
        assert_eq!(root_name("21"), None);
    }
}
