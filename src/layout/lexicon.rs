//! Word lists layout reads beyond its own `data/layout/` tables: the shared first-name table
//! (`tables::first_name_gender`) and the entity tables' place names (see
//! `data/entities/README.md`), the latter loaded here on first use as a Title Case set (layout
//! runs before the token stream exists, so it cannot read the stream's flags).

use std::sync::LazyLock;

use crate::tables::{entries, FastSet};

// The place table's names are in Title Case; the set borrows them from the compiled-in text,
// so building it allocates nothing per name.
static PLACES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    let gen = entries(include_str!("../../data/entities/places.tsv"));
    let extra = entries(include_str!("../../data/entities/places_extra.tsv"));
    let mut set = FastSet::with_capacity_and_hasher(32_768, Default::default());
    set.extend(
        gen.chain(extra)
            .filter_map(|(_, l)| l.split('\t').next())
            .map(str::trim),
    );
    set
});

/// A country, region or city of the gazetteer (GeoNames cities of 100,000+), as the table
/// spells it ("New Delhi").
pub fn is_place(name: &str) -> bool {
    name.len() <= 40 && PLACES.contains(name)
}

/// A first name of the 1990 US Census lists, in any case ("JOHN", "John").
pub fn is_first_name(w: &str) -> bool {
    w.len() <= 20 && crate::tables::first_name_gender(w).is_some()
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
