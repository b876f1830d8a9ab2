//! The kind of a quotation: `direct` (a quoted utterance), `partial` (a quoted fragment
//! inside reported speech: Zelensky said Russia was “afraid of Tomahawks.”) or `scare`
//! (scare quotes, names, titles, headlines, words held at a distance). It relies on the
//! quotation's words, its paragraph, and the cue words around it (`context`).

use std::ops::Range;

use crate::attribution::cues;
use crate::document::{Document, ParagraphKind, QuoteKind, Span, TokenKind};

use super::context::{self, QuotedSpans};
use super::places;

/// How many words before a quotation may hold a naming word ("a robot named “X”",
/// "known as “X”", "the so-called “X”").
const NAMING_LOOKBACK: usize = 2;

/// A fragment this short after "a"/"an" is a term, not speech.
const SHORT_TERM_WORDS: usize = 3;

/// A quotation this long reads as an utterance even without a cue or capital.
const LONG_QUOTE_WORDS: usize = 8;

/// Classifies the quotation `span` (marks included) with words `inner`.
pub fn classify(doc: &Document, span: Span, inner: Span, quoted: &QuotedSpans) -> QuoteKind {
    // The window before the quotation ends at its first token; both are used by several
    // tests below, and each costs a search of the token array.
    let window = context::before_window(doc, span, quoted);
    let first = window.end;
    let paragraph = quoted.place(doc, span).paragraph;
    if named_before(doc, &window) {
        return QuoteKind::Scare;
    }
    if context::cue_after(doc, span, inner, quoted).is_some() {
        return QuoteKind::Direct;
    }
    let text = doc.slice(inner);
    let terminal = text.ends_with(['.', '!', '?', '…']);
    let first_inner = first_token_from(doc, first, inner.start());
    let words = word_count(doc, first_inner, inner);
    match title_position(doc, span) {
        TitlePosition::Credit if !terminal => return QuoteKind::Scare,
        TitlePosition::Heading if !terminal && words < LONG_QUOTE_WORDS => return QuoteKind::Scare,
        _ => {}
    }
    let cue = context::cue_in_window(doc, window, quoted);
    let introduced = cue.is_some() && follows_colon_or_comma(doc, paragraph, first);
    if !introduced
        && (term_after_article(doc, paragraph, first, words)
            || (is_title_case(doc, first_inner, inner, words) && !terminal))
    {
        return QuoteKind::Scare;
    }
    let capital = text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    let sentence_like = capital && words >= 2 && (terminal || text.ends_with(','));
    // A lowercase quotation after a cue in its sentence continues the reported clause
    // (said the president “will veto any bill that …”), however long it runs.
    if cue.is_some() && !introduced && !capital {
        return QuoteKind::Partial;
    }
    if introduced || sentence_like || words >= LONG_QUOTE_WORDS {
        return QuoteKind::Direct;
    }
    if cue.is_some() {
        return QuoteKind::Partial;
    }
    QuoteKind::Scare
}

/// `doc.token_at_or_after(at)`, knowing that every token before token `from` ends at or
/// before `at`: the search gallops on from there, over the few tokens in between.
fn first_token_from(doc: &Document, from: usize, at: usize) -> usize {
    places::partition_point_from(&doc.tokens, from, |t| t.end() <= at)
}

/// The words and numbers of `inner`, whose first token is `first`.
fn word_count(doc: &Document, first: usize, inner: Span) -> usize {
    doc.tokens[first..]
        .iter()
        .take_while(|t| t.span().end() <= inner.end())
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// True when a naming word comes just before the quotation ("named “X”", "so-called
/// “X”", "known as “X”", "the word “X”"); punctuation in between ("in his own words,
/// “…”") breaks the link.
fn named_before(doc: &Document, window: &Range<usize>) -> bool {
    let mut i = window.end;
    for step in 0..NAMING_LOOKBACK {
        if i <= window.start || doc.tokens[i - 1].kind != TokenKind::Word {
            return false;
        }
        i -= 1;
        if cues::is_naming_word(doc, i) {
            return true;
        }
        let linking = ["as", "a", "an", "the"];
        if step == 0
            && !linking
                .iter()
                .any(|w| cues::word(doc, i).eq_ignore_ascii_case(w))
        {
            return false;
        }
    }
    false
}

/// True for a short fragment right after an indefinite article ("prepare a “quasi-state
/// of war”", "promising a “formal update”"): a term held at a distance. `i` is the
/// quotation's first token, `para` its paragraph.
fn term_after_article(doc: &Document, para: Option<Span>, i: usize, words: usize) -> bool {
    words <= SHORT_TERM_WORDS
        && context::after_paragraph_start(doc, i, para)
        && ["a", "an"]
            .iter()
            .any(|a| cues::word(doc, i - 1).eq_ignore_ascii_case(a))
}

/// True for a name or title in title case ("The History of Peter the Great", "Protector
/// of Mexico"): every word of four letters or more is capitalised. `first` is the first
/// token of `inner`.
fn is_title_case(doc: &Document, first: usize, inner: Span, words: usize) -> bool {
    if words < 2 {
        return false;
    }
    let mut long_words = doc.tokens[first..]
        .iter()
        .take_while(|t| t.span().end() <= inner.end())
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.slice(t.span()))
        .filter(|w| w.chars().count() >= 4)
        .peekable();
    long_words.peek().is_some() && long_words.all(|w| w.starts_with(char::is_uppercase))
}

/// Where a quotation stands, when it stands like a heading or a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitlePosition {
    /// It is its whole paragraph, or its paragraph is a heading (a pull quote or a quoted
    /// headline: "“To find each other a little”").
    Heading,
    /// It opens its paragraph and a dash and a source follow ("“Document found on
    /// street” — CBC.ca").
    Credit,
    Other,
}

fn title_position(doc: &Document, span: Span) -> TitlePosition {
    let p = doc
        .paragraphs
        .partition_point(|p| p.span.end() <= span.start());
    let Some(para) = doc.paragraphs.get(p) else {
        return TitlePosition::Other;
    };
    if para.kind == ParagraphKind::Heading {
        return TitlePosition::Heading;
    }
    if span.start() != para.span.start() {
        return TitlePosition::Other;
    }
    let rest = doc
        .slice(Span::new(span.end(), para.span.end()))
        .trim_start();
    if rest.chars().all(|c| !c.is_alphanumeric()) {
        TitlePosition::Heading
    } else if rest.starts_with(['—', '–', '-', '|']) {
        TitlePosition::Credit
    } else {
        TitlePosition::Other
    }
}

/// True when the quotation (first token `i`, paragraph `para`) follows a colon or comma
/// in its paragraph ("Trump replied: “…”").
fn follows_colon_or_comma(doc: &Document, para: Option<Span>, i: usize) -> bool {
    i > 0
        && matches!(cues::word(doc, i - 1), ":" | ",")
        && context::after_paragraph_start(doc, i, para)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn kind_of(text: &str, quote: &str) -> QuoteKind {
        let mut d = Document::new(text);
        segment::run(&mut d);
        let s = text.find(quote).unwrap();
        let span = Span::new(s, s + quote.len());
        let open = quote.chars().next().unwrap().len_utf8();
        let close = quote.chars().last().unwrap().len_utf8();
        let inner = Span::new(s + open, s + quote.len() - close);
        classify(&d, span, inner, &QuotedSpans::new(&d, vec![span]))
    }

    #[test]
    fn first_token_from_matches_the_full_search() {
        let text = "He said “yes, and more” then, “no” again.";
        let mut d = Document::new(text);
        segment::run(&mut d);
        for from in 0..d.tokens.len() {
            let floor = d.tokens[..from].last().map_or(0, |t| t.end());
            for at in floor..=text.len() + 1 {
                assert_eq!(first_token_from(&d, from, at), d.token_at_or_after(at));
            }
        }
    }

    #[test]
    fn attributed_utterances_are_direct() {
        assert_eq!(kind_of("“No,” he said.", "“No,”"), QuoteKind::Direct);
        assert_eq!(
            kind_of(
                "Trump replied: “We’d rather you didn’t.”",
                "“We’d rather you didn’t.”"
            ),
            QuoteKind::Direct
        );
        assert_eq!(
            kind_of(
                "It went on. “Let the killings stop. And that’s all.”",
                "“Let the killings stop. And that’s all.”"
            ),
            QuoteKind::Direct
        );
    }

    #[test]
    fn fragments_in_reported_speech_are_partial() {
        assert_eq!(
            kind_of(
                "Zelensky said Russia was “afraid of Tomahawks.” Moscow warned.",
                "“afraid of Tomahawks.”"
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of(
                "He told reporters that he is “realistic” about it.",
                "“realistic”"
            ),
            QuoteKind::Partial
        );
        // A long lowercase fragment continuing the reported clause is still partial.
        assert_eq!(
            kind_of(
                "A spokesman for the White House, Andrew Bates, said President Joe Biden \"will veto any bill that balloons the deficit.\"",
                "\"will veto any bill that balloons the deficit.\""
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of(
                "The minister said the plan would ‘put an end to years of waiting for families across the country’.",
                "‘put an end to years of waiting for families across the country’"
            ),
            QuoteKind::Partial
        );
    }

    #[test]
    fn terms_titles_and_headings_are_scare() {
        assert_eq!(
            kind_of("When Trump was asked if Putin was “working him” just to buy time, Trump replied: “No.”", "“working him”"),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of("They named their robot “Robogee.” It won.", "“Robogee.”"),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of(
                "Intro line.\n“To find each other a little”\nMore text here.",
                "“To find each other a little”"
            ),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of(
                "Sources\n“Sensitive document found on rainy Ottawa street” — CBC.ca, 2008",
                "“Sensitive document found on rainy Ottawa street”"
            ),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of("The girls were granted “parole” status.", "“parole”"),
            QuoteKind::Scare
        );
    }
}
