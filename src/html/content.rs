//! Main-content detection: one bottom-up statistics pass, a Readability-style candidate score,
//! then a walk of the chosen subtree that emits blocks (paragraphs, list items, quotes,
//! subheadings, captions).
//!
//! Modelled on the ideas of Arc90 Readability (paragraph scores propagated to ancestors,
//! class/id weights, link density, sibling inclusion) and trafilatura (drop furniture by
//! tag and class before reading, prefer structured metadata as evidence); no code was taken
//! from either.

use super::dom::{push_collapsed, Dom, Id, ROOT};
use super::hints::{BYLINE, CREDIT_LABELS, FURNITURE_TITLES, NEGATIVE, PAYWALL, POSITIVE};
use crate::tables::{FastMap, FastSet};

/// Subtrees that are never text.
const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "option", "button", "input", "textarea", "video", "audio", "map", "dialog",
];
/// Structural furniture. Forms inside an article are sign-up and comment boxes; a form that
/// wraps the whole page (ASP.NET) holds over 40% of its text and is kept.
const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "menu", "form"];
/// Elements that break paragraphs.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "li",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "dl",
    "dt",
    "dd",
    "header",
    "address",
    "center",
    "details",
    "summary",
    "form",
    "fieldset",
    "hr",
    "body",
    "html",
    "caption",
    "figure",
    "figcaption",
];

/// Paragraph continuity: the parent is taken when it holds `GROW` times the chosen node's
/// prose (plus 50 bytes) and less than `MAX_LINK_DENSITY` of link text; an ancestor up to
/// `CLIMB` levels above, past wrappers that add nothing, when it holds `GROW_FAR` times.
/// Tuned on WCXB dev: CLIMB 3 -> 8 gave all pages +0.007 body F1; GROW 1.6 -> 1.8 for the
/// parent keeps bios and teaser rows beside the article out (news +0.0003).
const GROW: f64 = 1.8;
const GROW_FAR: f64 = 1.6;
const MAX_LINK_DENSITY: f64 = 0.4;
const CLIMB: usize = 8;
/// Candidates scoring this share of the best one are parts of a split article (their common
/// ancestor is taken); siblings scoring `SIBLING_SHARE` of it join the content. Tuned on WCXB
/// dev: 0.75/0.2 -> 0.7/0.1 gave all pages +0.003 body F1, news unchanged; 0.6 costs news.
const SPLIT_SHARE: f64 = 0.7;
const SIBLING_SHARE: f64 = 0.1;
/// Bytes of text up to which an `aria-hidden` element is furniture.
const ARIA_HIDDEN_MAX: u32 = 200;
/// Bytes of text beyond which an element with a byline class is a biography.
const BIO_MIN: u32 = 200;
/// Climbing stops before an ancestor that adds this many linked subheadings (a teaser grid).
const MAX_NEW_TEASERS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph(&'static str),
    Heading(u8),
    Caption,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// For captions: the credit line, the image source and alt text.
    pub credit: Option<String>,
    pub src: Option<String>,
    pub alt: Option<String>,
}

#[derive(Debug, Default)]
pub struct Extract {
    pub blocks: Vec<Block>,
    /// Images inside the content without a caption (src, alt).
    pub images: Vec<(String, Option<String>)>,
    pub h1: Option<String>,
    pub byline: Option<String>,
    /// Visible text of the first `<time>` in the content or byline.
    pub date_text: Option<(String, Option<String>)>,
    pub dropped: Vec<(&'static str, String)>,
    pub related: Vec<(String, String)>,
    pub paywall_marker: bool,
    pub script_only: bool,
    pub listing: bool,
    /// Visible text of the whole body (non-whitespace bytes).
    pub page_text: usize,
}

/// Per-node statistics, indexed by node id.
struct Stats {
    /// Inside a skipped subtree (script, hidden...).
    skip: Vec<bool>,
    /// Own furniture mark (tag, role or class/id), not inherited.
    furniture: Vec<bool>,
    /// Inside furniture.
    in_furniture: Vec<bool>,
    text: Vec<u32>,
    link: Vec<u32>,
    commas: Vec<u32>,
    /// Non-whitespace bytes in direct text children.
    direct: Vec<u32>,
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

fn class_id(dom: &Dom, id: Id) -> String {
    let mut s = String::new();
    for k in ["class", "id"] {
        if let Some(v) = dom.attr(id, k) {
            s.push_str(v);
            s.push(' ');
        }
    }
    s
}

fn is_furniture(dom: &Dom, id: Id, tag: &str) -> bool {
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
    let ci = class_id(dom, id);
    !ci.is_empty() && NEGATIVE.matches(&ci) && !POSITIVE.matches(&ci)
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
fn is_author_bio(dom: &Dom, id: Id, text: u32) -> bool {
    text > BIO_MIN && BYLINE.matches(&class_id(dom, id))
}

fn stats(dom: &Dom, order: &[Id]) -> Stats {
    let n = dom.nodes.len();
    let mut s = Stats {
        skip: vec![false; n],
        furniture: vec![false; n],
        in_furniture: vec![false; n],
        text: vec![0; n],
        link: vec![0; n],
        commas: vec![0; n],
        direct: vec![0; n],
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
            && (is_furniture(dom, id, dom.tag(id))
                || is_author_bio(dom, id, s.text.get(id).copied().unwrap_or(0))
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
    fn text(&self, id: Id) -> f64 {
        f64::from(self.text.get(id).copied().unwrap_or(0))
    }
    fn link_density(&self, id: Id) -> f64 {
        let t = self.text(id);
        if t == 0.0 {
            return 0.0;
        }
        f64::from(self.link.get(id).copied().unwrap_or(0)) / t
    }
    fn flag(v: &[bool], id: Id) -> bool {
        v.get(id).copied().unwrap_or(false)
    }
}

fn base_score(dom: &Dom, id: Id) -> f64 {
    let tag = dom.tag(id);
    let mut s = match tag {
        "article" => 10.0,
        "main" => 8.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let ci = class_id(dom, id);
    if !ci.is_empty() {
        if POSITIVE.matches(&ci) {
            s += 25.0;
        }
        if NEGATIVE.matches(&ci) {
            s -= 25.0;
        }
    }
    if dom
        .attr(id, "itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        s += 30.0;
    }
    s
}

/// Chooses the content roots: the best candidate and the siblings that continue it.
fn choose(dom: &Dom, order: &[Id], st: &Stats, body_hint: Option<usize>) -> Vec<Id> {
    let n = dom.nodes.len();
    let mut score: Vec<f64> = vec![f64::NAN; n];
    let mut good: Vec<f64> = vec![0.0; n];
    for &id in order {
        if Stats::flag(&st.skip, id) || Stats::flag(&st.in_furniture, id) || !dom.is_element(id) {
            continue;
        }
        let tag = dom.tag(id);
        let text = st.text(id);
        let is_block = matches!(tag, "p" | "pre" | "td" | "blockquote" | "dd")
            || (matches!(tag, "div" | "section" | "article" | "span" | "font")
                && st.direct.get(id).copied().unwrap_or(0) >= 25);
        if !is_block || text < 25.0 {
            continue;
        }
        let commas = f64::from(st.commas.get(id).copied().unwrap_or(0));
        if let Some(g) = good.get_mut(id) {
            *g = text * (1.0 - st.link_density(id));
        }
        let s = 1.0 + commas.min(30.0) + (text / 100.0).min(3.0);
        let mut anc = dom.parent(id);
        for level in 1..=3 {
            let Some(a) = anc else { break };
            if !dom.is_element(a) || matches!(dom.tag(a), "html") {
                break;
            }
            if let Some(x) = score.get_mut(a) {
                if x.is_nan() {
                    *x = base_score(dom, a);
                }
                *x += s / [1.0, 2.0, 6.0].get(level - 1).copied().unwrap_or(6.0);
            }
            anc = dom.parent(a);
        }
    }
    // Linked subheadings (teaser titles) under each node, summed bottom-up with the prose.
    let mut teasers: Vec<u32> = vec![0; n];
    // Prose under each node (blocks' text less their links), summed bottom-up.
    for &id in order.iter().rev() {
        if matches!(dom.tag(id), "h2" | "h3" | "h4")
            && (st.link_density(id) > 0.8 || dom.parent(id).is_some_and(|p| dom.tag(p) == "a"))
        {
            if let Some(x) = teasers.get_mut(id) {
                *x += 1;
            }
        }
        let t = teasers.get(id).copied().unwrap_or(0);
        if let Some(x) = dom.parent(id).and_then(|p| teasers.get_mut(p)) {
            *x += t;
        }
        let g = good.get(id).copied().unwrap_or(0.0);
        if let Some(p) = dom.parent(id) {
            if let Some(x) = good.get_mut(p) {
                *x += g;
            }
        }
    }
    let finals: Vec<(Id, f64)> = score
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.is_nan())
        .map(|(id, s)| (id, s * (1.0 - st.link_density(id))))
        .collect();
    let Some(&(mut top, best)) = finals
        .iter()
        .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
    else {
        return Vec::new();
    };
    let final_of = |id: Id| {
        score
            .get(id)
            .filter(|s| !s.is_nan())
            .map(|s| s * (1.0 - st.link_density(id)))
    };
    // Several strong candidates under one ancestor: the article is split; take the ancestor.
    let alts: Vec<Id> = {
        let mut v: Vec<&(Id, f64)> = finals
            .iter()
            .filter(|(i, s)| *i != top && *s >= best * SPLIT_SHARE)
            .collect();
        v.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        v.into_iter().take(5).map(|x| x.0).collect()
    };
    if alts.len() >= 2 {
        let mut up = Vec::new();
        let mut a = dom.parent(top);
        while let Some(x) = a {
            if matches!(dom.tag(x), "body" | "html") || up.len() > 50 {
                break;
            }
            up.push(x);
            a = dom.parent(x);
        }
        let mut hits = vec![0usize; up.len()];
        for &alt in &alts {
            let mut a = dom.parent(alt);
            let mut steps = 0;
            while let Some(x) = a {
                if let Some(i) = up.iter().position(|&u| u == x) {
                    if let Some(h) = hits.get_mut(i) {
                        *h += 1;
                    }
                    break;
                }
                steps += 1;
                if steps > 60 {
                    break;
                }
                a = dom.parent(x);
            }
        }
        let mut acc = 1;
        for (i, h) in hits.iter().enumerate() {
            acc += h;
            if acc >= 3 {
                if let Some(&u) = up.get(i) {
                    top = u;
                }
                break;
            }
        }
    }
    // A lone child wrapper adds nothing; JSON-LD articleBody says how long the text should be.
    while let Some(p) = dom.parent(top) {
        if matches!(dom.tag(p), "body" | "html") || dom.tag(p).is_empty() {
            break;
        }
        let (tt, pt) = (st.text(top), st.text(p));
        let wrapper = pt <= tt * 1.05 + 10.0;
        let short = body_hint.is_some_and(|b| {
            tt < b as f64 * 0.85 && pt <= b as f64 * 1.6 + 300.0 && st.link_density(p) < 0.35
        });
        if wrapper || short {
            top = p;
        } else {
            break;
        }
    }
    // Paragraph continuity: an article cut into modules (rich-text blocks between widgets)
    // lives in an ancestor that holds clearly more prose without becoming a page of links.
    // A wrapper that adds nothing (the column beside a small sidebar) does not stop the climb:
    // up to `CLIMB` levels are looked at.
    'climb: loop {
        let gt = good.get(top).copied().unwrap_or(0.0);
        let mut a = dom.parent(top);
        for level in 0..CLIMB {
            let Some(p) = a else { break 'climb };
            if matches!(dom.tag(p), "body" | "html") || dom.tag(p).is_empty() {
                break 'climb;
            }
            let gp = good.get(p).copied().unwrap_or(0.0);
            let more_teasers = level > 0
                && teasers.get(p).copied().unwrap_or(0)
                    >= teasers.get(top).copied().unwrap_or(0) + MAX_NEW_TEASERS;
            let grow = if level == 0 { GROW } else { GROW_FAR };
            if gp >= gt * grow + 50.0 && st.link_density(p) < MAX_LINK_DENSITY && !more_teasers {
                top = p;
                continue 'climb;
            }
            a = dom.parent(p);
        }
        break;
    }
    let Some(parent) = dom.parent(top) else {
        return vec![top];
    };
    let threshold = (best * SIBLING_SHARE).max(10.0);
    let mut roots = Vec::new();
    for sib in dom.children(parent) {
        if sib == top {
            roots.push(sib);
            continue;
        }
        if !dom.is_element(sib) || Stats::flag(&st.skip, sib) || Stats::flag(&st.furniture, sib) {
            continue;
        }
        let ld = st.link_density(sib);
        let t = st.text(sib);
        let keep = final_of(sib).is_some_and(|s| s >= threshold)
            || (dom.tag(sib) == "p" && ((t >= 80.0 && ld < 0.25) || (t > 0.0 && ld == 0.0)));
        if keep {
            roots.push(sib);
        }
    }
    roots
}

struct Walker<'d> {
    dom: &'d Dom,
    st: &'d Stats,
    out: Extract,
    buf: String,
    buf_link: usize,
    in_link: usize,
    quote: usize,
    item: usize,
    pre: usize,
    root_text: f64,
}

impl Walker<'_> {
    fn flush(&mut self) {
        let text = self.buf.trim().to_string();
        let link = self.buf_link;
        self.buf.clear();
        self.buf_link = 0;
        if text.is_empty() {
            return;
        }
        let kind = if self.pre > 0 {
            "pre"
        } else if self.quote > 0 {
            "blockquote"
        } else if self.item > 0 {
            "li"
        } else {
            "p"
        };
        // A run of links standing alone is navigation, not prose.
        if link * 10 >= text.len() * 8 && text.len() < 300 {
            self.drop_text("links", &text);
            return;
        }
        if is_credit_line(&text) {
            self.drop_text("credit", &text);
            return;
        }
        if is_furniture_title(&text) {
            self.drop_text("title", &text);
            return;
        }
        if kind == "p" && is_stamp_line(&text) {
            self.drop_text("stamp", &text);
            return;
        }
        self.out.blocks.push(Block {
            kind: BlockKind::Paragraph(kind),
            text,
            credit: None,
            src: None,
            alt: None,
        });
    }

    fn drop_text(&mut self, kind: &'static str, text: &str) {
        if self.out.dropped.len() < 30 && !text.is_empty() {
            let short: String = text.chars().take(100).collect();
            self.out.dropped.push((kind, short));
        }
    }

    fn push_text(&mut self, t: &str) {
        let before = self.buf.len();
        if self.pre > 0 {
            self.buf.push_str(t);
        } else {
            push_collapsed(&mut self.buf, t);
        }
        if self.in_link > 0 {
            self.buf_link += self.buf.len() - before;
        }
    }

    fn walk(&mut self, root: Id) {
        let dom = self.dom;
        let mut stack: Vec<(Id, bool)> = vec![(root, false)];
        while let Some((id, exit)) = stack.pop() {
            let tag = dom.tag(id);
            if exit {
                match tag {
                    "a" => self.in_link = self.in_link.saturating_sub(1),
                    "blockquote" => {
                        self.flush();
                        self.quote = self.quote.saturating_sub(1);
                    }
                    "li" | "dd" => {
                        self.flush();
                        self.item = self.item.saturating_sub(1);
                    }
                    "pre" => {
                        self.flush();
                        self.pre = self.pre.saturating_sub(1);
                    }
                    "td" | "th" => self.push_text(" "),
                    t if BLOCK_TAGS.contains(&t) => self.flush(),
                    _ => {}
                }
                continue;
            }
            if let Some(t) = dom.text_of(id) {
                self.push_text(t);
                continue;
            }
            if !dom.is_element(id) || Stats::flag(&self.st.skip, id) {
                continue;
            }
            if Stats::flag(&self.st.furniture, id) && self.st.text(id) < self.root_text * 0.5 {
                self.flush();
                let kind = if tag == "nav" { "nav" } else { "furniture" };
                let related = class_id(dom, id).to_ascii_lowercase().contains("related");
                if related {
                    self.related(id);
                }
                let t = dom.head_text(id, 200);
                self.drop_text(kind, &t);
                continue;
            }
            if PAYWALL.matches(&class_id(dom, id)) && self.st.text(id) < self.root_text * 0.5 {
                self.flush();
                let t = dom.head_text(id, 200);
                self.drop_text("paywall", &t);
                continue;
            }
            if self.is_byline(id) {
                let t = visible_text(dom, id);
                if self.out.byline.is_none() {
                    self.out.byline = Some(t);
                }
                continue;
            }
            match tag {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    let level = tag.as_bytes().get(1).map_or(2, |b| b - b'0');
                    let t = visible_text(dom, id);
                    if level == 1 && self.out.h1.is_none() && self.out.blocks.is_empty() {
                        self.out.h1 = Some(t);
                    } else if is_furniture_title(&t) {
                        self.drop_text("title", &t);
                    } else if !t.is_empty() {
                        self.out.blocks.push(Block {
                            kind: BlockKind::Heading(level),
                            text: t,
                            credit: None,
                            src: None,
                            alt: None,
                        });
                    }
                    continue;
                }
                "figure" if !holds_text_block(dom, id) => {
                    self.flush();
                    self.figure(id);
                    continue;
                }
                "img" => {
                    if let Some(src) = dom.attr(id, "src").or_else(|| dom.attr(id, "data-src")) {
                        if self.out.images.len() < 100 {
                            self.out
                                .images
                                .push((src.to_string(), dom.attr(id, "alt").map(str::to_string)));
                        }
                    }
                    continue;
                }
                "time" if self.st.text(id) < 60.0 && self.out.blocks.len() < 3 => {
                    let t = visible_text(dom, id);
                    if self.out.date_text.is_none() && !t.is_empty() {
                        self.out.date_text =
                            Some((t, dom.attr(id, "datetime").map(str::to_string)));
                    }
                    continue;
                }
                "br" => {
                    if self.buf.ends_with('\n') {
                        self.flush();
                    } else if !self.buf.trim().is_empty() {
                        while self.buf.ends_with(' ') {
                            self.buf.pop();
                        }
                        self.buf.push('\n');
                    }
                    continue;
                }
                "a" => self.in_link += 1,
                "blockquote" => {
                    self.flush();
                    self.quote += 1;
                }
                "li" | "dd" => {
                    self.flush();
                    self.item += 1;
                }
                "pre" => {
                    self.flush();
                    self.pre += 1;
                }
                t if BLOCK_TAGS.contains(&t) => self.flush(),
                _ => {}
            }
            stack.push((id, true));
            let kids: Vec<Id> = dom.children(id).collect();
            for k in kids.into_iter().rev() {
                stack.push((k, false));
            }
        }
        self.flush();
    }

    fn is_byline(&self, id: Id) -> bool {
        let dom = self.dom;
        let t = self.st.text(id);
        if !(3.0..=150.0).contains(&t) || self.out.blocks.len() > 3 {
            return false;
        }
        dom.attr(id, "rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || dom
                .attr(id, "itemprop")
                .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            || BYLINE.matches(&class_id(dom, id))
    }

    fn figure(&mut self, id: Id) {
        let dom = self.dom;
        let mut src = None;
        let mut alt = None;
        let mut caption = String::new();
        let mut credit: Option<String> = None;
        for n in dom.preorder(id) {
            match dom.tag(n) {
                "img" if src.is_none() => {
                    src = dom
                        .attr(n, "src")
                        .or_else(|| dom.attr(n, "data-src"))
                        .map(str::to_string);
                    alt = dom.attr(n, "alt").map(str::to_string);
                }
                "figcaption" if caption.is_empty() => caption = visible_text(dom, n),
                _ => {
                    let ci = class_id(dom, n).to_ascii_lowercase();
                    if credit.is_none() && (ci.contains("credit") || ci.contains("copyright")) {
                        credit = Some(visible_text(dom, n)).filter(|c| !c.is_empty());
                    }
                }
            }
        }
        // The credit is usually inside the caption element: keep the caption without it.
        if let Some(c) = &credit {
            if let Some(stripped) = caption.strip_suffix(c.as_str()) {
                caption = stripped.trim().to_string();
            }
        }
        if caption.is_empty() {
            if let Some(s) = src {
                self.out.images.push((s, alt));
            }
            return;
        }
        self.out.blocks.push(Block {
            kind: BlockKind::Caption,
            text: caption,
            credit,
            src,
            alt,
        });
    }

    fn related(&mut self, id: Id) {
        let dom = self.dom;
        for n in dom.preorder(id) {
            if dom.tag(n) == "a" && self.out.related.len() < 20 {
                if let Some(h) = dom.attr(n, "href") {
                    let t = visible_text(dom, n);
                    if t.split_whitespace().count() >= 3 {
                        self.out.related.push((t, h.to_string()));
                    }
                }
            }
        }
    }
}

/// Bytes under which a block opening with a credit label is a credit line.
const CREDIT_MAX: usize = 150;

/// "Image: Jane Doe / Getty Images", "Source: NAIC": the credit of the picture or chart above,
/// printed as a paragraph of its own.
fn is_credit_line(text: &str) -> bool {
    if text.len() >= CREDIT_MAX {
        return false;
    }
    let head: String = text.chars().take(24).collect::<String>().to_lowercase();
    CREDIT_LABELS.iter().any(|l| head.starts_with(l.as_str()))
}

/// Bytes up to which a block that is only a date ("Updated Jan 5, 2024") is a stamp.
const STAMP_MAX: usize = 60;

/// A dateline standing as its own block ("Updated Jan 5, 2024", read as `layout::stamps`
/// reads a stamp line) repeats the page's date stamp; it is not prose.
fn is_stamp_line(text: &str) -> bool {
    text.len() <= STAMP_MAX
        && text.chars().any(|c| c.is_ascii_digit())
        && crate::layout::stamps::parse_line(text, crate::text::Span::new(0, text.len())).is_some()
}

/// Bytes under which a block is compared with the furniture titles.
const TITLE_MAX: usize = 60;

/// "Related posts", "Share this:": the title of furniture whose body was dropped.
fn is_furniture_title(text: &str) -> bool {
    if text.len() >= TITLE_MAX {
        return false;
    }
    let t = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || ":.!-–—|".contains(c));
    FURNITURE_TITLES.contains(t)
}

/// A figure that frames a table, quote, list or code is read as text (WordPress wraps every
/// table and pull quote in `<figure>`); only a picture's figure is a caption, whatever its
/// `<figcaption>` holds.
fn holds_text_block(dom: &Dom, id: Id) -> bool {
    let mut stack: Vec<Id> = dom.children(id).collect();
    while let Some(n) = stack.pop() {
        match dom.tag(n) {
            "table" | "blockquote" | "pre" | "ul" | "ol" | "p" => return true,
            "figcaption" => {}
            _ => stack.extend(dom.children(n)),
        }
    }
    false
}

/// The collapsed text under `id` without what is never text: a `<style>` inside a heading
/// (CSS-in-JS libraries put one there) is not part of the heading.
fn visible_text(dom: &Dom, id: Id) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if let Some(t) = dom.text_of(n) {
            push_collapsed(&mut out, t);
            continue;
        }
        let tag = dom.tag(n);
        if matches!(tag, "script" | "style" | "template" | "noscript") {
            continue;
        }
        if n != id && (BLOCK_TAGS.contains(&tag) || tag == "br") {
            push_collapsed(&mut out, " ");
        }
        let at = stack.len();
        stack.extend(dom.children(n));
        if let Some(kids) = stack.get_mut(at..) {
            kids.reverse();
        }
    }
    out.trim().to_string()
}

/// Whether `a` is `n` or one of its ancestors (bounded walk).
fn is_ancestor(dom: &Dom, a: Id, n: Id) -> bool {
    let mut cur = Some(n);
    let mut steps = 0;
    while let Some(c) = cur {
        if c == a {
            return true;
        }
        steps += 1;
        if steps > 200 {
            return false;
        }
        cur = dom.parent(c);
    }
    false
}

/// Headings that are links to other pages, many of them: a listing of teasers.
fn looks_like_listing(dom: &Dom, roots: &[Id], st: &Stats) -> bool {
    let mut headings = 0usize;
    let mut linked = 0usize;
    let mut long_paras = 0usize;
    for &r in roots {
        for n in dom.preorder(r) {
            match dom.tag(n) {
                "h2" | "h3" | "h4" => {
                    headings += 1;
                    if st.link_density(n) > 0.8 || dom.parent(n).is_some_and(|p| dom.tag(p) == "a")
                    {
                        linked += 1;
                    }
                }
                "p" if st.text(n) > 300.0 && st.link_density(n) < 0.2 => long_paras += 1,
                _ => {}
            }
        }
    }
    // Teasers are short: an article whose sections have linked headings ("19 tutorials you
    // should read") has paragraphs of prose under each.
    let prose: f64 = roots
        .iter()
        .map(|&r| st.text(r) - f64::from(st.link.get(r).copied().unwrap_or(0)))
        .sum();
    linked >= 5
        && linked * 10 >= headings * 6
        && long_paras < linked / 2 + 1
        && prose < linked as f64 * 250.0
}

/// Blocks at least this long (bytes) are dropped when the same text was already emitted.
const REPEAT_MIN: usize = 30;
const REPEAT_MAX: usize = 3;

/// Responsive layouts print a block twice or thrice (desktop, tablet and mobile copies, all but
/// one hidden by CSS the parser cannot see); a later copy of a long block is never new text.
/// A block printed more than `REPEAT_MAX` times is a pattern of the page (the terms under each
/// coupon) and stays.
fn drop_repeats(out: &mut Extract) {
    let mut count: FastMap<&str, usize> = FastMap::default();
    for b in out.blocks.iter().filter(|b| b.text.len() >= REPEAT_MIN) {
        *count.entry(b.text.as_str()).or_insert(0) += 1;
    }
    let mut seen: FastSet<&str> = FastSet::default();
    let mut keep = Vec::with_capacity(out.blocks.len());
    for b in &out.blocks {
        let t = b.text.as_str();
        let pattern = count.get(t).is_none_or(|&c| c > REPEAT_MAX);
        keep.push(pattern || seen.insert(t));
    }
    let mut dropped = Vec::new();
    let mut i = 0;
    out.blocks.retain(|b| {
        let k = keep.get(i).copied().unwrap_or(true);
        i += 1;
        if !k {
            dropped.push(b.text.chars().take(100).collect::<String>());
        }
        k
    });
    for t in dropped {
        if out.dropped.len() < 30 {
            out.dropped.push(("repeat", t));
        }
    }
}

pub fn extract(dom: &Dom, body_hint: Option<usize>) -> Extract {
    let order = dom.preorder(ROOT);
    let st = stats(dom, &order);
    let body = order.iter().copied().find(|&i| dom.tag(i) == "body");
    let page_text = body.map_or(0.0, |b| st.text(b));
    let scripts = order.iter().filter(|&&i| dom.tag(i) == "script").count();
    let paywall_marker = order.iter().any(|&i| {
        dom.is_element(i) && !Stats::flag(&st.skip, i) && {
            let ci = class_id(dom, i);
            !ci.is_empty() && PAYWALL.matches(&ci)
        }
    });
    let roots = choose(dom, &order, &st, body_hint);
    let root_text: f64 = roots.iter().map(|&r| st.text(r)).sum();
    let mut w = Walker {
        dom,
        st: &st,
        out: Extract::default(),
        buf: String::new(),
        buf_link: 0,
        in_link: 0,
        quote: 0,
        item: 0,
        pre: 0,
        root_text,
    };
    for &r in &roots {
        w.walk(r);
    }
    // Furniture outside the content, outermost elements only, for the record of what went.
    for &i in &order {
        if w.out.dropped.len() >= 30 {
            break;
        }
        let outer = Stats::flag(&st.furniture, i)
            && !dom
                .parent(i)
                .is_some_and(|p| Stats::flag(&st.in_furniture, p));
        if outer && st.text(i) > 0.0 && !roots.iter().any(|&r| is_ancestor(dom, r, i)) {
            let kind = if dom.tag(i) == "nav" {
                "nav"
            } else {
                "furniture"
            };
            let t = dom.head_text(i, 200);
            w.drop_text(kind, &t);
            if class_id(dom, i).to_ascii_lowercase().contains("related") {
                w.related(i);
            }
        }
    }
    let mut out = w.out;
    // The page's h1 outside the content, and a byline outside it.
    if out.h1.is_none() {
        out.h1 = order
            .iter()
            .find(|&&i| dom.tag(i) == "h1" && !Stats::flag(&st.skip, i))
            .map(|&i| visible_text(dom, i))
            .filter(|t| !t.is_empty());
    }
    if out.byline.is_none() {
        for &i in &order {
            if !dom.is_element(i)
                || Stats::flag(&st.skip, i)
                || Stats::flag(&st.in_furniture, i)
                || !(3.0..=150.0).contains(&st.text(i))
            {
                continue;
            }
            let ci = class_id(dom, i);
            if BYLINE.matches(&ci)
                || dom
                    .attr(i, "itemprop")
                    .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            {
                out.byline = Some(visible_text(dom, i));
                break;
            }
        }
    }
    drop_repeats(&mut out);
    out.paywall_marker = paywall_marker;
    out.script_only = page_text < 200.0 && scripts > 0;
    out.listing = looks_like_listing(dom, &roots, &st);
    out.page_text = page_text as usize;
    out
}
