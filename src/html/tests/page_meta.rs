//! Metadata: titles, dates and authors.

use super::*;

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

/// A small article page: `head` goes in `<head>` (og:type article is always there), `top`
/// before the body paragraphs.

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
fn site_name_signs_only_when_the_page_shows_it() {
    // Metadata naming the site (or any company) is the publisher, not a byline.
    let head = "<meta property=\"og:site_name\" content=\"Acme Blog\">\
                <meta name=\"author\" content=\"Acme Blog\">";
    let page = article(&format!("{head}{DATED}"), "<h1>Harbour works</h1>");
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
    // The page printing it as its byline signs with it, on dated articles only.
    let by = "<h1>Harbour works</h1><p class=\"byline\">By Acme Blog</p>";
    let page = article(&format!("{head}{DATED}"), by);
    assert_eq!(page.meta.authors, vec!["Acme Blog"]);
    let page = article(head, by);
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
    // The stamp beside the headline dates the page even when later than the metadata
    // (policy in `published`: the page's own stamp is the day it gives its readers).
    let page = article(
        DATED,
        "<h1>Harbour works</h1><div>Posted by Jane Doe on Friday, June 7, 2024</div>",
    );
    assert_eq!(
        page.meta.published.as_deref().map(|p| &p[..10]),
        Some("2024-06-07")
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
    // Signed by the site, a "By" line naming a person: the person wrote it.
    let head = format!("<meta property=\"og:site_name\" content=\"Acme Blog\">{DATED}");
    let page = article(
        &head,
        "<h1>Harbour works</h1><a rel=\"author\" href=\"/\">Acme Blog</a><p>By Jane Doe</p>",
    );
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

#[test]
fn date_evidence_without_metadata() {
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let page = |head: &str, top: &str, url: Option<&str>| {
        let html = format!(
            "<html><head>{head}</head><body><h1>Harbour works</h1>{top}{para}</body></html>"
        );
        parse_html(html.as_bytes(), url).meta.published
    };
    // The URL's date before a `<time>` elsewhere on the page.
    let time = "<time datetime=\"2024-05-01\">May 1</time>";
    assert_eq!(
        page("", time, Some("https://x.example/2024/03/05/harbour")).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(page("", time, None).as_deref(), Some("2024-05-01"));
    // Beside the headline, the first stamp: a date-classed element before a text node that
    // is only a date.
    let top = "<span class=\"date\">Jun 8, 2023 • 11 Minute Read</span><p>March 3, 2023</p>";
    assert_eq!(page("", top, None).as_deref(), Some("2023-06-08"));
    // Far from the headline, the text node that is only a date comes first.
    let filler = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                  for three months and closed two roads near the ferry terminal.</p>"
        .repeat(6);
    let top = format!("{filler}<p>March 3, 2023</p><span class=\"date\">Jun 8, 2023</span>");
    assert_eq!(page("", &top, None).as_deref(), Some("2023-03-03"));
    // A site's own name for the publication date is read; an update's is not.
    let head = "<meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">";
    assert_eq!(
        page(head, "", None).as_deref(),
        Some("2025-05-27T06:03:43+00:00")
    );
    let head = "<meta name=\"publish-updated-time\" content=\"2025-06-01\">";
    assert_eq!(page(head, "", None), None);
}
