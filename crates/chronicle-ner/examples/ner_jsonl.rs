//! Evaluation driver: contract JSON Lines in (`{"id","date","text"}`), entities out.
//!
//! Sentences are lines and tokens are runs of non-white-space, which is exactly how the
//! scorer builds CoNLL documents. Offsets written are Unicode code points, as the record
//! contract requires. Tagging speed (tokens/s, tagging only) goes to stderr.
//!
//! `ner_jsonl [--model FILE] < input.jsonl > pred.jsonl`

use std::io::{BufRead, BufWriter, Write};
use std::time::{Duration, Instant};

use chronicle_ner::NerModel;
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let model = match args.iter().position(|a| a == "--model") {
        Some(i) => NerModel::from_path(args.get(i + 1).expect("--model FILE")),
        None => NerModel::embedded(),
    }
    .unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    // `--bench N`: tag the whole input N more times and report the fastest pass, so the
    // figure is not at the mercy of other processes on a shared machine.
    let bench: usize = args
        .iter()
        .position(|a| a == "--bench")
        .map_or(0, |i| args.get(i + 1).and_then(|v| v.parse().ok()).expect("--bench N"));
    let mut docs: Vec<(Value, String)> = Vec::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read stdin");
        if line.trim().is_empty() {
            continue;
        }
        let input: Value = serde_json::from_str(&line).expect("input line is JSON");
        let text = input["text"].as_str().unwrap_or("").to_string();
        docs.push((input["id"].clone(), text));
    }
    let tokenized: Vec<Vec<Vec<(usize, usize)>>> = docs.iter().map(|(_, text)| tokenize(text)).collect();
    let words: Vec<Vec<Vec<&str>>> = docs
        .iter()
        .zip(&tokenized)
        .map(|((_, text), sents)| {
            sents
                .iter()
                .map(|s| s.iter().map(|&(a, b)| &text[a..b]).collect())
                .collect()
        })
        .collect();
    let n_tokens: usize = words.iter().flatten().map(Vec::len).sum();
    let mut best = Duration::MAX;
    let mut best_cpu = Duration::MAX;
    let mut found = Vec::new();
    for _ in 0..=bench {
        let (t0, c0) = (Instant::now(), thread_cpu());
        found = words.iter().map(|w| model.tag_document(w)).collect();
        best = best.min(t0.elapsed());
        if let (Some(c0), Some(c1)) = (c0, thread_cpu()) {
            best_cpu = best_cpu.min(c1 - c0);
        }
    }

    let mut out = BufWriter::new(std::io::stdout().lock());
    for (((id, text), sentences), found) in docs.iter().zip(&tokenized).zip(&found) {
        // Byte offset → code point offset.
        let mut cp = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (b, _) in text.char_indices() {
            cp[b] = n;
            n += 1;
        }
        cp[text.len()] = n;
        let mut entities = Vec::new();
        for (s, spans) in found.iter().enumerate() {
            for &(a, b, kind) in spans {
                let (start, end) = (sentences[s][a].0, sentences[s][b - 1].1);
                entities.push(json!({
                    "start": cp[start],
                    "end": cp[end],
                    "text": &text[start..end],
                    "kind": kind.as_str(),
                    "sentence": s,
                }));
            }
        }
        let record = json!({"id": id, "entities": entities});
        writeln!(out, "{record}").expect("write stdout");
    }
    out.flush().expect("flush stdout");
    let secs = best.as_secs_f64();
    let cpu = best_cpu.as_secs_f64();
    let per_core = if best_cpu == Duration::MAX || cpu == 0.0 {
        "CPU time n/a".to_string()
    } else {
        format!("{cpu:.3}s CPU = {:.0} tokens/s per core", n_tokens as f64 / cpu)
    };
    eprintln!(
        "ner: {n_tokens} tokens, one thread, tagging only, best of {} passes: {secs:.3}s wall = {:.0} tokens/s; {per_core}",
        bench + 1,
        n_tokens as f64 / secs.max(1e-9),
    );
}

/// CPU time this thread has run (Linux `schedstat`, nanoseconds): on a shared machine wall
/// time measures the other processes as much as ours.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Tokens as byte ranges, grouped by line (sentences are lines, tokens white-space runs).
fn tokenize(text: &str) -> Vec<Vec<(usize, usize)>> {
    let mut sentences = Vec::new();
    let mut base = 0;
    for l in text.split('\n') {
        let mut toks = Vec::new();
        let mut start = None;
        for (i, c) in l.char_indices().chain(std::iter::once((l.len(), ' '))) {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    toks.push((base + s, base + i));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if !toks.is_empty() {
            sentences.push(toks);
        }
        base += l.len() + 1;
    }
    sentences
}
