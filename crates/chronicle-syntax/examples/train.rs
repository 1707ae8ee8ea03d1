//! Trains a tagger or parser until the CLI exposes `chronicle train`.
//!
//! ```sh
//! cargo run --release -p chronicle-syntax --example train -- tagger \
//!   --train EWT/en_ewt-ud-train.conllu --train GUM/en_gum-ud-train.conllu \
//!   --dev EWT/en_ewt-ud-dev.conllu --out /work/tmp-models/tagger-en-ud
//! ```
//! Options: `--epochs N`, `--seed N`, `--prune X`, `--tagger DIR` (parser: choose the epoch
//! on dev tagged by this tagger), `--jackknife K` (parser: train on K-fold predicted tags; 0 = gold),
//! `--clusters FILE` (word clusters as features, stored in the model; the jackknife taggers use
//! them too), `--parser-clusters 0` (parser: clusters for the jackknife taggers only),
//! `--second-pass K` (tagger: add a second pass over the first pass's right-context tags,
//! trained on K-fold jackknifed first-pass tags), `--second-gate X` (the second pass re-tags
//! only words whose first-pass score margin is below X; stored in the model), `--mix K` (tagger:
//! ship the mean of K models trained with different shuffling seeds), `--leave-one-out 1`
//! (tagger: training sees each word's ambiguity class without its own sentence). With
//! `parser --jackknife K`, `--mix` and `--leave-one-out` apply to the jackknife fold taggers
//! (give the shipped tagger's options so the parser trains on tags like its own).
//! `--alt-gate X` (parser: features of the tagger's runner-up tag of `s0` and `b0` where the
//! tagger's score margin is below X; the gate is stored in the model).

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::train::{train, ModelKind, TrainConfig};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let kind = match args.next().as_deref() {
        Some("tagger") => ModelKind::Tagger,
        Some("parser") => ModelKind::Parser,
        _ => {
            eprintln!("usage: train tagger|parser --train FILE... --dev FILE --out DIR [--epochs N] [--seed N] [--prune X] [--tagger DIR] [--jackknife K] [--clusters FILE] [--parser-clusters 0|1] [--second-pass K] [--second-gate X] [--mix K] [--leave-one-out 0|1] [--alt-gate X]");
            return ExitCode::from(2);
        }
    };
    let mut config = TrainConfig::new(kind, Vec::new(), PathBuf::new(), PathBuf::new());
    while let Some(flag) = args.next() {
        let Some(value) = args.next() else {
            eprintln!("{flag} needs a value");
            return ExitCode::from(2);
        };
        match flag.as_str() {
            "--train" => config.train.push(value.into()),
            "--dev" => config.dev = value.into(),
            "--out" => config.out = value.into(),
            "--epochs" => config.epochs = value.parse().expect("--epochs takes a number"),
            "--seed" => config.seed = value.parse().expect("--seed takes a number"),
            "--prune" => config.prune = value.parse().expect("--prune takes a number"),
            "--tagger" => config.tagger = Some(value.into()),
            "--jackknife" => config.jackknife = value.parse().expect("--jackknife takes a number"),
            "--clusters" => config.clusters = Some(value.into()),
            "--parser-clusters" => config.parser_clusters = value != "0",
            "--second-pass" => config.second_pass = value.parse().expect("--second-pass takes a number"),
            "--mix" => config.mix = value.parse().expect("--mix takes a number"),
            "--leave-one-out" => config.leave_one_out = value != "0",
            "--second-gate" => config.second_gate = value.parse().expect("--second-gate takes a number"),
            "--alt-gate" => {
                config.alt_gate = Some(value.parse().expect("--alt-gate takes a number")).filter(|&g: &f32| g > 0.0)
            }
            _ => {
                eprintln!("unknown option {flag}");
                return ExitCode::from(2);
            }
        }
    }
    match train(&config, &mut |line| eprintln!("{line}")) {
        Ok(r) => {
            println!(
                "best epoch {}: {} features, {} bytes, {:.0}s",
                r.best_epoch, r.features, r.model_bytes, r.seconds
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
