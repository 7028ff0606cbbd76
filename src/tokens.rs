//! A cheap token stream: words, numbers and punctuation, with byte spans.
//!
//! Words keep internal apostrophes, hyphens, periods and ampersands ("Iraq's", "al-Qaeda",
//! "U.S", "AT&T"); a final period is its own token so abbreviations are decided by callers.

use crate::text::{is_blank, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Index into `Document::sentences`.
    pub sentence: u32,
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | ':' | '/')
}

/// Appends the tokens of `span` to `out`.
pub fn tokenize(text: &str, span: Span, sentence: u32, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_blank(c) {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            loop {
                match it.peek().copied() {
                    Some((j, d)) if d.is_alphanumeric() => {
                        end = j + d.len_utf8();
                        it.next();
                    }
                    Some((j, d)) if joiner(d) => {
                        // Only joins when a letter or digit follows; "," ":" "/" only inside numbers.
                        let after = s[j + d.len_utf8()..].chars().next();
                        let inside_number = numeric && after.is_some_and(|a| a.is_ascii_digit());
                        let ok = match d {
                            ',' | ':' | '/' => inside_number,
                            _ => after.is_some_and(|a| a.is_alphanumeric()),
                        };
                        if !ok {
                            break;
                        }
                        it.next();
                        end = j + d.len_utf8();
                    }
                    _ => break,
                }
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(span.start + i, span.start + end),
                kind,
                sentence,
            });
        } else {
            let end = i + c.len_utf8();
            out.push(Token {
                span: Span::new(span.start + i, span.start + end),
                kind: TokenKind::Punct,
                sentence,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punct() {
        let t = "Iraq's al-Qaeda-linked U.S. forces: 7,818 died, $8bn (AT&T).";
        let mut out = Vec::new();
        tokenize(t, Span::new(0, t.len()), 0, &mut out);
        let got: Vec<&str> = out.iter().map(|k| &t[k.span.start..k.span.end]).collect();
        assert_eq!(
            got,
            vec![
                "Iraq's",
                "al-Qaeda-linked",
                "U.S",
                ".",
                "forces",
                ":",
                "7,818",
                "died",
                ",",
                "$",
                "8bn",
                "(",
                "AT&T",
                ")",
                "."
            ]
        );
        assert_eq!(out[6].kind, TokenKind::Number);
    }
}
