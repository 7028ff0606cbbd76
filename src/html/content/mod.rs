//! Main-content detection: one bottom-up statistics pass, a Readability-style candidate score,
//! then a walk of the chosen subtree that emits blocks (paragraphs, list items, quotes,
//! subheadings, captions).
//!
//! Modelled on the ideas of Arc90 Readability (paragraph scores propagated to ancestors,
//! class/id weights, link density, sibling inclusion) and trafilatura (drop furniture by
//! tag and class before reading, prefer structured metadata as evidence); no code was taken
//! from either.
//!
//! Submodules: `stats` (per-node text, links and furniture marks), `choose` (the candidate
//! score and the content roots), `walk` (blocks out of the roots) and `blocks` (what a block
//! is: credit lines, stamps, furniture titles, repeats, listings).

mod blocks;
mod choose;
mod stats;
mod walk;

use super::dom::{Dom, Id, ROOT};
use super::hints::{BYL, PAY};
pub use blocks::{bio_key, is_bio, opens_as_bio};
use blocks::{drop_byline_lines, drop_repeats, drop_teaser_runs, looks_like_listing, visible_text};
use choose::choose;
use stats::{class_id, stats, Stats};
use walk::Walker;

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
    /// A heading that is a link (a teaser's title).
    pub linked: bool,
    /// The first block after a dropped furniture title ("Latest news", "Related posts").
    pub after_title: bool,
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
    /// Visible text (non-whitespace bytes) before each node in document order: how far
    /// apart two elements are as a reader sees them.
    pub pos: Vec<u32>,
    /// Link text (non-whitespace bytes) before each node, counted where each link starts.
    pub link_pos: Vec<u32>,
    /// `link_pos` where the body ends.
    pub body_end_links: u32,
    /// The page's first h1 (the headline's element) and the byline element, when found.
    pub h1_at: Option<Id>,
    pub byline_at: Option<Id>,
    /// The text range of the content roots in `pos` terms.
    pub body_range: (u32, u32),
}

pub fn extract(dom: &Dom, body_hint: Option<usize>, marks: Vec<u8>) -> Extract {
    let order = dom.preorder(ROOT);
    let st = stats(dom, &order, marks);
    let body = order.iter().copied().find(|&i| dom.tag(i) == "body");
    let page_text = body.map_or(0.0, |b| st.text(b));
    let scripts = order.iter().filter(|&&i| dom.tag(i) == "script").count();
    let paywall_marker = order
        .iter()
        .any(|&i| dom.is_element(i) && !Stats::flag(&st.skip, i) && st.mark(i) & PAY != 0);
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
        section_of: None,
        title_pending: false,
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
    let mut pos = vec![0u32; dom.nodes.len()];
    let mut link_pos = vec![0u32; dom.nodes.len()];
    let (mut run, mut links) = (0u32, 0u32);
    for &i in &order {
        if let (Some(x), Some(l)) = (pos.get_mut(i), link_pos.get_mut(i)) {
            *x = run;
            *l = links;
        }
        if Stats::flag(&st.skip, i) {
            continue;
        }
        if dom.text_of(i).is_some() {
            run += st.text.get(i).copied().unwrap_or(0);
        } else if dom.tag(i) == "a" {
            links += st.link.get(i).copied().unwrap_or(0);
        }
    }
    out.body_range = roots.iter().fold((u32::MAX, 0), |(a, b), &r| {
        let p = pos.get(r).copied().unwrap_or(0);
        (a.min(p), b.max(p + st.text.get(r).copied().unwrap_or(0)))
    });
    // The link text before the first node at or past the body's end.
    let end = order.partition_point(|&i| pos.get(i).copied().unwrap_or(0) < out.body_range.1);
    out.body_end_links = order
        .get(end)
        .and_then(|&i| link_pos.get(i).copied())
        .unwrap_or(links);
    out.h1_at = order
        .iter()
        .copied()
        .find(|&i| dom.tag(i) == "h1" && !Stats::flag(&st.skip, i) && st.text(i) > 0.0);
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
            if st.mark(i) & BYL != 0
                || dom
                    .attr(i, "itemprop")
                    .is_some_and(|r| r.eq_ignore_ascii_case("author"))
            {
                out.byline = Some(visible_text(dom, i));
                out.byline_at = Some(i);
                break;
            }
        }
    }
    drop_repeats(&mut out);
    drop_teaser_runs(&mut out);
    drop_byline_lines(&mut out);
    out.paywall_marker = paywall_marker;
    out.script_only = page_text < 200.0 && scripts > 0;
    out.listing = looks_like_listing(dom, &roots, &st);
    out.page_text = page_text as usize;
    out.pos = pos;
    out.link_pos = link_pos;
    out
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
