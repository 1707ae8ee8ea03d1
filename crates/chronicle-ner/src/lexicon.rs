//! Gazetteers and word clusters: the data files of `data/ner/`, embedded in the binary.
//!
//! Gazetteers are plain word lists, one entry per line (`#` starts a comment line). They are
//! validated when loaded so a bad edit fails loudly with `file:line`. Matching is on exact
//! tokens, plus an upper-cased form so headlines (`JAPAN GET LUCKY WIN`) match too.

use std::collections::HashSet;

use chronicle_doc::DataError;

use crate::hash::{fnv1a, StrMap};

macro_rules! data_file {
    ($name:literal) => {
        (
            concat!("data/ner/", $name),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/ner/", $name)),
        )
    };
}

/// The gazetteers, in feature order (the index is part of the feature, so never reorder).
const GAZETTEERS: [(&str, &str); 7] = [
    data_file!("countries.txt"),
    data_file!("regions.txt"),
    data_file!("cities.txt"),
    data_file!("nationalities.txt"),
    data_file!("organizations.txt"),
    data_file!("org_words.txt"),
    data_file!("first_names.txt"),
];

const CLUSTERS: (&str, &str) = data_file!("clusters.txt");

/// Longest gazetteer phrase considered, in tokens.
const MAX_PHRASE: usize = 6;

/// A word's cluster: its path in the binary hierarchy, `len` bits, most significant first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub bits: u32,
    pub len: u8,
}

/// All the word lists the features use.
#[derive(Debug)]
pub struct Lexicon {
    /// Phrase (tokens joined by one space) → bit set of the gazetteers holding it.
    phrases: StrMap<u8>,
    /// Upper-cased phrase → bit set, for all-caps text.
    upper: StrMap<u8>,
    /// First token of any phrase (exact and upper-cased) → longest phrase starting with it.
    first: StrMap<u8>,
    clusters: StrMap<Cluster>,
    /// Fingerprint of every file's contents: a model records the one it was trained with.
    pub fingerprint: u64,
}

pub const N_GAZETTEERS: usize = GAZETTEERS.len();

impl Lexicon {
    /// Loads the embedded lists.
    pub fn embedded() -> Result<Lexicon, DataError> {
        let mut lex = Lexicon {
            phrases: StrMap::default(),
            upper: StrMap::default(),
            first: StrMap::default(),
            clusters: StrMap::default(),
            fingerprint: 0,
        };
        let mut fp = Vec::new();
        for (g, (file, text)) in GAZETTEERS.iter().enumerate() {
            for (line, entry) in entries(file, text)? {
                let toks: Vec<&str> = entry.split(' ').collect();
                if toks.len() > MAX_PHRASE || toks.iter().any(|t| t.is_empty()) {
                    return Err(DataError::at_line(
                        *file,
                        line,
                        format!("entry must be 1 to {MAX_PHRASE} words separated by single spaces"),
                    ));
                }
                *lex.phrases.entry(entry.to_string()).or_default() |= 1 << g;
                *lex.upper.entry(entry.to_uppercase()).or_default() |= 1 << g;
                for first in [toks[0].to_string(), toks[0].to_uppercase()] {
                    let m = lex.first.entry(first).or_default();
                    *m = (*m).max(toks.len() as u8);
                }
            }
            fp.extend_from_slice(&fnv1a(text.as_bytes()).to_le_bytes());
        }
        lex.clusters = parse_clusters(CLUSTERS.0, CLUSTERS.1)?;
        fp.extend_from_slice(&fnv1a(CLUSTERS.1.as_bytes()).to_le_bytes());
        lex.fingerprint = fnv1a(&fp);
        Ok(lex)
    }

    pub fn cluster(&self, word: &str) -> Option<Cluster> {
        self.clusters.get(word).copied()
    }

    pub fn n_clusters(&self) -> usize {
        self.clusters.len()
    }

    /// For each token, the gazetteer matches covering it: `(gazetteer, position)` with
    /// position 0 = begin, 1 = inside, 2 = last, 3 = unit. From each start only the longest
    /// match per gazetteer counts, so `New York` marks `New` as begin, not `York` as a unit
    /// of something else.
    pub fn matches(&self, words: &[&str], all_caps: &[bool]) -> Vec<Vec<(u8, u8)>> {
        let mut out = Vec::new();
        self.matches_into(words, all_caps, &mut out);
        out
    }

    /// [`Lexicon::matches`] into `out`, whose lists keep their memory from call to call.
    pub fn matches_into(&self, words: &[&str], all_caps: &[bool], out: &mut Vec<Vec<(u8, u8)>>) {
        for o in out.iter_mut() {
            o.clear();
        }
        if out.len() < words.len() {
            out.resize_with(words.len(), Vec::new);
        }
        let mut key = String::new();
        for i in 0..words.len() {
            let Some(&max) = self.first.get(words[i]) else {
                continue;
            };
            let max = (max as usize).min(words.len() - i);
            let mut seen: u8 = 0;
            for len in (1..=max).rev() {
                let key: &str = if len == 1 {
                    words[i]
                } else {
                    key.clear();
                    for (j, w) in words[i..i + len].iter().enumerate() {
                        if j > 0 {
                            key.push(' ');
                        }
                        key.push_str(w);
                    }
                    &key
                };
                let mut sets = self.phrases.get(key).copied().unwrap_or(0);
                if all_caps[i..i + len].iter().all(|&c| c) {
                    sets |= self.upper.get(key).copied().unwrap_or(0);
                }
                let new = sets & !seen;
                seen |= sets;
                for g in 0..N_GAZETTEERS {
                    if new & (1 << g) == 0 {
                        continue;
                    }
                    if len == 1 {
                        out[i].push((g as u8, 3));
                    } else {
                        out[i].push((g as u8, 0));
                        for o in &mut out[i + 1..i + len - 1] {
                            o.push((g as u8, 1));
                        }
                        out[i + len - 1].push((g as u8, 2));
                    }
                }
            }
        }
    }
}

/// The non-comment lines of a list, validated: no blank lines, no stray whitespace or tabs,
/// no duplicates.
fn entries<'a>(file: &str, text: &'a str) -> Result<Vec<(usize, &'a str)>, DataError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            return Err(DataError::at_line(file, n, "empty entry"));
        }
        if line.trim() != line || line.contains('\t') || line.contains("  ") {
            return Err(DataError::at_line(file, n, "stray whitespace in entry"));
        }
        if !seen.insert(line) {
            return Err(DataError::at_line(file, n, format!("duplicate entry {line:?}")));
        }
        out.push((n, line));
    }
    Ok(out)
}

/// `word<TAB>bits` lines, bits a string of `0`/`1` up to 32 long.
pub(crate) fn parse_clusters(file: &str, text: &str) -> Result<StrMap<Cluster>, DataError> {
    let mut map = StrMap::default();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let bad = |m: &str| DataError::at_line(file, i + 1, m.to_string());
        let (word, path) = line.split_once('\t').ok_or_else(|| bad("expected word<TAB>bits"))?;
        if word.is_empty() || path.is_empty() || path.len() > 32 {
            return Err(bad("empty word or bit path not 1 to 32 long"));
        }
        let mut bits = 0u32;
        for c in path.chars() {
            bits = (bits << 1)
                | match c {
                    '0' => 0,
                    '1' => 1,
                    _ => return Err(bad("bit path must be 0s and 1s")),
                };
        }
        let cluster = Cluster {
            bits,
            len: path.len() as u8,
        };
        if map.insert(word.to_string(), cluster).is_some() {
            return Err(bad("duplicate word"));
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load_and_match() {
        let lex = Lexicon::embedded().unwrap();
        let words = ["in", "New", "York", "and", "GENEVA"];
        let caps = [false, false, false, false, true];
        let m = lex.matches(&words, &caps);
        assert!(m[1].contains(&(2, 0)), "{m:?}");
        assert!(m[2].contains(&(2, 2)), "{m:?}");
        assert!(m[4].contains(&(2, 3)), "{m:?}");
        assert!(m[0].is_empty());
    }

    #[test]
    fn bad_entries_name_file_and_line() {
        let e = entries("x.txt", "# c\nParis\n\nRome\n").unwrap_err();
        assert_eq!(e.to_string(), "x.txt:3: empty entry");
        let e = entries("x.txt", "Paris\nParis\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse_clusters("c.txt", "the\t01\nof\t2\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let c = parse_clusters("c.txt", "the\t011\n").unwrap();
        assert_eq!(c["the"], Cluster { bits: 3, len: 3 });
    }
}
