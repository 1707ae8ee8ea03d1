//! Checks that every event pattern's own example sentence (the 5th column of
//! `data/events/patterns.tsv`) fires that pattern line when run through the whole English
//! pipeline (tokenizer, tagger, parser, NER, places, actors, …). Whether an event comes of it
//! (which needs actors) is shown but not required.
//!
//!   cargo run --release -p chronicle --example check_patterns            # every line
//!   cargo run --release -p chronicle --example check_patterns -- --failing   # only misses
//!
//! Prints one line per pattern, then a summary: `ok` (the example fires its own line),
//! `shadowed` (another line with the same code fired instead: a more specific or overlapping
//! line wins on this sentence, so the example does not exercise its own line) or `MISS` (no
//! line with the code fired: a tagger or parser error, or a line that gives way to a more
//! specific one with another code), with the line, the code, the example and for the last
//! two the lines that fired instead (`line=code`). Exits 1 when some example misses.

use chronicle::doc::{Date, Document, Meta};
use chronicle::Pipeline;
use chronicle_events::EventStage;

fn main() {
    let failing_only = std::env::args().any(|a| a == "--failing");
    let pipeline = Pipeline::english().expect("the built-in pipeline loads");
    let stage = EventStage::new().expect("the event data loads");
    let patterns = stage.patterns().all();
    let (mut fired, mut shadowed, mut with_event) = (0, 0, 0);
    for p in &patterns {
        let meta = Meta {
            id: p.id.clone(),
            date: Date::from_ymd_opt(2021, 12, 31).expect("a valid date"),
            date_text: "2021-12-31".into(),
            source: None,
            title: None,
            url: None,
        };
        let mut doc = Document::new(meta, p.example.clone());
        pipeline.annotate_document(&mut doc);
        let firings = stage.fired_patterns(&doc);
        let own = firings.iter().any(|f| f.pattern == p.id);
        let event = doc.events.iter().any(|e| e.cameo == p.code);
        let same_code = !own && firings.iter().any(|f| f.code == p.code);
        fired += usize::from(own);
        shadowed += usize::from(same_code);
        with_event += usize::from(own && event);
        if own && failing_only {
            continue;
        }
        let mut line = format!(
            "{}\t{}\t{}\t{}",
            if own {
                "ok"
            } else if same_code {
                "shadowed"
            } else {
                "MISS"
            },
            p.line(),
            p.code,
            p.example
        );
        if own && !event {
            line.push_str("\t(no event with this code)");
        }
        if !own {
            let others: Vec<String> = firings
                .iter()
                .map(|f| format!("{}={}", f.pattern.rsplit(':').next().unwrap_or(""), f.code))
                .collect();
            line.push_str(&format!(
                "\tfired: {}",
                if others.is_empty() {
                    "nothing".into()
                } else {
                    others.join(" ")
                }
            ));
        }
        println!("{line}");
    }
    let missing = patterns.len() - fired - shadowed;
    println!(
        "patterns {}: example fires its own line {}, shadowed by another line with the same code {}, \
         missing {}; events with the line's code from its own line {}",
        patterns.len(),
        fired,
        shadowed,
        missing,
        with_event
    );
    if missing > 0 {
        std::process::exit(1);
    }
}
