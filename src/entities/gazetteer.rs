//! The word lists of `data/entities/`, loaded once. Keys are lower-cased so the same table
//! serves Title Case running text and ALL-CAPS headlines.

use crate::tables::{FastMap as HashMap, FastSet as HashSet};
use std::sync::LazyLock;

use crate::lexicon::{flag, Builder};
use crate::tables::{entries, pairs};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, `None` for places in no single country ("Middle East").
    pub country: Option<[u8; 2]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Org,
    Agency,
    Outlet,
}

fn load_pairs(file: &str, src: &'static str) -> Vec<(&'static str, &'static str)> {
    pairs(file, src).unwrap_or_else(|e| panic!("bad rule table: {e}"))
}

fn lower_set(src: &'static str) -> HashSet<String> {
    entries(src).map(|(_, l)| l.trim().to_lowercase()).collect()
}

fn exact_set(src: &'static str) -> HashSet<&'static str> {
    entries(src).map(|(_, l)| l.trim()).collect()
}

fn code(cc: &str) -> Option<[u8; 2]> {
    let b = cc.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_uppercase)).then(|| [b[0], b[1]])
}

fn place_rows(file: &str, src: &'static str, out: &mut HashMap<String, Place>) {
    for (name, rest) in load_pairs(file, src) {
        let (kind, cc) = rest.split_once('\t').unwrap_or((rest, "-"));
        let kind = match kind.trim() {
            "country" => PlaceKind::Country,
            "region" => PlaceKind::Region,
            "city" => PlaceKind::City,
            other => panic!("bad rule table: {file}: unknown place kind {other:?}"),
        };
        out.insert(
            name.to_lowercase(),
            Place {
                kind,
                country: code(cc.trim()),
            },
        );
    }
}

pub static PLACES: LazyLock<HashMap<String, Place>> = LazyLock::new(|| {
    let mut m = HashMap::with_capacity_and_hasher(32_000, Default::default());
    place_rows(
        "entities/places.tsv",
        include_str!("../../data/entities/places.tsv"),
        &mut m,
    );
    // Hand-written rows override generated ones.
    place_rows(
        "entities/places_extra.tsv",
        include_str!("../../data/entities/places_extra.tsv"),
        &mut m,
    );
    m
});

/// What a phrase of `not_names.tsv` is (see that file; the kind documents the table).
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotName {
    /// Holidays and festivals: "Christmas", "New Year".
    Holiday,
    /// Prizes: "Oscar", "Golden Globe".
    Award,
    /// Abbreviations of common nouns and roles: "TV", "MP", "GDP".
    Common,
    /// A word naming a prize ("award", "prizes"): the capitalised word before it is an award.
    AwardWord,
}

/// Phrases never a name on their own, by their key (lower-cased, apostrophes folded).
pub static NOT_NAMES: LazyLock<HashMap<String, NotName>> = LazyLock::new(|| {
    let file = "entities/not_names.tsv";
    load_pairs(file, include_str!("../../data/entities/not_names.tsv"))
        .into_iter()
        .map(|(k, kind)| {
            let kind = match kind {
                "holiday" => NotName::Holiday,
                "award" => NotName::Award,
                "common" => NotName::Common,
                "award_word" => NotName::AwardWord,
                other => panic!("bad rule table: {file}: unknown kind {other:?}"),
            };
            (super::mentions::lower(k), kind)
        })
        .collect()
});

/// Rows of `demonyms_extra.tsv`: (demonym, country, only before a name).
fn extra_demonyms() -> impl Iterator<Item = (&'static str, [u8; 2], bool)> {
    let file = "entities/demonyms_extra.tsv";
    load_pairs(file, include_str!("../../data/entities/demonyms_extra.tsv"))
        .into_iter()
        .map(move |(d, rest)| {
            let (cc, place) = rest.split_once('\t').unwrap_or((rest, ""));
            let name = match place.trim() {
                "any" => false,
                "name" => true,
                other => panic!("bad rule table: {file}: {d}: where {other:?}"),
            };
            let c = code(cc.trim())
                .unwrap_or_else(|| panic!("bad rule table: {file}: {d}: country {cc:?}"));
            (d, c, name)
        })
}

pub static DEMONYMS: LazyLock<HashMap<String, [u8; 2]>> = LazyLock::new(|| {
    let extra = extra_demonyms().filter(|e| !e.2).map(|(d, c, _)| (d, c));
    load_pairs(
        "entities/demonyms.tsv",
        include_str!("../../data/entities/demonyms.tsv"),
    )
    .into_iter()
    .filter_map(|(d, cc)| code(cc).map(|c| (d, c)))
    .chain(extra)
    .map(|(d, c)| (d.to_lowercase(), c))
    .collect()
});

/// Demonyms that are also names or common nouns ("Finn", "Pole", "Brit"): nationalities only
/// before a person's name (`demonyms_extra.tsv`, where = name).
pub static DEMONYMS_BEFORE_NAME: LazyLock<HashMap<String, [u8; 2]>> = LazyLock::new(|| {
    extra_demonyms()
        .filter(|e| e.2)
        .map(|(d, c, _)| (d.to_lowercase(), c))
        .collect()
});

pub static ORGS: LazyLock<HashMap<String, OrgKind>> = LazyLock::new(|| {
    load_pairs(
        "entities/organisations.tsv",
        include_str!("../../data/entities/organisations.tsv"),
    )
    .into_iter()
    .map(|(n, k)| {
        let kind = match k {
            "agency" => OrgKind::Agency,
            "outlet" => OrgKind::Outlet,
            _ => OrgKind::Org,
        };
        (n.to_lowercase(), kind)
    })
    .collect()
});

/// Short form (lower-cased) -> canonical long form.
pub static ALIASES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    load_pairs(
        "entities/aliases.tsv",
        include_str!("../../data/entities/aliases.tsv"),
    )
    .into_iter()
    .map(|(s, l)| (s.to_lowercase(), l))
    .collect()
});

pub static NORP: LazyLock<HashSet<String>> =
    LazyLock::new(|| lower_set(include_str!("../../data/entities/norp.txt")));
pub static STOPWORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| lower_set(include_str!("../../data/entities/stopwords.txt")));
/// Ordinary lower-case English words (SCOWL): a capitalised one may just start a sentence.
pub static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| exact_set(include_str!("../../data/entities/common_words.txt")));
/// Courtesy titles (Mr, Dr, Sheikh) from the shared `data/text/honorifics.tsv`. Read through
/// [`honorifics`] and [`is_honorific`].
static HONORIFICS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| honorifics().collect());

/// The courtesy titles as written ("Mr", "Grand Ayatollah"), case-sensitive, without a period.
pub fn honorifics() -> impl Iterator<Item = &'static str> {
    crate::tables::HONORIFICS
        .iter()
        .filter(|h| h.courtesy)
        .map(|h| h.title.as_str())
}

/// Whether `word` (case-sensitive, without a final period) is a one-word courtesy title.
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(word)
}
pub static ORG_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| exact_set(include_str!("../../data/entities/org_cues.txt")));
pub static LOC_CUES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| exact_set(include_str!("../../data/entities/loc_cues.txt")));

/// Titles as word sequences, longest first, so "Prime Minister" wins over "Minister".
pub static TITLES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut v: Vec<Vec<&str>> = entries(include_str!("../../data/entities/titles.txt"))
        .map(|(_, l)| l.trim())
        .chain(honorifics())
        .map(|l| l.split_whitespace().collect())
        .collect();
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v.dedup();
    v
});

/// The longest key length, in words, of the phrase tables: bounds the look-ahead.
pub const MAX_PHRASE_WORDS: usize = 8;

/// What a gazetteer knows a phrase as.
#[derive(Debug, Clone, Copy)]
pub enum Gaz {
    Org(OrgKind),
    Place(Place),
    Norp,
}

/// Every phrase table in one map (organisations over places over nationalities), so a
/// look-up costs one hash.
pub static GAZ: LazyLock<HashMap<String, Gaz>> = LazyLock::new(|| {
    let mut m: HashMap<String, Gaz> = HashMap::with_capacity_and_hasher(40_000, Default::default());
    for k in NORP.iter().chain(DEMONYMS.keys()) {
        m.insert(k.clone(), Gaz::Norp);
    }
    for (k, p) in PLACES.iter() {
        m.insert(k.clone(), Gaz::Place(*p));
    }
    for (k, o) in ORGS.iter() {
        m.insert(k.clone(), Gaz::Org(*o));
    }
    m
});

/// Every proper word prefix of a multi-word phrase in `GAZ` ("new", "new york" for "new york
/// stock exchange"), so a match grows word by word and stops at the first dead end.
pub static PREFIXES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut m: HashSet<String> = HashSet::default();
    for k in GAZ.keys() {
        for (i, c) in k.char_indices() {
            if c == ' ' || c == '-' {
                m.insert(k[..i].to_string());
            }
        }
    }
    m
});

/// Every word that ends a proper prefix of a key at a space, hyphen or ampersand and holds no
/// space ("new" for "new york", "guinea" for "guinea-bissau", "al" and "al-qaeda" for "al-qaeda
/// in iraq"): a phrase can only be in `GAZ` when its first word is one of these.
fn first_pieces(k: &str) -> impl Iterator<Item = &str> {
    k.char_indices()
        .take_while(|&(i, _)| !k[..i].contains(' '))
        .filter(|&(_, c)| matches!(c, ' ' | '-' | '&'))
        .map(|(i, _)| &k[..i])
}

/// The entity tables' words as lexicon flags (see `entities::lexicon_words`).
pub fn lexicon_words(b: &mut Builder) {
    for k in GAZ.keys() {
        if !k.contains(' ') {
            b.lower(k, flag::GAZETTEER);
        }
        for p in first_pieces(k) {
            b.lower(p, flag::GAZ_FIRST);
        }
    }
    for k in NORP.iter().chain(DEMONYMS.keys()) {
        b.lower(k, flag::DEMONYM);
    }
    for w in STOPWORDS.iter() {
        b.lower(w, flag::STOPWORD);
    }
    // Looked up lower-cased: an entry with a capital could never match.
    for w in COMMON.iter().filter(|w| !w.chars().any(char::is_uppercase)) {
        b.lower(w, flag::COMMON);
    }
    for w in HONORIFICS.iter() {
        b.exact(w, flag::HONORIFIC);
    }
    for w in TITLES_BY_FIRST.keys() {
        b.exact(w, flag::TITLE_WORD);
    }
    for w in ORG_CUES.iter() {
        b.exact(w, flag::ORG_CUE);
    }
    for w in LOC_CUES.iter() {
        b.exact(w, flag::LOC_CUE);
    }
}

/// Titles by their first word, longest first.
pub static TITLES_BY_FIRST: LazyLock<HashMap<&'static str, Vec<Vec<&'static str>>>> =
    LazyLock::new(|| {
        let mut m: HashMap<&str, Vec<Vec<&str>>> = HashMap::default();
        for t in TITLES.iter() {
            if let Some(f) = t.first() {
                m.entry(*f).or_default().push(t.clone());
            }
        }
        m
    });

/// The organisation name as written in `organisations.tsv` for a lower-cased key.
pub fn display_name(key: &str) -> Option<String> {
    crate::tables::entries(include_str!("../../data/entities/organisations.tsv"))
        .filter_map(|(_, l)| l.split_once('\t').map(|(n, _)| n.trim()))
        .find(|n| n.to_lowercase() == key)
        .map(str::to_string)
}

pub fn country_code(cc: Option<[u8; 2]>) -> Option<String> {
    cc.map(|c| String::from_utf8_lossy(&c).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        assert_eq!(PLACES.get("fallujah").and_then(|p| p.country), Some(*b"IQ"));
        assert_eq!(
            PLACES.get("britain").map(|p| p.kind),
            Some(PlaceKind::Country)
        );
        assert_eq!(DEMONYMS.get("iraqi"), Some(b"IQ"));
        assert_eq!(ORGS.get("reuters"), Some(&OrgKind::Agency));
        assert_eq!(ALIASES.get("un"), Some(&"United Nations"));
        assert!(NORP.contains("sunni"));
        assert!(COMMON.contains("shares") && !COMMON.contains("Baghdad"));
        assert!(STOPWORDS.contains("the"));
        assert!(is_honorific("Mr") && !is_honorific("Kerry"));
        assert!(honorifics().any(|h| h == "Grand Ayatollah"));
        assert!(ORG_CUES.contains("Ministry"));
        assert!(LOC_CUES.contains("Province"));
        assert!(TITLES.first().is_some_and(|t| t.len() >= 3));
        assert!(TITLES.iter().all(|t| t.len() <= MAX_PHRASE_WORDS));
    }

    #[test]
    fn first_pieces_of_keys() {
        let got: Vec<&str> = first_pieces("al-qaeda in iraq").collect();
        assert_eq!(got, vec!["al", "al-qaeda"]);
        assert_eq!(first_pieces("baghdad").count(), 0);
        let got: Vec<&str> = first_pieces("at&t").collect();
        assert_eq!(got, vec!["at"]);
    }

    #[test]
    fn flags_say_what_the_tables_say() {
        use crate::lexicon::VOCAB;
        let f = |w: &str| VOCAB.lookup(w, &w.to_lowercase()).flags;
        assert!(f("Baghdad") & flag::GAZETTEER != 0);
        assert!(f("new") & flag::GAZ_FIRST != 0 && f("new") & flag::GAZETTEER == 0);
        assert!(f("Ministry") & flag::ORG_CUE != 0 && f("ministry") & flag::ORG_CUE == 0);
        assert!(f("Province") & flag::LOC_CUE != 0);
        assert!(f("Mr") & flag::HONORIFIC != 0 && f("MR") & flag::HONORIFIC == 0);
        assert!(f("Secretary") & flag::TITLE_WORD != 0);
        assert!(f("the") & flag::STOPWORD != 0);
        assert!(f("shares") & flag::COMMON != 0);
        assert!(f("Iraqi") & flag::DEMONYM != 0);
    }
}
