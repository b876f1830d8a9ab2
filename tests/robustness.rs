//! Adversarial inputs: huge, degenerate, unbalanced, mixed-script and control-character
//! texts. Each test runs the whole pipeline and checks the output invariants of
//! `tests/invariants` (spans in the text and on char boundaries, sorted, sentences inside
//! their paragraphs and disjoint, entity references that exist, JSON that parses).
//! A quadratic stage shows up here as a test that does not finish.
//!
//! Sizes are the issue's (10 MB, a million quote marks, 100,000 capitalised words) in
//! release builds; the unoptimised debug build of plain `cargo test` runs them at a
//! hundredth of the size (see [`size`]) so the suite stays fast. `cargo test --release --test
//! robustness` runs the full sizes; `-- --ignored` adds the 1 GB input.

mod invariants;

use invariants::assert_invariants;

const SEED: &str = include_str!("../fixtures/seed-article.txt");
const MIXED: &str = include_str!("../fixtures/mixed-scripts.txt");

/// `full` in optimised builds, a hundredth of it in debug builds.
fn size(full: usize) -> usize {
    if cfg!(debug_assertions) {
        full / 100
    } else {
        full
    }
}

/// `unit` repeated until the result is at least `bytes` long.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

#[test]
fn empty_and_blank_inputs() {
    for text in [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        "\t \u{3000}\u{A0}",
        ".",
        "“",
        "’",
        "\u{301}",
    ] {
        let analysis = assert_invariants(text);
        assert!(analysis.sentences.len() <= 1, "{text:?}");
    }
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = SEED.replace(['\n', '\r'], " ");
    let text = repeat_to(&line, size(10_000_000));
    assert!(!text.contains('\n'));
    let analysis = assert_invariants(&text);
    assert_eq!(analysis.paragraphs.len(), 1);
    // The seed article has a sentence every ~110 bytes; one line must still be split.
    assert!(
        analysis.sentences.len() > text.len() / 500,
        "one line is still many sentences"
    );
}

#[test]
fn ten_megabytes_without_a_space() {
    let text = "a".repeat(size(10_000_000));
    let analysis = assert_invariants(&text);
    // Tokens hold at most MAX_TOKEN_BYTES (255 bytes), so the run is cut into pieces.
    let pieces = text.len().div_ceil(byline::dev::MAX_TOKEN_BYTES);
    assert_eq!(analysis.stats.words, pieces);
}

#[test]
fn a_million_straight_quote_marks() {
    let n = size(1_000_000);
    assert_invariants(&"\"".repeat(n));
    assert_invariants(&"\" ".repeat(n));
    assert_invariants(&"word \"".repeat(n));
}

#[test]
fn a_million_curly_quote_marks() {
    let n = size(1_000_000);
    assert_invariants(&"“".repeat(n));
    assert_invariants(&"”“".repeat(n / 2));
    assert_invariants(&"«»„“‹›「」".repeat(n / 8));
    assert_invariants(&"“Yes,” he said. ".repeat(n / 2));
}

#[test]
fn only_apostrophes() {
    let n = size(1_000_000);
    assert_invariants(&"'".repeat(n));
    assert_invariants(&"’".repeat(n));
    assert_invariants(&"’ ".repeat(n));
    assert_invariants(&"'’‘ ".repeat(n / 3));
    assert_invariants(&"’Tis the rock ’n’ roll of the ’90s, y’all’s ".repeat(n / 40));
}

#[test]
fn deeply_alternating_nested_quotes() {
    let depth = size(200_000);
    let opening = "“‘".repeat(depth);
    let closing = "’”".repeat(depth);
    assert_invariants(&format!("{opening}deep{closing} he said."));
    assert_invariants(&format!("{opening}deep"));
    assert_invariants(&closing);
    let worded = format!(
        "{}x{}",
        "“a ‘b ".repeat(depth / 2),
        "c’ d” ".repeat(depth / 2)
    );
    assert_invariants(&worded);
}

#[test]
fn a_hundred_thousand_capitalised_words() {
    let n = size(100_000);
    // Distinct words ("Abcd Abce ..."), so no two names are the same.
    let distinct: Vec<String> = (0..n).map(capitalised_word).collect();
    let text = distinct.join(" ") + ".";
    let analysis = assert_invariants(&text);
    assert!(analysis.sentences.len() <= 2);
    // One name over and over, then the same with sentence breaks between them.
    assert_invariants(&"Smith ".repeat(n));
    assert_invariants(&"President Vladimir Putin said. ".repeat(n / 5));
    // Many initials and abbreviations, which must not end sentences.
    assert_invariants(&"J. R. R. Mr. Dr. U.S. ".repeat(n / 6));
}

/// A capitalised word of letters that spells `n` in base 26.
fn capitalised_word(mut n: usize) -> String {
    let mut word = String::from("Q");
    loop {
        word.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return word;
        }
    }
}

#[test]
fn long_initialism_chains() {
    let n = size(1_000_000);
    assert_invariants(&"A.".repeat(n / 2));
    assert_invariants(&"U.S.".repeat(n / 4));
    assert_invariants(&"1.2,3".repeat(n / 5));
    assert_invariants(&"a-b’c".repeat(n / 5));
}

#[test]
fn mixed_scripts() {
    let analysis = assert_invariants(MIXED);
    assert!(analysis.sentences.len() >= 5);
    let samples = [
        "Зеленський сказав: «Ми готові». Путін мовчить.",
        "東京で「会談は建設的だった」と外相は述べた。次の会合は来月。",
        "قال الرئيس «نحن مستعدون» يوم الاثنين. ثم غادر.",
        "\u{202B}مرحبا\u{202C} and \u{200F}“hello\u{200E}” he said.",
        "👨‍👩‍👧‍👦 “🇺🇦🎉” 🤷🏽‍♀️ said Zoë. ",
        "\u{301}\u{301}\u{301}“\u{301}a\u{301}”\u{301}. \u{200D}\u{200D}",
        "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A} Ω.",
        "\u{FEFF}\u{FEFF}Mr. \u{2028}Smith\u{2029}said “hi”.\u{85}Next.",
        "\u{1F600}.\u{1F600}.\u{1F600}. Ⅻ. ½ of ⅔. ١٢٣ people. ５０％.",
    ];
    for sample in samples {
        assert_invariants(sample);
        assert_invariants(&sample.repeat(size(10_000)));
    }
}

#[test]
fn nul_and_control_bytes_mid_text() {
    let text = SEED.replace(". ", ".\0 ").replace('“', "\0“\u{1}");
    assert!(text.contains('\0'));
    let analysis = assert_invariants(&text);
    assert!(analysis.sentences.len() > 10);
    assert_invariants(&"\0".repeat(size(1_000_000)));
    assert_invariants(&"He said\0 “no\u{7}\u{1B}[0m”\u{8}.\u{C}Next.\u{B}".repeat(size(10_000)));
}

#[test]
fn cr_only_line_ends() {
    let cr = SEED.replace('\n', "\r");
    let lf = assert_invariants(SEED);
    let analysis = assert_invariants(&cr);
    assert_eq!(analysis.paragraphs.len(), lf.paragraphs.len());
    assert_eq!(analysis.sentences.len(), lf.sentences.len());
    assert_invariants(&"\r".repeat(size(1_000_000)));
    assert_invariants(&"a\r\r\n\n\r".repeat(size(1_000_000) / 5));
}

#[test]
fn a_million_short_paragraphs_and_sentences() {
    let n = size(1_000_000);
    assert_invariants(&"A.\n".repeat(n / 3));
    assert_invariants(&"Go. ".repeat(n / 4));
    assert_invariants(&"?!…. ".repeat(n / 5));
    assert_invariants(&"(\n)\n[\n]\n".repeat(n / 8));
}

#[test]
fn numbers_everywhere() {
    let n = size(1_000_000);
    assert_invariants(&"1 ".repeat(n / 2));
    assert_invariants(&"5,000,000.5% ".repeat(n / 13));
    assert_invariants(&"$3bn-$4bn ~10km² 12-3 1990s 4th −40°C ".repeat(n / 40));
    assert_invariants(&"9".repeat(n));
}

/// A generator of article text: the fixtures in turn, paragraph by paragraph, forever.
fn article_stream() -> impl Iterator<Item = &'static str> {
    [SEED, MIXED].into_iter().cycle()
}

/// 1 GB of text built from the generator, run through the library (the CLI refuses it
/// by default: see `--max-bytes`). Slow and memory-hungry, so run by hand:
/// `cargo test --release --test robustness -- --ignored one_gigabyte`.
#[test]
#[ignore]
fn one_gigabyte_input() {
    const GIGABYTE: usize = 1 << 30;
    let mut text = String::with_capacity(GIGABYTE + SEED.len());
    for article in article_stream() {
        if text.len() >= GIGABYTE {
            break;
        }
        text.push_str(article);
        text.push('\n');
    }
    let started = std::time::Instant::now();
    let doc = byline::annotate(&text);
    let annotated = started.elapsed();
    if let Err(broken) = invariants::check_document(&doc) {
        panic!("{broken}");
    }
    let analysis = byline::Analysis::from_document(&doc, &byline::Options::default());
    drop(doc);
    let mut sink = CountingSink(0);
    if let Err(e) = serde_json::to_writer(&mut sink, &analysis) {
        panic!("JSON output: {e}");
    }
    eprintln!(
        "1 GiB: annotated in {annotated:?}, whole run {:?}, {} sentences, {} quotes, {} entities, {} claims, {} bytes of JSON",
        started.elapsed(),
        analysis.sentences.len(),
        analysis.quotes.len(),
        analysis.entities.len(),
        analysis.claims.len(),
        sink.0
    );
    assert!(analysis.sentences.len() > 1_000_000);
}

/// Counts the bytes written to it, so the 1 GB report is measured without being kept.
struct CountingSink(usize);

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
