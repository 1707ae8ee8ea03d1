//! The embedded event store: SQLite schema, ingest, queries and exports.
//!
//! A [`Store`] is one SQLite database file (WAL journal) holding documents with full-text
//! search, their entities, times, places and quotes, and the coded events merged across
//! articles the way GDELT counts them: one event per (date, source actor, target actor, CAMEO
//! code), with the number of mentions, articles and sources that report it, and every
//! mention linked to its article and evidence sentence.
//!
//! * [`Store::ingest_batch`] stores documents, one transaction per batch (see [`ingest`]);
//! * [`Store::search`], [`Store::events`], [`Store::timeline`], [`Store::actor`],
//!   [`Store::quotes`] answer queries with serializable rows;
//! * [`Store::export`] writes events as GDELT 2.0 TSV, PLOVER JSON, Parquet or JSON Lines.
//!
//! Offsets stored are Unicode code points, as in the record contract.

mod error;
pub mod export;
pub mod ingest;
pub mod offsets;
pub mod query;
pub mod schema;
pub mod synth;

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

pub use error::{Error, Result};
pub use export::ExportFormat;
pub use ingest::{text_hash, Disposition, IngestCounts, Reject, StoredDoc, TextHash};
pub use query::{
    ActorReport, Dyad, EventFilter, EventRow, Period, QuoteFilter, QuoteRow, SearchFilter, SearchRank, SearchRow,
    TimelineRow, DEFAULT_WINDOW,
};

use error::{ctx, Context};

/// An open event store.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// A bulk load is running: full-text indexing waits for [`Store::finish_bulk`].
    bulk: bool,
    /// The bulk load's first batch has decided whether to defer the secondary indexes.
    bulk_started: bool,
    /// A bulk load into a store with fewer events defers them ([`ingest::DEFER_INDEXES_BELOW`]).
    defer_indexes_below: i64,
}

/// How much a store holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StoreStats {
    pub schema_version: i64,
    pub documents: i64,
    pub events: i64,
    pub mentions: i64,
    pub quotes: i64,
    pub entities: i64,
}

impl Store {
    /// Opens (creating if needed) the store at `path`, migrates it to the current schema and
    /// indexes any documents a bulk load left unindexed (a crash, or a load still running in
    /// another process: its next batch starts a new backlog) and builds the secondary indexes
    /// such a load dropped.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        let mut conn = Connection::open(path).map_err(|source| Error::Open {
            path: path.into(),
            source,
        })?;
        schema::configure(&conn, true)?;
        schema::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            path: Some(path.into()),
            bulk: false,
            bulk_started: false,
            defer_indexes_below: ingest::DEFER_INDEXES_BELOW,
        };
        store.index_backlog()?;
        store.build_missing_indexes()?;
        Ok(store)
    }

    /// A store in memory, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory().map_err(|source| Error::Open {
            path: ":memory:".into(),
            source,
        })?;
        schema::configure(&conn, false)?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            bulk: false,
            bulk_started: false,
            defer_indexes_below: ingest::DEFER_INDEXES_BELOW,
        })
    }

    /// The database file, when the store has one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying connection, for ad-hoc SQL (read it; write through the store).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Counts of what the store holds.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |table: &str| -> Result<i64> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| row.get(0))
                .context(|| format!("counting {table}"))
        };
        Ok(StoreStats {
            schema_version: schema::version(&self.conn)?,
            documents: count("documents")?,
            events: count("events")?,
            mentions: count("event_mentions")?,
            quotes: count("quotes")?,
            entities: count("entities")?,
        })
    }

    /// Runs SQLite's `ANALYZE`-style optimisation; cheap, worth calling after a large ingest.
    pub fn optimize(&self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA optimize;")
            .context(ctx("optimizing the store"))
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) mod testutil;
