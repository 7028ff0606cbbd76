//! The fine token stream numbers need: digits, letters and every symbol apart, each knowing
//! whether white space precedes it, so "$8bn" is `$ 8 bn` (all glued) and "20cm-40cm" is
//! `20 cm - 40 cm`. The shared `tokens` module keeps "8bn" whole, which is right for words
//! but not for amounts.

use crate::text::is_blank;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Num,
    Word,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No white space between this token and the one before it.
    pub glued: bool,
    /// First letter upper-case.
    pub cap: bool,
    /// For numbers: `,` thousands separators and `.` decimal points inside.
    pub commas: u8,
    pub dots: u8,
    /// Range into `Toks::lower`.
    lo: (u32, u32),
}

/// The tokens of one sentence plus their lower-cased texts in one buffer.
#[derive(Default)]
pub struct Toks {
    pub t: Vec<Tok>,
    lower: String,
}

impl Toks {
    pub fn len(&self) -> usize {
        self.t.len()
    }

    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }

    /// Lower-cased text of token `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        self.t
            .get(i)
            .and_then(|t| self.lower.get(t.lo.0 as usize..t.lo.1 as usize))
            .unwrap_or("")
    }

    pub fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == w
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }

    pub fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.glued)
    }

    /// Key of tokens `i..i+n` as the phrase tables spell them; `None` past the end.
    pub fn key(&self, i: usize, n: usize, out: &mut String) -> bool {
        out.clear();
        if n == 0 || i + n > self.t.len() {
            return false;
        }
        for k in i..i + n {
            if k > i && !self.glued(k) {
                out.push(' ');
            }
            out.push_str(self.low(k));
        }
        true
    }

    /// Longest phrase of `map` starting at token `i`: its value and length in tokens.
    pub fn longest<'m, V, S: std::hash::BuildHasher>(
        &self,
        i: usize,
        max: usize,
        map: &'m std::collections::HashMap<String, V, S>,
    ) -> Option<(&'m V, usize)> {
        let mut key = String::new();
        (1..=max).rev().find_map(|n| {
            if self.key(i, n, &mut key) {
                map.get(key.as_str()).map(|v| (v, n))
            } else {
                None
            }
        })
    }

    /// Longest phrase of `map` ending just before token `end`: value and length.
    pub fn longest_before<'m, V, S: std::hash::BuildHasher>(
        &self,
        end: usize,
        max: usize,
        map: &'m std::collections::HashMap<String, V, S>,
    ) -> Option<(&'m V, usize)> {
        let mut key = String::new();
        (1..=max.min(end)).rev().find_map(|n| {
            if self.key(end - n, n, &mut key) {
                map.get(key.as_str()).map(|v| (v, n))
            } else {
                None
            }
        })
    }

    /// Tokenizes `text[start..end]` (on char boundaries), replacing the current tokens.
    pub fn fill(&mut self, text: &str, start: usize, end: usize) {
        self.t.clear();
        self.lower.clear();
        let Some(s) = text.get(start..end) else {
            return;
        };
        let b = s.as_bytes();
        let mut i = 0;
        let mut glued = false;
        while i < b.len() {
            let c = b[i];
            if c == b' ' || c == b'\n' || c == b'\t' || c == b'\r' {
                glued = false;
                i += 1;
                continue;
            }
            let lo0 = self.lower.len() as u32;
            let (kind, j, commas, dots, cap);
            if c.is_ascii_digit() {
                let (mut k, mut cm, mut dt) = (i + 1, 0u8, 0u8);
                loop {
                    while k < b.len() && b[k].is_ascii_digit() {
                        k += 1;
                    }
                    let next_digit = |at: usize| b.get(at).is_some_and(|d| d.is_ascii_digit());
                    // "7,818" groups by three; "2,5" or "1,2,3" stop at the comma.
                    if b.get(k) == Some(&b',')
                        && (1..=3).all(|d| next_digit(k + d))
                        && !next_digit(k + 4)
                    {
                        k += 4;
                        cm = cm.saturating_add(1);
                        continue;
                    }
                    if b.get(k) == Some(&b'.') && next_digit(k + 1) {
                        k += 1;
                        dt = dt.saturating_add(1);
                        continue;
                    }
                    break;
                }
                self.lower.push_str(&s[i..k]);
                (kind, j, commas, dots, cap) = (Kind::Num, k, cm, dt, false);
            } else if c < 0x80 && !c.is_ascii_alphabetic() {
                self.lower.push(c as char);
                (kind, j, commas, dots, cap) = (Kind::Sym, i + 1, 0, 0, false);
            } else {
                let Some(ch) = s[i..].chars().next() else {
                    break;
                };
                if is_blank(ch) {
                    glued = false;
                    i += ch.len_utf8();
                    continue;
                }
                if ch.is_alphabetic() {
                    let mut k = i;
                    let first_upper = ch.is_uppercase();
                    for (off, d) in s[i..].char_indices() {
                        if d.is_alphabetic() {
                            k = i + off + d.len_utf8();
                            continue;
                        }
                        // Internal apostrophes: "o'clock", "don't".
                        let after = s[i + off + d.len_utf8()..].chars().next();
                        if matches!(d, '\'' | '’')
                            && off > 0
                            && after.is_some_and(|a| a.is_alphabetic())
                        {
                            continue;
                        }
                        break;
                    }
                    let w = &s[i..k];
                    if w.is_ascii() {
                        for ch in w.bytes() {
                            self.lower.push(ch.to_ascii_lowercase() as char);
                        }
                    } else {
                        for ch in w.chars() {
                            let ch = if ch == '’' { '\'' } else { ch };
                            self.lower.extend(ch.to_lowercase());
                        }
                    }
                    (kind, j, commas, dots, cap) = (Kind::Word, k, 0, 0, first_upper);
                } else {
                    let k = i + ch.len_utf8();
                    self.lower.extend(ch.to_lowercase());
                    (kind, j, commas, dots, cap) = (Kind::Sym, k, 0, 0, false);
                }
            }
            self.t.push(Tok {
                start: start + i,
                end: start + j,
                kind,
                glued,
                cap,
                commas,
                dots,
                lo: (lo0, self.lower.len() as u32),
            });
            glued = true;
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut t = Toks::default();
        t.fill(s, 0, s.len());
        (0..t.len())
            .map(|i| format!("{}{}", if t.glued(i) { "" } else { "_" }, t.low(i)))
            .collect()
    }

    #[test]
    fn splits_amounts_apart() {
        assert_eq!(toks("$8bn"), ["_$", "8", "bn"]);
        assert_eq!(
            toks("20cm-40cm, 7,818 A$2.5"),
            ["_20", "cm", "-", "40", "cm", ",", "_7,818", "_a", "$", "2.5"]
        );
        assert_eq!(
            toks("Lowe’s 1,2,3 o'clock"),
            ["_lowe's", "_1", ",", "2", ",", "3", "_o'clock"]
        );
        assert_eq!(toks("a\u{a0}b ½ 日本"), ["_a", "_b", "_½", "_日本"]);
    }

    #[test]
    fn keys_follow_glue() {
        let s = "US$ 5 per cent km/h";
        let mut t = Toks::default();
        t.fill(s, 0, s.len());
        let mut k = String::new();
        assert!(t.key(0, 2, &mut k));
        assert_eq!(k, "us$");
        assert!(t.key(3, 2, &mut k));
        assert_eq!(k, "per cent");
        assert!(t.key(5, 3, &mut k));
        assert_eq!(k, "km/h");
        assert!(!t.key(6, 3, &mut k));
    }
}
