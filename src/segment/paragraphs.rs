//! Paragraphs: where they are and what kind they are.
//!
//! Splitting: a line break ends a paragraph, as in the seed article and most saved web
//! text; but in hard-wrapped text (lines broken at a fixed width inside paragraphs, as in
//! e-mail or wire copy) only blank lines do. CR, LF and CRLF are all line breaks.
//!
//! Kinds (set after sentence splitting, since they look at sentences): `heading` for a
//! short line without sentence-final punctuation or a quoted headline, `boilerplate` for
//! source and credit lines and a trailing author bio, `body` for the rest.

use super::sentences::CREDIT_LABELS;
use crate::document::{Document, Paragraph, ParagraphKind, Span};
use crate::lexicon::{entries, WordSet, WordTable};
use crate::limits;
use std::sync::OnceLock;

/// A line of the text, without its line break.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
    blank: bool,
    /// Leading whitespace, in columns (a tab counts as four).
    indent: usize,
    /// The length of the line's text (without surrounding whitespace), in characters:
    /// wrap detection compares it with the wrap width.
    chars: usize,
}

/// The lines of a text, in order. CR, LF and CRLF end a line, and so do the other Unicode
/// line and paragraph separators (NEL, U+2028, U+2029, form feed, vertical tab). An
/// iterator, read once per pass, rather than a list: a text of line ends would hold a
/// record per byte.
#[derive(Debug, Clone)]
struct Lines<'t> {
    text: &'t str,
    /// Where the next line starts.
    start: usize,
    /// Where the search for its end resumes.
    at: usize,
}

fn lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        start: 0,
        at: 0,
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            // Most blocks of sixteen bytes are ASCII without a control byte, so they hold
            // no line break: tested without branches (the compiler vectorizes the fold).
            let end = (self.at + 16).min(bytes.len());
            let block = &bytes[self.at..end]; // at < end <= bytes.len()
            if !block
                .iter()
                .fold(false, |any, &c| any | !(0x0E..0x80).contains(&c))
            {
                self.at = end;
                continue;
            }
            while self.at < end {
                let len = match bytes.get(self.at) {
                    Some(&b) if MAY_START_LINE_BREAK[usize::from(b)] => {
                        line_break_len(bytes, self.at)
                    }
                    _ => 0,
                };
                if len == 0 {
                    self.at += 1;
                    continue;
                }
                let found = line(self.text, self.start, self.at);
                self.at += len;
                self.start = self.at;
                return Some(found);
            }
        }
        if self.start < bytes.len() {
            let last = line(self.text, self.start, bytes.len());
            self.start = bytes.len();
            return Some(last);
        }
        None
    }
}

/// The bytes that start a line break in UTF-8: LF, VT, FF, CR, and the lead bytes of
/// NEL (C2 85) and of U+2028/U+2029 (E2 80 A8/A9).
static MAY_START_LINE_BREAK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x0A;
    while b <= 0x0D {
        table[b] = true;
        b += 1;
    }
    table[0xC2] = true;
    table[0xE2] = true;
    table
};

/// The length in bytes of the line break at byte `i` (CRLF is one), or 0 if there is none.
/// The lead bytes C2 and E2 never occur inside another character, so a match at any byte
/// is a whole character.
fn line_break_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or(&[]) {
        [b'\r', b'\n', ..] => 2,
        [b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
        [0xC2, 0x85, ..] => 2,
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
        _ => 0,
    }
}

fn line(text: &str, start: usize, end: usize) -> Line {
    crate::steps::add(end - start + 1);
    let body = text
        .get(start..end)
        .expect("a line starts and ends at a line break, on char boundaries");
    let trimmed_start = start + (body.len() - body.trim_start().len());
    let trimmed_end = start + body.trim_end().len();
    let blank = trimmed_end <= trimmed_start;
    let indent = body
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let span = Span::new(trimmed_start, trimmed_end.max(trimmed_start));
    Line {
        span,
        blank,
        indent,
        chars: char_len(&body[span.start() - start..span.end() - start]),
    }
}

/// Splits `text` into paragraphs (kinds are set later by [`classify`]); a warning goes to
/// `warnings` when [`limits::PARAGRAPHS`] merged some.
pub fn split(text: &str, warnings: &mut Vec<String>) -> Vec<Paragraph> {
    let wrap = Wrap::detect(text, lines(text));
    let mut paragraphs = Vec::new();
    let mut limited = false;
    let mut current: Option<Span> = None;
    let mut previous: Option<Line> = None;
    for l in lines(text) {
        if l.blank {
            if let Some(span) = current.take() {
                limited |= push_within_limit(&mut paragraphs, span);
            }
            previous = None;
            continue;
        }
        let continues = match (wrap, previous) {
            (Some(w), Some(p)) => !w.breaks_between(text, p, l),
            _ => false,
        };
        current = match current {
            Some(span) if continues => Some(Span::new(span.start(), l.span.end())),
            Some(span) => {
                limited |= push_within_limit(&mut paragraphs, span);
                Some(l.span)
            }
            None => Some(l.span),
        };
        previous = Some(l);
    }
    if let Some(span) = current {
        limited |= push_within_limit(&mut paragraphs, span);
    }
    if limited {
        warnings.push(limits::PARAGRAPHS.warning());
    }
    // The doublings leave up to half the capacity unused, and the list lives to the end.
    paragraphs.shrink_to_fit();
    paragraphs
}

/// Pushes a paragraph over `span`, or, past [`limits::PARAGRAPHS`], extends the paragraph
/// before over it. Returns whether it was merged.
fn push_within_limit(paragraphs: &mut Vec<Paragraph>, span: Span) -> bool {
    let over = !limits::PARAGRAPHS.admits(paragraphs.len(), span.start());
    match paragraphs.last_mut() {
        Some(before) if over => {
            before.span = Span::new(before.span.start(), span.end());
            true
        }
        _ => {
            paragraphs.push(Paragraph::new(span));
            false
        }
    }
}

fn line_text(text: &str, l: Line) -> &str {
    text.get(l.span.range())
        .expect("a line's span lies on char boundaries of the text")
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Hard wrapping: lines broken at a fixed width inside paragraphs.
#[derive(Debug, Clone, Copy)]
struct Wrap {
    /// The longest line, a lower bound of the width the text was wrapped at.
    width: usize,
}

/// Wrapped lines are at most this long; longer lines are paragraphs of their own.
const MAX_WRAP_WIDTH: usize = 100;
/// Narrower "wrapping" is more likely a list of short items ("features\ncontact manager").
const MIN_WRAP_WIDTH: usize = 40;

impl Wrap {
    /// Hard-wrapped text breaks most lines mid-sentence, and breaks them where the next
    /// word would not have fitted. Texts with one paragraph per line end most lines with
    /// sentence punctuation, and their lines are often longer than any wrap width.
    fn detect(text: &str, lines: Lines) -> Option<Wrap> {
        let width = lines
            .clone()
            .map(|l| l.chars)
            .filter(|&n| n <= MAX_WRAP_WIDTH)
            .max()?;
        let (mut joined, mut mid_sentence, mut full, mut long) = (0usize, 0usize, 0usize, 0usize);
        let mut previous: Option<Line> = None;
        for b in lines {
            let (a, b) = match previous.replace(b) {
                Some(a) if !a.blank && !b.blank => (a, b),
                _ => continue,
            };
            joined += 1;
            let body = line_text(text, a);
            if a.chars > MAX_WRAP_WIDTH {
                long += 1;
            }
            let last = body.chars().last().unwrap_or('.');
            if !matches!(last, '.' | '!' | '?' | '"' | '”' | '’' | ':' | ')') {
                mid_sentence += 1;
            }
            let wrap = Wrap { width };
            if !wrap.next_word_fits(text, a, b) {
                full += 1;
            }
        }
        let wrapped = width >= MIN_WRAP_WIDTH
            && joined >= 2
            && mid_sentence * 2 > joined
            && full * 2 > joined
            && long * 10 < joined;
        wrapped.then_some(Wrap { width })
    }

    /// Whether the first word of line `b` would have fitted at the end of line `a`.
    fn next_word_fits(&self, text: &str, a: Line, b: Line) -> bool {
        let first_word = line_text(text, b).split_whitespace().next().unwrap_or("");
        a.chars + 1 + char_len(first_word) <= self.width
    }

    /// In wrapped text, a line break is also a paragraph break when the next line is
    /// indented (the first line of a paragraph), when the line is too long to be wrapped,
    /// when the next word would have fitted on the line (the writer broke
    /// it on purpose: a heading, the last line of a paragraph), or when the next line
    /// starts a list item.
    fn breaks_between(&self, text: &str, a: Line, b: Line) -> bool {
        b.indent > a.indent + 1
            || a.chars > MAX_WRAP_WIDTH
            || b.chars > MAX_WRAP_WIDTH
            || self.next_word_fits(text, a, b)
            || line_text(text, b).starts_with(['•', '*', '-', '–', '—', '⁃'])
    }
}

/// Sets each paragraph's kind.
pub fn classify(doc: &mut Document) {
    let count = doc.paragraphs.len();
    let kinds: Vec<ParagraphKind> = doc
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let body = doc.slice(p.span);
            let sentences = doc
                .sentences
                .get(p.sentences())
                .expect("a paragraph's sentences are in the sentence list");
            let last_sentence = sentences.last().map(|s| doc.slice(s.span)).unwrap_or("");
            if is_boilerplate(body, i, count) || is_caption(body, sentences.len(), last_sentence) {
                ParagraphKind::Boilerplate
            } else if is_heading(body) {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            }
        })
        .collect();
    for (p, kind) in doc.paragraphs.iter_mut().zip(kinds) {
        p.kind = kind;
    }
}

const BOILERPLATE_PREFIX_LIST: &str = include_str!("../../data/boilerplate_prefixes.txt");
static BOILERPLATE_PREFIXES: WordSet = WordSet::caseless(BOILERPLATE_PREFIX_LIST);

/// What is trimmed from the end of a paragraph's first words before looking them up
/// ("Related:" → "related").
const PREFIX_TRIM: [char; 6] = [':', '.', '…', '|', '-', '—'];

/// Words that mark a closing author bio.
const BIO_WORDS: &[&str] = &[
    "journalis",
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "author",
    "columnist",
    "contributor",
    "freelance",
];

/// How writers speak of their own work in a closing bio ("I work as a freelance writer").
const FIRST_PERSON_BIO: &[&str] = &[
    "i work",
    "i am a",
    "i'm a",
    "i’m a",
    "i have been",
    "i've been",
    "i’ve been",
    "i bring",
    "i write",
    "i cover",
    "i report",
    "my work",
];

/// Longest paragraph that can be a photo caption, in words.
const MAX_CAPTION_WORDS: usize = 60;

/// How much of a paragraph's start (in characters) is searched for a listed prefix.
const PREFIX_HEAD_CHARS: usize = 120;

fn is_boilerplate(body: &str, index: usize, count: usize) -> bool {
    if starts_with_credit_label(body)
        || starts_with_listed_prefix(body)
        || is_byline(body)
        || !body.chars().any(char::is_alphanumeric)
    {
        return true;
    }
    // A closing author bio: among the last paragraphs, about the writer's work, in the
    // first person ("I work as a freelance writer") or the third ("Jane Doe is a reporter").
    if index + 2 < count {
        return false;
    }
    let lower = body.to_lowercase();
    // A quoted paragraph is no bio: settled before any phrase is searched for.
    if lower.contains(['"', '“', '”']) {
        return false;
    }
    let first_person = FIRST_PERSON_BIO.iter().any(|p| lower.contains(p));
    let first_person_bio = first_person && BIO_WORDS.iter().any(|w| lower.contains(w));
    if first_person_bio {
        return true;
    }
    let opening: Vec<&str> = lower.split_whitespace().take(15).collect();
    // In the third person: "Jane Doe is a reporter".
    opening
        .get(..opening.len().min(6))
        .unwrap_or(&[])
        .windows(2)
        .any(|w| w.first() == Some(&"is") && matches!(w.get(1), Some(&("a" | "an" | "the"))))
        && opening
            .iter()
            .any(|w| BIO_WORDS.iter().any(|b| w.contains(b)))
}

/// "Source :Skai", "Photo: AP", "Image: Nick Moreau".
fn starts_with_credit_label(body: &str) -> bool {
    // Nearly every paragraph starts with an ASCII word followed by a space or a mark
    // other than the colon: no label. Settled on the bytes, before any char decoding.
    let bytes = body.as_bytes();
    let ascii_letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if let Some(&b) = bytes.get(ascii_letters) {
        if b.is_ascii() && b != b':' && !char::from(b).is_whitespace() {
            return false;
        }
        if b == b' '
            && bytes
                .get(ascii_letters + 1)
                .is_some_and(|&n| n.is_ascii_alphanumeric())
        {
            return false;
        }
    }
    let label_len = body
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(body.len());
    let (label, rest) = body.split_at(label_len);
    !label.is_empty() && rest.trim_start().starts_with(':') && CREDIT_LABELS.contains(label)
}

/// Prefixes from `data/boilerplate_prefixes.txt` ("read more", "advertisement"), matched
/// on the first one to four words of the paragraph's head (its first
/// [`PREFIX_HEAD_CHARS`] characters, lowercased).
fn starts_with_listed_prefix(body: &str) -> bool {
    let first = body.split_whitespace().next().unwrap_or("");
    // A first word longer than the head is cut there, so the quick test cannot judge it.
    if first.len() <= PREFIX_HEAD_CHARS && !is_prefix_first_word(first) {
        return false;
    }
    // Prefixes are a few words long: lowercase only the head of a long paragraph.
    let head_end = body
        .char_indices()
        .nth(PREFIX_HEAD_CHARS)
        .map_or(body.len(), |(i, _)| i);
    let head = body.get(..head_end).unwrap_or("").to_lowercase();
    // The words joined by single spaces, grown one word at a time in one buffer.
    let mut prefix = String::with_capacity(head.len());
    head.split_whitespace().take(4).any(|word| {
        if !prefix.is_empty() {
            prefix.push(' ');
        }
        prefix.push_str(word);
        let bare = prefix.trim_end_matches(PREFIX_TRIM);
        BOILERPLATE_PREFIXES.contains(&prefix) || BOILERPLATE_PREFIXES.contains(bare)
    })
}

/// Whether `word` (as written, or without the marks of [`PREFIX_TRIM`]) is the first word
/// of a listed prefix. Few paragraphs start so, and for the others this one lookup spares
/// lowercasing the head and looking up its first four words.
fn is_prefix_first_word(word: &str) -> bool {
    // A word table: its masks of key lengths and first letters turn nearly every word
    // away before any hashing or lowercasing.
    static FIRST_WORDS: OnceLock<WordTable<()>> = OnceLock::new();
    let first_words = FIRST_WORDS.get_or_init(|| {
        let lowered: Vec<String> = entries(BOILERPLATE_PREFIX_LIST)
            .filter_map(|e| {
                e.to_lowercase()
                    .split_whitespace()
                    .next()
                    .map(str::to_string)
            })
            .collect();
        WordTable::new(lowered.iter().map(|w| (w.as_str(), ())))
    });
    // The trimmed marks have no case: trimming before or after lowercasing is the same.
    let trimmed = word.trim_end_matches(PREFIX_TRIM);
    first_words.get_lowercase(word).is_some()
        || (trimmed.len() < word.len() && first_words.get_lowercase(trimmed).is_some())
}

/// A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" (every word after "By"
/// capitalised, apart from "and").
fn is_byline(body: &str) -> bool {
    let mut words = body.split_whitespace();
    if !words.next().is_some_and(|w| w == "By" || w == "BY") {
        return false;
    }
    let rest = words.clone();
    // One to eight words after "By"; counting stops at the ninth.
    (1..=8).contains(&rest.take(9).count())
        && words.all(|w| {
            w == "and"
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '@')
        })
}

/// A photo caption: a short paragraph whose last sentence is a credit ("Belle Image: Nick
/// Moreau.", "A school in Milan. Image: Friedrichstrasse.") or that ends with a credit in
/// brackets ("Trump in Washington. (AP Photo/Evan Vucci)").
fn is_caption(body: &str, sentences: usize, last_sentence: &str) -> bool {
    let credit_sentence = sentences >= 2 && starts_with_credit_label(last_sentence);
    // The credit tests are cheap; only then count words (at most one past the limit).
    (credit_sentence || ends_with_bracketed_credit(body))
        && has_at_most_words(body, MAX_CAPTION_WORDS)
}

/// "… (AP Photo/Evan Vucci)", "… (Photo: Reuters)", "… [Image: NASA]".
fn ends_with_bracketed_credit(body: &str) -> bool {
    let trimmed = body.trim_end_matches(['.', ' ']);
    let Some(inner) = trimmed
        .strip_suffix([')', ']'])
        .and_then(|rest| rest.rsplit_once(['(', '[']))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    inner.split(|c: char| !c.is_alphabetic()).any(|word| {
        // "(Source: Eurostat)" cites data in a body sentence; only picture credits mark
        // a caption.
        let picture = CREDIT_LABELS.contains(word) && !word.to_lowercase().starts_with("source");
        picture && word.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether `body` has at most `max` words, counting no further than word `max + 1`.
fn has_at_most_words(body: &str, max: usize) -> bool {
    body.split_whitespace().nth(max).is_none()
}

/// Longest heading, in words.
const MAX_HEADING_WORDS: usize = 14;

fn is_heading(body: &str) -> bool {
    let trimmed = body.trim_end_matches(['"', '”', '’', '\'', '»']);
    let quoted_whole = body.starts_with(['“', '"', '‘', '«']) && trimmed.len() < body.len();
    let last = trimmed.chars().last().unwrap_or('.');
    let ends_sentence = matches!(last, '.' | '!' | '?' | ':' | ';' | ',');
    let first = body.chars().next().unwrap_or('a');
    let starts_upper = first.is_uppercase() || first.is_numeric() || quoted_whole;
    // Words are counted last: most paragraphs end a sentence and are settled before.
    !ends_sentence
        && starts_upper
        && body.split_whitespace().next().is_some()
        && has_at_most_words(body, MAX_HEADING_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text, &mut Vec::new())
            .iter()
            .map(|p| &text[p.span.start()..p.span.end()])
            .collect()
    }

    #[test]
    fn credit_labels_are_judged_as_before_the_byte_test() {
        let slow = |body: &str| {
            let label_len = body
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(body.len());
            let (label, rest) = body.split_at(label_len);
            !label.is_empty() && rest.trim_start().starts_with(':') && CREDIT_LABELS.contains(label)
        };
        for body in [
            "Source :Skai",
            "Photo: AP",
            "Image:NASA",
            "Image \u{0B}: NASA",
            "Images of war",
            "Photo",
            "",
            ": Photo",
            "Fotó: AP",
            "His desire",
            "“Stop”",
            "Photo  : AP",
            "Photo 1: AP",
        ] {
            assert_eq!(starts_with_credit_label(body), slow(body), "{body:?}");
        }
    }

    #[test]
    fn single_newlines_separate_paragraphs() {
        assert_eq!(
            texts("One.\nTwo.\r\nThree.\rFour."),
            ["One.", "Two.", "Three.", "Four."]
        );
    }

    /// Wire copy wrapped at 60 columns, with blank lines between paragraphs.
    const WIRE: &str = "WASHINGTON (AP) - The city council met on Monday evening and\nvoted to close the old bridge over the river for repairs\nthat could take most of the coming year.\n\nThe mayor said the closure was overdue. \"We cannot wait any\nlonger,\" she told reporters after the vote.\n";

    #[test]
    fn hard_wrapped_text_joins_lines() {
        assert_eq!(
            texts(WIRE),
            [
                "WASHINGTON (AP) - The city council met on Monday evening and\nvoted to close the old bridge over the river for repairs\nthat could take most of the coming year.",
                "The mayor said the closure was overdue. \"We cannot wait any\nlonger,\" she told reporters after the vote."
            ]
        );
    }

    #[test]
    fn hard_wrapped_text_without_blank_lines_breaks_at_short_lines() {
        let text = WIRE.replace("\n\n", "\n").replace("\n", "\r\n");
        let got = texts(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("The mayor said"));
    }

    #[test]
    fn line_breaks_of_every_kind_are_found_whole() {
        let lens = |text: &str| -> Vec<usize> {
            (0..text.len())
                .map(|i| line_break_len(text.as_bytes(), i))
                .collect()
        };
        assert_eq!(lens("a\r\nb\n"), [0, 2, 1, 0, 1]);
        assert_eq!(lens("\u{0B}\u{0C}\r"), [1, 1, 1]);
        assert_eq!(lens("\u{85}"), [2, 0]);
        assert_eq!(lens("\u{2028}\u{2029}"), [3, 0, 0, 3, 0, 0]);
        // Other characters with the same lead bytes are no breaks.
        assert_eq!(lens("é\u{2027}\u{2030}\u{A0}"), [0; 10]);
        for b in 0..=255u8 {
            let starts = [b'\n', b'\r', 0x0B, 0x0C, 0xC2, 0xE2].contains(&b);
            assert_eq!(MAY_START_LINE_BREAK[usize::from(b)], starts, "{b}");
        }
    }

    #[test]
    fn line_ends_are_all_alike() {
        let lf = "Escalation of war\nTrump wants to end it.\nSource :Skai";
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        assert_eq!(texts(lf), texts(&crlf));
        assert_eq!(texts(lf), texts(&cr));
        assert_eq!(texts(lf).len(), 3);
    }

    #[test]
    fn indented_first_lines_start_paragraphs_in_wrapped_text() {
        let text = WIRE.replace("\n\n", "\n    ");
        let got = texts(&text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("The mayor said"));
    }

    #[test]
    fn unicode_separators_end_lines() {
        assert_eq!(
            texts("One.\u{2028}Two.\u{2029}Three.\u{85}Four."),
            ["One.", "Two.", "Three.", "Four."]
        );
    }

    #[test]
    fn short_lines_are_not_taken_for_wrapping() {
        assert_eq!(
            texts("features\ncontact manager\nevents, activities\n"),
            ["features", "contact manager", "events, activities"]
        );
    }

    #[test]
    fn every_listed_prefix_is_found_in_any_case() {
        for entry in entries(BOILERPLATE_PREFIX_LIST) {
            let upper = entry.to_uppercase();
            for text in [format!("{entry} the news"), format!("{upper}\tthe news")] {
                assert!(starts_with_listed_prefix(&text), "{text}");
            }
        }
        assert!(!starts_with_listed_prefix("Reading more books helps."));
        assert!(!starts_with_listed_prefix(""));
    }

    #[test]
    fn word_counts_stop_past_the_limit() {
        assert!(has_at_most_words("one two  three", 3));
        assert!(!has_at_most_words("one two three four", 3));
        assert!(has_at_most_words("", 0));
        assert!(!has_at_most_words(" one ", 0));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("BY Jane Doe"));
        assert!(!is_byline("By"));
        assert!(!is_byline("By A B C D E F G H I"));
        assert!(is_byline("By A B C D E F G H"));
    }

    #[test]
    fn headings_and_boilerplate() {
        assert!(is_heading("Escalation of war"));
        assert!(is_heading("“To find each other a little”"));
        assert!(!is_heading("He left."));
        assert!(is_boilerplate("Source :Skai", 3, 10));
        assert!(is_boilerplate(
            "Currently, I work as a freelance writer and editor.",
            9,
            10
        ));
        assert!(is_boilerplate(
            "Jane Doe is a senior correspondent for AP.",
            9,
            10
        ));
        assert!(!is_boilerplate("The writer is a veteran, I think.", 2, 10));
        assert!(!is_boilerplate(
            "“I think it was worse,” Khaled Al-Maeena, editor at large, said.",
            9,
            10
        ));
        assert!(is_boilerplate("Read more: Trump meets Zelensky", 4, 10));
        assert!(is_boilerplate("Advertisement", 4, 10));
        assert!(is_boilerplate("Photo: Reuters", 4, 10));
        assert!(!is_boilerplate("Watch the video to the end.", 4, 10));
        assert!(is_caption(
            "Playstation VR demo Image: Nick Moreau.",
            2,
            "Image: Nick Moreau."
        ));
        assert!(is_caption(
            "Trump speaks in Washington on Monday. (AP Photo/Evan Vucci)",
            1,
            ""
        ));
        assert!(!is_caption(
            "Inflation rose to 5% in March (Source: Eurostat).",
            1,
            ""
        ));
        assert!(is_boilerplate("By Jane Doe and John Roe, Reuters", 1, 10));
        assert!(!is_boilerplate("By Monday the talks had stalled.", 1, 10));
        assert!(is_boilerplate("* * *", 5, 10));
    }
}
