//! Numbers: reads one numeral from the pieces of a sentence, in digits ("5,000", "3.5",
//! "1.2m", "10k", "1990s", "4th", "3/4", "1 234 567", "1e10") or in words ("twenty-one",
//! "two hundred and two thousand", "a dozen", "half a million", "a third", "thousands",
//! "tens of thousands", "one in five", "nine point nought four"), and gives its value.
//! The grammar is a left-to-right state machine over the pieces: it never backtracks, and
//! a numeral is at most `MAX_PIECES` long, so scanning a sentence is linear.

use super::lists::{self, WordClass};
use super::pieces::{Join, Piece, PieceKind};
use crate::document::ClaimKind;

/// No numeral is longer than this many pieces ("one million two thousand two hundred…").
const MAX_PIECES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A plain count or amount.
    Cardinal,
    /// "first", "3rd", "twenty-first".
    Ordinal,
    /// "a third", "3/4", "two thirds", "half".
    Fraction,
    /// "one in five", "two out of three".
    Ratio,
    /// A vague magnitude ("thousands", "tens of thousands", "dozens").
    Vague,
    /// A decade ("1990s", "80s").
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// First piece.
    pub first: usize,
    /// One past the last piece.
    pub end: usize,
    pub value: f64,
    pub form: Form,
    /// Spelled out in words (at least in part).
    pub words: bool,
    /// Written in digits with no scale word or abbreviation ("5,000", "2025").
    pub plain_digits: bool,
}

/// Parses the value of a run of digits with separators: "5,000", "3.5", "12,34,567.89"
/// (Indian grouping), "1.111,11" and "5,00" (decimal comma), ".08" is handled by the caller.
pub fn parse_digits(text: &str) -> Option<f64> {
    if let Some((mantissa, exponent)) = text.split_once(['e', 'E']) {
        let m = parse_digits(mantissa)?;
        let e: i32 = exponent.parse().ok()?;
        return Some(m * 10f64.powi(e));
    }
    let commas = text.matches(',').count();
    let dots = text.matches('.').count() + text.matches('·').count();
    let normal: String = if commas > 0 && dots > 0 {
        // The later separator is the decimal one.
        let last_comma = text.rfind(',')?;
        let last_dot = text.rfind(['.', '·'])?;
        if last_dot > last_comma {
            text.replace(',', "").replace('·', ".")
        } else {
            text.replace(['.', '·'], "").replace(',', ".")
        }
    } else if commas > 0 {
        let groups: Vec<&str> = text.split(',').collect();
        let thousands = groups.iter().skip(1).all(|g| g.len() == 3);
        let indian = groups.len() > 2
            && groups.last().is_some_and(|g| g.len() == 3)
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
        if thousands || indian {
            text.replace(',', "")
        } else if commas == 1 {
            text.replace(',', ".")
        } else {
            return None;
        }
    } else if dots > 1 {
        let groups: Vec<&str> = text.split(['.', '·']).collect();
        if groups.iter().skip(1).all(|g| g.len() == 3) {
            text.replace(['.', '·'], "")
        } else {
            return None;
        }
    } else {
        text.replace('·', ".")
    };
    let value: f64 = normal.parse().ok()?;
    value.is_finite().then_some(value)
}

fn vulgar_fraction(c: char) -> Option<f64> {
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

/// A vulgar fraction standing alone ("½").
pub fn vulgar(text: &str) -> Option<f64> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    vulgar_fraction(c)
}

/// A denominator word: "third" (3), "fifths" (5), "halves" (2), "quarter" (4),
/// "hundredths" (100). Returns the denominator and whether the word is plural.
fn denominator(word: &str) -> Option<(f64, bool)> {
    let (stem, plural) = match word.strip_suffix('s') {
        Some(stem) if word != "halves" => (stem, true),
        _ if word == "halves" => ("half", true),
        _ => (word, false),
    };
    let nw = lists::number_word(stem)?;
    match nw.class {
        WordClass::Fraction => Some((nw.value, plural)),
        // "second" is far more often a unit of time or "another" than a half.
        WordClass::Ordinal if nw.value > 2.0 => Some((nw.value, plural)),
        WordClass::OrdinalTen | WordClass::OrdinalScale => Some((nw.value, plural)),
        _ => None,
    }
}

/// The ordinal value of a compound ordinal piece run ends here: "twenty" + "first".
fn ordinal_word(word: &str) -> Option<f64> {
    let nw = lists::number_word(word)?;
    matches!(
        nw.class,
        WordClass::Ordinal | WordClass::OrdinalTen | WordClass::OrdinalScale
    )
    .then_some(nw.value)
}

fn word_class(p: &Piece) -> Option<lists::NumberWord> {
    if p.kind != PieceKind::Word {
        return None;
    }
    p.number_word
}

/// Words before "one" that make it a pronoun ("the one", "which one"), not a number.
fn makes_one_a_pronoun(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "this"
            | "that"
            | "which"
            | "each"
            | "every"
            | "any"
            | "no"
            | "another"
            | "last"
            | "first"
            | "next"
            | "only"
            | "little"
            | "big"
            | "right"
            | "wrong"
            | "new"
            | "old"
            | "other"
            | "such"
            | "same"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    None,
    A,
    Digits,
    Unit,
    Ten,
    Hundred,
    Scale,
    Fraction,
}

/// The word grammar's running state.
struct Words {
    total: f64,
    current: f64,
    last: Last,
    last_scale: f64,
    words: bool,
    end: usize,
}

impl Words {
    fn value(&self) -> f64 {
        self.total + self.current
    }
}

/// Whether a numeral may start at piece `p` (false means [`parse_at`] there certainly
/// finds none): digits, a number word, "a"/"an", a sign word, a vulgar fraction, or a
/// minus sign or decimal point before digits. The cheap test runs for every piece.
pub fn may_open_numeral(p: &Piece) -> bool {
    match p.kind {
        PieceKind::Digits => true,
        PieceKind::Word => {
            p.number_word.is_some()
                || matches!(p.lower(), "a" | "an" | "minus" | "negative")
                || vulgar(p.text).is_some()
        }
        PieceKind::Punct => matches!(p.text, "-" | "−" | "."),
    }
}

/// Reads the numeral that starts at piece `i`, if any. `money` says a currency sign stands
/// before it, so "£1.2m" reads "m" as million (without money "5m" is five metres).
pub fn parse_at(pieces: &[Piece], i: usize, money: bool) -> Option<Numeral> {
    let p = pieces.get(i)?;
    // Signs: "minus five", "negative one", "-9.5" (a hyphen glued to digits after a space).
    if p.kind == PieceKind::Word && matches!(p.lower(), "minus" | "negative") {
        // One sign only: "minus minus …" must not recurse.
        let after = pieces.get(i + 1)?;
        if matches!(after.lower(), "minus" | "negative") || after.kind == PieceKind::Punct {
            return None;
        }
        let next = parse_at(pieces, i + 1, money)?;
        if next.first != i + 1 || next.form == Form::Vague {
            return None;
        }
        return Some(Numeral {
            first: i,
            value: -next.value,
            ..next
        });
    }
    if (p.is_punct("-") || p.is_punct("−"))
        && pieces
            .get(i + 1)
            .is_some_and(|n| n.is_digits() && n.join == Join::Attached)
        && (i == 0 || p.join == Join::Space)
    {
        let next = parse_at(pieces, i + 1, money)?;
        return Some(Numeral {
            first: i,
            value: -next.value,
            ..next
        });
    }
    // ".08": a decimal point glued before digits, after a space.
    if p.is_punct(".")
        && (i == 0 || p.join == Join::Space)
        && pieces.get(i + 1).is_some_and(|n| {
            n.is_digits() && n.join == Join::Attached && !n.text.contains([',', '.'])
        })
    {
        let n = pieces.get(i + 1)?;
        let value = parse_digits(&format!("0.{}", n.text))?;
        return Some(Numeral {
            first: i,
            end: i + 2,
            value,
            form: Form::Cardinal,
            words: false,
            plain_digits: true,
        });
    }
    if p.is_digits() {
        return digits_at(pieces, i, money, true);
    }
    if p.kind == PieceKind::Word {
        if let Some(v) = vulgar(p.text) {
            return Some(Numeral {
                first: i,
                end: i + 1,
                value: v,
                form: Form::Fraction,
                words: false,
                plain_digits: false,
            });
        }
        return words_at(pieces, i, true);
    }
    None
}

/// A numeral that starts with digits.
/// `ratios`: whether "1 in 5" may follow (off for the divisor of a ratio itself, so
/// "1 in 2 in 3 …" never recurses).
fn digits_at(pieces: &[Piece], i: usize, money: bool, ratios: bool) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let mut value = parse_digits(p.text)?;
    let mut end = i + 1;
    let mut plain = true;
    let bare = p.text.chars().all(|c| c.is_ascii_digit());
    // "1 234 567": groups of exactly three digits after a short first group.
    if bare && p.text.len() <= 3 {
        while let Some(n) = pieces.get(end) {
            let int_part = n.text.split('.').next().unwrap_or("");
            let grouped = int_part.len() == 3 && int_part.chars().all(|c| c.is_ascii_digit());
            if n.is_digits() && n.join == Join::Space && grouped && !n.text.contains(',') {
                value = value * 1000.0 + parse_digits(n.text)?;
                end += 1;
                if n.text.contains('.') {
                    break;
                }
            } else {
                break;
            }
        }
    }
    // "12.32e+14", "-12e-1": an exponent the tokenizer cut at its sign.
    if let Some((exp, e_end)) = split_exponent(pieces, end) {
        return Some(Numeral {
            first: i,
            end: e_end,
            value: value * 10f64.powi(exp),
            form: Form::Cardinal,
            words: false,
            plain_digits: false,
        });
    }
    // "1.1^23", "2.5^-1": a power.
    if let Some((exp, e_end)) = power(pieces, end) {
        let v = value.powi(exp);
        if v.is_finite() {
            return Some(Numeral {
                first: i,
                end: e_end,
                value: v,
                form: Form::Cardinal,
                words: false,
                plain_digits: false,
            });
        }
    }
    let next = pieces.get(end);
    // "2½"
    if let Some(v) = next
        .filter(|n| n.join == Join::Attached)
        .and_then(|n| vulgar(n.text))
    {
        return Some(Numeral {
            first: i,
            end: end + 1,
            value: value + v,
            form: Form::Cardinal,
            words: false,
            plain_digits: false,
        });
    }
    // "3/4", "2 1/4": a simple fraction (not a date such as "5/17/2018" or "24/7").
    if let Some(frac) = slash_fraction(pieces, i) {
        return Some(frac);
    }
    if bare && p.text.len() <= 2 {
        if let Some(frac) = slash_fraction(pieces, end) {
            if pieces.get(end).is_some_and(|n| n.join == Join::Space) {
                return Some(Numeral {
                    first: i,
                    value: value + frac.value,
                    ..frac
                });
            }
        }
    }
    if let Some(n) = next {
        // Ordinal suffixes: "4th", "21st".
        if n.join == Join::Attached
            && matches!(n.lower(), "st" | "nd" | "rd" | "th")
            && !p.text.contains('.')
        {
            return Some(Numeral {
                first: i,
                end: end + 1,
                value,
                form: Form::Ordinal,
                words: false,
                plain_digits: false,
            });
        }
        // Decades: "1990s", "80s".
        if n.join == Join::Attached
            && n.lower() == "s"
            && bare
            && value % 10.0 == 0.0
            && (p.text.len() == 4 || p.text.len() == 2)
        {
            return Some(Numeral {
                first: i,
                end: end + 1,
                value,
                form: Form::Decade,
                words: false,
                plain_digits: false,
            });
        }
        // Scale abbreviations: "10k", "2bn", "£1.2m", "10 bln".
        if n.kind == PieceKind::Word && n.join != Join::Hyphen {
            if let Some(nw) = lists::number_word(n.text).or(n.number_word) {
                let abbrev = match nw.class {
                    WordClass::Abbrev => true,
                    WordClass::MoneyAbbrev => {
                        // "£1.2m", "2m barrels", "3m people": millions; "5m tall": metres.
                        let counted = pieces.get(end + 1).is_some_and(|w| {
                            w.is_word()
                                && w.join == Join::Space
                                && (lists::unit(w.lower())
                                    .is_some_and(|u| u.kind != ClaimKind::Length)
                                    || crate::claims::kinds::looks_plural(w.lower()))
                        });
                        money || n.text == "MM" || (n.join == Join::Attached && counted)
                    }
                    _ => false,
                };
                // A glued abbreviation must be the whole rest of its token ("10k", not "10km").
                let lone_capital = n.text.len() == 1
                    && n.text.chars().all(|c| c.is_ascii_uppercase())
                    && pieces.get(end + 1).is_none_or(|a| !a.is_word());
                if abbrev
                    && (n.join == Join::Attached
                        || n.text.len() > 1
                        || n.text == "k"
                        || n.text == "K"
                        || lone_capital)
                {
                    value *= nw.value;
                    end += 1;
                    plain = false;
                    return Some(Numeral {
                        first: i,
                        end,
                        value,
                        form: Form::Cardinal,
                        words: false,
                        plain_digits: plain,
                    });
                }
            }
        }
    }
    // "2 million", "3 hundred and 21", "1,674.5 million", "3 dozens".
    let state = Words {
        total: 0.0,
        current: value,
        last: Last::Digits,
        last_scale: f64::INFINITY,
        words: false,
        end,
    };
    let w = continue_words(pieces, state, i);
    let scaled = w.end > end;
    let ratio = if ratios {
        ratio_after(pieces, w.end, w.value())
    } else {
        None
    };
    if let Some((ratio_value, ratio_end)) = ratio {
        return Some(Numeral {
            first: i,
            end: ratio_end,
            value: ratio_value,
            form: Form::Ratio,
            words: w.words,
            plain_digits: false,
        });
    }
    Some(Numeral {
        first: i,
        end: w.end,
        value: w.value(),
        form: Form::Cardinal,
        words: w.words,
        plain_digits: plain && !scaled,
    })
}

/// "3/4" at piece `i`: digits "/" digits with no further "/", a small denominator larger
/// than the numerator.
fn slash_fraction(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let a = pieces.get(i)?;
    let slash = pieces.get(i + 1)?;
    let b = pieces.get(i + 2)?;
    if !(a.is_digits()
        && slash.is_punct("/")
        && slash.join == Join::Attached
        && b.is_digits()
        && b.join == Join::Attached)
    {
        return None;
    }
    if pieces
        .get(i + 3)
        .is_some_and(|n| n.is_punct("/") && n.join == Join::Attached)
    {
        return None;
    }
    let num = parse_digits(a.text)?;
    let den = parse_digits(b.text)?;
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];
    if !(num < den && usual.contains(&den)) {
        return None;
    }
    Some(Numeral {
        first: i,
        end: i + 3,
        value: num / den,
        form: Form::Fraction,
        words: false,
        plain_digits: false,
    })
}

/// "e" + signed digits glued after a number: returns the exponent and the end piece.
fn split_exponent(pieces: &[Piece], i: usize) -> Option<(i32, usize)> {
    let e = pieces.get(i)?;
    if !(e.join == Join::Attached && matches!(e.text, "e" | "E")) {
        return None;
    }
    let next = pieces.get(i + 1)?;
    let (sign, digits_at) = if next.is_digits() && next.join == Join::Hyphen {
        (-1, i + 1)
    } else if (next.is_punct("+") || next.is_punct("-")) && next.join == Join::Attached {
        (if next.text == "-" { -1 } else { 1 }, i + 2)
    } else {
        return None;
    };
    let d = pieces.get(digits_at)?;
    if !(d.is_digits() && d.join != Join::Space && d.text.len() <= 3) {
        return None;
    }
    let exp: i32 = d.text.parse().ok()?;
    Some((sign * exp, digits_at + 1))
}

/// "^23", "^-1", "^--23" glued after a number: the exponent and the end piece.
fn power(pieces: &[Piece], i: usize) -> Option<(i32, usize)> {
    let caret = pieces.get(i)?;
    if !(caret.is_punct("^") && caret.join == Join::Attached) {
        return None;
    }
    let mut k = i + 1;
    let mut negative = false;
    while let Some(p) = pieces.get(k) {
        if p.join != Join::Attached || k > i + 4 {
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
    Some((if negative { -exp } else { exp }, k + 1))
}

/// A numeral that starts with a word.
fn words_at(pieces: &[Piece], i: usize, ratios: bool) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let lower = p.lower();
    // Every numeral in words opens with a number word or "a"/"an": most words are
    // neither, and are ruled out here before the special cases below.
    if p.number_word.is_none() && !matches!(lower, "a" | "an") {
        return None;
    }
    // "one" as a pronoun: "the one you mentioned", "which one", "one another".
    if lower == "one" {
        let before = i.checked_sub(1).and_then(|b| pieces.get(b));
        if before.is_some_and(|b| {
            b.is_word() && b.join != Join::Hyphen && makes_one_a_pronoun(b.lower())
        }) && !next_is_number_word(pieces, i + 1)
            && ends_noun_phrase(pieces.get(i + 1))
        {
            return None;
        }
        if pieces.get(i + 1).is_some_and(|n| n.lower() == "another") {
            return None;
        }
    }
    // Vague magnitudes: "thousands", "tens of thousands", "dozens".
    if let Some(nw) = word_class(p).filter(|nw| nw.class == WordClass::Vague) {
        let mut value = nw.value;
        let mut end = i + 1;
        while let (Some(of), Some(next)) = (pieces.get(end), pieces.get(end + 1)) {
            match word_class(next) {
                Some(n2)
                    if of.lower() == "of" && n2.class == WordClass::Vague && n2.value > 10.0 =>
                {
                    value *= n2.value;
                    end += 2;
                }
                _ => break,
            }
        }
        if nw.value == 10.0 && end == i + 1 {
            return None; // "tens" alone is not a number
        }
        return Some(Numeral {
            first: i,
            end,
            value,
            form: Form::Vague,
            words: true,
            plain_digits: false,
        });
    }
    // "half": "half a dozen", "half a million", "half million", "half of", "half the".
    if lower == "half" || lower == "quarter" {
        return half_at(pieces, i);
    }
    let mut state = Words {
        total: 0.0,
        current: 0.0,
        last: Last::None,
        last_scale: f64::INFINITY,
        words: true,
        end: i,
    };
    if matches!(lower, "a" | "an") {
        // "a" counts as one only before "hundred", a scale, "dozen" or a denominator.
        let next = pieces.get(i + 1)?;
        let ok = match word_class(next) {
            Some(nw) => matches!(
                nw.class,
                WordClass::Hundred | WordClass::Scale | WordClass::Dozen
            ),
            None => false,
        } || (denominator(next.lower()).is_some_and(|(_, plural)| !plural)
            && next.lower() != "quarter")
            || matches!(next.lower(), "half" | "quarter");
        if !ok {
            return None;
        }
        state.current = 1.0;
        state.last = Last::A;
        state.end = i + 1;
        // "a half", "a quarter", "a third"
        if let Some((den, false)) = denominator(next.lower()) {
            let value = 1.0 / den;
            if let Some(scale) = pieces
                .get(i + 2)
                .and_then(word_class)
                .filter(|nw| nw.class == WordClass::Scale)
            {
                return Some(Numeral {
                    first: i,
                    end: i + 3,
                    value: value * scale.value,
                    form: Form::Cardinal,
                    words: true,
                    plain_digits: false,
                });
            }
            // "a third goal" is an ordinal, not a fraction; "a half-sister" no number.
            if pieces.get(i + 2).is_some_and(|w| w.join == Join::Hyphen)
                || pieces.get(i + 2).is_some_and(|w| {
                    w.is_word()
                        && w.join == Join::Space
                        && !lists::FUNCTION_WORDS.contains(w.lower())
                        && lists::unit(w.text).is_none()
                })
            {
                return None;
            }
            return Some(Numeral {
                first: i,
                end: i + 2,
                value,
                form: Form::Fraction,
                words: true,
                plain_digits: false,
            });
        }
    } else {
        let nw = word_class(p)?;
        match nw.class {
            WordClass::Unit | WordClass::Ten => {}
            WordClass::Ordinal | WordClass::OrdinalTen => {
                return Some(Numeral {
                    first: i,
                    end: i + 1,
                    value: nw.value,
                    form: Form::Ordinal,
                    words: true,
                    plain_digits: false,
                });
            }
            _ => return None,
        }
    }
    let w = continue_words(pieces, state, i);
    if w.end == i {
        return None;
    }
    // "twenty-first", "one hundred and first": a compound ordinal.
    if let Some(o) = pieces
        .get(w.end)
        .filter(|n| n.join == Join::Hyphen || n.join == Join::Space)
        .and_then(|n| ordinal_word(n.lower()))
    {
        if matches!(w.last, Last::Ten | Last::Hundred | Last::Scale) && o < 10.0 {
            return Some(Numeral {
                first: i,
                end: w.end + 1,
                value: w.value() + o,
                form: Form::Ordinal,
                words: true,
                plain_digits: false,
            });
        }
    }
    if let Some((ratio_value, ratio_end)) = ratio_after(pieces, w.end, w.value()).filter(|_| ratios)
    {
        return Some(Numeral {
            first: i,
            end: ratio_end,
            value: ratio_value,
            form: Form::Ratio,
            words: true,
            plain_digits: false,
        });
    }
    let form = if w.last == Last::Fraction && w.value() < 1.0 {
        Form::Fraction
    } else {
        Form::Cardinal
    };
    Some(Numeral {
        first: i,
        end: w.end,
        value: w.value(),
        form,
        words: true,
        plain_digits: false,
    })
}

/// After a pronominal "one" comes no noun: punctuation, the end, or a function word
/// ("the one you mentioned", "which one do you prefer"); "this one person" counts.
fn ends_noun_phrase(next: Option<&Piece>) -> bool {
    next.is_none_or(|n| n.kind == PieceKind::Punct || lists::FUNCTION_WORDS.contains(n.lower()))
}

fn next_is_number_word(pieces: &[Piece], i: usize) -> bool {
    pieces
        .get(i)
        .and_then(word_class)
        .is_some_and(|nw| matches!(nw.class, WordClass::Hundred | WordClass::Scale))
}

/// "half"/"quarter" at the start of a numeral.
fn half_at(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let (den, _) = denominator(p.lower())?;
    let frac = 1.0 / den;
    let before = i.checked_sub(1).and_then(|b| pieces.get(b));
    // "the second half", "first half", "half-time": not a number.
    if before.is_some_and(|b| {
        b.is_word() && (makes_one_a_pronoun(b.lower()) || ordinal_word(b.lower()).is_some())
    }) {
        return None;
    }
    let next = pieces.get(i + 1);
    let after = pieces.get(i + 2);
    let numeral = |end: usize, value: f64, form: Form| {
        Some(Numeral {
            first: i,
            end,
            value,
            form,
            words: true,
            plain_digits: false,
        })
    };
    if let Some(n) = next {
        if let Some(nw) = word_class(n) {
            if matches!(nw.class, WordClass::Scale | WordClass::Dozen) && n.join != Join::Hyphen {
                return numeral(i + 2, frac * nw.value, Form::Cardinal);
            }
        }
        if matches!(n.lower(), "a" | "an") {
            if let Some(nw) = after.and_then(word_class).filter(|nw| {
                matches!(
                    nw.class,
                    WordClass::Scale | WordClass::Dozen | WordClass::Hundred
                )
            }) {
                return numeral(i + 3, frac * nw.value, Form::Cardinal);
            }
            if after.is_some_and(|a| lists::unit(a.text).is_some()) {
                return numeral(i + 2, frac, Form::Fraction);
            }
        }
        if p.lower() == "half"
            && n.join != Join::Hyphen
            && matches!(
                n.lower(),
                "of" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
            )
        {
            return numeral(i + 1, frac, Form::Fraction);
        }
    }
    // "more than half" and other qualified halves stand alone.
    if p.lower() == "half"
        && before.is_some_and(|b| {
            matches!(
                b.lower(),
                "than" | "about" | "nearly" | "almost" | "over" | "least" | "roughly"
            )
        })
    {
        return numeral(i + 1, frac, Form::Fraction);
    }
    None
}

/// "one in five", "two out of three", "one over three": a ratio when the first number is
/// the smaller. Returns the ratio and the end of the second numeral.
fn ratio_after(pieces: &[Piece], end: usize, numerator: f64) -> Option<(f64, usize)> {
    let first = pieces.get(end)?;
    let (start, over) = match first.lower() {
        "in" => (end + 1, false),
        "out" if pieces.get(end + 1).is_some_and(|p| p.lower() == "of") => (end + 2, false),
        "over" => (end + 1, true),
        _ => return None,
    };
    let second = pieces.get(start)?;
    if !(second.is_digits()
        || word_class(second)
            .is_some_and(|nw| matches!(nw.class, WordClass::Unit | WordClass::Ten)))
    {
        return None;
    }
    let den = match second.kind {
        PieceKind::Digits => digits_at(pieces, start, false, false)?,
        _ => words_at(pieces, start, false)?,
    };
    if den.form != Form::Cardinal || den.value <= numerator || den.value == 0.0 {
        return None;
    }
    // "$2000 over 3 years": "over" makes a ratio only when nothing follows the divisor.
    if over && pieces.get(den.end).is_some_and(|p| p.is_word()) {
        return None;
    }
    Some((numerator / den.value, den.end))
}

/// Continues the word grammar from `state` (which may hold a digit value).
fn continue_words(pieces: &[Piece], mut s: Words, start: usize) -> Words {
    let mut j = s.end;
    while j < pieces.len() && j - start < MAX_PIECES {
        let p = &pieces[j];
        if p.kind == PieceKind::Punct {
            // "fifty - two"
            if p.text == "-" && s.last == Last::Ten {
                if let Some(nw) = pieces.get(j + 1).and_then(word_class) {
                    if nw.class == WordClass::Unit && nw.value < 10.0 {
                        s.current += nw.value;
                        s.last = Last::Unit;
                        j += 2;
                        s.end = j;
                        continue;
                    }
                }
            }
            break;
        }
        if p.is_digits() {
            // "3 hundred and 21": digits after "and".
            if s.last == Last::Hundred
                && p.text.chars().all(|c| c.is_ascii_digit())
                && pieces
                    .get(j.wrapping_sub(1))
                    .is_some_and(|b| b.lower() == "and")
            {
                let scaled_next = pieces
                    .get(j + 1)
                    .and_then(word_class)
                    .is_some_and(|nw| matches!(nw.class, WordClass::Hundred | WordClass::Scale));
                if let Some(v) =
                    parse_digits(p.text).filter(|v| *v < 100.0 && *v > 0.0 && !scaled_next)
                {
                    s.current += v;
                    s.last = Last::Digits;
                    j += 1;
                    s.end = j;
                    continue;
                }
            }
            // "4 thousand 3 hundred": digits may follow a scale word.
            if s.last == Last::Scale && p.text.chars().all(|c| c.is_ascii_digit()) {
                if let (Some(v), Some(next)) =
                    (parse_digits(p.text), pieces.get(j + 1).and_then(word_class))
                {
                    if next.class == WordClass::Hundred && v < 10.0 {
                        s.current = v;
                        s.last = Last::Digits;
                        j += 1;
                        continue;
                    }
                }
                if let Some(v) = parse_digits(p.text).filter(|v| *v < s.last_scale) {
                    if pieces
                        .get(j.wrapping_sub(1))
                        .is_some_and(|b| b.lower() == "and")
                    {
                        s.current += v;
                        s.last = Last::Digits;
                        j += 1;
                        s.end = j;
                        continue;
                    }
                }
            }
            break;
        }
        let lower = p.lower();
        if lower == "and" {
            // "one hundred and six", "one and a half", "two million and three fifths".
            if let Some((value, end)) = and_fraction(pieces, j + 1) {
                let scale = pieces
                    .get(end)
                    .and_then(word_class)
                    .filter(|nw| nw.class == WordClass::Scale);
                if let Some(scale) = scale {
                    // "five and a half million" = 5.5 million
                    s.total += (s.current + value) * scale.value;
                    s.current = 0.0;
                    j = end + 1;
                } else if s.last == Last::Scale {
                    s.total += value * s.last_scale;
                    j = end;
                } else {
                    s.current += value;
                    j = end;
                }
                s.words = true;
                s.last = Last::Fraction;
                s.end = j;
                break;
            }
            let next_ok = matches!(s.last, Last::Hundred | Last::Scale)
                && pieces.get(j + 1).is_some_and(|n| {
                    word_class(n)
                        .is_some_and(|nw| matches!(nw.class, WordClass::Unit | WordClass::Ten))
                        || (n.is_digits() && s.last == Last::Hundred)
                        || (n.is_digits() && s.last == Last::Scale)
                });
            if next_ok {
                j += 1;
                continue;
            }
            break;
        }
        if lower == "point" && s.last != Last::None {
            if let Some((fraction, end)) = decimal_words(pieces, j + 1) {
                s.current += fraction;
                s.words = true;
                j = end;
                s.end = j;
                break;
            }
            break;
        }
        // Fractions after a numerator: "two thirds", "five eighths", "three quarters".
        if matches!(s.last, Last::Unit | Last::Ten | Last::A | Last::Digits) {
            if let Some((den, plural)) = denominator(lower) {
                let numerator = s.current;
                if (plural && numerator != 1.0) || (!plural && numerator == 1.0) {
                    s.current = numerator / den;
                    s.words = true;
                    s.last = Last::Fraction;
                    j += 1;
                    s.end = j;
                    // "two thirds of a million", "three quarters billion"
                    if let Some(scale) = pieces
                        .get(j)
                        .and_then(word_class)
                        .filter(|nw| nw.class == WordClass::Scale)
                    {
                        s.current *= scale.value;
                        j += 1;
                        s.end = j;
                    } else if let (Some(of), Some(a), Some(scale)) = (
                        pieces.get(j),
                        pieces.get(j + 1),
                        pieces.get(j + 2).and_then(word_class),
                    ) {
                        if of.lower() == "of"
                            && matches!(a.lower(), "a" | "an")
                            && scale.class == WordClass::Scale
                        {
                            s.current *= scale.value;
                            j += 3;
                            s.end = j;
                        }
                    }
                    break;
                }
            }
        }
        let Some(nw) = word_class(p) else { break };
        match nw.class {
            WordClass::Unit => {
                let ok = match s.last {
                    Last::None | Last::Hundred | Last::Scale => true,
                    Last::Ten => nw.value < 10.0 && nw.value > 0.0,
                    _ => false,
                };
                if !ok {
                    break;
                }
                s.current += nw.value;
                s.last = Last::Unit;
            }
            WordClass::Ten => {
                if !matches!(s.last, Last::None | Last::Hundred | Last::Scale) {
                    break;
                }
                s.current += nw.value;
                s.last = Last::Ten;
            }
            WordClass::Hundred => {
                if !matches!(s.last, Last::Unit | Last::Ten | Last::Digits | Last::A)
                    || s.current >= 1000.0 && s.last != Last::Digits
                {
                    break;
                }
                s.current *= 100.0;
                s.last = Last::Hundred;
            }
            WordClass::Scale => {
                if !matches!(
                    s.last,
                    Last::Unit | Last::Ten | Last::Hundred | Last::Digits | Last::A | Last::Scale
                ) {
                    break;
                }
                if s.last == Last::Scale {
                    if nw.value <= s.last_scale {
                        break;
                    }
                    // "three lakh crore"
                    s.total *= nw.value;
                } else {
                    if nw.value >= s.last_scale {
                        break;
                    }
                    s.total += s.current * nw.value;
                    s.current = 0.0;
                }
                s.last_scale = nw.value;
                s.last = Last::Scale;
            }
            WordClass::Dozen => {
                if !matches!(
                    s.last,
                    Last::Unit | Last::Ten | Last::Digits | Last::A | Last::Hundred
                ) {
                    break;
                }
                s.current *= 12.0;
                s.last = Last::Scale;
                s.last_scale = 12.0;
            }
            WordClass::Vague
                if matches!(
                    s.last,
                    Last::Unit | Last::Ten | Last::Digits | Last::Hundred
                ) && nw.value >= 12.0 =>
            {
                // "3 dozens", "three hundreds"
                s.current *= nw.value;
                s.last = Last::Scale;
                s.last_scale = nw.value;
            }
            _ => break,
        }
        s.words = true;
        j += 1;
        s.end = j;
    }
    s
}

/// After "and": "a half", "one half", "three quarters", "two thirds", "a fifth".
fn and_fraction(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let first = pieces.get(i)?;
    let mut k = i + 1;
    let numerator = match first.lower() {
        "a" | "an" => 1.0,
        _ => match word_class(first)? {
            nw if matches!(nw.class, WordClass::Unit) && nw.value > 0.0 => nw.value,
            nw if nw.class == WordClass::Ten => {
                // "fifty-four hundredths"
                match pieces.get(k).and_then(word_class) {
                    Some(u) if u.class == WordClass::Unit && u.value > 0.0 && u.value < 10.0 => {
                        k += 1;
                        nw.value + u.value
                    }
                    _ => nw.value,
                }
            }
            _ => return None,
        },
    };
    let den_piece = pieces.get(k)?;
    let (den, plural) = denominator(den_piece.lower())?;
    if plural == (numerator == 1.0) {
        return None;
    }
    Some((numerator / den, k + 1))
}

/// After "point": "zero three" → 0.03, "seventy-one" → 0.71, "five" → 0.5.
fn decimal_words(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut j = i;
    while let Some(nw) = pieces.get(j).and_then(word_class) {
        match nw.class {
            WordClass::Unit if nw.value < 10.0 => {
                digits.push_str(&format!("{}", nw.value as u8));
                j += 1;
            }
            WordClass::Unit if digits.is_empty() => {
                digits.push_str(&format!("{}", nw.value as u8));
                j += 1;
                break;
            }
            WordClass::Ten if digits.is_empty() => {
                let mut v = nw.value as u8;
                j += 1;
                if let Some(u) = pieces
                    .get(j)
                    .and_then(word_class)
                    .filter(|u| u.class == WordClass::Unit && u.value < 10.0 && u.value > 0.0)
                {
                    v += u.value as u8;
                    j += 1;
                }
                digits.push_str(&format!("{v}"));
                break;
            }
            _ => break,
        }
        if digits.len() > 12 {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some((value, j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::pieces;
    use crate::document::Document;

    #[test]
    fn numerals_start_only_where_they_may_open() {
        let text = "Minus five, a dozen, -3 and .5 of ½; the 2nd of 10,000 — an hour, \
                    twenty-one or negative two. Half of them; thousands more.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        let mut opened = 0;
        for s in 0..doc.sentences.len() {
            let ps = pieces::of_sentence(&doc, s);
            for i in 0..ps.len() {
                if parse_at(&ps, i, false).is_some() || parse_at(&ps, i, true).is_some() {
                    assert!(may_open_numeral(&ps[i]), "{}", ps[i].text);
                    opened += 1;
                }
            }
            assert!(ps.iter().any(|p| !may_open_numeral(p)));
        }
        assert!(opened >= 12, "{opened}");
    }

    /// The first numeral of `text` and its text.
    fn first(text: &str) -> Option<(String, f64, Form)> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        let ps = pieces::of_sentence(&doc, 0);
        (0..ps.len()).find_map(|i| {
            let n = parse_at(&ps, i, false)?;
            let start = ps[n.first].span.start();
            let end = ps[n.end - 1].span.end();
            Some((text[start..end].to_string(), n.value, n.form))
        })
    }

    fn value(text: &str) -> f64 {
        first(text).map(|(_, v, _)| v).unwrap_or(f64::NAN)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(parse_digits("5,000"), Some(5000.0));
        assert_eq!(parse_digits("3.5"), Some(3.5));
        assert_eq!(parse_digits("12,34,567.89"), Some(1234567.89));
        assert_eq!(parse_digits("1.111,11"), Some(1111.11));
        assert_eq!(parse_digits("1,3"), Some(1.3));
        assert_eq!(parse_digits("1e10"), Some(1e10));
        assert_eq!(parse_digits("22,24,26,31"), None);
    }

    #[test]
    fn words_up_to_trillions() {
        assert_eq!(value("twenty-one people"), 21.0);
        assert_eq!(value("one hundred and sixty-one"), 161.0);
        assert_eq!(value("two hundred and two thousand"), 202000.0);
        assert_eq!(
            value("twenty-one trillion three hundred"),
            21_000_000_000_300.0
        );
        assert_eq!(value("seven billion four hundred million"), 7_400_000_000.0);
        assert_eq!(value("one trillion"), 1e12);
        assert_eq!(value("a dozen eggs"), 12.0);
        assert_eq!(value("half a dozen"), 6.0);
        assert_eq!(value("half a million"), 500_000.0);
        assert_eq!(value("nine point nought four"), 9.04);
    }

    #[test]
    fn digits_with_multipliers() {
        assert_eq!(value("2 million"), 2e6);
        assert_eq!(value("it is 10k"), 10_000.0);
        assert_eq!(value("2bn"), 2e9);
        assert_eq!(value("1 trillion"), 1e12);
        assert_eq!(value("3 hundred and 21"), 321.0);
        assert!(close(value("1,674.5 million"), 1_674_500_000.0));
        // Without money, "5m" is five metres, not five million.
        assert_eq!(value("5m"), 5.0);
    }

    #[test]
    fn fractions_and_ratios() {
        assert!(close(value("a third of voters"), 1.0 / 3.0));
        assert!(close(value("two thirds"), 2.0 / 3.0));
        assert_eq!(value("more than half the people"), 0.5);
        assert_eq!(value("one and a half"), 1.5);
        assert_eq!(value("3/4"), 0.75);
        let (text, v, form) = first("one in five adults").unwrap();
        assert_eq!((text.as_str(), v, form), ("one in five", 0.2, Form::Ratio));
        // The bigger number first is no ratio.
        assert_eq!(first("8 in 5").map(|f| f.0), Some("8".to_string()));
    }

    #[test]
    fn vague_magnitudes() {
        assert_eq!(
            first("thousands of drones"),
            Some(("thousands".into(), 1000.0, Form::Vague))
        );
        assert_eq!(
            first("tens of thousands of people").map(|f| (f.0, f.1)),
            Some(("tens of thousands".into(), 10_000.0))
        );
        assert_eq!(first("hundreds of thousands").map(|f| f.1), Some(100_000.0));
    }

    #[test]
    fn ordinals_decades_and_pronoun_one() {
        assert_eq!(first("the 4th time").map(|f| f.2), Some(Form::Ordinal));
        assert_eq!(
            first("the twenty-first century").map(|f| (f.1, f.2)),
            Some((21.0, Form::Ordinal))
        );
        assert_eq!(first("the 1990s").map(|f| f.2), Some(Form::Decade));
        assert_eq!(first("The one you mentioned"), None);
        assert_eq!(first("Let's try one last time").map(|f| f.1), Some(1.0));
        assert_eq!(first("a man"), None);
    }
}
