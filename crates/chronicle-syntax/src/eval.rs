//! Gold-token evaluation: tag, lemmatize and parse the words of a treebank and compare.
//!
//! Scores follow the CoNLL 2018 shared task on gold tokens: every word counts (punctuation
//! included); LAS compares universal relations without subtypes (`nsubj:pass` = `nsubj`);
//! `las_full` also requires the subtype.

use chronicle_doc::Upos;

use crate::conllu::TreeSentence;
use crate::models::SyntaxModels;
use crate::parser::{tag_key, ParseScratch, Parser, NO_ALT_KEY};
use crate::tagger::{TagScratch, Tagger, NO_ALT};

/// Accuracies (0–100) and speeds of one evaluation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub words: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
    pub las_full: f64,
    /// Tagging + lemmatization speed, words per CPU second of one thread.
    pub tag_speed: f64,
    /// Parsing speed on predicted tags, words per CPU second of one thread.
    pub parse_speed: f64,
}

/// A clock for speed figures: this thread's CPU time where Linux reports it (so figures
/// stay meaningful on a busy shared machine), wall-clock time elsewhere.
struct Clock {
    cpu: Option<u64>,
    wall: std::time::Instant,
}

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

impl Clock {
    fn start() -> Clock {
        Clock {
            cpu: thread_cpu_ns(),
            wall: std::time::Instant::now(),
        }
    }

    fn seconds(&self) -> f64 {
        match (self.cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

fn base(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Tagger and lemmatizer scores (UPOS, XPOS, lemma) and their speed.
pub fn evaluate_tagger(tagger: &Tagger, gold: &[TreeSentence]) -> Scores {
    let mut scratch = TagScratch::default();
    let (mut n, mut upos, mut xpos, mut lemma) = (0, 0, 0, 0);
    let start = Clock::start();
    let mut out = Vec::with_capacity(gold.len());
    for s in gold {
        let forms = s.forms();
        let tags = tagger.tag(&forms, &mut scratch);
        let lemmas: Vec<String> = forms
            .iter()
            .zip(&tags)
            .map(|(f, &t)| tagger.lemmatizer.lemmatize(f, tagger.tags.xpos[t as usize]))
            .collect();
        out.push((tags, lemmas));
    }
    let secs = start.seconds();
    for (s, (tags, lemmas)) in gold.iter().zip(&out) {
        for ((w, &t), l) in s.words.iter().zip(tags).zip(lemmas) {
            n += 1;
            upos += usize::from(tagger.tags.upos[t as usize].map(Upos::as_str) == Some(w.upos.as_str()));
            xpos += usize::from(tagger.tags.xpos[t as usize] == w.xpos);
            lemma += usize::from(*l == w.lemma);
        }
    }
    Scores {
        words: n,
        upos: pct(upos, n),
        xpos: pct(xpos, n),
        lemma: pct(lemma, n),
        tag_speed: n as f64 / secs.max(1e-9),
        ..Scores::default()
    }
}

/// Parser-only scores (UAS, LAS); tags are `tags[s][i]` keys, or gold tags when `None`;
/// `alts[s][i]` the tagger's runner-up tag keys (see [`predicted_tag_alt_keys`]; empty: none).
pub fn evaluate_parser(parser: &Parser, gold: &[TreeSentence], tags: Option<&[Vec<u64>]>, alts: &[Vec<u64>]) -> Scores {
    let gold_tags: Vec<Vec<u64>>;
    let tags = match tags {
        Some(t) => t,
        None => {
            gold_tags = gold
                .iter()
                .map(|s| s.words.iter().map(|w| tag_key(&w.xpos, &w.upos)).collect())
                .collect();
            &gold_tags
        }
    };
    let mut scratch = ParseScratch::default();
    let start = Clock::start();
    let arcs: Vec<_> = gold
        .iter()
        .zip(tags)
        .enumerate()
        .map(|(i, (s, t))| {
            let alt = alts.get(i).map_or(&[][..], Vec::as_slice);
            parser.parse_alts(&s.forms(), t, alt, &mut scratch)
        })
        .collect();
    let secs = start.seconds();
    let (mut n, mut uas, mut las, mut full) = (0, 0, 0, 0);
    for (s, a) in gold.iter().zip(&arcs) {
        for (w, &(h, l)) in s.words.iter().zip(a) {
            n += 1;
            let head_ok = h.map_or(0, |h| h + 1) == w.head;
            let label = parser.labels[l as usize];
            uas += usize::from(head_ok);
            las += usize::from(head_ok && base(label) == base(&w.deprel));
            full += usize::from(head_ok && label == w.deprel);
        }
    }
    Scores {
        words: n,
        uas: pct(uas, n),
        las: pct(las, n),
        las_full: pct(full, n),
        parse_speed: n as f64 / secs.max(1e-9),
        ..Scores::default()
    }
}

/// The tag keys the tagger predicts for each sentence (parser input at run time).
pub fn predicted_tag_keys(tagger: &Tagger, gold: &[TreeSentence]) -> Vec<Vec<u64>> {
    let mut scratch = TagScratch::default();
    gold.iter()
        .map(|s| {
            tagger
                .tag(&s.forms(), &mut scratch)
                .iter()
                .map(|&t| {
                    tag_key(
                        tagger.tags.xpos[t as usize],
                        tagger.tags.upos[t as usize].map_or("X", Upos::as_str),
                    )
                })
                .collect()
        })
        .collect()
}

/// The tag keys the tagger predicts for each sentence and its runner-up tag keys where its
/// margin is below `gate` ([`NO_ALT_KEY`] elsewhere): the parser's input at run time when it
/// has runner-up tag features.
pub fn predicted_tag_alt_keys(tagger: &Tagger, gold: &[TreeSentence], gate: f32) -> (Vec<Vec<u64>>, Vec<Vec<u64>>) {
    let mut scratch = TagScratch::default();
    let mut alts = Vec::new();
    gold.iter()
        .map(|s| {
            let tags = tagger.tag_alts(&s.forms(), &mut scratch, gate, &mut alts);
            (tag_keys(tagger, &tags), alt_keys(tagger, &alts))
        })
        .unzip()
}

fn class_key(tagger: &Tagger, c: u16) -> u64 {
    tag_key(
        tagger.tags.xpos[c as usize],
        tagger.tags.upos[c as usize].map_or("X", Upos::as_str),
    )
}

/// The parser's tag keys of tagger classes.
pub fn tag_keys(tagger: &Tagger, classes: &[u16]) -> Vec<u64> {
    classes.iter().map(|&c| class_key(tagger, c)).collect()
}

/// The parser's runner-up tag keys of [`Tagger::tag_alts`]'s output.
pub fn alt_keys(tagger: &Tagger, alts: &[u16]) -> Vec<u64> {
    alts.iter()
        .map(|&c| if c == NO_ALT { NO_ALT_KEY } else { class_key(tagger, c) })
        .collect()
}

/// The full pipeline on gold tokens: tagger scores, then the parser on predicted tags.
pub fn evaluate(models: &SyntaxModels, gold: &[TreeSentence]) -> Scores {
    let t = evaluate_tagger(&models.tagger, gold);
    let (tags, alts) = match models.parser.alt_gate() {
        Some(g) => predicted_tag_alt_keys(&models.tagger, gold, g),
        None => (predicted_tag_keys(&models.tagger, gold), Vec::new()),
    };
    let p = evaluate_parser(&models.parser, gold, Some(&tags), &alts);
    Scores {
        uas: p.uas,
        las: p.las,
        las_full: p.las_full,
        parse_speed: p.parse_speed,
        ..t
    }
}
