//! Mention candidates in one sentence: runs of capitalised words, split and labelled by
//! gazetteers, titles, organisation and place cues, first names and context.
//!
//! Confidence says how much a label can be trusted when the document-level pass reconciles
//! mentions of the same name: gazetteer and cue hits beat first-name and shape guesses.

use crate::tables::FastSet as HashSet;

use super::gazetteer::{
    Gaz, OrgKind, Place, PlaceKind, COMMON, DEMONYMS, GAZ, HONORIFICS, LOC_CUES, MAX_PHRASE_WORDS,
    NORP, ORGS, ORG_CUES, PLACES, PREFIXES, STOPWORDS, TITLES_BY_FIRST,
};
use super::names::{first_name_gender, is_common_surname};
use crate::stream::Tokens;
use crate::text::Span;
use crate::tokens::TokenKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    Person,
    Org,
    Loc,
    Norp,
    /// Wars, holidays, tournaments: kept apart so they are not taken for organisations.
    Event,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
        }
    }
}

pub const SURE: u8 = 3;
pub const LIKELY: u8 = 2;
pub const GUESS: u8 = 1;
pub const WEAK: u8 = 0;

#[derive(Debug, Clone)]
pub struct Cand {
    pub span: Span,
    pub label: Label,
    pub conf: u8,
    pub place: Option<Place>,
    pub org: Option<OrgKind>,
    /// Title or role words written before a person's name ("Secretary of State").
    pub role: Option<Span>,
    /// The honorific written before the name ("Mr"), for the entity's aliases.
    pub honorific: Option<Span>,
    /// From an ALL-CAPS line: only kept when the rest of the document confirms the name.
    pub caps: bool,
    pub sentence: usize,
    /// The lower-cased surface, the key every document-level map uses.
    pub key: String,
}

/// Lower case with typographic apostrophes folded: the key of a surface form.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Title,
    Caps,
    /// A capital followed by a period token: "P." in "P. Simmons".
    Initial,
    Lower,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct W<'t> {
    /// Without a possessive "'s".
    span: Span,
    s: &'t str,
    shape: Shape,
    /// A line break separates it from the previous token: names never run across one.
    nl: bool,
}

impl W<'_> {
    fn namey(&self) -> bool {
        matches!(self.shape, Shape::Title | Shape::Caps | Shape::Initial)
    }
}

/// Abbreviations written with a period (from the sentence splitter's table): "Gen.", "Dr.".
static ABBREV: std::sync::LazyLock<HashSet<&'static str>> = std::sync::LazyLock::new(|| {
    crate::tables::ABBREVIATIONS
        .iter()
        .map(|s| s.as_str())
        .collect()
});

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

/// Abbreviations that end company names and keep their period: "Acme Corp.".
const ORG_ABBREV: &[&str] = &["Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "Cos"];

/// Lower-case particles inside names: "Charles de Gaulle", "Osama bin Laden".
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin", "ibn",
    "al", "el", "dos", "das", "ter", "y",
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

fn shape(s: &str) -> Shape {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_lowercase) && !b.contains(&b'-') {
        return Shape::Lower;
    }
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if !first.is_alphabetic() {
        return Shape::Other;
    }
    let mut upper = first.is_uppercase() as usize;
    let mut lower = first.is_lowercase() as usize;
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    // "New York-based", "KDP-controlled": an adjective, not a name.
    if s.contains('-')
        && s.rsplit_once('-')
            .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
    {
        return Shape::Lower;
    }
    if first.is_uppercase() {
        if lower == 0 {
            if upper >= 2 {
                Shape::Caps
            } else {
                Shape::Other
            }
        } else {
            Shape::Title
        }
    } else if upper > 0 && name_prefix(s) {
        // "al-Abadi", "bin-Laden", "McDonald's" style prefixes written in lower case.
        Shape::Title
    } else {
        Shape::Lower
    }
}

fn name_prefix(s: &str) -> bool {
    s.split_once('-').is_some_and(|(p, rest)| {
        p.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

fn strip_possessive(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    for suf in ["'s", "’s", "'S"] {
        if s.len() > suf.len() + 1 && s.ends_with(suf) {
            return Span::new(span.start, span.end - suf.len());
        }
    }
    span
}

/// Per-document facts the sentence pass needs.
pub struct DocInfo<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// Words the document writes in lower case somewhere ("police", "but"); built on first
    /// use, which only a capitalised sentence start missing from `COMMON` needs.
    pub lower_words: std::cell::OnceCell<HashSet<&'a str>>,
    /// Look-ups answered by scanning the text; past a budget (64 scans, 8 MB scanned) the set
    /// is built instead, so a huge document stays linear.
    pub scans: std::cell::Cell<u32>,
    pub sports: bool,
}

impl<'a> DocInfo<'a> {
    fn written_lower(&self, w: &str) -> bool {
        if self.lower_words.get().is_none()
            && self.scans.get() < 64
            && (self.scans.get() as usize).saturating_mul(self.text.len()) < 8_000_000
        {
            self.scans.set(self.scans.get() + 1);
            let bytes = self.text.as_bytes();
            return memchr::memmem::find_iter(bytes, w.as_bytes()).any(|i| {
                let before = i.checked_sub(1).and_then(|j| bytes.get(j));
                let after = bytes.get(i + w.len());
                !before.is_some_and(|b| b.is_ascii_alphanumeric())
                    && !after.is_some_and(|b| b.is_ascii_alphanumeric())
            });
        }
        self.lower_words
            .get_or_init(|| {
                let k = self.tokens;
                let n = k.sentences().last().map_or(0, |s| s.end as usize);
                (0..n)
                    .filter(|&i| k.kind(i) == TokenKind::Word)
                    .map(|i| &self.text[k.span(i).start..k.span(i).end])
                    .filter(|s| s.as_bytes().first().is_some_and(u8::is_ascii_lowercase))
                    .collect()
            })
            .contains(w)
    }
}

pub struct SentenceCtx<'t, 'a> {
    pub text: &'t str,
    pub tokens: &'a Tokens,
    /// The sentence's tokens in the stream.
    pub range: std::ops::Range<usize>,
    pub sentence: usize,
    pub info: &'a DocInfo<'a>,
    /// The sentence is (part of) the headline.
    pub headline: bool,
}

/// A token as `words` reads it.
#[derive(Clone, Copy)]
struct Tk {
    span: Span,
    kind: TokenKind,
}

fn words<'t>(text: &'t str, k: &Tokens, range: std::ops::Range<usize>, out: &mut Vec<W<'t>>) {
    out.clear();
    let base = range.start;
    let n = range.len();
    let at = |i: usize| -> Option<Tk> {
        (i < n).then(|| Tk {
            span: k.span(base + i),
            kind: k.kind(base + i),
        })
    };
    let mut i = 0;
    while let Some(t) = at(i) {
        let raw = &text[t.span.start..t.span.end];
        let mut w = match t.kind {
            TokenKind::Word
                if raw.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                    && !raw.contains('-') =>
            {
                W {
                    span: t.span,
                    s: raw,
                    shape: Shape::Lower,
                    nl: false,
                }
            }
            TokenKind::Word => {
                let span = strip_possessive(text, t.span);
                let s = &text[span.start..span.end];
                W {
                    span,
                    s,
                    shape: shape(s),
                    nl: false,
                }
            }
            _ => W {
                span: t.span,
                s: raw,
                shape: Shape::Other,
                nl: false,
            },
        };
        // An initial: one capital, then a period right after it.
        if t.kind == TokenKind::Word && raw.len() == 1 && raw.as_bytes()[0].is_ascii_uppercase() {
            if let Some(n) = at(i + 1) {
                if n.span.start == t.span.end && &text[n.span.start..n.span.end] == "." {
                    w = W {
                        span: Span::new(t.span.start, n.span.end),
                        s: &text[t.span.start..n.span.end],
                        shape: Shape::Initial,
                        nl: false,
                    };
                    i += 1;
                }
            }
        }
        // "U.S." / "U.N." / "Gen." / "Dr.": keep the final period that the tokenizer split off.
        if (w.shape == Shape::Caps && w.s.contains('.'))
            || (w.shape == Shape::Title
                && (ORG_ABBREV.contains(&w.s)
                    || TITLES_BY_FIRST.contains_key(w.s) && ABBREV.contains(w.s)))
        {
            if let Some(n) = at(i + 1) {
                if n.span.start == t.span.end && &text[n.span.start..n.span.end] == "." {
                    w.span = Span::new(w.span.start, n.span.end);
                    w.s = &text[w.span.start..w.span.end];
                    i += 1;
                }
            }
        }
        if let Some(prev) = out.last() {
            w.nl = text
                .as_bytes()
                .get(prev.span.end..w.span.start)
                .is_some_and(|g| g.contains(&b'\n'));
        }
        out.push(w);
        i += 1;
    }
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct Scratch<'t> {
    ws: Vec<W<'t>>,
    buf: String,
}

/// The lower-cased phrase key of words `a..b`: word texts joined by one space where the text
/// had blanks, with no final period ("U.S." -> "u.s").
fn key(text: &str, ws: &[W], buf: &mut String) {
    buf.clear();
    for (i, w) in ws.iter().enumerate() {
        if i > 0 && ws[i - 1].span.end < w.span.start {
            buf.push(' ');
        }
        let _ = i;
        push_lower(text, w, buf);
    }
}

fn push_lower(text: &str, w: &W, buf: &mut String) {
    let s = &text[w.span.start..w.span.end];
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.is_ascii() {
        buf.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in s.chars() {
        if c == '’' {
            buf.push('\'');
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

fn lookup(k: &str) -> Option<Gaz> {
    GAZ.get(k).copied()
}

fn is_caps_sentence(ws: &[W]) -> bool {
    let (mut caps, mut title_or_lower) = (0, 0);
    for w in ws {
        match w.shape {
            Shape::Caps => caps += 1,
            Shape::Title | Shape::Lower => title_or_lower += 1,
            _ => {}
        }
    }
    caps >= 2 && caps * 10 >= (caps + title_or_lower) * 7
}

/// A headline in Title Case ("Clinton Was Headed to ER"): its capitals say nothing, so it is
/// read like an ALL-CAPS line. Short function words ("to", "of") may stay in lower case.
fn is_title_case(ws: &[W]) -> bool {
    let (mut cap, mut lower) = (0, 0);
    for w in ws {
        match w.shape {
            Shape::Title | Shape::Caps => cap += 1,
            Shape::Lower if w.s.len() > 3 => lower += 1,
            _ => {}
        }
    }
    cap >= 4 && lower * 5 <= cap
}

/// Finds the candidates of one sentence.
pub fn sentence_candidates<'t>(
    cx: &SentenceCtx<'t, '_>,
    scratch: &mut Scratch<'t>,
    out: &mut Vec<Cand>,
) {
    words(cx.text, cx.tokens, cx.range.clone(), &mut scratch.ws);
    let ws = &scratch.ws;
    let buf = &mut scratch.buf;
    if ws.is_empty() || !ws.iter().any(W::namey) {
        return;
    }
    if is_caps_sentence(ws) || (cx.headline && is_title_case(ws)) {
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
        if let Some((j, g)) = longest_gazetteer(cx.text, ws, i, buf) {
            let run = run_end(ws, i);
            let org_run = run > j && ORG_CUES.contains(ws[run - 1].s);
            let lone = j == i + 1
                && run == j
                && !(i == first && STOPWORDS.contains(&ws[i].s.to_lowercase()));
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
            let lw = ws[a].s.to_lowercase();
            let plain = ws[a].shape == Shape::Title
                && lookup(&lw).is_none()
                && first_name_gender(&lw).is_none()
                && (COMMON.contains(lw.as_str()) || cx.info.written_lower(&lw));
            if STOPWORDS.contains(&lw) {
                a += 1;
            } else if plain {
                if j == a + 1 {
                    // "Bush said ...": kept only if the document knows the name.
                    let k = push(cx, ws[a].span, Label::Person, WEAK, out);
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

fn longest_gazetteer(text: &str, ws: &[W], i: usize, buf: &mut String) -> Option<(usize, Gaz)> {
    buf.clear();
    let mut best = None;
    let end = (i + MAX_PHRASE_WORDS * 2).min(ws.len());
    for j in i..end {
        let w = &ws[j];
        // A phrase never crosses a comma or a bracket; "-" and "&" may sit inside one.
        if j > i && w.nl {
            break;
        }
        if w.shape == Shape::Other && !matches!(w.s, "&" | "-") {
            break;
        }
        if j > i && ws[j - 1].span.end < w.span.start {
            buf.push(' ');
        }
        push_lower(text, w, buf);
        if w.namey() {
            if let Some(g) = lookup(buf) {
                best = Some((j + 1, g));
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

fn run_end(ws: &[W], i: usize) -> usize {
    let limit = ws.len().min(i + MAX_RUN_WORDS);
    let mut j = i + 1;
    // Inside an organisation's name ("Organisation for Security and Cooperation in Europe")
    // more small words may join.
    let mut org = ORG_CUES.contains(ws[i].s);
    while j < limit {
        let w = &ws[j];
        if w.nl {
            break;
        }
        if w.namey() {
            org |= ORG_CUES.contains(w.s);
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
        let prev = ws[j - 1].s;
        let joins = match w.s {
            "of" => {
                OF_HEADS.contains(&prev)
                    || ORG_CUES.contains(prev)
                    || LOC_CUES.contains(prev)
                    || org
            }
            "for" | "on" => org && ORG_CUES.contains(prev),
            "and" | "in" => org && j > i + 2,
            "&" => true,
            s => PARTICLES.contains(&s) && ws[j - 1].shape == Shape::Title,
        };
        if !joins {
            break;
        }
        if w.s == "of" || w.s == "for" || w.s == "on" {
            org |= ORG_CUES.contains(prev);
        }
        j += if next_namey { 1 } else { 2 };
    }
    j
}

fn push(cx: &SentenceCtx, span: Span, label: Label, conf: u8, out: &mut Vec<Cand>) -> usize {
    let key = lower(&cx.text[span.start..span.end]);
    out.push(Cand {
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

fn push_gaz(cx: &SentenceCtx, ws: &[W], a: usize, b: usize, g: Gaz, out: &mut Vec<Cand>) {
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
fn title_at(ws: &[W], k: usize, b: usize) -> Option<usize> {
    let first = ws.get(k).map(|w| w.s.strip_suffix('.').unwrap_or(w.s))?;
    TITLES_BY_FIRST.get(first)?.iter().find_map(|t| {
        let end = k + t.len();
        (end <= b
            && t.iter()
                .zip(&ws[k..end])
                .all(|(x, w)| *x == w.s.strip_suffix('.').unwrap_or(w.s)))
        .then_some(end)
    })
}

/// Labels the run `a..b`, splitting off titles and a leading demonym.
fn segment(cx: &SentenceCtx, ws: &[W], a: usize, b: usize, buf: &mut String, out: &mut Vec<Cand>) {
    let mut a = a;
    if ws[a].s == "The" && b - a > 1 {
        a += 1;
    }
    // The whole run as a known name.
    key(cx.text, &ws[a..b], buf);
    if let Some(g) = lookup(buf) {
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
                        let honor =
                            HONORIFICS.contains(ws[k].s.strip_suffix('.').unwrap_or(ws[k].s));
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
    let last = ws[b - 1].s;
    let n = b - a;
    let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
    if n >= 2
        && (ORG_CUES.contains(last)
            || ORG_CUES.contains(ws[a].s) && ws[a..b].iter().any(|w| w.s == "of"))
    {
        let k = push(cx, span, Label::Org, SURE, out);
        if let Some(o) = ORGS.get(buf.as_str()) {
            out[k].org = Some(*o);
        }
        return;
    }
    if n >= 2 && EVENT_CUES.contains(&last) {
        push(cx, span, Label::Event, SURE, out);
        return;
    }
    if n >= 2 && LOC_CUES.contains(last) {
        push(cx, span, Label::Loc, SURE, out);
        return;
    }
    // A leading demonym or place: "Iraqi Kurds", "Baghdad Governor" (title handled above).
    if n >= 2 {
        key(cx.text, &ws[a..a + 1], buf);
        if let Some(g @ (Gaz::Norp | Gaz::Place(_))) = lookup(buf) {
            if first_name_gender(ws[a + 1].s).is_some() || matches!(g, Gaz::Norp) {
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
    out: &mut Vec<Cand>,
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
    key(cx.text, &ws[a..b], buf);
    if let Some(g) = lookup(buf) {
        push_gaz(cx, ws, a, b, g, out);
        return;
    }
    let span = Span::new(ws[a].span.start, ws[b - 1].span.end);
    let first = &ws[a];
    let (label, conf) = if first.shape == Shape::Initial || first_name_gender(first.s).is_some() {
        (Label::Person, LIKELY)
    } else if ws[a..b].iter().any(|w| matches!(w.s, "of" | "&"))
        || ws[a..b].iter().all(|w| w.shape == Shape::Caps)
        || ordinary_words(cx.text, &ws[a..b], buf)
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
fn ordinary_words(text: &str, ws: &[W], buf: &mut String) -> bool {
    let mut common = 0;
    for w in ws {
        key(text, std::slice::from_ref(w), buf);
        if matches!(GAZ.get(buf.as_str()), Some(Gaz::Place(_) | Gaz::Norp)) {
            return true;
        }
        if COMMON.contains(buf.as_str())
            && !is_common_surname(buf)
            && first_name_gender(buf).is_none()
        {
            common += 1;
        }
    }
    common * 2 >= ws.len()
}

/// "Zairean" -> Zaire, "Libyans" -> Libyan, "Bahraini" -> Bahrain.
fn demonym_like(k: &str) -> bool {
    let mut c = String::with_capacity(k.len() + 6);
    // "Yugoslav" -> Yugoslavia, "Philippine" -> Philippines, "Tajik" -> Tajikistan.
    for add in ["ia", "s", "istan"] {
        c.clear();
        c.push_str(k);
        c.push_str(add);
        if PLACES.get(&c).is_some_and(|p| p.kind == PlaceKind::Country) {
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
                    if PLACES.get(&c).is_some_and(|p| p.kind != PlaceKind::City) {
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
    out: &mut Vec<Cand>,
) {
    let w = &ws[a];
    key(cx.text, &ws[a..a + 1], buf);
    if let Some(g) = lookup(buf) {
        push_gaz(cx, ws, a, a + 1, g, out);
        return;
    }
    if STOPWORDS.contains(buf.as_str()) || w.shape == Shape::Initial {
        return;
    }
    if w.shape == Shape::Title && demonym_like(buf) {
        push(cx, w.span, Label::Norp, LIKELY, out);
        return;
    }
    let span = w.span;
    if person_context || first_name_gender(w.s).is_some() && w.shape == Shape::Title {
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
    } else if is_common_surname(w.s) || says {
        push(cx, span, Label::Person, GUESS, out);
    } else if COMMON.contains(buf.as_str()) {
        // "Security", "Refugees": an ordinary word with a capital is rarely a name alone.
    } else {
        // A lone unknown name is as often a company or a club as a person; people are
        // usually introduced by full name first, which the document pass propagates.
        push(cx, span, Label::Org, WEAK, out);
    }
}

/// ALL-CAPS lines: gazetteer names now; other runs wait for the document pass.
fn caps_candidates(cx: &SentenceCtx, ws: &[W], buf: &mut String, out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if !w.namey() {
            i += 1;
            continue;
        }
        // A gazetteer phrase may start with a stop word ("NEW YORK").
        if let Some((j, g)) = longest_gazetteer(cx.text, ws, i, buf) {
            if j > i + 1 || !STOPWORDS.contains(&w.s.to_lowercase()) {
                push_gaz(cx, ws, i, j, g, out);
                i = j;
                continue;
            }
        }
        key(cx.text, &ws[i..i + 1], buf);
        if STOPWORDS.contains(buf.as_str()) {
            i += 1;
            continue;
        }
        // One unresolved word at a time: the document pass joins confirmed neighbours.
        let k = push(cx, w.span, Label::Person, WEAK, out);
        out[k].caps = true;
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Kerry"), Shape::Title);
        assert_eq!(shape("BBC"), Shape::Caps);
        assert_eq!(shape("al-Abadi"), Shape::Title);
        assert_eq!(shape("said"), Shape::Lower);
        assert_eq!(shape("A"), Shape::Other);
        assert_eq!(shape("1996"), Shape::Other);
    }

    #[test]
    fn possessive_is_stripped() {
        let t = "Iraq's";
        assert_eq!(strip_possessive(t, Span::new(0, t.len())), Span::new(0, 4));
    }
}
