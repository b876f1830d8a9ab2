//! Property tests on real-text mutations: the fixture articles (news, an interview, mixed
//! scripts), cut at random places and mutated by inserting, deleting, duplicating and
//! re-casing pieces and by sprinkling the characters that trouble analysers (quote marks,
//! apostrophes, line ends, periods, capitals, combining marks, emoji, bidi and zero-width
//! marks, NUL). Every result must satisfy the output invariants of `tests/invariants`,
//! and analysis must be deterministic.
//!
//! `PROPTEST_CASES` sets the number of cases (default 48 per property, to keep the debug
//! test run short; the fuzz target explores much further).

mod invariants;

use proptest::prelude::*;

const ARTICLES: [&str; 4] = [
    include_str!("../fixtures/seed-article.txt"),
    include_str!("../fixtures/wikinews-interview-peres.txt"),
    include_str!("../fixtures/wikinews-korea-quasi-war.txt"),
    include_str!("../fixtures/mixed-scripts.txt"),
];

/// Characters and strings that trouble segmenters, quote pairers and name finders.
const TROUBLE: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "「",
    "」",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    ". ",
    "Mr. ",
    "U.S.",
    "J. ",
    "? ",
    "!",
    "…",
    ",",
    ":",
    " — ",
    "-",
    "(",
    ")",
    "Smith ",
    "President ",
    "he said",
    "said",
    "Ukraine",
    "5,000",
    "3.5%",
    "$4bn",
    "\u{301}",
    "\u{200D}",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{A0}",
    "\u{2028}",
    "😀",
    "🇺🇦",
    "Зеленський",
    "東京",
    "مرحبا",
    "\0",
    "\t",
    " ",
    "A",
    "z",
    "9",
];

#[derive(Debug, Clone)]
enum Mutation {
    /// Insert a troublesome piece at a fraction of the text.
    Insert { at: f64, piece: usize },
    /// Delete a range (fractions of the text).
    Delete { at: f64, len: f64 },
    /// Copy a range to another place.
    Duplicate { at: f64, len: f64, to: f64 },
    /// Upper- or lower-case a range.
    Recase { at: f64, len: f64, upper: bool },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let frac = 0.0..1.0f64;
    let short = 0.0..0.05f64;
    prop_oneof![
        4 => (frac.clone(), 0..TROUBLE.len()).prop_map(|(at, piece)| Mutation::Insert { at, piece }),
        2 => (frac.clone(), short.clone()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (frac.clone(), short.clone(), frac.clone())
            .prop_map(|(at, len, to)| Mutation::Duplicate { at, len, to }),
        1 => (frac, short, any::<bool>())
            .prop_map(|(at, len, upper)| Mutation::Recase { at, len, upper }),
    ]
}

/// The char boundary nearest below the fraction `f` of `text`.
fn boundary(text: &str, f: f64) -> usize {
    let mut at = ((text.len() as f64) * f.clamp(0.0, 1.0)) as usize;
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn range(text: &str, at: f64, len: f64) -> (usize, usize) {
    let start = boundary(text, at);
    let end = boundary(text, (at + len).min(1.0)).max(start);
    (start, end)
}

fn apply(text: &mut String, m: &Mutation) {
    match *m {
        Mutation::Insert { at, piece } => {
            let at = boundary(text, at);
            text.insert_str(at, TROUBLE.get(piece).copied().unwrap_or(""));
        }
        Mutation::Delete { at, len } => {
            let (start, end) = range(text, at, len);
            text.replace_range(start..end, "");
        }
        Mutation::Duplicate { at, len, to } => {
            let (start, end) = range(text, at, len);
            let piece = text[start..end].to_string();
            let to = boundary(text, to);
            text.insert_str(to, &piece);
        }
        Mutation::Recase { at, len, upper } => {
            let (start, end) = range(text, at, len);
            let piece = &text[start..end];
            let recased = if upper {
                piece.to_uppercase()
            } else {
                piece.to_lowercase()
            };
            text.replace_range(start..end, &recased);
        }
    }
}

/// An article, cut to a random window, then mutated.
fn mutated_article() -> impl Strategy<Value = String> {
    (
        0..ARTICLES.len(),
        0.0..0.5f64,
        0.5..1.0f64,
        prop::collection::vec(mutation(), 0..40),
    )
        .prop_map(|(article, from, to, mutations)| {
            let source = ARTICLES[article];
            let mut text = source[boundary(source, from)..boundary(source, to)].to_string();
            for m in &mutations {
                apply(&mut text, m);
            }
            text
        })
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(48);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_articles_keep_every_invariant(text in mutated_article()) {
        if let Err(broken) = invariants::analyze_checked(&text) {
            prop_assert!(false, "{}", broken);
        }
    }

    #[test]
    fn analysis_is_deterministic(text in mutated_article()) {
        let options = byline::Options::default();
        let first = byline::analyze(&text, &options);
        let second = byline::analyze(&text, &options);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn line_ending_style_does_not_change_sentences(text in mutated_article()) {
        // CR-only and CRLF texts must segment like their LF form.
        let lf = text.replace("\r\n", "\n").replace('\r', "\n");
        let options = byline::Options::default();
        let expected: Vec<usize> = byline::analyze(&lf, &options)
            .sentences.iter().map(|s| s.text.split_whitespace().count()).collect();
        for other in [lf.replace('\n', "\r"), lf.replace('\n', "\r\n")] {
            let got: Vec<usize> = byline::analyze(&other, &options)
                .sentences.iter().map(|s| s.text.split_whitespace().count()).collect();
            prop_assert_eq!(&got, &expected);
        }
    }
}
