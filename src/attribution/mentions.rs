//! An index of the entity mentions of a document (names, titles, descriptions) by where
//! they start and end, so attribution can ask "does a mention end right before this
//! cue?" or "which mentions lie in this sentence?" in logarithmic time. Mentions of
//! untyped entities (type `other`) are kept apart: only a spokesperson speaks for them.

use std::cmp::Reverse;

use crate::document::{Document, Entity, EntityType, MentionKind, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub span: Span,
    pub entity: usize,
    pub kind: MentionKind,
    pub entity_type: EntityType,
}

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// The mentions of typed entities, by start, longest first (ties in entity order).
    list: Vec<MentionRef>,
    /// For each end offset, the longest of `list` ending there: (end, index into list),
    /// sorted by end.
    by_end: Vec<(usize, usize)>,
    /// Mentions of untyped entities (`EntityType::Other`), in entity order: only an
    /// unnamed spokesperson's institution is looked up among them ("a Treasury
    /// spokeswoman"), never an ordinary speaker.
    others: Vec<MentionRef>,
    /// For each end, and each start, the first of `others` there, keyed like `by_end`.
    others_by_end: Vec<(usize, usize)>,
    others_by_start: Vec<(usize, usize)>,
}

impl MentionIndex {
    pub fn new(doc: &Document) -> MentionIndex {
        let list = typed_mentions(doc);
        let others: Vec<MentionRef> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.entity_type == EntityType::Other)
            .flat_map(|(entity, e)| mention_refs(entity, e))
            .collect();
        MentionIndex {
            by_end: first_at(&list, |m| m.span.end()),
            list,
            others_by_end: first_at(&others, |m| m.span.end()),
            others_by_start: first_at(&others, |m| m.span.start()),
            others,
        }
    }

    /// A typed mention ending at byte `end`, else an untyped one.
    pub fn any_ending_at(&self, end: usize) -> Option<MentionRef> {
        self.ending_at(end)
            .or_else(|| lookup(&self.others, &self.others_by_end, end))
    }

    /// A typed mention starting at byte `start`, else an untyped one.
    pub fn any_starting_at(&self, start: usize) -> Option<MentionRef> {
        self.starting_at(start)
            .or_else(|| lookup(&self.others, &self.others_by_start, start))
    }

    /// The longest typed mention ending at byte `end`.
    pub fn ending_at(&self, end: usize) -> Option<MentionRef> {
        lookup(&self.list, &self.by_end, end)
    }

    /// The longest typed mention starting at byte `start` (the first of `list` there).
    pub fn starting_at(&self, start: usize) -> Option<MentionRef> {
        let i = self.list.partition_point(|m| m.span.start() < start);
        self.list
            .get(i)
            .filter(|m| m.span.start() == start)
            .copied()
    }

    /// The mentions starting inside `span`, in text order.
    pub fn within(&self, span: Span) -> impl Iterator<Item = MentionRef> + '_ {
        let from = self.list.partition_point(|m| m.span.start() < span.start());
        let to = self.list.partition_point(|m| m.span.start() < span.end());
        self.list[from..to.max(from)].iter().copied()
    }
}

/// For each distinct `offset` (start or end) of the mentions of `list`, the first
/// mention of `list` there: (offset, index), sorted. For the typed mentions' ends, the
/// first in `list` (sorted by start) is the one that starts first: the longest.
fn first_at(list: &[MentionRef], offset: impl Fn(&MentionRef) -> usize) -> Vec<(usize, usize)> {
    let mut keys: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .map(|(i, m)| (offset(m), i))
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|key| key.0);
    keys
}

/// The mention of `list` that `keys` (see [`first_at`]) give for `offset`.
fn lookup(list: &[MentionRef], keys: &[(usize, usize)], offset: usize) -> Option<MentionRef> {
    let i = keys.partition_point(|&(at, _)| at < offset);
    keys.get(i)
        .filter(|&&(at, _)| at == offset)
        .map(|&(_, index)| list[index])
}

/// The order of the mention list: by start, longest first.
fn order_key(span: Span) -> (usize, Reverse<usize>) {
    (span.start(), Reverse(span.end()))
}

/// The mentions of typed entities, sorted by `order_key`, ties in entity order (a
/// stable sort).
fn typed_mentions(doc: &Document) -> Vec<MentionRef> {
    let mut list: Vec<MentionRef> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type != EntityType::Other)
        .flat_map(|(entity, e)| mention_refs(entity, e))
        .collect();
    list.sort_by_key(|m| order_key(m.span));
    list
}

/// The mentions of `e`, the entity numbered `entity`, as references.
fn mention_refs(entity: usize, e: &Entity) -> impl Iterator<Item = MentionRef> + '_ {
    e.mentions.iter().map(move |m| MentionRef {
        span: m.span,
        entity,
        kind: m.kind,
        entity_type: e.entity_type,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Mention;

    fn entity(name: &str, entity_type: EntityType, spans: &[(usize, usize)]) -> Entity {
        Entity {
            mentions: spans
                .iter()
                .map(|&(s, e)| Mention::new(Span::new(s, e), MentionKind::Name, 0))
                .collect(),
            ..Entity::new(name, entity_type)
        }
    }

    /// Sorted by start, longest first, ties in entity order, whatever order the
    /// entities list their mentions in.
    #[test]
    fn typed_mentions_are_sorted_stably() {
        let mut doc = Document::new("");
        doc.entities = vec![
            entity(
                "A",
                EntityType::Person,
                &[(0, 5), (10, 20), (10, 12), (30, 35)],
            ),
            entity("B", EntityType::Organization, &[(0, 9), (10, 20), (31, 33)]),
            entity("C", EntityType::Other, &[(1, 2)]),
            entity("D", EntityType::Place, &[(0, 5), (40, 41)]),
        ];
        let sorted_by_hand = |doc: &Document| {
            let mut all: Vec<(Span, usize)> = doc
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.entity_type != EntityType::Other)
                .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.span, k)))
                .collect();
            all.sort_by_key(|&(span, _)| order_key(span));
            all
        };
        let got = |doc: &Document| -> Vec<(Span, usize)> {
            typed_mentions(doc)
                .iter()
                .map(|m| (m.span, m.entity))
                .collect()
        };
        assert_eq!(got(&doc), sorted_by_hand(&doc));
        assert_eq!(
            got(&doc)[..3],
            [
                (Span::new(0, 9), 1),
                (Span::new(0, 5), 0),
                (Span::new(0, 5), 3)
            ]
        );
        doc.entities[1].mentions.reverse();
        assert_eq!(got(&doc), sorted_by_hand(&doc));
    }

    /// The longest typed mention at each start and end, ties to the first entity: the
    /// same answers as a scan of every mention.
    #[test]
    fn lookups_find_the_longest_mention_first_entity_on_ties() {
        let text = "President Vladimir Putin met Putin and the Kremlin today.";
        let mut doc = Document::new(text);
        doc.entities = vec![
            entity("Kremlin", EntityType::Organization, &[(42, 49), (28, 33)]),
            entity(
                "Vladimir Putin",
                EntityType::Person,
                &[(0, 9), (0, 24), (10, 24), (19, 24), (28, 33)],
            ),
            entity("Today", EntityType::Other, &[(50, 55)]),
        ];
        let index = MentionIndex::new(&doc);
        let typed: Vec<MentionRef> = doc.entities[..2]
            .iter()
            .enumerate()
            .flat_map(|(entity, e)| mention_refs(entity, e))
            .collect();
        let longest = |at: &dyn Fn(&MentionRef) -> bool| {
            typed
                .iter()
                .filter(|m| at(m))
                .fold(None::<MentionRef>, |best, m| match best {
                    Some(b) if b.span.len() >= m.span.len() => Some(b),
                    _ => Some(*m),
                })
        };
        for offset in 0..=text.len() {
            assert_eq!(
                index.starting_at(offset),
                longest(&|m| m.span.start() == offset),
                "start {offset}"
            );
            assert_eq!(
                index.ending_at(offset),
                longest(&|m| m.span.end() == offset),
                "end {offset}"
            );
        }
        assert_eq!(index.starting_at(28).map(|m| m.entity), Some(0));
        // Untyped mentions: the first entity's at a shared start or end.
        doc.entities
            .push(entity("Tomorrow", EntityType::Other, &[(50, 52), (48, 55)]));
        let index = MentionIndex::new(&doc);
        let at = |m: Option<MentionRef>| m.map(|m| (m.entity, m.span));
        assert_eq!(at(index.any_starting_at(50)), Some((2, Span::new(50, 55))));
        assert_eq!(at(index.any_ending_at(55)), Some((2, Span::new(50, 55))));
        assert_eq!(at(index.any_ending_at(52)), Some((3, Span::new(50, 52))));
        assert_eq!(at(index.any_starting_at(48)), Some((3, Span::new(48, 55))));
        assert_eq!(at(index.any_ending_at(49)), Some((0, Span::new(42, 49))));
        assert_eq!(index.any_ending_at(51), None);
        assert_eq!(index.any_starting_at(50).map(|m| m.entity), Some(2));
        assert!(index.starting_at(50).is_none());
    }
}
