//! Writes the plain-text layout of every input article in the prediction format of the shared
//! layout scorer (`../shared/data/layout/score.py`, see its docstring):
//!
//!     cargo run --profile dev-opt --example layout_pred -- GOLD_OR_POOL.jsonl PRED.jsonl
//!     python3 ../shared/data/layout/score.py PRED.jsonl GOLD.jsonl --by-layout
//!
//! The input is JSON Lines with `id` and `text` (a gold file from `eval/layout_gold.py`, or the
//! pool itself). How a `Layout` maps onto the scorer's fields:
//! * `dateline`: the dateline without its separating dash (`SAO PAULO, Nov 7 (Reuters)`);
//! * `published`: the stamp, widened to its whole line when that line is only a stamp (with its
//!   label, `Last updated at 12:01`...), as the annotation format asks;
//! * `captions`: picture and video captions; `boilerplate`: every boilerplate span plus the
//!   related-topic links after a "Related Topics" heading;
//! * `first_paragraph` / `last_paragraph`: the first and last body paragraph widened to their
//!   whole lines (a dateline cut from the lead goes back in).
//!
//! Prints how many predictions were written; skips cleanly when the input is absent.

mod jsonl;

use newsparse::layout::{self, stamps, Layout};
use newsparse::text::{self, Span};
use serde_json::{json, Value};

/// The line (trimmed) around `span`: from the start of its first line to the end of its last.
fn widen(t: &str, span: Span) -> Span {
    let start = t[..span.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let end = t[span.end..]
        .find(['\n', '\r'])
        .map_or(t.len(), |i| span.end + i);
    text::trim(t, Span::new(start, end))
}

fn prediction(id: &Value, t: &str, l: &Layout) -> Value {
    let s = |sp: Span| t[sp.start..sp.end].to_string();
    let opt = |sp: Option<Span>| sp.map(s);
    let dateline = l.dateline.as_ref().map(|d| {
        let d = &t[d.span.start..d.span.end];
        d.trim_end_matches(|c: char| c.is_whitespace() || "-–—_:".contains(c))
            .to_string()
    });
    // The scorer's `published` is the article's date stamp whatever its label: an "Updated"
    // stamp when it is the only one.
    let published = l.published.as_ref().or(l.updated.as_ref()).map(|p| {
        let line = widen(t, p.span);
        match stamps::parse_line(t, line) {
            Some(_) => s(line),
            None => s(p.span),
        }
    });
    let mut captions: Vec<String> = l.images.iter().filter_map(|i| opt(i.caption)).collect();
    captions.extend(l.media.iter().map(|m| s(m.caption)));
    let mut boilerplate: Vec<String> = l.boilerplate.iter().map(|b| s(b.span)).collect();
    boilerplate.extend(l.related_topics.iter().map(|r| s(*r)));
    json!({
        "id": id,
        "section": opt(l.section),
        "headline": opt(l.headline),
        "byline": opt(l.byline),
        "dateline": dateline,
        "published": published,
        "captions": captions,
        "subheadings": l.subheadings.iter().map(|h| s(h.span)).collect::<Vec<_>>(),
        "highlights": l.highlights.iter().map(|h| s(*h)).collect::<Vec<_>>(),
        "boilerplate": boilerplate,
        "paragraph_count": l.paragraphs.len(),
        "first_paragraph": l.paragraphs.first().map(|p| s(widen(t, *p))),
        "last_paragraph": l.paragraphs.last().map(|p| s(widen(t, *p))),
    })
}

fn main() {
    jsonl::map_articles("layout_pred", "predictions", |id, t| {
        prediction(id, t, &layout::parse(t))
    });
}
