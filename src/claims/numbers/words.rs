//! Numerals that open with a word: "twenty-one", "a dozen", "a third", "half a million",
//! "thousands", "tens of thousands", "first", "twenty-first", "twice" (before "the",
//! "as", "more", …). The opening word decides the reader: a vague magnitude,
//! "half"/"quarter", "a"/"an", an ordinal, a multiplier, or a unit or ten that starts the
//! word [`grammar`](super::grammar).

use super::grammar::{denominator, ordinal_word, word_class, Last, Words};
use super::numeral::{Form, Numeral};
use crate::claims::lists::{self, WordClass};
use crate::claims::pieces::{Join, Piece, PieceKind};

/// The numeral that starts with the word at piece `i`, and whether a ratio ("one in
/// five") may follow it (only a plain number or fraction may).
pub fn words_at(pieces: &[Piece], i: usize) -> Option<(Numeral, bool)> {
    let p = pieces.get(i)?;
    let lower = p.lower();
    // Every numeral in words opens with a number word or "a"/"an".
    if p.number_word.is_none() && !matches!(lower, "a" | "an") {
        return None;
    }
    if lower == "one" && is_pronoun_one(pieces, i) {
        return None;
    }
    let closed = |n: Numeral| (n, false);
    if let Some(nw) = word_class(p).filter(|nw| nw.class == WordClass::Vague) {
        return vague_at(pieces, i, nw.value).map(closed);
    }
    if lower == "half" || lower == "quarter" {
        return half_at(pieces, i).map(closed);
    }
    let opening = if matches!(lower, "a" | "an") {
        match a_at(pieces, i)? {
            Opening::Read(n) => return Some(closed(n)),
            Opening::Grammar(w) => w,
        }
    } else {
        let nw = word_class(p)?;
        match nw.class {
            WordClass::Unit | WordClass::Ten => Words::opening(i),
            WordClass::Ordinal | WordClass::OrdinalTen => {
                return Some(closed(Numeral::in_words(i, i + 1, nw.value, Form::Ordinal)));
            }
            WordClass::Multiplier => return multiplier_at(pieces, i, nw.value).map(closed),
            _ => return None,
        }
    };
    let w = opening.read_on(pieces, i);
    if w.end == i {
        return None;
    }
    if let Some(n) = compound_ordinal(pieces, i, &w) {
        return Some(closed(n));
    }
    let form = if w.last == Last::Fraction && w.value() < 1.0 {
        Form::Fraction
    } else {
        Form::Cardinal
    };
    Some((Numeral::in_words(i, w.end, w.value(), form), true))
}

/// Words after "twice the" that make it a number of occurrences ("twice the same day").
const TIME_WORDS: [&str; 6] = ["same", "next", "following", "previous", "last", "first"];

/// "twice the average", "twice as likely", "thrice more": a multiplier word at piece `i`
/// before a word of `data/claim_comparisons.txt` is a ratio; elsewhere ("visited twice",
/// "twice the same day") it counts occurrences, and no numeral is read.
fn multiplier_at(pieces: &[Piece], i: usize, value: f64) -> Option<Numeral> {
    let next = pieces.get(i + 1).filter(|w| w.join == Join::Space)?;
    let times = pieces
        .get(i + 2)
        .is_some_and(|w| TIME_WORDS.contains(&w.lower()));
    let compares = next.is_word() && lists::COMPARISONS.contains(next.lower());
    (compares && !(next.lower() == "the" && times))
        .then(|| Numeral::in_words(i, i + 1, value, Form::Ratio))
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

/// "one" as a pronoun: "the one you mentioned", "which one do you prefer", "the only one
/// of", "one another"; but "this one person" and "only one of the 12" count.
fn is_pronoun_one(pieces: &[Piece], i: usize) -> bool {
    let back = |k: usize| i.checked_sub(k).and_then(|b| pieces.get(b));
    let determined = back(1).is_some_and(|b| {
        let only_alone = b.lower() == "only" && back(2).is_none_or(|d| d.lower() != "the");
        b.is_word() && b.join != Join::Hyphen && makes_one_a_pronoun(b.lower()) && !only_alone
    });
    let scaled = pieces
        .get(i + 1)
        .and_then(word_class)
        .is_some_and(|nw| matches!(nw.class, WordClass::Hundred | WordClass::Scale));
    // After a pronominal "one" comes no noun: punctuation, the end, or a function word.
    let no_noun = pieces
        .get(i + 1)
        .is_none_or(|n| n.kind == PieceKind::Punct || lists::FUNCTION_WORDS.contains(n.lower()));
    (determined && !scaled && no_noun) || pieces.get(i + 1).is_some_and(|n| n.lower() == "another")
}

/// A vague magnitude worth `value` at piece `i`: "thousands", "dozens", and "tens of
/// thousands", "hundreds of millions" (each "of" multiplies). "tens" alone is none.
fn vague_at(pieces: &[Piece], i: usize, value: f64) -> Option<Numeral> {
    let mut total = value;
    let mut end = i + 1;
    while let (Some(of), Some(next)) = (pieces.get(end), pieces.get(end + 1)) {
        match word_class(next) {
            Some(nw) if of.lower() == "of" && nw.class == WordClass::Vague && nw.value > 10.0 => {
                total *= nw.value;
                end += 2;
            }
            _ => break,
        }
    }
    if value == 10.0 && end == i + 1 {
        return None;
    }
    Some(Numeral::in_words(i, end, total, Form::Vague))
}

/// How a numeral that opens with "a"/"an" goes on.
enum Opening {
    /// Read whole already ("a third", "a quarter million").
    Read(Numeral),
    /// "a" counts as one, and the grammar reads on ("a hundred", "a dozen").
    Grammar(Words),
}

/// "a"/"an" at piece `i`: one before "hundred", a scale word, "dozen", "half",
/// "quarter" or a singular denominator ("a third"); else no numeral.
fn a_at(pieces: &[Piece], i: usize) -> Option<Opening> {
    let next = pieces.get(i + 1)?;
    let multiplied = word_class(next).is_some_and(|nw| {
        matches!(
            nw.class,
            WordClass::Hundred | WordClass::Scale | WordClass::Dozen
        )
    });
    let singular_denominator =
        denominator(next.lower()).is_some_and(|(_, plural)| !plural) && next.lower() != "quarter";
    if !(multiplied || singular_denominator || matches!(next.lower(), "half" | "quarter")) {
        return None;
    }
    match denominator(next.lower()) {
        Some((den, false)) => a_fraction(pieces, i, den).map(Opening::Read),
        _ => Some(Opening::Grammar(Words::after_a(i))),
    }
}

/// "a half", "a quarter", "a third" (one over `den`), and "a quarter million"; but "a
/// third goal" is an ordinal and "a half-sister" no number.
fn a_fraction(pieces: &[Piece], i: usize, den: f64) -> Option<Numeral> {
    let value = 1.0 / den;
    let after = pieces.get(i + 2);
    if let Some(scale) = after
        .and_then(word_class)
        .filter(|nw| nw.class == WordClass::Scale)
    {
        return Some(Numeral::in_words(
            i,
            i + 3,
            value * scale.value,
            Form::Cardinal,
        ));
    }
    let noun_after = after.is_some_and(|w| {
        w.join == Join::Hyphen
            || (w.is_word()
                && w.join == Join::Space
                && !lists::FUNCTION_WORDS.contains(w.lower())
                && lists::unit(w.text).is_none())
    });
    (!noun_after).then(|| Numeral::in_words(i, i + 2, value, Form::Fraction))
}

/// "twenty-first", "one hundred and first": an ordinal word of one to nine after a ten,
/// hundred or scale word that the grammar read.
fn compound_ordinal(pieces: &[Piece], i: usize, w: &Words) -> Option<Numeral> {
    let o = pieces
        .get(w.end)
        .filter(|n| n.join == Join::Hyphen || n.join == Join::Space)
        .and_then(|n| ordinal_word(n.lower()))?;
    let after_group = matches!(w.last, Last::Ten | Last::Hundred | Last::Scale);
    (after_group && o < 10.0).then(|| Numeral::in_words(i, w.end + 1, w.value() + o, Form::Ordinal))
}

/// "half"/"quarter" at piece `i`: "half a dozen", "half a million", "half million",
/// "a quarter of", "half the", and qualified halves ("more than half"); but "the second
/// half", "first half" and "half-time" are no numbers.
fn half_at(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let (den, _) = denominator(p.lower())?;
    let frac = 1.0 / den;
    let before = i.checked_sub(1).and_then(|b| pieces.get(b));
    if before.is_some_and(|b| {
        b.is_word() && (makes_one_a_pronoun(b.lower()) || ordinal_word(b.lower()).is_some())
    }) {
        return None;
    }
    if let Some(n) = half_of_what(pieces, i, frac) {
        return Some(n);
    }
    // "more than half" and other qualified halves stand alone.
    let qualified = before.is_some_and(|b| {
        matches!(
            b.lower(),
            "than" | "about" | "nearly" | "almost" | "over" | "least" | "roughly"
        )
    });
    (p.lower() == "half" && qualified).then(|| Numeral::in_words(i, i + 1, frac, Form::Fraction))
}

/// What follows "half"/"quarter" (worth `frac`) at piece `i`: a scale ("half million"),
/// "a" and a scale ("half a dozen") or a unit ("half a mile"), or a determiner after
/// "half" ("half of", "half the", "half their").
fn half_of_what(pieces: &[Piece], i: usize, frac: f64) -> Option<Numeral> {
    let n = pieces.get(i + 1)?;
    let after = pieces.get(i + 2);
    let cardinal = |end: usize, v: f64| Some(Numeral::in_words(i, end, v, Form::Cardinal));
    let fraction = |end: usize| Some(Numeral::in_words(i, end, frac, Form::Fraction));
    if let Some(nw) = word_class(n) {
        if matches!(nw.class, WordClass::Scale | WordClass::Dozen) && n.join != Join::Hyphen {
            return cardinal(i + 2, frac * nw.value);
        }
    }
    if matches!(n.lower(), "a" | "an") {
        let scaled = after.and_then(word_class).filter(|nw| {
            matches!(
                nw.class,
                WordClass::Scale | WordClass::Dozen | WordClass::Hundred
            )
        });
        if let Some(nw) = scaled {
            return cardinal(i + 3, frac * nw.value);
        }
        if after.is_some_and(|a| lists::unit(a.text).is_some()) {
            return fraction(i + 2);
        }
    }
    let determiner = matches!(
        n.lower(),
        "of" | "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our"
    );
    if pieces.get(i)?.lower() == "half" && n.join != Join::Hyphen && determiner {
        return fraction(i + 1);
    }
    None
}
