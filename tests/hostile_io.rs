//! Odd files and streams through the CLI (issue 19): a closed standard output, an endless
//! source of NUL bytes, UTF-16 text. Each gets a clear error and a failing exit status,
//! never a silent success or an unbounded read. And text that would steer the reader's
//! terminal, shown escaped by the text summary.

use std::process::Command;

mod common;

use common::run;

const BYLINE: &str = env!("CARGO_BIN_EXE_byline");

/// Runs `script` in sh with `$BYLINE` set; its status and standard error.
fn sh(script: &str) -> (Option<i32>, String) {
    let output = Command::new("sh")
        .args(["-c", script])
        .env("BYLINE", BYLINE)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
#[cfg(target_os = "linux")]
fn a_closed_standard_output_is_an_error() {
    let article = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed-article.txt");
    let (status, stderr) = sh(&format!("\"$BYLINE\" '{article}' >&-"));
    assert_eq!(status, Some(2), "{stderr}");
    assert!(stderr.contains("standard output is closed"), "{stderr}");
    // Output thrown away on purpose is no error: write-only as a shell's `>`, or
    // read-write as Python's `subprocess.DEVNULL` gives it (what Rust's runtime puts in
    // place of a closed output, so the check must be made before the runtime starts).
    for redirect in [">/dev/null", "1<>/dev/null"] {
        let (status, stderr) = sh(&format!("\"$BYLINE\" '{article}' {redirect}"));
        assert_eq!(status, Some(0), "{redirect}: {stderr}");
    }
}

#[test]
#[cfg(target_os = "linux")]
fn dev_zero_is_refused_from_its_first_bytes() {
    // With no size limit to stop it, only the NUL check can end the read early.
    let (status, stderr) = sh("\"$BYLINE\" --max-bytes 1000000000000 /dev/zero");
    assert_eq!(status, Some(2), "{stderr}");
    assert!(
        stderr.contains("binary data (NUL byte at offset 0)"),
        "{stderr}"
    );
}

#[test]
fn utf16_text_is_named_with_the_way_to_convert_it() {
    let dir = std::env::temp_dir().join(format!("byline-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("article.txt");
    let bytes: Vec<u8> = "\u{FEFF}Prices rose."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let output = Command::new(BYLINE).arg(&path).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("UTF-16LE text"), "{stderr}");
    assert!(stderr.contains("iconv -f UTF-16LE -t UTF-8"), "{stderr}");
}

/// Characters that steer a terminal: C0 but tab and newline, DEL, C1, and the bidi
/// embeddings, overrides and isolates.
fn steers_the_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// A speaker's name holding a right-to-left override, a quotation holding a C1 control
/// sequence introducer and an isolate: the text summary of a batch, like the text view
/// (tests/cli.rs), shows them as `\u{…}` escapes.
#[test]
fn the_text_summary_escapes_what_would_steer_the_terminal() {
    let hostile = "Ann\u{202e}Lee spoke. “We lost \u{9b}2J\u{2066}all,” said Ann\u{202e}Lee.\n";
    let stdout_of = |args: &[&str]| {
        let r = run(assert_cmd::Command::new(BYLINE)
            .args(args)
            .write_stdin(hostile));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let summary = stdout_of(&["--summary", "-f", "text"]);
    assert!(!summary.contains(steers_the_terminal), "{summary:?}");
    assert!(
        summary.contains("Ann\\u{202e}Lee: 1 quotation"),
        "{summary}"
    );
    let view = stdout_of(&["-f", "text"]);
    assert!(!view.contains(steers_the_terminal), "{view:?}");
    assert!(view.contains("We lost \\u{9b}2J\\u{2066}all"), "{view}");
}
