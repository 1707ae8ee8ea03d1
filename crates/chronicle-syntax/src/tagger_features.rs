//! Feature extraction for the tagger.
//!
//! Word-level values (form, normalised form, affixes, shape, ambiguity class) are hashed
//! once per token; each feature is then one mix of a template id with one to three of those
//! values, so extraction allocates nothing per token beyond the caller's scratch buffers.

use crate::clusters::{ClusterKeys, NO_CLUSTER};
use crate::hash::{feature, finish, hash_str, mix};

/// Hashed properties of one word, computed once per sentence.
#[derive(Clone, Copy, Default)]
pub struct WordKeys {
    pub word: u64,
    pub norm: u64,
    pub pre: [u64; 3],
    pub suf: [u64; 4],
    pub shape: u64,
    /// Bit set of the XPOS tags the word had in training (0 for rare or unseen words).
    pub amb: u64,
    pub initial_cap: bool,
    /// The part after the last hyphen (`pro-Russian` → `russian`): hyphenated words tag like their head.
    pub last_part: u64,
    /// Word-cluster prefixes (see [`crate::clusters`]).
    pub cl: ClusterKeys,
}

const PAD_L1: u64 = 0x1111;
const PAD_L2: u64 = 0x2222;
const PAD_R1: u64 = 0x3333;
const PAD_R2: u64 = 0x4444;

/// The normalised form used for word identity: lower case, every digit mapped to `0`, so
/// "1,200" and "3,400" share statistics.
pub fn normalise(form: &str, out: &mut Vec<char>) {
    out.clear();
    for c in form.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

fn hash_chars(cs: &[char], salt: u64) -> u64 {
    let mut h = salt;
    for &c in cs {
        h = mix(h, u64::from(c as u32));
    }
    finish(h)
}

/// Hash of the normalised form (the key of the ambiguity-class lexicon).
pub fn norm_key(form: &str, scratch: &mut Vec<char>) -> u64 {
    normalise(form, scratch);
    hash_chars(scratch, 7)
}

/// Word shape: `Xxxx` → `Xx`, `US-2024` → `XX-dd`; runs of a class are cut at two.
fn shape(form: &str) -> u64 {
    let mut h = 13u64;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
            last = k;
        }
        h = mix(h, u64::from(k as u32));
    }
    finish(h)
}

/// Computes the per-word keys of a sentence into `out`.
pub fn word_keys(
    words: &[&str],
    amb: impl Fn(u64) -> u64,
    cluster: impl Fn(&str) -> ClusterKeys,
    scratch: &mut Vec<char>,
    out: &mut Vec<WordKeys>,
) {
    out.clear();
    for w in words {
        normalise(w, scratch);
        let n = scratch.len();
        let norm = hash_chars(scratch, 7);
        let mut k = WordKeys {
            word: hash_str(w),
            norm,
            shape: shape(w),
            amb: amb(norm),
            cl: cluster(w),
            ..WordKeys::default()
        };
        for i in 0..3 {
            k.pre[i] = hash_chars(&scratch[..(i + 1).min(n)], 100 + i as u64);
        }
        for i in 0..4 {
            k.suf[i] = hash_chars(&scratch[n.saturating_sub(i + 1)..], 200 + i as u64);
        }
        k.initial_cap = w.chars().next().is_some_and(char::is_uppercase);
        let cut = scratch.iter().rposition(|&c| c == '-').map_or(0, |p| p + 1);
        k.last_part = hash_chars(&scratch[cut..], 300);
        out.push(k);
    }
}

/// The features of position `i` given the tags already assigned to `0..i` (`tags[j]` is a
/// class id); `clusters` adds the word-cluster features.
pub fn features(keys: &[WordKeys], tags: &[u16], i: usize, clusters: bool, out: &mut Vec<u64>) {
    out.clear();
    let n = keys.len();
    let w = &keys[i];
    let norm_at = |j: isize| -> u64 {
        if j < 0 {
            if j == -1 {
                PAD_L1
            } else {
                PAD_L2
            }
        } else if j as usize >= n {
            if j as usize == n {
                PAD_R1
            } else {
                PAD_R2
            }
        } else {
            keys[j as usize].norm
        }
    };
    let at = |j: isize| -> Option<&WordKeys> { (j >= 0 && (j as usize) < n).then(|| &keys[j as usize]) };
    let ii = i as isize;
    let t1 = if i >= 1 { u64::from(tags[i - 1]) } else { 0xFFFF };
    let t2 = if i >= 2 { u64::from(tags[i - 2]) } else { 0xFFFF };
    let amb1 = at(ii + 1).map_or(PAD_R1, |k| k.amb);
    let amb2 = at(ii + 2).map_or(PAD_R2, |k| k.amb);
    out.extend_from_slice(&[
        feature(0, &[]),
        feature(1, &[w.word]),
        feature(2, &[w.norm]),
        feature(3, &[w.suf[0]]),
        feature(4, &[w.suf[1]]),
        feature(5, &[w.suf[2]]),
        feature(6, &[w.suf[3]]),
        feature(7, &[w.pre[0]]),
        feature(8, &[w.pre[1]]),
        feature(9, &[w.pre[2]]),
        feature(10, &[w.shape]),
        feature(11, &[w.amb]),
        feature(12, &[norm_at(ii - 1)]),
        feature(13, &[norm_at(ii + 1)]),
        feature(14, &[norm_at(ii - 2)]),
        feature(15, &[norm_at(ii + 2)]),
        feature(16, &[at(ii - 1).map_or(PAD_L1, |k| k.suf[2])]),
        feature(17, &[at(ii + 1).map_or(PAD_R1, |k| k.suf[2])]),
        feature(18, &[t1]),
        feature(19, &[t2, t1]),
        feature(20, &[t1, w.norm]),
        feature(21, &[amb1]),
        feature(22, &[amb2]),
        feature(23, &[w.norm, norm_at(ii + 1)]),
        feature(24, &[norm_at(ii - 1), w.norm]),
        feature(25, &[t1, w.amb]),
        feature(26, &[w.amb, amb1]),
        feature(27, &[u64::from(i == 0), w.shape]),
        feature(28, &[t1, w.suf[2]]),
        feature(29, &[t1, amb1]),
        feature(30, &[u64::from(w.initial_cap), u64::from(i == 0), w.suf[1]]),
        // Capitalisation and shape of the neighbours separate proper nouns from nouns.
        feature(31, &[at(ii - 1).map_or(PAD_L1, |k| k.shape)]),
        feature(32, &[at(ii + 1).map_or(PAD_R1, |k| k.shape)]),
        feature(33, &[w.shape, at(ii + 1).map_or(PAD_R1, |k| k.shape)]),
        feature(34, &[at(ii - 1).map_or(PAD_L1, |k| k.word)]),
        feature(35, &[at(ii + 1).map_or(PAD_R1, |k| k.word)]),
        feature(36, &[t1, norm_at(ii + 1)]),
        feature(37, &[w.amb, norm_at(ii + 1)]),
        feature(38, &[w.suf[2], norm_at(ii + 1)]),
        feature(39, &[t2, w.norm]),
        feature(40, &[w.last_part]),
    ]);
    if clusters {
        let cl_at = |j: isize| -> ClusterKeys { at(j).map_or(NO_CLUSTER, |k| k.cl) };
        let (p, nx) = (cl_at(ii - 1), cl_at(ii + 1));
        out.extend_from_slice(&[
            feature(41, &[w.cl[0]]),
            feature(42, &[w.cl[1]]),
            feature(43, &[w.cl[2]]),
            feature(44, &[w.cl[3]]),
            feature(45, &[p[1]]),
            feature(46, &[p[3]]),
            feature(47, &[nx[1]]),
            feature(48, &[nx[3]]),
            feature(49, &[t1, w.cl[1]]),
        ]);
    }
}

/// Features of the second tagging pass at `i`: the first pass's, plus the tags the first
/// pass gave the word itself and its right neighbours (`first`), which a left-to-right pass
/// cannot see ("that" before a verb, "to" before a noun). `tags` holds the second pass's own
/// tags of `0..i`.
pub fn features2(keys: &[WordKeys], tags: &[u16], first: &[u16], i: usize, clusters: bool, out: &mut Vec<u64>) {
    features(keys, tags, i, clusters, out);
    let n = keys.len();
    let w = &keys[i];
    let p = |j: usize| -> u64 {
        if j < n {
            u64::from(first[j])
        } else {
            0xFFFE_u64 + (j - n) as u64
        }
    };
    let (p0, p1, p2) = (p(i), p(i + 1), p(i + 2));
    let t1 = if i >= 1 { u64::from(tags[i - 1]) } else { 0xFFFF };
    out.extend_from_slice(&[
        feature(60, &[p0]),
        feature(61, &[p1]),
        feature(62, &[p1, p2]),
        feature(63, &[t1, p1]),
        feature(64, &[w.norm, p1]),
        feature(65, &[w.amb, p1]),
        feature(66, &[w.suf[2], p1]),
        feature(67, &[p0, p1]),
        feature(68, &[t1, p0, p1]),
        feature(69, &[w.norm, p1, p2]),
    ]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_digits_and_case() {
        let mut s = Vec::new();
        normalise("Ab12", &mut s);
        assert_eq!(s.iter().collect::<String>(), "ab00");
        assert_eq!(shape("Biden"), shape("Putin"));
        assert_ne!(shape("Biden"), shape("biden"));
        assert_eq!(shape("2024"), shape("19"));
    }

    #[test]
    fn features_depend_on_context_and_history() {
        let mut scratch = Vec::new();
        let mut keys = Vec::new();
        word_keys(&["The", "cat", "sat"], |_| 0, |_| NO_CLUSTER, &mut scratch, &mut keys);
        let mut a = Vec::new();
        features(&keys, &[1, 2], 2, false, &mut a);
        let mut b = Vec::new();
        features(&keys, &[1, 3], 2, false, &mut b);
        assert_eq!(a.len(), b.len());
        assert_eq!(a[..18], b[..18], "word features do not depend on history");
        assert_ne!(a[18], b[18], "previous-tag feature does");
        // Suffix features are shared between words with the same ending.
        let mut keys2 = Vec::new();
        word_keys(&["bat"], |_| 0, |_| NO_CLUSTER, &mut scratch, &mut keys2);
        assert_eq!(keys[1].suf[1], keys2[0].suf[1]);
        assert_ne!(keys[1].word, keys2[0].word);
    }
}
