//! Training: `train(config, progress)` reads CoNLL-U, runs seeded perceptron epochs, keeps
//! the epoch that scores best on dev (tagger: UPOS + XPOS; parser: LAS), and writes
//! `model.bin`, `meta.json` and a model card `README.md` into the output directory.
//!
//! Reproducible: the only randomness is the seeded shuffle/exploration generator, maps
//! iterate in a fixed order, and the model bytes hold no date, so the same data, seed and
//! epochs give the same `model.bin`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicle_doc::DataError;
use serde_json::json;

use crate::clusters::Clusters;
use crate::conllu::{self, TreeSentence};
use crate::eval::{alt_keys, evaluate_parser, evaluate_tagger, predicted_tag_alt_keys, predicted_tag_keys, Scores};
use crate::format::sha256_hex;
use crate::hash::Rng;
use crate::models::load_file;
use crate::parser::ParserTrainer;
use crate::tagger::{SecondPassTrainer, Tagger, TaggerTrainer};

/// Which model to train.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelKind {
    Tagger,
    Parser,
}

impl ModelKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ModelKind::Tagger => "tagger",
            ModelKind::Parser => "parser",
        }
    }
}

/// What to train, on what, and where to write it.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub kind: ModelKind,
    pub train: Vec<PathBuf>,
    pub dev: PathBuf,
    /// Output directory (created): receives model.bin, meta.json, README.md.
    pub out: PathBuf,
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights smaller than this are dropped from the saved model.
    pub prune: f32,
    /// Parser only: a tagger model directory used to tag dev, so epochs are chosen on
    /// predicted tags as at run time (gold dev tags otherwise).
    pub tagger: Option<PathBuf>,
    /// Parser only: train on tags predicted by taggers trained on the other folds of a
    /// `jackknife`-fold split (0 or 1: gold tags). A parser trained on gold tags trusts them
    /// too much: on EWT dev it lost 4 UAS points when fed predicted tags.
    pub jackknife: usize,
    /// Word clusters (`word<TAB>bit path` text, e.g. `data/ner/clusters.txt`) whose prefixes
    /// become features; stored in the model file. `None`: no cluster features.
    pub clusters: Option<PathBuf>,
    /// Parser only: use the clusters in the parser too (the tagger always uses them when given).
    pub parser_clusters: bool,
    /// Tagger only: train a second pass that sees the first pass's tags of the right context,
    /// on first-pass tags jackknifed over this many folds (0: one pass only).
    pub second_pass: usize,
    /// Tagger only: the second pass re-tags only words whose first-pass score margin is
    /// below this (stored in the model; `f32::INFINITY`: every word the dictionary leaves).
    pub second_gate: f32,
    /// Train this many tagger models from different seeds and ship the mean of their
    /// averaged weights (1: one model). Parser: the same for each jackknife fold tagger, so
    /// the parser trains on tags like those of a tagger trained with these options.
    pub mix: usize,
    /// Train the tagger with leave-one-out ambiguity classes (see
    /// [`TaggerTrainer::with_options`]). Parser: the same for the jackknife fold taggers.
    pub leave_one_out: bool,
    /// Parser only: add features of the tagger's runner-up tag of `s0` and `b0` where its
    /// score margin is below this (stored in the model; the pipeline then asks the tagger
    /// for runner-ups). `None`: no such features.
    pub alt_gate: Option<f32>,
}

impl TrainConfig {
    /// The defaults used for the shipped models.
    pub fn new(kind: ModelKind, train: Vec<PathBuf>, dev: PathBuf, out: PathBuf) -> TrainConfig {
        let (epochs, prune) = match kind {
            ModelKind::Tagger => (10, 0.05),
            ModelKind::Parser => (12, 1.0),
        };
        let jackknife = if kind == ModelKind::Parser { 2 } else { 0 };
        TrainConfig {
            kind,
            train,
            dev,
            out,
            epochs,
            seed: 1,
            prune,
            tagger: None,
            jackknife,
            clusters: None,
            second_pass: 0,
            second_gate: f32::INFINITY,
            parser_clusters: true,
            mix: 1,
            leave_one_out: false,
            alt_gate: None,
        }
    }

    /// The command line that reproduces this run with the example trainer.
    pub fn command(&self) -> String {
        let mut c = format!(
            "cargo run --release -p chronicle-syntax --example train -- {}",
            self.kind.as_str()
        );
        for t in &self.train {
            c.push_str(&format!(" --train {}", t.display()));
        }
        c.push_str(&format!(" --dev {} --out {}", self.dev.display(), self.out.display()));
        c.push_str(&format!(
            " --epochs {} --seed {} --prune {}",
            self.epochs, self.seed, self.prune
        ));
        if self.kind == ModelKind::Parser {
            c.push_str(&format!(" --jackknife {}", self.jackknife));
        }
        if let Some(p) = &self.clusters {
            c.push_str(&format!(" --clusters {}", p.display()));
            if self.kind == ModelKind::Parser && !self.parser_clusters {
                c.push_str(" --parser-clusters 0");
            }
        }
        if self.kind == ModelKind::Tagger && self.second_pass > 1 {
            c.push_str(&format!(" --second-pass {}", self.second_pass));
            if self.second_gate.is_finite() {
                c.push_str(&format!(" --second-gate {}", self.second_gate));
            }
        }
        let tagger_options = self.kind == ModelKind::Tagger || self.jackknife > 1;
        if tagger_options && self.mix > 1 {
            c.push_str(&format!(" --mix {}", self.mix));
        }
        if tagger_options && self.leave_one_out {
            c.push_str(" --leave-one-out 1");
        }
        if let (ModelKind::Parser, Some(g)) = (self.kind, self.alt_gate) {
            c.push_str(&format!(" --alt-gate {g}"));
        }
        if let Some(t) = &self.tagger {
            c.push_str(&format!(" --tagger {}", t.display()));
        }
        c
    }
}

/// What a training run produced.
#[derive(Clone, Debug)]
pub struct TrainReport {
    pub best_epoch: usize,
    pub dev: Scores,
    pub features: usize,
    pub model_bytes: usize,
    pub seconds: f64,
    pub train_sentences: usize,
    pub train_words: usize,
}

fn io(path: &Path, e: std::io::Error) -> DataError {
    DataError::new(path.display().to_string(), e.to_string())
}

/// Trains a model as configured, reporting progress lines through `progress`.
pub fn train(config: &TrainConfig, progress: &mut dyn FnMut(&str)) -> Result<TrainReport, DataError> {
    let start = Instant::now();
    let train = conllu::read_files(&config.train)?;
    let dev = conllu::read_file(&config.dev)?;
    if train.is_empty() {
        return Err(DataError::new(
            config.train.first().map_or(String::new(), |p| p.display().to_string()),
            "no training sentences",
        ));
    }
    let train_words = train.iter().map(|s| s.words.len()).sum();
    progress(&format!(
        "{}: {} training sentences ({train_words} words), {} dev sentences",
        config.kind.as_str(),
        train.len(),
        dev.len()
    ));
    let clusters = match &config.clusters {
        Some(p) => Clusters::read_file(p)?,
        None => Clusters::default(),
    };
    if !clusters.is_empty() {
        progress(&format!("{} word clusters", clusters.len()));
    }
    let mut rng = Rng::new(config.seed);
    let mut best: Option<(f64, usize, Vec<u8>, Scores, usize)> = None;
    match config.kind {
        ModelKind::Tagger => {
            let new = || TaggerTrainer::with_options(&train, clusters.clone(), config.leave_one_out);
            let mut t = new();
            // `--mix K`: K - 1 more models, each with its own shuffling seed.
            let mut more: Vec<(TaggerTrainer, Rng)> = (1..config.mix.max(1) as u64)
                .map(|j| (new(), Rng::new(config.seed ^ (0x0A11_0000 + j))))
                .collect();
            for epoch in 0..config.epochs {
                t.epoch(&train, &mut rng);
                for (m, r) in &mut more {
                    m.epoch(&train, r);
                }
                let snap = if more.is_empty() {
                    t.snapshot(config.prune)
                } else {
                    let all: Vec<&TaggerTrainer> = std::iter::once(&t).chain(more.iter().map(|m| &m.0)).collect();
                    TaggerTrainer::snapshot_mix(&all, config.prune)
                };
                let s = evaluate_tagger(&snap, &dev);
                let key = s.upos + s.xpos;
                progress(&format!(
                    "epoch {:>2}: dev UPOS {:.2} XPOS {:.2} lemma {:.2} ({} features kept of {}) {:.0}s",
                    epoch + 1,
                    s.upos,
                    s.xpos,
                    s.lemma,
                    snap.n_features(),
                    t.n_features(),
                    start.elapsed().as_secs_f64()
                ));
                if best.as_ref().is_none_or(|b| key > b.0) {
                    best = Some((key, epoch + 1, snap.to_bytes(), s, snap.n_features()));
                }
            }
            if config.second_pass > 1 {
                let (_, first_epoch, first_bytes, _, _) = best.take().expect("at least one epoch");
                let first = Tagger::load("first pass", &first_bytes)?;
                let mut second =
                    SecondPassTrainer::new(&t, &train, config.second_pass, first_epoch, config.seed, progress);
                let mut rng = Rng::new(config.seed ^ 0x005E_C04D);
                for epoch in 0..config.epochs {
                    second.epoch(&t, &train, &mut rng);
                    let snap = second.snapshot(&first, config.prune, config.second_gate);
                    let s = evaluate_tagger(&snap, &dev);
                    let key = s.upos + s.xpos;
                    progress(&format!(
                        "second pass epoch {:>2}: dev UPOS {:.2} XPOS {:.2} ({} features in both passes, {} trained) {:.0}s",
                        epoch + 1,
                        s.upos,
                        s.xpos,
                        snap.n_features(),
                        second.n_features(),
                        start.elapsed().as_secs_f64()
                    ));
                    if best.as_ref().is_none_or(|b| key > b.0) {
                        best = Some((key, epoch + 1, snap.to_bytes(), s, snap.n_features()));
                    }
                }
            }
        }
        ModelKind::Parser => {
            let (dev_tags, dev_alts) = match &config.tagger {
                Some(dir) => {
                    let tagger = load_file(&dir.join("model.bin"), Tagger::load)?;
                    match config.alt_gate {
                        Some(g) => {
                            let (t, a) = predicted_tag_alt_keys(&tagger, &dev, g);
                            (Some(t), a)
                        }
                        None => (Some(predicted_tag_keys(&tagger, &dev)), Vec::new()),
                    }
                }
                None => (None, Vec::new()),
            };
            let tagged;
            let mut alts = Vec::new();
            let train = if config.jackknife > 1 {
                let options = FoldTagger {
                    mix: config.mix.max(1),
                    leave_one_out: config.leave_one_out,
                };
                let gate = config.alt_gate.unwrap_or(0.0);
                (tagged, alts) = jackknife_tags(
                    &train,
                    config.jackknife,
                    config.seed,
                    &clusters,
                    options,
                    gate,
                    progress,
                );
                &tagged
            } else {
                &train
            };
            let parser_clusters = if config.parser_clusters {
                clusters
            } else {
                Clusters::default()
            };
            let mut p = ParserTrainer::new(train, parser_clusters, config.alt_gate);
            for epoch in 0..config.epochs {
                p.epoch(train, &alts, epoch, &mut rng);
                let snap = p.snapshot(config.prune);
                let s = evaluate_parser(&snap, &dev, dev_tags.as_deref(), &dev_alts);
                progress(&format!(
                    "epoch {:>2}: dev UAS {:.2} LAS {:.2} (full labels {:.2}) ({} features kept of {}, {} bytes) {:.0}s",
                    epoch + 1, s.uas, s.las, s.las_full, snap.n_features(), p.n_features(), snap.to_bytes().len(), start.elapsed().as_secs_f64()
                ));
                if best.as_ref().is_none_or(|b| s.las > b.0) {
                    best = Some((s.las, epoch + 1, snap.to_bytes(), s, snap.n_features()));
                }
            }
        }
    }
    let (_, best_epoch, bytes, scores, features) =
        best.ok_or_else(|| DataError::new(config.dev.display().to_string(), "epochs must be at least 1"))?;
    progress(&format!(
        "best epoch {best_epoch}; writing {} ({} bytes)",
        config.out.display(),
        bytes.len()
    ));
    let report = TrainReport {
        best_epoch,
        dev: scores,
        features,
        model_bytes: bytes.len(),
        seconds: start.elapsed().as_secs_f64(),
        train_sentences: train.len(),
        train_words,
    };
    write_outputs(config, &train, &bytes, &report)?;
    Ok(report)
}

/// Epochs of each jackknife tagger (the full tagger's dev UPOS is within 0.1 of its best by then).
const JACKKNIFE_EPOCHS: usize = 5;

/// Training options of the jackknife fold taggers (`train tagger`'s `--mix` and
/// `--leave-one-out`), so the parser can train on tags like the shipped tagger's.
#[derive(Clone, Copy, Debug)]
struct FoldTagger {
    mix: usize,
    leave_one_out: bool,
}

/// A copy of `train` whose tags are predicted by taggers that did not see the sentence, and
/// the runner-up tag keys those taggers give where their margin is below `alt_gate`.
fn jackknife_tags(
    train: &[TreeSentence],
    folds: usize,
    seed: u64,
    clusters: &Clusters,
    options: FoldTagger,
    alt_gate: f32,
    progress: &mut dyn FnMut(&str),
) -> (Vec<TreeSentence>, Vec<Vec<u64>>) {
    let mut out = train.to_vec();
    let mut alts = vec![Vec::new(); train.len()];
    for fold in 0..folds {
        let rest = crate::conllu::outside_fold(train, folds, fold);
        let new = || TaggerTrainer::with_options(&rest, clusters.clone(), options.leave_one_out);
        let fold_seed = seed ^ (fold as u64 + 1);
        let mut t = new();
        let mut rng = Rng::new(fold_seed);
        // As in `train tagger --mix K`: K - 1 more models, each with its own shuffling seed.
        let mut more: Vec<(TaggerTrainer, Rng)> = (1..options.mix as u64)
            .map(|j| (new(), Rng::new(fold_seed ^ (0x0A11_0000 + j))))
            .collect();
        for _ in 0..JACKKNIFE_EPOCHS {
            t.epoch(&rest, &mut rng);
            for (m, r) in &mut more {
                m.epoch(&rest, r);
            }
        }
        let tagger = if more.is_empty() {
            t.snapshot(0.05)
        } else {
            let all: Vec<&TaggerTrainer> = std::iter::once(&t).chain(more.iter().map(|m| &m.0)).collect();
            TaggerTrainer::snapshot_mix(&all, 0.05)
        };
        let mut scratch = crate::tagger::TagScratch::default();
        let mut fold_alts = Vec::new();
        let (mut right, mut total, mut with_alt) = (0, 0, 0);
        for (i, s) in out.iter_mut().enumerate().filter(|(i, _)| i % folds == fold) {
            let tags = tagger.tag_alts(&train[i].forms(), &mut scratch, alt_gate, &mut fold_alts);
            with_alt += fold_alts.iter().filter(|&&a| a != crate::tagger::NO_ALT).count();
            alts[i] = alt_keys(&tagger, &fold_alts);
            for (w, c) in s.words.iter_mut().zip(tags) {
                let xpos = tagger.tags.xpos[c as usize];
                total += 1;
                right += usize::from(w.xpos == xpos);
                w.xpos = xpos.to_string();
                w.upos = tagger.tags.upos[c as usize]
                    .map_or("X", chronicle_doc::Upos::as_str)
                    .to_string();
            }
        }
        progress(&format!(
            "jackknife fold {}/{folds}: XPOS {:.2} on held-out training sentences{}",
            fold + 1,
            100.0 * right as f64 / total.max(1) as f64,
            if alt_gate > 0.0 {
                format!(
                    ", runner-up tags on {:.1} % of words",
                    100.0 * with_alt as f64 / total.max(1) as f64
                )
            } else {
                String::new()
            }
        ));
    }
    (out, alts)
}

/// `License:` line of the README next to a treebank file, if any.
fn license_of(path: &Path) -> String {
    let readme = path.parent().map(|p| p.join("README.md"));
    readme
        .and_then(|r| std::fs::read_to_string(r).ok())
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("License:").map(|s| s.trim().to_string()))
        })
        .unwrap_or_else(|| "unknown (see the treebank's LICENSE.txt)".into())
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock (civil-from-days).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn write_outputs(config: &TrainConfig, train: &[TreeSentence], bytes: &[u8], r: &TrainReport) -> Result<(), DataError> {
    let out = &config.out;
    std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let model = out.join("model.bin");
    std::fs::write(&model, bytes).map_err(|e| io(&model, e))?;
    let name = out
        .file_name()
        .map_or("model".into(), |n| n.to_string_lossy().to_string());
    let data: Vec<_> = config
        .train
        .iter()
        .map(|p| {
            let sha = std::fs::read(p).map(|b| sha256_hex(&b)).unwrap_or_default();
            json!({"file": p.display().to_string(), "sha256": sha, "license": license_of(p)})
        })
        .collect();
    let labels = match config.kind {
        ModelKind::Tagger => crate::tagger::Tagger::load("model", bytes)?.tags.len(),
        ModelKind::Parser => crate::parser::Parser::load("model", bytes)?.labels.len(),
    };
    let s = &r.dev;
    let dev_scores = match config.kind {
        ModelKind::Tagger => json!({"upos": round(s.upos), "xpos": round(s.xpos), "lemma": round(s.lemma)}),
        ModelKind::Parser => json!({"uas": round(s.uas), "las": round(s.las), "las_full_labels": round(s.las_full),
            "tags": if config.tagger.is_some() { "predicted" } else { "gold" }}),
    };
    let clusters = config.clusters.as_ref().map(|p| {
        let sha = std::fs::read(p).map(|b| sha256_hex(&b)).unwrap_or_default();
        let used = config.kind == ModelKind::Tagger || config.parser_clusters;
        json!({"file": p.display().to_string(), "sha256": sha, "stored_in_model": used,
            "note": if used { "bit-path prefixes (4, 8, 12 bits and the whole path) are features; the table is stored in model.bin" }
                    else { "used by the jackknife taggers only" }})
    });
    let meta = json!({
        "name": name,
        "version": "1.0.0",
        "format_version": crate::format::FORMAT_VERSION,
        "task": match config.kind { ModelKind::Tagger => "pos-tagging+lemmatization", ModelKind::Parser => "dependency-parsing" },
        "algorithm": match config.kind {
            ModelKind::Tagger => "greedy averaged perceptron over joint XPOS+UPOS classes; lemma suffix rules + exceptions",
            ModelKind::Parser => "arc-hybrid transitions, averaged perceptron, dynamic oracle with exploration",
        },
        "labels": labels,
        "features": r.features,
        "training_data": data,
        "clusters": clusters,
        "training_sentences": r.train_sentences,
        "training_words": r.train_words,
        "dev": {"file": config.dev.display().to_string(), "scores": dev_scores, "best_epoch": r.best_epoch},
        "epochs": config.epochs,
        "seed": config.seed,
        "prune": (f64::from(config.prune) * 1e6).round() / 1e6,
        "date": today(),
        "bytes": bytes.len(),
        "sha256": sha256_hex(bytes),
        "command": config.command(),
    });
    let path = out.join("meta.json");
    let text = serde_json::to_string_pretty(&meta).expect("json") + "\n";
    std::fs::write(&path, text).map_err(|e| io(&path, e))?;
    let path = out.join("README.md");
    std::fs::write(&path, model_card(config, &name, r, labels, bytes)).map_err(|e| io(&path, e))?;
    let _ = train;
    Ok(())
}

fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn model_card(config: &TrainConfig, name: &str, r: &TrainReport, labels: usize, bytes: &[u8]) -> String {
    let s = &r.dev;
    let what = match config.kind {
        ModelKind::Tagger => format!(
            "English part-of-speech tagger (UPOS + Penn Treebank XPOS, {labels} joint classes) and lemmatizer.\n\
             Greedy left-to-right averaged perceptron over hashed features (word, lower-cased form, prefixes,\n\
             suffixes, shape, ambiguity class, neighbouring words, previous tags, word-cluster bit-path prefixes of\n\
             the word and its neighbours when trained with `--clusters`); lemmas from an exception\n\
             table plus suffix rules per XPOS, both learned from the treebank.{}{}",
            match (config.mix > 1, config.leave_one_out) {
                (false, false) => String::new(),
                (mix, loo) => format!(
                    "\n{}{}",
                    if mix {
                        format!("The weights are the mean of {} such models trained with different shuffling seeds. ", config.mix)
                    } else {
                        String::new()
                    },
                    if loo {
                        "In training, each word's ambiguity class leaves out its own sentence (every word seen\n\
                         elsewhere in training has a class)."
                    } else {
                        ""
                    }
                ),
            },
            if config.second_pass > 1 {
                format!(
                    "\nA second pass re-tags the words whose first-pass score margin is below {} with the first pass's tags\n\
                     of the word and of the next two words as extra features (trained on {}-fold jackknifed first-pass tags).",
                    config.second_gate, config.second_pass
                )
            } else {
                String::new()
            }
        ),
        ModelKind::Parser => format!(
            "English dependency parser producing Universal Dependencies relations with subtypes ({labels} labels).\n\
             Greedy arc-hybrid transition system scored by an averaged perceptron with Zhang & Nivre-style\n\
             features (plus word-cluster prefixes of `s0`, `s1`, `b0`, `b1` when trained with `--clusters`), trained with a\n\
             dynamic oracle and exploration. Expects predicted tags from `tagger-en-ud`.{}{}",
            if config.jackknife > 1 {
                format!(
                    "\nTrained on {}-fold jackknifed predicted tags (each fold tagged by a tagger trained on the others{}).",
                    config.jackknife,
                    match (config.mix > 1, config.leave_one_out) {
                        (false, false) => String::new(),
                        (true, false) => format!(" as the mean of {} models", config.mix),
                        (false, true) => " with leave-one-out ambiguity classes".into(),
                        (true, true) => format!(" as the mean of {} models, with leave-one-out ambiguity classes", config.mix),
                    }
                )
            } else {
                "\nTrained on gold tags.".to_string()
            },
            match config.alt_gate {
                Some(g) => format!(
                    "\nAlso sees the tagger's runner-up tag of `s0` and `b0` where the tagger's score margin is below {g}."
                ),
                None => String::new(),
            }
        ),
    };
    let scores = match config.kind {
        ModelKind::Tagger => format!(
            "| UPOS | XPOS | Lemma |\n|---|---|---|\n| {:.2} | {:.2} | {:.2} |",
            s.upos, s.xpos, s.lemma
        ),
        ModelKind::Parser => format!(
            "| UAS | LAS | LAS (full labels) | dev tags |\n|---|---|---|---|\n| {:.2} | {:.2} | {:.2} | {} |",
            s.uas,
            s.las,
            s.las_full,
            if config.tagger.is_some() { "predicted" } else { "gold" }
        ),
    };
    let data: String = config
        .train
        .iter()
        .map(|p| format!("- `{}` — license: {}\n", p.display(), license_of(p)))
        .collect();
    format!(
        "# {name}\n\n{what}\n\n## Data\n\n{data}\nLicenses: UD English EWT is CC BY-SA 4.0; UD English GUM is CC BY-NC-SA 4.0 as a whole \
         (its LICENSE.txt lists per-source terms: most sources CC BY, wikiHow and fiction non-commercial). \
         The model is derived from these annotations; check these terms before redistributing it. \
         Treebanks are UD v2.16; see `/work/shared/eval/data/ud/PROVENANCE.md`.\n\n\
         ## Scores\n\nDev file `{}` (gold tokens, best epoch {} of {}):\n\n{scores}\n\n\
         See `docs/results/syntax.md` for both dev sets and speeds.\n\n\
         ## File\n\n`model.bin`: {} bytes, Chronicle syntax model format {} (magic `CHRSYNTX`, SHA-256 of the payload \
         in the header, f16 weights, {} hashed features). `meta.json` holds the SHA-256 of the whole file.\n\n\
         ## Retrain\n\n```sh\n{}\n```\n\nor, through the CLI, `chronicle train {} --train FILE… --dev FILE --out DIR`. \
         Same data, seed and epochs give the same `model.bin`.\n",
        config.dev.display(),
        r.best_epoch,
        config.epochs,
        bytes.len(),
        crate::format::FORMAT_VERSION,
        r.features,
        config.command(),
        config.kind.as_str(),
    )
}
