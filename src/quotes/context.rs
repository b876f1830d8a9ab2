//! The words around a quotation, found once per quotation into `Quote::context`: its
//! place among the tokens, sentences and paragraphs, the stretch of its sentence before
//! it (where "SPEAKER CUE: QUOTE" and "SPEAKER CUE that … QUOTE" put their cue) and the
//! attribution right after it ("QUOTE, SPEAKER CUE", "QUOTE, CUE SPEAKER"). `kind`, split
//! detection and `attribution` read them. Windows are bounded, so the work per quotation
//! is too. Relies on `segment` and on `speech` for the cue words.

use std::ops::Range;

use crate::document::{AfterCue, Cue, Document, Quote, QuoteContext, Span};
use crate::speech;

/// How many tokens after a quotation an attribution may take ("…,” Khaled Al-Maeena,
/// editor of the Saudi Gazette, said").
const AFTER_WINDOW: usize = 24;

/// How many tokens an attribution closing the sentence may stand after a quotation
/// ("“cripple” rail network, Amtrak warns").
const TRAILING_GAP: usize = 8;

/// How many tokens before a quotation its cue may be ("SPEAKER CUE that … QUOTE").
const BEFORE_WINDOW: usize = 80;

/// Fills `context` for every quotation of `doc.quotes` (whose spans are known, sorted
/// and disjoint); `paragraphs` gives the paragraph of each.
pub fn fill(doc: &mut Document, paragraphs: impl Iterator<Item = usize>) {
    let contexts: Vec<QuoteContext> = paragraphs
        .enumerate()
        .map(|(i, paragraph)| of(doc, i, paragraph))
        .collect();
    for (quote, context) in doc.quotes.iter_mut().zip(contexts) {
        quote.context = context;
    }
}

/// The context of quotation `i`, in paragraph `paragraph`.
fn of(doc: &Document, i: usize, paragraph: usize) -> QuoteContext {
    let quote = &doc.quotes[i];
    let para = doc.paragraphs[paragraph].span;
    let mut context = QuoteContext {
        first_token: doc.token_at_or_after(quote.span.start()),
        end_token: doc.token_at_or_after(quote.span.end()),
        sentence: doc
            .sentence_at(quote.span.start())
            .expect("a quotation starts at a token, and every token is in a sentence"),
        paragraph,
        paragraph_tokens: doc.token_at_or_after(para.start())..doc.token_at_or_after(para.end()),
        label: quote.context.label,
        ..QuoteContext::default()
    };
    context.before = before_window(doc, &context);
    context.cue_before = cue_in_window(doc, context.before.clone());
    let next_quote = doc.quotes.get(i + 1).map_or(usize::MAX, |q| q.span.start());
    context.after = cue_after(doc, quote, &context, next_quote).or_else(|| {
        // A quotation after a cue, even a passive one ("was asked if …"), belongs to it.
        let cue_before = context
            .before
            .clone()
            .any(|k| speech::cue_at(doc, k, context.before.end).is_some());
        (!cue_before && context.cue_before.is_none())
            .then(|| trailing_cue(doc, &context, next_quote))
            .flatten()
    });
    context
}

/// True when byte offset `at` is inside one of `quotes` (marks included), which are
/// sorted and disjoint.
pub fn inside_quote(quotes: &[Quote], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.span.end() <= at);
    quotes.get(i).is_some_and(|q| q.span.start() <= at)
}

/// True when one of `quotes` (sorted and disjoint) overlaps `span`.
pub fn overlaps_quote(quotes: &[Quote], span: Span) -> bool {
    let i = quotes.partition_point(|q| q.span.end() <= span.start());
    quotes.get(i).is_some_and(|q| q.span.start() < span.end())
}

/// The tokens of the quotation's sentence before it. When the quotation opens its
/// sentence right after a colon or comma ("Trump replied: “…”" split by a segmenter),
/// the window reaches back over the sentence before.
fn before_window(doc: &Document, context: &QuoteContext) -> Range<usize> {
    let (end, s) = (context.first_token, context.sentence);
    let floor = end.saturating_sub(BEFORE_WINDOW);
    let sentence = &doc.sentences[s];
    let start = sentence.tokens().start.min(end).max(floor);
    if start < end || s == 0 {
        return start..end;
    }
    let prev = &doc.sentences[s - 1];
    let last = prev.tokens().end.saturating_sub(1);
    if prev.paragraph() == sentence.paragraph() && matches!(speech::word(doc, last), ":" | ",") {
        prev.tokens().start.max(floor)..end
    } else {
        start..end
    }
}

/// The last active cue in `window` (a speech verb, or a characterizing verb with its
/// object), outside quotations. The window ends at the quotation.
fn cue_in_window(doc: &Document, window: Range<usize>) -> Option<Cue> {
    crate::steps::add(window.len());
    window.clone().rev().find_map(|i| {
        let cue = speech::cue_before(doc, i, window.end)?;
        let quoted = inside_quote(&doc.quotes, doc.tokens[i].start());
        (!quoted && speech::is_active(doc, i, window.start)).then_some(cue)
    })
}

/// Finds "QUOTE, SPEAKER CUE" or "QUOTE, CUE SPEAKER" (`next_quote` is where the next
/// quotation starts). The quotation must leave its sentence open (end in a comma,
/// question or exclamation mark, dash, or be followed by a comma): a quotation closed by
/// a full stop is followed by a new sentence, whose verb is not its cue ("…Tomahawks.”
/// Moscow has warned …").
fn cue_after(
    doc: &Document,
    quote: &Quote,
    context: &QuoteContext,
    next_quote: usize,
) -> Option<AfterCue> {
    let para_end = context.paragraph_tokens.end;
    let a = context.end_token;
    if a >= para_end {
        return None;
    }
    let open_ended = doc
        .slice(quote.inner)
        .ends_with([',', '!', '?', '—', '–', '-', '…', ';', ':']);
    if !open_ended && !matches!(speech::word(doc, a), "," | "—" | "–") {
        return None;
    }
    let mut first = a;
    while first < para_end && matches!(speech::word(doc, first), "," | "—" | "–" | "-") {
        first += 1;
    }
    let limit = after_window_end(doc, first, para_end, next_quote)?;
    (first..limit).find_map(|k| {
        let cue = speech::cue_at(doc, k, limit)?;
        Some(AfterCue { cue, first, limit })
    })
}

/// "Strike would “cripple” rail network, Amtrak warns": an attribution that closes the
/// quotation's sentence after a comma, a few words on. Between the quotation and the
/// comma there is no other quotation, cue or clause end.
fn trailing_cue(doc: &Document, context: &QuoteContext, next_quote: usize) -> Option<AfterCue> {
    let para_end = context.paragraph_tokens.end;
    let sentence_end = doc.sentences[context.sentence].tokens().end.min(para_end);
    let from = context.end_token;
    let comma =
        (from..sentence_end.min(from + TRAILING_GAP)).find(|&k| speech::word(doc, k) == ",")?;
    let plain = |k: usize| {
        doc.tokens[k].start() < next_quote
            && !speech::is_clause_end(doc, k)
            && speech::cue_at(doc, k, comma).is_none()
    };
    if !(from..comma).all(plain) {
        return None;
    }
    let first = comma + 1;
    let limit = after_window_end(doc, first, para_end, next_quote)?;
    let closes_sentence =
        limit == sentence_end || matches!(speech::word(doc, limit), "." | "!" | "?");
    let cue = (first..limit).find_map(|k| speech::cue_at(doc, k, limit))?;
    closes_sentence.then_some(AfterCue { cue, first, limit })
}

/// The end (exclusive) of the attribution window starting at token `first`: at most
/// `AFTER_WINDOW` tokens of `first`'s sentence and of the paragraph (which ends at token
/// `para_end`), stopping at the next quotation (at byte `next_quote`), at the end of a
/// clause and at a contrasting clause ("…, but it said"). `None` when there is no token
/// at `first`, or when a conjunction opens a clause of its own there ("…”, while X
/// cautioned": another speaker's words).
fn after_window_end(
    doc: &Document,
    first: usize,
    para_end: usize,
    next_quote: usize,
) -> Option<usize> {
    if speech::is_clause_conjunction(doc, first) {
        return None;
    }
    let sentence = doc.sentence_at(doc.tokens.get(first)?.start());
    let mut limit = first;
    while limit < first + AFTER_WINDOW && limit < para_end {
        let at = doc.tokens[limit].start();
        let stop = at >= next_quote
            || (limit > first
                && (!in_sentence(doc, at, sentence)
                    || speech::is_clause_end(doc, limit)
                    || opens_contrast(doc, limit)));
        if stop {
            break;
        }
        limit += 1;
    }
    Some(limit)
}

/// True when token `i` is a conjunction other than "and" opening a clause ("…, but it
/// said nothing"): that clause's cue is not the quotation's. "and" may join speakers
/// ("Nick Clegg, its president, and Jane Roe wrote").
fn opens_contrast(doc: &Document, i: usize) -> bool {
    speech::is_clause_conjunction(doc, i) && !speech::word(doc, i).eq_ignore_ascii_case("and")
}

/// `doc.sentence_at(at) == sentence`, where `sentence` is itself a result of
/// `sentence_at`: a known sentence is checked by its span, without a search.
fn in_sentence(doc: &Document, at: usize, sentence: Option<usize>) -> bool {
    match sentence {
        Some(s) => doc.sentences[s].span.start() <= at && at < doc.sentences[s].span.end(),
        None => doc.sentence_at(at).is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn quoted(text: &str) -> Document<'_> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        crate::quotes::run(&mut d);
        d
    }

    fn context_of<'d>(d: &'d Document, words: &str) -> &'d QuoteContext {
        let q = d.quotes.iter().find(|q| d.slice(q.inner) == words);
        &q.unwrap().context
    }

    #[test]
    fn after_cue_needs_an_open_ended_quotation() {
        let d = quoted("He said Russia was “afraid of Tomahawks.” Moscow has warned of it.");
        assert!(context_of(&d, "afraid of Tomahawks.").after.is_none());

        let d = quoted("“We want this,” he said.");
        let after = context_of(&d, "We want this,").after.unwrap();
        assert_eq!(d.slice(after.cue.span), "said");
        assert_eq!(speech::word(&d, after.first), "he");
    }

    #[test]
    fn after_cue_stops_at_a_clause_of_its_own() {
        let d = quoted("Analysts called it “wildly optimistic”, while Petra Lindqvist cautioned that “the bottom is not in”.");
        assert!(context_of(&d, "wildly optimistic").after.is_none());
        let d = quoted("Strike would “cripple” the network, but Amtrak says otherwise.");
        assert!(context_of(&d, "cripple").after.is_none());
        // The quotation's own attribution is still found.
        let d = quoted("“It is over,” Petra Lindqvist said, while others left.");
        let after = context_of(&d, "It is over,").after.unwrap();
        assert_eq!(d.slice(after.cue.span), "said");
    }

    #[test]
    fn after_cue_reaches_past_two_appositions_but_not_into_a_contrast() {
        let d = quoted("“Stop,” Nick Hale, the company’s president of global affairs, and Jo Lund, its chief legal officer, wrote.");
        let after = context_of(&d, "Stop,").after.unwrap();
        assert_eq!(d.slice(after.cue.span), "wrote");
        let d = quoted("“Come here,” Anna waved to the dog, but it said nothing.");
        assert!(context_of(&d, "Come here,").after.is_none());
    }

    #[test]
    fn before_cue_skips_passive_and_quoted_cues() {
        let d =
            quoted("When Trump was asked if Putin was “working him” just to buy time, he smiled.");
        assert!(context_of(&d, "working him").cue_before.is_none());

        let d = quoted("The Kremlin said “a lot needs to be decided” and it may come “a little later” than that.");
        let cue = context_of(&d, "a little later").cue_before.unwrap();
        assert_eq!(d.slice(cue.span), "said");
        // A cue inside a quotation is no cue of a later one.
        let d = quoted("“They said no” was all, and “then” more.");
        assert!(context_of(&d, "then").cue_before.is_none());
    }

    #[test]
    fn before_window_reaches_over_a_colon_sentence_break() {
        let d = quoted("Trump replied:\n“No.”\nThen: “Yes.”");
        let yes = context_of(&d, "Yes.");
        assert!(!yes.before.is_empty());
        assert_eq!(speech::word(&d, yes.before.start), "Then");
        // Not across paragraphs.
        assert!(context_of(&d, "No.").before.is_empty());
    }

    #[test]
    fn places_match_the_document_searches() {
        let text = "First one. Second “one,” he said.\n\n\u{200b}\n\nLast “x” here “y";
        let d = quoted(text);
        assert_eq!(d.quotes.len(), 3);
        for q in &d.quotes {
            let c = &q.context;
            assert_eq!(c.first_token, d.token_at_or_after(q.span.start()));
            assert_eq!(c.end_token, d.token_at_or_after(q.span.end()));
            assert_eq!(Some(c.sentence), d.sentence_at(q.span.start()));
            let para = d.paragraphs[c.paragraph].span;
            assert!(para.contains(q.span));
            let tokens = &d.tokens[c.paragraph_tokens.clone()];
            assert!(tokens.iter().all(|t| para.contains(t.span())));
        }
    }

    #[test]
    fn quoted_offsets_and_spans() {
        let d = quoted("“Yes.” He said “no” then.");
        let (yes, no) = (d.quotes[0].span, d.quotes[1].span);
        for at in 0..d.text.len() + 2 {
            let inside = yes.range().contains(&at) || no.range().contains(&at);
            assert_eq!(inside_quote(&d.quotes, at), inside, "{at}");
        }
        assert!(overlaps_quote(&d.quotes, Span::new(6, yes.end() + 12)));
        assert!(!overlaps_quote(&d.quotes, Span::new(yes.end(), no.start())));
        assert!(overlaps_quote(
            &d.quotes,
            Span::new(no.end() - 1, no.end() + 3)
        ));
    }
}
