//! What a line looks like on its own: prose, title-like, subheading-like, sentence ends;
//! and the joining of hard-wrapped lines into paragraphs.

use std::sync::LazyLock;

use regex::Regex;

use crate::tables::SECTIONS;
use crate::text::{count_words, Span};

/// Running text rather than a link or a label: long, or a sentence of more than 12 words.
pub(super) fn prose(s: &str) -> bool {
    s.len() > 150 || ends_sentence(s) && count_words(s) > 12
}

pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// Splits consecutive lines into paragraphs, joining hard-wrapped lines: a break is a wrap when
/// the next line continues in lower case, or when the line is near the run's full width and
/// does not end a sentence.
pub(super) fn join_wrapped(text: &str, run: &[Span]) -> Vec<Span> {
    let width = run.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Vec<Span> = Vec::new();
    let mut cur = run[0];
    for pair in run.windows(2) {
        let (a, b) = (
            &text[pair[0].start..pair[0].end],
            &text[pair[1].start..pair[1].end],
        );
        let next_lower = b.chars().next().is_some_and(|c| c.is_lowercase());
        // A semicolon ends a headline before its deck ("Super PAC haul surges past $1B;")
        // unless the next line runs on in lower case.
        let open_end = a.ends_with([',', '-', '–', '—', '(']);
        let wide = width >= 40 && pair[0].len() * 10 >= width * 6;
        let wrapped =
            next_lower || open_end || (wide && !ends_sentence(a) && run.len() > 1 && width <= 120);
        if wrapped {
            cur.end = pair[1].end;
        } else {
            out.push(cur);
            cur = pair[1];
        }
    }
    out.push(cur);
    out
}

pub(super) fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
}

/// A headline: at most 30 words and not a sentence in running prose (no final period), unless
/// it is in Title Case or capitals (PolNeAR and CoNLL headlines end with a period).
pub(super) fn title_like(s: &str) -> bool {
    if s.len() > 250 {
        return false;
    }
    let (n, share) = word_stats(s);
    title_like_with(s, n, share)
}

/// `title_like` with the line's `word_stats` known.
pub(super) fn title_like_with(s: &str, n: usize, share: f32) -> bool {
    if n == 0 || n > 30 || s.len() > 250 {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    !ends_sentence(s) || share >= 0.6 || s.chars().all(|c| !c.is_lowercase())
}

/// At most 25 words and 200 bytes, starting with a capital, a digit or a quote.
pub(super) fn short_title(s: &str) -> bool {
    s.len() <= 200
        && count_words(s) <= 25
        && s.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘".contains(c))
}

/// The article's first line as a headline written like a sentence ("Trump not walking the walk
/// on his tax claims."): one sentence of 4 to 20 words.
pub(super) fn headline_sentence(text: &str, span: Span) -> bool {
    let s = &text[span.start..span.end];
    let n = count_words(s);
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘".contains(c))
        && (4..=20).contains(&n)
        && crate::sentences::split(text, span).len() == 1
}

/// `(count_words(s), capitalised_share(s))` in one pass over an ASCII line.
pub(super) fn word_stats(s: &str) -> (usize, f32) {
    if !s.is_ascii() {
        return (count_words(s), capitalised_share(s));
    }
    let b = s.as_bytes();
    let (mut n, mut long, mut caps) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < b.len() {
        // A word: a run of non-blank bytes (`is_blank` and `split_whitespace` agree on ASCII)
        // holding a letter or a digit.
        if is_ascii_blank(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !is_ascii_blank(b[i]) {
            i += 1;
        }
        if let Some(k) = b[start..i].iter().position(u8::is_ascii_alphanumeric) {
            n += 1;
            if i - (start + k) > 3 {
                long += 1;
                caps += b[start + k].is_ascii_uppercase() as usize;
            }
        }
    }
    let share = if long < 3 {
        0.0
    } else {
        caps as f32 / long as f32
    };
    (n, share)
}

fn is_ascii_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Share of words longer than three letters that start with a capital.
pub(super) fn capitalised_share(s: &str) -> f32 {
    let mut long = 0;
    let mut caps = 0;
    for w in words(s) {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() > 3 {
            long += 1;
            caps += w.chars().next().is_some_and(|c| c.is_uppercase()) as usize;
        }
    }
    // Too few words to tell Title Case from a capitalised sentence ("Fine.").
    if long < 3 {
        0.0
    } else {
        caps as f32 / long as f32
    }
}

/// A section line above a headline: a known section name, or a short label (at most four
/// words, no digits, no colon) above a longer headline.
pub(super) fn is_section(first: &str, second: &str) -> bool {
    let known = SECTIONS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(first.trim()));
    known
        || (count_words(first) <= 4
            && first.len() <= 40
            && count_words(second) > count_words(first) + 2
            && !first.contains([':', '"', '“', '\''])
            && !first.bytes().any(|b| b.is_ascii_digit())
            && !ends_sentence(first))
}

/// A phrase in quotes with no punctuation before the closing quote: 'No boots on ground'.
pub(super) fn quoted_heading(s: &str) -> bool {
    let mut chars = s.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let inner = chars.as_str();
    matches!(
        (open, close),
        ('\'', '\'') | ('"', '"') | ('‘', '’') | ('“', '”')
    ) && count_words(inner) <= 10
        && inner.chars().last().is_some_and(char::is_alphanumeric)
        && !inner.contains(['"', '“', '”'])
}

/// A subheading: a short line alone between blank lines, not ending in running punctuation.
pub(super) fn subheading_like(s: &str) -> bool {
    subheading_like_with(s, count_words(s))
}

/// `subheading_like` with the line's word count (`count_words`, or `word_stats`' first
/// value) known.
pub(super) fn subheading_like_with(s: &str, n: usize) -> bool {
    if n == 0 || n > 12 || s.len() > 100 || s.contains('\n') {
        return false;
    }
    let first = s.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit() || "\"'“‘«".contains(first)) {
        return false;
    }
    let t = s.trim_end_matches(['"', '\'', '”', '’', '»']);
    if t.ends_with(['.', ',', ';', ':', '…']) {
        return false;
    }
    !(t.ends_with(['?', '!']) && n > 8)
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s[-–—]\s+(\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,2})\s*$")
        .expect("valid attribution regex")
});

/// Builds the patterns this module compiles on first use (for `forksafe::warm`: few articles'
/// headlines end in an attribution, so no warm-up parse wakes it).
pub(crate) fn warm() {
    LazyLock::force(&ATTRIBUTION);
}

/// Whether `s` has a dash between white space (`\s[-–—]\s`), which every `ATTRIBUTION`
/// match holds: most headlines have none and skip the regex.
fn spaced_dash(s: &str) -> bool {
    s.char_indices().any(|(i, c)| {
        matches!(c, '-' | '–' | '—')
            && s[..i].chars().next_back().is_some_and(char::is_whitespace)
            && s[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_whitespace)
    })
}

/// The "- Kerry" suffix of a headline: the person or body the headline's claim is from.
pub(super) fn attribution(text: &str, headline: Span) -> Option<Span> {
    let s = &text[headline.start..headline.end];
    if !s.chars().any(|c| c.is_lowercase()) || !spaced_dash(s) {
        return None;
    }
    let c = ATTRIBUTION.captures(s)?;
    let m = c.get(1)?;
    if count_words(&s[..c.get(0)?.start()]) < 3 {
        return None;
    }
    Some(Span::new(
        headline.start + m.start(),
        headline.start + m.end(),
    ))
}
