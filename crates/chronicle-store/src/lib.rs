//! The embedded event store: SQLite schema, ingest, queries and exports.
