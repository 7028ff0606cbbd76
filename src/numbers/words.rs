//! The numbers tables by vocabulary id: what each table says about a word (`Info`, found with
//! an array index from the word's id), and the phrase tables as tries over ids and glue
//! (`crate::phrases`), so no lookup builds a string key.
//!
//! Phrases are split as the fine tokens of a sentence are (`tokens::pieces`: letters, digit
//! runs, single symbols): "us$" is `us` `$` glued, "per cent" is `per` `cent` spaced, "a.m." is
//! `a` `.` `m` `.`. Every piece of every table entry is in the vocabulary (`lexicon_words`).

use std::sync::LazyLock;

use super::lexicon::{Glue, Trigger, WordClass, LEX};
use crate::lexicon::{self as lx, flag, VOCAB};
use crate::phrases::{id_of, Phrases, Step};
use crate::text::Span;
use crate::tokens;

/// Single-word sets (`Info::sets`).
pub mod set {
    pub const NOUN_STOP: u16 = 1 << 0;
    pub const PLURAL: u16 = 1 << 1;
    pub const PARTITIVE: u16 = 1 << 2;
    pub const BRIDGE_LEFT: u16 = 1 << 3;
    pub const BRIDGE_RIGHT: u16 = 1 << 4;
    pub const CHANGE_VERB: u16 = 1 << 5;
    pub const NON_COUNT: u16 = 1 << 6;
    pub const METRE_CONTEXT: u16 = 1 << 7;
    pub const ORDINAL_SUFFIX: u16 = 1 << 8;
    /// A word an amount can start on: a number word, a vague plural, "several", "between".
    pub const STARTS: u16 = 1 << 9;
    /// Opens an aside between commas after a counted noun: ", including a Briton,".
    pub const BRIDGE_ASIDE: u16 = 1 << 10;
    /// Opens a phrase after a counted noun: "people from Scotland", "residents in the city".
    pub const BRIDGE_PREP: u16 = 1 << 11;
    /// Takes part in an event: "took part in a sit-in", "joined the march".
    pub const BRIDGE_JOIN: u16 = 1 << 12;
}

/// Phrase tables (`Info::first`, `Info::last`: the tables a word starts or ends a phrase of).
pub mod table {
    pub const CURRENCY_PREFIX: u16 = 1 << 0;
    pub const CURRENCY_SUFFIX: u16 = 1 << 1;
    pub const PERCENT: u16 = 1 << 2;
    pub const UNITS: u16 = 1 << 3;
    pub const QUALIFIERS: u16 = 1 << 4;
    pub const VAGUE_MULTIPLIERS: u16 = 1 << 5;
    pub const ID_WORDS: u16 = 1 << 6;
    pub const TIME_SUFFIXES: u16 = 1 << 7;
    pub const TRIGGERS: u16 = 1 << 8;
}

/// What the numbers tables say about one lower-cased word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Info {
    pub class: Option<WordClass>,
    pub denominator: Option<f64>,
    pub scale: Option<(f64, Glue)>,
    pub vague: Option<f64>,
    pub sets: u16,
    pub first: u16,
    pub last: u16,
}

impl Info {
    pub fn has(&self, s: u16) -> bool {
        self.sets & s != 0
    }
}

/// The numbers tables compiled against the vocabulary.
pub struct Words {
    /// Index into `info` by vocabulary id (0: no entry; `info[0]` is empty).
    by_id: Vec<u16>,
    info: Vec<Info>,
    /// Vocabulary id and flags of each ASCII character, and of the digit runs of the tables
    /// ("2" of "km2"): pieces of these kinds are looked up here, without hashing.
    ascii: Vec<(u32, lx::Flags)>,
    numeric: Vec<(String, u32)>,
    /// Byte lengths of the number words (`flag::NUMBER_WORD`) that are words, not glyphs.
    pub number_word_len: std::ops::RangeInclusive<usize>,
    pub currency_prefix: Phrases<&'static str>,
    pub currency_suffix: Phrases<&'static str>,
    pub percent: Phrases<&'static str>,
    pub units: Phrases<(&'static str, Glue)>,
    pub qualifiers: Phrases<bool>,
    pub vague_multipliers: Phrases<f64>,
    pub id_words: Phrases<()>,
    pub time_suffixes: Phrases<()>,
    pub triggers: Phrases<Trigger>,
}

static NONE: Info = Info {
    class: None,
    denominator: None,
    scale: None,
    vague: None,
    sets: 0,
    first: 0,
    last: 0,
};

impl Words {
    /// The index of the `Info` of vocabulary id `id` (0 when it has none).
    pub fn index(&self, id: u32) -> u16 {
        self.by_id.get(id as usize).copied().unwrap_or(0)
    }

    pub fn info(&self, index: u16) -> &Info {
        self.info.get(index as usize).unwrap_or(&NONE)
    }

    /// Id and flags of a one-byte piece.
    pub fn ascii(&self, c: u8) -> (u32, lx::Flags) {
        self.ascii.get(c as usize).copied().unwrap_or((u32::MAX, 0))
    }

    /// Id of a run of digits (`u32::MAX` unless a table entry holds it), and no flags.
    pub fn numeric(&self, digits: &str) -> (u32, lx::Flags) {
        let id = self.numeric.iter().find(|(d, _)| d == digits).map(|x| x.1);
        (id.unwrap_or(u32::MAX), 0)
    }
}

/// The fine pieces of a table entry with their glue: words split on spaces, each word split by
/// `tokens::pieces`; the first piece is never glued.
pub fn pieces_of(entry: &str, mut f: impl FnMut(&str, bool)) {
    let mut first = true;
    for w in entry.split(' ').filter(|w| !w.is_empty()) {
        let mut glued = false;
        tokens::pieces(w, Span::new(0, w.len()), |a, b, _| {
            f(&w[a..b], glued && !first);
            glued = true;
            first = false;
        });
    }
}

fn steps(entry: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    let mut ok = true;
    pieces_of(entry, |p, glued| {
        let id = id_of(&p.to_lowercase());
        ok &= id != u32::MAX;
        out.push((id, glued));
    });
    (ok && !out.is_empty()).then_some(out)
}

/// Every word of the numbers tables, split as they are matched, for the vocabulary; number
/// words (spelled numbers, vague plurals, fraction glyphs and denominators: what makes a
/// sentence without digits worth reading) get `NUMBER_WORD`, first pieces of currencies
/// `CURRENCY`, of units and percent words `UNIT`, of count triggers `COUNT_TRIGGER`.
pub fn lexicon_words(b: &mut lx::Builder) {
    let l = &*LEX;
    let mut add = |entry: &str, first_flag: lx::Flags| {
        let mut first = true;
        pieces_of(entry, |p, _| {
            b.lower(p, if first { first_flag } else { 0 });
            first = false;
        });
    };
    for (w, c) in &l.words {
        let f = match c {
            WordClass::Article | WordClass::Half => 0,
            _ => flag::NUMBER_WORD,
        };
        add(w, f);
    }
    for w in l.vague.keys().chain(l.denominators.keys()) {
        add(w, flag::NUMBER_WORD);
    }
    for w in l.currency_prefix.keys().chain(l.currency_suffix.keys()) {
        add(w, flag::CURRENCY);
    }
    for w in l.units.keys().chain(l.percent.keys()) {
        add(w, flag::UNIT);
    }
    for w in l.triggers.keys() {
        add(w, flag::COUNT_TRIGGER);
    }
    let phrases = l.scales.keys().chain(l.qualifiers.keys());
    let phrases = phrases.chain(l.vague_multipliers.keys());
    let phrases = phrases
        .chain(l.id_words.keys())
        .chain(l.time_suffixes.keys());
    for w in phrases {
        add(w, 0);
    }
    let sets = [
        &l.ordinal_suffixes,
        &l.metre_context,
        &l.partitives,
        &l.plurals,
        &l.change_verbs,
        &l.non_count_nouns,
        &l.noun_stops,
        &l.bridge_left,
        &l.bridge_right,
        &l.bridge_aside,
        &l.bridge_prep,
        &l.bridge_join,
    ];
    for w in sets.into_iter().flatten() {
        add(w, 0);
    }
    // Words `amounts` reads by spelling.
    for w in ["several", "between"] {
        add(w, 0);
    }
}

fn compile() -> Words {
    let l = &*LEX;
    let mut by_id = vec![0u16; VOCAB.len()];
    let mut info = vec![Info::default()];
    // Edits the `Info` of a whole word (one piece), created on first use.
    let mut edit = |w: &str, f: &mut dyn FnMut(&mut Info)| {
        let Some(slot) = by_id.get_mut(id_of(w) as usize) else {
            return;
        };
        if *slot == 0 {
            let Ok(n) = u16::try_from(info.len()) else {
                return;
            };
            *slot = n;
            info.push(Info::default());
        }
        if let Some(x) = info.get_mut(*slot as usize) {
            f(x);
        }
    };
    for (w, c) in &l.words {
        edit(w, &mut |x| x.class = Some(*c));
    }
    let starts = l.words.keys().chain(l.vague.keys());
    for w in starts.map(String::as_str).chain(["several", "between"]) {
        edit(w, &mut |x| x.sets |= set::STARTS);
    }
    for (w, d) in &l.denominators {
        edit(w, &mut |x| x.denominator = Some(*d));
    }
    for (w, s) in &l.scales {
        edit(w, &mut |x| x.scale = Some(*s));
    }
    for (w, v) in &l.vague {
        edit(w, &mut |x| x.vague = Some(*v));
    }
    let sets = [
        (&l.noun_stops, set::NOUN_STOP),
        (&l.plurals, set::PLURAL),
        (&l.partitives, set::PARTITIVE),
        (&l.bridge_left, set::BRIDGE_LEFT),
        (&l.bridge_right, set::BRIDGE_RIGHT),
        (&l.bridge_aside, set::BRIDGE_ASIDE),
        (&l.bridge_prep, set::BRIDGE_PREP),
        (&l.bridge_join, set::BRIDGE_JOIN),
        (&l.change_verbs, set::CHANGE_VERB),
        (&l.non_count_nouns, set::NON_COUNT),
        (&l.metre_context, set::METRE_CONTEXT),
        (&l.ordinal_suffixes, set::ORDINAL_SUFFIX),
    ];
    for (s, bit) in sets {
        for w in s {
            edit(w, &mut |x| x.sets |= bit);
        }
    }
    // Phrase tables: the first and last piece of each entry.
    let mut ends = |entry: &str, bit: u16| {
        let mut ps: Vec<String> = Vec::new();
        pieces_of(entry, |p, _| ps.push(p.to_lowercase()));
        if let (Some(a), Some(z)) = (ps.first(), ps.last()) {
            edit(a, &mut |x| x.first |= bit);
            edit(z, &mut |x| x.last |= bit);
        }
    };
    fn trie<'a, V: Copy + 'a>(
        items: impl Iterator<Item = (&'a String, &'a V)>,
        bit: u16,
        ends: &mut impl FnMut(&str, u16),
    ) -> Phrases<V> {
        let mut items: Vec<_> = items.collect();
        items.sort_by(|a, b| a.0.cmp(b.0));
        let mut p = Phrases::default();
        for (k, v) in items {
            if let Some(s) = steps(k) {
                p.insert(&s, *v);
                ends(k, bit);
            }
        }
        p
    }
    let currency_prefix = trie(l.currency_prefix.iter(), table::CURRENCY_PREFIX, &mut ends);
    let currency_suffix = trie(l.currency_suffix.iter(), table::CURRENCY_SUFFIX, &mut ends);
    let percent = trie(l.percent.iter(), table::PERCENT, &mut ends);
    let units = trie(l.units.iter(), table::UNITS, &mut ends);
    let qualifiers = trie(l.qualifiers.iter(), table::QUALIFIERS, &mut ends);
    let vague_multipliers = trie(
        l.vague_multipliers.iter(),
        table::VAGUE_MULTIPLIERS,
        &mut ends,
    );
    let id_words = trie(l.id_words.iter(), table::ID_WORDS, &mut ends);
    let time_suffixes = trie(l.time_suffixes.iter(), table::TIME_SUFFIXES, &mut ends);
    let triggers = trie(l.triggers.iter(), table::TRIGGERS, &mut ends);
    let ascii = (0u8..128)
        .map(|c| {
            let s = (c as char).to_string();
            let e = VOCAB.lookup(&s, &s);
            (e.id, e.flags)
        })
        .collect();
    let mut numeric: Vec<(String, u32)> = Vec::new();
    let all = l.units.keys().chain(l.currency_prefix.keys());
    let all = all.chain(l.currency_suffix.keys()).chain(l.percent.keys());
    let all = all
        .chain(l.qualifiers.keys())
        .chain(l.vague_multipliers.keys());
    let all = all.chain(l.id_words.keys()).chain(l.time_suffixes.keys());
    for k in all.chain(l.triggers.keys()) {
        pieces_of(k, |p, _| {
            if p.bytes().all(|c| c.is_ascii_digit()) && !numeric.iter().any(|(d, _)| d == p) {
                numeric.push((p.to_string(), id_of(p)));
            }
        });
    }
    let spelled = l
        .words
        .keys()
        .chain(l.vague.keys())
        .chain(l.denominators.keys());
    let spelled: Vec<usize> = spelled
        .filter(|w| w.chars().all(char::is_alphabetic))
        .map(|w| w.len())
        .collect();
    let lo = spelled.iter().copied().min().unwrap_or(0);
    let hi = spelled.iter().copied().max().unwrap_or(usize::MAX);
    Words {
        number_word_len: lo..=hi,
        by_id,
        info,
        ascii,
        numeric,
        currency_prefix,
        currency_suffix,
        percent,
        units,
        qualifiers,
        vague_multipliers,
        id_words,
        time_suffixes,
        triggers,
    }
}

pub static WORDS: LazyLock<Words> = LazyLock::new(compile);

#[cfg(test)]
mod tests {
    use super::*;

    fn info(w: &str) -> Info {
        *WORDS.info(WORDS.index(id_of(w)))
    }

    #[test]
    fn every_table_word_has_its_info() {
        assert_eq!(info("dozen").class, Some(WordClass::Dozen));
        assert_eq!(info("thirds").denominator, Some(3.0));
        assert_eq!(info("bn").scale.map(|s| s.0), Some(1e9));
        assert_eq!(info("hundreds").vague, Some(100.0));
        assert!(info("people").has(set::PLURAL));
        assert_ne!(info("per").first & table::PERCENT, 0);
        assert_ne!(info("cent").last & table::PERCENT, 0);
        assert_eq!(info("zzqx").sets, 0);
        let w = &*WORDS;
        let s = |e: &str| steps(e).unwrap_or_default();
        assert_eq!(w.currency_prefix.get(&s("us$")), Some(&"USD"));
        assert_eq!(w.units.get(&s("km/h")).map(|u| u.0), Some("km/h"));
        assert_eq!(w.qualifiers.get(&s("at least")), Some(&false));
        assert_eq!(
            w.triggers.get(&s("death toll")).map(|t| t.kind),
            Some("KILL")
        );
        // Glue counts: "us $" and "us$" are both listed, "per cent" only spaced.
        assert!(w.percent.get(&s("per cent")).is_some());
        let glued: Vec<Step> = s("per cent").iter().map(|x| (x.0, true)).collect();
        assert!(w.percent.get(&glued).is_none());
    }

    #[test]
    fn entries_split_like_sentences() {
        let mut got = Vec::new();
        pieces_of("a.m. per cent us$", |p, g| {
            got.push(format!("{}{p}", if g { "" } else { "_" }))
        });
        assert_eq!(got, ["_a", ".", "m", ".", "_per", "_cent", "_us", "$"]);
    }
}
