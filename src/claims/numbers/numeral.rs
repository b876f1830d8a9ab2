//! What the number readers share: the [`Numeral`] they give back (the pieces it spans,
//! its value and [`Form`]), and [`parse_digits`], the value of a run of digits. Relies on
//! nothing else.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A plain count or amount.
    Cardinal,
    /// "first", "3rd", "twenty-first".
    Ordinal,
    /// "a third", "3/4", "two thirds", "half".
    Fraction,
    /// "one in five", "two out of three".
    Ratio,
    /// A vague magnitude ("thousands", "tens of thousands", "dozens").
    Vague,
    /// A decade ("1990s", "80s").
    Decade,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// First piece.
    pub first: usize,
    /// One past the last piece.
    pub end: usize,
    pub value: f64,
    pub form: Form,
    /// Spelled out in words (at least in part).
    pub words: bool,
    /// Written in digits with no scale word or abbreviation ("5,000", "2025").
    pub plain_digits: bool,
}

impl Numeral {
    /// A numeral of pieces `[first, end)` in digits, with a scale or other ending (not
    /// plain digits).
    pub fn new(first: usize, end: usize, value: f64, form: Form) -> Numeral {
        Numeral {
            first,
            end,
            value,
            form,
            words: false,
            plain_digits: false,
        }
    }

    /// A numeral of pieces `[first, end)` spelled out in words.
    pub fn in_words(first: usize, end: usize, value: f64, form: Form) -> Numeral {
        Numeral {
            words: true,
            ..Numeral::new(first, end, value, form)
        }
    }
}

/// Parses the value of a run of digits with separators: "5,000", "3.5", "12,34,567.89"
/// (Indian grouping), "1.111,11" and "5,00" (decimal comma), "1e10"; ".08" is read by
/// the caller.
pub fn parse_digits(text: &str) -> Option<f64> {
    if let Some((mantissa, exponent)) = text.split_once(['e', 'E']) {
        let m = parse_digits(mantissa)?;
        let e: i32 = exponent.parse().ok()?;
        return Some(m * 10f64.powi(e));
    }
    let normal = normalise_separators(text)?;
    let value: f64 = normal.parse().ok()?;
    value.is_finite().then_some(value)
}

/// `text` with its group separators dropped and its decimal separator made a point;
/// `None` when the separators fit no grouping.
fn normalise_separators(text: &str) -> Option<String> {
    let commas = text.matches(',').count();
    let dots = text.matches('.').count() + text.matches('·').count();
    if commas > 0 && dots > 0 {
        // The later separator is the decimal one.
        let last_comma = text.rfind(',')?;
        let last_dot = text.rfind(['.', '·'])?;
        return Some(if last_dot > last_comma {
            text.replace(',', "").replace('·', ".")
        } else {
            text.replace(['.', '·'], "").replace(',', ".")
        });
    }
    if commas > 0 {
        let groups: Vec<&str> = text.split(',').collect();
        let thousands = groups.iter().skip(1).all(|g| g.len() == 3);
        let indian = groups.len() > 2
            && groups.last().is_some_and(|g| g.len() == 3)
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2);
        return if thousands || indian {
            Some(text.replace(',', ""))
        } else if commas == 1 {
            Some(text.replace(',', "."))
        } else {
            None
        };
    }
    if dots > 1 {
        let groups: Vec<&str> = text.split(['.', '·']).collect();
        let thousands = groups.iter().skip(1).all(|g| g.len() == 3);
        return thousands.then(|| text.replace(['.', '·'], ""));
    }
    Some(text.replace('·', "."))
}
