//! The `byline` command: a thin CLI over the library (minimal first version; see issue 2).

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .rfind(|a| !a.starts_with('-') && *a != "json")
        .cloned();
    let bytes = match &path {
        Some(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("byline: {p}: {e}");
                return ExitCode::from(2);
            }
        },
        None => {
            let mut b = Vec::new();
            let _ = std::io::Read::read_to_end(&mut std::io::stdin(), &mut b);
            b
        }
    };
    let decoded = match byline::input::decode(&bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("byline: {}: {e}", path.as_deref().unwrap_or("-"));
            return ExitCode::from(2);
        }
    };
    let options = byline::Options {
        source: byline::Source {
            path: path.unwrap_or_else(|| "-".into()),
            ..Default::default()
        },
        warnings: decoded.warnings,
        ..Default::default()
    };
    let analysis = byline::analyze(&decoded.text, &options);
    let mut out = std::io::stdout().lock();
    let _ = serde_json::to_writer_pretty(&mut out, &analysis);
    let _ = writeln!(out);
    ExitCode::SUCCESS
}
