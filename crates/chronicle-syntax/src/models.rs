//! The loaded models and the one-sentence analysis API.

use std::path::Path;

use chronicle_doc::{DataError, Upos};

use crate::eval::{alt_keys, tag_keys};
use crate::parser::{ParseScratch, Parser};
use crate::tagger::{TagScratch, Tagger};

/// Directory names of the models under `data/models/`.
pub const TAGGER_DIR: &str = "tagger-en-ud";
pub const PARSER_DIR: &str = "parser-en-ud";

/// The analysis of one word of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct WordAnalysis {
    pub upos: Option<Upos>,
    pub xpos: &'static str,
    pub lemma: String,
    /// 0-based index of the head in the sentence, `None` for the root.
    pub head: Option<usize>,
    pub deprel: &'static str,
}

/// Tagger (with lemmatizer) and parser. Immutable after loading: share one instance across
/// threads behind an `Arc`.
#[derive(Debug)]
pub struct SyntaxModels {
    pub tagger: Tagger,
    pub parser: Parser,
}

/// Per-call buffers; reuse one per thread to avoid allocations in a loop.
#[derive(Default)]
pub struct Scratch {
    pub tag: TagScratch,
    pub parse: ParseScratch,
    /// The tagger's runner-up classes (for a parser with runner-up tag features).
    pub alts: Vec<u16>,
}

#[cfg(chronicle_embedded_models)]
static TAGGER_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/tagger-en-ud/model.bin"
));
#[cfg(chronicle_embedded_models)]
static PARSER_BYTES: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/parser-en-ud/model.bin"
));

impl SyntaxModels {
    /// The models compiled into the binary.
    pub fn embedded() -> Result<SyntaxModels, DataError> {
        #[cfg(chronicle_embedded_models)]
        {
            Ok(SyntaxModels {
                tagger: Tagger::load("data/models/tagger-en-ud/model.bin (embedded)", TAGGER_BYTES)?,
                parser: Parser::load("data/models/parser-en-ud/model.bin (embedded)", PARSER_BYTES)?,
            })
        }
        #[cfg(not(chronicle_embedded_models))]
        {
            Err(DataError::new(
                "data/models/tagger-en-ud/model.bin",
                "models were not present when this binary was built",
            ))
        }
    }

    /// Loads `DIR/tagger-en-ud/model.bin` and `DIR/parser-en-ud/model.bin`.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<SyntaxModels, DataError> {
        let dir = dir.as_ref();
        Ok(SyntaxModels {
            tagger: load_file(&dir.join(TAGGER_DIR).join("model.bin"), Tagger::load)?,
            parser: load_file(&dir.join(PARSER_DIR).join("model.bin"), Parser::load)?,
        })
    }

    /// Tags, lemmatizes and parses one sentence of syntactic words.
    pub fn analyze(&self, words: &[&str]) -> Vec<WordAnalysis> {
        self.analyze_with(words, &mut Scratch::default())
    }

    /// [`SyntaxModels::analyze`] reusing caller-owned buffers.
    pub fn analyze_with(&self, words: &[&str], scratch: &mut Scratch) -> Vec<WordAnalysis> {
        if words.is_empty() {
            return Vec::new();
        }
        let set = &self.tagger.tags;
        let (tags, arcs) = match self.parser.alt_gate() {
            None => {
                let tags = self.tagger.tag(words, &mut scratch.tag);
                let keys = tag_keys(&self.tagger, &tags);
                let arcs = self.parser.parse(words, &keys, &mut scratch.parse);
                (tags, arcs)
            }
            Some(gate) => {
                let tags = self.tagger.tag_alts(words, &mut scratch.tag, gate, &mut scratch.alts);
                let keys = tag_keys(&self.tagger, &tags);
                let alts = alt_keys(&self.tagger, &scratch.alts);
                let arcs = self.parser.parse_alts(words, &keys, &alts, &mut scratch.parse);
                (tags, arcs)
            }
        };
        words
            .iter()
            .zip(tags)
            .zip(arcs)
            .map(|((w, t), (head, label))| WordAnalysis {
                upos: set.upos[t as usize],
                xpos: set.xpos[t as usize],
                lemma: self.tagger.lemmatizer.lemmatize(w, set.xpos[t as usize]),
                head,
                deprel: self.parser.labels[label as usize],
            })
            .collect()
    }
}

/// Reads a model file, naming it in errors.
pub fn load_file<T>(path: &Path, load: fn(&str, &[u8]) -> Result<T, DataError>) -> Result<T, DataError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| DataError::new(&name, e.to_string()))?;
    load(&name, &bytes)
}
