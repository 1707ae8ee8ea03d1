//! Splitting a word into UD syntactic words: `don't` → `do` + `n't`, `Iran’s` → `Iran` + `’s`,
//! `cannot` → `can` + `not`. Each piece is a sub-span of the surface form, so the pieces of a
//! multiword token cover it exactly.

use crate::chars::is_apostrophe;
use crate::lexicon::Lexicon;

/// Suffixes after an apostrophe that are separate words in UD English.
const APOSTROPHE_CLITICS: [&str; 6] = ["s", "re", "ll", "ve", "d", "m"];

/// The byte offsets (relative to `word`) where `word` is cut, in increasing order.
/// At most a few cuts; returned in a fixed array to keep the hot path allocation-free.
pub fn cuts(lex: &Lexicon, word: &str) -> Cuts {
    let mut cuts = Cuts::default();
    if let Some(cut) = lex.contraction_cut(word) {
        cuts.push(cut);
        return cuts;
    }
    // Most words have no apostrophe (ASCII, or the first byte of `’`): skip them quickly.
    if !word.bytes().any(|b| b == b'\'' || b == 0xe2) {
        return cuts;
    }
    // Peel clitics from the right: `shouldn't've` → `should` + `n't` + `'ve`.
    let mut end = word.len();
    // At most four: bounds the work on adversarial input like "a's's's's...".
    while let Some(cut) = last_clitic(&word[..end]).filter(|_| cuts.len < cuts.at.len()) {
        cuts.push(cut);
        end = cut;
    }
    cuts.reverse();
    cuts
}

/// Where the last clitic of `word` starts, if it ends in one and something is left before it.
fn last_clitic(word: &str) -> Option<usize> {
    let (p, apostrophe) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let suffix = &word[p + apostrophe.len_utf8()..];
    if suffix.eq_ignore_ascii_case("t") {
        // `n't` takes the n along: `don't` → `do` + `n't`, `can't` → `ca` + `n't`.
        let n = p.checked_sub(1)?;
        return (n > 0 && word.as_bytes()[n].eq_ignore_ascii_case(&b'n')).then_some(n);
    }
    let is_clitic = APOSTROPHE_CLITICS.iter().any(|c| suffix.eq_ignore_ascii_case(c));
    (is_clitic && p > 0).then_some(p)
}

/// Up to four cut points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cuts {
    at: [usize; 4],
    len: usize,
}

impl Cuts {
    fn push(&mut self, cut: usize) {
        if self.len < self.at.len() {
            self.at[self.len] = cut;
            self.len += 1;
        }
    }

    fn reverse(&mut self) {
        self.at[..self.len].reverse();
    }

    pub fn as_slice(&self) -> &[usize] {
        &self.at[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(word: &str) -> Vec<&str> {
        let lex = Lexicon::embedded().unwrap();
        let mut out = Vec::new();
        let mut start = 0;
        for &cut in cuts(&lex, word).as_slice() {
            out.push(&word[start..cut]);
            start = cut;
        }
        out.push(&word[start..]);
        out
    }

    #[test]
    fn negation() {
        assert_eq!(pieces("don't"), ["do", "n't"]);
        assert_eq!(pieces("can't"), ["ca", "n't"]);
        assert_eq!(pieces("won’t"), ["wo", "n’t"]);
        assert_eq!(pieces("DIDN'T"), ["DID", "N'T"]);
        assert_eq!(pieces("n't"), ["n't"]);
    }

    #[test]
    fn apostrophe_clitics() {
        assert_eq!(pieces("it's"), ["it", "'s"]);
        assert_eq!(pieces("Iran’s"), ["Iran", "’s"]);
        assert_eq!(pieces("they're"), ["they", "'re"]);
        assert_eq!(pieces("I'm"), ["I", "'m"]);
        assert_eq!(pieces("we'll"), ["we", "'ll"]);
        assert_eq!(pieces("you've"), ["you", "'ve"]);
        assert_eq!(pieces("she'd"), ["she", "'d"]);
        assert_eq!(pieces("shouldn't've"), ["should", "n't", "'ve"]);
        assert_eq!(pieces("O'Neill's"), ["O'Neill", "'s"]);
    }

    #[test]
    fn listed_contractions_and_names() {
        assert_eq!(pieces("cannot"), ["can", "not"]);
        assert_eq!(pieces("Gonna"), ["Gon", "na"]);
        assert_eq!(pieces("O'Brien"), ["O'Brien"]);
        assert_eq!(pieces("o'clock"), ["o'clock"]);
        assert_eq!(pieces("'s"), ["'s"]);
    }
}
