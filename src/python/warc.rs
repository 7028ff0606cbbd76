//! Web archives from Python: `_core.WarcBatches`, an iterator over batches of parsed pages
//! (lists of dicts or Arrow streams), reading the next batch while the current one parses,
//! with the skip and error counts in `stats`.

use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyList;

use super::arrow::ArrowStream;
use super::convert::{to_py, Keys};
use super::{
    error_record, fields_arg, item_exception, on_error_mode, output_mode, parsed_to_py, OnError,
    Output,
};
use crate::arrow::{self as core_arrow, Item, Source, BATCH_ROWS};
use crate::batch;
use crate::calendar::Date;
use crate::error::ItemError;
use crate::record::Options;
use crate::warc::{self, Batches, Entry, Origin, ParsedBatch};

struct State {
    batches: Batches,
    next: Option<Vec<Entry>>,
    options: Options,
    threads: Option<usize>,
    mode: OnError,
    output: Output,
    batch_pages: usize,
    /// Rows handed out so far (error records' `index`).
    offset: usize,
}

/// Batches of records from web archives. See `newsparse.iter_warc`.
#[pyclass(module = "newsparse._core")]
pub struct WarcBatches {
    state: Mutex<State>,
}

/// Bytes of HTML that end a batch early (very large pages keep memory bounded too).
const BATCH_HTML_BYTES: usize = 256 << 20;

/// A failure's message naming the record it belongs to.
fn located(origin: &Origin, e: &ItemError) -> ItemError {
    let mut what = Vec::new();
    if let Some(u) = &origin.url {
        what.push(u.clone());
    }
    if let Some(id) = &origin.record_id {
        what.push(id.clone());
    }
    if what.is_empty() {
        return e.clone();
    }
    ItemError {
        kind: e.kind,
        message: format!(
            "{} at byte {}: {}",
            what.join(" "),
            origin.offset,
            e.message
        ),
        errno: e.errno,
    }
}

fn set_origin(d: &Bound<'_, PyAny>, o: &Origin) -> PyResult<()> {
    d.set_item("path", &o.path)?;
    d.set_item("url", o.url.as_deref())?;
    d.set_item("warc_date", o.warc_date.as_deref())?;
    d.set_item("warc_record_id", o.record_id.as_deref())?;
    Ok(())
}

fn source(o: &Origin) -> Source<'_> {
    Source {
        path: Some(&o.path),
        url: o.url.as_deref(),
        warc_date: o.warc_date.as_deref(),
        warc_record_id: o.record_id.as_deref(),
    }
}

/// One parsed batch as Arrow record batches of `BATCH_ROWS` rows, built in parallel.
fn arrow_batches(
    parsed: &ParsedBatch,
    mode: OnError,
    threads: Option<usize>,
) -> Result<Vec<arrow_array::RecordBatch>, ItemError> {
    let rows: Vec<(Item, Source)> = parsed
        .iter()
        .map(|(o, r)| {
            let item = match r {
                Ok(p) => Item::Parsed(p),
                Err(e) if mode == OnError::Record => Item::Failed(e),
                Err(_) => Item::Missing,
            };
            (item, source(o))
        })
        .collect();
    let groups: Vec<&[(Item, Source)]> = rows.chunks(BATCH_ROWS).collect();
    let built = batch::map_ordered(&groups, threads, |g| {
        core_arrow::record_batch_with_sources(g)
    })?;
    built.into_iter().collect()
}

#[pymethods]
impl WarcBatches {
    #[new]
    #[pyo3(signature = (paths, published=None, threads=None, on_error="raise", output="dicts", batch_size=256, max_record_bytes=warc::DEFAULT_MAX_RECORD_BYTES, fields=None))]
    #[allow(clippy::too_many_arguments)] // mirrors the Python signature, keyword arguments
    fn new(
        paths: Vec<String>,
        published: Option<&str>,
        threads: Option<usize>,
        on_error: &str,
        output: &str,
        batch_size: usize,
        max_record_bytes: u64,
        fields: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        if threads == Some(0) {
            return Err(PyValueError::new_err(
                "threads must be at least 1 (or None for all cores)",
            ));
        }
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        let published = match published {
            None => None,
            Some(s) => Some(Date::parse_iso(s).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "published: expected an ISO 8601 date such as '2014-01-05', got {s:?}"
                ))
            })?),
        };
        Ok(WarcBatches {
            state: Mutex::new(State {
                batches: Batches::new(paths, max_record_bytes),
                next: None,
                options: Options {
                    published,
                    fields: fields_arg(fields)?,
                    ..Options::default()
                },
                threads,
                mode: on_error_mode(on_error)?,
                output: output_mode(output)?,
                batch_pages: batch_size,
                offset: 0,
            }),
        })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next batch: a list of records (dicts, `None` or error records as `on_error` says)
    /// or an Arrow stream; `StopIteration` when every archive is read.
    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let mut guard = self
            .state
            .lock()
            .map_err(|_| PyValueError::new_err("WarcBatches: a previous call failed mid-way"))?;
        let st = &mut *guard;
        let (pages, bytes) = (st.batch_pages, BATCH_HTML_BYTES);
        let current = match st.next.take() {
            Some(c) => c,
            None => py.detach(|| st.batches.next_batch(pages, bytes)),
        };
        if current.is_empty() {
            return Ok(None);
        }
        let (options, threads, mode) = (st.options, st.threads, st.mode);
        let output = st.output;
        let batches = &mut st.batches;
        let work = py.detach(|| -> Result<_, ItemError> {
            let (parsed, next) =
                warc::parse_then_read(batches, current, &options, threads, pages, bytes)?;
            let arrow = match output {
                Output::Arrow
                    if mode != OnError::Raise || parsed.iter().all(|(_, r)| r.is_ok()) =>
                {
                    Some(arrow_batches(&parsed, mode, threads)?)
                }
                _ => None,
            };
            Ok((parsed, next, arrow))
        });
        let (parsed, next, arrow) = work.map_err(|e| item_exception(py, &e, st.offset, None))?;
        st.next = Some(next);
        py.check_signals()?;
        let offset = st.offset;
        st.offset += parsed.len();
        if mode == OnError::Raise {
            if let Some((i, (o, Err(e)))) = parsed.iter().enumerate().find(|(_, (_, r))| r.is_err())
            {
                return Err(item_exception(
                    py,
                    &located(o, e),
                    offset + i,
                    Some(&o.path),
                ));
            }
        }
        if let Some(batches) = arrow {
            let stream = ArrowStream::from_batches(batches, parsed.len());
            return Ok(Some(Bound::new(py, stream)?.into_any()));
        }
        let out = PyList::empty(py);
        let keys = Keys::default();
        for (i, (o, r)) in parsed.iter().enumerate() {
            let item = match r {
                Ok(p) => {
                    let d = parsed_to_py(py, &keys, p)?;
                    set_origin(&d, o)?;
                    d
                }
                Err(_) if mode == OnError::Null => py.None().into_bound(py),
                Err(e) => {
                    let d = error_record(py, &located(o, e), offset + i, Some(&o.path))?;
                    set_origin(&d, o)?;
                    d
                }
            };
            out.append(item)?;
        }
        Ok(Some(out.into_any()))
    }

    /// Counts so far: `records`, `pages`, `errors`, `skipped` (by reason) and `files` (one
    /// entry per archive finished, with its own counts).
    #[getter]
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let st = self
            .state
            .lock()
            .map_err(|_| PyValueError::new_err("WarcBatches: a previous call failed mid-way"))?;
        let keys = Keys::default();
        let d = to_py(py, &keys, &st.batches.stats)?;
        let files = PyList::empty(py);
        for (path, s) in &st.batches.per_file {
            let f = to_py(py, &keys, s)?;
            f.set_item("path", path)?;
            files.append(f)?;
        }
        d.set_item("files", files)?;
        Ok(d)
    }
}

/// Reads every page of the archives without parsing: `(pages, bytes of HTML, failures)`.
/// Lets `bench/` time the reader alone. Not part of the API.
#[pyfunction]
#[pyo3(signature = (paths, max_record_bytes=warc::DEFAULT_MAX_RECORD_BYTES))]
pub fn _warc_read(py: Python<'_>, paths: Vec<String>, max_record_bytes: u64) -> (u64, u64, u64) {
    py.detach(|| {
        let mut b = Batches::new(paths, max_record_bytes);
        let (mut pages, mut bytes, mut failed) = (0, 0, 0);
        loop {
            let batch = b.next_batch(1024, usize::MAX);
            if batch.is_empty() {
                return (pages, bytes, failed);
            }
            for e in batch {
                match e {
                    Entry::Page(p) => {
                        pages += 1;
                        bytes += p.html.len() as u64;
                    }
                    Entry::Failed(..) => failed += 1,
                }
            }
        }
    })
}
