//! Dates: machine-readable values (ISO 8601, numeric, the URL's path), the precedence of
//! date meta tags, and the visible date lines of a page ("Published on 3 March 2024",
//! "Updated ...", a text node that is only a date).

use std::sync::LazyLock;

use regex::Regex;

use super::super::dom::{Dom, Id};
use super::bylines::{in_furniture, next_element};
use super::DateLabel;
use crate::tables::{MONTHS, WEEKDAYS};

/// Meta tag precedence for dates: lower wins.
pub(super) fn date_rank(key: &str) -> Option<u8> {
    Some(match key {
        "article:published_time" | "datepublished" => 0,
        "og:published_time" | "published_time" | "publishdate" | "publish-date"
        | "published-date" | "published_date" | "publish_date" | "published" => 1,
        "sailthru.date" | "parsely-pub-date" | "dc.date.issued" | "citation_publication_date" => 2,
        "date" | "pubdate" | "dc.date" | "dcterms.date" | "dcterms.created"
        | "article.published" => 3,
        // A site's own name for it ("w-published-date", "cXenseParse:publishtime").
        k if k.contains("publish")
            && (k.contains("date") || k.contains("time"))
            && !k.contains("modif")
            && !k.contains("updat") =>
        {
            3
        }
        _ => return None,
    })
}

/// A `<time datetime>` value: ISO 8601, or a human date some sites put there ("on Friday
/// December 19, 2025 @08:00PM").
pub(super) fn time_attr(v: &str) -> Option<String> {
    iso_date(v).or_else(|| {
        let v = v.trim();
        let v = v.strip_prefix("on ").unwrap_or(v);
        let v = v.split('@').next().unwrap_or(v);
        iso_date(v).filter(|d| d.len() >= 10)
    })
}

/// A short text node that is a whole date with a year (not in a script or the title).
pub(super) fn bare_date(dom: &Dom, id: Id, t: &str) -> Option<String> {
    let t = t.trim();
    if t.len() < 8 || t.len() > 40 {
        return None;
    }
    let b = t.as_bytes();
    let has_year = b.windows(4).any(|w| {
        (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
    });
    if !has_year {
        return None;
    }
    let parent = dom.parent(id).map_or("", |p| dom.tag(p));
    if matches!(
        parent,
        "script" | "style" | "title" | "noscript" | "template" | "option"
    ) {
        return None;
    }
    iso_date(t).filter(|d| d.len() >= 10)
}

const PUBLISH_LABELS: &[&str] = &["published", "posted on", "posted", "submitted on"];

/// A label opening a date line ("Updated: ", "Published on ") and the rest of the line.
pub(super) fn strip_date_label(t: &str) -> (DateLabel, &str) {
    let t = t.trim();
    let head = t.get(..t.len().min(20)).unwrap_or("").to_ascii_lowercase();
    let labels = UPDATE_LABELS.iter().map(|l| (l, DateLabel::Updated)).chain(
        ["published on", "published", "posted on", "posted"]
            .iter()
            .map(|l| (l, DateLabel::Published)),
    );
    for (l, kind) in labels {
        if head.starts_with(l) {
            let rest = t.get(l.len()..).unwrap_or("");
            return (kind, rest.trim_start_matches([' ', ':', '\u{a0}']));
        }
    }
    (DateLabel::None, t)
}

/// What an element's class says its date is ("entry-date updated", "post-modified").
pub(super) fn class_label(class_lower: &str) -> DateLabel {
    if class_lower.contains("publish") {
        DateLabel::Published
    } else if class_lower.contains("modif") || class_lower.contains("updat") {
        DateLabel::Updated
    } else {
        DateLabel::None
    }
}

/// What a `<time>` element's date is: by its microdata property, its class, or the label
/// in front of it ("Last updated: <time>").
pub(super) fn time_label(dom: &Dom, id: Id) -> DateLabel {
    match dom
        .attr(id, "itemprop")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("datemodified") => return DateLabel::Updated,
        Some("datepublished") => return DateLabel::Published,
        _ => {}
    }
    if dom.attr(id, "pubdate").is_some() {
        return DateLabel::Published;
    }
    let class = dom.attr(id, "class").unwrap_or("").to_ascii_lowercase();
    match class_label(&class) {
        DateLabel::None => {}
        l => return l,
    }
    let Some(line) = dom.parent(id).and_then(|p| dom.short_text(p, 100)) else {
        return DateLabel::None;
    };
    if has_update_label(&line) {
        DateLabel::Updated
    } else if has_publish_label(&line) {
        DateLabel::Published
    } else {
        DateLabel::None
    }
}

pub(super) fn has_update_label(t: &str) -> bool {
    let head = t.trim_start();
    let head = head
        .get(..head.len().min(16))
        .unwrap_or(head)
        .to_ascii_lowercase();
    UPDATE_LABELS.iter().any(|l| head.starts_with(l))
}

pub(super) fn has_publish_label(t: &str) -> bool {
    // Runs on every text node of a page: compared in place, not lower-cased into a new string
    // ("posted" covers "posted on").
    let b = t.as_bytes();
    let head = b.get(..b.len().min(80)).unwrap_or(b);
    let at = |i: usize, l: &[u8]| {
        head.get(i..i + l.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(l))
    };
    (0..head.len()).any(|i| match head[i] | 0x20 {
        b'p' => at(i, b"published") || at(i, b"posted"),
        b's' => at(i, b"submitted on"),
        _ => false,
    })
}

/// The date after a "Published" / "Posted on" label in the short line holding the text node
/// `id` (or in the next element when the label stands alone). A line that also says
/// "updated" is skipped: which date goes with which label is not clear.
pub(super) fn labelled_date(dom: &Dom, marks: &[u8], id: Id) -> Option<String> {
    labelled(dom, marks, id, PUBLISH_LABELS, false)
}

const UPDATE_LABELS: &[&str] = &["last updated on", "last updated", "updated on", "updated"];

/// The date of a line that opens with "Updated" / "Last updated on".
pub(super) fn update_label_date(dom: &Dom, marks: &[u8], id: Id) -> Option<String> {
    labelled(dom, marks, id, UPDATE_LABELS, true)
}

/// The date after one of `labels` in the short line holding the text node `id`; with
/// `at_start`, only a label opening the line (not "we updated this review on ...").
fn labelled(dom: &Dom, marks: &[u8], id: Id, labels: &[&str], at_start: bool) -> Option<String> {
    let parent = dom.parent(id)?;
    if matches!(
        dom.tag(parent),
        "script" | "style" | "title" | "noscript" | "template" | "option" | "a"
    ) || in_furniture(dom, marks, parent)
    {
        return None;
    }
    let line = dom.short_text(parent, 200)?;
    let lower = line.to_ascii_lowercase();
    let (pos, label) = labels.iter().find_map(|l| lower.find(l).map(|p| (p, l)))?;
    if at_start && !lower.get(..pos).unwrap_or("").trim().is_empty() {
        return None;
    }
    // "Updated 3 May 2024, published 2020": which date is which is not clear.
    let before = lower.get(..pos).unwrap_or("");
    if before.contains("updated") || before.contains("modified") {
        return None;
    }
    let at = pos + label.len();
    let mut rest = line
        .get(at..)?
        .trim_start_matches([' ', ':', '\u{a0}'])
        .to_string();
    if rest.is_empty() {
        rest = next_element(dom, parent).and_then(|s| dom.short_text(s, 80))?;
    }
    // "Posted by Jane Doe on Friday December 19, 2025".
    if rest.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by ")) {
        let on = rest.find(" on ")?;
        rest = rest.get(on + 4..)?.to_string();
    }
    let rest = rest.trim_matches(|c: char| "[]()".contains(c) || c.is_whitespace());
    // "Jun 8, 2023 • 11 min read", "August 7, 2023 by Jane Doe".
    let lower = rest.to_ascii_lowercase();
    let end = [
        " by ", "|", "•", "·", " - ", " in ", " but ", " and ", " updated", " last ",
    ]
    .iter()
    .filter_map(|sep| lower.find(sep))
    .min()
    .unwrap_or(rest.len());
    let seg = rest
        .get(..end)?
        .trim_matches(|c: char| "[]()".contains(c) || c.is_whitespace());
    let seg = seg.strip_prefix("the ").unwrap_or(seg);
    iso_date(seg).filter(|d| d.len() >= 10)
}

/// A weekday name or abbreviation (the shared `data/text/weekdays.tsv`), with a trailing
/// comma or period.
fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains_key(w.trim_end_matches([',', '.']).to_lowercase().as_str())
}

/// "Luke Kim December 17, 2025" / "Luke KimDecember 17, 2025" / "Jane Doe 4 August 2010" ->
/// the text before the date: author boxes run the name and the date together without a
/// separator. A date is a word starting with a digit, or a month name (glued to the name
/// or not) followed by one.
pub fn cut_at_date(s: &str) -> &str {
    let head = date_tail_cut(s);
    if !head.is_empty() {
        return head;
    }
    // "Dec. 19, 2025 · Jane Doe": a date first, then a separator and the name.
    match s.find(['·', '•', '|']) {
        Some(k) => {
            let rest = s.get(k..).unwrap_or("");
            let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "·•|".contains(c));
            date_tail_cut(rest)
        }
        None => head,
    }
}

fn date_tail_cut(s: &str) -> &str {
    let mut words = Vec::new();
    let mut pos = 0;
    for w in s.split(' ') {
        words.push((pos, w));
        pos += w.len() + 1;
    }
    // The name ends where the date starts, or where a weekday before it starts ("Sat, 20 Dec").
    let cut_before = |i: usize, at: usize, glued: usize| {
        let at = words[..i]
            .iter()
            .rev()
            .take_while(|(_, w)| is_weekday(w))
            .last()
            .map_or(at, |&(a, _)| a);
        s.get(..at + glued)
            .unwrap_or(s)
            .trim_end_matches(|c: char| c.is_whitespace() || ",;:|-–—•·".contains(c))
    };
    for (i, &(at, w)) in words.iter().enumerate() {
        if i > 0 && w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            return cut_before(i, at, 0);
        }
        let next_digit = words
            .get(i + 1)
            .is_some_and(|(_, n)| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        if !next_digit {
            continue;
        }
        // The month may be glued to the name ("KimDecember"): the last capital starts it.
        let start = w
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_uppercase())
            .map_or(0, |(k, _)| k);
        let month = w.get(start..).unwrap_or("").trim_end_matches([',', '.']);
        if MONTHS.contains_key(month.to_lowercase().as_str()) {
            return cut_before(i, at, start);
        }
    }
    s
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// An ISO 8601 value from a machine-readable date ("2014-01-05T12:34:56+0000" ->
/// "2014-01-05T12:34:56+00:00"; "2014-01-05" stays), or from a human one that
/// `layout::stamps` reads ("January 5, 2014"). `None` for anything else.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(c) = ISO.captures(s) {
        let g = |i| c.get(i).map_or("", |m| m.as_str());
        let (mo, d): (u32, u32) = (g(2).parse().ok()?, g(3).parse().ok()?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
            return None;
        }
        let date = format!("{}-{}-{}", g(1), g(2), g(3));
        if c.get(4).is_none() {
            return Some(date);
        }
        let secs = c
            .get(6)
            .map_or(String::new(), |m| format!(":{}", m.as_str()));
        let tz = match g(7) {
            "" => String::new(),
            "Z" => "+00:00".to_string(),
            z if z.len() == 5 => format!("{}:{}", z.get(..3)?, z.get(3..)?),
            z => z.to_string(),
        };
        return Some(format!("{date}T{}:{}{secs}{tz}", g(4), g(5)));
    }
    if s.len() > 80 {
        return None;
    }
    crate::layout::stamps::parse_expression(s)
        .and_then(|(_, v)| v)
        .or_else(|| numeric_date(s))
}

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})([/.])(\d{1,2})[/.]((?:19|20)\d{2})(?:\s|$)")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// "3/24/2025" or "24.03.2025" (a clock time may follow): a part above 12 decides which is the day; otherwise a slash
/// is read month first (the common order where slashes are used), a dot day first.
fn numeric_date(s: &str) -> Option<String> {
    let c = NUMERIC.captures(s)?;
    let n = |i| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (a, b, y) = (n(1)?, n(3)?, n(4)?);
    let slash = c.get(2).is_some_and(|m| m.as_str() == "/");
    let (m, d) = if a > 12 || (b <= 12 && !slash) {
        (b, a)
    } else {
        (a, b)
    };
    let date = crate::calendar::Date::new(y as i32, m, d)?;
    Some(date.to_string())
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2]|[a-z]{3,9})[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// "/2014/01/05/", "/2014-01-05-" or "/2023/october/03/" in a URL path.
pub fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    let n = |i| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = n(2).or_else(|| {
        // The month names and abbreviations every date reader shares ("sept", "oct").
        let w = c.get(2)?.as_str().to_ascii_lowercase();
        let k = crate::tables::MONTHS.get(w.as_str())?;
        u32::try_from(*k).ok()
    })?;
    Some(format!("{:04}-{:02}-{:02}", n(1)?, month, n(3)?))
}
