//! Roles and affiliations from appositions: "Michael Carpenter, a former official and
//! current researcher at the International Institute for Strategic Studies, said …" gives
//! Carpenter that role and the institute as affiliation. A phrase counts as a role only
//! when it contains a role noun from `data/titles.txt`, no speech verb and no verb
//! opening it ("Ronnie Reese, later said the mayor was …", "Mahmud Kamani, has stepped
//! down as chairman" are clauses). Relies on the entities already
//! built (mention spans) and the segmenter's tokens.

use super::candidates::is_capitalised;
use super::lists;
use crate::document::{Document, EntityType, MentionKind, TokenKind};

/// Words that open a predicate, not an apposition: "Mahmud Kamani, has stepped down as
/// chairman" (a comma where none belongs) gives no role.
const VERB_OPENERS: [&str; 20] = [
    "has", "have", "had", "is", "was", "are", "were", "will", "would", "could", "can", "may",
    "might", "should", "must", "did", "does", "later", "also", "then",
];

/// How far an apposition may run, in tokens.
const MAX_APPOSITION: usize = 30;

/// Adds apposition roles and affiliations to the people of `doc.entities`.
pub fn add_appositions(doc: &mut Document) {
    let mut entity_at = EntityAt::default();
    let mut found = Vec::new();
    for (index, entity) in doc.entities.iter().enumerate() {
        if entity.entity_type != EntityType::Person {
            continue;
        }
        for mention in entity
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name)
        {
            if let Some(role) = apposition_after(doc, mention.span.end(), &mut entity_at) {
                found.push((index, role));
            }
        }
    }
    for (index, (role, affiliation)) in found {
        if let Some(entity) = doc.entities.get_mut(index) {
            if entity.roles.len() < super::MAX_ROLES && !entity.roles.contains(&role) {
                entity.roles.push(role);
            }
            if entity.affiliation.is_none() && affiliation != Some(index) {
                entity.affiliation = affiliation;
            }
        }
    }
}

/// The entity with a mention starting at a byte offset (of several, the last in
/// `doc.entities`), from the mention starts sorted once, and only when an apposition
/// needs them (most texts have few).
#[derive(Default)]
struct EntityAt {
    /// (mention start, entity), sorted; `None` until first asked.
    starts: Option<Vec<(usize, usize)>>,
}

impl EntityAt {
    fn get(&mut self, doc: &Document, at: usize) -> Option<usize> {
        let starts = self.starts.get_or_insert_with(|| {
            let mut starts: Vec<(usize, usize)> = doc
                .entities
                .iter()
                .enumerate()
                .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span.start(), i)))
                .collect();
            starts.sort_unstable();
            starts
        });
        let end = starts.partition_point(|&(start, _)| start <= at);
        let &(start, entity) = starts.get(end.checked_sub(1)?)?;
        (start == at).then_some(entity)
    }
}

/// The first token of the phrase after the comma at byte `end`, past an article; `None`
/// when no comma is there, or a relative clause opens ("who", "which").
fn apposition_start(doc: &Document, end: usize) -> Option<usize> {
    if doc.text.get(end..end + 1) != Some(",") {
        return None; // no comma right after the name: no token search
    }
    let first = doc.token_at_or_after(end);
    let comma = doc.tokens.get(first)?;
    if doc.slice(comma.span()) != "," || comma.span().start() != end {
        return None;
    }
    let start = first + 1;
    let opener = doc
        .tokens
        .get(start)
        .map(|t| doc.slice(t.span()))
        .unwrap_or("");
    match opener {
        "who" | "which" => None,
        "a" | "an" | "the" => Some(start + 1),
        _ => Some(start),
    }
}

/// The role phrase after ", " at byte `end`, and the organization named in it.
fn apposition_after(
    doc: &Document,
    end: usize,
    entity_at: &mut EntityAt,
) -> Option<(String, Option<usize>)> {
    let start = apposition_start(doc, end)?;
    let mut has_role = false;
    let mut affiliation = None;
    let mut last = None;
    for i in start..start + MAX_APPOSITION {
        let token = doc.tokens.get(i)?;
        let word = doc.slice(token.span());
        if token.kind == TokenKind::QuoteMark
            || (token.kind == TokenKind::Punct && !matches!(word, "-" | "’" | "'"))
        {
            break;
        }
        if i == start && (matches!(word, "who" | "which" | "and") || VERB_OPENERS.contains(&word)) {
            return None;
        }
        // A speech verb makes it a clause, not an apposition ("Ronnie Reese, later said
        // the mayor was …").
        if crate::speech::cue_at(doc, i, doc.tokens.len()).is_some() {
            return None;
        }
        if !is_capitalised(word) && lists::title(word).is_some() {
            has_role = true;
        }
        if let Some(e) = entity_at.get(doc, token.span().start()) {
            let is_org = doc
                .entities
                .get(e)
                .is_some_and(|x| x.entity_type == EntityType::Organization);
            if is_org && affiliation.is_none() {
                affiliation = Some(e);
            }
        }
        last = Some(token.span().end());
    }
    let start_byte = doc.tokens.get(start)?.span().start();
    let text = doc.text.get(start_byte..last?)?.trim();
    (has_role && !text.is_empty()).then(|| (text.to_string(), affiliation))
}

#[cfg(test)]
mod tests {
    use super::EntityAt;
    use crate::document::{Document, Entity, EntityType, Mention, MentionKind, Span};

    #[test]
    fn entity_at_finds_the_last_entity_with_a_mention_there() {
        let entity = |starts: &[usize]| Entity {
            mentions: starts
                .iter()
                .map(|&s| Mention::new(Span::new(s, s + 2), MentionKind::Name, 0))
                .collect(),
            ..Entity::new("", EntityType::Place)
        };
        let mut doc = Document::new("0123456789012345");
        doc.entities = vec![entity(&[0, 8]), entity(&[4, 8]), entity(&[12])];
        let mut at = EntityAt::default();
        let found: Vec<Option<usize>> = [0, 4, 8, 12, 3, 15].map(|s| at.get(&doc, s)).to_vec();
        assert_eq!(found, [Some(0), Some(1), Some(1), Some(2), None, None]);
    }

    #[test]
    fn a_clause_after_the_name_gives_no_role() {
        for text in [
            "His aide, Ronnie Reese, later said the mayor was busy.",
            "His aide, Ronnie Reese, has stepped down as chairman of the board.",
        ] {
            let mut doc = Document::new(text);
            crate::segment::run(&mut doc);
            crate::entities::run(&mut doc);
            let reese = doc.entities.iter().find(|e| e.name == "Ronnie Reese");
            assert_eq!(reese.map(|e| e.roles.len()), Some(0), "{text}");
        }
    }

    #[test]
    fn apposition_gives_role_and_affiliation() {
        let text = "Michael Carpenter, a former official and current researcher at the International Institute for Strategic Studies, said no.";
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        crate::entities::run(&mut doc);
        let carpenter = doc
            .entities
            .iter()
            .find(|e| e.name == "Michael Carpenter")
            .unwrap();
        assert_eq!(
            carpenter.roles,
            ["former official and current researcher at the International Institute for Strategic Studies"]
        );
        let org = carpenter
            .affiliation
            .and_then(|a| doc.entities.get(a))
            .unwrap();
        assert_eq!(org.name, "International Institute for Strategic Studies");
    }
}
