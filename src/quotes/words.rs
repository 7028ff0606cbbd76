//! The narration of a block as a token stream in which each quoted stretch is one token, so
//! cue patterns ("..., he said", "said Mr X:") read the words around quotes and never the
//! words inside them.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::tables::ABBREVIATIONS;
use crate::text::{is_blank, Span};

static ABBREV: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().map(|s| s.as_str()).collect());

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// Index into the document's quote list.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: Kind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Tokens of `span`, with each zone in `zones` (sorted, `(span, quote index)`, inside `span`)
/// standing as one `Quote` token.
pub fn tokenize(text: &str, span: Span, zones: &[(Span, usize)], out: &mut Vec<Tok>) {
    let mut pos = span.start;
    for &(z, q) in zones {
        if z.start < pos || z.end > span.end || z.end < z.start {
            continue;
        }
        words(text, Span::new(pos, z.start), out);
        out.push(Tok {
            span: z,
            kind: Kind::Quote(q),
        });
        pos = z.end;
    }
    words(text, Span::new(pos, span.end), out);
}

fn words(text: &str, span: Span, out: &mut Vec<Tok>) {
    if span.is_empty() {
        return;
    }
    let s = &text[span.start..span.end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_blank(c) {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Tok {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                kind: Kind::Punct(c),
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            let joins =
                joiner(d) && s[j + d.len_utf8()..].starts_with(|e: char| e.is_alphanumeric());
            if !(d.is_alphanumeric() || joins) {
                break;
            }
            end = j + d.len_utf8();
            it.next();
        }
        // Keep the period of an abbreviation or an initial with its word ("Mr.", "J.").
        let w = &s[i..end];
        if s[end..].starts_with('.') {
            let single = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
            // "R-Ky., said": a period right before a comma closes an abbreviation.
            let before_comma = s[end + 1..].starts_with(',');
            if single || before_comma || ABBREV.contains(w) {
                end += 1;
                it.next();
            }
        }
        out.push(Tok {
            span: Span::new(span.start + i, span.start + end),
            kind: Kind::Word,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_become_single_tokens() {
        let t = "\"Go,\" said Mr. Smith's aide J. Doe.";
        let mut out = Vec::new();
        tokenize(t, Span::new(0, t.len()), &[(Span::new(0, 5), 7)], &mut out);
        let got: Vec<&str> = out.iter().map(|k| &t[k.span.start..k.span.end]).collect();
        assert_eq!(
            got,
            vec!["\"Go,\"", "said", "Mr.", "Smith's", "aide", "J.", "Doe", "."]
        );
        assert_eq!(out[0].quote(), Some(7));
    }
}
