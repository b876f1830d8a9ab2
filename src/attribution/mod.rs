//! Attribution: gives each quotation of `quotes` its speaker, an entity of `entities`,
//! through cue verbs, pronouns and descriptions.

pub mod cues;

use crate::document::Document;

/// Sets `speaker` and `cue` on `doc.quotes`.
pub fn run(doc: &mut Document) {
    let _ = doc;
}
