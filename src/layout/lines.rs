//! First pass: what each line is on its own, before context decides its role.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use super::byline::{self, Byline};
use super::credit::{self, Credit};
use super::dateline::{self, Dateline};
use super::rules;
use super::stamps::{self, Stamp};
use crate::tables::{AGENCIES, BOILERPLATE, TAIL_MARKERS};
use crate::text::{trim, Span};

#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    Blank,
    Text,
    /// "Image caption ..."; the span is the caption without its label (may be empty).
    ImageCaption(Span),
    MediaCaption(Span),
    /// "Image copyright X" / "Image source, X"; the span is X (may be empty).
    Credit(Span),
    /// A line that is only an agency name ("Getty Images"): a credit when next to a caption.
    Agency,
    Boiler(&'static str),
    Tail(&'static str),
    HighlightMarker,
    StoryHighlights,
    Stamp(Stamp),
    /// A byline and a stamp on one line ("by Jane Doe on 26 October 2012").
    CreditLine(Credit),
    Byline(Byline),
    Dateline(Dateline),
}

#[derive(Debug, Clone)]
pub struct Line {
    /// Trimmed of blank characters.
    pub span: Span,
    pub kind: LineKind,
}

/// Whole-line rules of a table (`^(?:re)$`, any case): which row a line matches first.
///
/// Most rows run together in one `RegexSet`. A row every match of which starts (or ends) with
/// one of a few literals (`regex_syntax`'s prefix and suffix extraction: "[^.!?]{1,120}»" ends
/// with "»", "[-–—~] ?..." starts with a dash) runs alone, and only on lines that start (or
/// end) so: such rows, with their long bounded repetitions, would multiply the set's lazy DFA
/// states on every line of prose. Same first row as one set of every row.
struct WholeLine {
    set: RegexSet,
    /// The table row of each pattern of `set`.
    set_rows: Vec<usize>,
    /// Gated rows, in table order.
    gated: Vec<Gated>,
}

struct Gated {
    row: usize,
    re: Regex,
    prefixes: Vec<Vec<u8>>,
    suffixes: Vec<Vec<u8>>,
}

/// Most literals a gate checks.
const GATE_MAX: usize = 8;

/// The literals every match of `hir` starts (or ends) with, when they are few and none is empty.
fn gate(hir: &regex_syntax::hir::Hir, kind: ExtractKind) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new().kind(kind).extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > GATE_MAX || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(lits.iter().map(|l| l.as_bytes().to_vec()).collect())
}

impl WholeLine {
    fn new(rows: &[(String, String)]) -> WholeLine {
        let bad = |e: &dyn std::fmt::Display| -> ! { panic!("bad rule table regex: {e}") };
        let mut set_pats = Vec::new();
        let mut set_rows = Vec::new();
        let mut gated = Vec::new();
        for (row, (_, re)) in rows.iter().enumerate() {
            let pat = format!("^(?:{re})$");
            let hir = regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(&pat)
                .unwrap_or_else(|e| bad(&e));
            let prefixes = gate(&hir, ExtractKind::Prefix);
            let suffixes = gate(&hir, ExtractKind::Suffix);
            if prefixes.is_none() && suffixes.is_none() {
                set_pats.push(pat);
                set_rows.push(row);
                continue;
            }
            let re = RegexBuilder::new(&pat)
                .case_insensitive(true)
                .build()
                .unwrap_or_else(|e| bad(&e));
            gated.push(Gated {
                row,
                re,
                prefixes: prefixes.unwrap_or_default(),
                suffixes: suffixes.unwrap_or_default(),
            });
        }
        let set = RegexSetBuilder::new(&set_pats)
            .case_insensitive(true)
            .build()
            .unwrap_or_else(|e| bad(&e));
        WholeLine {
            set,
            set_rows,
            gated,
        }
    }

    /// The first row (in table order) matching all of `s`.
    fn first(&self, s: &str) -> Option<usize> {
        // `is_match` runs a DFA; only a line that matches pays for `matches`, which runs the
        // slower NFA to say which rule it was.
        let mut best = None;
        if self.set.is_match(s) {
            best = self.set.matches(s).iter().next().map(|k| self.set_rows[k]);
        }
        let b = s.as_bytes();
        for g in &self.gated {
            if best.is_some_and(|r| r < g.row) {
                break;
            }
            let open = g.prefixes.iter().any(|p| b.starts_with(p))
                || g.suffixes.iter().any(|x| b.ends_with(x));
            if open && g.re.is_match(s) {
                return Some(g.row);
            }
        }
        best
    }
}

static BOILER_SET: LazyLock<WholeLine> = LazyLock::new(|| WholeLine::new(&BOILERPLATE));
static TAIL_SET: LazyLock<WholeLine> = LazyLock::new(|| WholeLine::new(&TAIL_MARKERS));

/// Labels that introduce picture and video blocks in BBC-style scrapes, with or without a
/// comma or colon after them.
const CAPTION_LABELS: &[(&str, u8)] = &[
    ("image caption", b'i'),
    ("media caption", b'm'),
    ("image copyright", b'c'),
    ("image source", b'c'),
    ("picture:", b'c'),
    ("photo:", b'c'),
    ("photograph:", b'c'),
];

/// Longest line the short-line rules look at; longer lines are prose.
const SHORT: usize = 200;

pub fn classify(text: &str) -> Vec<Line> {
    let lines: Vec<Line> = crate::text::lines(text)
        .into_iter()
        .map(|raw| {
            let span = trim(text, raw);
            let kind = kind_of(text, span);
            Line { span, kind }
        })
        .collect();
    merge_broken_stamps(text, lines)
}

/// A date set one part a line ("16" / "July" / "2012") is one stamp line.
fn merge_broken_stamps(text: &str, lines: Vec<Line>) -> Vec<Line> {
    let piece = |l: &Line| {
        l.span.len() <= 12 && matches!(l.kind, LineKind::Text | LineKind::Boiler("count"))
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let mut merged = false;
        for n in [3, 2] {
            let Some(group) = lines.get(i..i + n) else {
                continue;
            };
            if !group.iter().all(piece) {
                continue;
            }
            let span = Span::new(group[0].span.start, group[n - 1].span.end);
            if let Some(st) = stamps::parse_line(text, span).filter(|st| st.value.is_some()) {
                out.push(Line {
                    span,
                    kind: LineKind::Stamp(st),
                });
                i += n;
                merged = true;
                break;
            }
        }
        if !merged {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

fn kind_of(text: &str, span: Span) -> LineKind {
    if span.is_empty() {
        return LineKind::Blank;
    }
    let s = &text[span.start..span.end];
    if s == "@highlight" {
        return LineKind::HighlightMarker;
    }
    if let Some(kind) = caption_label(text, span) {
        return kind;
    }
    // A line ending in a photo credit is a caption, credit included.
    if rules::caption_credit(text, span).is_some() {
        return LineKind::ImageCaption(span);
    }
    if s.len() > SHORT {
        return LineKind::Text;
    }
    // The marker scrapes put before readers' comments ("!@#$%^&*()  COMMENTS").
    if s.starts_with("!@#$%^&") {
        return LineKind::Tail("comments");
    }
    // A rule or spacer: "-", "***", "###", ": : :", "—————".
    if !s.chars().any(char::is_alphanumeric) {
        return LineKind::Boiler("separator");
    }
    // A bare count ("20" comments, shares) above or below the article.
    if s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return LineKind::Boiler("count");
    }
    let first = s.as_bytes()[0];
    if first.is_ascii_alphabetic() || !first.is_ascii() || matches!(first, b'(' | b'[' | b'-') {
        if let Some(i) = TAIL_SET.first(s) {
            return LineKind::Tail(&TAIL_MARKERS[i].0);
        }
        if let Some(i) = BOILER_SET.first(s) {
            return LineKind::Boiler(&BOILERPLATE[i].0);
        }
        if s.eq_ignore_ascii_case("story highlights") {
            return LineKind::StoryHighlights;
        }
        if AGENCIES.iter().any(|a| a == s) {
            return LineKind::Agency;
        }
    }
    if s.len() <= 200 {
        if s.bytes().any(|b| b.is_ascii_digit()) {
            if let Some(st) = stamps::parse_line(text, span) {
                return LineKind::Stamp(st);
            }
            if let Some(c) = credit::parse_line(text, span) {
                return LineKind::CreditLine(c);
            }
        }
        if matches!(
            first,
            b'B' | b'b' | b'W' | b'w' | b'R' | b'r' | b'P' | b'p' | b'A' | b'a'
        ) {
            if let Some(b) = byline::parse_line(text, span) {
                return LineKind::Byline(b);
            }
        }
        if first.is_ascii_uppercase() || first == b'(' {
            if let Some(d) = dateline::parse_line(text, span) {
                return LineKind::Dateline(d);
            }
        }
    }
    LineKind::Text
}

fn caption_label(text: &str, span: Span) -> Option<LineKind> {
    let s = &text[span.start..span.end];
    let head = s.get(..20.min(s.len())).unwrap_or(s).as_bytes();
    let (label, tag) = CAPTION_LABELS.iter().find(|(l, _)| {
        head.len() >= l.len() && head[..l.len()].eq_ignore_ascii_case(l.as_bytes())
    })?;
    let rest = &s[label.len()..];
    // "Image captions are ..." is prose: the label must end at a word boundary.
    if rest.chars().next().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let skip = rest.len() - rest.trim_start_matches([',', ':', ' ', '\u{a0}']).len();
    let body = trim(text, Span::new(span.start + label.len() + skip, span.end));
    Some(match tag {
        b'i' => LineKind::ImageCaption(body),
        b'm' => LineKind::MediaCaption(body),
        _ => LineKind::Credit(body),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<LineKind> {
        classify(t).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn labels_and_boilerplate() {
        let k = kinds(
            "Image caption Gunmen in Fallujah\nShare this page\nRelated Topics\n\nGetty Images",
        );
        assert!(matches!(k[0], LineKind::ImageCaption(_)));
        assert_eq!(k[1], LineKind::Boiler("share"));
        assert_eq!(k[2], LineKind::Tail("related_topics"));
        assert_eq!(k[3], LineKind::Blank);
        assert_eq!(k[4], LineKind::Agency);
    }

    #[test]
    fn gated_rules_find_the_first_row_one_set_does() {
        for rows in [&*BOILERPLATE, &*TAIL_MARKERS] {
            let rules = WholeLine::new(rows);
            let one = RegexSetBuilder::new(rows.iter().map(|(_, re)| format!("^(?:{re})$")))
                .case_insensitive(true)
                .build()
                .unwrap();
            for s in [
                "Share this page",
                "Watch the video »",
                "Read the full story. »",
                "— Jane Doe (@janedoe) July 4, 2016",
                "– jane doe",
                "(Follow Jane on Twitter)",
                "Related Topics",
                "More on this story",
                "Popular stuff around the web projects",
                "The minister said the plan was dead.",
                "Sign up for our newsletter",
                "https://example.com/x",
                "Comments",
                "12 comments",
            ] {
                assert_eq!(rules.first(s), one.matches(s).iter().next(), "{s:?}");
            }
        }
        // Some rows are gated, so the test above compares two different paths.
        assert!(!WholeLine::new(&BOILERPLATE).gated.is_empty());
    }

    #[test]
    fn prose_stays_text() {
        let k =
            kinds("Image captions are written by editors.\nShare prices fell sharply on Monday.");
        assert_eq!(k, vec![LineKind::Text, LineKind::Text]);
    }
}
