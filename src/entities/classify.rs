//! Labels for the pieces of a capitalised run: gazetteer names, titles and the people after
//! them, organisation, place and event cues, appositions, first names and context.

use super::gazetteer::{
    is_honorific, Gaz, PlaceKind, DEMONYMS, DEMONYMS_BEFORE_NAME, GAZ, NORP, PLACES,
    TITLES_BY_FIRST,
};
use super::mentions::{Cand, Cands, Label, SentenceCtx, GUESS, LIKELY, SURE, WEAK};
use super::words::{Sent, Shape};
use crate::lexicon::flag;
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
/// What the gazetteer knows word `i` alone as.
pub fn gaz_word(x: &Sent, i: usize) -> Option<Gaz> {
    if x[i].has(flag::GAZETTEER) {
        GAZ.get(x.key(i)).copied()
    } else {
        None
    }
}

/// What the gazetteer knows words `a..b` as. Phrase keys are built (into `buf`) only for
/// phrases whose first word starts a gazetteer entry.
fn gaz_phrase(x: &Sent, a: usize, b: usize, buf: &mut String) -> Option<Gaz> {
    if b == a + 1 {
        return gaz_word(x, a);
    }
    if !x[a].has(flag::GAZ_FIRST) {
        return None;
    }
    buf.clear();
    for i in a..b {
        if i > a && x[i - 1].end < x[i].start {
            buf.push(' ');
        }
        buf.push_str(x.key(i));
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

pub fn push_gaz(cx: &SentenceCtx, x: &Sent, a: usize, b: usize, g: Gaz, out: &mut Cands) {
    let span = x.span(a, b);
    let k = match g {
        Gaz::Org(o) => {
            let k = push(cx, span, Label::Org, SURE, out);
            out[k].org = Some(o);
            k
        }
        Gaz::Place(p) => {
            let label = if cx.info.sports
                && p.kind != PlaceKind::Country
                && !after_locative(x, a)
                && !before_colon(x, b)
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

fn after_locative(x: &Sent, a: usize) -> bool {
    a > 0 && {
        let p = x.s(a - 1);
        LOCATIVE.iter().any(|l| l.eq_ignore_ascii_case(p))
    }
}

/// "the Turia river", "the Kyushu region": a lower-case geographic noun right after the name.
fn before_place_noun(x: &Sent, a: usize) -> bool {
    x.ws.get(a + 1)
        .is_some_and(|n| n.shape == Shape::Lower && !n.nl)
        && PLACE_NOUNS_AFTER.contains(&x.s(a + 1))
}

/// Geographic nouns that follow a place's name in lower case. Not "state", "port" or "area",
/// which follow other names too ("the Islamic state", "the Apple area").
const PLACE_NOUNS_AFTER: &[&str] = &[
    "river",
    "lake",
    "valley",
    "mountains",
    "sea",
    "coast",
    "peninsula",
    "bay",
    "desert",
    "basin",
    "delta",
    "island",
    "islands",
    "region",
    "province",
    "district",
    "county",
];

/// "the district of Shaab", "the town of Tal Afar".
fn after_place_head(x: &Sent, a: usize) -> bool {
    a >= 2 && x.s(a - 1) == "of" && PLACE_HEADS.contains(&x.s(a - 2))
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

fn after_the(x: &Sent, a: usize) -> bool {
    a > 0 && matches!(x.s(a - 1), "the" | "The")
}

fn before_colon(x: &Sent, b: usize) -> bool {
    matches!(x.s_at(b), ":" | "(")
}

/// The longest title starting at word `k` of `a..b`, as its end.
pub fn title_at(x: &Sent, k: usize, b: usize) -> Option<usize> {
    if !x.ws.get(k)?.has(flag::TITLE_WORD) {
        return None;
    }
    TITLES_BY_FIRST.get(x.bare(k))?.iter().find_map(|t| {
        let end = k + t.len();
        (end <= b && t.iter().zip(k..end).all(|(w, i)| *w == x.bare(i))).then_some(end)
    })
}

/// Labels the run `a..b`, splitting off titles and a leading demonym.
pub fn segment(cx: &SentenceCtx, x: &Sent, a: usize, b: usize, buf: &mut String, out: &mut Cands) {
    let mut a = a;
    if x.s(a) == "The" && b - a > 1 {
        a += 1;
    }
    // The whole run as a known name.
    if let Some(g) = gaz_phrase(x, a, b, buf) {
        push_gaz(cx, x, a, b, g, out);
        return;
    }
    // A title inside: "US Secretary of State John Kerry", "Mr Kerry", "Prime Minister".
    for k in a..b {
        if let Some(t) = title_at(x, k, b) {
            if k > a {
                segment(cx, x, a, k, buf, out);
            }
            if t < b {
                let n = out.len();
                segment_person(cx, x, t, b, buf, out);
                // A title makes a person even of a name the gazetteer knows ("Mr Kerry").
                let whole = out.len() == n + 1;
                if let Some(c) = out.get_mut(n) {
                    if c.label == Label::Person || c.conf < SURE || whole {
                        c.label = Label::Person;
                        c.conf = SURE;
                        c.place = None;
                        c.org = None;
                        let role_start = if k > a { a } else { k };
                        let honor = x[k].has(flag::HONORIFIC) && is_honorific(x.bare(k));
                        if honor && t == k + 1 {
                            c.honorific = Some(x[k].span());
                        } else {
                            c.role = Some(x.span(role_start, t));
                        }
                    }
                }
            }
            return;
        }
    }
    // A lower-case role word right before: "coach Bobby Robson", "analyst Ahmed Maher".
    let role_before = a > 0 && x[a - 1].shape == Shape::Lower && title_at(x, a - 1, a).is_some();
    let last = &x[b - 1];
    let n = b - a;
    let span = x.span(a, b);
    if n >= 2
        && (last.is(flag::ORG_CUE) || x[a].is(flag::ORG_CUE) && (a..b).any(|i| x.s(i) == "of"))
    {
        // (A known organisation was found as a whole above.)
        push(cx, span, Label::Org, SURE, out);
        return;
    }
    if n >= 2 && EVENT_CUES.contains(&x.s(b - 1)) {
        push(cx, span, Label::Event, SURE, out);
        return;
    }
    if n >= 2 && last.is(flag::LOC_CUE) {
        push(cx, span, Label::Loc, SURE, out);
        return;
    }
    // A leading demonym or place: "Iraqi Kurds", "Baghdad Governor" (title handled above).
    if n >= 2 {
        if let Some(g @ (Gaz::Norp | Gaz::Place(_))) = gaz_word(x, a) {
            if x[a + 1].is(flag::FIRST_NAME) || matches!(g, Gaz::Norp) {
                push_gaz(cx, x, a, a + 1, g, out);
                segment(cx, x, a + 1, b, buf, out);
                return;
            }
        }
        // A demonym that is also a name or a common noun, before a person's name of two
        // words or more: "Finn Kalle Palander", "Pole Robert Kubica"; "Finn Russell", "Dane
        // Cook" and "Brit Awards" are names.
        if n >= 3
            && x[a].shape == Shape::Title
            && DEMONYMS_BEFORE_NAME.contains_key(x.key(a))
            && (a + 1..b).all(|i| x[i].shape == Shape::Title && !x[i].has(flag::COMMON))
        {
            push(cx, x[a].span(), Label::Norp, LIKELY, out);
            segment(cx, x, a + 1, b, buf, out);
            return;
        }
        // A demonym the table lacks, derived from a country's name, before a first name:
        // "Argentine David Nalbandian" is a NORP and a person.
        if x[a].shape == Shape::Title
            && x[a + 1].is(flag::FIRST_NAME)
            && !x[a].has(flag::FIRST_NAME | flag::SURNAME | flag::COMMON | flag::TITLE_WORD)
            && demonym_like(x.key(a), buf)
        {
            push(cx, x[a].span(), Label::Norp, LIKELY, out);
            segment(cx, x, a + 1, b, buf, out);
            return;
        }
    }
    let before = out.len();
    if n >= 2 {
        segment_person(cx, x, a, b, buf, out);
    } else {
        single(cx, x, a, role_before, buf, out);
    }
    if out.len() == before + 1 {
        if let Some(c) = out.last_mut().filter(|c| c.label == Label::Person) {
            if role_before {
                // The role phrase: the role word and up to four capitalised words before it
                // ("BBC Arabic analyst").
                let mut r = a - 1;
                while r > 0 && x[r - 1].namey() && a - r < 5 {
                    r -= 1;
                }
                c.conf = SURE;
                c.role = Some(x.span(r, a));
            } else if let Some(role) = apposition(x, b) {
                c.role = Some(role);
            }
        }
    }
}

/// ", the US secretary of state," after a name: up to eight words holding a role word, between
/// commas (or a comma and the sentence end).
fn apposition(x: &Sent, b: usize) -> Option<Span> {
    if x.s_at(b) != "," {
        return None;
    }
    let mut start = b + 1;
    if matches!(x.s_at(start), "the" | "a" | "an") {
        start += 1;
    }
    let mut has_role = false;
    let mut end = start;
    while end < x.len() && end - start < 8 {
        if x[end].shape == Shape::Other && !matches!(x.s(end), "-" | "&") {
            break;
        }
        has_role |= title_at(x, end, end + 1).is_some() || title_at(x, end, x.len()).is_some();
        end += 1;
    }
    let closed = end >= x.len() || matches!(x.s(end), "," | "." | ";");
    (has_role && closed && end > start).then(|| x.span(start, end))
}

/// A multi-word run with no cue: a person if it looks like one.
fn segment_person(
    cx: &SentenceCtx,
    x: &Sent,
    a: usize,
    b: usize,
    buf: &mut String,
    out: &mut Cands,
) {
    if b - a == 1 {
        single(cx, x, a, true, buf, out);
        if let Some(c) = out.last_mut() {
            if c.label == Label::Person {
                c.conf = c.conf.max(LIKELY);
            }
        }
        return;
    }
    if let Some(g) = gaz_phrase(x, a, b, buf) {
        push_gaz(cx, x, a, b, g, out);
        return;
    }
    let span = x.span(a, b);
    let first = &x[a];
    let (label, conf) = if first.shape == Shape::Initial || first.is(flag::FIRST_NAME) {
        (Label::Person, LIKELY)
    } else if (a..b).any(|i| matches!(x.s(i), "of" | "&"))
        || x.ws[a..b].iter().all(|w| w.shape == Shape::Caps)
        || ordinary_words(x, a, b)
    {
        (Label::Org, GUESS)
    } else if b - a <= 3 && !after_the(x, a) {
        (Label::Person, GUESS)
    } else {
        (Label::Org, GUESS)
    };
    push(cx, span, label, conf, out);
}

/// Whether a run reads as ordinary words or contains a place ("Human Rights", "Air France",
/// "Bucharest Newsroom"): an organisation or an event, rarely a person.
fn ordinary_words(x: &Sent, a: usize, b: usize) -> bool {
    let mut common = 0;
    for i in a..b {
        if matches!(gaz_word(x, i), Some(Gaz::Place(_) | Gaz::Norp)) {
            return true;
        }
        let w = &x[i];
        if w.has(flag::COMMON) && !w.has(flag::SURNAME | flag::FIRST_NAME) {
            common += 1;
        }
    }
    common * 2 >= b - a
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
    // "Welshman", "Frenchwoman": a demonym noun.
    for suf in ["man", "woman", "men", "women"] {
        if let Some(stem) = k.strip_suffix(suf) {
            if stem.len() >= 4 && (DEMONYMS.contains_key(stem) || NORP.contains(stem)) {
                return true;
            }
        }
    }
    // "Argentine" -> Argentina: a country's final "a" written "e".
    if let Some(stem) = k.strip_suffix("ine") {
        c.clear();
        c.push_str(stem);
        c.push_str("ina");
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
    x: &Sent,
    a: usize,
    person_context: bool,
    buf: &mut String,
    out: &mut Cands,
) {
    let w = &x[a];
    if let Some(g) = gaz_word(x, a) {
        push_gaz(cx, x, a, a + 1, g, out);
        return;
    }
    if w.has(flag::STOPWORD) || w.shape == Shape::Initial {
        return;
    }
    if w.shape == Shape::Title && demonym_like(x.key(a), buf) {
        push(cx, w.span(), Label::Norp, LIKELY, out);
        return;
    }
    let span = w.span();
    if person_context || w.is(flag::FIRST_NAME) && w.shape == Shape::Title {
        push(cx, span, Label::Person, LIKELY, out);
        return;
    }
    if w.shape == Shape::Caps && x.s(a).chars().filter(|c| c.is_alphabetic()).count() <= 5 {
        push(cx, span, Label::Org, GUESS, out);
        return;
    }
    // "an analyst at Gartner", "economists at Barclays": where a person works, not a place
    // (a known place was taken by the gazetteer above).
    if a >= 2
        && x.s(a - 1) == "at"
        && x[a - 2].shape == Shape::Lower
        && x[a - 2].has(flag::NOMINAL_HEAD)
    {
        push(cx, span, Label::Org, GUESS, out);
        return;
    }
    if after_locative(x, a) || after_place_head(x, a) || before_place_noun(x, a) {
        push(cx, span, Label::Loc, GUESS, out);
        return;
    }
    let says = matches!(
        x.s_at(a + 1),
        "said" | "says" | "told" | "added" | "stated" | "insisted" | "argued"
    );
    if after_the(x, a) {
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
