//! Numeric claims: every checkable number of the article with its kind, value (and the
//! high end of a range), unit, qualifier, the noun phrase it counts, and who claims it.
//!
//! Reads the tokens and sentences of `segment` (cut into finer [`pieces`]), and for the
//! claimant the quotations of `quotes`/`attribution` and the mentions of `entities`.
//! Submodules by domain: [`numbers`] (digits and words → value), [`extract`] (currency,
//! qualifiers, units, ranges), [`kinds`] (dates, ages, ratios, scores, ranks), [`filters`]
//! (numbers that are not claims), [`subject`], [`claimant`]; the word lists are in `data/`
//! and loaded by [`lists`].

pub mod claimant;
pub mod extract;
pub mod filters;
pub mod kinds;
pub mod lists;
pub mod numbers;
pub mod pieces;
pub mod subject;

use crate::document::{Document, Span};

/// Fills `doc.claims`.
pub fn run(doc: &mut Document) {
    let mut claims = Vec::new();
    for s in 0..doc.sentences.len() {
        extract::sentence_claims(doc, s, &mut claims);
    }
    claimant::assign(doc, &mut claims);
    doc.claims = claims;
}

/// A number as written, before any judgement of whether it is a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMention {
    pub span: Span,
    pub value: f64,
    /// Glued to a unit word ("180ml", "29km"): a measure rather than a bare number.
    pub glued_unit: bool,
}

/// Every numeral of the document (including those inside names, dates and phone numbers),
/// as a plain number recogniser sees them.
pub fn numbers(doc: &Document) -> Vec<NumberMention> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let pieces = pieces::of_sentence(doc, s);
        let mut i = 0;
        while i < pieces.len() {
            match numbers::parse_at(&pieces, i, false) {
                Some(n) if n.form != numbers::Form::Ordinal && n.form != numbers::Form::Vague => {
                    let (Some(first), Some(last)) = (pieces.get(n.first), pieces.get(n.end - 1))
                    else {
                        break;
                    };
                    let next = pieces.get(n.end);
                    let glued_unit = next.is_some_and(|p| {
                        p.is_word() && p.join == pieces::Join::Attached && p.token == last.token
                    });
                    out.push(NumberMention {
                        span: Span::new(first.span.start, last.span.end),
                        value: n.value,
                        glued_unit,
                    });
                    i = n.end.max(i + 1);
                }
                Some(n) => i = n.end.max(i + 1),
                None => i += 1,
            }
        }
    }
    out
}
