use crate::Document;

bitflags::bitflags! {
    /// The annotation layers of a [`Document`], as a set.
    ///
    /// A document records which layers have been filled, so "this stage ran and found
    /// nothing" is distinct from "this stage never ran".
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub struct Layers: u32 {
        const TOKENS = 1 << 0;
        const SENTENCES = 1 << 1;
        const TAGS = 1 << 2;
        const LEMMAS = 1 << 3;
        const PARSE = 1 << 4;
        const ENTITIES = 1 << 5;
        /// Actor codes on entities, and the `mentions` layer (descriptions, pronouns, coreference).
        const ACTORS = 1 << 6;
        const TIMES = 1 << 7;
        const QUOTES = 1 << 8;
        const PLACES = 1 << 9;
        const EVENTS = 1 << 10;
        const TONE = 1 << 11;
    }
}

impl Layers {
    /// Lower-case names of the layers in the set, for messages ("tokens, sentences").
    pub fn names(self) -> Vec<String> {
        self.iter_names().map(|(name, _)| name.to_ascii_lowercase()).collect()
    }
}

/// One step of the pipeline: reads some layers of a document and adds others.
///
/// Stages are built once (loading their models and rules, where loading may fail) and then
/// shared across threads. `run` cannot fail: odd text is data, and anything worth telling the
/// user goes to [`Document::diagnostics`].
pub trait Stage: Send + Sync {
    /// A short stable name, used in messages and `--explain` output.
    fn name(&self) -> &'static str;
    /// The layers that must be filled before this stage runs.
    fn requires(&self) -> Layers;
    /// The layers this stage fills.
    fn assigns(&self) -> Layers;
    /// Adds this stage's layers to `doc`.
    fn run(&self, doc: &mut Document);
}
