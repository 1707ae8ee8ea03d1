//! [`NerModel`]: loading a trained model and tagging sentences and documents with it.

use std::borrow::Cow;
use std::path::Path;

use chronicle_doc::{DataError, EntityKind};

use crate::features::{DocInfo, Extractor, History, SentenceFeatures, FEATURE_VERSION};
use crate::format;
use crate::lexicon::Lexicon;
use crate::tags::{decode, Tag};
use crate::weights::Weights;

const EMBEDDED_NAME: &str = "data/models/ner-en-conll/model.bin";
const EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/models/ner-en-conll/model.bin"
));

/// A trained named-entity model with its word lists. Immutable once loaded, so one model
/// can be shared (`Arc<NerModel>`) by any number of threads.
#[derive(Debug)]
pub struct NerModel {
    pub(crate) weights: Weights,
    pub(crate) lexicon: Lexicon,
}

/// A token range `start..end` within a sentence and the entity's kind.
pub type TokenEntity = (usize, usize, EntityKind);

impl NerModel {
    /// The model shipped in the binary (`data/models/ner-en-conll/model.bin`).
    pub fn embedded() -> Result<NerModel, DataError> {
        NerModel::from_bytes(EMBEDDED, EMBEDDED_NAME)
    }

    /// Whether this build carries a model (a checkout before the first training has an
    /// empty placeholder).
    pub fn has_embedded() -> bool {
        !EMBEDDED.is_empty()
    }

    /// Loads a model file written by [`crate::train::train`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<NerModel, DataError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| DataError::new(&name, format!("cannot read: {e}")))?;
        NerModel::from_bytes(&bytes, &name)
    }

    /// Parses model bytes; `name` identifies them in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<NerModel, DataError> {
        let lexicon = Lexicon::embedded()?;
        let weights = format::read(bytes, name, FEATURE_VERSION, lexicon.fingerprint)?;
        Ok(NerModel { weights, lexicon })
    }

    /// Number of feature rows in the model.
    pub fn n_features(&self) -> usize {
        self.weights.n_rows()
    }

    /// Entities of one sentence given as tokens, as token ranges. Without the rest of the
    /// article the document-level features are weaker: prefer [`NerModel::tag_document`].
    pub fn tag_sentence(&self, words: &[&str]) -> Vec<TokenEntity> {
        self.tag_document(&[words.to_vec()]).pop().unwrap_or_default()
    }

    /// Entities of every sentence of an article, in order (sentences are tagged in reading
    /// order because each one's features include what was found in the earlier ones).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenEntity>> {
        tag_tags(&self.weights, &self.lexicon, sentences)
            .iter()
            .map(|tags| decode(tags))
            .collect()
    }
}

/// Decodes an article with given weights: shared by the model and by training's dev checks.
pub(crate) fn tag_tags(weights: &Weights, lexicon: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    let normal: Vec<Vec<Cow<str>>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| normalize(w)).collect())
        .collect();
    let views: Vec<Vec<&str>> = normal.iter().map(|s| s.iter().map(|w| w.as_ref()).collect()).collect();
    let sentences = &views[..];
    let doc = DocInfo::new(sentences);
    let mut extractor = Extractor::new(lexicon);
    let mut history = History::default();
    let mut feats = SentenceFeatures::default();
    let mut hist = SentenceFeatures::default();
    let mut em = Vec::new();
    let mut out = Vec::with_capacity(sentences.len());
    for words in sentences {
        if words.is_empty() {
            out.push(Vec::new());
            continue;
        }
        extractor.extract(words, &doc, &mut feats);
        history.features(words, &doc, &mut hist);
        weights.emissions(&[&feats, &hist], &mut em);
        let tags = weights.viterbi(&em);
        history.add(words, &tags, &doc);
        out.push(tags);
    }
    out
}

/// Typographic quotes and dashes as CoNLL's 1996 Reuters text writes them (`’s` → `'s`,
/// `“` → `"`, `–` → `-`), so modern news text meets the features the model learnt.
fn normalize(word: &str) -> Cow<'_, str> {
    let odd = |c: char| {
        matches!(
            c,
            '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '\u{2013}' | '\u{2014}'
        )
    };
    if !word.chars().any(odd) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(
        word.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_marks_are_normalized() {
        assert_eq!(normalize("\u{2019}s"), "'s");
        assert_eq!(normalize("\u{201c}"), "\"");
        assert_eq!(normalize("\u{2014}"), "-");
        assert!(matches!(normalize("Geneva"), Cow::Borrowed(_)));
    }
}
