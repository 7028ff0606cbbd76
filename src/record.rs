//! The record: what one article becomes, as plain serialisable data with code-point offsets.
//!
//! Each extractor adds one field here and one function that fills it from the `Document`.

use serde::Serialize;

use crate::calendar::Date;
use crate::dates::{self, DateItem};
use crate::doc::{Document, TextSpan};
use crate::entities::{self, Acronym, Entities, Entity, Source};
use crate::keywords::{self, Keyword};
use crate::language::{self, Language};
use crate::layout::Stamp;
use crate::numbers::{self, CountItem, NumberItem};
use crate::quotes::{self, Quote};
use crate::summary::{self, SummarySentence};
use crate::text::count_words;
use crate::tone::{self, Tone};

/// Silent reading rate for non-fiction in English, words per minute (Brysbaert 2019,
/// "How many words do we read per minute?", J. Memory and Language 109).
pub const READING_WPM: f64 = 238.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub place: Option<String>,
    pub agency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StampItem {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// ISO 8601 when the stamp is absolute; `None` for "3 hours ago".
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// The whole picture block, labels included.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub title: Option<TextSpan>,
    pub caption: Option<TextSpan>,
    pub credit: Option<TextSpan>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Media {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub caption: TextSpan,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subheading {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Index of the body paragraph it precedes.
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boilerplate {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Code points in the input.
    pub characters: usize,
    /// Words in the body paragraphs.
    pub words: usize,
    /// Sentences in the body paragraphs.
    pub sentences: usize,
    pub paragraphs: usize,
    /// `words / 238` (see `READING_WPM`).
    pub reading_time_minutes: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub section: Option<TextSpan>,
    pub headline: Option<TextSpan>,
    pub headline_attribution: Option<TextSpan>,
    pub byline: Option<TextSpan>,
    pub authors: Vec<TextSpan>,
    pub dateline: Option<Dateline>,
    pub published: Option<StampItem>,
    pub updated: Option<StampItem>,
    /// The date relative expressions resolve against (ISO), or `None`.
    pub reference_date: Option<String>,
    pub images: Vec<Image>,
    pub media: Vec<Media>,
    pub subheadings: Vec<Subheading>,
    pub paragraphs: Vec<TextSpan>,
    pub lead: Option<TextSpan>,
    pub highlights: Vec<TextSpan>,
    pub related_topics: Vec<TextSpan>,
    pub boilerplate: Vec<Boilerplate>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub acronyms: Vec<Acronym>,
    pub sources: Vec<Source>,
    pub dates: Vec<DateItem>,
    pub numbers: Vec<NumberItem>,
    pub counts: Vec<CountItem>,
    pub stats: Stats,
    pub language: Language,
    /// `None` for an article not in English (the tone lexicon is English).
    pub tone: Option<Tone>,
    pub keywords: Vec<Keyword>,
    pub summary: Vec<SummarySentence>,
}

/// What a caller may say about an article besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Publication date given by the caller; wins over a date found in the text.
    pub published: Option<Date>,
    /// Sentences in `summary` (default 3; 0 for none).
    pub summary_sentences: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published: None,
            summary_sentences: summary::DEFAULT_SENTENCES,
        }
    }
}

/// Parses one article into its record.
pub fn parse(text: &str, options: &Options) -> Record {
    let doc = Document::new(text, options.published);
    build(&doc, options, None)
}

/// An HTML page's record: the article `text` extracted from the page (every span of `record`
/// indexes it) and what only markup tells (`meta`).
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlRecord {
    pub record: Record,
    pub text: String,
    pub meta: crate::html::HtmlMeta,
}

/// Parses a raw HTML page (bytes in any declared encoding) into its record.
pub fn parse_html(bytes: &[u8], url: Option<&str>, options: &Options) -> HtmlRecord {
    let page = crate::html::parse_html(bytes, url);
    let doc = Document::from_layout(&page.text, page.layout, options.published);
    let record = build(&doc, options, page.meta.language.as_deref());
    HtmlRecord {
        record,
        text: page.text,
        meta: page.meta,
    }
}

/// Builds the record of a document whose layout came from elsewhere (see
/// `Document::from_layout`).
pub fn parse_with_layout(text: &str, layout: crate::layout::Layout, options: &Options) -> Record {
    build(
        &Document::from_layout(text, layout, options.published),
        options,
        None,
    )
}

/// The record of `doc`. `declared` is the language a page declares (kept as a hint beside the
/// detected one, never used as the answer).
///
/// An article whose detected language is not English (and not `"und"`) gets its layout,
/// numbers, stats, language and summary; the English-only extractors (quotes, entities,
/// acronyms, sources, dates, counts, tone, keywords) are skipped and leave `[]` (`None` for
/// tone).
pub fn build(doc: &Document, options: &Options, declared: Option<&str>) -> Record {
    let l = &doc.layout;
    let span = |s| doc.span(s);
    let opt = |s: Option<crate::text::Span>| s.map(|s| doc.span(s));
    let stamp = |st: &Option<Stamp>| {
        st.as_ref().map(|st| {
            let t = doc.span(st.span);
            StampItem {
                text: t.text,
                start: t.start,
                end: t.end,
                value: st.value.clone(),
            }
        })
    };
    let paragraphs: Vec<TextSpan> = l.paragraphs.iter().map(|p| span(*p)).collect();
    let words: usize = l.paragraphs.iter().map(|p| count_words(doc.str(*p))).sum();
    let mut language = language::detect(doc);
    language.declared = declared.map(str::to_string);
    let english = !language.is_other();
    let (numbers, mut counts) = numbers::extract(doc);
    let Entities {
        entities,
        acronyms,
        sources,
    } = if english {
        entities::extract(doc)
    } else {
        counts.clear();
        Entities::default()
    };
    let body_sentences = doc
        .sentences
        .iter()
        .filter(|s| doc.regions[s.region].kind == crate::doc::RegionKind::Paragraph)
        .count();
    Record {
        section: opt(l.section),
        headline: opt(l.headline),
        headline_attribution: opt(l.headline_attribution),
        byline: opt(l.byline),
        authors: l.authors.iter().map(|a| span(*a)).collect(),
        dateline: l.dateline.as_ref().map(|d| {
            let t = doc.span(d.span);
            Dateline {
                text: t.text,
                start: t.start,
                end: t.end,
                place: d.place.map(|p| doc.str(p).to_string()),
                agency: d.agency.map(|a| doc.str(a).to_string()),
            }
        }),
        published: stamp(&l.published),
        updated: stamp(&l.updated),
        reference_date: doc.reference_date.map(|d| d.to_string()),
        images: l
            .images
            .iter()
            .map(|i| {
                let t = doc.span(i.block);
                Image {
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    title: opt(i.title),
                    caption: opt(i.caption),
                    credit: opt(i.credit),
                    paragraph: i.paragraph,
                }
            })
            .collect(),
        media: l
            .media
            .iter()
            .map(|m| {
                let t = doc.span(m.block);
                Media {
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    caption: span(m.caption),
                    paragraph: m.paragraph,
                }
            })
            .collect(),
        subheadings: l
            .subheadings
            .iter()
            .map(|s| {
                let t = doc.span(s.span);
                Subheading {
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    paragraph: s.paragraph,
                }
            })
            .collect(),
        lead: paragraphs.first().cloned(),
        paragraphs,
        highlights: l.highlights.iter().map(|h| span(*h)).collect(),
        related_topics: l.related_topics.iter().map(|h| span(*h)).collect(),
        boilerplate: l
            .boilerplate
            .iter()
            .map(|b| {
                let t = doc.span(b.span);
                Boilerplate {
                    text: t.text,
                    start: t.start,
                    end: t.end,
                    kind: b.kind,
                }
            })
            .collect(),
        quotes: if english {
            quotes::extract(doc)
        } else {
            Vec::new()
        },
        tone: english.then(|| tone::score(doc)),
        keywords: if english {
            keywords::extract(doc, &entities)
        } else {
            Vec::new()
        },
        summary: summary::select(doc, options.summary_sentences),
        language,
        entities,
        acronyms,
        sources,
        dates: if english {
            dates::extract(doc)
        } else {
            Vec::new()
        },
        numbers,
        counts,
        stats: Stats {
            characters: doc.char_offset(doc.text.len()),
            words,
            sentences: body_sentences,
            paragraphs: l.paragraphs.len(),
            reading_time_minutes: (words as f64 / READING_WPM * 100.0).round() / 100.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_record_fields_and_stats() {
        let t = include_str!("../tests/data/seed_article.txt");
        let r = parse(t, &Options::default());
        assert_eq!(
            r.section.as_ref().map(|s| s.text.as_str()),
            Some("Middle East")
        );
        assert_eq!(r.lead, r.paragraphs.first().cloned());
        assert_eq!(r.stats.paragraphs, 23);
        // Whitespace-separated tokens of the body with a letter or digit (the three " - " dashes are not words).
        assert_eq!(r.stats.words, 540);
        assert_eq!(r.stats.characters, t.chars().count());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["images"][0]["paragraph"], 0);
    }
}
