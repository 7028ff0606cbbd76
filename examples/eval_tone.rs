//! Tone of each NewsMTSC sentence, for `eval/score_tone.py`:
//! `cargo run --release --example eval_tone -- NEWSMTSC_TRAIN.jsonl OUT.jsonl`.
//!
//! NewsMTSC lines carry `sentence_normalized` and `targets` (each with a `polarity`: 2
//! negative, 4 neutral, 6 positive). Writes one line per target: `{"id", "half", "label",
//! "score"}` with the sentence's `tone`; `half` is `read` or `held` by a hash of the
//! sentence's id (errors were read on `read` only). Prints the scorer's throughput.

use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

use newsparse::{tone, Document};
use serde_json::{json, Value};

mod newsmtsc;
use newsmtsc::half;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(gold), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: eval_tone NEWSMTSC.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let Ok(file) = std::fs::File::open(gold) else {
        println!("skipped: {gold} not found");
        return;
    };
    let rows: Vec<Value> = BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect();
    let texts: Vec<&str> = rows
        .iter()
        .map(|r| r["sentence_normalized"].as_str().unwrap_or_default())
        .collect();
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, None)).collect();
    for d in &docs {
        let _ = d.tokens();
    }
    let t0 = Instant::now();
    let tones: Vec<tone::Tone> = docs.iter().map(tone::score).collect();
    let secs = t0.elapsed().as_secs_f64();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut w = std::fs::File::create(out).unwrap_or_else(|e| {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    });
    let mut n = 0;
    for (r, t) in rows.iter().zip(&tones) {
        let id = r["primary_gid"].as_str().unwrap_or_default();
        for target in r["targets"].as_array().into_iter().flatten() {
            let label = target["polarity"].as_f64().unwrap_or(4.0);
            let line = json!({"id": id, "half": half(id), "label": label, "score": t.tone});
            let _ = writeln!(w, "{line}");
            n += 1;
        }
    }
    println!(
        "{} sentences, {n} targets; tone scorer {:.1} MB/s (document and token stream excluded)",
        rows.len(),
        bytes as f64 / 1e6 / secs
    );
}
