//! Bytes to text, in the order browsers use: a byte-order mark, then a charset declared in
//! the first 4,096 bytes (`<meta charset>` or `http-equiv="Content-Type"`), then UTF-8 when
//! the bytes are valid UTF-8, else windows-1252 (what WHATWG decoders use for undeclared
//! Western pages, and which maps every byte, so nothing fails). Invalid sequences in the
//! chosen encoding become U+FFFD; decoding never fails.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for (HTML's prescan reads 1,024
/// bytes; pages with long `<head>` scripts put it later, so a few more are read).
const SNIFF: usize = 4096;

/// Returns the text and the WHATWG name of the encoding used.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let enc = Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| declared(bytes.get(..SNIFF.min(bytes.len())).unwrap_or(bytes)))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
    // A page that says latin-1 but is valid UTF-8 with non-ASCII bytes was re-encoded by a
    // proxy or saved by a browser: trust the bytes.
    let enc = if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        enc
    };
    // `decode` sniffs the BOM again and strips it.
    let (text, used, _) = enc.decode(bytes);
    (text, used.name())
}

/// The charset named by a `<meta>` tag in `head`, if it is one encoding_rs knows. UTF-16
/// declarations are read as UTF-8, as the HTML standard says (bytes that can be read as
/// ASCII cannot be UTF-16).
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(lower.get(from..)?, b"<meta") {
        let start = from + pos;
        let end = memchr::memchr(b'>', lower.get(start..)?).map_or(lower.len(), |e| start + e);
        let tag = lower.get(start..end)?;
        if let Some(label) = charset_in(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    UTF_8
                } else if enc == encoding_rs::X_USER_DEFINED {
                    WINDOWS_1252
                } else {
                    enc
                };
                return Some(enc);
            }
        }
        from = end.max(start + 5);
    }
    None
}

/// `charset=LABEL` anywhere in a lower-cased meta tag: covers `<meta charset="x">` and
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = memchr::memmem::find(tag, b"charset")?;
    let rest = tag.get(at + 7..)?;
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>' | b'\t' | b'\n'))
        .unwrap_or(rest.len());
    let label = rest.get(..len)?;
    (!label.is_empty()).then_some(label)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    b.get(n..).unwrap_or(b)
}
