//! Throughput of the time stage alone: `time_bench FILE…` (e.g. the BBC corpus texts).
//! Reports MB/s of text through `TimeStage::find` on one core, rules already compiled.

use std::time::Instant;

use chronicle_time::TimeStage;
use chrono::NaiveDate;

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let t0 = Instant::now();
    let stage = TimeStage::new().expect("rules load");
    let load = t0.elapsed();
    let anchor = NaiveDate::from_ymd_opt(2005, 6, 1).expect("valid");
    let bytes: usize = texts.iter().map(String::len).sum();
    let t1 = Instant::now();
    let mut found = 0;
    for t in &texts {
        found += stage.find(t, anchor, None).len();
    }
    let secs = t1.elapsed().as_secs_f64();
    println!(
        "{} texts, {:.2} MB, {found} timexes, {:.3} s, {:.1} MB/s (rule load {:.0} ms)",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        load.as_secs_f64() * 1e3
    );
}
