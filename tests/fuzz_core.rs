//! Property tests over the whole record: arbitrary and adversarial text never panics, and every
//! item carrying `text`/`start`/`end` indexes the input in code points.
//!
//! The record is walked through its serde form so that a field added later is checked without
//! touching this file. Case counts are bounded so the suite stays well under a minute in a
//! debug `cargo test`.

use newsparse::{parse, Options};
use proptest::prelude::*;
use serde_json::Value;

/// Pieces chosen because each one steers some rule: quote marks (quotes), honorifics and
/// capitalised words (entities), digits and month names (dates, numbers), line breaks and
/// labels (layout), and text that breaks naive byte slicing (RTL and zero-width marks,
/// combining marks, astral emoji, NUL, BOM, NBSP).
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{200f}",
    "\u{202e}",
    "\u{0}",
    "\"",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "``",
    "''",
    "-",
    " -- ",
    "\u{2014}",
    "_",
    "(",
    ")",
    ".",
    ". ",
    ",",
    "?",
    ":",
    "Mr ",
    "Mrs ",
    "Dr ",
    "President ",
    "Kerry",
    "John",
    "he said",
    "said",
    "according to",
    "the",
    "US",
    "UN",
    "Ministry of Defence",
    "0",
    "7",
    "1,234",
    "3.5",
    "$8bn",
    "50%",
    "1996",
    "2014-01-05",
    "12:34 GMT",
    "January",
    "May",
    "Monday",
    "last week",
    "5 January 2014",
    "at least 20 people were killed",
    "dozens",
    "Image caption ",
    "Image copyright ",
    "Media caption ",
    "By ",
    "Published ",
    "Updated ",
    "@highlight",
    "Related Topics",
    "BAGHDAD (Reuters) - ",
    "(CNN) -- ",
    "\u{627}\u{644}\u{639}\u{631}\u{627}\u{642}",
    "\u{4e2d}\u{6587}",
    "\u{1f600}",
    "\u{1f1fa}\u{1f1f8}",
    "e\u{301}",
    "\u{301}",
    "\u{fffd}",
];

/// Checks every object with string `text` and integer `start`/`end`; returns how many.
fn check_spans(v: &Value, chars: &[char], path: &str) -> Result<usize, String> {
    let mut n = 0;
    match v {
        Value::Object(map) => {
            if let (Some(Value::String(t)), Some(s), Some(e)) = (
                map.get("text"),
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (s, e) = (s as usize, e as usize);
                if !(s <= e && e <= chars.len()) {
                    return Err(format!(
                        "{path}: bad offsets {s}..{e} (len {})",
                        chars.len()
                    ));
                }
                let got: String = chars[s..e].iter().collect();
                if &got != t {
                    return Err(format!(
                        "{path}: input[{s}..{e}] = {got:?} but text = {t:?}"
                    ));
                }
                n += 1;
            }
            for (k, child) in map {
                n += check_spans(child, chars, &format!("{path}.{k}"))?;
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                n += check_spans(child, chars, &format!("{path}[{i}]"))?;
            }
        }
        _ => {}
    }
    Ok(n)
}

fn parse_and_check(text: &str) -> Result<usize, String> {
    let record = parse(text, &Options::default());
    let value = serde_json::to_value(&record).map_err(|e| e.to_string())?;
    let chars: Vec<char> = text.chars().collect();
    if value["stats"]["characters"].as_u64() != Some(chars.len() as u64) {
        return Err(format!(
            "stats.characters = {} for {} chars",
            value["stats"]["characters"],
            chars.len()
        ));
    }
    check_spans(&value, &chars, "")
}

fn adversarial() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            4 => proptest::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>().prop_map(|s| s.chars().take(6).collect::<String>()),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

/// Article-shaped text: a headline, then paragraphs of adversarial sentences, so the body
/// extractors (quotes, entities, dates, numbers) see it, not only the layout.
fn article_like() -> impl Strategy<Value = String> {
    (
        adversarial(),
        proptest::collection::vec(adversarial(), 1..5),
    )
        .prop_map(|(head, paras)| {
            let mut s = format!("{}\n\n", head.replace('\n', " "));
            for p in paras {
                s.push_str("He said \"");
                s.push_str(&p);
                s.push_str("\" on Monday.\n\n");
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        parse_and_check(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn adversarial_pieces(text in adversarial()) {
        parse_and_check(&text).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn article_shaped(text in article_like()) {
        parse_and_check(&text).map_err(TestCaseError::fail)?;
    }

    /// One piece repeated many times: the shapes that make a careless scanner quadratic or
    /// make a stack overflow (nested marks, runs of honorifics).
    #[test]
    fn repeated_piece(piece in proptest::sample::select(PIECES), n in 1usize..400) {
        parse_and_check(&piece.repeat(n)).map_err(TestCaseError::fail)?;
    }
}

/// Fixed adversarial inputs, a few thousand repeats each: big enough to catch quadratic work in
/// a debug build within the time budget below, small enough to run in CI.
#[test]
fn fixed_adversarial_inputs_are_fast_and_valid() {
    let cases: Vec<String> = vec![
        String::new(),
        " \n\t\r\n".repeat(100),
        "\"".repeat(5000),
        "\u{201c}".repeat(5000),
        "'".repeat(5000),
        "``".repeat(2000),
        "Mr ".repeat(5000),
        "Mr. ".repeat(3000),
        "President Dr ".repeat(2000),
        "1".repeat(20_000),
        "1,".repeat(5000),
        "January ".repeat(3000),
        "May 5, ".repeat(2000),
        "\u{0}".repeat(5000),
        "\u{200f}\u{627}".repeat(3000),
        "e\u{301}\u{301}".repeat(3000),
        "a\n".repeat(10_000),
        "Image caption\n".repeat(1000),
        "He said \"".repeat(2000),
        "Word. ".repeat(5000),
    ];
    // No timing here (machines are shared): bench/scaling.py prints the growth curves.
    for text in &cases {
        parse_and_check(text).unwrap_or_else(|e| {
            panic!("{e} in {:?}...", text.chars().take(30).collect::<String>())
        });
    }
}

// ------------------------------------------------------------------------------------------
// Regressions: core bugs this file found (a native stack overflow and two quadratic loops),
// each kept as its minimal reproduction now that it is fixed.
// ------------------------------------------------------------------------------------------

/// Parses the large version of a regression input and checks every span. Growth with size is
/// measured by bench/scaling.py, not asserted: timings on a shared machine are noise.
fn assert_parses(make: impl Fn(usize) -> String, n: usize) {
    parse_and_check(&make(4 * n)).expect("offsets hold");
}

/// Fixed bug (src/entities/mentions.rs, `segment`): in a capitalised run whose first word is a
/// demonym, or a place followed by a first name ("Iraqi Iraqi ...", "Kerry Kerry ..."; County
/// Kerry is a place, Kerry a first name), `segment` pushes one word and recurses on the rest:
/// recursion depth = run length. 20,000 words (120 KB) overflow a rayon worker's 2 MB stack
/// (release), fewer in debug: SIGSEGV, which no `catch_unwind` can turn into an error, so the
/// Python interpreter dies. Each level also re-keys the whole rest of the run: quadratic.
#[test]
fn long_demonym_run_does_not_overflow_a_worker_stack() {
    let worker = std::thread::Builder::new()
        .stack_size(2 << 20) // rayon's default
        .spawn(|| {
            for piece in ["Iraqi ", "Kerry ", "American "] {
                parse_and_check(&piece.repeat(20_000)).map(|_| ())?;
            }
            Ok::<(), String>(())
        })
        .expect("spawn");
    worker.join().expect("no panic").expect("offsets hold");
}

/// Fixed bug (src/entities/mentions.rs, `sentence_candidates` / `run_end`): after a multi-word
/// gazetteer match ("New York") the loop continues at the next word and calls `run_end`, which
/// scans to the end of the capitalised run again: quadratic in the run's length. Same fix as
/// above (bound the run).
#[test]
fn repeated_multiword_gazetteer_names_parse() {
    assert_parses(|n| "New York ".repeat(n), 2_000);
    assert_parses(|n| "Kerry ".repeat(n), 500);
}

/// Fixed bug (src/layout/mod.rs, `Assembler::block`): `pictures.iter().find(|g| g.first == i)`
/// scans every picture group for every line of the block: quadratic in a block of
/// consecutive "Image caption" lines (40,000 take 0.6 s, 10,000 0.05 s in release).
#[test]
fn consecutive_picture_captions_parse() {
    assert_parses(|n| "Image caption\n".repeat(n), 2_000);
    assert_parses(|n| "Image copyright Getty\n".repeat(n), 2_000);
}
