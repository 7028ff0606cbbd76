//! newsparse: structured records from raw news articles.
//!
//! The core is plain Rust; `python` (behind the `python` feature) is the only module that
//! knows about Python.

pub mod calendar;
pub mod layout;
pub mod tables;
pub mod text;
pub mod doc;
pub mod record;
pub mod sentences;
pub mod tokens;

pub use doc::{Document, TextSpan};
pub use record::{parse, Options, Record};
pub mod dates;
pub mod entities;
pub mod numbers;
pub mod quotes;
pub mod batch;
pub mod error;
pub mod files;

#[cfg(feature = "python")]
mod python;
