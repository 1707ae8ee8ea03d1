//! Tying quotes to cues and speakers, and finding reported speech: [`Attributor::run`] drives
//! the passes over a document; `direct`, `speaker` and `reported` hold each pass's rules.

use std::ops::Range;

use chronicle_doc::{Quote, QuoteKind, Span, Speaker, Upos};

use crate::cues::{Cue, CueKind};
use crate::frames::{Frames, Takes, COMPLEMENTS, NOUN_COMPLEMENTS, VERB_COMPLEMENTS};
use crate::marks::Quoted;
use crate::phrase::Words;

mod direct;
mod reported;
mod speaker;

/// Tokens that are quotation marks.
const QUOTE_MARKS: &[&str] = &["\"", "“", "”", "«", "»", "„", "''", "``", "'", "`", "‘", "’"];
/// Pronouns that open an attribution after a quotation (`"…" he demanded`).
const PRONOUN_SPEAKERS: &[&str] = &["he", "she", "they", "we", "i", "you", "it", "who"];

/// How far (in tokens) a cue may stand from the quote it introduces: after it with only a
/// short speaker phrase between (`…," the minister told`), or, when the parse shows the words
/// between to be the cue's subject, up to `MAX_ATTRIBUTION_TAIL` (`…," Valdez Anderson, who
/// works at a heating company in Sacramento, said`).
const CUE_AFTER_QUOTE: usize = 4;
const MAX_ATTRIBUTION_TAIL: usize = 30;
/// How long the name or noun phrase may be that opens a speaker phrase (`Senate Majority
/// Leader Mitch McConnell`) before its appositions.
const MAX_SPEAKER_HEAD: usize = 8;
const CUE_BEFORE_QUOTE: usize = 12;
/// How long an attribution may be that splits one quotation in two
/// ("…,” said Luis Rubio, who heads a research centre. “…”).
const MAX_SPLIT_GAP: usize = 40;
/// How far (in characters) a cue-less quotation may open after the reported speech it goes
/// on (the rest of that sentence: `…, Schiff said. "`).
const MAX_FOLLOW_ON_GAP: usize = 80;
/// Quotes this short with no cue are scare quotes ("so-called 'experts'"), not speech.
const MIN_UNCUED_WORDS: usize = 8;

/// Participles whose speaker is the subject of the clause they hang on ("…, saying: …").
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "stressing",
    "arguing",
    "insisting",
    "claiming",
    "warning",
    "announcing",
    "emphasizing",
];

/// Speech verbs that take a bare clause ("said he would").
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "stressed",
    "warned",
    "noted",
    "insisted",
    "argued",
    "claimed",
    "believes",
    "thinks",
    "acknowledged",
    "admitted",
    "predicted",
    "suggested",
    "announced",
    "declared",
    "wrote",
    "writes",
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "claiming",
    "warning",
    "stressing",
    "asked",
    "asks",
    "asking",
    "told",
    "tells",
    "reported",
    "reports",
];
/// Cues whose content is a question or request that ends where its clause ends (`Asked
/// whether he would …, Christie said`, `asked the network to donate …`), not at the
/// sentence's end.
const ASKING: &[&str] = &["asked", "asks", "asking"];
/// Short phrases that may stand between a speech verb and its clause.
const LEAD_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "late",
    "early",
    "earlier",
    "last",
    "this",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "night",
    "a",
    "an",
    "the",
    "statement",
    "interview",
    "conference",
    "news",
    "briefing",
    "morning",
    "evening",
    ",",
];
/// Nominative pronouns that open a reported clause with no `that` (`said she has …`; not
/// `it` or `you`, which may be objects: `said it best when …`).
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];
/// Words that link a clause to what comes before it (`"…," which …`, `"…," though …`).
const CLAUSE_LINKS: &[&str] = &[
    "and", "but", "or", "nor", "so", "yet", "which", "that", "when", "while", "whereas", "though", "although", "as",
    "because", "if", "unless", "until", "after", "before", "since", "where", "then",
];
/// Words that open a clause: pronouns and determiners.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "the", "a", "an", "this", "there", "his", "her", "their", "its",
    "our", "no", "some", "many", "most", "all", "both", "only",
];

/// A quote being built, with the cue that introduced it (to keep cues from serving twice).
struct Found {
    quote: Quote,
    cue: Option<usize>,
}

pub(crate) struct Attributor<'a> {
    words: Words<'a>,
    /// Cues by sentence.
    cues: Vec<Vec<Cue>>,
    frames: &'a Frames,
}

impl<'a> Attributor<'a> {
    pub fn new(words: Words<'a>, cues: Vec<Vec<Cue>>, frames: &'a Frames) -> Attributor<'a> {
        Attributor { words, cues, frames }
    }

    fn sentence_range(&self, s: usize) -> Range<usize> {
        let r = &self.words.doc.sentences[s].tokens;
        r.start as usize..r.end as usize
    }

    fn tokens_in(&self, span: Span) -> Range<usize> {
        let tokens = &self.words.doc.tokens;
        let start = tokens.partition_point(|t| t.span.end <= span.start);
        let end = tokens.partition_point(|t| t.span.start < span.end);
        start..end.max(start)
    }

    fn sentence_of(&self, byte: usize) -> Option<usize> {
        let sentences = &self.words.doc.sentences;
        let i = sentences.partition_point(|s| (s.span.end as usize) <= byte);
        (i < sentences.len()).then_some(i)
    }

    pub fn run(&self, quoted: &[Quoted]) -> Vec<Quote> {
        let mut direct: Vec<Found> = Vec::new();
        for q in quoted {
            if let Some(f) = self.direct(q, direct.last().map(|f| &f.quote)) {
                direct.push(f);
            }
        }
        let mut found = self.join_split_quotes(direct);
        let used: Vec<usize> = found.iter().filter_map(|f| f.cue).collect();
        for s in 0..self.words.doc.sentences.len() {
            for cue in &self.cues[s] {
                if cue.strong
                    && !used.contains(&cue.first)
                    && !inside_quotes(quoted, self.words.doc.tokens[cue.first].span)
                {
                    if let Some(f) = self.reported(s, cue) {
                        found.push(f);
                    }
                }
            }
        }
        self.attitudes(&mut found, quoted);
        self.labelled_lines(&mut found, quoted);
        self.join_follow_on_quotes(&mut found);
        absorb_partial_quotes(&mut found, quoted);
        let mut quotes: Vec<Quote> = found.into_iter().map(|f| f.quote).collect();
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        quotes.dedup_by(|later, earlier| earlier.span.overlaps(later.span) && earlier.kind != QuoteKind::Indirect);
        quotes
    }

    fn has_words(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|i| !self.is_punct(i))
    }

    fn is_punct(&self, i: usize) -> bool {
        self.words.text(i).chars().all(|c| !c.is_alphanumeric())
    }

    fn paragraph_break_before(&self, i: usize) -> bool {
        let tokens = &self.words.doc.tokens;
        i > 0 && self.words.doc.text()[tokens[i - 1].span.end as usize..tokens[i].span.start as usize].contains('\n')
    }

    fn between_is_punct(&self, from: usize, to: usize) -> bool {
        (from..to).all(|i| self.words.text(i).chars().all(|c| !c.is_alphanumeric()))
    }
}

/// A quotation with no cue of its own inside reported speech ("According to the White House,
/// the leaders spoke of \"pragmatic diplomacy\"") is part of that speech, not a quote of its
/// own; reported speech holding a quotation is mixed.
fn absorb_partial_quotes(found: &mut Vec<Found>, quoted: &[Quoted]) {
    let containers: Vec<Span> = found
        .iter()
        .filter(|f| f.quote.kind == QuoteKind::Indirect)
        .map(|f| f.quote.span)
        .collect();
    found.retain(|f| {
        let q = &f.quote;
        !(q.kind == QuoteKind::Direct && f.cue.is_none() && containers.iter().any(|c| c.contains(q.span)))
    });
    for f in found.iter_mut() {
        let span = f.quote.span;
        if f.quote.kind == QuoteKind::Indirect && quoted.iter().any(|q| span.contains(q.content)) {
            f.quote.kind = QuoteKind::Mixed;
        }
    }
}

fn inside_quotes(quoted: &[Quoted], span: Span) -> bool {
    quoted.iter().any(|q| q.content.contains(span))
}

/// The token extent (half-open) of `head`'s subtree; `children` is indexed from `offset`.
fn subtree(children: &[Vec<usize>], offset: usize, head: usize) -> Range<usize> {
    let (mut low, mut high) = (head, head);
    let mut stack = vec![head];
    let mut visits = 0;
    // A parse is a tree; the bound only guards against a malformed one.
    while let Some(node) = stack.pop().filter(|_| visits <= children.len()) {
        visits += 1;
        low = low.min(node);
        high = high.max(node);
        stack.extend(children[node - offset].iter().copied());
    }
    low..high + 1
}
