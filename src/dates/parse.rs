//! The grammar: at each token, the longest temporal expression starting there.
//!
//! Every rule looks at a bounded window of tokens ahead, so a region costs linear time. This
//! file holds the token helpers, the dispatcher and the calendar rules (weekdays, months,
//! years); `relative`, `quarters`, `durations` and `clock` add the other rules to `Grammar`.

use super::resolve::{parse_holiday, Amount, Sem, Unit};
use super::tables::{
    PhraseSet, Phrases, DECADES, HOLIDAYS, MODIFIERS, MONTHS, NUMBERS, ORDINALS, PARTS_OF_DAY,
    REFERENCE_WORDS, TRIGGERS, UNITS, WEEKDAYS, YEAR_BLOCKERS,
};
use super::TimexType;
use crate::stream::Tokens;
use crate::text::Span;
use crate::tokens::TokenKind;

use std::borrow::Cow;

/// A token as the grammar sees it: lower-cased, with a possessive "'s" split off.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub raw: &'a str,
    /// Lower-cased `raw`, possessive included ("year's").
    pub low: Cow<'a, str>,
    /// Byte length of `low` without the possessive.
    pub base_len: usize,
    /// The token's span without the possessive.
    pub span: Span,
    pub kind: TokenKind,
    pub sentence: u32,
}

impl<'a> Tok<'a> {
    /// Token `i` of the stream, as the grammar sees it.
    pub fn new(text: &'a str, k: &'a Tokens, i: usize, sentence: u32) -> Tok<'a> {
        let span = k.span(i);
        let raw = text.get(span.start..span.end).unwrap_or("");
        let low: Cow<str> = Cow::Borrowed(k.lower(i));
        let strip = crate::lexicon::possessive_len(&low);
        let base_len = low.len() - strip;
        let raw_strip = if raw.len() == low.len() { strip } else { 0 };
        Tok {
            raw,
            base_len,
            low,
            span: Span::new(span.start, span.end - raw_strip),
            kind: k.kind(i),
            sentence,
        }
    }

    pub fn base(&self) -> &str {
        self.low.get(..self.base_len).unwrap_or(&self.low)
    }
}

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

/// Prepositions and modifiers that make a capitalised "May" (or "March") a month.
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this",
    "from", "through", "to", "before", "after", "during", "between", "and", "or", "each", "every",
    "the",
];
const AMBIGUOUS_MONTHS: &[&str] = &["may", "march"];

pub struct Grammar<'g, 'a> {
    pub t: &'g [Tok<'a>],
}

impl<'g, 'a> Grammar<'g, 'a> {
    pub(super) fn low(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| t.base())
    }

    pub(super) fn full(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| &t.low)
    }

    pub(super) fn raw(&self, j: usize) -> &str {
        self.t.get(j).map_or("", |t| t.raw)
    }

    pub(super) fn kind(&self, j: usize) -> Option<TokenKind> {
        self.t.get(j).map(|t| t.kind)
    }

    pub(super) fn capitalised(&self, j: usize) -> bool {
        self.raw(j).chars().next().is_some_and(char::is_uppercase)
    }

    /// The end of the longest phrase from `set` starting at `j` (phrases of up to 4 tokens).
    pub(super) fn phrase_in(&self, p: &PhraseSet, j: usize) -> Option<usize> {
        if !p.firsts.contains(self.low(j)) {
            return None;
        }
        let set = &p.set;
        let mut key = String::new();
        let mut best = None;
        for k in j..(j + 4).min(self.t.len()) {
            if k > j {
                key.push(' ');
            }
            key.push_str(self.low(k));
            if set.contains(&key) {
                best = Some(k + 1);
            }
        }
        best
    }

    pub(super) fn phrase_map<'p>(&self, p: &'p Phrases, j: usize) -> Option<(usize, &'p str)> {
        if !p.firsts.contains(self.full(j)) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for k in j..(j + p.max_len).min(self.t.len()) {
            if k > j {
                key.push(' ');
            }
            key.push_str(self.full(k));
            if let Some(v) = p.map.get(&key) {
                best = Some((k + 1, v.as_str()));
            }
        }
        best
    }

    /// A number: digits ("20", "5 1/2", "1,700"), words ("twenty four", "twenty-two",
    /// "a hundred"), or an unspecified amount ("several", "a few", "a couple of").
    pub(super) fn number(&self, j: usize) -> Option<(Amount, usize)> {
        let w = self.low(j);
        if self.kind(j) == Some(TokenKind::Number) {
            let digits: String = w.chars().filter(|c| *c != ',').collect();
            let n: f64 = digits.parse::<u32>().ok()? as f64;
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

    /// "seven", "twenty four", "twenty-two"; negative for "several"-like words.
    pub(super) fn word_number(&self, j: usize) -> Option<(i32, usize)> {
        let w = self.low(j);
        if let Some((a, b)) = w.split_once('-') {
            let (a, b) = (*NUMBERS.get(a)?, *NUMBERS.get(b)?);
            return ((20..=90).contains(&a) && (1..=9).contains(&b)).then_some((a + b, j + 1));
        }
        let n = *NUMBERS.get(w)?;
        if (20..=90).contains(&n) {
            if let Some(&u) = NUMBERS.get(self.low(j + 1)) {
                if (1..=9).contains(&u) {
                    return Some((n + u, j + 2));
                }
            }
        }
        (n != -2 && w != "a" && w != "an").then_some((n, j + 1))
    }

    pub(super) fn unit(&self, j: usize) -> Option<(Unit, bool)> {
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
        if let Some(&d) = WEEKDAYS.get(w) {
            return Some((d as u32, false));
        }
        let d = *WEEKDAYS.get(w.strip_suffix('s')?)?;
        Some((d as u32, true))
    }

    /// A month name at `j` (with its abbreviation period), and the index after it.
    pub(super) fn month(&self, j: usize) -> Option<(u32, usize)> {
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
        let w = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
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
        if j > 0 && YEAR_BLOCKERS.contains(self.low(j - 1)) {
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

    /// The longest expression starting at token `i`.
    pub fn at(&self, i: usize) -> Option<Found> {
        let t = self.t.get(i)?;
        if t.kind != TokenKind::Number && !t.low.contains('-') && !TRIGGERS.contains(t.base()) {
            return None;
        }
        let mut best: Option<Found> = None;
        let mut consider = |f: Option<Found>| {
            if let Some(f) = f {
                if longer(&best, &f) {
                    best = Some(f);
                }
            }
        };
        consider(self.modified(i).map(|mut f| {
            // "the" stays outside a hyphenated adjective: "the [third-quarter] results".
            if f.end == i + 2 && self.low(i) == "the" && self.full(i + 1).contains('-') {
                f.start = i + 1;
            }
            f
        }));
        consider(self.duration(i));
        consider(self.set(i));
        consider(self.clock(i));
        if let Some((end, v)) = self
            .phrase_map(&REFERENCE_WORDS, i)
            .filter(|(e, _)| self.low(*e) != "of")
        {
            consider(found(i, end, TimexType::Date, Sem::Abs(v.to_string())));
        }
        best
    }

    /// [the] [modifier] core: "the late 1970s", "earlier this week", "late yesterday".
    pub(super) fn modified(&self, i: usize) -> Option<Found> {
        let mut best = self.core(i);
        let after_the = if self.low(i) == "the" { i + 1 } else { i };
        if after_the > i {
            if let Some(f) = self.core(i + 1) {
                if (the_joins(&f.sem) || matches!(self.low(i + 1), "year" | "past"))
                    && longer(&best, &f)
                {
                    best = Some(Found { start: i, ..f });
                }
            }
        }
        if let Some(k) = self.phrase_in(&MODIFIERS, i) {
            let k = if self.low(k) == "-" { k + 1 } else { k };
            if let Some(f) = self.core(k) {
                if f.typ != TimexType::Duration && longer(&best, &f) {
                    // TimeML keeps "early"/"late" (a MOD of the date) but not the signals
                    // "earlier"/"later": "earlier [this week]".
                    let start = if matches!(self.low(i), "earlier" | "later") {
                        k
                    } else {
                        i
                    };
                    best = Some(Found { start, ..f });
                }
            }
        }
        if after_the > i {
            if let Some(k) = self.phrase_in(&MODIFIERS, after_the) {
                if let Some(f) = self.core(k) {
                    if the_joins(&f.sem) && longer(&best, &f) {
                        best = Some(Found { start: i, ..f });
                    }
                }
            }
        }
        best
    }

    /// Dates and times proper, longest first.
    pub(super) fn core(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        for f in [
            self.weekday_expr(i),
            self.month_expr(i),
            self.day_month(i),
            self.year_expr(i),
            self.relative(i),
            self.quarter(i),
            self.day_word(i),
            self.hyphenated(i),
            self.holiday(i),
            self.clock(i),
        ]
        .into_iter()
        .flatten()
        {
            if longer(&best, &f) {
                best = Some(f);
            }
        }
        best
    }

    pub(super) fn with_part_of_day(&self, f: Found) -> Found {
        match self.part_of_day(f.end) {
            Some((code, false)) => Found {
                end: f.end + 1,
                typ: TimexType::Time,
                sem: Sem::PartOfDay(Box::new(f.sem), code.to_string()),
                ..f
            },
            _ => f,
        }
    }

    pub(super) fn weekday_expr(&self, i: usize) -> Option<Found> {
        let (wd, plural) = self.weekday(i)?;
        if plural {
            return found(i, i + 1, TimexType::Set, Sem::Abs(format!("XXXX-WXX-{wd}")));
        }
        if self.low(i + 1) == "," {
            if let Some(f) = self.month_expr(i + 2).filter(|f| {
                matches!(f.sem, Sem::MonthDay { .. })
                    || matches!(&f.sem, Sem::Abs(v) if v.len() == 10)
            }) {
                return found(i, f.end, TimexType::Date, f.sem);
            }
        }
        if let Some((code, true)) = self.part_of_day(i + 1) {
            return found(
                i,
                i + 2,
                TimexType::Set,
                Sem::Abs(format!("XXXX-WXX-{wd}T{code}")),
            );
        }
        let f = Found {
            start: i,
            end: i + 1,
            typ: TimexType::Date,
            sem: Sem::Weekday {
                weekday: wd,
                rel: 0,
            },
            quarterly: false,
        };
        Some(self.with_part_of_day(f))
    }

    pub(super) fn month_ok(&self, i: usize, next: usize) -> bool {
        if !AMBIGUOUS_MONTHS.contains(&self.low(i)) {
            return true;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        MONTH_CONTEXT.contains(&prev)
            || self.day(next).is_some()
            || self.year(next).is_some()
            || prev == "-"
    }

    /// "Sept. 30", "March 5, 1946", "June 1998", "June last year", "December".
    pub(super) fn month_expr(&self, i: usize) -> Option<Found> {
        let (m, j) = self.month(i)?;
        if !self.month_ok(i, j) {
            return None;
        }
        if let Some(d) = self.day(j) {
            let k = if self.low(j + 1) == "," { j + 2 } else { j + 1 };
            if let Some(y) = self.year(k) {
                if crate::calendar::Date::new(y, m, d).is_some() {
                    return found(
                        i,
                        k + 1,
                        TimexType::Date,
                        Sem::Abs(format!("{y:04}-{m:02}-{d:02}")),
                    );
                }
            }
            if let Some(years) = self.year_rel(j + 1) {
                return found(
                    i,
                    j + 3,
                    TimexType::Date,
                    Sem::MonthOfYear {
                        month: m,
                        day: Some(d),
                        years,
                    },
                );
            }
            if crate::calendar::Date::new(2000, m, d).is_some() {
                return found(
                    i,
                    j + 1,
                    TimexType::Date,
                    Sem::MonthDay { month: m, day: d },
                );
            }
        }
        let k = match self.low(j) {
            "," | "of" => j + 1,
            _ => j,
        };
        if let Some((y, e)) = self.any_year(k) {
            return found(i, e, TimexType::Date, Sem::Abs(format!("{y:04}-{m:02}")));
        }
        if let Some(years) = self.year_rel(j) {
            return found(
                i,
                j + 2,
                TimexType::Date,
                Sem::MonthOfYear {
                    month: m,
                    day: None,
                    years,
                },
            );
        }
        found(i, j, TimexType::Date, Sem::Month { month: m })
    }

    /// "last year" / "this year" / "next year" after a month.
    pub(super) fn year_rel(&self, j: usize) -> Option<i32> {
        if self.low(j + 1) != "year" {
            return None;
        }
        match self.low(j) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        }
    }

    /// "4 January", "4 January 2014", "the 4th of July".
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
        let d = self.day(i)?;
        let j = if self.low(i + 1) == "of" {
            i + 2
        } else {
            i + 1
        };
        let (m, k) = self.month(j)?;
        crate::calendar::Date::new(2000, m, d)?;
        if let Some(y) = self.year(k) {
            crate::calendar::Date::new(y, m, d)?;
            return found(
                i,
                k + 1,
                TimexType::Date,
                Sem::Abs(format!("{y:04}-{m:02}-{d:02}")),
            );
        }
        found(i, k, TimexType::Date, Sem::MonthDay { month: m, day: d })
    }

    /// Years, decades, centuries: "1990", "fiscal 1989", "the 1980s", "'90s", "20th century",
    /// "nineteen ninety-six", "the year two thousand".
    pub(super) fn year_expr(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if w == "fiscal" || w == "year" {
            let j = if self.low(i + 1) == "year" {
                i + 2
            } else {
                i + 1
            };
            if let Some(y) = self.year(j) {
                return found(i, j + 1, TimexType::Date, Sem::Abs(format!("{y:04}")));
            }
        }
        if let Some(v) = DECADES.get(w) {
            if matches!(
                self.low(i.wrapping_sub(1)),
                "the" | "early" | "late" | "mid"
            ) {
                return found(i, i + 1, TimexType::Date, Sem::Abs(v.clone()));
            }
        }
        if let Some(y) = self.year(i) {
            return found(i, i + 1, TimexType::Date, Sem::Abs(format!("{y:04}")));
        }
        if self.kind(i) == Some(TokenKind::Number) {
            if let Some(d) = w.strip_suffix('s') {
                if d.len() == 4 && d.ends_with('0') {
                    let y: i32 = d.parse().ok()?;
                    if (1000..=2090).contains(&y) {
                        return found(i, i + 1, TimexType::Date, Sem::Abs(format!("{}X", y / 10)));
                    }
                }
            }
        }
        if matches!(w, "'" | "’") && self.kind(i + 1) == Some(TokenKind::Number) {
            let d = self.low(i + 1).strip_suffix('s')?;
            if d.len() == 2 && d.ends_with('0') {
                let y: i32 = d.parse().ok()?;
                let century = if y <= 20 { 20 } else { 19 };
                return found(
                    i,
                    i + 2,
                    TimexType::Date,
                    Sem::Abs(format!("{century}{}X", y / 10)),
                );
            }
        }
        if let Some(&n) = ORDINALS.get(w) {
            if matches!(self.low(i + 1), "century" | "centuries") {
                return found(i, i + 2, TimexType::Date, Sem::Abs(format!("{:02}", n - 1)));
            }
        }
        self.spelled_year(i)
    }

    pub(super) fn spelled_year(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if w == "year" && self.low(i + 1) == "two" && self.low(i + 2) == "thousand" {
            let mut k = i + 3;
            let mut y = 2000;
            if self.low(k) == "and" {
                k += 1;
            }
            if let Some((n, e)) = self.word_number(k).filter(|(n, _)| (1..=99).contains(n)) {
                y += n;
                k = e;
            }
            return found(i, k, TimexType::Date, Sem::Abs(format!("{y}")));
        }
        let hundreds = match w {
            "nineteen" => 19,
            "eighteen" => 18,
            _ => return None,
        };
        let (n, k) = self.word_number(i + 1)?;
        if !(10..=99).contains(&n) {
            return None;
        }
        found(
            i,
            k,
            TimexType::Date,
            Sem::Abs(format!("{}", hundreds * 100 + n)),
        )
    }

    /// today, yesterday, tomorrow, tonight, with a part of day.
    pub(super) fn day_word(&self, i: usize) -> Option<Found> {
        let (days, tonight) = match self.low(i) {
            "today" => (0, false),
            "yesterday" => (-1, false),
            "tomorrow" => (1, false),
            "tonight" => (0, true),
            _ => return None,
        };
        if tonight {
            return found(
                i,
                i + 1,
                TimexType::Time,
                Sem::PartOfDay(Box::new(Sem::Days(0)), "NI".into()),
            );
        }
        let f = Found {
            start: i,
            end: i + 1,
            typ: TimexType::Date,
            sem: Sem::Days(days),
            quarterly: false,
        };
        Some(self.with_part_of_day(f))
    }

    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        if !self.capitalised(i) {
            return None;
        }
        let (end, v) = self.phrase_map(&HOLIDAYS, i)?;
        found(i, end, TimexType::Date, parse_holiday(v)?)
    }

    /// Two years in one token: "1957-58", "1994-1997". Returns byte spans and years.
    pub fn year_range(&self, i: usize) -> Option<[(Span, i32); 2]> {
        let t = self.t.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let (a, b) = t.raw.split_once('-')?;
        if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
            return None;
        }
        if !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        if i > 0 && YEAR_BLOCKERS.contains(self.low(i - 1)) {
            return None;
        }
        let y1: i32 = a.parse().ok()?;
        let y2: i32 = if b.len() == 2 {
            y1 / 100 * 100 + b.parse::<i32>().ok()?
        } else {
            b.parse().ok()?
        };
        if !(1900..=2099).contains(&y1) || y2 <= y1 || y2 - y1 > 30 {
            return None;
        }
        let s = t.span.start;
        Some([
            (Span::new(s, s + 4), y1),
            (Span::new(s + 5, s + 5 + b.len()), y2),
        ])
    }
}

/// Whether `f` reaches further than the best match so far.
pub(super) fn longer(best: &Option<Found>, f: &Found) -> bool {
    best.as_ref().is_none_or(|b| f.end > b.end)
}

/// "the" belongs to the expression for these ("the past year", "the 1980s", "the weekend",
/// "the fourth quarter", "the year two thousand", "the next morning").
fn the_joins(sem: &Sem) -> bool {
    match sem {
        Sem::Abs(v) => v.ends_with('X') || v.len() == 2,
        Sem::Units { .. }
        | Sem::Decade(_)
        | Sem::Quarter { .. }
        | Sem::ReportedQuarter { .. }
        | Sem::Half { .. }
        | Sem::Weekend { .. }
        | Sem::Season { .. } => true,
        Sem::PartOfDay(inner, _) => matches!(**inner, Sem::Days(_)),
        _ => false,
    }
}

/// The date in the part of a token after "mid-" or "late-": "1990s", "1996", "November".
pub(super) fn word_date(low: &str, raw: &str) -> Option<Sem> {
    if let Some(&m) = MONTHS.get(low) {
        if raw.chars().next().is_some_and(char::is_uppercase) {
            return Some(Sem::Month { month: m as u32 });
        }
        return None;
    }
    let digits = low.strip_suffix('s').unwrap_or(low);
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    if !(1000..=2099).contains(&y) {
        return None;
    }
    if low.ends_with('s') {
        return (y % 10 == 0).then(|| Sem::Abs(format!("{}X", y / 10)));
    }
    Some(Sem::Abs(format!("{y:04}")))
}
