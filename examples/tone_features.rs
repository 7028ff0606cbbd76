//! The words the tone scorer reads in each NewsMTSC sentence, for `scripts/train_tone.py`:
//! `cargo run --profile dev-opt --example tone_features -- NEWSMTSC_TRAIN.jsonl OUT.jsonl`.
//!
//! Writes one line per input line: `{"id", "half", "labels", "sentences"}`, where `labels`
//! are the targets' polarities (2 negative, 4 neutral, 6 positive), `half` is `read` or
//! `held` as in `eval_tone`, and `sentences` holds, for each sentence of the parsed text, the
//! lower-cased words the scorer reads (tokens flagged `WORD`, in order), and `capital` marks
//! the words written with a capital letter that are not first in their sentence. The training script
//! recomputes `tone` from these with the tables in `data/tone/`, so it sees the same tokens as
//! the Rust scorer without a second tokenizer.

use std::io::{BufRead, BufReader, Write};

use newsparse::lexicon::flag;
use newsparse::Document;
use serde_json::{json, Value};

mod newsmtsc;
use newsmtsc::half;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(gold), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: tone_features NEWSMTSC.jsonl OUT.jsonl");
        std::process::exit(2);
    };
    let Ok(file) = std::fs::File::open(gold) else {
        println!("skipped: {gold} not found");
        return;
    };
    let mut w = std::fs::File::create(out).unwrap_or_else(|e| {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    });
    let mut n = 0;
    for line in BufReader::new(file).lines().map_while(Result::ok) {
        let Ok(r) = serde_json::from_str::<Value>(&line) else {
            continue;
        };
        let text = r["sentence_normalized"].as_str().unwrap_or_default();
        let id = r["primary_gid"].as_str().unwrap_or_default();
        let doc = Document::new(text, None);
        let k = doc.tokens();
        let sentences: Vec<Vec<&str>> = k
            .sentences()
            .iter()
            .map(|s| {
                s.tokens()
                    .filter(|&i| k.has(i, flag::WORD))
                    .map(|i| k.lower(i))
                    .collect()
            })
            .collect();
        // Which words are written with a capital, not first in their sentence (names): the
        // training script adds no new sentiment word that is mostly written so.
        let capital: Vec<Vec<bool>> = k
            .sentences()
            .iter()
            .map(|s| {
                s.tokens()
                    .filter(|&i| k.has(i, flag::WORD))
                    .enumerate()
                    .map(|(n, i)| {
                        n > 0
                            && text
                                .get(k.span(i).start..)
                                .and_then(|t| t.chars().next())
                                .is_some_and(char::is_uppercase)
                    })
                    .collect()
            })
            .collect();
        let labels: Vec<f64> = r["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| t["polarity"].as_f64().unwrap_or(4.0))
            .collect();
        let row = json!({"id": id, "half": half(id), "labels": labels, "sentences": sentences, "capital": capital});
        let _ = writeln!(w, "{row}");
        n += 1;
    }
    println!("{n} sentences written to {out}");
}
