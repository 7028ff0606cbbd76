use super::*;
use crate::text::Span;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/html/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn s(page: &HtmlPage, span: Span) -> &str {
    &page.text[span.start..span.end]
}

/// Every span of the layout lies inside `text` on char boundaries.
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
fn listing_page_has_no_body() {
    let page = parse_html(&fixture("listing.html"), None);
    check_spans(&page);
    assert!(!page.meta.is_article);
    assert!(page.layout.paragraphs.is_empty());
    assert!(page.meta.boilerplate.iter().any(|b| b.kind == "listing"));
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
fn title_suffixes() {
    assert_eq!(
        clean_title(
            "Bridge reopens | The Coastal Courier",
            Some("The Coastal Courier")
        ),
        "Bridge reopens"
    );
    assert_eq!(
        clean_title("Bridge reopens - BBC News", Some("BBC")),
        "Bridge reopens"
    );
    assert_eq!(
        clean_title("BBC News - Bridge reopens today", Some("BBC")),
        "Bridge reopens today"
    );
    // A dash in a headline with no site name in it stays.
    assert_eq!(
        clean_title("Kerry - the talks will go on", Some("Reuters")),
        "Kerry - the talks will go on"
    );
}

#[test]
fn metadata_dates() {
    assert_eq!(
        meta::url_date("https://x.example/2014/01/05/story"),
        Some("2014-01-05".into())
    );
    assert_eq!(meta::url_date("https://x.example/2014/13/05/story"), None);
    assert_eq!(
        meta::iso_date("2014-01-05T12:34:56Z"),
        Some("2014-01-05T12:34:56+00:00".into())
    );
    assert_eq!(
        meta::iso_date("2014-01-05T12:34+0100"),
        Some("2014-01-05T12:34+01:00".into())
    );
    assert_eq!(meta::iso_date("5 January 2014"), Some("2014-01-05".into()));
    assert_eq!(meta::iso_date("not a date"), None);
}

#[test]
fn authors_are_cleaned() {
    let mut v = Vec::new();
    for raw in [
        "By Jane Doe",
        "Email the author",
        "https://x.example/jane",
        "March 5, 2014",
        "Written byJohn Roe",
        "jane.doe",
    ] {
        meta::push_author(&mut v, raw);
    }
    assert_eq!(v, vec!["Jane Doe", "John Roe"]);
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

/// A small article page: `head` goes in `<head>` (og:type article is always there), `top`
/// before the body paragraphs.
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

#[test]
fn visible_by_line_names_the_author() {
    let page = article(
        DATED,
        "<h1>Harbour works</h1><p class=\"x\">By <a href=\"/j\">Jane Doe</a> and Sam Roe</p>",
    );
    assert_eq!(page.meta.authors, vec!["Jane Doe", "Sam Roe"]);
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div><p>Written by</p><p>Jane Doe</p></div>",
    );
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
}

#[test]
fn by_labels_in_menus_and_undated_pages_are_not_bylines() {
    let page = article(
        DATED,
        "<nav><span>By Team Size</span></nav><h1>Harbour works</h1>",
    );
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
    let page = article(
        DATED,
        "<h1>Harbour works</h1><p>By clicking here you agree</p>",
    );
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
    // No date: a "By Acme Designs" line on a shop page names a brand.
    let page = article("", "<h1>Harbour works</h1><p>By Acme Designs</p>");
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
}

#[test]
fn byline_names_lose_roles_avatar_initials_and_reviewers() {
    let mut v = Vec::new();
    meta::push_author(&mut v, "Jane Doe Senior Reporter");
    meta::push_author(&mut v, "SR Sam Roe");
    meta::push_author(&mut v, "Community Editor");
    meta::push_author(&mut v, "Tom K.");
    meta::push_author(&mut v, "Sign In");
    meta::push_author(&mut v, "jane-doe");
    assert_eq!(v, vec!["Jane Doe", "Sam Roe", "Community Editor"]);
}

#[test]
fn declared_site_name_author_stands_on_dated_articles_only() {
    let head = "<meta property=\"og:site_name\" content=\"Acme Blog\">\
                <meta name=\"author\" content=\"Acme Blog\">";
    let page = article(&format!("{head}{DATED}"), "<h1>Harbour works</h1>");
    assert_eq!(page.meta.authors, vec!["Acme Blog"]);
    let page = article(head, "<h1>Harbour works</h1>");
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
}

#[test]
fn many_author_links_are_a_teaser_list() {
    let links: String = (0..8)
        .map(|i| format!("<a href=\"/author/p{i}\">Person Number{i}</a>"))
        .collect();
    let page = article(DATED, &format!("<h1>Harbour works</h1><div>{links}</div>"));
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
}

#[test]
fn published_label_dates_the_page_and_beats_a_later_metadata_date() {
    let page = article(
        "",
        "<h1>Harbour works</h1><div><span>Published on March 3, 2024</span></div>",
    );
    assert_eq!(page.meta.published.as_deref(), Some("2024-03-03"));
    // Republished: metadata says 2024-03-05, the page shows the original 2023 date.
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div>Published <span>Apr 26, 2023</span> • 5 min read</div>",
    );
    assert_eq!(page.meta.published.as_deref(), Some("2023-04-26"));
    // A later visible date never replaces the metadata.
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div>Posted by Jane Doe on Friday, June 7, 2024</div>",
    );
    assert_eq!(
        page.meta.published.as_deref().map(|p| &p[..10]),
        Some("2024-03-05")
    );
    // Lines that also say "updated" are ambiguous and skipped.
    let page = article(
        "",
        "<h1>Harbour works</h1><p>Published 2020, updated March 3, 2024</p>",
    );
    assert_ne!(page.meta.published.as_deref(), Some("2024-03-03"));
}

#[test]
fn headline_cleaning_rules() {
    let title = |head: &str, top: &str| article(head, top).meta.title;
    assert_eq!(
        title("", "<h1>Rents rise again | Opinion</h1>").as_deref(),
        Some("Rents rise again")
    );
    assert_eq!(
        title("<title>Rents rise again • Acme</title><meta property=\"og:site_name\" content=\"Acme\">", "").as_deref(),
        Some("Rents rise again")
    );
    assert_eq!(
        title("", "<h1>\"Rents rise again in the city\"</h1>").as_deref(),
        Some("Rents rise again in the city")
    );
    assert_eq!(
        title(
            "",
            "<h1><time>Dec 18 2025</time> Rents rise again in the city</h1>"
        )
        .as_deref(),
        Some("Rents rise again in the city")
    );
    let cut = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
               \"headline\":\"Rents rise again in the city (and what\"}</script>\
               <meta property=\"og:title\" content=\"Rents rise again in the city (and what to do)\">";
    assert_eq!(
        title(cut, "").as_deref(),
        Some("Rents rise again in the city (and what to do)")
    );
    let standfirst = format!(
        "<h1>{}</h1>",
        "Learn why rents rise and what tenants can do about it. ".repeat(3)
    );
    assert_eq!(
        title(
            "<meta property=\"og:title\" content=\"Rents rise again\">",
            &standfirst
        )
        .as_deref(),
        Some("Rents rise again")
    );
}

#[test]
fn visible_dates_in_numbers_microdata_and_sentences() {
    let date = |top: &str| article("", top).meta.published;
    assert_eq!(
        date("<h1>Harbour works</h1><span class=\"time\">3/24/2025</span>").as_deref(),
        Some("2025-03-24")
    );
    assert_eq!(
        date("<h1>Harbour works</h1><span class=\"date\">24.03.2025</span>").as_deref(),
        Some("2025-03-24")
    );
    assert_eq!(
        date("<h1>Harbour works</h1><span itemprop=\"datePublished\">December 7, 2020</span>")
            .as_deref(),
        Some("2020-12-07")
    );
    assert_eq!(
        date(
            "<h1>Harbour works</h1><p>This article was originally published on 26 Sep 2019 \
              but has been updated since.</p>"
        )
        .as_deref(),
        Some("2019-09-26")
    );
    // A page wrapper whose class says "footer" is not furniture for the line deep inside it.
    assert_eq!(
        date(
            "<div class=\"wrap-footer\"><div><div><div><div><div><div>\
              <div class=\"dateline\">[Submitted on 18 Dec 2025]</div></div></div></div></div>\
              </div></div></div>"
        )
        .as_deref(),
        Some("2025-12-18")
    );
}

#[test]
fn byline_labels_and_credit_lines() {
    let mut v = Vec::new();
    meta::push_author(&mut v, "Authors: Julie Weisenhorn");
    meta::push_author(&mut v, "Authored by: Dr. Ehsan Jazini");
    meta::push_author(&mut v, "design: Scott McDaniel");
    assert_eq!(v, vec!["Julie Weisenhorn", "Dr. Ehsan Jazini"]);
    let page = article(
        DATED,
        "<h1>Harbour works</h1><p>by: Ziyi Xu, Dec 17, 2025</p>",
    );
    assert_eq!(page.meta.authors, vec!["Ziyi Xu"]);
}

/// A paragraph of prose, distinct per `n`, long enough to score as a content block.
fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the report says the council met on Tuesday, heard from residents, \
         weighed the costs of the harbour works, and voted to fund repairs before winter.</p>"
    )
}

fn page_of(body: &str) -> HtmlPage {
    let html = format!("<html><head><title>T</title></head><body>{body}</body></html>");
    parse_html(html.as_bytes(), None)
}

fn has_para(page: &HtmlPage, needle: &str) -> bool {
    page.layout
        .paragraphs
        .iter()
        .any(|&p| s(page, p).contains(needle))
}

#[test]
fn continuity_climbs_past_a_wrapper_that_adds_nothing() {
    // The article is cut into rows, each a column of prose beside a small box: the chosen
    // column's parent (its row) holds no more prose than it does, the rows' parent does.
    let row = |paras: std::ops::Range<usize>| {
        let text: String = paras.map(prose).collect();
        format!("<div class='row'><div class='col'>{text}</div><div class='box'><a href='/s'>Share this story with friends</a> \
             <a href='/p'>Print this story for later</a></div></div>"
        )
    };
    let body = format!(
        "<div class='wrap'>{}{}{}</div>",
        row(0..5),
        row(5..8),
        row(8..11)
    );
    let page = page_of(&body);
    for n in [0, 6, 10] {
        assert!(has_para(&page, &format!("Paragraph {n} ")), "{}", page.text);
    }
}

#[test]
fn repeated_blocks_are_kept_once() {
    // A newsletter box printed twice (desktop and mobile copies); short repeats stay.
    let promo = "<p>Sign up for our weekly letter of the best stories, sent every Friday.</p>";
    let paras: String = (0..4).map(prose).collect();
    let body = format!("<article>{promo}{paras}<p>Yes.</p><p>Yes.</p>{promo}</article>");
    let page = page_of(&body);
    let count = |needle: &str| {
        page.layout
            .paragraphs
            .iter()
            .filter(|&&p| s(&page, p) == needle)
            .count()
    };
    assert_eq!(
        count("Sign up for our weekly letter of the best stories, sent every Friday."),
        1
    );
    assert_eq!(count("Yes."), 2);
    assert!(page.meta.boilerplate.iter().any(|b| b.kind == "repeat"));
}

#[test]
fn forms_and_disclosures_inside_the_article_are_furniture() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article>{paras}<form action='/join'><p>Join our list for weekly updates about the \
         harbour works in your inbox.</p></form><div class='affiliate-disclosure'><p>We may \
         earn a commission when you buy through links on this page.</p></div></article>"
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 3 "), "{}", page.text);
    assert!(!page.text.contains("Join our list"), "{}", page.text);
    assert!(!page.text.contains("commission"), "{}", page.text);
}

#[test]
fn author_biography_box_is_furniture() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article><div class='byline'>By Jane Doe</div>{paras}<div class='author-summary'>\
         <p>Jane Doe is a reporter who has covered the harbour, the council and the city's \
         budget for twelve years. Before that she wrote about schools for a regional weekly, \
         and she teaches a course on local journalism at the university every spring term.</p>\
         </div></article>"
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 3 "), "{}", page.text);
    assert!(!page.text.contains("teaches a course"), "{}", page.text);
    assert!(page.text.contains("Jane Doe"), "{}", page.text);
}

#[test]
fn aria_hidden_drops_small_elements_only() {
    // A large aria-hidden region is still seen by readers; a small one is an icon label.
    let part = |r: std::ops::Range<usize>| r.map(prose).collect::<String>();
    let body = format!(
        "<article><div aria-hidden='true'>{}</div><div>{}</div><div>{}</div>\
         <p>Closing words on the council's plans <span aria-hidden='true'>ICON-LABEL</span> \
         for the harbour repairs, the budget and the winter timetable.</p></article>",
        part(0..3),
        part(3..6),
        part(6..9)
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 1 "), "{}", page.text);
    assert!(has_para(&page, "Closing words"), "{}", page.text);
    assert!(!page.text.contains("ICON-LABEL"), "{}", page.text);
}

#[test]
fn react_streamed_chunks_are_shown() {
    // The article arrives in three chunks, each under the 40% share that keeps a hidden holder.
    let chunk = |n: usize, r: std::ops::Range<usize>| {
        let paras: String = r.map(prose).collect();
        format!("<div hidden id='S:{n}'><section>{paras}</section></div>")
    };
    let body = format!(
        "<main><template id='B:0'></template></main>{}{}{}\
         <div hidden id='menu'><p>Hidden menu text that is never shown to the reader at all, \
         whatever the page does, and has commas, many, many, commas.</p></div>",
        chunk(0, 0..3),
        chunk(1, 3..6),
        chunk(2, 6..9)
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 4 "), "{}", page.text);
    assert!(!page.text.contains("Hidden menu"), "{}", page.text);
}

#[test]
fn figures_framing_tables_are_read_as_text() {
    let paras: String = (0..3).map(prose).collect();
    let body = format!(
        "<article>{paras}<figure class='wp-block-table'><table><tr><td>Port St. Lucie</td>\
         <td>17.0</td></tr></table><figcaption>Home prices</figcaption></figure>\
         <figure><img src='a.jpg'><figcaption>The harbour at dawn</figcaption></figure>\
         <figure class='wp-block-embed'><blockquote class='twitter-tweet'><p>Embedded post \
         text from a social network account.</p></blockquote></figure></article>"
    );
    let page = page_of(&body);
    assert!(page.text.contains("Port St. Lucie 17.0"), "{}", page.text);
    let caption = page.layout.images.iter().find_map(|i| i.caption);
    assert_eq!(caption.map(|c| s(&page, c)), Some("The harbour at dawn"));
    assert!(!page.text.contains("Embedded post"), "{}", page.text);
}

#[test]
fn style_inside_a_heading_is_not_text() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article>{paras}<h2><style>.green{{color:green}}</style>What the council decided</h2>\
         {}</article>",
        prose(9)
    );
    let page = page_of(&body);
    assert!(
        page.text.contains("\n\nWhat the council decided\n\n"),
        "{}",
        page.text
    );
    assert!(!page.text.contains("color:green"), "{}", page.text);
}

#[test]
fn collapsed_accordion_panels_are_text() {
    let part = |r: std::ops::Range<usize>| r.map(prose).collect::<String>();
    let body = format!(
        "<article>{}<button id='q1'>How long will it take?</button>\
         <div role='region' aria-labelledby='q1' style='display:none'>{}</div>\
         <div hidden='until-found'>{}</div>\
         <div style='display: none'><p>Hidden copy that no reader can open, with commas, \
         commas, and more commas to look like prose.</p></div></article>",
        part(0..3),
        part(3..6),
        part(6..9)
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 4 "), "{}", page.text);
    assert!(has_para(&page, "Paragraph 7 "), "{}", page.text);
    assert!(!page.text.contains("Hidden copy"), "{}", page.text);
}

#[test]
fn credit_lines_are_not_paragraphs() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article>{paras}<p>Image: Jane Doe / Getty Images</p><p>Source: Bureau of Labor \
         Statistics</p><p>Photographers gathered on the quay at dawn, as they do every year, \
         to watch the boats.</p></article>"
    );
    let page = page_of(&body);
    assert!(!page.text.contains("Getty"), "{}", page.text);
    assert!(!page.text.contains("Bureau of Labor"), "{}", page.text);
    assert!(has_para(&page, "Photographers gathered"), "{}", page.text);
}

#[test]
fn restricted_content_breaker_is_a_paywall() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article>{paras}<div class='restricted-content-breaker'><h3>Unlock this article</h3>\
         <p>To read the rest of this story subscribe today.</p></div></article>"
    );
    let page = page_of(&body);
    assert!(page.meta.paywalled);
    assert!(!page.text.contains("subscribe today"), "{}", page.text);
}

#[test]
fn standalone_date_lines_are_stamps() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article><p>Updated January 5, 2024</p>{paras}<p>On January 5, 2024 the council \
         met again.</p></article>"
    );
    let page = page_of(&body);
    assert!(!has_para(&page, "Updated January 5, 2024"), "{}", page.text);
    assert!(
        has_para(&page, "On January 5, 2024 the council"),
        "{}",
        page.text
    );
    assert!(page.meta.boilerplate.iter().any(|b| b.kind == "stamp"));
}

#[test]
fn furniture_titles_are_dropped() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article><h2>Table of Contents</h2>{paras}<p>Share this post:</p>\
         <h3>Related Posts</h3><h3>Related posts on the harbour budget</h3></article>"
    );
    let page = page_of(&body);
    assert!(!page.text.contains("Table of Contents"), "{}", page.text);
    assert!(!page.text.contains("Share this post"), "{}", page.text);
    assert!(!page.text.contains("Related Posts"), "{}", page.text);
    assert!(
        page.text.contains("Related posts on the harbour budget"),
        "{}",
        page.text
    );
}

#[test]
fn a_weaker_sibling_block_of_prose_joins_the_content() {
    // The closing part sits in its own block beside the article body, scoring about a
    // seventh of it.
    let main: String = (0..12).map(prose).collect();
    let body = format!(
        "<div class='page'><div class='body'>{main}</div><div class='coda'>{}</div>\
         <div class='box'><a href='/a'>Elsewhere on the site today</a></div></div>",
        prose(40)
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 11 "), "{}", page.text);
    assert!(has_para(&page, "Paragraph 40 "), "{}", page.text);
}

#[test]
fn a_block_repeated_as_a_pattern_stays() {
    // The same terms under each of five offers are the page's pattern, not a mobile copy.
    let terms = "<p>Must be presented before work starts. Not valid with other offers.</p>";
    let offers: String = (0..5)
        .map(|n| format!("<h3>Offer {n}</h3>{}{terms}", prose(n)))
        .collect();
    let page = page_of(&format!("<article>{offers}</article>"));
    let count = page
        .layout
        .paragraphs
        .iter()
        .filter(|&&p| s(&page, p).starts_with("Must be presented"))
        .count();
    assert_eq!(count, 5, "{}", page.text);
}

#[test]
fn byline_dates_are_cut_from_names() {
    assert_eq!(meta::cut_at_date("Luke KimDecember 17, 2025"), "Luke Kim");
    assert_eq!(
        meta::cut_at_date("Andrew Gerrand 4 August 2010"),
        "Andrew Gerrand"
    );
    assert_eq!(meta::cut_at_date("Sat, 20 Dec, 2025 - 06:36"), "");
    assert_eq!(
        meta::cut_at_date("Dec. 19, 2025 · Niko Matsakis"),
        "Niko Matsakis"
    );
    assert_eq!(meta::cut_at_date("Jane Doe"), "Jane Doe");
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div class=\"byline\">Dana Ruiz March 5, 2024</div>",
    );
    assert_eq!(page.meta.authors, vec!["Dana Ruiz"]);
}

#[test]
fn credentials_stay_with_their_name() {
    assert_eq!(meta::split_names("Jane Doe, MD"), vec!["Jane Doe, MD"]);
    assert_eq!(
        meta::split_names("Ann Roe, Ph.D. and Sam Poe"),
        vec!["Ann Roe, Ph.D.", "Sam Poe"]
    );
    assert_eq!(meta::split_names("Jane Doe, DVM."), vec!["Jane Doe, DVM"]);
    assert_eq!(
        meta::split_names("Jane Doe, Senior Director"),
        vec!["Jane Doe", "Senior Director"]
    );
    assert!(meta::is_role("Senior Director"));
    // The visible line stops at the role after the name.
    let page = article(
        DATED,
        "<h1>Harbour works</h1><p>By Jane Doe, Senior Director, Content &amp; Marketing</p>",
    );
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
}

#[test]
fn account_names_glued_roles_and_mojibake() {
    let mut v = Vec::new();
    meta::push_author(&mut v, "NOC Admin");
    meta::push_author(&mut v, "Jane DoeFounder at Acme");
    meta::push_author(&mut v, "Dariusz Jaro\u{c5}\u{84}");
    meta::push_author(&mut v, "Articles by Juliette");
    meta::push_author(&mut v, "Admin Team");
    assert_eq!(v, vec!["Jane Doe", "Admin Team"]);
}

#[test]
fn author_boxes_and_avatars_sign_dated_articles() {
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div class=\"post-author-box\"><div><p>Jane Doe</p>\
         <p>growth lead</p></div></div>",
    );
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div><img class=\"avatar\" alt=\"Sam Roe\" src=\"/s.jpg\">\
         <span>Sam Roe</span></div>",
    );
    assert_eq!(page.meta.authors, vec!["Sam Roe"]);
    // Undated: neither names anyone.
    let page = article(
        "",
        "<h1>Harbour works</h1><div><img class=\"avatar\" alt=\"Sam Roe\" src=\"/s.jpg\">\
         <span>Sam Roe</span></div>",
    );
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
}

#[test]
fn site_signed_articles_and_fuller_author_lists() {
    // rel=author naming the site on a dated article stands.
    let head = format!("<meta property=\"og:site_name\" content=\"Acme Blog\">{DATED}");
    let page = article(
        &head,
        "<h1>Harbour works</h1><a rel=\"author\" href=\"/\">Acme Blog</a>",
    );
    assert_eq!(page.meta.authors, vec!["Acme Blog"]);
    // Metadata signed by the site, a "By" line naming a person.
    let head = format!(
        "<meta property=\"og:site_name\" content=\"Acme Blog\">\
         <meta name=\"author\" content=\"Acme Blog\">{DATED}"
    );
    let page = article(&head, "<h1>Harbour works</h1><p>By Jane Doe</p>");
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
    // Metadata names the first author, the page all three.
    let head = format!("<meta name=\"author\" content=\"Jane Doe\">{DATED}");
    let page = article(
        &head,
        "<h1>Harbour works</h1><p>By Jane Doe, Sam Roe and Kim Poe</p>",
    );
    assert_eq!(page.meta.authors, vec!["Jane Doe", "Sam Roe", "Kim Poe"]);
    // The publication is not a co-author.
    let head = format!(
        "<meta property=\"og:site_name\" content=\"The Daily Planet\">\
         <meta name=\"author\" content=\"Jane Doe and Sam Roe, Daily Planet\">{DATED}"
    );
    let page = article(&head, "<h1>Harbour works</h1>");
    assert_eq!(page.meta.authors, vec!["Jane Doe", "Sam Roe"]);
    // citation_author is "Last, First".
    let head = format!("<meta name=\"citation_author\" content=\"Doe, Jane\">{DATED}");
    let page = article(&head, "<h1>Harbour works</h1>");
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
}

#[test]
fn update_lines_and_more_date_sources() {
    let date = |head: &str, top: &str| article(head, top).meta.published;
    // Only an "Updated" line dates the page: it is taken, as a last resort.
    assert_eq!(
        date("", "<h1>Harbour works</h1><p>Updated March 5, 2025</p>").as_deref(),
        Some("2025-03-05")
    );
    // The original date wins over it.
    assert_eq!(
        date(DATED, "<h1>Harbour works</h1><p>Updated March 9, 2025</p>").as_deref(),
        Some("2024-03-05T10:00:00+00:00")
    );
    // Prose mentioning an update is not an update line.
    assert_eq!(
        date(
            "",
            "<h1>Harbour works</h1><p>We updated our review on May 6, 2025 with new models.</p>"
        ),
        None
    );
    assert_eq!(
        date(
            "<meta name=\"published-date\" content=\"2021-02-16\">",
            "<h1>Harbour works</h1>"
        )
        .as_deref(),
        Some("2021-02-16")
    );
    assert_eq!(
        date(
            "",
            "<h1>Harbour works</h1><p class=\"date-length\">Jun 08, 2023 • 11 Minute Read</p>"
        )
        .as_deref(),
        Some("2023-06-08")
    );
}
