//! Typing: the evidence that a name is a person, an organization, a place or something
//! else, from the name's own words (titles, given names and surnames, organization and
//! place words, place lists, known organizations) and from its context ("the foundation
//! X", "in X", "X-based", "X said", "X, a senior analyst"). A merged entity adds up the
//! evidence of its mentions (see [`decide`]), so a name typed once with confidence keeps
//! that type everywhere. Relies on [`super::candidates`] and [`super::lists`].

use std::sync::OnceLock;

use super::candidates::{is_capitalised, is_particle, Candidate, CapitalStats, Names};
use super::lists;
use crate::document::{Document, EntityType, TokenKind};
use crate::lexicon::WordSet;

/// Scores for each type; the highest positive one wins.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    pub person: i32,
    pub organization: i32,
    pub place: i32,
    pub other: i32,
}

impl Evidence {
    pub fn add(&mut self, other: Evidence) {
        self.person += other.person;
        self.organization += other.organization;
        self.place += other.place;
        self.other += other.other;
    }

    fn bump(&mut self, t: EntityType, by: i32) {
        match t {
            EntityType::Person => self.person += by,
            EntityType::Organization => self.organization += by,
            EntityType::Place => self.place += by,
            EntityType::Other => self.other += by,
        }
    }

    /// The winning type, or `None` when nothing speaks for any.
    pub fn best(&self) -> Option<EntityType> {
        let scores = [
            (self.organization, EntityType::Organization),
            (self.place, EntityType::Place),
            (self.person, EntityType::Person),
            (self.other, EntityType::Other),
        ];
        let (score, t) = scores
            .iter()
            .copied()
            .fold(
                (0, EntityType::Other),
                |best, s| if s.0 > best.0 { s } else { best },
            );
        (score > 0).then_some(t)
    }
}

/// Words after a name that make it the subject of speech.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "told"
            | "added"
            | "argued"
            | "argues"
            | "explained"
            | "noted"
            | "insisted"
            | "warned"
            | "commented"
            | "replied"
            | "asked"
            | "wrote"
            | "tweeted"
            | "believes"
            | "thinks"
            | "thought"
            | "wants"
            | "wanted"
            | "hopes"
            | "hoped"
    )
}

/// Verbs that commonly follow a subject ("the Kremlin has …").
fn is_clause_verb(word: &str) -> bool {
    is_speech_verb(word)
        || matches!(
            word,
            "is" | "was"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "did"
                | "does"
                | "announced"
                | "reported"
                | "confirmed"
                | "denied"
                | "claimed"
                | "declined"
                | "and"
                | "or"
                | "of"
                | "in"
                | "on"
                | "to"
                | "for"
                | "at"
                | "by"
                | "with"
                | "from"
                | "as"
                | "that"
                | "which"
                | "who"
                | "are"
                | "were"
        )
}

/// Evidence from the name's own words: what the name would be anywhere.
/// `key` is the candidate's [`super::merging::name_key`].
#[cfg(test)]
pub fn lexical(doc: &Document, names: &Names, c: &Candidate, key: &str) -> Evidence {
    name_evidence(doc.slice(c.span), names.words(c), key)
        .map_or_else(Evidence::default, |e| with_title(e, c))
}

/// Adds to a name's [`name_evidence`] what its title or role says: a person, more
/// surely than a place list says a place ("President Lincoln", "Queen Victoria").
pub fn with_title(mut e: Evidence, c: &Candidate) -> Evidence {
    if c.has_title_or_role() {
        let place_list = e.place > 0; // the title outweighs it
        e.bump(EntityType::Person, if place_list { e.place + 1 } else { 5 });
    }
    e
}

/// The part of [`lexical`] that the name's text (`full`), words and key decide alone,
/// so that repeated names can share it; `None` for a name without words.
pub fn name_evidence(full: &str, words: &[&str], key: &str) -> Option<Evidence> {
    let mut e = Evidence::default();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return None;
    };
    let multi = words.len() >= 2;
    let canonical = key;
    // The canonical key is mostly the name itself: then one look-up per list does.
    e.add(list_evidence(full, canonical, words));
    // "the State and Homeland Security Departments": a plural head names bodies too
    // (not a surname: "Tyra Banks").
    let plural_head = multi
        && last
            .strip_suffix('s')
            .is_some_and(|one| lists::ORG_WORDS.contains(one))
        && !lists::SURNAMES.contains(last);
    if plural_head || (lists::ORG_WORDS.contains(last) && (multi || first.len() > 3)) {
        e.bump(EntityType::Organization, 4);
    }
    let org_before_connector = words.windows(2).any(|w| match w {
        ["Center" | "Centre", "for"] => true,
        [head, "of" | "for"] => lists::ORG_WORDS.contains(head),
        _ => false,
    });
    if org_before_connector {
        e.bump(EntityType::Organization, 4);
    }
    e.add(head_evidence(words));
    if multi && lists::PLACE_WORDS.contains(last) {
        // "Helen Park", "Ruth Hill": a given name before a place word that is also a
        // surname is a person's name more often than a park's.
        // "Marc Lamont Hill": a middle name is as good a sign as a given name that is
        // no common word.
        let middle_name = words.len() == 3
            && is_capitalised(words[1])
            && (lists::given_name(words[1]).is_some() || !lists::is_common_word(words[1]));
        let personal = (middle_name || (words.len() == 2 && !lists::is_common_word(first)))
            && lists::given_name(first).is_some()
            && lists::SURNAMES.contains(last);
        e.bump(EntityType::Place, if personal { 2 } else { 4 });
    }
    let place_head =
        matches!(first, "Lake" | "Mount" | "Cape" | "River") && lists::PLACE_WORDS.contains(first);
    if multi && (place_head || matches!(first, "Mt" | "Ft")) {
        e.bump(EntityType::Place, 4);
    }
    // "Museum of Flight", "Gulf of Mexico"; not "Center for …" (above) nor "Secretary of
    // State" (a title's head).
    let place_before_of = words.windows(2).any(
        |w| matches!(w, [head, "of"] if lists::PLACE_WORDS.contains(head) && !org_before_connector),
    );
    if place_before_of {
        e.bump(EntityType::Place, 4);
    }
    if lists::OTHER_WORDS.contains(last) && (multi || matches!(last, "Olympics" | "Paralympics")) {
        e.bump(EntityType::Other, 4);
    }
    // "Pieter van der Berg": after a given name, particles are part of a person's name.
    let given = lists::given_name(first).is_some();
    let has_connector = words
        .iter()
        .any(|w| !(is_capitalised(w) || (given && is_particle(w))));
    if multi && !has_connector {
        if lists::given_name(first).is_some() {
            e.bump(EntityType::Person, 3);
        }
        // "UNC Greensboro", "LA Weekly": capitals before a place or an organization's
        // head are an institution's initials, not a person's.
        // "USI Art Collections": initials before common words are an institution's.
        let surname_like = |w: &&str| !lists::is_common_word(w) || lists::SURNAMES.contains(w);
        if is_initials(first)
            && lists::alias_target(first).is_none()
            && !lists::KNOWN_ORGS.contains(first)
            && !lists::is_place(last)
            && words[1..].iter().all(surname_like)
        {
            e.bump(EntityType::Person, 3);
        }
        if is_acronym(first) && lists::alias_target(first).is_none() && lists::is_place(last) {
            e.bump(EntityType::Organization, 3); // "UNC Greensboro", "UC Berkeley"
        }
        if lists::SURNAMES.contains(last) && !lists::is_common_word(first) {
            e.bump(EntityType::Person, 1);
        }
        if (2..=3).contains(&words.len()) && words.iter().skip(1).any(|w| is_syllable_name(w)) {
            e.bump(EntityType::Person, 2); // "Cheng Chung-tai", "Kim Min-Woo"
        }
    }
    if !multi {
        if lists::given_name(first).is_some() || lists::SURNAMES.contains(first) {
            e.bump(EntityType::Person, 1);
        }
        if is_acronym(first) && e == Evidence::default() {
            e.bump(EntityType::Organization, 2);
        }
        if is_capitals_then_word(first) {
            e.bump(EntityType::Organization, 3); // "JPMorgan", "PCWorld": a brand's shape
        }
    }
    Some(e)
}

/// Heads that other lists' rules miss: an organization's head in first place, as
/// Romance languages write it ("Instituto Gonzaga", "Partito Democratico"); a paper's
/// name after a place ("Edmonton Sun", "Irish Times"); a compass point after a place
/// ("Kowloon West", a district).
fn head_evidence(words: &[&str]) -> Evidence {
    let mut e = Evidence::default();
    let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
        return e;
    };
    // Only asked when the last word is a paper's head or a compass point: the join is rare.
    let place_before = || {
        let before = &words[..words.len() - 1];
        lists::demonym(first).is_some()
            || (lists::given_name(first).is_none() && lists::is_place(&before.join(" ")))
    };
    if words.len() >= 2 && lists::ORG_FIRST_WORDS.contains(first) {
        e.bump(EntityType::Organization, 4);
    }
    if (2..=3).contains(&words.len()) && lists::MEDIA_HEADS.contains(last) && place_before() {
        e.bump(EntityType::Organization, 4);
    }
    let compass = matches!(last, "North" | "South" | "East" | "West");
    if (2..=4).contains(&words.len()) && compass && place_before() {
        e.bump(EntityType::Place, 6);
    }
    e
}

/// What the name lists say of a whole name (`full` as written, `canonical` its key):
/// hand-listed organizations and places weigh 6, gazetteer organizations and teams 4.
fn list_evidence(full: &str, canonical: &str, words: &[&str]) -> Evidence {
    let mut e = Evidence::default();
    // The canonical key is mostly the name itself: then one look-up per list does.
    let listed = |test: fn(&str) -> bool| test(full) || (canonical != full && test(canonical));
    if listed(|w| lists::KNOWN_ORGS.contains(w)) {
        e.bump(EntityType::Organization, 6);
    } else if listed(|w| lists::LISTED_ORGS.contains(w)) && !is_ambiguous_brand(words) {
        // As strong as a given name and a surname together ("Morgan Stanley"): the
        // context decides between them.
        e.bump(EntityType::Organization, 4);
    }
    if listed(is_unambiguous_team) {
        e.bump(EntityType::Organization, 4);
    }
    if words.len() >= 2 && words.contains(&"&") {
        e.bump(EntityType::Organization, 2); // "Marks & Spencer", "Hollins & Pryor"
    }
    if listed(lists::is_place) {
        e.bump(EntityType::Place, 6);
    }
    e
}

/// A one-word brand that is also a word, a person's name or a place ("Shell", "Norton"):
/// a list says nothing about it by itself.
fn is_ambiguous_brand(words: &[&str]) -> bool {
    use lists::Fact;
    match words {
        [word] => {
            lists::facts(word).any(&[Fact::Common, Fact::Surname, Fact::GivenName, Fact::Place])
        }
        _ => false,
    }
}

/// A team's name that is no place, given name or common word ("Celtics", "Tottenham
/// Hotspur"): a team wherever it stands. Others ("Southampton", "Heat") are teams only
/// in a sports context (see [`is_team_in_sports_context`]).
fn is_unambiguous_team(name: &str) -> bool {
    // One word ("Mauer", "Texans") may be anyone's name: only its context tells.
    name.contains(' ') && lists::TEAMS.contains(name) && {
        let facts = lists::facts(name);
        !facts.any(&[
            lists::Fact::Place,
            lists::Fact::GivenName,
            lists::Fact::Common,
        ])
    }
}

/// Initials standing for given names: "J.C", "JD", "L".
fn is_initials(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| *c != '.') {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    (1..=3).contains(&letters)
}

/// Two capitals or more, then lowercase letters, in one word ("JPMorgan"): a brand's
/// spelling; personal names capitalise one letter before lowercase ("McCarthy", "DeSantis").
fn is_capitals_then_word(word: &str) -> bool {
    // Not a plural acronym or a unit ("MPs", "GHz"), nor a hashtag ("IStandWithAhmed").
    let leading = word.chars().take_while(|c| c.is_uppercase()).count();
    let rest = word.chars().skip(leading);
    leading >= 2 && rest.clone().count() >= 3 && rest.clone().all(char::is_lowercase)
}

/// An all-capital word of two to six letters ("NATO", "CSIS").
pub fn is_acronym(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| *c != '.') {
        if !c.is_uppercase() || letters == 6 {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// "WASHINGTON (AP) -", "LONDON, Nov 3 (Reuters) —": an all-caps name that opens a
/// paragraph and is followed by the agency, a comma or a dash is the dateline's place.
fn is_dateline(doc: &Document, c: &Candidate, after: &str) -> bool {
    // The cheap test first: this runs for every candidate.
    if !matches!(after, "(" | "," | "-" | "—" | "–") {
        return false;
    }
    let opens_paragraph = c.sentence() == 0
        || match (
            doc.sentences.get(c.sentence().wrapping_sub(1)),
            doc.sentences.get(c.sentence()),
        ) {
            (Some(prev), Some(this)) => prev.paragraph() != this.paragraph(),
            _ => false,
        };
    let starts_sentence = doc
        .sentences
        .get(c.sentence())
        .is_some_and(|s| s.tokens().start == c.first_token());
    let text = doc.slice(c.span);
    let all_caps = text.chars().filter(|ch| ch.is_alphabetic()).count() >= 3
        && !text.chars().any(char::is_lowercase);
    opens_paragraph && starts_sentence && all_caps
}

/// Evidence from the words around a mention.
pub fn contextual(doc: &Document, names: &Names, c: &Candidate, lexical: &Evidence) -> Evidence {
    let mut e = Evidence::default();
    let word_at = |i: Option<usize>| -> &str {
        i.and_then(|i| doc.tokens.get(i))
            .map(|t| doc.slice(t.span()))
            .unwrap_or("")
    };
    let before = word_at(c.first_token().checked_sub(1));
    let before2 = word_at(c.first_token().checked_sub(2));
    let after = word_at(Some(c.end_token()));
    if is_dateline(doc, c, after) {
        e.bump(EntityType::Place, 8);
    }
    if lists::ORG_NOUNS.contains(before) && !is_capitalised(before) {
        e.bump(EntityType::Organization, 4);
    }
    let leader = is_leader_modifier(names.words(c), after);
    if leader {
        e.bump(EntityType::Person, 3);
    }
    if before == "the" || before == "The" {
        // A full name with a given name ("the Tom Cruise video"), not one word ("the
        // Stuart restoration") nor a surname after any word ("the Kowloon East seat").
        let words = names.words(c);
        let full_name = words.len() >= 2
            && lists::given_name(words[0]).is_some()
            && lexical.best() == Some(EntityType::Person);
        e.add(after_article(doc, names, c, after, leader || full_name));
    }
    if before == ":" && before2.eq_ignore_ascii_case("source") {
        e.bump(EntityType::Organization, 3);
    }
    if !c.possessive
        && matches!(
            before,
            "in" | "near" | "across" | "throughout" | "outside" | "inside" | "towards" | "toward"
        )
    {
        e.bump(EntityType::Place, 2);
        e.bump(EntityType::Person, -1);
    }
    match c.suffix() {
        Some("based" | "born") => e.bump(EntityType::Place, 3),
        Some("led" | "backed" | "owned" | "funded" | "run") => e.bump(EntityType::Organization, 1),
        _ => {}
    }
    let speaker_after_verb = matches!(before, "said" | "says" | "added" | "wrote" | "noted")
        && matches!(after, "," | "." | ""); // "…, said Mauer, are required"
    if !c.possessive && c.suffix().is_none() && (is_speech_verb(after) || speaker_after_verb) {
        e.bump(EntityType::Person, 1);
    }
    if is_organization_context(doc, c, before, before2, after) {
        e.bump(EntityType::Organization, 4);
    }
    if after == "," && apposition_has_person_role(doc, c.end_token() + 1) {
        e.bump(EntityType::Person, 3);
    }
    if is_role_noun(before) {
        e.bump(EntityType::Person, 3); // "fashion designer Halston", "photographers Nat …"
    }
    if is_organization_possessive(before) && ends_in_surname(names.words(c)) {
        e.bump(EntityType::Person, 2); // "DAB's Starry Lee", "Acme's Rose Kemp"
    }
    e.add(acting_organization(doc, c, before, before2, after));
    let unknown = *lexical == Evidence::default();
    e.add(place_context(c, before, before2, unknown));
    if !c.possessive && PLACE_NOUNS.contains(after) {
        e.bump(EntityType::Place, 4); // "the Po river", "the Donbas region"
    }
    if unknown && is_affiliation(doc, c) {
        e.bump(EntityType::Organization, 3);
    }
    if is_counted_plural(doc, names, c) {
        e.bump(EntityType::Other, 3);
    }
    if matches!(names.words(c), [word] if is_acronym(word)) && THING_NOUNS.contains(after) {
        e.bump(EntityType::Other, 3); // "the ICI system", "a PCR test"
    }
    let number_follows = doc
        .tokens
        .get(c.end_token())
        .is_some_and(|t| t.kind == TokenKind::Number);
    if number_follows && !c.possessive {
        e.bump(EntityType::Other, 1); // "Internet Explorer 6", "Windows 10"
    }
    if unknown
        && looks_like_personal_name(names.words(c))
        && !matches!(before, "the" | "The")
        && !c.weak
        && !number_follows
    {
        e.bump(EntityType::Person, 1);
    }
    e
}

/// "Gary Fan of the Neo Democrats", "Demosisto's Nathan Lau": a name that a person's
/// full name is "of the", or whose possessive a person's full name follows, is the
/// person's party or employer.
fn is_affiliation(doc: &Document, c: &Candidate) -> bool {
    let word_at = |i: usize| crate::speech::word(doc, i);
    let full_name = |given: usize| {
        let surname = word_at(given + 1);
        lists::given_name(word_at(given)).is_some()
            && is_capitalised(surname)
            && !lists::ORG_WORDS.contains(surname)
            && !lists::PLACE_WORDS.contains(surname)
    };
    if c.possessive {
        return full_name(c.end_token());
    }
    // Without "the", "of" after a person is as often a place ("Gordon of Auchleuchries").
    let first = c.first_token();
    first >= 4 && word_at(first - 1) == "the" && word_at(first - 2) == "of" && full_name(first - 4)
}

/// "100 Polaroids", "three Oscars": a capitalised plural counted by a number is a
/// thing, not an organization.
fn is_counted_plural(doc: &Document, names: &Names, c: &Candidate) -> bool {
    let counted = c.first_token().checked_sub(1).is_some_and(|b| {
        doc.tokens
            .get(b)
            .is_some_and(|t| t.kind == TokenKind::Number)
    });
    counted
        && !c.possessive
        && matches!(names.words(c), [word] if word.ends_with('s') && !word.ends_with("ss"))
}

/// Evidence from "the" before a name: "the Kremlin said" is a body, "the Tomahawk
/// missiles" a thing. A person's name may stand there only as a modifier of the noun
/// the article belongs to ("the Tom Cruise video"): `personal` says the name is one.
fn after_article(
    doc: &Document,
    names: &Names,
    c: &Candidate,
    after: &str,
    personal: bool,
) -> Evidence {
    let mut e = Evidence::default();
    let next_is_word = doc
        .tokens
        .get(c.end_token())
        .is_some_and(|t| t.kind == TokenKind::Word);
    let modifier = next_is_word && !is_capitalised(after) && !is_clause_verb(after);
    if personal && modifier {
        return e;
    }
    e.bump(EntityType::Person, -2);
    e.add(capital_the(doc, c, after));
    if next_is_word && is_clause_verb(after) {
        e.bump(EntityType::Organization, 1);
    } else if modifier && c.word_count() == 1 && !names.words(c).iter().any(|w| is_acronym(w)) {
        e.bump(EntityType::Other, 1);
    }
    e
}

/// "played with The Velvet Underground": a capital "The" inside a sentence belongs to
/// a band's, paper's or work's name, never a person's (unless an "and" follows: "The
/// Jenna and Julien Podcast" is one name).
fn capital_the(doc: &Document, c: &Candidate, after: &str) -> Evidence {
    let mut e = Evidence::default();
    let the = c.first_token().wrapping_sub(1);
    let opens_sentence = doc
        .sentences
        .get(c.sentence())
        .is_some_and(|s| s.tokens().start >= the);
    if crate::speech::word(doc, the) == "The" && !opens_sentence && !matches!(after, "and" | "&") {
        e.bump(EntityType::Person, -3);
    }
    e
}

/// A lowercase role noun or its plural ("designer", "photographers"): the name after it
/// is a person's. Titles that are also adjectives ("the official Olympics site", "in
/// general Europe") say nothing.
fn is_role_noun(word: &str) -> bool {
    if is_capitalised(word)
        || matches!(
            word,
            "official" | "general" | "major" | "chief" | "deputy" | "chair"
        )
    {
        return false;
    }
    let plural_of_title = || {
        word.strip_suffix('s')
            .is_some_and(|one| one.len() > 2 && lists::title(one).is_some())
    };
    lists::title(word).is_some() || plural_of_title()
}

/// An organization's possessive: an acronym or a listed organization ("DAB's",
/// "Google’s").
fn is_organization_possessive(word: &str) -> bool {
    let (name, possessive) = super::candidates::strip_possessive(word);
    possessive
        && (is_acronym(name)
            || lists::KNOWN_ORGS.contains(name)
            || lists::LISTED_ORGS.contains(name))
}

/// Two or three capitalised words ending in a listed surname, none of them a word of
/// an organization's, a place's or a work's name: a personal name when its context says
/// whose it is, even if its first word is a common word ("Starry Lee").
fn ends_in_surname(words: &[&str]) -> bool {
    let plain = |w: &&str| {
        is_capitalised(w)
            && !lists::ORG_WORDS.contains(w)
            && !lists::PLACE_WORDS.contains(w)
            && !lists::OTHER_WORDS.contains(w)
    };
    (2..=3).contains(&words.len())
        && words.iter().all(plain)
        && words.last().is_some_and(|w| lists::SURNAMES.contains(w))
        && !lists::is_place(&words.join(" "))
}

/// Nouns after a leader's surname ("the Obama administration", "the Monti government").
static LEADER_NOUNS: WordSet = WordSet::exact(include_str!("../../data/leader_nouns.txt"));

/// "Monti government", "Assad regime": a single name that is no common word or place
/// before a noun of government is the leader's surname.
fn is_leader_modifier(words: &[&str], after: &str) -> bool {
    match words {
        [word] => {
            LEADER_NOUNS.contains(after)
                && word.chars().all(char::is_alphabetic)
                && !lists::is_common_word(word)
                && !lists::is_place(word)
                && lists::demonym(word).is_none()
                && !is_acronym(word)
        }
        _ => false,
    }
}

/// Nouns of geography after a name that make it a place's ("the Po river").
static PLACE_NOUNS: WordSet = WordSet::exact(include_str!("../../data/place_nouns.txt"));

/// Evidence that a name is a place from the words before it: "the town of Yeoncheon",
/// "the people of Penzance", "the mayor of Cremona" (a local office's seat); and, for a
/// name no list knows, "flights from Frankfurt", "the road to Didcot".
fn place_context(c: &Candidate, before: &str, before2: &str, unknown: bool) -> Evidence {
    let mut e = Evidence::default();
    if c.possessive || c.suffix().is_some() {
        return e;
    }
    let of_a_place = before == "of"
        && matches!(
            before2,
            "town"
                | "city"
                | "village"
                | "suburb"
                | "county"
                | "province"
                | "region"
                | "district"
                | "island"
                | "port"
                | "people"
                | "residents"
                | "streets"
                | "outskirts"
                | "north"
                | "south"
                | "east"
                | "west"
                | "centre"
                | "center"
                | "mayor"
                | "mayors"
                | "governor"
                | "governors"
        );
    if of_a_place {
        e.bump(EntityType::Place, 3);
    }
    let travel = matches!(
        before2.to_ascii_lowercase().as_str(),
        "flight" | "flights" | "train" | "trains" | "trip" | "miles" | "km" | "road" | "route"
    );
    if unknown && c.word_count() == 1 && travel && matches!(before, "from" | "to") {
        e.bump(EntityType::Place, 3);
    }
    e
}

/// Nouns after an acronym that make it a thing's name, not an organization's.
static THING_NOUNS: WordSet = WordSet::exact(include_str!("../../data/thing_nouns.txt"));

/// Words after an organization's name that show it is one ("Vodafone's chief
/// executive", "Siemens shares", "a Kremlin spokeswoman").
static ORG_CONTEXT_WORDS: WordSet =
    WordSet::exact(include_str!("../../data/org_context_words.txt"));

/// "Shares in X", "a spokesman for X", "X said in a statement", "X's chief executive",
/// "X spokeswoman": the name is an organization's, whatever it looks like.
fn is_organization_context(
    doc: &Document,
    c: &Candidate,
    before: &str,
    before2: &str,
    after: &str,
) -> bool {
    let word_at = |i: usize| crate::speech::word(doc, i);
    let end = c.end_token();
    let before2 = before2.to_ascii_lowercase();
    let shares_in = matches!(before, "in" | "of") && matches!(before2.as_str(), "shares" | "stake");
    let spokesman_for = before == "for"
        && matches!(
            before2.as_str(),
            "spokesman" | "spokeswoman" | "spokesperson"
        );
    let statement = matches!(after, "said" | "says")
        && word_at(end + 1) == "in"
        && matches!(word_at(end + 2), "a" | "its")
        && word_at(end + 3) == "statement";
    // After a possessive, words that a person's name also takes ("Putin's spokesman",
    // "Trump's chief of staff") prove nothing; "chief executive" and business words do.
    let personal = matches!(
        after,
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "staff" | "workers"
    ) || (after == "chief"
        && !matches!(
            word_at(end + 1),
            "executive" | "executives" | "financial" | "operating"
        ));
    let followed =
        ORG_CONTEXT_WORDS.contains(after) && !(c.possessive && personal) && !c.has_title_or_role();
    shares_in || spokesman_for || statement || followed
}

/// Evidence that the name acts as an organization: it speaks as "it", someone holds a
/// role at it, or it plays a match (a listed team).
fn acting_organization(
    doc: &Document,
    c: &Candidate,
    before: &str,
    before2: &str,
    after: &str,
) -> Evidence {
    let mut e = Evidence::default();
    if speaks_as_it(doc, c, after) || works_at(before, before2) {
        e.bump(EntityType::Organization, 3);
    }
    if is_team_in_sports_context(doc, c) {
        e.bump(EntityType::Organization, 8);
    }
    e
}

/// "Honda said it would…", "Shell said its…": a speaker that is an "it" is an
/// organization.
fn speaks_as_it(doc: &Document, c: &Candidate, after: &str) -> bool {
    !c.possessive
        && is_speech_verb(after)
        && doc
            .tokens
            .get(c.end_token() + 1)
            .is_some_and(|t| matches!(doc.slice(t.span()), "it" | "its"))
}

/// "an analyst at Peel Hunt", "a spokeswoman for Pfizer": a role held at the name.
fn works_at(before: &str, role: &str) -> bool {
    matches!(before, "at" | "with") && !is_capitalised(role) && lists::title(role).is_some()
}

/// "Southampton beat Chelsea 2-1", "Wolves striker": a listed team's name next to a
/// result, a score or a player's role stands for the team, even when it is also a
/// town's or a person's name.
pub fn is_team_in_sports_context(doc: &Document, c: &Candidate) -> bool {
    let word_at = |i: usize| crate::speech::word(doc, i);
    let end = c.end_token();
    let before = c.first_token().checked_sub(1).map_or("", word_at);
    let after = word_at(end);
    let result_before = matches!(
        before,
        "beat" | "beating" | "defeated" | "thrashed" | "v" | "vs"
    );
    let cue_after = matches!(
        after,
        "beat"
            | "beats"
            | "drew"
            | "defeated"
            | "thrashed"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "winger"
            | "manager"
            | "coach"
            | "fans"
            | "supporters"
    );
    let kind = |i: usize| doc.tokens.get(i).map(|t| t.kind);
    let score_after = kind(end) == Some(TokenKind::Number)
        && matches!(word_at(end + 1), "-" | "–")
        && kind(end + 2) == Some(TokenKind::Number);
    if !(result_before || cue_after || score_after) {
        return false;
    }
    let name = doc.slice(c.span);
    let name = name
        .strip_suffix("’s")
        .or(name.strip_suffix("'s"))
        .unwrap_or(name);
    lists::TEAMS.contains(name)
}

/// Two or three capitalised words, the first a given name or at least not an ordinary
/// English word ("Mykola Bielieskov", not "Space Shuttle Atlantis"), nor a compass point
/// (surnames too, but "South East Asia" is a region).
pub fn looks_like_personal_name(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let name_like =
        |w: &&str| !lists::is_common_word(w) || lists::SURNAMES.contains(w) || is_syllable_name(w);
    let compass = matches!(*first, "North" | "South" | "East" | "West");
    !compass
        && (2..=3).contains(&words.len())
        && words.iter().all(|w| is_capitalised(w) && !is_acronym(w))
        && (lists::given_name(first).is_some() || name_like(first))
        && words.iter().skip(1).all(name_like)
}

/// A romanised two-syllable given name: "Chung-tai", "Kwok-kin", "Min-Woo"; not a
/// compound that starts with a longer English word ("Comic-Con").
fn is_syllable_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        let short = |s: &str| (2..=5).contains(&s.chars().count());
        short(a)
            && short(b)
            && a.chars().next().is_some_and(char::is_uppercase)
            && !(a.len() >= 4 && lists::is_common_word(a)) // "Min-Woo" stays a name
    })
}

/// True when the words after a comma ("a senior analyst at …") name a person's role
/// within the next few words, before any other comma or a preposition (the role noun
/// heads the apposition: not "a film by the artist", "Picardie to an architect").
fn apposition_has_person_role(doc: &Document, from: usize) -> bool {
    let limit = from + 8;
    for i in from..limit {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        let word = doc.slice(t.span());
        if t.kind == TokenKind::Punct || t.kind == TokenKind::QuoteMark {
            return false;
        }
        if matches!(
            word,
            "by" | "to" | "of" | "for" | "from" | "with" | "at" | "in" | "on"
        ) {
            return false;
        }
        if !is_capitalised(word) && lists::title(word).is_some() {
            return true;
        }
    }
    false
}

/// True for a sports report (many sports words: "scored", "penalty", "striker"), where
/// country names stand for national teams.
pub fn is_sports_report(doc: &Document, stats: &CapitalStats) -> bool {
    let sports: usize = sports_words()
        .iter()
        .map(|w| stats.lowercase_count(doc, w))
        .sum();
    if sports < 12 {
        return false; // most texts: no need to count their words
    }
    let words = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count();
    sports * 50 >= words
}

/// The sports words, read from their file once (not on every call).
fn sports_words() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| lists::entries(lists::SPORTS_WORDS_FILE).collect())
}

/// The type of an entity from the summed evidence of its mentions; no evidence is
/// `Other` (a capitalised name that is nobody, no group and nowhere: "Tomahawk").
pub fn decide(evidence: &Evidence) -> EntityType {
    evidence.best().unwrap_or(EntityType::Other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::candidates;
    use crate::segment;

    fn typed(text: &str) -> Vec<(String, EntityType)> {
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let (cands, names, _) = candidates::find(&doc, &mut Vec::new());
        cands
            .iter()
            .map(|c| {
                let key = crate::entities::merging::name_key(names.words(c));
                let mut e = lexical(&doc, &names, c, &key);
                e.add(contextual(&doc, &names, c, &e.clone()));
                (doc.slice(c.span).to_string(), decide(&e))
            })
            .collect()
    }

    #[test]
    fn words_of_the_name_type_it() {
        use EntityType::*;
        let t = typed("Michael Carpenter of the International Institute for Strategic Studies went to Hungary to see NATO and win the Nobel Peace Prize.");
        assert_eq!(
            t,
            [
                ("Michael Carpenter".into(), Person),
                (
                    "International Institute for Strategic Studies".into(),
                    Organization
                ),
                ("Hungary".into(), Place),
                ("NATO".into(), Organization),
                ("Nobel Peace Prize".into(), Other),
            ]
        );
    }

    #[test]
    fn context_types_unknown_names() {
        use EntityType::*;
        let t = typed("He joined the Ukrainian foundation Come Back Alive. A Brastovia-based group met Mykola Bielieskov, a senior analyst. Skorvin said no.");
        assert_eq!(t[0], ("Come Back Alive".into(), Organization));
        assert_eq!(t[1], ("Brastovia".into(), Place));
        assert_eq!(t[2], ("Mykola Bielieskov".into(), Person));
        assert_eq!(t[3], ("Skorvin".into(), Person));
    }

    #[test]
    fn heads_in_first_place_papers_and_districts() {
        use EntityType::*;
        let t = typed("Pupils of Instituto Marvella read the Winnipeg Sun in Quebec East.");
        assert_eq!(t[0], ("Instituto Marvella".into(), Organization));
        assert_eq!(t[1], ("Winnipeg Sun".into(), Organization));
        assert_eq!(t[2], ("Quebec East".into(), Place));
        let t = typed("Then ZRMorgan said so, as did Ann DeSantis and the MPs.");
        assert_eq!(t[0], ("ZRMorgan".into(), Organization));
        assert_eq!(t[1], ("Ann DeSantis".into(), Person));
        assert_ne!(t[2].1, Organization);
        let t = typed("The Zorvo and Vintal Departments met Tyra Banks.");
        assert_eq!(t[1], ("Vintal Departments".into(), Organization));
        assert_eq!(t[2], ("Tyra Banks".into(), Person));
        let t = typed("Works from the ZRU Print Collections went to ZRU Winnipeg.");
        assert_eq!(t[0].1, Other);
        assert_eq!(t[1], ("ZRU Winnipeg".into(), Organization));
    }

    #[test]
    fn affiliations_and_counted_plurals() {
        use EntityType::*;
        let t = typed("Jonas Brill of the Verdanto spoke. Verdanto's Marta Kell agreed. He sold 40 Zintaros. Jonas Brill of Kelmarsh spoke.");
        assert_eq!(t[1], ("Verdanto".into(), Organization));
        assert_eq!(t[2], ("Verdanto".into(), Organization));
        assert_eq!(t[4], ("Zintaros".into(), Other));
        assert_ne!(t[6], ("Kelmarsh".into(), Organization));
        let t = typed("Zorvia's Hana Law won. Tax moved from the ZQT system, said the QRV envoy.");
        assert_eq!(t[0], ("Zorvia".into(), Organization));
        assert_eq!(t[2], ("ZQT".into(), Other));
        assert_eq!(t[3], ("QRV".into(), Organization));
        let t = typed("She sang with The Velvet Hollow.");
        assert_eq!(t, [("Velvet Hollow".into(), Other)]);
        let t = typed("Then President Lincoln spoke.");
        assert_eq!(t, [("Lincoln".into(), Person)]);
    }

    #[test]
    fn titles_make_people_and_unknown_single_words_are_other() {
        use EntityType::*;
        let t = typed("Then President Putin asked for the Tomahawk missiles.");
        assert_eq!(t, [("Putin".into(), Person), ("Tomahawk".into(), Other)]);
    }

    /// The entities of `text` with their types, after merging.
    fn entity_types(text: &str) -> Vec<(String, EntityType)> {
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        crate::entities::run(&mut doc);
        doc.entities
            .iter()
            .map(|e| (e.name.clone(), e.entity_type))
            .collect()
    }

    fn type_of(types: &[(String, EntityType)], name: &str) -> Option<EntityType> {
        types.iter().find(|(n, _)| n == name).map(|(_, t)| *t)
    }

    #[test]
    fn a_full_name_before_a_noun_stays_a_person() {
        let t = entity_types(
            "Critics mocked the Tom Kettle video. The Kettle video spread widely. \
             Later the Tom Kettle video was removed.",
        );
        assert_eq!(type_of(&t, "Tom Kettle"), Some(EntityType::Person), "{t:?}");
    }

    #[test]
    fn a_surname_before_a_noun_of_government_is_a_person() {
        let t = typed("Taxes rose under the Velardi government.");
        assert_eq!(t, [("Velardi".into(), EntityType::Person)]);
    }

    #[test]
    fn a_name_after_an_organization_possessive_ends_in_a_surname() {
        let t = typed("KTV's Snowy Lee won the seat.");
        assert_eq!(t[1], ("Snowy Lee".into(), EntityType::Person), "{t:?}");
    }

    #[test]
    fn a_middle_name_keeps_a_place_word_surname_personal() {
        let t = typed("On Monday Marc Quentin Hill commented.");
        assert_eq!(t, [("Marc Quentin Hill".into(), EntityType::Person)]);
    }

    #[test]
    fn names_after_a_role_noun_are_people() {
        let t = typed("The show features photographers Nat Okonkwo and Jane Doe.");
        assert_eq!(t[0], ("Nat Okonkwo".into(), EntityType::Person), "{t:?}");
        let t = typed("It shows the fashion designer Velstrom at work.");
        assert_eq!(t, [("Velstrom".into(), EntityType::Person)]);
    }

    #[test]
    fn a_role_after_a_preposition_does_not_head_an_apposition() {
        let t = typed("We watched The Red Hollow, a film by the artist Jane Doe.");
        assert_ne!(t[0].1, EntityType::Person, "{t:?}");
    }

    #[test]
    fn compounds_of_words_are_no_syllable_names() {
        assert!(is_syllable_name("Min-Woo"));
        assert!(is_syllable_name("Chung-tai"));
        assert!(!is_syllable_name("Comic-Con"));
    }

    #[test]
    fn a_name_after_a_speech_verb_is_the_speaker() {
        let t = typed("Recipients, said Velstrom, must show the prints.");
        assert_eq!(t, [("Velstrom".into(), EntityType::Person)]);
    }

    #[test]
    fn a_mountain_s_short_form_makes_a_place() {
        let t = typed("We climbed Mt. Kilvane in May.");
        assert_eq!(t, [("Mt. Kilvane".into(), EntityType::Place)]);
    }

    #[test]
    fn a_region_led_by_a_compass_point_is_no_person() {
        assert!(looks_like_personal_name(&["Mykola", "Bielieskov"]));
        assert!(!looks_like_personal_name(&["South", "East", "Asia"]));
    }
}
