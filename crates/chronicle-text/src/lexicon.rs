//! The word lists in `data/text/`, embedded at compile time and validated when the stage is
//! built, so a bad edit stops start-up with `file:line: message` instead of odd tokens later.

use std::collections::{HashMap, HashSet};

use chronicle_doc::DataError;

const ABBREVIATIONS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/text/abbreviations.txt"
));
const SENTENCE_STARTERS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/text/sentence_starters.txt"
));
const HYPHEN_PREFIXES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/text/hyphen_prefixes.txt"
));
const CONTRACTIONS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/text/contractions.txt"));
const NUMBER_SUFFIXES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/text/number_suffixes.txt"
));

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AbbrevFlags {
    /// It can be the last word of a sentence (`Inc.`, `U.S.`); titles and months cannot.
    pub can_end: bool,
    /// Any capitalised word after it starts a new sentence (`etc.`), not only a listed starter.
    pub before_capital: bool,
    /// It is an abbreviation only before a number (`No. 10`).
    pub before_number: bool,
}

/// All the word lists the tokenizer and sentence splitter consult.
#[derive(Clone, Debug)]
pub struct Lexicon {
    abbreviations: HashMap<String, AbbrevFlags>,
    starters: HashSet<String>,
    hyphen_prefixes: HashSet<String>,
    /// Lower-case word → byte offset of the cut.
    contractions: HashMap<String, usize>,
    /// Bit `i` set when a contraction starts with letter `a + i`: most words are rejected
    /// by this test without hashing.
    contraction_initials: u32,
    /// Bit `n` set when a contraction is `n` bytes long.
    contraction_lengths: u32,
    number_suffixes: HashSet<String>,
}

impl Lexicon {
    /// Parses and validates the embedded lists.
    pub fn embedded() -> Result<Lexicon, DataError> {
        let contractions = parse_contractions("data/text/contractions.txt", CONTRACTIONS)?;
        let contraction_initials = contractions.keys().fold(0, |bits, word| bits | initial_bit(word));
        // Entries are at most 16 bytes (checked by the parser), so the shift cannot overflow.
        let contraction_lengths = contractions.keys().fold(0u32, |bits, word| bits | 1 << word.len());
        Ok(Lexicon {
            abbreviations: parse_abbreviations("data/text/abbreviations.txt", ABBREVIATIONS)?,
            starters: parse_words("data/text/sentence_starters.txt", SENTENCE_STARTERS, false)?,
            hyphen_prefixes: parse_words("data/text/hyphen_prefixes.txt", HYPHEN_PREFIXES, true)?,
            contractions,
            contraction_initials,
            contraction_lengths,
            number_suffixes: parse_words("data/text/number_suffixes.txt", NUMBER_SUFFIXES, true)?,
        })
    }

    /// Flags of a listed abbreviation (written with its period), in its listed or ALL-CAPS form.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevFlags> {
        self.abbreviations.get(word).copied()
    }

    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    pub fn is_hyphen_prefix(&self, word: &str) -> bool {
        with_lower(word, |w| self.hyphen_prefixes.contains(w)).unwrap_or(false)
    }

    /// Where a listed contraction (`cannot`) is cut, as a byte offset into `word`.
    pub fn contraction_cut(&self, word: &str) -> Option<usize> {
        if word.len() > 16
            || self.contraction_lengths & (1 << word.len()) == 0
            || self.contraction_initials & initial_bit(word) == 0
        {
            return None;
        }
        with_lower(word, |w| self.contractions.get(w).copied()).flatten()
    }

    pub fn is_number_suffix(&self, word: &str) -> bool {
        with_lower(word, |w| self.number_suffixes.contains(w)).unwrap_or(false)
    }
}

/// The bit of `word`'s first letter (case-insensitive) in a 26-bit set; 0 for anything else.
fn initial_bit(word: &str) -> u32 {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii_alphabetic() => 1 << (b.to_ascii_lowercase() - b'a'),
        _ => 0,
    }
}

/// Calls `f` with the ASCII lower-case form of a short ASCII `word`, without allocating:
/// these look-ups run for every hyphen and many words. `None` for longer or non-ASCII words,
/// which no case-insensitive list holds.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 16];
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (b, w) in buf.iter_mut().zip(word.bytes()) {
        *b = w.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).ok().map(f)
}

/// The meaningful lines of a list: (1-based line number, line) without comments and blanks.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
}

fn check_word(file: &str, n: usize, word: &str) -> Result<(), DataError> {
    if word.is_empty() {
        return Err(DataError::at_line(file, n, "empty entry"));
    }
    if word.chars().any(char::is_whitespace) {
        return Err(DataError::at_line(file, n, format!("{word:?} contains whitespace")));
    }
    Ok(())
}

/// One abbreviation per line, with its period, then optional TAB and flags (`end`, `num`).
pub fn parse_abbreviations(file: &str, text: &str) -> Result<HashMap<String, AbbrevFlags>, DataError> {
    let mut map = HashMap::new();
    let mut listed = Vec::new();
    for (n, line) in entries(text) {
        let mut columns = line.split('\t');
        let word = columns.next().unwrap_or_default();
        check_word(file, n, word)?;
        if !word.ends_with('.') || word.len() < 2 {
            return Err(DataError::at_line(file, n, format!("{word:?} must end with a period")));
        }
        let mut flags = AbbrevFlags::default();
        if let Some(list) = columns.next() {
            for flag in list.split(',').map(str::trim) {
                match flag {
                    "end" => flags.can_end = true,
                    "last" => {
                        flags.can_end = true;
                        flags.before_capital = true;
                    }
                    "num" => flags.before_number = true,
                    _ => return Err(DataError::at_line(file, n, format!("unknown flag {flag:?}"))),
                }
            }
        }
        if columns.next().is_some() {
            return Err(DataError::at_line(file, n, "at most two tab-separated columns"));
        }
        if map.insert(word.to_string(), flags).is_some() {
            return Err(DataError::at_line(file, n, format!("{word:?} is listed twice")));
        }
        listed.push((word.to_uppercase(), flags));
    }
    // ALL-CAPS headlines and wire slugs write "GEN." for "Gen."; an explicit entry wins, then
    // the first entry in file order ("No." before "no."), so start-up is deterministic.
    for (word, flags) in listed {
        map.entry(word).or_insert(flags);
    }
    Ok(map)
}

/// One word per line; `lower` makes entries case-insensitive (stored lower-case).
pub fn parse_words(file: &str, text: &str, lower: bool) -> Result<HashSet<String>, DataError> {
    let mut set = HashSet::new();
    for (n, line) in entries(text) {
        check_word(file, n, line)?;
        if lower && (line.len() > 16 || !line.is_ascii()) {
            return Err(DataError::at_line(
                file,
                n,
                format!("{line:?}: entries are ASCII, 16 bytes at most"),
            ));
        }
        let word = if lower {
            line.to_ascii_lowercase()
        } else {
            line.to_string()
        };
        if !set.insert(word) {
            return Err(DataError::at_line(file, n, format!("{line:?} is listed twice")));
        }
    }
    Ok(set)
}

/// `word<TAB>cut|form`: the word and where it splits into two syntactic words.
pub fn parse_contractions(file: &str, text: &str) -> Result<HashMap<String, usize>, DataError> {
    let mut map = HashMap::new();
    for (n, line) in entries(text) {
        let Some((word, cut)) = line.split_once('\t') else {
            return Err(DataError::at_line(file, n, "expected `word<TAB>first|second`"));
        };
        check_word(file, n, word)?;
        if !word.is_ascii() || word.len() > 16 {
            return Err(DataError::at_line(file, n, "contractions are ASCII, 16 bytes at most"));
        }
        let Some((first, second)) = cut.split_once('|') else {
            return Err(DataError::at_line(file, n, "the second column needs one `|`"));
        };
        if first.is_empty() || second.is_empty() || !format!("{first}{second}").eq_ignore_ascii_case(word) {
            return Err(DataError::at_line(file, n, format!("{cut:?} does not spell {word:?}")));
        }
        if map.insert(word.to_ascii_lowercase(), first.len()).is_some() {
            return Err(DataError::at_line(file, n, format!("{word:?} is listed twice")));
        }
    }
    Ok(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(lex.abbreviation("Mr."), Some(AbbrevFlags::default()));
        assert!(lex.abbreviation("Inc.").unwrap().can_end);
        assert!(lex.abbreviation("GEN.").is_some(), "all-caps form");
        assert!(lex.abbreviation("No.").unwrap().before_number);
        assert!(lex.abbreviation("etc.").unwrap().before_capital);
        assert!(!lex.abbreviation("Inc.").unwrap().before_capital);
        assert!(lex.is_sentence_starter("The"));
        assert!(!lex.is_sentence_starter("Senate"));
        assert!(lex.is_hyphen_prefix("Non"));
        assert_eq!(lex.contraction_cut("Cannot"), Some(3));
        assert!(lex.is_number_suffix("PM"));
    }

    #[test]
    fn abbreviation_errors_name_the_line() {
        let f = "data/text/abbreviations.txt";
        let e = parse_abbreviations(f, "# comment\nMr.\nMrs\n").unwrap_err();
        assert_eq!(e, DataError::at_line(f, 3, "\"Mrs\" must end with a period"));
        let e = parse_abbreviations(f, "Inc.\tend,often\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("often"));
        let e = parse_abbreviations(f, "Inc.\n\nInc.\tend\n").unwrap_err();
        assert_eq!(e.to_string(), "data/text/abbreviations.txt:3: \"Inc.\" is listed twice");
        let e = parse_abbreviations(f, "Co.\tend\textra\n").unwrap_err();
        assert_eq!(e.line, Some(1));
    }

    #[test]
    fn other_list_errors() {
        let e = parse_words("w.txt", "ok\nnot ok\n", false).unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = parse_contractions("c.txt", "cannot\tca|nnt\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse_contractions("c.txt", "gonna\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert_eq!(parse_contractions("c.txt", "Gonna\tgon|na").unwrap()["gonna"], 3);
    }
}
