//! One-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava,
//! ICML 2017), kept as 8-bit values (b-bit minwise hashing, Li & König 2010): 256 bytes per
//! article whatever its length.
//!
//! Each shingle hash falls in one of `BINS` bins by its top 8 bits; a bin keeps the least of
//! the rest. Two articles' bins hold the same minimum with probability equal to the Jaccard
//! similarity of their shingle sets. An empty bin (short articles) borrows the value of the
//! first non-empty bin on a probe sequence that depends on the bin alone, so that
//! probability still holds. The stored byte is a hash of the minimum, so unequal minima agree
//! by chance with probability 1/256, which the estimator takes out.

use super::shingle::mix;

pub const BINS: usize = 256;

pub type Sketch = [u8; BINS];

/// The sketch of a set of shingle hashes (repeats do not matter); `None` when it is empty.
pub fn sketch(shingles: &[u64]) -> Option<Sketch> {
    if shingles.is_empty() {
        return None;
    }
    let mut mins = [u64::MAX; BINS];
    for &h in shingles {
        let bin = (h >> 56) as usize;
        let v = h & ((1 << 56) - 1);
        if v < mins[bin] {
            mins[bin] = v;
        }
    }
    let mut out = [0u8; BINS];
    let mut empty = Vec::new();
    for (i, &m) in mins.iter().enumerate() {
        if m == u64::MAX {
            empty.push(i);
        } else {
            out[i] = (mix(m) >> 56) as u8;
        }
    }
    for i in empty {
        // Optimal densification: the probe sequence of bin i is the same for every article.
        let mut attempt = 0u64;
        let from = loop {
            let j = (mix(((i as u64) << 32) | attempt) >> 56) as usize;
            if mins[j] != u64::MAX {
                break j;
            }
            attempt += 1;
            if attempt > 4096 {
                // Unreachable in practice (a non-empty bin exists); keep it total anyway.
                break (0..BINS).find(|&k| mins[k] != u64::MAX).unwrap_or(0);
            }
        };
        out[i] = (mix(mins[from]) >> 56) as u8;
    }
    Some(out)
}

/// Estimated Jaccard similarity of the sets behind two sketches.
pub fn estimate(a: &Sketch, b: &Sketch) -> f64 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count() as f64 / BINS as f64;
    // Unequal minima still agree on 8 bits with probability 1/256.
    let chance = 1.0 / 256.0;
    ((same - chance) / (1.0 - chance)).clamp(0.0, 1.0)
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    inter as f64 / (a.len() + b.len() - inter) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(mix).collect()
    }

    #[test]
    fn estimates_follow_jaccard() {
        // |A ∩ B| = 800, |A ∪ B| = 1000 → J = 0.8.
        let a = set(0..900);
        let b = set(100..1000);
        let (sa, sb) = (sketch(&a).unwrap(), sketch(&b).unwrap());
        let e = estimate(&sa, &sb);
        assert!((e - 0.8).abs() < 0.1, "{e}");
        assert_eq!(estimate(&sa, &sa), 1.0);
        let far = sketch(&set(5000..6000)).unwrap();
        assert!(estimate(&sa, &far) < 0.1);
        let mut sa_sorted = a.clone();
        sa_sorted.sort_unstable();
        let mut sb_sorted = b.clone();
        sb_sorted.sort_unstable();
        assert!((jaccard(&sa_sorted, &sb_sorted) - 0.8).abs() < 1e-9);
        assert!(sketch(&[]).is_none());
    }

    #[test]
    fn short_sets_are_densified_consistently() {
        let a = set(0..10);
        let sa = sketch(&a).unwrap();
        assert_eq!(sketch(&a).unwrap(), sa);
        let mut rev = a.clone();
        rev.reverse();
        assert_eq!(sketch(&rev).unwrap(), sa);
        let b = set(1..11); // J = 9/11
        let e = estimate(&sa, &sketch(&b).unwrap());
        assert!(e > 0.5, "{e}");
    }

    #[test]
    fn estimate_is_unbiased_over_many_pairs() {
        let mut total = 0.0;
        let n = 200;
        for k in 0..n {
            let base = k * 10_000;
            let a = set(base..base + 500);
            let b = set(base + 50..base + 550); // J = 450/550
            total += estimate(&sketch(&a).unwrap(), &sketch(&b).unwrap());
        }
        let mean = total / n as f64;
        assert!((mean - 450.0 / 550.0).abs() < 0.01, "{mean}");
    }
}
