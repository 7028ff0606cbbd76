//! Runs of capitalised words in a sentence: where a name starts and ends, a gazetteer phrase
//! found first, the sentence start's capital discounted, ALL-CAPS and Title Case lines read
//! apart.

use super::classify::{gaz_word, push, push_gaz, segment, title_at};
use super::gazetteer::{Gaz, GAZ, MAX_PHRASE_WORDS, PREFIXES};
use super::mentions::{Cands, Label, Scratch, SentenceCtx, WEAK};
use super::words::{words, Counts, Shape, W};
use crate::lexicon::flag;
use crate::stream::Tokens;

/// Mostly ALL-CAPS words.
fn is_caps_sentence(c: &Counts) -> bool {
    let (caps, title_or_lower) = (c.caps, c.title + c.lower);
    caps >= 2 && caps * 10 >= (caps + title_or_lower) * 7
}

/// A headline in Title Case ("Clinton Was Headed to ER"): its capitals say nothing, so it is
/// read like an ALL-CAPS line. Short function words ("to", "of") may stay in lower case.
fn is_title_case(c: &Counts) -> bool {
    let cap = c.title + c.caps;
    cap >= 4 && c.long_lower * 5 <= cap
}

/// Finds the candidates of one sentence.
#[inline(never)]
pub fn sentence_candidates<'a>(
    cx: &SentenceCtx<'a, '_>,
    scratch: &mut Scratch<'a>,
    out: &mut Cands,
) {
    let counts = words(cx.text, cx.tokens, cx.range.clone(), &mut scratch.ws);
    let ws = &scratch.ws;
    let buf = &mut scratch.buf;
    if ws.is_empty() || !counts.namey(ws) {
        return;
    }
    if is_caps_sentence(&counts) || (cx.headline && is_title_case(&counts)) {
        caps_candidates(cx, ws, buf, out);
        return;
    }
    // The first word-like token: a capital there says nothing.
    let first = ws.iter().position(|w| w.shape != Shape::Other).unwrap_or(0);
    let mut i = 0;
    while i < ws.len() {
        if !ws[i].namey() {
            i += 1;
            continue;
        }
        // A multi-word gazetteer name wins: "Islamic State in Iraq and the Levant".
        if let Some((j, g)) = longest_gazetteer(cx.tokens, ws, i, buf) {
            let run = run_end(ws, i);
            let org_run = run > j && ws[run - 1].is(flag::ORG_CUE);
            let lone = j == i + 1 && run == j && !(i == first && ws[i].is(flag::STOPWORD));
            if (j - i >= 2 && !org_run) || lone {
                push_gaz(cx, ws, i, j, g, out);
                i = j;
                continue;
            }
        }
        let j = run_end(ws, i);
        let mut a = i;
        let starts = a == first || (a > 0 && a == first + 1 && ws[first].shape == Shape::Other);
        if starts && title_at(ws, a, j).is_none() {
            // Sentence start: drop a capitalised common word.
            let w = &ws[a];
            if w.is(flag::STOPWORD) {
                a += 1;
            } else if w.shape == Shape::Title
                && !w.is(flag::GAZETTEER | flag::FIRST_NAME)
                && (w.is(flag::COMMON) || written_lower(cx, w))
            {
                if j == a + 1 {
                    // "Bush said ...": kept only if the document knows the name.
                    let k = push(cx, w.span, Label::Person, WEAK, out);
                    out[k].caps = true;
                }
                a += 1;
            }
        }
        if a < j {
            segment(cx, ws, a, j, buf, out);
        }
        i = j.max(i + 1);
    }
}

/// Whether the document writes `w` in lower case somewhere.
fn written_lower<'a>(cx: &SentenceCtx<'a, '_>, w: &W<'a>) -> bool {
    if w.plain {
        cx.info.written_lower(w.key(cx.tokens))
    } else {
        cx.info.written_lower(&w.s.to_lowercase())
    }
}

/// The longest gazetteer phrase starting at word `i`: its end and what it is. A phrase key is
/// built only when the first word starts a gazetteer phrase, for at most
/// `2 * MAX_PHRASE_WORDS` words.
fn longest_gazetteer<'a>(
    k: &'a Tokens,
    ws: &[W<'a>],
    i: usize,
    buf: &mut String,
) -> Option<(usize, Gaz)> {
    let w = &ws[i];
    // A phrase never crosses a comma or a bracket; "-" and "&" may sit inside one.
    if w.shape == Shape::Other && !matches!(w.s, "&" | "-") {
        return None;
    }
    let mut best = if w.namey() {
        gaz_word(k, w).map(|g| (i + 1, g))
    } else {
        None
    };
    if !w.has(flag::GAZ_FIRST) || !PREFIXES.contains(w.key(k)) {
        return best;
    }
    buf.clear();
    buf.push_str(w.key(k));
    let end = (i + MAX_PHRASE_WORDS * 2).min(ws.len());
    for j in i + 1..end {
        let w = &ws[j];
        if w.nl {
            break;
        }
        if w.shape == Shape::Other && !matches!(w.s, "&" | "-") {
            break;
        }
        if ws[j - 1].span.end < w.span.start {
            buf.push(' ');
        }
        buf.push_str(w.key(k));
        if w.namey() {
            if let Some(g) = GAZ.get(buf.as_str()) {
                best = Some((j + 1, *g));
            }
        }
        if !PREFIXES.contains(buf.as_str()) {
            break;
        }
    }
    best
}

/// The longest capitalised run read as one name. Longer runs (repeated or listed names) are
/// cut, so the work per word stays bounded: `segment` recurses and re-keys per word of a run.
const MAX_RUN_WORDS: usize = 4 * MAX_PHRASE_WORDS;

/// Lower-case particles inside names: "Charles de Gaulle", "Osama bin Laden".
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin", "ibn",
    "al", "el", "dos", "das", "ter", "y",
];

/// Words after which "of" continues a name: "Bank of England", "Secretary of State".
const OF_HEADS: &[&str] = &[
    "Secretary",
    "Republic",
    "Kingdom",
    "States",
    "Duke",
    "Isle",
    "Cape",
    "Chamber",
    "House",
    "Emirates",
    "Organisation",
    "Organization",
    "Gulf",
    "Bank",
    "Sea",
    "Strait",
];

pub fn run_end(ws: &[W], i: usize) -> usize {
    let limit = ws.len().min(i + MAX_RUN_WORDS);
    let mut j = i + 1;
    // Inside an organisation's name ("Organisation for Security and Cooperation in Europe")
    // more small words may join.
    let mut org = ws[i].is(flag::ORG_CUE);
    while j < limit {
        let w = &ws[j];
        if w.nl {
            break;
        }
        if w.namey() {
            org |= w.is(flag::ORG_CUE);
            j += 1;
            continue;
        }
        let next = ws.get(j + 1);
        let next_namey = next.is_some_and(|n| n.namey() && !n.nl);
        // "of the": one more word of look-ahead.
        let the_then_name =
            next.is_some_and(|n| n.s == "the") && ws.get(j + 2).is_some_and(|n| n.namey());
        let joins_the = org && the_then_name && matches!(w.s, "of" | "for" | "on" | "in" | "and");
        if !(next_namey || joins_the) {
            break;
        }
        let prev = &ws[j - 1];
        let joins = match w.s {
            "of" => OF_HEADS.contains(&prev.s) || prev.is(flag::ORG_CUE | flag::LOC_CUE) || org,
            "for" | "on" => org && prev.is(flag::ORG_CUE),
            "and" | "in" => org && j > i + 2,
            "&" => true,
            s => PARTICLES.contains(&s) && prev.shape == Shape::Title,
        };
        if !joins {
            break;
        }
        if w.s == "of" || w.s == "for" || w.s == "on" {
            org |= prev.is(flag::ORG_CUE);
        }
        j += if next_namey { 1 } else { 2 };
    }
    j
}

/// ALL-CAPS lines: gazetteer names now; other runs wait for the document pass.
fn caps_candidates<'a>(
    cx: &SentenceCtx<'a, '_>,
    ws: &[W<'a>],
    buf: &mut String,
    out: &mut Cands,
) {
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if !w.namey() {
            i += 1;
            continue;
        }
        // A gazetteer phrase may start with a stop word ("NEW YORK").
        if let Some((j, g)) = longest_gazetteer(cx.tokens, ws, i, buf) {
            if j > i + 1 || !w.is(flag::STOPWORD) {
                push_gaz(cx, ws, i, j, g, out);
                i = j;
                continue;
            }
        }
        if w.has(flag::STOPWORD) {
            i += 1;
            continue;
        }
        // One unresolved word at a time: the document pass joins confirmed neighbours.
        let k = push(cx, w.span, Label::Person, WEAK, out);
        out[k].caps = true;
        i += 1;
    }
}
