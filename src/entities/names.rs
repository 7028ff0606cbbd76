//! First names and their usual gender, from the 1990 US Census lists (see
//! `data/entities/README.md`): used to recognise person names and, by the quotes stage, to
//! resolve "he"/"she" to a speaker.

use crate::tables::FastMap as HashMap;
use std::sync::LazyLock;

use crate::tables::pairs;

static FIRST_NAMES: LazyLock<HashMap<String, char>> = LazyLock::new(|| {
    let src = include_str!("../../data/entities/first_names.tsv");
    pairs("entities/first_names.tsv", src)
        .unwrap_or_else(|e| panic!("bad rule table: {e}"))
        .into_iter()
        .filter_map(|(n, g)| g.chars().next().map(|g| (n.to_lowercase(), g)))
        .collect()
});

static SURNAMES: LazyLock<crate::tables::FastSet<String>> = LazyLock::new(|| {
    crate::tables::entries(include_str!("../../data/entities/surnames.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// First names and surnames as lexicon flags (`FIRST_NAME`, `SURNAME`), lower-cased.
pub fn lexicon_words(b: &mut crate::lexicon::Builder) {
    use crate::lexicon::flag;
    for n in FIRST_NAMES.keys() {
        b.lower(n, flag::FIRST_NAME);
    }
    for n in SURNAMES.iter() {
        b.lower(n, flag::SURNAME);
    }
}

/// `Some('F')`, `Some('M')` or `Some('U')` (used for both) for a known first name, matched
/// case-insensitively ("JOHN", "john", "John"); `None` for an unknown one.
pub fn first_name_gender(name: &str) -> Option<char> {
    let n = name.trim();
    if n.is_empty() || n.len() > 40 {
        return None;
    }
    if n.is_ascii() {
        // Lower-cased on the stack: this runs for every capitalised word.
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

/// Whether `name` is a frequent surname (a weak cue: many are also common words or places).
pub fn is_common_surname(name: &str) -> bool {
    name.len() <= 40 && SURNAMES.contains(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genders_of_common_names() {
        assert_eq!(first_name_gender("John"), Some('M'));
        assert_eq!(first_name_gender("MARY"), Some('F'));
        assert_eq!(first_name_gender("kerry"), Some('U'));
        assert_eq!(first_name_gender("Baghdad"), None);
        assert_eq!(first_name_gender(""), None);
        assert_eq!(first_name_gender("Jöhn😀"), None);
    }

    #[test]
    fn surnames_are_known() {
        assert!(is_common_surname("Smith"));
        assert!(!is_common_surname("Xyzzyqu"));
    }
}
