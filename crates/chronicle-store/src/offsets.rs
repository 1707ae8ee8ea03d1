//! Byte offsets (the document model) to Unicode code point offsets (the record contract and
//! the store).

use chronicle_doc::Span;

/// Converts byte offsets into one text to code point offsets.
pub struct CodePoints<'a> {
    text: &'a str,
    /// `None` for ASCII text, where both offsets agree; else the code point offset of every
    /// byte offset that falls on a `char` boundary (other entries are unused).
    table: Option<Vec<u32>>,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> CodePoints<'a> {
        if text.is_ascii() {
            return CodePoints { text, table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        for (byte, _) in text.char_indices() {
            table[byte] = count;
            count += 1;
        }
        table[text.len()] = count;
        CodePoints {
            text,
            table: Some(table),
        }
    }

    /// The code point offset of byte `offset`, or `None` when it is outside the text or not on
    /// a `char` boundary.
    pub fn offset(&self, offset: u32) -> Option<u32> {
        let byte = offset as usize;
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        Some(match &self.table {
            None => offset,
            Some(table) => table[byte],
        })
    }

    /// The span in code points, or `None` when it is invalid for this text.
    pub fn span(&self, span: Span) -> Option<(u32, u32)> {
        if span.start > span.end {
            return None;
        }
        Some((self.offset(span.start)?, self.offset(span.end)?))
    }

    /// The text a byte span covers, when valid.
    pub fn slice(&self, span: Span) -> Option<&'a str> {
        self.text.get(span.range())
    }
}

/// The code point offset of byte offset `byte` in `text`, or `None` when it is not on a
/// `char` boundary.
pub fn byte_to_code_point(text: &str, byte: usize) -> Option<usize> {
    text.get(..byte).map(|prefix| prefix.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_multibyte() {
        let ascii = CodePoints::new("abc");
        assert_eq!(ascii.span(Span::new(1, 3)), Some((1, 3)));
        assert_eq!(ascii.offset(4), None);
        let text = "Zürich – Genève";
        let cp = CodePoints::new(text);
        let start = text.find("Genève").unwrap();
        let span = Span::new(start, text.len());
        assert_eq!(cp.span(span), Some((9, 15)));
        assert_eq!(cp.offset(2), None, "inside ü");
        assert_eq!(byte_to_code_point(text, start), Some(9));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[9..15].iter().collect::<String>(), "Genève");
    }
}
