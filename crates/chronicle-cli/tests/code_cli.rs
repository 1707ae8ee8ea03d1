//! `chronicle code` end to end: the binary on fixtures we write here.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const WIRE: &str = " date 2022-03-04 Officials met in Oslo on Friday.\n\nThey said \"talks went well\".\n\n/ABC";

fn chronicle(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the chronicle binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn records(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is a JSON record"))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn wire_file_gives_exact_id_date_source_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "000_test.txt", WIRE.as_bytes());
    let out = chronicle(&["code", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["id"], "000_test");
    assert_eq!(recs[0]["date"], "2022-03-04");
    assert_eq!(recs[0]["source"], "ABC");
    assert_eq!(
        recs[0]["text"],
        "Officials met in Oslo on Friday.\n\nThey said \"talks went well\"."
    );
    for layer in ["entities", "times", "quotes", "places", "events"] {
        assert!(recs[0][layer].is_array(), "{layer} is an array");
    }
}

#[test]
fn jsonl_on_stdin_keeps_input_order_at_any_thread_count() {
    let input: String = (0..600)
        .map(|i| {
            format!(
                "{{\"id\":\"doc-{i}\",\"date\":\"2020-01-01\",\"text\":\"Story {i} {}.\"}}\n",
                "word ".repeat(i % 50)
            )
        })
        .collect();
    let one = chronicle(&["code", "--threads", "1"], input.as_bytes());
    let two = chronicle(&["code", "--threads", "2", "-"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(
        one.stdout, two.stdout,
        "byte-identical output whatever the thread count"
    );
    let ids: Vec<String> = records(&one)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..600).map(|i| format!("doc-{i}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn bad_inputs_are_named_kept_and_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", WIRE.as_bytes());
    let no_date = write(dir.path(), "nodate.txt", b"No date line here.\n/ABC");
    let jsonl = write(
        dir.path(),
        "mixed.jsonl",
        b"{\"id\":\"ok\",\"date\":\"2020-01-01\",\"text\":\"Fine.\"}\n{\"id\":\"broken\",\n{\"id\":\"u\",\"date\":\"2020-01-01\",\"text\":\"caf\xe9\"}\n",
    );
    let rejects = dir.path().join("rejects.txt");
    let out = chronicle(
        &["code", &no_date, &good, &jsonl, "--rejects", rejects.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(3), "some inputs rejected: {}", stderr(&out));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["good", "ok"]);
    let err = stderr(&out);
    assert!(err.contains("nodate.txt:1:"), "{err}");
    assert!(
        err.contains("mixed.jsonl:2:") && err.contains("[malformed-json]"),
        "{err}"
    );
    assert!(
        err.contains("mixed.jsonl:3:") && err.contains("[invalid-utf8]"),
        "{err}"
    );
    let kept = std::fs::read(&rejects).unwrap();
    assert_eq!(
        kept,
        b"No date line here.\n/ABC\n{\"id\":\"broken\",\n{\"id\":\"u\",\"date\":\"2020-01-01\",\"text\":\"caf\xe9\"}\n"
    );
}

#[test]
fn strict_stops_at_the_first_reject() {
    let input = b"{\"id\":\"a\",\"date\":\"2020-01-01\",\"text\":\"One.\"}\nnot json\n{\"id\":\"b\",\"date\":\"2020-01-01\",\"text\":\"Two.\"}\n";
    let out = chronicle(&["code", "--strict", "--threads", "1"], input);
    assert_eq!(out.status.code(), Some(3));
    let ids: Vec<_> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["a"], "nothing after the first reject");
    assert!(stderr(&out).contains("--strict"));
}

#[test]
fn output_file_and_pretty_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", WIRE.as_bytes());
    let target = dir.path().join("out.json");
    let out = chronicle(&["code", &path, "--pretty", "-o", target.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.lines().count() > 5, "pretty output spans lines");
    let record: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(record["id"], "a");
}

#[test]
fn unreadable_output_is_an_error() {
    let out = chronicle(&["code", "-o", "/nonexistent-dir/out.jsonl"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot create output file"), "{}", stderr(&out));
}

#[test]
fn wrong_arguments_exit_with_usage_code() {
    let out = chronicle(&["code", "--threads", "many"], b"");
    assert_eq!(out.status.code(), Some(2));
}
