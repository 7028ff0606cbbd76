//! Near-duplicates from Python: `_core.near_duplicates`, `_core.shingles` and the streaming
//! `_core.DuplicateIndex`. Texts come in as `str` (or `None`: no shingles); the Python layer
//! turns records and tables into their body text first.

use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyList;

use super::item_exception;
use crate::batch;
use crate::dedup::{self, Index, Pair, Params, Sketch, Verify};

fn texts_of(items: &Bound<'_, PyAny>) -> PyResult<Vec<Option<PyBackedStr>>> {
    let mut out = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            out.push(None);
            continue;
        }
        let s: PyBackedStr = item.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "item {i}: expected str or None, got {}",
                item.get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        out.push(Some(s));
    }
    Ok(out)
}

fn check(threshold: f64, threads: Option<usize>) -> PyResult<()> {
    if !(threshold > 0.0 && threshold <= 1.0) {
        return Err(PyValueError::new_err(format!(
            "threshold must be in (0, 1], got {threshold}"
        )));
    }
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "threads must be at least 1 (or None for all cores)",
        ));
    }
    Ok(())
}

type Found = (Vec<(u32, u32, f64)>, Vec<Vec<u32>>, Vec<u32>);

/// `(pairs, groups, labels)` of `texts`. See `newsparse.near_duplicates`.
#[pyfunction]
#[pyo3(signature = (texts, threshold=0.8, exact=true, threads=None))]
pub fn near_duplicates(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threshold: f64,
    exact: bool,
    threads: Option<usize>,
) -> PyResult<Found> {
    check(threshold, threads)?;
    let texts = texts_of(texts)?;
    let strs: Vec<&str> = texts.iter().map(|t| t.as_deref().unwrap_or("")).collect();
    let verify = if exact {
        Verify::Exact
    } else {
        Verify::Estimate
    };
    let d = py
        .detach(|| dedup::near_duplicates(&strs, threshold, verify, threads))
        .map_err(|e| item_exception(py, &e, 0, None))?;
    let pairs = d.pairs.iter().map(|p| (p.a, p.b, p.similarity)).collect();
    Ok((pairs, d.groups, d.labels))
}

/// The shingles of a text as strings (what similarity is measured on).
#[pyfunction]
pub fn shingles(text: &str) -> Vec<String> {
    dedup::shingle::shingle_texts(text)
}

struct State {
    index: Index,
    pairs: Vec<Pair>,
}

/// A near-duplicate index that grows batch by batch and keeps 256-byte sketches, not texts.
/// See `newsparse.DuplicateIndex`.
#[pyclass(module = "newsparse._core")]
pub struct DuplicateIndex {
    state: Mutex<State>,
    threshold: f64,
}

impl DuplicateIndex {
    fn lock(&self) -> PyResult<std::sync::MutexGuard<'_, State>> {
        self.state
            .lock()
            .map_err(|_| PyValueError::new_err("DuplicateIndex: a previous call failed mid-way"))
    }
}

fn sketches(
    py: Python<'_>,
    texts: &[Option<PyBackedStr>],
    threads: Option<usize>,
) -> PyResult<Vec<Option<Sketch>>> {
    py.detach(|| {
        batch::map_ordered(texts, threads, |t| {
            t.as_deref().and_then(dedup::sketch_text)
        })
    })
    .map_err(|e| item_exception(py, &e, 0, None))
}

#[pymethods]
impl DuplicateIndex {
    #[new]
    #[pyo3(signature = (threshold=0.8))]
    fn new(threshold: f64) -> PyResult<Self> {
        check(threshold, None)?;
        Ok(DuplicateIndex {
            state: Mutex::new(State {
                index: Index::new(Params::for_threshold(threshold)),
                pairs: Vec::new(),
            }),
            threshold,
        })
    }

    #[getter]
    fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Adds texts (ids continue from the last batch); returns each one's group label so far.
    #[pyo3(signature = (texts, threads=None))]
    fn add(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<u32>> {
        check(self.threshold, threads)?;
        let texts = texts_of(texts)?;
        let sk = sketches(py, &texts, threads)?;
        let mut st = self.lock()?;
        let State { index, pairs } = &mut *st;
        let first = index.len() as u32;
        let found = py.detach(|| dedup::insert_all(index, &sk, self.threshold));
        for p in &found {
            index.union(p.a, p.b);
        }
        pairs.extend(found);
        Ok((first..index.len() as u32).map(|i| index.find(i)).collect())
    }

    /// Per text, the indexed articles it matches: `[(id, estimated similarity), ...]`, by id.
    /// The texts are not added.
    #[pyo3(signature = (texts, threads=None))]
    fn query(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Vec<(u32, f64)>>> {
        check(self.threshold, threads)?;
        let texts = texts_of(texts)?;
        let sk = sketches(py, &texts, threads)?;
        let st = self.lock()?;
        let index = &st.index;
        let t = self.threshold;
        py.detach(|| {
            batch::map_ordered(&sk, threads, |s| {
                let Some(s) = s else { return Vec::new() };
                index
                    .candidates(s)
                    .into_iter()
                    .filter_map(|c| {
                        let e = dedup::sketch::estimate(s, index.sketch(c)?);
                        (e >= t).then_some((c, e))
                    })
                    .collect()
            })
        })
        .map_err(|e| item_exception(py, &e, 0, None))
    }

    /// Groups of two or more ids, each ascending, by first member.
    fn groups(&self) -> PyResult<Vec<Vec<u32>>> {
        Ok(self.lock()?.index.groups())
    }

    /// Per id, its group's first id (its own when it has no copy).
    fn labels(&self) -> PyResult<Vec<u32>> {
        Ok(self.lock()?.index.labels())
    }

    /// Matching pairs found so far: `(earlier id, later id, estimated similarity)`.
    fn pairs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let st = self.lock()?;
        PyList::new(py, st.pairs.iter().map(|p| (p.a, p.b, p.similarity)))
    }

    /// Bytes held by the index (sketches, bands, links, group forest; not the pair list).
    fn memory_bytes(&self) -> PyResult<usize> {
        Ok(self.lock()?.index.memory_bytes())
    }

    fn __len__(&self) -> PyResult<usize> {
        Ok(self.lock()?.index.len())
    }
}
