//! Body-extraction error report on the WCXB dev split (never its test split): for the pages
//! with the lowest body token F1, precision, recall, and the excerpts that were missed (gold
//! paragraphs absent from the output) or added (output paragraphs absent from the gold).
//!
//!     cargo run --release --example html_body_errors -- DIR [ROW] [N] [PAGE_ID]
//!
//! ROW is `news` (default; article pages whose gold has an author and a date, as in
//! `eval_html`), `all`, or a WCXB page type (`article`, `listing`...). N is how many pages to
//! show (default 20). PAGE_ID (`0123`) shows that page only, whatever its row. A closing
//! summary counts the row's pages by their weaker side (precision or recall), so fixes can be
//! aimed at the bigger group. Pages of the held-out third (`wcxb::held_out`) are never shown
//! nor counted here.

mod wcxb;

use std::collections::HashSet;
use std::path::Path;

use newsparse::html::parse_html;
use regex::Regex;
use serde_json::Value;

fn shingles(toks: &[String]) -> HashSet<String> {
    if toks.len() < 3 {
        return toks.iter().cloned().collect();
    }
    toks.windows(3).map(|w| w.join(" ")).collect()
}

/// Paragraphs of `side` whose word trigrams are mostly absent from `other`, longest first.
fn unmatched(re: &Regex, side: &str, other: &str, max: usize) -> Vec<(usize, String)> {
    let theirs = shingles(&wcxb::tokens(re, other));
    let mut out: Vec<(usize, String)> = side
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter_map(|l| {
            let toks = wcxb::tokens(re, l);
            let mine = shingles(&toks);
            if mine.is_empty() {
                return None;
            }
            let hit = mine.iter().filter(|s| theirs.contains(*s)).count();
            (hit * 2 < mine.len()).then(|| (toks.len(), l.chars().take(160).collect()))
        })
        .collect();
    out.sort_by_key(|x| std::cmp::Reverse(x.0));
    out.truncate(max);
    out
}

struct Row {
    stem: String,
    url: String,
    p: f64,
    r: f64,
    f: f64,
    is_article: bool,
    missed: Vec<(usize, String)>,
    extra: Vec<(usize, String)>,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: html_body_errors DIR [ROW] [N] [PAGE_ID]");
        std::process::exit(2);
    };
    let row = args.get(2).map_or("news", String::as_str);
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    let only = args.get(4);
    let Some(mut files) = wcxb::gold_files(dir) else {
        println!("skipped: {dir}/ground-truth not found");
        return;
    };
    // The held-out third of the pages is never shown (`wcxb::held_out`).
    files.retain(|p| {
        let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        !wcxb::held_out(stem) && only.is_none_or(|o| stem == o.as_str())
    });
    let re = Regex::new(r"\w+").unwrap_or_else(|e| panic!("{e}"));
    let mut rows = Vec::new();
    for gt_path in &files {
        let Some(gt) = std::fs::read_to_string(gt_path)
            .ok()
            .and_then(|s| serde_json::from_str::<Value>(&s).ok())
        else {
            continue;
        };
        let stem = gt_path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let g = &gt["ground_truth"];
        let ptype = gt["_internal"]["page_type"]["primary"]
            .as_str()
            .unwrap_or("unknown");
        let news = ptype == "article"
            && g["author"].as_str().is_some_and(|a| !a.trim().is_empty())
            && g["publish_date"].as_str().is_some_and(|d| d.len() >= 10);
        let wanted = only.is_some() || row == "all" || row == ptype || (row == "news" && news);
        if !wanted {
            continue;
        }
        let html_dir = Path::new(dir).join("html");
        let Some(bytes) = wcxb::read_page(&html_dir.join(format!("{stem}.html.gz")))
            .or_else(|| wcxb::read_page(&html_dir.join(format!("{stem}.html"))))
        else {
            continue;
        };
        let url = gt["url"].as_str().unwrap_or("");
        let page = parse_html(&bytes, Some(url));
        let pred = wcxb::body(&page);
        let gold = g["main_content"].as_str().unwrap_or("");
        let (p, r, f) = wcxb::prf(&re, pred, gold);
        rows.push(Row {
            stem: stem.to_string(),
            url: url.to_string(),
            p,
            r,
            f,
            is_article: page.meta.is_article,
            missed: unmatched(&re, gold, pred, 6),
            extra: unmatched(&re, pred, gold, 6),
        });
    }
    rows.sort_by(|a, b| a.f.partial_cmp(&b.f).unwrap_or(std::cmp::Ordering::Equal));
    for r in rows.iter().take(n) {
        println!(
            "== {}  F1 {:.3}  P {:.3}  R {:.3}  article={}  {}",
            r.stem, r.f, r.p, r.r, r.is_article, r.url
        );
        for (w, t) in &r.missed {
            println!("   - missed ({w:>4} words) {t}");
        }
        for (w, t) in &r.extra {
            println!("   + extra  ({w:>4} words) {t}");
        }
    }
    let count = rows.len().max(1) as f64;
    let (sp, sr, sf) = rows
        .iter()
        .fold((0.0, 0.0, 0.0), |(a, b, c), r| (a + r.p, b + r.r, c + r.f));
    let low_p = rows.iter().filter(|r| r.f < 0.9 && r.p < r.r).count();
    let low_r = rows.iter().filter(|r| r.f < 0.9 && r.r <= r.p).count();
    println!(
        "{row}: {} pages  mean P {:.3}  R {:.3}  F1 {:.3}  below 0.9: {} by precision, {} by recall",
        rows.len(),
        sp / count,
        sr / count,
        sf / count,
        low_p,
        low_r
    );
}
