//! Word lists layout reads beyond its own `data/layout/` tables: private copies of the entity
//! tables' first names and place names (see `data/entities/README.md`), loaded on first use.
//! When the shared per-word lexicon of the token stream lands, these lookups move to it.

use std::sync::LazyLock;

use crate::tables::{entries, FastSet};

// The tables' names are in Title Case; the sets borrow them from the compiled-in text, so
// building one allocates nothing per name.
static FIRST_NAMES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../data/entities/first_names.tsv"))
        .filter_map(|(_, l)| l.split('\t').next())
        .map(str::trim)
        .collect()
});

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

/// "JOHN", "john" -> "John" (ASCII words; others as written).
fn title_case(w: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = w.chars();
    let first_ok = chars.next().is_some_and(|c| !c.is_lowercase());
    if first_ok && !chars.any(char::is_uppercase) || !w.is_ascii() {
        return std::borrow::Cow::Borrowed(w);
    }
    let mut out = w.to_ascii_lowercase();
    out[..1].make_ascii_uppercase();
    std::borrow::Cow::Owned(out)
}

/// A country, region or city of the gazetteer (GeoNames cities of 100,000+), as the table
/// spells it ("New Delhi").
pub fn is_place(name: &str) -> bool {
    name.len() <= 40 && PLACES.contains(name)
}

/// A first name of the 1990 US Census lists, in any case ("JOHN", "John").
pub fn is_first_name(w: &str) -> bool {
    w.len() <= 20 && !w.is_empty() && FIRST_NAMES.contains(title_case(w).as_ref())
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
