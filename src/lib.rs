//! newsparse: structured records from raw news articles.
//!
//! The core is plain Rust; `python` (behind the `python` feature) is the only module that
//! knows about Python.

/// With the `jemalloc` feature (on in the Python extension), on Unix, every Rust allocation
/// of the process goes through jemalloc: a record is built from many small vectors and
/// strings, which glibc's malloc serves in more instructions (README, "Errors, missing
/// values and threads").
#[cfg(all(feature = "jemalloc", unix))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options (its `malloc_conf` string; `_RJEM_MALLOC_CONF` in the environment
/// still overrides). `retain:false`: address space jemalloc no longer uses goes back to the
/// system. jemalloc's default on 64-bit Linux keeps it mapped, which a process under an
/// address-space limit (`ulimit -v`, `RLIMIT_AS`) runs out of: the 20 MB text node of the
/// hostile-page suite failed under its 1 GB cap with it and passes without it.
#[cfg(all(feature = "jemalloc", unix))]
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
pub static malloc_conf: &[u8; 13] = b"retain:false\0";

pub mod calendar;
pub mod doc;
pub mod fields;
pub mod layout;
mod lexcache;
pub mod lexicon;
pub mod phrases;
pub mod record;
pub mod sentences;
pub mod stream;
pub mod tables;
pub mod text;
pub mod tokens;

pub use doc::{Document, TextSpan};
pub use limits::Limits;
pub use record::{parse, Options, Record};
pub mod batch;
pub mod dates;
pub mod entities;
pub mod error;
pub mod files;
pub mod forksafe;
pub mod limits;
pub mod numbers;
pub mod quotes;
pub mod summary;
pub mod tone;
pub mod words;

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod dedup;
pub mod html;
pub mod idf;
pub mod keywords;
pub mod language;
#[cfg(feature = "python")]
mod python;
pub mod warc;
