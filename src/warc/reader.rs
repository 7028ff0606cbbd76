//! WARC record framing (ISO 28500, WARC/1.0 and 1.1, and the older 0.17/0.18): a version
//! line, named fields up to a blank line, a block of `Content-Length` bytes, two CRLFs.
//!
//! Read here rather than with the `warc` crate (0.4): that crate reads whole gzip files as
//! one stream (a corrupt member loses the rest of the file), scans every body line by line,
//! allocates a megabyte per record, has no size cap and opens missing paths with
//! `create(true)`. This reader streams one record at a time with a byte cap per record, reads
//! `.warc.gz` one gzip member at a time (flate2), and after a corrupt or truncated member
//! (or a garbled record) finds the next one instead of stopping.

use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};

use flate2::bufread::GzDecoder;

use crate::error::{ErrorKind, ItemError};

/// Longest header block read before a record is called corrupt.
const MAX_HEADER: usize = 1 << 16;

/// What a record's named fields say (the ones newsparse uses).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Byte offset of the record in the file (of its gzip member for `.warc.gz`).
    pub offset: u64,
    /// `WARC-Type`, lower-cased (`response`, `request`, `revisit`, ...).
    pub warc_type: String,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub record_id: Option<String>,
    pub content_type: Option<String>,
    pub content_length: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRecord {
    pub header: Header,
    pub block: Vec<u8>,
}

/// A record that could not be read: what was known of it and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub header: Option<Header>,
    pub offset: u64,
    pub error: ItemError,
}

/// How a failed record leaves the stream.
enum Failure {
    /// Garbled header: look for the next version line in the same stream.
    Framing(String),
    /// The block is over the cap and was skipped: the stream is still in step.
    TooLarge(Header),
    /// The stream ended inside the record (its header is known).
    Truncated(Header, u64),
    /// Reading failed (for gzip: corrupt compressed data or a bad checksum).
    Stream(Option<Header>, io::Error),
}

enum State<R> {
    Plain(R),
    /// `.warc.gz` between two gzip members.
    GzIdle(R),
    /// Inside the gzip member that starts at byte `start`.
    GzMember {
        dec: Box<BufReader<GzDecoder<R>>>,
        start: u64,
    },
    Done,
}

/// Records of one archive, in order; a failed record is an `Err` and reading goes on.
pub struct WarcReader<R: BufRead + Seek> {
    state: State<R>,
    max_bytes: u64,
    /// A version line found while resynchronising, not yet parsed.
    pending: Option<Vec<u8>>,
    line: Vec<u8>,
}

impl<R: BufRead + Seek> WarcReader<R> {
    /// `gzip`: the archive is a series of gzip members (`.warc.gz`). `max_bytes`: records
    /// whose block is longer are skipped with a `too_large` error.
    pub fn new(inner: R, gzip: bool, max_bytes: u64) -> Self {
        WarcReader {
            state: if gzip {
                State::GzIdle(inner)
            } else {
                State::Plain(inner)
            },
            max_bytes,
            pending: None,
            line: Vec::new(),
        }
    }

    fn fail(&self, header: Option<Header>, offset: u64, kind: ErrorKind, msg: String) -> ReadError {
        ReadError {
            header,
            offset,
            error: ItemError {
                kind,
                message: msg,
                errno: None,
            },
        }
    }

    fn next_record(&mut self) -> Option<Result<RawRecord, ReadError>> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return None,
                State::Plain(mut r) => {
                    let at = match r.stream_position() {
                        Ok(p) => p,
                        Err(e) => return Some(Err(self.io_error(None, 0, e))),
                    };
                    let pending = self.pending.take();
                    match read_record(&mut r, pending, self.max_bytes, at, &mut self.line) {
                        Ok(None) => return None,
                        Ok(Some(rec)) => {
                            self.state = State::Plain(r);
                            return Some(Ok(rec));
                        }
                        Err(Failure::Framing(msg)) => {
                            self.pending = scan_version_line(&mut r, &mut self.line).ok().flatten();
                            if self.pending.is_some() {
                                self.state = State::Plain(r);
                            }
                            let msg = format!("corrupt record at byte {at}: {msg}");
                            return Some(Err(self.fail(None, at, ErrorKind::Decode, msg)));
                        }
                        Err(Failure::TooLarge(h)) => {
                            self.state = State::Plain(r);
                            return Some(Err(self.too_large(h)));
                        }
                        Err(Failure::Truncated(h, got)) => {
                            // A wrong Content-Length may have swallowed the records after
                            // it: look for them from the start of the block.
                            let body = h.offset + 1;
                            if r.seek(SeekFrom::Start(body)).is_ok() {
                                self.pending =
                                    scan_version_line(&mut r, &mut self.line).ok().flatten();
                                if self.pending.is_some() {
                                    self.state = State::Plain(r);
                                }
                            }
                            return Some(Err(self.truncated(h, got)));
                        }
                        Err(Failure::Stream(h, e)) => return Some(Err(self.io_error(h, at, e))),
                    }
                }
                State::GzIdle(mut r) => {
                    match r.fill_buf() {
                        Ok([]) => return None,
                        Ok(_) => {}
                        Err(e) => return Some(Err(self.io_error(None, 0, e))),
                    }
                    let start = match r.stream_position() {
                        Ok(p) => p,
                        Err(e) => return Some(Err(self.io_error(None, 0, e))),
                    };
                    self.state = State::GzMember {
                        dec: Box::new(BufReader::with_capacity(1 << 16, GzDecoder::new(r))),
                        start,
                    };
                }
                State::GzMember { mut dec, start } => {
                    let pending = self.pending.take();
                    match read_record(&mut dec, pending, self.max_bytes, start, &mut self.line) {
                        Ok(None) => {
                            // The member ended where a record could start: the next one.
                            self.state = State::GzIdle(dec.into_inner().into_inner());
                        }
                        Ok(Some(rec)) => {
                            // Decode on to the member's end (or the next record) first, so
                            // a record whose member fails its checksum is not handed out.
                            match dec.fill_buf() {
                                Ok(_) => {
                                    self.state = State::GzMember { dec, start };
                                    return Some(Ok(rec));
                                }
                                Err(e) => {
                                    self.resync_gz(dec.into_inner().into_inner(), start);
                                    let h = Some(rec.header);
                                    return Some(Err(self.corrupt_member(h, start, &e)));
                                }
                            }
                        }
                        Err(Failure::Framing(msg)) => {
                            match scan_version_line(&mut dec, &mut self.line) {
                                Ok(Some(line)) => {
                                    self.pending = Some(line);
                                    self.state = State::GzMember { dec, start };
                                }
                                Ok(None) => {
                                    self.state = State::GzIdle(dec.into_inner().into_inner())
                                }
                                Err(_) => self.resync_gz(dec.into_inner().into_inner(), start),
                            }
                            let msg =
                                format!("corrupt record in the gzip member at byte {start}: {msg}");
                            return Some(Err(self.fail(None, start, ErrorKind::Decode, msg)));
                        }
                        Err(Failure::TooLarge(h)) => {
                            self.state = State::GzMember { dec, start };
                            return Some(Err(self.too_large(h)));
                        }
                        Err(Failure::Truncated(h, got)) => {
                            // The member ended early but cleanly: the next member follows.
                            self.state = State::GzIdle(dec.into_inner().into_inner());
                            return Some(Err(self.truncated(h, got)));
                        }
                        Err(Failure::Stream(h, e)) => {
                            self.resync_gz(dec.into_inner().into_inner(), start);
                            return Some(Err(self.corrupt_member(h, start, &e)));
                        }
                    }
                }
            }
        }
    }

    /// After a corrupt member: the next gzip member after `start` that decodes to a WARC
    /// version line (a false magic number inside compressed data does not).
    fn resync_gz(&mut self, mut r: R, start: u64) {
        let mut from = start + 1;
        loop {
            let Some(at) = find_gzip_magic(&mut r, from) else {
                return;
            };
            if r.seek(SeekFrom::Start(at)).is_err() {
                return;
            }
            let mut probe = GzDecoder::new(r);
            let mut head = [0u8; 5];
            let ok = probe.read_exact(&mut head).is_ok() && &head == b"WARC/";
            r = probe.into_inner();
            if ok && r.seek(SeekFrom::Start(at)).is_ok() {
                self.state = State::GzIdle(r);
                return;
            }
            from = at + 1;
        }
    }

    fn io_error(&self, h: Option<Header>, at: u64, e: io::Error) -> ReadError {
        let mut err = self.fail(h, at, ErrorKind::Io, format!("reading at byte {at}: {e}"));
        err.error.errno = e.raw_os_error();
        err
    }

    fn corrupt_member(&self, h: Option<Header>, start: u64, e: &io::Error) -> ReadError {
        let what = match e.kind() {
            io::ErrorKind::UnexpectedEof => "truncated gzip member",
            _ => "corrupt gzip member",
        };
        let msg = format!("{what} at byte {start}: {e}");
        self.fail(h, start, ErrorKind::Decode, msg)
    }

    fn too_large(&self, h: Header) -> ReadError {
        let msg = format!(
            "record of {} bytes is over the {}-byte limit (max_record_bytes)",
            h.content_length, self.max_bytes
        );
        let at = h.offset;
        self.fail(Some(h), at, ErrorKind::TooLarge, msg)
    }

    fn truncated(&self, h: Header, got: u64) -> ReadError {
        let msg = format!(
            "truncated record at byte {}: Content-Length {} but only {got} bytes follow",
            h.offset, h.content_length
        );
        let at = h.offset;
        self.fail(Some(h), at, ErrorKind::Decode, msg)
    }
}

impl<R: BufRead + Seek> Iterator for WarcReader<R> {
    type Item = Result<RawRecord, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record()
    }
}

/// Reads one line (through `\n`) into `buf`, at most `limit` bytes. Returns the bytes
/// consumed (0 at the end of the stream) and whether a newline ended the line.
fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, limit: usize) -> io::Result<(usize, bool)> {
    buf.clear();
    let mut total = 0;
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok((total, false));
        }
        let room = limit.saturating_sub(buf.len());
        if room == 0 {
            return Ok((total, false));
        }
        let (take, done) = match memchr::memchr(b'\n', avail) {
            Some(i) if i < room => (i + 1, true),
            _ => (avail.len().min(room), false),
        };
        buf.extend_from_slice(&avail[..take]);
        r.consume(take);
        total += take;
        if done {
            return Ok((total, true));
        }
    }
}

fn is_version_line(line: &[u8]) -> bool {
    line.starts_with(b"WARC/") && line.len() <= 16
}

/// Skips to the next line that is a WARC version line and returns it.
fn scan_version_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> io::Result<Option<Vec<u8>>> {
    let mut at_line_start = true;
    loop {
        let (n, complete) = read_line(r, buf, 256)?;
        if n == 0 {
            return Ok(None);
        }
        if at_line_start && complete && is_version_line(trim_eol(buf)) {
            return Ok(Some(buf.clone()));
        }
        at_line_start = complete;
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

// The error carries the record's header (once per failed record, not per byte).
#[allow(clippy::result_large_err)]
/// One record from `r`; `Ok(None)` at a clean end of the stream. `offset` is where the
/// record (or its gzip member) starts, for messages.
fn read_record<R: BufRead>(
    r: &mut R,
    pending: Option<Vec<u8>>,
    max_bytes: u64,
    offset: u64,
    line: &mut Vec<u8>,
) -> Result<Option<RawRecord>, Failure> {
    let version = match pending {
        Some(v) => v,
        None => loop {
            // Blank lines between records are tolerated.
            let (n, _) = read_line(r, line, 256).map_err(|e| Failure::Stream(None, e))?;
            if n == 0 {
                return Ok(None);
            }
            if !trim_eol(line).is_empty() {
                break line.clone();
            }
        },
    };
    if !is_version_line(trim_eol(&version)) {
        let shown = String::from_utf8_lossy(&version[..version.len().min(40)]).into_owned();
        return Err(Failure::Framing(format!(
            "expected a WARC/ version line, found {shown:?}"
        )));
    }
    let mut h = Header {
        offset,
        ..Header::default()
    };
    let mut length = None;
    let mut header_bytes = 0;
    let mut last: Option<&'static str> = None;
    loop {
        let (n, complete) = read_line(r, line, MAX_HEADER).map_err(|e| Failure::Stream(None, e))?;
        header_bytes += n;
        if n == 0 || !complete {
            if n == 0 || header_bytes >= MAX_HEADER {
                return Err(Failure::Framing("the header block does not end".into()));
            }
            return Err(Failure::Stream(
                Some(h),
                io::Error::new(io::ErrorKind::UnexpectedEof, "the stream ends in a header"),
            ));
        }
        if header_bytes > MAX_HEADER {
            return Err(Failure::Framing("the header block is over 64 KB".into()));
        }
        let l = trim_eol(line);
        if l.is_empty() {
            break;
        }
        if l[0] == b' ' || l[0] == b'\t' {
            // A folded continuation of the previous field.
            let more = String::from_utf8_lossy(l).trim().to_string();
            let slot = match last {
                Some("uri") => h.target_uri.as_mut(),
                Some("type") => h.content_type.as_mut(),
                _ => None,
            };
            if let Some(s) = slot {
                s.push(' ');
                s.push_str(&more);
            }
            continue;
        }
        let Some(colon) = memchr::memchr(b':', l) else {
            let shown = String::from_utf8_lossy(&l[..l.len().min(40)]).into_owned();
            return Err(Failure::Framing(format!(
                "a header line without a colon: {shown:?}"
            )));
        };
        let name = l[..colon].trim_ascii();
        let value = String::from_utf8_lossy(l[colon + 1..].trim_ascii()).into_owned();
        last = None;
        if name.eq_ignore_ascii_case(b"WARC-Type") {
            h.warc_type = value.to_ascii_lowercase();
        } else if name.eq_ignore_ascii_case(b"WARC-Target-URI") {
            // WARC/0.18 and some writers wrap it in angle brackets.
            let v = value.strip_prefix('<').and_then(|v| v.strip_suffix('>'));
            h.target_uri = Some(v.map(str::to_string).unwrap_or(value));
            last = Some("uri");
        } else if name.eq_ignore_ascii_case(b"WARC-Date") {
            h.date = Some(value);
        } else if name.eq_ignore_ascii_case(b"WARC-Record-ID") {
            h.record_id = Some(value);
        } else if name.eq_ignore_ascii_case(b"Content-Type") {
            h.content_type = Some(value);
            last = Some("type");
        } else if name.eq_ignore_ascii_case(b"Content-Length") {
            length = value.trim().parse::<u64>().ok();
            if length.is_none() {
                return Err(Failure::Framing(format!("bad Content-Length {value:?}")));
            }
        }
    }
    let Some(len) = length else {
        return Err(Failure::Framing("no Content-Length".into()));
    };
    h.content_length = len;
    if len > max_bytes {
        let skipped = io::copy(&mut r.by_ref().take(len), &mut io::sink())
            .map_err(|e| Failure::Stream(Some(h.clone()), e))?;
        if skipped < len {
            return Err(Failure::Truncated(h, skipped));
        }
        skip_record_end(r).map_err(|e| Failure::Stream(Some(h.clone()), e))?;
        return Err(Failure::TooLarge(h));
    }
    let mut block = Vec::with_capacity(len as usize);
    let got = r
        .by_ref()
        .take(len)
        .read_to_end(&mut block)
        .map_err(|e| Failure::Stream(Some(h.clone()), e))?;
    if (got as u64) < len {
        return Err(Failure::Truncated(h, got as u64));
    }
    skip_record_end(r).map_err(|e| Failure::Stream(Some(h.clone()), e))?;
    Ok(Some(RawRecord { header: h, block }))
}

/// Consumes the CRLF CRLF after a block (or whatever part of it is there: writers vary).
fn skip_record_end<R: BufRead>(r: &mut R) -> io::Result<()> {
    for _ in 0..4 {
        match r.fill_buf()?.first() {
            Some(b'\r') | Some(b'\n') => r.consume(1),
            _ => break,
        }
    }
    Ok(())
}

/// Byte offset of the next gzip magic number (`1f 8b 08`) at or after `from`.
fn find_gzip_magic<R: BufRead + Seek>(r: &mut R, from: u64) -> Option<u64> {
    r.seek(SeekFrom::Start(from)).ok()?;
    let mut pos = from;
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let avail = r.fill_buf().ok()?;
        if avail.is_empty() {
            return None;
        }
        let n = avail.len();
        // Two bytes carried over from the previous buffer find a magic number split by it.
        let mut window = std::mem::take(&mut carry);
        let base = pos - window.len() as u64;
        window.extend_from_slice(avail);
        if let Some(i) = memchr::memmem::find(&window, &[0x1f, 0x8b, 0x08]) {
            return Some(base + i as u64);
        }
        carry = window[window.len().saturating_sub(2)..].to_vec();
        r.consume(n);
        pos += n as u64;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    pub fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2021-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{uri}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>, gzip: bool, max: u64) -> Vec<Result<RawRecord, ReadError>> {
        WarcReader::new(Cursor::new(bytes), gzip, max).collect()
    }

    fn uris(out: &[Result<RawRecord, ReadError>]) -> Vec<String> {
        out.iter()
            .map(|r| match r {
                Ok(rec) => rec.header.target_uri.clone().unwrap_or_default(),
                Err(e) => format!("ERR {}", e.error.kind.as_str()),
            })
            .collect()
    }

    #[test]
    fn plain_records_in_order() {
        let mut w = record("warcinfo", "x", b"software: test\r\n");
        w.extend(record(
            "response",
            "http://a/",
            b"HTTP/1.1 200 OK\r\n\r\n<p>a</p>",
        ));
        w.extend(record("request", "http://a/", b"GET / HTTP/1.1\r\n\r\n"));
        let out = read_all(w, false, 1 << 20);
        assert_eq!(uris(&out), ["x", "http://a/", "http://a/"]);
        let rec = out[1].as_ref().unwrap();
        assert_eq!(rec.header.warc_type, "response");
        assert_eq!(rec.header.date.as_deref(), Some("2021-03-04T10:00:00Z"));
        assert!(rec.block.ends_with(b"<p>a</p>"));
    }

    #[test]
    fn gzip_members_and_a_corrupt_one() {
        let a = gz(&record(
            "response",
            "http://a/",
            b"HTTP/1.1 200 OK\r\n\r\naaaa",
        ));
        let mut b = gz(&record("response", "http://b/", &[b'b'; 5000]));
        let mid = b.len() / 2;
        for x in &mut b[mid..mid + 20] {
            *x ^= 0x55;
        }
        let c = gz(&record(
            "response",
            "http://c/",
            b"HTTP/1.1 200 OK\r\n\r\ncccc",
        ));
        let mut file = a.clone();
        file.extend(&b);
        file.extend(&c);
        let out = read_all(file, true, 1 << 20);
        assert_eq!(uris(&out), ["http://a/", "ERR decode", "http://c/"]);
        // Truncated last member: the records before it survive.
        let mut file = a.clone();
        file.extend(&c[..c.len() - 10]);
        let out = read_all(file, true, 1 << 20);
        assert_eq!(uris(&out), ["http://a/", "ERR decode"]);
    }

    #[test]
    fn one_member_holding_many_records() {
        let mut w = record("response", "http://a/", b"x");
        w.extend(record("response", "http://b/", b"y"));
        let out = read_all(gz(&w), true, 1 << 20);
        assert_eq!(uris(&out), ["http://a/", "http://b/"]);
    }

    #[test]
    fn over_the_cap_is_skipped_and_reading_goes_on() {
        let mut w = record("response", "http://big/", &[b'z'; 3000]);
        w.extend(record("response", "http://small/", b"ok"));
        for gzip in [false, true] {
            let bytes = if gzip {
                let mut g = gz(&record("response", "http://big/", &[b'z'; 3000]));
                g.extend(gz(&record("response", "http://small/", b"ok")));
                g
            } else {
                w.clone()
            };
            let out = read_all(bytes, gzip, 1000);
            assert_eq!(uris(&out), ["ERR too_large", "http://small/"]);
            let e = out[0].as_ref().unwrap_err();
            assert_eq!(
                e.header.as_ref().unwrap().target_uri.as_deref(),
                Some("http://big/")
            );
        }
    }

    #[test]
    fn garbled_and_lying_records_resync() {
        let mut w = record("response", "http://a/", b"x");
        w.extend(b"garbage line\r\nmore garbage\r\n");
        w.extend(record("response", "http://b/", b"y"));
        let out = read_all(w, false, 1 << 20);
        assert_eq!(uris(&out), ["http://a/", "ERR decode", "http://b/"]);
        // A Content-Length past the end swallows the next record: it is found again.
        let mut lying = record("response", "http://a/", b"x");
        let s = String::from_utf8(lying.clone())
            .unwrap()
            .replace("Content-Length: 1", "Content-Length: 9999");
        lying = s.into_bytes();
        lying.extend(record("response", "http://b/", b"y"));
        let out = read_all(lying, false, 1 << 20);
        assert_eq!(uris(&out), ["ERR decode", "http://b/"]);
        // Truncated plain file.
        let mut t = record("response", "http://a/", b"x");
        let b = record("response", "http://b/", &[b'q'; 100]);
        t.extend(&b[..b.len() - 50]);
        let out = read_all(t, false, 1 << 20);
        assert_eq!(uris(&out), ["http://a/", "ERR decode"]);
    }

    #[test]
    fn empty_and_junk_files() {
        assert!(read_all(Vec::new(), false, 10).is_empty());
        assert!(read_all(Vec::new(), true, 10).is_empty());
        let out = read_all(b"not a warc at all".to_vec(), false, 10);
        assert_eq!(uris(&out), ["ERR decode"]);
        let out = read_all(b"not gzip".to_vec(), true, 10);
        assert_eq!(uris(&out), ["ERR decode"]);
    }
}
