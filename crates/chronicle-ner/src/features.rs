//! Feature extraction: each token becomes a list of hashed feature ids.
//!
//! Local features (word, affixes, shape, neighbours, gazetteers, clusters) follow Ratinov &
//! Roth (2009). Two kinds of document-level evidence matter for news, where a name is usually
//! introduced in full once and then repeated: [`DocInfo`] (how a word is written elsewhere in
//! the article, which settles sentence-initial and all-caps headline words) and [`History`]
//! (what the model itself labelled the same word earlier in the article).

use crate::hash::{FeatureHasher as H, StrMap, StrSet};
use crate::lexicon::Lexicon;
use crate::tags::{split, Tag};

// Template ids: part of every feature hash, so never renumber (bump FEATURE_VERSION instead).
const T_BIAS: u8 = 1;
const T_WORD: u8 = 2;
const T_LOWER: u8 = 3;
const T_PREFIX: u8 = 4;
const T_SUFFIX: u8 = 5;
const T_SHAPE: u8 = 6;
const T_SHORT_SHAPE: u8 = 7;
const T_CAPS: u8 = 8;
const T_NEIGHBOUR: u8 = 9;
const T_NEIGHBOUR_SHAPE: u8 = 10;
const T_BIGRAM_LEFT: u8 = 11;
const T_BIGRAM_RIGHT: u8 = 12;
const T_SHAPE_TRIGRAM: u8 = 13;
const T_GAZ: u8 = 14;
const T_GAZ_NEIGHBOUR: u8 = 15;
const T_CLUSTER: u8 = 16;
const T_CLUSTER_NEIGHBOUR: u8 = 17;
const T_DOC: u8 = 18;
const T_HISTORY: u8 = 19;
const T_HEADLINE_LOWER: u8 = 20;
const T_NEIGHBOUR_WORD: u8 = 21;
const T_LENGTH: u8 = 22;
const T_GAZ_SHAPE: u8 = 23;

/// Version of the feature templates; stored in the model file.
pub const FEATURE_VERSION: u32 = 1;

/// Cluster path prefixes used as features (Ratinov & Roth use 4, 6, 10, 20).
const CLUSTER_PREFIXES: [u8; 4] = [4, 6, 10, 20];

/// Features of a sentence: token `i` has `hashes[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    pub offsets: Vec<u32>,
    pub hashes: Vec<u64>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn token(&self, i: usize) -> &[u64] {
        &self.hashes[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    fn clear(&mut self) {
        self.offsets.clear();
        self.hashes.clear();
        self.offsets.push(0);
    }

    fn close_token(&mut self) {
        self.offsets.push(self.hashes.len() as u32);
    }
}

/// Word shape: `Xx`-style classes per character, truncated (long words share a shape).
pub fn shape(word: &str) -> String {
    let mut s = String::with_capacity(8);
    for c in word.chars().take(12) {
        s.push(class(c));
    }
    s
}

/// Shape with runs collapsed: `Xxxxx` → `Xx`, `1996-08-22` → `d-d-d`.
pub fn short_shape(word: &str) -> String {
    let mut s = String::with_capacity(6);
    let mut last = '\0';
    for c in word.chars() {
        let k = class(c);
        if k != last {
            s.push(k);
            last = k;
        }
    }
    s
}

fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn initial_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn has_lower(word: &str) -> bool {
    word.chars().any(char::is_lowercase)
}

fn has_letter(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// Whether a sentence is written in capitals (headlines, datelines): it has letters and none
/// of its words has a lower-case letter.
pub fn is_all_caps_sentence(words: &[&str]) -> bool {
    let letters: usize = words
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    letters >= 2 && !words.iter().any(|w| has_lower(w))
}

/// What the whole article says about how words are written, gathered before tagging.
#[derive(Debug, Default)]
pub struct DocInfo {
    /// Lower-cased forms seen written in lower case mid-sentence (so probably common words).
    lower_seen: StrSet,
    /// Words seen capitalised mid-sentence in ordinary (not all-caps) sentences.
    cap_seen: StrSet,
    /// Upper-cased word → its usual mixed-case spelling in the article (`JAPAN` → `Japan`).
    case_variant: StrMap<String>,
}

impl DocInfo {
    pub fn new(sentences: &[Vec<&str>]) -> DocInfo {
        let mut info = DocInfo::default();
        for words in sentences {
            if is_all_caps_sentence(words) {
                continue;
            }
            for (i, w) in words.iter().enumerate() {
                if !has_letter(w) {
                    continue;
                }
                if i > 0 && !initial_cap(w) {
                    info.lower_seen.insert(w.to_lowercase());
                }
                if initial_cap(w) && (i > 0 || has_lower(w)) {
                    if i > 0 {
                        info.cap_seen.insert((*w).to_string());
                    }
                    info.case_variant
                        .entry(w.to_uppercase())
                        .or_insert_with(|| (*w).to_string());
                }
            }
        }
        info
    }
}

/// Label counts of words the model already tagged in this article: for each capitalised
/// word, how often it was O, PER, ORG, LOC, MISC.
#[derive(Debug, Default)]
pub struct History {
    counts: StrMap<[u16; 5]>,
}

impl History {
    fn key(word: &str, headline: bool, doc: &DocInfo) -> Option<String> {
        if !initial_cap(word) || !has_letter(word) {
            return None;
        }
        if headline {
            return Some(doc.case_variant.get(word).cloned().unwrap_or_else(|| word.to_string()));
        }
        Some(word.to_string())
    }

    /// Records the tags chosen for a sentence.
    pub fn add(&mut self, words: &[&str], tags: &[Tag], doc: &DocInfo) {
        let headline = is_all_caps_sentence(words);
        for (w, &t) in words.iter().zip(tags) {
            if let Some(k) = History::key(w, headline, doc) {
                let slot = split(t).map_or(0, |(kind, _)| 1 + crate::tags::kind_index(kind));
                let c = &mut self.counts.entry(k).or_default()[slot];
                *c = c.saturating_add(1);
            }
        }
    }

    /// History features of a sentence's tokens.
    pub fn features(&self, words: &[&str], doc: &DocInfo, out: &mut SentenceFeatures) {
        out.clear();
        let headline = is_all_caps_sentence(words);
        for w in words {
            if let Some(c) = History::key(w, headline, doc).and_then(|k| self.counts.get(&k)) {
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                let (best, _) = c.iter().enumerate().max_by_key(|&(i, &n)| (n, 5 - i)).expect("5 slots");
                out.hashes.push(H::new(T_HISTORY).num(best as u64).finish());
                for (slot, &n) in c.iter().enumerate() {
                    if n > 0 {
                        // Share of this label, in quarters: a weak vote differs from a unanimous one.
                        let q = (4 * n as u32).div_ceil(total);
                        out.hashes
                            .push(H::new(T_HISTORY).num(10 + slot as u64).num(q as u64).finish());
                    }
                }
            }
            out.close_token();
        }
    }
}

/// Computes the static (non-history) features of sentences.
pub struct Extractor<'a> {
    pub lexicon: &'a Lexicon,
}

/// Per-token strings computed once per sentence.
struct Tok<'w> {
    word: &'w str,
    lower: String,
    short: String,
    shape: String,
}

impl Extractor<'_> {
    pub fn extract(&self, words: &[&str], doc: &DocInfo, out: &mut SentenceFeatures) {
        out.clear();
        let n = words.len();
        let headline = is_all_caps_sentence(words);
        let toks: Vec<Tok> = words
            .iter()
            .map(|w| Tok {
                word: w,
                lower: w.to_lowercase(),
                short: short_shape(w),
                shape: shape(w),
            })
            .collect();
        let caps: Vec<bool> = words.iter().map(|w| !has_lower(w)).collect();
        let gaz = self.lexicon.matches(words, &caps);
        let at = |j: isize| -> (&str, &str, &str) {
            if j < 0 {
                ("<s>", "<s>", "<s>")
            } else if j as usize >= n {
                ("</s>", "</s>", "</s>")
            } else {
                let t = &toks[j as usize];
                (t.word, t.lower.as_str(), t.short.as_str())
            }
        };
        let clusters: Vec<_> = words
            .iter()
            .map(|w| {
                self.lexicon.cluster(w).or_else(|| {
                    // Headline words take the cluster of their usual spelling, or of the
                    // lower-cased word.
                    doc.case_variant
                        .get(*w)
                        .and_then(|v| self.lexicon.cluster(v))
                        .or_else(|| self.lexicon.cluster(&w.to_lowercase()))
                })
            })
            .collect();

        for i in 0..n {
            let t = &toks[i];
            let h = &mut out.hashes;
            let ii = i as isize;
            h.push(H::new(T_BIAS).finish());
            // In headlines the surface form is uninformative upper case: use the article's
            // own spelling of the word where there is one.
            let variant = if headline {
                doc.case_variant.get(t.word).map(String::as_str)
            } else {
                None
            };
            let word = variant.unwrap_or(t.word);
            h.push(H::new(T_WORD).str(word).finish());
            h.push(H::new(T_LOWER).str(&t.lower).finish());
            let chars: Vec<(usize, char)> = t.lower.char_indices().collect();
            for k in 1..=4.min(chars.len()) {
                let end = chars.get(k).map_or(t.lower.len(), |c| c.0);
                h.push(H::new(T_PREFIX).num(k as u64).str(&t.lower[..end]).finish());
                let start = chars[chars.len() - k].0;
                h.push(H::new(T_SUFFIX).num(k as u64).str(&t.lower[start..]).finish());
            }
            let shape_of_word: std::borrow::Cow<str> = if variant.is_some() {
                shape(word).into()
            } else {
                t.shape.as_str().into()
            };
            let short_of_word: std::borrow::Cow<str> = if variant.is_some() {
                short_shape(word).into()
            } else {
                t.short.as_str().into()
            };
            h.push(H::new(T_SHAPE).str(&shape_of_word).finish());
            h.push(H::new(T_SHORT_SHAPE).str(&short_of_word).finish());
            h.push(
                H::new(T_CAPS)
                    .str(&short_of_word)
                    .num(i.min(1) as u64)
                    .num(headline as u64)
                    .finish(),
            );
            h.push(H::new(T_LENGTH).num(t.word.chars().count().min(10) as u64).finish());
            if headline {
                h.push(H::new(T_HEADLINE_LOWER).str(&t.lower).finish());
            }
            for off in [-2isize, -1, 1, 2] {
                let (_, lower, short) = at(ii + off);
                h.push(H::new(T_NEIGHBOUR).num(off as u64).str(lower).finish());
                if off.abs() == 1 {
                    h.push(H::new(T_NEIGHBOUR_SHAPE).num(off as u64).str(short).finish());
                    let (w, _, _) = at(ii + off);
                    h.push(H::new(T_NEIGHBOUR_WORD).num(off as u64).str(w).finish());
                }
            }
            h.push(H::new(T_BIGRAM_LEFT).str(at(ii - 1).1).str(&t.lower).finish());
            h.push(H::new(T_BIGRAM_RIGHT).str(&t.lower).str(at(ii + 1).1).finish());
            h.push(
                H::new(T_SHAPE_TRIGRAM)
                    .str(at(ii - 1).2)
                    .str(&t.short)
                    .str(at(ii + 1).2)
                    .finish(),
            );

            for &(g, pos) in &gaz[i] {
                h.push(H::new(T_GAZ).num(g as u64).num(pos as u64).finish());
                h.push(H::new(T_GAZ_SHAPE).num(g as u64).num(pos as u64).str(&t.short).finish());
            }
            for off in [-1isize, 1] {
                let j = ii + off;
                if j >= 0 && (j as usize) < n {
                    for &(g, _) in &gaz[j as usize] {
                        h.push(H::new(T_GAZ_NEIGHBOUR).num(off as u64).num(g as u64).finish());
                    }
                }
            }

            if let Some(c) = clusters[i] {
                for p in CLUSTER_PREFIXES {
                    let p = p.min(c.len);
                    h.push(
                        H::new(T_CLUSTER)
                            .num(p as u64)
                            .num((c.bits >> (c.len - p)) as u64)
                            .finish(),
                    );
                }
            } else {
                h.push(H::new(T_CLUSTER).num(99).finish());
            }
            for off in [-1isize, 1] {
                let j = ii + off;
                if j >= 0 && (j as usize) < n {
                    if let Some(c) = clusters[j as usize] {
                        for p in [4u8, 10] {
                            let p = p.min(c.len);
                            h.push(
                                H::new(T_CLUSTER_NEIGHBOUR)
                                    .num(off as u64)
                                    .num(p as u64)
                                    .num((c.bits >> (c.len - p)) as u64)
                                    .finish(),
                            );
                        }
                    }
                }
            }

            // Document-level spelling evidence.
            if initial_cap(t.word) && has_letter(t.word) {
                if doc.lower_seen.contains(&t.lower) {
                    h.push(H::new(T_DOC).num(1).num((i == 0) as u64).finish());
                }
                if i == 0 || headline {
                    let seen_cap = doc.cap_seen.contains(word);
                    h.push(H::new(T_DOC).num(2).num(seen_cap as u64).num(headline as u64).finish());
                }
            }
            out.close_token();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Geneva"), "Xxxxxx");
        assert_eq!(short_shape("Geneva"), "Xx");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
        assert_eq!(short_shape("NATO"), "X");
        assert_eq!(short_shape("McDonald"), "XxXx");
    }

    #[test]
    fn headline_detection_and_doc_info() {
        assert!(is_all_caps_sentence(&["SOCCER", "-", "JAPAN", "WIN", "."]));
        assert!(!is_all_caps_sentence(&["Japan", "won", "."]));
        let s1 = vec!["SOCCER", "-", "JAPAN", "WIN"];
        let s2 = vec!["Japan", "beat", "Syria", "in", "Japan", "."];
        let info = DocInfo::new(&[s1, s2]);
        assert_eq!(info.case_variant.get("JAPAN").map(String::as_str), Some("Japan"));
        assert!(info.cap_seen.contains("Japan"));
        assert!(info.lower_seen.contains("beat"));
        assert!(!info.cap_seen.contains("SOCCER"));
    }

    #[test]
    fn extraction_is_deterministic_and_sized() {
        let lex = Lexicon::embedded().unwrap();
        let ex = Extractor { lexicon: &lex };
        let words = ["Joe", "Biden", "visited", "Geneva", "."];
        let info = DocInfo::new(&[words.to_vec()]);
        let mut a = SentenceFeatures::default();
        let mut b = SentenceFeatures::default();
        ex.extract(&words, &info, &mut a);
        ex.extract(&words, &info, &mut b);
        assert_eq!(a.len(), 5);
        assert_eq!(a.hashes, b.hashes);
        // Geneva is a city in the gazetteer: its token carries a gazetteer feature.
        let gaz = H::new(T_GAZ).num(2).num(3).finish();
        assert!(a.token(3).contains(&gaz));
        assert!(!a.token(2).contains(&gaz));
        // Same word, same word feature, in any sentence.
        let w = H::new(T_WORD).str("Geneva").finish();
        assert!(a.token(3).contains(&w));
    }

    #[test]
    fn history_votes() {
        let info = DocInfo::default();
        let mut hist = History::default();
        let per = crate::tags::tag(chronicle_doc::EntityKind::Person, crate::tags::Pos::U);
        hist.add(&["Biden", "spoke"], &[per, 0], &info);
        let mut f = SentenceFeatures::default();
        hist.features(&["Biden", "left"], &info, &mut f);
        assert_eq!(f.token(0)[0], H::new(T_HISTORY).num(1).finish());
        assert!(f.token(1).is_empty(), "lower-case words have no history");
    }
}
