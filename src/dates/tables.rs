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

/// A phrase table as written: lower-cased phrases (words joined by one space) and values.
pub struct PhraseList {
    pub map: HashMap<String, String>,
    /// First words of the phrases.
    pub firsts: HashSet<String>,
}

fn firsts<'a>(keys: impl Iterator<Item = &'a String>) -> HashSet<String> {
    keys.filter_map(|k| k.split(' ').next())
        .map(str::to_string)
        .collect()
}

fn phrases(file: &str, src: &str) -> PhraseList {
    let map = lower_pairs(file, src);
    let firsts = firsts(map.keys());
    PhraseList { map, firsts }
}

fn phrase_set(src: &str) -> PhraseList {
    let map: HashMap<String, String> = word_set(src)
        .into_iter()
        .map(|k| (k, String::new()))
        .collect();
    let firsts = firsts(map.keys());
    PhraseList { map, firsts }
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
/// The number words of the shared table (`data/text/number_words.tsv`) that dates reads, with
/// their values: the cardinals from one to a thousand, "dozen", "a"/"an" (1), "couple" (2),
/// "several"-like words (-1: an unspecified amount) and "half" (-2: a part of a unit).
pub static NUMBERS: LazyLock<HashMap<String, i32>> = LazyLock::new(|| {
    use crate::tables::NumberClass as C;
    crate::tables::NUMBER_WORDS
        .iter()
        .filter_map(|w| {
            let v = match w.class {
                C::Unit | C::Ten | C::Hundred | C::Dozen if w.value >= 1.0 => w.value as i32,
                C::Scale if w.value <= 1000.0 => w.value as i32,
                C::Article => 1,
                C::Couple => 2,
                C::Unspecified => -1,
                C::Half => -2,
                _ => return None,
            };
            Some((w.word.clone(), v))
        })
        .collect()
});
pub use crate::tables::ORDINALS;
table!(PARTS_OF_DAY: HashMap<String, String>, "parts_of_day.tsv", lower_pairs);
table!(SEASONS: HashMap<String, String>, "seasons.tsv", lower_pairs);
table!(REFERENCE_WORDS: PhraseList, "reference_words.tsv", phrases);
table!(SETS: HashMap<String, String>, "sets.tsv", lower_pairs);
table!(HOLIDAYS: PhraseList, "holidays.tsv", phrases);
table!(FUTURE_CUES: HashSet<String>, "future_cues.txt", |_, s| word_set(s));
table!(YEAR_BLOCKERS: HashSet<String>, "year_blockers.txt", |_, s| word_set(s));
table!(MODIFIERS: PhraseList, "modifiers.txt", |_, s| phrase_set(s));
table!(APPROXIMATORS: PhraseList, "approximators.txt", |_, s| phrase_set(s));
table!(DECADES: HashMap<String, String>, "decades.tsv", lower_pairs);

/// Every word the grammar can start an expression on: the words its rules start on besides
/// their tables (`words::START_WORDS`, one list) and the tables' words. Other words are skipped
/// with one lookup; numbers and hyphenated words are always tried.
pub static TRIGGERS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut t: HashSet<String> = super::words::start_words().map(str::to_string).collect();
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
pub use crate::tables::{MONTHS, WEEKDAYS};

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
        assert!(REFERENCE_WORDS.map.contains_key("recent weeks"));
        assert_eq!(SETS.get("daily").map(String::as_str), Some("P1D"));
        assert!(HOLIDAYS.map.contains_key("new year's day"));
        assert!(FUTURE_CUES.contains("will"));
        assert!(YEAR_BLOCKERS.contains("$"));
        assert!(MODIFIERS.map.contains_key("the end of"));
        assert!(APPROXIMATORS.map.contains_key("at least"));
        assert_eq!(DECADES.get("nineties").map(String::as_str), Some("199X"));
        assert!(TRIGGERS.contains("sundays") && TRIGGERS.contains("sept"));
        assert_eq!(RELATIVE_WORDS.get("last"), Some(&-1));
        for v in HOLIDAYS.map.values() {
            assert!(super::super::resolve::parse_holiday(v).is_some(), "{v}");
        }
    }
}
