//! Quote marks inside one paragraph: decides for each quote-mark character whether it
//! opens a quotation, closes one or is an apostrophe, and pairs openers with closers on a
//! stack. It relies on the tokenizer's quote-mark tokens and the characters next to them.
//!
//! Apostrophes never open or close: a mark between two letters or digits ("don’t",
//! "O'Brien"), before a digit ("’90s") or starting a short elision ("rock ’n’ roll", "’em")
//! is an apostrophe, and a right single mark closes only a quotation that a left single
//! mark opened (so "Russia’s" or "the leaders’ talks" never close anything).

use std::iter::Peekable;

use crate::document::{Span, Token, TokenKind};
use crate::limits;

/// Elided words that follow an apostrophe at the start of a word ("’n’", "’em", "’tis").
const ELISIONS: [&str; 12] = [
    "n", "em", "tis", "twas", "til", "till", "cause", "bout", "round", "cos", "nother", "kay",
];

/// Nesting deeper than this is treated as noise: a closer only looks this far down.
const MAX_DEPTH: usize = 4;

/// The most quotations open at once; past it the second-deepest is forgotten.
const MAX_OPEN: usize = 64;

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
    /// True when an opening mark of the same style, after a sentence end, stopped it:
    /// the speaker goes on in a new quoted sentence whose paragraph break was lost
    /// ("said: “Trade has been frantic. “Every weekend is busier.”").
    pub reopened: bool,
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
    let rest = &text[after..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word_len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let word = rest[..word_len].to_lowercase();
    ELISIONS.contains(&word.as_str())
}

/// Finds the quotations of the paragraph `para` of `text`, whose tokens are `tokens`.
/// Returns the outermost closed quotations and, when a quotation is still open at the
/// paragraph's end, its opener's offset and character (an open straight single mark may
/// still be an apostrophe: the caller keeps it only when the next paragraph continues
/// the quotation). `kept_before` quotations were found before the paragraph: marks past
/// [`limits::QUOTATIONS`] are passed over, and the last value says whether any was.
pub fn scan_paragraph(
    text: &str,
    para: Span,
    tokens: &[Token],
    kept_before: usize,
) -> (Vec<Found>, Option<(usize, char)>, bool) {
    // The marks are read from the tokens as they are needed, never collected: a paragraph
    // of nothing but marks would hold a record per byte.
    let marks = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::QuoteMark)
        .map(move |t| Mark::at(text, para, t.start()));
    let mut state = State {
        stack: Vec::new(),
        pairs: Vec::new(),
        singles: SingleMarks::new(marks.clone()),
    };
    let mut limited = false;
    for m in marks {
        crate::steps::add(1);
        if !limits::QUOTATIONS.admits(kept_before + state.pairs.len(), m.at) {
            limited = true;
            continue;
        }
        on_mark(text, &m, &mut state);
    }
    let pending = state.stack.first().map(|o| (o.at, o.ch));
    (outermost(state.pairs), pending, limited)
}

/// A quote mark of a paragraph and the characters next to it (`None` at the
/// paragraph's edges).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    at: usize,
    ch: char,
    prev: Option<char>,
    next: Option<char>,
}

impl Mark {
    /// The mark at byte `at` of `text`, in the paragraph `para`.
    fn at(text: &str, para: Span, at: usize) -> Mark {
        let ch = text[at..]
            .chars()
            .next()
            .expect("a quote-mark token holds a mark");
        Mark {
            at,
            ch,
            prev: text[para.start()..at].chars().next_back(),
            next: text[at + ch.len_utf8()..para.end()].chars().next(),
        }
    }
}

struct State<'m> {
    stack: Vec<Open>,
    pairs: Vec<Found>,
    singles: SingleMarks<'m>,
}

/// Where single marks in closing and opening shape are, to look ahead from a mark that
/// may be a plural possessive ("the leaders’ meeting") rather than a closer. Marks are
/// asked about in text order, so each list is a cursor that only moves forward.
struct SingleMarks<'m> {
    closers: Peekable<Box<dyn Iterator<Item = usize> + 'm>>,
    openers: Peekable<Box<dyn Iterator<Item = usize> + 'm>>,
}

impl<'m> SingleMarks<'m> {
    fn new(marks: impl Iterator<Item = Mark> + Clone + 'm) -> SingleMarks<'m> {
        let singles = marks.filter(|m| matches!(m.ch, '’' | '\'' | '‘'));
        let closers = singles.clone().filter_map(|m| {
            let (before, after) = word_around(&m);
            (m.ch != '‘' && before && !after).then_some(m.at)
        });
        let openers = singles.filter_map(|m| {
            let (before, after) = word_around(&m);
            (m.ch != '’' && !before && after).then_some(m.at)
        });
        let closers: Box<dyn Iterator<Item = usize> + 'm> = Box::new(closers);
        let openers: Box<dyn Iterator<Item = usize> + 'm> = Box::new(openers);
        SingleMarks {
            closers: closers.peekable(),
            openers: openers.peekable(),
        }
    }

    /// True when a later single mark closes the quotation before any new one opens, so
    /// the mark at `at` need not be its closer. `at` never decreases from call to call.
    fn later_closer(&mut self, at: usize) -> bool {
        let first_after = |list: &mut Peekable<_>| {
            while list.next_if(|&p| p <= at).is_some() {}
            list.peek().copied()
        };
        match (
            first_after(&mut self.closers),
            first_after(&mut self.openers),
        ) {
            (Some(close), Some(open)) => close < open,
            (Some(_), None) => true,
            _ => false,
        }
    }
}

/// Whether a word touches the single mark `m` before it (any non-space) and after it (a
/// letter or digit).
fn word_around(m: &Mark) -> (bool, bool) {
    let before = m.prev.is_some_and(|p| !p.is_whitespace());
    let after = m.next.is_some_and(char::is_alphanumeric);
    (before, after)
}

/// True for "s’ " + lowercase word: a plural possessive ("the leaders’ meeting").
fn looks_possessive(text: &str, at: usize, c: char, prev: Option<char>) -> bool {
    let mut rest = text[at + c.len_utf8()..].chars();
    prev.is_some_and(|p| p == 's' || p == 'S')
        && rest.next() == Some(' ')
        && rest.next().is_some_and(char::is_lowercase)
}

/// Handles one mark: closes, opens, or ignores it (apostrophes and strays).
fn on_mark(text: &str, m: &Mark, state: &mut State) {
    let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    if alnum(m.prev) && alnum(m.next) && matches!(m.ch, '\'' | '’' | '‘' | '‛') {
        return; // inside a word: an apostrophe ("don’t", "O'Brien")
    }
    let left = m.prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p));
    let right = m
        .next
        .is_none_or(|n| n.is_whitespace() || is_close_punct(n));
    if may_close(text, m, left && !right, state) && close(text, m, state) {
        return;
    }
    if opens(text, m, left, right) {
        open(text, m, state);
    }
}

/// Whether `m` may close a quotation: straight double quotes alternate; every other mark
/// closes only from a closing position, and a plural possessive ("the leaders’ meeting")
/// only when no later mark closes the quotation.
fn may_close(text: &str, m: &Mark, looks_opening: bool, state: &mut State) -> bool {
    let possessive = matches!(m.ch, '’' | '\'')
        && looks_possessive(text, m.at, m.ch, m.prev)
        && state.singles.later_closer(m.at);
    let straight = m.ch == '"' && !(looks_opening && reopens(text, m, state));
    (straight || !looks_opening) && !possessive
}

/// True when `m` opens a new quotation of the style of the one still open, right after a
/// sentence end inside it: the open one ends there, and the speaker goes on.
fn reopens(text: &str, m: &Mark, state: &State) -> bool {
    state.stack.last().is_some_and(|top| top.ch == m.ch) && after_sentence_end(text, m.at)
}

/// True when a space and a sentence-ending mark come right before byte `at`.
fn after_sentence_end(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let words = before.trim_end();
    words.len() < before.len() && words.ends_with(['.', '!', '?', '…'])
}

/// Closes the innermost open quotation (of the top `MAX_DEPTH`) that `m` can close;
/// false when there is none.
fn close(text: &str, m: &Mark, state: &mut State) -> bool {
    let lowest = state.stack.len().saturating_sub(MAX_DEPTH);
    crate::steps::add(state.stack.len() - lowest);
    let Some(depth) = (lowest..state.stack.len())
        .rev()
        .find(|&d| closes(m.ch, state.stack[d].ch))
    else {
        return false;
    };
    let open = state.stack[depth];
    state.stack.truncate(depth);
    let end = m.at + m.ch.len_utf8();
    state.pairs.push(found(text, open, m.at, end, true));
    true
}

/// Whether `m` opens a quotation, given whether it stands where an opener (`left`) and
/// a closer (`right`) would.
fn opens(text: &str, m: &Mark, left: bool, right: bool) -> bool {
    let c = m.ch;
    // French guillemets take a space inside (« oui »); other openers touch their words.
    let spaced_inside = matches!(c, '«' | '‹' | '»' | '›') && m.next.is_some();
    if !can_open(c) || (m.next.is_none_or(char::is_whitespace) && !spaced_inside) {
        return false; // a stray closer, an inch mark, a possessive
    }
    if is_single(c) && (!left || starts_elision(text, m.at + c.len_utf8())) {
        return false; // "’90s", "’n’", a trailing possessive
    }
    let opening_position = left && !right;
    if !opens_by_shape(c) && !opening_position && c != '"' {
        return false;
    }
    // A straight mark glued to the end of a word and followed by punctuation is a closer
    // whose opener is missing (`probability")`), not an opener.
    let closer_shaped = right
        && m.prev
            .is_some_and(|p| p.is_alphanumeric() || is_close_punct(p));
    !(c == '"' && closer_shaped)
}

/// Opens a quotation at `m`. Double quotes of one style do not nest: a second opener
/// means the first was never closed, so that quotation stops where the new one starts
/// (single ones nest, unless the new one opens a sentence: see [`reopens`]).
fn open(text: &str, m: &Mark, state: &mut State) {
    if state.stack.len() == MAX_OPEN {
        // Deeper nesting is noise (a closer looks only `MAX_DEPTH` down); the bottom
        // stays, since it is what a paragraph leaves open.
        state.stack.remove(1);
    }
    let reopened = reopens(text, m, state);
    let same_style = state.stack.last().is_some_and(|top| top.ch == m.ch);
    if reopened || (!is_single(m.ch) && same_style) {
        let top = state
            .stack
            .pop()
            .expect("the top of the stack was just read");
        let stopped = found(text, top, m.at, m.at, false);
        state.pairs.push(Found {
            reopened,
            ..stopped
        });
    }
    state.stack.push(Open { at: m.at, ch: m.ch });
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
        reopened: false,
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
    let s = &text[span.range()];
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
    // No two quotations open at the same mark, so the order is total and the unstable
    // sort (which needs no buffer) gives the stable one's.
    pairs.sort_unstable_by_key(|f| (f.span.start(), std::cmp::Reverse(f.span.end())));
    // Each is compared with the last one kept.
    pairs.dedup_by(|f, kept| f.span.start() < kept.span.end());
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str) -> (Vec<Found>, Option<(usize, char)>) {
        let mut tokens = Vec::new();
        crate::segment::tokens::tokenize_into(text, 0, &mut tokens);
        let (found, pending, _) = scan_paragraph(text, Span::new(0, text.len()), &tokens, 0);
        (found, pending)
    }

    fn quotes(text: &str) -> Vec<&str> {
        let (found, pending) = scan(text);
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
    fn marks_are_the_quote_mark_tokens_with_their_neighbours() {
        let body = "“Ça,” dit l'élève, plus tard, « oui » 「はい」 and then \"";
        let mut tokens = Vec::new();
        crate::segment::tokens::tokenize_into(body, 0, &mut tokens);
        let marks: Vec<Mark> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::QuoteMark)
            .map(|t| Mark::at(body, Span::new(0, body.len()), t.start()))
            .collect();
        // Every mark of the text but the apostrophe inside "l'élève".
        let expected: Vec<char> = body.chars().filter(|&c| is_mark(c)).collect();
        let found: Vec<char> = marks.iter().map(|m| m.ch).collect();
        assert_eq!(found.len() + 1, expected.len());
        assert_eq!(found[..2], ['“', '”']);
        assert_eq!((marks[0].prev, marks[0].next), (None, Some('Ç')));
        assert_eq!((marks[1].prev, marks[1].next), (Some(','), Some(' ')));
        let last = marks.last().unwrap();
        assert_eq!((last.ch, last.prev, last.next), ('"', Some(' '), None));
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
        let (found, pending) = scan(text);
        assert!(found.is_empty());
        assert_eq!(pending, Some((8, '“')));
    }

    #[test]
    fn repeated_opener_stops_the_unclosed_quotation() {
        let text = "He said “one thing. Then “another” came.";
        let (found, _) = scan(text);
        let inners: Vec<_> = found
            .iter()
            .map(|f| &text[f.inner.start()..f.inner.end()])
            .collect();
        assert_eq!(inners, ["one thing. Then", "another"]);
        assert!(!found[0].closed);
        assert!(found[1].closed);
    }

    #[test]
    fn an_opener_after_a_sentence_end_reopens_the_quotation() {
        for text in [
            "He said: “One. “Two.” Then he left.",
            "He said: \"One. \"Two.\" Then he left.",
            "He said: ‘One. ‘Two.’ Then he left.",
        ] {
            let (found, pending) = scan(text);
            let inners: Vec<_> = found.iter().map(|f| &text[f.inner.range()]).collect();
            assert_eq!(inners, ["One.", "Two."], "{text}");
            assert!(found[0].reopened && !found[0].closed, "{text}");
            assert!(!found[1].reopened && found[1].closed, "{text}");
            assert!(pending.is_none());
        }
        // Without a sentence end the first quotation is simply unclosed.
        let (found, _) = scan("He said “one thing. Then “another” came.");
        assert!(!found[0].reopened);
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
