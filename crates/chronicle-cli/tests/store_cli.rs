//! The store's commands end to end: `ingest` the bundled samples, then every query kind and
//! every export format, through the real binary.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The bundled fictional articles (30 files, one of them holding two articles, plus one).
fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles")
}

const SAMPLE_ARTICLES: usize = 32;

fn chronicle(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chronicle"));
    cmd.env("CHRONICLE_DB", db).env_remove("COLUMNS");
    cmd
}

/// One store with the samples, shared by the read-only tests (coding is the slow part).
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, db) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("samples.db");
        chronicle(&db)
            .arg("ingest")
            .arg(samples())
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("{SAMPLE_ARTICLES} new, 0 replaced")));
        (dir, db)
    });
    db
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json_lines(cmd: &mut Command) -> Vec<Value> {
    stdout(cmd)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

#[test]
fn ingest_again_skips_everything_and_a_changed_article_replaces_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, articles.join(path.file_name().unwrap())).unwrap();
    }
    let db = dir.path().join("news.db");
    let ingest = |expect: String| {
        chronicle(&db)
            .arg("ingest")
            .arg(&articles)
            .assert()
            .success()
            .stderr(predicate::str::contains(expect));
    };
    ingest(format!(
        "{SAMPLE_ARTICLES} new, 0 replaced, 0 skipped, 0 rejected, 0 failed"
    ));
    ingest(format!(
        "0 new, 0 replaced, {SAMPLE_ARTICLES} skipped, 0 rejected, 0 failed"
    ));

    let changed = articles.join("sample-07-chn-twn-air-incursion.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    let text = text.replacen("\n\n/", "\n\nThe ministry said more drills would follow.\n\n/", 1);
    std::fs::write(&changed, text).unwrap();
    ingest(format!("0 new, 1 replaced, {} skipped", SAMPLE_ARTICLES - 1));

    // The new version is the one stored: its added sentence is searchable.
    let hits = json_lines(chronicle(&db).args(["search", "\"more drills would follow\"", "--json"]));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["doc_id"], "sample-07-chn-twn-air-incursion");
}

#[test]
fn ingest_reports_rejects_with_exit_code_3_and_keeps_the_good_articles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("feed.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"ok-1\",\"date\":\"2022-03-04\",\"text\":\"Russia threatened Ukraine on Friday.\"}\n\
         {\"id\":\"bad\",\"date\":\"someday\",\"text\":\"No date.\"}\n",
    )
    .unwrap();
    let db = dir.path().join("x.db");
    let rejects = dir.path().join("rejects.txt");
    chronicle(&db)
        .arg("ingest")
        .arg(&input)
        .arg("--rejects")
        .arg(&rejects)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(
            "1 new, 0 replaced, 0 skipped, 1 rejected, 0 failed",
        ));
    assert!(std::fs::read_to_string(&rejects).unwrap().contains("someday"));
}

#[test]
fn queries_without_a_database_say_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    for args in [
        vec!["events"],
        vec!["search", "x"],
        vec!["timeline"],
        vec!["actor", "USA"],
    ] {
        chronicle(&db).args(&args).assert().code(1).stderr(
            predicate::str::contains("no database at").and(predicate::str::contains("run `chronicle ingest` first")),
        );
    }
    assert!(!db.exists(), "a query does not create a database");
}

#[test]
fn a_bad_dyad_is_a_usage_error_that_shows_the_form() {
    for bad in ["USA", "USA-RUS", "USA:"] {
        chronicle(store())
            .args(["events", "--dyad", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "expected two actor codes joined by a colon, like USA:RUS",
            ));
    }
    chronicle(store())
        .args(["events", "--code", "13", "--root", "13"])
        .assert()
        .code(2);
}

#[test]
fn search_finds_articles_with_near_and_filters() {
    let hits = json_lines(chronicle(store()).args(["search", "sanctions NEAR Russia", "--json"]));
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(hit["doc_id"].as_str().unwrap().starts_with("sample-"));
        assert!(hit["snippet"].as_str().unwrap().contains('['), "hits are marked: {hit}");
    }
    let table = stdout(chronicle(store()).args(["search", "sanctions", "--limit", "3"]));
    assert!(table.contains("best passage") && table.contains("sample-"), "{table}");
    let none = json_lines(chronicle(store()).args(["search", "sanctions", "--until", "2000", "--json"]));
    assert!(none.is_empty());
}

#[test]
fn search_orders_by_date_or_within_a_window() {
    let by_date =
        json_lines(chronicle(store()).args(["search", "sanctions", "--rank", "date", "--limit", "0", "--json"]));
    assert!(by_date.len() >= 2, "{by_date:?}");
    let dates: Vec<&str> = by_date.iter().map(|h| h["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    let all = json_lines(chronicle(store()).args(["search", "sanctions", "--rank", "all", "--limit", "0", "--json"]));
    assert_eq!(all.len(), by_date.len(), "the same articles, another order");
    let one = json_lines(chronicle(store()).args(["search", "sanctions", "--window", "1", "--json"]));
    assert_eq!(one.len(), 1, "a window of one match");
    chronicle(store())
        .args(["search", "sanctions", "--rank", "best"])
        .assert()
        .code(2);
    let help = stdout(chronicle(store()).args(["search", "--help"]));
    assert!(help.contains("most recently stored"), "{help}");
}

#[test]
fn events_of_a_dyad_come_with_their_evidence() {
    let rows = json_lines(chronicle(store()).args(["events", "--dyad", "USA:RUS", "--limit", "0", "--json"]));
    assert!(rows.len() >= 3, "the samples have several US–Russia events: {rows:?}");
    for row in &rows {
        let (s, t) = (
            row["source_actor"].as_str().unwrap(),
            row["target_actor"].as_str().unwrap(),
        );
        assert!(
            (s.starts_with("USA") && t.starts_with("RUS")) || (s.starts_with("RUS") && t.starts_with("USA")),
            "{row}"
        );
        assert!(!row["evidence"].as_str().unwrap().is_empty(), "{row}");
    }
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");

    let table = stdout(chronicle(store()).args(["events", "--dyad", "USA:RUS"]));
    assert!(table.contains("evidence") && table.contains("sample-0"), "{table}");
}

#[test]
fn event_filters_narrow_and_csv_has_every_field() {
    let all = json_lines(chronicle(store()).args(["events", "--limit", "0", "--json"]));
    assert!(all.len() > 20, "{}", all.len());
    let quad = |q: i64| all.iter().filter(|r| r["quad_class"] == q).count();
    for q in 1..=4 {
        let rows = json_lines(chronicle(store()).args(["events", "--quad", &q.to_string(), "--limit", "0", "--json"]));
        assert_eq!(rows.len(), quad(q), "quad {q}");
    }
    let actor = json_lines(chronicle(store()).args(["events", "--actor", "usa", "--limit", "0", "--json"]));
    assert!(!actor.is_empty() && actor.len() < all.len());
    let root = all[0]["root"].as_str().unwrap().to_string();
    let by_root = json_lines(chronicle(store()).args(["events", "--root", &root, "--limit", "0", "--json"]));
    assert!(by_root.iter().all(|r| r["root"] == root.as_str()) && !by_root.is_empty());
    let asserted = json_lines(chronicle(store()).args(["events", "--mode", "asserted", "--since", "2022", "--json"]));
    assert!(asserted
        .iter()
        .all(|r| r["mode"] == "asserted" && r["date"].as_str().unwrap() >= "2022"));
    if let Some(country) = all.iter().find_map(|r| r["country"].as_str()) {
        let rows = json_lines(chronicle(store()).args(["events", "--place", country, "--json"]));
        assert!(!rows.is_empty() && rows.iter().all(|r| r["country"] == country));
    }

    let csv = stdout(chronicle(store()).args(["events", "--limit", "5", "--csv"]));
    let header = csv.lines().next().unwrap();
    for field in [
        "event_id",
        "date",
        "source_actor",
        "cameo",
        "quad_class",
        "goldstein",
        "evidence",
    ] {
        assert!(header.split(',').any(|h| h == field), "{header}");
    }
    assert_eq!(csv.lines().count(), 6, "{csv}");
}

#[test]
fn timeline_counts_both_directions_per_period() {
    let rows = json_lines(chronicle(store()).args(["timeline", "--dyad", "USA:RUS", "--by", "month", "--json"]));
    assert!(!rows.is_empty());
    for row in &rows {
        let direction = row["direction"].as_str().unwrap();
        assert!(direction == "USA>RUS" || direction == "RUS>USA", "{row}");
        let quads: i64 = (1..=4).map(|q| row[format!("quad{q}")].as_i64().unwrap()).sum();
        assert_eq!(quads, row["events"].as_i64().unwrap());
        assert_eq!(row["period"].as_str().unwrap().len(), 7, "YYYY-MM: {row}");
    }
    let events: i64 = rows.iter().map(|r| r["events"].as_i64().unwrap()).sum();
    let listed = json_lines(chronicle(store()).args(["events", "--dyad", "USA:RUS", "--limit", "0", "--json"]));
    assert_eq!(
        events as usize,
        listed.len(),
        "the timeline counts the events `events` lists"
    );

    let weeks = stdout(chronicle(store()).args(["timeline", "--dyad", "USA:RUS", "--by", "week", "--csv"]));
    assert!(weeks.starts_with("period,direction,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean"));
    assert!(weeks.lines().nth(1).unwrap().contains("-W"), "{weeks}");
    let table = stdout(chronicle(store()).args(["timeline", "--dyad", "USA:RUS", "--by", "day"]));
    assert!(
        table.contains("material conflict") && table.contains("goldstein sum"),
        "{table}"
    );
}

#[test]
fn actor_report_has_partners_mix_and_months() {
    let report = json_lines(chronicle(store()).args(["actor", "USA", "--json"]));
    assert_eq!(report.len(), 1);
    let r = &report[0];
    assert_eq!(r["actor"], "USA");
    assert!(r["as_source"].as_i64().unwrap() + r["as_target"].as_i64().unwrap() > 0);
    assert!(!r["partners"].as_array().unwrap().is_empty());
    assert!(!r["mix"].as_array().unwrap().is_empty());
    assert!(!r["over_time"].as_array().unwrap().is_empty());
    let table = stdout(chronicle(store()).args(["actor", "USA"]));
    assert!(
        table.contains("Top partners") && table.contains("Event mix") && table.contains("Over time"),
        "{table}"
    );
    let csv = stdout(chronicle(store()).args(["actor", "USA", "--csv"]));
    assert!(
        csv.starts_with("section,key,events,as_source,as_target,goldstein_mean"),
        "{csv}"
    );
}

#[test]
fn quotes_by_speaker_and_topic() {
    let all = json_lines(chronicle(store()).args(["quotes", "--limit", "0", "--json"]));
    assert!(all.len() > 10, "the samples quote many people");
    let speaker = all
        .iter()
        .find_map(|q| q["speaker"].as_str().and_then(|s| s.split_whitespace().last()))
        .expect("some quote has a speaker")
        .to_string();
    let by_speaker = json_lines(chronicle(store()).args(["quotes", "--speaker", &speaker, "--json"]));
    assert!(!by_speaker.is_empty());
    // Names match by word stem, case-insensitively ("officials" finds "Official").
    let stem = speaker[..4.min(speaker.len())].to_lowercase();
    assert!(by_speaker
        .iter()
        .all(|q| q["speaker"].as_str().unwrap().to_lowercase().contains(&stem)));
    let about = json_lines(chronicle(store()).args(["quotes", "--about", "sanctions", "--json"]));
    assert!(about
        .iter()
        .all(|q| q["text"].as_str().unwrap().to_lowercase().contains("sanction")));
    let table = stdout(chronicle(store()).args(["quotes", "--limit", "2"]));
    assert!(table.contains("speaker"), "{table}");
}

#[test]
fn export_gdelt_has_61_columns_and_zero_padded_codes() {
    let tsv = stdout(chronicle(store()).args(["export", "--format", "gdelt"]));
    let lines: Vec<&str> = tsv.lines().collect();
    assert!(lines.len() > 20);
    for line in &lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61, "{line}");
        assert_eq!(cols[1].len(), 8, "SQLDATE YYYYMMDD: {line}");
        let (code, base, root) = (cols[26], cols[27], cols[28]);
        assert!(
            code.len() >= 3 && code.starts_with(root) && code.starts_with(base),
            "{line}"
        );
        assert_eq!(root.len(), 2, "roots keep their leading zero: {line}");
        assert!(("1"..="4").contains(&cols[29]), "QuadClass: {line}");
    }
}

#[test]
fn export_plover_records_have_the_manual_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.plover.jsonl");
    chronicle(store())
        .args(["export", "--format", "plover", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("exported"));
    let text = std::fs::read_to_string(&out).unwrap();
    let records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!records.is_empty());
    for r in &records {
        for field in [
            "id",
            "date",
            "event_type",
            "mode",
            "source_actor",
            "target_actor",
            "text",
            "story_id",
        ] {
            assert!(r.get(field).is_some(), "{field} in {r}");
        }
        assert!(
            r["event_type"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_uppercase()),
            "{r}"
        );
    }
}

#[test]
fn export_parquet_reads_back_with_one_row_per_event() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.parquet");
    chronicle(store())
        .args(["export", "--format", "parquet", "--dyad", "USA:RUS", "--out"])
        .arg(&out)
        .assert()
        .success();
    let reader = SerializedFileReader::new(std::fs::File::open(&out).unwrap()).unwrap();
    let meta = reader.metadata();
    let listed = json_lines(chronicle(store()).args(["events", "--dyad", "USA:RUS", "--limit", "0", "--json"]));
    assert_eq!(meta.file_metadata().num_rows() as usize, listed.len());
    let columns: Vec<String> = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    for column in [
        "event_id",
        "date",
        "source_actor",
        "target_actor",
        "cameo",
        "goldstein",
        "evidence",
    ] {
        assert!(columns.iter().any(|c| c == column), "{column} in {columns:?}");
    }
}

#[test]
fn export_jsonl_with_filters_and_limit() {
    let rows = json_lines(chronicle(store()).args(["export", "--format", "jsonl", "--quad", "4", "--limit", "3"]));
    assert!(!rows.is_empty() && rows.len() <= 3);
    assert!(rows.iter().all(|r| r["quad_class"] == 4 && r["evidence"].is_string()));
}

#[test]
fn db_flag_wins_over_the_environment_and_help_teaches() {
    chronicle(Path::new("/nonexistent/elsewhere.db"))
        .args(["events", "--limit", "1", "--db"])
        .arg(store())
        .assert()
        .success();
    for command in ["ingest", "search", "events", "timeline", "actor", "quotes", "export"] {
        chronicle(store())
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--db")));
    }
}
