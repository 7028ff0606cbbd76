//! The grammar's rules: at each token, the longest temporal expression starting there.
//!
//! Every rule looks at a bounded window of tokens ahead, so a region costs linear time. This
//! file holds the dispatcher and the calendar rules (weekdays, months, years, holidays);
//! `grammar` the token view and word-level rules; `relative`, `quarters`, `durations` and
//! `clock` add the other rules to `Grammar`.

use super::grammar::{found, longer, Found, Grammar, MONTH_CONTEXT};
use super::resolve::{parse_holiday, Sem};
use super::tables::{DECADES, MONTHS, ORDINALS};
use super::words::bit;
use super::TimexType;
use crate::text::Span;
use crate::tokens::TokenKind;

const AMBIGUOUS_MONTHS: &[&str] = &["may", "march"];

impl Grammar<'_> {
    /// The longest expression starting at token `i`, which the caller has checked can start
    /// one (`can_start`).
    pub fn at(&self, i: usize) -> Option<Found> {
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
        let s = self.start_bits(i);
        let duration =
            bit::APPROXIMATOR | bit::S_DURATION | bit::NUM | bit::NUMBER | bit::UNIT | bit::HYPHEN;
        if s & duration != 0 {
            consider(self.duration(i));
        }
        if s & (bit::SET | bit::S_SET) != 0 {
            consider(self.set(i));
        }
        // A clock time at `i` is already `core(i)`'s, through `modified`.
        if let Some((end, v)) = self.reference(i).filter(|(e, _)| self.low(*e) != "of") {
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
        if let Some(k) = self.modifier(i) {
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
            if let Some(k) = self.modifier(after_the) {
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
        let s = self.start_bits(i);
        if s == 0 {
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
        // Each rule runs only on a token it can start on.
        if s & (bit::WEEKDAY | bit::WEEKDAYS) != 0 {
            consider(self.weekday_expr(i));
        }
        if s & bit::MONTH != 0 {
            consider(self.month_expr(i));
        }
        if s & bit::NUM != 0 {
            consider(self.day_month(i));
        }
        if s & (bit::S_YEAR | bit::DECADE | bit::NUM | bit::ORDINAL) != 0 {
            consider(self.year_expr(i));
        }
        if s & (bit::S_RELATIVE | bit::SEASON | bit::RELATIVE) != 0 {
            consider(self.relative(i));
        }
        if s & (bit::S_QUARTER | bit::ORDINAL | bit::HYPHEN) != 0 {
            consider(self.quarter(i));
        }
        if s & bit::S_DAY != 0 {
            consider(self.day_word(i));
        }
        if s & bit::HYPHEN != 0 {
            consider(self.hyphenated(i));
        }
        consider(self.holiday(i));
        if s & (bit::S_CLOCK | bit::NUM) != 0 {
            consider(self.clock(i));
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
        if let Some(v) = self.table(i, bit::DECADE, &DECADES) {
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
        if let Some(&n) = self.table(i, bit::ORDINAL, &ORDINALS) {
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
        // `holiday_name` tests the bits of the form with its possessive.
        if !self.capitalised(i) {
            return None;
        }
        let (end, v) = self.holiday_name(i)?;
        found(i, end, TimexType::Date, parse_holiday(v)?)
    }

    /// Two years in one token: "1957-58", "1994-1997". Returns byte spans and years.
    pub fn year_range(&self, i: usize) -> Option<[(Span, i32); 2]> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let (a, b) = self.raw(i).split_once('-')?;
        if a.len() != 4 || !(b.len() == 2 || b.len() == 4) {
            return None;
        }
        if !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        if i > 0 && self.is(i - 1, bit::YEAR_BLOCKER) {
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
        let s = self.span(i)?.start;
        Some([
            (Span::new(s, s + 4), y1),
            (Span::new(s + 5, s + 5 + b.len()), y2),
        ])
    }
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
