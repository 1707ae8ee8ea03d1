/// Converts byte offsets of one text into Unicode code point offsets.
///
/// ASCII text (most news) needs no table; other text gets one entry per byte, built once.
pub struct CodePoints {
    /// `table[byte]` = code points before `byte`, for every char boundary and the end.
    table: Option<Vec<u32>>,
}

impl CodePoints {
    pub fn new(text: &str) -> CodePoints {
        if text.is_ascii() {
            return CodePoints { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut count = 0u32;
        for (byte, ch) in text.char_indices() {
            for slot in &mut table[byte..byte + ch.len_utf8()] {
                *slot = count;
            }
            count += 1;
        }
        table[text.len()] = count;
        CodePoints { table: Some(table) }
    }

    /// The code point offset of a byte offset on a char boundary.
    pub fn at(&self, byte: u32) -> u32 {
        match &self.table {
            None => byte,
            Some(table) => table[byte as usize],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let cp = CodePoints::new("plain");
        assert_eq!(cp.at(3), 3);
    }

    #[test]
    fn multibyte_text_counts_code_points() {
        let text = "Kyiv — “Zelensky” 🇺🇦 said";
        let cp = CodePoints::new(text);
        for (index, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(cp.at(byte as u32), index as u32, "at byte {byte}");
        }
        assert_eq!(cp.at(text.len() as u32), text.chars().count() as u32);
    }
}
