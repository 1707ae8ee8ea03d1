//! Trains the NER model: `train_ner TRAIN_FILE... --dev DEV --out DIR [--epochs N] [--seed S]`.
//! (The CLI's `chronicle train ner` calls the same `chronicle_ner::train::train`.)

use std::path::PathBuf;

use chronicle_ner::train::{train, TrainConfig};

fn main() {
    let mut config = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage(&format!("{a} needs a value")));
        match a.as_str() {
            "--dev" => config.dev = Some(PathBuf::from(value())),
            "--out" => config.out = PathBuf::from(value()),
            "--epochs" => config.epochs = value().parse().unwrap_or_else(|_| usage("bad --epochs")),
            "--seed" => config.seed = value().parse().unwrap_or_else(|_| usage("bad --seed")),
            "--train" => config.train.push(PathBuf::from(value())),
            _ if !a.starts_with("--") => config.train.push(PathBuf::from(a)),
            _ => usage(&format!("unknown option {a}")),
        }
    }
    if config.train.is_empty() {
        usage("no training file");
    }
    match train(&config, &mut |line| eprintln!("{line}")) {
        Ok(r) => eprintln!(
            "wrote {} ({} bytes, {} features) in {:.0}s",
            r.model_path.display(),
            r.model_bytes,
            r.features,
            r.seconds
        ),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

fn usage(msg: &str) -> ! {
    eprintln!("{msg}\nusage: train_ner [--train] FILE... [--dev FILE] --out DIR [--epochs N] [--seed S]");
    std::process::exit(2)
}
