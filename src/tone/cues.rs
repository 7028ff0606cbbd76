//! The tone scorer's word tables (`data/tone/`), one entry per word with everything the scorer
//! needs, and the same entries indexed by the lexicon's id for look-ups from the token stream.

use std::sync::LazyLock;

use crate::lexicon::{flag, Builder, VOCAB};
use crate::tables::{entries, pairs, FastMap};

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cue {
    /// VADER valence, -4..4 (0: not a sentiment word).
    pub valence: f64,
    /// Intensifier (> 0) or dampener (< 0).
    pub boost: f64,
    pub negator: bool,
    pub activity: bool,
    pub self_group: bool,
    /// "but": shifts the weight of a sentence's sentiment to what follows.
    pub but: bool,
}

/// The finite number in a table's second column, or an error naming the file and the row.
fn number(file: &str, row: &str, what: &str, v: &str) -> Result<f64, String> {
    v.parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| format!("{file}: {row:?} has a {what} that is not a number: {v:?}"))
}

fn load() -> Result<FastMap<String, Cue>, String> {
    let mut m: FastMap<String, Cue> = FastMap::default();
    // VADER's valences, then the learned ones (scripts/train_tone.py), which replace VADER's
    // or add news words.
    for (file, src) in [
        (
            "tone/lexicon.tsv",
            include_str!("../../data/tone/lexicon.tsv"),
        ),
        (
            "tone/learned.tsv",
            include_str!("../../data/tone/learned.tsv"),
        ),
    ] {
        for (w, v) in pairs(file, src)? {
            m.entry(w.to_lowercase()).or_default().valence = number(file, w, "valence", v)?;
        }
    }
    let int = "tone/intensifiers.tsv";
    for (w, v) in pairs(int, include_str!("../../data/tone/intensifiers.tsv"))? {
        m.entry(w.to_lowercase()).or_default().boost = number(int, w, "boost", v)?;
    }
    for (_, w) in entries(include_str!("../../data/tone/negators.txt")) {
        m.entry(w.trim().to_lowercase()).or_default().negator = true;
    }
    for (_, w) in entries(include_str!("../../data/tone/activity.txt")) {
        m.entry(w.trim().to_lowercase()).or_default().activity = true;
    }
    for (w, _) in pairs(
        "tone/self_group.tsv",
        include_str!("../../data/tone/self_group.tsv"),
    )? {
        m.entry(w.to_lowercase()).or_default().self_group = true;
    }
    m.entry("but".into()).or_default().but = true;
    // Typographic apostrophes spell the same words ("didn’t").
    let curly: Vec<(String, Cue)> = m
        .iter()
        .filter(|(w, _)| w.contains('\''))
        .map(|(w, c)| (w.replace('\'', "’"), *c))
        .collect();
    m.extend(curly);
    Ok(m)
}

/// The scorer's rule weights (`data/tone/rules.tsv`: VADER's constants, which
/// `scripts/train_tone.py` can search).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// Factor on a sentiment word with a negator among the three words before it.
    pub negation: f64,
    /// Factors on sentiment words before and after a sentence's first "but".
    pub but_before: f64,
    pub but_after: f64,
    /// Scale on the intensifier boosts of `intensifiers.tsv`.
    pub boost_scale: f64,
}

fn load_rules() -> Result<Rules, String> {
    let name = "tone/rules.tsv";
    let mut r = Rules {
        negation: f64::NAN,
        but_before: f64::NAN,
        but_after: f64::NAN,
        boost_scale: f64::NAN,
    };
    for (k, v) in pairs(name, include_str!("../../data/tone/rules.tsv"))? {
        let v = number(name, k, "weight", v)?;
        let slot = match k {
            "negation" => &mut r.negation,
            "but_before" => &mut r.but_before,
            "but_after" => &mut r.but_after,
            "boost_scale" => &mut r.boost_scale,
            _ => return Err(format!("{name}: unknown rule {k:?}")),
        };
        *slot = v;
    }
    if [r.negation, r.but_before, r.but_after, r.boost_scale]
        .iter()
        .any(|v| v.is_nan())
    {
        return Err(format!("{name}: a rule weight is missing"));
    }
    Ok(r)
}

pub static RULES: LazyLock<Rules> =
    LazyLock::new(|| load_rules().unwrap_or_else(|e| panic!("bad rule table: {e}")));

pub static CUES: LazyLock<FastMap<String, Cue>> =
    LazyLock::new(|| load().unwrap_or_else(|e| panic!("bad rule table: {e}")));

/// `CUES` by lexicon id (`lexicon::Entry::id`), for tokens flagged `TONE_CUE`.
pub static BY_ID: LazyLock<Vec<Option<Cue>>> = LazyLock::new(|| {
    let mut v = vec![None; VOCAB.len()];
    for (w, c) in CUES.iter() {
        let id = VOCAB.lookup(w, w).id as usize;
        if let Some(slot) = v.get_mut(id) {
            *slot = Some(*c);
        }
    }
    v
});

/// Registers every tone word under `flag::TONE_CUE` (called from `Vocab::build`).
pub fn lexicon_words(b: &mut Builder) {
    for w in CUES.keys() {
        b.lower(w, flag::TONE_CUE);
    }
}
