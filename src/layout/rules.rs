//! Layout's own rule tables beyond the shared ones in `crate::tables` (see `data/README.md`):
//! photo credits that make a line a caption, and furniture run into the end of a paragraph.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use crate::tables::pairs;
use crate::text::{count_words, Span};

fn end_rules(file: &str, src: &'static str) -> Vec<(&'static str, Regex)> {
    pairs(file, src)
        .unwrap_or_else(|e| panic!("bad rule table: {e}"))
        .into_iter()
        .map(|(kind, re)| {
            let re = RegexBuilder::new(re)
                .case_insensitive(true)
                .build()
                .unwrap_or_else(|e| panic!("bad rule table regex in {file}: {e}"));
            (kind, re)
        })
        .collect()
}

static CAPTION_CREDITS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    end_rules(
        "layout/caption_credits.tsv",
        include_str!("../../data/layout/caption_credits.tsv"),
    )
});

static INLINE_BOILERPLATE: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    end_rules(
        "layout/inline_boilerplate.tsv",
        include_str!("../../data/layout/inline_boilerplate.tsv"),
    )
});

/// Longest line read as a caption.
const CAPTION_MAX: usize = 400;

/// Bytes of a line's end the end-anchored rules read: a credit is short.
const TAIL: usize = 160;

fn first_match(
    rules: &[(&'static str, Regex)],
    text: &str,
    line: Span,
) -> Option<(&'static str, Span)> {
    let full = &text[line.start..line.end];
    let mut from = full.len().saturating_sub(TAIL);
    while !full.is_char_boundary(from) {
        from -= 1;
    }
    rules.iter().find_map(|(kind, re)| {
        let (s, base) = if *kind == "cue" {
            (full, line.start)
        } else {
            (&full[from..], line.start + from)
        };
        // The lazy DFA says whether; only a match pays for the capture groups.
        if !re.is_match(s) {
            return None;
        }
        let m = re.captures(s)?.get(1)?;
        Some((*kind, Span::new(base + m.start(), base + m.end())))
    })
}

/// The photo credit ending a caption line, if the line is one.
pub fn caption_credit(text: &str, line: Span) -> Option<Span> {
    if line.len() > CAPTION_MAX || line.len() < 12 {
        return None;
    }
    // Cheap pre-check: every rule ends with a bracket, follows a colon or starts with a cue.
    let s = &text[line.start..line.end];
    let head = s.get(..12).unwrap_or(s).as_bytes();
    let cue = [
        "featured",
        "the photo",
        "the pictur",
        "the image",
        "photo ",
        "picture ",
        "image ",
    ]
    .iter()
    .any(|c| head.len() >= c.len() && head[..c.len()].eq_ignore_ascii_case(c.as_bytes()));
    if !s.ends_with(')') && !s.contains(':') && !cue {
        return None;
    }
    let (kind, credit) = first_match(&CAPTION_CREDITS, text, line)?;
    // A credit needs a caption before it: "By JOHN DOE (AP)" is a byline.
    let before = &text[line.start..credit.start];
    let credited = kind == "cue" || count_words(before) >= 4 && !before.starts_with("By ");
    credited.then_some(credit)
}

/// Furniture run into the end of a paragraph ("... said. E-mail to a friend"): its kind and span.
pub fn trailing_boilerplate(text: &str, para: Span) -> Option<(&'static str, Span)> {
    let s = &text[para.start..para.end];
    if !s.ends_with('»') && !s.ends_with("friend") {
        return None;
    }
    first_match(&INLINE_BOILERPLATE, text, para)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(s: &str) -> Option<&str> {
        caption_credit(s, Span::new(0, s.len())).map(|c| &s[c.start..c.end])
    }

    #[test]
    fn credits_make_captions() {
        assert_eq!(
            credit(
                "A man crosses the CIA logo in Langley, Va. (Photo: Saul Loeb, AFP/Getty Images)"
            ),
            Some("(Photo: Saul Loeb, AFP/Getty Images)")
        );
        assert_eq!(
            credit("Cruise liners pass through Venice. Photograph: Jane Doe/Getty Images"),
            Some("Photograph: Jane Doe/Getty Images")
        );
        assert_eq!(
            credit("Kim Davis at a rally in September 2015 (Ty Wright/Getty Images)"),
            Some("(Ty Wright/Getty Images)")
        );
        assert_eq!(
            credit("Pictured: the bridge at dawn, before the march"),
            Some("Pictured:")
        );
        assert_eq!(
            credit("Featured image is of the company's headquarters."),
            Some("Featured image")
        );
        assert!(credit("The minister said the plan (first floated in May) was dead.").is_none());
        assert!(credit("Right now, the plan: wait for the vote.").is_none());
        assert!(credit("By JOHN DOE (AP)").is_none());
        assert!(credit("He told reporters: the photo was fake.").is_none());
    }

    #[test]
    fn furniture_at_the_end_of_a_paragraph() {
        let s = "He was charged on Saturday. E-mail to a friend";
        let (k, sp) = trailing_boilerplate(s, Span::new(0, s.len())).unwrap();
        assert_eq!((k, &s[sp.start..sp.end]), ("share", "E-mail to a friend"));
        let s = "Snow is undergoing chemotherapy.  Watch Snow talk about his cancer »";
        let (k, sp) = trailing_boilerplate(s, Span::new(0, s.len())).unwrap();
        assert_eq!(
            (k, &s[sp.start..sp.end]),
            ("promo", "Watch Snow talk about his cancer »")
        );
    }
}
