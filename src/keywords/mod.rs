//! Key phrases: the words and short phrases (one to three words) an article is about, ranked,
//! from what the record already knows: the token stream's content words (no function words,
//! numbers or punctuation inside a phrase), how often each phrase occurs, how specific its words
//! are (IDF over news, `idf`), where it first occurs (headline and lead weigh more) and the
//! entities' salience.
//!
//! Phrases are keyed by their words' canonical ids (lower-case, possessive and plural "s"
//! folded: "Rebels'" and "rebel" are one word), never by strings; strings are made for the
//! chosen phrases only.

mod candidates;

use serde::Serialize;

use crate::doc::Document;
use crate::entities::{Entity, Mention};
use crate::tables::FastMap;
use crate::words::ContentWords;
use candidates::{Candidates, Key};

/// Key phrases returned at most.
pub const TOP: usize = 10;

/// Weights of the score (tuned on 500N-KPCrowd's development part: see the README).
const HEADLINE: f64 = 1.0;
const LEAD: f64 = 0.6;
const ENTITY: f64 = 0.8;
const PROPER: f64 = 0.3;
/// A phrase of n words weighs its words' IDF sum divided by the square root of n.
const LENGTH_NORM: [f64; 3] = [
    1.0,
    std::f64::consts::FRAC_1_SQRT_2,
    0.577_350_269_189_625_8,
];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    /// The phrase as first written mid-sentence ("Watkins Glen", "kidney transplant").
    pub text: String,
    /// Relative weight, 1.0 for the top phrase.
    pub score: f64,
    /// Occurrences of the phrase (case, possessive and plural folded).
    pub count: usize,
    /// The occurrences in text order, at most `MAX_MENTIONS` of them (`count` has them all).
    pub mentions: Vec<Mention>,
}

/// A keyword lists at most this many mentions: a phrase repeated through a huge article would
/// otherwise cost more memory than the article (`count` still counts them all).
pub const MAX_MENTIONS: usize = 100;

/// The top key phrases of `doc`, best first; `entities` are the record's.
pub fn extract(doc: &Document, entities: &[Entity]) -> Vec<Keyword> {
    extract_with(doc, &ContentWords::new(doc.tokens()), entities)
}

/// `extract` with the document's content words already built (`record` shares them with the
/// summary).
pub fn extract_with(doc: &Document, words: &ContentWords, entities: &[Entity]) -> Vec<Keyword> {
    let k = doc.tokens();
    let c = Candidates::collect(doc, k, words);
    if c.is_empty() {
        return Vec::new();
    }
    // Entity salience by the canonical key of the entity's name (packed).
    let names: usize = entities.iter().map(|e| 1 + e.aliases.len()).sum();
    let mut salience: FastMap<u64, f64> =
        FastMap::with_capacity_and_hasher(names, Default::default());
    for e in entities {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            if let Some(key) = c.key_of_phrase(name) {
                let s = salience.entry(key.packed()).or_insert(0.0);
                *s = s.max(e.salience);
            }
        }
    }
    let best = rank(&c, &salience, k.sentences().len());
    let scored = best
        .into_iter()
        .filter_map(|r| Some((r.score(), c.by_packed(r.packed())?.key)));
    let mut chosen: Vec<(f64, Key)> = Vec::new();
    for (s, key) in scored {
        if chosen.len() == TOP {
            break;
        }
        // A word that only ever occurs inside a chosen phrase adds nothing to it.
        let count = |k: &Key| c.stat(k).map(|x| x.count);
        let inside = chosen.iter().any(|(_, big)| {
            big.len() > key.len() && big.contains(&key) && count(big) == count(&key)
        });
        if !inside {
            chosen.push((s, key));
        }
    }
    let top = chosen.first().map_or(1.0, |x| x.0).max(f64::MIN_POSITIVE);
    let keys: Vec<Key> = chosen.iter().map(|x| x.1).collect();
    let spans = c.mentions(k, &keys);
    chosen
        .iter()
        .zip(spans)
        .filter_map(|((s, key), spans)| {
            let first = *spans.first()?;
            let surface = c.stat(key).map_or(first, |st| st.surface);
            Some(Keyword {
                text: doc.str(surface).to_string(),
                score: (s / top * 1000.0).round() / 1000.0,
                count: spans.len(),
                mentions: spans
                    .iter()
                    .take(MAX_MENTIONS)
                    .map(|&sp| {
                        let t = doc.span(sp);
                        Mention {
                            text: t.text,
                            start: t.start,
                            end: t.end,
                            paragraph: doc.paragraph_of(sp.start),
                        }
                    })
                    .collect(),
            })
        })
        .collect()
}

/// The best `TOP * 4` candidates, best first.
fn rank(c: &Candidates, salience: &FastMap<u64, f64>, sentences: usize) -> Vec<Ranked> {
    // Only the best few need ranking (the rest is never shown). Candidates gather in a buffer;
    // when it is full the best `keep` are selected and the worst of them becomes a bar that
    // most later candidates fail with one float comparison. `Ranked` is a total order, so the
    // kept set and its order are those of a full sort.
    let keep = TOP * 4;
    let mut best: Vec<Ranked> = Vec::with_capacity(keep * 4);
    let mut bar: Option<(f64, Ranked)> = None;
    // The lead bonus of each sentence (the same expression, computed once per sentence).
    let lead_of = |first: u32| 1.0 + LEAD / (1.0 + first as f64 / 3.0);
    let lead: Vec<f64> = (0..sentences as u32).map(lead_of).collect();
    for st in c.all() {
        if !(st.key.len() == 1 || st.count >= 2 || st.proper * 2 >= st.count) {
            continue;
        }
        let key = st.key;
        let spec = c.specificity(&key) * LENGTH_NORM[key.len() - 1];
        // ln(1) is 0: most candidates occur once.
        let mut s = if st.count > 1 {
            (1.0 + (st.count as f64).ln()) * spec
        } else {
            spec
        };
        if st.headline {
            s *= 1.0 + HEADLINE;
        }
        s *= lead
            .get(st.first as usize)
            .copied()
            .unwrap_or_else(|| lead_of(st.first));
        // With no capitalised occurrence the factor is exactly 1.
        if st.proper > 0 {
            s *= 1.0 + PROPER * (st.proper as f64 / st.count as f64);
        }
        let packed = key.packed();
        if !salience.is_empty() {
            if let Some(sal) = salience.get(&packed) {
                s *= 1.0 + ENTITY * sal;
            }
        }
        let r = Ranked::new(s, packed);
        if let Some((bar_score, bar)) = bar {
            // `s < bar_score` is the common, cheap case of `r > bar` (NaN and signed zeros
            // fall through to the total order).
            if s < bar_score || r > bar {
                continue;
            }
        }
        if best.len() == best.capacity() {
            keep_best(&mut best, keep);
            bar = best.last().map(|&r| (r.score(), r));
        }
        best.push(r);
    }
    keep_best(&mut best, keep);
    best
}

/// Keeps the best `keep` of `ranked`, best first (candidates are distinct, so the best `keep`
/// are one set).
fn keep_best(ranked: &mut Vec<Ranked>, keep: usize) {
    if keep == 0 {
        ranked.clear();
        return;
    }
    if keep < ranked.len() {
        ranked.select_nth_unstable(keep - 1);
        ranked.truncate(keep);
    }
    ranked.sort_unstable();
}

/// A scored candidate as one integer, ordered best first: a higher score (in the order of
/// `f64::total_cmp`), then the smaller key. The high half is the score's order reversed, the
/// low half the packed key (`Key::packed`), whose integer order is the keys' order (`n`
/// first, then the word ids) while ids are below 2^21, as they are for every phrase a map
/// key tells apart. A total order on plain integers: selecting and sorting compare no floats
/// and no arrays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Ranked(u128);

impl Ranked {
    fn new(score: f64, packed: u64) -> Ranked {
        // `total_cmp`'s integer view of the bits, shifted to unsigned, then reversed.
        let b = score.to_bits();
        let ordered = (b ^ (((b as i64 >> 63) as u64) >> 1)) ^ (1 << 63);
        Ranked(((!ordered as u128) << 64) | packed as u128)
    }

    /// The score, bit for bit.
    fn score(self) -> f64 {
        let t = !((self.0 >> 64) as u64) ^ (1 << 63);
        f64::from_bits(t ^ (((t as i64 >> 63) as u64) >> 1))
    }

    fn packed(self) -> u64 {
        self.0 as u64
    }
}

#[cfg(test)]
mod tests;
