//! JSON Lines records through the CLI: ids and other fields come back as written, every
//! digit kept (integers beyond 64 bits, decimals with trailing zeros, exponents beyond
//! `f64`, nested objects). The one rewriting is serde_json's spelling of an exponent:
//! `1E400` comes back as `1e+400`, the same number.

use assert_cmd::Command;

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

/// The report lines byline writes for the JSON Lines `input`, every record analysed.
fn reports(input: &str) -> Vec<String> {
    let (analysed, lines) = run(input);
    assert!(analysed, "{lines:?}");
    lines
}

/// Whether byline analysed every record of `input`, and the lines it wrote.
fn run(input: &str) -> (bool, Vec<String>) {
    let output = byline()
        .args(["--input-format", "jsonl", "--only", "sentences"])
        .write_stdin(input)
        .output()
        .unwrap();
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    (output.status.success(), lines)
}

/// The raw JSON text of the first `"key":` value in a compact report line.
fn raw_field<'r>(report: &'r str, key: &str) -> &'r str {
    let key = format!("\"{key}\":");
    let start = report
        .find(&key)
        .unwrap_or_else(|| panic!("no {key} in {report}"));
    let rest = &report[start + key.len()..];
    let (mut depth, mut in_string, mut escaped) = (0, false, false);
    for (i, c) in rest.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' | ',' if depth == 0 => return &rest[..i],
            '}' | ']' => depth -= 1,
            _ => {}
        }
    }
    rest
}

#[test]
fn integer_ids_beyond_64_bits_stay_distinct_and_exact() {
    let out = reports(
        "{\"id\": 12345678901234567890123, \"text\": \"One.\"}\n\
         {\"id\": 12345678901234567890124, \"text\": \"Two.\"}\n\
         {\"id\": -98765432109876543210, \"text\": \"Three.\"}\n",
    );
    let ids: Vec<&str> = out.iter().map(|r| raw_field(r, "id")).collect();
    assert_eq!(
        ids,
        [
            "12345678901234567890123",
            "12345678901234567890124",
            "-98765432109876543210"
        ]
    );
}

#[test]
fn numbers_keep_their_digits_even_beyond_f64() {
    let out = reports(
        "{\"id\": 1e400, \"text\": \"One.\", \"score\": 0.10, \"big\": -2.5E+300, \"tiny\": 1e-400}\n",
    );
    assert_eq!(out.len(), 1, "{out:?}");
    assert!(!out[0].contains("\"error\""), "{}", out[0]);
    assert_eq!(raw_field(&out[0], "id"), "1e+400");
    let meta = raw_field(&out[0], "meta");
    assert_eq!(
        meta, "{\"big\":-2.5e+300,\"score\":0.10,\"tiny\":1e-400}",
        "{}",
        out[0]
    );
}

#[test]
fn nested_meta_comes_back_whole() {
    let record =
        "{\"text\": \"One.\", \"id\": \"a-1\", \"src\": {\"ids\": [18446744073709551616, 1.50], \
                  \"site\": {\"name\": \"x\", \"rank\": 3}}, \"flag\": true, \"none\": null}\n";
    let out = reports(record);
    assert_eq!(raw_field(&out[0], "id"), "\"a-1\"");
    assert_eq!(
        raw_field(&out[0], "meta"),
        "{\"flag\":true,\"none\":null,\"src\":{\"ids\":[18446744073709551616,1.50],\
         \"site\":{\"name\":\"x\",\"rank\":3}}}"
    );
}

#[test]
fn a_huge_id_is_kept_in_the_error_record_too() {
    let (analysed, out) = run("{\"id\": 340282366920938463463374607431768211457}\n");
    assert!(!analysed);
    assert_eq!(
        raw_field(&out[0], "id"),
        "340282366920938463463374607431768211457"
    );
    assert!(out[0].contains("\"error\""), "{}", out[0]);
}

/// The reports byline writes for the JSON Lines bytes `input`, all sections, and its
/// standard error.
fn run_bytes(input: &[u8]) -> (Vec<serde_json::Value>, String) {
    let output = byline()
        .args(["--input-format", "jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    let reports = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (reports, String::from_utf8(output.stderr).unwrap())
}

#[test]
fn invalid_utf8_in_a_record_is_replaced_with_a_warning() {
    let (reports, stderr) =
        run_bytes(b"{\"id\":1,\"text\":\"Caf\xE9 Rouge opened. It sold tea.\"}\n");
    assert_eq!(reports.len(), 1);
    let report = &reports[0];
    assert_eq!(report["source"]["id"], 1);
    assert_eq!(report["stats"]["sentences"], 2, "{report}");
    assert_eq!(report["sentences"][0]["text"], "Caf\u{FFFD} Rouge opened.");
    let warnings = report["warnings"].as_array().unwrap();
    assert!(warnings
        .iter()
        .any(|w| w.as_str().unwrap().starts_with("invalid UTF-8")));
    assert!(stderr.contains("warning: invalid UTF-8"), "{stderr}");
}

#[test]
fn a_leading_byte_order_mark_in_a_text_is_counted_in_its_offsets() {
    // The record's text starts with U+FEFF: offsets are into rec["text"] as JSON gives it.
    let (reports, _) = run_bytes("{\"text\":\"\u{FEFF}Prices rose. Rents fell.\"}\n".as_bytes());
    let text = "\u{FEFF}Prices rose. Rents fell.";
    let second = &reports[0]["sentences"][1];
    let start = second["start"].as_u64().unwrap() as usize;
    let end = second["end"].as_u64().unwrap() as usize;
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[start..end].iter().collect::<String>(), "Rents fell.");
    assert_eq!(reports[0]["stats"]["characters"], chars.len());
}

#[test]
fn carriage_returns_alone_end_records() {
    let (reports, _) = run_bytes(b"{\"id\":1,\"text\":\"A b.\"}\r{\"id\":2,\"text\":\"C d.\"}\r");
    let ids: Vec<&serde_json::Value> = reports.iter().map(|r| &r["source"]["id"]).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(reports[1]["source"]["line"], 2);
}
