//! Interning of label strings.
//!
//! `Token::xpos` and `Token::deprel` are `&'static str`, so label tables are leaked. Going
//! through one process-wide interner means loading models again (tests, several pipelines)
//! leaks nothing new: each distinct label is leaked once per process.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

static LABELS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();

/// The `'static` copy of `s`.
pub fn intern(s: &str) -> &'static str {
    let mut set = LABELS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&l) = set.get(s) {
        return l;
    }
    let l: &'static str = Box::leak(s.to_string().into_boxed_str());
    set.insert(l);
    l
}

#[cfg(test)]
mod tests {
    #[test]
    fn interns_once() {
        let a = super::intern("nsubj:pass");
        let b = super::intern(&String::from("nsubj:pass"));
        assert!(std::ptr::eq(a, b));
    }
}
