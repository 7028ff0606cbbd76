//! What the HTML evaluation and benchmark examples share: reading a page (gunzipped through
//! the system's `gzip -dc`), the body as it is scored, and WCXB's bag-of-words score.

// Each example uses only part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use newsparse::html::HtmlPage;
use regex::Regex;

/// The ground-truth files (`DIR/ground-truth/*.json`), sorted; `None` when the folder is
/// absent, so callers can say they skipped.
pub fn gold_files(dir: &str) -> Option<Vec<PathBuf>> {
    let entries = std::fs::read_dir(Path::new(dir).join("ground-truth")).ok()?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Some(files)
}

/// A page's bytes; `.gz` files are gunzipped. `None` when it cannot be read.
pub fn read_page(path: &Path) -> Option<Vec<u8>> {
    if path.extension().is_some_and(|e| e == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .ok()?;
        out.status.success().then_some(out.stdout)
    } else {
        std::fs::read(path).ok()
    }
}

/// The body as it is scored: everything from the first paragraph, subheading or picture to
/// the end of the extracted text.
pub fn body(p: &HtmlPage) -> &str {
    let l = &p.layout;
    let start = l
        .paragraphs
        .iter()
        .map(|s| s.start)
        .chain(l.subheadings.iter().map(|s| s.span.start))
        .chain(l.images.iter().map(|i| i.block.start))
        .min();
    start.and_then(|s| p.text.get(s..)).unwrap_or("")
}

/// Lower-cased `\w+` words of `s`, in order.
pub fn tokens(re: &Regex, s: &str) -> Vec<String> {
    re.find_iter(&s.to_lowercase())
        .map(|m| m.as_str().to_string())
        .collect()
}

/// Precision, recall and F1 over bags of lower-cased `\w+` words, as WCXB's evaluate.py.
pub fn prf(re: &Regex, pred: &str, gold: &str) -> (f64, f64, f64) {
    let bag = |s: &str| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for t in tokens(re, s) {
            *m.entry(t).or_insert(0) += 1;
        }
        m
    };
    let (p, g) = (bag(pred), bag(gold));
    let (pn, gn): (usize, usize) = (p.values().sum(), g.values().sum());
    if gn == 0 {
        let f = if pn == 0 { 1.0 } else { 0.0 };
        return (f, 1.0, f);
    }
    if pn == 0 {
        return (1.0, 0.0, 0.0);
    }
    let overlap: usize = p
        .iter()
        .map(|(w, c)| (*c).min(g.get(w).copied().unwrap_or(0)))
        .sum();
    let (pr, rc) = (overlap as f64 / pn as f64, overlap as f64 / gn as f64);
    let f = if overlap == 0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

/// The held-out part of WCXB dev: a fixed, random-looking third of the pages (FNV-1a of the
/// file's stem, modulo 3), whose errors are never read. The error tools skip these pages;
/// `eval_html` scores both parts, so a rule that helps only the part that was read shows up.
pub fn held_out(stem: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in stem.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 3 == 0
}
