//! Trains on a tiny hand-written CoNLL snippet and checks the whole loop: training, the
//! written model file, loading it, tagging, and failing clearly on a damaged file.

use chronicle_doc::EntityKind::*;
use chronicle_ner::train::{train, TrainConfig};
use chronicle_ner::NerModel;

/// Our own sentences in CoNLL-2003 layout (token POS chunk IOB1-label).
const SNIPPET: &str = "\
-DOCSTART- -X- -X- O

Maria X X I-PER
Lopez X X I-PER
flew X X O
to X X O
Madrid X X I-LOC
. X X O

The X X O
Acme X X I-ORG
Corp X X I-ORG
hired X X O
Maria X X I-PER
Lopez X X I-PER
. X X O

-DOCSTART- -X- -X- O

Tom X X I-PER
Berg X X I-PER
visited X X O
Madrid X X I-LOC
with X X O
Acme X X I-ORG
Corp X X I-ORG
staff X X O
. X X O

Tom X X I-PER
Berg X X I-PER
likes X X O
Spanish X X I-MISC
food X X O
. X X O
";

#[test]
fn trains_saves_loads_and_tags() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("tiny.conll");
    std::fs::write(&data, SNIPPET).unwrap();
    let config = TrainConfig {
        train: vec![data.clone()],
        dev: Some(data.clone()),
        out: dir.path().join("model"),
        epochs: 8,
        seed: 7,
    };
    let mut lines = Vec::new();
    let report = train(&config, &mut |l| lines.push(l.to_string())).unwrap();
    assert_eq!(report.epochs.len(), 8);
    assert!(lines.iter().any(|l| l.starts_with("epoch 1:")), "{lines:?}");
    assert!(report.dev.unwrap().micro.f1() > 0.99, "fits its training data");
    assert!(dir.path().join("model/meta.json").exists());

    // Reproducible: same seed, same bytes.
    let again = TrainConfig {
        out: dir.path().join("model2"),
        ..config.clone()
    };
    train(&again, &mut |_| {}).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("model/model.bin")).unwrap(),
        std::fs::read(dir.path().join("model2/model.bin")).unwrap()
    );

    let model = NerModel::from_path(&report.model_path).unwrap();
    let found = model.tag_sentence(&["Tom", "Berg", "visited", "Madrid", "."]);
    assert_eq!(found, vec![(0, 2, Person), (3, 4, Place)]);
    let docs = model.tag_document(&[
        vec!["Maria", "Lopez", "flew", "to", "Madrid", "."],
        vec![],
        vec!["The", "Acme", "Corp", "hired", "Tom", "Berg", "."],
    ]);
    assert_eq!(docs.len(), 3);
    assert!(docs[1].is_empty());
    assert!(docs[2].contains(&(1, 3, Organization)), "{docs:?}");
}

#[test]
fn damaged_model_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.bin");
    std::fs::write(&path, b"CHRNER\r\n\x01\x00\x00\x00garbage").unwrap();
    let e = NerModel::from_path(&path).unwrap_err();
    assert!(e.to_string().contains("bad.bin"), "{e}");
    let e = NerModel::from_path(dir.path().join("missing.bin")).unwrap_err();
    assert!(e.to_string().contains("missing.bin: cannot read"), "{e}");
}

#[test]
fn bad_training_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("bad.conll");
    std::fs::write(&data, "Paris X X I-CITY\n").unwrap();
    let config = TrainConfig {
        train: vec![data],
        out: dir.path().join("m"),
        ..TrainConfig::default()
    };
    let e = train(&config, &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("bad.conll:1"), "{e}");
}
