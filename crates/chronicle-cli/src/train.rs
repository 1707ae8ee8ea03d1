//! `chronicle train`: trains the statistical models Chronicle ships (tagger, parser, NER) from
//! treebanks and annotated corpora, reproducibly (same data and seed, same model).

use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};

use chronicle::ner::train as ner_train;
use chronicle::syntax::train::{self as syntax_train, ModelKind};

use crate::exit::ExitCode;

const AFTER_HELP: &str = "\
Training data is read from the files given; nothing is downloaded. The output directory
receives model.bin and meta.json (data, seed, dev scores); copy it over data/models/<name>
and rebuild to ship it.

Examples:
  # part-of-speech tagger and lemmatizer on UD English EWT + GUM (CoNLL-U)
  chronicle train tagger --train en_ewt-ud-train.conllu --train en_gum-ud-train.conllu \\
      --dev en_ewt-ud-dev.conllu --out models/tagger-en-ud
  # dependency parser; --tagger picks the best epoch on dev as tagged at run time
  chronicle train parser --train en_ewt-ud-train.conllu --train en_gum-ud-train.conllu \\
      --dev en_ewt-ud-dev.conllu --tagger models/tagger-en-ud --out models/parser-en-ud
  # named entities on CoNLL-2003 English
  chronicle train ner --train eng.train --dev eng.testa --out models/ner-en-conll";

/// Train a model: tagger, parser or ner. Prints dev scores per epoch on stderr.
#[derive(Args)]
#[command(after_help = AFTER_HELP)]
pub struct TrainArgs {
    /// Which model to train.
    model: Model,
    /// Training file (CoNLL-U for tagger and parser, CoNLL-2003 for ner); repeat for several.
    #[arg(long, required = true, value_name = "FILE")]
    train: Vec<PathBuf>,
    /// Development file: scored after every epoch, the best epoch is kept.
    #[arg(long, value_name = "FILE")]
    dev: Option<PathBuf>,
    /// Output directory (created).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Passes over the training data [default: tagger 10, parser 8, ner 12].
    #[arg(long)]
    epochs: Option<usize>,
    /// Random seed: the same data and seed give the same model.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Parser only: a tagger model directory used to tag dev when choosing the epoch.
    #[arg(long, value_name = "DIR")]
    tagger: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Model {
    /// Part-of-speech tags (UPOS, XPOS) and lemmas.
    Tagger,
    /// Dependency parser (Universal Dependencies relations).
    Parser,
    /// Named entities (person, organization, place, misc).
    Ner,
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    for file in args.train.iter().chain(&args.dev) {
        if !file.is_file() {
            bail!("{}: no such file", file.display());
        }
    }
    if args.tagger.is_some() && !matches!(args.model, Model::Parser) {
        bail!("--tagger applies to the parser only");
    }
    let mut progress = |line: &str| eprintln!("{line}");
    match args.model {
        Model::Tagger | Model::Parser => {
            let kind = if matches!(args.model, Model::Tagger) {
                ModelKind::Tagger
            } else {
                ModelKind::Parser
            };
            let Some(dev) = args.dev else {
                bail!("the {} needs --dev to choose its best epoch", kind.as_str());
            };
            let mut config = syntax_train::TrainConfig::new(kind, args.train, dev, args.out);
            if let Some(epochs) = args.epochs {
                config.epochs = epochs;
            }
            config.seed = args.seed;
            config.tagger = args.tagger;
            let out = config.out.clone();
            let report = syntax_train::train(&config, &mut progress).context("training failed")?;
            eprintln!(
                "wrote {} (best epoch {}, {} features, {} bytes) in {:.0}s",
                out.display(),
                report.best_epoch,
                report.features,
                report.model_bytes,
                report.seconds
            );
        }
        Model::Ner => {
            let mut config = ner_train::TrainConfig {
                train: args.train,
                dev: args.dev,
                out: args.out,
                seed: args.seed,
                ..ner_train::TrainConfig::default()
            };
            if let Some(epochs) = args.epochs {
                config.epochs = epochs;
            }
            let report = ner_train::train(&config, &mut progress).context("training failed")?;
            eprintln!(
                "wrote {} (best epoch {}, {} features, {} bytes) in {:.0}s",
                report.model_path.display(),
                report.best_epoch,
                report.features,
                report.model_bytes,
                report.seconds
            );
        }
    }
    Ok(ExitCode::Ok)
}
