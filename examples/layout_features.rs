//! Writes the line classifier's features for every line it decides on, for
//! `eval/layout_train.py`:
//!
//!     cargo run --profile dev-opt --example layout_features -- GOLD_OR_POOL.jsonl OUT.jsonl
//!
//! One JSON object per input article: `{"id", "units": [[start, end, [feature, ...]], ...]}`
//! with code-point offsets into the text (as the annotations have them). Skips cleanly when the
//! input is absent.

mod jsonl;

use newsparse::layout;
use newsparse::text::OffsetMap;
use serde_json::{json, Value};

fn main() {
    jsonl::map_articles("layout_features", "articles", |id, t| {
        let map = OffsetMap::new(t);
        let units: Vec<Value> = layout::trace(t)
            .into_iter()
            .map(|(span, feats)| {
                let (s, e) = map.chars(span);
                json!([s, e, feats])
            })
            .collect();
        json!({"id": id, "units": units})
    });
}
