//! Feature extraction: each token becomes a list of hashed feature ids.
//!
//! Local features (word, affixes, shape, neighbours, gazetteers, clusters) follow Ratinov &
//! Roth (2009). Two kinds of document-level evidence matter for news, where a name is usually
//! introduced in full once and then repeated: [`DocInfo`] (how a word is written elsewhere in
//! the article, which settles sentence-initial and all-caps headline words) and [`History`]
//! (what the model itself labelled the same word earlier in the article).

use crate::hash::{FeatureHasher as H, StrMap, StrSet};
use crate::lexicon::{Cluster, Lexicon};
use crate::tags::{split, Tag};
use crate::weights::{Scores, Weights};

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
    // One pass that stops at the first lower-case letter (the first word, in most sentences).
    let mut letters = 0usize;
    for w in words {
        for c in w.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    letters >= 2
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
        // Case-mapped forms are built in one buffer and only copied when new to a table.
        let mut buf = String::new();
        for words in sentences {
            if is_all_caps_sentence(words) {
                continue;
            }
            for (i, w) in words.iter().enumerate() {
                if !has_letter(w) {
                    continue;
                }
                let cap = initial_cap(w);
                if i > 0 && !cap {
                    let lower = lowercase_into(w, &mut buf);
                    if !info.lower_seen.contains(lower) {
                        info.lower_seen.insert(lower.to_string());
                    }
                }
                if cap && (i > 0 || has_lower(w)) {
                    if i > 0 && !info.cap_seen.contains(*w) {
                        info.cap_seen.insert((*w).to_string());
                    }
                    let upper = uppercase_into(w, &mut buf);
                    if !info.case_variant.contains_key(upper) {
                        info.case_variant.insert(upper.to_string(), (*w).to_string());
                    }
                }
            }
        }
        info
    }
}

/// `word.to_lowercase()`, written into `buf` (without allocating for ASCII words).
fn lowercase_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&word.to_lowercase());
    }
    buf
}

/// `word.to_uppercase()`, written into `buf` (without allocating for ASCII words).
fn uppercase_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_uppercase();
    } else {
        buf.push_str(&word.to_uppercase());
    }
    buf
}

/// Label counts of words the model already tagged in this article: for each capitalised
/// word, how often it was O, PER, ORG, LOC, MISC.
#[derive(Debug, Default)]
pub struct History {
    counts: StrMap<[u16; 5]>,
}

impl History {
    fn key<'k>(word: &'k str, headline: bool, doc: &'k DocInfo) -> Option<&'k str> {
        if !initial_cap(word) || !has_letter(word) {
            return None;
        }
        if headline {
            return Some(doc.case_variant.get(word).map_or(word, String::as_str));
        }
        Some(word)
    }

    /// Records the tags chosen for a sentence.
    pub fn add(&mut self, words: &[&str], tags: &[Tag], doc: &DocInfo) {
        let headline = is_all_caps_sentence(words);
        for (w, &t) in words.iter().zip(tags) {
            if let Some(k) = History::key(w, headline, doc) {
                let slot = split(t).map_or(0, |(kind, _)| 1 + crate::tags::kind_index(kind));
                let counts = match self.counts.get_mut(k) {
                    Some(c) => c,
                    None => self.counts.entry(k.to_string()).or_default(),
                };
                let c = &mut counts[slot];
                *c = c.saturating_add(1);
            }
        }
    }

    /// History features of a sentence's tokens.
    pub fn features(&self, words: &[&str], doc: &DocInfo, out: &mut SentenceFeatures) {
        out.clear();
        if self.counts.is_empty() {
            // Nothing tagged yet (the article's first sentence): no token has a history.
            for _ in words {
                out.close_token();
            }
            return;
        }
        let headline = is_all_caps_sentence(words);
        for w in words {
            if let Some(c) = History::key(w, headline, doc).and_then(|k| self.counts.get(k)) {
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

/// Computes the static (non-history) features of sentences. Keeps its working buffers from
/// one sentence to the next, so extraction allocates nothing once they have grown.
pub struct Extractor<'a> {
    lexicon: &'a Lexicon,
    /// Every token's lower-cased form, shape and short shape, back to back.
    text: String,
    toks: Vec<Tok>,
    caps: Vec<bool>,
    gaz: Vec<Vec<(u8, u8)>>,
    /// Shapes of a headline word's article spelling.
    variant_shape: String,
    /// Each token's entry in the word cache (tagging with a cache only).
    entries: Vec<u32>,
    /// Word-only features of one token (tagging with a cache only).
    scratch: Vec<u64>,
}

/// What extraction needs of one token, computed once per sentence (strings are ranges of
/// `Extractor::text`).
#[derive(Clone, Copy)]
struct Tok {
    lower: (u32, u32),
    shape: (u32, u32),
    short: (u32, u32),
    chars: u32,
    cluster: Option<Cluster>,
}

/// Appends `shape(word)` and `short_shape(word)` to `text` in one pass over the characters;
/// returns their ranges and the number of characters.
fn shapes_into(word: &str, text: &mut String) -> ((u32, u32), (u32, u32), u32) {
    let start = text.len() as u32;
    let mut chars = 0u32;
    for c in word.chars() {
        if chars < 12 {
            text.push(class(c));
        }
        chars += 1;
    }
    let mid = text.len() as u32;
    let mut last = '\0';
    for c in word.chars() {
        let k = class(c);
        if k != last {
            text.push(k);
            last = k;
        }
    }
    ((start, mid), (mid, text.len() as u32), chars)
}

/// Byte ranges of the `k`-character prefixes and suffixes of `s`, `k` = 1..=4 (as many as
/// it has characters): `(prefix end, suffix start)` per `k`.
fn affixes(s: &str) -> ([(usize, usize); 4], usize) {
    let mut out = [(0, 0); 4];
    if s.is_ascii() {
        let n = s.len().min(4);
        for k in 1..=n {
            out[k - 1] = (k, s.len() - k);
        }
        return (out, n);
    }
    let mut n = 0;
    let mut fwd = s.char_indices().skip(1).map(|c| c.0);
    let mut back = s.char_indices().rev().map(|c| c.0);
    let total = s.chars().count();
    for k in 1..=total.min(4) {
        let end = fwd.next().unwrap_or(s.len());
        let start = back.next().expect("k <= number of characters");
        out[k - 1] = (end, start);
        n = k;
    }
    (out, n)
}

impl<'a> Extractor<'a> {
    pub fn new(lexicon: &'a Lexicon) -> Extractor<'a> {
        Extractor {
            lexicon,
            text: String::new(),
            toks: Vec::new(),
            caps: Vec::new(),
            gaz: Vec::new(),
            variant_shape: String::new(),
            entries: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// The features of every token of a sentence (training, and tagging without a cache).
    pub fn extract(&mut self, words: &[&str], doc: &DocInfo, out: &mut SentenceFeatures) {
        out.clear();
        let headline = self.prepare(words, doc, None);
        for i in 0..words.len() {
            self.word_features(i, words, doc, headline, &mut out.hashes);
            self.context_features(i, words, doc, headline, &mut out.hashes);
            out.close_token();
        }
    }

    /// Like [`Extractor::extract`], but each token's word-only features (the first ones of
    /// [`Extractor::extract`]'s list) are replaced by the sum of their rows, `base[i]`, taken
    /// from `cache` when the word was seen before. The rows are added in the order
    /// `extract` lists them, starting from zero, so continuing from `base[i]` with the
    /// token's other features gives bit for bit the sums of the uncached lists.
    pub(crate) fn extract_cached(
        &mut self,
        words: &[&str],
        doc: &DocInfo,
        weights: &Weights,
        cache: &mut WordCache,
        out: &mut SentenceFeatures,
        base: &mut Vec<Scores>,
    ) {
        out.clear();
        base.clear();
        let headline = self.prepare(words, doc, Some(cache));
        let mut scratch = std::mem::take(&mut self.scratch);
        for i in 0..words.len() {
            // In a headline with an article spelling the features depend on the article:
            // not cached.
            let cacheable = !headline || !doc.case_variant.contains_key(words[i]);
            let slot = usize::from(i > 0) + 2 * usize::from(headline);
            let cached = if cacheable {
                cache.sum(self.entries[i], slot)
            } else {
                None
            };
            let sum = match cached {
                Some(s) => s,
                None => {
                    scratch.clear();
                    self.word_features(i, words, doc, headline, &mut scratch);
                    let s = weights.sum(&scratch);
                    if cacheable {
                        cache.set_sum(self.entries[i], slot, s);
                    }
                    s
                }
            };
            base.push(sum);
            self.context_features(i, words, doc, headline, &mut out.hashes);
            out.close_token();
        }
        self.scratch = scratch;
    }

    /// Computes what the features need of every token (lower-case form, shapes, cluster,
    /// gazetteer matches); returns whether the sentence is a headline. With a cache, each
    /// token's cache entry goes to `self.entries` and the clusters come from it.
    fn prepare(&mut self, words: &[&str], doc: &DocInfo, mut cache: Option<&mut WordCache>) -> bool {
        let headline = is_all_caps_sentence(words);
        let lexicon = self.lexicon;
        self.text.clear();
        self.toks.clear();
        self.caps.clear();
        self.entries.clear();
        if let Some(cache) = cache.as_deref_mut() {
            // Dropped between sentences only: entries are indices.
            if cache.words.len() + words.len() > WordCache::MAX_WORDS {
                cache.clear();
            }
        }
        for w in words {
            let start = self.text.len();
            if w.is_ascii() {
                self.text.push_str(w);
                self.text[start..].make_ascii_lowercase();
            } else {
                self.text.push_str(&w.to_lowercase());
            }
            let lower_range = (start as u32, self.text.len() as u32);
            let lower = &self.text[start..];
            // The word's own cluster, else (headline words) that of its usual spelling in
            // the article, else that of the lower-cased word.
            let cluster = match cache.as_deref_mut() {
                Some(cache) => {
                    let (e, own, of_lower) = cache.entry(w, lower, lexicon);
                    self.entries.push(e);
                    own.or_else(|| doc.case_variant.get(*w).and_then(|v| lexicon.cluster(v)).or(of_lower))
                }
                None => lexicon.cluster(w).or_else(|| {
                    doc.case_variant
                        .get(*w)
                        .and_then(|v| lexicon.cluster(v))
                        .or_else(|| lexicon.cluster(lower))
                }),
            };
            let (shape, short, chars) = shapes_into(w, &mut self.text);
            self.toks.push(Tok {
                lower: lower_range,
                shape,
                short,
                chars,
                cluster,
            });
            self.caps.push(!has_lower(w));
        }
        lexicon.matches_into(words, &self.caps, &mut self.gaz);
        headline
    }

    /// The features of token `i` that depend only on its word, on whether it is the first
    /// word and on whether the sentence is a headline (given the article's spelling of the
    /// word in a headline). They come first in a token's list.
    fn word_features(&mut self, i: usize, words: &[&str], doc: &DocInfo, headline: bool, h: &mut Vec<u64>) {
        let text = self.text.as_str();
        let get = |r: (u32, u32)| &text[r.0 as usize..r.1 as usize];
        let t = &self.toks[i];
        let t_word = words[i];
        let t_lower = get(t.lower);
        let t_short = get(t.short);
        h.push(H::new(T_BIAS).finish());
        // In headlines the surface form is uninformative upper case: use the article's
        // own spelling of the word where there is one.
        let variant = if headline {
            doc.case_variant.get(t_word).map(String::as_str)
        } else {
            None
        };
        let word = variant.unwrap_or(t_word);
        h.push(H::new(T_WORD).str(word).finish());
        h.push(H::new(T_LOWER).str(t_lower).finish());
        let (ends, k_max) = affixes(t_lower);
        for (k, &(end, start)) in ends[..k_max].iter().enumerate() {
            let k = k as u64 + 1;
            h.push(H::new(T_PREFIX).num(k).str(&t_lower[..end]).finish());
            h.push(H::new(T_SUFFIX).num(k).str(&t_lower[start..]).finish());
        }
        let (shape_of_word, short_of_word) = match variant {
            Some(v) => {
                self.variant_shape.clear();
                let (a, b, _) = shapes_into(v, &mut self.variant_shape);
                let s = self.variant_shape.as_str();
                (&s[a.0 as usize..a.1 as usize], &s[b.0 as usize..b.1 as usize])
            }
            None => (get(t.shape), t_short),
        };
        h.push(H::new(T_SHAPE).str(shape_of_word).finish());
        h.push(H::new(T_SHORT_SHAPE).str(short_of_word).finish());
        h.push(
            H::new(T_CAPS)
                .str(short_of_word)
                .num(i.min(1) as u64)
                .num(headline as u64)
                .finish(),
        );
        h.push(H::new(T_LENGTH).num(t.chars.min(10) as u64).finish());
        if headline {
            h.push(H::new(T_HEADLINE_LOWER).str(t_lower).finish());
        }
    }

    /// The rest of token `i`'s features: neighbours, gazetteers, clusters, document evidence.
    fn context_features(&self, i: usize, words: &[&str], doc: &DocInfo, headline: bool, h: &mut Vec<u64>) {
        let n = words.len();
        let text = self.text.as_str();
        let get = |r: (u32, u32)| &text[r.0 as usize..r.1 as usize];
        let toks = &self.toks[..];
        let gaz = &self.gaz[..];
        let at = |j: isize| -> (&str, &str, &str) {
            if j < 0 {
                ("<s>", "<s>", "<s>")
            } else if j as usize >= n {
                ("</s>", "</s>", "</s>")
            } else {
                let t = &toks[j as usize];
                (words[j as usize], get(t.lower), get(t.short))
            }
        };
        let t = &toks[i];
        let t_word = words[i];
        let t_lower = get(t.lower);
        let t_short = get(t.short);
        let ii = i as isize;
        for off in [-2isize, -1, 1, 2] {
            let (w, lower, short) = at(ii + off);
            h.push(H::new(T_NEIGHBOUR).num(off as u64).str(lower).finish());
            if off.abs() == 1 {
                h.push(H::new(T_NEIGHBOUR_SHAPE).num(off as u64).str(short).finish());
                h.push(H::new(T_NEIGHBOUR_WORD).num(off as u64).str(w).finish());
            }
        }
        h.push(H::new(T_BIGRAM_LEFT).str(at(ii - 1).1).str(t_lower).finish());
        h.push(H::new(T_BIGRAM_RIGHT).str(t_lower).str(at(ii + 1).1).finish());
        h.push(
            H::new(T_SHAPE_TRIGRAM)
                .str(at(ii - 1).2)
                .str(t_short)
                .str(at(ii + 1).2)
                .finish(),
        );

        for &(g, pos) in &gaz[i] {
            h.push(H::new(T_GAZ).num(g as u64).num(pos as u64).finish());
            h.push(H::new(T_GAZ_SHAPE).num(g as u64).num(pos as u64).str(t_short).finish());
        }
        for off in [-1isize, 1] {
            let j = ii + off;
            if j >= 0 && (j as usize) < n {
                for &(g, _) in &gaz[j as usize] {
                    h.push(H::new(T_GAZ_NEIGHBOUR).num(off as u64).num(g as u64).finish());
                }
            }
        }

        if let Some(c) = t.cluster {
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
                if let Some(c) = toks[j as usize].cluster {
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
        if initial_cap(t_word) && has_letter(t_word) {
            if doc.lower_seen.contains(t_lower) {
                h.push(H::new(T_DOC).num(1).num((i == 0) as u64).finish());
            }
            if i == 0 || headline {
                let word = if headline {
                    doc.case_variant.get(t_word).map_or(t_word, String::as_str)
                } else {
                    t_word
                };
                let seen_cap = doc.cap_seen.contains(word);
                h.push(H::new(T_DOC).num(2).num(seen_cap as u64).num(headline as u64).finish());
            }
        }
    }
}

/// Per-word results that do not depend on the article, kept from article to article by one
/// thread for one model: the word's cluster and that of its lower-cased form, and the summed
/// rows of its word-only features in each of the four settings (first word or not, headline
/// or not). Dropped whole when it grows past [`WordCache::MAX_WORDS`].
#[derive(Default)]
pub(crate) struct WordCache {
    index: StrMap<u32>,
    words: Vec<CachedWord>,
    sums: Vec<Scores>,
}

#[derive(Clone, Copy)]
struct CachedWord {
    own: Option<Cluster>,
    of_lower: Option<Cluster>,
    /// Index into `sums` per setting (first word + 2 × headline), `u32::MAX` if not yet summed.
    sums: [u32; 4],
}

impl WordCache {
    const MAX_WORDS: usize = 1 << 17;

    /// The entry of `word` (whose lower-case form is `lower`), made if new: its index, its
    /// own cluster and its lower-case form's.
    fn entry(&mut self, word: &str, lower: &str, lexicon: &Lexicon) -> (u32, Option<Cluster>, Option<Cluster>) {
        if let Some(&e) = self.index.get(word) {
            let c = &self.words[e as usize];
            return (e, c.own, c.of_lower);
        }
        let c = CachedWord {
            own: lexicon.cluster(word),
            of_lower: lexicon.cluster(lower),
            sums: [u32::MAX; 4],
        };
        let e = self.words.len() as u32;
        self.words.push(c);
        self.index.insert(word.to_string(), e);
        (e, c.own, c.of_lower)
    }

    fn sum(&self, entry: u32, slot: usize) -> Option<Scores> {
        let s = self.words[entry as usize].sums[slot];
        (s != u32::MAX).then(|| self.sums[s as usize])
    }

    fn set_sum(&mut self, entry: u32, slot: usize, sum: Scores) {
        self.words[entry as usize].sums[slot] = self.sums.len() as u32;
        self.sums.push(sum);
    }

    pub(crate) fn clear(&mut self) {
        self.index.clear();
        self.words.clear();
        self.sums.clear();
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
        let mut ex = Extractor::new(&lex);
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

#[cfg(test)]
mod pinned {
    use super::*;
    use crate::hash::fnv1a;

    /// Articles that exercise every template: headlines (with and without an article
    /// spelling), gazetteer phrases, clusters, non-ASCII and multi-byte words, digits,
    /// one-letter words, document spelling evidence and label history.
    pub(super) const ARTICLES: &[&[&str]] = &[
        &[
            "SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .",
            "Nadim Ladki",
            "AL-AIN , United Arab Emirates 1996-12-06",
            "Japan began the defence of their Asian Cup title with a lucky 2-1 win against Syria in a Group C championship match on Friday .",
            "But China saw their luck desert them in the second match of the group , crashing to a surprise 2-0 defeat to newcomers Uzbekistan .",
            "China controlled most of the match and saw several chances missed until the 78th minute when Uzbek striker Igor Shkvyrin took advantage .",
        ],
        &[
            "Ζωή Σίσσυ ΟΔΟΣ in Αθήνα and Zürich , São Paulo , İstanbul ; ﬁnance ǅemal ΣΑΣ .",
            "ÉCOLE NORMALE SUPÉRIEURE SAID ON MONDAY IT WOULD HIRE ÉRIC .",
            "The École normale supérieure in Paris said Éric Müller-Lüdenscheidt , 42 , joined on 3/4 at $ 1,000.50 .",
            "a I x 7 - -- ... U.S. McDonald's iPhone e-mail 1996-08-22 ( AP ) \" New York \"",
            "New York Stock Exchange and the European Union met in New York City with Bill Clinton .",
        ],
    ];

    fn digest(lex: &Lexicon) -> u64 {
        let mut ex = Extractor::new(lex);
        let mut bytes = Vec::new();
        for article in ARTICLES {
            let sents: Vec<Vec<&str>> = article.iter().map(|s| s.split(' ').collect()).collect();
            let doc = DocInfo::new(&sents);
            let mut hist = History::default();
            let mut f = SentenceFeatures::default();
            let mut h = SentenceFeatures::default();
            for (k, words) in sents.iter().enumerate() {
                ex.extract(words, &doc, &mut f);
                hist.features(words, &doc, &mut h);
                for s in [&f, &h] {
                    for &o in &s.offsets {
                        bytes.extend_from_slice(&o.to_le_bytes());
                    }
                    for &x in &s.hashes {
                        bytes.extend_from_slice(&x.to_le_bytes());
                    }
                }
                // Some made-up labels so the history has votes of every kind.
                let tags: Vec<Tag> = (0..words.len()).map(|i| ((i * 7 + k * 3) % 17) as Tag).collect();
                hist.add(words, &tags, &doc);
            }
        }
        fnv1a(&bytes)
    }

    /// The feature hashes are the model's vocabulary: any change to them (a faster extractor
    /// included) must leave them bit for bit the same, or the model must be retrained.
    #[test]
    fn feature_hashes_are_pinned() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(digest(&lex), 6_842_526_755_407_702_921);
    }
}

#[cfg(test)]
mod cached {
    use super::*;
    use crate::model::NerModel;

    /// Tagging with the word cache gives bit for bit the emission scores of tagging without
    /// it, for words met the first time (cache filled) and again (cache read), in headlines
    /// with and without an article spelling, first and later in a sentence.
    #[test]
    fn cached_sums_are_exact() {
        let model = NerModel::embedded().unwrap();
        let (weights, lex) = (&model.weights, &model.lexicon);
        let mut ex = Extractor::new(lex);
        let mut cache = WordCache::default();
        let (mut f, mut g, mut h) = (
            SentenceFeatures::default(),
            SentenceFeatures::default(),
            SentenceFeatures::default(),
        );
        let (mut plain, mut fast, mut base) = (Vec::new(), Vec::new(), Vec::new());
        let mut tokens = 0;
        for _ in 0..2 {
            for article in super::pinned::ARTICLES {
                let sents: Vec<Vec<&str>> = article.iter().map(|s| s.split(' ').collect()).collect();
                let doc = DocInfo::new(&sents);
                let mut hist = History::default();
                for words in &sents {
                    hist.features(words, &doc, &mut h);
                    ex.extract(words, &doc, &mut f);
                    weights.emissions(&[&f, &h], &mut plain);
                    ex.extract_cached(words, &doc, weights, &mut cache, &mut g, &mut base);
                    weights.emissions_from(&base, &[&g, &h], &mut fast);
                    assert_eq!(plain.len(), words.len());
                    for (a, b) in plain.iter().zip(&fast) {
                        assert_eq!(a.map(f32::to_bits), b.map(f32::to_bits), "{words:?}");
                    }
                    tokens += words.len();
                    hist.add(words, &weights.viterbi(&plain), &doc);
                }
            }
        }
        assert!(tokens > 100);
        assert!(cache.words.len() < tokens / 2, "second pass reads the cache");
    }
}
