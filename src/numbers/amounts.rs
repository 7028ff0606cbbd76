//! Amounts in one sentence's tokens: the number itself (digits or words), its currency, scale,
//! percent sign, unit or range partner, the qualifier before it and the noun after it.
//!
//! Everything is a bounded look-around from the current token (at most a handful of tokens
//! either side), so a sentence costs time linear in its length.

use super::fine::{Kind, Toks};
use super::lexicon::WordClass;
use super::nouns::{noun_at, noun_word};
use super::number::{core_at, scale_free, tidy, CoreRes};
use super::suffix::{currency_at, suffix_at};
use super::words::{set, table, Words, WORDS};
use crate::lexicon::flag;

/// No bound on a phrase's length.
const ANY: usize = usize::MAX;

/// One amount, in token indices of its sentence.
#[derive(Debug, Clone)]
pub struct Amount {
    /// First token of the amount (currency mark, "between" or the number).
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// First token of the qualifier, or `first`.
    pub qual_first: usize,
    /// Noun tokens `(start, end)`, and where the noun's own words end (before "of ...").
    pub noun: Option<(usize, usize, usize)>,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub kind: &'static str,
    pub unit: Option<&'static str>,
    pub currency: Option<&'static str>,
    pub qualifier: Option<String>,
    pub approximate: bool,
}

impl Amount {
    /// One past the last token the amount or its noun covers.
    pub fn after(&self) -> usize {
        self.noun.map_or(self.end, |n| n.1)
    }
}

// One `Step` lives at a time: its size costs nothing, a box would cost an allocation.
#[allow(clippy::large_enum_variant)]
enum Step {
    Found(Amount),
    /// Not an amount (a year, date, time, ordinal, identifier); resume at this token.
    Skip(usize),
    No,
}

const DASHES: &[&str] = &["-", "–", "—"];
const APPOSITION_END: &[&str] = &[",", ")", ";", "."];

/// All amounts of the sentence whose tokens are `t`.
pub fn find(t: &Toks, text: &str, out: &mut Vec<Amount>) {
    let mut i = 0;
    while i < t.len() {
        if !could_start(t, i) {
            i += 1;
            continue;
        }
        match amount_at(t, text, i) {
            Step::Found(a) => {
                i = a.end.max(i + 1);
                out.push(a);
            }
            Step::Skip(to) => i = to.max(i + 1),
            Step::No => i += 1,
        }
    }
}

fn could_start(t: &Toks, i: usize) -> bool {
    let Some(tok) = t.get(i) else { return false };
    match tok.kind {
        Kind::Num => true,
        // A symbol starts an amount only as a currency mark or a fraction glyph, a word as a
        // number word, "several", "between" or a capitalised short currency ("US$", "Rs").
        Kind::Sym => {
            let inf = t.info(i);
            (inf.first & table::CURRENCY_PREFIX != 0
                || matches!(inf.class, Some(WordClass::Glyph(_))))
                && (!t.low(i).is_ascii() || t.is(i, "$"))
        }
        Kind::Word => {
            let inf = t.info(i);
            inf.has(set::STARTS)
                || tok.cap && inf.first & table::CURRENCY_PREFIX != 0 && t.low(i).len() <= 3
        }
    }
}

fn is_month(t: &Toks, i: usize) -> bool {
    t.get(i).is_some_and(|k| k.cap && k.kind == Kind::Word) && t.flags(i) & flag::MONTH != 0
}

fn amount_at(t: &Toks, text: &str, i: usize) -> Step {
    let w_: &Words = &WORDS;
    let mut between = false;
    let mut first = i;
    if t.is(i, "between") {
        between = true;
        first = i;
    }
    let start = if between { i + 1 } else { i };
    let (mut currency, j) = match currency_at(t, text, start) {
        Some((c, j)) => (Some(c), j),
        None => (None, start),
    };
    let core = match core_at(t, j, currency.is_some()) {
        CoreRes::Ok(c) => c,
        CoreRes::Reject(to) => return Step::Skip(to),
        CoreRes::None => return Step::No,
    };
    let k = core.end;
    let bare = currency.is_none() && !core.spelled && !core.fraction && !core.scaled;
    if bare {
        let w = t.low(k);
        if t.glued(k)
            && t.kind(k) == Some(Kind::Word)
            && (t.info(k).has(set::ORDINAL_SUFFIX) || w == "s")
        {
            return Step::Skip(k + 1); // "4th", "1990s"
        }
        if t.glued(k) && (t.is(k, "'") || t.is(k, "’")) && t.is(k + 1, "s") {
            return Step::Skip(k + 2); // "1990's"
        }
        if (t.is(k, ":") || t.is(k, "."))
            && t.glued(k)
            && t.kind(k + 1) == Some(Kind::Num)
            && t.glued(k + 1)
        {
            return Step::Skip(k + 2); // "15:00"
        }
        if let Some((_, n)) = t.longest(k, ANY, &w_.time_suffixes, table::TIME_SUFFIXES) {
            return Step::Skip(k + n); // "3pm", "10 a.m."
        }
        if j > 0 && t.glued(j) {
            let p = t.low(j - 1);
            let word_before = t.kind(j - 1) == Some(Kind::Word);
            // "COVID-19", and the tail of "800-273-8255" once its head was refused.
            let dash_id = DASHES.contains(&p)
                && j > 1
                && t.glued(j - 1)
                && matches!(t.kind(j - 2), Some(Kind::Word | Kind::Num));
            if word_before || dash_id || p == "#" || p == "'" || p == "’" {
                return Step::Skip(k); // "G20", "COVID-19", "#5", "'90s"
            }
        }
    }
    if core.spelled && !core.vague && j > 0 {
        if t.glued(j) && t.is(j - 1, "-") {
            return Step::No; // "one-off", "no-one"
        }
        if t.get(j).is_some_and(|x| x.cap) {
            if let Some((_, n)) = t.longest_before(j, 2, &w_.id_words, table::ID_WORDS) {
                if t.get(j - n).is_some_and(|x| x.cap) {
                    return Step::Skip(k); // "World War Two", "Apollo Eleven"
                }
            }
        }
    }
    let suf = suffix_at(t, text, k, &core, currency.is_some());
    let mut end = suf.end;
    let mut unit = suf.unit;
    let mut percent = suf.percent;
    if currency.is_none() {
        currency = suf.currency;
    }
    let mut age = suf.age;
    let mut noun_override = None;

    if bare && !suf.any() {
        let int = core.plain_digits.is_some() && core.value.fract() == 0.0;
        // Identifiers: "Resolution 2334", "No. 10", "World War 2".
        let mut b = j;
        if t.is(b.wrapping_sub(1), ".") {
            b -= 1;
        }
        if let Some((_, n)) = t.longest_before(b, 2, &w_.id_words, table::ID_WORDS) {
            let no = b - n;
            let needs_cap = t.is(no, "no") || t.is(no, "nos");
            if !needs_cap || t.get(no).is_some_and(|x| x.cap) {
                return Step::Skip(k);
            }
        }
        // Dates: "4 January", "Sept. 30", "the 4th of July".
        let month_near = is_month(t, b.wrapping_sub(1))
            || is_month(t, k)
            || (t.is(k, "of") && is_month(t, k + 1));
        if int && (1.0..=31.0).contains(&core.value) && month_near {
            // "September 16-19", "Sept. 19 to 22".
            let to = DASHES.contains(&t.low(k)) || t.is(k, "to");
            let dash = to && t.kind(k + 1) == Some(Kind::Num);
            return Step::Skip(if dash { k + 2 } else { k });
        }
        // Names with a number: "Soyuz 36", "Apollo 11", "Windows 10" - a capitalised name
        // word just before, and no noun after ("Baghdad 19 people" stays an amount).
        let name_before = b == j
            && j > 0
            && t.get(j - 1).is_some_and(|x| x.cap && x.kind == Kind::Word)
            && !t.info(j - 1).has(set::NOUN_STOP | set::BRIDGE_LEFT)
            && t.word(j - 1, &w_.qualifiers, table::QUALIFIERS).is_none()
            && t.info(j - 1).class.is_none()
            && t.word(j - 1, &w_.triggers, table::TRIGGERS).is_none()
            && t.flags(j - 1) & (flag::WEEKDAY | flag::MONTH) == 0;
        let common_noun_after = noun_word(t, k) && !t.get(k).is_some_and(|x| x.cap);
        if name_before && !common_noun_after {
            return Step::Skip(k);
        }
        // Years: "in 2013", "2006-07", "2013/14".
        if int && core.plain_digits == Some(4) && (1000.0..=2100.0).contains(&core.value) {
            let mut e = k;
            if (DASHES.contains(&t.low(e)) || t.is(e, "/"))
                && t.glued(e)
                && t.kind(e + 1) == Some(Kind::Num)
            {
                e += 2;
            }
            return Step::Skip(e);
        }
        // "George Lowe, 89, ...": an age in apposition to a name.
        if int
            && (1.0..=120.0).contains(&core.value)
            && j >= 2
            && t.is(j - 1, ",")
            && APPOSITION_END.contains(&t.low(k))
            && t.kind(j - 2) == Some(Kind::Word)
            && !t.info(j - 2).has(set::NOUN_STOP)
            && t.flags(j - 2) & (flag::WEEKDAY | flag::MONTH) == 0
        {
            // The name (capitalised words) or the common noun ("the suspect, 34,").
            let cap = |x: usize| t.get(x).is_some_and(|x| x.cap && x.kind == Kind::Word);
            let mut s = j - 2;
            while cap(s) && s > 0 && cap(s - 1) && j - s < 5 {
                s -= 1;
            }
            age = true;
            unit = Some("year");
            noun_override = Some((s, j - 1, j - 1));
        }
    }
    if core.lone_one && !suf.any() {
        let p = if j > 0 { t.low(j - 1) } else { "" };
        let after = t.low(k);
        if (after == "-" && t.glued(k))
            || after == "of"
            || after == "another"
            || after == "'s"
            || matches!(
                p,
                "no" | "any" | "every" | "some" | "each" | "the" | "this" | "that" | "which" | "at"
            )
        {
            return Step::No; // "one of the", "no one", "at one point"
        }
    }
    let before = if between { i } else { start };
    if before > 0
        && matches!(t.low(before - 1), "aged" | "age" | "ages")
        && currency.is_none()
        && percent.is_none()
    {
        age = true;
        unit = Some("year");
    }

    // Ranges: "12 to 18 months", "between 12 and 18", "20cm-40cm", "$5-10bn".
    let mut low = None;
    let mut high = None;
    let mut value = core.value;
    if !core.vague {
        let sep = t.low(end);
        let dash = DASHES.contains(&sep);
        let change_verb = first > 0 && t.info(first - 1).has(set::CHANGE_VERB);
        let to = sep == "to" && !change_verb;
        let and = between && sep == "and";
        if dash || to || and {
            let s2 = end + 1;
            let (cur2, j2) = match currency_at(t, text, s2) {
                Some((c, j2)) => (Some(c), j2),
                None => (None, s2),
            };
            if let CoreRes::Ok(c2) = core_at(t, j2, currency.is_some() || cur2.is_some()) {
                let hyphenated_year = dash && t.is(end + 1, "year");
                if !(c2.vague || hyphenated_year) {
                    let suf2 =
                        suffix_at(t, text, c2.end, &c2, currency.is_some() || cur2.is_some());
                    let mut v1 = core.value;
                    if !core.scaled && c2.scaled && !suf.any() {
                        // "5 to 10 million": the scale covers both ends.
                        let m = c2.value / scale_free(t, &c2);
                        if m > 1.0 {
                            v1 = tidy(v1 * m);
                        }
                    }
                    let years = core.plain_digits == Some(4) && c2.plain_digits == Some(4);
                    let money2 = cur2.or(suf2.currency);
                    let clash = (suf.percent.is_some() && money2.is_some())
                        || (currency.is_some() && suf2.percent.is_some())
                        || matches!((currency, money2), (Some(a), Some(b)) if a != b)
                        || matches!((suf.unit, suf2.unit), (Some(a), Some(b)) if a != b);
                    if v1 < c2.value && !years && !clash {
                        low = Some(v1);
                        high = Some(c2.value);
                        value = v1;
                        end = suf2.end;
                        currency = currency.or(cur2).or(suf2.currency);
                        percent = percent.or(suf2.percent);
                        unit = unit.or(suf2.unit);
                        age |= suf2.age;
                    } else if dash && bare && c2.plain_digits.is_some() && !suf.any() && !suf2.any()
                    {
                        return Step::Skip(c2.end); // a score, "3-1"
                    }
                }
            }
        }
    }
    if between && low.is_none() {
        // "between" without a range partner is not part of the amount.
        between = false;
        first = start;
    }
    if !between {
        first = start;
    }

    let kind = if age {
        "age"
    } else if currency.is_some() {
        "money"
    } else if percent.is_some() {
        "percent"
    } else if core.fraction {
        "fraction"
    } else if low.is_some() {
        "range"
    } else if core.vague {
        "vague"
    } else {
        "cardinal"
    };
    let unit = if percent.is_some() { percent } else { unit };

    let qualified = t.longest_before(first, 3, &w_.qualifiers, table::QUALIFIERS);
    let (qualifier, qual_first, qual_approx) = match qualified {
        Some((&approx, n)) if !between => {
            let q = first - n;
            let mut text_of = String::new();
            for x in q..first {
                if x > q {
                    text_of.push(' ');
                }
                text_of.push_str(t.low(x));
            }
            (Some(text_of), q, approx)
        }
        _ => (None, first, false),
    };

    let plural_amount = matches!(kind, "cardinal" | "vague" | "range")
        && value != 1.0
        && !core.lone_one
        && unit.is_none();
    if !value.is_finite()
        || low.is_some_and(|l| !l.is_finite())
        || high.is_some_and(|h| !h.is_finite())
    {
        return Step::Skip(end);
    }
    let noun = noun_override.or_else(|| noun_at(t, end, plural_amount));
    Step::Found(Amount {
        first,
        end,
        qual_first,
        noun,
        value,
        low,
        high,
        kind,
        unit,
        currency,
        qualifier,
        approximate: core.vague || qual_approx,
    })
}
