//! The Arrow schema of a batch of records: one column per record key (as in the dicts), plus
//! `text` and `html` for pages, `path` for files and `error` for failed items.
//!
//! Written out by hand rather than traced from samples so that it is the same for every
//! batch (an empty list never turns a column's type into `null`) and can be documented.
//! Offsets and counts are `int64` (pandas and polars handle signed integers best), text is
//! `large_utf8` (a batch of long pages can pass 2 GB of string data in one column), optional
//! values are nullable, and every top-level column is nullable because a missing input or a
//! failure with `on_error="null"` is a row of nulls.

use std::sync::{Arc, LazyLock};

use arrow_schema::{DataType, Field, FieldRef, Fields, Schema};

fn utf8(name: &str) -> Field {
    Field::new(name, DataType::LargeUtf8, false)
}

fn opt_utf8(name: &str) -> Field {
    Field::new(name, DataType::LargeUtf8, true)
}

fn int(name: &str) -> Field {
    Field::new(name, DataType::Int64, false)
}

fn opt_int(name: &str) -> Field {
    Field::new(name, DataType::Int64, true)
}

fn float(name: &str) -> Field {
    Field::new(name, DataType::Float64, false)
}

fn opt_float(name: &str) -> Field {
    Field::new(name, DataType::Float64, true)
}

fn boolean(name: &str) -> Field {
    Field::new(name, DataType::Boolean, false)
}

fn structure(name: &str, fields: Vec<Field>, nullable: bool) -> Field {
    Field::new(name, DataType::Struct(Fields::from(fields)), nullable)
}

fn list_of(name: &str, item: DataType) -> Field {
    let item = Field::new("item", item, false);
    Field::new(name, DataType::List(Arc::new(item)), false)
}

fn list_of_structs(name: &str, fields: Vec<Field>) -> Field {
    list_of(name, DataType::Struct(Fields::from(fields)))
}

fn list_of_strings(name: &str) -> Field {
    list_of(name, DataType::LargeUtf8)
}

/// `text`, `start`, `end` and whatever else the item has.
fn span_with(extra: Vec<Field>) -> Vec<Field> {
    let mut f = vec![utf8("text"), int("start"), int("end")];
    f.extend(extra);
    f
}

fn span(name: &str, nullable: bool) -> Field {
    structure(name, span_with(vec![]), nullable)
}

fn spans(name: &str) -> Field {
    list_of_structs(name, span_with(vec![]))
}

fn mention(name: &str) -> Field {
    structure(name, span_with(vec![opt_int("paragraph")]), false)
}

/// The columns every record has, in the order of `Record`'s fields.
fn record_fields() -> Vec<Field> {
    vec![
        span("section", true),
        span("headline", true),
        span("headline_attribution", true),
        span("byline", true),
        spans("authors"),
        structure(
            "dateline",
            span_with(vec![opt_utf8("place"), opt_utf8("agency")]),
            true,
        ),
        structure("published", span_with(vec![opt_utf8("value")]), true),
        structure("updated", span_with(vec![opt_utf8("value")]), true),
        opt_utf8("reference_date"),
        list_of_structs(
            "images",
            span_with(vec![
                span("title", true),
                span("caption", true),
                span("credit", true),
                int("paragraph"),
            ]),
        ),
        list_of_structs(
            "media",
            span_with(vec![span("caption", false), int("paragraph")]),
        ),
        list_of_structs("subheadings", span_with(vec![int("paragraph")])),
        spans("paragraphs"),
        span("lead", true),
        spans("highlights"),
        spans("related_topics"),
        list_of_structs("boilerplate", span_with(vec![utf8("kind")])),
        list_of_structs(
            "quotes",
            span_with(vec![
                opt_int("paragraph"),
                utf8("kind"),
                boolean("continues"),
                spans("parts"),
                opt_utf8("verb"),
                span("speaker_mention", true),
                opt_utf8("speaker"),
            ]),
        ),
        list_of_structs(
            "entities",
            vec![
                utf8("name"),
                utf8("label"),
                list_of_strings("aliases"),
                list_of_structs("mentions", span_with(vec![opt_int("paragraph")])),
                int("count"),
                int("first"),
                float("salience"),
                list_of_strings("roles"),
                opt_utf8("country"),
            ],
        ),
        list_of_structs("acronyms", vec![mention("short"), mention("long")]),
        list_of_structs(
            "sources",
            vec![
                utf8("name"),
                utf8("kind"),
                utf8("text"),
                int("start"),
                int("end"),
                opt_int("paragraph"),
            ],
        ),
        list_of_structs(
            "dates",
            span_with(vec![
                opt_int("paragraph"),
                utf8("type"),
                utf8("value"),
                utf8("anchor"),
            ]),
        ),
        list_of_structs(
            "numbers",
            span_with(vec![
                opt_int("paragraph"),
                float("value"),
                opt_float("low"),
                opt_float("high"),
                utf8("kind"),
                opt_utf8("unit"),
                opt_utf8("currency"),
                opt_utf8("noun"),
                opt_utf8("qualifier"),
                boolean("approximate"),
            ]),
        ),
        list_of_structs(
            "counts",
            vec![
                utf8("type"),
                float("count"),
                opt_utf8("qualifier"),
                opt_utf8("object"),
                utf8("trigger"),
                utf8("text"),
                int("start"),
                int("end"),
                opt_int("paragraph"),
            ],
        ),
        structure(
            "stats",
            vec![
                int("characters"),
                int("words"),
                int("sentences"),
                int("paragraphs"),
                float("reading_time_minutes"),
            ],
            false,
        ),
        structure(
            "language",
            vec![utf8("code"), float("confidence"), opt_utf8("declared")],
            false,
        ),
        structure(
            "tone",
            vec![
                float("tone"),
                float("positive"),
                float("negative"),
                float("polarity"),
                float("activity"),
                float("self_group"),
                int("word_count"),
                list_of("paragraphs", DataType::Float64),
            ],
            true,
        ),
        list_of_structs(
            "keywords",
            vec![
                utf8("text"),
                float("score"),
                int("count"),
                list_of_structs("mentions", span_with(vec![opt_int("paragraph")])),
            ],
        ),
        list_of_structs(
            "summary",
            span_with(vec![opt_int("paragraph"), float("score")]),
        ),
    ]
}

/// What only a page's markup tells (`HtmlMeta`).
fn html_fields() -> Vec<Field> {
    vec![
        utf8("encoding"),
        opt_utf8("language"),
        opt_utf8("site_name"),
        opt_utf8("title"),
        opt_utf8("canonical_url"),
        opt_utf8("description"),
        list_of_strings("tags"),
        list_of_strings("authors"),
        opt_utf8("published"),
        opt_utf8("modified"),
        opt_utf8("section"),
        opt_utf8("page_type"),
        utf8("page_kind"),
        boolean("is_article"),
        boolean("paywalled"),
        boolean("truncated"),
        list_of_structs(
            "images",
            vec![
                opt_utf8("src"),
                opt_utf8("alt"),
                opt_utf8("caption"),
                opt_utf8("credit"),
            ],
        ),
        list_of("subheading_levels", DataType::Int64),
        list_of_strings("paragraph_kinds"),
        list_of_structs("related_links", vec![utf8("text"), utf8("href")]),
        list_of_structs("boilerplate", vec![utf8("kind"), utf8("text")]),
    ]
}

/// The batch's columns: the record's, then `text`, `html`, `path`, `url`, `warc_date`,
/// `warc_record_id` and `error`, all nullable.
/// Built once: every record batch and stream uses the same fields.
pub fn fields() -> &'static [FieldRef] {
    static FIELDS: LazyLock<Vec<FieldRef>> = LazyLock::new(|| {
        let mut cols = record_fields();
        cols.push(opt_utf8("text"));
        cols.push(structure("html", html_fields(), true));
        cols.push(opt_utf8("path"));
        // Web archive records only: the page's WARC-Target-URI, WARC-Date, WARC-Record-ID.
        cols.push(opt_utf8("url"));
        cols.push(opt_utf8("warc_date"));
        cols.push(opt_utf8("warc_record_id"));
        cols.push(structure(
            "error",
            vec![utf8("kind"), utf8("message")],
            true,
        ));
        cols.into_iter()
            .map(|f| Arc::new(f.with_nullable(true)))
            .collect()
    });
    &FIELDS
}

pub fn schema() -> Schema {
    Schema::new(fields().to_vec())
}
