//! Candidate phrases: every run of one to three content words inside a sentence, with where
//! and how each occurs. Words are `words::ContentWords` ids. Single words are counted in a
//! vector indexed by id, longer phrases in a map keyed by their packed ids; nothing is
//! allocated per token.

use crate::doc::{Document, RegionKind};
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::tables::FastMap;
use crate::text::{AsciiLower, Span};
use crate::words::{ContentWords, NONE};
use std::collections::hash_map::Entry;

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

    /// A single word (`Key::new(&[id])` without the copy).
    fn one(id: u32) -> Key {
        Key {
            n: 1,
            w: [id, u32::MAX, u32::MAX],
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
    /// Every content word of the sentences in text order, runs one after the other.
    words_at: Vec<Word>,
    /// The runs of content words (`words_at` ranges) with their sentence.
    runs: Vec<Run>,
}

/// One content word of a sentence.
#[derive(Debug, Clone, Copy)]
struct Word {
    id: u32,
    /// Its token.
    tok: u32,
    /// Not the sentence's first word token (whose capital says nothing).
    mid: bool,
    /// Mid-sentence and written with a capital.
    proper: bool,
    /// The first word of its run.
    run_start: bool,
}

/// A run of content words: no function word, number or punctuation inside.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: u32,
    end: u32,
    sentence: u32,
    headline: bool,
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
            let mut run = Run {
                start: c.words_at.len() as u32,
                end: 0,
                sentence: s as u32,
                headline,
            };
            let toks = k.toks.get(seg.tokens()).unwrap_or_default();
            for (i, t) in (seg.start as usize..).zip(toks) {
                let id = words.of_lexeme(t.lex);
                if id == NONE {
                    c.end_run(&mut run);
                    continue;
                }
                let mid = Some(i) != first_word;
                let upper = k
                    .lexemes
                    .get(t.lex as usize)
                    .is_some_and(|lx| lx.flags & flag::UPPER_FIRST != 0);
                let w = Word {
                    id,
                    tok: i as u32,
                    mid,
                    proper: mid && upper,
                    run_start: c.words_at.len() as u32 == run.start,
                };
                c.words_at.push(w);
                // Single words are counted as they are met.
                c.add_word(&run, w, t.span());
            }
            c.end_run(&mut run);
        }
        c.phrases.reserve(c.words_at.len() / 4);
        // Which words occur twice or more, packed (the statistics are 48 bytes apart).
        let many: Vec<bool> = c.unigrams.iter().map(|st| st.count >= 2).collect();
        let many = |w: &Word| many.get(w.id as usize).copied().unwrap_or(false);
        let words_at = std::mem::take(&mut c.words_at);
        let runs = std::mem::take(&mut c.runs);
        for run in &runs {
            let ws = words_at
                .get(run.start as usize..run.end as usize)
                .unwrap_or_default();
            for (a, w0) in ws.iter().enumerate() {
                // A phrase from here is listed when its first word is a proper one or all
                // its words occur twice.
                let Some(w1) = ws.get(a + 1) else { break };
                let m0 = w0.proper || many(w0);
                if !m0 {
                    continue;
                }
                let m1 = w0.proper || many(w1);
                if m1 {
                    c.add_phrase(k, run, &[*w0, *w1]);
                }
                if let Some(w2) = ws.get(a + 2) {
                    if m1 && (w0.proper || many(w2)) {
                        c.add_phrase(k, run, &[*w0, *w1, *w2]);
                    }
                }
            }
        }
        c.words_at = words_at;
        c.runs = runs;
        c
    }

    /// Ends the run of content words that `run` started, if it has any, and starts the next.
    fn end_run(&mut self, run: &mut Run) {
        let end = self.words_at.len() as u32;
        if end > run.start {
            self.runs.push(Run { end, ..*run });
        }
        run.start = end;
    }

    /// Counts an occurrence of the single word `w` (token span `span`).
    fn add_word(&mut self, run: &Run, w: Word, span: Span) {
        let id = w.id as usize;
        if self.unigrams.len() <= id {
            self.unigrams.resize(id + 1, Stat::blank());
        }
        let Some(st) = self.unigrams.get_mut(id) else {
            return;
        };
        if st.count == 0 {
            *st = Stat {
                key: Key::one(w.id),
                count: 1,
                headline: run.headline,
                first: run.sentence,
                proper: w.proper as u32,
                surface: span,
                surface_mid: w.mid,
            };
            return;
        }
        st.count += 1;
        st.headline |= run.headline;
        st.proper += w.proper as u32;
        if w.mid && !st.surface_mid {
            st.surface = span;
            st.surface_mid = true;
        }
    }

    /// Counts an occurrence of the phrase of two or three words `ws` (in `run`).
    fn add_phrase(&mut self, k: &Tokens, run: &Run, ws: &[Word]) {
        let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
            return;
        };
        let mut w = [u32::MAX; 3];
        for (slot, x) in w.iter_mut().zip(ws) {
            *slot = x.id;
        }
        let key = Key {
            n: ws.len() as u8,
            w,
        };
        let span = || {
            let at = |i: u32| k.toks.get(i as usize).map(|t| t.span());
            match (at(first.tok), at(last.tok)) {
                (Some(a), Some(b)) => Span::new(a.start, b.end),
                _ => Span::new(0, 0),
            }
        };
        match self.phrases.entry(key.packed()) {
            Entry::Occupied(e) => {
                let st = e.into_mut();
                st.count += 1;
                st.headline |= run.headline;
                st.proper += first.proper as u32;
                if first.mid && !st.surface_mid {
                    st.surface = span();
                    st.surface_mid = true;
                }
            }
            Entry::Vacant(e) => {
                e.insert(Stat {
                    key,
                    count: 1,
                    headline: run.headline,
                    first: run.sentence,
                    proper: first.proper as u32,
                    surface: span(),
                    surface_mid: first.mid,
                });
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

    /// The statistics of the candidate whose packed key is `packed`.
    pub fn by_packed(&self, packed: u64) -> Option<&Stat> {
        if packed < 1 << 22 {
            let id = (packed & 0x1F_FFFF) as usize;
            self.unigrams.get(id).filter(|s| s.count > 0)
        } else {
            self.phrases.get(&packed)
        }
    }

    /// The summed IDF of a phrase's words.
    pub fn specificity(&self, key: &Key) -> f64 {
        key.words().iter().map(|&w| self.words.idf(w)).sum()
    }

    /// The key of a phrase written out ("John Kerry"), if all its words were seen.
    pub fn key_of_phrase(&self, phrase: &str) -> Option<Key> {
        let mut words = [0u32; 3];
        let mut n = 0;
        for w in phrase.split_whitespace() {
            let slot = words.get_mut(n)?;
            // ASCII names (most) are lower-cased on the stack; the same result as
            // `to_lowercase` for them.
            let (ascii, full);
            let low: &str = if w.is_ascii() {
                ascii = AsciiLower::new(w);
                ascii.as_str()
            } else {
                full = w.to_lowercase();
                &full
            };
            let base = &low[..low.len() - crate::lexicon::possessive_len(low)];
            *slot = self.words.of_word(base)?;
            n += 1;
        }
        (n > 0).then(|| Key::new(&words[..n]))
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
            // One walk over the content words: a phrase lies inside one run.
            let ws = &self.words_at;
            for (a, w) in ws.iter().enumerate() {
                let mut bits = starts.get(w.id as usize).copied().unwrap_or(0);
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let p = chunk * 64 + b;
                    let Some(key) = keys.get(p) else { continue };
                    let Some(run) = ws.get(a..a + key.len()) else {
                        continue;
                    };
                    if run.iter().skip(1).all(|x| !x.run_start)
                        && run.iter().map(|x| x.id).eq(key.words().iter().copied())
                    {
                        let at = |x: Option<&Word>| x.and_then(|x| k.toks.get(x.tok as usize));
                        if let (Some(ti), Some(tj), Some(list)) =
                            (at(run.first()), at(run.last()), out.get_mut(p))
                        {
                            list.push(Span::new(ti.start as usize, tj.end as usize));
                        }
                    }
                }
            }
        }
        out
    }
}
