//! The part-of-speech tagger: a greedy left-to-right averaged perceptron over joint
//! `XPOS+UPOS` classes.
//!
//! Predicting the pair jointly (117 classes on EWT + GUM) lets one argmax give both tags
//! consistently (`VBZ`+`AUX` for a copula "is", `IN`+`SCONJ` for "because"); separate UPOS
//! and XPOS heads were not compared. The lemmatizer rides in the same file because it is keyed by the XPOS this
//! model predicts.

use std::collections::HashMap;

use chronicle_doc::{DataError, Upos};

use crate::clusters::Clusters;
use crate::conllu::TreeSentence;
use crate::format::{self, Kind, Reader, Writer};
use crate::hash::{hash_str, IdBuild, Rng};
use crate::intern::intern;
use crate::lemma::Lemmatizer;
use crate::perceptron::Perceptron;
use crate::tagger_features::{features, features2, norm_key, word_keys, WordKeys};
use crate::weights::Weights;

/// Words seen fewer times than this get no ambiguity class: rare training words would
/// otherwise always "know" their tag, a luxury unseen words never have. With leave-one-out
/// classes (see [`TaggerTrainer::with_options`]) training words never see their own tags, so
/// every word seen elsewhere in training gets its class (minimum 1).
const AMB_MIN_COUNT: u32 = 3;

/// Words seen at least this often with one class at least `DICT_PURITY` of the time are
/// tagged by lookup, skipping the model: a large share of running text (punctuation, function
/// words). A looser dictionary (20 / 0.97), tried together with two
/// extra features, cost 0.15 UPOS points on EWT dev.
const DICT_MIN_COUNT: u32 = 50;
const DICT_PURITY: f64 = 0.995;

/// Label table of the tagger.
pub struct TagSet {
    pub xpos: Vec<&'static str>,
    pub upos: Vec<Option<Upos>>,
    /// Index of each class's XPOS in the distinct-XPOS list (for ambiguity classes).
    xpos_id: Vec<u32>,
}

impl TagSet {
    fn new(pairs: &[(String, String)]) -> TagSet {
        let mut distinct: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        TagSet {
            xpos: pairs.iter().map(|p| intern(&p.0)).collect(),
            upos: pairs.iter().map(|p| Upos::parse(&p.1)).collect(),
            xpos_id: pairs
                .iter()
                .map(|p| distinct.binary_search(&p.0.as_str()).unwrap() as u32)
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.xpos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.xpos.is_empty()
    }
}

/// A trained tagger with its lemmatizer. Immutable; share it across threads.
pub struct Tagger {
    pub tags: TagSet,
    pairs: Vec<(String, String)>,
    lexicon: HashMap<u64, u64, IdBuild>,
    /// Exact form hash → class, for frequent unambiguous words.
    tagdict: HashMap<u64, u16, IdBuild>,
    /// Word clusters (empty: no cluster features).
    clusters: Clusters,
    weights: Weights,
    /// Second-pass weights (format 3): the sentence is tagged again, each word seeing the
    /// first pass's tags of itself and its right neighbours. `None`: one pass.
    second: Option<Weights>,
    /// The second pass re-tags only words whose first-pass score margin (best minus
    /// runner-up) is below this (`f32::INFINITY`: every word the dictionary does not tag).
    second_gate: f32,
    pub lemmatizer: Lemmatizer,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("classes", &self.tags.len())
            .field("features", &self.n_features())
            .finish()
    }
}

/// Reusable buffers for one tagging call.
#[derive(Default)]
pub struct TagScratch {
    chars: Vec<char>,
    keys: Vec<WordKeys>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    first: Vec<u16>,
    margin: Vec<f32>,
}

/// The best class and its lead over the runner-up.
fn argmax_margin(s: &[f32]) -> (usize, f32) {
    let best = argmax(s);
    let mut second = f32::NEG_INFINITY;
    for (i, &x) in s.iter().enumerate() {
        if i != best && x > second {
            second = x;
        }
    }
    (best, s[best] - second)
}

fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

/// One training step of a tagging pass: scores the word's features with the current weights,
/// moves them towards `truth` if the guess is wrong, and returns the guess (which later
/// decisions are conditioned on, as at run time).
fn learn(model: &mut Perceptron, feats: &[u64], truth: usize, scores: &mut [f32]) -> usize {
    scores.fill(0.0);
    model.score(feats, scores);
    let guess = argmax(scores);
    model.tick();
    model.update(feats, truth, guess, 1.0);
    guess
}

/// In [`Tagger::tag_alts`]'s output: no runner-up class for this word.
pub const NO_ALT: u16 = u16::MAX;

/// The best class, the runner-up and the best one's lead over it.
fn best_two(s: &[f32]) -> (usize, usize, f32) {
    let best = argmax(s);
    if s.len() < 2 {
        return (best, best, f32::INFINITY);
    }
    let mut second = usize::from(best == 0);
    for (i, &x) in s.iter().enumerate() {
        if i != best && x > s[second] {
            second = i;
        }
    }
    (best, second, s[best] - s[second])
}

impl Tagger {
    /// [`Tagger::tag`], also giving in `alts` each word's runner-up class where the tagger's
    /// score margin between its best and runner-up class is below `gate`, [`NO_ALT`] elsewhere
    /// (words the tag dictionary decides, sure words). A second pass, if any, keeps the
    /// first pass's runner-ups, except that a word whose tag the second pass changed gets the
    /// first pass's tag as its runner-up. The tags are the same as [`Tagger::tag`]'s.
    pub fn tag_alts(&self, words: &[&str], scratch: &mut TagScratch, gate: f32, alts: &mut Vec<u16>) -> Vec<u16> {
        alts.clear();
        let out = self.tag_inner(words, scratch, Some((gate, &mut *alts)));
        if self.second.is_some() {
            for ((a, &t), &f) in alts.iter_mut().zip(&out).zip(&scratch.first) {
                if t != f {
                    *a = f;
                }
            }
        }
        out
    }

    /// Tags one sentence; returns class ids (see [`Tagger::tags`]).
    pub fn tag(&self, words: &[&str], scratch: &mut TagScratch) -> Vec<u16> {
        self.tag_inner(words, scratch, None)
    }

    fn tag_inner(&self, words: &[&str], scratch: &mut TagScratch, mut alts: Option<(f32, &mut Vec<u16>)>) -> Vec<u16> {
        let lex = &self.lexicon;
        let cl = &self.clusters;
        word_keys(
            words,
            |k| lex.get(&k).copied().unwrap_or(0),
            |w| cl.keys(w),
            &mut scratch.chars,
            &mut scratch.keys,
        );
        let use_clusters = !cl.is_empty();
        let mut out = Vec::with_capacity(words.len());
        scratch.scores.resize(self.weights.score_len(), 0.0);
        let n_classes = self.tags.len();
        let two = self.second.is_some();
        scratch.margin.clear();
        for i in 0..words.len() {
            if let Some(&c) = self.tagdict.get(&scratch.keys[i].word) {
                out.push(c);
                if two {
                    scratch.margin.push(f32::INFINITY);
                }
                if let Some((_, a)) = &mut alts {
                    a.push(NO_ALT);
                }
                continue;
            }
            features(&scratch.keys, &out, i, use_clusters, &mut scratch.feats);
            scratch.scores.fill(0.0);
            self.weights.score(&scratch.feats, &mut scratch.scores);
            if let Some((gate, a)) = &mut alts {
                let (c, alt, m) = best_two(&scratch.scores[..n_classes]);
                out.push(c as u16);
                a.push(if m < *gate { alt as u16 } else { NO_ALT });
                if two {
                    scratch.margin.push(m);
                }
            } else if two {
                let (c, m) = argmax_margin(&scratch.scores[..n_classes]);
                out.push(c as u16);
                scratch.margin.push(m);
            } else {
                out.push(argmax(&scratch.scores[..n_classes]) as u16);
            }
        }
        if let Some(second) = &self.second {
            scratch.scores.resize(scratch.scores.len().max(second.score_len()), 0.0);
            std::mem::swap(&mut scratch.first, &mut out);
            out.clear();
            for i in 0..words.len() {
                if scratch.margin[i] >= self.second_gate {
                    out.push(scratch.first[i]);
                    continue;
                }
                features2(&scratch.keys, &out, &scratch.first, i, use_clusters, &mut scratch.feats);
                scratch.scores.fill(0.0);
                second.score(&scratch.feats, &mut scratch.scores);
                out.push(argmax(&scratch.scores[..n_classes]) as u16);
            }
        }
        out
    }

    pub fn n_features(&self) -> usize {
        self.weights.n_features() + self.second.as_ref().map_or(0, Weights::n_features)
    }

    /// Whether this tagger makes a second pass.
    pub fn two_pass(&self) -> bool {
        self.second.is_some()
    }

    /// The second pass's margin gate (see the field); for tuning.
    pub fn second_gate(&self) -> f32 {
        self.second_gate
    }

    /// Sets the second pass's margin gate: only words whose first-pass margin (best score
    /// minus the runner-up's) is below it are tagged again (for tuning it on dev).
    pub fn set_second_gate(&mut self, gate: f32) {
        self.second_gate = gate;
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(self.pairs.len() as u32);
        for (x, u) in &self.pairs {
            w.str(x);
            w.str(u);
        }
        let mut lex: Vec<(u64, u64)> = self.lexicon.iter().map(|(k, v)| (*k, *v)).collect();
        lex.sort_unstable();
        w.u32(lex.len() as u32);
        for (k, v) in lex {
            w.u64(k);
            w.u64(v);
        }
        let mut dict: Vec<(u64, u16)> = self.tagdict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort_unstable();
        w.u32(dict.len() as u32);
        for (k, v) in dict {
            w.u64(k);
            w.u16(v);
        }
        self.clusters.write(&mut w);
        self.weights.write(&mut w);
        self.lemmatizer.write(&mut w);
        w.u8(u8::from(self.second.is_some()));
        if let Some(second) = &self.second {
            second.write(&mut w);
            w.f32(self.second_gate);
        }
        format::wrap(Kind::Tagger, &w.buf)
    }

    /// Loads a tagger from a model file's bytes; `name` is used in errors.
    pub fn load(name: &str, bytes: &[u8]) -> Result<Tagger, DataError> {
        let (payload, version) = format::unwrap_versioned(name, Kind::Tagger, bytes)?;
        let mut r = Reader::new(name, payload);
        let n = r.len(8)?;
        let mut pairs = Vec::with_capacity(n);
        for _ in 0..n {
            pairs.push((r.str()?, r.str()?));
        }
        let n = r.len(16)?;
        let mut lexicon = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            lexicon.insert(k, r.u64()?);
        }
        let n = r.len(10)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u16()?;
            if c as usize >= pairs.len() {
                return Err(r.error(format!("tag dictionary class {c} out of range")));
            }
            tagdict.insert(k, c);
        }
        let clusters = if version >= 2 {
            Clusters::read(&mut r)?
        } else {
            Clusters::default()
        };
        let weights = Weights::read(&mut r)?;
        if weights.n_classes != pairs.len() {
            return Err(r.error("weight table and tag set disagree on the number of classes"));
        }
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let (second, second_gate) = if version >= 3 && r.u8()? != 0 {
            let second = Weights::read(&mut r)?;
            if second.n_classes != pairs.len() {
                return Err(r.error("second-pass weight table and tag set disagree on the number of classes"));
            }
            let gate = r.f32()?;
            if gate.is_nan() || gate < 0.0 {
                return Err(r.error(format!("second-pass gate {gate} is not a non-negative number")));
            }
            (Some(second), gate)
        } else {
            (None, f32::INFINITY)
        };
        r.finish()?;
        Ok(Tagger {
            tags: TagSet::new(&pairs),
            pairs,
            lexicon,
            tagdict,
            clusters,
            weights,
            second,
            second_gate,
            lemmatizer,
        })
    }
}

/// Training state for the tagger.
pub struct TaggerTrainer {
    pairs: Vec<(String, String)>,
    class_of: HashMap<(String, String), u16>,
    lexicon: HashMap<u64, u64, IdBuild>,
    tagdict: HashMap<u64, u16, IdBuild>,
    clusters: Clusters,
    model: Perceptron,
    lemmatizer: Lemmatizer,
    /// Per training sentence, each word's ambiguity class as the lexicon would give it without
    /// that sentence (empty: training sees the full lexicon's classes).
    amb_loo: Vec<Vec<u64>>,
}

impl TaggerTrainer {
    /// `clusters` may be empty (no cluster features).
    pub fn new(train: &[TreeSentence], clusters: Clusters) -> TaggerTrainer {
        TaggerTrainer::with_options(train, clusters, false)
    }

    /// `leave_one_out`: in training, give each word the ambiguity class the lexicon would have
    /// without the word's own sentence, so a training word does not always "know" its own tag
    /// (at run time unseen text never does); the saved lexicon is the same.
    pub fn with_options(train: &[TreeSentence], clusters: Clusters, leave_one_out: bool) -> TaggerTrainer {
        let mut pairs: Vec<(String, String)> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| (w.xpos.clone(), w.upos.clone())))
            .collect();
        pairs.sort();
        pairs.dedup();
        let class_of: HashMap<(String, String), u16> =
            pairs.iter().enumerate().map(|(i, p)| (p.clone(), i as u16)).collect();
        let tags = TagSet::new(&pairs);
        let mut seen: HashMap<u64, (u32, u64), IdBuild> = HashMap::default();
        let mut scratch = Vec::new();
        let xpos_ids: HashMap<&str, u32> = pairs
            .iter()
            .zip(&tags.xpos_id)
            .map(|(p, &id)| (p.0.as_str(), id))
            .collect();
        for s in train {
            for w in &s.words {
                let e = seen.entry(norm_key(&w.form, &mut scratch)).or_default();
                e.0 += 1;
                e.1 |= 1u64 << (xpos_ids[w.xpos.as_str()] % 64);
            }
        }
        let mut by_form: HashMap<u64, HashMap<u16, u32>, IdBuild> = HashMap::default();
        for s in train {
            for w in &s.words {
                let c = class_of[&(w.xpos.clone(), w.upos.clone())];
                *by_form.entry(hash_str(&w.form)).or_default().entry(c).or_default() += 1;
            }
        }
        let tagdict = by_form
            .into_iter()
            .filter_map(|(k, m)| {
                let total: u32 = m.values().sum();
                // Ties broken on the class id so the choice does not depend on map order.
                let (&c, &n) = m.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))?;
                (total >= DICT_MIN_COUNT && f64::from(n) >= DICT_PURITY * f64::from(total)).then_some((k, c))
            })
            .collect();
        let amb_min = if leave_one_out { 1 } else { AMB_MIN_COUNT };
        let amb_loo = if leave_one_out {
            leave_one_out_classes(train, &seen, &xpos_ids, amb_min, &mut scratch)
        } else {
            Vec::new()
        };
        let lexicon = seen
            .into_iter()
            .filter(|(_, (n, _))| *n >= amb_min)
            .map(|(k, (_, m))| (k, m))
            .collect();
        TaggerTrainer {
            model: Perceptron::new(pairs.len()),
            pairs,
            class_of,
            lexicon,
            tagdict,
            clusters,
            lemmatizer: Lemmatizer::learn(train),
            amb_loo,
        }
    }

    /// One pass over `train` in a seeded random order.
    pub fn epoch(&mut self, train: &[TreeSentence], rng: &mut Rng) {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut chars = Vec::new();
        let mut keys = Vec::new();
        let mut feats = Vec::new();
        let mut scores = vec![0.0; self.pairs.len()];
        for &si in &order {
            let s = &train[si];
            let forms = s.forms();
            let lex = &self.lexicon;
            let cl = &self.clusters;
            word_keys(
                &forms,
                |k| lex.get(&k).copied().unwrap_or(0),
                |w| cl.keys(w),
                &mut chars,
                &mut keys,
            );
            let use_clusters = !cl.is_empty();
            if let Some(loo) = self.amb_loo.get(si) {
                for (k, &a) in keys.iter_mut().zip(loo) {
                    k.amb = a;
                }
            }
            let mut hist: Vec<u16> = Vec::with_capacity(forms.len());
            for (i, w) in s.words.iter().enumerate() {
                if let Some(&c) = self.tagdict.get(&keys[i].word) {
                    hist.push(c);
                    continue;
                }
                features(&keys, &hist, i, use_clusters, &mut feats);
                let truth = self.class_of[&(w.xpos.clone(), w.upos.clone())] as usize;
                let guess = learn(&mut self.model, &feats, truth, &mut scores);
                // Condition later decisions on the model's own guesses, as at run time.
                hist.push(guess as u16);
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    /// The current averaged model as a run-time tagger, round-tripped through bytes so
    /// evaluation sees exactly what a saved model does.
    pub fn snapshot(&self, prune: f32) -> Tagger {
        self.tagger_with(self.model.averaged(prune))
    }

    /// A one-pass run-time tagger with this trainer's tables and `weights`, round-tripped
    /// through bytes.
    fn tagger_with(&self, weights: Weights) -> Tagger {
        let t = Tagger {
            tags: TagSet::new(&self.pairs),
            pairs: self.pairs.clone(),
            lexicon: self.lexicon.clone(),
            tagdict: self.tagdict.clone(),
            clusters: self.clusters.clone(),
            weights,
            second: None,
            second_gate: f32::INFINITY,
            lemmatizer: self.lemmatizer.clone(),
        };
        Tagger::load("snapshot", &t.to_bytes()).expect("a fresh model loads")
    }
}

/// Each training word's ambiguity class computed without its own sentence (and its identical
/// copies, e.g. a training file given twice): a word needs `amb_min` occurrences elsewhere,
/// and only tags seen elsewhere count.
fn leave_one_out_classes(
    train: &[TreeSentence],
    seen: &HashMap<u64, (u32, u64), IdBuild>,
    xpos_ids: &HashMap<&str, u32>,
    amb_min: u32,
    scratch: &mut Vec<char>,
) -> Vec<Vec<u64>> {
    let keyed: Vec<Vec<(u64, u32)>> = train
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| (norm_key(&w.form, scratch), xpos_ids[w.xpos.as_str()] % 64))
                .collect()
        })
        .collect();
    let mut per_tag: HashMap<(u64, u32), u32> = HashMap::new();
    for &k in keyed.iter().flatten() {
        *per_tag.entry(k).or_default() += 1;
    }
    let mut copies: HashMap<&[(u64, u32)], u32> = HashMap::new();
    for ks in &keyed {
        *copies.entry(ks.as_slice()).or_default() += 1;
    }
    keyed
        .iter()
        .map(|ks| {
            let k_copies = copies[ks.as_slice()];
            let mut own: HashMap<(u64, u32), u32> = HashMap::new();
            let mut own_n: HashMap<u64, u32> = HashMap::new();
            for &k in ks {
                *own.entry(k).or_default() += k_copies;
                *own_n.entry(k.0).or_default() += k_copies;
            }
            ks.iter()
                .map(|&(norm, _)| {
                    let (total, all) = seen[&norm];
                    if total - own_n[&norm] < amb_min {
                        return 0;
                    }
                    let mut m = 0u64;
                    for x in (0..64).filter(|x| all & (1 << x) != 0) {
                        if per_tag[&(norm, x)] > own.get(&(norm, x)).copied().unwrap_or(0) {
                            m |= 1 << x;
                        }
                    }
                    m
                })
                .collect()
        })
        .collect()
}

impl TaggerTrainer {
    /// Like [`TaggerTrainer::snapshot`], with the mean of the averaged weights of `trainers`
    /// (same data and options, different seeds): a cheap ensemble that costs nothing at run
    /// time but a larger weight table.
    pub fn snapshot_mix(trainers: &[&TaggerTrainer], prune: f32) -> Tagger {
        let models: Vec<&Perceptron> = trainers.iter().map(|t| &t.model).collect();
        trainers[0].tagger_with(Perceptron::averaged_mix(&models, prune))
    }
}

/// A copy of a weight table (through its serialised form; training time only).
fn copy_weights(w: &Weights) -> Weights {
    let mut out = Writer::default();
    w.write(&mut out);
    Weights::read(&mut Reader::new("copy", &out.buf)).expect("a written table reads back")
}

/// Training state of the second tagging pass: the first pass's tags of every training
/// sentence, each predicted by a tagger that did not see the sentence (jackknifed), so the
/// second pass learns how far to trust them.
pub struct SecondPassTrainer {
    first: Vec<Vec<u16>>,
    model: Perceptron,
}

impl SecondPassTrainer {
    /// Tags `train` with `folds` first-pass taggers, each trained for `epochs` epochs on the
    /// other folds; `full` is the trainer of the first-pass model (its class table is used).
    pub fn new(
        full: &TaggerTrainer,
        train: &[TreeSentence],
        folds: usize,
        epochs: usize,
        seed: u64,
        progress: &mut dyn FnMut(&str),
    ) -> SecondPassTrainer {
        let folds = folds.max(2);
        let mut first: Vec<Vec<u16>> = vec![Vec::new(); train.len()];
        for fold in 0..folds {
            let rest = crate::conllu::outside_fold(train, folds, fold);
            let mut t = TaggerTrainer::new(&rest, full.clusters.clone());
            let mut rng = Rng::new(seed ^ (0x5EC0 + fold as u64));
            for _ in 0..epochs {
                t.epoch(&rest, &mut rng);
            }
            let tagger = t.snapshot(0.05);
            // The fold's class ids, mapped to the full trainer's.
            let map: Vec<u16> = tagger.pairs.iter().map(|p| full.class_of[p]).collect();
            let mut scratch = TagScratch::default();
            let (mut right, mut total) = (0usize, 0usize);
            for (i, s) in train.iter().enumerate().filter(|(i, _)| i % folds == fold) {
                let tags: Vec<u16> = tagger
                    .tag(&s.forms(), &mut scratch)
                    .iter()
                    .map(|&c| map[c as usize])
                    .collect();
                for (w, &c) in s.words.iter().zip(&tags) {
                    total += 1;
                    right += usize::from(full.class_of[&(w.xpos.clone(), w.upos.clone())] == c);
                }
                first[i] = tags;
            }
            progress(&format!(
                "second pass: first-pass fold {}/{folds} tagged, {:.2} % classes right on held-out training sentences",
                fold + 1,
                100.0 * right as f64 / total.max(1) as f64
            ));
        }
        SecondPassTrainer {
            first,
            model: Perceptron::new(full.pairs.len()),
        }
    }

    /// One pass of the second-pass model over `train` in a seeded random order.
    pub fn epoch(&mut self, full: &TaggerTrainer, train: &[TreeSentence], rng: &mut Rng) {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let (mut chars, mut keys, mut feats) = (Vec::new(), Vec::new(), Vec::new());
        let mut scores = vec![0.0; full.pairs.len()];
        let use_clusters = !full.clusters.is_empty();
        for &si in &order {
            let s = &train[si];
            let forms = s.forms();
            word_keys(
                &forms,
                |k| full.lexicon.get(&k).copied().unwrap_or(0),
                |w| full.clusters.keys(w),
                &mut chars,
                &mut keys,
            );
            let first = &self.first[si];
            let mut hist: Vec<u16> = Vec::with_capacity(forms.len());
            for (i, w) in s.words.iter().enumerate() {
                if full.tagdict.contains_key(&keys[i].word) {
                    hist.push(first[i]);
                    continue;
                }
                features2(&keys, &hist, first, i, use_clusters, &mut feats);
                let truth = full.class_of[&(w.xpos.clone(), w.upos.clone())] as usize;
                let guess = learn(&mut self.model, &feats, truth, &mut scores);
                hist.push(guess as u16);
            }
        }
    }

    /// `first` (a first-pass tagger from `full`) with the current averaged second pass.
    /// `gate`: see [`Tagger::set_second_gate`].
    pub fn snapshot(&self, first: &Tagger, prune: f32, gate: f32) -> Tagger {
        let t = Tagger {
            tags: TagSet::new(&first.pairs),
            pairs: first.pairs.clone(),
            lexicon: first.lexicon.clone(),
            tagdict: first.tagdict.clone(),
            clusters: first.clusters.clone(),
            weights: copy_weights(&first.weights),
            second: Some(self.model.averaged(prune)),
            second_gate: gate,
            lemmatizer: first.lemmatizer.clone(),
        };
        Tagger::load("snapshot", &t.to_bytes()).expect("a fresh model loads")
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }
}
