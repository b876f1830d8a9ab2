//! Sentence boundaries inside each paragraph, from the tokens (see [`super::tokens`]).
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis, together with the closing quotation
//! marks, brackets and citation marks ("[12]") that follow, when the next token can start
//! a sentence. What a period means depends on the word before it:
//! - after an ordinary word or a number it ends the sentence before a capitalised word, a
//!   number or an opening quotation mark;
//! - after an abbreviation (`data/abbreviations.txt`), an initialism ("U.S.") or a single
//!   letter ("J. D. Salinger") it ends the sentence only before a common sentence opener
//!   (`data/sentence_starters.txt`), so "U.S. Government" goes on and "U.S. How" ends;
//! - after a title (`data/abbreviations_titles.txt`: "Mr.", "Mt.") it never does, and after
//!   an abbreviation that stands before numbers (`data/abbreviations_numbers.txt`: "No.",
//!   "p.") it does not when a number follows.
//!
//! Ellipses end a sentence only when attached to the word before them and followed by a
//! capitalised word (or, spaced, with a fourth period). Numbered, lettered and bulleted
//! lists run together in one paragraph are split before each item, and a caption credit
//! ("… Image: Nick Moreau") starts a sentence of its own. A quotation that holds several
//! sentences is split like any other text, and a sentence that ends inside a quotation
//! ends after the closing mark. Sentences never cross a paragraph.
//!
//! Every rule looks at a bounded window of tokens, so splitting is linear in the text.

use crate::document::{Document, Sentence, Span, Token, TokenKind};
use crate::lexicon::WordSet;
use crate::limits;

static ABBREVIATIONS: WordSet = WordSet::caseless(include_str!("../../data/abbreviations.txt"));
static TITLE_ABBREVIATIONS: WordSet =
    WordSet::caseless(include_str!("../../data/abbreviations_titles.txt"));
static NUMBER_ABBREVIATIONS: WordSet =
    WordSet::caseless(include_str!("../../data/abbreviations_numbers.txt"));
static STATE_ABBREVIATIONS: WordSet =
    WordSet::exact(include_str!("../../data/abbreviations_states.txt"));
/// Every entry of the four abbreviation lists above, caseless: most words before a
/// period are in none of them, and one look-up here settles that instead of four.
static ANY_ABBREVIATION: WordSet = WordSet::caseless(concat!(
    include_str!("../../data/abbreviations.txt"),
    "\n",
    include_str!("../../data/abbreviations_titles.txt"),
    "\n",
    include_str!("../../data/abbreviations_numbers.txt"),
    "\n",
    include_str!("../../data/abbreviations_states.txt"),
));
static TIME_FOLLOWERS: WordSet = WordSet::caseless(include_str!("../../data/time_followers.txt"));
static SENTENCE_STARTERS: WordSet =
    WordSet::caseless(include_str!("../../data/sentence_starters.txt"));
/// Shared with paragraph classification (captions and credits).
pub(crate) static CREDIT_LABELS: WordSet =
    WordSet::caseless(include_str!("../../data/caption_credit_labels.txt"));

/// A sentence of at least this many words may end with an abbreviation before a title
/// ("He left at 6 P.M. Mr. Smith …"); a shorter run is an opening phrase ("At 5 a.m. Mr.
/// Smith went …").
const MIN_WORDS_BEFORE_TITLE_BOUNDARY: usize = 4;
/// How far to look for the `)` of a parenthesis that follows a sentence end.
const PARENTHESIS_WINDOW: usize = 40;
/// Longest citation mark ("[citation needed]") absorbed after a sentence end, in tokens.
const CITATION_WINDOW: usize = 6;
/// Tokens looked back over to find the word before a period ("N°", "(c").
const WORD_WINDOW: usize = 6;

const BULLETS: &[&str] = &["•", "⁃", "‣", "◦", "▪", "●"];

/// The most tokens a sentence holds: a longer run without a sentence end (a transcript
/// without punctuation, a page of marks) is cut into sentences of this many tokens, so
/// that the work and buffers every later stage keeps per sentence stay bounded. The
/// longest sentence of the evaluation texts has about 200 tokens.
pub const MAX_SENTENCE_TOKENS: usize = 1024;

/// Fills `doc.sentences` and each paragraph's sentence range.
pub fn split(doc: &mut Document) {
    // About one sentence per twenty tokens in news text; a guess too low only regrows.
    let guess = doc.paragraphs.len() + doc.tokens.len() / 16;
    let mut sentences = Vec::with_capacity(guess.min(limits::SENTENCES.most(doc.text.len())));
    // The token ranges of one paragraph's sentences, reused from paragraph to paragraph.
    let mut ranges = Vec::new();
    let mut limited = false;
    let mut first_token = 0;
    for (p_index, paragraph) in doc.paragraphs.iter_mut().enumerate() {
        let end_token = first_token_at(&doc.tokens, first_token, paragraph.span.end());
        let tokens = doc
            .tokens
            .get(first_token..end_token)
            .expect("this paragraph's tokens are counted in the rest");
        let first_sentence = sentences.len();
        ranges.clear();
        let para = Para {
            text: doc.text,
            toks: tokens,
        };
        para.sentence_ranges(&mut ranges);
        for range in ranges.iter().flat_map(|r| cut_long(r.clone())) {
            if let Some(sentence) = sentence_of(tokens, first_token, p_index, range) {
                limited |= push_within_limit(&mut sentences, first_sentence, sentence);
            }
        }
        paragraph.set_sentences(first_sentence..sentences.len());
        first_token = end_token;
    }
    // The doublings leave up to half the capacity unused, and the list lives to the end.
    sentences.shrink_to_fit();
    doc.sentences = sentences;
    if limited {
        doc.warnings.push(limits::SENTENCES.warning());
    }
}

/// The first token from `from` on that starts at or after byte `byte` (a paragraph's
/// end), or the token count.
fn first_token_at(tokens: &[Token], from: usize, byte: usize) -> usize {
    let rest = tokens
        .get(from..)
        .expect("the tokens before this paragraph's are counted");
    // The paragraph's tokens come next in the array: a forward scan over them is
    // cheaper than a binary search over all the rest (a cache miss per step).
    let count = rest
        .iter()
        .position(|t| t.start() >= byte)
        .unwrap_or(rest.len());
    from + count
}

/// The sentence of paragraph `paragraph` over `range` of its `tokens` (the first of which
/// is document token `first_token`); none when the range lies outside them.
fn sentence_of(
    tokens: &[Token],
    first_token: usize,
    paragraph: usize,
    range: std::ops::Range<usize>,
) -> Option<Sentence> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    Some(Sentence::new(
        Span::new(first.span().start(), last.span().end()),
        paragraph,
        first_token + range.start..first_token + range.end,
    ))
}

/// Pushes `sentence`, or, past [`limits::SENTENCES`], joins it to the sentence before when
/// that one is in the same paragraph (whose first sentence is `paragraph_first`) and the
/// two hold at most [`MAX_SENTENCE_TOKENS`] tokens. Returns whether it was joined.
fn push_within_limit(
    sentences: &mut Vec<Sentence>,
    paragraph_first: usize,
    sentence: Sentence,
) -> bool {
    let count = sentences.len();
    let over = !limits::SENTENCES.admits(count, sentence.span.start());
    let fits =
        |before: &Sentence| sentence.tokens().end - before.tokens().start <= MAX_SENTENCE_TOKENS;
    match sentences.last_mut() {
        Some(before) if over && count > paragraph_first && fits(before) => {
            *before = Sentence::new(
                Span::new(before.span.start(), sentence.span.end()),
                sentence.paragraph(),
                before.tokens().start..sentence.tokens().end,
            );
            true
        }
        _ => {
            sentences.push(sentence);
            false
        }
    }
}

/// `range` in pieces of at most [`MAX_SENTENCE_TOKENS`] tokens.
fn cut_long(range: std::ops::Range<usize>) -> impl Iterator<Item = std::ops::Range<usize>> {
    range
        .clone()
        .step_by(MAX_SENTENCE_TOKENS)
        .map(move |start| start..(start + MAX_SENTENCE_TOKENS).min(range.end))
}

/// The tokens of one paragraph, with the questions the rules ask about them. Every
/// accessor tolerates out-of-range indices.
struct Para<'a> {
    text: &'a str,
    toks: &'a [Token],
}

/// What a period means, judged by the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodAfter {
    Plain,
    Abbreviation,
    Title,
    NumberAbbreviation,
    /// A U.S. state ("Calif."), which also stands before titles ("Calif. Gov. Newsom").
    State,
    /// "a.m."/"p.m." after a number.
    ClockTime,
}

/// A list item marker: an optional bullet, then optionally "3." / "3)" / "3.)" / "c.".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    bullet: bool,
    /// The item's number (letters count a = 1, b = 2, …), and whether it is a letter.
    value: Option<(u32, bool)>,
    len: usize,
}

/// The list a paragraph opens with, and the marker its next item must carry.
#[derive(Debug, Clone, Copy)]
struct List {
    bullet: bool,
    next: Option<(u32, bool)>,
}

impl From<Marker> for List {
    /// The list whose item `m` opens, expecting `m` itself next.
    fn from(m: Marker) -> List {
        List {
            bullet: m.bullet,
            next: m.value,
        }
    }
}

impl List {
    fn expects(&self, m: Marker) -> bool {
        m.bullet == self.bullet && m.value == self.next
    }
    fn advance(&mut self) {
        self.next = self.next.map(|(n, letter)| (n.saturating_add(1), letter));
    }
}

/// The sentence being read: its first token and the words it holds so far.
#[derive(Default)]
struct OpenSentence {
    start: usize,
    words: usize,
}

impl OpenSentence {
    /// Ends the sentence before token `end` (when it holds any token) and opens the next
    /// one there.
    fn end_before(&mut self, end: usize, out: &mut Vec<std::ops::Range<usize>>) {
        if end > self.start {
            out.push(self.start..end);
        }
        self.start = end;
        self.words = 0;
    }
}

impl<'a> Para<'a> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn str(&self, i: usize) -> &'a str {
        crate::steps::add(1);
        // Past either end of the paragraph there is no token: no text.
        self.toks.get(i).map_or("", |t| {
            let text = self.text.get(t.span().range());
            text.expect("a token's span is on char boundaries of the text")
        })
    }

    /// Whether token `i` is the one ASCII character `b` (cheaper still than [`Self::is`]).
    fn is_byte(&self, i: usize, b: u8) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.end() - t.start() == 1 && self.text.as_bytes().get(t.start()) == Some(&b)
        })
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        crate::steps::add(1);
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` touches token `i - 1` (no space between them).
    fn attached(&self, i: usize) -> bool {
        crate::steps::add(1);
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => a.span().end() == b.span().start(),
            _ => false,
        }
    }

    /// Token `i` is separated from token `i - 1` by exactly one space (". . .").
    fn one_space_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => self.text.get(a.span().end()..b.span().start()) == Some(" "),
            _ => false,
        }
    }

    /// Whether token `i` is a sentence-final mark. Every such mark is one byte (`.`, `!`,
    /// `?`) or three (`…`, `‼`, `。`, the fullwidth forms): the token's length settles most
    /// tokens before any text is compared.
    #[inline]
    fn is_terminal(&self, i: usize) -> bool {
        crate::steps::add(1);
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Punct {
            return false;
        }
        match t.end() - t.start() {
            1 => matches!(
                self.text.as_bytes().get(t.start()),
                Some(b'.' | b'!' | b'?')
            ),
            3 => matches!(
                self.str(i),
                "…" | "‼" | "⁇" | "⁈" | "⁉" | "．" | "。" | "！" | "？"
            ),
            _ => false,
        }
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word | TokenKind::Number))
    }

    /// Appends the sentences of the paragraph, as token index ranges, to `out`.
    fn sentence_ranges(&self, out: &mut Vec<std::ops::Range<usize>>) {
        let mut list = self.marker(0).map(List::from);
        let mut open = OpenSentence::default();
        let mut i = 0;
        while i < self.len() {
            if let Some(m) = self.next_item(list, i) {
                open.end_before(i, out);
                if let Some(l) = list.as_mut() {
                    l.advance();
                }
                i += m.len;
                continue;
            }
            if i == open.start {
                if let Some(after) = self.skip_opening(i, &mut list) {
                    i = after;
                    continue;
                }
            }
            i = self.read_token(i, &mut open, out);
        }
        open.end_before(self.len(), out);
    }

    /// Skips the tokens that may open a sentence but are neither its words nor its end: a
    /// list marker (which may open a list), an interview's "Q."/"A.", or marks that end
    /// nothing (". . . The practice"). Returns the token after them, if any are at `i`.
    fn skip_opening(&self, i: usize, list: &mut Option<List>) -> Option<usize> {
        if let Some(m) = self.marker(i) {
            // A numbered item opening a sentence may open a list run together in the
            // paragraph ("Finally: 1. The first item 2. The second").
            if list.is_none() && m.value.is_some_and(|(_, letter)| !letter) {
                let mut opened = List::from(m);
                opened.advance();
                *list = Some(opened);
            }
            return Some(i + m.len);
        }
        if self.is_interview_label(i) {
            return Some(i + 2);
        }
        if self.is_terminal(i) {
            return Some(self.mark_run(i).0);
        }
        None
    }

    /// Reads token `i` of the sentence `open`: a caption credit label starts a new
    /// sentence, sentence-final marks may end it, a word is counted. Returns the next
    /// token to read.
    fn read_token(
        &self,
        i: usize,
        open: &mut OpenSentence,
        out: &mut Vec<std::ops::Range<usize>>,
    ) -> usize {
        let kind = self.kind(i);
        if i > open.start && kind == Some(TokenKind::Word) && self.is_credit_label(i) {
            open.end_before(i, out);
        }
        if kind == Some(TokenKind::Punct) && self.is_terminal(i) {
            let (end, boundary) = self.sentence_end(i, open.start, open.words);
            if boundary {
                open.end_before(end, out);
            }
            return end.max(i + 1);
        }
        if matches!(kind, Some(TokenKind::Word | TokenKind::Number)) {
            open.words += 1;
        }
        i + 1
    }

    /// The marker of the next item of `list` at token `i`, if one is there. Outside a
    /// list (most paragraphs) no marker is looked for.
    fn next_item(&self, list: Option<List>, i: usize) -> Option<Marker> {
        let l = list?;
        if i > 0 && self.attached(i) {
            return None;
        }
        self.marker(i).filter(|&m| l.expects(m))
    }

    /// A list marker at token `i`, if there is one.
    fn marker(&self, i: usize) -> Option<Marker> {
        let bullet = self.is_bullet(i);
        let j = if bullet { i + 1 } else { i };
        let value = self.item_value(j);
        // Most sentences open with a word that is no item number: settled here, before
        // the marks after it are looked at.
        if value.is_none() && !bullet {
            return None;
        }
        let close = match (self.str(j + 1), self.str(j + 2)) {
            (".", ")") if self.attached(j + 2) => 2,
            (".", _) | (")", _) => 1,
            _ => 0,
        };
        match value {
            Some(v) if close > 0 && self.attached(j + 1) && j + 1 + close < self.len() => {
                Some(Marker {
                    bullet,
                    value: Some(v),
                    len: j - i + 1 + close,
                })
            }
            _ if bullet => Some(Marker {
                bullet,
                value: None,
                len: 1,
            }),
            _ => None,
        }
    }

    /// Whether token `i` is one of [`BULLETS`] (each three bytes long in UTF-8: most
    /// tokens are ruled out by their length).
    fn is_bullet(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.end() - t.start() == 3) && BULLETS.contains(&self.str(i))
    }

    /// The number of a list item: "12" is 12, "c" is 3.
    fn item_value(&self, i: usize) -> Option<(u32, bool)> {
        let s = self.str(i);
        match self.kind(i) {
            Some(TokenKind::Number) if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse().ok().map(|n| (n, false))
            }
            Some(TokenKind::Word) if s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()) => {
                s.bytes().next().map(|b| (u32::from(b - b'a') + 1, true))
            }
            _ => None,
        }
    }

    /// "Q." or "A." opening a question or answer in an interview.
    fn is_interview_label(&self, i: usize) -> bool {
        matches!(self.str(i), "Q" | "A")
            && self.str(i + 1) == "."
            && self.attached(i + 1)
            && self.is_capitalised(i + 2)
            && !self.attached(i + 2)
    }

    /// A credit label ("Image" in "… demo Image: Nick Moreau") right after a word.
    fn is_credit_label(&self, i: usize) -> bool {
        // The colon first: it rules out nearly every word.
        if !self.is_byte(i + 1, b':') {
            return false;
        }
        let s = self.str(i);
        self.kind(i) == Some(TokenKind::Word)
            && s.chars().next().is_some_and(char::is_uppercase)
            && self.attached(i + 1)
            && (self.is_word(i - 1) || self.is_closing_mark(i - 1))
            && CREDIT_LABELS.contains(s)
    }

    /// The run of sentence-final marks starting at `i`: its end, its number of periods,
    /// and whether it holds an ellipsis character or a `!`/`?`. Periods may be spaced
    /// (". . .").
    fn mark_run(&self, i: usize) -> (usize, usize, bool, bool) {
        let (mut j, mut dots, mut ellipsis, mut exclaim) = (i, 0, false, false);
        while self.is_terminal(j) {
            let s = self.str(j);
            let spaced_dot =
                j > i && s == "." && self.str(j - 1) == "." && self.one_space_before(j);
            if j > i && !self.attached(j) && !spaced_dot {
                break;
            }
            match s {
                "." | "．" | "。" => dots += 1,
                "…" => ellipsis = true,
                _ => exclaim = true,
            }
            j += 1;
        }
        (j.max(i + 1), dots, ellipsis, exclaim)
    }

    /// Decides whether the marks starting at token `i` end the sentence begun at `start`
    /// (holding `words` words so far). Returns the index just past the marks and what
    /// they carry along (closing quotes, brackets, citations), and the decision.
    fn sentence_end(&self, i: usize, start: usize, words: usize) -> (usize, bool) {
        let attached = i > start && self.attached(i);
        // "compounds. . . . The practice": the period ends the sentence, and the spaced
        // ellipsis opens the next one.
        if self.str(i) == "." && attached && !self.attached(i + 1) && self.str(i + 1) == "." {
            let (after, dots, _, exclaim) = self.mark_run(i + 1);
            if dots == 3 && !exclaim && self.is_capitalised(after) {
                return (i + 1, true);
            }
        }
        let (run_end, dots, ellipsis_char, exclaim) = self.mark_run(i);
        let end = self.carried_marks(run_end);
        if end >= self.len() {
            return (end, true);
        }
        let is_ellipsis = ellipsis_char || dots >= 3;
        let boundary = if is_ellipsis {
            self.ellipsis_ends(i, run_end, end, attached, dots) && self.starts_sentence(end)
        } else if exclaim {
            // "!Kung", "Y!J": a mark glued to the word after it is part of a name.
            let glued = run_end == end && self.attached(end) && self.is_word(end);
            !glued && self.starts_sentence(end)
        } else if !attached || dots > 1 {
            // A period standing alone after a space, or a second period after an
            // abbreviation's ("Jr.."), ends the sentence like a plain one.
            self.starts_sentence(end)
        } else {
            self.period_ends(i, end, start, words)
        };
        (end, boundary)
    }

    /// An ellipsis inside brackets ("[...]") or after a space (" ... well") is a pause;
    /// a spaced four-dot one (" . . . ."), one attached to its word ("that....",
    /// "wait...") or one that closes a quotation ("for truth ...”.") may end the sentence.
    /// `end` is the index past the marks carried after the ellipsis (which end at
    /// `run_end`).
    fn ellipsis_ends(
        &self,
        i: usize,
        run_end: usize,
        end: usize,
        attached: bool,
        dots: usize,
    ) -> bool {
        let bracketed = self.str(i.wrapping_sub(1)) == "[" && self.str(run_end) == "]";
        let closes_quotation = end > run_end;
        !bracketed && (attached || dots >= 4 || closes_quotation)
    }

    /// Skips the closing quotation marks, closing brackets, further marks and citation
    /// marks ("[12]", "[citation needed]") that belong to the sentence just ended.
    fn carried_marks(&self, mut j: usize) -> usize {
        loop {
            if j < self.len()
                && self.attached(j)
                && (self.is_closing_mark(j) || self.is_terminal(j) || self.is_footnote(j))
            {
                j += 1;
            } else if let Some(after) = self.citation(j) {
                j = after;
            } else {
                return j;
            }
        }
    }

    /// A footnote number glued to the end of a sentence ("(1987).1 According").
    fn is_footnote(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
            && self.str(i).len() <= 3
            && self.is_terminal(i - 1)
            && !self.attached(i + 1)
    }

    fn is_closing_mark(&self, i: usize) -> bool {
        (self.kind(i) == Some(TokenKind::QuoteMark) && self.attached(i))
            || matches!(self.str(i), ")" | "]")
    }

    /// A citation mark at `i` ("[12]", "[citation needed]"): the index past its `]`.
    fn citation(&self, i: usize) -> Option<usize> {
        if self.str(i) != "[" {
            return None;
        }
        let mut j = i + 1;
        while j <= i + CITATION_WINDOW && j < self.len() {
            let s = self.str(j);
            if s == "]" {
                return (j > i + 1).then_some(j + 1);
            }
            let lowercase_word = self.kind(j) == Some(TokenKind::Word)
                && s.chars().next().is_some_and(char::is_lowercase);
            if !(self.kind(j) == Some(TokenKind::Number) || lowercase_word) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Whether a single period at `i`, attached to the word before it, ends the sentence;
    /// `next` is the first token after the marks it carries.
    fn period_ends(&self, i: usize, next: usize, start: usize, words: usize) -> bool {
        match self.period_after(i, start) {
            PeriodAfter::Plain => self.starts_sentence(next),
            PeriodAfter::Title => false,
            PeriodAfter::NumberAbbreviation => {
                self.kind(next) != Some(TokenKind::Number) && self.starts_sentence(next)
            }
            PeriodAfter::Abbreviation => self.abbreviation_ends(next, words),
            PeriodAfter::State => {
                // Only a state closing a place name ("Sacramento, Calif.") can end a
                // clause before a title; one without the comma modifies the title.
                let closes_place = i >= 2 && self.str(i - 2) == ",";
                self.is_sentence_starter(next)
                    || (closes_place && self.abbreviation_ends(next, words))
            }
            PeriodAfter::ClockTime => {
                let zone_or_day = TIME_FOLLOWERS.contains(self.str(next));
                if self.is_title(next) {
                    self.abbreviation_ends(next, words)
                } else {
                    self.is_capitalised(next) && !zone_or_day
                }
            }
        }
    }

    /// After an abbreviation, a sentence opener starts a sentence, and so does a title
    /// after a clause long enough to be a sentence.
    fn abbreviation_ends(&self, next: usize, words: usize) -> bool {
        self.is_sentence_starter(next)
            || (self.is_title(next) && words >= MIN_WORDS_BEFORE_TITLE_BOUNDARY)
    }

    /// Classifies the word the period at `i` is attached to.
    fn period_after(&self, i: usize, start: usize) -> PeriodAfter {
        if self.kind(i - 1) == Some(TokenKind::Number) {
            return PeriodAfter::Plain;
        }
        let word = self.word_before(i, start);
        let clock = matches!(word, "a.m" | "p.m" | "A.M" | "P.M")
            && i >= 2
            && self.kind(i - 2) == Some(TokenKind::Number);
        if clock {
            PeriodAfter::ClockTime
        } else if let Some(listed) = listed_abbreviation(word) {
            listed
        } else if is_letter_abbreviation(word) {
            PeriodAfter::Abbreviation
        } else {
            PeriodAfter::Plain
        }
    }

    /// The text of the run of touching tokens before the period at `i` ("N°", "U.S"),
    /// without opening brackets and quotation marks ("(c" gives "c").
    fn word_before(&self, i: usize, start: usize) -> &'a str {
        let mut first = i - 1;
        while first > start && first + WORD_WINDOW > i && self.attached(first) {
            first -= 1;
        }
        while first < i - 1 && !self.is_word(first) {
            first += 1;
        }
        match (self.toks.get(first), self.toks.get(i - 1)) {
            (Some(a), Some(b)) => self
                .text
                .get(a.span().start()..b.span().end())
                .expect("tokens start and end on char boundaries of the text"),
            _ => "",
        }
    }

    /// Whether token `i` can open a sentence after a sentence-final mark.
    fn starts_sentence(&self, i: usize) -> bool {
        if i >= self.len() {
            return true;
        }
        let s = self.str(i);
        match self.kind(i) {
            Some(TokenKind::Word) => self.is_capitalised(i),
            Some(TokenKind::Number) => true,
            Some(TokenKind::QuoteMark) => {
                // An opening quotation mark, unless a lowercase word follows it.
                self.kind(i + 1) != Some(TokenKind::Word) || self.is_capitalised(i + 1)
            }
            _ if s == "(" => self.parenthesis_starts_sentence(i),
            _ => matches!(s, "[" | "¿" | "¡") || BULLETS.contains(&s),
        }
    }

    /// A capitalised word, one written with an inner capital ("eHow", "iPhone"), or a
    /// word of a script without case (Japanese, Arabic), where any word may open a
    /// sentence.
    fn is_capitalised(&self, i: usize) -> bool {
        let s = self.str(i);
        let uncased = s
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
        self.kind(i) == Some(TokenKind::Word) && (uncased || s.chars().any(char::is_uppercase))
    }

    /// A parenthesis after a sentence end opens a sentence when it holds one ("(He came
    /// back later.)") or a capitalised word follows it; otherwise ("Viva Maria! (1965),
    /// and …") it belongs to the sentence before.
    fn parenthesis_starts_sentence(&self, open: usize) -> bool {
        let mut depth = 0usize;
        let mut has_mark = false;
        for j in open..(open + PARENTHESIS_WINDOW).min(self.len()) {
            match self.str(j) {
                "(" => depth += 1,
                ")" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return has_mark || self.is_capitalised(j + 1);
                    }
                }
                _ => has_mark |= self.is_terminal(j),
            }
        }
        true
    }

    /// A capitalised common sentence opener ("The", "How", "I'm"), not itself an initial.
    fn is_sentence_starter(&self, i: usize) -> bool {
        let s = self.str(i);
        let capital = s.chars().next().is_some_and(char::is_uppercase);
        let initial = self.str(i + 1) == "." && self.attached(i + 1) && s.chars().count() == 1;
        let label = self.str(i + 1) == ":" && CREDIT_LABELS.contains(s);
        capital
            && !initial
            && self.kind(i) == Some(TokenKind::Word)
            && (label || SENTENCE_STARTERS.contains(&s.replace('’', "'")))
    }

    /// A title abbreviation with its period ("Mr.").
    fn is_title(&self, i: usize) -> bool {
        self.str(i + 1) == "." && self.attached(i + 1) && TITLE_ABBREVIATIONS.contains(self.str(i))
    }
}

/// What a period after `word` means when `word` is in one of the abbreviation lists
/// (titles first, then states, abbreviations before numbers, other abbreviations).
fn listed_abbreviation(word: &str) -> Option<PeriodAfter> {
    if !ANY_ABBREVIATION.contains(word) {
        return None;
    }
    if TITLE_ABBREVIATIONS.contains(word) {
        Some(PeriodAfter::Title)
    } else if STATE_ABBREVIATIONS.contains(word) {
        Some(PeriodAfter::State)
    } else if NUMBER_ABBREVIATIONS.contains(word) {
        Some(PeriodAfter::NumberAbbreviation)
    } else if ABBREVIATIONS.contains(word) {
        Some(PeriodAfter::Abbreviation)
    } else {
        None
    }
}

/// A single letter ("J") or short letters joined by periods ("U.S", "Ph.D"): an initial
/// or initialism, whose period may not end the sentence.
fn is_letter_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    let letters = || word.chars().filter(|c| c.is_alphabetic()).count();
    single_letter || (word.contains('.') && letters() <= 6)
}

#[cfg(test)]
mod tests {
    use crate::document::Document;

    #[test]
    fn marks_are_recognised_by_their_length_first() {
        use super::{Para, BULLETS};
        assert!(BULLETS.iter().all(|b| b.len() == 3));
        let text = "A . ! ? … ‼ ⁇ ⁈ ⁉ ． 。 ！ ？ , ; — • x";
        let mut toks = Vec::new();
        crate::segment::tokens::tokenize_into(text, 0, &mut toks);
        let para = Para { text, toks: &toks };
        let terminal: Vec<&str> = (0..toks.len())
            .filter(|&i| para.is_terminal(i))
            .map(|i| para.str(i))
            .collect();
        assert_eq!(
            terminal,
            [".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "．", "。", "！", "？"]
        );
        let bullets: Vec<&str> = (0..toks.len())
            .filter(|&i| para.is_bullet(i))
            .map(|i| para.str(i))
            .collect();
        assert_eq!(bullets, ["•"]);
    }

    fn sentences(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        super::super::run(&mut doc);
        doc.sentences
            .iter()
            .map(|s| doc.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn a_run_without_a_sentence_end_is_cut_every_max_tokens() {
        use super::MAX_SENTENCE_TOKENS;
        // 2.5 sentences' worth of words with no period, then a real sentence.
        let words = "word ".repeat(MAX_SENTENCE_TOKENS * 5 / 2);
        let text = format!("{words}end. Then more.");
        let mut doc = Document::new(&text);
        super::super::run(&mut doc);
        let lengths: Vec<usize> = doc.sentences.iter().map(|s| s.tokens().len()).collect();
        let rest = MAX_SENTENCE_TOKENS / 2 + 2;
        assert_eq!(
            lengths,
            [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, rest, 3],
            "{lengths:?}"
        );
        assert!(doc.slice(doc.sentences[2].span).ends_with("word end."));
        // Sentences within the bound are untouched.
        assert_eq!(
            sentences("One two. Three four."),
            ["One two.", "Three four."]
        );
    }

    #[test]
    fn abbreviation_lists_are_consulted_in_order() {
        use super::{is_letter_abbreviation, listed_abbreviation, PeriodAfter};
        assert_eq!(listed_abbreviation("Mr"), Some(PeriodAfter::Title));
        assert_eq!(listed_abbreviation("MR"), Some(PeriodAfter::Title));
        assert_eq!(listed_abbreviation("Calif"), Some(PeriodAfter::State));
        // The state list is exact: "ill" is a word.
        assert_eq!(listed_abbreviation("ill"), None);
        assert_eq!(
            listed_abbreviation("No"),
            Some(PeriodAfter::NumberAbbreviation)
        );
        assert_eq!(listed_abbreviation("Inc"), Some(PeriodAfter::Abbreviation));
        assert_eq!(listed_abbreviation("world"), None);
        assert!(is_letter_abbreviation("J") && is_letter_abbreviation("é"));
        assert!(is_letter_abbreviation("U.S") && is_letter_abbreviation("Ph.D"));
        assert!(!is_letter_abbreviation("5") && !is_letter_abbreviation("JD"));
        assert!(!is_letter_abbreviation("wikihow.comx"));
    }

    #[test]
    fn splits_after_closing_quote() {
        assert_eq!(
            sentences("Trump said “stop the war immediately.” He left."),
            ["Trump said “stop the war immediately.”", "He left."]
        );
    }

    #[test]
    fn quotation_with_two_sentences_is_two_sentences() {
        assert_eq!(
            sentences("“We want this. Putin doesn’t want it,” he said."),
            ["“We want this.", "Putin doesn’t want it,” he said."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith met J. D. Vance in the U.S. on Jan. 5. They talked."),
            [
                "Mr. Smith met J. D. Vance in the U.S. on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn inner_initials_and_leading_decimals_do_not_split() {
        assert_eq!(
            sentences("The film is by J.C. Chandor. J.C. Chandor directed it."),
            ["The film is by J.C. Chandor.", "J.C. Chandor directed it."]
        );
        assert_eq!(
            sentences("Holt was batting .324 with 20 homers. He hit .227 in 2003."),
            [
                "Holt was batting .324 with 20 homers.",
                "He hit .227 in 2003."
            ]
        );
    }

    #[test]
    fn state_abbreviations() {
        assert_eq!(
            sentences("On Monday Calif. Gov. Gavin Newsom signed it. He moved to Salem, Ore. The state is big."),
            [
                "On Monday Calif. Gov. Gavin Newsom signed it.",
                "He moved to Salem, Ore.",
                "The state is big."
            ]
        );
        // Lowercase words that look like states ("ill", "mass") are ordinary words.
        assert_eq!(
            sentences("He fell ill. Doctors came."),
            ["He fell ill.", "Doctors came."]
        );
        assert_eq!(
            sentences("The vote in Austin, Tex. on Monday was close."),
            ["The vote in Austin, Tex. on Monday was close."]
        );
    }

    #[test]
    fn abbreviation_ends_a_sentence_before_a_sentence_opener() {
        assert_eq!(
            sentences("I work for the U.S. Government. I live in the U.S. How about you?"),
            [
                "I work for the U.S. Government.",
                "I live in the U.S.",
                "How about you?"
            ]
        );
    }

    #[test]
    fn titles_and_number_abbreviations() {
        assert_eq!(
            sentences("See Mt. Fuji on p. 55. He said no. Then he left."),
            ["See Mt. Fuji on p. 55.", "He said no.", "Then he left."]
        );
    }

    #[test]
    fn addresses_and_decimals_stay_whole() {
        assert_eq!(
            sentences(
                "Write to jane.doe@example.com. See https://example.com/a.html. It costs $.50 now."
            ),
            [
                "Write to jane.doe@example.com.",
                "See https://example.com/a.html.",
                "It costs $.50 now."
            ]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            sentences("I mean ... well, wait...see. I never meant that.... She left."),
            [
                "I mean ... well, wait...see.",
                "I never meant that....",
                "She left."
            ]
        );
    }

    #[test]
    fn lists_in_one_paragraph() {
        assert_eq!(
            sentences("1. The first item 2. The second item"),
            ["1. The first item", "2. The second item"]
        );
        assert_eq!(
            sentences("a. The first item b. The second item"),
            ["a. The first item", "b. The second item"]
        );
    }

    #[test]
    fn citations_and_credits_stay_with_their_sentence() {
        assert_eq!(
            sentences(
                "He died in 2014. [4] [5] She wrote. Visitors at the expo Image: Nick Moreau."
            ),
            [
                "He died in 2014. [4] [5]",
                "She wrote.",
                "Visitors at the expo",
                "Image: Nick Moreau."
            ]
        );
    }

    #[test]
    fn interview_labels_footnotes_and_glued_marks() {
        assert_eq!(
            sentences("Q. What is his name? A. His name is Alfred E. Sloan."),
            ["Q. What is his name?", "A. His name is Alfred E. Sloan."]
        );
        assert_eq!(
            sentences(
                "It was in the Journal (1987).1 According to it, he works at Yahoo! and Y!J."
            ),
            [
                "It was in the Journal (1987).1",
                "According to it, he works at Yahoo! and Y!J."
            ]
        );
        assert_eq!(
            sentences("Test strange period．Does it work．"),
            ["Test strange period．", "Does it work．"]
        );
    }

    #[test]
    fn scripts_without_case_start_sentences() {
        assert_eq!(
            sentences("Talks were “constructive.” 外務省は述べた。次の文。"),
            ["Talks were “constructive.”", "外務省は述べた。", "次の文。"]
        );
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            sentences("It began at 3 a.m. Police said the fire spread by 10 a.m. EST Monday. At 5 a.m. Mr. Smith left."),
            [
                "It began at 3 a.m.",
                "Police said the fire spread by 10 a.m. EST Monday.",
                "At 5 a.m. Mr. Smith left."
            ]
        );
    }

    #[test]
    fn list_opened_mid_paragraph() {
        assert_eq!(
            sentences("Finally, this. 1. The first item 2. The second item"),
            ["Finally, this.", "1. The first item", "2. The second item"]
        );
    }

    #[test]
    fn no_panic_on_odd_input() {
        for text in [
            "",
            ".",
            "...",
            "“",
            "[",
            "(",
            "1.",
            "• ",
            "a.)",
            "Mr.",
            "Ph.",
            "é. É. .",
        ] {
            let _ = sentences(text);
        }
    }
}
