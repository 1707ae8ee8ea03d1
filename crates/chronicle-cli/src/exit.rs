//! Exit codes, and how a command's result becomes one.

/// Documented in `--help` and README.md; scripts rely on these numbers.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  every input was read and coded
  1  an error stopped the run (unreadable output, bad data file, …)
  2  the command line was wrong
  3  some inputs were rejected or could not be coded (each one named on stderr);
     the others were coded";

/// How a command that ran to its end went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitCode {
    Ok,
    SomeRejected,
}

pub fn finish(result: anyhow::Result<ExitCode>) -> std::process::ExitCode {
    match result {
        Ok(ExitCode::Ok) => std::process::ExitCode::SUCCESS,
        Ok(ExitCode::SomeRejected) => std::process::ExitCode::from(3),
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("chronicle: error: {e:#}");
            std::process::ExitCode::from(1)
        }
    }
}

/// `chronicle code … | head` closing the pipe early is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
