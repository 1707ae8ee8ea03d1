use std::fmt;

/// A problem in one of Chronicle's data files (dictionaries, rules, models), naming the file
/// and, where it applies, the 1-based line: `data/text/abbreviations.txt:12: empty entry`.
///
/// Every stage validates its data when it is built, so a malformed file stops start-up with
/// one clear line instead of surfacing as odd output later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl DataError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> DataError {
        DataError {
            file: file.into(),
            line: None,
            message: message.into(),
        }
    }

    pub fn at_line(file: impl Into<String>, line: usize, message: impl Into<String>) -> DataError {
        DataError {
            file: file.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_and_line() {
        let e = DataError::at_line("data/x.tsv", 3, "two columns expected");
        assert_eq!(e.to_string(), "data/x.tsv:3: two columns expected");
        assert_eq!(DataError::new("m.bin", "truncated").to_string(), "m.bin: truncated");
    }
}
