//! Time per article of each stage, the report and the compact JSON, analysing one file
//! many times as separate documents (so per-document costs count, unlike `stage_times`,
//! which repeats the text inside one document): `cargo run --release --example
//! article_stages -- [FILE] [RUNS]` (defaults: the seed article, 2000 runs).

use std::time::Instant;

use byline::dev::Stage;

const STAGES: usize = Stage::ALL.len();

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "fixtures/seed-article.txt".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut seconds = [0f64; STAGES + 2];
    for _ in 0..runs {
        let mut doc = byline::Document::new(&text);
        for (slot, stage) in seconds.iter_mut().zip(Stage::ALL) {
            let started = Instant::now();
            stage.run(&mut doc);
            *slot += started.elapsed().as_secs_f64();
        }
        let started = Instant::now();
        let analysis = byline::Analysis::from_document(&doc, &byline::Options::default());
        seconds[STAGES] += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let mut json = Vec::new();
        serde_json::to_writer(&mut json, &analysis).unwrap_or_default();
        seconds[STAGES + 1] += started.elapsed().as_secs_f64();
    }
    let names = Stage::ALL
        .iter()
        .map(|stage| stage.name())
        .chain(["report", "json"]);
    for (name, total) in names.zip(seconds) {
        println!("{name:>12} {:8.1} µs", total / runs as f64 * 1e6);
    }
    let total: f64 = seconds.iter().sum();
    println!(
        "{:>12} {:8.1} µs per article",
        "total",
        total / runs as f64 * 1e6
    );
}
