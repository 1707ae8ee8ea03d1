use std::sync::Arc;

use chronicle_doc::{DataError, Document, Layers, Stage};
use chronicle_read::Article;

/// Why a pipeline could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// A stage needs a layer that no earlier stage assigns: the stages are misordered or one
    /// is missing.
    #[error("stage `{stage}` needs the {layers} layer(s), which no earlier stage provides")]
    MissingLayer { stage: &'static str, layers: String },
    /// A stage's data file (dictionary, rules, model) is missing or malformed.
    #[error(transparent)]
    Data(#[from] DataError),
}

/// An ordered list of stages, checked when built, shared by every worker thread.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// A pipeline of `stages`, run in the given order.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut available = Layers::empty();
        for stage in &stages {
            let missing = stage.requires() - available;
            if !missing.is_empty() {
                return Err(PipelineError::MissingLayer {
                    stage: stage.name(),
                    layers: missing.names().join(", "),
                });
            }
            available |= stage.assigns();
        }
        Ok(Pipeline { stages })
    }

    /// Chronicle's English pipeline with its built-in data and models.
    pub fn english() -> Result<Pipeline, PipelineError> {
        let ner = Arc::new(chronicle_ner::NerModel::embedded()?);
        let syntax = Arc::new(chronicle_syntax::SyntaxModels::embedded()?);
        Pipeline::new(vec![
            Box::new(chronicle_text::TextStage::new()?),
            Box::new(chronicle_syntax::SyntaxStage::new(syntax)),
            Box::new(chronicle_ner::NerStage::new(ner)),
            // Places before actors: a role a place qualifies takes the place's country
            // ("Texas police").
            Box::new(chronicle_places::PlaceStage::new()?),
            Box::new(chronicle_actors::ActorStage::new()?),
            Box::new(chronicle_time::TimeStage::new()?),
            Box::new(chronicle_quotes::QuoteStage::new()?),
            Box::new(chronicle_events::EventStage::new()?),
            Box::new(chronicle_places::ToneStage::new()?),
        ])
    }

    /// The stage names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The layers this pipeline fills.
    pub fn assigns(&self) -> Layers {
        self.stages.iter().fold(Layers::empty(), |all, s| all | s.assigns())
    }

    /// Runs every stage over one article.
    pub fn annotate(&self, article: Article) -> Document {
        let mut doc = Document::new(article.meta, article.text);
        self.annotate_document(&mut doc);
        doc
    }

    /// Runs every stage over a document built elsewhere.
    pub fn annotate_document(&self, doc: &mut Document) {
        for stage in &self.stages {
            stage.run(doc);
            doc.mark_done(stage.assigns());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, Layers, Layers);

    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> Layers {
            self.1
        }
        fn assigns(&self) -> Layers {
            self.2
        }
        fn run(&self, doc: &mut Document) {
            doc.diagnose(self.0, "ran");
        }
    }

    #[test]
    fn misordered_stages_are_refused_when_built() {
        let tagger = Box::new(Fake("tagger", Layers::TOKENS, Layers::TAGS));
        let tokenizer = Box::new(Fake("tokenizer", Layers::empty(), Layers::TOKENS));
        let err = Pipeline::new(vec![tagger, tokenizer])
            .err()
            .expect("tagger before tokenizer");
        assert_eq!(
            err.to_string(),
            "stage `tagger` needs the tokens layer(s), which no earlier stage provides"
        );
    }

    #[test]
    fn stages_run_in_order_and_mark_their_layers() {
        let tokenizer = Box::new(Fake("tokenizer", Layers::empty(), Layers::TOKENS));
        let tagger = Box::new(Fake("tagger", Layers::TOKENS, Layers::TAGS));
        let pipeline = Pipeline::new(vec![tokenizer, tagger]).unwrap();
        assert_eq!(pipeline.stage_names(), ["tokenizer", "tagger"]);
        let meta = chronicle_doc::Meta {
            id: "x".into(),
            date: chronicle_doc::Date::from_ymd_opt(2020, 1, 1).unwrap(),
            date_text: "2020-01-01".into(),
            source: None,
            title: None,
            url: None,
        };
        let origin = chronicle_read::Origin {
            file: "-".into(),
            line: 1,
        };
        let doc = pipeline.annotate(Article {
            meta,
            text: "Hi.".into(),
            origin,
        });
        let ran: Vec<_> = doc.diagnostics.iter().map(|d| d.stage).collect();
        assert_eq!(ran, ["tokenizer", "tagger"]);
        assert!(doc.has(Layers::TOKENS | Layers::TAGS));
    }
}
