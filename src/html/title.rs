//! The headline: the visible h1 against the metadata titles, with site names, SEO suffixes,
//! dates and template quotes taken off.

use super::{meta, norm};

/// "www.bbc.co.uk" -> "bbc": enough to recognise "BBC News" as a site suffix.
pub(super) fn host_label(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.split('.')
        .next()
        .filter(|h| !h.is_empty())
        .map(str::to_string)
}

const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " // ",
];

/// Removes a " | Site" / " - Site" suffix (or "Site | " prefix): always when the part names
/// the site, and for `|`-like separators when the part is a short label.
pub fn clean_title(title: &str, site: Option<&str>) -> String {
    let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let site_n = site.map(norm).filter(|s| s.len() >= 2);
    let names_site = |part: &str| {
        let p = norm(part);
        site_n
            .as_deref()
            .is_some_and(|s| !p.is_empty() && (p == s || p.contains(s) || s.contains(p.as_str())))
    };
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = t.rsplit_once(sep) {
            let dash = matches!(*sep, " - " | " – " | " — ");
            let short_label = !dash && tail.split_whitespace().count() <= 4;
            if names_site(tail) || (short_label && head.split_whitespace().count() >= 2) {
                return clean_title(head, site);
            }
        }
        if let Some((head, tail)) = t.split_once(sep) {
            if names_site(head) && tail.split_whitespace().count() >= 2 {
                return tail.trim().to_string();
            }
        }
    }
    t
}

pub(super) fn choose_headline(
    m: &meta::Meta,
    h1: Option<&str>,
    site: Option<&str>,
) -> Option<String> {
    // An h1 naming the site is the logo of a blog theme, not the headline.
    let site_n = site.map(norm);
    // An h1 holding "Headline | Label" is the SEO title pasted in: clean it the same way.
    // A heading of more than 25 words ending in a full stop is a standfirst styled as h1.
    let h1 = h1
        .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|h| {
            let h = meta::unescape(&h);
            if h.contains(" | ") {
                clean_title(&h, site)
            } else {
                h
            }
        })
        .map(|h| strip_leading_date(unquote(&h)).to_string())
        .filter(|h| !h.is_empty() && h.chars().count() <= 300)
        .filter(|h| h.split_whitespace().count() <= 25 || !h.ends_with('.'))
        .filter(|h| {
            let nh = norm(h);
            !site_n
                .as_deref()
                .is_some_and(|s| !s.is_empty() && (nh == s || nh.contains(s)))
        });
    let clean = |t: &str| clean_title(&meta::unescape(t), site);
    let og = m.og_title.as_deref().or(m.title_tag.as_deref()).map(clean);
    let meta_title = m
        .ld_headline
        .as_deref()
        .map(clean)
        // JSON-LD headlines are often cut at 110 characters; the og:title then has it whole.
        .map(|ld| match &og {
            Some(o) if o.len() > ld.len() && o.starts_with(ld.as_str()) => o.clone(),
            _ => ld,
        })
        .or(og)
        .map(|t| unquote(&t).to_string())
        .filter(|t| !t.is_empty());
    match (h1, meta_title) {
        (Some(h), Some(t)) => {
            let (nh, nt) = (norm(&h), norm(&t));
            // The visible heading is what readers see; metadata titles are often SEO variants.
            // A one-word h1 is a logo or a section name.
            let related = nh == nt
                || (nh.len() >= 10 && nt.contains(&nh))
                || (nt.len() >= 10 && nh.contains(&nt));
            if related || h.split_whitespace().count() >= 3 {
                Some(h)
            } else {
                Some(t)
            }
        }
        (h, t) => t.or(h),
    }
}

/// "Dec 18 2025 Preparing a transition" (a `<time>` set inside the h1) -> "Preparing a
/// transition".
fn strip_leading_date(h: &str) -> &str {
    let words: Vec<(usize, &str)> = h
        .split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for k in [4, 3] {
        if words.len() < k + 2 {
            continue;
        }
        let end = words.get(k).map_or(h.len(), |(s, _)| *s);
        let head = h.get(..end).unwrap_or("");
        let full = meta::iso_date(head).is_some_and(|d| d.len() >= 10);
        if full {
            return h.get(end..).map_or(h, str::trim);
        }
    }
    h
}

/// A headline wholly in straight double quotes (a CMS field quoted by its template), without
/// them; typographic quotes are the editor's and stay.
fn unquote(t: &str) -> &str {
    let inner = t.strip_prefix('"').and_then(|r| r.strip_suffix('"'));
    match inner {
        Some(i) if !i.contains('"') => i.trim(),
        _ => t,
    }
}
