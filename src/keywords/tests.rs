use super::*;
use crate::entities;

fn keywords(t: &str) -> Vec<Keyword> {
    let d = Document::new(t, None);
    let e = entities::extract(&d).entities;
    extract(&d, &e)
}

#[test]
fn the_topic_comes_first_with_its_mentions() {
    let t = "Kidney swap chain saves six patients\n\n\
             A kidney donor set off a chain of transplants in San Francisco on Friday.\n\n\
             The kidney chain linked six patients with donors, the hospital said.\n\n\
             Doctors said such kidney chains are rare, and the transplants went well.";
    let k = keywords(t);
    assert!(!k.is_empty() && k.len() <= TOP);
    let first = &k[0];
    assert!(first.text.to_lowercase().contains("kidney"), "{k:#?}");
    assert_eq!(first.score, 1.0);
    assert!(k.windows(2).all(|w| w[0].score >= w[1].score));
    for kw in &k {
        assert_eq!(kw.count, kw.mentions.len());
        for m in &kw.mentions {
            let got: String = t.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, m.text);
        }
    }
    // "said" and other function words never make a key phrase.
    assert!(k.iter().all(|kw| kw.text.to_lowercase() != "said"));
}

#[test]
fn plurals_and_case_fold_together() {
    let t = "Rebels seize town\n\nThe rebels took the town. A rebel commander said the Rebels would stay.";
    let k = keywords(t);
    let rebel = k
        .iter()
        .find(|kw| kw.text.to_lowercase().starts_with("rebel"))
        .expect("rebel");
    assert_eq!(rebel.count, 4, "{k:#?}");
}

#[test]
fn no_text_no_keywords() {
    assert!(keywords("").is_empty());
    assert!(keywords("the and of 2014 , .").is_empty());
}

#[test]
fn one_shared_view_gives_what_a_private_one_does() {
    // `record` builds the content words once and hands them to keywords and summary; a word
    // first met in a picture title (after every sentence) gets no id and changes nothing.
    let t = "Kidney swap chain saves six patients\n\n\
             A kidney donor set off a chain of transplants in San Francisco on Friday.\n\n\
             The kidney chain linked six patients with donors, the hospital said.";
    let d = Document::new(t, None);
    let e = entities::extract(&d).entities;
    let w = ContentWords::new(d.tokens());
    assert_eq!(extract_with(&d, &w, &e), extract(&d, &e));
    assert_eq!(
        crate::summary::select_with(&d, &w, 2),
        crate::summary::select(&d, 2)
    );
    let kidney = (0..d.tokens().len())
        .find(|&i| d.tokens().lower(i) == "kidney")
        .map(|i| w.id(i));
    assert!(kidney.is_some_and(|id| id != crate::words::NONE));
    assert_eq!(w.of_word("kidneys"), kidney);
}

#[test]
fn keeping_the_best_equals_a_full_sort_with_ties_and_signed_zeros() {
    // Scores with many ties (the keys decide), negative scores and both zeros.
    let scores = [
        3.5, -1.0, 0.0, -0.0, 3.5, 2.0, 3.5, 1.0, 2.0, -0.0, 7.25, 3.5,
    ];
    // Single words and phrases, so that the packed keys' order is checked against `Key`'s.
    let key = |i: u32| match i % 3 {
        0 => Key::new(&[i * 37 % 61]),
        1 => Key::new(&[i * 37 % 61, i % 5]),
        _ => Key::new(&[i % 4, i * 37 % 61, 7]),
    };
    let all: Vec<(f64, Key)> = (0..60u32)
        .map(|i| (scores[(i * 7 % 12) as usize], key(i)))
        .collect();
    for keep in [0, 1, 5, 12, 40, 60, 80] {
        let mut full = all.clone();
        full.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        full.truncate(keep);
        let mut kept: Vec<Ranked> = all
            .iter()
            .map(|(s, k)| Ranked::new(*s, k.packed()))
            .collect();
        keep_best(&mut kept, keep);
        let got: Vec<(u64, u64)> = kept
            .iter()
            .map(|r| (r.score().to_bits(), r.packed()))
            .collect();
        let want: Vec<(u64, u64)> = full
            .iter()
            .map(|(s, k)| (s.to_bits(), k.packed()))
            .collect();
        assert_eq!(got, want, "keep {keep}");
    }
}

#[test]
fn a_ranked_score_comes_back_bit_for_bit() {
    for s in [
        0.0,
        -0.0,
        1.5,
        -2.25,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::MIN_POSITIVE,
        1e300,
    ] {
        let r = Ranked::new(s, 12345);
        assert_eq!(r.score().to_bits(), s.to_bits());
        assert_eq!(r.packed(), 12345);
    }
}
