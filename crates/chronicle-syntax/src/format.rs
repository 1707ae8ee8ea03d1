//! The binary container every model file uses, and little-endian read/write helpers.
//!
//! Layout: `magic (8 bytes "CHRSYNTX") | format version u32 | kind u32 | payload length u64 |
//! SHA-256 of the payload (32 bytes) | payload`. The checksum is verified before anything is
//! parsed, so a truncated or corrupted file fails at start-up with one clear [`DataError`]
//! naming the file instead of producing odd tags later. Every reader call is bounds-checked
//! as a second line of defence.

use chronicle_doc::DataError;
use sha2::{Digest, Sha256};

pub const MAGIC: &[u8; 8] = b"CHRSYNTX";
/// 2: a word-cluster table in tagger and parser files (version 1 files, without it, still load).
/// 3: the tagger's optional second-pass weights after the lemmatizer (older files: one pass).
/// 4: the parser's optional runner-up tag gate after the clusters (older files: no runner-up
/// tag features).
pub const FORMAT_VERSION: u32 = 4;
/// Oldest version this build reads.
pub const OLDEST_VERSION: u32 = 1;
const HEADER: usize = 8 + 4 + 4 + 8 + 32;

/// What a model file contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Tagger = 1,
    Parser = 2,
}

/// Wraps a payload in the container.
pub fn wrap(kind: Kind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(kind as u32).to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(payload));
    out.extend_from_slice(payload);
    out
}

/// Checks the container and returns the payload.
pub fn unwrap<'a>(name: &str, kind: Kind, bytes: &'a [u8]) -> Result<&'a [u8], DataError> {
    unwrap_versioned(name, kind, bytes).map(|(p, _)| p)
}

/// [`unwrap`], also returning the file's format version.
pub fn unwrap_versioned<'a>(name: &str, kind: Kind, bytes: &'a [u8]) -> Result<(&'a [u8], u32), DataError> {
    if bytes.len() < HEADER {
        return Err(DataError::new(
            name,
            format!("truncated model file ({} bytes, header needs {HEADER})", bytes.len()),
        ));
    }
    if &bytes[..8] != MAGIC {
        return Err(DataError::new(name, "not a Chronicle syntax model (bad magic)"));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap());
    if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&version) {
        return Err(DataError::new(
            name,
            format!("model format version {version}, this build reads {OLDEST_VERSION} to {FORMAT_VERSION}"),
        ));
    }
    let found = u32::from_le_bytes(bytes[12..16].try_into().unwrap());
    if found != kind as u32 {
        return Err(DataError::new(
            name,
            format!("model kind {found}, expected {} ({kind:?})", kind as u32),
        ));
    }
    let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap());
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return Err(DataError::new(
            name,
            format!(
                "truncated or padded model file: payload is {} bytes, header says {len}",
                payload.len()
            ),
        ));
    }
    if Sha256::digest(payload).as_slice() != &bytes[24..56] {
        return Err(DataError::new(name, "model file is corrupt (checksum mismatch)"));
    }
    Ok((payload, version))
}

/// SHA-256 of a whole file, hex, for meta.json.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Appends little-endian values to a buffer.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
}

/// Reads little-endian values, failing with a `DataError` naming the file when data runs out.
pub struct Reader<'a> {
    name: &'a str,
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(name: &'a str, data: &'a [u8]) -> Reader<'a> {
        Reader { name, data, pos: 0 }
    }

    pub fn error(&self, message: impl Into<String>) -> DataError {
        DataError::new(self.name, message)
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], DataError> {
        if self.data.len() - self.pos < n {
            return Err(self.error(format!("truncated model payload at byte {}", self.pos)));
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, DataError> {
        Ok(self.take(1)?[0])
    }
    pub fn u16(&mut self) -> Result<u16, DataError> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    pub fn u32(&mut self) -> Result<u32, DataError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn u64(&mut self) -> Result<u64, DataError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, DataError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    /// A length that must fit in what is left, given each item needs at least `min_size` bytes
    /// (guards against huge allocations from a corrupt count).
    pub fn len(&mut self, min_size: usize) -> Result<usize, DataError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_size.max(1)) > self.data.len() - self.pos {
            return Err(self.error(format!("count {n} at byte {} exceeds the payload", self.pos - 4)));
        }
        Ok(n)
    }
    pub fn str(&mut self) -> Result<String, DataError> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.error("invalid UTF-8 in model strings"))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, DataError> {
        let n = self.len(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn finish(&self) -> Result<(), DataError> {
        if self.pos != self.data.len() {
            return Err(self.error(format!(
                "{} unexpected bytes after the model",
                self.data.len() - self.pos
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_round_trip_and_errors() {
        let bytes = wrap(Kind::Tagger, b"hello");
        assert_eq!(unwrap("m.bin", Kind::Tagger, &bytes).unwrap(), b"hello");
        let e = unwrap("m.bin", Kind::Parser, &bytes).unwrap_err();
        assert!(e.message.contains("kind"), "{e}");
        let e = unwrap("m.bin", Kind::Tagger, &bytes[..bytes.len() - 1]).unwrap_err();
        assert!(e.to_string().starts_with("m.bin: truncated"), "{e}");
        let mut bad = bytes.clone();
        *bad.last_mut().unwrap() ^= 1;
        let e = unwrap("m.bin", Kind::Tagger, &bad).unwrap_err();
        assert!(e.message.contains("checksum"), "{e}");
        assert!(unwrap("m.bin", Kind::Tagger, b"xx").is_err());
        let mut future = bytes.clone();
        future[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        let e = unwrap("m.bin", Kind::Tagger, &future).unwrap_err();
        assert!(e.message.contains("format version"), "{e}");
    }

    #[test]
    fn reader_bounds() {
        let mut w = Writer::default();
        w.str("abc");
        w.u16(7);
        let mut r = Reader::new("f", &w.buf);
        assert_eq!(r.str().unwrap(), "abc");
        assert_eq!(r.u16().unwrap(), 7);
        assert!(r.u8().is_err());
        r.finish().unwrap();
    }
}
