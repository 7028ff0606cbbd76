//! Word lists layout reads beyond its own `data/layout/` tables. For now a private copy of the
//! entity tables' first names; when the shared per-word lexicon of the token stream lands,
//! these lookups move to it.

use std::sync::LazyLock;

use crate::tables::{entries, FastSet};

static FIRST_NAMES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/entities/first_names.tsv"))
        .filter_map(|(_, l)| l.split('\t').next())
        .map(|n| n.trim().to_lowercase())
        .collect()
});

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
    }
}
