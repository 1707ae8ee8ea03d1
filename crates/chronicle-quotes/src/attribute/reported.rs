//! Reported speech ("Putin said that …", "according to …") and attitude frames ("X believes
//! that …"): the content clause a cue governs.

use super::*;

impl<'a> Attributor<'a> {
    /// Reported speech around a strong cue: "X said (that) …", "…, X said", "According to X, …".
    pub(super) fn reported(&self, sentence: usize, cue: &Cue) -> Option<Found> {
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
    pub(super) fn attitudes(&self, found: &mut Vec<Found>, quoted: &[Quoted]) {
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
    pub(super) fn clause_after(&self, cue: &Cue, end: usize) -> Option<usize> {
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
    pub(super) fn ends_sentence(&self, cue: &Cue, range: &Range<usize>, end: usize) -> bool {
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
    pub(super) fn comma_before(&self, cue: usize, range: &Range<usize>) -> Option<usize> {
        (range.start..cue).rev().take(6).find(|&i| self.words.text(i) == ",")
    }

    /// Where a sentence's content ends: before its final punctuation.
    pub(super) fn content_end(&self, range: &Range<usize>) -> usize {
        let mut end = range.end;
        while end > range.start && self.words.text(end - 1).chars().all(|c| !c.is_alphanumeric()) {
            end -= 1;
        }
        end
    }
}
