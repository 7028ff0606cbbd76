//! Mention candidates: what the sentence pass finds and the document pass reconciles.
//!
//! The sentence pass reads the words of each sentence with a capitalised word (`words`), finds
//! runs of capitalised words and splits them (`runs`), and labels each piece (`classify`) by
//! gazetteers, titles, organisation and place cues, first names and context.
//!
//! Confidence says how much a label can be trusted when the document-level pass reconciles
//! mentions of the same name: gazetteer and cue hits beat first-name and shape guesses.

use super::gazetteer::{OrgKind, Place};
use super::words::W;
use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::text::Span;

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
    /// The lower-cased surface, the key every document-level map uses (in `Cands::keys`).
    pub key: Key,
}

/// A key's byte range in `Cands::keys`.
pub type Key = (u32, u32);

/// Lower case with typographic apostrophes folded: the key of a surface form.
pub fn lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_lower(s, &mut out);
    out
}

/// Appends `s` lower-cased, typographic apostrophes folded, to `out`.
pub fn push_lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        let a = out.len();
        out.push_str(s);
        out[a..].make_ascii_lowercase();
        return;
    }
    out.extend(
        s.chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase),
    );
}

/// A document's candidates, with their keys in one buffer (no string per candidate).
#[derive(Debug, Default)]
pub struct Cands {
    pub list: Vec<Cand>,
    pub keys: Keys,
    /// The keys of the acronym definitions' long and short forms.
    pub def_keys: Vec<(Key, Key)>,
}

impl std::ops::Deref for Cands {
    type Target = Vec<Cand>;
    fn deref(&self) -> &Vec<Cand> {
        &self.list
    }
}

impl std::ops::DerefMut for Cands {
    fn deref_mut(&mut self) -> &mut Vec<Cand> {
        &mut self.list
    }
}

/// Keys, one after the other in one string.
#[derive(Debug, Default)]
pub struct Keys(String);

impl Keys {
    /// Appends the key of `surface` (lower-cased, apostrophes folded).
    pub fn add(&mut self, surface: &str) -> Key {
        let a = self.0.len() as u32;
        push_lower(surface, &mut self.0);
        (a, self.0.len() as u32)
    }

    pub fn reserve(&mut self, bytes: usize) {
        self.0.reserve(bytes);
    }

    pub fn get(&self, k: Key) -> &str {
        self.0.get(k.0 as usize..k.1 as usize).unwrap_or("")
    }
}

/// Per-document facts the sentence pass needs.
pub struct DocInfo<'a> {
    pub tokens: &'a Tokens,
    pub sports: bool,
}

impl<'a> DocInfo<'a> {
    pub fn new(tokens: &'a Tokens, sports: bool) -> Self {
        DocInfo { tokens, sports }
    }

    /// Whether the document writes `w` (lower case) in lower case somewhere: a word with no
    /// capital that is `w` or holds it between apostrophes, hyphens or periods ("police" in
    /// "police-led"). Asked about a few sentence starts per document, it reads each distinct
    /// form once per question.
    pub fn written_lower(&self, w: &str) -> bool {
        let k = self.tokens;
        let n = w.len();
        k.lexemes.iter().any(|lx| {
            let f = lx.flags;
            if f & flag::LOWER == 0 {
                return false;
            }
            let len = lx.lower_len();
            if len == n {
                k.lower_of(lx) == w
            } else {
                len > n && f & flag::ALPHA == 0 && has_part(k.lower_of(lx), w)
            }
        })
    }
}

/// Whether `w` is a stretch of `s` between joiners (apostrophes, hyphens, periods, ...) or its
/// ends: "police" in "police-led".
fn has_part(s: &str, w: &str) -> bool {
    let b = s.as_bytes();
    let ascii_joiner = |c: u8| matches!(c, b'\'' | b'-' | b'.' | b'&' | b',' | b':' | b'/');
    let joiner_before =
        |i: usize| i == 0 || ascii_joiner(b[i - 1]) || (i >= 3 && &b[i - 3..i] == "’".as_bytes());
    let joiner_at =
        |i: usize| i == b.len() || ascii_joiner(b[i]) || b[i..].starts_with("’".as_bytes());
    (0..=b.len() - w.len())
        .any(|i| joiner_before(i) && b[i..].starts_with(w.as_bytes()) && joiner_at(i + w.len()))
}

pub struct SentenceCtx<'a, 'b> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    /// The sentence's tokens in the stream.
    pub range: std::ops::Range<usize>,
    pub sentence: usize,
    pub info: &'b DocInfo<'a>,
    /// The sentence is (part of) the headline.
    pub headline: bool,
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub struct Scratch {
    pub ws: Vec<W>,
    /// A multi-word phrase key, built only for phrases whose first word starts a gazetteer
    /// entry.
    pub buf: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_between_joiners() {
        assert!(has_part("al-qaeda's", "qaeda"));
        assert!(has_part("al-qaeda's", "al-qaeda"));
        assert!(has_part("police-led", "police"));
        assert!(!has_part("policeman", "police"));
        assert!(!has_part("anti-policeman", "police"));
    }

    #[test]
    fn words_written_in_lower_case() {
        let t = "Police said police-led raids hit Kerry. The Guardian.";
        let d = crate::doc::Document::new(t, None);
        let info = DocInfo::new(d.tokens(), false);
        assert!(info.written_lower("police"));
        assert!(info.written_lower("raids"));
        assert!(!info.written_lower("kerry"));
        assert!(!info.written_lower("guardian"));
    }
}
