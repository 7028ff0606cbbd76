//! What kind of page this is: an article, a listing of teasers, a shop's product page, a
//! forum thread or question, or another page (a service or documentation page, a home page).
//! Only articles are read as articles (`is_article`); the body of the others is still the
//! best block of text found, but callers can tell it is not a story.

use super::meta::Meta;

/// schema.org types of forum threads and question pages (not `Question`: FAQ pages list
/// theirs too).
const FORUM_TYPES: &[&str] = &["discussionforumposting", "qapage"];
/// schema.org types of products.
const PRODUCT_TYPES: &[&str] = &[
    "product",
    "productgroup",
    "individualproduct",
    "productmodel",
];
/// schema.org types of index pages.
const LISTING_TYPES: &[&str] = &["collectionpage", "itemlist", "searchresultspage"];
/// Path segments of forum threads.
const FORUM_PATHS: &[&str] = &[
    "/forum/",
    "/forums/",
    "/thread/",
    "/threads/",
    "/topic/",
    "/topics/",
    "/questions/",
    "/discussion/",
    "/discussions/",
    "/t/",
];

/// The lower-cased path of the page's URL (else its canonical URL) from its first `/`;
/// empty when there is none.
fn url_path(m: &Meta, url: Option<&str>) -> String {
    url.or(m.canonical_url.as_deref())
        .map(|u| u.split("://").nth(1).unwrap_or(u).to_ascii_lowercase())
        .map(|u| {
            u.find('/')
                .map_or(String::new(), |i| u.get(i..).unwrap_or("").to_string())
        })
        .unwrap_or_default()
}

/// Whether the page is a site's front page by its URL (see `is_front_path`); `false`
/// when no URL is known.
pub fn front_page(m: &Meta, url: Option<&str>) -> bool {
    let known = url.or(m.canonical_url.as_deref()).is_some();
    known && is_front_path(&url_path(m, url))
}

/// The path of a site's front page: empty, `/`, or `/index.*`, whatever the query string
/// (`lower` is the lower-cased path from its first `/`).
pub fn is_front_path(lower: &str) -> bool {
    let p = lower.split(['?', '#']).next().unwrap_or("");
    let p = p.trim_end_matches('/');
    p.is_empty() || p.strip_prefix("/index.").is_some_and(|e| !e.contains('/'))
}

/// `article`, `listing`, `product`, `forum` or `page`, from the page's declared types, a
/// shop's buttons, the URL's path and the shape of the content (`listing`: a run of linked
/// teaser headings; `words`: the body's length).
pub fn page_kind(
    m: &Meta,
    listing: bool,
    script_only: bool,
    words: usize,
    url: Option<&str>,
) -> &'static str {
    let has = |types: &[&str]| m.kinds.iter().any(|k| types.contains(&k.as_str()));
    let path = url_path(m, url);
    let forum_path = FORUM_PATHS.iter().any(|p| path.contains(p));
    let front = front_page(m, url);
    if has(FORUM_TYPES) || (forum_path && !m.says_article) {
        return "forum";
    }
    // A review declares the product it reviews beside the article; a shop sells it.
    if m.cart || (has(PRODUCT_TYPES) && !m.says_article) {
        return "product";
    }
    if script_only {
        return "page";
    }
    if m.says_article {
        return "article";
    }
    if listing || has(LISTING_TYPES) {
        return "listing";
    }
    // A site's front page that does not declare itself an article is its home: teasers, a
    // pitch, a feed of posts, however long.
    if words >= 150 && !front {
        "article"
    } else {
        "page"
    }
}
