//! Durations ("three days", "almost seven years", "16-hour"), "N units ago", and sets ("daily",
//! "every morning", "each Thursday").

use super::grammar::{found, Found, Grammar};
use super::parse::word_date;
use super::resolve::{duration, Amount, Sem, Unit};
use super::tables::{NUMBERS, SEASONS, SETS, UNITS};
use super::words::bit;
use super::TimexType;
use crate::tokens::TokenKind;

impl Grammar<'_> {
    /// One hyphenated token: "third-quarter", "16-hour", "three-month", "year-earlier",
    /// "mid-1990s", "late-November", "day-long".
    pub(super) fn hyphenated(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if !w.contains('-') {
            return None;
        }
        let parts: Vec<&str> = w.split('-').collect();
        let first = *parts.first()?;
        let rest = w.get(first.len() + 1..)?;
        if matches!(first, "mid" | "early" | "late" | "post" | "pre") {
            let raw_rest = self.raw(i).get(first.len() + 1..)?;
            return word_date(rest, raw_rest).and_then(|sem| found(i, i + 1, TimexType::Date, sem));
        }
        match (first, rest) {
            ("year", "earlier" | "ago" | "before") => {
                let sem = Sem::Units {
                    unit: Unit::Year,
                    n: Some(1.0),
                    sign: -1,
                };
                return Some(Found {
                    start: i,
                    end: i + 1,
                    typ: TimexType::Date,
                    sem,
                    quarterly: true,
                });
            }
            ("year", "end") => return found(i, i + 1, TimexType::Date, Sem::YearEnd),
            _ => {}
        }
        // A year range inside one token is split by the caller.
        let mut parts = parts;
        match parts.last() {
            // Ages ("6-year-old") are not annotated as durations.
            Some(&"old") => return None,
            Some(&"long") => {
                parts.pop();
            }
            _ => {}
        }
        let (&unit_word, amount) = parts.split_last()?;
        let unit = Unit::from_code(UNITS.get(unit_word)?)?;
        let n: Amount = match amount {
            [] if unit_word.ends_with('s') => None,
            [] => Some(1.0),
            [d] if d.bytes().all(|b| b.is_ascii_digit()) => Some(d.parse::<u32>().ok()? as f64),
            [a] => {
                let n = *NUMBERS.get(*a)?;
                if n < 0 || *a == "a" || *a == "an" {
                    None
                } else {
                    Some(n as f64)
                }
            }
            [a, b] => {
                let (a, b) = (*NUMBERS.get(*a)?, *NUMBERS.get(*b)?);
                if !(20..=90).contains(&a) || !(1..=9).contains(&b) {
                    return None;
                }
                Some((a + b) as f64)
            }
            _ => return None,
        };
        if unit == Unit::Quarter {
            return None;
        }
        found(i, i + 1, TimexType::Duration, Sem::Abs(duration(n, unit)))
    }

    /// Durations: "three days", "the past two months", "almost seven years", "a few days";
    /// with "ago"/"earlier", the date that long before the reference: "50 years ago".
    pub(super) fn duration(&self, i: usize) -> Option<Found> {
        let mut j = self.approximator(i).unwrap_or(i);
        let approx = j > i;
        if approx && matches!(self.low(i), "over" | "some" | "just") && self.low(j) == "the" {
            return None;
        }
        let mut the = false;
        if self.low(j) == "the"
            || self.low(j) == "each" && self.low(j + 1) == "of" && self.low(j + 2) == "the"
        {
            the = true;
            j += if self.low(j) == "the" { 1 } else { 3 };
        }
        let mut rel = None;
        if matches!(
            self.low(j),
            "past"
                | "last"
                | "next"
                | "coming"
                | "first"
                | "previous"
                | "following"
                | "final"
                | "remaining"
                | "another"
                | "additional"
                | "further"
                | "recent"
        ) {
            rel = Some(self.low(j));
            j += 1;
        }
        let (n, mut k) = match self.number(j) {
            Some(x) => x,
            None if rel.is_some() && self.unit(j).is_some_and(|(_, plural)| plural) => (None, j),
            None if !the
                && self.low(j + 1) == "ago"
                && self.unit(j).is_some_and(|(_, plural)| plural) =>
            {
                (None, j)
            }
            None if !the
                && !approx
                && matches!(self.low(i.wrapping_sub(1)), "for" | "within")
                && self.unit(j).is_some_and(|(_, plural)| plural) =>
            {
                (None, j)
            }
            None => return None,
        };
        if matches!(self.low(k), "more" | "additional" | "full" | "straight" | "consecutive" | "whole" | "long" | "trading" | "business" | "working" | "and" if self.low(k) != "and" || self.low(k + 1) == "a" && self.low(k + 2) == "half")
        {
            k += if self.low(k) == "and" { 3 } else { 1 };
        }
        let (unit, _) = self.unit(k)?;
        let word = self.low(j);
        if matches!(unit, Unit::Second | Unit::Quarter) && self.year(j).is_some() {
            return None;
        }
        let article = word == "a" || word == "an";
        if article && matches!(unit, Unit::Second | Unit::Quarter)
            || unit == Unit::Quarter && n.is_some_and(|x| x < 2.0)
        {
            return None;
        }
        if n.is_none() && k == j && rel == Some("recent") {
            return None;
        }
        let mut end = k + 1;
        let after = self.low(end);
        // An age ("52 years old"), not a duration.
        if after == "old" {
            return None;
        }
        if !the && rel.is_none() && (after == "ago" || after == "earlier" && n.is_some() && !approx)
        {
            let quarterly = article && unit == Unit::Year;
            let sem = Sem::Units { unit, n, sign: -1 };
            return Some(Found {
                start: i,
                end: end + 1,
                typ: TimexType::Date,
                sem,
                quarterly,
            });
        }
        if !the && rel.is_none() && after == "from" && self.low(end + 1) == "now" {
            return found(i, end + 2, TimexType::Date, Sem::Units { unit, n, sign: 1 });
        }
        if article && !the && rel.is_none() && !approx {
            let prev = self.kind(i.wrapping_sub(1));
            let prev_low = self.low(i.wrapping_sub(1));
            let money = (i.saturating_sub(4)..i)
                .any(|k| matches!(self.low(k), "$" | "cents" | "million" | "billion"));
            if money {
                return None;
            }
            if prev == Some(TokenKind::Number) || matches!(prev_low, "times" | "once" | "twice") {
                let start = if matches!(prev_low, "once" | "twice") {
                    i - 1
                } else {
                    i
                };
                return found(
                    start,
                    end,
                    TimexType::Set,
                    Sem::Abs(duration(Some(1.0), unit)),
                );
            }
        }
        if self.low(end) == "or" {
            if let Some((_, true)) = self.unit(end + 1).filter(|_| n.is_none()) {
                end += 2;
            }
        }
        found(i, end, TimexType::Duration, Sem::Abs(duration(n, unit)))
    }

    /// "daily", "every day", "each Thursday", "each July", "every morning", "per year".
    pub(super) fn set(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if let Some(v) = self.table(i, bit::SET, &SETS) {
            if self.kind(i).is_some() && !self.possessive(i) {
                return found(i, i + 1, TimexType::Set, Sem::Abs(v.clone()));
            }
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        if self.low(j) == "other" && w != "per" {
            j += 1;
        }
        let every_other = j > i + 1;
        if let Some((unit, false)) = self.unit(j) {
            let n = if every_other { 2.0 } else { 1.0 };
            return found(i, j + 1, TimexType::Set, Sem::Abs(duration(Some(n), unit)));
        }
        if w == "per" {
            return None;
        }
        if let Some((wd, false)) = self.weekday(j) {
            if let Some((code, false)) = self.part_of_day(j + 1) {
                return found(
                    i,
                    j + 2,
                    TimexType::Set,
                    Sem::Abs(format!("XXXX-WXX-{wd}T{code}")),
                );
            }
            return found(i, j + 1, TimexType::Set, Sem::Abs(format!("XXXX-WXX-{wd}")));
        }
        if let Some((m, k)) = self.month(j) {
            return found(i, k, TimexType::Set, Sem::Abs(format!("XXXX-{m:02}")));
        }
        if let Some((code, false)) = self.part_of_day(j) {
            return found(
                i,
                j + 1,
                TimexType::Set,
                Sem::Abs(format!("XXXX-XX-XXT{code}")),
            );
        }
        if let Some(code) = self.table(j, bit::SEASON, &SEASONS) {
            return found(i, j + 1, TimexType::Set, Sem::Abs(format!("XXXX-{code}")));
        }
        None
    }
}
