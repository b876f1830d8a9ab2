//! The claim word lists of `data/`, parsed once into maps: number words, units,
//! currencies, qualifiers, calendar words, reporting cues, label words and function words.
//! Each file's format is in its `#` header; malformed lines are skipped, never fatal.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::document::Qualifier;
use crate::lexicon::{entries, WordSet};

const NUMBER_WORDS: &str = include_str!("../../data/number_words.txt");
const UNITS: &str = include_str!("../../data/units.txt");
const CURRENCIES: &str = include_str!("../../data/currencies.txt");
const QUALIFIERS: &str = include_str!("../../data/qualifiers.txt");
const CALENDAR: &str = include_str!("../../data/calendar_words.txt");

pub static CUES: WordSet = WordSet::caseless(include_str!("../../data/claim_cues.txt"));
pub static LABELS: WordSet = WordSet::caseless(include_str!("../../data/claim_labels.txt"));
pub static FUNCTION_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/claim_function_words.txt"));

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
    static MAP: OnceLock<HashMap<String, NumberWord>> = OnceLock::new();
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
                    _ => return None,
                };
                Some((f.first()?.to_string(), NumberWord { value, class }))
            })
            .collect()
    })
    .get(word)
    .copied()
}

/// A unit of measure: normalised name and kind of claim.
#[derive(Debug, Clone)]
pub struct Unit {
    pub unit: &'static str,
    pub kind: &'static str,
}

/// Units by surface form; case-sensitive entries (with capitals) and lowercase entries.
pub fn unit(surface: &str) -> Option<&'static Unit> {
    static MAP: OnceLock<HashMap<&'static str, Unit>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        entries(UNITS)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let surface = f.next()?;
                let unit = f.next()?;
                let kind = f.next()?;
                Some((surface, Unit { unit, kind }))
            })
            .collect()
    });
    map.get(surface).or_else(|| {
        // Single letters keep their case ("M" is a million, not a metre; "C" is Celsius).
        let lower = surface.to_lowercase();
        if lower.chars().count() > 1 {
            map.get(lower.as_str())
        } else {
            None
        }
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
    static MAP: OnceLock<HashMap<&'static str, Currency>> = OnceLock::new();
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
    map.get(surface).or_else(|| {
        let lower = surface.to_lowercase();
        // Only names (all lowercase in the list) match case-insensitively: "Dollars" yes,
        // "eur" for "EUR" no (it could be any word).
        map.get(lower.as_str())
            .filter(|_| lower.chars().count() > 3 || lower.chars().any(|c| !c.is_alphabetic()))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QualifierEntry {
    pub qualifier: Qualifier,
    pub after: bool,
}

/// Qualifier phrases (lowercase, words joined by one space).
pub fn qualifier(phrase: &str) -> Option<QualifierEntry> {
    static MAP: OnceLock<HashMap<&'static str, QualifierEntry>> = OnceLock::new();
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
    .get(phrase)
    .copied()
}

/// Longest qualifier phrase, in words.
pub const MAX_QUALIFIER_WORDS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Month,
    Weekday,
}

/// Month and weekday names (lowercase).
pub fn calendar(word: &str) -> Option<Calendar> {
    static MAP: OnceLock<HashMap<&'static str, Calendar>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(CALENDAR)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let word = f.next()?;
                let kind = match f.next()? {
                    "month" => Calendar::Month,
                    "weekday" => Calendar::Weekday,
                    _ => return None,
                };
                Some((word, kind))
            })
            .collect()
    })
    .get(word)
    .copied()
}

/// Plural nouns that do not end in "s" ("people", "children").
pub fn is_irregular_plural(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        [
            "people",
            "children",
            "men",
            "women",
            "police",
            "staff",
            "personnel",
            "cattle",
            "sheep",
            "fish",
            "feet",
            "teeth",
            "geese",
            "mice",
            "troops",
            "crew",
            "deer",
            "livestock",
            "infantry",
            "militia",
            "youth",
            "clergy",
            "data",
            "media",
        ]
        .into_iter()
        .collect()
    });
    set.contains(word)
        || word.ends_with("children")
        || word.ends_with("people")
        || word.ends_with("men")
}
