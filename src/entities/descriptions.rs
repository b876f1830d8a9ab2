//! Definite descriptions: "the Ukrainian president", "the US president", "the Russian
//! president". Each is tied to the person who holds that role in the article: the name
//! right next to it ("the Ukrainian president’s effort Volodymyr Zelensky") or set off
//! after it ("the US Attorney for the Southern District, Jill Steinberg,", whose role it
//! becomes), else the person whose roles already say so ("Russian President Vladimir Putin"), else — for a
//! description qualified by a nationality — the most salient person whose known roles do
//! not contradict it. Found descriptions become mentions of kind `description`.
//! [`resolve_description`] answers the same question for any text, for attribution.

use super::candidates::{is_capitalised, strip_possessive};
use super::lists;
use crate::document::{Document, EntityType, Mention, MentionKind, Span, TokenKind};
use std::collections::{BTreeMap, HashMap};

/// A role as a place (from a nationality) and a head noun: ("Ukraine", "president").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleKey {
    pub place: Option<String>,
    pub head: String,
}

/// Reads "the Ukrainian president", "US president", "Russian President" or "the
/// president" into a role key; `None` when the text names no role.
pub fn parse_role(text: &str) -> Option<RoleKey> {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| strip_possessive(w).0)
        .peekable();
    let mut place: Option<&'static str> = None;
    // The last title found, in lowercase.
    let mut head: Option<String> = None;
    let mut two = String::new();
    while let Some(word) = words.next() {
        if matches!(word, "at" | "of" | "for" | "in" | "with" | "from") {
            break;
        }
        if let Some(p) = lists::demonym(word).filter(|p| *p != "-") {
            place.get_or_insert(p);
            continue;
        }
        if !lists::may_start_title(word) {
            continue; // no title of one or two words starts with it
        }
        if let Some(next) = words.peek() {
            two.clear();
            two.push_str(word);
            two.push(' ');
            two.push_str(next);
            if lists::title(&two).is_some() {
                head = Some(two.to_lowercase());
                words.next();
                continue;
            }
        }
        if lists::title(word).is_some() {
            head = Some(word.to_lowercase());
        }
    }
    let head = head?;
    if matches!(
        head.as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "madam"
    ) {
        return None;
    }
    Some(RoleKey {
        place: place.map(str::to_string),
        head,
    })
}

/// The entity that a description names at byte offset `at`: one whose roles match it,
/// else (when the description has a nationality) the most salient person whose roles do
/// not contradict it. `None` when nothing fits. `roles` is [`index_roles`] of the
/// finished entities (then in salience order).
pub fn resolve_description(
    doc: &Document,
    roles: &RoleIndex,
    text: &str,
    at: usize,
) -> Option<usize> {
    let key = parse_role(text)?;
    let salient = (0..doc.entities.len()).take(FALLBACK_WINDOW);
    resolve_key(doc, None, roles, salient, &key, at)
}

/// How many of the most salient people a nationality-only description may fall back to:
/// a bounded window keeps resolution linear on huge inputs.
const FALLBACK_WINDOW: usize = 256;

/// Person entities by the head noun of each of their roles ("president" → (entity,
/// Some("Ukraine"))), so that role descriptions resolve without a scan of every person
/// (quadratic on huge inputs).
pub type RoleIndex = HashMap<String, Vec<(usize, Option<String>)>>;

/// Indexes the roles of every person entity by head noun.
pub fn index_roles(doc: &Document) -> RoleIndex {
    let mut index = RoleIndex::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if e.entity_type == EntityType::Person {
            for role in &e.roles {
                add_role(&mut index, i, role);
            }
        }
    }
    index
}

/// How many people one role noun ("president") is indexed for: a description is
/// weighed against each, so a bound keeps resolution linear in a text naming thousands
/// of presidents.
const MAX_HOLDERS: usize = 32;

fn add_role(index: &mut RoleIndex, entity: usize, role: &str) {
    if let Some(key) = parse_role(role) {
        let holders = index.entry(key.head).or_default();
        if holders.len() < MAX_HOLDERS {
            holders.push((entity, key.place));
        }
    }
}

/// Description mentions found during the stage, per entity, ordered by span: kept apart
/// from `Entity::mentions` until the stage ends and then merged in one sort per entity
/// (inserting each in place would shift every later mention).
type Attached = HashMap<usize, BTreeMap<Span, usize>>;

fn last_mention_before(
    doc: &Document,
    attached: Option<&Attached>,
    entity: usize,
    at: usize,
) -> Option<usize> {
    // Mentions are in text order.
    let mentions = &doc.entities[entity].mentions;
    let before = mentions.partition_point(|m| m.span.start() < at);
    let named = before
        .checked_sub(1)
        .and_then(|i| mentions.get(i))
        .map(|m| m.span.start());
    let described = attached
        .and_then(|a| a.get(&entity))
        .and_then(|spans| spans.range(..Span::new(at, 0)).next_back())
        .map(|(span, _)| span.start());
    named.max(described)
}

fn resolve_key(
    doc: &Document,
    attached: Option<&Attached>,
    index: &RoleIndex,
    salient: impl Iterator<Item = usize>,
    key: &RoleKey,
    at: usize,
) -> Option<usize> {
    let holders = index.get(&key.head).map(Vec::as_slice).unwrap_or(&[]);
    crate::steps::add(holders.len());
    let mut exact: Vec<usize> = holders
        .iter()
        .filter(|(_, place)| key.place.is_none() || *place == key.place)
        .map(|&(i, _)| i)
        .collect();
    exact.sort_unstable();
    exact.dedup();
    if key.place.is_none() && exact.len() > 1 {
        return None; // "the president" with two presidents in the article: ambiguous
    }
    if !exact.is_empty() {
        return exact.iter().copied().max_by_key(|&i| {
            (
                last_mention_before(doc, attached, i, at),
                std::cmp::Reverse(i),
            )
        });
    }
    // Without a nationality, only a role already known picks the person.
    key.place.as_ref()?;
    let contradicts = |i: usize| {
        holders
            .iter()
            .any(|(h, place)| *h == i && place.is_some() && *place != key.place)
    };
    salient
        .filter(|&i| {
            doc.entities
                .get(i)
                .is_some_and(|e| e.entity_type == EntityType::Person)
        })
        .find(|&i| !contradicts(i) && last_mention_before(doc, attached, i, at).is_some())
}

/// A description found in the text: "the" + optional nationality + role noun.
struct Found {
    span: Span,
    sentence: usize,
    key: RoleKey,
    role_text: String,
    /// The token after the description.
    next_token: usize,
    possessive: bool,
}

fn find_descriptions(doc: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    let mut two = String::new(); // one buffer for every two-word title tried
    for (sentence, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens() {
            if matches!(doc.slice(doc.tokens[i].span()), "the" | "The") {
                out.extend(description_after(doc, sentence, i, &mut two));
            }
        }
    }
    out
}

/// The description that the "the" at token `the` of `sentence` opens, if any: "the
/// Ukrainian president", "the prime minister", not "the President Putin" (a title).
fn description_after(
    doc: &Document,
    sentence: usize,
    the: usize,
    two: &mut String,
) -> Option<Found> {
    let sentence_end = doc.sentences[sentence].tokens().end;
    let word = |i: usize| crate::speech::word(doc, i);
    let mut j = the + 1;
    let demonym = Some(word(j)).filter(|w| lists::demonym(w).is_some_and(|p| p != "-"));
    if demonym.is_some() {
        j += 1;
    }
    let (head, end, possessive) = title_at(doc, j, sentence_end, two)?;
    let key = RoleKey {
        place: demonym.and_then(lists::demonym).map(str::to_string),
        ..parse_role(&head)?
    };
    let title_of_a_name = doc
        .tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(doc.slice(t.span())));
    if title_of_a_name {
        return None;
    }
    let last = doc.slice(doc.tokens[end - 1].span());
    let (last_text, last_possessive) = strip_possessive(last);
    let role_text = match demonym {
        Some(d) => format!("{d} {}", key.head),
        None => key.head.clone(),
    };
    let start = doc.tokens[the].span().start();
    Some(Found {
        span: Span::new(start, doc.tokens[end - 1].span().start() + last_text.len()),
        sentence,
        key,
        role_text,
        next_token: end,
        possessive: possessive || last_possessive,
    })
}

/// The title of two words or one at token `j` (before `sentence_end`): its lowercase
/// head, the token after it, and whether its first word is a possessive ("president's").
/// `two` is a reused buffer for the two-word form.
fn title_at(
    doc: &Document,
    j: usize,
    sentence_end: usize,
    two: &mut String,
) -> Option<(String, usize, bool)> {
    let word = |i: usize| crate::speech::word(doc, i);
    let (noun, possessive) = strip_possessive(word(j));
    if !lists::may_start_title(noun) {
        return None; // no title of one or two words starts with it
    }
    two.clear();
    two.push_str(noun);
    two.push(' ');
    two.push_str(strip_possessive(word(j + 1)).0);
    if !possessive && j + 1 < sentence_end && lists::title(two).is_some() {
        Some((two.to_lowercase(), j + 2, possessive))
    } else if j < sentence_end && lists::title(noun).is_some() {
        Some((noun.to_lowercase(), j + 1, possessive))
    } else {
        None
    }
}

/// The starts of person name mentions, sorted, with their entity: each description looks
/// up the name after it by binary search.
fn person_name_starts(doc: &Document) -> Vec<(usize, usize)> {
    let mut starts: Vec<(usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type == EntityType::Person)
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Name)
                .map(move |m| (m.span.start(), i))
        })
        .collect();
    starts.sort_unstable();
    starts
}

/// A person named right after the description: "the US president Donald Trump", or
/// across one word after a possessive ("the Ukrainian president’s effort Volodymyr
/// Zelensky").
fn adjacent_person(doc: &Document, names: &[(usize, usize)], found: &Found) -> Option<usize> {
    let reach = if found.possessive { 2 } else { 1 };
    let start = doc.tokens.get(found.next_token)?.span().start();
    let limit = doc.tokens.get(found.next_token + reach - 1)?.span().start();
    let from = names.partition_point(|&(s, _)| s < start);
    names
        .get(from..)?
        .iter()
        .take_while(|&&(s, _)| s <= limit)
        .map(|&(_, entity)| entity)
        .min()
}

/// How many tokens a description's complement may run before the comma that sets off
/// the name it describes ("the US Attorney for the Southern District of Georgia, Jill
/// Steinberg,").
const COMPLEMENT_TOKENS: usize = 10;

/// A person named in apposition after the description, past a complement opened by a
/// preposition and a comma, when the description opens its clause: "In a statement, the
/// US Attorney for the Southern District of Georgia, Jill Steinberg, said". A title may
/// stand before the name ("the former minister, Dame Carol Price"). "After meeting the
/// president, Macron said" names someone else.
fn apposed_person(doc: &Document, names: &[(usize, usize)], found: &Found) -> Option<usize> {
    let word = |i: usize| crate::speech::word(doc, i);
    let sentence = doc.sentences[found.sentence].tokens();
    let the = doc.token_at_or_after(found.span.start());
    let opens_clause =
        the == sentence.start || matches!(word(the - 1), "," | "(" | "—" | "–" | ":" | ";");
    let complement = found.next_token..sentence.end.min(found.next_token + COMPLEMENT_TOKENS);
    let comma = complement.clone().find(|&k| !is_complement_word(doc, k))?;
    let plain = comma == found.next_token
        || (!found.possessive
            && matches!(
                word(found.next_token),
                "of" | "for" | "at" | "in" | "to" | "on"
            ));
    if !opens_clause || !plain || word(comma) != "," {
        return None;
    }
    let mut name = comma + 1;
    if is_capitalised(word(name)) && lists::title(word(name)).is_some() {
        name += 1;
    }
    let start = doc.tokens.get(name)?.span().start();
    let i = names.partition_point(|&(s, _)| s < start);
    names.get(i).filter(|&&(s, _)| s == start).map(|&(_, e)| e)
}

/// True for a token a description's complement may hold: a word, or an apostrophe or
/// hyphen inside one.
fn is_complement_word(doc: &Document, k: usize) -> bool {
    doc.tokens.get(k).is_some_and(|t| {
        t.kind == TokenKind::Word || matches!(doc.slice(t.span()), "-" | "’" | "'")
    })
}

/// How many quotations before a description are checked for holding it: quotations
/// are sorted by start and stay inside their paragraph, so only the last few before it
/// can (deeper nesting than this is pathological input).
const QUOTE_LOOKBACK: usize = 64;

fn inside_quote(doc: &Document, span: Span) -> bool {
    let before = doc
        .quotes
        .partition_point(|q| q.span.start() <= span.start());
    doc.quotes[..before]
        .iter()
        .rev()
        .take(QUOTE_LOOKBACK)
        .any(|q| q.inner.contains(span))
}

/// Adds description mentions (and the roles they reveal) to `doc.entities`.
pub fn add_descriptions(doc: &mut Document) {
    let found = find_descriptions(doc);
    let mut index = index_roles(doc);
    // The stage has not sorted the entities yet: salience order is computed here.
    let mut salient: Vec<usize> = (0..doc.entities.len()).collect();
    salient.sort_by_key(|&i| {
        let count = doc.entities[i].mentions.len();
        (std::cmp::Reverse(count), i)
    });
    salient.truncate(FALLBACK_WINDOW);
    let names = person_name_starts(doc);
    let mut attached = Attached::new();
    let mut pending = Vec::new();
    for f in found {
        let named = adjacent_person(doc, &names, &f).map(|e| (e, false));
        match named.or_else(|| apposed_person(doc, &names, &f).map(|e| (e, true))) {
            Some((entity, apposed)) => attach(doc, &mut index, &mut attached, entity, &f, apposed),
            None => pending.push(f),
        }
    }
    for f in pending {
        if f.key.place.is_none() && inside_quote(doc, f.span) {
            continue;
        }
        let salient = salient.iter().copied();
        let resolved = resolve_key(
            doc,
            Some(&attached),
            &index,
            salient,
            &f.key,
            f.span.start(),
        );
        if let Some(entity) = resolved {
            attach(doc, &mut index, &mut attached, entity, &f, false);
        }
    }
    merge_attached(doc, attached);
}

/// Adds the description mentions to their entities, in text order. The sort is stable, so
/// a description placed after a name mention with the same span stays after it.
fn merge_attached(doc: &mut Document, attached: Attached) {
    for (entity, spans) in attached {
        let Some(e) = doc.entities.get_mut(entity) else {
            continue;
        };
        e.mentions.extend(
            spans
                .into_iter()
                .map(|(span, sentence)| Mention::new(span, MentionKind::Description, sentence)),
        );
        e.mentions.sort_by_key(|m| m.span);
    }
}

/// Ties the description `f` to `entity`. A nationality's role ("US attorney"), or any
/// role set off before the name it describes (`apposed`: "the chief executive, Jane
/// Roe,"), joins the entity's roles.
fn attach(
    doc: &mut Document,
    index: &mut RoleIndex,
    attached: &mut Attached,
    entity: usize,
    f: &Found,
    apposed: bool,
) {
    let Some(e) = doc.entities.get_mut(entity) else {
        return;
    };
    let known = |roles: &[String]| {
        roles.len() >= super::MAX_ROLES
            || roles.iter().any(|r| r.eq_ignore_ascii_case(&f.role_text))
    };
    if (f.key.place.is_some() || apposed) && !known(&e.roles) {
        e.roles.push(f.role_text.clone());
        if e.entity_type == EntityType::Person {
            add_role(index, entity, &f.role_text);
        }
    }
    attached
        .entry(entity)
        .or_default()
        .insert(f.span, f.sentence);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_roles() {
        let key = parse_role("the Ukrainian president").unwrap();
        assert_eq!(key.place.as_deref(), Some("Ukraine"));
        assert_eq!(key.head, "president");
        assert_eq!(
            parse_role("US president").unwrap().place.as_deref(),
            Some("United States")
        );
        assert_eq!(
            parse_role("the prime minister").unwrap().head,
            "prime minister"
        );
        assert!(parse_role("the house").is_none());
    }

    fn roles_of<'d>(doc: &'d Document, name: &str) -> &'d [String] {
        let e = doc.entities.iter().find(|e| e.name == name);
        &e.unwrap().roles
    }

    #[test]
    fn a_description_set_off_before_a_name_is_that_persons_role() {
        let text = "Judge Maria Vance jailed the banker. Later, the US Attorney for the Eastern District, Tom Okafor, said the sentence was fair.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        crate::entities::run(&mut doc);
        assert_eq!(roles_of(&doc, "Tom Okafor"), ["US attorney"]);
        assert!(!roles_of(&doc, "Maria Vance")
            .iter()
            .any(|r| r.contains("attorney")));
        // A description inside a clause of its own describes someone else.
        let text = "After he met the chief executive, Anna Weber left the room.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        crate::entities::run(&mut doc);
        assert!(roles_of(&doc, "Anna Weber").is_empty());
    }

    #[test]
    fn descriptions_resolve_to_the_role_holder() {
        let text = "Russian President Vladimir Putin met Donald Trump. Later the Russian president left, and the US president stayed.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        crate::entities::run(&mut doc);
        let name_of = |at: &str| {
            let start = text.find(at).unwrap();
            let e =
                crate::entities::entity_for_span(&doc, Span::new(start, start + at.len())).unwrap();
            doc.entities[e].name.clone()
        };
        assert_eq!(name_of("the Russian president"), "Vladimir Putin");
        assert_eq!(name_of("the US president"), "Donald Trump");
        let at = text.len();
        let roles = index_roles(&doc);
        let putin = resolve_description(&doc, &roles, "the Russian president", at).unwrap();
        assert_eq!(doc.entities[putin].name, "Vladimir Putin");
    }
}
