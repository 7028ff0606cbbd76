//! The record: what one article becomes, as plain serialisable data with code-point offsets.
//!
//! Each extractor adds one field here and one function that fills it from the `Document`.

use serde::Serialize;

use crate::calendar::Date;
use crate::dates::{self, DateItem};
use crate::doc::{Document, TextSpan};
use crate::entities::{self, Acronym, Entities, Entity, Source};
pub use crate::fields::{Field, Fields};
use crate::keywords::{self, Keyword};
use crate::language::{self, Language};
use crate::layout::Stamp;
use crate::numbers::{self, CountItem, NumberItem};
use crate::quotes::{self, Quote};
use crate::summary::{self, SummarySentence};
use crate::text::count_words;
use crate::tone::{self, Tone};
use crate::words::ContentWords;

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
    /// `None` only when not asked for (`fields`).
    pub stats: Option<Stats>,
    /// `None` only when not asked for (`fields`).
    pub language: Option<Language>,
    /// `None` for an article not in English (the tone lexicon is English) or when not asked for.
    pub tone: Option<Tone>,
    pub keywords: Vec<Keyword>,
    pub summary: Vec<SummarySentence>,
}

/// What a caller may say about an article besides its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Publication date given by the caller; wins over a date found in the text.
    pub published: Option<Date>,
    /// What relative dates resolve against when neither the caller nor the article gives a
    /// date (a web archive record's capture date).
    pub fallback_date: Option<Date>,
    /// The record fields to compute (all by default); the others stay `None` or empty.
    pub fields: Fields,
    /// Sentences in `summary` (default 3; 0 for none).
    pub summary_sentences: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published: None,
            fallback_date: None,
            fields: Fields::ALL,
            summary_sentences: summary::DEFAULT_SENTENCES,
        }
    }
}

/// Parses one article into its record.
pub fn parse(text: &str, options: &Options) -> Record {
    crate::forksafe::mark_started();
    let layout = crate::layout::parse(text);
    parse_with_layout(text, layout, options)
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
    let record = record_of(
        &page.text,
        page.layout,
        options,
        page.meta.language.as_deref(),
    );
    HtmlRecord {
        record,
        text: page.text,
        meta: page.meta,
    }
}

/// Builds the record of a document whose layout came from elsewhere (see
/// `Document::from_layout`).
pub fn parse_with_layout(text: &str, layout: crate::layout::Layout, options: &Options) -> Record {
    record_of(text, layout, options, None)
}

/// The record of a text and its layout; `declared` is the language a page declares.
fn record_of(
    text: &str,
    layout: crate::layout::Layout,
    options: &Options,
    declared: Option<&str>,
) -> Record {
    let f = options.fields;
    let mut doc = Document::build(text, layout, options.published, f.needs_sentences());
    doc.reference_date = doc.reference_date.or(options.fallback_date);
    build_fields(&doc, options, declared)
}

/// The whole record of a document.
pub fn build(doc: &Document) -> Record {
    build_fields(doc, &Options::default(), None)
}

/// The fields that are skipped for an article not in English.
const ENGLISH_ONLY: &[Field] = &[
    Field::Quotes,
    Field::Entities,
    Field::Acronyms,
    Field::Sources,
    Field::Dates,
    Field::Counts,
    Field::Tone,
    Field::Keywords,
];

/// The record of `doc` with only `options.fields` computed (see `fields`). `declared` is the
/// language a page declares (kept as a hint beside the detected one, never used as the answer).
///
/// An article whose detected language is not English (told with confidence, see
/// `Language::is_other`) gets its layout, numbers, stats, language and summary; the
/// English-only extractors (quotes, entities, acronyms, sources, dates, counts, tone, keywords)
/// are skipped and leave `[]` (`None` for tone).
pub fn build_fields(doc: &Document, options: &Options, declared: Option<&str>) -> Record {
    let fields = options.fields;
    let f = |x: Field| fields.has(x);
    let l = &doc.layout;
    let span = |s| doc.span(s);
    let opt = |x: Field, s: Option<crate::text::Span>| s.filter(|_| f(x)).map(|s| doc.span(s));
    let list = |x: Field, v: &[crate::text::Span]| -> Vec<TextSpan> {
        if f(x) {
            v.iter().map(|s| span(*s)).collect()
        } else {
            Vec::new()
        }
    };
    let stamp = |x: Field, st: &Option<Stamp>| {
        st.as_ref().filter(|_| f(x)).map(|st| {
            let t = doc.span(st.span);
            StampItem {
                text: t.text,
                start: t.start,
                end: t.end,
                value: st.value.clone(),
            }
        })
    };
    let paragraphs = list(Field::Paragraphs, &l.paragraphs);
    let lead = if f(Field::Lead) {
        l.paragraphs.first().map(|p| span(*p))
    } else {
        None
    };
    // The language gates the English-only extractors: told whenever one of them is asked for.
    let language = if fields.any(ENGLISH_ONLY) || f(Field::Language) {
        let mut language = language::detect(doc);
        language.declared = declared.map(str::to_string);
        Some(language)
    } else {
        None
    };
    let english = !language.as_ref().is_some_and(Language::is_other);
    let en = |x: Field| english && f(x);
    // Keywords and summary compare content words across sentences: one view, built once.
    let words = (en(Field::Keywords) || f(Field::Summary) && options.summary_sentences > 0)
        .then(|| ContentWords::new(doc.tokens()));
    let (numbers, counts) = if fields.any(&[Field::Numbers, Field::Counts]) {
        let (n, c) = numbers::extract(doc);
        (
            if f(Field::Numbers) { n } else { Vec::new() },
            if en(Field::Counts) { c } else { Vec::new() },
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let (entities, acronyms, sources) = if english
        && fields.any(&[
            Field::Entities,
            Field::Acronyms,
            Field::Sources,
            Field::Keywords,
        ]) {
        let Entities {
            entities,
            acronyms,
            sources,
        } = entities::extract(doc);
        (
            entities, // filtered below: keywords read them
            if f(Field::Acronyms) {
                acronyms
            } else {
                Vec::new()
            },
            if f(Field::Sources) {
                sources
            } else {
                Vec::new()
            },
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    Record {
        section: opt(Field::Section, l.section),
        headline: opt(Field::Headline, l.headline),
        headline_attribution: opt(Field::HeadlineAttribution, l.headline_attribution),
        byline: opt(Field::Byline, l.byline),
        authors: list(Field::Authors, &l.authors),
        dateline: l.dateline.as_ref().filter(|_| f(Field::Dateline)).map(|d| {
            let t = doc.span(d.span);
            Dateline {
                text: t.text,
                start: t.start,
                end: t.end,
                place: d.place.map(|p| doc.str(p).to_string()),
                agency: d.agency.map(|a| doc.str(a).to_string()),
            }
        }),
        published: stamp(Field::Published, &l.published),
        updated: stamp(Field::Updated, &l.updated),
        reference_date: doc
            .reference_date
            .filter(|_| f(Field::ReferenceDate))
            .map(|d| d.to_string()),
        images: if f(Field::Images) {
            l.images
                .iter()
                .map(|i| {
                    let t = doc.span(i.block);
                    Image {
                        text: t.text,
                        start: t.start,
                        end: t.end,
                        title: i.title.map(span),
                        caption: i.caption.map(span),
                        credit: i.credit.map(span),
                        paragraph: i.paragraph,
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
        media: if f(Field::Media) {
            l.media
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
                .collect()
        } else {
            Vec::new()
        },
        subheadings: if f(Field::Subheadings) {
            l.subheadings
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
                .collect()
        } else {
            Vec::new()
        },
        lead,
        paragraphs,
        highlights: list(Field::Highlights, &l.highlights),
        related_topics: list(Field::RelatedTopics, &l.related_topics),
        boilerplate: if f(Field::Boilerplate) {
            l.boilerplate
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
                .collect()
        } else {
            Vec::new()
        },
        quotes: if en(Field::Quotes) {
            quotes::extract(doc)
        } else {
            Vec::new()
        },
        tone: en(Field::Tone).then(|| tone::score(doc)),
        keywords: match &words {
            Some(w) if en(Field::Keywords) => keywords::extract_with(doc, w, &entities),
            _ => Vec::new(),
        },
        summary: match &words {
            Some(w) if f(Field::Summary) => summary::select_with(doc, w, options.summary_sentences),
            _ => Vec::new(),
        },
        language: language.filter(|_| f(Field::Language)),
        entities: if f(Field::Entities) {
            entities
        } else {
            Vec::new()
        },
        acronyms,
        sources,
        dates: if en(Field::Dates) {
            dates::extract(doc)
        } else {
            Vec::new()
        },
        numbers,
        counts,
        stats: f(Field::Stats).then(|| stats(doc)),
    }
}

/// Counts of the article: code points of the input, words and sentences of the body.
fn stats(doc: &Document) -> Stats {
    let l = &doc.layout;
    let words: usize = l.paragraphs.iter().map(|p| count_words(doc.str(*p))).sum();
    let body_sentences = doc
        .sentences
        .iter()
        .filter(|s| doc.regions[s.region].kind == crate::doc::RegionKind::Paragraph)
        .count();
    Stats {
        characters: doc.char_offset(doc.text.len()),
        words,
        sentences: body_sentences,
        paragraphs: l.paragraphs.len(),
        reading_time_minutes: (words as f64 / READING_WPM * 100.0).round() / 100.0,
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
        let stats = r.stats.clone().unwrap_or_else(|| panic!("stats asked for"));
        assert_eq!(stats.paragraphs, 23);
        // Whitespace-separated tokens of the body with a letter or digit (the three " - " dashes are not words).
        assert_eq!(stats.words, 540);
        assert_eq!(stats.characters, t.chars().count());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["images"][0]["paragraph"], 0);
    }

    #[test]
    fn field_names_are_the_record_keys() {
        let r = parse("Title\n\nBody.", &Options::default());
        let json = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut names = Fields::ALL.names();
        let mut keys = keys;
        names.sort_unstable();
        keys.sort_unstable();
        assert_eq!(names, keys);
    }

    #[test]
    fn fields_not_asked_for_stay_empty_and_the_rest_is_unchanged() {
        let t = include_str!("../tests/data/seed_article.txt");
        let all = parse(t, &Options::default());
        let fields = Fields::parse(["quotes", "headline"]).unwrap_or(Fields::ALL);
        let some = parse(
            t,
            &Options {
                fields,
                ..Options::default()
            },
        );
        assert_eq!(some.quotes, all.quotes);
        assert!(!some.quotes.is_empty());
        assert_eq!(some.headline, all.headline);
        assert!(some.paragraphs.is_empty() && some.entities.is_empty() && some.dates.is_empty());
        assert!(some.stats.is_none() && some.section.is_none() && some.lead.is_none());
        // Each field alone equals the same field of the whole record.
        let whole = serde_json::to_value(&all).unwrap();
        for name in Fields::ALL.names() {
            let one = Fields::parse([name]).unwrap_or(Fields::ALL);
            let r = parse(
                t,
                &Options {
                    fields: one,
                    ..Options::default()
                },
            );
            let v = serde_json::to_value(&r).unwrap();
            assert_eq!(v[name], whole[name], "{name}");
        }
        let layout = parse(
            t,
            &Options {
                fields: Fields::parse(["layout"]).unwrap_or(Fields::ALL),
                ..Options::default()
            },
        );
        assert_eq!(layout.paragraphs, all.paragraphs);
        assert_eq!(layout.boilerplate, all.boilerplate);
        assert!(layout.quotes.is_empty() && layout.stats.is_none());
    }
}
