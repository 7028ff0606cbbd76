//! Class/id hint lists from `data/html/` and the token matcher that reads them.

use std::sync::LazyLock;

use super::dom::Dom;
use crate::tables::{entries, FastMap, FastSet};

/// Whole tokens, plus `prefix*` entries.
pub struct Hints {
    exact: FastSet<String>,
    prefixes: Vec<String>,
}

impl Hints {
    fn load(src: &str) -> Self {
        let mut exact = FastSet::default();
        let mut prefixes = Vec::new();
        for (_, l) in entries(src) {
            let l = l.trim().to_lowercase();
            match l.strip_suffix('*') {
                Some(p) => prefixes.push(p.to_string()),
                None => {
                    exact.insert(l);
                }
            }
        }
        Hints { exact, prefixes }
    }

    pub fn matches_token(&self, tok: &str) -> bool {
        self.exact.contains(tok) || self.prefixes.iter().any(|p| tok.starts_with(p.as_str()))
    }
}

/// The furniture, content, byline and paywall lists in one index: each class/id token is
/// looked up once and gets the marks of every list it is in.
struct MarkIndex {
    exact: FastMap<String, u8>,
    /// `prefix*` entries with their mark, by the prefix's first byte.
    prefixes: Vec<Vec<(String, u8)>>,
}

impl MarkIndex {
    fn build(lists: &[(&str, u8)]) -> Self {
        let mut exact: FastMap<String, u8> = FastMap::default();
        let mut prefixes: Vec<Vec<(String, u8)>> = vec![Vec::new(); 256];
        for &(src, bit) in lists {
            let h = Hints::load(src);
            for w in h.exact {
                *exact.entry(w).or_insert(0) |= bit;
            }
            for p in h.prefixes {
                if let Some(&b) = p.as_bytes().first() {
                    prefixes[b as usize].push((p, bit));
                }
            }
        }
        MarkIndex { exact, prefixes }
    }

    fn bits(&self, tok: &str) -> u8 {
        let mut m = self.exact.get(tok).copied().unwrap_or(0);
        if let Some(&b) = tok.as_bytes().first() {
            for (p, bit) in &self.prefixes[b as usize] {
                if tok.starts_with(p.as_str()) {
                    m |= bit;
                }
            }
        }
        m
    }
}

static MARKS: LazyLock<MarkIndex> = LazyLock::new(|| {
    MarkIndex::build(&[
        (include_str!("../../data/html/negative_hints.txt"), NEG),
        (include_str!("../../data/html/positive_hints.txt"), POS),
        (include_str!("../../data/html/byline_hints.txt"), BYL),
        (include_str!("../../data/html/paywall_hints.txt"), PAY),
    ])
});
pub static ARTICLE_TYPES: LazyLock<Hints> =
    LazyLock::new(|| Hints::load(include_str!("../../data/html/article_types.txt")));
pub static BYLINE_JUNK: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/byline_junk.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});
/// Job-title words that end a name run together with its role ("Jane Doe Staff Writer").
pub static BYLINE_ROLES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/byline_roles.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Openings of picture-credit and source lines, lower case (`data/html/credit_labels.txt`).
/// Entries keep their trailing space ("photo by "), so "Photographers..." is not a credit.
pub static CREDIT_LABELS: LazyLock<Vec<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/credit_labels.txt"))
        .map(|(_, l)| l.trim_start().to_lowercase())
        .filter(|l| !l.trim().is_empty())
        .collect()
});

/// Openings of a byline line printed among the paragraphs, lower case, longest first
/// (`data/html/byline_openers.txt`).
pub static BYLINE_OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = entries(include_str!("../../data/html/byline_openers.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    v.sort_by_key(|l| std::cmp::Reverse(l.len()));
    v
});

/// Titles of furniture blocks, lower case (`data/html/furniture_titles.txt`).
pub static FURNITURE_TITLES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/furniture_titles.txt"))
        .map(|(_, l)| l.trim().trim_start_matches('+').to_lowercase())
        .collect()
});

/// Verbs that open an author bio after the author's name (`data/html/bio_verbs.txt`).
pub static BIO_VERBS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/bio_verbs.txt"))
        .map(|(_, l)| l.trim().to_string())
        .collect()
});

/// The furniture titles that head a furniture section (written with a leading `+`).
pub static FURNITURE_SECTIONS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/furniture_titles.txt"))
        .filter_map(|(_, l)| l.trim().strip_prefix('+').map(str::to_lowercase))
        .collect()
});

/// Placeholder roles and collectives, lower case (`data/html/byline_placeholders.txt`).
pub static BYLINE_PLACEHOLDERS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/byline_placeholders.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Labels and interface words that never sign an article, lower case
/// (`data/html/byline_labels.txt`).
pub static BYLINE_LABELS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/byline_labels.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Last words of organisation names beyond the entities' cues, lower case
/// (`data/html/org_words.txt`).
pub static ORG_WORDS: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/org_words.txt"))
        .map(|(_, l)| l.trim().to_lowercase())
        .collect()
});

/// Notices inside the content (affiliate disclosures, sign-up boxes, legal lines): every
/// part of every notice in one case-insensitive automaton, and each notice as the indexes
/// of the parts that must all occur (`data/html/notice_phrases.txt`).
pub struct Notices {
    parts: Option<aho_corasick::AhoCorasick>,
    notices: Vec<Vec<usize>>,
    count: usize,
}

impl Notices {
    fn load(src: &str) -> Self {
        let mut parts: Vec<String> = Vec::new();
        let mut notices = Vec::new();
        for (_, l) in entries(src) {
            let mut idx = Vec::new();
            for p in l.split(" + ").map(|p| p.trim().to_lowercase()) {
                if p.is_empty() {
                    continue;
                }
                let k = parts.iter().position(|q| *q == p).unwrap_or_else(|| {
                    parts.push(p);
                    parts.len() - 1
                });
                idx.push(k);
            }
            if !idx.is_empty() {
                notices.push(idx);
            }
        }
        let count = parts.len();
        let parts = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&parts)
            .ok();
        Notices {
            parts,
            notices,
            count,
        }
    }

    /// Whether every part of some notice occurs in `text`.
    pub fn matches(&self, text: &str) -> bool {
        let Some(ac) = &self.parts else {
            return false;
        };
        let mut seen = vec![false; self.count];
        let mut any = false;
        for m in ac.find_overlapping_iter(text) {
            if let Some(x) = seen.get_mut(m.pattern().as_usize()) {
                *x = true;
                any = true;
            }
        }
        any && self
            .notices
            .iter()
            .any(|n| n.iter().all(|&k| seen.get(k).copied().unwrap_or(false)))
    }
}

pub static NOTICES: LazyLock<Notices> =
    LazyLock::new(|| Notices::load(include_str!("../../data/html/notice_phrases.txt")));

/// Marks of an element's class/id words, computed once per page (`page_marks`): the
/// furniture, content, byline and paywall lists.
pub const NEG: u8 = 1;
pub const POS: u8 = 1 << 1;
pub const BYL: u8 = 1 << 2;
pub const PAY: u8 = 1 << 3;
/// The furniture, content and byline marks read without bracketed utility-class fragments
/// ("md:[grid-area:sidebar]" names layout, not content): what the metadata pass uses.
pub const NEG_NB: u8 = 1 << 4;
pub const POS_NB: u8 = 1 << 5;
pub const BYL_NB: u8 = 1 << 6;

/// The marks of a class/id string: its words are each lower-cased token split on anything
/// that is not a letter or digit, so "post-content" is "post" and "content" and "canvas" is
/// not "nav", and each whitespace word's joined form ("postcontent"); a list marks the string
/// when any of its words is in the list. `lw` and `joined` are reused buffers.
fn marks_of(classes: &str, lw: &mut String, joined: &mut String) -> u8 {
    let index = &*MARKS;
    let mut m = 0;
    for word in classes.split_ascii_whitespace() {
        lw.clear();
        lw.push_str(word);
        lw.make_ascii_lowercase();
        joined.clear();
        let mut wm = 0;
        for tok in lw.split(|c: char| !c.is_alphanumeric()) {
            if tok.is_empty() {
                continue;
            }
            let b = index.bits(tok);
            // A content word after a furniture word in one compound is the furniture's
            // part, not the article: "comments-body", "related-posts", "sidebar-content"
            // (a content word first, "content-nav-section", keeps shielding it).
            wm |= if wm & NEG != 0 && wm & POS == 0 {
                b & !POS
            } else {
                b
            };
            joined.push_str(tok);
        }
        if joined.len() != lw.len() && !joined.is_empty() {
            wm |= index.bits(joined);
        }
        m |= wm;
    }
    m
}

/// Utility classes with bracketed CSS ("md:[grid-area:sidebar]") name layout, not content.
pub fn without_brackets(class: &str) -> String {
    let mut out = String::with_capacity(class.len());
    let mut depth = 0u32;
    for c in class.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The hint marks of every node (0 for nodes without class or id): the class and id words
/// are split and looked up once, not at every question the passes ask of them.
pub fn page_marks(dom: &Dom) -> Vec<u8> {
    let mut out = vec![0u8; dom.nodes.len()];
    let (mut lw, mut joined) = (String::new(), String::new());
    let mut buf = String::new();
    // Pages repeat the same class/id strings on many elements: each distinct pair is looked
    // up once. `buf` is both the key and what is read: the class words, a lone NUL (no
    // attribute value holds one, html5ever replaces it, so the pair is told apart; being no
    // letter or digit, it adds no word) and the id words.
    let mut seen: FastMap<String, u8> = FastMap::default();
    for (id, mark) in out.iter_mut().enumerate() {
        let (class, idv) = (dom.attr(id, "class"), dom.attr(id, "id"));
        if class.is_none() && idv.is_none() {
            continue;
        }
        buf.clear();
        buf.push_str(class.unwrap_or(""));
        buf.push_str(" \0 ");
        buf.push_str(idv.unwrap_or(""));
        if let Some(&m) = seen.get(buf.as_str()) {
            *mark = m;
            continue;
        }
        let raw = marks_of(&buf, &mut lw, &mut joined);
        let plain = match class {
            Some(c) if c.contains('[') => {
                let s = format!("{} {}", without_brackets(c), idv.unwrap_or(""));
                marks_of(&s, &mut lw, &mut joined)
            }
            _ => raw,
        };
        *mark = raw | ((plain & (NEG | POS | BYL)) << 4);
        seen.insert(buf.clone(), *mark);
    }
    out
}
