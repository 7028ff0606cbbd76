//! Amounts in one sentence's tokens: the number itself (digits or words), its currency, scale,
//! percent sign, unit or range partner, the qualifier before it and the noun after it.
//!
//! Everything is a bounded look-around from the current token (at most a handful of tokens
//! either side), so a sentence costs time linear in its length.

use super::lexicon::{Lexicon, WordClass, LEX};
use super::toks::{Kind, Toks};
use crate::tables::{MONTHS, WEEKDAYS};

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

enum Step {
    Found(Box<Amount>),
    /// Not an amount (a year, date, time, ordinal, identifier); resume at this token.
    Skip(usize),
    No,
}

#[derive(Debug, Clone, Copy)]
struct Core {
    value: f64,
    end: usize,
    spelled: bool,
    vague: bool,
    fraction: bool,
    scaled: bool,
    /// Digits only, no separator or decimal point: how many.
    plain_digits: Option<usize>,
    /// The lone word "one".
    lone_one: bool,
}

enum CoreRes {
    Ok(Core),
    Reject(usize),
    None,
}

const DETERMINERS: &[&str] = &[
    "the", "these", "those", "his", "her", "its", "their", "our", "them",
];
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
                out.push(*a);
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
        Kind::Sym => !t.low(i).is_ascii() || t.is(i, "$"),
        Kind::Word => {
            let w = t.low(i);
            LEX.words.contains_key(w)
                || LEX.vague.contains_key(w)
                || w == "several"
                || w == "between"
                || (tok.cap && w.len() <= 3)
        }
    }
}

fn is_upper(text: &str, t: &Toks, i: usize) -> bool {
    t.get(i)
        .and_then(|k| text.get(k.start..k.end))
        .is_some_and(|s| s.chars().all(|c| c.is_uppercase()))
}

fn is_month(t: &Toks, i: usize) -> bool {
    t.get(i).is_some_and(|k| k.cap && k.kind == Kind::Word) && MONTHS.contains_key(t.low(i))
}

/// Rounds away the binary noise of decimal scaling ("4.1bn" is 4100000000, not 4099999999.9999995).
fn tidy(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() < 1e-6 * x.abs().max(1.0) {
        r
    } else {
        x
    }
}

fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

/// A proper fraction `n/d` with small `d` from the number tokens at `a` and `b`.
fn proper_fraction(t: &Toks, a: usize, b: usize) -> Option<f64> {
    let (n, d) = (t.get(a)?, t.get(b)?);
    if n.dots + n.commas + d.dots + d.commas > 0 {
        return None;
    }
    let (n, d): (f64, f64) = (t.low(a).parse().ok()?, t.low(b).parse().ok()?);
    // Only the denominators fractions are written with; "9/11" and "24/7" are names.
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0].contains(&d);
    (n >= 1.0 && n < d && usual).then(|| n / d)
}

fn core_at(t: &Toks, j: usize, money: bool) -> CoreRes {
    let lex: &Lexicon = &LEX;
    let Some(tok) = t.get(j) else {
        return CoreRes::None;
    };
    match tok.kind {
        Kind::Num => {
            if tok.dots > 1 {
                return CoreRes::Reject(j + 1);
            }
            let Some(mut value) = parse_digits(t.low(j)).filter(|v| v.is_finite()) else {
                return CoreRes::Reject(j + 1);
            };
            let plain = tok.dots == 0 && tok.commas == 0;
            let mut c = Core {
                value,
                end: j + 1,
                spelled: false,
                vague: false,
                fraction: false,
                scaled: false,
                plain_digits: plain.then(|| t.low(j).len()),
                lone_one: false,
            };
            let k = j + 1;
            let num_at = |x: usize| t.kind(x) == Some(Kind::Num) && t.glued(x);
            if t.is(k, "/") && t.glued(k) && num_at(k + 1) {
                // "3/4" is a fraction; "9/11", "24/7", "12/05/2014" are not amounts.
                match proper_fraction(t, j, k + 1) {
                    Some(f) if !t.is(k + 2, "/") => {
                        c.value = f;
                        c.fraction = true;
                        c.plain_digits = None;
                        c.end = k + 2;
                    }
                    _ => {
                        let mut e = k + 2;
                        while t.is(e, "/") && t.glued(e) && num_at(e + 1) {
                            e += 2;
                        }
                        return CoreRes::Reject(e);
                    }
                }
            } else if plain
                && t.kind(k) == Some(Kind::Num)
                && !t.glued(k)
                && t.is(k + 1, "/")
                && t.glued(k + 1)
                && num_at(k + 2)
            {
                if let Some(f) = proper_fraction(t, k, k + 2) {
                    value += f;
                    c.value = value;
                    c.fraction = true;
                    c.plain_digits = None;
                    c.end = k + 3;
                }
            } else if t.glued(k) {
                if let Some(WordClass::Glyph(g)) = lex.words.get(t.low(k)) {
                    c.value += g;
                    c.fraction = true;
                    c.plain_digits = None;
                    c.end = k + 1;
                }
            }
            let k = c.end;
            if t.kind(k) == Some(Kind::Word) {
                if let Some(&(mult, glue)) = lex.scales.get(t.low(k)) {
                    let metre = t.is(k, "m")
                        && !money
                        && (t.kind(k + 1) != Some(Kind::Word)
                            || lex.metre_context.contains(t.low(k + 1))
                            || !t.glued(k + 1) && t.is(k + 1, "-"));
                    if glue.allows(t.glued(k)) && !metre {
                        c.value = tidy(c.value * mult);
                        c.scaled = true;
                        c.plain_digits = None;
                        c.end = k + 1;
                    }
                }
            }
            CoreRes::Ok(c)
        }
        Kind::Word => spelled_at(t, j),
        Kind::Sym => match lex.words.get(t.low(j)) {
            Some(WordClass::Glyph(g)) => CoreRes::Ok(Core {
                value: *g,
                end: j + 1,
                spelled: false,
                vague: false,
                fraction: true,
                scaled: false,
                plain_digits: None,
                lone_one: false,
            }),
            _ => CoreRes::None,
        },
    }
}

fn spelled_at(t: &Toks, j: usize) -> CoreRes {
    let lex: &Lexicon = &LEX;
    let w = t.low(j);
    if let Some((&mult, n)) = t.longest(j, 2, &lex.vague_multipliers) {
        // "several hundred", "a few thousand".
        let scale = match lex.words.get(t.low(j + n)) {
            Some(WordClass::Hundred) => 100.0,
            Some(WordClass::Dozen) => 12.0,
            Some(WordClass::Scale(s)) => *s,
            _ => return CoreRes::None,
        };
        return CoreRes::Ok(Core {
            value: mult * scale,
            end: j + n + 1,
            spelled: true,
            vague: true,
            fraction: false,
            scaled: true,
            plain_digits: None,
            lone_one: false,
        });
    }
    if let Some(&base) = lex.vague.get(w) {
        // "dozens of", "hundreds of thousands of", "thousands more", "thousands fled".
        let mut v = 2.0 * base;
        let mut k = j + 1;
        let mut unit = base;
        while t.is(k, "of") {
            match lex.vague.get(t.low(k + 1)) {
                Some(&b) if b > unit => {
                    v *= b;
                    unit = b;
                    k += 2;
                }
                _ => break,
            }
        }
        let follow = t.low(k);
        let ok = matches!(follow, "of" | "more" | "upon" | "," | "." | ";" | ")" | "")
            || lex.bridge_right.contains(follow)
            || lex.triggers.get(follow).is_some_and(|tr| tr.right);
        if !ok || (w == "tens" && k == j + 1) {
            return CoreRes::None;
        }
        return CoreRes::Ok(Core {
            value: v,
            end: k,
            spelled: true,
            vague: true,
            fraction: false,
            scaled: false,
            plain_digits: None,
            lone_one: false,
        });
    }
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut k = j;
    let mut seen = false; // a real number word, not just an article
    let mut last: Option<WordClass> = None;
    let mut scaled = false;
    let mut last_scale = f64::INFINITY;
    loop {
        if t.kind(k) != Some(Kind::Word) {
            break;
        }
        let Some(&class) = lex.words.get(t.low(k)) else {
            break;
        };
        match class {
            WordClass::Unit(v) => {
                let after_ten = matches!(last, Some(WordClass::Ten(_))) && v < 10.0;
                if matches!(last, Some(WordClass::Unit(_)))
                    || (matches!(last, Some(WordClass::Ten(_))) && !after_ten)
                {
                    break;
                }
                cur += v;
                seen = true;
            }
            WordClass::Ten(v) => {
                if matches!(last, Some(WordClass::Unit(_)) | Some(WordClass::Ten(_))) {
                    if k == j + 1 && (11.0..=20.0).contains(&cur) {
                        // "nineteen ninety-six" is a year read aloud.
                        let mut e = k + 1;
                        if t.is(e, "-") && t.glued(e) && t.glued(e + 1) {
                            e += 2;
                        }
                        return CoreRes::Reject(e);
                    }
                    break;
                }
                cur += v;
                seen = true;
            }
            WordClass::Hundred | WordClass::Scale(_) | WordClass::Dozen => {
                if !seen && !matches!(last, Some(WordClass::Article)) {
                    break;
                }
                // Scales fall as a number is read ("two million three hundred thousand");
                // "million million" or "hundred hundred" is two numbers or none.
                let falls = match class {
                    WordClass::Scale(m) => m < last_scale,
                    _ => !matches!(last, Some(WordClass::Hundred | WordClass::Dozen)),
                };
                if !falls {
                    break;
                }
                if let WordClass::Scale(m) = class {
                    last_scale = m;
                }
                let m = match class {
                    WordClass::Hundred => 100.0,
                    WordClass::Dozen => 12.0,
                    WordClass::Scale(s) => s,
                    _ => 1.0,
                };
                if cur == 0.0 {
                    cur = 1.0;
                }
                if matches!(class, WordClass::Scale(_)) {
                    total += cur * m;
                    cur = 0.0;
                } else {
                    cur *= m;
                }
                seen = true;
                scaled = true;
            }
            WordClass::Article => {
                // "a third of", "a quarter of".
                if let Some(&d) = lex.denominators.get(t.low(k + 1)) {
                    if k == j && t.is(k + 2, "of") && d > 2.0 {
                        return CoreRes::Ok(Core {
                            value: 1.0 / d,
                            end: k + 2,
                            spelled: true,
                            vague: false,
                            fraction: true,
                            scaled: false,
                            plain_digits: None,
                            lone_one: false,
                        });
                    }
                }
                // "a hundred", "a dozen", "a million": only first, and only before a scale.
                let next = lex.words.get(t.low(k + 1));
                if k != j
                    || !matches!(
                        next,
                        Some(WordClass::Hundred | WordClass::Scale(_) | WordClass::Dozen)
                    )
                {
                    break;
                }
                cur = 1.0;
            }
            WordClass::Half => {
                // "half a million", "half a dozen".
                let scale = match lex.words.get(t.low(k + 2)) {
                    Some(WordClass::Scale(s)) => *s,
                    Some(WordClass::Dozen) => 12.0,
                    _ => 0.0,
                };
                if k != j || !(t.is(k + 1, "a") || t.is(k + 1, "an")) || scale == 0.0 {
                    break;
                }
                total = 0.5 * scale;
                k += 3;
                seen = true;
                scaled = true;
                break;
            }
            WordClass::Glyph(_) => break,
        }
        last = Some(class);
        k += 1;
        // "twenty-five"; "one hundred and twenty".
        if t.is(k, "-") && t.glued(k) && t.glued(k + 1) && matches!(class, WordClass::Ten(_)) {
            if let Some(WordClass::Unit(v)) = lex.words.get(t.low(k + 1)) {
                if *v < 10.0 {
                    k += 1;
                }
            }
        } else if t.is(k, "and")
            && matches!(class, WordClass::Hundred | WordClass::Scale(_))
            && matches!(
                lex.words.get(t.low(k + 1)),
                Some(WordClass::Unit(_) | WordClass::Ten(_))
            )
        {
            k += 1;
        }
    }
    if !seen {
        return CoreRes::None;
    }
    // "two-thirds", "three-quarters", "one-fifth".
    if k == j + 1 && t.is(k, "-") && t.glued(k) && t.glued(k + 1) {
        if let Some(&d) = lex.denominators.get(t.low(k + 1)) {
            if cur >= 1.0 && cur < d && total == 0.0 {
                return CoreRes::Ok(Core {
                    value: cur / d,
                    end: k + 2,
                    spelled: true,
                    vague: false,
                    fraction: true,
                    scaled: false,
                    plain_digits: None,
                    lone_one: false,
                });
            }
        }
    }
    let lone_one = k == j + 1 && t.is(j, "one");
    CoreRes::Ok(Core {
        value: total + cur,
        end: k,
        spelled: true,
        vague: false,
        fraction: false,
        scaled,
        plain_digits: None,
        lone_one,
    })
}

/// Suffixes after a number: currency, percent, unit, age ("-year-old").
#[derive(Debug, Default, Clone, Copy)]
struct Suffix {
    end: usize,
    currency: Option<&'static str>,
    percent: Option<&'static str>,
    unit: Option<&'static str>,
    age: bool,
}

fn suffix_at(t: &Toks, text: &str, k: usize, core: &Core, has_currency: bool) -> Suffix {
    let lex: &Lexicon = &LEX;
    let mut s = Suffix {
        end: k,
        ..Default::default()
    };
    let max = lex.max_phrase;
    if !has_currency {
        if let Some((&code, n)) = t.longest(k, max, &lex.currency_suffix) {
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
    if let Some((&p, n)) = t.longest(k, max, &lex.percent) {
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
        if let Some(&(u, _)) = lex.units.get(t.low(k + 1)) {
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
    if let Some((&(u, glue), n)) = t.longest(k, max, &lex.units) {
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
    fn any(&self) -> bool {
        self.currency.is_some() || self.percent.is_some() || self.unit.is_some()
    }
}

/// A currency mark starting at `i` and where the number after it starts.
fn currency_at(t: &Toks, text: &str, i: usize) -> Option<(&'static str, usize)> {
    let lex: &Lexicon = &LEX;
    let (&code, n) = t.longest(i, 3, &lex.currency_prefix)?;
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

fn amount_at(t: &Toks, text: &str, i: usize) -> Step {
    let lex: &Lexicon = &LEX;
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
            && (lex.ordinal_suffixes.contains(w) || w == "s")
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
        if let Some((_, n)) = t.longest(k, lex.max_phrase, &lex.time_suffixes) {
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
            if let Some((_, n)) = t.longest_before(j, 2, &lex.id_words) {
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
        if let Some((_, n)) = t.longest_before(b, 2, &lex.id_words) {
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
            && !lex.noun_stops.contains(t.low(j - 1))
            && !lex.qualifiers.contains_key(t.low(j - 1))
            && !lex.words.contains_key(t.low(j - 1))
            && !lex.bridge_left.contains(t.low(j - 1))
            && !lex.triggers.contains_key(t.low(j - 1))
            && !WEEKDAYS.contains_key(t.low(j - 1))
            && !MONTHS.contains_key(t.low(j - 1));
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
            && !lex.noun_stops.contains(t.low(j - 2))
            && !MONTHS.contains_key(t.low(j - 2))
            && !WEEKDAYS.contains_key(t.low(j - 2))
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
        let before_amount = if first > 0 { t.low(first - 1) } else { "" };
        let to = sep == "to" && !lex.change_verbs.contains(before_amount);
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

    let (qualifier, qual_first, qual_approx) = match t.longest_before(first, 3, &lex.qualifiers) {
        Some((&approx, n)) if !between => {
            let q = first - n;
            let text_of = (q..first).map(|x| t.low(x)).collect::<Vec<_>>().join(" ");
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
    Step::Found(Box::new(Amount {
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
    }))
}

/// The value of a scaled core without its scale word ("10" of "10 million").
fn scale_free(t: &Toks, c: &Core) -> f64 {
    let last = c.end.saturating_sub(1);
    let m = LEX
        .scales
        .get(t.low(last))
        .map(|s| s.0)
        .or_else(|| match LEX.words.get(t.low(last)) {
            Some(WordClass::Scale(s)) => Some(*s),
            _ => None,
        })
        .unwrap_or(1.0);
    c.value / m
}

fn verbish(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || (w.len() > 5 && w.ends_with("ing"))
        || LEX.triggers.get(w).is_some_and(|tr| tr.left || tr.right)
}

fn noun_word(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    t.kind(i) == Some(Kind::Word)
        && !LEX.noun_stops.contains(w)
        && !LEX.words.contains_key(w)
        && !LEX.vague.contains_key(w)
        && !(t.get(i).is_some_and(|k| k.cap)
            && (MONTHS.contains_key(w) || WEEKDAYS.contains_key(w)))
}

fn plural(t: &Toks, i: usize) -> bool {
    let w = t.low(i);
    if w.ends_with("'s") {
        return false; // a possessive modifies what follows: "the bank's staff"
    }
    LEX.plurals.contains(w)
        || (w.len() > 2
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

/// Noun words from `s`, at most four (a hyphenated compound is one): their end.
///
/// English puts the head last, so a plural amount's noun ends at its first plural word and
/// what follows is the verb ("people took"); after a singular or mass amount ("a 10-minute
/// walk takes", "40% of the budget goes") a later word in -s is taken for the verb.
fn noun_words(t: &Toks, s: usize, plural_amount: bool) -> usize {
    let mut e = s;
    let mut n = 0;
    while n < 4 && noun_word(t, e) {
        let next = compound_end(t, e);
        // A participle or trigger word is kept only as an adjective before a noun.
        let adjective = noun_word(t, next) && !verbish(t.low(next));
        if verbish(t.low(e)) && !adjective {
            break;
        }
        if !plural_amount && n > 0 && plural(t, e) && !LEX.plurals.contains(t.low(e)) {
            break;
        }
        e = next;
        n += 1;
        if plural_amount && plural(t, e - 1) {
            let irregular = LEX.plurals.contains(t.low(e - 1));
            if !(irregular && noun_word(t, e) && plural(t, e) && !verbish(t.low(e))) {
                break;
            }
        }
    }
    e
}

/// End of the (singular or plural) noun words from `s`: "woman" of "and a woman".
pub fn noun_words_after(t: &Toks, s: usize) -> usize {
    noun_words(t, s, false)
}

/// One past a word and the hyphenated parts glued to it ("Shia-led", "al-Qaeda").
fn compound_end(t: &Toks, i: usize) -> usize {
    let mut e = i + 1;
    let mut dotted = false;
    loop {
        // "al-Qaeda"; "U.S." (single letters joined by periods).
        let dot = t.is(e, ".") && t.low(e - 1).chars().count() == 1;
        if (t.is(e, "-") || dot)
            && t.glued(e)
            && t.glued(e + 1)
            && t.kind(e + 1) == Some(Kind::Word)
        {
            dotted |= dot;
            e += 2;
        } else {
            break;
        }
    }
    if dotted && t.is(e, ".") && t.glued(e) {
        e += 1;
    }
    e
}

/// What an amount ending before token `k` counts: "people", "members of the security forces".
fn noun_at(t: &Toks, k: usize, plural_amount: bool) -> Option<(usize, usize, usize)> {
    let mut s = k;
    if t.is(s, "of") {
        s += 1;
        if DETERMINERS.contains(&t.low(s)) {
            if t.is(s, "them") {
                return None;
            }
            s += 1;
        }
    }
    let e = noun_words(t, s, plural_amount);
    if e == s {
        return None;
    }
    let core_end = e;
    let mut end = e;
    if LEX.partitives.contains(t.low(e - 1)) && t.is(e, "of") {
        let mut f = e + 1;
        if DETERMINERS.contains(&t.low(f)) && !t.is(f, "them") {
            f += 1;
        }
        let g = noun_words(t, f, true);
        if g > f {
            end = g;
        }
    }
    Some((s, end, core_end))
}
