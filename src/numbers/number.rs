//! The number itself at a token: digits with their fraction or glued fraction glyph and scale
//! ("2 1/2", "3/4", "8bn", "1.5m"), or spelled ("twenty-five", "a dozen", "half a million",
//! "two-thirds", "several hundred", "hundreds of thousands").

use super::fine::{Kind, Toks};
use super::lexicon::{Glue, WordClass};
use super::words::{set, table, Words, WORDS};

/// A number found at a token, before its suffixes.
#[derive(Debug, Clone, Copy)]
pub struct Core {
    pub value: f64,
    pub end: usize,
    pub spelled: bool,
    pub vague: bool,
    pub fraction: bool,
    pub scaled: bool,
    /// Digits only, no separator or decimal point: how many.
    pub plain_digits: Option<usize>,
    /// The lone word "one".
    pub lone_one: bool,
}

pub enum CoreRes {
    Ok(Core),
    Reject(usize),
    None,
}

/// Rounds away the binary noise of decimal scaling ("4.1bn" is 4100000000, not 4099999999.9999995).
pub fn tidy(x: f64) -> f64 {
    let r = x.round();
    if (x - r).abs() < 1e-6 * x.abs().max(1.0) {
        r
    } else {
        x
    }
}

fn parse_digits(s: &str) -> Option<f64> {
    // Whole numbers of up to 15 digits are exact as f64: read them without the float parser.
    let b = s.as_bytes();
    if b.len() <= 15 && !b.is_empty() && b[0].is_ascii_digit() {
        let mut n: u64 = 0;
        let mut whole = true;
        for &c in b {
            match c {
                b'0'..=b'9' => n = n * 10 + (c - b'0') as u64,
                b',' => {}
                _ => {
                    whole = false;
                    break;
                }
            }
        }
        if whole {
            return Some(n as f64);
        }
    }
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

pub fn core_at(t: &Toks, j: usize, money: bool) -> CoreRes {
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
                if let Some(WordClass::Glyph(g)) = t.info(k).class {
                    c.value += g;
                    c.fraction = true;
                    c.plain_digits = None;
                    c.end = k + 1;
                }
            }
            let k = c.end;
            if t.kind(k) == Some(Kind::Word) {
                if let Some((mult, glue)) = t.info(k).scale {
                    let metre = t.is(k, "m")
                        && !money
                        && (t.kind(k + 1) != Some(Kind::Word)
                            || t.info(k + 1).has(set::METRE_CONTEXT)
                            || !t.glued(k + 1) && t.is(k + 1, "-"));
                    if glue.allows(t.glued(k)) && !metre {
                        c.value = tidy(c.value * mult);
                        c.scaled = true;
                        c.plain_digits = None;
                        c.end = k + 1;
                    }
                }
            } else if t.is(k, "-") && t.glued(k) && t.glued(k + 1) {
                // "a $12-million renovation": a scale word joined by a hyphen.
                if let Some((mult, Glue::Spaced | Glue::Any)) = t.info(k + 1).scale {
                    if t.kind(k + 1) == Some(Kind::Word) && t.low(k + 1).len() > 3 {
                        c.value = tidy(c.value * mult);
                        c.scaled = true;
                        c.plain_digits = None;
                        c.end = k + 2;
                    }
                }
            }
            CoreRes::Ok(c)
        }
        Kind::Word => spelled_at(t, j),
        Kind::Sym => match t.info(j).class {
            Some(WordClass::Glyph(g)) => CoreRes::Ok(Core {
                value: g,
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
    let w_: &Words = &WORDS;
    let w = t.low(j);
    if let Some((&mult, n)) = t.longest(j, 2, &w_.vague_multipliers, table::VAGUE_MULTIPLIERS) {
        // "several hundred", "a few thousand".
        let scale = match t.info(j + n).class {
            Some(WordClass::Hundred) => 100.0,
            Some(WordClass::Dozen) => 12.0,
            Some(WordClass::Scale(s)) => s,
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
    if let Some(base) = t.info(j).vague {
        // "dozens of", "hundreds of thousands of", "thousands more", "thousands fled".
        let mut v = 2.0 * base;
        let mut k = j + 1;
        let mut unit = base;
        while t.is(k, "of") {
            match t.info(k + 1).vague {
                Some(b) if b > unit => {
                    v *= b;
                    unit = b;
                    k += 2;
                }
                _ => break,
            }
        }
        let follow = t.low(k);
        let ok = matches!(follow, "of" | "more" | "upon" | "," | "." | ";" | ")" | "")
            || t.info(k).has(set::BRIDGE_RIGHT)
            || t.word(k, &w_.triggers, table::TRIGGERS)
                .is_some_and(|tr| tr.right);
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
        let Some(class) = t.info(k).class else {
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
                if let Some(d) = t.info(k + 1).denominator {
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
                let next = t.info(k + 1).class;
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
                let scale = match t.info(k + 2).class {
                    Some(WordClass::Scale(s)) => s,
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
            if let Some(WordClass::Unit(v)) = t.info(k + 1).class {
                if v < 10.0 {
                    k += 1;
                }
            }
        } else if t.is(k, "and")
            && matches!(class, WordClass::Hundred | WordClass::Scale(_))
            && matches!(
                t.info(k + 1).class,
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
        if let Some(d) = t.info(k + 1).denominator {
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

/// The value of a scaled core without its scale word ("10" of "10 million").
pub fn scale_free(t: &Toks, c: &Core) -> f64 {
    let last = c.end.saturating_sub(1);
    let m = t
        .info(last)
        .scale
        .map(|s| s.0)
        .or_else(|| match t.info(last).class {
            Some(WordClass::Scale(s)) => Some(s),
            _ => None,
        })
        .unwrap_or(1.0);
    c.value / m
}
