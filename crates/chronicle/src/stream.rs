use std::ops::ControlFlow;
use std::panic::{catch_unwind, AssertUnwindSafe};

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
    /// A stage failed on this article (a bug in Chronicle, not in the input). The article is
    /// handed back so nothing is lost, and the rest of the batch goes on.
    Failed(Box<Failure>),
}

/// An article a stage could not code, and what went wrong.
pub struct Failure {
    pub article: Article,
    pub message: String,
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
                    Pending::Code(article) => code_one(pipeline, article),
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

/// Codes one article, turning a stage's panic into [`Outcome::Failed`] so one bad article
/// cannot take the batch down.
fn code_one(pipeline: &Pipeline, article: Article) -> Outcome {
    let Article { meta, text, origin } = article;
    let mut doc = Document::new(meta, text);
    match catch_unwind(AssertUnwindSafe(|| pipeline.annotate_document(&mut doc))) {
        Ok(()) => Outcome::Coded(Box::new(doc)),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            let article = Article {
                meta: doc.meta.clone(),
                text: doc.text().to_owned(),
                origin,
            };
            Outcome::Failed(Box::new(Failure { article, message }))
        }
    }
}

#[cfg(test)]
mod tests {
    use chronicle_doc::{Date, Layers, Meta, Stage};
    use chronicle_read::Origin;

    use super::*;

    /// A stage with a bug: it panics on articles mentioning "boom".
    struct Fragile;

    impl Stage for Fragile {
        fn name(&self) -> &'static str {
            "fragile"
        }
        fn requires(&self) -> Layers {
            Layers::empty()
        }
        fn assigns(&self) -> Layers {
            Layers::TOKENS
        }
        fn run(&self, doc: &mut Document) {
            assert!(!doc.text().contains("boom"), "stage bug");
        }
    }

    fn article(id: &str, text: &str) -> Item {
        let meta = Meta {
            id: id.into(),
            date: Date::from_ymd_opt(2020, 1, 1).unwrap(),
            date_text: "2020-01-01".into(),
            source: None,
            title: None,
            url: None,
        };
        Item::Article(Article {
            meta,
            text: text.into(),
            origin: Origin {
                file: "-".into(),
                line: 1,
            },
        })
    }

    #[test]
    fn a_panicking_stage_fails_one_article_and_the_batch_goes_on() {
        let pipeline = Pipeline::new(vec![Box::new(Fragile)]).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let items = vec![article("a", "fine"), article("b", "boom"), article("c", "fine too")];
        let mut seen = Vec::new();
        let options = StreamOptions { batch: 2 };
        code_stream(
            &pipeline,
            &pool,
            items,
            &options,
            |_| true,
            |outcome| {
                seen.push(match outcome {
                    Outcome::Coded(doc) => format!("coded {}", doc.meta.id),
                    Outcome::Failed(f) => {
                        format!("failed {} ({}) text {:?}", f.article.meta.id, f.message, f.article.text)
                    }
                    Outcome::Skipped(a) => format!("skipped {}", a.meta.id),
                    Outcome::Rejected(r) => format!("rejected {}", r.origin),
                });
                ControlFlow::Continue(())
            },
        );
        assert_eq!(seen, ["coded a", "failed b (stage bug) text \"boom\"", "coded c"]);
    }

    #[test]
    fn the_filter_skips_and_the_sink_can_stop() {
        let pipeline = Pipeline::new(Vec::new()).unwrap();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let items = vec![article("a", "x"), article("b", "y"), article("c", "z")];
        let mut seen = Vec::new();
        let options = StreamOptions::default();
        code_stream(
            &pipeline,
            &pool,
            items,
            &options,
            |a| a.meta.id != "a",
            |outcome| {
                seen.push(match outcome {
                    Outcome::Coded(doc) => format!("coded {}", doc.meta.id),
                    Outcome::Skipped(a) => format!("skipped {}", a.meta.id),
                    _ => "other".into(),
                });
                if seen.len() == 2 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        );
        assert_eq!(seen, ["skipped a", "coded b"]);
    }
}
