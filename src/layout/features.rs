//! Features of a line of running text in the body, for the line classifier (`model`): what
//! the line looks like (length, case, first and last characters, numbering, links, function
//! words), what the rules say of it, and the same for its neighbours, its place in its block
//! and in the body, and how much of it another line repeats (an unlabelled caption restates
//! the story).
//!
//! Features are short strings ("len:3", "p.lc:."); `model` hashes them to weights, and
//! `eval/layout_train.py` learns the weights from the strings `layout::trace` writes, so the
//! two sides cannot drift apart. Kept apart from the assembler so that it can move to the
//! shared token stream (issue 13) without touching the rules.

use super::lines::{Line, LineKind};
use super::overlap::{content_words, shared};
use super::shape::{ends_sentence, subheading_like_with, title_like_with, word_stats};

/// What the assembler knows about the line being classified.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// Index of the line in the document's lines.
    pub line: usize,
    /// Body units (paragraphs, subheadings, captions...) before this one.
    pub body_index: usize,
    /// Whether the article has a dateline.
    pub dateline: bool,
    /// Whether the headline was found.
    pub headline: bool,
}

/// Per-document data the features share, filled on first use: each line's shape (a line is
/// also its neighbours' neighbour) and the hashed content words of the text lines near the
/// lines classified, for the repeated-content feature.
pub struct Cache {
    shapes: Vec<Option<Shape>>,
    words: Vec<Option<Vec<u64>>>,
    /// The buffer feature names are built in.
    buf: String,
}

impl Cache {
    pub fn new(lines: &[Line]) -> Cache {
        Cache {
            shapes: (0..lines.len()).map(|_| None).collect(),
            words: (0..lines.len()).map(|_| None).collect(),
            buf: String::with_capacity(48),
        }
    }

    fn shape(&mut self, text: &str, lines: &[Line], i: usize) -> &Shape {
        self.shapes[i].get_or_insert_with(|| {
            let l = lines[i].span;
            Shape::of(&text[l.start..l.end])
        })
    }

    fn words(&mut self, text: &str, lines: &[Line], i: usize) -> &[u64] {
        self.words[i].get_or_insert_with(|| match lines[i].kind {
            LineKind::Text => content_words(text, lines[i].span),
            _ => Vec::new(),
        })
    }
}

/// Digits as one-character strings: every numbered feature value is a single digit.
const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

fn digit(n: usize) -> &'static str {
    DIGITS[n.min(9)]
}

/// Builds each feature's name in one reused buffer from its parts (no formatting machinery)
/// and hands it to `emit`.
struct Out<'e> {
    buf: String,
    emit: &'e mut dyn FnMut(&str),
}

impl Out<'_> {
    fn f(&mut self, parts: &[&str]) {
        self.buf.clear();
        for p in parts {
            self.buf.push_str(p);
        }
        (self.emit)(&self.buf);
    }

    /// `tag` + the line's word, cleaned as `clean_word` does.
    fn word(&mut self, tag: &str, w: &str) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || w.len() > 20 {
            return;
        }
        self.buf.clear();
        self.buf.push_str(tag);
        if w.bytes().all(|b| b.is_ascii_digit()) {
            self.buf.push_str("<num>");
        } else if w.is_ascii() {
            self.buf
                .extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            self.buf.push_str(&w.to_lowercase());
        }
        (self.emit)(&self.buf);
    }
}

/// Calls `emit` with every feature of line `ctx.line`.
pub fn extract(
    text: &str,
    lines: &[Line],
    cache: &mut Cache,
    ctx: Context,
    emit: &mut dyn FnMut(&str),
) {
    let mut o = Out {
        buf: std::mem::take(&mut cache.buf),
        emit,
    };
    features(text, lines, cache, ctx, &mut o);
    cache.buf = o.buf;
}

fn features(text: &str, lines: &[Line], cache: &mut Cache, ctx: Context, o: &mut Out) {
    let i = ctx.line;
    let Some(line) = lines.get(i) else {
        return;
    };
    let s = &text[line.span.start..line.span.end];
    let me = cache.shape(text, lines, i).clone();
    o.f(&["bias"]);
    me.emit("", o);
    o.f(&["fn:", function_bucket(s)]);
    o.f(&["sent:", digit(sentence_bucket(s) as usize)]);
    // Long lines are prose by every rule; the rules only look at short ones.
    let short = s.len() <= 250;
    // The shape counted the words of the whole line when it is short.
    let n_words = me.n_words;
    if short && n_words <= 12 {
        let mut ws = s.split_whitespace();
        if let Some(w) = ws.next() {
            o.word("fw:", w);
        }
        if let Some(w) = s.split_whitespace().next_back() {
            o.word("lw:", w);
        }
    }
    if short && subheading_like_with(s, n_words) {
        o.f(&["r:subh"]);
    }
    if short && title_like_with(s, n_words, me.share) {
        o.f(&["r:title"]);
    }
    let ends = ends_sentence(s);
    if !short || s.len() > 150 || ends && n_words > 12 {
        o.f(&["r:prose"]);
    }
    if ends {
        o.f(&["r:endsent"]);
    }
    o.f(&["len*lc:", digit(me.len as usize), me.last]);
    o.f(&["wc*caps:", digit(me.words as usize), me.caps]);

    // Neighbours: the nearest non-blank lines before and after.
    let prev = (0..i).rev().find(|&k| lines[k].kind != LineKind::Blank);
    let next = (i + 1..lines.len()).find(|&k| lines[k].kind != LineKind::Blank);
    let blank_before = i == 0 || lines[i - 1].kind == LineKind::Blank;
    let blank_after = i + 1 >= lines.len() || lines[i + 1].kind == LineKind::Blank;
    let block = match (blank_before, blank_after) {
        (true, true) => "only",
        (true, false) => "first",
        (false, true) => "last",
        (false, false) => "mid",
    };
    o.f(&["blk:", block]);
    o.f(&["blk*lc:", block, me.last]);
    let mut shapes = [None, None];
    for (slot, (tag, k)) in [("p", prev), ("n", next)].into_iter().enumerate() {
        match k {
            None => o.f(&[tag, ":none"]),
            Some(k) => {
                let l = &lines[k];
                o.f(&[tag, ".kind:", kind_name(&l.kind)]);
                let sh = cache.shape(text, lines, k).clone();
                sh.emit(tag, o);
                shapes[slot] = Some(sh);
            }
        }
    }
    if let (Some(p), Some(n)) = (&shapes[0], &shapes[1]) {
        o.f(&["pn.len:", digit(p.len as usize), digit(n.len as usize)]);
        // A run of short lines alike is a list, not headings.
        if p.len <= 2 && n.len <= 2 && me.len <= 2 && !blank_before && !blank_after {
            o.f(&["list3"]);
        }
    }
    // Block mates: a list item sits among short lines, a heading under a paragraph.
    let mate = |sh: &Option<Shape>, same_block: bool| match sh {
        Some(x) if same_block && x.len <= 2 => "short",
        Some(x) if same_block && x.len >= 4 => "long",
        Some(_) if same_block => "mid",
        _ => "none",
    };
    let (mp, mn) = (
        mate(&shapes[0], !blank_before),
        mate(&shapes[1], !blank_after),
    );
    o.f(&["mate.p:", mp]);
    o.f(&["mate.n:", mn]);
    o.f(&["mate.pn:", mp, mn]);
    if let Some(p) = &shapes[0] {
        o.f(&["p.lc*len:", p.last, digit(me.len as usize)]);
    }
    if let Some(n) = &shapes[1] {
        o.f(&["n.len*len:", digit(n.len as usize), digit(me.len as usize)]);
    }
    let pos = match ctx.body_index {
        0..=3 => ctx.body_index,
        4..=8 => 4,
        _ => 5,
    };
    o.f(&["pos:", digit(pos)]);
    let after = lines[i + 1..]
        .iter()
        .filter(|l| l.kind == LineKind::Text)
        .take(3)
        .count();
    o.f(&["left:", digit(after)]);
    if ctx.dateline && ctx.body_index == 1 {
        o.f(&["dl:second"]);
    }
    if !ctx.headline {
        o.f(&["nohead"]);
    }
    let ov = overlap(text, cache, lines, i);
    o.f(&["ov:", ov]);
    o.f(&["ov*len:", ov, digit(me.len as usize)]);
}

/// The look of one line.
#[derive(Clone)]
struct Shape {
    len: u8,
    words: u8,
    first: &'static str,
    last: &'static str,
    caps: &'static str,
    flags: u8,
    /// Words of the line (of its first 250 bytes when longer).
    n_words: usize,
    /// `capitalised_share` of the same.
    share: f32,
}

const ENUM: u8 = 1;
const URL: u8 = 2;
const COLON: u8 = 4;
const QUOTE: u8 = 8;
const DIGIT: u8 = 16;

impl Shape {
    fn of(s: &str) -> Shape {
        let len = match s.len() {
            0..15 => 0,
            15..30 => 1,
            30..60 => 2,
            60..100 => 3,
            100..160 => 4,
            160..250 => 5,
            _ => 6,
        };
        // Word counts and case only matter up to a few dozen words: read the start of a long
        // line.
        let head = if s.len() > 250 {
            let mut cut = 250;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            &s[..cut]
        } else {
            s
        };
        let (n, share) = word_stats(head);
        let words = match n {
            0..=2 => n as u8,
            3 => 3,
            4..=6 => 4,
            7..=10 => 5,
            11..=15 => 6,
            16..=25 => 7,
            _ => 8,
        };
        let first = match s.chars().next() {
            Some(c) if c.is_uppercase() => "U",
            Some(c) if c.is_lowercase() => "l",
            Some(c) if c.is_ascii_digit() => "D",
            Some('"' | '“' | '\'' | '‘' | '«') => "Q",
            Some('-' | '–' | '—' | '•' | '*' | '·' | '>') => "B",
            Some('(' | '[') => "P",
            _ => "O",
        };
        let last = match s.chars().last() {
            Some('.') => ".",
            Some('?') => "?",
            Some('!') => "!",
            Some(':') => ":",
            Some(',') => ",",
            Some(';') => ";",
            Some(')') => ")",
            Some('»') => "»",
            Some('"' | '”' | '\'' | '’') => "Q",
            Some(c) if c.is_alphanumeric() => "A",
            _ => "O",
        };
        let (has_letters, has_lower) = if s.is_ascii() {
            (
                s.bytes().any(|b| b.is_ascii_alphabetic()),
                s.bytes().any(|b| b.is_ascii_lowercase()),
            )
        } else {
            (
                s.chars().any(char::is_alphabetic),
                s.chars().any(char::is_lowercase),
            )
        };
        let caps = if has_letters && !has_lower {
            "C"
        } else {
            match share {
                0.0 => "0",
                x if x < 0.5 => "1",
                x if x < 0.9 => "2",
                _ => "3",
            }
        };
        let mut flags = 0;
        let b = s.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && digits <= 3 && matches!(b.get(digits), Some(b'.' | b')')) {
            flags |= ENUM;
        }
        if s.contains("http") || s.contains("www.") || s.contains(".com/") {
            flags |= URL;
        }
        if s.get(..40.min(s.len())).is_some_and(|h| h.contains(": ")) {
            flags |= COLON;
        }
        if s.contains(['"', '“', '”']) {
            flags |= QUOTE;
        }
        if b.iter().any(u8::is_ascii_digit) {
            flags |= DIGIT;
        }
        Shape {
            len,
            words,
            first,
            last,
            caps,
            flags,
            n_words: n,
            share,
        }
    }

    fn emit(&self, tag: &str, o: &mut Out) {
        let dot = if tag.is_empty() { "" } else { "." };
        o.f(&[tag, dot, "len:", digit(self.len as usize)]);
        o.f(&[tag, dot, "wc:", digit(self.words as usize)]);
        o.f(&[tag, dot, "fc:", self.first]);
        o.f(&[tag, dot, "lc:", self.last]);
        o.f(&[tag, dot, "caps:", self.caps]);
        for (bit, name) in [
            (ENUM, "enum"),
            (URL, "url"),
            (COLON, "colon"),
            (QUOTE, "quote"),
            (DIGIT, "digit"),
        ] {
            if self.flags & bit != 0 {
                o.f(&[tag, dot, name]);
            }
        }
    }
}

fn kind_name(k: &LineKind) -> &'static str {
    match k {
        LineKind::Blank => "blank",
        LineKind::Text => "text",
        LineKind::ImageCaption(_) | LineKind::MediaCaption(_) | LineKind::Credit(_) => "pic",
        LineKind::Agency => "agency",
        LineKind::Boiler(_) | LineKind::Tail(_) => "boiler",
        LineKind::HighlightMarker | LineKind::StoryHighlights => "highlight",
        LineKind::Stamp(_) | LineKind::CreditLine(_) => "stamp",
        LineKind::Byline(_) => "byline",
        LineKind::Dateline(_) => "dateline",
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "is", "was", "for", "on", "that", "with", "it",
    "as", "at", "by", "from", "he", "she", "they", "we", "i", "you", "be", "are", "has", "have",
    "had", "said", "this", "his", "her", "their", "but", "not", "were", "will", "would",
];

/// Length in bytes of the longest of `FUNCTION_WORDS` (checked by a test).
const FUNCTION_WORD_MAX: usize = 5;

/// One of `FUNCTION_WORDS`, in any ASCII case. No function word is longer than five letters:
/// most words need no comparison, the rest are lower-cased on the stack.
fn is_function_word(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > FUNCTION_WORD_MAX {
        return false;
    }
    let mut buf = [0u8; FUNCTION_WORD_MAX];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    let lower = &buf[..b.len()];
    FUNCTION_WORDS.iter().any(|f| f.as_bytes() == lower)
}

fn function_bucket(s: &str) -> &'static str {
    let mut n = 0;
    let mut hits = 0;
    for w in s.split_whitespace().take(30) {
        n += 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if is_function_word(w) {
            hits += 1;
        }
    }
    if n < 4 {
        return "-";
    }
    match hits * 100 / n {
        0..10 => "0",
        10..25 => "1",
        25..40 => "2",
        _ => "3",
    }
}

/// 1, 2 or 3 (or more) sentences, by sentence-final punctuation before a capital.
fn sentence_bucket(s: &str) -> u8 {
    let b = s.as_bytes();
    let mut n = 1;
    for k in 1..b.len().saturating_sub(2) {
        if matches!(b[k - 1], b'.' | b'?' | b'!') && b[k] == b' ' && b[k + 1].is_ascii_uppercase() {
            n += 1;
            if n == 3 {
                break;
            }
        }
    }
    n
}

/// Lines compared for repeated content: the neighbourhood where a caption and the paragraph
/// it restates stand.
const OVERLAP_WINDOW: usize = 12;

/// How much of line `i`'s content words another text line near it repeats: '-' (too short to
/// tell), '0' (< 40%), '1' (< 70%), '2' (70% or more).
fn overlap(text: &str, cache: &mut Cache, lines: &[Line], i: usize) -> &'static str {
    if lines[i].span.len() > 300 {
        return "-";
    }
    if cache.words(text, lines, i).len() < 4 {
        return "-";
    }
    let lo = i.saturating_sub(OVERLAP_WINDOW);
    let hi = (i + OVERLAP_WINDOW).min(lines.len());
    for k in lo..hi {
        if k != i && lines[k].kind == LineKind::Text {
            cache.words(text, lines, k);
        }
    }
    let words = &cache.words;
    let mine = words[i].as_deref().unwrap_or_default();
    let mut best = 0;
    for k in lo..hi {
        if k == i || lines[k].kind != LineKind::Text {
            continue;
        }
        let theirs = words[k].as_deref().unwrap_or_default();
        best = best.max(shared(mine, theirs) * 100 / mine.len());
    }
    match best {
        0..40 => "0",
        40..70 => "1",
        _ => "2",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_word_max_is_the_longest_function_word() {
        let longest = FUNCTION_WORDS.iter().map(|w| w.len()).max();
        assert_eq!(longest, Some(FUNCTION_WORD_MAX));
        assert_eq!(function_bucket("They said that their plan would work"), "3");
        assert_eq!(
            function_bucket("Police arrest suspect after long chase"),
            "0"
        );
    }

    #[test]
    fn word_stats_agree_with_the_two_passes() {
        use super::super::shape::capitalised_share;
        use crate::text::count_words;
        for s in [
            "",
            "  ",
            "The Quick Brown Fox Jumps",
            "-- (Reuters) said: 'Hello World' 12345 a.b.c",
            "\tUN\x0bsays\x0cNew York, Tokens; and stuff --- ...",
            "Étienne Dupont à Paris Élysée",
            "a bb ccc dddd EEEE Ffff gggg",
        ] {
            assert_eq!(
                word_stats(s),
                (count_words(s), capitalised_share(s)),
                "{s:?}"
            );
        }
    }
}
