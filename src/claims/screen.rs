//! Screening: a cheap test that rules out sentences with nothing to read. Most sentences
//! hold no numeral and no date word, yet cutting them into pieces and trying the number
//! grammar at every piece was most of the stage's time. A claim needs one of: an ASCII
//! digit, a number word that may open a numeral (see
//! [`lists::may_start_number_words`]), a vulgar fraction ("½"), or a capitalised month or
//! weekday name; a sentence with none of them gives no claim, so skipping it changes no
//! output. The test reads each token once, split at hyphens as [`super::pieces`] splits
//! a token without digits.

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
    doc.tokens[sentence.tokens.clone()].iter().any(|token| {
        // Punctuation only starts a numeral before digits ("-5", ".08", "$5").
        matches!(token.kind, TokenKind::Word | TokenKind::Number)
            && token_may_hold_numeral(doc.slice(token.span()))
    })
}

/// A word or number token with a digit, or with a hyphen-separated part that may be read.
fn token_may_hold_numeral(text: &str) -> bool {
    // One pass over the bytes: a digit decides; plain ASCII words without a hyphen
    // (nearly all tokens) are one part.
    let mut plain = true;
    for &b in text.as_bytes() {
        if b.is_ascii_digit() {
            return true;
        }
        plain &= b != b'-' && b.is_ascii();
    }
    if plain {
        return !text.is_empty() && ascii_part_may_be_read(text);
    }
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

/// [`part_may_be_read`] for an ASCII part, which is no vulgar fraction: first the shape
/// test, which rules out most words without hashing them.
fn ascii_part_may_be_read(part: &str) -> bool {
    static NUMBER_WORDS: OnceLock<Shapes> = OnceLock::new();
    static CALENDAR_WORDS: OnceLock<Shapes> = OnceLock::new();
    let numbers = NUMBER_WORDS
        .get_or_init(|| Shapes::of(lists::number_word_starts().iter().map(String::as_str)));
    if numbers.may_hold(part) && with_lowercase(part, lists::may_start_number_words) {
        return true;
    }
    // Calendar words count only capitalised, and may end in "'s" or ".".
    let capitalized = part.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    let calendar = CALENDAR_WORDS.get_or_init(|| Shapes::of(lists::calendar_names()));
    capitalized
        && calendar.may_hold(kinds::trim_suffix(part, "'s").trim_end_matches('.'))
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
