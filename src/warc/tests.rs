use super::reader::tests::{gz, record};
use super::*;

const PAGE: &str = "<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1><p>A storm hit the coast on Monday, flooding homes across the county, officials said on the radio.</p><p>Rescue teams worked through the night as the water rose, the mayor said.</p></body></html>";

fn http(status: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut b = format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n").into_bytes();
    b.extend_from_slice(body);
    b
}

fn crawl() -> Vec<Vec<u8>> {
    vec![
        record("warcinfo", "", b"software: test\r\n"),
        record(
            "request",
            "http://news.example/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "http://news.example/a",
            &http("200 OK", "text/html; charset=utf-8", PAGE.as_bytes()),
        ),
        record(
            "response",
            "http://news.example/logo.png",
            &http("200 OK", "image/png", b"\x89PNG...."),
        ),
        record(
            "response",
            "http://news.example/gone",
            &http(
                "404 Not Found",
                "text/html",
                b"<html><body>gone</body></html>",
            ),
        ),
        record(
            "response",
            "http://news.example/robots.txt",
            &http("200 OK", "text/plain", b"User-agent: *\nDisallow:\n"),
        ),
        record(
            "revisit",
            "http://news.example/a",
            b"HTTP/1.1 200 OK\r\n\r\n",
        ),
        record(
            "response",
            "http://news.example/b",
            &http("200 OK", "application/octet-stream", PAGE.as_bytes()),
        ),
    ]
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn tmpdir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("newsparse-warc-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn pages_skips_and_counts() {
    let dir = tmpdir("counts");
    let plain = write(&dir, "c.warc", &crawl().concat());
    let gzipped: Vec<u8> = crawl().iter().flat_map(|r| gz(r)).collect();
    let gzp = write(&dir, "c.warc.gz", &gzipped);
    for path in [plain, gzp] {
        let mut b = Batches::new(vec![path.clone()], DEFAULT_MAX_RECORD_BYTES);
        let entries = b.next_batch(100, usize::MAX);
        let urls: Vec<_> = entries
            .iter()
            .map(|e| match e {
                Entry::Page(p) => p.origin.url.clone().unwrap(),
                Entry::Failed(o, e) => format!("ERR {:?} {}", o.url, e.message),
            })
            .collect();
        assert_eq!(
            urls,
            ["http://news.example/a", "http://news.example/b"],
            "{path}"
        );
        assert!(b.next_batch(100, usize::MAX).is_empty());
        let s = &b.stats;
        assert_eq!((s.records, s.pages, s.errors), (8, 2, 0));
        assert_eq!(s.skipped.warcinfo, 1);
        assert_eq!(s.skipped.request, 1);
        assert_eq!(s.skipped.revisit, 1);
        assert_eq!(s.skipped.status, 1);
        assert_eq!(s.skipped.not_html, 2);
        assert_eq!(b.per_file.len(), 1);
        assert_eq!(b.per_file[0].1, *s);
    }
}

#[test]
fn capture_date_is_the_fallback_reference_date() {
    let dir = tmpdir("date");
    let page = "<html><body><h1>Council votes</h1><p>The council voted on Tuesday to close the old bridge, the mayor said in a statement to reporters.</p></body></html>";
    let path = write(
        &dir,
        "d.warc",
        &record(
            "response",
            "http://x.example/story",
            &http("200 OK", "text/html", page.as_bytes()),
        ),
    );
    let mut b = Batches::new(vec![path], DEFAULT_MAX_RECORD_BYTES);
    let out = parse_batch(b.next_batch(10, usize::MAX), &Options::default(), Some(1)).unwrap();
    assert_eq!(out.len(), 1);
    let (origin, parsed) = &out[0];
    assert_eq!(origin.warc_date.as_deref(), Some("2021-03-04T10:00:00Z"));
    let Ok(Parsed::Html(h)) = parsed else {
        panic!("not parsed")
    };
    assert_eq!(h.record.reference_date.as_deref(), Some("2021-03-04"));
    // The caller's date still wins.
    let opts = Options {
        published: Date::new(2020, 1, 1),
        ..Options::default()
    };
    let mut b = Batches::new(vec![origin.path.clone()], DEFAULT_MAX_RECORD_BYTES);
    let out = parse_batch(b.next_batch(10, usize::MAX), &opts, Some(1)).unwrap();
    let Ok(Parsed::Html(h)) = &out[0].1 else {
        panic!("not parsed")
    };
    assert_eq!(h.record.reference_date.as_deref(), Some("2020-01-01"));
}

#[test]
fn missing_archive_and_batches_by_size() {
    let dir = tmpdir("batches");
    let many: Vec<u8> = (0..10)
        .flat_map(|i| {
            gz(&record(
                "response",
                &format!("http://n.example/{i}"),
                &http("200 OK", "text/html", PAGE.as_bytes()),
            ))
        })
        .collect();
    let p = write(&dir, "m.warc.gz", &many);
    let mut b = Batches::new(
        vec!["/no/such/file.warc".into(), p],
        DEFAULT_MAX_RECORD_BYTES,
    );
    let first = b.next_batch(4, usize::MAX);
    assert!(
        matches!(&first[0], Entry::Failed(o, e) if e.kind == ErrorKind::Io && o.path.ends_with("file.warc"))
    );
    assert_eq!(first.len(), 4);
    let sizes: Vec<usize> = std::iter::from_fn(|| Some(b.next_batch(4, usize::MAX).len()))
        .take_while(|&n| n > 0)
        .collect();
    assert_eq!(sizes, [4, 3]);
    assert_eq!(b.stats.pages, 10);
    assert_eq!(b.stats.errors, 1);
    // A byte budget ends a batch early.
    let mut b = Batches::new(vec![b.per_file[1].0.clone()], DEFAULT_MAX_RECORD_BYTES);
    assert_eq!(b.next_batch(100, PAGE.len() * 2).len(), 2);
}

#[test]
fn http_charset_wins_over_the_bytes_guess() {
    // ISO-8859-2: undeclared in the page, the bytes would be read as windows-1252.
    let body = "<html><body><h1>\u{141}\u{f3}d\u{17a} news</h1><p>The caf\u{e9} in \u{141}\u{f3}d\u{17a} opened on Monday, its owner said to the crowd outside.</p></body></html>";
    let (latin, _, _) = encoding_rs::ISO_8859_2.encode(body);
    assert!(std::str::from_utf8(&latin).is_err());
    let block = http("200 OK", "text/html; charset=ISO-8859-2", &latin);
    let html = match page_of(&block, 1 << 20) {
        Ok(Some(h)) => h,
        _ => panic!("not a page"),
    };
    assert_eq!(String::from_utf8(html).unwrap(), body);
}
