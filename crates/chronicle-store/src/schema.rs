//! The SQLite schema and its migrations.
//!
//! The schema version lives in `PRAGMA user_version`. [`MIGRATIONS`] is an ordered list: entry
//! `i` takes the database from version `i` to `i + 1`, and each runs in its own transaction
//! together with the version bump, so a crash mid-migration leaves the previous version intact.
//! Add new migrations at the end; never edit one that has shipped.

use rusqlite::Connection;

use crate::error::{Context, Error, Result};

/// Version 1: documents with full-text search, their layers, and cross-article events.
///
/// Offsets (`*_start`, `*_end`) are Unicode code points into `documents.text`, as in the
/// record contract, so SQLite's `substr(text, start + 1, end - start)` cuts the same text.
/// `day` columns are dates as integers `YYYYMMDD` (GDELT's SQLDATE).
const V1: &str = r#"
CREATE TABLE documents (
    doc_key      INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    day          INTEGER NOT NULL,
    date_text    TEXT NOT NULL,
    source       TEXT,
    title        TEXT,
    url          TEXT,
    text         TEXT NOT NULL,
    text_hash    BLOB NOT NULL,
    tone         REAL,
    tone_positive REAL,
    tone_negative REAL,
    tone_polarity REAL,
    tone_activity REAL,
    tone_self_group REAL,
    tone_words   INTEGER,
    added        INTEGER NOT NULL          -- ingest time, YYYYMMDDHHMMSS (UTC)
);
CREATE INDEX documents_day ON documents(day);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_key', tokenize='porter unicode61'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_key, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.doc_key, old.title, old.text);
END;

CREATE TABLE entities (
    doc_key   INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    actor     TEXT,
    canonical TEXT,
    sentence  INTEGER NOT NULL
);
CREATE INDEX entities_doc ON entities(doc_key);

CREATE TABLE times (
    doc_key INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    value   TEXT NOT NULL
);
CREATE INDEX times_doc ON times(doc_key);

CREATE TABLE places (
    doc_key   INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT,
    lat       REAL,
    lon       REAL,
    feature   TEXT,
    geonameid INTEGER
);
CREATE INDEX places_doc ON places(doc_key);

CREATE TABLE quotes (
    quote_key     INTEGER PRIMARY KEY,
    doc_key       INTEGER NOT NULL,
    day           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text          TEXT NOT NULL,
    cue_start     INTEGER,
    cue_end       INTEGER,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    speaker       TEXT,                    -- canonical name, else the mention's text
    speaker_actor TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_key);
CREATE INDEX quotes_actor ON quotes(speaker_actor, day);
CREATE INDEX quotes_day ON quotes(day);

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    speaker, text, content='quotes', content_rowid='quote_key', tokenize='porter unicode61'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, speaker, text) VALUES (new.quote_key, new.speaker, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, speaker, text)
        VALUES ('delete', old.quote_key, old.speaker, old.text);
END;

-- One row per distinct (day, source actor, target actor, CAMEO code) across all articles,
-- like a row of GDELT's event table. The counters are kept by ingest: NumMentions is the sum
-- of the mentions' counts, NumArticles the distinct documents, NumSources the distinct
-- `documents.source` values (a missing source counts as one source, ''), AvgTone is
-- tone_sum / tone_n over the distinct documents that have a tone.
CREATE TABLE events (
    event_id     INTEGER PRIMARY KEY,
    day          INTEGER NOT NULL,
    source_actor TEXT NOT NULL,            -- '' when unknown
    target_actor TEXT NOT NULL,            -- '' when unknown
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    plover       TEXT,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    tone_sum     REAL NOT NULL,
    tone_n       INTEGER NOT NULL,
    added        INTEGER NOT NULL,         -- first ingest, YYYYMMDDHHMMSS (UTC)
    UNIQUE (day, source_actor, target_actor, cameo)
);
CREATE INDEX events_source ON events(source_actor, day);
CREATE INDEX events_target ON events(target_actor, day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_quad ON events(quad_class, day);

-- One row per coded event in one article (an article may report the same event twice).
CREATE TABLE event_mentions (
    mention_key    INTEGER PRIMARY KEY,
    event_id       INTEGER NOT NULL,
    doc_key        INTEGER NOT NULL,
    source_name    TEXT NOT NULL,          -- documents.source, '' when unknown
    doc_tone       REAL,
    mentions       INTEGER NOT NULL,       -- how often the article reports it
    mode           TEXT NOT NULL,
    sentence       INTEGER NOT NULL,
    source_start   INTEGER,
    source_end     INTEGER,
    source_text    TEXT,
    target_start   INTEGER,
    target_end     INTEGER,
    target_text    TEXT,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    place          TEXT,
    place_country  TEXT,
    place_lat      REAL,
    place_lon      REAL,
    place_feature  TEXT,
    place_geonameid INTEGER,
    explanation    TEXT
);
CREATE INDEX mentions_event ON event_mentions(event_id, mention_key);
CREATE INDEX mentions_doc ON event_mentions(doc_key);
"#;

/// Version 2: the events' unique key becomes the named index `events_key`, ordered (source,
/// target, day, cameo) so that it is also the dyad index: `--dyad A:B` reads exactly the A→B
/// and B→A rows instead of every event of A. SQLite cannot drop a table constraint, so the
/// table is rebuilt.
const V2: &str = r#"
CREATE TABLE events_v2 (
    event_id     INTEGER PRIMARY KEY,
    day          INTEGER NOT NULL,
    source_actor TEXT NOT NULL,
    target_actor TEXT NOT NULL,
    cameo        TEXT NOT NULL,
    root         TEXT NOT NULL,
    quad_class   INTEGER NOT NULL,
    goldstein    REAL NOT NULL,
    plover       TEXT,
    num_mentions INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    num_sources  INTEGER NOT NULL,
    tone_sum     REAL NOT NULL,
    tone_n       INTEGER NOT NULL,
    added        INTEGER NOT NULL
);
INSERT INTO events_v2 SELECT event_id, day, source_actor, target_actor, cameo, root, quad_class,
    goldstein, plover, num_mentions, num_articles, num_sources, tone_sum, tone_n, added FROM events;
DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;
CREATE UNIQUE INDEX events_key ON events(source_actor, target_actor, day, cameo);
CREATE INDEX events_source ON events(source_actor, day);
CREATE INDEX events_target ON events(target_actor, day);
CREATE INDEX events_root ON events(root, day);
CREATE INDEX events_quad ON events(quad_class, day);
"#;

/// Version 3: the full-text indexes are written by ingest itself instead of by triggers.
///
/// A statement that fires a trigger runs under a statement savepoint, and FTS5 writes its
/// pending in-memory index to disk as a new segment at every savepoint: with triggers each
/// stored document and quote became a tiny segment of its own, which the automatic merges
/// then rewrote again and again (a third of ingest time). Ingest now inserts into
/// `documents_fts` and `quotes_fts` next to the rows (and issues their `'delete'` before a
/// replaced document's rows go), so a batch leaves one segment per index. `hashsize` lets
/// that pending index grow to 64 MiB (an upper bound) before it must be flushed mid-batch.
///
/// `events_day` gives the events in (day, event_id) order, the order `events` and the exports
/// list them in, so an unfiltered export streams instead of sorting every event first.
const V3: &str = r#"
CREATE INDEX events_day ON events(day);
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER quotes_fts_insert;
DROP TRIGGER quotes_fts_delete;
INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 67108864);
"#;

/// Version 4: covering actor indexes and deferred full-text indexing.
///
/// `events_source` / `events_target` carry, after (code, day, event_id), everything the actor
/// report reads (partner, root, quad class, Goldstein), so the report reads its ~20,000 rows
/// for a frequent code straight off one index instead of a table lookup each. Their order is
/// still (code, day, event_id), the order the actor and dyad seeks stop early in.
///
/// `fts_backlog` marks a bulk load in progress (see `Store::begin_bulk`): documents whose key
/// is at least `documents_from` and quotes whose key is at least `quotes_from` are not in the
/// full-text indexes yet; one pass at the end of the load (or at the next open, after a
/// crash) indexes them and deletes the row. Every document and quote below those keys, and
/// all of them when the table is empty, are indexed.
const V4: &str = r#"
DROP INDEX events_source;
DROP INDEX events_target;
CREATE INDEX events_source ON events(source_actor, day, event_id, target_actor, root, quad_class, goldstein);
CREATE INDEX events_target ON events(target_actor, day, event_id, source_actor, root, quad_class, goldstein);
CREATE TABLE fts_backlog (
    only           INTEGER PRIMARY KEY CHECK (only = 1),
    documents_from INTEGER NOT NULL,
    quotes_from    INTEGER NOT NULL
);
"#;

/// Version 5: every event names its first (oldest) mention, `first_mention`, the
/// `mention_key` of the row of `event_mentions` whose evidence an unfiltered `events` listing
/// or export shows. Ingest writes it when it creates the event (the mention keys of a batch
/// are assigned in Rust, so the event row can name its first mention before that row
/// exists) and recounts it with the other counters when a replaced article takes mentions
/// away. Listing an event then reads that mention by its key instead of seeking the
/// `mentions_event` index once per event.
const V5: &str = r#"
ALTER TABLE events ADD COLUMN first_mention INTEGER;
UPDATE events SET first_mention =
    (SELECT min(m.mention_key) FROM event_mentions m WHERE m.event_id = events.event_id);
"#;

/// Secondary indexes that nothing in ingest reads (only queries do), which a bulk load into
/// a small store drops at its first batch and builds again at its end (see
/// `Store::begin_bulk`): building an index from a sort of its rows costs a fraction of
/// inserting them one by one. Each entry is the index's name and its definition as the
/// current schema has it (a test compares them with a freshly migrated store). Kept out of
/// this list: `events_key` (ingest finds events by it), `mentions_event` (ingest reads it to
/// count sources) and the `*_doc` indexes (replacing a document deletes its rows by them).
pub const DEFERRABLE_INDEXES: &[(&str, &str)] = &[
    ("documents_day", "CREATE INDEX documents_day ON documents(day)"),
    (
        "quotes_actor",
        "CREATE INDEX quotes_actor ON quotes(speaker_actor, day)",
    ),
    ("quotes_day", "CREATE INDEX quotes_day ON quotes(day)"),
    (
        "events_source",
        "CREATE INDEX events_source ON events(source_actor, day, event_id, target_actor, root, quad_class, goldstein)",
    ),
    (
        "events_target",
        "CREATE INDEX events_target ON events(target_actor, day, event_id, source_actor, root, quad_class, goldstein)",
    ),
    ("events_root", "CREATE INDEX events_root ON events(root, day)"),
    ("events_quad", "CREATE INDEX events_quad ON events(quad_class, day)"),
    ("events_day", "CREATE INDEX events_day ON events(day)"),
];

/// The deferrable indexes missing from the store (a bulk load dropped them and has not
/// finished, or was killed).
pub(crate) fn missing_indexes(conn: &Connection) -> rusqlite::Result<Vec<(&'static str, &'static str)>> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1")?;
    let mut missing = Vec::new();
    for &(name, sql) in DEFERRABLE_INDEXES {
        if !stmt.exists([name])? {
            missing.push((name, sql));
        }
    }
    Ok(missing)
}

/// The migrations, oldest first: `MIGRATIONS[i]` upgrades version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Sets the connection pragmas: WAL (readers never block the writer, a crash loses at most
/// the transaction in flight), `synchronous = NORMAL` (durable at each checkpoint, never
/// corrupt), a 256 MiB page cache, memory-mapped reads, a busy timeout for concurrent readers.
pub(crate) fn configure(conn: &Connection, file_backed: bool) -> Result<()> {
    if file_backed {
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .context(|| "enabling WAL".into())?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Data(format!("journal mode is {mode}, WAL expected")));
        }
    }
    // A large store is mostly index pages read at random (merging events at ingest, seeks at
    // query time): map the file so a page the OS has cached costs no read() and copy, and let
    // the page cache hold a big share of the indexes (both are upper bounds, not allocations).
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = OFF;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -262144;
         PRAGMA mmap_size = 4294967296;",
    )
    .context(|| "setting pragmas".into())?;
    // Ingest alone keeps 13 statements prepared and the queries a few each: more than the
    // default 16, and an evicted statement is compiled again on its next use.
    conn.set_prepared_statement_cache_capacity(64);
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .context(|| "setting busy timeout".into())?;
    Ok(())
}

/// The schema version stored in the database.
pub fn version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
        .context(|| "reading the schema version".into())
}

/// Brings the database up to [`SCHEMA_VERSION`], one migration per transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, MIGRATIONS)
}

pub(crate) fn migrate_with(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let supported = migrations.len() as i64;
    let found = version(conn)?;
    if found > supported {
        return Err(Error::SchemaTooNew { found, supported });
    }
    for (from, sql) in migrations.iter().enumerate().skip(found as usize) {
        let from = from as i64;
        let to = from + 1;
        let step = |conn: &mut Connection| -> rusqlite::Result<()> {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", to)?;
            tx.commit()
        };
        step(conn).map_err(|source| Error::Migration { from, to, source })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_fresh_database_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn applies_later_migrations_in_order() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &[V1]).unwrap();
        let next = "ALTER TABLE documents ADD COLUMN lang TEXT;";
        migrate_with(&mut conn, &[V1, next]).unwrap();
        assert_eq!(version(&conn).unwrap(), 2);
        conn.execute("UPDATE documents SET lang = 'en'", []).unwrap();
    }

    #[test]
    fn v2_keeps_the_events_of_a_v1_store() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &[V1]).unwrap();
        conn.execute(
            "INSERT INTO events VALUES (7, 20220101, 'USA', 'RUS', '036', '03', 1, 4.0, 'CONSULT',
                1, 1, 1, 0.0, 0, 20240101000000)",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let (id, cameo): (i64, String) = conn
            .query_row(
                "SELECT event_id, cameo FROM events WHERE source_actor = 'USA'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((id, cameo.as_str()), (7, "036"));
        let dup = conn.execute(
            "INSERT INTO events VALUES (8, 20220101, 'USA', 'RUS', '036', '03', 1, 4.0, NULL,
                1, 1, 1, 0.0, 0, 0)",
            [],
        );
        assert!(dup.is_err(), "the unique key survives the rebuild");
    }

    #[test]
    fn v3_keeps_the_full_text_index_of_a_v2_store() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &[V1, V2]).unwrap();
        conn.execute(
            "INSERT INTO documents (id, day, date_text, title, text, text_hash, added)
             VALUES ('d1', 20220101, '2022-01-01', 'Geneva talks', 'They met in Geneva.', x'00', 0)",
            [],
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'geneva'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1, "rows indexed by the v2 triggers stay searchable");
        conn.execute_batch("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
            .unwrap();
        let triggers: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(triggers, 0);
    }

    #[test]
    fn v4_keeps_the_events_of_a_v3_store_and_covers_the_actor_report() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &[V1, V2, V3]).unwrap();
        conn.execute(
            "INSERT INTO events VALUES (7, 20220101, 'USA', 'RUS', '036', '03', 1, 4.0, 'CONSULT',
                1, 1, 1, 0.0, 0, 20240101000000)",
            [],
        )
        .unwrap();
        migrate_with(&mut conn, &[V1, V2, V3, V4]).unwrap();
        assert_eq!(version(&conn).unwrap(), 4);
        for (index, column, partner) in [
            ("events_source", "source_actor", "target_actor"),
            ("events_target", "target_actor", "source_actor"),
        ] {
            let sql = format!(
                "SELECT event_id, {partner}, day, root, quad_class, goldstein
                 FROM events INDEXED BY {index} WHERE {column} = ?1 ORDER BY day DESC, event_id DESC"
            );
            let plan: Vec<String> = conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap()
                .query_map(["USA"], |r| r.get::<_, String>(3))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let plan = plan.join("; ");
            assert!(plan.contains("COVERING INDEX"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
        let backlog: i64 = conn
            .query_row("SELECT count(*) FROM fts_backlog", [], |r| r.get(0))
            .unwrap();
        assert_eq!(backlog, 0, "a migrated store has nothing left to index");
    }

    #[test]
    fn v5_names_the_first_mention_of_every_event_of_a_v4_store() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_with(&mut conn, &[V1, V2, V3, V4]).unwrap();
        for (id, cameo) in [(7, "036"), (8, "042"), (9, "190")] {
            conn.execute(
                "INSERT INTO events VALUES (?1, 20220101, 'USA', 'RUS', ?2, substr(?2, 1, 2), 1, 4.0,
                    NULL, 1, 1, 1, 0.0, 0, 20240101000000)",
                rusqlite::params![id, cameo],
            )
            .unwrap();
        }
        // Mentions out of key order: event 7's first is key 3, event 8's key 2; event 9 has
        // none (not a state ingest leaves, but the migration must not fail on it).
        for (key, event) in [(5, 7), (2, 8), (3, 7), (4, 8)] {
            conn.execute(
                "INSERT INTO event_mentions (mention_key, event_id, doc_key, source_name, mentions,
                    mode, sentence, trigger_start, trigger_end, evidence_start, evidence_end)
                 VALUES (?1, ?2, 1, '', 1, 'asserted', 0, 0, 1, 0, 1)",
                [key, event],
            )
            .unwrap();
        }
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap(), 5);
        let firsts: Vec<(i64, Option<i64>)> = conn
            .prepare("SELECT event_id, first_mention FROM events ORDER BY event_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(firsts, [(7, Some(3)), (8, Some(2)), (9, None)]);
    }

    #[test]
    fn the_deferrable_indexes_are_the_schemas() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        for (name, sql) in DEFERRABLE_INDEXES {
            let stored: String = conn
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(&stored, sql, "{name}");
        }
        assert!(missing_indexes(&conn).unwrap().is_empty());
        conn.execute_batch("DROP INDEX events_day; DROP INDEX quotes_actor;")
            .unwrap();
        let missing: Vec<&str> = missing_indexes(&conn).unwrap().iter().map(|m| m.0).collect();
        assert_eq!(missing, ["quotes_actor", "events_day"]);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(matches!(err, Error::SchemaTooNew { .. }), "{err}");
    }

    #[test]
    fn a_failed_migration_leaves_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let err = migrate_with(&mut conn, &[V1, "CREATE TABLE broken ("]).unwrap_err();
        assert!(matches!(err, Error::Migration { from: 1, to: 2, .. }), "{err}");
        assert_eq!(version(&conn).unwrap(), 1);
    }
}
