//! Numbers: every numeric amount in the running text, with what it counts; and counts: the
//! amounts that count people killed, wounded, arrested, kidnapped, displaced, protesting,
//! evacuated, affected, or things seized (in the spirit of GDELT's GKG Counts).
//!
//! # What an amount is
//! Digits ("7,818", "2.5"), spelled numbers ("Nine", "three million", "a dozen", "half a
//! million", "twenty-five"), scaled ("$8bn", "1.5m refugees"), percentages, money, ranges,
//! fractions ("2 1/2", "3/4", "½"), ages ("22-year-old", "George Lowe, 89,", "aged 40") and
//! vague plurals ("dozens of", "hundreds of thousands of").
//!
//! Not amounts, and skipped: years ("in 2013", "2006-07" - any bare four-digit integer from
//! 1000 to 2100 with no unit, currency, scale or percent), dates ("4 January", "Sept. 30"),
//! clock times ("15:00", "3pm"), decades ("the 1990s"), ordinals ("4th"; spelled ordinals
//! are not number words), identifiers ("Resolution 2334", "No 10", "COVID-19", "G20"),
//! slashed numbers that are not small proper fractions ("9/11", "24/7"), scores ("3-1").
//! "one" is the pronoun, not an amount, in "one of the", "no one", "any one", "the one",
//! "at one point", "one another"; "a"/"an" are amounts only before hundred, thousand,
//! million, billion or dozen. "May" is a month only when capitalised after or before a day.
//!
//! # Fields
//! `text`/`start`/`end` cover the amount itself: currency mark, number, scale, percent sign,
//! unit and, for a range, both ends ("between 12 and 18 months", "20cm-40cm"); never the
//! qualifier or the noun. `value` is the number (scale applied: "$8bn" is 8e9; a percentage
//! is its number, 50 for "50%"); for a range `value` is the low end, and `low`/`high` are set.
//! A vague amount's `value` is the least it can mean, twice its unit ("dozens" = 24,
//! "hundreds of thousands" = 200,000). `kind` is one of `age`, `money`, `percent`,
//! `fraction`, `range`, `vague`, `cardinal`, in that precedence: a money or percent range is
//! `money`/`percent` with `low`/`high`. `unit`: "percent" or "percentage point" for
//! percentages, "year" (or "month", "week", "day") for ages, otherwise the canonical unit from
//! `data/numbers/units.tsv` ("km", "month", "t"); `None` for money. `currency` is ISO 4217.
//! `noun` is what is counted, as written ("people", "members of the security forces"; for an
//! age in apposition, the name). `qualifier` is the lower-cased phrase before the amount
//! ("at least"); `approximate` is true for vague amounts and approximating qualifiers.
//!
//! Counts carry the same `text`/`start`/`end` as their amount (the number, not the clause),
//! `count` = the amount's `value`, `object` = its noun and `trigger` as written.

mod amounts;
mod counts;
mod fine;
#[doc(hidden)]
pub mod fixture;
mod lexicon;
mod nouns;
mod number;
mod suffix;
mod words;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::doc::Document;
use crate::lexicon::flag;
use crate::stream::{Segment, Tokens};
use crate::text::Span;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberItem {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub kind: &'static str,
    pub unit: Option<&'static str>,
    pub currency: Option<&'static str>,
    pub noun: Option<String>,
    pub qualifier: Option<String>,
    pub approximate: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountItem {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub count: f64,
    pub qualifier: Option<String>,
    pub object: Option<String>,
    pub trigger: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
}

/// The numbers tables' words for the lexicon (see `words::lexicon_words`).
pub fn lexicon_words(b: &mut crate::lexicon::Builder) {
    words::lexicon_words(b);
}

/// Whether a sentence can hold an amount: it has a digit or a number word (spelled number,
/// vague plural, fraction glyph or denominator), standing alone or inside a joined word
/// ("twenty-five", "two-thirds").
fn worth_reading(text: &str, k: &Tokens, seg: &Segment, buf: &mut String) -> bool {
    if seg.has(flag::HAS_DIGIT | flag::NUMBER_WORD) {
        return true;
    }
    seg.tokens().any(|i| {
        let f = k.flags(i);
        if f & flag::WORD == 0 || f & flag::ALPHA != 0 {
            return false;
        }
        let mut found = false;
        let lengths = &words::WORDS.number_word_len;
        crate::tokens::pieces(text, k.span(i), |a, b, kind| {
            // Number words are words or fraction glyphs of a few bytes.
            let p = text.get(a..b).unwrap_or("");
            let glyph = kind == crate::tokens::TokenKind::Punct && b - a > 1;
            let word = kind == crate::tokens::TokenKind::Word
                && (lengths.contains(&(b - a)) || !p.is_ascii());
            if found || !(glyph || word) {
                return;
            }
            buf.clear();
            buf.extend(p.chars().flat_map(char::to_lowercase));
            found |= crate::lexicon::VOCAB.flags_of(buf) & flag::NUMBER_WORD != 0;
        });
        found
    })
}

/// Amounts and event counts of every sentence of `doc` (headline, captions, body), in
/// reading order.
pub fn extract(doc: &Document) -> (Vec<NumberItem>, Vec<CountItem>) {
    let mut numbers = Vec::new();
    let mut counts = Vec::new();
    let k = doc.tokens();
    let mut t = fine::Toks::new(doc.text, k);
    let mut found = Vec::new();
    let mut hits = Vec::new();
    let mut buf = String::new();
    for seg in k.sentences() {
        if !worth_reading(doc.text, k, seg, &mut buf) {
            continue;
        }
        t.fill(seg);
        found.clear();
        hits.clear();
        amounts::find(&t, doc.text, &mut found);
        if found.is_empty() {
            continue;
        }
        counts::find(&t, &found, &mut hits);
        let span_of = |a: usize, b: usize| -> Option<Span> {
            let (x, y) = (t.get(a)?, t.get(b.checked_sub(1)?)?);
            (x.start < y.end).then(|| Span::new(x.start, y.end))
        };
        let first_count = numbers.len();
        for a in &found {
            let Some(span) = span_of(a.first, a.end) else {
                continue;
            };
            let ts = doc.span(span);
            let noun = a
                .noun
                .and_then(|(x, y, _)| span_of(x, y))
                .map(|n| doc.str(n).to_string());
            numbers.push(NumberItem {
                text: ts.text,
                start: ts.start,
                end: ts.end,
                paragraph: doc.paragraph_of(span.start),
                value: a.value,
                low: a.low,
                high: a.high,
                kind: a.kind,
                unit: a.unit,
                currency: a.currency,
                noun,
                qualifier: a.qualifier.clone(),
                approximate: a.approximate,
            });
        }
        for h in &hits {
            let (Some(a), Some(tr)) = (found.get(h.amount), span_of(h.trigger.0, h.trigger.1))
            else {
                continue;
            };
            let Some(n) = span_of(a.first, a.end).and_then(|sp| {
                numbers
                    .get(first_count..)?
                    .iter()
                    .find(|x| x.start == doc.char_offset(sp.start))
            }) else {
                continue;
            };
            counts.push(CountItem {
                kind: h.kind,
                count: n.value,
                qualifier: n.qualifier.clone(),
                object: n.noun.clone(),
                trigger: doc.str(tr).to_string(),
                text: n.text.clone(),
                start: n.start,
                end: n.end,
                paragraph: n.paragraph,
            });
        }
    }
    (numbers, counts)
}
