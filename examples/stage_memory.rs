//! Heap memory of each pipeline stage on one file, for finding what sets the peak:
//! `cargo run --release --example stage_memory -- FILE`. After each stage it prints the
//! bytes held (live) and the most held at any moment during that stage (peak), counted
//! by a global allocator that wraps the system one, then the sizes of the document's
//! largest lists. The report and JSON step is the CLI's (the report built whole, then
//! written through serde). Live counts include a vector's spare capacity, which
//! is not resident until written: compare with `/usr/bin/time -v` for the process peak.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

/// The system allocator, keeping count of the bytes held and of their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let held = HELD.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(held, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grew(new_size - layout.size());
        } else {
            HELD.fetch_sub(layout.size() - new_size, Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Prints the step's time, live and peak heap, and starts the next step's peak.
fn report(step: &str, started: Instant) {
    let held = HELD.load(Relaxed);
    println!(
        "{step:>12}: {:>9.1?}  live {:>8.1} MB  peak {:>8.1} MB",
        started.elapsed(),
        mb(held),
        mb(PEAK.load(Relaxed))
    );
    PEAK.store(held, Relaxed);
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
    let analysis = byline::Analysis::from_document(&doc, &byline::Options::default());
    drop(doc);
    if let Err(e) = serde_json::to_writer(&mut out, &analysis) {
        panic!("JSON output: {e}");
    }
    report("report+json", started);
}
