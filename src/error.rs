//! Errors the core reports for one article or file. The Python binding maps `kind` to an
//! exception class and adds where it happened (item index, path).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The file is not valid in the requested encoding.
    Decode,
    /// A bug in newsparse (a caught panic) or a resource failure.
    Internal,
    /// The caller's arguments are wrong (an unknown encoding, a malformed date).
    Invalid,
    /// The input passes a size limit (`limits::Limits`, or a web archive record over its
    /// byte cap): refused before it could exhaust memory.
    TooLarge,
}

impl ErrorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::Internal => "internal",
            ErrorKind::Invalid => "invalid",
            ErrorKind::TooLarge => "too_large",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemError {
    pub kind: ErrorKind,
    pub message: String,
    /// For I/O errors: the OS error number, so Python can raise the right `OSError` subclass.
    pub errno: Option<i32>,
}

impl ItemError {
    pub fn internal(message: String) -> Self {
        ItemError {
            kind: ErrorKind::Internal,
            message,
            errno: None,
        }
    }
    pub fn invalid(message: String) -> Self {
        ItemError {
            kind: ErrorKind::Invalid,
            message,
            errno: None,
        }
    }
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ItemError {}
