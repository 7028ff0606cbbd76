//! What follows a number: a currency, percent sign, unit or age ("-year-old"); and the
//! currency mark before it ("$", "A$", "Rs.", "USD").

use super::fine::{Kind, Toks};
use super::number::Core;
use super::words::{table, Words, WORDS};

/// No bound on a phrase's length.
const ANY: usize = usize::MAX;

fn is_upper(text: &str, t: &Toks, i: usize) -> bool {
    t.get(i)
        .and_then(|k| text.get(k.start..k.end))
        .is_some_and(|s| s.chars().all(|c| c.is_uppercase()))
}

/// Suffixes after a number: currency, percent, unit, age ("-year-old").
#[derive(Debug, Default, Clone, Copy)]
pub struct Suffix {
    pub end: usize,
    pub currency: Option<&'static str>,
    pub percent: Option<&'static str>,
    pub unit: Option<&'static str>,
    pub age: bool,
}

pub fn suffix_at(t: &Toks, text: &str, k: usize, core: &Core, has_currency: bool) -> Suffix {
    let w_: &Words = &WORDS;
    let mut s = Suffix {
        end: k,
        ..Default::default()
    };

    if !has_currency {
        if let Some((&code, n)) = t.longest(k, ANY, &w_.currency_suffix, table::CURRENCY_SUFFIX) {
            let iso = code.len() == 3
                && n == 1
                && t.low(k).len() == 3
                && code.eq_ignore_ascii_case(t.low(k));
            let ok = if iso {
                is_upper(text, t, k)
            } else {
                !t.is(k, "won") || core.scaled
            };
            if ok {
                s.currency = Some(code);
                s.end = k + n;
                return s;
            }
        }
        if (t.is(k, "pounds") || t.is(k, "pound")) && core.scaled {
            s.currency = Some("GBP");
            s.end = k + 1;
            return s;
        }
    }
    if let Some((&p, n)) = t.longest(k, ANY, &w_.percent, table::PERCENT) {
        // "pc" only glued or spaced after digits; a lone "%" anywhere.
        s.percent = Some(p);
        s.end = k + n;
        return s;
    }
    if has_currency {
        return s;
    }
    // "22-year-old", "a three-month-old baby".
    if t.is(k, "-") && t.glued(k) && t.glued(k + 1) {
        if let Some(&(u, _)) = t.word(k + 1, &w_.units, table::UNITS) {
            if matches!(u, "year" | "month" | "week" | "day")
                && t.is(k + 2, "-")
                && (t.is(k + 3, "old") || t.is(k + 3, "olds"))
            {
                s.unit = Some(u);
                s.age = true;
                s.end = k + 4;
                return s;
            }
            // "a 10-minute walk", "a 40-tonne lorry".
            s.unit = Some(u);
            s.end = k + 2;
            return s;
        }
    }
    if let Some((&(u, glue), n)) = t.longest(k, ANY, &w_.units, table::UNITS) {
        if glue.allows(t.glued(k)) {
            s.unit = Some(u);
            s.end = k + n;
            if u == "year" && t.is(k + n, "old") {
                s.age = true;
                s.end += 1;
            }
            return s;
        }
    }
    if t.is(k, "pounds") || t.is(k, "pound") {
        s.unit = Some("lb");
        s.end = k + 1;
    }
    s
}

impl Suffix {
    pub fn any(&self) -> bool {
        self.currency.is_some() || self.percent.is_some() || self.unit.is_some()
    }
}

/// A currency mark starting at `i` and where the number after it starts.
pub fn currency_at(t: &Toks, text: &str, i: usize) -> Option<(&'static str, usize)> {
    let w_: &Words = &WORDS;
    let (&code, n) = t.longest(i, 3, &w_.currency_prefix, table::CURRENCY_PREFIX)?;
    if t.kind(i) == Some(Kind::Word) {
        let iso = t.low(i).len() == 3 && n == 1;
        if iso && !is_upper(text, t, i) {
            return None;
        }
    }
    let j = i + n;
    // Skip the period of "Rs.".
    let j = if t.is(j, ".") && t.kind(i) == Some(Kind::Word) {
        j + 1
    } else {
        j
    };
    matches!(t.kind(j), Some(Kind::Num)).then_some((code, j))
}
