//! Parquet: one row per event, Snappy-compressed, written in record batches of 64Ki rows.
//!
//! | column | type | |
//! |---|---|---|
//! | `event_id` | INT64 | GDELT's GlobalEventID |
//! | `date` | DATE (INT32) | event date |
//! | `source_actor`, `target_actor` | STRING, nullable | CAMEO actor codes |
//! | `cameo`, `root` | STRING | CAMEO code and root, leading zeros kept |
//! | `quad_class` | INT32 | 1–4 |
//! | `goldstein` | DOUBLE | |
//! | `plover` | STRING, nullable | PLOVER event type |
//! | `num_mentions`, `num_articles`, `num_sources` | INT64 | across articles |
//! | `avg_tone` | DOUBLE, nullable | mean tone of the reporting articles |
//! | `mode` | STRING | asserted, negated, hypothetical, future, reported |
//! | `place`, `country` | STRING, nullable | place name, ISO 3166-1 alpha-2 |
//! | `lat`, `lon` | DOUBLE, nullable | |
//! | `geonameid` | INT64, nullable | |
//! | `source_text`, `target_text` | STRING, nullable | how the article names the actors |
//! | `doc_id`, `url`, `news_source` | STRING (url, news_source nullable) | the evidence article |
//! | `evidence` | STRING | the evidence sentence |
//! | `date_added` | INT64 | first ingest, `YYYYMMDDHHMMSS` UTC |
//!
//! Plain logical types only (no dictionary-typed or nested columns), so Spark, DuckDB,
//! pandas/pyarrow and polars read it as is.

use std::io::Write;
use std::sync::Arc;

use arrow_array::{ArrayRef, Date32Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::error::{Error, Result};
use crate::query::{EventFilter, EventRow};
use crate::Store;

const BATCH: usize = 1 << 16;

/// The Arrow schema of the export.
pub fn schema() -> Schema {
    let s = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    let i = |name: &str, nullable| Field::new(name, DataType::Int64, nullable);
    let f = |name: &str, nullable| Field::new(name, DataType::Float64, nullable);
    Schema::new(vec![
        i("event_id", false),
        Field::new("date", DataType::Date32, false),
        s("source_actor", true),
        s("target_actor", true),
        s("cameo", false),
        s("root", false),
        Field::new("quad_class", DataType::Int32, false),
        f("goldstein", false),
        s("plover", true),
        i("num_mentions", false),
        i("num_articles", false),
        i("num_sources", false),
        f("avg_tone", true),
        s("mode", false),
        s("place", true),
        s("country", true),
        f("lat", true),
        f("lon", true),
        i("geonameid", true),
        s("source_text", true),
        s("target_text", true),
        s("doc_id", false),
        s("url", true),
        s("news_source", true),
        s("evidence", false),
        i("date_added", false),
    ])
}

fn err(e: impl std::fmt::Display) -> Error {
    Error::Parquet(e.to_string())
}

fn batch(schema: &Arc<Schema>, rows: &[EventRow]) -> Result<RecordBatch> {
    let epoch = chronicle_doc::Date::from_ymd_opt(1970, 1, 1).expect("valid date");
    let strings =
        |f: fn(&EventRow) -> Option<&str>| -> ArrayRef { Arc::new(rows.iter().map(f).collect::<StringArray>()) };
    let ints = |f: fn(&EventRow) -> Option<i64>| -> ArrayRef { Arc::new(rows.iter().map(f).collect::<Int64Array>()) };
    let floats =
        |f: fn(&EventRow) -> Option<f64>| -> ArrayRef { Arc::new(rows.iter().map(f).collect::<Float64Array>()) };
    let dates = rows
        .iter()
        .map(|r| {
            chronicle_doc::Date::parse_from_str(&r.date, "%Y-%m-%d")
                .map(|d| (d - epoch).num_days() as i32)
                .map_err(|e| Error::Data(format!("event {} date {:?}: {e}", r.event_id, r.date)))
        })
        .collect::<Result<Vec<i32>>>()?;
    let columns: Vec<ArrayRef> = vec![
        ints(|r| Some(r.event_id)),
        Arc::new(Date32Array::from(dates)),
        strings(|r| r.source_actor.as_deref()),
        strings(|r| r.target_actor.as_deref()),
        strings(|r| Some(&r.cameo)),
        strings(|r| Some(&r.root)),
        Arc::new(
            rows.iter()
                .map(|r| Some(i32::from(r.quad_class)))
                .collect::<Int32Array>(),
        ),
        floats(|r| Some(r.goldstein)),
        strings(|r| r.plover.as_deref()),
        ints(|r| Some(r.num_mentions)),
        ints(|r| Some(r.num_articles)),
        ints(|r| Some(r.num_sources)),
        floats(|r| r.avg_tone),
        strings(|r| Some(&r.mode)),
        strings(|r| r.place.as_deref()),
        strings(|r| r.country.as_deref()),
        floats(|r| r.lat),
        floats(|r| r.lon),
        ints(|r| r.geonameid),
        strings(|r| r.source_text.as_deref()),
        strings(|r| r.target_text.as_deref()),
        strings(|r| Some(&r.doc_id)),
        strings(|r| r.url.as_deref()),
        strings(|r| r.news_source.as_deref()),
        strings(|r| Some(&r.evidence)),
        ints(|r| Some(r.date_added)),
    ];
    RecordBatch::try_new(schema.clone(), columns).map_err(err)
}

/// Reading the store and encoding Parquet (column building, Snappy) each take about half of
/// an export: the rows are read here and encoded on a second thread, a batch at a time, in
/// order.
pub(crate) fn write<W: Write + Send>(store: &Store, filter: &EventFilter, out: W) -> Result<u64> {
    let schema = Arc::new(schema());
    let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(err)?;
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<EventRow>>(2);
    std::thread::scope(|scope| {
        let encoder = scope.spawn(|| -> Result<()> {
            for rows in receive {
                writer.write(&batch(&schema, &rows)?).map_err(err)?;
            }
            Ok(())
        });
        let mut rows = Vec::with_capacity(BATCH);
        let read = store.for_each_event(filter, |row| {
            rows.push(row);
            if rows.len() == BATCH {
                let full = std::mem::replace(&mut rows, Vec::with_capacity(BATCH));
                // A closed channel means the encoder failed: stop reading, its error is the
                // one reported below.
                send.send(full)
                    .map_err(|_| Error::Data("the Parquet encoder stopped".into()))?;
            }
            Ok(())
        });
        if read.is_ok() && !rows.is_empty() {
            let _ = send.send(rows);
        }
        drop(send);
        let encoded = encoder.join().expect("the Parquet encoder thread panicked");
        encoded?;
        read
    })
    .and_then(|n| {
        writer.close().map_err(err)?;
        Ok(n)
    })
}
