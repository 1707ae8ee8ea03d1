use std::io::{self, BufRead};

/// A line of input, without its terminator.
pub(crate) struct Line {
    pub bytes: Vec<u8>,
    /// 1-based line number.
    pub number: usize,
    /// The full length of the line, which may exceed what `bytes` kept.
    pub len: usize,
}

impl Line {
    pub fn truncated(&self) -> bool {
        self.len > self.bytes.len()
    }
}

/// Reads lines with a bound on what one line may hold in memory.
///
/// A line longer than `keep` bytes is consumed to its end but only its first `keep` bytes are
/// kept, so one runaway line (binary junk without newlines) cannot exhaust memory.
pub(crate) struct LineReader<R> {
    inner: R,
    keep: usize,
    number: usize,
}

impl<R: BufRead> LineReader<R> {
    pub fn new(inner: R, keep: usize) -> LineReader<R> {
        LineReader { inner, keep, number: 0 }
    }

    /// How many lines have been read so far.
    pub fn lines_read(&self) -> usize {
        self.number
    }

    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut len = 0usize;
        let mut saw_any = false;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            saw_any = true;
            let (chunk, consumed, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], i + 1, true),
                None => (buf, buf.len(), false),
            };
            let room = self.keep.saturating_sub(bytes.len());
            bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
            len += chunk.len();
            self.inner.consume(consumed);
            if done {
                break;
            }
        }
        if !saw_any {
            return Ok(None);
        }
        if bytes.last() == Some(&b'\r') && len == bytes.len() {
            bytes.pop();
            len -= 1;
        }
        self.number += 1;
        Ok(Some(Line {
            bytes,
            number: self.number,
            len,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], keep: usize) -> Vec<(Vec<u8>, usize, usize)> {
        let mut reader = LineReader::new(io::BufReader::with_capacity(4, input), keep);
        let mut out = Vec::new();
        while let Some(line) = reader.next_line().unwrap() {
            out.push((line.bytes, line.number, line.len));
        }
        out
    }

    #[test]
    fn splits_on_newlines_and_strips_crlf() {
        let got = lines(b"ab\r\ncd\n\nlast", 100);
        assert_eq!(
            got,
            vec![
                (b"ab".to_vec(), 1, 2),
                (b"cd".to_vec(), 2, 2),
                (vec![], 3, 0),
                (b"last".to_vec(), 4, 4)
            ]
        );
    }

    #[test]
    fn keeps_only_a_bounded_prefix_of_long_lines() {
        let got = lines(b"0123456789\nok", 4);
        assert_eq!(got[0], (b"0123".to_vec(), 1, 10));
        assert_eq!(got[1], (b"ok".to_vec(), 2, 2), "reading goes on after a long line");
    }
}
