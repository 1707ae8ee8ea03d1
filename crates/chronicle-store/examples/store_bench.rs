//! Store benchmark: ingest synthetic coded documents until the store holds N events, then
//! time each query kind and each export.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-store cargo run --release -p chronicle-store \
//!     --example store_bench -- [--db /tmp/store-bench.db] [--events 1000000] [--batch 1000] \
//!     [--corpus /work/shared/eval/data/corpora] [--runs 200] [--bulk] [--reuse] \
//!     [--queries SUBSTRING] [--formats gdelt,parquet] [--no-queries] [--no-exports] [--window N] \
//!     [--pre SQL]
//! ```
//! `--queries` times only the query kinds whose name contains the substring; `--formats` the
//! listed exports only.
//! Article bodies come from the `.txt` files under `--corpus` when there are any. Only
//! `ingest_batch` is timed for articles/s (document synthesis is excluded).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chronicle_store::synth::Synth;
use chronicle_store::{EventFilter, ExportFormat, Period, QuoteFilter, SearchFilter, SearchRank, Store, StoredDoc};

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn texts(dir: &Path, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if out.len() >= max {
                return out;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "txt")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("README"))
            {
                if let Ok(bytes) = std::fs::read(&p) {
                    out.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
    }
    out
}

fn percentiles(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times[i].as_secs_f64() * 1e3
    };
    (at(0.5), at(0.99))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let db = PathBuf::from(arg(&args, "--db", "/tmp/store-bench.db"));
    let target: i64 = arg(&args, "--events", "1000000").parse()?;
    let batch: usize = arg(&args, "--batch", "1000").parse()?;
    let runs: usize = arg(&args, "--runs", "200").parse()?;
    let corpus = PathBuf::from(arg(&args, "--corpus", "/work/shared/eval/data/corpora"));
    // `--reuse`: time the queries and exports on the store `--db` already holds (no ingest).
    let reuse = args.iter().any(|a| a == "--reuse");
    // `--bulk`: ingest as a bulk load, full-text indexing in one pass at the end (timed).
    let bulk = args.iter().any(|a| a == "--bulk");
    let query_filter = arg(&args, "--queries", "");
    let formats = arg(&args, "--formats", "gdelt,plover,parquet,jsonl");
    let no_queries = args.iter().any(|a| a == "--no-queries");
    let no_exports = args.iter().any(|a| a == "--no-exports");
    // `--window N`: the relevance window of the search queries (default: the store's).
    let window: Option<usize> = args
        .iter()
        .position(|a| a == "--window")
        .and_then(|i| args.get(i + 1))
        .map(|n| n.parse())
        .transpose()?;
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    let bodies = texts(&corpus, 5000);
    let mean_body = bodies.iter().map(String::len).sum::<usize>() / bodies.len().max(1);
    println!(
        "corpus texts: {} (mean {} bytes) from {}",
        bodies.len(),
        mean_body,
        corpus.display()
    );
    let mut synth = Synth::new(1, bodies);
    let mut store = Store::open(&db)?;
    // `--pre SQL`: run on the connection before anything else (pragmas to try).
    let pre = arg(&args, "--pre", "");

    // Ingest.
    let mut ingest_time = Duration::ZERO;
    let mut docs_total = 0usize;
    let mut text_bytes = 0usize;
    let mut events = 0i64;
    let mut batches = 0;
    if reuse {
        events = store.stats()?.events;
        docs_total = store.stats()?.documents as usize;
    }
    if bulk {
        store.begin_bulk();
    }
    while events < target {
        let docs: Vec<StoredDoc> = (0..batch)
            .map(|_| {
                docs_total += 1;
                StoredDoc::new(synth.document(format!("bench-{docs_total:08}")))
            })
            .collect();
        text_bytes += docs.iter().map(|d| d.doc.text().len()).sum::<usize>();
        let t = Instant::now();
        let counts = store.ingest_batch(&docs)?;
        ingest_time += t.elapsed();
        assert_eq!(counts.new, docs.len());
        batches += 1;
        if batches % 20 == 0 || events + (batch as i64 * 10) >= target {
            events = store.stats()?.events;
            eprintln!(
                "{docs_total} articles, {events} events, {:.0} articles/s",
                docs_total as f64 / ingest_time.as_secs_f64()
            );
        }
    }
    if bulk {
        let t = Instant::now();
        store.finish_bulk()?;
        ingest_time += t.elapsed();
    }
    store.optimize()?;
    let stats = store.stats()?;
    drop(store);
    let store = Store::open(&db)?;
    store.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    if !pre.is_empty() {
        store.connection().execute_batch(&pre)?;
    }
    let size = std::fs::metadata(&db)?.len();
    println!("\n## Ingest\n");
    println!("| articles | events | mentions | quotes | mean text | ingest time | articles/s | events/s | DB size | per 1,000 articles |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {} | {} | {} | {} B | {:.1} s | {:.0} | {:.0} | {:.0} MB | {:.1} MB |",
        stats.documents,
        stats.events,
        stats.mentions,
        stats.quotes,
        text_bytes / docs_total.max(1),
        ingest_time.as_secs_f64(),
        docs_total as f64 / ingest_time.as_secs_f64(),
        stats.mentions as f64 / ingest_time.as_secs_f64(),
        size as f64 / 1e6,
        size as f64 / 1e6 / stats.documents as f64 * 1000.0,
    );

    // Queries.
    let actors = [
        "USA", "RUS", "CHN", "UKR", "GBR", "IRN", "SYR", "BRA", "NGA", "SRB", "USAGOV", "RUSMIL", "KENOPP", "VNMBUS",
    ];
    let words = [
        "sanctions",
        "oil",
        "election",
        "talks",
        "market",
        "football",
        "ceasefire",
        "minister",
        "growth",
        "music",
    ];
    let year = |i: usize| chronicle_doc::Date::from_ymd_opt(2015 + (i % 10) as i32, 1 + (i % 12) as u32, 1).unwrap();
    type Query<'a> = (&'a str, Box<dyn Fn(usize) -> usize + 'a>);
    let s = &store;
    let queries: Vec<Query<'_>> = vec![
        (
            "search (word, top 20)",
            Box::new(move |i| {
                s.search(&SearchFilter {
                    query: words[i % words.len()].into(),
                    limit: Some(20),
                    window,
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "search (word, --rank date, top 20)",
            Box::new(move |i| {
                s.search(&SearchFilter {
                    query: words[i % words.len()].into(),
                    limit: Some(20),
                    rank: SearchRank::Date,
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "search (word, --rank all, top 20)",
            Box::new(move |i| {
                s.search(&SearchFilter {
                    query: words[i % words.len()].into(),
                    limit: Some(20),
                    rank: SearchRank::All,
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "search (a NEAR b, since, top 20)",
            Box::new(move |i| {
                s.search(&SearchFilter {
                    query: format!("{} NEAR {}", words[i % words.len()], words[(i / 3 + 1) % words.len()]),
                    since: Some(year(i)),
                    limit: Some(20),
                    window,
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "events --actor X --limit 50",
            Box::new(move |i| {
                s.events(&EventFilter {
                    actor: Some(actors[i % actors.len()].into()),
                    limit: Some(50),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "events --dyad X:Y --limit 50",
            Box::new(move |i| {
                s.events(&EventFilter {
                    dyad: Some(
                        format!("{}:{}", actors[i % actors.len()], actors[(i + 3) % actors.len()])
                            .parse()
                            .unwrap(),
                    ),
                    limit: Some(50),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "events --root R --since --until --limit 50",
            Box::new(move |i| {
                s.events(&EventFilter {
                    root: Some(format!("{}", 1 + i % 20)),
                    since: Some(year(i)),
                    until: Some(year(i + 1)),
                    limit: Some(50),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "events --quad Q --place CC --mode M --limit 50",
            Box::new(move |i| {
                s.events(&EventFilter {
                    quad: Some(1 + (i % 4) as u8),
                    place: Some(["CH", "RU", "US", "UA"][i % 4].into()),
                    mode: Some(["asserted", "reported"][i % 2].into()),
                    limit: Some(50),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "timeline --dyad X:Y --by month",
            Box::new(move |i| {
                s.timeline(
                    &EventFilter {
                        dyad: Some(
                            format!("{}:{}", actors[i % actors.len()], actors[(i + 5) % actors.len()])
                                .parse()
                                .unwrap(),
                        ),
                        ..Default::default()
                    },
                    Period::Month,
                )
                .unwrap()
                .len()
            }),
        ),
        (
            "actor X (top 10)",
            Box::new(move |i| s.actor(actors[(i % 4) + 10], 10).unwrap().partners.len()),
        ),
        (
            "quotes --speaker X --limit 20",
            Box::new(move |i| {
                s.quotes(&QuoteFilter {
                    speaker: Some(actors[i % actors.len()].into()),
                    limit: Some(20),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
        (
            "quotes --about W --limit 20",
            Box::new(move |i| {
                s.quotes(&QuoteFilter {
                    about: Some(["sanctions", "refugees", "election", "tariffs"][i % 4].into()),
                    limit: Some(20),
                    ..Default::default()
                })
                .unwrap()
                .len()
            }),
        ),
    ];
    println!("\n## Queries ({runs} runs each, varied arguments)\n");
    println!("| query | p50 ms | p99 ms | mean rows |");
    println!("|---|---|---|---|");
    for (name, q) in &queries {
        if no_queries || !name.contains(query_filter.as_str()) {
            continue;
        }
        for i in 0..5 {
            q(i);
        }
        let mut times = Vec::with_capacity(runs);
        let mut rows = 0;
        for i in 0..runs {
            let t = Instant::now();
            rows += q(i);
            times.push(t.elapsed());
        }
        let (p50, p99) = percentiles(times);
        println!("| {name} | {p50:.2} | {p99:.2} | {:.0} |", rows as f64 / runs as f64);
    }

    println!("\n## Exports (all {} events)\n", stats.events);
    println!("| format | rows | seconds | size |");
    println!("|---|---|---|---|");
    for format in ExportFormat::ALL {
        if no_exports || !formats.split(',').any(|f| f == format.as_str()) {
            continue;
        }
        // Beside the database, so two benches on different stores never share a file.
        let path = db.with_extension(format!("export.{}", format.extension()));
        let t = Instant::now();
        let n = store.export_to_path(format, &EventFilter::default(), &path)?;
        let secs = t.elapsed().as_secs_f64();
        let size = std::fs::metadata(&path)?.len();
        println!(
            "| {} | {n} | {secs:.1} | {:.0} MB |",
            format.as_str(),
            size as f64 / 1e6
        );
        let _ = std::fs::remove_file(&path);
    }
    Ok(())
}
