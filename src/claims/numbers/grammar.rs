//! The grammar of numerals in words, read left to right: "twenty-one", "two hundred and
//! two thousand", "three lakh crore", "4 thousand 3 hundred", "one and a half", "two
//! thirds of a million", "nine point nought four". The running state ([`Words`]) keeps the
//! total so far and the class of the last word; [`MAY_FOLLOW`] says which word class may
//! come after which, and one small method per transition adds the word's value. It never
//! backtracks, and a numeral is at most [`MAX_PIECES`] long, so reading is linear.

use super::numeral::parse_digits;
use crate::claims::lists::{self, NumberWord, WordClass};
use crate::claims::pieces::{Piece, PieceKind};

/// No numeral is longer than this many pieces ("one million two thousand two hundred…").
const MAX_PIECES: usize = 40;

/// The class of the last word read: what the next one may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Last {
    /// Nothing read yet.
    None,
    /// "a" standing for one ("a hundred", "a million").
    A,
    Digits,
    Unit,
    Ten,
    Hundred,
    /// A scale word ("thousand", "crore") or a multiplier ("dozen", "hundreds").
    Scale,
    /// A fraction ended the numeral ("two thirds", "and a half").
    Fraction,
}

/// Which states each word class may follow: the grammar's rules as data. The value
/// conditions on top ("thirty-one" but not "thirty-eleven") are in [`Words::take`].
const MAY_FOLLOW: [(WordClass, &[Last]); 6] = {
    use Last::*;
    [
        (WordClass::Unit, &[None, Ten, Hundred, Scale]),
        (WordClass::Ten, &[None, Hundred, Scale]),
        (WordClass::Hundred, &[A, Digits, Unit, Ten]),
        (WordClass::Scale, &[A, Digits, Unit, Ten, Hundred, Scale]),
        (WordClass::Dozen, &[A, Digits, Unit, Ten, Hundred]),
        (WordClass::Vague, &[Digits, Unit, Ten, Hundred]),
    ]
};

/// The grammar's running state.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The value of the groups closed by a scale word ("two million" of "two million
    /// three hundred").
    total: f64,
    /// The value of the open group ("three hundred").
    current: f64,
    pub last: Last,
    /// The scale word that closed the last group ([`f64::INFINITY`] before any).
    last_scale: f64,
    /// Some of the numeral is in words.
    pub words: bool,
    /// One past the last piece read for sure (a trailing "and" is not).
    pub end: usize,
}

impl Words {
    /// The state before the first word of a numeral at piece `i`.
    pub fn opening(i: usize) -> Words {
        Words {
            total: 0.0,
            current: 0.0,
            last: Last::None,
            last_scale: f64::INFINITY,
            words: true,
            end: i,
        }
    }

    /// The state after "a" at piece `i` ("a hundred", "a million").
    pub fn after_a(i: usize) -> Words {
        Words {
            current: 1.0,
            last: Last::A,
            end: i + 1,
            ..Words::opening(i)
        }
    }

    /// The state after digits worth `value` that end before piece `end` ("2 million").
    pub fn after_digits(value: f64, end: usize) -> Words {
        Words {
            current: value,
            last: Last::Digits,
            words: false,
            end,
            ..Words::opening(end)
        }
    }

    pub fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Reads on from `self.end` as far as the grammar allows; `start` is the numeral's
    /// first piece.
    pub fn read_on(mut self, pieces: &[Piece], start: usize) -> Words {
        let mut j = self.end;
        while j < pieces.len() && j - start < MAX_PIECES {
            match self.step(pieces, j) {
                Some(next) => j = next,
                None => break,
            }
        }
        self
    }

    /// Reads piece `j`: the piece to read next, or `None` when the numeral ends here.
    fn step(&mut self, pieces: &[Piece], j: usize) -> Option<usize> {
        let p = &pieces[j];
        match p.kind {
            PieceKind::Punct => self.spaced_hyphen(pieces, j),
            PieceKind::Digits => self
                .digits_after_and(pieces, j)
                .or_else(|| self.digits_after_scale(pieces, j)),
            PieceKind::Word => match p.lower() {
                "and" => self.and(pieces, j),
                "point" if self.last != Last::None => {
                    self.point(pieces, j);
                    None
                }
                lower => {
                    if self.denominator(pieces, j, lower) {
                        return None;
                    }
                    let nw = word_class(p)?;
                    self.take(nw).then(|| {
                        self.words = true;
                        self.end = j + 1;
                        j + 1
                    })
                }
            },
        }
    }

    /// Adds a number word, if [`MAY_FOLLOW`] and the value conditions allow it.
    fn take(&mut self, nw: NumberWord) -> bool {
        let allowed = MAY_FOLLOW
            .iter()
            .find(|(class, _)| *class == nw.class)
            .is_some_and(|(_, after)| after.contains(&self.last));
        if !allowed {
            return false;
        }
        match nw.class {
            WordClass::Unit => self.unit(nw.value),
            WordClass::Ten => self.add(nw.value, Last::Ten),
            WordClass::Hundred => self.hundred(),
            WordClass::Scale => self.scale(nw.value),
            WordClass::Dozen => self.multiply(nw.value),
            WordClass::Vague => nw.value >= 12.0 && self.multiply(nw.value),
            _ => false,
        }
    }

    fn add(&mut self, value: f64, last: Last) -> bool {
        self.current += value;
        self.last = last;
        true
    }

    /// "one", "nineteen"; after a ten only one to nine ("thirty-one").
    fn unit(&mut self, value: f64) -> bool {
        let after_ten_ok = value > 0.0 && value < 10.0;
        (self.last != Last::Ten || after_ten_ok) && self.add(value, Last::Unit)
    }

    /// "hundred" multiplies the open group, which must be under a thousand unless it
    /// is in digits ("1,500 hundred" is no number, "15 hundred" is).
    fn hundred(&mut self) -> bool {
        if self.current >= 1000.0 && self.last != Last::Digits {
            return false;
        }
        self.current *= 100.0;
        self.last = Last::Hundred;
        true
    }

    /// "thousand", "million": closes the group. Scales fall ("a million two thousand"),
    /// except that two in a row multiply ("three lakh crore").
    fn scale(&mut self, value: f64) -> bool {
        if self.last == Last::Scale {
            if value <= self.last_scale {
                return false;
            }
            self.total *= value;
        } else {
            if value >= self.last_scale {
                return false;
            }
            self.total += self.current * value;
            self.current = 0.0;
        }
        self.last_scale = value;
        self.last = Last::Scale;
        true
    }

    /// "a dozen", "3 dozens", "three hundreds": multiplies the open group.
    fn multiply(&mut self, value: f64) -> bool {
        self.current *= value;
        self.last = Last::Scale;
        self.last_scale = value;
        true
    }

    /// "fifty - two": a spaced hyphen between a ten and a unit; "one - fourth", "five -
    /// eighths": before a denominator (which ends the numeral).
    fn spaced_hyphen(&mut self, pieces: &[Piece], j: usize) -> Option<usize> {
        if pieces[j].text != "-" {
            return None;
        }
        let next = pieces.get(j + 1).filter(|n| n.is_word())?;
        if self.denominator(pieces, j + 1, next.lower()) {
            return None;
        }
        if self.last != Last::Ten {
            return None;
        }
        let nw = word_class(next)?;
        if nw.class == WordClass::Unit && nw.value < 10.0 {
            self.current += nw.value;
            self.last = Last::Unit;
            self.end = j + 2;
            return Some(j + 2);
        }
        None
    }

    /// "3 hundred and 21": digits under a hundred after "hundred and".
    fn digits_after_and(&mut self, pieces: &[Piece], j: usize) -> Option<usize> {
        let p = &pieces[j];
        if !(self.last == Last::Hundred && is_bare(p) && follows_and(pieces, j)) {
            return None;
        }
        let scaled_next = pieces
            .get(j + 1)
            .and_then(word_class)
            .is_some_and(|nw| matches!(nw.class, WordClass::Hundred | WordClass::Scale));
        let v = parse_digits(p.text).filter(|v| *v < 100.0 && *v > 0.0 && !scaled_next)?;
        self.add(v, Last::Digits);
        self.end = j + 1;
        Some(j + 1)
    }

    /// "4 thousand 3 hundred", "2 million and 5": digits after a scale word, a digit
    /// before "hundred" (read on only if the hundred follows) or a smaller number after
    /// "and".
    fn digits_after_scale(&mut self, pieces: &[Piece], j: usize) -> Option<usize> {
        let p = &pieces[j];
        if !(self.last == Last::Scale && is_bare(p)) {
            return None;
        }
        let v = parse_digits(p.text)?;
        let hundred_next = pieces
            .get(j + 1)
            .and_then(word_class)
            .is_some_and(|nw| nw.class == WordClass::Hundred);
        if hundred_next && v < 10.0 {
            self.current = v;
            self.last = Last::Digits;
            return Some(j + 1);
        }
        if v < self.last_scale && follows_and(pieces, j) {
            self.add(v, Last::Digits);
            self.end = j + 1;
            return Some(j + 1);
        }
        None
    }

    /// "and": a fraction after it ends the numeral ("one and a half", "five and a half
    /// million", "two million and three fifths"); a unit, ten or digits after "hundred
    /// and" or a scale word go on ("one hundred and six").
    fn and(&mut self, pieces: &[Piece], j: usize) -> Option<usize> {
        if let Some((value, end)) = and_fraction(pieces, j + 1) {
            self.add_fraction(pieces, value, end);
            return None;
        }
        let goes_on = matches!(self.last, Last::Hundred | Last::Scale)
            && pieces.get(j + 1).is_some_and(|n| {
                n.is_digits()
                    || word_class(n)
                        .is_some_and(|nw| matches!(nw.class, WordClass::Unit | WordClass::Ten))
            });
        goes_on.then_some(j + 1)
    }

    /// Adds the fraction of "and a half" (pieces up to `end`), and a scale word after it.
    fn add_fraction(&mut self, pieces: &[Piece], value: f64, end: usize) {
        let scale = pieces
            .get(end)
            .and_then(word_class)
            .filter(|nw| nw.class == WordClass::Scale);
        self.end = if let Some(scale) = scale {
            self.total += (self.current + value) * scale.value;
            self.current = 0.0;
            end + 1
        } else if self.last == Last::Scale {
            self.total += value * self.last_scale;
            end
        } else {
            self.current += value;
            end
        };
        self.words = true;
        self.last = Last::Fraction;
    }

    /// "point" and the decimal digits in words after it ("nine point nought four").
    fn point(&mut self, pieces: &[Piece], j: usize) {
        if let Some((fraction, end)) = decimal_words(pieces, j + 1) {
            self.current += fraction;
            self.words = true;
            self.end = end;
        }
    }

    /// A denominator after its numerator ("two thirds", "a fifth", "five hundred fifths",
    /// "a hundred trillionths", "three quarters billion", "two thirds of a million"):
    /// divides the number read so far and ends the numeral. False when `lower` is no
    /// denominator for it.
    fn denominator(&mut self, pieces: &[Piece], j: usize, lower: &str) -> bool {
        if self.last == Last::None || self.last == Last::Fraction {
            return false;
        }
        let Some((den, plural)) = denominator(lower) else {
            return false;
        };
        // "one third", "two thirds": the plural goes with any numerator but one.
        let numerator = self.value();
        if plural == (numerator == 1.0) {
            return false;
        }
        self.total = 0.0;
        self.current = numerator / den;
        self.words = true;
        self.last = Last::Fraction;
        self.end = j + 1;
        if let Some((scale, end)) = scale_of_fraction(pieces, j + 1) {
            self.current *= scale;
            self.end = end;
        }
        true
    }
}

/// A scale word after a fraction: "three quarters billion" or "two thirds of a million".
/// Returns the scale and the piece after it.
fn scale_of_fraction(pieces: &[Piece], k: usize) -> Option<(f64, usize)> {
    let scale = |p: Option<&Piece>| {
        p.and_then(word_class)
            .filter(|nw| nw.class == WordClass::Scale)
    };
    if let Some(nw) = scale(pieces.get(k)) {
        return Some((nw.value, k + 1));
    }
    let of_a = pieces.get(k).is_some_and(|of| of.lower() == "of")
        && pieces
            .get(k + 1)
            .is_some_and(|a| matches!(a.lower(), "a" | "an"));
    let nw = scale(pieces.get(k + 2)).filter(|_| of_a)?;
    Some((nw.value, k + 3))
}

/// Digits only: no separators, decimals or exponent.
fn is_bare(p: &Piece) -> bool {
    p.text.chars().all(|c| c.is_ascii_digit())
}

fn follows_and(pieces: &[Piece], j: usize) -> bool {
    j.checked_sub(1)
        .and_then(|b| pieces.get(b))
        .is_some_and(|b| b.lower() == "and")
}

/// The number word a word piece spells.
pub fn word_class(p: &Piece) -> Option<NumberWord> {
    if p.kind != PieceKind::Word {
        return None;
    }
    p.number_word
}

/// A denominator word: "third" (3), "fifths" (5), "halves" (2), "quarter" (4),
/// "hundredths" (100). Returns the denominator and whether the word is plural.
pub fn denominator(word: &str) -> Option<(f64, bool)> {
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

/// The value of an ordinal word ("first", "twentieth", "millionth").
pub fn ordinal_word(word: &str) -> Option<f64> {
    let nw = lists::number_word(word)?;
    matches!(
        nw.class,
        WordClass::Ordinal | WordClass::OrdinalTen | WordClass::OrdinalScale
    )
    .then_some(nw.value)
}

/// After "and": "a half", "one half", "three quarters", "two thirds", "a fifth",
/// "fifty-four hundredths". Returns the fraction and the piece after it.
fn and_fraction(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let (numerator, k) = fraction_numerator(pieces, i)?;
    let (den, plural) = denominator(pieces.get(k)?.lower())?;
    if plural == (numerator == 1.0) {
        return None;
    }
    Some((numerator / den, k + 1))
}

/// The numerator of a fraction in words at piece `i` ("a", "three", "fifty-four"), and
/// the piece after it.
fn fraction_numerator(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let first = pieces.get(i)?;
    if matches!(first.lower(), "a" | "an") {
        return Some((1.0, i + 1));
    }
    let nw = word_class(first)?;
    match nw.class {
        WordClass::Unit if nw.value > 0.0 => Some((nw.value, i + 1)),
        WordClass::Ten => match pieces.get(i + 1).and_then(word_class) {
            Some(u) if u.class == WordClass::Unit && u.value > 0.0 && u.value < 10.0 => {
                Some((nw.value + u.value, i + 2))
            }
            _ => Some((nw.value, i + 1)),
        },
        _ => None,
    }
}

/// Longest run of decimal digits read after "point".
const MAX_DECIMALS: usize = 12;

/// After "point": "zero three" → 0.03, "seventy-one" → 0.71, "five" → 0.5. Returns the
/// fraction and the piece after it.
fn decimal_words(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut j = i;
    while let Some(nw) = pieces.get(j).and_then(word_class) {
        match nw.class {
            WordClass::Unit if nw.value < 10.0 => {
                digits.push_str(&format!("{}", nw.value as u8));
                j += 1;
            }
            // "point fifteen", "point seventy-one": a two-digit group ends the decimals.
            WordClass::Unit | WordClass::Ten if digits.is_empty() => {
                let (value, end) = two_digit_group(pieces, j, nw);
                digits.push_str(&format!("{value}"));
                j = end;
                break;
            }
            _ => break,
        }
        if digits.len() > MAX_DECIMALS {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let value: f64 = format!("0.{digits}").parse().ok()?;
    Some((value, j))
}

/// A teen ("fifteen") or a ten with an optional unit ("seventy-one") at piece `j`, whose
/// number word is `nw`: its value and the piece after it.
fn two_digit_group(pieces: &[Piece], j: usize, nw: NumberWord) -> (u8, usize) {
    let v = nw.value as u8;
    if nw.class != WordClass::Ten {
        return (v, j + 1);
    }
    match pieces
        .get(j + 1)
        .and_then(word_class)
        .filter(|u| u.class == WordClass::Unit && u.value < 10.0 && u.value > 0.0)
    {
        Some(u) => (v + u.value as u8, j + 2),
        None => (v, j + 1),
    }
}
