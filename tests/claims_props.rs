//! Robustness of the claims stage: no panic on any input and spans that index the text.
//! That its work grows linearly with pathological inputs (long chains of number words,
//! signs, ratios, hyphenated numbers, phone-like digit runs) is checked by step counts,
//! inside the crate: `steps::tests::number_soup_takes_linear_steps`.

use proptest::prelude::*;

fn check(text: &str) {
    let doc = byline::annotate(text);
    for c in &doc.claims {
        assert!(c.span().start() <= c.span().end() && c.span().end() <= text.len());
        assert!(text.is_char_boundary(c.span().start()) && text.is_char_boundary(c.span().end()));
        assert!(c.span().contains(c.quantity()) || c.quantity().is_empty());
        assert!(c.sentence() < doc.sentences.len());
        if let (Some(v), Some(max)) = (c.value(), c.value_max()) {
            assert!(!v.is_nan() && !max.is_nan());
        }
    }
    // The JSON report must serialize (non-finite values become null).
    let analysis = byline::analyze(text, &byline::Options::default());
    assert!(serde_json::to_string(&analysis).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn never_panics_on_number_soup(words in prop::collection::vec(prop::sample::select(vec![
        "one", "two", "twenty", "hundred", "thousand", "million", "and", "a", "half", "third",
        "thirds", "of", "minus", "in", "out", "over", "point", "5", "1,000", "3.5", "-", "–",
        "%", "$", "£", "€", "US$", "m", "bn", "k", "sq", "km", "years", "old", "nearly",
        "more", "than", "between", "to", "or", ",", ".", "1990s", "4th", "2025", "May", "on",
        "Thursday", "“", "”", "said", "Putin", "/", "^", "e", "+", "(", ")", "[", "]", "#",
        "12:30", "555-1234", "½", "2½", "tens", "thousands", "dozen", "first", "place",
    ]), 0..40), glue in prop::collection::vec(prop::sample::select(vec![" ", "", "-", "\n", "\n\n"]), 40)) {
        let mut text = String::new();
        for (w, g) in words.iter().zip(glue.iter().cycle()) {
            text.push_str(w);
            text.push_str(g);
        }
        check(&text);
    }

    #[test]
    fn never_panics_on_any_string(text in "\\PC{0,200}") {
        check(&text);
    }
}

#[test]
fn empty_and_odd_inputs() {
    for text in [
        "",
        " ",
        "\u{feff}",
        "5",
        "$",
        "-",
        "½",
        "1e999999",
        "9".repeat(400).as_str(),
        "\u{0}\u{1}2",
    ] {
        check(text);
    }
}
