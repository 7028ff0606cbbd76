//! Acronyms the article defines: "the United Nations (UN)", "UN (United Nations)",
//! "the Islamic State in Iraq and the Levant, known as ISIS".

use super::mentions::Cand;
use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Def {
    pub short: Span,
    pub long: Span,
}

const KNOWN_AS: &[&str] = &[
    ", known as ",
    ", also known as ",
    " (known as ",
    " (also known as ",
    ", or ",
    " or ",
];

/// An acronym-like word at the start of `s`: 2-10 characters, capitals (and dots, digits,
/// "&"), at least two capitals. Returns its byte length.
fn short_form(s: &str) -> Option<usize> {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '&' | '-')))
        .unwrap_or(s.len());
    let w = s[..end].trim_end_matches('.');
    let caps = w.chars().filter(|c| c.is_uppercase()).count();
    let lowers = w.chars().filter(|c| c.is_lowercase()).count();
    (w.len() >= 2
        && w.len() <= 10
        && caps >= 2
        && lowers <= caps
        && w.chars().next().is_some_and(char::is_uppercase))
    .then_some(w.len())
}

fn initials_fit(short: &str, long: &str) -> bool {
    let s0 = short.chars().next().map(|c| c.to_ascii_uppercase());
    let l0 = long
        .trim_start_matches("the ")
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase());
    let caps = short.chars().filter(|c| c.is_uppercase()).count();
    let words = long.split_whitespace().count();
    s0.is_some() && s0 == l0 && words >= 2 && caps <= words + 2
}

/// Definitions, using the candidate mentions as the long forms.
#[inline(never)]
pub fn find(text: &str, cands: &[Cand]) -> Vec<Def> {
    let mut out = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let long = &text[c.span.start..c.span.end];
        let rest = &text[c.span.end..];
        // "Long Form (SF)"
        let after_paren = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('));
        if let Some(r) = after_paren {
            if let Some(n) = short_form(r) {
                if r[n..].starts_with(')') && initials_fit(&r[..n], long) {
                    let a = text.len() - r.len();
                    out.push(Def {
                        short: Span::new(a, a + n),
                        long: c.span,
                    });
                    continue;
                }
            }
            // "SF (Long Form)"
            if let Some(next) = cands.get(i + 1) {
                let a = text.len() - r.len();
                if next.span.start == a
                    && text[next.span.end..].starts_with(')')
                    && short_form(long) == Some(long.len())
                    && initials_fit(long, &text[next.span.start..next.span.end])
                {
                    out.push(Def {
                        short: c.span,
                        long: next.span,
                    });
                    continue;
                }
            }
        }
        // "Long Form, known as SF"
        for k in KNOWN_AS {
            if let Some(r) = rest.strip_prefix(k) {
                if let Some(n) = short_form(r) {
                    if initials_fit(&r[..n], long) {
                        let a = text.len() - r.len();
                        out.push(Def {
                            short: Span::new(a, a + n),
                            long: c.span,
                        });
                    }
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(short_form("UN) said"), Some(2));
        assert_eq!(short_form("U.N.) said"), Some(3));
        assert_eq!(short_form("Un"), None);
        assert!(initials_fit("ISIS", "Islamic State in Iraq and the Levant"));
        assert!(!initials_fit("UN", "Security Council"));
    }
}
