//! Feature templates of the parser, after Zhang & Nivre (2011) adapted to arc-hybrid:
//! words and tags of the top three stack items and the first three buffer words, pairs and
//! triples around `s0`/`s1`/`b0` (the items arcs are built between), the leftmost/rightmost
//! children of `s0`, `s1` and `b0` with their labels, distances, valencies and label sets.

use crate::clusters::{ClusterKeys, NO_CLUSTER};
use crate::hash::feature;
use crate::transition::{Config, NONE};

/// Hashed word and tag of each word of a sentence, index 0 being the root.
pub struct SentenceKeys {
    pub word: Vec<u64>,
    pub tag: Vec<u64>,
    /// Word-cluster keys of each word; empty when the model has no clusters (then the
    /// cluster templates are left out).
    pub cl: Vec<ClusterKeys>,
    /// The tagger's runner-up tag of each word where it was unsure ([`NULL_A`] elsewhere);
    /// empty when the model has no runner-up features (then those templates are left out).
    pub alt: Vec<u64>,
}

/// How many features [`features`] gives without clusters.
pub const N_FEATURES: usize = 80;
/// How many more with clusters.
pub const N_CLUSTER_FEATURES: usize = 13;
/// How many more with runner-up tags.
pub const N_ALT_FEATURES: usize = 5;

const NULL_W: u64 = 0xDEAD_0001;
const NULL_T: u64 = 0xDEAD_0002;
const NULL_L: u64 = 0xDEAD_0003;
/// The runner-up tag key of a word the tagger was sure of (and of a missing word).
pub const NULL_A: u64 = 0xDEAD_0004;

impl SentenceKeys {
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            NULL_W
        } else {
            self.word[i as usize]
        }
    }
    fn t(&self, i: u32) -> u64 {
        if i == NONE {
            NULL_T
        } else {
            self.tag[i as usize]
        }
    }
    fn a(&self, i: u32) -> u64 {
        if i == NONE {
            NULL_A
        } else {
            self.alt[i as usize]
        }
    }
    fn c(&self, i: u32) -> ClusterKeys {
        if i == NONE {
            NO_CLUSTER
        } else {
            self.cl[i as usize]
        }
    }
    /// How many features [`features`] gives for these keys.
    pub fn n_features(&self) -> usize {
        let mut n = N_FEATURES;
        if !self.cl.is_empty() {
            n += N_CLUSTER_FEATURES;
        }
        if !self.alt.is_empty() {
            n += N_ALT_FEATURES;
        }
        n
    }
}

fn lab(c: &Config, i: u32) -> u64 {
    if i == NONE {
        NULL_L
    } else {
        u64::from(c.label[i as usize])
    }
}

fn child(list: &[[u32; 2]], i: u32, k: usize) -> u32 {
    if i == NONE {
        NONE
    } else {
        list[i as usize][k]
    }
}

/// Appends the features of configuration `c` to `out` (cleared first), in the order training
/// uses (which fixes its rounding). The parser scores the same keys in five parts so it can
/// cache four of them: [`stack_features`], [`right_features`], [`buffer_features`],
/// [`left_features`] and [`pair_features`] (a test checks they partition this list; a
/// template changed here must be changed there too).
pub fn features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    push_buffer_features(c, k, out);
    push_stack_features(c, k, out);
    push_other_features(c, k, out);
}

/// The features of `c` that stay the same while `s0` is on top of the stack, whatever moves
/// are made above it: the words and tags of `s0`, `s1`, `s2`, the left children of `s0` and
/// `s1`, and the right children of `s1`. Nothing below `s0` changes until it is popped (and a
/// popped word never returns); in arc-hybrid only `b0` gains left children, so a word's left
/// children are fixed once it is pushed; and only `s1` gains right children, by a RIGHT
/// that pops `s0`. The same keys as [`features`] gives.
pub fn stack_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    push_stack_features(c, k, out);
    let s0 = c.s(0);
    let s1 = c.s(1);
    let (s0w, s0t, s1t) = (k.w(s0), k.t(s0), k.t(s1));
    let s0l = child(&c.lc, s0, 0);
    let s0l2 = child(&c.lc, s0, 1);
    let s1l = child(&c.lc, s1, 0);
    let s1r = child(&c.rc, s1, 0);
    out.extend_from_slice(&[
        feature(47, &[s1t, k.t(s1r), s0t]),
        feature(48, &[s1t, s0t, k.t(s0l)]),
        feature(50, &[s1t, k.t(s1l), s0t]),
        feature(72, &[s0w, val(&c.n_left, s0)]),
        feature(73, &[s0t, val(&c.n_left, s0)]),
        feature(76, &[s1t, val(&c.n_right, s1)]),
        feature(80, &[k.w(s0l)]),
        feature(81, &[k.t(s0l)]),
        feature(82, &[lab(c, s0l)]),
        feature(89, &[k.t(s1r), lab(c, s1r)]),
        feature(90, &[k.t(s0l2), lab(c, s0l2)]),
        feature(93, &[s0t, lab(c, s0l), lab(c, s0l2)]),
        feature(96, &[s1t, lab(c, s1l), lab(c, s1r)]),
        feature(102, &[s0w, set(&c.left_labels, s0)]),
        feature(103, &[s0t, set(&c.left_labels, s0)]),
        feature(106, &[s1t, set(&c.right_labels, s1)]),
    ]);
}

/// The features of `c` that depend on `s0`'s right children (and the stack depth and
/// whether the buffer is empty): besides [`stack_features`], they change only when `s0`
/// gains a right child, which then is its new rightmost one (see [`Config::rc`]), or when
/// the buffer empties. The same keys as [`features`] gives.
pub fn right_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    let s0 = c.s(0);
    let s1 = c.s(1);
    let (s0w, s0t, s1t) = (k.w(s0), k.t(s0), k.t(s1));
    let s0r = child(&c.rc, s0, 0);
    let s0r2 = child(&c.rc, s0, 1);
    out.extend_from_slice(&[
        feature(49, &[s1t, s0t, k.t(s0r)]),
        feature(70, &[s0w, val(&c.n_right, s0)]),
        feature(71, &[s0t, val(&c.n_right, s0)]),
        feature(83, &[k.w(s0r)]),
        feature(84, &[k.t(s0r)]),
        feature(85, &[lab(c, s0r)]),
        feature(91, &[k.t(s0r2), lab(c, s0r2)]),
        feature(94, &[s0t, lab(c, s0r), lab(c, s0r2)]),
        feature(100, &[s0w, set(&c.right_labels, s0)]),
        feature(101, &[s0t, set(&c.right_labels, s0)]),
        feature(
            110,
            &[u64::from(c.stack.len().min(4) as u32), u64::from(c.buf(0) == NONE), s0t],
        ),
    ]);
}

fn push_stack_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    let s0 = c.s(0);
    let s1 = c.s(1);
    let s2 = c.s(2);
    let (s0w, s0t, s1w, s1t, s2t) = (k.w(s0), k.t(s0), k.w(s1), k.t(s1), k.t(s2));
    let d1 = dist(s1, s0);
    out.extend_from_slice(&[
        feature(1, &[s0w]),
        feature(2, &[s0t]),
        feature(3, &[s0w, s0t]),
        feature(4, &[s1w]),
        feature(5, &[s1t]),
        feature(6, &[s1w, s1t]),
        feature(15, &[s2t]),
        feature(28, &[s1w, s1t, s0w, s0t]),
        feature(29, &[s1w, s0w]),
        feature(30, &[s1t, s0t]),
        feature(31, &[s1t, s0w, s0t]),
        feature(32, &[s1w, s1t, s0t]),
        feature(43, &[s2t, s1t, s0t]),
        feature(66, &[s1t, s0t, d1]),
        feature(67, &[s1w, s0w, d1]),
    ]);
    if !k.cl.is_empty() {
        let (c0, c1) = (k.c(s0), k.c(s1));
        out.extend_from_slice(&[
            feature(120, &[c0[1]]),
            feature(121, &[c0[3]]),
            feature(122, &[c1[1]]),
            feature(123, &[c1[3]]),
            feature(124, &[c1[1], c0[1]]),
        ]);
    }
    if !k.alt.is_empty() {
        let s0a = k.a(s0);
        out.extend_from_slice(&[feature(150, &[s0t, s0a]), feature(151, &[s1t, s0t, s0a])]);
    }
}

/// The features of `c` that depend only on the buffer's first word `b` (and the bias): they
/// stay the same until the next SHIFT. The same keys as [`features`] gives.
pub fn buffer_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    push_buffer_features(c, k, out);
}

/// The features of `c` that depend on `b0`'s left children: besides [`buffer_features`], they
/// change only when `b0` gains a left child (a LEFT), which then is its new leftmost one
/// (see [`Config::lc`]). The same keys as [`features`] gives.
pub fn left_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    let b0 = c.buf(0);
    let (b0w, b0t) = (k.w(b0), k.t(b0));
    let b0l = child(&c.lc, b0, 0);
    let b0l2 = child(&c.lc, b0, 1);
    out.extend_from_slice(&[
        feature(74, &[b0w, val(&c.n_left, b0)]),
        feature(75, &[b0t, val(&c.n_left, b0)]),
        feature(86, &[k.w(b0l)]),
        feature(87, &[k.t(b0l)]),
        feature(88, &[lab(c, b0l)]),
        feature(92, &[k.t(b0l2), lab(c, b0l2)]),
        feature(95, &[b0t, lab(c, b0l), lab(c, b0l2)]),
        feature(104, &[b0w, set(&c.left_labels, b0)]),
        feature(105, &[b0t, set(&c.left_labels, b0)]),
    ]);
}

/// The rest of [`features`]: those that pair `s0` with `b0` (which change at every move),
/// none of [`stack_features`], [`right_features`], [`buffer_features`], [`left_features`].
pub fn pair_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    out.clear();
    let s0 = c.s(0);
    let s1 = c.s(1);
    let b0 = c.buf(0);
    let b1 = c.buf(1);
    let (s0w, s0t, s1t) = (k.w(s0), k.t(s0), k.t(s1));
    let (b0w, b0t, b1t) = (k.w(b0), k.t(b0), k.t(b1));
    let s0l = child(&c.lc, s0, 0);
    let s0r = child(&c.rc, s0, 0);
    let b0l = child(&c.lc, b0, 0);
    let d0 = dist(s0, b0);
    out.extend_from_slice(&[
        feature(20, &[s0w, s0t, b0w, b0t]),
        feature(21, &[s0w, s0t, b0w]),
        feature(22, &[s0w, b0w, b0t]),
        feature(23, &[s0w, s0t, b0t]),
        feature(24, &[s0t, b0w, b0t]),
        feature(25, &[s0w, b0w]),
        feature(26, &[s0t, b0t]),
        feature(41, &[s0t, b0t, b1t]),
        feature(42, &[s1t, s0t, b0t]),
        feature(44, &[s0t, k.t(s0l), b0t]),
        feature(45, &[s0t, k.t(s0r), b0t]),
        feature(46, &[s0t, b0t, k.t(b0l)]),
        feature(60, &[s0w, d0]),
        feature(61, &[s0t, d0]),
        feature(62, &[b0w, d0]),
        feature(63, &[b0t, d0]),
        feature(64, &[s0w, b0w, d0]),
        feature(65, &[s0t, b0t, d0]),
    ]);
    if !k.cl.is_empty() {
        let (cs, cb) = (k.c(s0), k.c(b0));
        out.extend_from_slice(&[
            feature(140, &[cs[1], cb[1]]),
            feature(141, &[s0t, cb[1]]),
            feature(142, &[cs[1], b0t]),
        ]);
    }
    if !k.alt.is_empty() {
        out.push(feature(154, &[s0t, k.a(s0), b0t, k.a(b0)]));
    }
}

fn val(v: &[u8], i: u32) -> u64 {
    if i == NONE {
        99
    } else {
        u64::from(v[i as usize].min(4))
    }
}

fn set(v: &[u64], i: u32) -> u64 {
    if i == NONE {
        0
    } else {
        v[i as usize]
    }
}

fn push_buffer_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    let b0 = c.buf(0);
    let b1 = c.buf(1);
    let b2 = c.buf(2);
    let (b0w, b0t, b1w, b1t, b2w, b2t) = (k.w(b0), k.t(b0), k.w(b1), k.t(b1), k.w(b2), k.t(b2));
    out.extend_from_slice(&[
        feature(0, &[]),
        feature(7, &[b0w]),
        feature(8, &[b0t]),
        feature(9, &[b0w, b0t]),
        feature(10, &[b1w]),
        feature(11, &[b1t]),
        feature(12, &[b1w, b1t]),
        feature(13, &[b2w]),
        feature(14, &[b2t]),
        feature(27, &[b0t, b1t]),
        feature(40, &[b0t, b1t, b2t]),
    ]);
    if !k.cl.is_empty() {
        let (c0, c1) = (k.c(b0), k.c(b1));
        out.extend_from_slice(&[
            feature(130, &[c0[1]]),
            feature(131, &[c0[3]]),
            feature(132, &[c1[1]]),
            feature(133, &[c1[3]]),
            feature(134, &[c0[1], c1[1]]),
        ]);
    }
    if !k.alt.is_empty() {
        let b0a = k.a(b0);
        out.extend_from_slice(&[feature(152, &[b0t, b0a]), feature(153, &[b0t, b0a, b1t])]);
    }
}

fn push_other_features(c: &Config, k: &SentenceKeys, out: &mut Vec<u64>) {
    let s0 = c.s(0);
    let s1 = c.s(1);
    let b0 = c.buf(0);
    let b1 = c.buf(1);
    let (s0w, s0t, s1t) = (k.w(s0), k.t(s0), k.t(s1));
    let (b0w, b0t, b1t) = (k.w(b0), k.t(b0), k.t(b1));
    let s0l = child(&c.lc, s0, 0);
    let s0l2 = child(&c.lc, s0, 1);
    let s0r = child(&c.rc, s0, 0);
    let s0r2 = child(&c.rc, s0, 1);
    let s1l = child(&c.lc, s1, 0);
    let s1r = child(&c.rc, s1, 0);
    let b0l = child(&c.lc, b0, 0);
    let b0l2 = child(&c.lc, b0, 1);
    let d0 = dist(s0, b0);
    out.extend_from_slice(&[
        feature(20, &[s0w, s0t, b0w, b0t]),
        feature(21, &[s0w, s0t, b0w]),
        feature(22, &[s0w, b0w, b0t]),
        feature(23, &[s0w, s0t, b0t]),
        feature(24, &[s0t, b0w, b0t]),
        feature(25, &[s0w, b0w]),
        feature(26, &[s0t, b0t]),
        feature(41, &[s0t, b0t, b1t]),
        feature(42, &[s1t, s0t, b0t]),
        feature(44, &[s0t, k.t(s0l), b0t]),
        feature(45, &[s0t, k.t(s0r), b0t]),
        feature(46, &[s0t, b0t, k.t(b0l)]),
        feature(47, &[s1t, k.t(s1r), s0t]),
        feature(48, &[s1t, s0t, k.t(s0l)]),
        feature(49, &[s1t, s0t, k.t(s0r)]),
        feature(50, &[s1t, k.t(s1l), s0t]),
        feature(60, &[s0w, d0]),
        feature(61, &[s0t, d0]),
        feature(62, &[b0w, d0]),
        feature(63, &[b0t, d0]),
        feature(64, &[s0w, b0w, d0]),
        feature(65, &[s0t, b0t, d0]),
        feature(70, &[s0w, val(&c.n_right, s0)]),
        feature(71, &[s0t, val(&c.n_right, s0)]),
        feature(72, &[s0w, val(&c.n_left, s0)]),
        feature(73, &[s0t, val(&c.n_left, s0)]),
        feature(74, &[b0w, val(&c.n_left, b0)]),
        feature(75, &[b0t, val(&c.n_left, b0)]),
        feature(76, &[s1t, val(&c.n_right, s1)]),
        feature(80, &[k.w(s0l)]),
        feature(81, &[k.t(s0l)]),
        feature(82, &[lab(c, s0l)]),
        feature(83, &[k.w(s0r)]),
        feature(84, &[k.t(s0r)]),
        feature(85, &[lab(c, s0r)]),
        feature(86, &[k.w(b0l)]),
        feature(87, &[k.t(b0l)]),
        feature(88, &[lab(c, b0l)]),
        feature(89, &[k.t(s1r), lab(c, s1r)]),
        feature(90, &[k.t(s0l2), lab(c, s0l2)]),
        feature(91, &[k.t(s0r2), lab(c, s0r2)]),
        feature(92, &[k.t(b0l2), lab(c, b0l2)]),
        feature(93, &[s0t, lab(c, s0l), lab(c, s0l2)]),
        feature(94, &[s0t, lab(c, s0r), lab(c, s0r2)]),
        feature(95, &[b0t, lab(c, b0l), lab(c, b0l2)]),
        feature(96, &[s1t, lab(c, s1l), lab(c, s1r)]),
        feature(100, &[s0w, set(&c.right_labels, s0)]),
        feature(101, &[s0t, set(&c.right_labels, s0)]),
        feature(102, &[s0w, set(&c.left_labels, s0)]),
        feature(103, &[s0t, set(&c.left_labels, s0)]),
        feature(104, &[b0w, set(&c.left_labels, b0)]),
        feature(105, &[b0t, set(&c.left_labels, b0)]),
        feature(106, &[s1t, set(&c.right_labels, s1)]),
        feature(
            110,
            &[u64::from(c.stack.len().min(4) as u32), u64::from(b0 == NONE), s0t],
        ),
    ]);
    if !k.cl.is_empty() {
        let (cs, cb) = (k.c(s0), k.c(b0));
        out.extend_from_slice(&[
            feature(140, &[cs[1], cb[1]]),
            feature(141, &[s0t, cb[1]]),
            feature(142, &[cs[1], b0t]),
        ]);
    }
    if !k.alt.is_empty() {
        out.push(feature(154, &[s0t, k.a(s0), b0t, k.a(b0)]));
    }
}

/// Capped distance between two words (as in [`features`]).
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        99
    } else {
        u64::from((b.abs_diff(a)).min(6))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::Move;

    /// The full list is the five parts, no key stands in two parts (a template listed twice
    /// would count its weight twice in the cached scorer), and each cached part stays the
    /// same while the parser's cache key for it does (over random move sequences).
    #[test]
    fn split_features_partition_the_full_list() {
        use std::collections::HashMap;

        use crate::hash::Rng;
        let mut rng = Rng::new(5);
        for trial in 0..400 {
            let n = [1usize, 2, 5, 12, 30][trial % 5];
            let k = SentenceKeys {
                word: (0..=n as u64).map(|i| 1000 + i).collect(),
                tag: (0..=n as u64).map(|i| 2000 + i % 3).collect(),
                cl: if trial % 2 == 0 {
                    (0..=n as u64)
                        .map(|i| [3000 + i % 2, 4000 + i, 5000, 6000 + i])
                        .collect()
                } else {
                    Vec::new()
                },
                alt: if trial % 3 == 0 {
                    (0..=n as u64)
                        .map(|i| if i % 4 == 1 { 7000 + i % 3 } else { NULL_A })
                        .collect()
                } else {
                    Vec::new()
                },
            };
            let mut c = Config::new(n);
            // What each cached part was when last computed, under the key the parser caches
            // it by: it must not have changed while the key stayed the same.
            let mut stack_seen: HashMap<u32, Vec<u64>> = HashMap::new();
            let mut right_seen: HashMap<(u32, u32, bool), Vec<u64>> = HashMap::new();
            let mut buffer_seen: HashMap<u32, Vec<u64>> = HashMap::new();
            let mut left_seen: HashMap<(u32, u32), Vec<u64>> = HashMap::new();
            loop {
                let mut all = Vec::new();
                features(&c, &k, &mut all);
                let (mut a, mut r, mut b, mut l, mut d) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
                stack_features(&c, &k, &mut a);
                right_features(&c, &k, &mut r);
                buffer_features(&c, &k, &mut b);
                left_features(&c, &k, &mut l);
                pair_features(&c, &k, &mut d);
                let s0 = c.s(0);
                let b0 = c.buf(0);
                let rc0 = if s0 == NONE { NONE } else { c.rc[s0 as usize][0] };
                let lc0 = if b0 == NONE { NONE } else { c.lc[b0 as usize][0] };
                assert_eq!(stack_seen.entry(s0).or_insert_with(|| a.clone()), &a);
                assert_eq!(right_seen.entry((s0, rc0, b0 == NONE)).or_insert_with(|| r.clone()), &r);
                assert_eq!(buffer_seen.entry(c.b).or_insert_with(|| b.clone()), &b);
                assert_eq!(left_seen.entry((c.b, lc0)).or_insert_with(|| l.clone()), &l);
                let mut parts = [a, r, b, l, d].concat();
                all.sort_unstable();
                parts.sort_unstable();
                assert_eq!(all.len(), k.n_features());
                assert_eq!(all, parts);
                parts.dedup();
                assert_eq!(parts.len(), k.n_features(), "a feature key stands twice");
                if c.is_terminal() {
                    break;
                }
                let moves = [
                    Move::Shift,
                    Move::Left(rng.below(40) as u16),
                    Move::Right(rng.below(40) as u16),
                ];
                let valid: Vec<Move> = moves.into_iter().filter(|&m| c.is_valid(m)).collect();
                c.apply(valid[rng.below(valid.len())]);
            }
        }
    }

    #[test]
    fn features_change_with_the_configuration() {
        let k = SentenceKeys {
            word: vec![1, 2, 3, 4],
            tag: vec![5, 6, 7, 8],
            cl: Vec::new(),
            alt: Vec::new(),
        };
        let mut c = Config::new(3);
        let mut a = Vec::new();
        features(&c, &k, &mut a);
        c.apply(Move::Shift);
        let mut b = Vec::new();
        features(&c, &k, &mut b);
        assert_eq!(a.len(), b.len());
        assert_eq!(a[0], b[0], "bias is constant");
        assert_ne!(a[1], b[1], "b0 word moved");
        c.apply(Move::Left(2));
        let mut d = Vec::new();
        features(&c, &k, &mut d);
        // b0 now has a left child with label 2.
        let mut c2 = Config::new(3);
        c2.apply(Move::Shift);
        c2.apply(Move::Left(3));
        let mut e = Vec::new();
        features(&c2, &k, &mut e);
        assert_ne!(d, e, "child labels are features");
    }
}
