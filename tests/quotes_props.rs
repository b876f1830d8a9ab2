//! Property tests for quotations: random quote marks and apostrophes inserted into real
//! news text never make byline panic, every quotation span lies within the text on char
//! boundaries, quotations never overlap, and every speaker points at an existing entity.

use proptest::prelude::*;

const SEED: &str = include_str!("../fixtures/seed-article.txt");

const MARKS: [&str; 20] = [
    "\"", "'", "“", "”", "‘", "’", "«", "»", "‹", "›", "„", "‚", "「", "」", "\n", "\n“", "’s",
    " '", "\" ", "”\n",
];

/// The seed article's first `len` bytes (cut back to a char boundary) with `inserts`
/// (position fraction, mark index) applied.
fn mutate(len: usize, inserts: &[(f64, usize)]) -> String {
    let mut cut = len.min(SEED.len());
    while !SEED.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut text = SEED[..cut].to_string();
    for &(at, mark) in inserts {
        let mut pos = ((text.len() as f64) * at) as usize;
        while pos > 0 && !text.is_char_boundary(pos) {
            pos -= 1;
        }
        text.insert_str(pos.min(text.len()), MARKS[mark % MARKS.len()]);
    }
    text
}

fn check(text: &str) {
    let doc = byline::annotate(text);
    let mut last_end = 0;
    for q in &doc.quotes {
        assert!(q.span.start() <= q.span.end() && q.span.end() <= text.len());
        assert!(text.is_char_boundary(q.span.start()) && text.is_char_boundary(q.span.end()));
        assert!(q.span.contains(q.inner), "inner outside the quotation");
        assert!(text.is_char_boundary(q.inner.start()) && text.is_char_boundary(q.inner.end()));
        assert!(q.span.start() >= last_end, "quotations overlap");
        last_end = q.span.end();
        if let Some(sp) = q.speaker {
            assert!(sp.entity < doc.entities.len());
        }
        if let Some(cue) = q.cue {
            assert!(cue.end() <= text.len() && text.is_char_boundary(cue.start()));
        }
        // A quotation never crosses a paragraph.
        let para = doc
            .paragraphs
            .iter()
            .find(|p| p.span.start() <= q.span.start() && q.span.start() < p.span.end())
            .expect("quotation inside a paragraph");
        assert!(q.span.end() <= para.span.end());
    }
    // The JSON report builds without panicking too.
    let _ = byline::analyze(text, &byline::Options::default());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_marks_in_real_text_keep_spans_sound(
        len in 0usize..6000,
        inserts in proptest::collection::vec((0.0f64..1.0, 0usize..64), 0..40),
    ) {
        check(&mutate(len, &inserts));
    }

    #[test]
    fn arbitrary_strings_of_marks_and_letters_never_panic(
        s in "[a-zA-Z0-9 ,.:;!?\n\"'“”‘’«»‹›„‚「」—-]{0,300}",
    ) {
        check(&s);
    }
}

#[test]
fn the_untouched_seed_article_is_sound() {
    check(SEED);
}
