//! A light person-mention finder and the discourse model that resolves "he", "she" and
//! "Mr Kerry" to the full name introduced earlier.
//!
//! People are keyed by surname: "John Kerry", "Mr Kerry" and "Kerry" are one person, and the
//! longest form seen is the canonical name. Gender comes from honorifics ("Mr", "Mrs"), the
//! shared first-name table (`tables::first_name_gender`), and the pronouns already resolved to
//! the person. A pronoun goes to, in order: the most recent compatible person who is the
//! subject of a sentence in the same paragraph before it; the subject of the last speech act,
//! when compatible; the most recent compatible person mentioned at all.
//!
//! Name runs are read from the units' word classes (`view::cls`); strings are made only when a
//! person is recorded or renamed.

use super::lexicon::FastMap;
use super::view::{cls, Forms, Kind, Tok};
use crate::text::Span;

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// Words in `name`.
    words: usize,
    /// The surname lower-cased.
    surname: String,
    first: Option<String>,
    pub gender: Option<char>,
    /// A one-word place name ("California"): never what "he" or "she" stands for.
    place: bool,
    /// An organisation ("Workshare" after "security firm", "Foreign Affairs Committee",
    /// "Microsoft", "BBC"): it may speak, but "he" or "she" never stands for it.
    org: bool,
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    pos: usize,
    person: usize,
    subject: bool,
    paragraph: Option<usize>,
}

#[derive(Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    mentions: Vec<Mention>,
    /// Lower-cased name word -> the latest entry in `filed` of the persons whose name holds it.
    by_word: FastMap<String, u32>,
    /// (person, previous entry for the same word or `u32::MAX`): one list per name word,
    /// newest first, in one buffer.
    filed: Vec<(u32, u32)>,
    /// Per person, the index in `mentions` of their latest mention.
    latest: Vec<usize>,
    /// Role word ("secretary", "mayor") -> the person last given that role, so that "the
    /// secretary" can stand for "US Secretary of State John Kerry".
    roles: FastMap<String, usize>,
    /// The person who spoke last (quote or reported speech).
    pub last_speaker: Option<usize>,
    /// Surname key (hashed, `key_hash`) -> the bytes of the last full name met in running
    /// text with no sign of a person ("Jean-Claude Juncker spoke"), so that a later "Mr
    /// Juncker" takes the full name.
    pending: FastMap<u64, (u32, u32)>,
}

const MAX_RUN: usize = 8;

/// A unit that can be part of a capitalised name: upper-case, not a word that never starts
/// a name (unless an honorific), not a title-case speech verb ("Obama Says ...").
pub fn name_token(t: &Tok) -> bool {
    t.has(cls::NAME)
}

/// End (exclusive) of the capitalised name run starting at `i`, if any.
pub fn run_forward(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    // Names are short; the cap keeps a run of 10,000 capitalised words linear.
    while let Some(t) = toks.get(j).filter(|_| j < i + MAX_RUN) {
        if !t.is_word() {
            break;
        }
        if t.has(cls::NAME) {
            j += 1;
            if t.has(cls::POSS) {
                break;
            }
        } else if j > i
            && t.has(cls::PARTICLE_W)
            && toks.get(j + 1).is_some_and(|n| n.has(cls::NAME))
        {
            j += 1;
        } else {
            break;
        }
    }
    (j > i && !all_titles(&toks[i..j])).then_some(j)
}

/// Start of the capitalised name run ending just before `end`, if any.
pub fn run_backward(toks: &[Tok], end: usize) -> Option<usize> {
    let mut j = end;
    while j > 0 && j + MAX_RUN > end {
        let Some(t) = toks.get(j - 1) else { break };
        if !t.is_word() {
            break;
        }
        let named = t.has(cls::NAME) && !(t.has(cls::POSS) && j < end);
        let connects = j < end
            && t.has(cls::PARTICLE_W)
            && j >= 2
            && toks.get(j - 2).is_some_and(|p| p.has(cls::NAME));
        if !(named || connects) {
            break;
        }
        j -= 1;
    }
    (j < end && toks.get(j..end).is_some_and(|r| !all_titles(r))).then_some(j)
}

/// A run of titles only ("Vice President") names no one; "Mr. King" does.
fn all_titles(toks: &[Tok]) -> bool {
    let gendered_first = toks.len() >= 2
        && toks
            .first()
            .and_then(Tok::honorific)
            .is_some_and(|g| g != '-');
    !gendered_first && toks.iter().all(|t| t.honorific().is_some())
}

/// The name words of a run (indices into it) without honorifics, possessives or suffixes,
/// and the gender the honorifics imply.
struct Parts {
    idx: [u8; MAX_PARTS],
    n: usize,
    gender: Option<char>,
    titled: bool,
}

/// Runs come from `run_forward`/`run_backward` (at most `MAX_RUN` units) or a headline's
/// opening words; longer ones are cut here (they never make a name: at most five words do).
const MAX_PARTS: usize = 16;

impl Parts {
    fn names(&self) -> &[u8] {
        &self.idx[..self.n]
    }
}

fn parts(toks: &[Tok]) -> Parts {
    let mut p = Parts {
        idx: [0; MAX_PARTS],
        n: 0,
        gender: None,
        titled: false,
    };
    for (i, t) in toks.iter().enumerate().take(MAX_PARTS) {
        if p.n == 0 && i + 1 < toks.len() {
            if let Some(h) = t.honorific() {
                p.titled = true;
                if h != '-' {
                    p.gender = Some(h);
                }
                continue;
            }
        }
        // A period standing alone is an empty name part; other punctuation is kept (and makes
        // the run improper).
        if t.has(cls::SUFFIX) || t.is_punct('.') {
            continue;
        }
        p.idx[p.n] = i as u8;
        p.n += 1;
    }
    // "General Electric", "Royal Mail": a title before one organisation word is part of the
    // organisation's name.
    if p.titled && p.n == 1 && toks.len() == 2 && toks[1].has(cls::ORG_W) {
        p = Parts {
            idx: [0; MAX_PARTS],
            n: 2,
            gender: None,
            titled: false,
        };
        p.idx[1] = 1;
    }
    // "Manager Gareth Lloyd", "Director Ana Ruiz": a role word (`nominal_heads.txt`) opening
    // the run is a title, not part of the name, when two or more name words that are not
    // ordinary English words follow it ("Government Accountability Office" stays whole).
    let lead = p
        .names()
        .iter()
        .take_while(|&&i| toks[i as usize].has(cls::ROLE) && toks[i as usize].has(cls::UPPER))
        .count();
    let rest_is_name = p.names()[lead..]
        .iter()
        .all(|&i| !toks[i as usize].has(cls::COMMON_W | cls::ROLE));
    if lead > 0 && p.n >= lead + 2 && rest_is_name {
        p.titled = true;
        p.idx.copy_within(lead..p.n, 0);
        p.n -= lead;
    }
    // "State John Kerry" (after "Secretary of"), "House Speaker Newt Gingrich": the name
    // starts at its first known forename.
    let names = p.names();
    if let Some(k) = names
        .iter()
        .take(names.len().saturating_sub(1))
        .position(|&i| toks[i as usize].first_name().is_some())
    {
        p.idx.copy_within(k..p.n, 0);
        p.n -= k;
    }
    p
}

impl People {
    /// Records a name run (units `toks`) at byte `pos`; `confident` is false for runs found
    /// in running text, which are kept only when they look like a person; `body_before`: the
    /// word before the run names an organisation ("security firm Workshare").
    ///
    /// A run is filed by its kind: a demonym or group word standing alone ("Christians",
    /// "Indian-style") is no one and is not recorded; an organisation (an organisation cue or
    /// gazetteer word ending it, an acronym, or `body_before`) and a one-word place are
    /// recorded (they may speak: "Russia said") but never stand for "he" or "she".
    #[allow(clippy::too_many_arguments)]
    pub fn mention(
        &mut self,
        forms: &Forms,
        toks: &[Tok],
        pos: usize,
        subject: bool,
        paragraph: Option<usize>,
        confident: bool,
        body_before: bool,
    ) -> Option<usize> {
        let p = parts(toks);
        let names = p.names();
        let unit = |i: &u8| &toks[*i as usize];
        // Only capitalised words (and name particles) make a person's name.
        let proper = names.len() <= 5
            && names
                .iter()
                .all(|i| unit(i).has(cls::NAME_UPPER | cls::NAME_PARTICLE));
        if !proper {
            return None;
        }
        let last = unit(names.last()?);
        let surname = forms.name_key(last);
        let first = (names.len() >= 2).then(|| forms.name_part(unit(&names[0])));
        // "House Speaker Newt Gingrich": the first known forename among the words before the
        // surname gives the gender.
        let fg = names[..names.len() - 1]
            .iter()
            .find_map(|i| unit(i).first_name().filter(|&c| c == 'M' || c == 'F'));
        let g = p.gender;
        let evidence = p.titled || fg.is_some() || g.is_some();
        if !confident && !evidence && self.find(surname, first, g).is_none() {
            // An unknown capitalised run counts only if it names someone already known; a
            // two- or three-word one is remembered in case a title names it later.
            let namelike = (2..=3).contains(&names.len())
                && names.iter().all(|i| {
                    let t = unit(i);
                    t.has(cls::NAME_UPPER)
                        && !t.has(cls::COMMON_W | cls::ORG_W | cls::PLACE_W | cls::DEMONYM_W)
                        && !t.has(cls::ALL_CAPS | cls::HEAD)
                });
            if namelike && self.pending.len() < 200 {
                if let Some(a) = names.first() {
                    // Without a possessive ending ("Clive Woodward's").
                    let end = last.start + forms.name_part(last).len() as u32;
                    self.pending.insert(key_hash(surname), (unit(a).start, end));
                }
            }
            return None;
        }
        if names.len() == 1
            && !evidence
            && last.has(cls::DEMONYM_W)
            && !last.has(cls::ORG_W)
            && self.find(surname, first, g).is_none()
        {
            // "the 80,000 Christians", "Nair's Indian-style": a group, not a speaker ("Labour",
            // in the organisation gazetteer, is a party and may speak).
            return None;
        }
        let org = !evidence
            && (body_before || last.has(cls::ORG_W) || names.len() == 1 && last.has(cls::ALL_CAPS));
        let joined = || {
            let mut s = String::new();
            for (k, i) in names.iter().enumerate() {
                if k > 0 {
                    s.push(' ');
                }
                s.push_str(forms.name_part(unit(i)));
            }
            s
        };
        let id = match self.find(surname, first, g.or(fg)) {
            Some(id) => {
                let grows = self
                    .persons
                    .get(id)
                    .is_some_and(|p| names.len() > p.words && names.len() <= 4);
                if grows {
                    let name = joined();
                    if let Some(p) = self.persons.get_mut(id) {
                        p.name = name;
                        p.words = names.len();
                        p.place = false;
                        p.first = first.map(str::to_string);
                    }
                    for i in names {
                        self.file_under(forms.name_key(unit(i)), id, true);
                    }
                }
                if let Some(p) = self.persons.get_mut(id) {
                    if p.gender.is_none() {
                        p.gender = g.or(fg);
                    }
                    if evidence {
                        p.org = false;
                    }
                }
                id
            }
            None => {
                let id = self.persons.len();
                for i in names {
                    self.file_under(forms.name_key(unit(i)), id, false);
                }
                // "Mr Juncker" after "Jean-Claude Juncker spoke": the full name met before.
                let full = (names.len() == 1 && !org)
                    .then(|| self.pending.remove(&key_hash(surname)))
                    .flatten();
                let (name, words, first) = match full {
                    Some((a, b)) => {
                        let n = forms.slice(a as usize, b as usize);
                        let first = n.split_whitespace().next().map(str::to_string);
                        let words = n.split_whitespace().count();
                        (
                            n.split_whitespace()
                                .map(|w| w.trim_end_matches('.'))
                                .collect::<Vec<_>>()
                                .join(" "),
                            words,
                            first,
                        )
                    }
                    None => (joined(), names.len(), first.map(str::to_string)),
                };
                self.persons.push(Person {
                    name,
                    words,
                    surname: surname.to_string(),
                    first,
                    gender: g.or(fg),
                    place: names.len() == 1 && last.has(cls::PLACE_W),
                    org,
                });
                self.latest.push(0);
                id
            }
        };
        if let Some(l) = self.latest.get_mut(id) {
            *l = self.mentions.len();
        }
        self.mentions.push(Mention {
            pos,
            person: id,
            subject,
            paragraph,
        });
        Some(id)
    }

    /// Files person `id` under name word `key` (`once`: unless it is there already).
    fn file_under(&mut self, key: &str, id: usize, once: bool) {
        let entry = self.filed.len() as u32;
        match self.by_word.get(key).copied() {
            Some(head) => {
                if once && self.filed_under(head).any(|p| p == id) {
                    return;
                }
                self.filed.push((id as u32, head));
                if let Some(h) = self.by_word.get_mut(key) {
                    *h = entry;
                }
            }
            None => {
                self.filed.push((id as u32, u32::MAX));
                self.by_word.insert(key.to_string(), entry);
            }
        }
    }

    /// The persons filed from entry `head` on, newest first.
    fn filed_under(&self, head: u32) -> impl Iterator<Item = usize> + '_ {
        let mut at = head;
        std::iter::from_fn(move || {
            let &(p, prev) = self.filed.get(at as usize)?;
            at = prev;
            Some(p as usize)
        })
    }

    /// The most recently mentioned person called `surname` (lower-cased; or, with no first
    /// name given, any of whose name words is `surname`: "Hillary" for "Hillary Clinton").
    fn find(&self, surname: &str, first: Option<&str>, gender: Option<char>) -> Option<usize> {
        let head = *self.by_word.get(surname)?;
        self.filed_under(head)
            .take(50)
            .filter(|&id| {
                let Some(p) = self.persons.get(id) else {
                    return false;
                };
                // "Mr. Obama" is not "Michelle Obama".
                let same_gender = match (gender, p.gender) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                same_gender
                    && (p.surname == surname || first.is_none())
                    && match (first, &p.first) {
                        // "Mr. Van Hollen" for "Chris Van Hollen": the words of a two-word
                        // surname end the full name.
                        (Some(a), Some(b)) => {
                            a.eq_ignore_ascii_case(b)
                                || p.name
                                    .rsplit(' ')
                                    .nth(1)
                                    .is_some_and(|w| p.words > 2 && w.eq_ignore_ascii_case(a))
                        }
                        _ => true,
                    }
            })
            .max_by_key(|&id| (self.latest.get(id).copied().unwrap_or(0), id))
    }

    /// Links the role words around a name run (`before`: the words just before it and the
    /// titles inside it; `after`: a comma apposition) to `person`.
    pub fn note_roles(&mut self, forms: &Forms, around: &[&[Tok]], person: usize) {
        for toks in around {
            // "the committee", "the firm" name a body, never the person near them.
            for t in toks.iter().filter(|t| t.is_word() && !t.has(cls::BODY)) {
                let w = forms.token_lower(t);
                if t.has(cls::ROLE) || t.has(cls::HONORIFIC) && w.len() > 3 {
                    match self.roles.get_mut(w) {
                        Some(p) => *p = person,
                        None => {
                            self.roles.insert(w.to_string(), person);
                        }
                    }
                }
            }
        }
    }

    /// The person a role phrase ("the secretary", "the mayor") stands for, if one was given
    /// that role; `head` is lower-cased.
    pub fn by_role(&self, head: &str) -> Option<usize> {
        self.roles.get(head).copied()
    }

    /// Whether a name run looks like a person: a title, a known first name, two words or
    /// more, or a surname already met.
    pub fn plausible(&self, forms: &Forms, toks: &[Tok]) -> bool {
        let p = parts(toks);
        let names = p.names();
        let unit = |i: &u8| &toks[*i as usize];
        p.titled
            || p.gender.is_some()
            || names.len() >= 2
            || names
                .first()
                .and_then(|i| unit(i).first_name())
                .is_some_and(|g| g == 'M' || g == 'F')
            || names
                .last()
                .is_some_and(|i| self.find(forms.name_key(unit(i)), None, p.gender).is_some())
    }

    /// The person a he/she/they (gender `g`) at byte `pos` in `paragraph` stands for.
    pub fn resolve(&mut self, g: char, pos: usize, paragraph: Option<usize>) -> Option<usize> {
        if g != 'M' && g != 'F' {
            return None;
        }
        let ok = |id: usize| {
            self.persons
                .get(id)
                .is_some_and(|p| !p.place && !p.org && p.gender.is_none_or(|x| x == g))
        };
        // Only the last few hundred mentions: resolution stays linear on any input.
        let before = self.mentions.iter().rev().take(300).filter(|m| m.pos < pos);
        let here = before
            .clone()
            .take_while(|m| m.paragraph == paragraph && paragraph.is_some())
            .find(|m| m.subject && ok(m.person));
        let id = here
            .map(|m| m.person)
            .or(self.last_speaker.filter(|&id| ok(id)))
            .or_else(|| before.clone().find(|m| ok(m.person)).map(|m| m.person))?;
        if let Some(p) = self.persons.get_mut(id) {
            p.gender.get_or_insert(g);
        }
        Some(id)
    }

    pub fn name(&self, id: usize) -> Option<&str> {
        self.persons.get(id).map(|p| p.name.as_str())
    }
}

/// FNV-1a of a surname key: `pending` is keyed without making a string.
fn key_hash(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Registers the person-like name runs of a block (honorific or known first name, or a name
/// already known), noting those that open a sentence as subjects, and those in apposition
/// to a short determiner phrase that opens it ("The winner, Grace Wanjiru, called ...").
pub fn scan_block(people: &mut People, forms: &Forms, toks: &[Tok], paragraph: Option<usize>) {
    let mut i = 0;
    let mut sentence_start = true;
    // Words of the sentence so far, whether its first word is a determiner, and whether a
    // name run was met in it.
    let (mut words, mut det_opens, mut named) = (0usize, false, false);
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        if t.is_word() {
            if sentence_start {
                (words, det_opens, named) = (0, t.has(cls::DET), false);
            }
            // A run starts at a name word (`run_forward` would say no at once otherwise).
            let run = if t.has(cls::NAME) {
                run_forward(toks, i)
            } else {
                None
            };
            if let Some(end) = run {
                let pos = t.start as usize;
                let run = toks.get(i..end).unwrap_or(&[]);
                let appositive = !named
                    && det_opens
                    && (1..=4).contains(&words)
                    && i > 0
                    && toks.get(i - 1).is_some_and(|p| p.is_punct(','));
                named = true;
                let subject = sentence_start || appositive;
                let body_before = i > 0 && toks.get(i - 1).is_some_and(|p| p.has(cls::BODY));
                if let Some(id) =
                    people.mention(forms, run, pos, subject, paragraph, false, body_before)
                {
                    // "Secretary of State John Kerry", "Hadi Razeij, the police chief,".
                    let before = toks.get(i.saturating_sub(3)..i).unwrap_or(&[]);
                    let after = if toks.get(end).is_some_and(|t| t.is_punct(',')) {
                        let stop = (end + 1..toks.len().min(end + 8))
                            .find(|&k| toks.get(k).is_some_and(|t| !t.is_word()))
                            .unwrap_or(end + 1);
                        toks.get(end + 1..stop).unwrap_or(&[])
                    } else {
                        &[]
                    };
                    people.note_roles(forms, &[before, run, after], id);
                }
                i = end;
                sentence_start = false;
                continue;
            }
            words += 1;
            sentence_start = false;
        } else if matches!(t.kind, Kind::Punct('.' | '!' | '?')) {
            sentence_start = true;
        }
        i += 1;
    }
}

pub fn span_of(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(
        toks.first()?.start as usize,
        toks.last()?.end as usize,
    ))
}
