//! Ingest-only probe: `--articles N --batch B --pre "SQL" [--bulk] [--page-size P] [--db FILE] [--corpus DIR]` prints
//! articles/s of storage alone (no coding), on synthetic articles with BBC News bodies from
//! `DIR/bbc-news` (the evaluation corpora; the probe needs them). The documents are generated
//! before the clock starts; besides wall time it prints the CPU time (user + sys) of the
//! storage work alone and articles per CPU second, the figure to compare under load.
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

/// CPU time (user + sys) of this process so far, in seconds.
fn cpu_time() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant libc defines.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
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
    // `--page-size N`: the new store's page size (set before its schema is created).
    let page_size = arg(&args, "--page-size", "");
    if !page_size.is_empty() {
        let n: u32 = page_size.parse()?;
        rusqlite::Connection::open(&db)?.execute_batch(&format!("PRAGMA page_size = {n}; VACUUM;"))?;
    }
    let mut store = Store::open(&db)?;
    if !pre.is_empty() {
        store.connection().execute_batch(&pre)?;
    }
    // Every batch generated first (text hash included), so the clocks below see storage alone.
    let batches: Vec<Vec<StoredDoc>> = (0..n.div_ceil(batch))
        .map(|b| {
            (b * batch..((b + 1) * batch).min(n))
                .map(|i| StoredDoc::new(synth.document(format!("p-{i:08}"))))
                .collect()
        })
        .collect();
    let mut t_ing = Duration::ZERO;
    let cpu0 = cpu_time();
    if bulk {
        store.begin_bulk();
    }
    for docs in &batches {
        let t = Instant::now();
        store.ingest_batch(docs)?;
        t_ing += t.elapsed();
    }
    let cpu_batches = cpu_time() - cpu0;
    if bulk {
        let t = Instant::now();
        store.finish_bulk()?;
        t_ing += t.elapsed();
    }
    let cpu = cpu_time() - cpu0;
    println!(
        "{n} articles {:.1}s {:.0} art/s; storage CPU {:.2}s (batches {:.2}s, final pass {:.2}s) = {:.0} art/CPU s",
        t_ing.as_secs_f64(),
        n as f64 / t_ing.as_secs_f64(),
        cpu,
        cpu_batches,
        cpu - cpu_batches,
        n as f64 / cpu
    );
    Ok(())
}
