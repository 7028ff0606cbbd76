//! The publication day against the page's own stamp beside the headline, and the authors
//! read beside it.

use super::*;

/// An article whose head has `head` and whose top (before four paragraphs) is `top`.
fn page(head: &str, top: &str, url: Option<&str>) -> HtmlPage {
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let html = format!(
        "<html><head><meta property=\"og:type\" content=\"article\">{head}</head><body>\
         <nav><time datetime=\"2025-01-31\">Jan 31</time> <a href=\"/\">Home</a></nav>\
         <article>{top}{}</article></body></html>",
        para.repeat(4)
    );
    parse_html(html.as_bytes(), url)
}

const META: &str = "<meta property=\"article:published_time\" content=\"2020-05-13T20:03:25+00:00\">\
                    <meta property=\"article:modified_time\" content=\"2025-01-02T15:06:08+00:00\">";

fn day(p: &HtmlPage) -> Option<&str> {
    p.meta.published.as_deref().and_then(|d| d.get(..10))
}

#[test]
fn a_stamp_that_agrees_with_the_metadata_keeps_its_value() {
    // The stamp shows the publication day: the metadata's value (with its time) stands.
    let p = page(
        META,
        "<h1>Harbour works</h1><p class=\"meta\"><time datetime=\"2020-05-13\">May 13, 2020</time></p>",
        None,
    );
    assert_eq!(
        p.meta.published.as_deref(),
        Some("2020-05-13T20:03:25+00:00")
    );
    // It shows the last update only: the original publication day stays.
    let p = page(
        META,
        "<h1>Harbour works</h1><p>Updated <time datetime=\"2025-01-02\">January 2, 2025</time></p>",
        None,
    );
    assert_eq!(day(&p), Some("2020-05-13"));
}

#[test]
fn a_stamp_beside_the_headline_beats_metadata_it_disagrees_with() {
    // A migrated page: metadata carries the migration's day, the page its own.
    let p = page(
        META,
        "<h1>Harbour works</h1><div class=\"byline\"><span class=\"post-date\">August 25, 2018</span></div>",
        None,
    );
    assert_eq!(day(&p), Some("2018-08-25"));
    // The nav's `<time>` far from the headline is not the stamp; without metadata the
    // stamp after the headline dates the page.
    let p = page(
        "",
        "<h1>Harbour works</h1><div class=\"node__meta\"><time datetime=\"2017-03-01T12:00:00Z\">03/01/2017</time></div>",
        None,
    );
    assert_eq!(day(&p), Some("2017-03-01"));
}

#[test]
fn a_stamp_a_day_off_or_read_the_other_way_round_keeps_the_metadata() {
    // A UTC timestamp past midnight against the local day shown: the metadata stands.
    let head = "<meta property=\"article:published_time\" content=\"2021-12-10T02:17:00+00:00\">";
    let p = page(
        head,
        "<h1>Harbour works</h1><span class=\"date\">December 9, 2021</span>",
        None,
    );
    assert_eq!(
        p.meta.published.as_deref(),
        Some("2021-12-10T02:17:00+00:00")
    );
    // "10/09/2024" read month first is 9 October; the metadata says 10 September.
    let head = "<meta property=\"article:published_time\" content=\"2024-09-10T16:07:00+00:00\">";
    let p = page(
        head,
        "<h1>Harbour works</h1><span class=\"date\">10/09/2024</span>",
        None,
    );
    assert_eq!(day(&p), Some("2024-09-10"));
}

#[test]
fn dates_from_worded_time_attributes_meta_json_ld_and_month_names_in_urls() {
    let p = page(
        "",
        "<h1>Harbour works</h1><time datetime=\"on Friday December 19, 2025 @08:00PM\">Dec 19</time>",
        None,
    );
    assert_eq!(day(&p), Some("2025-12-19"));
    let p = page(
        "<meta name=\"script:ld+json\" content=\"{&quot;@type&quot;:&quot;Article&quot;,\
         &quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}\">",
        "<h1>Harbour works</h1>",
        None,
    );
    assert_eq!(
        p.meta.published.as_deref(),
        Some("2025-11-17T09:00:00-05:00")
    );
    assert_eq!(
        meta::url_date("https://x.example/blog/2023/october/03/wine-styles/"),
        Some("2023-10-03".into())
    );
    assert_eq!(meta::url_date("https://x.example/2023/octopus/03/"), None);
    // The shared month table: "sept" is September, as in the text's dates.
    assert_eq!(
        meta::url_date("https://x.example/2021/sept/09/floods/"),
        Some("2021-09-09".into())
    );
    assert_eq!(meta::url_date("https://x.example/2021/septic/09/"), None);
}

#[test]
fn a_name_beside_the_stamp_signs_the_article() {
    let p = page(
        META,
        "<div class=\"x1\"><span class=\"s\">May 13, 2020</span><span class=\"s\">Julia K. Arnold</span></div>\
         <h1>Harbour works</h1>",
        None,
    );
    assert_eq!(p.meta.authors, vec!["Julia K. Arnold"]);
    // A phrase beside the stamp that is no person's name signs nothing.
    let p = page(
        META,
        "<h1>Harbour works</h1><div><span>May 13, 2020</span><span>Product Updates</span></div>",
        None,
    );
    assert!(p.meta.authors.is_empty(), "{:?}", p.meta.authors);
}

#[test]
fn a_personal_site_is_signed_by_its_owner() {
    let foot = "<footer>© 2025 Jane Doe. All rights reserved.</footer>";
    let p = page(META, &format!("<h1>Harbour works</h1>{foot}"), None);
    assert_eq!(p.meta.authors, vec!["Jane Doe"]);
    // A company's copyright is the publisher's.
    let foot = "<footer>© 2025 Harbour Media Group. All rights reserved.</footer>";
    let p = page(META, &format!("<h1>Harbour works</h1>{foot}"), None);
    assert!(p.meta.authors.is_empty(), "{:?}", p.meta.authors);
    // Undated pages are not signed by the owner.
    let html = "<html><head><meta property=\"og:type\" content=\"article\"></head><body>\
                <article><h1>Harbour works</h1><p>The council met on Tuesday to discuss the \
                harbour works, which have run for three months and closed two roads.</p>\
                </article><footer>© 2025 Jane Doe. All rights reserved.</footer></body></html>";
    let p = parse_html(html.as_bytes(), None);
    assert_eq!(p.meta.published, None);
    assert!(p.meta.authors.is_empty(), "{:?}", p.meta.authors);
}
