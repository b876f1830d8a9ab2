//! An index of the entity mentions of a document (names, titles, descriptions) by where
//! they start and end, so attribution can ask "does a mention end right before this
//! cue?" or "which mentions lie in this sentence?" in constant or logarithmic time.
//! Mentions of entities of type `other` (products, events) are left out: they never speak.

use std::cmp::Reverse;

use crate::document::{Document, Entity, EntityType, MentionKind, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub span: Span,
    pub entity: usize,
    pub kind: MentionKind,
    pub entity_type: EntityType,
}

/// A mention of [`MentionIndex`]'s list, in 16 bytes where a [`MentionRef`] takes 32: a
/// long text has a million mentions, and the list was attribution's largest temporary.
/// (Offsets and entity numbers fit 32 bits: see `document::MAX_TEXT_BYTES`.)
#[derive(Debug, Clone, Copy)]
struct Stored {
    span: Span,
    entity: u32,
    kind: MentionKind,
    entity_type: EntityType,
}

impl Stored {
    fn of(m: MentionRef) -> Option<Stored> {
        Some(Stored {
            span: m.span,
            entity: u32::try_from(m.entity).ok()?,
            kind: m.kind,
            entity_type: m.entity_type,
        })
    }

    fn get(self) -> MentionRef {
        MentionRef {
            span: self.span,
            entity: self.entity as usize,
            kind: self.kind,
            entity_type: self.entity_type,
        }
    }

    fn start(self) -> usize {
        self.span.start()
    }
}

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// Sorted by start.
    list: Vec<Stored>,
    /// Per distinct end offset, the longest mention ending there, as `end << 32 | index
    /// into list`, sorted (so by end): a binary search finds it. (The longest mention
    /// starting at an offset is the first of `list` starting there.) A hash map from end
    /// to index took about 30 bytes per mention, the largest temporary of attribution
    /// on a long text; this takes at most 8.
    by_end: Vec<u64>,
    /// Mentions of untyped entities (`EntityType::Other`), in entity order: only an
    /// unnamed spokesperson's institution is looked up among them ("a Treasury
    /// spokeswoman"), never an ordinary speaker.
    others: Vec<Stored>,
    /// Per distinct end, and per distinct start, the first of `others` there, keyed like
    /// `by_end` (two hash maps of `MentionRef`s took four times the memory).
    others_by_end: Vec<u64>,
    others_by_start: Vec<u64>,
}

impl MentionIndex {
    pub fn new(doc: &Document) -> MentionIndex {
        let list = typed_mentions(doc);
        let by_end = first_at(&list, |m| m.span.end());
        let others: Vec<Stored> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.entity_type == EntityType::Other)
            .flat_map(|(entity, e)| mention_refs(entity, e))
            .filter_map(Stored::of)
            .collect();
        MentionIndex {
            list,
            by_end,
            others_by_end: first_at(&others, |m| m.span.end()),
            others_by_start: first_at(&others, |m| m.start()),
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

    pub fn ending_at(&self, end: usize) -> Option<MentionRef> {
        lookup(&self.list, &self.by_end, end)
    }

    /// The longest typed mention starting at byte `start`: `list` is sorted by start and,
    /// at one start, longest first (ties in entity order), so it is the first one there.
    pub fn starting_at(&self, start: usize) -> Option<MentionRef> {
        let i = self.list.partition_point(|m| m.start() < start);
        self.list
            .get(i)
            .filter(|m| m.start() == start)
            .map(|m| m.get())
    }

    /// The mentions starting inside `span`, in text order.
    pub fn within(&self, span: Span) -> impl Iterator<Item = MentionRef> + '_ {
        let from = self.list.partition_point(|m| m.start() < span.start());
        let to = self.list.partition_point(|m| m.start() < span.end());
        let within = self.list.get(from..to.max(from)).unwrap_or(&[]);
        within.iter().map(|m| m.get())
    }
}

/// For each distinct `offset` (start or end) of the mentions of `list`, the first mention
/// of `list` there, keyed `offset << 32 | index`, sorted. For the typed mentions' ends:
/// `list` is sorted by start, so among the mentions ending at one offset the first in
/// `list` starts first: it is the longest. (Offsets and indices fit 32 bits: a
/// document's text is at most 4 GiB, see `document::MAX_TEXT_BYTES`.)
fn first_at(list: &[Stored], offset: impl Fn(&Stored) -> usize) -> Vec<u64> {
    let mut keys: Vec<u64> = list
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let offset = u32::try_from(offset(m)).ok()?;
            let index = u32::try_from(i).ok()?;
            Some(u64::from(offset) << 32 | u64::from(index))
        })
        .collect();
    keys.sort_unstable();
    keys.dedup_by_key(|key| *key >> 32);
    keys.shrink_to_fit();
    keys
}

/// The mention of `list` that `keys` (see [`first_at`]) give for `offset`.
fn lookup(list: &[Stored], keys: &[u64], offset: usize) -> Option<MentionRef> {
    let offset = u32::try_from(offset).ok()?;
    let i = keys.partition_point(|&key| ((key >> 32) as u32) < offset);
    let key = *keys.get(i)?;
    let index = (key & u64::from(u32::MAX)) as usize;
    ((key >> 32) as u32 == offset)
        .then(|| list.get(index).map(|m| m.get()))
        .flatten()
}

/// The order of the mention list: by start, longest first.
fn order_key(span: Span) -> (usize, Reverse<usize>) {
    (span.start(), Reverse(span.end()))
}

/// The mentions of typed entities, sorted by `order_key`, ties in entity order (a
/// stable sort). (Merging the entities' lists, each in text order, with a heap did
/// fewer instructions but was slower: it reads a hundred lists at once, where the
/// sort's passes read memory in order.)
fn typed_mentions(doc: &Document) -> Vec<Stored> {
    let mut list: Vec<Stored> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type != EntityType::Other)
        .flat_map(|(entity, e)| mention_refs(entity, e))
        .filter_map(Stored::of)
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

    #[test]
    fn a_stored_mention_takes_16_bytes() {
        assert_eq!(std::mem::size_of::<Stored>(), 16);
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
                .map(|m| (m.get().span, m.get().entity))
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
