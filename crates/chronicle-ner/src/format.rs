//! The model file: our own compact binary format.
//!
//! ```text
//! magic    8 bytes  "CHRNER\r\n" (the CR LF catches text-mode mangling)
//! version  u32      FORMAT_VERSION
//! features u32      features::FEATURE_VERSION the weights were trained with
//! lexicon  u64      fingerprint of the gazetteers and clusters used in training
//! n_tags   u32      17 (O + BILOU × 4)
//! n_rows   u32
//! start    n_tags × f32
//! trans    n_tags² × f32
//! rows     n_rows × { hash u64, scale f32, nnz u8, nnz × (tag u8, weight i8) }
//! checksum u64      FNV-1a of every byte before it
//! ```
//! All little-endian. Feature rows are sparse (most features only ever touch a few tags)
//! and quantised to i8 with a per-row scale, which keeps each row's largest weight exact to
//! within 0.4% — far below what changes a decision — and the file a few MB.

use chronicle_doc::DataError;

use crate::hash::fnv1a;
use crate::tags::N_TAGS;
use crate::weights::Weights;

const MAGIC: &[u8; 8] = b"CHRNER\r\n";
pub const FORMAT_VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 8 + 4 + 4;

/// Serialises weights, dropping rows that quantise to all zeros.
pub fn write(w: &Weights, feature_version: u32, fingerprint: u64) -> Vec<u8> {
    let mut rows: Vec<(u64, u32)> = w.index.iter().map(|(&h, &r)| (h, r)).collect();
    // Sorted by hash so the same weights always give the same bytes.
    rows.sort_unstable();
    let mut body = Vec::new();
    let mut kept = 0u32;
    for (hash, r) in rows {
        let row = &w.rows[r as usize * N_TAGS..(r as usize + 1) * N_TAGS];
        let max = row.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        if max == 0.0 || !max.is_finite() {
            continue;
        }
        let scale = max / 127.0;
        let q: Vec<(u8, i8)> = row
            .iter()
            .enumerate()
            .map(|(t, x)| (t as u8, (x / scale).round().clamp(-127.0, 127.0) as i8))
            .filter(|&(_, v)| v != 0)
            .collect();
        body.extend_from_slice(&hash.to_le_bytes());
        body.extend_from_slice(&scale.to_le_bytes());
        body.push(q.len() as u8);
        for (t, v) in q {
            body.push(t);
            body.push(v as u8);
        }
        kept += 1;
    }
    let mut out = Vec::with_capacity(HEADER + body.len() + 8 + 4 * N_TAGS * (N_TAGS + 1));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&feature_version.to_le_bytes());
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&kept.to_le_bytes());
    for x in w.start.iter().chain(&w.trans) {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.extend_from_slice(&body);
    let sum = fnv1a(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// A bounds-checked little-endian reader.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes(b.try_into().expect("4")))
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8).map(|b| u64::from_le_bytes(b.try_into().expect("8")))
    }
    fn f32(&mut self) -> Option<f32> {
        self.take(4).map(|b| f32::from_le_bytes(b.try_into().expect("4")))
    }
}

/// Parses a model file; `file` names it in errors. Checks magic, version, checksum and that
/// the model was trained with the same feature templates and word lists as this build.
pub fn read(bytes: &[u8], file: &str, feature_version: u32, fingerprint: u64) -> Result<Weights, DataError> {
    let err = |m: String| DataError::new(file, m);
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(err("not a chronicle NER model (bad magic)".into()));
    }
    if bytes.len() < HEADER + 8 {
        return Err(err(format!("truncated: {} bytes", bytes.len())));
    }
    let (data, sum) = bytes.split_at(bytes.len() - 8);
    let mut r = Reader {
        bytes: data,
        pos: MAGIC.len(),
    };
    let version = r.u32().expect("header length checked");
    if version != FORMAT_VERSION {
        return Err(err(format!(
            "format version {version}, this build reads {FORMAT_VERSION}"
        )));
    }
    if u64::from_le_bytes(sum.try_into().expect("8")) != fnv1a(data) {
        return Err(err("checksum mismatch: the file is truncated or corrupt".into()));
    }
    let fv = r.u32().expect("header");
    let fp = r.u64().expect("header");
    if fv != feature_version || fp != fingerprint {
        return Err(err(format!(
            "trained with other features (templates v{fv}, word lists {fp:016x}; this build: v{feature_version}, {fingerprint:016x}): retrain the model"
        )));
    }
    let n_tags = r.u32().expect("header") as usize;
    if n_tags != N_TAGS {
        return Err(err(format!("{n_tags} tags, expected {N_TAGS}")));
    }
    let n_rows = r.u32().expect("header") as usize;
    let truncated = || err("truncated or corrupt body".into());
    let mut w = Weights::new();
    for x in w.start.iter_mut().chain(w.trans.iter_mut()) {
        *x = r.f32().ok_or_else(truncated)?;
    }
    w.rows = vec![0.0; n_rows.min(data.len()) * N_TAGS];
    w.index.reserve(n_rows.min(data.len()));
    for i in 0..n_rows {
        let hash = r.u64().ok_or_else(truncated)?;
        let scale = r.f32().ok_or_else(truncated)?;
        let nnz = r.u8().ok_or_else(truncated)? as usize;
        if i * N_TAGS >= w.rows.len() {
            return Err(truncated());
        }
        for _ in 0..nnz {
            let t = r.u8().ok_or_else(truncated)? as usize;
            let v = r.u8().ok_or_else(truncated)? as i8;
            if t >= N_TAGS {
                return Err(err(format!("row {i}: tag {t} out of range")));
            }
            w.rows[i * N_TAGS + t] = v as f32 * scale;
        }
        if w.index.insert(hash, i as u32).is_some() {
            return Err(err(format!("row {i}: duplicate feature")));
        }
    }
    if r.pos != data.len() {
        return Err(err(format!("{} unexpected bytes after the rows", data.len() - r.pos)));
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut w = Weights::new();
        w.index.insert(42, 0);
        w.index.insert(7, 1);
        w.index.insert(9, 2);
        w.rows = vec![0.0; 3 * N_TAGS];
        w.rows[0] = 1.0;
        w.rows[3] = -0.5;
        w.rows[N_TAGS + 16] = 2.0;
        w.trans[5] = -3.25;
        w.start[1] = 0.5;
        w
    }

    #[test]
    fn round_trip_quantised() {
        let w = sample();
        let bytes = write(&w, 1, 99);
        let back = read(&bytes, "m.bin", 1, 99).unwrap();
        assert_eq!(back.n_rows(), 2, "the all-zero row is dropped");
        assert_eq!(back.trans, w.trans);
        assert_eq!(back.start, w.start);
        for (h, r) in &w.index {
            let Some(&b) = back.index.get(h) else { continue };
            for t in 0..N_TAGS {
                let x = w.rows[*r as usize * N_TAGS + t];
                let y = back.rows[b as usize * N_TAGS + t];
                assert!((x - y).abs() <= 0.01 * x.abs().max(0.1), "{x} vs {y}");
            }
        }
        assert_eq!(write(&w, 1, 99), bytes, "deterministic");
    }

    #[test]
    fn corrupt_files_are_named_errors() {
        let bytes = write(&sample(), 1, 99);
        let e = read(&bytes[..bytes.len() - 3], "m.bin", 1, 99).unwrap_err();
        assert!(e.to_string().starts_with("m.bin: "), "{e}");
        let mut flipped = bytes.clone();
        flipped[HEADER + 10] ^= 1;
        assert!(read(&flipped, "m.bin", 1, 99).unwrap_err().message.contains("checksum"));
        assert!(read(b"hello", "m.bin", 1, 99).unwrap_err().message.contains("magic"));
        assert!(read(&bytes[..20], "m.bin", 1, 99)
            .unwrap_err()
            .message
            .contains("truncated"));
        assert!(read(&bytes, "m.bin", 2, 99).unwrap_err().message.contains("retrain"));
    }
}
