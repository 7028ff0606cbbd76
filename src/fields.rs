//! Which record fields to compute (`fields=` in Python, `--fields` on the command line).
//!
//! Every key of the record stays present whatever is asked for; a field not asked for is
//! `None` or `[]`. Asking for a field runs what it depends on and nothing else:
//!
//! | asked for | runs |
//! | --- | --- |
//! | a layout key (`headline`, `paragraphs`, `boilerplate`, ...) or `layout` | the layout |
//! | `stats` | the layout and the sentence splitter (for `stats.sentences`) |
//! | `quotes` | layout, sentences, token stream, quotes |
//! | `entities`, `acronyms`, `sources` | layout, sentences, token stream, the entity pass (one pass gives all three) |
//! | `dates` | layout, sentences, token stream, dates |
//! | `numbers`, `counts` | layout, sentences, token stream, the amounts pass (one pass gives both) |
//! | `language` | layout, sentences, token stream, language (a bounded sample of letters) |
//! | `tone` | layout, sentences, token stream, tone |
//! | `keywords` | layout, sentences, token stream, the entity pass (entity salience), keywords |
//! | `summary` | layout, sentences, token stream, summary |
//!
//! Language is also told whenever an English-only field (quotes, entities, acronyms, sources,
//! dates, counts, tone, keywords) is asked for: for an article not in English those stay empty.
//!
//! `layout` names every layout key at once.

/// One selectable field (a record key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Field {
    Section,
    Headline,
    HeadlineAttribution,
    Byline,
    Authors,
    Dateline,
    Published,
    Updated,
    ReferenceDate,
    Images,
    Media,
    Subheadings,
    Paragraphs,
    Lead,
    Highlights,
    RelatedTopics,
    Boilerplate,
    Quotes,
    Entities,
    Acronyms,
    Sources,
    Dates,
    Numbers,
    Counts,
    Stats,
    Language,
    Tone,
    Keywords,
    Summary,
}

/// Record keys and their fields, in record order.
pub const NAMES: &[(&str, Field)] = &[
    ("section", Field::Section),
    ("headline", Field::Headline),
    ("headline_attribution", Field::HeadlineAttribution),
    ("byline", Field::Byline),
    ("authors", Field::Authors),
    ("dateline", Field::Dateline),
    ("published", Field::Published),
    ("updated", Field::Updated),
    ("reference_date", Field::ReferenceDate),
    ("images", Field::Images),
    ("media", Field::Media),
    ("subheadings", Field::Subheadings),
    ("paragraphs", Field::Paragraphs),
    ("lead", Field::Lead),
    ("highlights", Field::Highlights),
    ("related_topics", Field::RelatedTopics),
    ("boilerplate", Field::Boilerplate),
    ("quotes", Field::Quotes),
    ("entities", Field::Entities),
    ("acronyms", Field::Acronyms),
    ("sources", Field::Sources),
    ("dates", Field::Dates),
    ("numbers", Field::Numbers),
    ("counts", Field::Counts),
    ("stats", Field::Stats),
    ("language", Field::Language),
    ("tone", Field::Tone),
    ("keywords", Field::Keywords),
    ("summary", Field::Summary),
];

/// The layout keys: everything the layout stage alone gives.
const LAYOUT: &[Field] = &[
    Field::Section,
    Field::Headline,
    Field::HeadlineAttribution,
    Field::Byline,
    Field::Authors,
    Field::Dateline,
    Field::Published,
    Field::Updated,
    Field::ReferenceDate,
    Field::Images,
    Field::Media,
    Field::Subheadings,
    Field::Paragraphs,
    Field::Lead,
    Field::Highlights,
    Field::RelatedTopics,
    Field::Boilerplate,
];

/// A set of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields(u64);

impl Default for Fields {
    fn default() -> Self {
        Fields::ALL
    }
}

impl Fields {
    pub const ALL: Fields = Fields((1 << NAMES.len() as u64) - 1);
    pub const NONE: Fields = Fields(0);

    pub fn with(self, f: Field) -> Fields {
        Fields(self.0 | 1 << f as u8)
    }

    pub fn has(self, f: Field) -> bool {
        self.0 & (1 << f as u8) != 0
    }

    pub fn any(self, fs: &[Field]) -> bool {
        fs.iter().any(|&f| self.has(f))
    }

    /// The fields named by `names` (record keys, or `layout` for every layout key). An
    /// unknown name is an error that lists the valid ones.
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Fields, String> {
        let mut out = Fields::NONE;
        for name in names {
            let name = name.trim();
            if name == "layout" {
                for &f in LAYOUT {
                    out = out.with(f);
                }
                continue;
            }
            match NAMES.iter().find(|(n, _)| *n == name) {
                Some(&(_, f)) => out = out.with(f),
                None => {
                    let valid: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
                    return Err(format!(
                        "unknown field {name:?}; fields are 'layout' or any of: {}",
                        valid.join(", ")
                    ));
                }
            }
        }
        Ok(out)
    }

    /// The record keys in this set, in record order.
    pub fn names(self) -> Vec<&'static str> {
        NAMES
            .iter()
            .filter(|(_, f)| self.has(*f))
            .map(|(n, _)| *n)
            .collect()
    }

    /// Whether anything beyond the layout is needed: the sentence splitter runs only then.
    pub fn needs_sentences(self) -> bool {
        self.any(&[
            Field::Stats,
            Field::Quotes,
            Field::Entities,
            Field::Acronyms,
            Field::Sources,
            Field::Dates,
            Field::Numbers,
            Field::Counts,
            Field::Language,
            Field::Tone,
            Field::Keywords,
            Field::Summary,
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_groups_and_errors() {
        let f = Fields::parse(["quotes", "headline"]).unwrap_or(Fields::NONE);
        assert!(f.has(Field::Quotes) && f.has(Field::Headline) && !f.has(Field::Paragraphs));
        assert!(f.needs_sentences());
        let l = Fields::parse(["layout"]).unwrap_or(Fields::NONE);
        assert!(l.has(Field::Boilerplate) && l.has(Field::Section) && !l.has(Field::Stats));
        assert!(!l.needs_sentences());
        let err = Fields::parse(["quote"]).unwrap_err();
        assert!(err.contains("\"quote\"") && err.contains("quotes"), "{err}");
        assert_eq!(Fields::ALL.names().len(), NAMES.len());
        assert_eq!(Fields::parse([]).unwrap_or(Fields::ALL), Fields::NONE);
    }
}
