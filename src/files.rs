//! Reading article files: bytes from disk, decoded with a named encoding (WHATWG labels via
//! encoding_rs), a UTF-8 or UTF-16 BOM winning over the label as browsers do.

use std::path::Path;

use encoding_rs::Encoding;

use crate::error::{ErrorKind, ItemError};

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
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (_, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    read
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

/// A file's bytes; a `.gz` file is gunzipped (a corrupt stream is a decode error).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ItemError> {
    let bytes = std::fs::read(path).map_err(io_error)?;
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&bytes[..]), &mut out)
            .map_err(|e| ItemError {
                kind: ErrorKind::Decode,
                message: format!("bad gzip data: {e}"),
                errno: None,
            })?;
        return Ok(out);
    }
    Ok(bytes)
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
