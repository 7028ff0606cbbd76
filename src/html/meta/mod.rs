//! Page metadata: `<meta>` and `<link>` tags, JSON-LD, `<time>`, `<title>`, the URL.
//!
//! Each field keeps the first value from the most reliable source: JSON-LD of an article
//! object, then Open Graph / article:* meta tags, then plain meta tags, then the URL.
//! `collect` walks the tree once; the readers of each kind of evidence live in the
//! submodules: `tags` (`<meta>`), `jsonld`, `dates` (date values and visible date lines),
//! `bylines` (visible bylines, author boxes and avatars) and `names` (what counts as a name).

mod bylines;
mod dates;
mod jsonld;
mod names;
mod tags;

pub use dates::{cut_at_date, iso_date, url_date};
pub use jsonld::unescape;
pub use names::{
    is_role, looks_like_name, name_kind, plain_person, push_author, split_names, NameKind,
};

use super::dom::{Dom, Id, ROOT};
use bylines::{
    boxed_name, byline_label, in_furniture, is_author_href, is_avatar, name_beside, visible_byline,
};
use dates::{
    bare_date, class_label, has_publish_label, has_update_label, labelled_date, strip_date_label,
    time_attr, time_label, update_label_date,
};
use jsonld::json_ld;
use tags::meta_tag;

#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub title_tag: Option<String>,
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub meta_authors: Vec<String>,
    /// Visible author evidence, each kind in document order (a few of each): rel=author
    /// links (co-authors' links in one element form one entry).
    pub rel_authors: Vec<Found>,
    /// The first `itemprop="author"` element's name.
    pub itemprop_authors: Vec<Found>,
    /// Text of links to an author page ("/author/jane-doe/").
    pub href_authors: Vec<Found>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub section: Option<String>,
    /// og:type or the JSON-LD @type of the main object.
    pub page_type: Option<String>,
    /// JSON-LD or og:type say this is an article.
    pub says_article: bool,
    /// JSON-LD `isAccessibleForFree: false`.
    pub not_free: bool,
    pub article_body: Option<String>,
    pub url_date: Option<String>,
    /// `<time datetime>` values in document order with their element.
    pub times: Vec<(Id, String)>,
    /// datePublished / dateModified of a JSON-LD WebPage object.
    pub page_published: Option<String>,
    pub page_modified: Option<String>,
    /// The first text node of the page that is only a full date ("June 12, 2025").
    pub text_date: Option<String>,
    /// The first short element with a date-like class whose text reads as a full date.
    pub visible_date: Option<String>,
    /// Names from the first visible "By Jane Doe" / "Written by" line of the page.
    pub text_authors: Vec<Found>,
    /// The first name standing alone in a text node inside an author box (an element with an
    /// author/byline class a few levels up): "<div class=post-author><p>Jane Doe</p>".
    pub box_authors: Vec<Found>,
    /// A name shown beside an avatar whose `alt` is the same name.
    pub avatar_authors: Vec<Found>,
    /// A person's name standing alone beside the headline's date stamp (filled in after the
    /// content is found: `published::stamp_names`).
    pub stamp_authors: Vec<Found>,
    /// The holder of the page's copyright line ("© 2025 Jane Doe."), when a person's name.
    pub copyright_person: Option<String>,
    /// The first visible line opening with "Updated <date>": dates the page only when
    /// nothing else does, like the metadata's last update.
    pub update_date: Option<String>,
    /// The first visible date labelled as the publication ("Published on 3 March 2024").
    pub label_date: Option<String>,
    /// Elements showing a date: `<time>`, date-classed elements, labelled date lines.
    pub date_at: Vec<Id>,
    /// schema.org types the page declares, lower case: JSON-LD `@type`s and microdata
    /// `itemtype`s ("newsarticle", "product", "discussionforumposting").
    pub kinds: Vec<String>,
    /// A visible "Add to cart" / "Buy now" button: a shop's product page.
    pub cart: bool,
    /// Dates the page shows, in document order (a few dozen at most): `<time>`, date-classed
    /// elements, labelled date lines and text nodes that are only a date, each with its label.
    pub shown: Vec<Shown>,
    /// The publication date from metadata alone (JSON-LD, meta tags, microdata), before the
    /// visible evidence and the fallbacks.
    pub meta_published: Option<String>,
    /// The `description` of JSON-LD Person objects (the article's authors and other people
    /// of the graph), a few: the author bio a page prints under its article.
    pub bios: Vec<String>,
}

/// How a shown date is labelled: "Published ..." / "Updated ..." (by its text, class or
/// microdata property), or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLabel {
    None,
    Published,
    Updated,
}

/// A date the page shows at the element or text node `at`.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub at: Id,
    pub value: String,
    pub label: DateLabel,
}

/// Whether `id` stands inside a `nav`, `footer`, `menu`, `form` or `select` (15 levels up).
fn in_menu(dom: &Dom, id: Id) -> bool {
    let mut cur = Some(id);
    for _ in 0..15 {
        let Some(c) = cur else { break };
        if matches!(dom.tag(c), "nav" | "footer" | "menu" | "form" | "select") {
            return true;
        }
        cur = dom.parent(c);
    }
    false
}

/// How many shown dates are kept.
const MAX_SHOWN: usize = 40;

/// Records a shown date, unless it stands in a menu, a form or the page's footer (their dates
/// belong to other pages). An `<aside>` may hold the article's own stamp ("post-meta").
fn shown(m: &mut Meta, dom: &Dom, at: Id, value: &str, label: DateLabel) {
    if m.shown.len() < MAX_SHOWN && !in_menu(dom, at) {
        m.shown.push(Shown {
            at,
            value: value.to_string(),
            label,
        });
    }
}

/// "Add to cart", "Add to basket", "Buy now": the button of a shop.
fn is_cart(t: &str) -> bool {
    let t = t.to_ascii_lowercase();
    [
        "add to cart",
        "add to bag",
        "add to basket",
        "buy now",
        "add to trolley",
    ]
    .iter()
    .any(|k| t.contains(k))
}

/// Names found at one place of the page (the element or text node `at`), so the author
/// choice can judge how near the headline they sit.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Found {
    pub at: Id,
    pub names: Vec<String>,
}

/// How many places of each kind of visible author evidence are kept.
const MAX_FOUND: usize = 5;

/// Adds `names` found at `at` as a new place, or to the last place when `group` says they
/// belong together (co-authors' links side by side).
fn found(list: &mut Vec<Found>, at: Id, names: Vec<String>, group: bool) {
    if names.is_empty() {
        return;
    }
    if let (true, Some(last)) = (group, list.last_mut()) {
        for n in names {
            if !last.names.contains(&n) && last.names.len() < 10 {
                last.names.push(n);
            }
        }
    } else if list.len() < MAX_FOUND {
        list.push(Found { at, names });
    }
}

pub fn collect(dom: &Dom, url: Option<&str>, marks: &[u8]) -> Meta {
    let mut m = Meta::default();
    let mut date_best: Option<(u8, String)> = None;
    let mut ld_texts: Vec<String> = Vec::new();
    let mut date_probes = 0;
    let mut byline_probes = 0;
    let mut box_probes = 0;
    let mut avatars: Vec<(Id, String)> = Vec::new();
    let mut label_probes = 0;
    let mut update_probes = 0;
    let mut rel_parent: Option<Id> = None;
    let mut href_parent: Option<Id> = None;
    for id in dom.preorder(ROOT) {
        if let Some(t) = dom.attr(id, "itemtype") {
            // "https://schema.org/Product" -> "product".
            let t = t.trim().trim_end_matches('/');
            let t = t.rsplit('/').next().unwrap_or(t).to_ascii_lowercase();
            if !t.is_empty() && m.kinds.len() < 20 && !m.kinds.contains(&t) {
                m.kinds.push(t);
            }
        }
        match dom.tag(id) {
            "html" => {
                if let Some(l) = dom.attr(id, "lang").or_else(|| dom.attr(id, "xml:lang")) {
                    set(&mut m.language, l);
                }
            }
            "title" => {
                if m.title_tag.is_none() {
                    set(&mut m.title_tag, &dom.collapsed_text(id));
                }
            }
            "meta" => {
                // JSON-LD carried in a meta tag's content (`name="script:ld+json"`).
                let name = dom.attr(id, "name").unwrap_or("");
                if name.len() < 40 && name.to_ascii_lowercase().contains("ld+json") {
                    if let Some(c) = dom.attr(id, "content") {
                        ld_texts.push(c.to_string());
                    }
                }
                meta_tag(dom, id, &mut m, &mut date_best)
            }
            "link" => {
                let rel = dom.attr(id, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(h) = dom.attr(id, "href") {
                        set(&mut m.canonical_url, h);
                    }
                }
            }
            "a" => {
                let rel = dom.attr(id, "rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
                {
                    if let Some(t) = dom.short_text(id, 80) {
                        let mut names = Vec::new();
                        push_author(&mut names, &t);
                        let parent = dom.parent(id);
                        let group = rel_parent.is_some() && rel_parent == parent;
                        rel_parent = parent;
                        found(&mut m.rel_authors, id, names, group);
                    }
                } else if is_author_href(dom.attr(id, "href").unwrap_or("")) {
                    // Author-page links; links side by side are co-authors.
                    let parent = dom.parent(id);
                    let group = href_parent.is_some() && href_parent == parent;
                    // Link text in capitals labels a column or section
                    // ("CUBE SPECIAL FEATURES"); names are written in mixed case.
                    let shouting = |t: &str| {
                        t.split_whitespace().count() > 1 && !t.chars().any(char::is_lowercase)
                    };
                    if let Some(t) = dom.short_text(id, 80).filter(|t| !shouting(t)) {
                        let mut names = Vec::new();
                        push_author(&mut names, &t);
                        if !names.is_empty() {
                            href_parent = parent;
                        }
                        found(&mut m.href_authors, id, names, group);
                    }
                }
            }
            "img" if avatars.len() < 10 => {
                if let Some(alt) = dom.attr(id, "alt").map(str::trim) {
                    if alt.len() <= 40 && looks_like_name(alt) && is_avatar(dom, id) {
                        avatars.push((id, alt.to_string()));
                    }
                }
            }
            "button" if !m.cart => m.cart = dom.short_text(id, 40).is_some_and(|t| is_cart(&t)),
            "input" if !m.cart => {
                m.cart = dom
                    .attr(id, "value")
                    .is_some_and(|v| v.len() <= 40 && is_cart(v))
            }
            "script" => {
                let ty = dom.attr(id, "type").unwrap_or("");
                if ty.eq_ignore_ascii_case("application/ld+json") {
                    let t: String = dom.children(id).filter_map(|c| dom.text_of(c)).collect();
                    ld_texts.push(t);
                }
            }
            "time" => {
                let v = dom.attr(id, "datetime").and_then(time_attr).or_else(|| {
                    dom.short_text(id, 80)
                        .and_then(|t| iso_date(&t))
                        .filter(|d| d.len() >= 10)
                });
                if let Some(v) = v {
                    shown(&mut m, dom, id, &v, time_label(dom, id));
                    if dom.attr(id, "pubdate").is_some()
                        || dom
                            .attr(id, "itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                    {
                        take_date(&mut date_best, 1, v.clone());
                    }
                    m.times.push((id, v));
                    m.date_at.push(id);
                }
            }
            "" => {
                if let Some(t) = dom.text_of(id) {
                    if m.shown.len() < MAX_SHOWN {
                        if let Some(d) = bare_date(dom, id, t) {
                            shown(&mut m, dom, id, &d, DateLabel::None);
                            if m.text_date.is_none() {
                                m.text_date = Some(d);
                            }
                        }
                    }
                    if m.label_date.is_none() && label_probes < 40 && has_publish_label(t) {
                        label_probes += 1;
                        m.label_date = labelled_date(dom, marks, id);
                        if let Some(d) = m.label_date.clone() {
                            m.date_at.push(id);
                            shown(&mut m, dom, id, &d, DateLabel::Published);
                        }
                    }
                    if m.update_date.is_none() && update_probes < 20 && has_update_label(t) {
                        update_probes += 1;
                        m.update_date = update_label_date(dom, marks, id);
                        if let Some(d) = m.update_date.clone() {
                            shown(&mut m, dom, id, &d, DateLabel::Updated);
                        }
                    }
                    if t.contains('©') && t.len() < 200 {
                        if let Some(n) = copyright_holder(t) {
                            m.copyright_person = Some(n);
                        }
                    }
                    if m.box_authors.len() < MAX_FOUND && box_probes < 20 && looks_like_name(t) {
                        if let Some(name) = boxed_name(dom, marks, id, t) {
                            box_probes += 1;
                            let mut names = Vec::new();
                            push_author(&mut names, &name);
                            found(&mut m.box_authors, id, names, false);
                        }
                    }
                    if m.text_authors.len() < MAX_FOUND
                        && byline_probes < 40
                        && byline_label(t).is_some()
                    {
                        byline_probes += 1;
                        found(
                            &mut m.text_authors,
                            id,
                            visible_byline(dom, marks, id),
                            false,
                        );
                    }
                }
            }
            _ => {
                // Microdata bylines: <span itemprop="author">, or its itemprop="name" child.
                let itemprop = dom.attr(id, "itemprop").unwrap_or("");
                if itemprop.eq_ignore_ascii_case("author")
                    && m.itemprop_authors.len() < MAX_FOUND
                    && !in_furniture(dom, marks, id)
                {
                    let name = dom
                        .preorder(id)
                        .into_iter()
                        .find(|&c| {
                            dom.attr(c, "itemprop")
                                .is_some_and(|p| p.eq_ignore_ascii_case("name"))
                        })
                        .unwrap_or(id);
                    if let Some(t) = dom.short_text(name, 80) {
                        let mut names = Vec::new();
                        for part in split_names(&super::authors::strip_byline_noise(&t)) {
                            push_author(&mut names, part);
                        }
                        found(&mut m.itemprop_authors, id, names, false);
                    }
                }
                // Microdata dates written as text: <span itemprop="datePublished">May 3, 2024</span>.
                // Only while nothing else dates the page: on forums every reply carries one.
                if itemprop.eq_ignore_ascii_case("datePublished")
                    && dom.attr(id, "content").is_none()
                    && date_best.is_none()
                    && m.times.is_empty()
                {
                    if let Some(v) = dom
                        .short_text(id, 60)
                        .and_then(|t| iso_date(&t))
                        .filter(|d| d.len() >= 10)
                    {
                        shown(&mut m, dom, id, &v, DateLabel::Published);
                        take_date(&mut date_best, 1, v);
                    }
                }
                if date_probes < 30 && m.shown.len() < MAX_SHOWN {
                    let ci = dom.attr(id, "class").unwrap_or("").to_ascii_lowercase();
                    if ["date", "time", "publish", "posted"]
                        .iter()
                        .any(|k| ci.contains(k))
                    {
                        date_probes += 1;
                        // "Jun 08, 2023 • 11 Minute Read": the date before the separator;
                        // "Updated: December 9, 2025": the date after its label.
                        let found = dom.short_text(id, 80).and_then(|t| {
                            let (label, rest) = strip_date_label(&t);
                            let v = iso_date(rest).or_else(|| {
                                let head = rest.split(['•', '·', '|']).next()?;
                                (head.len() < rest.len()).then(|| iso_date(head)).flatten()
                            })?;
                            (v.len() >= 10).then_some((label, v))
                        });
                        if let Some((label, v)) = found {
                            let label = match label {
                                DateLabel::None => class_label(&ci),
                                l => l,
                            };
                            shown(&mut m, dom, id, &v, label);
                            if m.visible_date.is_none() {
                                m.visible_date = Some(v);
                                m.date_at.push(id);
                            }
                        }
                    }
                }
            }
        }
    }
    for t in &ld_texts {
        json_ld(t, &mut m);
    }
    for (id, alt) in &avatars {
        if m.avatar_authors.len() >= 3 {
            break;
        }
        if let Some(name) = name_beside(dom, marks, *id, alt) {
            let mut names = Vec::new();
            push_author(&mut names, &name);
            found(&mut m.avatar_authors, *id, names, false);
        }
    }
    if m.published.is_none() {
        m.published = date_best.map(|(_, v)| v);
    }
    if m.published.is_none() {
        m.published = m.page_published.clone();
    }
    m.meta_published = m.published.clone();
    // A page that shows "Published <date>" earlier than its metadata date was republished:
    // the visible date is the original one.
    if let Some(l) = &m.label_date {
        let earlier = m
            .published
            .as_deref()
            .is_none_or(|p| l.get(..10) < p.get(..10));
        if earlier {
            m.published = Some(l.clone());
        }
    }
    if m.modified.is_none() {
        m.modified = m.page_modified.clone();
    }
    if let Some(u) = url.or(m.canonical_url.as_deref()) {
        m.url_date = url_date(u);
    }
    // Without metadata: the URL's date (the site's own permanent record), the first
    // `<time>`, a text node that is only a date, a date-classed element; the last update only
    // when nothing else dates the page. This order follows how often each agreed with the
    // others on WCXB dev (README, "HTML pages").
    let fallbacks = [
        m.url_date.clone(),
        m.times.first().map(|(_, v)| v.clone()),
        m.text_date.clone(),
        m.visible_date.clone(),
    ];
    if m.published.is_none() {
        m.published = fallbacks.into_iter().flatten().next();
    }
    if m.published.is_none() {
        m.published = m.modified.clone();
    }
    if m.published.is_none() {
        m.published = m.update_date.clone();
    }
    m
}

/// "© 2025 Jane Doe. All rights reserved." -> "Jane Doe", when the holder reads as a
/// person's name (a company's copyright is the publisher's, not a signature).
fn copyright_holder(t: &str) -> Option<String> {
    let rest = t.split('©').nth(1)?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || " -–,\u{a0}".contains(c));
    let rest = rest.trim_start_matches("Copyright").trim();
    let end = rest
        .find(['.', '|', '·', '•', ',', '\n'])
        .unwrap_or(rest.len());
    let name = rest.get(..end)?.trim();
    plain_person(name).then(|| name.to_string())
}

fn set(slot: &mut Option<String>, v: &str) {
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_string());
    }
}

fn take_date(best: &mut Option<(u8, String)>, rank: u8, v: String) {
    if best.as_ref().is_none_or(|(r, _)| rank < *r) {
        *best = Some((rank, v));
    }
}
