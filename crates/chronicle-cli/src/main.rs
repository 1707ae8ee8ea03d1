//! The `chronicle` command: arguments, progress and exit codes over the chronicle library.

mod code;
mod db;
mod exit;
mod ingest;
mod inputs;
mod output;
mod progress;
mod query;
mod table;
mod train;

use clap::{Parser, Subcommand};

/// Chronicle reads news articles and records who did what to whom, when, where, and who
/// said so: entities with CAMEO actor codes, quotes and their speakers, normalized times,
/// places, and CAMEO/PLOVER events.
#[derive(Parser)]
#[command(name = "chronicle", version, max_term_width = 100)]
#[command(after_help = exit::EXIT_CODES_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Code(code::CodeArgs),
    Ingest(ingest::IngestArgs),
    Search(query::search::SearchArgs),
    Events(query::events::EventsArgs),
    Timeline(query::timeline::TimelineArgs),
    Actor(query::actor::ActorArgs),
    Quotes(query::quotes::QuotesArgs),
    Export(query::export::ExportArgs),
    /// Train a model (tagger, parser or ner) from annotated corpora.
    Train(train::TrainArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Search(args) => query::search::run(args),
        Command::Events(args) => query::events::run(args),
        Command::Timeline(args) => query::timeline::run(args),
        Command::Actor(args) => query::actor::run(args),
        Command::Quotes(args) => query::quotes::run(args),
        Command::Export(args) => query::export::run(args),
        Command::Train(args) => train::run(args),
    };
    exit::finish(result)
}
