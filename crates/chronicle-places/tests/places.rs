//! End-to-end checks of the places and tone stages on hand-built documents (the crate's tiny
//! tokenizer supplies tokens and sentences; entities are set by hand where a test needs NER).

use chronicle_doc::{Date, Document, Entity, EntityKind, Layers, Meta, Span, Stage, Upos};
use chronicle_places::{place_for_span, simple, PlaceStage, ToneStage};

fn doc(text: &str) -> Document {
    let meta = Meta {
        id: "t".into(),
        date: Date::from_ymd_opt(2021, 12, 31).unwrap(),
        date_text: "2021-12-31".into(),
        source: None,
        title: None,
        url: None,
    };
    let mut d = Document::new(meta, text.into());
    simple::tokenize(&mut d);
    d
}

fn places(text: &str) -> Vec<(String, String, Option<String>)> {
    let stage = PlaceStage::new().expect("gazetteer loads");
    let mut d = doc(text);
    stage.run(&mut d);
    assert!(d.has(Layers::PLACES));
    d.places
        .iter()
        .map(|p| (d.slice(p.span).to_string(), p.name.clone(), p.country.clone()))
        .collect()
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

#[test]
fn stage_declares_its_layers() {
    let stage = PlaceStage::new().unwrap();
    assert_eq!(stage.name(), "places");
    assert_eq!(stage.requires(), Layers::TOKENS | Layers::SENTENCES);
    assert_eq!(stage.assigns(), Layers::PLACES);
    let tone = ToneStage::new().unwrap();
    assert_eq!(tone.name(), "tone");
    assert_eq!(tone.requires(), Layers::TOKENS);
    assert_eq!(tone.assigns(), Layers::TONE);
}

#[test]
fn geneva_is_in_switzerland() {
    let text = "GENEVA, Dec 31 (Reuters) - Talks will be held in Geneva on January 10.";
    let stage = PlaceStage::new().unwrap();
    let mut d = doc(text);
    stage.run(&mut d);
    assert_eq!(d.places.len(), 2, "{:?}", d.places);
    for p in &d.places {
        assert_eq!(p.name, "Geneva");
        assert_eq!(p.country.as_deref(), Some("CH"));
        assert_eq!(p.feature.as_deref(), Some("city"));
        assert_eq!(p.geonameid, Some(2660646));
        assert!((p.lat.unwrap() - 46.2).abs() < 0.05 && (p.lon.unwrap() - 6.15).abs() < 0.05);
    }
    assert_eq!(d.slice(d.places[0].span), "GENEVA", "the dateline counts");
}

#[test]
fn kiev_and_kyiv_are_the_ukrainian_capital() {
    for name in ["Kiev", "Kyiv"] {
        let got = places(&format!("Officials met in {name} on Monday."));
        assert_eq!(got, [(name.to_string(), "Kyiv".to_string(), Some("UA".to_string()))]);
    }
}

#[test]
fn paris_texas_is_in_the_united_states() {
    let got = places("The fair opened in Paris, Texas, on Friday.");
    assert_eq!(got[0].0, "Paris");
    assert_eq!(got[0].2.as_deref(), Some("US"));
    assert_eq!(got[1], ("Texas".into(), "Texas".into(), Some("US".into())));
    // AP abbreviations qualify too, and alone they are no place.
    let got = places("He was born in Paris, Tex. and moved to Paris later.");
    assert_eq!(got[0].2.as_deref(), Some("US"));
    assert_eq!(got[2].2.as_deref(), Some("US"), "the article is in Texas now: {got:?}");
    assert!(places("Ms. Smith said Miss Jones would come.").is_empty());
}

#[test]
fn other_places_in_the_article_pull_a_name_to_their_country() {
    let alone = places("The fire in Alexandria was put out.");
    assert_eq!(alone[0].2.as_deref(), Some("EG"), "the big Alexandria wins alone");
    let local = places("The fire in Alexandria was put out. Louisiana officials praised the crews.");
    assert_eq!(local[0].2.as_deref(), Some("US"), "{local:?}");
    assert_eq!(local[1].1, "Louisiana");
}

#[test]
fn a_small_namesake_needs_more_than_its_country_being_named() {
    // The United States named as an actor three times does not move Geneva to Illinois.
    let text = "Washington and the United States warned Russia. US officials will meet in Geneva.";
    let got = places(text);
    let geneva = got.iter().find(|g| g.0 == "Geneva").expect("Geneva found");
    assert_eq!(geneva.2.as_deref(), Some("CH"), "{got:?}");
    // Its state does.
    let got = places("Illinois police said the fire in Geneva was out.");
    let geneva = got.iter().find(|g| g.0 == "Geneva").expect("Geneva found");
    assert_eq!(geneva.2.as_deref(), Some("US"), "{got:?}");
}

#[test]
fn with_ner_a_place_it_missed_is_still_found_but_not_inside_its_names() {
    let text = "The storm hit Tulsa overnight. Jack London wrote about it.";
    let mut d = doc(text);
    d.entities = vec![Entity {
        span: span_of(text, "Jack London"),
        kind: EntityKind::Person,
        actor: None,
        canonical: None,
        sentence: 1,
    }];
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    let got: Vec<&str> = d.places.iter().map(|p| d.slice(p.span)).collect();
    assert_eq!(got, ["Tulsa"]);
}

#[test]
fn countries_continents_and_regions() {
    let got = places("Troops left Europe for the Middle East, and the U.S. said Georgia was calm.");
    let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(names, ["Europe", "Middle East", "United States", "Georgia"], "{got:?}");
    assert_eq!(got[2].2.as_deref(), Some("US"));
    assert_eq!(got[3].2.as_deref(), Some("US"), "the state, next to the U.S.");
}

#[test]
fn person_names_are_not_places() {
    assert!(places("David Cameron met Roger Moore. Moore said nothing.").is_empty());
    assert!(places("George Washington crossed the river.").is_empty());
}

#[test]
fn ner_entities_are_resolved_and_the_scanner_is_only_a_backstop() {
    let text = "Moscow rejected the plan, officials near Kharkiv said. Lincoln visited too.";
    let mut d = doc(text);
    d.entities = vec![
        Entity {
            span: span_of(text, "Moscow"),
            kind: EntityKind::Organization,
            actor: Some("RUSGOV".into()),
            canonical: None,
            sentence: 0,
        },
        Entity {
            span: span_of(text, "Lincoln"),
            kind: EntityKind::Person,
            actor: None,
            canonical: None,
            sentence: 1,
        },
    ];
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    let got: Vec<(&str, &str)> = d.places.iter().map(|p| (d.slice(p.span), p.name.as_str())).collect();
    assert_eq!(
        got,
        [("Moscow", "Moscow"), ("Kharkiv", "Kharkiv")],
        "metonym and cue backstop"
    );
    let p = place_for_span(&d, span_of(text, "Kharkiv")).unwrap();
    assert_eq!(p.country.as_deref(), Some("UA"));
    let wider = Span::new(
        span_of(text, "near").start as usize,
        span_of(text, "Kharkiv").end as usize,
    );
    assert_eq!(place_for_span(&d, wider).unwrap().name, "Kharkiv");
    assert!(place_for_span(&d, span_of(text, "Lincoln")).is_none());
}

#[test]
fn tone_of_a_sentence_we_wrote() {
    // 11 words; positive: welcome, peace, agreement; negative: attack, killed; active: attack,
    // killed; self/group: We.
    let mut d = doc("We welcome the peace agreement, but the attack killed three people.");
    let stage = ToneStage::new().unwrap();
    stage.run(&mut d);
    let t = d.tone.unwrap();
    assert_eq!(t.words, 11);
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(t.positive, 300.0 / 11.0), "{t:?}"); // 27.2727…
    assert!(close(t.negative, 200.0 / 11.0)); // 18.1818…
    assert!(close(t.tone, 100.0 / 11.0)); // 9.0909…
    assert!(close(t.polarity, 500.0 / 11.0)); // 45.4545…
    assert!(close(t.activity, 200.0 / 11.0));
    assert!(close(t.self_group, 100.0 / 11.0));
    // With POS tags, activity is the share of VERB tokens (welcome, killed).
    for (i, tok) in d.tokens.iter_mut().enumerate() {
        tok.upos = Some(if i == 1 || i == 9 { Upos::Verb } else { Upos::Noun });
    }
    assert!(close(stage.tone(&d).activity, 200.0 / 11.0));
    assert_eq!(stage.tone(&doc("...")).words, 0);
}

#[test]
fn malformed_tone_data_names_the_line() {
    let e = ToneStage::from_data("good\t1.9\nbad\n", "act\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "data/tone/vader_lexicon.tsv:2: word<TAB>valence expected"
    );
}

#[test]
fn worked_example_of_docs_tone_md() {
    let mut d = doc(
        "Our negotiators welcomed the ceasefire and said we hope the talks succeed. \
                     But rebels attacked a convoy near the border, killing two soldiers.",
    );
    ToneStage::new().unwrap().run(&mut d);
    let t = d.tone.unwrap();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert_eq!(t.words, 23);
    assert!(
        close(t.positive, 300.0 / 23.0) && close(t.negative, 300.0 / 23.0),
        "{t:?}"
    );
    assert!(close(t.tone, 0.0) && close(t.polarity, 600.0 / 23.0));
    assert!(close(t.activity, 200.0 / 23.0) && close(t.self_group, 200.0 / 23.0));
}

#[test]
fn the_country_us_is_not_a_first_person_pronoun() {
    // 8 words; the pronouns are `us` and `we`, not `US`.
    let mut d = doc("The US told us that we must leave.");
    let stage = ToneStage::new().unwrap();
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(stage.tone(&d).self_group, 200.0 / 8.0), "{:?}", stage.tone(&d));
    // With tags, the tagger decides: `US` PROPN, `us` and `we` PRON.
    for tok in d.tokens.iter_mut() {
        tok.upos = Some(Upos::Noun);
    }
    d.tokens[1].upos = Some(Upos::Propn);
    d.tokens[3].upos = Some(Upos::Pron);
    d.tokens[5].upos = Some(Upos::Pron);
    assert!(close(stage.tone(&d).self_group, 200.0 / 8.0));
    d.tokens[1].upos = Some(Upos::Pron);
    assert!(close(stage.tone(&d).self_group, 300.0 / 8.0));
}

/// The place record for the mention `surface` in `text`.
fn place_of(text: &str, surface: &str) -> chronicle_doc::Place {
    let stage = PlaceStage::new().unwrap();
    let mut d = doc(text);
    stage.run(&mut d);
    let found = d.places.iter().find(|p| d.slice(p.span) == surface).cloned();
    found.unwrap_or_else(|| panic!("{surface} not found in {:?}", d.places))
}

fn near(p: &chronicle_doc::Place, lat: f64, lon: f64) -> bool {
    (p.lat.unwrap() - lat).abs() < 0.05 && (p.lon.unwrap() - lon).abs() < 0.05
}

#[test]
fn a_country_is_at_its_conventional_point_not_its_geometric_centroid() {
    // Canada's usual point is 60 N 95 W; a geocoder's centroid (56.1 N, 106.3 W) is 750 km off.
    let canada = place_of("Troops were flown to Canada on Sunday.", "Canada");
    assert!(near(&canada, 60.0, -95.0), "{canada:?}");
    // The United States: the centre of the contiguous states.
    let us = place_of("The plane landed in the United States late.", "United States");
    assert!(near(&us, 39.83, -98.58), "{us:?}");
}

#[test]
fn a_county_is_found_and_placed_at_a_town_of_its_state_the_article_names() {
    // Ten states have a Henry County; the article's town says which, and where.
    let text = "Deputies in Henry County arrested two men. The arrests were made near Stockbridge on Monday.";
    let county = place_of(text, "Henry County");
    assert_eq!(county.feature.as_deref(), Some("county"));
    assert_eq!(county.country.as_deref(), Some("US"));
    assert_eq!(county.geonameid, None);
    let town = place_of(text, "Stockbridge");
    assert!(
        near(&county, town.lat.unwrap(), town.lon.unwrap()),
        "{county:?} {town:?}"
    );
    // Alone, it is still a US county (somewhere in one of those states).
    let alone = place_of("Deputies in Henry County arrested two men.", "Henry County");
    assert_eq!(alone.feature.as_deref(), Some("county"));
    assert_eq!(alone.country.as_deref(), Some("US"));
}

#[test]
fn a_county_qualified_by_its_state_is_placed_at_its_namesake_town() {
    // Five states have an Anderson County; `S.C.` picks one, and with no other town named the
    // county sits at Anderson, South Carolina, not at the state's centre.
    let county = place_of(
        "Officials in Anderson County, S.C., closed the road.",
        "Anderson County",
    );
    assert_eq!(county.feature.as_deref(), Some("county"));
    assert!(near(&county, 34.5034, -82.6501), "{county:?}");
}

#[test]
fn a_division_abbreviation_that_is_no_word_stands_alone() {
    let nsw = place_of("Fires spread across NSW overnight.", "NSW");
    assert_eq!(nsw.name, "New South Wales");
    assert_eq!(nsw.country.as_deref(), Some("AU"));
    // One that is also a word only qualifies a town.
    assert!(places("The Act was passed in 2001.").is_empty());
}

#[test]
fn divisions_named_with_a_language_tag_or_an_older_spelling_are_found() {
    // keshvar writes `Sind (en)` and `Genève (fr)`: the tag is no part of the name.
    let sindh = place_of("Police in Sindh arrested two men.", "Sindh");
    assert_eq!(sindh.country.as_deref(), Some("PK"));
    let sind = place_of("Floods hit the province of Sind last week.", "Sind");
    assert_eq!(sind.country.as_deref(), Some("PK"));
    let balochistan = place_of("Gunmen attacked a bus in Balochistan.", "Balochistan");
    assert_eq!(balochistan.country.as_deref(), Some("PK"));
}

#[test]
fn a_county_only_one_state_has_names_that_state_for_its_towns() {
    // Only Louisiana has a Rapides Parish: the Alexandria of the same story is Louisiana's.
    let alone = place_of("The fire in Alexandria was put out.", "Alexandria");
    assert_eq!(alone.country.as_deref(), Some("EG"));
    let local = place_of(
        "The fire in Alexandria was put out by crews from Rapides Parish.",
        "Alexandria",
    );
    assert_eq!(local.country.as_deref(), Some("US"), "{local:?}");
    assert!(near(&local, 31.3113, -92.4451), "Alexandria, Louisiana: {local:?}");
}

#[test]
fn a_town_of_the_same_state_named_nearby_picks_the_small_namesake() {
    // Dublin alone is Ireland's capital; next to two Ohio towns it is Dublin, Ohio.
    let alone = place_of("Crews worked in Dublin all night.", "Dublin");
    assert_eq!(alone.country.as_deref(), Some("IE"));
    let local = place_of(
        "Crews from Columbus and Westerville worked in Dublin all night.",
        "Dublin",
    );
    assert_eq!(local.country.as_deref(), Some("US"), "{local:?}");
    // A town does not vote for itself under another name: `Mexico` stays the country.
    let mexico = place_of("Flights from Mexico City were cancelled across Mexico.", "Mexico");
    assert_eq!(mexico.feature.as_deref(), Some("country"), "{mexico:?}");
}

#[test]
fn a_county_with_no_town_to_go_by_is_at_its_state_point() {
    // No town of Kentucky is named and there is none called Laurel there: the county takes the
    // state's own point, the same as `Kentucky` gets.
    let text = "Deputies in Laurel County, Ky., searched a farm. Kentucky police helped.";
    let county = place_of(text, "Laurel County");
    let state = place_of(text, "Kentucky");
    assert_eq!(county.feature.as_deref(), Some("county"));
    assert!(
        near(&county, state.lat.unwrap(), state.lon.unwrap()),
        "{county:?} {state:?}"
    );
}

/// The places found in `text` with NER's entities given as (surface, kind), each surface's first
/// occurrence after the previous one.
fn places_with_entities(text: &str, ents: &[(&str, EntityKind)]) -> Vec<String> {
    let mut d = doc(text);
    let mut from = 0;
    for (surface, kind) in ents {
        let start = from + text[from..].find(surface).expect("entity in text");
        from = start + surface.len();
        d.entities.push(Entity {
            span: Span::new(start, from),
            kind: *kind,
            actor: None,
            canonical: None,
            sentence: 0,
        });
    }
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    d.places.iter().map(|p| d.slice(p.span).to_string()).collect()
}

#[test]
fn a_place_ner_also_calls_a_person_keeps_its_place_sense_in_the_story() {
    let text = "The river crested in Fargo overnight. Fargo opened two shelters.";
    let got = places_with_entities(text, &[("Fargo", EntityKind::Place), ("Fargo", EntityKind::Person)]);
    assert_eq!(got, ["Fargo", "Fargo"]);
    // Without the place reading elsewhere, NER's person stands.
    let text = "Fargo opened two shelters.";
    assert!(places_with_entities(text, &[("Fargo", EntityKind::Person)]).is_empty());
}

#[test]
fn a_state_written_as_dotted_initials_stands_alone() {
    let got = places("Rain is expected across S.C. on Friday.");
    assert_eq!(
        got,
        [("S.C.".to_string(), "South Carolina".to_string(), Some("US".to_string()))]
    );
    // A short form that is a word still needs `Town, ` before it.
    assert!(places("Miss. Jones and Wash. crews came.").is_empty());
    // Nor does another country's division abbreviation that is also a date.
    assert!(places("The wall was built in 500 B.C. by farmers.").is_empty());
}

#[test]
fn a_saints_day_is_no_place() {
    assert!(places("Parades were held for St. Patrick's Day.").is_empty());
    // The town itself still is.
    let got = places("Parades were held in St. Albans on Friday.");
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_dateline_may_end_in_a_typewriter_dash() {
    // The pipeline's tokenizer keeps `--` whole; the test tokenizer splits it, so join it here.
    let text = "Roads reopen. TULSA -- Crews cleared the last roads on Friday.";
    let mut d = doc(text);
    let k = (0..d.tokens.len() - 1)
        .find(|&k| d.slice(d.tokens[k].span) == "-" && d.slice(d.tokens[k + 1].span) == "-")
        .expect("two dashes");
    d.tokens[k].span = Span::new(d.tokens[k].span.start as usize, d.tokens[k + 1].span.end as usize);
    d.tokens.remove(k + 1);
    for s in &mut d.sentences {
        let shift = |t: u32| if t > k as u32 { t - 1 } else { t };
        s.tokens = shift(s.tokens.start)..shift(s.tokens.end);
    }
    PlaceStage::new().unwrap().run(&mut d);
    let got: Vec<&str> = d.places.iter().map(|p| d.slice(p.span)).collect();
    assert_eq!(got, ["TULSA"]);
}

#[test]
fn a_name_used_as_a_place_keeps_that_sense_beside_other_capitals() {
    // `Tulsa` next to another capitalized word is taken only because the story names the city
    // on its own elsewhere.
    let text = "Storms hit Tulsa overnight. The Greater Downtown Tulsa Partnership met today.";
    let got: Vec<String> = places(text).into_iter().map(|p| p.0).collect();
    assert_eq!(got, ["Tulsa", "Tulsa"], "{got:?}");
    assert!(places("The Greater Downtown Tulsa Partnership met today.").is_empty());
}

#[test]
fn another_countrys_division_is_at_the_centre_of_its_towns_not_its_main_city() {
    // keshvar puts New South Wales at Sydney; the file's division point is inland, near the
    // middle of the state (Sydney is about 300 km from it).
    let nsw = place_of("Floods cut roads across New South Wales.", "New South Wales");
    assert_eq!(nsw.country.as_deref(), Some("AU"));
    let (lat, lon) = (nsw.lat.unwrap(), nsw.lon.unwrap());
    assert!(
        (-34.0..=-31.0).contains(&lat) && (146.0..=149.0).contains(&lon),
        "{nsw:?}"
    );
}

#[test]
fn a_state_whose_towns_the_article_names_beats_the_city_of_its_name() {
    // `Washington` alone is the capital; beside Seattle and Spokane it is the state.
    let alone = place_of("Officials in Washington said the storm was over.", "Washington");
    assert_eq!(alone.feature.as_deref(), Some("city"), "{alone:?}");
    let state = place_of(
        "Snow closed schools in Seattle and Spokane, and officials in Washington said more was coming.",
        "Washington",
    );
    assert_eq!(state.feature.as_deref(), Some("region"), "{state:?}");
    assert_eq!(state.country.as_deref(), Some("US"));
}

#[test]
fn a_park_named_after_a_town_is_not_the_town() {
    assert!(places("Crowds gathered in Centennial Park on Sunday.").is_empty());
}

#[test]
fn mecca_is_the_saudi_city() {
    let mecca = place_of("Pilgrims travelled to Mecca this week.", "Mecca");
    assert_eq!(mecca.country.as_deref(), Some("SA"), "{mecca:?}");
}

fn found_in<'a>(d: &'a Document, surface: &str) -> Option<&'a chronicle_doc::Place> {
    d.places.iter().find(|p| d.slice(p.span) == surface)
}

fn run(text: &str) -> Document {
    let mut d = doc(text);
    PlaceStage::new().unwrap().run(&mut d);
    d
}

#[test]
fn a_small_town_is_taken_only_where_its_state_is_in_view() {
    // Chiefland, Florida (about 2,000 people): a place beside its state, nothing on its own.
    let d = run("The parade went through Chiefland on Saturday.");
    assert!(found_in(&d, "Chiefland").is_none(), "{:?}", d.places);
    let d = run("The parade went through Chiefland on Saturday, Florida police said.");
    let p = found_in(&d, "Chiefland").expect("Chiefland found");
    assert_eq!((p.country.as_deref(), p.geonameid), (Some("US"), Some(4150733)));
    let d = run("CHIEFLAND, Fla. -- The parade went on.");
    assert_eq!(
        found_in(&d, "CHIEFLAND").and_then(|p| p.geonameid),
        Some(4150733),
        "{:?}",
        d.places
    );
    // A town of the same name as a capital: the capital, unless the article names the state.
    let d = run("Officials in Paris met on Friday.");
    assert_eq!(found_in(&d, "Paris").and_then(|p| p.country.as_deref()), Some("FR"));
    let d = run("Officials in Paris met on Friday. Tennessee lawmakers said the plant will stay.");
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.geonameid),
        Some(4647963),
        "{:?}",
        d.places
    );
    // A county named that the town's state has, among other states, is a hint too (Puryear,
    // Tennessee, is in Henry County; twelve states have a Henry County).
    let d = run("Officials in Puryear met on Friday.");
    assert!(found_in(&d, "Puryear").is_none(), "{:?}", d.places);
    let d = run("Officials in Puryear met on Friday. Henry County deputies were there.");
    assert_eq!(
        found_in(&d, "Puryear").and_then(|p| p.geonameid),
        Some(4651727),
        "{:?}",
        d.places
    );
}

#[test]
fn a_street_is_placed_at_the_town_named_nearest_it() {
    let text = "A fire broke out on Orchard Street in Alexandria, La., on Monday.";
    let d = run(text);
    let street = found_in(&d, "Orchard Street").expect("street found");
    let town = found_in(&d, "Alexandria").expect("town found");
    assert_eq!(street.feature.as_deref(), Some("street"));
    assert_eq!(street.geonameid, None);
    assert_eq!(
        (street.lat, street.lon, street.country.as_deref()),
        (town.lat, town.lon, Some("US"))
    );
    // No town in the article: no point for the street, so no place. A saint is no street.
    let d = run("A fire broke out on Orchard Street on Monday. St. James Church was spared.");
    assert!(found_in(&d, "Orchard Street").is_none(), "{:?}", d.places);
    assert!(
        d.places.iter().all(|p| p.feature.as_deref() != Some("street")),
        "{:?}",
        d.places
    );
}

#[test]
fn a_name_ner_calls_a_person_is_a_place_in_a_state_the_article_names() {
    let text = "The council in Gainesville voted on Monday. Florida officials agreed.";
    let mut d = doc(text);
    d.entities = vec![Entity {
        span: span_of(text, "Gainesville"),
        kind: EntityKind::Person,
        actor: None,
        canonical: None,
        sentence: 0,
    }];
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    let p = found_in(&d, "Gainesville").expect("Gainesville found");
    assert_eq!(p.country.as_deref(), Some("US"));
    assert!((p.lat.unwrap() - 29.65).abs() < 0.5, "{p:?}");
    // Without Florida in view NER's reading stands.
    let text = "The council met Gainesville on Monday.";
    let mut d = doc(text);
    d.entities = vec![Entity {
        span: span_of(text, "Gainesville"),
        kind: EntityKind::Person,
        actor: None,
        canonical: None,
        sentence: 0,
    }];
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    assert!(d.places.is_empty(), "{:?}", d.places);
}

#[test]
fn a_persons_surname_alone_is_the_person() {
    // NER tagging `Obama` a place (a city in Japan) after `Barack Obama`: the person.
    let text = "Barack Obama spoke on Monday. Later Obama left.";
    let mut d = doc(text);
    let later = text.rfind("Obama").unwrap();
    d.entities = vec![
        Entity {
            span: span_of(text, "Barack Obama"),
            kind: EntityKind::Person,
            actor: None,
            canonical: None,
            sentence: 0,
        },
        Entity {
            span: Span::new(later, later + 5),
            kind: EntityKind::Place,
            actor: None,
            canonical: None,
            sentence: 1,
        },
    ];
    d.mark_done(Layers::ENTITIES);
    PlaceStage::new().unwrap().run(&mut d);
    assert!(d.places.is_empty(), "{:?}", d.places);
}

#[test]
fn a_function_word_before_a_name_is_no_first_name() {
    // `An Albany man` (not at a sentence start, after a dateline's dash) does not make `Albany`
    // a surname for the rest of the article.
    let got = places("Police said on Monday — An Albany man was charged, and Albany officers said so.");
    let found: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(found, ["Albany", "Albany"], "{got:?}");
}

fn run_from(text: &str, source: Option<&str>) -> Document {
    let mut d = doc(text);
    d.meta.source = source.map(str::to_string);
    PlaceStage::new().unwrap().run(&mut d);
    d
}

#[test]
fn the_town_after_a_street_is_a_town_not_a_qualifying_state() {
    // `X St., Alexandria,`: Alexandria is the street's town, read like every other mention of it
    // (Rapides Parish names Louisiana), not forced to a state-level reading (Egypt's governorate).
    let text = "Alexandria police made an arrest. Jane Roe, of 12 Orchard St., Alexandria, was charged \
                by Rapides Parish deputies.";
    let d = run(text);
    let ids: Vec<Option<u64>> = d
        .places
        .iter()
        .filter(|p| d.slice(p.span) == "Alexandria")
        .map(|p| p.geonameid)
        .collect();
    assert_eq!(ids, vec![Some(4314550), Some(4314550)], "{:?}", d.places);
}

#[test]
fn a_local_papers_own_town_is_the_one_in_its_country() {
    let text = "The Paris school board met on Friday. Henry County deputies attended.";
    // No source: the capital, as before.
    let d = run_from(text, None);
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.country.as_deref()),
        Some("FR"),
        "{:?}",
        d.places
    );
    // An agency name says nothing.
    let d = run_from(text, Some("Reuters"));
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.country.as_deref()),
        Some("FR"),
        "{:?}",
        d.places
    );
    // A paper named after Paris whose story is local to the US: Paris, Tennessee (Henry County).
    let d = run_from(text, Some("www.parisweekly.com"));
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.geonameid),
        Some(4647963),
        "{:?}",
        d.places
    );
    // The article's places are not mostly American (a visitor from Tokyo), but of the
    // countries Paris can be in, only the United States is named.
    let text2 = "The Paris school board met on Friday in Henry County. A teacher from Tokyo spoke.";
    let d = run_from(text2, None);
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.country.as_deref()),
        Some("FR"),
        "{:?}",
        d.places
    );
    let d = run_from(text2, Some("www.parisweekly.com"));
    assert_eq!(
        found_in(&d, "Paris").and_then(|p| p.geonameid),
        Some(4647963),
        "{:?}",
        d.places
    );
    // A paper's title word that is only a small town's name (`Weekly`, `Herald`) stays no place.
    let d = run_from(
        "The Herald reported on Friday that Henry County deputies attended.",
        Some("herald.com"),
    );
    assert!(found_in(&d, "Herald").is_none(), "{:?}", d.places);
}

#[test]
fn a_country_code_domain_favours_its_country() {
    // Lancaster, Pennsylvania and Lancaster, England are about the same size.
    let text = "The Lancaster council met on Monday.";
    let d = run_from(text, None);
    assert_eq!(
        found_in(&d, "Lancaster").and_then(|p| p.country.as_deref()),
        Some("US"),
        "{:?}",
        d.places
    );
    let d = run_from(text, Some("https://www.citizen.co.uk/local/1"));
    assert_eq!(
        found_in(&d, "Lancaster").and_then(|p| p.country.as_deref()),
        Some("GB"),
        "{:?}",
        d.places
    );
    // `.tv` and `.co` are sold as generic names.
    let d = run_from(text, Some("citizen.tv"));
    assert_eq!(
        found_in(&d, "Lancaster").and_then(|p| p.country.as_deref()),
        Some("US"),
        "{:?}",
        d.places
    );
}

#[test]
fn a_same_named_town_near_the_articles_other_towns_wins() {
    // Columbus, Georgia lies across the river from Phenix City, Alabama: another state, so only
    // the distance tells it from the larger Columbus, Ohio.
    let d = run("Columbus police and Phenix City firefighters responded to the call.");
    let p = found_in(&d, "Columbus").expect("Columbus found");
    assert!(near(p, 32.46, -84.99), "{p:?}");
    // A state keeps its sense near the city of its name.
    let d = run("Officials in New York and Newark met on Monday.");
    assert_eq!(
        found_in(&d, "New York").and_then(|p| p.feature.as_deref()),
        Some("region"),
        "{:?}",
        d.places
    );
}

#[test]
fn each_name_of_a_list_of_counties_is_a_county() {
    let text = "Officials in Omaha said Douglas, Sarpy and Lancaster counties grew last year.";
    let d = run(text);
    for name in ["Douglas", "Sarpy", "Lancaster"] {
        let p = found_in(&d, name).unwrap_or_else(|| panic!("{name} not found in {:?}", d.places));
        assert_eq!(
            (p.feature.as_deref(), p.country.as_deref()),
            (Some("county"), Some("US")),
            "{p:?}"
        );
    }
    // One name before `counties` is no list; a name that is no county ends the list.
    let d = run("The Lancaster counties fair opened on Monday.");
    assert!(
        found_in(&d, "Lancaster").is_none_or(|p| p.feature.as_deref() != Some("county")),
        "{:?}",
        d.places
    );
    let d = run("Smith said Zzyzx and Sarpy counties agreed.");
    assert!(found_in(&d, "Sarpy").is_none(), "{:?}", d.places);
}

#[test]
fn a_joined_particle_spells_the_same_place() {
    // GeoNames writes `De Soto Parish`; Louisiana papers write `DeSoto Parish`. The parish names
    // Louisiana, whose Mansfield (5,000 people) it is, not Mansfield, Texas.
    let d = run("Mansfield police and DeSoto Parish deputies met on Monday.");
    let parish = found_in(&d, "DeSoto Parish").expect("parish found");
    assert_eq!(parish.feature.as_deref(), Some("county"), "{parish:?}");
    let town = found_in(&d, "Mansfield").expect("town found");
    assert!(near(town, 32.04, -93.70), "{town:?}");
}

#[test]
fn a_transliteration_apostrophe_may_be_left_out() {
    // GeoNames writes `Ts’khinvali`; English news writes `Tskhinvali`.
    let d = run("Shelling was reported in Tskhinvali on Friday.");
    let p = found_in(&d, "Tskhinvali").expect("Tskhinvali found");
    assert_eq!(p.country.as_deref(), Some("GE"), "{p:?}");
}

#[test]
fn hand_entered_regions_of_the_news() {
    let d = run("Troops moved from South Ossetia into the Caucasus, and storms hit New England.");
    for name in ["South Ossetia", "Caucasus", "New England"] {
        let p = found_in(&d, name).unwrap_or_else(|| panic!("{name} not found in {:?}", d.places));
        assert_eq!(p.feature.as_deref(), Some("region"), "{p:?}");
    }
}

#[test]
fn a_direction_before_a_state_or_country_is_no_part_of_its_name() {
    let d = run("Storms hit North Texas and Eastern China, and aid reached West Africa. Downtown Cleveland was quiet.");
    let got: Vec<&str> = d.places.iter().map(|p| d.slice(p.span)).collect();
    assert_eq!(got, ["Texas", "China", "West Africa", "Cleveland"], "{:?}", d.places);
    // A name that includes its direction is the gazetteer's own.
    let d = run("Officials in West Virginia and South Africa agreed.");
    let got: Vec<&str> = d.places.iter().map(|p| d.slice(p.span)).collect();
    assert_eq!(got, ["West Virginia", "South Africa"], "{:?}", d.places);
}

#[test]
fn a_district_that_goes_on_into_an_organization_is_not_the_place() {
    let d = run("The Woodstock District Chamber of Commerce met in Ontario.");
    assert!(found_in(&d, "Woodstock").is_some(), "{:?}", d.places);
    assert!(found_in(&d, "Woodstock District").is_none(), "{:?}", d.places);
}

#[test]
fn each_name_of_a_list_of_streets_is_a_street() {
    let d = run("A water main broke at Lakeview and Harrison streets in Alexandria, La., on Monday.");
    for name in ["Lakeview", "Harrison"] {
        let p = found_in(&d, name).unwrap_or_else(|| panic!("{name} not found in {:?}", d.places));
        assert_eq!(p.feature.as_deref(), Some("street"), "{p:?}");
        assert_eq!(p.country.as_deref(), Some("US"), "{p:?}");
    }
    // Numbered streets and a business's name are no list of places.
    let d = run("Crews worked at Fourth and Seventh streets in Alexandria, La. Galaxy Lanes was shut.");
    assert!(
        found_in(&d, "Fourth").is_none() && found_in(&d, "Seventh").is_none(),
        "{:?}",
        d.places
    );
    assert!(found_in(&d, "Galaxy").is_none(), "{:?}", d.places);
}

#[test]
fn a_valley_or_bay_named_after_a_place_takes_its_word_and_its_point() {
    let d = run("Flooding closed roads across the Las Vegas Valley, and crabs left Delaware Bay.");
    let valley = found_in(&d, "Las Vegas Valley").unwrap_or_else(|| panic!("{:?}", d.places));
    assert_eq!(
        (valley.feature.as_deref(), valley.geonameid, valley.country.as_deref()),
        (Some("area"), None, Some("US"))
    );
    assert!(near(valley, 36.17, -115.14), "{valley:?}");
    assert!(found_in(&d, "Delaware Bay").is_some(), "{:?}", d.places);
}

#[test]
fn a_county_road_is_the_countys() {
    let d = run("The crash happened on Otter Tail County Road 1 near Fergus Falls, Minn.");
    let p = found_in(&d, "Otter Tail County").unwrap_or_else(|| panic!("{:?}", d.places));
    assert_eq!(p.feature.as_deref(), Some("county"), "{p:?}");
    assert!(
        d.places.iter().all(|p| p.feature.as_deref() != Some("street")),
        "{:?}",
        d.places
    );
}

/// `run` with the tagger's XPOS set by hand: `tags` maps a token's text to its tag, every other
/// capitalized token is `NNP`, the rest `NN`.
fn run_tagged(text: &str, tags: &[(&str, &'static str)]) -> Document {
    let mut d = doc(text);
    for i in 0..d.tokens.len() {
        let w = d.slice(d.tokens[i].span).to_string();
        let tag = tags.iter().find(|(t, _)| *t == w).map(|(_, x)| *x);
        d.tokens[i].xpos = Some(tag.unwrap_or(if w.starts_with(char::is_uppercase) { "NNP" } else { "NN" }));
    }
    PlaceStage::new().unwrap().run(&mut d);
    d
}

#[test]
fn a_name_the_tagger_reads_as_a_common_word_is_no_place() {
    // Section, Alabama exists; `Section 2AA` in an Alabama story is a league's section.
    let text = "Along the way, the Section 2AA title went to a team from Alabama.";
    let d = run_tagged(text, &[("Along", "IN"), ("Section", "NN")]);
    assert!(
        found_in(&d, "Section").is_none() && found_in(&d, "Along").is_none(),
        "{:?}",
        d.places
    );
    assert!(found_in(&d, "Alabama").is_some(), "{:?}", d.places);
    // The state keeps its sense as an adjective.
    let d = run_tagged("Kentucky coal miners met in Frankfort.", &[("Kentucky", "JJ")]);
    assert!(found_in(&d, "Kentucky").is_some(), "{:?}", d.places);
    // A leader's name before `administration` is no town.
    let d = run("The Obama administration sent envoys to Tokyo.");
    assert!(found_in(&d, "Obama").is_none(), "{:?}", d.places);
}

#[test]
fn a_legislators_town_after_the_party_initial_is_a_place() {
    let d = run("Rep. Torrey Westrom, R-Elbow Lake, spoke in St. Paul, Minn., on Monday.");
    let p = found_in(&d, "Elbow Lake").unwrap_or_else(|| panic!("{:?}", d.places));
    assert_eq!(p.country.as_deref(), Some("US"), "{p:?}");
    let d = run("Sen. Bob Casey, D-Pa., called for hearings.");
    assert_eq!(
        found_in(&d, "Pa.").map(|p| p.name.as_str()),
        Some("Pennsylvania"),
        "{:?}",
        d.places
    );
    // Postal codes still count only after `Town, `.
    let d = run("Representative Henry Waxman (D-CA) asked for hearings.");
    assert!(found_in(&d, "CA").is_none(), "{:?}", d.places);
}

#[test]
fn a_place_name_of_several_words_ner_calls_a_person_is_the_place() {
    let text = "Santa Clara police reopened the case on Monday.";
    let got = places_with_entities(text, &[("Santa Clara", EntityKind::Person)]);
    assert_eq!(got, ["Santa Clara"]);
}

#[test]
fn a_dateline_dash_read_as_latin_1_still_ends_a_dateline() {
    let d = run("Trustees meet. CINCINNATI \u{97} The school's trustees are expected to vote.");
    assert_eq!(
        found_in(&d, "CINCINNATI").map(|p| p.name.as_str()),
        Some("Cincinnati"),
        "{:?}",
        d.places
    );
}

#[test]
fn a_dotted_abbreviation_keeps_its_last_dot_before_a_full_stop() {
    // As the pipeline's tokenizer splits it: `D.C` and two full stops.
    let text = "He will ride from Norman to D.C.. He leaves on Monday.";
    let mut d = doc(text);
    let mut tokens = Vec::new();
    let mut at = 0;
    for w in [
        "He", "will", "ride", "from", "Norman", "to", "D.C", ".", ".", "He", "leaves", "on", "Monday", ".",
    ] {
        let start = at + text[at..].find(w).unwrap();
        at = start + w.len();
        tokens.push(chronicle_doc::Token::new(Span::new(start, at)));
    }
    d.tokens = tokens;
    d.sentences.clear();
    PlaceStage::new().unwrap().run(&mut d);
    assert!(found_in(&d, "D.C.").is_some(), "{:?}", d.places);
}

#[test]
fn small_towns_of_one_state_vouch_for_each_other() {
    // Sharon, Canaan and Falls Village are small towns of Connecticut (each name also elsewhere).
    let text = "Taxes will rise in Sharon, Canaan and Falls Village next year.";
    let ents = [
        ("Sharon", EntityKind::Place),
        ("Canaan", EntityKind::Place),
        ("Falls Village", EntityKind::Place),
    ];
    let got = places_with_entities(text, &ents);
    assert_eq!(got, ["Sharon", "Canaan", "Falls Village"]);
    // Without NER's place reading the capitalized names vouch for nothing.
    let d = run(text);
    assert!(found_in(&d, "Falls Village").is_none(), "{:?}", d.places);
}

#[test]
fn a_town_opening_its_courts_or_jails_name_is_the_town() {
    let d = run("She was due in Bridgeport Superior Court today.");
    assert_eq!(
        found_in(&d, "Bridgeport").and_then(|p| p.country.as_deref()),
        Some("US"),
        "{:?}",
        d.places
    );
}
