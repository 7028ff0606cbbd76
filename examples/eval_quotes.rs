//! Quote extraction on a gold file (PolNeAR dev format): writes predictions in the scorer's
//! format and prints the stage's speed.
//!
//! `cargo run --release --example eval_quotes -- GOLD.jsonl PRED.jsonl [--keep-scare]`

use std::io::Write;
use std::time::Instant;

use newsparse::{quotes, Document};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(gold), Some(pred)) = (args.first(), args.get(1)) else {
        eprintln!("usage: eval_quotes GOLD.jsonl PRED.jsonl");
        std::process::exit(2);
    };
    let Ok(src) = std::fs::read_to_string(gold) else {
        println!("skipped: {gold} not found");
        return;
    };
    let recs: Vec<serde_json::Value> = src
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let texts: Vec<&str> = recs
        .iter()
        .map(|r| r["text"].as_str().unwrap_or(""))
        .collect();
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, None)).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let keep_scare = args.iter().any(|a| a == "--keep-scare");
    let rounds = 20;
    let t0 = Instant::now();
    let cpu0 = cpu_ns();
    let mut n = 0;
    for _ in 0..rounds {
        for d in &docs {
            n += quotes::extract(d).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    // On-CPU time of this thread: the machine is shared, so wall time overstates the cost.
    let cpu_secs = match (cpu0, cpu_ns()) {
        (Some(a), Some(b)) if b > a => (b - a) as f64 / 1e9,
        _ => secs,
    };
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(pred).unwrap_or_else(|e| panic!("{pred}: {e}")),
    );
    let mut total = 0;
    for (r, d) in recs.iter().zip(&docs) {
        let qs = quotes::extract(d);
        let mut items = Vec::new();
        for q in qs.iter().filter(|q| keep_scare || q.kind != "scare") {
            // The scorer counts each paragraph of a multi-paragraph quote as its own quote.
            for p in &q.parts {
                items.push(serde_json::json!({
                    "start": p.start, "end": p.end, "speaker": q.speaker,
                    "speaker_mention": q.speaker_mention.as_ref().map(|m| m.text.clone()),
                    "kind": q.kind, "verb": q.verb,
                }));
            }
        }
        total += items.len();
        let line = serde_json::json!({"id": r["id"], "text": r["text"], "quotes": items});
        writeln!(out, "{line}").unwrap_or_else(|e| panic!("{pred}: {e}"));
    }
    println!(
        "{} articles, {} quotes written ({} per round); quotes stage {:.1} MB/s per core on CPU time ({:.1} MB/s wall; {} rounds over {:.2} MB)",
        recs.len(),
        total,
        n / rounds,
        (bytes * rounds) as f64 / cpu_secs / 1e6,
        (bytes * rounds) as f64 / secs / 1e6,
        rounds,
        bytes as f64 / 1e6
    );
}

/// Nanoseconds this thread has spent on a CPU (Linux), if known.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
