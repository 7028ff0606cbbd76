use std::collections::BTreeSet;

use arrow_array::ffi_stream::ArrowArrayStreamReader;
use arrow_array::{Array, Int64Array, LargeStringArray, ListArray, StructArray};
use arrow_schema::{DataType, Field};
use serde_json::Value;

use super::*;
use crate::batch::{self, Format};
use crate::error::ErrorKind;
use crate::record::Options;

const SEED: &str = include_str!("../../tests/data/seed_article.txt");
const PAGE: &[u8] = include_bytes!("../../tests/data/html/article_figures.html");

/// Articles that between them fill every column and every nested item type.
fn samples() -> Vec<Parsed> {
    let texts = [
        SEED.to_string(),
        "UK\n\nStorm hits coast\n\nBy Jane Smith and Tom Jones\nBBC News\n\n5 January 2014\n\n\
         Image copyright Getty Images\nImage caption Waves broke over the sea wall\n\n\
         A storm hit the coast on Monday, flooding 200 to 300 homes and killing at least 12 people.\n\n\
         Media playback is unsupported on your device\nMedia caption Residents describe the flood\n\n\
         \"We lost everything,\" said Mary Brown, a resident of Dover. The Environment Agency \
         (EA) said river levels would peak on Tuesday. Repairs will cost about £3.5m, \
         according to Reuters.\n\nShare this page\n\nRelated Topics\n\nWeather\n\nFlooding"
            .to_string(),
        "Story highlights\nPolice chase ends in arrest\nMan charged on Saturday\n\n\
         Washington (CNN) -- A man was arrested on Friday after a chase, police said.\n\n\
         He was charged on Saturday, officials told CNN."
            .to_string(),
        "'We will not give up,' says minister\n\nUpdated 12:34 GMT, Sunday, 5 January 2014\n\n\
         BAGHDAD (Reuters) - Bombs in the capital killed at least 19 people, police said.\n\n\
         \"We will not give up,\" Prime Minister Nouri al-Maliki said in a statement."
            .to_string(),
    ];
    let options = Options::default();
    let mut out: Vec<Parsed> = texts
        .iter()
        .filter_map(|t| batch::parse_any(t.as_bytes(), Format::Text, &options, None).ok())
        .collect();
    out.extend(batch::parse_any(PAGE, Format::Html, &options, Some("https://example.com/")).ok());
    out
}

fn json_of(p: &Parsed) -> Value {
    let mut v = match p {
        Parsed::Text(r) => serde_json::to_value(r),
        Parsed::Html(h) => serde_json::to_value(&h.record),
    }
    .unwrap_or(Value::Null);
    if let (Parsed::Html(h), Value::Object(m)) = (p, &mut v) {
        m.insert("text".into(), Value::String(h.text.clone()));
        m.insert(
            "html".into(),
            serde_json::to_value(&h.meta).unwrap_or(Value::Null),
        );
    }
    v
}

/// Walks a JSON value against a field, recording each schema path visited with a value, and
/// failing on any key the schema lacks (serde_arrow would drop it silently) or lacks in turn.
fn walk(path: &str, v: &Value, dt: &DataType, seen: &mut BTreeSet<String>) {
    if v.is_null() {
        return;
    }
    seen.insert(path.to_string());
    match (dt, v) {
        (DataType::Struct(fields), Value::Object(m)) => {
            let schema_keys: BTreeSet<&str> = fields.iter().map(|f| f.name().as_str()).collect();
            let value_keys: BTreeSet<&str> = m.keys().map(String::as_str).collect();
            assert_eq!(schema_keys, value_keys, "keys differ at {path}");
            for f in fields.iter() {
                if let Some(x) = m.get(f.name()) {
                    walk(&format!("{path}.{}", f.name()), x, f.data_type(), seen);
                }
            }
        }
        (DataType::List(item), Value::Array(xs)) => {
            for x in xs {
                walk(&format!("{path}[]"), x, item.data_type(), seen);
            }
        }
        (DataType::LargeUtf8, Value::String(_)) => {}
        (DataType::Int64, Value::Number(n)) => assert!(n.is_u64() || n.is_i64(), "{path}"),
        (DataType::Float64, Value::Number(_)) => {}
        (DataType::Boolean, Value::Bool(_)) => {}
        (dt, v) => panic!("{path}: schema says {dt:?}, record has {v}"),
    }
}

/// Columns that say where a row came from (or why it failed), not what the record holds.
const ORIGIN: [&str; 5] = ["path", "url", "warc_date", "warc_record_id", "error"];

fn all_paths(path: &str, f: &Field, out: &mut BTreeSet<String>) {
    out.insert(path.to_string());
    match f.data_type() {
        DataType::Struct(fields) => {
            for c in fields.iter() {
                all_paths(&format!("{path}.{}", c.name()), c, out);
            }
        }
        DataType::List(item) => all_paths(&format!("{path}[]"), item, out),
        _ => {}
    }
}

#[test]
fn schema_matches_the_records_key_for_key() {
    let fields = schema::fields();
    let row_type = DataType::Struct(fields.iter().cloned().collect());
    let mut seen = BTreeSet::new();
    for p in samples() {
        walk(
            "",
            &json_of(&p),
            &match &p {
                // A text record has no `text`/`html` keys: compare against the record columns.
                Parsed::Text(_) => DataType::Struct(
                    fields
                        .iter()
                        .filter(|f| {
                            !["text", "html"].contains(&f.name().as_str())
                                && !ORIGIN.contains(&f.name().as_str())
                        })
                        .cloned()
                        .collect(),
                ),
                Parsed::Html(_) => DataType::Struct(
                    fields
                        .iter()
                        .filter(|f| !ORIGIN.contains(&f.name().as_str()))
                        .cloned()
                        .collect(),
                ),
            },
            &mut seen,
        );
    }
    // Every column and nested field was seen with a value somewhere, so the comparison above
    // covered the whole schema (except the columns only the binding fills).
    let mut expected = BTreeSet::new();
    all_paths("", &Field::new("", row_type, true), &mut expected);
    let missing: Vec<&String> = expected
        .difference(&seen)
        .filter(|p| !ORIGIN.iter().any(|o| p.starts_with(&format!(".{o}"))))
        .collect();
    assert!(missing.is_empty(), "no sample fills {missing:?}");
}

#[test]
fn batch_has_one_row_per_item_in_order() {
    let parsed = samples();
    let err = ItemError {
        kind: ErrorKind::Decode,
        message: "invalid UTF-8 at byte 3".into(),
        errno: None,
    };
    let mut items: Vec<(Item, Option<&str>)> =
        parsed.iter().map(|p| (Item::Parsed(p), None)).collect();
    items.insert(1, (Item::Missing, None));
    items.push((Item::Failed(&err), Some("bad.txt")));
    let b = record_batch(&items).unwrap();
    assert_eq!(b.num_rows(), parsed.len() + 2);
    assert_eq!(b.schema().fields().len(), schema::fields().len());

    let headline = b.column_by_name("headline").unwrap();
    let headline = headline.as_any().downcast_ref::<StructArray>().unwrap();
    let htext = headline
        .column_by_name("text")
        .unwrap()
        .as_any()
        .downcast_ref::<LargeStringArray>()
        .unwrap();
    let Parsed::Text(seed) = &parsed[0] else {
        panic!("the seed is text")
    };
    assert_eq!(
        Some(htext.value(0)),
        seed.headline.as_ref().map(|h| h.text.as_str())
    );
    assert!(headline.is_null(1), "a missing input is a row of nulls");
    assert!(headline.is_null(parsed.len() + 1), "so is a failure");

    let paragraphs = b.column_by_name("paragraphs").unwrap();
    let paragraphs = paragraphs.as_any().downcast_ref::<ListArray>().unwrap();
    let first = paragraphs.value(0);
    let first = first.as_any().downcast_ref::<StructArray>().unwrap();
    let starts = first
        .column_by_name("start")
        .unwrap()
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap();
    assert_eq!(first.len(), seed.paragraphs.len());
    assert_eq!(starts.value(0) as usize, seed.paragraphs[0].start);

    let error = b.column_by_name("error").unwrap();
    let error = error.as_any().downcast_ref::<StructArray>().unwrap();
    assert!(error.is_null(0));
    let kinds = error
        .column_by_name("kind")
        .unwrap()
        .as_any()
        .downcast_ref::<LargeStringArray>()
        .unwrap();
    assert_eq!(kinds.value(parsed.len() + 1), "decode");
    let paths = b.column_by_name("path").unwrap();
    assert!(paths.is_null(0));
    assert!(!paths.is_null(parsed.len() + 1));

    let text = b.column_by_name("text").unwrap();
    assert!(text.is_null(0), "text articles leave `text` null");
    assert!(
        !text.is_null(parsed.len()),
        "pages carry their extracted text"
    );
}

#[test]
fn stream_round_trips_through_the_c_interface() {
    let parsed = samples();
    let items: Vec<(Item, Option<&str>)> = parsed.iter().map(|p| (Item::Parsed(p), None)).collect();
    let a = record_batch(&items[..2]).unwrap();
    let b = record_batch(&items[2..]).unwrap();
    let reader = ArrowArrayStreamReader::try_new(stream(vec![a.clone(), b.clone()])).unwrap();
    let back: Vec<RecordBatch> = reader.map(|r| r.unwrap()).collect();
    assert_eq!(back, vec![a, b]);
}

#[test]
fn empty_batch_keeps_the_schema() {
    let b = record_batch(&[]).unwrap();
    assert_eq!(b.num_rows(), 0);
    assert_eq!(b.schema().as_ref(), &schema::schema());
}

#[test]
fn web_archive_rows_carry_their_source() {
    let parsed = samples();
    let src = Source {
        path: Some("crawl.warc.gz"),
        url: Some("http://news.example/a"),
        warc_date: Some("2021-03-04T10:00:00Z"),
        warc_record_id: Some("<urn:uuid:1>"),
    };
    let items = vec![
        (Item::Parsed(&parsed[0]), src),
        (Item::Missing, Source::default()),
    ];
    let b = record_batch_with_sources(&items).unwrap();
    assert_eq!(b.schema().fields(), &schema::schema().fields().clone());
    let col = |name: &str| {
        b.column_by_name(name)
            .unwrap()
            .as_any()
            .downcast_ref::<LargeStringArray>()
            .unwrap()
            .clone()
    };
    assert_eq!(col("url").value(0), "http://news.example/a");
    assert_eq!(col("warc_date").value(0), "2021-03-04T10:00:00Z");
    assert_eq!(col("warc_record_id").value(0), "<urn:uuid:1>");
    assert!(col("url").is_null(1));
}
