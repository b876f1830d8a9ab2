//! The README's jq recipes ("Recipes"), checked against byline's real output. Each recipe
//! block holds a command and the output shown for it. The same selection is computed in
//! Rust over the real JSON report (always), and the command itself is run with jq when jq
//! is installed; both must give exactly the lines shown, so neither the filters nor the
//! shown output can drift from what byline prints.

use std::collections::BTreeSet;
use std::process::Command as StdCommand;

use assert_cmd::Command;
use serde_json::Value;

const README: &str = include_str!("../README.md");
const ARTICLE: &str = "docs/flood-plan.txt";

struct Recipe {
    name: String,
    command: String,
    shown: Vec<String>,
}

/// The `<!-- recipe: NAME -->` blocks: `    $ COMMAND`, then the output lines.
fn recipes() -> Vec<Recipe> {
    README
        .split("<!-- recipe: ")
        .skip(1)
        .map(|block| {
            let (name, rest) = block.split_once(" -->\n").unwrap();
            let body = rest.split("<!-- /recipe -->").next().unwrap();
            let mut lines = body.lines().map(|l| l.strip_prefix("    ").unwrap_or(l));
            let command = lines
                .next()
                .unwrap()
                .strip_prefix("$ ")
                .unwrap()
                .to_string();
            Recipe {
                name: name.to_string(),
                command,
                shown: lines.map(str::to_string).collect(),
            }
        })
        .collect()
}

fn report() -> Value {
    let output = Command::cargo_bin("byline")
        .unwrap()
        .arg(ARTICLE)
        .output()
        .unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

/// What each recipe selects, computed in Rust over the report.
fn selection(name: &str, report: &Value) -> Vec<String> {
    let items = |key: &str| report[key].as_array().unwrap().clone();
    match name {
        "quotes-with-speakers" => items("quotes")
            .iter()
            .map(|q| {
                let speaker = q["speaker"]["name"].as_str().unwrap_or("(no speaker)");
                format!("{speaker}: {}", text(&q["text"]))
            })
            .collect(),
        "quotes-per-speaker" => {
            let utterances: BTreeSet<(u64, &str)> = report["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|q| q["speaker"].is_object())
                .map(|q| (q["group"].as_u64().unwrap(), text(&q["speaker"]["name"])))
                .collect();
            let mut per_speaker: Vec<(usize, &str)> = Vec::new();
            let names: BTreeSet<&str> = utterances.iter().map(|(_, name)| *name).collect();
            for name in names {
                let n = utterances.iter().filter(|(_, s)| *s == name).count();
                per_speaker.push((n, name));
            }
            // jq's sort_by is stable: ties stay in name order.
            per_speaker.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
            per_speaker
                .iter()
                .map(|(n, name)| format!("{n}\t{name}"))
                .collect()
        }
        "organizations" => items("entities")
            .iter()
            .filter(|e| e["type"] == "organization")
            .map(|e| format!("{}\t{}", text(&e["name"]), e["mention_count"]))
            .collect(),
        "qualified-claims" => items("claims")
            .iter()
            .filter(|c| c["qualifier"].is_string())
            .map(|c| {
                let claimant = c["claimant"]["name"].as_str().unwrap_or("no claimant");
                let (qualifier, number) = (text(&c["qualifier"]), text(&c["text"]));
                format!("{qualifier}: {number} ({claimant})")
            })
            .collect(),
        other => panic!("recipe {other} has no Rust counterpart in this test"),
    }
}

#[test]
fn every_recipe_shows_what_its_selection_gives_on_real_output() {
    let recipes = recipes();
    let names: Vec<&str> = recipes.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "quotes-with-speakers",
            "quotes-per-speaker",
            "organizations",
            "qualified-claims"
        ]
    );
    let report = report();
    for recipe in &recipes {
        assert!(recipe
            .command
            .starts_with(&format!("byline {ARTICLE} | jq ")));
        assert!(!recipe.shown.is_empty(), "{}: no output shown", recipe.name);
        assert_eq!(
            selection(&recipe.name, &report),
            recipe.shown,
            "{}",
            recipe.name
        );
    }
}

#[test]
fn every_recipe_runs_in_jq_as_shown() {
    if StdCommand::new("jq").arg("--version").output().is_err() {
        eprintln!("jq is not installed: the recipes are checked by their Rust counterparts only");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("byline");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for recipe in recipes() {
        let output = StdCommand::new("bash")
            .args(["-o", "pipefail", "-c", &recipe.command])
            .env("PATH", &path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}: {:?}", recipe.name, output);
        let printed = String::from_utf8(output.stdout).unwrap();
        let printed: Vec<&str> = printed.lines().collect();
        assert_eq!(printed, recipe.shown, "{}", recipe.name);
    }
}
