//! Near-duplicate articles: syndicated copies (the same wire story under a new headline, cut
//! short, with another outlet's footer, lightly edited) grouped by the Jaccard similarity of
//! their word 5-gram shingles (see `shingle`).
//!
//! Each article gets a 256-byte one-permutation MinHash sketch (`sketch`); LSH banding tuned to
//! the threshold finds candidate pairs (`index`); candidates are then verified, exactly (the
//! shingle sets of the articles in a candidate pair, recomputed from the input) or by the
//! sketches' estimate (the streaming index, which keeps no text). Matches are joined into
//! groups by union-find. Results are deterministic and do not depend on the thread count:
//! sketches are computed in parallel, articles enter the index in input order.

pub mod index;
pub mod shingle;
pub mod sketch;

use crate::batch;
use crate::error::ItemError;
pub use index::{Index, Params};
pub use sketch::{Sketch, BINS};

/// How candidate pairs are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verify {
    /// Exact Jaccard of the two shingle sets (recomputed from the input).
    Exact,
    /// The sketches' estimate (standard error about 0.025 at similarity 0.8).
    Estimate,
}

/// Candidates whose estimate is this far under the threshold are not checked exactly: six
/// standard errors of the estimate at 0.8.
const EXACT_MARGIN: f64 = 0.15;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Duplicates {
    /// Matching pairs `a < b`, ordered by `b` then `a`.
    pub pairs: Vec<Pair>,
    /// Groups of two or more (connected by pairs), each ascending, by first member.
    pub groups: Vec<Vec<u32>>,
    /// Per article, the first article of its group (itself when it has no copy).
    pub labels: Vec<u32>,
}

/// Shingle hashes of a text's words (see `shingle`).
pub fn text_shingles(text: &str) -> Vec<u64> {
    let mut words = Vec::with_capacity(text.len() / 6);
    shingle::text_words(text, &mut words);
    let mut out = Vec::with_capacity(words.len());
    shingle::shingles(&words, &mut out);
    out
}

pub fn sketch_text(text: &str) -> Option<Sketch> {
    sketch::sketch(&text_shingles(text))
}

/// The sketch of a parsed document's body (body-paragraph tokens, dateline left out): the
/// same as `sketch_text` on its paragraphs joined by newlines.
pub fn sketch_document(doc: &crate::doc::Document) -> Option<Sketch> {
    let mut words = Vec::new();
    shingle::body_words(doc, &mut words);
    let mut sh = Vec::with_capacity(words.len());
    shingle::shingles(&words, &mut sh);
    sketch::sketch(&sh)
}

/// A text's shingle set for exact checks: 32-bit hashes, sorted, distinct.
fn shingle_set(text: &str) -> Vec<u64> {
    let mut s: Vec<u64> = text_shingles(text).into_iter().map(|h| h >> 32).collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// Adds each sketch to `index` in order, returning every (earlier, later, estimate) candidate
/// whose estimate is at least `floor`.
pub fn insert_all(index: &mut Index, sketches: &[Option<Sketch>], floor: f64) -> Vec<Pair> {
    let mut out = Vec::new();
    for s in sketches {
        let id = index.len() as u32;
        if let Some(s) = s {
            for c in index.candidates(s) {
                if let Some(other) = index.sketch(c) {
                    let e = sketch::estimate(s, other);
                    if e >= floor {
                        out.push(Pair {
                            a: c,
                            b: id,
                            similarity: e,
                        });
                    }
                }
            }
        }
        index.insert(s.as_ref());
    }
    out
}

/// Near-duplicate pairs and groups among `texts` at Jaccard `threshold`.
pub fn near_duplicates<T: AsRef<str> + Sync>(
    texts: &[T],
    threshold: f64,
    verify: Verify,
    threads: Option<usize>,
) -> Result<Duplicates, ItemError> {
    let sketches = batch::map_ordered(texts, threads, |t| sketch_text(t.as_ref()))?;
    let params = Params::for_threshold(threshold);
    let mut index = Index::new(params);
    let floor = match verify {
        Verify::Exact => threshold - EXACT_MARGIN,
        Verify::Estimate => threshold,
    };
    let candidates = insert_all(&mut index, &sketches, floor);
    let pairs = match verify {
        Verify::Estimate => candidates,
        Verify::Exact => {
            let mut involved: Vec<u32> = candidates.iter().flat_map(|p| [p.a, p.b]).collect();
            involved.sort_unstable();
            involved.dedup();
            let sets = batch::map_ordered(&involved, threads, |&i| {
                shingle_set(texts[i as usize].as_ref())
            })?;
            let slot = |i: u32| involved.binary_search(&i).ok().map(|k| &sets[k]);
            let checked =
                batch::map_ordered(&candidates, threads, |p| match (slot(p.a), slot(p.b)) {
                    (Some(x), Some(y)) => Pair {
                        similarity: sketch::jaccard(x, y),
                        ..*p
                    },
                    _ => Pair {
                        similarity: 0.0,
                        ..*p
                    },
                })?;
            checked
                .into_iter()
                .filter(|p| p.similarity >= threshold)
                .collect()
        }
    };
    for p in &pairs {
        index.union(p.a, p.b);
    }
    Ok(Duplicates {
        labels: index.labels(),
        groups: index.groups(),
        pairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Document;

    const STORY: &str = "A powerful storm swept across the northern coast on Monday, flooding hundreds of homes and cutting power to tens of thousands of people, officials said. Emergency crews worked through the night to rescue residents trapped by rising water in low-lying neighbourhoods. The national weather service warned that more heavy rain was expected later in the week and urged people to avoid travel. Schools in three districts were closed and several bridges were shut after inspectors found damage to their supports. The mayor said the city had opened four shelters and asked volunteers to bring blankets, food and drinking water to the town hall.";

    fn corpus() -> Vec<String> {
        vec![
            STORY.to_string(),
            format!("{STORY} Copyright 2021 The Daily Example. All rights reserved. Follow us for more."),
            "The central bank raised interest rates by half a percentage point on Thursday, its biggest increase in two decades, as it tried to bring down inflation that has climbed to a forty-year high and is squeezing household budgets across the country.".to_string(),
            STORY.replace("Monday", "Tuesday").replace("four shelters", "five shelters"),
            String::new(),
            STORY.split(". ").take(2).collect::<Vec<_>>().join(". "),
        ]
    }

    #[test]
    fn copies_group_and_others_do_not() {
        let texts = corpus();
        let exact = near_duplicates(&texts, 0.8, Verify::Exact, Some(1)).unwrap();
        assert_eq!(exact.groups, vec![vec![0, 1, 3]]);
        assert_eq!(exact.labels, vec![0, 0, 2, 0, 4, 5]);
        for p in &exact.pairs {
            assert!(p.a < p.b && p.similarity >= 0.8);
        }
        // The estimate (J = 0.82 for the edited copy) may fall either side of 0.8.
        let est = near_duplicates(&texts, 0.8, Verify::Estimate, Some(1)).unwrap();
        assert!(est.groups == exact.groups || est.groups == vec![vec![0, 1]]);
        assert!(est.pairs.iter().all(|p| p.similarity >= 0.8));
        let many = near_duplicates(&texts, 0.8, Verify::Exact, Some(3)).unwrap();
        assert_eq!(many, exact);
        // A lower threshold takes the cut-short copy in too.
        let low = near_duplicates(&texts, 0.3, Verify::Exact, Some(1)).unwrap();
        assert_eq!(low.groups, vec![vec![0, 1, 3, 5]]);
    }

    #[test]
    fn document_body_sketch_equals_joined_paragraphs() {
        let t = include_str!("../../tests/data/seed_article.txt");
        let doc = Document::new(t, None);
        let joined: Vec<&str> = doc.layout.paragraphs.iter().map(|p| doc.str(*p)).collect();
        assert_eq!(sketch_document(&doc), sketch_text(&joined.join("\n")));
        let headline = doc.str(doc.layout.headline.unwrap());
        assert_ne!(
            sketch_document(&doc),
            sketch_text(&format!("{headline}\n{}", joined.join("\n")))
        );
    }
}
