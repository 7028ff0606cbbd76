//! Times the near-duplicate sketch stages on the texts of `.jsonl` files (a `text` field per
//! line), one thread: words (tokenizer + word hashes), shingles, sketches, and the whole
//! `near_duplicates`. Prints figures; asserts nothing.
//!
//!     cargo run --profile dev-opt --example dedup_costs -- /work/pool/pool.jsonl

use std::time::Instant;

use newsparse::dedup::{self, shingle, sketch, Verify};

/// CPU time of this thread (Linux schedstat), so figures hold on a loaded machine.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn main() {
    let mut texts: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let Ok(s) = std::fs::read_to_string(&path) else {
            println!("skipped: cannot read {path}");
            continue;
        };
        for line in s.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    if texts.is_empty() {
        println!("skipped: no texts (give .jsonl files with a text field)");
        return;
    }
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let reps = 5;
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let (t, c) = (Instant::now(), cpu_ns());
        let mut n = 0;
        for _ in 0..reps {
            n += f();
        }
        let s = t.elapsed().as_secs_f64() / reps as f64;
        let cpu = (cpu_ns() - c) as f64 / 1e9 / reps as f64;
        println!(
            "{name:>16}: {:>8.0} docs/s per CPU-second ({:>6.1} MB/s), {:>8.0} docs/s wall",
            texts.len() as f64 / cpu,
            mb / cpu,
            texts.len() as f64 / s,
        );
        let _ = n;
    };
    let words = || {
        let mut w = Vec::new();
        texts
            .iter()
            .map(|t| {
                w.clear();
                shingle::text_words(t, &mut w);
                w.len()
            })
            .sum()
    };
    time("words", &words);
    time("shingles", &|| {
        texts.iter().map(|t| dedup::text_shingles(t).len()).sum()
    });
    time("sketches", &|| {
        texts.iter().filter_map(|t| dedup::sketch_text(t)).count()
    });
    let sk: Vec<_> = texts.iter().map(|t| dedup::sketch_text(t)).collect();
    time("index", &|| {
        let mut ix = dedup::Index::new(dedup::Params::for_threshold(0.8));
        dedup::insert_all(&mut ix, &sk, 0.65).len()
    });
    time("near_duplicates", &|| {
        dedup::near_duplicates(&texts, 0.8, Verify::Exact, Some(1))
            .map(|d| d.pairs.len())
            .unwrap_or(0)
    });
    let _ = sketch::BINS;
}
