//! Who signed the article: the names from each kind of evidence that `meta::collect` found,
//! taken in order of trust, plus the visible byline line and its cleaning.

use super::content::Extract;
use super::hints;
use super::meta::{self, NameKind};

/// Visible text (bytes) around the headline, or the body's start, within which a byline may
/// sit; and around the body's end, where author boxes follow the article.
const HEAD_ZONE: i64 = 600;
const TAIL_ZONE: i64 = 1200;

/// Where on the page a byline may stand: near the headline or the start of the body (the
/// article's header), or at the very end of the body (an author box). Names elsewhere sign
/// other articles (teasers), comments or testimonials.
struct Zones {
    head: Option<(i64, i64)>,
    tail: Option<(i64, i64)>,
}

impl Zones {
    fn new(ex: &Extract) -> Self {
        let at = |id: Option<usize>| id.and_then(|i| ex.pos.get(i)).map(|&p| i64::from(p));
        let (b0, b1) = ex.body_range;
        let body = (b0 <= b1).then(|| (i64::from(b0), i64::from(b1)));
        let h = at(ex.h1_at);
        let head = match (h, body) {
            (Some(h), Some((b0, _))) => Some((h.min(b0) - HEAD_ZONE, h.max(b0) + HEAD_ZONE)),
            (Some(h), None) => Some((h - HEAD_ZONE, h + HEAD_ZONE)),
            (None, Some((b0, _))) => Some((b0 - HEAD_ZONE, b0 + HEAD_ZONE)),
            (None, None) => None,
        };
        let tail = body.map(|(_, b1)| (b1 - TAIL_ZONE, b1 + TAIL_ZONE));
        Zones { head, tail }
    }

    fn near(&self, ex: &Extract, at: Option<usize>) -> bool {
        let Some(p) = at.and_then(|i| ex.pos.get(i)).map(|&p| i64::from(p)) else {
            return false;
        };
        let inside = |z: Option<(i64, i64)>| z.is_some_and(|(a, b)| (a..=b).contains(&p));
        if inside(self.head) {
            return true;
        }
        // After the body only across text that is not mostly links: a row of teasers
        // between the article and the name means the name signs one of them.
        let (b1, b1_links) = (i64::from(ex.body_range.1), i64::from(ex.body_end_links));
        let between = p - b1;
        let links = at
            .and_then(|i| ex.link_pos.get(i))
            .map_or(0, |&l| i64::from(l) - b1_links);
        inside(self.tail) && (between <= 200 || links * 2 < between)
    }
}

/// The article's authors from the page's evidence, and which evidence gave them.
///
/// Metadata first (JSON-LD, then meta tags), then the visible evidence: rel=author, microdata
/// author, author-page links, the byline element, and on dated articles "By" lines, author
/// boxes and avatars. Visible evidence counts only near the headline or at the end of the
/// body (`Zones`). Every name must read as a person or an organisation (`meta::name_kind`):
/// placeholder roles, labels and handles never count; a news agency always counts; any other
/// organisation only when the page shows it as a byline (metadata naming a company or the
/// site itself is the publisher, not a signature). `site` is the site's name.
pub fn choose(
    m: &meta::Meta,
    ex: &Extract,
    site: Option<&str>,
    is_article: bool,
) -> (Vec<String>, &'static str) {
    let zones = Zones::new(ex);
    let near = |at: Option<usize>| zones.near(ex, at);
    // The first place of a kind of evidence that stands near the headline or the body's end.
    let first_near =
        |list: &[meta::Found]| -> Option<usize> { list.iter().position(|f| near(Some(f.at))) };
    let dated = is_article && m.published.is_some();
    let byline = ex.byline.as_deref().filter(|_| near(ex.byline_at));
    // Names from the byline element, cleaned.
    let mut byline_names = Vec::new();
    let mut boxed = false;
    if let Some(b) = byline {
        let cleaned = strip_byline_noise(b);
        let names = meta::split_names(&cleaned);
        for part in names.into_iter().take_while(|p| !meta::is_role(p)) {
            meta::push_author(&mut byline_names, part);
        }
        // A byline block that runs a name together with other text ("Insights from Jane
        // Doe Marketing Director"): the name standing alone in its own text node is
        // cleaner (it is taken below, on dated articles).
        boxed = first_near(&m.box_authors).is_some_and(|i| {
            m.box_authors[i].names.first().is_some_and(|a| {
                cleaned.contains(a.as_str()) && !byline_names.iter().any(|x| x == a)
            })
        });
    }
    let pick = |list: &'_ Vec<meta::Found>| first_near(list);
    let names_of = |list: &Vec<meta::Found>, i: Option<usize>| -> Vec<String> {
        i.and_then(|i| list.get(i))
            .map_or_else(Vec::new, |f| f.names.clone())
    };
    // Names beside the date stamp; where the page does not declare itself an article
    // (teasers of a listing carry a date and a name too), only plain first-name-surname ones.
    let stamp_names: Vec<String> = m
        .stamp_authors
        .first()
        .map(|f| f.names.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|n| m.says_article || meta::plain_person(n))
        .collect();
    let visible: [(&'static str, &Vec<String>, bool); 8] = [
        ("rel", &names_of(&m.rel_authors, pick(&m.rel_authors)), true),
        (
            "itemprop",
            &names_of(&m.itemprop_authors, pick(&m.itemprop_authors)),
            true,
        ),
        (
            "href",
            &names_of(&m.href_authors, pick(&m.href_authors)),
            true,
        ),
        ("byline", &byline_names, byline.is_some() && !boxed),
        (
            "text",
            &names_of(&m.text_authors, pick(&m.text_authors)),
            dated,
        ),
        (
            "box",
            &names_of(&m.box_authors, pick(&m.box_authors)),
            dated,
        ),
        (
            "avatar",
            &names_of(&m.avatar_authors, pick(&m.avatar_authors)),
            dated && m.says_article,
        ),
        ("stamp", &stamp_names, dated),
    ];
    // What the page shows as its signature, near the headline or in an author box.
    let shown = |name: &str| {
        let n = name.to_lowercase();
        visible
            .iter()
            .filter(|(_, _, ok)| *ok)
            .any(|(_, v, _)| v.iter().any(|a| a.to_lowercase() == n))
            || byline.is_some_and(|b| b.to_lowercase().contains(&n))
    };
    let keep = |names: &[String], is_visible: bool| -> Vec<String> {
        names
            .iter()
            .filter(|n| match meta::name_kind(n, site) {
                NameKind::Person | NameKind::Agency => true,
                // A placeholder word alone ("Staff", "Admin") names nobody.
                NameKind::Placeholder if !n.contains(' ') => false,
                NameKind::Org | NameKind::Placeholder | NameKind::Handle => is_visible || shown(n),
                NameKind::NotAName => false,
            })
            .cloned()
            .collect()
    };
    let mut src = "";
    let mut authors = keep(&m.authors, false);
    if !authors.is_empty() {
        src = "jsonld";
    } else {
        authors = keep(&m.meta_authors, false);
        if !authors.is_empty() {
            src = "meta";
        }
    }
    // Authors declared in metadata are a byline, never a teaser list.
    let declared = !authors.is_empty();
    // Metadata often names only the first of several authors the page shows.
    if declared {
        let fuller = visible
            .iter()
            .filter(|(k, _, ok)| *ok && matches!(*k, "text" | "href"))
            .map(|(_, v, _)| keep(v, true))
            .find(|v| {
                v.len() > authors.len()
                    && v.len() <= 6
                    && authors.iter().all(|a| {
                        v.iter()
                            .any(|b| b.to_lowercase().ends_with(&a.to_lowercase()))
                    })
            });
        if let Some(v) = fuller {
            authors = v;
            src = "fuller";
        }
    }
    let mut from_links = false;
    if authors.is_empty() {
        for (k, names, ok) in &visible {
            if !ok {
                continue;
            }
            // "By" lines, author boxes and avatars wait for the teaser check below.
            if matches!(*k, "text" | "box" | "avatar" | "stamp") {
                break;
            }
            authors = keep(names, true);
            if !authors.is_empty() {
                src = k;
                from_links = *k == "href";
                break;
            }
        }
    }
    // Ten names guessed from author links are a teaser list, not one article's byline.
    // Author-page links on an undated page that is no article list people (a faculty page).
    let teasers =
        (!declared && authors.len() > 6) || (from_links && !is_article && m.published.is_none());
    if teasers {
        authors.clear();
    }
    // A "By ..." line, an author box or an avatar is read only on dated articles: on shops
    // they name brands and reviewers.
    if authors.is_empty() && !teasers {
        for (k, names, ok) in &visible {
            if *ok && matches!(*k, "text" | "box" | "avatar" | "stamp") {
                authors = keep(names, true);
                if !authors.is_empty() {
                    src = k;
                    break;
                }
            }
        }
    }
    // A personal site: a dated article with no byline on a site named after a person, or
    // whose copyright line a person holds ("© 2025 Jane Doe"), is signed by that person.
    if authors.is_empty() && !teasers && dated {
        let owner = site
            .filter(|s| meta::plain_person(s))
            .map(str::to_string)
            .or_else(|| m.copyright_person.clone());
        if let Some(o) = owner {
            authors.push(o);
            src = "owner";
        }
    }
    if let Some(site) = site.map(str::to_lowercase) {
        let is_site = |a: &str| {
            let a = a.to_lowercase();
            let a = a.strip_prefix("the ").unwrap_or(&a);
            site.contains(a) || a.contains(site.as_str())
        };
        // "Jane Doe, John Roe, The Daily Planet": the publication is not a co-author.
        if authors.len() > 1 && authors.iter().any(|a| !is_site(a)) {
            authors.retain(|a| !is_site(a));
        }
        // Signed by the site, a byline or a "By" line or author-page links naming a person:
        // the person wrote it.
        if authors.len() == 1 && authors.iter().all(|a| is_site(a)) {
            let mut named = Vec::new();
            if let Some(b) = byline {
                let b = strip_byline_noise(&replace_ci(b, &authors[0], " | "));
                let names = meta::split_names(&b);
                let names = names
                    .into_iter()
                    .take_while(|p| meta::looks_like_name(p) && !meta::is_role(p));
                for part in names {
                    meta::push_author(&mut named, part);
                }
            }
            let named = keep(&named, true);
            let person = Some(named)
                .into_iter()
                .chain(
                    visible
                        .iter()
                        .filter(|(k, _, ok)| *ok && matches!(*k, "text" | "href"))
                        .map(|(_, v, _)| keep(v, true)),
                )
                .find(|v| !v.is_empty() && v.len() <= 6 && v.iter().all(|a| !is_site(a)));
            if let Some(v) = person {
                authors = v;
                src = "site->person";
            }
        }
    }
    // A dated article on a personal site, named after a person ("Jane Doe", not "Jane Doe
    // Yoga"), is signed by that person.
    if authors.is_empty() && dated && !teasers {
        if let Some(s) = m.site_name.as_deref() {
            let words = s.split_whitespace().count();
            let known = s
                .split_whitespace()
                .next()
                .is_some_and(|w| crate::entities::first_name_gender(w).is_some());
            if (2..=3).contains(&words) && known && meta::name_kind(s, None) == NameKind::Person {
                authors.push(s.to_string());
                src = "site";
            }
        }
    }
    // Anything naming the site on a page that is not a dated article is its logo.
    if let Some(s) = site.filter(|_| !dated) {
        authors.retain(|a| !a.eq_ignore_ascii_case(s));
    }
    (authors, src)
}

pub(super) fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `s` with every case-insensitive occurrence of `pat` (ASCII case) replaced by `with`.
pub(super) fn replace_ci(s: &str, pat: &str, with: &str) -> String {
    if pat.is_empty() {
        return s.to_string();
    }
    let (ls, lp) = (s.to_ascii_lowercase(), pat.to_ascii_lowercase());
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, _) in ls.match_indices(&lp) {
        out.push_str(s.get(last..i).unwrap_or(""));
        out.push_str(with);
        last = i + lp.len();
    }
    out.push_str(s.get(last..).unwrap_or(""));
    out
}

/// The page's byline as shown, cut before "Email the author" and the like.
pub(super) fn clean_byline_line(b: &str) -> String {
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = b.to_lowercase();
    let cut = hints::BYLINE_JUNK
        .iter()
        .filter(|j| !j.starts_with(['=', '~']))
        .filter_map(|j| lower.find(j.as_str()))
        .filter(|&p| b.is_char_boundary(p))
        .min()
        .unwrap_or(b.len());
    b.get(..cut)
        .unwrap_or(&b)
        .trim_end_matches(|c: char| c.is_whitespace() || ",;|-–—".contains(c))
        .to_string()
}

/// "By Jane Doe | Updated 3 hours ago" -> "Jane Doe".
pub(super) fn strip_byline_noise(b: &str) -> String {
    let b = b.split_whitespace().collect::<Vec<_>>().join(" ");
    // "This post was written by Jane Doe, ...": the names follow the label.
    let b = match b.to_lowercase().find(" written by ") {
        Some(p) => b.get(p + " written by ".len()..).unwrap_or(&b).to_string(),
        None => b,
    };
    let lower = b.to_lowercase();
    let mut end = b.len();
    for stop in [
        " reviewed by",
        " medically reviewed",
        " fact checked",
        " fact-checked",
        " published",
        " updated",
        " last ",
        " posted on",
        " on ",
        " | ",
        " - ",
        " — ",
        " • ",
    ] {
        if let Some(p) = lower.find(stop) {
            if p > 0 && p < end && b.is_char_boundary(p) {
                end = p;
            }
        }
    }
    let b = b.get(..end).unwrap_or(&b);
    meta::cut_at_date(b).to_string()
}
