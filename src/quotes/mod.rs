//! Quotes and who said them.
//!
//! `extract` finds every quoted stretch (`marks`), reads the narration around it as a token
//! stream in which each quote is one token (`words`), looks for a speech cue and the phrase
//! naming the speaker (`cues`), and resolves pronouns and short names to the full name
//! introduced earlier (`people`). A quote with no cue of its own takes the speaker of the
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

mod cues;
mod lexicon;
mod marks;
mod people;
mod words;

use serde::Serialize;

use crate::doc::{Document, RegionKind, TextSpan};
use crate::text::{is_blank, Span};
use cues::{Ctx, Cue, Np};
use marks::{Block, Quoted};
use people::People;
use words::{Kind, Tok};

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
    /// A name with no person record (a transcript label, an organisation).
    label: Option<String>,
}

impl Who {
    fn known(&self) -> bool {
        self.mention.is_some() || self.person.is_some() || self.label.is_some()
    }
}

/// Quotes of `doc` in text order.
pub fn extract(doc: &Document) -> Vec<Quote> {
    let text = doc.text;
    let blocks: Vec<Block> = doc
        .regions
        .iter()
        .map(|r| Block {
            span: r.span,
            paragraph: r.kind == RegionKind::Paragraph,
        })
        .collect();
    let quoted = marks::find(text, &blocks);
    if quoted.is_empty() {
        return Vec::new();
    }
    // Zones: each piece of each quote with its marks, grouped by block.
    let mut zones: Vec<Vec<(Span, usize)>> = vec![Vec::new(); blocks.len()];
    for (qi, q) in quoted.iter().enumerate() {
        let n = q.parts.len();
        for (pi, p) in q.parts.iter().enumerate() {
            let Some(bi) = block_of(&blocks, p.start) else {
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
    let mut who: Vec<Who> = vec![Who::default(); quoted.len()];
    let mut scare = vec![false; quoted.len()];
    let mut direct = vec![false; quoted.len()];
    let mut people = People::default();
    let mut last: Option<Who> = None;
    let mut toks: Vec<Tok> = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let region = &doc.regions[bi];
        zones[bi].sort();
        toks.clear();
        words::tokenize(text, b.span, &zones[bi], &mut toks);
        let ends = sentence_ends(text, &toks, &quoted);
        let paragraph = doc.paragraph_of(b.span.start).filter(|_| b.paragraph);
        people::scan_block(&mut people, text, &toks, paragraph);
        let title_case = matches!(region.kind, RegionKind::Headline | RegionKind::Subheading);
        let mut ctx = Ctx {
            text,
            toks: &toks,
            ends: &ends,
            title_case,
            verbs: Vec::new(),
        };
        ctx.find_verbs();
        let ctx = ctx;
        let qtoks: Vec<(usize, usize)> = toks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| t.quote().map(|q| (i, q)))
            .collect();
        let mut found: Vec<(usize, usize, bool)> = Vec::new(); // (token, quote, own cue)
        for &(ti, qi) in &qtoks {
            let Some(q) = quoted.get(qi) else { continue };
            let first_piece = block_of(&blocks, q.inner().start) == Some(bi);
            direct[qi] |= first_piece && is_direct(text, &toks, &ends, ti, q);
            if first_piece && is_scare(text, &toks, ti, q, title_case) {
                scare[qi] = true;
                continue;
            }
            let w = if let Some(w) = transcript_label(text, q).filter(|_| first_piece) {
                w
            } else if title_case {
                headline_cue(&ctx, ti)
                    .map(|c| to_who(&ctx, &c, &mut people, paragraph))
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
                cue.map(|c| to_who(&ctx, &c, &mut people, paragraph))
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
        let mut prev_own = vec![None; found.len()];
        let mut next_own = vec![None; found.len()];
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
                .or_else(|| previous.map(|c| to_who(&ctx, &c, &mut people, paragraph)))
                .or_else(|| {
                    if words_before {
                        None
                    } else {
                        paragraph_cue(&ctx, ti).map(|c| to_who(&ctx, &c, &mut people, paragraph))
                    }
                })
                .or_else(|| if words_before { None } else { last.clone() });
            let subject = || {
                let c = ctx.clause_subject(ti)?;
                // A capitalised word opening a sentence may be any word ("Contrary to ...").
                let opens = |s: usize| s == 0 || ends.get(s - 1).copied().unwrap_or(true);
                if let Some((s, e)) = c.np.name.filter(|&(s, _)| opens(s)) {
                    if !people.plausible(text, toks.get(s..e).unwrap_or(&[])) {
                        return None;
                    }
                }
                let mut w = to_who(&ctx, &c, &mut people, paragraph);
                w.verb = None;
                Some(w)
            };
            if let Some(w) = w.or_else(subject) {
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
            let colon = toks.last().is_some_and(|t| t.is_punct(':'));
            let intro = if colon {
                toks.len()
                    .checked_sub(1)
                    .and_then(|k| ctx.clause_subject(k))
            } else {
                None
            };
            if let Some(c) = intro {
                // "Sanders made the following comment:" introduces the next paragraph's quote.
                let w = to_who(&ctx, &c, &mut people, paragraph);
                people.last_speaker = w.person.or(people.last_speaker);
                last = Some(w);
            } else if let Some(w) = reported_speech(&ctx, &mut people, paragraph) {
                people.last_speaker = w.person.or(people.last_speaker);
                last = Some(w);
            }
        }
    }
    borrow_headline_speakers(text, &blocks, doc, &quoted, &mut who);
    quoted
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let inner = q.inner();
            let region = block_of(&blocks, inner.start).and_then(|bi| doc.regions.get(bi));
            let headline = region
                .is_some_and(|r| matches!(r.kind, RegionKind::Headline | RegionKind::Subheading))
                || region.is_some_and(|r| quoted_subheading(text, r.span, q));
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
                .or_else(|| w.label.clone());
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

fn content_words(s: &str) -> Vec<String> {
    let cut = (0..=s.len().min(2000))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    s[..cut]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 3)
        .map(|w| w.to_lowercase())
        .collect()
}

/// A headline or subheading quote with no speaker of its own ('No boots on ground') takes
/// the speaker of the first body quote that holds most of its words.
fn borrow_headline_speakers(
    text: &str,
    blocks: &[Block],
    doc: &Document,
    quoted: &[Quoted],
    who: &mut [Who],
) {
    let is_head = |q: &Quoted| {
        block_of(blocks, q.inner().start)
            .and_then(|bi| doc.regions.get(bi))
            .is_some_and(|r| {
                matches!(r.kind, RegionKind::Headline | RegionKind::Subheading)
                    || quoted_subheading(text, r.span, q)
            })
    };
    let heads: Vec<usize> = (0..quoted.len())
        .filter(|&i| !who[i].known() && is_head(&quoted[i]))
        .take(20)
        .collect();
    for hi in heads {
        let hw = content_words(&text[quoted[hi].inner().start..quoted[hi].inner().end]);
        if hw.len() < 2 {
            continue;
        }
        let found = (0..quoted.len())
            .filter(|&j| j != hi && who[j].known() && !is_head(&quoted[j]))
            .find(|&j| {
                let inner = quoted[j].inner();
                let bw = content_words(&text[inner.start..inner.end]);
                let shared = hw.iter().filter(|w| bw.contains(w)).count();
                shared * 3 >= hw.len() * 2
            });
        if let Some(j) = found {
            who[hi] = who[j].clone();
        }
    }
}

/// A short title-case paragraph that is nothing but one single-quoted phrase is a
/// subheading (BBC and NYT style: 'No boots on ground').
fn quoted_subheading(text: &str, region: Span, q: &Quoted) -> bool {
    if region.len() > 300 || q.fam != marks::Family::Single {
        return false;
    }
    let close = q.close.map_or(q.inner().end, |c| c.end);
    let inner = q.inner();
    let (Some(before), Some(after), Some(words)) = (
        text.get(region.start..q.open.start),
        text.get(close..region.end),
        text.get(inner.start..inner.end),
    ) else {
        return false;
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    before.chars().all(is_blank)
        && after.chars().all(|c| is_blank(c) || c == '.')
        && !words.is_empty()
        && words.len() <= 10
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
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

/// `ends[i]`: a sentence ends after token `i` — at `.`, `!`, `?`, or after a quote whose
/// words end with one of them when a capitalised word or another quote follows.
fn sentence_ends(text: &str, toks: &[Tok], quoted: &[Quoted]) -> Vec<bool> {
    let mut ends = vec![false; toks.len()];
    for (i, t) in toks.iter().enumerate() {
        ends[i] = match t.kind {
            Kind::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Kind::Word => false,
            Kind::Quote(q) => {
                let inner = quoted.get(q).map(|q| q.inner()).unwrap_or_default();
                let s = text[inner.start..inner.end.min(t.span.end).max(inner.start)]
                    .trim_end_matches(|c: char| is_mark(c) || is_blank(c));
                let terminal = s.ends_with(['.', '!', '?', '…']);
                let next_starts = match toks.get(i + 1) {
                    None => true,
                    Some(n) => {
                        n.quote().is_some()
                            || n.is_word() && text[n.span.start..].starts_with(char::is_uppercase)
                    }
                };
                terminal && next_starts
            }
        };
    }
    if let Some(l) = ends.last_mut() {
        *l = true;
    }
    ends
}

/// A whole quoted sentence (or more): it opens a sentence, follows a colon, comma or cue, and
/// starts with a capital.
fn is_direct(text: &str, toks: &[Tok], ends: &[bool], ti: usize, q: &Quoted) -> bool {
    let inner = q.inner();
    let first = text[inner.start..inner.end]
        .chars()
        .find(|c| !is_mark(*c) && !is_blank(*c));
    let capital = first.is_some_and(|c| !c.is_lowercase());
    let opens = ti == 0
        || ends.get(ti - 1).copied().unwrap_or(true)
        || toks.get(ti - 1).is_some_and(|t| {
            matches!(t.kind, Kind::Punct(':' | ',' | '—' | '―' | '-'))
                || t.is_word() && lexicon::is_speech_verb(people::word(text, t))
        });
    capital && opens
}

/// Scare quotes, names and titles (see the module comment): HTML attribute values
/// (`author="..."`), a quote after "so-called" or "known as", a nickname between the parts of a
/// name (`Robert C. "Bobby" Scott`), a title-case phrase after a possessive or a word such as
/// "book" or "on" (`CBS's "Face the Nation"`), a parenthesised stage direction.
fn is_scare(text: &str, toks: &[Tok], ti: usize, q: &Quoted, title_case: bool) -> bool {
    let inner = q.inner();
    let s = &text[inner.start..inner.end];
    let n = crate::text::count_words(s);
    if n == 0 || n > 8 {
        return false;
    }
    if text[..q.open.start].ends_with('=')
        || s.starts_with('(') && s.trim_end_matches(['.', ',']).ends_with(')')
    {
        return true;
    }
    if title_case {
        return false;
    }
    let wd = |i: usize| {
        toks.get(i)
            .filter(|t| t.is_word())
            .map(|t| people::word(text, t).to_lowercase())
    };
    let prev1 = ti.checked_sub(1).and_then(wd);
    if n <= 6 {
        // "known as the 'city of terrorism'": an article may stand between.
        let skip = usize::from(
            prev1
                .as_deref()
                .is_some_and(|p| matches!(p, "the" | "a" | "an")),
        );
        let p1 = ti.checked_sub(1 + skip).and_then(wd);
        let p2 = ti.checked_sub(2 + skip).and_then(wd);
        let hit = lexicon::SCARE_BEFORE.iter().any(|p| match p.as_slice() {
            [a] => p1.as_deref() == Some(a),
            [a, b] => p2.as_deref() == Some(a) && p1.as_deref() == Some(b),
            _ => false,
        });
        if hit {
            return true;
        }
    }
    let cap_word = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.is_word() && people::name_token(people::word(text, t)))
    };
    if n <= 2 && ti > 0 && cap_word(ti - 1) && cap_word(ti + 1) {
        return true;
    }
    let title = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .enumerate()
        .all(|(i, w)| {
            let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || i > 0 && w.chars().count() <= 3
        });
    let possessive = ti > 0
        && toks.get(ti - 1).is_some_and(|t| {
            let w = people::word(text, t);
            t.is_word() && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'"))
        });
    // "his 2002 book, ''Make Your Kid a Millionaire''": a comma may stand between.
    let comma_then = if ti >= 2 && toks.get(ti - 1).is_some_and(|t| t.is_punct(',')) {
        wd(ti - 2)
    } else {
        None
    };
    let right_before = prev1.is_some_and(|p| lexicon::TITLE_BEFORE.contains(&p));
    // After a comma only a noun counts ("book,"), not a preposition.
    let noun_comma = comma_then.is_some_and(|p| p.len() > 2 && lexicon::TITLE_BEFORE.contains(&p));
    title && n <= 6 && (possessive || right_before || noun_comma)
}

/// "WALLACE: ..." inside a transcript quote names its speaker.
fn transcript_label(text: &str, q: &Quoted) -> Option<Who> {
    let inner = q.inner();
    let s = &text[inner.start..inner.end];
    let colon = s
        .char_indices()
        .take(30)
        .find(|&(_, c)| c == ':')
        .map(|(i, _)| i)?;
    let label = &s[..colon];
    let ok = label.len() >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-')
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2;
    ok.then(|| Who {
        mention: Some(Span::new(inner.start, inner.start + colon)),
        verb: None,
        person: None,
        label: Some(label.trim().to_string()),
    })
}

/// Headlines: "Kerry: 'No boots on the ground'", "Christie Calls Clinton 'A Disgrace'".
fn headline_cue(ctx: &Ctx, ti: usize) -> Option<Cue> {
    let colon = (ti.saturating_sub(40)..ti)
        .rev()
        .find(|&k| ctx.toks.get(k).is_some_and(|t| t.is_punct(':')));
    if let Some(c) = colon.filter(|&c| c > 0 && c <= 8) {
        let start = (0..c)
            .rev()
            .take_while(|&k| {
                ctx.toks
                    .get(k)
                    .is_some_and(|t| t.is_word() || t.is_punct('.'))
            })
            .last()
            .unwrap_or(c);
        if start < c {
            // "Kerry: ..." names someone; "Obama on Climate Change: ..." is a topic, kept as
            // the mention only.
            let clean = people::run_forward(ctx.text, ctx.toks, start) == Some(c);
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
            let end = (0..ti.min(2))
                .take_while(|&k| ctx.toks.get(k).is_some_and(|t| t.is_word()))
                .count();
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
        if ctx.toks.get(v).is_some_and(|t| t.quote().is_some()) {
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
fn reported_speech(ctx: &Ctx, people: &mut People, paragraph: Option<usize>) -> Option<Who> {
    let mut out = None;
    for v in 0..ctx.toks.len() {
        if let Some(c) = ctx.cue_at(v) {
            if c.np.name.is_some() || c.np.pronoun.is_some_and(|g| g == 'M' || g == 'F') {
                out = Some(c);
            }
        }
    }
    out.map(|c| to_who(ctx, &c, people, paragraph))
}

fn to_who(ctx: &Ctx, c: &Cue, people: &mut People, paragraph: Option<usize>) -> Who {
    let toks = ctx.toks;
    let mention = people::span_of(toks.get(c.np.start..c.np.end).unwrap_or(&[]));
    let verb = people::span_of(toks.get(c.verb..c.verb + c.verb_len).unwrap_or(&[]));
    let pos = mention.map_or(0, |m| m.start);
    let person = if let Some(g) = c.np.pronoun {
        people.resolve(g, pos, paragraph)
    } else if let Some((s, e)) = c.np.name {
        toks.get(s..e)
            .and_then(|ts| people.mention(ctx.text, ts, pos, true, paragraph, true))
    } else {
        // "the secretary": the person last introduced with that role.
        let definite = ctx
            .toks
            .get(c.np.start)
            .is_some_and(|t| people::word(ctx.text, t).eq_ignore_ascii_case("the"));
        let head =
            c.np.end
                .checked_sub(1)
                .and_then(|k| ctx.toks.get(k))
                .map(|t| people::word(ctx.text, t));
        if definite && c.np.end - c.np.start <= 3 {
            head.and_then(|h| people.by_role(h))
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
