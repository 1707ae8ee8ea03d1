//! Tying quotes to cues and speakers, and finding reported speech.

use std::ops::Range;

use chronicle_doc::{Quote, QuoteKind, Span, Speaker};

use crate::cues::{Cue, CueKind};
use crate::marks::Quoted;
use crate::phrase::Words;

/// How far (in tokens) a cue may stand from the quote it introduces.
const CUE_AFTER_QUOTE: usize = 4;
const CUE_BEFORE_QUOTE: usize = 12;
/// How long an attribution may be that splits one quotation in two
/// ("…,” said Luis Rubio, who heads a research centre. “…”).
const MAX_SPLIT_GAP: usize = 30;
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
];
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
}

impl<'a> Attributor<'a> {
    pub fn new(words: Words<'a>, cues: Vec<Vec<Cue>>) -> Attributor<'a> {
        Attributor { words, cues }
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
        absorb_partial_quotes(&mut found, quoted);
        let mut quotes: Vec<Quote> = found.into_iter().map(|f| f.quote).collect();
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        quotes.dedup_by(|later, earlier| earlier.span.overlaps(later.span) && earlier.kind != QuoteKind::Indirect);
        quotes
    }

    /// A direct quote with its cue and speaker, or `None` for a scare quote.
    fn direct(&self, q: &Quoted, previous: Option<&Quote>) -> Option<Found> {
        let doc = self.words.doc;
        let inside = self.tokens_in(Span::new(q.open, q.end));
        let first_sentence = self.sentence_of(q.open)?;
        let last_sentence = self.sentence_of(q.content.end as usize - 1).unwrap_or(first_sentence);
        let after = self.cues[last_sentence]
            .iter()
            .find(|c| c.first >= inside.end && c.first - inside.end <= CUE_AFTER_QUOTE && c.kind != CueKind::Noun);
        let before = self.cues[first_sentence]
            .iter()
            .rev()
            .find(|c| c.end <= inside.start && inside.start - c.end <= CUE_BEFORE_QUOTE);
        let words = inside
            .clone()
            .filter(|&i| !self.words.text(i).chars().all(|c| !c.is_alphanumeric()))
            .count();
        let (cue, sentence) = match (after, before) {
            (Some(c), _) => (Some(*c), last_sentence),
            (None, Some(c)) => (Some(*c), first_sentence),
            (None, None) => (None, first_sentence),
        };
        let mut quote = Quote {
            span: q.content,
            kind: QuoteKind::Direct,
            cue: None,
            speaker: None,
        };
        match cue {
            Some(cue) => {
                quote.cue = Some(self.cue_span(&cue));
                quote.speaker = self.speaker(&cue, sentence, Some(&inside));
                // Reported speech running into a partial quote: "…saying progress could be
                // 'only in an environment of de-escalation'" is one mixed quote.
                if before.is_some() && after.is_none() && cue.kind == CueKind::Verb {
                    let lead = self.lead_in(&cue, &inside);
                    // `said: "…"` and `told reporters, "…"` introduce a whole quotation;
                    // `said there remains a "significant difference"` quotes a part of speech.
                    let introduced = inside.start > 0 && matches!(self.words.text(inside.start - 1), "," | ":");
                    if !lead.is_empty() && !introduced {
                        let start = doc.tokens[lead.start].span.start as usize;
                        let end = q.end;
                        quote.span = Span::new(start, end);
                        quote.kind = QuoteKind::Mixed;
                    }
                }
            }
            None => {
                let opens_sentence = doc.sentences[first_sentence].span.start as usize >= q.open.saturating_sub(1);
                if opens_sentence {
                    if let Some((speaker, announcing)) = self.follow_on_speaker(first_sentence, previous) {
                        quote.speaker = speaker;
                        return Some(Found { cue: announcing, quote });
                    }
                }
                if words < MIN_UNCUED_WORDS {
                    return None;
                }
            }
        }
        Some(Found {
            cue: cue.map(|c| c.first),
            quote,
        })
    }

    /// One quotation split by its attribution is one quote: “Here he is,” she said. “Come in.”
    /// (the second part takes the same cue, or none, and follows right after the cue).
    fn join_split_quotes(&self, found: Vec<Found>) -> Vec<Found> {
        let mut joined: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(previous) = joined.last_mut().filter(|p| p.quote.span.end <= f.quote.span.start) {
                let both_direct = previous.quote.kind == QuoteKind::Direct && f.quote.kind == QuoteKind::Direct;
                let previous_cue = previous.cue.filter(|&c| {
                    let cue_span = self.words.doc.tokens[c].span;
                    previous.quote.span.end <= cue_span.start && cue_span.end <= f.quote.span.start
                });
                let gap = self
                    .tokens_in(Span::new(previous.quote.span.end as usize, f.quote.span.start as usize))
                    .len();
                let same_cue = previous_cue.is_some() && (f.cue == previous_cue || f.cue.is_none());
                let same_paragraph = !self.words.doc.text()
                    [previous.quote.span.end as usize..f.quote.span.start as usize]
                    .contains("\n\n");
                if both_direct && same_cue && same_paragraph && gap <= MAX_SPLIT_GAP {
                    previous.quote.span = previous.quote.span.cover(f.quote.span);
                    continue;
                }
            }
            joined.push(f);
        }
        joined
    }

    /// Tokens between a cue and the quote it introduces, less a leading "that" and
    /// punctuation: the reported part of a mixed quote.
    fn lead_in(&self, cue: &Cue, inside: &Range<usize>) -> Range<usize> {
        let mut start = cue.end;
        while start < inside.start
            && (self.words.lower[start] == "that" || self.words.text(start).chars().all(|c| !c.is_alphanumeric()))
        {
            start += 1;
        }
        start..inside.start
    }

    /// The speaker of a quote that opens its sentence with no cue of its own: the speaker
    /// announced by a previous sentence ending in a colon (with that sentence's cue), or the
    /// previous quote's if it is near.
    fn follow_on_speaker(&self, sentence: usize, previous: Option<&Quote>) -> Option<(Option<Speaker>, Option<usize>)> {
        if sentence > 0 {
            let prev = &self.words.doc.sentences[sentence - 1];
            if self.words.doc.text()[prev.span.range()].trim_end().ends_with(':') {
                if let Some(cue) = self.cues[sentence - 1].last() {
                    return Some((self.speaker(cue, sentence - 1, None), Some(cue.first)));
                }
            }
        }
        let previous = previous?;
        let previous_sentence = self.sentence_of(previous.span.end as usize)?;
        let speaker = previous.speaker.clone()?;
        (sentence - previous_sentence <= 3).then_some((Some(speaker), None))
    }

    fn cue_span(&self, cue: &Cue) -> Span {
        let tokens = &self.words.doc.tokens;
        tokens[cue.first].span.cover(tokens[cue.end - 1].span)
    }

    /// The speaker of a cue in `sentence`; `quote` is the quote's tokens, when there is one.
    fn speaker(&self, cue: &Cue, sentence: usize, quote: Option<&Range<usize>>) -> Option<Speaker> {
        let range = self.sentence_range(sentence);
        let phrase = match cue.kind {
            CueKind::Source => self.words.phrase_after(cue.end, &range),
            CueKind::Noun => None,
            CueKind::Verb if PARTICIPLES.contains(&self.words.lower[cue.first].as_str()) => {
                self.words.clause_subject(cue.first, &range)
            }
            CueKind::Verb => {
                let quote_before_cue = quote.is_some_and(|q| q.end <= cue.first);
                let inverted = quote_before_cue && self.between_is_punct(quote.map_or(cue.first, |q| q.end), cue.first);
                if inverted {
                    // "…," said Yuri Ushakov
                    self.words
                        .phrase_after(cue.end, &range)
                        .or_else(|| self.words.subject(cue.first, &range))
                } else {
                    let floor = if quote_before_cue {
                        quote.map_or(range.start, |q| q.end)
                    } else {
                        range.start
                    };
                    self.words.subject(cue.first, &(floor..range.end))
                }
            }
        }?;
        Some(self.speaker_from(phrase))
    }

    fn between_is_punct(&self, from: usize, to: usize) -> bool {
        (from..to).all(|i| self.words.text(i).chars().all(|c| !c.is_alphanumeric()))
    }

    fn speaker_from(&self, phrase: Range<usize>) -> Speaker {
        let doc = self.words.doc;
        let span = doc.tokens[phrase.start].span.cover(doc.tokens[phrase.end - 1].span);
        let mention = doc
            .mentions
            .iter()
            .filter(|m| m.span.overlaps(span))
            .max_by_key(|m| m.span.len());
        Speaker {
            span,
            actor: mention.and_then(|m| m.actor.clone()),
            canonical: mention.and_then(|m| m.canonical.clone()),
        }
    }

    /// Reported speech around a strong cue: "X said (that) …", "…, X said", "According to X, …".
    fn reported(&self, sentence: usize, cue: &Cue) -> Option<Found> {
        let doc = self.words.doc;
        let range = self.sentence_range(sentence);
        let end = self.content_end(&range);
        let content = match cue.kind {
            CueKind::Source => {
                let source = self.words.phrase_after(cue.end, &range)?;
                if cue.first > range.start + 2 {
                    range.start..self.comma_before(cue.first, &range)?
                } else {
                    let comma = (source.end..end).find(|&i| self.words.text(i) == ",")?;
                    comma + 1..end
                }
            }
            CueKind::Noun => return None,
            CueKind::Verb => {
                let that = (cue.end..end.min(cue.end + 6)).find(|&i| self.words.lower[i] == "that");
                match that {
                    Some(that) => that..end,
                    None if self.ends_sentence(cue, &range, end) => {
                        range.start..self.comma_before(cue.first, &range)?
                    }
                    None => self.clause_after(cue, end)?..end,
                }
            }
        };
        if content.len() < 3 || content.end > end || content.start >= content.end {
            return None;
        }
        let span = doc.tokens[content.start].span.cover(doc.tokens[content.end - 1].span);
        let speaker = self.speaker(cue, sentence, None);
        let quote = Quote {
            span,
            kind: QuoteKind::Indirect,
            cue: Some(self.cue_span(cue)),
            speaker,
        };
        Some(Found {
            quote,
            cue: Some(cue.first),
        })
    }

    /// Where a complement clause without "that" starts after a speech verb: the parse's
    /// clausal complement when there is one, else the first word that can open a clause
    /// ("said *he* would", "says *the* plan failed") after at most a short time or place
    /// phrase ("said on Monday the talks …").
    fn clause_after(&self, cue: &Cue, end: usize) -> Option<usize> {
        if !SAYING.contains(&self.words.lower[cue.first].as_str()) {
            return None;
        }
        let doc = self.words.doc;
        if doc.has(chronicle_doc::Layers::PARSE) {
            let clause = (cue.end..end).find(|&i| {
                doc.tokens[i].head == Some(cue.first as u32)
                    && matches!(doc.tokens[i].deprel, Some("ccomp" | "parataxis"))
            })?;
            let first = (cue.end..=clause).find(|&i| {
                let mut head = Some(i as u32);
                // the first token whose chain of heads reaches the clause
                for _ in 0..8 {
                    match head {
                        Some(h) if h as usize == clause => return true,
                        Some(h) => head = doc.tokens[h as usize].head,
                        None => return false,
                    }
                }
                false
            })?;
            return (end - first >= 3).then_some(first);
        }
        let mut in_phrase = false; // inside "on Friday", "in a statement"
        for start in cue.end..end.min(cue.end + 6) {
            let word = self.words.lower[start].as_str();
            let article = matches!(word, "the" | "a" | "an");
            if LEAD_WORDS.contains(&word) && (!article || in_phrase) {
                in_phrase = matches!(word, "on" | "in" | "at") || (in_phrase && article);
                continue;
            }
            let opens = CLAUSE_OPENERS.contains(&word) || self.words.text(start).starts_with(char::is_uppercase);
            return (opens && end - start >= 4).then_some(start);
        }
        None
    }

    /// Whether the cue closes its sentence: "…, officials said." or "…, said a spokesman."
    fn ends_sentence(&self, cue: &Cue, range: &Range<usize>, end: usize) -> bool {
        if PARTICIPLES.contains(&self.words.lower[cue.first].as_str()) {
            return false; // "…, saying:" announces what follows
        }
        let tail = end.saturating_sub(cue.end);
        let Some(comma) = self.comma_before(cue.first, range) else {
            return false;
        };
        cue.first - comma <= 5 && tail <= 6 && comma > range.start + 2
    }

    /// The last comma shortly before `cue` (the end of content that precedes its cue).
    fn comma_before(&self, cue: usize, range: &Range<usize>) -> Option<usize> {
        (range.start..cue).rev().take(6).find(|&i| self.words.text(i) == ",")
    }

    /// Where a sentence's content ends: before its final punctuation.
    fn content_end(&self, range: &Range<usize>) -> usize {
        let mut end = range.end;
        while end > range.start && self.words.text(end - 1).chars().all(|c| !c.is_alphanumeric()) {
            end -= 1;
        }
        end
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
