//! Repeated content between lines: the hashed content words of a line (lower-cased words of
//! more than three letters) and how many of them another line repeats. The line classifier's
//! repeated-content feature (`features`) and the caption rules read it (an unlabelled caption
//! restates the story).

use crate::text::Span;

/// Share (0–100) of `a`'s content words that `b` repeats, `None` when `a` has fewer than
/// `min` of them.
pub fn repeated_share(text: &str, a: Span, b: Span, min: usize) -> Option<usize> {
    let wa = content_words(text, a);
    if wa.len() < min {
        return None;
    }
    Some(shared(&wa, &content_words(text, b)) * 100 / wa.len())
}

/// Size of the intersection of two sorted lists.
pub(super) fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Hashes of the lower-cased words of more than three letters, sorted, without repeats.
pub(super) fn content_words(text: &str, span: Span) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::with_capacity(span.len().min(600) / 6 + 1);
    // The start of a long paragraph is what a caption restates.
    let mut end = span.end.min(span.start + 600);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let s = &text[span.start..end];
    if s.is_ascii() {
        ascii_content_words(s.as_bytes(), &mut out);
    } else {
        for w in s.split_whitespace() {
            if let Some(h) = word_hash(w) {
                out.push(h);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The hash of a content word (`None` for short words and words with a non-letter inside).
fn word_hash(w: &str) -> Option<u64> {
    use std::hash::Hasher;
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.len() <= 3 {
        return None;
    }
    let mut h = rustc_hash::FxHasher::default();
    // ASCII words (nearly all) skip the Unicode case tables; the hash is the same.
    if w.is_ascii() {
        if !w.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        for b in w.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        if !w.chars().all(char::is_alphabetic) {
            return None;
        }
        for c in w.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    Some(h.finish())
}

/// `word_hash` of every white-space-separated word of an ASCII text, in one pass over its
/// bytes: a word counts when, trimmed of what is not a letter or a digit at both ends, it is
/// more than three letters and nothing else.
fn ascii_content_words(b: &[u8], out: &mut Vec<u64>) {
    use std::hash::Hasher;
    let n = b.len();
    let mut i = 0;
    while i < n {
        while i < n && is_space(b[i]) {
            i += 1;
        }
        // What is trimmed off the start.
        while i < n && !is_space(b[i]) && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let mut h = rustc_hash::FxHasher::default();
        let mut letters = 0;
        let mut letters_only = true;
        // A character that is neither after the first letter: the word ends there, or the
        // word has something else inside.
        let mut after_end = false;
        while i < n && !is_space(b[i]) {
            let c = b[i];
            if c.is_ascii_alphabetic() {
                letters_only &= !after_end;
                h.write_u32(u32::from(c.to_ascii_lowercase()));
                letters += 1;
            } else if c.is_ascii_digit() {
                letters_only = false;
            } else {
                after_end = true;
            }
            i += 1;
        }
        if letters_only && letters > 3 {
            out.push(h.finish());
        }
    }
}

/// `char::is_whitespace` on an ASCII byte: space, tab, line feed, vertical tab, form feed and
/// carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_pass_hashes_the_words_the_general_one_does() {
        let t = "(Reuters) -- Crash, CRASH! don't 'quoted' a-b abcd. x1yz abc1 1abc \"Storm\" \
                 e-mail U.S. well... ...Then \x0bform\x0cfeed\ttabs";
        let mut fast = Vec::new();
        ascii_content_words(t.as_bytes(), &mut fast);
        let slow: Vec<u64> = t.split_whitespace().filter_map(word_hash).collect();
        assert_eq!(fast, slow);
        assert!(fast.len() >= 6);
    }

    #[test]
    fn content_words_ignore_case_in_any_script() {
        let t = "Crash CRASH crash; Ärger ÄRGER ärger; über 2024 abc";
        let w = content_words(t, Span::new(0, t.len()));
        // crash, ärger, über: short words and numbers are left out.
        assert_eq!(w.len(), 3);
        let a = content_words("Storm", Span::new(0, 5));
        let b = content_words("STORM", Span::new(0, 5));
        assert_eq!(a, b);
        assert_ne!(a, content_words("Storms", Span::new(0, 6)));
    }
}
