//! Language identification accuracy and speed over a labelled JSONL file (from
//! `eval/language_data.py`): `cargo run --release --example eval_language -- DEV.jsonl [--half
//! read|held] [--errors]`.
//!
//! Each line is `{"lang", "kind", "half", "text"}`. Prints accuracy per kind (sentence,
//! article), the close pairs (no/da/sv, es/pt/gl, hr/sr/bs, id/ms, cs/sk) and the detector's
//! throughput over the texts (`language::detect_text`, one thread). `--errors` lists the
//! misclassified items of the chosen half.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::time::Instant;

use newsparse::language;
use serde_json::Value;

const PAIRS: &[&[&str]] = &[
    &["nb", "nn", "da", "sv"],
    &["es", "pt", "gl"],
    &["hr", "sr", "bs"],
    &["id", "ms"],
    &["cs", "sk"],
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: eval_language DEV.jsonl [--half read|held] [--errors]");
        std::process::exit(2);
    };
    let half = args
        .iter()
        .position(|a| a == "--half")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let show = args.iter().any(|a| a == "--errors");
    let Ok(file) = std::fs::File::open(path) else {
        println!("skipped: {path} not found");
        return;
    };
    let mut items: Vec<(String, String, String, String)> = Vec::new();
    for line in BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let h = v["half"].as_str().unwrap_or_default().to_string();
        if half.as_ref().is_some_and(|x| *x != h) {
            continue;
        }
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        items.push((s("lang"), s("kind"), s("text"), h));
    }
    let t0 = Instant::now();
    let preds: Vec<language::Language> = items
        .iter()
        .map(|(_, _, t, _)| language::detect_text(t))
        .collect();
    let secs = t0.elapsed().as_secs_f64();
    let bytes: usize = items.iter().map(|x| x.2.len()).sum();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut pair_stats: BTreeMap<(usize, &str), (usize, usize)> = BTreeMap::new();
    let mut conf_sum: BTreeMap<bool, (f64, usize)> = BTreeMap::new();
    for ((lang, kind, text, _), p) in items.iter().zip(&preds) {
        let ok = p.code == *lang;
        let e = by_kind.entry(kind.as_str()).or_default();
        e.0 += 1;
        e.1 += ok as usize;
        let c = conf_sum.entry(ok).or_default();
        c.0 += p.confidence;
        c.1 += 1;
        for (i, group) in PAIRS.iter().enumerate() {
            if group.contains(&lang.as_str()) {
                let e = pair_stats.entry((i, kind.as_str())).or_default();
                e.0 += 1;
                e.1 += ok as usize;
            }
        }
        if show && !ok {
            let short: String = text.chars().take(120).collect();
            println!(
                "{lang} -> {} ({:.2}) [{kind}] {short}",
                p.code, p.confidence
            );
        }
    }
    println!(
        "{} items, {:.2} MB; half: {}",
        items.len(),
        bytes as f64 / 1e6,
        half.as_deref().unwrap_or("both")
    );
    for (kind, (n, ok)) in &by_kind {
        println!(
            "  {kind:<9} accuracy {:.2}% ({ok}/{n})",
            100.0 * *ok as f64 / *n as f64
        );
    }
    for ((i, kind), (n, ok)) in &pair_stats {
        println!(
            "  {:<12} {kind:<9} {:.2}% ({ok}/{n})",
            PAIRS[*i].join("/"),
            100.0 * *ok as f64 / *n as f64
        );
    }
    for (ok, (sum, n)) in &conf_sum {
        let what = if *ok { "right" } else { "wrong" };
        println!(
            "  mean confidence when {what}: {:.3} ({n})",
            sum / *n as f64
        );
    }
    println!(
        "  speed: {:.1} MB/s ({:.0} texts/s), one thread, whole texts up to the {}-letter sample",
        bytes as f64 / 1e6 / secs,
        items.len() as f64 / secs,
        language::SAMPLE_LETTERS
    );
}
