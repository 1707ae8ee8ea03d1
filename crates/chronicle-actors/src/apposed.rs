//! Names in apposition to a description: "The US commander in Iraq, *General David
//! Petraeus*, …", "*President Michel Suleiman*, the Lebanese leader, …". A title before a
//! name the dictionaries do not know gives a role but no country, and the discourse's country
//! (the context fill) is often the wrong one: here the country named just before, Iraq. The
//! description the parse sets beside the name (`appos`, either way round) names the country;
//! the name takes the description's code.

use chronicle_doc::{Document, MentionKind};

use crate::resolve::Found;

/// [`Found::why`] of a name given the code of the description it is in apposition to.
pub const APPOSED: &str = "name in apposition to a description that names the country";

/// Gives each name still waiting for the context fill the code of a description in
/// apposition to it, if that description has a code of its own.
pub(crate) fn fill_from_appositions(all: &mut [Found], doc: &Document) {
    for i in 0..all.len() {
        let f = &all[i];
        if f.kind != MentionKind::Name || !f.needs_context || f.code.is_some() {
            continue;
        }
        let partner = all.iter().find(|g| {
            g.kind == MentionKind::Description
                && g.code.is_some()
                && !g.needs_context
                && (apposition(doc, &f.tokens, &g.tokens) || apposition(doc, &g.tokens, &f.tokens))
        });
        if let Some(code) = partner.and_then(|g| g.code.clone()) {
            let f = &mut all[i];
            f.code = Some(code);
            f.needs_context = false;
            f.why = APPOSED;
        }
    }
}

/// Whether a token of `dependent` is an `appos` of a token of `head`.
fn apposition(doc: &Document, dependent: &std::ops::Range<u32>, head: &std::ops::Range<u32>) -> bool {
    doc.tokens
        .get(dependent.start as usize..dependent.end as usize)
        .unwrap_or_default()
        .iter()
        .any(|t| t.deprel == Some("appos") && t.head.is_some_and(|h| head.contains(&h)))
}
