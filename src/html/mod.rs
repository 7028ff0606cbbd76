//! HTML pages in, the same record out: `parse_html` turns a page's bytes into the article
//! text plus a `Layout` whose spans index that text, so `record::parse_with_layout` runs every
//! extractor on it unchanged, and `HtmlMeta` carries what only the markup knows.
//!
//! The text is built, not cut from the page: it is
//!
//! ```text
//! [section]              <- JSON-LD articleSection / article:section, when known
//! headline
//! [By A, B and C]        <- the page's visible byline when it names the authors, else built
//!                           from the metadata names
//! [published date]       <- the visible <time> text when it agrees with the metadata, else ISO
//! [Updated ISO-date]     <- only when modified falls on another day than published
//! paragraph / subheading / list item / quote / caption blocks, in page order
//! ```
//!
//! with every line of the header and every block separated by a blank line. Paragraph kinds
//! (`p`, `li`, `blockquote`, `pre`) are in `meta.paragraph_kinds`, one per
//! `layout.paragraphs` entry. Captions (`<figcaption>`) are kept in the text as picture blocks
//! (`layout.images`: caption, then the credit on its own line) and are not paragraphs.
//! Dropped furniture (navigation, share bars, related links...) is never in the text; a short
//! list of it is in `meta.boilerplate`.

mod content;
mod decode;
mod dom;
mod guard;
mod hints;
mod meta;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::layout::{Image, Layout, Stamp, StampKind, Subheading};
use crate::text::Span;
use content::BlockKind;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlPage {
    pub text: String,
    pub layout: Layout,
    pub meta: HtmlMeta,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HtmlImage {
    pub src: Option<String>,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HtmlLink {
    pub text: String,
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Dropped {
    /// `nav`, `furniture` (class/id or role hints), `links` (a block that is mostly links),
    /// `listing` (a whole index page's teasers), `script_only`, `repeat` (a second copy of a
    /// block), `credit` (picture-credit and source lines), `stamp` (a date-only line),
    /// `title` (furniture titles such as "Related posts"), `paywall`, `limit` (the end of a
    /// page whose tree outgrew its budget, see `guard`).
    pub kind: &'static str,
    /// The first 100 characters.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct HtmlMeta {
    /// WHATWG name of the encoding the bytes were read with.
    pub encoding: String,
    pub language: Option<String>,
    pub site_name: Option<String>,
    /// The headline as chosen (also the first line of `text` when present).
    pub title: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    /// ISO 8601: the original publication date, never the last update.
    pub published: Option<String>,
    pub modified: Option<String>,
    pub section: Option<String>,
    /// og:type or the JSON-LD @type of the article object, lower case.
    pub page_type: Option<String>,
    pub is_article: bool,
    pub paywalled: bool,
    pub truncated: bool,
    pub images: Vec<HtmlImage>,
    /// Heading level (1-6) of each `layout.subheadings` entry.
    pub subheading_levels: Vec<u8>,
    /// `p`, `li`, `blockquote` or `pre` for each `layout.paragraphs` entry.
    pub paragraph_kinds: Vec<&'static str>,
    pub related_links: Vec<HtmlLink>,
    pub boilerplate: Vec<Dropped>,
}

/// Decoded text beyond this is cut (the page is then `truncated`): the article text built
/// from a page must stay indexable by 32-bit offsets (`limits::HARD_MAX_BYTES`), and decoding
/// can triple a page's size. Only reachable with `max_bytes=None`.
const MAX_DECODED: usize = crate::limits::HARD_MAX_BYTES / 2;

/// Parses an HTML page. `url` (the page's address, if known) supplies a date from its path
/// ("/2014/01/05/") and a site name to strip from titles. Never panics; time is linear in
/// the input (html5ever's tokenizer, its tree builder kept shallow by `guard`, and a
/// constant number of passes over the tree). A page whose tree would outgrow its budget
/// (`guard::Budget`) is cut there: `meta.truncated` is set and `meta.boilerplate` says so.
pub fn parse_html(bytes: &[u8], url: Option<&str>) -> HtmlPage {
    let (mut html, encoding) = decode::decode(bytes);
    let cut = html.len() > MAX_DECODED;
    if cut {
        let mut end = MAX_DECODED;
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        html.to_mut().truncate(end);
    }
    let dom = dom::parse(&html);
    // The decoded page is not needed once its tree is built (text nodes hold their own).
    drop(html);
    let m = meta::collect(&dom, url);
    let body_hint = m
        .article_body
        .as_deref()
        .map(|b| b.bytes().filter(|c| !c.is_ascii_whitespace()).count())
        .filter(|&n| n >= 200);
    let ex = content::extract(&dom, body_hint);

    let site = m.site_name.clone().or_else(|| url.and_then(host_label));
    let headline = choose_headline(&m, ex.h1.as_deref(), site.as_deref());

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
        if let Some(b) = &ex.byline {
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

    let mut blocks = ex.blocks;
    let mut boilerplate: Vec<Dropped> = ex
        .dropped
        .into_iter()
        .map(|(kind, text)| Dropped { kind, text })
        .collect();
    let extracted: usize = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph(_)))
        .map(|b| b.text.bytes().filter(|c| !c.is_ascii_whitespace()).count())
        .sum();
    // Structured data holds the text when the markup hides it (scripts) or splits it.
    if let (Some(body), Some(hint)) = (&m.article_body, body_hint) {
        if extracted * 2 < hint {
            blocks = body
                .split('\n')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| content::Block {
                    kind: BlockKind::Paragraph("p"),
                    text: p.split_whitespace().collect::<Vec<_>>().join(" "),
                    credit: None,
                    src: None,
                    alt: None,
                })
                .collect();
        }
    }
    let words: usize = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph(_)))
        .map(|b| b.text.split_whitespace().count())
        .sum();
    let script_only = ex.script_only && blocks.is_empty();
    let listing = ex.listing && !m.says_article;
    if listing || script_only {
        let kind = if listing { "listing" } else { "script_only" };
        for b in blocks.drain(..).take(10) {
            boilerplate.push(Dropped {
                kind,
                text: b.text.chars().take(100).collect(),
            });
        }
    }
    let is_article = !listing && !script_only && (m.says_article || words >= 150);
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
    if let Some(site) = site.as_deref().map(str::to_lowercase) {
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
            if let Some(b) = &ex.byline {
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
    if let Some(s) = site.as_ref().filter(|_| !signed_by_site) {
        authors.retain(|a| !a.eq_ignore_ascii_case(s));
    }
    let paywalled = m.not_free || ex.paywall_marker;
    let cut_short = cut || dom.truncated;
    if cut_short {
        boilerplate.push(Dropped {
            kind: "limit",
            text: "the rest of the page: its tree outgrew the size budget".to_string(),
        });
    }
    let truncated = script_only
        || cut_short
        || (paywalled && words < 300)
        || body_hint.is_some_and(|h| extracted * 3 < h * 2 && blocks.is_empty());

    // The published line, read from the tree before the tree is dropped.
    let published_line = m.published.as_ref().map(|p| {
        let same_day = |t: &str, dt: Option<&str>| {
            let day = dt.and_then(meta::iso_date).or_else(|| meta::iso_date(t));
            day.as_deref().and_then(|d| d.get(..10)) == p.get(..10)
                && (4..=60).contains(&t.chars().count())
        };
        ex.date_text
            .as_ref()
            .filter(|(t, dt)| same_day(t, dt.as_deref()))
            .map(|(t, _)| t.clone())
            .or_else(|| {
                m.times.iter().find_map(|(id, v)| {
                    let t = dom.short_text(*id, 60)?;
                    same_day(&t, Some(v)).then_some(t)
                })
            })
            .unwrap_or_else(|| p.clone())
    });
    // The tree (and the page text its nodes hold) is not needed any more: freed before the
    // article text is written, which is the peak of a big page's memory. The text is written
    // once into a buffer of its final size (doubling would leave up to as much again unused).
    drop(dom);
    let capacity = blocks
        .iter()
        .map(|b| b.text.len() + b.credit.as_ref().map_or(0, |c| c.len() + 1) + 2)
        .sum::<usize>()
        + 4096;
    let mut page = HtmlPage::default();
    let mut w = TextWriter {
        text: String::with_capacity(capacity),
    };
    if let Some(s) = m
        .section
        .as_deref()
        .filter(|s| s.split_whitespace().count() <= 5)
    {
        page.layout.section = Some(w.line(s));
    }
    if let Some(h) = &headline {
        page.layout.headline = Some(w.line(h));
    }
    if !authors.is_empty() {
        let visible =
            ex.byline.as_deref().map(clean_byline_line).filter(|b| {
                b.chars().count() <= 150 && authors.iter().all(|a| b.contains(a.as_str()))
            });
        let line = visible.unwrap_or_else(|| format!("By {}", join_names(&authors)));
        let span = w.line(&line);
        page.layout.byline = Some(span);
        let mut from = span.start;
        for a in &authors {
            let hay = w.text.get(from..span.end).unwrap_or("");
            if let Some(pos) = hay.find(a.as_str()) {
                let s = from + pos;
                page.layout.authors.push(Span::new(s, s + a.len()));
                from = s + a.len();
            }
        }
    }
    if let (Some(p), Some(line)) = (&m.published, &published_line) {
        let span = w.line(line);
        page.layout.published = Some(Stamp {
            kind: Some(StampKind::Published),
            span,
            value: Some(p.clone()),
        });
    }
    if let Some(md) = &m.modified {
        if m.published.as_deref().and_then(|p| p.get(..10)) != md.get(..10) {
            let span = w.line(&format!("Updated {md}"));
            page.layout.updated = Some(Stamp {
                kind: Some(StampKind::Updated),
                span: Span::new(span.start + "Updated ".len(), span.end),
                value: Some(md.clone()),
            });
        }
    }
    let mut images = Vec::new();
    let mut first = true;
    for b in blocks {
        match b.kind {
            BlockKind::Heading(level) => {
                let dup = first && headline.as_deref().is_some_and(|h| same_text(h, &b.text));
                first = false;
                if dup {
                    continue;
                }
                let span = w.line(&b.text);
                page.layout.subheadings.push(Subheading {
                    span,
                    paragraph: page.layout.paragraphs.len(),
                });
                page.meta.subheading_levels.push(level);
            }
            BlockKind::Paragraph(kind) => {
                first = false;
                page.layout.paragraphs.push(w.line(&b.text));
                page.meta.paragraph_kinds.push(kind);
            }
            BlockKind::Caption => {
                first = false;
                let caption = w.line(&b.text);
                let credit = b.credit.as_deref().map(|c| w.next_line(c));
                let block = Span::new(caption.start, credit.map_or(caption.end, |c| c.end));
                page.layout.images.push(Image {
                    block,
                    title: None,
                    caption: Some(caption),
                    credit,
                    paragraph: page.layout.paragraphs.len(),
                });
                images.push(HtmlImage {
                    src: b.src,
                    alt: b.alt,
                    caption: Some(b.text),
                    credit: b.credit,
                });
            }
        }
    }
    for (src, alt) in ex.images.into_iter().take(50) {
        images.push(HtmlImage {
            src: Some(src),
            alt,
            caption: None,
            credit: None,
        });
    }
    page.text = w.text;
    page.meta = HtmlMeta {
        encoding: encoding.to_string(),
        language: m.language,
        site_name: m.site_name,
        title: headline,
        canonical_url: m.canonical_url,
        description: m.description,
        tags: m.tags,
        authors,
        published: m.published,
        modified: m.modified,
        section: m.section,
        page_type: m.page_type,
        is_article,
        paywalled,
        truncated,
        images,
        subheading_levels: std::mem::take(&mut page.meta.subheading_levels),
        paragraph_kinds: std::mem::take(&mut page.meta.paragraph_kinds),
        related_links: ex
            .related
            .into_iter()
            .map(|(text, href)| HtmlLink { text, href })
            .collect(),
        boilerplate,
    };
    page
}

#[derive(Default)]
struct TextWriter {
    text: String,
}

impl TextWriter {
    /// Appends a block after a blank line; returns its span.
    fn line(&mut self, s: &str) -> Span {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }

    /// Appends a line in the same block.
    fn next_line(&mut self, s: &str) -> Span {
        self.text.push('\n');
        let start = self.text.len();
        self.text.push_str(s);
        Span::new(start, self.text.len())
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_text(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// "www.bbc.co.uk" -> "bbc": enough to recognise "BBC News" as a site suffix.
fn host_label(url: &str) -> Option<String> {
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

fn choose_headline(m: &meta::Meta, h1: Option<&str>, site: Option<&str>) -> Option<String> {
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

/// `s` with every case-insensitive occurrence of `pat` (ASCII case) replaced by `with`.
fn replace_ci(s: &str, pat: &str, with: &str) -> String {
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
fn clean_byline_line(b: &str) -> String {
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
fn strip_byline_noise(b: &str) -> String {
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
