//! Merging: one entity per referent. Mentions with the same name (after short forms are
//! expanded: "US" → "United States", "EU" → "European Union") are one group; then a
//! surname or given name alone joins the full name it abbreviates ("Trump" → "Donald
//! Trump"), a small spelling variant joins the known name it varies ("Zelenskiy" →
//! "Zelensky"), and an acronym joins the name whose initials it spells ("CSIS"). Two
//! people who share a surname stay two: the surname alone goes to the one mentioned
//! last. Every look-up goes through a hash map, so merging is linear in the mentions.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::lexicon::{with_lowercase, FixedHash};

use super::candidates::{is_capitalised, Names};
use super::lists;
use super::typing::{is_acronym, looks_like_personal_name, Evidence};
use super::Weighed;
use crate::document::{narrow, Document, EntityType};

/// The key under which identical names meet.
#[cfg(test)]
pub fn name_key(words: &[&str]) -> String {
    name_key_in(words, "").into_owned()
}

/// [`name_key`] of a name written as `text`, borrowed where it can be: from a one-word
/// name, from `text` when it reads as the words joined by single spaces, or from the
/// static alias list. Only names whose key differs from their text allocate.
pub fn name_key_in<'t>(words: &[&'t str], text: &'t str) -> Cow<'t, str> {
    // "Nordhaven AG" is "Nordhaven": the key drops a legal form.
    if let [name @ .., last] = words {
        if !name.is_empty() && lists::LEGAL_SUFFIXES.contains(last.trim_end_matches('.')) {
            return name_key_in(name, "");
        }
    }
    // Most names are one word without periods: the word itself or its alias target.
    if let [word] = words {
        if !word.contains('.') {
            return Cow::Borrowed(lists::alias_target(word).unwrap_or(word));
        }
    }
    let raw: Cow<'t, str> = if reads_as(words, text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(words.join(" "))
    };
    if let Some(target) = lists::alias_target(&raw) {
        return Cow::Borrowed(target);
    }
    if !words.iter().any(|w| w.contains('.') && is_acronym(w)) {
        return raw; // nothing to strip: the key is the name as written
    }
    // Acronyms lose their periods ("J.C" → "JC"): the key is shorter than `raw`, and is
    // looked up as an alias in its own right.
    let mut joined = String::with_capacity(raw.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        if w.contains('.') && is_acronym(w) {
            joined.extend(w.chars().filter(|&c| c != '.'));
        } else {
            joined.push_str(w);
        }
    }
    match lists::alias_target(&joined) {
        Some(target) => Cow::Borrowed(target),
        None => Cow::Owned(joined),
    }
}

/// True when `text` is exactly `words` joined by single spaces.
fn reads_as(words: &[&str], text: &str) -> bool {
    let mut rest = text;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            match rest.strip_prefix(' ') {
                Some(after) => rest = after,
                None => return false,
            }
        }
        match rest.strip_prefix(word) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The distinct name keys of a document, each with a number (in order of first sight):
/// candidates carry the number, not a string of their own.
#[derive(Default)]
pub struct KeyTable<'t> {
    ids: HashMap<Cow<'t, str>, u32, FixedHash>,
}

impl<'t> KeyTable<'t> {
    /// The number of `key`, new if the table has not seen it.
    pub fn id(&mut self, key: Cow<'t, str>) -> u32 {
        let next = narrow(self.ids.len());
        *self.ids.entry(key).or_insert(next)
    }

    pub fn get(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The mentions that share one name key.
struct Group<'a, 't> {
    /// The words of the group's first mention.
    words: &'a [&'t str],
    lexical: Evidence,
    /// Lexical and context evidence of all the group's mentions.
    total: Evidence,
    /// Where its mentions start, in text order.
    starts: Vec<usize>,
}

impl Group<'_, '_> {
    fn person_like(&self) -> bool {
        match self.lexical.best() {
            Some(EntityType::Person) => true,
            None => looks_like_personal_name(self.words),
            _ => false,
        }
    }

    /// The start of its last mention before byte `at`.
    fn last_start_before(&self, at: usize) -> Option<usize> {
        let before = self.starts.partition_point(|&start| start < at);
        Some(self.starts[before.checked_sub(1)?])
    }
}

/// The groups of one document: the mentions that share a name key.
struct Groups<'a, 't> {
    list: Vec<Group<'a, 't>>,
    /// The group of each mention.
    group_of: Vec<usize>,
    /// The group of each name key number, when a mention has that key.
    group_of_key: Vec<Option<usize>>,
}

impl<'a, 't> Groups<'a, 't> {
    /// Groups the mentions (sorted by start) by key, numbered in order of first mention.
    fn of(weighed: &[Weighed], names: &'a Names<'t>, keys: &KeyTable) -> Groups<'a, 't> {
        let mut groups = Groups {
            list: Vec::new(),
            group_of: Vec::with_capacity(weighed.len()),
            group_of_key: vec![None; keys.len()],
        };
        for w in weighed {
            let g = *groups.group_of_key[w.key as usize].get_or_insert_with(|| {
                groups.list.push(Group {
                    words: names.words(&w.cand),
                    lexical: Evidence::default(),
                    total: Evidence::default(),
                    starts: Vec::new(),
                });
                groups.list.len() - 1
            });
            let group = &mut groups.list[g];
            group.lexical.add(w.lexical);
            group.total.add(w.lexical);
            group.total.add(w.context);
            group.starts.push(w.cand.span.start());
            groups.group_of.push(g);
        }
        groups
    }

    fn get(&self, g: usize) -> Option<&Group<'a, 't>> {
        self.list.get(g)
    }

    fn len(&self) -> usize {
        self.list.len()
    }
}

/// Assigns each mention (sorted by start) a cluster number (0..n, in order of first
/// mention); returns the numbers and n.
/// `defined` holds the (acronym key, name key) pairs of [`defined_acronyms`].
pub fn cluster(
    weighed: &[Weighed],
    names: &Names,
    keys: &KeyTable,
    defined: &[(u32, u32)],
) -> (Vec<usize>, usize) {
    let groups = Groups::of(weighed, names, keys);
    let maps = Maps::build(&groups);
    let short_form_of = short_forms(&groups, keys, defined);
    let mut targets: Vec<Option<Target>> = Vec::new();
    targets.resize_with(groups.len(), || None);
    let mut assigned = Vec::with_capacity(weighed.len());
    for (w, &g) in weighed.iter().zip(&groups.group_of) {
        // A short form goes where its full name goes ("NORTON", "Norton" → "Joshua Norton").
        let g = short_form_of[g].unwrap_or(g);
        let g = maps.redirect[g].unwrap_or(g);
        let target = targets[g].get_or_insert_with(|| maps.target_of(&groups, keys, g));
        let found = match target {
            Target::Fixed(found) => *found,
            Target::Nearest(found) => nearest_before(&groups, found, w.cand.span.start()),
        };
        assigned.push(found.unwrap_or(g));
    }
    compact(assigned, groups.len())
}

/// Per group: the group it is a sure short form of, by the document's own word: an
/// acronym defined in brackets after the name ("Korean People's Army (KPA)"), or a name
/// written in capitals that the text also writes in title case ("KYIV" and "Kyiv").
fn short_forms(groups: &Groups, keys: &KeyTable, defined: &[(u32, u32)]) -> Vec<Option<usize>> {
    let mut short_form_of = vec![None; groups.len()];
    let group_of_key = |key: u32| groups.group_of_key.get(key as usize).copied().flatten();
    for &(acronym, name) in defined {
        if let (Some(a), Some(n)) = (group_of_key(acronym), group_of_key(name)) {
            if a != n {
                short_form_of[a] = Some(n);
            }
        }
    }
    for (g, group) in groups.list.iter().enumerate() {
        let [word] = group.words else {
            continue;
        };
        let capitals = word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
        if !capitals || short_form_of[g].is_some() {
            continue;
        }
        let mut chars = word.chars();
        let title_case: String = chars
            .next()
            .into_iter()
            .chain(chars.flat_map(char::to_lowercase))
            .collect();
        let found = keys.get(&title_case).and_then(group_of_key);
        short_form_of[g] = found.filter(|&t| t != g);
    }
    short_form_of
}

/// "Korean People's Army (KPA)", "Food Standards Agency (FSA)": an acronym in brackets
/// right after a name of two words or more that starts with the acronym's letter (and
/// is no person's name) is that name's short form. Returns (acronym key, name key) pairs.
pub fn defined_acronyms(doc: &Document, names: &Names, weighed: &[Weighed]) -> Vec<(u32, u32)> {
    let text_at = |i: usize| crate::speech::word(doc, i);
    let mut found = Vec::new();
    for (i, w) in weighed.iter().enumerate() {
        let [acronym] = names.words(&w.cand) else {
            continue;
        };
        let Some(open) = w.cand.first_token().checked_sub(1) else {
            continue;
        };
        if !is_acronym(acronym) || text_at(open) != "(" || text_at(w.cand.end_token()) != ")" {
            continue;
        }
        let initial = acronym.chars().next();
        // A nested name may stand between: a few entries back suffice.
        let name = weighed[i.saturating_sub(4)..i].iter().rev().find(|n| {
            n.cand.end_token() == open
                && n.cand.word_count() >= 2
                && !n.cand.possessive
                && n.lexical.best() != Some(EntityType::Person)
                && names.words(&n.cand).first().and_then(|f| f.chars().next()) == initial
        });
        if let Some(name) = name {
            found.push((w.key, name.key));
        }
    }
    found
}

/// Where a group's one-word mentions go: a fixed group (or none), or the one of several
/// full names mentioned last before each mention.
enum Target {
    Fixed(Option<usize>),
    Nearest(Vec<usize>),
}

/// "Tomahawks" is the plural of a name used alone elsewhere ("Tomahawk"): one entity.
fn plural_of(groups: &Groups, keys: &KeyTable, g: usize) -> Option<usize> {
    let [word] = groups.get(g)?.words else {
        return None;
    };
    let stem = word.strip_suffix('s')?;
    let t = groups.group_of_key[keys.get(stem)? as usize]?;
    (t != g).then_some(t)
}

/// Renumbers groups 0..n in order of first appearance; `groups` is above every group
/// number.
fn compact(mut assigned: Vec<usize>, groups: usize) -> (Vec<usize>, usize) {
    let mut renumber: Vec<Option<usize>> = vec![None; groups];
    let mut count = 0;
    for g in &mut assigned {
        *g = *renumber[*g].get_or_insert_with(|| {
            count += 1;
            count - 1
        });
    }
    (assigned, count)
}

/// How many full names one surname, spelling or given name may stand for: a one-word
/// mention is weighed against each, so a bound keeps merging linear in a text of
/// thousands of people sharing a few surnames.
const MAX_NAMESAKES: usize = 16;

/// Adds group `g` to the full names one word may stand for, unless there are
/// [`MAX_NAMESAKES`] already.
fn add_namesake(namesakes: &mut Vec<usize>, g: usize) {
    if namesakes.len() < MAX_NAMESAKES {
        namesakes.push(g);
    }
}

/// The look-up tables over the multi-word groups.
struct Maps<'t> {
    by_surname: HashMap<String, Vec<usize>, FixedHash>,
    by_given: HashMap<&'t str, Vec<usize>, FixedHash>,
    by_skeleton: HashMap<String, Vec<usize>, FixedHash>,
    by_acronym: HashMap<String, usize, FixedHash>,
    by_first_and_skeleton: HashMap<String, usize, FixedHash>,
    /// Per group: the earlier full name it is a spelling variant of, if any.
    redirect: Vec<Option<usize>>,
}

impl<'t> Maps<'t> {
    fn build(groups: &Groups<'_, 't>) -> Maps<'t> {
        let mut maps = Maps {
            by_surname: HashMap::default(),
            by_given: HashMap::default(),
            by_skeleton: HashMap::default(),
            by_acronym: HashMap::default(),
            by_first_and_skeleton: HashMap::default(),
            redirect: vec![None; groups.len()],
        };
        // Multi-word person names with their "first|skeleton" keys, for the variants.
        let mut people: Vec<(usize, String)> = Vec::new();
        for (g, group) in groups.list.iter().enumerate() {
            if group.words.len() < 2 {
                continue;
            }
            let (Some(&first), Some(&last)) = (group.words.first(), group.words.last()) else {
                continue;
            };
            if group.person_like() {
                add_namesake(maps.by_surname.entry(last.to_lowercase()).or_default(), g);
                add_namesake(maps.by_skeleton.entry(skeleton(last)).or_default(), g);
                if lists::given_name(first).is_some() {
                    add_namesake(maps.by_given.entry(first).or_default(), g);
                }
                let key = format!("{}|{}", first.to_lowercase(), skeleton(last));
                maps.by_first_and_skeleton.entry(key.clone()).or_insert(g);
                people.push((g, key));
            } else if let Some(acronym) = acronym(group.words) {
                maps.by_acronym.entry(acronym).or_insert(g);
            }
        }
        for (g, key) in people {
            maps.redirect[g] = maps.variant_of_full_name(groups, g, &key);
        }
        maps
    }

    /// A multi-word person name (group `g`, with its "first|skeleton" `key`) that is a
    /// spelling variant of an earlier one ("Volodymyr Zelenskiy" → "Volodymyr Zelensky").
    fn variant_of_full_name(&self, groups: &Groups, g: usize, key: &str) -> Option<usize> {
        let last = groups.get(g)?.words.last()?;
        let target = *self.by_first_and_skeleton.get(key)?;
        let other = groups.get(target)?.words.last()?;
        (target != g && is_variant(last, other)).then_some(target)
    }

    /// Where the mentions of group `g` go (decided once per group): for a one-word name,
    /// the full name it stands for; else, or when there is none, the name it is the
    /// plural of.
    fn target_of(&self, groups: &Groups, keys: &KeyTable, g: usize) -> Target {
        let one_word = groups.get(g).is_some_and(|group| group.words.len() == 1);
        match one_word.then(|| self.full_name_for(groups, g)).flatten() {
            Some(target) => target,
            None => Target::Fixed(plural_of(groups, keys, g)),
        }
    }

    /// The full name a one-word mention stands for: surname, spelling variant, given
    /// name, or acronym.
    fn full_name_for(&self, groups: &Groups, g: usize) -> Option<Target> {
        let group = groups.get(g)?;
        let word = *group.words.first()?;
        // A known place or organization ("Canada") joins only a name that is surely a
        // person's ("Environment Canada" is not).
        let listed = group.lexical.place >= 6 || group.lexical.organization >= 6;
        if let Some(found) = with_lowercase(word, |w| self.by_surname.get(w)) {
            let sure: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&t| {
                    !listed
                        || group.total.person > 0
                        || groups.get(t).is_some_and(|t| t.total.person >= 3)
                })
                .collect();
            if !sure.is_empty() {
                return Some(Target::Nearest(sure));
            }
        }
        // "US" spells "University of Sheffield" but stands for the United States.
        if is_acronym(word) && !listed && lists::alias_target(word).is_none() {
            if let Some(&found) = self.by_acronym.get(&word.replace('.', "")) {
                return Some(Target::Fixed(Some(found)));
            }
        }
        if matches!(
            group.lexical.best(),
            Some(EntityType::Place | EntityType::Organization | EntityType::Other)
        ) {
            return None;
        }
        if let Some(found) = self.by_skeleton.get(&skeleton(word)) {
            let variants: Vec<usize> = found
                .iter()
                .copied()
                .filter(|&t| {
                    groups
                        .get(t)
                        .and_then(|t| t.words.last())
                        .is_some_and(|last| is_variant(word, last))
                })
                .collect();
            if !variants.is_empty() {
                return Some(Target::Nearest(variants));
            }
        }
        match self.by_given.get(word) {
            Some(found) if found.len() == 1 => Some(Target::Fixed(found.first().copied())),
            _ => None,
        }
    }
}

/// Of several groups, the one mentioned last before `at` (else the first mentioned).
fn nearest_before(groups: &Groups, found: &[usize], at: usize) -> Option<usize> {
    crate::steps::add(found.len());
    found
        .iter()
        .filter_map(|&g| Some((groups.get(g)?.last_start_before(at)?, g)))
        .max()
        .map(|(_, g)| g)
        .or_else(|| found.first().copied())
}

/// The initials of a multi-word name ("Center for Strategic and International Studies"
/// → "CSIS"), when it has at least two capitalised words.
fn acronym(words: &[&str]) -> Option<String> {
    let letters: String = words
        .iter()
        .filter(|w| is_capitalised(w))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

/// A spelling key that ignores vowels and doubled letters: "Zelenskiy" and "Zelensky"
/// both give "zlnsk".
fn skeleton(word: &str) -> String {
    // ASCII names (nearly all) are lowercased on the fly, without a lowercase copy.
    if word.is_ascii() {
        skeleton_of(word.bytes().map(|b| char::from(b.to_ascii_lowercase())))
    } else {
        skeleton_of(word.to_lowercase().chars())
    }
}

fn skeleton_of(lowercase: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut previous = None;
    for c in lowercase {
        if matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j' | 'h' | 'w' | '\'' | '’' | '-'
        ) {
            previous = Some(c);
            continue;
        }
        if previous != Some(c) {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}

/// True when two different spellings of a name differ by a small edit: at most one
/// change, two in names of nine letters or more, same first letter.
pub fn is_variant(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    if shorter < 5 || a.chars().next() != b.chars().next() {
        return false;
    }
    let allowed = if shorter >= 9 { 2 } else { 1 };
    edit_distance(&a, &b) <= allowed
}

/// Levenshtein distance between two short words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row
            .first()
            .copied()
            .expect("a row has a cell per prefix of b");
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = row.get(j).copied().unwrap_or(usize::MAX);
            let cost = usize::from(ca != *cb);
            let best = (diagonal + cost).min(above + 1).min(left + 1);
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = best;
            }
        }
    }
    row.last()
        .copied()
        .expect("a row has a cell per prefix of b")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_are_small_edits() {
        assert!(is_variant("Zelenskiy", "Zelensky"));
        assert!(is_variant("Zelenskyy", "Zelensky"));
        assert!(!is_variant("Austria", "Australia"));
        assert!(!is_variant("Iran", "Iraq"));
        assert_eq!(skeleton("Zelenskiy"), skeleton("Zelensky"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn acronyms_spell_initials() {
        let words: Vec<&str> = "Center for Strategic and International Studies"
            .split(' ')
            .collect();
        assert_eq!(acronym(&words).as_deref(), Some("CSIS"));
    }

    #[test]
    fn short_forms_share_the_full_key() {
        assert_eq!(name_key(&["US"]), "United States");
        assert_eq!(name_key(&["U.S."]), "United States");
        assert_eq!(name_key(&["EU"]), "European Union");
        assert_eq!(name_key(&["Kyiv"]), "Kyiv");
        assert_eq!(name_key(&["J.C", "Chandor"]), "JC Chandor");
        assert_eq!(name_key(&["Bank", "of", "England"]), "Bank of England");
    }

    #[test]
    fn keys_borrow_the_text_when_they_can() {
        let words = ["Bank", "of", "England"];
        let key = name_key_in(&words, "Bank of England");
        assert!(matches!(key, Cow::Borrowed("Bank of England")));
        // Text that is not the words joined by single spaces is not borrowed.
        let key = name_key_in(&words, "Bank  of England");
        assert!(matches!(&key, Cow::Owned(k) if k == "Bank of England"));
        assert_eq!(name_key_in(&["U.S.", "Navy"], "U.S. Navy"), "US Navy");
        assert_eq!(name_key_in(&["U.S."], "U.S."), "United States");
        assert_eq!(name_key_in(&[], ""), "");
        assert!(reads_as(&["a", "b"], "a b") && !reads_as(&["a", "b"], "a b "));
    }

    #[test]
    fn key_table_numbers_keys_in_order_of_first_sight() {
        let mut keys = KeyTable::default();
        assert_eq!(keys.id(Cow::Borrowed("Kyiv")), 0);
        assert_eq!(keys.id(Cow::Owned("Moscow".to_string())), 1);
        assert_eq!(keys.id(Cow::Owned("Kyiv".to_string())), 0);
        assert_eq!(
            (keys.get("Moscow"), keys.get("Paris"), keys.len()),
            (Some(1), None, 2)
        );
    }
}
