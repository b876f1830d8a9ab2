//! Numbers: reads one numeral from the pieces of a sentence, in digits ("5,000", "3.5",
//! "1.2m", "10k", "1990s", "4th", "3/4", "1 234 567", "1e10") or in words ("twenty-one",
//! "two hundred and two thousand", "a dozen", "half a million", "a third", "thousands",
//! "tens of thousands", "one in five", "nine point nought four"), and gives its value.
//!
//! [`parse_at`] reads signs and a leading decimal point, then hands over to [`digits`]
//! or [`words`] by the first piece; both use the word [`grammar`]. A plain number may be
//! the first half of a ratio ("one in five"), read here. No reader backtracks, and each
//! looks a bounded number of pieces ahead, so scanning a sentence is linear.

mod digits;
mod grammar;
mod numeral;
mod words;

pub use digits::vulgar;
pub use numeral::{parse_digits, Form, Numeral};

use super::lists::WordClass;
use super::pieces::{Join, Piece, PieceKind};
use crate::document::MAX_TOKEN_BYTES;
use grammar::word_class;

/// A number written over more than [`MAX_TOKEN_BYTES`] bytes, which the tokenizer cut
/// into several tokens: runs of digits glued one to the next (directly, or across a
/// separator cut off at the end of a token: "…,234," + "567,…"). If one starts at piece
/// `i`, returns the piece after it. No numeral is read inside one: its parts would be
/// read as separate numbers, with wrong values.
pub fn too_long_at(pieces: &[Piece], i: usize) -> Option<usize> {
    let p = pieces.get(i)?;
    if !p.is_digits() || glued_digits_before(pieces, i) {
        return None;
    }
    let mut last = i;
    while let Some(next) = glued_digits_after(pieces, last) {
        last = next;
    }
    let bytes = pieces[last].span.end() - p.span.start();
    (bytes > MAX_TOKEN_BYTES).then_some(last + 1)
}

/// A lone separator piece: a "," or "." cut off from the digits after it.
fn is_separator(p: &Piece) -> bool {
    matches!(p.text, "," | ".")
}

/// The digits piece that continues the digits at piece `i` without a space, directly or
/// after a separator.
fn glued_digits_after(pieces: &[Piece], i: usize) -> Option<usize> {
    let glued = |k: usize| pieces.get(k).filter(|p| p.join == Join::Attached);
    match glued(i + 1)? {
        p if p.is_digits() => Some(i + 1),
        p if is_separator(p) => glued(i + 2).filter(|p| p.is_digits()).map(|_| i + 2),
        _ => None,
    }
}

/// Whether the digits at piece `i` continue digits before them without a space.
fn glued_digits_before(pieces: &[Piece], i: usize) -> bool {
    let from = i.saturating_sub(2);
    (from..i).any(|k| pieces[k].is_digits() && glued_digits_after(pieces, k) == Some(i))
}

/// Whether the digits at piece `i` are part of a number cut by the tokenizer.
fn is_cut(pieces: &[Piece], i: usize) -> bool {
    glued_digits_before(pieces, i) || glued_digits_after(pieces, i).is_some()
}

/// Whether a numeral may start at piece `p` (false means [`parse_at`] there certainly
/// finds none): digits, a number word, "a"/"an", a sign word, a vulgar fraction, or a
/// minus sign or decimal point before digits.
pub fn may_open_numeral(p: &Piece) -> bool {
    match p.kind {
        PieceKind::Digits => true,
        PieceKind::Word => {
            p.number_word.is_some()
                || matches!(p.lower(), "a" | "an" | "minus" | "negative" | ".")
                || vulgar(p.text).is_some()
        }
        PieceKind::Punct => matches!(p.text, "-" | "−" | "."),
    }
}

/// Reads the numeral that starts at piece `i`, if any. `money` says a currency sign stands
/// before it, so "£1.2m" reads "m" as million (without money "5m" is five metres).
pub fn parse_at(pieces: &[Piece], i: usize, money: bool) -> Option<Numeral> {
    let p = pieces.get(i)?;
    if p.kind == PieceKind::Word && matches!(p.lower(), "minus" | "negative") {
        return sign_word(pieces, i, money);
    }
    if let Some(n) = minus_sign(pieces, i, money).or_else(|| leading_point(pieces, i)) {
        return Some(n);
    }
    let (n, open) = match p.kind {
        PieceKind::Digits if is_cut(pieces, i) => return None,
        PieceKind::Digits => digits::digits_at(pieces, i, money)?,
        PieceKind::Word => match vulgar(p.text) {
            Some(v) => (Numeral::new(i, i + 1, v, Form::Fraction), false),
            None => words::words_at(pieces, i)?,
        },
        PieceKind::Punct => return None,
    };
    if open {
        if let Some(ratio) = ratio_after(pieces, &n) {
            return Some(ratio);
        }
    }
    Some(n)
}

/// "minus five", "negative one": one sign word before a numeral ("minus minus …" is none).
fn sign_word(pieces: &[Piece], i: usize, money: bool) -> Option<Numeral> {
    let after = pieces.get(i + 1)?;
    if matches!(after.lower(), "minus" | "negative") || after.kind == PieceKind::Punct {
        return None;
    }
    let next = parse_at(pieces, i + 1, money)?;
    if next.first != i + 1 || next.form == Form::Vague {
        return None;
    }
    Some(Numeral {
        first: i,
        value: -next.value,
        ..next
    })
}

/// "-9.5": a minus sign glued to digits, at the sentence start or after a space.
fn minus_sign(pieces: &[Piece], i: usize, money: bool) -> Option<Numeral> {
    let p = pieces.get(i)?;
    let glued_to_digits = pieces
        .get(i + 1)
        .is_some_and(|n| n.is_digits() && n.join == Join::Attached);
    if !((p.is_punct("-") || p.is_punct("−"))
        && glued_to_digits
        && (i == 0 || p.join == Join::Space))
    {
        return None;
    }
    let next = parse_at(pieces, i + 1, money)?;
    Some(Numeral {
        first: i,
        value: -next.value,
        ..next
    })
}

/// ".08": a decimal point glued before digits, at the sentence start or after a space.
fn leading_point(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let p = pieces.get(i)?;
    // The point of a token such as ".5" is a piece of its own, of kind `Word` (see
    // `pieces`); a spaced "." before glued digits is a `Punct`.
    if !(p.text == "." && (i == 0 || p.join == Join::Space)) {
        return None;
    }
    let n = pieces
        .get(i + 1)
        .filter(|n| n.is_digits() && n.join == Join::Attached && !n.text.contains([',', '.']))?;
    let value = parse_digits(&format!("0.{}", n.text))?;
    Some(Numeral {
        plain_digits: true,
        ..Numeral::new(i, i + 2, value, Form::Cardinal)
    })
}

/// "one in five", "two out of three", "one over three" after the numeral `n`: a ratio
/// when `n` is the smaller number. Reads the divisor without a ratio of its own, so "1
/// in 2 in 3 …" never recurses.
fn ratio_after(pieces: &[Piece], n: &Numeral) -> Option<Numeral> {
    let end = n.end;
    let (start, over) = match pieces.get(end)?.lower() {
        "in" => (end + 1, false),
        "out" if pieces.get(end + 1).is_some_and(|p| p.lower() == "of") => (end + 2, false),
        "over" => (end + 1, true),
        _ => return None,
    };
    let second = pieces.get(start)?;
    let (den, _) = match second.kind {
        PieceKind::Digits => digits::digits_at(pieces, start, false)?,
        _ if word_class(second)
            .is_some_and(|nw| matches!(nw.class, WordClass::Unit | WordClass::Ten)) =>
        {
            words::words_at(pieces, start)?
        }
        _ => return None,
    };
    if den.form != Form::Cardinal || den.value <= n.value || den.value == 0.0 {
        return None;
    }
    // "$2000 over 3 years": "over" makes a ratio only when nothing follows the divisor.
    if over && pieces.get(den.end).is_some_and(|p| p.is_word()) {
        return None;
    }
    Some(Numeral {
        end: den.end,
        value: n.value / den.value,
        form: Form::Ratio,
        plain_digits: false,
        ..*n
    })
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
    fn a_leading_point_opens_a_decimal() {
        // The tokenizer keeps ".324" one token; the pieces split its point off.
        assert_eq!(
            first("He hit .324 for the season."),
            Some((".324".to_string(), 0.324, Form::Cardinal))
        );
        assert_eq!(value("Rates fell .5 percent."), 0.5);
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
