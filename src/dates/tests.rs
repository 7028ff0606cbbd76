use super::*;
use crate::calendar::Date;

const SEED: &str = include_str!("../../tests/data/seed_article.txt");

/// (text, value) of every expression in `body`, for an article of Sunday 5 January 2014.
fn values(body: &str) -> Vec<(String, String)> {
    let doc = Document::new(body, Date::new(2014, 1, 5));
    extract(&doc)
        .into_iter()
        .map(|d| (d.text, d.value))
        .collect()
}

fn items(body: &str) -> Vec<DateItem> {
    extract(&Document::new(body, Date::new(2014, 1, 5)))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(t, v)| (t.to_string(), v.to_string()))
        .collect()
}

fn value_of(body: &str, text: &str) -> Option<String> {
    values(body)
        .into_iter()
        .find(|(t, _)| t == text)
        .map(|(_, v)| v)
}

/// Texts with many dates: the seed, the bundled corpus, the numbers fixtures and this file's
/// own test sentences.
fn many_texts() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = vec![
        SEED.to_string(),
        include_str!("tests.rs").to_string(),
        // Expressions that start on a hyphenated or possessive word, or far from their anchor.
        "Seventy-four years ago, on Valentine's Day, the year's end came. Friday's game was in \
         the mid-1990s, late-November. The fiscal first quarter, the year-ago period and \
         no more than each of the past a couple of more years. Twenty-two-year-old men. \
         At least 72 hours; the end of the third quarter; New Year's Eve; around 7:15 p.m. \
         EDT Thursday; nineteen ninety-six; the year two thousand and five."
            .to_string(),
    ];
    let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/examples/corpus"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    out.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    let fixtures = include_str!("../../tests/data/numbers_fixtures.jsonl");
    out.extend(fixtures.lines().filter_map(|l| {
        let v: serde_json::Value = serde_json::from_str(l).ok()?;
        Some(v["text"].as_str()?.to_string())
    }));
    out
}

#[test]
fn the_anchor_gate_changes_nothing() {
    let texts = many_texts();
    assert!(texts.len() > 100);
    let mut found = 0;
    for t in &texts {
        for r in [Date::new(2014, 1, 5), None] {
            let d = Document::new(t, r);
            let gated = extract_gated(&d, true);
            assert_eq!(gated, extract_gated(&d, false), "{t}");
            found += gated.len();
        }
    }
    assert!(found > 500, "{found}");
}

#[test]
fn the_seed_article_against_its_sunday() {
    let got = values(SEED);
    let has = |t: &str, v: &str| got.iter().any(|(a, b)| a == t && b == v);
    assert!(has("4 January", "2014-01-04"), "{got:?}");
    assert!(has("this week", "2014-W01"), "{got:?}");
    assert!(has("Sunday", "2014-01-05"), "{got:?}");
    assert!(has("Saturday", "2014-01-04"), "{got:?}");
    assert!(has("Monday", "2013-12-30"), "{got:?}");
    assert!(has("Wednesday", "2014-01-01"), "{got:?}");
    assert!(has("recent months", "PAST_REF"), "{got:?}");
    assert!(has("late 2011", "2011"), "{got:?}");
    assert!(has("2006", "2006") && has("2007", "2007"), "{got:?}");
    assert!(has("2013", "2013") && has("2003", "2003"), "{got:?}");
    // Counts and money are not years: "7,818 civilians", "at least 19 people".
    assert!(
        !got.iter()
            .any(|(t, _)| t.contains("7,818") || t.contains("19 people")),
        "{got:?}"
    );
}

#[test]
fn items_carry_code_point_offsets_paragraphs_and_anchors() {
    let body =
        "Talks in Iraq\n\nÇa commence 🎉 — talks ended on Sunday.\n\nThey met on 4 January 1990.";
    let doc = Document::new(body, Date::new(2014, 1, 5));
    let got = extract(&doc);
    let chars: Vec<char> = body.chars().collect();
    assert_eq!(got.len(), 2, "{got:?}");
    for d in &got {
        let s: String = chars[d.start..d.end].iter().collect();
        assert_eq!(s, d.text);
    }
    let last = doc.layout.paragraphs.len() - 1;
    assert_eq!(
        (got[0].paragraph, got[0].anchor.as_str()),
        (Some(last - 1), "2014-01-05")
    );
    assert_eq!(
        (
            got[1].paragraph,
            got[1].anchor.as_str(),
            got[1].value.as_str()
        ),
        (Some(last), "none", "1990-01-04")
    );
    let json = serde_json::to_value(&got[0]).unwrap();
    assert_eq!(json["type"], "DATE");
}

#[test]
fn without_a_reference_date_values_keep_placeholders() {
    let doc = Document::new("They met on Saturday, and again on 4 January.", None);
    let got = extract(&doc);
    let v: Vec<(&str, &str)> = got
        .iter()
        .map(|d| (d.value.as_str(), d.anchor.as_str()))
        .collect();
    assert_eq!(
        v,
        vec![("XXXX-WXX-6", "unknown"), ("XXXX-01-04", "unknown")]
    );
}

#[test]
fn month_day_forms() {
    assert_eq!(
        values("Shares closed on Sept. 30."),
        pairs(&[("Sept. 30", "2013-09-30")])
    );
    assert_eq!(
        values("He was killed on Oct. 23, 1999, at home."),
        pairs(&[("Oct. 23, 1999", "1999-10-23")])
    );
    assert_eq!(
        values("The deadline is Jan. 14."),
        pairs(&[("Jan. 14", "2014-01-14")])
    );
    assert_eq!(
        values("She fled in June 1998."),
        pairs(&[("June 1998", "1998-06")])
    );
    assert_eq!(
        values("It opened in March last year."),
        pairs(&[("March last year", "2013-03")])
    );
    assert_eq!(
        values("Nothing happened in December."),
        pairs(&[("December", "2013-12")])
    );
    assert_eq!(
        values("The summit opens on Monday, Jan. 6."),
        pairs(&[("Monday, Jan. 6", "2014-01-06")])
    );
}

#[test]
fn years_ranges_decades_and_centuries() {
    assert_eq!(
        values("The 1957-58 season."),
        pairs(&[("1957", "1957"), ("58", "1958")])
    );
    assert_eq!(
        values("It grew between 1994 and 1997."),
        pairs(&[("1994", "1994"), ("1997", "1997")])
    );
    assert_eq!(
        value_of("Prices rose in the late 1970s.", "the late 1970s").as_deref(),
        Some("197X")
    );
    assert_eq!(
        value_of("Sales slowed in the mid-1990s.", "mid-1990s").as_deref(),
        Some("199X")
    );
    assert_eq!(
        value_of("A 20th century democrat.", "20th century").as_deref(),
        Some("19")
    );
    assert_eq!(
        value_of("Profit rose in fiscal 2012.", "fiscal 2012").as_deref(),
        Some("2012")
    );
    assert_eq!(
        value_of(
            "It was built in nineteen ninety-six.",
            "nineteen ninety-six"
        )
        .as_deref(),
        Some("1996")
    );
}

#[test]
fn relative_units_weeks_quarters_and_seasons() {
    assert_eq!(
        value_of("Prices doubled in the last decade.", "the last decade").as_deref(),
        Some("200X")
    );
    assert_eq!(
        value_of("Talks failed last year.", "last year").as_deref(),
        Some("2013")
    );
    assert_eq!(
        value_of("Talks failed this month.", "this month").as_deref(),
        Some("2014-01")
    );
    assert_eq!(
        value_of("Talks resume next week.", "next week").as_deref(),
        Some("2014-W02")
    );
    assert_eq!(
        value_of("It fell earlier this year.", "this year").as_deref(),
        Some("2014")
    );
    assert_eq!(
        value_of("It fell early this year.", "early this year").as_deref(),
        Some("2014")
    );
    assert_eq!(
        value_of("He left three weeks ago.", "three weeks ago").as_deref(),
        Some("2013-W50")
    );
    assert_eq!(
        value_of("He left 50 years ago.", "50 years ago").as_deref(),
        Some("1964")
    );
    assert_eq!(
        value_of("Profit rose in the third quarter.", "the third quarter").as_deref(),
        Some("2013-Q3")
    );
    assert_eq!(
        value_of("Third-quarter profit rose.", "Third-quarter").as_deref(),
        Some("2013-Q3")
    );
    assert_eq!(
        value_of("It was hot in the summer of 2012.", "summer of 2012").as_deref(),
        Some("2012-SU")
    );
    assert_eq!(
        value_of("It was hot last summer.", "last summer").as_deref(),
        Some("2013-SU")
    );
    assert_eq!(
        value_of("Fighting began last Friday.", "last Friday").as_deref(),
        Some("2014-01-03")
    );
}

#[test]
fn deictic_words_and_reference_values() {
    let got = values("Yesterday he said that today and tomorrow matter now.");
    assert_eq!(
        got,
        pairs(&[
            ("Yesterday", "2014-01-04"),
            ("today", "2014-01-05"),
            ("tomorrow", "2014-01-06"),
            ("now", "PRESENT_REF")
        ])
    );
    assert_eq!(
        value_of("In recent months, attacks grew.", "recent months").as_deref(),
        Some("PAST_REF")
    );
    assert_eq!(
        value_of("It will end in the future.", "the future").as_deref(),
        Some("FUTURE_REF")
    );
}

#[test]
fn clock_times_and_parts_of_day() {
    let got = items("The polls closed at 15:00 GMT Saturday.");
    assert_eq!(
        (got[0].text.as_str(), got[0].value.as_str(), got[0].kind),
        ("15:00 GMT Saturday", "2014-01-04T15:00", TimexType::Time)
    );
    assert_eq!(
        value_of("He left at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday").as_deref(),
        Some("2014-01-02T04:00")
    );
    assert_eq!(
        value_of("They met at 10:35 a.m. near the port.", "10:35 a.m.").as_deref(),
        Some("2014-01-05T10:35")
    );
    assert_eq!(
        value_of("They met Friday morning.", "Friday morning").as_deref(),
        Some("2014-01-03TMO")
    );
    assert_eq!(
        value_of("Shots rang out last night.", "last night").as_deref(),
        Some("2014-01-04TNI")
    );
    assert_eq!(
        value_of(
            "The offer expires at 5 p.m. EST, Jan. 9.",
            "5 p.m. EST, Jan. 9"
        )
        .as_deref(),
        Some("2014-01-09T17:00")
    );
}

#[test]
fn durations() {
    let got = items("After a 16-hour flight and a three-month wait, he stayed almost seven years.");
    let v: Vec<(&str, &str, TimexType)> = got
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_str(), d.kind))
        .collect();
    assert_eq!(
        v,
        vec![
            ("16-hour", "PT16H", TimexType::Duration),
            ("three-month", "P3M", TimexType::Duration),
            ("almost seven years", "P7Y", TimexType::Duration)
        ]
    );
    assert_eq!(
        value_of(
            "Prices rose over the past three years.",
            "the past three years"
        )
        .as_deref(),
        Some("P3Y")
    );
    assert_eq!(
        value_of("It lasted a few days.", "a few days").as_deref(),
        Some("PXD")
    );
    assert_eq!(
        value_of("It lasted 5 1/2 hours.", "5 1/2 hours").as_deref(),
        Some("PT5H30M")
    );
    // Ages are not durations.
    assert!(values("The 52-year-old doctor, 60 years old, left.").is_empty());
}

#[test]
fn sets() {
    let got = items("The paper appears daily and he runs every morning and each Thursday.");
    let v: Vec<(&str, &str, TimexType)> = got
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_str(), d.kind))
        .collect();
    assert_eq!(
        v,
        vec![
            ("daily", "P1D", TimexType::Set),
            ("every morning", "XXXX-XX-XXTMO", TimexType::Set),
            ("each Thursday", "XXXX-WXX-4", TimexType::Set)
        ]
    );
}

#[test]
fn money_counts_and_modal_verbs_are_not_dates() {
    assert!(
        values("He may pay $1990 for 48, or 2000 dollars, said Jan Kavan.")
            .iter()
            .all(|(t, _)| t == "2000")
    );
    assert!(values("She may leave. They may not. $48 was paid for 48, they said.").is_empty());
    assert_eq!(
        values("He may resign in May."),
        pairs(&[("May", "2013-05")])
    );
    assert!(values("They watched 60 Minutes and This Week on TV.").is_empty());
}

#[test]
fn hostile_input_is_safe() {
    let quotes = "\"".repeat(10_000);
    assert!(values(&quotes).is_empty());
    let weird = "\u{0}۲۰۱۴ 🎉 January\u{301} 1st 2014 يناير Sept. 31 last last last the the of";
    let _ = values(weird);
    let big = "the last year of the early next May 4 1990s ".repeat(20_000);
    let got = values(&big);
    assert!(!got.is_empty());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn offsets_match_text_on_any_input(s in "(\\PC|[0-9 .,:-]|May|Sept\\.|Friday|last|year|ago|the){0,60}") {
            let doc = Document::new(&s, Date::new(2014, 1, 5));
            let chars: Vec<char> = s.chars().collect();
            for d in extract(&doc) {
                prop_assert!(d.start <= d.end && d.end <= chars.len());
                let t: String = chars[d.start..d.end].iter().collect();
                prop_assert_eq!(t, d.text);
            }
        }
    }
}
