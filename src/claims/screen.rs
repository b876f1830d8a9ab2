//! Screening: a cheap test that rules out sentences with nothing to read. Most sentences
//! hold no numeral and no date word, yet cutting them into pieces and trying the number
//! grammar at every piece was most of the stage's time. A claim needs one of: an ASCII
//! digit, a number word that may open a numeral (see
//! [`lists::may_start_number_words`]), a vulgar fraction ("½"), or a capitalised month or
//! weekday name; a sentence with none of them gives no claim, so skipping it changes no
//! output. The test reads the sentence's bytes once, then each word (split at hyphens as
//! [`super::pieces`] splits a token without digits).

use std::sync::OnceLock;

use super::kinds;
use super::lists::{self, Shapes};
use super::numbers;
use crate::document::{Document, TokenKind};
use crate::lexicon::with_lowercase;

/// Whether sentence `s` may hold a claim (false means it certainly holds none).
pub fn may_hold_claims(doc: &Document, s: usize) -> bool {
    let Some(sentence) = doc.sentences.get(s) else {
        return false;
    };
    // The sentence's span covers its tokens: one scan of its text finds a digit in any
    // of them, and tells whether every token is plain ASCII without a hyphen.
    let bytes = ByteFacts::of(doc.slice(sentence.span));
    if bytes.digit {
        return true;
    }
    let tokens = doc.tokens.get(sentence.tokens.clone()).unwrap_or(&[]);
    tokens.iter().any(|token| {
        // Punctuation only starts a numeral before digits ("-5", ".08", "$5").
        if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
            return false;
        }
        let text = doc.slice(token.span());
        if bytes.plain || ByteFacts::of(text).plain {
            !text.is_empty() && ascii_part_may_be_read(text)
        } else {
            split_word_may_hold_numeral(text)
        }
    })
}

/// What one pass over a text tells the screen.
struct ByteFacts {
    /// An ASCII digit.
    digit: bool,
    /// ASCII only, without a hyphen: a word of such text is one piece.
    plain: bool,
}

impl ByteFacts {
    fn of(text: &str) -> ByteFacts {
        // Whole chunks are folded into byte masks without an early exit, which compiles
        // to vector code: this runs over every sentence.
        let (mut digits, mut other) = (0u8, 0u8);
        let mut chunks = text.as_bytes().chunks_exact(32);
        for chunk in &mut chunks {
            let (d, o) = ByteFacts::fold(chunk);
            (digits, other) = (digits | d, other | o);
            if digits != 0 {
                break;
            }
        }
        let (d, o) = ByteFacts::fold(chunks.remainder());
        ByteFacts {
            digit: digits | d != 0,
            plain: other | o == 0,
        }
    }

    /// Non-zero masks for an ASCII digit, and for a hyphen or a non-ASCII byte.
    fn fold(bytes: &[u8]) -> (u8, u8) {
        bytes.iter().fold((0, 0), |(digits, other), &b| {
            let digit = u8::from(b.wrapping_sub(b'0') < 10);
            (digits | digit, other | u8::from(b == b'-') | (b & 0x80))
        })
    }
}

/// A word (without digits) with a hyphen or other non-ASCII text: a hyphen-separated
/// part that may be read.
fn split_word_may_hold_numeral(text: &str) -> bool {
    text.split(['-', '‐'])
        .filter(|part| !part.is_empty())
        .any(|part| {
            if part.is_ascii() {
                ascii_part_may_be_read(part)
            } else {
                part_may_be_read(part)
            }
        })
}

/// The shapes of the words the screen looks for.
struct ScreenShapes {
    numbers: Shapes,
    calendar: Shapes,
}

fn screen_shapes() -> &'static ScreenShapes {
    static SHAPES: OnceLock<ScreenShapes> = OnceLock::new();
    SHAPES.get_or_init(|| ScreenShapes {
        numbers: Shapes::of(lists::number_word_starts().iter().map(String::as_str)),
        calendar: Shapes::of(lists::calendar_names()),
    })
}

/// [`part_may_be_read`] for an ASCII part, which is no vulgar fraction: first the shape
/// test, which rules out most words without hashing them.
fn ascii_part_may_be_read(part: &str) -> bool {
    let shapes = screen_shapes();
    if shapes.numbers.may_hold(part) && with_lowercase(part, lists::may_start_number_words) {
        return true;
    }
    // Calendar words count only capitalised, and may end in "'s" or ".".
    let capitalized = part.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    capitalized
        && shapes
            .calendar
            .may_hold(kinds::trim_suffix(part, "'s").trim_end_matches('.'))
        && with_lowercase(part, |lower| kinds::calendar_word(lower).is_some())
}

/// One piece of a token without digits: a number word, a vulgar fraction or a date word
/// (calendar words count only capitalised, as [`kinds::calendar_date`] reads them).
fn part_may_be_read(part: &str) -> bool {
    let capitalized = part.chars().next().is_some_and(char::is_uppercase);
    numbers::vulgar(part).is_some()
        || with_lowercase(part, |lower| {
            lists::may_start_number_words(lower)
                || (capitalized && kinds::calendar_word(lower).is_some())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screened(text: &str) -> Vec<bool> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        (0..doc.sentences.len())
            .map(|s| may_hold_claims(&doc, s))
            .collect()
    }

    #[test]
    fn keeps_sentences_with_digits_number_words_and_dates() {
        for text in [
            "It cost 5 dollars.",
            "Dozens of people came.",
            "A third of voters stayed home.",
            "Two-thirds agreed.",
            "They met on Thursday.",
            "He left in August’s heat.",
            "Thousands marched.",
            "It grew by half.",
            "The first visit.",
            "A ½ share.",
            "Fifty-two died.",
            "Costs rose by three quarters.",
        ] {
            assert_eq!(screened(text), [true], "{text}");
        }
    }

    #[test]
    fn skips_sentences_without_any() {
        for text in [
            "The minister said nothing.",
            "It may rain, she said.",
            "Mr K left the room.",
            "He is at the Met.",
        ] {
            assert_eq!(screened(text), [false], "{text}");
        }
    }

    #[test]
    fn byte_facts_find_digits_hyphens_and_other_text() {
        let facts = |t: &str| {
            let f = ByteFacts::of(t);
            (f.digit, f.plain)
        };
        assert_eq!(facts("x9"), (true, true));
        let long = format!("{}7{}", "a".repeat(40), "b".repeat(40));
        assert_eq!(facts(&long), (true, true));
        assert_eq!(facts(&"no digits here".repeat(5)), (false, true));
        assert_eq!(facts("two-thirds"), (false, false));
        assert_eq!(facts("½ and ٣"), (false, false));
        assert_eq!(facts(""), (false, true));
    }

    #[test]
    fn screened_out_sentences_give_no_claims() {
        let text = "The minister said nothing. Many people came in May. He bought a m of \
                    cloth. One wonders. The one she liked. A k-pop star. Half-hearted, he \
                    left on Friday. A third went. Nobody knew the day.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        let mut kept = 0;
        for s in 0..doc.sentences.len() {
            let mut claims = Vec::new();
            super::super::extract::sentence_claims(&doc, s, &mut claims);
            if may_hold_claims(&doc, s) {
                kept += 1;
            } else {
                assert!(claims.is_empty(), "sentence {s}: {claims:?}");
            }
        }
        assert!(kept > 0 && kept < doc.sentences.len());
    }
}
