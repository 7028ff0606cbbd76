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

table!(MONTHS: FastMap<String, i32>, "text/months.tsv", numbers);
table!(WEEKDAYS: FastMap<String, i32>, "text/weekdays.tsv", numbers);
table!(TIMEZONES: FastMap<String, i32>, "text/timezones.tsv", |f, s| numbers(f, s)
    .map(|m| m.into_iter().map(|(k, v)| (k.to_uppercase(), v)).collect::<FastMap<_, _>>()));
table!(ABBREVIATIONS: Vec<String>, "text/abbreviations.txt", first_column);
// Abbreviations that end a name and keep their period in it ("Acme Corp.", "King Jr.").
table!(NAME_ABBREVIATIONS: Vec<String>, "text/abbreviations.txt", tagged("name"));
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
