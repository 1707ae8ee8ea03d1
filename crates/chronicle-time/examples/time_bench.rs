//! Throughput of the time stage alone: `time_bench [--repeat N] FILE…` (e.g. the BBC corpus
//! texts). Reports MB/s of text through `TimeStage::find` on one core, rules already
//! compiled: by wall clock and by the CPU time of the thread (`/proc/thread-self/schedstat`,
//! nanoseconds on the CPU, so a loaded machine does not distort it). With `--repeat N` the
//! corpus is run N times and the best pass is reported.

use std::time::Instant;

use chronicle_time::TimeStage;
use chrono::NaiveDate;

/// Nanoseconds this thread has spent on a CPU, when the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 1usize;
    if let Some(i) = args.iter().position(|a| a == "--repeat") {
        repeat = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
        args.drain(i..(i + 2).min(args.len()));
    }
    let texts: Vec<String> = args.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let t0 = Instant::now();
    // `CHRONICLE_TIME_DATA=dir` compares rule sets with one binary.
    let stage = TimeStage::from_env().expect("rules load");
    let load = t0.elapsed();
    let anchor = NaiveDate::from_ymd_opt(2005, 6, 1).expect("valid");
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let (mut best_wall, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    let mut found = 0;
    for pass in 0..repeat {
        let c0 = thread_cpu_ns();
        let t1 = Instant::now();
        found = 0;
        for t in &texts {
            found += stage.find(t, anchor, None).len();
        }
        let wall = t1.elapsed().as_secs_f64();
        let cpu = match (c0, thread_cpu_ns()) {
            (Some(a), Some(b)) => (b - a) as f64 / 1e9,
            _ => f64::NAN,
        };
        println!(
            "pass {}: {:.3} s wall ({:.1} MB/s), {:.3} s CPU ({:.1} MB/s)",
            pass + 1,
            wall,
            mb / wall,
            cpu,
            mb / cpu
        );
        best_wall = best_wall.min(wall);
        best_cpu = best_cpu.min(cpu);
    }
    println!(
        "{} texts, {mb:.2} MB, {found} timexes, best {:.1} MB/s wall, {:.1} MB/s CPU (rule load {:.0} ms)",
        texts.len(),
        mb / best_wall,
        mb / best_cpu,
        load.as_secs_f64() * 1e3
    );
}
