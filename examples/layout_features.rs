//! Writes the line classifier's features for every line it decides on, for
//! `eval/layout_train.py`:
//!
//!     cargo run --profile dev-opt --example layout_features -- GOLD_OR_POOL.jsonl OUT.jsonl
//!
//! One JSON object per input article: `{"id", "units": [[start, end, [feature, ...]], ...]}`
//! with code-point offsets into the text (as the annotations have them). Skips cleanly when the
//! input is absent.

use std::io::Write;

use newsparse::layout;
use newsparse::text::OffsetMap;
use serde_json::{json, Value};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, dest] = args.as_slice() else {
        eprintln!("usage: layout_features INPUT.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let Ok(raw) = std::fs::read_to_string(input) else {
        println!("skipped: {input} not found");
        return;
    };
    let file = std::fs::File::create(dest).unwrap_or_else(|e| {
        eprintln!("cannot create {dest}: {e}");
        std::process::exit(1);
    });
    let mut out = std::io::BufWriter::new(file);
    let mut n = 0;
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let (Some(id), Some(t)) = (v.get("id"), v.get("text").and_then(Value::as_str)) else {
            continue;
        };
        let map = OffsetMap::new(t);
        let units: Vec<Value> = layout::trace(t)
            .into_iter()
            .map(|(span, feats)| {
                let (s, e) = map.chars(span);
                json!([s, e, feats])
            })
            .collect();
        writeln!(out, "{}", json!({"id": id, "units": units})).expect("write");
        n += 1;
    }
    println!("{n} articles written to {dest}");
}
