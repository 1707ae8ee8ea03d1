//! Attitude frames: verbs whose subject is the source of what their complement says
//! ("A report found that …", "Ryan endorsed Trump", "Cruz vowed to …"), read from
//! `data/quotes/frames.tsv` and matched on the dependency parse.

use std::collections::HashMap;

use chronicle_doc::DataError;

const FRAMES_FILE: &str = "data/quotes/frames.tsv";
const FRAMES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/quotes/frames.tsv"));

/// The dependency relations a frame's content may hang on, in the order they are tried.
pub const COMPLEMENTS: [&str; 3] = ["ccomp", "xcomp", "obj"];

/// Verb lemmas and, for each, which of [`COMPLEMENTS`] carry its content.
pub struct Frames {
    frames: HashMap<String, [bool; 3]>,
}

impl Frames {
    pub fn builtin() -> Result<Frames, DataError> {
        Frames::parse(FRAMES_FILE, FRAMES_TSV)
    }

    pub fn parse(file: &str, text: &str) -> Result<Frames, DataError> {
        let mut frames = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| DataError::at_line(file, index + 1, message);
            let columns: Vec<&str> = line.split('\t').collect();
            let [lemma, complements] = columns[..] else {
                return Err(fail(format!(
                    "expected 2 tab-separated columns, found {}",
                    columns.len()
                )));
            };
            if lemma.is_empty() || lemma != lemma.to_lowercase() || lemma.contains(' ') {
                return Err(fail(format!("lemma `{lemma}` must be one lower-case word")));
            }
            let mut allowed = [false; 3];
            for relation in complements.split(',') {
                let Some(k) = COMPLEMENTS.iter().position(|&c| c == relation) else {
                    return Err(fail(format!("complement `{relation}` is not ccomp, xcomp or obj")));
                };
                allowed[k] = true;
            }
            if frames.insert(lemma.to_string(), allowed).is_some() {
                return Err(fail(format!("lemma `{lemma}` is listed twice")));
            }
        }
        Ok(Frames { frames })
    }

    /// Whether `lemma` takes its content on `relation`.
    pub fn takes(&self, lemma: &str, relation: &str) -> bool {
        let Some(k) = COMPLEMENTS.iter().position(|&c| c == relation) else {
            return false;
        };
        self.frames.get(lemma).is_some_and(|allowed| allowed[k])
    }

    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
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
        assert!(!frames.takes("endorse", "ccomp"));
        assert!(!frames.takes("eat", "obj"));
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
            "frames.tsv:1: complement `nsubj` is not ccomp, xcomp or obj"
        );
        let err = Frames::parse("frames.tsv", "Find\tccomp\n").err().unwrap();
        assert_eq!(
            err.to_string(),
            "frames.tsv:1: lemma `Find` must be one lower-case word"
        );
        let err = Frames::parse("frames.tsv", "find\tccomp\nfind\tobj\n").err().unwrap();
        assert_eq!(err.to_string(), "frames.tsv:2: lemma `find` is listed twice");
    }
}
