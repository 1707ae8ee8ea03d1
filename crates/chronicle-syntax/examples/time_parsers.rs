//! Parse speed of two parser models compared in one process: each file is tagged once (with
//! runner-up tags for a parser that uses them), then the two parsers take turns, `ROUNDS`
//! times, and the median speeds (words per CPU second of the thread) and the median of the
//! paired ratios B/A are printed. Far less noisy on a shared machine than alternating binaries.
//!
//! ```sh
//! cargo run --release -p chronicle-syntax --example time_parsers -- \
//!   TAGGER_DIR PARSER_A_DIR PARSER_B_DIR ROUNDS FILE.conllu...
//! ```
use chronicle_syntax::eval::{evaluate_parser, predicted_tag_alt_keys, predicted_tag_keys};
use chronicle_syntax::parser::Parser;
use chronicle_syntax::tagger::Tagger;
use chronicle_syntax::{conllu, load_file};
use std::path::Path;
/// Tag keys and runner-up tag keys of every sentence of a file.
type Input = (Vec<Vec<u64>>, Vec<Vec<u64>>);

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let tagger = load_file(&Path::new(&a[1]).join("model.bin"), Tagger::load).unwrap();
    let p: Vec<Parser> = [&a[2], &a[3]]
        .iter()
        .map(|d| load_file(&Path::new(d).join("model.bin"), Parser::load).unwrap())
        .collect();
    let rounds: usize = a[4].parse().unwrap();
    for f in &a[5..] {
        let gold = conllu::read_file(Path::new(f)).unwrap();
        let inputs: Vec<Input> = p
            .iter()
            .map(|p| match p.alt_gate() {
                Some(g) => predicted_tag_alt_keys(&tagger, &gold, g),
                None => (predicted_tag_keys(&tagger, &gold), Vec::new()),
            })
            .collect();
        let mut sp = [Vec::new(), Vec::new()];
        let mut las = [0.0; 2];
        for r in 0..rounds {
            let order = if r % 2 == 0 { [0, 1] } else { [1, 0] };
            for i in order {
                let s = evaluate_parser(&p[i], &gold, Some(&inputs[i].0), &inputs[i].1);
                sp[i].push(s.parse_speed);
                las[i] = s.las;
            }
        }
        let med = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let mut ratios: Vec<f64> = sp[1].iter().zip(&sp[0]).map(|(b, a)| b / a).collect();
        let (m0, m1) = (med(&mut sp[0].clone()), med(&mut sp[1].clone()));
        println!(
            "{f}: A {:.0} w/s (LAS {:.2}), B {:.0} w/s (LAS {:.2}), median paired ratio B/A {:.3}",
            m0,
            las[0],
            m1,
            las[1],
            med(&mut ratios)
        );
    }
}
