//! An extractive summary: the `k` most central body sentences, in article order.
//!
//! Centrality is a sentence's weighted degree in the word-overlap graph of the body (TextRank's
//! first step, computed in linear time): the sum, over its distinct content words, of the word's
//! IDF times the number of other body sentences that share it, divided by the log of its length
//! (long sentences share more by chance). Words of the headline count once more. The lead is
//! favoured (`LEAD`): news puts its most important sentence first, so the first sentence's
//! centrality counts four times, the second's 2.5 times, the tenth's 1.3 times. A sentence that
//! repeats most of a chosen one is passed over.

use serde::Serialize;

use crate::doc::{Document, RegionKind};
use crate::words::{ContentWords, NONE};

/// Sentences a summary has unless the caller says otherwise (`Options::summary_sentences`).
pub const DEFAULT_SENTENCES: usize = 3;

/// The bonus of the first body sentence; the i-th gets `LEAD / (1 + i)` (tuned on the
/// `read` half of the CNN/DailyMail sample: 0.5 was below lead-3 there, 3 is above it on
/// both halves while a sentence twice as central as the lead's neighbours still wins).
const LEAD: f64 = 3.0;
/// The weight of a word the headline has, beyond its overlaps in the body.
const HEADLINE: f64 = 1.0;
/// Sentences with fewer content words are not candidates (datelines, bylines, "Watch:").
const MIN_WORDS: usize = 4;
/// A candidate sharing more than this share of its content words with a chosen sentence is
/// redundant.
const REDUNDANT: f64 = 0.7;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummarySentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index of the body paragraph holding it.
    pub paragraph: Option<usize>,
    /// Centrality, relative to the most central sentence of the article (1.0).
    pub score: f64,
}

/// The `k` most central body sentences of `doc`, in article order (fewer if the body has
/// fewer; none for `k == 0`).
pub fn select(doc: &Document, k: usize) -> Vec<SummarySentence> {
    if k == 0 {
        return Vec::new();
    }
    select_with(doc, &ContentWords::new(doc.tokens()), k)
}

/// `select` with the document's content words already built (`record` shares them with the
/// keywords).
pub fn select_with(doc: &Document, words: &ContentWords, k: usize) -> Vec<SummarySentence> {
    if k == 0 {
        return Vec::new();
    }
    let toks = doc.tokens();
    // The distinct content words of each body sentence (one flat buffer), and the headline's.
    let mut ids: Vec<u32> = Vec::with_capacity(toks.len() / 2);
    // (sentence, start, end) in `ids`; sized for every sentence, so it never grows.
    let mut body: Vec<(usize, usize, usize)> = Vec::with_capacity(toks.sentences().len());
    let mut last: Vec<u32> = vec![0; words.len()]; // per word: 1 + the last sentence it was counted in
    let mut in_headline: Vec<bool> = vec![false; words.len()];
    for (s, seg) in toks.sentences().iter().enumerate() {
        let kind = doc
            .sentences
            .get(s)
            .and_then(|x| doc.regions.get(x.region))
            .map(|r| r.kind);
        if !matches!(kind, Some(RegionKind::Paragraph | RegionKind::Headline)) {
            continue;
        }
        let start = ids.len();
        for t in toks.toks.get(seg.tokens()).unwrap_or_default() {
            let w = words.of_lexeme(t.lex);
            if w == NONE {
                continue;
            }
            let w = w as usize;
            if last[w] != s as u32 + 1 {
                last[w] = s as u32 + 1;
                if kind == Some(RegionKind::Headline) {
                    in_headline[w] = true;
                } else {
                    ids.push(w as u32);
                }
            }
        }
        if kind == Some(RegionKind::Paragraph) {
            body.push((s, start, ids.len()));
        }
    }
    // In how many body sentences each word is.
    let mut df = vec![0u32; words.len()];
    for &w in &ids {
        df[w as usize] += 1;
    }
    let mut scored: Vec<(f64, usize)> = Vec::with_capacity(body.len());
    for (pos, &(_, a, b)) in body.iter().enumerate() {
        let sent = &ids[a..b];
        if sent.len() < MIN_WORDS {
            continue;
        }
        let overlap: f64 = sent
            .iter()
            .map(|&w| {
                let shared =
                    (df[w as usize] - 1) as f64 + HEADLINE * in_headline[w as usize] as u8 as f64;
                words.idf(w) * shared
            })
            .sum();
        let centrality = overlap / (1.0 + sent.len() as f64).ln();
        scored.push((centrality * (1.0 + LEAD / (1.0 + pos as f64)), pos));
    }
    if scored.is_empty() {
        // Short bodies: take the sentences as they come.
        scored = (0..body.len())
            .map(|p| (1.0 / (1.0 + p as f64), p))
            .collect();
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let top = scored.first().map_or(1.0, |x| x.0).max(f64::MIN_POSITIVE);
    let mut chosen: Vec<(f64, usize)> = Vec::new();
    let mut seen = vec![false; words.len()];
    for &(s, pos) in &scored {
        if chosen.len() == k {
            break;
        }
        let (_, a, b) = body[pos];
        let sent = &ids[a..b];
        let repeated = sent.iter().filter(|&&w| seen[w as usize]).count();
        if !sent.is_empty() && repeated as f64 > REDUNDANT * sent.len() as f64 {
            continue;
        }
        for &w in sent {
            seen[w as usize] = true;
        }
        chosen.push((s, pos));
    }
    chosen.sort_by_key(|x| x.1);
    chosen
        .into_iter()
        .map(|(s, pos)| {
            let sent = &doc.sentences[body[pos].0];
            let t = doc.span(sent.span);
            SummarySentence {
                text: t.text,
                start: t.start,
                end: t.end,
                paragraph: doc.paragraph_of(sent.span.start),
                score: (s / top * 1000.0).round() / 1000.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
