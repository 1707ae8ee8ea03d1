//! Event patterns: which words trigger which CAMEO code, and where source and target are.
//!
//! `data/events/patterns.tsv`, one pattern per line:
//!
//! ```text
//! kind  trigger              code  target          example
//! verb  call for +de-escalation 0256 obj,on         Biden called for a de-escalation.
//! noun  talks                046   with,between    They held talks with Iran.
//! ```
//!
//! * `kind`: `verb` (a verb with this lemma) or `noun` (a noun with this lemma);
//! * `trigger`: the lemma, then optional words that must be attached to it (a particle or a
//!   preposition: `call for`), then optional `+noun|noun` alternatives its object must have
//!   (`impose +sanction`, `hold +talk|meeting`);
//! * `code`: the CAMEO code, checked against the ontology;
//! * `target`: where the target is, in order of preference: `obj`, `iobj`, a preposition
//!   (`with`, `against`, `to`, …), `comp` (the first actor in a clausal complement), `none`
//!   (the event needs no target); a leading `<` reverses the roles: the actor found in the
//!   slots is the source and the subject the target (`receive +aid` `<from`: "Haiti received
//!   aid *from the US*" is the US giving aid to Haiti);
//! * `example`: a sentence of our own the pattern is written for.

use std::collections::HashMap;

use chronicle_doc::DataError;

use crate::Ontology;

const PATTERNS_FILE: &str = "data/events/patterns.tsv";
const PATTERNS_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/patterns.tsv"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// Where to look for a target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    Object,
    IndirectObject,
    Preposition(String),
    Complement,
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// `file:line`, shown by `--explain`.
    pub id: String,
    pub kind: TriggerKind,
    pub lemma: String,
    /// Words that must be attached to the trigger (`for` in "call for").
    pub particles: Vec<String>,
    /// Lemmas one of which the trigger's object must have; empty when any will do, or
    /// [`ANY_OBJECT`] alone when there must be an object, whatever it is.
    pub objects: Vec<String>,
    pub code: String,
    pub targets: Vec<Slot>,
    /// The slots name the source and the subject is the target (`<` in the file).
    pub reversed: bool,
    /// The line's example sentence (empty for patterns built in code).
    pub example: String,
}

impl Pattern {
    /// More constrained patterns win over looser ones for the same trigger.
    pub fn specificity(&self) -> usize {
        let objects = match self.objects.as_slice() {
            [] => 0,
            [any] if any == ANY_OBJECT => 1,
            _ => 2,
        };
        self.particles.len() + objects
    }

    /// The pattern's line in its file (0 for patterns built in code).
    pub fn line(&self) -> usize {
        self.id.rsplit(':').next().and_then(|n| n.parse().ok()).unwrap_or(0)
    }

    /// Whether the pattern names its object's words ("hold +talk"), which are then part of
    /// its event rather than events of their own.
    pub fn names_objects(&self) -> bool {
        !self.objects.is_empty() && self.objects != [ANY_OBJECT]
    }
}

/// `+*` in the file: the trigger needs an object of any kind ("return +*": returning
/// something, not returning to a place).
pub const ANY_OBJECT: &str = "*";

/// All patterns, by trigger kind and lemma.
pub struct Patterns {
    by_trigger: HashMap<(TriggerKind, String), Vec<Pattern>>,
    count: usize,
}

impl Patterns {
    pub fn builtin(ontology: &Ontology) -> Result<Patterns, DataError> {
        Patterns::parse(PATTERNS_FILE, PATTERNS_TSV, ontology)
    }

    pub fn parse(file: &str, text: &str, ontology: &Ontology) -> Result<Patterns, DataError> {
        let mut by_trigger: HashMap<(TriggerKind, String), Vec<Pattern>> = HashMap::new();
        let mut count = 0;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let number = index + 1;
            let fail = |message: String| DataError::at_line(file, number, message);
            let columns: Vec<&str> = line.split('\t').collect();
            let [kind, trigger, code, targets, example] = columns[..] else {
                return Err(fail(format!(
                    "expected 5 tab-separated columns, found {}",
                    columns.len()
                )));
            };
            let kind = match kind {
                "verb" => TriggerKind::Verb,
                "noun" => TriggerKind::Noun,
                other => return Err(fail(format!("kind `{other}` is not verb or noun"))),
            };
            let mut words = trigger.split_whitespace();
            let lemma = words.next().ok_or_else(|| fail("empty trigger".into()))?.to_lowercase();
            let (mut particles, mut objects) = (Vec::new(), Vec::new());
            for word in words {
                match word.strip_prefix('+') {
                    Some(alternatives) => objects.extend(alternatives.split('|').map(str::to_lowercase)),
                    None => particles.push(word.to_lowercase()),
                }
            }
            if ontology.get(code).is_none() {
                return Err(fail(format!("`{code}` is not a CAMEO code")));
            }
            let (reversed, targets) = match targets.strip_prefix('<') {
                Some(rest) => (true, rest),
                None => (false, targets),
            };
            let targets = targets
                .split(',')
                .map(|slot| match slot.trim() {
                    "obj" => Ok(Slot::Object),
                    "iobj" => Ok(Slot::IndirectObject),
                    "comp" => Ok(Slot::Complement),
                    "none" => Ok(Slot::None),
                    word if !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase()) => {
                        Ok(Slot::Preposition(word.to_owned()))
                    }
                    other => Err(fail(format!(
                        "target slot `{other}` is not obj, iobj, comp, none or a preposition"
                    ))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            if example.trim().is_empty() {
                return Err(fail("every pattern needs an example sentence".into()));
            }
            let pattern = Pattern {
                id: format!("{file}:{number}"),
                kind,
                lemma: lemma.clone(),
                particles,
                objects,
                code: code.to_owned(),
                targets,
                reversed,
                example: example.trim().to_owned(),
            };
            let list = by_trigger.entry((kind, lemma)).or_default();
            if list
                .iter()
                .any(|p| p.particles == pattern.particles && p.objects == pattern.objects)
            {
                return Err(fail(format!("trigger `{trigger}` is listed twice")));
            }
            list.push(pattern);
            count += 1;
        }
        for list in by_trigger.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.specificity()));
        }
        Ok(Patterns { by_trigger, count })
    }

    /// Every pattern, in the order of the file.
    pub fn all(&self) -> Vec<&Pattern> {
        let mut all: Vec<&Pattern> = self.by_trigger.values().flatten().collect();
        all.sort_by_key(|p| p.line());
        all
    }

    /// The patterns for a trigger, most specific first.
    pub fn for_trigger(&self, kind: TriggerKind, lemma: &str) -> &[Pattern] {
        self.by_trigger
            .get(&(kind, lemma.to_owned()))
            .map_or(&[], Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_patterns_load() {
        let ontology = Ontology::builtin().unwrap();
        let patterns = Patterns::builtin(&ontology).unwrap();
        assert!(patterns.len() > 100, "{} patterns", patterns.len());
        let all = patterns.all();
        assert_eq!(all.len(), patterns.len());
        assert!(all.windows(2).all(|w| w[0].line() < w[1].line()), "in file order");
        assert!(all.iter().all(|p| !p.example.is_empty()));
        let call = patterns.for_trigger(TriggerKind::Verb, "call");
        assert!(
            call[0].specificity() >= call.last().unwrap().specificity(),
            "most specific first"
        );
        let reversed = Patterns::parse(
            "p.tsv",
            "verb\treceive +aid\t070\t<from,obj\tHaiti received aid from the US.\n",
            &ontology,
        )
        .unwrap();
        let receive = &reversed.for_trigger(TriggerKind::Verb, "receive")[0];
        assert!(receive.reversed);
        assert_eq!(receive.targets, [Slot::Preposition("from".into()), Slot::Object]);
    }

    #[test]
    fn malformed_patterns_name_file_and_line() {
        let ontology = Ontology::builtin().unwrap();
        let cases = [
            (
                "verb\tmeet\t040\twith\n",
                "p.tsv:1: expected 5 tab-separated columns, found 4",
            ),
            (
                "verb\tmeet\t999\twith\tThey met.\n",
                "p.tsv:1: `999` is not a CAMEO code",
            ),
            (
                "adj\tmeet\t040\twith\tThey met.\n",
                "p.tsv:1: kind `adj` is not verb or noun",
            ),
            (
                "verb\tmeet\t040\tWITH\tThey met.\n",
                "p.tsv:1: target slot `WITH` is not obj, iobj, comp, none or a preposition",
            ),
            (
                "verb\tmeet\t040\twith\t \n",
                "p.tsv:1: every pattern needs an example sentence",
            ),
            (
                "verb\tmeet\t040\twith\tThey met.\nverb\tmeet\t042\tobj\tThey met.\n",
                "p.tsv:2: trigger `meet` is listed twice",
            ),
        ];
        for (text, expected) in cases {
            let err = Patterns::parse("p.tsv", text, &ontology).err().expect(expected);
            assert_eq!(err.to_string(), expected);
        }
    }
}
