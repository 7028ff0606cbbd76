//! Candidate phrases: every run of one to three content words inside a sentence, with where
//! and how each occurs. Words are `words::ContentWords` ids.

use crate::doc::{Document, RegionKind};
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::tables::FastMap;
use crate::text::Span;
use crate::words::{ContentWords, NONE};

/// A phrase of 1 to 3 canonical word ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    n: u8,
    w: [u32; 3],
}

impl Key {
    fn new(words: &[u32]) -> Key {
        let mut w = [u32::MAX; 3];
        w[..words.len()].copy_from_slice(words);
        Key {
            n: words.len() as u8,
            w,
        }
    }

    pub fn len(&self) -> usize {
        self.n as usize
    }

    pub fn words(&self) -> &[u32] {
        &self.w[..self.n as usize]
    }

    /// Whether `other` is a contiguous part of this phrase.
    pub fn contains(&self, other: &Key) -> bool {
        self.words().windows(other.len()).any(|w| w == other.words())
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Stat {
    pub count: usize,
    pub headline: bool,
    /// 1 / (1 + first sentence / 3): 1.0 in the first sentence.
    pub lead: f64,
    /// Occurrences written with a capital that does not start the sentence.
    pub proper: usize,
    /// The first occurrence that does not start its sentence (else the first).
    pub surface: Span,
    surface_mid: bool,
}

pub struct Candidates<'k> {
    words: ContentWords<'k>,
    pub stats: FastMap<Key, Stat>,
}

impl<'k> Candidates<'k> {
    pub fn is_empty(&self) -> bool {
        self.stats.is_empty()
    }

    /// Every candidate of `doc`'s sentences.
    pub fn collect(doc: &Document, k: &'k Tokens) -> Candidates<'k> {
        let mut c = Candidates {
            words: ContentWords::new(k),
            stats: FastMap::default(),
        };
        let mut run: Vec<(u32, usize)> = Vec::with_capacity(16);
        for (s, seg) in k.sentences().iter().enumerate() {
            let headline = doc
                .sentences
                .get(s)
                .and_then(|x| doc.regions.get(x.region))
                .is_some_and(|r| r.kind == RegionKind::Headline);
            let lead = 1.0 / (1.0 + s as f64 / 3.0);
            let first_word = (seg.start as usize..seg.end as usize).find(|&i| k.has(i, flag::WORD));
            run.clear();
            for i in seg.tokens() {
                let id = c.words.id(i);
                if id == NONE {
                    c.add_run(k, &run, headline, lead, first_word);
                    run.clear();
                } else {
                    run.push((id, i));
                }
            }
            c.add_run(k, &run, headline, lead, first_word);
        }
        c
    }

    fn add_run(
        &mut self,
        k: &Tokens,
        run: &[(u32, usize)],
        headline: bool,
        lead: f64,
        first_word: Option<usize>,
    ) {
        let mut words = [0u32; 3];
        for a in 0..run.len() {
            for n in 1..=3.min(run.len() - a) {
                for (j, w) in words.iter_mut().enumerate().take(n) {
                    *w = run[a + j].0;
                }
                let key = Key::new(&words[..n]);
                let (ti, tj) = (run[a].1, run[a + n - 1].1);
                let span = Span::new(k.toks[ti].start as usize, k.toks[tj].end as usize);
                let mid = Some(ti) != first_word;
                let proper = mid && k.has(ti, flag::UPPER_FIRST);
                let st = self.stats.entry(key).or_insert(Stat {
                    count: 0,
                    headline: false,
                    lead,
                    proper: 0,
                    surface: span,
                    surface_mid: mid,
                });
                st.count += 1;
                st.headline |= headline;
                st.proper += proper as usize;
                if mid && !st.surface_mid {
                    st.surface = span;
                    st.surface_mid = true;
                }
            }
        }
    }

    /// The summed IDF of a phrase's words.
    pub fn specificity(&self, key: &Key) -> f64 {
        key.words().iter().map(|&w| self.words.idf(w)).sum()
    }

    /// The key of a phrase written out ("John Kerry"), if all its words were seen.
    pub fn key_of_phrase(&self, phrase: &str) -> Option<Key> {
        let mut words = Vec::with_capacity(3);
        for w in phrase.split_whitespace() {
            if words.len() == 3 {
                return None;
            }
            let low = w.to_lowercase();
            let base = &low[..low.len() - crate::lexicon::possessive_len(&low)];
            words.push(self.words.of_word(base)?);
        }
        (!words.is_empty()).then(|| Key::new(&words))
    }

    /// The spans of every occurrence of each of `keys`, in text order.
    pub fn mentions(&self, k: &Tokens, keys: &[Key]) -> Vec<Vec<Span>> {
        let mut out = vec![Vec::new(); keys.len()];
        let mut run: Vec<(u32, usize)> = Vec::with_capacity(16);
        let flush = |run: &[(u32, usize)], out: &mut Vec<Vec<Span>>| {
            for a in 0..run.len() {
                for n in 1..=3.min(run.len() - a) {
                    let mut ws = [0u32; 3];
                    for (j, w) in ws.iter_mut().enumerate().take(n) {
                        *w = run[a + j].0;
                    }
                    let key = Key::new(&ws[..n]);
                    if let Some(p) = keys.iter().position(|x| *x == key) {
                        let (ti, tj) = (run[a].1, run[a + n - 1].1);
                        out[p].push(Span::new(k.toks[ti].start as usize, k.toks[tj].end as usize));
                    }
                }
            }
        };
        for seg in k.sentences() {
            run.clear();
            for i in seg.tokens() {
                let id = self.words.known(i);
                if id == NONE {
                    flush(&run, &mut out);
                    run.clear();
                } else {
                    run.push((id, i));
                }
            }
            flush(&run, &mut out);
        }
        out
    }
}
