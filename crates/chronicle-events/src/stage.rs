use std::collections::HashMap;

use chronicle_actors::dictionary::MetonymKind;
use chronicle_actors::Dictionary;
use chronicle_doc::{DataError, Document, EntityKind, Layers, Mention, MentionKind, Span, Stage, Upos};

use crate::coder::Coder;
use crate::merge::merge;
use crate::recode::Recoding;
use crate::tree::Tree;
use crate::{Ontology, Patterns};

/// The places stage's feature for a street, square or road.
const STREET: &str = "street";

/// Codes CAMEO/PLOVER events from the parse, the actors, and (when present) times, places
/// and quotes.
pub struct EventStage {
    ontology: Ontology,
    patterns: Patterns,
    recoding: Recoding,
    /// Country adjectives (`Israeli`, `Brazilian`) with their country code, from the actor
    /// dictionary.
    nationals: HashMap<String, String>,
    /// One-word country names (`Kenya`, `Montenegro`) with their code, from the dictionary.
    country_names: HashMap<String, String>,
    dictionary: Dictionary,
}

impl EventStage {
    pub fn new() -> Result<EventStage, DataError> {
        let ontology = Ontology::builtin()?;
        let patterns = Patterns::builtin(&ontology)?;
        let recoding = Recoding::builtin(&ontology)?;
        let dictionary = Dictionary::shipped()?;
        let mut nationals = HashMap::new();
        for country in &dictionary.countries {
            for adjective in &country.adjectives {
                nationals
                    .entry(adjective.clone())
                    .or_insert_with(|| country.code.clone());
            }
        }
        for metonym in dictionary.metonyms.iter().filter(|m| m.kind == MetonymKind::Adjective) {
            nationals
                .entry(metonym.surface.clone())
                .or_insert_with(|| metonym.code.clone());
        }
        let mut country_names = HashMap::new();
        for country in dictionary.countries.iter().filter(|c| c.stands_for.is_none()) {
            for name in country.names.iter().filter(|n| !n.contains(' ')) {
                country_names
                    .entry(name.clone())
                    .or_insert_with(|| country.code.clone());
            }
        }
        for metonym in dictionary
            .metonyms
            .iter()
            .filter(|m| matches!(m.kind, MetonymKind::Name | MetonymKind::Canonical) && !m.surface.contains(' '))
        {
            country_names
                .entry(metonym.surface.clone())
                .or_insert_with(|| metonym.code.clone());
        }
        Ok(EventStage {
            ontology,
            patterns,
            recoding,
            nationals,
            country_names,
            dictionary,
        })
    }

    /// A country mention for each place with a known country, in text order. A street
    /// ("Alps Road") says where in a town something is, never which country acts or suffers.
    fn place_mentions(&self, doc: &Document) -> Vec<Mention> {
        doc.places
            .iter()
            .filter(|place| place.feature.as_deref() != Some(STREET))
            .filter_map(|place| {
                let alpha2 = place.country.as_deref()?;
                let country = self
                    .dictionary
                    .countries
                    .iter()
                    .find(|c| c.alpha2.as_deref() == Some(alpha2) && c.stands_for.is_none())?;
                let sentence = doc.sentences.iter().position(|s| s.span.contains(place.span))?;
                let head = (doc.sentences[sentence].tokens.start..doc.sentences[sentence].tokens.end)
                    .rev()
                    .find(|&t| place.span.contains(doc.tokens[t as usize].span));
                Some(Mention {
                    span: place.span,
                    head,
                    kind: MentionKind::Name,
                    // A country named as such is that country ("in Serbia" in 1995 is SRB);
                    // a place inside it is in the state of the date (a town in Serbia then: YUG).
                    actor: Some(if place.feature.as_deref() == Some("country") {
                        country.code.clone()
                    } else {
                        self.dictionary.recode(&country.code, doc.meta.date)
                    }),
                    canonical: Some(country.canonical.clone()),
                    entity: None,
                    antecedent: None,
                    sentence: sentence as u32,
                })
            })
            .collect()
    }

    /// The document's actor mentions plus a country mention for each national adjective
    /// that modifies a noun and lies in no actor mention ("*Brazilian* men", "*Israeli* tank
    /// shelling", "an *Indian* proposal"). The actor layer leaves these out on purpose (they
    /// are not actors as phrases: "French wine"); for an event they say whose act or whose
    /// people it is.
    fn mentions_with_nationals(&self, doc: &Document, places: &[Mention]) -> Vec<Mention> {
        let mut mentions = doc.mentions.clone();
        for (sentence, s) in doc.sentences.iter().enumerate() {
            for i in s.tokens.start as usize..s.tokens.end as usize {
                let token = &doc.tokens[i];
                let surface = doc.slice(token.span);
                if let Some(m) = self.ethnic_group(doc, places, sentence, i) {
                    mentions.push(m);
                    continue;
                }
                // "Young *Algerians* blocked roads": a plural demonym is its country's people.
                // Not an ethnic group named by where it lives ("Bosnian Serbs", "ethnic
                // Albanians"): those are the people of another country.
                let qualified = doc.tokens[s.tokens.start as usize..s.tokens.end as usize]
                    .iter()
                    .any(|t| {
                        t.head == Some(i as u32)
                            && matches!(t.deprel, Some("amod" | "compound"))
                            && (self.nationals.contains_key(doc.slice(t.span))
                                || doc.slice(t.span).eq_ignore_ascii_case("ethnic"))
                    });
                let demonym = matches!(token.upos, Some(Upos::Noun | Upos::Propn))
                    && !qualified
                    && token.deprel != Some("flat")
                    && surface
                        .strip_suffix('s')
                        .is_some_and(|singular| self.nationals.contains_key(singular));
                let code = if demonym {
                    &self.nationals[&surface[..surface.len() - 1]]
                } else {
                    match self.nationals.get(surface) {
                        Some(code) => code,
                        None => continue,
                    }
                };
                // "Russian-American talks" split in words: one adjective compounds the other.
                let modifies_noun = matches!(token.deprel, Some("amod" | "compound" | "nmod"))
                    && token.head.and_then(|h| doc.tokens.get(h as usize)).is_some_and(|h| {
                        matches!(h.upos, Some(Upos::Noun | Upos::Propn))
                            || (token.deprel == Some("compound") && h.upos == Some(Upos::Adj))
                    });
                if !(modifies_noun || demonym) || has_actor(doc, token.span) {
                    continue;
                }
                mentions.push(self.national(token.span, i, code, sentence));
            }
        }
        mentions.extend(self.national_organizations(doc));
        mentions
    }

    /// A country mention for the national adjective or demonym headed by token `head`. A
    /// country's own adjective is that country, never recoded by date (as in the actor layer:
    /// "Serbian" in 1995 is SRB).
    fn national(&self, span: Span, head: usize, code: &str, sentence: usize) -> Mention {
        Mention {
            span,
            head: Some(head as u32),
            kind: MentionKind::Description,
            actor: Some(code.to_owned()),
            canonical: self.dictionary.country(code).map(|c| c.canonical.clone()),
            entity: None,
            antecedent: None,
            sentence: sentence as u32,
        }
    }

    /// An ethnic group named by a people's demonym stands for the country it lives in, as
    /// CAMEO codes it: "*Bosnian Serbs*" (another nationality before the demonym) are of that
    /// nationality's country; "*ethnic Albanians*" and "the *Albanians of* southern Serbia"
    /// are of the country of the nearest place in the sentence (nothing when there is none).
    fn ethnic_group(&self, doc: &Document, places: &[Mention], sentence: usize, i: usize) -> Option<Mention> {
        let s = &doc.sentences[sentence];
        let token = &doc.tokens[i];
        let surface = doc.slice(token.span);
        let own = self.nationals.get(surface.strip_suffix('s')?)?;
        if doc.mentions.iter().any(|m| {
            m.actor.is_some()
                && m.span.overlaps(token.span)
                && !m.actor.as_deref().is_some_and(|a| a.starts_with(own.as_str()))
        }) {
            return None;
        }
        let first = s.tokens.start as usize;
        let word = |t: usize| doc.tokens.get(t).map(|t| doc.slice(t.span)).unwrap_or("");
        // "Bosnian Serbs": another country's adjective right before.
        if i > first {
            if let Some(code) = self.nationals.get(word(i - 1)).filter(|c| *c != own) {
                return Some(self.national(doc.tokens[i - 1].span.cover(token.span), i, code, sentence));
            }
        }
        let ethnic = i > first && word(i - 1).eq_ignore_ascii_case("ethnic");
        let of_place = matches!(word(i + 1), "of" | "in");
        if !(ethnic || of_place) {
            return None;
        }
        let place = places
            .iter()
            .filter(|p| {
                p.sentence == sentence as u32 && p.actor.as_deref().is_some_and(|a| !a.starts_with(own.as_str()))
            })
            .filter(|p| ethnic || p.span.start > token.span.end)
            .min_by_key(|p| p.span.start.abs_diff(token.span.start))?;
        let start = if ethnic { doc.tokens[i - 1].span } else { token.span };
        Some(Mention {
            span: start.cover(token.span),
            head: Some(i as u32),
            kind: MentionKind::Description,
            actor: place.actor.as_deref().map(|a| a[..3].to_string()),
            canonical: place.canonical.clone(),
            entity: None,
            antecedent: None,
            sentence: sentence as u32,
        })
    }

    /// A mention for each organization the NER found and the actor layer could not code whose
    /// name holds a country's name or adjective ("the *Kenya* Anti-Corruption Commission", "the
    /// *Montenegro* Municipality Association"): as an actor it is of that country. The actor
    /// layer leaves such a country word inside the name on purpose (it is no mention of the
    /// country itself).
    fn national_organizations(&self, doc: &Document) -> Vec<Mention> {
        let mut out = Vec::new();
        for e in doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Organization && e.actor.is_none())
        {
            if has_actor(doc, e.span) {
                continue;
            }
            let Some(s) = doc.sentences.get(e.sentence as usize) else {
                continue;
            };
            let tokens: Vec<u32> = (s.tokens.start..s.tokens.end)
                .filter(|&t| e.span.contains(doc.tokens[t as usize].span))
                .collect();
            let code = tokens.iter().find_map(|&t| {
                let w = doc.slice(doc.tokens[t as usize].span);
                self.country_names.get(w).or_else(|| self.nationals.get(w))
            });
            let (Some(code), Some(&head)) = (code, tokens.last()) else {
                continue;
            };
            out.push(Mention {
                span: e.span,
                head: Some(head),
                kind: MentionKind::Name,
                actor: Some(code.clone()),
                canonical: Some(doc.slice(e.span).to_string()),
                entity: None,
                antecedent: None,
                sentence: e.sentence,
            });
        }
        out
    }
}

/// A pattern that fired on a token: the trigger the coder starts from, whether or not an
/// event came of it (an event also needs its actors, and may be folded into another).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Firing {
    /// The sentence, counted from 0.
    pub sentence: u32,
    /// The trigger token, counted in the document.
    pub token: u32,
    /// The pattern's `file:line`.
    pub pattern: String,
    pub code: String,
}

impl EventStage {
    /// The patterns, as loaded.
    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    /// The pattern each token of an annotated document fires (the most specific whose
    /// constraints hold), in text order. A diagnostic: it codes nothing and changes nothing.
    pub fn fired_patterns(&self, doc: &Document) -> Vec<Firing> {
        let places = self.place_mentions(doc);
        let mut mentions = self.mentions_with_nationals(doc, &places);
        fill_unknown_countries(&mut mentions, &places);
        let mut out = Vec::new();
        for sentence in 0..doc.sentences.len() {
            let tree = Tree::new(doc, &mentions, &places, sentence);
            for i in tree.start..tree.end {
                if let Some(p) = crate::trigger::matching_pattern(&tree, i, &self.patterns) {
                    out.push(Firing {
                        sentence: sentence as u32,
                        token: i as u32,
                        pattern: p.id.clone(),
                        code: p.code.clone(),
                    });
                }
            }
        }
        out
    }
}

/// Whether an actor mention of the document overlaps `span`.
fn has_actor(doc: &Document, span: Span) -> bool {
    doc.mentions.iter().any(|m| m.actor.is_some() && m.span.overlaps(span))
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES | Layers::TAGS | Layers::LEMMAS | Layers::PARSE | Layers::ACTORS
    }

    fn assigns(&self) -> Layers {
        Layers::EVENTS
    }

    fn run(&self, doc: &mut Document) {
        let coder = Coder {
            ontology: &self.ontology,
            patterns: &self.patterns,
            recoding: &self.recoding,
            quotes: doc.quotes.iter().map(|q| q.span).collect(),
        };
        let mut events = Vec::new();
        let places = self.place_mentions(doc);
        let mut mentions = self.mentions_with_nationals(doc, &places);
        fill_unknown_countries(&mut mentions, &places);
        for sentence in 0..doc.sentences.len() {
            let tree = Tree::new(doc, &mentions, &places, sentence);
            coder.code_sentence(&tree, sentence as u32, &mut events);
        }
        doc.events = merge(events);
    }
}

/// Gives a role whose country the actor layer could not tell (`---GOV` for "President
/// Abdelaziz Sample", `---GOV` for "officials" in a one-sentence story) the country of the
/// nearest state-coded mention or place with a country: first before it in its sentence,
/// then after it in its sentence, then in the two sentences before. The actor layer saw no
/// places; a title with an unknown name in a story about one country is that country's.
pub(crate) fn fill_unknown_countries(mentions: &mut [Mention], places: &[Mention]) {
    let country_of = |m: &Mention| {
        m.actor
            .as_deref()
            .filter(|c| chronicle_actors::code::is_state(c))
            .map(|c| c[..3].to_string())
    };
    let mut fills = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(code) = m.actor.as_deref() else { continue };
        if !code.starts_with("---") || code.len() <= 3 {
            continue;
        }
        let candidates = || {
            mentions
                .iter()
                .enumerate()
                .filter(move |(j, _)| *j != i)
                .map(|(_, o)| o)
                .chain(places.iter())
                .filter(|o| !o.span.overlaps(m.span))
                .filter_map(|o| country_of(o).map(|c| (o, c)))
        };
        let before = candidates()
            .filter(|(o, _)| o.sentence == m.sentence && o.span.end <= m.span.start)
            .max_by_key(|(o, _)| o.span.end);
        let after = || {
            candidates()
                .filter(|(o, _)| o.sentence == m.sentence && o.span.start >= m.span.end)
                .min_by_key(|(o, _)| o.span.start)
        };
        let earlier = || {
            candidates()
                .filter(|(o, _)| o.sentence < m.sentence && o.sentence + 2 >= m.sentence)
                .max_by_key(|(o, _)| o.span.end)
        };
        if let Some((_, c)) = before.or_else(after).or_else(earlier) {
            fills.push((i, format!("{c}{}", &code[3..])));
        }
    }
    for (i, code) in fills {
        mentions[i].actor = Some(code);
    }
}

#[cfg(test)]
mod tests;
