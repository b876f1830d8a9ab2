//! Merging: one entity per referent. Mentions with the same name (after short forms are
//! expanded: "US" → "United States", "EU" → "European Union") are one group; then a
//! surname or given name alone joins the full name it abbreviates ("Trump" → "Donald
//! Trump"), a small spelling variant joins the known name it varies ("Zelenskiy" →
//! "Zelensky"), an acronym joins the name whose initials it spells ("CSIS"), and an
//! organization's first or last word joins the organization ("Meta", "Villa"). Two
//! people who share a surname stay two: the surname alone goes to the one mentioned
//! last. The document's own definitions come first: an acronym in brackets after a name
//! is that name's, and one after lowercase words that spell it is a thing's ("RSV").
//! Every look-up goes through a hash map, so merging is linear in the mentions.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;

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

/// Items sorted into numbered buckets, each bucket's in the order given: one array for
/// all, not a list per bucket (a text of distinct names has a group, and a cluster, per
/// name).
#[derive(Default)]
pub struct Buckets {
    items: Vec<u32>,
    /// Bucket `b` holds `items[at[b]..at[b + 1]]`.
    at: Vec<u32>,
}

impl Buckets {
    /// `count` buckets holding `item(i)` for each `i`, in bucket `bucket_of[i]`: a
    /// counting sort.
    pub fn of(bucket_of: &[u32], count: usize, item: impl Fn(usize) -> u32) -> Buckets {
        let mut at = vec![0u32; count + 1];
        for &b in bucket_of {
            if let Some(size) = at.get_mut(b as usize + 1) {
                *size += 1;
            }
        }
        for b in 0..count {
            at[b + 1] += at[b];
        }
        // Each bucket's slot moves from its first item to the next bucket's first.
        let mut items = vec![0u32; bucket_of.len()];
        for (i, &b) in bucket_of.iter().enumerate() {
            if let Some(slot) = at.get_mut(b as usize) {
                items[*slot as usize] = item(i);
                *slot += 1;
            }
        }
        if count > 0 {
            at.copy_within(0..count - 1, 1);
            at[0] = 0;
        }
        Buckets { items, at }
    }

    /// The items of bucket `b`, none when there is no such bucket.
    pub fn get(&self, b: usize) -> &[u32] {
        let (Some(&from), Some(&to)) = (self.at.get(b), self.at.get(b + 1)) else {
            return &[];
        };
        self.items
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }
}

/// No group: the value of a `u32` slot of [`Groups`] that holds none.
const NO_GROUP: u32 = u32::MAX;

/// The mentions that share one name key.
struct Group {
    /// Its first mention (an index into the mentions), whose words are the group's.
    first: u32,
    lexical: Evidence,
    /// Lexical and context evidence of all the group's mentions.
    total: Evidence,
}

/// The groups of one document: the mentions that share a name key. Kept in flat arrays
/// of 32-bit numbers rather than a list per group: a text of distinct names has a group
/// per name, and memory must stay within a few times the text.
struct Groups<'a, 't> {
    weighed: &'a [Weighed],
    names: &'a Names<'t>,
    list: Vec<Group>,
    /// The group of each mention.
    group_of: Vec<u32>,
    /// The group of each name key number; [`NO_GROUP`] when no mention has that key.
    group_of_key: Vec<u32>,
    /// Where each group's mentions start, in text order.
    starts: Buckets,
}

impl<'a, 't> Groups<'a, 't> {
    /// Groups the mentions (sorted by start) by key, numbered in order of first mention.
    fn of(weighed: &'a [Weighed], names: &'a Names<'t>, keys: &KeyTable) -> Groups<'a, 't> {
        let mut groups = Groups {
            weighed,
            names,
            list: Vec::with_capacity(keys.len()),
            group_of: Vec::with_capacity(weighed.len()),
            group_of_key: vec![NO_GROUP; keys.len()],
            starts: Buckets::default(),
        };
        for (i, w) in weighed.iter().enumerate() {
            let Some(slot) = groups.group_of_key.get_mut(w.key as usize) else {
                continue; // every key is numbered in `keys`
            };
            if *slot == NO_GROUP {
                *slot = narrow(groups.list.len());
                groups.list.push(Group {
                    first: narrow(i),
                    lexical: Evidence::default(),
                    total: Evidence::default(),
                });
            }
            let g = *slot;
            let group = &mut groups.list[g as usize];
            group.lexical.add(w.lexical);
            group.total.add(w.lexical);
            group.total.add(w.context);
            groups.group_of.push(g);
        }
        let start = |i: usize| narrow(weighed[i].cand.span.start());
        groups.starts = Buckets::of(&groups.group_of, groups.list.len(), start);
        groups
    }

    fn get(&self, g: usize) -> Option<&Group> {
        self.list.get(g)
    }

    /// The group of a name key number, if a mention has that key.
    fn of_key(&self, key: u32) -> Option<usize> {
        let g = *self.group_of_key.get(key as usize)?;
        (g != NO_GROUP).then_some(g as usize)
    }

    /// The words of group `g` (of its first mention).
    fn words(&self, g: usize) -> &'a [&'t str] {
        let weighed = self.weighed;
        let first = self
            .get(g)
            .and_then(|group| weighed.get(group.first as usize));
        first.map_or(&[], |w| self.names.words(&w.cand))
    }

    fn person_like(&self, g: usize) -> bool {
        match self.get(g).and_then(|group| group.lexical.best()) {
            Some(EntityType::Person) => true,
            None => looks_like_personal_name(self.words(g)),
            _ => false,
        }
    }

    /// The start of group `g`'s last mention before byte `at`.
    fn last_start_before(&self, g: usize, at: usize) -> Option<usize> {
        let starts = self.starts.get(g);
        let before = starts.partition_point(|&start| (start as usize) < at);
        Some(starts[before.checked_sub(1)?] as usize)
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
    keys: KeyTable,
    defined: &[(u32, u32)],
) -> (Vec<u32>, usize) {
    let groups = Groups::of(weighed, names, &keys);
    let short_form_of = short_forms(&groups, &keys, defined);
    let plurals: Vec<u32> = (0..groups.len())
        .map(|g| plural_of(&groups, &keys, g).unwrap_or(NO_GROUP))
        .collect();
    // The stage's largest table, asked no more: freed before the look-up tables are made.
    drop(keys);
    let maps = Maps::build(&groups);
    let redirect: Vec<u32> = (0..groups.len())
        .map(|g| maps.variant_of_full_name(&groups, g).unwrap_or(NO_GROUP))
        .collect();
    let targets = Targets::of(&groups, &maps, &plurals);
    drop(maps);
    let mut assigned = Vec::with_capacity(weighed.len());
    for (w, &g) in weighed.iter().zip(&groups.group_of) {
        // A short form goes where its full name goes ("NORTON", "Norton" → "Joshua Norton").
        let g = or_same(short_form_of[g as usize], g);
        let g = or_same(redirect[g as usize], g);
        assigned.push(targets.of_mention(&groups, g, w.cand.span.start()));
    }
    compact(assigned, groups.len())
}

/// `group`, unless it is [`NO_GROUP`]: then `otherwise`.
fn or_same(group: u32, otherwise: u32) -> u32 {
    if group == NO_GROUP {
        otherwise
    } else {
        group
    }
}

/// Per group: the group it is a sure short form of, by the document's own word: an
/// acronym defined in brackets after the name ("Korean People's Army (KPA)"), or a name
/// written in capitals that the text also writes in title case ("KYIV" and "Kyiv").
fn short_forms(groups: &Groups, keys: &KeyTable, defined: &[(u32, u32)]) -> Vec<u32> {
    let mut short_form_of = vec![NO_GROUP; groups.len()];
    for &(acronym, name) in defined {
        if let (Some(a), Some(n)) = (groups.of_key(acronym), groups.of_key(name)) {
            if a != n {
                short_form_of[a] = narrow(n);
            }
        }
    }
    for (g, short_form) in short_form_of.iter_mut().enumerate() {
        let [word] = groups.words(g) else {
            continue;
        };
        let capitals = word.chars().count() >= 3 && word.chars().all(char::is_uppercase);
        if !capitals || *short_form != NO_GROUP {
            continue;
        }
        let mut chars = word.chars();
        let title_case: String = chars
            .next()
            .into_iter()
            .chain(chars.flat_map(char::to_lowercase))
            .collect();
        let found = keys.get(&title_case).and_then(|key| groups.of_key(key));
        *short_form = found.filter(|&t| t != g).map_or(NO_GROUP, narrow);
    }
    short_form_of
}

/// The acronym that `w` is, when it stands alone in brackets ("(FSA)"), and the token of
/// its opening bracket.
fn bracketed_acronym<'n>(
    doc: &Document,
    names: &'n Names,
    w: &Weighed,
) -> Option<(&'n str, usize)> {
    let text_at = |i: usize| crate::speech::word(doc, i);
    let [acronym] = names.words(&w.cand) else {
        return None;
    };
    let open = w.cand.first_token().checked_sub(1)?;
    let bracketed = text_at(open) == "(" && text_at(w.cand.end_token()) == ")";
    (is_acronym(acronym) && bracketed).then_some((*acronym, open))
}

/// "Korean People's Army (KPA)", "Food Standards Agency (FSA)": an acronym in brackets
/// right after a name of two words or more that starts with the acronym's letter (and
/// is no person's name) is that name's short form. Returns (acronym key, name key) pairs.
pub fn defined_acronyms(doc: &Document, names: &Names, weighed: &[Weighed]) -> Vec<(u32, u32)> {
    let mut found = Vec::new();
    for (i, w) in weighed.iter().enumerate() {
        let Some((acronym, open)) = bracketed_acronym(doc, names, w) else {
            continue;
        };
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

/// "respiratory syncytial virus (RSV)", "gross domestic product (GDP)": an acronym in
/// brackets right after lowercase words whose initials spell it names a thing, not an
/// organization. Returns those acronyms' keys, sorted.
pub fn term_acronyms(doc: &Document, names: &Names, weighed: &[Weighed]) -> Vec<u32> {
    let text_at = |i: usize| crate::speech::word(doc, i);
    let mut found = Vec::new();
    for w in weighed {
        let Some((acronym, open)) = bracketed_acronym(doc, names, w) else {
            continue;
        };
        let letters: Vec<char> = acronym.chars().filter(|&c| c != '.').collect();
        let Some(first) = open.checked_sub(letters.len()) else {
            continue;
        };
        let spelled = (first..open).zip(&letters).all(|(i, &letter)| {
            let word = text_at(i);
            crate::speech::is_word(doc, i)
                && word.chars().all(char::is_lowercase)
                && word.chars().next().and_then(|c| c.to_uppercase().next()) == Some(letter)
        });
        if spelled {
            found.push(w.key);
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// Where a one-word name goes: a full name, or the one of several full names
/// mentioned last before each mention.
enum Target {
    Fixed(u32),
    Nearest(Box<[u32]>),
}

/// Where each group's mentions go, decided once per group: four bytes per group and a
/// list per group that has several full names to choose from.
struct Targets {
    of_group: Vec<Destination>,
    /// The full names that the `Nearest` destinations choose from.
    choices: Vec<Box<[u32]>>,
}

#[derive(Clone, Copy)]
enum Destination {
    Group(u32),
    /// The nearest of the full names `choices[n]`.
    Nearest(u32),
}

impl Targets {
    /// For a one-word name, the full name it stands for; else, or when there is none,
    /// the name it is the plural of (`plurals`, [`NO_GROUP`] for none).
    fn of(groups: &Groups, maps: &Maps, plurals: &[u32]) -> Targets {
        let mut targets = Targets {
            of_group: Vec::with_capacity(groups.len()),
            choices: Vec::new(),
        };
        // "Paralympic" beside "Paralympics": a word whose plural is a name too.
        let mut has_plural = vec![false; plurals.len()];
        for &singular in plurals {
            if let Some(slot) = has_plural.get_mut(singular as usize) {
                *slot = true;
            }
        }
        for (g, &plural) in plurals.iter().enumerate() {
            let one_word = groups.words(g).len() == 1;
            let full_name = || maps.full_name_for(groups, g, has_plural[g]);
            let destination = match one_word.then(full_name).flatten() {
                Some(Target::Fixed(t)) => Destination::Group(t),
                Some(Target::Nearest(found)) => {
                    targets.choices.push(found);
                    Destination::Nearest(narrow(targets.choices.len() - 1))
                }
                None => Destination::Group(or_same(plural, narrow(g))),
            };
            targets.of_group.push(destination);
        }
        targets
    }

    /// The group a mention of group `g` that starts at byte `at` goes to.
    fn of_mention(&self, groups: &Groups, g: u32, at: usize) -> u32 {
        match self.of_group.get(g as usize) {
            Some(&Destination::Group(t)) => t,
            Some(&Destination::Nearest(n)) => self
                .choices
                .get(n as usize)
                .and_then(|found| nearest_before(groups, found, at))
                .unwrap_or(g),
            None => g,
        }
    }
}

/// "Tomahawks" is the plural of a name used alone elsewhere ("Tomahawk"): one entity.
fn plural_of(groups: &Groups, keys: &KeyTable, g: usize) -> Option<u32> {
    let [word] = groups.words(g) else {
        return None;
    };
    let stem = word.strip_suffix('s')?;
    let t = groups.of_key(keys.get(stem)?)?;
    (t != g).then_some(narrow(t))
}

/// Renumbers groups 0..n in order of first appearance; `groups` is above every group
/// number.
fn compact(mut assigned: Vec<u32>, groups: usize) -> (Vec<u32>, usize) {
    let mut renumber = vec![NO_GROUP; groups];
    let mut count = 0;
    for g in &mut assigned {
        let Some(number) = renumber.get_mut(*g as usize) else {
            continue; // every group number is below `groups`
        };
        if *number == NO_GROUP {
            *number = narrow(count);
            count += 1;
        }
        *g = *number;
    }
    (assigned, count)
}

/// How many full names one surname, spelling or given name may stand for: a one-word
/// mention is weighed against each, so a bound keeps merging linear in a text of
/// thousands of people sharing a few surnames.
const MAX_NAMESAKES: usize = 16;

/// What the [`Maps`] file a multi-word group under.
#[derive(Clone, Copy)]
enum Filing {
    /// A person's last word, in lowercase ("trump").
    Surname,
    /// A person's last word, as a [`skeleton`] ("zlnsk").
    Skeleton,
    /// A person's first word, when it is a listed given name ("Donald").
    GivenName,
    /// A person's first word in lowercase and last word's skeleton ("volodymyr|zlnsk").
    FirstAndSkeleton,
    /// The initials of a name that is no person's ("CSIS").
    Acronym,
    /// An organization's first word, when it can stand for the whole ("Meta" for "Meta
    /// Platforms"; see [`short_name_of_org`]).
    OrgFirstWord,
    /// An organization's last word, likewise ("Villa" for "Aston Villa").
    OrgLastWord,
}

impl Filing {
    /// The key group `g` is filed under, if it is filed.
    fn key<'a>(self, groups: &Groups<'a, '_>, g: usize) -> Option<Cow<'a, str>> {
        let words = groups.words(g);
        let (&first, &last) = (words.first()?, words.last()?);
        if words.len() < 2 {
            return None;
        }
        if matches!(self, Filing::OrgFirstWord | Filing::OrgLastWord) {
            // Names of every type but people's (whose surnames are filed apart), so that
            // a word shared by several names ("Paxton Water Tower") is seen to be.
            let first_word = matches!(self, Filing::OrgFirstWord);
            let person = groups.get(g)?.total.best() == Some(EntityType::Person);
            let word = short_name_of_org(words, first_word).filter(|_| !person)?;
            return Some(Cow::Borrowed(word));
        }
        // People are filed by their words, other names by their initials.
        let for_people = !matches!(self, Filing::Acronym);
        if groups.person_like(g) != for_people {
            return None;
        }
        Some(match self {
            Filing::Surname => Cow::Owned(last.to_lowercase()),
            Filing::Skeleton => Cow::Owned(skeleton(last)),
            Filing::GivenName => {
                lists::given_name(first)?;
                Cow::Borrowed(first)
            }
            Filing::FirstAndSkeleton => {
                Cow::Owned(format!("{}|{}", first.to_lowercase(), skeleton(last)))
            }
            Filing::Acronym => Cow::Owned(acronym(words)?),
            Filing::OrgFirstWord | Filing::OrgLastWord => return None, // filed above
        })
    }
}

/// The groups filed under one kind of key, without the keys: each entry is part of a
/// key's hash and a group, sorted, and a look-up checks the key of each group it finds
/// (so that a hash shared by two keys costs a check, not a wrong merge). A map of strings
/// to lists would hold a string and a list per group.
struct KeyIndex {
    filing: Filing,
    entries: Vec<(u32, u32)>,
}

/// The part of a key's hash that a [`KeyIndex`] keeps.
fn key_hash(key: &str) -> u32 {
    (FixedHash::default().hash_one(key) >> 32) as u32
}

impl KeyIndex {
    fn build(filing: Filing, groups: &Groups) -> KeyIndex {
        let hashes = (0..groups.len()).filter_map(|g| {
            let key = filing.key(groups, g)?;
            Some((key_hash(&key), narrow(g)))
        });
        let mut entries: Vec<(u32, u32)> = hashes.collect();
        entries.sort_unstable();
        entries.shrink_to_fit();
        KeyIndex { filing, entries }
    }

    /// The groups filed under `key`, in group order.
    fn find<'s>(&'s self, groups: &'s Groups, key: &'s str) -> impl Iterator<Item = u32> + 's {
        let hash = key_hash(key);
        let from = self.entries.partition_point(|&(h, _)| h < hash);
        let entries = self.entries.get(from..).unwrap_or_default();
        entries
            .iter()
            .take_while(move |&&(h, _)| h == hash)
            .map(|&(_, g)| g)
            .filter(move |&g| {
                let filed = self.filing.key(groups, g as usize);
                filed.is_some_and(|filed| filed == key)
            })
    }
}

/// The look-up tables over the multi-word groups.
struct Maps {
    by_surname: KeyIndex,
    by_given: KeyIndex,
    by_skeleton: KeyIndex,
    by_acronym: KeyIndex,
    by_first_and_skeleton: KeyIndex,
    by_org_first_word: KeyIndex,
    by_org_last_word: KeyIndex,
}

impl Maps {
    fn build(groups: &Groups) -> Maps {
        Maps {
            by_surname: KeyIndex::build(Filing::Surname, groups),
            by_given: KeyIndex::build(Filing::GivenName, groups),
            by_skeleton: KeyIndex::build(Filing::Skeleton, groups),
            by_acronym: KeyIndex::build(Filing::Acronym, groups),
            by_first_and_skeleton: KeyIndex::build(Filing::FirstAndSkeleton, groups),
            by_org_first_word: KeyIndex::build(Filing::OrgFirstWord, groups),
            by_org_last_word: KeyIndex::build(Filing::OrgLastWord, groups),
        }
    }

    /// A multi-word person name (group `g`) that is a spelling variant of an earlier one
    /// ("Volodymyr Zelenskiy" → "Volodymyr Zelensky"): the first with its first word and
    /// skeleton.
    fn variant_of_full_name(&self, groups: &Groups, g: usize) -> Option<u32> {
        let key = Filing::FirstAndSkeleton.key(groups, g)?;
        let target = self.by_first_and_skeleton.find(groups, &key).next()?;
        let last = groups.words(g).last()?;
        let other = groups.words(target as usize).last()?;
        (target as usize != g && is_variant(last, other)).then_some(target)
    }

    /// The full name a one-word mention stands for: surname, spelling variant, given
    /// name, acronym, or an organization's short name (not for a word whose plural is a
    /// name as well: `has_plural`).
    fn full_name_for(&self, groups: &Groups, g: usize, has_plural: bool) -> Option<Target> {
        let group = groups.get(g)?;
        let word = *groups.words(g).first()?;
        // A known place or organization ("Canada") joins only a name that is surely a
        // person's ("Environment Canada" is not).
        let listed = group.lexical.place >= 6 || group.lexical.organization >= 6;
        let namesakes = with_lowercase(word, |w| {
            let found = self.by_surname.find(groups, w).take(MAX_NAMESAKES);
            let sure = found.filter(|&t| {
                !listed
                    || group.total.person > 0
                    || groups.get(t as usize).is_some_and(|t| t.total.person >= 3)
            });
            sure.collect::<Box<[u32]>>()
        });
        if !namesakes.is_empty() {
            return Some(Target::Nearest(namesakes));
        }
        // "US" spells "University of Sheffield" but stands for the United States.
        if is_acronym(word) && !listed && lists::alias_target(word).is_none() {
            let initials = word.replace('.', "");
            let found = self.by_acronym.find(groups, &initials).next();
            if let Some(found) = found {
                return Some(Target::Fixed(found));
            }
        }
        if let Some(organization) = self
            .organization_shortened_to(groups, g)
            .filter(|_| !has_plural)
        {
            return Some(organization);
        }
        if matches!(
            group.lexical.best(),
            Some(EntityType::Place | EntityType::Organization | EntityType::Other)
        ) {
            return None;
        }
        let spelling = skeleton(word);
        let found = self.by_skeleton.find(groups, &spelling).take(MAX_NAMESAKES);
        let variants: Box<[u32]> = found
            .filter(|&t| {
                let last = groups.words(t as usize).last();
                last.is_some_and(|last| is_variant(word, last))
            })
            .collect();
        if !variants.is_empty() {
            return Some(Target::Nearest(variants));
        }
        let mut given = self.by_given.find(groups, word).take(2);
        match (given.next(), given.next()) {
            (Some(only), None) => Some(Target::Fixed(only)),
            _ => None,
        }
    }

    /// The organizations whose first or last word is the one-word name of group `g`
    /// ("Meta" → "Meta Platforms", "Villa" → "Aston Villa"), as coreference systems merge
    /// a head word with its full name; none for a name its title, its context or a
    /// place list types ("President Ford", "Brenner, the company's founder",
    /// "Manchester"). A word shared with a name of another type, or
    /// the first word of several names, is a modifier: a town's name in "Paxton First
    /// Schoolhouse" and "Paxton Water Tower".
    fn organization_shortened_to(&self, groups: &Groups, g: usize) -> Option<Target> {
        let group = groups.get(g)?;
        let first = groups.weighed.get(group.first as usize)?;
        // "Brenner, the company's founder": an apposition or role says a person.
        let context_person = group.total.person - group.lexical.person;
        if first.lexical.person >= 3 || context_person >= 3 || group.lexical.place > 0 {
            return None;
        }
        let word = *groups.words(g).first()?;
        let mut firsts = self.by_org_first_word.find(groups, word).take(2);
        let first_of = firsts.next();
        if firsts.next().is_some() {
            return None;
        }
        let lasts = self.by_org_last_word.find(groups, word);
        let found: Box<[u32]> = first_of
            .into_iter()
            .chain(lasts)
            .take(MAX_NAMESAKES)
            .collect();
        let organization = |&t: &u32| {
            groups.get(t as usize).and_then(|t| t.total.best()) == Some(EntityType::Organization)
        };
        let all_organizations = found.iter().all(organization);
        (!found.is_empty() && all_organizations).then_some(Target::Nearest(found))
    }
}

/// The first (`first_word`) or last word of an organization's name `words` when it can
/// stand for the whole name alone: a capitalised word that is no place, given name
/// (unless a listed organization: "Meta"), title, nationality, acronym or legal form.
/// A first word must not be a common word ("New", "General" in "General Motors"), and
/// one that names an organization of its own ("Google" in "Google Chrome") only when an
/// industry or legal head alone follows ("Meta Platforms"). A last word must not be a
/// generic head ("Bank", "Party", "City", "Hall" in "City Hall") nor an organization of its own ("House" in
/// "White House"), except in a team's name ("United" in "Manchester United", whose fans
/// and reporters say "United"); and not a product of the organization that the first
/// word names ("Chrome" in "Google Chrome").
fn short_name_of_org<'t>(words: &[&'t str], first_word: bool) -> Option<&'t str> {
    use lists::Fact;
    let (&first, &last) = (words.first()?, words.last()?);
    let word = if first_word { first } else { last };
    let facts = lists::facts(word);
    let listed = lists::KNOWN_ORGS.contains(word) || lists::LISTED_ORGS.contains(word);
    let never = [
        Fact::Place,
        Fact::Title,
        Fact::Demonym,
        Fact::GroupDemonym,
        Fact::NotName,
        Fact::OtherWord,
    ];
    // "Army of the Potomac": after a connector comes no head.
    if words.len() < 2
        || !words.iter().all(|w| is_capitalised(w))
        || is_acronym(word)
        || facts.any(&never)
        || lists::LEGAL_SUFFIXES.contains(word)
        || (facts.has(Fact::GivenName) && !listed)
    {
        return None;
    }
    let listed_first = lists::KNOWN_ORGS.contains(first) || lists::LISTED_ORGS.contains(first);
    let fits = if first_word {
        // "Tesla Motors" is Tesla; "Google Chrome", "House Judiciary Committee" are not
        // Google or the House.
        let same_company = words.len() == 2 && lists::ORG_WORDS.contains(last);
        let stands_alone = if listed {
            same_company
        } else {
            !facts.has(Fact::Common)
        };
        stands_alone && !facts.any(&[Fact::OrgWord, Fact::PlaceWord])
    } else {
        // "City Hall": a phrase of common words has a common noun for its head.
        let common_phrase = words.iter().all(|w| lists::is_common_word(w));
        let generic = facts.any(&[Fact::OrgWord, Fact::PlaceWord]) || listed || common_phrase;
        let product = listed_first || is_acronym(first); // "Google Chrome", "IBM Watson"
        !product && (!generic || lists::TEAMS.contains(&words.join(" ")))
    };
    fits.then_some(word)
}

/// Of several groups, the one mentioned last before `at` (else the first mentioned).
fn nearest_before(groups: &Groups, found: &[u32], at: usize) -> Option<u32> {
    crate::steps::add(found.len());
    found
        .iter()
        .filter_map(|&g| Some((groups.last_start_before(g as usize, at)?, g)))
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
