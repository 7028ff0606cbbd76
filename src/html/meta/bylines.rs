//! Visible author evidence in the tree: "By" lines, author boxes, avatars beside a name,
//! author-page links, and the furniture they must not sit in.

use super::super::dom::{Dom, Id};
use super::super::hints::{BYL_NB, NEG_NB, POS_NB};
use super::names::{is_role, looks_like_name, push_author, split_names};

const BYLINE_LABELS: &[&str] = &[
    "written by",
    "posted by",
    "words by",
    "article by",
    "story by",
    "authors",
    "author",
    "by",
];

/// The length of a leading "By" / "Written by" label (followed by a space, a colon or
/// nothing), case-insensitive.
pub(super) fn byline_label(t: &str) -> Option<usize> {
    let t = t.trim_start();
    let lead = t.len().min(12);
    // Runs on every text node: compared in place, not lower-cased into a new string.
    let head = t.get(..lead)?;
    BYLINE_LABELS.iter().find_map(|l| {
        let n = l.len();
        let label = head.as_bytes().get(..n)?;
        if !label.eq_ignore_ascii_case(l.as_bytes()) {
            return None;
        }
        let sep = head
            .get(n..)?
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == ':');
        sep.then_some(n)
    })
}

/// Names from a short visible line "By Jane Doe and John Roe | 3 May 2024" whose label is the
/// text node `id`; a label standing alone ("Written by") takes the next element's text.
/// Every name must be capitalised words, so prose ("by clicking here") is not read as one.
pub(super) fn visible_byline(dom: &Dom, marks: &[u8], id: Id) -> Vec<String> {
    let mut out = Vec::new();
    let Some(parent) = dom.parent(id) else {
        return out;
    };
    // "By Team Size" in a menu, a link or a heading is navigation, not a byline; an author
    // box may title itself "Written by Jane Doe".
    let heading = matches!(dom.tag(parent), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    let bare_by = byline_label(dom.text_of(id).unwrap_or("")) == Some(2);
    if matches!(
        dom.tag(parent),
        "script" | "style" | "title" | "noscript" | "template" | "option" | "a"
    ) || (heading && bare_by)
        || in_furniture(dom, marks, parent)
    {
        return out;
    }
    let Some(line) = dom.short_text(parent, 120) else {
        return out;
    };
    let Some(n) = byline_label(&line) else {
        return out;
    };
    let line = line.trim_start();
    let mut rest = line
        .get(n..)
        .unwrap_or("")
        .trim_start_matches([' ', ':', '\u{a0}'])
        .to_string();
    if rest.is_empty() {
        rest = next_element(dom, parent)
            .and_then(|s| dom.short_text(s, 80))
            .unwrap_or_default();
    }
    let rest = super::super::authors::strip_byline_noise(&rest);
    // "by: Jane Doe, Dec 17, 2025": the names run until the first part that is not one.
    for p in split_names(&rest)
        .into_iter()
        .take_while(|p| looks_like_name(p) && !is_role(p))
    {
        push_author(&mut out, p);
    }
    out
}

/// `t` (the text node `id`) when it is a short name inside an element whose class or id
/// names the author, at most four levels up, outside furniture and scripts.
pub(super) fn boxed_name(dom: &Dom, marks: &[u8], id: Id, t: &str) -> Option<String> {
    let t = t.trim();
    if t.chars().count() > 50 {
        return None;
    }
    let parent = dom.parent(id)?;
    if matches!(
        dom.tag(parent),
        "script" | "style" | "title" | "noscript" | "template" | "option" | "button"
    ) {
        return None;
    }
    let mut cur = Some(parent);
    for _ in 0..4 {
        let c = cur?;
        cur = dom.parent(c);
        if marks.get(c).is_some_and(|m| m & BYL_NB != 0) {
            return (!in_furniture(dom, marks, parent)).then(|| t.to_string());
        }
    }
    None
}

/// A small picture (width or height of 200 pixels or less) or one whose class or file
/// name says it shows a person.
pub(super) fn is_avatar(dom: &Dom, img: Id) -> bool {
    let small = ["width", "height"].iter().any(|k| {
        dom.attr(img, k)
            .and_then(|v| v.trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v <= 200)
    });
    let hint = format!(
        "{} {}",
        dom.attr(img, "class").unwrap_or(""),
        dom.attr(img, "src").unwrap_or("")
    )
    .to_ascii_lowercase();
    small
        || ["avatar", "author", "profile", "headshot", "portrait"]
            .iter()
            .any(|k| hint.contains(k))
}

/// `alt` when the same name is written as text near its picture (within three levels up,
/// outside furniture): an author's avatar beside the byline.
pub(super) fn name_beside(dom: &Dom, marks: &[u8], img: Id, alt: &str) -> Option<String> {
    let mut cur = dom.parent(img);
    for _ in 0..3 {
        let c = cur?;
        let mut stack = vec![c];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > 200 {
                break;
            }
            if let Some(t) = dom.text_of(n) {
                if t.trim().eq_ignore_ascii_case(alt) {
                    let p = dom.parent(n)?;
                    return (!in_furniture(dom, marks, p)).then(|| alt.to_string());
                }
            }
            stack.extend(dom.children(n));
        }
        cur = dom.parent(c);
    }
    None
}

/// Inside navigation, a form or a block whose class/id names furniture (menus, comments,
/// filters of a shop).
pub(super) fn in_furniture(dom: &Dom, marks: &[u8], id: Id) -> bool {
    let mut cur = Some(id);
    for depth in 0..15 {
        let Some(c) = cur else {
            break;
        };
        if matches!(
            dom.tag(c),
            "nav" | "footer" | "aside" | "form" | "select" | "button" | "label" | "menu"
        ) {
            return true;
        }
        // Class words only near the text: far up they name page wrappers
        // ("flex-wrap-footer" around everything).
        let mark = marks.get(c).copied().unwrap_or(0);
        if depth < 6 && mark & NEG_NB != 0 && mark & POS_NB == 0 {
            return true;
        }
        cur = dom.parent(c);
    }
    false
}

pub(super) fn next_element(dom: &Dom, id: Id) -> Option<Id> {
    let parent = dom.parent(id)?;
    let mut after = false;
    for c in dom.children(parent) {
        if after && dom.is_element(c) {
            return Some(c);
        }
        after |= c == id;
    }
    None
}

pub(super) fn is_author_href(href: &str) -> bool {
    let h = href.to_ascii_lowercase();
    [
        "/author/",
        "/authors/",
        "/writer/",
        "/writers/",
        "/byline/",
        "/contributor/",
        "/people/",
    ]
    .iter()
    .any(|p| h.contains(p))
}
