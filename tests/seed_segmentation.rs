//! Segmentation of the seed article (`fixtures/seed-article.txt`): one paragraph per line,
//! its headings and boilerplate, and sentence boundaries around quotations.

use byline::ParagraphKind;

const SEED: &str = include_str!("../fixtures/seed-article.txt");

fn paragraph_texts(doc: &byline::Document) -> Vec<(String, ParagraphKind)> {
    doc.paragraphs
        .iter()
        .map(|p| (doc.slice(p.span).to_string(), p.kind))
        .collect()
}

#[test]
fn seed_lines_are_35_paragraphs() {
    let doc = byline::annotate(SEED);
    let lines: Vec<&str> = SEED.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 35);
    let paragraphs = paragraph_texts(&doc);
    assert_eq!(paragraphs.len(), 35);
    for (line, (text, _)) in lines.iter().zip(&paragraphs) {
        assert_eq!(line.trim(), text);
    }
}

#[test]
fn seed_paragraph_kinds() {
    let doc = byline::annotate(SEED);
    let paragraphs = paragraph_texts(&doc);
    let headings = [
        "“To find each other a little”",
        "Escalation of war",
        "Analysts see the talks as a delaying tactic",
    ];
    let last = paragraphs.len() - 1;
    for (i, (text, kind)) in paragraphs.iter().enumerate() {
        let want = if headings.contains(&text.as_str()) {
            ParagraphKind::Heading
        } else if text == "Source :Skai" || i == last {
            ParagraphKind::Boilerplate
        } else {
            ParagraphKind::Body
        };
        assert_eq!(*kind, want, "paragraph {i}: {text}");
    }
    assert!(paragraphs[last].0.contains("freelance writer"));
}

#[test]
fn seed_sentences_follow_quotations() {
    let doc = byline::annotate(SEED);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
    let has = |s: &str| sentences.contains(&s);
    // A quotation of several sentences is several sentences; the last one carries the
    // attribution.
    assert!(has("“We want this."));
    assert!(has("Putin doesn’t want it,” he said."));
    // A sentence ending inside a quotation ends after the closing mark.
    assert!(has(
        "After Friday’s talks, Zelensky said Russia was “afraid of Tomahawks.”"
    ));
    assert!(has(
        "Moscow has warned that providing such missiles would constitute a serious escalation."
    ));
    // A colon before a quotation does not end the sentence; decimals do not either.
    assert!(has(
        "Trump replied: “We’d rather you didn’t need Tomahawk.”"
    ));
    assert!(sentences.iter().any(|s| s
        .starts_with("More than 3.5 years after Russia invaded Ukraine")
        && s.ends_with("this year.")));
    // Sentences never cross a paragraph.
    for s in &doc.sentences {
        let p = &doc.paragraphs[s.paragraph()];
        assert!(p.span.contains(s.span));
    }
    assert_eq!(sentences.len(), 55);
}

#[test]
fn seed_with_crlf_line_ends_segments_alike() {
    let crlf = SEED.replace('\n', "\r\n");
    let (a, b) = (byline::annotate(SEED), byline::annotate(&crlf));
    assert_eq!(a.paragraphs.len(), b.paragraphs.len());
    assert_eq!(a.sentences.len(), b.sentences.len());
    for (x, y) in a.sentences.iter().zip(&b.sentences) {
        assert_eq!(a.slice(x.span), b.slice(y.span));
    }
}
