//! Writes the whole record of every input text as one JSON line: the snapshot that
//! `scripts/compare_records.py` diffs before and after a change to the core.
//!
//!     cargo run --release --example dump_records -- OUT.jsonl [FILE.jsonl|FILE.txt|DIR ...]
//!
//! `.jsonl` files contribute the `text` field of each line (an `html` field is parsed as a
//! page); `.txt` files and the files of a directory are read whole. The bundled seed article
//! and `examples/corpus/` always come first. Prints how many records were written.

use std::io::Write;

use newsparse::{parse, record::parse_html, Options};

fn inputs(args: &[String]) -> Vec<(String, String, bool)> {
    let mut out = vec![(
        "seed".to_string(),
        include_str!("../tests/data/seed_article.txt").to_string(),
        false,
    )];
    let mut paths: Vec<String> = vec!["examples/corpus".into(), "tests/data/html".into()];
    paths.extend(args.iter().cloned());
    for path in paths {
        let p = std::path::Path::new(&path);
        if p.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| {
                    f.extension()
                        .is_some_and(|e| e == "txt" || e == "html" || e == "htm")
                })
                .collect();
            files.sort();
            for f in files {
                let Ok(bytes) = std::fs::read(&f) else {
                    continue;
                };
                let html = f.extension().is_some_and(|e| e != "txt");
                let text = String::from_utf8_lossy(&bytes).into_owned();
                out.push((f.display().to_string(), text, html));
            }
            continue;
        }
        let Ok(raw) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {path} not found");
            continue;
        };
        if path.ends_with(".jsonl") {
            for (i, line) in raw.lines().enumerate() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let id = format!("{path}:{i}");
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    out.push((id, t.to_string(), false));
                } else if let Some(h) = v.get("html").and_then(|t| t.as_str()) {
                    out.push((id, h.to_string(), true));
                }
            }
        } else {
            out.push((path.clone(), raw, false));
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((dest, rest)) = args.split_first() else {
        eprintln!("usage: dump_records OUT.jsonl [FILE.jsonl|FILE.txt|DIR ...]");
        std::process::exit(2);
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(dest).expect("create OUT"));
    let items = inputs(rest);
    for (id, text, html) in &items {
        let rec = if *html {
            let page = parse_html(text.as_bytes(), None, &Options::default());
            serde_json::json!({"id": id, "text": page.text, "record": page.record})
        } else {
            serde_json::json!({"id": id, "record": parse(text, &Options::default())})
        };
        writeln!(out, "{rec}").expect("write");
    }
    println!("{} records written to {dest}", items.len());
}
