//! Runs one stage over a sample, for `bench/callgrind_stages.py` to count the
//! instructions each one costs per input byte (callgrind's counts do not move with the load of a
//! shared machine, unlike seconds).
//!
//!     cargo build --profile profile --example stage_costs
//!     python3 bench/callgrind_stages.py [FILE.jsonl ...] [--kb 300]
//!
//! Arguments: `--stage S` (`layout`: layout, regions and sentences; `document`: that and the
//! token stream; `quotes`, `entities`, `dates`, `numbers`, `language`, `tone`, `words` (the
//! content-word view keywords and summary share), `keywords` (with no entities: its own work),
//! `summary` or `record`, the default, or `arrow`: whole
//! records and their Arrow batches), `--kb N` (sample size, default 300 KB, taken evenly across
//! the inputs) and
//! `.jsonl`/`.txt` files (default: the bundled seed article and `examples/corpus/`). Prints the
//! sample's size; the script subtracts the document-only run from each stage's run.

use newsparse::words::ContentWords;
use newsparse::{
    dates, entities, keywords, language, numbers, quotes, record, summary, tone, Document, Options,
};

fn main() {
    let mut kb = 300usize;
    let mut stage = String::from("record");
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--kb" {
            kb = args.next().and_then(|v| v.parse().ok()).unwrap_or(kb);
        } else if a == "--stage" {
            stage = args.next().unwrap_or_default();
        } else {
            files.push(a);
        }
    }
    let mut texts: Vec<String> = vec![include_str!("../tests/data/seed_article.txt").into()];
    if files.is_empty() {
        let mut paths: Vec<_> = std::fs::read_dir("examples/corpus")
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    for path in &files {
        let Ok(raw) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} not found");
            continue;
        };
        if path.ends_with(".jsonl") {
            texts.extend(raw.lines().filter_map(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()?
                    .get("text")?
                    .as_str()
                    .map(str::to_string)
            }));
        } else {
            texts.push(raw);
        }
    }
    // An even sample of about `kb` KB across the inputs.
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let step = (total / (kb * 1000).max(1)).max(1);
    let sample: Vec<&String> = texts.iter().step_by(step).collect();
    let bytes: usize = sample.iter().map(|t| t.len()).sum();
    // Tables and compiled patterns are built on first use: build them in every run, so that
    // differences between runs are the stage's own work.
    // `forksafe::warm` parses an article and a page that wake every extractor, so that no
    // stage's row carries the building of a table it happens to touch first.
    newsparse::forksafe::warm();
    let mut sink = record::parse(&texts[0], &Options::default())
        .paragraphs
        .len();
    if stage == "arrow" {
        // Whole records, then Arrow record batches of them: minus the `record` run, the cost
        // of the Arrow output.
        let parsed: Vec<newsparse::batch::Parsed> = sample
            .iter()
            .map(|t| newsparse::batch::Parsed::Text(record::parse(t, &Options::default())))
            .collect();
        let items: Vec<(newsparse::arrow::Item, Option<&str>)> = parsed
            .iter()
            .map(|p| (newsparse::arrow::Item::Parsed(p), None))
            .collect();
        for chunk in items.chunks(newsparse::arrow::BATCH_ROWS) {
            sink += newsparse::arrow::record_batch(chunk).map_or(0, |b| b.num_rows());
        }
        println!(
            "sample: {} articles, {bytes} bytes (sink {sink})",
            sample.len()
        );
        return;
    }
    for t in &sample {
        if stage == "none" {
            continue;
        }
        if stage == "record" {
            sink += record::parse(t, &Options::default()).paragraphs.len();
            continue;
        }
        let d = Document::new(t, None);
        if stage != "layout" {
            // Every extractor reads the token stream: build it first, so that an extractor's
            // figure (its run minus the `document` run) is its own work.
            sink += d.tokens().len();
        }
        sink += match stage.as_str() {
            "layout" => d.sentences.len(),
            "document" => 0,
            "quotes" => quotes::extract(&d).len(),
            "entities" => entities::extract(&d).entities.len(),
            "dates" => dates::extract(&d).len(),
            "numbers" => numbers::extract(&d).0.len(),
            "language" => language::detect(&d).code.len(),
            "tone" => tone::score(&d).word_count,
            // Keywords and summary share the content-word view (`words::ContentWords`), built
            // once per record: the `words` stage is that view alone, and each of the two is
            // run on a view built first, so that its figure (its run minus the `words` run)
            // is its own work.
            "words" => ContentWords::new(d.tokens()).len(),
            "keywords" => keywords::extract_with(&d, &ContentWords::new(d.tokens()), &[]).len(),
            "summary" => {
                let w = ContentWords::new(d.tokens());
                summary::select_with(&d, &w, summary::DEFAULT_SENTENCES).len()
            }
            other => {
                eprintln!("unknown stage {other}");
                std::process::exit(2);
            }
        };
    }
    println!(
        "sample: {} articles, {bytes} bytes (sink {sink})",
        sample.len()
    );
}
