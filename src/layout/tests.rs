use super::*;

const SEED: &str = include_str!("../../tests/data/seed_article.txt");

fn s(text: &str, span: Span) -> &str {
    &text[span.start..span.end]
}

fn opt(text: &str, span: Option<Span>) -> Option<&str> {
    span.map(|sp| s(text, sp))
}

#[test]
fn seed_article_layout() {
    let l = parse(SEED);
    assert_eq!(opt(SEED, l.section), Some("Middle East"));
    assert_eq!(
        opt(SEED, l.headline),
        Some("Iraq conflict: US backs Iraq but will not send troops - Kerry")
    );
    assert_eq!(opt(SEED, l.headline_attribution), Some("Kerry"));
    assert_eq!(l.images.len(), 1);
    let img = &l.images[0];
    assert_eq!(
        opt(SEED, img.title),
        Some("Sunni fighters in Fallujah, 4 January")
    );
    assert_eq!(
        opt(SEED, img.caption),
        Some("Sunni gunmen in Fallujah took advantage of an army pullout earlier this week")
    );
    assert_eq!(img.paragraph, 0);
    assert_eq!(l.subheadings.len(), 1);
    assert_eq!(s(SEED, l.subheadings[0].span), "'No boots on ground'");
    assert_eq!(l.subheadings[0].paragraph, 7);
    assert_eq!(l.paragraphs.len(), 23);
    assert!(s(SEED, l.paragraphs[0]).starts_with("The US secretary of state"));
    assert!(s(SEED, l.paragraphs[22]).starts_with("US forces ended combat missions"));
    // The "Image caption" label and the "Related Topics" heading are furniture.
    let furniture: Vec<(&str, &str)> = l
        .boilerplate
        .iter()
        .map(|b| (b.kind, s(SEED, b.span)))
        .collect();
    assert_eq!(
        furniture,
        vec![
            ("caption_label", "Image caption"),
            ("related_topics", "Related Topics")
        ]
    );
    assert!(l.byline.is_none() && l.dateline.is_none() && l.published.is_none());
}

#[test]
fn title_and_body_with_byline_and_stamp() {
    let t = "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\n\nBy John Smith and Jane Doe, BBC News\n\nPublished 5 January 2014\n\nA Bloomberg poll shows that Americans have abandoned the party.\n\nClinton beats Trump by 46 percent to 42 percent.\n";
    let l = parse(t);
    assert_eq!(
        opt(t, l.headline),
        Some("Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.")
    );
    assert!(l.section.is_none());
    assert_eq!(
        opt(t, l.byline),
        Some("By John Smith and Jane Doe, BBC News")
    );
    let names: Vec<&str> = l.authors.iter().map(|a| s(t, *a)).collect();
    assert_eq!(names, vec!["John Smith", "Jane Doe"]);
    assert_eq!(
        l.published
            .as_ref()
            .and_then(|p| p.value.clone())
            .as_deref(),
        Some("2014-01-05")
    );
    assert_eq!(l.paragraphs.len(), 2);
}

#[test]
fn wire_dateline_is_cut_from_the_lead() {
    let t = "Bombs kill 19 in Baghdad\n\nBAGHDAD (Reuters) - Bombs in the capital killed at least 19 people on Sunday, police said.\n\nThe attacks came a day after militants took Fallujah.";
    let l = parse(t);
    assert_eq!(opt(t, l.headline), Some("Bombs kill 19 in Baghdad"));
    let d = l.dateline.expect("dateline");
    assert_eq!(s(t, d.span), "BAGHDAD (Reuters) -");
    assert_eq!(opt(t, d.agency), Some("Reuters"));
    assert!(s(t, l.paragraphs[0]).starts_with("Bombs in the capital"));
}

#[test]
fn dateline_line_and_no_headline() {
    let t = "\n\nNAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the U.S. embassies in the Kenyan and Tanzanian capitals Friday, killing dozens of people, witnesses said.\n\nThe American ambassador to Kenya was among hundreds injured, a local TV said.\n";
    let l = parse(t);
    assert!(l.headline.is_none());
    assert_eq!(
        opt(t, l.dateline.as_ref().and_then(|d| d.place)),
        Some("NAIROBI, Kenya")
    );
    assert_eq!(l.paragraphs.len(), 2);
}

#[test]
fn conll_style_one_sentence_per_line() {
    let t = "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.\nLONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday.\nTheir stay on top, though, may be short-lived.\n";
    let l = parse(t);
    assert_eq!(
        opt(t, l.headline),
        Some("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.")
    );
    assert!(l.headline_attribution.is_none());
    assert_eq!(
        l.published
            .as_ref()
            .and_then(|p| p.value.clone())
            .as_deref(),
        Some("1996-08-30")
    );
    assert_eq!(l.paragraphs.len(), 2);
    assert!(l.subheadings.is_empty());
}

#[test]
fn cnn_highlights() {
    let t = "(CNN) -- A man was arrested on Friday after a chase, police said.\n\nHe was charged on Saturday.\n\n@highlight\n\nA man is arrested after a chase\n\n@highlight\n\nHe is charged on Saturday";
    let l = parse(t);
    assert_eq!(
        opt(t, l.dateline.as_ref().and_then(|d| d.agency)),
        Some("CNN")
    );
    let h: Vec<&str> = l.highlights.iter().map(|x| s(t, *x)).collect();
    assert_eq!(
        h,
        vec![
            "A man is arrested after a chase",
            "He is charged on Saturday"
        ]
    );
    assert_eq!(l.paragraphs.len(), 2);
    assert_eq!(
        l.boilerplate
            .iter()
            .filter(|b| b.kind == "highlight_marker")
            .count(),
        2
    );
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let t = "Australia will defend the Ashes in\na six-test series against England during a four-month tour\nstarting on May 13 next year, the board said on Friday.\nAustralia will also play three one-day internationals and\nfour one-day warm-up matches at the start of the tour.\n";
    let l = parse(t);
    assert_eq!(
        l.paragraphs.len(),
        2,
        "{:?}",
        l.paragraphs.iter().map(|p| s(t, *p)).collect::<Vec<_>>()
    );
}

#[test]
fn bbc_picture_with_credit_and_media() {
    let t = "UK\n\nStorm hits coast\n\nImage copyright Getty Images\nImage caption Waves broke over the sea wall\n\nA storm hit the coast on Monday, flooding homes.\n\nMedia playback is unsupported on your device\nMedia caption Residents describe the flooding\n\nMore homes were flooded on Tuesday.\n\nShare this page\n\nRelated Topics\n\nWeather\n\nFlooding";
    let l = parse(t);
    assert_eq!(opt(t, l.section), Some("UK"));
    assert_eq!(opt(t, l.headline), Some("Storm hits coast"));
    assert_eq!(l.images.len(), 1);
    assert_eq!(opt(t, l.images[0].credit), Some("Getty Images"));
    assert_eq!(l.media.len(), 1);
    assert_eq!(l.media[0].paragraph, 1);
    assert_eq!(l.paragraphs.len(), 2);
    let topics: Vec<&str> = l.related_topics.iter().map(|x| s(t, *x)).collect();
    assert_eq!(topics, vec!["Weather", "Flooding"]);
    let kinds: Vec<&str> = l.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        vec![
            "credit",
            "caption_label",
            "playback",
            "caption_label",
            "share",
            "related_topics"
        ]
    );
}

#[test]
fn text_without_layout_is_all_paragraphs() {
    for t in [
        "just some words",
        "one line.\n\nanother line.",
        "",
        "   \n\t\n",
        "@highlight",
    ] {
        let l = parse(t);
        assert!(l.headline.is_none(), "{t:?}");
        let covered: usize = l.paragraphs.iter().map(|p| p.len()).sum();
        assert!(
            covered + l.boilerplate.len() * 10 >= t.trim().len().min(1),
            "{t:?}"
        );
    }
}

#[test]
fn crlf_nbsp_and_bom_are_normal_input() {
    let t = "\u{feff}Middle East\r\n\r\nIraq conflict: US backs Iraq\u{a0}\r\n\r\nThe US secretary of state has said the US will help.\r\n";
    let l = parse(t);
    assert_eq!(opt(t, l.section), Some("Middle East"));
    assert_eq!(opt(t, l.headline), Some("Iraq conflict: US backs Iraq"));
    assert_eq!(
        opt(t, l.paragraphs.first().copied()),
        Some("The US secretary of state has said the US will help.")
    );
}

#[test]
fn first_line_sentence_headline_and_byline_role() {
    let t = "Trump not walking the walk on his tax claims.\n\nBy Jane Doe\nDiplomatic correspondent\n\nDonald Trump has said many things about taxes this year, and most of them were wrong.";
    let l = parse(t);
    assert_eq!(
        opt(t, l.headline),
        Some("Trump not walking the walk on his tax claims.")
    );
    assert_eq!(
        opt(t, l.byline),
        Some("By Jane Doe\nDiplomatic correspondent")
    );
    assert_eq!(l.paragraphs.len(), 1);
    // A short first paragraph of two sentences is not a headline.
    let t = "He left. She stayed on.\n\nNobody knew why.";
    assert!(parse(t).headline.is_none());
}
