//! The speech-cue lexicon and matching cues over a sentence's tokens.

use chronicle_doc::DataError;

const CUES_FILE: &str = "data/quotes/cues.tsv";
const CUES_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/quotes/cues.tsv"));

/// What sort of cue a lexicon entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: its subject, or the name after it, is the speaker.
    Verb,
    /// "according to X": X is the speaker.
    Source,
    /// A statement noun ("in a statement").
    Noun,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    words: Vec<String>,
    kind: CueKind,
    strong: bool,
}

/// A cue found in a sentence: token positions (document indices, half-open) and its entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub first: usize,
    pub end: usize,
    pub kind: CueKind,
    /// Strong cues mark reported speech on their own; weak ones only beside a direct quote.
    pub strong: bool,
}

/// Speech cues, longest first so "according to" wins over a one-word cue.
pub struct CueLexicon {
    entries: Vec<Entry>,
}

impl CueLexicon {
    pub fn builtin() -> Result<CueLexicon, DataError> {
        CueLexicon::parse(CUES_FILE, CUES_TSV)
    }

    pub fn parse(file: &str, text: &str) -> Result<CueLexicon, DataError> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| DataError::at_line(file, index + 1, message);
            let columns: Vec<&str> = line.split('\t').collect();
            let [cue, kind, strength] = columns[..] else {
                return Err(fail(format!(
                    "expected 3 tab-separated columns, found {}",
                    columns.len()
                )));
            };
            let kind = match kind {
                "verb" => CueKind::Verb,
                "source" => CueKind::Source,
                "noun" => CueKind::Noun,
                other => return Err(fail(format!("kind `{other}` is not verb, source or noun"))),
            };
            let strong = match strength {
                "strong" => true,
                "weak" => false,
                other => return Err(fail(format!("strength `{other}` is not strong or weak"))),
            };
            let words: Vec<String> = cue.split(' ').map(str::to_lowercase).collect();
            if words.iter().any(String::is_empty) {
                return Err(fail(format!("cue `{cue}` has empty words (use single spaces)")));
            }
            if entries.iter().any(|e: &Entry| e.words == words) {
                return Err(fail(format!("cue `{cue}` is listed twice")));
            }
            entries.push(Entry { words, kind, strong });
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
        Ok(CueLexicon { entries })
    }

    /// The cues among `words` (lower-cased token texts of one sentence, whose first token has
    /// document index `offset`), left to right, never overlapping.
    pub fn find(&self, words: &[String], offset: usize) -> Vec<Cue> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let hit = self.entries.iter().find(|e| words[i..].starts_with(&e.words));
            match hit {
                Some(entry) => {
                    let end = i + entry.words.len();
                    found.push(Cue {
                        first: offset + i,
                        end: offset + end,
                        kind: entry.kind,
                        strong: entry.strong,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_lowercase).collect()
    }

    #[test]
    fn builtin_lexicon_loads_and_prefers_longest_cues() {
        let lexicon = CueLexicon::builtin().unwrap();
        let cues = lexicon.find(&words("According to the Kremlin , Putin said"), 10);
        assert_eq!(cues.len(), 2);
        assert_eq!((cues[0].first, cues[0].end, cues[0].kind), (10, 12, CueKind::Source));
        assert_eq!((cues[1].first, cues[1].kind, cues[1].strong), (16, CueKind::Verb, true));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = CueLexicon::parse("cues.tsv", "# x\nsaid\tverb\n").err().unwrap();
        assert_eq!(err.to_string(), "cues.tsv:2: expected 3 tab-separated columns, found 2");
        let err = CueLexicon::parse("cues.tsv", "said\tverbal\tstrong\n").err().unwrap();
        assert_eq!(err.to_string(), "cues.tsv:1: kind `verbal` is not verb, source or noun");
        let err = CueLexicon::parse("cues.tsv", "said\tverb\tstrong\nSaid\tverb\tweak\n")
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "cues.tsv:2: cue `Said` is listed twice");
    }
}
