//! Actor resolution on hand-built documents (sentences written for these tests).

mod common;

use chronicle_actors::mention_at;
use chronicle_doc::{EntityKind, MentionKind, Stage};
use common::*;

#[test]
fn stage_declares_its_layers() {
    let s = stage();
    assert_eq!(s.name(), "actors");
    assert!(s.requires().contains(chronicle_doc::Layers::ENTITIES));
    assert_eq!(s.assigns(), chronicle_doc::Layers::ACTORS);
}

#[test]
fn title_country_and_name() {
    let mut d = doc(
        "US President Joe Biden spoke by phone with his Russian counterpart Vladimir Putin on Thursday.",
        "2021-12-31",
    );
    entity(&mut d, "Joe Biden", 0, EntityKind::Person);
    entity(&mut d, "Vladimir Putin", 0, EntityKind::Person);
    run(&mut d);
    assert_eq!(d.entities[0].actor.as_deref(), Some("USAGOV"));
    assert_eq!(d.entities[0].canonical.as_deref(), Some("Joe Biden"));
    assert_eq!(d.entities[1].actor.as_deref(), Some("RUSGOV"));
    assert_eq!(actor(&d, "his Russian counterpart", 0).as_deref(), Some("RUSGOV"));
    assert!(d.has(chronicle_doc::Layers::ACTORS));
}

#[test]
fn names_the_ner_missed_are_found() {
    // No entities at all: dictionary names, metonyms and countries still become mentions.
    let mut d = doc(
        "The White House said NATO would help Kyiv. The Kremlin rejected the offer, and Moscow warned Ukraine.",
        "2022-02-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "White House", 0).as_deref(), Some("USAGOV"));
    assert_eq!(actor(&d, "NATO", 0).as_deref(), Some("IGOWSTNAT"));
    assert_eq!(
        actor(&d, "Kyiv", 0).as_deref(),
        Some("UKR"),
        "after a verb a capital is a place"
    );
    assert_eq!(actor(&d, "Kremlin", 0).as_deref(), Some("RUSGOV"));
    assert_eq!(actor(&d, "Moscow", 0).as_deref(), Some("RUSGOV"));
    assert_eq!(actor(&d, "Ukraine", 0).as_deref(), Some("UKR"));
    assert!(d.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

#[test]
fn capitals_act_or_are_places() {
    let mut d = doc(
        "Washington has offered more aid to Kiev. Troops arrived in Moscow.",
        "2021-12-31",
    );
    run(&mut d);
    assert_eq!(actor(&d, "Washington", 0).as_deref(), Some("USAGOV"));
    assert_eq!(actor(&d, "Kiev", 0).as_deref(), Some("UKR"));
    assert_eq!(actor(&d, "Moscow", 0).as_deref(), Some("RUS"));
}

#[test]
fn descriptions_with_country_and_role() {
    let mut d = doc(
        "Russian troops crossed the border while Ukrainian forces held the line. Chinese officials urged calm. Israeli police detained two men. The US president spoke later.",
        "2022-03-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "Russian troops", 0).as_deref(), Some("RUSMIL"));
    assert_eq!(actor(&d, "Ukrainian forces", 0).as_deref(), Some("UKRMIL"));
    assert_eq!(actor(&d, "Chinese officials", 0).as_deref(), Some("CHNGOV"));
    assert_eq!(actor(&d, "Israeli police", 0).as_deref(), Some("ISRCOP"));
    assert_eq!(actor(&d, "The US president", 0).as_deref(), Some("USAGOV"));
}

#[test]
fn attachment_gives_the_owner_country() {
    let mut d = doc(
        "\"We are ready,\" said Yuri Ushakov, an aide to the Russian president.",
        "2021-12-31",
    );
    entity(&mut d, "Yuri Ushakov", 0, EntityKind::Person);
    run(&mut d);
    assert_eq!(
        actor(&d, "an aide to the Russian president", 0).as_deref(),
        Some("RUSGOV")
    );
    assert_eq!(actor(&d, "the Russian president", 0).as_deref(), Some("RUSGOV"));
    assert_eq!(d.entities[0].actor.as_deref(), Some("RUSGOV"));
    let mut d = doc("A spokesman for the Kremlin declined to comment.", "2021-12-31");
    run(&mut d);
    assert_eq!(actor(&d, "A spokesman for the Kremlin", 0).as_deref(), Some("RUSGOV"));
}

#[test]
fn country_adjective_compounds_are_no_actor() {
    let mut d = doc(
        "The talks could lead to a rupture of Russian-American relations.",
        "2021-12-31",
    );
    run(&mut d);
    assert!(d.mentions.is_empty(), "{}", dump(&d));
    // Even when split into three tokens.
    let mut d = doc("It would damage Russian - American relations.", "2021-12-31");
    run(&mut d);
    assert!(
        d.mentions.iter().all(|m| m.kind == MentionKind::Pronoun),
        "{}",
        dump(&d)
    );
}

#[test]
fn unknown_name_with_known_title() {
    let mut d = doc(
        "Ruritanian Foreign Minister Anna Example met Egyptian Defence Minister Omar Sample in Cairo.",
        "2020-01-01",
    );
    entity(&mut d, "Omar Sample", 0, EntityKind::Person);
    run(&mut d);
    // Ruritania is no country: the title alone gives a role, the country comes from context.
    let m = mention(&d, "Anna Example", 0);
    assert!(m.actor.as_deref().is_some_and(|a| a.ends_with("GOV")), "{}", dump(&d));
    assert_eq!(actor(&d, "Omar Sample", 0).as_deref(), Some("EGYMIL"));
    assert_eq!(d.entities[0].actor.as_deref(), Some("EGYMIL"));
    assert_eq!(d.entities[0].canonical.as_deref(), Some("Omar Sample"));
}

#[test]
fn official_takes_the_country_of_the_discourse() {
    let mut d = doc(
        "Washington stressed the value of diplomacy. An official described the call as serious.",
        "2021-12-31",
    );
    run(&mut d);
    assert_eq!(actor(&d, "An official", 0).as_deref(), Some("USAGOV"));
}

#[test]
fn date_picks_the_office() {
    let text = "Joe Biden arrived in Kyiv.";
    let at = |date: &str| {
        let mut d = doc(text, date);
        run(&mut d);
        actor(&d, "Joe Biden", 0)
    };
    assert_eq!(at("2015-05-01").as_deref(), Some("USAGOV"), "vice president");
    assert_eq!(at("2019-05-01").as_deref(), Some("USAELI"), "out of office: elite");
    assert_eq!(at("2022-05-01").as_deref(), Some("USAGOV"), "president");
    let mut d = doc("Mikhail Gorbachev met Ronald Reagan in Reykjavik.", "1986-10-12");
    run(&mut d);
    assert_eq!(actor(&d, "Mikhail Gorbachev", 0).as_deref(), Some("USRGOV"));
    assert_eq!(actor(&d, "Ronald Reagan", 0).as_deref(), Some("USAGOV"));
}

#[test]
fn historical_states_by_date() {
    let mut d = doc("The Kremlin said Moscow would not retreat.", "1987-05-01");
    run(&mut d);
    assert_eq!(actor(&d, "Kremlin", 0).as_deref(), Some("USRGOV"));
    assert_eq!(actor(&d, "Moscow", 0).as_deref(), Some("USRGOV"));
    let mut d = doc("Soviet troops left Afghanistan.", "2021-05-01");
    run(&mut d);
    assert_eq!(actor(&d, "Soviet troops", 0).as_deref(), Some("USRMIL"));
}

#[test]
fn ambiguous_surname_after_a_title_uses_the_date() {
    let mut d = doc("President Bush met the press.", "1990-06-01");
    run(&mut d);
    assert_eq!(mention(&d, "Bush", 0).canonical.as_deref(), Some("George H. W. Bush"));
    let mut d = doc("President Bush met the press.", "2005-06-01");
    run(&mut d);
    assert_eq!(mention(&d, "Bush", 0).canonical.as_deref(), Some("George W. Bush"));
    assert_eq!(actor(&d, "Bush", 0).as_deref(), Some("USAGOV"));
}

#[test]
fn organizations_by_date() {
    let mut d = doc("The Taliban seized the city.", "2010-01-01");
    run(&mut d);
    assert_eq!(actor(&d, "Taliban", 0).as_deref(), Some("AFGREB"));
    let mut d = doc("The Taliban seized the city.", "2022-01-01");
    run(&mut d);
    assert_eq!(actor(&d, "Taliban", 0).as_deref(), Some("AFGGOV"));
}

#[test]
fn helpers_for_quotes_and_events() {
    let mut d = doc("Russian troops shelled the town.", "2022-03-01");
    run(&mut d);
    let troops = 1; // token index of `troops`
    let m = mention_at(&d, troops).expect("mention over `troops`");
    assert_eq!(m.actor.as_deref(), Some("RUSMIL"));
    assert_eq!(m.head, Some(troops));
    assert!(mention_at(&d, 2).is_none());
    let s = stage();
    assert_eq!(s.resolve_phrase(&d, 0..2), Some(("RUSMIL".to_string(), None)));
    // On a document the stage has not run on, the phrase is resolved on its own.
    let d = doc("Foreign Minister Sergei Lavrov said so.", "2020-01-01");
    assert_eq!(
        s.resolve_phrase(&d, 0..4),
        Some(("RUSGOV".to_string(), Some("Sergei Lavrov".to_string())))
    );
}

#[test]
fn modifier_entities_get_their_own_code() {
    let mut d = doc("US President Joe Biden called NATO allies.", "2021-12-31");
    entity(&mut d, "US", 0, EntityKind::Place);
    entity(&mut d, "Joe Biden", 0, EntityKind::Person);
    entity(&mut d, "NATO", 0, EntityKind::Organization);
    run(&mut d);
    let codes: Vec<_> = d.entities.iter().map(|e| e.actor.as_deref()).collect();
    assert_eq!(codes, [Some("USA"), Some("USAGOV"), Some("IGOWSTNAT")]);
    assert_eq!(d.entities[0].canonical.as_deref(), Some("United States"));
}

#[test]
fn a_seat_of_government_is_an_organization_and_a_capital_stays_a_place() {
    let mut d = doc(
        "The Kremlin and the White House spoke in Geneva. Washington said so.",
        "2021-12-31",
    );
    for name in ["Kremlin", "White House", "Geneva", "Washington"] {
        entity(&mut d, name, 0, EntityKind::Place);
    }
    run(&mut d);
    let kinds: Vec<_> = d.entities.iter().map(|e| (e.actor.as_deref(), e.kind)).collect();
    assert_eq!(
        kinds,
        [
            (Some("RUSGOV"), EntityKind::Organization),
            (Some("USAGOV"), EntityKind::Organization),
            (None, EntityKind::Place),
            (Some("USAGOV"), EntityKind::Place),
        ]
    );
}

#[test]
fn more_metonyms_and_adjectives() {
    let mut d = doc(
        "The Pentagon said Emirati officials and Saudi forces met British diplomats in Riyadh. Mr Putin was not there.",
        "2019-01-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "Pentagon", 0).as_deref(), Some("USAMIL"));
    assert_eq!(actor(&d, "Emirati officials", 0).as_deref(), Some("AREGOV"));
    assert_eq!(actor(&d, "Saudi forces", 0).as_deref(), Some("SAUMIL"));
    assert_eq!(actor(&d, "British diplomats", 0).as_deref(), Some("GBRGOV"));
    assert_eq!(actor(&d, "Riyadh", 0).as_deref(), Some("SAU"));
    let m = mention(&d, "Mr Putin", 0);
    assert_eq!(m.actor.as_deref(), Some("RUSGOV"));
    assert_eq!(m.canonical.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn the_russian_leader_is_the_president_named_before() {
    let mut d = doc(
        "Vladimir Putin met Xi Jinping in Beijing. The Russian leader praised the talks.",
        "2023-03-21",
    );
    run(&mut d);
    let m = mention(&d, "The Russian leader", 0);
    assert_eq!(m.canonical.as_deref(), Some("Vladimir Putin"), "{}", dump(&d));
    assert_eq!(m.actor.as_deref(), Some("RUSGOV"));
    assert_eq!(actor(&d, "Xi Jinping", 0).as_deref(), Some("CHNGOV"));
}

#[test]
fn demonym_adjectives_name_people_only_as_the_people() {
    let mut d = doc(
        "The French have refused, and French wine exports fell. Palestinians protested.",
        "2019-01-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "French", 0).as_deref(), Some("FRA"));
    assert_eq!(
        d.mentions.iter().filter(|m| d.slice(m.span) == "French").count(),
        1,
        "{}",
        dump(&d)
    );
    assert_eq!(actor(&d, "Palestinians", 0).as_deref(), Some("PSE"));
}

#[test]
fn surnames_alone_need_someone_in_office() {
    // In 2005 no Johnson in the dictionary holds office: `Mr Johnson` is somebody else.
    let mut d = doc(
        "Mr Johnson said so. Shadow Chancellor Oliver Letwin disagreed in London.",
        "2005-01-01",
    );
    run(&mut d);
    assert!(
        d.mentions.iter().all(|m| d.slice(m.span) != "Mr Johnson"),
        "{}",
        dump(&d)
    );
    assert_eq!(actor(&d, "Oliver Letwin", 0).as_deref(), Some("GBROPP"), "{}", dump(&d));
}

#[test]
fn organization_entities_that_are_descriptions() {
    let mut d = doc(
        "The Russian Defence Ministry said Russian troops had left.",
        "2022-03-01",
    );
    entity(&mut d, "Russian Defence Ministry", 0, EntityKind::Organization);
    entity(&mut d, "Russian", 1, EntityKind::Misc);
    run(&mut d);
    assert_eq!(d.entities[0].actor.as_deref(), Some("RUSMIL"), "{}", dump(&d));
    assert_eq!(d.entities[1].actor, None, "a nationality adjective is no actor");
}

#[test]
fn odd_documents_do_not_panic() {
    for text in [
        "",
        "“Élysée Palace” officials — and the Élysée — said «non». 北京 said nothing.",
        "he",
        "President",
        "The two leaders",
    ] {
        let mut d = doc(text, "2020-01-01");
        run(&mut d);
        assert!(d.has(chronicle_doc::Layers::ACTORS));
    }
    let mut d = doc("The Élysée said “we will act”.", "2020-01-01");
    run(&mut d);
    assert_eq!(actor(&d, "Élysée", 0).as_deref(), Some("FRAGOV"));
    // No sentences at all: the whole text is one.
    let mut d = doc("Moscow warned Kyiv.", "2020-01-01");
    d.sentences.clear();
    run(&mut d);
    assert_eq!(actor(&d, "Moscow", 0).as_deref(), Some("RUSGOV"));
}

#[test]
fn the_ner_knows_better_about_its_own_names() {
    let mut d = doc(
        "Jordan scored twice, the Washington Post reported, while the US Army stayed.",
        "2020-01-01",
    );
    entity(&mut d, "Jordan", 0, EntityKind::Person);
    entity(&mut d, "Washington Post", 0, EntityKind::Organization);
    entity(&mut d, "US Army", 0, EntityKind::Organization);
    run(&mut d);
    assert_eq!(d.entities[0].actor, None, "{}", dump(&d));
    assert_eq!(d.entities[1].actor, None, "{}", dump(&d));
    assert_eq!(d.entities[2].actor.as_deref(), Some("USAMIL"), "{}", dump(&d));
    assert!(d.mentions.iter().all(|m| d.slice(m.span) != "Washington"));
}

#[test]
fn shared_alias_is_resolved_by_date() {
    let mut d = doc("George Bush spoke.", "2005-01-01");
    run(&mut d);
    assert_eq!(
        mention(&d, "George Bush", 0).canonical.as_deref(),
        Some("George W. Bush")
    );
    let mut d = doc("George Bush spoke.", "1991-01-01");
    run(&mut d);
    assert_eq!(
        mention(&d, "George Bush", 0).canonical.as_deref(),
        Some("George H. W. Bush")
    );
}

#[test]
fn matching_respects_case_and_token_boundaries() {
    let mut d = doc(
        "Let us eat turkey in Iranian style. TURKEY and Turkey differ; the PRESIDENT spoke.",
        "2020-01-01",
    );
    run(&mut d);
    let texts: Vec<&str> = d.mentions.iter().map(|m| d.slice(m.span)).collect();
    // Lower case is a common noun; a name in capitals (a headline's `TURKEY`) is the name.
    assert_eq!(texts, ["TURKEY", "Turkey", "the PRESIDENT"], "{}", dump(&d));
    assert_eq!(actor(&d, "Turkey", 0).as_deref(), Some("TUR"));
}

#[test]
fn a_surname_near_a_term_of_office_names_that_person() {
    // An undated wire story (2000) naming "President Bush": both Bushes are American, one
    // held office within a few years, so the country is known though the role is not.
    let mut d = doc("President Bush threatened further action against Russia.", "2000-01-01");
    run(&mut d);
    let code = actor(&d, "Bush", 0).expect("Bush is resolved");
    assert_eq!(&code[..3], "USA", "{}", dump(&d));
}

#[test]
fn a_bare_surname_of_someone_in_office_is_believed_without_the_ner() {
    let mut d = doc("Obama said he would not provide support to Israel.", "2015-06-09");
    run(&mut d);
    assert_eq!(actor(&d, "Obama", 0).as_deref(), Some("USAGOV"), "{}", dump(&d));
}

#[test]
fn another_countrys_institution_takes_that_country() {
    // `Senate` alone is the American one; a country named before it says whose it is.
    let mut d = doc(
        "Opponents of Rwanda's Senate protested. The French Senate voted. The Senate adjourned. Russia's Kremlin spoke.",
        "2014-01-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "Rwanda's Senate", 0).as_deref(), Some("RWALEG"));
    assert_eq!(actor(&d, "French Senate", 0).as_deref(), Some("FRALEG"));
    assert_eq!(actor(&d, "Senate", 0).as_deref(), Some("USALEG"));
    // Its own country before a seat changes nothing: one mention, the usual code.
    assert_eq!(actor(&d, "Kremlin", 0).as_deref(), Some("RUSGOV"));
}

#[test]
fn coordinated_country_modifiers_share_the_role_noun() {
    let mut d = doc(
        "Senior Hungarian and Romanian officials met. US and Russian troops clashed. French and British wine sold well.",
        "2014-01-01",
    );
    run(&mut d);
    assert_eq!(actor(&d, "Hungarian", 0).as_deref(), Some("HUNGOV"), "{}", dump(&d));
    assert_eq!(
        actor(&d, "Romanian officials", 0).as_deref(),
        Some("ROUGOV"),
        "{}",
        dump(&d)
    );
    assert_eq!(actor(&d, "US", 0).as_deref(), Some("USAMIL"), "{}", dump(&d));
    assert_eq!(
        actor(&d, "Russian troops", 0).as_deref(),
        Some("RUSMIL"),
        "{}",
        dump(&d)
    );
    // No role noun after the coordination: no mentions made up.
    assert!(d.mentions.iter().all(|m| d.slice(m.span) != "French"), "{}", dump(&d));
}

#[test]
fn a_place_qualifying_a_role_gives_its_country() {
    let text = "Mexican men were held. Texas police arrested them. The government of Sindh province \
                ordered patrols. Police in Gaza detained a man. Officials in Geneva talks met.";
    let mut d = doc(text, "2014-01-01");
    place(&mut d, "Texas", 0, "US", "region");
    place(&mut d, "Sindh", 0, "PK", "region");
    place(&mut d, "Gaza", 0, "PS", "city");
    place(&mut d, "Geneva", 0, "CH", "city");
    // "talks" is a noun the place modifies: Geneva does not qualify the officials.
    let talks = d.tokens.iter().position(|t| d.slice(t.span) == "talks").unwrap();
    d.tokens[talks].upos = Some(chronicle_doc::Upos::Noun);
    run(&mut d);
    // Not the discourse's Mexico: the place before the role.
    assert_eq!(actor(&d, "police", 0).as_deref(), Some("USACOP"), "{}", dump(&d));
    // The place after the role, through `of` and `in`.
    assert_eq!(
        actor(&d, "The government", 0).as_deref(),
        Some("PAKGOV"),
        "{}",
        dump(&d)
    );
    assert_eq!(actor(&d, "Police", 0).as_deref(), Some("PSECOP"), "{}", dump(&d));
    // A place that modifies another noun leaves the role to the context fill.
    assert_ne!(actor(&d, "Officials", 0).as_deref(), Some("CHEGOV"), "{}", dump(&d));
}

#[test]
fn a_name_in_apposition_takes_the_descriptions_country() {
    // A title before an unknown name gives no country; the context fill would take the
    // country named just before (Israel, Iraq). The description in apposition names it.
    let text = "Israeli officials met President Jan Kowalczyk, the Polish leader, on Monday. \
                The Polish commander in Iraq, General Adam Nowicki, arrived. \
                Israeli officials met President Tom Berg on Monday.";
    let mut d = doc(text, "2014-01-01");
    entity(&mut d, "Jan Kowalczyk", 0, EntityKind::Person);
    entity(&mut d, "Adam Nowicki", 0, EntityKind::Person);
    entity(&mut d, "Tom Berg", 0, EntityKind::Person);
    place(&mut d, "Iraq", 0, "IQ", "country");
    arc(&mut d, ("leader", 0), "appos", ("Jan", 0));
    arc(&mut d, ("Adam", 0), "appos", ("commander", 0));
    run(&mut d);
    assert_eq!(d.entities[0].actor.as_deref(), Some("POLGOV"), "{}", dump(&d));
    assert_eq!(d.entities[1].actor.as_deref(), Some("POLMIL"), "{}", dump(&d));
    // No apposition: the context fill stands.
    assert_eq!(d.entities[2].actor.as_deref(), Some("ISRGOV"), "{}", dump(&d));
}

#[test]
fn plural_ministerial_titles_are_roles() {
    let mut d = doc(
        "NATO defence ministers met. French finance ministers spoke.",
        "2014-01-01",
    );
    entity(&mut d, "NATO", 0, EntityKind::Organization);
    run(&mut d);
    assert_eq!(
        actor(&d, "NATO defence ministers", 0).as_deref(),
        Some("IGOWSTNAT"),
        "{}",
        dump(&d)
    );
    assert_eq!(
        actor(&d, "French finance ministers", 0).as_deref(),
        Some("FRAGOV"),
        "{}",
        dump(&d)
    );
}
