//! The lexicon: what every extractor wants to know about a word form, computed once per
//! distinct form of a document and read as bit tests (spaCy's lexeme attributes, in small).
//!
//! Two kinds of flags live in one `u64`:
//! * **shape** flags, from the form itself: word / number / punctuation, case pattern, digits;
//! * **membership** flags, from the rule tables in `data/`: month, weekday, speech verb, first
//!   name, date trigger, ... A word is looked up in all tables at once: the global [`Vocab`]
//!   maps each lower-cased table word (and each case-sensitive table word) to the union of its
//!   flags, built on first use from every module's tables (see [`Vocab::build`]).
//!
//! Tables keep their payloads (a month's number, a verb's class) where they are loaded; the
//! flags say whether a lookup can succeed, so extractors only look up what can match and skip
//! sentences whose flags hold none of their triggers (`Tokens::sentence_flags`).

use std::sync::LazyLock;

use crate::tables::FastMap;

/// A set of lexicon flags (see [`flag`]).
pub type Flags = u64;

/// The flag bits. Shape flags come from the form, membership flags from the tables.
pub mod flag {
    use super::Flags;

    // Shape: exactly one of WORD, NUMBER, PUNCT.
    /// Starts with a letter (or a digit that is not ASCII).
    pub const WORD: Flags = 1 << 0;
    /// Starts with an ASCII digit ("7,818", "8bn", "1990s").
    pub const NUMBER: Flags = 1 << 1;
    /// A single character that is neither letter nor digit.
    pub const PUNCT: Flags = 1 << 2;
    /// First character upper-case ("Iraq", "US", "McCain").
    pub const UPPER_FIRST: Flags = 1 << 3;
    /// Has letters, none of them lower-case ("US", "NATO", "U.S").
    pub const ALL_UPPER: Flags = 1 << 4;
    /// Has letters, all lower-case.
    pub const LOWER: Flags = 1 << 5;
    /// Upper-case first letter and no other upper-case letter ("Iraq", "Al-qaeda").
    pub const TITLE: Flags = 1 << 6;
    /// Contains an ASCII digit.
    pub const HAS_DIGIT: Flags = 1 << 7;
    /// Every character a letter.
    pub const ALPHA: Flags = 1 << 8;
    /// A quotation mark of any kind (straight, curly, guillemet, prime, backtick).
    pub const QUOTE_MARK: Flags = 1 << 9;
    /// Ends with a possessive "'s", "’s", "s'" or "s’" (and is longer than it).
    pub const POSSESSIVE: Flags = 1 << 10;
    /// Sentence-final punctuation: `.`, `!`, `?`, `…`.
    pub const TERMINAL: Flags = 1 << 11;
    /// Has a letter outside ASCII.
    pub const NON_ASCII: Flags = 1 << 12;
    /// An upper-case letter after the first character ("McCain", "al-Abadi", "NATO").
    pub const INNER_UPPER: Flags = 1 << 15;

    /// The shape bits.
    pub const SHAPE: Flags = (1 << 16) - 1;

    // Membership (bits 16..64), from `data/` tables. Lower-cased lookups unless said otherwise.
    /// `data/text/months.tsv` ("january", "sept").
    pub const MONTH: Flags = 1 << 16;
    /// `data/text/weekdays.tsv`.
    pub const WEEKDAY: Flags = 1 << 17;
    /// `data/text/timezones.tsv`, case-sensitive ("GMT", "EDT").
    pub const TIMEZONE: Flags = 1 << 18;
    /// `data/text/abbreviations.txt`, case-sensitive, without the period ("Mr", "Gen").
    pub const ABBREVIATION: Flags = 1 << 19;
    /// A word that can start or anchor a temporal expression (the dates grammar's triggers:
    /// months, weekdays, units, number words, relative words, first words of phrases).
    pub const DATE_TRIGGER: Flags = 1 << 20;
    /// A speech or attribution verb form ("said", "tells", "slammed"; `data/quotes/speech_verbs.txt`
    /// with its regular inflections).
    pub const SPEECH_VERB: Flags = 1 << 21;
    /// A personal pronoun a quote can be attributed to (`data/quotes/pronouns.tsv`).
    pub const PRONOUN: Flags = 1 << 22;
    /// An honorific, case-sensitive ("Mr", "Mrs", "Dr", "Sen"): every single-word row of
    /// `data/text/honorifics.tsv`, courtesy titles and ranks (`tables::honorific` says which).
    pub const HONORIFIC: Flags = 1 << 23;
    /// The first word of a job title ("president", "minister", "chief").
    pub const TITLE_WORD: Flags = 1 << 24;
    /// A given name (`data/entities/first_names.tsv`; `tables::first_name_gender`).
    pub const FIRST_NAME: Flags = 1 << 25;
    /// A common surname (`data/entities/surnames.txt`).
    pub const SURNAME: Flags = 1 << 26;
    /// The first word of a gazetteer entry (place, organisation, alias, demonym).
    pub const GAZ_FIRST: Flags = 1 << 27;
    /// A number word or scale ("seven", "dozen", "million", "bn").
    pub const NUMBER_WORD: Flags = 1 << 28;
    /// A currency word, code or symbol ("dollars", "usd", "$", "£").
    pub const CURRENCY: Flags = 1 << 29;
    /// A unit of measure ("km", "tonnes", "per").
    pub const UNIT: Flags = 1 << 30;
    /// The first word of an event-count trigger ("killed", "arrested").
    pub const COUNT_TRIGGER: Flags = 1 << 31;
    /// A stop word (`data/entities/stopwords.txt`).
    pub const STOPWORD: Flags = 1 << 32;
    /// A common English word that is not a name when capitalised at a sentence start.
    pub const COMMON: Flags = 1 << 33;
    /// A demonym or nationality ("Iraqi", "Americans").
    pub const DEMONYM: Flags = 1 << 34;
    /// The head of a nominal speaker ("spokesman", "official", "newspaper";
    /// `data/quotes/nominal_heads.txt`).
    pub const NOMINAL_HEAD: Flags = 1 << 35;
    /// The first word of a multi-word quote cue ("according to", "pointed out";
    /// `data/quotes/cue_phrases.txt`).
    pub const CUE_FIRST: Flags = 1 << 36;
    /// Anything that can start an amount besides digits (number words, fractions, "a", "an").
    pub const AMOUNT_TRIGGER: Flags = 1 << 37;
    /// An English function word (`data/text/function_words.txt`): no key phrase starts or
    /// ends with one, and summaries do not count them as content.
    pub const FUNCTION: Flags = 1 << 38;
    /// A word the tone scorer reads: a sentiment word, negator, intensifier, activity word or
    /// first-person pronoun (`tone::lexicon_words`; payload by lexeme id in `tone`).
    pub const TONE_CUE: Flags = 1 << 39;
    /// A past form of a speech verb ("said", "added", "wrote"; `quotes::lexicon_words`).
    pub const SPEECH_PAST: Flags = 1 << 40;
    // Bits 41..60 are free: add a constant here and register its words in `Vocab::build`.
    // The entities stage takes its bits from the top down (63, 62, ...).
    /// A whole one-word gazetteer entry (place, organisation, demonym, NORP), lower-cased.
    pub const GAZETTEER: Flags = 1 << 63;
    /// A last word that makes a capitalised phrase an organisation ("Ministry", "Inc"),
    /// case-sensitive (`data/entities/org_cues.txt`).
    pub const ORG_CUE: Flags = 1 << 62;
    /// A last word that makes a capitalised phrase a place ("Province", "River"),
    /// case-sensitive (`data/entities/loc_cues.txt`).
    pub const LOC_CUE: Flags = 1 << 61;
    /// A word a cited source's clause turns on ("sources", "media", "agency", "according",
    /// the last word of a news agency's or outlet's name).
    pub const SOURCE_CUE: Flags = 1 << 60;
}

/// What the tables say about one word form: the union of its flags, and an id shared by every
/// form with the same lower-case spelling in the tables (for payload lookups by id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: u32,
    pub flags: Flags,
}

/// A lower-cased spelling's entry, with its case-sensitive variants ("EDT", "Mr") apart.
#[derive(Debug, Clone, Copy)]
struct Slot {
    id: u32,
    flags: Flags,
    /// Range of `Vocab::exact` holding this spelling's case-sensitive entries.
    exact: (u32, u32),
}

/// Every table word, lower-cased, with its flags; case-sensitive entries hang off their
/// lower-cased spelling, so one hash look-up answers both.
pub struct Vocab {
    lower: FastMap<Box<str>, Slot>,
    exact: Vec<(Box<str>, Flags)>,
}

/// Builds the vocabulary: each module adds the words of its tables with their flags.
#[derive(Default)]
pub struct Builder {
    lower: FastMap<String, Flags>,
    exact: FastMap<String, Flags>,
}

impl Builder {
    /// Adds `flags` to the lower-cased form of `word`. With no flags, the word still gets an
    /// id (`Entry::id`): a module can key its own word classes by it.
    pub fn lower(&mut self, word: &str, flags: Flags) {
        *self.lower.entry(word.to_lowercase()).or_insert(0) |= flags;
    }

    /// Adds `flags` to the lower-cased form of `word` as written and, when it has a straight
    /// apostrophe ("didn't"), to its typographic spelling ("didn’t") too.
    pub fn lower_any_apostrophe(&mut self, word: &str, flags: Flags) {
        self.lower(word, flags);
        if word.contains('\'') {
            self.lower(&word.replace('\'', "’"), flags);
        }
    }

    /// Adds `flags` to the exact (case-sensitive) form `word`.
    pub fn exact(&mut self, word: &str, flags: Flags) {
        *self.exact.entry(word.to_string()).or_insert(0) |= flags;
    }

    /// Adds `flags` to the first word of every phrase (words split on spaces).
    pub fn first_words<'a>(&mut self, phrases: impl IntoIterator<Item = &'a str>, flags: Flags) {
        for p in phrases {
            if let Some(w) = p.split(' ').find(|w| !w.is_empty()) {
                self.lower(w, flags);
            }
        }
    }

    fn finish(self) -> Vocab {
        // Ids in sorted order, so they do not depend on hashing.
        let mut keys: Vec<String> = self.lower.keys().cloned().collect();
        for w in self.exact.keys() {
            let l = w.to_lowercase();
            if !self.lower.contains_key(&l) {
                keys.push(l);
            }
        }
        keys.sort();
        keys.dedup();
        let mut exact_by_lower: FastMap<String, Vec<(&String, Flags)>> = FastMap::default();
        for (w, f) in &self.exact {
            exact_by_lower
                .entry(w.to_lowercase())
                .or_default()
                .push((w, *f));
        }
        let mut v = Vocab {
            lower: FastMap::default(),
            exact: Vec::new(),
        };
        for (id, k) in keys.into_iter().enumerate() {
            let a = v.exact.len() as u32;
            if let Some(list) = exact_by_lower.get_mut(&k) {
                list.sort();
                v.exact
                    .extend(list.iter().map(|(w, f)| (w.as_str().into(), *f)));
            }
            let slot = Slot {
                id: id as u32,
                flags: self.lower.get(&k).copied().unwrap_or(0),
                exact: (a, v.exact.len() as u32),
            };
            v.lower.insert(k.into_boxed_str(), slot);
        }
        v
    }
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(Vocab::build);

impl Vocab {
    /// One pass over every table: the shared text tables here, then each extractor's.
    pub fn build() -> Vocab {
        let mut b = Builder::default();
        use crate::tables;
        for w in tables::MONTHS.keys() {
            b.lower(w, flag::MONTH);
        }
        for w in tables::WEEKDAYS.keys() {
            b.lower(w, flag::WEEKDAY);
        }
        for w in tables::TIMEZONES.keys() {
            b.exact(w, flag::TIMEZONE);
        }
        for w in tables::ABBREVIATIONS.iter() {
            b.exact(w, flag::ABBREVIATION);
        }
        // Shared person tables (`tables::honorific`, `tables::first_name_gender` give the rows).
        for h in tables::HONORIFICS.iter().filter(|h| !h.title.contains(' ')) {
            b.exact(&h.title, flag::HONORIFIC);
        }
        for w in tables::FIRST_NAMES.keys() {
            b.lower(w, flag::FIRST_NAME);
        }
        for w in tables::FUNCTION_WORDS.iter() {
            b.lower_any_apostrophe(w, flag::FUNCTION);
        }
        crate::dates::lexicon_words(&mut b);
        crate::numbers::lexicon_words(&mut b);
        crate::quotes::lexicon_words(&mut b);
        crate::tone::lexicon_words(&mut b);
        crate::idf::lexicon_words(&mut b);
        crate::entities::lexicon_words(&mut b);
        b.finish()
    }

    /// The table entry of a form: its lower-cased spelling's entry, plus the flags of the
    /// exact form. `lower` must be `orth` lower-cased.
    pub fn lookup(&self, orth: &str, lower: &str) -> Entry {
        let Some(slot) = self.lower.get(lower) else {
            return Entry {
                id: u32::MAX,
                flags: 0,
            };
        };
        let mut flags = slot.flags;
        let (a, b) = slot.exact;
        for (w, f) in &self.exact[a as usize..b as usize] {
            if &**w == orth {
                flags |= f;
            }
        }
        Entry { id: slot.id, flags }
    }

    /// Flags of a lower-cased form alone (no shape, no case-sensitive entries).
    pub fn flags_of(&self, lower: &str) -> Flags {
        self.lower.get(lower).map_or(0, |e| e.flags)
    }

    /// Number of distinct lower-cased table words.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }
}

/// Quotation marks (the `QUOTE_MARK` flag).
pub const QUOTE_MARKS: &[char] = &[
    '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‟', '‚', '‹', '›', '`', '″', '′',
];

/// The shape flags of a token's text.
pub fn shape(s: &str) -> Flags {
    if s.is_ascii() {
        return shape_ascii(s.as_bytes());
    }
    shape_chars(s)
}

fn shape_chars(s: &str) -> Flags {
    let mut f = 0;
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return 0;
    };
    if first.is_ascii_digit() {
        f |= flag::NUMBER;
    } else if first.is_alphanumeric() {
        f |= flag::WORD;
    } else {
        f |= flag::PUNCT;
        if QUOTE_MARKS.contains(&first) {
            f |= flag::QUOTE_MARK;
        }
        if matches!(first, '.' | '!' | '?' | '…') {
            f |= flag::TERMINAL;
        }
        return f;
    }
    if first.is_uppercase() {
        f |= flag::UPPER_FIRST;
    }
    let (mut upper, mut lower, mut digit, mut alpha, mut rest_upper, mut non_ascii) =
        (0u32, 0u32, false, true, false, false);
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            rest_upper |= i > 0;
        } else if c.is_lowercase() {
            lower += 1;
        }
        digit |= c.is_ascii_digit();
        alpha &= c.is_alphabetic();
        non_ascii |= !c.is_ascii() && c.is_alphabetic();
    }
    if upper + lower > 0 {
        if lower == 0 {
            f |= flag::ALL_UPPER;
        }
        if upper == 0 {
            f |= flag::LOWER;
        }
    }
    if first.is_uppercase() && !rest_upper {
        f |= flag::TITLE;
    }
    if rest_upper {
        f |= flag::INNER_UPPER;
    }
    if digit {
        f |= flag::HAS_DIGIT;
    }
    if alpha {
        f |= flag::ALPHA;
    }
    if non_ascii {
        f |= flag::NON_ASCII;
    }
    f
}

fn shape_ascii(b: &[u8]) -> Flags {
    let Some(&first) = b.first() else {
        return 0;
    };
    let mut f = if first.is_ascii_digit() {
        flag::NUMBER
    } else if first.is_ascii_alphabetic() {
        flag::WORD
    } else {
        let mut f = flag::PUNCT;
        if QUOTE_MARKS.contains(&(first as char)) {
            f |= flag::QUOTE_MARK;
        }
        if matches!(first, b'.' | b'!' | b'?') {
            f |= flag::TERMINAL;
        }
        return f;
    };
    let (mut upper, mut lower, mut digit, mut alpha) = (0u32, 0u32, false, true);
    for &c in &b[1..] {
        upper += c.is_ascii_uppercase() as u32;
        lower += c.is_ascii_lowercase() as u32;
        digit |= c.is_ascii_digit();
        alpha &= c.is_ascii_alphabetic();
    }
    let rest_upper = upper > 0;
    upper += first.is_ascii_uppercase() as u32;
    lower += first.is_ascii_lowercase() as u32;
    digit |= first.is_ascii_digit();
    alpha &= first.is_ascii_alphabetic();
    if first.is_ascii_uppercase() {
        f |= flag::UPPER_FIRST;
        if !rest_upper {
            f |= flag::TITLE;
        }
    }
    if rest_upper {
        f |= flag::INNER_UPPER;
    }
    if upper + lower > 0 {
        if lower == 0 {
            f |= flag::ALL_UPPER;
        }
        if upper == 0 {
            f |= flag::LOWER;
        }
    }
    if digit {
        f |= flag::HAS_DIGIT;
    }
    if alpha {
        f |= flag::ALPHA;
    }
    f
}

/// Byte length of the possessive ending of a lower-cased form ("'s", "’s" or the apostrophe of
/// "s'"/"s’"), 0 when it has none; the form must be longer than the ending plus one.
pub fn possessive_len(low: &str) -> usize {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .find(|p| low.len() > p.len() + 1 && low.ends_with(*p))
        .map_or(0, |p| {
            if p.starts_with('s') {
                p.len() - 1
            } else {
                p.len()
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        use flag::*;
        assert_eq!(shape("Iraq") & SHAPE, WORD | UPPER_FIRST | TITLE | ALPHA);
        assert_eq!(
            shape("NATO") & SHAPE,
            WORD | UPPER_FIRST | ALL_UPPER | ALPHA | INNER_UPPER
        );
        assert_eq!(
            shape("U.S") & SHAPE,
            WORD | UPPER_FIRST | ALL_UPPER | INNER_UPPER
        );
        assert_eq!(shape("al-Abadi") & SHAPE, WORD | INNER_UPPER);
        assert_eq!(shape("said") & SHAPE, WORD | LOWER | ALPHA);
        assert_eq!(shape("8bn") & SHAPE, NUMBER | LOWER | HAS_DIGIT);
        assert_eq!(shape("“"), PUNCT | QUOTE_MARK);
        assert_eq!(shape("?"), PUNCT | TERMINAL);
        assert_eq!(shape("Zürich") & NON_ASCII, NON_ASCII);
        assert_eq!(shape(""), 0);
    }

    #[test]
    fn ascii_shapes_match_the_general_rule() {
        for w in [
            "Iraq", "NATO", "U.S", "said", "8bn", "McCain", "a1B", "'", "?", "x", "X", "7", "AT&T",
            "1990s", "iPhone", "\"", "`", "-",
        ] {
            assert_eq!(shape_ascii(w.as_bytes()), shape_chars(w), "{w}");
        }
    }

    #[test]
    fn one_lookup_gives_every_table() {
        let v = &*VOCAB;
        assert!(v.len() > 100);
        let e = v.lookup("May", "may");
        assert!(e.flags & flag::MONTH != 0 && e.flags & flag::DATE_TRIGGER != 0);
        assert!(v.lookup("EDT", "edt").flags & flag::TIMEZONE != 0);
        assert!(v.lookup("edt", "edt").flags & flag::TIMEZONE == 0);
        assert!(v.lookup("Mr", "mr").flags & flag::ABBREVIATION != 0);
        assert_eq!(v.lookup("zzzq", "zzzq").flags, 0);
        // Same lower-case spelling, same id.
        assert_eq!(v.lookup("May", "may").id, v.lookup("MAY", "may").id);
    }

    #[test]
    fn possessives() {
        assert_eq!(possessive_len("iraq's"), 2);
        assert_eq!(possessive_len("year’s"), "’s".len());
        assert_eq!(possessive_len("states'"), 1);
        assert_eq!(possessive_len("'s"), 0);
        assert_eq!(possessive_len("is"), 0);
    }
}
