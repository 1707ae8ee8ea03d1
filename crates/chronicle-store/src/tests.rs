//! Store tests on hand-built documents.

use chronicle_doc::{Document, Mode, Span};

use crate::testutil::{add_event, add_place, add_quote, date, doc, Ev};
use crate::*;

fn a1() -> Document {
    let mut d = doc(
        "a1",
        "2022-01-10",
        Some("BNR"),
        Some("Biden and Putin meet in Geneva"),
        "Joe Biden met Vladimir Putin in Geneva. Biden warned Moscow about sanctions against Russia. \
         \"Sanctions will hurt everyone\", said the Russian leader.",
    );
    add_place(&mut d, "Geneva", "CH");
    let mut meet = Ev::new(("Joe Biden", "USAGOV"), "036", ("Vladimir Putin", "RUSGOV"), "met");
    meet.place = Some("Geneva");
    add_event(&mut d, meet);
    add_event(
        &mut d,
        Ev::new(("Biden", "USAGOV"), "138", ("Moscow", "RUSGOV"), "warned"),
    );
    add_quote(
        &mut d,
        "Sanctions will hurt everyone",
        "the Russian leader",
        "RUSGOV",
        "Vladimir Putin",
    );
    d
}

fn a2() -> Document {
    let mut d = doc(
        "a2",
        "2022-01-10",
        Some("AFP"),
        None,
        "US President Joe Biden met Russian leader Vladimir Putin in Geneva on Monday. Russia rejected NATO demands.",
    );
    add_place(&mut d, "Geneva", "CH");
    let mut meet = Ev::new(("Joe Biden", "USAGOV"), "036", ("Vladimir Putin", "RUSGOV"), "met");
    meet.place = Some("Geneva");
    add_event(&mut d, meet);
    let mut reject = Ev::new(("Russia", "RUSGOV"), "125", ("NATO", "IGONAT"), "rejected");
    reject.mode = Mode::Reported;
    add_event(&mut d, reject);
    d
}

fn a3() -> Document {
    let mut d = doc(
        "a3",
        "2022-02-24",
        Some("BNR"),
        Some("Zürich desk"),
        "Zürich – Desk report. Russian troops attacked Kyiv. Ukraine condemned the attack on Kyiv.",
    );
    add_event(
        &mut d,
        Ev::new(("Russian troops", "RUSMIL"), "190", ("Kyiv", "UKR"), "attacked"),
    );
    add_event(
        &mut d,
        Ev::new(("Ukraine", "UKRGOV"), "111", ("Russian troops", "RUSMIL"), "condemned"),
    );
    d
}

fn stored(docs: Vec<Document>) -> Vec<StoredDoc> {
    docs.into_iter().map(StoredDoc::new).collect()
}

fn fixture() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let counts = store.ingest_batch(&stored(vec![a1(), a2(), a3()])).unwrap();
    assert_eq!((counts.new, counts.skipped, counts.rejected), (3, 0, 0), "{counts:?}");
    store
}

fn by_code<'a>(rows: &'a [EventRow], code: &str) -> &'a EventRow {
    rows.iter()
        .find(|r| r.cameo == code)
        .unwrap_or_else(|| panic!("no event {code}"))
}

#[test]
fn ingest_is_idempotent_and_replaces_changed_text() {
    let mut store = fixture();
    let again = store.ingest_batch(&stored(vec![a1(), a2(), a3()])).unwrap();
    assert_eq!((again.new, again.replaced, again.skipped), (0, 0, 3));
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events, stats.mentions), (3, 5, 6));

    let all = store.events(&EventFilter::default()).unwrap();
    let meet = by_code(&all, "036");
    assert_eq!((meet.num_mentions, meet.num_articles, meet.num_sources), (2, 2, 2));
    assert_eq!(meet.doc_id, "a1", "evidence from the first article");
    assert_eq!(meet.avg_tone, Some(-2.0));

    // a2 changes: the meeting is gone from it.
    let mut changed = doc(
        "a2",
        "2022-01-10",
        Some("AFP"),
        None,
        "Joe Biden phoned Vladimir Putin.",
    );
    add_event(
        &mut changed,
        Ev::new(("Joe Biden", "USAGOV"), "040", ("Vladimir Putin", "RUSGOV"), "phoned"),
    );
    let counts = store.ingest_batch(&stored(vec![changed])).unwrap();
    assert_eq!(
        (counts.replaced, counts.replaced_ids.clone()),
        (1, vec!["a2".to_string()])
    );
    let all = store.events(&EventFilter::default()).unwrap();
    let meet = by_code(&all, "036");
    assert_eq!((meet.num_mentions, meet.num_articles, meet.num_sources), (1, 1, 1));
    assert!(all.iter().all(|r| r.cameo != "125"), "a2's old event is gone");
    assert_eq!(by_code(&all, "040").doc_id, "a2");

    // a1 changes to a text without events: its events disappear.
    let empty = doc("a1", "2022-01-10", Some("BNR"), None, "Nothing happened.");
    store.ingest_batch(&stored(vec![empty])).unwrap();
    let all = store.events(&EventFilter::default()).unwrap();
    assert!(all.iter().all(|r| r.cameo != "036" && r.cameo != "138"));
    assert_eq!(store.stats().unwrap().quotes, 0);
    assert!(store
        .search(&SearchFilter {
            query: "Geneva".into(),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
}

/// Ingest writes the full-text indexes itself (schema v3, no triggers): after inserts and
/// replacements they hold exactly the stored rows, by FTS5's own check against the tables.
#[test]
fn full_text_indexes_follow_inserts_and_replacements() {
    let mut store = fixture();
    let triggers: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(triggers, 0);
    check_full_text(&store);
    let search = |store: &Store, q: &str| {
        store
            .search(&SearchFilter {
                query: q.into(),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.doc_id)
            .collect::<Vec<_>>()
    };
    assert_eq!(search(&store, "Geneva"), ["a1", "a2"]);
    assert_eq!(quotes_about(&store, "everyone"), 1);

    // a1 gets a new title, text and quote; a2 and a3 stay.
    let mut batch = stored(vec![a2(), a1_changed(), a3()]);
    batch.push(StoredDoc::new(doc(
        "a4",
        "2022-03-01",
        None,
        None,
        "Vienna hosted a summit.",
    )));
    let counts = store.ingest_batch(&batch).unwrap();
    assert_eq!((counts.new, counts.replaced, counts.skipped), (1, 1, 2));
    check_full_text(&store);
    assert_eq!(
        search(&store, "Geneva"),
        ["a2"],
        "the old text of a1 is out of the index"
    );
    assert_eq!(found(&store, "Vienna"), ["a1", "a4"]);
    assert_eq!(quotes_about(&store, "everyone"), 0, "the old quote is out of the index");
    assert_eq!(quotes_about(&store, "talk"), 1);
    let speaker = store
        .quotes(&QuoteFilter {
            speaker: Some("Putin".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(speaker.len(), 1);
    assert_eq!(speaker[0].text, "We will talk again");
}

/// FTS5's own check of both full-text indexes against their content tables: a row missing
/// from an index, or indexed twice, fails it.
fn check_full_text(store: &Store) {
    for table in ["documents_fts", "quotes_fts"] {
        store
            .connection()
            .execute_batch(&format!(
                "INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
            ))
            .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
}

fn found(store: &Store, q: &str) -> Vec<String> {
    let mut ids: Vec<String> = store
        .search(&SearchFilter {
            query: q.into(),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|r| r.doc_id)
        .collect();
    ids.sort();
    ids
}

fn quotes_about(store: &Store, q: &str) -> usize {
    store
        .quotes(&QuoteFilter {
            about: Some(q.into()),
            ..Default::default()
        })
        .unwrap()
        .len()
}

fn backlog_rows(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM fts_backlog", [], |r| r.get(0))
        .unwrap()
}

/// How many of the secondary indexes a bulk load may defer are missing from the store.
fn missing_indexes(path: &std::path::Path) -> usize {
    let conn = rusqlite::Connection::open(path).unwrap();
    crate::schema::missing_indexes(&conn).unwrap().len()
}

/// a1 with a new title, text and quote.
fn a1_changed() -> Document {
    let mut changed = doc(
        "a1",
        "2022-01-10",
        Some("BNR"),
        Some("Talks in Vienna"),
        "Diplomats met in Vienna. \"We will talk again\", said Vladimir Putin.",
    );
    add_quote(
        &mut changed,
        "We will talk again",
        "Vladimir Putin",
        "RUSGOV",
        "Vladimir Putin",
    );
    changed
}

/// A bulk load that never finishes (the process dies): its documents are stored but not yet
/// searchable, and the next open of the store indexes them, the replaced version's entries
/// gone.
#[test]
fn an_unfinished_bulk_load_is_indexed_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chronicle.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.ingest_batch(&stored(vec![a1()])).unwrap();
        store.begin_bulk();
        // Replaces the indexed a1 and adds two documents, none indexed yet.
        let counts = store.ingest_batch(&stored(vec![a2(), a1_changed()])).unwrap();
        assert_eq!((counts.new, counts.replaced), (1, 1));
        store.ingest_batch(&stored(vec![a3()])).unwrap();
        assert!(
            found(&store, "Geneva").is_empty(),
            "a1's old text is out, a2 not in yet"
        );
        assert!(found(&store, "Vienna").is_empty());
        assert_eq!(quotes_about(&store, "everyone"), 0);
        // (FTS5's integrity check would fail here: it compares the index with all stored
        // rows, and the load's rows are not in it yet.)
        // Dropped without finish_bulk: what a kill leaves.
    }
    assert_eq!(backlog_rows(&path), 1);
    assert_eq!(
        missing_indexes(&path),
        crate::schema::DEFERRABLE_INDEXES.len(),
        "a small store's bulk load builds its secondary indexes at the end"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(backlog_rows(&path), 0);
    assert_eq!(missing_indexes(&path), 0, "the next open builds them");
    check_full_text(&store);
    assert_eq!(found(&store, "Geneva"), ["a2"]);
    assert_eq!(found(&store, "Vienna"), ["a1"]);
    assert_eq!(found(&store, "Kyiv"), ["a3"]);
    assert_eq!(quotes_about(&store, "everyone"), 0);
    assert_eq!(quotes_about(&store, "talk"), 1);
}

/// Within one bulk load a document may be replaced again (its unindexed version leaves
/// nothing in the index to delete), and another process opening the store meanwhile indexes
/// what is there: the load's next batch starts a new backlog, and nothing is indexed twice.
#[test]
fn a_bulk_load_survives_replacements_and_a_concurrent_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chronicle.db");
    let mut store = Store::open(&path).unwrap();
    store.begin_bulk();
    store.ingest_batch(&stored(vec![a1()])).unwrap();
    store.ingest_batch(&stored(vec![a1_changed(), a2()])).unwrap();
    {
        let reader = Store::open(&path).unwrap();
        check_full_text(&reader);
        assert_eq!(found(&reader, "Geneva"), ["a2"]);
        assert_eq!(found(&reader, "Vienna"), ["a1"]);
    }
    assert_eq!(backlog_rows(&path), 0);
    store.ingest_batch(&stored(vec![a3()])).unwrap();
    assert_eq!(backlog_rows(&path), 1, "the load's next batch starts a new backlog");
    assert_eq!(
        missing_indexes(&path),
        0,
        "the reader built the indexes; the load keeps them"
    );
    assert!(found(&store, "Kyiv").is_empty());
    assert_eq!(store.finish_bulk().unwrap(), 1);
    assert_eq!(backlog_rows(&path), 0);
    check_full_text(&store);
    assert_eq!(found(&store, "Geneva"), ["a2"]);
    assert_eq!(found(&store, "Vienna"), ["a1"]);
    assert_eq!(found(&store, "Kyiv"), ["a3"]);
    assert_eq!(quotes_about(&store, "talk"), 1);
    assert_eq!(quotes_about(&store, "everyone"), 0);
    // After the load, ingest indexes at once again.
    let mut a4 = a3();
    a4.meta.id = "a4".into();
    store.ingest_batch(&stored(vec![a4])).unwrap();
    assert_eq!(found(&store, "Kyiv"), ["a3", "a4"]);
    check_full_text(&store);
}

/// A bulk load into a store with many events keeps its secondary indexes up to date as it
/// goes; into a small one it drops them at its first batch and builds them at its end, with
/// the same query results either way.
#[test]
fn a_bulk_load_defers_the_secondary_indexes_of_a_small_store_only() {
    let dir = tempfile::tempdir().unwrap();
    let events = |store: &Store| {
        let mut rows: Vec<_> = store
            .events(&EventFilter {
                actor: Some("RUS".into()),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|e| {
                (
                    e.date,
                    e.source_actor,
                    e.target_actor,
                    e.cameo,
                    e.num_mentions,
                    e.num_articles,
                )
            })
            .collect();
        rows.sort();
        rows
    };
    let mut seen = Vec::new();
    for (name, below, deferred) in [("small", i64::MAX, true), ("large", 1, false)] {
        let path = dir.path().join(format!("{name}.db"));
        let mut store = Store::open(&path).unwrap();
        store.ingest_batch(&stored(vec![a1()])).unwrap();
        store.defer_indexes_below = below;
        store.begin_bulk();
        store.ingest_batch(&stored(vec![a2()])).unwrap();
        let missing = if deferred {
            crate::schema::DEFERRABLE_INDEXES.len()
        } else {
            0
        };
        assert_eq!(missing_indexes(&path), missing, "{name}");
        store.ingest_batch(&stored(vec![a3(), a1_changed()])).unwrap();
        assert_eq!(missing_indexes(&path), missing, "{name}");
        store.finish_bulk().unwrap();
        assert_eq!(missing_indexes(&path), 0, "{name}");
        check_full_text(&store);
        seen.push(events(&store));
    }
    assert!(!seen[0].is_empty());
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn merges_repeated_events_within_an_article_once() {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = doc("x", "2022-01-10", None, None, "A met B. Later A met B again.");
    add_event(&mut d, Ev::new(("A", "USA"), "036", ("B", "RUS"), "met"));
    add_event(&mut d, Ev::new(("A", "USA"), "036", ("B", "RUS"), "again"));
    store.ingest_batch(&stored(vec![d])).unwrap();
    let rows = store.events(&EventFilter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].num_mentions, rows[0].num_articles, rows[0].num_sources),
        (2, 1, 1)
    );
}

#[test]
fn disposition_before_coding() {
    let store = fixture();
    let same = text_hash(a1().text());
    assert_eq!(store.disposition("a1", &same).unwrap(), Disposition::Same);
    assert_eq!(
        store.disposition("a1", &text_hash("other")).unwrap(),
        Disposition::Changed
    );
    assert_eq!(store.disposition("zz", &same).unwrap(), Disposition::New);
}

#[test]
fn rejects_documents_with_bad_spans_and_keeps_the_rest() {
    let mut store = Store::open_in_memory().unwrap();
    let mut bad = doc("bad", "2022-01-10", None, None, "Zürich.");
    bad.places.push(chronicle_doc::Place {
        span: Span::new(1, 2), // inside ü
        name: "Zürich".into(),
        country: None,
        lat: None,
        lon: None,
        feature: None,
        geonameid: None,
    });
    let counts = store.ingest_batch(&stored(vec![bad, a3()])).unwrap();
    assert_eq!((counts.new, counts.rejected), (1, 1));
    assert_eq!(counts.rejects[0].id, "bad");
    assert!(
        counts.rejects[0].reason.contains("place span"),
        "{}",
        counts.rejects[0].reason
    );
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn offsets_are_code_points() {
    let store = fixture();
    let rows = store
        .events(&EventFilter {
            actor: Some("RUSMIL".into()),
            code: Some("19".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    let text = a3().text().to_string();
    assert_eq!(rows[0].evidence, "Russian troops attacked Kyiv.");
    let chars: Vec<char> = text.chars().collect();
    let cut: String = chars[rows[0].evidence_start as usize..rows[0].evidence_end as usize]
        .iter()
        .collect();
    assert_eq!(cut, rows[0].evidence);
    assert_eq!(rows[0].evidence_start, 22, "Zürich – is 9 code points, 12 bytes");
}

#[test]
fn search_with_near_snippet_and_filters() {
    let store = fixture();
    let hits = store
        .search(&SearchFilter {
            query: "sanctions NEAR Russia".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].doc_id, "a1");
    assert!(hits[0].snippet.contains("[sanctions]"), "{}", hits[0].snippet);
    let geneva = store
        .search(&SearchFilter {
            query: "Geneva".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(geneva.len(), 2);
    assert_eq!(geneva[0].doc_id, "a1", "title match ranks first");
    let afp = store
        .search(&SearchFilter {
            query: "Geneva".into(),
            source: Some("AFP".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(afp.len(), 1);
    let later = store
        .search(&SearchFilter {
            query: "Russian".into(),
            since: Some(date("2022-02-01")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(later.iter().map(|h| h.doc_id.as_str()).collect::<Vec<_>>(), ["a3"]);
    let err = store
        .search(&SearchFilter {
            query: "\"unbalanced".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert!(matches!(err, Error::InvalidQuery(_)), "{err}");
}

/// The relevance window (the most recently stored matches, counted after the filters), the
/// unbounded ranking and the date order.
#[test]
fn search_orders_and_the_relevance_window() {
    let store = fixture();
    let ids = |f: SearchFilter| -> Vec<String> { store.search(&f).unwrap().into_iter().map(|h| h.doc_id).collect() };
    let geneva = |rank, window| SearchFilter {
        query: "Geneva".into(),
        rank,
        window,
        ..Default::default()
    };
    // a1 has Geneva in its title and ranks first when it is in the window; a2 was stored
    // after a1, so a window of one holds a2 alone.
    assert_eq!(ids(geneva(SearchRank::Relevance, None)), ["a1", "a2"]);
    assert_eq!(ids(geneva(SearchRank::Relevance, Some(2))), ["a1", "a2"]);
    assert_eq!(ids(geneva(SearchRank::Relevance, Some(1))), ["a2"]);
    assert_eq!(
        ids(geneva(SearchRank::Relevance, Some(0))),
        ["a1", "a2"],
        "0: every match"
    );
    assert_eq!(
        ids(geneva(SearchRank::All, Some(1))),
        ["a1", "a2"],
        "all ignores the window"
    );
    // The window counts the matches that pass the filters: the newest BNR match is a1.
    let bnr = ids(SearchFilter {
        source: Some("BNR".into()),
        ..geneva(SearchRank::Relevance, Some(1))
    });
    assert_eq!(bnr, ["a1"]);
    // Scores: the window's are bm25's as `all` computes them.
    let all = store.search(&geneva(SearchRank::All, None)).unwrap();
    let windowed = store.search(&geneva(SearchRank::Relevance, Some(1))).unwrap();
    assert_eq!(windowed[0].rank, all[1].rank);
    assert!(all[0].rank < all[1].rank);
    // Date order: newest article first, same day the most recently stored first; not scored.
    let by_date = store
        .search(&SearchFilter {
            query: "Russian".into(),
            rank: SearchRank::Date,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        by_date.iter().map(|h| h.doc_id.as_str()).collect::<Vec<_>>(),
        ["a3", "a2", "a1"]
    );
    assert!(by_date.iter().all(|h| h.rank == 0.0 && h.snippet.contains('[')));
    let limited = ids(SearchFilter {
        query: "Russian".into(),
        rank: SearchRank::Date,
        until: Some(date("2022-01-31")),
        limit: Some(1),
        ..Default::default()
    });
    assert_eq!(limited, ["a2"]);
    assert_eq!("date".parse::<SearchRank>().unwrap(), SearchRank::Date);
    assert!("best".parse::<SearchRank>().is_err());
}

/// The date order's walk down the day index (used above a few thousand matches) gives what
/// the plain sort gives, with date and source filters and limits.
#[test]
fn the_date_walk_matches_the_plain_sort() {
    let mut store = Store::open_in_memory().unwrap();
    let mut synth = synth::Synth::new(5, vec!["Oil talks. Trade talks went on.".into()]);
    let docs: Vec<StoredDoc> = (0..300)
        .map(|i| StoredDoc::new(synth.document(format!("d{i}"))))
        .collect();
    store.ingest_batch(&docs).unwrap();
    let sources: Vec<Option<String>> = store
        .connection()
        .prepare("SELECT DISTINCT source FROM documents LIMIT 2")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for limit in [Some(1), Some(17), Some(400), None] {
        for (since, until) in [(None, None), (Some(date("2017-03-01")), Some(date("2021-06-30")))] {
            for source in [None, sources[0].clone()] {
                let f = SearchFilter {
                    query: "talks".into(),
                    rank: SearchRank::Date,
                    limit,
                    since,
                    until,
                    source,
                    ..Default::default()
                };
                let walk = store.search_with(&f, 0).unwrap();
                let sort = store.search_with(&f, usize::MAX).unwrap();
                assert_eq!(walk, sort, "{f:?}");
                assert!(!sort.is_empty());
            }
        }
    }
}

/// A window on a larger store: the results are exactly the best of the newest `window`
/// matches, as a plain computation over every match's score and key finds them.
#[test]
fn the_relevance_window_is_the_best_of_the_newest_matches() {
    let mut store = Store::open_in_memory().unwrap();
    let mut synth = synth::Synth::new(11, vec!["Talks on trade and oil went on.".into()]);
    let docs: Vec<StoredDoc> = (0..120)
        .map(|i| StoredDoc::new(synth.document(format!("w{i}"))))
        .collect();
    store.ingest_batch(&docs).unwrap();
    let all = store
        .search(&SearchFilter {
            query: "oil".into(),
            rank: SearchRank::All,
            limit: None,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 120);
    let key = |id: &str| -> i64 {
        store
            .connection()
            .query_row("SELECT doc_key FROM documents WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    for window in [1, 7, 50, 119, 120, 500] {
        let mut newest: Vec<(f64, i64, String)> =
            all.iter().map(|h| (h.rank, key(&h.doc_id), h.doc_id.clone())).collect();
        newest.sort_by_key(|t| std::cmp::Reverse(t.1));
        newest.truncate(window);
        newest.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let expected: Vec<String> = newest.into_iter().take(10).map(|t| t.2).collect();
        let got: Vec<String> = store
            .search(&SearchFilter {
                query: "oil".into(),
                window: Some(window),
                limit: Some(10),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|h| h.doc_id)
            .collect();
        assert_eq!(got, expected, "window {window}");
    }
}

#[test]
fn event_filters() {
    let store = fixture();
    let count = |f: EventFilter| store.events(&f).unwrap().len();
    assert_eq!(count(EventFilter::default()), 5);
    assert_eq!(
        count(EventFilter {
            actor: Some("USA".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("RUS".into()),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        count(EventFilter {
            dyad: Some("RUS:USA".parse().unwrap()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            code: Some("13".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            root: Some("19".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            quad: Some(3),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(EventFilter {
            since: Some(date("2022-02-01")),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            until: Some(date("2022-01-10")),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        count(EventFilter {
            place: Some("CH".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            mode: Some("reported".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        count(EventFilter {
            source: Some("AFP".into()),
            ..Default::default()
        }),
        2
    );
    let newest = store
        .events(&EventFilter {
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(newest[0].date, "2022-02-24");
    // With a source filter the evidence comes from an article of that source.
    let afp = store
        .events(&EventFilter {
            source: Some("AFP".into()),
            code: Some("036".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(afp[0].doc_id, "a2");
    assert_eq!(afp[0].country.as_deref(), Some("CH"));
    assert!(store
        .events(&EventFilter {
            mode: Some("maybe".into()),
            ..Default::default()
        })
        .is_err());
    assert!("USA".parse::<Dyad>().is_err());
}

#[test]
fn timeline_by_month_and_week_both_directions() {
    let store = fixture();
    let filter = EventFilter {
        dyad: Some("USA:RUS".parse().unwrap()),
        ..Default::default()
    };
    let rows = store.timeline(&filter, Period::Month).unwrap();
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!((r.period.as_str(), r.direction.as_str()), ("2022-01", "USA>RUS"));
    assert_eq!((r.events, r.quad1, r.quad3), (2, 1, 1));
    assert!((r.goldstein_sum - -2.0).abs() < 1e-9 && (r.goldstein_mean - -1.0).abs() < 1e-9);
    let rus_ukr = EventFilter {
        dyad: Some("UKR:RUS".parse().unwrap()),
        ..Default::default()
    };
    let rows = store.timeline(&rus_ukr, Period::Week).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].period, "2022-W08");
    let directions: Vec<_> = rows.iter().map(|r| r.direction.as_str()).collect();
    assert_eq!(directions, ["UKR>RUS", "RUS>UKR"]);
    let days = store.timeline(&EventFilter::default(), Period::Day).unwrap();
    assert_eq!(days.iter().map(|r| r.events).sum::<i64>(), 5);
}

#[test]
fn actor_report() {
    let store = fixture();
    let report = store.actor("RUSGOV", 10).unwrap();
    assert_eq!((report.as_source, report.as_target), (1, 2));
    assert_eq!(report.partners[0].partner, "USAGOV");
    assert_eq!(report.partners[0].as_target, 2);
    assert_eq!(
        report.mix.iter().map(|m| m.root.as_str()).collect::<Vec<_>>(),
        ["03", "12", "13"]
    );
    assert_eq!(report.quotes.len(), 1);
    assert_eq!(report.over_time.len(), 1);
    assert_eq!(report.over_time[0].period, "2022-01");
}

#[test]
fn quotes_by_speaker_and_topic() {
    let store = fixture();
    let q = |f: QuoteFilter| store.quotes(&f).unwrap();
    let putin = q(QuoteFilter {
        speaker: Some("Putin".into()),
        ..Default::default()
    });
    assert_eq!(putin.len(), 1);
    assert_eq!(putin[0].text, "Sanctions will hurt everyone");
    assert_eq!(putin[0].speaker_actor.as_deref(), Some("RUSGOV"));
    assert_eq!(
        q(QuoteFilter {
            about: Some("sanction".into()),
            ..Default::default()
        })
        .len(),
        1
    );
    assert_eq!(
        q(QuoteFilter {
            about: Some("ceasefire".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(
        q(QuoteFilter {
            speaker: Some("Biden".into()),
            ..Default::default()
        })
        .len(),
        0
    );
    assert_eq!(q(QuoteFilter::default()).len(), 1);
}

#[test]
fn quotes_about_a_topic_keep_to_the_source_asked_for() {
    // The quote query joins the documents table in its first step only for a source filter;
    // the topic alone and the topic with a source must each give the rows they name.
    let store = fixture();
    let about = |source: Option<&str>| {
        store
            .quotes(&QuoteFilter {
                about: Some("sanctions".into()),
                source: source.map(Into::into),
                ..Default::default()
            })
            .unwrap()
    };
    let any = about(None);
    assert_eq!(any.len(), 1);
    assert_eq!(any[0].doc_id, "a1");
    assert_eq!(about(Some("BNR")).len(), 1, "a1 is a BNR article");
    assert!(
        about(Some("AFP")).is_empty(),
        "no AFP article quotes anyone on sanctions"
    );
}

#[test]
fn export_gdelt() {
    let store = fixture();
    let mut out = Vec::new();
    let n = store
        .export(ExportFormat::Gdelt, &EventFilter::default(), &mut out)
        .unwrap();
    assert_eq!(n, 5);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|f| f.len() == 61));
    let col = |name: &str| export::gdelt::COLUMNS.iter().position(|c| *c == name).unwrap();
    let meet = lines.iter().find(|f| f[col("EventCode")] == "036").unwrap();
    assert_eq!(meet[col("Day")], "20220110");
    assert_eq!(meet[col("MonthYear")], "202201");
    assert_eq!(meet[col("Actor1Code")], "USAGOV");
    assert_eq!(meet[col("Actor1Name")], "JOE BIDEN");
    assert_eq!(meet[col("Actor1CountryCode")], "USA");
    assert_eq!(meet[col("Actor1Type1Code")], "GOV");
    assert_eq!(meet[col("EventRootCode")], "03");
    assert_eq!(meet[col("EventBaseCode")], "036");
    assert_eq!(meet[col("QuadClass")], "1");
    assert_eq!(meet[col("NumArticles")], "2");
    assert_eq!(meet[col("NumSources")], "2");
    assert_eq!(meet[col("IsRootEvent")], "1");
    assert_eq!(meet[col("ActionGeo_FullName")], "Geneva");
    assert_eq!(meet[col("ActionGeo_CountryCode")], "CH");
    assert_eq!(meet[col("ActionGeo_Type")], "4");
    assert_eq!(meet[col("SOURCEURL")], "https://news.example/a1");
    assert_eq!(meet[col("DATEADDED")].len(), 14);
    let nato = lines.iter().find(|f| f[col("EventCode")] == "125").unwrap();
    assert_eq!(nato[col("Actor2KnownGroupCode")], "NAT");
}

#[test]
fn export_plover_and_jsonl() {
    let store = fixture();
    let mut out = Vec::new();
    let filter = EventFilter {
        actor: Some("USA".into()),
        ..Default::default()
    };
    assert_eq!(store.export(ExportFormat::Plover, &filter, &mut out).unwrap(), 2);
    let records: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    let sanction = records.iter().find(|r| r["cameo"] == "138").unwrap();
    assert_eq!(sanction["event_type"], "SANCTION");
    assert_eq!(sanction["source_actor"], "USAGOV");
    assert_eq!(sanction["source_country"], "USA");
    assert_eq!(sanction["mode"], "asserted");
    assert_eq!(sanction["text"], "Biden warned Moscow about sanctions against Russia.");
    assert!(sanction["id"].as_str().unwrap().starts_with("chronicle-"));

    let mut out = Vec::new();
    assert_eq!(
        store
            .export(ExportFormat::Jsonl, &EventFilter::default(), &mut out)
            .unwrap(),
        5
    );
    let rows: Vec<EventRow> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows, store.events(&EventFilter::default()).unwrap());
}

#[test]
fn export_parquet_reads_back() {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let store = fixture();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    assert_eq!(
        store
            .export_to_path(ExportFormat::Parquet, &EventFilter::default(), &path)
            .unwrap(),
        5
    );
    let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(|b| b.unwrap()).collect();
    assert_eq!(batches.iter().map(|b| b.num_rows()).sum::<usize>(), 5);
    let schema = batches[0].schema();
    assert_eq!(schema.fields().len(), export::parquet::schema().fields().len());
    let cameo = batches[0]
        .column_by_name("cameo")
        .unwrap()
        .as_any()
        .downcast_ref::<arrow_array::StringArray>()
        .unwrap();
    assert!(cameo.iter().any(|c| c == Some("036")));
}

#[test]
fn file_store_uses_wal_and_persists() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chronicle.db");
    {
        let mut store = Store::open(&path).unwrap();
        store.ingest_batch(&stored(vec![a1(), a2(), a3()])).unwrap();
        let mode: String = store
            .connection()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
    let store = Store::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(
        (stats.schema_version, stats.documents, stats.events),
        (schema::SCHEMA_VERSION, 3, 5)
    );
}

/// Every event's `first_mention` (schema v5) is its oldest mention's key.
fn check_first_mentions(store: &Store) {
    let wrong: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM events e WHERE first_mention IS NOT
                 (SELECT min(mention_key) FROM event_mentions m WHERE m.event_id = e.event_id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 0, "events whose first_mention is not their oldest mention");
}

/// The unfiltered listing reads the mention the event row names; when a replaced article
/// takes an event's first mention away, the next one is named and shown.
#[test]
fn the_first_mention_follows_replacements() {
    let mut store = fixture();
    check_first_mentions(&store);
    let meet = |store: &Store| by_code(&store.events(&EventFilter::default()).unwrap(), "036").clone();
    assert_eq!(meet(&store).doc_id, "a1");
    store.ingest_batch(&stored(vec![a1_changed()])).unwrap();
    check_first_mentions(&store);
    let now = meet(&store);
    assert_eq!((now.doc_id.as_str(), now.num_articles), ("a2", 1));
    assert!(
        now.evidence.starts_with("US President Joe Biden met"),
        "{}",
        now.evidence
    );
    // a1 back with its events: the meeting's first mention stays a2's (the older mention).
    store.ingest_batch(&stored(vec![a1()])).unwrap();
    check_first_mentions(&store);
    assert_eq!(meet(&store).doc_id, "a2");
    // A filter on the mentions (the other path) agrees where every mention matches.
    let by_source = store
        .events(&EventFilter {
            source: Some("AFP".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_code(&by_source, "036"), &meet(&store));
}

#[test]
fn synthetic_documents_ingest() {
    let mut store = Store::open_in_memory().unwrap();
    let mut synth = synth::Synth::new(7, vec!["Body text about trade.".into()]);
    let docs: Vec<StoredDoc> = (0..50)
        .map(|i| StoredDoc::new(synth.document(format!("s{i}"))))
        .collect();
    let counts = store.ingest_batch(&docs).unwrap();
    assert_eq!((counts.new, counts.rejected), (50, 0), "{:?}", counts.rejects);
    let stats = store.stats().unwrap();
    assert!(stats.events > 0 && stats.events <= stats.mentions);
    check_first_mentions(&store);
    // Replace every other document with a fresh synthetic one under the same id.
    let again: Vec<StoredDoc> = (0..50)
        .step_by(2)
        .map(|i| StoredDoc::new(synth.document(format!("s{i}"))))
        .collect();
    let counts = store.ingest_batch(&again).unwrap();
    assert_eq!(counts.replaced, 25);
    check_first_mentions(&store);
}

/// The index seeks for actors and dyads (`query/candidates.rs`) give exactly what a plain
/// scan of the prefix ranges gives, limits and other filters included.
#[test]
fn actor_and_dyad_seeks_match_a_plain_scan() {
    let mut store = Store::open_in_memory().unwrap();
    let mut synth = synth::Synth::new(11, Vec::new());
    let docs: Vec<StoredDoc> = (0..400)
        .map(|i| StoredDoc::new(synth.document(format!("s{i}"))))
        .collect();
    store.ingest_batch(&docs).unwrap();
    let scan = |cond: &str, extra: &str, limit: i64| -> Vec<i64> {
        let sql = format!(
            "SELECT event_id FROM events WHERE ({cond}) {extra} ORDER BY day DESC, event_id DESC LIMIT {limit}"
        );
        let mut stmt = store.connection().prepare(&sql).unwrap();
        let ids = stmt.query_map([], |r| r.get(0)).unwrap();
        ids.collect::<rusqlite::Result<_>>().unwrap()
    };
    let ids = |f: EventFilter| -> Vec<i64> { store.events(&f).unwrap().iter().map(|r| r.event_id).collect() };
    let prefix = |col: &str, p: &str| format!("substr({col}, 1, {}) = '{p}'", p.len());
    for (actor, limit) in [("USA", 50), ("RUSGOV", 20), ("U", 30), ("ZZZ", 10), ("CHN", 1000)] {
        let cond = format!("{} OR {}", prefix("source_actor", actor), prefix("target_actor", actor));
        let filter = EventFilter {
            actor: Some(actor.into()),
            limit: Some(limit),
            ..EventFilter::default()
        };
        assert_eq!(ids(filter.clone()), scan(&cond, "", limit as i64), "actor {actor}");
        let rooted = EventFilter {
            root: Some("04".into()),
            ..filter
        };
        assert_eq!(
            ids(rooted),
            scan(&cond, "AND root = '04'", limit as i64),
            "actor {actor} root 04"
        );
    }
    for (a, b) in [("USA", "RUS"), ("USAGOV", "CHN"), ("USA", "USA"), ("RUS", "ZZZ")] {
        let cond = format!(
            "({} AND {}) OR ({} AND {})",
            prefix("source_actor", a),
            prefix("target_actor", b),
            prefix("source_actor", b),
            prefix("target_actor", a)
        );
        let filter = EventFilter {
            dyad: Some(format!("{a}:{b}").parse().unwrap()),
            limit: Some(25),
            ..EventFilter::default()
        };
        assert_eq!(ids(filter.clone()), scan(&cond, "", 25), "dyad {a}:{b}");
        let total: i64 = store
            .timeline(&filter, Period::Month)
            .unwrap()
            .iter()
            .map(|r| r.events)
            .sum();
        assert_eq!(total as usize, scan(&cond, "", -1).len(), "timeline {a}:{b}");
    }
}

/// The actor report (read per code off the actor indexes, summed in event order) against the
/// same sums over a plain scan of every event.
#[test]
fn actor_report_matches_a_plain_scan() {
    let mut store = Store::open_in_memory().unwrap();
    let mut synth = synth::Synth::new(12, Vec::new());
    let docs: Vec<StoredDoc> = (0..400)
        .map(|i| StoredDoc::new(synth.document(format!("s{i}"))))
        .collect();
    store.ingest_batch(&docs).unwrap();
    type Row = (String, String, i64, String, u8, f64);
    let all: Vec<Row> = {
        let mut stmt = store
            .connection()
            .prepare(
                "SELECT source_actor, target_actor, day, root, quad_class, goldstein FROM events
                 ORDER BY event_id",
            )
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    };
    for actor in ["USA", "RUSGOV", "U", "ZZZ", "CHN"] {
        let report = store.actor(actor, 1000).unwrap();
        let (mut as_source, mut as_target) = (0, 0);
        let mut partners: std::collections::BTreeMap<&str, (i64, i64, i64, f64)> = Default::default();
        let mut mix: std::collections::BTreeMap<&str, (i64, f64, u8)> = Default::default();
        let mut months: std::collections::BTreeMap<i64, (i64, f64)> = Default::default();
        for (source, target, day, root, quad, g) in &all {
            for (role_source, me, partner) in [(true, source, target), (false, target, source)] {
                if !me.starts_with(actor) {
                    continue;
                }
                if role_source {
                    as_source += 1;
                } else {
                    as_target += 1;
                }
                if !partner.is_empty() {
                    let p = partners.entry(partner).or_default();
                    p.0 += 1;
                    p.1 += i64::from(role_source);
                    p.2 += i64::from(!role_source);
                    p.3 += g;
                }
                let m = mix.entry(root).or_insert((0, 0.0, *quad));
                m.0 += 1;
                m.1 += g;
                m.2 = m.2.min(*quad);
                let t = months.entry(day / 100).or_default();
                t.0 += 1;
                t.1 += g;
            }
        }
        assert_eq!((report.as_source, report.as_target), (as_source, as_target), "{actor}");
        assert_eq!(report.partners.len(), partners.len(), "{actor}");
        for p in &report.partners {
            let (n, s, t, g) = partners[p.partner.as_str()];
            assert_eq!((p.events, p.as_source, p.as_target), (n, s, t), "{actor} {}", p.partner);
            assert_eq!(
                p.goldstein_mean.to_bits(),
                (g / n as f64).to_bits(),
                "{actor} {}",
                p.partner
            );
        }
        let got: Vec<_> = report
            .mix
            .iter()
            .map(|r| (r.root.clone(), r.events, r.goldstein_mean.to_bits(), r.quad_class))
            .collect();
        let want: Vec<_> = mix
            .iter()
            .map(|(root, (n, g, q))| (root.to_string(), *n, (g / *n as f64).to_bits(), *q))
            .collect();
        assert_eq!(got, want, "{actor} mix");
        let got: Vec<_> = report
            .over_time
            .iter()
            .map(|r| (r.events, r.goldstein_mean.to_bits()))
            .collect();
        let want: Vec<_> = months.values().map(|(n, g)| (*n, (g / *n as f64).to_bits())).collect();
        assert_eq!(got, want, "{actor} over time");
    }
}
