//! Times each pipeline stage, the report and the JSON output on one file, for finding
//! hot spots: `cargo run --release --example stage_times -- FILE [REPEAT]` (the file's
//! text is repeated REPEAT times, as paragraphs of one document).

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: stage_times FILE [REPEAT]");
        std::process::exit(2);
    };
    let repeat = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1);
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let decoded = byline::input::decode(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let text = decoded.text.repeat(repeat);
    let mb = text.len() as f64 / 1e6;
    let mut doc = byline::Document::new(&text);
    let total = Instant::now();
    for stage in byline::dev::Stage::ALL {
        let t = Instant::now();
        stage.run(&mut doc);
        report(stage.name(), t, mb);
    }
    let t = Instant::now();
    let analysis = byline::Analysis::from_document(&doc, &byline::Options::default());
    report("report", t, mb);
    let t = Instant::now();
    let json = serde_json::to_vec(&analysis).map(|j| j.len()).unwrap_or(0);
    report("json", t, mb);
    report("total", total, mb);
    eprintln!(
        "{mb:.2} MB: {} tokens, {} sentences, {} quotes, {} entities, {} claims, {json} bytes of JSON",
        doc.tokens.len(),
        doc.sentences.len(),
        doc.quotes.len(),
        doc.entities.len(),
        doc.claims.len()
    );
}

fn report(name: &str, started: Instant, mb: f64) {
    let secs = started.elapsed().as_secs_f64();
    eprintln!("{name:>12} {:>9.1} ms {:>9.1} MB/s", secs * 1e3, mb / secs);
}
