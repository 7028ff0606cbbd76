//! Runs the dates extractor over a TempEval-style gold file and writes predictions for
//! `score.py`: `cargo run --release --example eval_dates -- GOLD.jsonl PRED.jsonl`.
//!
//! Each gold line carries `text` and `dct` (the reference date). Prints the extractor's
//! throughput (MB/s of text, document parsing excluded).

use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

use newsparse::calendar::Date;
use newsparse::dates;
use newsparse::Document;
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(gold), Some(pred)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: eval_dates GOLD.jsonl PRED.jsonl");
        std::process::exit(2);
    };
    let Ok(file) = std::fs::File::open(gold) else {
        println!("skipped: {gold} not found");
        return;
    };
    let mut docs: Vec<(String, String, Option<Date>)> = Vec::new();
    for line in BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let id = v["docid"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let dct = v["dct"].as_str().and_then(Date::parse_iso);
        docs.push((id, text, dct));
    }
    let parsed: Vec<Document> = docs.iter().map(|(_, t, d)| Document::new(t, *d)).collect();
    for d in &parsed {
        let _ = d.tokens();
    }
    let bytes: usize = docs.iter().map(|(_, t, _)| t.len()).sum();
    // Repeat for a stable timing on a small corpus.
    let rounds = 20;
    let t0 = Instant::now();
    let mut results = Vec::new();
    for _ in 0..rounds {
        results = parsed.iter().map(dates::extract).collect::<Vec<_>>();
    }
    let secs = t0.elapsed().as_secs_f64();
    let mut out = std::fs::File::create(pred).unwrap_or_else(|e| {
        eprintln!("cannot write {pred}: {e}");
        std::process::exit(1);
    });
    let mut n = 0;
    for ((id, _, _), items) in docs.iter().zip(&results) {
        n += items.len();
        let timexes: Vec<Value> = items
            .iter()
            .map(|d| json!({"start": d.start, "end": d.end, "value": d.value, "type": d.kind, "text": d.text}))
            .collect();
        let line = json!({"docid": id, "timexes": timexes});
        let _ = writeln!(out, "{line}");
    }
    println!(
        "{} docs, {} expressions, {:.2} MB in {:.3}s x{rounds}: {:.1} MB/s (dates stage, tokens cached)",
        docs.len(),
        n,
        bytes as f64 / 1e6,
        secs / rounds as f64,
        bytes as f64 * rounds as f64 / 1e6 / secs
    );
}
