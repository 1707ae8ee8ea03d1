//! Attitude frames: verbs whose subject is the source of what their complement says
//! ("A report found that …", "Ryan endorsed Trump", "Cruz vowed to …"), read from
//! `data/quotes/frames.tsv`, and nouns that name a statement or stance with its content
//! ("his claim that …", "her call for …"), read from `data/quotes/nominal.tsv`; both are
//! matched on the dependency parse.

use std::collections::HashMap;

use chronicle_doc::DataError;

const FRAMES_FILE: &str = "data/quotes/frames.tsv";
const FRAMES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/quotes/frames.tsv"));
const NOMINAL_FILE: &str = "data/quotes/nominal.tsv";
const NOMINAL_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/quotes/nominal.tsv"));

/// The dependency relations a verb frame's content may hang on, in the order they are tried,
/// then the prepositions that may mark it (`talked about …`, `called for …`).
pub const COMPLEMENTS: [&str; 3] = ["ccomp", "xcomp", "obj"];
/// `as` is an object with an `as` predicate after it (`sees the deal as a mistake`).
pub const VERB_COMPLEMENTS: [&str; 8] = ["ccomp", "xcomp", "obj", "about", "for", "against", "as", "on"];
/// What a noun's content may be: a `that` clause, a `to` infinitive, or a phrase marked by a
/// preposition (`criticism of`, `attacks on`, `call for`, `questions about`).
pub const NOUN_COMPLEMENTS: [&str; 8] = ["that", "to", "of", "on", "for", "about", "against", "over"];

/// How a lemma takes a complement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// Listed for this lemma.
    Listed,
    /// Through the `*` line, which holds for every lemma not marked `-`.
    Any,
}

/// Lemmas and, for each, which complements carry their content; `*` names the complements
/// every lemma takes, `-` marks a lemma that takes none.
pub struct FrameTable {
    complements: &'static [&'static str],
    lemmas: HashMap<String, Option<u16>>,
    any: u16,
}

impl FrameTable {
    pub fn parse(file: &str, text: &str, complements: &'static [&'static str]) -> Result<FrameTable, DataError> {
        let mut lemmas = HashMap::new();
        let mut any = None;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| DataError::at_line(file, index + 1, message);
            let columns: Vec<&str> = line.split('\t').collect();
            let [lemma, listed] = columns[..] else {
                return Err(fail(format!(
                    "expected 2 tab-separated columns, found {}",
                    columns.len()
                )));
            };
            if lemma.is_empty() || lemma != lemma.to_lowercase() || lemma.contains(' ') {
                return Err(fail(format!("lemma `{lemma}` must be one lower-case word")));
            }
            let mask = if listed == "-" {
                if lemma == "*" {
                    return Err(fail("`*` cannot take `-`".into()));
                }
                None
            } else {
                let mut mask = 0u16;
                for relation in listed.split(',') {
                    let Some(k) = complements.iter().position(|&c| c == relation) else {
                        return Err(fail(format!(
                            "complement `{relation}` is not one of {} (or `-` alone)",
                            complements.join(", ")
                        )));
                    };
                    mask |= 1 << k;
                }
                Some(mask)
            };
            let twice = if lemma == "*" {
                any.replace(mask.unwrap_or(0)).is_some()
            } else {
                lemmas.insert(lemma.to_string(), mask).is_some()
            };
            if twice {
                return Err(fail(format!("lemma `{lemma}` is listed twice")));
            }
        }
        Ok(FrameTable {
            complements,
            lemmas,
            any: any.unwrap_or(0),
        })
    }

    /// Whether and how `lemma` takes its content on `relation`.
    pub fn takes(&self, lemma: &str, relation: &str) -> Option<Takes> {
        let bit = 1 << self.complements.iter().position(|&c| c == relation)?;
        match self.lemmas.get(lemma) {
            Some(None) => None,
            Some(Some(mask)) if mask & bit != 0 => Some(Takes::Listed),
            _ => (self.any & bit != 0).then_some(Takes::Any),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.lemmas.is_empty() && self.any == 0
    }
}

/// The verb frames and the nominal ones.
pub struct Frames {
    pub verbs: FrameTable,
    pub nouns: FrameTable,
}

impl Frames {
    pub fn builtin() -> Result<Frames, DataError> {
        Ok(Frames {
            verbs: FrameTable::parse(FRAMES_FILE, FRAMES_TSV, &VERB_COMPLEMENTS)?,
            nouns: FrameTable::parse(NOMINAL_FILE, NOMINAL_TSV, &NOUN_COMPLEMENTS)?,
        })
    }

    /// Verb frames from `text` (as `frames.tsv`), with no nominal ones.
    pub fn parse(file: &str, text: &str) -> Result<Frames, DataError> {
        Ok(Frames {
            verbs: FrameTable::parse(file, text, &VERB_COMPLEMENTS)?,
            nouns: FrameTable::parse(file, "", &NOUN_COMPLEMENTS)?,
        })
    }

    /// Whether the verb `lemma` takes its content on `relation` (listed or through `*`).
    pub fn takes(&self, lemma: &str, relation: &str) -> bool {
        self.verbs.takes(lemma, relation).is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty() && self.nouns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_frames_load() {
        let frames = Frames::builtin().unwrap();
        assert!(!frames.is_empty());
        assert!(frames.takes("find", "ccomp"));
        assert!(frames.takes("endorse", "obj"));
        assert!(!frames.takes("eat", "obj"));
        assert_eq!(frames.verbs.takes("find", "ccomp"), Some(Takes::Listed));
        // Any verb may take a clause, except the ones that report no one's view.
        assert_eq!(frames.verbs.takes("grumble", "ccomp"), Some(Takes::Any));
        assert_eq!(frames.verbs.takes("mean", "ccomp"), None);
        assert_eq!(frames.nouns.takes("claim", "that"), Some(Takes::Listed));
        assert_eq!(frames.nouns.takes("fact", "that"), None);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = Frames::parse("frames.tsv", "# x\nfind\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "frames.tsv:2: expected 2 tab-separated columns, found 1"
        );
        let err = Frames::parse("frames.tsv", "find\tnsubj\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "frames.tsv:1: complement `nsubj` is not one of ccomp, xcomp, obj, about, for, against, as, on (or `-` alone)"
        );
        let err = Frames::parse("frames.tsv", "Find\tccomp\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "frames.tsv:1: lemma `Find` must be one lower-case word"
        );
        let err = Frames::parse("frames.tsv", "find\tccomp\nfind\tobj\n").err().unwrap();
        assert_eq!(err.to_string(), "frames.tsv:2: lemma `find` is listed twice");
        let err = Frames::parse("frames.tsv", "*\t-\n").err().unwrap();
        assert_eq!(err.to_string(), "frames.tsv:1: `*` cannot take `-`");
    }
}
