//! The coder on hand-built parses (the tagger and parser live in another crate; these tests
//! pin this crate's logic alone).

use chronicle_doc::{Date, Document, Layers, Mention, MentionKind, Meta, Mode, Sentence, Span, Stage, Token, Upos};

use super::EventStage;

/// One word of a hand-built parse: form, lemma, UPOS, 1-based head (0 = root), relation.
type Row = (&'static str, &'static str, &'static str, u32, &'static str);

/// A document of parsed sentences, with actor mentions given as
/// (sentence, first word, end word, actor code).
fn document(sentences: &[&[Row]], mentions: &[(usize, usize, usize, &str)]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    for rows in sentences {
        let first = tokens.len() as u32;
        let sentence_start = text.len();
        for (k, &(form, lemma, upos, head, deprel)) in rows.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            tokens.push(Token {
                span: Span::new(start, text.len()),
                upos: Upos::parse(upos),
                xpos: None,
                lemma: Some(lemma.into()),
                head: (head > 0).then(|| first + head - 1),
                deprel: Some(deprel),
            });
        }
        spans.push(Sentence {
            span: Span::new(sentence_start, text.len()),
            tokens: first..tokens.len() as u32,
        });
        text.push(' ');
    }
    text.pop();
    let meta = Meta {
        id: "t".into(),
        date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut doc = Document::new(meta, text);
    doc.mentions = mentions
        .iter()
        .map(|&(s, first, end, actor)| {
            let base = spans[s].tokens.start as usize;
            Mention {
                span: tokens[base + first].span.cover(tokens[base + end - 1].span),
                head: Some((base + end - 1) as u32),
                kind: MentionKind::Name,
                actor: Some(actor.into()),
                canonical: None,
                entity: None,
                antecedent: None,
                sentence: s as u32,
            }
        })
        .collect();
    doc.tokens = tokens;
    doc.sentences = spans;
    doc.mark_done(Layers::TOKENS | Layers::SENTENCES | Layers::TAGS | Layers::LEMMAS | Layers::PARSE | Layers::ACTORS);
    doc
}

fn code(doc: &mut Document) -> Vec<(String, String, String, Mode, u32)> {
    EventStage::new().unwrap().run(doc);
    doc.events
        .iter()
        .map(|e| {
            let actor =
                |a: &Option<chronicle_doc::EventActor>| a.as_ref().and_then(|a| a.actor.clone()).unwrap_or_default();
            (actor(&e.source), e.cameo.clone(), actor(&e.target), e.mode, e.mentions)
        })
        .collect()
}

fn ev(source: &str, code: &str, target: &str, mode: Mode, mentions: u32) -> (String, String, String, Mode, u32) {
    (source.into(), code.into(), target.into(), mode, mentions)
}

const BIDEN_CALLED_PUTIN: &[Row] = &[
    ("Biden", "Biden", "PROPN", 2, "nsubj"),
    ("called", "call", "VERB", 0, "root"),
    ("Putin", "Putin", "PROPN", 2, "obj"),
    (".", ".", "PUNCT", 2, "punct"),
];

#[test]
fn subject_verb_object() {
    let mut doc = document(&[BIDEN_CALLED_PUTIN], &[(0, 0, 1, "USAGOV"), (0, 2, 3, "RUSGOV")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "041", "RUSGOV", Mode::Asserted, 1)]);
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.starts_with("data/events/patterns.tsv:"), "{explanation}");
    assert!(explanation.contains("source: Biden (subject)"), "{explanation}");
}

#[test]
fn repeated_events_merge_into_mentions() {
    let mut doc = document(
        &[BIDEN_CALLED_PUTIN, BIDEN_CALLED_PUTIN],
        &[
            (0, 0, 1, "USAGOV"),
            (0, 2, 3, "RUSGOV"),
            (1, 0, 1, "USAGOV"),
            (1, 2, 3, "RUSGOV"),
        ],
    );
    assert_eq!(code(&mut doc), [ev("USAGOV", "041", "RUSGOV", Mode::Asserted, 2)]);
}

#[test]
fn passive_voice_swaps_the_roles() {
    let rows: &[Row] = &[
        ("Ukraine", "Ukraine", "PROPN", 3, "nsubj:pass"),
        ("was", "be", "AUX", 3, "aux:pass"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("by", "by", "ADP", 5, "case"),
        ("Russia", "Russia", "PROPN", 3, "obl:agent"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "UKR"), (0, 4, 5, "RUS")]);
    assert_eq!(code(&mut doc), [ev("RUS", "190", "UKR", Mode::Asserted, 1)]);
}

#[test]
fn no_actors_no_event() {
    let rows: &[Row] = &[
        ("Someone", "someone", "PRON", 2, "nsubj"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Kyiv", "Kyiv", "PROPN", 2, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 2, 3, "UKR")]);
    assert!(code(&mut doc).is_empty(), "no source: nothing is invented");
}

#[test]
fn readiness_to_sanction_is_a_threat() {
    let rows: &[Row] = &[
        ("Washington", "Washington", "PROPN", 3, "nsubj"),
        ("is", "be", "AUX", 3, "cop"),
        ("ready", "ready", "ADJ", 0, "root"),
        ("to", "to", "PART", 5, "mark"),
        ("impose", "impose", "VERB", 3, "xcomp"),
        ("sanctions", "sanction", "NOUN", 5, "obj"),
        ("on", "on", "ADP", 8, "case"),
        ("Russia", "Russia", "PROPN", 5, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 7, 8, "RUS")]);
    let events = code(&mut doc);
    assert_eq!(events[0], ev("USAGOV", "1312", "RUS", Mode::Asserted, 1), "{events:?}");
}

#[test]
fn negated_deployment_is_negated() {
    let rows: &[Row] = &[
        ("Washington", "Washington", "PROPN", 2, "nsubj"),
        ("has", "have", "VERB", 0, "root"),
        ("no", "no", "DET", 4, "det"),
        ("intention", "intention", "NOUN", 2, "obj"),
        ("of", "of", "SCONJ", 6, "mark"),
        ("deploying", "deploy", "VERB", 4, "acl"),
        ("weapons", "weapon", "NOUN", 6, "obj"),
        ("in", "in", "ADP", 9, "case"),
        ("Ukraine", "Ukraine", "PROPN", 6, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 8, 9, "UKR")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].3, Mode::Negated);
    assert_eq!(doc.events[0].quad_class, 4);
}

#[test]
fn national_modifiers_of_a_noun_are_its_parties() {
    let rows: &[Row] = &[
        ("Russian", "Russian", "ADJ", 3, "amod"),
        ("American", "American", "ADJ", 3, "amod"),
        ("talks", "talk", "NOUN", 4, "nsubj"),
        ("resumed", "resume", "VERB", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 1, 2, "USA")]);
    assert_eq!(code(&mut doc), [ev("RUS", "046", "USA", Mode::Asserted, 1)]);
}

#[test]
fn an_appeal_during_a_call_is_addressed_to_the_partner() {
    let rows: &[Row] = &[
        ("Biden", "Biden", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("for", "for", "ADP", 5, "case"),
        ("a", "a", "DET", 5, "det"),
        ("de-escalation", "de-escalation", "NOUN", 2, "obl"),
        ("during", "during", "ADP", 8, "case"),
        ("a", "a", "DET", 8, "det"),
        ("conversation", "conversation", "NOUN", 2, "obl"),
        ("with", "with", "ADP", 10, "case"),
        ("Putin", "Putin", "PROPN", 8, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 9, 10, "RUSGOV")]);
    let events = code(&mut doc);
    assert!(
        events.contains(&ev("USAGOV", "0256", "RUSGOV", Mode::Asserted, 1)),
        "{events:?}"
    );
    assert!(
        events.contains(&ev("USAGOV", "040", "RUSGOV", Mode::Asserted, 1)),
        "the conversation itself: {events:?}"
    );
}

#[test]
fn an_announced_visit_is_an_intent_to_meet() {
    let rows: &[Row] = &[
        ("Blinken", "Blinken", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("visit", "visit", "VERB", 0, "root"),
        ("Kyiv", "Kyiv", "PROPN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 3, 4, "UKRGOV")]);
    assert_eq!(
        code(&mut doc),
        [ev("USAGOV", "036", "UKRGOV", Mode::Asserted, 1)],
        "an announced visit is an intent to meet"
    );
}
