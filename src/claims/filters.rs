//! Non-claims: numbers that are not quantities. Phone numbers, clock times, URLs, e-mail
//! addresses and dotted version or IP numbers are found with linear-time regexes over the
//! sentence text and masked; labels ("page 5", "Flight 8501"), names ("Windows 10",
//! "Highway 74", "COVID-19"), list markers ("1." at a paragraph start), footnote markers
//! ("[12]") and pronominal "one" ("one of the …", "to see one.") are judged from the
//! pieces around the numeral.

use std::sync::OnceLock;

use regex::Regex;

use super::kinds;
use super::lists::{self, FUNCTION_WORDS, LABELS};
use super::numbers::{Form, Numeral};
use super::pieces::{Join, Piece, PieceKind};
use crate::document::Span;

/// How a mask pattern spells its character classes and word boundaries.
struct Classes {
    /// Stand-alone: a digit, a space, a non-word and a non-space character, a boundary.
    digit: &'static str,
    space: &'static str,
    non_word: &'static str,
    non_space: &'static str,
    boundary: &'static str,
    /// Inside a bracketed class: digits, spaces, word characters.
    digits_in: &'static str,
    spaces_in: &'static str,
    words_in: &'static str,
}

/// Unicode classes: the masks as first written.
const UNICODE: Classes = Classes {
    digit: r"\d",
    space: r"\s",
    non_word: r"\W",
    non_space: r"\S",
    boundary: r"\b",
    digits_in: r"\d",
    spaces_in: r"\s",
    words_in: r"\w",
};

/// ASCII classes (those of `(?-u)`, spelled so a `&str` regex accepts them): the same
/// masks on text whose only non-ASCII characters are [`neutral`].
const ASCII: Classes = Classes {
    digit: "[0-9]",
    space: r"[\t\n\x0B\x0C\r ]",
    non_word: "[^0-9A-Za-z_]",
    non_space: r"[^\t\n\x0B\x0C\r ]",
    boundary: r"(?-u:\b)",
    digits_in: "0-9",
    spaces_in: r"\t\n\x0B\x0C\r ",
    words_in: "0-9A-Za-z_",
};

/// The mask pattern: phone numbers, clock times, URLs and e-mail addresses, dotted
/// version or IP numbers.
fn mask_pattern(c: &Classes) -> String {
    let (d, s, b) = (c.digit, c.space, c.boundary);
    let (ds, ss, ws) = (c.digits_in, c.spaces_in, c.words_in);
    let phone = format!(
        r"(?:\+{d}{{1,3}}[{ss}.\-]?)?(?:\({d}{{2,5}}\)[{ss}.\-]?|{d}{{2,5}}[{ss}.\-]){d}{{2,5}}[{ss}.\-]{d}{{3,5}}{b}"
    );
    let plus_phone = format!(r"\+{d}[{ds}{ss}.\-/]{{6,}}{d}");
    let time = format!(
        r"(?i){b}{d}{{1,2}}(?::{d}{{2}}){{1,2}}(?:{s}*[ap]\.?m{b}\.?)?|{b}{d}{{1,2}}(?:[.:]{d}{{2}})?{s}*[ap]\.?m\.?(?:{w}|$)",
        w = c.non_word
    );
    let url = format!(
        r"(?i){b}(?:https?://|www\.){n}+|{b}[{ws}.+\-]+@[{ws}\-]+\.[{ws}.\-]+",
        n = c.non_space
    );
    let dotted = format!(r"{b}{d}+\.{d}+\.{d}+(?:\.{d}+)*{b}");
    format!("{plus_phone}|{phone}|{time}|{url}|{dotted}")
}

/// The mask regex with Unicode classes. Compiling it takes tens of millions of
/// instructions (the Unicode classes are large automata): it is built only for the
/// rare sentence that needs it.
fn unicode_masks() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    // A constant pattern (the tests prove it compiles); if it ever did not, nothing
    // would be masked rather than the program stopping.
    RE.get_or_init(|| Regex::new(&mask_pattern(&UNICODE)).ok())
        .as_ref()
}

/// The mask regex with ASCII classes: cheap to build, and its word boundaries run on the
/// fast engines whatever the text.
fn ascii_masks() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&mask_pattern(&ASCII)).ok())
        .as_ref()
}

/// The regex to run over `text`: the ASCII one finds the same matches unless a
/// non-ASCII character could be a word character, a digit or a space.
fn masks_for(text: &str) -> Option<&'static Regex> {
    if non_ascii_chars(text).all(neutral) {
        ascii_masks()
    } else {
        unicode_masks()
    }
}

/// The non-ASCII characters of `text`, found by a byte search (decoding every character
/// of a sentence cost more than the regex search itself).
fn non_ascii_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let at = rest.bytes().position(|b| !b.is_ascii())?;
        let mut chars = rest.get(at..)?.chars();
        let c = chars.next()?;
        rest = chars.as_str();
        Some(c)
    })
}

/// Punctuation and symbols of news text that no mask class but "non-word" and
/// "non-space" matches (no letter, mark, digit, connector or space; no case variant of
/// an ASCII letter): quotation marks, dashes, bullets, primes, currency signs.
fn neutral(c: char) -> bool {
    matches!(c,
        '\u{A1}'..='\u{A9}' | '\u{AB}' | '\u{AC}' | '\u{AE}'..='\u{B1}' | '\u{B4}'
        | '\u{B6}'..='\u{B8}' | '\u{BB}' | '\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{203E}' | '\u{20A0}'..='\u{20C0}'
        | '\u{2122}')
}

/// Byte spans of `sentence_text` (starting at `base`) that hold no claims.
pub fn masked_spans(sentence_text: &str, base: usize) -> Vec<Span> {
    let bytes = ByteMarks::of(sentence_text.as_bytes());
    if !bytes.may_hold_mask(sentence_text) {
        return Vec::new();
    }
    // ASCII text takes the ASCII regex: no need to look for its non-ASCII characters.
    let re = if bytes.non_ascii {
        masks_for(sentence_text)
    } else {
        ascii_masks()
    };
    let Some(re) = re else {
        return Vec::new();
    };
    re.find_iter(sentence_text)
        .filter(|m| is_mask(m.as_str()))
        .map(|m| Span::new(base + m.start(), base + m.end()))
        .collect()
}

/// [`ByteMarks::may_hold_mask`] of `text`.
#[cfg(test)]
fn may_hold_mask(text: &str) -> bool {
    ByteMarks::of(text.as_bytes()).may_hold_mask(text)
}

/// Whether `text` holds "www." in any case: the three bytes before each period (periods
/// are found by a fast byte search; a window test at every byte was slower).
fn has_www(text: &str) -> bool {
    text.match_indices('.').any(|(at, _)| {
        at.checked_sub(3)
            .and_then(|from| text.as_bytes().get(from..at))
            .is_some_and(|w| w.eq_ignore_ascii_case(b"www"))
    })
}

/// The bytes of a text that [`may_hold_mask`] looks for, found in one pass.
#[derive(Debug, PartialEq)]
struct ByteMarks {
    digit_or_at: bool,
    non_ascii: bool,
    colon: bool,
    /// A "w" or "W".
    w: bool,
}

impl ByteMarks {
    /// What `bytes` holds.
    fn of(bytes: &[u8]) -> ByteMarks {
        let mut marks = ByteMarks {
            digit_or_at: false,
            non_ascii: false,
            colon: false,
            w: false,
        };
        for &byte in bytes {
            marks.digit_or_at |= byte.is_ascii_digit() || byte == b'@';
            marks.non_ascii |= !byte.is_ascii();
            marks.colon |= byte == b':';
            marks.w |= byte | 0x20 == b'w';
        }
        marks
    }

    /// Every mask holds a digit, an `@`, `://` or `www.`: sentences without any skip the
    /// regex, which (with Unicode word boundaries on non-ASCII text) runs on the slow
    /// engines and took a quarter of the whole pipeline's time.
    fn may_hold_mask(&self, text: &str) -> bool {
        // The ASCII numeric characters are the digits: decode chars only for other text.
        self.digit_or_at
            || (self.non_ascii && non_ascii_chars(text).any(|c| !neutral(c) && c.is_numeric()))
            || (self.colon && text.contains("://"))
            || (self.w && has_www(text))
    }
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
    let i = masks.partition_point(|m| m.end() <= span.start());
    masks.get(i).is_some_and(|m| m.overlaps(span))
}

/// The numeral and the pieces around it, as the rules of [`NOT_QUANTITIES`] see them.
struct Around<'p, 't> {
    pieces: &'p [Piece<'t>],
    n: &'p Numeral,
    first: &'p Piece<'t>,
    before: Option<&'p Piece<'t>>,
    after: Option<&'p Piece<'t>>,
    first_in_paragraph: bool,
}

impl Around<'_, '_> {
    /// The piece `k` places before the numeral.
    fn back(&self, k: usize) -> Option<&Piece<'_>> {
        self.n.first.checked_sub(k).and_then(|b| self.pieces.get(b))
    }

    /// One piece of digits or one word.
    fn single(&self) -> bool {
        self.n.end == self.n.first + 1
    }

    fn digits(&self) -> bool {
        self.first.kind == PieceKind::Digits
    }
}

/// The rules that make a numeral no quantity; any one suffices.
const NOT_QUANTITIES: [fn(&Around) -> bool; 13] = [
    inside_a_word,
    pronoun_one,
    clock_time_in_words,
    capitalised_number_word,
    enumeration_in_a_sentence,
    spelled_label,
    digit_label,
    footnote_marker,
    name_before_digits,
    list_marker,
    one_of_them,
    compound_modifier,
    phone_after_a_call,
];

/// The numeral is a label or part of a name, a list or footnote marker, or pronominal.
pub fn is_not_a_quantity(pieces: &[Piece], n: &Numeral, first_in_paragraph: bool) -> bool {
    let Some(first) = pieces.get(n.first) else {
        return true;
    };
    let around = Around {
        pieces,
        n,
        first,
        before: n.first.checked_sub(1).and_then(|b| pieces.get(b)),
        after: pieces.get(n.end),
        first_in_paragraph,
    };
    NOT_QUANTITIES.iter().any(|rule| rule(&around))
}

/// A number inside a word or code: "IE6", "M5S", "4chan", "high-five", "catch-22".
fn inside_a_word(a: &Around) -> bool {
    let word_before = a
        .before
        .is_some_and(|b| b.kind == PieceKind::Word && b.token == a.first.token);
    let letters_after = a.digits()
        && a.after.is_some_and(|after| {
            after.kind == PieceKind::Word
                && after.join == Join::Attached
                && after.token == a.first.token
                && !is_number_suffix(after)
        });
    word_before || letters_after
}

/// "ten o'clock".
fn clock_time_in_words(a: &Around) -> bool {
    a.after.is_some_and(|after| {
        let lower = after.lower();
        lower.starts_with("o’clock")
            || lower.starts_with("o'clock")
            || (lower == "o"
                && a.pieces
                    .get(a.n.end + 1)
                    .is_some_and(|c| c.lower().contains("clock")))
    })
}

/// A capitalised number word inside a sentence belongs to a title or name ("Seven
/// Nights", "Ground Zero"), unless a quotation mark, bracket or dash opens it.
fn capitalised_number_word(a: &Around) -> bool {
    a.first.kind == PieceKind::Word
        && a.first.is_capitalized()
        && a.n.first > 0
        && a.before
            .is_some_and(|b| !matches!(b.text, "“" | "\"" | "‘" | "(" | ":" | "—" | "–" | "-"))
}

/// "1) sacrifice …, or 2) …" and "(3)": an enumeration marker inside a sentence.
fn enumeration_in_a_sentence(a: &Around) -> bool {
    if !(a.digits() && a.single() && a.after.is_some_and(|after| after.is_punct(")"))) {
        return false;
    }
    let opened = a.before.is_some_and(|b| b.is_punct("("));
    let glued = a.after.is_some_and(|after| after.join == Join::Attached);
    (!opened && glued && a.n.value < 20.0) || (opened && a.n.value < 100.0)
}

/// "day five:", "chapter one of": a label spelled out, ending its phrase.
fn spelled_label(a: &Around) -> bool {
    a.first.kind == PieceKind::Word
        && a.before
            .is_some_and(|b| LABELS.contains(b.lower()) && !matches!(b.lower(), "no" | "number"))
        && a.after
            .is_none_or(|after| after.kind == PieceKind::Punct || after.lower() == "of")
}

/// "page 5", "No. 10", "posts 542 and 543", "rooms 4, 5 or 6".
fn digit_label(a: &Around) -> bool {
    if !a.digits() {
        return false;
    }
    let Some(b) = a.before else {
        return false;
    };
    let rank = super::kinds::rank_marker(a.pieces, a.n).is_some();
    let label = is_label(b) && b.kind != PieceKind::Digits && !rank;
    let abbreviated = b.is_punct(".") && a.back(2).is_some_and(is_label);
    label || abbreviated || listed_after_a_label(a)
}

/// A label word, singular or plural ("room", "posts").
fn is_label(p: &Piece) -> bool {
    let lower = p.lower();
    LABELS.contains(lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|singular| singular.len() > 2 && LABELS.contains(singular))
}

/// A number listed after a labelled one: "543" in "posts 542 and 543", "5" in "rooms 4,
/// 5" (but "room 101 and 50 people" counts people). Looks back over at most
/// [`MAX_LISTED_LABELS`] numbers.
fn listed_after_a_label(a: &Around) -> bool {
    let counts = a
        .after
        .is_some_and(|w| w.is_word() && !w.is_capitalized() && lists::looks_plural(w.lower()));
    if counts {
        return false;
    }
    let mut k = a.n.first;
    for _ in 0..MAX_LISTED_LABELS {
        let link = k.checked_sub(1).and_then(|b| a.pieces.get(b));
        if !link.is_some_and(|l| matches!(l.lower(), "and" | "," | "or" | "&")) {
            return false;
        }
        let Some(number) = k.checked_sub(2).filter(|&m| a.pieces[m].is_digits()) else {
            return false;
        };
        if number
            .checked_sub(1)
            .is_some_and(|l| is_label(&a.pieces[l]))
        {
            return true;
        }
        k = number;
    }
    false
}

/// How many numbers a list of labels ("posts 542, 543 and 544") is followed back over.
const MAX_LISTED_LABELS: usize = 4;

/// "[12]".
fn footnote_marker(a: &Around) -> bool {
    a.digits()
        && a.before.is_some_and(|b| b.is_punct("["))
        && a.after.is_some_and(|after| after.is_punct("]"))
}

/// "Windows 10", "Flight 8501", "COVID-19": a name before the digits, unless a unit or
/// currency follows ("the Japanese 5000 yen note").
fn name_before_digits(a: &Around) -> bool {
    let Some(b) = a.before.filter(|_| a.digits()) else {
        return false;
    };
    let measured = a.after.is_some_and(|after| {
        after.is_word()
            && (lists::unit(after.text).is_some() || lists::currency(after.text).is_some())
    });
    let spaced_name =
        is_name_word(b, opens_sentence(a.pieces, a.n.first - 1)) && a.first.join != Join::Attached;
    let hyphenated_name =
        b.kind == PieceKind::Word && a.first.join == Join::Hyphen && b.is_capitalized();
    let score = || kinds::is_score_after_name(a.pieces, a.n);
    (spaced_name && !measured && !score()) || hyphenated_name
}

/// "1." or "2)" opening a paragraph.
fn list_marker(a: &Around) -> bool {
    a.digits()
        && a.first_in_paragraph
        && a.n.first == 0
        && a.after.is_some_and(|after| {
            (after.is_punct(".") || after.is_punct(")")) && after.join == Join::Attached
        })
}

/// Pronominal "one": "one of the biggest", "one of Norton's", "he was one of four"; but
/// "one of two" and "only one of the 12 stations" count.
fn one_of_them(a: &Around) -> bool {
    if !(a.first.lower() == "one" && a.single()) {
        return false;
    }
    if a.after.is_none_or(|after| after.lower() != "of") {
        return false;
    }
    let restricted = a
        .before
        .is_some_and(|b| matches!(b.lower(), "only" | "just" | "exactly"));
    if restricted {
        return false;
    }
    let copula = a.before.is_some_and(|b| {
        matches!(
            b.lower(),
            "is" | "was" | "are" | "were" | "be" | "been" | "being"
        )
    });
    let numeral_follows = a
        .pieces
        .get(a.n.end + 1)
        .is_some_and(|det| det.is_digits() || det.number_word.is_some());
    copula || (a.pieces.get(a.n.end + 1).is_some() && !numeral_follows)
}

/// "the three-nation pact", "the two-party system": a number spelled out in a compound
/// that, after a definite determiner, names a kind of thing ("a 2,000-strong force",
/// "the two-year deal" and "the 131-page report" still count).
fn compound_modifier(a: &Around) -> bool {
    let definite = a
        .before
        .is_some_and(|b| matches!(b.lower(), "the" | "this" | "that" | "these" | "those"));
    let Some(noun) = a.after.filter(|w| w.join == Join::Hyphen && w.is_word()) else {
        return false;
    };
    let head_follows = a
        .pieces
        .get(a.n.end + 1)
        .is_some_and(|h| h.is_word() && h.join == Join::Space);
    let counted_noun = lists::unit(noun.text).is_none()
        && !matches!(noun.lower(), "strong" | "fold" | "odd" | "plus" | "old");
    let cardinal = a.n.form == Form::Cardinal;
    definite && cardinal && a.first.is_word() && a.single() && counted_noun && head_follows
}

/// Longest look back from a number for a verb of calling ("call … on 101").
const CALL_WINDOW: usize = 12;

/// "call Crimestoppers on 0800 555 111 or police on 101": digits after "on" with a verb
/// of calling before them in the sentence are a phone number.
fn phone_after_a_call(a: &Around) -> bool {
    let on = a.before.is_some_and(|b| b.lower() == "on");
    let plain = a.digits() && a.single() && a.first.text.bytes().all(|b| b.is_ascii_digit());
    let from = a.n.first.saturating_sub(CALL_WINDOW);
    on && plain
        && a.pieces[from..a.n.first].iter().any(|p| {
            matches!(
                p.lower(),
                "call" | "calling" | "phone" | "ring" | "dial" | "text" | "contact"
            )
        })
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

/// "One commuter, Ada Mensah, said", "One Rohingya, Muhammad Amin,": "one", a singular
/// noun, and a name in commas.
fn introduces_a_name(a: &Around) -> bool {
    let noun = a
        .after
        .is_some_and(|w| w.is_word() && !lists::looks_plural(w.lower()));
    let comma = a.pieces.get(a.n.end + 1).is_some_and(|c| c.is_punct(","));
    let name = a
        .pieces
        .get(a.n.end + 2)
        .is_some_and(|w| w.is_word() && w.is_capitalized());
    noun && comma && name
}

/// Words before a pronominal "one" ("a serious one", "the current one").
fn determines_one(word: &str) -> bool {
    matches!(
        word,
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
}

/// "one" standing for a noun ("a very serious one.", "the current one", "but one that",
/// "one wrote") or an indefinite ("One commuter, Ada Mensah, said").
fn pronoun_one(a: &Around) -> bool {
    if !(a.first.lower() == "one" && a.single()) {
        return false;
    }
    // "one that", "one wrote", and the generic "one must", "what one can do" (but "only
    // one could win" counts).
    let restricted = a
        .before
        .is_some_and(|b| matches!(b.lower(), "only" | "just" | "exactly"));
    let relative_or_cue = a.after.is_some_and(|after| {
        matches!(after.lower(), "that" | "which" | "who" | "whom" | "whose")
            || (after.is_word() && lists::is_cue(after.lower()))
            || (is_modal(after.lower()) && !restricted)
    });
    if relative_or_cue || introduces_a_name(a) {
        return true;
    }
    let ends_phrase = a.after.is_none_or(|after| after.kind == PieceKind::Punct);
    let determined = (1..=3).any(|k| a.back(k).is_some_and(|b| determines_one(b.lower())));
    ends_phrase && (determined || ends_clause_unbounded(a))
}

/// "see one.", "two missions in one.": "one" before the end of a clause (not a comma:
/// "one, two or three") with no word before it that makes it an amount ("only one.",
/// "at least one.", "cut to one.", "more than one.", "two or one.").
fn ends_clause_unbounded(a: &Around) -> bool {
    let closes = a
        .after
        .is_none_or(|p| matches!(p.text, "." | "!" | "?" | ";" | ":"));
    let amount_before = a.before.is_some_and(|b| {
        let l = b.lower();
        b.is_digits()
            || b.number_word.is_some()
            || lists::qualifier(l).is_some()
            || matches!(
                l,
                "only"
                    | "just"
                    | "exactly"
                    | "to"
                    | "than"
                    | "least"
                    | "most"
                    | "from"
                    | "or"
                    | "and"
                    | "number"
                    | "no"
                    | "by"
            )
    });
    closes && !amount_before
}

/// A modal verb ("must", "can"): after "one", the generic pronoun.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "must" | "can" | "cannot" | "could" | "should" | "would" | "might" | "may" | "shall"
    )
}

/// Most pieces that may stand before a sentence's first word: a list marker ("2."), an
/// opening quotation mark or bracket.
const MAX_LEAD_PIECES: usize = 3;

/// Whether piece `k` is the sentence's first word: only a few marks stand before it
/// ("“Police said …", "2. Fund 10,000 places").
fn opens_sentence(pieces: &[Piece], k: usize) -> bool {
    k <= MAX_LEAD_PIECES && pieces[..k].iter().all(|p| !p.is_word())
}

/// A capitalised word that with a following number makes a name ("Windows 10"): not a
/// function word, month, weekday, currency code, qualifier or unit.
fn is_name_word(p: &Piece, sentence_start: bool) -> bool {
    if p.kind != PieceKind::Word || !p.is_capitalized() {
        return false;
    }
    if FUNCTION_WORDS.contains(p.lower())
        || crate::calendar::calendar(p.lower()).is_some()
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
    fn patterns_compile() {
        assert!(unicode_masks().is_some());
        assert!(ascii_masks().is_some());
    }

    #[test]
    fn unicode_pattern_is_the_original() {
        let phone =
            r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,5}\)[\s.\-]?|\d{2,5}[\s.\-])\d{2,5}[\s.\-]\d{3,5}\b";
        let plus_phone = r"\+\d[\d\s.\-/]{6,}\d";
        let time = r"(?i)\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?(?:\W|$)";
        let url = r"(?i)\b(?:https?://|www\.)\S+|\b[\w.+\-]+@[\w\-]+\.[\w.\-]+";
        let dotted = r"\b\d+\.\d+\.\d+(?:\.\d+)*\b";
        assert_eq!(
            mask_pattern(&UNICODE),
            format!("{plus_phone}|{phone}|{time}|{url}|{dotted}")
        );
    }

    /// The masks of the Unicode regex, whatever the text.
    fn unicode_masked(text: &str) -> Vec<(usize, usize)> {
        let re = unicode_masks().unwrap_or_else(|| unreachable!());
        re.find_iter(text)
            .filter(|m| is_mask(m.as_str()))
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    #[test]
    fn ascii_masks_agree_with_unicode_ones() {
        let texts = [
            "Call 555-123-4567 today at 10:30 or 5 p.m. “sharp” – www.x.org/a – 1.2.3.",
            "Встреча в 10:30, телефон 555-123-4567, сайт www.пример.рф/5 и 1.2.3.4",
            "Café 10:30 à 5pm, José García 555 123 4567, é5:30, 5:30é, x@exämple.com 2",
            "Zürich’s 10:30 train, №5, «12:00», 3 pm… 555–123–4567 and 10\u{A0}pm",
            "Ｈｔｔｐ 12:30ſ https://ſite.org 1ſ5:30 \u{212A}10:30 ΣΑΣ 12:00",
            "٣٣:٣٣ and ١٢:٠٠ pm, 12:٣٠ and 1٢:30, ۱۲۳-۴۵۶-۷۸۹۰ 555-123-4567",
            "Мэр сказал, что 2,5 млн человек пришли к 9 утра; 07:45—08:15 — 1.2.3",
            "Die Stadt hat 1.234.567 Einwohner, Öffnungszeiten 9–17 Uhr, Tel. 030 1234 5678",
        ];
        for text in texts {
            let ours: Vec<(usize, usize)> = masked_spans(text, 0)
                .iter()
                .map(|s| (s.start(), s.end()))
                .collect();
            assert_eq!(ours, unicode_masked(text), "{text}");
        }
    }

    /// All matches of a regex (masks or not), as byte ranges.
    fn all_matches(re: Option<&Regex>, text: &str) -> Vec<(usize, usize)> {
        let re = re.unwrap_or_else(|| unreachable!());
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    #[test]
    fn both_regexes_match_alike_on_ascii_and_neutral_text() {
        // Random texts over the characters the patterns care about, ASCII and neutral.
        let pieces = [
            "0", "12", "5", "555", "2024", ":30", ":", ".", "-", "+", "(", ")", "/", "@", ",", " ",
            " ", "\t", "a", "p", "m", "PM", "a.m.", "h", "ttp", "s", "://", "www.", "x", "_", "’",
            "“", "”", "–", "—", "…", "•", "€", "£", "°", "½",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        let mut matched = 0;
        for _ in 0..3000 {
            let len = next(16);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let ascii = all_matches(ascii_masks(), &text);
            assert_eq!(ascii, all_matches(unicode_masks(), &text), "{text:?}");
            matched += usize::from(!ascii.is_empty());
        }
        assert!(matched > 300, "{matched} texts with matches");
        // Letters, digits or spaces beyond ASCII: the regexes differ, so such text keeps
        // the Unicode one ("é5:30" has no word boundary before the 5).
        let accented = "é5:30 and в10:30";
        assert_ne!(
            all_matches(ascii_masks(), accented),
            all_matches(unicode_masks(), accented)
        );
        assert_eq!(masked_spans(accented, 0), []);
    }

    #[test]
    fn byte_marks_agree_with_a_byte_loop() {
        let bytes = [
            b'a', b'W', b'w', b'0', b'9', b'@', b':', b' ', b'/', 0xC3, 0xA9, b'x',
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..5000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 40) as usize % 24;
            let text: Vec<u8> = (0..len)
                .map(|k| {
                    let pick = (seed >> (k % 50)) as usize + k * 7;
                    // Mostly plain letters, so that each mark is often absent.
                    if pick % 5 == 0 {
                        bytes[pick / 5 % bytes.len()]
                    } else {
                        b'q'
                    }
                })
                .collect();
            let slow = (
                text.iter().any(|b| b.is_ascii_digit() || *b == b'@'),
                text.iter().any(|b| !b.is_ascii()),
                text.contains(&b':'),
                text.iter().any(|b| b.eq_ignore_ascii_case(&b'w')),
            );
            assert_eq!(marks_of(&text), slow, "{text:?}");
        }
    }

    fn marks_of(bytes: &[u8]) -> (bool, bool, bool, bool) {
        let m = ByteMarks::of(bytes);
        (m.digit_or_at, m.non_ascii, m.colon, m.w)
    }

    #[test]
    fn byte_marks_and_non_ascii_chars() {
        let marks = |t: &str| marks_of(t.as_bytes());
        assert_eq!(marks("a@b"), (true, false, false, false));
        assert_eq!(
            marks(&format!("{}5", "x".repeat(70))),
            (true, false, false, false)
        );
        assert_eq!(marks("“Www”: ok"), (false, true, true, true));
        assert_eq!(marks(""), (false, false, false, false));
        assert_eq!(non_ascii_chars("a “b” ٣ c").collect::<String>(), "“”٣");
        assert!(
            may_hold_mask("٣ apples") && may_hold_mask("see WWW.x") && may_hold_mask("ftp://x")
        );
        assert!(!may_hold_mask("www x: “no” ww.") && !may_hold_mask(""));
    }

    #[test]
    fn only_neutral_text_takes_the_ascii_masks() {
        let ascii = ascii_masks().map(|r| r as *const Regex);
        let takes_ascii = |t: &str| masks_for(t).map(|r| r as *const Regex) == ascii;
        assert!(takes_ascii("At 10:30 “sharp” – £5 … 3°"));
        for text in [
            "café 10:30",
            "в 10:30",
            "10\u{A0}pm",
            "\u{212A}5",
            "1ſ",
            "a\u{203F}b",
        ] {
            assert!(!takes_ascii(text), "{text}");
        }
        for c in ['\u{A1}', '’', '—', '€', '™', '•', '…', '″'] {
            assert!(!c.is_alphanumeric() && !c.is_whitespace(), "{c}");
        }
        // `may_hold_mask` skips the numeric test for them.
        for c in ('\u{80}'..='\u{2200}').filter(|&c| neutral(c)) {
            assert!(!c.is_numeric(), "{c}");
        }
    }

    fn masked(text: &str) -> Vec<&str> {
        masked_spans(text, 0)
            .iter()
            .map(|s| &text[s.start()..s.end()])
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
