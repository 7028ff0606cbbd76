//! Per-node statistics in two passes over the tree: skipped subtrees, text, link text and
//! commas summed bottom-up, and furniture marks (tag, role, class/id, hidden, bios).

use super::super::dom::{Dom, Id, ROOT};
use super::super::hints::{BYL, NEG, POS};

/// Subtrees that are never text.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "option", "button", "input", "textarea", "video", "audio", "map", "dialog",
];

/// Structural furniture. Forms inside an article are sign-up and comment boxes; a form that
/// wraps the whole page (ASP.NET) holds over 40% of its text and is kept.
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "menu", "form"];

/// Bytes of text up to which an `aria-hidden` element is furniture.
const ARIA_HIDDEN_MAX: u32 = 200;

/// Bytes of text beyond which an element with a byline class is a biography.
const BIO_MIN: u32 = 200;

/// Per-node statistics, indexed by node id.
pub(super) struct Stats {
    /// Inside a skipped subtree (script, hidden...).
    pub(super) skip: Vec<bool>,
    /// Own furniture mark (tag, role or class/id), not inherited.
    pub(super) furniture: Vec<bool>,
    /// Inside furniture.
    pub(super) in_furniture: Vec<bool>,
    pub(super) text: Vec<u32>,
    pub(super) link: Vec<u32>,
    pub(super) commas: Vec<u32>,
    /// Non-whitespace bytes in direct text children.
    pub(super) direct: Vec<u32>,
    /// Class/id hint marks (`hints::page_marks`).
    pub(super) marks: Vec<u8>,
}

fn non_ws(t: &str) -> u32 {
    t.bytes().filter(|b| !b.is_ascii_whitespace()).count() as u32
}

fn hidden(dom: &Dom, id: Id) -> bool {
    if collapsed_panel(dom, id) {
        return false;
    }
    (dom.attr(id, "hidden").is_some() && !streamed_chunk(dom, id))
        || dom.attr(id, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// A collapsed accordion panel (the WAI-ARIA pattern: a region labelled by its toggle, or
/// `hidden="until-found"`) is text the reader opens in place, not a hidden copy.
fn collapsed_panel(dom: &Dom, id: Id) -> bool {
    dom.attr(id, "hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("until-found"))
        || (dom
            .attr(id, "role")
            .is_some_and(|r| r.eq_ignore_ascii_case("region"))
            && dom.attr(id, "aria-labelledby").is_some())
}

/// React's streamed server rendering sends late parts of the page as `<div hidden id="S:n">`
/// at the end of the body, for a script to move into place: they are shown, not hidden.
fn streamed_chunk(dom: &Dom, id: Id) -> bool {
    dom.attr(id, "id").is_some_and(|v| {
        v.strip_prefix("S:")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

pub(super) fn class_id(dom: &Dom, id: Id) -> String {
    let mut s = String::new();
    for k in ["class", "id"] {
        if let Some(v) = dom.attr(id, k) {
            s.push_str(v);
            s.push(' ');
        }
    }
    s
}

fn is_furniture(dom: &Dom, id: Id, tag: &str, mark: u8) -> bool {
    // Hidden elements are furniture, not skipped outright: streamed server-rendered pages
    // (React's `<div hidden id="S:0">`) hold the whole article in one until a script shows it,
    // and the 40% rule in `stats` keeps such a holder.
    if FURNITURE_TAGS.contains(&tag) || hidden(dom, id) {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article" | "p") {
        return false;
    }
    if let Some(r) = dom.attr(id, "role") {
        if matches!(
            r.to_ascii_lowercase().as_str(),
            "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "dialog"
        ) {
            return true;
        }
    }
    mark & NEG != 0 && mark & POS == 0
}

/// `aria-hidden` hides from screen readers, not from the eye: small elements so marked are
/// icons, counters and slide copies, but a large one is a visible part of the page.
fn screen_reader_hidden(dom: &Dom, id: Id, text: u32) -> bool {
    text < ARIA_HIDDEN_MAX
        && dom
            .attr(id, "aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

/// An author box holding more than a name: the writer's biography, not the article.
fn is_author_bio(mark: u8, text: u32) -> bool {
    text > BIO_MIN && mark & BYL != 0
}

pub(super) fn stats(dom: &Dom, order: &[Id], marks: Vec<u8>) -> Stats {
    let n = dom.nodes.len();
    let mut s = Stats {
        skip: vec![false; n],
        furniture: vec![false; n],
        in_furniture: vec![false; n],
        text: vec![0; n],
        link: vec![0; n],
        commas: vec![0; n],
        direct: vec![0; n],
        marks,
    };
    for &id in order {
        let pskip = dom
            .parent(id)
            .is_some_and(|p| s.skip.get(p).copied().unwrap_or(false));
        let tag = dom.tag(id);
        let skip = pskip || (!tag.is_empty() && SKIP_TAGS.contains(&tag));
        if let Some(x) = s.skip.get_mut(id) {
            *x = skip;
        }
    }
    for &id in order.iter().rev() {
        if s.skip.get(id).copied().unwrap_or(true) {
            continue;
        }
        if let Some(t) = dom.text_of(id) {
            let len = non_ws(t);
            let commas = t.matches(',').count() as u32;
            if let Some(x) = s.text.get_mut(id) {
                *x = len;
            }
            if let Some(x) = s.commas.get_mut(id) {
                *x = commas;
            }
            if let Some(p) = dom.parent(id) {
                if let Some(x) = s.direct.get_mut(p) {
                    *x += len;
                }
            }
        }
        if dom.tag(id) == "a" {
            let t = s.text.get(id).copied().unwrap_or(0);
            if let Some(x) = s.link.get_mut(id) {
                *x = t;
            }
        }
        if let Some(p) = dom.parent(id) {
            let (t, l, c) = (
                s.text.get(id).copied().unwrap_or(0),
                s.link.get(id).copied().unwrap_or(0),
                s.commas.get(id).copied().unwrap_or(0),
            );
            if let Some(x) = s.text.get_mut(p) {
                *x += t;
            }
            if let Some(x) = s.link.get_mut(p) {
                *x += l;
            }
            if let Some(x) = s.commas.get_mut(p) {
                *x += c;
            }
        }
    }
    // A wrapper holding most of the page is never furniture, whatever its class says
    // ("has-sidebar", "page-with-comments").
    let page = f64::from(s.text.get(ROOT).copied().unwrap_or(0));
    for &id in order {
        let pfurn = dom
            .parent(id)
            .is_some_and(|p| s.in_furniture.get(p).copied().unwrap_or(false));
        let furn = !s.skip.get(id).copied().unwrap_or(true)
            && dom.is_element(id)
            && f64::from(s.text.get(id).copied().unwrap_or(0)) < page * 0.4
            && (is_furniture(dom, id, dom.tag(id), s.mark(id))
                || is_author_bio(s.mark(id), s.text.get(id).copied().unwrap_or(0))
                || screen_reader_hidden(dom, id, s.text.get(id).copied().unwrap_or(0)));
        if let Some(x) = s.furniture.get_mut(id) {
            *x = furn;
        }
        if let Some(x) = s.in_furniture.get_mut(id) {
            *x = pfurn || furn;
        }
    }
    s
}

impl Stats {
    pub(super) fn text(&self, id: Id) -> f64 {
        f64::from(self.text.get(id).copied().unwrap_or(0))
    }
    pub(super) fn link_density(&self, id: Id) -> f64 {
        let t = self.text(id);
        if t == 0.0 {
            return 0.0;
        }
        f64::from(self.link.get(id).copied().unwrap_or(0)) / t
    }
    pub(super) fn mark(&self, id: Id) -> u8 {
        self.marks.get(id).copied().unwrap_or(0)
    }
    pub(super) fn flag(v: &[bool], id: Id) -> bool {
        v.get(id).copied().unwrap_or(false)
    }
}
