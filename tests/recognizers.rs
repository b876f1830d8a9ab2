//! Scores byline's numbers and claims against the English specs of Microsoft
//! Recognizers-Text (Number, Percent, Currency; Dimension, Age and Temperature reported
//! only), copied into `tests/data/recognizers_numbers_en.json` (MIT; notices in
//! `tests/data/LICENSES-claims.txt`).
//!
//! A case is right when byline finds exactly the expected mentions: same code point span
//! and same value (relative tolerance 1e-6), nothing missing and nothing extra. The Number
//! spec is a bare number recogniser, so it is scored on `byline::dev::numbers` (every
//! numeral, names and dates included); the others on claims of the matching kind, with
//! the span of the quantity (the claim without its qualifier words, as the specs expect
//! "$ 2 billion" in "about $ 2 billion"). Mentions without a value (a bare "%" or
//! "dollar") are not numeric claims and are left out on both sides.

use byline::{Document, Span};
use serde_json::Value;

const CASES: &str = include_str!("data/recognizers_numbers_en.json");

/// (start, end) in code points, value.
type Mention = (usize, usize, f64);

fn char_span(doc: &Document, span: Span) -> (usize, usize) {
    let to_char = |b: usize| doc.text.get(..b).map_or(0, |s| s.chars().count());
    (to_char(span.start()), to_char(span.end()))
}

fn expected(case: &Value) -> Vec<Mention> {
    case["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let value = r["value"]
                .as_str()?
                .trim_end_matches('%')
                .parse::<f64>()
                .ok()?;
            Some((
                r["start"].as_u64()? as usize,
                r["end_exclusive"].as_u64()? as usize,
                value,
            ))
        })
        .collect()
}

fn predicted(model: &str, doc: &Document) -> Vec<Mention> {
    if model == "NumberModel" {
        return byline::dev::numbers(doc)
            .into_iter()
            .filter(|n| !n.glued_unit)
            .map(|n| {
                let (s, e) = char_span(doc, n.span);
                (s, e, n.value)
            })
            .collect();
    }
    let kinds: &[&str] = match model {
        "PercentModel" => &["percent"],
        "CurrencyModel" => &["money"],
        "AgeModel" => &["age"],
        "TemperatureModel" => &["temperature"],
        _ => &[
            "length", "area", "mass", "volume", "speed", "power", "energy", "data",
        ],
    };
    doc.claims
        .iter()
        .filter(|c| kinds.contains(&c.kind().as_str()))
        .filter_map(|c| {
            let (s, e) = char_span(doc, c.quantity());
            Some((s, e, c.value()?))
        })
        .collect()
}

fn same(a: &Mention, b: &Mention) -> bool {
    a.0 == b.0 && a.1 == b.1 && (a.2 - b.2).abs() <= 1e-6 * a.2.abs().max(b.2.abs()).max(1.0)
}

fn case_right(want: &[Mention], got: &[Mention]) -> bool {
    want.len() == got.len() && want.iter().all(|w| got.iter().any(|g| same(w, g)))
}

#[derive(Default)]
struct Tally {
    cases: usize,
    right: usize,
    misses: Vec<String>,
}

#[test]
fn recognizers_text_number_percent_currency_at_least_90_percent() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap_or_default();
    assert!(cases.len() > 500, "test data missing");
    let models = [
        "NumberModel",
        "PercentModel",
        "CurrencyModel",
        "DimensionModel",
        "AgeModel",
        "TemperatureModel",
    ];
    let mut tallies: Vec<Tally> = models.iter().map(|_| Tally::default()).collect();
    for case in &cases {
        if case["not_supported"].as_bool() == Some(true) {
            continue;
        }
        let model = case["model"].as_str().unwrap_or("");
        let Some(k) = models.iter().position(|m| *m == model) else {
            continue;
        };
        let input = case["input"].as_str().unwrap_or("");
        let doc = byline::annotate(input);
        let want = expected(case);
        let got = predicted(model, &doc);
        let t = &mut tallies[k];
        t.cases += 1;
        if case_right(&want, &got) {
            t.right += 1;
        } else {
            t.misses
                .push(format!("{input:?}: want {want:?} got {got:?}"));
        }
    }
    let mut core = (0, 0);
    for (model, t) in models.iter().zip(&tallies) {
        println!(
            "{model}: {}/{} right ({:.1}%)",
            t.right,
            t.cases,
            100.0 * t.right as f64 / t.cases.max(1) as f64
        );
        for m in t.misses.iter().take(400) {
            println!("  miss {m}");
        }
        if ["NumberModel", "PercentModel", "CurrencyModel"].contains(model) {
            core.0 += t.right;
            core.1 += t.cases;
        }
    }
    let rate = core.0 as f64 / core.1.max(1) as f64;
    println!(
        "Number+Percent+Currency: {}/{} ({:.1}%)",
        core.0,
        core.1,
        100.0 * rate
    );
    assert!(
        rate >= 0.90,
        "Number/Percent/Currency together: {}/{} = {:.3}, need 0.90",
        core.0,
        core.1,
        rate
    );
}
