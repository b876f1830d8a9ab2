//! Quotations: finds quotation spans paragraph by paragraph from the quote marks
//! (`marks`: apostrophes never open or close, nested quotes stay inside the outer one),
//! joins split and multi-paragraph quotations into groups, and gives each its kind
//! (`kind`: direct, partial, scare). Speakers are set later, by `attribution`, once
//! entities are known. Relies on `segment` (paragraphs, tokens, sentences).
//!
//! A quotation left open at the end of a paragraph continues into the next paragraph
//! when that one starts with an opening mark (news style); the two are reported as
//! linked parts: one quotation per paragraph, sharing a `group`. Otherwise it stops at
//! its paragraph's end, is flagged `unclosed` and a warning is added: an unbalanced mark
//! never swallows the rest of the article.

pub mod context;
pub mod kind;
pub mod marks;
pub mod places;

use crate::attribution::cues;
use crate::document::{Document, Quote, QuoteKind, Span};
use context::QuotedSpans;
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
    /// The quotation goes on in the next paragraph (news-style continuation).
    continues: bool,
    unclosed: bool,
}

/// Fills `doc.quotes` (speakers unset).
pub fn run(doc: &mut Document) {
    let parts = find_parts(doc);
    let quoted = QuotedSpans::new(doc, parts.iter().map(|p| p.found.span).collect());
    let mut kinds: Vec<QuoteKind> = parts
        .iter()
        .map(|p| kind::classify(doc, p.found.span, p.found.inner, &quoted))
        .collect();
    let links = link_parts(doc, &parts, &kinds, &quoted);
    let groups = number_groups(&links);
    // Parts of one utterance share the kind of its first part.
    for i in 1..parts.len() {
        if groups[i] == groups[i - 1] && links[i - 1] == Link::Continuation {
            kinds[i] = kinds[i - 1];
        }
    }
    doc.quotes = parts
        .iter()
        .zip(kinds)
        .zip(groups)
        .map(|((p, kind), group)| Quote {
            span: p.found.span,
            inner: p.found.inner,
            kind,
            sentence: quoted.place(doc, p.found.span).sentence.unwrap_or(0),
            group,
            speaker: None,
            cue: None,
            unclosed: p.unclosed,
        })
        .collect();
}

/// Scans every paragraph and decides, for quotations left open, between continuation
/// and unclosed (with a warning).
fn find_parts(doc: &mut Document) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut warnings = Vec::new();
    for (index, para) in doc.paragraphs.iter().enumerate() {
        let (found, pending) = marks::scan_paragraph(doc.text, para.span);
        let next = doc.paragraphs.get(index + 1).map(|p| doc.slice(p.span));
        let continues = pending.is_some_and(|(_, ch)| next.is_some_and(|n| opens_like(n, ch)));
        // An open straight single mark that nothing continues was an apostrophe.
        let pending = pending.filter(|&(_, ch)| ch != '\'' || continues);
        for f in found {
            if pending.is_some_and(|(at, _)| f.span.start() > at) {
                continue; // nested inside the quotation left open
            }
            if !f.closed {
                warnings.push(unclosed_warning(doc, index, f));
            }
            if !f.inner.is_empty() {
                parts.push(Part {
                    found: f,
                    continues: false,
                    unclosed: !f.closed,
                });
            }
        }
        if let Some(open) = pending {
            let f = marks::to_paragraph_end(doc.text, open, para.span.end());
            if !continues {
                warnings.push(unclosed_warning(doc, index, f));
            }
            if !f.inner.is_empty() {
                parts.push(Part {
                    found: f,
                    continues,
                    unclosed: !continues,
                });
            }
        }
    }
    parts.sort_by_key(|p| p.found.span.start());
    let dropped = warnings.len().saturating_sub(MAX_WARNINGS);
    warnings.truncate(MAX_WARNINGS);
    if dropped > 0 {
        warnings.push(format!("{dropped} more unclosed quotations"));
    }
    doc.warnings.extend(warnings);
    parts
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

fn link_parts(
    doc: &Document,
    parts: &[Part],
    kinds: &[QuoteKind],
    quoted: &QuotedSpans,
) -> Vec<Link> {
    (0..parts.len())
        .map(|i| {
            let Some(next) = parts.get(i + 1) else {
                return Link::None;
            };
            let this = &parts[i];
            if this.continues && starts_paragraph(doc, next.found.span) {
                Link::Continuation
            } else if is_split(doc, this, next, kinds[i], kinds[i + 1], quoted) {
                Link::Split
            } else {
                Link::None
            }
        })
        .collect()
}

fn starts_paragraph(doc: &Document, span: Span) -> bool {
    doc.paragraphs
        .binary_search_by_key(&span.start(), |p| p.span.start())
        .is_ok()
}

/// “A,” he said, “B.” — B has no cue of its own, follows A's attribution closely in the
/// same paragraph, and A left its sentence open.
fn is_split(
    doc: &Document,
    a: &Part,
    b: &Part,
    kind_a: QuoteKind,
    kind_b: QuoteKind,
    quoted: &QuotedSpans,
) -> bool {
    if kind_a == QuoteKind::Scare || kind_b == QuoteKind::Scare {
        return false;
    }
    let (place_a, place_b) = (
        quoted.place(doc, a.found.span),
        quoted.place(doc, b.found.span),
    );
    // Comparing paragraphs equals comparing their token ranges, because a paragraph
    // holding a quote mark has at least one token.
    if place_a.paragraph != place_b.paragraph {
        return false;
    }
    let gap_start = place_a.end_token;
    let gap_end = place_b.first_token;
    if gap_end.saturating_sub(gap_start) > SPLIT_GAP_TOKENS {
        return false;
    }
    let a_cue = context::cue_after(doc, a.found.span, a.found.inner, quoted);
    let a_attributed = a_cue.is_some_and(|c| c.cue.first < gap_end);
    if !a_attributed || context::cue_after(doc, b.found.span, b.found.inner, quoted).is_some() {
        return false; // A unattributed, or B attributed
    }
    let b_cue_between = (gap_start..gap_end)
        .any(|i| cues::cue_at(doc, i, gap_end).is_some() && a_cue.is_none_or(|c| c.cue.first != i));
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
    fn no_quotes_in_plain_text_with_apostrophes() {
        let d = quotes("Russia’s army and the ’90s don’t matter to O'Brien's rock ’n’ roll.");
        assert!(d.quotes.is_empty());
        assert!(d.warnings.is_empty());
    }
}
