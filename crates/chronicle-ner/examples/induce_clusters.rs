//! Induces hierarchical word clusters for the NER features from raw news text.
//!
//! `induce_clusters --out FILE [--min-count N] [--window 1|2] PATH...` where each PATH is a directory of
//! `.txt` articles (BBC), a directory of Reuters-21578 `.sgm` files, or a CoNLL file (its
//! first column). Writes `word<TAB>bit path` lines.
//!
//! Method (a cheap stand-in for Brown clustering, which is too slow to run here): each word
//! is described by the distribution of its left and right neighbours among the most frequent
//! words (Hellinger-weighted: square roots of conditional probabilities, L2-normalised), and
//! the vocabulary is split recursively with seeded spherical 2-means. The path of left (0) /
//! right (1) choices is the word's bit string, so prefixes are coarser clusters, as with
//! Brown clusters.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

const CONTEXTS: usize = 1000;
const MAX_DEPTH: usize = 16;
const MIN_LEAF: usize = 6;

fn main() {
    let mut out = None;
    let mut min_count = 4usize;
    let mut window = 1usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--window" => window = args.next().and_then(|v| v.parse().ok()).expect("--window N"),
            "--min-count" => min_count = args.next().and_then(|v| v.parse().ok()).expect("--min-count N"),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    let out = out.expect("--out FILE");
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for p in &paths {
        read_any(p, &mut sentences);
    }
    let n_tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {n_tokens} tokens", sentences.len());

    // Vocabulary.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in &sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|(_, &c)| c >= min_count)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let n = vocab.len();
    eprintln!("{n} words with count >= {min_count}");

    // Context counts: one block of C + 1 slots per neighbour position (-1, +1, and -2, +2
    // with `--window 2`); boundary and rare words go to each block's last slot.
    let offsets: Vec<isize> = if window >= 2 { vec![-1, 1, -2, 2] } else { vec![-1, 1] };
    let block = CONTEXTS + 1;
    let dims = offsets.len() * block;
    let mut vecs = vec![0f32; n * dims];
    let ctx = |w: Option<&String>| -> usize {
        w.and_then(|w| id.get(w.as_str()).copied())
            .filter(|&i| i < CONTEXTS)
            .unwrap_or(CONTEXTS)
    };
    for s in &sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&wi) = id.get(w.as_str()) else { continue };
            for (b, &off) in offsets.iter().enumerate() {
                let j = i as isize + off;
                let c = ctx(if j >= 0 { s.get(j as usize) } else { None });
                vecs[wi * dims + b * block + c] += 1.0;
            }
        }
    }
    // PPMI weighting (context distribution smoothed with exponent 0.75), ignoring the
    // catch-all slots, which would otherwise dominate rare words' vectors.
    let mut ctx_total = vec![0f64; dims];
    for v in vecs.chunks(dims) {
        for (t, x) in ctx_total.iter_mut().zip(v) {
            *t += *x as f64;
        }
    }
    let ctx_p: Vec<f64> = {
        let smoothed: Vec<f64> = ctx_total.iter().map(|t| t.powf(0.75)).collect();
        let sum: f64 = smoothed.iter().sum();
        smoothed.iter().map(|x| x / sum).collect()
    };
    for v in vecs.chunks_mut(dims) {
        for b in 0..offsets.len() {
            v[b * block + CONTEXTS] = 0.0;
        }
        let total: f64 = v.iter().map(|&x| x as f64).sum::<f64>().max(1.0);
        for (x, pc) in v.iter_mut().zip(&ctx_p) {
            let pmi = if *x > 0.0 { ((*x as f64 / total) / pc).ln() } else { 0.0 };
            *x = pmi.max(0.0) as f32;
        }
        normalise(v);
    }

    // Recursive 2-means.
    let mut paths_out: Vec<String> = vec![String::new(); n];
    let mut stack: Vec<(Vec<usize>, String)> = vec![((0..n).collect(), String::new())];
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    while let Some((members, path)) = stack.pop() {
        if members.len() < 2 * MIN_LEAF || path.len() >= MAX_DEPTH {
            for &m in &members {
                paths_out[m] = if path.is_empty() { "0".into() } else { path.clone() };
            }
            continue;
        }
        let (a, b) = split(&members, &vecs, dims, &mut rng);
        if a.is_empty() || b.is_empty() {
            for &m in &members {
                paths_out[m] = path.clone() + "0";
            }
            continue;
        }
        stack.push((a, path.clone() + "0"));
        stack.push((b, path + "1"));
    }
    let mut text =
        String::from("# Word clusters induced by chronicle-ner (examples/induce_clusters.rs): word<TAB>bit path.\n");
    for (i, (w, _)) in vocab.iter().enumerate() {
        if w.contains('\t') || w.starts_with('#') {
            continue;
        }
        text.push_str(w);
        text.push('\t');
        text.push_str(&paths_out[i]);
        text.push('\n');
    }
    std::fs::write(&out, text).expect("write clusters");
    eprintln!("wrote {}", out.display());
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// Spherical 2-means over `members`, seeded k-means++ style.
fn split(members: &[usize], vecs: &[f32], dims: usize, rng: &mut u64) -> (Vec<usize>, Vec<usize>) {
    let row = |i: usize| &vecs[i * dims..(i + 1) * dims];
    let dot = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    let first = members[(next(rng) % members.len() as u64) as usize];
    // Second seed: the member least similar to the first.
    let second = *members
        .iter()
        .min_by(|&&x, &&y| dot(row(x), row(first)).total_cmp(&dot(row(y), row(first))))
        .expect("members");
    let mut c = [row(first).to_vec(), row(second).to_vec()];
    let mut assign = vec![0u8; members.len()];
    for _ in 0..8 {
        let mut changed = false;
        for (k, &m) in members.iter().enumerate() {
            let v = row(m);
            let side = (dot(v, &c[1]) > dot(v, &c[0])) as u8;
            changed |= side != assign[k];
            assign[k] = side;
        }
        let mut sums = [vec![0f32; dims], vec![0f32; dims]];
        for (k, &m) in members.iter().enumerate() {
            for (s, x) in sums[assign[k] as usize].iter_mut().zip(row(m)) {
                *s += x;
            }
        }
        for s in &mut sums {
            normalise(s);
        }
        c = sums;
        if !changed {
            break;
        }
    }
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (k, &m) in members.iter().enumerate() {
        if assign[k] == 0 {
            a.push(m)
        } else {
            b.push(m)
        }
    }
    (a, b)
}

/// Reads a CoNLL file, a directory of `.txt` files or of Reuters `.sgm` files.
fn read_any(path: &Path, out: &mut Vec<Vec<String>>) {
    if path.is_file() {
        let text = std::fs::read_to_string(path).expect("read");
        let mut s = Vec::new();
        for line in text.lines() {
            let tok = line.split_whitespace().next();
            match tok {
                None => {
                    if !s.is_empty() {
                        out.push(std::mem::take(&mut s));
                    }
                }
                Some("-DOCSTART-") => {}
                Some(t) => s.push(t.to_string()),
            }
        }
        if !s.is_empty() {
            out.push(s);
        }
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_any(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt")
            && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("README"))
        {
            let text = String::from_utf8_lossy(&std::fs::read(&p).expect("read")).into_owned();
            push_text(&text, out);
        } else if p.extension().is_some_and(|e| e == "sgm") {
            // Latin-1: every byte is a char.
            let text: String = std::fs::read(&p).expect("read").iter().map(|&b| b as char).collect();
            for body in text.split("<BODY>").skip(1) {
                let body = body.split("</BODY>").next().unwrap_or("");
                let body = body
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
                    .replace("\u{3}", "");
                push_text(&body, out);
            }
        }
    }
}

/// Rough CoNLL-like tokenization: white space, then punctuation peeled off word edges and
/// possessive `'s` split. Sentences: lines, cut again after `.`, `?`, `!` tokens.
fn push_text(text: &str, out: &mut Vec<Vec<String>>) {
    for line in text.lines() {
        let mut s = Vec::new();
        for chunk in line.split_whitespace() {
            let mut lead = Vec::new();
            let mut w = chunk;
            while let Some(c) = w.chars().next().filter(|c| "\"'([{<".contains(*c)) {
                lead.push(c.to_string());
                w = &w[c.len_utf8()..];
            }
            let mut trail = Vec::new();
            while let Some(c) = w.chars().last().filter(|c| ".,;:!?\"')]}>".contains(*c)) {
                // Keep the period of abbreviations like U.S. and Corp. (letter before it, a
                // period inside or a capital start and short).
                if c == '.'
                    && (w[..w.len() - 1].contains('.')
                        || (w.len() <= 5 && w.chars().next().is_some_and(char::is_uppercase)))
                {
                    break;
                }
                trail.push(c.to_string());
                w = &w[..w.len() - c.len_utf8()];
            }
            s.extend(lead);
            if let Some(stem) = w.strip_suffix("'s").filter(|s| !s.is_empty()) {
                s.push(stem.to_string());
                s.push("'s".to_string());
            } else if !w.is_empty() {
                s.push(w.to_string());
            }
            let ends = trail.iter().any(|t| t == "." || t == "?" || t == "!");
            s.extend(trail.into_iter().rev());
            if ends {
                out.push(std::mem::take(&mut s));
            }
        }
        if !s.is_empty() {
            out.push(s);
        }
    }
}
