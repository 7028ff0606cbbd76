//! Speech cues around a quote and the noun phrase that names the speaker.
//!
//! Patterns, tried in this order for each quote token:
//! 1. right after the quote: `"...," he said`, `"...," said Mr X, the ...`,
//!    `"...," Leonard Burman, director of ..., said`, `"...", according to X`;
//! 2. before it in the same sentence: `X said: "..."`, `He added: "..."`,
//!    `X said the system is "rigged"`, `X called Y "a disgrace"`, `said X: "..."`;
//! 3. later in the same sentence: `the "sectarian" agenda ..., says analyst Ahmed Maher`.

use super::lexicon::{is_speech_verb, pronoun, CUE_PHRASES, NOMINAL_HEADS};
use super::people::{name_token, run_backward, run_forward, word};
use super::words::{Kind, Tok};

/// A speaker noun phrase: tokens `start..end`, with the name run inside it, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub name: Option<(usize, usize)>,
    pub pronoun: Option<char>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub np: Np,
    /// Token index of the verb (or of "according").
    pub verb: usize,
    pub verb_len: usize,
}

const AUX: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "would",
    "will",
    "did",
    "does",
    "reportedly",
    "previously",
    "recently",
    "once",
    "again",
    "just",
    "first",
    "further",
    "often",
    "never",
    "always",
    "simply",
    "publicly",
    "privately",
    "similarly",
    "repeatedly",
    "quickly",
    "not",
    "still",
    "even",
    "initially",
    "ultimately",
    "had",
    "could",
    "might",
    "may",
    "once",
    "famously",
    "flatly",
    "bluntly",
    "angrily",
    "told",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "one", "another", "two", "three", "several",
    "some", "many", "other", "top", "senior", "our", "my", "this", "that", "these", "those",
];

const STOPS: &[&str] = &[
    "that", "who", "which", "whom", "whose", "in", "on", "at", "during", "for", "to", "with",
    "about", "after", "before", "from", "by", "as", "and", "but", "or", "when", "while", "if",
    "because", "than", "since", "into", "over",
];

/// How far (in tokens) a cue may stand from its quote.
const MAX_SENTENCE: usize = 80;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// `ends[i]`: a sentence ends after token `i`.
    pub ends: &'a [bool],
    /// Whether the block is a headline or subheading (title case: verbs may be capitalised).
    pub title_case: bool,
    /// Per token, the length of the speech cue starting there (see `find_verbs`).
    pub verbs: Vec<u8>,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| word(self.text, t))
    }

    fn lower(&self, i: usize) -> Option<String> {
        self.w(i).map(|w| w.to_lowercase())
    }

    fn verb(&self, i: usize) -> Option<usize> {
        match self.verbs.get(i).copied() {
            Some(0) | None => None,
            Some(n) => Some(n as usize),
        }
    }

    /// Fills `verbs` for a block: 0, or the number of tokens of the speech cue there.
    pub fn find_verbs(&mut self) {
        let verbs: Vec<u8> = (0..self.toks.len())
            .map(|i| self.verb_uncached(i).map_or(0, |n| n as u8))
            .collect();
        self.verbs = verbs;
    }

    fn verb_uncached(&self, i: usize) -> Option<usize> {
        let w = self.w(i)?;
        let first = w.as_bytes().first().copied().unwrap_or(0);
        if first.is_ascii_uppercase()
            && !self.title_case
            && i > 0
            && !self.ends.get(i - 1).copied().unwrap_or(true)
        {
            return None;
        }
        if !first.is_ascii_alphabetic() {
            return None;
        }
        let opens = i == 0 || self.ends.get(i - 1).copied().unwrap_or(true);
        if !self.title_case && !opens && w.starts_with(char::is_uppercase) {
            return None;
        }
        if is_speech_verb(w) {
            // "his remarks", "Trump's claim", "the message": a noun, not a cue.
            let noun = i > 0
                && self.w(i - 1).is_some_and(|p| {
                    let l = p.to_lowercase();
                    p.ends_with("'s")
                        || p.ends_with("’s")
                        || (DETERMINERS.contains(&l.as_str())
                            && !matches!(l.as_str(), "that" | "one" | "two" | "three"))
                });
            return (!noun).then_some(1);
        }
        CUE_PHRASES.iter().find_map(|p| {
            let hit = !p.is_empty()
                && p.iter()
                    .enumerate()
                    .all(|(k, pw)| self.w(i + k).is_some_and(|w| w.eq_ignore_ascii_case(pw)));
            hit.then_some(p.len())
        })
    }

    fn is_aux(&self, i: usize) -> bool {
        self.w(i).is_some_and(|w| {
            let l = w.to_lowercase();
            w.starts_with(char::is_lowercase)
                && (AUX.contains(&l.as_str()) || l.len() > 4 && l.ends_with("ly"))
        })
    }

    fn sentence_start(&self, i: usize) -> usize {
        // Capped so that a sentence with no end costs linear time overall.
        let mut j = i;
        while j > 0 && j + MAX_SENTENCE > i && !self.ends.get(j - 1).copied().unwrap_or(true) {
            j -= 1;
        }
        j
    }

    fn sentence_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.toks.len()
            && j < i + MAX_SENTENCE
            && !self.ends.get(j).copied().unwrap_or(true)
        {
            j += 1;
        }
        (j + 1).min(self.toks.len())
    }

    fn is_pronoun(&self, i: usize) -> Option<char> {
        let w = self.w(i)?;
        // "He's claiming": the contraction keeps its pronoun.
        let w = ["'s", "’s", "'d", "’d", "'ll", "’ll"]
            .iter()
            .find_map(|c| w.strip_suffix(c))
            .unwrap_or(w);
        let p = pronoun(w)?;
        (w.starts_with(char::is_lowercase)
            || i == 0
            || self.ends.get(i - 1).copied().unwrap_or(true)
            || w == "I")
            .then_some(p)
    }

    /// The speaker phrase starting at token `i`.
    pub fn np_forward(&self, i: usize) -> Option<Np> {
        let w = self.w(i)?;
        if let Some(p) = self.is_pronoun(i) {
            return Some(Np {
                start: i,
                end: i + 1,
                name: None,
                pronoun: Some(p),
            });
        }
        if name_token(w) {
            let end = run_forward(self.text, self.toks, i)?;
            // A title run followed by more words: "BBC Arabic analyst Ahmed Maher".
            // Only role nouns may stand between the runs ("Gingrich cynically dismissed
            // NATO member Estonia" is a clause, not a speaker).
            let roles_between = |np: &Np| {
                np.name.is_some_and(|(s, _)| {
                    (end..s).all(|k| {
                        self.w(k)
                            .is_some_and(|w| name_token(w) || is_head(&w.to_lowercase()))
                    })
                })
            };
            if let Some(np) = self
                .nominal_forward(i)
                .filter(|np| np.end > end && roles_between(np))
            {
                return Some(np);
            }
            let name = Some((i, run_end(self, i, end)));
            let end = self.skip_parens(end);
            return Some(Np {
                start: i,
                end,
                name,
                pronoun: None,
            });
        }
        self.nominal_forward(i)
    }

    fn skip_parens(&self, end: usize) -> usize {
        if self.toks.get(end).is_some_and(|t| t.is_punct('(')) {
            if let Some(k) = (end + 1..(end + 10).min(self.toks.len()))
                .find(|&k| self.toks.get(k).is_some_and(|t| t.is_punct(')')))
            {
                return k + 1;
            }
        }
        end
    }

    fn nominal_forward(&self, i: usize) -> Option<Np> {
        let first = self.lower(i)?;
        if STOPS.contains(&first.as_str()) || first == "of" || self.verb(i).is_some() {
            return None;
        }
        let mut j = i;
        let mut head = false;
        let mut name: Option<(usize, usize)> = None;
        while j < self.toks.len() && j < i + 9 {
            let Some(w) = self.w(j) else { break };
            let l = w.to_lowercase();
            // "police and medical sources": a conjunction inside a lower-case phrase.
            let joins = l == "and"
                && self.w(j + 1).is_some_and(|n| {
                    n.starts_with(char::is_lowercase)
                        && !STOPS.contains(&n)
                        && self.verb(j + 1).is_none()
                });
            if j > i && !joins && (STOPS.contains(&l.as_str()) || self.verb(j).is_some()) {
                break;
            }
            if w.starts_with(char::is_lowercase)
                && j > i
                && DETERMINERS.contains(&l.as_str())
                && l != "that"
            {
                break;
            }
            if name_token(w) {
                let end = run_forward(self.text, self.toks, j).unwrap_or(j + 1);
                name = Some((j, end));
                j = end;
                continue;
            }
            // "one Democratic source": a capitalised adjective inside the phrase is kept.
            if w.starts_with(char::is_uppercase) && j > i && !super::lexicon::NOT_NAMES.contains(w)
            {
                break;
            }
            name = None;
            head = head || is_head(&l);
            j += 1;
        }
        if j == i {
            return None;
        }
        let name = name.filter(|&(_, e)| e == j);
        // "the New York businessman said": a determiner phrase right before a speech verb.
        let subject =
            DETERMINERS.contains(&first.as_str()) && first != "that" && self.verb(j).is_some();
        (head || name.is_some() || subject).then_some(Np {
            start: i,
            end: j,
            name,
            pronoun: None,
        })
    }

    /// The speaker phrase ending just before token `v` (a verb), skipping adverbs and
    /// auxiliaries, parentheses and a comma- or dash-delimited apposition.
    pub fn np_backward(&self, v: usize) -> Option<Np> {
        let mut j = v;
        while j > 0 && self.is_aux(j - 1) {
            j -= 1;
        }
        let k = j.checked_sub(1)?;
        let t = self.toks.get(k)?;
        match t.kind {
            Kind::Punct(',' | '-' | '—' | '–') => {
                let c = match t.kind {
                    Kind::Punct(c) => c,
                    _ => ',',
                };
                let ss = self.sentence_start(k);
                let lo = ss.max(k.saturating_sub(30));
                let seps: Vec<usize> = (lo..k)
                    .rev()
                    .filter(|&m| {
                        self.toks.get(m).is_some_and(|t| {
                            if c == ',' {
                                t.is_punct(',')
                            } else {
                                matches!(t.kind, Kind::Punct('-' | '—' | '–'))
                            }
                        })
                    })
                    .take(3)
                    .collect();
                let m = seps
                    .iter()
                    .copied()
                    .find(|&m| {
                        self.np_simple_backward(m).is_some_and(|p| {
                            p.start == ss && (p.name.is_some() || p.pronoun.is_some())
                        })
                    })
                    .or(seps.first().copied())?;
                if self
                    .toks
                    .get(m..k)
                    .is_none_or(|r| r.iter().any(|t| t.quote().is_some()))
                {
                    return None;
                }
                let pre = self.np_simple_backward(m);
                let inner = run_forward(self.text, self.toks, m + 1).filter(|&e| e == k);
                match (pre, inner) {
                    (Some(p), _) if p.name.is_some() || p.pronoun.is_some() => Some(p),
                    (Some(p), Some(e)) => Some(Np {
                        start: p.start,
                        end: k,
                        name: Some((m + 1, e)),
                        pronoun: None,
                    }),
                    (None, Some(e)) => {
                        // "The head of the police in Anbar province - Hadi Razeij - said": the
                        // mention runs from the determiner that opens the sentence.
                        let opens = ss + 12 >= m
                            && self
                                .w(ss)
                                .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
                        let clean = (ss..m).all(|x| {
                            self.verb(x).is_none()
                                && self.toks.get(x).is_some_and(|t| t.quote().is_none())
                        });
                        let start = if opens && clean { ss } else { m + 1 };
                        Some(Np {
                            start,
                            end: if start == ss { k } else { e },
                            name: Some((m + 1, e)),
                            pronoun: None,
                        })
                    }
                    (p, None) => p,
                }
            }
            Kind::Punct(')') => {
                let open = (k.saturating_sub(10)..k)
                    .rev()
                    .find(|&m| self.toks.get(m).is_some_and(|t| t.is_punct('(')))?;
                let mut np = self.np_simple_backward(open)?;
                np.end = k + 1;
                Some(np)
            }
            _ => self.np_simple_backward(j),
        }
    }

    fn np_simple_backward(&self, end: usize) -> Option<Np> {
        let k = end.checked_sub(1)?;
        // "McConnell, ..., who in 2010 said": the mention is "who", the name its antecedent.
        if self.lower(k).is_some_and(|w| w == "who" || w == "which")
            && k > 0
            && self.toks.get(k - 1).is_some_and(|t| t.is_punct(','))
        {
            let lo = self.sentence_start(k).max(k.saturating_sub(30));
            let ante = (lo..k - 1)
                .rev()
                .filter(|&m| {
                    m == lo
                        || self.toks.get(m - 1).is_some_and(|t| t.is_punct(','))
                        || self.ends.get(m - 1).copied().unwrap_or(true)
                })
                .find_map(|m| run_forward(self.text, self.toks, m).map(|e| (m, e)));
            return Some(Np {
                start: k,
                end,
                name: ante,
                pronoun: None,
            });
        }
        if let Some(p) = self.is_pronoun(k) {
            return Some(Np {
                start: k,
                end,
                name: None,
                pronoun: Some(p),
            });
        }
        let w = self.w(k)?;
        if name_token(w) {
            let s = run_backward(self.text, self.toks, end)?;
            // Keep a role in front of the name: "BBC Arabic analyst Ahmed Maher".
            let mut start = s;
            while start > 0 && start + 6 > s {
                let Some(p) = self.w(start - 1) else { break };
                let l = p.to_lowercase();
                if p.starts_with(char::is_lowercase)
                    && (is_head(&l) || DETERMINERS.contains(&l.as_str()) && l != "that")
                {
                    start -= 1;
                } else {
                    break;
                }
            }
            if start < s
                && !self
                    .w(start)
                    .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
            {
                start = s;
            }
            return Some(Np {
                start,
                end,
                name: Some((s, end)),
                pronoun: None,
            });
        }
        if !w.starts_with(char::is_lowercase) {
            return None;
        }
        if !is_head(&w.to_lowercase()) {
            return self.subject_position_nominal(end);
        }
        let mut s = k;
        while s > 0 && s + 7 > k {
            let Some(p) = self.w(s - 1) else { break };
            let l = p.to_lowercase();
            if STOPS.contains(&l.as_str()) && l != "that"
                || self.verb(s - 1).is_some()
                || pronoun(p).is_some()
            {
                break;
            }
            s -= 1;
            if DETERMINERS.contains(&l.as_str()) {
                break;
            }
        }
        Some(Np {
            start: s,
            end,
            name: None,
            pronoun: None,
        })
    }

    /// "The New York businessman said": a determiner phrase that opens its sentence or
    /// follows a comma, whatever its head noun.
    fn subject_position_nominal(&self, end: usize) -> Option<Np> {
        let lo = end.saturating_sub(6);
        // An article or possessive opens the phrase ("the 34-year-old mother of three").
        let d = (lo..end.saturating_sub(1)).rev().find(|&k| {
            self.w(k).is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "this"
                        | "these"
                        | "those"
                )
            })
        })?;
        let opens = d == 0
            || self.ends.get(d - 1).copied().unwrap_or(true)
            || self.toks.get(d - 1).is_some_and(|t| t.is_punct(','));
        let clean = (d + 1..end).all(|k| {
            self.w(k)
                .is_some_and(|w| !STOPS.contains(&w.to_lowercase().as_str()))
                && self.verb(k).is_none()
        });
        (opens && clean).then_some(Np {
            start: d,
            end,
            name: None,
            pronoun: None,
        })
    }

    fn skip_dashes(&self, mut j: usize) -> usize {
        while self
            .toks
            .get(j)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '-' | '—' | '–' | '―')))
        {
            j += 1;
        }
        j
    }

    /// Pattern 1: a cue right after quote token `q`.
    pub fn after(&self, q: usize, open_end: bool) -> Option<Cue> {
        let j = self.skip_dashes(q + 1);
        let lower_next = self
            .w(q + 1)
            .is_some_and(|w| w.starts_with(char::is_lowercase))
            && (self.is_pronoun(q + 1).is_some() || self.verb(q + 1).is_some());
        if !open_end && j == q + 1 && !lower_next {
            return None;
        }
        if let Some(n) = self.verb(j) {
            let mut k = j + n;
            while self.is_aux(k) {
                k += 1;
            }
            if let Some(np) = self.np_forward(k) {
                return Some(Cue {
                    np,
                    verb: j,
                    verb_len: n,
                });
            }
            return None;
        }
        let np = self.np_forward(j)?;
        let mut k = np.end;
        // `"..." ― Adriana Rodarte`: a name after a dash, closing its line, signs the quote.
        let dashed = (q + 1..j).any(|d| {
            self.toks
                .get(d)
                .is_some_and(|t| matches!(t.kind, Kind::Punct('—' | '―' | '–' | '-')))
        });
        if dashed
            && np.name.is_some()
            && self
                .toks
                .get(k)
                .is_none_or(|t| t.quote().is_some() || t.is_punct('.'))
        {
            return Some(Cue {
                np,
                verb: j,
                verb_len: 0,
            });
        }
        if self.toks.get(k).is_some_and(|t| t.is_punct(',')) {
            let e = (k + 1..(k + 30).min(self.toks.len()))
                .take_while(|&m| {
                    self.toks
                        .get(m)
                        .is_some_and(|t| t.quote().is_none() && !t.is_punct('.'))
                })
                .find(|&m| self.toks.get(m).is_some_and(|t| t.is_punct(',')))?;
            k = e + 1;
        }
        while self.is_aux(k) {
            k += 1;
        }
        let n = self.verb(k)?;
        Some(Cue {
            np,
            verb: k,
            verb_len: n,
        })
    }

    /// Pattern 2: the nearest cue before quote token `q` in its sentence.
    pub fn before(&self, q: usize) -> Option<Cue> {
        let s = self.sentence_start(q);
        let mut weak = None;
        let mut any = false;
        for v in (s..q).rev() {
            let Some(n) = self.verb(v) else { continue };
            any = true;
            if let Some(c) = self.subject(v, n, s) {
                // The nearest cue wins, except that "it" yields to a cue with a person.
                if c.np.pronoun != Some('P') || self.lower(c.np.start).as_deref() == Some("they") {
                    return Some(c);
                }
                weak.get_or_insert(c);
            }
        }
        weak.or_else(|| if any { self.clause_subject(q) } else { None })
    }

    /// Pattern 3: the first cue after quote token `q` in its sentence.
    pub fn later(&self, q: usize) -> Option<Cue> {
        let e = self.sentence_end(q);
        for v in q + 1..e {
            let Some(n) = self.verb(v) else { continue };
            let s = self.sentence_start(q);
            return self.subject(v, n, s);
        }
        None
    }

    /// The nearest cue with a named or pronoun subject in the ~40 tokens before `q`, for a
    /// quoted sentence that follows "..., Schiff said." in its paragraph.
    pub fn previous_cue(&self, q: usize) -> Option<Cue> {
        (q.saturating_sub(40)..q)
            .rev()
            .take_while(|&v| self.toks.get(v).is_some_and(|t| t.quote().is_none()))
            .filter_map(|v| self.cue_at(v))
            .find(|c| c.np.name.is_some() || c.np.pronoun.is_some_and(|p| p == 'M' || p == 'F'))
    }

    /// The cue whose verb is token `v`, if it is one.
    pub fn cue_at(&self, v: usize) -> Option<Cue> {
        let n = self.verb(v)?;
        self.subject(v, n, self.sentence_start(v))
    }

    /// For a quote with no speech cue: the subject of its clause, when it is a name or a
    /// pronoun ("Trump likened the refugees to a 'vicious snake'"). The subject opens the
    /// sentence, or follows an opening phrase ended by a comma ("At a rally, Trump ...").
    pub fn clause_subject(&self, q: usize) -> Option<Cue> {
        let s = self.sentence_start(q);
        // "On July 6, 2015, Sanders made ...": the subject may follow one of the first commas.
        let commas = (s..q.min(s + 16))
            .filter(|&k| self.toks.get(k).is_some_and(|t| t.is_punct(',')))
            .take(3);
        for start in std::iter::once(s).chain(commas.map(|c| c + 1)) {
            let Some(mut np) = self.np_forward(start) else {
                continue;
            };
            if np.end >= q || np.pronoun == Some('S') {
                continue;
            }
            let mut k = np.end;
            if self.toks.get(k).is_some_and(|t| t.is_punct(',')) {
                let Some(e) = (k + 1..q.min(k + 25))
                    .find(|&m| self.toks.get(m).is_some_and(|t| t.is_punct(',')))
                else {
                    continue;
                };
                if np.name.is_none() && np.pronoun.is_none() {
                    if let Some(ne) = run_forward(self.text, self.toks, k + 1).filter(|&ne| ne == e)
                    {
                        np = Np {
                            start: np.start,
                            end: e,
                            name: Some((k + 1, ne)),
                            pronoun: None,
                        };
                    }
                }
                k = e + 1;
            }
            if np.name.is_none() && np.pronoun.is_none() && start != s {
                continue;
            }
            while self.is_aux(k) {
                k += 1;
            }
            if k < q && self.w(k).is_some_and(|w| w.starts_with(char::is_lowercase)) {
                // No speech verb: the clause's own verb is not reported as the cue.
                return Some(Cue {
                    np,
                    verb: k,
                    verb_len: 0,
                });
            }
        }
        None
    }

    fn subject(&self, v: usize, n: usize, s: usize) -> Option<Cue> {
        let accord = self.lower(v).as_deref() == Some("according");
        let comma = v > s
            && self
                .toks
                .get(v - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '—' | '–' | '-')));
        let after_quote = v > s && self.toks.get(v - 1).is_some_and(|t| t.quote().is_some())
            || comma && v > s + 1 && self.toks.get(v - 2).is_some_and(|t| t.quote().is_some());
        if !after_quote && self.lower(v).is_some_and(|w| w.ends_with("ing")) {
            // "Clinton is describing", "He's claiming": a progressive takes its subject.
            let be = v > 0
                && self.lower(v - 1).is_some_and(|b| {
                    matches!(b.as_str(), "is" | "are" | "was" | "were" | "been" | "be")
                });
            if be {
                let np = self.np_backward(v - 1)?;
                return Some(Cue {
                    np,
                    verb: v,
                    verb_len: n,
                });
            }
            if v > 0
                && self.toks.get(v - 1).is_some_and(|t| {
                    t.is_word()
                        && (word(self.text, t).ends_with("'s")
                            || word(self.text, t).ends_with("’s"))
                })
            {
                let np = self.np_backward(v)?;
                return Some(Cue {
                    np,
                    verb: v,
                    verb_len: n,
                });
            }
            // ", saying ...": the participle's subject is the clause's; "footage of Trump
            // saying" is the name's; "tweets accusing ..." is a noun's modifier, not a cue.
            if comma {
                return self.clause_subject(v);
            }
            let np = self
                .np_backward(v)
                .filter(|np| np.name.is_some() || np.pronoun.is_some())?;
            return Some(Cue {
                np,
                verb: v,
                verb_len: n,
            });
        }
        // ", says analyst Ahmed Maher." inverts only when the phrase closes the sentence.
        let closes = |np: &Np| {
            self.toks.get(np.end).is_none_or(|t| {
                t.quote().is_some()
                    || matches!(t.kind, Kind::Punct('.' | ',' | ':' | ';' | '!' | '?'))
            })
        };
        let inverted =
            v == s || after_quote || comma && self.np_forward(v + n).is_some_and(|np| closes(&np));
        let np = if accord || inverted && !self.is_aux(v + n) {
            self.np_forward(v + n)
                .or_else(|| if accord { None } else { self.np_backward(v) })
        } else {
            self.np_backward(v)
        }?;
        Some(Cue {
            np,
            verb: v,
            verb_len: n,
        })
    }
}

fn run_end(c: &Ctx, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start && !c.toks.get(e - 1).is_some_and(|t| t.is_word()) {
        e -= 1;
    }
    e
}

fn is_head(l: &str) -> bool {
    NOMINAL_HEADS.contains(l) || l.ends_with('s') && NOMINAL_HEADS.contains(&l[..l.len() - 1])
}
