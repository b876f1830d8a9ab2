//! The strays of issue 15, each gone by a general rule: labels, exchange-rate notes,
//! credit lines, years as reference points, "between two X", numeric compound modifiers,
//! boilerplate paragraphs, pronominal "one", phone numbers; claimants from the clause
//! that governs the number, never a place, and the article's own voice; and numbers too
//! long to read (issue 19).

use byline::ClaimKind;
use byline::Document;

/// (text, kind) of every claim of `text` that is not a date.
fn claims(text: &str) -> Vec<(String, &'static str)> {
    let doc = byline::annotate(text);
    doc.claims
        .iter()
        .filter(|c| c.kind() != ClaimKind::Date)
        .map(|c| (doc.slice(c.span()).to_string(), c.kind().as_str()))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    claims(text).into_iter().map(|(t, _)| t).collect()
}

/// (text, claimant name) of every claim of `text` that is not a date.
fn claimants(text: &str) -> Vec<(String, Option<String>)> {
    let doc = byline::annotate(text);
    doc.claims
        .iter()
        .filter(|c| c.kind() != ClaimKind::Date)
        .map(|c| {
            let name = c
                .claimant()
                .and_then(|e| doc.entities.get(e))
                .map(|e| e.name.clone());
            (doc.slice(c.span()).to_string(), name)
        })
        .collect()
}

fn dates<'d>(doc: &'d Document) -> Vec<&'d str> {
    doc.claims
        .iter()
        .filter(|c| c.kind() == ClaimKind::Date)
        .map(|c| doc.slice(c.span()))
        .collect()
}

#[test]
fn exchange_rate_notes_are_no_claims() {
    let text = "Nordhaven will pay 2.4 billion euros ($2.6 billion) for the unit.\n\
                ($1 = 0.9245 euros)\n\nToyota will invest ¥1.5 trillion. (1 euro = $1.08)";
    assert_eq!(
        texts(text),
        ["2.4 billion euros", "$2.6 billion", "¥1.5 trillion"]
    );
}

#[test]
fn credit_lines_hold_no_claims_and_no_dates() {
    let text = "The bank held rates at 5.25% on Thursday.\n\n\
                (Reporting by Jan Müller; Editing by Kim Coghill)";
    let doc = byline::annotate(text);
    assert_eq!(dates(&doc), ["Thursday"]);
    assert_eq!(texts(text), ["5.25%"]);
    // A month's short form is a month only with a day, a year or its period.
    let doc = byline::annotate(
        "The deal, signed Jan. 5 and announced in Jan 2024, was praised by Jan Müller.",
    );
    assert_eq!(dates(&doc), ["Jan. 5", "Jan 2024"]);
    // A full month name never takes the sentence's period.
    let doc = byline::annotate("He retired in May.");
    assert_eq!(dates(&doc), ["May"]);
}

#[test]
fn labels_after_a_noun_are_no_counts() {
    for text in [
        "Shells hit the area near police posts 542 and 543 on Friday.",
        "The inquiry met in room 101 of the town hall.",
        "Drivers on Highway 74 faced delays near exit 12 and junction 10.",
        "Take route 9 to gate 12 for flight 101 on platform 3.",
        "Call police on 101, quoting incident 4471.",
    ] {
        assert_eq!(claims(text), [], "{text}");
    }
    // A number after a label's list that counts a noun is a count.
    assert_eq!(
        texts("They met in room 101 and 50 people attended."),
        ["50"]
    );
}

#[test]
fn a_year_as_a_reference_point_is_a_date() {
    let text = "Emissions exceeded 10% of 2000 levels, in 2019 prices.";
    assert_eq!(claims(text), [("10%".to_string(), "percent")]);
    let doc = byline::annotate(text);
    assert_eq!(dates(&doc), ["2000", "2019"]);
    // A year-like number before a noun it counts stays a count.
    assert_eq!(claims("They tested 1709 schoolchildren.").len(), 1);
}

#[test]
fn between_opens_a_range_only_with_its_second_end() {
    assert_eq!(
        claims("I distinguish between two histories."),
        [("two".to_string(), "count")]
    );
    assert_eq!(
        texts("Between 40 and 60 people came."),
        ["Between 40 and 60"]
    );
}

#[test]
fn a_spelled_compound_modifier_is_no_count() {
    assert_eq!(claims("Leaders signed the three-nation pact."), []);
    assert_eq!(claims("Voters see the two-party system as a sham."), []);
    // Quantities stay: a force's strength, a period, a page count in digits.
    assert_eq!(texts("A 2,000-strong force arrived."), ["2,000-strong"]);
    assert_eq!(texts("Workers want the two-year pay deal."), ["two-year"]);
    assert_eq!(texts("The 131-page document was found."), ["131-page"]);
}

#[test]
fn boilerplate_paragraphs_hold_no_claims() {
    let text = "The museum expects 250,000 visitors this year.\n\n\
                About the author: Sam Reilly is a culture reporter with 10+ years of \
                experience. He has written for more than 20 publications.";
    assert_eq!(texts(text), ["250,000"]);
}

#[test]
fn pronominal_and_indefinite_one_is_no_count() {
    for text in [
        "“There are 40 spaces,” one wrote.",
        "One commuter, Ada Mensah, said it was bad.",
        "He was one of four people questioned.",
        "Afghanistan is not one of the nations covered.",
        "What one must do in translating is find the closest equivalent.",
        "One can only guess at the cost.",
    ] {
        assert!(
            !claims(text)
                .iter()
                .any(|(t, _)| t.eq_ignore_ascii_case("one")),
            "{text}: {:?}",
            claims(text)
        );
    }
    assert_eq!(
        texts("Only one of the 12 stations has step-free access."),
        ["one", "12"]
    );
    assert_eq!(texts("Only one could win."), ["one"]);
}

#[test]
fn qualified_units_relative_dates_and_decades_of_age() {
    assert_eq!(
        claims("Tickets sold out in under an hour."),
        [("under an hour".to_string(), "duration")]
    );
    let doc = byline::annotate("It was founded two years ago, nearly a decade after the war.");
    assert_eq!(dates(&doc), ["two years ago"]);
    let doc = byline::annotate("The victim, a man in his 40s, and three men in their early 20s.");
    let ages: Vec<(&str, Option<f64>, Option<f64>)> = doc
        .claims
        .iter()
        .filter(|c| c.kind() == ClaimKind::Age)
        .map(|c| (doc.slice(c.span()), c.value(), c.value_max()))
        .collect();
    assert_eq!(
        ages,
        [
            ("40s", Some(40.0), Some(49.0)),
            ("early 20s", Some(20.0), Some(29.0))
        ]
    );
}

#[test]
fn claimants_come_from_the_clause_that_governs_the_number() {
    // Two sources in one sentence: each clause its own.
    assert_eq!(
        claimants(
            "Analysts at JPMorgan said revenue would rise 12%, while Morgan Stanley's \
             Adam Wood cautioned growth could slow to 18.5%."
        ),
        [
            ("12%".to_string(), Some("JPMorgan".to_string())),
            ("18.5%".to_string(), Some("Adam Wood".to_string())),
        ]
    );
    // A clause without a cue of its own is governed by the cue before it, not across ";".
    assert_eq!(
        claimants("Vladimir Putin said the economy grew 3%, but inflation reached 9%."),
        [
            ("3%".to_string(), Some("Vladimir Putin".to_string())),
            ("9%".to_string(), Some("Vladimir Putin".to_string())),
        ]
    );
    assert_eq!(
        claimants("Vladimir Putin said output rose 3%; exports fell 5% in May."),
        [
            ("3%".to_string(), Some("Vladimir Putin".to_string())),
            ("5%".to_string(), None),
        ]
    );
    // A name hyphenated into a modifier is no subject; a country as subject speaks.
    assert_eq!(
        claimants("Revenue rose 11%, the Walldorf-based company said."),
        [("11%".to_string(), None)]
    );
    assert_eq!(
        claimants("After the talks, North Korea stated it would respond within 48 hours."),
        [("48 hours".to_string(), Some("North Korea".to_string()))]
    );
    // A relative clause or an apposition describing the speaker: the article's voice.
    let text = "“The plant will close,” said Maria Lopez. Tom Baker, who spent 31 years \
                at Hartwell, said he was shocked. “It is a sad day,” said Tom Baker, who \
                spent 31 years at Hartwell.";
    assert_eq!(
        claimants(text),
        [
            ("31 years".to_string(), None),
            ("31 years".to_string(), None)
        ]
    );
    assert_eq!(
        claimants("John Burrows, the chairman of a panel of twelve, said the flag must change."),
        [("twelve".to_string(), None)]
    );
    // The subject of a verb after the number still claims it.
    assert_eq!(
        claimants("About 40 people died, Jane Smith said."),
        [("About 40".to_string(), Some("Jane Smith".to_string()))]
    );
}

#[test]
fn a_number_too_long_to_read_gives_no_claim_and_a_warning() {
    let long = "9".repeat(600);
    let text = format!("The debt is {long} dollars, and 5 people left.");
    let analysis = byline::analyze(&text, &byline::Options::default());
    let claims: Vec<&str> = analysis.claims.iter().map(|c| c.text.as_ref()).collect();
    assert_eq!(claims, ["5"]);
    assert_eq!(analysis.warnings.len(), 1, "{:?}", analysis.warnings);
    assert!(
        analysis.warnings[0].contains("600 characters"),
        "{:?}",
        analysis.warnings
    );
    // Up to the token limit, a long number is one claim.
    let long = "9".repeat(200);
    let text = format!("It is {long} km.");
    let doc = byline::annotate(&text);
    assert_eq!(doc.claims.len(), 1);
}

#[test]
fn a_month_after_a_word_that_leads_one_is_no_person() {
    let doc = byline::annotate("Talks were held between May and June in Geneva.");
    assert_eq!(dates(&doc), ["May", "June"]);
    assert!(
        doc.entities.iter().all(|e| e.name != "May"),
        "{:?}",
        doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}
