//! Screening: a cheap test that rules out sentences with nothing to read. Most sentences
//! hold no numeral and no date word, and the test spares them being cut into pieces and
//! tried by the number grammar at every piece. A claim needs one of: an ASCII
//! digit, a number word that may open a numeral (see
//! [`lists::may_start_number_words`]), a vulgar fraction ("½"), a capitalised month or
//! weekday name, or "a"/"an" before a unit ("under an hour"); a sentence with none of
//! them gives no claim, so skipping it changes no output. The test reads the sentence's bytes once, then each word (split at hyphens as
//! [`super::pieces`] splits a token without digits).

use std::sync::OnceLock;

use super::kinds;
use super::lists::{self, Shapes};
use super::numbers;
use crate::calendar;
use crate::document::{Document, Span, Token, TokenKind};
use crate::lexicon::with_lowercase;

/// Whether sentence `s` may hold a claim (false means it certainly holds none).
pub fn may_hold_claims(doc: &Document, s: usize) -> bool {
    let sentence = &doc.sentences[s];
    // The sentence's span covers its tokens: one scan of its text finds a digit in any
    // of them, and where the hyphens and other non-ASCII text are.
    let bytes = SentenceBytes::of(doc.slice(sentence.span), sentence.span.start());
    if bytes.digit {
        return true;
    }
    let shapes = screen_shapes();
    let tokens = &doc.tokens[sentence.tokens()]; // a sentence's tokens are the document's
    let mut specials = bytes.specials();
    let all = doc.text.as_bytes();
    let listed = tokens.iter().any(|token| {
        // Punctuation only starts a numeral before digits ("-5", ".08", "$5").
        if !matches!(token.kind, TokenKind::Word | TokenKind::Number) {
            return false;
        }
        let span = token.span();
        let plain = match specials.as_mut() {
            Some(specials) => !specials.any_within(span),
            None => is_plain(doc.slice(span)),
        };
        if plain {
            // The bytes of a plain token are its text: no need to slice it as a `str`.
            let bytes = &all[span.start()..span.end()];
            shapes.may_be_listed(bytes) && ascii_part_may_be_read(shapes, doc.slice(span))
        } else {
            split_word_may_hold_numeral(shapes, doc.slice(span))
        }
    });
    listed || a_unit(doc, tokens)
}

/// Whether "a" or "an" stands before a unit ("under an hour", "more than a year",
/// "an hour-long wait" split at its hyphen as [`super::pieces`] splits it): one of those
/// may be a claim.
fn a_unit(doc: &Document, tokens: &[Token]) -> bool {
    tokens.windows(2).any(|pair| {
        let a = doc.slice(pair[0].span());
        let next = doc.slice(pair[1].span());
        let first_part = next.split(['-', '‐']).next().unwrap_or(next);
        (a.eq_ignore_ascii_case("a") || a.eq_ignore_ascii_case("an"))
            && lists::unit(first_part).is_some()
    })
}

/// Most hyphens and non-ASCII characters a sentence may hold for [`SentenceBytes`] to
/// list where they are (beyond, each token is scanned).
const MAX_SPECIALS: usize = 32;

/// What one pass over a sentence's bytes tells the screen.
struct SentenceBytes {
    /// An ASCII digit.
    digit: bool,
    /// Offsets in the document of the hyphens and of the first bytes of non-ASCII
    /// characters, ascending; `None` when there are more than [`MAX_SPECIALS`].
    specials: Option<([usize; MAX_SPECIALS], usize)>,
}

impl SentenceBytes {
    /// Reads `text`, which starts at byte `base` of the document.
    fn of(text: &str, base: usize) -> SentenceBytes {
        let mut facts = SentenceBytes {
            digit: false,
            specials: Some(([0; MAX_SPECIALS], 0)),
        };
        // A hyphen, or the first byte of a non-ASCII character (0b11xx_xxxx).
        let special = |b: u8| b == b'-' || b >= 0xC0;
        // Blocks of bytes tested without branches (the compiler vectorizes the folds);
        // only a block holding a special byte is read byte by byte.
        for (block, bytes) in text.as_bytes().chunks(16).enumerate() {
            facts.digit |= bytes.iter().fold(false, |any, b| any | b.is_ascii_digit());
            if !bytes.iter().fold(false, |any, &b| any | special(b)) {
                continue;
            }
            for (at, &byte) in (base + block * 16..).zip(bytes) {
                if special(byte) {
                    facts.push_special(at);
                }
            }
        }
        facts
    }

    fn push_special(&mut self, offset: usize) {
        if let Some((list, len)) = self.specials.as_mut() {
            match list.get_mut(*len) {
                Some(slot) => {
                    *slot = offset;
                    *len += 1;
                }
                None => self.specials = None,
            }
        }
    }

    /// The hyphens and non-ASCII characters, to ask token by token; `None` when there
    /// were too many to list.
    fn specials(&self) -> Option<Specials<'_>> {
        let (list, len) = self.specials.as_ref()?;
        Some(Specials {
            offsets: list.get(..*len).expect("`len` counts the listed offsets"),
        })
    }
}

/// The listed hyphens and non-ASCII characters not yet passed.
struct Specials<'a> {
    offsets: &'a [usize],
}

impl Specials<'_> {
    /// Whether one lies within `span`; spans must be asked in text order.
    fn any_within(&mut self, span: Span) -> bool {
        while let Some((&first, rest)) = self.offsets.split_first() {
            if first >= span.start() {
                return first < span.end();
            }
            self.offsets = rest;
        }
        false
    }
}

/// The letter number of each byte for [`Openings`]: 1 to 26 for an ASCII letter in any
/// case, 0 for any other byte.
const LETTERS: [u8; 256] = {
    let mut letters = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        if byte.is_ascii_alphabetic() {
            letters[b] = (byte | 0x20) - b'a' + 1;
        }
        b += 1;
    }
    letters
};

/// The openings of a list of lowercase words: for the first two letters (ASCII letters
/// folded to lowercase; any other byte, or none, counts as 0), the lengths in bytes the
/// words opening so have. A word of plain text whose opening and length are not there is
/// not in the list in any case. One bit test rules out nearly every word of running text.
struct Openings {
    /// Bit `len` (at most 63) of `lengths[first * 27 + second]`.
    lengths: [u64; 27 * 27],
}

impl Openings {
    /// The openings of `words`, for words as written (`exact`) or with any endings after
    /// their second byte (every length then counts: "august's", "jan.").
    fn of<'w>(words: impl Iterator<Item = &'w str>, exact: bool) -> Openings {
        let mut lengths = [0u64; 27 * 27];
        for word in words {
            let (cell, len) = Openings::key(word.as_bytes());
            if let Some(cell) = lengths.get_mut(cell) {
                *cell |= if exact { 1 << len } else { u64::MAX };
            }
        }
        Openings { lengths }
    }

    /// The table cell and length bit of a word.
    #[inline]
    fn key(bytes: &[u8]) -> (usize, usize) {
        let letter = |b: Option<&u8>| usize::from(LETTERS[usize::from(b.copied().unwrap_or(0))]);
        (
            letter(bytes.first()) * 27 + letter(bytes.get(1)),
            bytes.len().min(63),
        )
    }

    /// False when no word of the list opens as `word` does with its length.
    #[inline]
    fn may_open(&self, word: &str) -> bool {
        let (cell, len) = Openings::key(word.as_bytes());
        self.lengths
            .get(cell)
            .is_some_and(|lengths| lengths >> len & 1 == 1)
    }
}

/// ASCII only, without a hyphen: a word that is one piece. A plain loop: tokens are short,
/// and this runs for most words of most sentences.
fn is_plain(text: &str) -> bool {
    text.bytes().all(|b| b != b'-' && b < 0x80)
}

/// A word (without digits) with a hyphen or other non-ASCII text: a hyphen-separated
/// part that may be read.
fn split_word_may_hold_numeral(shapes: &ScreenShapes, text: &str) -> bool {
    text.split(['-', '‐'])
        .filter(|part| !part.is_empty())
        .any(|part| {
            if part.is_ascii() {
                ascii_part_may_be_read(shapes, part)
            } else {
                opens_like_a_list_word(shapes, part) && part_may_be_read(part)
            }
        })
}

/// The shapes of the words the screen looks for.
struct ScreenShapes {
    numbers: Shapes,
    calendar: Shapes,
    /// The openings of the number words, and of the calendar words with their endings.
    number_openings: Openings,
    calendar_openings: Openings,
    /// The openings of both lists, with any endings (for words not all ASCII).
    any_openings: Openings,
}

impl ScreenShapes {
    /// False when the plain (ASCII, unhyphenated) word `text` certainly is no number word
    /// and no capitalised calendar word: the first test of every such word.
    #[inline]
    fn may_be_listed(&self, text: &[u8]) -> bool {
        let (cell, len) = Openings::key(text);
        let number = self
            .number_openings
            .lengths
            .get(cell)
            .map_or(0, |l| l >> len);
        let calendar = self
            .calendar_openings
            .lengths
            .get(cell)
            .map_or(0, |l| l >> len);
        let capitalized = text.first().is_some_and(u8::is_ascii_uppercase);
        number & 1 == 1 || (capitalized && calendar & 1 == 1)
    }
}

fn screen_shapes() -> &'static ScreenShapes {
    static SHAPES: OnceLock<ScreenShapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let numbers = lists::number_word_starts().iter().map(String::as_str);
        ScreenShapes {
            numbers: Shapes::of(numbers.clone()),
            calendar: Shapes::of(calendar::names()),
            number_openings: Openings::of(numbers.clone(), true),
            calendar_openings: Openings::of(calendar::names(), false),
            any_openings: Openings::of(numbers.chain(calendar::names()), false),
        }
    })
}

/// [`part_may_be_read`] for an ASCII part, which is no vulgar fraction: first the shape
/// test, which rules out most words without hashing them.
fn ascii_part_may_be_read(shapes: &ScreenShapes, part: &str) -> bool {
    let Some(&first) = part.as_bytes().first() else {
        return false;
    };
    // The cheapest test first: it rules out nearly every word.
    let number = shapes.number_openings.may_open(part);
    let calendar = first.is_ascii_uppercase() && shapes.calendar_openings.may_open(part);
    if !number && !calendar {
        return false;
    }
    if number
        && shapes.numbers.may_hold(part)
        && with_lowercase(part, lists::may_start_number_words)
    {
        return true;
    }
    // Calendar words count only capitalised, and may end in "'s" or ".".
    calendar
        && shapes
            .calendar
            .may_hold(kinds::trim_suffix(part, "'s").trim_end_matches('.'))
        && with_lowercase(part, |lower| kinds::calendar_word(lower).is_some())
}

/// False when a part that is not all ASCII certainly lowercases to no list word (with
/// endings): when its first two bytes are ASCII, they are the first two of its lowercase
/// ("Putin’s", "it’s"), and must open a list word. (A vulgar fraction is one non-ASCII
/// character: it always passes.)
fn opens_like_a_list_word(shapes: &ScreenShapes, part: &str) -> bool {
    match part.as_bytes() {
        [first, second, ..] if first.is_ascii() && second.is_ascii() => {
            shapes.any_openings.may_open(part)
        }
        _ => true,
    }
}

/// One piece of a token without digits: a number word, a vulgar fraction or a date word
/// (calendar words count only capitalised, as [`kinds::calendar_date`] reads them).
fn part_may_be_read(part: &str) -> bool {
    let capitalized = part.chars().next().is_some_and(char::is_uppercase);
    numbers::vulgar(part).is_some()
        || (may_lower_to_ascii_word(part)
            && with_lowercase_chars(part, |lower| {
                lists::may_start_number_words(lower)
                    || (capitalized && kinds::calendar_word(lower).is_some())
            }))
}

/// False when the lowercase of `part` certainly is no ASCII word with possessive or
/// period endings ("august’s", "jan."), the only form the number and calendar lists
/// (all ASCII) can match: a character before those endings that lowercases to something
/// not ASCII ("don’t", "café") rules it out without building the lowercase text.
fn may_lower_to_ascii_word(part: &str) -> bool {
    part.trim_end_matches(['’', '\'', 's', 'S', '.'])
        .chars()
        .all(|c| c.is_ascii() || c.to_lowercase().all(|l| l.is_ascii()))
}

/// Longest lowercase text [`with_lowercase_chars`] builds on the stack.
const STACK_LOWER: usize = 64;

/// Calls `f` with `word.to_lowercase()`, built on the stack when short: that mapping is
/// per character except for the final-sigma rule, so text with a "Σ" (and long text)
/// takes `to_lowercase` itself.
fn with_lowercase_chars<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; STACK_LOWER];
    let mut len = 0;
    for c in word.chars() {
        if c == 'Σ' {
            return f(&word.to_lowercase());
        }
        for lower in c.to_lowercase() {
            let Some(dest) = buf.get_mut(len..len + lower.len_utf8()) else {
                return f(&word.to_lowercase());
            };
            len += lower.encode_utf8(dest).len();
        }
    }
    match std::str::from_utf8(
        buf.get(..len)
            .expect("`len` counts the bytes written to `buf`"),
    ) {
        Ok(lower) => f(lower),
        Err(_) => f(&word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Claim;

    #[test]
    fn openings_rule_out_only_words_that_open_otherwise() {
        let exact = Openings::of(["two", "twelve", "x"].into_iter(), true);
        for word in ["two", "Two", "TWELVE", "twx", "x", "X"] {
            assert!(exact.may_open(word), "{word}");
        }
        for word in ["the", "tw", "twos", "xy", "", "a", "ta", "_"] {
            assert!(!exact.may_open(word), "{word}");
        }
        let endings = Openings::of(["august"].into_iter(), false);
        assert!(endings.may_open("August's") && endings.may_open("AU") && endings.may_open("aux"));
        assert!(!endings.may_open("at") && !endings.may_open("a"));
        // Every word the screen looks for passes its test, in any case.
        let shapes = screen_shapes();
        for word in lists::number_word_starts() {
            for w in [word.to_string(), word.to_uppercase()] {
                assert!(shapes.number_openings.may_open(&w), "{w}");
            }
        }
        for word in calendar::names() {
            for w in [word.to_uppercase(), format!("{}'s", word.to_uppercase())] {
                assert!(shapes.calendar_openings.may_open(&w), "{w}");
            }
        }
        assert!(!shapes.number_openings.may_open("the"));
        let listed = |w: &str| shapes.may_be_listed(w.as_bytes());
        assert!(listed("Two") && listed("three") && listed("Thursday's") && listed("Jan."));
        assert!(!listed("monday") && !listed("the") && !listed(""));
        for part in ["August’s", "AUGUST’S", "Thirds’", "½", "é", "Ⅻ", "two’"] {
            assert!(opens_like_a_list_word(shapes, part), "{part}");
        }
        for part in ["Putin’s", "it’s", "you’re", "ab’c"] {
            assert!(!opens_like_a_list_word(shapes, part), "{part}");
        }
        assert!(!shapes.number_openings.may_open("said"));
    }

    #[test]
    fn stack_lowercase_is_to_lowercase() {
        let long = "É".repeat(40);
        for word in [
            "",
            "abc",
            "ABC",
            "Août",
            "ÉTÉ",
            "МАРТ",
            "\u{212A}m",
            "İstanbul",
            "ΣΑΣ",
            "ΌΣΟΣ",
            "August’s",
            "ǅ",
            &long,
        ] {
            assert_eq!(
                with_lowercase_chars(word, str::to_string),
                word.to_lowercase()
            );
        }
    }

    #[test]
    fn only_words_lowering_to_ascii_may_be_list_words() {
        for part in [
            "August’s",
            "AUGUST’S",
            "Jan.",
            "\u{212A}ilo",
            "Two’s",
            "ten’",
        ] {
            assert!(may_lower_to_ascii_word(part), "{part}");
        }
        for part in ["don’t", "café", "Zürich", "МАРТ", "ÉTÉ’s"] {
            assert!(!may_lower_to_ascii_word(part), "{part}");
        }
        // The lists it stands for hold ASCII words only.
        assert!(lists::number_word_starts().iter().all(|w| w.is_ascii()));
        assert!(calendar::names().all(|w| w.is_ascii()));
    }

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
    fn sentence_bytes_find_digits_hyphens_and_other_text() {
        let facts = |t: &str| {
            let f = SentenceBytes::of(t, 100);
            let specials = f.specials.map(|(list, len)| list[..len].to_vec());
            (f.digit, specials)
        };
        assert_eq!(facts("x9"), (true, Some(vec![])));
        let long = format!("{}7{}", "a".repeat(40), "b".repeat(40));
        assert_eq!(facts(&long), (true, Some(vec![])));
        assert_eq!(facts(&"no digits here".repeat(5)), (false, Some(vec![])));
        assert_eq!(facts("two-thirds"), (false, Some(vec![103])));
        // Lead bytes only: "½" is two bytes, "٣" (not an ASCII digit) two more.
        assert_eq!(facts("½ and ٣"), (false, Some(vec![100, 107])));
        assert_eq!(facts("a–b-c’d"), (false, Some(vec![101, 105, 107])));
        assert_eq!(facts(""), (false, Some(vec![])));
        for (c, digit) in [
            ('0', true),
            ('9', true),
            ('/', false),
            (':', false),
            ('A', false),
        ] {
            for at in 0..12 {
                let text = format!("{}{c}{}", "x".repeat(at), "é".repeat(3));
                assert_eq!(facts(&text).0, digit, "{text}");
            }
        }
        // Too many to list.
        assert_eq!(facts(&"a-".repeat(40)), (false, None));
        let mut specials = Specials {
            offsets: &[3, 9, 20],
        };
        assert!(!specials.any_within(Span::new(0, 3)));
        assert!(specials.any_within(Span::new(3, 5)));
        assert!(!specials.any_within(Span::new(5, 9)));
        assert!(specials.any_within(Span::new(8, 10)));
        assert!(!specials.any_within(Span::new(21, 30)));
    }

    /// The claims of every sentence, screened (as `claims::run` reads them) and not.
    fn with_and_without_screen(text: &str) -> (Vec<Claim>, Vec<Claim>) {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        let (mut screened, mut all) = (Vec::new(), Vec::new());
        for s in 0..doc.sentences.len() {
            if may_hold_claims(&doc, s) {
                super::super::extract::sentence_claims(&doc, s, &mut screened, &mut Vec::new());
            }
            super::super::extract::sentence_claims(&doc, s, &mut all, &mut Vec::new());
        }
        (screened, all)
    }

    /// Words the screen looks at closely: number words in any case and with hyphens,
    /// possessives and periods, months and weekdays, vulgar fractions, digits in other
    /// scripts, non-ASCII letters, "a"/"an" before a unit, and ordinary words.
    const SCREEN_WORDS: &[&str] = &[
        "under an hour",
        "more than a year",
        "nearly",
        "year",
        "two",
        "Two",
        "TWO",
        "twenty-one",
        "Two-Thirds",
        "thirds",
        "halves",
        "Half-hearted",
        "half",
        "a",
        "an",
        "dozen",
        "Dozens",
        "thousands",
        "tens",
        "point",
        "nought",
        "first",
        "k",
        "bn",
        "m",
        "May",
        "may",
        "MARCH",
        "August’s",
        "Jan.",
        "Thursday's",
        "friday",
        "½",
        "2½",
        "٣",
        "Ⅻ",
        "café",
        "Zürich",
        "ΣΑΣ",
        "k-pop",
        "one",
        "One",
        "minus",
        "the",
        "said",
        "of",
        "in",
        "5",
        "1,000",
        "-",
        "’",
        "\u{212A}m",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn the_screen_never_drops_a_claim(
            words in proptest::collection::vec(proptest::sample::select(SCREEN_WORDS.to_vec()), 0..30),
            glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", "-", ". ", ", ", "\n\n"]), 30),
        ) {
            let text: String = words
                .iter()
                .zip(glue.iter().cycle())
                .flat_map(|(w, g)| [*w, *g])
                .collect();
            let (screened, all) = with_and_without_screen(&text);
            proptest::prop_assert_eq!(screened, all, "{:?}", text);
        }

        #[test]
        fn the_screen_never_drops_a_claim_on_any_text(text in "\\PC{0,120}") {
            let (screened, all) = with_and_without_screen(&text);
            proptest::prop_assert_eq!(screened, all, "{:?}", text);
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
            super::super::extract::sentence_claims(&doc, s, &mut claims, &mut Vec::new());
            if may_hold_claims(&doc, s) {
                kept += 1;
            } else {
                assert!(claims.is_empty(), "sentence {s}: {claims:?}");
            }
        }
        assert!(kept > 0 && kept < doc.sentences.len());
    }
}
