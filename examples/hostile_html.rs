//! One hostile page through the HTML stage (`html::parse_html`: decode, tree, metadata, body)
//! and then the whole record, with the time of each: for perf, callgrind or massif on the
//! shapes of tests/hostile_pages.py without Python in the way. Prints, asserts nothing.
//!
//!     cargo run --profile dev-opt --example hostile_html -- SHAPE N [--html-only]
//!
//! Shapes: `divs` (N nested divs around a paragraph), `paragraphs` (N paragraphs),
//! `reopened` (N paragraphs each leaving a differently-classed `<b>` open), `unclosed`
//! (N unclosed `<b><i><span><font>` before a sentence each), `text` (one text node of N
//! sentences), `attrs` (one div with N attributes), `nul` (N blocks of 1,000 NUL characters).

use std::time::Instant;

use newsparse::{html, record, Options};

const SENTENCE: &str = "The minister said the talks in Geneva would go on for three more days. ";

fn page(shape: &str, n: usize) -> String {
    let body = match shape {
        "divs" => format!(
            "{}<p>{}</p>{}",
            "<div>".repeat(n),
            SENTENCE,
            "</div>".repeat(n)
        ),
        "paragraphs" => format!("<p>{}</p>\n", SENTENCE.repeat(3)).repeat(n),
        "reopened" => (0..n)
            .map(|i| format!("<p><b class=c{i}>Paragraph {i}: {SENTENCE}</p>"))
            .collect(),
        "unclosed" => format!("<b><i><span><font color=red>{SENTENCE}").repeat(n),
        "text" => SENTENCE.repeat(n),
        "nul" => format!(
            "<p>Text \0 with NULs.</p><div>{}</div><p>{SENTENCE}</p>",
            "\0".repeat(1000)
        )
        .repeat(n),
        "attrs" => {
            let attrs: Vec<String> = (0..n).map(|i| format!("data-a{i}=v{i}")).collect();
            format!("<div {}><p>{SENTENCE}</p></div>", attrs.join(" "))
        }
        other => panic!("unknown shape {other}"),
    };
    format!(
        "<!doctype html><html><head><title>Hostile page</title></head><body>{body}</body></html>"
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let shape = args.first().map(String::as_str).unwrap_or("divs");
    let n = args.get(1).and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let html_only = args.iter().any(|a| a == "--html-only");
    let page = page(shape, n);
    let t = Instant::now();
    let parsed = html::parse_html(page.as_bytes(), None);
    let t_html = t.elapsed().as_secs_f64();
    println!(
        "{shape} n={n}: page {:.2} MB, html stage {t_html:.3} s, text {} bytes, truncated {}",
        page.len() as f64 / 1e6,
        parsed.text.len(),
        parsed.meta.truncated
    );
    if !html_only {
        let t = Instant::now();
        let r = record::parse_html(page.as_bytes(), None, &Options::default());
        println!(
            "whole record {:.3} s ({} paragraphs)",
            t.elapsed().as_secs_f64(),
            r.record.paragraphs.len()
        );
    }
}
