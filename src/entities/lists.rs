//! The word lists the entity stage reads, from `data/` (see each file's header for its
//! public source): given names with gender, surnames, titles, organization and place
//! words, places, demonyms, aliases, and the common words that keep sentence-initial
//! capitals from being taken for names. Parsed once, on first use.

use std::sync::OnceLock;

use super::facts::FactEntry;
use crate::document::Gender;
pub use crate::lexicon::entries;
use crate::lexicon::{WordSet, WordTable};

pub use super::facts::{Fact, WordFacts};
use super::facts::{
    DEMONYMS, ORG_WORDS_FILE, OTHER_WORDS_FILE, PLACES_EXTRA_FILE, PLACES_FILE, PLACE_WORDS_FILE,
    TITLES,
};

pub static ORG_WORDS: WordSet = WordSet::exact(ORG_WORDS_FILE);
pub static ORG_NOUNS: WordSet = WordSet::caseless(include_str!("../../data/org_nouns.txt"));
/// Organizations known by name alone, from our hand lists (in the table of [`facts`]).
pub static KNOWN_ORGS: FactList = FactList(Fact::KnownOrg);
/// Organizations of the lists generated from open gazetteers.
pub static LISTED_ORGS: FactList = FactList(Fact::ListedOrg);
/// Sports clubs and teams.
pub static TEAMS: FactList = FactList(Fact::Team);
pub static PLACE_WORDS: WordSet = WordSet::exact(PLACE_WORDS_FILE);
pub static OTHER_WORDS: WordSet = WordSet::exact(OTHER_WORDS_FILE);
/// Surnames (in the table of [`facts`]: no table of their own to build).
pub static SURNAMES: FactList = FactList(Fact::Surname);
pub static COUNTRIES: WordSet = WordSet::exact(include_str!("../../data/countries.txt"));
/// Legal forms after a company's name ("AG", "Inc"): the name without them is the same.
pub static LEGAL_SUFFIXES: WordSet = WordSet::exact(include_str!("../../data/legal_suffixes.txt"));
/// Organization heads that open a name in Romance languages ("Instituto Gonzaga").
pub static ORG_FIRST_WORDS: WordSet =
    WordSet::exact(include_str!("../../data/org_first_words.txt"));
/// Last words of newspapers' names after a place ("Edmonton Sun", "Toronto Star").
pub static MEDIA_HEADS: WordSet = WordSet::exact(include_str!("../../data/media_heads.txt"));
/// Honours, counsel ranks and degrees after a person's name ("Jane Smith, QC").
pub static POST_NOMINALS: WordSet = WordSet::exact(include_str!("../../data/post_nominals.txt"));
pub const SPORTS_WORDS_FILE: &str = include_str!("../../data/sports_words.txt");

/// A list answered by the table of [`facts`] (the large lists, which are built once
/// there instead of twice).
pub struct FactList(Fact);

impl FactList {
    /// True when the list holds exactly `word`.
    pub fn contains(&self, word: &str) -> bool {
        exact_facts(word).has(self.0)
    }
}

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
    let facts = exact_facts(word);
    facts.has(Fact::GivenName).then(|| {
        if facts.has(Fact::GivenMale) {
            Some(Gender::Male)
        } else if facts.has(Fact::GivenFemale) {
            Some(Gender::Female)
        } else {
            None
        }
    })
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

/// The most words a place name of the lists has ("South Georgia and the South Sandwich
/// Islands"): a longer run of words is no listed place.
pub fn longest_place() -> usize {
    static LONGEST: OnceLock<usize> = OnceLock::new();
    *LONGEST.get_or_init(|| {
        [PLACES_FILE, PLACES_EXTRA_FILE]
            .iter()
            .flat_map(|file| entries(file))
            .map(|place| place.split(' ').count())
            .max()
            .unwrap_or(0)
    })
}

pub fn is_place(name: &str) -> bool {
    exact_facts(name).has(Fact::Place)
}

/// True when `word` in lowercase is a common English word.
pub fn is_common_word(word: &str) -> bool {
    facts_table()
        .get_lowercase(word)
        .is_some_and(|e| e.lowered.has(Fact::Common))
}

/// Every list of [`facts`] in one table: the entity stage asks up to ten lists about each
/// capitalised word, and one probe here answers them all. The build script builds it
/// with [`super::facts::build`]: built at start-up, it took most of a short article's
/// analysis.
static FACTS: WordTable<FactEntry> = include!(concat!(env!("OUT_DIR"), "/word_facts.rs"));

fn facts_table() -> &'static WordTable<FactEntry> {
    &FACTS
}

/// The facts of the lists that match `word` exactly (not those of common words and
/// titles, which match it in lowercase).
fn exact_facts(word: &str) -> WordFacts {
    facts_table().get(word).map_or(WordFacts(0), |e| e.exact)
}

/// What the lists of this module say about `word` (see [`Fact`]), in one or two table
/// probes.
pub fn facts(word: &str) -> WordFacts {
    let table = facts_table();
    let (exact, lowered) = table.get_cased(word);
    let exact = exact.map_or(WordFacts(0), |e| e.exact);
    let mut lowered = lowered.map_or(WordFacts(0), |e| e.lowered);
    // Nearly every word has no trailing period: a byte test, not a char search.
    if word.ends_with('.') {
        let trimmed = word.trim_end_matches('.');
        // Titles are looked up without their trailing period ("Mr."), common words not.
        let titles = table
            .get_lowercase(trimmed)
            .map_or(WordFacts(0), |e| e.lowered);
        let title_bits = Fact::Title as u32 | Fact::MayStartTitle as u32;
        lowered = WordFacts((lowered.0 & !title_bits) | (titles.0 & title_bits));
    }
    WordFacts(exact.0 | lowered.0)
}

#[cfg(test)]
mod tests {
    use super::super::facts::{
        self, capitalised, key_of, COMMON_WORDS_FILE, GIVEN_NAMES, GIVEN_NAMES_INTL,
        HAND_ORG_FILES, KNOWN_ORGS_FILE, LISTED_ORG_FILES, NOT_NAMES_FILE, SURNAMES_FILE,
        TEAM_FILES, VENUES_FILE,
    };
    use super::*;
    use crate::calendar;

    #[test]
    fn the_table_built_at_compile_time_is_the_recipe_s() {
        let write = |e: &FactEntry| format!("{e:?}");
        let (frozen, built) = (FACTS.to_rust(write), facts::build().to_rust(write));
        assert!(frozen == built, "the generated table is not the recipe's");
    }

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

    static NOT_NAMES: WordSet = WordSet::exact(NOT_NAMES_FILE);
    static COMMON_WORDS: WordSet = WordSet::exact(COMMON_WORDS_FILE);
    static SURNAMES_ALONE: WordSet = WordSet::exact(SURNAMES_FILE);
    static PLACES_ALONE: WordSet = WordSet::exact(PLACES_FILE);
    static PLACES_EXTRA_ALONE: WordSet = WordSet::exact(PLACES_EXTRA_FILE);
    static KNOWN_ORGS_ALONE: TabMap = TabMap::new(
        &[
            KNOWN_ORGS_FILE,
            HAND_ORG_FILES[0],
            HAND_ORG_FILES[1],
            HAND_ORG_FILES[2],
        ],
        false,
    );
    static LISTED_ALONE: TabMap = TabMap::new(&LISTED_ORG_FILES, false);
    static TEAMS_ALONE: TabMap = TabMap::new(&TEAM_FILES, false);
    static VENUES_ALONE: WordSet = WordSet::exact(VENUES_FILE);
    static GIVEN_ALONE: TabMap = TabMap::new(&[GIVEN_NAMES, GIVEN_NAMES_INTL], false);

    /// The facts of `word`, each asked of a list of its own (as the lists were before
    /// the combined table).
    use crate::entities::facts::NOT_NAME_WORDS_FILE;

    static NOT_NAME_WORDS_ALONE: WordSet = WordSet::exact(NOT_NAME_WORDS_FILE);

    fn facts_one_by_one(word: &str) -> WordFacts {
        let given = GIVEN_ALONE.get(word).map(gender_of);
        let answers = [
            (
                NOT_NAMES.contains(word)
                    || NOT_NAME_WORDS_ALONE.contains(word)
                    || calendar::names_only().any(|n| capitalised(n) == word),
                Fact::NotName,
            ),
            (SURNAMES_ALONE.contains(word), Fact::Surname),
            (ORG_WORDS.contains(word), Fact::OrgWord),
            (PLACE_WORDS.contains(word), Fact::PlaceWord),
            (OTHER_WORDS.contains(word), Fact::OtherWord),
            (KNOWN_ORGS_ALONE.get(word).is_some(), Fact::KnownOrg),
            (
                PLACES_ALONE.contains(word)
                    || PLACES_EXTRA_ALONE.contains(word)
                    || VENUES_ALONE.contains(word),
                Fact::Place,
            ),
            (LISTED_ALONE.get(word).is_some(), Fact::ListedOrg),
            (TEAMS_ALONE.get(word).is_some(), Fact::Team),
            (given.is_some(), Fact::GivenName),
            (given == Some(Some(Gender::Male)), Fact::GivenMale),
            (given == Some(Some(Gender::Female)), Fact::GivenFemale),
            (demonym(word).is_some(), Fact::Demonym),
            (demonym(word) == Some("-"), Fact::GroupDemonym),
            (COMMON_WORDS.contains_lowercase(word), Fact::Common),
            (title(word).is_some(), Fact::Title),
            (may_start_title(word), Fact::MayStartTitle),
        ];
        answers
            .into_iter()
            .filter(|(yes, _)| *yes)
            .fold(WordFacts::default(), |facts, (_, fact)| facts.with(fact))
    }

    #[test]
    fn combined_facts_agree_with_each_list() {
        let files = [
            NOT_NAMES_FILE,
            NOT_NAME_WORDS_FILE,
            SURNAMES_FILE,
            ORG_WORDS_FILE,
            PLACE_WORDS_FILE,
            OTHER_WORDS_FILE,
            KNOWN_ORGS_FILE,
            PLACES_FILE,
            PLACES_EXTRA_FILE,
            GIVEN_NAMES,
            GIVEN_NAMES_INTL,
            DEMONYMS,
            COMMON_WORDS_FILE,
            TITLES,
        ];
        let mut checked = 0;
        for line in files.iter().flat_map(|file| entries(file)) {
            for key in [line, key_of(line)] {
                let lower = key.to_lowercase();
                let upper = key.to_uppercase();
                let mut capital = key.chars();
                let capital: String = capital
                    .next()
                    .map(|c| c.to_uppercase().chain(capital).collect())
                    .unwrap_or_default();
                let plural = format!("{key}s");
                let period = format!("{key}.");
                for word in [key, &lower, &upper, &capital, &plural, &period] {
                    let expected = facts_one_by_one(word);
                    assert_eq!(facts(word), expected, "{word:?}");
                    assert_eq!(is_place(word), expected.has(Fact::Place));
                    assert_eq!(is_common_word(word), expected.has(Fact::Common));
                    assert_eq!(SURNAMES.contains(word), expected.has(Fact::Surname));
                    assert_eq!(given_name(word), GIVEN_ALONE.get(word).map(gender_of));
                    checked += 1;
                }
            }
        }
        assert!(checked > 200_000);
        // The large generated lists: each entry as written.
        let generated = LISTED_ORG_FILES
            .iter()
            .chain(&TEAM_FILES)
            .chain(&HAND_ORG_FILES);
        for key in generated
            .chain(&[VENUES_FILE])
            .flat_map(|file| entries(file))
        {
            assert_eq!(facts(key), facts_one_by_one(key), "{key:?}");
        }
        for word in [
            "",
            ".",
            "Zelenskiy",
            "Ukrainians",
            "Democrats",
            "Mr.",
            "U.S.",
            "İstanbul",
        ] {
            assert_eq!(facts(word), facts_one_by_one(word), "{word:?}");
        }
        assert!(facts("Democrats").has(Fact::GroupDemonym));
        assert!(facts("President").any(&[Fact::Title, Fact::MayStartTitle]));
        assert!(!facts("Zelenskiy").any(&[Fact::Common, Fact::Place]));
    }
}
