//! Fuzz target: arbitrary bytes as a JSON Lines stream, read as the CLI's JSONL front end
//! reads it (lines split at "\n" with a trailing "\r" dropped, a leading byte order mark
//! dropped, each line a JSON object whose "text" string is the article), each record's
//! id and other fields copied into the report's source. Checks the invariants of
//! `tests/invariants` on each text, and that the id and every meta value come back from
//! the report's JSON exactly as they were written in the record (serde_json's
//! arbitrary_precision keeps every digit). Any panic or broken check is a crash.
//!
//! Run (stable toolchain, cargo-fuzz needs nightly flags):
//! `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run jsonl -s none -a -- -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        check_record(line, index as u64 + 1);
    }
});

fn check_record(line: &[u8], number: u64) {
    let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(line) else {
        return;
    };
    let id = fields.remove("id").filter(|id| !id.is_null());
    let Some(Value::String(text)) = fields.remove("text") else {
        return;
    };
    if let Err(broken) = invariants::analyze_checked(&text) {
        panic!("{broken}\nrecord: {:?}", String::from_utf8_lossy(line));
    }
    let options = byline::Options {
        source: byline::Source {
            path: "fuzz.jsonl".into(),
            line: Some(number),
            id: id.clone(),
            meta: fields.clone().into_iter().collect(),
        },
        ..byline::Options::default()
    };
    let report = serde_json::to_value(byline::analyze(&text, &options)).expect("report JSON");
    let source = &report["source"];
    assert_eq!(spelled(&source["id"]), spelled(id.as_ref().unwrap_or(&Value::Null)));
    for (key, value) in &fields {
        assert_eq!(spelled(&source["meta"][key]), spelled(value), "meta {key}");
    }
}

/// A value as JSON text: with arbitrary_precision, numbers keep their digits.
fn spelled(value: &Value) -> String {
    serde_json::to_string(value).expect("a Value always serializes")
}
