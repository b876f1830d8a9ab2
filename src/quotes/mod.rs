//! Quotations: finds quotation spans from the quote-mark tokens of `segment`, tells
//! apostrophes from quote marks, joins split and multi-paragraph quotations into groups,
//! and gives each its kind (direct, partial, scare). Speakers are set later, by
//! `attribution`, once entities are known.

use crate::document::Document;

/// Fills `doc.quotes` (speakers unset).
pub fn run(doc: &mut Document) {
    let _ = doc;
}
