use super::*;

fn tone_of(t: &str) -> Tone {
    score(&Document::new(t, None))
}

#[test]
fn positive_negative_and_neutral() {
    let good = tone_of("The rescue was a great success and families celebrated.");
    let bad = tone_of("The attack killed dozens and left the city in terrible grief.");
    let flat = tone_of("The committee meets on Tuesday in the town hall.");
    assert!(good.tone > 0.0 && good.positive > 0.0, "{good:?}");
    assert!(bad.tone < 0.0 && bad.negative > 0.0, "{bad:?}");
    assert_eq!(flat.tone, 0.0);
    assert_eq!(flat.polarity, 0.0);
    assert_eq!(flat.word_count, 9);
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
    // Same words but one: compare the strength per word.
    assert!(
        very.positive * 6.0 > plain.positive * 5.0,
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
