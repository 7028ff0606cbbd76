//! Regression tests for speaker kinds and bounded speaker phrases (issue 15, third pass), on
//! sentences written for them: a speaker is a person, an organisation that speaks, or a
//! nominal; never a group word, and "he"/"she" never stand for an organisation.

use super::*;

fn run(t: &str) -> Vec<Quote> {
    extract(&Document::new(t, None))
}

/// (speaker, speaker mention) of every quote.
fn who(t: &str) -> Vec<(Option<String>, Option<String>)> {
    run(t)
        .into_iter()
        .map(|q| (q.speaker, q.speaker_mention.map(|m| m.text)))
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn pronouns_never_stand_for_an_organisation() {
    // "firm Brightlane" names an organisation; "he" goes to the person named with it.
    let t = "Leaks are costly, according to software firm Brightlane.\n\n\
             Rivals want the data, said Peter Holm, head of Brightlane which paid for the study. \
             \"The risks have grown,\" he said.";
    assert_eq!(who(t).last(), Some(&(s("Peter Holm"), s("he"))));
    // An organisation cue or an acronym ends the name of a body, not of a person.
    let t = "The Transport Committee backed the plan, said Anna Berg. \"It is late,\" she said.";
    assert_eq!(who(t).last(), Some(&(s("Anna Berg"), s("she"))));
}

#[test]
fn group_words_are_no_speaker() {
    // A demonym or group standing alone keeps its mention and gets no `speaker`.
    let t = "The 5,000 Protestants who were \"moved\" from the town have not returned.";
    let w = who(t);
    assert!(
        w.iter().all(|(sp, _)| sp.as_deref() != Some("Protestants")),
        "{w:?}"
    );
    let t = "Nora Vale said she liked it. Vale's Peruvian-style staging was called \"bold\" by \
             critics. \"I loved it,\" she said.";
    let w = who(t);
    assert!(
        w.iter()
            .all(|(sp, _)| sp.as_deref() != Some("Peruvian-style")),
        "{w:?}"
    );
    assert_eq!(w.last().and_then(|x| x.0.as_deref()), Some("Nora Vale"));
    let t = "\"We will fight on,\" said the Chinese.";
    assert_eq!(who(t)[0].0, None);
}

#[test]
fn body_nominals_never_resolve_to_a_person() {
    let t = "Labour MP Ruth Dale, who chairs the committee, said: \"Every death is one too \
             many.\"\n\nThe committee also found \"worrying\" cases among the young.";
    let w = who(t);
    assert_eq!(w[0].0.as_deref(), Some("Ruth Dale"));
    assert_eq!(w[1], (None, s("The committee")));
    // A role word still stands for the person given it.
    let t = "Mayor Tom Reyes opened the bridge. \"It is a good day,\" the mayor said.";
    assert_eq!(who(t)[0].0.as_deref(), Some("Tom Reyes"));
}

#[test]
fn speaker_phrases_never_hold_a_clause() {
    let t = "In the new advert, the president turns to the camera and says, \"You have a \
             choice to make.\"";
    assert_eq!(who(t), vec![(None, s("the president"))]);
    let t = "A Downing Street spokeswoman would only say: \"He will decide when he wants.\"";
    assert_eq!(who(t)[0].1.as_deref(), Some("A Downing Street spokeswoman"));
    let t = "The director will reportedly meet producers next week about the 'hack and run' \
             series.";
    let w = who(t);
    assert!(
        w.iter()
            .all(|(_, m)| m.as_deref().is_none_or(|m| !m.contains("meet"))),
        "{w:?}"
    );
    let t = "Wearing a long coat, the Canadian-born singer stopped to greet fans and joked: \
             \"It is freezing.\"";
    assert_eq!(who(t)[0].1.as_deref(), Some("the Canadian-born singer"));
}

#[test]
fn a_verb_after_and_shares_the_subject_of_the_speech_verb_before() {
    let t = "City officials said the deal was off but their lawyer, Dan Moss, told reporters it \
             was absurd and added: \"We will appeal.\"";
    assert_eq!(who(t)[0].0.as_deref(), Some("Dan Moss"));
    let t = "Opposition spokesman Alan Price said the ruling mattered and urged ministers to act \
             as fast as \"humanly possible\" now.";
    assert_eq!(who(t)[0].0.as_deref(), Some("Alan Price"));
}

#[test]
fn a_title_before_an_organisation_word_is_part_of_its_name() {
    let t = "Industrial giant General Electric posted higher sales and declared itself \"in \
             great shape\".";
    assert_eq!(who(t)[0].0.as_deref(), Some("General Electric"));
}

#[test]
fn name_variants_take_the_full_name() {
    // A two-word surname after a title ends the full name met before.
    let t = "Sen. Marcus Van Doren spoke first. \"We will not wait,\" Mr. Van Doren said.";
    assert_eq!(who(t)[0].0.as_deref(), Some("Marcus Van Doren"));
    // A full name with no sign of a person, then a title and the surname.
    let t = "Jean-Luc Brakmann spoke at noon.\n\n\"Europe is back,\" Mr Brakmann said.";
    assert_eq!(who(t)[0].0.as_deref(), Some("Jean-Luc Brakmann"));
    // A middle initial and a courtesy title.
    let t = "\"It costs more,\" said Leonard E. Burman. Later, Mr. Burman added: \"No one knows.\"";
    let w = who(t);
    assert_eq!(w[1].0, w[0].0);
    assert_eq!(w[1].0.as_deref(), Some("Leonard E Burman"));
}

#[test]
fn past_speech_verbs_come_from_the_verb_table() {
    // The past forms are the table's own ("thought" is listed irregular, "added" derived):
    // after a quantifier a past form is a verb, a noun form is not a cue.
    for w in [
        "said", "told", "wrote", "thought", "added", "replied", "slammed",
    ] {
        assert_eq!(lexicon::SPEECH_VERBS.get(w), Some(&true), "{w}");
    }
    for w in ["say", "says", "saying", "claims", "write"] {
        assert_ne!(lexicon::SPEECH_VERBS.get(w), Some(&true), "{w}");
    }
    // A first name that is also a past form ("Sung", of "sing") still starts a name.
    let t = "Rates will rise again in March, economists expect.\n\n\
             \"I think the bank is using a gradual approach,\" said Sung Won Sohn, \
             chief economist at a regional bank.";
    assert_eq!(
        who(t).last(),
        Some(&(s("Sung Won Sohn"), s("Sung Won Sohn")))
    );
}
