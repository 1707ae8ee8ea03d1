//! Ingest-only probe: `--articles N --batch B --pre "SQL" [--bulk] [--db FILE] [--corpus DIR]` prints
//! articles/s of storage alone (no coding), on synthetic articles with BBC News bodies from
//! `DIR/bbc-news` (the evaluation corpora; the probe needs them).
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chronicle_store::synth::Synth;
use chronicle_store::{Store, StoredDoc};

fn arg(args: &[String], name: &str, default: &str) -> String {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let default_db = std::env::temp_dir().join("ingest-probe.db");
    let db = PathBuf::from(arg(&args, "--db", &default_db.to_string_lossy()));
    let corpus = PathBuf::from(arg(&args, "--corpus", "../shared/eval/data/corpora"));
    let n: usize = arg(&args, "--articles", "20000").parse()?;
    let batch: usize = arg(&args, "--batch", "1000").parse()?;
    let pre = arg(&args, "--pre", "");
    // `--bulk`: a bulk load (full-text indexing in one pass at the end, timed with the rest).
    let bulk = args.iter().any(|a| a == "--bulk");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut files = Vec::new();
    for e in std::fs::read_dir(corpus.join("bbc-news"))? {
        let p = e?.path();
        if p.is_dir() {
            for f in std::fs::read_dir(&p)? {
                let f = f?.path();
                if f.extension().is_some_and(|x| x == "txt") {
                    files.push(f);
                }
            }
        }
    }
    // Sorted, so every run stores the same articles.
    files.sort();
    let bodies: Vec<String> = files
        .iter()
        .take(2000)
        .map(|f| std::fs::read_to_string(f).unwrap_or_default())
        .collect();
    let mut synth = Synth::new(1, bodies);
    let mut store = Store::open(&db)?;
    if !pre.is_empty() {
        store.connection().execute_batch(&pre)?;
    }
    let mut t_ing = Duration::ZERO;
    let mut done = 0;
    if bulk {
        store.begin_bulk();
    }
    while done < n {
        let docs: Vec<StoredDoc> = (0..batch)
            .map(|i| StoredDoc::new(synth.document(format!("p-{:08}", done + i))))
            .collect();
        let t = Instant::now();
        store.ingest_batch(&docs)?;
        t_ing += t.elapsed();
        done += batch;
    }
    if bulk {
        let t = Instant::now();
        store.finish_bulk()?;
        t_ing += t.elapsed();
    }
    println!(
        "{done} articles {:.1}s {:.0} art/s",
        t_ing.as_secs_f64(),
        done as f64 / t_ing.as_secs_f64()
    );
    Ok(())
}
