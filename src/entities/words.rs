//! The words of a sentence as the mention rules read them, built from the document's token
//! stream: shape, lexicon flags and the lower-cased key piece of each word come from its
//! lexeme, so nothing is lower-cased, looked up or allocated per token (the few words that
//! differ from their token, "Iraq's" read as "Iraq" and "Gen." as one word, take one lexicon
//! look-up each).

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::{flag, Flags, VOCAB};
use crate::stream::Tokens;
use crate::tables::FastSet;
use crate::text::Span;

use super::gazetteer::TITLES_BY_FIRST;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Title,
    Caps,
    /// A capital followed by a period token: "P." in "P. Simmons".
    Initial,
    Lower,
    Other,
}

/// One word of a sentence: 24 bytes of offsets, shape and lexicon flags (its text is read
/// through the sentence, `Sent`).
#[derive(Debug, Clone, Copy)]
pub struct W {
    /// Byte span, without a possessive "'s"; with the final period of "U.S." or "Gen.".
    pub start: u32,
    pub end: u32,
    /// The word's (first) token.
    tok: u32,
    /// Bytes the key leaves off the token's normalised form (a possessive "'s").
    cut: u8,
    pub shape: Shape,
    /// A line break separates it from the previous word: names never run across one.
    pub nl: bool,
    /// The key is the text lower-cased (no period added, no apostrophe straightened): checks
    /// the rules make on the text itself read `flags` only then.
    pub plain: bool,
    /// The token's shape flags, the membership flags of the key (see `Sent::key`) and the
    /// case-sensitive flags of the text without its final period.
    pub flags: Flags,
}

impl W {
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn namey(&self) -> bool {
        matches!(self.shape, Shape::Title | Shape::Caps | Shape::Initial)
    }

    /// Whether the key piece has any of `f` (lower-cased tables, or case-sensitive ones on the
    /// word without its final period).
    pub fn has(&self, f: Flags) -> bool {
        self.flags & f != 0
    }

    /// Whether the word as written has any of `f`: as `has`, but never for a word whose key
    /// differs from its text ("Gen.", "Shi’ite").
    pub fn is(&self, f: Flags) -> bool {
        self.plain && self.flags & f != 0
    }
}

/// The words of a sentence with the text and stream they come from.
#[derive(Clone, Copy)]
pub struct Sent<'a> {
    pub text: &'a str,
    pub k: &'a Tokens,
    pub ws: &'a [W],
}

impl<'a> Sent<'a> {
    pub fn len(&self) -> usize {
        self.ws.len()
    }

    /// The text of word `i`.
    pub fn s(&self, i: usize) -> &'a str {
        let w = &self.ws[i];
        &self.text[w.start as usize..w.end as usize]
    }

    /// The text of word `i`, "" past the end.
    pub fn s_at(&self, i: usize) -> &'a str {
        if i < self.ws.len() {
            self.s(i)
        } else {
            ""
        }
    }

    /// The text of word `i` without a final period.
    pub fn bare(&self, i: usize) -> &'a str {
        let s = self.s(i);
        s.strip_suffix('.').unwrap_or(s)
    }

    /// The lower-cased key piece gazetteer phrases are made of: the word lower-cased, without
    /// a final period, typographic apostrophes straightened ("u.s" for "U.S."), from the
    /// token's lexeme.
    pub fn key(&self, i: usize) -> &'a str {
        key_of(self.k, &self.ws[i])
    }

    /// The span of words `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.ws[a].start as usize, self.ws[b - 1].end as usize)
    }
}

impl std::ops::Index<usize> for Sent<'_> {
    type Output = W;
    fn index(&self, i: usize) -> &W {
        &self.ws[i]
    }
}

fn key_of<'a>(k: &'a Tokens, w: &W) -> &'a str {
    let n = k.norm(w.tok as usize);
    &n[..n.len() - w.cut as usize]
}

/// Abbreviations that end a name and keep their period: "Acme Corp.", "King Jr.".
static NAME_ABBREV: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    crate::tables::NAME_ABBREVIATIONS
        .iter()
        .map(|s| s.as_str())
        .collect()
});

/// The shape of a word from its text (the rules' own reading of case, which differs from the
/// lexicon's: "A" is not a name, "New York-based" is not one either).
pub fn shape(s: &str) -> Shape {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_lowercase) && !b.contains(&b'-') {
        return Shape::Lower;
    }
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if !first.is_alphabetic() {
        return Shape::Other;
    }
    let mut upper = first.is_uppercase() as usize;
    let mut lower = first.is_lowercase() as usize;
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    // "New York-based", "KDP-controlled": an adjective, not a name.
    if s.contains('-')
        && s.rsplit_once('-')
            .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
    {
        return Shape::Lower;
    }
    if first.is_uppercase() {
        if lower == 0 {
            if upper >= 2 {
                Shape::Caps
            } else {
                Shape::Other
            }
        } else {
            Shape::Title
        }
    } else if upper > 0 && name_prefix(s) {
        // "al-Abadi", "bin-Laden", "McDonald's" style prefixes written in lower case.
        Shape::Title
    } else {
        Shape::Lower
    }
}

fn name_prefix(s: &str) -> bool {
    s.split_once('-').is_some_and(|(p, rest)| {
        p.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The shape of a whole token read from its lexicon flags where they decide it (a word of
/// ASCII letters starting with a capital), from its text otherwise.
fn token_shape(f: Flags, s: &str) -> Shape {
    const ASCII_CAPITALISED: Flags = flag::ALPHA | flag::UPPER_FIRST;
    if f & (ASCII_CAPITALISED | flag::NON_ASCII) == ASCII_CAPITALISED {
        return if f & flag::ALL_UPPER == 0 {
            Shape::Title
        } else if s.len() >= 2 {
            Shape::Caps
        } else {
            Shape::Other
        };
    }
    shape(s)
}

/// Byte length of a possessive "'s", "’s" or "'S" ending the word (longer than it plus one).
fn possessive(s: &str) -> usize {
    let b = s.as_bytes();
    let n = b.len();
    match b.last() {
        Some(b's') if n > 3 && b[n - 2] == b'\'' => 2,
        Some(b'S') if n > 3 && b[n - 2] == b'\'' => 2,
        Some(b's') if n > 5 && s.ends_with("’s") => "’s".len(),
        _ => 0,
    }
}

/// Clitics written after an apostrophe in English contractions ("I'm", "we've", "he'll",
/// "they're", "I'd", "it's"); "n't" is read apart.
const CLITICS: &[&str] = &["m", "ve", "ll", "re", "d", "s"];

/// Whether `s` is a contraction by its shape: a pronoun or function word, an apostrophe and a
/// clitic ("I’m", "We're", "He’ll", "That's", "Who'd"), or a word ending in "n't" ("Don't",
/// "Can’t"). Names with an apostrophe ("O'Neill", "D'Arcy", "Ba'ath") have no clitic after it,
/// and a possessive ("Kerry's") has no pronoun before it.
pub fn contraction(s: &str) -> bool {
    // "I-Totally-Don’t-Need-It": a hyphenated phrase holding a contraction is no name either;
    // "'s" there is read as a possessive ("Dornford-May's").
    if s.contains('-') {
        return s
            .split('-')
            .any(|p| !(p.ends_with("'s") || p.ends_with("’s")) && contraction(p));
    }
    let Some((a, c)) = s.rsplit_once(['\'', '’']) else {
        return false;
    };
    let clitic = c.len() <= 2 && CLITICS.iter().any(|k| k.eq_ignore_ascii_case(c));
    if !clitic {
        return c.eq_ignore_ascii_case("t") && a.len() >= 2 && a.ends_with(['n', 'N']);
    }
    // The part before: a pronoun or function word ("i", "we", "that", "there", "who").
    let mut buf = [0u8; 8];
    let n = a.len();
    if n == 0 || n > buf.len() || !a.is_ascii() {
        return false;
    }
    buf[..n].copy_from_slice(a.as_bytes());
    buf[..n].make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..n]).unwrap_or("");
    // "Let's" is "let us": the one verb whose "'s" is a pronoun.
    (lower == "let" && c.eq_ignore_ascii_case("s"))
        || VOCAB.flags_of(lower) & (flag::PRONOUN | flag::FUNCTION) != 0
}

/// Whether token `i` (if any, before `end`) is a period written right after byte `at`.
fn period_at(text: &str, k: &Tokens, i: usize, end: usize, at: usize) -> bool {
    i < end && {
        let t = k.toks[i];
        t.start as usize == at && t.end as usize == at + 1 && text.as_bytes()[at] == b'.'
    }
}

/// What the words of a sentence look like, counted while reading them.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub caps: usize,
    pub title: usize,
    pub lower: usize,
    /// Lower-case words longer than three letters.
    pub long_lower: usize,
}

impl Counts {
    /// Capitalised words (`Title`, `Caps` or an initial) were seen.
    pub fn namey(&self, ws: &[W]) -> bool {
        self.caps + self.title > 0 || ws.iter().any(|w| w.shape == Shape::Initial)
    }
}

/// The words of tokens `range`, into `out`, and how they look.
pub fn words(text: &str, k: &Tokens, range: Range<usize>, out: &mut Vec<W>) -> Counts {
    out.clear();
    let mut counts = Counts::default();
    let end = range.end;
    let mut i = range.start;
    let mut prev_end = usize::MAX;
    let bytes = text.as_bytes();
    const LOWER_WORD: Flags = flag::WORD | flag::ALPHA | flag::LOWER;
    while i < end {
        let t = k.toks[i];
        let f = k.lexemes[t.lex as usize].flags;
        let mut w = W {
            start: t.start,
            end: t.end,
            tok: i as u32,
            cut: 0,
            shape: Shape::Other,
            nl: false,
            plain: true,
            flags: f,
        };
        if f & LOWER_WORD == LOWER_WORD {
            // Letters only, none a capital.
            w.shape = Shape::Lower;
        } else if f & flag::WORD != 0 {
            let (a, b) = (t.start as usize, t.end as usize);
            let raw = &text[a..b];
            let mut s = raw;
            if (raw.as_bytes()[0].is_ascii_lowercase()
                && (f & flag::ALPHA != 0 || !raw.contains('-')))
                || (f & flag::ALPHA == 0 && contraction(raw))
            {
                // A contraction ("I'm", "We’ve", "Don't") is a function word, never a name.
                w.shape = Shape::Lower;
            } else {
                let cut = possessive(raw);
                if cut > 0 {
                    s = &raw[..raw.len() - cut];
                    w.end = (b - cut) as u32;
                    // "’s" is "'s" in the key.
                    w.cut = 2;
                    w.shape = shape(s);
                } else {
                    w.shape = token_shape(f, raw);
                }
                if cut > 0 || !raw.is_ascii() {
                    let key = key_of(k, &w);
                    if cut > 0 || key.len() != k.lower(i).len() {
                        // The key is not the lexeme's form: look it up on its own.
                        w.flags = (f & flag::SHAPE) | (VOCAB.lookup(s, key).flags & !flag::SHAPE);
                        w.plain = !s.contains('’');
                    }
                }
            }
            // An initial: one capital, then a period right after it.
            if raw.len() == 1
                && raw.as_bytes()[0].is_ascii_uppercase()
                && period_at(text, k, i + 1, end, b)
            {
                w.end = b as u32 + 1;
                w.shape = Shape::Initial;
                w.plain = false;
                i += 1;
            }
            // "U.S." / "U.N." / "Gen." / "Dr.": keep the final period the tokenizer split off.
            if matches!(w.shape, Shape::Caps | Shape::Title)
                && period_at(text, k, i + 1, end, b)
                && ((w.shape == Shape::Caps && s.contains('.'))
                    || (w.shape == Shape::Title
                        && (NAME_ABBREV.contains(s)
                            || w.has(flag::TITLE_WORD)
                                && w.has(flag::ABBREVIATION)
                                && TITLES_BY_FIRST.contains_key(s))))
            {
                w.end = b as u32 + 1;
                // The key stays the token's, possessive and all ("corp's" for "Corp's.").
                if w.cut > 0 {
                    w.cut = 0;
                    let norm = k.norm(i);
                    w.flags = (f & flag::SHAPE) | (VOCAB.lookup(raw, norm).flags & !flag::SHAPE);
                }
                w.plain = false;
                i += 1;
            }
        }
        let start = w.start as usize;
        if prev_end < start {
            w.nl = match &bytes[prev_end..start] {
                [b] => *b == b'\n',
                gap => gap.contains(&b'\n'),
            };
        }
        prev_end = w.end as usize;
        match w.shape {
            Shape::Caps => counts.caps += 1,
            Shape::Title => counts.title += 1,
            Shape::Lower => {
                counts.lower += 1;
                counts.long_lower += (w.end - w.start > 3) as usize;
            }
            _ => {}
        }
        out.push(w);
        i += 1;
    }
    undotted_initials(text, out);
    counts
}

/// "George W Bush", "John F Kennedy": a lone capital letter without a period between two
/// capitalised words on one line is a middle initial (British style drops the period). "A"
/// and "I" are words ("Plan A Works", "What I Learned").
fn undotted_initials(text: &str, ws: &mut [W]) {
    for j in 1..ws.len().saturating_sub(1) {
        // One byte, shape Other: a lone letter (checked first: most words are not).
        let w = &ws[j];
        if w.end != w.start + 1 || w.shape != Shape::Other || w.nl {
            continue;
        }
        let letter = text
            .as_bytes()
            .get(w.start as usize)
            .is_some_and(|&c| c.is_ascii_uppercase() && c != b'A' && c != b'I');
        let (a, b) = (&ws[j - 1], &ws[j + 1]);
        // The words around it are a name's: not a function word before ("The X Factor"), not
        // a speech verb, month or weekday after ("Bill W Says", "Brian C June").
        if letter
            && a.shape == Shape::Title
            && b.shape == Shape::Title
            && !a.has(flag::FUNCTION | flag::STOPWORD)
            && !b.has(flag::SPEECH_VERB | flag::MONTH | flag::WEEKDAY)
            && !b.nl
        {
            ws[j].shape = Shape::Initial;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Kerry"), Shape::Title);
        assert_eq!(shape("BBC"), Shape::Caps);
        assert_eq!(shape("al-Abadi"), Shape::Title);
        assert_eq!(shape("said"), Shape::Lower);
        assert_eq!(shape("A"), Shape::Other);
        assert_eq!(shape("1996"), Shape::Other);
        assert_eq!(shape("York-based"), Shape::Lower);
    }

    #[test]
    fn token_shapes_agree_with_the_text_rule() {
        for s in [
            "Kerry", "BBC", "A", "NATO", "McCain", "Zürich", "ÉLAN", "X", "Ab",
        ] {
            let f = crate::lexicon::shape(s);
            assert_eq!(token_shape(f, s), shape(s), "{s}");
        }
    }

    #[test]
    fn contractions_by_shape() {
        for s in [
            "I'm",
            "I’m",
            "I've",
            "I’ll",
            "We're",
            "He’ll",
            "They'd",
            "That's",
            "Who’d",
            "Don't",
            "Can’t",
            "WE'RE",
            "I-Really-Don’t-Need-It",
            "Let's",
            "LET’S",
        ] {
            assert!(contraction(s), "{s}");
        }
        for s in [
            "O'Neill",
            "D'Arcy",
            "Kerry's",
            "Ba'ath",
            "Iraq’s",
            "Kerry",
            "N'Djamena",
            "Jean-Pierre's",
            "Dornford-May's",
            "Lets",
            "Lett's",
        ] {
            assert!(!contraction(s), "{s}");
        }
    }

    #[test]
    fn contractions_read_as_lower_case_words() {
        let got = read("I’m sure We've won, Don't go");
        let shapes: Vec<Shape> = got.iter().map(|w| w.2).collect();
        assert_eq!(shapes[0], Shape::Lower);
        assert_eq!(shapes[2], Shape::Lower);
        assert_eq!(shapes[5], Shape::Lower);
    }

    #[test]
    fn possessives() {
        assert_eq!(possessive("Iraq's"), 2);
        assert_eq!(possessive("IRAQ'S"), 2);
        assert_eq!(possessive("Kerry’s"), "’s".len());
        assert_eq!(possessive("States'"), 0);
        assert_eq!(possessive("'s"), 0);
        assert_eq!(possessive("A's"), 0);
    }

    fn read(t: &str) -> Vec<(String, String, Shape)> {
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let mut ws = Vec::new();
        words(t, &k, 0..k.len(), &mut ws);
        let x = Sent {
            text: t,
            k: &k,
            ws: &ws,
        };
        (0..x.len())
            .map(|i| (x.s(i).to_string(), x.key(i).to_string(), x[i].shape))
            .collect()
    }

    #[test]
    fn words_merge_periods_and_strip_possessives() {
        let got = read("Gen. P. Kerry’s U.S. forces met Acme Corp. in al-Anbar");
        let want = [
            ("Gen.", "gen", Shape::Title),
            ("P.", "p", Shape::Initial),
            ("Kerry", "kerry", Shape::Title),
            ("U.S.", "u.s", Shape::Caps),
            ("forces", "forces", Shape::Lower),
            ("met", "met", Shape::Lower),
            ("Acme", "acme", Shape::Title),
            ("Corp.", "corp", Shape::Title),
            ("in", "in", Shape::Lower),
            ("al-Anbar", "al-anbar", Shape::Title),
        ];
        let want: Vec<(String, String, Shape)> = want
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn flags_of_stripped_words_are_their_own() {
        let t = "Ministry's Baghdad's";
        let k = Tokens::build(t, &[Span::new(0, t.len())], &[]);
        let mut ws = Vec::new();
        words(t, &k, 0..k.len(), &mut ws);
        assert!(ws[0].is(flag::ORG_CUE));
        assert!(ws[1].has(flag::GAZETTEER));
        assert!(!k.has(0, flag::ORG_CUE));
    }
}
