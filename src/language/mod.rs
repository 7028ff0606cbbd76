//! The article's language: an ISO 639-1 code and a confidence, from a bounded sample of its
//! text (the headline and the first sentences, up to `SAMPLE_LETTERS` letters).
//!
//! 1. The sample's letters are counted by script (`script`). A script only one supported
//!    language writes (Greek, Hangul, Thai, Georgian, ...) is the answer; Han with kana is
//!    Japanese, Han alone Chinese.
//! 2. Latin, Cyrillic, Arabic and Devanagari text is scored by the n-gram model (`model`) over
//!    that script's languages, with the words of the dominant script only (names in another
//!    alphabet do not vote).
//!
//! Too little text (fewer than `MIN_LETTERS` letters) gives `"und"`. A page's declared
//! language (`<html lang>`, `Content-Language`) is kept beside the answer as `declared`, never
//! used as the answer.

mod model;
mod script;

use serde::Serialize;

use crate::doc::Document;
pub use model::is_word_char;
use model::{Scores, MODEL};
use script::Script;

/// Letters read at most: enough for a clear answer on an article, a bounded cost on long ones.
pub const SAMPLE_LETTERS: usize = 400;
/// Fewer letters than this and the language is `"und"`.
pub const MIN_LETTERS: usize = 8;
/// Fewer words of two letters or more than this and the language is `"und"` too (text whose
/// letters stand alone, such as UTF-16 read as Latin-1, "P a u l o", is no language).
pub const MIN_WORDS: usize = 2;
/// The confidence a non-English answer needs to switch the English extractors off.
pub const GATE_CONFIDENCE: f64 = 0.9;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-1 ("en", "nb", "sr"); `"und"` when the text is too short to tell.
    pub code: String,
    /// The model's probability for `code` (script-decided languages: the share of the sample's
    /// letters in that script), rounded to three decimals; 0 for `"und"`.
    pub confidence: f64,
    /// For HTML pages: the language the page declares (`<html lang>`, `Content-Language`,
    /// `og:locale`), as written. A hint beside the answer, never the answer.
    pub declared: Option<String>,
}

impl Language {
    pub fn is_english(&self) -> bool {
        self.code == "en"
    }

    /// Whether the English-only extractors should skip this article: a language other than
    /// English was told with a confidence of at least `GATE_CONFIDENCE` (a doubtful answer
    /// keeps the English extractors: wiping an English article's fields costs more than
    /// running English rules over a foreign one).
    pub fn is_other(&self) -> bool {
        self.code != "en" && self.code != "und" && self.confidence >= GATE_CONFIDENCE
    }
}

/// The language of `doc`'s text (no declared language): its sentences in reading order until
/// the answer is clear (see `Sample::settled`) or `SAMPLE_LETTERS` letters were read.
pub fn detect(doc: &Document) -> Language {
    let mut sample = Sample::new();
    for s in &doc.sentences {
        if sample.full() || sample.settled() {
            break;
        }
        sample.push(doc.str(s.span));
    }
    sample.decide()
}

/// The language of a plain string, read the same way (in pieces of about a sentence).
pub fn detect_text(text: &str) -> Language {
    let mut sample = Sample::new();
    let mut rest = text;
    while !rest.is_empty() && !sample.full() && !sample.settled() {
        // Cut after a sentence-ending mark (or take the rest).
        let cut = rest
            .char_indices()
            .find(|&(i, c)| i >= 80 && matches!(c, '.' | '!' | '?' | '。' | '\n'))
            .map_or(rest.len(), |(i, c)| i + c.len_utf8());
        sample.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    sample.decide()
}

/// Letters between two checks of whether the answer is settled.
const CHECK_EVERY: usize = 80;
/// A lead of the best language over the second, in nats of log-likelihood, that more text does
/// not overturn in practice (measured on the development sample: see the README).
const SETTLED_MARGIN: f64 = 15.0;

/// The sample's words, lower-cased, each with its script (from its first character).
#[derive(Default)]
struct Sample {
    chars: Vec<char>,
    /// (start in `chars`, end, script)
    words: Vec<(u32, u32, Script)>,
    letters: usize,
    counts: [usize; script::COUNT],
    /// The model's scores of the words read so far (of the script they were scored for).
    scores: Option<(Script, Scores)>,
    /// Words already scored.
    scored: usize,
    next_check: usize,
    /// Once settled, reading stops (`settled` answers true from then on).
    settled: bool,
}

impl Sample {
    /// Room for a full sample up front (no regrowth while reading).
    fn new() -> Self {
        Sample {
            chars: Vec::with_capacity(SAMPLE_LETTERS + 64),
            words: Vec::with_capacity(SAMPLE_LETTERS / 3),
            ..Sample::default()
        }
    }

    fn full(&self) -> bool {
        self.letters >= SAMPLE_LETTERS
    }

    /// The dominant script of the sample (first in enum order on a tie), `None` without letters.
    fn dominant(&self) -> Option<Script> {
        let mut best: Option<Script> = None;
        for (i, &n) in self.counts[..Script::Other as usize].iter().enumerate() {
            if n > 0 && best.is_none_or(|b| n > self.counts[b as usize]) {
                best = Some(ALL[i]);
            }
        }
        best
    }

    /// Scores the words not yet scored (all of them again if the dominant script changed).
    fn score(&mut self, dominant: Script) -> Option<&Scores> {
        dominant.group()?;
        let m = &*MODEL;
        if self.scores.as_ref().is_none_or(|(s, _)| *s != dominant) {
            self.scores = Some((dominant, Scores::new(m)));
            self.scored = 0;
        }
        let (_, scores) = self.scores.as_mut()?;
        for &(a, b, sc) in &self.words[self.scored..] {
            if sc == dominant {
                scores.add_word(m, &self.chars[a as usize..b as usize]);
            }
        }
        self.scored = self.words.len();
        self.scores.as_ref().map(|(_, s)| s)
    }

    /// Whether more text would not change the answer: checked every `CHECK_EVERY` letters; a
    /// script-decided language is settled at once, a modelled one when its lead is
    /// `SETTLED_MARGIN` nats.
    fn settled(&mut self) -> bool {
        if self.settled {
            return true;
        }
        if self.letters < self.next_check.max(CHECK_EVERY) {
            return false;
        }
        self.next_check = self.letters + CHECK_EVERY;
        let Some(dominant) = self.dominant() else {
            return false;
        };
        let Some(group) = dominant.group() else {
            self.settled = true;
            return true;
        };
        let Some(scores) = self.score(dominant) else {
            return false;
        };
        self.settled = scores
            .lead(&MODEL, group)
            .is_some_and(|d| d >= SETTLED_MARGIN);
        self.settled
    }

    fn push(&mut self, text: &str) {
        let mut start = self.chars.len();
        let mut first: Option<Script> = None;
        for c in text.chars() {
            if is_word_char(c) {
                let sc = script::of(c);
                if first.is_none() {
                    first = Some(sc);
                }
                self.counts[sc as usize] += 1;
                self.letters += 1;
                if c.is_ascii() {
                    self.chars.push(c.to_ascii_lowercase());
                } else {
                    self.chars.extend(c.to_lowercase());
                }
            } else {
                self.end_word(start, first.take());
                start = self.chars.len();
                // Checked between words, not only between sentences: a long first
                // sentence is not read to its end once the answer is settled.
                if self.full() || self.settled() {
                    return;
                }
            }
        }
        self.end_word(start, first.take());
    }

    fn end_word(&mut self, start: usize, script: Option<Script>) {
        if let Some(sc) = script {
            if self.chars.len() > start {
                self.words.push((start as u32, self.chars.len() as u32, sc));
            }
        }
    }

    fn decide(&mut self) -> Language {
        let und = Language {
            code: "und".into(),
            confidence: 0.0,
            declared: None,
        };
        let counted: usize = self.counts[..Script::Other as usize].iter().sum();
        if self.letters < MIN_LETTERS || counted == 0 {
            return und;
        }
        let Some(best) = self.dominant() else {
            return und;
        };
        // In the alphabets written with spaces, too few real words, or mostly one-letter
        // ones, is no language.
        if best.group().is_some() {
            let words = self.words.iter().filter(|w| w.1 - w.0 >= 2).count();
            if words < MIN_WORDS || words * 3 < self.words.len() {
                return und;
            }
        }
        let share = |n: usize| n as f64 / counted as f64;
        if best == Script::Han || best == Script::Kana {
            let (han, kana) = (
                self.counts[Script::Han as usize],
                self.counts[Script::Kana as usize],
            );
            let code = if kana * 10 >= han + kana && kana > 0 {
                "ja"
            } else {
                "zh"
            };
            return language(code, share(han + kana));
        }
        if let Some(code) = best.language() {
            return language(code, share(self.counts[best as usize]));
        }
        let Some(group) = best.group() else {
            return und;
        };
        let m = &*MODEL;
        let Some(scores) = self.score(best) else {
            return und;
        };
        if scores.seen == 0 {
            return und;
        }
        // Naive Bayes is over-confident (overlapping n-grams are not independent): its
        // log-likelihood gaps are tempered by the square root of the evidence.
        let t = (scores.seen as f64).sqrt().max(1.0) / 2.0;
        let Some((li, z)) = scores.best(m, group, t) else {
            return und;
        };
        language(&m.langs[li].code, 1.0 / z)
    }
}

const ALL: [Script; script::COUNT] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Arabic,
    Script::Devanagari,
    Script::Greek,
    Script::Armenian,
    Script::Hebrew,
    Script::Thaana,
    Script::Bengali,
    Script::Gurmukhi,
    Script::Gujarati,
    Script::Oriya,
    Script::Tamil,
    Script::Telugu,
    Script::Kannada,
    Script::Malayalam,
    Script::Sinhala,
    Script::Thai,
    Script::Lao,
    Script::Tibetan,
    Script::Myanmar,
    Script::Georgian,
    Script::Hangul,
    Script::Ethiopic,
    Script::Khmer,
    Script::Kana,
    Script::Han,
    Script::Other,
];

fn language(code: &str, p: f64) -> Language {
    Language {
        code: code.to_string(),
        confidence: (p * 1000.0).round() / 1000.0,
        declared: None,
    }
}

#[cfg(test)]
mod tests;
