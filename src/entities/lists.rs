//! The word lists the entity stage reads, from `data/` (see each file's header for its
//! public source): given names with gender, surnames, titles, organization and place
//! words, places, demonyms, aliases, and the common words that keep sentence-initial
//! capitals from being taken for names. Parsed once, on first use.

use std::sync::OnceLock;

use crate::calendar;
use crate::document::Gender;
pub use crate::lexicon::entries;
use crate::lexicon::{WordSet, WordTable};

const ORG_WORDS_FILE: &str = include_str!("../../data/org_words.txt");
const KNOWN_ORGS_FILE: &str = include_str!("../../data/known_orgs.txt");
const PLACE_WORDS_FILE: &str = include_str!("../../data/place_words.txt");
const OTHER_WORDS_FILE: &str = include_str!("../../data/other_words.txt");
const NOT_NAMES_FILE: &str = include_str!("../../data/not_names.txt");
const SURNAMES_FILE: &str = include_str!("../../data/surnames.txt");
const COMMON_WORDS_FILE: &str = include_str!("../../data/common_words.txt");
const PLACES_FILE: &str = include_str!("../../data/places.txt");
const PLACES_EXTRA_FILE: &str = include_str!("../../data/places_extra.txt");

pub static ORG_WORDS: WordSet = WordSet::exact(ORG_WORDS_FILE);
pub static ORG_NOUNS: WordSet = WordSet::caseless(include_str!("../../data/org_nouns.txt"));
pub static KNOWN_ORGS: WordSet = WordSet::exact(KNOWN_ORGS_FILE);
pub static PLACE_WORDS: WordSet = WordSet::exact(PLACE_WORDS_FILE);
pub static OTHER_WORDS: WordSet = WordSet::exact(OTHER_WORDS_FILE);
pub static NOT_NAMES: WordSet = WordSet::exact(NOT_NAMES_FILE);
/// Surnames (in the table of [`facts`]: no table of their own to build).
pub static SURNAMES: FactList = FactList(Fact::Surname);
pub static COMMON_WORDS: WordSet = WordSet::exact(COMMON_WORDS_FILE);
pub static COUNTRIES: WordSet = WordSet::exact(include_str!("../../data/countries.txt"));
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

/// One thing the lists can say about a single word (see [`facts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Fact {
    /// [`NOT_NAMES`] holds the word, or it is a month or weekday name
    /// ([`calendar::names_only`], capitalised).
    NotName = 1,
    /// [`SURNAMES`] holds the word.
    Surname = 1 << 1,
    /// [`ORG_WORDS`] holds the word.
    OrgWord = 1 << 2,
    /// [`PLACE_WORDS`] holds the word.
    PlaceWord = 1 << 3,
    /// [`OTHER_WORDS`] holds the word.
    OtherWord = 1 << 4,
    /// [`KNOWN_ORGS`] holds the word.
    KnownOrg = 1 << 5,
    /// [`is_place`].
    Place = 1 << 6,
    /// [`given_name`] is `Some`.
    GivenName = 1 << 7,
    /// [`demonym`] is `Some`.
    Demonym = 1 << 8,
    /// [`demonym`] is `Some("-")`: a group with no place ("Democrats").
    GroupDemonym = 1 << 9,
    /// [`is_common_word`].
    Common = 1 << 10,
    /// [`title`] is `Some` (for the word alone).
    Title = 1 << 11,
    /// [`may_start_title`].
    MayStartTitle = 1 << 12,
    /// [`given_name`] is `Some(Some(Gender::Male))`.
    GivenMale = 1 << 13,
    /// [`given_name`] is `Some(Some(Gender::Female))`.
    GivenFemale = 1 << 14,
}

/// The answers of every single-word list of this module about one word, as bit flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordFacts(u16);

impl WordFacts {
    /// The flags as bits (to keep them packed with other numbers).
    pub fn bits(self) -> u16 {
        self.0
    }

    /// The facts whose bits are `bits` (as [`WordFacts::bits`] gave them).
    pub fn from_bits(bits: u16) -> WordFacts {
        WordFacts(bits)
    }

    pub fn has(self, fact: Fact) -> bool {
        self.0 & fact as u16 != 0
    }

    /// True when the word has any of `facts`.
    pub fn any(self, facts: &[Fact]) -> bool {
        facts.iter().any(|&f| self.has(f))
    }

    fn with(self, fact: Fact) -> WordFacts {
        WordFacts(self.0 | fact as u16)
    }
}

/// Facts stored under one key: those of lists that match the word exactly, and those of
/// lists that match the word's lowercase form (the key being that lowercase form).
#[derive(Clone, Copy, Default)]
struct FactEntry {
    exact: WordFacts,
    lowered: WordFacts,
}

/// Every list of this module in one table: the entity stage asks up to ten lists about
/// each capitalised word, and one probe here answers them all.
static FACTS: OnceLock<WordTable<FactEntry>> = OnceLock::new();

/// The key of a `key<TAB>value` line, as [`TabMap`] reads it.
fn key_of(line: &str) -> &str {
    line.split('\t').next().unwrap_or("").trim()
}

fn build_facts() -> WordTable<FactEntry> {
    let mut table: WordTable<FactEntry> = WordTable::new(std::iter::empty());
    add_given_names(&mut table);
    let mut add = |key: &str, fact: Fact, lowered: bool| {
        if let Some(entry) = table.get_or_insert_mut(key, FactEntry::default) {
            let facts = if lowered {
                &mut entry.lowered
            } else {
                &mut entry.exact
            };
            *facts = facts.with(fact);
        }
    };
    let exact: [(&'static [&'static str], Fact); 7] = [
        (&[NOT_NAMES_FILE], Fact::NotName),
        (&[SURNAMES_FILE], Fact::Surname),
        (&[ORG_WORDS_FILE], Fact::OrgWord),
        (&[PLACE_WORDS_FILE], Fact::PlaceWord),
        (&[OTHER_WORDS_FILE], Fact::OtherWord),
        (&[KNOWN_ORGS_FILE], Fact::KnownOrg),
        (&[PLACES_FILE, PLACES_EXTRA_FILE], Fact::Place),
    ];
    for (files, fact) in exact {
        for key in files.iter().flat_map(|file| entries(file)) {
            add(key, fact, false);
        }
    }
    for name in calendar::names_only() {
        add(&capitalised(name), Fact::NotName, false);
    }
    for key in entries(COMMON_WORDS_FILE) {
        add(key, Fact::Common, true);
    }
    for line in entries(TITLES) {
        let key = key_of(line).to_lowercase();
        add(&key, Fact::Title, true);
        if let Some(first) = key.split(' ').next() {
            add(first.trim_end_matches('.'), Fact::MayStartTitle, true);
        }
    }
    add_demonyms(&mut add);
    table
}

/// A lowercase ASCII word with its first letter in capitals ("monday" → "Monday").
fn capitalised(word: &str) -> String {
    let mut word = word.to_string();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

/// Adds the given names with their gender hint (the first line of a name wins, as in a
/// [`TabMap`]).
fn add_given_names(table: &mut WordTable<FactEntry>) {
    for line in [GIVEN_NAMES, GIVEN_NAMES_INTL]
        .iter()
        .flat_map(|f| entries(f))
    {
        let mut parts = line.splitn(2, '\t');
        let key = parts.next().unwrap_or("").trim();
        let gender = match parts.next().unwrap_or("").trim() {
            "m" => Some(Fact::GivenMale),
            "f" => Some(Fact::GivenFemale),
            _ => None,
        };
        let Some(entry) = table.get_or_insert_mut(key, FactEntry::default) else {
            continue;
        };
        if !entry.exact.has(Fact::GivenName) {
            entry.exact = entry.exact.with(Fact::GivenName);
            if let Some(gender) = gender {
                entry.exact = entry.exact.with(gender);
            }
        }
    }
}

/// Adds the demonyms and the plurals [`demonym`] accepts ("Ukrainians"), each with the
/// value that function would find first.
fn add_demonyms(add: &mut impl FnMut(&str, Fact, bool)) {
    let mut add_one = |word: &str, place: &str| {
        add(word, Fact::Demonym, false);
        if place == "-" {
            add(word, Fact::GroupDemonym, false);
        }
    };
    for line in entries(DEMONYMS) {
        let key = key_of(line);
        let Some(place) = DEMONYM_MAP.get(key) else {
            continue;
        };
        add_one(key, place);
        let plural = format!("{key}s");
        if key.len() > 2 && DEMONYM_MAP.get(&plural).is_none() {
            add_one(&plural, place);
        }
    }
}

fn facts_table() -> &'static WordTable<FactEntry> {
    FACTS.get_or_init(build_facts)
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
        let title_bits = Fact::Title as u16 | Fact::MayStartTitle as u16;
        lowered = WordFacts((lowered.0 & !title_bits) | (titles.0 & title_bits));
    }
    WordFacts(exact.0 | lowered.0)
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

    static SURNAMES_ALONE: WordSet = WordSet::exact(SURNAMES_FILE);
    static PLACES_ALONE: WordSet = WordSet::exact(PLACES_FILE);
    static PLACES_EXTRA_ALONE: WordSet = WordSet::exact(PLACES_EXTRA_FILE);
    static GIVEN_ALONE: TabMap = TabMap::new(&[GIVEN_NAMES, GIVEN_NAMES_INTL], false);

    /// The facts of `word`, each asked of a list of its own (as the lists were before
    /// the combined table).
    fn facts_one_by_one(word: &str) -> WordFacts {
        let given = GIVEN_ALONE.get(word).map(gender_of);
        let answers = [
            (
                NOT_NAMES.contains(word) || calendar::names_only().any(|n| capitalised(n) == word),
                Fact::NotName,
            ),
            (SURNAMES_ALONE.contains(word), Fact::Surname),
            (ORG_WORDS.contains(word), Fact::OrgWord),
            (PLACE_WORDS.contains(word), Fact::PlaceWord),
            (OTHER_WORDS.contains(word), Fact::OtherWord),
            (KNOWN_ORGS.contains(word), Fact::KnownOrg),
            (
                PLACES_ALONE.contains(word) || PLACES_EXTRA_ALONE.contains(word),
                Fact::Place,
            ),
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
