//! Exact-match entity scores (conlleval's P/R/F1), micro and per type.

use std::collections::HashSet;
use std::fmt;

use crate::model::TokenEntity;
use crate::tags::{conll_label, kind_index, KINDS};

/// True positives, predictions and gold counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Micro counts and counts per kind (PER, ORG, LOC, MISC).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    pub micro: Counts,
    pub per_kind: [Counts; 4],
}

impl Scores {
    /// Adds one sentence's predicted and gold entities.
    pub fn add(&mut self, pred: &[TokenEntity], gold: &[TokenEntity]) {
        let gold_set: HashSet<_> = gold.iter().collect();
        for p in pred {
            let k = kind_index(p.2);
            self.micro.pred += 1;
            self.per_kind[k].pred += 1;
            if gold_set.contains(p) {
                self.micro.tp += 1;
                self.per_kind[k].tp += 1;
            }
        }
        for g in gold {
            self.micro.gold += 1;
            self.per_kind[kind_index(g.2)].gold += 1;
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{name:<6} P {:.4}  R {:.4}  F1 {:.4}  (tp {}, pred {}, gold {})",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.pred,
                c.gold
            )
        };
        row(f, "all", &self.micro)?;
        for (k, c) in KINDS.iter().zip(&self.per_kind) {
            row(f, conll_label(*k), c)?;
        }
        Ok(())
    }
}
