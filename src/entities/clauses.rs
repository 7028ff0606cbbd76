//! The source-clause patterns, matched by hand: "X source(s) told/said", "state media
//! reported", "<agency> reported", and "according to".
//!
//! They read exactly as these regular expressions (leftmost-first, as the `regex` crate reads
//! them; `\b` is ASCII, `\w` and `\s` are Unicode), which the tests check on generated text:
//!
//! ```text
//! SRC   \b(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ther)\s+)?
//!       (?:[A-Za-z][\w'’-]*\s+(?:and\s+)?){0,3}sources?                       \s+VERB\b
//! MEDIA \b(?:[Tt]he\s+)?(?:[Ss]tate|[Ss]tate-run|[Ss]tate-owned|[Oo]fficial|[Ll]ocal|
//!       [Gg]overnment|[Pp]ro-government|[A-Z][a-z]+)(?:\s+[a-z-]+)?
//!       \s+(?:media|television|TV|radio|news agency|newspaper|press)           \s+VERB\b
//! NAME  \b(?:the\s+)?(?:official\s+)?(?:NAMES, longest first)(?:\s+news\s+agency)?
//!                                                                              \s+VERB\b
//! VERB  told|said|says|say|reported|reports|quoted|cited|confirmed|showed|announced
//! ACCORDING  \b[Aa]ccording to\s+
//! ```
//!
//! A regex engine builds its automaton state by state as text comes, which costs far more
//! than the few sentences a document holds clauses in; these patterns are short enough to
//! match directly.

const VERBS: &[&str] = &[
    "told",
    "said",
    "says",
    "say",
    "reported",
    "reports",
    "quoted",
    "cited",
    "confirmed",
    "showed",
    "announced",
];

const DETERMINERS: &[&str] = &["an", "a", "the", "two", "three", "several", "some", "other"];

const MEDIA_FIRST: &[&str] = &[
    "state",
    "state-run",
    "state-owned",
    "official",
    "local",
    "government",
    "pro-government",
];

const MEDIA: &[&str] = &[
    "media",
    "television",
    "TV",
    "radio",
    "news agency",
    "newspaper",
    "press",
];

/// The clause patterns (`SRC`, `MEDIA`, `NAME`), as bits of a set.
pub const SRC: u8 = 1;
pub const MEDIA_KIND: u8 = 2;
pub const NAME: u8 = 4;

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// An ASCII word boundary before byte `p`, where a letter starts.
fn starts_word(h: &[u8], p: usize) -> bool {
    h.get(p).is_some_and(u8::is_ascii_alphabetic) && (p == 0 || !word_byte(h[p - 1]))
}

/// `\s+` at `p`: the end of the run of white space, if there is one.
fn blanks(h: &str, p: usize) -> Option<usize> {
    let rest = h.get(p..)?;
    let n = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
    (n > 0).then_some(p + n)
}

/// Literal `w` at `p`.
fn lit(h: &str, p: usize, w: &str) -> Option<usize> {
    h.get(p..)
        .is_some_and(|r| r.starts_with(w))
        .then_some(p + w.len())
}

/// Literal `w` (lower case) at `p`, its first letter in either case (`[Tt]he`).
fn lit_cap(h: &str, p: usize, w: &str) -> Option<usize> {
    let b = h.as_bytes();
    let first = *b.get(p)?;
    let rest = w.get(1..)?;
    (first.to_ascii_lowercase() == w.as_bytes()[0] && h.get(p + 1..)?.starts_with(rest))
        .then_some(p + w.len())
}

/// `\s+VERB\b` at `p`: the end of the verb.
fn verb(h: &str, p: usize) -> Option<usize> {
    let q = blanks(h, p)?;
    let b = h.as_bytes();
    VERBS
        .iter()
        .find_map(|v| lit(h, q, v).filter(|&e| !b.get(e).is_some_and(|&c| word_byte(c))))
}

/// `[A-Za-z][\w'’-]*\s+` at `p`: the end of the blanks.
fn word(h: &str, p: usize) -> Option<usize> {
    if !h.as_bytes().get(p).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let rest = &h[p + 1..];
    let n = rest.len()
        - rest
            .trim_start_matches(|c: char| {
                regex_syntax::is_word_character(c) || matches!(c, '\'' | '’' | '-')
            })
            .len();
    blanks(h, p + 1 + n)
}

/// `(?:WORD\s+(?:and\s+)?){0,left}sources?\s+VERB\b` at `p`, greedy as the regex: the source's
/// end and the clause's end.
fn src_tail(h: &str, p: usize, left: u32) -> Option<(usize, usize)> {
    if left > 0 {
        if let Some(q) = word(h, p) {
            let and = lit(h, q, "and").and_then(|r| blanks(h, r));
            if let Some(m) = and.and_then(|r| src_tail(h, r, left - 1)) {
                return Some(m);
            }
            if let Some(m) = src_tail(h, q, left - 1) {
                return Some(m);
            }
        }
    }
    ["sources", "source"].iter().find_map(|s| {
        let e = lit(h, p, s)?;
        Some((e, verb(h, e)?))
    })
}

fn src_at(h: &str, p: usize) -> Option<(usize, usize)> {
    let det = DETERMINERS
        .iter()
        .filter_map(|d| lit_cap(h, p, d).and_then(|e| blanks(h, e)))
        .find_map(|q| src_tail(h, q, 3));
    det.or_else(|| src_tail(h, p, 3))
}

/// `[A-Z][a-z]+` at `p`.
fn capitalised(h: &str, p: usize) -> Option<usize> {
    let b = h.as_bytes();
    if !b.get(p).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let n = b[p + 1..]
        .iter()
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    (n > 0).then_some(p + 1 + n)
}

/// `(?:\s+[a-z-]+)?\s+MEDIA\s+VERB\b` at `p`.
fn media_tail(h: &str, p: usize) -> Option<(usize, usize)> {
    let media = |q: usize| {
        let r = blanks(h, q)?;
        MEDIA.iter().find_map(|m| {
            let e = lit(h, r, m)?;
            Some((e, verb(h, e)?))
        })
    };
    let b = h.as_bytes();
    let extra = blanks(h, p).and_then(|r| {
        let n = b[r..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
            .count();
        (n > 0).then_some(r + n)
    });
    extra.and_then(media).or_else(|| media(p))
}

fn media_at(h: &str, p: usize) -> Option<(usize, usize)> {
    let first = |q: usize| {
        MEDIA_FIRST
            .iter()
            .filter_map(|w| lit_cap(h, q, w))
            .chain(capitalised(h, q))
            .find_map(|e| media_tail(h, e))
    };
    let the = lit_cap(h, p, "the").and_then(|e| blanks(h, e));
    the.and_then(first).or_else(|| first(p))
}

/// `NAME(?:\s+news\s+agency)?\s+VERB\b` at `p`.
fn name_tail(h: &str, p: usize, names: &[String]) -> Option<(usize, usize)> {
    let first = *h.as_bytes().get(p)?;
    names.iter().find_map(|n| {
        if n.as_bytes().first() != Some(&first) {
            return None;
        }
        let e = lit(h, p, n)?;
        let agency = blanks(h, e)
            .and_then(|q| lit(h, q, "news"))
            .and_then(|q| blanks(h, q))
            .and_then(|q| lit(h, q, "agency"));
        agency
            .and_then(|a| Some((a, verb(h, a)?)))
            .or_else(|| Some((e, verb(h, e)?)))
    })
}

fn name_at(h: &str, p: usize, names: &[String]) -> Option<(usize, usize)> {
    let after = |q: usize| {
        let official = lit(h, q, "official").and_then(|e| blanks(h, e));
        official
            .and_then(|r| name_tail(h, r, names))
            .or_else(|| name_tail(h, q, names))
    };
    let the = lit(h, p, "the").and_then(|e| blanks(h, e));
    the.and_then(after).or_else(|| after(p))
}

/// A clause found: its start, the source's end and the clause's end (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub source_end: usize,
    pub end: usize,
}

/// The leftmost clause of the patterns in `kinds` starting at or after byte `at` of `h` (the
/// text before `at` is context); `names` are the outlet names, longest first.
pub fn next_clause(h: &str, at: usize, kinds: u8, names: &[String]) -> Option<Clause> {
    let b = h.as_bytes();
    (at..b.len()).filter(|&p| starts_word(b, p)).find_map(|p| {
        let m = (kinds & SRC != 0)
            .then(|| src_at(h, p))
            .flatten()
            .or_else(|| (kinds & MEDIA_KIND != 0).then(|| media_at(h, p)).flatten())
            .or_else(|| (kinds & NAME != 0).then(|| name_at(h, p, names)).flatten())?;
        Some(Clause {
            start: p,
            source_end: m.0,
            end: m.1,
        })
    })
}

/// The end of the leftmost "according to" and its blanks at or after byte `at`, with its
/// start.
pub fn next_according(h: &str, at: usize) -> Option<(usize, usize)> {
    let b = h.as_bytes();
    (at..b.len()).filter(|&p| starts_word(b, p)).find_map(|p| {
        let e = lit_cap(h, p, "according to")?;
        Some((p, blanks(h, e)?))
    })
}
