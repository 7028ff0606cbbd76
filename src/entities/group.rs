//! The document pass: labels reconciled across mentions, then mentions grouped into entities.

use crate::tables::{FastMap as HashMap, FastSet as HashSet};

use super::acronyms::Def;
use super::gazetteer::{country_code, Place, ALIASES};
use super::mentions::{lower, Cand, Label, GUESS, LIKELY, SURE, WEAK};
use super::{mention, region_weight, Entity};
use crate::doc::Document;
use crate::text::Span;

#[derive(Clone, Copy)]
struct Known {
    label: Label,
    conf: u8,
    place: Option<Place>,
}

fn last_word(s: &str) -> Option<&str> {
    s.rsplit(' ')
        .next()
        .filter(|w| w.len() > 1 && w.len() < s.len())
}

/// Reconciles labels across the document (see the module doc of `entities`).
pub fn propagate(text: &str, cands: &mut Vec<Cand>, defs: &[Def]) {
    let mut known: HashMap<String, Known> = HashMap::default();
    let mut surnames: HashSet<String> = HashSet::default();
    for c in cands.iter().filter(|c| !c.caps && c.conf >= LIKELY) {
        let k = c.key.as_str();
        if c.label == Label::Person && k.contains(' ') {
            if let Some(w) = last_word(k) {
                if !surnames.contains(w) {
                    surnames.insert(w.to_string());
                }
            }
        }
        let new = Known {
            label: c.label,
            conf: c.conf,
            place: c.place,
        };
        match known.get_mut(k) {
            Some(e) if c.conf > e.conf => *e = new,
            Some(_) => {}
            None => {
                known.insert(k.to_string(), new);
            }
        }
    }
    for d in defs {
        let long = lower(&text[d.long.start..d.long.end]);
        if let Some(k) = known.get(&long).copied() {
            known.insert(lower(&text[d.short.start..d.short.end]), k);
        }
    }
    for c in cands.iter_mut().filter(|c| !c.caps) {
        let k = c.key.as_str();
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
    resolve_caps(text, cands, &known, &surnames);
    cands.retain(|c| c.conf > WEAK || c.label != Label::Person || !c.caps);
}

/// ALL-CAPS words join into the longest run the rest of the document knows.
fn resolve_caps(
    text: &str,
    cands: &mut Vec<Cand>,
    known: &HashMap<String, Known>,
    surnames: &HashSet<String>,
) {
    if !cands.iter().any(|c| c.caps) {
        return;
    }
    let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
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
                    cands[a].key.clone()
                } else {
                    lower(&text[cands[a].span.start..cands[b - 1].span.end])
                };
                if let Some(kn) = known.get(&k) {
                    hit = Some((b, kn.label, kn.place));
                    break;
                }
                if b == a + 1 && surnames.contains(&k) {
                    hit = Some((b, Label::Person, None));
                }
            }
            match hit {
                Some((b, label, place)) => {
                    let mut c = cands[a].clone();
                    c.span = Span::new(cands[a].span.start, cands[b - 1].span.end);
                    c.key = lower(&text[c.span.start..c.span.end]);
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
        key: String::new(),
    }
}

/// Groups the resolved mentions into entities.
pub fn entities(doc: &Document, cands: &[Cand], defs: &[Def]) -> Vec<Entity> {
    let text = doc.text;
    // Full names of people, so "Kerry" and "Mr Kerry" join "John Kerry".
    let mut full_by_part: HashMap<&str, &str> = HashMap::default();
    for c in cands.iter().filter(|c| c.label == Label::Person) {
        let k = c.key.as_str();
        if let Some(w) = last_word(k) {
            let e = full_by_part.entry(w).or_insert(k);
            if k.len() > e.len() {
                *e = k;
            }
        }
    }
    let mut def_long: HashMap<String, String> = HashMap::default();
    for d in defs {
        def_long.insert(
            lower(&text[d.short.start..d.short.end]),
            lower(&text[d.long.start..d.long.end]),
        );
    }
    let mut index: HashMap<(std::borrow::Cow<str>, bool), usize> = HashMap::default();
    let mut groups: Vec<Vec<&Cand>> = Vec::new();
    for c in cands {
        let k = c.key.as_str();
        let person = c.label == Label::Person;
        let key: std::borrow::Cow<str> = if person {
            full_by_part.get(k).copied().unwrap_or(k).into()
        } else if let Some(l) = def_long.get(k) {
            l.as_str().into()
        } else if let Some(l) = ALIASES.get(k) {
            lower(l).into()
        } else {
            k.into()
        };
        let g = *index.entry((key, person)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(c);
    }
    let mut out: Vec<Entity> = groups.iter().map(|g| entity(doc, g)).collect();
    let top = out.iter().map(|e| e.salience).fold(0.0_f64, f64::max);
    if top > 0.0 {
        for e in &mut out {
            e.salience = (e.salience / top * 1000.0).round() / 1000.0;
        }
    }
    out.sort_by_key(|e| e.first);
    out
}

fn entity(doc: &Document, g: &[&Cand]) -> Entity {
    let text = doc.text;
    let mut votes = [0u32; 5];
    let mut surfaces: Vec<String> = Vec::new();
    let mut honorific_forms: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut country = None;
    let mut salience = 0.0;
    let mut mentions = Vec::with_capacity(g.len());
    for c in g {
        votes[c.label as usize] += 1 + c.conf as u32;
        let s = &text[c.span.start..c.span.end];
        if !surfaces.iter().any(|x| x == s) {
            surfaces.push(s.to_string());
        }
        if let Some(h) = c.honorific {
            let form = format!("{} {}", &text[h.start..h.end], s);
            if !surfaces.contains(&form) {
                surfaces.push(form.clone());
                honorific_forms.push(form);
            }
        }
        if let Some(r) = c.role {
            let r = text[r.start..r.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !roles.contains(&r) {
                roles.push(r);
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
        .filter(|(s, _)| !honorific_forms.contains(s))
        .max_by_key(|(s, i)| (s.chars().count(), std::cmp::Reverse(*i)))
        .map(|(s, _)| s.clone())
        .unwrap_or_default();
    let aliases = surfaces.into_iter().filter(|s| *s != name).collect();
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
