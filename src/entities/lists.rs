//! The word lists the entity stage reads, from `data/` (see each file's header for its
//! public source): given names with gender, surnames, titles, organization and place
//! words, places, demonyms, aliases, and the common words that keep sentence-initial
//! capitals from being taken for names. Parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::document::Gender;
pub use crate::lexicon::entries;
use crate::lexicon::{with_lowercase, FastHash, WordSet};

pub static ORG_WORDS: WordSet = WordSet::exact(include_str!("../../data/org_words.txt"));
pub static ORG_NOUNS: WordSet = WordSet::caseless(include_str!("../../data/org_nouns.txt"));
pub static KNOWN_ORGS: WordSet = WordSet::exact(include_str!("../../data/known_orgs.txt"));
pub static PLACE_WORDS: WordSet = WordSet::exact(include_str!("../../data/place_words.txt"));
pub static OTHER_WORDS: WordSet = WordSet::exact(include_str!("../../data/other_words.txt"));
pub static NOT_NAMES: WordSet = WordSet::exact(include_str!("../../data/not_names.txt"));
pub static SURNAMES: WordSet = WordSet::exact(include_str!("../../data/surnames.txt"));
pub static COMMON_WORDS: WordSet = WordSet::exact(include_str!("../../data/common_words.txt"));
pub static COUNTRIES: WordSet = WordSet::exact(include_str!("../../data/countries.txt"));
pub const SPORTS_WORDS_FILE: &str = include_str!("../../data/sports_words.txt");
static PLACES: WordSet = WordSet::exact(include_str!("../../data/places.txt"));
static PLACES_EXTRA: WordSet = WordSet::exact(include_str!("../../data/places_extra.txt"));

const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
const GIVEN_NAMES_INTL: &str = include_str!("../../data/given_names_intl.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const DEMONYMS: &str = include_str!("../../data/demonyms.txt");
const NAME_ALIASES: &str = include_str!("../../data/name_aliases.txt");

/// A `key<TAB>value` list parsed into a map; `lowercase` lowercases the keys.
struct TabMap {
    files: &'static [&'static str],
    lowercase: bool,
    map: OnceLock<HashMap<String, &'static str, FastHash>>,
}

impl TabMap {
    const fn new(files: &'static [&'static str], lowercase: bool) -> TabMap {
        TabMap {
            files,
            lowercase,
            map: OnceLock::new(),
        }
    }

    fn get(&self, key: &str) -> Option<&'static str> {
        let map = self.map.get_or_init(|| {
            let mut map = HashMap::default();
            for file in self.files {
                for line in entries(file) {
                    let mut parts = line.splitn(2, '\t');
                    let k = parts.next().unwrap_or("").trim();
                    let v = parts.next().unwrap_or("").trim();
                    let k = if self.lowercase {
                        k.to_lowercase()
                    } else {
                        k.to_string()
                    };
                    map.entry(k).or_insert(v);
                }
            }
            map
        });
        if self.lowercase {
            with_lowercase(key, |lower| map.get(lower).copied())
        } else {
            map.get(key).copied()
        }
    }
}

static GIVEN: TabMap = TabMap::new(&[GIVEN_NAMES, GIVEN_NAMES_INTL], false);
static TITLE_MAP: TabMap = TabMap::new(&[TITLES], true);
static DEMONYM_MAP: TabMap = TabMap::new(&[DEMONYMS], false);
static ALIAS_MAP: TabMap = TabMap::new(&[NAME_ALIASES], false);

fn gender_of(code: &str) -> Option<Gender> {
    match code {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

/// `Some(hint)` when `word` is a known given name; the hint is `None` when the name is
/// used for both.
pub fn given_name(word: &str) -> Option<Option<Gender>> {
    GIVEN.get(word).map(gender_of)
}

/// `Some(hint)` when `words` (lowercased, joined by single spaces, without a trailing
/// period) is a title or role noun that can stand before a name.
pub fn title(words: &str) -> Option<Option<Gender>> {
    TITLE_MAP.get(words.trim_end_matches('.')).map(gender_of)
}

/// The place a demonym belongs to ("Ukrainian" → "Ukraine"); `Some("-")` for group
/// adjectives with no place ("Muslim").
pub fn demonym(word: &str) -> Option<&'static str> {
    // Plurals name the people ("Americans", "Ukrainians"): still demonyms, not entities.
    DEMONYM_MAP.get(word).or_else(|| {
        word.strip_suffix('s')
            .filter(|singular| singular.len() > 2)
            .and_then(|singular| DEMONYM_MAP.get(singular))
    })
}

/// The full name a short form stands for ("US" → "United States").
pub fn alias_target(name: &str) -> Option<&'static str> {
    ALIAS_MAP.get(name)
}

pub fn is_place(name: &str) -> bool {
    PLACES.contains(name) || PLACES_EXTRA.contains(name)
}

/// True when `word` in lowercase is a common English word.
pub fn is_common_word(word: &str) -> bool {
    with_lowercase(word, |lower| COMMON_WORDS.contains(lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        assert_eq!(given_name("Michael"), Some(Some(Gender::Male)));
        assert_eq!(given_name("Volodymyr"), Some(Some(Gender::Male)));
        assert_eq!(given_name("Mary"), Some(Some(Gender::Female)));
        assert_eq!(given_name("Escalation"), None);
        assert_eq!(title("President"), Some(None));
        assert_eq!(title("Mr."), Some(Some(Gender::Male)));
        assert_eq!(title("prime minister"), Some(None));
        assert_eq!(demonym("Ukrainian"), Some("Ukraine"));
        assert_eq!(alias_target("US"), Some("United States"));
        assert!(is_place("Hungary") && is_place("Moscow") && is_place("Europe"));
        assert!(is_common_word("Analysts") && is_common_word("however"));
        assert!(!is_common_word("Zelenskiy"));
        assert!(ORG_WORDS.contains("Institute") && KNOWN_ORGS.contains("Kremlin"));
    }
}
