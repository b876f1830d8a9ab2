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
//! - [`entity_for_span`]`(doc, span)`: the entity one of whose mentions (name, title,
//!   description) overlaps `span` — e.g. the speaker words found next to a cue verb.
//! - [`resolve_description`]`(doc, text, at)`: the entity a role description such as
//!   "the Ukrainian president" or "the president" refers to at byte offset `at`.
//! - `Entity::gender` (`Some(Male|Female)` for people when a title or given name says
//!   so) for he/she resolution.

pub mod candidates;
pub mod descriptions;
pub mod lists;
pub mod merging;
pub mod roles;
mod steps;
pub mod typing;

pub use descriptions::resolve_description;

use std::collections::{HashMap, HashSet};

use crate::document::{narrow, Document, Entity, EntityType, Gender, Mention, MentionKind, Span};
use crate::lexicon::FixedHash;
use candidates::{Candidate, Names};
use merging::{Buckets, KeyTable};
use typing::{Evidence, SmallEvidence};

/// The most roles an entity keeps: each new role is compared with those it has.
const MAX_ROLES: usize = 64;

/// Fills `doc.entities`.
pub fn run<'t>(doc: &mut Document<'t>) {
    let (mut cands, names, stats) = candidates::find(doc);
    // Candidates, their name key numbers and their lexical evidence live in parallel
    // arrays, not in a Vec of tuples split apart afterwards: on a long text the
    // candidates are the largest temporary of the pipeline, and the split held two
    // copies of them at once.
    let mut keys = KeyTable::default();
    let (mut key_ids, mut lexical) = evidence_of(doc, &names, &cands, &mut keys);
    let nested = nested_names(doc, &names, &cands, &lexical);
    let (nested_ids, nested_lexical) = evidence_of(doc, &names, &nested, &mut keys);
    // Exactly the room needed: growing by doubling would leave up to as much unused.
    cands.reserve_exact(nested.len());
    cands.extend(nested);
    key_ids.extend(nested_ids);
    lexical.extend(nested_lexical);
    sort_by_start(&mut cands, &mut key_ids, &mut lexical);
    let context: Vec<SmallEvidence> = cands
        .iter()
        .zip(&lexical)
        .map(|(c, &lex)| typing::contextual(doc, &names, c, &lex.into()).into())
        .collect();
    let (cluster_of, count) = merging::cluster(&cands, &names, key_ids, &keys, &lexical, &context);
    drop(keys);
    let members = Buckets::new(count, cluster_of.iter().map(|&g| g as usize));
    drop(cluster_of);
    // Asked only when a country is found, and then once.
    let mut sports = None;
    let mut entities = Vec::with_capacity(count);
    for m in (0..members.len()).map(|m| members.get(m)) {
        let Some(mut e) = build_entity(doc, &names, &cands, &lexical, &context, m) else {
            continue;
        };
        // In a match report "Belgium beat Panama": the national teams.
        if e.entity_type == EntityType::Place
            && lists::COUNTRIES.contains(&e.name)
            && *sports.get_or_insert_with(|| typing::is_sports_report(doc, &stats))
        {
            e.entity_type = EntityType::Organization;
        }
        entities.push(e);
    }
    // The candidates and their evidence are done with: freed before the later steps
    // allocate theirs (they were the peak of memory on long texts).
    drop((cands, names, lexical, context, members, stats));
    doc.entities = entities;
    roles::add_appositions(doc);
    let mut by_role = descriptions::add_descriptions(doc);
    let new_index = sort_by_salience(doc);
    // The role index that resolved the descriptions, renumbered, is the one later stages
    // use: indexing the roles again parsed every role a second time.
    for holders in by_role.values_mut() {
        for (entity, _) in holders.iter_mut() {
            *entity = new_index.get(*entity).copied().unwrap_or(*entity);
        }
    }
    doc.people_by_role = by_role;
}

/// The names inside names: a place in an organization's name ("U.S. Air Force"), a
/// person an organization is named after ("Andy Warhol Foundation").
fn nested_names(
    doc: &Document,
    names: &Names,
    cands: &[Candidate],
    lexical: &[SmallEvidence],
) -> Vec<Candidate> {
    cands
        .iter()
        .zip(lexical)
        // A nested place needs two words or more, a nested person three.
        .filter(|(c, &lex)| {
            c.word_count() >= 2 && Evidence::from(lex).best() != Some(EntityType::Person)
        })
        .flat_map(|(c, _)| {
            let person = if c.word_count() >= 3 {
                candidates::nested_person(doc, names, c)
            } else {
                None
            };
            [candidates::nested_place(doc, names, c), person]
        })
        .flatten()
        .collect()
}

/// The name key (typing and merging both need it), as a number in `keys`, and the
/// lexical evidence of each candidate. A name written again (same text, same words)
/// shares its first mention's: both were hot spots when computed for every mention.
fn evidence_of<'t>(
    doc: &Document<'t>,
    names: &Names<'t>,
    cands: &[Candidate],
    keys: &mut KeyTable<'t>,
) -> (Vec<u32>, Vec<SmallEvidence>) {
    // Name text → (first candidate with it, key number, evidence of its words).
    type Seen<'t> = HashMap<&'t str, (usize, u32, Option<Evidence>), FixedHash>;
    // Sized for a short text's names at once: rehashing as it grew was a tenth of the
    // cost (a long text's table grows as before).
    let mut seen = Seen::with_capacity_and_hasher(cands.len().min(1024), FixedHash::default());
    keys.reserve(cands.len().min(1024));
    let mut ids = Vec::with_capacity(cands.len());
    let mut lexical = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let full = doc.slice(c.span);
        let c_words = names.words(c);
        let known = seen
            .get(full)
            .filter(|(first, _, _)| cands.get(*first).is_some_and(|f| names.words(f) == c_words));
        let (id, words) = match known {
            Some(&(_, id, words)) => (id, words),
            None => {
                let key = merging::name_key_in(c_words, full);
                let words = typing::name_evidence(full, c_words, &key);
                let id = keys.id(key);
                seen.entry(full).or_insert((i, id, words));
                (id, words)
            }
        };
        ids.push(id);
        let evidence = words.map_or_else(Evidence::default, |e| typing::with_title(e, c));
        lexical.push(SmallEvidence::from(evidence));
    }
    (ids, lexical)
}

/// Sorts the parallel arrays by candidate start, stably (nested names follow the name
/// they were found in), moving elements in place rather than into new arrays.
fn sort_by_start(cands: &mut [Candidate], keys: &mut [u32], lexical: &mut [SmallEvidence]) {
    if cands.is_sorted_by_key(|c| c.span.start()) {
        return;
    }
    // 32-bit positions, sorted in place with the position breaking ties (as stable as a
    // stable sort, without its scratch buffer): on a long text each is a million long.
    let mut order: Vec<u32> = (0..cands.len()).map(narrow).collect();
    order.sort_unstable_by_key(|&i| {
        let start = cands.get(i as usize).map_or(usize::MAX, |c| c.span.start());
        (start, i)
    });
    permute_in_place(order, |a, b| {
        cands.swap(a, b);
        keys.swap(a, b);
        lexical.swap(a, b);
    });
}

/// Rearranges arrays so that position k holds what was at `order[k]`, by following each
/// cycle of the permutation with `swap` (which swaps two positions in every array).
fn permute_in_place(mut order: Vec<u32>, mut swap: impl FnMut(usize, usize)) {
    for start in 0..order.len() {
        let mut k = start;
        while let Some(&next) = order.get(k) {
            let next = next as usize;
            if next == k {
                break;
            }
            if let Some(slot) = order.get_mut(k) {
                *slot = narrow(k);
            }
            if next == start {
                break;
            }
            swap(k, next);
            k = next;
        }
    }
}

/// One entity from its candidate mentions; `None` for a name that is only capitals at
/// sentence starts and has no type.
fn build_entity(
    doc: &Document,
    names: &Names,
    cands: &[Candidate],
    lexical: &[SmallEvidence],
    context: &[SmallEvidence],
    members: &[u32],
) -> Option<Entity> {
    let longest = members
        .iter()
        .filter_map(|&i| cands.get(i as usize).map(Candidate::word_count))
        .max()?;
    let fullest = members.iter().copied().find(|&i| {
        cands
            .get(i as usize)
            .is_some_and(|c| c.word_count() == longest)
    })?;
    let mut evidence = Evidence::default();
    for &i in members {
        let Some(c) = cands.get(i as usize) else {
            continue;
        };
        if c.word_count() == longest {
            evidence.add(lexical.get(i as usize).copied().unwrap_or_default().into());
        }
        evidence.add(context.get(i as usize).copied().unwrap_or_default().into());
    }
    let entity_type = typing::decide(&evidence);
    let all_weak = members
        .iter()
        .all(|&i| cands.get(i as usize).is_some_and(|c| c.weak));
    if entity_type == EntityType::Other && all_weak {
        return None;
    }
    let fullest_c = cands.get(fullest as usize)?;
    let name = display_name(doc, names, fullest_c);
    let titles = members
        .iter()
        .filter(|&&i| {
            cands
                .get(i as usize)
                .is_some_and(|c| names.title(c).is_some())
        })
        .count();
    let mut mentions = Vec::with_capacity(members.len() + titles);
    let mut aliases: Vec<String> = Vec::new();
    let mut alias_set: HashSet<&str> = HashSet::new();
    let mut roles_found: Vec<String> = Vec::new();
    let mut gender = None;
    for &i in members {
        let Some(c) = cands.get(i as usize) else {
            continue;
        };
        if let Some(title) = names.title(c) {
            mentions.push(Mention::new(title, MentionKind::Title, c.sentence()));
        }
        mentions.push(Mention::new(c.span, MentionKind::Name, c.sentence()));
        let text = doc.slice(c.span);
        if text != name && alias_set.insert(text) {
            aliases.push(text.to_string());
        }
        if let Some(role) = names.role(c) {
            let known = roles_found.iter().any(|r| r.eq_ignore_ascii_case(role));
            if !known && roles_found.len() < MAX_ROLES {
                roles_found.push(role.to_string());
            }
        }
        gender = gender.or(c.gender);
    }
    if entity_type == EntityType::Person && gender.is_none() {
        gender = given_name_gender(names.words(fullest_c));
    }
    if entity_type != EntityType::Person {
        gender = None;
    }
    mentions.sort_by_key(|m| m.span);
    Some(Entity {
        name,
        entity_type,
        mentions,
        aliases,
        roles: roles_found,
        affiliation: None,
        gender,
    })
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

fn given_name_gender(words: &[&str]) -> Option<Gender> {
    if words.len() < 2 {
        return None;
    }
    lists::given_name(words.first()?).flatten()
}

/// Sorts entities by mention count (descending), then first position, and renumbers
/// affiliations; returns the new index of each old one.
fn sort_by_salience(doc: &mut Document) -> Vec<usize> {
    let first = |e: &Entity| {
        e.mentions
            .first()
            .map(|m| m.span.start())
            .unwrap_or(usize::MAX)
    };
    let mut order: Vec<usize> = (0..doc.entities.len()).collect();
    order.sort_by_key(|&i| {
        let e = doc.entities.get(i);
        (
            std::cmp::Reverse(e.map(|e| e.mentions.len()).unwrap_or(0)),
            e.map(first).unwrap_or(usize::MAX),
        )
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_index.get_mut(old) {
            *slot = new;
        }
    }
    let mut old = std::mem::take(&mut doc.entities);
    let mut sorted = Vec::with_capacity(old.len());
    for &i in &order {
        if let Some(e) = old.get_mut(i) {
            let mut e = std::mem::replace(e, Entity::new("", EntityType::Other));
            e.affiliation = e.affiliation.and_then(|a| new_index.get(a).copied());
            sorted.push(e);
        }
    }
    doc.entities = sorted;
    new_index
}

/// The entity one of whose mentions overlaps `span` most (a name mention wins a tie over
/// a title or description), for attribution: the words next to a cue verb name someone.
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
    fn party_adjectives_and_members_are_not_people() {
        let doc = analyse(
            "Rachel Reeves said it was a Tory mortgage penalty. Later the Tories met. \
             House Republicans and Senate Democrats disagreed.",
        );
        assert_eq!(typed(&doc, "Tory"), None);
        assert_eq!(typed(&doc, "Tories"), None);
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

    #[test]
    fn permutes_in_place_like_a_stable_sort() {
        let starts = [5, 1, 5, 0, 9, 1, 3, 3, 0];
        let mut values: Vec<(usize, usize)> = starts.iter().copied().zip(0..).collect();
        let mut expected = values.clone();
        expected.sort_by_key(|&(start, _)| start);
        let mut order: Vec<u32> = (0..values.len() as u32).collect();
        order.sort_by_key(|&i| starts[i as usize]);
        permute_in_place(order, |a, b| values.swap(a, b));
        assert_eq!(values, expected);
        permute_in_place(Vec::new(), |_, _| panic!("nothing to swap"));
    }

    fn analyse(text: &str) -> Document<'_> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        run(&mut doc);
        doc
    }

    fn type_of(doc: &Document, name: &str) -> Option<EntityType> {
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
mod linearity_tests {
    use super::*;

    /// The steps the stage takes on `text(1)` and on `text(8)` (eight times as much).
    fn steps_at_1x_and_8x(text: impl Fn(usize) -> String) -> (usize, usize) {
        let mut counts = [1, 8].map(|times| {
            let text = text(times);
            let mut doc = Document::new(&text);
            crate::segment::run(&mut doc);
            steps::take();
            run(&mut doc);
            steps::take()
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
}
