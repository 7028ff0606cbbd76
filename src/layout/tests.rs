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

fn furniture(t: &str, l: &Layout) -> Vec<(&'static str, String)> {
    l.boilerplate
        .iter()
        .map(|b| (b.kind, s(t, b.span).to_string()))
        .collect()
}

#[test]
fn blog_page_with_credit_line_and_comments() {
    let t = "Rivers rise after the storm\nby Jane Doe on 26 October 2012, 4:24 PM\n\nThe river rose two metres overnight and the town's lower streets were under water by dawn, officials said on Friday.\n\nResidents were moved to the school hall, where volunteers handed out blankets and hot drinks.\n\n!@#$%^&*()  COMMENTS\n\nMark\nPosted October 27, 2012 at 9:26 am\n\nStay safe everyone.\n";
    let l = parse(t);
    assert_eq!(opt(t, l.headline), Some("Rivers rise after the storm"));
    assert_eq!(opt(t, l.byline), Some("by Jane Doe"));
    let p = l.published.as_ref().expect("published");
    assert_eq!(s(t, p.span), "26 October 2012, 4:24 PM");
    assert_eq!(p.value.as_deref(), Some("2012-10-26T16:24"));
    assert_eq!(l.paragraphs.len(), 2);
    let f = furniture(t, &l);
    assert_eq!(f[0], ("comments", "!@#$%^&*()  COMMENTS".to_string()));
    assert!(f[1..].iter().all(|(k, _)| *k == "comment"), "{f:?}");
    assert_eq!(f.len(), 4);
}

#[test]
fn stamp_lines_above_the_headline() {
    let t = "24 July 2012 Last updated at 12:01 ET\nDay in pictures: 24 July 2012\n\nThe best news pictures from around the world, chosen by the picture desk this morning.\n";
    let l = parse(t);
    assert_eq!(opt(t, l.headline), Some("Day in pictures: 24 July 2012"));
    let p = l.published.as_ref().expect("published");
    assert_eq!(s(t, p.span), "24 July 2012 Last updated at 12:01 ET");
    // A date set one part a line, then the headline, then a label and a count.
    let t = "16\nJuly\n2012\nLotus of Siam, Las Vegas\n\nComments:87\n\nMy favourite thing about travel is finding great meals in unexpected places, far from the famous restaurants.\n";
    let l = parse(t);
    assert_eq!(opt(t, l.headline), Some("Lotus of Siam, Las Vegas"));
    assert_eq!(
        l.published.as_ref().and_then(|p| p.value.as_deref()),
        Some("2012-07-16")
    );
    assert_eq!(furniture(t, &l), vec![("comments", "Comments:87".into())]);
    assert_eq!(l.paragraphs.len(), 1);
    // A label before the date, set off by a bar, is the section.
    let t = "In Depth | 24 July 2012\nWhat happened to the hotel on the Moon?\nMatt Novak\n\nIt is more than half a century since the idea of a hotel on the Moon was first mooted by the company.\n";
    let l = parse(t);
    assert_eq!(opt(t, l.section), Some("In Depth"));
    assert_eq!(
        opt(t, l.headline),
        Some("What happened to the hotel on the Moon?")
    );
    assert_eq!(opt(t, l.byline), Some("Matt Novak"));
    assert_eq!(
        l.published.map(|p| s(t, p.span).to_string()).as_deref(),
        Some("24 July 2012")
    );
}

#[test]
fn cnn_story_caption_and_furniture() {
    let t = "WASHINGTON (CNN) -- Press secretary Tom Lane, who is being treated for an illness, will step down from his post on May 14, the White House said Friday.\n\nPress secretary Tom Lane will step down from his post on May 14.\n\nThe president said he would sadly accept the resignation.  Watch the announcement about Lane leaving »\n\nLane said he was leaving to earn more money. E-mail to a friend\n\n@highlight\n\nPress secretary steps down\n";
    let l = parse(t);
    assert_eq!(
        opt(t, l.dateline.as_ref().map(|d| d.span)),
        Some("WASHINGTON (CNN) --")
    );
    let captions: Vec<&str> = l.images.iter().filter_map(|i| opt(t, i.caption)).collect();
    assert_eq!(
        captions,
        vec!["Press secretary Tom Lane will step down from his post on May 14."]
    );
    assert_eq!(l.paragraphs.len(), 3);
    assert_eq!(
        s(t, l.paragraphs[1]),
        "The president said he would sadly accept the resignation."
    );
    assert_eq!(
        s(t, l.paragraphs[2]),
        "Lane said he was leaving to earn more money."
    );
    let f = furniture(t, &l);
    assert!(f.contains(&(
        "promo",
        "Watch the announcement about Lane leaving »".into()
    )));
    assert!(f.contains(&("share", "E-mail to a friend".into())));
    assert_eq!(l.highlights.len(), 1);
    // The 2015 form: no dash after the agency.
    let t = "(CNN)Never mind the weather, the parade went on.\n\nThousands came.";
    assert_eq!(opt(t, parse(t).dateline.map(|d| d.span)), Some("(CNN)"));
}

#[test]
fn wire_leads_date_the_article() {
    let t = "Brazil growth slows\n\nSAO PAULO, Nov 7 (Reuters) - Brazil's economy grew less than expected in the third quarter, data showed on Wednesday.\n\nAnalysts had expected more.";
    let l = parse(t);
    let d = l.dateline.as_ref().expect("dateline");
    assert_eq!(s(t, d.span), "SAO PAULO, Nov 7 (Reuters) -");
    let p = l.published.as_ref().expect("published");
    assert_eq!(
        (s(t, p.span), p.value.as_deref()),
        ("Nov 7", Some("--11-07"))
    );
    assert!(s(t, l.paragraphs[0]).starts_with("Brazil's economy"));
    let t = "By JOHN DOE (AP)\n\nNEW YORK (AP) _ Stocks fell sharply on Tuesday as oil prices jumped, traders said.\n\nThe Dow lost 2 percent.";
    let l = parse(t);
    assert_eq!(opt(t, l.byline), Some("By JOHN DOE (AP)"));
    assert_eq!(opt(t, l.dateline.and_then(|d| d.place)), Some("NEW YORK"));
    assert_eq!(l.paragraphs.len(), 2);
}

#[test]
fn titles_alone_and_sentences_alone() {
    let t = "Will the new plan mean faster rate rises?";
    let l = parse(t);
    assert_eq!(opt(t, l.headline), Some(t));
    assert!(l.paragraphs.is_empty());
    let t = "The central bank raised its main rate by half a point on Tuesday.";
    let l = parse(t);
    assert!(l.headline.is_none());
    assert_eq!(l.paragraphs.len(), 1);
}

#[test]
fn captions_known_by_their_credit() {
    let t = "Venice row escalates\n\nA row over the cruise liners in the city's canals has intensified, with supporters planning a rally.\n\nLiners in the lagoon\nLiners pass through Venice on the Giudecca canal. Photograph: Jane Roe/Getty Images\n\nTwo ships a day sail down the narrow canal, locals said.";
    let l = parse(t);
    assert_eq!(l.images.len(), 1);
    assert_eq!(opt(t, l.images[0].title), Some("Liners in the lagoon"));
    assert_eq!(
        opt(t, l.images[0].caption),
        Some("Liners pass through Venice on the Giudecca canal. Photograph: Jane Roe/Getty Images")
    );
    assert_eq!(l.paragraphs.len(), 2);
}

#[test]
fn related_links_end_at_the_next_prose() {
    let t = "Robot finds parts on demand\n\nThis device finds the right drawer of parts and pushes it out when you ask for a component by name, which saves a lot of searching.\nPopular Robot Projects:\n\nVoice Activated Home Automation\nRobotic Butler\n\nThe project page has the parts list and full instructions for anyone who wants to build their own version at home.\n\n— Jane Doe (@janedoe) November 7, 2012\n";
    let l = parse(t);
    let f = furniture(t, &l);
    assert_eq!(f[0], ("related", "Popular Robot Projects:".into()));
    assert_eq!(f[1].1, "Voice Activated Home Automation");
    assert_eq!(f[2].1, "Robotic Butler");
    assert_eq!(f[3].0, "tweet");
    assert_eq!(l.paragraphs.len(), 2);
    assert!(l.published.is_none());
}

#[test]
fn headings_between_paragraphs_and_lists_of_results() {
    let t = "How to add a widget to your blog\n\nOne of the most common questions we are asked is how to add a widget to a blog sidebar, so here is the whole process from the start, with pictures of every step along the way.\nWhat Can You Do With It?\n\nHere are some practical ideas that people have already come up with on how to put the widget to good use in class, at home and at work, with links to the pages they made.\n\nThe draw for the next round was made on Monday evening at the stadium, in front of the managers of the sixteen clubs still in the competition and a few hundred fans.\n\nDerby v Watford\nChelsea v Birmingham\nOldham v Bolton\nEverton v Sunderland\n\nThe ties will be played on the weekend of 29 January, the association said in a statement, and the draw for the following round will be made on the Monday after.";
    let l = parse(t);
    let subs: Vec<&str> = l.subheadings.iter().map(|x| s(t, x.span)).collect();
    assert_eq!(subs, vec!["What Can You Do With It?"]);
    assert_eq!(l.paragraphs.len(), 8);
}
