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

pub mod calendar;
pub mod doc;
pub mod fields;
pub mod layout;
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
