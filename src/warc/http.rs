//! The HTTP response inside a WARC `response` record: status line and headers (httparse,
//! lenient as browsers are), then the body with its transfer coding (chunked) and content
//! coding (gzip, deflate) undone, within a byte cap.

use std::borrow::Cow;
use std::io::Read;

use crate::error::{ErrorKind, ItemError};

pub struct Response<'a> {
    pub status: u16,
    pub content_type: Option<String>,
    pub content_encoding: Option<String>,
    /// The body as sent, chunked transfer coding undone (content coding not yet).
    pub body: Cow<'a, [u8]>,
}

fn decode_error(message: String) -> ItemError {
    ItemError {
        kind: ErrorKind::Decode,
        message,
        errno: None,
    }
}

/// Status, headers and body of an HTTP response block.
pub fn parse(block: &[u8]) -> Result<Response<'_>, ItemError> {
    let mut config = httparse::ParserConfig::default();
    config
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true);
    let mut n_headers = 64;
    loop {
        let mut headers = vec![httparse::EMPTY_HEADER; n_headers];
        let mut resp = httparse::Response::new(&mut headers);
        match config.parse_response(&mut resp, block) {
            Ok(httparse::Status::Complete(n)) => {
                let get = |name: &str| {
                    resp.headers
                        .iter()
                        .find(|h| h.name.eq_ignore_ascii_case(name))
                        .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
                };
                let chunked = get("transfer-encoding")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
                let raw = &block[n..];
                let body = if chunked {
                    dechunk(raw).map_or(Cow::Borrowed(raw), Cow::Owned)
                } else {
                    Cow::Borrowed(raw)
                };
                return Ok(Response {
                    status: resp.code.unwrap_or(0),
                    content_type: get("content-type"),
                    content_encoding: get("content-encoding"),
                    body,
                });
            }
            Ok(httparse::Status::Partial) => {
                return Err(decode_error(
                    "the HTTP header of the response does not end".into(),
                ))
            }
            Err(httparse::Error::TooManyHeaders) if n_headers < 4096 => n_headers *= 8,
            Err(e) => return Err(decode_error(format!("bad HTTP response header: {e}"))),
        }
    }
}

/// Undoes chunked transfer coding; `None` when the body is not chunked after all (crawlers
/// that store the decoded body keep the header). A body cut short keeps the chunks read.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    let mut first = true;
    loop {
        let (skip, size) = match httparse::parse_chunk_size(raw) {
            Ok(httparse::Status::Complete(x)) => x,
            _ if first => return None,
            _ => return Some(out),
        };
        first = false;
        if size == 0 {
            return Some(out);
        }
        let rest = &raw[skip..];
        let take = (size.min(rest.len() as u64)) as usize;
        out.extend_from_slice(&rest[..take]);
        if take < size as usize {
            return Some(out);
        }
        raw = &rest[take..];
        raw = raw
            .strip_prefix(b"\r\n")
            .or(raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

/// The body with its content coding undone, at most `max_bytes` bytes after decompression.
/// A coded body cut short (a crawler's length limit) keeps what decodes.
pub fn decode_body<'a>(
    body: Cow<'a, [u8]>,
    encoding: Option<&str>,
    max_bytes: u64,
) -> Result<Cow<'a, [u8]>, ItemError> {
    let coding = encoding
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let gzip = body.starts_with(&[0x1f, 0x8b]);
    let decoder: Box<dyn Read + '_> = match coding.as_str() {
        "" | "identity" | "none" | "utf-8" | "utf8" => return Ok(body),
        // Stored already decoded (the header kept): the gzip magic number is not there.
        "gzip" | "x-gzip" if !gzip => return Ok(body),
        "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(&body[..])),
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(flate2::read::ZlibDecoder::new(&body[..]))
        }
        "deflate" => Box::new(flate2::read::DeflateDecoder::new(&body[..])),
        other => {
            return Err(decode_error(format!(
                "unsupported Content-Encoding {other:?} (gzip and deflate are read)"
            )))
        }
    };
    let mut out = Vec::with_capacity(body.len() * 4);
    let res = decoder.take(max_bytes + 1).read_to_end(&mut out);
    if out.len() as u64 > max_bytes {
        return Err(ItemError {
            kind: ErrorKind::TooLarge,
            message: format!(
                "the {coding} body decompresses past the {max_bytes}-byte limit (max_record_bytes)"
            ),
            errno: None,
        });
    }
    match res {
        Ok(_) => Ok(Cow::Owned(out)),
        Err(_) if !out.is_empty() => Ok(Cow::Owned(out)),
        Err(e) => Err(decode_error(format!("bad {coding} body: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn chunked_and_gzip() {
        let mut g = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        g.write_all(b"<html><p>hello</p></html>").unwrap();
        let gz = g.finish().unwrap();
        let (a, b) = gz.split_at(10);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(format!("{:x}\r\n", a.len()).as_bytes());
        block.extend(a);
        block.extend(format!("\r\n{:X};ext=1\r\n", b.len()).as_bytes());
        block.extend(b);
        block.extend(b"\r\n0\r\n\r\n");
        let r = parse(&block).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type.as_deref(), Some("text/html; charset=utf-8"));
        let body = decode_body(r.body, r.content_encoding.as_deref(), 1000).unwrap();
        assert_eq!(&body[..], b"<html><p>hello</p></html>");
        let r = parse(&block).unwrap();
        let err = decode_body(r.body, Some("gzip"), 10).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn lenient_headers_and_decoded_bodies() {
        let block =
            b"HTTP/1.0 404  Not Found\nContent-Encoding: gzip\nbad header line\n\n<p>gone</p>";
        let r = parse(block).unwrap();
        assert_eq!(r.status, 404);
        let body = decode_body(r.body, r.content_encoding.as_deref(), 100).unwrap();
        assert_eq!(&body[..], b"<p>gone</p>");
        assert!(parse(b"HTTP/1.1 200 OK\r\nX: y").is_err());
        assert!(decode_body(Cow::Borrowed(b"x"), Some("br"), 10).is_err());
    }
}
