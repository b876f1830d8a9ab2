//! Keeps docs/schema.md in step with the code: runs byline on the documented example input
//! and checks that the documented example output has the same keys and JSON types as the
//! real output, and that every key the real output uses is described on the page.

use std::collections::BTreeSet;

use assert_cmd::Command;
use serde_json::Value;

const SCHEMA_DOC: &str = include_str!("../docs/schema.md");

/// The body of the first fenced block after `marker`.
fn block_after(marker: &str) -> &'static str {
    let after = &SCHEMA_DOC[SCHEMA_DOC.find(marker).expect(marker)..];
    let fence_start = after.find("```").unwrap();
    let body_start = fence_start + after[fence_start..].find('\n').unwrap() + 1;
    let body_len = after[body_start..].find("```").unwrap();
    &after[body_start..body_start + body_len]
}

fn real_output(input: &str) -> Value {
    output_with(&[], input)
}

fn output_with(args: &[&str], input: &str) -> Value {
    let output = Command::cargo_bin("byline")
        .unwrap()
        .arg("--pretty")
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Compares shapes: same object keys, same types; null matches anything (optional
/// fields); array elements are compared with the documented first element.
fn compare(doc: &Value, real: &Value, path: &str, problems: &mut Vec<String>) {
    match (doc, real) {
        (Value::Null, _) | (_, Value::Null) => {}
        (Value::Object(d), Value::Object(r)) => {
            for key in r.keys().filter(|k| !d.contains_key(*k)) {
                problems.push(format!(
                    "{path}.{key}: in the output, not in the documented example"
                ));
            }
            for key in d.keys().filter(|k| !r.contains_key(*k)) {
                problems.push(format!("{path}.{key}: documented, not in the output"));
            }
            for (key, d_value) in d {
                if let Some(r_value) = r.get(key) {
                    compare(d_value, r_value, &format!("{path}.{key}"), problems);
                }
            }
        }
        (Value::Array(d), Value::Array(r)) => {
            if let Some(d_first) = d.first() {
                for (i, r_item) in r.iter().enumerate() {
                    compare(d_first, r_item, &format!("{path}[{i}]"), problems);
                }
            }
        }
        _ if type_name(doc) != type_name(real) => problems.push(format!(
            "{path}: documented as {}, output has {}",
            type_name(doc),
            type_name(real)
        )),
        _ => {}
    }
}

fn keys(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                into.insert(key.clone());
                keys(v, into);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, into)),
        _ => {}
    }
}

#[test]
fn documented_example_matches_real_output() {
    let input = block_after("<!-- example-input -->");
    let documented: Value = serde_json::from_str(block_after("<!-- example-output -->"))
        .expect("the documented example is valid JSON");
    let real = real_output(input);
    let mut problems = Vec::new();
    compare(&documented, &real, "$", &mut problems);
    assert!(
        problems.is_empty(),
        "docs/schema.md is out of step with the output (refresh its example):\n{}",
        problems.join("\n")
    );
    assert_eq!(documented["schema_version"], real["schema_version"]);
}

#[test]
fn every_output_key_is_described() {
    // The example plus the seed article, so that filled quotes, entities and claims count.
    let mut all = BTreeSet::new();
    keys(
        &real_output(block_after("<!-- example-input -->")),
        &mut all,
    );
    let seed = std::fs::read_to_string("fixtures/seed-article.txt").unwrap();
    keys(&real_output(&seed), &mut all);
    let undocumented: Vec<&String> = all
        .iter()
        .filter(|key| !SCHEMA_DOC.contains(&format!("`{key}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "keys missing from docs/schema.md field tables: {undocumented:?}"
    );
}

/// With `--only`, the counts of the stages that did not run are null, and the page says
/// which counts may be.
#[test]
fn counts_of_stages_not_run_are_null_as_documented() {
    let input = block_after("<!-- example-input -->");
    let kind = |report: &Value, count: &str| type_name(&report["stats"][count]);
    let sentences = output_with(&["--only", "sentences"], input);
    let quotes = output_with(&["--only", "quotes"], input);
    let full = real_output(input);
    for count in ["paragraphs", "sentences"] {
        assert_eq!(kind(&sentences, count), "number", "{count}");
        assert_eq!(kind(&quotes, count), "number", "{count}");
    }
    for count in ["quotes", "entities", "claims"] {
        assert_eq!(kind(&sentences, count), "null", "--only sentences: {count}");
        assert_eq!(kind(&full, count), "number", "full run: {count}");
    }
    assert_eq!(quotes["stats"]["quotes"], full["stats"]["quotes"]);
    assert_eq!(quotes["stats"]["entities"], full["stats"]["entities"]);
    assert_eq!(kind(&quotes, "claims"), "null");
    assert!(SCHEMA_DOC.contains("| `quotes`, `entities`, `claims` | integer or null |"));
}
