//! Deterministic hashing and random numbers.
//!
//! Features are 64-bit hashes of (template, values): no string is ever stored in a model,
//! and 64 bits make collisions between the few million features we see negligible. Every
//! hash here is fixed (no per-process random seed) so training is reproducible and a model
//! file means the same thing in every process.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// FNV-1a over the bytes of a string, then finalised: the hash of a word form.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    finish(h)
}

/// A strong 64-bit finaliser (splitmix64), so nearby inputs spread over the whole range.
#[inline]
pub fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Combines a running hash with one more value (order-sensitive).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v)
        .wrapping_mul(K)
        .wrapping_add(0x2545_F491_4F6C_DD1D)
}

/// The feature key of template `t` over values `vs`; never 0 (0 marks an empty table slot).
#[inline]
pub fn feature(t: u32, vs: &[u64]) -> u64 {
    let mut h = u64::from(t).wrapping_mul(K) ^ 0x5851_F42D_4C95_7F2D;
    for &v in vs {
        h = mix(h, v);
    }
    finish(h) | 1
}

/// Hasher for maps keyed by already-mixed 64-bit hashes: pass the key through.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Deterministic build-hasher for training maps (iteration order must not depend on the process).
pub type IdBuild = BuildHasherDefault<IdHasher>;

/// A tiny seeded generator (splitmix64) for shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x1234_5678_9ABC_DEF0)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(K);
        finish(self.0)
    }

    /// Uniform in `0..n` (n > 0); the slight modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_nonzero() {
        assert_eq!(hash_str("Biden"), hash_str("Biden"));
        assert_ne!(hash_str("Biden"), hash_str("biden"));
        assert_ne!(feature(1, &[2, 3]), feature(1, &[3, 2]));
        assert_ne!(feature(1, &[2]), feature(2, &[2]));
        assert_eq!(feature(0, &[0]) & 1, 1);
    }

    #[test]
    fn rng_is_seeded() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Rng::new(7);
                move |_| r.next_u64()
            })
            .collect();
        let mut r = Rng::new(7);
        assert_eq!(a[0], r.next_u64());
        let mut v: Vec<u32> = (0..10).collect();
        Rng::new(1).shuffle(&mut v);
        let mut w: Vec<u32> = (0..10).collect();
        Rng::new(1).shuffle(&mut w);
        assert_eq!(v, w);
    }
}
