//! Pieces: the tokens of one sentence, cut finer for number reading. A token such as
//! "1.2m", "4th", "10-15", "two-week" or "14-year-old" holds several parts that the number
//! grammar must see one by one, so each word or number token is split at inner hyphens and
//! at the switch from digits to letters. Every piece remembers how it joins the piece
//! before it (a space, a hyphen, or nothing), so "10-15" and "10 - 15" stay distinguishable.
//! Relies on `segment`'s tokens only; never re-reads the text outside a token.

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
    /// Lowercase text, for list look-ups.
    pub lower: String,
    pub kind: PieceKind,
    pub join: Join,
    /// The document token the piece comes from.
    pub token: usize,
}

impl Piece<'_> {
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
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The pieces of sentence `sentence`, in text order.
pub fn of_sentence<'t>(doc: &Document<'t>, sentence: usize) -> Vec<Piece<'t>> {
    let mut pieces = Vec::new();
    let Some(s) = doc.sentences.get(sentence) else {
        return pieces;
    };
    let mut prev_end: Option<usize> = None;
    for index in s.tokens.clone() {
        let Some(token) = doc.tokens.get(index) else {
            break;
        };
        let text = doc.slice(token.span());
        let join = match prev_end {
            Some(end) if end == token.span().start => Join::Attached,
            _ => Join::Space,
        };
        match token.kind {
            TokenKind::Word | TokenKind::Number => {
                split_token(text, token.span().start, index, join, &mut pieces)
            }
            TokenKind::QuoteMark | TokenKind::Punct => pieces.push(Piece {
                span: token.span(),
                text,
                lower: text.to_string(),
                kind: PieceKind::Punct,
                join,
                token: index,
            }),
        }
        prev_end = Some(token.span().end);
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
    out: &mut Vec<Piece<'t>>,
) {
    let mut join = first_join;
    let mut start = 0;
    let mut current: Option<PieceKind> = None;
    let push = |out: &mut Vec<Piece<'t>>, from: usize, to: usize, kind: PieceKind, join: Join| {
        if let Some(part) = text.get(from..to) {
            if !part.is_empty() {
                out.push(Piece {
                    span: Span::new(base + from, base + to),
                    text: part,
                    lower: part.to_lowercase(),
                    kind,
                    join,
                    token,
                });
            }
        }
    };
    for (i, c) in text.char_indices() {
        if is_hyphen(c) {
            if let Some(kind) = current.take() {
                push(out, start, i, kind, join);
            }
            join = Join::Hyphen;
            start = i + c.len_utf8();
            continue;
        }
        let kind = if c.is_ascii_digit()
            || (current == Some(PieceKind::Digits) && is_digit_joiner(text, i, c))
        {
            PieceKind::Digits
        } else {
            PieceKind::Word
        };
        match current {
            None => {
                start = i;
                current = Some(kind);
            }
            Some(k) if k != kind && !(k == PieceKind::Digits && is_exponent(text, i)) => {
                push(out, start, i, k, join);
                join = Join::Attached;
                start = i;
                current = Some(kind);
            }
            _ => {}
        }
    }
    if let Some(kind) = current {
        push(out, start, text.len(), kind, join);
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
    let rest = text.get(i..).unwrap_or("");
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
    fn keeps_exponents_whole() {
        let p = pieces("It is 1e10 now.");
        assert!(p.iter().any(|(t, _)| t == "1e10"));
    }
}
