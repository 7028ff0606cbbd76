//! Bylines: "By John Smith", "By John Smith and Jane Doe, BBC News", "BY JOHN SMITH, Associated
//! Press Writer". The names stop at the first word that is not part of a name (an outlet, a
//! role, a place after "in").

use crate::tables::{BYLINE_ORG_WORDS, MONTHS, WEEKDAYS};
use crate::text::{count_words, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct Byline {
    pub span: Span,
    pub authors: Vec<Span>,
}

const PREFIXES: &[&str] = &[
    "post written by ",
    "posted by ",
    "written by ",
    "words by ",
    "reporting by ",
    "by: ",
    "by ",
    "author: ",
    "author:",
];
const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin",
    "ibn", "al", "el", "ben", "y", "di", "st.",
];

/// Parses a whole trimmed line as a byline; `None` unless at least one author name is found.
pub fn parse_line(text: &str, line: Span) -> Option<Byline> {
    let s = &text[line.start..line.end];
    let head = s.get(..16.min(s.len()))?.as_bytes();
    let prefix = PREFIXES
        .iter()
        .find(|p| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p.as_bytes()))?;
    // A final period is a sentence's ("By then, Mr Smith had left."), except in a short
    // "Post written by Jane Doe." credit.
    let signed = prefix.contains("written") && count_words(s) <= 6;
    if s.len() > 160 || s.ends_with('.') && !s.ends_with(" Jr.") && !signed {
        return None;
    }
    let body_start = line.start + prefix.len();
    let mut authors = names(text, Span::new(body_start, line.end));
    // "Posted by Adam", "By Reuters": one name word is the whole credit.
    let rest = text[body_start..line.end].trim();
    if authors.is_empty() && !rest.contains(char::is_whitespace) && is_name_word(rest) {
        authors.push(crate::text::trim(text, Span::new(body_start, line.end)));
    }
    (!authors.is_empty()).then_some(Byline {
        span: line,
        authors,
    })
}

/// Person names at the start of `span` (see `names`).
pub fn names_in(text: &str, span: Span) -> Vec<Span> {
    names(text, span)
}

/// A lower-case name particle ("van", "de", "al").
pub fn is_name_particle(lower: &str) -> bool {
    PARTICLES.contains(&lower)
}

/// Person names at the start of `span`, separated by commas, "and", "&" or ";".
fn names(text: &str, span: Span) -> Vec<Span> {
    let mut authors = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None; // start, end, word count
    let flush = |cur: &mut Option<(usize, usize, usize)>, out: &mut Vec<Span>| {
        if let Some((s, e, n)) = cur.take() {
            if (2..=5).contains(&n) {
                out.push(Span::new(s, e));
            }
        }
    };
    for (start, word) in words(text, span) {
        let bare = word.trim_end_matches([',', ';']);
        // A sentence's final period ("Post written by Jane Doe."), not an initial's ("P.J.").
        let bare = match bare.strip_suffix('.') {
            Some(b) if b.len() > 3 && !b.contains('.') => b,
            _ => bare,
        };
        let ends_name = bare.len() != word.len();
        let lw = bare.to_lowercase();
        if lw == "and" || bare == "&" {
            flush(&mut current, &mut authors);
            continue;
        }
        let is_particle = PARTICLES.contains(&lw.as_str()) && current.is_some();
        let is_name = is_particle || is_name_word(bare);
        if !is_name {
            break;
        }
        let end = start + bare.len();
        current = Some(match current {
            Some((s, _, n)) => (s, end, n + 1),
            None => (start, end, 1),
        });
        if ends_name {
            flush(&mut current, &mut authors);
        }
    }
    flush(&mut current, &mut authors);
    authors
}

fn words(text: &str, span: Span) -> impl Iterator<Item = (usize, &str)> {
    let s = &text[span.start..span.end];
    s.split_whitespace().map(move |w| {
        let offset = w.as_ptr() as usize - s.as_ptr() as usize;
        (span.start + offset, w)
    })
}

/// A capitalised or all-caps word, an initial ("J.", "P.J."), or a hyphenated/apostrophised
/// name ("O'Neill", "al-Hashimi"); not an outlet or role word, weekday or month.
pub fn is_name_word(w: &str) -> bool {
    let Some(first) = w.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if !w
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    {
        return false;
    }
    let key = w.trim_end_matches('.');
    let lower = key.to_lowercase();
    !(BYLINE_ORG_WORDS.iter().any(|o| o.eq_ignore_ascii_case(key))
        || MONTHS.contains_key(&lower)
        || WEEKDAYS.contains_key(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(s: &str) -> Vec<&str> {
        parse_line(s, Span::new(0, s.len()))
            .map(|b| b.authors.iter().map(|a| &s[a.start..a.end]).collect())
            .unwrap_or_default()
    }

    #[test]
    fn names_stop_at_the_outlet() {
        assert_eq!(authors("By John Smith"), vec!["John Smith"]);
        assert_eq!(
            authors("By John Smith and Jane Doe, BBC News"),
            vec!["John Smith", "Jane Doe"]
        );
        assert_eq!(
            authors("BY JOHN SMITH, Associated Press Writer"),
            vec!["JOHN SMITH"]
        );
        assert_eq!(
            authors("By Ludwig van Beethoven & P.J. Crowley"),
            vec!["Ludwig van Beethoven", "P.J. Crowley"]
        );
    }

    #[test]
    fn prose_starting_with_by_is_not_a_byline() {
        assert!(authors("By Sunday, the army had pulled out").is_empty());
        assert!(authors("By the time he arrived it was over.").is_empty());
        assert!(authors("By January 2014").is_empty());
    }
}
