//! A sentence's dependency tree as parent and children lists, by document token index.

use chronicle_doc::{Document, Mention, Span};

pub(crate) struct Tree<'a> {
    pub doc: &'a Document,
    /// The document's actor mentions, followed by the national adjectives the event stage
    /// adds ("*Israeli* tank shelling"): what slots are filled from.
    pub mentions: &'a [Mention],
    /// The document's places with a country, as country mentions: where an event with no
    /// other target happens ("demonstrated in Serbia").
    pub places: &'a [Mention],
    /// The sentence's first token and one past its last, as document indices.
    pub start: usize,
    pub end: usize,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    pub fn new(doc: &'a Document, mentions: &'a [Mention], places: &'a [Mention], sentence: usize) -> Tree<'a> {
        let range = &doc.sentences[sentence].tokens;
        let (start, end) = (range.start as usize, range.end as usize);
        let mut children = vec![Vec::new(); end - start];
        for i in start..end {
            if let Some(head) = doc.tokens[i].head {
                let head = head as usize;
                if (start..end).contains(&head) && head != i {
                    children[head - start].push(i);
                }
            }
        }
        Tree {
            doc,
            mentions,
            places,
            start,
            end,
            children,
        }
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i - self.start]
    }

    /// The head token of a mention, when it lies in this sentence.
    pub fn mention_head(&self, m: &chronicle_doc::Mention) -> Option<usize> {
        m.head
            .map(|h| h as usize)
            .filter(|h| (self.start..self.end).contains(h))
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.doc.tokens[i]
            .head
            .map(|h| h as usize)
            .filter(|h| (self.start..self.end).contains(h))
    }

    pub fn deprel(&self, i: usize) -> &'static str {
        self.doc.tokens[i].deprel.unwrap_or("")
    }

    /// The relation without its subtype (`nsubj:pass` → `nsubj`).
    pub fn base_deprel(&self, i: usize) -> &'static str {
        let rel = self.deprel(i);
        rel.split(':').next().unwrap_or(rel)
    }

    /// Whether the word is a past participle describing a noun ("victims *killed* in the
    /// crash", "a report *released* on Tuesday"): that noun is what the verb acts on.
    pub fn describes_noun_as_participle(&self, i: usize) -> bool {
        self.deprel(i) == "acl" && self.doc.tokens[i].xpos == Some("VBN")
    }

    /// The verb right after `i`'s phrase when it has no subject of its own ("eight people,
    /// Syrian state media *reported*"): the phrase is likely that verb's subject, misattached.
    pub fn subjectless_verb_after(&self, i: usize) -> Option<usize> {
        let next = self.subtree(i).into_iter().max().unwrap_or(i) + 1;
        (next < self.end
            && self.doc.tokens[next].upos == Some(chronicle_doc::Upos::Verb)
            && self.child(next, "nsubj").is_none()
            && self.child(next, "nsubj:pass").is_none())
        .then_some(next)
    }

    pub fn lemma(&self, i: usize) -> &str {
        match self.doc.tokens[i].lemma.as_deref() {
            Some(lemma) => lemma,
            None => self.doc.slice(self.doc.tokens[i].span),
        }
    }

    pub fn lower_lemma(&self, i: usize) -> String {
        self.lemma(i).to_lowercase()
    }

    pub fn text(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    /// The lower-case lemma of word `i` with the word hyphened to it in front, when the
    /// tokenizer split a hyphenated word ("de-escalation" → `de` `-` `escalation`, as UD does):
    /// `de-escalation`. None when `i` is not the end of such a word.
    pub fn hyphened_lemma(&self, i: usize) -> Option<String> {
        if i < self.start + 2 || self.text(i - 1) != "-" {
            return None;
        }
        let tokens = &self.doc.tokens;
        let joined =
            tokens[i - 2].span.end == tokens[i - 1].span.start && tokens[i - 1].span.end == tokens[i].span.start;
        joined.then(|| format!("{}-{}", self.text(i - 2).to_lowercase(), self.lower_lemma(i)))
    }

    /// The first child with relation `rel` (exact, subtype included).
    pub fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children(i).iter().copied().find(|&c| self.deprel(c) == rel)
    }

    /// Whether a child with relation `rel` has a lemma in `lemmas`.
    pub fn has_child_lemma(&self, i: usize, rels: &[&str], lemmas: &[&str]) -> bool {
        self.children(i)
            .iter()
            .any(|&c| rels.contains(&self.deprel(c)) && lemmas.contains(&self.lower_lemma(c).as_str()))
    }

    /// The preposition or subordinator marking a dependent (`with` in "talks with Putin").
    pub fn case_of(&self, i: usize) -> Option<String> {
        let marker = self
            .children(i)
            .iter()
            .copied()
            .filter(|&c| matches!(self.deprel(c), "case" | "mark"))
            .collect::<Vec<_>>();
        match marker.as_slice() {
            [] => None,
            // "in the event of": keep the whole multiword marker readable.
            many => Some(many.iter().map(|&c| self.lower_lemma(c)).collect::<Vec<_>>().join(" ")),
        }
    }

    /// Every token under `i` (itself included), in order.
    pub fn subtree(&self, i: usize) -> Vec<usize> {
        let mut nodes = vec![i];
        let mut k = 0;
        while k < nodes.len() {
            let n = nodes[k];
            nodes.extend_from_slice(self.children(n));
            k += 1;
        }
        nodes.sort_unstable();
        nodes
    }

    /// The text span of `i`'s subtree.
    pub fn subtree_span(&self, i: usize) -> Span {
        let nodes = self.subtree(i);
        let tokens = &self.doc.tokens;
        tokens[nodes[0]]
            .span
            .cover(tokens[*nodes.last().expect("a subtree holds its root")].span)
    }

    /// Ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut current = i;
        while let Some(head) = self.head(current) {
            if chain.contains(&head) || chain.len() > 40 {
                break; // a malformed parse with a cycle
            }
            chain.push(head);
            current = head;
        }
        chain
    }
}
