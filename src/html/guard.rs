//! Linear time and bounded memory on any page: the tree builder runs behind a token filter
//! that keeps the stack of open elements shallow, and the tree stops growing at a budget.
//!
//! html5ever follows the HTML standard, which scans the stack of open elements on most tags
//! ("is a `p` in button scope?") and re-opens every unclosed formatting element in each new
//! paragraph. Both are fine on real pages and quadratic on hostile ones: 200,000 nested
//! `<div>`s took over 120 s, and 4,000 paragraphs each adding a differently-classed unclosed
//! `<b>` built 1.8 GB of clones from 90 KB. Browsers bound this the same way (Blink stops
//! nesting at 512, WebKit at 5,000). Here:
//!
//! * **Depth cap** (`MAX_DEPTH`, 512 as in Blink). After each start tag or run of text the
//!   filter looks at the elements the tree builder just attached deeper than the cap and
//!   closes each with a synthetic end tag of its own name, so it stays an (empty) element and
//!   what would have gone inside it goes to its parent, as a sibling. The real end tag that
//!   matches a capped start tag is dropped later, so outer elements are not closed early.
//!   The stack of open elements is a chain of ancestors of the current node, so it stays
//!   within the cap too, and every scan of it is bounded.
//! * **Re-opened elements** (`MAX_REOPENED`, 16 per token): past that many elements opened by
//!   one token (re-opened formatting elements), the innermost are closed the same way, which
//!   also drops them from the list of elements to re-open, so each paragraph costs at most
//!   that many clones.
//! * **Tree budget** (`Budget`): at most one node and one attribute per two bytes of the page
//!   plus 65,536, and long attribute values (clones included) at most the page's length plus
//!   1 MiB. A page that needs more (only re-opened formatting elements can amplify) stops
//!   building at that point: the tree so far is kept and the page is marked truncated.
//! * **Attributes per tag** (`MAX_ATTRS`): html5ever checks each new attribute against all
//!   earlier ones of the tag, so a tag with a million attributes is quadratic. A prescan
//!   drops attributes past the 256th of any tag before the tokenizer sees them (real pages
//!   use a few dozen at most).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{LocalName, TokenizerResult};

use super::dom::{Dom, Id, Sink};
use crate::tables::FastMap;

/// Deepest element kept in the tree (Blink's `kMaximumHTMLParserDOMTreeDepth`).
pub const MAX_DEPTH: usize = 512;

/// Attributes kept per tag; later ones are dropped before tokenizing.
pub const MAX_ATTRS: usize = 256;

/// Elements one token may open: a start tag opens its element, plus the formatting elements
/// left open earlier that the standard re-opens ("reconstructs") before it or before text.
/// Real pages re-open a handful; past this many the innermost are closed again at once.
pub const MAX_REOPENED: usize = 16;

/// Bytes handed to the tokenizer at a time, so building can stop early at the budget.
const CHUNK: usize = 64 << 10;

/// The nesting limits the guard enforces (`MAX_DEPTH`, `MAX_REOPENED`; tests use smaller
/// ones to reach them with small pages).
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub max_depth: usize,
    pub max_reopened: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            max_depth: MAX_DEPTH,
            max_reopened: MAX_REOPENED,
        }
    }
}

/// How big the tree of one page may grow.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub max_nodes: usize,
    pub max_attrs: usize,
    /// Bytes of attribute values longer than `LONG_VALUE`, summed over all elements: a clone
    /// shares its values' memory, but every reader of `class` copies them.
    pub max_long_value_bytes: usize,
}

/// Attribute values up to this long are not counted in `max_long_value_bytes`.
pub const LONG_VALUE: usize = 64;

impl Budget {
    /// Limits for a page of `len` bytes: no real page comes near them (one node or attribute
    /// per two bytes is the densest markup there is, `<b>x<b>x...`, and each long value is in
    /// the page once); clones of re-opened elements do.
    pub fn for_len(len: usize) -> Self {
        Budget {
            max_nodes: len / 2 + (1 << 16),
            max_attrs: len / 2 + (1 << 16),
            max_long_value_bytes: len + (1 << 20),
        }
    }
}

/// Parses a decoded page into a tree: html5ever's tokenizer and tree builder, with the cap,
/// budget and attribute limit above. Never fails; `Dom::truncated` says the budget stopped it.
pub fn build(html: &str) -> Dom {
    build_with(html, Caps::default())
}

/// `build` with other caps.
pub fn build_with(html: &str, caps: Caps) -> Dom {
    let html = drop_nuls(html);
    let trimmed = match trim_attributes(&html, MAX_ATTRS) {
        Cow::Owned(t) => Some(t),
        Cow::Borrowed(_) => None,
    };
    let html = trimmed.map_or(html, Cow::Owned);
    let sink = Sink::new(Budget::for_len(html.len()), caps.max_depth);
    let guard = Guard {
        tb: TreeBuilder::new(sink, TreeBuilderOpts::default()),
        swallow: RefCell::new(FastMap::default()),
        swallowing: Cell::new(0),
        caps,
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    let input = BufferQueue::default();
    let mut rest: &str = &html;
    while !rest.is_empty() && !tokenizer.sink.tb.sink.over_budget() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        rest = tail;
        input.push_back(StrTendril::from_slice(chunk));
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    }
    tokenizer.end();
    let Guard { tb, .. } = tokenizer.sink;
    html5ever::interface::TreeSink::finish(tb.sink)
}

/// The token filter in front of the tree builder (see the module comment).
struct Guard {
    tb: TreeBuilder<Id, Sink>,
    /// End tags still to drop, by name: one per element closed early by the cap.
    swallow: RefCell<FastMap<LocalName, u32>>,
    /// The sum of `swallow`: zero on every page that never reaches the cap.
    swallowing: Cell<u32>,
    caps: Caps,
}

impl Guard {
    /// Closes the elements the last token attached deeper than the cap or past the
    /// `MAX_REOPENED`th, innermost first. For a start tag, the last element made is the
    /// tag's own (the tree builder re-opens formatting elements and adds implied parents
    /// first): its real end tag will come later and must be dropped; the others are clones
    /// of formatting elements or implied elements, which have no end tag of their own.
    fn close_excess(&self, start_tag: bool, line: u64) {
        let made = self.tb.sink.take_made();
        let own = made.last().map(|&(id, _)| id).filter(|_| start_tag);
        let excess = made
            .iter()
            .enumerate()
            .filter(|&(i, &(_, deep))| deep || i >= self.caps.max_reopened)
            .map(|(_, &(id, _))| id)
            .collect::<Vec<_>>();
        for &id in excess.iter().rev() {
            let Some(name) = self.tb.sink.closable_name(id) else {
                continue;
            };
            if own == Some(id) {
                *self.swallow.borrow_mut().entry(name.clone()).or_insert(0) += 1;
                self.swallowing.set(self.swallowing.get() + 1);
            }
            let end = Tag {
                kind: EndTag,
                name,
                self_closing: false,
                attrs: Vec::new(),
                had_duplicate_attributes: false,
            };
            // An end tag never asks the tokenizer to change state, except `</script>`, which
            // `closable_name` never gives.
            let _ = self.tb.process_token(TagToken(end), line);
        }
        // What those end tags attached (nothing, normally) is not closed again.
        self.tb.sink.take_made();
    }
}

impl TokenSink for Guard {
    type Handle = Id;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Id> {
        if self.tb.sink.over_budget() {
            // Over budget: the tree is final. EOF still closes what is open.
            return match token {
                Token::EOFToken => self.tb.process_token(token, line),
                _ => TokenSinkResult::Continue,
            };
        }
        let (grows, start_tag) = match &token {
            TagToken(t) if t.kind == EndTag => {
                if self.swallowing.get() > 0 {
                    let mut swallow = self.swallow.borrow_mut();
                    if let Some(n) = swallow.get_mut(&t.name).filter(|n| **n > 0) {
                        *n -= 1;
                        self.swallowing.set(self.swallowing.get() - 1);
                        return TokenSinkResult::Continue;
                    }
                }
                (false, false)
            }
            TagToken(t) => (t.kind == StartTag, t.kind == StartTag),
            // Text re-opens formatting elements closed by a block's end.
            Token::CharacterTokens(_) | Token::NullCharacterToken => (true, false),
            _ => (false, false),
        };
        if !grows {
            return self.tb.process_token(token, line);
        }
        self.tb.sink.begin_token();
        let result = self.tb.process_token(token, line);
        if self.tb.sink.made_too_much(self.caps.max_reopened) {
            self.close_excess(start_tag, line);
        }
        result
    }

    fn end(&self) {
        self.tb.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.tb
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// `html` without its NUL characters in text and with U+FFFD for those inside tags, which is
/// what the tree builder makes of them (NUL in text is ignored, in a tag name or attribute it
/// becomes U+FFFD). Done before tokenizing because html5ever formats an error message for
/// every NUL it meets in text: a page of NULs took 0.5 s per MB. Borrowed when there is none.
/// Tags are told from text as in `trim_attributes`, without quotes: a NUL after a `>` inside
/// a quoted attribute value is dropped instead of replaced.
pub fn drop_nuls(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let Some(first) = memchr::memchr(0, b) else {
        return Cow::Borrowed(html);
    };
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut from = 0;
    // Tag state up to the first NUL.
    for (i, &c) in b.iter().enumerate().take(first) {
        in_tag = tag_state(b, i, c, in_tag);
    }
    for (i, &c) in b.iter().enumerate().skip(first) {
        if c == 0 {
            out.push_str(html.get(from..i).unwrap_or_default());
            if in_tag {
                out.push('\u{fffd}');
            }
            from = i + 1;
        } else {
            in_tag = tag_state(b, i, c, in_tag);
        }
    }
    out.push_str(html.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// Whether byte `i` (which is `c`) leaves the scan inside a tag.
fn tag_state(b: &[u8], i: usize, c: u8, in_tag: bool) -> bool {
    match c {
        b'<' => b
            .get(i + 1)
            .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?')),
        b'>' => false,
        _ => in_tag,
    }
}

/// `html` with every tag cut to its first `max` attributes (the rest of the tag up to its `>`
/// dropped). Borrowed when no tag has more, which is every real page. Tags are found as the
/// tokenizer finds them (`<` and a letter; quoted values may hold `>`); inside scripts and
/// comments this may also cut text that looks like a tag with hundreds of attributes, which
/// is no content.
pub fn trim_attributes(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', b.get(i..).unwrap_or_default()) {
        let lt = i + off;
        i = lt + 1;
        if b.get(i..i + 3) == Some(b"!--") {
            // A comment: nothing in it is a tag.
            match memchr::memmem::find(b.get(lt + 2..).unwrap_or_default(), b"-->") {
                Some(e) => i = lt + 2 + e + 3,
                None => break,
            }
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // The tag name.
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
        {
            i += 1;
        }
        let raw = b.get(name_start..i).and_then(|n| {
            RAW_TEXT
                .iter()
                .find(|r| n.eq_ignore_ascii_case(r.as_bytes()))
        });
        let mut count = 0;
        let mut cut = None;
        let mut before;
        loop {
            // Between attributes: whitespace and stray slashes.
            before = i;
            while b
                .get(i)
                .is_some_and(|c| c.is_ascii_whitespace() || *c == b'/')
            {
                i += 1;
            }
            match b.get(i) {
                None => break,
                Some(b'>') => break,
                _ => {}
            }
            count += 1;
            if count > max && cut.is_none() {
                // Before the whitespace that ends the last attribute kept.
                let mut at = before;
                while at > 0 && b.get(at - 1).is_some_and(u8::is_ascii_whitespace) {
                    at -= 1;
                }
                cut = Some(at);
            }
            // The name: up to whitespace, `/`, `>` or `=` (a leading `=` belongs to it).
            i += 1;
            while b
                .get(i)
                .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>' | b'='))
            {
                i += 1;
            }
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    i += 1;
                    i = memchr::memchr(q, b.get(i..).unwrap_or_default())
                        .map_or(b.len(), |e| i + e + 1);
                }
                _ => {
                    while b
                        .get(i)
                        .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                    {
                        i += 1;
                    }
                }
            }
        }
        if let Some(cut) = cut {
            // `cut` and `i` sit on ASCII bytes (whitespace, `/`, `>`) or the end: char
            // boundaries.
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(html.get(copied..cut).unwrap_or_default());
            // Resume at the separator before `>`, so a self-closing `/>` stays.
            copied = before.min(html.len());
        }
        // The text of a script, style, textarea... holds no tags: skip to its end tag (what
        // looks like a tag in a script must never be cut, or its `</script>` could go).
        if let Some(name) = raw {
            if *name == "plaintext" {
                break;
            }
            i = raw_text_end(b, i, name.as_bytes());
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(html.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// Elements whose content the tokenizer reads as text, not markup.
pub(super) const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Where the raw text opened before `from` ends: its `</name` (any case), else the end.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memmem::find(b.get(i..).unwrap_or_default(), b"</") {
        let at = i + off;
        let tail = b.get(at + 2..at + 2 + name.len());
        if tail.is_some_and(|t| t.eq_ignore_ascii_case(name)) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_past_the_limit_are_dropped() {
        assert!(matches!(
            trim_attributes("<p a=1 b='>' c>x</p>", 3),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            trim_attributes("<p a=1 b='>' c d>x</p>", 2),
            "<p a=1 b='>'>x</p>"
        );
        assert_eq!(trim_attributes("<p a b c/>x", 1), "<p a/>x");
        assert_eq!(
            trim_attributes("<div a b c>é<i x y z w>ü</i>", 2),
            "<div a b>é<i x y>ü</i>"
        );
        // Unterminated: the rest of the page is the tag, as the tokenizer reads it.
        assert_eq!(trim_attributes("<p a b c d e", 2), "<p a b");
        assert!(matches!(
            trim_attributes("a < b and c<3", 0),
            Cow::Borrowed(_)
        ));
        // Nothing in scripts, styles or comments is cut: a `<b` in code is no tag.
        for page in [
            "<script>if (a<b c d e f) {}</script><p>x</p>",
            "<SCRIPT>if (a<b c d e f) {}</Script ><p>x</p>",
            "<style>a<b c d e f {}</style><p>x</p>",
            "<!-- <b c d e f> --><p>x</p>",
            "<!--><b c d e f>",
        ] {
            let got = trim_attributes(page, 2);
            assert_eq!(
                got.contains("c d e f"),
                !page.starts_with("<!-->"),
                "{page}: {got}"
            );
        }
    }

    #[test]
    fn nuls_go_from_text_and_become_replacement_characters_in_tags() {
        assert!(matches!(drop_nuls("<p a=1>x</p>"), Cow::Borrowed(_)));
        assert_eq!(
            drop_nuls("<p a='\0'>x\0y</p\0>\0"),
            "<p a='\u{fffd}'>xy</p\u{fffd}>"
        );
        let dom = build("<html><body><p cl\0ass=a>One\0 two</p></body></html>");
        let p = (0..dom.nodes.len()).find(|&i| dom.tag(i) == "p").unwrap();
        assert_eq!(dom.collapsed_text(p), "One two");
        assert_eq!(dom.attr(p, "cl\u{fffd}ass"), Some("a"));
    }

    #[test]
    fn a_million_attributes_parse_linearly() {
        let mut page = String::from("<html><body><div");
        for i in 0..1_000_000 {
            page.push_str(&format!(" a{i}=1"));
        }
        page.push_str(">hello</div></body></html>");
        let dom = build(&page);
        let div = (0..dom.nodes.len()).find(|&i| dom.tag(i) == "div").unwrap();
        assert_eq!(dom.attr(div, "a0"), Some("1"));
        assert_eq!(dom.attr(div, "a255"), Some("1"));
        assert_eq!(dom.attr(div, "a256"), None);
        assert_eq!(dom.collapsed_text(div), "hello");
    }
}
