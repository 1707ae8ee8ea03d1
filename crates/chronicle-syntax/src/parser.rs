//! The dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron,
//! trained with a dynamic oracle and exploration.

use std::collections::HashMap;

use chronicle_doc::DataError;

use crate::clusters::Clusters;
use crate::conllu::TreeSentence;
use crate::format::{self, Kind, Reader, Writer};
use crate::hash::{finish, hash_str, mix, Rng};
use crate::intern::intern;
use crate::parser_features::{
    buffer_features, features, left_features, pair_features, right_features, stack_features, SentenceKeys, NULL_A,
};
use crate::perceptron::Perceptron;
use crate::tagger_features::norm_key;
use crate::transition::{Config, Move, NONE};
use crate::weights::Weights;

/// After the first epoch, follow the model's wrong move this often (Goldberg & Nivre's p).
const EXPLORE: f64 = 0.9;

/// A trained parser. Immutable; share it across threads.
pub struct Parser {
    pub labels: Vec<&'static str>,
    label_names: Vec<String>,
    /// Word clusters (empty: no cluster features).
    clusters: Clusters,
    /// With runner-up tag features: the tagger margin below which a word's runner-up tag is
    /// given (see [`Tagger::tag_alts`](crate::tagger::Tagger::tag_alts)).
    alt_gate: Option<f32>,
    weights: Weights,
}

impl std::fmt::Debug for Parser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parser")
            .field("labels", &self.labels.len())
            .field("features", &self.n_features())
            .finish()
    }
}

/// Reusable buffers for one parsing call.
#[derive(Default)]
pub struct ParseScratch {
    chars: Vec<char>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    /// Scores of each word's [`stack_features`] (`score_len` floats a word), valid where
    /// `stack_done` says so.
    stack: Vec<f32>,
    stack_done: Vec<bool>,
    /// Each word's `stack` scores plus those of its [`right_features`], valid for the
    /// version in `right_at` (see [`right_version`]).
    right: Vec<f32>,
    right_at: Vec<u64>,
    /// Scores of the [`buffer_features`] of the buffer starting at word `buffer_at`.
    buffer: Vec<f32>,
    /// `buffer` plus the scores of the [`left_features`], valid for `left_at`.
    left: Vec<f32>,
}

/// The head (0-based in-sentence index, `None` for the root) and label id of each word.
pub type Arcs = Vec<(Option<usize>, u16)>;

pub fn tag_key(xpos: &str, upos: &str) -> u64 {
    finish(mix(hash_str(xpos), hash_str(upos)))
}

/// The key of "no runner-up tag" in the `alts` given to [`Parser::parse_alts`].
pub const NO_ALT_KEY: u64 = NULL_A;

/// `alts`: runner-up tag keys ([`NO_ALT_KEY`] where none), used when `use_alts`; empty: none.
fn sentence_keys(
    words: &[&str],
    tags: &[u64],
    alts: &[u64],
    use_alts: bool,
    clusters: &Clusters,
    chars: &mut Vec<char>,
) -> SentenceKeys {
    let mut word = Vec::with_capacity(words.len() + 1);
    let mut tag = Vec::with_capacity(words.len() + 1);
    word.push(0xBEEF_0001);
    tag.push(0xBEEF_0002);
    for (w, t) in words.iter().zip(tags) {
        word.push(norm_key(w, chars));
        tag.push(*t);
    }
    let mut cl = Vec::new();
    if !clusters.is_empty() {
        cl.reserve(words.len() + 1);
        cl.push([0xBEEF_0003, 0xBEEF_0004, 0xBEEF_0005, 0xBEEF_0006]);
        cl.extend(words.iter().map(|w| clusters.keys(w)));
    }
    let mut alt = Vec::new();
    if use_alts {
        alt.reserve(words.len() + 1);
        alt.push(NULL_A);
        if alts.is_empty() {
            alt.resize(words.len() + 1, NULL_A);
        } else {
            alt.extend_from_slice(&alts[..words.len()]);
        }
    }
    SentenceKeys { word, tag, cl, alt }
}

/// The head and label of each word of a finished parse.
fn arcs(c: &Config) -> Arcs {
    (1..=c.n as usize)
        .map(|d| (c.head[d].checked_sub(1).map(|h| h as usize), c.label[d]))
        .collect()
}

/// What [`right_features`] of stack top `s0` depend on besides [`stack_features`]: its
/// rightmost child (a new right child is always the new rightmost one, so it changes with
/// every arc) and whether the buffer is empty. Never `u64::MAX`.
fn right_version(c: &Config, s0: usize) -> u64 {
    (u64::from(c.rc[s0][0]) << 1) | u64::from(c.buf(0) == NONE)
}

/// What [`left_features`] depend on besides [`buffer_features`]: the buffer front and its
/// leftmost child (a new left child is always the new leftmost one). Never `u64::MAX`.
fn left_version(c: &Config) -> u64 {
    let lc0 = if c.b <= c.n { c.lc[c.b as usize][0] } else { NONE };
    (u64::from(c.b) << 32) | u64::from(lc0)
}

/// The best valid move by score.
fn best_valid(c: &Config, scores: &[f32]) -> Move {
    let mut best: Option<(f32, Move)> = None;
    for (i, &s) in scores.iter().enumerate() {
        let m = Move::from_class(i);
        if c.is_valid(m) && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, m));
        }
    }
    best.expect("a non-terminal configuration always allows a move").1
}

impl Parser {
    /// Parses one sentence given its words and tag keys ([`tag_key`] of each word's tags).
    /// A parser with runner-up tag features (see [`Parser::alt_gate`]) is then told none.
    pub fn parse(&self, words: &[&str], tags: &[u64], scratch: &mut ParseScratch) -> Arcs {
        self.parse_alts(words, tags, &[], scratch)
    }

    /// The tagger margin below which this parser expects a word's runner-up tag
    /// ([`Tagger::tag_alts`](crate::tagger::Tagger::tag_alts)); `None`: it has no runner-up
    /// tag features.
    pub fn alt_gate(&self) -> Option<f32> {
        self.alt_gate
    }

    /// [`Parser::parse`] with the tagger's runner-up tag keys (`alts`, [`tag_key`] or
    /// [`NO_ALT_KEY`] for each word; empty: none), used if the model has such features.
    pub fn parse_alts(&self, words: &[&str], tags: &[u64], alts: &[u64], scratch: &mut ParseScratch) -> Arcs {
        let keys = sentence_keys(
            words,
            tags,
            alts,
            self.alt_gate.is_some(),
            &self.clusters,
            &mut scratch.chars,
        );
        if self.weights.max_exact() >= keys.n_features() {
            return self.parse_cached(&keys, scratch);
        }
        let mut c = Config::new(words.len());
        scratch.scores.resize(self.weights.score_len(), 0.0);
        let n_classes = self.weights.n_classes;
        while !c.is_terminal() {
            if !c.can_left() && !c.can_right() {
                // SHIFT is the only valid move (only the root on the stack): scores cannot
                // change the choice, so skip them.
                c.apply(Move::Shift);
                continue;
            }
            features(&c, &keys, &mut scratch.feats);
            scratch.scores.fill(0.0);
            self.weights.score(&scratch.feats, &mut scratch.scores);
            c.apply(best_valid(&c, &scratch.scores[..n_classes]));
        }
        arcs(&c)
    }

    /// [`Parser::parse`] when scores are exact sums (see [`Weights::max_exact`]), so partial
    /// sums may be kept and added later without changing a bit. Of the 80 features, only the
    /// 18 [`pair_features`] (`s0` with `b0`) are looked up at every transition; the others are
    /// scored in four parts, each cached while what it depends on stays the same:
    /// [`stack_features`] once per word (they hold while it is `s0`), [`right_features`] until
    /// `s0` gains a right child, [`buffer_features`] until the next SHIFT and
    /// [`left_features`] until `b0` gains a left child.
    fn parse_cached(&self, keys: &SentenceKeys, scratch: &mut ParseScratch) -> Arcs {
        let n = keys.word.len() - 1;
        let mut c = Config::new(n);
        let len = self.weights.score_len();
        let n_classes = self.weights.n_classes;
        let ParseScratch {
            feats,
            scores,
            stack,
            stack_done,
            right,
            right_at,
            buffer,
            left,
            ..
        } = scratch;
        scores.resize(len, 0.0);
        stack.resize((n + 1) * len, 0.0);
        stack_done.clear();
        stack_done.resize(n + 1, false);
        right.resize((n + 1) * len, 0.0);
        right_at.clear();
        right_at.resize(n + 1, u64::MAX);
        buffer.resize(len, 0.0);
        left.resize(len, 0.0);
        let mut buffer_at = u32::MAX;
        let mut left_at = u64::MAX;
        while !c.is_terminal() {
            if !c.can_left() && !c.can_right() {
                c.apply(Move::Shift);
                continue;
            }
            let s0 = c.s(0) as usize;
            let word = s0 * len..(s0 + 1) * len;
            if !stack_done[s0] {
                stack_features(&c, keys, feats);
                let cached = &mut stack[word.clone()];
                cached.fill(0.0);
                self.weights.score_exact(feats, cached);
                stack_done[s0] = true;
            }
            let version = right_version(&c, s0);
            if right_at[s0] != version {
                right_features(&c, keys, feats);
                let cached = &mut right[word.clone()];
                cached.copy_from_slice(&stack[word.clone()]);
                self.weights.score_exact(feats, cached);
                right_at[s0] = version;
            }
            if buffer_at != c.b {
                buffer_features(&c, keys, feats);
                buffer.fill(0.0);
                self.weights.score_exact(feats, buffer);
                buffer_at = c.b;
            }
            let version = left_version(&c);
            if left_at != version {
                left_features(&c, keys, feats);
                left.copy_from_slice(buffer);
                self.weights.score_exact(feats, left);
                left_at = version;
            }
            pair_features(&c, keys, feats);
            for ((s, l), r) in scores.iter_mut().zip(left.iter()).zip(&right[word]) {
                *s = l + r;
            }
            self.weights.score_exact(feats, scores);
            c.apply(best_valid(&c, &scores[..n_classes]));
        }
        arcs(&c)
    }

    pub fn n_features(&self) -> usize {
        self.weights.n_features()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.strs(&self.label_names);
        self.clusters.write(&mut w);
        match self.alt_gate {
            Some(g) => {
                w.u8(1);
                w.f32(g);
            }
            None => w.u8(0),
        }
        self.weights.write(&mut w);
        format::wrap(Kind::Parser, &w.buf)
    }

    /// Loads a parser from a model file's bytes; `name` is used in errors.
    pub fn load(name: &str, bytes: &[u8]) -> Result<Parser, DataError> {
        let (payload, version) = format::unwrap_versioned(name, Kind::Parser, bytes)?;
        let mut r = Reader::new(name, payload);
        let label_names = r.strs()?;
        let clusters = if version >= 2 {
            Clusters::read(&mut r)?
        } else {
            Clusters::default()
        };
        let alt_gate = if version >= 4 && r.u8()? != 0 {
            let gate = r.f32()?;
            if gate.is_nan() || gate <= 0.0 {
                return Err(r.error(format!("runner-up tag gate {gate} is not a positive number")));
            }
            Some(gate)
        } else {
            None
        };
        let weights = Weights::read(&mut r)?;
        if weights.n_classes != Move::n_classes(label_names.len()) {
            return Err(r.error("weight table and label set disagree on the number of classes"));
        }
        r.finish()?;
        Ok(Parser {
            labels: label_names.iter().map(|l| intern(l)).collect(),
            label_names,
            clusters,
            alt_gate,
            weights,
        })
    }
}

/// Training state for the parser.
pub struct ParserTrainer {
    labels: Vec<String>,
    label_of: HashMap<String, u16>,
    clusters: Clusters,
    alt_gate: Option<f32>,
    model: Perceptron,
}

impl ParserTrainer {
    /// `clusters` may be empty (no cluster features); `alt_gate`: train runner-up tag
    /// features (the tagger margin below which they are given, stored in the model).
    pub fn new(train: &[TreeSentence], clusters: Clusters, alt_gate: Option<f32>) -> ParserTrainer {
        let mut labels: Vec<String> = train
            .iter()
            .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
            .collect();
        labels.sort();
        labels.dedup();
        let label_of = labels.iter().enumerate().map(|(i, l)| (l.clone(), i as u16)).collect();
        ParserTrainer {
            model: Perceptron::new(Move::n_classes(labels.len())),
            labels,
            label_of,
            clusters,
            alt_gate,
        }
    }

    /// One pass over `train` in a seeded random order; `epoch` 0 follows the oracle only.
    /// `alts[s]`: runner-up tag keys of sentence `s` (used with an `alt_gate`; empty: none).
    pub fn epoch(&mut self, train: &[TreeSentence], alts: &[Vec<u64>], epoch: usize, rng: &mut Rng) {
        let mut order: Vec<usize> = (0..train.len()).collect();
        rng.shuffle(&mut order);
        let mut chars = Vec::new();
        let mut feats = Vec::new();
        let mut scores = vec![0.0; self.model.n_classes];
        for &si in &order {
            let s = &train[si];
            let forms = s.forms();
            let tags: Vec<u64> = s.words.iter().map(|w| tag_key(&w.xpos, &w.upos)).collect();
            let alt = alts.get(si).map_or(&[][..], Vec::as_slice);
            let keys = sentence_keys(&forms, &tags, alt, self.alt_gate.is_some(), &self.clusters, &mut chars);
            let mut gold = vec![0u32; forms.len() + 1];
            let mut gold_label = vec![0u16; forms.len() + 1];
            for (i, w) in s.words.iter().enumerate() {
                gold[i + 1] = w.head as u32;
                gold_label[i + 1] = self.label_of[&w.deprel];
            }
            let mut c = Config::new(forms.len());
            while !c.is_terminal() {
                features(&c, &keys, &mut feats);
                scores.fill(0.0);
                self.model.score(&feats, &mut scores);
                let guess = best_valid(&c, &scores);
                let (sh, l, r) = c.costs(&gold);
                let s0 = c.s(0) as usize;
                let s0_label = gold_label[s0];
                let min = sh.min(l).min(r);
                // Zero-loss moves; an arc move is only right with the dependent's gold label
                // when the arc itself is gold (otherwise any label loses nothing more).
                let cost_of = |m: Move| -> usize {
                    match m {
                        Move::Shift => sh,
                        Move::Left(lab) => l.saturating_add(usize::from(gold[s0] == c.b && lab != s0_label)),
                        Move::Right(lab) => r.saturating_add(usize::from(gold[s0] == c.s(1) && lab != s0_label)),
                    }
                };
                let mut best_ok: Option<(f32, Move)> = None;
                for (i, &sc) in scores.iter().enumerate() {
                    let m = Move::from_class(i);
                    if c.is_valid(m) && cost_of(m) == min {
                        let m = match m {
                            // Among labels of a non-gold arc, train towards the dependent's gold label.
                            Move::Left(_) if gold[s0] != c.b => Move::Left(s0_label),
                            Move::Right(_) if gold[s0] != c.s(1) => Move::Right(s0_label),
                            m => m,
                        };
                        if best_ok.is_none_or(|(b, _)| sc > b) {
                            best_ok = Some((sc, m));
                        }
                    }
                }
                let truth = best_ok.expect("some move has minimal cost").1;
                self.model.tick();
                let guess_ok = cost_of(guess) == min;
                if !guess_ok {
                    self.model.update(&feats, truth.class(), guess.class(), 1.0);
                }
                let next = if guess_ok || (epoch > 0 && rng.unit() < EXPLORE) {
                    guess
                } else {
                    truth
                };
                c.apply(next);
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }

    /// The current averaged model as a run-time parser (round-tripped through bytes).
    pub fn snapshot(&self, prune: f32) -> Parser {
        let p = Parser {
            labels: Vec::new(),
            label_names: self.labels.clone(),
            clusters: self.clusters.clone(),
            alt_gate: self.alt_gate,
            weights: self.model.averaged(prune),
        };
        Parser::load("snapshot", &p.to_bytes()).expect("a fresh model loads")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parser file from before format 4 (no runner-up gate after the clusters) loads as a
    /// parser without runner-up tag features; a format 4 file keeps its gate.
    #[test]
    fn older_files_have_no_runner_up_gate() {
        let p = ParserTrainer::new(&[], Clusters::default(), Some(12.5)).snapshot(0.0);
        assert_eq!(p.alt_gate(), Some(12.5));
        let mut w = Writer::default();
        w.strs(&p.label_names);
        p.clusters.write(&mut w);
        p.weights.write(&mut w);
        let mut old = format::wrap(Kind::Parser, &w.buf);
        old[8..12].copy_from_slice(&3u32.to_le_bytes());
        let q = Parser::load("old.bin", &old).unwrap();
        assert_eq!(q.alt_gate(), None);
        let mut w = Writer::default();
        w.strs(&p.label_names);
        p.clusters.write(&mut w);
        w.u8(1);
        w.f32(f32::NAN);
        p.weights.write(&mut w);
        let e = Parser::load("bad.bin", &format::wrap(Kind::Parser, &w.buf)).unwrap_err();
        assert!(e.message.contains("runner-up tag gate"), "{e}");
    }
}
