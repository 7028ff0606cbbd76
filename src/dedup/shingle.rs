//! Shingles: the set an article's similarity is measured on.
//!
//! An article's words are the `Word` and `Number` tokens of `tokens::tokenize` (the document
//! model's tokenizer: words keep inner apostrophes, hyphens, periods and ampersands, so
//! "Iraq's", "al-Qaeda", "U.S" and "7,818" are one word each; punctuation is not a word),
//! lower-cased, with the typographic apostrophe ’ read as '. Its shingles are the distinct
//! runs of `SHINGLE_WORDS` (5) consecutive words; an article of 1 to 4 words has one shingle,
//! all its words; an article without words has none (it matches nothing). For a record, the
//! words are those of its body paragraphs in order (runs cross paragraph breaks), leaving out
//! the headline, captions, subheadings, highlights, boilerplate and the dateline: so a copy
//! under a new headline or with another outlet's footer still matches.
//!
//! Shingles are hashed to 64 bits (each normalised word's bytes folded eight at a time,
//! combined in order and finished with the splitmix64 mixer); `shingle_texts` gives the shingles as strings for users
//! who want to recompute similarities themselves.

use crate::doc::{Document, RegionKind};
use crate::text::Span;
use crate::tokens::{self, TokenKind};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

/// splitmix64's finaliser: spreads every input bit over the output.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Calls `f` with each character of a word as shingles see it: lower-cased, ’ as '.
fn normalised(word: &str, mut f: impl FnMut(char)) {
    for c in word.chars() {
        if c == '\u{2019}' {
            f('\'');
        } else if c.is_ascii() {
            f(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut f);
        }
    }
}

/// A word's hash over its normalised UTF-8 bytes, eight at a time (one multiply per eight
/// bytes; the shingle hash mixes the result again).
#[derive(Clone, Copy)]
struct WordHasher {
    h: u64,
    acc: u64,
    n: u32,
    len: u64,
}

impl WordHasher {
    fn new() -> Self {
        WordHasher {
            h: 0x243f_6a88_85a3_08d3,
            acc: 0,
            n: 0,
            len: 0,
        }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.acc = (self.acc << 8) | b as u64;
        self.n += 1;
        self.len += 1;
        if self.n == 8 {
            self.h = (self.h ^ self.acc)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(29);
            self.acc = 0;
            self.n = 0;
        }
    }

    fn finish(self) -> u64 {
        (self.h ^ self.acc ^ (self.len << 56)).wrapping_mul(0xff51_afd7_ed55_8ccd)
    }
}

/// The 64-bit hash of one word, normalised.
pub fn word_hash(word: &str) -> u64 {
    let mut h = WordHasher::new();
    if word.is_ascii() {
        for b in word.bytes() {
            h.push(b.to_ascii_lowercase());
        }
        return h.finish();
    }
    let mut buf = [0u8; 4];
    normalised(word, |c| {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h.push(b);
        }
    });
    h.finish()
}

/// Whether a token of this kind is a word for shingling.
fn is_word(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Number)
}

/// The shingle reader: word hashes of `tokens` (spans into `text`, with their kinds) that
/// `keep` accepts, in order. Every path (raw text, records, the document model) goes through
/// here.
pub fn words_of(
    text: &str,
    tokens: impl IntoIterator<Item = (Span, TokenKind)>,
    keep: impl Fn(Span) -> bool,
    out: &mut Vec<u64>,
) {
    for (span, kind) in tokens {
        if is_word(kind) && keep(span) {
            out.push(word_hash(&text[span.start..span.end]));
        }
    }
}

/// The tokens of all of `text`, with their kinds.
fn text_tokens(text: &str) -> Vec<(Span, TokenKind)> {
    let mut spans = Vec::new();
    tokens::spans(text, Span::new(0, text.len()), &mut spans);
    spans
        .into_iter()
        .map(|s| (s, tokens::kind_of(&text[s.start..s.end])))
        .collect()
}

/// ASCII letters and digits.
static ALNUM: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// `word_hash` of a word of ASCII letters, digits and joiners: lower-casing is OR 0x20 on
/// every byte (digits and the joiners ' - . & , : / already have that bit), folded eight bytes
/// at a time as `WordHasher` does.
#[inline]
fn ascii_word_hash(b: &[u8], start: usize, end: usize) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let load = |at: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&b[at..at + 8]);
        u64::from_be_bytes(a) | LOWER
    };
    let mut h = WordHasher::new();
    let mut at = start;
    while at + 8 <= end {
        h.h = (h.h ^ load(at))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
        at += 8;
    }
    let rem = end - at;
    if rem > 0 {
        h.acc = if end >= 8 {
            // The last eight bytes of the text up to the word's end; keep the word's part.
            load(end - 8) & (u64::MAX >> (64 - 8 * rem as u32))
        } else {
            b[at..end]
                .iter()
                .fold(0u64, |a, &x| (a << 8) | (x | 0x20) as u64)
        };
    }
    h.len = (end - start) as u64;
    h.finish()
}

/// Word hashes of plain text, all of it: `word_hash` of each word `for_each_word` finds. ASCII
/// runs are found with a table and hashed eight bytes at a time; anything else goes the way of
/// `for_each_word`. `tests::fused_hashes_equal_the_tokenizer` keeps the two equal.
pub fn text_words(text: &str, out: &mut Vec<u64>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let first = b[i];
        if first < 0x80 {
            if !ALNUM[first as usize] {
                i += 1;
                continue;
            }
        } else {
            let (c, len) = char_at(text, i);
            if !c.is_alphanumeric() {
                i += len;
                continue;
            }
        }
        let start = i;
        let numeric = first.is_ascii_digit();
        let mut ascii = first < 0x80;
        i += if ascii { 1 } else { char_at(text, i).1 };
        loop {
            while i < n && b[i] < 0x80 && ALNUM[b[i] as usize] {
                i += 1;
            }
            if i >= n {
                break;
            }
            let (d, dl) = char_at(text, i);
            if d.is_alphanumeric() {
                // Only non-ASCII here: ASCII letters and digits were taken above.
                ascii = false;
                i += dl;
                continue;
            }
            if !matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&' | ',' | ':' | '/') || i + dl >= n {
                break;
            }
            let after = char_at(text, i + dl).0;
            let ok = match d {
                ',' | ':' | '/' => numeric && after.is_ascii_digit(),
                _ => after.is_alphanumeric(),
            };
            if !ok {
                break;
            }
            ascii &= dl == 1;
            i += dl;
        }
        out.push(if ascii {
            ascii_word_hash(b, start, i)
        } else {
            word_hash(&text[start..i])
        });
    }
}

/// The character at byte `i` of `text` and its length (ASCII without decoding).
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

/// Calls `f` with each `Word` and `Number` token of `tokens::tokenize` over the whole text, in
/// order: a run of letters and digits, joined across `'` `’` `-` `.` `&` when a letter or digit
/// follows, and across `,` `:` `/` inside a number (a token that starts with a digit) when a
/// digit follows. A single pass over the bytes; `tests::fast_words_equal_the_tokenizer` keeps it
/// equal to the tokenizer.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let n = text.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(text, i);
        if !c.is_alphanumeric() {
            i += len;
            continue;
        }
        let start = i;
        let numeric = c.is_ascii_digit();
        i += len;
        while i < n {
            let (d, dl) = char_at(text, i);
            if d.is_alphanumeric() {
                i += dl;
                continue;
            }
            if !matches!(d, '\'' | '\u{2019}' | '-' | '.' | '&' | ',' | ':' | '/') || i + dl >= n {
                break;
            }
            let after = char_at(text, i + dl).0;
            let ok = match d {
                ',' | ':' | '/' => numeric && after.is_ascii_digit(),
                _ => after.is_alphanumeric(),
            };
            if !ok {
                break;
            }
            i += dl;
        }
        f(&text[start..i]);
    }
}

/// Word hashes of a document's body: tokens of body-paragraph regions, outside the dateline.
pub fn body_words(doc: &Document, out: &mut Vec<u64>) {
    let dateline = doc.layout.dateline.as_ref().map(|d| d.span);
    let k = doc.tokens();
    let body = k
        .sentences()
        .iter()
        .zip(&doc.sentences)
        .filter(|(_, s)| doc.regions[s.region].kind == RegionKind::Paragraph)
        .flat_map(|(seg, _)| seg.tokens())
        .map(|i| (k.span(i), k.kind(i)));
    let keep = |t: Span| !dateline.is_some_and(|d| t.start >= d.start && t.end <= d.end);
    words_of(doc.text, body, keep, out);
}

/// Shingle hashes of a word sequence (not deduplicated: sketches ignore repeats).
pub fn shingles(words: &[u64], out: &mut Vec<u64>) {
    if words.is_empty() {
        return;
    }
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let n = SHINGLE_WORDS.min(words.len());
    // A rolling polynomial: h = w0·K^(n-1) + ... + w(n-1), updated in two multiplies.
    let top = (1..n).fold(1u64, |p, _| p.wrapping_mul(K));
    let mut h = words[..n]
        .iter()
        .fold(0u64, |h, &x| h.wrapping_mul(K).wrapping_add(x));
    out.push(mix(h));
    for i in n..words.len() {
        h = h
            .wrapping_sub(words[i - n].wrapping_mul(top))
            .wrapping_mul(K)
            .wrapping_add(words[i]);
        out.push(mix(h));
    }
}

/// The shingles of plain text as strings (normalised words joined by one space), distinct,
/// in order of first appearance: what similarity is measured on, for checking by hand.
pub fn shingle_texts(text: &str) -> Vec<String> {
    let words: Vec<String> = text_tokens(text)
        .into_iter()
        .filter(|(_, kind)| is_word(*kind))
        .map(|(t, _)| {
            let mut s = String::new();
            normalised(&text[t.start..t.end], |c| s.push(c));
            s
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let n = SHINGLE_WORDS.min(words.len().max(1));
    words
        .windows(n)
        .map(|w| w.join(" "))
        .filter(|s| seen.insert(s.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str) -> std::collections::HashSet<u64> {
        let mut w = Vec::new();
        text_words(text, &mut w);
        let mut s = Vec::new();
        shingles(&w, &mut s);
        s.into_iter().collect()
    }

    #[test]
    fn words_are_normalised_tokens() {
        let mut a = Vec::new();
        text_words("The U.S. Army’s 7,818 troops — said: \"no\".", &mut a);
        let mut b = Vec::new();
        text_words("the u.s army's 7,818 TROOPS said no", &mut b);
        assert_eq!(a, b);
        assert_eq!(a.len(), 7);
        assert_eq!(word_hash("Élan"), word_hash("élan"));
        assert_eq!(word_hash("O’Neil"), word_hash("o'neil"));
        assert_ne!(word_hash("abcdefgh"), word_hash("abcdefghi"));
        assert_ne!(word_hash("ab"), word_hash("ba"));
    }

    fn tokenizer_words(text: &str) -> Vec<String> {
        text_tokens(text)
            .into_iter()
            .filter(|(_, kind)| is_word(*kind))
            .map(|(t, _)| text[t.start..t.end].to_string())
            .collect()
    }

    fn fast_words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(text, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn fast_words_equal_the_tokenizer_on_tricky_text() {
        for t in [
            "Iraq's al-Qaeda-linked U.S. forces: 7,818 died, $8bn (AT&T). 3:45 1/2 a/b x, y",
            "end.",
            "a-",
            "-a",
            "1,",
            "1,2,3 12:30: ab'cd’ef ’x x’ café-crème ΑΘΗΝΑ 北京 2024/25",
            "\u{200b}word\u{feff} tab\tnew\nline",
            "",
            "...",
            "U.S.A.",
            "e.g.,",
            "9.5.",
        ] {
            assert_eq!(fast_words(t), tokenizer_words(t), "{t:?}");
            let (fused, slow) = hashed(t);
            assert_eq!(fused, slow, "{t:?}");
        }
    }

    fn hashed(text: &str) -> (Vec<u64>, Vec<u64>) {
        let mut fused = Vec::new();
        text_words(text, &mut fused);
        let slow = tokenizer_words(text).iter().map(|w| word_hash(w)).collect();
        (fused, slow)
    }

    proptest::proptest! {
        #[test]
        fn fused_hashes_equal_the_tokenizer(t in "[a-zA-Z0-9 .,:/&'’\\-éΩ北\n\u{200b}]{0,60}") {
            let (fused, slow) = hashed(&t);
            proptest::prop_assert_eq!(fused, slow);
        }

        #[test]
        fn fast_words_equal_the_tokenizer(t in "[a-zA-Z0-9 .,:/&'’\\-éΩ北\n\u{200b}]{0,60}") {
            proptest::prop_assert_eq!(fast_words(&t), tokenizer_words(&t));
        }
    }

    #[test]
    fn shingles_are_five_word_runs() {
        let t = "one two three four five six seven";
        assert_eq!(set(t).len(), 3);
        assert_eq!(shingle_texts(t)[0], "one two three four five");
        assert_eq!(set("just three words").len(), 1);
        assert!(set("  -- !! ").is_empty());
        assert_eq!(set("a b c d e a b c d e a b c d e").len(), 5);
    }

    #[test]
    fn body_words_leave_out_headline_dateline_and_boilerplate() {
        let body = "A car bomb killed 12 people in Baghdad on Tuesday, police said.\n\nThe attack came a day after another blast.";
        let a = format!("Bomb kills 12 in Baghdad\n\nBAGHDAD (Reuters) - {body}\n\nCopyright Reuters 2014. All rights reserved.");
        let b = format!("Twelve dead in Iraq blast\n\nBAGHDAD (AP) - {body}");
        let (mut wa, mut wb, mut wt) = (Vec::new(), Vec::new(), Vec::new());
        body_words(&Document::new(&a, None), &mut wa);
        body_words(&Document::new(&b, None), &mut wb);
        text_words(body, &mut wt);
        assert_eq!(wa, wt);
        assert_eq!(wb, wt);
    }
}
