//! Speech cues around a quote (the speaker phrases they take are in `phrases`).
//!
//! Patterns, tried in this order for each quote unit:
//! 1. right after the quote: `"...," he said`, `"...," said Mr X, the ...`,
//!    `"...," Leonard Burman, director of ..., said`, `"...", according to X`;
//! 2. before it in the same sentence: `X said: "..."`, `He added: "..."`,
//!    `X said the system is "rigged"`, `X called Y "a disgrace"`, `said X: "..."`;
//! 3. later in the same sentence: `the "sectarian" agenda ..., says analyst Ahmed Maher`.
//!
//! Words are read through their classes (`view::cls`): a speech verb, a pronoun, a determiner
//! is a bit test on the unit.

use super::lexicon::CUE_PHRASES;
use super::people::run_forward;
use super::view::{cls, Kind, Tok};

/// A speaker noun phrase: units `start..end`, with the name run inside it, if any.
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
    /// Unit index of the verb (or of "according").
    pub verb: usize,
    pub verb_len: usize,
}

/// How far (in units) a cue may stand from its quote.
pub(super) const MAX_SENTENCE: usize = 80;

pub struct Ctx<'a> {
    pub toks: &'a [Tok],
    /// `ends[i]`: a sentence ends after unit `i`.
    pub ends: &'a [bool],
    /// Per unit, the length of the speech cue starting there (see `find_verbs`).
    pub verbs: &'a [u8],
}

/// Fills `out` with the length of the speech cue starting at each unit (0 for none), looking
/// only at `cands` (the units with a speech verb or a cue phrase's first word); `title_case`
/// for a headline or subheading (verbs may be capitalised).
pub fn find_verbs(
    text: &str,
    toks: &[Tok],
    ends: &[bool],
    title_case: bool,
    cands: &[u32],
    out: &mut Vec<u8>,
) {
    out.clear();
    out.resize(toks.len(), 0);
    for &i in cands {
        let i = i as usize;
        if let Some(v) = out.get_mut(i) {
            *v = verb_at(text, toks, ends, title_case, i).map_or(0, |n| n as u8);
        }
    }
}

/// The speech cue at unit `i` (a speech verb or a cue phrase), in units.
fn verb_at(text: &str, toks: &[Tok], ends: &[bool], title_case: bool, i: usize) -> Option<usize> {
    let t = toks.get(i).filter(|t| t.is_word())?;
    let opens = i == 0 || ends.get(i - 1).copied().unwrap_or(true);
    if t.has(cls::ASCII_UPPER) && !title_case && !opens {
        return None;
    }
    if !t.has(cls::ASCII_ALPHA) {
        return None;
    }
    if !title_case && !opens && t.has(cls::UPPER) {
        return None;
    }
    if t.has(cls::SPEECH) {
        // "his remarks", "Trump's claim", "the message": a noun, not a cue.
        // "Several said", "Another added": a past tense after a quantifier is a verb.
        let past = t.has(cls::SPEECH_PAST);
        let noun = i > 0
            && toks.get(i - 1).is_some_and(|p| {
                p.has(cls::POSS)
                    || p.has(cls::DET)
                        && !p.has(cls::THAT | cls::NUMERAL)
                        && (!past || p.has(cls::ARTICLE))
            });
        return (!noun).then_some(1);
    }
    if !t.has(cls::CUE_FIRST) {
        return None;
    }
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_word())
            .and_then(|t| text.get(t.start as usize..t.end as usize))
    };
    let first = word(i)?;
    CUE_PHRASES.iter().find_map(|p| {
        let (p0, rest) = p.split_first()?;
        let hit = first.len() == p0.len()
            && first.eq_ignore_ascii_case(p0)
            && rest
                .iter()
                .enumerate()
                .all(|(k, pw)| word(i + 1 + k).is_some_and(|w| w.eq_ignore_ascii_case(pw)));
        hit.then_some(p.len())
    })
}

impl Ctx<'_> {
    /// Whether unit `i` is a word with any of `bits`.
    pub(super) fn has(&self, i: usize, bits: u64) -> bool {
        self.toks.get(i).is_some_and(|t| t.bits & bits != 0)
    }

    pub(super) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    pub(super) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    pub(super) fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.quote().is_some())
    }

    /// Whether a sentence ends right before unit `i` (or `i` opens the block).
    pub(super) fn opens(&self, i: usize) -> bool {
        i == 0 || self.ends.get(i - 1).copied().unwrap_or(true)
    }

    pub(super) fn verb(&self, i: usize) -> Option<usize> {
        match self.verbs.get(i).copied() {
            Some(0) | None => None,
            Some(n) => Some(n as usize),
        }
    }

    pub(super) fn is_aux(&self, i: usize) -> bool {
        self.has(i, cls::AUX_WORD | cls::WEEKDAY)
    }

    pub(super) fn sentence_start(&self, i: usize) -> usize {
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

    /// The pronoun unit `i` is, if it can be a subject here: lower-case, opening a sentence,
    /// or "I" ("He's claiming": a contraction keeps its pronoun).
    pub(super) fn is_pronoun(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i).filter(|t| t.is_word())?;
        let p = t.pronoun()?;
        (t.has(cls::LOWER) || self.opens(i) || t.has(cls::PRON_I)).then_some(p)
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

    /// Pattern 1: a cue right after quote unit `q`.
    pub fn after(&self, q: usize, open_end: bool) -> Option<Cue> {
        let j = self.skip_dashes(q + 1);
        let lower_next = self.has(q + 1, cls::LOWER)
            && (self.is_pronoun(q + 1).is_some() || self.verb(q + 1).is_some());
        if !open_end && j == q + 1 && !lower_next {
            return None;
        }
        if let Some(n) = self.verb(j) {
            // `"...," describing the team as ...`: a participle's object is no speaker.
            if n == 1 && self.has(j, cls::ING) {
                return None;
            }
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
        if self.punct(k, ',') {
            let e = (k + 1..(k + 30).min(self.toks.len()))
                .take_while(|&m| {
                    self.toks
                        .get(m)
                        .is_some_and(|t| t.quote().is_none() && !t.is_punct('.'))
                })
                .find(|&m| self.punct(m, ','))?;
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

    /// Pattern 2: the nearest cue before quote unit `q` in its sentence.
    pub fn before(&self, q: usize) -> Option<Cue> {
        let s = self.sentence_start(q);
        let mut weak = None;
        let mut any = false;
        for v in (s..q).rev() {
            let Some(n) = self.verb(v) else { continue };
            any = true;
            if let Some(c) = self.subject(v, n, s) {
                // The nearest cue wins, except that "it" yields to a cue with a person.
                if c.np.pronoun != Some('P') || self.has(c.np.start, cls::THEY) {
                    return Some(c);
                }
                weak.get_or_insert(c);
            }
        }
        weak.or_else(|| if any { self.clause_subject(q) } else { None })
    }

    /// Pattern 3: the first cue after quote unit `q` in its sentence.
    pub fn later(&self, q: usize) -> Option<Cue> {
        let e = self.sentence_end(q);
        for v in q + 1..e {
            let Some(n) = self.verb(v) else { continue };
            let s = self.sentence_start(q);
            return self.subject(v, n, s);
        }
        None
    }

    /// The nearest cue with a named or pronoun subject in the ~40 units before `q`, for a
    /// quoted sentence that follows "..., Schiff said." in its paragraph.
    pub fn previous_cue(&self, q: usize) -> Option<Cue> {
        (q.saturating_sub(40)..q)
            .rev()
            .take_while(|&v| self.toks.get(v).is_some_and(|t| t.quote().is_none()))
            .filter_map(|v| self.cue_at(v))
            .find(|c| c.np.name.is_some() || c.np.pronoun.is_some_and(|p| p == 'M' || p == 'F'))
    }

    /// The cue whose verb is unit `v`, if it is one.
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
        let commas = (s..q.min(s + 16)).filter(|&k| self.punct(k, ',')).take(3);
        for start in std::iter::once(s).chain(commas.map(|c| c + 1)) {
            let Some(mut np) = self.np_forward(start) else {
                continue;
            };
            if np.end >= q || np.pronoun == Some('S') {
                continue;
            }
            let mut k = np.end;
            if self.punct(k, ',') {
                let Some(e) = (k + 1..q.min(k + 25)).find(|&m| self.punct(m, ',')) else {
                    continue;
                };
                if np.name.is_none() && np.pronoun.is_none() {
                    if let Some(ne) = run_forward(self.toks, k + 1).filter(|&ne| ne == e) {
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
            if k < q && self.has(k, cls::LOWER) {
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

    /// The subject of the clause a verb after "and" (unit `and`) is joined to, in the
    /// sentence starting at `s`: "he" or "she" right before the verb before "and" ("she
    /// laughed and said"; a name there may be an object: "sit Putin down and tell"), else the nearest speaker phrase that opens the sentence or follows
    /// one of its commas and is followed by a lower-case word ("In the spot, the president
    /// looks to the camera and says"). A capitalised participle or preposition opening the
    /// sentence ("Shivering in a dress, ...", "Over the years, ...") is no subject.
    fn coordinated_subject(&self, and: usize, s: usize) -> Option<Np> {
        if and >= s + 2 && self.has(and - 1, cls::LOWER) {
            if let Some(np) = self
                .np_simple_backward(and - 1)
                .filter(|np| np.pronoun.is_some_and(|g| g == 'M' || g == 'F'))
            {
                return Some(np);
            }
        }
        let lo = s.max(and.saturating_sub(MAX_SENTENCE));
        let mut commas = [0usize; 4];
        let mut n = 0;
        for k in (lo..and).rev() {
            if self.punct(k, ',') {
                commas[n] = k + 1;
                n += 1;
                if n == commas.len() {
                    break;
                }
            }
        }
        for mut start in commas[..n].iter().copied().chain(std::iter::once(s)) {
            // ", and the League denounced ...": the conjunction opens the clause.
            if self.has(start, cls::AND) && self.has(start, cls::LOWER) {
                start += 1;
            }
            if self.has(start, cls::STOP) || self.has(start, cls::ING) && self.opens(start) {
                continue;
            }
            let Some(np) = self.np_forward(start) else {
                continue;
            };
            // "Smith, the mayor, walked in and said": past a name's apposition.
            let mut k = np.end;
            if self.punct(k, ',') && np.name.is_some() {
                match (k + 1..and.min(k + 25)).find(|&m| self.punct(m, ',')) {
                    Some(e) => k = e + 1,
                    None => continue,
                }
            }
            if k >= and || np.pronoun == Some('S') || !self.has(k, cls::LOWER) {
                continue;
            }
            let speaker_like = np.name.is_some()
                || np.pronoun.is_some()
                || self.has(np.start, cls::DET)
                || (np.start..np.end).any(|k| self.has(k, cls::HEAD));
            if speaker_like {
                return Some(np);
            }
        }
        None
    }

    fn subject(&self, v: usize, n: usize, s: usize) -> Option<Cue> {
        let accord = self.has(v, cls::ACCORDING);
        let comma = v > s
            && self
                .toks
                .get(v - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct(',' | '—' | '–' | '-')));
        let after_quote =
            v > s && self.is_quote(v - 1) || comma && v > s + 1 && self.is_quote(v - 2);
        // "According to X, ...": "according" ends in -ing but is no participle.
        if !after_quote && !accord && self.has(v, cls::ING) {
            // "Clinton is describing", "He's claiming": a progressive takes its subject.
            let be = v > 0 && self.has(v - 1, cls::BE);
            if be {
                let np = self.np_backward(v - 1)?;
                return Some(Cue {
                    np,
                    verb: v,
                    verb_len: n,
                });
            }
            if v > 0 && self.has(v - 1, cls::POSS) {
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
        // After a comma the phrase must name someone or have a speaker head: "X - adviser to
        // Y - told a press conference." is not inverted.
        let speaker_like = |np: &Np| {
            np.name.is_some()
                || np.pronoun.is_some()
                || (np.start..np.end).any(|k| self.has(k, cls::HEAD))
        };
        let inverted = v == s
            || after_quote
            || comma
                && self
                    .np_forward(v + n)
                    .is_some_and(|np| closes(&np) && speaker_like(&np));
        // "the president looks to the camera and says": a verb joined to the clause by "and"
        // shares its subject, when a quote follows it in the sentence (without one the verb
        // may be no speech: "the crash and maintain itself").
        let quote_follows = || (v + n..self.sentence_end(v)).any(|k| self.is_quote(k));
        if !accord && !inverted && quote_follows() {
            let mut j = v;
            while j > s && self.is_aux(j - 1) {
                j -= 1;
            }
            if j > s && self.has(j - 1, cls::AND) && self.has(j - 1, cls::LOWER) {
                // "his lawyer, Antony Townsden, told the BBC it was laughable and added": the
                // named or he/she subject of the speech verb before, else the clause's.
                let before = (s..j - 1)
                    .rev()
                    .find(|&k| self.verb(k).is_some() && !self.has(k, cls::ING))
                    .and_then(|k| self.subject(k, self.verb(k).unwrap_or(1), s))
                    .map(|c| c.np)
                    .filter(|np| {
                        np.name.is_some() || np.pronoun.is_some_and(|g| g == 'M' || g == 'F')
                    });
                let np = before.or_else(|| self.coordinated_subject(j - 1, s))?;
                return Some(Cue {
                    np,
                    verb: v,
                    verb_len: n,
                });
            }
        }
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
