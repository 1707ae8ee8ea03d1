//! The `chronicle` command: arguments, progress and exit codes over the chronicle library.

mod code;
mod exit;
mod inputs;
mod progress;

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
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
    };
    exit::finish(result)
}
