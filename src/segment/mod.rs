//! Segmentation, the first stage: splits the text into paragraphs (and gives each its
//! kind), tokens and sentences. It relies on nothing but the text and the word lists in
//! `data/` (abbreviations); every later stage relies on it.

pub mod paragraphs;
pub mod sentences;
pub mod tokens;

use crate::document::Document;

/// Fills `doc.paragraphs`, `doc.tokens` and `doc.sentences`.
pub fn run(doc: &mut Document) {
    doc.paragraphs = paragraphs::split(doc.text, &mut doc.warnings);
    doc.tokens = tokens::tokenize(doc.text, &doc.paragraphs, &mut doc.warnings);
    sentences::split(doc);
    paragraphs::classify(doc);
}
