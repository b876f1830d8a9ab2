//! The words around a quotation, as token windows: the stretch of its sentence before it
//! (where "SPEAKER CUE: QUOTE" and "SPEAKER CUE that … QUOTE" put their cue) and the
//! attribution right after it ("QUOTE, SPEAKER CUE", "QUOTE, CUE SPEAKER"). Both `quotes`
//! (to tell speech from scare quotes) and `attribution` (to find the speaker) use them.
//! Windows are bounded, so looking at every quotation stays linear.

use std::cell::Cell;
use std::ops::Range;

use super::places::{self, Place};
use crate::attribution::cues::{self, Cue};
use crate::document::{Document, Paragraph, Span};

/// How many tokens after a quotation an attribution may take ("…,” Khaled Al-Maeena,
/// editor of the Saudi Gazette, said").
const AFTER_WINDOW: usize = 16;

/// How many tokens before a quotation its cue may be ("SPEAKER CUE that … QUOTE"); bounds
/// the work per quotation on run-on text.
const BEFORE_WINDOW: usize = 80;

/// Quotation spans of a document, sorted, for "is this offset quoted?" tests, with the
/// place of each among the tokens and sentences (see `places`).
#[derive(Debug, Default, Clone)]
pub struct QuotedSpans {
    spans: Vec<Span>,
    places: Vec<Place>,
    /// The index of the span last asked for by `place`: stages look at quotations in
    /// order, several times each, so the next question is usually about it or the next.
    last: Cell<usize>,
}

impl QuotedSpans {
    pub fn new(doc: &Document, mut spans: Vec<Span>) -> QuotedSpans {
        spans.sort();
        let places = places::locate(doc, &spans);
        QuotedSpans {
            spans,
            places,
            last: Cell::new(0),
        }
    }

    /// The index of `quote` among the spans: the last one asked for or the one after it,
    /// else found by binary search.
    fn index_of(&self, quote: Span) -> Option<usize> {
        let last = self.last.get();
        (last..last + 2)
            .find(|&i| self.spans.get(i) == Some(&quote))
            .or_else(|| self.spans.binary_search(&quote).ok())
    }

    /// True when byte offset `at` is inside a quotation (marks included).
    pub fn contains(&self, at: usize) -> bool {
        let i = self.spans.partition_point(|s| s.end() <= at);
        self.spans.get(i).is_some_and(|s| s.start() <= at)
    }

    /// The first quotation starting at or after `at`.
    pub fn next_start(&self, at: usize) -> Option<usize> {
        let i = self.spans.partition_point(|s| s.start() < at);
        self.spans.get(i).map(|s| s.start())
    }

    /// Where the quotation `quote` sits among the tokens and sentences of `doc` (searched
    /// for when `quote` is not one of the spans).
    pub fn place(&self, doc: &Document, quote: Span) -> Place {
        let known = self.index_of(quote);
        if let Some(i) = known {
            self.last.set(i);
        }
        match known.and_then(|i| self.places.get(i)) {
            Some(&place) => place,
            None => Place {
                first_token: doc.token_at_or_after(quote.start()),
                end_token: doc.token_at_or_after(quote.end()),
                sentence: doc.sentence_at(quote.start()),
                sentences_before: doc
                    .sentences
                    .partition_point(|s| s.span.end() <= quote.start()),
                paragraph: paragraph_at(doc, quote.start()).map(|p| p.span),
            },
        }
    }
}

/// The paragraph holding byte `at` (the last paragraph when `at` lies past them all).
pub fn paragraph_at<'d>(doc: &'d Document, at: usize) -> Option<&'d Paragraph> {
    let p = doc
        .paragraphs
        .partition_point(|p| p.span.end() <= at)
        .min(doc.paragraphs.len().saturating_sub(1));
    doc.paragraphs.get(p)
}

/// The tokens of the paragraph holding byte `at`: the index range into `doc.tokens`.
pub fn paragraph_tokens(doc: &Document, at: usize) -> Range<usize> {
    match paragraph_at(doc, at) {
        Some(para) => {
            doc.token_at_or_after(para.span.start())..doc.token_at_or_after(para.span.end())
        }
        None => 0..0,
    }
}

// The two tests below answer "is token `i` inside the token range of the paragraph
// `para`?" from token `i` (or `i - 1`) alone: token ends increase along the text, so
// comparing one token's end with the paragraph's bytes gives what `paragraph_tokens`
// would, without its two searches of the token array (cache misses on every look at a
// quotation in a large document). `para` is the span of `paragraph_at(doc, at)`.

/// `i < paragraph_tokens(doc, at).end`.
pub fn before_paragraph_end(doc: &Document, i: usize, para: Option<Span>) -> bool {
    match (doc.tokens.get(i), para) {
        (Some(t), Some(p)) => t.end() <= p.end(),
        _ => false,
    }
}

/// `i > paragraph_tokens(doc, at).start`.
pub fn after_paragraph_start(doc: &Document, i: usize, para: Option<Span>) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return false;
    };
    match (doc.tokens.get(prev), para) {
        (Some(t), Some(p)) => t.end() > p.start(),
        // Past the last token, or no paragraphs (the range is then 0..0).
        _ => true,
    }
}

/// `doc.sentence_at(at)`, searched from the place of the quotation `quote` (`at` is
/// usually near it: the words just after or before a quotation).
pub fn sentence_from_quote(doc: &Document, quote: Span, place: &Place, at: usize) -> Option<usize> {
    if at >= quote.start() {
        places::sentence_from(doc, place.sentences_before, at)
    } else {
        // Every sentence from `sentences_before` on ends after the quotation starts.
        places::sentence_before(doc, place.sentences_before, at)
    }
}

/// `doc.sentence_at(at) == sentence`, where `sentence` is itself a result of
/// `sentence_at`: a known sentence is checked by its span, without a search.
fn in_sentence(doc: &Document, at: usize, sentence: Option<usize>) -> bool {
    match sentence {
        Some(s) => doc
            .sentences
            .get(s)
            .is_some_and(|x| x.span.start() <= at && at < x.span.end()),
        None => doc.sentence_at(at).is_none(),
    }
}

/// The tokens of the quotation's sentence before it. When the quotation opens its
/// sentence right after a colon or comma ("Trump replied: “…”" split by a segmenter),
/// the window reaches back over the sentence before.
pub fn before_window(doc: &Document, quote: Span, quoted: &QuotedSpans) -> Range<usize> {
    let place = quoted.place(doc, quote);
    let end = place.first_token;
    let Some(s) = place.sentence else {
        return end..end;
    };
    let mut start = doc.sentences[s]
        .tokens()
        .start
        .min(end)
        .max(end.saturating_sub(BEFORE_WINDOW));
    if start == end && s > 0 {
        let prev = &doc.sentences[s - 1];
        let last = prev.tokens().end.saturating_sub(1);
        if prev.paragraph() == doc.sentences[s].paragraph()
            && matches!(cues::word(doc, last), ":" | ",")
        {
            start = prev.tokens().start.max(end.saturating_sub(BEFORE_WINDOW));
        }
    }
    start..end
}

/// The last active cue before the quotation in its sentence, outside other quotations.
pub fn cue_before(doc: &Document, quote: Span, quoted: &QuotedSpans) -> Option<Cue> {
    cue_in_window(doc, before_window(doc, quote, quoted), quoted)
}

/// `cue_before` for a quotation whose `before_window` is already known.
pub fn cue_in_window(doc: &Document, window: Range<usize>, quoted: &QuotedSpans) -> Option<Cue> {
    (window.start..window.end).rev().find_map(|i| {
        // Few words are cues: testing that first spares the quoted-or-not search.
        let cue = cues::cue_at(doc, i, window.end)?;
        if quoted.contains(doc.tokens[i].start()) {
            return None;
        }
        cues::is_active(doc, i, window.start).then_some(cue)
    })
}

/// An attribution right after a quotation: the cue, and the first token after the
/// punctuation that follows the closing mark (the speaker phrase runs from there to the
/// cue, or follows the cue when it comes first).
#[derive(Debug, Clone, Copy)]
pub struct AfterCue {
    pub cue: Cue,
    pub first: usize,
    /// End (exclusive) of the window the speaker may be found in.
    pub limit: usize,
}

/// Finds "QUOTE, SPEAKER CUE" or "QUOTE, CUE SPEAKER". The quotation must leave its
/// sentence open (end in a comma, question or exclamation mark, dash, or be followed by a
/// comma): a quotation closed by a full stop is followed by a new sentence, whose verb is
/// not its cue ("…Tomahawks.” Moscow has warned …").
pub fn cue_after(
    doc: &Document,
    quote: Span,
    inner: Span,
    quoted: &QuotedSpans,
) -> Option<AfterCue> {
    let place = quoted.place(doc, quote);
    let para = place.paragraph;
    let a = place.end_token;
    if !before_paragraph_end(doc, a, para) {
        return None;
    }
    let inner_last = doc.slice(inner).chars().last();
    let open_ended = matches!(
        inner_last,
        Some(',' | '!' | '?' | '—' | '–' | '-' | '…' | ';' | ':')
    );
    if !open_ended && !matches!(cues::word(doc, a), "," | "—" | "–") {
        return None;
    }
    let mut first = a;
    while before_paragraph_end(doc, first, para)
        && matches!(cues::word(doc, first), "," | "—" | "–" | "-")
    {
        first += 1;
    }
    let next_quote = quoted.next_start(quote.end()).unwrap_or(usize::MAX);
    let sentence = sentence_from_quote(doc, quote, &place, doc.tokens.get(first)?.start());
    let limit = after_window_end(doc, first, sentence, para, next_quote);
    (first..limit).find_map(|k| {
        let cue = cues::cue_at(doc, k, limit)?;
        Some(AfterCue { cue, first, limit })
    })
}

/// The end (exclusive) of the attribution window starting at token `first`: at most
/// `AFTER_WINDOW` tokens of `first`'s sentence and paragraph, stopping at the next
/// quotation (which starts at byte `next_quote`) and at the end of a clause.
fn after_window_end(
    doc: &Document,
    first: usize,
    sentence: Option<usize>,
    para: Option<Span>,
    next_quote: usize,
) -> usize {
    let mut limit = first;
    while limit < first + AFTER_WINDOW && before_paragraph_end(doc, limit, para) {
        let t = doc.tokens[limit];
        if t.start() >= next_quote
            || (limit > first && !in_sentence(doc, t.start(), sentence))
            || (limit > first && cues::is_clause_end(doc, limit))
        {
            break;
        }
        limit += 1;
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn doc(text: &str) -> Document<'_> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        d
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    fn inner(q: Span, text: &str) -> Span {
        let open = text[q.start()..].chars().next().unwrap().len_utf8();
        let close = text[..q.end()].chars().last().unwrap().len_utf8();
        Span::new(q.start() + open, q.end() - close)
    }

    #[test]
    fn after_cue_needs_an_open_ended_quotation() {
        let text = "He said Russia was “afraid of Tomahawks.” Moscow has warned of it.";
        let d = doc(text);
        let q = span_of(text, "“afraid of Tomahawks.”");
        let quoted = QuotedSpans::new(&d, vec![q]);
        assert!(cue_after(&d, q, inner(q, text), &quoted).is_none());

        let text = "“We want this,” he said.";
        let d = doc(text);
        let q = span_of(text, "“We want this,”");
        let quoted = QuotedSpans::new(&d, vec![q]);
        let after = cue_after(&d, q, inner(q, text), &quoted).unwrap();
        assert_eq!(d.slice(after.cue.span), "said");
        assert_eq!(cues::word(&d, after.first), "he");
    }

    #[test]
    fn before_cue_skips_passive_and_quoted_cues() {
        let text = "When Trump was asked if Putin was “working him” just to buy time, he smiled.";
        let d = doc(text);
        let q = span_of(text, "“working him”");
        assert!(cue_before(&d, q, &QuotedSpans::new(&d, vec![q])).is_none());

        let text = "The Kremlin said “a lot needs to be decided” and it may come “a little later” than that.";
        let d = doc(text);
        let q1 = span_of(text, "“a lot needs to be decided”");
        let q2 = span_of(text, "“a little later”");
        let quoted = QuotedSpans::new(&d, vec![q1, q2]);
        assert_eq!(d.slice(cue_before(&d, q2, &quoted).unwrap().span), "said");
    }

    #[test]
    fn paragraph_and_sentence_tests_agree_with_the_searches() {
        let text = "First one. Second “one,” he said.\n\n\u{200b}\n\nLast “x” here";
        let d = doc(text);
        for at in 0..=text.len() + 2 {
            let range = paragraph_tokens(&d, at);
            let para = paragraph_at(&d, at).map(|p| p.span);
            for i in 0..=d.tokens.len() + 1 {
                assert_eq!(before_paragraph_end(&d, i, para), i < range.end, "{at} {i}");
                assert_eq!(
                    after_paragraph_start(&d, i, para),
                    i > range.start,
                    "{at} {i}"
                );
            }
            let sentence = d.sentence_at(at);
            for other in 0..=text.len() + 2 {
                assert_eq!(
                    in_sentence(&d, other, sentence),
                    d.sentence_at(other) == sentence
                );
            }
        }
        let empty = doc("");
        assert!(!before_paragraph_end(&empty, 0, None));
        assert!(!after_paragraph_start(&empty, 0, None));
        assert!(after_paragraph_start(&empty, 1, None));
    }

    #[test]
    fn quoted_spans_lookups() {
        let d = doc("“Yes.” He said “no” then.");
        let q = QuotedSpans::new(&d, vec![Span::new(10, 20), Span::new(0, 5)]);
        assert!(q.contains(0) && q.contains(19) && !q.contains(7) && !q.contains(20));
        assert_eq!(q.next_start(6), Some(10));
        assert_eq!(q.next_start(11), None);
        // A span that is not a quotation is searched for: the same answers.
        for span in [Span::new(10, 20), Span::new(0, 5), Span::new(3, 12)] {
            let place = q.place(&d, span);
            assert_eq!(place.first_token, d.token_at_or_after(span.start()));
            assert_eq!(place.end_token, d.token_at_or_after(span.end()));
            assert_eq!(place.sentence, d.sentence_at(span.start()));
            assert_eq!(
                place.paragraph,
                paragraph_at(&d, span.start()).map(|p| p.span)
            );
        }
    }
}
