//! The token stream: words, numbers and punctuation with byte offsets, built once per document
//! (see `Document::tokens`) and read by every extractor.
//!
//! Words keep internal apostrophes, hyphens, periods and ampersands ("Iraq's", "al-Qaeda",
//! "U.S", "AT&T"); a word that starts with a digit also keeps `,` `:` `/` between digits
//! ("7,818", "10:30", "9/11"); a final period is its own token, so abbreviations are decided by
//! readers (the lexicon flags them). Every other non-blank character is a token of its own.
//!
//! A token is 12 bytes: its byte span and the index of its lexeme (the distinct word form,
//! whose flags and lower-case form are computed once per document; see `lexicon`). Readers
//! that need finer pieces ("$8bn" as `$ 8 bn`) split tokens with [`pieces`].

use crate::text::{is_blank, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token: a byte range of the document text and its lexeme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    /// Index into the document's lexemes (`Tokens::lexemes`).
    pub lex: u32,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | ':' | '/')
}

/// The kind of a token's text: a number when it starts with an ASCII digit, a word when it
/// starts with another letter or digit, punctuation otherwise.
pub fn kind_of(s: &str) -> TokenKind {
    match s.chars().next() {
        Some(c) if c.is_ascii_digit() => TokenKind::Number,
        Some(c) if c.is_alphanumeric() => TokenKind::Word,
        _ => TokenKind::Punct,
    }
}

/// Calls `f(start, end)` with the byte range of each token of `span`, in order.
pub fn scan(text: &str, span: Span, mut f: impl FnMut(usize, usize)) {
    let Some(s) = text.get(span.start..span.end) else {
        return;
    };
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            // ASCII fast path.
            if c.is_ascii_alphanumeric() {
                let end = word_end(s, i, c.is_ascii_digit());
                f(span.start + i, span.start + end);
                i = end;
            } else if c.is_ascii_whitespace() || c == 0x0b {
                // The ASCII blanks (`is_blank`): space, \t, \n, \x0b, \x0c, \r.
                i += 1;
            } else {
                f(span.start + i, span.start + i + 1);
                i += 1;
            }
            continue;
        }
        let Some(ch) = s[i..].chars().next() else {
            break;
        };
        let len = ch.len_utf8();
        if is_blank(ch) {
            i += len;
        } else if ch.is_alphanumeric() {
            let end = word_end(s, i, false);
            f(span.start + i, span.start + end);
            i = end;
        } else {
            f(span.start + i, span.start + i + len);
            i += len;
        }
    }
}

/// Whether a byte is an ASCII letter or digit, by table (the inner loop of `word_end`).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The end of the word that starts at `i` (a letter or digit); `numeric` when it starts with
/// an ASCII digit.
fn word_end(s: &str, i: usize, numeric: bool) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    // The first character.
    match b[i] {
        c if c < 0x80 => end += 1,
        _ => end += s[i..].chars().next().map_or(1, char::len_utf8),
    }
    loop {
        // The bulk of a word: a run of ASCII letters and digits.
        while end < b.len() && ASCII_ALNUM[b[end] as usize] {
            end += 1;
        }
        let Some(&c) = b.get(end) else {
            return end;
        };
        if c < 0x80 {
            let d = c as char;
            if !joiner(d) {
                return end;
            }
            if !joins(s, end + 1, d, numeric) {
                return end;
            }
            end += 1;
            continue;
        }
        let Some(d) = s[end..].chars().next() else {
            return end;
        };
        if d.is_alphanumeric() || (d == '’' && joins(s, end + d.len_utf8(), d, numeric)) {
            end += d.len_utf8();
        } else {
            return end;
        }
    }
}

/// Whether joiner `d` (ending just before `after`) joins the characters around it: `,` `:` `/`
/// only between digits of a number, the others before any letter or digit.
fn joins(s: &str, after: usize, d: char, numeric: bool) -> bool {
    let next = match s.as_bytes().get(after) {
        None => return false,
        Some(&c) if c < 0x80 => c as char,
        Some(_) => match s[after..].chars().next() {
            Some(c) => c,
            None => return false,
        },
    };
    match d {
        ',' | ':' | '/' => numeric && next.is_ascii_digit(),
        _ => next.is_alphanumeric(),
    }
}

/// Appends the tokens of `span` to `out` as byte spans.
pub fn spans(text: &str, span: Span, out: &mut Vec<Span>) {
    scan(text, span, |a, b| out.push(Span::new(a, b)));
}

/// The pieces of a token that readers of amounts need: runs of digits (with `,` thousands
/// groups and `.` decimals inside), runs of letters (with internal apostrophes), and every
/// other character apart; so "$8bn" is `$ 8 bn` and "20cm-40cm" is `20 cm - 40 cm`. Calls
/// `f(start, end, kind)` with byte offsets into `text`.
pub fn pieces(text: &str, token: Span, mut f: impl FnMut(usize, usize, TokenKind)) {
    let Some(s) = text.get(token.start..token.end) else {
        return;
    };
    let b = s.as_bytes();
    let base = token.start;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let mut k = i + 1;
            loop {
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                let digit = |at: usize| b.get(at).is_some_and(|d| d.is_ascii_digit());
                // "7,818" groups by three; "2,5" or "1,2,3" stop at the comma.
                if b.get(k) == Some(&b',') && (1..=3).all(|d| digit(k + d)) && !digit(k + 4) {
                    k += 4;
                    continue;
                }
                if b.get(k) == Some(&b'.') && digit(k + 1) {
                    k += 1;
                    continue;
                }
                break;
            }
            f(base + i, base + k, TokenKind::Number);
            i = k;
            continue;
        }
        if c < 0x80 && !c.is_ascii_alphabetic() {
            f(base + i, base + i + 1, TokenKind::Punct);
            i += 1;
            continue;
        }
        let Some(ch) = s[i..].chars().next() else {
            break;
        };
        if !ch.is_alphabetic() {
            f(base + i, base + i + ch.len_utf8(), TokenKind::Punct);
            i += ch.len_utf8();
            continue;
        }
        let mut k = i;
        for (off, d) in s[i..].char_indices() {
            if d.is_alphabetic() {
                k = i + off + d.len_utf8();
                continue;
            }
            // Internal apostrophes: "o'clock", "don't".
            let after = s[i + off + d.len_utf8()..].chars().next();
            if matches!(d, '\'' | '’') && off > 0 && after.is_some_and(|a| a.is_alphabetic()) {
                continue;
            }
            break;
        }
        f(base + i, base + k, TokenKind::Word);
        i = k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<&str> {
        let mut out = Vec::new();
        spans(t, Span::new(0, t.len()), &mut out);
        out.iter().map(|k| &t[k.start..k.end]).collect()
    }

    #[test]
    fn words_numbers_punct() {
        let t = "Iraq's al-Qaeda-linked U.S. forces: 7,818 died, $8bn (AT&T).";
        assert_eq!(
            toks(t),
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
        assert_eq!(kind_of("7,818"), TokenKind::Number);
        assert_eq!(kind_of("forces"), TokenKind::Word);
        assert_eq!(kind_of("$"), TokenKind::Punct);
    }

    #[test]
    fn joiners_only_join_before_letters_or_digits() {
        assert_eq!(
            toks("rock-'n'-roll it's-"),
            vec!["rock", "-", "'", "n", "'", "-", "roll", "it's", "-"]
        );
        assert_eq!(
            toks("Lowe’s 10:30 9/11 a/b 1,2,"),
            vec!["Lowe’s", "10:30", "9/11", "a", "/", "b", "1,2", ","]
        );
        assert_eq!(
            toks("a\u{a0}b ½ 日本 x\u{200b}y"),
            vec!["a", "b", "½", "日本", "x", "y"]
        );
        assert_eq!(toks("e\u{301}te\u{0}"), vec!["e", "\u{301}", "te", "\u{0}"]);
    }

    /// The tokenizer as first written (char by char): the fast one must agree with it.
    fn reference(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
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
                            let after = s[j + d.len_utf8()..].chars().next();
                            let ok = match d {
                                ',' | ':' | '/' => {
                                    numeric && after.is_some_and(|a| a.is_ascii_digit())
                                }
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
                out.push((i, end));
            } else {
                out.push((i, i + c.len_utf8()));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_reference(s in "(?s)[A-Za-z0-9 .,:/&'’\\-\n\t\u{b}\u{c}\u{a0}\u{200b}\u{feff}é½日$()\u{301}\u{0}]{0,60}") {
            let mut got = Vec::new();
            scan(&s, Span::new(0, s.len()), |a, b| got.push((a, b)));
            proptest::prop_assert_eq!(got, reference(&s));
        }
    }

    #[test]
    fn pieces_split_amounts_apart() {
        let t = "$8bn 20cm-40cm 7,818 A$2.5 Lowe’s 1,2,3";
        let mut got = Vec::new();
        let mut all = Vec::new();
        spans(t, Span::new(0, t.len()), &mut all);
        for s in all {
            pieces(t, s, |a, b, _| got.push(&t[a..b]));
        }
        assert_eq!(
            got,
            vec![
                "$", "8", "bn", "20", "cm", "-", "40", "cm", "7,818", "A", "$", "2.5", "Lowe’s",
                "1", ",", "2", ",", "3"
            ]
        );
    }
}
