use std::path::PathBuf;

/// Everything that can go wrong in the store, with enough context to act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed while doing `context`.
    #[error("store: {context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
    /// The database file could not be opened.
    #[error("cannot open store {}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// The database was written by a newer Chronicle whose schema this one does not know.
    #[error("store schema version {found} is newer than this program supports ({supported}); upgrade chronicle")]
    SchemaTooNew { found: i64, supported: i64 },
    /// A migration step failed; the database stays at `from`.
    #[error("store migration {from} -> {to} failed: {source}")]
    Migration {
        from: i64,
        to: i64,
        #[source]
        source: rusqlite::Error,
    },
    /// Writing an export failed.
    #[error("export ({format}): {source}")]
    Io {
        format: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// Creating or writing an export file failed.
    #[error("export to {}: {source}", path.display())]
    File {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The Parquet writer failed.
    #[error("parquet export: {0}")]
    Parquet(String),
    /// A query argument that cannot be used (an empty search, a malformed dyad).
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// A value read back from the database does not fit the model (a corrupted row).
    #[error("store data: {0}")]
    Data(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds context to a rusqlite result.
pub(crate) trait Context<T> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T> Context<T> for std::result::Result<T, rusqlite::Error> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|source| Error::Sqlite {
            context: what(),
            source,
        })
    }
}

pub(crate) fn ctx(what: &'static str) -> impl FnOnce() -> String {
    move || what.to_string()
}
