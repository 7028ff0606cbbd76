//! Regression tests for nominal speakers (issue 15), on sentences written for them.

use super::*;

fn run(t: &str) -> Vec<Quote> {
    extract(&Document::new(t, None))
}

/// (quote start, speaker, speaker mention) of every quote.
fn who(t: &str) -> Vec<(String, Option<String>, Option<String>)> {
    run(t)
        .into_iter()
        .map(|q| {
            let head: String = q.text.chars().take(12).collect();
            (head, q.speaker, q.speaker_mention.map(|m| m.text))
        })
        .collect()
}

fn mentions(t: &str) -> Vec<Option<String>> {
    who(t).into_iter().map(|(_, _, m)| m).collect()
}

#[test]
fn nominal_after_said_takes_adjectival_determiners() {
    // "senior", "former", "one" inside the phrase used to end it at the article.
    let t = "\u{201c}That will help,\u{201d} said a senior Smith adviser. \u{201c}It is early.\u{201d}";
    let m = Some("a senior Smith adviser".to_string());
    assert_eq!(mentions(t), vec![m.clone(), m]);
    let t = "\"Did he wait? Probably,\" said one former senior agency official. \"It was right.\"";
    let m = Some("one former senior agency official".to_string());
    assert_eq!(mentions(t), vec![m.clone(), m]);
}

#[test]
fn party_members_and_places_inside_nominals() {
    let t = "\u{201c}She is too far behind,\u{201d} said an Ohio Democrat.";
    let w = who(t);
    assert_eq!(w[0].2.as_deref(), Some("an Ohio Democrat"));
    // A description, not a person called "Ohio Democrat".
    assert_eq!(w[0].1, None);
    let t = "\u{201c}It is over,\u{201d} added another Texas Republican.";
    assert_eq!(mentions(t), vec![Some("another Texas Republican".to_string())]);
    // A definite name stays a name.
    let t = "\"We will not comment,\" the White House said on Monday.";
    assert_eq!(who(t)[0].1.as_deref(), Some("White House"));
}

#[test]
fn an_article_phrase_closing_the_sentence_is_the_speaker() {
    let t = "\"We need help,\" said the 46-year-old. \"Nobody came.\"";
    let m = Some("the 46-year-old".to_string());
    assert_eq!(mentions(t), vec![m.clone(), m]);
    let t = "\"This is a disgrace,\" the organizer told them.";
    assert_eq!(mentions(t), vec![Some("the organizer".to_string())]);
}
