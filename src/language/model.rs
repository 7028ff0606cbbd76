//! The n-gram model: naive Bayes over character trigrams (of each word padded with spaces) and
//! whole words, hashed (FNV-1a, 32 bits), with one table for every language of
//! the four multi-language script groups. Trained by `scripts/train_language.py`, which
//! documents the binary format of `data/language/model.bin` and mirrors the feature extraction
//! below exactly.

use std::sync::LazyLock;

/// The compiled-in model.
static BYTES: &[u8] = include_bytes!("../../data/language/model.bin");

pub static MODEL: LazyLock<Model> = LazyLock::new(|| Model::parse(BYTES).unwrap_or_default());

/// Entry weights are ln(1 + count / alpha) in 1/16 nat steps.
const W_SCALE: f64 = 16.0;

const FNV_OFFSET: u32 = 0x811C_9DC5;
const FNV_PRIME: u32 = 0x0100_0193;

#[derive(Debug, Clone, PartialEq)]
pub struct Lang {
    pub code: String,
    pub group: u8,
    /// Log-probability of a known feature the language was not seen with.
    pub floor: f64,
}

#[derive(Debug, Default)]
pub struct Model {
    pub langs: Vec<Lang>,
    /// Open addressing: `keys[slot]` is a feature hash (0 = empty), `slots[slot]` its index.
    keys: Vec<u32>,
    slots: Vec<u32>,
    /// Entry range of each feature, then the (language, weight) pairs.
    starts: Vec<u32>,
    entries: Vec<(u8, u8)>,
    mask: usize,
    /// Features with many entries (common trigrams) also as a dense row of weights by
    /// language (`rows[dense[i]]`, `NO_ROW` for none): adding a row is a few vector
    /// additions where the entries would be one addition each.
    dense: Vec<u32>,
    rows: Vec<[u8; WIDTH]>,
}

/// Languages a dense row holds (a model with more languages has no dense rows).
pub const WIDTH: usize = 64;
/// Features with at least this many entries get a dense row.
const DENSE_MIN: usize = 16;
const NO_ROW: u32 = u32::MAX;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Model {
    /// Reads the binary model; `None` if it is malformed.
    pub fn parse(b: &[u8]) -> Option<Model> {
        if !b.starts_with(b"NPLID1") {
            return None;
        }
        let mut at = 6;
        let n = u16_at(b, at)? as usize;
        at += 2;
        let mut langs = Vec::with_capacity(n);
        for _ in 0..n {
            let len = *b.get(at)? as usize;
            at += 1;
            let code = std::str::from_utf8(b.get(at..at + len)?).ok()?.to_string();
            at += len;
            let group = *b.get(at)?;
            let floor = f32::from_le_bytes(b.get(at + 1..at + 5)?.try_into().ok()?) as f64;
            at += 5;
            langs.push(Lang { code, group, floor });
        }
        let nf = u32_at(b, at)? as usize;
        at += 4;
        let hashes: Vec<u32> = (0..nf)
            .map(|i| u32_at(b, at + 4 * i))
            .collect::<Option<_>>()?;
        at += 4 * nf;
        let counts = b.get(at..at + nf)?;
        at += nf;
        let mut starts = Vec::with_capacity(nf + 1);
        starts.push(0u32);
        for &c in counts {
            starts.push(starts[starts.len() - 1] + c as u32);
        }
        let ne = *starts.last()? as usize;
        let raw = b.get(at..at + 2 * ne)?;
        let entries: Vec<(u8, u8)> = raw.chunks_exact(2).map(|c| (c[0], c[1])).collect();
        if entries.iter().any(|e| e.0 as usize >= n) {
            return None;
        }
        let size = (nf * 2).next_power_of_two().max(16);
        let mut keys = vec![0u32; size];
        let mut slots = vec![0u32; size];
        let mask = size - 1;
        for (i, &h) in hashes.iter().enumerate() {
            let key = h | 1; // 0 marks an empty slot; the low bit is given up
            let mut s = (h as usize).wrapping_mul(0x9E37_79B9) >> 7 & mask;
            while keys[s] != 0 {
                s = (s + 1) & mask;
            }
            keys[s] = key;
            slots[s] = i as u32;
        }
        let mut dense = vec![NO_ROW; nf];
        let mut rows = Vec::new();
        if n <= WIDTH {
            for (i, d) in dense.iter_mut().enumerate() {
                let es = &entries[starts[i] as usize..starts[i + 1] as usize];
                if es.len() < DENSE_MIN {
                    continue;
                }
                let mut row = [0u8; WIDTH];
                let mut twice = false;
                for &(l, w) in es {
                    twice |= row[l as usize] != 0;
                    row[l as usize] = w;
                }
                // A language listed twice (or with weight 0) stays sparse: the sums are the
                // same either way.
                if !twice && es.iter().all(|e| e.1 != 0) {
                    *d = rows.len() as u32;
                    rows.push(row);
                }
            }
        }
        Some(Model {
            langs,
            keys,
            slots,
            starts,
            entries,
            mask,
            dense,
            rows,
        })
    }

    /// The index of the feature with hash `h`, if the model has it.
    fn feature(&self, h: u32) -> Option<usize> {
        if self.keys.is_empty() {
            return None;
        }
        let key = h | 1;
        let mut s = (h as usize).wrapping_mul(0x9E37_79B9) >> 7 & self.mask;
        loop {
            let k = self.keys[s];
            if k == 0 {
                return None;
            }
            if k == key {
                return Some(self.slots[s] as usize);
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// Characters that make up words for the model: ASCII letters, and any other character that
/// is not a space, a digit, a control character or in a block of punctuation and symbols
/// (`NOT_WORD`). `scripts/train_language.py` mirrors this.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let u = c as u32;
    !(c.is_whitespace()
        || c.is_numeric()
        || c.is_control()
        || NOT_WORD.iter().any(|&(a, b)| a <= u && u <= b))
}

/// Blocks of punctuation and symbols: Latin-1 punctuation, × and ÷, general punctuation to
/// miscellaneous symbols and arrows, CJK punctuation, private use, small and fullwidth forms'
/// punctuation, emoji, the BOM and U+FFFD.
const NOT_WORD: &[(u32, u32)] = &[
    (0x80, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2000, 0x2BFF),
    (0x3000, 0x303F),
    (0xE000, 0xF8FF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE4F),
    (0xFEFF, 0xFEFF),
    (0xFF00, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0xFFFD, 0xFFFD),
    (0x1F000, 0x1FAFF),
];

/// Accumulated evidence: per-language integer weight sums and the features that were known.
#[derive(Debug, Clone)]
pub struct Scores {
    pub sums: Vec<u32>,
    pub seen: u32,
}

impl Scores {
    pub fn new(model: &Model) -> Self {
        Scores {
            // At least a dense row's width, so a row adds in one pass.
            sums: vec![0; model.langs.len().max(WIDTH)],
            seen: 0,
        }
    }

    fn add(&mut self, model: &Model, h: u32) {
        let Some(i) = model.feature(h) else {
            return;
        };
        self.seen += 1;
        if let Some(row) = model.rows.get(model.dense[i] as usize) {
            let sums = self
                .sums
                .get_mut(..WIDTH)
                .map(<&mut [u32; WIDTH]>::try_from);
            if let Some(Ok(sums)) = sums {
                for (s, &w) in sums.iter_mut().zip(row) {
                    *s += w as u32;
                }
                return;
            }
        }
        let (a, b) = (model.starts[i] as usize, model.starts[i + 1] as usize);
        for &(l, w) in model.entries.get(a..b).unwrap_or(&[]) {
            if let Some(s) = self.sums.get_mut(l as usize) {
                *s += w as u32;
            }
        }
    }

    /// Adds the features of one lower-cased word (its characters in `word`).
    pub fn add_word(&mut self, model: &Model, word: &[char]) {
        if word.is_empty() {
            return;
        }
        // The trigrams of the padded word " w ". (Trigrams alone did as well as 1- to 4-grams
        // on the development sample, at a quarter of the look-ups.)
        let len = word.len() + 2;
        if word.iter().all(char::is_ascii) {
            // The same hashes, one byte per character.
            let at = |i: usize| -> u32 {
                if i == 0 || i == len - 1 {
                    b' ' as u32
                } else {
                    word[i - 1] as u32
                }
            };
            for i in 0..len - 2 {
                let h = (FNV_OFFSET ^ at(i)).wrapping_mul(FNV_PRIME);
                let h = (h ^ at(i + 1)).wrapping_mul(FNV_PRIME);
                self.add(model, (h ^ at(i + 2)).wrapping_mul(FNV_PRIME));
            }
            let h = word
                .iter()
                .fold((FNV_OFFSET ^ 1).wrapping_mul(FNV_PRIME), |h, &c| {
                    (h ^ c as u32).wrapping_mul(FNV_PRIME)
                });
            self.add(model, h);
            return;
        }
        let at = |i: usize| -> char {
            if i == 0 || i == len - 1 {
                ' '
            } else {
                word[i - 1]
            }
        };
        let mut buf = [0u8; 4];
        for i in 0..len - 2 {
            let mut h = FNV_OFFSET;
            for k in 0..3 {
                for &b in at(i + k).encode_utf8(&mut buf).as_bytes() {
                    h = (h ^ b as u32).wrapping_mul(FNV_PRIME);
                }
            }
            self.add(model, h);
        }
        let mut h = (FNV_OFFSET ^ 1).wrapping_mul(FNV_PRIME);
        for &c in word {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = (h ^ b as u32).wrapping_mul(FNV_PRIME);
            }
        }
        self.add(model, h);
    }

    /// The log-likelihood of each language of `group`, by language index.
    fn scores<'a>(
        &'a self,
        model: &'a Model,
        group: u8,
    ) -> impl Iterator<Item = (f64, usize)> + 'a {
        let seen = self.seen as f64;
        let sums = &self.sums;
        model
            .langs
            .iter()
            .enumerate()
            .filter(move |(_, l)| l.group == group)
            .map(move |(i, l)| (sums[i] as f64 / W_SCALE + seen * l.floor, i))
    }

    /// How far the best language of `group` leads the second, in nats (`None` with fewer
    /// than two languages): `ranked`'s first two without the sort.
    pub fn lead(&self, model: &Model, group: u8) -> Option<f64> {
        let (mut a, mut b) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        let mut n = 0;
        for (s, _) in self.scores(model, group) {
            n += 1;
            if s > a {
                b = a;
                a = s;
            } else if s > b {
                b = s;
            }
        }
        (n >= 2).then_some(a - b)
    }

    /// The best language of `group` and its log-likelihood (ties by code), and the sum over
    /// the group of `exp((score - best) / t)`: the softmax denominator, without sorting.
    pub fn best(&self, model: &Model, group: u8, t: f64) -> Option<(usize, f64)> {
        let mut top: Option<(f64, usize)> = None;
        for (s, i) in self.scores(model, group) {
            let better = top.is_none_or(|(b, j)| {
                s.total_cmp(&b)
                    .then_with(|| model.langs[j].code.cmp(&model.langs[i].code))
                    .is_gt()
            });
            if better {
                top = Some((s, i));
            }
        }
        let (top, li) = top?;
        let z = self
            .scores(model, group)
            .map(|(s, _)| ((s - top) / t).exp())
            .sum();
        Some((li, z))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_loads() {
        let m = &*MODEL;
        assert!(m.langs.len() > 50);
        assert!(m.langs.iter().any(|l| l.code == "en" && l.group == 0));
        assert!(m.langs.iter().any(|l| l.code == "ru" && l.group == 1));
        assert!(Model::parse(b"NPLID1\x01").is_none());
        assert!(Model::parse(b"junk").is_none());
    }

    #[test]
    fn word_chars() {
        assert!(is_word_char('a') && is_word_char('é') && is_word_char('\u{94d}'));
        assert!(!is_word_char('1') && !is_word_char('’') && !is_word_char(' '));
        assert!(!is_word_char('—') && !is_word_char('٣'));
    }
}
