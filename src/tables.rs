//! Loader for the rule tables in `data/` (compiled in with `include_str!`).
//!
//! Lookup tables use rustc-hash's Fx maps: keys are short words fixed at build time, so
//! SipHash's flooding resistance buys nothing and its setup cost dominates a lookup.
//!
//! A malformed line is a bug in the shipped data, caught by this module's tests; the loader
//! reports the file and line so the fix is obvious.

use std::sync::LazyLock;

pub use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

/// Non-comment, non-blank lines with their 1-based line numbers.
pub fn entries(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// Two-column tab-separated rows; a row without a tab is an error naming `file:line`.
pub fn pairs<'a>(file: &str, src: &'a str) -> Result<Vec<(&'a str, &'a str)>, String> {
    entries(src)
        .map(|(n, l)| {
            l.split_once('\t')
                .map(|(a, b)| (a.trim(), b.trim()))
                .ok_or_else(|| format!("{file}:{n}: expected `key<TAB>value`, got {l:?}"))
        })
        .collect()
}

/// A `name -> number` table with lower-cased keys.
pub fn numbers(file: &str, src: &str) -> Result<FastMap<String, i32>, String> {
    pairs(file, src)?
        .into_iter()
        .map(|(k, v)| {
            v.parse::<i32>()
                .map(|n| (k.to_lowercase(), n))
                .map_err(|_| format!("{file}: {k:?} has a value that is not a number: {v:?}"))
        })
        .collect()
}

/// A title written before a person's name (`data/text/honorifics.tsv`, shared by the quotes
/// and entities stages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honorific {
    /// As written, without a final period: "Mr", "Sen", "Grand Ayatollah".
    pub title: String,
    /// 'M' or 'F' when the title implies a gender, '-' when it does not.
    pub gender: char,
    /// A form of address (Mr, Dr, Sheikh), kept out of a name's span by the entities stage;
    /// otherwise an office or rank used as a title (Sen, Gen, President).
    pub courtesy: bool,
}

fn honorifics(file: &str, src: &str) -> Result<Vec<Honorific>, String> {
    entries(src)
        .map(|(n, l)| {
            let mut cols = l.split('\t').map(str::trim);
            let (Some(title), Some(gender), Some(kind), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(format!(
                    "{file}:{n}: expected `title<TAB>gender<TAB>kind`, got {l:?}"
                ));
            };
            let gender = match gender {
                "M" => 'M',
                "F" => 'F',
                "-" => '-',
                _ => {
                    return Err(format!(
                        "{file}:{n}: gender must be M, F or -, got {gender:?}"
                    ))
                }
            };
            let courtesy = match kind {
                "courtesy" => true,
                "rank" => false,
                _ => {
                    return Err(format!(
                        "{file}:{n}: kind must be courtesy or rank, got {kind:?}"
                    ))
                }
            };
            Ok(Honorific {
                title: title.to_string(),
                gender,
                courtesy,
            })
        })
        .collect()
}

static HONORIFIC_INDEX: LazyLock<FastMap<&'static str, &'static Honorific>> =
    LazyLock::new(|| HONORIFICS.iter().map(|h| (h.title.as_str(), h)).collect());

/// The honorific `word` is, matched case-sensitively and without a final period ("Mr", "Mr.",
/// "Sen."); the lexicon flags the single-word ones (`lexicon::flag::HONORIFIC`).
pub fn honorific(word: &str) -> Option<&'static Honorific> {
    HONORIFIC_INDEX
        .get(word.strip_suffix('.').unwrap_or(word))
        .copied()
}

/// `Some('F')`, `Some('M')` or `Some('U')` (used for both) for a known first name
/// (`data/entities/first_names.tsv`), matched case-insensitively ("JOHN", "john", "John");
/// `None` for an unknown one. The lexicon flags them (`lexicon::flag::FIRST_NAME`).
pub fn first_name_gender(name: &str) -> Option<char> {
    let n = name.trim();
    if n.is_empty() || n.len() > 40 {
        return None;
    }
    if n.is_ascii() {
        // Lower-cased on the stack: no allocation.
        let mut b = [0u8; 40];
        let b = &mut b[..n.len()];
        b.copy_from_slice(n.as_bytes());
        b.make_ascii_lowercase();
        return std::str::from_utf8(b)
            .ok()
            .and_then(|k| FIRST_NAMES.get(k).copied());
    }
    FIRST_NAMES.get(&n.to_lowercase()).copied()
}

macro_rules! table {
    ($name:ident: $ty:ty, $path:literal, $loader:expr) => {
        pub static $name: LazyLock<$ty> = LazyLock::new(|| {
            let src = include_str!(concat!("../data/", $path));
            #[allow(clippy::redundant_closure_call)]
            ($loader)($path, src).unwrap_or_else(|e: String| panic!("bad rule table: {e}"))
        });
    };
}

fn word_list(_: &str, src: &str) -> Result<Vec<String>, String> {
    Ok(entries(src).map(|(_, l)| l.trim().to_string()).collect())
}

/// The first column of each row (`word` or `word<TAB>tag`).
fn first_column(_: &str, src: &str) -> Result<Vec<String>, String> {
    Ok(entries(src)
        .map(|(_, l)| l.split('\t').next().unwrap_or(l).trim().to_string())
        .collect())
}

/// The words of the rows tagged `tag` in their second column.
fn tagged(tag: &'static str) -> impl Fn(&str, &str) -> Result<Vec<String>, String> {
    move |_, src| {
        Ok(entries(src)
            .filter_map(|(_, l)| l.split_once('\t'))
            .filter(|(_, t)| t.trim() == tag)
            .map(|(w, _)| w.trim().to_string())
            .collect())
    }
}

fn owned_pairs(file: &str, src: &str) -> Result<Vec<(String, String)>, String> {
    Ok(pairs(file, src)?
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect())
}

/// The class of a spelled number word (`data/text/number_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberClass {
    /// zero to nineteen.
    Unit,
    /// twenty to ninety.
    Ten,
    Hundred,
    /// thousand and up.
    Scale,
    Dozen,
    /// "a", "an": a number only before a scale, "dozen" or a denominator.
    Article,
    /// "half a million".
    Half,
    /// A vulgar-fraction character ("½").
    Glyph,
    /// "couple" (dates: "a couple of days").
    Couple,
    /// "several", "few", "many", "some" (dates: "several years" is `PXY`).
    Unspecified,
    /// A fraction's denominator that is not an ordinal ("halves", "quarter").
    Denominator,
}

/// One row of `data/text/number_words.tsv`: the lower-cased word, its class and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberWord {
    pub word: String,
    pub class: NumberClass,
    pub value: f64,
}

fn number_words(file: &str, src: &str) -> Result<Vec<NumberWord>, String> {
    entries(src)
        .map(|(n, l)| {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            let [word, class, value] = cols[..] else {
                return Err(format!(
                    "{file}:{n}: expected `word<TAB>class<TAB>value`, got {l:?}"
                ));
            };
            let class = match class {
                "unit" => NumberClass::Unit,
                "ten" => NumberClass::Ten,
                "hundred" => NumberClass::Hundred,
                "scale" => NumberClass::Scale,
                "dozen" => NumberClass::Dozen,
                "article" => NumberClass::Article,
                "half" => NumberClass::Half,
                "glyph" => NumberClass::Glyph,
                "couple" => NumberClass::Couple,
                "unspecified" => NumberClass::Unspecified,
                "denominator" => NumberClass::Denominator,
                other => return Err(format!("{file}:{n}: unknown class {other:?}")),
            };
            let value = value
                .parse::<f64>()
                .map_err(|_| format!("{file}:{n}: not a number: {value:?}"))?;
            Ok(NumberWord {
                word: word.to_lowercase(),
                class,
                value,
            })
        })
        .collect()
}

table!(MONTHS: FastMap<String, i32>, "text/months.tsv", numbers);
table!(WEEKDAYS: FastMap<String, i32>, "text/weekdays.tsv", numbers);
table!(TIMEZONES: FastMap<String, i32>, "text/timezones.tsv", |f, s| numbers(f, s)
    .map(|m| m.into_iter().map(|(k, v)| (k.to_uppercase(), v)).collect::<FastMap<_, _>>()));
table!(ABBREVIATIONS: Vec<String>, "text/abbreviations.txt", first_column);
// Abbreviations that end a name and keep their period in it ("Acme Corp.", "King Jr.").
table!(NAME_ABBREVIATIONS: Vec<String>, "text/abbreviations.txt", tagged("name"));
table!(NUMBER_WORDS: Vec<NumberWord>, "text/number_words.tsv", number_words);
table!(ORDINALS: FastMap<String, i32>, "text/ordinals.tsv", numbers);
table!(ORDINAL_SUFFIXES: Vec<String>, "text/ordinal_suffixes.txt", |f, s| word_list(f, s)
    .map(|v| v.into_iter().map(|w| w.to_lowercase()).collect::<Vec<_>>()));
table!(FUNCTION_WORDS: Vec<String>, "text/function_words.txt", word_list);
table!(HONORIFICS: Vec<Honorific>, "text/honorifics.tsv", honorifics);
table!(FIRST_NAMES: FastMap<String, char>, "entities/first_names.tsv", |f, s| pairs(f, s)
    .map(|v| v
        .into_iter()
        .filter_map(|(n, g)| g.chars().next().map(|g| (n.to_lowercase(), g)))
        .collect::<FastMap<_, _>>()));
table!(SECTIONS: Vec<String>, "layout/sections.txt", |f, s| word_list(f, s)
    .map(|v| v.into_iter().map(|w| w.to_lowercase()).collect::<Vec<_>>()));
table!(AGENCIES: Vec<String>, "layout/agencies.txt", word_list);
table!(BYLINE_ORG_WORDS: Vec<String>, "layout/byline_org_words.txt", word_list);
table!(BOILERPLATE: Vec<(String, String)>, "layout/boilerplate.tsv", owned_pairs);
table!(TAIL_MARKERS: Vec<(String, String)>, "layout/tail_markers.tsv", owned_pairs);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_loads() {
        assert_eq!(MONTHS.get("sept"), Some(&9));
        assert_eq!(WEEKDAYS.get("sunday"), Some(&7));
        assert_eq!(TIMEZONES.get("EDT"), Some(&-240));
        assert!(ABBREVIATIONS.iter().any(|a| a == "Mr"));
        let seven = NUMBER_WORDS.iter().find(|w| w.word == "seven");
        assert_eq!(
            seven.map(|w| (w.class, w.value)),
            Some((NumberClass::Unit, 7.0))
        );
        assert_eq!(ORDINALS.get("third"), Some(&3));
        assert!(ORDINAL_SUFFIXES.iter().any(|s| s == "nd"));
        assert_eq!(
            honorific("Mrs.").map(|h| (h.gender, h.courtesy)),
            Some(('F', true))
        );
        assert_eq!(
            honorific("Sen").map(|h| (h.gender, h.courtesy)),
            Some(('-', false))
        );
        assert!(honorific("mr").is_none() && honorific("Grand Ayatollah").is_some());
        assert_eq!(first_name_gender("John"), Some('M'));
        assert_eq!(first_name_gender("MARY"), Some('F'));
        assert_eq!(first_name_gender("kerry"), Some('U'));
        assert_eq!(first_name_gender("Baghdad"), None);
        assert_eq!(first_name_gender(""), None);
        assert_eq!(first_name_gender("Jöhn😀"), None);
        assert!(ABBREVIATIONS.iter().any(|a| a == "Corp"));
        assert!(ABBREVIATIONS.iter().all(|a| !a.contains('\t')));
        assert!(NAME_ABBREVIATIONS.iter().any(|a| a == "Corp"));
        assert!(!NAME_ABBREVIATIONS.iter().any(|a| a == "Mr"));
        assert!(SECTIONS.iter().any(|s| s == "middle east"));
        assert!(AGENCIES.iter().any(|s| s == "Reuters"));
        assert!(BYLINE_ORG_WORDS.iter().any(|s| s == "News"));
        assert!(!BOILERPLATE.is_empty());
        assert!(!TAIL_MARKERS.is_empty());
    }

    #[test]
    fn a_malformed_row_names_its_line() {
        let err = pairs("x.tsv", "# c\na\t1\nbroken\n").unwrap_err();
        assert!(err.starts_with("x.tsv:3:"), "{err}");
    }
}
