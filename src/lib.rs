//! byline reads a plain-text news article and reports, in one pass and with offsets for
//! everything, its paragraphs and sentences, its quotations and who said them, the people,
//! organizations and places it names, and its numeric claims.
//!
//! The work is a pipeline over one [`Document`], in the manner of spaCy's `Doc`: each stage
//! reads the annotations of the stages before it and adds its own, and no stage re-parses
//! what another already parsed.
//!
//! 1. [`segment`]: paragraphs (with their kind), tokens and sentences;
//! 2. [`quotes`]: quotation spans and their kind;
//! 3. [`entities`]: people, organizations and places, one entity per referent;
//! 4. [`attribution`]: the speaker of each quotation;
//! 5. [`claims`]: numeric claims and who makes them.
//!
//! [`analyze`] runs the whole pipeline and returns an [`Analysis`], the serializable
//! report whose JSON form is schema version 1 (see the README).
//!
//! ```
//! let text = "Ms. Smith arrived on Monday. “We are ready,” she said.";
//! let analysis = byline::analyze(text, &byline::Options::default());
//! assert_eq!(analysis.sentences.len(), 2);
//! assert_eq!(analysis.sentences[0].text, "Ms. Smith arrived on Monday.");
//! ```

// `unwrap` is denied outside tests; `expect` is allowed, its message naming the invariant
// it relies on (a broken invariant then panics loudly; the CLI turns a panic into an
// error record for that input).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod analysis;
mod attribution;
mod calendar;
mod claims;
mod document;
mod entities;
pub mod input;
mod lexicon;
mod limits;
mod offsets;
mod quotes;
mod segment;
mod speech;
pub mod summary;

pub use analysis::{Analysis, Section, Source};

/// Internals that byline's own tests, benchmarks and examples reach (the `dev` feature,
/// which they turn on): no part of the library's API, and free to change.
#[cfg(feature = "dev")]
pub mod dev {
    pub use crate::claims::{numbers, NumberMention};
    pub use crate::document::MAX_TOKEN_BYTES;
}
pub use document::{
    Claim, ClaimKind, Document, Entity, EntityType, Gender, Mention, MentionKind, Paragraph,
    ParagraphKind, Qualifier, Quote, QuoteKind, Sentence, Span, Speaker, Token, TokenKind,
};

/// What to compute and how to label the result.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the text came from, copied into the report's `source`.
    pub source: Source,
    /// Sections to report; `None` reports all of them.
    pub only: Option<Vec<Section>>,
    /// Warnings found before analysis (for example invalid UTF-8 in the input), copied
    /// into the report's `warnings`.
    pub warnings: Vec<String>,
}

/// Runs the whole pipeline over `text` and returns the report.
pub fn analyze<'t>(text: &'t str, options: &Options) -> Analysis<'t> {
    let mut doc = annotate(text);
    // The tokens, the largest annotation, are freed before the report is built.
    let words = analysis::count_words(&doc.tokens);
    doc.tokens = Vec::new();
    Analysis::build(&doc, words, options)
}

/// One pipeline stage: reads the annotations of the stages before it and adds its own.
pub type Stage = fn(&mut Document);

/// The stages in pipeline order, with their names (for benchmarks and per-stage timing).
pub const STAGES: [(&str, Stage); 5] = [
    ("segment", segment::run),
    ("quotes", quotes::run),
    ("entities", entities::run),
    ("attribution", attribution::run),
    ("claims", claims::run),
];

/// Runs every stage over `text` and returns the annotated document, for callers that want
/// the byte-offset annotations rather than the report.
pub fn annotate(text: &str) -> Document<'_> {
    let mut doc = Document::new(text);
    for (_, run) in STAGES {
        run(&mut doc);
    }
    doc
}
