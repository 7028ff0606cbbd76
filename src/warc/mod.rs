//! Web archives (`.warc`, `.warc.gz`) in: every HTML response of an archive becomes one page
//! to parse, streamed in batches so memory is bounded by the batch, not the archive.
//!
//! A page is a `response` record whose HTTP status is 200 and whose body is HTML: an HTML
//! content type (`text/html`, `application/xhtml+xml`), or markup sniffed by
//! `batch::looks_like_html` when the type is missing or generic. Every other record is skipped
//! and counted by reason in `Stats`; a record that cannot be read (corrupt or truncated gzip
//! member, garbled header, body over the byte cap, undecodable content coding) is an error
//! entry, and reading goes on with the next record.

pub mod http;
pub mod reader;

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufRead, BufReader};

use serde::Serialize;

use crate::batch::{self, Parsed};
use crate::calendar::Date;
use crate::error::{ErrorKind, ItemError};
use crate::record::{self, Options};
use reader::{Header, WarcReader};

/// Default cap on one record's block, and on its body after content decoding: 64 MiB.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 64 << 20;

/// Where an entry came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date`, as written (ISO 8601).
    pub warc_date: Option<String>,
    /// `WARC-Record-ID`, as written (`<urn:uuid:...>`).
    pub record_id: Option<String>,
    /// Byte offset of the record (of its gzip member for `.warc.gz`).
    pub offset: u64,
}

impl Origin {
    fn of(path: &str, h: Option<&Header>, offset: u64) -> Origin {
        Origin {
            path: path.to_string(),
            url: h.and_then(|h| h.target_uri.clone()),
            warc_date: h.and_then(|h| h.date.clone()),
            record_id: h.and_then(|h| h.record_id.clone()),
            offset,
        }
    }
}

/// An HTML response, ready to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub origin: Origin,
    /// The body: transfer and content codings undone, and re-encoded as UTF-8 when the HTTP
    /// header names a charset the bytes are not valid UTF-8 in (the header wins over
    /// `<meta charset>`, as in browsers).
    pub html: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Page(Page),
    Failed(Origin, ItemError),
}

/// Records skipped, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub warcinfo: u64,
    pub request: u64,
    pub metadata: u64,
    pub revisit: u64,
    pub resource: u64,
    /// `conversion`, `continuation` and unknown record types.
    pub other_type: u64,
    /// Responses whose HTTP status is not 200 (redirects, 404s, ...).
    pub status: u64,
    /// 200 responses that are not HTML (images, scripts, robots.txt, feeds, DNS records).
    pub not_html: u64,
}

/// What reading an archive found: every record is a page, an error or a skip.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub records: u64,
    pub pages: u64,
    pub errors: u64,
    pub skipped: Skipped,
}

impl Stats {
    pub fn add(&mut self, o: &Stats) {
        self.records += o.records;
        self.pages += o.pages;
        self.errors += o.errors;
        let (s, t) = (&mut self.skipped, &o.skipped);
        s.warcinfo += t.warcinfo;
        s.request += t.request;
        s.metadata += t.metadata;
        s.revisit += t.revisit;
        s.resource += t.resource;
        s.other_type += t.other_type;
        s.status += t.status;
        s.not_html += t.not_html;
    }
}

/// Whether a path names a web archive: `.warc`, `.warc.gz`, `.arc`-less (ARC is not read).
pub fn is_archive_path(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// One archive's pages and failures, in order.
pub struct Archive {
    path: String,
    reader: Option<WarcReader<BufReader<File>>>,
    open_error: Option<ItemError>,
    max_bytes: u64,
    pub stats: Stats,
}

impl Archive {
    /// Opens `path` (gzip is recognised by its magic number, whatever the name). A file that
    /// cannot be opened gives one failed entry.
    pub fn open(path: &str, max_bytes: u64) -> Archive {
        let mut a = Archive {
            path: path.to_string(),
            reader: None,
            open_error: None,
            max_bytes,
            stats: Stats::default(),
        };
        let opened = File::open(path).and_then(|f| {
            let mut r = BufReader::with_capacity(1 << 16, f);
            let gzip = r.fill_buf()?.starts_with(&[0x1f, 0x8b]);
            Ok(WarcReader::new(r, gzip, max_bytes))
        });
        match opened {
            Ok(r) => a.reader = Some(r),
            Err(e) => {
                a.open_error = Some(ItemError {
                    kind: ErrorKind::Io,
                    message: e.to_string(),
                    errno: e.raw_os_error(),
                })
            }
        }
        a
    }

    fn failed(&mut self, h: Option<&Header>, offset: u64, e: ItemError) -> Entry {
        self.stats.errors += 1;
        Entry::Failed(Origin::of(&self.path, h, offset), e)
    }

    /// The next page or failure; skipped records are counted on the way.
    pub fn next_entry(&mut self) -> Option<Entry> {
        if let Some(e) = self.open_error.take() {
            self.stats.errors += 1;
            return Some(Entry::Failed(Origin::of(&self.path, None, 0), e));
        }
        loop {
            let item = self.reader.as_mut()?.next()?;
            self.stats.records += 1;
            let rec = match item {
                Ok(rec) => rec,
                Err(e) => return Some(self.failed(e.header.as_ref(), e.offset, e.error)),
            };
            let h = &rec.header;
            let skipped = &mut self.stats.skipped;
            match h.warc_type.as_str() {
                "response" => {}
                "warcinfo" => {
                    skipped.warcinfo += 1;
                    continue;
                }
                "request" => {
                    skipped.request += 1;
                    continue;
                }
                "metadata" => {
                    skipped.metadata += 1;
                    continue;
                }
                "revisit" => {
                    skipped.revisit += 1;
                    continue;
                }
                "resource" => {
                    skipped.resource += 1;
                    continue;
                }
                _ => {
                    skipped.other_type += 1;
                    continue;
                }
            }
            let http_block = h
                .content_type
                .as_deref()
                .is_none_or(|t| t.to_ascii_lowercase().contains("http"));
            if !http_block {
                skipped.not_html += 1; // dns: records and the like
                continue;
            }
            match page_of(&rec.block, self.max_bytes) {
                Ok(Some(html)) => {
                    self.stats.pages += 1;
                    let origin = Origin::of(&self.path, Some(h), h.offset);
                    return Some(Entry::Page(Page { origin, html }));
                }
                Ok(None) => continue,
                Err((Some(reason), _)) => {
                    match reason {
                        Skip::Status => self.stats.skipped.status += 1,
                        Skip::NotHtml => self.stats.skipped.not_html += 1,
                    }
                    continue;
                }
                Err((None, e)) => {
                    let (header, offset) = (rec.header.clone(), rec.header.offset);
                    return Some(self.failed(Some(&header), offset, e));
                }
            }
        }
    }
}

enum Skip {
    Status,
    NotHtml,
}

/// What a content type says about a body.
#[derive(PartialEq, Eq)]
enum Kind {
    Html,
    Never,
    Sniff,
}

fn kind_of(content_type: Option<&str>) -> Kind {
    let Some(t) = content_type else {
        return Kind::Sniff;
    };
    let t = t
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if t == "text/html" || t == "application/xhtml+xml" {
        return Kind::Html;
    }
    let never_prefix = ["image/", "audio/", "video/", "font/", "model/"];
    let never = [
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/x-javascript",
        "application/json",
        "application/ld+json",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "text/csv",
        "application/wasm",
    ];
    if never_prefix.iter().any(|p| t.starts_with(p)) || never.contains(&t.as_str()) {
        Kind::Never
    } else {
        Kind::Sniff
    }
}

/// The charset an HTTP `Content-Type` names, if encoding_rs knows it.
fn charset_of(content_type: &str) -> Option<&'static encoding_rs::Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let label = lower[at + 8..]
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(|c| c == '"' || c == '\'');
    encoding_rs::Encoding::for_label(label.as_bytes())
}

type PageResult = Result<Option<Vec<u8>>, (Option<Skip>, ItemError)>;

/// The HTML body of a response block, or why it is not a page.
fn page_of(block: &[u8], max_bytes: u64) -> PageResult {
    let skip = |s| Err((Some(s), ItemError::internal(String::new())));
    let resp = http::parse(block).map_err(|e| (None, e))?;
    if resp.status != 200 {
        return skip(Skip::Status);
    }
    let kind = kind_of(resp.content_type.as_deref());
    if kind == Kind::Never {
        return skip(Skip::NotHtml);
    }
    let body = http::decode_body(resp.body, resp.content_encoding.as_deref(), max_bytes)
        .map_err(|e| (None, e))?;
    if kind == Kind::Sniff && !batch::looks_like_html(&body) {
        return skip(Skip::NotHtml);
    }
    let charset = resp.content_type.as_deref().and_then(charset_of);
    let body = match charset {
        Some(enc) if enc != encoding_rs::UTF_8 && std::str::from_utf8(&body).is_err() => {
            let (text, _, _) = enc.decode(&body);
            Cow::Owned(text.into_owned().into_bytes())
        }
        _ => body,
    };
    Ok(Some(body.into_owned()))
}

/// Pages and failures of a list of archives, read in batches.
pub struct Batches {
    paths: std::vec::IntoIter<String>,
    current: Option<Archive>,
    max_bytes: u64,
    /// Counts of the archives finished so far and of the one being read.
    pub stats: Stats,
    /// Per archive, once finished: (path, counts).
    pub per_file: Vec<(String, Stats)>,
}

impl Batches {
    pub fn new(paths: Vec<String>, max_record_bytes: u64) -> Self {
        Batches {
            paths: paths.into_iter(),
            current: None,
            max_bytes: max_record_bytes,
            stats: Stats::default(),
            per_file: Vec::new(),
        }
    }

    fn finish_current(&mut self) {
        if let Some(a) = self.current.take() {
            self.per_file.push((a.path, a.stats));
        }
    }

    fn next_entry(&mut self) -> Option<Entry> {
        loop {
            if self.current.is_none() {
                let p = self.paths.next()?;
                self.current = Some(Archive::open(&p, self.max_bytes));
            }
            let a = self.current.as_mut()?;
            let before = a.stats.clone();
            match a.next_entry() {
                Some(e) => {
                    let mut delta = a.stats.clone();
                    sub(&mut delta, &before);
                    self.stats.add(&delta);
                    return Some(e);
                }
                None => {
                    let mut delta = a.stats.clone();
                    sub(&mut delta, &before);
                    self.stats.add(&delta);
                    self.finish_current();
                }
            }
        }
    }

    /// Up to `max_pages` entries, stopping early once the pages hold `max_html_bytes`;
    /// empty when every archive is read.
    pub fn next_batch(&mut self, max_pages: usize, max_html_bytes: usize) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut bytes = 0;
        while out.len() < max_pages.max(1) && bytes < max_html_bytes {
            let Some(e) = self.next_entry() else { break };
            if let Entry::Page(p) = &e {
                bytes += p.html.len();
            }
            out.push(e);
        }
        out
    }
}

fn sub(a: &mut Stats, b: &Stats) {
    a.records -= b.records;
    a.pages -= b.pages;
    a.errors -= b.errors;
    let (s, t) = (&mut a.skipped, &b.skipped);
    s.warcinfo -= t.warcinfo;
    s.request -= t.request;
    s.metadata -= t.metadata;
    s.revisit -= t.revisit;
    s.resource -= t.resource;
    s.other_type -= t.other_type;
    s.status -= t.status;
    s.not_html -= t.not_html;
}

/// Parses one page; the record's capture date is the reference date when the page states
/// none (the caller's `published` still wins over both).
pub fn parse_page(page: &Page, options: &Options) -> Result<Parsed, ItemError> {
    let mut opts = *options;
    opts.fallback_date = page.origin.warc_date.as_deref().and_then(Date::parse_iso);
    batch::guarded(|| {
        Parsed::Html(Box::new(record::parse_html(
            &page.html,
            page.origin.url.as_deref(),
            &opts,
        )))
    })
}

/// One batch's entries parsed in parallel, in order: `(origin, outcome)`.
pub fn parse_batch(
    entries: Vec<Entry>,
    options: &Options,
    threads: Option<usize>,
) -> Result<ParsedBatch, ItemError> {
    let parsed = batch::map_ordered(&entries, threads, |e| match e {
        Entry::Page(p) => Some(parse_page(p, options)),
        Entry::Failed(..) => None,
    })?;
    Ok(entries
        .into_iter()
        .zip(parsed)
        .map(|(e, p)| match (e, p) {
            (Entry::Page(page), Some(r)) => (page.origin, r),
            (Entry::Page(page), None) => (
                page.origin,
                Err(ItemError::internal("page not parsed".into())),
            ),
            (Entry::Failed(o, err), _) => (o, Err(err)),
        })
        .collect())
}

/// Parses `entries` while the next batch is read on another thread of the pool (reading and
/// gunzipping overlap parsing); returns the parsed batch and the next one.
pub fn parse_then_read(
    batches: &mut Batches,
    entries: Vec<Entry>,
    options: &Options,
    threads: Option<usize>,
    max_pages: usize,
    max_html_bytes: usize,
) -> Result<(ParsedBatch, Vec<Entry>), ItemError> {
    let n = threads.unwrap_or_else(batch::default_threads).max(1);
    if n == 1 {
        let parsed = parse_batch(entries, options, Some(1))?;
        return Ok((parsed, batches.next_batch(max_pages, max_html_bytes)));
    }
    batch::run_in_pool(n, || {
        let (next, parsed) = rayon::join(
            || batches.next_batch(max_pages, max_html_bytes),
            || parse_batch(entries, options, Some(n)),
        );
        parsed.map(|p| (p, next))
    })?
}

/// A parsed batch: each entry's origin and outcome, in archive order.
pub type ParsedBatch = Vec<(Origin, Result<Parsed, ItemError>)>;

#[cfg(test)]
mod tests;
