//! Multi-word phrase tables matched against the token stream without building string keys:
//! a trie over vocabulary ids (`lexicon::Vocab`), walked one token at a time.
//!
//! A phrase is a sequence of steps; a step is a word's vocabulary id and, for tables whose
//! phrases care about white space (numbers: "us$" is glued, "per cent" is spaced), whether the
//! token is glued to the one before it. Every word of every phrase must be in the vocabulary
//! (the module owning the table registers them in its `lexicon_words`), so a token that is not
//! in it ends the walk at once.

use crate::lexicon::VOCAB;
use crate::tables::FastMap;

/// One step of a phrase: a vocabulary id, and whether the token is glued to the previous one
/// (always `false` for tables that ignore white space).
pub type Step = (u32, bool);

fn key(node: u32, s: Step) -> u64 {
    (node as u64) << 33 | (s.0 as u64) << 1 | s.1 as u64
}

/// A phrase table: the values of phrases keyed by their steps.
#[derive(Debug)]
pub struct Phrases<V> {
    edges: FastMap<u64, u32>,
    /// Value of the phrase ending at each node (node 0 is the root).
    values: Vec<Option<V>>,
    /// Longest phrase, in steps.
    pub max_len: usize,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            edges: FastMap::default(),
            values: vec![None],
            max_len: 0,
        }
    }
}

/// The vocabulary id of a lower-cased word, `u32::MAX` when the vocabulary lacks it.
pub fn id_of(lower: &str) -> u32 {
    VOCAB.lookup(lower, lower).id
}

impl<V> Phrases<V> {
    /// Adds a phrase given as its steps; a phrase added twice keeps its first value.
    pub fn insert(&mut self, steps: &[Step], value: V) {
        let mut node = 0u32;
        for &s in steps {
            let next = self.values.len() as u32;
            let child = *self.edges.entry(key(node, s)).or_insert(next);
            if child == next {
                self.values.push(None);
            }
            node = child;
        }
        if node != 0 && self.values[node as usize].is_none() {
            self.values[node as usize] = Some(value);
        }
        self.max_len = self.max_len.max(steps.len());
    }

    /// Adds a phrase of words separated by spaces (white space ignored), looking each word up
    /// in the vocabulary; `false` when a word is missing from it (the phrase could never match).
    pub fn insert_words(&mut self, phrase: &str, value: V) -> bool {
        let steps: Vec<Step> = phrase
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| (id_of(w), false))
            .collect();
        if steps.is_empty() || steps.iter().any(|s| s.0 == u32::MAX) {
            return false;
        }
        self.insert(&steps, value);
        true
    }

    /// The longest phrase whose steps are `step(0)`, `step(1)`, ... (at most `max` of them;
    /// `step` returns `None` past the end): its length in steps and its value.
    pub fn longest(
        &self,
        max: usize,
        mut step: impl FnMut(usize) -> Option<Step>,
    ) -> Option<(usize, &V)> {
        let mut node = 0u32;
        let mut best = None;
        for n in 0..max.min(self.max_len) {
            let Some(s) = step(n) else { break };
            if s.0 == u32::MAX {
                break;
            }
            let Some(&child) = self.edges.get(&key(node, s)) else {
                break;
            };
            node = child;
            if let Some(v) = &self.values[node as usize] {
                best = Some((n + 1, v));
            }
        }
        best
    }

    /// Whether `steps` is a whole phrase of the table.
    pub fn get(&self, steps: &[Step]) -> Option<&V> {
        self.longest(steps.len(), |n| steps.get(n).copied())
            .filter(|(n, _)| *n == steps.len())
            .map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.values.len() == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_and_glue() {
        let mut p: Phrases<u8> = Phrases::default();
        p.insert(&[(1, false)], 1);
        p.insert(&[(1, false), (2, false), (3, false)], 3);
        p.insert(&[(1, false), (4, true)], 2);
        let run = |s: &[Step], max| p.longest(max, |n| s.get(n).copied()).map(|(n, v)| (n, *v));
        assert_eq!(run(&[(1, false), (2, false), (3, false)], 4), Some((3, 3)));
        assert_eq!(run(&[(1, false), (2, false), (3, false)], 2), Some((1, 1)));
        assert_eq!(run(&[(1, false), (2, false), (9, false)], 4), Some((1, 1)));
        assert_eq!(run(&[(1, false), (4, true)], 4), Some((2, 2)));
        assert_eq!(run(&[(1, false), (4, false)], 4), Some((1, 1)));
        assert_eq!(run(&[(2, false)], 4), None);
        assert_eq!(p.max_len, 3);
        assert_eq!(p.get(&[(1, false), (4, true)]), Some(&2));
        assert_eq!(p.get(&[(1, false), (2, false)]), None);
        assert!(!p.is_empty());
    }
}
