//! The stage on documents tokenized by a small splitter of the tests' own (the real tokenizer
//! lives in another crate; these tests pin this crate's logic alone).

use chronicle_doc::{
    Date, Document, Layers, Mention, MentionKind, Meta, QuoteKind, Sentence, Span, Stage, Token, Upos,
};

use super::QuoteStage;

fn tokenize(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || (matches!(c, '\'' | '-') && word.is_some());
        match (in_word, word) {
            (true, None) => word = Some(i),
            (false, Some(start)) => {
                spans.push(Span::new(start, i));
                word = None;
            }
            _ => {}
        }
        if !in_word && !c.is_whitespace() {
            spans.push(Span::new(i, i + c.len_utf8()));
        }
    }
    if let Some(start) = word {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

fn document(text: &str) -> Document {
    document_from(text, tokenize(text))
}

/// A document whose abbreviations (`N.Y.`) are single tokens, as the real tokenizer has them,
/// so that their full stop ends no sentence.
fn document_with_abbreviations(text: &str, abbreviations: &[&str]) -> Document {
    let mut spans = tokenize(text);
    for abbreviation in abbreviations {
        let start = text.find(abbreviation).expect("abbreviation in text");
        let end = start + abbreviation.len();
        let first = spans.iter().position(|s| s.start as usize == start).unwrap();
        let last = spans.iter().rposition(|s| s.end as usize == end).unwrap();
        spans.splice(first..=last, [Span::new(start, end)]);
    }
    document_from(text, spans)
}

fn document_from(text: &str, spans: Vec<Span>) -> Document {
    let meta = Meta {
        id: "t".into(),
        date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut doc = Document::new(meta, text.into());
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, span) in spans.iter().enumerate() {
        let t = &text[span.range()];
        let next = spans.get(i + 1).map(|s| &text[s.range()]);
        let closes_quote = matches!(next, Some("\"" | "”")) && next_is_new_sentence(text, &spans, i + 2);
        let paragraph_end = spans
            .get(i + 1)
            .is_some_and(|n| text[span.end as usize..n.start as usize].contains("\n\n"));
        let ends = (matches!(t, "." | "?" | "!" | ":") && !closes_quote) || paragraph_end || i + 1 == spans.len();
        if ends {
            let span = spans[start].cover(*span);
            sentences.push(Sentence {
                span,
                tokens: start as u32..(i + 1) as u32,
            });
            start = i + 1;
        }
    }
    doc.tokens = spans.into_iter().map(Token::new).collect();
    doc.sentences = sentences;
    doc
}

fn next_is_new_sentence(text: &str, spans: &[Span], i: usize) -> bool {
    spans
        .get(i)
        .is_none_or(|s| text[s.range()].starts_with(char::is_uppercase))
}

fn run(doc: &mut Document) {
    QuoteStage::new().unwrap().run(doc);
}

fn quotes(doc: &Document) -> Vec<(QuoteKind, &str, Option<&str>, Option<&str>)> {
    doc.quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                doc.slice(q.span),
                q.cue.map(|c| doc.slice(c)),
                q.speaker.as_ref().map(|s| doc.slice(s.span)),
            )
        })
        .collect()
}

#[test]
fn inverted_attribution_after_a_quote() {
    let mut doc = document("\"We will behave as they would,\" said Yuri Ushakov, an aide to the president.");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Direct,
            "We will behave as they would,",
            Some("said"),
            Some("Yuri Ushakov")
        )]
    );
}

#[test]
fn subject_before_cue_after_a_quote() {
    let mut doc = document("“The talks were useful,” the minister told reporters on Monday.");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Direct,
            "The talks were useful,",
            Some("told"),
            Some("the minister")
        )]
    );
}

#[test]
fn a_quoted_phrase_inside_reported_speech_is_mixed() {
    let mut doc = document("An official described the tone of the call as \"serious and substantial\".");
    run(&mut doc);
    let expected = (
        QuoteKind::Mixed,
        "the tone of the call as \"serious and substantial\"",
        Some("described"),
        Some("An official"),
    );
    assert_eq!(quotes(&doc), [expected]);
}

#[test]
fn according_to_names_the_speaker_of_a_quote() {
    let mut doc = document("According to the White House, the leaders spoke of \"pragmatic diplomacy\".");
    run(&mut doc);
    let got = quotes(&doc);
    // The quotation is part of what the source reports: a mixed quote from after the source.
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert_eq!(got[0].1, "the leaders spoke of \"pragmatic diplomacy\"");
    assert_eq!(got[0].3, Some("the White House"));
}

#[test]
fn follow_on_quote_takes_the_speaker_announced_with_a_colon() {
    let text = "The representative also commented on the issue, saying:\n\n\"Our position is very clear. These are decisions for sovereign states.\"";
    let mut doc = document(text);
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].1,
        "Our position is very clear. These are decisions for sovereign states."
    );
    assert_eq!(got[0].3, Some("The representative"));
}

#[test]
fn scare_quotes_are_not_speech() {
    let mut doc = document("The so-called \"peace plan\" was dropped.");
    run(&mut doc);
    assert!(doc.quotes.is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn reported_speech_with_that_and_trailing_cues() {
    let mut doc =
        document("Putin said that new sanctions would be a serious mistake. The plan failed, officials said.");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [
            (
                QuoteKind::Indirect,
                "that new sanctions would be a serious mistake",
                Some("said"),
                Some("Putin")
            ),
            (QuoteKind::Indirect, "The plan failed", Some("said"), Some("officials")),
        ]
    );
}

#[test]
fn according_to_introduces_reported_speech() {
    let mut doc = document("According to the Kremlin's press service, Putin rejected the offer.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "Putin rejected the offer");
    assert_eq!(got[0].2, Some("According to"));
}

#[test]
fn a_partial_quote_inside_reported_speech_is_mixed() {
    let mut doc = document(
        "Biden stressed diplomacy, saying progress at the summit could be \"only in an environment of calm\".",
    );
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert!(
        got[0].1.starts_with("progress at the summit") && got[0].1.ends_with("calm\""),
        "{}",
        got[0].1
    );
    assert_eq!(got[0].3, Some("Biden"));
}

#[test]
fn speakers_take_actor_and_canonical_from_mentions() {
    let mut doc = document("\"We are ready,\" said Ushakov.");
    let span = Span::new(doc.text().find("Ushakov").unwrap(), doc.text().len() - 1);
    doc.mentions.push(Mention {
        span,
        head: None,
        kind: MentionKind::Name,
        actor: Some("RUSGOV".into()),
        canonical: Some("Yuri Ushakov".into()),
        entity: None,
        antecedent: None,
        sentence: 0,
    });
    run(&mut doc);
    let speaker = doc.quotes[0].speaker.as_ref().unwrap();
    assert_eq!(speaker.actor.as_deref(), Some("RUSGOV"));
    assert_eq!(speaker.canonical.as_deref(), Some("Yuri Ushakov"));
}

#[test]
fn a_quotation_split_by_its_attribution_is_one_quote() {
    let mut doc = document("“Here comes the minister,” she said, smiling. “The talks are over.”");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        got[0].1,
        "Here comes the minister,” she said, smiling. “The talks are over."
    );
    assert_eq!(got[0].3, Some("she"));
}

#[test]
fn capitalised_words_inside_a_sentence_are_no_cues() {
    let mut doc = document("He said the United States \"will respond in kind to every provocation\".");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, Some("said"));
    assert_eq!(got[0].3, Some("He"));
}

#[test]
fn a_quotation_after_a_comma_is_direct() {
    let mut doc = document("The minister told reporters, \"We will not back down.\"");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Direct,
            "We will not back down.",
            Some("told"),
            Some("The minister")
        )]
    );
}

#[test]
fn a_bare_clause_after_a_speech_verb_is_reported_speech() {
    let mut doc = document("Palmieri said on Friday the candidate will address the comments in Florida.");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "the candidate will address the comments in Florida",
            Some("said"),
            Some("Palmieri")
        )]
    );
}

#[test]
fn a_cue_after_a_long_speaker_phrase_attributes_the_quote() {
    let mut doc = document(
        "\"We will not give up on this,\" Valdez Anderson , who works at a heating company in Sacramento , said on a call.",
    );
    // A parse where only the subject and the verb matter: Valdez ← nsubj ← said, Anderson flat.
    let words: Vec<String> = doc.tokens.iter().map(|t| doc.slice(t.span).to_string()).collect();
    let said = words.iter().position(|w| w == "said").unwrap() as u32;
    let valdez = words.iter().position(|w| w == "Valdez").unwrap() as u32;
    let analysis: Vec<(Option<u32>, &'static str, Upos, &str)> = words
        .iter()
        .enumerate()
        .map(|(i, w)| match w.as_str() {
            "said" => (None, "root", Upos::Verb, "say"),
            "Valdez" => (Some(said), "nsubj", Upos::Propn, "Valdez"),
            "Anderson" => (Some(valdez), "flat", Upos::Propn, "Anderson"),
            _ if i < 9 => (Some(said), "ccomp", Upos::X, "x"),
            _ if w.chars().all(|c| !c.is_alphanumeric()) => (Some(said), "punct", Upos::Punct, "x"),
            _ => (Some(valdez), "acl:relcl", Upos::X, "x"),
        })
        .collect();
    parse(&mut doc, &analysis);
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Direct);
    assert_eq!(got[0].2, Some("said"));
    assert_eq!(got[0].3, Some("Valdez Anderson"));
}

#[test]
fn a_cue_after_a_sentence_the_splitter_ended_still_attributes() {
    // The test splitter ends a sentence at `?` before the closing mark when a capital follows.
    let mut doc = document("\"Who is going to pay?\" Trump asked.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].2, Some("asked"));
    assert_eq!(got[0].3, Some("Trump"));
}

#[test]
fn a_quote_closed_by_a_full_stop_takes_no_cue_from_the_next_sentence() {
    let mut doc =
        document("He called her “an extremely intelligent woman.” He adds, “In a campaign things get heated up.”");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert_eq!(
        got[1],
        (
            QuoteKind::Direct,
            "In a campaign things get heated up.",
            Some("adds"),
            Some("He")
        )
    );
}

#[test]
fn words_before_a_quotation_make_it_a_partial_quote() {
    let mut doc =
        document("The party , held every four years , \"allows us to get our message out,\" said Frank Coleman.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert!(got[0].1.starts_with("The party"), "{}", got[0].1);
    assert_eq!(got[0].3, Some("Frank Coleman"));
}

#[test]
fn words_after_a_quotation_continue_its_content() {
    let text = "The long race goes on.\n\n\"Rubio is in a five-person battle with Bush, Christie and Cruz\" for second place, Smith wrote.";
    let mut doc = document(text);
    run(&mut doc);
    let got = quotes(&doc);
    let quote = got.iter().find(|q| q.1.contains("five-person")).unwrap();
    assert_eq!(quote.0, QuoteKind::Mixed);
    assert!(quote.1.ends_with("for second place"), "{}", quote.1);
}

#[test]
fn a_lower_case_quotation_after_a_parenthetical_attribution_goes_on_from_before_it() {
    let mut doc = document("Instead , Axelrod said , \"she started as such a prohibitive favorite.\"");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert!(got[0].1.starts_with("Instead"), "{}", got[0].1);
    assert_eq!(got[0].3, Some("Axelrod"));
}

#[test]
fn a_colon_bare_name_signs_the_quotation() {
    let mut doc = document("Michael McDonald : \"At long last the nomination contests have finally started.\"");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Direct);
    assert_eq!(got[0].3, Some("Michael McDonald"));
}

#[test]
fn a_dash_after_a_quotation_signs_it() {
    let text =
        "“He has said hateful things time and again.” ― Carlos Raúl\n“Maybe we can build a wall.” ― Steve Quinlan";
    let mut doc = document(text);
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].3, Some("Carlos Raúl"));
    assert_eq!(
        got[1],
        (
            QuoteKind::Direct,
            "Maybe we can build a wall.",
            None,
            Some("Steve Quinlan")
        )
    );
}

/// Sets a hand-made parse: (head index within the sentence or `None`, deprel, upos, lemma) per token.
fn parse(doc: &mut Document, analysis: &[(Option<u32>, &'static str, Upos, &str)]) {
    assert_eq!(doc.tokens.len(), analysis.len());
    for (token, &(head, deprel, upos, lemma)) in doc.tokens.iter_mut().zip(analysis) {
        token.head = head;
        token.deprel = Some(deprel);
        token.upos = Some(upos);
        token.lemma = Some(lemma.into());
    }
    doc.mark_done(Layers::TAGS | Layers::LEMMAS | Layers::PARSE);
}

#[test]
fn attitude_frames_report_what_their_subject_holds() {
    // "The report found that turnout fell ."
    let mut doc = document("The report found that turnout fell.");
    parse(
        &mut doc,
        &[
            (Some(1), "det", Upos::Det, "the"),
            (Some(2), "nsubj", Upos::Noun, "report"),
            (None, "root", Upos::Verb, "find"),
            (Some(5), "mark", Upos::Sconj, "that"),
            (Some(5), "nsubj", Upos::Noun, "turnout"),
            (Some(2), "ccomp", Upos::Verb, "fall"),
            (Some(2), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "that turnout fell",
            Some("found"),
            Some("The report")
        )]
    );
}

#[test]
fn attitude_frames_need_the_listed_complement() {
    // "Ryan endorsed Trump ." has its object; "Ryan found Trump ." is no frame (find takes a clause).
    let mut doc = document("Ryan endorsed Trump. Ryan found Trump.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Propn, "Ryan"),
            (None, "root", Upos::Verb, "endorse"),
            (Some(1), "obj", Upos::Propn, "Trump"),
            (Some(1), "punct", Upos::Punct, "."),
            (Some(5), "nsubj", Upos::Propn, "Ryan"),
            (None, "root", Upos::Verb, "find"),
            (Some(5), "obj", Upos::Propn, "Trump"),
            (Some(5), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(QuoteKind::Indirect, "Trump", Some("endorsed"), Some("Ryan"))]
    );
}

#[test]
fn a_cue_after_a_name_with_appositions_attributes_the_quote() {
    // No parse: the words between read as a name with its appositions.
    let mut doc = document(
        "“The plan will not survive the courts,” Governor Anna Berg, a Democrat, the state's chief lawyer, said on Monday.",
    );
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(
        got[0],
        (
            QuoteKind::Direct,
            "The plan will not survive the courts,",
            Some("said"),
            Some("Governor Anna Berg")
        )
    );
}

#[test]
fn a_clause_with_a_verb_before_the_cue_is_no_speaker_phrase() {
    let mut doc = document("“We are done,” Berg left the room and the mayor, a Republican, said nothing.");
    run(&mut doc);
    let got = quotes(&doc);
    assert!(
        got.iter().all(|q| !(q.0 == QuoteKind::Direct && q.2 == Some("said"))),
        "{got:?}"
    );
}

#[test]
fn a_lower_case_second_part_after_the_attribution_joins_the_first() {
    let mut doc = document("“What we need is a fair deal,” Ms. Lund said, “and a fair deal is what we will get.”");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Direct);
    assert!(got[0].1.ends_with("what we will get."), "{}", got[0].1);
}

#[test]
fn a_nickname_inside_a_name_is_no_quote() {
    let mut doc = document("“We will win this seat,” state Sen. Robert “Bobby” Lang told the crowd. “Count on it.”");
    run(&mut doc);
    let got = quotes(&doc);
    assert!(got.iter().all(|q| q.1 != "Bobby"), "{got:?}");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.ends_with("Count on it."), "{}", got[0].1);
}

#[test]
fn words_after_a_quotation_a_verb_introduces_do_not_make_it_partial() {
    let mut doc = document("The woman repeatedly says, \"Please stay in the car,\" until the shots are heard.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Direct);
    assert_eq!(got[0].1, "Please stay in the car,");
}

#[test]
fn a_cueless_quotation_opening_the_next_paragraph_continues_the_quote() {
    let text = "“Nobody is organizing for her,” he said.\n\n“The vote is against the other man. It is not for her.”\n\nThe rally ended.";
    let mut doc = document(text);
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].1.starts_with("Nobody") && got[0].1.ends_with("not for her."),
        "{}",
        got[0].1
    );
    assert_eq!(got[0].3, Some("he"));
}

#[test]
fn a_quotation_after_that_is_part_of_the_reported_clause() {
    let mut doc = document("The mayor said that \"the budget is balanced for the first time in years.\"");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed);
    assert!(got[0].1.starts_with("that"), "{}", got[0].1);
    assert_eq!(got[0].3, Some("The mayor"));
}

#[test]
fn a_quotation_inside_a_reported_clause_takes_the_whole_clause() {
    let mut doc = document(
        "This weekend, Sanders complained that party officials tried to \"protect\" Clinton by scheduling debates late, adding that it was unfair.",
    );
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(
        got[0],
        (
            QuoteKind::Mixed,
            "that party officials tried to \"protect\" Clinton by scheduling debates late",
            Some("complained"),
            Some("Sanders")
        ),
        "{got:?}"
    );
    let mut doc = document("Obama said \"it gets me mad\" every time he hears about the victims.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, QuoteKind::Mixed, "{got:?}");
    assert_eq!(
        got[0].1, "it gets me mad\" every time he hears about the victims",
        "{got:?}"
    );
}

#[test]
fn a_line_that_names_its_speaker_before_a_colon_is_a_statement() {
    let mut doc = document("Graham: Trump Rhetoric Destroying GOP Chance To Win.\n\nUpdate: the story was revised.\n\nA lesson from Loretta Lynch: 'Be the voice that people hear.'\n\nBody text follows here.");
    run(&mut doc);
    let got = quotes(&doc);
    assert_eq!(
        got,
        [
            (
                QuoteKind::Indirect,
                "Trump Rhetoric Destroying GOP Chance To Win",
                Some(":"),
                Some("Graham")
            ),
            (
                QuoteKind::Direct,
                "'Be the voice that people hear.'",
                Some(":"),
                Some("A lesson from Loretta Lynch")
            ),
        ]
    );
}

#[test]
fn attitude_frames_take_the_object_with_its_arguments_and_a_participle_shares_the_subject() {
    let mut doc = document("Cruz blasted Rubio for his support, calling him a liar.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Propn, "Cruz"),
            (None, "root", Upos::Verb, "blast"),
            (Some(1), "obj", Upos::Propn, "Rubio"),
            (Some(5), "case", Upos::Adp, "for"),
            (Some(5), "nmod:poss", Upos::Pron, "his"),
            (Some(1), "obl", Upos::Noun, "support"),
            (Some(7), "punct", Upos::Punct, ","),
            (Some(1), "advcl", Upos::Verb, "call"),
            (Some(7), "obj", Upos::Pron, "he"),
            (Some(10), "det", Upos::Det, "a"),
            (Some(7), "xcomp", Upos::Noun, "liar"),
            (Some(1), "punct", Upos::Punct, "."),
        ],
    );
    doc.tokens[7].xpos = Some("VBG");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [
            (
                QuoteKind::Indirect,
                "Rubio for his support",
                Some("blasted"),
                Some("Cruz")
            ),
            (QuoteKind::Indirect, "him a liar", Some("calling"), Some("Cruz")),
        ]
    );
}

#[test]
fn a_bare_clause_the_parse_misses_after_says_is_still_reported() {
    // The parse makes "busy" a second root instead of the complement of "says".
    let mut doc = document("Sanders says Clinton was busy giving speeches.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Propn, "Sanders"),
            (None, "root", Upos::Verb, "say"),
            (Some(4), "nsubj", Upos::Propn, "Clinton"),
            (Some(4), "cop", Upos::Aux, "be"),
            (None, "root", Upos::Adj, "busy"),
            (Some(4), "advcl", Upos::Verb, "give"),
            (Some(5), "obj", Upos::Noun, "speech"),
            (Some(1), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "Clinton was busy giving speeches",
            Some("says"),
            Some("Sanders")
        )]
    );
}

#[test]
fn reported_content_ends_before_a_further_cue() {
    let mut doc = document("He said the plan failed badly, adding that it was costly.");
    run(&mut doc);
    let got: Vec<(&str, Option<&str>)> = quotes(&doc).into_iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(
        got,
        [
            ("the plan failed badly", Some("said")),
            ("that it was costly", Some("adding"))
        ]
    );
}

#[test]
fn an_attribution_between_commas_reports_its_whole_sentence() {
    let mut doc = document("In some ways, the brothers noted, Trump might appreciate their show.");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "In some ways, the brothers noted, Trump might appreciate their show",
            Some("noted"),
            Some("the brothers")
        )]
    );
}

#[test]
fn any_verb_with_a_clause_of_its_own_is_a_frame_but_not_an_implication() {
    // "grumble" is in no list; "mean" is marked as no frame.
    let mut doc = document("Trump grumbled that polls lie. The win means that he leads.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Propn, "Trump"),
            (None, "root", Upos::Verb, "grumble"),
            (Some(4), "mark", Upos::Sconj, "that"),
            (Some(4), "nsubj", Upos::Noun, "poll"),
            (Some(1), "ccomp", Upos::Verb, "lie"),
            (Some(1), "punct", Upos::Punct, "."),
            (Some(7), "det", Upos::Det, "the"),
            (Some(8), "nsubj", Upos::Noun, "win"),
            (None, "root", Upos::Verb, "mean"),
            (Some(11), "mark", Upos::Sconj, "that"),
            (Some(11), "nsubj", Upos::Pron, "he"),
            (Some(8), "ccomp", Upos::Verb, "lead"),
            (Some(8), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(QuoteKind::Indirect, "that polls lie", Some("grumbled"), Some("Trump"))]
    );
}

#[test]
fn nouns_of_statement_take_their_content_when_their_source_is_named() {
    // "His claim that …" (possessor), "renewed the call for …" (the verb's subject); "The
    // claim that …" names no source and is left alone.
    let mut doc = document(
        "His claim that polls lie spread. Sanders renewed the call for a ban. The claim that polls lie spread.",
    );
    parse(
        &mut doc,
        &[
            (Some(1), "nmod:poss", Upos::Pron, "his"),
            (Some(5), "nsubj", Upos::Noun, "claim"),
            (Some(4), "mark", Upos::Sconj, "that"),
            (Some(4), "nsubj", Upos::Noun, "poll"),
            (Some(1), "acl", Upos::Verb, "lie"),
            (None, "root", Upos::Verb, "spread"),
            (Some(5), "punct", Upos::Punct, "."),
            (Some(8), "nsubj", Upos::Propn, "Sanders"),
            (None, "root", Upos::Verb, "renew"),
            (Some(10), "det", Upos::Det, "the"),
            (Some(8), "obj", Upos::Noun, "call"),
            (Some(13), "case", Upos::Adp, "for"),
            (Some(13), "det", Upos::Det, "a"),
            (Some(10), "nmod", Upos::Noun, "ban"),
            (Some(8), "punct", Upos::Punct, "."),
            (Some(16), "det", Upos::Det, "the"),
            (Some(20), "nsubj", Upos::Noun, "claim"),
            (Some(19), "mark", Upos::Sconj, "that"),
            (Some(19), "nsubj", Upos::Noun, "poll"),
            (Some(16), "acl", Upos::Verb, "lie"),
            (None, "root", Upos::Verb, "spread"),
            (Some(20), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [
            (QuoteKind::Indirect, "that polls lie", Some("claim"), Some("His")),
            (QuoteKind::Indirect, "for a ban", Some("call"), Some("Sanders")),
        ]
    );
}

#[test]
fn a_topic_of_talk_is_a_frame_outside_relative_clauses_and_as_predicates_take_the_object() {
    // "talked about …" through `*`; "who talked about …" in a relative clause is not; "see …
    // as …" takes the object with its predicate.
    let mut doc =
        document("Voters talked about jobs. Voters who talked about jobs left. Voters see the deal as a mistake.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Noun, "voter"),
            (None, "root", Upos::Verb, "talk"),
            (Some(3), "case", Upos::Adp, "about"),
            (Some(1), "obl", Upos::Noun, "job"),
            (Some(1), "punct", Upos::Punct, "."),
            (Some(10), "nsubj", Upos::Noun, "voter"),
            (Some(7), "nsubj", Upos::Pron, "who"),
            (Some(5), "acl:relcl", Upos::Verb, "talk"),
            (Some(9), "case", Upos::Adp, "about"),
            (Some(7), "obl", Upos::Noun, "job"),
            (None, "root", Upos::Verb, "leave"),
            (Some(10), "punct", Upos::Punct, "."),
            (Some(13), "nsubj", Upos::Noun, "voter"),
            (None, "root", Upos::Verb, "see"),
            (Some(15), "det", Upos::Det, "the"),
            (Some(13), "obj", Upos::Noun, "deal"),
            (Some(18), "case", Upos::Adp, "as"),
            (Some(18), "det", Upos::Det, "a"),
            (Some(13), "obl", Upos::Noun, "mistake"),
            (Some(13), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [
            (QuoteKind::Indirect, "about jobs", Some("talked"), Some("Voters")),
            (
                QuoteKind::Indirect,
                "the deal as a mistake",
                Some("see"),
                Some("Voters")
            ),
        ]
    );
}

#[test]
fn a_question_after_asked_and_a_clause_after_told_are_reported() {
    // No parse: "Asked whether …" opens its question with the wh-word; "told POLITICO she was
    // …" has a finite verb after the cue, so it is not "…, said a spokesman" (the addressee
    // stays in the content: a capitalised word may as well be the clause's subject).
    let mut doc = document("Asked whether he would run again, Biden said he was too busy. One delegate, Kelly Schmidt, told POLITICO she was leaning toward Cruz.");
    for i in 0..doc.tokens.len() {
        if doc.slice(doc.tokens[i].span) == "was" {
            doc.tokens[i].xpos = Some("VBD");
        }
    }
    run(&mut doc);
    let got: Vec<(&str, Option<&str>)> = quotes(&doc).into_iter().map(|q| (q.1, q.2)).collect();
    assert_eq!(
        got,
        [
            ("whether he would run again", Some("Asked")),
            ("he was too busy", Some("said")),
            ("POLITICO she was leaning toward Cruz", Some("told"))
        ]
    );
}

#[test]
fn a_clause_the_parse_misses_after_said_opens_with_a_content_word_before_a_finite_verb() {
    // The parse makes "half" the subject of "said" and hangs "reflected" on a noun.
    let mut doc = document("The office said about half of it reflected losses.");
    parse(
        &mut doc,
        &[
            (Some(1), "det", Upos::Det, "the"),
            (Some(2), "nsubj", Upos::Noun, "office"),
            (None, "root", Upos::Verb, "say"),
            (Some(4), "advmod", Upos::Adv, "about"),
            (Some(2), "nsubj", Upos::Noun, "half"),
            (Some(6), "case", Upos::Adp, "of"),
            (Some(4), "nmod", Upos::Pron, "it"),
            (Some(4), "acl", Upos::Verb, "reflect"),
            (Some(7), "obj", Upos::Noun, "loss"),
            (Some(2), "punct", Upos::Punct, "."),
        ],
    );
    doc.tokens[7].xpos = Some("VBD");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "about half of it reflected losses",
            Some("said"),
            Some("The office")
        )]
    );
}

#[test]
fn according_to_between_commas_reports_the_whole_sentence() {
    let mut doc = document("Among the rulings at risk, according to Epstein, are 16 on business.");
    run(&mut doc);
    let got: Vec<&str> = quotes(&doc).into_iter().map(|q| q.1).collect();
    assert_eq!(
        got,
        ["Among the rulings at risk, according to Epstein, are 16 on business"]
    );
}

#[test]
fn called_on_takes_the_addressee_with_what_it_is_called_on_to_do() {
    let mut doc = document("Sanders called on Snyder to resign.");
    parse(
        &mut doc,
        &[
            (Some(1), "nsubj", Upos::Propn, "Sanders"),
            (None, "root", Upos::Verb, "call"),
            (Some(3), "case", Upos::Adp, "on"),
            (Some(1), "obl", Upos::Propn, "Snyder"),
            (Some(5), "mark", Upos::Part, "to"),
            (Some(1), "advcl", Upos::Verb, "resign"),
            (Some(1), "punct", Upos::Punct, "."),
        ],
    );
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Indirect,
            "on Snyder to resign",
            Some("called"),
            Some("Sanders")
        )]
    );
}

// Issue 6, fifth round: how a direct quotation is delimited, joined and split.

#[test]
fn a_speech_verb_the_parse_reads_as_a_plural_noun_is_no_cue() {
    let mut doc = document("\"We will fight this rule,\" one of the states said.");
    parse(
        &mut doc,
        &[
            (Some(3), "punct", Upos::Punct, "\""),
            (Some(3), "nsubj", Upos::Pron, "we"),
            (Some(3), "aux", Upos::Aux, "will"),
            (Some(12), "ccomp", Upos::Verb, "fight"),
            (Some(5), "det", Upos::Det, "this"),
            (Some(3), "obj", Upos::Noun, "rule"),
            (Some(3), "punct", Upos::Punct, ","),
            (Some(3), "punct", Upos::Punct, "\""),
            (Some(12), "nsubj", Upos::Num, "one"),
            (Some(11), "case", Upos::Adp, "of"),
            (Some(11), "det", Upos::Det, "the"),
            (Some(8), "nmod", Upos::Noun, "state"),
            (None, "root", Upos::Verb, "say"),
            (Some(12), "punct", Upos::Punct, "."),
        ],
    );
    doc.tokens[11].xpos = Some("NNS");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(QuoteKind::Direct, "We will fight this rule,", Some("said"), Some("one"))]
    );
}

#[test]
fn a_nickname_in_the_attribution_does_not_hide_its_cue() {
    // Four words with no cue would be a scare quote; the cue after the name makes it speech.
    let mut doc = document("\"This is our year!\" Delegate Marcia \"Cia\" Price shouted to the crowd.");
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.2)).collect();
    assert_eq!(got, [(QuoteKind::Direct, "This is our year!", Some("shouted"))]);
}

#[test]
fn a_title_in_the_attribution_is_no_quote_and_does_not_split_the_quotation() {
    let mut doc =
        document("\"He is right,\" Flynn said on \"Meet the Press.\" \"There is a lot of frustration in the ranks.\"");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Direct,
            "He is right,\" Flynn said on \"Meet the Press.\" \"There is a lot of frustration in the ranks.",
            Some("said"),
            Some("Flynn")
        )]
    );
}

#[test]
fn a_capitalised_quotation_a_comma_introduces_is_whole_despite_adjuncts_after_the_cue() {
    let mut doc = document(
        "The ad shows Trump saying during the debate last week, \"That makes me smart,\" when Clinton attacked him.",
    );
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.2)).collect();
    assert_eq!(got, [(QuoteKind::Direct, "That makes me smart,", Some("saying"))]);
}

#[test]
fn a_lowercase_quotation_after_a_comma_goes_on_the_reported_clause() {
    let mut doc = document("Ryan said it is wrong to think that if we pull back, \"our oceans will save us.\"");
    run(&mut doc);
    assert_eq!(
        quotes(&doc),
        [(
            QuoteKind::Mixed,
            "it is wrong to think that if we pull back, \"our oceans will save us.\"",
            Some("said"),
            Some("Ryan")
        )]
    );
    // After a quotation's own attribution the second part is still the same quotation.
    let mut doc =
        document("\"Every time you say that,\" Tester said, referring to the excuse, \"you give ammunition to them.\"");
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.2)).collect();
    assert_eq!(got, [(QuoteKind::Direct, Some("said"))]);
}

#[test]
fn a_second_part_after_but_or_running_on_past_its_mark_makes_one_mixed_content() {
    let mut doc = document(
        "\"I like him,\" she said, but \"when it comes to energy, he has a long record of helping polluters.\"",
    );
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1)).collect();
    assert_eq!(
        got,
        [(
            QuoteKind::Mixed,
            "I like him,\" she said, but \"when it comes to energy, he has a long record of helping polluters.\""
        )]
    );
    let mut doc = document(
        "“It is tinkering,” said Alan Cole, an economist. “I would not call it reform, it is really just a tax increase” for the top bracket.",
    );
    // The words after the closing mark go on the sentence (tagged, as the tagger would).
    let after = doc
        .tokens
        .iter()
        .position(|t| &doc.text()[t.span.range()] == "for")
        .unwrap();
    doc.tokens[after].upos = Some(Upos::Adp);
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1)).collect();
    assert_eq!(
        got,
        [(
            QuoteKind::Mixed,
            "It is tinkering,” said Alan Cole, an economist. “I would not call it reform, it is really just a tax increase” for the top bracket"
        )]
    );
}

#[test]
fn a_bare_quotation_after_reported_speech_goes_on_it() {
    let mut doc = document(
        "Schiff said the administration may be reluctant to act. \"The other factor is whether it would look like tipping the scales.\"",
    );
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.3)).collect();
    assert_eq!(
        got,
        [(
            QuoteKind::Mixed,
            "the administration may be reluctant to act. \"The other factor is whether it would look like tipping the scales.\"",
            Some("Schiff")
        )]
    );
    // Not a quotation closed by a comma: its attribution may be one the lexicon lacks.
    let mut doc = document("She said the judge was fair to me. “This is a big win for the two of us,” I confessed.");
    run(&mut doc);
    let kinds: Vec<_> = quotes(&doc).into_iter().map(|q| q.0).collect();
    assert_eq!(kinds, [QuoteKind::Indirect, QuoteKind::Direct]);
}

#[test]
fn quotations_with_attributions_of_their_own_are_not_joined() {
    // A further cue introduces the second part.
    let mut doc =
        document("\"Keep your hands in sight,\" Blige sings to her before asking her, \"Where do we go from here?\"");
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.2)).collect();
    assert_eq!(
        got,
        [
            (QuoteKind::Direct, "Keep your hands in sight,", Some("sings")),
            (QuoteKind::Direct, "Where do we go from here?", Some("asking")),
        ]
    );
    // A colon introduced the first part.
    let mut doc = document(
        "The senator scolded him: \"Your products are no miracles,\" she said. \"I do not understand why you need to go there.\"",
    );
    run(&mut doc);
    let kinds: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1)).collect();
    assert_eq!(
        kinds,
        [
            (QuoteKind::Direct, "Your products are no miracles,"),
            (QuoteKind::Direct, "I do not understand why you need to go there."),
        ]
    );
    // The first part is the end of a clause another cue reports.
    let mut doc = document(
        "DuVernay said the film matters because \"most people do not know about it,\" she said.\n\n\"We have no context for the current moment.\"",
    );
    run(&mut doc);
    let kinds: Vec<_> = quotes(&doc).into_iter().map(|q| q.0).collect();
    assert_eq!(kinds, [QuoteKind::Mixed, QuoteKind::Direct]);
}

#[test]
fn a_tail_that_opens_its_own_clause_attributes_no_quotation() {
    let mut doc = document(
        "He took it as praise -- \"That makes me smart\" -- and, when questioned after the debate, asserting, \"Of course, I pay federal taxes.\"",
    );
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.2)).collect();
    assert_eq!(
        got,
        [(QuoteKind::Direct, "Of course, I pay federal taxes.", Some("questioned"))]
    );
}

#[test]
fn a_parenthetical_attribution_before_a_lowercase_quotation_makes_it_mixed() {
    let mut doc = document("It was, the president said, \"a stone worn down by a thousand bare feet.\"");
    run(&mut doc);
    let got: Vec<_> = quotes(&doc).into_iter().map(|q| (q.0, q.1, q.2)).collect();
    assert_eq!(
        got,
        [(
            QuoteKind::Mixed,
            "It was, the president said, \"a stone worn down by a thousand bare feet.\"",
            Some("said")
        )]
    );
}

// Issue 6, sixth round: `as` attributions, clauses that hold a quotation, noun phrases after
// it, attribution verbs outside the lexicon, titles inside an attribution.

/// Tags the first token with each text (no parse): enough for rules that read only tags.
fn tag(doc: &mut Document, tags: &[(&str, Upos)]) {
    for &(word, upos) in tags {
        let i = (0..doc.tokens.len())
            .find(|&i| doc.slice(doc.tokens[i].span) == word)
            .unwrap_or_else(|| panic!("no token {word:?}"));
        doc.tokens[i].upos = Some(upos);
    }
    doc.mark_done(Layers::TAGS);
}

fn kinds_and_texts(doc: &Document) -> Vec<(QuoteKind, &str, Option<&str>)> {
    quotes(doc).into_iter().map(|q| (q.0, q.1, q.2)).collect()
}

#[test]
fn a_quotation_after_an_as_attribution_is_whole() {
    let mut doc =
        document("As the paper reported, \"if the vote were held tonight, the mayor would win, and easily.\"");
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Direct,
            "if the vote were held tonight, the mayor would win, and easily.",
            Some("reported")
        )]
    );
    let mut doc = document("He was seen, as the magazine put it in a long profile, \"the operator.\"");
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(QuoteKind::Direct, "the operator.", Some("put it"))]
    );
    // Not when the sentence goes on after the quotation.
    let mut doc = document("That is because, as he put it, \"the best thing we have\" means that rates stay low.");
    tag(&mut doc, &[("means", Upos::Verb)]);
    run(&mut doc);
    assert_eq!(kinds_and_texts(&doc)[0].0, QuoteKind::Mixed, "{:?}", quotes(&doc));
}

#[test]
fn a_quotation_inside_a_reported_clause_is_mixed_even_when_capitalised() {
    let mut doc = document("Rubio said that once the Senate goes home, \"I intend to help wherever I can.\"");
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Mixed,
            "that once the Senate goes home, \"I intend to help wherever I can.\"",
            Some("said")
        )]
    );
    // A clause with no `that` whose subject is a nominative pronoun.
    let mut doc = document("She said she has what the job takes: \"Steadiness and strength, and a steady hand.\"");
    tag(&mut doc, &[("has", Upos::Verb)]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Mixed,
            "she has what the job takes: \"Steadiness and strength, and a steady hand.\"",
            Some("said")
        )]
    );
    // Not a quotation with a cue of its own after it, nor after `said it`.
    let mut doc = document("Trump asserted that France had changed: \"France is no longer France,\" he claimed.");
    run(&mut doc);
    let quoted: Vec<_> = kinds_and_texts(&doc)
        .into_iter()
        .filter(|q| q.0 != QuoteKind::Indirect)
        .collect();
    assert_eq!(
        quoted,
        [(QuoteKind::Direct, "France is no longer France,", Some("claimed"))]
    );
    let mut doc =
        document("Smith said it best when he blogged: \"She is as close to a chosen candidate as we will see.\"");
    tag(&mut doc, &[("blogged", Upos::Verb)]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc)[0],
        (
            QuoteKind::Direct,
            "She is as close to a chosen candidate as we will see.",
            Some("said")
        )
    );
}

#[test]
fn a_noun_phrase_after_a_quotation_goes_on_its_content() {
    // The quotation opens its cue's object.
    let mut doc = document("The site claimed \"Trump exaggerates\" the level of youth unemployment.");
    tag(&mut doc, &[("the", Upos::Det)]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Mixed,
            "Trump exaggerates\" the level of youth unemployment",
            Some("claimed")
        )]
    );
    // A number after it counts; it does not go on the quotation.
    let mut doc = document("Cruz said \"CNN\" five times.");
    tag(&mut doc, &[("five", Upos::Num)]);
    run(&mut doc);
    assert_eq!(kinds_and_texts(&doc), [(QuoteKind::Direct, "CNN", Some("said"))]);
    // A short verbless tail that ends the sentence.
    let mut doc = document("\"You went on television to blame thousands of hourly\" workers.");
    tag(&mut doc, &[("workers", Upos::Noun)]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Mixed,
            "You went on television to blame thousands of hourly\" workers",
            None
        )]
    );
    // Not after a comma closing the quotation: an attribution follows.
    let mut doc = document("\"We do not see a new standard in the law here,\" the two write.");
    tag(&mut doc, &[("the", Upos::Det), ("two", Upos::Num)]);
    run(&mut doc);
    assert_eq!(kinds_and_texts(&doc)[0].0, QuoteKind::Direct);
}

#[test]
fn a_verb_in_the_attribution_slot_is_a_cue() {
    let mut doc = document(
        "\"They must face the voters,\" an angry Hollande retaliated. \"It never gives up, and it never will.\"",
    );
    tag(&mut doc, &[("retaliated", Upos::Verb)]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Direct,
            "They must face the voters,\" an angry Hollande retaliated. \"It never gives up, and it never will.",
            Some("retaliated")
        )]
    );
    let mut doc = document("\"We are hopeful about the talks and the vote,\" they conclude.");
    tag(&mut doc, &[("conclude", Upos::Verb)]);
    run(&mut doc);
    assert_eq!(kinds_and_texts(&doc)[0].2, Some("conclude"));
    // Not after a word that opens a clause, nor after a quotation inside its sentence.
    let mut doc = document("\"That makes me smart, believe me,\" when Clinton blasted him for it.");
    tag(&mut doc, &[("blasted", Upos::Verb), ("when", Upos::Sconj)]);
    run(&mut doc);
    assert!(kinds_and_texts(&doc).iter().all(|q| q.2 != Some("blasted")));
    let mut doc = document("In a box labeled \"medical problem,\" a doctor had typed the words.");
    tag(&mut doc, &[("typed", Upos::Verb)]);
    run(&mut doc);
    assert!(kinds_and_texts(&doc).iter().all(|q| q.2 != Some("typed")));
}

#[test]
fn a_title_inside_the_attribution_of_a_quotation_does_not_split_it() {
    let mut doc = document(
        "\"It is too early to tell,\" said Cuban, a host on the show \"Shark Tank.\" \"I mean, there is so much uncertainty about the economy.\"",
    );
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Direct,
            "It is too early to tell,\" said Cuban, a host on the show \"Shark Tank.\" \"I mean, there is so much uncertainty about the economy.",
            Some("said")
        )]
    );
}

#[test]
fn a_quotation_with_its_attribution_set_off_by_dashes_is_whole() {
    let mut doc = document(
        "Biden suggested Trump admired strongmen - \"He would have loved Stalin,\" Biden said twice - and left.",
    );
    run(&mut doc);
    let quoted: Vec<_> = kinds_and_texts(&doc)
        .into_iter()
        .filter(|q| q.0 != QuoteKind::Indirect)
        .collect();
    assert_eq!(
        quoted,
        [(QuoteKind::Direct, "He would have loved Stalin,", Some("said"))]
    );
}

#[test]
fn a_capitalised_quotation_after_an_abbreviation_opens_a_sentence() {
    let text = "\"Her record is not a good record,\" Sanders said at a rally in Albany, N.Y. \"Her department worked to export it throughout the world.\"";
    let mut doc = document_with_abbreviations(text, &["N.Y."]);
    run(&mut doc);
    assert_eq!(
        kinds_and_texts(&doc),
        [(
            QuoteKind::Direct,
            "Her record is not a good record,\" Sanders said at a rally in Albany, N.Y. \"Her department worked to export it throughout the world.",
            Some("said")
        )]
    );
}
