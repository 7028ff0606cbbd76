//! The Python face of the core (`newsparse._core`): convert arguments, release the GIL, run
//! the batch in rayon, map errors to exceptions that say which item (or file) and why.

mod arrow;
mod convert;
mod dedup;
mod warc;

use std::path::PathBuf;

use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyFloat, PyList, PyString};

use crate::batch::{self, Format, Parsed};
use crate::calendar::Date;
use crate::error::{ErrorKind, ItemError};
use crate::files::{self, DecodeErrors};
use crate::limits::{Limits, DEFAULT_MAX_BYTES};
use crate::record::{Fields, Options};
use convert::{to_py, Keys};

/// Items parsed between two checks for Ctrl-C (and two GIL re-acquisitions).
const CHUNK: usize = 4096;

#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Raise,
    Null,
    Record,
}

fn on_error_mode(s: &str) -> PyResult<OnError> {
    match s {
        "raise" => Ok(OnError::Raise),
        "null" => Ok(OnError::Null),
        "record" => Ok(OnError::Record),
        other => Err(PyValueError::new_err(format!(
            "on_error must be 'raise', 'null' or 'record', got {other:?}"
        ))),
    }
}

/// One input article as extracted under the GIL.
enum Input {
    Borrowed(PyBackedStr),
    /// A `str` with lone surrogates: each one became U+FFFD, so code-point offsets still hold.
    Repaired(String),
    Missing,
    /// `bytes`, taken only where the input may be a page (`format="html"`/`"auto"`): a
    /// page's bytes are decoded by its own charset rules.
    Bytes(PyBackedBytes),
    /// Not a `str`: the type's name, for the error.
    Bad(String),
}

impl Input {
    fn text(&self) -> Option<&str> {
        match self {
            Input::Borrowed(s) => Some(s),
            Input::Repaired(s) => Some(s),
            _ => None,
        }
    }

    /// What the parser reads: a `str`'s UTF-8 or a page's raw bytes.
    fn raw(&self) -> Option<&[u8]> {
        match self {
            Input::Bytes(b) => Some(b),
            _ => self.text().map(str::as_bytes),
        }
    }
}

fn extract_text(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
    if obj.is_none() {
        return Ok(Input::Missing);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(match s.extract::<PyBackedStr>() {
            Ok(b) => Input::Borrowed(b),
            Err(_) => Input::Repaired(repair_surrogates(s)?),
        });
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(Input::Missing); // pandas' missing value in an object column
        }
    }
    let ty = obj.get_type().name()?.to_string();
    if ty == "NAType" || ty == "NaTType" {
        return Ok(Input::Missing);
    }
    Ok(Input::Bad(ty))
}

fn repair_surrogates(s: &Bound<'_, PyString>) -> PyResult<String> {
    let bytes = s.call_method1("encode", ("utf-16-le", "surrogatepass"))?;
    let bytes: &[u8] = bytes.extract()?;
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]));
    Ok(char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect())
}

fn parse_date(s: &str, what: &str) -> PyResult<Date> {
    Date::parse_iso(s).ok_or_else(|| {
        PyValueError::new_err(format!(
            "{what}: expected an ISO 8601 date such as '2014-01-05' (or a datetime.date), got {s:?}"
        ))
    })
}

/// `published` as the Python layer passes it: None, one ISO string, or a list aligned with the input.
fn published_dates(published: Option<&Bound<'_, PyAny>>, n: usize) -> PyResult<Vec<Option<Date>>> {
    let Some(p) = published.filter(|p| !p.is_none()) else {
        return Ok(vec![None; n]);
    };
    if let Ok(s) = p.extract::<PyBackedStr>() {
        let d = parse_date(&s, "published")?;
        return Ok(vec![Some(d); n]);
    }
    let list = p.cast::<PyList>().map_err(|_| {
        PyTypeError::new_err(
            "published must be None, an ISO date string, a datetime.date, or a list of them",
        )
    })?;
    if list.len() != n {
        return Err(PyValueError::new_err(format!(
            "published has {} dates for {n} articles; give one per article, or a single date",
            list.len()
        )));
    }
    list.iter()
        .enumerate()
        .map(|(i, item)| match item.is_none() {
            true => Ok(None),
            false => {
                let s: PyBackedStr = item.extract().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "published[{i}]: expected an ISO date string or None"
                    ))
                })?;
                parse_date(&s, &format!("published[{i}]")).map(Some)
            }
        })
        .collect()
}

/// `fields` as the Python layer passes it: None (every field), one name, or an iterable of
/// names (record keys, or "layout").
fn fields_arg(fields: Option<&Bound<'_, PyAny>>) -> PyResult<Fields> {
    let Some(f) = fields.filter(|f| !f.is_none()) else {
        return Ok(Fields::ALL);
    };
    let names: Vec<String> = if let Ok(s) = f.extract::<String>() {
        vec![s]
    } else {
        let iter = f.try_iter().map_err(|_| {
            PyTypeError::new_err("fields must be None, a field name or an iterable of names")
        })?;
        iter.map(|x| {
            x.and_then(|x| x.extract::<String>()).map_err(|_| {
                PyTypeError::new_err("fields must be None, a field name or an iterable of names")
            })
        })
        .collect::<PyResult<_>>()?
    };
    Fields::parse(names.iter().map(String::as_str)).map_err(PyValueError::new_err)
}

/// Each item paired with its options (its `published` date, one for all or one per item, and
/// the fields asked for).
fn with_options<'a, T>(
    items: &'a [T],
    published: Option<&Bound<'_, PyAny>>,
    fields: Fields,
    summary_sentences: i64,
) -> PyResult<Vec<(&'a T, Options)>> {
    let dates = published_dates(published, items.len())?;
    let summary_sentences = summary_count(summary_sentences)?;
    Ok(items
        .iter()
        .zip(dates)
        .map(|(x, d)| {
            (
                x,
                Options {
                    published: d,
                    fields,
                    summary_sentences,
                    ..Options::default()
                },
            )
        })
        .collect())
}

/// `summary_sentences` checked: a count of sentences, 0 for no summary.
fn summary_count(n: i64) -> PyResult<usize> {
    usize::try_from(n).map_err(|_| {
        PyValueError::new_err(format!(
            "summary_sentences must be 0 or more (0: no summary), got {n}"
        ))
    })
}

fn errors_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("newsparse.errors")
}

/// The exception for one failed item: `OSError` for files that cannot be read, `DecodeError`
/// (a `ValueError`) for bad bytes, `ArticleError` for a failure inside newsparse, each naming
/// the item's index and, for files, its path.
fn item_exception(py: Python<'_>, err: &ItemError, index: usize, path: Option<&str>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let where_ = match path {
            Some(p) => p.to_string(),
            None => format!("item {index}"),
        };
        if err.kind == ErrorKind::Io {
            let e = PyOSError::new_err((
                err.errno.unwrap_or(0),
                err.message.clone(),
                path.unwrap_or("").to_string(),
            ));
            return Ok(e);
        }
        if err.kind == ErrorKind::Invalid {
            return Ok(PyValueError::new_err(format!("{where_}: {}", err.message)));
        }
        let class = match err.kind {
            ErrorKind::Decode => "DecodeError",
            ErrorKind::TooLarge => "TooLargeError",
            _ => "ArticleError",
        };
        let cls = errors_module(py)?.getattr(class)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", index)?;
        kwargs.set_item("path", path)?;
        kwargs.set_item("kind", err.kind.as_str())?;
        let exc = cls.call((format!("{where_}: {}", err.message),), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    build().unwrap_or_else(|e| e)
}

fn error_record<'py>(
    py: Python<'py>,
    err: &ItemError,
    index: usize,
    path: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let inner = PyDict::new(py);
    inner.set_item("kind", err.kind.as_str())?;
    inner.set_item("message", &err.message)?;
    let d = PyDict::new(py);
    d.set_item("error", inner)?;
    d.set_item("index", index)?;
    if let Some(p) = path {
        d.set_item("path", p)?;
    }
    Ok(d.into_any())
}

fn check_threads(threads: Option<usize>) -> PyResult<Option<usize>> {
    match threads {
        Some(0) => Err(PyValueError::new_err(
            "threads must be at least 1 (or None for all cores)",
        )),
        t => Ok(t),
    }
}

type Outcome = Option<Result<Parsed, ItemError>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Output {
    Dicts,
    Arrow,
}

fn output_mode(s: &str) -> PyResult<Output> {
    match s {
        "dicts" => Ok(Output::Dicts),
        "arrow" => Ok(Output::Arrow),
        other => Err(PyValueError::new_err(format!(
            "output must be 'dicts' or 'arrow', got {other:?}"
        ))),
    }
}

fn format_mode(s: &str) -> PyResult<Format> {
    match s {
        "auto" => Ok(Format::Auto),
        "text" => Ok(Format::Text),
        "html" => Ok(Format::Html),
        other => Err(PyValueError::new_err(format!(
            "format must be 'auto', 'text' or 'html', got {other:?}"
        ))),
    }
}

/// A record as a dict; an HTML page's also carries `text` (what its spans index) and `html`.
fn parsed_to_py<'py>(py: Python<'py>, keys: &Keys, parsed: &Parsed) -> PyResult<Bound<'py, PyAny>> {
    match parsed {
        Parsed::Text(r) => to_py(py, keys, r),
        Parsed::Html(h) => {
            let d = to_py(py, keys, &h.record)?;
            d.set_item("text", &h.text)?;
            d.set_item("html", to_py(py, keys, &h.meta)?)?;
            Ok(d)
        }
    }
}

/// One item's place in the output: its record (with `path` for files), `None` for a missing
/// input, or what `on_error` says for a failure.
fn outcome_to_py<'py>(
    py: Python<'py>,
    keys: &Keys,
    mode: OnError,
    index: usize,
    path: Option<&str>,
    outcome: Outcome,
) -> PyResult<Bound<'py, PyAny>> {
    match outcome {
        None => Ok(py.None().into_bound(py)),
        Some(Ok(r)) => {
            let d = parsed_to_py(py, keys, &r)?;
            if let Some(p) = path {
                d.set_item("path", p)?;
            }
            Ok(d)
        }
        Some(Err(e)) => match mode {
            OnError::Raise => Err(item_exception(py, &e, index, path)),
            OnError::Null => Ok(py.None().into_bound(py)),
            OnError::Record => error_record(py, &e, index, path),
        },
    }
}

/// Python's cyclic garbage collector paused while records are built: a record is thousands of
/// fresh dicts and lists, each allocation counts towards a collection, and none can form a
/// cycle, so the collections it triggers (about a third of the time) find nothing.
struct GcPause<'py>(Option<Bound<'py, PyModule>>);

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> Self {
        let gc = py.import("gc").ok();
        let enabled = gc
            .as_ref()
            .and_then(|g| g.call_method0("isenabled").ok())
            .and_then(|v| v.extract::<bool>().ok())
            .unwrap_or(false);
        match gc {
            Some(g) if enabled && g.call_method0("disable").is_ok() => GcPause(Some(g)),
            _ => GcPause(None),
        }
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(g) = &self.0 {
            let _ = g.call_method0("enable");
        }
    }
}

/// Runs `work` over `items` chunk by chunk with the GIL released, checking for Ctrl-C between
/// chunks, then hands each outcome to `emit` under the GIL.
fn run_chunked<'py, T: Sync>(
    py: Python<'py>,
    items: &[T],
    threads: Option<usize>,
    work: impl Fn(&T) -> Outcome + Sync + Send,
    mut emit: impl FnMut(usize, Outcome) -> PyResult<()>,
) -> PyResult<()> {
    let mut offset = 0;
    for chunk in items.chunks(CHUNK) {
        let outcomes = py
            .detach(|| batch::map_ordered(chunk, threads, &work))
            .map_err(|e| item_exception(py, &e, offset, None))?;
        py.check_signals()?;
        let _pause = GcPause::new(py);
        for (i, o) in outcomes.into_iter().enumerate() {
            emit(offset + i, o)?;
        }
        offset += chunk.len();
    }
    Ok(())
}

/// Parses one article. See `newsparse.parse`.
#[pyfunction]
#[pyo3(signature = (text, published=None, fields=None, summary_sentences=3, max_bytes=Some(DEFAULT_MAX_BYTES)))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    fields: Option<&Bound<'py, PyAny>>,
    summary_sentences: i64,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = Limits::new(max_bytes);
    let input = extract_text(text)?;
    let Some(s) = input.text() else {
        let ty = match &input {
            Input::Bad(t) => t.clone(),
            Input::Bytes(_) => "bytes".to_string(),
            _ => "NoneType".to_string(),
        };
        return Err(PyTypeError::new_err(format!(
            "parse() expects a str, got {ty}"
        )));
    };
    let published = published_dates(published, 1)?.pop().flatten();
    let options = Options {
        published,
        fields: fields_arg(fields)?,
        summary_sentences: summary_count(summary_sentences)?,
        ..Options::default()
    };
    parse_one(py, || {
        batch::parse_limited(s.as_bytes(), Format::Text, &options, None, &limits)
    })
}

/// One article parsed with the GIL released, then converted (`parse`, `parse_html`).
fn parse_one<'py>(
    py: Python<'py>,
    work: impl FnOnce() -> Result<Parsed, ItemError> + Send,
) -> PyResult<Bound<'py, PyAny>> {
    match py.detach(work) {
        Ok(p) => {
            let _pause = GcPause::new(py);
            parsed_to_py(py, &Keys::default(), &p)
        }
        Err(e) => Err(item_exception(py, &e, 0, None)),
    }
}

/// Parses one HTML page (`str` or `bytes`). See `newsparse.parse_html`.
#[pyfunction]
#[pyo3(signature = (html, url=None, published=None, fields=None, summary_sentences=3, max_bytes=Some(DEFAULT_MAX_BYTES)))]
fn parse_html<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<&str>,
    published: Option<&Bound<'py, PyAny>>,
    fields: Option<&Bound<'py, PyAny>>,
    summary_sentences: i64,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    // Borrowed, not copied: a page over the limit costs nothing. A str is already decoded:
    // its UTF-8 bytes are what the page decoder sees (valid non-ASCII UTF-8 wins over a
    // declared charset, so nothing is decoded twice).
    let input = match html.cast::<PyBytes>() {
        Ok(b) => Input::Bytes(b.clone().into()),
        Err(_) => extract_text(html)?,
    };
    let Some(raw) = input.raw() else {
        let ty = html.get_type().name()?.to_string();
        return Err(PyTypeError::new_err(format!(
            "parse_html() expects str or bytes, got {ty}"
        )));
    };
    let published = published_dates(published, 1)?.pop().flatten();
    let options = Options {
        published,
        fields: fields_arg(fields)?,
        summary_sentences: summary_count(summary_sentences)?,
        ..Options::default()
    };
    let limits = Limits::new(max_bytes);
    parse_one(py, || {
        batch::parse_limited(raw, Format::Html, &options, url, &limits)
    })
}

/// Parses many articles in parallel. See `newsparse.parse_many`.
#[pyfunction]
#[pyo3(signature = (texts, published=None, threads=None, on_error="raise", format="text", output="dicts", fields=None, summary_sentences=3, max_bytes=Some(DEFAULT_MAX_BYTES)))]
#[allow(clippy::too_many_arguments)] // mirrors the Python signature, keyword arguments
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    on_error: &str,
    format: &str,
    output: &str,
    fields: Option<&Bound<'py, PyAny>>,
    summary_sentences: i64,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let fields = fields_arg(fields)?;
    let limits = Limits::new(max_bytes);
    let mode = on_error_mode(on_error)?;
    let output = output_mode(output)?;
    let format = format_mode(format)?;
    let threads = check_threads(threads)?;
    let iter = texts.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "parse_many() expects an iterable of str, got {}",
            texts
                .get_type()
                .name()
                .map(|n| n.to_string())
                .unwrap_or_default()
        ))
    })?;
    let mut inputs = Vec::new();
    for item in iter {
        let item = item?;
        let input = match item.cast::<PyBytes>() {
            Ok(b) if format != Format::Text => Input::Bytes(b.clone().into()),
            _ => extract_text(&item)?,
        };
        inputs.push(input);
    }
    if mode == OnError::Raise {
        if let Some((i, Input::Bad(ty))) = inputs
            .iter()
            .enumerate()
            .find(|(_, x)| matches!(x, Input::Bad(_)))
        {
            return Err(PyTypeError::new_err(format!(
                "item {i}: expected str or None, got {ty}"
            )));
        }
    }
    let jobs = with_options(&inputs, published, fields, summary_sentences)?;
    let work = |(input, options): &(&Input, Options)| -> Outcome {
        match input {
            Input::Missing => None,
            Input::Bad(ty) => Some(Err(ItemError::invalid(format!(
                "expected str or None, got {ty}"
            )))),
            _ => input
                .raw()
                .map(|s| batch::parse_limited(s, format, options, None, &limits)),
        }
    };
    if output == Output::Arrow {
        let stream = arrow::run(py, &jobs, None, threads, mode, work)?;
        return Ok(Bound::new(py, stream)?.into_any());
    }
    let out = PyList::empty(py);
    let keys = Keys::default();
    run_chunked(py, &jobs, threads, work, |i, outcome| {
        out.append(outcome_to_py(py, &keys, mode, i, None, outcome)?)
    })?;
    Ok(out.into_any())
}

/// Reads and parses files in parallel. See `newsparse.parse_files`.
#[pyfunction]
#[pyo3(signature = (paths, encoding="utf-8", errors="strict", published=None, threads=None, on_error="raise", format="auto", output="dicts", fields=None, summary_sentences=3, max_bytes=Some(DEFAULT_MAX_BYTES)))]
#[allow(clippy::too_many_arguments)] // mirrors the Python signature, keyword arguments
fn parse_files<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    encoding: &str,
    errors: &str,
    published: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    on_error: &str,
    format: &str,
    output: &str,
    fields: Option<&Bound<'py, PyAny>>,
    summary_sentences: i64,
    max_bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let fields = fields_arg(fields)?;
    let limits = Limits::new(max_bytes);
    let mode = on_error_mode(on_error)?;
    let output = output_mode(output)?;
    let format = format_mode(format)?;
    let threads = check_threads(threads)?;
    let enc = files::encoding_for(encoding).map_err(|e| PyValueError::new_err(e.message))?;
    let decode_errors = match errors {
        "strict" => DecodeErrors::Strict,
        "replace" => DecodeErrors::Replace,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be 'strict' or 'replace', got {other:?}"
            )))
        }
    };
    let jobs = with_options(&paths, published, fields, summary_sentences)?;
    let work = |(path, options): &(&PathBuf, Options)| -> Outcome {
        let bytes = match files::read_bytes_limited(path, &limits) {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        let html = match format {
            Format::Html => true,
            Format::Text => false,
            Format::Auto => files::is_html_path(path) || batch::looks_like_html(&bytes),
        };
        Some(if html {
            // Pages carry their own charset declarations: the HTML decoder reads them.
            batch::parse_limited(&bytes, Format::Html, options, None, &limits)
        } else {
            files::decode(&bytes, enc, decode_errors).and_then(|text| {
                // Decoding can triple the bytes (windows-1252 to UTF-8).
                limits.check(text.len(), "decoded text")?;
                batch::parse_limited(text.as_bytes(), Format::Text, options, None, &limits)
            })
        })
    };
    if output == Output::Arrow {
        let stream = arrow::run(py, &jobs, Some(&paths), threads, mode, work)?;
        return Ok(Bound::new(py, stream)?.into_any());
    }
    let out = PyList::empty(py);
    let keys = Keys::default();
    run_chunked(py, &jobs, threads, work, |i, outcome| {
        let path = paths[i].to_string_lossy();
        out.append(outcome_to_py(py, &keys, mode, i, Some(&path), outcome)?)
    })?;
    Ok(out.into_any())
}

/// An empty Arrow stream carrying the batch schema (`newsparse.arrow_schema()`).
#[pyfunction]
fn _arrow_schema_stream() -> arrow::ArrowStream {
    arrow::empty()
}

/// Parses and drops the records, returning how many were parsed: lets `bench/` measure the
/// core alone and so the share of time spent building Python dicts. Not part of the API.
#[pyfunction]
#[pyo3(signature = (texts, threads=None, fields=None))]
fn _parse_discard(
    py: Python<'_>,
    texts: Vec<PyBackedStr>,
    threads: Option<usize>,
    fields: Option<&Bound<'_, PyAny>>,
) -> PyResult<usize> {
    let threads = check_threads(threads)?;
    let options = Options {
        fields: fields_arg(fields)?,
        ..Options::default()
    };
    let done = py
        .detach(|| {
            batch::map_ordered(&texts, threads, |t| {
                batch::parse_guarded(t, &options).is_ok()
            })
        })
        .map_err(|e| item_exception(py, &e, 0, None))?;
    Ok(done.into_iter().filter(|ok| *ok).count())
}

/// The names `fields=` accepts: every record key, in record order.
#[pyfunction]
fn field_names() -> Vec<&'static str> {
    Fields::ALL.names()
}

/// Threads a batch uses by default: `NEWSPARSE_THREADS`, else every core.
#[pyfunction]
fn default_threads() -> usize {
    batch::default_threads()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_html, m)?)?;
    m.add_function(wrap_pyfunction!(parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(default_threads, m)?)?;
    m.add_function(wrap_pyfunction!(field_names, m)?)?;
    m.add_function(wrap_pyfunction!(_parse_discard, m)?)?;
    m.add_function(wrap_pyfunction!(_arrow_schema_stream, m)?)?;
    m.add_class::<arrow::ArrowStream>()?;
    m.add_class::<warc::WarcBatches>()?;
    m.add_function(wrap_pyfunction!(warc::_warc_read, m)?)?;
    m.add_class::<dedup::DuplicateIndex>()?;
    m.add_function(wrap_pyfunction!(dedup::near_duplicates, m)?)?;
    m.add_function(wrap_pyfunction!(dedup::shingles, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BYTES", DEFAULT_MAX_BYTES)?;
    Ok(())
}
