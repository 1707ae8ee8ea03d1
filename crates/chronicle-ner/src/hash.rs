//! Feature hashing.
//!
//! Features are strings (`w=Geneva`, `suf3=eva`) but the model never stores them: each is
//! hashed to 64 bits as it is built, without allocating. With well under a million features
//! the chance of any two colliding in 64 bits is negligible, so hashes serve as identities.

/// A streaming 64-bit hasher (FxHash-style mixing of 8-byte chunks plus a final avalanche).
/// Not cryptographic: it only needs to spread feature strings well and be fast.
#[derive(Clone, Copy)]
pub struct FeatureHasher {
    state: u64,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FeatureHasher {
    /// Starts a feature of template `template` (a small integer naming the feature kind).
    #[inline]
    pub fn new(template: u8) -> FeatureHasher {
        let mut h = FeatureHasher {
            state: 0x9e37_79b9_7f4a_7c15,
        };
        h.mix(template as u64);
        h
    }

    #[inline]
    fn mix(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(K);
    }

    /// Adds a string; a length word keeps `("ab","c")` apart from `("a","bc")`.
    #[inline]
    pub fn str(mut self, s: &str) -> FeatureHasher {
        let bytes = s.as_bytes();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(buf));
        }
        self.mix(bytes.len() as u64 | 0xff00_0000_0000_0000);
        self
    }

    /// Adds a small integer (a tag, a bucket, a flag).
    #[inline]
    pub fn num(mut self, n: u64) -> FeatureHasher {
        self.mix(n ^ 0x00ff_0000_0000_0000);
        self
    }

    /// The final hash (splitmix64 finaliser so every bit depends on every input bit).
    #[inline]
    pub fn finish(self) -> u64 {
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// FNV-1a over a byte slice: the model file's checksum. Simple, dependency-free and enough to
/// catch truncation and bit rot (not tampering).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A `HashMap` hasher for keys that are already well-mixed 64-bit hashes: passes them through.
#[derive(Default, Clone, Copy)]
pub struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are used; fall back to FNV for anything else.
        self.0 = fnv1a(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type IdentityBuild = std::hash::BuildHasherDefault<IdentityHasher>;
/// Map from feature hash to row index.
pub type FeatureMap<V> = std::collections::HashMap<u64, V, IdentityBuild>;

/// A fast hasher for the word-keyed maps (word lists, clusters, per-article tables): they are
/// looked up several times per token, and std's SipHash (DoS-resistant, slow) buys nothing
/// for keys that come from our own files and the article at hand.
#[derive(Clone, Copy)]
pub struct FastHasher(FeatureHasher);

impl Default for FastHasher {
    fn default() -> FastHasher {
        FastHasher(FeatureHasher::new(0))
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0.finish()
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0.mix(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.0.mix(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.0.mix(n as u64 | 0x0100);
    }
}

pub type FastBuild = std::hash::BuildHasherDefault<FastHasher>;
/// Map keyed by words.
pub type StrMap<V> = std::collections::HashMap<String, V, FastBuild>;
/// Set of words.
pub type StrSet = std::collections::HashSet<String, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_boundaries_separate_features() {
        let a = FeatureHasher::new(1).str("ab").str("c").finish();
        let b = FeatureHasher::new(1).str("a").str("bc").finish();
        let c = FeatureHasher::new(2).str("ab").str("c").finish();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, FeatureHasher::new(1).str("ab").str("c").finish());
    }
}
