//! Memory on degenerate text: the heap an analysis takes (the text, the annotated
//! document and the report, written as JSON as the CLI writes it) stays within 8x the input
//! plus a fixed allowance, whatever the text. Counted by a global allocator wrapping the
//! system one (bytes requested, spare vector capacity included), on inputs of about a
//! megabyte: quadratic memory, or a record per byte of input, shows as a ratio far above
//! eight. The fixed word tables are built before counting starts.
//!
//! `cargo run --release --example stage_memory -- FILE` breaks a peak down by stage.

use std::sync::Mutex;

#[path = "common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

/// The counters are global: one measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The allowance beyond 8x the input (issue 19): the fixed allowances of `limits` (a few
/// thousand records of each kind) and the small buffers every analysis has.
const FIXED_BYTES: usize = 20 << 20;

/// The most heap the analysis of `text` held at once, above what was held before the
/// text was made. The caller holds [`ONE_AT_A_TIME`].
fn peak_of(text: String) -> usize {
    let before = counting::restart_peak();
    analyse(text);
    counting::peak() - before
}

/// Analyses `text` as the CLI does: the report is built, then its JSON is written to a
/// sink.
fn analyse(text: String) {
    let analysis = byline::analyze(&text, &byline::Options::default());
    let sink = std::io::BufWriter::new(std::io::sink());
    serde_json::to_writer(sink, &analysis).unwrap();
}

/// `unit` repeated to about `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// The smaller input size: past the fixed allowances of `limits` on every input here.
/// Release builds (`cargo test --release --test memory`) measure four times larger.
const SIZE: usize = if cfg!(debug_assertions) {
    1 << 20
} else {
    4 << 20
};

/// Measures `unit` repeated to [`SIZE`] and to four times that: see [`assert_grows_slowly`].
fn assert_bounded(unit: &str) {
    let what = unit.get(..20).unwrap_or(unit);
    assert_grows_slowly(what, |size| repeat_to(unit, size));
}

/// Measures `text(SIZE)` and `text(4 * SIZE)` (texts of about those sizes): the heap must
/// grow by at most 8 bytes per byte of input between the two (what the fixed allowances
/// cannot hide), and stay within 8x + 20 MB at the larger size.
fn assert_grows_slowly(what: &str, text: impl Fn(usize) -> String) {
    // Held throughout: another test making or dropping its inputs would move the count.
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // The word tables and compiled patterns live for the whole process: built first.
    peak_of(include_str!("../fixtures/seed-article.txt").to_string());
    let (small, large) = (text(SIZE), text(4 * SIZE));
    let (small_len, large_len) = (small.len(), large.len());
    let (small_peak, large_peak) = (peak_of(small), peak_of(large));
    let per_byte = large_peak.saturating_sub(small_peak) as f64 / (large_len - small_len) as f64;
    eprintln!(
        "{what:?}: {small_peak} bytes for {small_len}, {large_peak} for {large_len}: \
         {per_byte:.1} bytes per added byte, {:.1}x at the larger size",
        large_peak as f64 / large_len as f64
    );
    assert!(
        per_byte <= 8.0,
        "{what:?}: {per_byte:.1} bytes per byte of input"
    );
    assert!(
        large_peak <= 8 * large_len + FIXED_BYTES,
        "{what:?}: {large_peak} bytes at the peak for {large_len} bytes of text"
    );
}

#[test]
fn only_line_ends() {
    assert_bounded("\n");
}

#[test]
fn only_apostrophes() {
    assert_bounded("'");
}

#[test]
fn one_letter_paragraphs() {
    assert_bounded("A.\n\n");
}

#[test]
fn nested_curly_quotes() {
    assert_bounded("“‘");
}

#[test]
fn short_quotations() {
    assert_bounded("\"a\" ");
}

#[test]
fn quotations_with_speakers() {
    assert_bounded("\"a,\" Al said. ");
}

#[test]
fn numbers_everywhere() {
    assert_bounded("5% ");
}

#[test]
fn seed_article_repeated() {
    assert_bounded(include_str!("../fixtures/seed-article.txt"));
}

/// Sentences naming two people no other sentence names, in one paragraph: a name word per
/// 11 bytes (past the allowance, `limits::NAMES` keeps one per 32), each name a group, an
/// entity and a report of its own: the entity stage's tables must cost a few bytes per
/// byte of such text, not a list and a string per name.
#[test]
fn distinct_names() {
    const SYLLABLES: [&str; 20] = [
        "ka", "lo", "mi", "ra", "tu", "se", "no", "vi", "da", "re", "po", "zu", "fe", "ga", "hi",
        "jo", "ne", "sa", "te", "wa",
    ];
    let word = |n: usize, syllables: u32| -> String {
        let word: String = (0..syllables)
            .map(|k| SYLLABLES[n / 20usize.pow(k) % 20])
            .collect();
        word[..1].to_uppercase() + &word[1..]
    };
    assert_grows_slowly("distinct names", |size| {
        let mut text = String::with_capacity(size + 64);
        for i in 0.. {
            if text.len() >= size {
                break;
            }
            let (a, b) = (word(i, 2), word(i, 5));
            let (c, d) = (word(i + 7, 2), word(i * 7 + 3, 5));
            text += &format!("{a} {b} met {c} {d} in the city. ");
        }
        text
    });
}
