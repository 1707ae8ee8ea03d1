//! Training on a tiny hand-written treebank: the whole train → save → load → analyze path,
//! reproducibility, and clear errors for damaged model files. Needs no external data.

use std::path::{Path, PathBuf};

use chronicle_syntax::parser::Parser;
use chronicle_syntax::tagger::Tagger;
use chronicle_syntax::train::{train, ModelKind, TrainConfig};
use chronicle_syntax::{conllu, SyntaxModels, PARSER_DIR, TAGGER_DIR};

/// Eight sentences written for this test (not from any treebank).
const TINY: &str = "\
# text = The minister met the envoy.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	met	meet	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	envoy	envoy	NOUN	NN	_	3	obj	_	_
6	.	.	PUNCT	.	_	3	punct	_	_

# text = Rebels attacked the town on Monday.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	on	on	ADP	IN	_	6	case	_	_
6	Monday	Monday	PROPN	NNP	_	2	obl:tmod	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

# text = Police arrested two protesters.
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	protesters	protester	NOUN	NNS	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

# text = The talks were held in Geneva.
1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	4	nsubj:pass	_	_
3	were	be	AUX	VBD	_	4	aux:pass	_	_
4	held	hold	VERB	VBN	_	0	root	_	_
5	in	in	ADP	IN	_	6	case	_	_
6	Geneva	Geneva	PROPN	NNP	_	4	obl	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

# text = Sanders criticized the plan.
1	Sanders	Sanders	PROPN	NNP	_	2	nsubj	_	_
2	criticized	criticize	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	plan	plan	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

# text = Leaders who met agreed.
1	Leaders	leader	NOUN	NNS	_	4	nsubj	_	_
2	who	who	PRON	WP	_	3	nsubj	_	_
3	met	meet	VERB	VBD	_	1	acl:relcl	_	_
4	agreed	agree	VERB	VBD	_	0	root	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

# text = The army withdrew troops from the border.
1	The	the	DET	DT	_	2	det	_	_
2	army	army	NOUN	NN	_	3	nsubj	_	_
3	withdrew	withdraw	VERB	VBD	_	0	root	_	_
4	troops	troop	NOUN	NNS	_	3	obj	_	_
5	from	from	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	border	border	NOUN	NN	_	3	obl	_	_
8	.	.	PUNCT	.	_	3	punct	_	_

# text = Merkel visited Paris on Friday.
1	Merkel	Merkel	PROPN	NNP	_	2	nsubj	_	_
2	visited	visit	VERB	VBD	_	0	root	_	_
3	Paris	Paris	PROPN	NNP	_	2	obj	_	_
4	on	on	ADP	IN	_	5	case	_	_
5	Friday	Friday	PROPN	NNP	_	2	obl	_	_
6	.	.	PUNCT	.	_	2	punct	_	_

";

fn scratch_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("chronicle-syntax-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A few word clusters written for this test (bit paths as in `data/ner/clusters.txt`).
const TINY_CLUSTERS: &str =
    "# test clusters\nthe\t0010\nminister\t1100\nenvoy\t1101\nmet\t0111\nvisited\t01101\nParis\t10010\nGeneva\t10011\n";

fn train_tiny(dir: &Path) -> (PathBuf, PathBuf) {
    let data = dir.join("tiny.conllu");
    std::fs::write(&data, TINY).unwrap();
    let clusters = dir.join("clusters.txt");
    std::fs::write(&clusters, TINY_CLUSTERS).unwrap();
    let mut out = Vec::new();
    for (kind, sub) in [(ModelKind::Tagger, TAGGER_DIR), (ModelKind::Parser, PARSER_DIR)] {
        let mut c = TrainConfig::new(kind, vec![data.clone()], data.clone(), dir.join("models").join(sub));
        c.epochs = 8;
        c.prune = 0.0;
        c.clusters = Some(clusters.clone());
        let mut lines = Vec::new();
        let r = train(&c, &mut |l| lines.push(l.to_string())).unwrap();
        assert!(lines.iter().any(|l| l.starts_with("epoch  1:")), "{lines:?}");
        assert!(r.best_epoch >= 1 && r.model_bytes > 0);
        for f in ["model.bin", "meta.json", "README.md"] {
            assert!(c.out.join(f).exists(), "{f} written");
        }
        out.push(c.out.join("model.bin"));
    }
    (out[0].clone(), out[1].clone())
}

#[test]
fn trains_saves_loads_and_analyzes() {
    let dir = scratch_dir("train");
    let (tagger_bin, parser_bin) = train_tiny(&dir);
    let models = SyntaxModels::from_dir(dir.join("models")).unwrap();
    // The training sentences themselves are learned.
    let gold = conllu::parse("tiny", TINY).unwrap();
    let mut right = 0;
    let mut heads = 0;
    let mut total = 0;
    for s in &gold {
        let a = models.analyze(&s.forms());
        for (w, a) in s.words.iter().zip(&a) {
            total += 1;
            right += usize::from(a.xpos == w.xpos);
            heads += usize::from(a.head.map_or(0, |h| h + 1) == w.head);
        }
        assert_eq!(a.iter().filter(|x| x.head.is_none()).count(), 1, "one root");
    }
    assert!(right * 10 >= total * 9, "tags {right}/{total}");
    assert!(heads * 10 >= total * 8, "heads {heads}/{total}");
    let a = models.analyze(&["The", "minister", "met", "the", "envoy", "."]);
    assert_eq!(a[1].deprel, "nsubj");
    assert_eq!(a[1].head, Some(2));
    assert_eq!(a[2].lemma, "meet");
    assert_eq!(a[1].upos, Some(chronicle_doc::Upos::Noun));

    // Same seed → same bytes.
    let first_t = std::fs::read(&tagger_bin).unwrap();
    let first_p = std::fs::read(&parser_bin).unwrap();
    let dir2 = scratch_dir("again");
    let (t2, p2) = train_tiny(&dir2);
    assert!(first_t == std::fs::read(t2).unwrap(), "tagger is reproducible");
    assert!(first_p == std::fs::read(p2).unwrap(), "parser is reproducible");

    // Save/load round trip keeps the model byte for byte.
    let t = Tagger::load("t", &first_t).unwrap();
    assert!(t.to_bytes() == first_t);
    let p = Parser::load("p", &first_p).unwrap();
    assert!(p.to_bytes() == first_p);

    // Damaged files are clear errors naming the file.
    let e = Tagger::load("data/models/tagger-en-ud/model.bin", &first_t[..first_t.len() / 2]).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("data/models/tagger-en-ud/model.bin: truncated"),
        "{e}"
    );
    let mut bad = first_p.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    let e = Parser::load("parser.bin", &bad).unwrap_err();
    assert!(
        e.to_string().contains("parser.bin") && e.message.contains("checksum"),
        "{e}"
    );
    assert!(Parser::load("x", &first_t).is_err(), "a tagger file is not a parser");
    std::fs::write(&parser_bin, &bad).unwrap();
    let e = SyntaxModels::from_dir(dir.join("models")).expect_err("corrupt file rejected");
    assert!(e.file.ends_with("parser-en-ud/model.bin"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}

#[test]
fn missing_cluster_file_is_named() {
    let dir = scratch_dir("noclusters");
    let data = dir.join("tiny.conllu");
    std::fs::write(&data, TINY).unwrap();
    let mut c = TrainConfig::new(ModelKind::Tagger, vec![data.clone()], data, dir.join("out"));
    c.clusters = Some(dir.join("missing-clusters.txt"));
    let e = train(&c, &mut |_| {}).unwrap_err();
    assert!(e.to_string().contains("missing-clusters.txt"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_pass_tagger_trains_saves_and_loads() {
    let dir = scratch_dir("twopass");
    let data = dir.join("tiny.conllu");
    std::fs::write(&data, TINY).unwrap();
    let mut c = TrainConfig::new(ModelKind::Tagger, vec![data.clone()], data.clone(), dir.join("out"));
    c.epochs = 6;
    c.prune = 0.0;
    c.second_pass = 2;
    let mut lines = Vec::new();
    train(&c, &mut |l| lines.push(l.to_string())).unwrap();
    assert!(
        lines.iter().any(|l| l.starts_with("second pass epoch  1:")),
        "{lines:?}"
    );
    assert!(c.command().contains("--second-pass 2"));
    let bytes = std::fs::read(c.out.join("model.bin")).unwrap();
    let mut t = Tagger::load("model.bin", &bytes).unwrap();
    assert!(t.two_pass());
    assert_eq!(t.second_gate(), f32::INFINITY);
    let words = ["The", "army", "visited", "Geneva", "."];
    let mut scratch = chronicle_syntax::tagger::TagScratch::default();
    let all = t.tag(&words, &mut scratch);
    assert_eq!(all.len(), words.len());
    assert_eq!(t.tags.xpos[all[1] as usize], "NN");
    // A zero gate keeps every first-pass tag: the same as the first pass alone.
    t.set_second_gate(0.0);
    assert_eq!(t.tag(&words, &mut scratch).len(), words.len());
    // A damaged file still fails with the file's name.
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() - 3);
    assert!(Tagger::load("model.bin", &cut)
        .unwrap_err()
        .to_string()
        .contains("model.bin"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn mixed_leave_one_out_tagger_trains_and_is_reproducible() {
    let dir = scratch_dir("mix");
    let data = dir.join("tiny.conllu");
    std::fs::write(&data, TINY).unwrap();
    let mut c = TrainConfig::new(ModelKind::Tagger, vec![data.clone()], data.clone(), dir.join("out"));
    c.epochs = 6;
    c.prune = 0.0;
    c.mix = 3;
    c.leave_one_out = true;
    train(&c, &mut |_| {}).unwrap();
    assert!(c.command().contains("--mix 3 --leave-one-out 1"), "{}", c.command());
    let bytes = std::fs::read(c.out.join("model.bin")).unwrap();
    let t = Tagger::load("model.bin", &bytes).unwrap();
    let words = ["The", "army", "visited", "Geneva", "."];
    let tags = t.tag(&words, &mut chronicle_syntax::tagger::TagScratch::default());
    assert_eq!(t.tags.xpos[tags[1] as usize], "NN");
    // Same data, seed and options: the same file.
    c.out = dir.join("again");
    train(&c, &mut |_| {}).unwrap();
    assert_eq!(std::fs::read(c.out.join("model.bin")).unwrap(), bytes);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A parser trained on mixed leave-one-out jackknife taggers with runner-up tag features
/// keeps its gate through a save and load, analyzes through the pipeline, and retrains to the
/// same bytes; a parser without the features has no gate.
#[test]
fn parser_with_runner_up_tags_trains_saves_and_loads() {
    let dir = scratch_dir("alts");
    let data = dir.join("tiny.conllu");
    std::fs::write(&data, TINY).unwrap();
    let models = dir.join("models");
    let mut c = TrainConfig::new(
        ModelKind::Tagger,
        vec![data.clone()],
        data.clone(),
        models.join(TAGGER_DIR),
    );
    c.epochs = 6;
    c.prune = 0.0;
    train(&c, &mut |_| {}).unwrap();
    let mut c = TrainConfig::new(
        ModelKind::Parser,
        vec![data.clone()],
        data.clone(),
        models.join(PARSER_DIR),
    );
    c.epochs = 8;
    c.prune = 0.0;
    c.mix = 2;
    c.leave_one_out = true;
    c.alt_gate = Some(1e9);
    c.tagger = Some(models.join(TAGGER_DIR));
    let mut lines = Vec::new();
    train(&c, &mut |l| lines.push(l.to_string())).unwrap();
    assert!(
        c.command()
            .contains("--jackknife 2 --mix 2 --leave-one-out 1 --alt-gate 1000000000"),
        "{}",
        c.command()
    );
    assert!(lines.iter().any(|l| l.contains("runner-up tags on")), "{lines:?}");
    let bytes = std::fs::read(c.out.join("model.bin")).unwrap();
    let p = Parser::load("model.bin", &bytes).unwrap();
    assert_eq!(p.alt_gate(), Some(1e9));
    assert!(p.to_bytes() == bytes);
    let m = SyntaxModels::from_dir(&models).unwrap();
    let a = m.analyze(&["The", "minister", "met", "the", "envoy", "."]);
    assert_eq!(a.iter().filter(|x| x.head.is_none()).count(), 1, "one root");
    assert_eq!(a[1].head, Some(2));
    c.out = dir.join("again");
    train(&c, &mut |_| {}).unwrap();
    assert!(std::fs::read(c.out.join("model.bin")).unwrap() == bytes, "reproducible");
    c.alt_gate = None;
    c.out = dir.join("plain");
    train(&c, &mut |_| {}).unwrap();
    let plain = Parser::load("plain", &std::fs::read(c.out.join("model.bin")).unwrap()).unwrap();
    assert_eq!(plain.alt_gate(), None);
    let _ = std::fs::remove_dir_all(&dir);
}
