//! The content roots: Readability-style candidate scores, split articles, wrappers, the
//! paragraph-continuity climb and the siblings that continue the article.

use super::super::dom::{Dom, Id};
use super::super::hints::{NEG, POS};
use super::stats::Stats;

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

/// Climbing stops before an ancestor that adds this many linked subheadings (a teaser grid).
const MAX_NEW_TEASERS: u32 = 3;

fn base_score(dom: &Dom, id: Id, mark: u8) -> f64 {
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
    if mark & POS != 0 {
        s += 25.0;
    }
    if mark & NEG != 0 {
        s -= 25.0;
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
pub(super) fn choose(dom: &Dom, order: &[Id], st: &Stats, body_hint: Option<usize>) -> Vec<Id> {
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
                    *x = base_score(dom, a, st.mark(a));
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
