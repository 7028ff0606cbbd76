//! Clock times: "10:35 a.m.", "4 a.m. EDT Thursday", "15:00 GMT Saturday", "noon Thursday",
//! "4 in the morning", "0735 GMT", "5 p.m. EST, Nov. 9".

use super::grammar::{found, Found, Grammar};
use super::resolve::Sem;
use super::TimexType;
use crate::lexicon::flag;
use crate::tokens::TokenKind;

/// Zone words with no fixed offset, or too often written loosely; the value keeps no offset.
const AMBIGUOUS_ZONES: &[&str] = &["ET", "PT", "CT", "MT", "IST", "CST", "EST", "EDT"];

impl Grammar<'_> {
    /// "10:35 a.m.", "4 a.m. EDT Thursday", "15:00 GMT Saturday", "noon Thursday",
    /// "4 in the morning", "0735 GMT".
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
        let start = if matches!(self.low(i), "around" | "about" | "at") {
            i + 1
        } else {
            i
        };
        let w = self.low(start);
        let mut k = start + 1;
        let (h, m) = if matches!(w, "noon" | "midday") {
            (12, 0)
        } else if w == "midnight" {
            (24, 0)
        } else if self.kind(start) == Some(TokenKind::Number) {
            let (num, suffix) = split_meridiem(w);
            let (h, m) = match num.split_once(':') {
                Some((a, b)) if b.len() == 2 => (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?),
                Some(_) => return None,
                None if num.len() == 4 && self.zone(k) => {
                    (num.get(..2)?.parse().ok()?, num.get(2..)?.parse().ok()?)
                }
                None if num.len() <= 2 => (num.parse::<u32>().ok()?, 0),
                None => return None,
            };
            if h > 24 || m > 59 {
                return None;
            }
            let mut h = h;
            let mut meridiem = suffix;
            if meridiem.is_none() {
                meridiem = match self.low(k) {
                    "a.m" | "am" | "a.m." => Some(false),
                    "p.m" | "pm" | "p.m." => Some(true),
                    _ => None,
                };
                if meridiem.is_some() {
                    k += 1;
                    if self.low(k) == "." && self.low(k - 1).contains('.') && self.period_is_part(k)
                    {
                        k += 1;
                    }
                }
            }
            if meridiem.is_none() && self.low(k) == "in" && self.low(k + 1) == "the" {
                if let Some((code, false)) = self.part_of_day(k + 2) {
                    meridiem = Some(matches!(code, "AF" | "EV" | "NI") && h < 12);
                    k += 3;
                }
            }
            match meridiem {
                Some(true) if h < 12 => h += 12,
                Some(false) if h == 12 => h = 0,
                _ => {}
            }
            let colon = num.contains(':');
            let zoned = self.zone(k);
            if meridiem.is_none() && !colon && !(num.len() == 4 && zoned) {
                return None;
            }
            if meridiem.is_none()
                && colon
                && !zoned
                && !matches!(
                    self.low(start.wrapping_sub(1)),
                    "at" | "around" | "about" | "by" | "until" | "before" | "after"
                )
            {
                return None;
            }
            (h, m)
        } else {
            return None;
        };
        if self.zone(k) {
            k += 1;
        }
        let mut day = Sem::Days(0);
        let after_comma = if self.low(k) == "," { k + 1 } else { k };
        if let Some(f) = self
            .month_expr(after_comma)
            .filter(|f| !matches!(f.sem, Sem::Month { .. }))
        {
            if !matches!(&f.sem, Sem::Abs(v) if v.len() != 10) {
                let first = if self.low(i) == "around" { i } else { start };
                return found(
                    first,
                    f.end,
                    TimexType::Time,
                    Sem::Clock(Box::new(f.sem), h, m),
                );
            }
        }
        if let Some((wd, false)) = self.weekday(k) {
            day = Sem::Weekday {
                weekday: wd,
                rel: 0,
            };
            k += 1;
        } else if let Some(f) = self
            .day_word(k)
            .filter(|f| f.end == k + 1 && matches!(f.sem, Sem::Days(_)))
        {
            day = f.sem;
            k += 1;
        }
        // "around 7:15 p.m." keeps its approximator (TimeBank does); "at" and "about" do not.
        let first = if self.low(i) == "around" { i } else { start };
        found(first, k, TimexType::Time, Sem::Clock(Box::new(day), h, m))
    }

    /// A period token right after "a.m" that is not also the sentence's full stop.
    pub(super) fn period_is_part(&self, k: usize) -> bool {
        k + 1 < self.len()
            && (self.same_sentence(k, k + 1) && !self.capitalised(k + 1)
                || self.zone(k + 1)
                || self.weekday(k + 1).is_some())
    }

    pub(super) fn zone(&self, k: usize) -> bool {
        // All upper-case letters: the lexicon's exact-case time-zone flag, or a loose zone.
        let f = self.flags(k);
        if f & (flag::ALL_UPPER | flag::ALPHA) != flag::ALL_UPPER | flag::ALPHA {
            return false;
        }
        let r = self.raw(k);
        r.bytes().all(|b| b.is_ascii_uppercase())
            && (f & flag::TIMEZONE != 0 || AMBIGUOUS_ZONES.contains(&r))
    }
}

/// "10am" -> ("10", Some(false)).
fn split_meridiem(w: &str) -> (&str, Option<bool>) {
    for (s, pm) in [("a.m", false), ("am", false), ("p.m", true), ("pm", true)] {
        if let Some(n) = w.strip_suffix(s) {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b':') {
                return (n, Some(pm));
            }
        }
    }
    (w, None)
}
