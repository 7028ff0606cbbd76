//! How specific a word is: inverse document frequency over about a thousand news stories
//! (`data/text/doc_freq.tsv`, see `scripts/doc_freq.py`), by lexicon id, for keywords and
//! summaries. A word the table does not have is rare: it gets the highest value.

use std::sync::LazyLock;

use crate::lexicon::{Builder, VOCAB};
use crate::tables::entries;

const SRC: &str = include_str!("../data/text/doc_freq.tsv");

/// (stories, [(word, stories it appears in)])
fn table() -> (f64, Vec<(&'static str, f64)>) {
    let mut it = entries(SRC);
    let n = it
        .next()
        .and_then(|(_, l)| l.trim().parse::<f64>().ok())
        .unwrap_or(1.0)
        .max(1.0);
    let words = it
        .filter_map(|(_, l)| {
            let (w, c) = l.split_once('\t')?;
            Some((w, c.trim().parse::<f64>().ok()?))
        })
        .collect();
    (n, words)
}

/// `ln(N / (df + 1))` by lexicon id (`lexicon::Entry::id`); `None` past the table.
static BY_ID: LazyLock<(Vec<f32>, f32)> = LazyLock::new(|| {
    let (n, words) = table();
    let max = (n / 1.0).ln() as f32;
    let mut v = vec![max; VOCAB.len()];
    for (w, c) in words {
        let id = VOCAB.lookup(w, w).id as usize;
        if let Some(slot) = v.get_mut(id) {
            *slot = ((n / (c + 1.0)).ln() as f32).max(0.0);
        }
    }
    (v, max)
});

/// The IDF of a lexeme with lexicon id `id` (`u32::MAX`: not in any table, so rare).
pub fn of_id(id: u32) -> f32 {
    let (v, max) = &*BY_ID;
    v.get(id as usize).copied().unwrap_or(*max)
}

/// The highest IDF (a word no story had).
pub fn max() -> f32 {
    BY_ID.1
}

/// Gives every counted word a lexicon id (no flag), so its IDF is found by id.
pub fn lexicon_words(b: &mut Builder) {
    for (w, _) in table().1 {
        b.lower(w, 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less_than_rare_ones() {
        let id = |w: &str| VOCAB.lookup(w, w).id;
        assert!(of_id(id("the")) < 0.2);
        assert!(of_id(id("said")) < of_id(id("hospital")));
        assert_eq!(of_id(u32::MAX), max());
        assert!(max() > 6.0);
    }
}
