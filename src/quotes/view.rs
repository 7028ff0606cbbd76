//! The narration of a block as the cue patterns read it: units over the document's token
//! stream (`Document::tokens`) in which each quoted stretch is one unit, so that "..., he
//! said" and "said Mr X:" read the words around quotes and never the words inside them.
//!
//! A word keeps the period of an abbreviation (the lexicon's `ABBREVIATION` flag: "Mr.",
//! "Sen."), of an initial ("J.") and of a word right before a comma ("R-Ky., said"). Every
//! word carries the stage's word classes (`cls`), computed once per distinct form of the
//! document from the lexicon's flags and table id: reading them is a bit test, and nothing is
//! allocated per token.

use std::ops::Range;

use super::lexicon::{self, class, NOT_NAMES};
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::text::Span;

/// Word classes of a unit. Bits 0..16 are the lower-cased form's classes (`lexicon::class`).
pub mod cls {
    pub use super::super::lexicon::class::*;
    /// A word or number (anything but punctuation and quotes).
    pub const WORD: u64 = 1 << 16;
    /// First character upper-case.
    pub const UPPER: u64 = 1 << 17;
    /// First character lower-case.
    pub const LOWER: u64 = 1 << 18;
    /// First byte an ASCII letter.
    pub const ASCII_ALPHA: u64 = 1 << 19;
    /// First byte an ASCII upper-case letter.
    pub const ASCII_UPPER: u64 = 1 << 20;
    /// A speech verb form (`data/quotes/speech_verbs.txt`).
    pub const SPEECH: u64 = 1 << 21;
    /// The first word of a cue phrase ("according", "pointed").
    pub const CUE_FIRST: u64 = 1 << 22;
    /// May stand between a speaker and a verb: lower-case, in the aux list or an -ly adverb.
    pub const AUX_WORD: u64 = 1 << 23;
    /// A nominal head or its plural ("spokesman", "officials").
    pub const HEAD: u64 = 1 << 24;
    /// A nominal head as listed (a role: "the secretary").
    pub const ROLE: u64 = 1 << 25;
    /// Ends with "'s" or "’s".
    pub const POSS: u64 = 1 << 26;
    /// Ends with "s'".
    pub const POSS_PLURAL: u64 = 1 << 27;
    /// Ends with "ing" (any case).
    pub const ING: u64 = 1 << 28;
    /// Can be part of a capitalised name (`people::name_token`).
    pub const NAME: u64 = 1 << 29;
    /// A name particle as written ("de", "bin").
    pub const PARTICLE_W: u64 = 1 << 30;
    /// A pronoun as written ("he", "She"; not "He's").
    pub const PRONOUN_W: u64 = 1 << 31;
    /// "I", or "I" with a contraction ("I'd").
    pub const PRON_I: u64 = 1 << 32;
    /// "the" in any ASCII case.
    pub const THE: u64 = 1 << 33;
    /// An honorific (gender in `Tok::hon`).
    pub const HONORIFIC: u64 = 1 << 34;
    /// The name part ("Kerry" of "Kerry's") is a suffix (Jr, Sr, II, III) or empty.
    pub const SUFFIX: u64 = 1 << 35;
    /// The name part starts with an upper-case letter.
    pub const NAME_UPPER: u64 = 1 << 36;
    /// The name part is a name particle.
    pub const NAME_PARTICLE: u64 = 1 << 37;
    /// A word with its period ("Mr.", "J.").
    pub const DOTTED: u64 = 1 << 38;
    /// One upper-case letter (an initial).
    pub const INITIAL: u64 = 1 << 39;
    /// A stop word as written (all lower case).
    pub const STOP_W: u64 = 1 << 40;
    /// Listed in `not_names.txt` as written.
    pub const NOT_NAME_W: u64 = 1 << 41;
    /// The whole form (without possessive stripping) is a suffix: for "Jr." with its period.
    pub const SUFFIX_FULL: u64 = 1 << 42;
    /// Form-only bits, never on a unit: the form is punctuation, an abbreviation (it keeps
    /// its period), and its classes are computed.
    pub const PUNCT_FORM: u64 = 1 << 61;
    pub const ABBREVIATION: u64 = 1 << 62;
    pub const DONE: u64 = 1 << 63;
    pub const FORM_ONLY: u64 = PUNCT_FORM | ABBREVIATION | DONE;

    /// What a word with its period keeps of its form's classes.
    pub const KEPT_WITH_PERIOD: u64 =
        WORD | UPPER | LOWER | ASCII_ALPHA | ASCII_UPPER | HONORIFIC | ROLE;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// Index into the document's quote list.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
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
            Kind::Quote(q) => Some(q),
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

/// Where a form's lower-cased name part lives.
#[derive(Debug, Clone, Copy)]
enum Key {
    /// The first `n` bytes of the form's lower-cased spelling.
    Lower(u32),
    /// A range of `Forms::own`.
    Own(u32, u32),
}

/// What every unit of a form needs (16 bytes, read for each token).
#[derive(Debug, Clone, Copy, Default)]
struct Hot {
    bits: u64,
    /// The character of a punctuation form.
    c: char,
    pron: u8,
    hon: u8,
    /// First-name gender of the name part, and of the whole form.
    first: u8,
    first_full: u8,
}

/// What only name handling needs of a form.
#[derive(Debug, Clone, Copy)]
struct Cold {
    /// Byte length of the name part.
    part: u32,
    key: Key,
}

const NO_COLD: Cold = Cold {
    part: 0,
    key: Key::Lower(0),
};

/// The document's forms as the quote stage reads them, computed on first sight.
pub struct Forms<'d> {
    text: &'d str,
    tokens: &'d Tokens,
    hot: Vec<Hot>,
    cold: Vec<Cold>,
    own: String,
}

impl<'d> Forms<'d> {
    pub fn new(text: &'d str, tokens: &'d Tokens) -> Self {
        Forms {
            text,
            tokens,
            hot: vec![Hot::default(); tokens.lexemes.len()],
            cold: vec![NO_COLD; tokens.lexemes.len()],
            own: String::new(),
        }
    }

    /// The units of the stream tokens `range` (a block ending at byte `block_end`), each zone
    /// of `zones` (sorted `(span, quote)`, inside the block) standing as one `Quote` unit.
    /// Returns the union of the words' classes.
    pub fn block(
        &mut self,
        range: Range<usize>,
        block_end: usize,
        zones: &[(Span, usize)],
        out: &mut Vec<Tok>,
    ) -> u64 {
        out.clear();
        let mut any = 0;
        let mut i = range.start;
        let mut pos = 0;
        for &(z, q) in zones {
            if z.start < pos || z.end > block_end || z.end < z.start {
                continue;
            }
            self.words(&mut i, range.end, z.start, out, &mut any);
            out.push(Tok {
                span: z,
                kind: Kind::Quote(q),
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
        self.words(&mut i, range.end, block_end, out, &mut any);
        any
    }

    /// Units of the stream tokens from `*i` that end by byte `limit`.
    fn words(
        &mut self,
        i: &mut usize,
        end: usize,
        limit: usize,
        out: &mut Vec<Tok>,
        any: &mut u64,
    ) {
        let tokens: &'d Tokens = self.tokens;
        let toks = tokens.toks.get(..end).unwrap_or(&tokens.toks);
        let bytes = self.text.as_bytes();
        while let Some(&t) = toks.get(*i) {
            let (a, b) = (t.start as usize, t.end as usize);
            if b > limit {
                break;
            }
            let lex = t.lex as usize;
            let h = match self.hot.get(lex) {
                Some(h) if h.bits & cls::DONE != 0 => *h,
                _ => self.fill(lex, a, b),
            };
            if h.bits & cls::PUNCT_FORM != 0 {
                out.push(Tok {
                    span: Span::new(a, b),
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
            let dotted = bytes.get(b) == Some(&b'.')
                && b < limit
                && toks.get(*i + 1).is_some_and(|n| n.start as usize == b)
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
                    span: Span::new(a, b + 1),
                    kind: Kind::Word,
                    tok: *i as u32,
                    bits,
                    pron: 0,
                    hon: h.hon,
                    first: h.first_full,
                }
            } else {
                Tok {
                    span: Span::new(a, b),
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

    /// Computes and stores what the stage knows of form `lex` (first seen at `a..b`).
    #[cold]
    fn fill(&mut self, lex: usize, a: usize, b: usize) -> Hot {
        let Some(lx) = self.tokens.lexemes.get(lex) else {
            return Hot::default();
        };
        let (hot, cold) = if lx.flags & flag::PUNCT != 0 {
            let c = self.text[a..].chars().next().unwrap_or(' ');
            let hot = Hot {
                bits: cls::DONE | cls::PUNCT_FORM,
                c,
                ..Hot::default()
            };
            (hot, NO_COLD)
        } else {
            let (mut hot, cold) = self.compute(lex, a, b);
            if lx.flags & flag::ABBREVIATION != 0 {
                hot.bits |= cls::ABBREVIATION;
            }
            (hot, cold)
        };
        self.hot[lex] = hot;
        self.cold[lex] = cold;
        hot
    }

    /// The classes of a word form (token `a..b`, lexeme `lex`) as written. The lexicon's
    /// flags and table id answer the table questions; the form itself is read only for its
    /// first character, its endings and, when it has an apostrophe, its contractions.
    fn compute(&mut self, lex: usize, a: usize, b: usize) -> (Hot, Cold) {
        let text = self.text;
        let orth = &text[a..b];
        let bytes = orth.as_bytes();
        let lx = self.tokens.lexemes[lex];
        let f = lx.flags;
        let lower = self.tokens.lower_of(&lx);
        let suffix = |w: &str| matches!(w, "Jr" | "Sr" | "II" | "III");
        if lx.id == u32::MAX && f & flag::ALPHA != 0 && f & flag::NON_ASCII == 0 {
            // The common case: ASCII letters in no table. Only the case of the first letter
            // and the endings matter.
            let mut bits = cls::DONE | cls::WORD | cls::ASCII_ALPHA;
            let lb = lower.as_bytes();
            if bytes[0].is_ascii_uppercase() {
                bits |= cls::UPPER | cls::NAME_UPPER | cls::ASCII_UPPER | cls::NAME;
                if bytes.len() == 1 {
                    bits |= cls::INITIAL;
                }
                if suffix(orth) {
                    bits |= cls::SUFFIX | cls::SUFFIX_FULL;
                }
            } else {
                bits |= cls::LOWER;
                if lb.len() > 4 && lb.ends_with(b"ly") {
                    bits |= cls::AUX_WORD;
                }
            }
            if lb.ends_with(b"ing") {
                bits |= cls::ING;
            }
            let hot = Hot {
                bits,
                ..Hot::default()
            };
            let cold = Cold {
                part: orth.len() as u32,
                key: Key::Lower(lower.len() as u32),
            };
            return (hot, cold);
        }
        let entry = if lx.id == u32::MAX {
            lexicon::Entry::default()
        } else {
            lexicon::entry_of(lx.id)
        };
        let class = entry.classes();
        let mut bits = cls::DONE | cls::WORD | class;
        let b0 = bytes.first().copied().unwrap_or(b' ');
        let (upper, low, one) = if b0 < 0x80 {
            (
                b0.is_ascii_uppercase(),
                b0.is_ascii_lowercase(),
                bytes.len() == 1,
            )
        } else {
            let c = orth.chars().next().unwrap_or(' ');
            (
                c.is_uppercase(),
                c.is_lowercase(),
                orth.len() == c.len_utf8(),
            )
        };
        if upper {
            bits |= cls::UPPER | cls::NAME_UPPER;
            if one {
                bits |= cls::INITIAL;
            }
        }
        if low {
            bits |= cls::LOWER;
        }
        if b0.is_ascii_alphabetic() {
            bits |= cls::ASCII_ALPHA;
        }
        if b0.is_ascii_uppercase() {
            bits |= cls::ASCII_UPPER;
        }
        let speech = f & flag::SPEECH_VERB != 0 && orth.len() <= 16;
        if speech {
            bits |= cls::SPEECH;
        }
        if f & flag::CUE_FIRST != 0 {
            bits |= cls::CUE_FIRST;
        }
        let ends = |s: &[u8], suffix: &[u8]| s.ends_with(suffix);
        if low && (class & class::AUX != 0 || lower.len() > 4 && ends(lower.as_bytes(), b"ly")) {
            bits |= cls::AUX_WORD;
        }
        if f & flag::NOMINAL_HEAD != 0 {
            bits |= cls::HEAD | cls::ROLE;
        }
        if class & class::HEAD_PLURAL != 0 {
            bits |= cls::HEAD;
        }
        if ends(lower.as_bytes(), b"ing") {
            bits |= cls::ING;
        }
        if class & (class::PARTICLE | class::STOP) != 0 && orth == lower {
            if class & class::PARTICLE != 0 {
                bits |= cls::PARTICLE_W;
            }
            if class & class::STOP != 0 {
                bits |= cls::STOP_W;
            }
        }
        if f & flag::PRONOUN != 0 && orth.len() <= 4 {
            bits |= cls::PRONOUN_W;
        }
        if class & class::THE_A_AN != 0 && orth.eq_ignore_ascii_case("the") {
            bits |= cls::THE;
        }
        let hon = if f & flag::HONORIFIC != 0 {
            entry.honorific()
        } else {
            0
        };
        if hon != 0 {
            bits |= cls::HONORIFIC;
        }
        // Listed in title case (a test holds the table to it): an ASCII form matches when
        // its lower-cased form does and it is in title case.
        let not_name = class & class::NOT_NAME != 0
            && if orth.is_ascii() {
                f & flag::TITLE != 0
            } else {
                NOT_NAMES.contains(orth)
            };
        if not_name {
            bits |= cls::NOT_NAME_W;
        }
        // "Obama Says ...": in a title-case headline an inflected speech verb ends a name.
        let title_case_verb = speech
            && orth.len() > 3
            && (ends(bytes, b"s")
                || ends(bytes, b"ed")
                || ends(bytes, b"ing")
                || matches!(orth, "Said" | "Told" | "Wrote"));
        if upper && (!not_name || hon != 0) && !title_case_verb {
            bits |= cls::NAME;
        }
        if upper && suffix(orth) {
            bits |= cls::SUFFIX_FULL;
        }
        let first_full = if f & flag::FIRST_NAME != 0 {
            entry.first_name()
        } else {
            0
        };
        // Endings with an apostrophe: possessives, contractions, the name part.
        let apostrophe = f & flag::ALPHA == 0 && (bytes.contains(&b'\'') || orth.contains('’'));
        if !apostrophe {
            if bits & cls::SUFFIX_FULL != 0 {
                bits |= cls::SUFFIX;
            }
            if bits & cls::PARTICLE_W != 0 {
                bits |= cls::NAME_PARTICLE;
            }
            if orth == "I" {
                bits |= cls::PRON_I;
            }
            let pron = if bits & cls::PRONOUN_W != 0 {
                entry.pronoun()
            } else {
                0
            };
            let hot = Hot {
                bits,
                c: ' ',
                pron,
                hon,
                first: first_full,
                first_full,
            };
            let cold = Cold {
                part: orth.len() as u32,
                key: Key::Lower(lower.len() as u32),
            };
            return (hot, cold);
        }
        if orth.ends_with("'s") || orth.ends_with("’s") {
            bits |= cls::POSS;
        }
        if orth.ends_with("s'") {
            bits |= cls::POSS_PLURAL;
        }
        // "He's claiming": the contraction keeps its pronoun.
        let stripped = ["'s", "’s", "'d", "’d", "'ll", "’ll"]
            .iter()
            .find_map(|c| orth.strip_suffix(c))
            .unwrap_or(orth);
        let pron = if stripped.len() == orth.len() {
            if bits & cls::PRONOUN_W != 0 {
                entry.pronoun()
            } else {
                0
            }
        } else {
            lexicon::pronoun(stripped).map_or(0, |p| p as u8)
        };
        if stripped == "I" {
            bits |= cls::PRON_I;
        }
        // The name part: without possessive endings.
        let mut part = orth;
        while let Some(p) = part.strip_suffix("'s") {
            part = p;
        }
        while let Some(p) = part.strip_suffix("’s") {
            part = p;
        }
        let whole = part.len() == orth.len();
        if part.is_empty() || suffix(part) {
            bits |= cls::SUFFIX;
        }
        if !part.starts_with(char::is_uppercase) {
            bits &= !cls::NAME_UPPER;
        }
        let particle = if whole {
            bits & cls::PARTICLE_W != 0
        } else {
            lexicon::is_particle(part)
        };
        if particle {
            bits |= cls::NAME_PARTICLE;
        }
        let first = if whole {
            first_full
        } else {
            crate::tables::first_name_gender(part).map_or(0, |g| g as u8)
        };
        let key = if whole {
            Key::Lower(lower.len() as u32)
        } else if orth.is_ascii() {
            Key::Lower(part.len() as u32)
        } else {
            let s = self.own.len() as u32;
            self.own.push_str(&part.to_lowercase());
            Key::Own(s, self.own.len() as u32)
        };
        let hot = Hot {
            bits,
            c: ' ',
            pron,
            hon,
            first,
            first_full,
        };
        let cold = Cold {
            part: part.len() as u32,
            key,
        };
        (hot, cold)
    }

    /// The name part of a word as written: without possessive endings or its period.
    pub fn name_part(&self, t: &Tok) -> &'d str {
        let s = t.span;
        if t.bits & cls::DOTTED != 0 {
            return self.text.get(s.start..s.end - 1).unwrap_or("");
        }
        let part = self.cold_of(t).map_or(0, |c| c.part as usize);
        self.text.get(s.start..s.start + part).unwrap_or("")
    }

    /// The name part lower-cased (the key people are filed under).
    pub fn name_key(&self, t: &Tok) -> &str {
        if !t.is_word() {
            return self.text.get(t.span.start..t.span.end).unwrap_or("");
        }
        let Some(lx) = self.tokens.toks.get(t.tok as usize).map(|k| k.lex as usize) else {
            return "";
        };
        let lower = self.tokens.lower_of(&self.tokens.lexemes[lx]);
        if t.bits & cls::DOTTED != 0 {
            return lower;
        }
        match self.cold.get(lx).map_or(Key::Lower(0), |c| c.key) {
            Key::Lower(n) => lower.get(..n as usize).unwrap_or(lower),
            Key::Own(a, b) => self.own.get(a as usize..b as usize).unwrap_or(""),
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

    fn cold_of(&self, t: &Tok) -> Option<&Cold> {
        let k = self.tokens.toks.get(t.tok as usize)?;
        self.cold.get(k.lex as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &str, zones: &[(Span, usize)]) -> Vec<(String, Tok)> {
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let mut f = Forms::new(t, &k);
        let mut out = Vec::new();
        f.block(0..k.len(), t.len(), zones, &mut out);
        out.into_iter()
            .map(|u| (t[u.span.start..u.span.end].to_string(), u))
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
        f.block(0..k.len(), t.len(), &[], &mut out);
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
