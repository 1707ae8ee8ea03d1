//! The linear model: one weight per (feature, tag) plus tag-transition weights, and Viterbi
//! decoding under the BILOU constraints.

use crate::features::SentenceFeatures;
use crate::hash::FeatureMap;
use crate::tags::{allowed, may_end, Tag, N_TAGS};

/// Scores of every tag for one token.
pub type Scores = [f32; N_TAGS];

/// Feature weights (dense rows of `N_TAGS`, found by feature hash) and transition weights.
#[derive(Clone, Debug, Default)]
pub struct Weights {
    pub index: FeatureMap<u32>,
    /// `rows[r * N_TAGS + tag]`.
    pub rows: Vec<f32>,
    /// `trans[prev * N_TAGS + next]`.
    pub trans: Vec<f32>,
    /// Score of each tag starting a sentence.
    pub start: Vec<f32>,
}

impl Weights {
    pub fn new() -> Weights {
        Weights {
            index: FeatureMap::default(),
            rows: Vec::new(),
            trans: vec![0.0; N_TAGS * N_TAGS],
            start: vec![0.0; N_TAGS],
        }
    }

    pub fn n_rows(&self) -> usize {
        self.rows.len() / N_TAGS
    }

    /// Per-token tag scores: the sum of the rows of every known feature, from each feature set.
    ///
    /// Done in two passes per token, with the same additions in the same order: first every
    /// feature's row is looked up (independent lookups, whose cache misses overlap), then the
    /// rows are added, each fetched a few rows ahead.
    pub fn emissions(&self, sets: &[&SentenceFeatures], out: &mut Vec<Scores>) {
        out.clear();
        out.resize(sets[0].len(), [0.0; N_TAGS]);
        self.add_rows(sets, out);
    }

    /// [`Weights::emissions`] with each token's sum started from `base[i]` instead of zero
    /// (the rows of features left out of `sets`, summed by [`Weights::sum`]).
    pub fn emissions_from(&self, base: &[Scores], sets: &[&SentenceFeatures], out: &mut Vec<Scores>) {
        out.clear();
        out.extend_from_slice(base);
        self.add_rows(sets, out);
    }

    /// The sum of the rows of the known features among `hashes`, in their order, from zero.
    pub fn sum(&self, hashes: &[u64]) -> Scores {
        let mut s = [0.0; N_TAGS];
        for h in hashes {
            if let Some(&r) = self.index.get(h) {
                let row = &self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (s, w) in s.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
        s
    }

    /// Adds to `out[i]` the rows of token `i`'s features from each set, in order.
    fn add_rows(&self, sets: &[&SentenceFeatures], out: &mut [Scores]) {
        const AHEAD: usize = 4;
        let mut found: Vec<u32> = Vec::new();
        for (i, scores) in out.iter_mut().enumerate() {
            found.clear();
            for set in sets {
                found.extend(set.token(i).iter().filter_map(|h| self.index.get(h).copied()));
            }
            for (k, &r) in found.iter().enumerate() {
                if let Some(&ahead) = found.get(k + AHEAD) {
                    prefetch(&self.rows[ahead as usize * N_TAGS]);
                }
                let row = &self.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The best well-formed tag sequence for the emission scores.
    pub fn viterbi(&self, em: &[Scores]) -> Vec<Tag> {
        viterbi(em, &self.trans, &self.start)
    }
}

/// Asks the CPU to start loading `x` into cache (a hint only; no effect on results).
#[inline(always)]
fn prefetch(x: &f32) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching never faults and has no observable effect besides timing; the
    // pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const f32).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Tables of which transitions BILOU allows, built once.
struct Allowed {
    start: [bool; N_TAGS],
    next: [[bool; N_TAGS]; N_TAGS],
    end: [bool; N_TAGS],
}

fn allowed_table() -> &'static Allowed {
    static TABLE: std::sync::OnceLock<Allowed> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut a = Allowed {
            start: [false; N_TAGS],
            next: [[false; N_TAGS]; N_TAGS],
            end: [false; N_TAGS],
        };
        for t in 0..N_TAGS {
            a.start[t] = allowed(None, t as Tag);
            a.end[t] = may_end(t as Tag);
            for u in 0..N_TAGS {
                a.next[t][u] = allowed(Some(t as Tag), u as Tag);
            }
        }
        a
    })
}

/// First-order Viterbi with hard BILOU constraints (forbidden transitions are never taken,
/// so the output always decodes to clean spans).
pub fn viterbi(em: &[Scores], trans: &[f32], start: &[f32]) -> Vec<Tag> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let a = allowed_table();
    let neg = f32::NEG_INFINITY;
    let mut score = [neg; N_TAGS];
    for t in 0..N_TAGS {
        if a.start[t] {
            score[t] = start[t] + em[0][t];
        }
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    for i in 1..n {
        let mut next = [neg; N_TAGS];
        for u in 0..N_TAGS {
            let mut best = neg;
            let mut arg = 0u8;
            for t in 0..N_TAGS {
                if a.next[t][u] && score[t] > neg {
                    let s = score[t] + trans[t * N_TAGS + u];
                    if s > best {
                        best = s;
                        arg = t as u8;
                    }
                }
            }
            next[u] = best + em[i][u];
            back[i][u] = arg;
        }
        score = next;
    }
    let mut best = neg;
    let mut last = 0u8;
    for (t, &s) in score.iter().enumerate() {
        if a.end[t] && s > best {
            best = s;
            last = t as u8;
        }
    }
    let mut tags = vec![0u8; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i] as usize];
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::{decode, tag, Pos};
    use chronicle_doc::EntityKind::*;

    #[test]
    fn viterbi_respects_constraints() {
        // Emissions alone prefer an ill-formed L-PER at the start and B-LOC at the end.
        let l_per = tag(Person, Pos::L) as usize;
        let b_per = tag(Person, Pos::B) as usize;
        let b_loc = tag(Place, Pos::B) as usize;
        let u_loc = tag(Place, Pos::U) as usize;
        let mut em = vec![[0.0f32; N_TAGS]; 3];
        em[0][l_per] = 5.0;
        em[0][b_per] = 1.0;
        em[1][l_per] = 3.0;
        em[2][b_loc] = 5.0;
        em[2][u_loc] = 1.0;
        let tags = viterbi(&em, &vec![0.0; N_TAGS * N_TAGS], &[0.0; N_TAGS]);
        assert_eq!(decode(&tags), vec![(0, 2, Person), (2, 3, Place)]);
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
    }

    #[test]
    fn transitions_matter() {
        let mut em = vec![[0.0f32; N_TAGS]; 2];
        em[0][0] = 1.0;
        em[1][0] = 1.0;
        let u = tag(Misc, Pos::U) as usize;
        em[1][u] = 1.5;
        let mut trans = vec![0.0; N_TAGS * N_TAGS];
        assert_eq!(viterbi(&em, &trans, &[0.0; N_TAGS]), vec![0, u as u8]);
        trans[u] = -1.0; // O → U-MISC discouraged
        assert_eq!(viterbi(&em, &trans, &[0.0; N_TAGS]), vec![0, 0]);
        assert!(viterbi(&[], &trans, &[0.0; N_TAGS]).is_empty());
    }
}
