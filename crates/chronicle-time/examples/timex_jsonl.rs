//! Evaluation driver: contract JSON Lines in (`{"id","date","text",…}`), one record per line
//! out (`{"id", "times":[{"start","end","text","kind","value"}]}`) with offsets in Unicode
//! code points, as `shared/eval/score.py run timex` expects.

use std::io::{BufRead, BufWriter, Write};

use chronicle_time::TimeStage;
use chrono::NaiveDate;
use serde_json::{json, Value};

fn main() {
    // `CHRONICLE_TIME_DATA=dir`: rules from `dir` instead of the embedded copies (trying a
    // rule change without a rebuild).
    let stage = TimeStage::from_env().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("read stdin");
        if line.trim().is_empty() {
            continue;
        }
        let Ok(rec) = serde_json::from_str::<Value>(&line) else {
            eprintln!("skipping a line that is not JSON");
            continue;
        };
        let id = rec["id"].clone();
        let text = rec["text"].as_str().unwrap_or("");
        let date_text = rec["date"].as_str().unwrap_or("");
        // `YYYY-MM-DD` or an RFC 3339 timestamp: the date is the first ten characters.
        let date = date_text
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).expect("valid"));
        let times: Vec<Value> = stage
            .find(text, date, None)
            .into_iter()
            .map(|t| {
                let start = text[..t.span.start as usize].chars().count();
                let covered = &text[t.span.range()];
                json!({
                    "start": start,
                    "end": start + covered.chars().count(),
                    "text": covered,
                    "kind": t.kind.as_str(),
                    "value": t.value,
                })
            })
            .collect();
        writeln!(out, "{}", json!({"id": id, "times": times})).expect("write stdout");
    }
}
