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

mod authors;
mod content;
mod decode;
mod dom;
mod guard;
mod hints;
mod kind;
mod meta;
mod published;
mod title;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::layout::{Image, Layout, Stamp, StampKind, Subheading};
use crate::text::Span;
use authors::{clean_byline_line, join_names};
use content::BlockKind;
pub use title::clean_title;
use title::{choose_headline, host_label};

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
    /// `script_only`, `repeat` (a second copy of a
    /// block), `credit` (picture-credit and source lines), `stamp` (a date-only line),
    /// `title` (furniture titles such as "Related posts"), `teasers` (a run of linked titles
    /// with a line of summary, each in a card of its own, under the article), `bio` (the author's bio, as the
    /// page's JSON-LD describes the author), `byline` (the article's credit line printed
    /// among its paragraphs, "Written by ..."), `paywall`, `limit` (the end of a
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
    /// What kind of page this is: `article`, `listing` (an index of teasers), `product` (a
    /// shop's page), `forum` (a thread or a question) or `page` (anything else: services,
    /// documentation, home pages). See `kind::page_kind`.
    pub page_kind: &'static str,
    /// `page_kind` is `article`.
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
    /// Which evidence gave `authors` (for evaluation programs; not serialised).
    #[serde(skip)]
    pub author_source: &'static str,
}

/// Decoded text beyond this is cut (the page is then `truncated`): the article text built
/// from a page must stay indexable by 32-bit offsets (`limits::HARD_MAX_BYTES`), and decoding
/// can triple a page's size. Only reachable with `max_bytes=None`.
/// Blocks at the end of the body where an author box is looked for.
const BIO_TAIL: usize = 4;

const MAX_DECODED: usize = crate::limits::HARD_MAX_BYTES / 2;

/// Parses an HTML page. `url` (the page's address, if known) supplies a date from its path
/// ("/2014/01/05/") and a site name to strip from titles. Never panics; time is linear in
/// the input (html5ever's tokenizer, its tree builder kept shallow by `guard`, and a
/// constant number of passes over the tree). A page whose tree would outgrow its budget
/// (`guard::Budget`) is cut there: `meta.truncated` is set and `meta.boilerplate` says so.
pub fn parse_html(bytes: &[u8], url: Option<&str>) -> HtmlPage {
    crate::forksafe::mark_started();
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
    let marks = hints::page_marks(&dom);
    let mut m = meta::collect(&dom, url, &marks);
    let body_hint = m
        .article_body
        .as_deref()
        .map(|b| b.bytes().filter(|c| !c.is_ascii_whitespace()).count())
        .filter(|&n| n >= 200);
    let mut ex = content::extract(&dom, body_hint, marks);
    m.published = published::choose(&m, &ex);

    let site = m.site_name.clone().or_else(|| url.and_then(host_label));
    m.stamp_authors = published::stamp_names(&dom, &m, &ex, site.as_deref());
    let headline = choose_headline(&m, ex.h1.as_deref(), site.as_deref());

    let mut blocks = std::mem::take(&mut ex.blocks);
    let mut boilerplate: Vec<Dropped> = std::mem::take(&mut ex.dropped)
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
                    linked: false,
                    after_title: false,
                })
                .collect();
        }
    }
    // The author box under the article, when the metadata describes the author with the
    // same words: a bio, not the article.
    if m.says_article && !m.bios.is_empty() {
        let keys: Vec<String> = m.bios.iter().map(|b| content::bio_key(b)).collect();
        blocks.retain(|b| {
            let bio = matches!(b.kind, BlockKind::Paragraph(_)) && content::is_bio(&b.text, &keys);
            if bio {
                boilerplate.push(Dropped {
                    kind: "bio",
                    text: b.text.chars().take(100).collect(),
                });
            }
            !bio
        });
    }
    let words: usize = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph(_)))
        .map(|b| b.text.split_whitespace().count())
        .sum();
    let script_only = ex.script_only && blocks.is_empty();
    let listing = ex.listing && !m.says_article;
    // A listing keeps its teasers as its text (what the page shows; WCXB's gold for such
    // pages is the list), flagged by `page_kind`, never given an author or read as an article.
    let page_kind = kind::page_kind(&m, listing, script_only, words, url);
    let is_article = page_kind == "article";
    // A listing's names sign its teasers and a shop's page is signed by nobody: no author.
    // Nor is a front page that does not declare an article (its names sign its teasers).
    let front = !is_article && kind::front_page(&m, url);
    let (authors, author_source) = if matches!(page_kind, "listing" | "product") || front {
        (Vec::new(), "")
    } else {
        authors::choose(&m, &ex, site.as_deref(), is_article)
    };
    // The author box printed with the article: a block that opens with an author's name and
    // a bio verb ("Jane Doe is a freelance writer...").
    // Only people's names (a company's "Acme Corp is..." is its pitch, read elsewhere) and
    // only where author boxes stand: the first two paragraphs or the last four blocks.
    let people: Vec<String> = authors
        .iter()
        .filter(|a| {
            a.split_whitespace().count() >= 2
                && meta::name_kind(a, site.as_deref()) == meta::NameKind::Person
        })
        .cloned()
        .collect();
    if is_article && !people.is_empty() {
        let n = blocks.len();
        let mut paragraphs = 0;
        let mut at = 0;
        blocks.retain(|b| {
            at += 1;
            let para = matches!(b.kind, BlockKind::Paragraph("p"));
            paragraphs += usize::from(para);
            let bio = para
                && (paragraphs <= 2 || at + BIO_TAIL > n)
                && content::opens_as_bio(&b.text, &people);
            if bio {
                boilerplate.push(Dropped {
                    kind: "bio",
                    text: b.text.chars().take(100).collect(),
                });
            }
            !bio
        });
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
        page_kind,
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
        author_source,
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

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_text(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}
