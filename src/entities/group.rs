//! The document pass: labels reconciled across mentions, then mentions grouped into entities.

use std::sync::LazyLock;

use crate::tables::{FastMap as HashMap, FastSet as HashSet};

use super::acronyms::Def;
use super::gazetteer::{country_code, NotName, Place, ALIASES, NOT_NAMES};
use super::mentions::{
    lower, push_lower, Cand, Cands, Key, Keys, Label, GUESS, LIKELY, SURE, WEAK,
};
use super::{mention, region_weight, Entity};
use crate::doc::Document;
use crate::text::Span;

#[derive(Clone, Copy)]
struct Known {
    label: Label,
    conf: u8,
    place: Option<Place>,
    /// A candidate's key with this text.
    key: Key,
}

/// The keys of the known short forms' long forms ("un" -> "united nations").
static ALIAS_KEYS: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    ALIASES
        .iter()
        .map(|(s, l)| (s.as_str(), lower(l)))
        .collect()
});

/// Whether a candidate with key `k` and label `label` is a phrase of `not_names.tsv` (holidays,
/// awards, common abbreviations): dropped unless the rules made it an EVENT ("Labor Day").
pub(crate) fn not_a_name(k: &str, label: Label) -> bool {
    label != Label::Event && NOT_NAMES.contains_key(k)
}

/// Whether the word after byte `end` (past spaces and a closing parenthesis) names a prize
/// (`not_names.tsv`, kind `award_word`: "award", "Prizes").
fn award_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', ')']);
    let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    award_word(rest.get(..n).unwrap_or(""))
}

/// The words naming a prize, lower-cased, and the first letters they start with (in either
/// case), so that most words are ruled out by one byte test.
static AWARD_WORDS: LazyLock<(Vec<String>, [bool; 256])> = LazyLock::new(|| {
    let words: Vec<String> = NOT_NAMES
        .iter()
        .filter(|(_, k)| **k == NotName::AwardWord)
        .map(|(w, _)| w.clone())
        .collect();
    let mut first = [false; 256];
    for w in &words {
        if let Some(&b) = w.as_bytes().first() {
            first[b.to_ascii_lowercase() as usize] = true;
            first[b.to_ascii_uppercase() as usize] = true;
        }
    }
    (words, first)
});

/// Whether a word (any case) names a prize (`not_names.tsv`, kind `award_word`).
fn award_word(w: &str) -> bool {
    let (words, first) = &*AWARD_WORDS;
    w.as_bytes().first().is_some_and(|&b| first[b as usize])
        && words.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn last_word(s: &str) -> Option<&str> {
    s.rsplit(' ')
        .next()
        .filter(|w| w.len() > 1 && w.len() < s.len())
}

/// Reconciles labels across the document (see the module doc of `entities`).
#[inline(never)]
pub fn propagate(text: &str, cands: &mut Cands, defs: &[Def]) {
    cands.def_keys = defs
        .iter()
        .map(|d| {
            let long = cands.keys.add(&text[d.long.start..d.long.end]);
            (long, cands.keys.add(&text[d.short.start..d.short.end]))
        })
        .collect();
    let Cands {
        list,
        keys,
        def_keys,
    } = cands;
    let keys: &Keys = keys;
    // Holidays, awards and common abbreviations are never names on their own (they would
    // otherwise default to ORG or PERSON, and teach the rest of the document that label).
    list.retain(|c| !not_a_name(keys.get(c.key), c.label));
    // "the Mobo awards", "Mobo award organisers", "the Brit Awards": a capitalised name
    // before or ending in a word naming a prize is the prize's name (the organisation it is
    // named after keeps its other mentions).
    list.retain(|c| {
        let k = keys.get(c.key);
        let ends_in_award = k.rsplit_once(' ').is_some_and(|(_, w)| award_word(w));
        !(c.org.is_none()
            && c.place.is_none()
            && matches!(c.label, Label::Org | Label::Person)
            && (ends_in_award || award_follows(text, c.span.end)))
    });
    let mut known: HashMap<&str, Known> = HashMap::default();
    known.reserve(list.len());
    let mut surnames: HashSet<&str> = HashSet::default();
    for c in list.iter().filter(|c| !c.caps && c.conf >= LIKELY) {
        let k = keys.get(c.key);
        // A full name, or a name written with an honorific or a short title ("Mr Juncker",
        // "President Bush"; not a long role phrase, which may be a misread run of names): its
        // last word is a person's surname anywhere in the document.
        let titled = c.honorific.is_some()
            || c.role.is_some_and(|r| {
                text.get(r.start..r.end)
                    .is_some_and(|r| r.split_whitespace().count() <= 2)
            });
        if c.label == Label::Person && (k.contains(' ') || titled) {
            let single = (!k.contains(' ') && k.len() > 1).then_some(k);
            if let Some(w) = last_word(k).or(single) {
                surnames.insert(w);
            }
        }
        let new = Known {
            label: c.label,
            conf: c.conf,
            place: c.place,
            key: c.key,
        };
        match known.get_mut(k) {
            Some(e) if c.conf > e.conf => *e = new,
            Some(_) => {}
            None => {
                known.insert(k, new);
            }
        }
    }
    for &(long, short) in def_keys.iter() {
        if let Some(k) = known.get(keys.get(long)).copied() {
            known.insert(keys.get(short), Known { key: short, ..k });
        }
    }
    for c in list.iter_mut().filter(|c| !c.caps) {
        let k = keys.get(c.key);
        if !k.contains(' ')
            && surnames.contains(k)
            && c.label != Label::Person
            && c.conf <= SURE
            && c.org.is_none()
        {
            c.label = Label::Person;
            c.conf = LIKELY;
            c.place = None;
            continue;
        }
        if let Some(kn) = known.get(k) {
            if kn.conf > c.conf {
                c.label = kn.label;
                c.conf = kn.conf;
                c.place = kn.place;
            }
        } else if c.conf <= GUESS && surnames.contains(k) {
            c.label = Label::Person;
            c.conf = LIKELY;
        }
    }
    resolve_caps(text, list, keys, &known, &surnames);
    list.retain(|c| c.conf > WEAK || c.label != Label::Person || !c.caps);
}

/// ALL-CAPS words join into the longest run the rest of the document knows.
#[inline(never)]
fn resolve_caps(
    text: &str,
    cands: &mut Vec<Cand>,
    keys: &Keys,
    known: &HashMap<&str, Known>,
    surnames: &HashSet<&str>,
) {
    if !cands.iter().any(|c| c.caps) {
        return;
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut buf = String::new();
    let mut i = 0;
    while i < cands.len() {
        if !cands[i].caps {
            out.push(std::mem::replace(&mut cands[i], placeholder()));
            i += 1;
            continue;
        }
        // The run of adjacent caps words (only blanks between them).
        let mut j = i + 1;
        while j < cands.len()
            && cands[j].caps
            && cands[j].sentence == cands[i].sentence
            && j - i < 6
            && text[cands[j - 1].span.end..cands[j].span.start]
                .chars()
                .all(char::is_whitespace)
        {
            j += 1;
        }
        let mut a = i;
        while a < j {
            let mut hit = None;
            for b in (a + 1..=j).rev() {
                let k = if b == a + 1 {
                    keys.get(cands[a].key)
                } else {
                    buf.clear();
                    push_lower(&text[cands[a].span.start..cands[b - 1].span.end], &mut buf);
                    buf.as_str()
                };
                if let Some(kn) = known.get(k) {
                    hit = Some((b, kn.label, kn.place, kn.key));
                    break;
                }
                if b == a + 1 && surnames.contains(k) {
                    hit = Some((b, Label::Person, None, cands[a].key));
                }
            }
            match hit {
                Some((b, label, place, key)) => {
                    let mut c = cands[a].clone();
                    c.span = Span::new(cands[a].span.start, cands[b - 1].span.end);
                    // The same text as the known name's (or, alone, as its own).
                    c.key = key;
                    c.label = label;
                    c.place = place;
                    c.conf = LIKELY;
                    c.caps = false;
                    out.push(c);
                    a = b;
                }
                None => {
                    let mut c = cands[a].clone();
                    c.conf = WEAK;
                    out.push(c);
                    a += 1;
                }
            }
        }
        i = j;
    }
    *cands = out;
}

fn placeholder() -> Cand {
    Cand {
        span: Span::default(),
        label: Label::Person,
        conf: WEAK,
        place: None,
        org: None,
        role: None,
        honorific: None,
        caps: false,
        sentence: 0,
        key: (0, 0),
    }
}

/// Groups the resolved mentions into entities.
#[inline(never)]
pub fn entities(doc: &Document, cands: &Cands) -> Vec<Entity> {
    let Some(first) = cands.first() else {
        return Vec::new();
    };
    let keys = &cands.keys;
    // Full names of people, so "Kerry" and "Mr Kerry" join "John Kerry".
    let mut full_by_part: HashMap<&str, &str> = HashMap::default();
    full_by_part.reserve(cands.len());
    for c in cands.iter().filter(|c| c.label == Label::Person) {
        let k = keys.get(c.key);
        if let Some(w) = last_word(k) {
            let e = full_by_part.entry(w).or_insert(k);
            if k.len() > e.len() {
                *e = k;
            }
        }
    }
    let mut def_long: HashMap<&str, &str> = HashMap::default();
    for &(long, short) in &cands.def_keys {
        def_long.insert(keys.get(short), keys.get(long));
    }
    // Each candidate's group, numbered in order of first appearance.
    let mut index: HashMap<(&str, bool), u32> = HashMap::default();
    index.reserve(cands.len());
    let mut group_of: Vec<u32> = Vec::with_capacity(cands.len());
    for c in cands.iter() {
        let k = keys.get(c.key);
        let person = c.label == Label::Person;
        let key: &str = if person {
            full_by_part.get(k).copied().unwrap_or(k)
        } else if let Some(l) = def_long.get(k) {
            l
        } else if let Some(l) = ALIAS_KEYS.get(k) {
            l
        } else {
            k
        };
        let n = index.len() as u32;
        group_of.push(*index.entry((key, person)).or_insert(n));
    }
    // The candidates by group, in text order within each (a counting sort).
    let mut starts = vec![0u32; index.len() + 1];
    for &g in &group_of {
        starts[g as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut fill = starts.clone();
    let mut members: Vec<&Cand> = vec![first; cands.len()];
    for (c, &g) in cands.iter().zip(&group_of) {
        members[fill[g as usize] as usize] = c;
        fill[g as usize] += 1;
    }
    let mut surfaces = Vec::new();
    let mut out: Vec<Entity> = starts
        .windows(2)
        .map(|w| entity(doc, &members[w[0] as usize..w[1] as usize], &mut surfaces))
        .collect();
    let top = out.iter().map(|e| e.salience).fold(0.0_f64, f64::max);
    if top > 0.0 {
        for e in &mut out {
            e.salience = (e.salience / top * 1000.0).round() / 1000.0;
        }
    }
    out.sort_by_key(|e| e.first);
    out
}

#[inline(never)]
/// One entity from its mentions; `surfaces` is a buffer reused from entity to entity.
fn entity<'t>(
    doc: &Document<'t>,
    g: &[&Cand],
    surfaces: &mut Vec<(std::borrow::Cow<'t, str>, bool)>,
) -> Entity {
    let text = doc.text;
    let mut votes = [0u32; 5];
    // Surfaces in order of appearance, `true` for a form with its honorific ("Mr Kerry").
    surfaces.clear();
    let mut roles: Vec<String> = Vec::new();
    let mut country = None;
    let mut salience = 0.0;
    let mut mentions = Vec::with_capacity(g.len());
    for c in g {
        votes[c.label as usize] += 1 + c.conf as u32;
        let s = &text[c.span.start..c.span.end];
        if !surfaces.iter().any(|(x, _)| x == s) {
            surfaces.push((s.into(), false));
        }
        if let Some(h) = c.honorific {
            let h = &text[h.start..h.end];
            // "{h} {s}", compared without writing it.
            let is_form = |x: &str| {
                x.len() == h.len() + 1 + s.len()
                    && x.starts_with(h)
                    && x.ends_with(s)
                    && x.as_bytes()[h.len()] == b' '
            };
            if !surfaces.iter().any(|(x, _)| is_form(x)) {
                surfaces.push((format!("{h} {s}").into(), true));
            }
        }
        if let Some(r) = c.role {
            let mut role = String::new();
            for w in text[r.start..r.end].split_whitespace() {
                if !role.is_empty() {
                    role.push(' ');
                }
                role.push_str(w);
            }
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        if country.is_none() {
            country = c.place.and_then(|p| country_code(p.country));
        }
        salience += region_weight(doc, c.span.start);
        mentions.push(mention(doc, c.span));
    }
    let labels = [
        Label::Person,
        Label::Org,
        Label::Loc,
        Label::Norp,
        Label::Event,
    ];
    let label = labels
        .into_iter()
        .zip(votes)
        .rev()
        .max_by_key(|(_, v)| *v)
        .map(|(l, _)| l)
        .unwrap_or(Label::Person);
    // The longest form without an honorific is the name.
    let name = surfaces
        .iter()
        .zip(0..)
        .filter(|((_, honorific), _)| !honorific)
        .max_by_key(|((s, _), i)| (s.chars().count(), std::cmp::Reverse(*i)))
        .map(|((s, _), _)| s.to_string())
        .unwrap_or_default();
    let aliases = surfaces
        .drain(..)
        .filter(|(s, _)| *s != name)
        .map(|(s, _)| s.into_owned())
        .collect();
    let first = mentions.first().map(|m| m.start).unwrap_or(0);
    Entity {
        name,
        label: label.as_str().to_string(),
        aliases,
        count: mentions.len(),
        mentions,
        first,
        salience,
        roles,
        country: if label == Label::Loc { country } else { None },
    }
}
