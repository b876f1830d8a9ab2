//! Numerals that open with digits: "5,000", "3.5", "1 234 567", "12,34,567" (Indian
//! grouping), "1.111,11" (decimal comma), "1e10", "1.1^23", "2½", "3/4", "2 1/4", "4th",
//! "1990s", "10k", "£1.2m", and digits that go on in words ("2 million", "3 hundred and
//! 21"). Each form has its own reader; [`digits_at`] tries them in order.

use super::grammar::Words;
use super::numeral::{parse_digits, Form, Numeral};
use crate::claims::lists::{self, WordClass};
use crate::claims::pieces::{Join, Piece, PieceKind};
use crate::document::ClaimKind;

/// A vulgar fraction standing alone ("½").
pub fn vulgar(text: &str) -> Option<f64> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

/// Digits only: no separators, decimals or exponent.
fn is_bare(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_digit())
}

/// The numeral that starts with the digits at piece `i`, and whether a ratio ("1 in 5")
/// may follow it (only a plain number may). `money` says a currency stands before it,
/// so "£1.2m" reads "m" as million (without money "5m" is five metres).
pub fn digits_at(pieces: &[Piece], i: usize, money: bool) -> Option<(Numeral, bool)> {
    let (value, end) = spaced_groups(pieces, i)?;
    let closed = exponent(pieces, i, value, end)
        .or_else(|| power(pieces, i, value, end))
        .or_else(|| times_ten_power(pieces, i, value, end))
        .or_else(|| glued_vulgar(pieces, i, value, end))
        .or_else(|| slash_fraction(pieces, i))
        .or_else(|| mixed_fraction(pieces, i, value, end))
        .or_else(|| suffixed(pieces, i, value, end))
        .or_else(|| abbreviated_scale(pieces, i, value, end, money));
    if let Some(n) = closed {
        return Some((n, false));
    }
    // "2 million", "3 hundred and 21", "1,674.5 million", "3 dozens".
    let w = Words::after_digits(value, end).read_on(pieces, i);
    let n = Numeral {
        first: i,
        end: w.end,
        value: w.value(),
        form: Form::Cardinal,
        words: w.words,
        plain_digits: w.end == end,
    };
    Some((n, true))
}

/// The value of the digits at piece `i` and the piece after them: with "1 234 567",
/// groups of exactly three digits after a short first group.
fn spaced_groups(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let p = pieces.get(i)?;
    let mut value = parse_digits(p.text)?;
    let mut end = i + 1;
    if !(is_bare(p.text) && p.text.len() <= 3) {
        return Some((value, end));
    }
    while let Some(n) = pieces.get(end) {
        let int_part = n.text.split_once('.').map_or(n.text, |(int, _)| int);
        let grouped = int_part.len() == 3 && is_bare(int_part);
        if !(n.is_digits() && n.join == Join::Space && grouped && !n.text.contains(',')) {
            break;
        }
        value = value * 1000.0 + parse_digits(n.text)?;
        end += 1;
        if n.text.contains('.') {
            break;
        }
    }
    Some((value, end))
}

/// "12.32e+14", "-12e-1": an exponent the tokenizer cut at its sign.
fn exponent(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let e = pieces.get(end)?;
    if !(e.join == Join::Attached && matches!(e.text, "e" | "E")) {
        return None;
    }
    let next = pieces.get(end + 1)?;
    let (sign, at) = if next.is_digits() && next.join == Join::Hyphen {
        (-1, end + 1)
    } else if (next.is_punct("+") || next.is_punct("-")) && next.join == Join::Attached {
        (if next.text == "-" { -1 } else { 1 }, end + 2)
    } else {
        return None;
    };
    let d = pieces.get(at)?;
    if !(d.is_digits() && d.join != Join::Space && d.text.len() <= 3) {
        return None;
    }
    let exp: i32 = d.text.parse().ok()?;
    let value = value * 10f64.powi(sign * exp);
    Some(Numeral::new(i, at + 1, value, Form::Cardinal))
}

/// "1.1^23", "2.5^-1", "2^--23": a power glued after the number.
fn power(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let caret = pieces.get(end)?;
    if !(caret.is_punct("^") && caret.join == Join::Attached) {
        return None;
    }
    let mut k = end + 1;
    let mut negative = false;
    while let Some(p) = pieces.get(k) {
        if p.join != Join::Attached || k > end + 4 {
            return None;
        }
        match p.text {
            "+" => {}
            "-" => negative = !negative,
            _ => break,
        }
        k += 1;
    }
    let d = pieces.get(k)?;
    if !(d.is_digits() && d.join == Join::Attached && d.text.len() <= 3) {
        return None;
    }
    let exp: i32 = d.text.parse().ok()?;
    let v = value.powi(if negative { -exp } else { exp });
    v.is_finite()
        .then(|| Numeral::new(i, k + 1, v, Form::Cardinal))
}

/// "1.3x10^6", "6.23x10^-4": scientific notation with "x10^" written out.
fn times_ten_power(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let glued = |k: usize| pieces.get(k).filter(|p| p.join == Join::Attached);
    glued(end).filter(|x| matches!(x.text, "x" | "X" | "×"))?;
    glued(end + 1).filter(|ten| ten.text == "10")?;
    let power = power(pieces, end + 1, 10.0, end + 2)?;
    let v = value * power.value;
    v.is_finite()
        .then(|| Numeral::new(i, power.end, v, Form::Cardinal))
}

/// "2½": a vulgar fraction glued to the digits.
fn glued_vulgar(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let next = pieces.get(end).filter(|n| n.join == Join::Attached)?;
    let v = vulgar(next.text)?;
    Some(Numeral::new(i, end + 1, value + v, Form::Cardinal))
}

/// Denominators of a digit fraction ("3/4", "5/16"): others are dates or codes ("24/7").
const USUAL_DENOMINATORS: [f64; 11] = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];

/// "3/4" at piece `i`: digits "/" digits with no further "/" (not a date such as
/// "5/17/2018"), a usual denominator larger than the numerator.
fn slash_fraction(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let (a, slash, b) = (pieces.get(i)?, pieces.get(i + 1)?, pieces.get(i + 2)?);
    let shaped = a.is_digits()
        && slash.is_punct("/")
        && slash.join == Join::Attached
        && b.is_digits()
        && b.join == Join::Attached;
    let dated = pieces
        .get(i + 3)
        .is_some_and(|n| n.is_punct("/") && n.join == Join::Attached);
    if !shaped || dated {
        return None;
    }
    let num = parse_digits(a.text)?;
    let den = parse_digits(b.text)?;
    if !(num < den && USUAL_DENOMINATORS.contains(&den)) {
        return None;
    }
    Some(Numeral::new(i, i + 3, num / den, Form::Fraction))
}

/// "2 1/4": a whole number of one or two digits, a space, and a fraction.
fn mixed_fraction(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let p = pieces.get(i)?;
    if !(is_bare(p.text) && p.text.len() <= 2) {
        return None;
    }
    let frac = slash_fraction(pieces, end)?;
    if !pieces.get(end).is_some_and(|n| n.join == Join::Space) {
        return None;
    }
    Some(Numeral {
        first: i,
        value: value + frac.value,
        ..frac
    })
}

/// "4th", "21st" (ordinals) and "1990s", "80s" (decades): a suffix glued to the digits.
fn suffixed(pieces: &[Piece], i: usize, value: f64, end: usize) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let n = pieces.get(end).filter(|n| n.join == Join::Attached)?;
    if matches!(n.lower(), "st" | "nd" | "rd" | "th") && !p.text.contains('.') {
        return Some(Numeral::new(i, end + 1, value, Form::Ordinal));
    }
    let decade = n.lower() == "s"
        && is_bare(p.text)
        && value % 10.0 == 0.0
        && (p.text.len() == 4 || p.text.len() == 2);
    decade.then(|| Numeral::new(i, end + 1, value, Form::Decade))
}

/// "10k", "2bn", "£1.2m", "10 bln", "2m barrels": a scale abbreviation after the digits.
fn abbreviated_scale(
    pieces: &[Piece],
    i: usize,
    value: f64,
    end: usize,
    money: bool,
) -> Option<Numeral> {
    let n = pieces
        .get(end)
        .filter(|n| n.kind == PieceKind::Word && n.join != Join::Hyphen)?;
    let nw = lists::number_word(n.text).or(n.number_word)?;
    let abbrev = match nw.class {
        WordClass::Abbrev => true,
        WordClass::MoneyAbbrev => money || n.text == "MM" || counts_millions(pieces, end),
        _ => false,
    };
    // A glued abbreviation must be the whole rest of its token ("10k", not "10km"); a
    // spaced one more than a lone small letter ("10 bln", "10 K").
    let lone_capital = n.text.len() == 1
        && n.text.chars().all(|c| c.is_ascii_uppercase())
        && pieces.get(end + 1).is_none_or(|a| !a.is_word());
    let shaped = n.join == Join::Attached
        || n.text.len() > 1
        || n.text == "k"
        || n.text == "K"
        || lone_capital;
    (abbrev && shaped).then(|| Numeral::new(i, end + 1, value * nw.value, Form::Cardinal))
}

/// "2m barrels", "3m people": an "m" glued to digits means millions when a plural noun
/// or a unit other than a length follows ("5m tall" is metres).
fn counts_millions(pieces: &[Piece], m: usize) -> bool {
    let glued = pieces.get(m).is_some_and(|n| n.join == Join::Attached);
    glued
        && pieces.get(m + 1).is_some_and(|w| {
            w.is_word()
                && w.join == Join::Space
                && (lists::unit(w.lower()).is_some_and(|u| u.kind != ClaimKind::Length)
                    || lists::looks_plural(w.lower()))
        })
}
