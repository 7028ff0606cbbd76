//! Furniture inside the article's container (issue 18, fifth round): compound class words,
//! comment threads, teaser excerpts.

use super::*;

/// A paragraph of prose, distinct per `n`, long enough to score as a content block.
fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the essay argues that the river path should open before spring, \
         that the bridge repairs can wait a season, and that the town should ask for bids.</p>"
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
fn a_furniture_word_before_a_content_word_is_furniture() {
    // "comments-body": the body of a comment, not of the article; "content-nav-section" (the
    // content word first) still shields the article inside it.
    let paras: String = (0..5).map(prose).collect();
    let comment = "<div class='comments-body'><p>Reader one: I walked that path last week, \
                   and honestly the bridge looked fine to me, so why wait for bids?</p></div>";
    let page = page_of(&format!(
        "<div class='post'><div class='content-nav-section'>{paras}</div>{comment}</div>"
    ));
    assert!(has_para(&page, "Paragraph 0 "), "{}", page.text);
    assert!(has_para(&page, "Paragraph 4 "), "{}", page.text);
    assert!(!page.text.contains("Reader one"), "{}", page.text);
}
