//! Claim assembly: around each numeral of a sentence, the currency sign before it, the
//! qualifier words ("nearly", "more than", "4+"), the unit after it ("sq km", "%",
//! "years"), a range's second end ("10-15%", "between 10 and 20", "two or three"), and
//! from all of these the claim's kind. Dates and years are kept with kind `date`. Works
//! left to right over the pieces; every step looks a bounded number of pieces ahead or
//! back, so a sentence is read in linear time.

use super::filters;
use super::kinds;
use super::lists::{self, Place};
use super::numbers::{self, Form, Numeral};
use super::pieces::{Join, Piece, PieceKind};
use super::subject;
use crate::document::{Claim, ClaimKind, ClaimParts, Document, Qualifier, Span};

/// A claim found in a sentence, before claimants are known.
#[derive(Clone, Copy)]
struct Found {
    /// First and one-past-last piece of the whole claim (qualifier and unit included).
    first: usize,
    end: usize,
    /// First piece after the qualifier words.
    quantity_first: usize,
    kind: ClaimKind,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: Option<&'static str>,
    qualifier: Option<Qualifier>,
}

/// Appends the claims of sentence `s` to `out`, and to `too_long` the numbers left out
/// for their length (see [`numbers::too_long_at`]).
pub fn sentence_claims(doc: &Document, s: usize, out: &mut Vec<Claim>, too_long: &mut Vec<Span>) {
    let sentence = &doc.sentences[s];
    let lowered = super::pieces::Lowered::of(doc, s);
    let pieces = super::pieces::of_sentence_lowered(doc, s, &lowered);
    let masks = filters::masked_spans(doc.slice(sentence.span), sentence.span.start());
    let first_in_paragraph = doc
        .paragraphs
        .get(sentence.paragraph())
        .is_some_and(|p| p.sentences().start == s);
    let mut next_number = NextNumber::default();
    let mut i = 0;
    while i < pieces.len() {
        crate::steps::add(1);
        if !may_start_claim(&pieces, i, &mut next_number) {
            i += 1;
            continue;
        }
        if let Some(end) = numbers::too_long_at(&pieces, i) {
            too_long.push(Span::new(
                pieces[i].span.start(),
                pieces[end - 1].span.end(),
            ));
            i = end;
            continue;
        }
        // Dates that start with a word: "August 2024", "on Thursday".
        if let Some((first, end)) = kinds::calendar_date(&pieces, i) {
            i = end.max(push(s, &pieces, date_claim(&pieces, first, end), out));
            continue;
        }
        let number_ahead = next_number.after(&pieces, i) <= i + 3;
        match claim_at(&pieces, i, &masks, first_in_paragraph, number_ahead) {
            Some(found) => {
                i = found.end.max(i + 1);
                if found.first < found.end {
                    // The claim may take in the rest of its token: go on after it.
                    i = i.max(push(s, &pieces, found, out));
                }
            }
            None => i += 1,
        }
    }
}

/// Whether a date or claim may start at piece `i` (false means [`kinds::calendar_date`]
/// and [`claim_at`] there certainly find none): a number within the next three pieces
/// (after a currency), a capitalised word (a month or weekday), or the start of a
/// numeral. Most pieces are none of these, and it spares them the full tests.
fn may_start_claim(pieces: &[Piece], i: usize, next_number: &mut NextNumber) -> bool {
    let Some(p) = pieces.get(i) else {
        return false;
    };
    next_number.after(pieces, i) <= i + 3
        || (p.is_word() && p.is_capitalized())
        || numbers::may_open_numeral(p)
}

/// The first piece after a given one that [`starts_number`], remembered while the
/// pieces are asked in ascending order: each piece is tested once, where a look three
/// pieces ahead from every piece tested each three times.
#[derive(Default)]
struct NextNumber {
    /// The first piece after the one last asked for that starts a number
    /// (`usize::MAX` if none does); 0 before any is asked.
    at: usize,
}

impl NextNumber {
    /// The first piece after `i` that starts a number, `usize::MAX` if none does; `i`
    /// must not be below any index asked before.
    fn after(&mut self, pieces: &[Piece], i: usize) -> usize {
        if self.at <= i {
            let from = i + 1;
            self.at = pieces
                .iter()
                .skip(from)
                .position(starts_number)
                .map_or(usize::MAX, |k| from + k);
            crate::steps::add(self.at.min(pieces.len()) - i);
        }
        self.at
    }
}

fn date_claim(pieces: &[Piece], first: usize, end: usize) -> Found {
    let year = pieces[first..end]
        .iter()
        .filter(|p| p.is_digits())
        .filter_map(|p| numbers::parse_digits(p.text))
        .find(|v| kinds::is_year_value(*v));
    Found {
        first,
        end,
        quantity_first: first,
        kind: ClaimKind::Date,
        value: year,
        value_max: None,
        unit: None,
        qualifier: None,
    }
}

/// Appends the claim and returns the piece after it.
fn push(s: usize, pieces: &[Piece], found: Found, out: &mut Vec<Claim>) -> usize {
    // A claim holds at least one piece of the sentence.
    let (first, last) = (&pieces[found.first], &pieces[found.end - 1]);
    // A claim never ends inside a token: "2,000-strong", "14-year-old".
    let mut end = last.span.end();
    let mut next = found.end;
    while let Some(p) = pieces.get(next) {
        if p.token == last.token {
            end = p.span.end();
            next += 1;
        } else {
            break;
        }
    }
    let span = Span::new(first.span.start(), end);
    let quantity_start = pieces
        .get(found.quantity_first)
        .map_or(span.start(), |p| p.span.start());
    let subject = if found.kind == ClaimKind::Date {
        None
    } else {
        subject::after(pieces, next, found.kind)
    };
    out.push(Claim::new(ClaimParts {
        span,
        quantity_start,
        kind: found.kind,
        value: found.value,
        value_max: found.value_max,
        unit: found.unit,
        qualifier: found.qualifier,
        subject,
        sentence: s,
    }));
    next
}

/// A currency written before the number at piece `i`: "$", "US$", "NZ $", "c $", "USD",
/// "€". Returns the code and the piece where the number starts.
fn currency_before_number(pieces: &[Piece], i: usize) -> Option<(&'static str, usize, f64)> {
    // A currency only counts before a number: test that before building surfaces.
    if !pieces.iter().skip(i + 1).take(3).any(starts_number) {
        return None;
    }
    currency_before_number_ahead(pieces, i)
}

/// [`currency_before_number`] where a number is known to start within the three pieces
/// after `i`.
fn currency_before_number_ahead(pieces: &[Piece], i: usize) -> Option<(&'static str, usize, f64)> {
    // "music's $500 million man": the "s" of a possessive is no Singapore.
    let possessive = pieces[i].lower() == "s"
        && i.checked_sub(1)
            .is_some_and(|b| matches!(pieces[b].text, "'" | "’"));
    let longest = if possessive { 1 } else { 3 };
    // Longest surface first, over up to three pieces ("U.S.$" is "U.S", ".", "$").
    for len in (1..=longest).rev() {
        let end = i + len;
        if pieces.get(end).is_some_and(|next| !starts_number(next)) {
            continue;
        }
        // A country's dollar ends in "$" (see `country_dollar`; it trims trailing space).
        let dollar = |_, last: u8| last == b'$' || last.is_ascii_whitespace();
        if !surface_may_be(lists::currency_shapes(), pieces, i, end, dollar) {
            continue;
        }
        let Some(Some((c, scale))) = with_surface(pieces, i, end, currency_before) else {
            continue;
        };
        if c.place == Place::After {
            continue;
        }
        let next = pieces.get(end)?;
        if starts_number(next) {
            return Some((c.code, end, scale));
        }
    }
    None
}

/// The currency a surface written before a number names, and the multiplier its code
/// carries ("MUSD": a million).
fn currency_before(key: &str) -> Option<(&'static lists::Currency, f64)> {
    match lists::currency(key).or_else(|| country_dollar(key)) {
        Some(c) => Some((c, 1.0)),
        None => millions_of(key).map(|c| (c, 1e6)),
    }
}

/// Digits, a number word or "half": what may follow a currency sign or name.
fn starts_number(piece: &Piece) -> bool {
    piece.is_digits() || piece.number_word.is_some() || piece.lower() == "half"
}

/// "MUSD", "MEUR": millions of a currency, as in financial reports.
fn millions_of(key: &str) -> Option<&'static lists::Currency> {
    let code = key.strip_prefix('M')?;
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    lists::currency(code)
}

/// "c $", "us $", "hk $" written apart (as in tokenised news text).
fn country_dollar(key: &str) -> Option<&'static lists::Currency> {
    // Only a dollar sign ends these: test that before building strings (no uppercase
    // mapping makes a "$" of another character).
    if !key.trim_end().ends_with('$') {
        return None;
    }
    let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    // "a $ 5 bill" is not Australian dollars.
    if compact == key || key.starts_with("a ") || key.starts_with("A ") {
        return None;
    }
    let upper = compact.to_uppercase();
    lists::currency(&upper).filter(|c| c.place != Place::After && upper.ends_with('$'))
}

/// The text of pieces `[from, to)` with their joins: " " for a space, "" when attached.
fn surface(pieces: &[Piece], from: usize, to: usize) -> Option<String> {
    if to > pieces.len() || from >= to {
        return None;
    }
    let mut s = String::new();
    for (k, p) in pieces[from..to].iter().enumerate() {
        if k > 0 {
            match p.join {
                Join::Space => s.push(' '),
                Join::Hyphen => s.push('-'),
                Join::Attached => {}
            }
        }
        s.push_str(p.text);
    }
    Some(s)
}

/// Longest text built on the stack by [`with_concat`]; longer ones are allocated.
const STACK_TEXT: usize = 64;

/// Calls `f` with `parts` concatenated, without allocating when the result is short
/// (nearly always): surfaces and phrases are built and looked up for many pieces.
fn with_concat<'a, R>(
    parts: impl Iterator<Item = &'a str> + Clone,
    f: impl FnOnce(&str) -> R,
) -> R {
    let mut buf = [0u8; STACK_TEXT];
    let mut len = 0;
    for part in parts.clone() {
        let Some(dest) = buf.get_mut(len..len + part.len()) else {
            return f(&parts.collect::<String>());
        };
        dest.copy_from_slice(part.as_bytes());
        len += part.len();
    }
    // Whole strings joined: valid UTF-8.
    match std::str::from_utf8(&buf[..len]) {
        Ok(text) => f(text),
        Err(_) => f(&parts.collect::<String>()),
    }
}

/// Whether [`surface`] of pieces `[from, to)` may be a word of `shapes` (or, for an ASCII
/// surface, a case variant of one), or "MUSD"-like (see `millions_of`), or fit `other`
/// (given its first and last byte): its length and end bytes tell, before it is built.
fn surface_may_be(
    shapes: &lists::Shapes,
    pieces: &[Piece],
    from: usize,
    to: usize,
    other: impl Fn(u8, u8) -> bool,
) -> bool {
    let Some(parts) = pieces.get(from..to).filter(|parts| !parts.is_empty()) else {
        return true; // no surface: `with_surface` says so
    };
    let (mut len, mut ascii) = (0, true);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 && p.join != Join::Attached {
            len += 1;
        }
        len += p.text.len();
        ascii &= p.text.is_ascii();
    }
    let first = parts.first().and_then(|p| p.text.as_bytes().first());
    let last = parts.last().and_then(|p| p.text.as_bytes().last());
    let (Some(&first), Some(&last)) = (first, last) else {
        return true;
    };
    // Non-ASCII text may change length when lowercased: no conclusion.
    !ascii
        || shapes.may_hold_ends(first, last, len)
        || (len == 4 && first == b'M')
        || other(first, last)
}

/// Calls `f` with [`surface`] of pieces `[from, to)`, built by [`with_concat`].
fn with_surface<R>(
    pieces: &[Piece],
    from: usize,
    to: usize,
    f: impl FnOnce(&str) -> R,
) -> Option<R> {
    let parts = pieces.get(from..to).filter(|parts| !parts.is_empty())?;
    let texts = parts.iter().enumerate().flat_map(|(k, p)| {
        let sep = match p.join {
            _ if k == 0 => "",
            Join::Space => " ",
            Join::Hyphen => "-",
            Join::Attached => "",
        };
        [sep, p.text]
    });
    Some(with_concat(texts, f))
}

/// Calls `f` with the lowercase words of `parts` joined by single spaces, as qualifier
/// phrases are listed.
fn with_phrase<R>(parts: &[Piece], f: impl FnOnce(&str) -> R) -> R {
    let words = parts
        .iter()
        .enumerate()
        .flat_map(|(k, p)| [if k == 0 { "" } else { " " }, p.lower()]);
    with_concat(words, f)
}

/// A unit or currency after the number: the longest match starting at piece `i`.
enum After {
    Unit(&'static lists::Unit),
    /// A currency and the multiplier its code carries ("MUSD": a million).
    Currency(&'static str, f64),
}

fn unit_after(pieces: &[Piece], i: usize) -> Option<(After, usize)> {
    let first = pieces.get(i)?;
    if first.is_digits() {
        return None;
    }
    for len in (1..=lists::MAX_UNIT_PIECES).rev() {
        let end = i + len;
        if !surface_may_be(lists::unit_or_currency_shapes(), pieces, i, end, |_, _| {
            false
        }) {
            continue;
        }
        let Some(Some((after, lone_capital))) = with_surface(pieces, i, end, unit_or_currency)
        else {
            continue;
        };
        let After::Unit(_) = after else {
            return Some((after, end));
        };
        // A unit word must end where its token ends ("km" but not "km" of "kmart").
        // One-letter units only when glued or standing alone ("5m", "5 m."), and
        // "°" only when glued.
        let next_is_word = pieces
            .get(end)
            .is_some_and(|n| n.is_word() && n.join == Join::Attached);
        // "F-Series", "23456 F Block", "13F filing": a capital letter is a name
        // there, not Fahrenheit.
        let named = lone_capital
            && (pieces.get(end).is_some_and(|n| {
                n.join == Join::Hyphen
                    || (n.is_word() && n.is_capitalized())
                    || (n.is_word() && n.join == Join::Space)
            }) || pieces.get(i).is_some_and(|p| {
                p.join == Join::Attached && pieces.get(end).is_some_and(|n| n.is_word())
            }));
        if next_is_word || named {
            continue;
        }
        return Some((after, end));
    }
    None
}

/// What a surface after a number names: a currency (the code's multiplier included) or a
/// unit, and whether the surface is one capital letter.
fn unit_or_currency(key: &str) -> Option<(After, bool)> {
    if let Some(c) = lists::currency(key).filter(|c| c.place != Place::Before) {
        return Some((After::Currency(c.code, 1.0), false));
    }
    if let Some(c) = millions_of(key) {
        return Some((After::Currency(c.code, 1e6), false));
    }
    let lone_capital = key.len() == 1 && key.chars().all(|c| c.is_ascii_uppercase());
    lists::unit(key).map(|u| (After::Unit(u), lone_capital))
}

/// Qualifier words ending right before piece `start`: the longest phrase.
fn qualifier_before(pieces: &[Piece], start: usize) -> Option<(Qualifier, usize)> {
    for len in (1..=lists::MAX_QUALIFIER_WORDS).rev() {
        let Some(from) = start.checked_sub(len) else {
            continue;
        };
        if pieces[from..start]
            .iter()
            .any(|p| p.kind == PieceKind::Digits)
        {
            continue;
        }
        let phrase = with_phrase(&pieces[from..start], lists::qualifier);
        if let Some(q) = phrase.filter(|q| !q.after) {
            return Some((q.qualifier, from));
        }
    }
    None
}

/// Pieces looked back over from "over" for the quantity that the period spreads.
const SPAN_OF_TIME_WINDOW: usize = 8;

/// Whether "over" before the duration `found` names the period something happens in
/// ("cut $1.2 trillion in spending over 10 years", "grew 5% over three years") rather
/// than a lower bound ("jailed for over 10 years"). It does when a "+" already bounds
/// the number ("over 4+ years"), or when another quantity in digits comes earlier in
/// the same clause; a lone "over" + duration stays a bound, the safer reading.
fn over_is_a_span_of_time(pieces: &[Piece], found: &Found, plus: bool) -> bool {
    let over = found.first;
    if found.quantity_first != over + 1 || pieces.get(over).is_none_or(|p| p.lower() != "over") {
        return false;
    }
    if plus {
        return true;
    }
    // "for over 10 years", "it has been over a year": the length itself is bounded.
    let bounded = over
        .checked_sub(1)
        .and_then(|b| pieces.get(b))
        .is_some_and(|b| {
            matches!(
                b.lower(),
                "for" | "of" | "been" | "be" | "is" | "was" | "are" | "were" | "after" | "in"
            )
        });
    if bounded {
        return false;
    }
    let from = over.saturating_sub(SPAN_OF_TIME_WINDOW);
    for p in pieces[from..over].iter().rev() {
        if p.kind == PieceKind::Punct && matches!(p.text, "," | ";" | ":" | "(" | ")") {
            return false;
        }
        if p.is_digits() || lists::currency(p.text).is_some() {
            return true;
        }
    }
    false
}

/// Qualifier words right after piece `end` ("4+", "or more").
fn qualifier_after(pieces: &[Piece], end: usize) -> Option<(Qualifier, usize)> {
    let first = pieces.get(end)?;
    if first.is_punct("+") && first.join == Join::Attached {
        return Some((Qualifier::LowerBound, end + 1));
    }
    for len in (1..=2).rev() {
        let Some(ps) = pieces.get(end..end + len) else {
            continue;
        };
        if let Some(q) = with_phrase(ps, lists::qualifier).filter(|q| q.after) {
            if ps[0].lower() == "+" || ps[0].lower() == "plus" {
                continue;
            }
            return Some((q.qualifier, end + len));
        }
    }
    None
}

/// What joins the two ends of a range at piece `i` ("-", "to", and "and" after
/// "between"): returns the piece where the second number starts.
fn range_link(pieces: &[Piece], i: usize, opener: Option<Opener>) -> Option<usize> {
    let p = pieces.get(i)?;
    if p.join == Join::Hyphen && p.is_digits() {
        return Some(i); // "10-15"
    }
    let dash = matches!(p.text, "-" | "–" | "—" | "‒") && p.kind == PieceKind::Punct;
    let to = p.lower() == "to" && opener != Some(Opener::From);
    let and = p.lower() == "and" && opener == Some(Opener::Between);
    if dash || to || and {
        let next = pieces.get(i + 1)?;
        if next.is_digits() || next.number_word.is_some() || lists::currency(next.text).is_some() {
            return Some(i + 1);
        }
    }
    None
}

/// Builds the claim whose number starts at piece `i` (or whose currency sign does).
/// `number_ahead` tells whether a number starts within the three pieces after `i` (the
/// caller knows, and a currency needs one). An empty claim (see [`skip`]) says that the
/// number there is no claim.
fn claim_at(
    pieces: &[Piece],
    i: usize,
    masks: &[Span],
    first_in_paragraph: bool,
    number_ahead: bool,
) -> Option<Found> {
    let currency = if number_ahead {
        currency_before_number_ahead(pieces, i)
    } else {
        None
    };
    let start = currency.map_or(i, |(_, start, _)| start);
    let n = numbers::parse_at(pieces, start, currency.is_some())
        .or_else(|| a_qualified_unit(pieces, start))?;
    let numeral_span = Span::new(
        pieces.get(n.first)?.span.start(),
        pieces.get(n.end - 1)?.span.end(),
    );
    if filters::is_masked(masks, numeral_span) {
        return Some(skip(n.end));
    }
    if currency.is_none() {
        if let Some(found) = settled_before_unit(pieces, &n, first_in_paragraph) {
            return Some(found);
        }
    }
    let found = read_claim(pieces, i, n, currency.map(|(code, _, scale)| (code, scale)));
    if let Some(end) = exchange_rate_note(pieces, &found) {
        return Some(skip(end));
    }
    Some(found)
}

/// A numeral without a currency that is settled before its unit is read: no quantity
/// (an empty claim, see [`skip`]), an age ("in her 40s"), or a date written with numbers.
fn settled_before_unit(pieces: &[Piece], n: &Numeral, first_in_paragraph: bool) -> Option<Found> {
    if filters::is_not_a_quantity(pieces, n, first_in_paragraph) {
        return Some(skip(code_end(pieces, n.end)));
    }
    if let Some(found) = age_decade(pieces, n) {
        return Some(found);
    }
    // Years, decades and dates written with numbers.
    let (first, end) = kinds::numeric_date(pieces, n)?;
    Some(date_claim(pieces, first, end))
}

/// The end of a number that is no quantity (a code, a label) ending before piece `end`:
/// digits joined to it by a dash inside its token go with it ("Boeing 737-800").
fn code_end(pieces: &[Piece], end: usize) -> usize {
    let last = end.checked_sub(1).and_then(|l| pieces.get(l));
    match kinds::dashed_second(pieces, end) {
        Some(k) if last.is_some_and(|l| l.token == pieces[k].token) => k + 1,
        _ => end,
    }
}

/// Reads the claim around numeral `n` (from piece `i`, its currency sign if `currency`
/// holds the sign's code and multiplier): qualifier words before it, a range, a "+", the
/// unit after it (or, for money, a range of amounts), qualifier words after it, and from
/// the unit the kind.
fn read_claim(
    pieces: &[Piece],
    i: usize,
    n: Numeral,
    currency: Option<(&'static str, f64)>,
) -> Found {
    let mut reading = Reading::new(pieces, i, n, currency);
    reading.qualifier_before();
    reading.range();
    reading.plus_sign();
    if currency.is_none() {
        reading.unit();
        reading.range_with_units();
    } else {
        reading.range_of_amounts();
    }
    reading.qualifier_after();
    reading.kind_from_unit();
    reading.finish()
}

/// "($1 = 0.9245 euros)", "1 euro = $1.08": an exchange-rate note, one unit of a currency
/// equal to an amount of another; no claim of the article. Returns the piece after it.
fn exchange_rate_note(pieces: &[Piece], found: &Found) -> Option<usize> {
    if found.kind != ClaimKind::Money || found.value != Some(1.0) {
        return None;
    }
    let equals = found.end;
    if !pieces.get(equals)?.is_punct("=") {
        return None;
    }
    let start = currency_before_number(pieces, equals + 1).map_or(equals + 1, |(_, s, _)| s);
    let amount = numbers::parse_at(pieces, start, true)?;
    Some(unit_after(pieces, amount.end).map_or(amount.end, |(_, end)| end))
}

/// "under an hour", "more than a year", "nearly a mile": "a"/"an" as one, before a unit
/// and after qualifier words (without them, "a year ago" or "once a week" counts
/// nothing).
fn a_qualified_unit(pieces: &[Piece], i: usize) -> Option<Numeral> {
    let a = pieces
        .get(i)
        .is_some_and(|a| matches!(a.lower(), "a" | "an"));
    let unit = pieces
        .get(i + 1)
        .is_some_and(|u| u.is_word() && u.join == Join::Space && lists::unit(u.text).is_some());
    (a && unit && qualifier_before(pieces, i).is_some())
        .then(|| Numeral::in_words(i, i + 1, 1.0, Form::Cardinal))
}

/// "in his 40s", "in their early 20s": a decade of age after a possessive, with maybe
/// "early", "mid" or "late" (then approximate); its value runs over the decade.
fn age_decade(pieces: &[Piece], n: &Numeral) -> Option<Found> {
    if !(n.form == Form::Decade && pieces[n.first].text.len() == 2) {
        return None;
    }
    let back = |k: usize| n.first.checked_sub(k).and_then(|b| pieces.get(b));
    let part = back(1).filter(|w| matches!(w.lower(), "early" | "mid" | "late"));
    let owner = back(1 + usize::from(part.is_some()))?;
    if !matches!(
        owner.lower(),
        "his" | "her" | "their" | "my" | "your" | "our"
    ) {
        return None;
    }
    let first = n.first - usize::from(part.is_some());
    Some(Found {
        first,
        end: n.end,
        quantity_first: first,
        kind: ClaimKind::Age,
        value: Some(n.value),
        value_max: Some(n.value + 9.0),
        unit: Some("year"),
        qualifier: part.map(|_| Qualifier::Approximate),
    })
}

/// What opens a range before its first number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// "between 10 and 20": "and" joins the ends.
    Between,
    /// "from 10 to 20": a change from one value to another, two claims; "to" links no
    /// range after "from".
    From,
}

/// A claim being read around its numeral, step by step from left to right: qualifier
/// words before it, a range's second end, a "+", a unit, qualifier words after it.
struct Reading<'p, 't> {
    pieces: &'p [Piece<'t>],
    n: Numeral,
    /// The currency written before the number and the multiplier its code carries.
    currency: Option<(&'static str, f64)>,
    found: Found,
    opener: Option<Opener>,
    /// The second end of a range ("10-15%", "two or three").
    second: Option<Numeral>,
    /// "4+ years": a plus sign between the number and its unit.
    plus: bool,
    unit: Option<After>,
    /// One past the last piece read so far.
    end: usize,
}

impl<'p, 't> Reading<'p, 't> {
    /// The numeral `n` read as a count, starting at piece `i` (its currency sign, if any).
    fn new(
        pieces: &'p [Piece<'t>],
        i: usize,
        n: Numeral,
        currency: Option<(&'static str, f64)>,
    ) -> Reading<'p, 't> {
        let found = Found {
            first: i,
            end: n.end,
            quantity_first: i,
            kind: ClaimKind::Count,
            value: Some(n.value),
            value_max: None,
            unit: currency.map(|(code, _)| code),
            qualifier: (n.form == Form::Vague).then_some(Qualifier::Approximate),
        };
        Reading {
            pieces,
            n,
            currency,
            found,
            opener: None,
            second: None,
            plus: false,
            unit: None,
            end: n.end,
        }
    }

    /// Qualifier words before the quantity ("nearly", "more than"), else "between" or
    /// "from" opening a range (a range read later takes "between" into the claim, and
    /// without one "between two histories" counts two histories).
    fn qualifier_before(&mut self) {
        let i = self.found.quantity_first;
        if let Some((q, q_first)) = qualifier_before(self.pieces, i) {
            self.found.qualifier = Some(q);
            self.found.first = q_first;
            return;
        }
        let before = i.checked_sub(1).and_then(|b| self.pieces.get(b));
        self.opener = match before.map(Piece::lower) {
            Some("between") => Some(Opener::Between),
            Some("from") => Some(Opener::From),
            _ => None,
        };
    }

    /// A range right after the first number ("10-15%", "between 10 and 20") or
    /// alternatives ("two or three").
    fn range(&mut self) {
        let money = self.currency.is_some();
        self.second = range_link(self.pieces, self.end, self.opener)
            .and_then(|k| range_end(self.pieces, k, money, &self.n))
            .or_else(|| alternatives(self.pieces, self.end, &self.n))
            .or_else(|| tally(self.pieces, self.end, &self.n));
        if let Some(m) = &self.second {
            self.end = m.end;
            self.take_in_between();
        }
    }

    /// "between 10 and 20": "between" belongs to a range's span.
    fn take_in_between(&mut self) {
        if self.opener == Some(Opener::Between) {
            self.found.first = self.found.quantity_first - 1;
        }
    }

    /// "4+ years": the plus sign sits between the number and its unit.
    fn plus_sign(&mut self) {
        if self
            .pieces
            .get(self.end)
            .is_some_and(|p| p.is_punct("+") && p.join == Join::Attached)
        {
            self.plus = true;
            self.end += 1;
        }
    }

    /// A unit or currency after the number ("5,000 sq km", "40 euros").
    fn unit(&mut self) {
        if let Some((u, e)) = unit_after(self.pieces, self.end) {
            self.unit = Some(u);
            self.end = e;
        }
    }

    /// "5 km to 10 km": a range whose ends both carry the same unit ("6 % to 309,381 yen"
    /// is a change between two different quantities).
    fn range_with_units(&mut self) {
        if self.second.is_some() || self.unit.is_none() {
            return;
        }
        let pieces = self.pieces;
        let Some(m) = range_link(pieces, self.end, self.opener)
            .and_then(|k| range_end(pieces, k, false, &self.n))
        else {
            return;
        };
        let unit_key = surface(pieces, self.n.end, self.end);
        if let Some((_, e)) = unit_after(pieces, m.end) {
            if surface(pieces, m.end, e) == unit_key {
                self.second = Some(m);
                self.end = e;
                self.take_in_between();
            }
        }
    }

    /// "$10m-$20m": a range of amounts, each with its currency sign.
    fn range_of_amounts(&mut self) {
        let pieces = self.pieces;
        let Some(k) = range_link(pieces, self.end, self.opener) else {
            return;
        };
        let second = currency_before_number(pieces, k)
            .and_then(|(_, start, _)| numbers::parse_at(pieces, start, true));
        if let Some(m) = second.filter(|m| m.value > self.n.value) {
            self.second = Some(m);
            self.end = m.end;
            self.take_in_between();
        }
    }

    /// Qualifier words after the quantity ("or more"); a "+" already bounds it.
    fn qualifier_after(&mut self) {
        if let Some(m) = &self.second {
            self.found.value_max = Some(m.value);
        }
        if self.plus {
            self.found.qualifier = Some(Qualifier::LowerBound);
        } else if let Some((q, e)) = qualifier_after(self.pieces, self.end) {
            self.found.qualifier = Some(q);
            self.end = e;
        }
        self.found.end = self.end;
    }

    /// The kind the unit or currency gives: a measure, or money (with the multiplier of
    /// a code such as "MUSD", and the cents or scale word after a currency name).
    fn kind_from_unit(&mut self) {
        let found = &mut self.found;
        match self.unit {
            Some(After::Currency(code, scale)) => {
                found.kind = ClaimKind::Money;
                found.unit = Some(code);
                found.value = found.value.map(|v| v * scale);
                let (value, end) = if is_minor_unit(code) {
                    (found.value, found.end)
                } else {
                    money_tail(self.pieces, found.end, found.value)
                };
                found.value = value;
                found.end = end;
            }
            Some(After::Unit(u)) => {
                found.kind = u.kind;
                found.unit = Some(u.unit);
            }
            None => {
                if let Some((_, scale)) = self.currency {
                    found.kind = ClaimKind::Money;
                    found.value = found.value.map(|v| v * scale);
                }
            }
        }
    }

    /// The claim: its kind refined by the words around ([`kinds::refine`]), "#2" as a
    /// rank, "over 10 years" as a period rather than a bound; an ordinal that ranks
    /// nothing is no claim.
    fn finish(mut self) -> Found {
        let (pieces, n) = (self.pieces, &self.n);
        let found = &mut self.found;
        kinds::refine(
            pieces,
            n,
            self.second.as_ref(),
            &mut found.kind,
            &mut found.unit,
            &mut found.end,
        );
        if let Some(marker) = kinds::rank_marker(pieces, n).filter(|_| self.currency.is_none()) {
            found.first = marker;
            found.quantity_first = marker;
            found.kind = ClaimKind::Ordinal;
            found.unit = None;
            found.qualifier = None;
            return self.found;
        }
        if found.kind == ClaimKind::Duration && over_is_a_span_of_time(pieces, found, self.plus) {
            // "cut $1.2 trillion over 10 years", "honed over 4+ years": the period the
            // action spreads over, not a bound on it; only "+" still bounds it.
            found.first = found.quantity_first;
            found.qualifier = self.plus.then_some(Qualifier::LowerBound);
        }
        if found.kind == ClaimKind::Ordinal && !kinds::is_rank(pieces, n) {
            return skip(n.end);
        }
        if found.kind == ClaimKind::Duration
            && pieces.get(found.end).is_some_and(|p| p.lower() == "ago")
        {
            return relative_date(&self.found);
        }
        self.found
    }
}

/// "two years ago", "nearly a decade ago": a duration before "ago" is a point in time, a
/// relative date.
fn relative_date(found: &Found) -> Found {
    Found {
        end: found.end + 1,
        kind: ClaimKind::Date,
        value: None,
        value_max: None,
        unit: None,
        qualifier: None,
        ..*found
    }
}

/// A currency code of cents or pence ("USc", "GBp": the minor units end in a small
/// letter): no cents follow it ("64.2 cents a dozen").
fn is_minor_unit(code: &str) -> bool {
    code.ends_with(|c: char| c.is_ascii_lowercase())
}

/// What may follow "75 USD" or "3 dollars": a scale word ("75 USD million") or the
/// cents ("3 dollars 50 cents", "15 dollars and 50", "17 USD 25").
fn money_tail(pieces: &[Piece], end: usize, value: Option<f64>) -> (Option<f64>, usize) {
    let Some(v) = value else {
        return (value, end);
    };
    if let Some(scale) = scale_word_at(pieces, end) {
        return (Some(v * scale), end + 1);
    }
    match cents_at(pieces, end) {
        Some((cents, tail_end)) => (Some(v + cents / 100.0), tail_end),
        None => (value, end),
    }
}

/// The multiplier of a scale word at piece `i` after a space ("75 USD million").
fn scale_word_at(pieces: &[Piece], i: usize) -> Option<f64> {
    let word = pieces
        .get(i)
        .filter(|p| p.join == Join::Space)
        .and_then(|p| p.number_word)?;
    (word.class == lists::WordClass::Scale).then_some(word.value)
}

/// The cents at piece `i`, after an amount and its unit ("50 cents", "and 50", "25"):
/// their number and the piece after them. None when the number is no whole count under
/// 100 or goes on to a word or currency of its own ("15 dollars 20 times").
fn cents_at(pieces: &[Piece], i: usize) -> Option<(f64, usize)> {
    let k = if pieces.get(i).is_some_and(|p| p.lower() == "and") {
        i + 1
    } else {
        i
    };
    let cents = pieces
        .get(k)
        .and_then(|_| numbers::parse_at(pieces, k, false))?;
    if cents.first != k
        || cents.form != Form::Cardinal
        || cents.value >= 100.0
        || cents.value.fract() != 0.0
    {
        return None;
    }
    let next = pieces.get(cents.end);
    if next.is_some_and(|p| matches!(p.lower(), "cent" | "cents" | "pence" | "p")) {
        return Some((cents.value, cents.end + 1));
    }
    if next.is_some_and(|p| p.is_word() || lists::currency(p.text).is_some()) {
        return None; // "15 dollars 20 times", "10 $ 30 $": not cents
    }
    Some((cents.value, cents.end))
}

/// The second end of a range starting at piece `k`: larger than the first (else it is a
/// score or two separate numbers).
fn range_end(pieces: &[Piece], k: usize, money: bool, first: &Numeral) -> Option<Numeral> {
    let m = numbers::parse_at(pieces, k, money)?;
    if m.first != k || !matches!(m.form, Form::Cardinal) || first.form == Form::Ordinal {
        return None;
    }
    if m.value > first.value {
        return Some(m);
    }
    // A score ("2-1", "1 – 1") stays one claim too.
    if m.value.fract() == 0.0
        && first.value.fract() == 0.0
        && m.value < 100.0
        && first.value < 100.0
    {
        return Some(m);
    }
    None
}

/// "31 votes to 12", "five goals to two": the smaller second side of a tally whose first
/// side `first` ends before piece `end`, a noun of `data/claim_tally_nouns.txt` after it.
fn tally(pieces: &[Piece], end: usize, first: &Numeral) -> Option<Numeral> {
    let noun = pieces.get(end)?;
    if !(noun.is_word() && lists::TALLY_NOUNS.contains(noun.lower())) {
        return None;
    }
    pieces.get(end + 1).filter(|to| to.lower() == "to")?;
    let m = numbers::parse_at(pieces, end + 2, false)?;
    let whole = m.value.fract() == 0.0 && first.value.fract() == 0.0;
    (m.first == end + 2 && m.form == Form::Cardinal && whole && m.value < first.value).then_some(m)
}

/// "one, two or three": alternatives joined by commas and a final "or".
fn alternatives(pieces: &[Piece], end: usize, first: &Numeral) -> Option<Numeral> {
    let mut k = end;
    let mut steps = 0;
    while steps < 8 {
        let link = pieces.get(k)?;
        let is_or = link.lower() == "or";
        if !(is_or || link.is_punct(",")) {
            break;
        }
        let m = numbers::parse_at(pieces, k + 1, false)?;
        if m.first != k + 1 || m.form != Form::Cardinal || m.words != first.words {
            return None;
        }
        k = m.end;
        steps += 1;
        if is_or {
            return (m.value > first.value).then_some(m);
        }
    }
    None
}

/// No claim up to piece `end`: an empty [`Found`] (a claim has at least one piece).
fn skip(end: usize) -> Found {
    Found {
        first: end,
        end,
        quantity_first: end,
        kind: ClaimKind::Count,
        value: None,
        value_max: None,
        unit: None,
        qualifier: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`NextNumber`] answers as a look three pieces ahead of every piece does.
    #[test]
    fn next_number_agrees_with_a_look_ahead() {
        let text =
            "Of the two, 5 left in June; half stayed and $20 went. One, two: a 10-15 a b c d e f";
        let mut doc = crate::Document::new(text);
        crate::segment::run(&mut doc);
        let mut tested = 0;
        for s in 0..doc.sentences.len() {
            let pieces = super::super::pieces::of_sentence(&doc, s);
            let mut next = NextNumber::default();
            for i in 0..pieces.len() {
                let ahead = pieces.iter().skip(i + 1).take(3).any(starts_number);
                assert_eq!(next.after(&pieces, i) <= i + 3, ahead, "{s} {i}");
                tested += usize::from(ahead);
            }
            // Asked again at the end, and past it: nothing ahead.
            assert_eq!(next.after(&pieces, pieces.len()), usize::MAX);
        }
        assert!(tested > 5, "{tested}");
    }
}
