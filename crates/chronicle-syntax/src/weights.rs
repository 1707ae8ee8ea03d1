//! Averaged-perceptron weights: the sparse training table and the compact run-time table.
//!
//! Both the tagger and the parser are linear models over hashed features. A feature only
//! stores weights for the classes it was ever updated on (a few per feature), which keeps
//! training memory small and scoring fast. At save time weights are averaged, entries with a
//! negligible average are pruned, and the rest are quantized to f16; at load they are widened
//! back to f32 into an open-addressing table so scoring does no conversions.

use std::collections::HashMap;

use chronicle_doc::DataError;
use half::f16;

use crate::format::{Reader, Writer};
use crate::hash::IdBuild;

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

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    start: u32,
    len: u32,
}

/// Asks the CPU to start loading `x` into cache (a hint only; no effect on results).
#[inline(always)]
fn prefetch<T: ?Sized>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching never faults and has no observable effect besides timing; the
    // pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The 32-bit key a 64-bit feature hash is stored under (never 0, which marks empty slots).
#[inline]
fn short_key(k: u64) -> u32 {
    ((k >> 32) as u32).max(1)
}

/// Table position of a short key; the key's bits are already well mixed.
#[inline]
fn slot_of(k: u32) -> usize {
    k.wrapping_mul(0x9E37_79B9) as usize
}

#[derive(Clone, Copy)]
struct Entry {
    class: u32,
    w: f32,
}

/// Run-time weights: immutable, shared by every thread.
pub struct Weights {
    pub n_classes: usize,
    mask: usize,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    n_features: usize,
}

impl Weights {
    /// Builds the table. Keys are cut to 32 bits (the file stores 4 bytes a feature instead
    /// of 8); the few training features that then collide have their weights summed.
    fn from_rows(n_classes: usize, rows: Vec<(u64, Vec<(u16, f32)>)>) -> Weights {
        let mut merged: Vec<(u32, Vec<(u16, f32)>)> = rows.into_iter().map(|(k, r)| (short_key(k), r)).collect();
        merged.sort_by_key(|r| r.0);
        let mut rows: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(merged.len());
        for (k, r) in merged {
            match rows.last_mut() {
                Some(last) if last.0 == k => {
                    for (c, w) in r {
                        match last.1.iter_mut().find(|e| e.0 == c) {
                            Some(e) => e.1 += w,
                            None => last.1.push((c, w)),
                        }
                    }
                    last.1.sort_unstable_by_key(|e| e.0);
                }
                _ => rows.push((k, r)),
            }
        }
        let cap = (rows.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![Slot::default(); cap];
        let mut entries = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        let n_features = rows.len();
        for (key, row) in rows {
            let start = entries.len() as u32;
            entries.extend(row.iter().map(|&(c, w)| Entry { class: u32::from(c), w }));
            let mut i = slot_of(key) & (cap - 1);
            while slots[i].key != 0 {
                i = (i + 1) & (cap - 1);
            }
            slots[i] = Slot {
                key,
                start,
                len: row.len() as u32,
            };
        }
        Weights {
            n_classes,
            mask: cap - 1,
            slots,
            entries,
            n_features,
        }
    }

    /// Adds the weights of `feats` to `scores` (length `n_classes`).
    ///
    /// The tables are far larger than the CPU caches, so scoring is bound by memory latency.
    /// Lookups run in three passes over a block of features — prefetch the slots, find the
    /// rows and prefetch them, then add — so the cache misses of one feature overlap those
    /// of the others instead of being paid one after another.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        const BLOCK: usize = 32;
        let mut idx = [0usize; BLOCK];
        let mut rows = [(0u32, 0u32); BLOCK];
        for block in feats.chunks(BLOCK) {
            for (i, &f) in block.iter().enumerate() {
                let k = short_key(f);
                idx[i] = slot_of(k) & self.mask;
                prefetch(&self.slots[idx[i]]);
            }
            let mut n = 0;
            for (i, &f) in block.iter().enumerate() {
                let key = short_key(f);
                let mut j = idx[i];
                loop {
                    let s = self.slots[j];
                    if s.key == key {
                        // Rows of frequent features span several cache lines (8 entries each).
                        for e in self.entries[s.start as usize..(s.start + s.len) as usize]
                            .iter()
                            .step_by(8)
                        {
                            prefetch(e);
                        }
                        rows[n] = (s.start, s.len);
                        n += 1;
                        break;
                    }
                    if s.key == 0 {
                        break;
                    }
                    j = (j + 1) & self.mask;
                }
            }
            for &(start, len) in &rows[..n] {
                for e in &self.entries[start as usize..(start + len) as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    pub fn n_features(&self) -> usize {
        self.n_features
    }

    pub fn n_entries(&self) -> usize {
        self.entries.len()
    }

    /// Serializes: features in key order, each with its (class, f16 weight) entries.
    pub fn write(&self, w: &mut Writer) {
        let mut used: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        used.sort_unstable_by_key(|s| s.key);
        w.u32(self.n_classes as u32);
        w.u32(used.len() as u32);
        let wide = self.n_classes > 256;
        for s in &used {
            w.u32(s.key);
            if wide {
                w.u16(s.len as u16);
            } else {
                w.u8(s.len as u8);
            }
        }
        for s in &used {
            for e in &self.entries[s.start as usize..(s.start + s.len) as usize] {
                if wide {
                    w.u16(e.class as u16);
                } else {
                    w.u8(e.class as u8);
                }
                w.u16(f16::from_f32(e.w).to_bits());
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Weights, DataError> {
        let n_classes = r.u32()? as usize;
        let wide = n_classes > 256;
        let n = r.len(5)?;
        let mut heads = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            let key = r.u32()?;
            let len = if wide { r.u16()? } else { u16::from(r.u8()?) };
            if key <= prev {
                return Err(r.error("feature keys out of order"));
            }
            prev = key;
            heads.push((u64::from(key) << 32, len));
        }
        let mut rows = Vec::with_capacity(n);
        for (key, len) in heads {
            let mut row = Vec::with_capacity(len as usize);
            for _ in 0..len {
                let c = if wide { r.u16()? } else { u16::from(r.u8()?) };
                if c as usize >= n_classes {
                    return Err(r.error(format!("class {c} out of range ({n_classes} classes)")));
                }
                row.push((c, f16::from_bits(r.u16()?).to_f32()));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_rows(n_classes, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_and_round_trips() {
        let mut p = Perceptron::new(3);
        for _ in 0..10 {
            p.tick();
            let mut s = [0.0; 3];
            p.score(&[11, 12], &mut s);
            let guess = argmax(&s);
            p.update(&[11, 12], 2, guess, 1.0);
            p.tick();
            let mut s = [0.0; 3];
            p.score(&[13, 12], &mut s);
            p.update(&[13, 12], 1, argmax(&s), 1.0);
        }
        let w = p.averaged(0.0);
        let mut s = [0.0; 3];
        w.score(&[11, 12], &mut s);
        assert_eq!(argmax(&s), 2);
        let mut out = Writer::default();
        w.write(&mut out);
        let w2 = Weights::read(&mut Reader::new("w", &out.buf)).unwrap();
        let mut s2 = [0.0; 3];
        w2.score(&[11, 12], &mut s2);
        assert_eq!(s, s2);
        assert_eq!(w2.n_features(), w.n_features());
    }

    fn argmax(s: &[f32]) -> usize {
        let mut b = 0;
        for i in 1..s.len() {
            if s[i] > s[b] {
                b = i;
            }
        }
        b
    }
}
