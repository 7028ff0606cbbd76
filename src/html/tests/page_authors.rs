//! Authors from evidence: the kind of name, where on the page it stands, and which sources
//! may name an organisation, a placeholder or an account.

use super::*;
use meta::{name_kind, NameKind};

fn kind(s: &str) -> NameKind {
    name_kind(s, None)
}

#[test]
fn names_of_people() {
    for s in [
        "Jane Doe",
        "J. R. Smith",
        "Marna van der Merwe",
        "Dr. Ehsan Jazini",
        "Lizzie Streit, MS, RDN, LD",
        "Mark Young",
        "David",
        "Asser Christensen",
        "Jean-Luc Aufranc (CNXSoft)",
        "kirstin boatto",
    ] {
        assert_eq!(kind(s), NameKind::Person, "{s}");
    }
    // A lone unknown word is a first name, unless it names the site.
    assert_eq!(kind("Nayane"), NameKind::Person);
    assert_eq!(name_kind("Budlong", Some("Budlong")), NameKind::Org);
}

#[test]
fn agencies_organisations_and_brands() {
    for s in ["Reuters", "Associated Press", "AFP"] {
        assert_eq!(kind(s), NameKind::Agency, "{s}");
    }
    for s in [
        "BBC",
        "Acme Inc",
        "Cleveland Clinic",
        "Texas Mattress Makers",
        "GitHub",
        "QCY Official",
        "Center for Drug Evaluation and Research",
        "Thomson Reuters Tax",
    ] {
        assert_eq!(kind(s), NameKind::Org, "{s}");
    }
}

#[test]
fn placeholders_handles_and_labels() {
    for s in [
        "Editorial Team",
        "Guest Blogger",
        "Community Editor",
        "Acme Staff",
        "The Editors",
        "Guest Contributor",
        "The Upwork Team",
    ] {
        assert_eq!(kind(s), NameKind::Placeholder, "{s}");
    }
    for s in ["jdoe", "janedoe42", "KatieS", "levinemusic", "crazy lennys"] {
        assert_eq!(kind(s), NameKind::Handle, "{s}");
    }
    for s in [
        "Press Release",
        "Podcast",
        "Sign In",
        "Login",
        "View Full Profile",
        "Personal finance",
        "Senior Analyst",
        "Conceptual Article",
        "Spotlight",
        "Human in the Loop",
        "Current Students",
    ] {
        assert_eq!(kind(s), NameKind::NotAName, "{s}");
    }
}

#[test]
fn metadata_alone_names_people_and_agencies_only() {
    let meta_author = |name: &str| {
        article(
            &format!("<meta name=\"author\" content=\"{name}\">{DATED}"),
            "<h1>Harbour works</h1>",
        )
        .meta
        .authors
    };
    assert_eq!(meta_author("Jane Doe"), vec!["Jane Doe"]);
    assert_eq!(meta_author("Reuters"), vec!["Reuters"]);
    for unsigned in [
        "Acme Solutions Inc",
        "Editorial Team",
        "levinemusic",
        "Press Release",
    ] {
        assert!(meta_author(unsigned).is_empty(), "{unsigned}");
    }
}

#[test]
fn a_byline_the_page_prints_may_name_an_organisation_or_placeholder() {
    for (by, want) in [
        ("By Acme Solutions Inc", Some("Acme Solutions Inc")),
        ("By Editorial Team", Some("Editorial Team")),
        ("By Press Release", None),
    ] {
        let page = article(
            DATED,
            &format!("<h1>Harbour works</h1><p class=\"byline\">{by}</p>"),
        );
        let got = page.meta.authors.first().map(String::as_str);
        assert_eq!(got, want, "{by}");
    }
}

/// A dated article whose body is followed by `tail` (what comes after the article).
fn article_then(top: &str, tail: &str) -> HtmlPage {
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let filler: String = (0..40)
        .map(|i| {
            format!("<li><a href=\"/story-{i}\">Another story of the week, number {i}</a></li>")
        })
        .collect();
    let filler = format!("<ul>{filler}</ul>");
    let html = format!(
        "<html><head><meta property=\"og:type\" content=\"article\">{DATED}</head><body>\
         <article>{top}{}</article><div class=\"more\">{filler}{tail}</div></body></html>",
        para.repeat(6)
    );
    parse_html(html.as_bytes(), Some("https://news.example.com/story"))
}

#[test]
fn names_far_from_the_headline_sign_other_articles() {
    // A teaser's author box and a testimonial's "By" line, far below the article.
    let tail = "<div class=\"post-author\"><p>Sam Roe</p></div>\
                <div><a href=\"/author/kim-poe\">Kim Poe</a></div><p>By Ann Lee</p>";
    let page = article_then("<h1>Harbour works</h1>", tail);
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
    // The same "By" line under the headline signs it.
    let page = article_then("<h1>Harbour works</h1><p>By Ann Lee</p>", tail);
    assert_eq!(page.meta.authors, vec!["Ann Lee"]);
}

#[test]
fn the_first_byline_near_the_headline_wins_over_an_earlier_one_elsewhere() {
    let filler = "<p>A sidebar of links and blurbs that runs on for a while before the \
                  story starts, as some templates print it first.</p>"
        .repeat(20);
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let html = format!(
        "<html><head>{DATED}</head><body><div class=\"promo\"><p>By Sam Roe</p>{filler}</div>\
         <article><h1>Harbour works</h1><p>By Jane Doe</p>{}</article></body></html>",
        para.repeat(6)
    );
    let page = parse_html(html.as_bytes(), None);
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
}

#[test]
fn an_author_box_at_the_end_of_the_article_signs_it() {
    let para = "<p>The council met on Tuesday to discuss the harbour works, which have run \
                for three months and closed two roads near the ferry terminal.</p>";
    let html = format!(
        "<html><head>{DATED}</head><body><article><h1>Harbour works</h1>{}\
         <div class=\"post-author\"><p>Jane Doe</p></div></article></body></html>",
        para.repeat(20)
    );
    let page = parse_html(html.as_bytes(), None);
    assert_eq!(page.meta.authors, vec!["Jane Doe"], "{}", page.text);
}

#[test]
fn a_personal_site_signs_its_dated_articles() {
    let head = format!("<meta property=\"og:site_name\" content=\"Jane Doe\">{DATED}");
    let page = article(&head, "<h1>Harbour works</h1>");
    assert_eq!(page.meta.authors, vec!["Jane Doe"]);
    let head = format!("<meta property=\"og:site_name\" content=\"Jane Doe Yoga\">{DATED}");
    let page = article(&head, "<h1>Harbour works</h1>");
    assert!(page.meta.authors.is_empty(), "{:?}", page.meta.authors);
}
