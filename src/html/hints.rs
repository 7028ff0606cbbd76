//! Class/id hint lists from `data/html/` and the token matcher that reads them.

use std::sync::LazyLock;

use crate::tables::{entries, FastSet};

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

    /// Whether any token of a class/id string matches. Tokens split on anything that is not
    /// a letter or digit, so "post-content" is "post" and "content" and "canvas" is not "nav".
    /// The joined form ("postcontent") is tried too.
    pub fn matches(&self, classes: &str) -> bool {
        for word in classes.split_ascii_whitespace() {
            let lw = word.to_ascii_lowercase();
            let mut joined = String::new();
            for tok in lw.split(|c: char| !c.is_alphanumeric()) {
                if tok.is_empty() {
                    continue;
                }
                if self.matches_token(tok) {
                    return true;
                }
                joined.push_str(tok);
            }
            if joined.len() != lw.len() && self.matches_token(&joined) {
                return true;
            }
        }
        false
    }
}

pub static NEGATIVE: LazyLock<Hints> =
    LazyLock::new(|| Hints::load(include_str!("../../data/html/negative_hints.txt")));
pub static POSITIVE: LazyLock<Hints> =
    LazyLock::new(|| Hints::load(include_str!("../../data/html/positive_hints.txt")));
pub static BYLINE: LazyLock<Hints> =
    LazyLock::new(|| Hints::load(include_str!("../../data/html/byline_hints.txt")));
pub static PAYWALL: LazyLock<Hints> =
    LazyLock::new(|| Hints::load(include_str!("../../data/html/paywall_hints.txt")));
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

/// Titles of furniture blocks, lower case (`data/html/furniture_titles.txt`).
pub static FURNITURE_TITLES: LazyLock<FastSet<String>> = LazyLock::new(|| {
    entries(include_str!("../../data/html/furniture_titles.txt"))
        .map(|(_, l)| l.trim().trim_start_matches('+').to_lowercase())
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
