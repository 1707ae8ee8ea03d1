//! Measures the actor stage alone over plain-text files and optionally prints its mentions.
//!
//! `cargo run --release -p chronicle-actors --example bench -- [--date YYYY-MM-DD] [--dump] PATH...`
//!
//! Each `.txt` file (folders are walked) becomes one document, tokenized and split into
//! sentences by a naive splitter here (the real tokenizer and NER are other stages); only
//! `ActorStage::run` is timed. Prints tokens per second on one thread. `--fake-ner` marks
//! runs of capitalized words as entities (two words: person, else organization) so the
//! entity paths are timed too.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chronicle_actors::ActorStage;
use chronicle_doc::{Date, Document, Entity, EntityKind, Layers, Meta, Sentence, Span, Stage, Token};

fn tokenize(text: &str) -> Vec<Span> {
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| if k < b.len() { b[k].0 } else { text.len() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i].1;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let s = i;
            while i < b.len()
                && (b[i].1.is_alphanumeric()
                    || matches!(b[i].1, '-' | '.') && i + 1 < b.len() && b[i + 1].1.is_alphanumeric())
            {
                i += 1;
            }
            out.push(Span::new(b[s].0, end_of(i)));
        } else if matches!(c, '\'' | '’') && i + 1 < b.len() && b[i + 1].1 == 's' {
            out.push(Span::new(b[i].0, end_of(i + 2)));
            i += 2;
        } else {
            out.push(Span::new(b[i].0, end_of(i + 1)));
            i += 1;
        }
    }
    out
}

fn document(id: String, text: String, date: Date) -> Document {
    let meta = Meta {
        id,
        date,
        date_text: date.to_string(),
        source: None,
        title: None,
        url: None,
    };
    let mut d = Document::new(meta, text);
    d.tokens = tokenize(d.text()).into_iter().map(Token::new).collect();
    let mut start = 0;
    for i in 0..d.tokens.len() {
        let w = d.slice(d.tokens[i].span);
        let next_is_quote = d
            .tokens
            .get(i + 1)
            .is_some_and(|t| matches!(d.slice(t.span), "\"" | "”"));
        if matches!(w, "." | "!" | "?" | "\"" | "”") && !next_is_quote && i + 1 > start {
            if matches!(w, "\"" | "”") && !matches!(d.slice(d.tokens[i - 1].span), "." | "!" | "?") {
                continue;
            }
            let span = d.tokens[start].span.cover(d.tokens[i].span);
            d.sentences.push(Sentence {
                span,
                tokens: start as u32..i as u32 + 1,
            });
            start = i + 1;
        }
    }
    if start < d.tokens.len() {
        let span = d.tokens[start].span.cover(d.tokens[d.tokens.len() - 1].span);
        d.sentences.push(Sentence {
            span,
            tokens: start as u32..d.tokens.len() as u32,
        });
    }
    d.mark_done(Layers::TOKENS | Layers::SENTENCES | Layers::ENTITIES);
    d
}

/// Runs of capitalized words, not at a sentence start, as entities.
fn fake_ner(d: &mut Document) {
    let mut ents = Vec::new();
    for (si, s) in d.sentences.iter().enumerate() {
        let mut i = s.tokens.start + 1;
        while i < s.tokens.end {
            let cap = |k: u32| {
                d.slice(d.tokens[k as usize].span)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            };
            if cap(i) {
                let start = i;
                while i < s.tokens.end && cap(i) {
                    i += 1;
                }
                let kind = if i - start == 2 {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                };
                let span = d.tokens[start as usize].span.cover(d.tokens[i as usize - 1].span);
                ents.push(Entity {
                    span,
                    kind,
                    actor: None,
                    canonical: None,
                    sentence: si as u32,
                });
            }
            i += 1;
        }
    }
    d.entities = ents;
}

fn walk(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            walk(&e, out);
        }
    } else if p.extension().is_some_and(|e| e == "txt") {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let mut date = Date::from_ymd_opt(2005, 6, 1).unwrap();
    let mut dump = false;
    let mut ner = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--date" => {
                let v = args.next().expect("--date needs a value");
                date = Date::parse_from_str(&v, "%Y-%m-%d").expect("date as YYYY-MM-DD");
            }
            "--dump" => dump = true,
            "--fake-ner" => ner = true,
            p => walk(Path::new(p), &mut files),
        }
    }
    let t0 = Instant::now();
    let stage = ActorStage::new().expect("dictionaries load");
    let load = t0.elapsed();
    let mut tokens = 0usize;
    let mut mentions = 0usize;
    let mut spent = Duration::ZERO;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        let mut d = document(f.display().to_string(), text, date);
        if ner {
            fake_ner(&mut d);
        }
        tokens += d.tokens.len();
        let t = Instant::now();
        stage.run(&mut d);
        spent += t.elapsed();
        mentions += d.mentions.len();
        if dump {
            println!("== {}", f.display());
            for m in &d.mentions {
                println!(
                    "{:>6} {:<40} {:<11} {:<12} {:<28} ant={}",
                    m.span.start,
                    d.slice(m.span).replace('\n', " "),
                    format!("{:?}", m.kind),
                    m.actor.as_deref().unwrap_or("-"),
                    m.canonical.as_deref().unwrap_or("-"),
                    m.antecedent
                        .map(|a| d.slice(d.mentions[a as usize].span).to_string())
                        .unwrap_or_default()
                );
            }
        }
    }
    eprintln!(
        "{} files, {} tokens, {} mentions; start-up {:.0} ms; stage {:.3} s = {:.0} tokens/s",
        files.len(),
        tokens,
        mentions,
        load.as_secs_f64() * 1000.0,
        spent.as_secs_f64(),
        tokens as f64 / spent.as_secs_f64().max(1e-9)
    );
}
