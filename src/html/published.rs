//! The publication day: the date the page shows beside its headline, checked against the
//! metadata.
//!
//! Policy (README, "HTML pages: dates"): the page's own stamp near the headline (a `<time>`, a
//! date-classed element, a "Published ..." / "Updated ..." line, a text node that is only a
//! date) is the day the page gives its readers. When that day is the metadata's
//! `datePublished` or `dateModified` day, the metadata's value (with its clock time and
//! offset) is returned; when it is neither, the stamp itself is (the metadata of a
//! republished or migrated page carries the migration's date, and a UTC timestamp can fall on
//! the next day of the page's local calendar). A page that shows only an "Updated" stamp is
//! dated by it. Without a stamp near the headline, the metadata's publication date, then the
//! fallbacks of `meta::collect` (URL, first `<time>`, bare dates, last update).

use super::content::Extract;
use super::dom::Dom;
use super::meta::{self, DateLabel, Found, Meta, NameKind, Shown};

/// Visible text (bytes) after the headline (or the body's start) within which its stamp
/// stands, and before it (a stamp printed above the headline).
const AFTER: i64 = 600;
const BEFORE: i64 = 250;

fn day(v: Option<&str>) -> Option<&str> {
    v.and_then(|v| v.get(..10))
}

/// The shown dates near the headline, in document order: those within `AFTER` after the
/// headline's start, then those within `BEFORE` above it (nearest first).
fn head_stamps<'a>(m: &'a Meta, ex: &Extract) -> Vec<&'a Shown> {
    let pos = |id: usize| ex.pos.get(id).map(|&p| i64::from(p));
    let Some(anchor) = ex
        .h1_at
        .and_then(pos)
        .or_else(|| (ex.body_range.0 <= ex.body_range.1).then(|| i64::from(ex.body_range.0)))
    else {
        return Vec::new();
    };
    let mut after: Vec<&Shown> = Vec::new();
    let mut before: Vec<&Shown> = Vec::new();
    for s in &m.shown {
        let Some(p) = pos(s.at) else { continue };
        if (anchor..=anchor + AFTER).contains(&p) {
            after.push(s);
        } else if (anchor - BEFORE..anchor).contains(&p) {
            before.push(s);
        }
    }
    after.extend(before.into_iter().rev());
    after
}

/// Days apart of two ISO days ("2025-12-18", "2025-12-19" -> 1); `None` if either is not one.
fn days_apart(a: &str, b: &str) -> Option<i64> {
    let d = |s: &str| -> Option<i64> {
        let y: i32 = s.get(..4)?.parse().ok()?;
        let m: u32 = s.get(5..7)?.parse().ok()?;
        let d: u32 = s.get(8..10)?.parse().ok()?;
        Some(crate::calendar::Date::new(y, m, d)?.days_from_epoch())
    };
    Some((d(a)? - d(b)?).abs())
}

/// "2024-10-09" read the other way round ("10/09/2024"): "2024-09-10".
fn swapped(day: &str) -> Option<String> {
    let (y, m, d) = (day.get(..4)?, day.get(5..7)?, day.get(8..10)?);
    let dn: u32 = d.parse().ok()?;
    (dn <= 12).then(|| format!("{y}-{d}-{m}"))
}

/// The publication date of the page (see the module's policy).
pub fn choose(m: &Meta, ex: &Extract) -> Option<String> {
    let stamps = head_stamps(m, ex);
    let Some(first) = stamps.first() else {
        return m.published.clone();
    };
    // Without metadata, the URL's date (the site's permanent record) stands; without either,
    // the stamp beats the other fallbacks (the first `<time>` anywhere, bare dates), except an
    // "Updated" stamp, which dates the page only when nothing else does.
    if m.meta_published.is_none() {
        if m.url_date.is_some() || (first.label == DateLabel::Updated && m.published.is_some()) {
            return m.published.clone();
        }
        return Some(first.value.clone());
    }
    let published = day(m.published.as_deref());
    // The metadata agrees with some stamp beside the headline: it stands.
    let agrees = |s: &&Shown| {
        let d = day(Some(&s.value));
        d.is_some() && (d == published || d == day(m.modified.as_deref()))
    };
    if published.is_some() && stamps.iter().any(agrees) {
        return m.published.clone();
    }
    // "Updated ..." dates a page only when nothing else does.
    if first.label == DateLabel::Updated && published.is_some() {
        return m.published.clone();
    }
    let shown = day(Some(&first.value)).unwrap_or("");
    if let Some(p) = published {
        // The same moment in another time zone, or the same numbers read day-first.
        if days_apart(shown, p).is_some_and(|n| n <= 1) || swapped(shown).as_deref() == Some(p) {
            return m.published.clone();
        }
    }
    Some(first.value.clone())
}

/// A person's name standing alone in the small container of the headline's date stamp
/// ("<div><span>Dec 17, 2025</span><span>Jane Doe</span></div>", "Dec 26, 2025 • Jane Doe
/// in Guides"): the date and the name side by side are the byline. Only names that read as
/// a person's (`meta::name_kind`), from the first two stamps beside the headline, within
/// three levels up and 200 characters of text.
pub fn stamp_names(dom: &Dom, m: &Meta, ex: &Extract, site: Option<&str>) -> Vec<Found> {
    for stamp in head_stamps(m, ex).into_iter().take(2) {
        let mut cur = if dom.is_element(stamp.at) {
            Some(stamp.at)
        } else {
            dom.parent(stamp.at)
        };
        for _ in 0..3 {
            let Some(a) = cur.and_then(|c| dom.parent(c)) else {
                break;
            };
            if dom.short_text(a, 200).is_none() {
                break;
            }
            for c in dom.preorder(a) {
                let Some(t) = dom.text_of(c) else { continue };
                if let Some(name) = lone_name(t, site) {
                    return vec![Found {
                        at: c,
                        names: vec![name],
                    }];
                }
            }
            cur = Some(a);
        }
    }
    Vec::new()
}

/// A text node that is a person's name, maybe after "By" and before a short tail ("Jane
/// Doe in Guides").
fn lone_name(t: &str, site: Option<&str>) -> Option<String> {
    let t = t.trim();
    if t.len() < 5 || t.len() > 60 {
        return None;
    }
    let mut names = Vec::new();
    meta::push_author(&mut names, t);
    let s = names.first()?;
    let words: Vec<&str> = s.split_whitespace().collect();
    let lead = words
        .iter()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if lead < 2 || words.len() - lead > 2 {
        return None;
    }
    let name = words.get(..lead)?.join(" ");
    (meta::looks_like_name(&name) && meta::name_kind(&name, site) == NameKind::Person)
        .then_some(name)
}
