//! Quotations: finds quotation spans paragraph by paragraph from the tokenizer's quote
//! marks (`marks`: apostrophes never open or close, nested quotes stay inside the outer
//! one), records each one's place and cues once (`context`), joins split and
//! multi-paragraph quotations into groups, and gives each its kind (`kind`: direct,
//! partial, scare). Speakers are set later, by `attribution`, from the same context once
//! entities are known. Relies on `segment` (paragraphs, tokens, sentences) and `speech`.
//!
//! A quotation left open at the end of a paragraph continues into the next paragraph
//! when that one starts with an opening mark (news style); the two are reported as
//! linked parts: one quotation per paragraph, sharing a `group`. Otherwise it stops at
//! its paragraph's end, is flagged `unclosed` and a warning is added: an unbalanced mark
//! never swallows the rest of the article.

pub mod context;
pub mod echo;
pub mod interview;
pub mod kind;
pub mod marks;

use crate::document::{Document, Quote, QuoteContext, QuoteKind, Span};
use crate::limits;
use crate::speech;
use marks::Found;

/// At most this many unclosed-quotation warnings are written per document.
const MAX_WARNINGS: usize = 20;

/// A split quotation's parts are at most this many tokens apart ("“A,” Trump told
/// reporters as he left for his home in West Palm Beach, Florida. “B.”").
const SPLIT_GAP_TOKENS: usize = 24;

/// One quotation found in a paragraph, before kinds and groups.
#[derive(Debug, Clone, Copy)]
struct Part {
    found: Found,
    /// The index of its paragraph.
    paragraph: usize,
    /// The quotation goes on in the next paragraph (news-style continuation).
    continues: bool,
    unclosed: bool,
    /// The speaker label of a transcript paragraph (see `interview`).
    label: Option<Span>,
}

impl Part {
    /// The quotation, its kind, group and context not yet known.
    fn quote(&self) -> Quote {
        Quote {
            span: self.found.span,
            inner: self.found.inner,
            kind: QuoteKind::Direct,
            sentence: 0,
            group: 0,
            speaker: None,
            cue: None,
            unclosed: self.unclosed,
            context: QuoteContext {
                label: self.label,
                ..QuoteContext::default()
            },
        }
    }

    /// The words of a labelled transcript paragraph, as a quotation.
    fn of_label(doc: &Document, labelled: &interview::Labelled) -> Part {
        let inner = marks::trim(doc.text, labelled.words);
        Part {
            found: Found {
                span: inner,
                inner,
                opener: ':',
                closed: true,
                reopened: false,
            },
            paragraph: labelled.paragraph,
            continues: false,
            unclosed: false,
            label: Some(labelled.label),
        }
    }
}

/// Fills `doc.quotes` (speakers unset).
pub fn run(doc: &mut Document) {
    let parts = find_parts(doc);
    doc.quotes = parts.iter().map(Part::quote).collect();
    context::fill(doc, parts.iter().map(|p| p.paragraph));
    echo::link(doc);
    let mut kinds: Vec<QuoteKind> = doc
        .quotes
        .iter()
        .map(|q| match q.context.label {
            Some(_) => QuoteKind::Direct,
            None => kind::classify(doc, q),
        })
        .collect();
    // A headline quotation that the article repeats is speech, like its repetition.
    for (i, quote) in doc.quotes.iter().enumerate() {
        if let Some(echo) = quote.context.echo_of {
            if kinds[i] == QuoteKind::Scare && kinds[echo] != QuoteKind::Scare {
                kinds[i] = QuoteKind::Direct;
            }
        }
    }
    let links = link_parts(doc, &parts, &kinds);
    let groups = number_groups(&links);
    let mut kind = QuoteKind::Direct;
    let mut previous = Link::None;
    for (i, quote) in doc.quotes.iter_mut().enumerate() {
        // The parts of a quotation continued over paragraphs share its first part's kind.
        if previous != Link::Continuation {
            kind = kinds[i];
        }
        quote.kind = kind;
        previous = links[i];
        quote.group = groups[i];
        quote.sentence = quote.context.sentence;
    }
}

/// Scans every paragraph and decides, for quotations left open, between continuation
/// and unclosed (with a warning).
fn find_parts(doc: &mut Document) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut warnings = Vec::new();
    let mut limited = false;
    let mut labelled = interview::find(doc).into_iter().peekable();
    for index in 0..doc.paragraphs.len() {
        match labelled.next_if(|l| l.paragraph == index) {
            // Quotation marks inside a speaker's words are nested in them.
            Some(l) => parts.push(Part::of_label(doc, &l)),
            None => warnings.extend(paragraph_parts(doc, index, &mut parts, &mut limited)),
        }
    }
    parts.sort_by_key(|p| p.found.span.start());
    let dropped = warnings.len().saturating_sub(MAX_WARNINGS);
    warnings.truncate(MAX_WARNINGS);
    if dropped > 0 {
        warnings.push(format!("{dropped} more unclosed quotations"));
    }
    if limited {
        warnings.push(limits::QUOTATIONS.warning());
    }
    doc.warnings.extend(warnings);
    parts
}

/// Adds the quotations of paragraph `index` to `parts`; returns the warnings for those
/// left unclosed, and sets `limited` when [`limits::QUOTATIONS`] left some out.
fn paragraph_parts(
    doc: &Document,
    index: usize,
    parts: &mut Vec<Part>,
    limited: &mut bool,
) -> Vec<String> {
    let para = doc.paragraphs[index].span;
    let tokens = doc.token_at_or_after(para.start())..doc.token_at_or_after(para.end());
    let (found, pending, passed_over) =
        marks::scan_paragraph(doc.text, para, &doc.tokens[tokens], parts.len());
    *limited |= passed_over;
    let next = doc.paragraphs.get(index + 1).map(|p| doc.slice(p.span));
    let continues = pending.is_some_and(|(_, ch)| next.is_some_and(|n| opens_like(n, ch)));
    // An open straight single mark that nothing continues was an apostrophe.
    let pending = pending.filter(|&(_, ch)| ch != '\'' || continues);
    let mut warnings = Vec::new();
    let mut push = |found: Found, continues: bool| {
        let continues = continues || found.reopened;
        let unclosed = !found.closed && !continues;
        if unclosed {
            warnings.push(unclosed_warning(doc, index, found));
        }
        if !found.inner.is_empty() {
            parts.push(Part {
                found,
                paragraph: index,
                continues,
                unclosed,
                label: None,
            });
        }
    };
    // Quotations after the one left open are nested inside it.
    let before_pending = |f: &Found| pending.is_none_or(|(at, _)| f.span.start() <= at);
    for f in found.into_iter().filter(before_pending) {
        push(f, false);
    }
    if let Some(open) = pending {
        push(
            marks::to_paragraph_end(doc.text, open, para.end()),
            continues,
        );
    }
    warnings
}

/// True when `paragraph` starts with an opening mark of the same family (double or
/// single) as `opener`, which is how news style continues a quotation.
fn opens_like(paragraph: &str, opener: char) -> bool {
    let first = paragraph.trim_start().chars().next();
    first.is_some_and(|c| {
        marks::is_mark(c)
            && marks::is_single(c) == marks::is_single(opener)
            && !matches!(c, '”' | '’' | '»' | '」' | '』')
    })
}

fn unclosed_warning(doc: &Document, paragraph: usize, f: Found) -> String {
    let start: String = doc.slice(f.inner).chars().take(40).collect();
    format!(
        "unclosed quotation in paragraph {} (“{}…”): it stops at the paragraph's end",
        paragraph + 1,
        start.trim_end()
    )
}

/// How a part relates to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    None,
    /// The next part continues this quotation in the next paragraph.
    Continuation,
    /// The next part is the rest of a split quotation (“A,” he said, “B.”).
    Split,
}

fn link_parts(doc: &Document, parts: &[Part], kinds: &[QuoteKind]) -> Vec<Link> {
    (0..parts.len())
        .map(|i| {
            if i + 1 == parts.len() {
                Link::None
            } else if parts[i].continues
                && (parts[i].found.reopened || starts_paragraph(doc, &doc.quotes[i + 1]))
            {
                Link::Continuation
            } else if is_split(doc, i, kinds) {
                Link::Split
            } else {
                Link::None
            }
        })
        .collect()
}

fn starts_paragraph(doc: &Document, quote: &Quote) -> bool {
    doc.paragraphs[quote.context.paragraph].span.start() == quote.span.start()
}

/// “A,” he said, “B.” — quotations `i` (A) and `i + 1` (B): B has no cue of its own,
/// follows A's attribution closely in the same paragraph, and A left its sentence open.
fn is_split(doc: &Document, i: usize, kinds: &[QuoteKind]) -> bool {
    if kinds[i] == QuoteKind::Scare || kinds[i + 1] == QuoteKind::Scare {
        return false;
    }
    let (a, b) = (&doc.quotes[i].context, &doc.quotes[i + 1].context);
    let (gap_start, gap_end) = (a.end_token, b.first_token);
    if a.paragraph != b.paragraph || gap_end.saturating_sub(gap_start) > SPLIT_GAP_TOKENS {
        return false;
    }
    let Some(a_cue) = a.after.filter(|c| c.cue.first < gap_end) else {
        return false; // A unattributed
    };
    if b.after.is_some() {
        return false; // B attributed
    }
    let b_cue_between = (gap_start..gap_end)
        .any(|k| k != a_cue.cue.first && speech::cue_at(doc, k, gap_end).is_some());
    !b_cue_between
}

/// Numbers groups from 0 in text order: linked parts share their first part's group.
fn number_groups(links: &[Link]) -> Vec<usize> {
    let mut groups = Vec::with_capacity(links.len());
    let mut group = 0;
    for i in 0..links.len() {
        if i > 0 && links[i - 1] == Link::None {
            group += 1;
        }
        groups.push(group);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn quotes(text: &str) -> Document<'_> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        run(&mut d);
        d
    }

    fn texts<'t>(d: &Document<'t>) -> Vec<&'t str> {
        d.quotes.iter().map(|q| d.slice(q.inner)).collect()
    }

    #[test]
    fn split_quotation_is_one_group() {
        let d = quotes("“Stop at the front line,” Trump told reporters. “Let the killings stop.”");
        assert_eq!(
            texts(&d),
            ["Stop at the front line,", "Let the killings stop."]
        );
        assert_eq!(d.quotes[0].group, d.quotes[1].group);
    }

    #[test]
    fn separate_utterances_get_separate_groups() {
        let d = quotes("“Yes,” he said. “No,” she replied.");
        assert_eq!(d.quotes.len(), 2);
        assert_ne!(d.quotes[0].group, d.quotes[1].group);
        assert_eq!(d.quotes[0].group, 0);
        assert_eq!(d.quotes[1].group, 1);
    }

    #[test]
    fn multi_paragraph_quotation_is_linked_parts() {
        let text = "He said: “We will fight on the beaches.\n“We shall never surrender,” he added.\nThen he left.";
        let d = quotes(text);
        assert_eq!(
            texts(&d),
            ["We will fight on the beaches.", "We shall never surrender,"]
        );
        assert_eq!(d.quotes[0].group, d.quotes[1].group);
        assert!(!d.quotes[0].unclosed);
        assert!(d.warnings.is_empty());
        assert_eq!(d.quotes[0].kind, d.quotes[1].kind);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end_with_warning() {
        let text = "He said “we will go on and on.\nThe next paragraph is narration, “not a quote” at all.";
        let d = quotes(text);
        assert_eq!(d.quotes[0].span.end(), text.find('\n').unwrap());
        assert!(d.quotes[0].unclosed);
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(texts(&d)[1], "not a quote");
    }

    #[test]
    fn a_quotation_reopened_after_a_lost_paragraph_break_is_one_group() {
        let d = quotes(
            "Ms Harlow said: “Trade has been frantic. “Every weekend is busier.” Then rain.",
        );
        assert_eq!(
            texts(&d),
            ["Trade has been frantic.", "Every weekend is busier."]
        );
        assert_eq!(d.quotes[0].group, d.quotes[1].group);
        assert!(!d.quotes[0].unclosed);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn transcript_paragraphs_are_direct_quotations() {
        let d = quotes("We asked her.\nQ: Why now?\nA: The herring moved. “Food” matters.");
        assert_eq!(
            texts(&d),
            ["Why now?", "The herring moved. “Food” matters."]
        );
        assert!(d.quotes.iter().all(|q| q.kind == QuoteKind::Direct));
        assert!(d.quotes.iter().all(|q| q.context.label.is_some()));
    }

    #[test]
    fn no_quotes_in_plain_text_with_apostrophes() {
        let d = quotes("Russia’s army and the ’90s don’t matter to O'Brien's rock ’n’ roll.");
        assert!(d.quotes.is_empty());
        assert!(d.warnings.is_empty());
    }
}
