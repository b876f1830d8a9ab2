//! Documents for the attribution tests, built by hand: segmentation and quotations run
//! for real, the entities are given (each listed mention text at every place it occurs),
//! so the tests do not depend on the entities stage.

use crate::document::{Document, Entity, EntityType, Gender, Mention, MentionKind, Span};

/// A document under construction: `TestDoc::new(text).entity(…).attributed()`.
pub struct TestDoc<'t> {
    doc: Document<'t>,
}

impl<'t> TestDoc<'t> {
    /// `text`, segmented and with its quotations found.
    pub fn new(text: &'t str) -> TestDoc<'t> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        crate::quotes::run(&mut doc);
        TestDoc { doc }
    }

    /// Adds an entity mentioned wherever one of `mentions` occurs: a description when the
    /// text starts in lowercase or with "The ", else a name. An occurrence inside an
    /// earlier-listed mention of the same entity is left out ("Tom" in "Tom Jones").
    pub fn entity(mut self, name: &str, entity_type: EntityType, mentions: &[&str]) -> Self {
        let mut list: Vec<Mention> = Vec::new();
        for text in mentions {
            for (at, _) in self.doc.text.match_indices(text) {
                let span = Span::new(at, at + text.len());
                if list.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                list.push(Mention::new(
                    span,
                    kind_of(text),
                    self.doc.sentence_at(at).unwrap_or(0),
                ));
            }
        }
        list.sort_by_key(|m| m.span.start());
        self.doc.entities.push(Entity {
            mentions: list,
            ..Entity::new(name, entity_type)
        });
        self
    }

    /// Gives the entity added last a title mention wherever `title` occurs ("Dame").
    pub fn title(mut self, title: &str) -> Self {
        let titles: Vec<Mention> = (self.doc.text.match_indices(title))
            .map(|(at, _)| {
                let span = Span::new(at, at + title.len());
                Mention::new(
                    span,
                    MentionKind::Title,
                    self.doc.sentence_at(at).unwrap_or(0),
                )
            })
            .collect();
        if let Some(e) = self.doc.entities.last_mut() {
            e.mentions.extend(titles);
            e.mentions.sort_by_key(|m| m.span.start());
        }
        self
    }

    /// Gives the entity added last a gender.
    pub fn gender(mut self, gender: Gender) -> Self {
        if let Some(e) = self.doc.entities.last_mut() {
            e.gender = Some(gender);
        }
        self
    }

    /// The document as built so far, attribution not run.
    pub fn into_document(self) -> Document<'t> {
        self.doc
    }

    /// The document with the attribution stage run.
    pub fn attributed(mut self) -> Document<'t> {
        super::run(&mut self.doc);
        self.doc
    }
}

fn kind_of(mention: &str) -> MentionKind {
    if mention.starts_with(char::is_lowercase) || mention.starts_with("The ") {
        MentionKind::Description
    } else {
        MentionKind::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_every_occurrence_but_not_inside_a_longer_one() {
        let doc = TestDoc::new("Tom Jones met Tom. The minister said no.")
            .entity("Tom Jones", EntityType::Person, &["Tom Jones", "Tom"])
            .gender(Gender::Male)
            .entity("Minister", EntityType::Person, &["The minister"])
            .attributed();
        let tom = &doc.entities[0];
        let spans: Vec<&str> = tom.mentions.iter().map(|m| doc.slice(m.span)).collect();
        assert_eq!(spans, ["Tom Jones", "Tom"]);
        assert_eq!(tom.gender, Some(Gender::Male));
        assert_eq!(tom.mentions[1].kind, MentionKind::Name);
        assert_eq!(doc.entities[1].mentions[0].kind, MentionKind::Description);
        assert_eq!(doc.entities[1].mentions[0].sentence(), 1);
    }
}
