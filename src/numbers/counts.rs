//! Event counts: which amounts count people killed, wounded, arrested and so on.
//!
//! A trigger word (`data/numbers/triggers.tsv`) governs an amount from one of three places,
//! tried in this order: just before it ("killed nine", "the death toll rose to 50"), after it
//! and its noun past auxiliaries ("19 people dead", "58 injured", "had been killed", also
//! across a coordinated amount: "7,818 civilians and 1,050 members ... had been killed"), or
//! inside its noun ("1.5m refugees", "thousands of protesters").

use super::amounts::Amount;
use super::fine::Toks;
use super::lexicon::Trigger;
use super::words::{set, table, WORDS};

/// A count: the amount's index, its type and the trigger's token range.
pub struct Hit {
    pub amount: usize,
    pub kind: &'static str,
    pub trigger: (usize, usize),
}

const MAX_LEFT_BRIDGE: usize = 4;
const CONJUNCT_DETERMINERS: &[&str] = &["a", "an", "his", "her", "their", "another"];
const MAX_RIGHT_STEPS: usize = 10;

fn countable(t: &Toks, a: &Amount) -> bool {
    let head_non_count = a
        .noun
        .is_some_and(|n| t.info(n.2.saturating_sub(1)).has(set::NON_COUNT));
    matches!(a.kind, "cardinal" | "vague" | "range")
        && a.unit.is_none()
        && a.currency.is_none()
        && !head_non_count
}

fn left(t: &Toks, a: &Amount) -> Option<(Trigger, usize, usize)> {
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
    for _ in 0..MAX_RIGHT_STEPS {
        if let Some((tr, n)) = t.longest(p, usize::MAX, &WORDS.triggers, table::TRIGGERS) {
            if tr.right {
                return Some((*tr, p, p + n));
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
        }
        if !t.info(p).has(set::BRIDGE_RIGHT) {
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
        let hit = left(t, a)
            .or_else(|| right(t, amounts, i))
            .or_else(|| in_noun(t, a));
        if let Some((tr, s, e)) = hit {
            out.push(Hit {
                amount: i,
                kind: tr.kind,
                trigger: (s, e),
            });
        }
    }
}
