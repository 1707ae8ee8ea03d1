//! Scores the tokenizer and sentence splitter against UD CoNLL-U files.
//!
//! ```text
//! cargo run --release -p chronicle-text --example ud_text_eval -- [--errors N] FILE.conllu...
//! cargo run --release -p chronicle-text --example ud_text_eval -- --speed FILE.txt...
//! cargo run --release -p chronicle-text --example ud_text_eval -- --show FILE.txt...
//! ```
//!
//! Each document's text is rebuilt as Chronicle's scorer does it (`read_conllu` and
//! `conllu_layout` in the evaluation's `score.py`): documents split at `# newdoc` (or 20
//! sentences each when a file has none); each sentence's `# text` (or, when its forms cannot
//! be walked through it, the forms joined by SpaceAfter), sentences joined by a space, or by a
//! blank line before a sentence marked `# newpar`.
//!
//! Token F1 compares surface tokens by identical span; a run of our tokens that exactly covers
//! a UD multiword token (`do` + `n't` for `don't`) counts as that one token. Sentence F1
//! compares sentence spans (first token start to last token end). Scores are given for each
//! file and for its `GUM_news_*` documents.

use std::collections::HashSet;
use std::time::Instant;

use chronicle_text::TextStage;

struct Doc {
    id: String,
    text: String,
    /// Surface token spans and whether each is a multiword token.
    tokens: Vec<(usize, usize, bool)>,
    sentences: Vec<(usize, usize)>,
}

#[derive(Default)]
struct SentenceRows {
    newdoc: Option<String>,
    newpar: bool,
    text: Option<String>,
    /// (form, space after, number of words) for each surface token.
    surface: Vec<(String, bool, usize)>,
}

fn read_conllu(path: &str) -> Vec<SentenceRows> {
    let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
    let mut out = Vec::new();
    let mut current = SentenceRows::default();
    let mut skip = 0;
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.surface.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(rest) = comment.strip_prefix("newdoc") {
                let rest = rest.trim();
                let id = rest
                    .strip_prefix("id")
                    .map(|r| r.trim_start().trim_start_matches('=').trim());
                if rest.is_empty() || id.is_some() {
                    current.newdoc = Some(id.unwrap_or("").to_string());
                }
            } else if let Some(rest) = comment.strip_prefix("newpar") {
                let rest = rest.trim();
                if rest.is_empty() || rest.strip_prefix("id").is_some_and(|r| r.trim_start().starts_with('=')) {
                    current.newpar = true;
                }
            } else if let Some(rest) = comment.strip_prefix("text") {
                if let Some(text) = rest.trim_start().strip_prefix('=') {
                    current.text = Some(text.trim().to_string());
                }
            }
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 10, "{path}: {line}");
            if cols[0].contains('.') {
                continue;
            }
            let space = !cols[9].split('|').any(|f| f == "SpaceAfter=No");
            if let Some((a, b)) = cols[0].split_once('-') {
                let n = b.parse::<usize>().unwrap() - a.parse::<usize>().unwrap() + 1;
                current.surface.push((cols[1].to_string(), space, n));
                skip = n;
            } else if skip > 0 {
                skip -= 1;
            } else {
                current.surface.push((cols[1].to_string(), space, 1));
            }
        }
    }
    if !current.surface.is_empty() {
        out.push(current);
    }
    out
}

/// The sentence's text and each surface token's byte span in it (`conllu_layout`).
fn layout(s: &SentenceRows) -> (String, Vec<(usize, usize)>) {
    if let Some(text) = &s.text {
        let mut spans = Vec::new();
        let mut pos = 0;
        for (form, _, _) in &s.surface {
            let mut start = pos;
            while let Some(c) = text[start..].chars().next().filter(|c| c.is_whitespace()) {
                start += c.len_utf8();
            }
            if !text[start..].starts_with(form.as_str()) {
                break;
            }
            spans.push((start, start + form.len()));
            pos = start + form.len();
        }
        if spans.len() == s.surface.len() && text[pos..].trim().is_empty() {
            return (text.clone(), spans);
        }
    }
    let (mut text, mut spans) = (String::new(), Vec::new());
    for (k, (form, space, _)) in s.surface.iter().enumerate() {
        spans.push((text.len(), text.len() + form.len()));
        text.push_str(form);
        if *space && k + 1 < s.surface.len() {
            text.push(' ');
        }
    }
    (text, spans)
}

fn documents(path: &str) -> Vec<Doc> {
    let sentences = read_conllu(path);
    let stem = path.rsplit('/').next().unwrap().trim_end_matches(".conllu").to_string();
    let mut groups: Vec<Vec<&SentenceRows>> = Vec::new();
    if sentences.iter().any(|s| s.newdoc.is_some()) {
        for s in &sentences {
            if s.newdoc.is_some() || groups.is_empty() {
                groups.push(Vec::new());
            }
            groups.last_mut().unwrap().push(s);
        }
    } else {
        groups = sentences.chunks(20).map(|c| c.iter().collect()).collect();
    }
    let mut docs = Vec::new();
    for (n, group) in groups.into_iter().enumerate() {
        let id = match group[0].newdoc.as_deref() {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => format!("{stem}:{}", n + 1),
        };
        let mut doc = Doc {
            id,
            text: String::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
        };
        for (k, s) in group.into_iter().enumerate() {
            if k > 0 {
                doc.text.push_str(if s.newpar { "\n\n" } else { " " });
            }
            let base = doc.text.len();
            let (text, spans) = layout(s);
            for (&(a, b), (_, _, n)) in spans.iter().zip(&s.surface) {
                doc.tokens.push((base + a, base + b, *n > 1));
            }
            doc.sentences.push((base + spans[0].0, base + spans.last().unwrap().1));
            doc.text.push_str(&text);
        }
        docs.push(doc);
    }
    docs
}

#[derive(Default)]
struct Tally {
    gold: usize,
    pred: usize,
    matched: usize,
}

impl Tally {
    fn add(&mut self, gold: &[(usize, usize)], pred: &[(usize, usize)]) -> HashSet<(usize, usize)> {
        let g: HashSet<_> = gold.iter().copied().collect();
        self.gold += gold.len();
        self.pred += pred.len();
        self.matched += pred.iter().filter(|p| g.contains(p)).count();
        g
    }

    fn row(&self) -> String {
        let p = self.matched as f64 / self.pred.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("{:.4} | {:.4} | {:.4} | {}", p, r, f, self.gold)
    }
}

/// Our token spans with runs that exactly cover a gold multiword token merged into one.
fn merge_multiword(pred: &[(usize, usize)], gold: &[(usize, usize, bool)]) -> Vec<(usize, usize)> {
    let mwt: HashSet<(usize, usize)> = gold.iter().filter(|t| t.2).map(|t| (t.0, t.1)).collect();
    let ends: std::collections::HashMap<usize, usize> = mwt.iter().map(|&(a, b)| (a, b)).collect();
    let mut out = Vec::with_capacity(pred.len());
    let mut k = 0;
    while k < pred.len() {
        if let Some(&end) = ends.get(&pred[k].0) {
            let mut m = k;
            while m + 1 < pred.len() && pred[m].1 < end && pred[m + 1].1 <= end {
                m += 1;
            }
            if m > k && pred[m].1 == end {
                out.push((pred[k].0, end));
                k = m + 1;
                continue;
            }
        }
        out.push(pred[k]);
        k += 1;
    }
    out
}

fn context(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}|{}", &text[a..at], &text[at..b]).replace('\n', "⏎")
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let stage = TextStage::new().unwrap_or_else(|e| panic!("{e}"));
    if args.first().map(String::as_str) == Some("--show") {
        // One sentence per line, tokens separated by spaces: for reading the output.
        for path in &args[1..] {
            let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
            let (tokens, sentences) = stage.tokenize(&text);
            for s in &sentences {
                let words: Vec<&str> = tokens[s.tokens.start as usize..s.tokens.end as usize]
                    .iter()
                    .map(|t| &text[t.span.range()])
                    .collect();
                println!("{}", words.join(" "));
            }
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--speed") {
        speed(&stage, &args[1..]);
        return;
    }
    let mut show = 0;
    if args.first().map(String::as_str) == Some("--errors") {
        show = args[1].parse().expect("--errors N");
        args.drain(..2);
    }
    println!("| file | documents | token P | token R | token F1 | gold tokens | sentence P | sentence R | sentence F1 | gold sentences |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for path in &args {
        let docs = documents(path);
        let name = path.rsplit('/').next().unwrap();
        let mut shown = (0, 0);
        for news in [false, true] {
            let (mut tok, mut sent, mut n) = (Tally::default(), Tally::default(), 0);
            for doc in docs.iter().filter(|d| !news || d.id.starts_with("GUM_news_")) {
                n += 1;
                let (tokens, sentences) = stage.tokenize(&doc.text);
                let pred: Vec<_> = tokens
                    .iter()
                    .map(|t| (t.span.start as usize, t.span.end as usize))
                    .collect();
                let pred = merge_multiword(&pred, &doc.tokens);
                let gold: Vec<_> = doc.tokens.iter().map(|t| (t.0, t.1)).collect();
                let gset = tok.add(&gold, &pred);
                let psent: Vec<_> = sentences
                    .iter()
                    .map(|s| (s.span.start as usize, s.span.end as usize))
                    .collect();
                sent.add(&doc.sentences, &psent);
                if news {
                    continue;
                }
                for p in pred.iter().filter(|p| !gset.contains(p)) {
                    if shown.0 < show {
                        shown.0 += 1;
                        eprintln!(
                            "TOKEN {} {:?}: {}",
                            doc.id,
                            &doc.text[p.0..p.1],
                            context(&doc.text, p.0)
                        );
                    }
                }
                // Boundaries rather than spans: one misplaced end shows once, where it is.
                let gold_ends: HashSet<usize> = doc.sentences.iter().map(|g| g.1).collect();
                let pred_ends: HashSet<usize> = psent.iter().map(|p| p.1).collect();
                for g in doc.sentences.iter().filter(|g| !pred_ends.contains(&g.1)) {
                    if shown.1 < show {
                        shown.1 += 1;
                        eprintln!("SENT-MISSED {}: {}", doc.id, context(&doc.text, g.1));
                    }
                }
                for p in psent.iter().filter(|p| !gold_ends.contains(&p.1)) {
                    if shown.1 < show {
                        shown.1 += 1;
                        eprintln!("SENT-EXTRA {}: {}", doc.id, context(&doc.text, p.1));
                    }
                }
            }
            if n > 0 {
                let scope = if news {
                    format!("{name} (GUM_news_*)")
                } else {
                    name.to_string()
                };
                println!("| {scope} | {n} | {} | {} |", tok.row(), sent.row());
            }
        }
    }
}

/// Tokenizes and splits the files' text on one thread and prints MB/s.
fn speed(stage: &TextStage, paths: &[String]) {
    // A few corpus files are Latin-1: decode lossily, as a reader would.
    let texts: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut tokens = 0;
    let (mut best_wall, mut best_cpu) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        let (start, cpu) = (Instant::now(), thread_cpu_seconds());
        tokens = 0;
        for text in &texts {
            let (t, s) = stage.tokenize(text);
            tokens += t.len() + s.len();
        }
        best_wall = best_wall.min(start.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(thread_cpu_seconds().map_or(f64::NAN, |end| end - cpu.unwrap_or(0.0)));
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB, {tokens} tokens+sentences; best of 5: wall {best_wall:.3} s = {:.1} MB/s, \
         thread CPU {best_cpu:.3} s = {:.1} MB/s",
        texts.len(),
        mb / best_wall,
        mb / best_cpu
    );
}

/// CPU time this thread has run, from Linux's scheduler statistics: on a shared machine
/// wall-clock time also counts the time other processes held the core.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}
