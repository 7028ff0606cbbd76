//! Reading article files: bytes from disk, decoded with a named encoding (WHATWG labels via
//! encoding_rs), a UTF-8 or UTF-16 BOM winning over the label as browsers do.

use std::path::Path;

use encoding_rs::Encoding;

use crate::error::{ErrorKind, ItemError};
use crate::limits::{self, Limits};

/// How undecodable bytes are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeErrors {
    /// The file is an error naming the first bad byte.
    Strict,
    /// Each bad sequence becomes U+FFFD.
    Replace,
}

pub fn encoding_for(label: &str) -> Result<&'static Encoding, ItemError> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| ItemError::invalid(format!("unknown encoding {label:?} (use a WHATWG label such as 'utf-8', 'windows-1252', 'latin1', 'shift_jis')")))
}

pub fn decode(
    bytes: &[u8],
    encoding: &'static Encoding,
    errors: DecodeErrors,
) -> Result<String, ItemError> {
    let (enc, bom_len) = Encoding::for_bom(bytes).unwrap_or((encoding, 0));
    let body = &bytes[bom_len..];
    if errors == DecodeErrors::Strict {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(body) {
            return Ok(text.into_owned());
        }
        let at = first_bad_byte(body, enc);
        return Err(ItemError {
            kind: ErrorKind::Decode,
            message: format!("invalid {} at byte {}", enc.name(), at + bom_len),
            errno: None,
        });
    }
    let (text, _) = enc.decode_without_bom_handling(body);
    Ok(text.into_owned())
}

fn first_bad_byte(bytes: &[u8], enc: &'static Encoding) -> usize {
    if enc == encoding_rs::UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map(|e| e.valid_up_to())
            .unwrap_or(0);
    }
    // Decoded through a fixed buffer: the output is never held, only the position counted.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut buf = vec![0u8; 64 << 10];
    let mut at = 0;
    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(rest, &mut buf, true);
        match result {
            encoding_rs::DecoderResult::OutputFull => at += read,
            encoding_rs::DecoderResult::InputEmpty => return at + read,
            encoding_rs::DecoderResult::Malformed(bad, pending) => {
                // `read` counts the malformed sequence and `pending` bytes after it.
                return (at + read).saturating_sub(bad as usize + pending as usize);
            }
        }
    }
}

pub fn read(
    path: &Path,
    encoding: &'static Encoding,
    errors: DecodeErrors,
) -> Result<String, ItemError> {
    decode(&read_bytes(path)?, encoding, errors)
}

fn io_error(e: std::io::Error) -> ItemError {
    ItemError {
        kind: ErrorKind::Io,
        message: e.to_string(),
        errno: e.raw_os_error(),
    }
}

/// A file's bytes under the default limits (see `read_bytes_limited`).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ItemError> {
    read_bytes_limited(path, &Limits::default())
}

/// A file's bytes; a `.gz` file is gunzipped (a corrupt stream is a decode error). A file
/// over `limits` is a `too_large` error before anything is read; a `.gz` file is inflated as
/// a stream that stops one byte past the limit, so a gzip bomb costs no more than the limit.
pub fn read_bytes_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>, ItemError> {
    let file = std::fs::File::open(path).map_err(io_error)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    limits.check(size, "file")?;
    let bytes = limits::read_capped(file, limits, size, "file", io_error)?;
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        return Ok(bytes);
    }
    gunzip(&bytes, limits)
}

/// Inflates gzip data (concatenated members too), stopping with `too_large` as soon as the
/// output passes the limit.
pub fn gunzip(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>, ItemError> {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let hint = bytes.len().saturating_mul(4);
    limits::read_capped(decoder, limits, hint, "decompressed file", |e| ItemError {
        kind: ErrorKind::Decode,
        message: format!("bad gzip data: {e}"),
        errno: None,
    })
}

/// Whether a path names an HTML page by its extension (`.html`, `.htm`, `.xhtml`, or those
/// with `.gz` after them).
pub fn is_html_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_utf8_names_the_bad_byte() {
        let err = decode(b"ok \xff no", encoding_rs::UTF_8, DecodeErrors::Strict).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Decode);
        assert!(err.message.contains("byte 3"), "{}", err.message);
        let ok = decode(b"ok \xff no", encoding_rs::UTF_8, DecodeErrors::Replace).unwrap();
        assert_eq!(ok, "ok \u{fffd} no");
    }

    #[test]
    fn strict_names_the_bad_byte_in_other_encodings() {
        let sjis = encoding_for("shift_jis").unwrap();
        let mut bytes = "x".repeat(100_000).into_bytes();
        bytes.extend_from_slice(b"\x82\xa0\x82 end");
        let err = decode(&bytes, sjis, DecodeErrors::Strict).unwrap_err();
        assert!(err.message.contains("byte 100002"), "{}", err.message);
        let euc = encoding_for("euc-kr").unwrap();
        let err = decode(b"ab\xff\xffcd", euc, DecodeErrors::Strict).unwrap_err();
        assert!(err.message.contains("byte 2"), "{}", err.message);
    }

    #[test]
    fn gzip_stops_at_the_limit() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            gz.write_all(&zeros).unwrap();
        }
        let bomb = gz.finish().unwrap();
        assert!(bomb.len() < 200_000);
        let err = gunzip(&bomb, &Limits::new(Some(1 << 20))).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
        assert_eq!(
            gunzip(&bomb, &Limits::new(Some(64 << 20))).unwrap().len(),
            64 << 20
        );
        // Two members, as `cat a.gz b.gz` makes.
        let mut two = bomb.clone();
        two.extend_from_slice(&bomb);
        let err = gunzip(&two, &Limits::new(Some(100 << 20))).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
        let err = gunzip(b"\x1f\x8b\x08\x00garbage", &Limits::default()).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Decode);
    }

    #[test]
    fn files_over_the_limit_are_refused_before_reading() {
        let dir = std::env::temp_dir().join(format!("newsparse-limits-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("big.txt");
        std::fs::write(&p, vec![b'a'; 5000]).unwrap();
        let err = read_bytes_limited(&p, &Limits::new(Some(4999))).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
        assert!(err.message.contains("5000 bytes"), "{}", err.message);
        assert_eq!(
            read_bytes_limited(&p, &Limits::new(Some(5000)))
                .unwrap()
                .len(),
            5000
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn bom_and_labels() {
        assert_eq!(
            decode(b"\xef\xbb\xbfhi", encoding_rs::UTF_8, DecodeErrors::Strict).unwrap(),
            "hi"
        );
        let latin = encoding_for("latin1").unwrap();
        assert_eq!(
            decode(b"caf\xe9", latin, DecodeErrors::Strict).unwrap(),
            "café"
        );
        assert!(encoding_for("klingon").is_err());
    }
}
