//! Finding quote marks and pairing them into quoted spans.
//!
//! Each mark is classified from its neighbours: an opening mark follows a blank, a bracket or a
//! dash and precedes a word; a closing mark follows a word or punctuation and precedes a blank,
//! punctuation or the end. An apostrophe between two letters ("Iraq's", "don't") or before a
//! year or an elision ("'90s", "'em") is not a mark. Pairing is one left-to-right pass per
//! family (double marks, guillemets, then single marks outside double-quoted text), so any
//! number of unmatched marks costs linear time: an opening mark that meets another opening
//! mark is given up, a closing mark with nothing open is ignored.
//!
//! A quote left open at the end of a paragraph whose next paragraph opens with a mark of the
//! same family continues there (the newspaper convention for a multi-paragraph quote).

use crate::lexicon::flag;
use crate::stream::Tokens;
use crate::text::{is_blank, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Guillemet,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    fam: Family,
    dir: Dir,
    region: usize,
}

/// A region as the scanner sees it: its span and whether it is a body paragraph (only those
/// carry multi-paragraph quotes).
#[derive(Debug, Clone, Copy)]
pub struct Block {
    pub span: Span,
    pub paragraph: bool,
}

/// A quoted stretch: the inner text of each paragraph it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub parts: Vec<Span>,
    pub open: Span,
    pub close: Option<Span>,
    pub fam: Family,
    pub block: usize,
}

impl Quoted {
    pub fn inner(&self) -> Span {
        let s = self.parts.first().map_or(self.open.end, |p| p.start);
        let e = self.parts.last().map_or(s, |p| p.end);
        Span::new(s, e)
    }
}

fn opening_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            is_blank(c)
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '‘'
                        | '"'
                        | '«'
                        | '\u{2015}'
                        | ':'
                )
        }
    }
}

fn closing_context(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => {
            is_blank(c)
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '”'
                        | '’'
                        | '"'
                        | '\''
                        | '»'
                        | '…'
                        | '/'
                        | '\u{2015}'
                )
        }
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Whether the apostrophe at `i` opens an elision or a year ("'90s", "'em", "'til").
fn elision_after(s: &str) -> bool {
    let w: String = s
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .take(6)
        .collect();
    if w.len() >= 2 && w.bytes().take(2).all(|b| b.is_ascii_digit()) {
        return w.len() == 2 || w.ends_with('s');
    }
    matches!(
        w.to_lowercase().as_str(),
        "em" | "til" | "cause" | "n" | "tis" | "twas" | "bout" | "round" | "cos" | "s"
    )
}

/// A transcript line opens with its speaker ("WALLACE: ..."): a new quote, not the
/// continuation of the previous one.
pub fn speaker_label(s: &str) -> bool {
    let Some((label, _)) = s.split_once(':') else {
        return false;
    };
    label.len() <= 30
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// The marks of each block, read off the token stream: a quote mark is a token of its own
/// (the lexicon's `QUOTE_MARK` flag) unless it is an apostrophe between two letters, which is
/// never a mark. `ranges[i]`: the stream tokens of block `i`, `None` for a block without marks.
fn scan(
    text: &str,
    blocks: &[Block],
    stream: &Tokens,
    ranges: &[Option<(usize, usize)>],
    out: &mut Vec<Mark>,
) {
    for (bi, b) in blocks.iter().enumerate() {
        let Some((ta, tb)) = ranges.get(bi).copied().flatten() else {
            continue;
        };
        let s = &text[b.span.start..b.span.end];
        let mut k = ta;
        while k < tb {
            let Some(t) = stream.toks.get(k) else { break };
            k += 1;
            if stream.lexemes[t.lex as usize].flags & flag::QUOTE_MARK == 0 {
                continue;
            }
            let Some(i) = (t.start as usize).checked_sub(b.span.start) else {
                continue;
            };
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                continue;
            };
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].chars().next();
            let at = b.span.start + i;
            let mut push = |len: usize, fam: Family, dir: Dir| {
                out.push(Mark {
                    span: Span::new(at, at + len),
                    fam,
                    dir,
                    region: bi,
                });
            };
            match c {
                '"' => push(1, Family::Double, either(prev, next)),
                '“' | '„' => {
                    let d = if closing_context(next) && !opening_context(prev) {
                        Dir::Close
                    } else {
                        Dir::Open
                    };
                    push(c.len_utf8(), Family::Double, d)
                }
                '”' => {
                    let d = if opening_context(prev) && !closing_context(next) {
                        Dir::Open
                    } else {
                        Dir::Close
                    };
                    push(c.len_utf8(), Family::Double, d)
                }
                '«' => push(c.len_utf8(), Family::Guillemet, Dir::Open),
                '»' => push(c.len_utf8(), Family::Guillemet, Dir::Close),
                '`' if next == Some('`') => {
                    // The second backtick is the next token.
                    k += 1;
                    push(2, Family::Double, Dir::Open);
                }
                '\'' if next == Some('\'') => {
                    k += 1;
                    let after = s[i + 2..].chars().next();
                    push(2, Family::Double, either(prev, after));
                }
                '\'' | '‘' | '’' => {
                    if let Some(d) = single(c, prev, next, &s[i + c.len_utf8()..]) {
                        push(c.len_utf8(), Family::Single, d);
                    }
                }
                _ => {}
            }
        }
    }
}

fn either(prev: Option<char>, next: Option<char>) -> Dir {
    match (opening_context(prev), closing_context(next)) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

fn single(c: char, prev: Option<char>, next: Option<char>, rest: &str) -> Option<Dir> {
    if is_word(prev) && is_word(next) {
        return None;
    }
    if opening_context(prev) && (is_word(next) || matches!(next, Some('"' | '“' | '$' | '…' | '.')))
    {
        if c != '‘' && elision_after(rest)
            || c == '‘' && rest.starts_with(|d: char| d.is_ascii_digit()) && elision_after(rest)
        {
            return None;
        }
        return Some(Dir::Open);
    }
    if c != '‘'
        && (is_word(prev)
            || matches!(
                prev,
                Some('.' | ',' | '!' | '?' | ';' | '…' | ')' | '-' | '—')
            ))
        && closing_context(next)
    {
        return Some(Dir::Close);
    }
    None
}

/// Pairs the marks of one family. `skip` says whether a mark lies inside text already quoted
/// by an earlier family (sorted spans, walked with a cursor).
fn pair(
    text: &str,
    blocks: &[Block],
    marks: &[Mark],
    fam: Family,
    skip: &[Span],
    out: &mut Vec<Quoted>,
) {
    struct Open {
        mark: Span,
        inner_start: usize,
        parts: Vec<Span>,
        block: usize,
        region: usize,
        /// Opened by an unambiguous opening mark (not a straight quote between blanks).
        clear: bool,
    }
    let mut cur: Option<Open> = None;
    let mut cursor = 0;
    let mut k = 0;
    let fam_marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.fam == fam)
        .filter(|m| {
            while cursor < skip.len() && skip[cursor].end <= m.span.start {
                cursor += 1;
            }
            skip.get(cursor).is_none_or(|s| s.start > m.span.start)
        })
        .collect();
    let close_region = |cur: &mut Option<Open>,
                        region: usize,
                        next_mark: Option<&&Mark>,
                        out: &mut Vec<Quoted>| {
        let Some(mut o) = cur.take() else { return };
        let Some(b) = blocks.get(region) else { return };
        let part = Span::new(o.inner_start, b.span.end);
        let next_block = blocks.get(region + 1);
        let continues = b.paragraph
            && next_block.is_some_and(|nb| nb.paragraph)
            && next_mark.is_some_and(|m| {
                m.region == region + 1
                    && m.dir != Dir::Close
                    && text[blocks[region + 1].span.start..m.span.start]
                        .chars()
                        .all(is_blank)
                    && !speaker_label(&text[m.span.end..blocks[region + 1].span.end])
            });
        if continues {
            o.parts.push(part);
            *cur = Some(o);
            return;
        }
        // A paragraph that opens with a mark and never closes it is still a quote (a
        // forgotten closing mark); anything else left open is dropped.
        let at_start = text
            .get(b.span.start..o.mark.start)
            .is_some_and(|t| t.chars().all(is_blank));
        if at_start || !o.parts.is_empty() {
            o.parts.push(part);
            out.push(Quoted {
                parts: o.parts,
                open: o.mark,
                close: None,
                fam,
                block: o.block,
            });
        }
    };
    while k < fam_marks.len() {
        let m = fam_marks[k];
        if let Some(o) = &cur {
            if o.region != m.region {
                let r = o.region;
                close_region(&mut cur, r, Some(&m), out);
                if let Some(o) = &mut cur {
                    // Continuation: this mark opens the next paragraph's piece.
                    o.region = m.region;
                    o.inner_start = m.span.end;

                    k += 1;
                    continue;
                }
            }
        }
        match (&mut cur, m.dir) {
            (None, Dir::Open | Dir::Either) => {
                cur = Some(Open {
                    mark: m.span,
                    inner_start: m.span.end,
                    parts: Vec::new(),
                    block: m.region,
                    region: m.region,
                    clear: m.dir == Dir::Open,
                });
            }
            (None, Dir::Close) => {}
            (Some(o), Dir::Close | Dir::Either) => {
                let mut parts = std::mem::take(&mut o.parts);
                parts.push(Span::new(o.inner_start, m.span.start));
                out.push(Quoted {
                    parts,
                    open: o.mark,
                    close: Some(m.span),
                    fam,
                    block: o.block,
                });
                cur = None;
            }
            (Some(o), Dir::Open) => {
                if o.parts.is_empty()
                    && o.clear
                    && crate::text::count_words_upto(&text[o.inner_start..m.span.start], 2) >= 2
                {
                    // A clear opening mark followed by another: the first quote stops where the
                    // second starts (a nested or unclosed quote), as annotators split them.
                    let part = Span::new(o.inner_start, m.span.start);
                    out.push(Quoted {
                        parts: vec![part],
                        open: o.mark,
                        close: None,
                        fam,
                        block: o.block,
                    });
                    cur = Some(Open {
                        mark: m.span,
                        inner_start: m.span.end,
                        parts: Vec::new(),
                        block: m.region,
                        region: m.region,
                        clear: true,
                    });
                } else if o.parts.is_empty() {
                    o.clear = true;
                    o.mark = m.span;
                    o.inner_start = m.span.end;
                    o.block = m.region;
                } else {
                    // A continued quote interrupted by a fresh opening: keep what we have.
                    let mut parts = std::mem::take(&mut o.parts);
                    if let Some(last) = parts.last_mut() {
                        last.end = last.end.max(last.start);
                    }
                    let (mark, block) = (o.mark, o.block);
                    parts.retain(|p| !p.is_empty());
                    if !parts.is_empty() {
                        out.push(Quoted {
                            parts,
                            open: mark,
                            close: None,
                            fam,
                            block,
                        });
                    }
                    cur = Some(Open {
                        mark: m.span,
                        inner_start: m.span.end,
                        parts: Vec::new(),
                        block: m.region,
                        region: m.region,
                        clear: m.dir == Dir::Open,
                    });
                }
            }
        }
        k += 1;
    }
    if let Some(o) = &cur {
        let r = o.region;
        close_region(&mut cur, r, None, out);
    }
}

/// Every quoted stretch in `blocks`, in text order, with blank inner text dropped; `ranges`
/// are the blocks' tokens in `stream` (`None` for a block with no mark, not read).
pub fn find(
    text: &str,
    blocks: &[Block],
    stream: &Tokens,
    ranges: &[Option<(usize, usize)>],
) -> Vec<Quoted> {
    let mut marks = Vec::new();
    scan(text, blocks, stream, ranges, &mut marks);
    let mut out = Vec::new();
    pair(text, blocks, &marks, Family::Double, &[], &mut out);
    let mut covered: Vec<Span> = out.iter().flat_map(|q| q.parts.iter().copied()).collect();
    covered.sort();
    pair(text, blocks, &marks, Family::Guillemet, &covered, &mut out);
    covered = out.iter().flat_map(|q| q.parts.iter().copied()).collect();
    covered.sort();
    pair(text, blocks, &marks, Family::Single, &covered, &mut out);
    for q in &mut out {
        for p in &mut q.parts {
            *p = crate::text::trim(text, *p);
        }
        q.parts.retain(|p| !p.is_empty());
    }
    out.retain(|q| !q.parts.is_empty());
    out.sort_by_key(|q| q.open.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> Vec<String> {
        let spans: Vec<Span> = crate::text::lines(t)
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        let blocks: Vec<Block> = spans
            .iter()
            .map(|&span| Block {
                span,
                paragraph: true,
            })
            .collect();
        let stream = Tokens::build(t, &spans, &[]);
        let ranges: Vec<Option<(usize, usize)>> = stream
            .segments
            .iter()
            .map(|s| Some((s.start as usize, s.end as usize)))
            .collect();
        find(t, &blocks, &stream, &ranges)
            .iter()
            .map(|q| {
                q.parts
                    .iter()
                    .map(|p| &t[p.start..p.end])
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn every_mark_style() {
        assert_eq!(
            quotes("He said \"yes\" and “no” and «peut-être»."),
            vec!["yes", "no", "peut-être"]
        );
        assert_eq!(
            quotes("''This isn't reform,'' said Mr. Smith. ``Old style,'' he added."),
            vec!["This isn't reform,", "Old style,"]
        );
        assert_eq!(quotes("'No boots on ground'"), vec!["No boots on ground"]);
        assert_eq!(
            quotes("Kerry: ‘We will not send troops’ to Iraq's west"),
            vec!["We will not send troops"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(quotes("Iraq's army and the '90s; don't rock 'n' roll, 'em all").is_empty());
        assert_eq!(
            quotes("the Clintons' plan was 'bold', he said"),
            vec!["bold"]
        );
    }

    #[test]
    fn single_marks_inside_doubles_stay_nested() {
        assert_eq!(
            quotes("\"It feels like, 'Meh, later,'\" he said."),
            vec!["It feels like, 'Meh, later,'"]
        );
        assert_eq!(
            quotes("\"PENCE: Well, she thinks this is “Shark Tank.” But no.\""),
            vec!["PENCE: Well, she thinks this is", "Shark Tank."]
        );
    }

    #[test]
    fn continued_quotes_join_their_paragraphs() {
        let t = "\"First part.\n\"Second part.\"\nNot quoted.";
        assert_eq!(quotes(t), vec!["First part.|Second part."]);
    }

    #[test]
    fn unbalanced_marks_spare_the_rest() {
        assert_eq!(
            quotes("A \" stray. Then \"real one\" here."),
            vec!["real one"]
        );
        assert_eq!(quotes("Closing” only, then “fine”."), vec!["fine"]);
    }

    #[test]
    fn many_unmatched_marks_are_handled() {
        let t = "“a ".repeat(10_000);
        let _ = quotes(&t);
        let t2 = "'".repeat(20_000) + &"\"".repeat(10_001);
        let _ = quotes(&t2);
    }
}
