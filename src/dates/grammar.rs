//! The grammar's view of the token stream, and the word-level rules every expression rule uses
//! (numbers, units, weekdays, months, days, years, parts of day).
//!
//! The grammar reads one stretch of the shared stream (a region, the dateline or a picture
//! title) through relative indices: token `j` is stream token `lo + j`, and every accessor
//! answers "" / `None` / `false` outside the stretch. A token's lower-cased form is its
//! lexeme's; `low` is that form without a possessive ending ("year" for "year's"); table
//! membership is read from the lexicon flags and the dates bits by vocabulary id (`words`).
//! Nothing is allocated per token.

use super::resolve::{Amount, Sem, Unit};
use super::tables::{HashMap, MONTHS, NUMBERS, PARTS_OF_DAY, UNITS, WEEKDAYS};
use super::words::{bit, Words, WORDS};
use super::TimexType;
use crate::lexicon::{flag, Flags, VOCAB};
use crate::phrases::{Phrases, Step};
use crate::stream::Tokens;
use crate::text::Span;
use crate::tokens::TokenKind;

#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Token range, end exclusive.
    pub start: usize,
    pub end: usize,
    pub typ: TimexType,
    pub sem: Sem,
    /// "a year ago", "year-earlier": in an earnings report, the same quarter a year before.
    pub quarterly: bool,
}

pub(super) fn found(start: usize, end: usize, typ: TimexType, sem: Sem) -> Option<Found> {
    Some(Found {
        start,
        end,
        typ,
        sem,
        quarterly: false,
    })
}

/// Whether `f` reaches further than the best match so far.
pub(super) fn longer(best: &Option<Found>, f: &Found) -> bool {
    best.as_ref().is_none_or(|b| f.end > b.end)
}

/// Prepositions and modifiers that make a capitalised "May" (or "March") a month.
pub(super) const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this",
    "from", "through", "to", "before", "after", "during", "between", "and", "or", "each", "every",
    "the",
];

/// How many tokens `Grammar::worth_trying` looks ahead for an anchor: the longest run of words
/// before one is 11 ("no more than" "each of the" "past" "a couple of" "more" "years").
const CHAIN_MAX: usize = 16;

/// Tokens `lo..lo + n` of the stream, as the grammar reads them.
pub struct Grammar<'a> {
    pub text: &'a str,
    pub k: &'a Tokens,
    pub lo: usize,
    pub n: usize,
    /// Skip the rules a token cannot start (off only to check that this changes nothing).
    pub gate: bool,
    words: &'static Words,
}

impl<'a> Grammar<'a> {
    pub fn new(text: &'a str, k: &'a Tokens, range: std::ops::Range<usize>) -> Grammar<'a> {
        Grammar {
            text,
            k,
            lo: range.start,
            n: range.len(),
            gate: true,
            words: &WORDS,
        }
    }

    /// The bytes of stream token `i` as written.
    fn raw_bytes(&self, i: usize) -> &'a [u8] {
        let s = self.k.span(i);
        self.text.as_bytes().get(s.start..s.end).unwrap_or(&[])
    }

    /// Whether stream token `i` (with flags `f`) ends with a possessive: it has an apostrophe,
    /// so it is neither all letters nor punctuation, and ends with `s` or an apostrophe.
    fn possessive_at(&self, i: usize, f: Flags) -> bool {
        f & (flag::ALPHA | flag::PUNCT) == 0
            && matches!(self.raw_bytes(i).last(), Some(b's' | b'S' | b'\'' | 0x99))
            && self.k.base(i).len() != self.k.lower(i).len()
    }

    /// The stream index of token `j`, if it is in the stretch.
    fn at_stream(&self, j: usize) -> Option<usize> {
        (j < self.n).then(|| self.lo + j)
    }

    pub fn len(&self) -> usize {
        self.n
    }

    /// Shape and lexicon flags of token `j` (0 outside).
    pub(super) fn flags(&self, j: usize) -> Flags {
        self.at_stream(j).map_or(0, |i| self.k.flags(i))
    }

    /// Whether token `j` ends with a possessive ("year's"): `low` is then shorter than `full`.
    pub(super) fn possessive(&self, j: usize) -> bool {
        self.at_stream(j)
            .is_some_and(|i| self.possessive_at(i, self.k.flags(i)))
    }

    /// Whether a rule can start at token `j`: a number, a hyphenated word or a trigger word
    /// (`tables::TRIGGERS`, read from the lexicon flag or, for a possessive, the bits of `low`).
    pub fn can_start(&self, j: usize) -> bool {
        let Some(i) = self.at_stream(j) else {
            return false;
        };
        let lx = self.k.lexeme(i);
        let f = lx.flags;
        if f & flag::NUMBER != 0 {
            return true;
        }
        if f & flag::ALPHA != 0 {
            return f & flag::DATE_TRIGGER != 0;
        }
        if f & flag::PUNCT != 0 {
            return f & flag::DATE_TRIGGER != 0 || lx.id == self.words.dash;
        }
        // A word with an apostrophe or a joiner: the flag is its full form's, the rules read
        // the form without a possessive.
        self.raw_bytes(i).contains(&b'-') || self.is(j, bit::TRIGGER)
    }

    /// The first token from `j` on that `can_start` may accept, judged on the lexicon flags
    /// alone: words of letters that are no trigger and punctuation other than triggers and
    /// "-" are passed over in a tight loop (most tokens of a text).
    pub fn skip_quiet(&self, mut j: usize) -> usize {
        let toks = self.k.toks.get(self.lo..self.lo + self.n).unwrap_or(&[]);
        let lexemes = &self.k.lexemes;
        let dash = self.words.dash;
        while let Some(t) = toks.get(j) {
            let Some(lx) = lexemes.get(t.lex as usize) else {
                return j;
            };
            let f = lx.flags;
            let quiet = f & (flag::NUMBER | flag::DATE_TRIGGER) == 0
                && (f & flag::ALPHA != 0 || f & flag::PUNCT != 0 && lx.id != dash);
            if !quiet {
                return j;
            }
            j += 1;
        }
        j
    }

    /// Whether the grammar should be run at `j`: a rule can start there (`can_start`) and an
    /// anchor (`words::bit::ANCHOR`, a number or a hyphenated word) follows within a run of
    /// words the rules read before an anchor (`bit::CHAIN`). Every expression holds an anchor
    /// and reaches it through such words (at most `CHAIN_MAX` of them), so this only skips
    /// tokens where no rule can match; most tokens of a sentence are skipped by it.
    pub fn worth_trying(&self, j: usize) -> bool {
        if !self.can_start(j) {
            return false;
        }
        for x in j..(j + CHAIN_MAX).min(self.n) {
            let f = self.flags(x);
            if f & flag::NUMBER != 0 {
                if self.number_anchors(self.lo + x) {
                    return true;
                }
                continue;
            }
            let b = self.bits(x);
            if b & bit::ANCHOR != 0 {
                return true;
            }
            let calendar = bit::MONTH | bit::WEEKDAY | bit::WEEKDAYS;
            if b & calendar != 0 && f & flag::UPPER_FIRST != 0 {
                return true;
            }
            if f & (flag::ALPHA | flag::PUNCT) == 0 && self.hyphen_anchors(self.lo + x) {
                return true;
            }
            if b & bit::CHAIN == 0 {
                return false;
            }
        }
        false
    }

    /// Whether number token `i` (stream index) anchors an expression: a year, "1990s", "4th",
    /// "10:35", "10am", "1957-58" do; a plain number ("500", "2.5", "1,700") needs a unit,
    /// month or "a.m." after it, and digits joined by two or more dashes ("1996-08-30") match
    /// no rule.
    fn number_anchors(&self, i: usize) -> bool {
        let raw = self.raw_bytes(i);
        let plain = raw
            .iter()
            .all(|&c| c.is_ascii_digit() || c == b',' || c == b'.');
        if plain {
            return raw.len() == 4;
        }
        let dashes = raw.iter().filter(|&&c| c == b'-').count();
        !(dashes >= 2 && raw.iter().all(|&c| c.is_ascii_digit() || c == b'-'))
    }

    /// Whether a hyphenated word (stream index `i`) can anchor an expression: one of its
    /// parts is a unit, number word, ordinal, month, weekday, decade or season ("three-month",
    /// "third-quarter", "year-earlier", "twenty-two", "late-November"), or it starts with
    /// "mid", "early", "late", "post" or "pre" ("mid-1990s").
    fn hyphen_anchors(&self, i: usize) -> bool {
        if !self.raw_bytes(i).contains(&b'-') {
            return false;
        }
        let date = bit::UNIT
            | bit::NUMBER
            | bit::ORDINAL
            | bit::MONTH
            | bit::WEEKDAY
            | bit::DECADE
            | bit::SEASON;
        let mut parts = self.k.lower(i).split('-');
        if parts
            .next()
            .is_some_and(|p| matches!(p, "mid" | "early" | "late" | "post" | "pre"))
        {
            return true;
        }
        self.k
            .lower(i)
            .split('-')
            .any(|p| self.words.bits(VOCAB.lookup(p, p).id) & date != 0)
    }

    /// Vocabulary id of `low(j)` (`u32::MAX` when in no table).
    pub(super) fn id(&self, j: usize) -> u32 {
        let Some(i) = self.at_stream(j) else {
            return u32::MAX;
        };
        let lx = self.k.lexeme(i);
        if self.possessive_at(i, lx.flags) {
            let low = self.k.base(i);
            return VOCAB.lookup(low, low).id;
        }
        lx.id
    }

    /// Vocabulary id of `full(j)`.
    fn full_id(&self, j: usize) -> u32 {
        self.at_stream(j).map_or(u32::MAX, |i| self.k.lexeme(i).id)
    }

    /// The dates bits (`words::bit`) of `low(j)`.
    pub(super) fn bits(&self, j: usize) -> u32 {
        self.words.bits(self.id(j))
    }

    /// `bits(j)`, with `bit::NUM` for a token of digits and `bit::HYPHEN` for one with a
    /// hyphen: what the rules test first, to return at once on a token they cannot start on.
    pub(super) fn start_bits(&self, j: usize) -> u32 {
        if !self.gate {
            return u32::MAX;
        }
        let Some(i) = self.at_stream(j) else {
            return 0;
        };
        let f = self.k.flags(i);
        let mut b = self.bits(j);
        if f & flag::NUMBER != 0 {
            b |= bit::NUM;
        }
        if f & (flag::ALPHA | flag::PUNCT) == 0 && self.raw_bytes(i).contains(&b'-') {
            b |= bit::HYPHEN;
        }
        b
    }

    pub(super) fn is(&self, j: usize, b: u32) -> bool {
        self.bits(j) & b != 0
    }

    /// The value of `low(j)` in `map`, looked up only when `low(j)` has bit `b`.
    pub(super) fn table<V>(
        &self,
        j: usize,
        b: u32,
        map: &'static HashMap<String, V>,
    ) -> Option<&'static V> {
        if self.is(j, b) {
            map.get(self.low(j))
        } else {
            None
        }
    }

    /// Lower-cased, without a possessive ending.
    pub(super) fn low(&self, j: usize) -> &'a str {
        self.at_stream(j).map_or("", |i| self.k.base(i))
    }

    /// Lower-cased, possessive included.
    pub(super) fn full(&self, j: usize) -> &'a str {
        self.at_stream(j).map_or("", |i| self.k.lower(i))
    }

    /// As written.
    pub(super) fn raw(&self, j: usize) -> &'a str {
        self.at_stream(j).map_or("", |i| {
            let s = self.k.span(i);
            self.text.get(s.start..s.end).unwrap_or("")
        })
    }

    pub(super) fn kind(&self, j: usize) -> Option<TokenKind> {
        self.at_stream(j).map(|i| self.k.kind(i))
    }

    pub(super) fn capitalised(&self, j: usize) -> bool {
        self.flags(j) & flag::UPPER_FIRST != 0
    }

    /// Byte span of token `j` without its possessive ending ("Tuesday" of "Tuesday's").
    pub(super) fn span(&self, j: usize) -> Option<Span> {
        let i = self.at_stream(j)?;
        let s = self.k.span(i);
        let (full, low) = (self.k.lower(i), self.k.base(i));
        let strip = if s.end - s.start == full.len() {
            full.len() - low.len()
        } else {
            0
        };
        Some(Span::new(s.start, s.end - strip))
    }

    /// Whether tokens `a` and `b` are in the same sentence (or the same non-sentence segment).
    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.at_stream(a), self.at_stream(b)) {
            (Some(x), Some(y)) => self.k.segment_of(x) == self.k.segment_of(y),
            _ => false,
        }
    }

    /// The first token of `j`'s sentence, within the stretch.
    pub(super) fn sentence_start(&self, j: usize) -> usize {
        self.at_stream(j).map_or(j, |i| {
            let seg = self.k.segments[self.k.segment_of(i)];
            (seg.start as usize).max(self.lo) - self.lo
        })
    }

    fn longest<V>(
        &self,
        p: &'static Phrases<V>,
        j: usize,
        max: usize,
        id: impl Fn(usize) -> u32,
    ) -> Option<(usize, &'static V)> {
        let room = self.n.saturating_sub(j);
        p.longest(max.min(room), |s| Some::<Step>((id(j + s), false)))
            .map(|(n, v)| (j + n, v))
    }

    /// The end of the longest modifier ("the end of", "late") starting at `j`.
    pub(super) fn modifier(&self, j: usize) -> Option<usize> {
        if !self.is(j, bit::MODIFIER) {
            return None;
        }
        self.longest(&WORDS.modifiers, j, 4, |x| self.id(x))
            .map(|(e, _)| e)
    }

    /// The end of the longest approximator ("at least", "almost") starting at `j`.
    pub(super) fn approximator(&self, j: usize) -> Option<usize> {
        if !self.is(j, bit::APPROXIMATOR) {
            return None;
        }
        self.longest(&WORDS.approximators, j, 4, |x| self.id(x))
            .map(|(e, _)| e)
    }

    /// A reference word or phrase ("now", "the near future") at `j` (lower-cased forms with
    /// possessives): its end and value.
    pub(super) fn reference(&self, j: usize) -> Option<(usize, &'static str)> {
        if WORDS.bits(self.full_id(j)) & bit::REFERENCE == 0 {
            return None;
        }
        self.longest(&WORDS.reference, j, usize::MAX, |x| self.full_id(x))
            .map(|(e, v)| (e, v.as_str()))
    }

    /// A holiday ("New Year's Day") at `j`: its end and value.
    pub(super) fn holiday_name(&self, j: usize) -> Option<(usize, &'static str)> {
        if WORDS.bits(self.full_id(j)) & bit::HOLIDAY == 0 {
            return None;
        }
        self.longest(&WORDS.holidays, j, usize::MAX, |x| self.full_id(x))
            .map(|(e, v)| (e, v.as_str()))
    }

    /// A number: digits ("20", "5 1/2", "1,700"), words ("twenty four", "twenty-two",
    /// "a hundred"), or an unspecified amount ("several", "a few", "a couple of").
    pub(super) fn number(&self, j: usize) -> Option<(Amount, usize)> {
        let w = self.low(j);
        if self.kind(j) == Some(TokenKind::Number) {
            let n: f64 = parse_u32_digits(w)? as f64;
            if self.low(j + 1) == "1/2" {
                return Some((Some(n + 0.5), j + 2));
            }
            return Some((Some(n), j + 1));
        }
        if w == "a" || w == "an" {
            match self.low(j + 1) {
                "few" => return Some((None, j + 2)),
                "couple" if self.low(j + 2) == "of" => return Some((Some(2.0), j + 3)),
                "couple" => return Some((Some(2.0), j + 2)),
                "dozen" => return Some((Some(12.0), j + 2)),
                "hundred" => return Some((Some(100.0), j + 2)),
                _ => return Some((Some(1.0), j + 1)),
            }
        }
        if w == "couple" && self.low(j + 1) == "of" {
            return Some((Some(2.0), j + 2));
        }
        let (n, mut k) = self.word_number(j)?;
        if n < 0 {
            return Some((None, k));
        }
        let mut n = n as f64;
        if self.low(k) == "hundred" {
            n *= 100.0;
            k += 1;
        }
        Some((Some(n), k))
    }

    /// The value of number word `j` (`tables::NUMBERS`).
    fn number_word(&self, j: usize) -> Option<i32> {
        if !self.is(j, bit::NUMBER) {
            return None;
        }
        NUMBERS.get(self.low(j)).copied()
    }

    /// "seven", "twenty four", "twenty-two"; negative for "several"-like words.
    pub(super) fn word_number(&self, j: usize) -> Option<(i32, usize)> {
        let w = self.low(j);
        if self.flags(j) & flag::ALPHA == 0 {
            if let Some((a, b)) = w.split_once('-') {
                let (a, b) = (*NUMBERS.get(a)?, *NUMBERS.get(b)?);
                return ((20..=90).contains(&a) && (1..=9).contains(&b)).then_some((a + b, j + 1));
            }
        }
        let n = self.number_word(j)?;
        if (20..=90).contains(&n) {
            if let Some(u) = self.number_word(j + 1) {
                if (1..=9).contains(&u) {
                    return Some((n + u, j + 2));
                }
            }
        }
        (n != -2 && w != "a" && w != "an").then_some((n, j + 1))
    }

    pub(super) fn unit(&self, j: usize) -> Option<(Unit, bool)> {
        if !self.is(j, bit::UNIT) {
            return None;
        }
        let w = self.low(j);
        // A capitalised unit after a lower-case word or a number is a title ("60 Minutes").
        if self.capitalised(j) && j > 0 && !self.capitalised(j - 1) {
            return None;
        }
        let u = Unit::from_code(UNITS.get(w)?)?;
        Some((
            u,
            w.ends_with('s') && !matches!(w, "hrs" | "yrs" | "secs" | "mins")
                || matches!(w, "hrs" | "yrs" | "secs" | "mins" | "centuries"),
        ))
    }

    pub(super) fn weekday(&self, j: usize) -> Option<(u32, bool)> {
        let w = self.low(j);
        if w.len() < 6 || !self.capitalised(j) {
            return None;
        }
        if self.possessive(j) {
            // The lexicon flags the form with its possessive: ask the table.
            if let Some(&d) = WEEKDAYS.get(w) {
                return Some((d as u32, false));
            }
        } else if self.flags(j) & flag::WEEKDAY != 0 {
            return WEEKDAYS.get(w).map(|&d| (d as u32, false));
        }
        if !self.is(j, bit::WEEKDAYS) {
            return None;
        }
        let d = *WEEKDAYS.get(w.strip_suffix('s')?)?;
        Some((d as u32, true))
    }

    /// Whether `low(j)` is a month name.
    pub(super) fn is_month(&self, j: usize) -> bool {
        if self.possessive(j) {
            return MONTHS.contains_key(self.low(j));
        }
        self.flags(j) & flag::MONTH != 0
    }

    /// A month name at `j` (with its abbreviation period), and the index after it.
    pub(super) fn month(&self, j: usize) -> Option<(u32, usize)> {
        if !self.is_month(j) {
            return None;
        }
        let w = self.low(j);
        let m = *MONTHS.get(w)? as u32;
        if !self.capitalised(j) {
            return None;
        }
        let abbreviated = w.len() <= 4 && !matches!(w, "may" | "june" | "july");
        if abbreviated && self.low(j + 1) == "." {
            return Some((m, j + 2));
        }
        // "Jan" without its period is more often a name ("Jan Kavan") unless a day follows.
        if abbreviated && self.day(j + 1).is_none() && self.year(j + 1).is_none() {
            return None;
        }
        Some((m, j + 1))
    }

    pub(super) fn day(&self, j: usize) -> Option<u32> {
        if self.kind(j) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.low(j);
        let w = crate::tables::ORDINAL_SUFFIXES
            .iter()
            .find_map(|s| w.strip_suffix(s.as_str()))
            .unwrap_or(w);
        if w.len() > 2 {
            return None;
        }
        let d: u32 = w.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A four-digit year, with the context rules that keep money and counts out.
    pub(super) fn year(&self, j: usize) -> Option<i32> {
        if self.kind(j) != Some(TokenKind::Number) {
            return None;
        }
        let w = self.low(j);
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        if j > 0 && self.is(j - 1, bit::YEAR_BLOCKER) {
            return None;
        }
        if matches!(self.low(j + 1), "%" | "percent" | "per") {
            return None;
        }
        if (1900..=2099).contains(&y) {
            return Some(y);
        }
        let prev = if j > 0 { self.low(j - 1) } else { "" };
        ((1000..1900).contains(&y) && MONTH_CONTEXT.contains(&prev)).then_some(y)
    }

    /// A year in digits or words, and the index after it.
    pub(super) fn any_year(&self, j: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year(j) {
            return Some((y, j + 1));
        }
        let f = self.spelled_year(j)?;
        match f.sem {
            Sem::Abs(v) => Some((v.parse().ok()?, f.end)),
            _ => None,
        }
    }

    pub(super) fn part_of_day(&self, j: usize) -> Option<(&'static str, bool)> {
        if !self.is(j, bit::PART_OF_DAY) {
            return None;
        }
        let w = self.low(j);
        let code = PARTS_OF_DAY.get(w)?;
        let code: &'static str = match code.as_str() {
            "MO" => "MO",
            "AF" => "AF",
            "EV" => "EV",
            _ => "NI",
        };
        Some((code, w.ends_with('s')))
    }
}

/// The number of a digits token with `,` separators ("1,700"), as `u32`.
fn parse_u32_digits(w: &str) -> Option<u32> {
    let mut n: u32 = 0;
    let mut any = false;
    for c in w.chars() {
        match c {
            ',' => {}
            '0'..='9' => {
                n = n.checked_mul(10)?.checked_add(c as u32 - '0' as u32)?;
                any = true;
            }
            _ => return None,
        }
    }
    any.then_some(n)
}
