//! The page's words for the report's values: class-safe names of kinds and types,
//! quotation and claim descriptions, numbers without float noise, plurals.

use byline::ClaimReport;

/// A kind or type as a class or data value: the report's value when it is a plain
/// lowercase word (they all are), else `other`; never anything from the article text.
pub fn token(value: &str) -> &str {
    let plain = !value.is_empty()
        && value.len() <= 24
        && value.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if plain {
        value
    } else {
        "other"
    }
}

/// `1 quotation`, `2 quotations`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

/// An integer with thousands separators.
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A claim's value: `20 %`, `1–3`, `≥ 2 hour`, or `—` without one.
pub fn claim_value(claim: &ClaimReport) -> String {
    let Some(value) = claim.value else {
        return "—".to_string();
    };
    let mut out = number(value);
    if let Some(max) = claim.value_max {
        out.push('–');
        out.push_str(&number(max));
    }
    if let Some(unit) = &claim.unit {
        out.push(' ');
        out.push_str(unit);
    }
    out
}

/// The qualifier in words: `at least`, `at most`, `about`, `exactly`, or empty.
pub fn qualifier(claim: &ClaimReport) -> &'static str {
    match claim.qualifier.map(|q| q.as_str()) {
        Some("lower_bound") => "at least",
        Some("upper_bound") => "at most",
        Some("approximate") => "about",
        Some("exact") => "exactly",
        _ => "",
    }
}

/// The tooltip of a claim: kind, qualified value and claimant.
pub fn claim_tooltip(claim: &ClaimReport) -> String {
    let mut out = format!("{} claim", token(claim.kind.as_str()));
    if claim.value.is_some() {
        out.push_str(": ");
        let qualifier = qualifier(claim);
        if !qualifier.is_empty() {
            out.push_str(qualifier);
            out.push(' ');
        }
        out.push_str(&claim_value(claim));
    }
    if let Some(claimant) = &claim.claimant {
        out.push_str(" · claimed by ");
        out.push_str(&claimant.name);
    }
    out
}

/// A number as a reader writes it: no `.0`, at most six decimals, no exponent.
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let fixed = format!("{value:.6}");
    fixed
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// How a quotation kind reads in a tooltip.
pub fn quote_kind(kind: &str) -> &'static str {
    match kind {
        "direct" => "direct quotation",
        "partial" => "partial quotation",
        "scare" => "scare quotes",
        _ => "quotation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(number(5000.0), "5000");
        assert_eq!(number(3.5), "3.5");
        assert_eq!(number(0.125), "0.125");
        assert_eq!(number(-2.0), "-2");
        assert_eq!(grouped(1234567), "1,234,567");
        assert_eq!(grouped(12), "12");
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(1018, "word", "words"), "1,018 words");
    }

    #[test]
    fn tokens_are_plain_words_or_other() {
        assert_eq!(token("upper_bound"), "upper_bound");
        assert_eq!(token("x\" onclick=\"y"), "other");
        assert_eq!(token(""), "other");
    }

    #[test]
    fn claims_read_with_qualifier_value_and_claimant() {
        let text = "Putin's army has taken nearly 20% of the country, he said.";
        let analysis = byline::analyze(text, &byline::Options::default());
        let claim = &analysis.claims[0];
        assert_eq!(claim_value(claim), "20 %");
        assert_eq!(qualifier(claim), "at most");
        assert!(claim_tooltip(claim).starts_with("percent claim: at most 20 %"));
    }
}
