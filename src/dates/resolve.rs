//! Normalisation: what a parsed expression means, and its TimeML value against a reference date.
//!
//! Without a reference date, relative expressions keep X placeholders (`XXXX-01-04`,
//! `XXXX-WXX-6`); the clock is never consulted.

use crate::calendar::{days_in_month, Date};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub fn from_code(c: &str) -> Option<Unit> {
        Some(match c {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "FN" => Unit::Fortnight,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }
}

/// An amount of units; `None` is unspecified ("several", "a few").
pub type Amount = Option<f64>;

/// A TimeML duration: `P3M`, `PT16H`, `PXY`, `P2.5Y`.
pub fn duration(n: Amount, unit: Unit) -> String {
    let (n, code, time) = match unit {
        Unit::Second => (n, "S", true),
        Unit::Minute => (n, "M", true),
        Unit::Hour => (n, "H", true),
        Unit::Day => (n, "D", false),
        Unit::Week => (n, "W", false),
        Unit::Fortnight => (n.map(|x| x * 2.0), "W", false),
        Unit::Month => (n, "M", false),
        // TimeBank writes quarters as Q ("the past two quarters" = P2Q).
        Unit::Quarter => (n, "Q", false),
        Unit::Year => (n, "Y", false),
        // TimeBank writes decades and centuries as years ("four decades" = P40Y, "decades-long"
        // = PXY); an unknown number of centuries stays PXCE.
        Unit::Decade => (n.map(|x| x * 10.0), "Y", false),
        Unit::Century => match n {
            Some(x) => (Some(x * 100.0), "Y", false),
            None => (None, "CE", false),
        },
    };
    // "5 1/2 hours" is PT5H30M: TimeML writes halves in the next unit down.
    if let Some(x) = n {
        if x.fract() == 0.5 && x < 1e6 {
            let whole = x.trunc() as i64;
            let split = match unit {
                Unit::Year => Some(format!("P{whole}Y6M")),
                Unit::Day => Some(format!("P{whole}DT12H")),
                Unit::Hour => Some(format!("PT{whole}H30M")),
                Unit::Minute => Some(format!("PT{whole}M30S")),
                _ => None,
            };
            if let Some(v) = split {
                return v;
            }
        }
    }
    let amount = match n {
        None => "X".to_string(),
        Some(x) if x.fract() == 0.0 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
    };
    format!("P{}{amount}{code}", if time { "T" } else { "" })
}

/// Which way an underspecified date ("Friday", "March") points from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The last occurrence at or before the reference (news reports the past).
    Past,
    /// The next occurrence at or after it ("will meet Friday").
    Future,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// Needs no reference date: `1946-03-05`, `1990`, `199X`, `P3M`, `PRESENT_REF`.
    Abs(String),
    /// A day of a month in an unknown year.
    MonthDay {
        month: u32,
        day: u32,
    },
    /// A month in an unknown year.
    Month {
        month: u32,
    },
    /// A month (and day) in a year given relative to the reference: "June last year" (-1).
    MonthOfYear {
        month: u32,
        day: Option<u32>,
        years: i32,
    },
    /// "last November" (-1), "this September" (0), "next March" (1).
    MonthRel {
        month: u32,
        rel: i32,
    },
    /// ISO weekday; `rel` -1 "last", 0 unmarked, 1 "next", 2 "this".
    Weekday {
        weekday: u32,
        rel: i32,
    },
    /// Days from the reference: yesterday -1, today 0, tomorrow 1.
    Days(i64),
    /// Units from the reference at that unit's granularity: "last year" (Year, -1).
    Units {
        unit: Unit,
        n: Amount,
        sign: i32,
    },
    /// The decade `n` decades from the reference's: "the last decade" (-1) = `198X` in 1998.
    Decade(i32),
    /// A quarter; `years` None means the nearest plausible year. `q` 0 with `years` Some(y)
    /// is an unnamed quarter of year y ("the 1988 quarter").
    Quarter {
        q: u32,
        years: Option<i32>,
    },
    /// The last reported quarter ("the quarter", "the latest period"), `years` back.
    ReportedQuarter {
        years: i32,
    },
    /// A half year in the reference year (offset by `years`).
    Half {
        h: u32,
        years: i32,
    },
    Season {
        code: String,
        rel: i32,
    },
    /// The weekend before (or of) the reference date.
    Weekend {
        rel: i32,
    },
    /// A holiday in the reference year: month and day, or month + weekday + nth (5 = last),
    /// plus `shift` days.
    Holiday {
        month: u32,
        day: Option<u32>,
        weekday: u32,
        nth: u32,
        shift: i64,
    },
    /// End of the reference year (TimeBank: `YYYY-12-31`).
    YearEnd,
    /// A day with a part of day: "Friday night" = `...TNI`.
    PartOfDay(Box<Sem>, String),
    /// A day with a clock time.
    Clock(Box<Sem>, u32, u32),
}

/// How the value was obtained: from the reference date, needing none, or needing one that
/// was missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchored {
    Reference,
    Absolute,
    Missing,
}

fn ymd(d: Date) -> String {
    d.to_string()
}

fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + n;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

pub fn iso_week(d: Date) -> (i32, u32) {
    let thursday = d.add_days(4 - d.weekday() as i64);
    let jan1 = Date {
        year: thursday.year,
        month: 1,
        day: 1,
    };
    let ordinal = thursday.days_from_epoch() - jan1.days_from_epoch();
    (thursday.year, (ordinal / 7 + 1) as u32)
}

fn week(d: Date) -> String {
    let (y, w) = iso_week(d);
    format!("{y:04}-W{w:02}")
}

fn quarter_of(m: u32) -> u32 {
    (m - 1) / 3 + 1
}

fn season_start(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// Parses a holiday table value: `12-25` or `11-W4-4`.
pub fn parse_holiday(v: &str) -> Option<Sem> {
    let (v, shift) = match v.split_once('+') {
        Some((a, b)) => (a, b.parse::<i64>().ok()?),
        None => (v, 0),
    };
    let mut it = v.split('-');
    let month: u32 = it.next()?.parse().ok()?;
    let second = it.next()?;
    if let Some(wd) = second.strip_prefix('W') {
        let weekday: u32 = wd.parse().ok()?;
        let nth: u32 = it.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=7).contains(&weekday) && (1..=5).contains(&nth))
            .then_some(Sem::Holiday {
                month,
                day: None,
                weekday,
                nth,
                shift,
            })
    } else {
        let day: u32 = second.parse().ok()?;
        Date::new(2000, month, day)?;
        Some(Sem::Holiday {
            month,
            day: Some(day),
            weekday: 0,
            nth: 0,
            shift,
        })
    }
}

fn nth_weekday(year: i32, month: u32, weekday: u32, nth: u32) -> Option<Date> {
    if nth >= 5 {
        let last = Date::new(year, month, days_in_month(year, month))?;
        let back = (last.weekday() + 7 - weekday) % 7;
        return Some(last.add_days(-(back as i64)));
    }
    let first = Date::new(year, month, 1)?;
    let fwd = (weekday + 7 - first.weekday()) % 7;
    Some(first.add_days(fwd as i64 + 7 * (nth as i64 - 1)))
}

/// The year a month (and day) falls in, seen from `r`. Reporting leans to the past, but a
/// date up to a quarter ahead is usually an announced one ("the deadline is Jan. 14").
fn year_for(r: Date, month: u32, day: u32, lean: Lean) -> i32 {
    let at = |y: i32| {
        let d = day.min(days_in_month(y, month)).max(1);
        Date::new(y, month, d).map_or(0, |d| d.days_from_epoch() - r.days_from_epoch())
    };
    let years = [r.year - 1, r.year, r.year + 1];
    match lean {
        Lean::Past => years
            .iter()
            .rev()
            .copied()
            .find(|y| at(*y) <= 90)
            .unwrap_or(r.year),
        Lean::Future => years
            .iter()
            .copied()
            .find(|y| at(*y) >= -7)
            .unwrap_or(r.year),
    }
}

fn unresolved(sem: &Sem) -> String {
    match sem {
        Sem::Abs(v) => v.clone(),
        Sem::Decade(_) => "XXX".into(),
        Sem::MonthDay { month, day } => format!("XXXX-{month:02}-{day:02}"),
        Sem::Month { month } | Sem::MonthRel { month, .. } => format!("XXXX-{month:02}"),
        Sem::MonthOfYear {
            month,
            day: Some(d),
            ..
        } => format!("XXXX-{month:02}-{d:02}"),
        Sem::MonthOfYear {
            month, day: None, ..
        } => format!("XXXX-{month:02}"),
        Sem::Weekday { weekday, .. } => format!("XXXX-WXX-{weekday}"),
        Sem::Days(_) => "XXXX-XX-XX".into(),
        Sem::Units { unit, .. } => match unit {
            Unit::Year => "XXXX".into(),
            Unit::Decade => "XXX".into(),
            Unit::Century => "XX".into(),
            Unit::Quarter => "XXXX-QX".into(),
            Unit::Month => "XXXX-XX".into(),
            Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
            _ => "XXXX-XX-XX".into(),
        },
        Sem::Quarter {
            q: 0,
            years: Some(y),
        } => format!("{y:04}-QX"),
        Sem::Quarter { q, .. } => format!("XXXX-Q{q}"),
        Sem::ReportedQuarter { .. } => "XXXX-QX".into(),
        Sem::Half { h, .. } => format!("XXXX-H{h}"),
        Sem::Season { code, .. } => format!("XXXX-{code}"),
        Sem::Weekend { .. } => "XXXX-WXX-WE".into(),
        Sem::Holiday {
            month,
            day: Some(d),
            ..
        } => format!("XXXX-{month:02}-{d:02}"),
        Sem::Holiday { month, .. } => format!("XXXX-{month:02}-XX"),
        Sem::YearEnd => "XXXX-12-31".into(),
        Sem::PartOfDay(inner, code) => format!("{}T{code}", unresolved(inner)),
        Sem::Clock(inner, h, m) => format!("{}T{h:02}:{m:02}", unresolved(inner)),
    }
}

/// The value of `sem`, and whether it used the reference date.
pub fn value(sem: &Sem, reference: Option<Date>, lean: Lean) -> (String, Anchored) {
    if let Sem::Abs(v) = sem {
        return (v.clone(), Anchored::Absolute);
    }
    match reference.and_then(|r| resolved(sem, r, lean)) {
        Some(v) => (v, Anchored::Reference),
        None => (unresolved(sem), Anchored::Missing),
    }
}

fn resolved(sem: &Sem, r: Date, lean: Lean) -> Option<String> {
    Some(match sem {
        Sem::Abs(v) => v.clone(),
        Sem::MonthDay { month, day } => {
            let y = year_for(r, *month, *day, lean);
            ymd(Date::new(y, *month, *day).or(Date::new(y, *month, days_in_month(y, *month)))?)
        }
        Sem::Month { month } => {
            // A month is "past" once it has begun: "in January" written in January is this one.
            let y = match lean {
                Lean::Past => year_for(r, *month, 1, lean),
                Lean::Future => year_for(r, *month, 28, lean),
            };
            format!("{y:04}-{month:02}")
        }
        Sem::MonthOfYear { month, day, years } => match day {
            Some(d) => ymd(Date::new(r.year + years, *month, *d)?),
            None => format!("{:04}-{month:02}", r.year + years),
        },
        Sem::MonthRel { month, rel } => {
            let y = match rel.signum() {
                -1 if *month < r.month => r.year,
                -1 => r.year - 1,
                1 if *month > r.month => r.year,
                1 => r.year + 1,
                _ => r.year,
            };
            format!("{y:04}-{month:02}")
        }
        Sem::Weekday { weekday, rel } => {
            let wd = r.weekday() as i64;
            let target = *weekday as i64;
            let back = (wd - target).rem_euclid(7);
            let fwd = (target - wd).rem_euclid(7);
            let d = match rel {
                -1 => r.add_days(-(if back == 0 { 7 } else { back })),
                1 => r.add_days(if fwd == 0 { 7 } else { fwd }),
                2 => r.add_days(target - wd),
                _ if lean == Lean::Future => r.add_days(fwd),
                _ => r.add_days(-back),
            };
            ymd(d)
        }
        Sem::Days(n) => ymd(r.add_days(*n)),
        Sem::Units { unit, n, sign } => {
            let Some(n) = n else {
                return Some(if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
            };
            let k = (n * *sign as f64).round() as i64;
            match unit {
                Unit::Year => format!("{:04}", r.year as i64 + k),
                Unit::Decade => {
                    if k == 0 {
                        format!("{}X", r.year.div_euclid(10))
                    } else {
                        format!("{:04}", r.year as i64 + 10 * k)
                    }
                }
                Unit::Century => {
                    if k == 0 {
                        format!("{}", r.year.div_euclid(100))
                    } else {
                        format!("{:04}", r.year as i64 + 100 * k)
                    }
                }
                Unit::Quarter => {
                    let (y, m) = add_months(r.year, r.month, 3 * k);
                    format!("{y:04}-Q{}", quarter_of(m))
                }
                Unit::Month => {
                    let (y, m) = add_months(r.year, r.month, k);
                    format!("{y:04}-{m:02}")
                }
                Unit::Week => week(r.add_days(7 * k)),
                Unit::Fortnight => week(r.add_days(14 * k)),
                Unit::Day => ymd(r.add_days(k)),
                Unit::Hour | Unit::Minute | Unit::Second => {
                    let days = match unit {
                        Unit::Hour => k.div_euclid(24),
                        Unit::Minute => k.div_euclid(1440),
                        _ => k.div_euclid(86400),
                    };
                    ymd(r.add_days(days))
                }
            }
        }
        Sem::Decade(n) => format!("{}X", r.year.div_euclid(10) + n),
        Sem::Quarter { q: 0, years } => format!("{:04}-QX", years.unwrap_or(r.year)),
        Sem::Quarter { q, years } => {
            let y = match years {
                Some(k) => r.year + k,
                // "the fourth quarter" in February is last year's.
                None if *q > quarter_of(r.month) + 1 => r.year - 1,
                None => r.year,
            };
            format!("{y:04}-Q{q}")
        }
        Sem::ReportedQuarter { years } => {
            let (y, m) = add_months(r.year, r.month, -3);
            format!("{:04}-Q{}", y + years, quarter_of(m))
        }
        Sem::Half { h, years } => format!("{:04}-H{h}", r.year + years),
        Sem::Season { code, rel } => {
            let start = season_start(code);
            // Winter starts in December and is named by the year it starts in... except in
            // January and February, when "this winter" is the one under way.
            let cur_year = if code == "WI" && r.month <= 2 {
                r.year - 1
            } else {
                r.year
            };
            let begun = code == "WI" && r.month <= 2 || r.month >= start;
            let y = match rel {
                -1 if begun && r.month >= start + 3 => cur_year,
                -1 => cur_year - 1,
                1 if begun => cur_year + 1,
                1 => cur_year,
                2 => cur_year,
                _ if lean == Lean::Past && !begun => cur_year - 1,
                _ => cur_year,
            };
            format!("{y:04}-{code}")
        }
        Sem::Weekend { rel } => {
            let sat_back = (r.weekday() as i64 - 6).rem_euclid(7);
            let wd = r.weekday() as i64;
            let sat = match rel {
                1 => r.add_days((6 - wd).rem_euclid(7)),
                // "this weekend" written on a weekday is the coming one.
                2 if wd < 6 => r.add_days(6 - wd),
                _ => r.add_days(-sat_back),
            };
            format!("{}-WE", week(sat))
        }
        Sem::Holiday {
            month,
            day,
            weekday,
            nth,
            shift,
        } => {
            let on = |y: i32| {
                match day {
                    Some(d) => Date::new(y, *month, *d),
                    None => nth_weekday(y, *month, *weekday, *nth),
                }
                .map(|d| d.add_days(*shift))
            };
            let this = on(r.year)?;
            ymd(match lean {
                Lean::Past if this > r.add_days(90) => on(r.year - 1)?,
                Lean::Future if this < r => on(r.year + 1)?,
                _ => this,
            })
        }
        Sem::YearEnd => format!("{:04}-12-31", r.year),
        Sem::PartOfDay(inner, code) => format!("{}T{code}", resolved(inner, r, lean)?),
        Sem::Clock(inner, h, m) => format!("{}T{h:02}:{m:02}", resolved(inner, r, lean)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(sem: Sem, lean: Lean) -> String {
        value(&sem, Date::new(2014, 1, 5), lean).0
    }

    #[test]
    fn weekdays_resolve_around_a_sunday() {
        assert_eq!(
            v(Sem::Weekday { weekday: 7, rel: 0 }, Lean::Past),
            "2014-01-05"
        );
        assert_eq!(
            v(Sem::Weekday { weekday: 6, rel: 0 }, Lean::Past),
            "2014-01-04"
        );
        assert_eq!(
            v(Sem::Weekday { weekday: 1, rel: 0 }, Lean::Future),
            "2014-01-06"
        );
        assert_eq!(
            v(
                Sem::Weekday {
                    weekday: 7,
                    rel: -1
                },
                Lean::Past
            ),
            "2013-12-29"
        );
    }

    #[test]
    fn weeks_months_quarters_seasons() {
        assert_eq!(iso_week(Date::new(2014, 1, 5).unwrap()), (2014, 1));
        assert_eq!(iso_week(Date::new(2010, 1, 3).unwrap()), (2009, 53));
        assert_eq!(
            v(
                Sem::Units {
                    unit: Unit::Month,
                    n: Some(1.0),
                    sign: -1
                },
                Lean::Past
            ),
            "2013-12"
        );
        assert_eq!(v(Sem::Quarter { q: 4, years: None }, Lean::Past), "2013-Q4");
        assert_eq!(v(Sem::Quarter { q: 1, years: None }, Lean::Past), "2014-Q1");
        assert_eq!(
            v(
                Sem::Season {
                    code: "SU".into(),
                    rel: -1
                },
                Lean::Past
            ),
            "2013-SU"
        );
        assert_eq!(
            v(
                Sem::Season {
                    code: "WI".into(),
                    rel: 0
                },
                Lean::Past
            ),
            "2013-WI"
        );
        assert_eq!(
            v(Sem::MonthDay { month: 1, day: 4 }, Lean::Past),
            "2014-01-04"
        );
        assert_eq!(
            v(Sem::MonthDay { month: 5, day: 1 }, Lean::Past),
            "2013-05-01"
        );
        assert_eq!(
            v(Sem::MonthDay { month: 1, day: 14 }, Lean::Past),
            "2014-01-14"
        );
        assert_eq!(
            v(Sem::MonthDay { month: 12, day: 14 }, Lean::Past),
            "2013-12-14"
        );
        assert_eq!(
            v(Sem::MonthDay { month: 12, day: 14 }, Lean::Future),
            "2014-12-14"
        );
        assert_eq!(v(Sem::Month { month: 2 }, Lean::Past), "2014-02");
        assert_eq!(v(Sem::Month { month: 6 }, Lean::Past), "2013-06");
        assert_eq!(v(Sem::Weekend { rel: 0 }, Lean::Past), "2014-W01-WE");
        let wed = Date::new(2014, 1, 8);
        assert_eq!(
            value(&Sem::Weekend { rel: 2 }, wed, Lean::Past).0,
            "2014-W02-WE"
        );
    }

    #[test]
    fn holidays_and_durations() {
        let thanksgiving = parse_holiday("11-W4-4").unwrap();
        assert_eq!(
            value(&thanksgiving, Date::new(2013, 12, 1), Lean::Past).0,
            "2013-11-28"
        );
        let election = parse_holiday("11-W1-1+1").unwrap();
        assert_eq!(
            value(&election, Date::new(1998, 11, 20), Lean::Past).0,
            "1998-11-03"
        );
        assert_eq!(duration(Some(16.0), Unit::Hour), "PT16H");
        assert_eq!(duration(None, Unit::Year), "PXY");
        assert_eq!(duration(Some(4.0), Unit::Decade), "P40Y");
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration(Some(1.5), Unit::Week), "P1.5W");
    }

    #[test]
    fn missing_reference_keeps_placeholders() {
        let (val, a) = value(&Sem::MonthDay { month: 1, day: 4 }, None, Lean::Past);
        assert_eq!((val.as_str(), a), ("XXXX-01-04", Anchored::Missing));
        let (val, a) = value(&Sem::Abs("2013".into()), None, Lean::Past);
        assert_eq!((val.as_str(), a), ("2013", Anchored::Absolute));
    }
}
