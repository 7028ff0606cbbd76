//! A flat arena DOM built by html5ever's tree builder.
//!
//! Nodes live in one `Vec` and link by index, so dropping a 10,000-deep tree is a plain
//! `Vec` drop and every walk in this module is iterative: no recursion can overflow the stack.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::{ns, Attribute, LocalName, QualName};

use super::guard::{Budget, LONG_VALUE};

pub type Id = usize;

/// A link between nodes: an index, `NONE` for no node. Four bytes instead of sixteen for an
/// `Option<usize>`: a page's tree is 5 links per node.
type Link = u32;
const NONE: Link = Link::MAX;

fn link(id: Option<Id>) -> Link {
    id.and_then(|i| Link::try_from(i).ok()).unwrap_or(NONE)
}

fn unlink(l: Link) -> Option<Id> {
    (l != NONE).then_some(l as Id)
}

#[derive(Debug)]
pub enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        /// The node holding a `<template>`'s contents (`NONE` for other elements).
        template: Link,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions, template contents: never content.
    Other,
}

#[derive(Debug)]
pub struct Node {
    parent: Link,
    first_child: Link,
    last_child: Link,
    prev: Link,
    next: Link,
    /// Depth below the document when the node was attached (saturating): the guard's measure
    /// of nesting. Not updated when the tree builder later moves a subtree (the adoption
    /// agency nests moved children one level deeper); it follows the stack of open elements,
    /// which is what the cap must bound.
    depth: u16,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Self {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            data,
        }
    }
}

pub struct Dom {
    pub nodes: Vec<Node>,
    /// The page needed a bigger tree than its budget (see `guard`): what follows the point
    /// where it stopped is missing.
    pub truncated: bool,
    /// Calls the tree builder made into the tree (each name it read while scanning its
    /// stack of open elements counts one): a measure of its work, counted in tests only.
    #[cfg(test)]
    pub work: u64,
}

pub const ROOT: Id = 0;

impl Dom {
    /// The local tag name, lower case (html5ever normalises HTML names); "" for non-elements.
    pub fn tag(&self, id: Id) -> &str {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => name.local.as_ref(),
            _ => "",
        }
    }

    pub fn attr(&self, id: Id, key: &str) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Element { attrs, .. }) => attrs
                .iter()
                .find(|a| &*a.name.local == key)
                .map(|a| a.value.as_ref()),
            _ => None,
        }
    }

    pub fn text_of(&self, id: Id) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.data) {
            Some(Data::Text(t)) => Some(t.as_ref()),
            _ => None,
        }
    }

    pub fn is_element(&self, id: Id) -> bool {
        matches!(
            self.nodes.get(id).map(|n| &n.data),
            Some(Data::Element { .. })
        )
    }

    pub fn parent(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| unlink(n.parent))
    }

    fn last_child(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| unlink(n.last_child))
    }

    fn prev(&self, id: Id) -> Option<Id> {
        self.nodes.get(id).and_then(|n| unlink(n.prev))
    }

    pub fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id).and_then(|n| unlink(n.first_child)),
        }
    }

    /// Nodes under `root` (itself included) in document order, without recursion.
    pub fn preorder(&self, root: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            out.push(id);
            let mut c = self.last_child(id);
            while let Some(k) = c {
                stack.push(k);
                c = self.prev(k);
            }
        }
        out
    }

    /// The first `max` bytes (about) of the collapsed text under `id`.
    pub fn head_text(&self, id: Id, max: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if out.len() >= max {
                break;
            }
            if let Some(t) = self.text_of(n) {
                push_collapsed(&mut out, t);
            } else if matches!(self.tag(n), "script" | "style" | "template") {
                continue;
            } else if is_block_tag(self.tag(n)) {
                push_collapsed(&mut out, " ");
            }
            let mut c = self.last_child(n);
            while let Some(k) = c {
                stack.push(k);
                c = self.prev(k);
            }
        }
        let mut end = max.min(out.len());
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out.trim().to_string()
    }

    /// The collapsed text under `id` when it is at most `max` bytes; stops reading early, so
    /// asking about a huge container costs little: `None` too past `4 * max + 256` nodes
    /// (a short text needs few; an empty tree of thousands is no short text either).
    pub fn short_text(&self, id: Id, max: usize) -> Option<String> {
        let mut out = String::new();
        let mut stack = vec![id];
        let mut budget = max.saturating_mul(4).saturating_add(256);
        while let Some(n) = stack.pop() {
            budget = budget.checked_sub(1)?;
            if let Some(t) = self.text_of(n) {
                push_collapsed(&mut out, t);
                if out.len() > max {
                    return None;
                }
            } else if matches!(self.tag(n), "script" | "style" | "template") {
                continue;
            } else if is_block_tag(self.tag(n)) {
                push_collapsed(&mut out, " ");
            }
            let mut c = self.last_child(n);
            while let Some(k) = c {
                stack.push(k);
                c = self.prev(k);
            }
        }
        Some(out.trim().to_string())
    }

    /// All text under `id`, whitespace collapsed to single spaces.
    pub fn collapsed_text(&self, id: Id) -> String {
        let mut out = String::new();
        for n in self.preorder(id) {
            if let Some(t) = self.text_of(n) {
                push_collapsed(&mut out, t);
            } else if is_block_tag(self.tag(n)) {
                push_collapsed(&mut out, " ");
            }
        }
        out.trim().to_string()
    }
}

/// Appends `t` with whitespace runs collapsed to one space, never doubling a space already at
/// the end of `out`.
pub fn push_collapsed(out: &mut String, t: &str) {
    let mut space = out.is_empty() || out.ends_with(' ') || out.ends_with('\n');
    for c in t.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "td"
            | "th"
            | "tr"
            | "section"
            | "article"
            | "aside"
            | "nav"
            | "ul"
            | "ol"
            | "dt"
            | "dd"
            | "figcaption"
    )
}

pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<Id>,
}

impl Iterator for Children<'_> {
    type Item = Id;
    fn next(&mut self) -> Option<Id> {
        let id = self.next?;
        self.next = self.dom.nodes.get(id).and_then(|n| unlink(n.next));
        Some(id)
    }
}

/// Parses a decoded page. html5ever never fails: broken markup is repaired as browsers do;
/// `guard` keeps the work linear (depth cap, tree budget).
pub fn parse(html: &str) -> Dom {
    super::guard::build(html)
}

/// The tree builder's side of the arena: builds the nodes, and keeps the accounts the guard
/// reads (elements attached past the depth cap, the tree budget).
pub struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Returned by `elem_name` for a handle that is not an element (the tree builder never
    /// asks, but panicking is not an option).
    dummy: RefCell<QualName>,
    budget: Budget,
    max_depth: usize,
    #[cfg(test)]
    work: Cell<u64>,
    attrs: Cell<usize>,
    long_value_bytes: Cell<usize>,
    over_budget: Cell<bool>,
    /// The first node made while the current token is processed.
    token_start: Cell<Id>,
    /// Elements the current token attached, in order, each with whether it went deeper
    /// than `max_depth`.
    made: RefCell<Vec<(Id, bool)>>,
}

impl Sink {
    pub fn new(budget: Budget, max_depth: usize) -> Self {
        Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            dummy: RefCell::new(QualName::new(None, ns!(html), LocalName::from(""))),
            budget,
            max_depth,
            #[cfg(test)]
            work: Cell::new(0),
            attrs: Cell::new(0),
            long_value_bytes: Cell::new(0),
            over_budget: Cell::new(false),
            token_start: Cell::new(1),
            made: RefCell::new(Vec::new()),
        }
    }

    pub fn over_budget(&self) -> bool {
        self.over_budget.get()
    }

    /// Marks the start of a token: what it attaches is collected anew.
    pub fn begin_token(&self) {
        self.token_start.set(self.nodes.borrow().len());
        self.made.borrow_mut().clear();
    }

    /// The elements the current token attached, in order, with whether each went past the
    /// depth cap; cleared.
    pub fn take_made(&self) -> Vec<(Id, bool)> {
        std::mem::take(&mut *self.made.borrow_mut())
    }

    /// Whether the current token attached an element past the cap or more than `most`.
    pub fn made_too_much(&self, most: usize) -> bool {
        let made = self.made.borrow();
        made.len() > most || made.iter().any(|&(_, deep)| deep)
    }

    /// The name to close `id` with when it went past the cap: an element that is on the
    /// stack of open elements and whose end tag only pops it. Not void elements (never on
    /// the stack), raw-text ones (the tokenizer is already reading their text; they close
    /// themselves), nor the document's own `html`, `head`, `body`, `frameset`.
    pub fn closable_name(&self, id: Id) -> Option<LocalName> {
        let nodes = self.nodes.borrow();
        let Some(Data::Element { name, .. }) = nodes.get(id).map(|n| &n.data) else {
            return None;
        };
        let local = name.local.to_ascii_lowercase();
        let never = [
            "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
            "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "html",
            "head", "body", "frameset",
        ];
        let raw_text = super::guard::RAW_TEXT.contains(&local.as_str());
        (!never.contains(&local.as_str()) && !raw_text).then(|| LocalName::from(local))
    }

    fn push(&self, data: Data) -> Id {
        #[cfg(test)]
        self.work.set(self.work.get() + 1);
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        if nodes.len() > self.budget.max_nodes {
            self.over_budget.set(true);
        }
        nodes.len() - 1
    }

    /// Records the depth of `child`, just attached under `parent`, and notes it when it is
    /// an element of the current token past the cap. A template's contents sit at its depth,
    /// so nested templates cannot restart the count.
    fn attached(&self, nodes: &mut [Node], parent: Option<Id>, child: Id) {
        let depth = parent
            .and_then(|p| nodes.get(p))
            .map_or(0, |p| p.depth.saturating_add(1));
        let Some(node) = nodes.get_mut(child) else {
            return;
        };
        node.depth = depth;
        let Data::Element { template, .. } = &node.data else {
            return;
        };
        if let Some(c) = unlink(*template).and_then(|t| nodes.get_mut(t)) {
            c.depth = depth;
        }
        if child >= self.token_start.get() {
            self.made
                .borrow_mut()
                .push((child, usize::from(depth) > self.max_depth));
        }
    }

    fn detach(nodes: &mut [Node], id: Id) {
        let (parent, prev, next) = match nodes.get(id) {
            Some(n) => (unlink(n.parent), unlink(n.prev), unlink(n.next)),
            None => return,
        };
        if let Some(p) = prev.and_then(|p| nodes.get_mut(p)) {
            p.next = link(next);
        } else if let Some(par) = parent.and_then(|p| nodes.get_mut(p)) {
            par.first_child = link(next);
        }
        if let Some(n) = next.and_then(|n| nodes.get_mut(n)) {
            n.prev = link(prev);
        } else if let Some(par) = parent.and_then(|p| nodes.get_mut(p)) {
            par.last_child = link(prev);
        }
        if let Some(n) = nodes.get_mut(id) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    fn append_id(nodes: &mut [Node], parent: Id, child: Id) {
        Self::detach(nodes, child);
        let last = nodes.get(parent).map_or(NONE, |p| p.last_child);
        if let Some(c) = nodes.get_mut(child) {
            c.parent = link(Some(parent));
            c.prev = last;
        }
        match unlink(last).and_then(|l| nodes.get_mut(l)) {
            Some(l) => l.next = link(Some(child)),
            None => {
                if let Some(p) = nodes.get_mut(parent) {
                    p.first_child = link(Some(child));
                }
            }
        }
        if let Some(p) = nodes.get_mut(parent) {
            p.last_child = link(Some(child));
        }
    }

    fn insert_before(nodes: &mut [Node], sibling: Id, child: Id) {
        Self::detach(nodes, child);
        let (parent, prev) = match nodes.get(sibling) {
            Some(s) => (s.parent, s.prev),
            None => return,
        };
        if let Some(c) = nodes.get_mut(child) {
            c.parent = parent;
            c.prev = prev;
            c.next = link(Some(sibling));
        }
        if let Some(s) = nodes.get_mut(sibling) {
            s.prev = link(Some(child));
        }
        match unlink(prev).and_then(|p| nodes.get_mut(p)) {
            Some(p) => p.next = link(Some(child)),
            None => {
                if let Some(par) = unlink(parent).and_then(|p| nodes.get_mut(p)) {
                    par.first_child = link(Some(child));
                }
            }
        }
    }

    /// Merges `text` into node `id` when it is a text node.
    fn merge_text(nodes: &mut [Node], id: Option<Id>, text: &StrTendril) -> bool {
        match id.and_then(|i| nodes.get_mut(i)).map(|n| &mut n.data) {
            Some(Data::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

impl TreeSink for Sink {
    type Handle = Id;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            truncated: self.over_budget.get(),
            #[cfg(test)]
            work: self.work.get(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
        #[cfg(test)]
        self.work.set(self.work.get() + 1);
        let found = Ref::filter_map(self.nodes.borrow(), |nodes| {
            match nodes.get(*target).map(|n| &n.data) {
                Some(Data::Element { name, .. }) => Some(name),
                _ => None,
            }
        });
        match found {
            Ok(name) => name,
            Err(_) => self.dummy.borrow(),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Id {
        let long: usize = attrs
            .iter()
            .map(|a| a.value.len())
            .filter(|&n| n > LONG_VALUE)
            .sum();
        let count = self.attrs.get().saturating_add(attrs.len());
        let long = self.long_value_bytes.get().saturating_add(long);
        self.attrs.set(count);
        self.long_value_bytes.set(long);
        // Past the budget the tree is final (the guard sends no more tokens); what this token
        // still makes keeps no attributes, so one token cannot clone a million of them.
        let over = count > self.budget.max_attrs || long > self.budget.max_long_value_bytes;
        let attrs = if over || self.over_budget.get() {
            self.over_budget.set(true);
            Vec::new()
        } else {
            attrs
        };
        let id = self.push(Data::Element {
            name,
            attrs,
            template: NONE,
        });
        if flags.template {
            let contents = self.push(Data::Other);
            if let Some(Data::Element { template, .. }) =
                self.nodes.borrow_mut().get_mut(id).map(|n| &mut n.data)
            {
                *template = link(Some(contents));
            }
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Id {
        self.push(Data::Other)
    }

    fn append(&self, parent: &Id, child: NodeOrText<Id>) {
        match child {
            NodeOrText::AppendNode(id) => {
                let mut nodes = self.nodes.borrow_mut();
                Self::append_id(&mut nodes, *parent, id);
                self.attached(&mut nodes, Some(*parent), id);
            }
            NodeOrText::AppendText(text) => {
                let last = self
                    .nodes
                    .borrow()
                    .get(*parent)
                    .and_then(|p| unlink(p.last_child));
                if !Self::merge_text(&mut self.nodes.borrow_mut(), last, &text) {
                    let id = self.push(Data::Text(text));
                    Self::append_id(&mut self.nodes.borrow_mut(), *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        if let Some(Data::Element { template, .. }) =
            self.nodes.borrow().get(*target).map(|n| &n.data)
        {
            if let Some(t) = unlink(*template) {
                return t;
            }
        }
        // Not a template (the builder promises it is): a detached node keeps content out.
        self.push(Data::Other)
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        match child {
            NodeOrText::AppendNode(id) => {
                let mut nodes = self.nodes.borrow_mut();
                Self::insert_before(&mut nodes, *sibling, id);
                let parent = nodes.get(*sibling).and_then(|s| unlink(s.parent));
                self.attached(&mut nodes, parent, id);
            }
            NodeOrText::AppendText(text) => {
                let prev = self
                    .nodes
                    .borrow()
                    .get(*sibling)
                    .and_then(|s| unlink(s.prev));
                if !Self::merge_text(&mut self.nodes.borrow_mut(), prev, &text) {
                    let id = self.push(Data::Text(text));
                    Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Id, new: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Data::Element { attrs, .. }) = nodes.get_mut(*target).map(|n| &mut n.data) {
            for a in new {
                if !attrs.iter().any(|b| b.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Id) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &Id, new_parent: &Id) {
        let mut nodes = self.nodes.borrow_mut();
        let mut c = nodes.get(*node).and_then(|n| unlink(n.first_child));
        while let Some(id) = c {
            c = nodes.get(id).and_then(|n| unlink(n.next));
            Self::append_id(&mut nodes, *new_parent, id);
        }
    }
}
