//! Sentence boundaries inside a block of text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it)
//! followed by white space and a character that can start a sentence (a capital, digit,
//! opening quote or bracket). A period after an abbreviation from `data/text/abbreviations.txt`
//! or after a single capital (an initial) does not end one.

use std::sync::LazyLock;

use crate::tables::{FastSet, ABBREVIATIONS};
use crate::text::{is_blank, trim, Span};

static ABBREV: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().map(|s| s.as_str()).collect());

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Sentence spans within `span` (trimmed; never empty).
pub fn split(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    // Where the next '…' may start (its first byte, 0xE2, also starts curly quotes): found
    // with memchr, as the next '.', '!' or '?' is, instead of looking at every byte.
    let mut next_e2 = memchr::memchr(0xE2, bytes);
    let mut next_stop = memchr::memchr3(b'.', b'!', b'?', bytes);
    while i < bytes.len() {
        if next_e2.is_some_and(|p| p < i) {
            next_e2 = memchr::memchr(0xE2, &bytes[i..]).map(|p| i + p);
        }
        if next_stop.is_some_and(|p| p < i) {
            next_stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map(|p| i + p);
        }
        i = match (next_stop, next_e2) {
            (Some(a), Some(e)) => a.min(e),
            (Some(a), None) => a,
            (None, Some(e)) => e,
            (None, None) => break,
        };
        let b = bytes[i];
        let term_len = match b {
            b'.' | b'!' | b'?' => 1,
            0xE2 if s[i..].starts_with('…') => '…'.len_utf8(),
            _ => {
                i += 1;
                continue;
            }
        };
        let mut end = i + term_len;
        // Runs like "?!" or "..." end together.
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        while let Some(c) = s[end..].chars().next().filter(|c| CLOSERS.contains(c)) {
            end += c.len_utf8();
        }
        let next_start = s[end..]
            .char_indices()
            .find(|(_, c)| !is_blank(*c))
            .map(|(k, c)| (end + k, c));
        let boundary = match next_start {
            None => false,
            Some((k, c)) => {
                k > end
                    && starts_sentence(c)
                    && !(b == b'.' && term_len == 1 && abbreviation_before(s, i))
            }
        };
        if boundary {
            push(text, span.start + start, span.start + end, &mut out);
            start = next_start.map(|(k, _)| k).unwrap_or(end);
        }
        i = end.max(i + 1);
    }
    push(text, span.start + start, span.end, &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let sp = trim(text, Span::new(start, end));
    if !sp.is_empty() {
        out.push(sp);
    }
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || OPENERS.contains(&c)
        || !c.is_alphabetic()
            && !c.is_ascii_punctuation()
            && !c.is_whitespace()
            && c as u32 > 0x2000
}

/// Whether the period at byte `dot` of `s` closes an abbreviation or an initial.
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let word_start = s[..dot]
        .rfind(|c: char| is_blank(c) || OPENERS.contains(&c))
        .map(|p| p + s[p..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let word = &s[word_start..dot];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || ABBREV.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t, Span::new(0, t.len()))
            .into_iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sents("He left. She stayed! Why? \"Yes.\" Then"),
            vec!["He left.", "She stayed!", "Why?", "\"Yes.\"", "Then"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sents("Mr. Kerry met Dr. J. Smith in the U.S. on Sept. 30. It rained."),
            vec![
                "Mr. Kerry met Dr. J. Smith in the U.S. on Sept. 30.",
                "It rained."
            ]
        );
        assert_eq!(
            sents("It cost 3.5 billion. Prices fell"),
            vec!["It cost 3.5 billion.", "Prices fell"]
        );
        assert_eq!(
            sents("said he was ready. and"),
            vec!["said he was ready. and"]
        );
    }

    #[test]
    fn empty_and_blank_give_nothing() {
        assert!(sents("").is_empty());
        assert!(sents(" \u{a0} ").is_empty());
    }
}
