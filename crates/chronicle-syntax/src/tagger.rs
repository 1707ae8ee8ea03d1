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
use crate::tagger_features::{features, norm_key, word_keys, WordKeys};
use crate::weights::Weights;

/// Words seen fewer times than this get no ambiguity class: rare training words would
/// otherwise always "know" their tag, a luxury unseen words never have.
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

impl Tagger {
    /// Tags one sentence; returns class ids (see [`Tagger::tags`]).
    pub fn tag(&self, words: &[&str], scratch: &mut TagScratch) -> Vec<u16> {
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
        for i in 0..words.len() {
            if let Some(&c) = self.tagdict.get(&scratch.keys[i].word) {
                out.push(c);
                continue;
            }
            features(&scratch.keys, &out, i, use_clusters, &mut scratch.feats);
            scratch.scores.fill(0.0);
            self.weights.score(&scratch.feats, &mut scratch.scores);
            out.push(argmax(&scratch.scores[..n_classes]) as u16);
        }
        out
    }

    pub fn n_features(&self) -> usize {
        self.weights.n_features()
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
        r.finish()?;
        Ok(Tagger {
            tags: TagSet::new(&pairs),
            pairs,
            lexicon,
            tagdict,
            clusters,
            weights,
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
}

impl TaggerTrainer {
    /// `clusters` may be empty (no cluster features).
    pub fn new(train: &[TreeSentence], clusters: Clusters) -> TaggerTrainer {
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
        let lexicon = seen
            .into_iter()
            .filter(|(_, (n, _))| *n >= AMB_MIN_COUNT)
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
            let mut hist: Vec<u16> = Vec::with_capacity(forms.len());
            for (i, w) in s.words.iter().enumerate() {
                if let Some(&c) = self.tagdict.get(&keys[i].word) {
                    hist.push(c);
                    continue;
                }
                features(&keys, &hist, i, use_clusters, &mut feats);
                scores.fill(0.0);
                self.model.score(&feats, &mut scores);
                let guess = argmax(&scores);
                let truth = self.class_of[&(w.xpos.clone(), w.upos.clone())] as usize;
                self.model.tick();
                self.model.update(&feats, truth, guess, 1.0);
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
        let t = Tagger {
            tags: TagSet::new(&self.pairs),
            pairs: self.pairs.clone(),
            lexicon: self.lexicon.clone(),
            tagdict: self.tagdict.clone(),
            clusters: self.clusters.clone(),
            weights: self.model.averaged(prune),
            lemmatizer: self.lemmatizer.clone(),
        };
        Tagger::load("snapshot", &t.to_bytes()).expect("a fresh model loads")
    }
}
