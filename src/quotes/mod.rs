//! Quotes and who said them.
//!
//! `extract` finds every quoted stretch (`marks`), reads the narration around it as units
//! over the document's token stream in which each quote is one unit (`view`), looks for a
//! speech cue (`cues`) and the phrase naming the speaker (`phrases`), and resolves pronouns and
//! short names to the full name introduced earlier (`people`). A quote with no cue of its own takes the speaker of the
//! nearest attributed quote in its paragraph, else (a "floating" quoted paragraph) the last
//! speaker of the article.
//!
//! Scare quotes and titles are nobody's words and come out with `kind: "scare"` and no
//! speaker (drop them if you only want attributed speech): a quote of at most eight words
//! that is an HTML attribute value (`author="..."`), follows "so-called", "known as",
//! "dubbed", "nickname" (`data/quotes/scare_before.txt`), is a nickname between the parts of
//! a name (`Robert C. "Bobby" Scott`), is a title-case phrase after a possessive or a word
//! such as "book", "show" or "on" (`CBS's "Face the Nation"`, `data/quotes/title_before.txt`),
//! or is a parenthesised stage direction ("(CROSSTALK)"). A short quote with no speaker is
//! otherwise kept as `partial`: annotators credit about half of them to someone.
//!
//! Headline and subheading quotes (and a paragraph that is only a short single-quoted
//! title-case phrase, the BBC/NYT subheading style) have `kind: "headline"`; one with no
//! speaker of its own takes the speaker of the body quote that repeats its words.
//!
//! Work is gated by the stream's flags: a document none of whose sentences holds a quote mark
//! costs nothing more, the mark scan reads only regions with a mark, and a block with no quote
//! is read only for the names in it unless it holds a speech verb or cue word (reported speech,
//! which a later floating quote goes to) or ends with a colon ("... made this comment:").

mod cues;
mod form;
mod kinds;
mod lexicon;
mod marks;
mod people;
mod phrases;
mod view;

use serde::Serialize;

use crate::doc::{Document, RegionKind, TextSpan};
use crate::lexicon::flag;
use crate::text::{is_blank, Span};
use cues::{Ctx, Cue, Np};
pub use lexicon::lexicon_words;
use marks::{Block, Quoted};
use people::People;
use view::{cls, Forms, Kind, Tok};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, inside the marks (for a multi-paragraph quote, from the first
    /// piece's start to the last piece's end).
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: Option<usize>,
    /// "direct", "partial", "headline" or "scare".
    pub kind: &'static str,
    /// Whether the quote runs on over several paragraphs (see `parts`).
    pub continues: bool,
    /// The piece in each paragraph (one piece for an ordinary quote).
    pub parts: Vec<TextSpan>,
    /// The speech cue as written ("said", "told", "according to").
    pub verb: Option<String>,
    /// The words naming the speaker where they stand ("he", "Mr Kerry", "a security source").
    pub speaker_mention: Option<TextSpan>,
    /// The canonical name of the speaker ("John Kerry"); `None` when no one is named.
    pub speaker: Option<String>,
}

/// Who a quote is attributed to, before conversion to code points.
#[derive(Debug, Clone, Default)]
struct Who {
    mention: Option<Span>,
    verb: Option<Span>,
    person: Option<usize>,
    /// A name with no person record (a transcript label).
    label: Option<Span>,
}

impl Who {
    fn known(&self) -> bool {
        self.mention.is_some() || self.person.is_some() || self.label.is_some()
    }
}

/// Quotes of `doc` in text order.
pub fn extract(doc: &Document) -> Vec<Quote> {
    let text = doc.text;
    let stream = doc.tokens();
    let sentences = stream.sentences();
    // Trigger: no quote without a quote mark.
    if !sentences.iter().any(|s| s.has(flag::QUOTE_MARK)) {
        return Vec::new();
    }
    let blocks: Vec<Block> = doc
        .regions
        .iter()
        .map(|r| Block {
            span: r.span,
            paragraph: r.kind == RegionKind::Paragraph,
        })
        .collect();
    // Each block's stream tokens (its sentences are consecutive segments) and whether one of
    // them holds a mark.
    let mut ranges: Vec<Option<(usize, usize)>> = vec![None; blocks.len()];
    let mut marked = vec![false; blocks.len()];
    for (seg, s) in sentences.iter().zip(&doc.sentences) {
        let Some(r) = ranges.get_mut(s.region) else {
            continue;
        };
        let (a, _) = r.unwrap_or((seg.start as usize, 0));
        *r = Some((a, seg.end as usize));
        marked[s.region] |= seg.has(flag::QUOTE_MARK);
    }
    let with_marks: Vec<Option<(usize, usize)>> = ranges
        .iter()
        .zip(&marked)
        .map(|(r, &m)| r.filter(|_| m))
        .collect();
    let quoted = marks::find(text, &blocks, stream, &with_marks);
    if quoted.is_empty() {
        return Vec::new();
    }
    let mut zones = zones(text, &blocks, &quoted);
    let mut who: Vec<Who> = vec![Who::default(); quoted.len()];
    let mut scare = vec![false; quoted.len()];
    let mut direct = vec![false; quoted.len()];
    let mut people = People::default();
    let mut last: Option<Who> = None;
    let mut forms = Forms::new(text, stream);
    // Buffers reused by every block, sized once for the longest.
    let longest = ranges
        .iter()
        .flatten()
        .map(|&(a, b)| b - a)
        .max()
        .unwrap_or(0)
        + 1;
    let mut toks: Vec<Tok> = Vec::with_capacity(longest);
    let mut ends: Vec<bool> = Vec::with_capacity(longest);
    let mut verbs: Vec<u8> = Vec::with_capacity(longest);
    let mut verb_units: Vec<u32> = Vec::new();
    let mut found: Vec<(usize, usize, bool)> = Vec::new(); // (unit, quote, own cue)
    let (mut prev_own, mut next_own): (Vec<Option<usize>>, Vec<Option<usize>>) = Default::default();
    for (bi, b) in blocks.iter().enumerate() {
        let region = &doc.regions[bi];
        zones[bi].sort();
        let (ta, tb) = ranges[bi].unwrap_or((0, 0));
        let words = forms.block(ta..tb, b.span.end, &zones[bi], &mut toks, &mut verb_units);
        let paragraph = doc.paragraph_of(b.span.start).filter(|_| b.paragraph);
        people::scan_block(&mut people, &forms, &toks, paragraph);
        let title_case = matches!(region.kind, RegionKind::Headline | RegionKind::Subheading);
        let colon = toks.last().is_some_and(|t| t.is_punct(':'));
        let cue_words = words & (cls::SPEECH | cls::CUE_FIRST) != 0;
        if zones[bi].is_empty() && !(b.paragraph && !title_case && (colon || cue_words)) {
            // No quote, no reported speech, no introduction: only the names counted.
            continue;
        }
        sentence_ends(text, &toks, &quoted, &mut ends);
        cues::find_verbs(text, &toks, &ends, title_case, &verb_units, &mut verbs);
        let ctx = Ctx {
            toks: &toks,
            ends: &ends,
            verbs: &verbs,
        };
        found.clear();
        for (ti, qi) in toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.quote().map(|q| (i, q)))
        {
            let Some(q) = quoted.get(qi) else { continue };
            let first_piece = block_of(&blocks, q.inner().start) == Some(bi);
            direct[qi] |= first_piece && kinds::is_direct(text, &toks, &ends, ti, q);
            if first_piece && kinds::is_scare(text, &forms, &toks, ti, q, title_case) {
                scare[qi] = true;
                continue;
            }
            let w = if let Some(w) = kinds::transcript_label(text, q).filter(|_| first_piece) {
                w
            } else if title_case {
                headline_cue(&ctx, ti)
                    .map(|c| to_who(&ctx, &forms, &c, &mut people, paragraph))
                    .unwrap_or_default()
            } else {
                let last_piece = q
                    .parts
                    .last()
                    .is_some_and(|p| b.span.start <= p.start && p.end <= b.span.end);
                let cue = ctx
                    .after(ti, open_end(text, q))
                    .filter(|_| last_piece || !first_piece)
                    .or_else(|| if first_piece { ctx.before(ti) } else { None })
                    .or_else(|| if first_piece { ctx.later(ti) } else { None });
                cue.map(|c| to_who(&ctx, &forms, &c, &mut people, paragraph))
                    .unwrap_or_default()
            };
            if w.known() && !who[qi].known() || w.known() && !first_piece {
                who[qi] = w;
            }
            found.push((ti, qi, who[qi].known()));
        }
        // Quotes with no cue of their own: the nearest attributed quote of the paragraph,
        // a cue in a later sentence for a quote opening the paragraph, else the last speaker.
        // Nearest attributed quote before and after each one, in two linear passes.
        prev_own.clear();
        prev_own.resize(found.len(), None);
        next_own.clear();
        next_own.resize(found.len(), None);
        let mut last_own = None;
        for (k, f) in found.iter().enumerate() {
            prev_own[k] = last_own;
            if f.2 {
                last_own = Some(f.1);
            }
        }
        last_own = None;
        for (k, f) in found.iter().enumerate().rev() {
            next_own[k] = last_own;
            if f.2 {
                last_own = Some(f.1);
            }
        }
        let first_word = toks.iter().position(|t| t.is_word()).unwrap_or(usize::MAX);
        for k in 0..found.len() {
            let (ti, qi, own) = found[k];
            if own || title_case {
                continue;
            }
            let prev = prev_own[k];
            let next = next_own[k];
            let words_before = first_word < ti;
            let inherited = prev.or(next).and_then(|p| who.get(p).cloned());
            let previous = if words_before && direct[qi] {
                ctx.previous_cue(ti)
            } else {
                None
            };
            let w = inherited
                .or_else(|| previous.map(|c| to_who(&ctx, &forms, &c, &mut people, paragraph)))
                .or_else(|| {
                    if words_before {
                        None
                    } else {
                        paragraph_cue(&ctx, ti)
                            .map(|c| to_who(&ctx, &forms, &c, &mut people, paragraph))
                    }
                })
                .or_else(|| if words_before { None } else { last.clone() });
            let subject = |people: &mut People| {
                let c = ctx.clause_subject(ti)?;
                // A place is the subject of a clause, not a speaker ("Japan sits on the
                // Pacific "Ring of Fire"").
                if let Some((s, e)) = c.np.name {
                    if e == s + 1 && ctx.has(s, cls::PLACE_W) {
                        return None;
                    }
                }
                // A capitalised word opening a sentence may be any word ("Contrary to ...").
                if let Some((s, e)) = c.np.name.filter(|&(s, _)| ctx.opens(s)) {
                    if !people.plausible(&forms, toks.get(s..e).unwrap_or(&[])) {
                        return None;
                    }
                }
                let mut w = to_who(&ctx, &forms, &c, people, paragraph);
                w.verb = None;
                Some(w)
            };
            if let Some(w) = w.or_else(|| subject(&mut people)) {
                who[qi] = w;
            }
        }
        for &(_, qi, _) in &found {
            if scare[qi] {
                who[qi] = Who::default();
            }
        }
        if let Some(&(_, qi, _)) = found.iter().rev().find(|f| who[f.1].known()) {
            last = Some(who[qi].clone());
            people.last_speaker = who[qi].person.or(people.last_speaker);
        } else if !title_case && b.paragraph {
            let intro = if colon {
                toks.len()
                    .checked_sub(1)
                    .and_then(|k| ctx.clause_subject(k))
            } else {
                None
            };
            if let Some(c) = intro {
                // "Sanders made the following comment:" introduces the next paragraph's quote.
                let w = to_who(&ctx, &forms, &c, &mut people, paragraph);
                people.last_speaker = w.person.or(people.last_speaker);
                last = Some(w);
            } else if let Some(w) = reported_speech(&ctx, &forms, &mut people, paragraph) {
                people.last_speaker = w.person.or(people.last_speaker);
                last = Some(w);
            }
        }
    }
    kinds::borrow_headline_speakers(text, &blocks, doc, &quoted, &mut who);
    quoted
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let inner = q.inner();
            let region = block_of(&blocks, inner.start).and_then(|bi| doc.regions.get(bi));
            let headline = region
                .is_some_and(|r| matches!(r.kind, RegionKind::Headline | RegionKind::Subheading))
                || region.is_some_and(|r| kinds::quoted_subheading(text, r.span, q));
            let kind = if headline {
                "headline"
            } else if scare[qi] {
                "scare"
            } else if direct[qi] {
                "direct"
            } else {
                "partial"
            };
            let w = &who[qi];
            let speaker = w
                .person
                .and_then(|p| people.name(p))
                .map(str::to_string)
                .or_else(|| w.label.map(|l| doc.str(l).to_string()));
            let ts = doc.span(inner);
            Quote {
                text: ts.text,
                start: ts.start,
                end: ts.end,
                paragraph: doc.paragraph_of(inner.start),
                kind,
                continues: q.parts.len() > 1,
                parts: q.parts.iter().map(|p| doc.span(*p)).collect(),
                verb: w.verb.map(|v| doc.str(v).to_string()),
                speaker_mention: w.mention.map(|m| doc.span(m)),
                speaker,
            }
        })
        .collect()
}

/// Each piece of each quote with its marks, grouped by block: `(span, quote index)`.
fn zones(text: &str, blocks: &[Block], quoted: &[Quoted]) -> Vec<Vec<(Span, usize)>> {
    let mut zones: Vec<Vec<(Span, usize)>> = vec![Vec::new(); blocks.len()];
    for (qi, q) in quoted.iter().enumerate() {
        let n = q.parts.len();
        for (pi, p) in q.parts.iter().enumerate() {
            let Some(bi) = block_of(blocks, p.start) else {
                continue;
            };
            let b = blocks[bi].span;
            let start = if pi == 0 {
                q.open.start
            } else {
                widen_left(text, b.start, p.start)
            };
            let end = match q.close {
                Some(c) if pi + 1 == n => c.end,
                _ => widen_right(text, b.end, p.end),
            };
            let zone = Span::new(start.max(b.start), end.min(b.end));
            if !zone.is_empty() {
                zones[bi].push((zone, qi));
            }
        }
    }
    zones
}

fn block_of(blocks: &[Block], pos: usize) -> Option<usize> {
    let i = blocks.partition_point(|b| b.span.end < pos);
    blocks
        .get(i)
        .filter(|b| b.span.start <= pos && pos <= b.span.end)
        .map(|_| i)
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '`' | '„'
    )
}

fn widen_left(text: &str, lo: usize, mut p: usize) -> usize {
    for (i, c) in text[lo..p].char_indices().rev().take(4) {
        if is_mark(c) || is_blank(c) {
            p = lo + i;
        } else {
            break;
        }
    }
    p
}

fn widen_right(text: &str, hi: usize, mut p: usize) -> usize {
    for c in text[p..hi].chars().take(4) {
        if is_mark(c) || is_blank(c) {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

/// Fills `ends` (`ends[i]`: a sentence ends after unit `i`): at `.`, `!`, `?`, or after a
/// quote whose words end with one of them when a capitalised word or another quote follows.
fn sentence_ends(text: &str, toks: &[Tok], quoted: &[Quoted], ends: &mut Vec<bool>) {
    ends.clear();
    for (i, t) in toks.iter().enumerate() {
        ends.push(match t.kind {
            Kind::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Kind::Word => false,
            Kind::Quote(q) => {
                let inner = quoted
                    .get(q as usize)
                    .map(|q| q.inner())
                    .unwrap_or_default();
                let s = text[inner.start..inner.end.min(t.end as usize).max(inner.start)]
                    .trim_end_matches(|c: char| is_mark(c) || is_blank(c));
                let terminal = s.ends_with(['.', '!', '?', '…']);
                let next_starts = match toks.get(i + 1) {
                    None => true,
                    Some(n) => n.quote().is_some() || n.has(cls::UPPER),
                };
                terminal && next_starts
            }
        });
    }
    if let Some(l) = ends.last_mut() {
        *l = true;
    }
}

/// Headlines: "Kerry: 'No boots on the ground'", "Christie Calls Clinton 'A Disgrace'".
fn headline_cue(ctx: &Ctx, ti: usize) -> Option<Cue> {
    let colon = (ti.saturating_sub(40)..ti)
        .rev()
        .find(|&k| ctx.punct(k, ':'));
    if let Some(c) = colon.filter(|&c| c > 0 && c <= 8) {
        let start = (0..c)
            .rev()
            .take_while(|&k| ctx.is_word(k) || ctx.punct(k, '.'))
            .last()
            .unwrap_or(c);
        if start < c {
            // "Kerry: ..." names someone; "Obama on Climate Change: ..." is a topic, kept as
            // the mention only.
            let clean = people::run_forward(ctx.toks, start) == Some(c);
            let name = clean.then_some((start, c));
            return Some(Cue {
                np: Np {
                    start,
                    end: c,
                    name,
                    pronoun: None,
                },
                verb: c,
                verb_len: 0,
            });
        }
    }
    ctx.before(ti)
        .or_else(|| ctx.after(ti, true))
        .or_else(|| ctx.later(ti))
        .or_else(|| {
            // The opening words of a headline are its subject: "Black Lawmakers Rip ...".
            let end = (0..ti.min(2)).take_while(|&k| ctx.is_word(k)).count();
            (end > 0).then_some(Cue {
                // A mention only: title case hides whether these words are a name.
                np: Np {
                    start: 0,
                    end,
                    name: None,
                    pronoun: None,
                },
                verb: end,
                verb_len: 0,
            })
        })
}

/// Whether a quote's words leave its sentence open for a cue: `"...," he said`.
fn open_end(text: &str, q: &Quoted) -> bool {
    let inner = q.inner();
    let s = text[inner.start..inner.end].trim_end_matches(|c: char| is_mark(c) || is_blank(c));
    s.ends_with([',', '?', '!', '—', '–', '-', '…', ':'])
}

/// For a quote opening its paragraph with no cue of its own: a cue in a later sentence of
/// the paragraph ("'...' That is how Smith put it.").
fn paragraph_cue(ctx: &Ctx, ti: usize) -> Option<Cue> {
    let mut v = ti + 1;
    while v < ctx.toks.len() && v < ti + 40 {
        if ctx.is_quote(v) {
            return None;
        }
        if let Some(c) = ctx.cue_at(v) {
            return Some(c);
        }
        v += 1;
    }
    None
}

/// The speaker of the last reported-speech sentence in a paragraph without quotes ("Kerry
/// said the US would help"), so that a floating quote after it goes to them.
fn reported_speech(
    ctx: &Ctx,
    forms: &Forms,
    people: &mut People,
    paragraph: Option<usize>,
) -> Option<Who> {
    let mut out = None;
    for v in 0..ctx.toks.len() {
        if ctx.verb(v).is_none() {
            continue;
        }
        if let Some(c) = ctx.cue_at(v) {
            if c.np.name.is_some() || c.np.pronoun.is_some_and(|g| g == 'M' || g == 'F') {
                out = Some(c);
            }
        }
    }
    out.map(|c| to_who(ctx, forms, &c, people, paragraph))
}

fn to_who(ctx: &Ctx, forms: &Forms, c: &Cue, people: &mut People, paragraph: Option<usize>) -> Who {
    let toks = ctx.toks;
    let mention = people::span_of(toks.get(c.np.start..c.np.end).unwrap_or(&[]));
    let verb = people::span_of(toks.get(c.verb..c.verb + c.verb_len).unwrap_or(&[]));
    let pos = mention.map_or(0, |m| m.start);
    // "the Bishop": a title alone names a role, not a person called "Bishop".
    let title =
        c.np.name
            .and_then(|(s, e)| toks.get(s).filter(|t| e == s + 1 && t.has(cls::HONORIFIC)));
    let person = if let Some(g) = c.np.pronoun {
        people.resolve(g, pos, paragraph)
    } else if let Some(t) = title {
        people.by_role(forms.token_lower(t))
    } else if let Some((s, e)) = c.np.name {
        // "Police said": an ordinary word capitalised because it opens the sentence names
        // someone only if the article named them so before.
        let common_opener = e == s + 1 && ctx.opens(s) && ctx.has(s, cls::COMMON_W);
        let body_before = s > 0 && ctx.has(s - 1, cls::BODY);
        toks.get(s..e).and_then(|ts| {
            people.mention(forms, ts, pos, true, paragraph, !common_opener, body_before)
        })
    } else {
        // "the secretary": the person last introduced with that role.
        let definite = ctx.has(c.np.start, cls::THE);
        let head = c.np.end.checked_sub(1).and_then(|k| toks.get(k));
        // A description with no role met before ("the 22-year-old", "the TV exec") keeps
        // no `speaker`: resolving it like a pronoun credited the wrong person too often on
        // the pool (issue 15).
        // "The committee", "the report" name a body or a document: never a person.
        if definite && c.np.end - c.np.start <= 3 && !head.is_some_and(|h| h.has(cls::BODY)) {
            head.and_then(|h| people.by_role(forms.lower(h)))
        } else {
            None
        }
    };
    Who {
        mention,
        verb,
        person,
        label: None,
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_nominal;

#[cfg(test)]
mod tests_kinds;
