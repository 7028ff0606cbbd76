//! Tone in the spirit of GDELT's GKG V1.5TONE, with VADER's rules for negation, intensifiers
//! and "but": read from the token stream (lexicon flag `TONE_CUE`, payload by lexeme id), one
//! pass, no second tokenizer.
//!
//! Every sentence's words are read in order. A sentiment word (VADER's lexicon, valence -4..4,
//! with the valences learned on NewsMTSC in `data/tone/learned.tsv` replacing or adding words)
//! is strengthened or weakened by an intensifier among the three words before it ("very",
//! "slightly": ±0.293, less with distance), flipped and damped by a negator among them ("not",
//! "never", "didn't"), and in a sentence with "but" weighted before and after it; the factors
//! are VADER's, read from `data/tone/rules.tsv` (`scripts/train_tone.py` can search them).
//! `positive` and `negative` are then shares of words, in percent, each word weighted by its
//! strength (|valence| / 2, so a typical sentiment word counts as one word); `tone` is their
//! difference and `polarity` their sum, as in GDELT.

mod cues;

use serde::Serialize;

use crate::doc::{Document, RegionKind};
use crate::lexicon::flag;
pub use cues::lexicon_words;
use cues::{Cue, Rules, BY_ID, RULES};

/// Intensifiers further away count less (VADER: 1, 0.95, 0.9 for one, two, three words back).
const DISTANCE: [f64; 3] = [1.0, 0.95, 0.9];
/// A typical sentiment word's valence: a word of this strength counts as one word.
const UNIT: f64 = 2.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    /// `positive - negative`: about -10..10 for news, 0 for neutral or balanced text.
    pub tone: f64,
    /// Share of words with a positive connotation, in percent, weighted by strength.
    pub positive: f64,
    /// Share of words with a negative connotation, in percent, weighted by strength.
    pub negative: f64,
    /// `positive + negative`: how emotionally charged the text is, whatever the direction.
    pub polarity: f64,
    /// Share of words that are activity words ("attacked", "marched"), in percent.
    pub activity: f64,
    /// Share of words that are first-person pronouns ("I", "we", "our"), in percent.
    pub self_group: f64,
    /// Words read (tokens that start with a letter, in every sentence of the text).
    pub word_count: usize,
    /// `tone` of each body paragraph, in the order of the record's `paragraphs`.
    pub paragraphs: Vec<f64>,
}

/// Running sums over some sentences.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    words: usize,
    positive: f64,
    negative: f64,
    activity: usize,
    self_group: usize,
}

impl Sums {
    fn add(&mut self, o: &Sums) {
        self.words += o.words;
        self.positive += o.positive;
        self.negative += o.negative;
        self.activity += o.activity;
        self.self_group += o.self_group;
    }

    fn pct(&self, x: f64) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            round3(100.0 * x / self.words as f64)
        }
    }

    fn tone(&self) -> f64 {
        round3(self.pct(self.positive) - self.pct(self.negative))
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The tone of `doc`: every sentence of every region (headline, captions, paragraphs).
pub fn score(doc: &Document) -> Tone {
    let k = doc.tokens();
    let mut total = Sums::default();
    let mut paragraphs = vec![Sums::default(); doc.layout.paragraphs.len()];
    let mut valences: Vec<(usize, f64)> = Vec::new();
    let rules = &*RULES;
    for (s, seg) in k.sentences().iter().enumerate() {
        let sums = sentence(
            k,
            seg.tokens(),
            seg.has(flag::TONE_CUE),
            rules,
            &mut valences,
        );
        total.add(&sums);
        let para = doc
            .sentences
            .get(s)
            .and_then(|x| doc.regions.get(x.region))
            .filter(|r| r.kind == RegionKind::Paragraph)
            .map(|r| r.paragraph);
        if let Some(p) = para.and_then(|p| paragraphs.get_mut(p)) {
            p.add(&sums);
        }
    }
    Tone {
        tone: total.tone(),
        positive: total.pct(total.positive),
        negative: total.pct(total.negative),
        polarity: total.pct(total.positive + total.negative),
        activity: total.pct(total.activity as f64),
        self_group: total.pct(total.self_group as f64),
        word_count: total.words,
        paragraphs: paragraphs.iter().map(Sums::tone).collect(),
    }
}

/// One sentence's sums. `valences` is a reused buffer of (word index in the sentence, valence).
fn sentence(
    k: &crate::stream::Tokens,
    range: std::ops::Range<usize>,
    cues: bool,
    rules: &Rules,
    valences: &mut Vec<(usize, f64)>,
) -> Sums {
    let mut sums = Sums::default();
    if !cues {
        sums.words = range.filter(|&i| k.has(i, flag::WORD)).count();
        return sums;
    }
    valences.clear();
    // The last three words' cues, nearest first.
    let mut recent: [Option<&Cue>; 3] = [None; 3];
    let mut but: Option<usize> = None;
    for i in range {
        let f = k.flags(i);
        if f & flag::WORD == 0 {
            continue;
        }
        let n = sums.words;
        sums.words += 1;
        let cue = if f & flag::TONE_CUE != 0 {
            BY_ID.get(k.lexeme(i).id as usize).and_then(Option::as_ref)
        } else {
            None
        };
        if let Some(c) = cue {
            sums.activity += c.activity as usize;
            sums.self_group += c.self_group as usize;
            if c.but && but.is_none() {
                but = Some(n);
            }
            if c.valence != 0.0 {
                let mut v = c.valence;
                for (d, r) in recent.iter().enumerate() {
                    if let Some(r) = r {
                        if r.boost != 0.0 {
                            let b = r.boost * rules.boost_scale * DISTANCE[d];
                            v += if v > 0.0 { b } else { -b };
                        }
                    }
                }
                if recent.iter().flatten().any(|r| r.negator) {
                    v *= rules.negation;
                }
                valences.push((n, v));
            }
        }
        recent = [cue, recent[0], recent[1]];
    }
    for &(n, mut v) in valences.iter() {
        if let Some(b) = but {
            v *= if n < b {
                rules.but_before
            } else if n > b {
                rules.but_after
            } else {
                1.0
            };
        }
        if v > 0.0 {
            sums.positive += v / UNIT;
        } else {
            sums.negative += -v / UNIT;
        }
    }
    sums
}

#[cfg(test)]
mod tests;
