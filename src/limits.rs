//! Size limits on one article, so that a hostile or broken input fails alone (an error of kind
//! `too_large`) instead of exhausting the memory of the whole process.
//!
//! `Limits::max_bytes` bounds an article's bytes as read (a file, a `str`'s UTF-8, a page's
//! bytes) and again after decompression (`.gz` is inflated as a stream and stops one byte past
//! the limit, so a gzip bomb costs at most the limit in memory) and after decoding to UTF-8.
//! Whatever it says, nothing of `HARD_MAX_BYTES` or more is parsed: text offsets are counted in
//! `u32`, so a longer text could not be indexed.
//!
//! Readers of other containers (WARC records, archives) take a `Limits` too: check a declared
//! length with `Limits::check` before allocating anything for it, and read a body through
//! `read_capped`, which never allocates more than the cap whatever the stream holds.

use std::io::Read;

use crate::error::{ErrorKind, ItemError};

/// The default `max_bytes`: 32 MiB. News pages are rarely above 2 MB, and the biggest real
/// articles (live blogs, transcripts) stay well under 10 MB.
pub const DEFAULT_MAX_BYTES: usize = 32 << 20;

/// Inputs of this many bytes or more are refused whatever `max_bytes` says: offsets are `u32`.
pub const HARD_MAX_BYTES: usize = u32::MAX as usize;

/// Per-article limits, passed by value (it is two words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest article in bytes (raw, decompressed and decoded); `None` leaves only the hard
    /// limit of 4 GiB.
    pub max_bytes: Option<usize>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: Some(DEFAULT_MAX_BYTES),
        }
    }
}

impl Limits {
    /// No limit but the hard one.
    pub const UNLIMITED: Limits = Limits { max_bytes: None };

    pub fn new(max_bytes: Option<usize>) -> Self {
        Limits { max_bytes }
    }

    /// The largest accepted size in bytes.
    pub fn cap(&self) -> usize {
        self.max_bytes.unwrap_or(usize::MAX).min(HARD_MAX_BYTES - 1)
    }

    /// `Ok` when `len` bytes are within the limit, else a `too_large` error naming `what`
    /// ("input", "decompressed input", "decoded text", ...).
    pub fn check(&self, len: usize, what: &str) -> Result<(), ItemError> {
        if len <= self.cap() {
            return Ok(());
        }
        Err(too_large(format!(
            "{what} is {len} bytes, over the limit of {} bytes{}",
            self.cap(),
            self.hint()
        )))
    }

    fn hint(&self) -> &'static str {
        if self.cap() < HARD_MAX_BYTES - 1 {
            " (raise it with max_bytes=)"
        } else {
            " (offsets are 32-bit: 4 GiB is the most one article can hold)"
        }
    }
}

pub fn too_large(message: String) -> ItemError {
    ItemError {
        kind: ErrorKind::TooLarge,
        message,
        errno: None,
    }
}

/// Reads `reader` to its end into memory, failing with `too_large` as soon as it yields more
/// than `limits.cap()` bytes (at most one byte past the cap is ever read). `hint` is the
/// expected size, used only to reserve memory up front (never more than the cap). I/O errors
/// become what `on_error` makes of them.
pub fn read_capped(
    mut reader: impl Read,
    limits: &Limits,
    hint: usize,
    what: &str,
    on_error: impl Fn(std::io::Error) -> ItemError,
) -> Result<Vec<u8>, ItemError> {
    let cap = limits.cap();
    let oom = |n: usize| too_large(format!("out of memory reading {what} ({n} bytes so far)"));
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve_exact(hint.min(cap).saturating_add(1))
        .map_err(|_| oom(0))?;
    loop {
        if out.len() > cap {
            return Err(too_large(format!(
                "{what} is over the limit of {cap} bytes{}",
                limits.hint()
            )));
        }
        if out.len() == out.capacity() {
            // Doubling, never past one byte over the cap; a failed allocation fails this
            // article rather than aborting the process.
            let grow = out.len().max(CHUNK).min(cap + 1 - out.len());
            out.try_reserve_exact(grow).map_err(|_| oom(out.len()))?;
        }
        let len = out.len();
        let room = (out.capacity() - len).min(cap + 1 - len);
        out.resize(len + room, 0);
        let got = loop {
            match reader.read(&mut out[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(on_error(e)),
            }
        };
        out.truncate(len + got);
        if got == 0 {
            return Ok(out);
        }
    }
}

/// The first read size of `read_capped` when no size is known.
const CHUNK: usize = 64 << 10;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_names_the_size_and_the_limit() {
        let l = Limits::new(Some(10));
        assert!(l.check(10, "input").is_ok());
        let e = l.check(11, "input").unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("11 bytes") && e.message.contains("10 bytes"));
        assert!(e.message.contains("max_bytes"));
    }

    #[test]
    fn unlimited_still_stops_below_4_gib() {
        assert_eq!(Limits::UNLIMITED.cap(), u32::MAX as usize - 1);
        let e = Limits::UNLIMITED
            .check(u32::MAX as usize, "input")
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("32-bit"), "{}", e.message);
        let e = Limits::new(Some(usize::MAX))
            .check(usize::MAX, "input")
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn read_capped_stops_one_byte_past_the_cap() {
        struct Endless(usize);
        impl Read for Endless {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                buf.fill(b'x');
                self.0 += buf.len();
                Ok(buf.len())
            }
        }
        let mut src = Endless(0);
        let e = read_capped(&mut src, &Limits::new(Some(1000)), 0, "stream", |e| {
            ItemError::internal(e.to_string())
        })
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(src.0 <= 1001 + 8192, "read {} bytes", src.0);
        let ok = read_capped(&b"abc"[..], &Limits::new(Some(3)), 1 << 40, "x", |e| {
            ItemError::internal(e.to_string())
        })
        .unwrap();
        assert_eq!(ok, b"abc");
    }
}
