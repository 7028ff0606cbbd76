//! Per-stage throughput of the core on one thread: which extractor costs what.
//!
//!     cargo run --release --example bench_stages -- [FILE.jsonl|FILE.txt ...]
//!
//! With no arguments the bundled seed article is used. `.jsonl` files contribute the `text`
//! field of each line (e.g. ../shared/data/*/dev.jsonl). Prints MB/s; asserts nothing.

use std::time::Instant;

use newsparse::{dates, entities, numbers, quotes, Document};

fn load(args: &[String]) -> Vec<String> {
    let mut texts = vec![include_str!("../tests/data/seed_article.txt").to_string()];
    for path in args {
        let Ok(raw) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} not found");
            continue;
        };
        if path.ends_with(".jsonl") {
            for line in raw.lines() {
                let text = serde_json::from_str::<serde_json::Value>(line)
                    .ok()
                    .and_then(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string));
                texts.extend(text);
            }
        } else {
            texts.push(raw);
        }
    }
    texts
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts = load(&args);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB x {rounds} rounds, one thread",
        texts.len(),
        bytes as f64 / 1e6
    );
    let time = |name: &str, f: &dyn Fn(&Document)| {
        let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, None)).collect();
        docs.iter().for_each(|d| {
            d.tokens();
        });
        let start = Instant::now();
        for _ in 0..rounds {
            docs.iter().for_each(f);
        }
        let secs = start.elapsed().as_secs_f64();
        println!("{name:<28} {:>8.1} MB/s", mb / secs);
    };
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(Document::new(t, None));
        }
    }
    println!(
        "{:<28} {:>8.1} MB/s",
        "layout + sentences",
        mb / start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(Document::new(t, None).tokens().len());
        }
    }
    println!(
        "{:<28} {:>8.1} MB/s",
        "  + tokens",
        mb / start.elapsed().as_secs_f64()
    );
    time("quotes", &|d| {
        drop(std::hint::black_box(quotes::extract(d)))
    });
    time("entities/acronyms/sources", &|d| {
        drop(std::hint::black_box(entities::extract(d)))
    });
    time("dates", &|d| drop(std::hint::black_box(dates::extract(d))));
    time("numbers/counts", &|d| {
        drop(std::hint::black_box(numbers::extract(d)))
    });
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(newsparse::parse(t, &Default::default()));
        }
    }
    println!(
        "{:<28} {:>8.1} MB/s",
        "whole record",
        mb / start.elapsed().as_secs_f64()
    );
}
