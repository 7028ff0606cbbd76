//! The word lists in `data/quotes/`, loaded once, and what the document lexicon learns from
//! them: speech verbs, pronouns, nominal heads and the first words of cue phrases become
//! lexicon flags (`lexicon_words`); the quote stage's own word classes (function words, names
//! that are not names, ...) are keyed by the lexicon's table id (`entry_of`), so reading them
//! costs one array index per distinct word form of a document. Honorifics and first names are
//! shared tables (`crate::tables`).

use std::sync::LazyLock;

use crate::lexicon::{self, flag, VOCAB};
use crate::tables::{entries, pairs};
pub use crate::tables::{FastMap, FastSet};

/// Every inflected form of every speech verb, lower-cased, with whether it is a past form:
/// a derived "-ed" form, or a listed irregular form that is neither the lemma nor an
/// "-s"/"-ing" form ("said", "told", "wrote", "thought"). "Several said" is a verb where
/// "several claims" is a noun (`cues::verb_at`). The lexicon flags them `SPEECH_VERB` and
/// `SPEECH_PAST` (`lexicon_words`).
pub static SPEECH_VERBS: LazyLock<FastMap<String, bool>> = LazyLock::new(|| {
    let mut out: FastMap<String, bool> = FastMap::default();
    let mut add = |w: String, past: bool| *out.entry(w).or_insert(false) |= past;
    for (_, line) in entries(include_str!("../../data/quotes/speech_verbs.txt")) {
        let mut words = line.split_whitespace();
        let Some(lemma) = words.next() else { continue };
        let lemma = lemma.to_lowercase();
        for f in inflections(&lemma) {
            let past = f.ends_with('d');
            add(f, past);
        }
        for w in words.map(str::to_lowercase) {
            let past = w != lemma && !w.ends_with("ing") && !w.ends_with('s');
            add(w, past);
        }
        add(lemma, false);
    }
    out
});

/// Regular English inflections (-s, -ed, -ing). Over-generation is harmless: a form that is
/// not a word never matches.
fn inflections(lemma: &str) -> Vec<String> {
    let mut v = Vec::with_capacity(6);
    let last = lemma.chars().last().unwrap_or(' ');
    let sib = lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z');
    v.push(if sib {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    if last == 'e' {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{lemma}d"));
        v.push(format!("{stem}ing"));
    } else if last == 'y'
        && !lemma.ends_with("ay")
        && !lemma.ends_with("ey")
        && !lemma.ends_with("oy")
    {
        let stem = &lemma[..lemma.len() - 1];
        v.push(format!("{stem}ied"));
        v.push(format!("{stem}ies"));
        v.push(format!("{lemma}ing"));
    } else {
        v.push(format!("{lemma}ed"));
        v.push(format!("{lemma}ing"));
        // Short closed syllables double their consonant: "slam" -> "slammed".
        let b = lemma.as_bytes();
        let n = b.len();
        if n >= 3
            && is_cons(b[n - 1])
            && !is_vowel(b[n - 3])
            && is_vowel(b[n - 2])
            && !matches!(b[n - 1], b'w' | b'x' | b'y')
        {
            let c = b[n - 1] as char;
            v.push(format!("{lemma}{c}ed"));
            v.push(format!("{lemma}{c}ing"));
        }
    }
    v
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_cons(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// Multi-word cues as lower-case word sequences.
pub static CUE_PHRASES: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/cue_phrases.txt"))
        .map(|(_, l)| l.split_whitespace().map(|w| w.to_lowercase()).collect())
        .collect()
});

/// Subject pronoun -> 'M', 'F', 'P' (group) or 'S' (writer/first or second person).
pub static PRONOUNS: LazyLock<FastMap<String, char>> = LazyLock::new(|| {
    pairs(
        "quotes/pronouns.tsv",
        include_str!("../../data/quotes/pronouns.tsv"),
    )
    .unwrap_or_else(|e| panic!("bad rule table: {e}"))
    .into_iter()
    .filter_map(|(p, g)| g.chars().next().map(|g| (p.to_lowercase(), g)))
    .collect()
});

/// Capitalised words that never start a person's name (case-sensitive, title case).
pub static NOT_NAMES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/not_names.txt"))
        .map(|(_, l)| l.trim().to_string())
        .collect()
});

/// Every nominal head (`data/quotes/nominal_heads.txt`), lower-cased.
pub static NOMINAL_HEADS: LazyLock<FastSet<String>> =
    LazyLock::new(|| heads().map(|(w, _)| w).collect());

/// The heads that name an organisation or a document (kind `body` or `text`): "the
/// committee", "the report" never stand for a person.
pub static BODY_HEADS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    heads()
        .filter(|(_, k)| matches!(k.as_deref(), Some("body" | "text")))
        .map(|(w, _)| w)
        .collect()
});

/// (head, kind) of each line of `nominal_heads.txt`.
fn heads() -> impl Iterator<Item = (String, Option<String>)> {
    entries(include_str!("../../data/quotes/nominal_heads.txt")).map(|(_, l)| {
        let mut cols = l.split('\t');
        let w = cols.next().unwrap_or("").trim().to_lowercase();
        let kind = cols.next().map(|k| k.trim().to_lowercase());
        (w, kind)
    })
}

/// Lower-case word sequences that mark the quote after them as a scare quote or a name.
pub static SCARE_BEFORE: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/scare_before.txt"))
        .map(|(_, l)| l.split_whitespace().map(|w| w.to_lowercase()).collect())
        .collect()
});

pub static TITLE_BEFORE: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/quotes/title_before.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// The function-word classes of `data/quotes/word_classes.tsv`: (word, class bit).
static WORD_CLASSES: LazyLock<Vec<(String, u64)>> = LazyLock::new(|| {
    let file = "quotes/word_classes.tsv";
    pairs(file, include_str!("../../data/quotes/word_classes.tsv"))
        .unwrap_or_else(|e| panic!("bad rule table: {e}"))
        .into_iter()
        .map(|(w, c)| {
            let bit = match c {
                "aux" => class::AUX,
                "determiner" => class::DET,
                "stop" => class::STOP,
                "article" => class::ARTICLE,
                "particle" => class::PARTICLE,
                "verb" => VERB_BIT,
                _ => panic!("bad rule table: {file}: unknown class {c:?}"),
            };
            (w.to_lowercase(), bit)
        })
        .collect()
});

/// The quote stage's word classes of a lower-cased table word, keyed by the lexicon's table
/// id. Bits 0..32 of the word classes in `super::view::cls`.
pub mod class {
    pub const DET: u64 = 1 << 0;
    pub const STOP: u64 = 1 << 1;
    /// In the aux list (the -ly adverbs are added per form).
    pub const AUX: u64 = 1 << 2;
    pub const ARTICLE: u64 = 1 << 3;
    /// A name particle ("de", "van", "bin"), before checking the form is lower case.
    pub const PARTICLE: u64 = 1 << 4;
    /// A head noun with a plural "s" ("officials" for "official").
    pub const HEAD_PLURAL: u64 = 1 << 5;
    /// In `not_names.txt` lower-cased (the form must also be spelled as listed).
    pub const NOT_NAME: u64 = 1 << 6;
    pub const THAT: u64 = 1 << 7;
    /// "one", "two", "three": determiners that do not turn a following verb into a noun.
    pub const NUMERAL: u64 = 1 << 8;
    pub const OF: u64 = 1 << 9;
    pub const AND: u64 = 1 << 10;
    /// "who", "which": a relative pronoun standing for a name before it.
    pub const WHO: u64 = 1 << 11;
    pub const ACCORDING: u64 = 1 << 12;
    /// A form of "be" before a progressive ("is", "was", "been").
    pub const BE: u64 = 1 << 13;
    pub const THEY: u64 = 1 << 14;
    /// "the", "a", "an".
    pub const THE_A_AN: u64 = 1 << 15;
    /// The bits of this module.
    pub const ALL: u64 = (1 << 16) - 1;
}

/// A body or text head, or its plural (`BODY_HEADS`), kept in `Entry` above the genders.
const BODY_BIT: u64 = 1 << 40;
/// An auxiliary or modal verb (class `verb` of `word_classes.tsv`), kept in `Entry` too.
const VERB_BIT: u64 = 1 << 41;

/// Literal words some patterns name (kept with the patterns that read them).
const LITERALS: &[(&str, u64)] = &[
    ("that", class::THAT),
    ("one", class::NUMERAL),
    ("two", class::NUMERAL),
    ("three", class::NUMERAL),
    ("of", class::OF),
    ("and", class::AND),
    ("who", class::WHO),
    ("which", class::WHO),
    ("according", class::ACCORDING),
    ("is", class::BE),
    ("are", class::BE),
    ("was", class::BE),
    ("were", class::BE),
    ("been", class::BE),
    ("be", class::BE),
    ("they", class::THEY),
    ("the", class::THE_A_AN),
    ("a", class::THE_A_AN),
    ("an", class::THE_A_AN),
];

/// Every (lower-cased word, class) pair of the quote stage's own classes.
fn classes() -> impl Iterator<Item = (String, u64)> {
    let heads = NOMINAL_HEADS
        .iter()
        .map(|h| (format!("{h}s"), class::HEAD_PLURAL));
    let not_names = NOT_NAMES
        .iter()
        .map(|w| (w.to_lowercase(), class::NOT_NAME));
    let literals = LITERALS.iter().map(|&(w, c)| (w.to_string(), c));
    WORD_CLASSES
        .iter()
        .cloned()
        .chain(heads)
        .chain(not_names)
        .chain(literals)
}

/// Registers the words of the quote tables in the document lexicon: flags for speech verbs,
/// pronouns, nominal heads and cue-phrase first words, and an id for every word of the stage's
/// own classes (see `entry_of`).
pub fn lexicon_words(b: &mut lexicon::Builder) {
    for (w, &past) in SPEECH_VERBS.iter() {
        let f = if past { flag::SPEECH_PAST } else { 0 };
        b.lower(w, flag::SPEECH_VERB | f);
    }
    for w in PRONOUNS.keys() {
        b.lower(w, flag::PRONOUN);
    }
    for w in NOMINAL_HEADS.iter() {
        b.lower(w, flag::NOMINAL_HEAD);
    }
    b.first_words(
        CUE_PHRASES
            .iter()
            .filter_map(|p| p.first())
            .map(String::as_str),
        flag::CUE_FIRST,
    );
    for (w, _) in classes() {
        b.lower(&w, 0);
    }
}

/// Per lexicon table id: the stage's word classes (`class`, bits 0..16) and the genders the
/// tables give the lower-cased form (see `entry_of`).
static ENTRIES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut out = vec![0u64; VOCAB.len()];
    let mut add = |w: &str, bits: u64| {
        let lower = w.to_lowercase();
        if let Some(slot) = out.get_mut(VOCAB.lookup(w, &lower).id as usize) {
            *slot |= bits;
        }
    };
    for (w, c) in classes() {
        add(&w, c);
    }
    for (w, &g) in PRONOUNS.iter() {
        add(w, (g as u64) << PRONOUN_SHIFT);
    }
    for h in crate::tables::HONORIFICS.iter() {
        add(&h.title, (h.gender as u64) << HONORIFIC_SHIFT);
    }
    for (w, &g) in crate::tables::FIRST_NAMES.iter() {
        add(w, (g as u64) << FIRST_NAME_SHIFT);
    }
    for h in BODY_HEADS.iter() {
        add(h, BODY_BIT);
        add(&format!("{h}s"), BODY_BIT);
    }
    out
});

const PRONOUN_SHIFT: u32 = 16;
const HONORIFIC_SHIFT: u32 = 24;
const FIRST_NAME_SHIFT: u32 = 32;

/// What the quote stage's tables say about the lower-cased form with table id `id`
/// (`Lexeme::id`): its classes and genders. One array read per distinct form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry(u64);

impl Entry {
    pub fn classes(self) -> u64 {
        self.0 & class::ALL
    }
    fn gender(self, shift: u32) -> u8 {
        (self.0 >> shift) as u8
    }
    /// The pronoun's gender ('M', 'F', 'P', 'S'), 0 if not a pronoun.
    pub fn pronoun(self) -> u8 {
        self.gender(PRONOUN_SHIFT)
    }
    /// The gender of the honorific with this spelling ('M', 'F', '-'), 0 if none; the
    /// lexicon's case-sensitive `HONORIFIC` flag says whether the form is one.
    pub fn honorific(self) -> u8 {
        self.gender(HONORIFIC_SHIFT)
    }
    /// The first name's gender ('M', 'F', 'U'), 0 if not a first name.
    pub fn first_name(self) -> u8 {
        self.gender(FIRST_NAME_SHIFT)
    }
    /// A head naming an organisation or a document ("committee", "reports").
    pub fn body(self) -> bool {
        self.0 & BODY_BIT != 0
    }
    /// An auxiliary or modal verb ("would", "has").
    pub fn aux_verb(self) -> bool {
        self.0 & VERB_BIT != 0
    }
}

pub fn entry_of(id: u32) -> Entry {
    Entry(ENTRIES.get(id as usize).copied().unwrap_or(0))
}

/// Name particles ("de", "bin"), as listed.
static PARTICLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    WORD_CLASSES
        .iter()
        .filter(|(_, c)| *c == class::PARTICLE)
        .map(|(w, _)| w.as_str())
        .collect()
});

/// Whether `word` (as written) is a name particle ("de", "bin").
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

pub fn pronoun(word: &str) -> Option<char> {
    if word.len() > 4 {
        return None;
    }
    let mut buf = [0u8; 4];
    if word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        return std::str::from_utf8(b)
            .ok()
            .and_then(|l| PRONOUNS.get(l).copied());
    }
    PRONOUNS.get(&word.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_speech_verb(w: &str) -> bool {
        VOCAB.lookup(w, &w.to_lowercase()).flags & flag::SPEECH_VERB != 0
    }

    #[test]
    fn verbs_inflect() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "warned",
            "insisted",
            "acknowledged",
            "tweeted",
            "slammed",
            "denied",
            "noting",
            "wrote",
            "Said",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        assert!(!is_speech_verb("table"));
    }

    #[test]
    fn small_tables_load() {
        assert_eq!(pronoun("She"), Some('F'));
        assert_eq!(pronoun("spokesman"), None);
        assert!(NOT_NAMES.contains("However"));
        assert!(NOMINAL_HEADS.contains("spokesman"));
        assert!(CUE_PHRASES.iter().any(|p| p == &["according", "to"]));
        assert!(is_particle("bin") && !is_particle("Bin"));
    }

    #[test]
    fn classes_by_table_id() {
        let id = |w: &str| VOCAB.lookup(w, w).id;
        let class_of = |id: u32| entry_of(id).classes();
        assert_ne!(class_of(id("the")) & class::DET, 0);
        assert_ne!(class_of(id("the")) & class::THE_A_AN, 0);
        assert_ne!(class_of(id("officials")) & class::HEAD_PLURAL, 0);
        assert_ne!(class_of(id("however")) & class::NOT_NAME, 0);
        assert_eq!(class_of(id("zzzq")), 0);
        assert_eq!(class_of(u32::MAX), 0);
        assert_eq!(entry_of(id("she")).pronoun(), b'F');
        assert_eq!(entry_of(id("mrs")).honorific(), b'F');
        assert_eq!(entry_of(id("john")).first_name(), b'M');
        assert_eq!(entry_of(id("table")), Entry::default());
    }

    #[test]
    fn tables_fit_their_lookups() {
        // `view` matches not-names as written through their lower-cased id and the form's
        // title case, and honorific genders through the lower-cased id: both need these.
        for w in NOT_NAMES.iter() {
            let shape = crate::lexicon::shape(w);
            assert!(w.is_ascii() && shape & flag::TITLE != 0, "{w}");
        }
        let mut seen = FastSet::default();
        for h in crate::tables::HONORIFICS.iter() {
            assert!(seen.insert(h.title.to_lowercase()), "{}", h.title);
        }
    }
}
