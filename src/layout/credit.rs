//! Credit lines: a byline and a date stamp sharing one line, as blogs and 2012-era pages print
//! them: "by Jane Doe on 26 October 2012, 4:24 PM", "Posted August 7th, 2012 / By Jane Doe in
//! Social", "Date:November 5, 2012 | Category:Tips | Author:Jane Doe", "Monday, November 12,
//! 2012, by Jane Doe", "November 2, 2012 7:39 pm AEST — By Jane Doe", "Jane Doe on November 8,
//! 2012". A line that is only a stamp is `stamps`' and one that is only a byline `byline`'s.
//!
//! The line is cut into tokens and every token must be accounted for: the stamp (the longest
//! run of tokens `stamps::parse_expression` reads as an absolute date), the byline (a `by` cue
//! and the names after it, or a bare name before `on DATE`), labels ("Posted", "Updated",
//! "Date:"), separators, a "Category: X" or trailing "in X" section, a later stamp ("Updated
//! ...") and, beside a stamp, one short source segment ("ReligionNewsBlog.com • Monday ...").
//! Anything else means the line is prose.

use super::byline::{self, Byline};
use super::stamps::{self, Stamp, StampKind};
use crate::text::{AsciiLower, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Credit {
    pub byline: Option<Byline>,
    pub stamp: Option<Stamp>,
    /// The source or section segment beside a stamp with no byline ("In Depth" in "In Depth |
    /// 24 July 2012").
    pub label: Option<Span>,
}

/// Longest line read as a credit line.
const MAX_LEN: usize = 200;

/// Words that label a stamp or a byline, or join them ("on", "at").
const LABELS: &[&str] = &[
    "posted",
    "posted:",
    "published",
    "published:",
    "updated",
    "updated:",
    "modified",
    "modified:",
    "last",
    "first",
    "date:",
    "date",
    "on",
    "at",
    "written",
    "post",
    "filed",
    "filed:",
    "|",
    "-",
    "–",
    "—",
    "/",
    "•",
    "·",
    "::",
];
const SEPARATORS: &[&str] = &["|", "-", "–", "—", "/", "•", "·"];
/// Label words glued to their value ("Date:November", "Author:Jane").
const GLUED: &[&str] = &[
    "date:",
    "author:",
    "category:",
    "by:",
    "posted:",
    "published:",
];

#[derive(Clone, Copy)]
struct Tok<'a> {
    span: Span,
    s: &'a str,
}

fn tokens<'a>(text: &'a str, line: Span) -> Vec<Tok<'a>> {
    let s = &text[line.start..line.end];
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let start = line.start + (w.as_ptr() as usize - s.as_ptr() as usize);
        let b = w.as_bytes();
        let glued = GLUED
            .iter()
            .find(|g| b.len() > g.len() && b[..g.len()].eq_ignore_ascii_case(g.as_bytes()));
        match glued {
            Some(g) => {
                out.push(Tok {
                    span: Span::new(start, start + g.len()),
                    s: &w[..g.len()],
                });
                out.push(Tok {
                    span: Span::new(start + g.len(), start + w.len()),
                    s: &w[g.len()..],
                });
            }
            None => out.push(Tok {
                span: Span::new(start, start + w.len()),
                s: w,
            }),
        }
    }
    out
}

fn bare(w: &str) -> &str {
    w.trim_end_matches([',', ';'])
}

/// A token that can open a date: a digit, a month or a weekday.
fn date_start(w: &str) -> bool {
    let w = bare(w).trim_end_matches('.');
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return true;
    }
    let w = AsciiLower::new(w);
    crate::tables::MONTHS.contains_key(w.as_str())
        || crate::tables::WEEKDAYS.contains_key(w.as_str())
}

/// Whether `s` has four ASCII digits in a row or a digit followed by `/`: what every year a
/// stamp reads is written with (`stamps::parse_expression`: ISO dates, numeric dates, years).
fn could_hold_year(s: &[u8]) -> bool {
    let mut run = 0;
    for (i, &b) in s.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 4 {
                return true;
            }
        } else {
            if b == b'/' && run > 0 && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// The longest token run `[i, j)` that reads as an absolute date, from `from` on.
fn find_stamp(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize, Span, String)> {
    let mut best: Option<(usize, usize, Span, String)> = None;
    for i in from..toks.len() {
        if !date_start(toks[i].s) {
            continue;
        }
        for j in (i + 1..=toks.len().min(i + 10)).rev() {
            if best.as_ref().is_some_and(|b| b.1 - b.0 >= j - i) {
                break;
            }
            let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
            let Some((inner, Some(value))) = stamps::parse_expression(&text[span.start..span.end])
            else {
                continue;
            };
            let inner = Span::new(span.start + inner.start, span.start + inner.end);
            // The run must end where the date does (not on a trailing filler word).
            let end = toks[..j]
                .iter()
                .rposition(|t| t.span.start < inner.end)
                .map_or(j, |k| k + 1);
            best = Some((i, end, inner, value));
            break;
        }
        if best.is_some() {
            break;
        }
    }
    best
}

fn is_cue(w: &str) -> bool {
    matches!(AsciiLower::new(w).as_str(), "by" | "by:" | "author:")
}

fn is_label(w: &str) -> bool {
    LABELS.contains(&AsciiLower::new(w).as_str())
}

/// Parses a whole trimmed line as a credit line holding a stamp, a byline or both; `None` for
/// prose and for lines that are only one of them (`stamps::parse_line`, `byline::parse_line`).
pub fn parse_line(text: &str, line: Span) -> Option<Credit> {
    if line.len() > MAX_LEN || line.is_empty() {
        return None;
    }
    // A credit line needs a stamp with a value, which needs a year: four digits in a row, or a
    // numeric date's slash ("11/08/12"). Without either no token run can be one, and the
    // search below (up to ten runs from every date-like token) is skipped.
    if !could_hold_year(text.as_bytes().get(line.start..line.end).unwrap_or(&[])) {
        return None;
    }
    let toks = tokens(text, line);
    if toks.len() < 2 {
        return None;
    }
    let mut used = vec![false; toks.len()];
    let stamp = find_stamp(text, &toks, 0);
    if let Some((i, j, _, _)) = &stamp {
        used[*i..*j].iter_mut().for_each(|u| *u = true);
    }
    let mut by: Option<(usize, usize)> = None;
    if let Some(k) = toks.iter().position(|t| is_cue(t.s)) {
        let end = name_run(&toks, k + 1, &used, stamp.is_some());
        if end > k + 1 {
            // "Posted by", "Post written by", "Written by" belong to the byline.
            let mut start = k;
            while start > 0
                && matches!(
                    toks[start - 1].s.to_ascii_lowercase().as_str(),
                    "posted" | "written" | "post"
                )
                && !used[start - 1]
            {
                start -= 1;
            }
            by = Some((start, end));
        }
    } else if let Some((i, _, _, _)) = &stamp {
        // "Jane Doe on November 8, 2012": a bare name before the stamp.
        let before = toks[..*i]
            .iter()
            .rposition(|t| !is_label(t.s))
            .map_or(0, |k| k + 1);
        if (2..=4).contains(&before)
            && toks[..before]
                .iter()
                .all(|t| byline::is_name_word(bare(t.s)))
            && toks[before..*i]
                .iter()
                .any(|t| t.s.eq_ignore_ascii_case("on"))
        {
            by = Some((0, before));
        }
    }
    if let Some((a, b)) = by {
        used[a..b].iter_mut().for_each(|u| *u = true);
    }
    stamp.as_ref()?;
    let label = explained(text, &toks, &mut used, true)?;
    // A line that is only a stamp or only a byline is left to those parsers.
    match (&stamp, by) {
        (None, _) => return None,
        (Some(_), None) if used_only_stamp(&toks, &stamp) => return None,
        _ => {}
    }
    let byline = by.map(|(a, b)| {
        let end = toks[b - 1].span.start + bare(toks[b - 1].s).len();
        let span = Span::new(toks[a].span.start, end);
        let cue = toks[a..b]
            .iter()
            .position(|t| is_cue(t.s))
            .map_or(a, |c| a + c + 1);
        let names = Span::new(toks[cue.min(b - 1)].span.start, end);
        Byline {
            span,
            authors: byline::names_in(text, names),
        }
    });
    let stamp = stamp.map(|(i, _, inner, value)| {
        let label = i > 0 && {
            let l = toks[i - 1].s.to_ascii_lowercase();
            l.starts_with("updated") || l.starts_with("modified")
        };
        Stamp {
            kind: Some(if label {
                StampKind::Updated
            } else {
                StampKind::Published
            }),
            span: inner,
            value: Some(value),
        }
    });
    Some(Credit {
        label: label.filter(|_| byline.is_none()),
        byline,
        stamp,
    })
}

fn used_only_stamp(toks: &[Tok], stamp: &Option<(usize, usize, Span, String)>) -> bool {
    stamp
        .as_ref()
        .is_some_and(|(i, j, _, _)| toks[..*i].iter().chain(&toks[*j..]).all(|t| is_label(t.s)))
}

/// End (exclusive) of the names after a `by` cue starting at token `from`.
fn name_run(toks: &[Tok], from: usize, used: &[bool], has_stamp: bool) -> usize {
    let mut k = from;
    while k < toks.len() && !used[k] {
        let w = toks[k].s;
        let b = bare(w);
        let lw = b.to_ascii_lowercase();
        if is_label(w) || lw == "in" || lw == "and" && k == from {
            break;
        }
        let handle = k == from
            && has_stamp
            && b.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
            && b.chars().any(char::is_alphabetic);
        let bracket = b.starts_with('[') && b.ends_with(']');
        let after_bracket = k > from && bare(toks[k - 1].s).ends_with(']') && has_stamp;
        // Role and outlet words after a name stay in the byline ("by Jane Doe Writer").
        let role = k > from
            && crate::tables::BYLINE_ORG_WORDS
                .iter()
                .any(|o| o.eq_ignore_ascii_case(b))
            && b.starts_with(char::is_uppercase);
        let name = byline::is_name_word(b)
            || role
            || byline::is_name_particle(&lw) && k > from
            || lw == "and"
            || b == "&"
            || bracket
            || handle
            || after_bracket;
        if !name {
            break;
        }
        k += 1;
        // "By Jane Doe, 10 November 2010": the comma ends the names before a date.
        if w.ends_with(',') && toks.get(k).is_some_and(|t| used[k] || date_start(t.s)) {
            break;
        }
    }
    k
}

/// Marks the tokens labels, separators, sections and a source segment account for. `None`
/// when some token is not accounted for, else the source segment's span if there is one.
fn explained(text: &str, toks: &[Tok], used: &mut [bool], has_stamp: bool) -> Option<Option<Span>> {
    let mut k = 0;
    let mut source: Option<Option<Span>> = None;
    while k < toks.len() {
        if used[k] {
            k += 1;
            continue;
        }
        let w = toks[k].s;
        let lw = bare(w).to_ascii_lowercase();
        if is_label(w) || is_label(bare(w)) {
            used[k] = true;
            k += 1;
            continue;
        }
        // "Category:Tips & Advice" up to the next separator; "in Social" after a byline.
        if lw == "category:" || lw == "in" && k > 0 && used[k - 1] {
            let mut e = k + 1;
            while e < toks.len() && !used[e] && !SEPARATORS.contains(&toks[e].s) {
                e += 1;
            }
            if e - k > 6 {
                return None;
            }
            used[k..e].iter_mut().for_each(|u| *u = true);
            k = e;
            continue;
        }
        // A later stamp ("Updated Nov. 7, 2012 2:48 pm").
        if let Some((i, j, _, _)) = find_stamp(text, toks, k).filter(|s| s.0 == k) {
            used[i..j].iter_mut().for_each(|u| *u = true);
            k = j;
            continue;
        }
        // A clock after "Last updated at" ("24 July 2012 Last updated at 12:01 ET").
        if k > 0 && used[k - 1] && clock_or_zone(w) {
            used[k] = true;
            k += 1;
            continue;
        }
        // One short source segment beside a stamp, up to a separator or the stamp.
        if has_stamp && source.is_none() {
            let mut e = k;
            while e < toks.len() && !used[e] && !SEPARATORS.contains(&toks[e].s) {
                e += 1;
            }
            // Set off by a separator ("Site.com • Monday ..."), not run into the date
            // ("LONDON 1996-08-30" is a dateline, "They met on 4 May 1990." a sentence).
            let set_off = toks.get(e).is_some_and(|t| SEPARATORS.contains(&t.s))
                || k > 0 && SEPARATORS.contains(&toks[k - 1].s);
            if e - k <= 3 && set_off && !toks[k..e].iter().any(|t| t.s.contains("(@")) {
                // Only a label set off by a bar is a section ("In Depth | 24 July 2012").
                let section = k == 0 && toks.get(e).is_some_and(|t| t.s == "|");
                source = Some(section.then(|| {
                    Span::new(
                        toks[k].span.start,
                        toks[e - 1].span.start + bare(toks[e - 1].s).len(),
                    )
                }));
                used[k..e].iter_mut().for_each(|u| *u = true);
                k = e;
                continue;
            }
        }
        return None;
    }
    Some(source.flatten())
}

/// "12:01", "5pm", "PM", "ET", "GMT".
fn clock_or_zone(w: &str) -> bool {
    let b = bare(w);
    let l = b.to_ascii_lowercase();
    matches!(l.as_str(), "am" | "pm" | "a.m." | "p.m.")
        || crate::tables::TIMEZONES.contains_key(b)
        || matches!(b, "ET" | "PT" | "CT" | "MT")
        || b.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && b.contains(':')
            && b.bytes()
                .all(|c| c.is_ascii_digit() || c == b':' || c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (byline, stamp text, stamp value)
    fn credit(s: &str) -> Option<(Option<&str>, Option<&str>, Option<String>)> {
        parse_line(s, Span::new(0, s.len())).map(|c| {
            (
                c.byline.map(|b| &s[b.span.start..b.span.end]),
                c.stamp.as_ref().map(|st| &s[st.span.start..st.span.end]),
                c.stamp.and_then(|st| st.value),
            )
        })
    }

    #[test]
    fn a_year_is_needed() {
        assert!(could_hold_year(b"By Jane Doe, Nov 8, 2012"));
        assert!(could_hold_year(b"Posted 11/08/12 by Jane"));
        assert!(!could_hold_year(b"By Jane Doe, 3 hours ago"));
        assert!(!could_hold_year(b"12:01 GMT, 300 people"));
    }

    #[test]
    fn byline_and_stamp_share_a_line() {
        assert_eq!(
            credit("by Jane Doe on 26 October 2012, 4:24 PM"),
            Some((
                Some("by Jane Doe"),
                Some("26 October 2012, 4:24 PM"),
                Some("2012-10-26T16:24".into())
            ))
        );
        let (b, st, _) = credit("Posted August 7th, 2012 / By Jim Roe in Social").unwrap();
        assert_eq!((b, st), (Some("By Jim Roe"), Some("August 7th, 2012")));
        let (b, st, _) =
            credit("Date:November 5, 2012 | Category:Tips & Advice | Author:Ann Lee").unwrap();
        assert_eq!((b, st), (Some("Author:Ann Lee"), Some("November 5, 2012")));
        let (b, st, _) = credit("Monday, November 12, 2012, by Matt Kay").unwrap();
        assert_eq!(
            (b, st),
            (Some("by Matt Kay"), Some("Monday, November 12, 2012"))
        );
        let (b, _, _) = credit("Modified on August 31, 2012 by Tom Ross").unwrap();
        assert_eq!(b, Some("by Tom Ross"));
        let (b, st, _) =
            credit("by Kim Lee Published Nov. 7, 2012 11:11 am Updated Nov. 7, 2012 2:48 pm")
                .unwrap();
        assert_eq!((b, st), (Some("by Kim Lee"), Some("Nov. 7, 2012 11:11 am")));
        let (b, st, _) = credit("By Lim Ho, 10 November 2010").unwrap();
        assert_eq!((b, st), (Some("By Lim Ho"), Some("10 November 2010")));
        let (b, _, _) =
            credit("Posted by Ann Lee - Friday, October 26, 2012 at 5:15:00 PM").unwrap();
        assert_eq!(b, Some("Posted by Ann Lee"));
        let (b, _, _) = credit("Dan Cole on November 8, 2012, 12:00 AM").unwrap();
        assert_eq!(b, Some("Dan Cole"));
    }

    #[test]
    fn a_source_beside_a_stamp_is_no_byline() {
        let (b, st, _) = credit("ExampleNews.com • Monday October 29, 2012").unwrap();
        assert_eq!((b, st), (None, Some("Monday October 29, 2012")));
        let s = "In Depth | 24 July 2012";
        let c = parse_line(s, Span::new(0, s.len())).unwrap();
        assert_eq!(c.label.map(|l| &s[l.start..l.end]), Some("In Depth"));
        assert!(credit("They met on 4 January 1990.").is_none());
        assert!(credit("LONDON 1996-08-30").is_none());
        // A tweet's signature is not a credit line.
        assert!(credit("— Jane Doe (@janedoe) November 7, 2012").is_none());
    }

    #[test]
    fn prose_and_plain_lines_are_left_alone() {
        assert!(credit("By Sunday, 5 January 2014, the army had pulled out").is_none());
        assert!(credit("The meeting on 5 January 2014 was cancelled by the mayor").is_none());
        // Only a stamp, only a byline: other parsers' lines.
        assert!(credit("Published 5 January 2014").is_none());
        assert!(credit("By John Smith").is_none());
    }
}
