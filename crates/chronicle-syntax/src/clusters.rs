//! Word clusters (binary bit paths from Brown-style clustering) used as tagger and parser
//! features.
//!
//! The clusters are read at training time from a text file (`data/ner/clusters.txt`: our own,
//! induced by `chronicle-ner` from news text; one `word<TAB>bit path` a line, `#` comments) and
//! stored inside the model file, so a model always runs with exactly the clusters it was
//! trained with, even if the text file is later re-induced.

use std::collections::HashMap;
use std::path::Path;

use chronicle_doc::DataError;

use crate::format::{Reader, Writer};
use crate::hash::{finish, mix, IdBuild};

/// Bit-path prefix lengths used as features (the last one is the whole path).
pub const PREFIXES: [u8; 3] = [4, 8, 12];

/// Per-word cluster keys: one hashed value per prefix length plus the whole path.
pub type ClusterKeys = [u64; 4];

/// Keys of a word without a cluster.
pub const NO_CLUSTER: ClusterKeys = [0xC1_0001, 0xC1_0002, 0xC1_0003, 0xC1_0004];

/// Word → cluster path (`bits << 8 | len`, `bits` most significant first).
#[derive(Clone, Default, Debug)]
pub struct Clusters {
    map: HashMap<u64, u32, IdBuild>,
}

/// Hash of a word for the cluster table: exact form and lower-cased form in one pass.
fn word_hashes(word: &str) -> (u64, u64) {
    let (mut exact, mut lower) = (0xC1u64, 0xC1u64);
    for c in word.chars() {
        exact = mix(exact, u64::from(c as u32));
        if c.is_ascii() {
            lower = mix(lower, u64::from(c.to_ascii_lowercase() as u32));
        } else {
            for l in c.to_lowercase() {
                lower = mix(lower, u64::from(l as u32));
            }
        }
    }
    (finish(exact), finish(lower))
}

impl Clusters {
    /// Parses the text format; `name` is used in errors (with the line number).
    pub fn parse(name: &str, text: &str) -> Result<Clusters, DataError> {
        let mut map = HashMap::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: &str| DataError::new(format!("{name}:{}", i + 1), m.to_string());
            let (word, path) = line.split_once('\t').ok_or_else(|| err("expected word<TAB>bit path"))?;
            if word.is_empty() || path.is_empty() || path.len() > 24 || !path.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(err("the bit path must be 1 to 24 characters of 0 and 1"));
            }
            let bits = u32::from_str_radix(path, 2).map_err(|_| err("bad bit path"))?;
            // First entry wins for a repeated word.
            map.entry(word_hashes(word).0).or_insert(bits << 8 | path.len() as u32);
        }
        if map.is_empty() {
            return Err(DataError::new(name, "no clusters in file"));
        }
        Ok(Clusters { map })
    }

    /// Reads the text file at `path`, naming it in errors (a missing file included).
    pub fn read_file(path: &Path) -> Result<Clusters, DataError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| DataError::new(&name, format!("cluster file: {e}")))?;
        Clusters::parse(&name, &text)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The cluster keys of `word`: its own cluster, else that of its lower-cased form.
    pub fn keys(&self, word: &str) -> ClusterKeys {
        if self.map.is_empty() {
            return NO_CLUSTER;
        }
        let (exact, lower) = word_hashes(word);
        let Some(&v) = self.map.get(&exact).or_else(|| self.map.get(&lower)) else {
            return NO_CLUSTER;
        };
        let (bits, len) = (v >> 8, (v & 0xFF) as u8);
        let mut out = [0; 4];
        for (k, &p) in PREFIXES.iter().enumerate() {
            let p = p.min(len);
            out[k] = finish(mix(0xC2 + k as u64, u64::from(bits >> (len - p)) << 8 | u64::from(p)));
        }
        out[3] = finish(mix(0xC5, u64::from(v)));
        out
    }

    pub fn write(&self, w: &mut Writer) {
        let mut v: Vec<(u64, u32)> = self.map.iter().map(|(k, v)| (*k, *v)).collect();
        v.sort_unstable();
        w.u32(v.len() as u32);
        for (k, c) in v {
            w.u64(k);
            w.u32(c);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Clusters, DataError> {
        let n = r.len(12)?;
        let mut map = HashMap::with_capacity_and_hasher(n, IdBuild::default());
        for _ in 0..n {
            let k = r.u64()?;
            let c = r.u32()?;
            let len = c & 0xFF;
            if len == 0 || len > 24 {
                return Err(r.error(format!("cluster path length {len} out of range")));
            }
            map.insert(k, c);
        }
        Ok(Clusters { map })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_shares_prefixes() {
        let c = Clusters::parse("t.txt", "# comment\nthe\t0101\nBiden\t110010\nPutin\t110011\n").unwrap();
        assert_eq!(c.len(), 3);
        let (b, p) = (c.keys("Biden"), c.keys("Putin"));
        assert_eq!(b[0], p[0], "same 4-bit prefix");
        assert_ne!(b[3], p[3], "different paths");
        assert_eq!(c.keys("THE"), c.keys("the"), "lower-cased fallback");
        assert_eq!(c.keys("unknown"), NO_CLUSTER);
        let mut w = Writer::default();
        c.write(&mut w);
        let back = Clusters::read(&mut Reader::new("x", &w.buf)).unwrap();
        assert_eq!(back.keys("Putin"), p);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = Clusters::parse("c.txt", "the\t0101\nbad line\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("c.txt:2"), "{e}");
        let e = Clusters::read_file(Path::new("/nonexistent/clusters.txt"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/clusters.txt"), "{e}");
    }
}
