//! Property tests for segmentation: on any text built from the characters the rules look
//! at (periods, ellipses, quotation marks, brackets, list markers, line ends of every
//! kind, multi-byte letters), segmentation never panics, and paragraphs, tokens and
//! sentences are well-formed: ordered, non-overlapping, non-empty, on char boundaries,
//! tokens and sentences inside their paragraph, each sentence's tokens its own.

use proptest::prelude::*;

const PIECES: [&str; 40] = [
    "word",
    "Word",
    "U.S.",
    "Mr.",
    "p.",
    "J.",
    "a.m.",
    "No.",
    "3.5",
    "1.",
    "2)",
    "a.",
    "•",
    ".",
    ". ",
    "...",
    ". . .",
    "…",
    "!",
    "?",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[1]",
    "[",
    "]",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "é",
    "Зеленський",
    "外務省。",
    "x@y.com",
];

fn check(text: &str) {
    let doc = byline::annotate(text);
    let mut last = 0;
    for p in &doc.paragraphs {
        assert!(
            p.span.start() >= last && p.span.start() < p.span.end() && p.span.end() <= text.len()
        );
        assert!(text.is_char_boundary(p.span.start()) && text.is_char_boundary(p.span.end()));
        last = p.span.end();
    }
    let mut last = 0;
    for t in &doc.tokens {
        assert!(t.span().start() >= last && t.span().start() < t.span().end());
        assert!(text.is_char_boundary(t.span().start()) && text.is_char_boundary(t.span().end()));
        assert!(
            doc.paragraphs.iter().any(|p| p.span.contains(t.span())),
            "token outside every paragraph"
        );
        last = t.span().end();
    }
    let mut last = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(s.span.start() >= last && s.span.start() < s.span.end());
        let paragraph = &doc.paragraphs[s.paragraph()];
        assert!(
            paragraph.span.contains(s.span),
            "sentence crosses its paragraph"
        );
        assert!(paragraph.sentences().contains(&i));
        let tokens = doc.sentence_tokens(i);
        assert!(!tokens.is_empty());
        assert_eq!(tokens[0].span().start(), s.span.start());
        assert_eq!(tokens[tokens.len() - 1].span().end(), s.span.end());
        last = s.span.end();
    }
    // Every token belongs to exactly one sentence.
    let covered: usize = doc.sentences.iter().map(|s| s.tokens().len()).sum();
    assert_eq!(covered, doc.tokens.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn segmentation_is_well_formed(picks in prop::collection::vec(0usize..PIECES.len(), 0..60)) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        check(&text);
    }

    #[test]
    fn arbitrary_strings_do_not_panic(text in "\\PC{0,200}") {
        check(&text);
    }
}

#[test]
fn line_end_styles_give_the_same_sentences() {
    let lf = "Escalation of war\nMr. Smith met J. D. Vance. “We want this. Putin doesn’t,” he said.\nSource :Skai\n";
    let variants = [lf.replace('\n', "\r\n"), lf.replace('\n', "\r")];
    let base = byline::annotate(lf);
    let texts = |doc: &byline::Document| -> Vec<String> {
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    };
    for v in &variants {
        let doc = byline::annotate(v);
        assert_eq!(texts(&doc), texts(&base));
        let kinds = |d: &byline::Document| d.paragraphs.iter().map(|p| p.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&doc), kinds(&base));
    }
    assert_eq!(texts(&base).len(), 5);
}
