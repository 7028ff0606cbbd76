//! Who the article cites as a source of information (not the speakers of quotes):
//! "a security source told the BBC", "according to the UN", "state media reported",
//! "Xinhua news agency said".

use crate::tables::FastMap as HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::gazetteer::{OrgKind, ORGS};
use super::Source;
use crate::doc::Document;
use crate::tables::pairs;
use crate::text::Span;

static KIND_WORDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    pairs(
        "entities/source_words.tsv",
        include_str!("../../data/entities/source_words.tsv"),
    )
    .unwrap_or_else(|e| panic!("bad rule table: {e}"))
    .into_iter()
    .collect()
});

/// "X source(s) told/said", "state media reported", "<agency> reported": group `src` is the
/// source, the whole match is the clause.
static CUES: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<String> = ORGS
        .iter()
        .filter(|(_, k)| matches!(k, OrgKind::Agency | OrgKind::Outlet))
        .filter_map(|(n, _)| crate::entities::gazetteer::display_name(n))
        .map(|n| regex::escape(&n))
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let verbs = r"(?:told|said|says|say|reported|reports|quoted|cited|confirmed|showed|announced)";
    Regex::new(&format!(
        r"(?P<src>(?-u:\b)(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ther)\s+)?(?:[A-Za-z][\w'’-]*\s+(?:and\s+)?){{0,3}}sources?)\s+{verbs}(?-u:\b)|(?P<media>(?-u:\b)(?:[Tt]he\s+)?(?:[Ss]tate|[Ss]tate-run|[Ss]tate-owned|[Oo]fficial|[Ll]ocal|[Gg]overnment|[Pp]ro-government|[A-Z][a-z]+)(?:\s+[a-z-]+)?\s+(?:media|television|TV|radio|news agency|newspaper|press))\s+{verbs}(?-u:\b)|(?P<name>(?-u:\b)(?:the\s+)?(?:official\s+)?(?:{})(?:\s+news\s+agency)?)\s+{verbs}(?-u:\b)",
        names.join("|")
    ))
    .expect("valid source regex")
});

/// Words one of which every source clause contains (cue words in lower case and capitalised,
/// agency and outlet names as written): regions without any are skipped. Case-sensitive, so
/// "AP" does not match "happen" and the automaton keeps its fast prefilter.
static PREFILTER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut pats: Vec<String> = Vec::new();
    for w in [
        "source",
        "media",
        "television",
        "radio",
        "news agency",
        "newspaper",
        "press",
        "ccording to",
    ] {
        pats.push(w.to_string());
        let mut c = w.chars();
        if let Some(f) = c.next() {
            pats.push(f.to_uppercase().chain(c).collect());
        }
    }
    pats.extend(
        ORGS.iter()
            .filter(|(_, k)| matches!(k, OrgKind::Agency | OrgKind::Outlet))
            .filter_map(|(n, _)| crate::entities::gazetteer::display_name(n)),
    );
    AhoCorasick::new(pats).expect("valid cue automaton")
});

static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)[Aa]ccording to\s+").expect("valid regex"));

const STOP: &[&str] = &[
    "who", "which", "that", "on", "at", "after", "when", "as", "from", "since", "for", "in",
    "last", "this", "by",
];

fn kind_of(phrase: &str) -> &'static str {
    let bare = phrase
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim_start_matches("official ");
    let bare = bare.strip_suffix(" news agency").unwrap_or(bare);
    match ORGS.get(&bare.to_lowercase()) {
        Some(OrgKind::Agency) => return "agency",
        Some(OrgKind::Outlet) => return "outlet",
        _ => {}
    }
    let lower = phrase.to_lowercase();
    if let Some(k) = lower
        .split_whitespace()
        .rev()
        .find_map(|w| KIND_WORDS.get(w.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        return k;
    }
    if phrase.chars().any(char::is_uppercase) {
        "official"
    } else {
        "anonymous"
    }
}

/// Words a greedy match may take in front of the source: "which police sources told".
const LEADING: &[&str] = &[
    "which",
    "that",
    "who",
    "and",
    "but",
    "as",
    "while",
    "when",
    "said",
    "told",
    "earlier",
    "meanwhile",
    "however",
    "also",
    "Earlier",
    "Meanwhile",
    "However",
    "But",
    "And",
];

fn push(doc: &Document, src: Span, clause: Span, kind: &'static str, out: &mut Vec<Source>) {
    let mut src = src;
    let mut clause = clause;
    loop {
        let s = doc.str(src);
        let Some((first, rest)) = s.split_once(' ') else {
            break;
        };
        if !LEADING.contains(&first) {
            break;
        }
        let cut = s.len() - rest.len();
        if clause.start == src.start {
            clause.start += cut;
        }
        src.start += cut;
    }
    let name = doc.str(src).trim();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let t = doc.span(clause);
    out.push(Source {
        name: name.to_string(),
        kind: kind.to_string(),
        text: t.text,
        start: t.start,
        end: t.end,
        paragraph: doc.paragraph_of(clause.start),
    });
}

/// The noun phrase after "according to": up to 7 words, to the next punctuation or clause word.
fn according_phrase(s: &str) -> usize {
    let mut end = 0;
    let mut words = 0;
    for (i, w) in s.split_inclusive(' ').scan(0, |pos, w| {
        let p = *pos;
        *pos += w.len();
        Some((p, w))
    }) {
        let word = w.trim_end();
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '"', '”', '\'']);
        if core.is_empty() || (words > 0 && STOP.contains(&core)) {
            break;
        }
        end = i + core.len();
        words += 1;
        if core.len() < word.len() || words >= 7 {
            break;
        }
    }
    end
}

pub fn find(doc: &Document) -> Vec<Source> {
    let mut out = Vec::new();
    for r in &doc.regions {
        let s = doc.str(r.span);
        let base = r.span.start;
        if !PREFILTER.is_match(s) {
            continue;
        }
        for m in ACCORDING.find_iter(s) {
            let n = according_phrase(&s[m.end()..]);
            if n > 0 {
                let src = Span::new(base + m.end(), base + m.end() + n);
                push(
                    doc,
                    src,
                    Span::new(base + m.start(), src.end),
                    kind_of(doc.str(src)),
                    &mut out,
                );
            }
        }
        // The DFA finds the clauses; the slower capturing engine only reads the matches.
        for m in CUES.find_iter(s) {
            let Some(c) = CUES.captures(m.as_str()) else {
                continue;
            };
            let Some(src) = c
                .name("src")
                .or_else(|| c.name("media"))
                .or_else(|| c.name("name"))
            else {
                continue;
            };
            let at = base + m.start();
            let src_span = Span::new(at + src.start(), at + src.end());
            let kind = kind_of(src.as_str());
            push(doc, src_span, Span::new(at, base + m.end()), kind, &mut out);
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<(String, String)> {
        let d = Document::new(t, None);
        find(&d).into_iter().map(|s| (s.name, s.kind)).collect()
    }

    #[test]
    fn cited_sources() {
        let got = kinds("Headline here\n\nA security source told the BBC that 12 died. Police and medical sources told Reuters the toll rose.\n\nAccording to the UN, 300 fled. State media reported a curfew.");
        assert!(
            got.contains(&("A security source".into(), "anonymous".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("Police and medical sources".into(), "anonymous".into())),
            "{got:?}"
        );
        assert!(got.contains(&("UN".into(), "official".into())), "{got:?}");
        assert!(
            got.contains(&("State media".into(), "outlet".into())),
            "{got:?}"
        );
    }

    #[test]
    fn agencies_are_agencies() {
        let got = kinds("Title line\n\nThe official Xinhua news agency said the dam held.");
        assert_eq!(got.first().map(|g| g.1.as_str()), Some("agency"), "{got:?}");
    }
}
