//! The JSON Lines loop the evaluation examples share: read `INPUT.jsonl` (objects with `id`
//! and `text`), write one output object per article to `OUT.jsonl`, print how many; skip
//! cleanly (print `skipped: ...`) when the input is absent.

use std::io::Write;

use serde_json::Value;

/// Runs `f(id, text)` on every article of the file named by the first command-line argument
/// and writes its results, one line each, to the file named by the second. `program` names
/// the example in the usage line; `what` the written objects in the summary line.
pub fn map_articles(program: &str, what: &str, mut f: impl FnMut(&Value, &str) -> Value) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, dest] = args.as_slice() else {
        eprintln!("usage: {program} INPUT.jsonl OUT.jsonl");
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
        if let Err(e) = writeln!(out, "{}", f(id, t)) {
            eprintln!("cannot write {dest}: {e}");
            std::process::exit(1);
        }
        n += 1;
    }
    if let Err(e) = out.flush() {
        eprintln!("cannot write {dest}: {e}");
        std::process::exit(1);
    }
    println!("{n} {what} written to {dest}");
}
