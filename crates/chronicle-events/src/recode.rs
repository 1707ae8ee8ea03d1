//! Recoding events that are intended, threatened, refused or announced rather than done
//! (`data/events/recode.tsv`).

use std::collections::HashMap;

use chronicle_doc::DataError;

use crate::Ontology;

const RECODE_FILE: &str = "data/events/recode.tsv";
const RECODE_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/recode.tsv"));

/// The class `future` needs no heads: it applies to events under `will` or `shall`.
pub(crate) const FUTURE: &str = "future";
/// The class `negated` needs no heads either: it applies to negated events.
pub(crate) const NEGATED: &str = "negated";
/// The class of refusals ("refused to meet"); a refusal head that is itself negated ("did not
/// rule out") recodes nothing.
pub(crate) const REFUSAL: &str = "refusal";
/// A `recode` line's code that keeps the event as it is (and stops later classes).
const KEEP: &str = "=";
/// The class of threats, which ultimatums ("… unless …") are coded as.
pub(crate) const THREAT: &str = "threat";

pub struct Recoding {
    /// Classes in file order, each with its head lemmas.
    classes: Vec<(String, Vec<String>)>,
    table: HashMap<(String, String), String>,
}

/// Why and how an event was recoded.
pub(crate) struct Recoded {
    pub code: String,
    pub class: String,
    pub head: String,
}

impl Recoding {
    pub fn builtin(ontology: &Ontology) -> Result<Recoding, DataError> {
        Recoding::parse(RECODE_FILE, RECODE_TSV, ontology)
    }

    pub fn parse(file: &str, text: &str, ontology: &Ontology) -> Result<Recoding, DataError> {
        let mut classes: Vec<(String, Vec<String>)> = Vec::new();
        let mut table = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| DataError::at_line(file, index + 1, message);
            let columns: Vec<&str> = line.split('\t').collect();
            match columns[..] {
                ["heads", class, lemmas] => {
                    let lemmas = lemmas.split(',').map(|l| l.trim().to_owned()).collect();
                    classes.push((class.to_owned(), lemmas));
                }
                ["recode", class, root, code] => {
                    if class != FUTURE && class != NEGATED && !classes.iter().any(|(c, _)| c == class) {
                        return Err(fail(format!("class `{class}` has no `heads` line above")));
                    }
                    if root.len() != 2 || ontology.get(root).is_none() {
                        return Err(fail(format!("`{root}` is not a CAMEO root")));
                    }
                    if code != KEEP && ontology.get(code).is_none() {
                        return Err(fail(format!("`{code}` is not a CAMEO code")));
                    }
                    table.insert((class.to_owned(), root.to_owned()), code.to_owned());
                }
                _ => return Err(fail("expected `heads CLASS LEMMAS` or `recode CLASS ROOT CODE`".into())),
            }
        }
        if !classes.iter().any(|(c, _)| c == FUTURE) {
            classes.push((FUTURE.to_owned(), Vec::new()));
        }
        Ok(Recoding { classes, table })
    }

    /// The first class whose heads include `lemma`.
    pub(crate) fn class_of(&self, lemma: &str) -> Option<&str> {
        self.classes
            .iter()
            .find(|(_, lemmas)| lemmas.iter().any(|l| l == lemma))
            .map(|(class, _)| class.as_str())
    }

    /// Whether a lemma puts what it governs in a recoding class ("pledge", "refuse", "threaten").
    pub(crate) fn is_head(&self, lemma: &str) -> bool {
        self.classes.iter().any(|(_, lemmas)| lemmas.iter().any(|l| l == lemma))
    }

    /// What an event made conditional on the other side's conduct becomes: its threat code
    /// where the table has one, else a threat not specified below (130). `head` is the
    /// condition's word (`unless`, `if`), for the explanation.
    pub(crate) fn recode_threat(&self, code: &str, head: &str) -> Recoded {
        let root = code.get(..2).unwrap_or("");
        let new = self
            .table
            .get(&(THREAT.to_owned(), root.to_owned()))
            .cloned()
            .unwrap_or_else(|| "130".to_owned());
        Recoded {
            code: new,
            class: THREAT.to_owned(),
            head: head.to_owned(),
        }
    }

    /// The code a negated event becomes ("would not provide support" → a refusal), from the
    /// `negated` class, which needs no heads.
    pub(crate) fn recode_negated(&self, code: &str) -> Option<Recoded> {
        let root = code.get(..2)?;
        self.table
            .get(&(NEGATED.to_owned(), root.to_owned()))
            .map(|new| Recoded {
                code: new.clone(),
                class: NEGATED.to_owned(),
                head: "not".to_owned(),
            })
    }

    /// The code an event of `code` becomes under the heads above it (nearest first), or
    /// under a future auxiliary.
    pub(crate) fn recode(&self, code: &str, heads: &[String], future: bool) -> Option<Recoded> {
        let root = &code[..2];
        for (class, lemmas) in &self.classes {
            let head = if class == NEGATED {
                None
            } else if class == FUTURE {
                future.then(|| "will".to_owned())
            } else {
                heads.iter().find(|h| lemmas.contains(h)).cloned()
            };
            if let (Some(head), Some(new)) = (head, self.table.get(&(class.clone(), root.to_owned()))) {
                if new == KEEP {
                    return None;
                }
                return Some(Recoded {
                    code: new.clone(),
                    class: class.clone(),
                    head,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn builtin_table_recodes_by_class_and_root() {
        let ontology = Ontology::builtin().unwrap();
        let recoding = Recoding::builtin(&ontology).unwrap();
        let threat = recoding.recode("163", &heads(&["ready"]), false).unwrap();
        assert_eq!((threat.code.as_str(), threat.class.as_str()), ("1312", "threat"));
        assert_eq!(
            recoding.recode("073", &heads(&["ready"]), false).unwrap().code,
            "033",
            "ready to help is an intent"
        );
        assert_eq!(recoding.recode("042", &heads(&["refuse"]), false).unwrap().code, "125");
        assert_eq!(recoding.recode("042", &[], true).unwrap().code, "036");
        assert!(recoding.recode("111", &[], true).is_none(), "criticism is not recoded");
        // "ended two days of talks": the talks took place; "ended aid" still cuts relations.
        assert!(recoding.recode("046", &heads(&["end"]), false).is_none());
        assert_eq!(
            recoding.recode("070", &heads(&["end"]), false).unwrap().class,
            "cessation"
        );
        assert_eq!(recoding.recode("046", &heads(&["halt"]), false).unwrap().code, "164");
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let ontology = Ontology::builtin().unwrap();
        let err = Recoding::parse("r.tsv", "recode\tthreat\t16\t1312\n", &ontology)
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "r.tsv:1: class `threat` has no `heads` line above");
        let err = Recoding::parse("r.tsv", "heads\tthreat\twarn\nrecode\tthreat\t16\t9999\n", &ontology)
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "r.tsv:2: `9999` is not a CAMEO code");
    }
}
