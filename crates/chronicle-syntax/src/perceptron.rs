//! The training-time table of the averaged perceptron shared by the tagger and the parser.
//!
//! A feature only stores weights for the classes it was ever updated on (a few per feature),
//! which keeps training memory small; [`Perceptron::averaged`] turns the table into the
//! compact run-time [`Weights`].

use std::collections::HashMap;

use half::f16;

use crate::hash::IdBuild;
use crate::weights::Weights;

#[derive(Clone, Copy)]
struct Param {
    class: u16,
    /// Step of the last change, for lazy averaging.
    stamp: u32,
    w: f32,
    total: f32,
}

/// The training-time model: weights plus what averaging needs.
pub struct Perceptron {
    pub n_classes: usize,
    map: HashMap<u64, Vec<Param>, IdBuild>,
    /// Number of training instances seen (the averaging clock).
    pub step: u32,
}

impl Perceptron {
    pub fn new(n_classes: usize) -> Perceptron {
        assert!(n_classes <= u16::MAX as usize);
        Perceptron {
            n_classes,
            map: HashMap::default(),
            step: 0,
        }
    }

    /// Adds the current (non-averaged) weights of `feats` to `scores` (length `n_classes`, zeroed).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(ps) = self.map.get(f) {
                for p in ps {
                    scores[p.class as usize] += p.w;
                }
            }
        }
    }

    /// Advances the averaging clock by one instance.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Moves the weights of `feats` towards `truth` and away from `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize, amount: f32) {
        if truth == guess {
            return;
        }
        let step = self.step;
        for &f in feats {
            let ps = self.map.entry(f).or_default();
            for (class, delta) in [(truth, amount), (guess, -amount)] {
                let p = match ps.iter_mut().position(|p| p.class as usize == class) {
                    Some(i) => &mut ps[i],
                    None => {
                        ps.push(Param {
                            class: class as u16,
                            stamp: step,
                            w: 0.0,
                            total: 0.0,
                        });
                        ps.last_mut().unwrap()
                    }
                };
                p.total += (step - p.stamp) as f32 * p.w;
                p.stamp = step;
                p.w += delta;
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.map.len()
    }

    /// The mean of several models' averaged weights (the same task trained from different
    /// seeds: a cheap ensemble that costs nothing at run time but a larger table), pruned like
    /// [`Perceptron::averaged`].
    pub fn averaged_mix(models: &[&Perceptron], prune: f32) -> Weights {
        let n_classes = models[0].n_classes;
        let k = models.len() as f32;
        let mut acc: HashMap<u64, Vec<(u16, f32)>, IdBuild> = HashMap::default();
        for m in models {
            assert_eq!(m.n_classes, n_classes);
            for (&key, ps) in &m.map {
                let row = acc.entry(key).or_default();
                for p in ps {
                    let avg = p.average(m.step);
                    match row.iter_mut().find(|e| e.0 == p.class) {
                        Some(e) => e.1 += avg,
                        None => row.push((p.class, avg)),
                    }
                }
            }
        }
        let rows = acc
            .into_iter()
            .map(|(key, row)| (key, row.into_iter().map(|(c, w)| (c, w / k)).collect()));
        compact(n_classes, rows, prune)
    }

    /// The averaged, pruned weights in their compact form. Entries whose average magnitude is
    /// below `prune` are dropped.
    pub fn averaged(&self, prune: f32) -> Weights {
        let rows = self
            .map
            .iter()
            .map(|(&key, ps)| (key, ps.iter().map(|p| (p.class, p.average(self.step))).collect()));
        compact(self.n_classes, rows, prune)
    }
}

impl Param {
    /// The weight averaged over the steps up to `step` (lazy averaging: the steps since the
    /// last change count at the current weight).
    fn average(&self, step: u32) -> f32 {
        (self.total + (step - self.stamp) as f32 * self.w) / step.max(1) as f32
    }
}

/// The run-time table of averaged rows: entries below `prune` in magnitude dropped, weights
/// rounded to f16 as stored (entries that round to zero dropped too), rows and entries sorted.
fn compact(n_classes: usize, rows: impl Iterator<Item = (u64, Vec<(u16, f32)>)>, prune: f32) -> Weights {
    let mut kept: Vec<(u64, Vec<(u16, f32)>)> = rows
        .filter_map(|(key, row)| {
            let mut row: Vec<(u16, f32)> = row
                .into_iter()
                .filter(|(_, w)| w.abs() >= prune)
                .map(|(c, w)| (c, f16::from_f32(w).to_f32()))
                .filter(|(_, w)| *w != 0.0)
                .collect();
            row.sort_unstable_by_key(|e| e.0);
            (!row.is_empty()).then_some((key, row))
        })
        .collect();
    kept.sort_unstable_by_key(|r| r.0);
    Weights::from_rows(n_classes, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(w: &Weights, feats: &[u64]) -> Vec<f32> {
        let mut s = vec![0.0; w.score_len()];
        w.score(feats, &mut s);
        s.truncate(w.n_classes);
        s
    }

    #[test]
    fn a_mix_is_the_mean_of_the_averaged_models() {
        let feats = [3u64, 5, 7];
        let mut a = Perceptron::new(3);
        let mut b = Perceptron::new(3);
        for _ in 0..4 {
            a.tick();
            a.update(&feats, 0, 1, 1.0);
            b.tick();
            b.update(&feats[..2], 2, 1, 1.0);
        }
        // One model mixed with nothing but itself is that model.
        assert_eq!(
            scores(&Perceptron::averaged_mix(&[&a], 0.0), &feats),
            scores(&a.averaged(0.0), &feats)
        );
        let (sa, sb) = (scores(&a.averaged(0.0), &feats), scores(&b.averaged(0.0), &feats));
        let mixed = scores(&Perceptron::averaged_mix(&[&a, &b], 0.0), &feats);
        for c in 0..3 {
            assert!(
                (mixed[c] - (sa[c] + sb[c]) / 2.0).abs() < 1e-3,
                "{mixed:?} {sa:?} {sb:?}"
            );
        }
        // Feature 7 only exists in `a`: its weights are halved, not dropped.
        let only = scores(&Perceptron::averaged_mix(&[&a, &b], 0.0), &[7]);
        let only_a = scores(&a.averaged(0.0), &[7]);
        assert!((only[0] - only_a[0] / 2.0).abs() < 1e-3);
    }
}
