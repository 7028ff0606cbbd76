//! Picture blocks in the body: a caption line, its credit and the alt text before it.

use super::lines::{Line, LineKind};
use super::shape::ends_sentence;
use crate::text::{count_words, Span};

pub(super) struct PictureGroup {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) title: Option<usize>,
    pub(super) caption: Option<Span>,
    pub(super) credit: Option<Span>,
}

/// Picture blocks inside one block of lines: an "Image caption" line with the credit lines
/// around it and, before them, the picture's title (its alt text in BBC scrapes).
pub(super) fn picture_groups(text: &str, block: &[Line]) -> Vec<PictureGroup> {
    let mut groups: Vec<PictureGroup> = Vec::new();
    let mut used = vec![false; block.len()];
    for (i, line) in block.iter().enumerate() {
        let caption = match line.kind {
            LineKind::ImageCaption(c) => c,
            _ => continue,
        };
        let mut first = i;
        let mut last = i;
        let mut credit = None;
        let is_credit = |l: &Line| matches!(l.kind, LineKind::Credit(_) | LineKind::Agency);
        let credit_of = |l: &Line| match l.kind {
            LineKind::Credit(c) => c,
            _ => l.span,
        };
        if first > 0 && !used[first - 1] && is_credit(&block[first - 1]) {
            first -= 1;
            credit = Some(credit_of(&block[first]));
        }
        if credit.is_none() && last + 1 < block.len() && is_credit(&block[last + 1]) {
            last += 1;
            credit = Some(credit_of(&block[last]));
        }
        let mut title = None;
        if first > 0 && !used[first - 1] {
            let prev = &block[first - 1];
            // Before an unlabelled caption (one known by its credit) only a short line or the
            // start of the caption itself is the picture's alt text: a paragraph may precede.
            let labelled = caption != line.span;
            let alt = || {
                let p = &text[prev.span.start..prev.span.end];
                let c = &text[caption.start..caption.end];
                count_words(p) <= 12 && !ends_sentence(p) || c.starts_with(p.trim_end_matches(','))
            };
            if prev.kind == LineKind::Text && prev.span.len() <= 200 && (labelled || alt()) {
                first -= 1;
                title = Some(first);
            }
        }
        used[first..=last].iter_mut().for_each(|u| *u = true);
        groups.push(PictureGroup {
            first,
            last,
            title,
            caption: Some(caption),
            credit,
        });
    }
    // Credit lines with no caption next to them are pictures too.
    for (i, line) in block.iter().enumerate() {
        if let (LineKind::Credit(c), false) = (line.kind.clone(), used[i]) {
            groups.push(PictureGroup {
                first: i,
                last: i,
                title: None,
                caption: None,
                credit: Some(c),
            });
        }
    }
    groups.sort_by_key(|g| g.first);
    groups
}
