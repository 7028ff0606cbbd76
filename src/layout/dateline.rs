//! Datelines: "BAGHDAD (Reuters) - ", "NAIROBI, Kenya (AP) _", "Washington (CNN) -- ",
//! "(CNN) -- ", "WASHINGTON — ", and the CoNLL/wire line "LONDON 1996-08-30".
//!
//! A place without an agency must be in capitals (so a sentence that starts "Kerry - the
//! ..." is not a dateline) or a known place (`lexicon::is_place`: "Washington: ...",
//! "Charleston, SC — ..."); a Title Case place may also stand before a known agency in
//! brackets. A wire date may sit in the dateline ("SAO PAULO, Nov 7 (Reuters) -"). After a
//! capitalised place the source in brackets may be any ("NEW YORK (The Borowitz Report)—");
//! a known agency alone needs no dash ("(CNN)Never mind...").

use std::sync::LazyLock;

use regex::Regex;

use super::{lexicon, stamps};
use crate::tables::{AGENCIES, MONTHS};
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
/// "Nov 7", "November 7, 2012" after a wire dateline's place.
const WIRE_DATE: &str = r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))?";

static CAPS_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{CAPS_WORD}(?:\s+{CAPS_WORD}){{0,3}}{REGION}){WIRE_DATE}\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?(?P<dash>{DASH})"
    ))
    .expect("valid dateline regex")
});

/// "Washington: ...", "Los Angeles | ...", "Charleston, SC — ...": a Title Case place, to be
/// found in the gazetteer.
static TITLE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?)\s*(?P<dash>:|\||--|—|–)\s",
    )
    .expect("valid dateline regex")
});

static STOPWORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::tables::entries(include_str!("../../data/layout/dateline_stopwords.txt"))
        .map(|(_, l)| l.trim().to_string())
        .collect()
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
    let d = match_one(text, para, s, true).or_else(|| title_place(text, para, s))?;
    // Something must follow the dash, after a space ("US-led" is a word, not a dateline),
    // except after a long dash or a bracket ("(CNN)Never mind", "(Reuters)—The").
    let rest = &text[d.span.end..para.end];
    let glued = text[..d.span.end].ends_with(['—', '–', ')']) || text[..d.span.end].ends_with("--");
    let next = rest.chars().next();
    let starts_well = next.is_some_and(char::is_whitespace)
        || glued && next.is_some_and(|c| c.is_uppercase() || "\"“'‘".contains(c));
    if rest.trim().is_empty() || !starts_well {
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
    if !PLACE_ONLY.is_match(s) {
        return None;
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

/// "Washington: Turnout was high", "Los Angeles | Yoko Ono said": a gazetteer place in Title
/// Case before a colon, a bar or a dash.
fn title_place(text: &str, base: Span, s: &str) -> Option<Dateline> {
    if !TITLE_PLACE.is_match(s) {
        return None;
    }
    let c = TITLE_PLACE.captures(s)?;
    if !lexicon::is_place(c.name("city")?.as_str()) {
        return None;
    }
    let at = |m: regex::Match| Span::new(base.start + m.start(), base.start + m.end());
    Some(Dateline {
        span: trim(text, at(c.get(0)?)),
        place: Some(trim(text, at(c.name("place")?))),
        agency: None,
        date: None,
    })
}

/// The month-day date of a wire dateline, with its ISO 8601 value ("--11-07" when the year
/// is not written).
fn wire_date(text: &str, span: Span) -> Option<(Span, String)> {
    let s = &text[span.start..span.end];
    let month = s
        .split_whitespace()
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let m = *MONTHS.get(&month)?;
    if let Some((_, Some(v))) = stamps::parse_expression(s) {
        return Some((span, v));
    }
    let day: u32 = s
        .split_whitespace()
        .nth(1)?
        .trim_end_matches(',')
        .parse()
        .ok()?;
    (1..=31)
        .contains(&day)
        .then(|| (span, format!("--{m:02}-{day:02}")))
}

fn match_one(text: &str, base: Span, s: &str, need_dash: bool) -> Option<Dateline> {
    let at = |m: regex::Match| Span::new(base.start + m.start(), base.start + m.end());
    // The lazy DFA rules most lines out; only a match pays for the capture groups.
    let caps = CAPS_PLACE
        .is_match(s)
        .then(|| CAPS_PLACE.captures(s))
        .flatten();
    if let Some(c) = caps {
        let place = c.name("place")?;
        let first_word = place.as_str().split([' ', ',']).next().unwrap_or("");
        let stop = STOPWORDS.iter().any(|w| w == first_word);
        let date = match c.name("date") {
            Some(d) => Some(wire_date(text, at(d))?),
            None => None,
        };
        // One capitalised word alone ("US - ...") is too often a sentence start.
        if !stop && (place.as_str().len() >= 3 || c.name("agency").is_some()) {
            return Some(Dateline {
                span: at(c.get(0)?),
                place: Some(trim(text, at(place))),
                agency: c.name("agency").map(|a| trim(text, at(a))),
                date,
            });
        }
    }
    if !AGENCY_PLACE.is_match(s) {
        return None;
    }
    let c = AGENCY_PLACE.captures(s)?;
    let agency = c.name("agency")?;
    // "(CNN)Never mind ...": a known agency opening the lead needs no dash.
    let bare_agency = c.name("place").is_none() && c.get(0)?.start() == 0;
    if !known_agency(agency.as_str().trim())
        || (need_dash && c.name("dash").is_none() && !bare_agency)
    {
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
    fn more_wire_datelines() {
        let p = |s: &str| prefix(s).map(|d| d.0);
        assert_eq!(p("(CNN)Never mind cats.").as_deref(), Some("(CNN)"));
        assert_eq!(
            p("NEW YORK (The Borowitz Report)—Donald Trump said.").as_deref(),
            Some("NEW YORK (The Borowitz Report)—")
        );
        assert_eq!(
            p("Washington: Turnout was high.").as_deref(),
            Some("Washington:")
        );
        assert_eq!(
            p("Charleston, SC — Bill Murray said.").as_deref(),
            Some("Charleston, SC —")
        );
        let s = "SAO PAULO, Nov 7 (Reuters) - Brazil's economy grew.";
        let d = parse_prefix(s, Span::new(0, s.len())).unwrap();
        assert_eq!(&s[d.span.start..d.span.end], "SAO PAULO, Nov 7 (Reuters) -");
        let (date, value) = d.date.unwrap();
        assert_eq!(
            (&s[date.start..date.end], value.as_str()),
            ("Nov 7", "--11-07")
        );
    }

    #[test]
    fn sentences_are_not_datelines() {
        assert!(prefix("BREAKING – Trump defies Obama").is_none());
        assert!(prefix("Summary: For the last six months we worked.").is_none());
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
