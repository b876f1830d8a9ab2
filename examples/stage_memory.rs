//! Heap memory of each pipeline stage on one file, for finding what sets the peak:
//! `cargo run --release --example stage_memory -- FILE`. After each stage it prints the
//! bytes held (live) and the most held at any moment during that stage (peak), counted
//! by a global allocator that wraps the system one, then the sizes of the document's
//! largest lists. The report and JSON step is the CLI's (the report built whole as
//! `byline::analyze` builds it, then written through serde). Live counts include a
//! vector's spare capacity, which is not resident until written: compare with
//! `/usr/bin/time -v` for the process peak.

use std::time::Instant;

#[path = "../tests/common/counting.rs"]
mod counting;

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Prints the step's time, live and peak heap, and starts the next step's peak.
fn report(step: &str, started: Instant) {
    let held = counting::held();
    println!(
        "{step:>12}: {:>9.1?}  live {:>8.1} MB  peak {:>8.1} MB  process peak {}",
        started.elapsed(),
        mb(held),
        mb(counting::peak()),
        peak_resident()
    );
    counting::restart_peak();
}

/// The process's peak resident set so far (Linux's VmHWM), or "-" where /proc is not.
fn peak_resident() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmHWM:"));
    kb.map_or("-".to_string(), |kb| {
        let kb: f64 = kb
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .unwrap_or(0.0);
        format!("{:.1} MB", kb / 1024.0)
    })
}

/// One list of the document: items of type `T`, bytes in use and bytes reserved.
fn list<T>(name: &str, len: usize, capacity: usize) {
    let size = std::mem::size_of::<T>();
    println!(
        "{:>14} {:>10} x {:>2} B = {:>7.1} MB ({:.1} MB reserved)",
        name,
        len,
        size,
        mb(len * size),
        mb(capacity * size)
    );
}

fn lists(doc: &byline::Document) {
    use byline::{Claim, Mention, Paragraph, Quote, Sentence, Token};
    list::<Token>("tokens", doc.tokens.len(), doc.tokens.capacity());
    list::<Sentence>("sentences", doc.sentences.len(), doc.sentences.capacity());
    list::<Paragraph>(
        "paragraphs",
        doc.paragraphs.len(),
        doc.paragraphs.capacity(),
    );
    list::<Quote>("quotes", doc.quotes.len(), doc.quotes.capacity());
    list::<Claim>("claims", doc.claims.len(), doc.claims.capacity());
    let mentions = doc.entities.iter().map(|e| e.mentions.len()).sum();
    let reserved = doc.entities.iter().map(|e| e.mentions.capacity()).sum();
    list::<Mention>("mentions", mentions, reserved);
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_memory FILE");
        std::process::exit(2);
    };
    let started = Instant::now();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    report("read", started);
    let mut doc = byline::Document::new(&text);
    for stage in byline::dev::Stage::ALL {
        let started = Instant::now();
        stage.run(&mut doc);
        report(stage.name(), started);
    }
    lists(&doc);
    let started = Instant::now();
    let mut out = std::io::BufWriter::new(std::io::sink());
    let analysis = byline::dev::report(doc, &byline::Options::default());
    if let Err(e) = serde_json::to_writer(&mut out, &analysis) {
        panic!("JSON output: {e}");
    }
    report("report+json", started);
}
