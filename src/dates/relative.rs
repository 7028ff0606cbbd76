//! "last year", "this week", "next month", "last Friday", "last November", "this summer",
//! "last night", "the past year", "the weekend", "the year".

use super::grammar::{found, Found, Grammar};
use super::resolve::{duration, Sem, Unit};
use super::tables::{RELATIVE_WORDS, SEASONS};
use super::words::bit;
use super::TimexType;

impl Grammar<'_> {
    /// "last year", "this week", "next month", "last Friday", "last November", "this summer",
    /// "last night", "this morning", "the past year", "the weekend".
    pub(super) fn relative(&self, i: usize) -> Option<Found> {
        let w = self.low(i);
        if w == "weekend" {
            return found(i, i + 1, TimexType::Date, Sem::Weekend { rel: 0 });
        }
        if w == "year" && self.low(i + 1) == "end" {
            return found(i, i + 2, TimexType::Date, Sem::YearEnd);
        }
        if matches!(w, "month" | "week") && self.low(i.wrapping_sub(1)) == "the" {
            let unit = if w == "month" {
                Unit::Month
            } else {
                Unit::Week
            };
            if !matches!(self.low(i + 1), "of" | "ended" | "ending") {
                return found(
                    i,
                    i + 1,
                    TimexType::Date,
                    Sem::Units {
                        unit,
                        n: Some(1.0),
                        sign: 0,
                    },
                );
            }
        }
        if w == "year" && !matches!(self.low(i + 1), "-" | "'s") {
            if matches!(self.low(i + 1), "ended" | "ending" | "through" | "to") {
                return found(i, i + 1, TimexType::Duration, Sem::Abs("P1Y".into()));
            }
            if i > 0 && matches!(self.low(i - 1), "the" | "full" | "fiscal") {
                return found(
                    i,
                    i + 1,
                    TimexType::Date,
                    Sem::Units {
                        unit: Unit::Year,
                        n: Some(1.0),
                        sign: 0,
                    },
                );
            }
        }
        if let Some(code) = self.table(i, bit::SEASON, &SEASONS) {
            let k = if self.low(i + 1) == "of" {
                i + 2
            } else {
                i + 1
            };
            if let Some((y, e)) = self.any_year(k) {
                return found(i, e, TimexType::Date, Sem::Abs(format!("{y:04}-{code}")));
            }
            if self.low(i.wrapping_sub(1)) == "the" && w != "fall" {
                return found(
                    i,
                    i + 1,
                    TimexType::Date,
                    Sem::Season {
                        code: code.clone(),
                        rel: 0,
                    },
                );
            }
        }
        if w == "full" || w == "fiscal" {
            if let Some(f) = self.relative(i + 1).filter(|f| f.end == i + 2) {
                return found(i, f.end, f.typ, f.sem);
            }
        }
        let &rel = self.table(i, bit::RELATIVE, &RELATIVE_WORDS)?;
        let j = i + 1;
        let sentence_start = i == 0 || !self.same_sentence(i - 1, i);
        if self.capitalised(i) && self.capitalised(j) && !sentence_start {
            return None;
        }
        let next = self.low(j);
        let sign = if rel == 2 { 0 } else { rel };
        if let Some((Unit::Year, false)) = self.unit(j) {
            let possessive = self.possessive(j);
            if possessive && matches!(self.low(j + 1), "quarter" | "period") {
                return found(
                    i,
                    j + 2,
                    TimexType::Date,
                    Sem::ReportedQuarter { years: sign },
                );
            }
            if possessive {
                if let Some(f) = self.quarter(j + 1) {
                    if let Sem::Quarter { q, years: None } = f.sem {
                        return found(
                            i,
                            f.end,
                            f.typ,
                            Sem::Quarter {
                                q,
                                years: Some(sign),
                            },
                        );
                    }
                }
            }
        }
        if let Some((unit, false)) = self.unit(j) {
            if unit == Unit::Day && rel != 1
                || matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
            {
                return None;
            }
            if unit == Unit::Quarter && self.low(j + 1) == "of" {
                return None;
            }
            // "the past decade" is a stretch of time; "the past year" is annotated as a date.
            if w == "past" && matches!(unit, Unit::Decade | Unit::Century) {
                return found(
                    i,
                    j + 1,
                    TimexType::Duration,
                    Sem::Abs(duration(Some(1.0), unit)),
                );
            }
            if unit == Unit::Decade {
                return found(i, j + 1, TimexType::Date, Sem::Decade(sign));
            }
            return found(
                i,
                j + 1,
                TimexType::Date,
                Sem::Units {
                    unit,
                    n: Some(1.0),
                    sign,
                },
            );
        }
        if next == "weekend" {
            return found(i, j + 1, TimexType::Date, Sem::Weekend { rel });
        }
        if let Some((wd, false)) = self.weekday(j) {
            let f = Found {
                start: i,
                end: j + 1,
                typ: TimexType::Date,
                sem: Sem::Weekday { weekday: wd, rel },
                quarterly: false,
            };
            return Some(self.with_part_of_day(f));
        }
        if let Some((m, k)) = self.month(j) {
            if self.day(k).is_none() {
                return found(i, k, TimexType::Date, Sem::MonthRel { month: m, rel });
            }
        }
        if let Some(code) = self.table(j, bit::SEASON, &SEASONS) {
            return found(
                i,
                j + 1,
                TimexType::Date,
                Sem::Season {
                    code: code.clone(),
                    rel,
                },
            );
        }
        if (rel == 2 || rel == -1) && next == "fiscal" {
            if let Some((unit @ (Unit::Year | Unit::Quarter), false)) = self.unit(j + 1) {
                return found(
                    i,
                    j + 2,
                    TimexType::Date,
                    Sem::Units {
                        unit,
                        n: Some(1.0),
                        sign,
                    },
                );
            }
        }
        if let Some((code, false)) = self.part_of_day(j) {
            let days = match (w, code) {
                ("last", "NI") => -1,
                ("this", _) => 0,
                ("next" | "following", _) => 1,
                _ => return None,
            };
            return found(
                i,
                j + 1,
                TimexType::Time,
                Sem::PartOfDay(Box::new(Sem::Days(days)), code.into()),
            );
        }
        None
    }
}
