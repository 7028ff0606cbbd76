//! The dates rule tables (`data/dates/`), loaded once on first use.

use std::sync::LazyLock;

use crate::tables::{entries, numbers, pairs};
pub use crate::tables::{FastMap as HashMap, FastSet as HashSet};

fn load<T>(file: &str, r: Result<T, String>) -> T {
    r.unwrap_or_else(|e| panic!("bad rule table {file}: {e}"))
}

fn lower_pairs(file: &str, src: &str) -> HashMap<String, String> {
    load(file, pairs(file, src))
        .into_iter()
        .map(|(k, v)| (k.to_lowercase(), v.to_string()))
        .collect()
}

fn word_set(src: &str) -> HashSet<String> {
    entries(src).map(|(_, l)| l.trim().to_lowercase()).collect()
}

/// Phrase tables keyed by their lower-cased tokens joined with one space.
pub struct Phrases {
    pub map: HashMap<String, String>,
    /// Longest phrase, in tokens: bounds the look-ahead.
    pub max_len: usize,
    /// First tokens of the phrases: a cheap test before building a key.
    pub firsts: HashSet<String>,
}

fn phrases(file: &str, src: &str) -> Phrases {
    let map = lower_pairs(file, src);
    let max_len = map.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
    let firsts = map
        .keys()
        .filter_map(|k| k.split(' ').next())
        .map(str::to_string)
        .collect();
    Phrases {
        map,
        max_len,
        firsts,
    }
}

/// Multi-word trigger phrases ("the end of", "at least").
pub struct PhraseSet {
    pub set: HashSet<String>,
    pub firsts: HashSet<String>,
}

fn phrase_set(src: &str) -> PhraseSet {
    let set = word_set(src);
    let firsts = set
        .iter()
        .filter_map(|k| k.split(' ').next())
        .map(str::to_string)
        .collect();
    PhraseSet { set, firsts }
}

macro_rules! table {
    ($name:ident: $ty:ty, $file:literal, $f:expr) => {
        pub static $name: LazyLock<$ty> = LazyLock::new(|| {
            let src = include_str!(concat!("../../data/dates/", $file));
            #[allow(clippy::redundant_closure_call)]
            ($f)($file, src)
        });
    };
}

table!(UNITS: HashMap<String, String>, "units.tsv", lower_pairs);
table!(NUMBERS: HashMap<String, i32>, "numbers.tsv", |f, s| load(f, numbers(f, s)));
table!(ORDINALS: HashMap<String, i32>, "ordinals.tsv", |f, s| load(f, numbers(f, s)));
table!(PARTS_OF_DAY: HashMap<String, String>, "parts_of_day.tsv", lower_pairs);
table!(SEASONS: HashMap<String, String>, "seasons.tsv", lower_pairs);
table!(REFERENCE_WORDS: Phrases, "reference_words.tsv", phrases);
table!(SETS: HashMap<String, String>, "sets.tsv", lower_pairs);
table!(HOLIDAYS: Phrases, "holidays.tsv", phrases);
table!(FUTURE_CUES: HashSet<String>, "future_cues.txt", |_, s| word_set(s));
table!(YEAR_BLOCKERS: HashSet<String>, "year_blockers.txt", |_, s| word_set(s));
table!(MODIFIERS: PhraseSet, "modifiers.txt", |_, s| phrase_set(s));
table!(APPROXIMATORS: PhraseSet, "approximators.txt", |_, s| phrase_set(s));
table!(DECADES: HashMap<String, String>, "decades.tsv", lower_pairs);

/// Words no rule of the grammar starts with are skipped with one lookup; numbers and
/// hyphenated words are always tried. This list must name every word a rule can start on.
const GRAMMAR_STARTS: &[&str] = &[
    "the",
    "a",
    "an",
    "fiscal",
    "year",
    "'",
    "’",
    "nineteen",
    "eighteen",
    "weekend",
    "full",
    "latest",
    "recent",
    "most",
    "same",
    "comparable",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "around",
    "about",
    "at",
    "noon",
    "midday",
    "midnight",
    "each",
    "every",
    "per",
    "past",
    "last",
    "next",
    "coming",
    "first",
    "previous",
    "following",
    "final",
    "remaining",
    "another",
    "additional",
    "further",
];

pub static TRIGGERS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut t: HashSet<String> = GRAMMAR_STARTS.iter().map(|w| w.to_string()).collect();
    let keys = MONTHS.keys().chain(UNITS.keys()).chain(SETS.keys());
    t.extend(keys.cloned());
    for w in WEEKDAYS.keys() {
        t.insert(w.clone());
        t.insert(format!("{w}s"));
    }
    t.extend(
        NUMBERS
            .keys()
            .chain(ORDINALS.keys())
            .chain(SEASONS.keys())
            .cloned(),
    );
    t.extend(RELATIVE_WORDS.keys().chain(DECADES.keys()).cloned());
    t.extend(
        MODIFIERS
            .firsts
            .iter()
            .chain(APPROXIMATORS.firsts.iter())
            .cloned(),
    );
    t.extend(
        REFERENCE_WORDS
            .firsts
            .iter()
            .chain(HOLIDAYS.firsts.iter())
            .cloned(),
    );
    t
});
table!(RELATIVE_WORDS: HashMap<String, i32>, "relative_words.tsv", |f, s| load(f, numbers(f, s)));

/// Fast-hashed copies of the shared month, weekday and zone tables (`data/text/`).
pub static MONTHS: LazyLock<HashMap<String, i32>> = LazyLock::new(|| crate::tables::MONTHS.clone());
pub static WEEKDAYS: LazyLock<HashMap<String, i32>> =
    LazyLock::new(|| crate::tables::WEEKDAYS.clone());
pub static TIMEZONES: LazyLock<HashMap<String, i32>> =
    LazyLock::new(|| crate::tables::TIMEZONES.clone());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dates_table_loads() {
        assert_eq!(UNITS.get("weeks").map(String::as_str), Some("W"));
        assert_eq!(NUMBERS.get("seven"), Some(&7));
        assert_eq!(ORDINALS.get("third"), Some(&3));
        assert_eq!(PARTS_OF_DAY.get("morning").map(String::as_str), Some("MO"));
        assert_eq!(SEASONS.get("fall").map(String::as_str), Some("FA"));
        assert!(REFERENCE_WORDS.max_len >= 2);
        assert_eq!(SETS.get("daily").map(String::as_str), Some("P1D"));
        assert!(HOLIDAYS.map.contains_key("new year's day"));
        assert!(FUTURE_CUES.contains("will"));
        assert!(YEAR_BLOCKERS.contains("$"));
        assert!(MODIFIERS.set.contains("the end of"));
        assert!(APPROXIMATORS.set.contains("at least"));
        assert_eq!(DECADES.get("nineties").map(String::as_str), Some("199X"));
        assert!(TRIGGERS.contains("sundays") && TRIGGERS.contains("sept"));
        assert_eq!(RELATIVE_WORDS.get("last"), Some(&-1));
        for v in HOLIDAYS.map.values() {
            assert!(super::super::resolve::parse_holiday(v).is_some(), "{v}");
        }
    }
}
