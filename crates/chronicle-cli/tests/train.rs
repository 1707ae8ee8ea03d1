//! `chronicle train`: a tagger and a parser trained on a tiny treebank we wrote, twice with the
//! same seed (the same bytes), and the errors a user meets first.

use std::path::Path;
use std::process::Command;

const TREEBANK: &str = "\
# text = Russia warned Ukraine.
1\tRussia\tRussia\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\twarned\twarn\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tUkraine\tUkraine\tPROPN\tNNP\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = The talks ended.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttalks\ttalk\tNOUN\tNNS\tNumber=Plur\t3\tnsubj\t_\t_
3\tended\tend\tVERB\tVBD\tTense=Past\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

fn chronicle(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("chronicle runs")
}

#[test]
fn tagger_and_parser_train_reproducibly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tiny.conllu"), TREEBANK).unwrap();
    let base = ["--train", "tiny.conllu", "--dev", "tiny.conllu", "--epochs", "2"];
    for out in ["t1", "t2"] {
        let args: Vec<&str> = ["train", "tagger"]
            .iter()
            .chain(&base)
            .copied()
            .chain(["--out", out])
            .collect();
        let run = chronicle(dir.path(), &args);
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("epoch  1: dev UPOS"), "dev scores per epoch: {stderr}");
    }
    let model = |d: &str| std::fs::read(dir.path().join(d).join("model.bin")).unwrap();
    assert_eq!(model("t1"), model("t2"), "same data and seed, same model");
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("t1/meta.json")).unwrap()).unwrap();
    assert!(meta.is_object());

    let args: Vec<&str> = ["train", "parser"]
        .iter()
        .chain(&base)
        .copied()
        .chain(["--tagger", "t1", "--out", "p1"])
        .collect();
    let run = chronicle(dir.path(), &args);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(dir.path().join("p1/model.bin").is_file());
}

#[test]
fn a_missing_file_or_dev_set_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = chronicle(dir.path(), &["train", "ner", "--train", "nope.conll", "--out", "m"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("nope.conll: no such file"));

    std::fs::write(dir.path().join("tiny.conllu"), TREEBANK).unwrap();
    let run = chronicle(dir.path(), &["train", "tagger", "--train", "tiny.conllu", "--out", "m"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("needs --dev"));

    let run = chronicle(dir.path(), &["train", "tagger", "--out", "m"]);
    assert_eq!(run.status.code(), Some(2), "clap usage error");
}
