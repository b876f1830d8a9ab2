//! Non-claims: numbers that are not quantities. Phone numbers, clock times, URLs, e-mail
//! addresses and dotted version or IP numbers are found with linear-time regexes over the
//! sentence text and masked; labels ("page 5", "Flight 8501"), names ("Windows 10",
//! "Highway 74", "COVID-19"), list markers ("1." at a paragraph start), footnote markers
//! ("[12]") and pronominal "one" ("one of the …") are judged from the pieces around the
//! numeral.

use std::sync::OnceLock;

use regex::Regex;

use super::lists::{self, FUNCTION_WORDS, LABELS};
use super::numbers::Numeral;
use super::pieces::{Join, Piece, PieceKind};
use crate::document::Span;

fn masks() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let phone = r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?|\d{2,5}[\s.\-])\d{2,5}[\s.\-]\d{3,5}\b";
        let plus_phone = r"\+\d[\d\s.\-/]{6,}\d";
        let time = r"(?i)\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?(?:\W|$)";
        let url = r"(?i)\b(?:https?://|www\.)\S+|\b[\w.+\-]+@[\w\-]+\.[\w.\-]+";
        let dotted = r"\b\d+\.\d+\.\d+(?:\.\d+)*\b";
        // A constant pattern (the tests prove it compiles); if it ever did not, nothing
        // would be masked rather than the program stopping.
        Regex::new(&format!("{plus_phone}|{phone}|{time}|{url}|{dotted}")).ok()
    })
    .as_ref()
}

/// Byte spans of `sentence_text` (starting at `base`) that hold no claims.
pub fn masked_spans(sentence_text: &str, base: usize) -> Vec<Span> {
    if !may_hold_mask(sentence_text) {
        return Vec::new();
    }
    let Some(re) = masks() else {
        return Vec::new();
    };
    re.find_iter(sentence_text)
        .filter(|m| is_mask(m.as_str()))
        .map(|m| Span::new(base + m.start(), base + m.end()))
        .collect()
}

/// Every mask holds a digit, an `@`, `://` or `www.`: sentences without any skip the
/// regex, which (with Unicode word boundaries on non-ASCII text) runs on the slow engines
/// and took a quarter of the whole pipeline's time.
fn may_hold_mask(text: &str) -> bool {
    // The ASCII numeric characters are the digits: decode chars only for other text.
    text.bytes().any(|b| b.is_ascii_digit() || b == b'@')
        || (!text.is_ascii() && text.chars().any(char::is_numeric))
        || text.contains("://")
        || text
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."))
}

/// Phone-like matches need enough digits; "10-15" or "2 – 1" are not phone numbers.
fn is_mask(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let has_letters = text.chars().any(char::is_alphabetic);
    let has_colon = text.contains(':');
    let dots = text.matches('.').count();
    has_letters || has_colon || dots >= 2 || digits >= 7
}

/// True when any mask overlaps `span`.
pub fn is_masked(masks: &[Span], span: Span) -> bool {
    // Masks come from one left-to-right regex scan: sorted and disjoint.
    let i = masks.partition_point(|m| m.end <= span.start);
    masks.get(i).is_some_and(|m| m.overlaps(span))
}

/// The numeral is a label or part of a name, a list or footnote marker, or pronominal.
pub fn is_not_a_quantity(pieces: &[Piece], n: &Numeral, first_in_paragraph: bool) -> bool {
    let first = match pieces.get(n.first) {
        Some(p) => p,
        None => return true,
    };
    let before = n.first.checked_sub(1).and_then(|b| pieces.get(b));
    let after = pieces.get(n.end);
    // A number inside a word or code: "IE6", "M5S", "4chan", "high-five", "catch-22".
    if before.is_some_and(|b| b.kind == PieceKind::Word && b.token == first.token) {
        return true;
    }
    if first.kind == PieceKind::Digits
        && after.is_some_and(|a| {
            a.kind == PieceKind::Word
                && a.join == Join::Attached
                && a.token == first.token
                && !is_number_suffix(a)
        })
    {
        return true;
    }
    if is_pronoun_one(pieces, n) {
        return true;
    }
    // "ten o'clock"
    if after.is_some_and(|a| {
        a.lower().starts_with("o’clock")
            || a.lower().starts_with("o'clock")
            || (a.lower() == "o"
                && pieces
                    .get(n.end + 1)
                    .is_some_and(|c| c.lower().contains("clock")))
    }) {
        return true;
    }
    // A capitalised number word inside a sentence belongs to a title or name ("Seven
    // Nights", "Ground Zero").
    if first.kind == PieceKind::Word
        && first.is_capitalized()
        && n.first > 0
        && before.is_some_and(|b| {
            !b.is_punct("\u{201c}")
                && !matches!(b.text, "“" | "\"" | "‘" | "(" | ":" | "—" | "–" | "-")
        })
    {
        return true;
    }
    // "1) sacrifice …, or 2) …": an enumeration inside a sentence.
    if first.kind == PieceKind::Digits
        && n.end == n.first + 1
        && n.value < 20.0
        && after.is_some_and(|a| a.is_punct(")") && a.join == Join::Attached)
        && !before.is_some_and(|b| b.is_punct("("))
    {
        return true;
    }
    // "day five:", "chapter one of": a label spelled out, ending its phrase.
    if first.kind == PieceKind::Word
        && before
            .is_some_and(|b| LABELS.contains(b.lower()) && !matches!(b.lower(), "no" | "number"))
        && after.is_none_or(|a| a.kind == PieceKind::Punct || a.lower() == "of")
    {
        return true;
    }
    if first.kind == PieceKind::Digits {
        if let Some(b) = before {
            // "page 5", "No. 10", "#3"
            if LABELS.contains(b.lower()) && b.kind != PieceKind::Digits {
                return true;
            }
            if b.is_punct(".")
                && n.first >= 2
                && pieces
                    .get(n.first - 2)
                    .is_some_and(|w| LABELS.contains(w.lower()))
            {
                return true;
            }
            // "#3" is a rank, kept by the caller.
            // "[12]" footnotes
            if b.is_punct("[") && after.is_some_and(|a| a.is_punct("]")) {
                return true;
            }
            // "Windows 10", "Flight 8501", "COVID-19": a name before the number.
            let measured = after.is_some_and(|a| {
                a.is_word() && (lists::unit(a.text).is_some() || lists::currency(a.text).is_some())
            });
            if is_name_word(b, n.first - 1 == 0) && first.join != Join::Attached && !measured {
                return true;
            }
            if b.kind == PieceKind::Word && first.join == Join::Hyphen && b.is_capitalized() {
                return true;
            }
        }
        // "1." or "2)" opening a paragraph: a list marker.
        if first_in_paragraph
            && n.first == 0
            && after
                .is_some_and(|a| (a.is_punct(".") || a.is_punct(")")) && a.join == Join::Attached)
        {
            return true;
        }
        // "(3)" inside a sentence: an enumeration marker.
        if before.is_some_and(|b| b.is_punct("("))
            && after.is_some_and(|a| a.is_punct(")"))
            && n.end == n.first + 1
            && n.value < 100.0
        {
            return true;
        }
    }
    // Pronominal "one": "one of the biggest", "one of them".
    if first.lower() == "one" && n.end == n.first + 1 {
        if let (Some(of), Some(det)) = (after, pieces.get(n.end + 1)) {
            // "one of the biggest", "one of Norton's", but not "one of two".
            let numeral_follows = det.is_digits() || det.number_word.is_some();
            if of.lower() == "of" && !numeral_follows {
                return true;
            }
        }
    }
    false
}

/// Letters that may be glued to digits in a quantity: units, currencies, scale
/// abbreviations, ordinal and decade suffixes ("10km", "115USD", "10k", "4th", "1990s").
fn is_number_suffix(p: &Piece) -> bool {
    lists::unit(p.text).is_some()
        || lists::currency(p.text).is_some()
        || lists::number_word(p.text).is_some()
        || p.number_word.is_some()
        || matches!(p.lower(), "st" | "nd" | "rd" | "th" | "s" | "am" | "pm")
        || lists::unit(p.lower()).is_some()
}

/// "one" standing for a noun: "a very serious one.", "the current one", "but one that".
fn is_pronoun_one(pieces: &[Piece], n: &Numeral) -> bool {
    let Some(first) = pieces.get(n.first) else {
        return false;
    };
    if first.lower() != "one" || n.end != n.first + 1 {
        return false;
    }
    let after = pieces.get(n.end);
    if after.is_some_and(|a| matches!(a.lower(), "that" | "which" | "who" | "whom" | "whose")) {
        return true;
    }
    let ends_phrase = after.is_none_or(|a| a.kind == PieceKind::Punct);
    let determined = (1..=3).any(|k| {
        n.first
            .checked_sub(k)
            .and_then(|b| pieces.get(b))
            .is_some_and(|b| {
                matches!(
                    b.lower(),
                    "a" | "an"
                        | "the"
                        | "this"
                        | "that"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                )
            })
    });
    ends_phrase && determined
}

/// A capitalised word that with a following number makes a name ("Windows 10"): not a
/// function word, month, weekday, currency code, qualifier or unit.
fn is_name_word(p: &Piece, sentence_start: bool) -> bool {
    if p.kind != PieceKind::Word || !p.is_capitalized() {
        return false;
    }
    if FUNCTION_WORDS.contains(p.lower())
        || lists::calendar(p.lower()).is_some()
        || lists::currency(p.text).is_some()
        || lists::qualifier(p.lower()).is_some()
        || lists::unit(p.text).is_some()
        || p.number_word.is_some()
        || lists::is_cue(p.lower())
    {
        return false;
    }
    // A capitalised first word is usually just capitalised ("Police said 5 …"), unless
    // it is a label-like name word; keep such sentences' numbers.
    !sentence_start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_compiles() {
        assert!(masks().is_some());
    }

    fn masked(text: &str) -> Vec<&str> {
        masked_spans(text, 0)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn masks_phones_times_urls() {
        assert_eq!(masked("Call 555-123-4567 today."), ["555-123-4567"]);
        assert_eq!(masked("Call +1 202 555 0100 now"), ["+1 202 555 0100"]);
        assert_eq!(
            masked("We met at 10:30 and left at 5 p.m. sharp"),
            ["10:30", "5 p.m. "]
        );
        assert_eq!(
            masked("See https://x.org/a/2024/5 for more"),
            ["https://x.org/a/2024/5"]
        );
        assert_eq!(masked("version 1.2.3 is out"), ["1.2.3"]);
    }

    #[test]
    fn leaves_ranges_and_scores() {
        assert!(masked("between 10-15 people, a 2-1 win, 1990-2000").is_empty());
    }
}
