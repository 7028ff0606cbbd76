//! Article layout from plain text: section, headline, byline, dateline, stamps, pictures,
//! subheadings, paragraphs, highlights, related topics and the boilerplate kept out of the body.
//!
//! Two passes: `lines` says what each line is on its own; `assemble` walks the blocks (runs
//! of non-blank lines) and decides roles from context (header or body, what comes next).
//! Every non-blank line ends up in exactly one field, so nothing is silently lost.

pub mod byline;
pub mod credit;
pub mod dateline;
mod features;
mod lexicon;
pub mod lines;
mod model;
mod overlap;
mod pictures;
mod rules;
mod shape;
pub(crate) use shape::warm;
pub mod stamps;

use crate::tables::SECTIONS;
use crate::text::{count_words, Span};
pub use dateline::Dateline;
use lines::{Line, LineKind};
use pictures::{picture_groups, PictureGroup};
use shape::*;
pub use stamps::{Stamp, StampKind};

#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// From the first to the last line of the picture block.
    pub block: Span,
    pub title: Option<Span>,
    pub caption: Option<Span>,
    pub credit: Option<Span>,
    /// Index of the body paragraph the picture precedes.
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    pub block: Span,
    pub caption: Span,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subheading {
    pub span: Span,
    pub paragraph: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub section: Option<Span>,
    pub headline: Option<Span>,
    pub headline_attribution: Option<Span>,
    pub byline: Option<Span>,
    pub authors: Vec<Span>,
    pub dateline: Option<Dateline>,
    pub published: Option<Stamp>,
    pub updated: Option<Stamp>,
    pub images: Vec<Image>,
    pub media: Vec<Media>,
    pub subheadings: Vec<Subheading>,
    pub paragraphs: Vec<Span>,
    pub highlights: Vec<Span>,
    pub related_topics: Vec<Span>,
    pub boilerplate: Vec<Boilerplate>,
}

/// Parses the layout of a plain-text article.
pub fn parse(text: &str) -> Layout {
    run(text, None)
}

/// The features of every line the line classifier decided on, with the line's span: what
/// `eval/layout_train.py` learns from (through `examples/layout_features`).
pub fn trace(text: &str) -> Vec<(Span, Vec<String>)> {
    let mut out = Vec::new();
    run(text, Some(&mut out));
    out
}

fn run(text: &str, trace: Option<&mut Vec<(Span, Vec<String>)>>) -> Layout {
    let lines = lines::classify(text);
    let blank_separated = uses_blank_lines(&lines);
    let hard_wrapped = may_be_hard_wrapped(&lines);
    let mut a = Assembler {
        text,
        lines: &lines,
        out: Layout::default(),
        header: Vec::new(),
        in_header: true,
        trace,
        ..Default::default()
    };
    a.blank_separated = blank_separated;
    a.hard_wrapped = hard_wrapped;
    let blocks = blocks(&lines);
    for (bi, block) in blocks.iter().enumerate() {
        let next_has_text = blocks[bi + 1..]
            .iter()
            .any(|b| b.iter().any(|l| l.kind == LineKind::Text));
        a.block(block, next_has_text);
        a.story_highlights = false;
    }
    a.finish();
    a.out
}

/// True when paragraphs are separated by blank lines (most scrapes); false for one-sentence-
/// or one-paragraph-per-line text such as CoNLL, where a subheading cannot be told apart.
fn uses_blank_lines(lines: &[Line]) -> bool {
    let mut seen_text = false;
    let mut gap = false;
    for l in lines {
        match l.kind {
            LineKind::Blank => gap = seen_text,
            _ if gap => return true,
            _ => seen_text = true,
        }
    }
    false
}

/// Longest line a hard-wrapped text has (wire copy wraps at 60–80 characters).
const WRAP_WIDTH: usize = 160;

/// Longest body line the line classifier reads; longer ones are paragraphs.
const CLASSIFY_MAX: usize = 120;

/// Whether line breaks may fall inside paragraphs: no line is longer than a hard-wrapped
/// text's, and at least half the lines share their block with another line. Otherwise every
/// line break ends a unit (web page copies put a whole paragraph on one line, and their short
/// lines are headlines, bylines and links, not wrapped prose), and the line classifier, which
/// reads one line at a time, decides the body's lines.
fn may_be_hard_wrapped(lines: &[Line]) -> bool {
    if lines.iter().any(|l| l.span.len() > WRAP_WIDTH) {
        return false;
    }
    let mut in_blocks = 0;
    let mut total = 0;
    for b in lines.split(|l| l.kind == LineKind::Blank) {
        total += b.len();
        if b.len() > 1 {
            in_blocks += b.len();
        }
    }
    in_blocks * 2 >= total && total > 0
}

fn blocks(lines: &[Line]) -> Vec<&[Line]> {
    lines
        .split(|l| l.kind == LineKind::Blank)
        .filter(|b| !b.is_empty())
        .collect()
}

#[derive(Default)]
struct Assembler<'t, 'r> {
    text: &'t str,
    /// Every line of the text, with its kind.
    lines: &'t [Line],
    out: Layout,
    /// The line classifier's per-document data, built on first use.
    cache: Option<features::Cache>,
    /// Text units of the body seen so far, whatever became of them.
    body_units: usize,
    /// Where `trace` records features.
    trace: Option<&'r mut Vec<(Span, Vec<String>)>>,
    /// Title-like lines seen before the body starts: section and headline candidates.
    header: Vec<Span>,
    in_header: bool,
    blank_separated: bool,
    /// Whether lines may be hard-wrapped parts of one paragraph (see `may_be_hard_wrapped`).
    hard_wrapped: bool,
    tail: Option<&'static str>,
    highlight_next: bool,
    story_highlights: bool,
    /// Whether a line of running text has been seen (the first one may be a headline even
    /// when it ends with a period, as PolNeAR and Reuters titles do).
    seen_text: bool,
    /// Whether a non-text line (dateline, byline, stamp, picture...) has been seen.
    seen_special: bool,
    /// Whether the line before, in the same block of the header, was a stamp or a byline
    /// ("16 July 2012" / "Lotus of Siam, Las Vegas"): the next short line is a headline.
    after_credit: bool,
}

impl<'t> Assembler<'t, '_> {
    fn s(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    fn boiler(&mut self, span: Span, kind: &'static str) {
        self.out.boilerplate.push(Boilerplate { span, kind });
    }

    fn block(&mut self, block: &[Line], next_has_text: bool) {
        let pictures = picture_groups(self.text, block);
        let mut i = 0;
        let mut run: Vec<Span> = Vec::new();
        while i < block.len() {
            // Sorted by `first`: a scan per line would be quadratic in a block of pictures.
            let found = pictures.binary_search_by_key(&i, |g| g.first).ok();
            if let Some(g) = found.and_then(|k| pictures.get(k)) {
                self.text_run(&mut run, block.len() == 1, next_has_text);
                self.picture(block, g);
                i = g.last + 1;
                continue;
            }
            let line = &block[i];
            let new_tail = matches!(line.kind, LineKind::Tail(_));
            if line.kind == LineKind::Text && self.tail.is_none() && self.name_byline(block, i) {
                self.text_run(&mut run, false, next_has_text);
                self.out.byline = Some(line.span);
                self.out.authors = vec![line.span];
                self.seen_special = true;
                self.after_credit = self.in_header;
            } else if line.kind == LineKind::Text || self.tail.is_some() && !new_tail {
                run.push(line.span);
            } else {
                self.text_run(&mut run, false, next_has_text);
                self.special(line);
                if self.byline_role_follows(line, block.get(i + 1)) {
                    i += 1;
                }
            }
            i += 1;
        }
        let lone = block.len() == 1;
        self.text_run(&mut run, lone, next_has_text);
        self.after_credit = false;
    }

    /// A line that is only a person's or an agency's name, next to the headline or a stamp
    /// in the same block ("Mark Gurman" under the headline, "Dean Takahashi" under the date,
    /// "Jane Doe" above a closing date): the byline, unless one was found already.
    fn name_byline(&self, block: &[Line], i: usize) -> bool {
        if self.out.byline.is_some() {
            return false;
        }
        let s = self.s(block[i].span);
        if s.len() > 40 {
            return false;
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        if !(2..=4).contains(&words.len())
            || s.bytes().any(|b| b.is_ascii_digit())
            || SECTIONS.iter().any(|x| x.eq_ignore_ascii_case(s))
        {
            return false;
        }
        let name_words = words.iter().all(|w| {
            byline::is_name_word(w)
                || byline::is_name_particle(w)
                || *w == "of"
                || crate::tables::BYLINE_ORG_WORDS.iter().any(|o| o == w)
        });
        let person =
            lexicon::is_first_name(words[0]) && words[1..].iter().all(|w| byline::is_name_word(w));
        let agency = crate::tables::AGENCIES.iter().any(|a| a == s)
            || words
                .iter()
                .any(|w| crate::tables::BYLINE_ORG_WORDS.iter().any(|o| o == w));
        if !name_words || !(person || agency) {
            return false;
        }
        let dated = |l: Option<&Line>| {
            l.is_some_and(|l| matches!(l.kind, LineKind::Stamp(_) | LineKind::CreditLine(_)))
        };
        let after_headline = self.in_header
            && i > 0
            && block[i - 1].kind == LineKind::Text
            && self.out.paragraphs.is_empty();
        dated(i.checked_sub(1).and_then(|p| block.get(p)))
            || dated(block.get(i + 1))
            || after_headline
    }

    /// "By Jane Doe" followed in the same block by "BBC News" or "Diplomatic correspondent":
    /// the role line joins the byline. Returns whether `next` was taken.
    fn byline_role_follows(&mut self, line: &Line, next: Option<&Line>) -> bool {
        let (LineKind::Byline(b), Some(next)) = (&line.kind, next) else {
            return false;
        };
        let role = self.s(next.span);
        let taken = self.out.byline == Some(b.span)
            && next.kind == LineKind::Text
            && count_words(role) <= 6
            && role.starts_with(char::is_alphabetic)
            && !ends_sentence(role);
        if taken {
            self.out.byline = Some(Span::new(b.span.start, next.span.end));
        }
        taken
    }

    /// A line whose kind is not plain text.
    fn special(&mut self, line: &Line) {
        let span = line.span;
        self.seen_special = true;
        self.after_credit = self.in_header
            && matches!(
                line.kind,
                LineKind::Stamp(_) | LineKind::CreditLine(_) | LineKind::Byline(_)
            );
        match &line.kind {
            LineKind::Blank | LineKind::Text => {}
            LineKind::ImageCaption(_) | LineKind::Credit(_) => {} // handled as picture groups
            LineKind::MediaCaption(c) => {
                let paragraph = self.out.paragraphs.len();
                if c.is_empty() {
                    self.boiler(span, "caption_label");
                } else {
                    let label = self.text[span.start..c.start].trim_end_matches(|ch: char| {
                        ch == ',' || ch == ':' || crate::text::is_blank(ch)
                    });
                    self.boiler(
                        Span::new(span.start, span.start + label.len()),
                        "caption_label",
                    );
                    self.out.media.push(Media {
                        block: span,
                        caption: *c,
                        paragraph,
                    });
                }
            }
            LineKind::Agency => self.boiler(span, "credit"),
            LineKind::Boiler(kind) => self.boiler(span, kind),
            LineKind::Tail(kind) => {
                if !self.out.paragraphs.is_empty() || self.tail.is_some() {
                    self.end_header();
                    self.tail = Some(kind);
                }
                self.boiler(span, kind);
            }
            LineKind::HighlightMarker => {
                self.boiler(span, "highlight_marker");
                self.highlight_next = true;
            }
            LineKind::StoryHighlights => {
                self.boiler(span, "highlights_heading");
                self.story_highlights = true;
            }
            LineKind::Stamp(st) => {
                let slot = match st.kind {
                    Some(StampKind::Updated) => &mut self.out.updated,
                    _ => &mut self.out.published,
                };
                // A line that is only a date is never running text: the first one dates the
                // article wherever it stands (some blogs sign off "Jane Doe / 8 October 2012").
                if slot.is_none() {
                    *slot = Some(st.clone());
                } else {
                    self.boiler(span, "stamp");
                }
            }
            LineKind::Byline(b) => {
                if self.out.byline.is_none() {
                    self.out.byline = Some(b.span);
                    self.out.authors = b.authors.clone();
                } else {
                    self.paragraph_or_header(span, false, false);
                }
            }
            LineKind::CreditLine(c) => {
                // "In Depth | 24 July 2012" above the headline: the section's label.
                if let Some(label) = c.label {
                    if self.in_header && self.header.is_empty() && self.out.section.is_none() {
                        self.out.section = Some(label);
                    }
                }
                let mut used = false;
                if let Some(b) = c.byline.as_ref().filter(|_| self.out.byline.is_none()) {
                    self.out.byline = Some(b.span);
                    self.out.authors = b.authors.clone();
                    used = true;
                }
                if let Some(st) = &c.stamp {
                    let slot = match st.kind {
                        Some(StampKind::Updated) => &mut self.out.updated,
                        _ => &mut self.out.published,
                    };
                    if slot.is_none() {
                        *slot = Some(st.clone());
                        used = true;
                    }
                }
                // A credit line repeated further down the page is furniture.
                if !used {
                    self.boiler(span, "credit");
                }
            }
            LineKind::Dateline(d) => {
                if self.out.dateline.is_none() && self.out.paragraphs.len() <= 1 {
                    if let (None, Some((dspan, value))) = (&self.out.published, &d.date) {
                        self.out.published = Some(Stamp {
                            kind: None,
                            span: *dspan,
                            value: Some(value.clone()),
                        });
                    }
                    self.out.dateline = Some(d.clone());
                } else {
                    self.paragraph_or_header(span, false, false);
                }
            }
        }
    }

    fn picture(&mut self, block: &[Line], g: &PictureGroup) {
        let paragraph = self.out.paragraphs.len();
        let block_span = Span::new(block[g.first].span.start, block[g.last].span.end);
        // The labels are furniture: "Image caption" before the caption, and the whole
        // "Image copyright Getty Images" line (the credit itself stays on the picture).
        for line in &block[g.first..=g.last] {
            match line.kind {
                LineKind::ImageCaption(c) if c.start > line.span.start => {
                    let label = &self.text[line.span.start..c.start];
                    let label = label.trim_end_matches(|ch: char| {
                        ch == ',' || ch == ':' || crate::text::is_blank(ch)
                    });
                    let end = line.span.start + label.len();
                    self.boiler(Span::new(line.span.start, end), "caption_label");
                }
                LineKind::Credit(_) => self.boiler(line.span, "credit"),
                _ => {}
            }
        }
        self.out.images.push(Image {
            block: block_span,
            title: g.title.map(|i| block[i].span),
            caption: g.caption.filter(|c| !c.is_empty()),
            credit: g.credit.filter(|c| !c.is_empty()),
            paragraph,
        });
    }

    /// Consecutive plain-text lines of one block.
    fn text_run(&mut self, run: &mut Vec<Span>, lone_line: bool, next_has_text: bool) {
        if run.is_empty() {
            return;
        }
        let units = if self.tail.is_some() || self.story_highlights || !self.hard_wrapped {
            run.clone()
        } else {
            join_wrapped(self.text, run)
        };
        run.clear();
        let single = units.len() == 1 && lone_line;
        for unit in units {
            if self.tail == Some("related") && prose(self.s(unit)) {
                self.tail = None;
            }
            if let Some(kind) = self.tail {
                if kind == "related_topics" {
                    self.out.related_topics.push(unit);
                } else {
                    self.boiler(
                        unit,
                        if kind == "comments" {
                            "comment"
                        } else {
                            "tail"
                        },
                    );
                }
            } else if self.highlight_next {
                self.out.highlights.push(unit);
                self.highlight_next = false;
            } else if self.story_highlights {
                self.out.highlights.push(unit);
            } else {
                self.paragraph_or_header(unit, single, next_has_text);
            }
        }
    }

    fn paragraph_or_header(&mut self, unit: Span, lone: bool, next_has_text: bool) {
        let s = self.s(unit);
        let after_credit = std::mem::take(&mut self.after_credit);
        if self.in_header {
            let no_dateline = dateline::parse_prefix(self.text, unit).is_none();
            let first_line = !self.seen_text && !self.seen_special && no_dateline;
            // The first text of a page copy, or the line right under its date, is the
            // headline when it is short, even as a question or two sentences.
            let first_text = !self.seen_text && self.header.is_empty() && no_dateline;
            let short = short_title(s) && (after_credit || !s.ends_with('.'));
            self.seen_text = true;
            if self.header.len() < 2
                && !s.contains('\n')
                && (title_like(s)
                    || first_line && headline_sentence(self.text, unit)
                    || (first_text || after_credit) && short)
            {
                self.header.push(unit);
                return;
            }
            self.end_header();
        }
        self.seen_text = true;
        // The headline again (pages repeat it above the story): furniture.
        if self.out.headline.is_some_and(|h| self.s(h) == s) {
            self.boiler(unit, "repeat");
            return;
        }
        // A wire story's picture caption under its lead restates the lead: "White House
        // press secretary Tony Snow will step down ..." under "White House press secretary
        // Tony Snow, who is undergoing treatment for cancer, will step down ...".
        if self.out.dateline.is_some() && self.out.paragraphs.len() == 1 && self.restates_lead(unit)
        {
            self.body_units += 1;
            self.place(unit, model::Class::Caption);
            return;
        }
        // A short quotation standing alone without its own final stop is a heading ('No
        // boots on ground'); quoted sentences end with one.
        if lone && self.blank_separated && next_has_text && quoted_heading(s) {
            self.body_units += 1;
            self.place(unit, model::Class::Subheading);
            return;
        }
        if !self.hard_wrapped && (model::enabled() || self.trace.is_some()) {
            if let Some(class) = self.classify(unit) {
                self.place(unit, class);
                return;
            }
        }
        if lone && self.blank_separated && next_has_text && subheading_like(s) {
            let paragraph = self.out.paragraphs.len();
            self.out.subheadings.push(Subheading {
                span: unit,
                paragraph,
            });
            return;
        }
        self.push_paragraph(unit);
    }

    /// The line classifier's decision for a unit of the body, `None` when the unit is not
    /// one whole line. In trace mode the features are recorded and the rules decide.
    fn classify(&mut self, unit: Span) -> Option<model::Class> {
        let i = self.lines.partition_point(|l| l.span.start < unit.start);
        if self.lines.get(i).map(|l| l.span) != Some(unit) {
            return None;
        }
        let cache = self
            .cache
            .get_or_insert_with(|| features::Cache::new(self.lines));
        let ctx = features::Context {
            line: i,
            body_index: self.body_units,
            dateline: self.out.dateline.is_some(),
            headline: self.out.headline.is_some(),
        };
        self.body_units += 1;
        // A long line is a paragraph: no subheading of the dev annotations is longer than 84
        // bytes, and over the whole pool the classifier called only 11 lines of 6 articles
        // this long subheadings (captions with credits, numbered list items, promos), so
        // their features are not worth their cost. Its neighbours' features do not depend on
        // it.
        if unit.len() > CLASSIFY_MAX && self.trace.is_none() {
            return Some(model::Class::Paragraph);
        }
        if let Some(trace) = self.trace.as_deref_mut() {
            let mut feats = Vec::new();
            features::extract(self.text, self.lines, cache, ctx, &mut |f| {
                feats.push(f.to_string())
            });
            trace.push((unit, feats));
            return None;
        }
        Some(model::classify(self.text, self.lines, cache, ctx))
    }

    /// At most 40 words, no quotation, and 70% of its content words (at least five) in the lead.
    fn restates_lead(&self, unit: Span) -> bool {
        let s = self.s(unit);
        let lead = self.out.paragraphs[0];
        count_words(s) <= 40
            && !s.contains(['"', '“', '”'])
            && overlap::repeated_share(self.text, unit, lead, 5).is_some_and(|p| p >= 70)
    }

    fn place(&mut self, unit: Span, class: model::Class) {
        let paragraph = self.out.paragraphs.len();
        match class {
            model::Class::Paragraph => self.push_paragraph(unit),
            model::Class::Subheading => self.out.subheadings.push(Subheading {
                span: unit,
                paragraph,
            }),
            model::Class::Boilerplate => self.boiler(unit, "furniture"),
            model::Class::Caption => self.out.images.push(Image {
                block: unit,
                title: None,
                caption: Some(unit),
                credit: None,
                paragraph,
            }),
        }
    }

    fn push_paragraph(&mut self, unit: Span) {
        let mut unit = unit;
        // "... said.  Watch the announcement »", "... E-mail to a friend": furniture run into
        // the paragraph's end is cut off as boilerplate.
        if let Some((kind, cut)) = rules::trailing_boilerplate(self.text, unit) {
            let rest = crate::text::trim(self.text, Span::new(unit.start, cut.start));
            if !rest.is_empty() {
                self.boiler(cut, kind);
                unit = rest;
            }
        }
        if self.out.paragraphs.is_empty() && self.out.dateline.is_none() {
            if let Some(d) = dateline::parse_prefix(self.text, unit) {
                unit = crate::text::trim(self.text, Span::new(d.span.end, unit.end));
                // "SAO PAULO, Nov 7 (Reuters) -": the wire date dates the article.
                if let (None, Some((span, value))) = (&self.out.published, &d.date) {
                    self.out.published = Some(Stamp {
                        kind: None,
                        span: *span,
                        value: Some(value.clone()),
                    });
                }
                self.out.dateline = Some(d);
            }
        }
        self.out.paragraphs.push(unit);
    }

    /// The body starts: the header candidates become section and headline.
    fn end_header(&mut self) {
        if !self.in_header {
            return;
        }
        self.in_header = false;
        let header = std::mem::take(&mut self.header);
        let mut rest = header.as_slice();
        if rest.len() == 2
            && self.out.section.is_none()
            && is_section(self.s(rest[0]), self.s(rest[1]))
        {
            self.out.section = Some(rest[0]);
            rest = &rest[1..];
        }
        if let Some((&headline, more)) = rest.split_first() {
            self.out.headline = Some(headline);
            self.out.headline_attribution = attribution(self.text, headline);
            rest = more;
        }
        for &p in rest {
            self.body_unit(p);
        }
    }

    /// A unit of the body that the header held back: the classifier decides, else it is a
    /// paragraph.
    fn body_unit(&mut self, unit: Span) {
        if !self.hard_wrapped && (model::enabled() || self.trace.is_some()) {
            if let Some(class) = self.classify(unit) {
                self.place(unit, class);
                return;
            }
        }
        self.push_paragraph(unit);
    }

    fn finish(&mut self) {
        if self.in_header {
            // No body followed: title-like lines alone are just text.
            self.in_header = false;
            let header = std::mem::take(&mut self.header);
            let has_other = self.out.byline.is_some()
                || !self.out.images.is_empty()
                || self.out.published.is_some();
            // A text that is one title line (a headline without its story) is a headline;
            // one sentence with its final stop stays a paragraph.
            let title_only = header.len() == 1
                && self.out.paragraphs.is_empty()
                && !self
                    .s(header[0])
                    .trim_end_matches(['"', '\'', '”', '’'])
                    .ends_with('.');
            if header.len() >= 2 || has_other || title_only {
                self.header = header;
                self.in_header = true;
                self.end_header();
            } else {
                for p in header {
                    self.push_paragraph(p);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
