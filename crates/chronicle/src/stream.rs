use std::ops::ControlFlow;

use chronicle_doc::Document;
use chronicle_read::{Article, Item, Reject};
use rayon::prelude::*;

use crate::Pipeline;

/// What became of one input.
pub enum Outcome {
    /// Coded by the pipeline. (Boxed: a document is large, and outcomes are moved in batches.)
    Coded(Box<Document>),
    /// Left uncoded because the caller's filter said so (e.g. already in the store).
    Skipped(Article),
    /// Not an article; nothing was coded.
    Rejected(Reject),
}

#[derive(Clone, Debug)]
pub struct StreamOptions {
    /// How many inputs are read before a batch is coded in parallel. Bounds memory; large
    /// enough that the threads rarely wait for each other at a batch's end.
    pub batch: usize,
}

impl Default for StreamOptions {
    fn default() -> StreamOptions {
        StreamOptions { batch: 256 }
    }
}

/// Codes a stream of inputs with `pipeline`, in parallel on `pool`, and hands each outcome to
/// `sink` in input order, on the calling thread (so `sink` may hold what cannot cross threads,
/// like a locked stdout or a database connection).
///
/// `wanted` runs on the calling thread, in order, before an article is coded; returning
/// `false` passes it to `sink` as [`Outcome::Skipped`]. `sink` may stop the stream by
/// returning [`ControlFlow::Break`]; inputs not yet handed over are then dropped.
pub fn code_stream<I, W, S>(
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    items: I,
    options: &StreamOptions,
    mut wanted: W,
    mut sink: S,
) where
    I: IntoIterator<Item = Item>,
    W: FnMut(&Article) -> bool,
    S: FnMut(Outcome) -> ControlFlow<()>,
{
    let mut items = items.into_iter();
    let batch_size = options.batch.max(1);
    loop {
        let batch: Vec<Pending> = items
            .by_ref()
            .take(batch_size)
            .map(|item| match item {
                Item::Article(article) if wanted(&article) => Pending::Code(article),
                Item::Article(article) => Pending::Done(Outcome::Skipped(article)),
                Item::Reject(reject) => Pending::Done(Outcome::Rejected(reject)),
            })
            .collect();
        if batch.is_empty() {
            return;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|pending| match pending {
                    Pending::Code(article) => Outcome::Coded(Box::new(pipeline.annotate(article))),
                    Pending::Done(outcome) => outcome,
                })
                .collect()
        });
        for outcome in outcomes {
            if sink(outcome).is_break() {
                return;
            }
        }
    }
}

#[allow(clippy::large_enum_variant)] // short-lived, one per input of a batch
enum Pending {
    Code(Article),
    Done(Outcome),
}
