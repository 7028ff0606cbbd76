//! The narration of a block as the cue patterns read it: units over the document's token
//! stream (`Document::tokens`) in which each quoted stretch is one unit, so that "..., he
//! said" and "said Mr X:" read the words around quotes and never the words inside them.
//!
//! A word keeps the period of an abbreviation (the lexicon's `ABBREVIATION` flag: "Mr.",
//! "Sen."), of an initial ("J.") and of a word right before a comma ("R-Ky., said"). Every
//! word carries the stage's word classes (`cls`, see `form`), computed once per distinct form
//! of the document: reading them is a bit test, and nothing is allocated per token.

use std::ops::Range;

pub use super::form::cls;
use super::form::{self, Hot, Part};
use crate::stream::Tokens;
use crate::tables::FastMap;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// Index into the document's quote list.
    Quote(u32),
}

/// One unit: a word (with its period, for an abbreviation), a punctuation mark, or a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    /// The stream token it starts at (`u32::MAX` for a quote).
    pub tok: u32,
    /// Word classes (`cls`); 0 for punctuation and quotes.
    pub bits: u64,
    /// The pronoun's gender once a contraction is stripped ("He's" -> 'M'), 0 if none.
    pub pron: u8,
    /// The honorific's gender ('M', 'F', '-'), 0 if none.
    pub hon: u8,
    /// The name part's first-name gender ('M', 'F', 'U'), 0 if none.
    pub first: u8,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q as usize),
            _ => None,
        }
    }
    /// Whether it has any of `bits` (only words have any).
    pub fn has(&self, bits: u64) -> bool {
        self.bits & bits != 0
    }
    pub fn honorific(&self) -> Option<char> {
        (self.hon != 0).then_some(self.hon as char)
    }
    pub fn first_name(&self) -> Option<char> {
        (self.first != 0).then_some(self.first as char)
    }
    pub fn pronoun(&self) -> Option<char> {
        (self.pron != 0).then_some(self.pron as char)
    }
}

/// The document's forms as the quote stage reads them, computed on first sight.
pub struct Forms<'d> {
    text: &'d str,
    tokens: &'d Tokens,
    /// Per lexeme.
    hot: Vec<Hot>,
    /// The name part of the few forms whose part is not the whole form ("Kerry's").
    parts: FastMap<u32, Part>,
}

impl<'d> Forms<'d> {
    pub fn new(text: &'d str, tokens: &'d Tokens) -> Self {
        Forms {
            text,
            tokens,
            hot: vec![Hot::default(); tokens.lexemes.len()],
            parts: FastMap::default(),
        }
    }

    /// The units of the stream tokens `range` (a block ending at byte `block_end`), each zone
    /// of `zones` (sorted `(span, quote)`, inside the block) standing as one `Quote` unit.
    /// `verbs` gets the units that may start a speech cue. Returns the union of the words'
    /// classes.
    pub fn block(
        &mut self,
        range: Range<usize>,
        block_end: usize,
        zones: &[(Span, usize)],
        out: &mut Vec<Tok>,
        verbs: &mut Vec<u32>,
    ) -> u64 {
        out.clear();
        verbs.clear();
        let mut any = 0;
        let mut i = range.start;
        let mut pos = 0;
        for &(z, q) in zones {
            if z.start < pos || z.end > block_end || z.end < z.start {
                continue;
            }
            self.words(&mut i, range.end, z.start, out, verbs, &mut any);
            out.push(Tok {
                start: z.start as u32,
                end: z.end as u32,
                kind: Kind::Quote(q as u32),
                tok: u32::MAX,
                bits: 0,
                pron: 0,
                hon: 0,
                first: 0,
            });
            // A token cut by the zone's edge (none is: marks are tokens) goes with the quote.
            while i < range.end && (self.tokens.toks[i].start as usize) < z.end {
                i += 1;
            }
            pos = z.end;
        }
        self.words(&mut i, range.end, block_end, out, verbs, &mut any);
        any
    }

    /// Units of the stream tokens from `*i` that end by byte `limit`.
    fn words(
        &mut self,
        i: &mut usize,
        end: usize,
        limit: usize,
        out: &mut Vec<Tok>,
        verbs: &mut Vec<u32>,
        any: &mut u64,
    ) {
        let tokens: &'d Tokens = self.tokens;
        let toks = tokens.toks.get(..end).unwrap_or(&tokens.toks);
        let bytes = self.text.as_bytes();
        while let Some(&t) = toks.get(*i) {
            if t.end as usize > limit {
                break;
            }
            let lex = t.lex as usize;
            let h = match self.hot.get(lex) {
                Some(h) if h.bits & cls::DONE != 0 => *h,
                _ => self.fill(lex, t.start as usize, t.end as usize),
            };
            if h.bits & cls::PUNCT_FORM != 0 {
                out.push(Tok {
                    start: t.start,
                    end: t.end,
                    kind: Kind::Punct(h.c),
                    tok: *i as u32,
                    bits: 0,
                    pron: 0,
                    hon: 0,
                    first: 0,
                });
                *i += 1;
                continue;
            }
            // "Mr.", "J.", "Ky.,": the period (the next token) stays with its word.
            let b = t.end as usize;
            let dotted = bytes.get(b) == Some(&b'.')
                && b < limit
                && toks.get(*i + 1).is_some_and(|n| n.start == t.end)
                && (h.bits & (cls::INITIAL | cls::ABBREVIATION) != 0
                    || b + 1 < limit && bytes.get(b + 1) == Some(&b','));
            let tok = if dotted {
                let mut bits = h.bits & cls::KEPT_WITH_PERIOD | cls::DOTTED;
                if bits & cls::UPPER != 0 {
                    bits |= cls::NAME | cls::NAME_UPPER;
                }
                if h.bits & cls::SUFFIX_FULL != 0 {
                    bits |= cls::SUFFIX;
                }
                if h.bits & cls::PARTICLE_W != 0 {
                    bits |= cls::NAME_PARTICLE;
                }
                Tok {
                    start: t.start,
                    end: t.end + 1,
                    kind: Kind::Word,
                    tok: *i as u32,
                    bits,
                    pron: 0,
                    hon: h.hon,
                    first: h.first_full,
                }
            } else {
                if h.bits & (cls::SPEECH | cls::CUE_FIRST) != 0 {
                    verbs.push(out.len() as u32);
                }
                Tok {
                    start: t.start,
                    end: t.end,
                    kind: Kind::Word,
                    tok: *i as u32,
                    bits: h.bits & !cls::FORM_ONLY,
                    pron: h.pron,
                    hon: h.hon,
                    first: h.first,
                }
            };
            *any |= tok.bits;
            out.push(tok);
            *i += if dotted { 2 } else { 1 };
        }
    }

    /// Computes and stores the classes of form `lex`, first seen at `a..b`.
    #[inline(never)]
    fn fill(&mut self, lex: usize, a: usize, b: usize) -> Hot {
        let tokens: &'d Tokens = self.tokens;
        let (Some(lx), Some(orth)) = (tokens.lexemes.get(lex), self.text.get(a..b)) else {
            return Hot::default();
        };
        let hot = if lx.flags & crate::lexicon::flag::PUNCT != 0 {
            form::punct(orth)
        } else {
            let (hot, part) = form::word(orth, lx, tokens.lower_of(lx));
            if let Some(p) = part {
                self.parts.insert(lex as u32, p);
            }
            hot
        };
        if let Some(h) = self.hot.get_mut(lex) {
            *h = hot;
        }
        hot
    }

    fn lex_of(&self, t: &Tok) -> Option<usize> {
        self.tokens.toks.get(t.tok as usize).map(|k| k.lex as usize)
    }

    /// The text of bytes `a..b` ("" if out of range).
    pub fn slice(&self, a: usize, b: usize) -> &'d str {
        self.text.get(a..b).unwrap_or("")
    }

    /// The name part of a word as written: without possessive endings or its period.
    pub fn name_part(&self, t: &Tok) -> &'d str {
        let (s, e) = (t.start as usize, t.end as usize);
        if t.bits & cls::DOTTED != 0 {
            return self.text.get(s..e - 1).unwrap_or("");
        }
        let part = self
            .lex_of(t)
            .and_then(|l| self.parts.get(&(l as u32)))
            .map_or(e - s, |p| p.len as usize);
        self.text.get(s..s + part).unwrap_or("")
    }

    /// The name part lower-cased (the key people are filed under).
    pub fn name_key(&self, t: &Tok) -> &str {
        if !t.is_word() {
            return self
                .text
                .get(t.start as usize..t.end as usize)
                .unwrap_or("");
        }
        let Some(lx) = self.lex_of(t) else {
            return "";
        };
        let lower = self.tokens.lower_of(&self.tokens.lexemes[lx]);
        if t.bits & cls::DOTTED != 0 {
            return lower;
        }
        match self.parts.get(&(lx as u32)) {
            None => lower,
            Some(Part { key: Some(k), .. }) => k,
            Some(Part { len, key: None }) => lower.get(..*len as usize).unwrap_or(lower),
        }
    }

    /// The lower-cased form of a word without a period ("" otherwise: a word with its period
    /// matches no table entry).
    pub fn lower(&self, t: &Tok) -> &'d str {
        if !t.is_word() || t.bits & cls::DOTTED != 0 {
            return "";
        }
        self.tokens.lower(t.tok as usize)
    }

    /// The lower-cased word without its period ("mr" for "Mr.").
    pub fn token_lower(&self, t: &Tok) -> &'d str {
        if t.tok == u32::MAX {
            return "";
        }
        self.tokens.lower(t.tok as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str, zones: &[(Span, usize)]) -> Vec<(String, Tok)> {
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let mut f = Forms::new(t, &k);
        let mut out = Vec::new();
        f.block(0..k.len(), t.len(), zones, &mut out, &mut Vec::new());
        out.into_iter()
            .map(|u| (t[u.start as usize..u.end as usize].to_string(), u))
            .collect()
    }

    #[test]
    fn quotes_become_single_units_and_periods_stay_with_abbreviations() {
        let t = "\"Go,\" said Mr. Smith's aide J. Doe (R-Ky.), he's sure.";
        let got = units(t, &[(Span::new(0, 5), 7)]);
        let words: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            words,
            vec![
                "\"Go,\"", "said", "Mr.", "Smith's", "aide", "J.", "Doe", "(", "R-Ky", ".", ")",
                ",", "he's", "sure", "."
            ]
        );
        assert_eq!(got[0].1.quote(), Some(7));
        let u = |w: &str| got.iter().find(|(s, _)| s == w).map(|(_, u)| *u).unwrap();
        assert!(u("said").has(cls::SPEECH) && !u("said").has(cls::NAME));
        assert_eq!(u("Mr.").honorific(), Some('M'));
        assert!(u("Mr.").has(cls::DOTTED | cls::NAME));
        assert!(u("Smith's").has(cls::POSS | cls::NAME));
        assert!(u("aide").has(cls::HEAD | cls::LOWER));
        assert_eq!(u("he's").pronoun(), Some('M'));
        assert!(!u("he's").has(cls::PRONOUN_W));
        assert!(u("J.").has(cls::DOTTED) && !u("Doe").has(cls::DOTTED));
    }

    #[test]
    fn name_parts_and_keys() {
        let t = "Kerry's KERRY'S Jr. de Zoë’s";
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let mut f = Forms::new(t, &k);
        let mut out = Vec::new();
        f.block(0..k.len(), t.len(), &[], &mut out, &mut Vec::new());
        let parts: Vec<(&str, &str)> = out
            .iter()
            .map(|u| (f.name_part(u), f.name_key(u)))
            .collect();
        assert_eq!(
            parts,
            vec![
                ("Kerry", "kerry"),
                ("KERRY'S", "kerry's"),
                ("Jr", "jr"),
                ("de", "de"),
                ("Zoë", "zoë")
            ]
        );
        assert_eq!(out[0].first_name(), Some('U'));
        assert!(out[2].has(cls::SUFFIX) && out[3].has(cls::PARTICLE_W | cls::NAME_PARTICLE));
    }
}
