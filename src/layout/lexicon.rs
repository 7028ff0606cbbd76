//! Word lists layout reads beyond its own `data/layout/` tables: private copies of the entity
//! tables' first names and place names (see `data/entities/README.md`), loaded on first use.
//! When the shared per-word lexicon of the token stream lands, these lookups move to it.

use std::sync::LazyLock;

use crate::tables::{entries, FastSet};

static FIRST_NAMES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/entities/first_names.tsv"))
        .filter_map(|(_, l)| l.split('\t').next())
        .map(|n| n.trim().to_lowercase())
        .collect()
});

static PLACES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    let gen = entries(include_str!("../../data/entities/places.tsv"));
    let extra = entries(include_str!("../../data/entities/places_extra.tsv"));
    gen.chain(extra)
        .filter_map(|(_, l)| l.split('\t').next())
        .map(|n| n.trim().to_lowercase())
        .collect()
});

/// A country, region or city of the gazetteer (GeoNames cities of 100,000+), any case.
pub fn is_place(name: &str) -> bool {
    name.len() <= 40 && PLACES.contains(&name.to_lowercase())
}

/// A first name of the 1990 US Census lists, any case ("JOHN", "John").
pub fn is_first_name(w: &str) -> bool {
    w.len() <= 20 && FIRST_NAMES.contains(&w.to_lowercase())
}

#[cfg(test)]
mod tests {
    #[test]
    fn first_names() {
        assert!(super::is_first_name("Dean"));
        assert!(super::is_first_name("MARY"));
        assert!(!super::is_first_name("Storm"));
        assert!(super::is_place("New Delhi"));
        assert!(!super::is_place("Summary"));
    }
}
