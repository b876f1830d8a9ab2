//! Paragraphs: where they are and what kind they are.
//!
//! Splitting: a line break ends a paragraph, as in the seed article and most saved web
//! text; but in hard-wrapped text (lines broken at a fixed width inside paragraphs, as in
//! e-mail or wire copy) only blank lines do. CR, LF and CRLF are all line breaks.
//!
//! Kinds (set after sentence splitting, since they look at sentences): `heading` for a
//! short line without sentence-final punctuation or a quoted headline, `boilerplate` for
//! source and credit lines and a trailing author bio, `body` for the rest.

use crate::document::{Document, Paragraph, ParagraphKind, Span};

/// A line of the text, without its line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\r' => {
                out.push(line(text, start, i));
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(line(text, start, bytes.len()));
    }
    out
}

fn line(text: &str, start: usize, end: usize) -> Line {
    let body = text.get(start..end).unwrap_or("");
    let trimmed_start = start + (body.len() - body.trim_start().len());
    let trimmed_end = start + body.trim_end().len();
    let blank = trimmed_end <= trimmed_start;
    Line {
        span: Span::new(trimmed_start, trimmed_end.max(trimmed_start)),
        blank,
    }
}

/// Splits `text` into paragraphs (kinds are set later by [`classify`]).
pub fn split(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    let wrapped = is_hard_wrapped(text, &lines);
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    for l in &lines {
        if l.blank {
            if let Some(span) = current.take() {
                paragraphs.push(paragraph(span));
            }
            continue;
        }
        current = match current {
            Some(span) if wrapped => Some(Span::new(span.start, l.span.end)),
            Some(span) => {
                paragraphs.push(paragraph(span));
                Some(l.span)
            }
            None => Some(l.span),
        };
    }
    if let Some(span) = current {
        paragraphs.push(paragraph(span));
    }
    paragraphs
}

fn paragraph(span: Span) -> Paragraph {
    Paragraph {
        span,
        kind: ParagraphKind::Body,
        sentences: 0..0,
    }
}

/// Hard-wrapped text has blank lines between paragraphs and, inside them, runs of lines
/// that break mid-sentence at a similar width. Texts with one paragraph per line break
/// end most lines with sentence punctuation.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    let mut joined = 0usize; // non-blank lines followed by a non-blank line
    let mut mid_sentence = 0usize; // ... that end without sentence-final punctuation
    let mut has_blank = false;
    let mut long_lines = 0usize;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        has_blank |= a.blank;
        if a.blank || b.blank {
            continue;
        }
        joined += 1;
        let body = text.get(a.span.start..a.span.end).unwrap_or("");
        if body.chars().count() > 100 {
            long_lines += 1;
        }
        let last = body.chars().last().unwrap_or('.');
        if !matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ':' | ')') {
            mid_sentence += 1;
        }
    }
    has_blank && joined >= 2 && mid_sentence * 2 > joined && long_lines * 10 < joined
}

/// Sets each paragraph's kind.
pub fn classify(doc: &mut Document) {
    let count = doc.paragraphs.len();
    for i in 0..count {
        let span = doc.paragraphs[i].span;
        let body = doc.slice(span);
        let kind = if is_boilerplate(body, i, count) {
            ParagraphKind::Boilerplate
        } else if is_heading(body) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        doc.paragraphs[i].kind = kind;
    }
}

const BOILERPLATE_PREFIXES: &[&str] = &[
    "source:",
    "source :",
    "sources:",
    "photo:",
    "photo credit",
    "image:",
    "credit:",
    "read more",
    "advertisement",
    "reporting by",
    "editing by",
    "additional reporting",
    "copyright",
    "©",
    "all rights reserved",
    "related:",
    "follow us",
    "subscribe",
];

fn is_boilerplate(body: &str, index: usize, count: usize) -> bool {
    let lower = body.to_lowercase();
    if BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // A closing author bio: near the end, in the first person, about the writer's work.
    let near_end = index + 2 >= count;
    near_end
        && (lower.starts_with("i ") || lower.contains(" i ") || lower.contains(", i "))
        && [
            "journalis",
            "writer",
            "editor",
            "reporter",
            "correspondent",
            "author",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

fn is_heading(body: &str) -> bool {
    let words = body.split_whitespace().count();
    if words == 0 || words > 14 {
        return false;
    }
    let trimmed = body.trim_end_matches(['"', '”', '’', '\'', '»']);
    let quoted_whole = body.starts_with(['“', '"', '‘', '«']) && trimmed.len() < body.len();
    let last = trimmed.chars().last().unwrap_or('.');
    let ends_sentence = matches!(last, '.' | '!' | '?' | ':' | ';' | ',');
    let first = body.chars().next().unwrap_or('a');
    let starts_upper = first.is_uppercase() || first.is_numeric() || quoted_whole;
    !ends_sentence && starts_upper
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text)
            .iter()
            .map(|p| &text[p.span.start..p.span.end])
            .collect()
    }

    #[test]
    fn single_newlines_separate_paragraphs() {
        assert_eq!(
            texts("One.\nTwo.\r\nThree.\rFour."),
            ["One.", "Two.", "Three.", "Four."]
        );
    }

    #[test]
    fn hard_wrapped_text_joins_lines() {
        let text = "The council met on Monday and\nvoted to close the old bridge\nfor repairs.\n\nA second paragraph\nstarts here.";
        assert_eq!(
            texts(text),
            [
                "The council met on Monday and\nvoted to close the old bridge\nfor repairs.",
                "A second paragraph\nstarts here."
            ]
        );
    }

    #[test]
    fn headings_and_boilerplate() {
        assert!(is_heading("Escalation of war"));
        assert!(is_heading("“To find each other a little”"));
        assert!(!is_heading("He left."));
        assert!(is_boilerplate("Source :Skai", 3, 10));
        assert!(is_boilerplate(
            "Currently, I work as a freelance writer and editor.",
            9,
            10
        ));
    }
}
