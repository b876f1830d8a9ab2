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
