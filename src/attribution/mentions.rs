//! An index of the entity mentions of a document (names, titles, descriptions) by where
//! they start and end, so attribution can ask "does a mention end right before this
//! cue?" or "which mentions lie in this sentence?" in constant or logarithmic time.
//! Mentions of entities of type `other` (products, events) are left out: they never speak.

use std::collections::HashMap;

use crate::document::{Document, EntityType, MentionKind, Span};
use crate::lexicon::FastHash;

/// Byte offset → entry. Keys are our own offsets, so the fast hasher is safe (SipHash
/// showed up in profiles: the maps are built from every mention of the document).
type ByOffset<V> = HashMap<usize, V, FastHash>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub span: Span,
    pub entity: usize,
    pub kind: MentionKind,
    pub entity_type: EntityType,
}

#[derive(Debug, Default)]
pub struct MentionIndex {
    /// Sorted by start.
    list: Vec<MentionRef>,
    /// End offset → the longest mention ending there.
    by_end: ByOffset<usize>,
    /// Start offset → the longest mention starting there.
    by_start: ByOffset<usize>,
    /// Mentions of untyped entities (`EntityType::Other`), by end and by start: only an
    /// unnamed spokesperson's institution is looked up among them ("a Treasury
    /// spokeswoman"), never an ordinary speaker.
    others_by_end: ByOffset<MentionRef>,
    others_by_start: ByOffset<MentionRef>,
}

impl MentionIndex {
    pub fn new(doc: &Document) -> MentionIndex {
        let mut list: Vec<MentionRef> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.entity_type != EntityType::Other)
            .flat_map(|(entity, e)| {
                e.mentions.iter().map(move |m| MentionRef {
                    span: m.span,
                    entity,
                    kind: m.kind,
                    entity_type: e.entity_type,
                })
            })
            .collect();
        list.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut by_end: ByOffset<usize> = ByOffset::default();
        let mut by_start: ByOffset<usize> = ByOffset::default();
        for (i, m) in list.iter().enumerate() {
            let longer = |j: &usize| list[*j].span.len() >= m.span.len();
            if !by_end.get(&m.span.end).is_some_and(longer) {
                by_end.insert(m.span.end, i);
            }
            if !by_start.get(&m.span.start).is_some_and(longer) {
                by_start.insert(m.span.start, i);
            }
        }
        let mut others_by_end = ByOffset::default();
        let mut others_by_start = ByOffset::default();
        for (entity, e) in doc.entities.iter().enumerate() {
            if e.entity_type != EntityType::Other {
                continue;
            }
            for m in &e.mentions {
                let r = MentionRef {
                    span: m.span,
                    entity,
                    kind: m.kind,
                    entity_type: e.entity_type,
                };
                others_by_end.entry(m.span.end).or_insert(r);
                others_by_start.entry(m.span.start).or_insert(r);
            }
        }
        MentionIndex {
            list,
            by_end,
            by_start,
            others_by_end,
            others_by_start,
        }
    }

    /// A typed mention ending at byte `end`, else an untyped one.
    pub fn any_ending_at(&self, end: usize) -> Option<MentionRef> {
        self.ending_at(end)
            .or_else(|| self.others_by_end.get(&end).copied())
    }

    /// A typed mention starting at byte `start`, else an untyped one.
    pub fn any_starting_at(&self, start: usize) -> Option<MentionRef> {
        self.starting_at(start)
            .or_else(|| self.others_by_start.get(&start).copied())
    }

    pub fn ending_at(&self, end: usize) -> Option<MentionRef> {
        self.by_end.get(&end).map(|&i| self.list[i])
    }

    pub fn starting_at(&self, start: usize) -> Option<MentionRef> {
        self.by_start.get(&start).map(|&i| self.list[i])
    }

    /// The mentions starting inside `span`, in text order.
    pub fn within(&self, span: Span) -> &[MentionRef] {
        let from = self.list.partition_point(|m| m.span.start < span.start);
        let to = self.list.partition_point(|m| m.span.start < span.end);
        self.list.get(from..to.max(from)).unwrap_or(&[])
    }
}
