use std::collections::HashMap;

use chronicle_actors::dictionary::MetonymKind;
use chronicle_actors::Dictionary;
use chronicle_doc::{DataError, Document, Layers, Mention, MentionKind, Stage, Upos};

use crate::coder::Coder;
use crate::merge::merge;
use crate::recode::Recoding;
use crate::tree::Tree;
use crate::{Ontology, Patterns};

/// Codes CAMEO/PLOVER events from the parse, the actors, and (when present) times, places
/// and quotes.
pub struct EventStage {
    ontology: Ontology,
    patterns: Patterns,
    recoding: Recoding,
    /// Country adjectives (`Israeli`, `Brazilian`) with their country code, from the actor
    /// dictionary.
    nationals: HashMap<String, String>,
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
        Ok(EventStage {
            ontology,
            patterns,
            recoding,
            nationals,
            dictionary,
        })
    }

    /// A country mention for each place with a known country, in text order.
    fn place_mentions(&self, doc: &Document) -> Vec<Mention> {
        doc.places
            .iter()
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
                    actor: Some(self.dictionary.recode(&country.code, doc.meta.date)),
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
    fn mentions_with_nationals(&self, doc: &Document) -> Vec<Mention> {
        let mut mentions = doc.mentions.clone();
        for (sentence, s) in doc.sentences.iter().enumerate() {
            for i in s.tokens.start as usize..s.tokens.end as usize {
                let token = &doc.tokens[i];
                let surface = doc.slice(token.span);
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
                let covered = doc
                    .mentions
                    .iter()
                    .any(|m| m.actor.is_some() && m.span.overlaps(token.span));
                if !(modifies_noun || demonym) || covered {
                    continue;
                }
                mentions.push(Mention {
                    span: token.span,
                    head: Some(i as u32),
                    kind: MentionKind::Description,
                    actor: Some(self.dictionary.recode(code, doc.meta.date)),
                    canonical: self.dictionary.country(code).map(|c| c.canonical.clone()),
                    entity: None,
                    antecedent: None,
                    sentence: sentence as u32,
                });
            }
        }
        mentions
    }
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
        let mentions = self.mentions_with_nationals(doc);
        let places = self.place_mentions(doc);
        for sentence in 0..doc.sentences.len() {
            let tree = Tree::new(doc, &mentions, &places, sentence);
            coder.code_sentence(&tree, sentence as u32, &mut events);
        }
        doc.events = merge(events);
    }
}

#[cfg(test)]
mod tests;
