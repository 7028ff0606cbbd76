//! What a block is: picture credits, date stamps, furniture titles, repeated copies, and the
//! teaser listing that is not an article; the visible text of an element.

use super::super::dom::{push_collapsed, Dom, Id};
use super::super::hints::{
    BIO_VERBS, BYLINE_OPENERS, CREDIT_LABELS, FURNITURE_SECTIONS, FURNITURE_TITLES, NOTICES,
};
use super::stats::Stats;
use super::{BlockKind, Extract};
use crate::tables::{FastMap, FastSet};

/// Elements that break paragraphs.
pub(super) const BLOCK_TAGS: &[&str] = &[
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

/// Bytes under which a block opening with a credit label is a credit line.
const CREDIT_MAX: usize = 150;

/// "Image: Jane Doe / Getty Images", "Source: NAIC": the credit of the picture or chart above,
/// printed as a paragraph of its own.
pub(super) fn is_credit_line(text: &str) -> bool {
    if text.len() >= CREDIT_MAX {
        return false;
    }
    let head: String = text.chars().take(24).collect::<String>().to_lowercase();
    CREDIT_LABELS.iter().any(|l| head.starts_with(l.as_str()))
}

/// Bytes under which a block opening with a byline word is a byline line.
const BYLINE_LINE_MAX: usize = 120;

/// "Written by Jane Doe", "Reviewed by John Roe, MD", "By Jane Doe | March 1, 2024": the
/// article's credit line printed as a block of its own. The opener (`BYLINE_OPENERS`) must be
/// followed by a capitalised word, a digit or punctuation ("By making the app..." is prose)
/// and the block must not end as a sentence does ("By 2030, half of all cars...").
fn is_byline_line(text: &str) -> bool {
    let t = text.trim();
    if t.len() >= BYLINE_LINE_MAX || t.ends_with(['.', '!', '?']) {
        return false;
    }
    let head: String = t.chars().take(24).collect::<String>().to_lowercase();
    BYLINE_OPENERS.iter().any(|o| {
        head.starts_with(o.as_str())
            && t.get(o.len()..).is_some_and(|rest| {
                let rest_trim = rest.trim_start();
                // A whole word: "by" is not "bypass", "published" not "publishedly".
                let boundary = rest.is_empty() || !rest.starts_with(char::is_alphanumeric);
                // A label alone ("By:") heads a name in the next block: not a line.
                boundary
                    && rest_trim.chars().any(char::is_alphanumeric)
                    && rest_trim.chars().next().is_none_or(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric()
                    })
            })
    })
}

/// Bytes under which a block is compared with the notices.
const NOTICE_MAX: usize = 350;

/// "We may earn a commission...", "Get the latest news delivered to your inbox", "All
/// rights reserved": a notice of the site printed among the paragraphs.
pub(super) fn is_notice(text: &str) -> bool {
    if text.len() >= NOTICE_MAX {
        return false;
    }
    NOTICES.matches(text)
}

/// Bytes up to which a block that is only a date ("Updated Jan 5, 2024") is a stamp.
const STAMP_MAX: usize = 60;

/// A dateline standing as its own block ("Updated Jan 5, 2024", read as `layout::stamps`
/// reads a stamp line) repeats the page's date stamp; it is not prose.
pub(super) fn is_stamp_line(text: &str) -> bool {
    text.len() <= STAMP_MAX
        && text.chars().any(|c| c.is_ascii_digit())
        && crate::layout::stamps::parse_line(text, crate::text::Span::new(0, text.len())).is_some()
}

/// Bytes under which a block is compared with the furniture titles.
const TITLE_MAX: usize = 60;

/// "Related posts", "Share this:": the title of furniture whose body was dropped.
pub(super) fn is_furniture_title(text: &str) -> bool {
    furniture_title(text).is_some()
}

/// `Some(heads_section)` for a furniture title: `true` when what follows it is furniture too
/// ("About the author", "Related posts"), `false` for a title alone ("Table of contents").
pub(super) fn furniture_title(text: &str) -> Option<bool> {
    if text.len() >= TITLE_MAX {
        return None;
    }
    let t = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let t = t.trim_end_matches(|c: char| c.is_whitespace() || ":.!-–—|".contains(c));
    FURNITURE_TITLES
        .contains(t)
        .then(|| FURNITURE_SECTIONS.contains(t))
}

/// The collapsed text under `id` without what is never text: a `<style>` inside a heading
/// (CSS-in-JS libraries put one there) is not part of the heading.
pub(super) fn visible_text(dom: &Dom, id: Id) -> String {
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

/// Headings that are links to other pages, many of them: a listing of teasers.
pub(super) fn looks_like_listing(dom: &Dom, roots: &[Id], st: &Stats) -> bool {
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
pub(super) fn drop_repeats(out: &mut Extract) {
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

/// Letters and digits compared at the start of a block and of an author bio.
const BIO_KEY: usize = 60;

/// The first `BIO_KEY` letters and digits of `s`, lower case, markup (`<p>`) left out: what
/// a block and a bio are compared on.
pub fn bio_key(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
        if out.len() >= BIO_KEY {
            break;
        }
    }
    out
}

/// Whether a block opens as one of the page's author bios (`bio_key`s of the JSON-LD Person
/// descriptions) does: the author box under the article, which the metadata describes as the
/// author, not the article. At least 30 letters must agree.
pub fn is_bio(text: &str, keys: &[String]) -> bool {
    let k = bio_key(text);
    keys.iter().any(|b| {
        let n = k.len().min(b.len());
        n >= 30 && k.get(..n).is_some_and(|x| b.get(..n) == Some(x))
    })
}

/// Bytes a block must have (at least, at most) to be read as an author bio by its opening.
const BIO_OPENING: (usize, usize) = (60, 1200);

/// Whether a block opens as an author bio does: one of `authors` (whole, or the first name of
/// a name of two words or more; "Dr." before it allowed), an optional ", role," and then a
/// word of `data/html/bio_verbs.txt` ("Jane Doe is a freelance writer...", "Jane has covered
/// tech since 2010").
pub fn opens_as_bio(text: &str, authors: &[String]) -> bool {
    if !(BIO_OPENING.0..=BIO_OPENING.1).contains(&text.len()) {
        return false;
    }
    let t = text.strip_prefix("Dr. ").unwrap_or(text);
    authors.iter().any(|a| {
        let first = a.split_whitespace().next().filter(|f| f.len() < a.len());
        [Some(a.as_str()), first]
            .into_iter()
            .flatten()
            .filter(|n| n.len() >= 3)
            .any(|n| t.strip_prefix(n).is_some_and(bio_verb_follows))
    })
}

/// After a name: a bio verb next, or after a role between commas ("Jane Doe, Editor, has").
fn bio_verb_follows(rest: &str) -> bool {
    let verb = |s: &str| {
        s.split_whitespace()
            .next()
            .is_some_and(|w| BIO_VERBS.contains(w))
    };
    if rest.starts_with(' ') {
        return verb(rest);
    }
    // ", Editor, Running Reviews, studied": the role is short; the verb follows its last comma.
    rest.strip_prefix(',').is_some_and(|r| {
        r.get(..r.len().min(80))
            .and_then(|head| head.rfind(", "))
            .and_then(|i| r.get(i + 2..))
            .is_some_and(|after| {
                after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| BIO_VERBS.contains(w) || w.ends_with("ed"))
            })
    })
}

/// Teasers a run needs to be dropped, and the most paragraphs a teaser has under its title.
const TEASER_RUN: usize = 3;
const TEASER_PARAS: usize = 2;
/// Teasers a run right under a furniture title needs.
const TITLED_RUN: usize = 2;
/// Bytes: a teaser's paragraph is shorter than this; the article before a run at least this.
const TEASER_PARA_MAX: usize = 500;
const ARTICLE_BEFORE: usize = 1000;
/// The article before a run holds at least this many times the run's text: teasers under an
/// article are a short coda, not half of the page (a guide of linked chapter cards).
const ARTICLE_TIMES: usize = 3;

/// A run of teasers printed after the article ("More stories": a linked title and a line of
/// summary, again and again) is not the article: when at least `TEASER_RUN` teasers follow
/// each other after `ARTICLE_BEFORE` bytes of paragraphs and less text comes after them than
/// they hold, they are dropped (kind `teasers`; the first such run only). A run of two or
/// more right under a dropped furniture title ("Latest news") goes whatever its length. A listing, whose teasers are all of it, has
/// no article before them and keeps them.
pub(super) fn drop_teaser_runs(out: &mut Extract) {
    let blocks = &out.blocks;
    let n = blocks.len();
    let teaser_at = |i: usize| -> Option<usize> {
        let b = blocks.get(i)?;
        if !(b.linked && matches!(b.kind, BlockKind::Heading(_))) {
            return None;
        }
        let mut j = i + 1;
        while j < n && j - i <= TEASER_PARAS {
            match blocks.get(j) {
                Some(p)
                    if matches!(p.kind, BlockKind::Paragraph(_) | BlockKind::Caption)
                        && p.text.len() < TEASER_PARA_MAX =>
                {
                    j += 1
                }
                _ => break,
            }
        }
        Some(j)
    };
    let mut before = 0usize;
    let mut i = 0;
    while i < n {
        let mut end = i;
        let mut count = 0;
        while let Some(next) = teaser_at(end) {
            count += 1;
            end = next;
        }
        // Under a furniture title ("Latest news", "More stories") the cards need no more
        // proof that they are teasers than that they follow the article.
        let titled = count >= TITLED_RUN && blocks.get(i).is_some_and(|b| b.after_title);
        let run_of = |r: Option<&[super::Block]>| -> usize {
            r.map_or(0, |r| r.iter().map(|b| b.text.len()).sum())
        };
        let coda = count >= TEASER_RUN && {
            let (after, run) = (run_of(blocks.get(end..)), run_of(blocks.get(i..end)));
            after < run && before >= ARTICLE_TIMES * run
        };
        if (titled || coda) && before >= ARTICLE_BEFORE {
            let dropped: Vec<String> = blocks
                .get(i..end)
                .unwrap_or(&[])
                .iter()
                .map(|b| b.text.chars().take(100).collect())
                .collect();
            out.blocks.drain(i..end);
            for t in dropped {
                if out.dropped.len() < 30 {
                    out.dropped.push(("teasers", t));
                }
            }
            return;
        }
        if let Some(b) = blocks.get(i) {
            if matches!(b.kind, BlockKind::Paragraph(_)) {
                before += b.text.len();
            }
        }
        i = if count > 0 { end } else { i + 1 };
    }
}

/// Byline lines a page may have for them to be dropped: an article has one or two (the
/// writer, a reviewer); a listing prints one under every teaser, and they are its text.
const BYLINE_LINES_MAX: usize = 2;

/// Drops the article's credit lines printed among its paragraphs (`is_byline_line`, kind
/// `byline`), unless there are more than `BYLINE_LINES_MAX` of them.
pub(super) fn drop_byline_lines(out: &mut Extract) {
    let line = |b: &super::Block| {
        matches!(b.kind, BlockKind::Paragraph(k) if k != "pre") && is_byline_line(&b.text)
    };
    let count = out.blocks.iter().filter(|b| line(b)).count();
    if count == 0 || count > BYLINE_LINES_MAX {
        return;
    }
    let mut gone = Vec::new();
    out.blocks.retain(|b| {
        let drop = line(b);
        if drop {
            gone.push(b.text.chars().take(100).collect::<String>());
        }
        !drop
    });
    for t in gone {
        if out.dropped.len() < 30 {
            out.dropped.push(("byline", t));
        }
    }
}
