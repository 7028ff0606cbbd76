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
    let t =
        "\u{201c}That will help,\u{201d} said a senior Smith adviser. \u{201c}It is early.\u{201d}";
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
    assert_eq!(
        mentions(t),
        vec![Some("another Texas Republican".to_string())]
    );
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

#[test]
fn according_to_opening_the_sentence_names_the_source() {
    // "According" ends in -ing: it used to be read as a participle with no subject.
    let t = "According to the report, the plant was \"a danger to the town.\"";
    assert_eq!(mentions(t), vec![Some("the report".to_string())]);
    let t = "According to Smith, the plant was \"a danger to the town.\"";
    assert_eq!(who(t)[0].1.as_deref(), Some("Smith"));
}

#[test]
fn a_head_before_a_preposition_is_the_speaker() {
    // The name after the preposition is what the speaker is close to, not the speaker.
    let t = "Another intelligence source speaking to Fox News said, \"The agents are busy.\"";
    let w = who(t);
    assert_eq!(w[0].1, None);
    assert_eq!(
        w[0].2.as_deref(),
        Some("Another intelligence source speaking to Fox News")
    );
    let t = "A source close to the Clinton campaign said the plan was \"dead on arrival.\"";
    assert_eq!(
        mentions(t),
        vec![Some("A source close to the Clinton campaign".to_string())]
    );
    let t = "\"We are done,\" an official familiar with the talks said.";
    assert_eq!(
        mentions(t),
        vec![Some("an official familiar with the talks".to_string())]
    );
    // A preposition with no speaker head before it changes nothing.
    let t = "\"It rained,\" the man in the hat said.";
    assert_eq!(mentions(t), vec![Some("the man in the hat".to_string())]);
}

#[test]
fn prepositional_phrases_quantifiers_and_clause_verbs() {
    // A name after "for" with a noun before it: still the spokesman's employer.
    let t = "\"The facts have not changed,\" a spokesman for committee Democrats said.";
    assert_eq!(
        mentions(t),
        vec![Some("a spokesman for committee Democrats".to_string())]
    );
    // The phrase stops at the name: "released" is the clause's verb.
    let t = "The Democratic National Committee released a statement Wednesday, saying the \
             remarks were \"another example of race-baiting.\"";
    assert_eq!(
        mentions(t),
        vec![Some("The Democratic National Committee".to_string())]
    );
    // ... and at its last head.
    let t = "His campaign sent a message saying: \"We won the state.\"";
    assert_eq!(mentions(t), vec![Some("His campaign".to_string())]);
    // A quantifier alone is a subject; a past tense after it is a verb, not a noun.
    let t = "Several said they wanted \"block grants\" for schools.";
    assert_eq!(mentions(t), vec![Some("Several".to_string())]);
    // An article before a speech noun still makes it a noun.
    let t = "The claims were \"false,\" the spokesman said.";
    assert_eq!(mentions(t), vec![Some("the spokesman".to_string())]);
}

#[test]
fn determiner_phrases_closing_the_sentence_and_participles() {
    let t = "\u{201c}They will find a way,\u{201d} wrote one commenter.";
    assert_eq!(mentions(t), vec![Some("one commenter".to_string())]);
    let t = "\"The harm is incalculable,\" federal prosecutors wrote in a filing.";
    assert_eq!(mentions(t), vec![Some("federal prosecutors".to_string())]);
    // A participle after the quote: its object is not the speaker.
    let t = "Smith said that is a \"distortion,\" describing the security team as skilled.";
    assert_eq!(who(t)[0].1.as_deref(), Some("Smith"));
}

#[test]
fn who_after_a_dash_or_a_name_stands_for_the_name() {
    let t = "Front-runner Donald Trump - who previously said he would \"bomb the oil fields\" - \
             spoke on Saturday.";
    let w = who(t);
    assert_eq!(
        (w[0].1.as_deref(), w[0].2.as_deref()),
        (Some("Donald Trump"), Some("who"))
    );
    let t = "There was this tweet from Rikkie Wells who tweeted, \"They never respect rules.\"";
    let w = who(t);
    assert_eq!(
        (w[0].1.as_deref(), w[0].2.as_deref()),
        (Some("Rikkie Wells"), Some("who"))
    );
}

#[test]
fn a_weekday_between_speaker_and_verb() {
    let t = "Priebus later Thursday told Fox News: \"Both men are meeting next week.\"";
    assert_eq!(who(t)[0].1.as_deref(), Some("Priebus"));
}

#[test]
fn an_object_before_a_quote_is_no_speaker() {
    // "the final sum" closes nothing: the quote follows it.
    let t = "India's negotiator, Raj Kumar, called the final sum \"a paltry amount\" and left.";
    assert_eq!(who(t)[0].1.as_deref(), Some("Raj Kumar"));
    let t =
        "The UN climate chief, Peter Lindqvist, said the agreement was \"an insurance policy\".";
    assert_eq!(who(t)[0].1.as_deref(), Some("Peter Lindqvist"));
}

#[test]
fn a_short_description_is_kept_as_the_mention() {
    // No role was given to anyone: the description is the speaker mention, with no name.
    let t = "Elena Dementieva lost in straight sets. \"I hit rock bottom,\" the 22-year-old said.";
    let w = who(t);
    assert_eq!(
        (w[0].1.as_deref(), w[0].2.as_deref()),
        (None, Some("the 22-year-old"))
    );
    let t = "Manchester United lost. Ferguson was angry. \"We will appeal,\" the club said.";
    let w = who(t);
    assert_eq!(
        (w[0].1.as_deref(), w[0].2.as_deref()),
        (None, Some("the club"))
    );
}

#[test]
fn a_name_between_the_head_and_its_employer_is_the_speaker() {
    let t = "\"It is a husk,\" retail analyst Nick Bubb of Evolution Securities said.";
    assert_eq!(who(t)[0].1.as_deref(), Some("Nick Bubb"));
    let t = "\"We are closed,\" a spokesperson for the Department for Transport said.";
    assert_eq!(who(t)[0].1, None);
}

#[test]
fn pool_regressions_of_the_nominal_rules() {
    // The addressee after an apposition is no speaker.
    let t = "\"We used to see this,\" Andrei Illarionov - then an adviser to the president - told \
             a press conference.";
    assert_eq!(who(t)[0].1.as_deref(), Some("Andrei Illarionov"));
    // A role noun before the speech verb stays in the phrase.
    let t = "\"I am not interested in coaching,\" the England captain said on television.";
    assert_eq!(mentions(t), vec![Some("the England captain".to_string())]);
    // A name deep inside a subject phrase is not its head.
    let t = "Their favorite aspect of Trump was his \u{201c}attitude\u{201d}, the group found.";
    assert_ne!(who(t)[0].1.as_deref(), Some("Trump"));
    let t = "The TV couple's interest in books coined the term \"the Richard & Judy effect\".";
    assert_ne!(who(t)[0].1.as_deref(), Some("TV"));
}

#[test]
fn a_description_with_a_name_inside_stays_one_phrase() {
    let t = "Alex Ferguson praised his players.\n\n\"That was our hardest \
             game,\" said the Old Trafford boss.";
    let w = who(t);
    assert_eq!(w[0].2.as_deref(), Some("the Old Trafford boss"));
    assert_ne!(w[0].1.as_deref(), Some("Old Trafford"));
}
