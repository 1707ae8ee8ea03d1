//! Word lists from `data/time/lexicon.toml`: month names, weekdays, number words, units…
//!
//! A table serves twice: as a regex macro (`@month` → an alternation of its keys) and as
//! the lookup the normalizers use to turn the matched word into a value.

use std::collections::HashMap;

use chronicle_doc::DataError;

pub(crate) const LEXICON_FILE: &str = "data/time/lexicon.toml";

/// A lexicon value: a number (month 3, offset -1) or a code (`"Y"`, `"SU"`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Entry {
    Int(i64),
    Code(String),
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    tables: HashMap<String, HashMap<String, Entry>>,
}

impl Lexicon {
    pub(crate) fn parse(src: &str) -> Result<Lexicon, DataError> {
        let value: toml::Table = src
            .parse()
            .map_err(|e: toml::de::Error| toml_error(LEXICON_FILE, src, &e))?;
        let mut tables = HashMap::new();
        for (name, table) in value {
            let line = line_of(src, &format!("[{name}]"));
            let toml::Value::Table(table) = table else {
                return Err(at(line, format!("`{name}` must be a table of words")));
            };
            let mut words = HashMap::new();
            for (word, v) in table {
                let entry = match v {
                    toml::Value::Integer(i) => Entry::Int(i),
                    toml::Value::String(s) => Entry::Code(s),
                    _ => return Err(at(line, format!("[{name}] {word}: integer or string expected"))),
                };
                if word.trim().is_empty() || word != word.to_lowercase() {
                    return Err(at(
                        line,
                        format!("[{name}] `{word}`: words must be lower-case and non-empty"),
                    ));
                }
                words.insert(word, entry);
            }
            tables.insert(name, words);
        }
        Ok(Lexicon { tables })
    }

    pub(crate) fn has_table(&self, name: &str) -> bool {
        self.tables.contains_key(name)
    }

    /// The regex alternation for a table: longest words first so the leftmost-first
    /// matcher prefers "sept." over "sep"; spaces match any whitespace.
    pub(crate) fn macro_regex(&self, name: &str) -> Option<String> {
        let table = self.tables.get(name)?;
        let mut words: Vec<&String> = table.keys().collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alts: Vec<String> = words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect();
        Some(format!("(?:{})", alts.join("|")))
    }

    /// Looks a matched word up: lower-cased, whitespace collapsed; a trailing period is
    /// tried with and without.
    pub(crate) fn get(&self, table: &str, word: &str) -> Option<&Entry> {
        let t = self.tables.get(table)?;
        let key = normalize_word(word);
        t.get(&key)
            .or_else(|| t.get(key.trim_end_matches('.')))
            .or_else(|| t.get(&format!("{key}.")))
    }

    pub(crate) fn int(&self, table: &str, word: &str) -> Option<i64> {
        match self.get(table, word)? {
            Entry::Int(i) => Some(*i),
            Entry::Code(_) => None,
        }
    }

    pub(crate) fn code(&self, table: &str, word: &str) -> Option<&str> {
        match self.get(table, word)? {
            Entry::Code(c) => Some(c),
            Entry::Int(_) => None,
        }
    }

    /// The words of a table (for prefix checks such as the span modifiers).
    pub(crate) fn words(&self, table: &str) -> impl Iterator<Item = &str> {
        self.tables
            .get(table)
            .into_iter()
            .flat_map(|t| t.keys().map(String::as_str))
    }
}

pub(crate) fn normalize_word(word: &str) -> String {
    word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn at(line: Option<usize>, message: String) -> DataError {
    match line {
        Some(l) => DataError::at_line(LEXICON_FILE, l, message),
        None => DataError::new(LEXICON_FILE, message),
    }
}

/// 1-based line of the first line containing `needle`.
pub(crate) fn line_of(src: &str, needle: &str) -> Option<usize> {
    src.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// A TOML syntax error as a `DataError` with the line it points at.
pub(crate) fn toml_error(file: &str, src: &str, e: &toml::de::Error) -> DataError {
    let message = e.message().to_string();
    match e.span() {
        Some(span) => {
            let line = src[..span.start.min(src.len())].matches('\n').count() + 1;
            DataError::at_line(file, line, message)
        }
        None => DataError::new(file, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_with_and_without_period() {
        let lex = Lexicon::parse("[month]\n\"jan.\" = 1\nmarch = 3\n").unwrap();
        assert_eq!(lex.int("month", "Jan."), Some(1));
        assert_eq!(lex.int("month", "MARCH"), Some(3));
        assert_eq!(lex.int("month", "feb"), None);
        assert_eq!(lex.macro_regex("month").unwrap(), r"(?:march|jan\.)");
    }

    #[test]
    fn rejects_bad_entries_with_line() {
        let err = Lexicon::parse("[month]\njanuary = 1\n\n[unit]\nyear = 1.5\n").unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(err.to_string().starts_with("data/time/lexicon.toml:4:"));
        let err = Lexicon::parse("[month\n").unwrap_err();
        assert_eq!(err.line, Some(1));
    }
}
