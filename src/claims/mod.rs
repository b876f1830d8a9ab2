//! Numeric claims: every checkable number of the article with its kind, value (and the
//! high end of a range), unit, qualifier, the noun phrase it counts, and who claims it.
//!
//! Reads the tokens and sentences of `segment` (cut into finer [`pieces`]), and for the
//! claimant the quotations of `quotes`/`attribution` and the mentions of `entities`.
//! Submodules by domain: [`numbers`] (digits and words → value), [`extract`] (currency,
//! qualifiers, units, ranges), [`kinds`] (dates, ages, ratios, scores, ranks), [`filters`]
//! (numbers that are not claims), [`subject`], [`claimant`]; the word lists are in `data/`
//! and loaded by [`lists`]. [`screen`] skips sentences that cannot hold a claim.

pub mod claimant;
pub mod extract;
pub mod filters;
pub mod kinds;
pub mod lists;
pub mod numbers;
pub mod pieces;
pub mod screen;
pub mod subject;

use crate::document::{self, Document, ParagraphKind, Span};
use crate::limits;

/// Fills `doc.claims`.
pub fn run(doc: &mut Document) {
    let (mut claims, mut too_long) = (Vec::new(), Vec::new());
    let mut limited = false;
    for s in 0..doc.sentences.len() {
        if !in_boilerplate(doc, s) && screen::may_hold_claims(doc, s) {
            let before = claims.len();
            extract::sentence_claims(doc, s, &mut claims, &mut too_long);
            limited |= limits::keep(&mut claims, before, limits::CLAIMS, |c| c.span().start());
        }
    }
    if let Some(first) = too_long.first() {
        doc.warnings
            .push(too_long_warning(doc, *first, too_long.len()));
    }
    if limited {
        doc.warnings.push(limits::CLAIMS.warning());
    }
    // Up to half the capacity is unused after the doublings; free it before the
    // claimant search builds its indexes (a shrink of a large buffer moves no bytes).
    claims.shrink_to_fit();
    claimant::assign(doc, &mut claims);
    doc.claims = claims;
}

/// Whether sentence `s` is in a boilerplate paragraph (a credit line, an author's bio, a
/// caption): its numbers are no claims the article makes.
fn in_boilerplate(doc: &Document, s: usize) -> bool {
    let paragraph = &doc.paragraphs[doc.sentences[s].paragraph()];
    paragraph.kind == ParagraphKind::Boilerplate
}

/// The warning for `count` numbers too long to read, the first at `first`.
fn too_long_warning(doc: &Document, first: Span, count: usize) -> String {
    let at = doc.text[..first.start()].chars().count();
    let others = match count {
        1 => String::new(),
        _ => format!(" (and {} more)", count - 1),
    };
    format!(
        "a number of {} characters at character {at}{others} is longer than {} bytes: \
         not read as a claim",
        doc.slice(first).chars().count(),
        document::MAX_TOKEN_BYTES
    )
}

/// A number as written, before any judgement of whether it is a claim.
#[cfg(feature = "dev")]
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMention {
    /// The numeral's words or digits.
    pub span: Span,
    /// Its value.
    pub value: f64,
    /// Glued to a unit word ("180ml", "29km"): a measure rather than a bare number.
    pub glued_unit: bool,
}

/// Every numeral of the document (including those inside names, dates and phone numbers),
/// as a plain number recogniser sees them (for the tests that score byline against one).
#[cfg(feature = "dev")]
pub fn numbers(doc: &Document) -> Vec<NumberMention> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let pieces = pieces::of_sentence(doc, s);
        let mut i = 0;
        while i < pieces.len() {
            match numbers::parse_at(&pieces, i, false) {
                Some(n) if n.form != numbers::Form::Ordinal && n.form != numbers::Form::Vague => {
                    let (first, last) = (&pieces[n.first], &pieces[n.end - 1]); // n within pieces
                    let next = pieces.get(n.end);
                    let glued_unit = next.is_some_and(|p| {
                        p.is_word() && p.join == pieces::Join::Attached && p.token == last.token
                    });
                    out.push(NumberMention {
                        span: Span::new(first.span.start(), last.span.end()),
                        value: n.value,
                        glued_unit,
                    });
                    i = n.end.max(i + 1);
                }
                Some(n) => i = n.end.max(i + 1),
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Qualifier::{self, *};

    /// (text, kind, value, value_max, unit, qualifier) of each claim of `text`.
    type Row = (
        String,
        &'static str,
        Option<f64>,
        Option<f64>,
        Option<&'static str>,
        Option<Qualifier>,
    );

    fn claims(text: &str) -> Vec<Row> {
        let doc = crate::annotate(text);
        doc.claims
            .iter()
            .map(|c| {
                (
                    doc.slice(c.span()).to_string(),
                    c.kind().as_str(),
                    c.value(),
                    c.value_max(),
                    c.unit(),
                    c.qualifier(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Row {
        let all = claims(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn row(
        t: &str,
        kind: &'static str,
        v: f64,
        unit: Option<&'static str>,
        q: Option<Qualifier>,
    ) -> Row {
        (t.to_string(), kind, Some(v), None, unit, q)
    }

    #[test]
    fn kinds_of_measures() {
        assert_eq!(
            one("They crossed 120 miles."),
            row("120 miles", "length", 120.0, Some("mi"), None)
        );
        assert_eq!(
            one("It covers 5,000 sq km."),
            row("5,000 sq km", "area", 5000.0, Some("km2"), None)
        );
        assert_eq!(
            one("It weighs 3 tonnes."),
            row("3 tonnes", "mass", 3.0, Some("t"), None)
        );
        assert_eq!(
            one("They pump 2m barrels daily."),
            row("2m barrels", "volume", 2e6, Some("bbl"), None)
        );
        assert_eq!(
            one("Winds reached 90 mph."),
            row("90 mph", "speed", 90.0, Some("mph"), None)
        );
        assert_eq!(
            one("It was 35°C today."),
            row("35°C", "temperature", 35.0, Some("°C"), None)
        );
        assert_eq!(
            one("The talks lasted two hours."),
            row("two hours", "duration", 2.0, Some("hour"), None)
        );
    }

    #[test]
    fn digit_forms_of_the_issue() {
        let r = one("A 2,000-strong force arrived.");
        assert_eq!(
            (r.0.as_str(), r.1, r.2),
            ("2,000-strong", "count", Some(2000.0))
        );
        assert_eq!(one("About 1.2m people fled.").2, Some(1.2e6));
        assert_eq!(one("They counted 3.5 million votes.").2, Some(3.5e6));
        assert_eq!(one("It has 10k members.").2, Some(1e4));
        assert_eq!(one("a $1 trillion plan").2, Some(1e12));
        assert_eq!(one("twenty-one soldiers").2, Some(21.0));
        assert_eq!(one("a dozen eggs").2, Some(12.0));
        assert_eq!(one("half of the voters").2, Some(0.5));
        let r = one("tens of thousands of people");
        assert_eq!((r.2, r.5), (Some(1e4), Some(Approximate)));
        assert_eq!(one("hundreds of protesters").2, Some(100.0));
    }

    #[test]
    fn money_with_signs_codes_and_multipliers() {
        assert_eq!(
            one("It costs $2.5bn."),
            row("$2.5bn", "money", 2.5e9, Some("USD"), None)
        );
        assert_eq!(
            one("They paid £1.2m for it."),
            row("£1.2m", "money", 1.2e6, Some("GBP"), None)
        );
        assert_eq!(
            one("A fine of €300 million."),
            row("€300 million", "money", 3e8, Some("EUR"), None)
        );
        assert_eq!(
            one("Aid of US$ 20,000 arrived."),
            row("US$ 20,000", "money", 20_000.0, Some("USD"), None)
        );
        assert_eq!(
            one("He owes 5,000 dollars."),
            row("5,000 dollars", "money", 5000.0, Some("USD"), None)
        );
        assert_eq!(
            one("The bill is USD 40."),
            row("USD 40", "money", 40.0, Some("USD"), None)
        );
        assert_eq!(
            one("A ¥10k fee."),
            row("¥10k", "money", 10_000.0, Some("JPY"), None)
        );
    }

    #[test]
    fn percents_and_points() {
        assert_eq!(
            one("Turnout was 58%."),
            row("58%", "percent", 58.0, Some("%"), None)
        );
        assert_eq!(
            one("Rates rose 10 per cent."),
            row("10 per cent", "percent", 10.0, Some("%"), None)
        );
        assert_eq!(
            one("It fell forty percent."),
            row("forty percent", "percent", 40.0, Some("%"), None)
        );
        assert_eq!(
            one("A gap of 3 percentage points."),
            row("3 percentage points", "percent", 3.0, Some("pp"), None)
        );
    }

    #[test]
    fn qualifiers_stay_in_the_span() {
        assert_eq!(one("They seized nearly 5,000 sq km.").5, Some(UpperBound));
        assert_eq!(one("It took almost 3 years.").5, Some(UpperBound));
        assert_eq!(one("just under 40 people came").5, Some(UpperBound));
        assert_eq!(one("more than 3.5 years passed").5, Some(LowerBound));
        assert_eq!(one("over 200 people came").0, "over 200");
        assert_eq!(one("at least 12 died").5, Some(LowerBound));
        assert_eq!(one("upwards of 500 protesters").5, Some(LowerBound));
        assert_eq!(one("about 1% of the land").0, "about 1%");
        assert_eq!(one("around 30 people").5, Some(Approximate));
        assert_eq!(one("roughly 40 ships").5, Some(Approximate));
        assert_eq!(one("some 300 troops").5, Some(Approximate));
        assert_eq!(one("an estimated 2,000 people").0, "an estimated 2,000");
        assert_eq!(one("approximately 7 km").5, Some(Approximate));
        assert_eq!(one("exactly 100 days").5, Some(Exact));
        assert_eq!(one("4+ years of work").5, Some(LowerBound));
        assert_eq!(
            one("thousands of drones"),
            row("thousands", "count", 1000.0, None, Some(Approximate))
        );
        assert_eq!(one("two plain numbers").5, None);
    }

    #[test]
    fn ranges_give_value_max() {
        assert_eq!(one("between 10 and 20 people").0, "between 10 and 20");
        assert_eq!(one("between 10 and 20 people").3, Some(20.0));
        let r = one("a 10-15% rise");
        assert_eq!((r.1, r.2, r.3), ("percent", Some(10.0), Some(15.0)));
        let r = one("It lasts 8–10 years.");
        assert_eq!((r.1, r.2, r.3), ("duration", Some(8.0), Some(10.0)));
        let r = one("two or three goals");
        assert_eq!((r.2, r.3), (Some(2.0), Some(3.0)));
        let r = one("costs $10m-$20m");
        assert_eq!((r.1, r.2, r.3), ("money", Some(1e7), Some(2e7)));
    }

    #[test]
    fn ages_ratios_scores_ranks() {
        assert_eq!(one("a 14-year-old boy").1, "age");
        assert_eq!(one("She is 30 years old.").0, "30 years old");
        assert_eq!(one("aged 14, he left").1, "age");
        let r = one("one in five adults");
        assert_eq!((r.1, r.2), ("ratio", Some(0.2)));
        assert_eq!(one("an 18-fold rise").1, "ratio");
        assert_eq!(one("a third of voters").1, "ratio");
        assert_eq!(
            one("Belgium won 3–0 on Monday."
                .replace(" on Monday", "")
                .as_str())
            .1,
            "score"
        );
        assert_eq!(one("They lost 2-1.").1, "score");
        assert_eq!(one("the third-largest city").1, "ordinal");
        assert_eq!(one("It is ranked 3rd in Europe.").1, "ordinal");
        assert_eq!(one("It is the #2 browser.").0, "#2");
        assert_eq!(
            one("The site rose to number 3 in the charts.").0,
            "number 3"
        );
        assert!(claims("He lives at number 10 Downing Street.").is_empty());
        // A plain ordinal is no claim.
        assert!(claims("the first visit").is_empty());
    }

    #[test]
    fn a_score_after_a_team_name_is_one_claim() {
        let kinds = |t: &str| {
            claims(t)
                .into_iter()
                .map(|r| (r.0, r.1, r.2, r.3))
                .collect::<Vec<_>>()
        };
        let score = |t: &str, a: f64, b: f64| (t.to_string(), "score", Some(a), Some(b));
        assert_eq!(
            kinds("Rovers beat Harton Vale 2-1 at the Mill."),
            [score("2-1", 2.0, 1.0)]
        );
        assert_eq!(
            kinds("The Hawks lost to Delby County 1 – 3 in the cup."),
            [score("1 – 3", 1.0, 3.0)]
        );
        // A tally with "to", the second side smaller: a vote or a result.
        assert_eq!(
            kinds("It was approved by 31 votes to 12."),
            [score("31 votes to 12", 31.0, 12.0)]
        );
        assert_eq!(
            kinds("It passed by a vote of 31 to 12."),
            [score("31 to 12", 31.0, 12.0)]
        );
        assert_eq!(
            kinds("a rise of 10 to 12"),
            [("10 to 12".to_string(), "count", Some(10.0), Some(12.0))]
        );
        // No sports word near, or numbers too large for a score: a code in a name.
        assert!(claims("They flew on a Boeing 737-800 to Oslo.").is_empty());
        assert!(claims("Follow Route 9-1 north.").is_empty());
    }

    #[test]
    fn times_after_a_number_multiplies_or_counts_occurrences() {
        let r = one("Rain reached roughly three times the monthly average.");
        assert_eq!(
            r,
            row(
                "roughly three times",
                "ratio",
                3.0,
                Some("x"),
                Some(Approximate)
            )
        );
        assert_eq!(one("It is 2.5 times higher than before.").1, "ratio");
        assert_eq!(one("Shares trade at 11 times earnings.").1, "ratio");
        // Occurrences: a count, with "times" in its span.
        assert_eq!(
            one("The clip was viewed 5.3 million times last week."),
            row("5.3 million times", "count", 5.3e6, None, None)
        );
        assert_eq!(one("He was arrested three times.").0, "three times");
        // "twice" multiplies only before a comparison.
        assert_eq!(
            one("Prices are twice the national average."),
            row("twice", "ratio", 2.0, Some("x"), None)
        );
        assert_eq!(one("It is more than twice as likely.").0, "more than twice");
        for text in ["She visited twice.", "He scored twice the same day."] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // "times" is no subject, nor what follows it.
        for text in [
            "Rain reached three times the monthly average.",
            "He was arrested three times last year.",
        ] {
            let doc = crate::annotate(text);
            let subjects: Vec<_> = doc.claims.iter().map(|c| c.subject()).collect();
            assert_eq!(subjects, [None], "{text}");
        }
    }

    #[test]
    fn ages_set_off_by_commas_after_a_name() {
        let age = |t: &str, v: f64| row(t, "age", v, Some("year"), None);
        assert_eq!(
            claims("Biden, 81, has made the economy his focus."),
            [age("81", 81.0)]
        );
        assert_eq!(
            claims("said Maria Lopez, 42, a teacher."),
            [age("42", 42.0)]
        );
        assert_eq!(claims("a 14-year-old boy"), [age("14-year-old", 14.0)]);
        assert_eq!(claims("a man aged 30"), [age("30", 30.0)]);
        // No name before the commas, or too large for an age: a count.
        assert_eq!(one("In all, 81, were counted.").1, "count");
        assert_eq!(one("Smith, 500, and Jones.").1, "count");
    }

    #[test]
    fn only_ranks_by_a_measure_are_ordinal_claims() {
        // Positions in a sequence: repeats and places in a contest.
        for text in [
            "He ran for a third time.",
            "It won for the 4th straight time.",
            "He spoke for the first time.",
            "She finished 3rd.",
            "Nathan Law came second place in the constituency.",
            "It was the second time that the line had closed.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // No determiner or possessive before the ordinal: a place, not a rank; nor is a
        // noun in "-est" a superlative.
        for text in [
            "They had been second best for an hour.",
            "It was his first arrest.",
            "She made a second request.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        assert_eq!(one("It is Europe's second-largest port.").1, "ordinal");
        assert_eq!(one("It is the 86th most subscribed channel.").1, "ordinal");
        assert_eq!(one("Protection B is the second lowest grade.").1, "ordinal");
        assert_eq!(one("A third of voters stayed home.").1, "ratio");
    }

    #[test]
    fn over_a_period_is_a_span_not_a_bound() {
        assert_eq!(
            claims("The plan would cut $1.2 trillion in spending over 10 years."),
            [
                row("$1.2 trillion", "money", 1.2e12, Some("USD"), None),
                row("10 years", "duration", 10.0, Some("year"), None),
            ]
        );
        assert_eq!(
            one("skills honed over 4+ years"),
            row("4+ years", "duration", 4.0, Some("year"), Some(LowerBound))
        );
        // Bounds: a count, a length of time after "for", a lone duration.
        assert_eq!(one("Over 500 people came.").5, Some(LowerBound));
        assert_eq!(one("He was jailed for over 10 years.").0, "over 10 years");
        assert_eq!(one("The talks lasted over two hours.").5, Some(LowerBound));
    }

    #[test]
    fn dates_are_kind_date() {
        let kinds = |t: &str| {
            claims(t)
                .into_iter()
                .map(|r| (r.0, r.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(kinds("In 2025 it grew."), [("2025".to_string(), "date")]);
        assert_eq!(
            kinds("It happened in August 2024."),
            [("August 2024".to_string(), "date")]
        );
        assert_eq!(
            kinds("They met on Thursday."),
            [("Thursday".to_string(), "date")]
        );
        assert_eq!(
            kinds("It ended on 4 July 1990."),
            [("4 July 1990".to_string(), "date")]
        );
        assert_eq!(
            kinds("Prices of the 1990s."),
            [("1990s".to_string(), "date")]
        );
        // A four-digit count is not a year.
        assert_eq!(
            kinds("They tested 1709 schoolchildren."),
            [("1709".to_string(), "count")]
        );
        // A bound before a four-digit number makes it an amount; "later than" a year.
        assert_eq!(
            kinds("It has over 1000 featured articles."),
            [("over 1000".to_string(), "count")]
        );
        assert_eq!(
            kinds("It must end no later than 2030."),
            [("2030".to_string(), "date")]
        );
        assert_eq!(
            kinds("Yields fell over 2000 - 2050."),
            [("2000 - 2050".to_string(), "date")]
        );
        // After "circa", a year of any century, or a span of years.
        assert_eq!(
            kinds("Theodorus of Tabennese (c. 314 – 368) was a monk."),
            [("314 – 368".to_string(), "date")]
        );
        assert_eq!(
            kinds("It was built ca. 1250 and circa 900."),
            [("1250".to_string(), "date"), ("900".to_string(), "date")]
        );
    }

    #[test]
    fn numbers_that_are_not_claims() {
        for text in [
            "AirAsia Flight 8501 crashed.",
            "It runs Windows 10 only.",
            "Take Highway 74 north.",
            "The G7 met.",
            "Call 555-123-4567 now.",
            "We met at 10:30 and at 5 p.m. again.",
            "See page 12 for details.",
            "As shown before [12], it works.",
            "It is one of the best.",
            "The COVID-19 rules changed.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
        }
        // A capitalised word before a measured number is no name.
        assert_eq!(one("the Japanese 5000 yen note").1, "money");
        // "one" before a noun counts; before a verb or pronoun it stands for a noun.
        assert_eq!(one("This one person took it.").0, "one");
        assert!(claims("Which one do you prefer?").is_empty());
        // "one" closing a clause stands for a noun, unless a word before makes it an
        // amount.
        for text in ["I would like to see one.", "It is two missions in one."] {
            let ones = claims(text).into_iter().filter(|r| r.0 == "one").count();
            assert_eq!(ones, 0, "{text}: {:?}", claims(text));
        }
        for text in [
            "Lanes were cut to one.",
            "At least one.",
            "Not more than one.",
        ] {
            assert_eq!(claims(text).len(), 1, "{text}: {:?}", claims(text));
        }
        // A list marker at a paragraph start.
        assert!(claims("1. Preheat the oven.").is_empty());
    }
}
