//! Behaviour tests: the hand-annotated fixtures in `tests/data/numbers_fixtures.jsonl` (each
//! sentence is run through `Document::new` after a one-line headline, so it is a body
//! paragraph), the seed article, and hostile input.
//!
//! A fixture line is `{"text", "numbers": [...], "counts": [...]}` with optional `"note"` and
//! `"xfail"` (a known miss, with the reason; the test fails if it starts passing, so the mark
//! gets removed). Each expected number gives `text` (found in the sentence after the previous
//! expected number), `value` and `kind`, and may give `low`, `high`, `unit`, `currency`,
//! `noun`, `qualifier`, `approximate` (checked only when present; `null` means none). Each
//! expected count gives `type` and `count`, and may give `object`, `qualifier`, `trigger`.
//! Any number or count found beyond the expected ones fails the fixture.

use serde_json::Value;

use super::fixture::{close, opt_str, run, wrong_fields};
use super::*;

const FIXTURES: &str = include_str!("../../tests/data/numbers_fixtures.jsonl");
/// Differences between what the extractor says about one fixture and its annotation.
fn check(fx: &Value) -> Vec<String> {
    let text = fx["text"].as_str().unwrap_or_default();
    let (got_n, got_c) = run(text);
    let mut errs = Vec::new();
    let mut used = vec![false; got_n.len()];
    let mut from = 0;
    for e in fx["numbers"].as_array().into_iter().flatten() {
        let et = e["text"].as_str().unwrap_or_default();
        let Some(b) = text.get(from..).and_then(|r| r.find(et)).map(|b| b + from) else {
            errs.push(format!("fixture error: {et:?} not in text"));
            continue;
        };
        from = b + et.len();
        let start = text[..b].chars().count();
        let Some(gi) = got_n.iter().position(|g| g.start == start && g.text == et) else {
            errs.push(format!("missed number {et:?}"));
            continue;
        };
        used[gi] = true;
        let g = &got_n[gi];
        let mut bad = |field: &str, ok: bool| {
            if !ok {
                errs.push(format!("{et:?}: {field} expected {} got {g:?}", e[field]));
            }
        };
        bad(
            "value",
            e["value"].as_f64().is_some_and(|v| close(v, g.value)),
        );
        for field in wrong_fields(e, g) {
            bad(field, false);
        }
    }
    for (g, u) in got_n.iter().zip(&used) {
        if !u {
            errs.push(format!("spurious number {:?} = {}", g.text, g.value));
        }
    }
    let mut cused = vec![false; got_c.len()];
    for e in fx["counts"].as_array().into_iter().flatten() {
        let found = got_c.iter().enumerate().position(|(i, g)| {
            !cused[i]
                && e["type"].as_str() == Some(g.kind)
                && e["count"].as_f64().is_some_and(|v| close(v, g.count))
        });
        let Some(gi) = found else {
            errs.push(format!("missed count {} {}", e["type"], e["count"]));
            continue;
        };
        cused[gi] = true;
        let g = &got_c[gi];
        for (field, ok) in [
            (
                "object",
                e.get("object").map(|x| opt_str(g.object.as_deref(), x)),
            ),
            (
                "qualifier",
                e.get("qualifier")
                    .map(|x| opt_str(g.qualifier.as_deref(), x)),
            ),
            (
                "trigger",
                e.get("trigger").map(|x| opt_str(Some(&g.trigger), x)),
            ),
        ] {
            if ok == Some(false) {
                errs.push(format!(
                    "count {} {}: {field} expected {} got {g:?}",
                    e["type"], e["count"], e[field]
                ));
            }
        }
    }
    for (g, u) in got_c.iter().zip(&cused) {
        if !u {
            errs.push(format!(
                "spurious count {} {} ({:?})",
                g.kind, g.count, g.trigger
            ));
        }
    }
    errs
}

#[test]
fn fixtures_hold() {
    let mut failures = Vec::new();
    let mut n = 0;
    for (line, l) in FIXTURES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let fx: Value =
            serde_json::from_str(l).unwrap_or_else(|e| panic!("fixture line {}: {e}", line + 1));
        n += 1;
        let errs = check(&fx);
        let xfail = fx.get("xfail").is_some();
        if errs.is_empty() == xfail {
            let what = if xfail {
                "marked xfail but passes".to_string()
            } else {
                errs.join("; ")
            };
            failures.push(format!(
                "line {}: {:?}: {what}",
                line + 1,
                fx["text"].as_str().unwrap_or("")
            ));
        }
    }
    assert!(n >= 80, "only {n} fixtures");
    assert!(
        failures.is_empty(),
        "{} of {n} fixtures fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_article_counts_and_paragraphs() {
    let t = include_str!("../../tests/data/seed_article.txt");
    let d = Document::new(t, None);
    let (nums, counts) = extract(&d);
    let chars: Vec<char> = t.chars().collect();
    for x in &nums {
        let s: String = chars[x.start..x.end].iter().collect();
        assert_eq!(s, x.text);
    }
    let got: Vec<(&str, f64, Option<usize>)> = counts
        .iter()
        .map(|c| (c.kind, c.count, c.paragraph))
        .collect();
    let p = d.paragraph_of(t.find("left at least 19").unwrap());
    let q = d.paragraph_of(t.find("7,818").unwrap());
    assert!(p.is_some() && q.is_some());
    assert_eq!(
        got,
        vec![
            ("KILL", 19.0, p),
            ("KILL", 9.0, p),
            ("WOUND", 25.0, p),
            ("KILL", 7818.0, q),
            ("KILL", 1050.0, q)
        ]
    );
    // Years (2003, 2006, 2007, 2010, 2011, 2013) and "4 January" are not amounts.
    assert_eq!(nums.len(), 5, "{nums:?}");
}

#[test]
fn hostile_input_is_safe_and_linear() {
    for s in [
        "",
        "$",
        "A$",
        "between",
        "1/",
        "½½½",
        "9,99,999,9999.9.9",
        "\u{0}12\u{0}%",
        "٣ people 😀 12😀 🇺🇸$5 e\u{301}5",
        "twenty-",
        "half a",
        "hundreds of of of",
    ] {
        let d = Document::new(s, None);
        let _ = extract(&d);
    }
    let big = "at least 12 people were killed and ".repeat(20_000);
    let d = Document::new(&big, None);
    let (n, c) = extract(&d);
    assert_eq!(n.len(), 20_000);
    assert_eq!(c.len(), 20_000);
    let (n, _) = run(&("9".repeat(400) + " people and a million" + &" million".repeat(30_000)));
    assert!(n.iter().all(|x| x.value.is_finite()), "{:?}", n.first());
    assert_eq!(
        n.len(),
        1,
        "the chain of scales stops after the first: {:?}",
        n.first()
    );
    let junk = "1-".repeat(50_000) + &"$".repeat(50_000) + &"one ".repeat(50_000);
    let _ = extract(&Document::new(&junk, None));
}

mod prop {
    use proptest::prelude::*;

    use super::*;

    const PIECES: &[&str] = &[
        "1",
        "12",
        "7,818",
        "2.5",
        "1/2",
        "$",
        "A$",
        "£",
        "€",
        "bn",
        "m",
        "%",
        " percent",
        " per cent",
        "-",
        "–",
        " to ",
        " and ",
        " between ",
        " at least ",
        " about ",
        "one",
        "Nine",
        "twenty",
        "-five",
        " hundred",
        " million",
        " a dozen",
        "half a ",
        "dozens of ",
        "hundreds",
        " of ",
        " people",
        " killed",
        " were",
        " injured",
        " dead",
        "-year-old",
        ", ",
        ". ",
        "\n\n",
        " January",
        "Sept.",
        " 2013",
        "1990s",
        "4th",
        ":",
        "½",
        "é",
        "\u{301}",
        "😀",
        "日本",
        "\u{0}",
        "'",
        "’s",
        " ",
        "km",
        "C",
        " aged ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_mix_gives_well_formed_items(idx in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = idx.iter().map(|&i| PIECES[i]).collect();
            let d = Document::new(&text, None);
            let (nums, counts) = extract(&d);
            let chars: Vec<char> = text.chars().collect();
            for n in &nums {
                prop_assert!(n.start < n.end && n.end <= chars.len());
                let s: String = chars[n.start..n.end].iter().collect();
                prop_assert_eq!(&s, &n.text);
                prop_assert!(n.value.is_finite());
                if let (Some(lo), Some(hi)) = (n.low, n.high) {
                    prop_assert!(lo < hi && n.value == lo);
                }
            }
            for c in &counts {
                prop_assert!(nums.iter().any(|n| n.start == c.start && n.end == c.end && n.value == c.count));
            }
        }
    }
}

/// Issue 15: the clause after a counted noun is read past a phrase that says which ones, an
/// aside between commas, a bare plural conjunct, adverbs after the verb and taking-part words
/// before an event noun; a left trigger reaches past a first object. Sentences written for
/// this test (not dev text).
#[test]
fn count_phrasings_of_issue_15() {
    let cases: &[(&str, &[(&str, f64)])] = &[
        (
            "Four hikers from Leeds died on the mountain.",
            &[("KILL", 4.0)],
        ),
        (
            "Some 900 residents living near the dam were evacuated overnight.",
            &[("EVACUATE", 900.0)],
        ),
        (
            "Thirty people, mostly children, were injured in the stampede.",
            &[("WOUND", 30.0)],
        ),
        (
            "About 600 Kurds and local Arabs were displaced by the fighting.",
            &[("DISPLACE", 600.0)],
        ),
        ("Nine passengers were seriously hurt.", &[("WOUND", 9.0)]),
        (
            "About 2,500 farmers took part in a sit-in.",
            &[("PROTEST", 2500.0)],
        ),
        (
            "Some 800 dockers went on strike on Monday.",
            &[("PROTEST", 800.0)],
        ),
        (
            "The gunman shot a guard and wounded three customers and two staff.",
            &[("WOUND", 3.0)],
        ),
        (
            "The blast killed a policeman and injured his wife and four neighbours.",
            &[("WOUND", 4.0)],
        ),
        ("Eleven men were charged with rioting.", &[("ARREST", 11.0)]),
        (
            "The storm left 40,000 homes without heat.",
            &[("AFFECT", 40000.0)],
        ),
        (
            "By noon the number injured had passed 120.",
            &[("WOUND", 120.0)],
        ),
        (
            "Around 700 travellers were stranded overnight.",
            &[("AFFECT", 700.0)],
        ),
        ("Six workers suffered serious injuries.", &[("WOUND", 6.0)]),
        (
            "Police linked the deaths of four climbers.",
            &[("KILL", 4.0)],
        ),
        // No count: a taking-part word leads only to an event noun; a singular verb has
        // another subject; an event noun before a noun modifies it; adverbs before the verb.
        (
            "About 300 mourners attended the funeral of those killed.",
            &[],
        ),
        ("Only one of the five suspects was charged.", &[]),
        ("The bank sold 500 options at a strike price of 90.", &[]),
        ("The two leaders clearly demonstrated their resolve.", &[]),
    ];
    let mut bad = Vec::new();
    for (s, want) in cases {
        let (_, c) = run(s);
        let got: Vec<(&str, f64)> = c.iter().map(|x| (x.kind, x.count)).collect();
        if got.len() != want.len()
            || got
                .iter()
                .zip(want.iter())
                .any(|(g, w)| g.0 != w.0 || !close(g.1, w.1))
        {
            bad.push(format!("{s:?}: want {want:?} got {got:?}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Issue 15: fields of amounts in phrasings written for this test: a scale word joined by a
/// hyphen, litres, millilitres and horsepower, more qualifiers, and counted nouns that stop
/// before a contraction or an adverb.
#[test]
fn amount_fields_of_issue_15() {
    #[allow(clippy::type_complexity)]
    let cases: &[(&str, &str, f64, Option<&str>, Option<&str>, Option<&str>)] = &[
        // sentence, amount text, value, unit, noun, qualifier
        (
            "They signed a $4-billion contract.",
            "$4-billion",
            4e9,
            None,
            Some("contract"),
            None,
        ),
        (
            "A 2-million-strong crowd gathered.",
            "2-million",
            2e6,
            None,
            None,
            None,
        ),
        (
            "Add 250ml of stock.",
            "250ml",
            250.0,
            Some("ml"),
            Some("stock"),
            None,
        ),
        (
            "She drinks 2L of water a day.",
            "2L",
            2.0,
            Some("l"),
            Some("water"),
            None,
        ),
        (
            "The engine makes 300 horsepower.",
            "300 horsepower",
            300.0,
            Some("hp"),
            None,
            None,
        ),
        (
            "Barely 90 members voted.",
            "90",
            90.0,
            None,
            Some("members"),
            Some("barely"),
        ),
        (
            "A mere 3% of staff agreed.",
            "3%",
            3.0,
            Some("percent"),
            Some("staff"),
            Some("a mere"),
        ),
        (
            "Slightly more than 40 boats sank.",
            "40",
            40.0,
            None,
            Some("boats"),
            Some("slightly more than"),
        ),
        (
            "One minister sided openly with the rebels.",
            "One",
            1.0,
            None,
            Some("minister"),
            None,
        ),
        (
            "Only two they've met agreed.",
            "two",
            2.0,
            None,
            None,
            Some("only"),
        ),
        (
            "Two O'Brien goals won it.",
            "Two",
            2.0,
            None,
            Some("O'Brien goals"),
            None,
        ),
    ];
    let mut bad = Vec::new();
    for &(s, text, value, unit, noun, q) in cases {
        let (n, _) = run(s);
        let Some(g) = n.iter().find(|x| x.text == text) else {
            bad.push(format!("{s:?}: no amount {text:?} in {n:?}"));
            continue;
        };
        if !close(g.value, value)
            || g.unit != unit
            || g.noun.as_deref() != noun
            || g.qualifier.as_deref() != q
        {
            bad.push(format!(
                "{s:?}: want {value} {unit:?} {noun:?} {q:?}, got {g:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
