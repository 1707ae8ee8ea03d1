//! Training: an averaged structured perceptron (Collins 2002) over BILOU tags.
//!
//! Why a perceptron: it trains in seconds per epoch on two cores, needs no tuning beyond the
//! number of epochs, and with averaging matches a CRF on CoNLL within noise for the same
//! features. Articles are visited in a seeded random order each epoch; inside an article
//! sentences go in reading order because the history features depend on earlier sentences
//! (the model's own earlier predictions, exactly as at run time). After every epoch the
//! averaged weights are scored on the dev file and the best epoch is kept.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use chronicle_doc::DataError;

use crate::conll::{self, GoldDoc};
use crate::eval::Scores;
use crate::features::{DocInfo, Extractor, History, SentenceFeatures, FEATURE_VERSION};
use crate::format;
use crate::lexicon::Lexicon;
use crate::model::{tag_tags, NerModel};
use crate::tags::{decode, encode, Tag, N_TAGS};
use crate::weights::Weights;

/// What to train on and where to write the model.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// CoNLL-2003-style training files.
    pub train: Vec<PathBuf>,
    /// Dev file used to pick the best epoch (without one, the last epoch is kept).
    pub dev: Option<PathBuf>,
    /// Directory for `model.bin` and `meta.json` (created if missing).
    pub out: PathBuf,
    pub epochs: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            train: Vec::new(),
            dev: None,
            out: PathBuf::from("."),
            epochs: 12,
            seed: 1,
        }
    }
}

/// One epoch's outcome.
#[derive(Clone, Debug)]
pub struct EpochReport {
    pub epoch: usize,
    pub seconds: f64,
    /// Training sentences the model got wrong during the epoch.
    pub mistakes: usize,
    pub dev: Option<Scores>,
}

/// What training produced.
#[derive(Clone, Debug)]
pub struct TrainReport {
    pub epochs: Vec<EpochReport>,
    pub best_epoch: usize,
    /// Dev scores of the written (quantised) model.
    pub dev: Option<Scores>,
    pub model_path: PathBuf,
    pub model_bytes: usize,
    pub features: usize,
    pub train_sentences: usize,
    pub train_tokens: usize,
    pub seconds: f64,
}

#[derive(Debug)]
pub enum TrainError {
    Data(DataError),
    Io { path: PathBuf, error: std::io::Error },
    NoTrainingData,
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrainError::Data(e) => write!(f, "{e}"),
            TrainError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            TrainError::NoTrainingData => write!(f, "no training sentences"),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<DataError> for TrainError {
    fn from(e: DataError) -> TrainError {
        TrainError::Data(e)
    }
}

/// A training sentence with its precomputed static features.
struct Example {
    feats: SentenceFeatures,
    gold: Vec<Tag>,
}

/// splitmix64: a tiny seeded generator so runs are reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The perceptron's running sums for averaging: `avg = w - acc / c` (Daumé's trick), so
/// each update costs O(1) however long training runs.
struct Perceptron {
    w: Weights,
    acc_rows: Vec<f32>,
    acc_trans: Vec<f32>,
    acc_start: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn row(&mut self, h: u64) -> usize {
        let next = self.w.n_rows() as u32;
        let r = *self.w.index.entry(h).or_insert(next) as usize;
        if r == next as usize {
            self.w.rows.extend_from_slice(&[0.0; N_TAGS]);
            self.acc_rows.extend_from_slice(&[0.0; N_TAGS]);
        }
        r
    }

    fn bump_row(&mut self, h: u64, tag: Tag, d: f32) {
        let r = self.row(h) * N_TAGS + tag as usize;
        self.w.rows[r] += d;
        self.acc_rows[r] += self.c * d;
    }

    fn update(&mut self, sets: &[&SentenceFeatures], gold: &[Tag], pred: &[Tag]) {
        for i in 0..gold.len() {
            if gold[i] != pred[i] {
                for set in sets {
                    for &h in set.token(i) {
                        self.bump_row(h, gold[i], 1.0);
                        self.bump_row(h, pred[i], -1.0);
                    }
                }
            }
            let (g, p) = (gold[i] as usize, pred[i] as usize);
            if i == 0 {
                self.w.start[g] += 1.0;
                self.acc_start[g] += self.c;
                self.w.start[p] -= 1.0;
                self.acc_start[p] -= self.c;
            } else {
                let gt = gold[i - 1] as usize * N_TAGS + g;
                let pt = pred[i - 1] as usize * N_TAGS + p;
                self.w.trans[gt] += 1.0;
                self.acc_trans[gt] += self.c;
                self.w.trans[pt] -= 1.0;
                self.acc_trans[pt] -= self.c;
            }
        }
    }

    fn averaged(&self) -> Weights {
        let avg = |w: &[f32], a: &[f32]| -> Vec<f32> { w.iter().zip(a).map(|(w, a)| w - a / self.c).collect() };
        Weights {
            index: self.w.index.clone(),
            rows: avg(&self.w.rows, &self.acc_rows),
            trans: avg(&self.w.trans, &self.acc_trans),
            start: avg(&self.w.start, &self.acc_start),
        }
    }
}

fn load_all(paths: &[PathBuf]) -> Result<Vec<GoldDoc>, TrainError> {
    let mut docs = Vec::new();
    for p in paths {
        docs.extend(conll::read_path(p)?);
    }
    Ok(docs)
}

/// Scores a tagger (given as weights) on gold articles.
fn evaluate(weights: &Weights, lexicon: &Lexicon, docs: &[GoldDoc]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let tags = tag_tags(weights, lexicon, &doc.words());
        for (t, s) in tags.iter().zip(&doc.sentences) {
            scores.add(&decode(t), &s.entities);
        }
    }
    scores
}

/// Scores a loaded model on a CoNLL file.
pub fn evaluate_file(model: &NerModel, path: &Path) -> Result<Scores, DataError> {
    let docs = conll::read_path(path)?;
    Ok(evaluate(&model.weights, &model.lexicon, &docs))
}

/// Trains a model, reporting progress lines through `progress`, and writes
/// `model.bin` and `meta.json` to `config.out`.
pub fn train(config: &TrainConfig, progress: &mut dyn FnMut(&str)) -> Result<TrainReport, TrainError> {
    let started = Instant::now();
    let lexicon = Lexicon::embedded()?;
    let train_docs = load_all(&config.train)?;
    let dev_docs = match &config.dev {
        Some(p) => Some(conll::read_path(p)?),
        None => None,
    };

    // Static features never change: extract them once.
    let mut extractor = Extractor::new(&lexicon);
    let mut examples: Vec<Vec<Example>> = Vec::with_capacity(train_docs.len());
    let (mut n_sent, mut n_tok) = (0, 0);
    for doc in &train_docs {
        let words = doc.words();
        let info = DocInfo::new(&words);
        let mut ex = Vec::new();
        for (w, s) in words.iter().zip(&doc.sentences) {
            let mut feats = SentenceFeatures::default();
            extractor.extract(w, &info, &mut feats);
            ex.push(Example {
                feats,
                gold: encode(w.len(), &s.entities),
            });
            n_sent += 1;
            n_tok += w.len();
        }
        examples.push(ex);
    }
    if n_sent == 0 {
        return Err(TrainError::NoTrainingData);
    }
    progress(&format!(
        "{} articles, {n_sent} sentences, {n_tok} tokens; features extracted in {:.1}s",
        train_docs.len(),
        started.elapsed().as_secs_f64()
    ));

    let mut p = Perceptron {
        w: Weights::new(),
        acc_rows: Vec::new(),
        acc_trans: vec![0.0; N_TAGS * N_TAGS],
        acc_start: vec![0.0; N_TAGS],
        c: 1.0,
    };
    let mut rng = Rng(config.seed);
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut epochs = Vec::new();
    let mut best: Option<(f64, usize, Weights)> = None;
    let mut hist = SentenceFeatures::default();
    let mut em = Vec::new();
    for epoch in 1..=config.epochs.max(1) {
        let t0 = Instant::now();
        rng.shuffle(&mut order);
        let mut mistakes = 0;
        for &d in &order {
            let words = train_docs[d].words();
            let info = DocInfo::new(&words);
            let mut history = History::default();
            for (w, ex) in words.iter().zip(&examples[d]) {
                history.features(w, &info, &mut hist);
                p.w.emissions(&[&ex.feats, &hist], &mut em);
                let pred = p.w.viterbi(&em);
                if pred != ex.gold {
                    mistakes += 1;
                    p.update(&[&ex.feats, &hist], &ex.gold, &pred);
                }
                history.add(w, &pred, &info);
                p.c += 1.0;
            }
        }
        let avg = p.averaged();
        let dev = dev_docs.as_ref().map(|docs| evaluate(&avg, &lexicon, docs));
        let seconds = t0.elapsed().as_secs_f64();
        progress(&format!(
            "epoch {epoch}: {mistakes} sentences wrong, {} features, {seconds:.1}s{}",
            avg.n_rows(),
            dev.map_or(String::new(), |s| format!(
                ", dev P {:.4} R {:.4} F1 {:.4}",
                s.micro.precision(),
                s.micro.recall(),
                s.micro.f1()
            ))
        ));
        let f1 = dev.map_or(epoch as f64, |s| s.micro.f1());
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, avg));
        }
        epochs.push(EpochReport {
            epoch,
            seconds,
            mistakes,
            dev,
        });
    }
    let (_, best_epoch, weights) = best.expect("at least one epoch");

    let bytes = format::write(&weights, FEATURE_VERSION, lexicon.fingerprint);
    std::fs::create_dir_all(&config.out).map_err(|error| TrainError::Io {
        path: config.out.clone(),
        error,
    })?;
    let model_path = config.out.join("model.bin");
    std::fs::write(&model_path, &bytes).map_err(|error| TrainError::Io {
        path: model_path.clone(),
        error,
    })?;
    // Score what was written (quantised), not the float weights.
    let model = NerModel::from_path(&model_path)?;
    let dev = dev_docs
        .as_ref()
        .map(|docs| evaluate(&model.weights, &model.lexicon, docs));
    if let Some(s) = &dev {
        progress(&format!("best epoch {best_epoch}; written model on dev:\n{s}"));
    }
    let report = TrainReport {
        epochs,
        best_epoch,
        dev,
        model_bytes: bytes.len(),
        features: model.n_features(),
        model_path,
        train_sentences: n_sent,
        train_tokens: n_tok,
        seconds: started.elapsed().as_secs_f64(),
    };
    let meta_path = config.out.join("meta.json");
    std::fs::write(&meta_path, meta_json(config, &report)).map_err(|error| TrainError::Io {
        path: meta_path.clone(),
        error,
    })?;
    Ok(report)
}

fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `meta.json`: how the model was made and how it scored, written by hand to avoid a
/// serialisation dependency for one small file.
fn meta_json(config: &TrainConfig, r: &TrainReport) -> String {
    let file_name = |p: &PathBuf| {
        json_str(
            &p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        )
    };
    let train: Vec<String> = config.train.iter().map(file_name).collect();
    let mut s = String::from("{\n");
    s += "  \"name\": \"ner-en-conll\",\n";
    s += &format!("  \"format_version\": {},\n", format::FORMAT_VERSION);
    s += &format!("  \"feature_version\": {FEATURE_VERSION},\n");
    s += "  \"model\": \"averaged structured perceptron, BILOU, first-order Viterbi\",\n";
    s += &format!("  \"train\": [{}],\n", train.join(", "));
    s += &format!(
        "  \"dev\": {},\n",
        config.dev.as_ref().map_or("null".to_string(), file_name)
    );
    s += &format!(
        "  \"epochs\": {},\n  \"best_epoch\": {},\n  \"seed\": {},\n",
        config.epochs, r.best_epoch, config.seed
    );
    s += &format!(
        "  \"train_sentences\": {},\n  \"train_tokens\": {},\n  \"features\": {},\n  \"model_bytes\": {},\n  \"train_seconds\": {:.1},\n",
        r.train_sentences, r.train_tokens, r.features, r.model_bytes, r.seconds
    );
    match &r.dev {
        Some(d) => {
            let c = |c: &crate::eval::Counts| {
                format!(
                    "{{\"p\": {:.4}, \"r\": {:.4}, \"f1\": {:.4}}}",
                    c.precision(),
                    c.recall(),
                    c.f1()
                )
            };
            s += &format!(
                "  \"dev_scores\": {{\"micro\": {}, \"PER\": {}, \"ORG\": {}, \"LOC\": {}, \"MISC\": {}}}\n",
                c(&d.micro),
                c(&d.per_kind[0]),
                c(&d.per_kind[1]),
                c(&d.per_kind[2]),
                c(&d.per_kind[3])
            );
        }
        None => s += "  \"dev_scores\": null\n",
    }
    s += "}\n";
    s
}
