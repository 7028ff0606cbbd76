//! The document model every extractor reads: the text, its layout, the regions of running
//! text in reading order, their sentences and (built on first use, once) the token stream with
//! its lexicon flags (`stream::Tokens`).
//!
//! Spans inside are UTF-8 byte offsets into `text`; `Document::span` turns one into the
//! record's `{text, start, end}` with code-point offsets.

use std::cell::OnceCell;

use serde::Serialize;

use crate::calendar::Date;
use crate::layout::{self, Layout};
use crate::sentences;
use crate::stream::Tokens;
use crate::text::{OffsetMap, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionKind {
    Headline,
    Subheading,
    Caption,
    Highlight,
    Paragraph,
}

/// A stretch of running text extractors read: the headline, a subheading, a picture or video
/// caption, a highlight, or a body paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub kind: RegionKind,
    pub span: Span,
    /// For a paragraph its index in `layout.paragraphs`; otherwise the index of the body
    /// paragraph it precedes (0 for the headline).
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into `Document::regions`.
    pub region: usize,
}

/// A span as records carry it: the text and its code-point offsets into the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

pub struct Document<'t> {
    pub text: &'t str,
    pub layout: Layout,
    pub regions: Vec<Region>,
    pub sentences: Vec<Sentence>,
    /// What relative dates resolve against: the caller's date, else the article's own stamp.
    pub reference_date: Option<Date>,
    offsets: OffsetMap<'t>,
    tokens: OnceCell<Tokens>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str, published: Option<Date>) -> Self {
        crate::forksafe::mark_started();
        Self::from_layout(text, layout::parse(text), published)
    }

    /// A document whose layout is already known (from an HTML page's structure, say); every
    /// span in `layout` must be a byte range of `text` on char boundaries.
    pub fn from_layout(text: &'t str, layout: Layout, published: Option<Date>) -> Self {
        Self::build(text, layout, published, true)
    }

    /// A document whose regions are split into sentences only when `split` says so (a caller
    /// that wants the layout alone skips the splitter; `sentences` is then empty).
    pub fn build(text: &'t str, layout: Layout, published: Option<Date>, split: bool) -> Self {
        let regions = regions(&layout);
        let mut sentences = Vec::new();
        if split {
            for (i, r) in regions.iter().enumerate() {
                for span in sentences::split(text, r.span) {
                    sentences.push(Sentence { span, region: i });
                }
            }
        }
        let stamped = layout
            .published
            .as_ref()
            .and_then(|p| p.value.as_deref())
            .and_then(Date::parse_iso);
        Document {
            text,
            layout,
            regions,
            sentences,
            reference_date: published.or(stamped),
            offsets: OffsetMap::new(text),
            tokens: OnceCell::new(),
        }
    }

    pub fn str(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    /// Code-point offsets of a byte span.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        self.offsets.chars(span)
    }

    pub fn char_offset(&self, byte: usize) -> usize {
        self.offsets.char_offset(byte)
    }

    pub fn span(&self, span: Span) -> TextSpan {
        let (start, end) = self.chars(span);
        TextSpan {
            text: self.str(span).to_string(),
            start,
            end,
        }
    }

    /// The token stream: every sentence's tokens in reading order (segment `i` is sentence
    /// `i`), then the dateline's and each picture title's (`Tokens::extra`, in that order),
    /// with one lexeme per distinct form. Built on first use, once.
    pub fn tokens(&self) -> &Tokens {
        self.tokens.get_or_init(|| {
            let spans: Vec<Span> = self.sentences.iter().map(|s| s.span).collect();
            let mut extra = Vec::new();
            if let Some(d) = &self.layout.dateline {
                extra.push(d.span);
            }
            extra.extend(self.layout.images.iter().filter_map(|i| i.title));
            Tokens::build(self.text, &spans, &extra)
        })
    }

    /// Index (into `layout.paragraphs`, i.e. the record's `paragraphs`) of the body paragraph
    /// holding byte offset `byte`; `None` for the headline, captions, subheadings and the rest.
    pub fn paragraph_of(&self, byte: usize) -> Option<usize> {
        let ps = &self.layout.paragraphs;
        let i = ps.partition_point(|p| p.end < byte);
        ps.get(i)
            .filter(|p| p.start <= byte && byte <= p.end)
            .map(|_| i)
    }

    /// Body paragraphs only.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Region> {
        self.regions
            .iter()
            .filter(|r| r.kind == RegionKind::Paragraph)
    }
}

fn regions(l: &Layout) -> Vec<Region> {
    let mut out = Vec::new();
    if let Some(h) = l.headline {
        out.push(Region {
            kind: RegionKind::Headline,
            span: h,
            paragraph: 0,
        });
    }
    for s in &l.subheadings {
        out.push(Region {
            kind: RegionKind::Subheading,
            span: s.span,
            paragraph: s.paragraph,
        });
    }
    for img in &l.images {
        if let Some(c) = img.caption {
            out.push(Region {
                kind: RegionKind::Caption,
                span: c,
                paragraph: img.paragraph,
            });
        }
    }
    for m in &l.media {
        out.push(Region {
            kind: RegionKind::Caption,
            span: m.caption,
            paragraph: m.paragraph,
        });
    }
    for h in &l.highlights {
        out.push(Region {
            kind: RegionKind::Highlight,
            span: *h,
            paragraph: l.paragraphs.len(),
        });
    }
    for (i, p) in l.paragraphs.iter().enumerate() {
        out.push(Region {
            kind: RegionKind::Paragraph,
            span: *p,
            paragraph: i,
        });
    }
    out.sort_by_key(|r| r.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_in_reading_order_with_sentences() {
        let t = include_str!("../tests/data/seed_article.txt");
        let d = Document::new(t, None);
        assert_eq!(d.regions[0].kind, RegionKind::Headline);
        assert_eq!(d.regions[1].kind, RegionKind::Caption);
        assert!(d
            .regions
            .windows(2)
            .all(|w| w[0].span.start < w[1].span.start));
        let paras = d.paragraphs().count();
        assert_eq!(paras, 23);
        assert!(d.sentences.len() > paras);
        assert!(!d.tokens().is_empty());
        assert!(d.reference_date.is_none());
        let p3 = d.layout.paragraphs[3];
        assert_eq!(d.paragraph_of(p3.start + 2), Some(3));
        assert_eq!(d.paragraph_of(d.layout.headline.unwrap().start), None);
    }

    #[test]
    fn reference_date_prefers_the_caller() {
        let t = "Published 5 January 2014\n\nSomething happened on Sunday.";
        let d = Document::new(t, None);
        assert_eq!(d.reference_date, Date::new(2014, 1, 5));
        let d = Document::new(t, Date::new(2020, 2, 2));
        assert_eq!(d.reference_date, Date::new(2020, 2, 2));
    }

    #[test]
    fn spans_carry_code_point_offsets() {
        let t = "Café owner said «non» today.";
        let d = Document::new(t, None);
        let p = d.span(d.layout.paragraphs[0]);
        assert_eq!((p.start, p.end), (0, t.chars().count()));
    }
}
