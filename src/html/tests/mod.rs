use super::*;

use crate::text::Span;

mod page_authors;
mod page_body;
mod page_dates;
mod page_furniture;
mod page_meta;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn s(page: &HtmlPage, span: Span) -> &str {
    &page.text[span.start..span.end]
}

/// Every span of the layout lies inside `text` on char boundaries.
/// A page whose body is `body` (title "T").
fn page_of(body: &str) -> HtmlPage {
    let html = format!("<html><head><title>T</title></head><body>{body}</body></html>");
    parse_html(html.as_bytes(), None)
}

/// Whether a body paragraph of `page` contains `needle`.
fn has_para(page: &HtmlPage, needle: &str) -> bool {
    page.layout
        .paragraphs
        .iter()
        .any(|&p| s(page, p).contains(needle))
}

fn all_spans(page: &HtmlPage) -> Vec<Span> {
    let l = &page.layout;
    let mut v: Vec<Span> = Vec::new();
    v.extend(l.section);
    v.extend(l.headline);
    v.extend(l.byline);
    v.extend(l.authors.iter().copied());
    v.extend(l.published.as_ref().map(|p| p.span));
    v.extend(l.updated.as_ref().map(|p| p.span));
    for i in &l.images {
        v.push(i.block);
        v.extend(i.caption);
        v.extend(i.credit);
    }
    v.extend(l.subheadings.iter().map(|h| h.span));
    v.extend(l.paragraphs.iter().copied());
    v.extend(l.boilerplate.iter().map(|b| b.span));
    v
}

fn check_spans(page: &HtmlPage) {
    for sp in all_spans(page) {
        assert!(sp.start <= sp.end && sp.end <= page.text.len(), "{sp:?}");
        assert!(page.text.is_char_boundary(sp.start) && page.text.is_char_boundary(sp.end));
    }
    assert_eq!(
        page.layout.paragraphs.len(),
        page.meta.paragraph_kinds.len()
    );
    assert_eq!(
        page.layout.subheadings.len(),
        page.meta.subheading_levels.len()
    );
}

#[test]
fn article_with_figures_headings_and_graph() {
    let page = parse_html(&fixture("article_figures.html"), None);
    check_spans(&page);
    let l = &page.layout;
    assert_eq!(
        l.headline.map(|h| s(&page, h)),
        Some("Harbour bridge reopens after storm repairs")
    );
    assert_eq!(l.section.map(|h| s(&page, h)), Some("Local"));
    // JSON-LD authors: a list, one of them an @id reference into @graph; the Organization
    // and "Email the author" never become authors.
    assert_eq!(page.meta.authors, vec!["Alma Whitcombe", "Tomas Reyes"]);
    let names: Vec<&str> = l.authors.iter().map(|a| s(&page, *a)).collect();
    assert_eq!(names, vec!["Alma Whitcombe", "Tomas Reyes"]);
    assert!(!page.text.contains("Email the author"));
    // The original date, not the update; the visible date text is used.
    let p = l
        .published
        .as_ref()
        .map(|p| (s(&page, p.span), p.value.clone()));
    assert_eq!(
        p,
        Some((
            "7 March 2024",
            Some("2024-03-07T08:15:00+00:00".to_string())
        ))
    );
    assert_eq!(
        page.meta.modified.as_deref(),
        Some("2024-03-09T10:00:00+01:00")
    );
    assert_eq!(page.meta.site_name.as_deref(), Some("The Coastal Courier"));
    assert_eq!(page.meta.language.as_deref(), Some("en-GB"));
    assert!(page.meta.is_article && !page.meta.paywalled && !page.meta.truncated);
    // Subheadings with levels and the paragraph they precede.
    let heads: Vec<(&str, usize)> = l
        .subheadings
        .iter()
        .map(|h| (s(&page, h.span), h.paragraph))
        .collect();
    assert_eq!(
        heads,
        vec![("Why it closed", 2), ("The cost of the work", 3)]
    );
    assert_eq!(page.meta.subheading_levels, vec![2, 3]);
    assert_eq!(
        page.meta.paragraph_kinds,
        vec!["p", "p", "p", "p", "li", "li", "blockquote", "p"]
    );
    // The figure: caption and credit spans, between paragraphs 0 and 1.
    assert_eq!(l.images.len(), 1);
    let img = &l.images[0];
    assert_eq!(
        img.caption.map(|c| s(&page, c)),
        Some("Drivers crossed the bridge at dawn.")
    );
    assert_eq!(img.credit.map(|c| s(&page, c)), Some("Photo: Lena Ortiz"));
    assert_eq!(img.paragraph, 1);
    assert_eq!(page.meta.images[0].src.as_deref(), Some("/img/bridge.jpg"));
    // Furniture is out of the text and listed.
    for junk in [
        "Share on Facebook",
        "All rights reserved",
        "Storm warning issued",
    ] {
        assert!(!page.text.contains(junk), "{junk}");
        assert!(
            page.meta.boilerplate.iter().any(|b| b.text.contains(junk)),
            "{junk}"
        );
    }
    assert_eq!(page.meta.related_links.len(), 1);
    assert!(page.meta.tags.iter().any(|t| t == "bridges"));
}

#[test]
fn record_builds_from_the_page() {
    let page = parse_html(&fixture("article_figures.html"), None);
    let rec = crate::record::parse_with_layout(
        &page.text,
        page.layout.clone(),
        &crate::record::Options::default(),
    );
    let json = serde_json::to_value(&rec).unwrap_or_default();
    assert_eq!(
        json["headline"]["text"].as_str(),
        Some("Harbour bridge reopens after storm repairs")
    );
    assert_eq!(json["paragraphs"].as_array().map(Vec::len), Some(8));
}

#[test]
fn listing_page_is_flagged_with_its_teasers() {
    let page = parse_html(&fixture("listing.html"), None);
    check_spans(&page);
    assert!(!page.meta.is_article);
    assert_eq!(page.meta.page_kind, "listing");
    assert!(page.meta.authors.is_empty());
    // The teasers are the page's text, flagged by `page_kind` rather than emptied.
    assert!(
        page.text.contains("A short summary of story 12"),
        "{}",
        page.text
    );
    assert_eq!(page.meta.title.as_deref(), Some("Local news"));
}

#[test]
fn paywalled_page_is_flagged() {
    let page = parse_html(&fixture("paywalled.html"), None);
    check_spans(&page);
    assert!(page.meta.paywalled && page.meta.truncated);
    assert!(!page.text.contains("Subscribe to continue"));
    assert_eq!(page.meta.authors, vec!["Nadia Brenner"]);
    assert_eq!(page.meta.published.as_deref(), Some("2024-05-02"));
}

#[test]
fn script_only_page_is_truncated_and_empty() {
    let page = parse_html(&fixture("script_only.html"), None);
    check_spans(&page);
    assert!(page.meta.truncated && !page.meta.is_article);
    assert!(page.layout.paragraphs.is_empty());
    assert!(!page.text.contains("window.__APP__"));
    assert!(!page.text.contains("enable JavaScript"));
}

#[test]
fn bad_markup_is_repaired() {
    let page = parse_html(&fixture("bad_markup.html"), None);
    check_spans(&page);
    let paras: Vec<&str> = page
        .layout
        .paragraphs
        .iter()
        .map(|p| s(&page, *p))
        .collect();
    assert!(paras.iter().any(|p| p.starts_with("The first paragraph")));
    assert!(paras.iter().any(|p| p.starts_with("The second paragraph")));
    assert!(paras.iter().any(|p| p.contains("& a bare ampersand <")));
}

#[test]
fn charset_declarations() {
    for (file, enc) in [
        ("charset_meta.html", "windows-1252"),
        // ISO-8859-1 is windows-1252 in WHATWG's encoding standard.
        ("charset_http_equiv.html", "windows-1252"),
        ("charset_bom.html", "UTF-8"),
        ("charset_undeclared_1252.html", "windows-1252"),
    ] {
        let page = parse_html(&fixture(file), None);
        check_spans(&page);
        assert_eq!(page.meta.encoding, enc, "{file}");
        assert!(
            page.text.contains("Le café de la gare"),
            "{file}: {}",
            page.text
        );
        assert!(!page.text.contains('\u{fffd}'), "{file}");
    }
}

#[test]
fn invalid_bytes_become_replacement_chars() {
    let page = parse_html(&fixture("invalid_bytes.html"), None);
    check_spans(&page);
    assert_eq!(page.meta.encoding, "UTF-8");
    assert!(page.text.contains("Valid text then invalid bytes \u{fffd}"));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut html = String::from("<html><body>");
    for _ in 0..10_000 {
        html.push_str("<div>");
    }
    html.push_str("<p>Deep text, with a comma, sits at the bottom of ten thousand divs.</p>");
    let page = parse_html(html.as_bytes(), None);
    check_spans(&page);
    assert!(page.text.contains("Deep text"));
    let mut spans = String::from("<html><body><p>");
    for _ in 0..10_000 {
        spans.push_str("<b><i>x");
    }
    let page = parse_html(spans.as_bytes(), None);
    check_spans(&page);
}

#[test]
fn large_page_runs() {
    let para = "<p>The council met again on Tuesday, and the members argued about the budget for the harbour, the roads and the schools until late.</p>\n";
    let mut html = String::from("<html><head><title>Big</title></head><body><article>");
    // 50 MB in release builds (as the issue asks), 8 MB in slow debug builds.
    let size = if cfg!(debug_assertions) {
        8_000_000
    } else {
        50_000_000
    };
    while html.len() < size {
        html.push_str(para);
        html.push_str("<div class=\"share\"><a href=\"#\">Share</a></div>\n");
    }
    html.push_str("</article></body></html>");
    let page = parse_html(html.as_bytes(), None);
    check_spans(&page);
    assert!(page.layout.paragraphs.len() > 30_000);
}

#[test]
fn arbitrary_bytes_never_panic() {
    let inputs: Vec<Vec<u8>> =
        vec![
        Vec::new(),
        b"\xff\xfe\x00<".to_vec(),
        b"<meta charset=\"utf-16\"><p>x</p>".to_vec(),
        b"<script type=\"application/ld+json\">{\"@graph\": [[[[{}]]]], \"author\": 5}</script>"
            .to_vec(),
        "<h1>\u{1F600}\u{0301}</h1><p>ا\u{0300}ب</p>\0".as_bytes().to_vec(),
        b"<template><p>hidden</p></template><table><p>foster</p></table>".to_vec(),
    ];
    for bytes in inputs {
        let page = parse_html(&bytes, Some("http://x/\u{1F600}"));
        check_spans(&page);
    }
}

/// A dated or undated article page: `head` goes in `<head>`, `top` before four paragraphs.
fn article(head: &str, top: &str) -> HtmlPage {
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let html = format!(
        "<html><head><meta property=\"og:type\" content=\"article\">{head}</head><body>\
         <article>{top}{}</article></body></html>",
        para.repeat(4)
    );
    parse_html(html.as_bytes(), Some("https://news.example.com/story"))
}

const DATED: &str = "<meta property=\"article:published_time\" content=\"2024-03-05T10:00:00Z\">";
