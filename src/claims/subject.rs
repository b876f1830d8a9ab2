//! The subject of a claim: the noun phrase that says what is counted ("drones" in
//! "thousands of drones", "Ukrainian territory" in "5,000 sq km of Ukrainian territory",
//! "leaders" in "the two leaders"). Without a parser, the phrase is the run of content
//! words right after the number (or after its "of"), ending at a function word,
//! punctuation, a number, or after the first plural noun; at most `MAX_WORDS` words. A
//! claim ending in "times" (a multiplier or a number of occurrences) has none.

use super::lists::{is_cue, looks_plural, FUNCTION_WORDS};
use super::pieces::{Join, Piece};
use crate::document::{ClaimKind, Span};

const MAX_WORDS: usize = 4;

/// Words that may stand between "of" and the noun phrase.
fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// The subject of a claim of kind `kind` whose pieces end before piece `next`.
pub fn after(pieces: &[Piece], next: usize, kind: ClaimKind) -> Option<Span> {
    let first = pieces.get(next)?;
    let last = next.checked_sub(1).and_then(|l| pieces.get(l));
    if last.is_some_and(|l| l.text == "times") {
        // "three times the average", "arrested three times last year": a multiplier or a
        // number of occurrences; the words after it count nothing.
        return None;
    }
    let mut start = next;
    if first.lower() == "of" {
        start += 1;
        if pieces.get(start).is_some_and(|p| is_determiner(p.lower())) {
            start += 1;
        }
    } else if !matches!(kind, ClaimKind::Count | ClaimKind::Ratio) {
        // Measures name their subject only with "of" ("5,000 sq km of territory").
        return None;
    }
    noun_phrase(pieces, start)
}

fn noun_phrase(pieces: &[Piece], start: usize) -> Option<Span> {
    let mut words = 0;
    let mut end: Option<usize> = None;
    let mut k = start;
    while let Some(p) = pieces.get(k) {
        if k - start > 32 {
            break; // a long hyphen chain is no noun phrase
        }
        let glued = p.join == Join::Hyphen && end.is_some();
        if !glued {
            if !p.is_word()
                || words >= MAX_WORDS
                || FUNCTION_WORDS.contains(p.lower())
                || is_cue(p.lower())
                || p.lower().ends_with("ly")
            {
                break;
            }
            words += 1;
        }
        end = Some(k);
        k += 1;
        let plural = looks_plural(p.lower());
        let next_glued = pieces.get(k).is_some_and(|n| n.join == Join::Hyphen);
        if plural && !next_glued {
            break;
        }
    }
    let last = pieces.get(end?)?;
    Some(Span::new(pieces.get(start)?.span.start(), last.span.end()))
}
