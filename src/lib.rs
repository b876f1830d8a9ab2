//! byline reads a plain-text news article and reports, in one pass and with offsets for
//! everything, its paragraphs and sentences, its quotations and who said them, the people,
//! organizations and places it names, and its numeric claims.
//!
//! [`analyze`] returns an [`Analysis`], the report: plain data whose serde form is byline's
//! JSON output (schema version 1, see the README), with Unicode code point offsets into
//! the text, end exclusive. It never fails and borrows the text.
//!
//! ```
//! use byline::{ClaimKind, EntityType, Options};
//!
//! let text = "Maria Lopez, the mayor of Springfield, spoke on Monday. \
//!             “We will rebuild 200 homes by June,” she said.";
//! let analysis = byline::analyze(text, &Options::default());
//! assert_eq!(analysis.sentences.len(), 2);
//!
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.text, "We will rebuild 200 homes by June,");
//! let speaker = quote.speaker.as_ref().expect("the quotation has a speaker");
//! assert_eq!(speaker.name, "Maria Lopez");
//! let lopez = &analysis.entities[speaker.entity];
//! assert_eq!(lopez.entity_type, EntityType::Person);
//! assert_eq!(lopez.roles, ["mayor of Springfield"]);
//!
//! let homes = analysis.claims.iter().find(|c| c.kind == ClaimKind::Count).unwrap();
//! assert_eq!(homes.value, Some(200.0));
//! assert_eq!(homes.claimant.as_ref().map(|c| c.entity), Some(speaker.entity));
//!
//! // Offsets count code points (a curly quotation mark is one), end exclusive.
//! let chars: Vec<char> = text.chars().collect();
//! let marked: String = chars[quote.start..quote.end].iter().collect();
//! assert_eq!(marked, "“We will rebuild 200 homes by June,”");
//!
//! let json = serde_json::to_value(&analysis).unwrap();
//! assert_eq!(json["schema_version"], 1);
//! assert_eq!(json["quotes"][0]["speaker"]["name"], "Maria Lopez");
//! ```
//!
//! The work is a pipeline over one [`Document`], in the manner of spaCy's `Doc`: each stage
//! reads the annotations of the stages before it and adds its own, and no stage re-parses
//! what another already parsed:
//!
//! 1. segmentation: paragraphs (with their kind), tokens and sentences;
//! 2. quotations: quotation spans and their kind;
//! 3. entities: people, organizations and places, one entity per referent;
//! 4. attribution: the speaker of each quotation;
//! 5. claims: numeric claims and who makes them.
//!
//! [`annotate`] runs the pipeline and returns the annotated [`Document`] (byte spans into
//! the text) for callers that want more than the report. [`input`] turns raw bytes into
//! text the way the command line does (binary refused, invalid UTF-8 replaced with a
//! warning); [`summary`] renders the report as the command line's text view.

// `unwrap` is denied outside tests; `expect` is allowed, its message naming the invariant
// it relies on (a broken invariant then panics loudly; the CLI turns a panic into an
// error record for that input).
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(missing_docs)]

mod analysis;
mod attribution;
mod calendar;
mod claims;
mod document;
mod entities;
pub mod input;
mod lexicon;
mod limits;
mod offsets;
mod pipeline;
mod quotes;
mod segment;
mod speech;
mod steps;
pub mod summary;

pub use analysis::{
    Analysis, ClaimReport, EntityRef, EntityReport, MentionReport, ParagraphReport, QuoteReport,
    Section, SentenceReport, Source, SpeakerReport, Stats, TextSpan, SCHEMA_VERSION,
};

/// Internals that byline's own tests, benchmarks and examples reach (the `dev` feature,
/// which they turn on): no part of the library's API, and free to change.
#[cfg(feature = "dev")]
pub mod dev {
    pub use crate::claims::NumberMention;
    pub use crate::document::MAX_TOKEN_BYTES;
    pub use crate::pipeline::Stage;

    /// Every numeral of the document, as a plain number recogniser sees them (a function
    /// rather than a re-export: `claims::numbers` also names the number readers' module).
    pub fn numbers(doc: &crate::Document) -> Vec<NumberMention> {
        crate::claims::numbers(doc)
    }

    /// The report of a fully annotated document as `analyze` builds it, taking the
    /// document apart (for measuring the report's memory).
    pub fn report<'t>(doc: crate::Document<'t>, options: &crate::Options) -> crate::Analysis<'t> {
        crate::report_of(doc, options, Stage::Claims)
    }
}
pub use document::{
    Claim, ClaimKind, Document, Entity, EntityType, Gender, Mention, MentionKind, Paragraph,
    ParagraphKind, Qualifier, Quote, QuoteKind, Sentence, Span, Speaker, Token, TokenKind,
};

/// What to compute and how to label the result. `Options::default()` reports every
/// section, labels the source "-" and adds no warning.
///
/// ```
/// use byline::{Options, Section, Source};
///
/// let options = Options {
///     source: Source { path: "storm.txt".into(), ..Source::default() },
///     only: Some(vec![Section::Quotes]),
///     ..Options::default()
/// };
/// let analysis = byline::analyze("“It was loud,” a neighbour said.", &options);
/// assert_eq!(analysis.source.path, "storm.txt");
/// assert_eq!(analysis.quotes[0].text, "It was loud,");
/// assert!(analysis.shows(Section::Quotes) && !analysis.shows(Section::Sentences));
///
/// let json = serde_json::to_value(&analysis).unwrap();
/// assert_eq!(json["source"]["path"], "storm.txt");
/// assert!(json.get("quotes").is_some() && json.get("sentences").is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Where the text came from, copied into the report's `source`.
    pub source: Source,
    /// Sections to report; `None` reports all of them. Only the stages these sections
    /// need run (see [`analyze`]).
    pub only: Option<Vec<Section>>,
    /// Warnings found before analysis (for example invalid UTF-8 in the input), copied
    /// into the report's `warnings`.
    pub warnings: Vec<String>,
}

/// Runs the pipeline over `text` and returns the report. Only the stages the sections of
/// [`Options::only`] need run: sentences and paragraphs need segmentation alone,
/// quotations and entities the stages up to attribution, claims every stage. The counts in
/// [`Stats`] of a stage that did not run are `None`.
///
/// ```
/// use byline::{Options, Section};
///
/// let text = "“We will rebuild 200 homes,” the mayor said on Monday.";
/// let options = Options { only: Some(vec![Section::Sentences]), ..Options::default() };
/// let analysis = byline::analyze(text, &options);
/// assert_eq!(analysis.sentences.len(), 1);
/// assert_eq!((analysis.stats.quotes, analysis.stats.claims), (None, None));
/// assert!(analysis.quotes.is_empty() && analysis.claims.is_empty());
///
/// let full = byline::analyze(text, &Options::default());
/// assert_eq!((full.stats.quotes, full.stats.claims), (Some(1), Some(2)));
/// ```
pub fn analyze<'t>(text: &'t str, options: &Options) -> Analysis<'t> {
    let last = pipeline::last_stage_for(options.only.as_deref());
    let doc = pipeline::annotate_through(text, last);
    report_of(doc, options, last)
}

/// The report of `doc`, annotated through `last`, built as the document is taken apart:
/// the tokens, the largest annotation, are freed first, and the quotations, entities and
/// claims move into the report rather than being copied.
fn report_of<'t>(mut doc: Document<'t>, options: &Options, last: pipeline::Stage) -> Analysis<'t> {
    let words = analysis::count_words(&doc.tokens);
    doc.tokens = Vec::new();
    let lists = analysis::Lists {
        quotes: std::mem::take(&mut doc.quotes),
        entities: std::mem::take(&mut doc.entities),
        claims: std::mem::take(&mut doc.claims),
    };
    Analysis::build(&doc, lists, words, options, last)
}

/// Runs every stage over `text` and returns the annotated document, for callers that want
/// the byte-offset annotations rather than the report.
pub fn annotate(text: &str) -> Document<'_> {
    pipeline::annotate_through(text, pipeline::Stage::Claims)
}
