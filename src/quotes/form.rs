//! The quote stage's word classes of one distinct word form, computed once per document from
//! the lexicon's flags and table id (`lexicon::entry_of`) and the form's own first character
//! and endings.

use super::lexicon::{self, class, NOT_NAMES};
use crate::lexicon::flag;
use crate::stream::Lexeme;

/// Word classes of a unit. Bits 0..16 are the lower-cased form's classes (`lexicon::class`).
pub mod cls {
    pub use super::super::lexicon::class::*;
    /// A word or number (anything but punctuation and quotes).
    pub const WORD: u64 = 1 << 16;
    /// First character upper-case.
    pub const UPPER: u64 = 1 << 17;
    /// First character lower-case.
    pub const LOWER: u64 = 1 << 18;
    /// First byte an ASCII letter.
    pub const ASCII_ALPHA: u64 = 1 << 19;
    /// First byte an ASCII upper-case letter.
    pub const ASCII_UPPER: u64 = 1 << 20;
    /// A speech verb form (`data/quotes/speech_verbs.txt`).
    pub const SPEECH: u64 = 1 << 21;
    /// The first word of a cue phrase ("according", "pointed").
    pub const CUE_FIRST: u64 = 1 << 22;
    /// May stand between a speaker and a verb: lower-case, in the aux list or an -ly adverb.
    pub const AUX_WORD: u64 = 1 << 23;
    /// A nominal head or its plural ("spokesman", "officials").
    pub const HEAD: u64 = 1 << 24;
    /// A nominal head as listed (a role: "the secretary").
    pub const ROLE: u64 = 1 << 25;
    /// Ends with "'s" or "’s".
    pub const POSS: u64 = 1 << 26;
    /// Ends with "s'".
    pub const POSS_PLURAL: u64 = 1 << 27;
    /// Ends with "ing" (any case).
    pub const ING: u64 = 1 << 28;
    /// Can be part of a capitalised name (`people::name_token`).
    pub const NAME: u64 = 1 << 29;
    /// A name particle as written ("de", "bin").
    pub const PARTICLE_W: u64 = 1 << 30;
    /// A pronoun as written ("he", "She"; not "He's").
    pub const PRONOUN_W: u64 = 1 << 31;
    /// "I", or "I" with a contraction ("I'd").
    pub const PRON_I: u64 = 1 << 32;
    /// "the" in any ASCII case.
    pub const THE: u64 = 1 << 33;
    /// An honorific (gender in `Tok::hon`).
    pub const HONORIFIC: u64 = 1 << 34;
    /// The name part ("Kerry" of "Kerry's") is a suffix (Jr, Sr, II, III) or empty.
    pub const SUFFIX: u64 = 1 << 35;
    /// The name part starts with an upper-case letter.
    pub const NAME_UPPER: u64 = 1 << 36;
    /// The name part is a name particle.
    pub const NAME_PARTICLE: u64 = 1 << 37;
    /// A word with its period ("Mr.", "J.").
    pub const DOTTED: u64 = 1 << 38;
    /// One upper-case letter (an initial).
    pub const INITIAL: u64 = 1 << 39;
    /// A stop word as written (all lower case).
    pub const STOP_W: u64 = 1 << 40;
    /// Listed in `not_names.txt` as written.
    pub const NOT_NAME_W: u64 = 1 << 41;
    /// The whole form (without possessive stripping) is a suffix: for "Jr." with its period.
    pub const SUFFIX_FULL: u64 = 1 << 42;
    /// An ordinary English word (`data/entities/common_words.txt`) that is no first name or
    /// surname: capitalised at a sentence start ("Police said") it names no one by itself.
    pub const COMMON_W: u64 = 1 << 43;
    /// A place in the entity gazetteer that is no organisation ("Kenya", "Japan").
    pub const PLACE_W: u64 = 1 << 44;
    /// "from" or "by": a name after them is a statement's author ("a letter from Smith").
    pub const FROM_BY: u64 = 1 << 45;
    /// A weekday name: may stand between a speaker and the verb ("Priebus Thursday told").
    pub const WEEKDAY: u64 = 1 << 46;
    /// A head naming an organisation or a document ("committee", "firm", "report"; kind `body`
    /// or `text` in `nominal_heads.txt`): never a person's role.
    pub const BODY: u64 = 1 << 47;
    /// A demonym or group name ("Christians", "Iraqi"), or a compound opening with one
    /// ("Indian-style", "Syrian-born"): a group or a description, never one speaker.
    pub const DEMONYM_W: u64 = 1 << 48;
    /// A word that makes a name an organisation: an organisation cue as written ("Ministry",
    /// "Committee", "Inc") or a one-word organisation of the entity gazetteer.
    pub const ORG_W: u64 = 1 << 49;
    /// Two or more letters, all upper case ("BBC", "NATO").
    pub const ALL_CAPS: u64 = 1 << 50;
    /// An auxiliary or modal verb ("would", "has", "will") or a form of "be", in lower case:
    /// a speaker phrase ends before it.
    pub const MODAL: u64 = 1 << 51;
    /// A past form of a speech verb ("said", "added", "wrote": lexicon flag `SPEECH_PAST`).
    pub const SPEECH_PAST: u64 = 1 << 52;
    /// Form-only bits, never on a unit: the name part is not the whole form (it is in
    /// `Forms::parts`), the form is punctuation, an abbreviation (it keeps its period), and its
    /// classes are computed.
    pub const PART: u64 = 1 << 60;
    pub const PUNCT_FORM: u64 = 1 << 61;
    pub const ABBREVIATION: u64 = 1 << 62;
    pub const DONE: u64 = 1 << 63;
    pub const FORM_ONLY: u64 = PART | PUNCT_FORM | ABBREVIATION | DONE;

    /// What a word with its period keeps of its form's classes.
    pub const KEPT_WITH_PERIOD: u64 =
        WORD | UPPER | LOWER | ASCII_ALPHA | ASCII_UPPER | HONORIFIC | ROLE;
}

/// What every unit of a form needs (16 bytes, read for each token).
#[derive(Debug, Clone, Copy, Default)]
pub struct Hot {
    pub bits: u64,
    /// The character of a punctuation form.
    pub c: char,
    pub pron: u8,
    pub hon: u8,
    /// First-name gender of the name part, and of the whole form.
    pub first: u8,
    pub first_full: u8,
}

/// The name part of a form whose part is not the whole form ("Kerry" of "Kerry's").
#[derive(Debug, Clone)]
pub struct Part {
    /// Its byte length.
    pub len: u32,
    /// Lower-cased, when that is not a prefix of the form's lower-cased spelling.
    pub key: Option<Box<str>>,
}

fn suffix(w: &[u8]) -> bool {
    matches!(w, b"Jr" | b"Sr" | b"II" | b"III")
}

/// The classes of a punctuation form.
pub fn punct(orth: &str) -> Hot {
    Hot {
        bits: cls::DONE | cls::PUNCT_FORM,
        c: orth.chars().next().unwrap_or(' '),
        ..Hot::default()
    }
}

/// The classes of a word form `orth` (lexeme `lx`, lower-cased `lower`), with its name part
/// when that is not the whole form.
pub fn word(orth: &str, lx: &Lexeme, lower: &str) -> (Hot, Option<Part>) {
    let f = lx.flags;
    let bytes = orth.as_bytes();
    let Some(&b0) = bytes.first() else {
        return (Hot::default(), None);
    };
    if lx.id == u32::MAX && f & flag::ALPHA != 0 && f & flag::NON_ASCII == 0 {
        return (ascii_word(bytes), None);
    }
    let lb = lower.as_bytes();
    let (upper, low, one) = if b0 < 0x80 {
        (
            b0.is_ascii_uppercase(),
            b0.is_ascii_lowercase(),
            bytes.len() == 1,
        )
    } else {
        let c = orth.chars().next().unwrap_or(' ');
        (
            c.is_uppercase(),
            c.is_lowercase(),
            orth.len() == c.len_utf8(),
        )
    };
    let mut bits = cls::DONE | cls::WORD;
    if b0.is_ascii_alphabetic() {
        bits |= cls::ASCII_ALPHA;
    }
    if b0.is_ascii_uppercase() {
        bits |= cls::ASCII_UPPER;
    }
    if upper {
        bits |= cls::UPPER | cls::NAME_UPPER;
        if one {
            bits |= cls::INITIAL;
        }
        if suffix(bytes) {
            bits |= cls::SUFFIX_FULL;
        }
    }
    if low {
        bits |= cls::LOWER;
        if lb.len() > 4 && lb.ends_with(b"ly") {
            bits |= cls::AUX_WORD;
        }
    }
    if lb.ends_with(b"ing") {
        bits |= cls::ING;
    }
    if f & flag::ABBREVIATION != 0 {
        bits |= cls::ABBREVIATION;
    }
    // What the tables say: only a form with a table id can be in one.
    let mut hot = Hot::default();
    let (mut not_name, mut title_case_verb) = (false, false);
    if lx.id != u32::MAX {
        let entry = lexicon::entry_of(lx.id);
        let class = entry.classes();
        bits |= class;
        if f & flag::SPEECH_VERB != 0 && orth.len() <= 16 {
            bits |= cls::SPEECH;
            let past = f & flag::SPEECH_PAST != 0;
            if past {
                bits |= cls::SPEECH_PAST;
            }
            // "Obama Says ...": in a title-case headline an inflected speech verb ends a name,
            // unless the form is also a first name ("Sung Won Sohn", "Sang").
            title_case_verb = orth.len() > 3
                && f & flag::FIRST_NAME == 0
                && (past || bytes.ends_with(b"s") || bytes.ends_with(b"ing"));
        }
        if f & flag::CUE_FIRST != 0 {
            bits |= cls::CUE_FIRST;
        }
        if f & flag::COMMON != 0 && f & (flag::FIRST_NAME | flag::SURNAME) == 0 {
            bits |= cls::COMMON_W;
        }
        if f & flag::GAZETTEER != 0 && crate::entities::is_place_word(lower) {
            bits |= cls::PLACE_W;
        }
        if f & flag::WEEKDAY != 0 && upper {
            bits |= cls::WEEKDAY;
        }
        if entry.body() {
            bits |= cls::BODY;
        }
        if low && (entry.aux_verb() || class & class::BE != 0) {
            bits |= cls::MODAL;
        }
        if f & flag::DEMONYM != 0 {
            bits |= cls::DEMONYM_W;
        }
        if f & flag::ORG_CUE != 0 || f & flag::GAZETTEER != 0 && crate::entities::is_org_word(lower)
        {
            bits |= cls::ORG_W;
        }
        if matches!(lower, "from" | "by") {
            bits |= cls::FROM_BY;
        }
        if low && class & class::AUX != 0 {
            bits |= cls::AUX_WORD;
        }
        if f & flag::NOMINAL_HEAD != 0 {
            bits |= cls::HEAD | cls::ROLE;
        }
        if class & class::HEAD_PLURAL != 0 {
            bits |= cls::HEAD;
        }
        if class & (class::PARTICLE | class::STOP) != 0 && orth == lower {
            if class & class::PARTICLE != 0 {
                bits |= cls::PARTICLE_W;
            }
            if class & class::STOP != 0 {
                bits |= cls::STOP_W;
            }
        }
        if f & flag::PRONOUN != 0 && orth.len() <= 4 {
            bits |= cls::PRONOUN_W;
            hot.pron = entry.pronoun();
        }
        if class & class::THE_A_AN != 0 && orth.eq_ignore_ascii_case("the") {
            bits |= cls::THE;
        }
        if f & flag::HONORIFIC != 0 {
            hot.hon = entry.honorific();
        }
        if hot.hon != 0 {
            bits |= cls::HONORIFIC;
        }
        // Listed in title case (a test holds the table to it): an ASCII form matches when its
        // lower-cased form does and it is in title case.
        not_name = class & class::NOT_NAME != 0
            && if orth.is_ascii() {
                f & flag::TITLE != 0
            } else {
                NOT_NAMES.contains(orth)
            };
        if not_name {
            bits |= cls::NOT_NAME_W;
        }
        if f & flag::FIRST_NAME != 0 {
            hot.first_full = entry.first_name();
        }
        if orth == "I" {
            bits |= cls::PRON_I;
        }
    }
    // "Indian-style", "Syrian-born": a compound opening with a demonym.
    if upper && f & flag::ALPHA == 0 {
        if let Some((head, _)) = orth.split_once('-') {
            let l = head.to_lowercase();
            if crate::lexicon::VOCAB.lookup(head, &l).flags & flag::DEMONYM != 0 {
                bits |= cls::DEMONYM_W;
            }
        }
    }
    if f & flag::ALL_UPPER != 0 && orth.len() >= 2 {
        bits |= cls::ALL_CAPS;
    }
    // A contraction ("I’ve", "We're") is no name, whatever its capital.
    if upper
        && (!not_name || hot.hon != 0)
        && !title_case_verb
        && !(f & flag::ALPHA == 0 && crate::entities::is_contraction(orth))
    {
        bits |= cls::NAME;
    }
    hot.first = hot.first_full;
    // Endings with an apostrophe: possessives, contractions, the name part.
    let apostrophe = f & flag::ALPHA == 0
        && bytes.iter().any(|&c| c == b'\'' || c == 0xE2)
        && (bytes.contains(&b'\'') || orth.contains('’'));
    if !apostrophe {
        if bits & cls::SUFFIX_FULL != 0 {
            bits |= cls::SUFFIX;
        }
        if bits & cls::PARTICLE_W != 0 {
            bits |= cls::NAME_PARTICLE;
        }
        hot.bits = bits;
        return (hot, None);
    }
    if orth.ends_with("'s") || orth.ends_with("’s") {
        bits |= cls::POSS;
    }
    if orth.ends_with("s'") {
        bits |= cls::POSS_PLURAL;
    }
    // "He's claiming": the contraction keeps its pronoun.
    let stripped = ["'s", "’s", "'d", "’d", "'ll", "’ll"]
        .iter()
        .find_map(|c| orth.strip_suffix(c))
        .unwrap_or(orth);
    if stripped.len() != orth.len() {
        hot.pron = lexicon::pronoun(stripped).map_or(0, |p| p as u8);
    }
    if stripped == "I" {
        bits |= cls::PRON_I;
    }
    // The name part: without possessive endings.
    let mut part = orth;
    while let Some(p) = part.strip_suffix("'s") {
        part = p;
    }
    while let Some(p) = part.strip_suffix("’s") {
        part = p;
    }
    let whole = part.len() == orth.len();
    if part.is_empty() || suffix(part.as_bytes()) {
        bits |= cls::SUFFIX;
    }
    if !part.starts_with(char::is_uppercase) {
        bits &= !cls::NAME_UPPER;
    }
    let particle = if whole {
        bits & cls::PARTICLE_W != 0
    } else {
        lexicon::is_particle(part)
    };
    if particle {
        bits |= cls::NAME_PARTICLE;
    }
    if whole {
        hot.bits = bits;
        return (hot, None);
    }
    hot.first = crate::tables::first_name_gender(part).map_or(0, |g| g as u8);
    hot.bits = bits | cls::PART;
    // Lower-casing an ASCII form keeps its length: the key is a prefix of `lower`.
    let key = (!orth.is_ascii()).then(|| part.to_lowercase().into_boxed_str());
    let part = Part {
        len: part.len() as u32,
        key,
    };
    (hot, Some(part))
}

/// The common case: ASCII letters in no table. Only the case of the first letter and the
/// endings matter.
fn ascii_word(bytes: &[u8]) -> Hot {
    let n = bytes.len();
    // Letters only: `| 0x20` lower-cases them.
    let ends = |s: &[u8]| {
        n >= s.len()
            && bytes[n - s.len()..]
                .iter()
                .zip(s)
                .all(|(b, c)| b | 0x20 == *c)
    };
    let mut bits = cls::DONE | cls::WORD | cls::ASCII_ALPHA;
    if bytes[0].is_ascii_uppercase() {
        bits |= cls::UPPER | cls::NAME_UPPER | cls::ASCII_UPPER | cls::NAME;
        if n == 1 {
            bits |= cls::INITIAL;
        } else if suffix(bytes) {
            bits |= cls::SUFFIX | cls::SUFFIX_FULL;
        }
        if n >= 2 && bytes.iter().all(u8::is_ascii_uppercase) {
            bits |= cls::ALL_CAPS;
        }
    } else {
        bits |= cls::LOWER;
        if n > 4 && ends(b"ly") {
            bits |= cls::AUX_WORD;
        }
    }
    if ends(b"ing") {
        bits |= cls::ING;
    }
    Hot {
        bits,
        ..Hot::default()
    }
}
