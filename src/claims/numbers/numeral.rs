//! What the number grammar gives back: a [`Numeral`], the pieces it spans, its value and
//! its [`Form`]. Shared by the digit and word readers; relies on nothing else.

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
