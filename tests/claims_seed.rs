//! Fixture test: the numeric claims of the seed article (`fixtures/seed-article.txt`), as
//! issue 5 lists them: text, kind, value, unit, qualifier, subject and claimant.

use byline::{Claim, Document, Qualifier};

const SEED: &str = include_str!("../fixtures/seed-article.txt");

fn text<'a>(doc: &'a Document, c: &Claim) -> &'a str {
    doc.slice(c.span())
}

fn subject<'a>(doc: &'a Document, c: &Claim) -> Option<&'a str> {
    c.subject().map(|s| doc.slice(s))
}

fn claimant(doc: &Document, c: &Claim) -> Option<String> {
    c.claimant()
        .and_then(|e| doc.entities.get(e))
        .map(|e| e.name.clone())
}

/// (text, kind, value, value_max, unit, qualifier, subject) of every non-date claim, in order.
type Row<'a> = (
    &'a str,
    &'a str,
    Option<f64>,
    Option<f64>,
    Option<&'a str>,
    Option<Qualifier>,
    Option<&'a str>,
);

#[test]
fn seed_claims_are_exactly_the_listed_ones() {
    let doc = byline::annotate(SEED);
    let rows: Vec<Row> = doc
        .claims
        .iter()
        .filter(|c| c.kind() != byline::ClaimKind::Date)
        .map(|c| {
            (
                text(&doc, c),
                c.kind().as_str(),
                c.value(),
                c.value_max(),
                c.unit(),
                c.qualifier(),
                subject(&doc, c),
            )
        })
        .collect();
    use Qualifier::*;
    let expected: Vec<Row> = vec![
        (
            "more than two hours",
            "duration",
            Some(2.0),
            None,
            Some("hour"),
            Some(LowerBound),
            None,
        ),
        ("two", "count", Some(2.0), None, None, None, Some("leaders")),
        ("two", "count", Some(2.0), None, None, None, Some("leaders")),
        (
            "thousands",
            "count",
            Some(1000.0),
            None,
            None,
            Some(Approximate),
            Some("drones"),
        ),
        (
            "two-week",
            "duration",
            Some(2.0),
            None,
            Some("week"),
            None,
            None,
        ),
        (
            "More than 3.5 years",
            "duration",
            Some(3.5),
            None,
            Some("year"),
            Some(LowerBound),
            None,
        ),
        (
            "nearly 5,000 sq km",
            "area",
            Some(5000.0),
            None,
            Some("km2"),
            Some(UpperBound),
            Some("Ukrainian territory"),
        ),
        (
            "about 1%",
            "percent",
            Some(1.0),
            None,
            Some("%"),
            Some(Approximate),
            Some("Ukraine"),
        ),
        (
            "nearly 20%",
            "percent",
            Some(20.0),
            None,
            Some("%"),
            Some(UpperBound),
            None,
        ),
        (
            "one, two or three",
            "count",
            Some(1.0),
            Some(3.0),
            None,
            None,
            Some("successful attacks"),
        ),
    ];
    assert_eq!(rows, expected);
}

/// The closing author bio ("honed over 4+ years in journalism") is boilerplate: its
/// numbers are not the article's claims (the seed gold no longer lists them).
#[test]
fn seed_bio_holds_no_claims() {
    let doc = byline::annotate(SEED);
    let bio = doc
        .paragraphs
        .iter()
        .find(|p| doc.slice(p.span).contains("4+ years"))
        .map(|p| p.span);
    let bio = bio.unwrap_or_else(|| panic!("the seed ends with its author's bio"));
    assert!(doc.claims.iter().all(|c| !bio.contains(c.span())));
}

#[test]
fn seed_dates_are_reported_as_dates() {
    let doc = byline::annotate(SEED);
    let dates: Vec<(&str, Option<f64>)> = doc
        .claims
        .iter()
        .filter(|c| c.kind() == byline::ClaimKind::Date)
        .map(|c| (text(&doc, c), c.value()))
        .collect();
    assert!(dates.contains(&("2025", Some(2025.0))), "{dates:?}");
    assert!(dates.contains(&("2022", Some(2022.0))), "{dates:?}");
    // The weekday and the month named alone are dates too, never counts.
    assert!(dates.iter().any(|(t, _)| *t == "Thursday"), "{dates:?}");
    assert!(dates.iter().any(|(t, _)| *t == "August"), "{dates:?}");
}

#[test]
fn seed_claimants_come_from_quotes_and_reported_speech() {
    let doc = byline::annotate(SEED);
    let by_text = |t: &str| -> Vec<Option<String>> {
        doc.claims
            .iter()
            .filter(|c| text(&doc, c) == t)
            .map(|c| claimant(&doc, c))
            .collect()
    };
    for t in ["nearly 5,000 sq km", "about 1%", "nearly 20%"] {
        assert_eq!(by_text(t), [Some("Vladimir Putin".to_string())], "{t}");
    }
    assert_eq!(
        by_text("thousands"),
        [Some("Volodymyr Zelensky".to_string())]
    );
    // "than the two-week time frame Trump had mentioned": the relative clause names him.
    assert_eq!(by_text("two-week"), [Some("Donald Trump".to_string())]);
    assert_eq!(
        by_text("one, two or three"),
        [Some("Mykola Bielieskov".to_string())]
    );
    // The article's own voice.
    for t in ["more than two hours", "More than 3.5 years"] {
        assert_eq!(by_text(t), [None], "{t}");
    }
    assert_eq!(by_text("two"), [None, None]);
}
