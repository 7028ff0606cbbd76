//! Quarters and halves: "the third quarter", "third-quarter", "the latest period", "the
//! year-ago quarter", "the first half".

use super::grammar::{found, Found, Grammar};
use super::resolve::Sem;
use super::tables::ORDINALS;
use super::words::bit;
use super::TimexType;

impl Grammar<'_> {
    /// "the third quarter", "third-quarter", "the fiscal first quarter", "the latest quarter",
    /// "the year-ago period", "the first half".
    pub(super) fn quarter(&self, i: usize) -> Option<Found> {
        let mut j = i;
        if self.low(j) == "the" {
            j += 1;
        }
        // "the latest quarter", "the comparable year-ago period", "the same period last year".
        let mut k = j;
        let mut years = 0;
        while k < j + 3 {
            match self.low(k) {
                "latest" | "recent" | "most" | "same" | "comparable" | "corresponding"
                | "fiscal" => {}
                "year-ago" | "year-earlier" | "prior-year" | "year-before" => years = -1,
                _ => break,
            }
            k += 1;
        }
        if k > j
            && matches!(self.low(k), "quarter" | "period")
            && !(self.low(k) == "period" && self.low(k - 1) == "fiscal")
        {
            if let Some(-1) = self.year_rel(k + 1) {
                return found(
                    i,
                    k + 3,
                    TimexType::Date,
                    Sem::ReportedQuarter { years: -1 },
                );
            }
            return found(i, k + 1, TimexType::Date, Sem::ReportedQuarter { years });
        }
        if j > i
            && self.low(j) == "quarter"
            && !matches!(self.low(j + 1), "of" | "century" | "mile" | "point")
        {
            return found(i, j + 1, TimexType::Date, Sem::ReportedQuarter { years: 0 });
        }
        // "the year-ago third quarter", "the 1988 second quarter", "the 1988 quarter".
        let mut explicit_year = None;
        let mut prior = false;
        if j > i {
            if let Some(y) = self.year(j) {
                explicit_year = Some(y);
                j += 1;
                if matches!(self.low(j), "quarter" | "period") {
                    return found(
                        i,
                        j + 1,
                        TimexType::Date,
                        Sem::Quarter {
                            q: 0,
                            years: Some(y),
                        },
                    );
                }
            } else if matches!(self.low(j), "year-ago" | "year-earlier" | "prior-year") {
                prior = true;
                j += 1;
            }
        }
        if self.low(j) == "fiscal" {
            j += 1;
        }
        let w = self.low(j);
        let (q, mut k) = if let Some((a, b)) = w.split_once('-') {
            if b != "quarter" && b != "half" {
                return None;
            }
            (*ORDINALS.get(a)? as u32, j + 1)
        } else {
            let q = *self.table(j, bit::ORDINAL, &ORDINALS)? as u32;
            let mut k = j + 1;
            if self.low(k) == "fiscal" {
                k += 1;
            }
            if !matches!(self.low(k), "quarter" | "half") {
                return None;
            }
            (q, k + 1)
        };
        let half = self.low(k - 1) == "half" || w.ends_with("half");
        if q == 0 || q > if half { 2 } else { 4 } {
            return None;
        }
        let code = if half { 'H' } else { 'Q' };
        if let Some(y) = explicit_year {
            return found(i, k, TimexType::Date, Sem::Abs(format!("{y:04}-{code}{q}")));
        }
        let mut years = prior.then_some(-1);
        if self.low(k) == "of" {
            if let Some(y) = self.year(k + 1) {
                return found(
                    i,
                    k + 2,
                    TimexType::Date,
                    Sem::Abs(format!("{y:04}-{code}{q}")),
                );
            }
            if self.low(k + 1) == "fiscal" {
                if let Some(y) = self.year(k + 2) {
                    return found(
                        i,
                        k + 3,
                        TimexType::Date,
                        Sem::Abs(format!("{y:04}-{code}{q}")),
                    );
                }
            }
            if let Some(r) = self.year_rel(k + 1) {
                years = Some(r);
                k += 3;
            } else if self.low(k + 1) == "the" && self.low(k + 2) == "year" {
                years = Some(0);
                k += 3;
            }
        } else if self.year(k).is_some() && w.contains('-') {
            // "fourth-quarter 1989" is rare; leave the year to its own rule.
        }
        if half {
            if self.low(i) != "the" && years.is_none() {
                return None;
            }
            return found(
                i,
                k,
                TimexType::Date,
                Sem::Half {
                    h: q,
                    years: years.unwrap_or(0),
                },
            );
        }
        found(i, k, TimexType::Date, Sem::Quarter { q, years })
    }
}
