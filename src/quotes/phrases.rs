//! The noun phrase that names a speaker, read forwards from a unit (`"...," said Mr X, the
//! ...`) or backwards from a verb (`Leonard Burman, director of ..., said`): a pronoun, a
//! capitalised name run with the role words around it ("BBC Arabic analyst Ahmed Maher"), or a
//! nominal phrase with a speaker head ("police and medical sources", "a security source").

use super::cues::{Ctx, Np};
use super::people::{run_backward, run_forward};
use super::view::{cls, Kind};

impl Ctx<'_> {
    /// The speaker phrase starting at unit `i`.
    pub fn np_forward(&self, i: usize) -> Option<Np> {
        if !self.is_word(i) {
            return None;
        }
        if let Some(p) = self.is_pronoun(i) {
            return Some(Np {
                start: i,
                end: i + 1,
                name: None,
                pronoun: Some(p),
            });
        }
        if self.has(i, cls::NAME) {
            let end = run_forward(self.toks, i)?;
            // "Kenya's main opposition leader", "Google's chief executive": the speaker is the
            // nominal the possessive name qualifies, not the name.
            if self.has(end - 1, cls::POSS) {
                if let Some(e) = self.head_after_possessive(end) {
                    return Some(Np {
                        start: i,
                        end: e,
                        name: None,
                        pronoun: None,
                    });
                }
            }
            // A title run followed by more words: "BBC Arabic analyst Ahmed Maher".
            // Only role nouns may stand between the runs ("Gingrich cynically dismissed
            // NATO member Estonia" is a clause, not a speaker).
            let roles_between = |np: &Np| {
                np.name
                    .is_some_and(|(s, _)| (end..s).all(|k| self.has(k, cls::NAME | cls::HEAD)))
            };
            if let Some(np) = self
                .nominal_forward(i)
                .filter(|np| np.end > end && roles_between(np))
            {
                return Some(np);
            }
            let name = Some((i, self.run_end(i, end)));
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

    /// The end of a nominal phrase after a possessive ending at `start`: lower-case words up
    /// to and including the last speaker head ("main opposition leader"), at most six.
    fn head_after_possessive(&self, start: usize) -> Option<usize> {
        let mut last_head = None;
        let mut j = start;
        while j < self.toks.len() && j < start + 6 {
            if !self.is_word(j)
                || !self.has(j, cls::LOWER)
                || self.has(j, cls::STOP | cls::DET | cls::AUX_WORD)
                || self.verb(j).is_some()
            {
                break;
            }
            if self.has(j, cls::HEAD) {
                last_head = Some(j + 1);
            }
            j += 1;
        }
        // "Hillary Clinton's campaign manager Robby Mook": a name after the head is the
        // speaker; the phrase is read as a name with its role.
        last_head.filter(|&e| !self.has(e, cls::NAME))
    }

    fn skip_parens(&self, end: usize) -> usize {
        if self.punct(end, '(') {
            if let Some(k) =
                (end + 1..(end + 10).min(self.toks.len())).find(|&k| self.punct(k, ')'))
            {
                return k + 1;
            }
        }
        end
    }

    fn nominal_forward(&self, i: usize) -> Option<Np> {
        if !self.is_word(i) || self.has(i, cls::STOP | cls::OF) || self.verb(i).is_some() {
            return None;
        }
        let mut j = i;
        let mut head = false;
        let mut last_head = i;
        let mut name: Option<(usize, usize)> = None;
        while j < self.toks.len() && j < i + 9 {
            if !self.is_word(j) {
                break;
            }
            // "police and medical sources": a conjunction inside a lower-case phrase.
            let joins = self.has(j, cls::AND)
                && self.is_word(j + 1)
                && self.has(j + 1, cls::LOWER)
                && !self.has(j + 1, cls::STOP_W)
                && self.verb(j + 1).is_none();
            if j > i && !joins && (self.has(j, cls::STOP) || self.verb(j).is_some()) {
                break;
            }
            // "The film-maker will ...", "Our relationship was ...": a speaker phrase never
            // holds a clause.
            if j > i && self.has(j, cls::MODAL) {
                break;
            }
            // A second article ends the phrase ("officials the ..."); an adjectival determiner
            // does not ("a senior Cruz adviser", "one former senior agency official").
            if self.has(j, cls::LOWER)
                && j > i
                && self.has(j, cls::ARTICLE)
                && !self.has(j, cls::THAT)
            {
                break;
            }
            if self.has(j, cls::NAME) {
                let end = run_forward(self.toks, j).unwrap_or(j + 1);
                name = Some((j, end));
                j = end;
                continue;
            }
            // "one Democratic source": a capitalised adjective inside the phrase is kept, and
            // so is a place or a capitalised head after a determiner ("an Ohio Democrat").
            if self.has(j, cls::UPPER)
                && j > i
                && !self.has(j, cls::NOT_NAME_W)
                && !(self.has(i, cls::DET) && self.has(j, cls::PLACE_W | cls::HEAD))
            {
                break;
            }
            // "The Democratic National Committee released ...": a lower-case word after a
            // name run that is no speaker head is the clause's verb, not part of the phrase.
            // Not for a noun closing the phrase ("the Old Trafford boss."), before a speech verb
            // ("the England captain said"), for a name after "of" inside the phrase ("Their
            // view of Trump was his ...") or for a possessive.
            if j > i
                && name.is_some_and(|(s, e)| {
                    e == j
                        && (!(i..s).any(|k| self.has(k, cls::OF | cls::STOP_W))
                            || self.has(j, cls::OF | cls::STOP_W))
                })
                && !self.has(j, cls::HEAD | cls::POSS)
                && !self.has(j + 1, cls::SPEECH | cls::AUX_WORD)
                && (self.has(j, cls::OF | cls::STOP_W) || self.is_word(j + 1))
            {
                break;
            }
            name = None;
            if self.has(j, cls::HEAD) {
                head = true;
                last_head = j + 1;
            }
            j += 1;
        }
        if j == i {
            return None;
        }
        // "His campaign sent a message": the phrase ends at its last speaker head.
        if head && last_head < j && name.is_none() {
            j = last_head;
        }
        // "The internationally recognised southern part of Cyprus is ...": a name after "of"
        // inside a lower-case phrase is not its head.
        let mut name = name.filter(|&(s, e)| e == j && !(s > i && self.has(s - 1, cls::OF)));
        // "a New Hampshire Democrat", "another Texas Republican": a name run ending in a
        // speaker head after an indefinite determiner describes someone, it is not a name.
        if name.is_some()
            && self.has(j - 1, cls::HEAD)
            && self.has(i, cls::DET)
            && !self.has(i, cls::THE)
        {
            name = None;
            head = true;
        }
        // "the New York businessman said": a determiner phrase right before a speech verb.
        let subject = self.has(i, cls::DET) && !self.has(i, cls::THAT) && self.verb(j).is_some();
        // `"...," said the 46-year-old.`, `wrote one commenter.`: a determiner phrase that
        // closes the sentence.
        let closes = self.has(i, cls::DET)
            && !self.has(i, cls::THAT)
            && j > i + 1
            && self
                .toks
                .get(j)
                .is_none_or(|t| matches!(t.kind, Kind::Punct('.' | ',' | ';')));
        (head || name.is_some() || subject || closes).then_some(Np {
            start: i,
            end: j,
            name,
            pronoun: None,
        })
    }

    /// The speaker phrase ending just before unit `v` (a verb), skipping adverbs and
    /// auxiliaries, parentheses and a comma- or dash-delimited apposition.
    pub fn np_backward(&self, v: usize) -> Option<Np> {
        let mut j = v;
        // "would only say": "only" after an auxiliary stands like an adverb.
        while j > 0
            && (self.is_aux(j - 1)
                || j >= 2
                    && self.has(j - 1, cls::MODAL)
                    && !self.has(j - 1, cls::BE)
                    && self.is_aux(j - 2))
        {
            j -= 1;
        }
        let k = j.checked_sub(1)?;
        let t = self.toks.get(k)?;
        match t.kind {
            Kind::Punct(c @ (',' | '-' | '—' | '–')) => {
                let ss = self.sentence_start(k);
                let lo = ss.max(k.saturating_sub(30));
                let mut seps = [0usize; 3];
                let mut n = 0;
                for m in (lo..k).rev() {
                    let sep = self.toks.get(m).is_some_and(|t| {
                        if c == ',' {
                            t.is_punct(',')
                        } else {
                            matches!(t.kind, Kind::Punct('-' | '—' | '–'))
                        }
                    });
                    if sep {
                        seps[n] = m;
                        n += 1;
                        if n == seps.len() {
                            break;
                        }
                    }
                }
                let seps = &seps[..n];
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
                let inner = run_forward(self.toks, m + 1).filter(|&e| e == k);
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
                        let opens = ss + 12 >= m && self.has(ss, cls::DET);
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
                    .find(|&m| self.punct(m, '('))?;
                let mut np = self.np_simple_backward(open)?;
                np.end = k + 1;
                Some(np)
            }
            _ => self.np_simple_backward(j),
        }
    }

    pub(super) fn np_simple_backward(&self, end: usize) -> Option<Np> {
        let k = end.checked_sub(1)?;
        // "McConnell, ..., who in 2010 said": the mention is "who", the name its antecedent.
        if self.has(k, cls::WHO) && k > 0 && self.punct(k - 1, ',') {
            let lo = self.sentence_start(k).max(k.saturating_sub(30));
            let ante = (lo..k - 1)
                .rev()
                .filter(|&m| m == lo || self.punct(m - 1, ',') || self.opens(m))
                .find_map(|m| run_forward(self.toks, m).map(|e| (m, e)));
            return Some(Np {
                start: k,
                end,
                name: ante,
                pronoun: None,
            });
        }
        // "Trump - who previously said", "a tweet from Rikkie Wells who wrote": the name run
        // right before the dash or before "who".
        if self.has(k, cls::WHO) && self.has(k, cls::LOWER) && k > 0 {
            let dash = self
                .toks
                .get(k - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct('-' | '—' | '–')));
            let name_end = if dash { k - 1 } else { k };
            if let Some(s) = run_backward(self.toks, name_end) {
                return Some(Np {
                    start: k,
                    end,
                    name: Some((s, name_end)),
                    pronoun: None,
                });
            }
        }
        if let Some(p) = self.is_pronoun(k) {
            return Some(Np {
                start: k,
                end,
                name: None,
                pronoun: Some(p),
            });
        }
        if !self.is_word(k) {
            return None;
        }
        // "Several said", "Another added": a determiner standing alone as the subject.
        if self.has(k, cls::DET)
            && !self.has(k, cls::ARTICLE | cls::THAT)
            && (self.opens(k) || k > 0 && self.punct(k - 1, ','))
            && end == k + 1
        {
            return Some(Np {
                start: k,
                end,
                name: None,
                pronoun: None,
            });
        }
        if self.has(k, cls::NAME) {
            let Some(s) = run_backward(self.toks, end) else {
                // "the Bishop said": a title alone after a determiner is a role, which
                // `to_who` resolves to the person last given it.
                let role = k > 0 && self.has(k, cls::HONORIFIC) && self.has(k - 1, cls::DET);
                return role.then(|| Np {
                    start: k - 1,
                    end,
                    name: None,
                    pronoun: None,
                });
            };
            // "A spokesperson for the Department for Transport said": a name after a
            // preposition is what the speaker belongs to; the speaker is the nominal.
            if let Some(start) = self.head_before_preposition(s) {
                // "analyst Nick Van den Brul of BNP Paribas": a name right after the head,
                // up to the preposition, is the speaker's own.
                let name = (start..s)
                    .find(|&h| self.has(h, cls::HEAD) && self.has(h, cls::LOWER))
                    .and_then(|h| run_forward(self.toks, h + 1).map(|e| (h + 1, e)))
                    .filter(|&(_, e)| {
                        e < s && self.has(e, cls::LOWER) && self.has(e, cls::OF | cls::STOP_W)
                    });
                return Some(Np {
                    start,
                    end,
                    name,
                    pronoun: None,
                });
            }
            // Keep a role in front of the name: "BBC Arabic analyst Ahmed Maher".
            let mut start = s;
            while start > 0 && start + 6 > s {
                if !self.is_word(start - 1) {
                    break;
                }
                let p = start - 1;
                if self.has(p, cls::LOWER)
                    && (self.has(p, cls::HEAD) || self.has(p, cls::DET) && !self.has(p, cls::THAT))
                {
                    start -= 1;
                } else {
                    break;
                }
            }
            if start < s && !self.has(start, cls::DET) {
                start = s;
            }
            return Some(Np {
                start,
                end,
                name: Some((s, end)),
                pronoun: None,
            });
        }
        // "a source close to the campaign said", "an official familiar with the talks said",
        // "a spokesman for committee Democrats said": the speaker is the head before the
        // preposition, with what qualifies it.
        if let Some(np) = self.head_across_preposition(end) {
            return Some(np);
        }
        if !self.has(k, cls::LOWER) {
            return None;
        }
        if !self.has(k, cls::HEAD) {
            return self.subject_position_nominal(end);
        }
        let mut s = k;
        while s > 0 && s + 7 > k {
            let p = s - 1;
            if !self.is_word(p) {
                break;
            }
            if self.has(p, cls::STOP) && !self.has(p, cls::THAT)
                || self.verb(p).is_some()
                || self.has(p, cls::PRONOUN_W | cls::MODAL)
            {
                break;
            }
            s -= 1;
            if self.has(s, cls::DET) {
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

    /// For a name run starting at `s`: the start of the nominal phrase whose speaker head
    /// governs it through a preposition ("a spokesperson for the Department for", "an official
    /// in", "the lawyer for"), walking back over name words, "the" and prepositions.
    fn head_before_preposition(&self, s: usize) -> Option<usize> {
        let mut p = s;
        let mut crossed = false;
        let mut linkers = 0;
        while p > 0 && p + 8 > s {
            let q = p - 1;
            if !self.is_word(q) {
                return None;
            }
            // "a statement from Chelsea", "a letter by Smith": the name is the author.
            if self.has(q, cls::FROM_BY) {
                return None;
            }
            let prep = self.has(q, cls::LOWER)
                && (self.has(q, cls::OF)
                    || self.has(q, cls::STOP_W) && !self.has(q, cls::AND | cls::THAT | cls::WHO));
            if prep {
                crossed = true;
            } else if crossed && linkers < 2 && self.linker(q) {
                // "a source close to", "an official familiar with", "speaking to".
                linkers += 1;
            } else if self.has(q, cls::HEAD) && (self.has(q, cls::LOWER) || self.opens(q)) {
                // "Secretary of State John Kerry", "Bishop of London": a capitalised title
                // before "of" is part of the name's title, not a speaker of its own.
                let title = self.has(q, cls::UPPER)
                    && (self.has(q, cls::HONORIFIC) || self.has(q + 1, cls::OF));
                if title {
                    return None;
                }
                if !crossed {
                    // "a spokesman for committee Democrats": a noun modifying the name.
                    if self.has(q, cls::LOWER) && q + 1 == s && p == s {
                        p = q;
                        continue;
                    }
                    return None;
                }
                // The phrase opens at its determiner, or at the head.
                let mut start = q;
                while start > 0 && start + 4 > q {
                    let b = start - 1;
                    let joins = self.is_word(b)
                        && (self.has(b, cls::LOWER) || self.has(b, cls::DET))
                        && !self.has(b, cls::STOP | cls::PRONOUN_W)
                        && self.verb(b).is_none();
                    if !joins {
                        break;
                    }
                    start = b;
                    if self.has(b, cls::DET) {
                        break;
                    }
                }
                return Some(start);
            } else if !(self.has(q, cls::NAME) || self.has(q, cls::THE)) {
                return None;
            }
            p = q;
        }
        None
    }

    /// A lower-case word that may link a speaker head to a preposition: "close (to)",
    /// "familiar (with)", "speaking (to)".
    fn linker(&self, q: usize) -> bool {
        self.is_word(q)
            && self.has(q, cls::LOWER)
            && !self.has(
                q,
                cls::STOP | cls::DET | cls::HEAD | cls::PRONOUN_W | cls::AUX_WORD | cls::MODAL,
            )
            && (self.verb(q).is_none() || self.has(q, cls::ING))
    }

    /// For a lower-case phrase ending just before `end`: a nominal whose speaker head stands
    /// before a preposition ("a source close to the Clinton campaign", "one official familiar
    /// with the talks"), opening its sentence or following a comma. The words after the
    /// preposition are lower-case or capitalised nouns with no verb in them.
    fn head_across_preposition(&self, end: usize) -> Option<Np> {
        // "the president looks to the camera and says": a phrase ending in a function word
        // is a clause, not a speaker.
        if end == 0 || self.has(end - 1, cls::STOP | cls::DET | cls::MODAL) {
            return None;
        }
        let lo = end.saturating_sub(12);
        let mut p = end;
        while p > lo {
            p -= 1;
            if !self.is_word(p) || self.verb(p).is_some() || self.has(p, cls::PRONOUN_W) {
                return None;
            }
            let prep = self.has(p, cls::LOWER)
                && (self.has(p, cls::OF)
                    || self.has(p, cls::STOP_W) && !self.has(p, cls::AND | cls::THAT | cls::WHO));
            if !prep || p + 1 == end {
                continue;
            }
            // Up to two linking words, then the head.
            let mut h = p;
            let mut linkers = 0;
            while h > 0 && linkers < 3 {
                h -= 1;
                if self.has(h, cls::HEAD) && self.has(h, cls::LOWER) {
                    break;
                }
                if linkers == 2 || !self.linker(h) {
                    return None;
                }
                linkers += 1;
            }
            if !(self.has(h, cls::HEAD) && self.has(h, cls::LOWER)) || h + 1 == p && linkers > 0 {
                return None;
            }
            // The phrase opens at its determiner (at most four words before the head).
            let mut start = h;
            while start > 0 && start + 4 > h {
                let b = start - 1;
                let joins = self.is_word(b)
                    && !self.has(b, cls::STOP | cls::PRONOUN_W)
                    && self.verb(b).is_none()
                    && (self.has(b, cls::LOWER | cls::DET) || self.has(b, cls::NAME));
                if !joins {
                    break;
                }
                start = b;
                if self.has(b, cls::DET) {
                    break;
                }
            }
            let open = self.opens(start)
                || start > 0
                    && self
                        .toks
                        .get(start - 1)
                        .is_some_and(|t| t.quote().is_some() || t.is_punct(','));
            return (open && self.has(start, cls::DET)).then_some(Np {
                start,
                end,
                name: None,
                pronoun: None,
            });
        }
        None
    }

    /// "The New York businessman said": a determiner phrase that opens its sentence or
    /// follows a comma, whatever its head noun.
    fn subject_position_nominal(&self, end: usize) -> Option<Np> {
        let lo = end.saturating_sub(6);
        // An article or possessive opens the phrase ("the 34-year-old mother of three").
        let d = (lo..end.saturating_sub(1))
            .rev()
            .find(|&k| self.has(k, cls::ARTICLE))?;
        let opens = self.opens(d) || self.punct(d - 1, ',');
        let clean = (d + 1..end).all(|k| {
            self.is_word(k) && !self.has(k, cls::STOP | cls::MODAL) && self.verb(k).is_none()
        });
        (opens && clean).then_some(Np {
            start: d,
            end,
            name: None,
            pronoun: None,
        })
    }

    /// The end of a name run without trailing punctuation.
    fn run_end(&self, start: usize, end: usize) -> usize {
        let mut e = end;
        while e > start && !self.is_word(e - 1) {
            e -= 1;
        }
        e
    }
}
