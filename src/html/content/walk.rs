//! The walk of the content roots that emits blocks: paragraphs, list items, quotes, `pre`,
//! subheadings and captions, with furniture, bylines and paywall boxes set aside.

use super::super::dom::{push_collapsed, Dom, Id};
use super::super::hints::{BYL, PAY};
use super::blocks::{
    furniture_title, is_credit_line, is_furniture_title, is_notice, is_stamp_line, visible_text,
    BLOCK_TAGS,
};
use super::stats::{class_id, Stats};
use super::{Block, BlockKind, Extract};

pub(super) struct Walker<'d> {
    pub(super) dom: &'d Dom,
    pub(super) st: &'d Stats,
    pub(super) out: Extract,
    pub(super) buf: String,
    pub(super) buf_link: usize,
    pub(super) in_link: usize,
    pub(super) quote: usize,
    pub(super) item: usize,
    pub(super) pre: usize,
    pub(super) root_text: f64,
    /// The container whose remaining children belong to a furniture section (after an
    /// "About the author" heading), while they are skipped.
    pub(super) section_of: Option<Id>,
    /// A furniture title was dropped and no block has been pushed since.
    pub(super) title_pending: bool,
}

/// Bytes of text above which a block after a furniture-section title is the article again.
const SECTION_MAX: f64 = 1500.0;

/// Bytes of text under which the container of a linked heading is a teaser's card.
const CARD_MAX: f64 = 700.0;

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
            self.title_pending = true;
            return;
        }
        if kind != "pre" && is_notice(&text) {
            self.drop_text("notice", &text);
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
            linked: false,
            after_title: std::mem::take(&mut self.title_pending),
        });
    }

    pub(super) fn drop_text(&mut self, kind: &'static str, text: &str) {
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

    pub(super) fn walk(&mut self, root: Id) {
        let dom = self.dom;
        let mut stack: Vec<(Id, bool)> = vec![(root, false)];
        while let Some((id, exit)) = stack.pop() {
            let tag = dom.tag(id);
            if exit {
                if self.section_of == Some(id) {
                    self.section_of = None;
                }
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
            if self.section_of.is_some() && dom.parent(id) == self.section_of {
                if self.in_section(id) {
                    if dom.is_element(id) && self.st.text(id) > 0.0 {
                        let t = dom.head_text(id, 200);
                        self.drop_text("section", &t);
                    }
                    continue;
                }
                self.section_of = None;
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
            if self.st.mark(id) & PAY != 0 && self.st.text(id) < self.root_text * 0.5 {
                self.flush();
                let t = dom.head_text(id, 200);
                self.drop_text("paywall", &t);
                continue;
            }
            if self.is_byline(id) {
                let t = visible_text(dom, id);
                if self.out.byline.is_none() {
                    self.out.byline = Some(t);
                    self.out.byline_at = Some(id);
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
                    } else if let Some(section) = furniture_title(&t).or_else(|| {
                        // A notice as a heading ("We have a small favor to ask") heads its box.
                        is_notice(&t).then_some(true)
                    }) {
                        self.drop_text("title", &t);
                        self.title_pending = true;
                        // Only once the article has begun: a "Share" heading above it heads
                        // nothing that could be skipped.
                        let begun = self
                            .out
                            .blocks
                            .iter()
                            .filter(|b| matches!(b.kind, BlockKind::Paragraph(_)))
                            .count()
                            >= 3;
                        if section && begun {
                            self.section_of = self.section_parent(id, root);
                        }
                    } else if !t.is_empty() {
                        self.out.blocks.push(Block {
                            kind: BlockKind::Heading(level),
                            text: t,
                            credit: None,
                            src: None,
                            alt: None,
                            linked: self.in_card(id),
                            after_title: std::mem::take(&mut self.title_pending),
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

    /// The container of a furniture-section heading `h`: the parent of the outermost
    /// element around `h` that holds nothing but it (below the walk's `root`).
    fn section_parent(&self, h: Id, root: Id) -> Option<Id> {
        let dom = self.dom;
        let mut wrapper = h;
        while let Some(p) = dom.parent(wrapper) {
            if p == root || self.st.text(p) > self.st.text(h) + 5.0 {
                return Some(p);
            }
            wrapper = p;
        }
        None
    }

    /// Whether heading `h` is a teaser's title: a link, alone in a small container of its
    /// own (a card: the title and a line of summary), not a heading among the article's
    /// paragraphs, which share one big container.
    fn in_card(&self, h: Id) -> bool {
        let dom = self.dom;
        let linked =
            self.st.link_density(h) > 0.8 || dom.parent(h).is_some_and(|p| dom.tag(p) == "a");
        if !linked {
            return false;
        }
        let own = self.st.text(h);
        let mut card = h;
        for _ in 0..4 {
            match dom.parent(card) {
                Some(p) if self.st.text(p) <= own + 1.0 => card = p,
                Some(p) => return self.st.text(p) < CARD_MAX,
                None => return false,
            }
        }
        false
    }

    /// Whether `id`, a later child of a furniture section's container, is still part of
    /// the section: short, and no new heading in it.
    fn in_section(&self, id: Id) -> bool {
        let dom = self.dom;
        if dom.text_of(id).is_some() {
            return true;
        }
        if self.st.text(id) > SECTION_MAX {
            return false;
        }
        !dom.preorder(id)
            .into_iter()
            .any(|n| matches!(dom.tag(n), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
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
            || self.st.mark(id) & BYL != 0
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
            linked: false,
            after_title: std::mem::take(&mut self.title_pending),
        });
    }

    pub(super) fn related(&mut self, id: Id) {
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
