//! Quote marks inside one paragraph: decides for each quote-mark character whether it
//! opens a quotation, closes one or is an apostrophe, and pairs openers with closers on a
//! stack. It relies only on the paragraph's text and the characters next to each mark.
//!
//! Apostrophes never open or close: a mark between two letters or digits ("don’t",
//! "O'Brien"), before a digit ("’90s") or starting a short elision ("rock ’n’ roll", "’em")
//! is an apostrophe, and a right single mark closes only a quotation that a left single
//! mark opened (so "Russia’s" or "the leaders’ talks" never close anything).

use crate::document::Span;

/// Elided words that follow an apostrophe at the start of a word ("’n’", "’em", "’tis").
const ELISIONS: [&str; 12] = [
    "n", "em", "tis", "twas", "til", "till", "cause", "bout", "round", "cos", "nother", "kay",
];

/// Nesting deeper than this is treated as noise: a closer only looks this far down.
const MAX_DEPTH: usize = 4;

/// A quotation found in a paragraph (byte offsets into the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// From the opening mark to the closing mark (or to where the quotation stops).
    pub span: Span,
    /// The quoted words, without marks and surrounding whitespace.
    pub inner: Span,
    /// The opening character.
    pub opener: char,
    /// False when no closing mark was found.
    pub closed: bool,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    at: usize,
    ch: char,
}

/// True for every character byline treats as a possible quotation mark (the tokenizer's
/// list, so that both stages agree on what a mark is).
pub fn is_mark(c: char) -> bool {
    crate::segment::tokens::is_quote_mark(c)
}

/// True for single marks (used inside double ones, or alone in British style).
pub fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›')
}

/// Whether `closer` can close a quotation opened by `opener`.
fn closes(closer: char, opener: char) -> bool {
    match closer {
        '”' => matches!(opener, '“' | '„' | '‟' | '”'),
        '“' => matches!(opener, '„' | '“'),
        '"' => opener == '"',
        '»' => matches!(opener, '«' | '»'),
        '«' => opener == '»',
        '›' => matches!(opener, '‹' | '›'),
        '‹' => opener == '›',
        '’' => matches!(opener, '‘' | '‚' | '‛' | '\''),
        '‘' => matches!(opener, '‚' | '‘'),
        '\'' => matches!(opener, '\'' | '‘'),
        '」' => opener == '「',
        '』' => opener == '『',
        _ => false,
    }
}

/// Marks that may open a quotation: every mark but the closing-only ones.
fn can_open(c: char) -> bool {
    is_mark(c) && !matches!(c, '’' | '」' | '』')
}

/// Marks whose shape says "opener"; the others open only in a clear opening position.
fn opens_by_shape(c: char) -> bool {
    matches!(c, '“' | '«' | '‹' | '„' | '‚' | '‟' | '‛' | '「' | '『')
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '…') || is_mark(c)
}

fn is_close_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '…' | '/'
    ) || is_mark(c)
}

/// True when the word after an apostrophe at `after` is a digit or a known elision.
fn starts_elision(text: &str, after: usize) -> bool {
    let rest = text.get(after..).unwrap_or("");
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let word = rest.get(..word_len).unwrap_or("").to_lowercase();
    ELISIONS.contains(&word.as_str())
}

/// Finds the quotations of the paragraph `para` of `text`. Returns the outermost closed
/// quotations and, when a quotation is still open at the paragraph's end, its opener's
/// offset and character (an open straight single mark may still be an apostrophe: the
/// caller keeps it only when the next paragraph continues the quotation).
pub fn scan_paragraph(text: &str, para: Span) -> (Vec<Found>, Option<(usize, char)>) {
    let body = text.get(para.start()..para.end()).unwrap_or("");
    let marks = marks_of(body, para.start());
    let mut state = State {
        stack: Vec::new(),
        pairs: Vec::new(),
        singles: SingleMarks::of(&marks),
    };
    for m in &marks {
        on_mark(text, m.at, m.ch, m.prev, m.next, &mut state);
    }
    let pending = state.stack.first().map(|o| (o.at, o.ch));
    (outermost(state.pairs), pending)
}

/// A quote-mark character of a paragraph and the characters next to it (`None` at the
/// paragraph's edges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    at: usize,
    ch: char,
    prev: Option<char>,
    next: Option<char>,
}

/// The quote marks of `body` (whose first byte is at `base` in the document), in order.
/// Marks are rare: a block of bytes where none may start is skipped (the test has no
/// branch, so the compiler vectorizes it), and characters are decoded only at the bytes
/// where one may.
fn marks_of(body: &str, base: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    for (block, bytes) in body.as_bytes().chunks(16).enumerate() {
        if !bytes.iter().fold(false, |any, &b| any | may_start_mark(b)) {
            continue;
        }
        for (i, &byte) in (block * 16..).zip(bytes) {
            if may_start_mark(byte) {
                marks.extend(mark_at(body, i, base));
            }
        }
    }
    marks
}

/// True for a byte where a quote mark may start: an ASCII mark, or the lead byte of a
/// multi-byte character (never a continuation byte); a unit test checks the ASCII marks
/// against `is_mark`.
fn may_start_mark(byte: u8) -> bool {
    byte == b'"' || byte == b'\'' || byte >= 0xC0
}

/// The mark starting at byte `i` of `body`, if a mark starts there.
fn mark_at(body: &str, i: usize, base: usize) -> Option<Mark> {
    let ch = body.get(i..)?.chars().next()?;
    is_mark(ch).then(|| Mark {
        at: base + i,
        ch,
        prev: body.get(..i).and_then(|before| before.chars().next_back()),
        next: body
            .get(i + ch.len_utf8()..)
            .and_then(|after| after.chars().next()),
    })
}

struct State {
    stack: Vec<Open>,
    pairs: Vec<Found>,
    singles: SingleMarks,
}

/// Where single marks in closing and opening shape are, to look ahead from a mark that
/// may be a plural possessive ("the leaders’ meeting") rather than a closer.
struct SingleMarks {
    closers: Vec<usize>,
    openers: Vec<usize>,
}

impl SingleMarks {
    fn of(marks: &[Mark]) -> SingleMarks {
        let mut singles = SingleMarks {
            closers: Vec::new(),
            openers: Vec::new(),
        };
        for m in marks.iter().filter(|m| matches!(m.ch, '’' | '\'' | '‘')) {
            let word_before = m.prev.is_some_and(|p| !p.is_whitespace());
            let word_after = m.next.is_some_and(char::is_alphanumeric);
            if m.ch != '‘' && word_before && !word_after {
                singles.closers.push(m.at);
            } else if m.ch != '’' && !word_before && word_after {
                singles.openers.push(m.at);
            }
        }
        singles
    }

    /// True when a later single mark closes the quotation before any new one opens, so
    /// the mark at `at` need not be its closer.
    fn later_closer(&self, at: usize) -> bool {
        let first_after = |list: &[usize]| list.get(list.partition_point(|&p| p <= at)).copied();
        match (first_after(&self.closers), first_after(&self.openers)) {
            (Some(close), Some(open)) => close < open,
            (Some(_), None) => true,
            _ => false,
        }
    }
}

/// True for "s’ " + lowercase word: a plural possessive ("the leaders’ meeting").
fn looks_possessive(text: &str, at: usize, c: char, prev: Option<char>) -> bool {
    let after = text.get(at + c.len_utf8()..).unwrap_or("");
    let mut rest = after.chars();
    prev.is_some_and(|p| p == 's' || p == 'S')
        && rest.next() == Some(' ')
        && rest.next().is_some_and(char::is_lowercase)
}

/// Handles one mark: closes, opens, or ignores it (apostrophes and strays).
fn on_mark(
    text: &str,
    at: usize,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    state: &mut State,
) {
    let State {
        stack,
        pairs,
        singles,
    } = state;
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) && matches!(c, '\'' | '’' | '‘' | '‛') {
        return; // inside a word: an apostrophe ("don’t", "O'Brien")
    }
    let left = prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
    let right = next.is_none_or(|n| n.is_whitespace() || is_close_punct(n));
    let looks_opening = left && !right;
    // Straight double quotes alternate; every other mark closes only from a closing position.
    let possessive =
        matches!(c, '’' | '\'') && looks_possessive(text, at, c, prev) && singles.later_closer(at);
    let may_close = (c == '"' || !looks_opening) && !possessive;
    if may_close {
        let lowest = stack.len().saturating_sub(MAX_DEPTH);
        if let Some(depth) = (lowest..stack.len())
            .rev()
            .find(|&d| closes(c, stack[d].ch))
        {
            let open = stack[depth];
            stack.truncate(depth);
            pairs.push(found(text, open, at, at + c.len_utf8(), true));
            return;
        }
    }
    // French guillemets take a space inside (« oui »); other openers touch their words.
    let spaced_inside = matches!(c, '«' | '‹' | '»' | '›') && next.is_some();
    if !can_open(c) || (next.is_none_or(char::is_whitespace) && !spaced_inside) {
        return; // a stray closer, an inch mark, a possessive
    }
    let single = is_single(c);
    if single && (!left || starts_elision(text, at + c.len_utf8())) {
        return; // "’90s", "’n’", a trailing possessive
    }
    if !opens_by_shape(c) && !looks_opening && c != '"' {
        return;
    }
    // A straight mark glued to the end of a word and followed by punctuation is a closer
    // whose opener is missing (`probability")`), not an opener.
    let closer_shaped = right && prev.is_some_and(|p| p.is_alphanumeric() || is_close_punct(p));
    if c == '"' && closer_shaped {
        return;
    }
    // Double quotes of one style do not nest: a second opener means the first was never
    // closed, so that quotation stops where the new one starts.
    if !single {
        if let Some(top) = stack.last().copied() {
            if top.ch == c {
                stack.pop();
                pairs.push(found(text, top, at, at, false));
            }
        }
    }
    stack.push(Open { at, ch: c });
}

/// The quotation from `open` to `end` (the closing mark ends at `end`; `close_at` is where
/// the quoted words stop).
fn found(text: &str, open: Open, close_at: usize, end: usize, closed: bool) -> Found {
    let inner = trim(text, Span::new(open.at + open.ch.len_utf8(), close_at));
    let span_end = if closed {
        end
    } else {
        inner.end().max(open.at + open.ch.len_utf8())
    };
    Found {
        span: Span::new(open.at, span_end),
        inner,
        opener: open.ch,
        closed,
    }
}

/// The quotation opened at `open` that runs to the end of its paragraph.
pub fn to_paragraph_end(text: &str, open: (usize, char), para_end: usize) -> Found {
    found(
        text,
        Open {
            at: open.0,
            ch: open.1,
        },
        para_end,
        para_end,
        false,
    )
}

/// `span` without surrounding whitespace (always on char boundaries).
pub fn trim(text: &str, span: Span) -> Span {
    let s = text.get(span.start()..span.end()).unwrap_or("");
    let start = span.start() + (s.len() - s.trim_start().len());
    let end = span.start() + s.trim_end().len();
    if end < start {
        Span::new(start, start)
    } else {
        Span::new(start, end)
    }
}

/// Keeps the quotations not contained in another (nested quotes belong to the outer one).
fn outermost(mut pairs: Vec<Found>) -> Vec<Found> {
    pairs.sort_by_key(|f| (f.span.start(), std::cmp::Reverse(f.span.end())));
    let mut out: Vec<Found> = Vec::with_capacity(pairs.len());
    for f in pairs {
        if out
            .last()
            .is_none_or(|last| last.span.end() <= f.span.start())
        {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_at_their_first_bytes() {
        let text = "Он сказал: «Да» — “yes,” he said; ‘ok’ and 'no' \"end\"";
        let found: Vec<char> = marks_of(text, 0).iter().map(|m| m.ch).collect();
        let slow: Vec<char> = text.chars().filter(|&c| is_mark(c)).collect();
        assert_eq!(found, slow);
    }

    fn quotes(text: &str) -> Vec<&str> {
        let (found, pending) = scan_paragraph(text, Span::new(0, text.len()));
        let mut out: Vec<&str> = found
            .iter()
            .map(|f| &text[f.inner.start()..f.inner.end()])
            .collect();
        if let Some(p) = pending {
            out.push(&text[p.0..]);
        }
        out
    }

    #[test]
    fn marks_of_finds_every_mark_with_its_neighbours() {
        let body = "“Ça,” dit l'élève, plus tard, « oui » 「はい」 and then \"";
        let marks = marks_of(body, 100);
        let expected: Vec<Mark> = body
            .char_indices()
            .filter(|&(_, c)| is_mark(c))
            .map(|(i, ch)| Mark {
                at: 100 + i,
                ch,
                prev: body[..i].chars().next_back(),
                next: body[i + ch.len_utf8()..].chars().next(),
            })
            .collect();
        assert_eq!(marks, expected);
        assert_eq!(marks.len(), 8);
        assert_eq!((marks[0].prev, marks[0].next), (None, Some('Ç')));
        assert_eq!((marks[7].prev, marks[7].next), (Some(' '), None));
        assert!(marks_of("no marks — at all, é", 0).is_empty());
    }

    #[test]
    fn ascii_marks_are_the_ones_the_block_scan_looks_for() {
        for byte in 0..0x80u8 {
            assert_eq!(is_mark(char::from(byte)), may_start_mark(byte), "{byte}");
        }
        for c in ['“', '»', '「', '‛'] {
            let mut buf = [0u8; 4];
            assert!(may_start_mark(c.encode_utf8(&mut buf).as_bytes()[0]));
        }
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(quotes("He said “yes,” and “no.”"), ["yes,", "no."]);
        assert_eq!(quotes("He said \"yes,\" and \"no.\""), ["yes,", "no."]);
    }

    #[test]
    fn european_and_cjk_marks() {
        assert_eq!(quotes("Il a dit « oui » hier."), ["oui"]);
        assert_eq!(quotes("Er sagte „ja“ und »nein«."), ["ja", "nein"]);
        assert_eq!(quotes("Er sagte ‚ja‘ dann ‹non›."), ["ja", "non"]);
        assert_eq!(quotes("彼は「はい」と言った。"), ["はい"]);
    }

    #[test]
    fn single_quotes_british_style() {
        assert_eq!(
            quotes("He said ‘we are ready’, and left."),
            ["we are ready"]
        );
        assert_eq!(
            quotes("He said 'we are ready', and left."),
            ["we are ready"]
        );
    }

    #[test]
    fn apostrophes_never_open_or_close() {
        assert!(quotes("We don’t know Russia’s plan.").is_empty());
        assert!(quotes("Music of the ’90s and rock ’n’ roll.").is_empty());
        assert!(quotes("O'Brien and the '80s, rock 'n' roll.").is_empty());
        assert!(quotes("The leaders’ talks went on.").is_empty());
        assert_eq!(
            quotes("“Rock ’n’ roll isn’t dead,” said O’Brien of the ’90s."),
            ["Rock ’n’ roll isn’t dead,"]
        );
    }

    #[test]
    fn plural_possessive_inside_single_quotes_does_not_close() {
        assert_eq!(
            quotes("He said ‘the leaders’ meeting was good’ and left."),
            ["the leaders’ meeting was good"]
        );
        assert_eq!(
            quotes("'The workers' union agrees,' she said."),
            ["The workers' union agrees,"]
        );
        assert_eq!(quotes("the ‘boys’ and girls"), ["boys"]);
    }

    #[test]
    fn nested_quotes_give_one_quotation() {
        assert_eq!(
            quotes("“I’ve been ‘worked’ by the best,” he said."),
            ["I’ve been ‘worked’ by the best,"]
        );
        assert_eq!(
            quotes("'He said \"go\" to me,' she said."),
            ["He said \"go\" to me,"]
        );
    }

    #[test]
    fn unclosed_quote_is_pending_at_paragraph_end() {
        let text = "He said “we will go on. And on.";
        let (found, pending) = scan_paragraph(text, Span::new(0, text.len()));
        assert!(found.is_empty());
        assert_eq!(pending, Some((8, '“')));
    }

    #[test]
    fn repeated_opener_stops_the_unclosed_quotation() {
        let text = "He said “one thing. Then “another” came.";
        let (found, _) = scan_paragraph(text, Span::new(0, text.len()));
        let inners: Vec<_> = found
            .iter()
            .map(|f| &text[f.inner.start()..f.inner.end()])
            .collect();
        assert_eq!(inners, ["one thing. Then", "another"]);
        assert!(!found[0].closed);
        assert!(found[1].closed);
    }

    #[test]
    fn inch_marks_and_stray_closers_are_ignored() {
        assert!(quotes("A 12\" pipe and a 6'2\" man.").is_empty());
        assert!(quotes("It ended.” Then nothing.").is_empty());
    }

    #[test]
    fn swedish_style_right_quotes() {
        assert_eq!(quotes("Han sa ”ja” igen."), ["ja"]);
    }
}
