//! Speaker names the entities stage did not type or find: the capitalised words right
//! after an inverted cue ("“…,” said Okafor", "said Nguyễn Thị Lan, a farmer") name a
//! person. An untyped entity there becomes a person; words that no mention covers
//! become a new person entity. A first word that is a common word in lowercase or never
//! a name (`data/common_words.txt`, `data/not_names.txt`: "said The Guardian", "said
//! Monday") is not taken.

use std::collections::HashMap;

use crate::document::{Document, Entity, EntityType, Mention, MentionKind, Span};
use crate::lexicon::WordSet;
use crate::speech::{self, is_word, word};

use super::mentions::MentionIndex;

static COMMON_WORDS: WordSet = WordSet::caseless(include_str!("../../data/common_words.txt"));
static NOT_NAMES: WordSet = WordSet::caseless(include_str!("../../data/not_names.txt"));

/// A name after a cue has at most this many words.
const MAX_NAME_WORDS: usize = 4;

/// Types or adds the people named right after inverted cues; true when `doc.entities`
/// changed (the mention index must then be built again).
pub fn name_speakers(doc: &mut Document, mentions: &MentionIndex) -> bool {
    let mut retype = Vec::new();
    let mut added: Vec<Span> = Vec::new();
    for quote in &doc.quotes {
        let Some(after) = quote.context.after else {
            continue;
        };
        let inverted = after.cue.first == after.first && speech::may_invert(doc, &after.cue);
        if !inverted {
            continue;
        }
        let k = after.cue.after();
        match name_after(doc, mentions, k, after.limit) {
            Some(Named::Untyped(entity)) => retype.push(entity),
            Some(Named::Unknown(span)) => added.push(span),
            None => {}
        }
    }
    let changed = !retype.is_empty() || !added.is_empty();
    for entity in retype {
        doc.entities[entity].entity_type = EntityType::Person;
    }
    add_people(doc, added);
    changed
}

/// Adds a person entity for each name of `spans` (in text order), one per spelling.
fn add_people(doc: &mut Document, mut spans: Vec<Span>) {
    spans.dedup();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for span in spans {
        let name = doc.slice(span);
        let sentence = doc
            .sentence_at(span.start())
            .expect("a name is made of tokens, and every token is in a sentence");
        let entity = *by_name.entry(name).or_insert_with(|| {
            doc.entities.push(Entity::new(name, EntityType::Person));
            doc.entities.len() - 1
        });
        doc.entities[entity]
            .mentions
            .push(Mention::new(span, MentionKind::Name, sentence));
    }
}

/// What the words at token `k` name.
enum Named {
    /// A name mention of an untyped entity.
    Untyped(usize),
    /// Capitalised words no mention covers.
    Unknown(Span),
}

/// The name at token `k`, ending before token `limit`, when the entities stage left it
/// untyped or unfound.
fn name_after(doc: &Document, mentions: &MentionIndex, k: usize, limit: usize) -> Option<Named> {
    if k >= limit || !capitalised(doc, k) {
        return None;
    }
    let start = doc.tokens[k].start();
    if let Some(m) = mentions.any_starting_at(start) {
        let untyped = m.entity_type == EntityType::Other && m.kind == MentionKind::Name;
        return untyped.then_some(Named::Untyped(m.entity));
    }
    let first = word(doc, k);
    if COMMON_WORDS.contains(first) || NOT_NAMES.contains(first) {
        return None;
    }
    let end = (k..limit.min(k + MAX_NAME_WORDS))
        .take_while(|&j| capitalised(doc, j))
        .take_while(|&j| j == k || mentions.any_starting_at(doc.tokens[j].start()).is_none())
        .last()?;
    let closes = end + 1 == limit || matches!(word(doc, end + 1), "," | "." | ";" | "(" | "");
    closes.then(|| Named::Unknown(Span::new(start, doc.tokens[end].end())))
}

fn capitalised(doc: &Document, k: usize) -> bool {
    is_word(doc, k) && word(doc, k).starts_with(char::is_uppercase)
}
