//! Lemmatizer: an exception table plus suffix rules per XPOS tag, both learned from the
//! treebank.
//!
//! A rule is "optionally lower-case, strip N characters, append S" (`studies/NNS` → strip 3,
//! append `y`). For every (XPOS, final letters) context the most frequent rule is kept; at run
//! time the longest known ending decides, so unseen words inflect like seen ones. Words whose
//! most frequent lemma the rules get wrong (`went/VBD` → `go`) go into the exception table, so
//! the table only holds genuine irregulars and the file stays small. Irregular past forms the
//! treebank lacked come from a table of our own ([`crate::irregular`]), consulted after the
//! exceptions and before the rules.

use std::collections::HashMap;

use chronicle_doc::DataError;

use crate::conllu::TreeSentence;
use crate::format::{Reader, Writer};
use crate::hash::{finish, hash_str, mix, IdBuild};
use crate::irregular::IrregularVerbs;

const MAX_SUFFIX: usize = 6;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rule {
    pub lower: bool,
    pub strip: u8,
    pub add: String,
}

impl Rule {
    /// The rule turning `form` into `lemma`.
    pub fn learn(form: &str, lemma: &str) -> Rule {
        let lc = form.to_lowercase();
        let l: Vec<char> = lemma.chars().collect();
        let score = |f: &str| f.chars().zip(l.iter()).take_while(|(a, b)| a == *b).count();
        let (keep, low) = (score(form), score(&lc));
        // On a tie, a lower-case lemma means "lower-case first": a sentence-initial "Police"
        // then lemmatizes like "police".
        let lower = low > keep || (low == keep && !lemma.chars().any(char::is_uppercase));
        let (f, p) = if lower { (lc.as_str(), low) } else { (form, keep) };
        let n = f.chars().count();
        Rule {
            lower,
            strip: (n - p).min(255) as u8,
            add: l[p..].iter().collect(),
        }
    }

    pub fn apply(&self, form: &str) -> Option<String> {
        let f = if self.lower {
            form.to_lowercase()
        } else {
            form.to_string()
        };
        let n = f.chars().count();
        if self.strip as usize > n || (self.strip as usize == n && self.add.is_empty()) {
            return None;
        }
        let mut out: String = f.chars().take(n - self.strip as usize).collect();
        out.push_str(&self.add);
        Some(out)
    }
}

fn rule_key(xpos: &str, suffix: &[char]) -> u64 {
    let mut h = mix(hash_str(xpos), 0xAB);
    for &c in suffix {
        h = mix(h, u64::from(c as u32));
    }
    finish(mix(h, suffix.len() as u64))
}

fn exception_key(form: &str, xpos: &str) -> u64 {
    finish(mix(hash_str(form), hash_str(xpos)))
}

/// The lemmatizer's tables.
#[derive(Clone)]
pub struct Lemmatizer {
    /// (xpos, ending) → rule, as strings for serialization.
    rules: Vec<(String, String, Rule)>,
    /// (form, xpos, lemma).
    exceptions: Vec<(String, String, String)>,
    rule_index: HashMap<u64, usize, IdBuild>,
    exception_index: HashMap<u64, usize, IdBuild>,
    /// Irregular past forms the treebank may not have had ("shot", "fled").
    irregular: IrregularVerbs,
}

impl Lemmatizer {
    fn build(
        rules: Vec<(String, String, Rule)>,
        exceptions: Vec<(String, String, String)>,
        irregular: IrregularVerbs,
    ) -> Lemmatizer {
        let mut rule_index = HashMap::default();
        for (i, (x, s, _)) in rules.iter().enumerate() {
            let cs: Vec<char> = s.chars().collect();
            rule_index.insert(rule_key(x, &cs), i);
        }
        let mut exception_index = HashMap::default();
        for (i, (f, x, _)) in exceptions.iter().enumerate() {
            exception_index.insert(exception_key(f, x), i);
        }
        Lemmatizer {
            rules,
            exceptions,
            rule_index,
            exception_index,
            irregular,
        }
    }

    /// Learns rules and exceptions from treebank sentences.
    pub fn learn(sentences: &[TreeSentence]) -> Lemmatizer {
        // (xpos, ending) → rule → count
        let mut counts: HashMap<(String, String), HashMap<Rule, u32>> = HashMap::new();
        let mut lemmas: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        for s in sentences {
            for w in &s.words {
                if w.lemma == "_" && w.form != "_" {
                    continue;
                }
                let rule = Rule::learn(&w.form, &w.lemma);
                let lc: Vec<char> = w.form.to_lowercase().chars().collect();
                for k in 0..=MAX_SUFFIX.min(lc.len()) {
                    let suffix: String = lc[lc.len() - k..].iter().collect();
                    *counts
                        .entry((w.xpos.clone(), suffix))
                        .or_default()
                        .entry(rule.clone())
                        .or_default() += 1;
                }
                *lemmas
                    .entry((w.form.clone(), w.xpos.clone()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
            }
        }
        let best = |m: &HashMap<Rule, u32>| -> (Rule, u32) {
            let mut v: Vec<(&Rule, &u32)> = m.iter().collect();
            // Ties broken on the rule itself so the result does not depend on map order.
            v.sort_by(|a, b| {
                b.1.cmp(a.1)
                    .then_with(|| (a.0.strip, &a.0.add, a.0.lower).cmp(&(b.0.strip, &b.0.add, b.0.lower)))
            });
            (v[0].0.clone(), *v[0].1)
        };
        let mut keys: Vec<&(String, String)> = counts.keys().collect();
        keys.sort_by(|a, b| (a.1.chars().count(), a).cmp(&(b.1.chars().count(), b)));
        let mut chosen: HashMap<(String, String), Rule> = HashMap::new();
        let mut rules = Vec::new();
        for key in keys {
            let (rule, n) = best(&counts[key]);
            let parent: Option<&Rule> = (!key.1.is_empty())
                .then(|| {
                    let mut cs: Vec<char> = key.1.chars().collect();
                    cs.remove(0);
                    chosen.get(&(key.0.clone(), cs.into_iter().collect::<String>()))
                })
                .flatten();
            // Endings seen once are noise; an ending that agrees with its shorter parent adds nothing.
            if key.1.is_empty() || (n >= 2 && parent != Some(&rule)) {
                rules.push((key.0.clone(), key.1.clone(), rule.clone()));
            }
            if key.1.is_empty() || n >= 2 {
                chosen.insert(key.clone(), rule);
            } else if let Some(p) = parent.cloned() {
                chosen.insert(key.clone(), p);
            }
        }
        rules.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        // The table is compiled in and checked by its tests.
        let irregular = IrregularVerbs::builtin().expect("data/syntax/irregular-verbs.tsv is valid");
        let without = Lemmatizer::build(rules.clone(), Vec::new(), irregular.clone());
        let mut exceptions = Vec::new();
        for ((form, xpos), m) in &lemmas {
            let mut v: Vec<(&String, &u32)> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            let lemma = v[0].0;
            if &without.lemmatize(form, xpos) != lemma {
                exceptions.push((form.clone(), xpos.clone(), lemma.clone()));
            }
        }
        exceptions.sort();
        Lemmatizer::build(rules, exceptions, irregular)
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemmatize(&self, form: &str, xpos: &str) -> String {
        if let Some(&i) = self.exception_index.get(&exception_key(form, xpos)) {
            if self.exceptions[i].0 == form && self.exceptions[i].1 == xpos {
                return self.exceptions[i].2.clone();
            }
        }
        if let Some(lemma) = self.irregular.lemma(form, xpos) {
            return lemma.to_string();
        }
        let lc: Vec<char> = form.to_lowercase().chars().collect();
        for k in (0..=MAX_SUFFIX.min(lc.len())).rev() {
            if let Some(&i) = self.rule_index.get(&rule_key(xpos, &lc[lc.len() - k..])) {
                if let Some(l) = self.rules[i].2.apply(form) {
                    return l;
                }
            }
        }
        form.to_string()
    }

    pub fn n_rules(&self) -> usize {
        self.rules.len()
    }

    pub fn n_exceptions(&self) -> usize {
        self.exceptions.len()
    }

    pub fn write(&self, w: &mut Writer) {
        w.u32(self.rules.len() as u32);
        for (x, s, r) in &self.rules {
            w.str(x);
            w.str(s);
            w.u8(u8::from(r.lower));
            w.u8(r.strip);
            w.str(&r.add);
        }
        w.u32(self.exceptions.len() as u32);
        for (f, x, l) in &self.exceptions {
            w.str(f);
            w.str(x);
            w.str(l);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Lemmatizer, DataError> {
        let n = r.len(14)?;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let x = r.str()?;
            let s = r.str()?;
            let lower = r.u8()? != 0;
            let strip = r.u8()?;
            rules.push((
                x,
                s,
                Rule {
                    lower,
                    strip,
                    add: r.str()?,
                },
            ));
        }
        let n = r.len(12)?;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            exceptions.push((r.str()?, r.str()?, r.str()?));
        }
        Ok(Lemmatizer::build(rules, exceptions, IrregularVerbs::builtin()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn rules_strip_and_append() {
        let r = Rule::learn("studies", "study");
        assert_eq!(
            r,
            Rule {
                lower: true,
                strip: 3,
                add: "y".into()
            }
        );
        assert!(!Rule::learn("Paris", "Paris").lower);
        assert_eq!(r.apply("flies").unwrap(), "fly");
        let r = Rule::learn("The", "the");
        assert!(r.lower);
        assert_eq!(r.apply("A").unwrap(), "a");
        assert_eq!(Rule::learn("went", "go").apply("went").unwrap(), "go");
    }

    #[test]
    fn learns_rules_and_exceptions() {
        let mut text = String::new();
        let words = [
            ("cats", "cat", "NNS"),
            ("dogs", "dog", "NNS"),
            ("hats", "hat", "NNS"),
            ("cities", "city", "NNS"),
            ("ladies", "lady", "NNS"),
            ("walked", "walk", "VBD"),
            ("talked", "talk", "VBD"),
            ("went", "go", "VBD"),
            ("The", "the", "DT"),
            ("the", "the", "DT"),
            ("Paris", "Paris", "NNP"),
            ("London", "London", "NNP"),
        ];
        for (i, (f, l, x)) in words.iter().enumerate() {
            text.push_str(&format!("{}\t{f}\t{l}\tX\t{x}\t_\t0\troot\t_\t_\n\n", 1));
            let _ = i;
        }
        let s = conllu::parse("t", &text).unwrap();
        let lem = Lemmatizer::learn(&s);
        assert_eq!(lem.lemmatize("rats", "NNS"), "rat");
        assert_eq!(lem.lemmatize("babies", "NNS"), "baby");
        assert_eq!(lem.lemmatize("jumped", "VBD"), "jump");
        assert_eq!(lem.lemmatize("went", "VBD"), "go");
        // Unseen irregular past forms: the table, not the `-ed` rule ("fled" → "fl").
        assert_eq!(lem.lemmatize("fled", "VBD"), "flee");
        assert_eq!(lem.lemmatize("shot", "VBN"), "shoot");
        assert_eq!(lem.lemmatize("Berlin", "NNP"), "Berlin");
        assert_eq!(lem.lemmatize("THE", "DT"), "the");
        let mut w = Writer::default();
        lem.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new("l", &w.buf)).unwrap();
        assert_eq!(back.lemmatize("went", "VBD"), "go");
        assert_eq!(back.lemmatize("babies", "NNS"), "baby");
    }
}
