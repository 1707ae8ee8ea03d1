//! `--db`: which store a command works on, and opening it.

use std::path::PathBuf;

use anyhow::{bail, Context};
use chronicle_store::Store;

#[derive(clap::Args)]
pub struct DbArgs {
    /// The store, one SQLite file. `chronicle ingest` creates it; the query commands read it.
    #[arg(long, value_name = "FILE", env = "CHRONICLE_DB", default_value = "chronicle.db")]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens a store that must already exist: a query on a mistyped path should say so, not
    /// answer from a new empty store.
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        if !self.db.is_file() {
            bail!(
                "no database at {}; run `chronicle ingest` first (or point --db / CHRONICLE_DB at one)",
                self.db.display()
            );
        }
        self.open()
    }

    /// Opens the store, creating it when there is none.
    pub fn open_or_create(&self) -> anyhow::Result<Store> {
        if let Some(dir) = self.db.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_dir() {
                bail!(
                    "cannot create database {}: no directory {}",
                    self.db.display(),
                    dir.display()
                );
            }
        }
        self.open()
    }

    fn open(&self) -> anyhow::Result<Store> {
        Store::open(&self.db).with_context(|| format!("cannot open database {}", self.db.display()))
    }
}
