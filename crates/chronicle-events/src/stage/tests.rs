//! The coder on hand-built parses (the tagger and parser live in another crate; these tests
//! pin this crate's logic alone).

use chronicle_doc::{Date, Document, Layers, Mention, MentionKind, Meta, Mode, Sentence, Span, Stage, Token, Upos};

use super::EventStage;

/// One word of a hand-built parse: form, lemma, UPOS, 1-based head (0 = root), relation.
type Row = (&'static str, &'static str, &'static str, u32, &'static str);

/// A document of parsed sentences (words apart by a space, except around a `-`), with actor
/// mentions given as
/// (sentence, first word, end word, actor code).
fn document(sentences: &[&[Row]], mentions: &[(usize, usize, usize, &str)]) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut spans = Vec::new();
    for rows in sentences {
        let first = tokens.len() as u32;
        let sentence_start = text.len();
        for (k, &(form, lemma, upos, head, deprel)) in rows.iter().enumerate() {
            // A `-` joins its neighbours as in a hyphenated word the tokenizer split.
            if k > 0 && form != "-" && rows[k - 1].0 != "-" {
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

#[test]
fn coordinated_subjects_act_towards_each_other() {
    // "Jordan and Britain agreed": each party's target is the other.
    let rows: &[Row] = &[
        ("Jordan", "Jordan", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Britain", "Britain", "PROPN", 1, "conj"),
        ("agreed", "agree", "VERB", 0, "root"),
        (".", ".", "PUNCT", 4, "punct"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "JOR"), (0, 2, 3, "GBR")]);
    let events = code(&mut doc);
    assert_eq!(
        events,
        [
            ev("JOR", "030", "GBR", Mode::Asserted, 1),
            ev("GBR", "030", "JOR", Mode::Asserted, 1)
        ]
    );
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("the other coordinated party"), "{explanation}");
}

#[test]
fn a_name_split_into_two_subjects_still_gives_the_source() {
    // "Secretary … Warren Christopher telephoned Kozyrev", parsed with two subjects.
    let rows: &[Row] = &[
        ("Secretary", "Secretary", "PROPN", 4, "nsubj"),
        ("Warren", "Warren", "PROPN", 4, "nsubj"),
        ("Christopher", "Christopher", "PROPN", 2, "flat"),
        ("telephoned", "telephone", "VERB", 0, "root"),
        ("Kozyrev", "Kozyrev", "PROPN", 4, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 1, 3, "USAGOV"), (0, 4, 5, "RUSGOV")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "041", "RUSGOV", Mode::Asserted, 1)]);
}

#[test]
fn without_a_parsed_subject_the_actor_before_the_verb_is_the_source() {
    // "Syrian rebels engaged Filipino peacekeepers", with "engaged" misparsed as a participle
    // of "rebels" and no subject of its own.
    let rows: &[Row] = &[
        ("Rebels", "rebel", "NOUN", 0, "root"),
        ("then", "then", "ADV", 3, "advmod"),
        ("shelled", "shell", "VERB", 1, "conj"),
        ("Kyiv", "Kyiv", "PROPN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUSREB"), (0, 3, 4, "UKR")]);
    let events = code(&mut doc);
    assert_eq!(events, [ev("RUSREB", "194", "UKR", Mode::Asserted, 1)]);
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("nearest actor before the verb"), "{explanation}");
}

#[test]
fn the_patient_of_an_agentless_passive_is_not_the_source() {
    let rows: &[Row] = &[
        ("Ukrainians", "Ukrainian", "PROPN", 3, "nsubj:pass"),
        ("were", "be", "AUX", 3, "aux:pass"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("near", "near", "ADP", 5, "case"),
        ("Moscow", "Moscow", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "UKR"), (0, 4, 5, "RUS")]);
    // Violence whose agent goes unnamed is still coded against its victims, with no source
    // (Moscow is an actor mention here, not a place of the places layer).
    assert_eq!(
        code(&mut doc),
        [ev("", "190", "UKR", Mode::Asserted, 1)],
        "{:?}",
        doc.events
    );
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("source: none (unnamed"), "{explanation}");
}

/// "There were ten Russian soldiers killed in Ukraine": the participle `killed` (VBN, acl)
/// describes its victims.
fn soldiers_killed_in_ukraine() -> Document {
    let rows: &[Row] = &[
        ("There", "there", "PRON", 2, "expl"),
        ("were", "be", "VERB", 0, "root"),
        ("ten", "ten", "NUM", 5, "nummod"),
        ("Russian", "Russian", "ADJ", 5, "amod"),
        ("soldiers", "soldier", "NOUN", 2, "nsubj"),
        ("killed", "kill", "VERB", 5, "acl"),
        ("in", "in", "ADP", 8, "case"),
        ("Ukraine", "Ukraine", "PROPN", 6, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 3, 5, "RUSMIL")]);
    doc.tokens[5].xpos = Some("VBN");
    doc.places = vec![place(&doc, 7, "Ukraine", "UA", "country")];
    doc
}

#[test]
fn victims_of_a_reduced_passive_are_its_target_and_the_foreign_land_its_source() {
    let mut doc = soldiers_killed_in_ukraine();
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].2.as_str()),
        ("UKR", "RUSMIL"),
        "{events:?}"
    );
    // In their own country the agent stays unknown.
    let mut doc = soldiers_killed_in_ukraine();
    doc.places[0] = place(&doc, 7, "Russia", "RU", "country");
    let events = code(&mut doc);
    assert_eq!(
        (events[0].0.as_str(), events[0].2.as_str()),
        ("", "RUSMIL"),
        "{events:?}"
    );
}

#[test]
fn a_past_tense_verb_misread_as_a_participle_keeps_its_subject() {
    // "The envoy met with Putin" parsed with `met` as a participle (VBN, acl) of the root
    // noun: the envoy still acts; only a noun that another verb governs has a reduced passive.
    let rows: &[Row] = &[
        ("The", "the", "DET", 2, "det"),
        ("envoy", "envoy", "NOUN", 0, "root"),
        ("met", "meet", "VERB", 2, "acl"),
        ("with", "with", "ADP", 5, "case"),
        ("Putin", "Putin", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "USAGOV"), (0, 4, 5, "RUSGOV")]);
    doc.tokens[2].xpos = Some("VBN");
    let events = code(&mut doc);
    assert_eq!(
        events.first().map(|e| (e.0.as_str(), e.2.as_str())),
        Some(("USAGOV", "RUSGOV")),
        "{events:?}"
    );
}

#[test]
fn an_unnamed_killing_takes_the_agent_of_the_event_noun_that_caused_it() {
    // "Two farmers were killed in Israeli shelling".
    let rows: &[Row] = &[
        ("Two", "two", "NUM", 2, "nummod"),
        ("farmers", "farmer", "NOUN", 4, "nsubj:pass"),
        ("were", "be", "AUX", 4, "aux:pass"),
        ("killed", "kill", "VERB", 0, "root"),
        ("in", "in", "ADP", 7, "case"),
        ("Israeli", "Israeli", "ADJ", 7, "amod"),
        ("shelling", "shelling", "NOUN", 4, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "PSECVL"), (0, 5, 6, "ISR")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.0 == "ISR" && e.1 == "190" && e.2 == "PSECVL"),
        "{events:?}"
    );
}

#[test]
fn a_purpose_clause_the_parser_hung_on_a_modifier_is_part_of_the_event() {
    // "Blinken telephoned Chinese minister Wang to discuss trade in Taiwan", with `discuss`
    // attached to the adjective `Chinese`: one call, no consultation with Taiwan.
    let rows: &[Row] = &[
        ("Blinken", "Blinken", "PROPN", 2, "nsubj"),
        ("telephoned", "telephone", "VERB", 0, "root"),
        ("Chinese", "Chinese", "ADJ", 2, "xcomp"),
        ("minister", "minister", "NOUN", 5, "compound"),
        ("Wang", "Wang", "PROPN", 3, "obj"),
        ("to", "to", "PART", 7, "mark"),
        ("discuss", "discuss", "VERB", 3, "advcl"),
        ("trade", "trade", "NOUN", 7, "obj"),
        ("in", "in", "ADP", 10, "case"),
        ("Taiwan", "Taiwan", "PROPN", 8, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 2, 5, "CHNGOV"), (0, 9, 10, "TWN")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "041", "CHNGOV", Mode::Asserted, 1)]);
}

#[test]
fn a_compound_noun_trigger_takes_the_agent_of_its_head() {
    // "The court issued arrest warrants for the men": the court's country arrests.
    let rows: &[Row] = &[
        ("Court", "court", "NOUN", 2, "nsubj"),
        ("issued", "issue", "VERB", 0, "root"),
        ("arrest", "arrest", "NOUN", 4, "compound"),
        ("documents", "document", "NOUN", 2, "obj"),
        ("for", "for", "ADP", 6, "case"),
        ("Brazilians", "Brazilian", "PROPN", 4, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "GUYJUD"), (0, 5, 6, "BRA")]);
    let events = code(&mut doc);
    assert!(
        events.contains(&ev("GUYJUD", "173", "BRA", Mode::Asserted, 1)),
        "{events:?}"
    );
}

#[test]
fn negated_cooperation_is_a_refusal() {
    // "Syria will not accept refugees from Iraq" → a rejection, asserted.
    let rows: &[Row] = &[
        ("Syria", "Syria", "PROPN", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("help", "help", "VERB", 0, "root"),
        ("Iraq", "Iraq", "PROPN", 4, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "SYR"), (0, 4, 5, "IRQ")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(&events[0].1[..2], "12", "{events:?}");
    assert_eq!(events[0].3, Mode::Asserted);
}

#[test]
fn the_subject_of_a_passive_raising_verb_does_its_complement() {
    // "Obama is scheduled to visit Iran".
    let rows: &[Row] = &[
        ("Obama", "Obama", "PROPN", 3, "nsubj:pass"),
        ("is", "be", "AUX", 3, "aux:pass"),
        ("scheduled", "schedule", "VERB", 0, "root"),
        ("to", "to", "PART", 5, "mark"),
        ("visit", "visit", "VERB", 3, "xcomp"),
        ("Iran", "Iran", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 5, 6, "IRN")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "042", "IRN", Mode::Asserted, 1)]);
}

#[test]
fn an_ultimatum_is_a_threat() {
    // "Nigeria will withdraw from Chad unless Chad agrees": a threat, not a withdrawal.
    let rows: &[Row] = &[
        ("Nigeria", "Nigeria", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("withdraw", "withdraw", "VERB", 0, "root"),
        ("from", "from", "ADP", 5, "case"),
        ("Chad", "Chad", "PROPN", 3, "obl"),
        ("unless", "unless", "SCONJ", 8, "mark"),
        ("it", "it", "PRON", 8, "nsubj"),
        ("yields", "yield", "VERB", 3, "advcl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "NGA"), (0, 4, 5, "TCD")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(&events[0].1[..2], "13", "{events:?}");
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("unless"), "{explanation}");
}

#[test]
fn the_condition_of_an_ultimatum_is_hypothetical_not_threatened() {
    // "Nigeria will withdraw from Chad unless Sudan attacks Chad": Nigeria threatens; Sudan's
    // attack is the condition, hypothetical, and no threat of Sudan's.
    let rows: &[Row] = &[
        ("Nigeria", "Nigeria", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("withdraw", "withdraw", "VERB", 0, "root"),
        ("from", "from", "ADP", 5, "case"),
        ("Chad", "Chad", "PROPN", 3, "obl"),
        ("unless", "unless", "SCONJ", 8, "mark"),
        ("Sudan", "Sudan", "PROPN", 8, "nsubj"),
        ("attacks", "attack", "VERB", 3, "advcl"),
        ("Chad", "Chad", "PROPN", 8, "obj"),
    ];
    let mut doc = document(
        &[rows],
        &[(0, 0, 1, "NGA"), (0, 4, 5, "TCD"), (0, 6, 7, "SDN"), (0, 8, 9, "TCD")],
    );
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.0 == "NGA" && e.1.starts_with("13")),
        "{events:?}"
    );
    let attack = events.iter().find(|e| e.0 == "SDN").expect("the attack is coded");
    assert_eq!((&attack.1[..2], attack.3), ("19", Mode::Hypothetical), "{events:?}");
}

#[test]
fn their_after_coordinated_actors_stands_for_all_of_them() {
    // "Hungary and Romania agreed that their countries should cooperate with Serbia": the
    // actor layer ties `their` to Romania alone; the coordination above names both.
    let rows: &[Row] = &[
        ("Hungary", "Hungary", "PROPN", 4, "nsubj"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("Romania", "Romania", "PROPN", 1, "conj"),
        ("agreed", "agree", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 9, "mark"),
        ("their", "they", "PRON", 7, "nmod:poss"),
        ("countries", "country", "NOUN", 9, "nsubj"),
        ("should", "should", "AUX", 9, "aux"),
        ("cooperate", "cooperate", "VERB", 4, "ccomp"),
        ("with", "with", "ADP", 11, "case"),
        ("Serbia", "Serbia", "PROPN", 9, "obl"),
    ];
    let mentions = [(0, 0, 1, "HUN"), (0, 2, 3, "ROU"), (0, 5, 6, "ROU"), (0, 10, 11, "SRB")];
    let mut doc = document(&[rows], &mentions);
    let events = code(&mut doc);
    let mut dyads: Vec<(&str, &str)> = events.iter().map(|e| (e.0.as_str(), e.2.as_str())).collect();
    dyads.sort();
    assert_eq!(dyads, [("HUN", "SRB"), ("ROU", "SRB")], "{events:?}");
}

#[test]
fn forces_put_on_alert_show_force() {
    // "India put its troops on alert along Pakistan": `alert` hangs on the verb through `on`,
    // not as its object.
    let rows: &[Row] = &[
        ("India", "India", "PROPN", 2, "nsubj"),
        ("put", "put", "VERB", 0, "root"),
        ("its", "its", "PRON", 4, "nmod:poss"),
        ("troops", "troop", "NOUN", 2, "obj"),
        ("on", "on", "ADP", 6, "case"),
        ("alert", "alert", "NOUN", 2, "obl"),
        ("along", "along", "ADP", 8, "case"),
        ("Pakistan", "Pakistan", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "IND"), (0, 7, 8, "PAK")]);
    assert_eq!(code(&mut doc), [ev("IND", "150", "PAK", Mode::Asserted, 1)]);
}

#[test]
fn words_that_only_describe_a_noun_are_no_events() {
    // "The Australian investment group in Chile hired the resigned Chilean minister": a noun
    // compounded onto another and a participle inside a noun phrase describe things. Read as
    // triggers they were an Australian investment in Chile and a resignation.
    let rows: &[Row] = &[
        ("The", "the", "DET", 4, "det"),
        ("Australian", "Australian", "ADJ", 4, "amod"),
        ("investment", "investment", "NOUN", 4, "compound"),
        ("group", "group", "NOUN", 7, "nsubj"),
        ("in", "in", "ADP", 6, "case"),
        ("Chile", "Chile", "PROPN", 4, "nmod"),
        ("hired", "hire", "VERB", 0, "root"),
        ("the", "the", "DET", 11, "det"),
        ("resigned", "resign", "VERB", 11, "amod"),
        ("Chilean", "Chilean", "ADJ", 11, "amod"),
        ("minister", "minister", "NOUN", 7, "obj"),
    ];
    let mentions = [(0, 1, 2, "AUS"), (0, 5, 6, "CHL"), (0, 9, 11, "CHLGOV")];
    let run = |noun_modifiers_are_triggers: bool| {
        let mut doc = document(&[rows], &mentions);
        doc.tokens[8].xpos = Some("VBN");
        if noun_modifiers_are_triggers {
            // The same words as the parser reads them when they act: a noun heading its
            // phrase, a participle heading its clause.
            doc.tokens[2].deprel = Some("nsubj");
            doc.tokens[8].deprel = Some("acl");
        }
        code(&mut doc)
    };
    assert_eq!(run(false), [], "modifiers");
    let acting = run(true);
    assert!(acting.iter().any(|e| e.1 == "0831"), "{acting:?}");
}

#[test]
fn helping_an_outcome_is_no_aid() {
    // "Taiwan will help narrow its surplus with Japan": no aid to anyone. "Japan helped Haiti
    // rebuild": aid to Haiti.
    let outcome: &[Row] = &[
        ("Taiwan", "Taiwan", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("help", "help", "VERB", 0, "root"),
        ("narrow", "narrow", "VERB", 3, "xcomp"),
        ("its", "its", "PRON", 6, "nmod:poss"),
        ("surplus", "surplus", "NOUN", 4, "obj"),
        ("with", "with", "ADP", 8, "case"),
        ("Japan", "Japan", "PROPN", 6, "nmod"),
    ];
    let mut doc = document(&[outcome], &[(0, 0, 1, "TWN"), (0, 7, 8, "JPN")]);
    assert_eq!(code(&mut doc), [], "an outcome");
    let aid: &[Row] = &[
        ("Japan", "Japan", "PROPN", 2, "nsubj"),
        ("helped", "help", "VERB", 0, "root"),
        ("Haiti", "Haiti", "PROPN", 2, "obj"),
        ("rebuild", "rebuild", "VERB", 2, "xcomp"),
    ];
    let mut doc = document(&[aid], &[(0, 0, 1, "JPN"), (0, 2, 3, "HTI")]);
    assert_eq!(code(&mut doc), [ev("JPN", "070", "HTI", Mode::Asserted, 1)]);
}

#[test]
fn who_is_asked_in_an_opening_participle_is_not_who_asks() {
    // "Asked about Poland, Scholz declined": Scholz was asked; he asked nobody. A clause
    // with an object of its own ("asked Poland") is active: he is the one who asks.
    let rows = |first: &'static str, xpos: &'static str| -> (Vec<Row>, &'static str) {
        (
            vec![
                (first, "ask", "VERB", 5, "advcl"),
                ("Poland", "Poland", "PROPN", 1, "obj"),
                (",", ",", "PUNCT", 1, "punct"),
                ("Scholz", "Scholz", "PROPN", 5, "nsubj"),
                ("declined", "decline", "VERB", 0, "root"),
            ],
            xpos,
        )
    };
    let run = |(rows, xpos): (Vec<Row>, &'static str), drop_object: bool| {
        let mut rows = rows;
        if drop_object {
            // "Asked about Poland": no object of its own.
            rows[1].4 = "obl";
        }
        let mut doc = document(&[&rows], &[(0, 1, 2, "POL"), (0, 3, 4, "DEUGOV")]);
        doc.tokens[0].xpos = Some(xpos);
        code(&mut doc)
    };
    assert_eq!(run(rows("Asked", "VBD"), true), [], "a passive opening the sentence");
    let active = run(rows("Asked", "VBD"), false);
    assert!(
        active.iter().any(|e| e.0 == "DEUGOV"),
        "with an object it acts: {active:?}"
    );
}

#[test]
fn a_purpose_clause_is_part_of_the_event_it_serves() {
    // "Blinken met Wang to discuss Taiwan": one meeting, not a meeting and a discussion.
    let rows: &[Row] = &[
        ("Blinken", "Blinken", "PROPN", 2, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Wang", "Wang", "PROPN", 2, "obj"),
        ("to", "to", "PART", 5, "mark"),
        ("discuss", "discuss", "VERB", 2, "advcl"),
        ("Taiwan", "Taiwan", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 2, 3, "CHNGOV"), (0, 5, 6, "TWN")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "040", "CHNGOV", Mode::Asserted, 1)]);
}

#[test]
fn a_pledge_is_coded_by_what_is_pledged() {
    // "Qatar pledged to expel Egyptians": the expulsion (hypothetical), not a bare pledge.
    let rows: &[Row] = &[
        ("Qatar", "Qatar", "PROPN", 2, "nsubj"),
        ("pledged", "pledge", "VERB", 0, "root"),
        ("to", "to", "PART", 4, "mark"),
        ("expel", "expel", "VERB", 2, "xcomp"),
        ("Egyptians", "Egyptian", "PROPN", 4, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "QAT"), (0, 4, 5, "EGY")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1, "174", "{events:?}");
}

#[test]
fn stopped_cooperation_is_a_reduction_of_relations() {
    // "Washington prohibited aid to Cairo": not aid but its cessation (16).
    let rows: &[Row] = &[
        ("Washington", "Washington", "PROPN", 2, "nsubj"),
        ("prohibited", "prohibit", "VERB", 0, "root"),
        ("aid", "aid", "NOUN", 2, "obj"),
        ("to", "to", "ADP", 5, "case"),
        ("Cairo", "Cairo", "PROPN", 3, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 4, 5, "EGYGOV")]);
    let events = code(&mut doc);
    assert_eq!(events, [ev("USAGOV", "162", "EGYGOV", Mode::Asserted, 1)]);
}

#[test]
fn a_national_adjective_gives_its_country() {
    // "Israeli tanks shelled Gaza": no actor mention for "Israeli tanks", but the adjective
    // names the country whose tanks they are.
    let rows: &[Row] = &[
        ("Israeli", "Israeli", "ADJ", 2, "amod"),
        ("tanks", "tank", "NOUN", 3, "nsubj"),
        ("shelled", "shell", "VERB", 0, "root"),
        ("Gaza", "Gaza", "PROPN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 3, 4, "PSE")]);
    assert_eq!(code(&mut doc), [ev("ISR", "194", "PSE", Mode::Asserted, 1)]);
}

#[test]
fn the_place_of_an_event_is_its_target_when_nothing_else_is() {
    // "Activists demonstrated in Beijing" → the protest is aimed at China.
    let rows: &[Row] = &[
        ("Activists", "activist", "NOUN", 2, "nsubj"),
        ("demonstrated", "demonstrate", "VERB", 0, "root"),
        ("in", "in", "ADP", 4, "case"),
        ("Beijing", "Beijing", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USACVL")]);
    doc.places = vec![chronicle_doc::Place {
        span: doc.tokens[3].span,
        name: "Beijing".into(),
        country: Some("CN".into()),
        lat: None,
        lon: None,
        feature: Some("city".into()),
        geonameid: None,
    }];
    assert_eq!(code(&mut doc), [ev("USACVL", "141", "CHN", Mode::Asserted, 1)]);
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("the place of the event"), "{explanation}");
}

#[test]
fn a_refusal_the_table_cannot_recode_is_the_event() {
    // "Pakistan refused to deploy troops in Iraq": a rejection, not a deployment.
    let rows: &[Row] = &[
        ("Pakistan", "Pakistan", "PROPN", 2, "nsubj"),
        ("refused", "refuse", "VERB", 0, "root"),
        ("to", "to", "PART", 4, "mark"),
        ("deploy", "deploy", "VERB", 2, "xcomp"),
        ("troops", "troop", "NOUN", 4, "obj"),
        ("in", "in", "ADP", 7, "case"),
        ("Iraq", "Iraq", "PROPN", 4, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "PAK"), (0, 6, 7, "IRQ")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(&events[0].1[..2], "12", "{events:?}");
}

#[test]
fn an_announced_past_act_is_no_intention() {
    // "The union announced it has called off the strike against Lagos": the strike is off (08),
    // not an intention to yield (03).
    let rows: &[Row] = &[
        ("Union", "union", "NOUN", 2, "nsubj"),
        ("announced", "announce", "VERB", 0, "root"),
        ("it", "it", "PRON", 5, "nsubj"),
        ("has", "have", "AUX", 5, "aux"),
        ("called", "call", "VERB", 2, "ccomp"),
        ("off", "off", "ADP", 5, "compound:prt"),
        ("the", "the", "DET", 8, "det"),
        ("strike", "strike", "NOUN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "NGALAB")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1, "082", "{events:?}");
}

#[test]
fn a_pronoun_subject_takes_the_subject_of_the_clause_above() {
    // "Israel announced it would free prisoners": the release is Israel's.
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 2, "nsubj"),
        ("announced", "announce", "VERB", 0, "root"),
        ("it", "it", "PRON", 5, "nsubj"),
        ("would", "would", "AUX", 5, "aux"),
        ("release", "release", "VERB", 2, "ccomp"),
        ("Palestinian", "Palestinian", "ADJ", 7, "amod"),
        ("prisoners", "prisoner", "NOUN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 5, 6, "PSE")]);
    let events = code(&mut doc);
    // Announced, the release is coded as the intention (035); its parties are Israel's.
    assert!(
        events.iter().any(|(s, _, t, _, _)| s == "ISR" && t == "PSE"),
        "{events:?}"
    );
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("source: Israel"), "{explanation}");
}

#[test]
fn an_adjective_after_a_modal_is_a_verb_trigger() {
    // "would free" tagged ADJ: still the release.
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 3, "nsubj"),
        ("would", "would", "AUX", 3, "aux"),
        ("release", "release", "ADJ", 0, "root"),
        ("Palestinian", "Palestinian", "ADJ", 5, "amod"),
        ("prisoners", "prisoner", "NOUN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 3, 4, "PSE")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|(s, _, t, _, _)| s == "ISR" && t == "PSE"),
        "{events:?}"
    );
}

#[test]
fn a_wrong_lemma_falls_back_to_the_stem_of_the_form() {
    // "rioted" lemmatized as "riote".
    let rows: &[Row] = &[
        ("Prisoners", "prisoner", "NOUN", 2, "nsubj"),
        ("rioted", "riote", "VERB", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "PSECVL")]);
    assert_eq!(code(&mut doc), [ev("PSECVL", "145", "PSE", Mode::Asserted, 1)]);
    let stems = crate::trigger::verb_lemmas("banned");
    assert!(stems.contains(&"ban".to_owned()), "{stems:?}");
    assert!(crate::trigger::verb_lemmas("opposed").contains(&"oppose".to_owned()));
}

#[test]
fn a_domestic_target_of_the_source_country() {
    // "Opposition groups in Zimbabwe demanded that President Mugabe resign."
    let rows: &[Row] = &[
        ("Opposition", "opposition", "NOUN", 2, "compound"),
        ("groups", "group", "NOUN", 3, "nsubj"),
        ("demanded", "demand", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 6, "mark"),
        ("Mugabe", "Mugabe", "PROPN", 6, "nsubj"),
        ("resign", "resign", "VERB", 3, "ccomp"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "ZWEOPP"), (0, 4, 5, "ZWEGOV")]);
    let events = code(&mut doc);
    assert!(
        events
            .iter()
            .any(|(s, c, t, _, _)| s == "ZWEOPP" && c.starts_with("10") && t == "ZWEGOV"),
        "{events:?}"
    );
    // The same actor code on both sides is still no event.
    let mut doc = document(&[rows], &[(0, 0, 2, "ZWEGOV"), (0, 4, 5, "ZWEGOV")]);
    assert!(code(&mut doc).iter().all(|(s, _, t, _, _)| s != t), "{:?}", doc.events);
}

#[test]
fn an_unnamed_subject_acts_for_the_place() {
    // "A bombing killed a US soldier near Samarra."
    let rows: &[Row] = &[
        ("bombing", "bombing", "NOUN", 2, "nsubj"),
        ("killed", "kill", "VERB", 0, "root"),
        ("soldier", "soldier", "NOUN", 2, "obj"),
        ("near", "near", "ADP", 5, "case"),
        ("Samarra", "Samarra", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 2, 3, "USAMIL")]);
    doc.places = vec![chronicle_doc::Place {
        span: doc.tokens[4].span,
        name: "Samarra".into(),
        country: Some("IQ".into()),
        lat: None,
        lon: None,
        feature: Some("city".into()),
        geonameid: None,
    }];
    let events = code(&mut doc);
    assert!(
        events.iter().any(|(s, _, t, _, _)| s == "IRQ" && t == "USAMIL"),
        "{events:?}"
    );
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("the place of an unnamed subject"), "{explanation}");
}

#[test]
fn a_stance_passive_is_the_subject_s_own_act() {
    // "Israel is opposed to French mediation."
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 3, "nsubj:pass"),
        ("is", "be", "AUX", 3, "aux:pass"),
        ("opposed", "oppose", "VERB", 0, "root"),
        ("to", "to", "ADP", 6, "case"),
        ("French", "French", "ADJ", 6, "amod"),
        ("mediation", "mediation", "NOUN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 4, 5, "FRA")]);
    let events = code(&mut doc);
    assert!(
        events
            .iter()
            .any(|(s, c, t, _, _)| s == "ISR" && c.starts_with("12") && t == "FRA"),
        "{events:?}"
    );
}

#[test]
fn the_actor_right_after_a_verb_is_its_object_when_the_parse_lost_it() {
    // "Rebels engaged Filipino peacekeepers …, officials said", with "peacekeepers" parsed
    // as the complement of "said".
    let rows: &[Row] = &[
        ("Rebels", "rebel", "NOUN", 6, "nsubj"),
        ("engaged", "engage", "VERB", 1, "acl"),
        ("Filipino", "Filipino", "ADJ", 4, "amod"),
        ("peacekeepers", "peacekeeper", "NOUN", 6, "ccomp"),
        ("officials", "official", "NOUN", 6, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "SYRREB"), (0, 2, 4, "PHLMIL")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|(s, _, t, _, _)| s == "SYRREB" && t == "PHLMIL"),
        "{events:?}"
    );
}

#[test]
fn a_plural_demonym_is_its_country_s_people() {
    // "Algerians attacked Moroccan troops" — but not "Bosnian Serbs", a name of its own.
    let rows: &[Row] = &[
        ("Algerians", "Algerian", "PROPN", 2, "nsubj"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Moroccan", "Moroccan", "ADJ", 4, "amod"),
        ("troops", "troop", "NOUN", 2, "obj"),
    ];
    let mut doc = document(&[rows], &[]);
    let events = code(&mut doc);
    assert_eq!(events, [ev("DZA", "190", "MAR", Mode::Asserted, 1)]);
    let rows: &[Row] = &[
        ("Bosnian", "Bosnian", "PROPN", 3, "nsubj"),
        ("Serbs", "Serbs", "PROPN", 1, "flat"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Moroccan", "Moroccan", "ADJ", 5, "amod"),
        ("troops", "troop", "NOUN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[]);
    let events = code(&mut doc);
    assert!(
        events
            .iter()
            .all(|(s, _, _, _, _)| !s.starts_with("SRB") && !s.starts_with("YUG")),
        "{events:?}"
    );
}

#[test]
fn what_a_speaker_says_another_must_do_is_a_demand() {
    // "Russia said Sudan must return the helicopter."
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        ("Sudan", "Sudan", "PROPN", 5, "nsubj"),
        ("must", "must", "AUX", 5, "aux"),
        ("return", "return", "VERB", 2, "ccomp"),
        ("the", "the", "DET", 7, "det"),
        ("helicopter", "helicopter", "NOUN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 2, 3, "SDN")]);
    assert_eq!(code(&mut doc), [ev("RUS", "100", "SDN", Mode::Asserted, 1)]);
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("who must do it"), "{explanation}");
}

#[test]
fn with_nobody_else_named_the_target_is_the_source_s_own_country() {
    // "Nigerian students protested." — a domestic protest; an IGO gets no such target.
    let rows: &[Row] = &[
        ("Students", "student", "NOUN", 2, "nsubj"),
        ("protested", "protest", "VERB", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "NGAEDU")]);
    assert_eq!(code(&mut doc), [ev("NGAEDU", "140", "NGA", Mode::Asserted, 1)]);
    let explanation = doc.events[0].explanation.as_deref().unwrap();
    assert!(explanation.contains("own country"), "{explanation}");
    let mut doc = document(&[rows], &[(0, 0, 1, "IGOUNO")]);
    assert_eq!(code(&mut doc), [ev("IGOUNO", "140", "", Mode::Asserted, 1)]);
}

// ---- issue 7: actors the actor layer leaves unknown, joint sides, objects and obligations ----

fn place(doc: &Document, token: usize, name: &str, alpha2: &str, feature: &str) -> chronicle_doc::Place {
    chronicle_doc::Place {
        span: doc.tokens[token].span,
        name: name.into(),
        country: Some(alpha2.into()),
        lat: None,
        lon: None,
        feature: Some(feature.into()),
        geonameid: None,
    }
}

#[test]
fn a_title_without_a_country_takes_the_country_of_the_places_around_it() {
    // "President Sampleton threatened a curfew in Algiers": ---GOV, and Algiers is in Algeria.
    let rows: &[Row] = &[
        ("President", "president", "PROPN", 2, "compound"),
        ("Sampleton", "Sampleton", "PROPN", 3, "nsubj"),
        ("threatened", "threaten", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("curfew", "curfew", "NOUN", 3, "obj"),
        ("in", "in", "ADP", 7, "case"),
        ("Algiers", "Algiers", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "---GOV")]);
    doc.places = vec![place(&doc, 6, "Algiers", "DZ", "city")];
    let events = code(&mut doc);
    assert!(
        !events.is_empty() && events.iter().all(|e| e.0 == "DZAGOV"),
        "{events:?}"
    );
}

#[test]
fn an_organization_named_after_a_country_is_of_that_country() {
    // "The Kenya Commission accused Uganda": an organization the actor layer could not code.
    let rows: &[Row] = &[
        ("The", "the", "DET", 3, "det"),
        ("Kenya", "Kenya", "PROPN", 3, "compound"),
        ("Commission", "Commission", "PROPN", 4, "nsubj"),
        ("accused", "accuse", "VERB", 0, "root"),
        ("Uganda", "Uganda", "PROPN", 4, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 4, 5, "UGA")]);
    doc.entities = vec![chronicle_doc::Entity {
        span: doc.tokens[1].span.cover(doc.tokens[2].span),
        kind: chronicle_doc::EntityKind::Organization,
        actor: None,
        canonical: None,
        sentence: 0,
    }];
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((events[0].0.as_str(), events[0].2.as_str()), ("KEN", "UGA"));
}

#[test]
fn ethnic_groups_are_of_the_country_they_live_in() {
    // "Ethnic Albanians demonstrated in Serbia" → Serbia, not Albania.
    let rows: &[Row] = &[
        ("Ethnic", "ethnic", "ADJ", 2, "amod"),
        ("Albanians", "Albanians", "PROPN", 3, "nsubj"),
        ("demonstrated", "demonstrate", "VERB", 0, "root"),
        ("in", "in", "ADP", 5, "case"),
        ("Serbia", "Serbia", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[]);
    doc.places = vec![place(&doc, 4, "Serbia", "RS", "country")];
    assert_eq!(code(&mut doc), [ev("SRB", "141", "SRB", Mode::Asserted, 1)]);
    // "Bosnian Serbs attacked Gorazde": another nationality before the demonym.
    let rows: &[Row] = &[
        ("Bosnian", "Bosnian", "PROPN", 3, "nsubj"),
        ("Serbs", "Serbs", "PROPN", 1, "flat"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Moroccan", "Moroccan", "ADJ", 5, "amod"),
        ("troops", "troop", "NOUN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[]);
    let events = code(&mut doc);
    assert_eq!(events.first().map(|e| e.0.as_str()), Some("BIH"), "{events:?}");
}

#[test]
fn a_joint_protest_is_aimed_at_a_third_party_not_between_the_two() {
    // "US and British activists protested in Beijing".
    let rows: &[Row] = &[
        ("US", "US", "PROPN", 4, "amod"),
        ("and", "and", "CCONJ", 3, "cc"),
        ("British", "British", "ADJ", 1, "conj"),
        ("activists", "activist", "NOUN", 5, "nsubj"),
        ("protested", "protest", "VERB", 0, "root"),
        ("in", "in", "ADP", 7, "case"),
        ("Beijing", "Beijing", "PROPN", 5, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USA"), (0, 2, 4, "GBROPP")]);
    doc.places = vec![place(&doc, 6, "Beijing", "CN", "city")];
    let events = code(&mut doc);
    assert!(!events.is_empty(), "{events:?}");
    assert!(events.iter().all(|e| e.2 == "CHN"), "{events:?}");
}

#[test]
fn a_coordination_split_into_two_subjects_is_one_side() {
    // "The US, Russia, and Switzerland met", parsed with two subjects.
    let rows: &[Row] = &[
        ("The", "the", "DET", 2, "det"),
        ("US", "US", "PROPN", 8, "nsubj"),
        (",", ",", "PUNCT", 4, "punct"),
        ("Russia", "Russia", "PROPN", 2, "conj"),
        (",", ",", "PUNCT", 8, "punct"),
        ("and", "and", "CCONJ", 8, "cc"),
        ("Switzerland", "Switzerland", "PROPN", 8, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 1, 2, "USA"), (0, 3, 4, "RUS"), (0, 6, 7, "CHE")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 6, "every pair of the three: {events:?}");
    assert!(events.iter().any(|e| e.0 == "CHE" && e.2 == "USA"), "{events:?}");
}

#[test]
fn a_noun_acts_on_its_of_phrase_and_plural_lemmas_are_singularized() {
    // "Italy announced a suspension of air links with Serbia" (the lemmatizer left "links").
    let rows: &[Row] = &[
        ("Italy", "Italy", "PROPN", 2, "nsubj"),
        ("announced", "announce", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("suspension", "suspension", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 7, "case"),
        ("air", "air", "NOUN", 7, "compound"),
        ("links", "links", "NOUN", 4, "nmod"),
        ("with", "with", "ADP", 9, "case"),
        ("Serbia", "Serbia", "PROPN", 7, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ITA"), (0, 8, 9, "SRB")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.0 == "ITA" && e.1 == "161" && e.2 == "SRB"),
        "{events:?}"
    );
}

#[test]
fn a_measure_of_something_is_the_something() {
    // "Doctors handed over ten tons of medicine to Iran".
    let rows: &[Row] = &[
        ("Doctors", "doctor", "NOUN", 2, "nsubj"),
        ("handed", "hand", "VERB", 0, "root"),
        ("over", "over", "ADV", 2, "compound:prt"),
        ("ten", "ten", "NUM", 5, "nummod"),
        ("tons", "ton", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 7, "case"),
        ("medicine", "medicine", "NOUN", 5, "nmod"),
        ("to", "to", "ADP", 9, "case"),
        ("Iran", "Iran", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHEHLT"), (0, 8, 9, "IRN")]);
    assert_eq!(code(&mut doc), [ev("CHEHLT", "073", "IRN", Mode::Asserted, 1)]);
}

#[test]
fn the_next_actor_brings_its_conjuncts() {
    // "Germany warned over Romania and Poland": no slot of `warn` holds them; the target is
    // found as the next actor in the clause, with its conjunct.
    let rows: &[Row] = &[
        ("Germany", "Germany", "PROPN", 2, "nsubj"),
        ("warned", "warn", "VERB", 0, "root"),
        ("over", "over", "ADP", 4, "case"),
        ("Romania", "Romania", "PROPN", 2, "obl"),
        ("and", "and", "CCONJ", 6, "cc"),
        ("Poland", "Poland", "PROPN", 4, "conj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "DEU"), (0, 3, 4, "ROU"), (0, 5, 6, "POL")]);
    let events = code(&mut doc);
    let targets: Vec<&str> = events.iter().map(|e| e.2.as_str()).collect();
    assert!(targets.contains(&"ROU") && targets.contains(&"POL"), "{events:?}");
}

#[test]
fn the_sources_own_forces_as_object_are_not_its_target() {
    // "France deployed troops near Liberia": its own troops are what it moves.
    let rows: &[Row] = &[
        ("France", "France", "PROPN", 2, "nsubj"),
        ("deployed", "deploy", "VERB", 0, "root"),
        ("troops", "troop", "NOUN", 2, "obj"),
        ("near", "near", "ADP", 5, "case"),
        ("Liberia", "Liberia", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "FRA"), (0, 2, 3, "FRAMIL"), (0, 4, 5, "LBR")]);
    doc.mentions[1].kind = MentionKind::Description;
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((events[0].0.as_str(), events[0].2.as_str()), ("FRA", "LBR"));
}

#[test]
fn what_another_must_do_is_a_demand_even_without_an_event_verb() {
    // "The Red Cross said US forces must ensure security."
    let rows: &[Row] = &[
        ("The", "the", "DET", 3, "det"),
        ("Red", "Red", "PROPN", 3, "compound"),
        ("Cross", "Cross", "PROPN", 4, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        ("US", "US", "PROPN", 6, "compound"),
        ("forces", "force", "NOUN", 8, "nsubj"),
        ("must", "must", "AUX", 8, "aux"),
        ("ensure", "ensure", "VERB", 4, "ccomp"),
        ("security", "security", "NOUN", 8, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 1, 3, "IGOIRC"), (0, 4, 6, "USAMIL")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].1.as_str(), events[0].2.as_str()),
        ("IGOIRC", "100", "USAMIL")
    );
}

#[test]
fn coercion_on_a_condition_is_a_threat() {
    // "Spain may impose sanctions on Peru if the talks collapse."
    let rows: &[Row] = &[
        ("Spain", "Spain", "PROPN", 3, "nsubj"),
        ("may", "may", "AUX", 3, "aux"),
        ("impose", "impose", "VERB", 0, "root"),
        ("sanctions", "sanction", "NOUN", 3, "obj"),
        ("on", "on", "ADP", 6, "case"),
        ("Peru", "Peru", "PROPN", 3, "obl"),
        ("if", "if", "SCONJ", 10, "mark"),
        ("the", "the", "DET", 9, "det"),
        ("talks", "talk", "NOUN", 10, "nsubj"),
        ("collapse", "collapse", "VERB", 3, "advcl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ESP"), (0, 5, 6, "PER")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(&events[0].1[..2], "13", "{events:?}");
    assert_eq!(events[0].2, "PER");
}

#[test]
fn would_in_reported_speech_is_an_announced_act() {
    // "Peru said it would attack Chile": the announced attack is a threat of force.
    let rows: &[Row] = &[
        ("Peru", "Peru", "PROPN", 2, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        ("it", "it", "PRON", 5, "nsubj"),
        ("would", "would", "AUX", 5, "aux"),
        ("attack", "attack", "VERB", 2, "ccomp"),
        ("Chile", "Chile", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "PER"), (0, 2, 3, "PER"), (0, 5, 6, "CHL")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].1.as_str(), events[0].2.as_str()),
        ("138", "CHL"),
        "{events:?}"
    );
}

#[test]
fn an_object_that_is_a_place_is_the_target() {
    // "Farmers will blockade Lyon near Germany": Lyon is a place, not an actor mention.
    let rows: &[Row] = &[
        ("Farmers", "farmer", "NOUN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("blockade", "blockade", "VERB", 0, "root"),
        ("Lyon", "Lyon", "PROPN", 3, "obj"),
        ("near", "near", "ADP", 6, "case"),
        ("Germany", "Germany", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "FRAAGR"), (0, 5, 6, "DEU")]);
    doc.places = vec![place(&doc, 3, "Lyon", "FR", "city")];
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.0 == "FRAAGR" && e.2 == "FRA"), "{events:?}");
}

#[test]
fn a_participle_describing_a_noun_has_no_agent_before_it_and_no_mode_above_it() {
    // "Italy will identify the victims killed near Chad": the killing is no act of Italy's,
    // and no future one.
    let rows: &[Row] = &[
        ("Italy", "Italy", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("identify", "identify", "VERB", 0, "root"),
        ("victims", "victim", "NOUN", 3, "obj"),
        ("killed", "kill", "VERB", 4, "acl"),
        ("near", "near", "ADP", 7, "case"),
        ("Chad", "Chad", "PROPN", 5, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ITA"), (0, 6, 7, "TCD")]);
    doc.tokens[4].xpos = Some("VBN");
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.0 != "ITA"), "{events:?}");
}

#[test]
fn an_object_the_tokenizer_split_at_its_hyphen_still_selects_its_pattern() {
    // "Biden called for a de-escalation": UD tokens `de` `-` `escalation`, and the pattern
    // `call for +de-escalation` (0256), not the plain appeal (020).
    let rows: &[Row] = &[
        ("Biden", "Biden", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("for", "for", "ADP", 7, "case"),
        ("a", "a", "DET", 7, "det"),
        ("de", "de", "PROPN", 7, "compound"),
        ("-", "-", "PUNCT", 5, "punct"),
        ("escalation", "escalation", "NOUN", 2, "obl"),
        ("with", "with", "ADP", 9, "case"),
        ("Russia", "Russia", "PROPN", 7, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 8, 9, "RUS")]);
    assert!(doc.text().contains("de-escalation"), "{}", doc.text());
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].1, "0256", "{events:?}");
    // Written apart, `de - escalation` is no hyphenated word.
    let spaced: Vec<Row> = rows
        .iter()
        .map(|&r| {
            if r.0 == "-" {
                ("--", "--", "PUNCT", 5, "punct")
            } else {
                r
            }
        })
        .collect();
    let mut doc = document(&[&spaced], &[(0, 0, 1, "USAGOV"), (0, 8, 9, "RUS")]);
    assert_eq!(code(&mut doc)[0].1, "020");
}

#[test]
fn a_noun_event_takes_the_place_named_right_after_it() {
    // "Putin will monitor the Russian-American talks on Monday in Geneva": the parse hangs
    // `in Geneva` on `monitor`, yet Geneva is where the talks are.
    let rows: &[Row] = &[
        ("Putin", "Putin", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("monitor", "monitor", "VERB", 0, "root"),
        ("the", "the", "DET", 8, "det"),
        ("Russian", "russian", "ADJ", 8, "amod"),
        ("-", "-", "PUNCT", 7, "punct"),
        ("American", "american", "ADJ", 8, "amod"),
        ("talks", "talk", "NOUN", 3, "obj"),
        ("on", "on", "ADP", 10, "case"),
        ("Monday", "Monday", "PROPN", 8, "nmod"),
        ("in", "in", "ADP", 12, "case"),
        ("Geneva", "Geneva", "PROPN", 3, "obl"),
    ];
    let mentions = [(0, 0, 1, "RUSGOV"), (0, 4, 5, "RUS"), (0, 6, 7, "USA")];
    let mut doc = document(&[rows], &mentions);
    doc.places = vec![place(&doc, 11, "Geneva", "CH", "city")];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    assert!(
        doc.events.iter().all(|e| e.place.as_deref() == Some("Geneva")),
        "{:?}",
        doc.events
    );
    // "… the talks on Monday, there in Geneva": not right after the noun's words.
    let mut far: Vec<Row> = rows.to_vec();
    far.insert(10, ("there", "there", "ADV", 3, "advmod"));
    for row in far.iter_mut() {
        if row.3 > 10 {
            row.3 += 1;
        }
    }
    let mut doc = document(&[&far], &mentions);
    doc.places = vec![place(&doc, 12, "Geneva", "CH", "city")];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    assert!(doc.events.iter().all(|e| e.place.is_none()), "{:?}", doc.events);
}

#[test]
fn a_noun_event_takes_its_date_and_place_when_the_parse_hangs_both_on_the_verb() {
    // "… monitor the talks on Monday in Geneva" with `on Monday` and `in Geneva` both on
    // `monitor`: the talks are on Monday, in Geneva.
    let rows: &[Row] = &[
        ("Putin", "Putin", "PROPN", 3, "nsubj"),
        ("will", "will", "AUX", 3, "aux"),
        ("monitor", "monitor", "VERB", 0, "root"),
        ("the", "the", "DET", 8, "det"),
        ("Russian", "russian", "ADJ", 8, "amod"),
        ("-", "-", "PUNCT", 7, "punct"),
        ("American", "american", "ADJ", 8, "amod"),
        ("talks", "talk", "NOUN", 3, "obj"),
        ("on", "on", "ADP", 10, "case"),
        ("Monday", "Monday", "PROPN", 3, "obl"),
        ("in", "in", "ADP", 12, "case"),
        ("Geneva", "Geneva", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUSGOV"), (0, 4, 5, "RUS"), (0, 6, 7, "USA")]);
    doc.places = vec![place(&doc, 11, "Geneva", "CH", "city")];
    doc.times = vec![chronicle_doc::Timex {
        span: doc.tokens[9].span,
        kind: chronicle_doc::TimeKind::Date,
        value: "2022-01-10".into(),
    }];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    for e in &doc.events {
        assert_eq!(e.place.as_deref(), Some("Geneva"), "{e:?}");
        assert_eq!(e.date, Date::from_ymd_opt(2022, 1, 10).unwrap(), "{e:?}");
    }
}

#[test]
fn the_place_of_an_event_is_a_location_not_an_actor_modifier() {
    // "The US envoy met Putin in Geneva": `US` modifies the source; the meeting is in Geneva.
    let rows: &[Row] = &[
        ("The", "the", "DET", 3, "det"),
        ("US", "US", "PROPN", 3, "compound"),
        ("envoy", "envoy", "NOUN", 4, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Putin", "Putin", "PROPN", 4, "obj"),
        ("in", "in", "ADP", 7, "case"),
        ("Geneva", "Geneva", "PROPN", 4, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 3, "USAGOV"), (0, 4, 5, "RUSGOV")]);
    doc.places = vec![
        place(&doc, 1, "United States", "US", "country"),
        place(&doc, 6, "Geneva", "CH", "city"),
    ];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    assert!(
        doc.events.iter().all(|e| e.place.as_deref() == Some("Geneva")),
        "{:?}",
        doc.events
    );
}

#[test]
fn what_a_demand_asks_for_is_no_second_event() {
    // "Chile demanded that its neighbours refuse to recognize Freedonia": one demand of Chile
    // on its neighbours, no refusal by the neighbours.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("demanded", "demand", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 5, "mark"),
        ("Peruvians", "Peruvian", "PROPN", 5, "nsubj"),
        ("refuse", "refuse", "VERB", 2, "ccomp"),
        ("to", "to", "PART", 7, "mark"),
        ("recognize", "recognize", "VERB", 5, "xcomp"),
        ("Bolivia", "Bolivia", "PROPN", 7, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 3, 4, "PER"), (0, 7, 8, "BOL")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].2.as_str()),
        ("CHL", "PER"),
        "{events:?}"
    );
    assert!(events[0].1.starts_with("10"), "{events:?}");
}

#[test]
fn a_verb_conjoined_to_a_passive_shares_its_subject_not_its_agent() {
    // "The Peruvian minister was arrested by Chile and will appeal to Bolivia": the minister
    // appeals, not Chile.
    let rows: &[Row] = &[
        ("Peruvian", "Peruvian", "ADJ", 2, "amod"),
        ("minister", "minister", "NOUN", 4, "nsubj:pass"),
        ("was", "be", "AUX", 4, "aux:pass"),
        ("arrested", "arrest", "VERB", 0, "root"),
        ("by", "by", "ADP", 6, "case"),
        ("Chile", "Chile", "PROPN", 4, "obl:agent"),
        ("and", "and", "CCONJ", 9, "cc"),
        ("will", "will", "AUX", 9, "aux"),
        ("appeal", "appeal", "VERB", 4, "conj"),
        ("to", "to", "ADP", 11, "case"),
        ("Bolivia", "Bolivia", "PROPN", 9, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "PERGOV"), (0, 5, 6, "CHL"), (0, 10, 11, "BOL")]);
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.0 == "CHL" && e.2 == "PERGOV"), "{events:?}");
    assert!(
        events.iter().any(|e| e.0 == "PERGOV" && e.2 == "BOL"),
        "the appeal is the minister's: {events:?}"
    );
    assert!(!events.iter().any(|e| e.0 == "CHL" && e.2 == "BOL"), "{events:?}");
}

#[test]
fn a_verb_the_parser_read_as_an_adjective_in_a_sentence_without_a_verb_is_the_main_verb() {
    // "Chilean ships and planes shelled positions of Peruvian units", parsed as one noun
    // phrase: `ships` the root, `shelled` an adjective of `positions`.
    let rows: &[Row] = &[
        ("Chilean", "Chilean", "ADJ", 2, "amod"),
        ("ships", "ship", "NOUN", 0, "root"),
        ("and", "and", "CCONJ", 4, "cc"),
        ("planes", "plane", "NOUN", 2, "conj"),
        ("shelled", "shelled", "ADJ", 6, "amod"),
        ("positions", "position", "NOUN", 2, "conj"),
        ("of", "of", "ADP", 9, "case"),
        ("Peruvian", "Peruvian", "ADJ", 9, "amod"),
        ("units", "unit", "NOUN", 6, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "CHLMIL"), (0, 7, 9, "PERMIL")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].2.as_str()),
        ("CHLMIL", "PERMIL"),
        "{events:?}"
    );
    assert!(events[0].1.starts_with("19"), "{events:?}");
    // With a main verb elsewhere the adjective stays one: "Chilean ships saw shelled
    // positions".
    let rows: &[Row] = &[
        ("Chilean", "Chilean", "ADJ", 2, "amod"),
        ("ships", "ship", "NOUN", 3, "nsubj"),
        ("saw", "see", "VERB", 0, "root"),
        ("shelled", "shelled", "ADJ", 5, "amod"),
        ("positions", "position", "NOUN", 3, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "CHLMIL")]);
    assert!(code(&mut doc).is_empty(), "{:?}", doc.events);
}

#[test]
fn a_protest_of_unnamed_people_is_aimed_at_the_foreign_actor_its_clause_names() {
    // "Crowds blocked roads in Manila in defiance of Chinese officials", with `blocked`
    // tagged as a participle (VBN) though it has an object: the crowds act for the
    // Philippines, against China, not against their own country.
    let rows: &[Row] = &[
        ("Crowds", "crowd", "NOUN", 2, "nsubj"),
        ("blocked", "block", "VERB", 0, "root"),
        ("roads", "road", "NOUN", 2, "obj"),
        ("in", "in", "ADP", 5, "case"),
        ("Manila", "Manila", "PROPN", 2, "obl"),
        ("in", "in", "ADP", 7, "case"),
        ("defiance", "defiance", "NOUN", 2, "obl"),
        ("of", "of", "ADP", 10, "case"),
        ("Chinese", "Chinese", "ADJ", 10, "amod"),
        ("officials", "official", "NOUN", 7, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 8, 10, "CHNGOV")]);
    doc.tokens[1].xpos = Some("VBN");
    doc.places = vec![place(&doc, 4, "Manila", "PH", "city")];
    assert_eq!(code(&mut doc), [ev("PHL", "144", "CHNGOV", Mode::Asserted, 1)]);
}

#[test]
fn an_event_named_in_a_phrase_inside_an_argument_is_part_of_the_event() {
    // "Chile agreed to a Peruvian role in the talks with Bolivia": one agreement of Chile with
    // Peru; the talks are where Peru's role lies, no second event. (The phrase hangs on a
    // noun that is no trigger: "protests during the talks" stay two events.)
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("agreed", "agree", "VERB", 0, "root"),
        ("to", "to", "ADP", 5, "case"),
        ("Peruvian", "Peruvian", "ADJ", 5, "amod"),
        ("role", "role", "NOUN", 2, "obl"),
        ("in", "in", "ADP", 8, "case"),
        ("the", "the", "DET", 8, "det"),
        ("talks", "talk", "NOUN", 5, "nmod"),
        ("with", "with", "ADP", 10, "case"),
        ("Bolivia", "Bolivia", "PROPN", 8, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 3, 4, "PER"), (0, 9, 10, "BOL")]);
    assert_eq!(code(&mut doc), [ev("CHL", "030", "PER", Mode::Asserted, 1)]);
}

#[test]
fn an_event_noun_given_as_a_circumstance_is_not_coded() {
    // "Chile criticized Bolivia despite pressure from Peru": the criticism is the news; the
    // pressure is its circumstance.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("criticized", "criticize", "VERB", 0, "root"),
        ("Bolivia", "Bolivia", "PROPN", 2, "obj"),
        ("despite", "despite", "ADP", 5, "case"),
        ("pressure", "pressure", "NOUN", 2, "obl"),
        ("from", "from", "ADP", 7, "case"),
        ("Peru", "Peru", "PROPN", 5, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 2, 3, "BOL"), (0, 6, 7, "PER")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].2.as_str()),
        ("CHL", "BOL"),
        "{events:?}"
    );
}

#[test]
fn an_actor_in_a_condition_is_not_the_target() {
    // "Chile condemned the vote if Peru boycotts it": the condition names Peru, but the
    // condemnation is not aimed at it.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("condemned", "condemn", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("vote", "vote", "NOUN", 2, "obj"),
        ("if", "if", "SCONJ", 7, "mark"),
        ("Peru", "Peru", "PROPN", 7, "nsubj"),
        ("boycotts", "boycott", "VERB", 2, "advcl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 5, 6, "PER")]);
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.0 == "CHL" && e.2 == "PER"), "{events:?}");
}

#[test]
fn wanting_another_actor_to_act_is_an_appeal_to_it() {
    // "Chile wants Peru to attack Bolivia": Chile appeals to Peru; the attack is wanted, not
    // done or intended by Chile.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("wants", "want", "VERB", 0, "root"),
        ("Peru", "Peru", "PROPN", 2, "obj"),
        ("to", "to", "PART", 5, "mark"),
        ("attack", "attack", "VERB", 2, "xcomp"),
        ("Bolivia", "Bolivia", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 2, 3, "PER"), (0, 5, 6, "BOL")]);
    assert_eq!(code(&mut doc), [ev("CHL", "020", "PER", Mode::Asserted, 1)]);
}

#[test]
fn the_object_of_a_verb_above_an_infinitive_is_its_subject() {
    // "Chile forced Peru to attack Bolivia" (`force` no trigger here): Peru attacks. After
    // "promised", the promiser acts: "Chile promised Peru to attack Bolivia".
    let rows = |verb: &'static str, lemma: &'static str| -> Vec<Row> {
        vec![
            ("Chile", "Chile", "PROPN", 2, "nsubj"),
            (verb, lemma, "VERB", 0, "root"),
            ("Peru", "Peru", "PROPN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("attack", "attack", "VERB", 2, "xcomp"),
            ("Bolivia", "Bolivia", "PROPN", 5, "obj"),
        ]
    };
    let forced = rows("forced", "force");
    let mut doc = document(&[&forced], &[(0, 0, 1, "CHL"), (0, 2, 3, "PER"), (0, 5, 6, "BOL")]);
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.0 == "PER" && e.2 == "BOL"), "{events:?}");
    assert!(!events.iter().any(|e| e.0 == "CHL" && e.2 == "BOL"), "{events:?}");
    let promised = rows("promised", "promise");
    let mut doc = document(&[&promised], &[(0, 0, 1, "CHL"), (0, 2, 3, "PER"), (0, 5, 6, "BOL")]);
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.0 == "PER"), "{events:?}");
}

#[test]
fn alleging_that_another_used_force_is_an_accusation() {
    // "Chile alleged that Peru had attacked Bolivia": an accusation of Peru by Chile, not an
    // attack. "said" reports, and keeps the attack.
    let rows = |verb: &'static str, lemma: &'static str| -> Vec<Row> {
        vec![
            ("Chile", "Chile", "PROPN", 2, "nsubj"),
            (verb, lemma, "VERB", 0, "root"),
            ("that", "that", "SCONJ", 6, "mark"),
            ("Peru", "Peru", "PROPN", 6, "nsubj"),
            ("had", "have", "AUX", 6, "aux"),
            ("attacked", "attack", "VERB", 2, "ccomp"),
            ("Bolivia", "Bolivia", "PROPN", 6, "obj"),
        ]
    };
    let mentions = [(0, 0, 1, "CHL"), (0, 3, 4, "PER"), (0, 6, 7, "BOL")];
    let alleged = rows("claimed", "claim");
    let mut doc = document(&[&alleged], &mentions);
    assert_eq!(code(&mut doc), [ev("CHL", "112", "PER", Mode::Asserted, 1)]);
    let said = rows("said", "say");
    let mut doc = document(&[&said], &mentions);
    let events = code(&mut doc);
    assert!(
        events
            .iter()
            .any(|e| e.0 == "PER" && e.2 == "BOL" && e.1.starts_with("19")),
        "{events:?}"
    );
}

#[test]
fn receiving_monitors_is_receiving_inspectors() {
    // "Chile received a team of monitors from Peru": CAMEO 0862, not a meeting (043).
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("received", "receive", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("team", "team", "NOUN", 2, "obj"),
        ("of", "of", "ADP", 6, "case"),
        ("monitors", "monitor", "NOUN", 4, "nmod"),
        ("from", "from", "ADP", 8, "case"),
        ("Peru", "Peru", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 7, 8, "PER")]);
    assert_eq!(code(&mut doc), [ev("CHL", "0862", "PER", Mode::Asserted, 1)]);
}

#[test]
fn the_arrival_of_peacekeepers_is_coded_as_the_host_receiving_them() {
    // "Chilean peacekeepers arrived in Haiti": Haiti receives Chile's peacekeepers (0861).
    let rows: &[Row] = &[
        ("Chilean", "Chilean", "ADJ", 2, "amod"),
        ("peacekeepers", "peacekeeper", "NOUN", 3, "nsubj"),
        ("arrived", "arrive", "VERB", 0, "root"),
        ("in", "in", "ADP", 5, "case"),
        ("Haiti", "Haiti", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "CHLMIL"), (0, 4, 5, "HTI")]);
    assert_eq!(code(&mut doc), [ev("HTI", "0861", "CHLMIL", Mode::Asserted, 1)]);
}

#[test]
fn a_place_further_down_describes_its_own_noun_not_the_event() {
    // "Chile met Peru since the start of the war in Bolivia": Bolivia is where the war is.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Peru", "Peru", "PROPN", 2, "obj"),
        ("since", "since", "ADP", 6, "case"),
        ("the", "the", "DET", 6, "det"),
        ("start", "start", "NOUN", 2, "obl"),
        ("of", "of", "ADP", 9, "case"),
        ("the", "the", "DET", 9, "det"),
        ("war", "war", "NOUN", 6, "nmod"),
        ("in", "in", "ADP", 11, "case"),
        ("Bolivia", "Bolivia", "PROPN", 9, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 2, 3, "PER")]);
    doc.places = vec![place(&doc, 10, "Bolivia", "BO", "country")];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    assert!(doc.events.iter().all(|e| e.place.is_none()), "{:?}", doc.events);
}

#[test]
fn a_place_inside_a_setting_hung_on_the_object_still_locates_the_event() {
    // "Police arrested Chileans in raids in Lima": the parse hangs `in raids` on the object;
    // the raids are still where the arrests were made.
    let rows: &[Row] = &[
        ("Police", "police", "NOUN", 2, "nsubj"),
        ("arrested", "arrest", "VERB", 0, "root"),
        ("Chileans", "Chilean", "PROPN", 2, "obj"),
        ("in", "in", "ADP", 5, "case"),
        ("raids", "raid", "NOUN", 3, "nmod"),
        ("in", "in", "ADP", 7, "case"),
        ("Lima", "Lima", "PROPN", 5, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "PERCOP"), (0, 2, 3, "CHL")]);
    doc.places = vec![place(&doc, 6, "Lima", "PE", "city")];
    code(&mut doc);
    assert!(doc.events.iter().any(|e| e.cameo == "173"), "{:?}", doc.events);
    assert!(
        doc.events.iter().all(|e| e.place.as_deref() == Some("Lima")),
        "{:?}",
        doc.events
    );
}

#[test]
fn whom_a_statement_is_addressed_to_is_not_where_it_is_made() {
    // "Chile pressed Lima": Lima is the pressed government, not the place of pressing; "Peru
    // shelled Santiago" happens in Santiago.
    let pressed: &[Row] = &[
        ("Chile", "Chile", "PROPN", 2, "nsubj"),
        ("pressed", "press", "VERB", 0, "root"),
        ("Lima", "Lima", "PROPN", 2, "obj"),
    ];
    let mut doc = document(&[pressed], &[(0, 0, 1, "CHL"), (0, 2, 3, "PER")]);
    doc.places = vec![place(&doc, 2, "Lima", "PE", "city")];
    code(&mut doc);
    assert!(doc.events.iter().any(|e| e.cameo == "100"), "{:?}", doc.events);
    assert!(doc.events.iter().all(|e| e.place.is_none()), "{:?}", doc.events);
    let shelled: &[Row] = &[
        ("Peru", "Peru", "PROPN", 2, "nsubj"),
        ("shelled", "shell", "VERB", 0, "root"),
        ("Santiago", "Santiago", "PROPN", 2, "obj"),
    ];
    let mut doc = document(&[shelled], &[(0, 0, 1, "PER"), (0, 2, 3, "CHL")]);
    doc.places = vec![place(&doc, 2, "Santiago", "CL", "city")];
    code(&mut doc);
    assert!(!doc.events.is_empty());
    assert!(
        doc.events.iter().all(|e| e.place.as_deref() == Some("Santiago")),
        "{:?}",
        doc.events
    );
}

/// "Chile {has held|will hold} no talks with Peru."
fn talks_with_peru(auxiliary: (&'static str, &'static str), verb: &'static str) -> Vec<Row> {
    vec![
        ("Chile", "Chile", "PROPN", 3, "nsubj"),
        (auxiliary.0, auxiliary.1, "AUX", 3, "aux"),
        (verb, "hold", "VERB", 0, "root"),
        ("no", "no", "DET", 5, "det"),
        ("talks", "talk", "NOUN", 3, "obj"),
        ("with", "with", "ADP", 7, "case"),
        ("Peru", "Peru", "PROPN", 3, "obl"),
    ]
}

#[test]
fn talks_never_held_are_negated_and_talks_refused_are_a_rejection() {
    let mentions = [(0, 0, 1, "CHL"), (0, 6, 7, "PER")];
    let held = talks_with_peru(("has", "have"), "held");
    let mut doc = document(&[&held], &mentions);
    assert_eq!(code(&mut doc), vec![ev("CHL", "046", "PER", Mode::Negated, 1)]);
    let refused = talks_with_peru(("will", "will"), "hold");
    let mut doc = document(&[&refused], &mentions);
    assert_eq!(code(&mut doc), vec![ev("CHL", "125", "PER", Mode::Asserted, 1)]);
}

#[test]
fn not_describing_an_offer_does_not_deny_it() {
    // "Chile did not describe its offer to Peru": the offer stands.
    let rows: &[Row] = &[
        ("Chile", "Chile", "PROPN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("describe", "describe", "VERB", 0, "root"),
        ("its", "its", "PRON", 6, "nmod:poss"),
        ("offer", "offer", "NOUN", 4, "obj"),
        ("to", "to", "ADP", 8, "case"),
        ("Peru", "Peru", "PROPN", 6, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHL"), (0, 4, 5, "CHL"), (0, 7, 8, "PER")]);
    let events = code(&mut doc);
    assert!(!events.is_empty());
    assert!(
        events.iter().all(|e| e.1 == "030" && e.3 != Mode::Negated),
        "{events:?}"
    );
}

#[test]
fn a_meeting_verb_with_a_thing_for_its_object_is_another_sense() {
    // "Peru met Chile. Lima received guarantees": no visit is hosted, and the actor of the
    // sentence before is no guest. "Lima received Santiago" is one.
    let met: &[Row] = &[
        ("Peru", "Peru", "PROPN", 2, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Chile", "Chile", "PROPN", 2, "obj"),
    ];
    let received = |object: (&'static str, &'static str, &'static str)| -> Vec<Row> {
        vec![
            ("Lima", "Lima", "PROPN", 2, "nsubj"),
            ("received", "receive", "VERB", 0, "root"),
            (object.0, object.1, object.2, 2, "obj"),
        ]
    };
    let things = received(("guarantees", "guarantee", "NOUN"));
    let mut doc = document(&[met, &things], &[(0, 0, 1, "PER"), (0, 2, 3, "CHL"), (1, 0, 1, "PER")]);
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.1 != "043"), "{events:?}");
    let guest = received(("Santiago", "Santiago", "PROPN"));
    let mentions = [(0, 0, 1, "PER"), (0, 2, 3, "CHL"), (1, 0, 1, "PER"), (1, 2, 3, "CHL")];
    let mut doc = document(&[met, &guest], &mentions);
    assert!(code(&mut doc).iter().any(|e| e.1 == "043" && e.2 == "CHL"));
}

#[test]
fn releasing_a_statement_frees_nobody() {
    // "Peru met Chile. Lima released a statement": no 0841 with the actor of the sentence
    // before as the one released; "Lima released Chileans" is a release.
    let met: &[Row] = &[
        ("Peru", "Peru", "PROPN", 2, "nsubj"),
        ("met", "meet", "VERB", 0, "root"),
        ("Chile", "Chile", "PROPN", 2, "obj"),
    ];
    let released = |object: (&'static str, &'static str, &'static str)| -> Vec<Row> {
        vec![
            ("Lima", "Lima", "PROPN", 2, "nsubj"),
            ("released", "release", "VERB", 0, "root"),
            (object.0, object.1, object.2, 2, "obj"),
        ]
    };
    let statement = released(("statement", "statement", "NOUN"));
    let mut doc = document(
        &[met, &statement],
        &[(0, 0, 1, "PER"), (0, 2, 3, "CHL"), (1, 0, 1, "PER")],
    );
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.1 != "0841"), "{events:?}");
    let prisoners = released(("Chileans", "Chilean", "PROPN"));
    let mentions = [(0, 0, 1, "PER"), (0, 2, 3, "CHL"), (1, 0, 1, "PER"), (1, 2, 3, "CHL")];
    let mut doc = document(&[met, &prisoners], &mentions);
    assert!(code(&mut doc).iter().any(|e| e.1 == "0841" && e.2 == "CHL"));
}

#[test]
fn a_rejection_aimed_at_nobody_is_not_aimed_at_the_source_itself() {
    // "The Chilean government failed to reach a compromise": a rejection with no target, not
    // one of Chile's government against Chile.
    let rows: &[Row] = &[
        ("Government", "government", "NOUN", 2, "nsubj"),
        ("failed", "fail", "VERB", 0, "root"),
        ("to", "to", "PART", 4, "mark"),
        ("reach", "reach", "VERB", 2, "xcomp"),
        ("compromise", "compromise", "NOUN", 4, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHLGOV")]);
    assert_eq!(code(&mut doc), vec![ev("CHLGOV", "120", "", Mode::Asserted, 1)]);
}

#[test]
fn a_for_gerund_reason_is_the_objects_act() {
    // "jailed a student *for helping* rebels": the student helped, not the court.
    let rows: &[Row] = &[
        ("Egypt", "Egypt", "PROPN", 2, "nsubj"),
        ("jailed", "jail", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("Sudanese", "Sudanese", "ADJ", 5, "amod"),
        ("student", "student", "NOUN", 2, "obj"),
        ("for", "for", "SCONJ", 7, "mark"),
        ("helping", "help", "VERB", 2, "advcl"),
        ("rebels", "rebel", "NOUN", 7, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "EGY"), (0, 2, 5, "SDNEDU"), (0, 7, 8, "SDNREB")]);
    let mut events = code(&mut doc);
    events.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(
        events,
        [
            ev("SDNEDU", "070", "SDNREB", Mode::Asserted, 1),
            ev("EGY", "173", "SDNEDU", Mode::Asserted, 1)
        ]
    );
}

#[test]
fn a_reporter_hung_on_the_object_is_no_target() {
    // "killed eight people, Syrian media reported" parsed with the media as an apposition
    // of "people": they reported the killing, nobody killed them.
    let rows: &[Row] = &[
        ("Rebels", "rebel", "NOUN", 2, "nsubj"),
        ("killed", "kill", "VERB", 0, "root"),
        ("eight", "eight", "NUM", 4, "nummod"),
        ("people", "people", "NOUN", 2, "obj"),
        (",", ",", "PUNCT", 7, "punct"),
        ("Syrian", "Syrian", "ADJ", 7, "amod"),
        ("media", "media", "NOUN", 4, "appos"),
        ("reported", "report", "VERB", 2, "advcl"),
        (".", ".", "PUNCT", 2, "punct"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "SYRREB"), (0, 5, 7, "SYRMED")]);
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.2 != "SYRMED"), "{events:?}");
}

#[test]
fn a_main_verb_read_as_an_adjective_after_a_long_subject() {
    // "Hundreds of protesters *blocked* roads" parsed as one noun phrase: still a blockade
    // by the protesters, its object the noun the verb was hung on.
    let rows: &[Row] = &[
        ("Hundreds", "hundred", "NOUN", 0, "root"),
        ("of", "of", "ADP", 3, "case"),
        ("protesters", "protester", "NOUN", 1, "nmod"),
        ("blocked", "block", "VERB", 5, "amod"),
        ("roads", "road", "NOUN", 1, "conj"),
        (".", ".", "PUNCT", 1, "punct"),
    ];
    let mut doc = document(&[rows], &[(0, 2, 3, "DZAOPP")]);
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.0 == "DZAOPP" && e.1 == "144"), "{events:?}");
}

#[test]
fn an_act_said_to_be_unlikely_is_hypothetical() {
    let rows: &[Row] = &[
        ("Poland", "Poland", "PROPN", 3, "nsubj"),
        ("is", "be", "AUX", 3, "cop"),
        ("unlikely", "unlikely", "ADJ", 0, "root"),
        ("to", "to", "PART", 5, "mark"),
        ("attack", "attack", "VERB", 3, "xcomp"),
        ("Belarus", "Belarus", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "POL"), (0, 5, 6, "BLR")]);
    assert_eq!(code(&mut doc), [ev("POL", "190", "BLR", Mode::Hypothetical, 1)]);
}

#[test]
fn expecting_to_receive_guarantees_is_a_demand() {
    // What one expects to get is what one expects; a hyphened participle describing a noun
    // ("NATO-threatening weapons") is no threat told by the sentence.
    let rows: &[Row] = &[
        ("Moscow", "Moscow", "PROPN", 2, "nsubj"),
        ("expects", "expect", "VERB", 0, "root"),
        ("to", "to", "PART", 4, "mark"),
        ("receive", "receive", "VERB", 2, "xcomp"),
        ("guarantees", "guarantee", "NOUN", 4, "obj"),
        ("from", "from", "ADP", 7, "case"),
        ("NATO", "NATO", "PROPN", 4, "obl"),
        ("against", "against", "ADP", 12, "case"),
        ("NATO", "NATO", "PROPN", 12, "compound"),
        ("-", "-", "PUNCT", 11, "punct"),
        ("threatening", "threaten", "VERB", 12, "amod"),
        ("weapons", "weapon", "NOUN", 4, "obl"),
    ];
    let mut doc = document(
        &[rows],
        &[(0, 0, 1, "RUSGOV"), (0, 6, 7, "IGOWSTNAT"), (0, 8, 9, "IGOWSTNAT")],
    );
    assert_eq!(code(&mut doc), [ev("RUSGOV", "100", "IGOWSTNAT", Mode::Asserted, 1)]);
}

#[test]
fn a_negation_on_another_actors_verb_is_no_refusal_of_the_trigger_source() {
    // "Obama would not give permission to Russia to help Israel" (the parse hangs `to help`
    // on `give`, its agent found as Russia): Russia refuses nothing.
    let rows: &[Row] = &[
        ("Obama", "Obama", "PROPN", 4, "nsubj"),
        ("would", "would", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("give", "give", "VERB", 0, "root"),
        ("permission", "permission", "NOUN", 4, "obj"),
        ("to", "to", "ADP", 7, "case"),
        ("Russia", "Russia", "PROPN", 5, "nmod"),
        ("to", "to", "PART", 9, "mark"),
        ("help", "help", "VERB", 4, "advcl"),
        ("Israel", "Israel", "PROPN", 9, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "USAGOV"), (0, 6, 7, "RUS"), (0, 9, 10, "ISR")]);
    let events = code(&mut doc);
    assert!(
        events.iter().all(|e| !(e.0 == "RUS" && e.1.starts_with("12"))),
        "{events:?}"
    );
}

#[test]
fn a_verb_read_as_an_adjective_after_a_modal_is_still_the_verb() {
    // "Israel would free Palestinian prisoners" with `free` an adjective of `prisoners`.
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 5, "nsubj"),
        ("would", "would", "AUX", 5, "aux"),
        ("free", "free", "ADJ", 5, "amod"),
        ("Palestinian", "Palestinian", "ADJ", 5, "amod"),
        ("prisoners", "prisoner", "NOUN", 0, "root"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 3, 5, "PSECVL")]);
    let events = code(&mut doc);
    assert!(
        events
            .iter()
            .any(|e| e.0 == "ISR" && e.2 == "PSECVL" && e.1.starts_with("08")),
        "{events:?}"
    );
}

#[test]
fn a_street_is_no_target() {
    // "Activists demonstrated in Alps Road": where in a town, not whom it is aimed at.
    let rows: &[Row] = &[
        ("Activists", "activist", "NOUN", 2, "nsubj"),
        ("demonstrated", "demonstrate", "VERB", 0, "root"),
        ("in", "in", "ADP", 4, "case"),
        ("Alps", "Alps", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "CHNCVL")]);
    doc.places = vec![place(&doc, 3, "Alps Road", "US", "street")];
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.2 != "USA"), "{events:?}");
    // The same word as a town is where the protest is aimed.
    doc.places = vec![place(&doc, 3, "Alps", "US", "city")];
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.2 == "USA"), "{events:?}");
}

#[test]
fn a_first_conjunct_frames_nothing() {
    // "Russia warned Ukraine and attacked Kyiv": the attack is no threat; "ended the talks
    // and agreed to meet": the talks took place, the meeting is agreed, nothing is cut.
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("warned", "warn", "VERB", 0, "root"),
        ("Ukraine", "Ukraine", "PROPN", 2, "obj"),
        ("and", "and", "CCONJ", 5, "cc"),
        ("attacked", "attack", "VERB", 2, "conj"),
        ("Kyiv", "Kyiv", "PROPN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 2, 3, "UKR"), (0, 5, 6, "UKRGOV")]);
    let events = code(&mut doc);
    assert!(
        events.contains(&ev("RUS", "190", "UKRGOV", Mode::Asserted, 1)),
        "{events:?}"
    );
    let rows: &[Row] = &[
        ("India", "India", "PROPN", 2, "nsubj"),
        ("ended", "end", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 5, "case"),
        ("Pakistan", "Pakistan", "PROPN", 3, "nmod"),
        ("and", "and", "CCONJ", 7, "cc"),
        ("agreed", "agree", "VERB", 2, "conj"),
        ("to", "to", "PART", 9, "mark"),
        ("meet", "meet", "VERB", 7, "xcomp"),
        ("again", "again", "ADV", 9, "advmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "IND"), (0, 4, 5, "PAK")]);
    let events = code(&mut doc);
    assert!(events.iter().all(|e| !e.1.starts_with("16")), "{events:?}");
    assert!(events.iter().any(|e| e.1 == "046"), "{events:?}");
}

#[test]
fn a_verb_done_again_is_the_verb() {
    let rows: &[Row] = &[
        ("The", "the", "DET", 2, "det"),
        ("EU", "EU", "PROPN", 3, "nsubj"),
        ("re-imposed", "re-impose", "VERB", 0, "root"),
        ("sanctions", "sanction", "NOUN", 3, "obj"),
        ("on", "on", "ADP", 6, "case"),
        ("Belarus", "Belarus", "PROPN", 3, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 1, 2, "IGOEUREEC"), (0, 5, 6, "BLR")]);
    assert_eq!(code(&mut doc), [ev("IGOEUREEC", "163", "BLR", Mode::Asserted, 1)]);
}

#[test]
fn what_is_received_from_another_is_the_givers_act() {
    // "Haiti received aid from the US": the US gave aid to Haiti.
    let rows: &[Row] = &[
        ("Haiti", "Haiti", "PROPN", 2, "nsubj"),
        ("received", "receive", "VERB", 0, "root"),
        ("aid", "aid", "NOUN", 2, "obj"),
        ("from", "from", "ADP", 5, "case"),
        ("Washington", "Washington", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "HTI"), (0, 4, 5, "USAGOV")]);
    assert_eq!(code(&mut doc), [ev("USAGOV", "070", "HTI", Mode::Asserted, 1)]);
}

#[test]
fn claiming_ones_own_attack_is_claiming_responsibility() {
    // "Russia claimed that it had attacked Kyiv": responsibility claimed (015), not an
    // accusation and not an established attack.
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("claimed", "claim", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 6, "mark"),
        ("it", "it", "PRON", 6, "nsubj"),
        ("had", "have", "AUX", 6, "aux"),
        ("attacked", "attack", "VERB", 2, "ccomp"),
        ("Kyiv", "Kyiv", "PROPN", 6, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 3, 4, "RUS"), (0, 6, 7, "UKRGOV")]);
    let events = code(&mut doc);
    assert_eq!(events, [ev("RUS", "015", "UKRGOV", Mode::Asserted, 1)], "{events:?}");
}

#[test]
fn what_the_subject_undergoes_comes_from_another() {
    // "Israel faced criticism from France": France criticizes Israel.
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 2, "nsubj"),
        ("faced", "face", "VERB", 0, "root"),
        ("criticism", "criticism", "NOUN", 2, "obj"),
        ("from", "from", "ADP", 5, "case"),
        ("France", "France", "PROPN", 3, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 4, 5, "FRA")]);
    assert_eq!(code(&mut doc), [ev("FRA", "111", "ISR", Mode::Asserted, 1)]);
    // With nobody named as its author, no event (not Israel criticizing someone).
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 2, "nsubj"),
        ("faced", "face", "VERB", 0, "root"),
        ("criticism", "criticism", "NOUN", 2, "obj"),
        ("over", "over", "ADP", 5, "case"),
        ("Gaza", "Gaza", "PROPN", 3, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 4, 5, "PSE")]);
    assert_eq!(code(&mut doc), []);
}

#[test]
fn the_next_actor_is_not_two_clauses_down() {
    // "Turkey blocked a rally to protest plans to send troops to Iraq": Iraq is what the
    // sending is about, two clauses below `blocked`; it is not what Turkey blocked.
    let deep: &[Row] = &[
        ("Turkey", "Turkey", "PROPN", 2, "nsubj"),
        ("blocked", "block", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("rally", "rally", "NOUN", 2, "obj"),
        ("to", "to", "PART", 6, "mark"),
        ("protest", "protest", "VERB", 4, "acl"),
        ("plans", "plan", "NOUN", 6, "obj"),
        ("to", "to", "PART", 9, "mark"),
        ("send", "send", "VERB", 7, "acl"),
        ("troops", "troop", "NOUN", 9, "obj"),
        ("to", "to", "ADP", 12, "case"),
        ("Iraq", "Iraq", "PROPN", 9, "obl"),
    ];
    let mut doc = document(&[deep], &[(0, 0, 1, "TUR"), (0, 11, 12, "IRQ")]);
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.1 == "144" && e.2 == "IRQ"), "{events:?}");
    // One clause down is still the trigger's own business: "blocked a plan to arm Iraq".
    let near: &[Row] = &[
        ("Turkey", "Turkey", "PROPN", 2, "nsubj"),
        ("blocked", "block", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("plan", "plan", "NOUN", 2, "obj"),
        ("to", "to", "PART", 6, "mark"),
        ("arm", "arm", "VERB", 4, "acl"),
        ("Iraq", "Iraq", "PROPN", 6, "obj"),
    ];
    let mut doc = document(&[near], &[(0, 0, 1, "TUR"), (0, 6, 7, "IRQ")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.1 == "144" && e.0 == "TUR" && e.2 == "IRQ"),
        "{events:?}"
    );
}

#[test]
fn a_phrase_is_its_name_not_its_hyphened_descriptor() {
    // "The UK-based group al-Shabab attacked Kenya": the group is al-Shabab, based in the UK.
    let rows: &[Row] = &[
        ("The", "the", "DET", 5, "det"),
        ("UK", "UK", "PROPN", 4, "compound"),
        ("-", "-", "PUNCT", 4, "punct"),
        ("based", "base", "VERB", 5, "amod"),
        ("group", "group", "NOUN", 7, "nsubj"),
        ("al-Shabab", "al-Shabab", "PROPN", 5, "appos"),
        ("attacked", "attack", "VERB", 0, "root"),
        ("Kenya", "Kenya", "PROPN", 7, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 1, 2, "GBR"), (0, 5, 6, "SOMREB"), (0, 7, 8, "KEN")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!((events[0].0.as_str(), events[0].2.as_str()), ("SOMREB", "KEN"));
}

#[test]
fn an_event_noun_after_on_is_the_topic_of_talks() {
    // "Israel held talks with Lebanon on a withdrawal from Gaza": the withdrawal is what the
    // talks are about, not an event of its own.
    let rows: &[Row] = &[
        ("Israel", "Israel", "PROPN", 2, "nsubj"),
        ("held", "hold", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 2, "obj"),
        ("with", "with", "ADP", 5, "case"),
        ("Lebanon", "Lebanon", "PROPN", 3, "nmod"),
        ("on", "on", "ADP", 8, "case"),
        ("a", "a", "DET", 8, "det"),
        ("withdrawal", "withdrawal", "NOUN", 3, "nmod"),
        ("from", "from", "ADP", 10, "case"),
        ("Gaza", "Gaza", "PROPN", 8, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "ISR"), (0, 4, 5, "LBN"), (0, 9, 10, "PSE")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.1.starts_with("04") && e.2 == "LBN"),
        "{events:?}"
    );
    assert!(!events.iter().any(|e| e.1.starts_with("08")), "{events:?}");
}

#[test]
fn halting_talks_on_a_condition_is_a_threat() {
    // "The EU may halt talks with Serbia if the fighting goes on": talks halted are a
    // reduction of relations, and one made conditional is a threat.
    let rows: &[Row] = &[
        ("The", "the", "DET", 2, "det"),
        ("EU", "EU", "PROPN", 4, "nsubj"),
        ("may", "may", "AUX", 4, "aux"),
        ("halt", "halt", "VERB", 0, "root"),
        ("talks", "talk", "NOUN", 4, "obj"),
        ("with", "with", "ADP", 7, "case"),
        ("Serbia", "Serbia", "PROPN", 5, "nmod"),
        ("if", "if", "SCONJ", 11, "mark"),
        ("the", "the", "DET", 10, "det"),
        ("fighting", "fighting", "NOUN", 11, "nsubj"),
        ("goes", "go", "VERB", 4, "advcl"),
        ("on", "on", "ADP", 11, "compound:prt"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 2, "IGOEUREEC"), (0, 6, 7, "SRB")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.1.starts_with("13") && e.2 == "SRB"),
        "{events:?}"
    );
    assert!(!events.iter().any(|e| e.1.starts_with("16")), "{events:?}");
}

#[test]
fn returning_needs_something_returned() {
    // "Russia returned to Norway": going back, not returning anything (`return +*`).
    let went: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("returned", "return", "VERB", 0, "root"),
        ("to", "to", "ADP", 4, "case"),
        ("Norway", "Norway", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[went], &[(0, 0, 1, "RUS"), (0, 3, 4, "NOR")]);
    assert!(code(&mut doc).is_empty());
    // "Russia returned the trawler to Norway".
    let gave: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("returned", "return", "VERB", 0, "root"),
        ("the", "the", "DET", 4, "det"),
        ("trawler", "trawler", "NOUN", 2, "obj"),
        ("to", "to", "ADP", 6, "case"),
        ("Norway", "Norway", "PROPN", 2, "obl"),
    ];
    let mut doc = document(&[gave], &[(0, 0, 1, "RUS"), (0, 5, 6, "NOR")]);
    let events = code(&mut doc);
    assert!(
        events.iter().any(|e| e.1.starts_with("084") && e.2 == "NOR"),
        "{events:?}"
    );
}

#[test]
fn a_refusal_denied_refuses_nothing() {
    // "Officials did not rule out that Russia would meet Norway": the meeting is possible.
    let rows: &[Row] = &[
        ("Officials", "official", "NOUN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("rule", "rule", "VERB", 0, "root"),
        ("out", "out", "ADP", 4, "compound:prt"),
        ("that", "that", "SCONJ", 9, "mark"),
        ("Russia", "Russia", "PROPN", 9, "nsubj"),
        ("would", "would", "AUX", 9, "aux"),
        ("meet", "meet", "VERB", 4, "ccomp"),
        ("Norway", "Norway", "PROPN", 9, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 6, 7, "RUS"), (0, 9, 10, "NOR")]);
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.1.starts_with("12")), "{events:?}");
    assert!(
        events.iter().any(|e| e.1.starts_with("04") && e.2 == "NOR"),
        "{events:?}"
    );
}

#[test]
fn what_an_accusation_charges_is_not_an_event() {
    // "Russia accused Ukraine of blocking the talks": an accusation, no blocking and no talks.
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("accused", "accuse", "VERB", 0, "root"),
        ("Ukraine", "Ukraine", "PROPN", 2, "obj"),
        ("of", "of", "SCONJ", 5, "mark"),
        ("blocking", "block", "VERB", 2, "advcl"),
        ("the", "the", "DET", 7, "det"),
        ("talks", "talk", "NOUN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 2, 3, "UKR")]);
    let events = code(&mut doc);
    let codes: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(codes, ["112"], "{events:?}");
}

#[test]
fn a_gerund_after_for_is_the_reason_not_an_event() {
    // "Tunisia jailed a Nigerian student for helping Lebanese militants": the jailing; the help
    // is its reason. Without the gerund's tag it is read as an event of its own.
    let rows: &[Row] = &[
        ("Tunisia", "Tunisia", "PROPN", 2, "nsubj"),
        ("jailed", "jail", "VERB", 0, "root"),
        ("a", "a", "DET", 5, "det"),
        ("Nigerian", "Nigerian", "ADJ", 5, "amod"),
        ("student", "student", "NOUN", 2, "obj"),
        ("for", "for", "SCONJ", 7, "mark"),
        ("helping", "help", "VERB", 2, "advcl"),
        ("Lebanese", "Lebanese", "ADJ", 9, "amod"),
        ("militants", "militant", "NOUN", 7, "obj"),
    ];
    let mentions = [(0, 0, 1, "TUN"), (0, 2, 5, "NGAEDU"), (0, 7, 9, "LBNREB")];
    let mut doc = document(&[rows], &mentions);
    let untagged: Vec<String> = code(&mut doc).into_iter().map(|e| e.1).collect();
    assert!(untagged.iter().any(|c| c.starts_with("07")), "{untagged:?}");
    let mut doc = document(&[rows], &mentions);
    doc.tokens[6].xpos = Some("VBG");
    let events = code(&mut doc);
    let codes: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(codes, ["173"], "{events:?}");
}

#[test]
fn a_conjunct_of_what_is_urged_is_urged_too() {
    // "Russia urged Norway to talk and to expel British diplomats": both are the appeal's
    // content, not acts of their own.
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("urged", "urge", "VERB", 0, "root"),
        ("Norway", "Norway", "PROPN", 2, "obj"),
        ("to", "to", "PART", 5, "mark"),
        ("talk", "talk", "VERB", 2, "xcomp"),
        ("and", "and", "CCONJ", 8, "cc"),
        ("to", "to", "PART", 8, "mark"),
        ("expel", "expel", "VERB", 5, "conj"),
        ("British", "British", "ADJ", 10, "amod"),
        ("diplomats", "diplomat", "NOUN", 8, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 2, 3, "NOR"), (0, 8, 10, "GBRGOV")]);
    let events = code(&mut doc);
    assert!(events.iter().all(|e| e.1.starts_with("02")), "{events:?}");
    assert!(!events.is_empty(), "{events:?}");
}

#[test]
fn hoping_another_will_act_is_an_appeal() {
    // "Russia hoped Norway would release British prisoners": an appeal to Norway, not
    // Norway's intent.
    let rows: &[Row] = &[
        ("Russia", "Russia", "PROPN", 2, "nsubj"),
        ("hoped", "hope", "VERB", 0, "root"),
        ("Norway", "Norway", "PROPN", 5, "nsubj"),
        ("would", "would", "AUX", 5, "aux"),
        ("release", "release", "VERB", 2, "ccomp"),
        ("British", "British", "ADJ", 7, "amod"),
        ("prisoners", "prisoner", "NOUN", 5, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "RUS"), (0, 2, 3, "NOR"), (0, 5, 7, "GBR")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].1.as_str(), events[0].2.as_str()),
        ("RUS", "020", "NOR")
    );
}

#[test]
fn not_ruling_out_an_act_leaves_it_possible() {
    // "France did not rule out sending tanks to Ukraine": hypothetical, neither negated nor
    // refused.
    let rows: &[Row] = &[
        ("France", "France", "PROPN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("rule", "rule", "VERB", 0, "root"),
        ("out", "out", "ADP", 4, "compound:prt"),
        ("sending", "send", "VERB", 4, "xcomp"),
        ("tanks", "tank", "NOUN", 6, "obj"),
        ("to", "to", "ADP", 9, "case"),
        ("Ukraine", "Ukraine", "PROPN", 6, "obl"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "FRA"), (0, 8, 9, "UKR")]);
    let events = code(&mut doc);
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0].1.starts_with("07"), "{events:?}");
    assert_eq!(events[0].3, Mode::Hypothetical, "{events:?}");
}

#[test]
fn a_negation_beyond_a_noun_does_not_deny_the_event() {
    // "Germany will not tolerate a campaign to undermine its support for Ukraine": the
    // support is not denied; the campaign is what is not tolerated.
    let rows: &[Row] = &[
        ("Germany", "Germany", "PROPN", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("tolerate", "tolerate", "VERB", 0, "root"),
        ("campaign", "campaign", "NOUN", 4, "obj"),
        ("to", "to", "PART", 7, "mark"),
        ("undermine", "undermine", "VERB", 5, "acl"),
        ("its", "its", "PRON", 9, "nmod:poss"),
        ("support", "support", "NOUN", 7, "obj"),
        ("for", "for", "ADP", 11, "case"),
        ("Ukraine", "Ukraine", "PROPN", 9, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "DEU"), (0, 10, 11, "UKR")]);
    let events = code(&mut doc);
    assert!(events.iter().any(|e| e.2 == "UKR"), "{events:?}");
    assert!(
        !events.iter().any(|e| e.1.starts_with("12") || e.3 == Mode::Negated),
        "{events:?}"
    );
}

#[test]
fn calling_something_a_name_is_no_call() {
    // "Japan called it a new chapter": the object has a predicate; nobody was telephoned.
    let rows: &[Row] = &[
        ("Japan", "Japan", "PROPN", 2, "nsubj"),
        ("called", "call", "VERB", 0, "root"),
        ("it", "it", "PRON", 2, "obj"),
        ("a", "a", "DET", 6, "det"),
        ("new", "new", "ADJ", 6, "amod"),
        ("chapter", "chapter", "NOUN", 2, "xcomp"),
        ("with", "with", "ADP", 8, "case"),
        ("Korea", "Korea", "PROPN", 6, "nmod"),
    ];
    let mut doc = document(&[rows], &[(0, 0, 1, "JPN"), (0, 7, 8, "KOR")]);
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.1.starts_with("04")), "{events:?}");
}

#[test]
fn a_report_released_on_a_date_releases_nobody() {
    // "A report released Tuesday in Kigali named France", with `released` tagged as a past
    // tense and `Tuesday` as its object: a date is no object, the participle describes the
    // report, and Kigali does not release anyone.
    let rows: &[Row] = &[
        ("A", "a", "DET", 2, "det"),
        ("report", "report", "NOUN", 3, "nsubj"),
        ("released", "release", "VERB", 0, "root"),
        ("Tuesday", "Tuesday", "PROPN", 3, "obj"),
        ("in", "in", "ADP", 6, "case"),
        ("Kigali", "Kigali", "PROPN", 3, "obl"),
        ("named", "name", "VERB", 3, "parataxis"),
        ("France", "France", "PROPN", 7, "obj"),
    ];
    let mut doc = document(&[rows], &[(0, 7, 8, "FRA")]);
    doc.tokens[2].xpos = Some("VBD");
    doc.places = vec![place(&doc, 5, "Kigali", "RW", "city")];
    doc.times = vec![chronicle_doc::Timex {
        span: doc.tokens[3].span,
        kind: chronicle_doc::TimeKind::Date,
        value: "2008-08-05".into(),
    }];
    let events = code(&mut doc);
    assert!(!events.iter().any(|e| e.1.starts_with("08")), "{events:?}");
}
