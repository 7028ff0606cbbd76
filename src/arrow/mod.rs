//! Records as Arrow record batches, built straight from the Rust structs (serde_arrow) with no
//! intermediate objects, and handed over through the Arrow C stream interface so that pyarrow,
//! polars or DuckDB adopt the buffers without a copy.
//!
//! The columns are in `schema` (one per record key). A row is a record, a missing input (all
//! nulls) or a failure (all nulls but `error` when the caller asked for error rows).

pub mod schema;

use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use serde::Serialize;

use crate::batch::Parsed;
use crate::error::ItemError;
use crate::html::HtmlMeta;
use crate::record::Record;

/// Rows per record batch: fixed, so a table's chunking does not depend on the thread count.
pub const BATCH_ROWS: usize = 1024;

/// What one input became, as the batch writer sees it.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    /// `None` / NaN input, or a failure the caller wants as nulls.
    Missing,
    Parsed(&'a Parsed),
    /// A failure kept as an error row.
    Failed(&'a ItemError),
}

#[derive(Serialize)]
struct ErrorCell<'a> {
    kind: &'static str,
    message: &'a str,
}

/// One row. `record` is flattened so its keys become top-level columns; when it is `None`
/// they are left out and filled with nulls (every top-level column is nullable).
#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    record: Option<&'a Record>,
    text: Option<&'a str>,
    html: Option<&'a HtmlMeta>,
    path: Option<&'a str>,
    url: Option<&'a str>,
    warc_date: Option<&'a str>,
    warc_record_id: Option<&'a str>,
    error: Option<ErrorCell<'a>>,
}

/// Where a row came from: its file, and for a web archive record the page's URL, capture
/// date and record id.
#[derive(Debug, Clone, Copy, Default)]
pub struct Source<'a> {
    pub path: Option<&'a str>,
    pub url: Option<&'a str>,
    pub warc_date: Option<&'a str>,
    pub warc_record_id: Option<&'a str>,
}

fn row<'a>(item: Item<'a>, src: Source<'a>) -> Row<'a> {
    let mut r = Row {
        record: None,
        text: None,
        html: None,
        path: src.path,
        url: src.url,
        warc_date: src.warc_date,
        warc_record_id: src.warc_record_id,
        error: None,
    };
    match item {
        Item::Missing => {}
        Item::Parsed(Parsed::Text(rec)) => r.record = Some(rec),
        Item::Parsed(Parsed::Html(h)) => {
            r.record = Some(&h.record);
            r.text = Some(&h.text);
            r.html = Some(&h.meta);
        }
        Item::Failed(e) => {
            r.error = Some(ErrorCell {
                kind: e.kind.as_str(),
                message: &e.message,
            })
        }
    }
    r
}

/// One record batch of `items` (paired with their file paths, if any).
pub fn record_batch(items: &[(Item<'_>, Option<&str>)]) -> Result<RecordBatch, ItemError> {
    let rows: Vec<Row> = items
        .iter()
        .map(|&(item, path)| {
            let src = Source {
                path,
                ..Source::default()
            };
            row(item, src)
        })
        .collect();
    to_batch(&rows)
}

/// One record batch of `items` with where each came from (web archive records).
pub fn record_batch_with_sources(
    items: &[(Item<'_>, Source<'_>)],
) -> Result<RecordBatch, ItemError> {
    let rows: Vec<Row> = items.iter().map(|&(item, src)| row(item, src)).collect();
    to_batch(&rows)
}

#[allow(clippy::ptr_arg)] // serde_arrow takes a sized `Serialize`: a Vec, not a slice
fn to_batch(rows: &Vec<Row>) -> Result<RecordBatch, ItemError> {
    serde_arrow::to_record_batch(schema::fields(), rows)
        .map_err(|e| ItemError::internal(format!("building the Arrow batch failed: {e}")))
}

/// The batches as an Arrow C stream (the `ArrowArrayStream` of the C data interface).
pub fn stream(batches: Vec<RecordBatch>) -> FFI_ArrowArrayStream {
    let schema = Arc::new(schema::schema());
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    FFI_ArrowArrayStream::new(Box::new(reader))
}

#[cfg(test)]
mod tests;
