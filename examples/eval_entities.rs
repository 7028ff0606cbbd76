//! Scores the entities stage on a CoNLL-style JSONL gold file and reports its speed.
//!
//! `cargo run --release --example eval_entities -- GOLD.jsonl PRED.jsonl`, then
//! `python3 score.py PRED.jsonl --subset split`.

use std::io::Write;
use std::time::Instant;

use newsparse::entities::{extract, mention_spans};
use newsparse::Document;

/// CPU seconds this process has used (user + system), from /proc; the machine is shared, so
/// wall-clock time would count other people's work.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(gold), Some(pred)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: eval_entities GOLD.jsonl PRED.jsonl");
        std::process::exit(2);
    };
    let Ok(src) = std::fs::read_to_string(gold) else {
        println!("skipped: GOLD not found ({gold})");
        return;
    };
    let docs: Vec<(String, String)> = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            (
                v["id"].as_str().unwrap_or("").to_string(),
                v["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let mut out =
        std::fs::File::create(pred).unwrap_or_else(|e| panic!("cannot write {pred}: {e}"));
    for (id, text) in &docs {
        let d = Document::new(text, None);
        let ents: Vec<serde_json::Value> = mention_spans(&d)
            .into_iter()
            .map(|(s, label)| {
                let (a, b) = d.chars(s);
                serde_json::json!({"start": a, "end": b, "label": label})
            })
            .collect();
        let line = serde_json::json!({"id": id, "entities": ents});
        writeln!(out, "{line}").unwrap_or_else(|e| panic!("write failed: {e}"));
    }
    // DUMP=N prints the full records of the first N documents, for reading by eye.
    let dump: usize = std::env::var("DUMP")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0);
    for (_, text) in docs.iter().take(dump) {
        let d = Document::new(text, None);
        println!(
            "{}",
            serde_json::to_string_pretty(&extract(&d)).unwrap_or_default()
        );
    }
    // Speed of the stage alone: documents (and their tokens) are built outside the clock.
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let parsed: Vec<Document> = docs.iter().map(|(_, t)| Document::new(t, None)).collect();
    for d in &parsed {
        d.tokens();
    }
    if let Some(d) = parsed.first() {
        // Builds the lazily loaded tables outside the clock.
        extract(d);
    }
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(40);
    let t0 = Instant::now();
    let c0 = cpu_seconds();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &parsed {
            n += extract(d).entities.len();
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let secs = match (c0, cpu_seconds()) {
        (Some(a), Some(b)) if b - a >= 0.5 => b - a,
        _ => wall,
    };
    if std::env::var("DETAIL").is_ok() {
        let t1 = Instant::now();
        for _ in 0..rounds {
            for d in &parsed {
                n += mention_spans(d).len();
            }
        }
        let s1 = t1.elapsed().as_secs_f64();
        println!(
            "mentions alone {:.1} MB/s",
            bytes as f64 * rounds as f64 / 1e6 / s1
        );
    }
    println!(
        "{} docs, {:.2} MB x {rounds} rounds, entities stage {:.1} MB/s per core (CPU time; {:.1} MB/s wall clock) ({} entities/round)",
        docs.len(),
        bytes as f64 / 1e6,
        bytes as f64 * rounds as f64 / 1e6 / secs,
        bytes as f64 * rounds as f64 / 1e6 / wall,
        n / rounds
    );
}
