//! What kind of quote a quote is — direct, a scare quote or title, a headline quote — and the
//! speakers that come from the quote itself (a transcript label) or from a body quote that
//! repeats a headline quote's words.

use super::marks::{self, Block, Quoted};
use super::view::{cls, Forms, Kind, Tok};
use super::{block_of, is_mark, lexicon, people, Who};
use crate::doc::{Document, RegionKind};
use crate::text::{count_words_upto, is_blank, Span};

/// Words of more than three letters in the first 2,000 bytes of `s`, as written.
fn content_words(s: &str) -> impl Iterator<Item = &str> {
    let cut = (0..=s.len().min(2000))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    s[..cut]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
}

/// Whether two words are the same lower-cased (no allocation for ASCII words).
fn same_lower(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// A headline or subheading quote with no speaker of its own ('No boots on ground') takes
/// the speaker of the first body quote that holds most of its words.
pub fn borrow_headline_speakers(
    text: &str,
    blocks: &[Block],
    doc: &Document,
    quoted: &[Quoted],
    who: &mut [Who],
) {
    let is_head = |q: &Quoted| {
        block_of(blocks, q.inner().start)
            .and_then(|bi| doc.regions.get(bi))
            .is_some_and(|r| {
                matches!(r.kind, RegionKind::Headline | RegionKind::Subheading)
                    || quoted_subheading(text, r.span, q)
            })
    };
    let heads: Vec<usize> = (0..quoted.len())
        .filter(|&i| !who[i].known() && is_head(&quoted[i]))
        .take(20)
        .collect();
    let mut hw: Vec<&str> = Vec::new();
    for hi in heads {
        let inner = quoted[hi].inner();
        hw.clear();
        hw.extend(content_words(&text[inner.start..inner.end]));
        if hw.len() < 2 {
            continue;
        }
        let found = (0..quoted.len())
            .filter(|&j| j != hi && who[j].known() && !is_head(&quoted[j]))
            .find(|&j| {
                let inner = quoted[j].inner();
                let body = &text[inner.start..inner.end];
                let shared = hw
                    .iter()
                    .filter(|w| content_words(body).any(|b| same_lower(w, b)))
                    .count();
                shared * 3 >= hw.len() * 2
            });
        if let Some(j) = found {
            who[hi] = who[j].clone();
        }
    }
}

/// A short title-case paragraph that is nothing but one single-quoted phrase is a
/// subheading (BBC and NYT style: 'No boots on ground').
pub fn quoted_subheading(text: &str, region: Span, q: &Quoted) -> bool {
    if region.len() > 300 || q.fam != marks::Family::Single {
        return false;
    }
    let close = q.close.map_or(q.inner().end, |c| c.end);
    let inner = q.inner();
    let (Some(before), Some(after), Some(words)) = (
        text.get(region.start..q.open.start),
        text.get(close..region.end),
        text.get(inner.start..inner.end),
    ) else {
        return false;
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    before.chars().all(is_blank)
        && after.chars().all(|c| is_blank(c) || c == '.')
        && !words.is_empty()
        && words.len() <= 10
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
}

/// A whole quoted sentence (or more): it opens a sentence, follows a colon, comma or cue, and
/// starts with a capital.
pub fn is_direct(text: &str, toks: &[Tok], ends: &[bool], ti: usize, q: &Quoted) -> bool {
    let inner = q.inner();
    let first = text[inner.start..inner.end]
        .chars()
        .find(|c| !is_mark(*c) && !is_blank(*c));
    let capital = first.is_some_and(|c| !c.is_lowercase());
    let opens = ti == 0
        || ends.get(ti - 1).copied().unwrap_or(true)
        || toks.get(ti - 1).is_some_and(|t| {
            matches!(t.kind, Kind::Punct(':' | ',' | '—' | '―' | '-')) || t.has(cls::SPEECH)
        });
    capital && opens
}

/// Scare quotes, names and titles (see the module comment): HTML attribute values
/// (`author="..."`), a quote after "so-called" or "known as", a nickname between the parts of a
/// name (`Robert C. "Bobby" Scott`), a title-case phrase after a possessive or a word such as
/// "book" or "on" (`CBS's "Face the Nation"`), a parenthesised stage direction.
pub fn is_scare(
    text: &str,
    forms: &Forms,
    toks: &[Tok],
    ti: usize,
    q: &Quoted,
    title_case: bool,
) -> bool {
    let inner = q.inner();
    let s = &text[inner.start..inner.end];
    let n = count_words_upto(s, 9);
    if n == 0 || n > 8 {
        return false;
    }
    if text[..q.open.start].ends_with('=')
        || s.starts_with('(') && s.trim_end_matches(['.', ',']).ends_with(')')
    {
        return true;
    }
    if title_case {
        return false;
    }
    // Lower-cased words ("" for a word with its period: it matches no entry).
    let wd = |i: usize| toks.get(i).filter(|t| t.is_word()).map(|t| forms.lower(t));
    let prev1 = ti.checked_sub(1).and_then(wd);
    if n <= 6 {
        // "known as the 'city of terrorism'": an article may stand between.
        let skip = usize::from(prev1.is_some_and(|p| matches!(p, "the" | "a" | "an")));
        let p1 = ti.checked_sub(1 + skip).and_then(wd);
        let p2 = ti.checked_sub(2 + skip).and_then(wd);
        let hit = lexicon::SCARE_BEFORE.iter().any(|p| match p.as_slice() {
            [a] => p1 == Some(a.as_str()),
            [a, b] => p2 == Some(a.as_str()) && p1 == Some(b.as_str()),
            _ => false,
        });
        if hit {
            return true;
        }
    }
    let cap_word = |i: usize| toks.get(i).is_some_and(people::name_token);
    if n <= 2 && ti > 0 && cap_word(ti - 1) && cap_word(ti + 1) {
        return true;
    }
    let title = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .enumerate()
        .all(|(i, w)| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || i > 0 && w.chars().count() <= 3
        });
    let possessive = ti > 0
        && toks
            .get(ti - 1)
            .is_some_and(|t| t.has(cls::POSS | cls::POSS_PLURAL));
    // "his 2002 book, ''Make Your Kid a Millionaire''": a comma may stand between.
    let comma_then = if ti >= 2 && toks.get(ti - 1).is_some_and(|t| t.is_punct(',')) {
        wd(ti - 2)
    } else {
        None
    };
    let right_before = prev1.is_some_and(|p| lexicon::TITLE_BEFORE.contains(p));
    // After a comma only a noun counts ("book,"), not a preposition.
    let noun_comma = comma_then.is_some_and(|p| p.len() > 2 && lexicon::TITLE_BEFORE.contains(p));
    title && n <= 6 && (possessive || right_before || noun_comma)
}

/// "WALLACE: ..." inside a transcript quote names its speaker.
pub fn transcript_label(text: &str, q: &Quoted) -> Option<Who> {
    let inner = q.inner();
    let s = &text[inner.start..inner.end];
    let colon = s
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == ':')
        .map(|(i, _)| i)?;
    let label = &s[..colon];
    let ok = label.len() >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    let lead = label.len() - label.trim_start().len();
    let trimmed = label.trim();
    ok.then(|| Who {
        mention: Some(Span::new(inner.start, inner.start + colon)),
        verb: None,
        person: None,
        label: Some(Span::new(
            inner.start + lead,
            inner.start + lead + trimmed.len(),
        )),
    })
}
