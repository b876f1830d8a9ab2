//! The facts the entity stage's single-word lists give about a word (a given name, a
//! surname, a place, a common word…), as bit flags, and the recipe of the one table that
//! holds them all. Relies on `lexicon`'s word table and the lists in `data/` alone: the
//! build script compiles this file too, and builds the table with [`build`] at compile
//! time (see [`super::lists`], which reads it).

use crate::calendar;
use crate::lexicon::{entries, WordTable};

pub const ORG_WORDS_FILE: &str = include_str!("../../data/org_words.txt");
pub const KNOWN_ORGS_FILE: &str = include_str!("../../data/known_orgs.txt");
pub const PLACE_WORDS_FILE: &str = include_str!("../../data/place_words.txt");
pub const OTHER_WORDS_FILE: &str = include_str!("../../data/other_words.txt");
pub const NOT_NAMES_FILE: &str = include_str!("../../data/not_names.txt");
pub const NOT_NAME_WORDS_FILE: &str = include_str!("../../data/not_name_words.txt");
pub const SURNAMES_FILE: &str = include_str!("../../data/surnames.txt");
pub const COMMON_WORDS_FILE: &str = include_str!("../../data/common_words.txt");
pub const PLACES_FILE: &str = include_str!("../../data/places.txt");
pub const PLACES_EXTRA_FILE: &str = include_str!("../../data/places_extra.txt");
pub const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
pub const GIVEN_NAMES_INTL: &str = include_str!("../../data/given_names_intl.txt");
pub const TITLES: &str = include_str!("../../data/titles.txt");
pub const DEMONYMS: &str = include_str!("../../data/demonyms.txt");
/// Organizations we list by hand (news media, publishers, central banks, international
/// bodies, parties): as strong as `KNOWN_ORGS_FILE`.
pub const HAND_ORG_FILES: [&str; 3] = [
    include_str!("../../data/org_names_media.txt"),
    include_str!("../../data/org_names_publishers.txt"),
    include_str!("../../data/org_names_bodies.txt"),
];
/// Organization names generated from open gazetteers (`data/make_name_lists.py`).
pub const LISTED_ORG_FILES: [&str; 4] = [
    include_str!("../../data/org_names_companies.txt"),
    include_str!("../../data/org_names_brands.txt"),
    include_str!("../../data/org_names_universities.txt"),
    include_str!("../../data/org_names_parties.txt"),
];
/// Sports clubs and teams (many named after their towns).
pub const TEAM_FILES: [&str; 2] = [
    include_str!("../../data/sports_clubs.txt"),
    include_str!("../../data/sports_teams.txt"),
];
pub const VENUES_FILE: &str = include_str!("../../data/venues.txt");

/// One thing the lists can say about a single word (the functions named are those of
/// `entities::lists`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Fact {
    /// `NOT_NAMES` holds the word, or it is a month or weekday name
    /// (`calendar::names_only`, capitalised).
    NotName = 1,
    /// `SURNAMES` holds the word.
    Surname = 1 << 1,
    /// `ORG_WORDS` holds the word.
    OrgWord = 1 << 2,
    /// `PLACE_WORDS` holds the word.
    PlaceWord = 1 << 3,
    /// `OTHER_WORDS` holds the word.
    OtherWord = 1 << 4,
    /// `KNOWN_ORGS` holds the word.
    KnownOrg = 1 << 5,
    /// `is_place`.
    Place = 1 << 6,
    /// `given_name` is `Some`.
    GivenName = 1 << 7,
    /// `demonym` is `Some`.
    Demonym = 1 << 8,
    /// `demonym` is `Some("-")`: a group with no place ("Democrats").
    GroupDemonym = 1 << 9,
    /// `is_common_word`.
    Common = 1 << 10,
    /// `title` is `Some` (for the word alone).
    Title = 1 << 11,
    /// `may_start_title`.
    MayStartTitle = 1 << 12,
    /// `given_name` is `Some(Some(Gender::Male))`.
    GivenMale = 1 << 13,
    /// `given_name` is `Some(Some(Gender::Female))`.
    GivenFemale = 1 << 14,
    /// A list generated from open gazetteers holds the name (`LISTED_ORG_FILES`):
    /// evidence for an organization, weaker than `KnownOrg`.
    ListedOrg = 1 << 15,
    /// A sports club or team has the name (`TEAM_FILES`): an organization in a sports
    /// context, whatever else the name is.
    Team = 1 << 16,
}

/// The answers of every single-word list about one word, as bit flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordFacts(pub(super) u32);

impl WordFacts {
    pub fn has(self, fact: Fact) -> bool {
        self.0 & fact as u32 != 0
    }

    /// True when the word has any of `facts`.
    pub fn any(self, facts: &[Fact]) -> bool {
        facts.iter().any(|&f| self.has(f))
    }

    pub(super) fn with(self, fact: Fact) -> WordFacts {
        WordFacts(self.0 | fact as u32)
    }
}

/// The facts of one word that the candidate finder keeps for every token: the first
/// sixteen, which are all a single word's tests ask (the later ones, such as `Team`, are
/// asked of whole names). Sixteen bits keep the per-token record at four bytes: the
/// finder holds one per token, so a wider one costs memory per byte of input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenFacts(u16);

impl TokenFacts {
    pub fn of(facts: WordFacts) -> TokenFacts {
        TokenFacts(facts.0 as u16)
    }

    pub fn facts(self) -> WordFacts {
        WordFacts(u32::from(self.0))
    }
}

/// Facts stored under one key: those of lists that match the word exactly, and those of
/// lists that match the word's lowercase form (the key being that lowercase form).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactEntry {
    pub exact: WordFacts,
    pub lowered: WordFacts,
}

impl FactEntry {
    /// The entry of these bits (as the build script writes it).
    pub const fn of(exact: u32, lowered: u32) -> FactEntry {
        FactEntry {
            exact: WordFacts(exact),
            lowered: WordFacts(lowered),
        }
    }
}

/// The key of a `key<TAB>value` line.
pub fn key_of(line: &str) -> &str {
    line.split('\t').next().unwrap_or("").trim()
}

/// The table of every list's facts, keyed by the word as listed (exact facts) and by the
/// lowercase word (facts of the caseless lists: common words and titles). Called by the
/// build script (and a test), not at run time.
#[allow(dead_code)]
pub fn build() -> WordTable<FactEntry> {
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
    let known_orgs = [
        KNOWN_ORGS_FILE,
        HAND_ORG_FILES[0],
        HAND_ORG_FILES[1],
        HAND_ORG_FILES[2],
    ];
    let exact: [(&[&'static str], Fact); 9] = [
        (&[NOT_NAMES_FILE, NOT_NAME_WORDS_FILE], Fact::NotName),
        (&[SURNAMES_FILE], Fact::Surname),
        (&[ORG_WORDS_FILE], Fact::OrgWord),
        (&[PLACE_WORDS_FILE], Fact::PlaceWord),
        (&[OTHER_WORDS_FILE], Fact::OtherWord),
        (&known_orgs, Fact::KnownOrg),
        (&[PLACES_FILE, PLACES_EXTRA_FILE, VENUES_FILE], Fact::Place),
        (&LISTED_ORG_FILES, Fact::ListedOrg),
        (&TEAM_FILES, Fact::Team),
    ];
    for (files, fact) in exact {
        for key in files.iter().flat_map(|file| entries(file)) {
            add(key, fact, false);
        }
    }
    // Sorted: the calendar's map has no fixed order, and the table built at compile time
    // must be the same on every build.
    let mut calendar_names: Vec<&str> = calendar::names_only().collect();
    calendar_names.sort_unstable();
    for name in calendar_names {
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
pub fn capitalised(word: &str) -> String {
    let mut word = word.to_string();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    word
}

/// Adds the given names with their gender hint (the first line of a name wins).
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

/// Adds the demonyms and the plurals `lists::demonym` accepts ("Ukrainians"), each with
/// the place that function would find first (the first line of a demonym wins).
fn add_demonyms(add: &mut impl FnMut(&str, Fact, bool)) {
    let places = WordTable::new(entries(DEMONYMS).map(|line| {
        let mut parts = line.splitn(2, '\t');
        let key = parts.next().unwrap_or("").trim();
        (key, parts.next().unwrap_or("").trim())
    }));
    let mut add_one = |word: &str, place: &str| {
        add(word, Fact::Demonym, false);
        if place == "-" {
            add(word, Fact::GroupDemonym, false);
        }
    };
    for line in entries(DEMONYMS) {
        let key = key_of(line);
        let Some(place) = places.get(key) else {
            continue;
        };
        add_one(key, place);
        let plural = format!("{key}s");
        if key.len() > 2 && places.get(&plural).is_none() {
            add_one(&plural, place);
        }
    }
}
