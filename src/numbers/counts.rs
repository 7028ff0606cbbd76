//! Event counts: which amounts count people killed, wounded, arrested and so on.
//!
//! A trigger word (`data/numbers/triggers.tsv`) governs an amount from one of three places,
//! tried in this order: just before it ("killed nine", "the death toll rose to 50"), after it
//! and its noun past auxiliaries ("19 people dead", "58 injured", "had been killed", also
//! across a coordinated amount: "7,818 civilians and 1,050 members ... had been killed"), or
//! inside its noun ("1.5m refugees", "thousands of protesters").
//!
//! After the noun the walk to a trigger reads the clause as a reader does (issue 15): past a
//! phrase that says which ones ("three people from Scotland died",
//! `data/numbers/counts_bridge_prep.txt`, only before the verb), an aside between commas
//! ("28 people, including a Briton, have been arrested", `counts_bridge_aside.txt`), a
//! coordinated noun with or without a determiner ("800,000 Tutsis and moderate Hutus were
//! killed"), adverbs in -ly ("were slightly injured") and words of taking part in an event,
//! after which only a protest trigger counts ("took part in a sit-in",
//! `counts_bridge_join.txt`). Before the amount, a trigger may govern it across a first
//! object ("killing a girl and injuring her parents and two siblings").

use super::amounts::Amount;
use super::fine::Toks;
use super::lexicon::Trigger;
use super::nouns::adverb;
use super::words::{set, table, WORDS};

/// A count: the amount's index, its type and the trigger's token range.
pub struct Hit {
    pub amount: usize,
    pub kind: &'static str,
    pub trigger: (usize, usize),
}

const MAX_LEFT_BRIDGE: usize = 4;
const CONJUNCT_DETERMINERS: &[&str] = &["a", "an", "his", "her", "their", "another"];
const MAX_RIGHT_STEPS: usize = 14;
const SINGULAR_VERBS: &[&str] = &["has", "was", "is"];
/// Longest aside between commas, and longest phrase after the noun, in tokens.
const MAX_ASIDE: usize = 8;
const MAX_PHRASE: usize = 6;
const PHRASE_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her",
];

fn trigger_word(t: &Toks, i: usize) -> bool {
    t.word(i, &WORDS.triggers, table::TRIGGERS).is_some()
}

/// Whether the event noun before `i` modifies a noun ("a strike price", "a rally driver").
fn modifier(t: &Toks, i: usize) -> bool {
    let f = t.info(i);
    super::nouns::noun_word(t, i)
        && !super::nouns::verbish(t, i)
        && !f.has(set::BRIDGE_PREP | set::BRIDGE_JOIN | set::BRIDGE_RIGHT)
        && !trigger_word(t, i)
}

/// The closing comma of an aside opened at `s` (", including a Briton,"), if it has no verb.
fn aside_end(t: &Toks, s: usize) -> Option<usize> {
    for i in s + 1..=s + MAX_ASIDE {
        if t.is(i, ",") {
            return (i > s + 1).then_some(i);
        }
        let w = t.low(i);
        let stop = t.get(i).is_none()
            || trigger_word(t, i)
            || t.info(i).has(set::BRIDGE_RIGHT) && !matches!(w, "all" | "each" | "the")
            || matches!(
                w,
                "." | ";" | ":" | "(" | ")" | "who" | "which" | "that" | "\"" | "“" | "”"
            )
            || (w.len() > 4 && w.ends_with("ed"));
        if stop {
            return None;
        }
    }
    None
}

/// One past a phrase after a counted noun opened by the word at `p` ("from West Yorkshire",
/// "living near the volcano"): determiners, names and noun words only.
fn phrase_end(t: &Toks, p: usize) -> Option<usize> {
    let mut e = p + 1;
    let mut words = 0;
    while e < p + 1 + MAX_PHRASE {
        let w = t.low(e);
        if PHRASE_DETERMINERS.contains(&w)
            || t.info(e).has(set::BRIDGE_PREP)
            || t.is(e, "'s")
            || (t.is(e, "-") && t.glued(e))
        {
            e += 1;
        } else if t
            .get(e)
            .is_some_and(|k| k.cap && k.kind == super::fine::Kind::Word)
            || (super::nouns::noun_word(t, e) && !trigger_word(t, e))
        {
            if super::nouns::verbish(t, e) {
                break;
            }
            e += 1;
            words += 1;
        } else {
            break;
        }
    }
    // A phrase ends on a word; a determiner or preposition left hanging is not one.
    while e > p + 1
        && (PHRASE_DETERMINERS.contains(&t.low(e - 1)) || t.info(e - 1).has(set::BRIDGE_PREP))
    {
        e -= 1;
    }
    (words > 0 && e > p + 1).then_some(e)
}

fn countable(t: &Toks, a: &Amount) -> bool {
    let head_non_count = a
        .noun
        .is_some_and(|n| t.info(n.2.saturating_sub(1)).has(set::NON_COUNT));
    matches!(a.kind, "cardinal" | "vague" | "range")
        && a.unit.is_none()
        && a.currency.is_none()
        && !head_non_count
}

/// A trigger before the amount; with `far`, also one across a first object ("injuring her
/// parents and two siblings"), tried only when nothing nearer governs the amount.
fn left(t: &Toks, a: &Amount, far: bool) -> Option<(Trigger, usize, usize)> {
    let mut q = a.qual_first;
    for _ in 0..=MAX_LEFT_BRIDGE {
        if q == 0 {
            return None;
        }
        if let Some((tr, n)) = t.longest_before(q, usize::MAX, &WORDS.triggers, table::TRIGGERS) {
            if tr.left {
                return Some((*tr, q - n, q));
            }
        }
        // "injuring her parents and two siblings": look past a first object.
        if far && t.is(q - 1, "and") && q >= 2 {
            let mut b = q - 1;
            let mut words = 0;
            while b > 0 && words < 4 && super::nouns::noun_word(t, b - 1) && !trigger_word(t, b - 1)
            {
                b -= 1;
                words += 1;
            }
            if words > 0 && b > 0 && CONJUNCT_DETERMINERS.contains(&t.low(b - 1)) {
                b -= 1;
            }
            if words > 0 {
                if let Some((tr, n)) =
                    t.longest_before(b, usize::MAX, &WORDS.triggers, table::TRIGGERS)
                {
                    if tr.left {
                        return Some((*tr, b - n, b));
                    }
                }
            }
        }
        if !t.info(q - 1).has(set::BRIDGE_LEFT) {
            return None;
        }
        q -= 1;
    }
    None
}

fn right(t: &Toks, amounts: &[Amount], at: usize) -> Option<(Trigger, usize, usize)> {
    let mut p = amounts.get(at)?.after();
    let mut next = at + 1;
    // Past a word of taking part only a protest trigger counts; past the verb no phrase or
    // aside of the subject is read.
    let mut joined = false;
    let mut verb = false;
    for _ in 0..MAX_RIGHT_STEPS {
        if let Some((tr, n)) = t.longest(p, usize::MAX, &WORDS.triggers, table::TRIGGERS) {
            if tr.right && (!joined || tr.kind == "PROTEST") && !(tr.event && modifier(t, p + n)) {
                return Some((*tr, p, p + n));
            }
        }
        if !verb && t.is(p, ",") && t.info(p + 1).has(set::BRIDGE_ASIDE) {
            if let Some(e) = aside_end(t, p + 1) {
                p = e + 1;
                continue;
            }
        }
        if !verb && !joined && t.info(p).has(set::BRIDGE_PREP) {
            if let Some(e) = phrase_end(t, p) {
                p = e;
                continue;
            }
        }
        if t.is(p, "and") || t.is(p, ",") {
            if let Some(b) = amounts.get(next).filter(|b| b.qual_first == p + 1) {
                p = b.after();
                next += 1;
                continue;
            }
            // "Two men and a woman were arrested": an un-numbered conjunct.
            if t.is(p, "and") && CONJUNCT_DETERMINERS.contains(&t.low(p + 1)) {
                let e = super::nouns::noun_words_after(t, p + 2);
                if e > p + 2 {
                    p = e;
                    continue;
                }
            }
            // "800,000 Tutsis and moderate Hutus were killed": a bare plural conjunct.
            if t.is(p, "and") && !verb && !joined && !trigger_word(t, p + 1) {
                let e = super::nouns::noun_words_plural(t, p + 1);
                if e > p + 1 && !trigger_word(t, e - 1) {
                    p = e;
                    continue;
                }
            }
        }
        // "one of the three suspects has been charged": a singular verb has another subject.
        if !verb
            && SINGULAR_VERBS.contains(&t.low(p))
            && amounts.get(at).is_some_and(|a| a.value > 1.0)
        {
            return None;
        }
        if t.info(p).has(set::BRIDGE_RIGHT) {
            verb = true;
        } else if t.info(p).has(set::BRIDGE_JOIN) {
            joined = true;
        } else if !(verb && adverb(t, p)) {
            return None;
        }
        p += 1;
    }
    None
}

fn in_noun(t: &Toks, a: &Amount) -> Option<(Trigger, usize, usize)> {
    let (s, _, core_end) = a.noun?;
    (s..core_end).find_map(|x| {
        let (tr, n) = t.longest(x, usize::MAX, &WORDS.triggers, table::TRIGGERS)?;
        (tr.noun && x + n <= core_end).then_some((*tr, x, x + n))
    })
}

/// Counts among the amounts of one sentence.
pub fn find(t: &Toks, amounts: &[Amount], out: &mut Vec<Hit>) {
    for (i, a) in amounts.iter().enumerate() {
        if !countable(t, a) {
            continue;
        }
        let hit = left(t, a, false)
            .or_else(|| right(t, amounts, i))
            .or_else(|| in_noun(t, a))
            .or_else(|| left(t, a, true));
        if let Some((tr, s, e)) = hit {
            out.push(Hit {
                amount: i,
                kind: tr.kind,
                trigger: (s, e),
            });
        }
    }
}
