//! Ingest: documents in, one transaction per batch, idempotent and resumable.
//!
//! A document is identified by its id and versioned by the SHA-256 of its text:
//! * unknown id → inserted (`new`);
//! * same id, same text → left alone (`skipped`), so re-running an interrupted ingest over
//!   the same input picks up where the last committed batch ended;
//! * same id, changed text → the old version and everything derived from it is deleted and
//!   the new one inserted (`replaced`, with the id listed), and the cross-article counters of
//!   every event the old version mentioned are recomputed;
//! * a document whose spans do not fit its text (a stage bug) is `rejected` with a reason and
//!   the rest of the batch is still stored.
//!
//! A batch is one SQLite transaction: after a crash the store holds every document of the
//! committed batches, whole, and nothing of the batch in flight.

use std::collections::BTreeSet;

use chronicle_doc::{Date, Document, Event, Span};
use chrono::Datelike;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{ctx, Context, Result};
use crate::offsets::CodePoints;
use crate::Store;

/// SHA-256 of a document's text.
pub type TextHash = [u8; 32];

/// The hash [`Store::disposition`] and ingest compare.
pub fn text_hash(text: &str) -> TextHash {
    Sha256::digest(text.as_bytes()).into()
}

/// A document ready to store: the document and the hash of its text.
#[derive(Clone, Debug)]
pub struct StoredDoc {
    pub doc: Document,
    pub text_hash: TextHash,
}

impl StoredDoc {
    pub fn new(doc: Document) -> StoredDoc {
        let text_hash = text_hash(doc.text());
        StoredDoc { doc, text_hash }
    }
}

/// What ingest would do with a document, known before coding it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Disposition {
    /// The id is not in the store.
    New,
    /// The id is stored with the same text: nothing to do.
    Same,
    /// The id is stored with another text: the stored version will be replaced.
    Changed,
}

/// A document ingest refused, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reject {
    pub id: String,
    pub reason: String,
}

/// The summary of one or more ingest batches.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct IngestCounts {
    pub new: usize,
    pub replaced: usize,
    pub skipped: usize,
    pub rejected: usize,
    /// Event mentions written (coded events of the new and replaced documents).
    pub mentions: usize,
    /// Ids of the replaced documents, in ingest order.
    pub replaced_ids: Vec<String>,
    pub rejects: Vec<Reject>,
}

impl IngestCounts {
    /// Adds another batch's counts to these.
    pub fn add(&mut self, other: IngestCounts) {
        self.new += other.new;
        self.replaced += other.replaced;
        self.skipped += other.skipped;
        self.rejected += other.rejected;
        self.mentions += other.mentions;
        self.replaced_ids.extend(other.replaced_ids);
        self.rejects.extend(other.rejects);
    }

    /// Documents seen.
    pub fn total(&self) -> usize {
        self.new + self.replaced + self.skipped + self.rejected
    }
}

impl std::fmt::Display for IngestCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} new, {} replaced, {} skipped (unchanged), {} rejected; {} event mentions",
            self.new, self.replaced, self.skipped, self.rejected, self.mentions
        )
    }
}

/// `YYYYMMDD` as an integer (GDELT's SQLDATE).
pub(crate) fn day_number(date: Date) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The current UTC time as `YYYYMMDDHHMMSS` (GDELT's DATEADDED).
pub(crate) fn now_stamp() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let Some(now) = chrono::DateTime::from_timestamp(secs, 0) else {
        return 0;
    };
    let date = now.date_naive();
    let time = now.time();
    use chrono::Timelike;
    day_number(date) * 1_000_000
        + i64::from(time.hour()) * 10_000
        + i64::from(time.minute()) * 100
        + i64::from(time.second())
}

impl Store {
    /// What ingesting a document with this id and text hash would do. Ask before coding a
    /// document to skip unchanged ones.
    pub fn disposition(&self, id: &str, text_hash: &TextHash) -> Result<Disposition> {
        let stored: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT text_hash FROM documents WHERE id = ?1")
            .and_then(|mut stmt| stmt.query_row([id], |row| row.get(0)).optional())
            .context(|| format!("looking up document {id}"))?;
        Ok(match stored {
            None => Disposition::New,
            Some(hash) if hash.as_slice() == text_hash.as_slice() => Disposition::Same,
            Some(_) => Disposition::Changed,
        })
    }

    /// Stores a batch of documents in one transaction and returns what happened to them.
    pub fn ingest_batch(&mut self, docs: &[StoredDoc]) -> Result<IngestCounts> {
        let added = now_stamp();
        let bulk = self.bulk;
        let first_of_bulk = bulk && !self.bulk_started;
        let defer_below = self.defer_indexes_below;
        // IMMEDIATE: the write lock from the start, so that no other connection can change
        // the backlog read below before this batch writes.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(ctx("starting an ingest transaction"))?;
        let backlog = backlog_for_batch(&tx, bulk).context(ctx("reading the full-text backlog"))?;
        if first_of_bulk {
            defer_indexes(&tx, defer_below).context(ctx("dropping the secondary indexes for a bulk load"))?;
        }
        // The batch assigns the mention keys itself (see schema version 5), from the next key
        // after the largest, in insertion order like SQLite would.
        let mut next_mention: i64 = tx
            .prepare_cached("SELECT coalesce(max(mention_key), 0) + 1 FROM event_mentions")
            .and_then(|mut stmt| stmt.query_row([], |row| row.get(0)))
            .context(ctx("reading the next mention key"))?;
        let mut counts = IngestCounts::default();
        let mut recompute = BTreeSet::new();
        for stored in docs {
            let doc = &stored.doc;
            let rows = match Rows::of(doc) {
                Ok(rows) => rows,
                Err(reason) => {
                    counts.rejected += 1;
                    counts.rejects.push(Reject {
                        id: doc.meta.id.clone(),
                        reason,
                    });
                    continue;
                }
            };
            let id = &doc.meta.id;
            let existing: Option<(i64, Vec<u8>)> = tx
                .prepare_cached("SELECT doc_key, text_hash FROM documents WHERE id = ?1")
                .and_then(|mut stmt| stmt.query_row([id], |row| Ok((row.get(0)?, row.get(1)?))).optional())
                .context(|| format!("looking up document {id}"))?;
            match existing {
                Some((_, hash)) if hash.as_slice() == stored.text_hash.as_slice() => {
                    counts.skipped += 1;
                    continue;
                }
                Some((key, _)) => {
                    delete_document(&tx, key, backlog, &mut recompute)
                        .context(|| format!("deleting the old version of {id}"))?;
                    counts.replaced += 1;
                    counts.replaced_ids.push(id.clone());
                }
                None => counts.new += 1,
            }
            counts.mentions += insert_document(&tx, doc, &stored.text_hash, &rows, added, backlog, &mut next_mention)
                .context(|| format!("storing document {id}"))?;
        }
        for event_id in recompute {
            recompute_event(&tx, event_id).context(|| format!("recounting the mentions of event {event_id}"))?;
        }
        tx.commit().context(ctx("committing an ingest batch"))?;
        if first_of_bulk {
            self.bulk_started = true;
        }
        Ok(counts)
    }
}

/// The first document key and the first quote key not yet in the full-text indexes (see
/// schema version 4): everything below them is indexed, everything from them on waits for
/// [`Store::index_backlog`]. Without a bulk load, `(i64::MAX, i64::MAX)`: all is indexed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Backlog {
    pub documents_from: i64,
    pub quotes_from: i64,
}

impl Backlog {
    const NONE: Backlog = Backlog {
        documents_from: i64::MAX,
        quotes_from: i64::MAX,
    };
}

/// The backlog recorded in the store, if any.
pub(crate) fn stored_backlog(conn: &rusqlite::Connection) -> rusqlite::Result<Option<Backlog>> {
    conn.prepare_cached("SELECT documents_from, quotes_from FROM fts_backlog")?
        .query_row([], |row| {
            Ok(Backlog {
                documents_from: row.get(0)?,
                quotes_from: row.get(1)?,
            })
        })
        .optional()
}

/// The backlog this batch works with, read inside its transaction (a reader that opened the
/// store meanwhile may have indexed and cleared it). A bulk load without one starts one here,
/// from the next keys SQLite will hand out, in the same transaction as the batch: a crash
/// leaves either both or neither.
fn backlog_for_batch(tx: &Transaction<'_>, bulk: bool) -> rusqlite::Result<Backlog> {
    if let Some(backlog) = stored_backlog(tx)? {
        return Ok(backlog);
    }
    if !bulk {
        return Ok(Backlog::NONE);
    }
    let next = |sql: &str| -> rusqlite::Result<i64> { tx.prepare_cached(sql)?.query_row([], |row| row.get(0)) };
    let backlog = Backlog {
        documents_from: next("SELECT coalesce(max(doc_key), 0) + 1 FROM documents")?,
        quotes_from: next("SELECT coalesce(max(quote_key), 0) + 1 FROM quotes")?,
    };
    tx.prepare_cached("INSERT INTO fts_backlog (only, documents_from, quotes_from) VALUES (1, ?1, ?2)")?
        .execute(params![backlog.documents_from, backlog.quotes_from])?;
    Ok(backlog)
}

/// A bulk load into a store with fewer events than this (the largest event id, so deleted
/// events count too) builds its secondary indexes at the end ([`schema::DEFERRABLE_INDEXES`]);
/// into a larger store it keeps them up to date row by row, since building an index sorts
/// every row of its table, old ones included.
pub const DEFER_INDEXES_BELOW: i64 = 250_000;

/// Drops the deferrable indexes, in the transaction of a bulk load's first batch, when the
/// store has fewer events than `below` ([`DEFER_INDEXES_BELOW`] but in tests). The next [`Store::open`] or
/// [`Store::finish_bulk`] builds them again, so a crash at any point leaves a store whose
/// next open restores them.
fn defer_indexes(tx: &Transaction<'_>, below: i64) -> rusqlite::Result<()> {
    let size: i64 = tx
        .prepare_cached("SELECT coalesce(max(event_id), 0) FROM events")?
        .query_row([], |row| row.get(0))?;
    if size < below {
        for (name, _) in crate::schema::DEFERRABLE_INDEXES {
            tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
    }
    Ok(())
}

impl Store {
    /// Starts a bulk load: from the next batch on, documents and quotes are stored without
    /// their full-text index entries, which [`Store::finish_bulk`] then writes in one pass
    /// (tokenizing is the same work, but FTS5 builds a few large segments instead of one per
    /// batch that its merges rewrite again and again). Searches by this connection miss the
    /// documents of the load until then; a store opened meanwhile indexes what is there first.
    /// After a crash, the next [`Store::open`] indexes what the load left behind.
    ///
    /// In a store of fewer than [`DEFER_INDEXES_BELOW`] events the load's first batch also
    /// drops the secondary indexes only queries use, and [`Store::finish_bulk`] builds them
    /// from a sort of their rows (a fraction of the cost of inserting every row into them):
    /// queries on this connection run without them until then, and a store opened meanwhile
    /// (or after a crash) builds them first.
    pub fn begin_bulk(&mut self) {
        self.bulk = true;
        self.bulk_started = false;
    }

    /// Ends a bulk load: indexes the documents and quotes it stored and builds the secondary
    /// indexes it dropped. Returns how many documents were indexed.
    pub fn finish_bulk(&mut self) -> Result<usize> {
        self.bulk = false;
        self.bulk_started = false;
        let documents = self.index_backlog()?;
        self.build_missing_indexes()?;
        Ok(documents)
    }

    /// Builds the secondary indexes a bulk load dropped (see [`Store::begin_bulk`]), in one
    /// transaction; nothing to do (and no write) when they are all there. Returns how many
    /// were built.
    pub fn build_missing_indexes(&mut self) -> Result<usize> {
        let missing = crate::schema::missing_indexes(&self.conn).context(ctx("listing the secondary indexes"))?;
        if missing.is_empty() {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(ctx("starting to build the secondary indexes"))?;
        // Listed again under the write lock: another connection may have built them meanwhile.
        let missing = crate::schema::missing_indexes(&tx).context(ctx("listing the secondary indexes"))?;
        for (name, sql) in &missing {
            tx.execute_batch(sql).context(|| format!("building index {name}"))?;
        }
        tx.commit().context(ctx("committing the secondary indexes"))?;
        Ok(missing.len())
    }

    /// Writes the full-text entries of every document and quote a bulk load left unindexed,
    /// in one transaction, and clears the backlog. Nothing to do (and no write) without one.
    pub fn index_backlog(&mut self) -> Result<usize> {
        if stored_backlog(&self.conn)
            .context(ctx("reading the full-text backlog"))?
            .is_none()
        {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .context(ctx("starting the full-text catch-up"))?;
        // Read again under the write lock: another connection may have done it meanwhile.
        let Some(backlog) = stored_backlog(&tx).context(ctx("reading the full-text backlog"))? else {
            return Ok(0);
        };
        let documents = tx
            .execute(
                "INSERT INTO documents_fts(rowid, title, text)
                 SELECT doc_key, title, text FROM documents WHERE doc_key >= ?1 ORDER BY doc_key",
                [backlog.documents_from],
            )
            .context(ctx("indexing the documents of a bulk load"))?;
        tx.execute(
            "INSERT INTO quotes_fts(rowid, speaker, text)
             SELECT quote_key, speaker, text FROM quotes WHERE quote_key >= ?1 ORDER BY quote_key",
            [backlog.quotes_from],
        )
        .context(ctx("indexing the quotes of a bulk load"))?;
        tx.execute("DELETE FROM fts_backlog", [])
            .context(ctx("clearing the full-text backlog"))?;
        tx.commit().context(ctx("committing the full-text catch-up"))?;
        Ok(documents)
    }
}

/// A document's spans converted to code points, validated before anything is written.
struct Rows {
    entities: Vec<(u32, u32)>,
    times: Vec<(u32, u32)>,
    places: Vec<(u32, u32)>,
    quotes: Vec<QuoteRow>,
    events: Vec<EventRow>,
}

struct QuoteRow {
    span: (u32, u32),
    cue: Option<(u32, u32)>,
    speaker: Option<(u32, u32)>,
    speaker_name: Option<String>,
}

struct EventRow {
    source: Option<(u32, u32)>,
    target: Option<(u32, u32)>,
    trigger: (u32, u32),
    evidence: (u32, u32),
}

impl Rows {
    fn of(doc: &Document) -> std::result::Result<Rows, String> {
        if doc.meta.id.is_empty() {
            return Err("empty document id".into());
        }
        let cp = CodePoints::new(doc.text());
        let conv = |what: &str, span: Span| {
            cp.span(span).ok_or_else(|| {
                format!(
                    "{what} span {}..{} does not fit the text ({} bytes)",
                    span.start,
                    span.end,
                    doc.text().len()
                )
            })
        };
        let entities = doc
            .entities
            .iter()
            .map(|e| conv("entity", e.span))
            .collect::<Result<_, _>>()?;
        let times = doc
            .times
            .iter()
            .map(|t| conv("time", t.span))
            .collect::<Result<_, _>>()?;
        let places = doc
            .places
            .iter()
            .map(|p| conv("place", p.span))
            .collect::<Result<_, _>>()?;
        let mut quotes = Vec::with_capacity(doc.quotes.len());
        for q in &doc.quotes {
            let speaker_name = q
                .speaker
                .as_ref()
                .and_then(|s| s.canonical.clone().or_else(|| cp.slice(s.span).map(str::to_string)));
            quotes.push(QuoteRow {
                span: conv("quote", q.span)?,
                cue: q.cue.map(|c| conv("quote cue", c)).transpose()?,
                speaker: q.speaker.as_ref().map(|s| conv("speaker", s.span)).transpose()?,
                speaker_name,
            });
        }
        let mut events = Vec::with_capacity(doc.events.len());
        for e in &doc.events {
            if e.cameo.is_empty() || !e.cameo.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("event with invalid CAMEO code {:?}", e.cameo));
            }
            events.push(EventRow {
                source: e.source.as_ref().map(|a| conv("event source", a.span)).transpose()?,
                target: e.target.as_ref().map(|a| conv("event target", a.span)).transpose()?,
                trigger: conv("event trigger", e.trigger)?,
                evidence: conv("event evidence", e.evidence)?,
            });
        }
        Ok(Rows {
            entities,
            times,
            places,
            quotes,
            events,
        })
    }
}

fn actor_code(actor: &Option<chronicle_doc::EventActor>) -> &str {
    actor.as_ref().and_then(|a| a.actor.as_deref()).unwrap_or("")
}

/// The cross-article identity of an event: (day, source actor, target actor, CAMEO code).
fn event_key(e: &Event) -> (i64, &str, &str, &str) {
    (
        day_number(e.date),
        actor_code(&e.source),
        actor_code(&e.target),
        e.cameo.as_str(),
    )
}

fn delete_document(
    tx: &Transaction<'_>,
    key: i64,
    backlog: Backlog,
    recompute: &mut BTreeSet<i64>,
) -> rusqlite::Result<()> {
    {
        let mut stmt = tx.prepare_cached("SELECT DISTINCT event_id FROM event_mentions WHERE doc_key = ?1")?;
        let ids = stmt.query_map([key], |row| row.get::<_, i64>(0))?;
        for id in ids {
            recompute.insert(id?);
        }
    }
    // The full-text indexes first, while the rows they were built from are still there
    // ('delete' needs the indexed values), and only for rows that are indexed: a row of the
    // bulk load in progress has no entries yet.
    tx.prepare_cached(
        "INSERT INTO quotes_fts(quotes_fts, rowid, speaker, text)
            SELECT 'delete', quote_key, speaker, text FROM quotes WHERE doc_key = ?1 AND quote_key < ?2",
    )?
    .execute([key, backlog.quotes_from])?;
    if key < backlog.documents_from {
        tx.prepare_cached(
            "INSERT INTO documents_fts(documents_fts, rowid, title, text)
                SELECT 'delete', doc_key, title, text FROM documents WHERE doc_key = ?1",
        )?
        .execute([key])?;
    }
    for sql in [
        "DELETE FROM entities WHERE doc_key = ?1",
        "DELETE FROM times WHERE doc_key = ?1",
        "DELETE FROM places WHERE doc_key = ?1",
        "DELETE FROM quotes WHERE doc_key = ?1",
        "DELETE FROM event_mentions WHERE doc_key = ?1",
        "DELETE FROM documents WHERE doc_key = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([key])?;
    }
    Ok(())
}

fn insert_document(
    tx: &Transaction<'_>,
    doc: &Document,
    hash: &TextHash,
    rows: &Rows,
    added: i64,
    backlog: Backlog,
    next_mention: &mut i64,
) -> rusqlite::Result<usize> {
    let meta = &doc.meta;
    let tone = doc.tone;
    let day = day_number(meta.date);
    tx.prepare_cached(
        "INSERT INTO documents (id, day, date_text, source, title, url, text, text_hash, tone,
            tone_positive, tone_negative, tone_polarity, tone_activity, tone_self_group,
            tone_words, added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        meta.id,
        day,
        meta.date_text,
        meta.source,
        meta.title,
        meta.url,
        doc.text(),
        hash.as_slice(),
        tone.map(|t| t.tone),
        tone.map(|t| t.positive),
        tone.map(|t| t.negative),
        tone.map(|t| t.polarity),
        tone.map(|t| t.activity),
        tone.map(|t| t.self_group),
        tone.map(|t| t.words),
        added,
    ])?;
    let key = tx.last_insert_rowid();
    // Written here rather than by a trigger (see schema version 3), unless a bulk load
    // defers it (version 4). A key below the backlog's start (SQLite reuses the largest key
    // after it was deleted) is indexed now: below it, everything is.
    if key < backlog.documents_from {
        tx.prepare_cached("INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)")?
            .execute(params![key, meta.title, doc.text()])?;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (doc_key, start, end, kind, actor, canonical, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (e, (start, end)) in doc.entities.iter().zip(&rows.entities) {
        stmt.execute(params![
            key,
            start,
            end,
            e.kind.as_str(),
            e.actor,
            e.canonical,
            e.sentence
        ])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO times (doc_key, start, end, kind, value) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (t, (start, end)) in doc.times.iter().zip(&rows.times) {
        stmt.execute(params![key, start, end, t.kind.as_str(), t.value])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO places (doc_key, start, end, name, country, lat, lon, feature, geonameid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (p, (start, end)) in doc.places.iter().zip(&rows.places) {
        stmt.execute(params![
            key,
            start,
            end,
            p.name,
            p.country,
            p.lat,
            p.lon,
            p.feature,
            p.geonameid.map(|g| g as i64)
        ])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO quotes (doc_key, day, start, end, kind, text, cue_start, cue_end,
            speaker_start, speaker_end, speaker, speaker_actor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut quote_fts = tx.prepare_cached("INSERT INTO quotes_fts(rowid, speaker, text) VALUES (?1, ?2, ?3)")?;
    for (q, row) in doc.quotes.iter().zip(&rows.quotes) {
        let text = doc.text().get(q.span.range()).unwrap_or_default();
        stmt.execute(params![
            key,
            day,
            row.span.0,
            row.span.1,
            q.kind.as_str(),
            text,
            row.cue.map(|c| c.0),
            row.cue.map(|c| c.1),
            row.speaker.map(|s| s.0),
            row.speaker.map(|s| s.1),
            row.speaker_name,
            q.speaker.as_ref().and_then(|s| s.actor.as_deref()),
        ])?;
        let quote_key = tx.last_insert_rowid();
        if quote_key < backlog.quotes_from {
            quote_fts.execute(params![quote_key, row.speaker_name, text])?;
        }
    }

    // Cross-article events: group this document's events by key so the article counts once.
    let source_name = meta.source.as_deref().unwrap_or("");
    let doc_tone = tone.map(|t| t.tone);
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, e) in doc.events.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|(first, _)| event_key(&doc.events[*first]) == event_key(e))
        {
            Some((_, members)) => members.push(i),
            None => groups.push((i, vec![i])),
        }
    }
    let mut find = tx.prepare_cached(
        "SELECT event_id FROM events
         WHERE day = ?1 AND source_actor = ?2 AND target_actor = ?3 AND cameo = ?4",
    )?;
    let mut create = tx.prepare_cached(
        "INSERT INTO events (day, source_actor, target_actor, cameo, root, quad_class, goldstein,
            plover, num_mentions, num_articles, num_sources, tone_sum, tone_n, added, first_mention)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, 1, ?10, ?11, ?12, ?13)",
    )?;
    let mut source_seen =
        tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ?1 AND source_name = ?2)")?;
    let mut bump = tx.prepare_cached(
        "UPDATE events SET num_mentions = num_mentions + ?2, num_articles = num_articles + 1,
            num_sources = num_sources + ?3, tone_sum = tone_sum + ?4, tone_n = tone_n + ?5
         WHERE event_id = ?1",
    )?;
    let mut mention = tx.prepare_cached(
        "INSERT INTO event_mentions (event_id, doc_key, source_name, doc_tone, mentions, mode,
            sentence, source_start, source_end, source_text, target_start, target_end,
            target_text, trigger_start, trigger_end, evidence_start, evidence_end, place,
            place_country, place_lat, place_lon, place_feature, place_geonameid, explanation,
            mention_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
            ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    let mut written = 0;
    for (first, members) in &groups {
        let e = &doc.events[*first];
        let (day, source, target, cameo) = event_key(e);
        let count: i64 = members.iter().map(|&i| i64::from(doc.events[i].mentions.max(1))).sum();
        let existing: Option<i64> = find
            .query_row(params![day, source, target, cameo], |row| row.get(0))
            .optional()?;
        let event_id = match existing {
            None => {
                create.execute(params![
                    day,
                    source,
                    target,
                    cameo,
                    e.root(),
                    e.quad_class,
                    f64::from(e.goldstein),
                    e.plover,
                    count,
                    doc_tone.unwrap_or(0.0),
                    i64::from(doc_tone.is_some()),
                    added,
                    // The first of the mentions written below.
                    *next_mention,
                ])?;
                tx.last_insert_rowid()
            }
            Some(event_id) => {
                let seen: bool = source_seen.query_row(params![event_id, source_name], |row| row.get(0))?;
                bump.execute(params![
                    event_id,
                    count,
                    i64::from(!seen),
                    doc_tone.unwrap_or(0.0),
                    i64::from(doc_tone.is_some()),
                ])?;
                event_id
            }
        };
        for &i in members {
            let e = &doc.events[i];
            let row = &rows.events[i];
            let place = e.place.as_deref().and_then(|name| {
                doc.places
                    .iter()
                    .find(|p| p.name == name || doc.text().get(p.span.range()) == Some(name))
            });
            let text_of =
                |a: &Option<chronicle_doc::EventActor>| a.as_ref().and_then(|a| doc.text().get(a.span.range()));
            mention.execute(params![
                event_id,
                key,
                source_name,
                doc_tone,
                e.mentions.max(1),
                e.mode.as_str(),
                e.sentence,
                row.source.map(|s| s.0),
                row.source.map(|s| s.1),
                text_of(&e.source),
                row.target.map(|s| s.0),
                row.target.map(|s| s.1),
                text_of(&e.target),
                row.trigger.0,
                row.trigger.1,
                row.evidence.0,
                row.evidence.1,
                e.place,
                place.and_then(|p| p.country.as_deref()),
                place.and_then(|p| p.lat),
                place.and_then(|p| p.lon),
                place.and_then(|p| p.feature.as_deref()),
                place.and_then(|p| p.geonameid).map(|g| g as i64),
                e.explanation,
                *next_mention,
            ])?;
            *next_mention += 1;
            written += 1;
        }
    }
    Ok(written)
}

/// Recounts an event's cross-article counters and its first mention from its mentions;
/// deletes it when no article mentions it any more.
fn recompute_event(tx: &Transaction<'_>, event_id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT coalesce(sum(mentions), 0) FROM event_mentions WHERE event_id = ?1),
            num_articles = (SELECT count(DISTINCT doc_key) FROM event_mentions WHERE event_id = ?1),
            num_sources = (SELECT count(DISTINCT source_name) FROM event_mentions WHERE event_id = ?1),
            tone_sum = (SELECT coalesce(sum(t), 0) FROM (SELECT max(doc_tone) AS t
                FROM event_mentions WHERE event_id = ?1 GROUP BY doc_key)),
            tone_n = (SELECT count(t) FROM (SELECT max(doc_tone) AS t
                FROM event_mentions WHERE event_id = ?1 GROUP BY doc_key)),
            first_mention = (SELECT min(mention_key) FROM event_mentions WHERE event_id = ?1)
         WHERE event_id = ?1",
    )?
    .execute([event_id])?;
    tx.prepare_cached("DELETE FROM events WHERE event_id = ?1 AND num_articles = 0")?
        .execute([event_id])?;
    Ok(())
}
