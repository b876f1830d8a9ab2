//! Merging: one entity per referent. Mentions with the same name (after short forms are
//! expanded: "US" → "United States", "EU" → "European Union") are one group; then a
//! surname or given name alone joins the full name it abbreviates ("Trump" → "Donald
//! Trump"), a small spelling variant joins the known name it varies ("Zelenskiy" →
//! "Zelensky"), and an acronym joins the name whose initials it spells ("CSIS"). Two
//! people who share a surname stay two: the surname alone goes to the one mentioned
//! last. Every look-up goes through a hash map, so merging is linear in the mentions.

use std::collections::HashMap;

use crate::lexicon::FastHash;

use super::candidates::{is_capitalised, Candidate};
use super::lists;
use super::typing::{is_acronym, looks_like_personal_name, Evidence};
use crate::document::EntityType;

/// The key under which identical names meet.
pub fn name_key(words: &[&str]) -> String {
    // Built in one pass, without a Vec per call: this ran several times per candidate.
    let mut raw = String::new();
    let mut joined = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            raw.push(' ');
            joined.push(' ');
        }
        raw.push_str(w);
        if w.contains('.') && is_acronym(w) {
            joined.extend(w.chars().filter(|&c| c != '.'));
        } else {
            joined.push_str(w);
        }
    }
    let target = lists::alias_target(&raw).or_else(|| {
        (joined.len() != raw.len())
            .then(|| lists::alias_target(&joined))
            .flatten()
    });
    target.map(str::to_string).unwrap_or(joined)
}

struct Group<'t> {
    words: Vec<&'t str>,
    lexical: Evidence,
    /// Lexical and context evidence of all the group's mentions.
    total: Evidence,
    /// Start offsets of the group's mentions, in text order.
    starts: Vec<usize>,
}

impl Group<'_> {
    fn person_like(&self) -> bool {
        match self.lexical.best() {
            Some(EntityType::Person) => true,
            None => looks_like_personal_name(&self.words),
            _ => false,
        }
    }
}

/// Assigns each candidate a cluster number (0..n, in order of first mention); returns
/// the numbers and n.
/// `keys` are the candidates' [`name_key`]s.
pub fn cluster(
    cands: &[Candidate],
    keys: &[String],
    lexical: &[Evidence],
    context: &[Evidence],
) -> (Vec<usize>, usize) {
    let mut group_by_key: HashMap<&str, usize, FastHash> = HashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of = Vec::with_capacity(cands.len());
    for (i, ((c, lex), key)) in cands.iter().zip(lexical).zip(keys).enumerate() {
        let g = *group_by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                words: c.words.clone(),
                lexical: Evidence::default(),
                total: Evidence::default(),
                starts: Vec::new(),
            });
            groups.len() - 1
        });
        if let Some(group) = groups.get_mut(g) {
            group.lexical.add(*lex);
            group.total.add(*lex);
            group.total.add(context.get(i).copied().unwrap_or_default());
            group.starts.push(c.span.start);
        }
        group_of.push(g);
    }
    let maps = Maps::build(&groups);
    let redirect: Vec<Option<usize>> = (0..groups.len())
        .map(|g| maps.variant_of_full_name(&groups, g))
        .collect();
    let mut assigned = Vec::with_capacity(cands.len());
    for (c, &g) in cands.iter().zip(&group_of) {
        let g = redirect.get(g).copied().flatten().unwrap_or(g);
        let target = groups
            .get(g)
            .filter(|group| group.words.len() == 1)
            .and_then(|_| maps.full_name_for(&groups, g, c.span.start));
        let target = target.or_else(|| plural_of(&groups, &group_by_key, g));
        assigned.push(target.unwrap_or(g));
    }
    compact(assigned)
}

/// "Tomahawks" is the plural of a name used alone elsewhere ("Tomahawk"): one entity.
fn plural_of(
    groups: &[Group<'_>],
    keys: &HashMap<&str, usize, FastHash>,
    g: usize,
) -> Option<usize> {
    let group = groups.get(g)?;
    let [word] = group.words.as_slice() else {
        return None;
    };
    let stem = word.strip_suffix('s')?;
    keys.get(stem).copied().filter(|&t| t != g)
}

/// Renumbers groups 0..n in order of first appearance.
fn compact(assigned: Vec<usize>) -> (Vec<usize>, usize) {
    // Group numbers are below the candidate count: a table, not a map.
    let mut renumber: Vec<Option<usize>> = vec![None; assigned.len()];
    let mut count = 0;
    let out: Vec<usize> = assigned
        .into_iter()
        .map(|g| match renumber.get_mut(g) {
            Some(Some(n)) => *n,
            Some(slot) => {
                *slot = Some(count);
                count += 1;
                count - 1
            }
            None => g, // not reached: every group number is a candidate index
        })
        .collect();
    (out, count)
}

/// The look-up tables over the multi-word groups.
struct Maps {
    by_surname: HashMap<String, Vec<usize>, FastHash>,
    by_given: HashMap<String, Vec<usize>, FastHash>,
    by_skeleton: HashMap<String, Vec<usize>, FastHash>,
    by_acronym: HashMap<String, usize, FastHash>,
    by_first_and_skeleton: HashMap<String, usize, FastHash>,
}

impl Maps {
    fn build(groups: &[Group<'_>]) -> Maps {
        let mut maps = Maps {
            by_surname: HashMap::default(),
            by_given: HashMap::default(),
            by_skeleton: HashMap::default(),
            by_acronym: HashMap::default(),
            by_first_and_skeleton: HashMap::default(),
        };
        for (g, group) in groups.iter().enumerate() {
            if group.words.len() < 2 {
                continue;
            }
            let (Some(first), Some(last)) = (group.words.first(), group.words.last()) else {
                continue;
            };
            if group.person_like() {
                maps.by_surname
                    .entry(last.to_lowercase())
                    .or_default()
                    .push(g);
                maps.by_skeleton.entry(skeleton(last)).or_default().push(g);
                if lists::given_name(first).is_some() {
                    maps.by_given.entry(first.to_string()).or_default().push(g);
                }
                let key = format!("{}|{}", first.to_lowercase(), skeleton(last));
                maps.by_first_and_skeleton.entry(key).or_insert(g);
            } else if let Some(acronym) = acronym(&group.words) {
                maps.by_acronym.entry(acronym).or_insert(g);
            }
        }
        maps
    }

    /// A multi-word person name that is a spelling variant of an earlier one
    /// ("Volodymyr Zelenskiy" → "Volodymyr Zelensky").
    fn variant_of_full_name(&self, groups: &[Group<'_>], g: usize) -> Option<usize> {
        let group = groups.get(g)?;
        if group.words.len() < 2 || !group.person_like() {
            return None;
        }
        let (first, last) = (group.words.first()?, group.words.last()?);
        let key = format!("{}|{}", first.to_lowercase(), skeleton(last));
        let target = *self.by_first_and_skeleton.get(&key)?;
        let other = groups.get(target)?.words.last()?;
        (target != g && is_variant(last, other)).then_some(target)
    }

    /// The full name a one-word mention at `at` stands for: surname, spelling variant,
    /// given name, or acronym.
    fn full_name_for(&self, groups: &[Group<'_>], g: usize, at: usize) -> Option<usize> {
        let group = groups.get(g)?;
        let word = group.words.first()?;
        // A known place or organization ("Canada") joins only a name that is surely a
        // person's ("Environment Canada" is not).
        let listed = group.lexical.place >= 6 || group.lexical.organization >= 6;
        if let Some(found) = self.by_surname.get(&word.to_lowercase()) {
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
                return nearest_before(groups, &sure, at);
            }
        }
        if is_acronym(word) {
            if let Some(&found) = self.by_acronym.get(&word.replace('.', "")) {
                return Some(found);
            }
        }
        let lexical = groups.get(g)?.lexical.best();
        if matches!(
            lexical,
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
                return nearest_before(groups, &variants, at);
            }
        }
        match self.by_given.get(*word) {
            Some(found) if found.len() == 1 => found.first().copied(),
            _ => None,
        }
    }
}

/// Of several groups, the one mentioned last before `at` (else the first mentioned).
fn nearest_before(groups: &[Group<'_>], found: &[usize], at: usize) -> Option<usize> {
    let last_before = |g: &usize| {
        groups.get(*g).and_then(|group| {
            // `starts` are pushed in text order (candidates come sorted): a binary
            // search, where scanning them all for every ambiguous mention was
            // quadratic (98% of the time on a 1 GB input).
            let before = group.starts.partition_point(|&s| s < at);
            before
                .checked_sub(1)
                .and_then(|i| group.starts.get(i).copied())
        })
    };
    found
        .iter()
        .filter_map(|g| last_before(g).map(|s| (s, *g)))
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
    let mut out = String::new();
    let mut previous = None;
    for c in word.to_lowercase().chars() {
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
        let mut diagonal = row.first().copied().unwrap_or(0);
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
    row.last().copied().unwrap_or(0)
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
    }
}
