//! newsparse: structured records from raw news articles.
//!
//! The core is plain Rust; `python` (behind the `python` feature) is the only module that
//! knows about Python.

pub mod calendar;
pub mod doc;
pub mod layout;
pub mod record;
pub mod sentences;
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
pub mod limits;
pub mod numbers;
pub mod quotes;

#[cfg(feature = "arrow")]
pub mod arrow;
pub mod html;
#[cfg(feature = "python")]
mod python;
