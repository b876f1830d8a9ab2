//! Named entities: finds the proper names of people, organizations and places in the
//! sentences and tokens of `segment`, types them, and merges the mentions of one referent
//! into one entity, with its roles, affiliation, gender hint and the definite
//! descriptions ("the Ukrainian president") that refer to it.
//!
//! Steps, one submodule each: [`candidates`] (name spans, titles, possessives, sentence-
//! initial capitals), [`typing`] (evidence for each type), [`merging`] (one entity per
//! referent), [`roles`] (appositions and affiliations), [`descriptions`] (definite
//! descriptions). Word lists are in `data/` (see [`lists`]).
//!
//! When the stage finishes, `doc.entities` is sorted by salience (mention count, then
//! first position) and entity ids everywhere are indices into it.
//!
//! # API for later stages (attribution, claims)
//! - [`resolve_description`]`(doc, roles, text, at)`: the entity a role description such
//!   as "the Ukrainian president" or "the president" refers to at byte offset `at`, through
//!   the people's roles indexed by [`index_roles`] (the caller's index, built once).
//! - `Entity::gender` (`Some(Male|Female)` for people when a title or given name says
//!   so) for he/she resolution.

pub mod candidates;
pub mod descriptions;
mod facts;
pub mod lists;
pub mod merging;
pub mod roles;
pub mod typing;

pub use descriptions::{index_roles, resolve_description, RoleIndex};

use std::collections::HashSet;

#[cfg(test)]
use crate::document::Span;
use crate::document::{narrow, Document, Entity, EntityType, Gender, Mention, MentionKind};
use candidates::{Candidate, Names};
use merging::{Buckets, KeyTable};
use typing::Evidence;

/// The most roles an entity keeps: each new role is compared with those it has.
const MAX_ROLES: usize = 64;

/// A name candidate with its name key (a number in the document's [`KeyTable`]) and
/// the evidence of its own words and of its context.
pub struct Weighed {
    pub cand: Candidate,
    pub key: u32,
    pub lexical: Evidence,
    pub context: Evidence,
}

/// Fills `doc.entities`.
pub fn run(doc: &mut Document<'_>) {
    let mut warnings = Vec::new();
    let (cands, names, stats) = candidates::find(doc, &mut warnings);
    // Asked now, so that the capital counts (a table of every capitalised word) are freed
    // before the names are weighed and merged.
    let sports = typing::is_sports_report(doc, &stats);
    drop(stats);
    doc.warnings.append(&mut warnings);
    let mut keys = KeyTable::default();
    let mut weighed = weigh(doc, &names, cands, &mut keys);
    let nested = nested_names(doc, &names, &weighed);
    let nested = weigh(doc, &names, nested, &mut keys);
    // Exactly: growing would double the largest list of the stage.
    weighed.reserve_exact(nested.len());
    weighed.extend(nested);
    // Stable: a nested name follows the name it was found in. A sort's scratch copy is
    // half the list or more: skipped when there is nothing to sort.
    if !weighed.is_sorted_by_key(|w| w.cand.span.start()) {
        weighed.sort_by_key(|w| w.cand.span.start());
    }
    for w in &mut weighed {
        w.context = typing::contextual(doc, &names, &w.cand, &w.lexical);
    }
    coordinate_places(doc, &mut weighed);
    let defined = merging::defined_acronyms(doc, &names, &weighed);
    let terms = merging::term_acronyms(doc, &names, &weighed);
    let (cluster_of, count) = merging::cluster(&weighed, &names, keys, &defined);
    let members = Buckets::of(&cluster_of, count, narrow);
    drop(cluster_of);
    let entities = build_entities(doc, &names, weighed, &members, sports, &terms);
    doc.entities = entities;
    roles::add_appositions(doc);
    descriptions::add_descriptions(doc);
    sort_by_salience(doc);
}

/// The entities of the clusters (`members`: indices into `weighed`), the parts of a town
/// and its club apart. Each part's type is decided first, from the evidence (a part with
/// a name key in `terms`, those of [`merging::term_acronyms`], is a thing); then the
/// evidence is dropped and the entities are made from the candidates alone, half the
/// size, as the entities are the stage's largest list.
fn build_entities(
    doc: &Document,
    names: &Names,
    weighed: Vec<Weighed>,
    members: &Buckets,
    sports: bool,
    terms: &[u32],
) -> Vec<Entity> {
    let mut types = Vec::new();
    let is_term = |i: &u32| terms.binary_search(&weighed[*i as usize].key).is_ok();
    for c in 0..members.len() {
        for part in split_club_from_town(doc, names, |i| &weighed[i].cand, members.get(c)) {
            types.push(if part.iter().any(is_term) {
                EntityType::Other
            } else {
                entity_type_of(names, &weighed, &part)
            });
        }
    }
    let mut cands: Vec<Candidate> = weighed.into_iter().map(|w| w.cand).collect();
    cands.shrink_to_fit();
    let mut entities = Vec::with_capacity(types.len());
    let mut types = types.into_iter();
    for c in 0..members.len() {
        for part in split_club_from_town(doc, names, |i| &cands[i], members.get(c)) {
            let Some(entity_type) = types.next() else {
                continue;
            };
            if let Some(mut e) = build_entity(doc, names, &cands, &part, entity_type) {
                play_as_team(&mut e, sports);
                entities.push(e);
            }
        }
    }
    entities
}

/// In a match report "Belgium beat Panama", "Southampton beat Chelsea": the national
/// teams and the clubs. A club named after its town stays a place ("in Sochi"): its
/// context decides. `sports` says whether the text is a match report.
fn play_as_team(e: &mut Entity, sports: bool) {
    let team = (e.entity_type == EntityType::Place && lists::COUNTRIES.contains(&e.name))
        || (matches!(e.entity_type, EntityType::Person | EntityType::Other)
            && lists::TEAMS.contains(&e.name));
    if team && sports {
        e.entity_type = EntityType::Organization;
    }
}

/// "Leeds beat Chelsea 2-1 … fans in Leeds celebrated": where a town and its club both
/// occur, the mentions next to a result, score or player's role are the club (an entity
/// of their own), the others the town. Any other group of mentions stays one.
fn split_club_from_town<'c>(
    doc: &Document,
    names: &Names,
    cand: impl Fn(usize) -> &'c Candidate,
    members: &[u32],
) -> Vec<Vec<u32>> {
    let first = members.first().map(|&i| cand(i as usize));
    let town_and_club = first.is_some_and(|c| {
        let [word] = names.words(c) else {
            return false;
        };
        lists::is_place(word) && lists::TEAMS.contains(word)
    });
    if !town_and_club {
        return vec![members.to_vec()];
    }
    let (club, town): (Vec<u32>, Vec<u32>) = members
        .iter()
        .partition(|&&i| typing::is_team_in_sports_context(doc, cand(i as usize)));
    if club.is_empty() || town.is_empty() {
        return vec![members.to_vec()];
    }
    vec![club, town]
}

/// "Didcot and Abingdon", "Shrewsbury and Worcester": a name no list knows, joined by
/// "and" or "or" to a place (listed, or placed by its context), is a place too.
fn coordinate_places(doc: &Document, weighed: &mut [Weighed]) {
    // A listed place, or one its context names clearly: "in X" alone is not enough
    // ("in Linguistics and Philosophy").
    let is_place = |w: &Weighed| {
        let mut e = w.lexical;
        e.add(w.context);
        e.best() == Some(EntityType::Place) && e.place >= 3
    };
    let unknown = |w: &Weighed| w.lexical == Evidence::default() && w.cand.word_count() == 1;
    for i in 1..weighed.len() {
        let (a, b) = (&weighed[i - 1], &weighed[i]);
        let joined = b.cand.first_token() == a.cand.end_token() + 1
            && doc
                .tokens
                .get(a.cand.end_token())
                .is_some_and(|t| matches!(doc.slice(t.span()), "and" | "or"));
        if !joined || a.cand.possessive {
            continue;
        }
        let place = Evidence {
            place: 2,
            ..Evidence::default()
        };
        if unknown(a) && is_place(b) {
            weighed[i - 1].context.add(place);
        } else if unknown(b) && is_place(a) {
            weighed[i].context.add(place);
        }
    }
}

/// The names inside names: a place in an organization's name ("U.S. Air Force"), a
/// person an organization is named after ("Andy Warhol Foundation"), an organization
/// that opens an event's or a product's name ("Google Science Fair").
fn nested_names(doc: &Document, names: &Names, weighed: &[Weighed]) -> Vec<Candidate> {
    let mut found = Vec::new();
    for w in weighed.iter().filter(|w| w.cand.word_count() >= 2) {
        // A nested place needs two words or more, a nested person three; a person's name
        // holds neither, and a place's no other place ("Kowloon West" is one district).
        let best = w.lexical.best();
        if !matches!(best, Some(EntityType::Person | EntityType::Place)) {
            found.extend(candidates::nested_place(doc, names, &w.cand));
            if w.cand.word_count() >= 3 {
                found.extend(candidates::nested_person(doc, names, &w.cand));
            }
        }
        // An organization's name opens an event's or a product's ("Google Science Fair",
        // whose surname-like last word is no evidence of a person), not a name that its
        // words make an organization's ("BBC News", "Meta Platforms").
        let e = w.lexical;
        if e.organization == 0 && e.place == 0 && e.person < 3 {
            found.extend(candidates::nested_org(doc, names, &w.cand));
        }
    }
    found
}

/// Each candidate with its name key, numbered in `keys`, and the evidence of its words
/// (its context is weighed later). A name written again (same text, same words) shares
/// the word evidence of the first mention with its key.
fn weigh<'t>(
    doc: &Document<'t>,
    names: &Names<'t>,
    cands: Vec<Candidate>,
    keys: &mut KeyTable<'t>,
) -> Vec<Weighed> {
    // Per key numbered from `base` on (those new in this call): the first mention with
    // that key (its index in `weighed`) and the evidence of its words. Kept by key
    // number rather than by text: a table of texts would hold another entry per name in
    // a text of distinct names.
    let base = keys.len();
    let mut first_of_key: Vec<Option<(u32, Option<Evidence>)>> = Vec::new();
    let mut weighed: Vec<Weighed> = Vec::with_capacity(cands.len());
    for cand in cands {
        let text = doc.slice(cand.span);
        let words = names.words(&cand);
        let key = merging::name_key_in(words, text);
        let known = keys.get(&key).and_then(|id| {
            let slot = (id as usize).checked_sub(base)?;
            let (first, evidence) = first_of_key.get(slot).copied().flatten()?;
            let first = &weighed.get(first as usize)?.cand;
            let same = doc.slice(first.span) == text && names.words(first) == words;
            same.then_some((id, evidence))
        });
        let (key, word_evidence) = known.unwrap_or_else(|| {
            let evidence = typing::name_evidence(text, words, &key);
            let id = keys.id(key);
            if let Some(slot) = (id as usize).checked_sub(base) {
                if first_of_key.len() <= slot {
                    first_of_key.resize(slot + 1, None);
                }
                first_of_key[slot].get_or_insert((narrow(weighed.len()), evidence));
            }
            (id, evidence)
        });
        let lexical =
            word_evidence.map_or_else(Evidence::default, |e| typing::with_title(e, &cand));
        weighed.push(Weighed {
            cand,
            key,
            lexical,
            context: Evidence::default(),
        });
    }
    weighed
}

/// The type of the entity made of `members`: the lexical evidence of its fullest
/// mentions and the context evidence of all.
fn entity_type_of(names: &Names, weighed: &[Weighed], members: &[u32]) -> EntityType {
    let word_count = |&i: &u32| weighed[i as usize].cand.word_count();
    let longest = members.iter().map(word_count).max().unwrap_or(0);
    // "KYIV" written in capitals looks like an acronym: what its words say counts only
    // when the text never writes the name otherwise.
    let shouted = |w: &Weighed| names.words(&w.cand).iter().all(|w| is_shouted(w));
    let written = members.iter().any(|&i| !shouted(&weighed[i as usize]));
    let mut evidence = Evidence::default();
    for w in members.iter().map(|&i| &weighed[i as usize]) {
        if w.cand.word_count() == longest && !(written && shouted(w)) {
            evidence.add(w.lexical);
        }
        evidence.add(w.context);
    }
    typing::decide(&evidence)
}

/// One entity of type `entity_type` from its candidate mentions (`members`, indices into
/// `all`, in text order); `None` for a name that is only capitals at sentence starts and
/// has no type.
fn build_entity(
    doc: &Document,
    names: &Names,
    all: &[Candidate],
    members: &[u32],
    entity_type: EntityType,
) -> Option<Entity> {
    let cands = members.iter().map(|&i| &all[i as usize]);
    let longest = cands.clone().map(Candidate::word_count).max()?;
    let fullest = cands.clone().filter(|c| c.word_count() == longest);
    // "Kyiv" rather than the dateline's "KYIV".
    let fullest = fullest
        .clone()
        .find(|c| !names.words(c).iter().all(|w| is_shouted(w)))
        .or_else(|| fullest.clone().next())?;
    if entity_type == EntityType::Other && cands.clone().all(|c| c.weak) {
        return None;
    }
    let name = display_name(doc, names, fullest);
    let mut entity = Entity::new(&name, entity_type);
    // Exactly: a text of distinct names has an entity of one or two mentions per name.
    let titles = cands.clone().filter(|c| names.title(c).is_some()).count();
    entity.mentions.reserve_exact(members.len() + titles);
    let mut aliases: HashSet<&str> = HashSet::new();
    let mut gender = None;
    for c in cands {
        if let Some(title) = names.title(c) {
            entity
                .mentions
                .push(Mention::new(title, MentionKind::Title, c.sentence()));
        }
        entity
            .mentions
            .push(Mention::new(c.span, MentionKind::Name, c.sentence()));
        let text = doc.slice(c.span);
        if text != name && aliases.insert(text) {
            entity.aliases.push(text.to_string());
        }
        if let Some(role) = names.role(c) {
            let known = entity.roles.iter().any(|r| r.eq_ignore_ascii_case(role));
            if !known && entity.roles.len() < MAX_ROLES {
                entity.roles.push(role.to_string());
            }
        }
        gender = gender.or(c.gender);
    }
    entity.gender = match entity_type {
        EntityType::Person => gender.or_else(|| given_name_gender(names.words(fullest))),
        _ => None,
    };
    entity.mentions.sort_by_key(|m| m.span);
    Some(entity)
}

/// The entity's name: the fullest mention, with a short form expanded ("US" → "United
/// States") and a leading article dropped.
fn display_name(doc: &Document, names: &Names, c: &Candidate) -> String {
    let text = doc.slice(c.span);
    let words = names.words(c);
    let expanded = match words {
        [word] => {
            let key = merging::name_key_in(words, text);
            // The key differs from the word without its periods: "US", "U.S".
            let same = key.bytes().eq(word.bytes().filter(|&b| b != b'.'));
            (!same).then_some(key)
        }
        _ => None,
    };
    match expanded {
        Some(key) => key.into_owned(), // "US", "U.S" → "United States"
        None => text.to_string(),
    }
}

/// A word of three letters or more in capitals ("KYIV", "NATO").
fn is_shouted(word: &str) -> bool {
    word.chars().count() >= 3 && word.chars().all(char::is_uppercase)
}

fn given_name_gender(words: &[&str]) -> Option<Gender> {
    if words.len() < 2 {
        return None;
    }
    lists::given_name(words.first()?).flatten()
}

/// Sorts entities by mention count (descending), then first position, and renumbers
/// affiliations; returns each entity's new index, by its old one, for the caller to
/// renumber what else it holds (attribution: the quotations' speakers).
pub(crate) fn sort_by_salience(doc: &mut Document) -> Vec<usize> {
    let first = |e: &Entity| e.mentions.first().map_or(usize::MAX, |m| m.span.start());
    let mut order: Vec<usize> = (0..doc.entities.len()).collect();
    order.sort_by_key(|&i| {
        let e = &doc.entities[i];
        (std::cmp::Reverse(e.mentions.len()), first(e))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    drop(order);
    for e in &mut doc.entities {
        e.affiliation = e.affiliation.map(|a| new_index[a]);
    }
    // In place, one swap per entity put where it belongs: a sorted copy would double
    // the stage's largest list.
    let mut place = new_index.clone();
    for i in 0..place.len() {
        while place[i] != i {
            let j = place[i];
            doc.entities.swap(i, j);
            place.swap(i, j);
        }
    }
    new_index
}

/// The entity one of whose mentions overlaps `span` most (a name mention wins a tie over
/// a title or description): which entity the tests' phrases name.
#[cfg(test)]
pub fn entity_for_span(doc: &Document, span: Span) -> Option<usize> {
    let mut best: Option<((usize, bool), usize)> = None;
    for (index, entity) in doc.entities.iter().enumerate() {
        for m in entity.mentions.iter().filter(|m| m.span.overlaps(span)) {
            let shared = m.span.end().min(span.end()) - m.span.start().max(span.start());
            let score = (shared, m.kind == MentionKind::Name);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, index));
            }
        }
    }
    best.map(|(_, index)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyse(text: &str) -> Document<'_> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        run(&mut doc);
        doc
    }

    fn find<'a>(doc: &'a Document, name: &str) -> &'a Entity {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:?}", doc.entities))
    }

    fn typed(doc: &Document, name: &str) -> Option<EntityType> {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.entity_type)
    }

    #[test]
    fn title_after_a_body_is_split_from_it() {
        let doc = analyse("Senate Majority Leader Chuck Schumer told reporters on Monday.");
        assert_eq!(typed(&doc, "Senate"), Some(EntityType::Organization));
        assert_eq!(typed(&doc, "Chuck Schumer"), Some(EntityType::Person));
        assert_eq!(typed(&doc, "Senate Majority"), None);
    }

    #[test]
    fn title_at_a_sentence_start_stays_a_title() {
        let doc =
            analyse("Chancellor Jeremy Hunt welcomed the decision. Governor Andrew Bailey agreed.");
        let hunt = find(&doc, "Jeremy Hunt");
        assert!(hunt.roles.iter().any(|r| r == "chancellor"), "{hunt:?}");
        assert!(hunt.mentions.iter().any(|m| m.kind == MentionKind::Title));
        let bailey = find(&doc, "Andrew Bailey");
        assert!(bailey.roles.iter().any(|r| r == "governor"), "{bailey:?}");
    }

    #[test]
    fn plural_demonyms_are_not_entities() {
        let doc = analyse("It guts programs that millions of Americans and Ukrainians rely on.");
        assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    }

    #[test]
    fn number_sign_is_not_a_name() {
        let doc = analyse("John Thune, the No. 2 Republican, and the No 10 seed spoke.");
        assert!(
            doc.entities.iter().all(|e| e.name != "No"),
            "{:?}",
            doc.entities
        );
    }

    #[test]
    fn party_adjectives_are_not_names_and_parties_are_organizations() {
        let doc = analyse(
            "Rachel Reeves said it was a Tory mortgage penalty. Later the Tories met. \
             House Republicans and Senate Democrats disagreed. Labour and the Liberal \
             Democrats gained seats.",
        );
        assert_eq!(typed(&doc, "Tory"), None);
        assert_eq!(typed(&doc, "Tories"), Some(EntityType::Organization));
        assert_eq!(typed(&doc, "Labour"), Some(EntityType::Organization));
        assert_eq!(
            typed(&doc, "Liberal Democrats"),
            Some(EntityType::Organization)
        );
        assert_eq!(typed(&doc, "Senate"), Some(EntityType::Organization));
        assert_eq!(typed(&doc, "House"), Some(EntityType::Organization));
        assert_eq!(typed(&doc, "Senate Democrats"), None);
    }

    #[test]
    fn government_bodies_are_organizations() {
        let doc = analyse(
            "A spokeswoman for the Treasury said so. The Home Office and the Pentagon \
             declined to comment, and Congress was told.",
        );
        for body in ["Treasury", "Home Office", "Pentagon", "Congress"] {
            assert_eq!(typed(&doc, body), Some(EntityType::Organization), "{body}");
        }
    }

    #[test]
    fn all_caps_dateline_is_a_place() {
        let doc = analyse("WASHINGTON (AP) - Senate Democrats blocked a bill on Tuesday.");
        assert_eq!(typed(&doc, "WASHINGTON"), Some(EntityType::Place));
        let doc = analyse("KYIV, Ukraine — Officials said the talks went on.");
        assert_eq!(typed(&doc, "KYIV"), Some(EntityType::Place));
        // An all-caps word inside a sentence is no dateline.
        let doc = analyse("Officials at NASA (the agency) said so.");
        assert_ne!(typed(&doc, "NASA"), Some(EntityType::Place));
    }

    #[test]
    fn headline_repeat_of_a_known_name_merges_with_it() {
        let doc = analyse(
            "The Bank of England has held rates.\n\nBank of England holds rates as inflation eases",
        );
        assert_eq!(find(&doc, "Bank of England").mentions.len(), 2);
        assert!(doc.entities.iter().all(|e| e.name != "Bank"));
    }

    #[test]
    fn surname_and_variants_merge_into_the_full_name() {
        let doc = analyse("Volodymyr Zelensky met Donald Trump. Zelenskiy spoke. Trump’s reply came. Zelensky left.");
        let z = find(&doc, "Volodymyr Zelensky");
        assert_eq!(z.mentions.len(), 3);
        assert!(z.aliases.contains(&"Zelenskiy".to_string()));
        assert_eq!(z.gender, Some(Gender::Male));
        assert_eq!(find(&doc, "Donald Trump").mentions.len(), 2);
        assert_eq!(
            doc.entities[0].name, "Volodymyr Zelensky",
            "sorted by salience"
        );
    }

    #[test]
    fn people_sharing_a_surname_stay_two() {
        let doc = analyse("Hillary Clinton met Chelsea Clinton. Later Clinton said she was proud.");
        let hillary = find(&doc, "Hillary Clinton");
        let chelsea = find(&doc, "Chelsea Clinton");
        assert_eq!(hillary.mentions.len() + chelsea.mentions.len(), 3);
        assert_eq!(
            chelsea.mentions.len(),
            2,
            "the surname goes to the one named last"
        );
    }

    #[test]
    fn acronyms_and_short_forms_merge() {
        let doc = analyse("He works at the Center for Strategic and International Studies. CSIS said the United States and the US are one. The EU and the European Union too.");
        assert_eq!(
            find(&doc, "Center for Strategic and International Studies")
                .mentions
                .len(),
            2
        );
        assert_eq!(find(&doc, "United States").mentions.len(), 2);
        assert_eq!(find(&doc, "European Union").mentions.len(), 2);
    }

    #[test]
    fn entity_for_span_finds_mentions() {
        let text = "President Putin said no.";
        let doc = analyse(text);
        let e = entity_for_span(&doc, Span::new(10, 15)).unwrap();
        assert_eq!(doc.entities[e].name, "Putin");
        assert_eq!(
            entity_for_span(&doc, Span::new(0, 9)),
            Some(e),
            "title mention"
        );
        assert_eq!(entity_for_span(&doc, Span::new(16, 20)), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "’s",
            "A",
            "The The",
            "U.S.",
            "al-",
            "-based",
            "Mr.",
            "the the Ukrainian",
        ] {
            analyse(text);
        }
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;

    pub(super) fn analyse(text: &str) -> Document<'_> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        run(&mut doc);
        doc
    }

    pub(super) fn type_of(doc: &Document, name: &str) -> Option<EntityType> {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.entity_type)
    }

    #[test]
    fn countries_are_teams_in_match_reports() {
        let report = "Belgium beat Panama in the World Cup match. The striker scored a goal in the first half, \
            then a penalty. The goalkeeper saved a second penalty. Another goal came from a midfielder; \
            the referee gave a penalty and the defender scored. The coach praised the squad after the match. \
            Panama's goalkeeper conceded a third goal.";
        let doc = analyse(report);
        assert_eq!(type_of(&doc, "Belgium"), Some(EntityType::Organization));
        let politics = analyse("Belgium and Panama signed a trade deal in Brussels.");
        assert_eq!(type_of(&politics, "Belgium"), Some(EntityType::Place));
    }

    #[test]
    fn places_inside_organization_names_are_mentions_too() {
        let doc = analyse("He joined the U.S. Air Force and later the University of Arkansas.");
        assert_eq!(
            type_of(&doc, "U.S. Air Force"),
            Some(EntityType::Organization)
        );
        assert_eq!(type_of(&doc, "United States"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "Arkansas"), Some(EntityType::Place));
    }

    #[test]
    fn the_month_may_is_not_a_name() {
        let doc = analyse("The law passed in May and took effect on May 5. Theresa May disagreed.");
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Theresa May"]);
    }

    #[test]
    fn people_inside_longer_runs_and_org_names() {
        let doc = analyse(
            "Scientologist Marc Headley spoke. The Andy Warhol Foundation gave prints. Headley left. \
             The localist Cheng Chung-tai won.",
        );
        assert_eq!(type_of(&doc, "Marc Headley"), Some(EntityType::Person));
        let cruise = doc
            .entities
            .iter()
            .find(|e| e.name == "Marc Headley")
            .unwrap();
        assert_eq!(cruise.mentions.len(), 2);
        assert_eq!(
            type_of(&doc, "Andy Warhol Foundation"),
            Some(EntityType::Organization)
        );
        assert_eq!(type_of(&doc, "Andy Warhol"), Some(EntityType::Person));
        assert_eq!(type_of(&doc, "Cheng Chung-tai"), Some(EntityType::Person));
    }
}

#[cfg(test)]
mod evidence_tests {
    use super::more_tests::{analyse, type_of};
    use super::*;

    #[test]
    fn context_words_make_unknown_names_organizations() {
        let doc = analyse(
            "Shares in Korvalis rose 3%. Brentmoor said in a statement that it would \
             appeal. A spokeswoman for Dunmere declined to comment. Vantrell's chief \
             executive resigned, and a Holbeck spokesman confirmed it.",
        );
        for name in ["Korvalis", "Brentmoor", "Dunmere", "Vantrell", "Holbeck"] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
    }

    #[test]
    fn a_person_s_spokesman_leaves_the_person_a_person() {
        let doc = analyse("Vladimir Putin met officials. Putin's spokesman Dmitry Peskov spoke.");
        assert_eq!(type_of(&doc, "Vladimir Putin"), Some(EntityType::Person));
    }

    #[test]
    fn legal_suffixes_make_organizations() {
        let doc = analyse("Nordhaven AG will buy Acme Holdings plc. Hollins Pryor LLP advised.");
        for name in ["Nordhaven AG", "Acme Holdings plc", "Hollins Pryor LLP"] {
            let names: Vec<_> = doc
                .entities
                .iter()
                .map(|e| (&e.name, e.entity_type))
                .collect();
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{names:?}"
            );
        }
    }

    #[test]
    fn function_words_holidays_and_common_acronyms_are_no_names() {
        let doc = analyse(
            "In Tokyo, prices rose. Sales grew over Christmas and Easter. \
             The show is on TV at 9pm GMT; use a VPN on your PC. An RLM mark hid it.",
        );
        let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Tokyo"]);
        assert_eq!(type_of(&doc, "Tokyo"), Some(EntityType::Place));
    }

    #[test]
    fn multi_word_titles_become_roles_not_names() {
        let doc = analyse(
            "Chief Executive Officer Katrin Vogel said so. Foreign Secretary David Lammy \
             agreed. Attorney General Pam Bondi did not.",
        );
        let people: Vec<(&str, &[String])> = doc
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.roles.as_slice()))
            .collect();
        assert_eq!(
            people,
            [
                ("Katrin Vogel", &["chief executive officer".to_string()][..]),
                ("David Lammy", &["foreign secretary".to_string()][..]),
                ("Pam Bondi", &["attorney general".to_string()][..]),
            ]
        );
    }

    #[test]
    fn demonyms_are_no_organizations() {
        let doc = analyse("The Gabonese team arrived. Many Britons stayed at home.");
        assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    }

    fn names_and_types(doc: &Document) -> Vec<(String, EntityType)> {
        let mut all: Vec<_> = doc
            .entities
            .iter()
            .map(|e| (e.name.clone(), e.entity_type))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn listed_companies_and_brands_are_organizations() {
        let doc = analyse(
            "Rosneft resumed exports, while Siemens confirmed the turbines. Goldman Sachs \
             and Morgan Stanley are advising Salesforce.",
        );
        for name in [
            "Rosneft",
            "Siemens",
            "Goldman Sachs",
            "Morgan Stanley",
            "Salesforce",
        ] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
    }

    #[test]
    fn a_listed_brand_that_is_a_word_or_a_surname_needs_context() {
        let doc = analyse("He met Symphony and Norton at the bar. Later, Norton left.");
        assert_eq!(type_of(&doc, "Norton"), Some(EntityType::Person));
        assert_ne!(type_of(&doc, "Symphony"), Some(EntityType::Organization));
        let doc = analyse("Oil prices fell, and Shell said it would buy back shares.");
        assert_eq!(type_of(&doc, "Shell"), Some(EntityType::Organization));
    }

    #[test]
    fn an_ampersand_joins_a_firm_s_name() {
        let doc = analyse(
            "The memoir will be published by Simon & Schuster. Sales at Marks & Spencer \
             rose, and the administrators, Hollins & Pryor LLP, said so. Ukraine & Russia \
             met.",
        );
        assert_eq!(type_of(&doc, "Ukraine"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "Russia"), Some(EntityType::Place));
        for name in ["Simon & Schuster", "Marks & Spencer", "Hollins & Pryor LLP"] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
    }

    #[test]
    fn a_town_s_club_is_a_team_in_a_match_report_and_a_town_elsewhere() {
        let doc = analyse("Southampton beat Chelsea 2-1 at St Mary's on Saturday.");
        assert_eq!(type_of(&doc, "Southampton"), Some(EntityType::Organization));
        assert_eq!(type_of(&doc, "Chelsea"), Some(EntityType::Organization));
        let doc = analyse("Floods closed roads in Southampton and Liverpool on Monday.");
        assert_eq!(type_of(&doc, "Southampton"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "Liverpool"), Some(EntityType::Place));
        let doc = analyse("The Boston Celtics signed a guard, and Tottenham Hotspur agreed.");
        assert_eq!(
            type_of(&doc, "Boston Celtics"),
            Some(EntityType::Organization)
        );
        assert_eq!(
            type_of(&doc, "Tottenham Hotspur"),
            Some(EntityType::Organization)
        );
    }

    #[test]
    fn speaking_as_it_and_working_at_make_organizations() {
        let doc = analyse(
            "After the close, Brentvale said it would review its outlook. Sharon Lewis, \
             an analyst at Corrigan Marsh, agreed.",
        );
        assert_eq!(type_of(&doc, "Brentvale"), Some(EntityType::Organization));
        assert_eq!(
            type_of(&doc, "Corrigan Marsh"),
            Some(EntityType::Organization)
        );
        assert_eq!(type_of(&doc, "Sharon Lewis"), Some(EntityType::Person));
    }

    #[test]
    fn venues_and_facilities_are_places_but_a_centre_for_something_is_a_body() {
        let doc = analyse(
            "Fans filled Wembley Stadium. The shuttle went from the Johnson Space Center \
             to the Museum of Flight, said the Center for Strategic and International \
             Studies.",
        );
        assert_eq!(type_of(&doc, "Wembley Stadium"), Some(EntityType::Place));
        assert_eq!(
            type_of(&doc, "Johnson Space Center"),
            Some(EntityType::Place)
        );
        assert_eq!(type_of(&doc, "Museum of Flight"), Some(EntityType::Place));
        assert_eq!(
            type_of(&doc, "Center for Strategic and International Studies"),
            Some(EntityType::Organization)
        );
    }

    #[test]
    fn industry_heads_make_companies() {
        let doc =
            analyse("Nippon Steel's bid for Harlow Foods was approved, and Network Rail agreed.");
        for name in ["Nippon Steel", "Harlow Foods", "Network Rail"] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
    }

    #[test]
    fn an_acronym_that_stands_for_a_place_is_not_merged_by_initials() {
        let doc = analyse(
            "Professor Hannah Kerrigan of the University of Sheffield said data from the \
             US showed a similar trend.",
        );
        let university = doc
            .entities
            .iter()
            .find(|e| e.name == "University of Sheffield")
            .expect("the university");
        assert_eq!(university.mentions.len(), 1, "{:?}", names_and_types(&doc));
        assert_eq!(type_of(&doc, "United States"), Some(EntityType::Place));
    }

    #[test]
    fn a_name_without_its_legal_form_is_the_same_company() {
        let doc = analyse(
            "Katrin Vogel, chief executive of Nordhaven AG, cut costs. Under Vogel, \
             Nordhaven has sold its Brazilian business.",
        );
        let company = doc
            .entities
            .iter()
            .find(|e| e.name.starts_with("Nordhaven"))
            .expect("the company");
        assert_eq!(company.mentions.len(), 2, "{:?}", names_and_types(&doc));
        assert_eq!(company.entity_type, EntityType::Organization);
    }

    fn find<'a>(doc: &'a Document, name: &str) -> &'a Entity {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:?}", doc.entities))
    }

    fn mentions_of(doc: &Document, name: &str) -> Vec<String> {
        let e = find(doc, name);
        e.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
            .map(|m| doc.slice(m.span).to_string())
            .collect()
    }

    #[test]
    fn an_organizations_first_or_last_word_alone_is_its_short_name() {
        let doc = analyse(
            "Brightwater Holdings reported a loss on Monday. Shares fell after \
             Brightwater warned on costs.",
        );
        assert_eq!(
            mentions_of(&doc, "Brightwater Holdings"),
            ["Brightwater Holdings", "Brightwater"]
        );
        assert_eq!(
            type_of(&doc, "Brightwater Holdings"),
            Some(EntityType::Organization)
        );
        // A team's head ("United") and a last word that is also a surname ("Argyle").
        let doc = analyse(
            "Newcastle United beat Plymouth Argyle 2-1 on Saturday. Argyle had led, but \
             United scored twice late on.",
        );
        assert_eq!(
            mentions_of(&doc, "Newcastle United"),
            ["Newcastle United", "United"]
        );
        assert_eq!(
            mentions_of(&doc, "Plymouth Argyle"),
            ["Plymouth Argyle", "Argyle"]
        );
        assert_eq!(
            type_of(&doc, "Plymouth Argyle"),
            Some(EntityType::Organization)
        );
    }

    #[test]
    fn an_acronym_spelled_by_lowercase_words_is_no_organization() {
        let doc = analyse(
            "A vaccine against respiratory syncytial virus (RSV) worked. Cases of RSV fell \
             in Leeds, while the Zorvo Health Agency (ZHA) said little.",
        );
        assert_ne!(type_of(&doc, "RSV"), Some(EntityType::Organization));
        assert_eq!(
            type_of(&doc, "Zorvo Health Agency"),
            Some(EntityType::Organization)
        );
    }

    #[test]
    fn modifiers_and_generic_heads_are_no_short_names() {
        // The town of a club's name, another body, a product's maker, a town before
        // several names.
        let doc = analyse(
            "Newcastle United won. Fans in Newcastle cheered. The White House said the \
             House would vote. Google Chrome gained users, Google said. The Paxton Water \
             Tower and the Paxton Grain Company stand in Paxton.",
        );
        assert_eq!(type_of(&doc, "Newcastle"), Some(EntityType::Place));
        assert_eq!(mentions_of(&doc, "White House"), ["White House"]);
        assert_eq!(mentions_of(&doc, "Google Chrome"), ["Google Chrome"]);
        assert_eq!(
            mentions_of(&doc, "Paxton Grain Company"),
            ["Paxton Grain Company"]
        );
        // A founder named in an apposition is a person, not the firm named after him.
        let doc = analyse(
            "Brenner Holdings cut 200 jobs on Monday. Brenner, the company's founder, said \
             the cuts were painful.",
        );
        assert_eq!(mentions_of(&doc, "Brenner Holdings"), ["Brenner Holdings"]);
        // "Army of the Potomac": no head after a connector.
        let doc = analyse("The Army of the Potomac marched. The Potomac was high.");
        assert_eq!(
            mentions_of(&doc, "Army of the Potomac"),
            ["Army of the Potomac"]
        );
    }

    #[test]
    fn a_listed_name_at_a_sentence_start_keeps_its_first_word() {
        let doc = analyse("North Korea fired artillery rounds. New Zealand said it would help.");
        assert_eq!(type_of(&doc, "North Korea"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "New Zealand"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "Korea"), None);
        // An ordinary word at a sentence start is still cut off.
        let doc = analyse("Analysts expect Google to report on Tuesday.");
        assert_eq!(type_of(&doc, "Analysts Google"), None);
    }

    #[test]
    fn a_possessive_inside_an_institution_s_name_and_its_bracketed_acronym() {
        let doc = analyse(
            "Soldiers of the Korean People's Army (KPA) crossed the line. The KPA said it \
             would respond. A spokesman said Trump's Justice Department declined to \
             comment.",
        );
        let army = find(&doc, "Korean People's Army");
        assert_eq!(army.entity_type, EntityType::Organization);
        assert_eq!(
            mentions_of(&doc, "Korean People's Army"),
            ["Korean People's Army", "KPA", "KPA"]
        );
        assert_eq!(type_of(&doc, "Korean People"), None);
        assert!(type_of(&doc, "Trump").is_some(), "{:?}", doc.entities);
        assert_eq!(
            type_of(&doc, "Justice Department"),
            Some(EntityType::Organization)
        );
        // Initials alone do not define: a person's name in front is no acronym's.
        let doc = analyse("Joe Bloggs (JB) left. The Food Standards Agency (FSA) agreed.");
        assert_eq!(mentions_of(&doc, "Food Standards Agency").len(), 2);
        assert_eq!(mentions_of(&doc, "Joe Bloggs"), ["Joe Bloggs"]);
    }

    #[test]
    fn a_name_in_capitals_is_the_name_in_title_case() {
        let doc = analyse("KYIV, March 3 (Reuters) - Officials in Kyiv said the city was calm.");
        assert_eq!(mentions_of(&doc, "Kyiv"), ["KYIV", "Kyiv"]);
        assert_eq!(type_of(&doc, "Kyiv"), Some(EntityType::Place));
        // "US" is no "Us".
        let doc = analyse("Us and them: the US said so.");
        assert_eq!(type_of(&doc, "United States"), Some(EntityType::Place));
    }

    #[test]
    fn given_names_that_are_words_or_foreign_start_a_person_s_name() {
        let doc = analyse(
            "Mick Lynch, the RMT general secretary, said the strike would go ahead.\n\n\
             Lars Eriksen told reporters the deal was done. Helen Park said she agreed.",
        );
        assert_eq!(type_of(&doc, "Mick Lynch"), Some(EntityType::Person));
        assert_eq!(type_of(&doc, "Lynch"), None);
        assert_eq!(type_of(&doc, "Lars Eriksen"), Some(EntityType::Person));
        assert_eq!(type_of(&doc, "Helen Park"), Some(EntityType::Person));
        let doc = analyse("They walked across Hyde Park on Sunday.");
        assert_eq!(type_of(&doc, "Hyde Park"), Some(EntityType::Place));
    }

    #[test]
    fn a_town_and_its_club_in_one_text_are_two_entities() {
        let doc = analyse("Leeds beat Chelsea 2-1 on Saturday. Fans in Leeds celebrated.");
        let leeds: Vec<_> = doc.entities.iter().filter(|e| e.name == "Leeds").collect();
        assert_eq!(leeds.len(), 2, "{leeds:?}");
        let club = leeds
            .iter()
            .find(|e| e.entity_type == EntityType::Organization);
        let town = leeds.iter().find(|e| e.entity_type == EntityType::Place);
        assert_eq!(club.map(|e| e.mentions[0].span.start()), Some(0));
        assert!(town.is_some_and(|e| e.mentions.len() == 1));
    }

    #[test]
    fn newspapers_are_organizations() {
        let doc = analyse(
            "Whitmore told LA Weekly that the case was closed. According to the New \
             Zealand Herald, the vote was close.",
        );
        for name in ["LA Weekly", "New Zealand Herald"] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
        let doc = analyse("The UNC Greensboro exhibit opened. JD Vance spoke.");
        assert_ne!(type_of(&doc, "UNC Greensboro"), Some(EntityType::Person));
        assert_eq!(type_of(&doc, "JD Vance"), Some(EntityType::Person));
    }

    #[test]
    fn a_place_s_name_holds_no_other_place_and_a_person_s_no_place() {
        let doc = analyse("Voters in Quebec East met Marta Lynn Hill at the Bank of Quebec.");
        assert_eq!(type_of(&doc, "Quebec East"), Some(EntityType::Place));
        assert_eq!(type_of(&doc, "Marta Lynn Hill"), Some(EntityType::Person));
        let quebec = doc.entities.iter().find(|e| e.name == "Quebec");
        assert_eq!(
            quebec.map(|e| e.mentions.len()),
            Some(1),
            "only the bank's Quebec"
        );
    }

    #[test]
    fn a_local_office_and_a_noun_of_geography_make_places() {
        let doc = analyse(
            "Anna Vitale, the mayor of Torvena, spoke. Towns along the Zerra river \
             flooded, and the governor of Ostrava Nova asked the Kelmar region for help.",
        );
        for name in ["Torvena", "Zerra", "Ostrava Nova", "Kelmar"] {
            assert_eq!(type_of(&doc, name), Some(EntityType::Place), "{name}");
        }
    }

    #[test]
    fn an_organization_opening_an_events_or_products_name_is_a_mention() {
        let doc = analyse(
            "Users of Microsoft Windows complained at the Google Science Fair, BBC News \
             reported.",
        );
        assert_eq!(type_of(&doc, "Microsoft"), Some(EntityType::Organization));
        assert_eq!(type_of(&doc, "Google"), Some(EntityType::Organization));
        assert_eq!(type_of(&doc, "BBC"), None);
    }

    #[test]
    fn a_broadcasters_head_makes_an_organization() {
        let doc = analyse(
            "The coach told Zorvo Sports after the match, and Kelso Radio and Marlin \
             Television carried the interview.",
        );
        for name in ["Zorvo Sports", "Kelso Radio", "Marlin Television"] {
            assert_eq!(
                type_of(&doc, name),
                Some(EntityType::Organization),
                "{name}"
            );
        }
    }

    #[test]
    fn places_no_list_knows_from_their_context() {
        let doc = analyse(
            "Varga thanked the people of Penzance. Flights from Frankfurt were late. \
             Trains to Didcot and Abingdon were cancelled. Sewage spilled into the River \
             Thames. Edwards worked at Brockhurst, and at Fennimore.",
        );
        for name in [
            "Penzance",
            "Frankfurt",
            "Didcot",
            "Abingdon",
            "River Thames",
        ] {
            assert_eq!(type_of(&doc, name), Some(EntityType::Place), "{name}");
        }
        // "at" alone says nothing: a firm, a school or a place.
        assert_ne!(type_of(&doc, "Brockhurst"), Some(EntityType::Place));
        assert_ne!(type_of(&doc, "Fennimore"), Some(EntityType::Place));
    }

    #[test]
    fn regions_after_the_are_places_and_the_vatican_acts() {
        let doc = analyse(
            "Floods in the Netherlands and snow in the Alps closed roads in the Tyrol. \
             The Vatican has recalled its ambassador.",
        );
        for name in ["Netherlands", "Alps", "Tyrol"] {
            assert_eq!(type_of(&doc, name), Some(EntityType::Place), "{name}");
        }
        assert_eq!(type_of(&doc, "Vatican"), Some(EntityType::Organization));
    }
}

#[cfg(test)]
mod linearity_tests {
    use super::*;

    /// The steps the stage takes on `text(1)` and on `text(8)` (eight times as much).
    fn steps_at_1x_and_8x(text: impl Fn(usize) -> String) -> (usize, usize) {
        let mut counts = [1, 8].map(|times| {
            let text = text(times);
            let mut doc = Document::new(&text);
            crate::segment::run(&mut doc);
            crate::steps::take();
            run(&mut doc);
            crate::steps::take()
        });
        counts.sort_unstable();
        (counts[0], counts[1])
    }

    fn assert_linear(what: &str, text: impl Fn(usize) -> String) {
        let (one, eight) = steps_at_1x_and_8x(text);
        assert!(one > 0, "{what}: no steps counted");
        assert!(eight <= one * 10, "{what}: {one} steps, then {eight} at 8x");
    }

    /// A made-up given name for each number below 400 ("Kalo", "Mirane").
    fn given_name(n: usize) -> String {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ra", "tu", "se", "no", "vi", "da", "re", "po", "zu", "fe", "ga",
            "hi", "jo", "ne", "sa", "te", "wa",
        ];
        let name = format!("{}{}", SYLLABLES[n % 20], SYLLABLES[n / 20 % 20]);
        let mut chars = name.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
    }

    #[test]
    fn one_long_run_of_capitals_takes_linear_steps() {
        for unit in [
            "Aa ",
            "University of the ",
            "Aa and ",
            "Bank of ",
            "Aa of Bb ",
        ] {
            assert_linear(unit, |times| unit.repeat(2000 * times) + "World.");
        }
    }

    #[test]
    fn many_people_sharing_a_few_surnames_take_linear_steps() {
        let surnames = ["Okafor", "Lindqvist", "Tamura", "Brennan"];
        assert_linear("surnames", |times| {
            (0..100 * times)
                .map(|i| {
                    let surname = surnames[i % surnames.len()];
                    format!("{} {surname} arrived. {surname} spoke.\n\n", given_name(i))
                })
                .collect()
        });
    }

    #[test]
    fn many_holders_of_one_role_take_linear_steps() {
        assert_linear("presidents", |times| {
            (0..100 * times)
                .map(|i| {
                    let name = format!("{} {}", given_name(i), given_name(i + 7));
                    format!("President {name} spoke. The president left.\n\n")
                })
                .collect()
        });
    }

    #[test]
    fn many_organizations_sharing_a_last_word_take_linear_steps() {
        assert_linear("short names", |times| {
            (0..100 * times)
                .map(|i| format!("{} Rovers won. Rovers scored.\n\n", given_name(i)))
                .collect()
        });
    }
}
