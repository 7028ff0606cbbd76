//! Content words of the token stream as small integer ids, for the readers that compare words
//! across sentences (keywords, summary): one id per word whatever its case, possessive or plural
//! "s" ("Rebels'", "rebel" and "REBELS" are one word), with its IDF (`idf`). Function words,
//! numbers, punctuation and one-letter words have none. Ids are given in order of first
//! appearance, per document; no string is built.

use crate::idf;
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::tables::FastMap;

pub const NONE: u32 = u32::MAX;

pub struct ContentWords<'k> {
    k: &'k Tokens,
    /// Id of each lexeme (`NONE`: not a content word, or only in the dateline or a picture
    /// title).
    by_lexeme: Vec<u32>,
    ids: FastMap<&'k str, u32>,
    /// IDF of each id (the least over its spellings).
    pub idf: Vec<f32>,
}

/// The canonical spelling of a lower-cased word without its possessive: a final plural "s"
/// dropped ("rebels" → "rebel"), except after "s", "u" or "i" ("boss", "virus", "crisis"), in
/// words under four letters and in "news"; always a prefix of the word, so no string is built.
pub fn fold(base: &str) -> &str {
    let b = base.as_bytes();
    let plural = b.len() >= 4
        && b[b.len() - 1] == b's'
        && !matches!(b[b.len() - 2], b's' | b'u' | b'i' | b'\'' | b'\xe2')
        && base != "news";
    if plural {
        &base[..base.len() - 1]
    } else {
        base
    }
}

/// Whether a token with flags `f` can be a content word.
pub fn is_content(f: u64) -> bool {
    f & flag::WORD != 0 && f & flag::FUNCTION == 0
}

impl<'k> ContentWords<'k> {
    /// The content words of `k`'s sentences, every distinct form looked at once: built once
    /// per document and shared by keywords and summary (`record` passes one to both).
    ///
    /// Lexemes are made in order of first appearance, sentences first, so ids in lexeme order
    /// are ids in order of first appearance in the sentences; a lexeme first met in the
    /// dateline or a picture title (after every sentence's) gets none.
    pub fn new(k: &'k Tokens) -> Self {
        let in_sentences = k
            .sentences()
            .last()
            .and_then(|s| k.toks[..s.end as usize].iter().map(|t| t.lex).max())
            .map_or(0, |m| m as usize + 1);
        let mut w = ContentWords {
            k,
            by_lexeme: vec![NONE; k.lexemes.len()],
            ids: FastMap::with_capacity_and_hasher(in_sentences, Default::default()),
            idf: Vec::with_capacity(in_sentences),
        };
        for (lex, lx) in k.lexemes[..in_sentences].iter().enumerate() {
            if !is_content(lx.flags) {
                continue;
            }
            let base = k.base_of(lx);
            if base.chars().nth(1).is_none() {
                continue;
            }
            let next = w.ids.len() as u32;
            let id = *w.ids.entry(fold(base)).or_insert(next);
            if id as usize == w.idf.len() {
                w.idf.push(f32::MAX);
            }
            let f = idf::of_id(lx.id);
            if f < w.idf[id as usize] {
                w.idf[id as usize] = f;
            }
            w.by_lexeme[lex] = id;
        }
        w
    }

    /// Number of distinct content words.
    pub fn len(&self) -> usize {
        self.idf.len()
    }

    pub fn is_empty(&self) -> bool {
        self.idf.is_empty()
    }

    /// The id of token `i`, `NONE` when it is not a content word of a sentence.
    pub fn id(&self, i: usize) -> u32 {
        self.by_lexeme[self.k.toks[i].lex as usize]
    }

    /// The id of lexeme `lex` of the stream, `NONE` when it is not a content word of a
    /// sentence.
    pub fn of_lexeme(&self, lex: u32) -> u32 {
        self.by_lexeme.get(lex as usize).copied().unwrap_or(NONE)
    }

    /// The id of a lower-cased word (possessive removed) if the sentences have it.
    pub fn of_word(&self, base: &str) -> Option<u32> {
        self.ids.get(fold(base)).copied()
    }

    pub fn idf(&self, id: u32) -> f64 {
        self.idf.get(id as usize).copied().unwrap_or(0.0) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn one_id_per_word_whatever_its_form() {
        let t = "Rebels' rebel REBELS the 2014 boss crisis news new";
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let w = ContentWords::new(&k);
        let ids: Vec<(&str, u32)> = (0..k.len())
            .map(|i| (&t[k.span(i).start..k.span(i).end], w.id(i)))
            .collect();
        let id = |s: &str| ids.iter().find(|x| x.0 == s).map(|x| x.1).unwrap_or(0);
        assert_eq!(id("Rebels"), id("rebel"));
        assert_eq!(id("rebel"), id("REBELS"));
        assert_eq!(id("'"), NONE);
        assert_eq!(id("the"), NONE);
        assert_eq!(id("2014"), NONE);
        assert_ne!(id("news"), id("new"));
        assert_eq!(fold("boss"), "boss");
        assert_eq!(fold("crisis"), "crisis");
        assert_eq!(w.of_word("rebels"), Some(id("rebel")));
        assert!(w.idf(id("boss")) > 0.0);
    }
}
