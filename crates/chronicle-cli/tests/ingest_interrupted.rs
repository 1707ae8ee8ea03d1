//! `chronicle ingest` killed (SIGKILL, no chance to clean up) at several moments and run
//! again: the store ends up exactly as one uninterrupted run leaves it — no article lost, no
//! event or mention counted twice.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles")
}

fn ingest(db: &Path, batch: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chronicle"));
    cmd.env_remove("CHRONICLE_DB")
        .args(["ingest", "--batch", batch, "--db"])
        .arg(db)
        .arg(samples())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Every stored event as exported, sorted, without what depends on when and in which order
/// it was stored (`event_id`, `date_added`): counts of mentions and articles, codes, actors,
/// evidence. Two stores with the same lines hold the same events.
fn events(db: &Path) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["export", "--format", "jsonl", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut event: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
            event.remove("event_id");
            event.remove("date_added");
            serde_json::to_string(&event).unwrap()
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn ingest_killed_again_and_again_loses_and_duplicates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference.db");
    assert!(ingest(&reference, "256").status().unwrap().success());
    let expected = events(&reference);
    assert!(!expected.is_empty());

    // Small batches, so the kills land between commits as well as inside them.
    let db = dir.path().join("interrupted.db");
    let mut finished_early = 0;
    for delay_ms in [60, 250, 450, 700, 1000, 1400] {
        let mut child = ingest(&db, "2").spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        if child.try_wait().unwrap().is_some() {
            finished_early += 1;
        } else {
            child.kill().unwrap(); // SIGKILL on Unix
        }
        child.wait().unwrap();
    }
    assert!(finished_early < 6, "no run was interrupted: the test proved nothing");
    // A run killed during its bulk load leaves articles without full-text entries; opening
    // the store indexes them, each exactly once (FTS5's integrity check compares the indexes
    // with the stored rows).
    {
        let store = chronicle_store::Store::open(&db).unwrap();
        for table in ["documents_fts", "quotes_fts"] {
            store
                .connection()
                .execute_batch(&format!(
                    "INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                ))
                .unwrap_or_else(|e| panic!("{table} after the kills: {e}"));
        }
        let backlog: i64 = store
            .connection()
            .query_row("SELECT count(*) FROM fts_backlog", [], |r| r.get(0))
            .unwrap();
        assert_eq!(backlog, 0);
    }
    let last = ingest(&db, "2").output().unwrap();
    assert!(last.status.success(), "the run after the kills fails");
    let got = events(&db);
    let first_difference = got.iter().zip(&expected).find(|(a, b)| a != b);
    assert!(
        got.len() == expected.len() && first_difference.is_none(),
        "killed {} times: {} events, {} expected; first difference {first_difference:#?}",
        6 - finished_early,
        got.len(),
        expected.len()
    );
    let stored = chronicle_store::Store::open(&db).unwrap().stats().unwrap();
    let whole = chronicle_store::Store::open(&reference).unwrap().stats().unwrap();
    assert_eq!(stored.documents, whole.documents);
    assert_eq!(stored.events, whole.events);
}
