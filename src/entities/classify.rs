//! Labels for the pieces of a capitalised run: gazetteer names, titles and the people after
//! them, organisation, place and event cues, appositions, first names and context.

use super::gazetteer::{
    is_honorific, Gaz, PlaceKind, DEMONYMS, GAZ, NORP, PLACES, TITLES_BY_FIRST,
};
use super::mentions::{Cand, Cands, Label, SentenceCtx, GUESS, LIKELY, SURE, WEAK};
use super::words::{Shape, W};
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::text::Span;

/// Last words of events: "Gulf War", "Labor Day", "World Cup".
const EVENT_CUES: &[&str] = &[
    "War",
    "Day",
    "Cup",
    "Open",
    "Championship",
    "Championships",
    "Games",
    "Olympics",
    "Tour",
    "Series",
    "Trophy",
    "Prix",
    "Festival",
    "Summit",
    "Award",
    "Awards",
    "Prize",
    "Revolution",
    "Crisis",
    "Accord",
    "Accords",
    "Treaty",
    "Agreement",
    "Conference",
    "Marathon",
    "Rally",
    "Classic",
    "Masters",
];

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "outside",
    "across",
    "into",
    "towards",
    "toward",
    "via",
    "around",
    "throughout",
];
/// What the gazetteer knows word `w` alone as.
pub fn gaz_word<'a>(k: &'a Tokens, w: &W<'a>) -> Option<Gaz> {
    if w.has(flag::GAZETTEER) {
        GAZ.get(w.key(k)).copied()
    } else {
        None
    }
}

/// What the gazetteer knows words `a..b` as. Phrase keys are built (into `buf`) only for
/// phrases whose first word starts a gazetteer entry.
fn gaz_phrase<'a>(
    k: &'a Tokens,
    ws: &[W<'a>],
    a: usize,
    b: usize,
    buf: &mut String,
) -> Option<Gaz> {
    if b == a + 1 {
        return gaz_word(k, &ws[a]);
    }
    if !ws[a].has(flag::GAZ_FIRST) {
        return None;
    }
    buf.clear();
    for (i, w) in ws[a..b].iter().enumerate() {
        if i > 0 && ws[a + i - 1].span.end < w.span.start {
            buf.push(' ');
        }
        buf.push_str(w.key(k));
    }
    GAZ.get(buf.as_str()).copied()
}

pub fn push(cx: &SentenceCtx, span: Span, label: Label, conf: u8, out: &mut Cands) -> usize {
    let key = out.keys.add(&cx.text[span.start..span.end]);
    out.list.push(Cand {
        span,
        label,
        conf,
        place: None,
        org: None,
        role: None,
        honorific: None,
        caps: false,
        sentence: cx.sentence,
        key,
    });
    out.len() - 1
}

pub fn push_gaz(cx: &SentenceCtx, ws: &[W], a: usize, b: usize, g: Gaz, out: &mut Cands) {
    let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
    let k = match g {
        Gaz::Org(o) => {
            let k = push(cx, span, Label::Org, SURE, out);
            out[k].org = Some(o);
            k
        }
        Gaz::Place(p) => {
            let label = if cx.info.sports
                && p.kind != PlaceKind::Country
                && !after_locative(ws, a)
                && !before_colon(ws, b)
            {
                // Sports pages name clubs after their towns: "Leicestershire beat Somerset".
                Label::Org
            } else {
                Label::Loc
            };
            let k = push(cx, span, label, SURE, out);
            out[k].place = Some(p);
            k
        }
        Gaz::Norp => push(cx, span, Label::Norp, SURE, out),
    };
    let _ = k;
}

fn after_locative(ws: &[W], a: usize) -> bool {
    a > 0 && {
        let p = ws[a - 1].s;
        LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(p))
    }
}

/// "the district of Shaab", "the town of Tal Afar".
fn after_place_head(ws: &[W], a: usize) -> bool {
    a >= 2 && ws[a - 1].s == "of" && PLACE_HEADS.contains(&ws[a - 2].s)
}

const PLACE_HEADS: &[&str] = &[
    "city",
    "town",
    "village",
    "district",
    "province",
    "region",
    "state",
    "county",
    "island",
    "port",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "area",
    "capital",
];

fn after_the(ws: &[W], a: usize) -> bool {
    a > 0 && matches!(ws[a - 1].s, "the" | "The")
}

fn before_colon(ws: &[W], b: usize) -> bool {
    ws.get(b).is_some_and(|w| w.s == ":" || w.s == "(")
}

/// The longest title starting at word `k` of `a..b`, as its end.
pub fn title_at(ws: &[W], k: usize, b: usize) -> Option<usize> {
    let w = ws.get(k).filter(|w| w.has(flag::TITLE_WORD))?;
    TITLES_BY_FIRST.get(w.bare())?.iter().find_map(|t| {
        let end = k + t.len();
        (end <= b
            && t.iter()
                .zip(&ws[k..end])
                .all(|(x, w)| *x == w.s.strip_suffix('.').unwrap_or(w.s)))
        .then_some(end)
    })
}

/// Labels the run `a..b`, splitting off titles and a leading demonym.
pub fn segment(
    cx: &SentenceCtx,
    ws: &[W],
    a: usize,
    b: usize,
    buf: &mut String,
    out: &mut Cands,
) {
    let mut a = a;
    if ws[a].s == "The" && b - a > 1 {
        a += 1;
    }
    // The whole run as a known name.
    if let Some(g) = gaz_phrase(cx.tokens, ws, a, b, buf) {
        push_gaz(cx, ws, a, b, g, out);
        return;
    }
    // A title inside: "US Secretary of State John Kerry", "Mr Kerry", "Prime Minister".
    for k in a..b {
        if let Some(t) = title_at(ws, k, b) {
            if k > a {
                segment(cx, ws, a, k, buf, out);
            }
            if t < b {
                let n = out.len();
                segment_person(cx, ws, t, b, buf, out);
                // A title makes a person even of a name the gazetteer knows ("Mr Kerry").
                let whole = out.len() == n + 1;
                if let Some(c) = out.get_mut(n) {
                    if c.label == Label::Person || c.conf < SURE || whole {
                        c.label = Label::Person;
                        c.conf = SURE;
                        c.place = None;
                        c.org = None;
                        let role_start = if k > a {
                            ws[a].span.start
                        } else {
                            ws[k].span.start
                        };
                        let honor = ws[k].has(flag::HONORIFIC) && is_honorific(ws[k].bare());
                        if honor && t == k + 1 {
                            c.honorific = Some(Span::new(ws[k].span.start, ws[k].span.end));
                        } else {
                            c.role = Some(Span::new(role_start, ws[t - 1].span.end));
                        }
                    }
                }
            }
            return;
        }
    }
    // A lower-case role word right before: "coach Bobby Robson", "analyst Ahmed Maher".
    let role_before = a > 0 && ws[a - 1].shape == Shape::Lower && title_at(ws, a - 1, a).is_some();
    let last = &ws[b - 1];
    let n = b - a;
    let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
    if n >= 2
        && (last.is(flag::ORG_CUE)
            || ws[a].is(flag::ORG_CUE) && ws[a..b].iter().any(|w| w.s == "of"))
    {
        // (A known organisation was found as a whole above.)
        push(cx, span, Label::Org, SURE, out);
        return;
    }
    if n >= 2 && EVENT_CUES.contains(&last.s) {
        push(cx, span, Label::Event, SURE, out);
        return;
    }
    if n >= 2 && last.is(flag::LOC_CUE) {
        push(cx, span, Label::Loc, SURE, out);
        return;
    }
    // A leading demonym or place: "Iraqi Kurds", "Baghdad Governor" (title handled above).
    if n >= 2 {
        if let Some(g @ (Gaz::Norp | Gaz::Place(_))) = gaz_word(cx.tokens, &ws[a]) {
            if ws[a + 1].is(flag::FIRST_NAME) || matches!(g, Gaz::Norp) {
                push_gaz(cx, ws, a, a + 1, g, out);
                segment(cx, ws, a + 1, b, buf, out);
                return;
            }
        }
    }
    let before = out.len();
    if n >= 2 {
        segment_person(cx, ws, a, b, buf, out);
    } else {
        single(cx, ws, a, role_before, buf, out);
    }
    if out.len() == before + 1 {
        if let Some(c) = out.last_mut().filter(|c| c.label == Label::Person) {
            if role_before {
                // The role phrase: the role word and up to four capitalised words before it
                // ("BBC Arabic analyst").
                let mut r = a - 1;
                while r > 0 && ws[r - 1].namey() && a - r < 5 {
                    r -= 1;
                }
                c.conf = SURE;
                c.role = Some(Span::new(ws[r].span.start, ws[a - 1].span.end));
            } else if let Some(role) = apposition(ws, b) {
                c.role = Some(role);
            }
        }
    }
}

/// ", the US secretary of state," after a name: up to eight words holding a role word, between
/// commas (or a comma and the sentence end).
fn apposition(ws: &[W], b: usize) -> Option<Span> {
    if ws.get(b)?.s != "," {
        return None;
    }
    let mut start = b + 1;
    if ws
        .get(start)
        .is_some_and(|w| matches!(w.s, "the" | "a" | "an"))
    {
        start += 1;
    }
    let mut has_role = false;
    let mut end = start;
    while end < ws.len() && end - start < 8 {
        let w = &ws[end];
        if w.shape == Shape::Other && !matches!(w.s, "-" | "&") {
            break;
        }
        has_role |= title_at(ws, end, end + 1).is_some() || title_at(ws, end, ws.len()).is_some();
        end += 1;
    }
    let closed = ws.get(end).is_none_or(|w| matches!(w.s, "," | "." | ";"));
    (has_role && closed && end > start)
        .then(|| Span::new(ws[start].span.start, ws[end - 1].span.end))
}

/// A multi-word run with no cue: a person if it looks like one.
fn segment_person(
    cx: &SentenceCtx,
    ws: &[W],
    a: usize,
    b: usize,
    buf: &mut String,
    out: &mut Cands,
) {
    if b - a == 1 {
        single(cx, ws, a, true, buf, out);
        if let Some(c) = out.last_mut() {
            if c.label == Label::Person {
                c.conf = c.conf.max(LIKELY);
            }
        }
        return;
    }
    if let Some(g) = gaz_phrase(cx.tokens, ws, a, b, buf) {
        push_gaz(cx, ws, a, b, g, out);
        return;
    }
    let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
    let first = &ws[a];
    let (label, conf) = if first.shape == Shape::Initial || first.is(flag::FIRST_NAME) {
        (Label::Person, LIKELY)
    } else if ws[a..b].iter().any(|w| matches!(w.s, "of" | "&"))
        || ws[a..b].iter().all(|w| w.shape == Shape::Caps)
        || ordinary_words(cx.tokens, &ws[a..b])
    {
        (Label::Org, GUESS)
    } else if b - a <= 3 && !after_the(ws, a) {
        (Label::Person, GUESS)
    } else {
        (Label::Org, GUESS)
    };
    push(cx, span, label, conf, out);
}

/// Whether a run reads as ordinary words or contains a place ("Human Rights", "Air France",
/// "Bucharest Newsroom"): an organisation or an event, rarely a person.
fn ordinary_words<'a>(k: &'a Tokens, ws: &[W<'a>]) -> bool {
    let mut common = 0;
    for w in ws {
        if matches!(gaz_word(k, w), Some(Gaz::Place(_) | Gaz::Norp)) {
            return true;
        }
        if w.has(flag::COMMON) && !w.has(flag::SURNAME | flag::FIRST_NAME) {
            common += 1;
        }
    }
    common * 2 >= ws.len()
}

/// "Zairean" -> Zaire, "Libyans" -> Libyan, "Bahraini" -> Bahrain.
fn demonym_like(k: &str, c: &mut String) -> bool {
    // "Yugoslav" -> Yugoslavia, "Philippine" -> Philippines, "Tajik" -> Tajikistan.
    for add in ["ia", "s", "istan"] {
        c.clear();
        c.push_str(k);
        c.push_str(add);
        if PLACES
            .get(c.as_str())
            .is_some_and(|p| p.kind == PlaceKind::Country)
        {
            return true;
        }
    }
    if !(k.ends_with('s') || k.ends_with('n') || k.ends_with('i') || k.ends_with("ese")) {
        return false;
    }
    if let Some(stem) = k.strip_suffix('s') {
        if DEMONYMS.contains_key(stem) || NORP.contains(stem) {
            return true;
        }
    }
    for suf in ["ean", "ian", "an", "ese", "i", "n"] {
        if let Some(stem) = k.strip_suffix(suf) {
            if stem.len() >= 3 {
                for add in ["", "a", "e", "ia"] {
                    c.clear();
                    c.push_str(stem);
                    c.push_str(add);
                    if PLACES
                        .get(c.as_str())
                        .is_some_and(|p| p.kind != PlaceKind::City)
                    {
                        return true;
                    }
                }
            }
        }
    }
    false
}

fn single(
    cx: &SentenceCtx,
    ws: &[W],
    a: usize,
    person_context: bool,
    buf: &mut String,
    out: &mut Cands,
) {
    let w = &ws[a];
    if let Some(g) = gaz_word(cx.tokens, w) {
        push_gaz(cx, ws, a, a + 1, g, out);
        return;
    }
    if w.has(flag::STOPWORD) || w.shape == Shape::Initial {
        return;
    }
    if w.shape == Shape::Title && demonym_like(w.key(cx.tokens), buf) {
        push(cx, w.span, Label::Norp, LIKELY, out);
        return;
    }
    let span = w.span;
    if person_context || w.is(flag::FIRST_NAME) && w.shape == Shape::Title {
        push(cx, span, Label::Person, LIKELY, out);
        return;
    }
    if w.shape == Shape::Caps && w.s.chars().filter(|c| c.is_alphabetic()).count() <= 5 {
        push(cx, span, Label::Org, GUESS, out);
        return;
    }
    if after_locative(ws, a) || after_place_head(ws, a) {
        push(cx, span, Label::Loc, GUESS, out);
        return;
    }
    let says = ws.get(a + 1).is_some_and(|n| {
        matches!(
            n.s,
            "said" | "says" | "told" | "added" | "stated" | "insisted" | "argued"
        )
    });
    if after_the(ws, a) {
        // People do not take an article: "the Post", "the Treasury".
        push(cx, span, Label::Org, GUESS, out);
    } else if w.is(flag::SURNAME) || says {
        push(cx, span, Label::Person, GUESS, out);
    } else if w.has(flag::COMMON) {
        // "Security", "Refugees": an ordinary word with a capital is rarely a name alone.
    } else {
        // A lone unknown name is as often a company or a club as a person; people are
        // usually introduced by full name first, which the document pass propagates.
        push(cx, span, Label::Org, WEAK, out);
    }
}
