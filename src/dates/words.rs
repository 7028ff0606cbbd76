//! The dates tables by vocabulary id: which tables hold a word (one `u32` of bits per id, read
//! with an array index), and the phrase tables as tries over ids (`crate::phrases`), so the
//! grammar never hashes a string to ask whether a token is a unit, a number word or the start of
//! "the end of". Values (a unit's code, a number's value) are looked up by string only once a
//! bit says the lookup succeeds.
//!
//! Every word of every dates table is in the vocabulary (`lexicon_words`), so ids cover them.

use std::sync::LazyLock;

use super::tables::{
    PhraseList, APPROXIMATORS, DECADES, FUTURE_CUES, HOLIDAYS, MODIFIERS, NUMBERS, ORDINALS,
    PARTS_OF_DAY, REFERENCE_WORDS, RELATIVE_WORDS, SEASONS, SETS, TRIGGERS, UNITS, WEEKDAYS,
    YEAR_BLOCKERS,
};
use crate::lexicon::{self, VOCAB};
use crate::phrases::{id_of, Phrases};

/// Table-membership bits of a word (`Words::bits`).
pub mod bit {
    pub const UNIT: u32 = 1 << 0;
    pub const NUMBER: u32 = 1 << 1;
    pub const ORDINAL: u32 = 1 << 2;
    pub const PART_OF_DAY: u32 = 1 << 3;
    pub const SEASON: u32 = 1 << 4;
    pub const SET: u32 = 1 << 5;
    pub const DECADE: u32 = 1 << 6;
    pub const RELATIVE: u32 = 1 << 7;
    pub const YEAR_BLOCKER: u32 = 1 << 8;
    pub const FUTURE_CUE: u32 = 1 << 9;
    /// First word of a modifier ("the" of "the end of", "late").
    pub const MODIFIER: u32 = 1 << 10;
    pub const APPROXIMATOR: u32 = 1 << 11;
    pub const REFERENCE: u32 = 1 << 12;
    pub const HOLIDAY: u32 = 1 << 13;
    /// A word the grammar can start an expression on (`tables::TRIGGERS`).
    pub const TRIGGER: u32 = 1 << 14;
    /// A weekday in the plural ("Sundays").
    pub const WEEKDAYS: u32 = 1 << 15;
    /// A word every expression holds at least one of (or a capitalised month or weekday, a
    /// number, a hyphenated word with a date part): a unit, part of day, season, decade,
    /// frequency, day word, the last word of a reference phrase or holiday. See
    /// `Grammar::worth_trying`.
    pub const ANCHOR: u32 = 1 << 16;
    /// A word that can come before an expression's first anchor ("the", "last", "at least",
    /// "the end of", "a couple of", number words, ordinals, ...).
    pub const CHAIN: u32 = 1 << 17;
    pub const MONTH: u32 = 1 << 18;
    pub const WEEKDAY: u32 = 1 << 19;
    // The words a rule can start on, besides table words (see `START_WORDS`).
    pub const S_YEAR: u32 = 1 << 20;
    pub const S_RELATIVE: u32 = 1 << 21;
    pub const S_QUARTER: u32 = 1 << 22;
    pub const S_DAY: u32 = 1 << 23;
    pub const S_CLOCK: u32 = 1 << 24;
    pub const S_DURATION: u32 = 1 << 25;
    pub const S_SET: u32 = 1 << 26;
    /// Not from the tables: set by `Grammar::start_bits` for a token of digits, and for a
    /// word with a hyphen.
    pub const NUM: u32 = 1 << 30;
    pub const HYPHEN: u32 = 1 << 31;
}

/// Every word of `START_WORDS`.
pub(super) fn start_words() -> impl Iterator<Item = &'static str> {
    START_WORDS.iter().flat_map(|(_, ws)| ws.iter().copied())
}

/// The words each rule can start on besides its tables' words: the rule only runs on a token
/// whose bits (`Grammar::start_bits`) meet its mask.
const START_WORDS: &[(u32, &[&str])] = &[
    (
        bit::S_YEAR,
        &["fiscal", "year", "'", "’", "nineteen", "eighteen"],
    ),
    (
        bit::S_RELATIVE,
        &["weekend", "year", "month", "week", "full", "fiscal"],
    ),
    (
        bit::S_QUARTER,
        &[
            "the",
            "latest",
            "recent",
            "most",
            "same",
            "comparable",
            "corresponding",
            "fiscal",
        ],
    ),
    (bit::S_DAY, &["today", "yesterday", "tomorrow", "tonight"]),
    (
        bit::S_CLOCK,
        &["around", "about", "at", "noon", "midday", "midnight"],
    ),
    (
        bit::S_DURATION,
        &[
            "the",
            "each",
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
            "recent",
        ],
    ),
    (bit::S_SET, &["every", "each", "per"]),
];

/// Anchors besides the table words (see `bit::ANCHOR`).
const ANCHOR_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "noon",
    "midday",
    "midnight",
    "weekend",
    "period",
    "half",
    "nineteen",
    "eighteen",
    // After a number: "4 a.m.", "10 pm" (the stream keeps "a.m" whole).
    "a.m",
    "am",
    "p.m",
    "pm",
];

/// Words the rules match by spelling before an expression's anchor, besides the words of the
/// tables (see `bit::CHAIN`): articles, "each of the", duration adjectives, approximators of
/// clock times, the quarter rule's adjectives.
const CHAIN_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "each",
    "every",
    "per",
    "other",
    "of",
    "and",
    "more",
    "additional",
    "full",
    "straight",
    "consecutive",
    "whole",
    "long",
    "trading",
    "business",
    "working",
    "latest",
    "recent",
    "most",
    "same",
    "comparable",
    "corresponding",
    "fiscal",
    "around",
    "about",
    "at",
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
    "further",
    "this",
    "couple",
    "few",
    "dozen",
    "hundred",
    "thousand",
    "once",
    "twice",
    // "4 in the morning".
    "in",
    "-",
    "'",
    "’",
];

pub struct Words {
    bits: Vec<u32>,
    /// The id of "-".
    pub dash: u32,
    pub modifiers: Phrases<()>,
    pub approximators: Phrases<()>,
    pub reference: Phrases<String>,
    pub holidays: Phrases<String>,
}

impl Words {
    /// The bits of vocabulary id `id` (0 for `u32::MAX`, a word in no table).
    pub fn bits(&self, id: u32) -> u32 {
        self.bits.get(id as usize).copied().unwrap_or(0)
    }
}

/// Every word of every dates table (and every word of their phrases), for the vocabulary; the
/// words a rule can start on get `DATE_TRIGGER`.
pub fn lexicon_words(b: &mut lexicon::Builder) {
    for w in TRIGGERS.iter() {
        b.lower(w, lexicon::flag::DATE_TRIGGER);
    }
    let lists: [&PhraseList; 4] = [&MODIFIERS, &APPROXIMATORS, &REFERENCE_WORDS, &HOLIDAYS];
    for p in lists {
        for k in p.map.keys() {
            for w in k.split(' ').filter(|w| !w.is_empty()) {
                b.lower(w, 0);
            }
        }
    }
    for w in FUTURE_CUES.iter().chain(YEAR_BLOCKERS.iter()) {
        b.lower(w, 0);
    }
    let maps = [&*UNITS, &*PARTS_OF_DAY, &*SEASONS, &*SETS, &*DECADES];
    for w in maps.into_iter().flat_map(|m| m.keys()) {
        b.lower(w, 0);
    }
    let numbers = [&*NUMBERS, &*ORDINALS, &*RELATIVE_WORDS];
    for w in numbers.into_iter().flat_map(|m| m.keys()) {
        b.lower(w, 0);
    }
    for w in WEEKDAYS.keys() {
        b.lower(&format!("{w}s"), 0);
    }
    for w in ANCHOR_WORDS.iter().chain(CHAIN_WORDS) {
        b.lower(w, 0);
    }
    for w in start_words() {
        b.lower(w, 0);
    }
}

fn phrases<V>(p: &PhraseList, value: impl Fn(&str) -> V) -> Phrases<V> {
    let mut out = Phrases::default();
    let mut keys: Vec<&String> = p.map.keys().collect();
    keys.sort();
    for k in keys {
        out.insert_words(k, value(&p.map[k]));
    }
    out
}

pub static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut bits = vec![0u32; VOCAB.len()];
    let mut mark = |w: &str, b: u32| {
        if let Some(x) = bits.get_mut(id_of(w) as usize) {
            *x |= b;
        }
    };
    let maps: [(&super::tables::HashMap<String, String>, u32); 5] = [
        (&UNITS, bit::UNIT),
        (&PARTS_OF_DAY, bit::PART_OF_DAY),
        (&SEASONS, bit::SEASON),
        (&SETS, bit::SET),
        (&DECADES, bit::DECADE),
    ];
    for (m, b) in maps {
        m.keys().for_each(|w| mark(w, b));
    }
    NUMBERS.keys().for_each(|w| mark(w, bit::NUMBER));
    ORDINALS.keys().for_each(|w| mark(w, bit::ORDINAL));
    RELATIVE_WORDS.keys().for_each(|w| mark(w, bit::RELATIVE));
    YEAR_BLOCKERS
        .iter()
        .for_each(|w| mark(w, bit::YEAR_BLOCKER));
    FUTURE_CUES.iter().for_each(|w| mark(w, bit::FUTURE_CUE));
    TRIGGERS.iter().for_each(|w| mark(w, bit::TRIGGER));
    WEEKDAYS
        .keys()
        .for_each(|w| mark(&format!("{w}s"), bit::WEEKDAYS));
    let lists: [(&PhraseList, u32); 4] = [
        (&MODIFIERS, bit::MODIFIER),
        (&APPROXIMATORS, bit::APPROXIMATOR),
        (&REFERENCE_WORDS, bit::REFERENCE),
        (&HOLIDAYS, bit::HOLIDAY),
    ];
    for (p, b) in lists {
        p.firsts.iter().for_each(|w| mark(w, b));
        for k in p.map.keys() {
            k.split(' ').for_each(|w| mark(w, bit::CHAIN));
        }
    }
    // Anchors: every expression holds one (or a number or a hyphenated word).
    let anchors: [&super::tables::HashMap<String, String>; 5] =
        [&UNITS, &PARTS_OF_DAY, &SEASONS, &SETS, &DECADES];
    for w in anchors.into_iter().flat_map(|m| m.keys()) {
        mark(w, bit::ANCHOR);
    }
    // Months and weekdays anchor only when capitalised (`Grammar::worth_trying`): "may" is
    // a verb, and no rule reads a month or weekday in lower case.
    crate::tables::MONTHS
        .keys()
        .for_each(|w| mark(w, bit::MONTH));
    for w in WEEKDAYS.keys() {
        mark(w, bit::WEEKDAY);
    }
    for p in [&*REFERENCE_WORDS, &*HOLIDAYS] {
        for k in p.map.keys() {
            if let Some(last) = k.split(' ').next_back() {
                mark(last, bit::ANCHOR);
            }
        }
    }
    ANCHOR_WORDS.iter().for_each(|w| mark(w, bit::ANCHOR));
    // Chain words: the rules' own words, and every word a rule starts on.
    let chain = CHAIN_WORDS.iter().map(|w| w.to_string());
    let chain = chain.chain(TRIGGERS.iter().cloned());
    let chain = chain.chain(NUMBERS.keys().chain(ORDINALS.keys()).cloned());
    let chain: Vec<String> = chain.chain(RELATIVE_WORDS.keys().cloned()).collect();
    chain.iter().for_each(|w| mark(w, bit::CHAIN));
    for (b, ws) in START_WORDS {
        ws.iter().for_each(|w| mark(w, *b));
    }
    Words {
        bits,
        dash: id_of("-"),
        modifiers: phrases(&MODIFIERS, |_| ()),
        approximators: phrases(&APPROXIMATORS, |_| ()),
        reference: phrases(&REFERENCE_WORDS, str::to_string),
        holidays: phrases(&HOLIDAYS, str::to_string),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_word_has_its_bits() {
        let w = &*WORDS;
        let b = |s: &str| w.bits(id_of(s));
        assert_ne!(b("weeks") & bit::UNIT, 0);
        assert_ne!(b("seven") & bit::NUMBER, 0);
        assert_ne!(b("third") & bit::ORDINAL, 0);
        assert_ne!(b("the") & bit::MODIFIER, 0);
        assert_ne!(b("sundays") & bit::WEEKDAYS, 0);
        assert_ne!(b("will") & bit::FUTURE_CUE, 0);
        assert_eq!(b("zzqx"), 0);
        // Every phrase made it into its trie.
        assert!(MODIFIERS.map.keys().all(|k| {
            let ids: Vec<_> = k.split(' ').map(|x| (id_of(x), false)).collect();
            w.modifiers.get(&ids).is_some()
        }));
        assert!(HOLIDAYS.map.keys().all(|k| {
            let ids: Vec<_> = k.split(' ').map(|x| (id_of(x), false)).collect();
            w.holidays.get(&ids).is_some()
        }));
    }
}
