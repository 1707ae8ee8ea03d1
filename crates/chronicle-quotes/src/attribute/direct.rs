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
        if self.nickname(&inside) || self.title(&inside) {
            return None;
        }
        let after = self.cue_after(&inside).or_else(|| self.attribution_verb_after(&inside));
        // The attribution of the quotation before (`"…," said Cuban, a host on the TV show
        // "Shark Tank."`): its cue does not introduce a quotation inside it that no comma or
        // colon sets off; that one is a title or a phrase of the attribution.
        let previous_cue = previous
            .filter(|p| p.cue.is_some_and(|c| p.span.end <= c.start && c.end <= q.open as u32))
            .and_then(|p| p.cue)
            .map(|c| self.tokens_in(c).start);
        let before = self.cues[first_sentence]
            .iter()
            .rev()
            .find(|c| c.end <= inside.start && inside.start - c.end <= CUE_BEFORE_QUOTE)
            .filter(|c| {
                // `"A," he said, but "b …"` and `…, and still "b …"` go on the quotation.
                let lead_in = self.lead_in(c, &inside);
                Some(c.first) != previous_cue
                    || lead_in.is_empty()
                    || self.introduced_by_punct(&inside)
                    || CLAUSE_LINKS.contains(&self.words.lower[lead_in.start].as_str())
            });
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
        // `As Politico reported, "…"`, `…, as X put it in a profile, "the operator."`: an
        // attribution in an `as` clause is parenthetical, and the quotation after it is whole
        // unless the sentence goes on after it (`as he puts it, "the best thing" is that …`).
        let as_clause =
            before.is_some_and(|c| self.as_attribution(c, &inside, &lead)) && self.continuation(&inside).is_none();
        // `Rubio said that once the Senate goes on recess, "I intend to …"`: a quotation after
        // the cue's `that` clause has opened is part of that clause, capitalised or not.
        // So is one after a clause with no `that` whose subject is a pronoun (`said she has the
        // quality it takes: "…"`, `said she recalled thinking, "…"`).
        let that_clause = before.is_some_and(|c| {
            let lead_in = self.lead_in(c, &inside);
            let pronoun_clause = !lead_in.is_empty()
                && SUBJECT_PRONOUNS.contains(&self.words.lower[lead_in.start].as_str())
                && (lead_in.start + 1..lead_in.end).any(|i| matches!(doc.tokens[i].upos, Some(Upos::Verb | Upos::Aux)));
            after.is_none()
                && c.kind == CueKind::Verb
                && c.end < inside.start
                && (self.words.lower[c.end] == "that" || pronoun_clause)
                && !lead_in.is_empty()
                && !self.follows_quotation(lead.start)
        });
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
                // (`It was, the president said, "a stone …"`, where the parse may make `It`
                // the speaker: the comma before the attribution shows it parenthetical.)
                let parenthetical = (lead.start + 1..c.first).any(|i| self.words.text(i) == ",");
                let goes_on = self.starts_lowercase(&inside)
                    && (lead.start < speaker_start || parenthetical)
                    && !self.follows_quotation(lead.start);
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
                if as_clause {
                    None
                } else if let Some(that) = that {
                    reported_clause = true;
                    Some(that)
                } else if !lead_in.is_empty()
                    && (!introduced
                        || that_clause
                        || self.comma_lowercase(&inside) && !self.follows_quotation(lead.start))
                {
                    reported_clause = true;
                    // `complained that officials were trying to "protect" …` keeps its "that";
                    // `said it is unrealistic to think that if the U.S. pulls back, "our oceans
                    // are going to save us"` goes on a clause the comma does not end.
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
            // `Biden suggested … - "He would have loved Stalin," Mr. Biden said twice - and …`: a
            // quotation with its own attribution, set off by a dash or parenthesis, is whole.
            _ if after.is_some() && self.set_off(&inside) => None,
            _ if !lead.is_empty() && !introduced && !self.introduced_by(&inside, ":") => Some(lead.start),
            _ => None,
        };
        // Content after the quotation: `"…" that would respond to requests`.
        // Not after a quotation a verb introduces whole (`repeatedly says, "Don't do it," until
        // shots are heard`, `protesters chanted "What curfew?" and kept going`): the words
        // after it go on with the sentence that quotes it.
        // `saying during the debate last week, "That makes me smart," when …`: a capitalised
        // quotation a comma or colon introduces is whole even with adjuncts after the cue.
        let whole = before.is_some_and(|c| {
            c.kind == CueKind::Verb
                && (self.lead_in(c, &inside).is_empty()
                    || self.introduced_by_punct(&inside) && !self.starts_lowercase(&inside) && !that_clause)
        }) && (self.introduced_by_punct(&inside) || self.full_sentence(&inside));
        // `PolitiFact claimed "Trump exaggerates" the level of …`: a quotation that opens its
        // cue's object at once leaves no room for a speaker phrase after it, so a noun phrase
        // there goes on the content too.
        let object_start = before.is_some_and(|c| {
            c.kind == CueKind::Verb && self.lead_in(c, &inside).is_empty() && !self.introduced_by_punct(&inside)
        });
        let continuation = match after {
            None if reported_clause => self.clause_end(&inside),
            None if !(whole || introduced && self.introduced_by(&inside, ",")) => self
                .continuation(&inside)
                .or_else(|| self.nominal_continuation(&inside, object_start)),
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
        // `… said at a rally in Binghamton, N.Y. "Secretary Clinton …"`: a capitalised quotation
        // right after a word with a full stop of its own opens a sentence the splitter missed
        // (it took the stop for an abbreviation's).
        if inside.start > 0 && self.starts_capitalised(inside) {
            let previous = self.words.text(inside.start - 1);
            if previous.len() > 1 && previous.ends_with('.') {
                return inside.start..inside.start;
            }
        }
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

    /// Whether a dash or an opening parenthesis stands right before the opening mark.
    pub(super) fn set_off(&self, inside: &Range<usize>) -> bool {
        inside.start > 0 && matches!(self.words.text(inside.start - 1), "-" | "--" | "—" | "–" | "(")
    }

    /// Whether a quotation's first word is capitalised (`"Secretary Clinton …"`).
    pub(super) fn starts_capitalised(&self, inside: &Range<usize>) -> bool {
        let first = inside.clone().find(|&i| !self.is_punct(i));
        first.is_some_and(|i| self.words.text(i).starts_with(char::is_uppercase))
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
        let mut i = start;
        while i < limit {
            let text = self.words.text(i);
            if QUOTE_MARKS.contains(&text) {
                // `Marcia "Cia" Price, shouted`: a nickname in the speaker's name goes on.
                if let Some(after) = self.nickname_at(i) {
                    i = after;
                    continue;
                }
                return None;
            }
            if self.paragraph_break_before(i) {
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
            i += 1;
        }
        None
    }

    /// A verb outside the cue lexicon in the attribution slot after a quotation that a comma,
    /// `?` or `!` closes (`"…," they conclude.`, `"…," Toomey fumed on Tuesday.`, `"…," an
    /// angry Hollande retaliated.`, `"…," retorted the senator`): the slot makes it a speech
    /// verb. Returns it as a weak cue with its sentence, when the words before it are its
    /// speaker phrase.
    pub(super) fn attribution_verb_after(&self, inside: &Range<usize>) -> Option<(Cue, usize)> {
        let doc = self.words.doc;
        let start = inside.end;
        let last_word = (inside.start..inside.end)
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)))?;
        if !matches!(self.words.text(last_word), "," | "?" | "!")
            || start >= doc.tokens.len()
            || self.paragraph_break_before(start)
        {
            return None;
        }
        // Only a quotation that opens its sentence has an attribution slot after it; words
        // that open a clause (`"…," when Clinton blasted him`) begin no speaker phrase.
        let first_sentence = self.sentence_of(doc.tokens[inside.start].span.start as usize)?;
        if !self.words_before(inside, first_sentence).is_empty()
            || matches!(doc.tokens[start].upos, Some(Upos::Cconj | Upos::Sconj))
            || CLAUSE_LINKS.contains(&self.words.lower[start].as_str())
        {
            return None;
        }
        let sentence = self.sentence_of(doc.tokens[start].span.start as usize)?;
        let range = self.sentence_range(sentence);
        let limit = range.end.min(doc.tokens.len()).min(start + MAX_SPEAKER_HEAD + 1);
        let verb = (start..limit)
            .take_while(|&i| {
                let text = self.words.text(i);
                let stop = QUOTE_MARKS.contains(&text)
                    || matches!(text, "." | "?" | "!" | ";" | ",")
                    || i > start && self.paragraph_break_before(i);
                !stop
            })
            .find(|&i| doc.tokens[i].upos == Some(Upos::Verb))?;
        if !self.words.text(verb).starts_with(char::is_lowercase) {
            return None;
        }
        let cue = Cue {
            first: verb,
            end: verb + 1,
            kind: CueKind::Verb,
            strong: false,
        };
        let inverted = verb == start
            && (verb + 1 < range.end)
            && (self.words.text(verb + 1).starts_with(char::is_uppercase)
                || matches!(self.words.lower[verb + 1].as_str(), "the" | "a" | "an"));
        let pronoun = verb == start + 1 && PRONOUN_SPEAKERS.contains(&self.words.lower[start].as_str());
        let named = verb > start && self.attributes(&cue, sentence, start);
        (inverted || pronoun || named).then_some((cue, sentence))
    }

    /// The token after a nickname quotation whose opening mark is token `open`
    /// (`Marcia "Cia" Price`), if it is one.
    pub(super) fn nickname_at(&self, open: usize) -> Option<usize> {
        let tokens = self.words.doc.tokens.len();
        (open + 2..tokens.min(open + 4))
            .find(|&j| QUOTE_MARKS.contains(&self.words.text(j)))
            .filter(|&close| self.nickname(&(open..close + 1)))
            .map(|close| close + 1)
    }

    /// A title in quotation marks after a possessive or a preposition (`on Fox News's "Fox and
    /// Friends,"`, `appeared on "Meet the Press"`): at most six words, each capitalised or a
    /// short function word. Names a programme, book or song, not anyone's words.
    pub(super) fn title(&self, inside: &Range<usize>) -> bool {
        const TITLE_FUNCTION_WORDS: &[&str] = &[
            "and", "of", "the", "a", "an", "in", "on", "for", "to", "with", "at", "&",
        ];
        const BEFORE_TITLE: &[&str] = &["'s", "’s", "s'", "on", "in", "with"];
        let words: Vec<usize> = inside.clone().filter(|&i| !self.is_punct(i)).collect();
        if words.is_empty() || words.len() > 6 || inside.start == 0 {
            return false;
        }
        let before = self.words.lower[inside.start - 1].as_str();
        let capital = |i: usize| self.words.text(i).starts_with(char::is_uppercase);
        BEFORE_TITLE.contains(&before)
            && !self.paragraph_break_before(inside.start)
            && capital(words[0])
            && words
                .iter()
                .all(|&i| capital(i) || TITLE_FUNCTION_WORDS.contains(&self.words.lower[i].as_str()))
    }

    /// Whether a lower-case quotation follows a comma (`…, "our oceans are going to save us"`).
    pub(super) fn comma_lowercase(&self, inside: &Range<usize>) -> bool {
        self.introduced_by(inside, ",") && self.starts_lowercase(inside)
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
        // `''That makes me smart'' -- and, when questioned after the debate, asserting`: words
        // that open a clause of their own are no speaker phrase.
        if matches!(
            self.words.lower[first_word].as_str(),
            "and" | "but" | "or" | "when" | "while" | "after" | "before" | "because" | "if" | "then"
        ) {
            return false;
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

    /// Where a noun phrase after a quotation goes on its content (`"…" the level of black youth
    /// unemployment`, `"… to blame thousands of $12-an-hour" workers.`): the end (exclusive
    /// token) of the run of lower-case words up to a comma, quotation mark or the sentence's
    /// end. With `anywhere` false (no cue introduced the quotation as its object), only a short
    /// verbless run that ends the sentence counts, which no speaker phrase is (those come with
    /// their verb: `"…" the minister quipped.`).
    pub(super) fn nominal_continuation(&self, inside: &Range<usize>, anywhere: bool) -> Option<usize> {
        const MAX_NOMINAL_TAIL: usize = 6;
        let doc = self.words.doc;
        let next = inside.end;
        if next >= doc.tokens.len() || self.paragraph_break_before(next) {
            return None;
        }
        let sentence = self.sentence_of(doc.tokens[next].span.start as usize)?;
        // Not a number: `said "CNN" five times` counts, it does not go on the quotation.
        let nominal = self.words.text(next).starts_with(char::is_lowercase)
            && matches!(doc.tokens[next].upos, Some(Upos::Det | Upos::Noun | Upos::Adj))
            && !PRONOUN_SPEAKERS.contains(&self.words.lower[next].as_str());
        if !nominal {
            return None;
        }
        let range = self.sentence_range(sentence);
        let stop = (next..range.end)
            .find(|&i| {
                self.paragraph_break_before(i)
                    || matches!(self.words.text(i), "," | ";" | "." | "?" | "!")
                    || QUOTE_MARKS.contains(&self.words.text(i))
            })
            .unwrap_or(range.end);
        // A cue in the run makes it an attribution (`"…" the minister told reporters.`).
        let cued = |end: usize| self.cues[sentence].iter().any(|c| c.first >= next && c.first < end);
        if cued(if anywhere { next + 1 } else { stop }) {
            return None;
        }
        if anywhere {
            return (stop > next).then_some(stop);
        }
        // A comma closing the quotation (`"…," the two write.`) announces an attribution.
        let comma_closed = (inside.start..inside.end)
            .rev()
            .find(|&i| !QUOTE_MARKS.contains(&self.words.text(i)))
            .is_some_and(|i| self.words.text(i) == ",");
        let ends_sentence = stop < doc.tokens.len() && matches!(self.words.text(stop), "." | "?" | "!");
        let verbless = (next..stop).all(|i| !matches!(doc.tokens[i].upos, Some(Upos::Verb | Upos::Aux)));
        (!comma_closed && ends_sentence && verbless && stop - next <= MAX_NOMINAL_TAIL).then_some(stop)
    }

    /// Whether the cue before a quotation stands in an `as` clause that opens its sentence or
    /// follows a comma and ends with the comma before the quotation (`As Politico reported,
    /// "…"`, `…, as X put it in a profile, "…"`), not `as if`, `as soon as` and the like.
    pub(super) fn as_attribution(&self, cue: &Cue, inside: &Range<usize>, lead: &Range<usize>) -> bool {
        if cue.kind != CueKind::Verb || !self.introduced_by(inside, ",") || cue.first <= lead.start {
            return false;
        }
        let Some(a) = (lead.start..cue.first).rev().find(|&i| self.words.lower[i] == "as") else {
            return false;
        };
        let opens = a == lead.start || self.words.text(a - 1) == ",";
        let plain = !matches!(
            self.words.lower.get(a + 1).map(String::as_str),
            Some("if" | "soon" | "long" | "much" | "well" | "far" | "though" | "many" | "a" | "an")
        );
        let one_clause = (a + 1..cue.first).all(|i| self.words.text(i) != ",");
        let no_that = (cue.end..inside.start).all(|i| self.words.lower[i] != "that");
        opens && plain && one_clause && no_that
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
        let text = self.words.doc.text();
        let mut joined: Vec<Found> = Vec::with_capacity(found.len());
        for f in found {
            if let Some(previous) = joined.last_mut().filter(|p| p.quote.span.end <= f.quote.span.start) {
                // A partial quote may run on into a whole one: `Rubio "apologized," Hannity said. "…"`.
                // The second part may run on past its closing mark (`''…'' for the top income
                // bracket`) or open with a conjunction (`"A," he said, but "b …"`): the
                // joined content is mixed.
                // Not a first part that a clause takes in (`DuVernay said she felt … because
                // "most people don't know …," she said. "We have …"`) or that a colon
                // introduces (`X scolded him: "A," she said. "B"`): the second part is a
                // quotation of its own.
                let opening = |at: u32| {
                    text[..at as usize]
                        .trim_end()
                        .chars()
                        .last()
                        .is_some_and(|c| QUOTE_MARKS.iter().any(|m| m.starts_with(c)))
                };
                let first_token = self.tokens_in(previous.quote.span).start;
                let first_whole = match previous.quote.kind {
                    QuoteKind::Direct => true,
                    QuoteKind::Mixed => opening(previous.quote.span.start) || !self.reported_by_another_cue(previous),
                    QuoteKind::Indirect => false,
                };
                let introduced = first_token
                    .checked_sub(2)
                    .is_some_and(|i| self.words.text(i) == ":" && !self.paragraph_break_before(i + 1));
                let both_direct = first_whole
                    && !introduced
                    && (f.quote.kind == QuoteKind::Direct || self.opens_at_quotation(f.quote.span));
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
                    if f.quote.kind == QuoteKind::Mixed {
                        previous.quote.kind = QuoteKind::Mixed;
                    }
                    continue;
                }
            }
            joined.push(f);
        }
        joined
    }

    /// Whether a quote's content opens with a clause that a verb cue other than its own reports
    /// (`DuVernay said she felt … because "…," she said`).
    pub(super) fn reported_by_another_cue(&self, f: &Found) -> bool {
        let tokens = self.tokens_in(f.quote.span);
        let first_mark = tokens
            .clone()
            .find(|&i| QUOTE_MARKS.contains(&self.words.text(i)))
            .unwrap_or(tokens.start);
        self.sentence_of(f.quote.span.start as usize).is_some_and(|s| {
            self.cues[s]
                .iter()
                .any(|c| c.kind == CueKind::Verb && c.end <= first_mark && Some(c.first) != f.cue)
        })
    }

    /// Whether a mixed span is a quotation of some length that goes on to its sentence's end
    /// and opens that sentence (`''I wouldn't call it reform. …'' for the top income
    /// bracket.`) or follows a comma with `but`/`and` (`, but "when it comes to …"`).
    pub(super) fn opens_at_quotation(&self, span: Span) -> bool {
        let tokens = self.tokens_in(span);
        let doc = self.words.doc;
        if tokens.start < 2 || tokens.end < tokens.start + 2 {
            return false;
        }
        let first = tokens.start;
        let last = tokens.end - 1;
        let full_stop = |i: usize| matches!(self.words.text(i), "." | "?" | "!");
        let ends_sentence = tokens.end < doc.tokens.len() && full_stop(tokens.end)
            || QUOTE_MARKS.contains(&self.words.text(last)) && full_stop(last - 1);
        let sentence_before =
            |i: usize| self.paragraph_break_before(i + 1) || full_stop(i) || self.words.text(i) == ":";
        let (mark, opens) = if QUOTE_MARKS.contains(&self.words.text(first - 1)) {
            // Typewriter marks may come as two tokens.
            let mut mark = first - 1;
            while mark > 1 && QUOTE_MARKS.contains(&self.words.text(mark - 1)) {
                mark -= 1;
            }
            (first - 1, sentence_before(mark - 1))
        } else if matches!(self.words.lower[first].as_str(), "but" | "and")
            && QUOTE_MARKS.contains(&self.words.text(first + 1))
        {
            (first + 1, self.words.text(first - 1) == ",")
        } else {
            return false;
        };
        let quoted_words = (mark + 1..tokens.end)
            .take_while(|&i| !QUOTE_MARKS.contains(&self.words.text(i)))
            .filter(|&i| !self.is_punct(i))
            .count();
        ends_sentence && opens && quoted_words >= MIN_UNCUED_WORDS
    }

    /// A quotation with no cue of its own opening the sentence after reported speech in the
    /// same paragraph goes on that speech (`X identified young voters' exhaustion with bigotry
    /// as one of the reasons. "The younger people are …"`): one mixed content.
    pub(super) fn join_follow_on_quotes(&self, found: &mut Vec<Found>) {
        found.sort_by_key(|f| (f.quote.span.start, f.quote.span.end));
        let text = self.words.doc.text();
        // Reported speech in a direct quote's own sentence is that quote's attribution running
        // on (`"…," Carson told the AP after hinting that "…" could come.`), not a speaker's
        // statement a following quotation continues.
        let quoting: Vec<usize> = found
            .iter()
            .filter(|f| f.quote.kind == QuoteKind::Direct)
            .filter_map(|f| self.sentence_of((f.quote.span.end as usize).saturating_sub(1)))
            .collect();
        let mut joined: Vec<Found> = Vec::with_capacity(found.len());
        for f in found.drain(..) {
            // Of the contents just before (a quotation's own mixed span and the reported
            // speech around it may end together), the reported one.
            let start = f.quote.span.start as usize;
            let previous = joined.iter_mut().rev().take(3).find(|p| {
                p.quote.span.end as usize <= start
                    && p.quote.kind != QuoteKind::Direct
                    && p.quote.cue.is_some()
                    && self
                        .sentence_of(p.quote.span.start as usize)
                        .is_some_and(|s| !quoting.contains(&s))
            });
            if let Some(previous) = previous {
                // Not `"…," I confessed`: a quotation closed by a comma leaves room for an
                // attribution the lexicon lacks.
                let bare = f.quote.kind == QuoteKind::Direct
                    && f.quote.cue.is_none()
                    && text[f.quote.span.range()].trim_end().ends_with(['.', '?', '!']);
                let gap =
                    (previous.quote.span.end as usize <= start).then(|| &text[previous.quote.span.end as usize..start]);
                let next_sentence = gap.is_some_and(|g| {
                    g.len() <= MAX_FOLLOW_ON_GAP
                        && !g.contains('\n')
                        && g.matches(['.', '?', '!']).count() == 1
                        && g.trim_end()
                            .trim_end_matches(|c: char| QUOTE_MARKS.iter().any(|m| m.contains(c)))
                            .trim_end()
                            .ends_with(['.', '?', '!'])
                });
                if bare && next_sentence {
                    previous.quote.span = previous.quote.span.cover(f.quote.span);
                    previous.quote.kind = QuoteKind::Mixed;
                    continue;
                }
            }
            joined.push(f);
        }
        *found = joined;
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
