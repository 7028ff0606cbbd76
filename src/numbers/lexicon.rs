//! The word lists in `data/numbers/` (and the shared number words and ordinals of
//! `data/text/`), compiled in and loaded once, as written: lower-cased entries, multi-token
//! ones spelled with a space where the text has white space and with nothing where tokens are
//! glued ("us$", "per cent"). `words` compiles them against the vocabulary for matching.

use std::sync::LazyLock;

use crate::tables::{entries, pairs, FastMap, FastSet};

pub type Map<V> = FastMap<String, V>;
pub type Set = FastSet<String>;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WordClass {
    Unit(f64),
    Ten(f64),
    Hundred,
    Scale(f64),
    Dozen,
    Article,
    Half,
    Glyph(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glue {
    Glued,
    Spaced,
    Any,
}

impl Glue {
    pub fn allows(self, glued: bool) -> bool {
        match self {
            Glue::Glued => glued,
            Glue::Spaced => !glued,
            Glue::Any => true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    pub kind: &'static str,
    pub left: bool,
    pub right: bool,
    pub noun: bool,
    /// An event noun read on the right ("a sit-in", "the rally"): not a verb, so it does not
    /// end a counted noun ("a one-day strike").
    pub event: bool,
}

pub struct Lexicon {
    pub words: Map<WordClass>,
    /// "thirds" of "two-thirds".
    pub denominators: Map<f64>,
    pub scales: Map<(f64, Glue)>,
    pub currency_prefix: Map<&'static str>,
    pub currency_suffix: Map<&'static str>,
    pub percent: Map<&'static str>,
    pub units: Map<(&'static str, Glue)>,
    pub qualifiers: Map<bool>,
    pub vague: Map<f64>,
    /// "several" of "several hundred".
    pub vague_multipliers: Map<f64>,
    pub id_words: Map<()>,
    pub time_suffixes: Map<()>,
    pub ordinal_suffixes: Set,
    pub metre_context: Set,
    pub partitives: Set,
    pub plurals: Set,
    pub change_verbs: Set,
    pub non_count_nouns: Set,
    pub noun_stops: Set,
    pub bridge_left: Set,
    pub bridge_right: Set,
    pub bridge_aside: Set,
    pub bridge_prep: Set,
    pub bridge_join: Set,
    pub triggers: Map<Trigger>,
}

const COUNT_TYPES: &[&str] = &[
    "KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACE", "PROTEST", "EVACUATE", "AFFECT", "SEIZE",
];

fn leak(s: &str) -> &'static str {
    // Tables are loaded once per process; leaking their few hundred short strings gives the
    // items `&'static str` fields without a copy per match.
    Box::leak(s.to_string().into_boxed_str())
}

fn set(src: &str) -> Set {
    entries(src).map(|(_, l)| l.trim().to_lowercase()).collect()
}

fn phrase_set(src: &str) -> Map<()> {
    set(src).into_iter().map(|k| (k, ())).collect()
}

fn columns<'a>(file: &str, src: &'a str, n: usize) -> Result<Vec<Vec<&'a str>>, String> {
    entries(src)
        .map(|(line, l)| {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            if cols.len() == n {
                Ok(cols)
            } else {
                Err(format!(
                    "{file}:{line}: expected {n} tab-separated columns, got {l:?}"
                ))
            }
        })
        .collect()
}

fn glue(file: &str, s: &str) -> Result<Glue, String> {
    match s {
        "glued" => Ok(Glue::Glued),
        "spaced" => Ok(Glue::Spaced),
        "any" => Ok(Glue::Any),
        _ => Err(format!("{file}: bad glue {s:?}")),
    }
}

fn number(file: &str, s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .map_err(|_| format!("{file}: not a number: {s:?}"))
}

pub fn load() -> Result<Lexicon, String> {
    let mut words = Map::default();
    let mut denominators = Map::default();
    for w in crate::tables::NUMBER_WORDS.iter() {
        use crate::tables::NumberClass as C;
        let v = w.value;
        let class = match w.class {
            C::Unit => WordClass::Unit(v),
            C::Ten => WordClass::Ten(v),
            C::Hundred => WordClass::Hundred,
            C::Scale => WordClass::Scale(v),
            C::Dozen => WordClass::Dozen,
            C::Article => WordClass::Article,
            C::Half => WordClass::Half,
            C::Glyph => WordClass::Glyph(v),
            C::Denominator => {
                denominators.insert(w.word.clone(), v);
                continue;
            }
            // Dates' words ("couple", "several"): not amounts here.
            C::Couple | C::Unspecified => continue,
        };
        words.insert(w.word.clone(), class);
    }
    // The spelled ordinals from third to tenth, and their plurals, are denominators too.
    for (w, &n) in crate::tables::ORDINALS.iter() {
        if (3..=10).contains(&n) && w.chars().all(char::is_alphabetic) {
            denominators.insert(w.clone(), n as f64);
            denominators.insert(format!("{w}s"), n as f64);
        }
    }

    let f = "numbers/scales.tsv";
    let mut scales = Map::default();
    for c in columns(f, include_str!("../../data/numbers/scales.tsv"), 3)? {
        scales.insert(c[0].to_lowercase(), (number(f, c[1])?, glue(f, c[2])?));
    }

    let f = "numbers/currencies.tsv";
    let (mut currency_prefix, mut currency_suffix) = (Map::default(), Map::default());
    for c in columns(f, include_str!("../../data/numbers/currencies.tsv"), 3)? {
        let key = c[0].to_lowercase();
        let code = leak(c[1]);
        match c[2] {
            "prefix" => {
                currency_prefix.insert(key, code);
            }
            "suffix" => {
                currency_suffix.insert(key, code);
            }
            "both" => {
                currency_prefix.insert(key.clone(), code);
                currency_suffix.insert(key, code);
            }
            other => return Err(format!("{f}: bad position {other:?}")),
        }
    }

    let f = "numbers/percent.tsv";
    let mut percent = Map::default();
    for (k, v) in pairs(f, include_str!("../../data/numbers/percent.tsv"))? {
        percent.insert(k.to_lowercase(), leak(v));
    }

    let f = "numbers/units.tsv";
    let mut units = Map::default();
    for c in columns(f, include_str!("../../data/numbers/units.tsv"), 3)? {
        units.insert(c[0].to_lowercase(), (leak(c[1]), glue(f, c[2])?));
    }

    let f = "numbers/qualifiers.tsv";
    let mut qualifiers = Map::default();
    for (k, v) in pairs(f, include_str!("../../data/numbers/qualifiers.tsv"))? {
        let approx = match v {
            "yes" => true,
            "no" => false,
            _ => return Err(format!("{f}: {k:?} needs yes or no, got {v:?}")),
        };
        qualifiers.insert(k.to_lowercase(), approx);
    }

    let f = "numbers/vague.tsv";
    let mut vague = Map::default();
    for (k, v) in pairs(f, include_str!("../../data/numbers/vague.tsv"))? {
        vague.insert(k.to_lowercase(), number(f, v)?);
    }

    let f = "numbers/vague_multipliers.tsv";
    let mut vague_multipliers = Map::default();
    for (k, v) in pairs(f, include_str!("../../data/numbers/vague_multipliers.tsv"))? {
        vague_multipliers.insert(k.to_lowercase(), number(f, v)?);
    }

    let f = "numbers/triggers.tsv";
    let mut triggers = Map::default();
    for c in columns(f, include_str!("../../data/numbers/triggers.tsv"), 3)? {
        let kind = COUNT_TYPES
            .iter()
            .copied()
            .find(|t| *t == c[0])
            .ok_or_else(|| format!("{f}: unknown count type {:?}", c[0]))?;
        if c[2].is_empty() || !c[2].chars().all(|r| matches!(r, 'L' | 'R' | 'N' | 'E')) {
            return Err(format!("{f}: bad roles {:?} for {:?}", c[2], c[1]));
        }
        let t = Trigger {
            kind,
            left: c[2].contains('L'),
            right: c[2].contains('R') || c[2].contains('E'),
            event: c[2].contains('E'),
            noun: c[2].contains('N'),
        };
        triggers.insert(c[1].to_lowercase(), t);
    }

    Ok(Lexicon {
        words,
        denominators,
        scales,
        currency_prefix,
        currency_suffix,
        percent,
        units,
        qualifiers,
        vague,
        vague_multipliers,
        id_words: phrase_set(include_str!("../../data/numbers/id_words.txt")),
        time_suffixes: phrase_set(include_str!("../../data/numbers/time_suffixes.txt")),
        ordinal_suffixes: crate::tables::ORDINAL_SUFFIXES.iter().cloned().collect(),
        metre_context: set(include_str!("../../data/numbers/metre_context.txt")),
        partitives: set(include_str!("../../data/numbers/partitives.txt")),
        plurals: set(include_str!("../../data/numbers/plural_nouns.txt")),
        change_verbs: set(include_str!("../../data/numbers/change_verbs.txt")),
        non_count_nouns: set(include_str!("../../data/numbers/non_count_nouns.txt")),
        noun_stops: set(include_str!("../../data/numbers/noun_stops.txt")),
        bridge_left: set(include_str!("../../data/numbers/counts_bridge_left.txt")),
        bridge_right: set(include_str!("../../data/numbers/counts_bridge_right.txt")),
        bridge_aside: set(include_str!("../../data/numbers/counts_bridge_aside.txt")),
        bridge_prep: set(include_str!("../../data/numbers/counts_bridge_prep.txt")),
        bridge_join: set(include_str!("../../data/numbers/counts_bridge_join.txt")),
        triggers,
    })
}

pub static LEX: LazyLock<Lexicon> =
    LazyLock::new(|| load().unwrap_or_else(|e| panic!("bad rule table: {e}")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_loads() {
        let l = load().unwrap();
        assert_eq!(l.words.get("dozen"), Some(&WordClass::Dozen));
        assert_eq!(l.currency_prefix.get("a$"), Some(&"AUD"));
        assert_eq!(l.currency_suffix.get("euros"), Some(&"EUR"));
        assert_eq!(l.units.get("km/h").map(|u| u.0), Some("km/h"));
        assert_eq!(l.qualifiers.get("at least"), Some(&false));
        assert_eq!(l.triggers.get("death toll").map(|t| t.kind), Some("KILL"));
        assert_eq!(l.denominators.get("fifths"), Some(&5.0));
        assert!(!l.words.contains_key("couple"));
    }
}
