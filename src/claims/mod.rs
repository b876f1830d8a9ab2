//! Numeric claims: numbers in digits and words with their units, qualifiers and subjects,
//! read from the tokens of `segment`, and their claimants from `quotes`, `attribution`
//! and `entities`.

use crate::document::Document;

/// Fills `doc.claims`.
pub fn run(doc: &mut Document) {
    let _ = doc;
}
