//! Throughput of HTML pages through the core on one thread, stage by stage: decoding and the
//! tree, metadata and main content (`html::parse_html`), then the whole record (layout from
//! the page and every extractor over the extracted text), then its JSON.
//!
//!     cargo run --release --example bench_html -- DIR [--limit N]
//!
//! DIR holds `.html`, `.htm` or `.html.gz` pages (WCXB's `dev/html`, or a folder of your own
//! scrape); `.gz` files are read through the system's `gzip -dc`. Figures are MB of HTML per
//! second of this thread's CPU time, so other load on a shared machine barely moves them.
//! Prints; asserts nothing.

mod wcxb;

use std::path::{Path, PathBuf};

use newsparse::record::{self, Options};

fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn is_page(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    [".html", ".htm", ".html.gz", ".htm.gz"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Seconds of CPU for `f` over every page, the best of three rounds.
fn time(pages: &[Vec<u8>], mut f: impl FnMut(&[u8]) -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let c0 = cpu_ns();
        out = pages.iter().map(|p| f(p)).sum();
        best = best.min((cpu_ns() - c0) as f64 / 1e9);
    }
    (best, out)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench_html DIR [--limit N]");
        std::process::exit(2);
    };
    let limit = args
        .iter()
        .position(|a| a == "--limit")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: {dir} not found");
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_page(p))
        .collect();
    paths.sort();
    paths.truncate(limit);
    let pages: Vec<Vec<u8>> = paths.iter().filter_map(|p| wcxb::read_page(p)).collect();
    let mb = pages.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let options = Options::default();
    println!(
        "{} pages, {mb:.1} MB of HTML, one thread, CPU time",
        pages.len()
    );
    println!("{:<44} {:>9} {:>9}", "stage", "MB/s", "pages/s");
    let row = |name: &str, secs: f64| {
        println!(
            "{name:<44} {:>9.1} {:>9.0}",
            mb / secs,
            pages.len() as f64 / secs
        )
    };
    let (t_page, text_bytes) = time(&pages, |p| newsparse::html::parse_html(p, None).text.len());
    row("html::parse_html (decode, tree, meta, body)", t_page);
    let (t_rec, _) = time(&pages, |p| {
        record::parse_html(p, None, &options)
            .record
            .paragraphs
            .len()
    });
    row("whole record (+ layout and every extractor)", t_rec);
    let (t_json, _) = time(&pages, |p| {
        let r = record::parse_html(p, None, &options);
        serde_json::to_string(&r.record)
            .map(|s| s.len() + r.text.len())
            .unwrap_or(0)
    });
    row("whole record as JSON", t_json);
    println!(
        "extracted text is {:.1}% of the HTML bytes; the extractors take {:.0}% of the whole record's time",
        100.0 * text_bytes as f64 / (mb * 1e6),
        100.0 * (t_rec - t_page) / t_rec
    );
}
