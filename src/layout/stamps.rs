//! Publication stamps: "Published 5 January 2014", "Updated 12:34 GMT, Sunday, 5 January 2014",
//! "January 5, 2014 10:00 a.m. EDT", "2014-01-05T10:00:00Z", "3 hours ago".
//!
//! A line is a stamp only if every word in it is part of the date: a label, weekday, month,
//! day, year, clock time, zone or filler ("at", "on"). Anything else means it is prose.

use crate::calendar::{Date, Time};
use crate::tables::{MONTHS, TIMEZONES, WEEKDAYS};
use crate::text::{AsciiLower, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampKind {
    Published,
    Updated,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// `None` for a bare date line with no label.
    pub kind: Option<StampKind>,
    /// The date expression, without its label.
    pub span: Span,
    /// ISO 8601 (`2014-01-05`, `2014-01`, `2014-01-05T12:34+00:00`); `None` when relative.
    pub value: Option<String>,
}

const LABELS: &[(&str, StampKind)] = &[
    ("first published", StampKind::Published),
    ("published", StampKind::Published),
    ("posted", StampKind::Published),
    ("last updated", StampKind::Updated),
    ("updated", StampKind::Updated),
    ("last modified", StampKind::Updated),
    ("modified", StampKind::Updated),
];

/// Zone words that carry no fixed offset; the time keeps no offset.
const AMBIGUOUS_ZONES: &[&str] = &["ET", "PT", "CT", "MT", "IST", "CST", "AT"];
const FILLERS: &[&str] = &[
    "at", "on", "local", "time", "|", "-", "–", "—", "/", "•", "·",
];
const RELATIVE_UNITS: &[&str] = &[
    "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "hr", "hrs", "hour",
    "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// Parses a whole trimmed line as a stamp.
pub fn parse_line(text: &str, line: Span) -> Option<Stamp> {
    let s = &text[line.start..line.end];
    if s.len() > 120 || s.is_empty() {
        return None;
    }
    let mut kind = None;
    let mut body_start = 0;
    let b = s.as_bytes();
    for (label, k) in LABELS {
        let n = label.len();
        if b.len() >= n && b[..n].eq_ignore_ascii_case(label.as_bytes()) {
            let rest = &b[n..];
            if rest.is_empty() || !rest[0].is_ascii_alphabetic() {
                kind = Some(*k);
                body_start = label.len();
                break;
            }
        }
    }
    let parsed = parse_expression(&s[body_start..])?;
    Some(Stamp {
        kind,
        span: Span::new(
            line.start + body_start + parsed.0.start,
            line.start + body_start + parsed.0.end,
        ),
        value: parsed.1,
    })
}

/// Parses a date expression that makes up all of `s` (fillers aside). Returns the span of the
/// meaningful part within `s` and the ISO value (`None` for relative stamps like "3 hours ago").
pub fn parse_expression(s: &str) -> Option<(Span, Option<String>)> {
    let toks = tokens(s);
    let mut year: Option<i32> = None;
    let mut month: Option<u32> = None;
    let mut day: Option<u32> = None;
    let mut time: Option<(u32, u32)> = None;
    let mut offset: Option<i32> = None;
    let mut relative = false;
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut i = 0;
    while i < toks.len() {
        let (span, tok) = toks[i];
        let word = tok.trim_end_matches(['.', ',', ':', ';']);
        let lower = AsciiLower::new(word);
        let lw = lower.as_str();
        let mut meaningful = true;
        // "24 July 2012 Last updated at 12:01": a label after the date joins a second clock.
        let mid_label = first.is_some()
            && matches!(lw, "last" | "updated" | "published" | "posted" | "modified");
        if word.is_empty() || FILLERS.contains(&lw) || lw == "by" || mid_label {
            meaningful = false;
        } else if let Some((d, t)) = iso(word) {
            year = Some(d.year);
            month = Some(d.month);
            day = Some(d.day);
            if let Some(t) = t {
                time = Some((t.hour, t.minute));
                offset = t.offset_minutes.or(offset);
            }
        } else if let Some((m, d, y)) = numeric_date(word) {
            if month.is_some() || day.is_some() || year.is_some() {
                return None;
            }
            year = Some(y);
            month = Some(m);
            day = Some(d);
        } else if let Some(&m) = MONTHS.get(lw) {
            if month.is_some() {
                return None;
            }
            month = Some(m as u32);
        } else if WEEKDAYS.contains_key(lw) {
        } else if let Some(&off) = TIMEZONES.get(word) {
            offset = Some(off);
        } else if AMBIGUOUS_ZONES.contains(&word) {
        } else if let Some((h, m, pm)) = clock(lw) {
            let mut h = h;
            let next = toks.get(i + 1).map(|t| AsciiLower::new(t.1));
            let meridiem = pm.or(match next.as_ref().map(AsciiLower::as_str) {
                Some("am" | "a.m." | "a.m") => Some(false),
                Some("pm" | "p.m." | "p.m") => Some(true),
                _ => None,
            });
            if pm.is_none() && meridiem.is_some() {
                i += 1;
                last = toks[i].0.end;
            }
            match meridiem {
                Some(true) if h < 12 => h += 12,
                Some(false) if h == 12 => h = 0,
                _ => {}
            }
            time = Some((h, m));
        } else if let Ok(n) = ordinal(word).parse::<u32>() {
            let next = toks.get(i + 1).map(|t| AsciiLower::new(t.1));
            let unit = next
                .as_ref()
                .map(|u| u.as_str().trim_end_matches(['.', ',']));
            if unit.is_some_and(|u| RELATIVE_UNITS.contains(&u))
                && toks
                    .get(i + 2)
                    .is_some_and(|t| t.1.eq_ignore_ascii_case("ago"))
            {
                relative = true;
                i += 2;
                last = toks[i].0.end;
                first.get_or_insert(span.start);
                i += 1;
                continue;
            }
            if word.len() == 4 && (1800..=2200).contains(&n) && year.is_none() {
                year = Some(n as i32);
            } else if (1..=31).contains(&n) && day.is_none() && word.len() <= 4 {
                day = Some(n);
            } else {
                return None;
            }
        } else {
            return None;
        }
        if meaningful {
            first.get_or_insert(span.start);
            last = last.max(span.end - (tok.len() - word.len()));
        }
        i += 1;
    }
    let first = first?;
    let span = Span::new(first, last.max(first));
    if relative {
        return (year.is_none() && month.is_none()).then_some((span, None));
    }
    let (y, m) = (year?, month?);
    let value = match day {
        Some(d) => {
            let date = Date::new(y, m, d)?;
            match time {
                Some((h, mi)) if h < 24 && mi < 60 => {
                    let t = Time {
                        hour: h,
                        minute: mi,
                        offset_minutes: offset,
                    };
                    format!("{date}T{t}")
                }
                Some(_) => return None,
                None => date.to_string(),
            }
        }
        None if time.is_none() => format!("{y:04}-{m:02}"),
        None => return None,
    };
    Some((span, Some(value)))
}

/// Whitespace/comma separated tokens with their spans in `s`.
fn tokens(s: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || c == ',' || c == '|' || c == '(' || c == ')';
        match (sep, start) {
            (true, Some(st)) => {
                out.push((Span::new(st, i), &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((Span::new(st, s.len()), &s[st..]));
    }
    out
}

/// `11/12/2012`, `8/21/12`: month first (the US order these scrapes use) unless the first
/// number cannot be a month. Returns (month, day, year).
fn numeric_date(w: &str) -> Option<(u32, u32, i32)> {
    let mut parts = w.split('/');
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || ![a, b, c]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|x| x.is_ascii_digit()))
        || a.len() > 2
        || b.len() > 2
        || !(c.len() == 2 || c.len() == 4)
    {
        return None;
    }
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let y: i32 = c.parse().ok()?;
    let y = if c.len() == 2 { 2000 + y } else { y };
    let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d, y))
}

fn ordinal(w: &str) -> &str {
    for suf in ["st", "nd", "rd", "th"] {
        if let Some(n) = w.strip_suffix(suf) {
            if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                return n;
            }
        }
    }
    w
}

/// "12:34", "12.34", "4pm", "4:30pm", "10:00:00".
fn clock(w: &str) -> Option<(u32, u32, Option<bool>)> {
    let (body, pm) = if let Some(b) = w.strip_suffix("pm").or_else(|| w.strip_suffix("p.m")) {
        (b, Some(true))
    } else if let Some(b) = w.strip_suffix("am").or_else(|| w.strip_suffix("a.m")) {
        (b, Some(false))
    } else {
        (w, None)
    };
    let mut parts = body.split([':', '.']);
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None if pm.is_some() => 0,
        None => return None,
    };
    if let Some(sec) = parts.next() {
        if sec.len() != 2 || !sec.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if parts.next().is_some() || h > 24 || m > 59 || (pm.is_some() && !(1..=12).contains(&h)) {
        return None;
    }
    Some((h, m, pm))
}

/// `2014-01-05`, `2014-01-05T10:00`, `2014-01-05T10:00:00Z`, `2014-01-05T10:00:00+01:00`.
pub fn iso(w: &str) -> Option<(Date, Option<Time>)> {
    let date = Date::parse_iso(w)?;
    let rest = w.get(10..).unwrap_or("");
    if rest.is_empty() {
        return Some((date, None));
    }
    let rest = &rest[1..];
    let (clock_part, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(p) => (&rest[..p], Some(&rest[p..])),
        None => (rest, None),
    };
    let mut parts = clock_part.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let offset_minutes = match zone {
        None => None,
        Some("Z" | "z") => Some(0),
        Some(z) => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z[1..].chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 {
                return None;
            }
            let h: i32 = digits[..2].parse().ok()?;
            let m: i32 = digits[2..].parse().ok()?;
            Some(sign * (h * 60 + m))
        }
    };
    Some((
        date,
        Some(Time {
            hour,
            minute,
            offset_minutes,
        }),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(s: &str) -> Option<(Option<StampKind>, String, Option<String>)> {
        parse_line(s, Span::new(0, s.len()))
            .map(|st| (st.kind, s[st.span.start..st.span.end].to_string(), st.value))
    }

    #[test]
    fn labelled_stamps() {
        assert_eq!(
            stamp("Published 5 January 2014"),
            Some((
                Some(StampKind::Published),
                "5 January 2014".into(),
                Some("2014-01-05".into())
            ))
        );
        let (k, t, v) = stamp("Updated 12:34 GMT, Sunday, 5 January 2014").unwrap();
        assert_eq!(k, Some(StampKind::Updated));
        assert_eq!(t, "12:34 GMT, Sunday, 5 January 2014");
        assert_eq!(v.as_deref(), Some("2014-01-05T12:34+00:00"));
        assert_eq!(
            stamp("Posted: Jan. 5, 2014 4:30 p.m. EDT").and_then(|s| s.2),
            Some("2014-01-05T16:30-04:00".into())
        );
    }

    #[test]
    fn bare_and_relative_stamps() {
        assert_eq!(
            stamp("5 January 2014").unwrap().2.as_deref(),
            Some("2014-01-05")
        );
        assert_eq!(
            stamp("2014-01-05T10:00:00Z").unwrap().2.as_deref(),
            Some("2014-01-05T10:00+00:00")
        );
        let (_, t, v) = stamp("Published 3 hours ago").unwrap();
        assert_eq!((t.as_str(), v), ("3 hours ago", None));
    }

    #[test]
    fn date_then_update_time() {
        let (k, t, v) = stamp("24 July 2012 Last updated at 12:01 ET").unwrap();
        assert_eq!(k, None);
        assert_eq!(t, "24 July 2012 Last updated at 12:01 ET");
        assert_eq!(v.as_deref(), Some("2012-07-24T12:01"));
        let (k, _, v) = stamp("updated 5:08 PM EDT, Thu November 1, 2012").unwrap();
        assert_eq!(k, Some(StampKind::Updated));
        assert_eq!(v.as_deref(), Some("2012-11-01T17:08-04:00"));
    }

    #[test]
    fn numeric_dates_read_month_first() {
        assert_eq!(
            stamp("Posted: 08/09/2012 9:21 am").and_then(|s| s.2),
            Some("2012-08-09T09:21".into())
        );
        assert_eq!(
            stamp("11/12/2012 15:23 PST").and_then(|s| s.2),
            Some("2012-11-12T15:23-08:00".into())
        );
        assert_eq!(
            stamp("25/12/2012").and_then(|s| s.2),
            Some("2012-12-25".into())
        );
        assert!(stamp("13/13/2012").is_none());
        assert!(stamp("1/2/3/4").is_none());
    }

    #[test]
    fn prose_is_not_a_stamp() {
        assert!(stamp("Sunni fighters in Fallujah, 4 January").is_none());
        assert!(stamp("Published by the UN in 2014").is_none());
        assert!(stamp("Middle East").is_none());
        assert!(stamp("31 February 2014").is_none());
        assert!(stamp("May").is_none());
    }
}
