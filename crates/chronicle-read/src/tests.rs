use std::io::Write;
use std::path::Path;

use proptest::prelude::*;

use crate::{Article, Format, Inputs, Item, ReadOptions, Reject, RejectReason};

const WIRE: &str = " date 2022-03-04 Leaders met in Oslo on Friday.\n\nThey said \"talks went well\".\n\n/ABC";

fn read(paths: &[&Path]) -> (Vec<Article>, Vec<Reject>) {
    read_with(paths, ReadOptions::default())
}

fn read_with(paths: &[&Path], options: ReadOptions) -> (Vec<Article>, Vec<Reject>) {
    let (mut articles, mut rejects) = (Vec::new(), Vec::new());
    for item in Inputs::new(paths, options) {
        match item {
            Item::Article(a) => articles.push(a),
            Item::Reject(r) => rejects.push(r),
        }
    }
    (articles, rejects)
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn wire_article_has_body_without_markers() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "000_abc.txt", WIRE.as_bytes());
    let (articles, rejects) = read(&[&path]);
    assert!(rejects.is_empty(), "{rejects:?}");
    let a = &articles[0];
    assert_eq!(a.meta.id, "000_abc");
    assert_eq!(a.meta.date_text, "2022-03-04");
    assert_eq!(a.meta.source.as_deref(), Some("ABC"));
    assert_eq!(
        a.text,
        "Leaders met in Oslo on Friday.\n\nThey said \"talks went well\"."
    );
    assert_eq!(a.origin.line, 1);
}

#[test]
fn several_wire_articles_get_numbered_ids() {
    let dir = tempfile::tempdir().unwrap();
    let two = format!("{WIRE}\n \ndate 2022-03-05 Second story.\n/XYZ\n");
    let path = file(dir.path(), "batch.txt", two.as_bytes());
    let (articles, rejects) = read(&[&path]);
    assert!(rejects.is_empty(), "{rejects:?}");
    let ids: Vec<_> = articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["batch#1", "batch#2"]);
    assert_eq!(articles[1].text, "Second story.");
    assert_eq!(articles[1].meta.source.as_deref(), Some("XYZ"));
    assert_eq!(articles[1].origin.line, 7);
}

#[test]
fn wire_article_without_source_line_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "a.txt", b"date 2020-01-02 Text only.\n");
    let (articles, _) = read(&[&path]);
    assert_eq!(articles[0].meta.source, None);
    assert_eq!(articles[0].text, "Text only.");
}

#[test]
fn bad_wire_inputs_are_rejected_and_the_rest_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], RejectReason); 6] = [
        ("1-nodate.txt", b"Just some text.\n/ABC", RejectReason::MissingDate),
        ("2-baddate.txt", b" date 2021-13-45 Text.\n/ABC", RejectReason::BadDate),
        ("3-worddate.txt", b" date yesterday Text.\n/ABC", RejectReason::BadDate),
        ("4-empty.txt", b" date 2021-01-01 \n\n/ABC", RejectReason::EmptyText),
        (
            "5-utf8.txt",
            b" date 2021-01-01 Caf\xe9 au lait.\n/ABC",
            RejectReason::InvalidUtf8,
        ),
        ("6-nul.txt", b" date 2021-01-01 Bin\x00ary.\n/ABC", RejectReason::Binary),
    ];
    let mut paths = Vec::new();
    for (name, bytes, _) in &cases {
        paths.push(file(dir.path(), name, bytes));
    }
    paths.push(file(dir.path(), "7-good.txt", WIRE.as_bytes()));
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let (articles, rejects) = read(&refs);
    assert_eq!(articles.len(), 1, "the good article is still read");
    let reasons: Vec<_> = rejects.iter().map(|r| r.reason).collect();
    let expected: Vec<_> = cases.iter().map(|c| c.2).collect();
    assert_eq!(reasons, expected);
    for (reject, (name, bytes, _)) in rejects.iter().zip(&cases) {
        assert!(reject.origin.file.ends_with(name), "{reject}");
        assert_eq!(reject.origin.line, 1);
        assert_eq!(
            String::from_utf8_lossy(&reject.raw).trim_end(),
            String::from_utf8_lossy(bytes),
            "kept verbatim"
        );
    }
}

#[test]
fn jsonl_reads_documents_and_rejects_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "a", "date": "2021-12-31", "text": "Hello there.", "source": "AP"}"#,
        r#"{"id": "b", "date": "2021-12-31T23:10:00+02:00", "text": "  kept exactly  "}"#,
        "",
        r#"{"id": "c", "text": "no date"}"#,
        r#"{"id": "d", "date": "31/12/2021", "text": "bad date"}"#,
        r#"{"id": "e", "date": "2021-12-31", "text": "   "}"#,
        r#"{"id": "f", "date": "2021-12-31", "text": "cut"#,
        r#"{"date": "2021-12-31", "text": "no id"}"#,
        r#"[1, 2]"#,
        r#"{"id": 7, "date": "2021-12-31", "text": "numeric id"}"#,
    ];
    let path = file(dir.path(), "in.jsonl", lines.join("\n").as_bytes());
    let (articles, rejects) = read(&[&path]);
    let ids: Vec<_> = articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "7"]);
    assert_eq!(articles[1].text, "  kept exactly  ");
    assert_eq!(articles[1].meta.date.to_string(), "2021-12-31");
    assert_eq!(articles[1].meta.date_text, "2021-12-31T23:10:00+02:00");
    let got: Vec<_> = rejects.iter().map(|r| (r.origin.line, r.reason)).collect();
    assert_eq!(
        got,
        [
            (4, RejectReason::MissingDate),
            (5, RejectReason::BadDate),
            (6, RejectReason::EmptyText),
            (7, RejectReason::MalformedJson),
            (8, RejectReason::MissingField),
            (9, RejectReason::MalformedJson),
        ]
    );
    assert_eq!(
        rejects[3].raw,
        lines[6].as_bytes(),
        "the rejected line is kept verbatim"
    );
}

#[test]
fn jsonl_rejects_invalid_utf8_and_over_long_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"{\"id\": \"u\", \"date\": \"2021-12-31\", \"text\": \"caf\xe9\"}\n".to_vec();
    let long_text = "x".repeat(50 << 20);
    let long_line = format!("{{\"id\": \"long\", \"date\": \"2021-12-31\", \"text\": \"{long_text}\"}}");
    bytes.extend_from_slice(long_line.as_bytes());
    bytes.push(b'\n');
    bytes.extend_from_slice(b"{\"id\": \"ok\", \"date\": \"2021-12-31\", \"text\": \"fine\"}");
    let path = file(dir.path(), "in.jsonl", &bytes);
    let (articles, rejects) = read(&[&path]);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].meta.id, "ok");
    assert_eq!(rejects[0].reason, RejectReason::InvalidUtf8);
    assert_eq!(rejects[1].reason, RejectReason::TooLong);
    assert_eq!(rejects[1].origin.line, 2);
    assert!(rejects[1].detail.contains("--max-bytes"), "{}", rejects[1].detail);
    assert_eq!(rejects[1].raw, long_line.as_bytes(), "the whole long line is kept");
}

#[test]
fn directories_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("b")).unwrap();
    file(&dir.path().join("b"), "z.txt", b"date 2020-01-01 From b/z.\n/X");
    file(dir.path(), "c.txt", b"date 2020-01-01 From c.\n/X");
    file(
        dir.path(),
        "a.jsonl",
        br#"{"id":"from-a","date":"2020-01-01","text":"From a."}"#,
    );
    file(dir.path(), "README.txt", b"Not an article.");
    file(dir.path(), "notes.md", b"Ignored: not an article extension.");
    file(dir.path(), ".hidden.txt", b"Ignored: hidden.");
    let (articles, rejects) = read(&[dir.path()]);
    assert!(rejects.is_empty(), "{rejects:?}");
    let ids: Vec<_> = articles.iter().map(|a| a.meta.id.as_str()).collect();
    assert_eq!(ids, ["from-a", "z", "c"]);
}

#[test]
fn gzip_files_are_read_through() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt.gz");
    let mut gz = flate2::write::GzEncoder::new(std::fs::File::create(&path).unwrap(), flate2::Compression::fast());
    gz.write_all(WIRE.as_bytes()).unwrap();
    gz.finish().unwrap();
    let (articles, rejects) = read(&[&path]);
    assert!(rejects.is_empty(), "{rejects:?}");
    assert_eq!(articles[0].meta.id, "story");
}

#[test]
fn missing_paths_and_junk_files_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let junk = file(dir.path(), "junk.bin", &[0x7f, b'E', b'L', b'F', 0, 1, 2, 0xff]);
    let text = file(dir.path(), "notes", b"plain words, no format\n");
    std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("dangling.txt")).unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone"), sub.join("dangling.txt")).unwrap();
    let (articles, rejects) = read(&[&missing, &junk, &text, &sub]);
    assert!(articles.is_empty());
    let reasons: Vec<_> = rejects.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        [
            RejectReason::Unreadable,
            RejectReason::Binary,
            RejectReason::NotAnArticle,
            RejectReason::Unreadable
        ]
    );
    assert_eq!(rejects[1].raw.len(), 8, "junk kept verbatim");
    assert!(rejects[0].to_string().contains("nope"), "{}", rejects[0]);
}

#[test]
fn a_symlink_loop_is_rejected_and_a_fifo_in_a_folder_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    file(dir.path(), "ok.txt", WIRE.as_bytes());
    let (articles, rejects) = read(&[dir.path()]);
    assert_eq!(articles.len(), 1, "the readable article is read");
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0].reason, RejectReason::Unreadable);
    assert!(rejects[0].origin.file.ends_with("loop.txt"), "{}", rejects[0]);
    assert!(
        made || !fifo.exists(),
        "mkfifo is optional; when present the FIFO must not block the walk"
    );
}

#[test]
fn format_is_chosen_by_name_then_content() {
    assert_eq!(Format::from_name("a.jsonl.gz"), Some(Format::JsonLines));
    assert_eq!(Format::from_name("A.TXT"), Some(Format::Wire));
    assert_eq!(Format::from_name("a.sgm"), None);
    assert_eq!(Format::sniff(b"  \n{\"id\""), Some(Format::JsonLines));
    assert_eq!(Format::sniff(b" date 2021"), Some(Format::Wire));
    assert_eq!(Format::sniff(b"hello"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any bytes at all, named as either format: no panic, and every article's text is
    /// non-empty UTF-8 whose date parsed.
    #[test]
    fn any_bytes_never_panic_the_readers(bytes in proptest::collection::vec(any::<u8>(), 0..400), wire in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let name = if wire { "x.txt" } else { "x.jsonl" };
        let path = file(dir.path(), name, &bytes);
        let (articles, _) = read(&[&path]);
        for a in articles {
            prop_assert!(!a.text.trim().is_empty());
        }
    }

    #[test]
    fn wire_like_bytes_never_panic(body in "( date 20[0-9]{2}-[01][0-9]-[0-3][0-9] )?[a-z .\\n/]{0,80}(\\n/[A-Z]{1,3})?") {
        let dir = tempfile::tempdir().unwrap();
        let path = file(dir.path(), "w.txt", body.as_bytes());
        let (articles, rejects) = read(&[&path]);
        prop_assert!(articles.len() + rejects.len() <= body.lines().count().max(1));
    }
}
