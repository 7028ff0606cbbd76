//! A flat arena DOM built by html5ever's tree builder.
//!
//! Nodes live in one `Vec` and link by index, so dropping a 10,000-deep tree is a plain
//! `Vec` drop and every walk in this module is iterative: no recursion can overflow the stack.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{ns, Attribute, LocalName, QualName};

pub type Id = usize;

#[derive(Debug)]
pub enum Data {
    Document,
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<Id>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions, template fragments: never content.
    Other,
}

#[derive(Debug)]
pub struct Node {
    pub parent: Option<Id>,
    pub first_child: Option<Id>,
    pub last_child: Option<Id>,
    pub prev: Option<Id>,
    pub next: Option<Id>,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Self {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        }
    }
}

pub struct Dom {
    pub nodes: Vec<Node>,
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
        self.nodes.get(id).and_then(|n| n.parent)
    }

    pub fn children(&self, id: Id) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id).and_then(|n| n.first_child),
        }
    }

    /// Nodes under `root` (itself included) in document order, without recursion.
    pub fn preorder(&self, root: Id) -> Vec<Id> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            out.push(id);
            let mut c = self.nodes.get(id).and_then(|n| n.last_child);
            while let Some(k) = c {
                stack.push(k);
                c = self.nodes.get(k).and_then(|n| n.prev);
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
            let mut c = self.nodes.get(n).and_then(|x| x.last_child);
            while let Some(k) = c {
                stack.push(k);
                c = self.nodes.get(k).and_then(|x| x.prev);
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
    /// asking about a huge container costs little.
    pub fn short_text(&self, id: Id, max: usize) -> Option<String> {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
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
            let mut c = self.nodes.get(n).and_then(|x| x.last_child);
            while let Some(k) = c {
                stack.push(k);
                c = self.nodes.get(k).and_then(|x| x.prev);
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
        self.next = self.dom.nodes.get(id).and_then(|n| n.next);
        Some(id)
    }
}

/// Parses a decoded page. html5ever never fails: broken markup is repaired as browsers do.
pub fn parse(html: &str) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(Data::Document)]),
        dummy: RefCell::new(QualName::new(None, ns!(html), LocalName::from(""))),
    };
    html5ever::parse_document(sink, Default::default()).one(StrTendril::from(html))
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Returned by `elem_name` for a handle that is not an element (the tree builder never
    /// asks, but panicking is not an option).
    dummy: RefCell<QualName>,
}

impl Sink {
    fn push(&self, data: Data) -> Id {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: Id) {
        let (parent, prev, next) = match nodes.get(id) {
            Some(n) => (n.parent, n.prev, n.next),
            None => return,
        };
        if let Some(p) = prev.and_then(|p| nodes.get_mut(p)) {
            p.next = next;
        } else if let Some(par) = parent.and_then(|p| nodes.get_mut(p)) {
            par.first_child = next;
        }
        if let Some(n) = next.and_then(|n| nodes.get_mut(n)) {
            n.prev = prev;
        } else if let Some(par) = parent.and_then(|p| nodes.get_mut(p)) {
            par.last_child = prev;
        }
        if let Some(n) = nodes.get_mut(id) {
            n.parent = None;
            n.prev = None;
            n.next = None;
        }
    }

    fn append_id(nodes: &mut [Node], parent: Id, child: Id) {
        Self::detach(nodes, child);
        let last = nodes.get(parent).and_then(|p| p.last_child);
        if let Some(c) = nodes.get_mut(child) {
            c.parent = Some(parent);
            c.prev = last;
        }
        match last.and_then(|l| nodes.get_mut(l)) {
            Some(l) => l.next = Some(child),
            None => {
                if let Some(p) = nodes.get_mut(parent) {
                    p.first_child = Some(child);
                }
            }
        }
        if let Some(p) = nodes.get_mut(parent) {
            p.last_child = Some(child);
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
            c.next = Some(sibling);
        }
        if let Some(s) = nodes.get_mut(sibling) {
            s.prev = Some(child);
        }
        match prev.and_then(|p| nodes.get_mut(p)) {
            Some(p) => p.next = Some(child),
            None => {
                if let Some(par) = parent.and_then(|p| nodes.get_mut(p)) {
                    par.first_child = Some(child);
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
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Id {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a Id) -> Ref<'a, QualName> {
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
        let template = flags.template.then(|| self.push(Data::Other));
        self.push(Data::Element {
            name,
            attrs,
            template,
        })
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
                Self::append_id(&mut self.nodes.borrow_mut(), *parent, id);
            }
            NodeOrText::AppendText(text) => {
                let mut nodes = self.nodes.borrow_mut();
                let last = nodes.get(*parent).and_then(|p| p.last_child);
                if !Self::merge_text(&mut nodes, last, &text) {
                    nodes.push(Node::new(Data::Text(text)));
                    let id = nodes.len() - 1;
                    Self::append_id(&mut nodes, *parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Id, prev_element: &Id, child: NodeOrText<Id>) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {}

    fn get_template_contents(&self, target: &Id) -> Id {
        if let Some(Data::Element {
            template: Some(t), ..
        }) = self.nodes.borrow().get(*target).map(|n| &n.data)
        {
            return *t;
        }
        // Not a template (the builder promises it is): a detached node keeps content out.
        self.push(Data::Other)
    }

    fn same_node(&self, x: &Id, y: &Id) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Id, child: NodeOrText<Id>) {
        let mut nodes = self.nodes.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => Self::insert_before(&mut nodes, *sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = nodes.get(*sibling).and_then(|s| s.prev);
                if !Self::merge_text(&mut nodes, prev, &text) {
                    nodes.push(Node::new(Data::Text(text)));
                    let id = nodes.len() - 1;
                    Self::insert_before(&mut nodes, *sibling, id);
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
        let mut c = nodes.get(*node).and_then(|n| n.first_child);
        while let Some(id) = c {
            c = nodes.get(id).and_then(|n| n.next);
            Self::append_id(&mut nodes, *new_parent, id);
        }
    }
}
