//! Interview transcripts: paragraphs that open with a speaker label ("Q:", "A:",
//! "Question:", "Answer:", "LOWE:", "Lowe:") hold that speaker's words without quotation
//! marks; each is a quotation of the words after the label. Labelled paragraphs close to
//! each other form a run, and a run is a transcript when the speakers take turns: a
//! question and an answer, or two names of which one comes back ("LOWE:", "BRANDT:",
//! "LOWE:"). So a lone "UPDATE:" line, a heading "Frank Messina: An interview" or a
//! fact box ("Born:", "Bats:", "Throws:") is none. A label in mixed case must also be a
//! name the text uses elsewhere. Relies on `segment` (paragraphs, tokens).

use std::collections::HashSet;
use std::ops::Range;

use crate::document::{Document, Span};
use crate::speech::{is_word, word};

/// A label has at most this many words ("Q", "LOWE", "MR LOWE", "Carla Benitez").
const MAX_LABEL_WORDS: usize = 3;

/// Labelled paragraphs at most this many paragraphs apart belong to one run (an answer
/// may go on over a few paragraphs).
const MAX_RUN_GAP: usize = 3;

/// At most this many different mixed-case labels are looked for in the text.
const MAX_NAME_LABELS: usize = 8;

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

/// The labelled paragraphs of the document's transcripts, in order.
pub fn find(doc: &Document) -> Vec<Labelled> {
    let candidates: Vec<(Labelled, Range<usize>)> = (0..doc.paragraphs.len())
        .filter_map(|p| labelled(doc, p))
        .collect();
    // Mixed-case labels are looked up in the text only within runs that take turns.
    let in_turns = turn_taking(doc, candidates);
    let names = names_used_elsewhere(doc, &in_turns);
    let verified = in_turns
        .into_iter()
        .filter(|(l, label)| {
            is_fixed_label(doc, label.clone()) || names.contains(doc.slice(l.label))
        })
        .collect();
    turn_taking(doc, verified)
        .into_iter()
        .map(|(l, _)| l)
        .collect()
}

/// The labelled paragraphs of `labels` in runs whose speakers take turns.
fn turn_taking(
    doc: &Document,
    labels: Vec<(Labelled, Range<usize>)>,
) -> Vec<(Labelled, Range<usize>)> {
    let mut accepted = Vec::new();
    let mut run_start = 0;
    for i in 1..=labels.len() {
        let run_ends = labels
            .get(i)
            .is_none_or(|(l, _)| l.paragraph > labels[i - 1].0.paragraph + MAX_RUN_GAP);
        if run_ends {
            let run = &labels[run_start..i];
            if takes_turns(doc, run) {
                accepted.extend_from_slice(run);
            }
            run_start = i;
        }
    }
    accepted
}

/// True when the speakers of a run of labelled paragraphs take turns: a question and an
/// answer, or two labels of which one comes back.
fn takes_turns(doc: &Document, run: &[(Labelled, Range<usize>)]) -> bool {
    let text = |(l, _): &(Labelled, Range<usize>)| doc.slice(l.label).to_lowercase();
    let has = |labels: [&str; 2]| run.iter().any(|l| labels.contains(&text(l).as_str()));
    if has(["q", "question"]) && has(["a", "answer"]) {
        return true;
    }
    let distinct: HashSet<String> = run.iter().map(text).collect();
    distinct.len() >= 2 && distinct.len() < run.len()
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

/// The mixed-case labels of `candidates` (at most `MAX_NAME_LABELS` of them) that the
/// text also uses outside label position, as words of their own (a name given in an
/// introduction: "presenter Gareth Lowe" for "Lowe:").
fn names_used_elsewhere(
    doc: &Document,
    candidates: &[(Labelled, Range<usize>)],
) -> HashSet<String> {
    let labels: HashSet<Span> = candidates.iter().map(|(l, _)| l.label).collect();
    let wanted: HashSet<&str> = candidates
        .iter()
        .filter(|(_, label)| !is_fixed_label(doc, label.clone()))
        .map(|(l, _)| doc.slice(l.label))
        .collect();
    wanted
        .into_iter()
        .take(MAX_NAME_LABELS)
        .filter(|w| {
            doc.text.match_indices(w).any(|(i, _)| {
                let before = doc.text[..i].chars().next_back();
                let after = doc.text[i + w.len()..].chars().next();
                let whole = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                whole && !labels.contains(&Span::new(i, i + w.len()))
            })
        })
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
        let text = "Presenter Gareth Lowe pressed Anita Brandt.\nLOWE: Will you?\nBRANDT: We will.\nLOWE: Why?";
        assert_eq!(labels(text).len(), 3);
        let text = "Presenter Gareth Lowe pressed Anita Brandt.\nLowe: Will you?\nBrandt: We will.\nLowe: Why?";
        assert_eq!(labels(text).len(), 3);
        // Mixed-case labels the text names nowhere else are no transcript.
        assert!(
            labels("Note: the figures are provisional.\nUpdate: the road reopened.").is_empty()
        );
    }

    #[test]
    fn labels_that_never_come_back_are_no_transcript() {
        assert!(labels("Born: June 11, 1988\nBats: Right\nThrows: Right").is_empty());
        let text = "Presenter Gareth Lowe pressed Anita Brandt.\nLOWE: Will you?\nBRANDT: We will.\nLOWE: When?";
        assert_eq!(labels(text).len(), 3);
    }

    #[test]
    fn one_kind_of_label_is_no_transcript() {
        assert!(labels("UPDATE: The road is open.\nMore text.\nUPDATE: Closed again.").is_empty());
        assert!(labels("Vogel: ‘No job cuts’\nThe chief executive promised staff.").is_empty());
    }
}
