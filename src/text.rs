//! Byte/code-point offset mapping and the whitespace rules every module shares.
//!
//! The core works in UTF-8 byte offsets (what `&str` slicing needs); records carry Python
//! code-point offsets. `OffsetMap` converts between them without copying the text.

/// A half-open byte range into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Characters treated as blank when trimming lines: Unicode whitespace (NBSP, tabs, CR, ...)
/// plus the BOM and the zero-width characters scrapes leave behind, which Rust does not
/// count as whitespace.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// The span of `span` with blank characters trimmed from both ends.
pub fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let left = s.len() - s.trim_start_matches(is_blank).len();
    let right = s.trim_end_matches(is_blank).len();
    if right <= left {
        Span::new(span.start + left, span.start + left)
    } else {
        Span::new(span.start + left, span.start + right)
    }
}

/// Lines of `text` as byte spans without their terminators (`\n`, `\r\n` or a lone `\r`).
pub fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for pos in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if pos < start {
            // The `\n` of a `\r\n` pair already consumed.
            continue;
        }
        out.push(Span::new(start, pos));
        start = if bytes[pos] == b'\r' && bytes.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// Counts words: maximal runs of non-blank characters that contain a letter or digit.
pub fn count_words(s: &str) -> usize {
    if s.is_ascii() {
        return count_words_ascii(s.as_bytes());
    }
    count_words_chars(s)
}

fn count_words_ascii(b: &[u8]) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut has_alnum = false;
    for &c in b {
        // The ASCII blanks of `is_blank`: space, \t, \n, \x0b, \x0c, \r.
        if c == b' ' || (b'\t'..=b'\r').contains(&c) {
            n += (in_word && has_alnum) as usize;
            in_word = false;
            has_alnum = false;
        } else {
            in_word = true;
            has_alnum |= c.is_ascii_alphanumeric();
        }
    }
    n + (in_word && has_alnum) as usize
}

fn count_words_chars(s: &str) -> usize {
    count_words_upto(s, usize::MAX)
}

/// The number of words of `s` as `count_words` counts them (runs of non-blank
/// characters holding a letter or digit), counting no further than `cap`: a long quote costs
/// no more than a short one.
pub fn count_words_upto(s: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut has_alnum = false;
    for c in s.chars() {
        if is_blank(c) {
            if in_word && has_alnum {
                n += 1;
                if n >= cap {
                    return n;
                }
            }
            in_word = false;
            has_alnum = false;
        } else {
            in_word = true;
            has_alnum |= c.is_alphanumeric();
        }
    }
    if in_word && has_alnum {
        n += 1;
    }
    n.min(cap)
}

/// Converts byte offsets into code-point offsets (what Python's `str` indexes by).
///
/// ASCII text maps one to one. Otherwise a checkpoint every `STEP` bytes keeps memory at a
/// sixteenth of the text while a lookup counts at most `STEP` bytes.
pub struct OffsetMap<'t> {
    text: &'t str,
    checkpoints: Option<Vec<u32>>,
}

const STEP: usize = 64;

impl<'t> OffsetMap<'t> {
    pub fn new(text: &'t str) -> Self {
        if text.is_ascii() {
            return OffsetMap {
                text,
                checkpoints: None,
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / STEP + 1);
        let mut chars: u32 = 0;
        for chunk in bytes.chunks(STEP) {
            checkpoints.push(chars);
            chars += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        // The end of a text whose length is a multiple of STEP needs a checkpoint of its own.
        checkpoints.push(chars);
        OffsetMap {
            text,
            checkpoints: Some(checkpoints),
        }
    }

    /// The code-point offset of byte offset `byte` (which must lie on a char boundary;
    /// offsets past the end clamp to the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.checkpoints {
            None => byte,
            Some(cps) => {
                let block = byte / STEP;
                let base = cps.get(block).copied().unwrap_or(0) as usize;
                let from = block * STEP;
                let extra = self.text.as_bytes()[from..byte]
                    .iter()
                    .filter(|&&b| (b as i8) >= -0x40)
                    .count();
                base + extra
            }
        }
    }

    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

/// `s.to_ascii_lowercase()` without an allocation for short words: on the stack up to 32
/// bytes, else in a `String`. For the rule parsers that lower-case every token of a line.
pub struct AsciiLower {
    buf: [u8; 32],
    len: usize,
    heap: Option<String>,
}

impl AsciiLower {
    pub fn new(s: &str) -> AsciiLower {
        let mut out = AsciiLower {
            buf: [0; 32],
            len: 0,
            heap: None,
        };
        if s.len() <= out.buf.len() {
            for (d, c) in out.buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            out.len = s.len();
        } else {
            out.heap = Some(s.to_ascii_lowercase());
        }
        out
    }

    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(h) => h,
            // ASCII lower-casing leaves every other byte as it was: still UTF-8.
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lower_matches_the_std_one() {
        for w in [
            "",
            "Jan.",
            "ÉTÉ Sept",
            "A-very-long-token-of-more-than-32-BYTES",
        ] {
            assert_eq!(AsciiLower::new(w).as_str(), w.to_ascii_lowercase());
        }
    }

    #[test]
    fn lines_handle_every_terminator() {
        let t = "a\r\nb\rc\n\nd";
        let got: Vec<&str> = lines(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(got, vec!["a", "b", "c", "", "d"]);
    }

    #[test]
    fn trim_removes_nbsp_and_bom() {
        let t = "\u{feff}\u{a0} hi\t\u{a0}";
        let s = trim(t, Span::new(0, t.len()));
        assert_eq!(&t[s.start..s.end], "hi");
    }

    #[test]
    fn offsets_count_code_points() {
        let t = "é".repeat(100) + "x";
        let map = OffsetMap::new(&t);
        assert_eq!(map.char_offset(t.len() - 1), 100);
        assert_eq!(map.char_offset(t.len()), 101);
        assert_eq!(map.char_offset(2 * 37), 37);
        let t = "é".repeat(64);
        assert_eq!(OffsetMap::new(&t).char_offset(t.len()), 64);
    }

    #[test]
    fn word_count_skips_punctuation_runs() {
        assert_eq!(count_words("Hello, world - it's 2014 !"), 4);
        for s in [
            "a\x0bb\x0cc\rd",
            "  -- x ",
            "",
            "\t\n",
            "a-b c_d !!",
            "x\x1cy",
        ] {
            assert_eq!(
                count_words_ascii(s.as_bytes()),
                count_words_chars(s),
                "{s:?}"
            );
        }
        assert_eq!(count_words("café au\u{a0}lait"), 3);
    }
}
