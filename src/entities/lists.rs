//! The word lists the entity stage reads, from `data/` (see each file's header for its
//! public source): given names with gender, surnames, titles, organization and place
//! words, places, demonyms, aliases, and the common words that keep sentence-initial
//! capitals from being taken for names. Parsed once, on first use.

use std::sync::OnceLock;

use crate::document::Gender;
pub use crate::lexicon::entries;
use crate::lexicon::{WordSet, WordTable};

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

/// A `key<TAB>value` list parsed into a map; `lowercase` lowercases the keys (and makes
/// look-ups caseless).
struct TabMap {
    files: &'static [&'static str],
    lowercase: bool,
    map: OnceLock<WordTable<&'static str>>,
}

impl TabMap {
    const fn new(files: &'static [&'static str], lowercase: bool) -> TabMap {
        TabMap {
            files,
            lowercase,
            map: OnceLock::new(),
        }
    }

    fn build(&self) -> WordTable<&'static str> {
        let pairs = self
            .files
            .iter()
            .flat_map(|file| entries(file))
            .map(|line| {
                let mut parts = line.splitn(2, '\t');
                let key = parts.next().unwrap_or("").trim();
                (key, parts.next().unwrap_or("").trim())
            });
        if self.lowercase {
            let lowered: Vec<(String, &'static str)> =
                pairs.map(|(k, v)| (k.to_lowercase(), v)).collect();
            WordTable::new(lowered.iter().map(|(k, v)| (k.as_str(), *v)))
        } else {
            WordTable::new(pairs)
        }
    }

    fn get(&self, key: &str) -> Option<&'static str> {
        let map = self.map.get_or_init(|| self.build());
        if self.lowercase {
            map.get_lowercase(key).copied()
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

/// The first words of the titles (lowercase, without trailing periods).
static TITLE_FIRST_WORDS: OnceLock<WordTable<()>> = OnceLock::new();

/// False when no title starts with `word` (any case, trailing periods ignored): a cheap
/// test before building the several-word strings that [`title`] looks up.
pub fn may_start_title(word: &str) -> bool {
    let firsts = TITLE_FIRST_WORDS.get_or_init(|| {
        let lowered: Vec<String> = entries(TITLES)
            .filter_map(|line| line.split('\t').next())
            .map(|key| key.trim().to_lowercase())
            .collect();
        let firsts = lowered.iter().filter_map(|key| key.split(' ').next());
        WordTable::new(firsts.map(|w| (w.trim_end_matches('.'), ())))
    });
    firsts.get_lowercase(word.trim_end_matches('.')).is_some()
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
    COMMON_WORDS.contains_lowercase(word)
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

    #[test]
    fn title_first_words_cover_every_title() {
        for line in entries(TITLES) {
            let key = line.split('\t').next().unwrap_or("").trim();
            let first = key.split(' ').next().unwrap_or("");
            assert!(may_start_title(&first.to_uppercase()), "{key}");
            if title(key).is_some() {
                assert!(may_start_title(first), "{key}");
            }
        }
        assert!(may_start_title("Mr.") && may_start_title("PRIME"));
        assert!(!may_start_title("Zelensky") && !may_start_title(""));
    }
}
