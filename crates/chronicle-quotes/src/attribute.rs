//! Tying quotes to cues and speakers, and finding reported speech.

use std::ops::Range;

use chronicle_doc::{Quote, QuoteKind, Span, Speaker};

use crate::cues::{Cue, CueKind};
use crate::frames::{Frames, COMPLEMENTS};
use crate::marks::Quoted;
use crate::phrase::Words;
use chronicle_doc::Upos;

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
        absorb_partial_quotes(&mut found, quoted);
        let mut quotes: Vec<Quote> = found.into_iter().map(|f| f.quote).collect();
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
        quotes.dedup_by(|later, earlier| earlier.span.overlaps(later.span) && earlier.kind != QuoteKind::Indirect);
        quotes
    }

    /// A direct quote with its cue and speaker, or `None` for a scare quote. A quotation that
    /// is only part of its sentence's content (`The party "allows us to get our message out,"
    /// said Coleman`, `Trump accused him of "sleaze"`) is a mixed quote spanning that content.
    fn direct(&self, q: &Quoted, previous: Option<&Quote>) -> Option<Found> {
        let doc = self.words.doc;
        let inside = self.tokens_in(Span::new(q.open, q.end));
        if inside.is_empty() {
            return None;
        }
        let first_sentence = self.sentence_of(q.open)?;
        if self.nickname(&inside) {
            return None;
        }
        let after = self.cue_after(&inside);
        let before = self.cues[first_sentence]
            .iter()
            .rev()
            .find(|c| c.end <= inside.start && inside.start - c.end <= CUE_BEFORE_QUOTE);
        let words = inside
            .clone()
            .filter(|&i| !self.words.text(i).chars().all(|c| !c.is_alphanumeric()))
            .count();
        let (cue, sentence) = match (after, before) {
            (Some((c, s)), _) => (Some(c), s),
            (None, Some(c)) => (Some(*c), first_sentence),
            (None, None) => (None, first_sentence),
        };
        let mut quote = Quote {
            span: q.content,
            kind: QuoteKind::Direct,
            cue: None,
            speaker: None,
        };
        let lead = self.words_before(&inside, first_sentence);
        let mut announcing = None;
        let mut introduced = false;
        match cue {
            Some(cue) => {
                quote.cue = Some(self.cue_span(&cue));
                quote.speaker = self.speaker(&cue, sentence, Some(&inside));
            }
            None => {
                if let Some(speaker) = self.dash_speaker(&inside) {
                    // `"…" ― Carlos Raúl`
                    quote.speaker = Some(speaker);
                    introduced = true;
                } else if let Some(speaker) = self.introduced_speaker(&inside) {
                    // `he returned to his familiar lines: "…"`, `Mr. Trump yelled, "Out!"`
                    quote.speaker = speaker;
                    introduced = true;
                } else {
                    let opens_sentence = lead.is_empty();
                    let follow_on = opens_sentence
                        .then(|| self.follow_on_speaker(first_sentence, previous))
                        .flatten();
                    if let Some((speaker, cue)) = follow_on {
                        quote.speaker = speaker;
                        announcing = cue;
                    } else if words < MIN_UNCUED_WORDS {
                        return None;
                    }
                }
            }
        }
        // Content before the quotation: a partial quote.
        // A cue right before the quotation rules over one after it when it introduces it.
        let before = before.filter(|_| after.is_none() || self.introduced_by_punct(&inside));
        let fragment_start = match before {
            Some(c) if c.kind == CueKind::Verb => {
                // `said there remains a "significant difference"` quotes a part of the
                // speech; `said: "…"` and `told reporters, "…"` introduce a whole quotation.
                let lead_in = self.lead_in(c, &inside);
                let introduced = self.introduced_by_punct(&inside);
                // `Instead, Axelrod said, "she started as …"`: the quotation goes on from the
                // words before its parenthetical attribution.
                let speaker_start = quote
                    .speaker
                    .as_ref()
                    .map_or(c.first, |s| self.tokens_in(s.span).start.min(c.first));
                // Not when the words before are the attribution of a quotation just closed
                // (`"A," Mr. Obama said, "and B"`): that is one quotation split in two.
                let goes_on =
                    self.starts_lowercase(&inside) && lead.start < speaker_start && !self.follows_quotation(lead.start);
                // `said that "…"`: the quotation goes on the reported clause "that" opens.
                let that = (c.end..inside.start)
                    .rev()
                    .find(|&i| !self.is_punct(i))
                    .filter(|&i| self.words.lower[i] == "that");
                if goes_on {
                    Some(lead.start)
                } else if let Some(that) = that {
                    Some(that)
                } else {
                    (!lead_in.is_empty() && !introduced).then_some(lead_in.start)
                }
            }
            Some(c) if c.kind == CueKind::Source => {
                // "According to X, the leaders spoke of "…"": the content follows the source.
                let start = (c.end..inside.start)
                    .find(|&i| self.words.text(i) == ",")
                    .map(|i| i + 1);
                start.filter(|&s| self.has_words(s..inside.start))
            }
            _ if !lead.is_empty() && !introduced && !self.introduced_by(&inside, ":") => Some(lead.start),
            _ => None,
        };
        // Content after the quotation: `"…" that would respond to requests`.
        // Not after a quotation a verb introduces whole (`repeatedly says, "Don't do it," until
        // shots are heard`, `protesters chanted "What curfew?" and kept going`): the words
        // after it go on with the sentence that quotes it.
        let whole = before.is_some_and(|c| c.kind == CueKind::Verb && self.lead_in(c, &inside).is_empty())
            && (self.introduced_by_punct(&inside) || self.full_sentence(&inside));
        let continuation = match after {
            None if !(whole || introduced && self.introduced_by(&inside, ",")) => self.continuation(&inside),
            _ => None,
        };
        if fragment_start.is_some() || continuation.is_some() {
            let start = fragment_start.map_or(q.content.start as usize, |i| doc.tokens[i].span.start as usize);
            let end = continuation.map_or(q.end, |i| doc.tokens[i - 1].span.end as usize);
            quote.span = Span::new(start, end.max(q.end));
            quote.kind = QuoteKind::Mixed;
        }
        Some(Found {
            cue: cue.map(|c| c.first).or(announcing),
            quote,
        })
    }

    /// The words of the quotation's sentence before its opening mark, less punctuation and
    /// anything up to an earlier quotation or sentence end the splitter left in.
    fn words_before(&self, inside: &Range<usize>, sentence: usize) -> Range<usize> {
        let range = self.sentence_range(sentence);
        let floor = range.start.min(inside.start);
        let mut start = (floor..inside.start)
            .rev()
            .find(|&i| QUOTE_MARKS.contains(&self.words.text(i)) || matches!(self.words.text(i), "." | "?" | "!"))
            .map_or(floor, |i| i + 1);
        // A line break ends what the splitter may have run together.
        if let Some(line) = (start + 1..=inside.start)
            .rev()
            .find(|&i| self.paragraph_break_before(i))
        {
            start = line;
        }
        let mut end = inside.start;
        while end > start && self.is_punct(end - 1) {
            end -= 1;
        }
        while start < end && self.is_punct(start) {
            start += 1;
        }
        start..end
    }

    /// Whether the opening mark comes right after `mark` (`said: "…"`).
    fn introduced_by(&self, inside: &Range<usize>, mark: &str) -> bool {
        inside.start > 0 && self.words.text(inside.start - 1) == mark
    }

    fn introduced_by_punct(&self, inside: &Range<usize>) -> bool {
        self.introduced_by(inside, ",") || self.introduced_by(inside, ":")
    }

    /// Whether the tokens before `start` (punctuation aside) end with a quotation mark.
    fn follows_quotation(&self, start: usize) -> bool {
        let mut i = start;
        while i > 0 {
            i -= 1;
            let text = self.words.text(i);
            if QUOTE_MARKS.contains(&text) {
                // A quotation that ended with a comma (`"A,"`) leaves its sentence open.
                let mut j = i;
                while j > 0 && QUOTE_MARKS.contains(&self.words.text(j - 1)) {
                    j -= 1;
                }
                return j > 0 && self.words.text(j - 1) == ",";
            }
            if !self.is_punct(i) || self.paragraph_break_before(i + 1) {
                return false;
            }
        }
        false
    }

    /// A nickname between the parts of a name (`Marcia "Cia" Price`): one or two capitalised
    /// words in quotation marks with a capitalised word on each side.
    fn nickname(&self, inside: &Range<usize>) -> bool {
        let words: Vec<usize> = inside.clone().filter(|&i| !self.is_punct(i)).collect();
        if words.is_empty() || words.len() > 2 || inside.start == 0 || inside.end >= self.words.doc.tokens.len() {
            return false;
        }
        let capital = |i: usize| self.words.text(i).starts_with(char::is_uppercase);
        let before = inside.start - 1;
        let inside_text = &self.words.doc.text()[self.words.doc.tokens[inside.start].span.start as usize
            ..self.words.doc.tokens[inside.end - 1].span.end as usize];
        words.iter().all(|&i| capital(i))
            && capital(before)
            && capital(inside.end)
            && !inside_text.contains(['.', ',', '!', '?'])
            && !self.paragraph_break_before(inside.start)
            && !self.paragraph_break_before(inside.end)
            && self
                .sentence_of(self.words.doc.tokens[before].span.start as usize)
                .is_none_or(|s| self.sentence_range(s).start != before)
    }

    /// The name or noun phrase that opens a speaker phrase: up to its first comma.
    fn speaker_head(&self, between: Range<usize>) -> Range<usize> {
        let end = between
            .clone()
            .find(|&i| self.words.text(i) == ",")
            .unwrap_or(between.end);
        between.start..end
    }

    /// Whether a quotation is a whole sentence: a capital first word and a final `.`, `?` or
    /// `!` inside the marks (`"What curfew?"`).
    fn full_sentence(&self, inside: &Range<usize>) -> bool {
        let first = inside.clone().find(|&i| !self.is_punct(i));
        let last = inside
            .clone()
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)));
        first.is_some_and(|i| self.words.text(i).starts_with(char::is_uppercase))
            && last.is_some_and(|i| matches!(self.words.text(i), "." | "?" | "!"))
    }

    /// Whether a quotation's first word is lower-case (`"is deeply regrettable"`).
    fn starts_lowercase(&self, inside: &Range<usize>) -> bool {
        let first = inside.clone().find(|&i| !self.is_punct(i));
        first.is_some_and(|i| self.words.text(i).starts_with(char::is_lowercase))
    }

    fn has_words(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|i| !self.is_punct(i))
    }

    fn is_punct(&self, i: usize) -> bool {
        self.words.text(i).chars().all(|c| !c.is_alphanumeric())
    }

    /// The speech cue of a quotation that comes after it: the first cue in the rest of its
    /// paragraph, when only punctuation or the cue's subject stands between
    /// (`…," said X`, `…," X said`, `…?" X asked.` even where the splitter ended a sentence
    /// at the closing mark). Returns the cue and its sentence.
    fn cue_after(&self, inside: &Range<usize>) -> Option<(Cue, usize)> {
        let doc = self.words.doc;
        let start = inside.end;
        // A quotation closed by a full stop ends its sentence: `"It was a mistake." He said …`
        // starts another.
        let last_inside = self.words.text(inside.end - 1);
        let last_word = (inside.start..inside.end)
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)));
        if QUOTE_MARKS.contains(&last_inside) && last_word.is_some_and(|i| self.words.text(i) == ".") {
            return None;
        }
        if self.continuation(inside).is_some() {
            return None;
        }
        let limit = doc.tokens.len().min(start + MAX_ATTRIBUTION_TAIL);
        for i in start..limit {
            let text = self.words.text(i);
            if QUOTE_MARKS.contains(&text) || self.paragraph_break_before(i) {
                return None;
            }
            let sentence = self.sentence_of(doc.tokens[i].span.start as usize)?;
            if let Some(cue) = self.cues[sentence]
                .iter()
                .find(|c| c.first == i && c.kind != CueKind::Noun)
            {
                return self.attributes(cue, sentence, start).then_some((*cue, sentence));
            }
            if i > start && matches!(text, "." | "?" | "!" | ";") {
                return None;
            }
        }
        None
    }

    /// Whether a cue after a quotation ending at token `start` attributes it: the cue follows
    /// at once, or the words between are its subject.
    fn attributes(&self, cue: &Cue, sentence: usize, start: usize) -> bool {
        if self.between_is_punct(start, cue.first) {
            return true;
        }
        if cue.kind != CueKind::Verb {
            return false;
        }
        let first_word = (start..cue.first).find(|&i| !self.is_punct(i)).unwrap_or(cue.first);
        if self.words.doc.has(chronicle_doc::Layers::PARSE) {
            let range = self.sentence_range(sentence);
            let floor = first_word.max(range.start);
            // The subject's head stands between, the rest being its modifiers
            // (`former Florida governor Jeb Bush`, `X, who heads a research centre,`).
            if let Some(subject) = self.words.subject(cue.first, &(floor..range.end)) {
                if subject.start >= first_word && subject.start < cue.first {
                    return true;
                }
            }
        }
        cue.first - first_word <= CUE_AFTER_QUOTE || self.speaker_phrase(first_word..cue.first)
    }

    /// Whether the words between a quotation and a cue after it read as a speaker phrase with
    /// appositions (`Senate Majority Leader Mitch McConnell, R-Ky.,`, `Scott Pruitt, the
    /// attorney general of Oklahoma, one of the states suing the agency,`) where the parse
    /// does not show it: a name or noun phrase with no verb up to its first comma, and, when
    /// appositions follow, a comma right before the cue.
    fn speaker_phrase(&self, between: Range<usize>) -> bool {
        if between.is_empty() || between.len() > MAX_ATTRIBUTION_TAIL {
            return false;
        }
        let doc = self.words.doc;
        let head_end = between
            .clone()
            .find(|&i| self.words.text(i) == ",")
            .unwrap_or(between.end);
        if head_end == between.start || head_end - between.start > MAX_SPEAKER_HEAD {
            return false;
        }
        let first = self.words.text(between.start);
        let opens = first.starts_with(char::is_uppercase)
            || matches!(self.words.lower[between.start].as_str(), "the" | "a" | "an");
        let head_is_noun_phrase = (between.start..head_end).all(|i| match doc.tokens[i].upos {
            Some(upos) => {
                matches!(
                    upos,
                    Upos::Propn
                        | Upos::Noun
                        | Upos::Adj
                        | Upos::Det
                        | Upos::Num
                        | Upos::Punct
                        | Upos::Adp
                        | Upos::Cconj
                ) || (upos == Upos::Pron && i > between.start)
            }
            None => {
                let w = self.words.text(i);
                w.starts_with(char::is_uppercase)
                    || self.is_punct(i)
                    || matches!(self.words.lower[i].as_str(), "the" | "a" | "an" | "of" | "and")
            }
        });
        let closed = head_end == between.end || self.words.text(between.end - 1) == ",";
        opens && head_is_noun_phrase && closed
    }

    fn paragraph_break_before(&self, i: usize) -> bool {
        let tokens = &self.words.doc.tokens;
        i > 0 && self.words.doc.text()[tokens[i - 1].span.end as usize..tokens[i].span.start as usize].contains('\n')
    }

    /// Where the content of a quotation goes on after its closing mark
    /// (`"…" for second place.`): the end (exclusive token) of that run, up to a comma or the
    /// sentence's end, when the next word continues the sentence.
    fn continuation(&self, inside: &Range<usize>) -> Option<usize> {
        let doc = self.words.doc;
        let next = inside.end;
        if next >= doc.tokens.len() || self.paragraph_break_before(next) {
            return None;
        }
        let word = self.words.text(next);
        let sentence = self.sentence_of(doc.tokens[next].span.start as usize)?;
        // Not an attribution: a speaker phrase (`he`, `former governor X`) or a cue (`said X`).
        // Untagged text gives too little to tell a continuation from a speaker phrase.
        let continues = doc.tokens[next].upos.is_some()
            && word.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                doc.tokens[next].upos,
                Some(Upos::Pron | Upos::Propn | Upos::Det | Upos::Noun | Upos::Num | Upos::Adj)
            )
            && !PRONOUN_SPEAKERS.contains(&self.words.lower[next].as_str())
            && !self.cues[sentence].iter().any(|c| c.first == next);
        if !continues {
            return None;
        }
        let range = self.sentence_range(sentence);
        let end = (next..range.end)
            .find(|&i| {
                matches!(self.words.text(i), "," | ";" | "." | "?" | "!") || QUOTE_MARKS.contains(&self.words.text(i))
            })
            .unwrap_or(range.end);
        (end > next).then_some(end)
    }

    /// The name a dash puts after a quotation to sign it (`"…" ― Carlos Raúl`), running to the
    /// end of its line.
    fn dash_speaker(&self, inside: &Range<usize>) -> Option<Speaker> {
        let doc = self.words.doc;
        let dash = inside.end;
        if dash >= doc.tokens.len() || !matches!(self.words.text(dash), "―" | "—" | "–" | "-" | "--") {
            return None;
        }
        let start = dash + 1;
        let mut end = start;
        while end < doc.tokens.len() && end - start < 8 && !self.paragraph_break_before(end) && !self.is_punct(end) {
            end += 1;
        }
        let at_line_end = end >= doc.tokens.len()
            || self.paragraph_break_before(end)
            || (matches!(self.words.text(end), "." | ",")
                && (end + 1 >= doc.tokens.len() || self.paragraph_break_before(end + 1)));
        let name = end > start && self.words.text(start).starts_with(char::is_uppercase);
        (name && at_line_end).then(|| self.speaker_from(start..end))
    }

    /// The speaker of a quotation that a clause introduces with a colon or, after a verb, a
    /// comma, when no speech cue does: the subject of that clause (`he returned to his familiar
    /// lines: "…"`, `Mr. Trump yelled, "Out!"`), or the name before a bare colon
    /// (`Michael P. McDonald: "…"`). `None` when the quotation is not so introduced.
    fn introduced_speaker(&self, inside: &Range<usize>) -> Option<Option<Speaker>> {
        let doc = self.words.doc;
        if inside.start == 0 {
            return None;
        }
        let mark = inside.start - 1;
        let colon = self.words.text(mark) == ":";
        if !colon && self.words.text(mark) != "," {
            return None;
        }
        let sentence = self.sentence_of(doc.tokens[mark].span.start as usize)?;
        let range = self.sentence_range(sentence);
        if mark <= range.start {
            return None;
        }
        let parsed = doc.has(chronicle_doc::Layers::PARSE);
        let verb_before = mark - 1;
        if !colon && doc.tokens[verb_before].upos != Some(Upos::Verb) {
            return None;
        }
        if parsed {
            // Climb from the word before the mark to its clause's verb.
            let mut verb = verb_before;
            for _ in 0..6 {
                if doc.tokens[verb].upos == Some(Upos::Verb) {
                    break;
                }
                match doc.tokens[verb].head {
                    Some(h) if range.contains(&(h as usize)) => verb = h as usize,
                    _ => break,
                }
            }
            if let Some(subject) = self.words.subject(verb, &(range.start..mark)) {
                if subject.end <= mark {
                    return Some(Some(self.speaker_from(subject)));
                }
            }
        }
        if colon {
            let name = self
                .words
                .phrase_before(mark, &range)
                .filter(|n| n.start == range.start);
            return name.map(|n| Some(self.speaker_from(n)));
        }
        None
    }

    /// One quotation split by its attribution is one quote: “Here he is,” she said. “Come in.”
    /// (the second part takes the same cue, or none, and follows right after the cue).
    fn join_split_quotes(&self, found: Vec<Found>) -> Vec<Found> {
        let mut joined: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(previous) = joined.last_mut().filter(|p| p.quote.span.end <= f.quote.span.start) {
                // A partial quote may run on into a whole one: `Rubio "apologized," Hannity said. "…"`.
                let both_direct = previous.quote.kind != QuoteKind::Indirect && f.quote.kind == QuoteKind::Direct;
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
                // `"A," he said.` and, opening the next paragraph with no cue, `"B."`: one
                // speaker's quotation run on over paragraphs.
                let between = &self.words.doc.text()[previous.quote.span.end as usize..f.quote.span.start as usize];
                let next_paragraph = between.matches("\n\n").count() == 1
                    && between
                        .trim_end_matches(|c: char| QUOTE_MARKS.iter().any(|m| m.contains(c)))
                        .trim_end()
                        .ends_with(['.', ':'])
                    && f.cue.is_none();
                if both_direct && same_cue && (same_paragraph || next_paragraph) && gap <= MAX_SPLIT_GAP {
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
                    let subject = self.words.subject(cue.first, &(floor..range.end));
                    match quote {
                        // `"…," Senate Majority Leader Mitch McConnell, R-Ky., said`: the
                        // phrase between, where the parse finds no subject there.
                        Some(q) if quote_before_cue && subject.as_ref().is_none_or(|s| s.start < q.end) => {
                            let first = (q.end..cue.first).find(|&i| !self.is_punct(i)).unwrap_or(cue.first);
                            self.speaker_phrase(first..cue.first)
                                .then(|| self.speaker_head(first..cue.first))
                                .or(subject)
                        }
                        _ => subject,
                    }
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

    /// Attitude frames on the parse: a verb of `frames.tsv` with a subject and the complement
    /// its entry names ("A report found that …", "Ryan endorsed Trump", "Cruz vowed to …")
    /// is reported content with the subject as its source, unless a quote already covers it.
    fn attitudes(&self, found: &mut Vec<Found>, quoted: &[Quoted]) {
        let doc = self.words.doc;
        if !doc.has(chronicle_doc::Layers::PARSE) || self.frames.is_empty() {
            return;
        }
        for s in 0..doc.sentences.len() {
            let range = self.sentence_range(s);
            let mut children: Vec<Vec<usize>> = vec![Vec::new(); range.len()];
            for i in range.clone() {
                if let Some(h) = doc.tokens[i].head.map(|h| h as usize).filter(|h| range.contains(h)) {
                    children[h - range.start].push(i);
                }
            }
            for verb in range.clone() {
                let token = &doc.tokens[verb];
                let Some(lemma) = token.lemma.as_deref() else { continue };
                if !matches!(token.upos, Some(Upos::Verb)) || inside_quotes(quoted, token.span) {
                    continue;
                }
                let kids = &children[verb - range.start];
                let lemma = lemma.to_lowercase();
                let Some(subject) = kids.iter().copied().find(|&k| doc.tokens[k].deprel == Some("nsubj")) else {
                    continue;
                };
                let complement = COMPLEMENTS.iter().find_map(|&rel| {
                    kids.iter()
                        .copied()
                        .find(|&k| doc.tokens[k].deprel == Some(rel) && self.frames.takes(&lemma, rel))
                });
                let Some(complement) = complement else { continue };
                let extent = subtree(&children, range.start, complement);
                let mut content = extent.clone();
                while content.start < content.end && self.is_punct(content.start) {
                    content.start += 1;
                }
                while content.end > content.start && self.is_punct(content.end - 1) {
                    content.end -= 1;
                }
                if content.is_empty() || content.contains(&verb) {
                    continue;
                }
                let span = doc.tokens[content.start].span.cover(doc.tokens[content.end - 1].span);
                if found.iter().any(|f| f.quote.span.overlaps(span) || f.cue == Some(verb)) {
                    continue;
                }
                let speaker = self.speaker_from(self.words.compact_phrase(subject));
                found.push(Found {
                    quote: Quote {
                        span,
                        kind: QuoteKind::Indirect,
                        cue: Some(token.span),
                        speaker: Some(speaker),
                    },
                    cue: Some(verb),
                });
            }
        }
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
