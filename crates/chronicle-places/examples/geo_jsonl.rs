//! Geoparsing for evaluation: contract JSONL documents on stdin, one
//! `{"id", "places": [{"start","end","text","name","country","lat","lon","feature","geonameid"}]}`
//! per line on stdout, offsets in Unicode code points. Tokens come from this crate's simple
//! tokenizer and, NER not being available, places from the capitalization-based scanner.
//!
//!     cargo build --release -p chronicle-places --example geo_jsonl
//!     cd /work/shared/eval && python3 score.py run geo data/geoparsing/lgl.xml \
//!         --cmd "$CARGO_TARGET_DIR/release/examples/geo_jsonl"
//!
//! With `--entities GOLD.jsonl` (a `gold.jsonl` that `score.py prepare geo` wrote), the gold
//! toponym spans are given to the stage as NER `place` entities: geocoding with perfect
//! recognition, for measuring resolution apart from the scanner.
//!
//! With `--layers RECORDS.jsonl` (the output of `chronicle code --with tokens` on the same
//! input), the pipeline's own tokens, sentences and NER entities replace the simple tokenizer:
//! the stage as `chronicle code` runs it, in seconds instead of a full pipeline run.
//!
//! With `--bench`, it reports the places stage's speed (tokens/s, one thread) and the
//! gazetteer start-up time on stderr.

use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

use std::collections::HashMap;

use chronicle_doc::{Date, Document, Entity, EntityKind, Layers, Meta, Sentence, Span, Stage, Token};
use chronicle_places::{simple, PlaceStage};
use serde_json::{json, Value};

/// CPU time of this thread in seconds (Linux `schedstat`), so timings do not count the time
/// other processes on a shared machine hold the cores.
fn cpu() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bench = args.iter().any(|a| a == "--bench");
    let gold = args
        .iter()
        .position(|a| a == "--entities")
        .map(|i| read_gold(&args[i + 1]));
    let layers = args
        .iter()
        .position(|a| a == "--layers")
        .map(|i| read_layers(&args[i + 1]));
    let (t0, c0) = (Instant::now(), cpu());
    let stage = match PlaceStage::new() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let (startup, startup_cpu) = (t0.elapsed(), cpu() - c0);
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout());
    // With --bench, the tokenized documents are kept and the stage re-run over all of them at
    // the end, so the timing covers the stage alone, without I/O, JSON or tokenizing.
    let mut kept: Vec<Document> = Vec::new();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.expect("stdin is UTF-8");
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("<stdin>:{}: {e}", n + 1);
                continue;
            }
        };
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let date_text = v["date"].as_str().unwrap_or("2000-01-01").to_string();
        let date = Date::parse_from_str(date_text.get(..10).unwrap_or(""), "%Y-%m-%d")
            .unwrap_or_else(|_| Date::from_ymd_opt(2000, 1, 1).expect("valid date"));
        let meta = Meta {
            id: id.clone(),
            date,
            date_text,
            source: v["source"].as_str().map(str::to_string),
            title: None,
            url: None,
        };
        let mut doc = Document::new(meta, text);
        match layers.as_ref().and_then(|l| l.get(&id)) {
            Some(rec) => apply_layers(&mut doc, rec),
            None => simple::tokenize(&mut doc),
        }
        if let Some(gold) = &gold {
            let byte = |cp: usize| doc.text().char_indices().nth(cp).map_or(doc.text().len(), |(b, _)| b);
            let spans: Vec<Span> = gold
                .get(&id)
                .into_iter()
                .flatten()
                .map(|&(s, e)| Span::new(byte(s), byte(e)))
                .collect();
            doc.entities = spans
                .into_iter()
                .map(|span| Entity {
                    span,
                    kind: EntityKind::Place,
                    actor: None,
                    canonical: None,
                    sentence: doc.sentence_at(span.start).unwrap_or(0) as u32,
                })
                .collect();
            doc.mark_done(Layers::ENTITIES);
        }
        stage.run(&mut doc);
        let cp = |byte: u32| doc.text()[..byte as usize].chars().count();
        let places: Vec<Value> = doc
            .places
            .iter()
            .map(|p| {
                json!({
                    "start": cp(p.span.start), "end": cp(p.span.end), "text": doc.slice(p.span),
                    "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                    "feature": p.feature, "geonameid": p.geonameid,
                })
            })
            .collect();
        writeln!(out, "{}", json!({"id": id, "places": places})).expect("stdout");
        if bench {
            kept.push(doc);
        }
    }
    out.flush().expect("stdout");
    if bench {
        let tokens: usize = kept.iter().map(|d| d.tokens.len()).sum();
        let rounds = 5;
        let (t, c) = (Instant::now(), cpu());
        for _ in 0..rounds {
            for d in &mut kept {
                stage.run(d);
            }
        }
        let (wall, cpu_s) = (t.elapsed().as_secs_f64(), cpu() - c);
        let n = (tokens * rounds) as f64;
        eprintln!(
            "gazetteer start-up {:.1} ms wall, {:.1} ms CPU ({} places); places stage over {} docs x {rounds}: \
             {} tokens, {:.3} s wall = {:.2} M tokens/s, {:.3} s CPU = {:.2} M tokens/s (one thread)",
            startup.as_secs_f64() * 1e3,
            startup_cpu * 1e3,
            stage.gazetteer().entries().len(),
            kept.len(),
            tokens * rounds,
            wall,
            n / wall / 1e6,
            cpu_s,
            n / cpu_s / 1e6
        );
    }
}

/// Gold toponym spans (code points) by document id, from the harness's `gold.jsonl`.
fn read_gold(path: &str) -> HashMap<String, Vec<(usize, usize)>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| {
            let spans = v["toponyms"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|t| Some((t["start"].as_u64()? as usize, t["end"].as_u64()? as usize)))
                .collect();
            (v["id"].as_str().unwrap_or_default().to_string(), spans)
        })
        .collect()
}

/// Records of `chronicle code --with tokens`, by document id.
fn read_layers(path: &str) -> HashMap<String, Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| (v["id"].as_str().unwrap_or_default().to_string(), v))
        .collect()
}

/// The record's sentences, tokens and entities (code-point offsets) as the document's layers.
fn apply_layers(doc: &mut Document, rec: &Value) {
    let mut bytes: Vec<usize> = doc.text().char_indices().map(|(b, _)| b).collect();
    bytes.push(doc.text().len());
    let byte = |v: &Value| bytes[(v.as_u64().unwrap_or(0) as usize).min(bytes.len() - 1)];
    let span = |v: &Value| Span::new(byte(&v["start"]), byte(&v["end"]));
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for s in rec["sentences"].as_array().into_iter().flatten() {
        let first = tokens.len() as u32;
        for t in s["tokens"].as_array().into_iter().flatten() {
            let mut token = Token::new(span(t));
            token.xpos = t["xpos"].as_str().map(intern);
            tokens.push(token);
        }
        sentences.push(Sentence {
            span: span(s),
            tokens: first..tokens.len() as u32,
        });
    }
    let entities = rec["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let kind = match e["kind"].as_str()? {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                _ => EntityKind::Misc,
            };
            Some(Entity {
                span: span(e),
                kind,
                actor: None,
                canonical: None,
                sentence: e["sentence"].as_u64().unwrap_or(0) as u32,
            })
        })
        .collect();
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.entities = entities;
    doc.mark_done(Layers::TOKENS | Layers::SENTENCES | Layers::ENTITIES);
}

/// A tag string that lives as long as the process, as the tagger's labels do.
fn intern(tag: &str) -> &'static str {
    use std::sync::Mutex;
    static TAGS: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut tags = TAGS.lock().expect("tag table");
    if let Some(t) = tags.iter().find(|t| **t == tag) {
        return t;
    }
    let t: &'static str = Box::leak(tag.to_string().into_boxed_str());
    tags.push(t);
    t
}
