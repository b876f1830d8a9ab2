//! The claim word lists of `data/`, parsed once into maps: number words, units,
//! currencies, qualifiers, reporting cues, label words and function words.
//! Each file's format is in its `#` header; malformed lines are skipped, never fatal.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::document::{ClaimKind, Qualifier};
use crate::lexicon::{entries, with_lowercase, FixedHash, WordSet};

const NUMBER_WORDS: &str = include_str!("../../data/number_words.txt");
const UNITS: &str = include_str!("../../data/units.txt");
const CURRENCIES: &str = include_str!("../../data/currencies.txt");
const QUALIFIERS: &str = include_str!("../../data/qualifiers.txt");

const CUE_WORDS: &str = include_str!("../../data/claim_cues.txt");

pub static CUES: WordSet = WordSet::caseless(CUE_WORDS);
pub static LABELS: WordSet = WordSet::caseless(include_str!("../../data/claim_labels.txt"));
pub static FUNCTION_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/claim_function_words.txt"));
static IRREGULAR_PLURALS: WordSet =
    WordSet::caseless(include_str!("../../data/irregular_plurals.txt"));
pub static YEAR_REFERENCE_NOUNS: WordSet =
    WordSet::caseless(include_str!("../../data/year_reference_nouns.txt"));
pub static SCORE_WORDS: WordSet = WordSet::caseless(include_str!("../../data/score_words.txt"));
pub static COMPARISONS: WordSet =
    WordSet::caseless(include_str!("../../data/claim_comparisons.txt"));
pub static EST_WORDS: WordSet = WordSet::caseless(include_str!("../../data/claim_est_words.txt"));
pub static TALLY_NOUNS: WordSet =
    WordSet::caseless(include_str!("../../data/claim_tally_nouns.txt"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Unit,
    Ten,
    Hundred,
    Scale,
    Ordinal,
    OrdinalTen,
    OrdinalScale,
    Fraction,
    Dozen,
    Vague,
    /// A scale abbreviation glued to digits ("10k", "2bn").
    Abbrev,
    /// An abbreviation that means a scale only with money ("£1.2m"), else a unit ("5m").
    MoneyAbbrev,
    /// "twice", "thrice": a ratio before a comparison ("twice the average").
    Multiplier,
}

#[derive(Debug, Clone, Copy)]
pub struct NumberWord {
    pub value: f64,
    pub class: WordClass,
}

fn fields(line: &str) -> Vec<&str> {
    line.split('|').map(str::trim).collect()
}

/// Number words by exact spelling (abbreviations are case-sensitive; words are stored
/// lowercase and looked up lowercase by the caller).
pub fn number_word(word: &str) -> Option<NumberWord> {
    number_words().get(word).copied()
}

/// The number-word map, built once (FNV-hashed: it is looked up for most pieces).
fn number_words() -> &'static ShapedMap<NumberWord> {
    static MAP: OnceLock<ShapedMap<NumberWord>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(NUMBER_WORDS)
            .filter_map(|line| {
                let f = fields(line);
                let value: f64 = f.get(1)?.parse().ok()?;
                let class = match *f.get(2)? {
                    "unit" => WordClass::Unit,
                    "ten" => WordClass::Ten,
                    "hundred" => WordClass::Hundred,
                    "scale" => WordClass::Scale,
                    "ordinal" => WordClass::Ordinal,
                    "ordinal_ten" => WordClass::OrdinalTen,
                    "ordinal_scale" => WordClass::OrdinalScale,
                    "fraction" => WordClass::Fraction,
                    "dozen" => WordClass::Dozen,
                    "vague" => WordClass::Vague,
                    "abbrev" => WordClass::Abbrev,
                    "money_abbrev" => WordClass::MoneyAbbrev,
                    "multiplier" => WordClass::Multiplier,
                    _ => return None,
                };
                Some((*f.first()?, NumberWord { value, class }))
            })
            .collect()
    })
}

/// Whether the lowercase word `lower` may begin a numeral written in words, or follow "a"
/// in one ("a third", "a dozen"): a number word other than a scale abbreviation ("k",
/// "bn" only count after digits), its plural (denominators: "thirds", "quarters"), or
/// "halves". A sentence with no such word and no digit holds no numeral.
pub fn may_start_number_words(lower: &str) -> bool {
    number_word_starts().contains(lower)
}

/// The words of [`may_start_number_words`], all lowercase ASCII.
pub fn number_word_starts() -> &'static HashSet<String, FixedHash> {
    static SET: OnceLock<HashSet<String, FixedHash>> = OnceLock::new();
    SET.get_or_init(|| {
        let words = number_words()
            .iter()
            .filter(|(_, nw)| !matches!(nw.class, WordClass::Abbrev | WordClass::MoneyAbbrev))
            .map(|(w, _)| w);
        words
            .flat_map(|w| [w.to_string(), format!("{w}s")])
            .chain(["halves".to_string()])
            .collect()
    })
}

/// The shapes of a word list: for its first, second and last byte (ASCII letters folded
/// to lowercase), the lengths in bytes that occur with each byte value. A word whose shape
/// is not there is not in the list, nor (for a lowercase list) is its lowercase form if the
/// word is ASCII. The test costs a few loads where a set look-up hashes the word, and rules
/// out most words of running text ("the" is no "ten": no word of three has "h" second).
pub struct Shapes {
    /// `lengths[k][b]` bit `n`: a word of `n` bytes (`n` < 64) whose byte at position `k`
    /// (first, second, last; the second of a one-byte word is 0) folds to `b`.
    lengths: [[u64; 256]; 3],
    /// The list holds a word of 64 bytes or more.
    long: bool,
    /// The list holds the empty word.
    empty: bool,
}

impl Shapes {
    pub fn of<'w>(words: impl Iterator<Item = &'w str>) -> Shapes {
        let mut shapes = Shapes {
            lengths: [[0; 256]; 3],
            long: false,
            empty: false,
        };
        for word in words {
            match Shapes::features(word) {
                None if word.is_empty() => shapes.empty = true,
                None => shapes.long = true,
                Some(slots) => {
                    for (table, slot) in shapes.lengths.iter_mut().zip(slots) {
                        table[slot] |= 1 << word.len();
                    }
                }
            }
        }
        shapes
    }

    /// The folded first, second and last byte of a word of 1 to 63 bytes.
    fn features(word: &str) -> Option<[usize; 3]> {
        let bytes = word.as_bytes();
        let (&first, &last) = (bytes.first()?, bytes.last()?);
        if bytes.len() >= 64 {
            return None;
        }
        let second = bytes.get(1).copied().unwrap_or(0);
        Some([first, second, last].map(|b| usize::from(b.to_ascii_lowercase())))
    }

    /// False when no word of the list (nor, for ASCII words, a case variant of one) has
    /// `len` bytes starting with `first` and ending with `last`: the test of
    /// [`Shapes::may_hold`] without the second byte, for text not yet built.
    pub fn may_hold_ends(&self, first: u8, last: u8, len: usize) -> bool {
        match len {
            0 => self.empty,
            64.. => self.long,
            _ => [(0, first), (2, last)].iter().all(|&(k, b)| {
                self.lengths[k][usize::from(b.to_ascii_lowercase())] >> len & 1 == 1
            }),
        }
    }

    /// False when `word` is certainly not in the list (nor, if ASCII, in another case).
    pub fn may_hold(&self, word: &str) -> bool {
        match Shapes::features(word) {
            None if word.is_empty() => self.empty,
            None => self.long,
            Some(slots) => self
                .lengths
                .iter()
                .zip(slots)
                .all(|(table, slot)| table[slot] >> word.len() & 1 == 1),
        }
    }
}

/// A word-list map and its [`Shapes`], built together once: a look-up tests the shape
/// first and hashes only the words that may be in the list.
pub struct ShapedMap<V> {
    shapes: Shapes,
    map: HashMap<&'static str, V, FixedHash>,
}

impl<V> ShapedMap<V> {
    /// The value stored for exactly `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        if self.shapes.may_hold(key) {
            self.map.get(key)
        } else {
            None
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &V)> {
        self.map.iter().map(|(key, value)| (*key, value))
    }
}

impl<V> FromIterator<(&'static str, V)> for ShapedMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(pairs: I) -> ShapedMap<V> {
        let map: HashMap<&'static str, V, FixedHash> = pairs.into_iter().collect();
        ShapedMap {
            shapes: Shapes::of(map.keys().copied()),
            map,
        }
    }
}

/// Whether `word` (in any case) is a reporting cue ("said", "according"): [`CUES`],
/// with the shape test first, as it runs for every word of a sentence with a claim.
pub fn is_cue(word: &str) -> bool {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    let shapes = SHAPES.get_or_init(|| {
        let lower: Vec<String> = entries(CUE_WORDS).map(str::to_lowercase).collect();
        Shapes::of(lower.iter().map(String::as_str))
    });
    // The shapes hold lowercase entries: they speak for ASCII words only.
    (!word.is_ascii() || shapes.may_hold(word)) && CUES.contains(word)
}

/// The surfaces (first fields) of a `surface|…` list file.
fn surfaces(file: &'static str) -> impl Iterator<Item = &'static str> {
    entries(file).filter_map(|line| line.split('|').next().map(str::trim))
}

/// The shapes of every currency surface.
pub fn currency_shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| Shapes::of(surfaces(CURRENCIES)))
}

/// The shapes of every unit and currency surface.
pub fn unit_or_currency_shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| Shapes::of(surfaces(UNITS).chain(surfaces(CURRENCIES))))
}

/// A unit of measure: normalised name and kind of claim.
#[derive(Debug, Clone)]
pub struct Unit {
    pub unit: &'static str,
    pub kind: ClaimKind,
}

/// Units by surface form; case-sensitive entries (with capitals) and lowercase entries.
pub fn unit(surface: &str) -> Option<&'static Unit> {
    static MAP: OnceLock<ShapedMap<Unit>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        entries(UNITS)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let surface = f.next()?;
                let unit = f.next()?;
                let kind = ClaimKind::from_name(f.next()?)?;
                Some((surface, Unit { unit, kind }))
            })
            .collect()
    });
    let get = |key: &str| map.get(key);
    get(surface).or_else(|| {
        // Single letters keep their case ("M" is a million, not a metre; "C" is Celsius).
        with_lowercase(surface, |lower| {
            if lower.chars().count() > 1 {
                get(lower)
            } else {
                None
            }
        })
    })
}

/// How long a unit surface may be, in pieces (for longest-match look-ups).
pub const MAX_UNIT_PIECES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Before,
    After,
    Both,
}

#[derive(Debug, Clone)]
pub struct Currency {
    pub code: &'static str,
    pub place: Place,
}

/// Currencies by surface form: exact first (codes in capitals), then lowercase names.
pub fn currency(surface: &str) -> Option<&'static Currency> {
    static MAP: OnceLock<ShapedMap<Currency>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        entries(CURRENCIES)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let surface = f.next()?;
                let code = f.next()?;
                let place = match f.next()? {
                    "before" => Place::Before,
                    "after" => Place::After,
                    _ => Place::Both,
                };
                Some((surface, Currency { code, place }))
            })
            .collect()
    });
    let get = |key: &str| map.get(key);
    get(surface).or_else(|| {
        // Only names (all lowercase in the list) match case-insensitively: "Dollars" yes,
        // "eur" for "EUR" no (it could be any word).
        with_lowercase(surface, |lower| {
            get(lower)
                .filter(|_| lower.chars().count() > 3 || lower.chars().any(|c| !c.is_alphabetic()))
        })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QualifierEntry {
    pub qualifier: Qualifier,
    pub after: bool,
}

/// Qualifier phrases (lowercase, words joined by one space).
pub fn qualifier(phrase: &str) -> Option<QualifierEntry> {
    qualifiers().get(phrase).copied()
}

fn qualifiers() -> &'static ShapedMap<QualifierEntry> {
    static MAP: OnceLock<ShapedMap<QualifierEntry>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(QUALIFIERS)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let phrase = f.next()?;
                let qualifier = match f.next()? {
                    "exact" => Qualifier::Exact,
                    "approximate" => Qualifier::Approximate,
                    "upper_bound" => Qualifier::UpperBound,
                    "lower_bound" => Qualifier::LowerBound,
                    _ => return None,
                };
                let after = f.next()? == "after";
                Some((phrase, QualifierEntry { qualifier, after }))
            })
            .collect()
    })
}

/// Longest qualifier phrase, in words.
pub const MAX_QUALIFIER_WORDS: usize = 3;

/// Plural-looking: "-s" but not "-ss", "-us", "-is"; or an irregular plural.
pub fn looks_plural(word: &str) -> bool {
    is_irregular_plural(word)
        || (word.len() > 2
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("us")
            && !word.ends_with("is")
            && !word.ends_with("’s")
            && !word.ends_with("'s"))
}

/// Plural nouns that do not end in "s" ("people", "children", "policemen").
pub fn is_irregular_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(word)
        || word.ends_with("children")
        || word.ends_with("people")
        || word.ends_with("men")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Piece::new` skips the number-word look-up for punctuation on this ground.
    #[test]
    fn number_words_are_ascii_letters() {
        for (word, _) in number_words().iter() {
            assert!(word.bytes().all(|b| b.is_ascii_alphabetic()), "{word}");
        }
    }

    #[test]
    fn every_unit_line_names_a_claim_kind() {
        for line in entries(UNITS) {
            let kind = line.split('|').nth(2).map(str::trim).unwrap_or("");
            assert!(ClaimKind::from_name(kind).is_some(), "{line}");
        }
        assert_eq!(unit("sq km").map(|u| u.kind), Some(ClaimKind::Area));
    }

    #[test]
    fn shapes_rule_out_only_absent_words() {
        let shapes = Shapes::of(["ten", "two", "dozen", "halves"].into_iter());
        assert!(shapes.may_hold("ten"));
        assert!(shapes.may_hold("Ten"));
        assert!(shapes.may_hold("TEN"));
        assert!(shapes.may_hold("teo")); // the shape of "ten" and "two": the set decides
        assert!(shapes.may_hold("Dozen"));
        assert!(!shapes.may_hold("tens"));
        assert!(!shapes.may_hold("th"));
        assert!(!shapes.may_hold("the")); // no word of three with "h" second
        assert!(!shapes.may_hold("dozer")); // nor of five ending in "r"
        assert!(!shapes.may_hold("zero"));
        assert!(!shapes.may_hold(""));
        assert!(!shapes.may_hold("'s"));
        // Any first byte: symbols and digits too.
        let symbols = Shapes::of(["$", "1st", "€"].into_iter());
        assert!(symbols.may_hold("$") && symbols.may_hold("1ST") && symbols.may_hold("€"));
        assert!(!symbols.may_hold("£") && !symbols.may_hold("2nd") && !symbols.may_hold("$$"));
        let long = "x".repeat(70);
        assert!(!symbols.may_hold(&long));
        assert!(Shapes::of([long.as_str()].into_iter()).may_hold(&"y".repeat(64)));
        assert!(Shapes::of([""].into_iter()).may_hold(""));
    }

    #[test]
    fn shape_ends_match_the_whole_shape_test() {
        let shapes = Shapes::of(["sq km", "km", "$"].into_iter());
        assert!(shapes.may_hold_ends(b's', b'm', 5));
        assert!(shapes.may_hold_ends(b'S', b'M', 5)); // "SQ KM" in any case
        assert!(shapes.may_hold_ends(b'$', b'$', 1));
        assert!(!shapes.may_hold_ends(b's', b'm', 6));
        assert!(!shapes.may_hold_ends(b'k', b'x', 2));
        assert!(!shapes.may_hold_ends(b'k', b'm', 0));
        assert!(!shapes.may_hold_ends(b'k', b'm', 70));
        for unit in surfaces(UNITS) {
            let (first, last) = (unit.as_bytes()[0], unit.as_bytes()[unit.len() - 1]);
            assert!(unit_or_currency_shapes().may_hold_ends(first, last, unit.len()));
        }
    }

    #[test]
    fn cues_in_any_case() {
        for word in ["said", "Said", "SAID", "according", "told"] {
            assert_eq!(is_cue(word), CUES.contains(word), "{word}");
        }
        assert!(is_cue("Said"));
        assert!(!is_cue("the") && !is_cue(""));
    }

    #[test]
    fn plurals() {
        assert!(looks_plural("drones"));
        assert!(looks_plural("schoolchildren"));
        assert!(!looks_plural("status"));
        assert!(!looks_plural("glass"));
    }

    #[test]
    fn number_words_are_looked_up_as_written() {
        assert_eq!(number_word("twelve").map(|nw| nw.value), Some(12.0));
        assert_eq!(number_word("K").map(|nw| nw.class), Some(WordClass::Abbrev));
        assert!(number_word("Twelve").is_none());
        assert!(number_word("twelver").is_none());
        assert!(number_word("").is_none());
        assert!(may_start_number_words("thirds"));
        assert!(may_start_number_words("halves"));
        assert!(!may_start_number_words("bn"));
    }
}
