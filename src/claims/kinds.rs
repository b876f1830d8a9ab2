//! Kinds that depend on the words around a number: dates and years ("2025", "in August
//! 2024", "on Thursday", "the 1990s", "5/17/2018"), ages ("14-year-old", "aged 14"),
//! ratios ("one in five", "18-fold", "a third", "three times the average"; "three times"
//! alone counts occurrences), scores ("2–1"), and ranks ("the third-largest",
//! "finished 3rd"). Every check looks a bounded number of pieces around the number.

use super::lists::{self, WordClass, FUNCTION_WORDS};
use super::numbers::{self, Form, Numeral};
use super::pieces::{Join, Piece, PieceKind};
use crate::calendar::{self, Calendar, Reading};
use crate::document::ClaimKind;

/// A plausible year: a whole number from 1000 to 2100.
pub fn is_year_value(v: f64) -> bool {
    v.fract() == 0.0 && (1000.0..=2100.0).contains(&v)
}

fn calendar_of(p: &Piece) -> Option<Calendar> {
    if p.kind != PieceKind::Word || !p.is_capitalized() {
        return None;
    }
    calendar_word(p.lower())
}

/// A month or weekday name in lowercase, with a possessive or abbreviation period
/// ("august’s", "jan.").
pub fn calendar_word(lower: &str) -> Option<Calendar> {
    calendar::calendar(calendar_word_stem(lower))
}

/// A calendar word without its possessive or period: "august’s" → "august".
fn calendar_word_stem(lower: &str) -> &str {
    trim_suffix(trim_suffix(lower, "’s"), "'s").trim_end_matches('.')
}

/// `word` without any repeats of `suffix` at its end: `trim_end_matches` with a string
/// pattern, without building a substring searcher (this runs for most pieces).
pub fn trim_suffix<'w>(mut word: &'w str, suffix: &str) -> &'w str {
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

fn is_day(p: &Piece) -> bool {
    p.is_digits()
        && p.text.len() <= 2
        && numbers::parse_digits(p.text)
            .is_some_and(|v| (1.0..=31.0).contains(&v) && v.fract() == 0.0)
}

fn is_year_piece(p: &Piece) -> bool {
    p.is_digits() && p.text.len() == 4 && numbers::parse_digits(p.text).is_some_and(is_year_value)
}

/// A year of the first millennium after a day and month ("30 September 420").
fn is_early_year_piece(p: &Piece) -> bool {
    p.is_digits() && p.text.len() == 3 && p.text.chars().all(|c| c.is_ascii_digit())
}

/// Era words after a year: "347 AD", "44 BC".
fn is_era(p: &Piece) -> bool {
    matches!(p.text, "AD" | "BC" | "BCE" | "CE" | "A.D" | "B.C")
}

/// A date that starts with a month or weekday name at piece `i`: "August 24, 2024",
/// "May 4th", "Jan. 5", "August 2024", "in August", "Thursday". Returns its pieces
/// `[first, end)`.
pub fn calendar_date(pieces: &[Piece], i: usize) -> Option<(usize, usize)> {
    let p = pieces.get(i)?;
    if calendar_of(p)? == Calendar::Weekday {
        return Some((i, i + 1));
    }
    let reading = calendar::reading(calendar_word_stem(p.lower()))?;
    let period = reading == Reading::Abbreviation
        && pieces
            .get(i + 1)
            .is_some_and(|n| n.is_punct(".") && n.join == Join::Attached);
    let end = i + 1 + usize::from(period);
    if let Some(numbered_end) = day_and_year(pieces, end) {
        return Some((i, numbered_end));
    }
    let led = i
        .checked_sub(1)
        .and_then(|b| pieces.get(b))
        .is_some_and(|b| calendar::leads_a_month(b.lower()));
    // Alone, "May" and "March" are months only after "in", "since", …; an abbreviation
    // only with its period; other months anywhere but at the start.
    let alone = match reading {
        Reading::Name | Reading::Word => led,
        Reading::Abbreviation => period,
        Reading::Only => led || i > 0,
    };
    alone.then_some((i, end))
}

/// A day ("24", "4th") with maybe a year ("24, 2024"), or a year alone, at piece `k`
/// after a month name: the end of the date.
fn day_and_year(pieces: &[Piece], k: usize) -> Option<usize> {
    let n = pieces.get(k)?;
    if is_year_piece(n) {
        return Some(k + 1);
    }
    if !is_day(n) {
        return None;
    }
    let mut end = k + 1;
    if pieces
        .get(end)
        .is_some_and(|s| s.join == Join::Attached && matches!(s.lower(), "st" | "nd" | "rd" | "th"))
    {
        end += 1;
    }
    if pieces.get(end).is_some_and(|c| c.is_punct(","))
        && pieces.get(end + 1).is_some_and(is_year_piece)
    {
        end += 2;
    } else if pieces.get(end).is_some_and(is_year_piece) {
        end += 1;
    }
    Some(end)
}

/// A date written with numbers that starts at the numeral `n`: a year ("2025"), a decade
/// ("1990s"), a day before a month ("24 August 2024"), "5/17/2018", "2024-08-12".
/// Returns its pieces `[first, end)`.
pub fn numeric_date(pieces: &[Piece], n: &Numeral) -> Option<(usize, usize)> {
    let first = pieces.get(n.first)?;
    if n.form == Form::Decade {
        return Some((n.first, n.end));
    }
    if !first.is_digits() || n.end != n.first + 1 && n.form != Form::Ordinal {
        return None;
    }
    if let Some(end) = day_of_month(pieces, n) {
        return Some((n.first, end));
    }
    if n.form != Form::Cardinal {
        return None;
    }
    let dated = era_year(pieces, n)
        .or_else(|| circa_year(pieces, n))
        .or_else(|| year_after_month(pieces, n))
        .or_else(|| slashed_date(pieces, n));
    if let Some(end) = dated {
        return Some((n.first, end));
    }
    if !is_year_piece(first) || !n.plain_digits {
        return None;
    }
    if let Some(end) = iso_date(pieces, n) {
        return Some((n.first, end));
    }
    stands_as_a_year(pieces, n).then(|| (n.first, year_span_end(pieces, n.end)))
}

/// "24 August 2024", "4th of July": a day, a month and maybe a year; the end piece.
fn day_of_month(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    if !is_day(pieces.get(n.first)?) {
        return None;
    }
    let mut k = n.end;
    if pieces.get(k).is_some_and(|p| p.lower() == "of") {
        k += 1;
    }
    pieces
        .get(k)
        .filter(|m| calendar_of(m) == Some(Calendar::Month))?;
    let year = pieces.get(k + 1).is_some_and(is_year_piece);
    Some(k + 1 + usize::from(year))
}

/// "347 AD", "44 BC".
fn era_year(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let era = pieces
        .get(n.end)
        .is_some_and(|e| is_era(e) && e.join == Join::Space);
    (n.plain_digits && era).then_some(n.end + 1)
}

/// "c. 347", "ca. 1250", "circa 1300", "(c. 314 – 368)": a year, or a span of years,
/// after "circa" or its abbreviation; the end piece.
fn circa_year(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let back = |k: usize| n.first.checked_sub(k).and_then(|b| pieces.get(b));
    let abbreviated = |p: &Piece| matches!(p.lower(), "c." | "ca.");
    let circa = back(1).is_some_and(|b| b.lower() == "circa" || abbreviated(b))
        || (back(1).is_some_and(|p| p.text == ".")
            && back(2).is_some_and(|c| matches!(c.lower(), "c" | "ca")));
    let year = |p: &Piece| is_early_year_piece(p) || is_year_piece(p);
    if !(circa && n.plain_digits && year(pieces.get(n.first)?)) {
        return None;
    }
    let dash = pieces
        .get(n.end)
        .is_some_and(|d| matches!(d.text, "-" | "–" | "—"));
    let later = pieces.get(n.end + 1).filter(|p| {
        year(p) && numbers::parse_digits(p.text).is_some_and(|v| v > n.value && v <= 2100.0)
    });
    Some(if dash && later.is_some() {
        n.end + 2
    } else {
        n.end
    })
}

/// "December of 384", "30 September 420": a year after a month name.
fn year_after_month(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let first = pieces.get(n.first)?;
    let prev = |k: usize| n.first.checked_sub(k).and_then(|b| pieces.get(b));
    let month = |p: Option<&Piece>| p.is_some_and(|m| calendar_of(m) == Some(Calendar::Month));
    let after_month =
        month(prev(1)) || (prev(1).is_some_and(|o| o.lower() == "of") && month(prev(2)));
    let year = is_early_year_piece(first) || is_year_piece(first);
    (n.plain_digits && after_month && year).then_some(n.end)
}

/// "5/17/2018", "5/17": digits joined by slashes ("17.05.2018" is masked as dotted
/// numbers).
fn slashed_date(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let slash_digits = |k: usize| {
        pieces
            .get(k)
            .is_some_and(|s| s.is_punct("/") && s.join == Join::Attached)
            && pieces
                .get(k + 1)
                .is_some_and(|d| d.is_digits() && d.join == Join::Attached)
    };
    if !slash_digits(n.end) {
        return None;
    }
    let end = n.end + 2;
    Some(if slash_digits(end) { end + 2 } else { end })
}

/// "2024-08-12" after the year `n`.
fn iso_date(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let (m, d) = (pieces.get(n.end)?, pieces.get(n.end + 1)?);
    let dated = m.is_digits()
        && m.join == Join::Hyphen
        && m.text.len() == 2
        && d.is_digits()
        && d.join == Join::Hyphen;
    dated.then_some(n.end + 2)
}

/// Whether the year-like number `n` is a year, not a count of something ("1709
/// schoolchildren", "2000 years", "a 2000-year-old temple", "2000%"); "World Cup 2018
/// day five", "the 2000 votes" (a determiner before) and "2000 levels" (a point of
/// reference) are years.
fn stands_as_a_year(pieces: &[Piece], n: &Numeral) -> bool {
    let Some(after) = pieces.get(n.end) else {
        return true;
    };
    if after.is_word() && lists::YEAR_REFERENCE_NOUNS.contains(after.lower()) {
        return true;
    }
    // "over 2000 - 2050" is a span of years.
    if bounds_an_amount(pieces, n.first) && year_span_end(pieces, n.end) == n.end {
        return false;
    }
    let determined = n
        .first
        .checked_sub(1)
        .and_then(|b| pieces.get(b))
        .is_some_and(|b| {
            matches!(
                b.lower(),
                "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
            ) || b.lower().ends_with("’s")
                || b.lower().ends_with("'s")
        });
    if after.is_word() && after.join == Join::Space && counts_a_noun(after) && !determined {
        return false;
    }
    let measured = lists::unit(after.text).is_some()
        && (after.join == Join::Hyphen
            || lists::looks_plural(after.lower())
            || pieces.get(n.end + 1).is_some_and(|o| o.lower() == "old"));
    let a_measure = after.is_word() && after.join != Join::Attached && measured;
    !a_measure && !after.is_punct("%")
}

/// Whether the words before piece `first` bound an amount, never a year: "over 1000
/// featured articles", "nearly 2000", "more than 1500" (but "later than 2020" is a year).
fn bounds_an_amount(pieces: &[Piece], first: usize) -> bool {
    let back = |k: usize| {
        first
            .checked_sub(k)
            .and_then(|b| pieces.get(b))
            .map(Piece::lower)
    };
    match back(1) {
        Some("over" | "nearly" | "almost") => true,
        Some("than") => matches!(back(2), Some("more" | "fewer" | "less")),
        _ => false,
    }
}

/// "1939-1945", "2019–20": the end of a span of years that starts with the year ending
/// before piece `end`.
fn year_span_end(pieces: &[Piece], end: usize) -> usize {
    let Some(link) = pieces.get(end) else {
        return end;
    };
    let dash = matches!(link.text, "-" | "–" | "—") && link.kind == PieceKind::Punct;
    let second = if link.is_digits() && link.join == Join::Hyphen {
        end
    } else if dash {
        end + 1
    } else {
        return end;
    };
    match pieces.get(second) {
        Some(p) if is_year_piece(p) || (p.is_digits() && p.text.len() == 2) => second + 1,
        _ => end,
    }
}

/// A lowercase word that looks like a counted plural noun ("schoolchildren", "votes").
pub fn counts_a_noun(p: &Piece) -> bool {
    if !p.is_word() || p.is_capitalized() || FUNCTION_WORDS.contains(p.lower()) {
        return false;
    }
    lists::looks_plural(p.lower())
}

/// Refines the kind from the words around the number: ratios, ages, scores, ordinals.
/// `end` may grow to take in words that belong to the claim ("-fold", "old").
pub fn refine(
    pieces: &[Piece],
    n: &Numeral,
    second: Option<&Numeral>,
    kind: &mut ClaimKind,
    unit: &mut Option<&'static str>,
    end: &mut usize,
) {
    match n.form {
        Form::Ordinal => *kind = ClaimKind::Ordinal,
        Form::Ratio => {
            *kind = ClaimKind::Ratio;
            // "twice the average": a multiplier, as "three times the average" is.
            let word = pieces.get(n.first).and_then(|p| p.number_word);
            if word.is_some_and(|w| w.class == WordClass::Multiplier) {
                *unit = Some("x");
            }
        }
        _ if *kind == ClaimKind::Count => refine_count(pieces, n, second, kind, unit, end),
        _ if *kind == ClaimKind::Duration => {
            // "14-year-old", "14 years old", "nine-month-old"
            if let Some(old) = pieces.get(*end).filter(|o| o.lower() == "old") {
                if old.join != Join::Attached {
                    *kind = ClaimKind::Age;
                    *end += 1;
                }
            }
        }
        _ => {}
    }
}

/// [`refine`] for a count: a fraction or "18-fold" is a ratio, "aged 14" an age, "2-1"
/// a score.
fn refine_count(
    pieces: &[Piece],
    n: &Numeral,
    second: Option<&Numeral>,
    kind: &mut ClaimKind,
    unit: &mut Option<&'static str>,
    end: &mut usize,
) {
    if n.form == Form::Fraction {
        *kind = ClaimKind::Ratio;
        return;
    }
    let fold = pieces
        .get(n.end)
        .is_some_and(|f| f.lower() == "fold" && f.join == Join::Hyphen);
    if fold {
        *kind = ClaimKind::Ratio;
        *unit = Some("x");
        *end = (*end).max(n.end + 1);
    } else if let Some(multiplier) = times_after(pieces, n) {
        // "three times the average" multiplies; "arrested three times" counts.
        if multiplier {
            *kind = ClaimKind::Ratio;
            *unit = Some("x");
        }
        *end = (*end).max(n.end + 1);
    } else if is_age(pieces, n) {
        *kind = ClaimKind::Age;
        *unit = Some("year");
    } else if second.is_some_and(|m| is_score(pieces, n, m)) {
        *kind = ClaimKind::Score;
    }
}

/// "times" right after the count `n` ("three times", "5.3 million times"): whether it
/// multiplies another quantity (a word of `data/claim_comparisons.txt` follows: "three
/// times the average", "2.5 times higher") rather than counting occurrences ("three times
/// a day"); none without "times".
fn times_after(pieces: &[Piece], n: &Numeral) -> Option<bool> {
    let times = pieces.get(n.end)?;
    if times.text != "times" || times.join != Join::Space {
        return None;
    }
    let next = pieces.get(n.end + 1);
    Some(next.is_some_and(|w| w.is_word() && lists::COMPARISONS.contains(w.lower())))
}

/// "at the age of fourteen", "aged 14", "age 14", and "Biden, 81, has made" (an age in
/// commas right after a name).
fn is_age(pieces: &[Piece], n: &Numeral) -> bool {
    let before = |k: usize| {
        n.first
            .checked_sub(k)
            .and_then(|b| pieces.get(b))
            .map(|p| p.lower())
    };
    let age_of = n.first > 1 && before(1) == Some("of") && before(2) == Some("age");
    let aged = before(1).is_some_and(|b| matches!(b, "aged" | "age" | "ages"));
    age_of || aged || is_age_after_name(pieces, n)
}

/// Pieces looked at on each side of a dashed pair of numbers for a sports word.
const SCORE_WINDOW: usize = 12;

/// Two whole numbers joined by a dash ("2-1", "1 – 1"), the second no larger than the
/// first or a sports word near, or by "to", the second smaller ("a vote of 31 to 12", "31
/// votes to 12"; no range runs down): a score, not a range.
fn is_score(pieces: &[Piece], n: &Numeral, m: &Numeral) -> bool {
    if m.value.fract() != 0.0 || n.value.fract() != 0.0 {
        return false;
    }
    let dashed = pieces
        .get(n.end)
        .is_some_and(|l| matches!(l.text, "-" | "–" | "—") || l.join == Join::Hyphen);
    let to = m
        .first
        .checked_sub(1)
        .and_then(|k| pieces.get(k))
        .is_some_and(|l| l.lower() == "to");
    (dashed && (m.value <= n.value || sports_word_near(pieces, n, m))) || (to && m.value < n.value)
}

/// A word of `data/score_words.txt` within [`SCORE_WINDOW`] pieces of the pair `n`–`m`.
fn sports_word_near(pieces: &[Piece], n: &Numeral, m: &Numeral) -> bool {
    let lo = n.first.saturating_sub(SCORE_WINDOW);
    let hi = (m.end + SCORE_WINDOW).min(pieces.len());
    pieces
        .get(lo..hi)
        .is_some_and(|near| near.iter().any(|p| lists::SCORE_WORDS.contains(p.lower())))
}

/// Highest side of a match score read after a name ("beat Aston Villa 2-1"); larger
/// dashed pairs after a name are model numbers ("Boeing 737-800").
const MAX_SCORE_AFTER_NAME: f64 = 199.0;

/// "beat Aston Villa 2-1", "Chelsea 3 – 1": digits after a name that open a dashed pair
/// of whole numbers up to [`MAX_SCORE_AFTER_NAME`] with a sports word near are a match
/// score, not a number in the name ("Windows 10", "Route 9-1").
pub fn is_score_after_name(pieces: &[Piece], n: &Numeral) -> bool {
    let Some(second) = dashed_second(pieces, n.end) else {
        return false;
    };
    let Some(m) = numbers::parse_at(pieces, second, false).filter(|m| m.first == second) else {
        return false;
    };
    let small = |v: f64| v.fract() == 0.0 && (0.0..=MAX_SCORE_AFTER_NAME).contains(&v);
    small(n.value) && small(m.value) && is_score(pieces, n, &m) && sports_word_near(pieces, n, &m)
}

/// Where the second number of a dashed pair starts when the first ends before piece
/// `end`: "2-1" (one token), "2 – 1", "2–1".
pub fn dashed_second(pieces: &[Piece], end: usize) -> Option<usize> {
    let link = pieces.get(end)?;
    if link.is_digits() && link.join == Join::Hyphen {
        return Some(end);
    }
    let dash = link.kind == PieceKind::Punct && matches!(link.text, "-" | "–" | "—");
    (dash && pieces.get(end + 1).is_some_and(Piece::is_digits)).then_some(end + 1)
}

/// Oldest age read from a bare number in commas after a name.
const MAX_AGE: f64 = 120.0;

/// A whole number from 1 to 120, in plain digits, set off by commas right after a
/// capitalised word that is no month or weekday ("Biden, 81, has", "Lopez, 42."): the
/// news convention for a person's age.
fn is_age_after_name(pieces: &[Piece], n: &Numeral) -> bool {
    let plain = n.end == n.first + 1
        && pieces
            .get(n.first)
            .is_some_and(|p| p.is_digits() && p.text.bytes().all(|b| b.is_ascii_digit()));
    if !plain || n.value < 1.0 || n.value > MAX_AGE || n.value.fract() != 0.0 {
        return false;
    }
    let comma_before = n.first >= 2 && pieces.get(n.first - 1).is_some_and(|p| p.is_punct(","));
    let name = n
        .first
        .checked_sub(2)
        .and_then(|k| pieces.get(k))
        .is_some_and(|w| {
            w.is_word()
                && w.text.chars().next().is_some_and(char::is_uppercase)
                && calendar::calendar(w.lower()).is_none()
        });
    let closed = pieces
        .get(n.end)
        .is_none_or(|p| p.is_punct(",") || p.is_punct(".") || p.is_punct(";") || p.is_punct(")"));
    comma_before && name && closed
}

/// The piece that makes the digits of `n` a rank: "#" glued before them ("the #2
/// browser"), or "number" after a verb of moving or being ("rose to number 3 in the
/// charts", "is number 1"; but "number 10 Downing Street" is an address).
pub fn rank_marker(pieces: &[Piece], n: &Numeral) -> Option<usize> {
    let at = n.first.checked_sub(1)?;
    let (marker, first) = (&pieces[at], &pieces[n.first]);
    if !first.is_digits() {
        return None;
    }
    if marker.is_punct("#") && first.join == Join::Attached {
        return Some(at);
    }
    let verb = at.checked_sub(1).is_some_and(|v| {
        matches!(
            pieces[v].lower(),
            "to" | "reached" | "hit" | "is" | "was" | "remains" | "became"
        )
    });
    let named = pieces
        .get(n.end)
        .is_some_and(|w| w.is_word() && w.is_capitalized());
    (marker.lower() == "number" && verb && !named).then_some(at)
}

/// An ordinal that ranks by a measure: after a determiner or possessive, a superlative
/// after it ("the third-largest", "the 86th most subscribed", "Europe's second lowest"),
/// or a verb of ranking before it ("ranked 3rd", "ranks third"). Other ordinals are
/// positions in a sequence, not claims: a repeat ("for a third time"), a place in a
/// contest ("second place", "finished 3rd", "were second best"), a plain ordinal ("the
/// first visit", "his first arrest").
pub fn is_rank(pieces: &[Piece], n: &Numeral) -> bool {
    let superlative = pieces.get(n.end).is_some_and(|w| {
        let l = w.lower();
        (l.ends_with("est") && l.len() > 4 && !lists::EST_WORDS.contains(l))
            || matches!(l, "most" | "least" | "best" | "worst")
    });
    let before = n.first.checked_sub(1).and_then(|b| pieces.get(b));
    let ranked = before.is_some_and(|b| {
        matches!(
            b.lower(),
            "ranked" | "ranks" | "rank" | "ranking" | "seeded"
        )
    });
    let determined = before.is_some_and(|b| {
        let l = b.lower();
        matches!(
            l,
            "the" | "its" | "their" | "his" | "her" | "our" | "my" | "your" | "this" | "that"
        ) || l.ends_with("'s")
            || l.ends_with("’s")
            || l.ends_with("s'")
    });
    (superlative && determined) || ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_suffix_removes_repeats_only_at_the_end() {
        assert_eq!(trim_suffix("may's's", "'s"), "may");
        assert_eq!(trim_suffix("august’s", "’s"), "august");
        assert_eq!(trim_suffix("it's me", "'s"), "it's me");
        assert_eq!(trim_suffix("'s", "'s"), "");
        assert_eq!(calendar_word("jan."), Some(Calendar::Month));
        assert_eq!(calendar_word("friday’s"), Some(Calendar::Weekday));
    }

    #[test]
    fn years_and_plurals() {
        assert!(is_year_value(2025.0));
        assert!(!is_year_value(2025.5));
        assert!(!is_year_value(5000.0));
    }
}
