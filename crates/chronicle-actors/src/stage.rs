//! The pipeline stage and the helper API quotes and events use.

use std::ops::Range;

use chronicle_doc::{DataError, Document, EntityKind, Layers, Mention, MentionKind, Stage};

use crate::coref;
use crate::dictionary::Dictionary;
use crate::matcher::Matcher;
use crate::resolve::{Found, Resolver, QUALIFIED_SEAT, SEAT_OF_GOVERNMENT};

/// Actor resolution and coreference: codes on entities, and the `mentions` layer.
pub struct ActorStage {
    dict: Dictionary,
    matcher: Matcher,
}

impl ActorStage {
    /// Loads and validates the shipped dictionaries and compiles the automaton.
    pub fn new() -> Result<ActorStage, DataError> {
        ActorStage::with_dictionary(Dictionary::shipped()?)
    }

    pub fn with_dictionary(dict: Dictionary) -> Result<ActorStage, DataError> {
        let matcher = Matcher::new(&dict)?;
        Ok(ActorStage { dict, matcher })
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The mentions `run` would add, with the resolver's reasons, without touching `doc`.
    pub fn analyze(&self, doc: &Document) -> Vec<Found> {
        let res = Resolver::new(&self.dict, &self.matcher, doc);
        let mut all = res.resolve_document();
        coref::link(&mut all, &res);
        all
    }

    /// The actor code and canonical name of the phrase over `tokens`: the largest mention
    /// inside it if the stage has run, else the phrase resolved on its own (using the
    /// article date).
    pub fn resolve_phrase(&self, doc: &Document, tokens: Range<u32>) -> Option<(String, Option<String>)> {
        if tokens.is_empty() || tokens.end as usize > doc.tokens.len() {
            return None;
        }
        let span = doc.tokens[tokens.start as usize]
            .span
            .cover(doc.tokens[tokens.end as usize - 1].span);
        let inside = doc
            .mentions
            .iter()
            .filter(|m| span.contains(m.span) && m.actor.is_some())
            .max_by_key(|m| (m.span.len(), std::cmp::Reverse(m.span.start)));
        if let Some(m) = inside {
            return Some((m.actor.clone()?, m.canonical.clone()));
        }
        let res = Resolver::new(&self.dict, &self.matcher, doc);
        let sentence = doc.sentence_at(span.start).unwrap_or(0) as u32;
        let found = res.resolve_range(tokens, sentence);
        found
            .into_iter()
            .filter(|f| f.code.is_some() && !f.needs_context)
            .max_by_key(|f| (f.tokens.len(), std::cmp::Reverse(f.tokens.start)))
            .map(|f| (f.code.unwrap(), f.canonical))
    }
}

impl Stage for ActorStage {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES | Layers::ENTITIES
    }

    fn assigns(&self) -> Layers {
        Layers::ACTORS
    }

    fn run(&self, doc: &mut Document) {
        let all = self.analyze(doc);
        let mut mentions = Vec::with_capacity(all.len());
        for f in &all {
            let span = doc.tokens[f.tokens.start as usize]
                .span
                .cover(doc.tokens[f.tokens.end as usize - 1].span);
            mentions.push(Mention {
                span,
                head: Some(f.head),
                kind: f.kind,
                actor: f.code.clone(),
                canonical: f.canonical.clone(),
                entity: None,
                antecedent: f.antecedent.map(|a| a as u32),
                sentence: f.sentence,
            });
        }
        // Entities: the name mention overlapping each most; an entity without one may be the
        // modifier of a larger phrase (`US` in `US President Joe Biden`): its own words decide.
        let mut codes: Vec<(Option<String>, Option<String>, Option<usize>)> = Vec::new();
        {
            let res = Resolver::new(&self.dict, &self.matcher, doc);
            for e in &doc.entities {
                let best = mentions
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.kind == MentionKind::Name && m.span.overlaps(e.span))
                    .max_by_key(|(_, m)| {
                        let s = m.span.start.max(e.span.start);
                        let t = m.span.end.min(e.span.end);
                        (t - s, std::cmp::Reverse(m.span.len()))
                    })
                    .map(|(i, _)| i)
                    .or_else(|| {
                        // An organization or place the NER saw that is a description to us
                        // (`Russian Defence Ministry`); never a MISC adjective (`Russian`).
                        let head_inside =
                            |m: &Mention| m.head.is_some_and(|h| e.span.contains(doc.tokens[h as usize].span));
                        if e.kind == EntityKind::Misc {
                            return None;
                        }
                        mentions
                            .iter()
                            .position(|m| m.kind == MentionKind::Description && m.actor.is_some() && head_inside(m))
                    });
                codes.push(match best {
                    Some(i) => (mentions[i].actor.clone(), mentions[i].canonical.clone(), Some(i)),
                    None => {
                        let toks = entity_tokens(doc, e.span);
                        let own = res
                            .resolve_range(toks, e.sentence)
                            .into_iter()
                            .find(|f| f.kind == MentionKind::Name && f.code.is_some());
                        match own {
                            Some(f) => (f.code, f.canonical, None),
                            None => (None, None, None),
                        }
                    }
                });
            }
        }
        for (ei, (e, (actor, canonical, m))) in doc.entities.iter_mut().zip(codes).enumerate() {
            e.actor = actor;
            e.canonical = canonical;
            // The Kremlin, the White House, Downing Street: a seat of government named is the
            // institution acting (RUSGOV), so an organization whatever its shape as a place.
            if e.kind == EntityKind::Place
                && m.is_some_and(|i| [SEAT_OF_GOVERNMENT, QUALIFIED_SEAT].contains(&all[i].why))
            {
                e.kind = EntityKind::Organization;
            }
            if let Some(i) = m {
                if mentions[i].entity.is_none() {
                    mentions[i].entity = Some(ei as u32);
                }
            }
        }
        doc.mentions = mentions;
        doc.mark_done(Layers::ACTORS);
    }
}

/// The tokens inside `span`.
fn entity_tokens(doc: &Document, span: chronicle_doc::Span) -> Range<u32> {
    let t = &doc.tokens;
    let s = t.partition_point(|x| x.span.start < span.start) as u32;
    let e = t.partition_point(|x| x.span.end <= span.end) as u32;
    s..e.max(s)
}

/// The mention covering token `token`, preferring one headed by it, then the smallest.
pub fn mention_at(doc: &Document, token: u32) -> Option<&Mention> {
    let span = doc.tokens.get(token as usize)?.span;
    doc.mentions
        .iter()
        .filter(|m| m.span.contains(span))
        .min_by_key(|m| (m.head != Some(token), m.span.len()))
}
