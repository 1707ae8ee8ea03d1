//! Direct quotes: a quotation's cue and speaker, scare quotes, mixed quotes, and quotations
//! split by their attribution or across paragraphs.

use super::*;

impl<'a> Attributor<'a> {
    /// A direct quote with its cue and speaker, or `None` for a scare quote. A quotation that
    /// is only part of its sentence's content (`The party "allows us to get our message out,"
    /// said Coleman`, `Trump accused him of "sleaze"`) is a mixed quote spanning that content.
    pub(super) fn direct(&self, q: &Quoted, previous: Option<&Quote>) -> Option<Found> {
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
        // A quotation inside the clause a cue reports (`complained that officials were trying to
        // "protect" Clinton by …`, `said "it gets me mad" every time …`): the content is that
        // clause, from after the cue to where the clause ends.
        let mut reported_clause = false;
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
                // `said "it gets me mad" every time …`: a lower-case quotation right after its
                // cue opens the reported clause when the clause goes on after it.
                let opens_clause = lead_in.is_empty()
                    && !introduced
                    && after.is_none()
                    && self.starts_lowercase(&inside)
                    && self.clause_end(&inside).is_some();
                if let Some(that) = that {
                    reported_clause = true;
                    Some(that)
                } else if !lead_in.is_empty() && !introduced {
                    reported_clause = true;
                    // `complained that officials were trying to "protect" …` keeps its "that".
                    (c.end..lead_in.start)
                        .find(|&i| self.words.lower[i] == "that")
                        .or(Some(lead_in.start))
                } else if opens_clause {
                    reported_clause = true;
                    None
                } else if goes_on {
                    Some(lead.start)
                } else {
                    None
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
            None if reported_clause => self.clause_end(&inside),
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
    pub(super) fn words_before(&self, inside: &Range<usize>, sentence: usize) -> Range<usize> {
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
    pub(super) fn introduced_by(&self, inside: &Range<usize>, mark: &str) -> bool {
        inside.start > 0 && self.words.text(inside.start - 1) == mark
    }

    pub(super) fn introduced_by_punct(&self, inside: &Range<usize>) -> bool {
        self.introduced_by(inside, ",") || self.introduced_by(inside, ":")
    }

    /// Whether the tokens before `start` (punctuation aside) end with a quotation mark.
    pub(super) fn follows_quotation(&self, start: usize) -> bool {
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
    pub(super) fn nickname(&self, inside: &Range<usize>) -> bool {
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

    /// Whether a quotation is a whole sentence: a capital first word and a final `.`, `?` or
    /// `!` inside the marks (`"What curfew?"`).
    pub(super) fn full_sentence(&self, inside: &Range<usize>) -> bool {
        let first = inside.clone().find(|&i| !self.is_punct(i));
        let last = inside
            .clone()
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)));
        first.is_some_and(|i| self.words.text(i).starts_with(char::is_uppercase))
            && last.is_some_and(|i| matches!(self.words.text(i), "." | "?" | "!"))
    }

    /// Whether a quotation's first word is lower-case (`"is deeply regrettable"`).
    pub(super) fn starts_lowercase(&self, inside: &Range<usize>) -> bool {
        let first = inside.clone().find(|&i| !self.is_punct(i));
        first.is_some_and(|i| self.words.text(i).starts_with(char::is_lowercase))
    }

    /// The speech cue of a quotation that comes after it: the first cue in the rest of its
    /// paragraph, when only punctuation or the cue's subject stands between
    /// (`…," said X`, `…," X said`, `…?" X asked.` even where the splitter ended a sentence
    /// at the closing mark). Returns the cue and its sentence.
    pub(super) fn cue_after(&self, inside: &Range<usize>) -> Option<(Cue, usize)> {
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
    pub(super) fn attributes(&self, cue: &Cue, sentence: usize, start: usize) -> bool {
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

    /// Where the reported clause that holds a quotation ends (exclusive token): at its
    /// sentence's end, or before a comma, semicolon or dash that a further cue follows
    /// (`…, adding that …`, `…, he said`). `None` when nothing follows the quotation.
    pub(super) fn clause_end(&self, inside: &Range<usize>) -> Option<usize> {
        let doc = self.words.doc;
        let last = inside.end.checked_sub(1)?;
        let sentence = self.sentence_of(doc.tokens[last].span.start as usize)?;
        let range = self.sentence_range(sentence);
        // A quotation closed by a full stop ends its sentence, whatever the splitter did.
        let last_word = (inside.start..inside.end)
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)));
        if last_word.is_some_and(|i| matches!(self.words.text(i), "." | "?" | "!")) {
            return None;
        }
        let end = self.content_end(&range);
        let stop = (inside.end..end)
            .find(|&i| {
                self.paragraph_break_before(i)
                    || matches!(self.words.text(i), "." | "?" | "!")
                    || matches!(self.words.text(i), "," | ";" | "—" | "–" | "--" | "(")
                        && self.cues[sentence].iter().any(|c| c.first > i && c.first <= i + 4)
            })
            .unwrap_or(end);
        (stop > inside.end).then_some(stop)
    }

    /// Where the content of a quotation goes on after its closing mark
    /// (`"…" for second place.`): the end (exclusive token) of that run, up to a comma or the
    /// sentence's end, when the next word continues the sentence.
    pub(super) fn continuation(&self, inside: &Range<usize>) -> Option<usize> {
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

    /// The speaker of a quotation that a clause introduces with a colon or, after a verb, a
    /// comma, when no speech cue does: the subject of that clause (`he returned to his familiar
    /// lines: "…"`, `Mr. Trump yelled, "Out!"`), or the name before a bare colon
    /// (`Michael P. McDonald: "…"`). `None` when the quotation is not so introduced.
    pub(super) fn introduced_speaker(&self, inside: &Range<usize>) -> Option<Option<Speaker>> {
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
    pub(super) fn join_split_quotes(&self, found: Vec<Found>) -> Vec<Found> {
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
    pub(super) fn lead_in(&self, cue: &Cue, inside: &Range<usize>) -> Range<usize> {
        let mut start = cue.end;
        while start < inside.start
            && (self.words.lower[start] == "that" || self.words.text(start).chars().all(|c| !c.is_alphanumeric()))
        {
            start += 1;
        }
        start..inside.start
    }
}
