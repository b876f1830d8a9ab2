//! The output invariants every input must satisfy, shared by `tests/robustness.rs`,
//! `tests/properties.rs` and the fuzz target (`fuzz/`, which includes this file by path).
//!
//! On the annotated [`Document`] (byte spans): every span lies within the text, on `char`
//! boundaries, with start <= end; paragraphs, tokens, sentences, quotes, each entity's
//! mentions and claims are sorted; paragraphs, tokens and sentences don't overlap;
//! each sentence lies inside its paragraph and the paragraph's sentence range lists it;
//! every entity, sentence and paragraph index refers to one that exists.
//!
//! On the report ([`Analysis`], code point offsets): offsets lie within the text, texts
//! match their offsets, entity ids are their positions and every entity reference
//! exists; the JSON output parses back to the same report.

#![allow(dead_code)]

use byline::Analysis;
use byline::{Document, Span};

/// Runs the pipeline on `text`, checks every invariant on the document and on the report,
/// and returns the report, or the first broken invariant.
pub fn analyze_checked(text: &str) -> Result<Analysis<'_>, String> {
    let doc = byline::annotate(text);
    check_document(&doc)?;
    let analysis = byline::Analysis::from_document(&doc, &byline::Options::default());
    drop(doc);
    check_report(text, &analysis)?;
    check_json(&analysis)?;
    Ok(analysis)
}

/// Panics with the broken invariant and a short view of the input.
pub fn assert_invariants(text: &str) -> Analysis<'_> {
    match analyze_checked(text) {
        Ok(analysis) => analysis,
        Err(broken) => panic!(
            "{broken}\ninput ({} bytes): {:?}",
            text.len(),
            preview(text)
        ),
    }
}

fn preview(text: &str) -> String {
    text.chars().take(200).collect()
}

fn check_span(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start() > span.end() || span.end() > text.len() {
        return Err(format!(
            "{what}: span {}..{} out of the text ({} bytes)",
            span.start(),
            span.end(),
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start()) || !text.is_char_boundary(span.end()) {
        return Err(format!(
            "{what}: span {}..{} not on char boundaries",
            span.start(),
            span.end()
        ));
    }
    Ok(())
}

fn check_sorted(spans: impl Iterator<Item = Span>, what: &str) -> Result<(), String> {
    let mut previous: Option<Span> = None;
    for span in spans {
        if let Some(p) = previous {
            if span.start() < p.start() {
                return Err(format!(
                    "{what}: span {}..{} after {}..{} (not sorted)",
                    span.start(),
                    span.end(),
                    p.start(),
                    p.end()
                ));
            }
        }
        previous = Some(span);
    }
    Ok(())
}

fn check_disjoint(spans: impl Iterator<Item = Span>, what: &str) -> Result<(), String> {
    let mut previous_end = 0;
    for span in spans {
        if span.start() < previous_end {
            return Err(format!(
                "{what}: span {}..{} overlaps the one before (ending at {previous_end})",
                span.start(),
                span.end()
            ));
        }
        previous_end = span.end();
    }
    Ok(())
}

fn check_index(index: usize, len: usize, what: &str) -> Result<(), String> {
    if index >= len {
        return Err(format!("{what}: index {index} but only {len} exist"));
    }
    Ok(())
}

pub fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text;
    check_segments(doc)?;
    for (i, q) in doc.quotes.iter().enumerate() {
        check_span(text, q.span, &format!("quote {i}"))?;
        check_span(text, q.inner, &format!("quote {i} inner"))?;
        if !q.span.contains(q.inner) {
            return Err(format!("quote {i}: inner span outside the quotation"));
        }
        check_index(
            q.sentence,
            doc.sentences.len(),
            &format!("quote {i} sentence"),
        )?;
        if let Some(speaker) = q.speaker {
            check_index(
                speaker.entity,
                doc.entities.len(),
                &format!("quote {i} speaker"),
            )?;
            if let Some(m) = speaker.mention {
                check_span(text, m, &format!("quote {i} speaker mention"))?;
            }
        }
        if let Some(cue) = q.cue {
            check_span(text, cue, &format!("quote {i} cue"))?;
        }
    }
    check_sorted(doc.quotes.iter().map(|q| q.span), "quotes")?;
    for (i, e) in doc.entities.iter().enumerate() {
        for m in &e.mentions {
            check_span(text, m.span, &format!("entity {i} mention"))?;
            check_index(
                m.sentence(),
                doc.sentences.len(),
                &format!("entity {i} mention sentence"),
            )?;
        }
        check_sorted(
            e.mentions.iter().map(|m| m.span),
            &format!("entity {i} mentions"),
        )?;
        if let Some(a) = e.affiliation {
            check_index(a, doc.entities.len(), &format!("entity {i} affiliation"))?;
        }
    }
    for (i, c) in doc.claims.iter().enumerate() {
        check_span(text, c.span(), &format!("claim {i}"))?;
        if let Some(s) = c.subject() {
            check_span(text, s, &format!("claim {i} subject"))?;
        }
        check_index(
            c.sentence(),
            doc.sentences.len(),
            &format!("claim {i} sentence"),
        )?;
        if let Some(e) = c.claimant() {
            check_index(e, doc.entities.len(), &format!("claim {i} claimant"))?;
        }
    }
    check_sorted(doc.claims.iter().map(|c| c.span()), "claims")?;
    Ok(())
}

/// Paragraphs, tokens and sentences: in range, sorted, disjoint, nested.
fn check_segments(doc: &Document) -> Result<(), String> {
    let text = doc.text;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        check_span(text, p.span, &format!("paragraph {i}"))?;
        if p.sentences().start > p.sentences().end || p.sentences().end > doc.sentences.len() {
            return Err(format!(
                "paragraph {i}: bad sentence range {:?}",
                p.sentences()
            ));
        }
        for s in p.sentences() {
            if doc.sentences.get(s).map(|s| s.paragraph()) != Some(i) {
                return Err(format!(
                    "paragraph {i} lists sentence {s}, not one of its own"
                ));
            }
        }
    }
    check_disjoint(doc.paragraphs.iter().map(|p| p.span), "paragraphs")?;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span(), &format!("token {i}"))?;
        if t.span().is_empty() {
            return Err(format!("token {i}: empty"));
        }
    }
    check_disjoint(doc.tokens.iter().map(|t| t.span()), "tokens")?;
    for (i, s) in doc.sentences.iter().enumerate() {
        check_span(text, s.span, &format!("sentence {i}"))?;
        let Some(p) = doc.paragraphs.get(s.paragraph()) else {
            return Err(format!("sentence {i}: paragraph {} missing", s.paragraph()));
        };
        if !p.span.contains(s.span) {
            return Err(format!(
                "sentence {i} ({}..{}) outside its paragraph ({}..{})",
                s.span.start(),
                s.span.end(),
                p.span.start(),
                p.span.end()
            ));
        }
        if !p.sentences().contains(&i) {
            return Err(format!(
                "sentence {i}: not in its paragraph's sentence range"
            ));
        }
        if s.tokens().start > s.tokens().end || s.tokens().end > doc.tokens.len() {
            return Err(format!("sentence {i}: bad token range {:?}", s.tokens()));
        }
        for t in doc.sentence_tokens(i) {
            if !s.span.contains(t.span()) {
                return Err(format!("sentence {i}: token outside the sentence"));
            }
        }
    }
    check_disjoint(doc.sentences.iter().map(|s| s.span), "sentences")?;
    Ok(())
}

/// Code point offsets of the report, checked against the text's chars.
pub fn check_report(text: &str, analysis: &Analysis) -> Result<(), String> {
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = starts.len() - 1;
    if analysis.stats.characters != chars {
        return Err(format!(
            "stats.characters {} but the text has {chars}",
            analysis.stats.characters
        ));
    }
    let slice = |start: usize, end: usize, what: &str| -> Result<&str, String> {
        if start > end || end > chars {
            return Err(format!("{what}: offsets {start}..{end} out of 0..{chars}"));
        }
        Ok(&text[starts[start]..starts[end]])
    };
    for (i, p) in analysis.paragraphs.iter().enumerate() {
        slice(p.start, p.end, &format!("report paragraph {i}"))?;
    }
    for (i, s) in analysis.sentences.iter().enumerate() {
        if slice(s.start, s.end, &format!("report sentence {i}"))? != s.text {
            return Err(format!(
                "report sentence {i}: text does not match its offsets"
            ));
        }
        check_index(
            s.paragraph,
            analysis.paragraphs.len(),
            "report sentence paragraph",
        )?;
    }
    let entities = analysis.entities.len();
    for (i, q) in analysis.quotes.iter().enumerate() {
        slice(q.start, q.end, &format!("report quote {i}"))?;
        check_index(
            q.sentence,
            analysis.sentences.len(),
            "report quote sentence",
        )?;
        if let Some(sp) = &q.speaker {
            check_index(sp.entity, entities, "report quote speaker")?;
            if let Some(m) = &sp.mention {
                if slice(m.start, m.end, "report speaker mention")? != m.text {
                    return Err(format!("report quote {i}: speaker mention text mismatch"));
                }
            }
        }
        if let Some(c) = &q.cue {
            if slice(c.start, c.end, "report cue")? != c.text {
                return Err(format!("report quote {i}: cue text mismatch"));
            }
        }
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        if e.id != i {
            return Err(format!("report entity at {i} has id {}", e.id));
        }
        if e.mention_count != e.mentions.len() {
            return Err(format!("report entity {i}: mention_count mismatch"));
        }
        for m in &e.mentions {
            if slice(m.start, m.end, "report mention")? != m.text {
                return Err(format!("report entity {i}: mention text mismatch"));
            }
        }
        if let Some(a) = &e.affiliation {
            check_index(a.entity, entities, "report affiliation")?;
        }
    }
    for (i, c) in analysis.claims.iter().enumerate() {
        if slice(c.start, c.end, &format!("report claim {i}"))? != c.text {
            return Err(format!("report claim {i}: text does not match its offsets"));
        }
        check_index(
            c.sentence,
            analysis.sentences.len(),
            "report claim sentence",
        )?;
        if let Some(e) = &c.claimant {
            check_index(e.entity, entities, "report claimant")?;
        }
    }
    Ok(())
}

/// The JSON form parses back into a report of the same shape. (Not compared for equality:
/// serde_json's default float parsing may differ from the printed value in the last bit.)
pub fn check_json(analysis: &Analysis) -> Result<(), String> {
    let json = serde_json::to_string(analysis).map_err(|e| format!("JSON output: {e}"))?;
    let back: Analysis =
        serde_json::from_str(&json).map_err(|e| format!("JSON does not parse back: {e}"))?;
    let shape = |a: &Analysis| {
        (
            a.paragraphs.len(),
            a.sentences.len(),
            a.quotes.len(),
            a.entities.len(),
            a.claims.len(),
            a.warnings.len(),
        )
    };
    if shape(&back) != shape(analysis) || back.stats != analysis.stats {
        return Err("JSON parses back to a different report".to_string());
    }
    Ok(())
}
