//! Who speaks: the cue's subject or inverted subject, speaker phrases the parse misses, dash
//! attributions, and the previous paragraph's speaker for a bare follow-on quote.

use super::*;

impl<'a> Attributor<'a> {
    /// The name or noun phrase that opens a speaker phrase: up to its first comma.
    pub(super) fn speaker_head(&self, between: Range<usize>) -> Range<usize> {
        let end = between
            .clone()
            .find(|&i| self.words.text(i) == ",")
            .unwrap_or(between.end);
        between.start..end
    }

    /// Whether the words between a quotation and a cue after it read as a speaker phrase with
    /// appositions (`Senate Majority Leader Mitch McConnell, R-Ky.,`, `Scott Pruitt, the
    /// attorney general of Oklahoma, one of the states suing the agency,`) where the parse
    /// does not show it: a name or noun phrase with no verb up to its first comma, and, when
    /// appositions follow, a comma right before the cue.
    pub(super) fn speaker_phrase(&self, between: Range<usize>) -> bool {
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

    /// The name a dash puts after a quotation to sign it (`"…" ― Carlos Raúl`), running to the
    /// end of its line.
    pub(super) fn dash_speaker(&self, inside: &Range<usize>) -> Option<Speaker> {
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

    /// The speaker of a quote that opens its sentence with no cue of its own: the speaker
    /// announced by a previous sentence ending in a colon (with that sentence's cue), or the
    /// previous quote's if it is near.
    pub(super) fn follow_on_speaker(
        &self,
        sentence: usize,
        previous: Option<&Quote>,
    ) -> Option<(Option<Speaker>, Option<usize>)> {
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
        // A previous quote ending after this sentence (odd quote marks) carries no speaker here.
        (sentence.checked_sub(previous_sentence)? <= 3).then_some((Some(speaker), None))
    }

    pub(super) fn cue_span(&self, cue: &Cue) -> Span {
        let tokens = &self.words.doc.tokens;
        tokens[cue.first].span.cover(tokens[cue.end - 1].span)
    }

    /// The speaker of a cue in `sentence`; `quote` is the quote's tokens, when there is one.
    pub(super) fn speaker(&self, cue: &Cue, sentence: usize, quote: Option<&Range<usize>>) -> Option<Speaker> {
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
                        // `"…," Scott Pruitt, the attorney general of Oklahoma, one of the states
                        // suing the agency, said`: where the parse takes a later apposition for
                        // the subject, the name that opens the phrase is the speaker.
                        Some(q)
                            if quote_before_cue
                                && subject.as_ref().is_none_or(|s| {
                                    s.start < q.end || (q.end..s.start).any(|i| self.words.text(i) == ",")
                                }) =>
                        {
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

    pub(super) fn speaker_from(&self, phrase: Range<usize>) -> Speaker {
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
}
