//! JSON-LD: the article object (headline, dates, authors, section, body, keywords), the
//! WebSite/WebPage objects beside it, `@graph` lists and `@id` references.

use serde_json::Value;

use super::super::hints::ARTICLE_TYPES;
use super::dates::iso_date;
use super::names::{push_author, split_names};
use super::Meta;

fn ld_types(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|t| t.as_str().map(str::to_ascii_lowercase))
            .collect(),
        _ => Vec::new(),
    }
}

/// JSON-LD sits in a raw-text `<script>`, so entities written there are not decoded:
/// numeric ones and the common named ones are decoded here.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let tail = rest.get(amp..).unwrap_or("");
        let semi = tail.get(..12.min(tail.len())).and_then(|h| h.find(';'));
        let decoded = semi.and_then(|e| {
            let name = tail.get(1..e)?;
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => num.parse::<u32>().ok()?,
                };
                char::from_u32(code)?
            } else {
                match name {
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    "lt" => '<',
                    "gt" => '>',
                    "nbsp" => ' ',
                    "ndash" => '–',
                    "mdash" => '—',
                    "rsquo" => '’',
                    "lsquo" => '‘',
                    "rdquo" => '”',
                    "ldquo" => '“',
                    "hellip" => '…',
                    _ => return None,
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn ld_str(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(unescape(s.trim())).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| ld_str(Some(x))),
        Value::Object(o) => ld_str(o.get("name")).or_else(|| ld_str(o.get("@value"))),
        _ => None,
    }
}

/// JSON-LD objects: a top-level object, an array of them, `@graph` lists, and objects nested
/// in `mainEntity`. Depth is bounded (serde_json already refuses 128+ levels).
fn ld_objects<'v>(v: &'v Value, out: &mut Vec<&'v Value>) {
    let mut stack = vec![(v, 0u8)];
    while let Some((v, depth)) = stack.pop() {
        if depth > 4 || out.len() > 200 {
            continue;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth + 1))),
            Value::Object(o) => {
                out.push(v);
                for k in ["@graph", "mainEntity", "mainEntityOfPage"] {
                    if let Some(g) = o.get(k) {
                        if g.is_array() || g.is_object() {
                            stack.push((g, depth + 1));
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Bios kept per page: a graph lists a few people at most.
const MAX_BIOS: usize = 8;

/// Keeps the `description` of a Person (an author object or a Person of the graph).
fn push_bio(bios: &mut Vec<String>, o: &Value) {
    if bios.len() >= MAX_BIOS {
        return;
    }
    if let Some(d) = o.get("description").and_then(Value::as_str) {
        let d = unescape(d.trim());
        if d.len() >= 40 && !bios.contains(&d) {
            bios.push(d);
        }
    }
}

pub(super) fn json_ld(src: &str, m: &mut Meta) {
    // Sites leave HTML comments and CDATA wrappers in their JSON-LD.
    let src = src
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    let Ok(v) = serde_json::from_str::<Value>(src) else {
        return;
    };
    let mut objs = Vec::new();
    ld_objects(&v, &mut objs);
    // Authors given as {"@id": ...} point at a Person elsewhere in the graph.
    let name_of = |id: &str| {
        objs.iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id) && o.get("name").is_some())
            .and_then(|o| ld_str(o.get("name")))
    };
    for o in &objs {
        let types = ld_types(o);
        for t in &types {
            if m.kinds.len() < 20 && !m.kinds.contains(t) {
                m.kinds.push(t.clone());
            }
        }
        if types.iter().any(|t| t == "person") {
            push_bio(&mut m.bios, o);
        }
        if m.site_name.is_none() && types.iter().any(|t| t == "website") {
            m.site_name = ld_str(o.get("name"));
        }
        if !types.iter().any(|t| ARTICLE_TYPES.matches_token(t)) {
            // A WebPage object dates the page when no article object does.
            if types.iter().any(|t| t == "webpage" || t == "itempage") {
                if m.page_published.is_none() {
                    m.page_published = ld_str(o.get("datePublished")).and_then(|d| iso_date(&d));
                }
                if m.page_modified.is_none() {
                    m.page_modified = ld_str(o.get("dateModified")).and_then(|d| iso_date(&d));
                }
            }
            continue;
        }
        m.says_article = true;
        if m.page_type.is_none() {
            m.page_type = types.first().cloned();
        }
        if m.ld_headline.is_none() {
            m.ld_headline = ld_str(o.get("headline")).or_else(|| ld_str(o.get("name")));
        }
        if m.published.is_none() {
            m.published = ld_str(o.get("datePublished")).and_then(|d| iso_date(&d));
        }
        if m.modified.is_none() {
            m.modified = ld_str(o.get("dateModified")).and_then(|d| iso_date(&d));
        }
        if m.section.is_none() {
            m.section = ld_str(o.get("articleSection"));
        }
        if m.description.is_none() {
            m.description = ld_str(o.get("description"));
        }
        if m.article_body.is_none() {
            m.article_body = ld_str(o.get("articleBody"));
        }
        if let Some(Value::Object(p)) = o.get("publisher") {
            if m.site_name.is_none() {
                m.site_name = ld_str(p.get("name"));
            }
        }
        match o.get("isAccessibleForFree") {
            Some(Value::Bool(false)) => m.not_free = true,
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => m.not_free = true,
            _ => {}
        }
        match o.get("keywords") {
            Some(Value::String(s)) => {
                for k in s.split(',') {
                    let k = k.trim();
                    if !k.is_empty() && !m.tags.iter().any(|t| t == k) && m.tags.len() < 50 {
                        m.tags.push(k.to_string());
                    }
                }
            }
            Some(Value::Array(a)) => {
                for k in a.iter().filter_map(Value::as_str) {
                    if !m.tags.iter().any(|t| t == k) && m.tags.len() < 50 {
                        m.tags.push(k.trim().to_string());
                    }
                }
            }
            _ => {}
        }
        if m.authors.is_empty() {
            let list: Vec<&Value> = match o.get("author").or_else(|| o.get("creator")) {
                Some(Value::Array(a)) => a.iter().collect(),
                Some(v) => vec![v],
                None => Vec::new(),
            };
            for a in list {
                push_bio(&mut m.bios, a);
                let types = ld_types(a);
                if types
                    .iter()
                    .any(|t| t == "organization" || t == "newsmediaorganization")
                {
                    // Organisations are publishers, not bylines (tried: counting them as
                    // authors gained 0.5 points of author accuracy on WCXB dev and invented
                    // authors on 1.4% more pages).
                    continue;
                }
                let name = match a {
                    Value::Object(_) => ld_str(a.get("name"))
                        .or_else(|| a.get("@id").and_then(Value::as_str).and_then(name_of)),
                    _ => ld_str(Some(a)),
                };
                if let Some(n) = name {
                    for part in split_names(&n) {
                        push_author(&mut m.authors, part);
                    }
                }
            }
        }
    }
}
