//! Throughput of the whole pipeline and of each stage, in bytes of input a second.
//!
//! Two inputs: the seed article (6 KB) and a mixed corpus of about 10 MB built here, at
//! bench time, by repeating every text in `fixtures/` (news, an interview, mixed scripts)
//! as paragraphs of one document. Set `BYLINE_BENCH_MB` to change the corpus size.
//!
//! Each stage is measured on a document already annotated by the stages before it,
//! cloned outside the timed region (`iter_batched`), so a stage's number is its own cost.
//! Measurement times are short so `cargo bench` stays under a few minutes on 2 cores;
//! `cargo bench -- seed` or `-- corpus/stage` selects a subset.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use byline::Document;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, SamplingMode, Throughput};

const DEFAULT_CORPUS_MB: usize = 10;

use byline::dev::Stage;

fn fixtures_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
}

fn seed_article() -> String {
    std::fs::read_to_string(fixtures_dir().join("seed-article.txt"))
        .unwrap_or_else(|e| panic!("fixtures/seed-article.txt: {e}"))
}

/// Every `.txt` fixture, in name order (so the corpus is the same on every run).
fn fixture_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(fixtures_dir())
        .unwrap_or_else(|e| panic!("fixtures/: {e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The fixtures, repeated in turn and separated by blank lines, up to `bytes` bytes.
fn mixed_corpus(bytes: usize) -> String {
    let texts = fixture_texts();
    assert!(
        !texts.is_empty(),
        "no fixtures/*.txt to build the corpus from"
    );
    let mut corpus = String::with_capacity(bytes + 64 * 1024);
    for text in texts.iter().cycle() {
        if corpus.len() >= bytes {
            break;
        }
        corpus.push_str(text.trim_end());
        corpus.push_str("\n\n");
    }
    corpus
}

fn corpus_bytes() -> usize {
    std::env::var("BYLINE_BENCH_MB")
        .ok()
        .and_then(|mb| mb.parse::<usize>().ok())
        .unwrap_or(DEFAULT_CORPUS_MB)
        * 1_000_000
}

/// A document annotated by the first `stages` stages.
fn annotated(text: &str, stages: usize) -> Document<'_> {
    let mut doc = Document::new(text);
    for stage in Stage::ALL.into_iter().take(stages) {
        stage.run(&mut doc);
    }
    doc
}

/// Whole pipeline (`analyze`), then `analyze` plus JSON output, then each stage alone.
fn bench_input(c: &mut Criterion, name: &str, text: &str, large: bool) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    if large {
        // Each iteration takes a large fraction of a second: run a few, evenly.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(5));
    } else {
        group.sample_size(30);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    }
    let options = byline::Options::default();

    group.bench_function("analyze", |b| {
        b.iter(|| byline::analyze(black_box(text), &options))
    });
    group.bench_function("analyze+json", |b| {
        b.iter(|| {
            // As the CLI does: JSON streamed through a buffer, never held whole.
            let analysis = byline::analyze(black_box(text), &options);
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::sink());
            serde_json::to_writer(&mut out, &analysis)
        })
    });
    for (index, stage) in Stage::ALL.into_iter().enumerate() {
        let before = annotated(text, index);
        group.bench_function(format!("stage/{}", stage.name()), |b| {
            b.iter_batched(
                || before.clone(),
                |mut doc| {
                    stage.run(&mut doc);
                    doc
                },
                BatchSize::LargeInput,
            )
        });
    }
    let full = annotated(text, Stage::ALL.len());
    group.bench_function("stage/report", |b| {
        b.iter(|| byline::Analysis::from_document(black_box(&full), &options))
    });
    let report = byline::Analysis::from_document(&full, &options);
    group.bench_function("stage/json", |b| {
        b.iter(|| serde_json::to_vec(black_box(&report)).map(|json| json.len()))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let seed = seed_article();
    bench_input(c, "seed", &seed, false);
    let corpus = mixed_corpus(corpus_bytes());
    bench_input(c, "corpus", &corpus, true);
}

criterion_group!(analyze, benches);
criterion_main!(analyze);
