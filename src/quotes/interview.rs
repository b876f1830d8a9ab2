//! Interview transcripts: paragraphs that open with a speaker label ("Q:", "A:",
//! "Question:", "Answer:", "LOWE:", "Lowe:") hold that speaker's words without quotation
//! marks; each is a quotation of the words after the label. A document is a transcript
//! when at least two different labels open paragraphs, so a lone "Note:" or "UPDATE:"
//! line is not one; a label in mixed case must also be a name the text uses elsewhere.
//! Relies on `segment` (paragraphs, tokens).

use std::collections::HashSet;
use std::ops::Range;

use crate::document::{Document, Span, TokenKind};
use crate::speech::{is_word, word};

/// A label has at most this many words ("Q", "LOWE", "MR LOWE", "Carla Benitez").
const MAX_LABEL_WORDS: usize = 3;

/// The interviewer's and the interviewee's labels.
const QA_LABELS: [&str; 4] = ["Q", "A", "Question", "Answer"];

/// A paragraph opening with a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelled {
    pub paragraph: usize,
    /// The label's words.
    pub label: Span,
    /// The words after the label, to the paragraph's end.
    pub words: Span,
}

/// The labelled paragraphs of a transcript, in order; none when the document is not one.
pub fn find(doc: &Document) -> Vec<Labelled> {
    let candidates: Vec<(Labelled, Range<usize>)> = (0..doc.paragraphs.len())
        .filter_map(|p| labelled(doc, p))
        .collect();
    let mut names = HashSet::new();
    let mixed_case: HashSet<String> = candidates
        .iter()
        .filter(|(_, label)| !is_fixed_label(doc, label.clone()))
        .map(|(l, _)| doc.slice(l.label).to_string())
        .collect();
    if !mixed_case.is_empty() {
        names = names_used_elsewhere(doc, &candidates);
    }
    let accepted: Vec<Labelled> = candidates
        .into_iter()
        .filter(|(l, label)| {
            is_fixed_label(doc, label.clone()) || names.contains(doc.slice(l.label))
        })
        .map(|(l, _)| l)
        .collect();
    let distinct: HashSet<String> = accepted
        .iter()
        .map(|l| doc.slice(l.label).to_lowercase())
        .collect();
    if distinct.len() < 2 {
        return Vec::new();
    }
    accepted
}

/// Paragraph `p` as a labelled paragraph, with its label's tokens, when it opens with a
/// few capitalised words and a colon, and words follow.
fn labelled(doc: &Document, p: usize) -> Option<(Labelled, Range<usize>)> {
    let para = doc.paragraphs[p].span;
    let first = doc.token_at_or_after(para.start());
    let end = doc.token_at_or_after(para.end());
    let colon = (first..end.min(first + MAX_LABEL_WORDS + 1)).find(|&k| word(doc, k) == ":")?;
    let capitalised = |k: usize| is_word(doc, k) && word(doc, k).starts_with(char::is_uppercase);
    if colon == first || colon + 1 >= end || !(first..colon).all(capitalised) {
        return None;
    }
    let label = Span::new(doc.tokens[first].start(), doc.tokens[colon - 1].end());
    let words = Span::new(doc.tokens[colon + 1].start(), para.end());
    Some((
        Labelled {
            paragraph: p,
            label,
            words,
        },
        first..colon,
    ))
}

/// True for a Q/A label, or one in capitals ("LOWE", "MR LOWE").
fn is_fixed_label(doc: &Document, label: Range<usize>) -> bool {
    let one = label.len() == 1 && QA_LABELS.contains(&word(doc, label.start));
    let capitals = label.clone().all(|k| {
        let w = word(doc, k);
        w.chars().count() >= 2 && w.chars().all(char::is_uppercase)
    });
    one || capitals
}

/// The mixed-case labels that the text also uses outside label position (a name given
/// in an introduction: "presenter Gareth Lowe" for "Lowe:").
fn names_used_elsewhere(
    doc: &Document,
    candidates: &[(Labelled, Range<usize>)],
) -> HashSet<String> {
    let wanted: HashSet<&str> = candidates.iter().map(|(l, _)| doc.slice(l.label)).collect();
    let label_tokens: HashSet<usize> = candidates.iter().flat_map(|(_, r)| r.clone()).collect();
    doc.tokens
        .iter()
        .enumerate()
        .filter(|&(k, t)| t.kind == TokenKind::Word && !label_tokens.contains(&k))
        .map(|(_, t)| doc.slice(t.span()))
        .filter(|w| wanted.contains(w))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn labels(text: &str) -> Vec<(String, String)> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        find(&d)
            .iter()
            .map(|l| (d.slice(l.label).to_string(), d.slice(l.words).to_string()))
            .collect()
    }

    #[test]
    fn question_and_answer_labels() {
        let got = labels("We asked her.\nQ: Why?\nA: Food. Mostly food.\nQ: And then?");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1], ("A".to_string(), "Food. Mostly food.".to_string()));
    }

    #[test]
    fn name_labels_in_capitals_or_used_elsewhere() {
        let text = "Presenter Gareth Lowe pressed Anita Brandt.\nLOWE: Will you?\nBRANDT: We will.";
        assert_eq!(labels(text).len(), 2);
        let text = "Presenter Gareth Lowe pressed Anita Brandt.\nLowe: Will you?\nBrandt: We will.";
        assert_eq!(labels(text).len(), 2);
        // Mixed-case labels the text names nowhere else are no transcript.
        assert!(
            labels("Note: the figures are provisional.\nUpdate: the road reopened.").is_empty()
        );
    }

    #[test]
    fn one_kind_of_label_is_no_transcript() {
        assert!(labels("UPDATE: The road is open.\nMore text.\nUPDATE: Closed again.").is_empty());
        assert!(labels("Vogel: ‘No job cuts’\nThe chief executive promised staff.").is_empty());
    }
}
