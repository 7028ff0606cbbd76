//! Named entities, acronyms and cited sources, by rules and gazetteers (no model).
//!
//! 1. `mentions` finds candidates sentence by sentence: capitalised runs split and labelled by
//!    the gazetteers, titles, organisation/place cues, first names and context.
//! 2. The document pass reconciles them: a name once known for sure keeps its label
//!    everywhere ("a name once known as a PERSON stays one"), a person's surname alone is that
//!    person, ALL-CAPS headline words count only when the body confirms them, and acronyms
//!    defined in the text ("the United Nations (UN)") or known (`aliases.tsv`) join their long
//!    form.
//! 3. Mentions are grouped into entities; see `Entity::salience` for the score.

mod acronyms;
mod classify;
mod clauses;
mod gazetteer;
mod group;
mod mentions;
mod names;
mod runs;
mod sources;
mod words;

use serde::Serialize;

use crate::doc::{Document, RegionKind};
use crate::lexicon::{self, flag};
use crate::text::Span;

pub use names::{first_name_gender, is_common_surname};
pub use words::contraction as is_contraction;
// Read by `html::meta::names` to tell a person's name from an organisation or a label.
pub(crate) use gazetteer::{OrgKind, COMMON, ORGS, ORG_CUES};

use mentions::{Cand, Cands, DocInfo, Label, SentenceCtx, LIKELY, SURE};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Canonical name: the longest full form seen ("John Kerry").
    pub name: String,
    /// PERSON, ORG, LOC, NORP or EVENT.
    pub label: String,
    /// Every other surface form seen, honorific forms included ("Mr Kerry", "Kerry").
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    pub count: usize,
    /// Code-point offset of the first mention.
    pub first: usize,
    /// Σ over mentions of 3 (headline), 2 (first two body paragraphs) or 1 (elsewhere),
    /// divided by the largest such sum in the document: 1.0 for the most salient entity.
    pub salience: f64,
    /// For people: titles and appositions ("US Secretary of State", "BBC Arabic analyst").
    pub roles: Vec<String>,
    /// For places: ISO 3166-1 alpha-2 from the gazetteer (disputed places: GeoNames' code).
    pub country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Acronym {
    pub short: Mention,
    pub long: Mention,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Who is cited: "a security source", "the UN", "state media".
    pub name: String,
    /// agency, outlet, official or anonymous.
    pub kind: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub acronyms: Vec<Acronym>,
    pub sources: Vec<Source>,
}

/// The entity tables' words as lexicon flags: gazetteer entries (whole one-word entries and
/// the first word of longer ones), stop words, common words, first names and surnames,
/// demonyms and NORP, honorifics, the first words of titles, organisation and place cues, and
/// the cited-source cues (see `lexicon::flag`).
pub fn lexicon_words(b: &mut lexicon::Builder) {
    gazetteer::lexicon_words(b);
    names::lexicon_words(b);
    sources::lexicon_words(b);
}

/// Whether a lower-cased word is a place of the gazetteer and no organisation ("kenya"), for
/// the quotes stage: a place is no speaker by itself.
pub(crate) fn is_place_word(lower: &str) -> bool {
    gazetteer::PLACES.contains_key(lower) && !gazetteer::ORGS.contains_key(lower)
}

/// Whether a lower-cased word is an organisation of the gazetteer ("microsoft"), for the
/// quotes stage: an organisation may speak, but "he" or "she" never stands for it.
pub(crate) fn is_org_word(lower: &str) -> bool {
    gazetteer::ORGS.contains_key(lower)
}

/// Headline words that say the article is sports results, where clubs are named after towns.
const SPORTS_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "baseball",
    "basketball",
    "hockey",
    "cycling",
    "athletics",
    "motor racing",
    "motorcycling",
    "boxing",
    "racing",
    "horse racing",
    "sport",
    "sports",
    "league",
    "cup",
    "championship",
    "olympics",
    "grand prix",
    "nba",
    "nfl",
    "nhl",
];

fn is_sports(doc: &Document) -> bool {
    let Some(h) = doc.layout.headline else {
        return false;
    };
    let head = doc.str(h);
    let lead = head.split(" - ").next().unwrap_or(head).to_lowercase();
    SPORTS_WORDS.iter().any(|w| {
        lead.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w)
            || (w.contains(' ') && lead.contains(w))
    })
}

/// All mentions after the document pass, in text order (used by `extract` and the evaluator).
pub(crate) fn resolve(doc: &Document) -> (Cands, Vec<acronyms::Def>) {
    let text = doc.text;
    let tokens = doc.tokens();
    let info = DocInfo::new(tokens, is_sports(doc));
    let mut cands = Cands::default();
    cands.list.reserve(tokens.len() / 8);
    cands.keys.reserve(text.len() / 8);
    if let Some(d) = &doc.layout.dateline {
        if let Some(p) = d.place {
            dateline_places(doc, p, &mut cands);
        }
    }
    let mut scratch = mentions::Scratch::default();
    let longest = tokens.sentences().iter().map(|s| s.tokens().len());
    scratch.ws.reserve(longest.max().unwrap_or(0));
    for (s, seg) in tokens.sentences().iter().enumerate() {
        // Names need a capital ("al-Abadi" has one inside).
        if !seg.has(flag::UPPER_FIRST | flag::INNER_UPPER) {
            continue;
        }
        let cx = SentenceCtx {
            text,
            tokens,
            range: seg.tokens(),
            sentence: s,
            info: &info,
            headline: doc
                .sentences
                .get(s)
                .and_then(|x| doc.regions.get(x.region))
                .is_some_and(|r| r.kind == RegionKind::Headline),
        };
        runs::sentence_candidates(&cx, &mut scratch, &mut cands);
    }
    cands.sort_by_key(|c| c.span.start);
    let defs = acronyms::find(text, &cands);
    group::propagate(text, &mut cands, &defs);
    (cands, defs)
}

#[inline(never)]
fn dateline_places(doc: &Document, p: Span, out: &mut Cands) {
    let s = doc.str(p);
    let mut off = 0;
    for part in s.split(',') {
        let lead = part.len() - part.trim_start().len();
        let t = part.trim();
        if !t.is_empty() {
            let a = p.start + off + lead;
            let place = gazetteer::PLACES.get(&t.to_lowercase()).copied();
            let key = out.keys.add(t);
            out.list.push(Cand {
                span: Span::new(a, a + t.len()),
                label: Label::Loc,
                conf: if place.is_some() { SURE } else { LIKELY },
                place,
                org: None,
                role: None,
                honorific: None,
                caps: false,
                sentence: usize::MAX,
                key,
            });
        }
        off += part.len() + 1;
    }
}

/// Entities, acronyms and cited sources of `doc`.
pub fn extract(doc: &Document) -> Entities {
    let (cands, defs) = resolve(doc);
    let entities = group::entities(doc, &cands);
    let acronyms = defs
        .iter()
        .map(|d| Acronym {
            short: mention(doc, d.short),
            long: mention(doc, d.long),
        })
        .collect();
    let sources = sources::find(doc);
    Entities {
        entities,
        acronyms,
        sources,
    }
}

#[inline(never)]
fn mention(doc: &Document, span: Span) -> Mention {
    let t = doc.span(span);
    Mention {
        text: t.text,
        start: t.start,
        end: t.end,
        paragraph: doc.paragraph_of(span.start),
    }
}

/// The mention spans and labels alone, for evaluation: `(byte span, label)`.
pub fn mention_spans(doc: &Document) -> Vec<(Span, &'static str)> {
    resolve(doc)
        .0
        .iter()
        .map(|c| (c.span, c.label.as_str()))
        .collect()
}

fn region_weight(doc: &Document, byte: usize) -> f64 {
    let r = doc.regions.partition_point(|r| r.span.end < byte);
    match doc.regions.get(r) {
        Some(r) if r.span.start <= byte && r.kind == RegionKind::Headline => 3.0,
        Some(r) if r.span.start <= byte && r.kind == RegionKind::Paragraph && r.paragraph < 2 => {
            2.0
        }
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests;
