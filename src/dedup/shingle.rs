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
//! Shingles are hashed to 64 bits (FNV-1a over each normalised word, combined in order and
//! finished with the splitmix64 mixer); `shingle_texts` gives the shingles as strings for users
//! who want to recompute similarities themselves.

use crate::doc::{Document, RegionKind};
use crate::text::Span;
use crate::tokens::{self, Token, TokenKind};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

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

/// The 64-bit hash of one word, normalised.
pub fn word_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for b in word.bytes() {
            h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    normalised(word, |c| {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
        }
    });
    h
}

/// Whether a token is a word for shingling.
fn is_word(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

/// The shingle reader: word hashes of `tokens` (spans into `text`) that `keep` accepts, in
/// order. Every path (raw text, records, the document model) goes through here.
pub fn words_of<'a>(
    text: &str,
    tokens: impl IntoIterator<Item = &'a Token>,
    keep: impl Fn(&Token) -> bool,
    out: &mut Vec<u64>,
) {
    for t in tokens {
        if is_word(t) && keep(t) {
            out.push(word_hash(&text[t.span.start..t.span.end]));
        }
    }
}

/// Word hashes of plain text, all of it.
pub fn text_words(text: &str, out: &mut Vec<u64>) {
    let mut toks = Vec::with_capacity(text.len() / 5);
    tokens::tokenize(text, Span::new(0, text.len()), 0, &mut toks);
    words_of(text, &toks, |_| true, out);
}

/// Word hashes of a document's body: tokens of body-paragraph regions, outside the dateline.
pub fn body_words(doc: &Document, out: &mut Vec<u64>) {
    let dateline = doc.layout.dateline.as_ref().map(|d| d.span);
    let keep = |t: &Token| {
        let region = doc.sentences[t.sentence as usize].region;
        doc.regions[region].kind == RegionKind::Paragraph
            && !dateline.is_some_and(|d| t.span.start >= d.start && t.span.end <= d.end)
    };
    words_of(doc.text, doc.tokens(), keep, out);
}

/// Shingle hashes of a word sequence (not deduplicated: sketches ignore repeats).
pub fn shingles(words: &[u64], out: &mut Vec<u64>) {
    if words.is_empty() {
        return;
    }
    let n = SHINGLE_WORDS.min(words.len());
    for w in words.windows(n) {
        let mut h = 0u64;
        for &x in w {
            h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(x);
        }
        out.push(mix(h));
    }
}

/// The shingles of plain text as strings (normalised words joined by one space), distinct,
/// in order of first appearance: what similarity is measured on, for checking by hand.
pub fn shingle_texts(text: &str) -> Vec<String> {
    let mut toks = Vec::new();
    tokens::tokenize(text, Span::new(0, text.len()), 0, &mut toks);
    let words: Vec<String> = toks
        .iter()
        .filter(|t| is_word(t))
        .map(|t| {
            let mut s = String::new();
            normalised(&text[t.span.start..t.span.end], |c| s.push(c));
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
