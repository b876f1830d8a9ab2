//! Where each quotation sits among the document's tokens and sentences, found once per
//! quotation. The context windows ask this many times per quotation (its kind, split
//! detection, attribution), and every binary search of the token array (megabytes on a
//! large document) was a string of cache misses. Quotations are located in text order,
//! each search galloping on from the previous quotation's place, so the searches stay
//! short and touch memory near the answer.

use crate::document::{Document, Span};

/// A quotation's first token, the token after it and its sentence: what
/// `token_at_or_after` and `sentence_at` give for its start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// `doc.token_at_or_after(span.start)`.
    pub first_token: usize,
    /// `doc.token_at_or_after(span.end)`.
    pub end_token: usize,
    /// `doc.sentence_at(span.start)`.
    pub sentence: Option<usize>,
    /// How many sentences end at or before `span.start`: a search for a sentence at or
    /// after the quotation may start there.
    pub sentences_before: usize,
    /// The span of `context::paragraph_at(doc, span.start)`.
    pub paragraph: Option<Span>,
}

/// The places of `spans`, which must be sorted by start (as `QuotedSpans` keeps them).
/// Tokens, sentences and paragraphs are walked in step with the quotations: reading them
/// in order lets the processor fetch them ahead, where a search per quotation waited on
/// memory at every probe. Each walk only goes forward, so the work is linear.
pub fn locate(doc: &Document, spans: &[Span]) -> Vec<Place> {
    let mut places = Vec::with_capacity(spans.len());
    let (mut token, mut sentence, mut paragraph) = (0, 0, 0);
    for span in spans {
        // Whatever ends before the previous quotation starts ends before this one too.
        token = walk_from(&doc.tokens, token, |t| t.end() <= span.start());
        sentence = walk_from(&doc.sentences, sentence, |s| s.span.end() <= span.start());
        paragraph = walk_from(&doc.paragraphs, paragraph, |p| p.span.end() <= span.start());
        let last_paragraph = doc.paragraphs.len().saturating_sub(1);
        places.push(Place {
            first_token: token,
            end_token: partition_point_from(&doc.tokens, token, |t| t.end() <= span.end()),
            sentence: sentence_from(doc, sentence, span.start()),
            sentences_before: sentence,
            paragraph: doc
                .paragraphs
                .get(paragraph.min(last_paragraph))
                .map(|p| p.span),
        });
    }
    places
}

/// `slice.partition_point(pred)`, given that `pred` holds for all of `slice[..from]`, by
/// testing one element after another from `from`.
fn walk_from<T>(slice: &[T], mut from: usize, pred: impl Fn(&T) -> bool) -> usize {
    while from < slice.len() && pred(&slice[from]) {
        from += 1;
    }
    from
}

/// `doc.sentence_at(at)`, given that the first `floor` sentences end at or before `at`.
pub fn sentence_from(doc: &Document, floor: usize, at: usize) -> Option<usize> {
    let i = partition_point_from(&doc.sentences, floor, |s| s.span.end() <= at);
    doc.sentences
        .get(i)
        .filter(|s| s.span.start() <= at)
        .map(|_| i)
}

/// `doc.sentence_at(at)`, given that the sentences from `ceiling` on end after `at`.
pub fn sentence_before(doc: &Document, ceiling: usize, at: usize) -> Option<usize> {
    let i = partition_point_before(&doc.sentences, ceiling, |s| s.span.end() <= at);
    doc.sentences
        .get(i)
        .filter(|s| s.span.start() <= at)
        .map(|_| i)
}

/// `slice.partition_point(pred)`, given that `pred` holds for all of `slice[..from]`:
/// gallops from `from` (1, 2, 4, … elements on) to bracket the answer, then searches
/// the bracket, so the cost grows with the distance to the answer, not the slice.
pub fn partition_point_from<T>(slice: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let Some(rest) = slice.get(from..) else {
        return slice.len();
    };
    // `pred` holds for rest[..hi / 2]; stop once it fails at rest[hi - 1] or hi passes
    // the end.
    let mut hi = 1;
    while hi <= rest.len() && pred(&rest[hi - 1]) {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = hi.min(rest.len());
    from + lo + rest[lo..hi].partition_point(pred)
}

/// `slice.partition_point(pred)`, given that `pred` fails for all of `slice[to..]`: the
/// mirror of `partition_point_from`, galloping back from `to`.
pub fn partition_point_before<T>(slice: &[T], to: usize, pred: impl Fn(&T) -> bool) -> usize {
    let head = slice.get(..to).unwrap_or(slice);
    let len = head.len();
    // `pred` fails for head[len - hi / 2..]; stop once it holds at head[len - hi] or hi
    // passes the start.
    let mut hi = 1;
    while hi <= len && !pred(&head[len - hi]) {
        hi *= 2;
    }
    let lo = hi / 2;
    let hi = hi.min(len);
    (len - hi) + head[len - hi..len - lo].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn galloping_search_matches_partition_point() {
        let values: Vec<usize> = (0..100).map(|i| i * 3).collect();
        for from in 0..=values.len() + 2 {
            for limit in 0..320 {
                let expected = values.partition_point(|&v| v < limit);
                if from <= expected {
                    let got = partition_point_from(&values, from, |&v| v < limit);
                    assert_eq!(got, expected, "from {from}, limit {limit}");
                }
            }
        }
        for to in 0..=values.len() + 2 {
            for limit in 0..320 {
                let expected = values.partition_point(|&v| v < limit);
                if to >= expected {
                    let got = partition_point_before(&values, to, |&v| v < limit);
                    assert_eq!(got, expected, "to {to}, limit {limit}");
                }
            }
        }
        let empty: [usize; 0] = [];
        assert_eq!(partition_point_before(&empty, 0, |_| true), 0);
        assert_eq!(partition_point_from(&empty, 0, |_| true), 0);
        assert_eq!(partition_point_from(&empty, 3, |_| true), 0);
    }

    #[test]
    fn walk_matches_partition_point() {
        let values = [1, 3, 3, 7, 9];
        for from in 0..=values.len() {
            for limit in 0..12 {
                let expected = values.partition_point(|&v| v < limit);
                if from <= expected {
                    assert_eq!(walk_from(&values, from, |&v| v < limit), expected);
                }
            }
        }
    }

    #[test]
    fn places_match_the_document_searches() {
        let text = "He said “yes.” Then “no,” she said.\n\n“On and on, it goes.\nAnd “x”";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let mut spans: Vec<Span> = (0..text.len())
            .filter(|&i| text.is_char_boundary(i))
            .flat_map(|s| (s..=text.len()).step_by(7).map(move |e| Span::new(s, e)))
            .collect();
        spans.sort();
        let places = locate(&doc, &spans);
        for (span, place) in spans.iter().zip(&places) {
            assert_eq!(place.first_token, doc.token_at_or_after(span.start()));
            assert_eq!(place.end_token, doc.token_at_or_after(span.end()));
            assert_eq!(place.sentence, doc.sentence_at(span.start()));
            let paragraph = crate::quotes::context::paragraph_at(&doc, span.start());
            assert_eq!(place.paragraph, paragraph.map(|p| p.span));
            for at in span.start()..=text.len() + 1 {
                assert_eq!(
                    sentence_from(&doc, place.sentences_before, at),
                    doc.sentence_at(at)
                );
            }
            for at in 0..span.start() {
                assert_eq!(
                    sentence_before(&doc, place.sentences_before, at),
                    doc.sentence_at(at)
                );
            }
        }
    }
}
