//! A document's token stream: every token of every sentence (then of the dateline and the
//! picture titles, which are not regions), and the lexeme of each distinct word form.
//!
//! Built once per document (`Document::tokens`), in one pass: tokenize, and look each new form
//! up in the lexicon once. Tokens are 12 bytes; lower-cased forms live in one buffer; nothing
//! is allocated per token.

use std::ops::Range;

use crate::lexicon::{self, flag, Flags, VOCAB};
use crate::tables::FastMap;
use crate::text::Span;
use crate::tokens::{self, Token, TokenKind};

/// A distinct word form of the document and what the lexicon says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lexeme {
    /// Shape and membership flags (`lexicon::flag`).
    pub flags: Flags,
    /// The lower-cased form's table id (`lexicon::Entry::id`), `u32::MAX` when in no table.
    pub id: u32,
    /// `lower` and `norm` as byte ranges of `Tokens::strings`.
    lower: (u32, u32),
    norm: (u32, u32),
    /// Byte length of `lower` without a possessive ending.
    base: u32,
}

/// A stretch of the stream read on its own: a sentence, the dateline or a picture title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    /// First token and one past the last.
    pub start: u32,
    pub end: u32,
    /// The union of its tokens' flags: a reader whose triggers are all absent skips it.
    pub flags: Flags,
}

impl Lexeme {
    /// Byte length of the lower-cased form (`Tokens::lower_of`), without reading it.
    pub fn lower_len(&self) -> usize {
        (self.lower.1 - self.lower.0) as usize
    }
}

impl Segment {
    pub fn tokens(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn has(&self, any: Flags) -> bool {
        self.flags & any != 0
    }
}

#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub lexemes: Vec<Lexeme>,
    /// One segment per sentence (same index as `Document::sentences`), then the dateline and
    /// the picture titles (see `Tokens::extra`).
    pub segments: Vec<Segment>,
    /// Index of the first segment that is not a sentence.
    pub extra_start: usize,
    strings: String,
}

impl Tokens {
    /// The stream of `sentences` followed by `extra` spans, over `text`.
    ///
    /// Lexemes come from the thread's lexeme cache (`lexcache`) when the text is not huge, and
    /// are computed afresh otherwise; both give the same stream (a lexeme is a function of its
    /// form alone, and a document's lexemes are numbered in order of first occurrence).
    pub fn build(text: &str, sentences: &[Span], extra: &[Span]) -> Tokens {
        if text.len() <= crate::lexcache::MAX_TEXT {
            if let Some(t) = crate::lexcache::with(|c| Self::build_with(text, sentences, extra, c))
            {
                return t;
            }
        }
        Self::build_uncached(text, sentences, extra)
    }

    /// [`Tokens::build`] without the thread's cache: every distinct form of the document is
    /// lower-cased and looked up in the lexicon here.
    pub fn build_uncached(text: &str, sentences: &[Span], extra: &[Span]) -> Tokens {
        let mut local = Local {
            seen: FastMap::default(),
            scratch: String::new(),
        };
        local.seen.reserve(text.len().min(1 << 20) / 16);
        Self::build_with(text, sentences, extra, &mut local)
    }

    fn build_with<'t>(
        text: &'t str,
        sentences: &[Span],
        extra: &[Span],
        forms: &mut impl Forms<'t>,
    ) -> Tokens {
        let mut out = Tokens {
            toks: Vec::with_capacity(text.len() / 5 + 1),
            ..Tokens::default()
        };
        // A news article of the dev sets has one distinct form per 9.3 bytes (median; one per
        // 7.2 at the 90th percentile) and their lower-cased spellings take 0.59 of its bytes
        // (0.73): reserving about the 90th percentile (bounded, so a huge text, which has
        // fewer distinct forms per byte, does not reserve more than it may use) saves the
        // doublings, each a copy.
        let n = text.len().min(1 << 16);
        out.lexemes.reserve(n / 7);
        out.strings.reserve(n * 3 / 4);
        for (n, &span) in sentences.iter().chain(extra).enumerate() {
            if n == sentences.len() {
                out.extra_start = out.segments.len();
            }
            let start = out.toks.len() as u32;
            let mut flags = 0;
            tokens::scan(text, span, |a, b| {
                let (lex, f) = forms.lexeme_of(&text[a..b], &mut out.lexemes, &mut out.strings);
                flags |= f;
                out.toks.push(Token {
                    start: a as u32,
                    end: b as u32,
                    lex,
                });
            });
            out.segments.push(Segment {
                span,
                start,
                end: out.toks.len() as u32,
                flags,
            });
        }
        if sentences.len() == out.segments.len() {
            out.extra_start = out.segments.len();
        }
        if out.toks.capacity() > out.toks.len() + out.toks.len() / 4 + 64 {
            out.toks.shrink_to_fit();
        }
        out
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    pub fn span(&self, i: usize) -> Span {
        self.toks[i].span()
    }

    pub fn lexeme(&self, i: usize) -> &Lexeme {
        &self.lexemes[self.toks[i].lex as usize]
    }

    pub fn flags(&self, i: usize) -> Flags {
        self.toks
            .get(i)
            .map_or(0, |t| self.lexemes[t.lex as usize].flags)
    }

    pub fn has(&self, i: usize, any: Flags) -> bool {
        self.flags(i) & any != 0
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        let f = self.flags(i);
        if f & flag::NUMBER != 0 {
            TokenKind::Number
        } else if f & flag::WORD != 0 {
            TokenKind::Word
        } else {
            TokenKind::Punct
        }
    }

    /// The lower-cased form of token `i` ("" past the end).
    pub fn lower(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.lower_of(&self.lexemes[t.lex as usize]))
    }

    /// Lower-cased with typographic apostrophes straightened ("lowe's" for "Lowe’s").
    pub fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| {
            let (a, b) = self.lexemes[t.lex as usize].norm;
            &self.strings[a as usize..b as usize]
        })
    }

    /// The lower-cased form without a possessive ending ("iraq" for "Iraq's").
    pub fn base(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| {
            let lx = &self.lexemes[t.lex as usize];
            &self.strings[lx.lower.0 as usize..(lx.lower.0 + lx.base) as usize]
        })
    }

    /// `base` of a lexeme: its lower-cased form without a possessive ending.
    pub fn base_of(&self, lx: &Lexeme) -> &str {
        &self.strings[lx.lower.0 as usize..(lx.lower.0 + lx.base) as usize]
    }

    pub fn lower_of(&self, lx: &Lexeme) -> &str {
        &self.strings[lx.lower.0 as usize..lx.lower.1 as usize]
    }

    /// The segments that are sentences.
    pub fn sentences(&self) -> &[Segment] {
        &self.segments[..self.extra_start]
    }

    /// The segments of the dateline and picture titles.
    pub fn extra(&self) -> &[Segment] {
        &self.segments[self.extra_start..]
    }

    /// The segment holding token `i`.
    pub fn segment_of(&self, i: usize) -> usize {
        self.segments
            .partition_point(|s| s.end as usize <= i)
            .min(self.segments.len().saturating_sub(1))
    }

    /// Bytes held (tokens, lexemes, strings, segments), for memory accounting.
    pub fn heap_bytes(&self) -> usize {
        self.toks.capacity() * std::mem::size_of::<Token>()
            + self.lexemes.capacity() * std::mem::size_of::<Lexeme>()
            + self.segments.capacity() * std::mem::size_of::<Segment>()
            + self.strings.capacity()
    }
}

/// Where a document's lexemes come from: the index (into `lexemes`) of the lexeme of `orth`
/// and its flags, the lexeme pushed onto `lexemes` (its spellings onto `strings`) the first
/// time the document has the form.
pub(crate) trait Forms<'t> {
    fn lexeme_of(
        &mut self,
        orth: &'t str,
        lexemes: &mut Vec<Lexeme>,
        strings: &mut String,
    ) -> (u32, Flags);
}

/// One document's forms, computed afresh.
struct Local<'t> {
    seen: FastMap<&'t str, u32>,
    scratch: String,
}

impl<'t> Forms<'t> for Local<'t> {
    fn lexeme_of(
        &mut self,
        orth: &'t str,
        lexemes: &mut Vec<Lexeme>,
        strings: &mut String,
    ) -> (u32, Flags) {
        // One hash per token: `entry` finds the form or makes its slot.
        let l = *self.seen.entry(orth).or_insert_with(|| {
            let l = lexemes.len() as u32;
            lexemes.push(lexeme(orth, strings, &mut self.scratch));
            l
        });
        (l, lexemes[l as usize].flags)
    }
}

impl Lexeme {
    /// This lexeme, whose spellings are in `from`, with its spellings appended to `to`.
    pub(crate) fn copy_into(&self, from: &str, to: &mut String) -> Lexeme {
        let lo = to.len() as u32;
        to.push_str(&from[self.lower.0 as usize..self.lower.1 as usize]);
        let hi = to.len() as u32;
        let norm = if self.norm == self.lower {
            (lo, hi)
        } else {
            let a = to.len() as u32;
            to.push_str(&from[self.norm.0 as usize..self.norm.1 as usize]);
            (a, to.len() as u32)
        };
        Lexeme {
            lower: (lo, hi),
            norm,
            ..*self
        }
    }
}

/// The lexeme of a new form: its lower-cased and normalised spellings appended to `strings`.
pub(crate) fn lexeme(orth: &str, strings: &mut String, scratch: &mut String) -> Lexeme {
    let shape = lexicon::shape(orth);
    let lo = strings.len() as u32;
    let ascii = orth.is_ascii();
    if ascii {
        strings.push_str(orth);
        strings[lo as usize..].make_ascii_lowercase();
    } else {
        scratch.clear();
        scratch.push_str(&orth.to_lowercase());
        strings.push_str(scratch);
    }
    let hi = strings.len() as u32;
    let lower = &strings[lo as usize..hi as usize];
    let apostrophe = lower.contains(['\'', '’']);
    let base = if apostrophe {
        (lower.len() - lexicon::possessive_len(lower)) as u32
    } else {
        lower.len() as u32
    };
    let entry = VOCAB.lookup(orth, lower);
    let norm = if !ascii && apostrophe && lower.contains('’') {
        let n = lower.replace('’', "'");
        let a = strings.len() as u32;
        strings.push_str(&n);
        (a, strings.len() as u32)
    } else {
        (lo, hi)
    };
    Lexeme {
        flags: shape | (entry.flags & !flag::SHAPE),
        id: entry.id,
        lower: (lo, hi),
        norm,
        base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lexeme_per_form_and_segments() {
        let t = "In May, Mr Smith said. May said it; MAY 5.";
        let s1 = Span::new(0, 22);
        let s2 = Span::new(23, t.len());
        let k = Tokens::build(t, &[s1, s2], &[Span::new(0, 2)]);
        assert_eq!(k.segments.len(), 3);
        assert_eq!(k.sentences().len(), 2);
        assert_eq!(k.extra().len(), 1);
        let may: Vec<usize> = (0..k.len()).filter(|&i| k.lower(i) == "may").collect();
        assert_eq!(may.len(), 3);
        // "May" twice shares a lexeme, "MAY" has its own, all three are months.
        assert_eq!(k.toks[may[0]].lex, k.toks[may[1]].lex);
        assert_ne!(k.toks[may[0]].lex, k.toks[may[2]].lex);
        assert!(may.iter().all(|&i| k.has(i, flag::MONTH)));
        assert!(k.segments[0].has(flag::ABBREVIATION));
        assert!(!k.segments[1].has(flag::ABBREVIATION));
        assert_eq!(k.segment_of(may[2]), 1);
        assert_eq!(k.kind(k.segments[1].end as usize - 2), TokenKind::Number);
        let last = k.extra()[0];
        assert_eq!(
            &t[k.span(last.start as usize).start..k.span(last.start as usize).end],
            "In"
        );
    }

    #[test]
    fn lower_norm_and_base() {
        let t = "Lowe’s IRAQ's Zürich";
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        assert_eq!(k.lower(0), "lowe’s");
        assert_eq!(k.norm(0), "lowe's");
        assert_eq!(k.base(0), "lowe");
        assert_eq!(k.base(1), "iraq");
        assert_eq!(k.norm(2), "zürich");
        assert_eq!(k.lower(9), "");
    }
}
