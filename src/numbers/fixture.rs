//! The project's numbers annotation format (`tests/data/numbers_fixtures.jsonl`,
//! `numbers_blind.jsonl`), compared with what the extractor returns: one definition of "this
//! field is right" for the unit tests and for `examples/eval_numbers` (its full F1), so the
//! two cannot drift apart. Not part of the record API.

use serde_json::Value;

use super::{extract, CountItem, NumberItem};
use crate::doc::Document;

/// A fixture sentence is parsed after this line, so it is a body sentence, not a headline.
pub const PREFIX: &str = "Fixture\n\n";

/// The numbers and counts of one fixture sentence, offsets relative to the sentence.
pub fn run(text: &str) -> (Vec<NumberItem>, Vec<CountItem>) {
    let full = format!("{PREFIX}{text}");
    let d = Document::new(&full, None);
    let (mut n, mut c) = extract(&d);
    let off = PREFIX.chars().count();
    for x in &mut n {
        x.start -= off;
        x.end -= off;
    }
    for x in &mut c {
        x.start -= off;
        x.end -= off;
    }
    (n, c)
}

/// Equal up to a relative 1e-6.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// An optional number against an annotated one (`null` for none).
pub fn opt_f64(v: Option<f64>, e: &Value) -> bool {
    match (v, e.as_f64()) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => e.is_null(),
        _ => false,
    }
}

/// An optional string against an annotated one (`null` for none).
pub fn opt_str(v: Option<&str>, e: &Value) -> bool {
    v == e.as_str()
}

/// The fields of an annotated number beyond its span and value (kind, then every field the
/// annotation gives: low, high, unit, currency, noun, qualifier, approximate) that `g` gets
/// wrong.
pub fn wrong_fields(e: &Value, g: &NumberItem) -> Vec<&'static str> {
    let mut bad = Vec::new();
    if e["kind"].as_str() != Some(g.kind) {
        bad.push("kind");
    }
    let checks: [(&'static str, Option<bool>); 7] = [
        ("low", e.get("low").map(|x| opt_f64(g.low, x))),
        ("high", e.get("high").map(|x| opt_f64(g.high, x))),
        ("unit", e.get("unit").map(|x| opt_str(g.unit, x))),
        (
            "currency",
            e.get("currency").map(|x| opt_str(g.currency, x)),
        ),
        ("noun", e.get("noun").map(|x| opt_str(g.noun.as_deref(), x))),
        (
            "qualifier",
            e.get("qualifier")
                .map(|x| opt_str(g.qualifier.as_deref(), x)),
        ),
        (
            "approximate",
            e.get("approximate")
                .map(|x| x.as_bool() == Some(g.approximate)),
        ),
    ];
    for (f, ok) in checks {
        if ok == Some(false) {
            bad.push(f);
        }
    }
    bad
}
