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

    /// The averaged, pruned weights in their compact form. Entries whose average magnitude is
    /// below `prune` are dropped.
    pub fn averaged(&self, prune: f32) -> Weights {
        let step = self.step.max(1) as f32;
        let mut keys: Vec<u64> = self.map.keys().copied().collect();
        keys.sort_unstable();
        let mut rows = Vec::new();
        for k in keys {
            let mut row: Vec<(u16, f32)> = self.map[&k]
                .iter()
                .map(|p| (p.class, (p.total + (self.step - p.stamp) as f32 * p.w) / step))
                .filter(|(_, w)| w.abs() >= prune)
                .map(|(c, w)| (c, f16::from_f32(w).to_f32()))
                .filter(|(_, w)| *w != 0.0)
                .collect();
            if row.is_empty() {
                continue;
            }
            row.sort_unstable_by_key(|e| e.0);
            rows.push((k, row));
        }
        Weights::from_rows(self.n_classes, rows)
    }
}
