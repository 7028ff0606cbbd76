//! Key phrases of 500N-KPCrowd's stories, for `eval/score_keywords.py`:
//! `cargo run --release --example eval_keywords -- KPCROWD_DIR OUT.jsonl`.
//!
//! KPCROWD_DIR is the unzipped `500N-KPCrowd-v1.1` folder (`docsutf8/`, `keys/`). Writes one
//! line per story: `{"id", "half", "keywords": [text, ...]}`; `half` is `read` for the first 45
//! stories of each category (sorted by id; errors were read on these) and `held` for the last 5.
//! Prints the extractor's throughput (document, token stream and entities excluded).

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

use newsparse::{entities, keywords, Document};
use serde_json::json;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: eval_keywords KPCROWD_DIR OUT.jsonl");
        std::process::exit(2);
    };
    let docs_dir = std::path::Path::new(dir).join("docsutf8");
    let Ok(entries) = std::fs::read_dir(&docs_dir) else {
        println!("skipped: {} not found", docs_dir.display());
        return;
    };
    let mut by_cat: BTreeMap<String, Vec<(u64, String)>> = BTreeMap::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        let Some((cat, num)) = stem.rsplit_once('-') else {
            continue;
        };
        by_cat
            .entry(cat.to_string())
            .or_default()
            .push((num.parse().unwrap_or(0), stem.to_string()));
    }
    let mut items: Vec<(String, &'static str, String)> = Vec::new();
    for list in by_cat.values_mut() {
        list.sort();
        for (i, (_, stem)) in list.iter().enumerate() {
            let path = docs_dir.join(format!("{stem}.txt"));
            let bytes = std::fs::read(&path).unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).to_string();
            items.push((stem.clone(), if i < 45 { "read" } else { "held" }, text));
        }
    }
    let docs: Vec<Document> = items.iter().map(|x| Document::new(&x.2, None)).collect();
    let ents: Vec<Vec<entities::Entity>> =
        docs.iter().map(|d| entities::extract(d).entities).collect();
    let t0 = Instant::now();
    let kws: Vec<Vec<keywords::Keyword>> = docs
        .iter()
        .zip(&ents)
        .map(|(d, e)| keywords::extract(d, e))
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    let bytes: usize = items.iter().map(|x| x.2.len()).sum();
    let mut w = std::fs::File::create(out).unwrap_or_else(|e| {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    });
    for ((id, half, _), k) in items.iter().zip(&kws) {
        let texts: Vec<&str> = k.iter().map(|x| x.text.as_str()).collect();
        let _ = writeln!(w, "{}", json!({"id": id, "half": half, "keywords": texts}));
    }
    println!(
        "{} stories, {:.2} MB; keywords {:.1} MB/s (document, stream and entities excluded)",
        items.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}
