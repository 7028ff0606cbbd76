//! The thread's lexeme cache (spaCy's `Vocab`, per thread): the lexeme of every word form the
//! thread has met, kept across the documents it parses, so a form that is new to a document
//! but not to the thread is copied rather than lower-cased, shaped and looked up again.
//!
//! A lexeme is a function of its form alone (its shape, its spellings and the static
//! [`VOCAB`](crate::lexicon::VOCAB)), and a document numbers its lexemes in the order their forms
//! first occur in it; so the cache changes how fast a stream is built, never what it holds,
//! whichever thread builds it and whatever that thread parsed before (tested below and by the
//! record snapshots).
//!
//! Memory stays bounded: the cache is emptied before a document once it holds more than
//! [`MAX_FORMS`] forms or [`MAX_BYTES`] bytes of spellings, and texts longer than
//! [`MAX_TEXT`] bytes do not use it (`Tokens::build` computes their lexemes afresh), so one
//! document adds at most about `MAX_TEXT / 2` forms.

use std::cell::RefCell;

use crate::lexicon::Flags;
use crate::stream::{lexeme, Forms, Lexeme};
use crate::tables::FastMap;

/// Forms kept before the cache is emptied (about 100 bytes each).
pub const MAX_FORMS: usize = 50_000;
/// Bytes of lower-cased spellings kept before the cache is emptied.
pub const MAX_BYTES: usize = 1 << 20;
/// Longer texts do not use the cache.
pub const MAX_TEXT: usize = 256 * 1024;

pub(crate) struct Cache {
    /// Form -> index into `entries`, for forms longer than one byte.
    map: FastMap<Box<str>, u32>,
    /// One-byte forms ("," "." "a" "7"; about a fifth of news tokens) -> index into
    /// `entries`, `NONE` when not cached: no hashing for them.
    bytes: [u32; 128],
    entries: Vec<Entry>,
    /// The spellings of the cached lexemes.
    strings: String,
    scratch: String,
    /// The current document's number; an entry whose `doc` equals it is in the document
    /// already, as its lexeme `local`.
    doc: u32,
}

const NONE: u32 = u32::MAX;

impl Default for Cache {
    fn default() -> Self {
        Cache {
            map: FastMap::default(),
            bytes: [NONE; 128],
            entries: Vec::new(),
            strings: String::new(),
            scratch: String::new(),
            doc: 0,
        }
    }
}

struct Entry {
    lexeme: Lexeme,
    doc: u32,
    local: u32,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// Runs `f` with the thread's cache, ready for a new document; `None` when the cache cannot be
/// had (the thread is exiting, or it is in use further up the stack).
pub(crate) fn with<R>(f: impl FnOnce(&mut Cache) -> R) -> Option<R> {
    CACHE
        .try_with(|c| {
            let mut c = c.try_borrow_mut().ok()?;
            c.begin();
            Some(f(&mut c))
        })
        .ok()
        .flatten()
}

impl Cache {
    /// Starts a document: empties the cache when it is full, and numbers the document.
    fn begin(&mut self) {
        if self.entries.len() >= MAX_FORMS || self.strings.len() >= MAX_BYTES {
            self.clear();
        }
        self.doc = self.doc.wrapping_add(1);
        if self.doc == 0 {
            // After 2^32 documents: forget which document each entry was last in.
            for e in &mut self.entries {
                e.doc = 0;
            }
            self.doc = 1;
        }
    }

    fn clear(&mut self) {
        self.map.clear();
        self.bytes = [NONE; 128];
        self.entries.clear();
        self.strings.clear();
        // Keep the capacity (bounded by the limits) unless a long document grew it far past.
        if self.map.capacity() > 4 * MAX_FORMS {
            self.map.shrink_to(MAX_FORMS);
            self.entries.shrink_to(MAX_FORMS);
        }
        if self.strings.capacity() > 4 * MAX_BYTES {
            self.strings.shrink_to(MAX_BYTES);
        }
    }

    /// Number of cached forms.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

impl<'t> Forms<'t> for Cache {
    fn lexeme_of(
        &mut self,
        orth: &'t str,
        lexemes: &mut Vec<Lexeme>,
        strings: &mut String,
    ) -> (u32, Flags) {
        let byte = match orth.as_bytes() {
            &[b] if b < 0x80 => Some(b as usize),
            _ => None,
        };
        let known = match byte {
            Some(b) => Some(self.bytes[b]).filter(|&g| g != NONE),
            None => self.map.get(orth).copied(),
        };
        let g = match known {
            Some(g) => g as usize,
            None => {
                let lx = lexeme(orth, &mut self.strings, &mut self.scratch);
                self.entries.push(Entry {
                    lexeme: lx,
                    doc: 0,
                    local: 0,
                });
                let g = self.entries.len() - 1;
                match byte {
                    Some(b) => self.bytes[b] = g as u32,
                    None => {
                        self.map.insert(orth.into(), g as u32);
                    }
                }
                g
            }
        };
        let e = &mut self.entries[g];
        if e.doc != self.doc {
            e.doc = self.doc;
            e.local = lexemes.len() as u32;
            lexemes.push(e.lexeme.copy_into(&self.strings, strings));
        }
        (e.local, e.lexeme.flags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::Tokens;
    use crate::text::Span;

    /// What a reader can see of one token: span, lexeme index, flags, id, lower, norm, base.
    type Seen = (u32, u32, u32, u64, u32, String, String, String);

    /// Everything a reader can see of a stream.
    fn view(k: &Tokens) -> Vec<Seen> {
        (0..k.len())
            .map(|i| {
                let t = k.toks[i];
                let lx = k.lexeme(i);
                (
                    t.start,
                    t.end,
                    t.lex,
                    lx.flags,
                    lx.id,
                    k.lower(i).to_string(),
                    k.norm(i).to_string(),
                    k.base(i).to_string(),
                )
            })
            .collect()
    }

    /// The thread's cache as it is (no new document started).
    fn peek<R>(f: impl FnOnce(&Cache) -> R) -> R {
        CACHE.with(|c| f(&c.borrow()))
    }

    fn whole(t: &str) -> Vec<Span> {
        vec![Span::new(0, t.len())]
    }

    #[test]
    fn cached_streams_equal_fresh_ones_whatever_came_before() {
        let a = "In May, Mr Smith said Iraq’s army took 7,818 prisoners. MAY 5: Lowe’s said “no”.";
        let b = "Lowe’s and the IRAQ's army; may said Zürich, Mr Smith (Iraq) 8bn. In MAY.";
        let fresh_b = view(&Tokens::build_uncached(b, &whole(b), &[]));
        // Cold cache, then after another document sharing forms, then twice in a row.
        with(|c| c.clear());
        assert_eq!(view(&Tokens::build(b, &whole(b), &[])), fresh_b);
        let fresh_a = view(&Tokens::build_uncached(a, &whole(a), &[]));
        assert_eq!(view(&Tokens::build(a, &whole(a), &[])), fresh_a);
        assert_eq!(view(&Tokens::build(b, &whole(b), &[])), fresh_b);
        assert_eq!(view(&Tokens::build(b, &whole(b), &[])), fresh_b);
        // The cache really holds the forms of both documents.
        assert!(peek(|c| c.len()) > 20);
        // On another thread (its own, cold cache), the same.
        let b2 = b.to_string();
        let other = std::thread::spawn(move || view(&Tokens::build(&b2, &whole(&b2), &[])))
            .join()
            .unwrap();
        assert_eq!(other, fresh_b);
    }

    #[test]
    fn a_full_cache_is_emptied_between_documents() {
        with(|c| c.clear());
        // Many distinct forms: past the limit, the next document starts from an empty cache.
        let mut text = String::new();
        for i in 0..MAX_FORMS + 10 {
            text.push_str(&format!("w{i} "));
        }
        // Too long for the cache: built afresh, the cache untouched.
        assert!(text.len() > MAX_TEXT);
        let k = Tokens::build(&text, &whole(&text), &[]);
        assert_eq!(k.lexemes.len(), MAX_FORMS + 10);
        assert_eq!(peek(|c| c.len()), 0);
        // In pieces under the limit: the cache fills past it, then the next document empties it.
        for chunk in text.as_bytes().chunks(MAX_TEXT / 2) {
            let t = std::str::from_utf8(chunk).unwrap();
            let fresh = view(&Tokens::build_uncached(t, &whole(t), &[]));
            assert_eq!(view(&Tokens::build(t, &whole(t), &[])), fresh);
        }
        assert!(peek(|c| c.len()) >= MAX_FORMS);
        let t = "w1 w2 w3 w1";
        let fresh = view(&Tokens::build_uncached(t, &whole(t), &[]));
        assert_eq!(view(&Tokens::build(t, &whole(t), &[])), fresh);
        assert_eq!(peek(|c| c.len()), 3);
    }
}
