//! [`NerModel`]: loading a trained model and tagging sentences and documents with it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use chronicle_doc::{DataError, EntityKind};

use crate::features::{DocInfo, Extractor, History, SentenceFeatures, WordCache, FEATURE_VERSION};
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
    /// Tells this model's entries in a thread's word cache from another model's.
    id: u64,
}

/// Source of [`NerModel::id`]s.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Each thread's word cache, for the model whose id it holds (see [`WordCache`]).
    static CACHE: RefCell<(u64, WordCache)> = RefCell::new((0, WordCache::default()));
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
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        Ok(NerModel { weights, lexicon, id })
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
    ///
    /// Results that depend on a word alone are kept from article to article in a cache of
    /// the calling thread's (exact: the tags are those computed without it).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenEntity>> {
        CACHE.with_borrow_mut(|(owner, cache)| {
            if *owner != self.id {
                cache.clear();
                *owner = self.id;
            }
            tag_with(&self.weights, &self.lexicon, sentences, Some(cache))
                .iter()
                .map(|tags| decode(tags))
                .collect()
        })
    }
}

/// Decodes an article with given weights: shared by the model and by training's dev checks.
pub(crate) fn tag_tags(weights: &Weights, lexicon: &Lexicon, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
    tag_with(weights, lexicon, sentences, None)
}

/// [`tag_tags`], with or without a word cache (which must hold sums made with `weights`).
fn tag_with(
    weights: &Weights,
    lexicon: &Lexicon,
    sentences: &[Vec<&str>],
    mut cache: Option<&mut WordCache>,
) -> Vec<Vec<Tag>> {
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
    let mut base = Vec::new();
    let mut out = Vec::with_capacity(sentences.len());
    for words in sentences {
        if words.is_empty() {
            out.push(Vec::new());
            continue;
        }
        history.features(words, &doc, &mut hist);
        match cache.as_deref_mut() {
            Some(cache) => {
                extractor.extract_cached(words, &doc, weights, cache, &mut feats, &mut base);
                weights.emissions_from(&base, &[&feats, &hist], &mut em);
            }
            None => {
                extractor.extract(words, &doc, &mut feats);
                weights.emissions(&[&feats, &hist], &mut em);
            }
        }
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
