//! `chronicle ingest`: articles in, coded and stored in the SQLite store.

use std::cell::RefCell;
use std::ops::ControlFlow;

use anyhow::Context;
use chronicle::read::Article;
use chronicle::{code_stream, Outcome, Pipeline, StreamOptions};
use chronicle_store::{text_hash, Disposition, IngestCounts, Store, StoredDoc};

use crate::code::thread_pool;
use crate::db::DbArgs;
use crate::exit::ExitCode;
use crate::inputs::InputArgs;
use crate::progress::Progress;

/// Code articles and store them, for `search`, `events`, `timeline`, `actor`, `quotes` and
/// `export`.
///
/// Ingest is idempotent and resumable. An article whose id is already stored with the same
/// text is skipped before it is coded, so running ingest again over the same inputs — after
/// an interruption, or with new files added — codes only what is new. An article whose text
/// changed replaces the stored version and everything coded from it. Articles are stored in
/// batches, one transaction each: an interrupted run keeps every batch it committed.
#[derive(clap::Args)]
#[command(after_help = "\
Examples:
  chronicle ingest samples/articles                # into ./chronicle.db
  chronicle ingest corpus/ feed.jsonl.gz --db news.db
  zcat feed.jsonl.gz | chronicle ingest --rejects bad.txt
  CHRONICLE_DB=news.db chronicle ingest today/ && chronicle timeline --dyad USA:RUS

The summary line counts articles: new, replaced (changed text), skipped (already stored
unchanged), rejected (unreadable input), failed (could not be coded or stored).")]
pub struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,

    #[command(flatten)]
    db: DbArgs,

    /// Worker threads for coding (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Articles per transaction: an interrupted ingest loses at most this many.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
}

/// What happened to the inputs, for the summary line.
#[derive(Default)]
struct Tally {
    stored: IngestCounts,
    /// Skipped before coding, as unchanged.
    unchanged: usize,
    /// Inputs the readers could not read as articles.
    rejected: usize,
    /// Articles a stage could not code, or the store refused.
    failed: usize,
}

impl Tally {
    fn problems(&self) -> usize {
        self.rejected + self.failed
    }

    fn summary(&self) -> String {
        let s = &self.stored;
        format!(
            "{} new, {} replaced, {} skipped, {} rejected, {} failed ({} event mentions stored)",
            s.new,
            s.replaced,
            s.skipped + self.unchanged,
            self.rejected,
            self.failed,
            s.mentions
        )
    }
}

pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(args.batch > 0, "--batch must be at least 1");
    let pipeline = Pipeline::english().context("cannot build the pipeline")?;
    let inputs = args.input.open()?;
    let mut rejects = args.input.rejects_file()?;
    let store = RefCell::new(args.db.open_or_create()?);
    // The full-text indexes are written in one pass at the end of the run (a crash leaves
    // that to the next open of the store).
    store.borrow_mut().begin_bulk();
    let pool = thread_pool(args.threads)?;
    let progress = Progress::new("ingested");
    let mut tally = Tally::default();
    let mut pending: Vec<StoredDoc> = Vec::with_capacity(args.batch);
    let mut failure: Option<anyhow::Error> = None;

    // Asked before coding: an unchanged article costs one index lookup instead of a coding.
    // (On a lookup error, code it anyway: storing it will meet and report the same error.)
    let wanted = |article: &Article| {
        let hash = text_hash(&article.text);
        store
            .borrow()
            .disposition(&article.meta.id, &hash)
            .map_or(true, |d| d != Disposition::Same)
    };
    code_stream(&pipeline, &pool, inputs, &StreamOptions::default(), wanted, |outcome| {
        let step = match outcome {
            Outcome::Coded(doc) => {
                progress.inc();
                pending.push(StoredDoc::new(*doc));
                if pending.len() >= args.batch {
                    store_batch(&mut store.borrow_mut(), &mut pending, &mut tally, &progress)
                } else {
                    Ok(())
                }
            }
            Outcome::Skipped(_) => {
                progress.inc();
                tally.unchanged += 1;
                Ok(())
            }
            Outcome::Rejected(reject) => {
                tally.rejected += 1;
                progress.println(&format!("chronicle: rejected {reject}"));
                rejects.as_mut().map_or(Ok(()), |file| file.keep(&reject))
            }
            Outcome::Failed(failure) => {
                tally.failed += 1;
                let article = &failure.article;
                progress.println(&format!(
                    "chronicle: could not code {} (id {:?}): internal error: {} — please report this",
                    article.origin, article.meta.id, failure.message
                ));
                rejects.as_mut().map_or(Ok(()), |file| file.keep_article(article))
            }
        };
        progress.set_message(tally.summary());
        match step {
            Err(e) => {
                failure = Some(e);
                ControlFlow::Break(())
            }
            Ok(()) if tally.problems() > 0 && args.input.strict => ControlFlow::Break(()),
            Ok(()) => ControlFlow::Continue(()),
        }
    });
    // What was coded before a stop (--strict, an error) is still worth keeping.
    let last = store_batch(&mut store.borrow_mut(), &mut pending, &mut tally, &progress);
    let indexed = store
        .borrow_mut()
        .finish_bulk()
        .context("cannot index the stored articles for search (the next open of the store will)");
    progress.finish();
    if let Some(e) = failure {
        return Err(e);
    }
    last?;
    indexed?;
    if let Some(file) = rejects {
        file.finish()?;
    }
    let store = store.into_inner();
    store.optimize()?;
    let stopped = if args.input.strict && tally.problems() > 0 {
        " (stopped at the first problem: --strict)"
    } else {
        ""
    };
    let kept = match (&args.input.rejects, tally.problems()) {
        (Some(path), 1..) => format!("; rejected inputs kept in {}", path.display()),
        _ => String::new(),
    };
    eprintln!(
        "chronicle: ingested into {}: {}{stopped}{kept}",
        args.db.db.display(),
        tally.summary()
    );
    Ok(if tally.problems() > 0 {
        ExitCode::SomeRejected
    } else {
        ExitCode::Ok
    })
}

/// Stores the pending documents in one transaction.
fn store_batch(
    store: &mut Store,
    pending: &mut Vec<StoredDoc>,
    tally: &mut Tally,
    progress: &Progress,
) -> anyhow::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    let counts = store
        .ingest_batch(pending)
        .context("cannot store a batch of articles (the batches before it are stored)")?;
    pending.clear();
    for reject in &counts.rejects {
        progress.println(&format!(
            "chronicle: could not store {}: {} — please report this",
            reject.id, reject.reason
        ));
    }
    for id in &counts.replaced_ids {
        progress.println(&format!("chronicle: replaced {id} (its text changed)"));
    }
    tally.failed += counts.rejected;
    tally.stored.add(counts);
    Ok(())
}
