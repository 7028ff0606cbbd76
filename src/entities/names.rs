//! First names and their usual gender, from the 1990 US Census lists (see
//! `data/entities/README.md`): used to recognise person names and, by the quotes stage, to
//! resolve "he"/"she" to a speaker.

use std::sync::LazyLock;

/// Shared with the quotes stage: one table, one loader (`crate::tables`).
pub use crate::tables::first_name_gender;

static SURNAMES: LazyLock<crate::tables::FastSet<String>> = LazyLock::new(|| {
    crate::tables::entries(include_str!("../../data/entities/surnames.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Surnames as a lexicon flag (`SURNAME`), lower-cased (first names are registered from the
/// shared table by `Vocab::build`).
pub fn lexicon_words(b: &mut crate::lexicon::Builder) {
    use crate::lexicon::flag;
    for n in SURNAMES.iter() {
        b.lower(n, flag::SURNAME);
    }
}

/// Whether `name` is a frequent surname (a weak cue: many are also common words or places).
pub fn is_common_surname(name: &str) -> bool {
    name.len() <= 40 && SURNAMES.contains(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_are_known() {
        assert!(is_common_surname("Smith"));
        assert!(!is_common_surname("Xyzzyqu"));
    }
}
