//! Pieces: the tokens of one sentence, cut finer for number reading. A token such as
//! "1.2m", "4th", "10-15", "two-week" or "14-year-old" holds several parts that the number
//! grammar must see one by one, so each word or number token is split at inner hyphens and
//! at the switch from digits to letters. Every piece remembers how it joins the piece
//! before it (a space, a hyphen, or nothing), so "10-15" and "10 - 15" stay distinguishable.
//! Relies on `segment`'s tokens only; never re-reads the text outside a token.

use std::borrow::Cow;

use super::lists::{self, NumberWord};
use crate::document::{Document, Span, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// Letters (possibly with inner apostrophes or periods).
    Word,
    /// Digits with their separators ("5,000", "3.5", "1e10").
    Digits,
    /// A single punctuation character or quotation mark.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// Whitespace (or the sentence start) before the piece.
    Space,
    /// A hyphen inside the token before the piece ("two-week").
    Hyphen,
    /// Nothing before the piece ("1.2" + "m", "4" + "+", "$" + "20").
    Attached,
}

#[derive(Debug, Clone)]
pub struct Piece<'t> {
    pub span: Span,
    pub text: &'t str,
    /// Lowercase text, for list look-ups (borrowed when the text already is, nearly
    /// always).
    lowercase: Cow<'t, str>,
    /// The number word the lowercase text spells, looked up once: the grammar asks for
    /// it several times per piece.
    pub number_word: Option<NumberWord>,
    pub kind: PieceKind,
    pub join: Join,
    /// The document token the piece comes from.
    pub token: usize,
}

impl<'t> Piece<'t> {
    fn new(
        span: Span,
        text: &'t str,
        lowercase: Cow<'t, str>,
        kind: PieceKind,
        join: Join,
        token: usize,
    ) -> Piece<'t> {
        // Every number word is ASCII letters: punctuation (about a piece in six) is
        // settled without the look-up.
        let number_word = if kind == PieceKind::Punct
            && !text.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
        {
            None
        } else {
            lists::number_word(&lowercase)
        };
        Piece {
            span,
            text,
            lowercase,
            number_word,
            kind,
            join,
            token,
        }
    }

    /// The text in lowercase (punctuation as written).
    pub fn lower(&self) -> &str {
        &self.lowercase
    }

    pub fn is_word(&self) -> bool {
        self.kind == PieceKind::Word
    }
    pub fn is_digits(&self) -> bool {
        self.kind == PieceKind::Digits
    }
    pub fn is_punct(&self, s: &str) -> bool {
        self.kind == PieceKind::Punct && self.text == s
    }
    /// Starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        // The first byte settles ASCII text without decoding a character.
        match self.text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text.chars().next().is_some_and(char::is_uppercase),
        }
    }
}

/// The pieces of sentence `sentence`, in text order.
#[cfg(any(test, feature = "dev"))]
pub fn of_sentence<'t>(doc: &Document<'t>, sentence: usize) -> Vec<Piece<'t>> {
    pieces_of(doc, sentence, None)
}

/// [`of_sentence`], with the lowercase of capitalised ASCII pieces borrowed from
/// `lowered` (the sentence's [`Lowered`] text) rather than each allocated.
pub fn of_sentence_lowered<'a>(
    doc: &Document<'a>,
    sentence: usize,
    lowered: &'a Lowered,
) -> Vec<Piece<'a>> {
    pieces_of(doc, sentence, Some(lowered))
}

/// A sentence's text in ASCII lowercase, at the same byte offsets: one allocation per
/// sentence instead of one per capitalised word.
pub struct Lowered {
    /// Document offset of the text's first byte.
    base: usize,
    text: String,
}

impl Lowered {
    pub fn of(doc: &Document, sentence: usize) -> Lowered {
        let span = doc
            .sentences
            .get(sentence)
            .map_or_else(Span::default, |s| s.span);
        Lowered {
            base: span.start(),
            text: doc.slice(span).to_ascii_lowercase(),
        }
    }

    /// The lowercase of the ASCII text at document bytes `[start, end)`, if held.
    fn get(&self, start: usize, end: usize) -> Option<&str> {
        let from = start.checked_sub(self.base)?;
        let to = end.checked_sub(self.base)?;
        self.text.get(from..to)
    }
}

fn pieces_of<'a>(
    doc: &Document<'a>,
    sentence: usize,
    lowered: Option<&'a Lowered>,
) -> Vec<Piece<'a>> {
    let s = &doc.sentences[sentence];
    // A few tokens split in two or three ("1.2m", "two-week"): room for them up front.
    let mut pieces = Vec::with_capacity(s.tokens().len() + s.tokens().len() / 4);
    let mut prev_end: Option<usize> = None;
    for index in s.tokens() {
        let token = &doc.tokens[index]; // a sentence's tokens are the document's
        let text = doc.slice(token.span());
        let join = match prev_end {
            Some(end) if end == token.span().start() => Join::Attached,
            _ => Join::Space,
        };
        match token.kind {
            TokenKind::Word | TokenKind::Number => {
                let start = token.span().start();
                split_token(text, start, index, join, lowered, &mut pieces)
            }
            TokenKind::QuoteMark | TokenKind::Punct => pieces.push(Piece::new(
                token.span(),
                text,
                Cow::Borrowed(text),
                PieceKind::Punct,
                join,
                index,
            )),
        }
        prev_end = Some(token.span().end());
    }
    pieces
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐')
}

/// Splits a word or number token at hyphens and at digit/letter switches.
fn split_token<'t>(
    text: &'t str,
    base: usize,
    token: usize,
    first_join: Join,
    lowered: Option<&'t Lowered>,
    out: &mut Vec<Piece<'t>>,
) {
    // Plain words ("said", "Minister") are one piece: skip the walk over their letters.
    match plain_word(text) {
        Some(capital) if !text.is_empty() => {
            let span = Span::new(base, base + text.len());
            let lower = if capital {
                ascii_lowercase(text, span, lowered)
            } else {
                Cow::Borrowed(text)
            };
            out.push(Piece::new(
                span,
                text,
                lower,
                PieceKind::Word,
                first_join,
                token,
            ));
        }
        Some(_) => {}
        None => {
            let mut cutter = Cutter {
                text,
                base,
                token,
                lowered,
                out,
            };
            cutter.cut(first_join);
        }
    }
}

/// Whether `text` is ASCII letters only, and then whether it holds a capital (one pass
/// tells both).
fn plain_word(text: &str) -> Option<bool> {
    let (all, any) = text.bytes().fold((LETTER, 0), |(all, any), b| {
        let class = LETTER_CLASS[usize::from(b)];
        (all & class, any | class)
    });
    (all & LETTER != 0).then_some(any & CAPITAL != 0)
}

/// A token with digits, hyphens or other characters than ASCII letters, being cut into
/// pieces pushed to `out`.
struct Cutter<'t, 'o> {
    text: &'t str,
    /// Document offset of the token's first byte.
    base: usize,
    token: usize,
    lowered: Option<&'t Lowered>,
    out: &'o mut Vec<Piece<'t>>,
}

impl<'t> Cutter<'t, '_> {
    /// Cuts the token at hyphens (dropped) and where digits turn to letters or back
    /// ("1.2m", "10-15", "14-year-old"); the first piece joins as `first_join`.
    fn cut(&mut self, first_join: Join) {
        let text = self.text;
        let mut join = first_join;
        // The piece being read: where it starts and its kind (none right after a hyphen).
        let mut start = 0;
        let mut current: Option<PieceKind> = None;
        for (i, c) in text.char_indices() {
            if is_hyphen(c) {
                if let Some(kind) = current.take() {
                    self.push(start, i, kind, join);
                }
                join = Join::Hyphen;
                start = i + c.len_utf8();
                continue;
            }
            let kind = kind_of(text, i, c, current);
            match current {
                None => {
                    start = i;
                    current = Some(kind);
                }
                Some(k) if k != kind && !(k == PieceKind::Digits && is_exponent(text, i)) => {
                    self.push(start, i, k, join);
                    join = Join::Attached;
                    start = i;
                    current = Some(kind);
                }
                _ => {}
            }
        }
        if let Some(kind) = current {
            self.push(start, text.len(), kind, join);
        }
    }

    /// Pushes the token's bytes `[from, to)` as a piece, unless empty.
    fn push(&mut self, from: usize, to: usize, kind: PieceKind, join: Join) {
        if let Some(part) = self.text.get(from..to) {
            if !part.is_empty() {
                let span = Span::new(self.base + from, self.base + to);
                let lower = lowercase(part, span, self.lowered);
                let piece = Piece::new(span, part, lower, kind, join, self.token);
                self.out.push(piece);
            }
        }
    }
}

/// The kind of piece that character `c` (at byte `i` of `text`) belongs to: digits, with the
/// separators inside a digit run ("5,000", "3.5") when it follows `current` digits, or
/// else a word.
fn kind_of(text: &str, i: usize, c: char, current: Option<PieceKind>) -> PieceKind {
    if c.is_ascii_digit() || (current == Some(PieceKind::Digits) && is_digit_joiner(text, i, c)) {
        PieceKind::Digits
    } else {
        PieceKind::Word
    }
}

/// `text` (at document bytes `span`) in lowercase, borrowed when it has no uppercase
/// letter and is ASCII, or from `lowered` when it is ASCII (non-ASCII text goes through
/// the full Unicode mapping).
fn lowercase<'t>(text: &'t str, span: Span, lowered: Option<&'t Lowered>) -> Cow<'t, str> {
    if !text.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return Cow::Borrowed(text);
    }
    let held = lowered.filter(|_| text.is_ascii());
    match held.and_then(|l| l.get(span.start(), span.end())) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(text.to_lowercase()),
    }
}

/// [`LETTER_CLASS`] bits: an ASCII letter, an ASCII capital.
const LETTER: u8 = 1;
const CAPITAL: u8 = 2;

/// The [`LETTER`] and [`CAPITAL`] bits of every byte.
const LETTER_CLASS: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_lowercase() {
            classes[b] = LETTER;
        } else if byte.is_ascii_uppercase() {
            classes[b] = LETTER | CAPITAL;
        }
        b += 1;
    }
    classes
};

/// [`lowercase`] of a capitalised ASCII word: from `lowered` when held.
fn ascii_lowercase<'t>(text: &'t str, span: Span, lowered: Option<&'t Lowered>) -> Cow<'t, str> {
    match lowered.and_then(|l| l.get(span.start(), span.end())) {
        Some(lower) => Cow::Borrowed(lower),
        None => Cow::Owned(text.to_ascii_lowercase()),
    }
}

/// A separator inside a digit run: "," "." "·" followed by a digit.
fn is_digit_joiner(text: &str, i: usize, c: char) -> bool {
    matches!(c, ',' | '.' | '·')
        && text
            .get(i + c.len_utf8()..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|n| n.is_ascii_digit())
}

/// "e" of an exponent inside digits ("1e10", "1.3e6", "12.32e+14" is split by the tokenizer).
fn is_exponent(text: &str, i: usize) -> bool {
    let rest = &text[i..]; // `i` is a character boundary of `text`
    let mut chars = rest.chars();
    match chars.next() {
        Some('e') | Some('E') => {}
        Some(d) if d.is_ascii_digit() => return false,
        _ => return false,
    }
    let tail: String = chars.collect();
    !tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(String, Join)> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        (0..doc.sentences.len())
            .flat_map(|s| of_sentence(&doc, s))
            .map(|p| (p.text.to_string(), p.join))
            .collect()
    }

    #[test]
    fn splits_numbers_from_suffixes_and_hyphens() {
        let p = pieces("£1.2m for a two-week 10-15% rise, 4th and 1990s.");
        let texts: Vec<&str> = p.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "£", "1.2", "m", "for", "a", "two", "week", "10", "15", "%", "rise", ",", "4",
                "th", "and", "1990", "s", "."
            ]
        );
        assert_eq!(p[1].1, Join::Attached);
        assert_eq!(p[2].1, Join::Attached);
        assert_eq!(p[6].1, Join::Hyphen);
        assert_eq!(p[8].1, Join::Hyphen);
    }

    #[test]
    fn lowercase_borrows_only_unchanged_text() {
        let lower = |t| lowercase(t, Span::new(0, 0), None);
        assert!(matches!(lower("sq km"), Cow::Borrowed("sq km")));
        assert_eq!(lower("Dollars"), "dollars");
        assert_eq!(lower("ÉTÉ"), "été");
        // Non-ASCII text always takes the Unicode mapping (the Kelvin sign is "k").
        assert_eq!(lower("\u{212A}"), "k");
    }

    #[test]
    fn lowered_sentences_give_the_same_pieces() {
        let text = "Intro. The Dollar ROSE 5% in ÉTÉ, \u{212A}m and Two-Thirds of US$ 20; OK.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        for s in 0..doc.sentences.len() {
            let lowered = Lowered::of(&doc, s);
            let fast = of_sentence_lowered(&doc, s, &lowered);
            let plain = of_sentence(&doc, s);
            let view = |ps: &[Piece]| -> Vec<(String, String)> {
                ps.iter()
                    .map(|p| (p.text.to_string(), p.lower().to_string()))
                    .collect()
            };
            assert_eq!(view(&fast), view(&plain));
        }
        let lowered = Lowered::of(&doc, 1);
        assert_eq!(lowered.get(7, 10), Some("the"));
        assert_eq!(lowered.get(3, 5), None);
    }

    #[test]
    fn keeps_exponents_whole() {
        let p = pieces("It is 1e10 now.");
        assert!(p.iter().any(|(t, _)| t == "1e10"));
    }
}
