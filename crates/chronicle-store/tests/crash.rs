//! Crash safety: ingest in a child process, SIGKILL it at several points, re-run, and check
//! that every committed document is whole, nothing is lost or duplicated, and the final store
//! equals one ingested without interruption.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use chronicle_store::synth::Synth;
use chronicle_store::{EventFilter, Store, StoredDoc};

const DB_VAR: &str = "CHRONICLE_STORE_CRASH_DB";
const DOCS: usize = 300;
const BATCH: usize = 15;

fn corpus() -> Vec<StoredDoc> {
    let mut synth = Synth::new(42, vec!["A body paragraph about the talks.".into()]);
    (0..DOCS)
        .map(|i| StoredDoc::new(synth.document(format!("d{i:04}"))))
        .collect()
}

fn ingest_all(path: &Path, report: bool) -> chronicle_store::IngestCounts {
    let mut store = Store::open(path).unwrap();
    let mut total = chronicle_store::IngestCounts::default();
    for chunk in corpus().chunks(BATCH) {
        let counts = store.ingest_batch(chunk).unwrap();
        if report && counts.new > 0 {
            let mut out = std::io::stdout().lock();
            writeln!(out, "committed {}", counts.new).unwrap();
            out.flush().unwrap();
        }
        total.add(counts);
    }
    total
}

/// Not a test on its own: the child process of `survives_kill_9_during_ingest`.
#[test]
fn crash_child() {
    if let Ok(path) = std::env::var(DB_VAR) {
        ingest_all(Path::new(&path), true);
    }
}

/// Every stored document has exactly its events, and the counters match the mentions.
fn check_consistent(store: &Store, docs: &[StoredDoc]) -> i64 {
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT d.id, (SELECT count(*) FROM event_mentions m WHERE m.doc_key = d.doc_key),
                    (SELECT count(*) FROM quotes q WHERE q.doc_key = d.doc_key)
             FROM documents d",
        )
        .unwrap();
    let rows: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, mentions, quotes) in &rows {
        let doc = &docs.iter().find(|d| &d.doc.meta.id == id).unwrap().doc;
        assert_eq!(*mentions as usize, doc.events.len(), "{id}: partial events");
        assert_eq!(*quotes as usize, doc.quotes.len(), "{id}: partial quotes");
    }
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM events e WHERE
                num_mentions != (SELECT sum(mentions) FROM event_mentions m WHERE m.event_id = e.event_id)
             OR num_articles != (SELECT count(DISTINCT doc_key) FROM event_mentions m WHERE m.event_id = e.event_id)
             OR num_sources != (SELECT count(DISTINCT source_name) FROM event_mentions m WHERE m.event_id = e.event_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(bad, 0, "events whose counters disagree with their mentions");
    rows.len() as i64
}

/// (date, source, target, code, mentions, articles, sources) of every event.
type Summary = Vec<(String, Option<String>, Option<String>, String, i64, i64, i64)>;

fn summary(store: &Store) -> Summary {
    let mut rows: Vec<_> = store
        .events(&EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|e| {
            (
                e.date,
                e.source_actor,
                e.target_actor,
                e.cameo,
                e.num_mentions,
                e.num_articles,
                e.num_sources,
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn survives_kill_9_during_ingest() {
    let docs = corpus();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let exe = std::env::current_exe().unwrap();
    let mut stored_before = 0;
    for (round, batches) in [1usize, 2, 3, 2].into_iter().enumerate() {
        let mut child = Command::new(&exe)
            .args(["crash_child", "--exact", "--nocapture", "--test-threads=1"])
            .env(DB_VAR, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut seen = 0;
        for line in BufReader::new(stdout).lines() {
            if line.unwrap().starts_with("committed") {
                seen += 1;
                if seen == batches {
                    break;
                }
            }
        }
        // Let the child get into its next batch, then kill it without warning.
        std::thread::sleep(Duration::from_millis(round as u64 * 2));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let store = Store::open(&path).unwrap();
        let stored = check_consistent(&store, &docs);
        assert!(stored >= stored_before, "documents lost: {stored} < {stored_before}");
        assert!(stored < DOCS as i64, "the child finished before it was killed");
        stored_before = stored;
    }
    let resumed = ingest_all(&path, false);
    assert_eq!(resumed.replaced + resumed.rejected, 0);
    assert_eq!(resumed.new + resumed.skipped, DOCS);
    assert_eq!(resumed.skipped as i64, stored_before, "resume skips what was committed");
    let store = Store::open(&path).unwrap();
    assert_eq!(check_consistent(&store, &docs), DOCS as i64);

    let reference_path = dir.path().join("reference.db");
    ingest_all(&reference_path, false);
    let reference = Store::open(&reference_path).unwrap();
    assert_eq!(store.stats().unwrap(), reference.stats().unwrap());
    assert_eq!(summary(&store), summary(&reference));
}
