//! Scores byline's claims against the English test data of quantulum3, copied into
//! `tests/data/quantulum_en.json` (MIT; notices in `tests/data/LICENSES-claims.txt`).
//!
//! - `quantities` and `quantities.ambiguity`: each expected quantity is matched one-to-one
//!   with a claim that overlaps it and has the same value (a range's middle, as quantulum
//!   gives ranges as their midpoint); also counted: matches with the exact span. Reported
//!   as recall/precision; the test fails if recall drops below the floor measured when the
//!   scorer was written (a regression guard, not a target).
//! - `spellout`: the values of `byline::dev::numbers`, in order, must equal the list.
//! - `errors`: the inputs must be analysed without a panic.

use byline::{Claim, Document};
use serde_json::Value;

const CASES: &str = include_str!("data/quantulum_en.json");

fn chars(doc: &Document, byte: usize) -> usize {
    doc.text.get(..byte).map_or(0, |s| s.chars().count())
}

fn claim_value(c: &Claim) -> Option<f64> {
    let v = c.value()?;
    Some(match c.value_max() {
        Some(max) if c.kind() != byline::ClaimKind::Score => (v + max) / 2.0,
        _ => v,
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

#[derive(Default, Debug)]
struct Score {
    expected: usize,
    predicted: usize,
    matched: usize,
    exact_span: usize,
}

fn score_set(cases: &[Value], set: &str) -> Score {
    let mut score = Score::default();
    for case in cases.iter().filter(|c| c["set"] == set) {
        let doc = byline::annotate(case["input"].as_str().unwrap_or(""));
        let claims: Vec<(usize, usize, Option<f64>)> = doc
            .claims
            .iter()
            .map(|c| {
                (
                    chars(&doc, c.span().start()),
                    chars(&doc, c.span().end()),
                    claim_value(c),
                )
            })
            .collect();
        score.predicted += claims.len();
        let mut used = vec![false; claims.len()];
        for r in case["results"].as_array().into_iter().flatten() {
            score.expected += 1;
            let (Some(start), Some(end), Some(value)) =
                (r["start"].as_u64(), r["end"].as_u64(), r["value"].as_f64())
            else {
                continue;
            };
            let (start, end) = (start as usize, end as usize);
            let hit = claims.iter().enumerate().position(|(k, (s, e, v))| {
                !used[k] && *s < end && start < *e && v.is_some_and(|v| close(v, value))
            });
            if let Some(k) = hit {
                used[k] = true;
                score.matched += 1;
                if claims[k].0 == start && claims[k].1 == end {
                    score.exact_span += 1;
                }
            }
        }
    }
    score
}

#[test]
fn quantulum_quantities() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap_or_default();
    assert!(cases.len() > 150, "test data missing");
    for set in ["quantities", "quantities.ambiguity"] {
        let s = score_set(&cases, set);
        println!(
            "quantulum {set}: {} of {} expected quantities found with their value ({} with the exact span); {} claims predicted",
            s.matched, s.expected, s.exact_span, s.predicted
        );
    }
    let s = score_set(&cases, "quantities");
    let recall = s.matched as f64 / s.expected.max(1) as f64;
    assert!(
        recall >= 0.75,
        "quantulum quantities recall {recall:.3} fell below the floor"
    );
}

#[test]
fn quantulum_spelled_out_numbers() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap_or_default();
    let mut right = 0;
    let mut total = 0;
    for case in cases.iter().filter(|c| c["set"] == "spellout") {
        let input = case["input"].as_str().unwrap_or("");
        let doc = byline::annotate(input);
        let got: Vec<f64> = byline::dev::numbers(&doc).iter().map(|n| n.value).collect();
        let want: Vec<f64> = case["results"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["value"].as_f64())
            .collect();
        total += 1;
        if got.len() == want.len() && got.iter().zip(&want).all(|(a, b)| close(*a, *b)) {
            right += 1;
        } else {
            println!("  spellout miss {input:?}: want {want:?} got {got:?}");
        }
    }
    println!("quantulum spellout: {right}/{total}");
    assert!(
        right * 10 >= total * 7,
        "spellout {right}/{total} fell below the floor"
    );
}

#[test]
fn quantulum_error_inputs_do_not_panic() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap_or_default();
    let inputs: Vec<&str> = cases
        .iter()
        .filter(|c| c["set"] == "errors")
        .filter_map(|c| c["input"].as_str())
        .collect();
    assert_eq!(inputs.len(), 4);
    for input in inputs {
        let doc = byline::annotate(input);
        assert!(doc.claims.iter().all(|c| c.span().end() <= input.len()));
    }
}
