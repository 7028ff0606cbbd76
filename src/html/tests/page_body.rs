//! The body: content roots, furniture and what a block is.

use super::*;

/// A paragraph of prose, distinct per `n`, long enough to score as a content block.
fn prose(n: usize) -> String {
    format!(
        "<p>Paragraph {n} of the report says the council met on Tuesday, heard from residents, \
         weighed the costs of the harbour works, and voted to fund repairs before winter.</p>"
    )
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
fn a_furniture_section_goes_with_its_title() {
    let paras: String = (0..5).map(prose).collect();
    let body = format!(
        "<article>{paras}<div><h2>About the author</h2></div>\
         <div><p>Jane Doe is a reporter who has covered the council for ten years.</p></div>\
         <h2>What comes next</h2>{}</article>",
        prose(9)
    );
    let page = page_of(&body);
    assert!(!page.text.contains("ten years"), "{}", page.text);
    assert!(page.text.contains("What comes next"), "{}", page.text);
    assert!(has_para(&page, "Paragraph 9"), "{}", page.text);
    assert!(page.meta.boilerplate.iter().any(|d| d.kind == "section"));
    // A long block after the title is the article again.
    let long: String = (20..32).map(prose).collect();
    let body = format!("<article>{paras}<h2>Tags</h2><div>{long}</div></article>");
    assert!(has_para(&page_of(&body), "Paragraph 31"));
    // A section title above the article heads nothing: the article stays.
    let body = format!("<article><h2>Share this</h2>{paras}</article>");
    assert!(has_para(&page_of(&body), "Paragraph 0"));
}

#[test]
fn notices_are_not_paragraphs() {
    let paras: String = (0..4).map(prose).collect();
    let body = format!(
        "<article>{paras}\
         <p>We may earn a commission when you buy through links on this page.</p>\
         <p>Get the best stories delivered to your inbox every morning.</p>\
         <p>Copyright 2024 Acme. All rights reserved.</p>\
         <p>The newsletter industry grew last year as readers signed up in record numbers.</p>\
         </article>"
    );
    let page = page_of(&body);
    for gone in [
        "earn a commission",
        "delivered to your inbox",
        "All rights reserved",
    ] {
        assert!(!page.text.contains(gone), "{gone}: {}", page.text);
    }
    // Prose about newsletters is not a sign-up box.
    assert!(has_para(&page, "newsletter industry grew"), "{}", page.text);
    assert!(page.meta.boilerplate.iter().any(|d| d.kind == "notice"));
}

fn page_with(head: &str, body: &str, url: &str) -> HtmlPage {
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    parse_html(html.as_bytes(), Some(url))
}

#[test]
fn page_kinds_are_flagged_not_guessed() {
    let paras: String = (0..6).map(prose).collect();
    let url = "https://example.com/harbour";
    let article = page_with("<meta property='og:type' content='article'>", &paras, url);
    assert_eq!(
        (article.meta.page_kind, article.meta.is_article),
        ("article", true)
    );
    // A shop: declared Product, or an "Add to cart" button; the body is still read.
    let ld =
        "<script type='application/ld+json'>{\"@type\":\"Product\",\"name\":\"Kettle\"}</script>";
    let product = page_with(ld, &paras, url);
    assert_eq!(
        (product.meta.page_kind, product.meta.is_article),
        ("product", false)
    );
    assert!(has_para(&product, "Paragraph 0"));
    let cart = format!("{paras}<button>Add to cart</button>");
    assert_eq!(page_with("", &cart, url).meta.page_kind, "product");
    // A shop's page is signed by nobody, whatever its metadata names.
    let signed = format!("{ld}<meta name='author' content='Jane Roe'>");
    let product = page_with(&signed, &paras, url);
    assert!(
        product.meta.authors.is_empty(),
        "{:?}",
        product.meta.authors
    );
    let signed = page_with("<meta name='author' content='Jane Roe'>", &paras, url);
    assert_eq!(signed.meta.authors, vec!["Jane Roe".to_string()]);
    // A forum thread: declared, or under a forum path.
    let ld = "<script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\"}</script>";
    assert_eq!(page_with(ld, &paras, url).meta.page_kind, "forum");
    let thread = page_with("", &paras, "https://example.com/forum/harbour-works-1234");
    assert_eq!(thread.meta.page_kind, "forum");
    // An FAQ's questions do not make a forum.
    let faq = "<script type='application/ld+json'>{\"@type\":\"FAQPage\",\"mainEntity\":\
               [{\"@type\":\"Question\",\"name\":\"Why?\"}]}</script>";
    assert_eq!(page_with(faq, &paras, url).meta.page_kind, "article");
    // A short undeclared page is just a page.
    let short = page_with("", "<p>Opening hours: nine to five.</p>", url);
    assert_eq!(
        (short.meta.page_kind, short.meta.is_article),
        ("page", false)
    );
}

#[test]
fn author_bios_are_not_the_article() {
    let paras: String = (0..5).map(prose).collect();
    let bio = "Jane Roe is a freelance writer living in Leeds who has covered local \
               government and the harbour for a decade.";
    // The JSON-LD Person description repeats the bio printed under the article.
    let head = format!(
        "<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"T\",\
         \"datePublished\":\"2024-03-01\",\"author\":{{\"@type\":\"Person\",\"name\":\"Jane Roe\",\
         \"description\":\"<p>{bio}</p>\"}}}}</script>"
    );
    let body = format!("<article><h1>T</h1>{paras}<div><p>{bio}</p></div></article>");
    let page = page_with(&head, &body, "https://example.com/2024/03/01/harbour");
    assert!(has_para(&page, "Paragraph 4"), "{}", page.text);
    assert!(!page.text.contains("freelance writer"), "{}", page.text);
    assert!(page.meta.boilerplate.iter().any(|d| d.kind == "bio"));
    // Without the description: the block opens with the author's name and a bio verb, at the
    // article's end.
    let head = "<meta property='og:type' content='article'>\
                <meta name='author' content='Jane Roe'>\
                <meta property='article:published_time' content='2024-03-01'>";
    let body = format!("<article><h1>T</h1>{paras}<p>{bio}</p></article>");
    let page = page_with(head, &body, "https://example.com/harbour");
    assert_eq!(page.meta.authors, vec!["Jane Roe".to_string()]);
    assert!(!page.text.contains("freelance writer"), "{}", page.text);
    // In the middle of the article the same words are the article's.
    let mid: String = (5..10).map(prose).collect();
    let body = format!("<article><h1>T</h1>{paras}<p>{bio}</p>{mid}</article>");
    let page = page_with(head, &body, "https://example.com/harbour");
    assert!(page.text.contains("freelance writer"), "{}", page.text);
    // A paragraph about someone else, or not opening with a bio verb, stays.
    let body = format!(
        "<article><h1>T</h1>{paras}<p>John Doe is a freelance writer living in Leeds who has \
         covered the harbour.</p><p>Jane Roe, asked about it, said the quay needs repairs \
         before the winter storms arrive.</p></article>"
    );
    let page = page_with(head, &body, "https://example.com/harbour");
    assert!(page.text.contains("John Doe is"), "{}", page.text);
    assert!(page.text.contains("Jane Roe, asked"), "{}", page.text);
}

#[test]
fn teaser_cards_under_the_article_are_dropped() {
    let paras: String = (0..12).map(prose).collect();
    let card = |n: usize| {
        format!(
            "<div class='card'><h3><a href='/story-{n}/'>Another story number {n}</a></h3>\
             <p>A line of summary for story {n}.</p></div>"
        )
    };
    let cards: String = (0..4).map(card).collect();
    let body = format!("<article><h1>T</h1>{paras}<div class='more'>{cards}</div></article>");
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 11"), "{}", page.text);
    assert!(!page.text.contains("line of summary"), "{}", page.text);
    assert!(page.meta.boilerplate.iter().any(|d| d.kind == "teasers"));
    // Linked headings among the article's own paragraphs (a roundup) are the article.
    let items: String = (0..4)
        .map(|n| {
            format!(
                "<h3><a href='https://shop.example/{n}'>Kettle {n}</a></h3>{}",
                prose(20 + n)
            )
        })
        .collect();
    let body = format!("<article><h1>T</h1>{paras}{items}</article>");
    let page = page_of(&body);
    assert!(has_para(&page, "Paragraph 23"), "{}", page.text);
    // A page of cards and little else keeps them (a listing, flagged by `page_kind`).
    let few: String = (0..2).map(prose).collect();
    let body = format!("<main><h1>T</h1>{few}{cards}</main>");
    assert!(page_of(&body).text.contains("line of summary"));
}
