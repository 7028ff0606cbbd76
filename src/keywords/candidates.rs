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
    pub fn packed(&self) -> u64 {
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

pub struct Candidates<'w, 'k> {
    words: &'w ContentWords<'k>,
    /// Single words by id (`count == 0`: not seen as a candidate).
    pub unigrams: Vec<Stat>,
    /// Two- and three-word phrases by packed key: only those that can be listed (see
    /// `Candidates::collect`).
    pub phrases: FastMap<u64, Stat>,
    /// Every content word's (id, token) in text order, runs one after the other.
    words_at: Vec<(u32, u32)>,
    /// The runs of content words (`words_at` ranges) with their sentence.
    runs: Vec<Run>,
}

/// A run of content words: no function word, number or punctuation inside.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    sentence: u32,
    headline: bool,
    /// The sentence's first word token (its capital says nothing).
    first_word: Option<usize>,
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
    fn blank() -> Stat {
        Stat {
            key: Key::new(&[]),
            count: 0,
            headline: false,
            first: 0,
            proper: 0,
            surface: Span::new(0, 0),
            surface_mid: false,
        }
    }

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

impl<'w, 'k> Candidates<'w, 'k> {
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.unigrams.iter().all(|s| s.count == 0)
    }

    /// Every candidate of `doc`'s sentences.
    ///
    /// Two passes: the content words (ids, runs and single-word counts), then the longer
    /// phrases. A phrase is listed only when it occurs twice or is written with a capital
    /// mid-sentence (`keywords::extract` drops the others), so a phrase holding a word that
    /// occurs once is only kept for its one capitalised occurrence, and no map entry is made
    /// for the many phrases that can never be listed.
    pub fn collect(doc: &Document, k: &Tokens, words: &'w ContentWords<'k>) -> Self {
        let mut c = Candidates {
            words,
            // One slot per content word (`count == 0` until it is met as a candidate).
            unigrams: vec![Stat::blank(); words.len()],
            phrases: FastMap::default(),
            words_at: Vec::with_capacity(k.len() / 2),
            // A run ends at each function word or punctuation mark: at most about one per
            // three tokens in prose (reserved up front, so the runs are never copied).
            runs: Vec::with_capacity(k.len() / 3 + 1),
        };
        for (s, seg) in k.sentences().iter().enumerate() {
            let headline = doc
                .sentences
                .get(s)
                .and_then(|x| doc.regions.get(x.region))
                .is_some_and(|r| r.kind == RegionKind::Headline);
            let first_word = (seg.start as usize..seg.end as usize).find(|&i| k.has(i, flag::WORD));
            // The sentence's part of a run (the single words need no more), so each word is
            // counted as it is met.
            let here = Run {
                start: 0,
                end: 0,
                sentence: s as u32,
                headline,
                first_word,
            };
            let mut start = c.words_at.len();
            for i in seg.tokens() {
                let id = c.words.id(i);
                if id == NONE {
                    c.end_run(start, s as u32, headline, first_word);
                    start = c.words_at.len();
                } else {
                    c.words_at.push((id, i as u32));
                    c.add_word(k, &here, c.words_at.len() - 1);
                }
            }
            c.end_run(start, s as u32, headline, first_word);
        }
        c.phrases.reserve(c.words_at.len() / 4);
        // Which words occur twice or more, packed (the statistics are 48 bytes apart).
        let many: Vec<bool> = c.unigrams.iter().map(|st| st.count >= 2).collect();
        for r in 0..c.runs.len() {
            let run = c.runs[r];
            for a in run.start as usize..run.end as usize {
                let ti = c.words_at[a].1 as usize;
                let proper = Some(ti) != run.first_word && k.has(ti, flag::UPPER_FIRST);
                for n in 2..=3.min(run.end as usize - a) {
                    let words = &c.words_at[a..a + n];
                    if proper || words.iter().all(|&(w, _)| many[w as usize]) {
                        c.add(k, &run, a, n);
                    }
                }
            }
        }
        c
    }

    fn end_run(&mut self, start: usize, sentence: u32, headline: bool, first_word: Option<usize>) {
        if self.words_at.len() > start {
            self.runs.push(Run {
                start: start as u32,
                end: self.words_at.len() as u32,
                sentence,
                headline,
                first_word,
            });
        }
    }

    /// The occurrence of the `n` words from `words_at[a]`.
    fn at(&self, k: &Tokens, run: &Run, a: usize, n: usize) -> At {
        let (ti, tj) = (
            self.words_at[a].1 as usize,
            self.words_at[a + n - 1].1 as usize,
        );
        let mid = Some(ti) != run.first_word;
        At {
            span: Span::new(k.toks[ti].start as usize, k.toks[tj].end as usize),
            sentence: run.sentence,
            headline: run.headline,
            mid,
            proper: mid && k.has(ti, flag::UPPER_FIRST),
        }
    }

    /// Counts the single word `words_at[a]` (`add` with `n == 1`, building the occurrence
    /// only when it is the word's first or its first mid-sentence one).
    fn add_word(&mut self, k: &Tokens, run: &Run, a: usize) {
        let (id, ti) = (self.words_at[a].0 as usize, self.words_at[a].1 as usize);
        if let Some(st) = self.unigrams.get_mut(id).filter(|st| st.count > 0) {
            let mid = Some(ti) != run.first_word;
            if !mid || st.surface_mid {
                st.count += 1;
                st.headline |= run.headline;
                st.proper += (mid && k.has(ti, flag::UPPER_FIRST)) as u32;
                return;
            }
        }
        self.add(k, run, a, 1);
    }

    /// Counts the occurrence of the `n` words from `words_at[a]`.
    fn add(&mut self, k: &Tokens, run: &Run, a: usize, n: usize) {
        let mut words = [0u32; 3];
        for (w, x) in words.iter_mut().zip(&self.words_at[a..a + n]) {
            *w = x.0;
        }
        let key = Key::new(&words[..n]);
        let at = self.at(k, run, a, n);
        let st = if n == 1 {
            let id = words[0] as usize;
            if self.unigrams.len() <= id {
                self.unigrams.resize(id + 1, Stat::blank());
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
        // Sized by the counts, so the lists never grow.
        let mut out: Vec<Vec<Span>> = keys
            .iter()
            .map(|key| Vec::with_capacity(self.stat(key).map_or(0, |st| st.count as usize)))
            .collect();
        // Only positions holding a chosen phrase's first word need looking at, and there only
        // the phrases starting with it: a bit per phrase (64 phrases at a time).
        let mut starts = vec![0u64; self.words.len()];
        for (chunk, group) in keys.chunks(64).enumerate() {
            starts.fill(0);
            for (b, key) in group.iter().enumerate() {
                if let Some(s) = key
                    .words()
                    .first()
                    .and_then(|&w| starts.get_mut(w as usize))
                {
                    *s |= 1 << b;
                }
            }
            for run in &self.runs {
                let run = &self.words_at[run.start as usize..run.end as usize];
                for a in 0..run.len() {
                    let mut bits = starts[run[a].0 as usize];
                    while bits != 0 {
                        let b = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let p = chunk * 64 + b;
                        let key = &keys[p];
                        let n = key.len();
                        if a + n <= run.len()
                            && run[a..a + n]
                                .iter()
                                .map(|x| x.0)
                                .eq(key.words().iter().copied())
                        {
                            let (ti, tj) = (run[a].1 as usize, run[a + n - 1].1 as usize);
                            out[p].push(Span::new(
                                k.toks[ti].start as usize,
                                k.toks[tj].end as usize,
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}
