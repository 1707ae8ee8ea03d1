//! Reported speech ("Putin said that …", "according to …") and attitude frames ("X believes
//! that …"): the content clause a cue governs.

use super::*;

/// Prepositions that mark an argument of an evaluation or speech verb after its object
/// (`accused him of`, `blamed it on`, `praised her for`, `described it as`, `likened it to`).
/// Labels that open a line with a colon but name no speaker (`Update: …`, `Photo: …`).
const NOT_SPEAKER_LABELS: &[&str] = &[
    "note",
    "update",
    "updated",
    "editor",
    "related",
    "photo",
    "photos",
    "video",
    "watch",
    "read",
    "correction",
    "disclosure",
    "source",
    "sources",
    "credit",
    "image",
    "caption",
    "more",
    "see",
    "also",
    "listen",
    "transcript",
    "full",
    "here",
    "this",
    "that",
    "it",
    "the",
    "bottom",
    "question",
    "answer",
    "warning",
    "breaking",
];
/// Lower-case function words a speaker label may hold besides nouns and adjectives (`A lesson
/// from Loretta Lynch`).
const LABEL_FUNCTION_WORDS: &[&str] = &[
    "of", "from", "the", "a", "an", "for", "on", "to", "and", "in", "'s", "’s", "at",
];
/// The longest speaker label before a line's colon, and the longest statement after it.
const MAX_LABEL: usize = 8;
const MAX_LABELLED_STATEMENT: usize = 80;

/// Words that open an indirect question (`Asked whether …`, `asked why …`).
const QUESTION_WORDS: &[&str] = &["whether", "if", "why", "how", "what", "which", "who", "when", "where"];
/// How many words may follow a source phrase's head before the comma that closes a
/// parenthetical `according to` (`according to members who spoke with reporters afterward,`).
const MAX_SOURCE_TAIL: usize = 15;

const OBJECT_ARGUMENT_MARKERS: &[&str] = &["of", "for", "as", "to", "on", "over", "about", "by", "with"];

impl<'a> Attributor<'a> {
    /// Reported speech around a strong cue: "X said (that) …", "…, X said", "According to X, …".
    pub(super) fn reported(&self, sentence: usize, cue: &Cue) -> Option<Found> {
        let doc = self.words.doc;
        let range = self.sentence_range(sentence);
        let end = self.content_end(&range);
        let content = match cue.kind {
            CueKind::Source => {
                let source = self.words.phrase_after(cue.end, &range)?;
                // `Among the precedents at risk, according to Ms. Epstein, are 16 …`: an
                // attribution between commas with the sentence going on after it reports the
                // whole sentence.
                let closing = (source.end..end.min(source.end + MAX_SOURCE_TAIL)).find(|&i| self.words.text(i) == ",");
                let between_commas = cue.first > range.start + 2
                    && self.words.text(cue.first - 1) == ","
                    && closing.is_some_and(|c| end >= c + 4);
                if between_commas {
                    range.start..end
                } else if cue.first > range.start + 2 {
                    range.start..self.comma_before(cue.first, &range)?
                } else {
                    let comma = (source.end..end).find(|&i| self.words.text(i) == ",")?;
                    comma + 1..end
                }
            }
            CueKind::Noun => return None,
            CueKind::Verb => {
                // `told The Post and Courier newspaper of Charleston on Saturday that …`: further
                // off, the parse shows "that" to open the cue's clausal complement.
                let that = (cue.end..end.min(cue.end + 6))
                    .find(|&i| self.words.lower[i] == "that")
                    .or_else(|| self.complement_that(cue, end));
                // What follows the cue ends before a further speech cue the sentence adds
                // (`…, adding that …`, `…, he said, …`).
                let sentence_end = end;
                let end = self.before_next_cue(sentence, cue.end, end);
                match that {
                    Some(that) => that..end,
                    // `In some ways, the brothers noted, Trump might appreciate it`: the
                    // attribution stands inside its content, which is the whole sentence.
                    None if self.parenthetical(cue, &range, sentence_end) => range.start..sentence_end,
                    None if self.ends_sentence(cue, &range, end) => {
                        range.start..self.comma_before(cue.first, &range)?
                    }
                    None => self.clause_after(cue, end)?,
                }
            }
        };
        if content.len() < 3 || content.end > range.end || content.start >= content.end {
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

    /// Where content running from `from` to `end` stops: before a comma, semicolon or dash
    /// that a speech verb of the same sentence follows within a few words.
    pub(super) fn before_next_cue(&self, sentence: usize, from: usize, end: usize) -> usize {
        (from..end)
            .find(|&i| {
                matches!(self.words.text(i), "," | ";" | "—" | "–" | "--")
                    && self.cues[sentence]
                        .iter()
                        .any(|c| c.kind == CueKind::Verb && c.first > i && c.first <= i + 4)
            })
            .unwrap_or(end)
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
                if inside_quotes(quoted, token.span) {
                    continue;
                }
                let lemma = lemma.to_lowercase();
                if matches!(token.upos, Some(Upos::Noun)) {
                    self.nominal_frame(found, verb, &lemma, &children, range.start);
                    continue;
                }
                if !matches!(token.upos, Some(Upos::Verb)) {
                    continue;
                }
                let kids = &children[verb - range.start];
                let Some(subject) = self.frame_subject(verb, &children, range.start) else {
                    continue;
                };
                // In a relative clause (`remarks Trump had made about Machado`) the antecedent
                // is usually what was said: only a listed complement makes the verb a frame.
                let relative = token.deprel == Some("acl:relcl");
                let complement = VERB_COMPLEMENTS.iter().find_map(|&rel| {
                    let takes = self
                        .frames
                        .verbs
                        .takes(&lemma, rel)
                        .filter(|&t| t == Takes::Listed || !relative)?;
                    kids.iter().copied().find(|&k| {
                        let deprel = doc.tokens[k].deprel.unwrap_or("");
                        if rel == "as" {
                            // `developers see golf courses as wasted space`: the object, when an
                            // `as` predicate follows it.
                            deprel == "obj"
                                && k > verb
                                && kids.iter().any(|&a| {
                                    a > k
                                        && matches!(doc.tokens[a].deprel, Some("obl" | "advcl" | "xcomp"))
                                        && self.marked_by(a, "as", &children, range.start)
                                })
                        } else if rel == "xcomp"
                            && self.frames.verbs.takes(&lemma, "obj").is_some()
                            && kids.iter().any(|&o| doc.tokens[o].deprel == Some("obj"))
                        {
                            // `calling him a liar`: the object with its predicate, below.
                            false
                        } else if COMPLEMENTS.contains(&rel) {
                            // Any verb's clause counts when it reads as one: its own subject or
                            // a complementizer after the verb (not an adverbial the parse hung
                            // there).
                            deprel == rel
                                && (takes == Takes::Listed || (k > verb && self.clause_form(k, &children, range.start)))
                        } else {
                            k > verb && deprel.starts_with("obl") && self.marked_by(k, rel, &children, range.start)
                        }
                    })
                });
                let Some(complement) = complement else { continue };
                let mut extent = subtree(&children, range.start, complement);
                if doc.tokens[complement].deprel == Some("obj") || self.words.lower[extent.start] == "on" {
                    extent.end = self.object_arguments(kids, &children, range.start, extent.end);
                }
                let speaker = Some(self.speaker_from(self.words.compact_phrase(subject)));
                self.push_frame(found, verb, extent, speaker);
            }
        }
    }

    /// A noun of `nominal.tsv` with its content (`his claim that …`, `her call for …`,
    /// `criticism of the ruling`): reported content, its possessor (if any) the source.
    fn nominal_frame(&self, found: &mut Vec<Found>, noun: usize, lemma: &str, children: &[Vec<usize>], offset: usize) {
        let doc = self.words.doc;
        let kids = &children[noun - offset];
        let complement = NOUN_COMPLEMENTS.iter().find_map(|&rel| {
            self.frames.nouns.takes(lemma, rel)?;
            kids.iter().copied().find(|&k| {
                let deprel = doc.tokens[k].deprel.unwrap_or("");
                k > noun
                    && match rel {
                        "that" => matches!(deprel, "acl" | "ccomp") && self.marked_by(k, "that", children, offset),
                        "to" => deprel == "acl" && self.marked_by(k, "to", children, offset),
                        _ => {
                            deprel.starts_with("nmod")
                                && deprel != "nmod:poss"
                                && self.marked_by(k, rel, children, offset)
                        }
                    }
            })
        });
        let Some(complement) = complement else { return };
        let extent = subtree(children, offset, complement);
        // The source: the noun's possessor (`his claim`), else, for the object of a verb, the
        // verb's subject (`Trump renewed the call for …`); a noun with neither is left alone.
        let possessor = kids
            .iter()
            .copied()
            .find(|&k| k < noun && doc.tokens[k].deprel == Some("nmod:poss"));
        let source = possessor.or_else(|| {
            let head = doc.tokens[noun]
                .head
                .map(|h| h as usize)
                .filter(|&h| h >= offset && h - offset < children.len())?;
            (doc.tokens[noun].deprel == Some("obj") && matches!(doc.tokens[head].upos, Some(Upos::Verb)))
                .then(|| self.frame_subject(head, children, offset))
                .flatten()
        });
        let Some(source) = source else { return };
        let speaker = Some(self.speaker_from(self.words.compact_phrase(source)));
        self.push_frame(found, noun, extent, speaker);
    }

    /// A frame's content `extent` (punctuation at its edges aside) as reported content with
    /// `cue` as its cue, unless it is empty, holds the cue, or a quote already covers it.
    fn push_frame(&self, found: &mut Vec<Found>, cue: usize, extent: Range<usize>, speaker: Option<Speaker>) {
        let doc = self.words.doc;
        let mut content = extent;
        while content.start < content.end && self.is_punct(content.start) {
            content.start += 1;
        }
        while content.end > content.start && self.is_punct(content.end - 1) {
            content.end -= 1;
        }
        if content.is_empty() || content.contains(&cue) {
            return;
        }
        let span = doc.tokens[content.start].span.cover(doc.tokens[content.end - 1].span);
        if found.iter().any(|f| f.quote.span.overlaps(span) || f.cue == Some(cue)) {
            return;
        }
        found.push(Found {
            quote: Quote {
                span,
                kind: QuoteKind::Indirect,
                cue: Some(doc.tokens[cue].span),
                speaker,
            },
            cue: Some(cue),
        });
    }

    /// Whether the clause headed by `head` has its own subject or opens with a complementizer.
    /// A clause opens with no preposition (`carried out strikes against what it says are …` is
    /// no clause of `carried`, whatever the parse says).
    fn clause_form(&self, head: usize, children: &[Vec<usize>], offset: usize) -> bool {
        let doc = self.words.doc;
        let first = subtree(children, offset, head).start;
        if matches!(doc.tokens[first].upos, Some(Upos::Adp)) {
            return false;
        }
        children[head - offset].iter().any(|&k| {
            matches!(doc.tokens[k].deprel, Some("nsubj" | "nsubj:pass" | "expl" | "csubj"))
                || (k < head
                    && doc.tokens[k].deprel == Some("mark")
                    && matches!(self.words.lower[k].as_str(), "that" | "whether" | "if"))
        })
    }

    /// Whether `head`'s phrase opens with the marker `word` (its `case` or `mark` dependent).
    fn marked_by(&self, head: usize, word: &str, children: &[Vec<usize>], offset: usize) -> bool {
        let doc = self.words.doc;
        children[head - offset]
            .iter()
            .copied()
            .filter(|&c| c < head && matches!(doc.tokens[c].deprel, Some("case" | "mark")))
            .min()
            .is_some_and(|c| self.words.lower[c] == word)
    }

    /// Lines that name a speaker before a colon and give the statement after it, as headlines
    /// do (`Graham: Trump's Rhetoric Destroying GOP's Chance`, `A lesson from Loretta Lynch:
    /// 'Be the voice that people hear.'`): the rest of the line is the content, the label the
    /// speaker; direct when the statement is one quotation.
    pub(super) fn labelled_lines(&self, found: &mut Vec<Found>, quoted: &[Quoted]) {
        let doc = self.words.doc;
        let n = doc.tokens.len();
        for s in 0..doc.sentences.len() {
            let range = self.sentence_range(s);
            let start = range.start;
            if start > 0 && !self.paragraph_break_before(start) {
                continue;
            }
            let Some(colon) = (start..range.end.min(start + MAX_LABEL + 1)).find(|&i| self.words.text(i) == ":") else {
                continue;
            };
            if colon == start || !self.speaker_label(start..colon) {
                continue;
            }
            let line_end = (colon + 1..n.min(colon + 1 + MAX_LABELLED_STATEMENT + 1))
                .find(|&i| self.paragraph_break_before(i))
                .unwrap_or(n);
            if line_end > colon + 1 + MAX_LABELLED_STATEMENT || (line_end == n && n - colon > MAX_LABELLED_STATEMENT) {
                continue;
            }
            let mut content = colon + 1..line_end;
            while content.end > content.start && self.words.text(content.end - 1) == "." {
                content.end -= 1;
            }
            let words = content.clone().filter(|&i| !self.is_punct(i)).count();
            if words < 3 {
                continue;
            }
            let span = doc.tokens[content.start].span.cover(doc.tokens[content.end - 1].span);
            if found.iter().any(|f| f.quote.span.overlaps(span)) {
                continue;
            }
            let first = self.words.text(content.start);
            let last = self.words.text(content.end - 1);
            let whole_quotation = matches!(first, "‘" | "'" | "“" | "\"")
                && matches!(last, "’" | "'" | "”" | "\"")
                && !self.has_inner_quotes(content.start + 1..content.end - 1, first);
            let kind = if whole_quotation {
                QuoteKind::Direct
            } else if quoted.iter().any(|q| span.contains(q.content)) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            found.push(Found {
                quote: Quote {
                    span,
                    kind,
                    cue: Some(doc.tokens[colon].span),
                    speaker: Some(self.speaker_from(start..colon)),
                },
                cue: Some(colon),
            });
        }
    }

    /// Whether a line's words before its colon name a speaker: a short capitalised name or
    /// noun phrase (function words aside) with a noun or name in it.
    fn speaker_label(&self, label: std::ops::Range<usize>) -> bool {
        let doc = self.words.doc;
        if label.len() > MAX_LABEL || NOT_SPEAKER_LABELS.contains(&self.words.lower[label.start].as_str()) {
            return false;
        }
        // `Q:` and `A:` mark an interview's turns, not a speaker.
        if label.len() == 1 && self.words.text(label.start).chars().count() == 1 {
            return false;
        }
        let has_name = label
            .clone()
            .any(|i| matches!(doc.tokens[i].upos, Some(Upos::Propn | Upos::Noun)) || doc.tokens[i].upos.is_none());
        let words_ok = label.clone().all(|i| {
            let w = self.words.text(i);
            (w.starts_with(char::is_uppercase) && w.chars().any(char::is_alphabetic) && !w.contains(':'))
                || (i > label.start
                    && (LABEL_FUNCTION_WORDS.contains(&self.words.lower[i].as_str())
                        || matches!(doc.tokens[i].upos, Some(Upos::Noun | Upos::Adj | Upos::Num))
                        || (doc.tokens[i].upos.is_none() && w.chars().all(char::is_alphabetic))))
        });
        has_name && words_ok && self.words.text(label.start).starts_with(char::is_uppercase)
    }

    /// Whether the mark `mark` occurs among `range`'s tokens (the quotation is not one).
    fn has_inner_quotes(&self, range: std::ops::Range<usize>, mark: &str) -> bool {
        let closing = match mark {
            "‘" => "’",
            "“" => "”",
            other => other,
        };
        range.into_iter().any(|i| self.words.text(i) == closing)
    }

    /// The source of an attitude frame: the verb's subject, or, for a participle or a verb
    /// coordinated with another (`Trump went after Bush, calling him …`, `He suggested …,
    /// called her "third-rate"`), the subject it shares; for a participle on a noun
    /// (`O'Malley calling Trump a fascist`), that noun.
    fn frame_subject(&self, verb: usize, children: &[Vec<usize>], offset: usize) -> Option<usize> {
        let doc = self.words.doc;
        let subject_of = |v: usize| {
            children[v - offset]
                .iter()
                .copied()
                .find(|&k| doc.tokens[k].deprel == Some("nsubj"))
        };
        if let Some(subject) = subject_of(verb) {
            return Some(subject);
        }
        let participle = doc.tokens[verb].xpos == Some("VBG");
        let mut current = verb;
        for _ in 0..2 {
            let token = &doc.tokens[current];
            let head = token
                .head
                .map(|h| h as usize)
                .filter(|&h| h >= offset && h - offset < children.len())?;
            match token.deprel {
                Some("conj") => {}
                Some("advcl") if participle => {}
                Some("acl") if participle && current == verb => {
                    return matches!(doc.tokens[head].upos, Some(Upos::Propn | Upos::Noun | Upos::Pron))
                        .then_some(head);
                }
                _ => return None,
            }
            if let Some(subject) = subject_of(head) {
                return Some(subject);
            }
            current = head;
        }
        None
    }

    /// How far an object's content runs on over the verb's further arguments right after it:
    /// `accused him of sexism`, `criticized Scalia for questioning …`, `defended his manager
    /// as "a very decent man"`, `called voters "stupid"`; not over a time or place phrase
    /// (`at a rally`, `Tuesday`) or past a comma. `end` is the object's subtree end
    /// (exclusive); `kids` are the verb's dependents.
    pub(super) fn object_arguments(&self, kids: &[usize], children: &[Vec<usize>], offset: usize, end: usize) -> usize {
        let doc = self.words.doc;
        let mut end = end;
        let mut right: Vec<usize> = kids.iter().copied().filter(|&k| k >= end).collect();
        right.sort_unstable();
        for k in right {
            let extent = subtree(children, offset, k);
            if extent.start < end || (end..extent.start).any(|i| self.is_punct(i)) {
                break;
            }
            let marker = children[k - offset]
                .iter()
                .copied()
                .filter(|&c| c < k && matches!(doc.tokens[c].deprel, Some("case" | "mark")))
                .min()
                .map(|c| self.words.lower[c].as_str());
            let argument = match doc.tokens[k].deprel {
                Some("xcomp") => true,
                Some("obl" | "advcl") => marker.is_some_and(|m| OBJECT_ARGUMENT_MARKERS.contains(&m)),
                _ => false,
            };
            if !argument {
                break;
            }
            end = extent.end;
        }
        end
    }

    /// The "that" opening a clausal complement of the cue verb, by the parse, before `end`.
    fn complement_that(&self, cue: &Cue, end: usize) -> Option<usize> {
        let doc = self.words.doc;
        if !doc.has(chronicle_doc::Layers::PARSE) {
            return None;
        }
        (cue.end..end.min(cue.end + MAX_ATTRIBUTION_TAIL)).find(|&i| {
            self.words.lower[i] == "that"
                && doc.tokens[i].deprel == Some("mark")
                && doc.tokens[i].head.is_some_and(|h| {
                    let clause = &doc.tokens[h as usize];
                    clause.head == Some(cue.first as u32) && clause.deprel == Some("ccomp")
                })
        })
    }

    /// Where a complement clause without "that" starts after a speech verb: the parse's
    /// clausal complement when there is one, else the first word that can open a clause
    /// ("said *he* would", "says *the* plan failed") after at most a short time or place
    /// phrase ("said on Monday the talks …").
    pub(super) fn clause_after(&self, cue: &Cue, end: usize) -> Option<Range<usize>> {
        let word = self.words.lower[cue.first].as_str();
        if !SAYING.contains(&word) {
            return None;
        }
        let asking = ASKING.contains(&word);
        let doc = self.words.doc;
        // The parse's clausal complement; where the parse has none (it often misses one after
        // `says`), the surface reading below.
        let parsed = doc.has(chronicle_doc::Layers::PARSE);
        let clause = (cue.end..end).filter(|_| parsed).find(|&i| {
            doc.tokens[i].head == Some(cue.first as u32)
                && match doc.tokens[i].deprel {
                    Some("ccomp" | "parataxis") => true,
                    Some("xcomp") => asking,
                    _ => false,
                }
        });
        if let Some(clause) = clause {
            // The first token whose chain of heads reaches the clause.
            let first = (cue.end..=clause).find(|&i| heads_reach(doc, i, clause, 8))?;
            // A question ends with its clause: the last token whose chain of heads reaches it.
            let last = if asking {
                (first..end)
                    .rev()
                    .find(|&i| heads_reach(doc, i, clause, 12))
                    .map_or(end, |i| i + 1)
            } else {
                end
            };
            let mut last = last;
            while last > first && self.is_punct(last - 1) {
                last -= 1;
            }
            return (last >= first + 3).then_some(first..last);
        }
        let mut in_phrase = false; // inside "on Friday", "in a statement"
        for start in cue.end..end.min(cue.end + 6) {
            let word = self.words.lower[start].as_str();
            let article = matches!(word, "the" | "a" | "an");
            if LEAD_WORDS.contains(&word) && (!article || in_phrase) {
                in_phrase = matches!(word, "on" | "in" | "at") || (in_phrase && article);
                continue;
            }
            // A question the parse did not make the cue's complement (`Asked whether …, X
            // said`) opens with its wh-word.
            let question = asking && QUESTION_WORDS.contains(&word);
            let opens = CLAUSE_OPENERS.contains(&word)
                || self.words.text(start).starts_with(char::is_uppercase)
                || question
                || self.finite_clause_from(start, end);
            return (opens && end - start >= 4).then_some(start..end);
        }
        None
    }

    /// Whether the words from `start` to `end` read as a clause the parse missed (`said *having*
    /// Mr. Putin treat him with respect is …`, `said *about* half of … reflected …`): they open
    /// with a content word or a number, not a preposition, particle, conjunction or
    /// punctuation, and a finite verb follows within the clause.
    fn finite_clause_from(&self, start: usize, end: usize) -> bool {
        let doc = self.words.doc;
        let opener = &doc.tokens[start];
        let opens = matches!(
            opener.upos,
            Some(Upos::Noun | Upos::Num | Upos::Adj | Upos::Adv | Upos::Verb | Upos::Pron)
        ) && !matches!(
            self.words.lower[start].as_str(),
            "to" | "so" | "yes" | "no" | "nothing" | "something"
        );
        opens
            && (start + 1..end).any(|i| {
                matches!(doc.tokens[i].xpos, Some("VBD" | "VBZ" | "VBP" | "MD")) && !inside_marks(self, start, i)
            })
    }

    /// Whether the cue and its subject stand between commas inside their sentence
    /// (`…, the brothers noted, …`), with words on both sides.
    pub(super) fn parenthetical(&self, cue: &Cue, range: &Range<usize>, end: usize) -> bool {
        if PARTICIPLES.contains(&self.words.lower[cue.first].as_str()) {
            return false;
        }
        let Some(comma) = self.comma_before(cue.first, range) else {
            return false;
        };
        let closing = (cue.end..end.min(cue.end + 3)).find(|&i| self.words.text(i) == ",");
        cue.first - comma <= 5
            && comma > range.start + 1
            && closing.is_some_and(|c| end >= c + 4 && (cue.end..c).all(|i| !self.words.lower[i].eq("that")))
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
        // `…, said a spokesman for the party`, not `One delegate, Kelly Schmidt, told POLITICO
        // she was leaning toward Cruz`: no finite verb after the cue.
        let clause_after =
            (cue.end..end).any(|i| matches!(self.words.doc.tokens[i].xpos, Some("VBD" | "VBZ" | "VBP" | "MD")));
        cue.first - comma <= 5 && tail <= 6 && comma > range.start + 2 && !clause_after
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

/// Whether `token` is `target` or reaches it by climbing at most `steps` heads.
fn heads_reach(doc: &chronicle_doc::Document, token: usize, target: usize, steps: usize) -> bool {
    let mut head = Some(token as u32);
    for _ in 0..steps {
        match head {
            Some(h) if h as usize == target => return true,
            Some(h) => head = doc.tokens[h as usize].head,
            None => return false,
        }
    }
    false
}

/// Whether a quotation mark stands between tokens `from` and `to` (a finite verb after it
/// belongs to the quotation, not the clause).
fn inside_marks(a: &Attributor<'_>, from: usize, to: usize) -> bool {
    (from..to).any(|i| QUOTE_MARKS.contains(&a.words.text(i)))
}
