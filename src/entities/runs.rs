//! Runs of capitalised words in a sentence: where a name starts and ends, a gazetteer phrase
//! found first, the sentence start's capital discounted, ALL-CAPS and Title Case lines read
//! apart.

use super::classify::{gaz_word, push, push_gaz, segment, title_at};
use super::gazetteer::{Gaz, GAZ, MAX_PHRASE_WORDS, PREFIXES};
use super::mentions::{Cands, Label, Scratch, SentenceCtx, WEAK};
use super::words::{words, Counts, Sent, Shape, W};
use crate::lexicon::flag;

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
pub fn sentence_candidates(cx: &SentenceCtx, scratch: &mut Scratch, out: &mut Cands) {
    let counts = words(cx.text, cx.tokens, cx.range.clone(), &mut scratch.ws);
    let x = &Sent {
        text: cx.text,
        k: cx.tokens,
        ws: &scratch.ws,
    };
    let buf = &mut scratch.buf;
    if x.len() == 0 || !counts.namey(x.ws) {
        return;
    }
    if is_caps_sentence(&counts) || (cx.headline && is_title_case(&counts)) {
        caps_candidates(cx, x, buf, out);
        return;
    }
    // The first word-like token: a capital there says nothing.
    let first =
        x.ws.iter()
            .position(|w| w.shape != Shape::Other)
            .unwrap_or(0);
    let mut i = 0;
    while i < x.len() {
        if !x[i].namey() {
            i += 1;
            continue;
        }
        // A multi-word gazetteer name wins: "Islamic State in Iraq and the Levant".
        if let Some((j, g)) = longest_gazetteer(x, i, buf) {
            let run = run_end(x, i);
            let org_run = run > j && x[run - 1].is(flag::ORG_CUE);
            let lone = j == i + 1 && run == j && !(i == first && x[i].is(flag::STOPWORD));
            if (j - i >= 2 && !org_run) || lone {
                push_gaz(cx, x, i, j, g, out);
                i = j;
                continue;
            }
        }
        let j = run_end(x, i);
        let mut a = i;
        let starts = a == first || (a > 0 && a == first + 1 && x[first].shape == Shape::Other);
        if starts && title_at(x, a, j).is_none() {
            // Sentence start: drop a capitalised common word.
            let w = &x[a];
            if w.is(flag::STOPWORD) {
                a += 1;
            } else if w.shape == Shape::Title
                && !w.is(flag::GAZETTEER | flag::FIRST_NAME)
                && (w.is(flag::COMMON) || written_lower(cx, x, a))
            {
                if j == a + 1 {
                    // "Bush said ...": kept only if the document knows the name.
                    let k = push(cx, w.span(), Label::Person, WEAK, out);
                    out[k].caps = true;
                }
                a += 1;
            }
        }
        if a < j {
            segment(cx, x, a, j, buf, out);
        }
        i = j.max(i + 1);
    }
}

/// Whether the document writes word `i` in lower case somewhere.
fn written_lower(cx: &SentenceCtx, x: &Sent, i: usize) -> bool {
    if x[i].plain {
        cx.info.written_lower(x.key(i))
    } else {
        cx.info.written_lower(&x.s(i).to_lowercase())
    }
}

/// The longest gazetteer phrase starting at word `i`: its end and what it is. A phrase key is
/// built only when the first word starts a gazetteer phrase, for at most
/// `2 * MAX_PHRASE_WORDS` words.
fn longest_gazetteer(x: &Sent, i: usize, buf: &mut String) -> Option<(usize, Gaz)> {
    let w = &x[i];
    // A phrase never crosses a comma or a bracket; "-" and "&" may sit inside one.
    if w.shape == Shape::Other && !matches!(x.s(i), "&" | "-") {
        return None;
    }
    let mut best = if w.namey() {
        gaz_word(x, i).map(|g| (i + 1, g))
    } else {
        None
    };
    if !w.has(flag::GAZ_FIRST) || !PREFIXES.contains(x.key(i)) {
        return best;
    }
    buf.clear();
    buf.push_str(x.key(i));
    let end = (i + MAX_PHRASE_WORDS * 2).min(x.len());
    for j in i + 1..end {
        let w = &x[j];
        if w.nl {
            break;
        }
        if w.shape == Shape::Other && !matches!(x.s(j), "&" | "-") {
            break;
        }
        if x[j - 1].end < w.start {
            buf.push(' ');
        }
        buf.push_str(x.key(j));
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

pub fn run_end(x: &Sent, i: usize) -> usize {
    let limit = x.len().min(i + MAX_RUN_WORDS);
    let mut j = i + 1;
    // Inside an organisation's name ("Organisation for Security and Cooperation in Europe")
    // more small words may join.
    let mut org = x[i].is(flag::ORG_CUE);
    while j < limit {
        let w = &x[j];
        if w.nl {
            break;
        }
        if w.namey() {
            org |= w.is(flag::ORG_CUE);
            j += 1;
            continue;
        }
        let s = x.s(j);
        // A day or month after the connector is a date, not the name's ("Magistrates' Court
        // on Thursday", "the Council in March"); "of" may still join a month ("Fourth of
        // July").
        let date = |n: &W| n.has(flag::WEEKDAY) || (s != "of" && n.has(flag::MONTH));
        let next = x.ws.get(j + 1);
        let next_namey = next.is_some_and(|n| n.namey() && !n.nl && !date(n));
        // "of the": one more word of look-ahead.
        let the_then_name = x.s_at(j + 1) == "the" && x.ws.get(j + 2).is_some_and(|n| n.namey());
        let joins_the = org && the_then_name && matches!(s, "of" | "for" | "on" | "in" | "and");
        if !(next_namey || joins_the) {
            break;
        }
        let prev = &x[j - 1];
        let joins = match s {
            "of" => OF_HEADS.contains(&x.s(j - 1)) || prev.is(flag::ORG_CUE | flag::LOC_CUE) || org,
            "for" | "on" => org && prev.is(flag::ORG_CUE),
            "and" | "in" => org && j > i + 2,
            "&" => true,
            s => PARTICLES.contains(&s) && prev.shape == Shape::Title,
        };
        if !joins {
            break;
        }
        if s == "of" || s == "for" || s == "on" {
            org |= prev.is(flag::ORG_CUE);
        }
        j += if next_namey { 1 } else { 2 };
    }
    j
}

/// ALL-CAPS lines: gazetteer names now; other runs wait for the document pass.
fn caps_candidates(cx: &SentenceCtx, x: &Sent, buf: &mut String, out: &mut Cands) {
    let mut i = 0;
    while i < x.len() {
        let w = &x[i];
        if !w.namey() {
            i += 1;
            continue;
        }
        // A gazetteer phrase may start with a stop word ("NEW YORK").
        if let Some((j, g)) = longest_gazetteer(x, i, buf) {
            if j > i + 1 || !w.is(flag::STOPWORD) {
                push_gaz(cx, x, i, j, g, out);
                i = j;
                continue;
            }
        }
        if w.has(flag::STOPWORD) {
            i += 1;
            continue;
        }
        // One unresolved word at a time: the document pass joins confirmed neighbours.
        let k = push(cx, w.span(), Label::Person, WEAK, out);
        out[k].caps = true;
        i += 1;
    }
}
