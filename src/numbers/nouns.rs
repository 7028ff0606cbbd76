//! What an amount counts: the noun words after it ("people", "members of the security
//! forces"), read up to the verb.

use super::fine::{Kind, Toks};
use super::words::{set, table, WORDS};
use crate::lexicon::flag;

const DETERMINERS: &[&str] = &[
    "the", "these", "those", "his", "her", "its", "their", "our", "them",
];

pub fn verbish(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    (w.len() > 4 && w.ends_with("ed"))
        || (w.len() > 5 && w.ends_with("ing"))
        || t.word(i, &WORDS.triggers, table::TRIGGERS)
            .is_some_and(|tr| tr.left || (tr.right && !tr.event))
}

/// An adverb in -ly ("squarely").
pub fn adverb(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    t.kind(i) == Some(Kind::Word) && w.len() > 4 && w.ends_with("ly")
}

pub fn noun_word(t: &Toks, i: usize) -> bool {
    // A contraction is a pronoun and its verb ("they've"), never a counted noun.
    let contraction = |w: &str| {
        w.char_indices().any(|(k, c)| {
            (c == '\'' || c == '’')
                && matches!(&w[k + c.len_utf8()..], "ve" | "ll" | "re" | "m" | "d" | "t")
        })
    };
    t.kind(i) == Some(Kind::Word)
        && !contraction(t.low(i))
        && !t.info(i).has(set::NOUN_STOP)
        && t.info(i).class.is_none()
        && t.info(i).vague.is_none()
        && !(t.get(i).is_some_and(|k| k.cap) && t.flags(i) & (flag::MONTH | flag::WEEKDAY) != 0)
}

fn plural(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    if w.ends_with("'s") {
        return false; // a possessive modifies what follows: "the bank's staff"
    }
    t.info(i).has(set::PLURAL)
        || (w.len() > 2
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

/// Noun words from `s`, at most four (a hyphenated compound is one): their end.
///
/// English puts the head last, so a plural amount's noun ends at its first plural word and
/// what follows is the verb ("people took"); after a singular or mass amount ("a 10-minute
/// walk takes", "40% of the budget goes") a later word in -s is taken for the verb.
fn noun_words(t: &Toks, s: usize, plural_amount: bool) -> usize {
    let mut e = s;
    let mut n = 0;
    while n < 4 && noun_word(t, e) {
        let next = compound_end(t, e);
        // A participle or trigger word is kept only as an adjective before a noun ("30
        // wounded soldiers"), not before an adverb ("one judge sided squarely").
        let adjective = noun_word(t, next) && !verbish(t, next) && !adverb(t, next);
        if verbish(t, e) && !adjective {
            break;
        }
        if !plural_amount && n > 0 && plural(t, e) && !t.info(e).has(set::PLURAL) {
            break;
        }
        e = next;
        n += 1;
        if plural_amount && plural(t, e - 1) {
            let irregular = t.info(e - 1).has(set::PLURAL);
            if !(irregular && noun_word(t, e) && plural(t, e) && !verbish(t, e)) {
                break;
            }
        }
    }
    e
}

/// End of the (singular or plural) noun words from `s`: "woman" of "and a woman".
pub fn noun_words_after(t: &Toks, s: usize) -> usize {
    noun_words(t, s, false)
}

/// End of the plural noun words from `s`: "moderate Hutus" of "and moderate Hutus".
pub fn noun_words_plural(t: &Toks, s: usize) -> usize {
    noun_words(t, s, true)
}

/// One past a word and the hyphenated parts glued to it ("Shia-led", "al-Qaeda").
fn compound_end(t: &Toks, i: usize) -> usize {
    let mut e = i + 1;
    let mut dotted = false;
    loop {
        // "al-Qaeda"; "U.S." (single letters joined by periods).
        let dot = t.is(e, ".") && t.low(e - 1).chars().count() == 1;
        if (t.is(e, "-") || dot)
            && t.glued(e)
            && t.glued(e + 1)
            && t.kind(e + 1) == Some(Kind::Word)
        {
            dotted |= dot;
            e += 2;
        } else {
            break;
        }
    }
    if dotted && t.is(e, ".") && t.glued(e) {
        e += 1;
    }
    e
}

/// What an amount ending before token `k` counts: "people", "members of the security forces".
pub fn noun_at(t: &Toks, k: usize, plural_amount: bool) -> Option<(usize, usize, usize)> {
    let mut s = k;
    if t.is(s, "of") {
        s += 1;
        if DETERMINERS.contains(&t.low(s)) {
            if t.is(s, "them") {
                return None;
            }
            s += 1;
        }
    }
    let e = noun_words(t, s, plural_amount);
    if e == s {
        return None;
    }
    let core_end = e;
    let mut end = e;
    if t.info(e - 1).has(set::PARTITIVE) && t.is(e, "of") {
        let mut f = e + 1;
        if DETERMINERS.contains(&t.low(f)) && !t.is(f, "them") {
            f += 1;
        }
        let g = noun_words(t, f, true);
        if g > f {
            end = g;
        }
    }
    Some((s, end, core_end))
}
