//! Precision and recall of `numbers` over the hand-annotated fixtures, and its speed.
//!
//! `cargo run --release --example eval_numbers -- [FIXTURES.jsonl] [PRED.jsonl] [--dump FILE] [--errors]`
//!
//! FIXTURES defaults to `tests/data/numbers_fixtures.jsonl` (there is no public gold for
//! numbers and counts). A number is right when its span (code points) and value match; a count
//! when its type and count match (as a multiset per sentence). A number is also a *full* match
//! when its kind and every other field the annotation gives (`low`, `high`, `unit`,
//! `currency`, `noun`, `qualifier`, `approximate`; `null` = none) match too: the "full F1" of
//! issue 15. `--errors` prints every number that is not a full match and every count missed
//! or spurious (do not use it on a sample whose errors you mean not to read). PRED, when given, receives one
//! line per fixture: `{"text", "numbers", "counts"}`. Speed is measured on the texts of the
//! dates and quotes dev sets in /work/shared/data when they are present; nothing of those
//! texts is written anywhere.

use std::time::Instant;

use newsparse::numbers::fixture::{close, run, wrong_fields};
use newsparse::numbers::{extract, CountItem, NumberItem};
use newsparse::Document;
use serde_json::{json, Value};

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:8} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})",
            p, r, f, self.tp, self.fp, self.fn_
        )
    }
}

struct Tallies {
    numbers: Tally,
    full: Tally,
    counts: Tally,
    errors: Option<Vec<String>>,
}

fn score(fx: &Value, n: &[NumberItem], c: &[CountItem], t: &mut Tallies) {
    let Tallies {
        numbers: nt,
        full: ft,
        counts: ct,
        errors,
    } = t;
    let text = fx["text"].as_str().unwrap_or_default();
    let mut err = |m: String| {
        if let Some(v) = errors.as_mut() {
            v.push(format!("{m}  | {text}"));
        }
    };
    let mut used = vec![false; n.len()];
    let mut full = vec![false; n.len()];
    let mut from = 0;
    for e in fx["numbers"].as_array().into_iter().flatten() {
        let et = e["text"].as_str().unwrap_or_default();
        let Some(b) = text.get(from..).and_then(|r| r.find(et)).map(|b| b + from) else {
            nt.fn_ += 1;
            ft.fn_ += 1;
            err(format!("fixture error: {et:?} not in text"));
            continue;
        };
        from = b + et.len();
        let start = text[..b].chars().count();
        let end = start + et.chars().count();
        let v = e["value"].as_f64().unwrap_or(f64::NAN);
        match (0..n.len())
            .find(|&i| !used[i] && n[i].start == start && n[i].end == end && close(n[i].value, v))
        {
            Some(i) => {
                used[i] = true;
                nt.tp += 1;
                let bad = wrong_fields(e, &n[i]);
                if bad.is_empty() {
                    full[i] = true;
                    ft.tp += 1;
                } else {
                    ft.fn_ += 1;
                    let got: Vec<String> = bad
                        .iter()
                        .map(|f| {
                            let g = &n[i];
                            let v = match *f {
                                "kind" => format!("{:?}", g.kind),
                                "low" => format!("{:?}", g.low),
                                "high" => format!("{:?}", g.high),
                                "unit" => format!("{:?}", g.unit),
                                "currency" => format!("{:?}", g.currency),
                                "noun" => format!("{:?}", g.noun),
                                "qualifier" => format!("{:?}", g.qualifier),
                                _ => format!("{:?}", g.approximate),
                            };
                            format!("{f} want {} got {v}", e[*f])
                        })
                        .collect();
                    err(format!("FIELD {et:?}: {}", got.join(", ")));
                }
            }
            None => {
                nt.fn_ += 1;
                ft.fn_ += 1;
                err(format!("MISS number {et:?} = {v}"));
            }
        }
    }
    for (i, x) in n.iter().enumerate() {
        if !used[i] {
            err(format!("SPURIOUS number {:?} = {}", x.text, x.value));
        }
    }
    nt.fp += used.iter().filter(|u| !**u).count();
    ft.fp += full.iter().filter(|u| !**u).count();
    let mut cused = vec![false; c.len()];
    for e in fx["counts"].as_array().into_iter().flatten() {
        let v = e["count"].as_f64().unwrap_or(f64::NAN);
        let ty = e["type"].as_str();
        match (0..c.len()).find(|&i| !cused[i] && Some(c[i].kind) == ty && close(c[i].count, v)) {
            Some(i) => {
                cused[i] = true;
                ct.tp += 1;
            }
            None => {
                ct.fn_ += 1;
                err(format!("MISS count {} {}", e["type"], e["count"]));
            }
        }
    }
    for (i, x) in c.iter().enumerate() {
        if !cused[i] {
            err(format!(
                "SPURIOUS count {} {} ({:?})",
                x.kind, x.count, x.trigger
            ));
        }
    }
    ct.fp += cused.iter().filter(|u| !**u).count();
}

/// `--dump FILE`: every amount and count found in the dev texts, with a little context, for
/// eyeballing errors (the file holds dev text: keep it out of the repository).
fn dump(path: &str, docs: &[Document]) {
    let mut out = String::new();
    for d in docs {
        let (n, c) = extract(d);
        let chars: Vec<char> = d.text.chars().collect();
        for x in &n {
            let ctx: String = chars[x.start.saturating_sub(40)..(x.end + 40).min(chars.len())]
                .iter()
                .collect();
            out.push_str(&format!(
                "N {:?} {} {} unit={:?} cur={:?} noun={:?} q={:?} | {}\n",
                x.text,
                x.value,
                x.kind,
                x.unit,
                x.currency,
                x.noun,
                x.qualifier,
                ctx.replace('\n', " ")
            ));
        }
        for x in &c {
            let ctx: String = chars[x.start.saturating_sub(60)..(x.end + 60).min(chars.len())]
                .iter()
                .collect();
            out.push_str(&format!(
                "C {} {} {:?} trig={:?} | {}\n",
                x.kind,
                x.count,
                x.object,
                x.trigger,
                ctx.replace('\n', " ")
            ));
        }
    }
    if let Err(e) = std::fs::write(path, out) {
        eprintln!("cannot write {path}: {e}");
    }
}

fn speed(dump_to: Option<&str>) {
    let mut texts = Vec::new();
    for path in [
        "/work/shared/data/dates/dev.jsonl",
        "/work/shared/data/quotes/dev.jsonl",
    ] {
        let Ok(src) = std::fs::read_to_string(path) else {
            println!("speed: {path} not found, skipped");
            continue;
        };
        for line in src.lines() {
            if let Some(t) = serde_json::from_str::<Value>(line)
                .ok()
                .and_then(|v| v["text"].as_str().map(String::from))
            {
                texts.push(t);
            }
        }
    }
    if texts.is_empty() {
        return;
    }
    let docs: Vec<Document> = texts.iter().map(|t| Document::new(t, None)).collect();
    if let Some(p) = dump_to {
        dump(p, &docs);
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let (mut n, mut c) = (0, 0);
    for d in &docs {
        let (a, b) = extract(d);
        n += a.len();
        c += b.len();
    }
    let rounds = 5;
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            std::hint::black_box(extract(d));
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "speed: {} docs, {:.2} MB, {n} numbers, {c} counts; numbers stage {:.1} MB/s (one core, layout excluded)",
        docs.len(),
        bytes as f64 / 1e6,
        (bytes * rounds) as f64 / 1e6 / secs
    );
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut dump_to = None;
    if let Some(i) = args.iter().position(|a| a == "--dump") {
        dump_to = args.get(i + 1).cloned();
        args.drain(i..(i + 2).min(args.len()));
    }
    let show_errors = match args.iter().position(|a| a == "--errors") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    let gold = args
        .first()
        .map(String::as_str)
        .unwrap_or("tests/data/numbers_fixtures.jsonl");
    let Ok(src) = std::fs::read_to_string(gold) else {
        println!("skipped: {gold} not found");
        return;
    };
    let mut t = Tallies {
        numbers: Tally::default(),
        full: Tally::default(),
        counts: Tally::default(),
        errors: show_errors.then(Vec::new),
    };
    let mut preds = Vec::new();
    let mut sentences = 0;
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(fx) = serde_json::from_str::<Value>(line) else {
            eprintln!("bad fixture line: {line}");
            continue;
        };
        sentences += 1;
        let (n, c) = run(fx["text"].as_str().unwrap_or_default());
        score(&fx, &n, &c, &mut t);
        preds.push(json!({"text": fx["text"], "numbers": n, "counts": c}).to_string());
    }
    println!("{sentences} fixture sentences from {gold}");
    for e in t.errors.iter().flatten() {
        println!("{e}");
    }
    println!("{}", t.numbers.line("numbers"));
    println!("{}", t.full.line("full"));
    println!("{}", t.counts.line("counts"));
    if let Some(out) = args.get(1) {
        match std::fs::write(out, preds.join("\n") + "\n") {
            Ok(()) => println!("predictions written to {out}"),
            Err(e) => eprintln!("cannot write {out}: {e}"),
        }
    }
    speed(dump_to.as_deref());
}
