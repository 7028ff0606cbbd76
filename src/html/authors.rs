//! Who signed the article: the names from each kind of evidence that `meta::collect` found,
//! taken in order of trust, plus the visible byline line and its cleaning.

use super::hints;
use super::meta;

/// The article's authors from the page's evidence: JSON-LD and meta authors first, then
/// rel=author, microdata, author-page links and the visible byline element; "By" lines,
/// author boxes and avatars only on dated articles. `byline` is the visible byline element's
/// text, `site` the site's name.
pub fn choose(
    m: &meta::Meta,
    byline: Option<&str>,
    site: Option<&str>,
    is_article: bool,
) -> Vec<String> {
    let mut authors = m.authors.clone();
    if authors.is_empty() {
        authors = m.meta_authors.clone();
    }
    // Authors declared in metadata are a byline, never a teaser list.
    let declared = !authors.is_empty();
    // Metadata often names only the first of several authors the page shows.
    if declared {
        let fuller = [&m.text_authors, &m.href_authors].into_iter().find(|v| {
            v.len() > authors.len()
                && v.len() <= 6
                && authors.iter().all(|a| {
                    v.iter()
                        .any(|b| b.to_lowercase().ends_with(&a.to_lowercase()))
                })
        });
        if let Some(v) = fuller {
            authors = v.clone();
        }
    }
    if authors.is_empty() {
        authors = m.rel_authors.clone();
    }
    if authors.is_empty() {
        authors = m.itemprop_authors.clone();
    }
    let from_links = authors.is_empty() && !m.href_authors.is_empty();
    if authors.is_empty() {
        authors = m.href_authors.clone();
    }
    if authors.is_empty() {
        if let Some(b) = byline {
            let cleaned = strip_byline_noise(b);
            let names = meta::split_names(&cleaned);
            for part in names.into_iter().take_while(|p| !meta::is_role(p)) {
                meta::push_author(&mut authors, part);
            }
            // A byline block that runs a name together with other text ("Insights from Jane
            // Doe Marketing Director"): the name standing alone in its own text node is
            // cleaner (it is taken below, on dated articles).
            let boxed = m
                .box_authors
                .first()
                .is_some_and(|a| cleaned.contains(a.as_str()) && !authors.iter().any(|x| x == a));
            if boxed {
                authors.clear();
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
    // A "By ..." line is read only on dated articles: on shops it names brands.
    if authors.is_empty() && !teasers && is_article && m.published.is_some() {
        authors = m.text_authors.clone();
    }
    if authors.is_empty() && !teasers && is_article && m.published.is_some() {
        authors = m.box_authors.clone();
    }
    if authors.is_empty() && !teasers && is_article && m.says_article && m.published.is_some() {
        authors = m.avatar_authors.clone();
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
        // Metadata signed by the site, a byline naming a person: the person wrote it.
        if authors.len() == 1 && authors.iter().all(|a| is_site(a)) {
            if let Some(b) = byline {
                let b = strip_byline_noise(&replace_ci(b, &authors[0], " | "));
                let mut named = Vec::new();
                let names = meta::split_names(&b);
                let names = names
                    .into_iter()
                    .take_while(|p| meta::looks_like_name(p) && !meta::is_role(p));
                for part in names {
                    meta::push_author(&mut named, part);
                }
                if !named.is_empty() && named.iter().all(|a| !is_site(a)) {
                    authors = named;
                }
            }
        }
        // Or a "By" line or author-page links naming a person.
        if authors.len() == 1 && authors.iter().all(|a| is_site(a)) {
            let person = [&m.text_authors, &m.href_authors]
                .into_iter()
                .find(|v| !v.is_empty() && v.len() <= 6 && v.iter().all(|a| !is_site(a)));
            if let Some(v) = person {
                authors = v.clone();
            }
        }
    }
    // A dated article may be signed by its own site (a company or personal blog signs as
    // itself); anything else naming the site is a logo. Whatever the source: on WCXB dev,
    // bylines, author links and rel=author naming the site on dated articles were right on 9
    // news pages and invented an author on none.
    let signed_by_site = is_article && m.published.is_some();
    if let Some(s) = site.filter(|_| !signed_by_site) {
        authors.retain(|a| !a.eq_ignore_ascii_case(s));
    }
    authors
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
