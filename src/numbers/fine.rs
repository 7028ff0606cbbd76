//! The fine tokens numbers reads, made from the shared stream: a stream token is used whole
//! when it is one word or one symbol, and split with `tokens::pieces` when it holds digits or
//! joiners, so "$8bn" is `$ 8 bn` (all glued) and "20cm-40cm" is `20 cm - 40 cm`. Each fine
//! token knows whether white space precedes it, its lower-cased form (the lexeme's for a whole
//! token, a reused per-sentence buffer for pieces), its vocabulary id and lexicon flags, and
//! its entry in the numbers tables (`words::Info`).
//!
//! Buffers are kept between sentences; nothing is allocated per token.

use super::words::{Info, Words, WORDS};
use crate::lexicon::{flag, Flags, VOCAB};
use crate::phrases::{Phrases, Step};
use crate::stream::{Segment, Tokens};
use crate::tokens::{self, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Num,
    Word,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No white space between this token and the one before it.
    pub glued: bool,
    /// First letter upper-case (words only).
    pub cap: bool,
    /// For numbers: `,` thousands separators and `.` decimal points inside.
    pub commas: u8,
    pub dots: u8,
    /// Vocabulary id of the lower-cased form (`u32::MAX`: in no table).
    pub id: u32,
    /// Lexicon flags of the lower-cased form (months, weekdays).
    pub flags: Flags,
    /// Index of its `words::Info`.
    info: u16,
    /// The lower-cased form: the text itself when it has no capitals, the lexeme's, or a
    /// range of `Toks::lower`.
    low: Low<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Low<'a> {
    Str(&'a str),
    Buf(u32, u32),
}

/// The fine tokens of one sentence.
pub struct Toks<'a> {
    text: &'a str,
    k: &'a Tokens,
    words: &'static Words,
    pub t: Vec<Tok<'a>>,
    lower: String,
}

impl<'a> Toks<'a> {
    pub fn new(text: &'a str, k: &'a Tokens) -> Toks<'a> {
        Toks {
            text,
            k,
            words: &WORDS,
            t: Vec::new(),
            lower: String::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn get(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    /// Lower-cased text of token `i` ("" past the end); typographic apostrophes inside words
    /// straightened ("o'clock" for "o’clock").
    pub fn low(&self, i: usize) -> &str {
        match self.t.get(i).map(|t| t.low) {
            Some(Low::Str(s)) => s,
            Some(Low::Buf(a, b)) => self.lower.get(a as usize..b as usize).unwrap_or(""),
            None => "",
        }
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == w
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    pub fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    /// What the numbers tables say about token `i`.
    pub fn info(&self, i: usize) -> &'static Info {
        self.words.info(self.t.get(i).map_or(0, |t| t.info))
    }

    pub fn flags(&self, i: usize) -> Flags {
        self.t.get(i).map_or(0, |t| t.flags)
    }

    fn step(&self, i: usize, first: bool) -> Option<Step> {
        self.t.get(i).map(|t| (t.id, t.glued && !first))
    }

    /// Longest phrase of `p` starting at token `i` (at most `max` tokens): its value and
    /// length; `first` is the table's bit in `Info::first`, a quick test before the walk.
    pub fn longest<V>(
        &self,
        i: usize,
        max: usize,
        p: &'static Phrases<V>,
        first: u16,
    ) -> Option<(&'static V, usize)> {
        if self.info(i).first & first == 0 {
            return None;
        }
        p.longest(max, |n| self.step(i + n, n == 0))
            .map(|(n, v)| (v, n))
    }

    /// The value of token `i` alone in phrase table `p` (`first`: the table's bit).
    pub fn word<V>(&self, i: usize, p: &'static Phrases<V>, first: u16) -> Option<&'static V> {
        if self.info(i).first & first == 0 {
            return None;
        }
        p.get(&[self.step(i, true)?])
    }

    /// Longest phrase of `p` ending just before token `end` (at most `max` tokens); `last` is
    /// the table's bit in `Info::last`.
    pub fn longest_before<V>(
        &self,
        end: usize,
        max: usize,
        p: &'static Phrases<V>,
        last: u16,
    ) -> Option<(&'static V, usize)> {
        if end == 0 || self.info(end - 1).last & last == 0 {
            return None;
        }
        (1..=max.min(end)).rev().find_map(|n| {
            let s = end - n;
            p.longest(n, |x| self.step(s + x, x == 0))
                .filter(|(m, _)| *m == n)
                .map(|(_, v)| (v, n))
        })
    }

    /// Replaces the tokens with those of segment `seg`.
    pub fn fill(&mut self, seg: &Segment) {
        self.t.clear();
        self.lower.clear();
        let end_of_text = seg.span.end.min(self.text.len());
        // Pieces before this byte were read into an earlier number ("Rs1,000": the stream's
        // "Rs1" "," "000" are one number `1,000` after `Rs`).
        let mut covered = 0usize;
        let mut prev_end = usize::MAX;
        let k = self.k;
        let toks = k.toks.get(seg.tokens()).unwrap_or(&[]);
        for (s, tok) in (seg.start as usize..).zip(toks) {
            let span = tok.span();
            if span.end <= covered {
                continue;
            }
            let Some(lx) = k.lexemes.get(tok.lex as usize) else {
                continue;
            };
            let f = lx.flags;
            let whole = span.start >= covered
                && (f & flag::PUNCT != 0
                    || f & (flag::WORD | flag::ALPHA) == flag::WORD | flag::ALPHA);
            if whole {
                let kind = if f & flag::PUNCT != 0 {
                    Kind::Sym
                } else {
                    Kind::Word
                };
                // Lower-case already (ASCII punctuation, ASCII words without capitals): the
                // text itself; else the lexeme's form.
                let raw = self.text.get(span.start..span.end).unwrap_or("");
                // All letters, none upper-case, none outside ASCII: ASCII lower case.
                let plain = if kind == Kind::Sym {
                    raw.len() == 1
                } else {
                    f & (flag::LOWER | flag::NON_ASCII) == flag::LOWER
                };
                let low = if plain { raw } else { self.k.lower(s) };
                self.t.push(Tok {
                    start: span.start,
                    end: span.end,
                    kind,
                    glued: prev_end == span.start,
                    cap: kind == Kind::Word && f & flag::UPPER_FIRST != 0,
                    commas: 0,
                    dots: 0,
                    id: lx.id,
                    flags: f,
                    info: self.words.index(lx.id),
                    low: Low::Str(low),
                });
                prev_end = span.end;
                continue;
            }
            let text = self.text;
            let raw = text.as_bytes().get(span.start..span.end).unwrap_or(&[]);
            if span.start >= covered && raw.iter().all(u8::is_ascii_digit) {
                // Digits only: one piece, perhaps going on over ",000" ("Rs1,000").
                let b = number_end(text, span.end, end_of_text);
                covered = b;
                self.push_piece(span.start, b, TokenKind::Number, prev_end == span.start);
                prev_end = b;
                continue;
            }
            tokens::pieces(text, span, |a, b, kind| {
                if a < covered {
                    return;
                }
                let mut b = b;
                if kind == TokenKind::Number && b == span.end {
                    b = number_end(text, b, end_of_text);
                    covered = b;
                }
                self.push_piece(a, b, kind, prev_end == a);
                prev_end = b;
            });
        }
    }

    fn push_piece(&mut self, a: usize, b: usize, kind: TokenKind, glued: bool) {
        let text = self.text;
        let s = text.get(a..b).unwrap_or("");
        let w = self.words;
        // The lower-cased form: the text itself when it has no capitals.
        let (kind, cap, commas, dots, low, id_flags) = match kind {
            TokenKind::Number => {
                let commas = s.bytes().filter(|&c| c == b',').count();
                let dots = s.bytes().filter(|&c| c == b'.').count();
                let c = (commas.min(255) as u8, dots.min(255) as u8);
                (Kind::Num, false, c.0, c.1, Low::Str(s), Some(w.numeric(s)))
            }
            TokenKind::Punct if s.len() == 1 => {
                let id = w.ascii(s.as_bytes()[0]);
                (Kind::Sym, false, 0, 0, Low::Str(s), Some(id))
            }
            TokenKind::Word if s.bytes().all(|c| c.is_ascii_lowercase() || c == b'\'') => {
                (Kind::Word, false, 0, 0, Low::Str(s), None)
            }
            TokenKind::Word => {
                let lo = self.lower.len();
                if s.is_ascii() {
                    self.lower.push_str(s);
                    self.lower[lo..].make_ascii_lowercase();
                } else {
                    for ch in s.chars() {
                        let ch = if ch == '’' { '\'' } else { ch };
                        self.lower.extend(ch.to_lowercase());
                    }
                }
                let cap = s.chars().next().is_some_and(char::is_uppercase);
                let low = Low::Buf(lo as u32, self.lower.len() as u32);
                (Kind::Word, cap, 0, 0, low, None)
            }
            TokenKind::Punct => {
                let lo = self.lower.len();
                self.lower.extend(s.chars().flat_map(char::to_lowercase));
                let low = Low::Buf(lo as u32, self.lower.len() as u32);
                (Kind::Sym, false, 0, 0, low, None)
            }
        };
        let (id, flags) = id_flags.unwrap_or_else(|| {
            let l = match low {
                Low::Str(s) => s,
                Low::Buf(a, b) => self.lower.get(a as usize..b as usize).unwrap_or(""),
            };
            let e = VOCAB.lookup(l, l);
            (e.id, e.flags)
        });
        self.t.push(Tok {
            start: a,
            end: b,
            kind,
            glued,
            cap,
            commas,
            dots,
            id,
            flags,
            info: w.index(id),
            low,
        });
    }
}

/// Where a number that reaches the end of its stream token at `b` ends in the text: it goes on
/// over `,` and three digits ("1,000" after a word: "Rs1,000") and over `.` and digits, up to
/// `limit` (the sentence's end).
fn number_end(text: &str, b: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let digit = |at: usize| at < limit && bytes.get(at).is_some_and(u8::is_ascii_digit);
    let mut k = b;
    loop {
        while digit(k) {
            k += 1;
        }
        if k < limit
            && bytes.get(k) == Some(&b',')
            && (1..=3).all(|d| digit(k + d))
            && !digit(k + 4)
        {
            k += 4;
            continue;
        }
        if k < limit && bytes.get(k) == Some(&b'.') && digit(k + 1) {
            k += 1;
            continue;
        }
        return k;
    }
}
