//! Furniture inside the article's container (issue 18, fourth round): compound class words,
//! teaser runs under a furniture title, front pages, byline lines, notice headings.

use super::*;

/// A paragraph of prose, distinct per `n`, long enough to score as a content block.
fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the essay argues that the river path should open before spring, \
         that the bridge repairs can wait a season, and that the town should ask for bids.</p>"
    )
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

#[test]
fn teaser_cards_under_a_furniture_title_are_dropped() {
    // Two long cards under "Latest news": too long to be a short coda of the article, but
    // the title says what they are. The same cards without the title stay.
    let paras: String = (0..7).map(prose).collect();
    let card = |n: usize| {
        format!(
            "<div class='card'><h3><a href='/story-{n}'>Story {n} from the archive</a></h3>\
             <p>Card {n}: the council weighed the harbour works again this month, heard from \
             the fishermen, the ferry company and the residents of the old quay, and asked the \
             engineers for a second estimate of the repairs, which the mayor said would come \
             before the summer recess, and the opposition said would come too late to help the \
             boats that winter in the harbour and the shops that rely on them.</p></div>"
        )
    };
    let cards = format!("{}{}", card(1), card(2));
    let titled = page_of(&format!(
        "<article>{paras}<h2>Latest news</h2>{cards}</article>"
    ));
    assert!(has_para(&titled, "Paragraph 6 "), "{}", titled.text);
    assert!(!titled.text.contains("Card 1:"), "{}", titled.text);
    assert!(!titled.text.contains("Card 2:"), "{}", titled.text);
    let bare = page_of(&format!("<article>{paras}{cards}</article>"));
    assert!(has_para(&bare, "Card 2:"), "{}", bare.text);
}

#[test]
fn a_front_page_is_no_article_and_signed_by_nobody() {
    let paras: String = (0..6).map(prose).collect();
    let by = "<p class='byline'>By Jane Roe</p>";
    let body = format!("{by}{paras}");
    for url in [
        "https://example.com",
        "https://example.com/",
        "https://example.com/?ref=home",
        "https://example.com/index.html",
    ] {
        let front = page_with("", &body, url);
        assert_eq!(front.meta.page_kind, "page", "{url}");
        assert!(
            front.meta.authors.is_empty(),
            "{url} {:?}",
            front.meta.authors
        );
    }
    // The same page under an article's path is an article, signed.
    let story = page_with("", &body, "https://example.com/river-path");
    assert_eq!(story.meta.page_kind, "article");
    assert_eq!(story.meta.authors, vec!["Jane Roe".to_string()]);
    // A front page that declares an article keeps its author.
    let declared = page_with(
        "<meta property='og:type' content='article'>",
        &body,
        "https://example.com/",
    );
    assert_eq!(declared.meta.page_kind, "article");
    assert_eq!(declared.meta.authors, vec!["Jane Roe".to_string()]);
}

fn page_with(head: &str, body: &str, url: &str) -> HtmlPage {
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    parse_html(html.as_bytes(), Some(url))
}

#[test]
fn byline_lines_among_the_paragraphs_are_dropped() {
    let paras: String = (0..5).map(prose).collect();
    let body = format!(
        "<article><p>Written by Jane Roe</p>{paras}<p>By 2030, half the boats will be \
         electric.</p><p>By making the path wider the town helps walkers</p>\
         <p>Reviewed by John Doe, MD</p></article>"
    );
    let page = page_of(&body);
    assert!(!has_para(&page, "Written by Jane Roe"), "{}", page.text);
    assert!(!has_para(&page, "Reviewed by John Doe"), "{}", page.text);
    assert!(has_para(&page, "By 2030, half"), "{}", page.text);
    assert!(has_para(&page, "By making the path"), "{}", page.text);
    assert!(page.meta.boilerplate.iter().any(|d| d.kind == "byline"));
    // Three or more are the bylines of a listing's teasers: its text.
    let teasers: String = (0..3)
        .map(|n| format!("{}<p>By Writer Number{n}</p>", prose(n)))
        .collect();
    let listing = page_of(&format!("<article>{teasers}</article>"));
    assert!(has_para(&listing, "By Writer Number2"), "{}", listing.text);
}

#[test]
fn a_notice_as_a_heading_heads_its_box() {
    let paras: String = (0..5).map(prose).collect();
    let body = format!(
        "<article><div class='entry'>{paras}<div class='box'><h4>Since you read this far, we \
         have a small favor to ask</h4><p>Our campaign runs to the end of the month and every \
         gift is matched.</p></div></div></article>"
    );
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 4 "), "{}", page.text);
    assert!(!page.text.contains("favor to ask"), "{}", page.text);
    assert!(
        !page.text.contains("every gift is matched"),
        "{}",
        page.text
    );
}
