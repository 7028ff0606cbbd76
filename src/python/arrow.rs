//! `output="arrow"`: records become Arrow record batches in Rust, with the GIL released, and
//! reach Python as one object implementing the Arrow PyCapsule interface
//! (`__arrow_c_stream__`), which pyarrow, polars and DuckDB import without a copy.

use std::path::PathBuf;
use std::sync::Mutex;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::RecordBatch;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use super::{item_exception, OnError, Outcome, CHUNK};
use crate::arrow::{self, Item, BATCH_ROWS};
use crate::batch;
use crate::error::ItemError;

/// A finished batch of records, handed over once through `__arrow_c_stream__`.
#[pyclass(frozen, module = "newsparse._core")]
pub struct ArrowStream {
    stream: Mutex<Option<FFI_ArrowArrayStream>>,
    rows: usize,
}

#[pymethods]
impl ArrowStream {
    /// The Arrow PyCapsule protocol. `requested_schema` is ignored (the protocol allows it):
    /// the schema is fixed, see `newsparse.arrow_schema()`.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let taken = self.stream.lock().ok().and_then(|mut s| s.take());
        let stream = taken.ok_or_else(|| {
            PyValueError::new_err("this Arrow stream was already consumed (streams are read once)")
        })?;
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    fn __len__(&self) -> usize {
        self.rows
    }
}

impl ArrowStream {
    /// A stream over finished batches of `rows` rows in all.
    pub fn from_batches(batches: Vec<RecordBatch>, rows: usize) -> Self {
        ArrowStream {
            stream: Mutex::new(Some(arrow::stream(batches))),
            rows,
        }
    }
}

/// An empty stream with the full schema (`newsparse.arrow_schema()` reads it).
pub fn empty() -> ArrowStream {
    ArrowStream {
        stream: Mutex::new(Some(arrow::stream(Vec::new()))),
        rows: 0,
    }
}

/// One chunk's outcomes as record batches of `BATCH_ROWS` rows, built in parallel; under
/// `OnError::Raise` the first failure instead (its index within the chunk).
fn chunk_batches(
    outcomes: &[Outcome],
    paths: Option<&[PathBuf]>,
    threads: Option<usize>,
    mode: OnError,
) -> Result<Result<Vec<RecordBatch>, (usize, ItemError)>, ItemError> {
    if mode == OnError::Raise {
        if let Some((i, e)) = outcomes.iter().enumerate().find_map(|(i, o)| match o {
            Some(Err(e)) => Some((i, e.clone())),
            _ => None,
        }) {
            return Ok(Err((i, e)));
        }
    }
    let names: Vec<Option<String>> = (0..outcomes.len())
        .map(|i| {
            paths
                .and_then(|p| p.get(i))
                .map(|p| p.to_string_lossy().into_owned())
        })
        .collect();
    let rows: Vec<(Item, Option<&str>)> = outcomes
        .iter()
        .zip(&names)
        .map(|(o, name)| {
            let item = match o {
                None => Item::Missing,
                Some(Ok(p)) => Item::Parsed(p),
                Some(Err(e)) if mode == OnError::Record => Item::Failed(e),
                Some(Err(_)) => Item::Missing,
            };
            (item, name.as_deref())
        })
        .collect();
    let groups: Vec<&[(Item, Option<&str>)]> = rows.chunks(BATCH_ROWS).collect();
    let built = batch::map_ordered(&groups, threads, |g| arrow::record_batch(g))?;
    built.into_iter().collect::<Result<Vec<_>, _>>().map(Ok)
}

/// Runs `work` over `items` chunk by chunk with the GIL released (parsing and building the
/// batches), checking for Ctrl-C between chunks.
pub fn run<T: Sync>(
    py: Python<'_>,
    items: &[T],
    paths: Option<&[PathBuf]>,
    threads: Option<usize>,
    mode: OnError,
    work: impl Fn(&T) -> Outcome + Sync + Send,
) -> PyResult<ArrowStream> {
    let mut batches = Vec::new();
    let mut offset = 0;
    for chunk in items.chunks(CHUNK) {
        let chunk_paths =
            paths.map(|p| &p[offset.min(p.len())..(offset + chunk.len()).min(p.len())]);
        let built = py
            .detach(|| {
                let outcomes = batch::map_ordered(chunk, threads, &work)?;
                chunk_batches(&outcomes, chunk_paths, threads, mode)
            })
            .map_err(|e| item_exception(py, &e, offset, None))?;
        match built {
            Ok(b) => batches.extend(b),
            Err((i, e)) => {
                let path = chunk_paths
                    .and_then(|p| p.get(i))
                    .map(|p| p.to_string_lossy().into_owned());
                return Err(item_exception(py, &e, offset + i, path.as_deref()));
            }
        }
        py.check_signals()?;
        offset += chunk.len();
    }
    Ok(ArrowStream {
        stream: Mutex::new(Some(arrow::stream(batches))),
        rows: items.len(),
    })
}
