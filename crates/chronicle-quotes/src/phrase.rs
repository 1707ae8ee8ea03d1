//! Finding the speaker's noun phrase next to a cue: from the parse when there is one, else
//! from word order and capitalisation.

use std::ops::Range;

use chronicle_doc::{Document, Layers, Upos};

/// Words that may sit between a subject and its speech verb ("Putin also said").
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "later",
    "then",
    "again",
    "earlier",
    "previously",
    "repeatedly",
    "once",
    "would",
    "will",
    "is",
    "was",
    "were",
    "are",
    "further",
    "reportedly",
    "recently",
    "quickly",
    "privately",
    "publicly",
    "separately",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "another", "one", "two", "several", "some", "many", "both", "other",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who"];
/// Words that end a phrase read forwards ("said a spokesman for the ministry on Monday").
const STOPS: &[&str] = &[
    "that", "on", "in", "at", "when", "after", "before", "during", "while", "who", "which", "and", "but", "to", "as",
    "was", "is", "has", "had", "told", "said", "says", "late", "earlier", "this", "last", "adding",
];

/// Read-only view of a document's tokens for phrase finding.
pub(crate) struct Words<'a> {
    pub doc: &'a Document,
    /// Lower-cased token texts, by document token index.
    pub lower: Vec<String>,
    parsed: bool,
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Document) -> Words<'a> {
        let lower = doc.tokens.iter().map(|t| doc.slice(t.span).to_lowercase()).collect();
        Words {
            doc,
            lower,
            parsed: doc.has(Layers::PARSE),
        }
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    fn is_punct(&self, i: usize) -> bool {
        self.text(i).chars().all(|c| !c.is_alphanumeric())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.lower[i].as_str())
    }

    /// The speaker of a speech verb at `cue`, looked for in `sentence` (token range):
    /// the parse's subject where the parse has one, else the phrase word order suggests.
    pub fn subject(&self, cue: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
        if self.parsed {
            if let Some(subject) = self.parsed_subject(cue, sentence) {
                return Some(subject);
            }
        }
        self.phrase_before(cue, sentence)
    }

    /// The subject of the clause a participle hangs on ("Biden stressed …, saying …"): the
    /// parse's, else the phrase that opens the sentence.
    pub fn clause_subject(&self, participle: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
        if self.parsed {
            // `footage of Trump saying …`: a participle on a noun is that noun's.
            let token = &self.doc.tokens[participle];
            if let (Some("acl"), Some(head)) = (token.deprel, token.head) {
                let head = head as usize;
                if sentence.contains(&head)
                    && matches!(self.doc.tokens[head].upos, Some(Upos::Noun | Upos::Propn | Upos::Pron))
                {
                    return Some(self.compact_phrase(head));
                }
            }
            if let Some(subject) = self.parsed_subject(participle, sentence) {
                return Some(subject);
            }
        }
        let start = sentence.start;
        let mut end = start;
        if end < sentence.end && self.is(end, PRONOUNS) {
            return Some(end..end + 1);
        }
        if end < sentence.end && self.is(end, DETERMINERS) {
            // Untagged, only a short phrase is safe: "The representative", "An official".
            end += 1;
            while end < sentence.end && end - start < 3 && self.is_noun_like(end) && !self.lower[end].ends_with("ed") {
                end += 1;
            }
        } else {
            while end < sentence.end && self.capitalised(end) && !self.is_punct(end) {
                end += 1;
            }
        }
        (end > start + usize::from(self.is(start, DETERMINERS))).then_some(start..end)
    }

    fn parsed_subject(&self, cue: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
        let mut verb = cue;
        // Climb from a participle or coordinated verb ("…, saying", "and added") to the verb
        // whose subject it shares.
        for _ in 0..3 {
            let subject = sentence.clone().find(|&i| {
                self.doc.tokens[i].head == Some(verb as u32)
                    && matches!(self.doc.tokens[i].deprel, Some("nsubj" | "nsubj:pass"))
            });
            if let Some(s) = subject {
                return Some(self.compact_phrase(s));
            }
            let token = &self.doc.tokens[verb];
            match (token.deprel, token.head) {
                (Some("advcl" | "xcomp" | "conj" | "parataxis" | "ccomp"), Some(head)) => verb = head as usize,
                _ => return None,
            }
        }
        None
    }

    /// A head word with its determiners, modifiers and name parts: "An official",
    /// "Yuri Ushakov", "the Russian president" (not its relative clauses or appositions).
    pub fn compact_phrase(&self, head: usize) -> Range<usize> {
        let keeps = |i: usize| {
            self.doc.tokens[i].head == Some(head as u32)
                && matches!(
                    self.doc.tokens[i].deprel,
                    Some("det" | "compound" | "flat" | "flat:name" | "amod" | "nummod" | "nmod:poss" | "det:poss")
                )
        };
        let mut start = head;
        while start > 0 && keeps(start - 1) {
            start -= 1;
        }
        let mut end = head + 1;
        while end < self.doc.tokens.len() && keeps(end) {
            end += 1;
        }
        start..end
    }

    /// The noun phrase just before `cue`: a pronoun, a run of capitalised words, or a
    /// determiner with what follows it ("the official", "another source").
    pub fn phrase_before(&self, cue: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
        let mut end = cue;
        while end > sentence.start && self.is(end - 1, BETWEEN_SUBJECT_AND_VERB) {
            end -= 1;
        }
        if end == sentence.start || self.is_punct(end - 1) {
            return None;
        }
        if self.is(end - 1, PRONOUNS) {
            return Some(end - 1..end);
        }
        let mut start = end;
        while start > sentence.start && end - start < 6 {
            let i = start - 1;
            if self.is_punct(i) && self.text(i) != "." && self.text(i) != "-" {
                break;
            }
            if self.is(i, DETERMINERS) {
                start = i;
                break;
            }
            if !self.capitalised(i) && !self.is_noun_like(i) {
                break;
            }
            start = i;
        }
        (start < end).then_some(start..end)
    }

    /// The noun phrase starting at `start`: "Yuri Ushakov", "a spokesman for the ministry".
    pub fn phrase_after(&self, start: usize, sentence: &Range<usize>) -> Option<Range<usize>> {
        let mut end = start;
        if end < sentence.end && self.is(end, PRONOUNS) {
            return Some(end..end + 1);
        }
        if end < sentence.end && self.is(end, DETERMINERS) {
            end += 1;
        }
        while end < sentence.end && end - start < 7 {
            if self.is_punct(end) && self.text(end) != "." || self.is(end, STOPS) {
                break;
            }
            if !self.capitalised(end) && !self.is_noun_like(end) && !self.is(end, &["for", "of"]) {
                break;
            }
            end += 1;
        }
        while end > start && self.is(end - 1, &["for", "of"]) {
            end -= 1;
        }
        (end > start && !(end == start + 1 && self.is(start, DETERMINERS))).then_some(start..end)
    }

    /// Whether a lower-case word may be part of a noun phrase: by its tag where tagged,
    /// else any word that is not a known function word.
    fn is_noun_like(&self, i: usize) -> bool {
        match self.doc.tokens[i].upos {
            Some(upos) => matches!(upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num),
            None => {
                !self.is(i, STOPS)
                    && !self.is(i, BETWEEN_SUBJECT_AND_VERB)
                    && self.lower[i].chars().all(char::is_alphabetic)
            }
        }
    }
}
