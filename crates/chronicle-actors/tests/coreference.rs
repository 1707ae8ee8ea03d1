//! Coreference cases on hand-built documents.

mod common;

use chronicle_doc::{EntityKind, MentionKind};
use common::*;

const ARTICLE: &str = "US President Joe Biden held a call with Vladimir Putin on Friday. \
Biden warned of sanctions. \
According to the White House, the two leaders discussed Ukraine. \
Washington stressed the value of talks. \
An official described the call as tense. \
The representative also criticised Moscow's demands. \
The official said more talks were planned. \
The US president said Washington had no plan to deploy missiles. \
\"We will respond,\" said Yuri Ushakov, an aide to the Russian president. \
He called the talks useful.";

fn article() -> chronicle_doc::Document {
    let mut d = doc(ARTICLE, "2021-12-31");
    entity(&mut d, "Joe Biden", 0, EntityKind::Person);
    entity(&mut d, "Vladimir Putin", 0, EntityKind::Person);
    entity(&mut d, "Biden", 1, EntityKind::Person);
    entity(&mut d, "Yuri Ushakov", 0, EntityKind::Person);
    run(&mut d);
    d
}

fn antecedent_text(d: &chronicle_doc::Document, text: &str, nth: usize) -> String {
    let m = mention(d, text, nth);
    let a = m
        .antecedent
        .unwrap_or_else(|| panic!("`{text}` has no antecedent: {}", dump(d)));
    d.slice(d.mentions[a as usize].span).to_string()
}

#[test]
fn surname_refers_to_the_full_name() {
    let d = article();
    let m = mention(&d, "Biden", 0);
    assert_eq!(m.canonical.as_deref(), Some("Joe Biden"));
    assert_eq!(m.actor.as_deref(), Some("USAGOV"));
    assert_eq!(antecedent_text(&d, "Biden", 0), "Joe Biden");
    // the entity gets the canonical name too
    let e = d.entities.iter().find(|e| d.slice(e.span) == "Biden").unwrap();
    assert_eq!(e.canonical.as_deref(), Some("Joe Biden"));
}

#[test]
fn two_leaders_are_both() {
    let d = article();
    let m = mention(&d, "the two leaders", 0);
    assert_eq!(m.canonical.as_deref(), Some("Joe Biden and Vladimir Putin"));
    assert_eq!(m.actor, None, "two different codes");
}

#[test]
fn definite_descriptions() {
    let d = article();
    assert_eq!(antecedent_text(&d, "The representative", 0), "An official");
    assert_eq!(actor(&d, "The representative", 0).as_deref(), Some("USAGOV"));
    // `The official` links to the nearest of the chain (`The representative` → `An official`).
    assert!(["An official", "The representative"].contains(&antecedent_text(&d, "The official", 0).as_str()));
    assert_eq!(actor(&d, "The official", 0).as_deref(), Some("USAGOV"));
    let m = mention(&d, "The US president", 0);
    assert_eq!(m.canonical.as_deref(), Some("Joe Biden"));
    assert_eq!(m.actor.as_deref(), Some("USAGOV"));
    let m = mention(&d, "the Russian president", 0);
    assert_eq!(m.canonical.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn pronoun_to_the_speaker() {
    let d = article();
    let he = d
        .mentions
        .iter()
        .find(|m| m.kind == MentionKind::Pronoun && d.slice(m.span) == "He")
        .unwrap_or_else(|| panic!("{}", dump(&d)));
    assert_eq!(he.canonical.as_deref(), Some("Yuri Ushakov"), "{}", dump(&d));
    assert_eq!(he.actor.as_deref(), Some("RUSGOV"));
}

#[test]
fn pronoun_gender_and_number() {
    let mut d = doc(
        "Angela Merkel met Emmanuel Macron in Paris. She said Russian troops must leave. They have not moved.",
        "2019-01-01",
    );
    run(&mut d);
    let she = mention(&d, "She", 0);
    assert_eq!(she.canonical.as_deref(), Some("Angela Merkel"), "{}", dump(&d));
    assert_eq!(she.actor.as_deref(), Some("DEUGOV"));
    let they = mention(&d, "They", 0);
    assert_eq!(they.actor.as_deref(), Some("RUSMIL"), "{}", dump(&d));
}

#[test]
fn pronoun_it_with_a_parse() {
    let mut d = doc("Washington said it is ready.", "2021-12-31");
    // hand-set parse: `it` is the subject of `is`, `Washington` of `said`
    d.tokens[0].deprel = Some("nsubj");
    d.tokens[2].deprel = Some("nsubj");
    run(&mut d);
    let it = mention(&d, "it", 0);
    assert_eq!(it.actor.as_deref(), Some("USAGOV"), "{}", dump(&d));
}

#[test]
fn unknown_person_keeps_the_appositive_code() {
    let mut d = doc(
        "Ivan Samplov, a spokesman for the Kremlin, denied it. Samplov said so again.",
        "2021-12-31",
    );
    entity(&mut d, "Ivan Samplov", 0, EntityKind::Person);
    entity(&mut d, "Samplov", 1, EntityKind::Person);
    run(&mut d);
    assert_eq!(actor(&d, "Ivan Samplov", 0).as_deref(), Some("RUSGOV"), "{}", dump(&d));
    let m = mention(&d, "Samplov", 0);
    assert_eq!(m.canonical.as_deref(), Some("Ivan Samplov"));
    assert_eq!(m.actor.as_deref(), Some("RUSGOV"));
}

#[test]
fn bare_definite_title_finds_the_office_holder() {
    let mut d = doc(
        "Emmanuel Macron met Olaf Scholz in Paris. The president said Europe must act.",
        "2023-05-01",
    );
    run(&mut d);
    let m = mention(&d, "The president", 0);
    assert_eq!(m.canonical.as_deref(), Some("Emmanuel Macron"), "{}", dump(&d));
    assert_eq!(m.actor.as_deref(), Some("FRAGOV"));
}
