//! Sentence boundaries inside each paragraph, from the tokens.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotation marks and brackets
//! that follow) when the next token can start a sentence; periods after abbreviations
//! (`data/abbreviations.txt`), initials and list numbers do not end one. Sentences never
//! cross a paragraph.

use crate::document::{Document, Sentence, Span, Token, TokenKind};
use crate::lexicon::WordSet;

static ABBREVIATIONS: WordSet = WordSet::caseless(include_str!("../../data/abbreviations.txt"));

/// Fills `doc.sentences` and each paragraph's sentence range.
pub fn split(doc: &mut Document) {
    let mut sentences = Vec::new();
    let mut first_token = 0;
    for (p_index, paragraph) in doc.paragraphs.iter_mut().enumerate() {
        let end_token = first_token
            + doc.tokens[first_token..].partition_point(|t| t.span.start < paragraph.span.end);
        let first_sentence = sentences.len();
        split_paragraph(
            doc.text,
            &doc.tokens,
            first_token..end_token,
            p_index,
            &mut sentences,
        );
        paragraph.sentences = first_sentence..sentences.len();
        first_token = end_token;
    }
    doc.sentences = sentences;
}

fn split_paragraph(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        let t = tokens[i];
        let s = slice(text, t.span);
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            // Absorb following terminal punctuation, closing quotes and brackets.
            let mut end = i + 1;
            while end < range.end {
                let n = slice(text, tokens[end].span);
                let closing = matches!(n, "." | "!" | "?" | "…" | ")" | "]")
                    || (tokens[end].kind == TokenKind::QuoteMark
                        && is_closing(text, tokens[end].span));
                if !closing || tokens[end].span.start != tokens[end - 1].span.end {
                    break;
                }
                end += 1;
            }
            if end >= range.end
                || (ends_sentence(text, tokens, start, i) && starts_sentence(text, tokens[end]))
            {
                push(out, tokens, start, end, paragraph);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < range.end {
        push(out, tokens, start, range.end, paragraph);
    }
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], from: usize, to: usize, paragraph: usize) {
    let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
    out.push(Sentence {
        span,
        paragraph,
        tokens: from..to,
    });
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// A quote mark closes when it follows a non-space character.
fn is_closing(text: &str, span: Span) -> bool {
    text.get(..span.start)
        .and_then(|before| before.chars().last())
        .is_some_and(|c| !c.is_whitespace())
}

/// Whether the terminal punctuation at token `at` really ends the sentence begun at
/// `start`, judging by the word before it.
fn ends_sentence(text: &str, tokens: &[Token], start: usize, at: usize) -> bool {
    let mark = slice(text, tokens[at].span);
    if mark != "." || at == 0 || at == start {
        return mark != "." || at != start;
    }
    let prev = tokens[at - 1];
    if prev.span.end != tokens[at].span.start {
        return true;
    }
    let word = slice(text, prev.span);
    if prev.kind == TokenKind::Word {
        if ABBREVIATIONS.contains(word) {
            return false;
        }
        // A single capital letter is an initial ("J. D. Salinger").
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return false;
            }
        }
    }
    // A list number at the start of a sentence ("1. Buy milk").
    if prev.kind == TokenKind::Number && at - 1 == start {
        return false;
    }
    true
}

fn starts_sentence(text: &str, token: Token) -> bool {
    let s = slice(text, token.span);
    match s.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || token.kind == TokenKind::QuoteMark
                || matches!(c, '(' | '[' | '¿' | '¡' | '-' | '—')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    fn sentences(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        super::super::run(&mut doc);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn splits_after_closing_quote() {
        assert_eq!(
            sentences("Trump said “stop the war immediately.” He left."),
            ["Trump said “stop the war immediately.”", "He left."]
        );
    }

    #[test]
    fn quotation_with_two_sentences_is_two_sentences() {
        assert_eq!(
            sentences("“We want this. Putin doesn’t want it,” he said."),
            ["“We want this.", "Putin doesn’t want it,” he said."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith met J. D. Vance in the U.S. on Jan. 5. They talked."),
            [
                "Mr. Smith met J. D. Vance in the U.S. on Jan. 5.",
                "They talked."
            ]
        );
    }
}
