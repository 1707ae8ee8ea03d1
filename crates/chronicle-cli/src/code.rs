//! `chronicle code`: articles in, one JSON record per article out.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;

use anyhow::Context;
use chronicle::record::{write_record, RecordOptions};
use chronicle::{code_stream, Outcome, Pipeline, StreamOptions};

use crate::exit::ExitCode;
use crate::inputs::InputArgs;
use crate::progress::Progress;

/// Code articles: one JSON record per article, in input order.
///
/// Each record holds the article's id, date and source, and its entities, times, quotes,
/// places, events and tone (see the record contract). Rejected inputs produce no record: a
/// line on stderr names the file, line and problem.
///
/// Examples:
///   chronicle code samples/articles                 # a folder of wire articles
///   chronicle code articles.jsonl -o records.jsonl  # JSON Lines in, JSON Lines out
///   zcat feed.jsonl.gz | chronicle code --pretty    # standard input
///   chronicle code --with tokens story.txt          # with tokens, tags and parses
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct CodeArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Write the records here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Indent each record for reading.
    #[arg(long)]
    pretty: bool,

    /// Add analysis layers to each record: `tokens` adds sentences with their tokens,
    /// tags, lemmas and dependency parse.
    #[arg(long = "with", value_name = "LAYER", value_enum)]
    with: Vec<ExtraLayer>,

    /// Add to each event the pattern that fired and the parse path behind it.
    #[arg(long)]
    explain: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExtraLayer {
    Tokens,
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let pipeline = Pipeline::english().context("cannot build the pipeline")?;
    let inputs = args.input.open()?;
    let mut rejects = args.input.rejects_file()?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create output file {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let options = RecordOptions {
        tokens: args.with.contains(&ExtraLayer::Tokens),
        explain: args.explain,
        pretty: args.pretty,
    };
    let pool = thread_pool(args.threads)?;
    let progress = Progress::new("coded");
    let (mut coded, mut rejected) = (0usize, 0usize);
    let mut failure: Option<anyhow::Error> = None;
    code_stream(
        &pipeline,
        &pool,
        inputs,
        &StreamOptions::default(),
        |_| true,
        |outcome| {
            let step = match outcome {
                Outcome::Coded(doc) => {
                    coded += 1;
                    progress.inc();
                    write_record(&mut out, &doc, &options)
                        .map_err(anyhow::Error::from)
                        .and_then(|()| out.write_all(b"\n").map_err(anyhow::Error::from))
                        .context("cannot write a record")
                }
                Outcome::Rejected(reject) => {
                    rejected += 1;
                    progress.println(&format!("chronicle: rejected {reject}"));
                    progress.set_message(format!("{rejected} rejected"));
                    match rejects.as_mut() {
                        Some(file) => file.keep(&reject),
                        None => Ok(()),
                    }
                }
                Outcome::Failed(failure) => {
                    rejected += 1;
                    let article = &failure.article;
                    progress.println(&format!(
                        "chronicle: could not code {} (id {:?}): internal error: {} — please report this",
                        article.origin, article.meta.id, failure.message
                    ));
                    match rejects.as_mut() {
                        Some(file) => file.keep_article(article),
                        None => Ok(()),
                    }
                }
                Outcome::Skipped(_) => Ok(()),
            };
            match step {
                Err(e) => {
                    failure = Some(e);
                    ControlFlow::Break(())
                }
                Ok(()) if rejected > 0 && args.input.strict => ControlFlow::Break(()),
                Ok(()) => ControlFlow::Continue(()),
            }
        },
    );
    progress.finish();
    if let Some(e) = failure {
        return Err(e);
    }
    out.flush().context("cannot write the records")?;
    if let Some(file) = rejects {
        file.finish()?;
    }
    if rejected > 0 {
        let stopped = if args.input.strict {
            " (stopped at the first: --strict)"
        } else {
            ""
        };
        let kept = match &args.input.rejects {
            Some(path) => format!("; kept in {}", path.display()),
            None => String::new(),
        };
        eprintln!("chronicle: coded {coded} articles, rejected {rejected}{stopped}{kept}");
        return Ok(ExitCode::SomeRejected);
    }
    Ok(ExitCode::Ok)
}

pub fn thread_pool(threads: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        builder = builder.num_threads(n);
    }
    builder.build().context("cannot start worker threads")
}
