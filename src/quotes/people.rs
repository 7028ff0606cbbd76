//! A light person-mention finder and the discourse model that resolves "he", "she" and
//! "Mr Kerry" to the full name introduced earlier.
//!
//! People are keyed by surname: "John Kerry", "Mr Kerry" and "Kerry" are one person, and the
//! longest form seen is the canonical name. Gender comes from honorifics ("Mr", "Mrs"), the
//! first-name table of the entities module, and the pronouns already resolved to the person.
//! A pronoun goes to, in order: the most recent compatible person who is the subject of a
//! sentence in the same paragraph before it; the subject of the last speech act, when
//! compatible; the most recent compatible person mentioned at all.

use super::lexicon::{honorific, FastMap, NOMINAL_HEADS, NOT_NAMES};
use super::words::Tok;
use crate::text::Span;

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    surname: String,
    first: Option<String>,
    pub gender: Option<char>,
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
    /// Lower-cased name word -> persons whose name holds it.
    by_word: FastMap<String, Vec<usize>>,
    /// Per person, the index in `mentions` of their latest mention.
    latest: Vec<usize>,
    /// Role word ("secretary", "mayor") -> the person last given that role, so that "the
    /// secretary" can stand for "US Secretary of State John Kerry".
    roles: FastMap<String, usize>,
    /// The person who spoke last (quote or reported speech).
    pub last_speaker: Option<usize>,
}

const MAX_RUN: usize = 8;

const CONNECTORS: &[&str] = &[
    "de", "van", "von", "bin", "al", "da", "del", "der", "la", "le", "du", "dos", "ibn",
];

pub fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    &text[t.span.start..t.span.end]
}

/// A token that can be part of a capitalised name.
pub fn name_token(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && (!NOT_NAMES.contains(w) || honorific(w).is_some())
        && !title_case_verb(w)
}

/// "Obama Says ...", "Christie Calls ...": in a title-case headline an inflected speech verb
/// ends the name before it.
fn title_case_verb(w: &str) -> bool {
    let inflected = w.ends_with('s')
        || w.ends_with("ed")
        || w.ends_with("ing")
        || matches!(w, "Said" | "Told" | "Wrote");
    inflected && w.len() > 3 && super::lexicon::is_speech_verb(w)
}

/// End (exclusive) of the capitalised name run starting at `i`, if any.
pub fn run_forward(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    // Names are short; the cap keeps a run of 10,000 capitalised words linear.
    while let Some(t) = toks.get(j).filter(|_| j < i + MAX_RUN) {
        if !t.is_word() {
            break;
        }
        let w = word(text, t);
        if name_token(w) {
            j += 1;
            if w.ends_with("'s") || w.ends_with("’s") {
                break;
            }
        } else if j > i
            && CONNECTORS.contains(&w)
            && toks
                .get(j + 1)
                .is_some_and(|n| n.is_word() && name_token(word(text, n)))
        {
            j += 1;
        } else {
            break;
        }
    }
    (j > i && !all_titles(text, &toks[i..j])).then_some(j)
}

/// Start of the capitalised name run ending just before `end`, if any.
pub fn run_backward(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let mut j = end;
    while j > 0 && j + MAX_RUN > end {
        let Some(t) = toks.get(j - 1) else { break };
        if !t.is_word() {
            break;
        }
        let w = word(text, t);
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        let named = name_token(w) && !(possessive && j < end);
        let connects = j < end
            && CONNECTORS.contains(&w)
            && j >= 2
            && toks
                .get(j - 2)
                .is_some_and(|p| p.is_word() && name_token(word(text, p)));
        if !(named || connects) {
            break;
        }
        j -= 1;
    }
    (j < end && toks.get(j..end).is_some_and(|r| !all_titles(text, r))).then_some(j)
}

/// A run of titles only ("Vice President") names no one; "Mr. King" does.
fn all_titles(text: &str, toks: &[Tok]) -> bool {
    let gendered_first = toks.len() >= 2
        && toks
            .first()
            .and_then(|t| honorific(word(text, t)))
            .is_some_and(|g| g != '-');
    !gendered_first && toks.iter().all(|t| honorific(word(text, t)).is_some())
}

fn clean(w: &str) -> &str {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches('.')
}

/// The name words of a run without honorifics, possessives or suffixes, and the gender the
/// honorifics imply.
fn parts(text: &str, toks: &[Tok]) -> (Vec<String>, Option<char>, bool) {
    let mut g = None;
    let mut titled = false;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = word(text, t);
        if out.is_empty() && i + 1 < toks.len() {
            if let Some(h) = honorific(w) {
                titled = true;
                if h != '-' {
                    g = Some(h);
                }
                continue;
            }
        }
        let c = clean(w);
        if matches!(c, "Jr" | "Sr" | "II" | "III") || c.is_empty() {
            continue;
        }
        out.push(c.to_string());
    }
    // "State John Kerry" (after "Secretary of"), "House Speaker Newt Gingrich": the name
    // starts at its first known forename.
    if let Some(k) = out
        .iter()
        .take(out.len().saturating_sub(1))
        .position(|w| crate::entities::first_name_gender(w).is_some())
    {
        out.drain(..k);
    }
    (out, g, titled)
}

impl People {
    /// Records a name run (tokens `toks`) at byte `pos`; `confident` is false for runs found
    /// in running text, which are kept only when they look like a person.
    pub fn mention(
        &mut self,
        text: &str,
        toks: &[Tok],
        pos: usize,
        subject: bool,
        paragraph: Option<usize>,
        confident: bool,
    ) -> Option<usize> {
        let (names, g, titled) = parts(text, toks);
        // Only capitalised words (and name particles) make a person's name.
        let proper = names.len() <= 5
            && names.iter().all(|w| {
                w.starts_with(|c: char| c.is_uppercase()) || CONNECTORS.contains(&w.as_str())
            });
        if !proper {
            return None;
        }
        let surname = names.last()?.clone();
        let first = (names.len() >= 2).then(|| names[0].clone());
        // "House Speaker Newt Gingrich": the first known forename among the words before the
        // surname gives the gender.
        let fg = names[..names.len() - 1]
            .iter()
            .find_map(|w| crate::entities::first_name_gender(w).filter(|&c| c == 'M' || c == 'F'));
        if !confident && !titled && fg.is_none() {
            // An unknown capitalised run counts only if it names someone already known.
            self.find(&surname, first.as_deref(), g)?;
        }
        let id = match self.find(&surname, first.as_deref(), g.or(fg)) {
            Some(id) => {
                let p = &mut self.persons[id];
                if names.len() > p.name.split(' ').count() && names.len() <= 4 {
                    p.name = names.join(" ");
                    p.first = first;
                    for w in &names {
                        let ids = self.by_word.entry(w.to_lowercase()).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                if p.gender.is_none() {
                    p.gender = g.or(fg);
                }
                id
            }
            None => {
                let id = self.persons.len();
                for w in &names {
                    self.by_word.entry(w.to_lowercase()).or_default().push(id);
                }
                self.persons.push(Person {
                    name: names.join(" "),
                    surname,
                    first,
                    gender: g.or(fg),
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

    /// The most recently mentioned person called `surname` (or, with no first name given,
    /// any of whose name words is `surname`: "Hillary" for "Hillary Clinton").
    fn find(&self, surname: &str, first: Option<&str>, gender: Option<char>) -> Option<usize> {
        let s = surname.to_lowercase();
        self.by_word
            .get(&s)?
            .iter()
            .rev()
            .take(50)
            .copied()
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
                    && (p.surname.to_lowercase() == s || first.is_none())
                    && match (first, &p.first) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        _ => true,
                    }
            })
            .max_by_key(|&id| (self.latest.get(id).copied().unwrap_or(0), id))
    }

    /// Links the role words around a name run (`before`: the words just before it and the
    /// titles inside it; `after`: a comma apposition) to `person`.
    pub fn note_roles(&mut self, text: &str, around: &[&[Tok]], person: usize) {
        for toks in around {
            for t in toks.iter().filter(|t| t.is_word()) {
                let w = word(text, t).trim_end_matches('.').to_lowercase();
                if NOMINAL_HEADS.contains(&w) || honorific(word(text, t)).is_some() && w.len() > 3 {
                    self.roles.insert(w, person);
                }
            }
        }
    }

    /// The person a role phrase ("the secretary", "the mayor") stands for, if one was given
    /// that role.
    pub fn by_role(&self, head: &str) -> Option<usize> {
        self.roles.get(&head.to_lowercase()).copied()
    }

    /// Whether a name run looks like a person: a title, a known first name, two words or
    /// more, or a surname already met.
    pub fn plausible(&self, text: &str, toks: &[Tok]) -> bool {
        let (names, g, titled) = parts(text, toks);
        let first = names.first().map(String::as_str);
        titled
            || g.is_some()
            || names.len() >= 2
            || first
                .and_then(crate::entities::first_name_gender)
                .is_some_and(|g| g == 'M' || g == 'F')
            || names
                .last()
                .is_some_and(|s| self.find(s, None, g).is_some())
    }

    /// The person a he/she/they (gender `g`) at byte `pos` in `paragraph` stands for.
    pub fn resolve(&mut self, g: char, pos: usize, paragraph: Option<usize>) -> Option<usize> {
        if g != 'M' && g != 'F' {
            return None;
        }
        let ok = |id: usize| {
            self.persons
                .get(id)
                .is_some_and(|p| p.gender.is_none_or(|x| x == g))
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

/// Registers the person-like name runs of a block (honorific or known first name, or a name
/// already known), noting those that open a sentence as subjects.
pub fn scan_block(people: &mut People, text: &str, toks: &[Tok], paragraph: Option<usize>) {
    let mut i = 0;
    let mut sentence_start = true;
    while i < toks.len() {
        let Some(t) = toks.get(i) else { break };
        if t.is_word() {
            if let Some(end) = run_forward(text, toks, i) {
                let pos = t.span.start;
                let run = toks.get(i..end).unwrap_or(&[]);
                if let Some(id) = people.mention(text, run, pos, sentence_start, paragraph, false) {
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
                    people.note_roles(text, &[before, run, after], id);
                }
                i = end;
                sentence_start = false;
                continue;
            }
            sentence_start = false;
        } else if matches!(t.kind, super::words::Kind::Punct('.' | '!' | '?')) {
            sentence_start = true;
        }
        i += 1;
    }
}

pub fn span_of(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(toks.first()?.span.start, toks.last()?.span.end))
}
