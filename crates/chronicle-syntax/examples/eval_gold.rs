//! Gold-token evaluation of the syntax models on CoNLL-U files.
//!
//! ```sh
//! cargo run --release -p chronicle-syntax --example eval_gold -- \
//!   [--models DIR | --tagger DIR --parser DIR] FILE.conllu...
//! ```
//! Without `--models`/`--tagger`/`--parser` the embedded models are used. Prints UPOS, XPOS,
//! lemma accuracy, UAS, LAS (no subtypes, CoNLL 2018) and full-label LAS, plus one-thread
//! speeds for tagging+lemmatization and for parsing.
//!
//! `--runs N` repeats the timed evaluation N times and prints the median speeds (the machine
//! is shared, so single runs are noisy). `--dump DIR` writes the predictions for each file to
//! `DIR/<file name>` as CoNLL-U (UPOS, XPOS, lemma, head, relation), so two builds can be
//! compared with `diff`.
//! `--gate X` sets a two-pass tagger's second-pass margin gate (for tuning it on dev).

use std::path::PathBuf;
use std::process::ExitCode;

use chronicle_doc::Upos;
use chronicle_syntax::conllu::TreeSentence;
use chronicle_syntax::eval::evaluate;
use chronicle_syntax::parser::Parser;
use chronicle_syntax::tagger::Tagger;
use chronicle_syntax::{conllu, load_file, SyntaxModels, PARSER_DIR, TAGGER_DIR};

fn main() -> ExitCode {
    let mut models_dir: Option<PathBuf> = None;
    let mut tagger: Option<PathBuf> = None;
    let mut parser: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut runs = 1usize;
    let mut dump: Option<PathBuf> = None;
    let mut gate: Option<f32> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--models" => models_dir = args.next().map(PathBuf::from),
            "--tagger" => tagger = args.next().map(PathBuf::from),
            "--parser" => parser = args.next().map(PathBuf::from),
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
            "--dump" => dump = args.next().map(PathBuf::from),
            "--gate" => gate = args.next().and_then(|g| g.parse().ok()),
            _ => files.push(PathBuf::from(a)),
        }
    }
    let load_start = std::time::Instant::now();
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
    let mut models = match loaded {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(g) = gate {
        models.tagger.set_second_gate(g);
    }
    eprintln!(
        "models loaded in {:.0} ms (wall)",
        load_start.elapsed().as_secs_f64() * 1e3
    );
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
        let mut all: Vec<_> = (0..runs).map(|_| evaluate(&models, &gold)).collect();
        let median = |v: &mut Vec<f64>| -> f64 {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let tag_speed = median(&mut all.iter().map(|s| s.tag_speed).collect());
        let parse_speed = median(&mut all.iter().map(|s| s.parse_speed).collect());
        if runs > 1 {
            let show = |v: Vec<f64>| v.iter().map(|x| format!("{:.0}", x)).collect::<Vec<_>>().join(" ");
            eprintln!("tag words/s runs: {}", show(all.iter().map(|s| s.tag_speed).collect()));
            eprintln!(
                "parse words/s runs: {}",
                show(all.iter().map(|s| s.parse_speed).collect())
            );
        }
        let mut s = all.swap_remove(0);
        s.tag_speed = tag_speed;
        s.parse_speed = parse_speed;
        if let Some(dir) = &dump {
            let out = dir.join(f.file_name().unwrap_or_default());
            if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&out, predictions(&models, &gold)))
            {
                eprintln!("error: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
        }
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

/// The predictions for `gold` (gold tokens) as CoNLL-U.
fn predictions(models: &SyntaxModels, gold: &[TreeSentence]) -> String {
    let mut out = String::new();
    for s in gold {
        let forms = s.forms();
        for (i, a) in models.analyze(&forms).iter().enumerate() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_\n",
                i + 1,
                forms[i],
                a.lemma,
                a.upos.map_or("_", Upos::as_str),
                a.xpos,
                a.head.map_or(0, |h| h + 1),
                a.deprel
            ));
        }
        out.push('\n');
    }
    out
}
