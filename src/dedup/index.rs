//! LSH banding over sketches, and the groups that matches make.
//!
//! The sketch's bins are cut into `bands` bands of `rows` bins; two articles become a
//! candidate pair when any band is equal, which happens with probability
//! `1 - (1 - s^rows)^bands` for similarity `s`. `Params::for_threshold` picks the most rows
//! (fewest chance candidates) for which a pair exactly at the threshold is a candidate with
//! probability at least 0.995, with at most 24 bands (index memory).
//!
//! Per band a hash map from the band's 32-bit key to the last article with it, and per
//! article and band a link to the previous one: about 600-800 bytes per article with the
//! sketch (see `memory_bytes`).

use rustc_hash::FxHashMap;

use super::shingle::mix;
use super::sketch::{Sketch, BINS};

/// Most bands (index memory grows with them).
pub const MAX_BANDS: usize = 24;
/// Most earlier articles compared per band: a story copied thousands of times still joins
/// its group (through its most recent copies) without comparing against every copy.
pub const MAX_CHAIN: usize = 64;
/// Least probability that a pair exactly at the threshold is a candidate.
pub const TARGET_RECALL: f64 = 0.995;

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub threshold: f64,
    pub rows: usize,
    pub bands: usize,
}

impl Params {
    pub fn for_threshold(threshold: f64) -> Params {
        let t = threshold.clamp(0.0, 1.0);
        for rows in (1..=16usize).rev() {
            let bands = (BINS / rows).min(MAX_BANDS);
            let p = Params {
                threshold: t,
                rows,
                bands,
            };
            if p.candidate_probability(t) >= TARGET_RECALL {
                return p;
            }
        }
        Params {
            threshold: t,
            rows: 1,
            bands: MAX_BANDS,
        }
    }

    /// Probability that a pair of similarity `s` shares a band.
    pub fn candidate_probability(&self, s: f64) -> f64 {
        1.0 - (1.0 - s.powi(self.rows as i32)).powi(self.bands as i32)
    }
}

fn band_key(s: &Sketch, band: usize, rows: usize) -> u32 {
    let mut h = band as u64;
    for &v in &s[band * rows..(band + 1) * rows] {
        h = (h ^ v as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (mix(h) >> 32) as u32
}

/// Articles' sketches, their bands, and a union-find over the matches recorded.
pub struct Index {
    pub params: Params,
    sketches: Vec<Sketch>,
    /// Whether the article had any shingle (an empty one matches nothing).
    has: Vec<bool>,
    tables: Vec<FxHashMap<u32, u32>>,
    /// `next[id * bands + band]`: the previous article with the same key in that band.
    next: Vec<u32>,
    parent: Vec<u32>,
}

impl Index {
    pub fn new(params: Params) -> Self {
        Index {
            params,
            sketches: Vec::new(),
            has: Vec::new(),
            tables: vec![FxHashMap::default(); params.bands],
            next: Vec::new(),
            parent: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.sketches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sketches.is_empty()
    }

    pub fn sketch(&self, id: u32) -> Option<&Sketch> {
        let i = id as usize;
        self.has
            .get(i)
            .copied()
            .unwrap_or(false)
            .then(|| &self.sketches[i])
    }

    /// Indexed articles sharing a band with `s`, each once, ascending.
    pub fn candidates(&self, s: &Sketch) -> Vec<u32> {
        let mut out = Vec::new();
        let b = self.params.bands;
        for band in 0..b {
            let key = band_key(s, band, self.params.rows);
            let mut at = self.tables[band].get(&key).copied().unwrap_or(NONE);
            let mut walked = 0;
            while at != NONE && walked < MAX_CHAIN {
                out.push(at);
                at = self.next[at as usize * b + band];
                walked += 1;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Adds an article (its id is the number of articles before it).
    pub fn insert(&mut self, s: Option<&Sketch>) -> u32 {
        let id = self.sketches.len() as u32;
        self.sketches.push(s.copied().unwrap_or([0; BINS]));
        self.has.push(s.is_some());
        self.parent.push(id);
        let b = self.params.bands;
        for band in 0..b {
            let prev = match s {
                Some(s) => {
                    let key = band_key(s, band, self.params.rows);
                    self.tables[band].insert(key, id).unwrap_or(NONE)
                }
                None => NONE,
            };
            self.next.push(prev);
        }
        id
    }

    pub fn find(&mut self, mut a: u32) -> u32 {
        while self.parent[a as usize] != a {
            let p = self.parent[a as usize];
            self.parent[a as usize] = self.parent[p as usize];
            a = p;
        }
        a
    }

    /// Records that `a` and `b` match; the root is always the smaller id.
    pub fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi as usize] = lo;
        }
    }

    /// Each article's group: the id of the group's first article (its own id when it has no
    /// match).
    pub fn labels(&mut self) -> Vec<u32> {
        (0..self.len() as u32).map(|i| self.find(i)).collect()
    }

    /// Groups of two or more, each ascending, ordered by their first article.
    pub fn groups(&mut self) -> Vec<Vec<u32>> {
        let labels = self.labels();
        let mut by: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (i, &l) in labels.iter().enumerate() {
            by.entry(l).or_default().push(i as u32);
        }
        let mut out: Vec<Vec<u32>> = by.into_values().filter(|g| g.len() > 1).collect();
        out.sort_unstable_by_key(|g| g[0]);
        out
    }

    /// Bytes the index holds (allocated capacity, hash tables included).
    pub fn memory_bytes(&self) -> usize {
        let table: usize = self
            .tables
            .iter()
            .map(|t| t.capacity() * (std::mem::size_of::<(u32, u32)>() + 1))
            .sum();
        self.sketches.capacity() * BINS
            + self.has.capacity()
            + self.next.capacity() * 4
            + self.parent.capacity() * 4
            + table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banding_is_tuned_to_the_threshold() {
        let p = Params::for_threshold(0.8);
        assert_eq!((p.rows, p.bands), (7, 24));
        assert!(p.candidate_probability(0.8) >= TARGET_RECALL);
        assert!(p.candidate_probability(0.3) < 0.01);
        let hi = Params::for_threshold(0.95);
        assert!(hi.rows > p.rows && hi.candidate_probability(0.95) >= TARGET_RECALL);
        let lo = Params::for_threshold(0.5);
        assert!(lo.rows < p.rows);
    }

    #[test]
    fn chains_groups_and_labels() {
        let mut ix = Index::new(Params::for_threshold(0.8));
        let a = [7u8; BINS];
        let mut b = a;
        b[0] = 1;
        let c = [9u8; BINS];
        assert!(ix.candidates(&a).is_empty());
        ix.insert(Some(&a));
        ix.insert(None);
        ix.insert(Some(&c));
        assert_eq!(ix.candidates(&b), vec![0]);
        let id = ix.insert(Some(&b));
        ix.union(id, 0);
        assert_eq!(ix.labels(), vec![0, 1, 2, 0]);
        assert_eq!(ix.groups(), vec![vec![0, 3]]);
        assert!(ix.sketch(1).is_none());
        assert!(ix.memory_bytes() > 4 * BINS);
    }
}
