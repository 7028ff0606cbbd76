//! Word lists layout reads beyond its own `data/layout/` tables: the shared first-name table
//! (`tables::first_name_gender`) and the entity tables' place names (see
//! `data/entities/README.md`), looked up as layout needs them: in Title Case, as the tables
//! spell them (layout runs before the token stream exists, so it cannot read the stream's
//! flags).
//!
//! The generated place table is sorted by name (its generator writes it so, and a test checks
//! it), so a look-up is a binary search over the compiled-in text: nothing is built, and a
//! dateline check costs a few dozen comparisons instead of a 29,000-name set built on first
//! use.

use std::cmp::Ordering;

use crate::tables::entries;

const PLACES: &str = include_str!("../../data/entities/places.tsv");
const PLACES_EXTRA: &str = include_str!("../../data/entities/places_extra.tsv");

/// The name column of the line holding byte `at` of `src`, with the line's start and end.
fn row_at(src: &str, at: usize) -> (&str, usize, usize) {
    let b = src.as_bytes();
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |p| at + p);
    let line = src[start..end].trim_end_matches('\r');
    let name = line.split('\t').next().unwrap_or_default().trim();
    (name, start, end)
}

/// Whether `name` is a row of the sorted table `src` (comment and blank lines sort first).
fn in_sorted(src: &str, name: &str) -> bool {
    let (mut lo, mut hi) = (0, src.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (row, start, end) = row_at(src, mid);
        let line = &src[start..end];
        let ord = if line.trim().is_empty() || line.trim_start().starts_with('#') {
            Ordering::Less
        } else {
            row.cmp(name)
        };
        match ord {
            Ordering::Equal => return true,
            Ordering::Less => lo = end + 1,
            Ordering::Greater => hi = start,
        }
    }
    false
}

/// A country, region or city of the gazetteer (GeoNames cities of 100,000+), as the table
/// spells it ("New Delhi").
pub fn is_place(name: &str) -> bool {
    name.len() <= 40
        && (in_sorted(PLACES, name)
            || entries(PLACES_EXTRA)
                .any(|(_, l)| l.split('\t').next().map(str::trim) == Some(name)))
}

/// A first name of the 1990 US Census lists, in any case ("JOHN", "John").
pub fn is_first_name(w: &str) -> bool {
    w.len() <= 20 && crate::tables::first_name_gender(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names() {
        assert!(is_first_name("Dean"));
        assert!(is_first_name("MARY"));
        assert!(!is_first_name("Storm"));
        assert!(is_place("New Delhi"));
        assert!(!is_place("Summary"));
    }

    #[test]
    fn the_place_table_is_sorted_and_every_row_is_found() {
        let names: Vec<&str> = entries(PLACES)
            .filter_map(|(_, l)| l.split('\t').next().map(str::trim))
            .collect();
        assert!(names.len() > 1000);
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "places.tsv is not sorted"
        );
        for n in names.iter().step_by(7).chain(names.last()) {
            assert_eq!(is_place(n), n.len() <= 40, "{n}");
        }
        assert!(is_place(names[0]));
        for n in [
            "",
            "Aaaa",
            "Zzzzz",
            "New Delh",
            "New Delhis",
            "new delhi",
            "US",
        ] {
            let expected = names.contains(&n)
                || entries(PLACES_EXTRA).any(|(_, l)| l.split('\t').next() == Some(n));
            assert_eq!(is_place(n), expected, "{n:?}");
        }
        assert!(is_place("US"));
    }
}
