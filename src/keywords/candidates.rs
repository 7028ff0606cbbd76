//! Candidate phrases: every run of one to three content words inside a sentence, with where
//! and how each occurs. Words are `words::ContentWords` ids. Single words are counted in a
//! vector indexed by id, longer phrases in a map keyed by their packed ids; nothing is
//! allocated per token.

use crate::doc::{Document, RegionKind};
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::tables::FastMap;
use crate::text::Span;
use crate::words::{ContentWords, NONE};

/// A phrase of 1 to 3 content-word ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    n: u8,
    w: [u32; 3],
}

impl Key {
    pub fn new(words: &[u32]) -> Key {
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
        self.words()
            .windows(other.len())
            .any(|w| w == other.words())
    }

    /// The ids packed in 64 bits (ids are below 2^21: a document has fewer distinct words).
    fn packed(&self) -> u64 {
        self.words()
            .iter()
            .fold(self.n as u64, |acc, &w| acc << 21 | (w as u64 & 0x1F_FFFF))
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Stat {
    pub key: Key,
    pub count: u32,
    pub headline: bool,
    /// Index of the first sentence it occurs in.
    pub first: u32,
    /// Occurrences written with a capital that does not start the sentence.
    pub proper: u32,
    /// The first occurrence that does not start its sentence (else the first).
    pub surface: Span,
    surface_mid: bool,
}

pub struct Candidates<'k> {
    words: ContentWords<'k>,
    /// Single words by id (`count == 0`: not seen as a candidate).
    pub unigrams: Vec<Stat>,
    /// Two- and three-word phrases by packed key.
    pub phrases: FastMap<u64, Stat>,
}

/// Where one occurrence is.
struct At {
    span: Span,
    sentence: u32,
    headline: bool,
    mid: bool,
    proper: bool,
}

impl Stat {
    fn new(key: Key, at: &At) -> Stat {
        Stat {
            key,
            count: 0,
            headline: false,
            first: at.sentence,
            proper: 0,
            surface: at.span,
            surface_mid: at.mid,
        }
    }

    fn add(&mut self, at: &At) {
        self.count += 1;
        self.headline |= at.headline;
        self.proper += at.proper as u32;
        if at.mid && !self.surface_mid {
            self.surface = at.span;
            self.surface_mid = true;
        }
    }
}

impl<'k> Candidates<'k> {
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.unigrams.iter().all(|s| s.count == 0)
    }

    /// Every candidate of `doc`'s sentences.
    pub fn collect(doc: &Document, k: &'k Tokens) -> Candidates<'k> {
        let mut c = Candidates {
            words: ContentWords::new(k),
            unigrams: Vec::new(),
            phrases: FastMap::default(),
        };
        let mut run: Vec<(u32, usize)> = Vec::with_capacity(16);
        for (s, seg) in k.sentences().iter().enumerate() {
            let headline = doc
                .sentences
                .get(s)
                .and_then(|x| doc.regions.get(x.region))
                .is_some_and(|r| r.kind == RegionKind::Headline);
            let first_word = (seg.start as usize..seg.end as usize).find(|&i| k.has(i, flag::WORD));
            run.clear();
            for i in seg.tokens() {
                let id = c.words.id(i);
                if id == NONE {
                    c.add_run(k, &run, s as u32, headline, first_word);
                    run.clear();
                } else {
                    run.push((id, i));
                }
            }
            c.add_run(k, &run, s as u32, headline, first_word);
        }
        c
    }

    fn add_run(
        &mut self,
        k: &Tokens,
        run: &[(u32, usize)],
        sentence: u32,
        headline: bool,
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
                let mid = Some(ti) != first_word;
                let at = At {
                    span: Span::new(k.toks[ti].start as usize, k.toks[tj].end as usize),
                    sentence,
                    headline,
                    mid,
                    proper: mid && k.has(ti, flag::UPPER_FIRST),
                };
                let st = if n == 1 {
                    let id = words[0] as usize;
                    if self.unigrams.len() <= id {
                        let blank = Stat::new(Key::new(&[]), &at);
                        self.unigrams.resize(id + 1, blank);
                    }
                    let st = &mut self.unigrams[id];
                    if st.count == 0 {
                        *st = Stat::new(key, &at);
                    }
                    st
                } else {
                    self.phrases
                        .entry(key.packed())
                        .or_insert_with(|| Stat::new(key, &at))
                };
                st.add(&at);
            }
        }
    }

    /// Every candidate's statistics.
    pub fn all(&self) -> impl Iterator<Item = &Stat> {
        self.unigrams
            .iter()
            .filter(|s| s.count > 0)
            .chain(self.phrases.values())
    }

    pub fn stat(&self, key: &Key) -> Option<&Stat> {
        if key.len() == 1 {
            self.unigrams.get(key.w[0] as usize).filter(|s| s.count > 0)
        } else {
            self.phrases.get(&key.packed())
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
        // Only runs holding a chosen phrase's first word need looking at.
        let mut starts = vec![false; self.words.len()];
        for key in keys {
            if let Some(&w) = key.words().first() {
                starts[w as usize] = true;
            }
        }
        let mut run: Vec<(u32, usize)> = Vec::with_capacity(16);
        let flush = |run: &[(u32, usize)], out: &mut Vec<Vec<Span>>| {
            for a in 0..run.len() {
                if !starts[run[a].0 as usize] {
                    continue;
                }
                for (p, key) in keys.iter().enumerate() {
                    let n = key.len();
                    if a + n <= run.len()
                        && run[a..a + n]
                            .iter()
                            .map(|x| x.0)
                            .eq(key.words().iter().copied())
                    {
                        let (ti, tj) = (run[a].1, run[a + n - 1].1);
                        out[p].push(Span::new(
                            k.toks[ti].start as usize,
                            k.toks[tj].end as usize,
                        ));
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
