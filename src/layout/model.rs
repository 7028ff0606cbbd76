//! The line classifier: an averaged perceptron over `features`, deciding whether a line of
//! the body is a paragraph, a subheading, page furniture or a picture caption. Its weights are
//! data (`data/layout/line_weights.tsv`, trained by `eval/layout_train.py` on the project's
//! own annotations, `eval/layout/dev.jsonl`), compiled in; features unseen in training weigh
//! nothing. Scoring hashes each feature string: no allocation per line.

use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use rustc_hash::FxHasher;

use super::features::{self, Cache, Context};
use super::lines::Line;
use crate::tables::{entries, FastMap};

/// The classes, in the weight file's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Paragraph,
    Subheading,
    Boilerplate,
    Caption,
}

const CLASSES: [Class; 4] = [
    Class::Paragraph,
    Class::Subheading,
    Class::Boilerplate,
    Class::Caption,
];

fn key(feature: &str) -> u64 {
    let mut h = FxHasher::default();
    feature.hash(&mut h);
    h.finish()
}

static WEIGHTS: LazyLock<FastMap<u64, [f32; 4]>> = LazyLock::new(|| {
    let src = include_str!("../../data/layout/line_weights.tsv");
    let mut out = FastMap::default();
    for (n, line) in entries(src) {
        let mut cols = line.split('\t');
        let feature = cols.next().unwrap_or_default();
        let mut w = [0f32; 4];
        for slot in w.iter_mut() {
            *slot = cols
                .next()
                .and_then(|c| c.trim().parse().ok())
                .unwrap_or_else(|| panic!("bad rule table: layout/line_weights.tsv:{n}: {line:?}"));
        }
        out.insert(key(feature), w);
    }
    out
});

/// Classes with any weight: the others were not trained and are never predicted.
static ACTIVE: LazyLock<[bool; 4]> = LazyLock::new(|| {
    let mut active = [false; 4];
    for w in WEIGHTS.values() {
        for (a, x) in active.iter_mut().zip(w) {
            *a |= *x != 0.0;
        }
    }
    active
});

/// Whether weights were shipped (an empty file turns the classifier off).
pub fn enabled() -> bool {
    !WEIGHTS.is_empty()
}

/// The scores of each class for line `ctx.line`.
pub fn scores(text: &str, lines: &[Line], cache: &mut Cache, ctx: Context) -> [f32; 4] {
    let w = &*WEIGHTS;
    let mut total = [0f32; 4];
    features::extract(text, lines, cache, ctx, &mut |f| {
        if let Some(v) = w.get(&key(f)) {
            for (t, x) in total.iter_mut().zip(v) {
                *t += x;
            }
        }
    });
    total
}

/// The best class for line `ctx.line`.
pub fn classify(text: &str, lines: &[Line], cache: &mut Cache, ctx: Context) -> Class {
    let s = scores(text, lines, cache, ctx);
    let active = *ACTIVE;
    let mut best = 0;
    for k in 1..4 {
        if active[k] && s[k] > s[best] {
            best = k;
        }
    }
    CLASSES[best]
}
