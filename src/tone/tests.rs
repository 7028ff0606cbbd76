use super::*;

fn tone_of(t: &str) -> Tone {
    score(&Document::new(t, None))
}

#[test]
fn positive_negative_and_neutral() {
    let good = tone_of("The rescue was a great success and families celebrated.");
    let bad = tone_of("The attack killed dozens and left the city in terrible grief.");
    // No word with a connotation (the learned table gives a few topic words a weak one:
    // "town" -0.34, so the sentence stops at "Tuesday").
    let flat = tone_of("The committee meets on Tuesday.");
    assert!(good.tone > 0.0 && good.positive > 0.0, "{good:?}");
    assert!(bad.tone < 0.0 && bad.negative > 0.0, "{bad:?}");
    assert_eq!(flat.tone, 0.0);
    assert_eq!(flat.polarity, 0.0);
    assert_eq!(flat.word_count, 5);
    assert!((bad.polarity - (bad.positive + bad.negative)).abs() < 1e-9);
}

#[test]
fn negation_flips_and_intensifiers_strengthen() {
    let plain = tone_of("The plan was good.");
    let negated = tone_of("The plan was not good.");
    let very = tone_of("The plan was very good.");
    let curly = tone_of("The plan wasn’t good.");
    assert!(plain.tone > 0.0);
    assert!(negated.tone < 0.0, "{negated:?}");
    assert!(curly.tone < 0.0, "{curly:?}");
    // Same words but one: compare the strength per word ("very" strengthens "good").
    assert!(
        very.positive * 5.0 > plain.positive * 4.0,
        "{very:?} {plain:?}"
    );
}

#[test]
fn but_shifts_the_weight() {
    let t = tone_of("The food was good but the service was terrible.");
    assert!(t.tone < 0.0, "{t:?}");
}

#[test]
fn activity_self_group_and_paragraphs() {
    let t = tone_of(
        "Rebels attacked the town\n\nWe fled. Our homes burned.\n\nThe talks were a success.",
    );
    assert!(t.activity > 0.0);
    assert!(t.self_group > 0.0);
    assert_eq!(t.paragraphs.len(), 2);
    assert!(t.paragraphs[1] > 0.0, "{t:?}");
    let empty = tone_of("");
    assert_eq!(empty.word_count, 0);
    assert_eq!(empty.tone, 0.0);
}

/// A valence from a table file (`word<TAB>number` lines).
fn table_value(src: &str, word: &str) -> Option<f64> {
    src.lines()
        .filter_map(|l| l.split_once('\t'))
        .find(|(w, _)| *w == word)
        .and_then(|(_, v)| v.trim().parse().ok())
}

#[test]
fn learned_valences_replace_vader() {
    let vader = include_str!("../../data/tone/lexicon.tsv");
    let learned = include_str!("../../data/tone/learned.tsv");
    // "death" is strongly negative in VADER, close to neutral toward the people news sentences
    // are about (NewsMTSC); "accused" is the other way round.
    let death = table_value(learned, "death").expect("death in learned.tsv");
    assert!(table_value(vader, "death").is_some_and(|v| v < -2.0));
    assert!(death.abs() < 1.0, "{death}");
    assert_eq!(cues::CUES.get("death").map(|c| c.valence), Some(death));
    let accused = table_value(learned, "accused").expect("accused in learned.tsv");
    assert!(accused < table_value(vader, "accused").unwrap_or(0.0) - 1.0);

    // With VADER's -2.9 this sentence would be 36% negative (one word of 2.9 / 2 in four).
    let t = tone_of("It was a death.");
    assert_eq!(t.word_count, 4);
    assert!((t.tone - 100.0 * death / 2.0 / 4.0).abs() < 0.01, "{t:?}");
    let a = tone_of("The senator was accused.");
    assert!(
        (a.negative - 100.0 * (-accused / 2.0) / 4.0).abs() < 0.01,
        "{a:?}"
    );
    // A word VADER lacks, learned from news sentences.
    assert!(table_value(vader, "work").is_none());
    let w = table_value(learned, "work").expect("work in learned.tsv");
    assert!(w > 0.5, "{w}");
    assert!(tone_of("They will work together.").tone > 0.0);
}

#[test]
fn rule_weights_are_read() {
    let src = include_str!("../../data/tone/rules.tsv");
    assert_eq!(table_value(src, "negation"), Some(RULES.negation));
    assert_eq!(table_value(src, "but_after"), Some(RULES.but_after));
    // A negated word is flipped and scaled by the learned negation factor.
    let plain = tone_of("They were accused.");
    let negated = tone_of("They were not accused.");
    assert!(plain.tone < 0.0, "{plain:?}");
    let expect = plain.tone * RULES.negation * 3.0 / 4.0;
    assert!(
        (negated.tone - expect).abs() < 0.01,
        "{negated:?} {plain:?}"
    );
}
