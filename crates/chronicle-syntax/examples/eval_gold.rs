//! Gold-token evaluation of the syntax models on CoNLL-U files.
//!
//! ```sh
//! cargo run --release -p chronicle-syntax --example eval_gold -- \
//!   [--models DIR | --tagger DIR --parser DIR] FILE.conllu...
//! ```
//! Without `--models`/`--tagger`/`--parser` the embedded models are used. Prints UPOS, XPOS,
//! lemma accuracy, UAS, LAS (no subtypes, CoNLL 2018) and full-label LAS, plus one-thread
//! speeds for tagging+lemmatization and for parsing.

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_syntax::eval::evaluate;
use chronicle_syntax::parser::Parser;
use chronicle_syntax::tagger::Tagger;
use chronicle_syntax::{conllu, load_file, SyntaxModels, PARSER_DIR, TAGGER_DIR};

fn main() -> ExitCode {
    let mut models_dir: Option<PathBuf> = None;
    let mut tagger: Option<PathBuf> = None;
    let mut parser: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--models" => models_dir = args.next().map(PathBuf::from),
            "--tagger" => tagger = args.next().map(PathBuf::from),
            "--parser" => parser = args.next().map(PathBuf::from),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let loaded = match (models_dir, tagger, parser) {
        (Some(d), _, _) => SyntaxModels::from_dir(d),
        (None, None, None) => SyntaxModels::embedded(),
        (None, t, p) => (|| {
            let t = t.unwrap_or_else(|| PathBuf::from("data/models").join(TAGGER_DIR));
            let p = p.unwrap_or_else(|| PathBuf::from("data/models").join(PARSER_DIR));
            Ok(SyntaxModels {
                tagger: load_file(&t.join("model.bin"), Tagger::load)?,
                parser: load_file(&p.join("model.bin"), Parser::load)?,
            })
        })(),
    };
    let models = match loaded {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "| file | words | UPOS | XPOS | Lemma | UAS | LAS | LAS (full labels) | tag+lemma words/s | parse words/s |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for f in files {
        let gold = match conllu::read_file(&f) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
        // Warm-up pass so page faults and cold caches do not count against the speed.
        let _ = evaluate(&models, &gold[..gold.len().min(200)]);
        let s = evaluate(&models, &gold);
        println!(
            "| {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} | {:.0} |",
            f.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
            s.words,
            s.upos,
            s.xpos,
            s.lemma,
            s.uas,
            s.las,
            s.las_full,
            s.tag_speed,
            s.parse_speed
        );
    }
    ExitCode::SUCCESS
}
