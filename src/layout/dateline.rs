//! Datelines: "BAGHDAD (Reuters) - ", "NAIROBI, Kenya (AP) _", "Washington (CNN) -- ",
//! "(CNN) -- ", "WASHINGTON — ", and the CoNLL/wire line "LONDON 1996-08-30".
//!
//! A place without an agency must be in capitals (so a sentence that starts "Kerry - the
//! ..." is not a dateline); a Title Case place needs a known agency in brackets.

use std::sync::LazyLock;

use regex::Regex;

use super::stamps;
use crate::tables::AGENCIES;
use crate::text::{trim, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    /// The whole dateline, dash included.
    pub span: Span,
    pub place: Option<Span>,
    pub agency: Option<Span>,
    /// A date written in the dateline, with its ISO value.
    pub date: Option<(Span, String)>,
}

const CAPS_WORD: &str = r"[A-Z][A-Z'’.\-]+";
const ANY_WORD: &str = r"[A-Z][\w'’.\-]*";
const REGION: &str = r"(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,2})?";
const DASH: &str = r"(?:--|—|–|-|_)";

static CAPS_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_WORD}(?:\s+{CAPS_WORD}){{0,3}}{REGION})\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?(?P<dash>{DASH})"
    ))
    .expect("valid dateline regex")
});

static AGENCY_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{ANY_WORD}(?:\s+{ANY_WORD}){{0,3}}{REGION})?\s*\((?P<agency>[^()\n]{{1,40}})\)\s*(?P<dash>{DASH})?"
    ))
    .expect("valid dateline regex")
});

static PLACE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_WORD}(?:\s+{CAPS_WORD}){{0,3}}{REGION})\s+"
    ))
    .expect("valid dateline regex")
});

fn known_agency(s: &str) -> bool {
    AGENCIES.iter().any(|a| a == s)
}

/// A dateline at the start of a paragraph. The paragraph's body starts at `span.end`.
pub fn parse_prefix(text: &str, para: Span) -> Option<Dateline> {
    let s = &text[para.start..para.end];
    if s.len() < 4 || !(s.as_bytes()[0].is_ascii_uppercase() || s.as_bytes()[0] == b'(') {
        return None;
    }
    let d = match_one(text, para, s, true)?;
    // Something must follow the dash, after a space ("US-led" is a word, not a dateline).
    let rest = &text[d.span.end..para.end];
    if rest.trim().is_empty() || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Dateline {
        span: trim(text, d.span),
        ..d
    })
}

/// A line that is only a dateline: "NAIROBI, Kenya (AP) _", "LONDON 1996-08-30".
pub fn parse_line(text: &str, line: Span) -> Option<Dateline> {
    let s = &text[line.start..line.end];
    if s.len() > 80 || !(s.as_bytes().first()?.is_ascii_uppercase() || s.starts_with('(')) {
        return None;
    }
    if let Some(d) = match_one(text, line, s, false) {
        if trim(text, Span::new(d.span.end, line.end)).is_empty() {
            return Some(Dateline { span: line, ..d });
        }
    }
    let caps = PLACE_ONLY.captures(s)?;
    let place = caps.name("place")?;
    let rest_start = caps.get(0)?.end();
    let (span, value) = stamps::parse_expression(&s[rest_start..])?;
    let value = value?;
    let date = Span::new(
        line.start + rest_start + span.start,
        line.start + rest_start + span.end,
    );
    Some(Dateline {
        span: line,
        place: Some(Span::new(
            line.start + place.start(),
            line.start + place.end(),
        )),
        agency: None,
        date: Some((date, value)),
    })
}

fn match_one(text: &str, base: Span, s: &str, need_dash: bool) -> Option<Dateline> {
    let at = |m: regex::Match| Span::new(base.start + m.start(), base.start + m.end());
    if let Some(c) = CAPS_PLACE.captures(s) {
        let agency_ok = c
            .name("agency")
            .is_none_or(|a| known_agency(a.as_str().trim()));
        let place = c.name("place")?;
        // One capitalised word alone ("US - ...") is too often a sentence start.
        if agency_ok && (place.as_str().len() >= 3 || c.name("agency").is_some()) {
            return Some(Dateline {
                span: at(c.get(0)?),
                place: Some(trim(text, at(place))),
                agency: c.name("agency").map(|a| trim(text, at(a))),
                date: None,
            });
        }
    }
    let c = AGENCY_PLACE.captures(s)?;
    let agency = c.name("agency")?;
    if !known_agency(agency.as_str().trim()) || (need_dash && c.name("dash").is_none()) {
        return None;
    }
    Some(Dateline {
        span: at(c.get(0)?),
        place: c.name("place").map(|p| trim(text, at(p))),
        agency: Some(trim(text, at(agency))),
        date: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(s: &str) -> Option<(String, Option<String>, Option<String>)> {
        parse_prefix(s, Span::new(0, s.len())).map(|d| {
            let get = |o: Option<Span>| o.map(|p| s[p.start..p.end].to_string());
            (
                s[d.span.start..d.span.end].to_string(),
                get(d.place),
                get(d.agency),
            )
        })
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            prefix("BAGHDAD (Reuters) - Bombs killed 19."),
            Some((
                "BAGHDAD (Reuters) -".into(),
                Some("BAGHDAD".into()),
                Some("Reuters".into())
            ))
        );
        assert_eq!(
            prefix("(CNN) -- A man was arrested.").unwrap().2.as_deref(),
            Some("CNN")
        );
        assert_eq!(
            prefix("Washington (CNN) -- The Senate voted.")
                .unwrap()
                .1
                .as_deref(),
            Some("Washington")
        );
        assert_eq!(
            prefix("WASHINGTON — The Senate voted.").unwrap().0,
            "WASHINGTON —"
        );
        assert_eq!(
            prefix("DAR ES SALAAM, Tanzania (AP) _ The bomb.")
                .unwrap()
                .1
                .as_deref(),
            Some("DAR ES SALAAM, Tanzania")
        );
    }

    #[test]
    fn sentences_are_not_datelines() {
        assert!(prefix("Kerry - the secretary of state - said so.").is_none());
        assert!(prefix("The US secretary of state has said").is_none());
        assert!(prefix("Fallujah (a city) - is west of Baghdad").is_none());
        assert!(prefix("US-led forces entered.").is_none());
    }

    #[test]
    fn dateline_lines() {
        let s = "LONDON 1996-08-30";
        let d = parse_line(s, Span::new(0, s.len())).unwrap();
        assert_eq!(d.date.unwrap().1, "1996-08-30");
        let s = "NAIROBI, Kenya (AP) _";
        assert!(parse_line(s, Span::new(0, s.len())).is_some());
        let s = "Middle East";
        assert!(parse_line(s, Span::new(0, s.len())).is_none());
    }
}
