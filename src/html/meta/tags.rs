//! `<meta>` tags: titles, site name, description, keywords, authors, section, dates.

use super::super::dom::{Dom, Id};
use super::dates::{date_rank, iso_date};
use super::names::{push_author, split_names};
use super::{set, take_date, Meta};

pub(super) fn meta_tag(dom: &Dom, id: Id, m: &mut Meta, date_best: &mut Option<(u8, String)>) {
    let key = dom
        .attr(id, "property")
        .or_else(|| dom.attr(id, "name"))
        .or_else(|| dom.attr(id, "itemprop"))
        .or_else(|| dom.attr(id, "http-equiv"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let Some(content) = dom.attr(id, "content").map(str::trim) else {
        return;
    };
    if content.is_empty() {
        return;
    }
    match key.as_str() {
        "og:title" | "twitter:title" => set(&mut m.og_title, content),
        "og:site_name" | "application-name" => set(&mut m.site_name, content),
        "description" | "og:description" | "twitter:description" => {
            set(&mut m.description, content)
        }
        "keywords" | "news_keywords" | "article:tag" | "parsely-tags" => {
            for k in content.split(',') {
                let k = k.trim();
                if !k.is_empty() && !m.tags.iter().any(|t| t == k) && m.tags.len() < 50 {
                    m.tags.push(k.to_string());
                }
            }
        }
        // One tag per author, written "Last, First": the comma does not separate names.
        "citation_author" | "dc.creator.personalname" => {
            if !content.starts_with("http") {
                let name = match content.split_once(',') {
                    Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
                        format!("{} {}", first.trim(), last.trim())
                    }
                    _ => content.to_string(),
                };
                push_author(&mut m.meta_authors, &name);
            }
        }
        "author" | "article:author" | "parsely-author" | "sailthru.author" | "dc.creator"
        | "byl" => {
            if !content.starts_with("http") {
                let c = content
                    .strip_prefix("By ")
                    .or_else(|| content.strip_prefix("by "))
                    .unwrap_or(content);
                for a in split_names(c) {
                    push_author(&mut m.meta_authors, a);
                }
            }
        }
        "article:section" | "parsely-section" | "section" => set(&mut m.section, content),
        "article:modified_time" | "og:updated_time" | "datemodified" | "last-modified" => {
            if m.modified.is_none() {
                m.modified = iso_date(content);
            }
        }
        "og:type" => {
            set(&mut m.page_type, content);
            if content.eq_ignore_ascii_case("article") {
                m.says_article = true;
            }
            // "product", "og:product", "product.item", "product.group".
            let lower = content.to_ascii_lowercase();
            let lower = lower.strip_prefix("og:").unwrap_or(&lower);
            if lower.split('.').next() == Some("product") && !m.kinds.iter().any(|k| k == "product")
            {
                m.kinds.push("product".to_string());
            }
        }
        "content-language" | "og:locale" => set(&mut m.language, content),
        k => {
            if let (Some(rank), Some(v)) = (date_rank(k), iso_date(content)) {
                take_date(date_best, rank, v);
            }
        }
    }
}
