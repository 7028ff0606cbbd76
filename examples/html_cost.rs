//! Instructions spent in `html::parse_html` on a fixed sample of pages, for before/after
//! comparisons of the HTML stage under callgrind (steady on a shared machine, unlike seconds).
//!
//!     cargo build --profile profile --example html_cost
//!     valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.pages \
//!         target/profile/examples/html_cost DIR [--every 30]
//!     valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.base \
//!         target/profile/examples/html_cost DIR [--every 30] --read-only
//!
//! DIR holds `.html` or `.html.gz` pages (WCXB's `dev/html`); the sample is every Nth file
//! in name order (default 30: 50 of WCXB dev's 1,497 pages). Both runs read the same pages and
//! parse one tiny page first, so tables and regexes are built in both; the difference of the
//! two totals ("Collected") is the HTML stage on the sample. Prints; asserts nothing.

mod wcxb;

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: html_cost DIR [--every N] [--read-only]");
        std::process::exit(2);
    };
    let every: usize = args
        .iter()
        .position(|a| a == "--every")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(30);
    let read_only = args.iter().any(|a| a == "--read-only");
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("skipped: {dir} not found");
        return;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.ends_with(".html") || n.ends_with(".html.gz")
        })
        .collect();
    paths.sort();
    let pages: Vec<Vec<u8>> = paths
        .iter()
        .step_by(every)
        .filter_map(|p| wcxb::read_page(p))
        .collect();
    // Builds every lazily made table and regex, in both runs.
    let warm = newsparse::html::parse_html(
        b"<html><head><title>T</title><meta name=\"author\" content=\"Jane Walker, Acme Widgets Inc\">\
          </head><body><h1>T</h1><p class=\"byline\">By Jane Doe, May 3, 2024</p>\
          <p>All rights reserved.</p></body></html>",
        Some("https://example.com/2024/05/03/t"),
    );
    let mut out = warm.text.len();
    if !read_only {
        for p in &pages {
            out += newsparse::html::parse_html(p, None).text.len();
        }
    }
    println!(
        "{} pages, {} bytes of HTML; {} bytes of text{}",
        pages.len(),
        pages.iter().map(Vec::len).sum::<usize>(),
        out,
        if read_only { " (read only)" } else { "" }
    );
}
