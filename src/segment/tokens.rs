//! Tokenizer: words, numbers, quotation marks and other punctuation, as byte spans.
//! Tokens never cross a paragraph. Apostrophes between letters stay inside their word
//! ("don’t", "O'Brien"), so later stages see them as part of it.

use crate::document::{Paragraph, Span, Token, TokenKind};

/// Characters that may open or close a quotation (or be an apostrophe).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '„'
            | '‚'
            | '「'
            | '」'
            | '‟'
            | '‛'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenizes each paragraph of `text`.
pub fn tokenize(text: &str, paragraphs: &[Paragraph]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    for p in paragraphs {
        let body = text.get(p.span.start..p.span.end).unwrap_or("");
        tokenize_into(body, p.span.start, &mut tokens);
    }
    tokens
}

/// Tokenizes `body`, whose first byte is at `base` in the document.
pub fn tokenize_into(body: &str, base: usize, tokens: &mut Vec<Token>) {
    let mut chars = body.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut has_letter = c.is_alphabetic();
            let mut digits_first = c.is_ascii_digit();
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphanumeric() || is_combining(d) {
                    has_letter |= d.is_alphabetic();
                    end = i + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner joiners are kept only when another alphanumeric follows them:
                // "don’t", "5,000", "3.5", "U.S", "Shin-Wook".
                let joiner = is_apostrophe(d) || matches!(d, '-' | '‐' | '.' | ',' | '·');
                if !joiner {
                    break;
                }
                let next = body[i + d.len_utf8()..].chars().next();
                let keep = match next {
                    Some(n) if n.is_alphanumeric() => match d {
                        ',' => digits_first && n.is_ascii_digit(),
                        '.' => {
                            (digits_first && n.is_ascii_digit())
                                || (!digits_first
                                    && n.is_alphabetic()
                                    && is_initialism(body, start, i))
                        }
                        _ => true,
                    },
                    _ => false,
                };
                if !keep {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            if digits_first && has_letter {
                // "1990s", "4th", "2,000-strong": still a number for later stages.
                digits_first = true;
            }
            let kind = if digits_first {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                span: Span::new(base + start, base + end),
                kind,
            });
        } else {
            let end = start + c.len_utf8();
            let kind = if is_quote_mark(c) {
                TokenKind::QuoteMark
            } else {
                TokenKind::Punct
            };
            tokens.push(Token {
                span: Span::new(base + start, base + end),
                kind,
            });
        }
    }
}

/// True when the word so far (`body[start..dot]`) is a run of single letters joined by
/// periods ("U", "U.S"), so the period at `dot` belongs to an initialism.
fn is_initialism(body: &str, start: usize, dot: usize) -> bool {
    body.get(start..dot)
        .map(|w| w.split('.').all(|part| part.chars().count() == 1))
        .unwrap_or(false)
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize_into(text, 0, &mut tokens);
        tokens
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn keeps_inner_apostrophes_and_numbers() {
        assert_eq!(
            words("“We don’t,” said O'Brien: 5,000 sq km, 3.5 years."),
            [
                "“", "We", "don’t", ",", "”", "said", "O'Brien", ":", "5,000", "sq", "km", ",",
                "3.5", "years", "."
            ]
        );
    }

    #[test]
    fn initialisms_and_hyphens() {
        assert_eq!(
            words("the U.S. and Kim Shin-Wook"),
            ["the", "U.S", ".", "and", "Kim", "Shin-Wook"]
        );
    }

    #[test]
    fn trailing_apostrophe_is_its_own_token() {
        assert_eq!(
            words("the ‘worked’ one"),
            ["the", "‘", "worked", "’", "one"]
        );
    }
}
