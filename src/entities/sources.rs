//! Who the article cites as a source of information (not the speakers of quotes):
//! "a security source told the BBC", "according to the UN", "state media reported",
//! "Xinhua news agency said".
//!
//! Every source clause turns on a cue word written whole (`lexicon::flag::SOURCE_CUE`: "source",
//! "media", "agency", the last word of an agency's name, "according"), and the clause patterns
//! end with the verb right after it. So the token stream finds the sentences that can hold one
//! (a cue followed by one of the verbs, or "according"), and the patterns (`clauses`) run on
//! those sentences alone, with the region around them as context.

use crate::tables::FastMap as HashMap;
use std::sync::LazyLock;

use super::clauses;
use super::gazetteer::{OrgKind, ORGS};
use super::Source;
use crate::doc::Document;
use crate::lexicon::{flag, Builder};
use crate::stream::{Segment, Tokens};
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

/// The names of news agencies and outlets as written ("Reuters", "Agence France-Presse").
fn outlet_names() -> impl Iterator<Item = String> {
    ORGS.iter()
        .filter(|(_, k)| matches!(k, OrgKind::Agency | OrgKind::Outlet))
        .filter_map(|(n, _)| crate::entities::gazetteer::display_name(n))
}

/// The cue words of source clauses, besides the last words of outlet names.
const CUE_WORDS: &[&str] = &[
    "source",
    "sources",
    "media",
    "television",
    "tv",
    "radio",
    "agency",
    "newspaper",
    "press",
    "according",
];

/// The verbs that close a clause (`VERBS` in `CUES`), as prefixes of the word after the cue.
const VERB_PREFIXES: &[&str] = &[
    "told",
    "said",
    "say",
    "report",
    "quoted",
    "cited",
    "confirmed",
    "showed",
    "announced",
];

/// The cue words as the `SOURCE_CUE` lexicon flag (lower-cased).
pub fn lexicon_words(b: &mut Builder) {
    for w in CUE_WORDS {
        b.lower(w, flag::SOURCE_CUE);
    }
    for n in outlet_names() {
        if let Some(last) = n.rsplit(' ').next() {
            b.lower(last, flag::SOURCE_CUE);
        }
    }
}

/// The outlet names as the `NAME` clause pattern tries them: longest first.
static NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names: Vec<String> = outlet_names().collect();
    names.sort_by_key(|n| std::cmp::Reverse(regex::escape(n).len()));
    names
});

/// Which clause patterns (`clauses::SRC`, ...) can end with each cue word.
static CUE_KINDS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    let mut m: HashMap<String, u8> = HashMap::default();
    for w in ["source", "sources"] {
        *m.entry(w.into()).or_default() |= clauses::SRC;
    }
    for w in [
        "media",
        "television",
        "tv",
        "radio",
        "newspaper",
        "press",
        "agency",
    ] {
        *m.entry(w.into()).or_default() |= clauses::MEDIA_KIND;
    }
    *m.entry("agency".into()).or_default() |= clauses::NAME;
    for n in outlet_names() {
        if let Some(last) = n.rsplit(' ').next() {
            *m.entry(last.to_lowercase()).or_default() |= clauses::NAME;
        }
    }
    m
});

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

/// What a sentence can hold.
#[derive(Debug, Default, Clone, Copy)]
struct Triggers {
    according: bool,
    /// The clause patterns (`clauses::SRC`, ...) whose cue word is followed by a verb.
    kinds: u8,
    /// Byte offset of the first such cue word.
    first_cue: usize,
}

fn triggers(text: &str, k: &Tokens, seg: &Segment) -> Triggers {
    let mut t = Triggers::default();
    if !seg.has(flag::SOURCE_CUE) {
        return t;
    }
    for i in seg.tokens() {
        if !k.has(i, flag::SOURCE_CUE) {
            continue;
        }
        let w = k.lower(i);
        if w == "according" {
            t.according = true;
        } else if i + 1 < seg.end as usize {
            let next = &text[k.toks[i + 1].start as usize..];
            if VERB_PREFIXES.iter().any(|v| next.starts_with(v)) {
                let kinds = CUE_KINDS.get(w).copied().unwrap_or(0);
                if t.kinds == 0 && kinds != 0 {
                    t.first_cue = k.toks[i].start as usize;
                }
                t.kinds |= kinds;
            }
        }
    }
    t
}

/// How many blank-separated chunks a clause may hold before its cue word: a determiner and
/// three words each followed by "and" (`SRC`), or "the official", a name of up to four words
/// and "news" (`NAME`).
const CHUNKS_BEFORE_CUE: usize = 8;

/// The start of the `n`-th blank-separated chunk before the one holding byte `at` of `s`.
fn chunks_back(s: &str, at: usize, n: usize) -> usize {
    let mut it = s[..at].char_indices().rev().peekable();
    let mut start = at;
    for _ in 0..=n {
        // The rest of this chunk, then the blanks before it.
        while let Some(&(i, c)) = it.peek() {
            if c.is_whitespace() {
                break;
            }
            start = i;
            it.next();
        }
        let mut blank = false;
        while let Some(&(_, c)) = it.peek() {
            if !c.is_whitespace() {
                break;
            }
            blank = true;
            it.next();
        }
        if !blank {
            return start.min(at);
        }
    }
    start
}

#[inline(never)]
pub fn find(doc: &Document) -> Vec<Source> {
    let k = doc.tokens();
    let segs = k.sentences();
    let mut out = Vec::new();
    // Sentences that may hold "according to" and a clause, by region.
    let mut wanted: Vec<(usize, Triggers)> = Vec::new();
    let mut first = 0;
    for (r, region) in doc.regions.iter().enumerate() {
        let mut last = first;
        while last < doc.sentences.len() && doc.sentences[last].region == r {
            last += 1;
        }
        wanted.clear();
        for (si, seg) in segs.iter().enumerate().take(last).skip(first) {
            let t = triggers(doc.text, k, seg);
            if t.according || t.kinds != 0 {
                wanted.push((si, t));
            }
        }
        first = last;
        if wanted.is_empty() {
            continue;
        }
        let s = doc.str(region.span);
        let base = region.span.start;
        // A clause never crosses a sentence end, so each pattern runs from the sentence's
        // start to its end, with the region before it as context (for `\b`).
        for &(si, t) in &wanted {
            if !t.according {
                continue;
            }
            let sent = doc.sentences[si].span;
            let hay = &s[..sent.end - base];
            let mut at = sent.start - base;
            while let Some((start, end)) = clauses::next_according(hay, at) {
                at = end;
                let n = according_phrase(&s[end..]);
                if n > 0 {
                    let src = Span::new(base + end, base + end + n);
                    push(
                        doc,
                        src,
                        Span::new(base + start, src.end),
                        kind_of(doc.str(src)),
                        &mut out,
                    );
                }
            }
        }
        for &(si, t) in &wanted {
            if t.kinds == 0 {
                continue;
            }
            let sent = doc.sentences[si].span;
            let hay = &s[..sent.end - base];
            // No clause starts more than `CHUNKS_BEFORE_CUE` chunks before its cue word, and
            // the first cue word is the earliest.
            let mut at =
                (sent.start - base).max(chunks_back(s, t.first_cue - base, CHUNKS_BEFORE_CUE));
            while let Some(c) = clauses::next_clause(hay, at, t.kinds, &NAMES) {
                at = c.end;
                let src = Span::new(base + c.start, base + c.source_end);
                let kind = kind_of(doc.str(src));
                push(
                    doc,
                    src,
                    Span::new(base + c.start, base + c.end),
                    kind,
                    &mut out,
                );
            }
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

    /// The clause patterns as they were first written: one regex, with named groups.
    static ALTERNATION: LazyLock<regex::Regex> = LazyLock::new(|| {
        let names: Vec<String> = NAMES.iter().map(|n| regex::escape(n)).collect();
        let verbs =
            r"(?:told|said|says|say|reported|reports|quoted|cited|confirmed|showed|announced)";
        regex::Regex::new(&format!(
            r"(?P<src>(?-u:\b)(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Oo]ther)\s+)?(?:[A-Za-z][\w'’-]*\s+(?:and\s+)?){{0,3}}sources?)\s+{verbs}(?-u:\b)|(?P<media>(?-u:\b)(?:[Tt]he\s+)?(?:[Ss]tate|[Ss]tate-run|[Ss]tate-owned|[Oo]fficial|[Ll]ocal|[Gg]overnment|[Pp]ro-government|[A-Z][a-z]+)(?:\s+[a-z-]+)?\s+(?:media|television|TV|radio|news agency|newspaper|press))\s+{verbs}(?-u:\b)|(?P<name>(?-u:\b)(?:the\s+)?(?:official\s+)?(?:{})(?:\s+news\s+agency)?)\s+{verbs}(?-u:\b)",
            names.join("|")
        ))
        .unwrap()
    });

    static ACCORDING: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(?-u:\b)[Aa]ccording to\s+").unwrap());

    fn text_of(words: &[&str], seps: &[&str]) -> String {
        let mut hay = String::new();
        for (w, s) in words.iter().zip(seps) {
            hay.push_str(w);
            hay.push_str(s);
        }
        hay
    }

    const VOCABULARY: &[&str] = &[
        "sources",
        "source",
        "said",
        "told",
        "says",
        "say",
        "sayso",
        "reported",
        "reports",
        "the",
        "The",
        "two",
        "an",
        "A",
        "and",
        "state",
        "State",
        "state-run",
        "media",
        "TV",
        "television",
        "news",
        "agency",
        "Reuters",
        "Associated",
        "Press",
        "press",
        "official",
        "Iraqi",
        "local",
        "security",
        "x-sources",
        "(",
        "“",
        ",",
        ".",
        "said.",
        "U.S",
        "AP",
        "Xinhua",
        "Some",
        "police",
        "é",
        "_",
        "sources_",
        "Al",
        "Jazeera",
        "of",
        "According",
        "according",
        "to",
        "Médecins",
        "anti-war",
        "Fox",
        "New",
        "York",
        "Times",
        "État",
    ];
    const SEPARATORS: &[&str] = &[" ", "  ", "", "\n", "\u{a0}", "\u{200b}"];

    /// Clauses as (start, source end, end): found by hand, then by the regex.
    type Spans = Vec<(usize, usize, usize)>;

    fn clause_spans(hay: &str) -> (Spans, Spans) {
        let re = &*ALTERNATION;
        let mut want = Vec::new();
        for m in re.find_iter(hay) {
            // As the rules read it before: the groups of the match on its own.
            let c = re.captures(m.as_str()).unwrap();
            let g = c
                .name("src")
                .or(c.name("media"))
                .or(c.name("name"))
                .unwrap();
            want.push((m.start(), m.start() + g.end(), m.end()));
        }
        let mut got = Vec::new();
        let mut at = 0;
        while let Some(c) = clauses::next_clause(hay, at, 7, &NAMES) {
            at = c.end;
            got.push((c.start, c.source_end, c.end));
        }
        (got, want)
    }

    #[test]
    fn clauses_on_known_texts() {
        let texts = [
            "Two security sources said so, and state media reported it.",
            "The sources told sources said",
            "the official Xinhua news agency said. Reuters reported",
            "“Several police and army sources told Reuters",
            "state-run TV reported, local news agency said, Al Jazeera says",
            "US-sources said; x-sources told; U.S sources said.The end",
            "The Associated Press reported and the New York Times showed",
        ];
        let mut found = 0;
        for t in texts {
            let (got, want) = clause_spans(t);
            assert_eq!(got, want, "{t:?}");
            found += got.len();
        }
        assert!(found >= 12, "{found}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn clauses_read_as_the_regex(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..14),
            seps in proptest::collection::vec(proptest::sample::select(SEPARATORS), 14),
        ) {
            let hay = text_of(&words, &seps);
            let (got, want) = clause_spans(&hay);
            proptest::prop_assert_eq!(got, want, "{:?}", hay);
            let want: Vec<(usize, usize)> =
                ACCORDING.find_iter(&hay).map(|m| (m.start(), m.end())).collect();
            let mut got = Vec::new();
            let mut at = 0;
            while let Some(m) = clauses::next_according(&hay, at) {
                at = m.1;
                got.push(m);
            }
            proptest::prop_assert_eq!(got, want, "{:?}", hay);
        }
    }

    #[test]
    fn chunks_back_count_blank_separated_chunks() {
        let s = "a  bb (ccc dd";
        assert_eq!(chunks_back(s, 12, 0), 11);
        assert_eq!(chunks_back(s, 12, 1), 6);
        assert_eq!(chunks_back(s, 8, 0), 6);
        assert_eq!(chunks_back(s, 12, 2), 3);
        assert_eq!(chunks_back(s, 12, 3), 0);
        assert_eq!(chunks_back(s, 12, 9), 0);
        assert_eq!(chunks_back(s, 0, 2), 0);
    }

    #[test]
    fn names_are_short_enough_for_the_window() {
        // `CHUNKS_BEFORE_CUE` counts on names of at most four words.
        assert!(NAMES.iter().all(|n| n.split_whitespace().count() <= 4));
    }

    #[test]
    fn clauses_need_their_cue_and_verb() {
        assert!(kinds("Title line\n\nThe resources said nothing. Sources were quiet.").is_empty());
        let got = kinds("Title line\n\nMedics said so. State TV reported a curfew.");
        assert_eq!(got, vec![("State TV".to_string(), "outlet".to_string())]);
        let got = kinds("Title line\n\nThe toll rose, according to local officials, on Monday.");
        assert_eq!(
            got,
            vec![("local officials".to_string(), "official".to_string())]
        );
    }

    #[test]
    fn agencies_are_agencies() {
        let got = kinds("Title line\n\nThe official Xinhua news agency said the dam held.");
        assert_eq!(got.first().map(|g| g.1.as_str()), Some("agency"), "{got:?}");
    }
}
