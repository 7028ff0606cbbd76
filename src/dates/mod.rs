//! Temporal expressions in running text, normalised TimeML-style (TIMEX3 `type` and `value`).
//!
//! A token grammar (`parse`) finds the longest expression at each token; `resolve` turns its
//! meaning into a value against `Document::reference_date`. Word lists and normalisation
//! tables are in `data/dates/`.
//!
//! `anchor` says what the value was resolved against: the reference date in ISO form
//! ("2014-01-05") when the value depends on it, `"none"` when the expression needs no anchor
//! ("March 5, 1946", "three months", "now"), and `"unknown"` when it needed one the document
//! lacks (the value then keeps X placeholders: `XXXX-01-04`, `XXXX-WXX-6`).

mod clock;
mod durations;
mod grammar;
mod parse;
mod quarters;
mod relative;
mod resolve;
mod tables;
mod words;

use serde::Serialize;

use crate::doc::Document;
use crate::stream::Tokens;
use crate::text::Span;
use grammar::{Found, Grammar};
use resolve::{Anchored, Lean, Sem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateItem {
    pub text: String,
    /// Code-point offsets into the input, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Body paragraph index; `None` in the headline, captions or the dateline.
    pub paragraph: Option<usize>,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TimeML value: `2014-01-04`, `2014-W01`, `2013-Q3`, `197X`, `P3M`, `PAST_REF`, ...
    pub value: String,
    /// The reference date (ISO) the value was resolved against, `"none"` or `"unknown"`.
    pub anchor: String,
}

/// How many tokens back a future cue ("will", "next") is looked for in the same sentence.
const CUE_WINDOW: usize = 8;

/// The dates tables' words for the lexicon: every word of every table, and the grammar's
/// trigger words flagged `lexicon::flag::DATE_TRIGGER`.
pub fn lexicon_words(b: &mut crate::lexicon::Builder) {
    words::lexicon_words(b);
}

pub fn extract(doc: &Document) -> Vec<DateItem> {
    extract_gated(doc, true)
}

/// `extract`, with the grammar tried only where an anchor follows (`gate`, the fast path) or at
/// every token that can start a rule (to check that the gate changes nothing).
fn extract_gated(doc: &Document, gate: bool) -> Vec<DateItem> {
    let mut out = Vec::new();
    let k = doc.tokens();
    // The quarter an earnings report is about: "a year ago" there means that quarter a year
    // before, and "the quarter" means it.
    let mut quarter: Option<(i32, u32)> = None;
    // The dateline ("WASHINGTON, March 12 (Xinhua) --") and picture titles ("Sunni fighters in
    // Fallujah, 4 January") are not regions but may hold a date.
    for seg in k.extra() {
        scan(doc, k, seg.tokens(), gate, &mut quarter, &mut out);
    }
    // Regions are scanned separately so no expression spans two of them.
    let sents = k.sentences();
    let mut a = 0;
    while a < sents.len() {
        let region = doc.sentences[a].region;
        let mut b = a + 1;
        while b < sents.len() && doc.sentences[b].region == region {
            b += 1;
        }
        let range = sents[a].start as usize..sents[b - 1].end as usize;
        scan(doc, k, range, gate, &mut quarter, &mut out);
        a = b;
    }
    out.sort_by_key(|d| d.start);
    out
}

/// Scans tokens `range` of the stream (a region, the dateline or a picture title).
fn scan(
    doc: &Document,
    k: &Tokens,
    range: std::ops::Range<usize>,
    gate: bool,
    quarter: &mut Option<(i32, u32)>,
    out: &mut Vec<DateItem>,
) {
    let mut g = Grammar::new(doc.text, k, range);
    g.gate = gate;
    let mut i = 0;
    while i < g.len() {
        if gate {
            i = g.skip_quiet(i);
            if i >= g.len() {
                break;
            }
        }
        if !(if gate {
            g.worth_trying(i)
        } else {
            g.can_start(i)
        }) {
            i += 1;
            continue;
        }
        if let Some(pair) = g.year_range(i) {
            for (span, y) in pair {
                push(
                    doc,
                    span,
                    TimexType::Date,
                    &Sem::Abs(format!("{y:04}")),
                    Lean::Past,
                    out,
                );
            }
            i += 1;
            continue;
        }
        match g.at(i) {
            Some(f) if f.end > f.start => {
                let lean = lean(&g, &f);
                // Only a quarter named for the current reporting period sets the context.
                let sets_context = matches!(
                    f.sem,
                    Sem::Quarter {
                        q: 1..=4,
                        years: None
                    }
                );
                let sem = match (*quarter, &f.sem) {
                    (Some((y, q)), _) if f.quarterly => Sem::Abs(format!("{:04}-Q{q}", y - 1)),
                    (Some((y, q)), Sem::ReportedQuarter { years }) => {
                        Sem::Abs(format!("{:04}-Q{q}", y + years))
                    }
                    (
                        Some((_, q)),
                        Sem::Quarter {
                            q: 0,
                            years: Some(y),
                        },
                    ) => Sem::Abs(format!("{y:04}-Q{q}")),
                    _ => f.sem,
                };
                if let (Some(a), Some(b)) = (g.span(f.start), g.span(f.end - 1)) {
                    let value = push(doc, Span::new(a.start, b.end), f.typ, &sem, lean, out);
                    // A quarter not yet over ("a fourth-quarter charge" in October) is a forecast,
                    // not the period being reported.
                    let current = doc.reference_date.map(|r| (r.year, (r.month - 1) / 3 + 1));
                    match (parse_quarter(&value), current) {
                        (Some(q), Some(c)) if sets_context && q < c => *quarter = Some(q),
                        _ => {}
                    }
                }
                i = f.end;
            }
            _ => i += 1,
        }
    }
}

/// Whether a future cue ("will", "next") comes shortly before `f` in its sentence.
fn lean(g: &Grammar, f: &Found) -> Lean {
    if f.start >= g.len() {
        return Lean::Past;
    }
    let from = f
        .start
        .saturating_sub(CUE_WINDOW)
        .max(g.sentence_start(f.start));
    if (from..f.start).any(|j| g.is(j, words::bit::FUTURE_CUE)) {
        Lean::Future
    } else {
        Lean::Past
    }
}

/// "1989-Q3" -> (1989, 3).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    let q: u32 = q.parse().ok()?;
    (y.len() == 4 && (1..=4).contains(&q)).then_some((y.parse().ok()?, q))
}

/// Appends the item and returns its value.
fn push(
    doc: &Document,
    span: Span,
    kind: TimexType,
    sem: &Sem,
    lean: Lean,
    out: &mut Vec<DateItem>,
) -> String {
    let (value, anchored) = resolve::value(sem, doc.reference_date, lean);
    let anchor = match anchored {
        Anchored::Reference => doc
            .reference_date
            .map_or_else(|| "unknown".to_string(), |d| d.to_string()),
        Anchored::Absolute => "none".to_string(),
        Anchored::Missing => "unknown".to_string(),
    };
    let ts = doc.span(span);
    out.push(DateItem {
        text: ts.text,
        start: ts.start,
        end: ts.end,
        paragraph: doc.paragraph_of(span.start),
        kind,
        value: value.clone(),
        anchor,
    });
    value
}

#[cfg(test)]
mod tests;
