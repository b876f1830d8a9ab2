//! The kind of a quotation: `direct` (a quoted utterance), `partial` (a quoted fragment
//! inside reported speech: Zelensky said Russia was “afraid of Tomahawks.”) or `scare`
//! (scare quotes, names, titles, headlines, words held at a distance). It relies on the
//! quotation's words, its paragraph, and the cue words around it (`context`).

use std::ops::Range;

use crate::document::{Document, ParagraphKind, Quote, QuoteContext, QuoteKind, TokenKind};
use crate::lexicon::WordSet;
use crate::speech;

/// Words just before a quotation that make it a name or term ("a robot named “X”").
static NAMING_WORDS: WordSet = WordSet::caseless(include_str!("../../data/naming_words.txt"));

/// How many words before a quotation may hold a naming word ("a robot named “X”",
/// "known as “X”", "the so-called “X”").
const NAMING_LOOKBACK: usize = 2;

/// The verb whose clause a quotation after "a"/"an" may open.
const SAY_FORMS: [&str; 4] = ["say", "says", "said", "saying"];

/// A fragment this short after "a"/"an" is a term, not speech.
const SHORT_TERM_WORDS: usize = 3;

/// A headline with a name label stands in one of the first paragraphs.
const HEADLINE_PARAGRAPHS: usize = 3;

/// A name label before a colon ("Vogel:", "Katrin Vogel:") has at most this many words.
const MAX_LABEL_WORDS: usize = 3;

/// A quotation this long reads as an utterance even without a cue or capital.
const LONG_QUOTE_WORDS: usize = 8;

/// The kind of `quote`, whose context is known.
pub fn classify(doc: &Document, quote: &Quote) -> QuoteKind {
    let context = &quote.context;
    if named_before(doc, &context.before) {
        return QuoteKind::Scare;
    }
    if context.after.is_some() || follows_name_label(doc, context) {
        return QuoteKind::Direct;
    }
    let text = doc.slice(quote.inner);
    let terminal = text.ends_with(['.', '!', '?', '…']);
    let inner_tokens =
        doc.token_at_or_after(quote.inner.start())..doc.token_at_or_after(quote.inner.end());
    let words = word_count(doc, inner_tokens.clone());
    let credited = precedes_name_label(doc, quote);
    match title_position(doc, quote) {
        TitlePosition::Credit if !terminal => return QuoteKind::Scare,
        TitlePosition::Heading if !terminal && !credited && words < LONG_QUOTE_WORDS => {
            return QuoteKind::Scare
        }
        _ => {}
    }
    let cue = context.cue_before.is_some();
    let introduced = cue && follows_colon_or_comma(doc, context);
    // "called it a “shambles”": the characterization, not a term.
    let characterizing = context
        .cue_before
        .is_some_and(|c| speech::is_characterizing(doc, &c));
    if !introduced
        && ((!characterizing && term_after_article(doc, context, words))
            || (!terminal && is_title_case(doc, inner_tokens, words)))
    {
        return QuoteKind::Scare;
    }
    if credited {
        return QuoteKind::Direct;
    }
    let capital = text
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    speech_kind(
        cue,
        introduced,
        capital,
        words,
        terminal || text.ends_with(','),
    )
}

/// The kind of a quotation that is neither a term nor a title: a lowercase quotation
/// after a cue in its sentence continues the reported clause (said the president “will
/// veto any bill that …”), however long it runs; an introduced, sentence-like or long one
/// is an utterance.
fn speech_kind(cue: bool, introduced: bool, capital: bool, words: usize, ends: bool) -> QuoteKind {
    let sentence_like = capital && words >= 2 && ends;
    if cue && !introduced && !capital {
        QuoteKind::Partial
    } else if introduced || sentence_like || words >= LONG_QUOTE_WORDS {
        QuoteKind::Direct
    } else if cue {
        QuoteKind::Partial
    } else {
        QuoteKind::Scare
    }
}

/// The words and numbers among `tokens`.
fn word_count(doc: &Document, tokens: Range<usize>) -> usize {
    doc.tokens[tokens]
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// True when a naming word comes just before the quotation ("named “X”", "so-called
/// “X”", "known as “X”" — "known" only with "as" —, "the word “X”"); punctuation in
/// between ("in his own words, “…”") breaks the link.
fn named_before(doc: &Document, window: &Range<usize>) -> bool {
    let mut i = window.end;
    for step in 0..NAMING_LOOKBACK {
        if i <= window.start || doc.tokens[i - 1].kind != TokenKind::Word {
            return false;
        }
        i -= 1;
        if speech::is_word(doc, i) && NAMING_WORDS.contains(speech::word(doc, i)) {
            // "known" names only with "as" ("known as “X”"): "had been known “for at
            // least six months”" is speech.
            return step > 0 || !speech::word(doc, i).eq_ignore_ascii_case("known");
        }
        let linking = ["as", "a", "an", "the"];
        if step == 0
            && !linking
                .iter()
                .any(|w| speech::word(doc, i).eq_ignore_ascii_case(w))
        {
            return false;
        }
    }
    false
}

/// True for a short fragment right after an indefinite article ("prepare a “quasi-state
/// of war”", "promising a “formal update”"): a term held at a distance. Right after
/// "said" the article opens the reported clause instead ("said a “more general
/// reflection” is needed").
fn term_after_article(doc: &Document, context: &QuoteContext, words: usize) -> bool {
    let i = context.first_token;
    let after_say = i >= 2
        && SAY_FORMS
            .iter()
            .any(|w| speech::word(doc, i - 2).eq_ignore_ascii_case(w));
    words <= SHORT_TERM_WORDS
        && i > context.paragraph_tokens.start
        && !after_say
        && ["a", "an"]
            .iter()
            .any(|a| speech::word(doc, i - 1).eq_ignore_ascii_case(a))
}

/// True for a name or title in title case ("The History of Peter the Great", "Protector
/// of Mexico"): every word of four letters or more among `tokens` is capitalised.
fn is_title_case(doc: &Document, tokens: Range<usize>, words: usize) -> bool {
    if words < 2 {
        return false;
    }
    let mut long_words = doc.tokens[tokens]
        .iter()
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

fn title_position(doc: &Document, quote: &Quote) -> TitlePosition {
    let para = &doc.paragraphs[quote.context.paragraph];
    if para.kind == ParagraphKind::Heading {
        return TitlePosition::Heading;
    }
    if quote.span.start() != para.span.start() {
        return TitlePosition::Other;
    }
    let rest = doc.text[quote.span.end()..para.span.end()].trim_start();
    if rest.chars().all(|c| !c.is_alphanumeric()) {
        TitlePosition::Heading
    } else if rest.starts_with(['—', '–', '-', '|']) {
        TitlePosition::Credit
    } else {
        TitlePosition::Other
    }
}

/// True for a quotation right after a name and a colon that open a headline paragraph,
/// the way a headline gives a speaker's words ("Vogel: ‘No job cuts this year’"). The
/// name must recur in the text ("Katrin Vogel"), which tells it from a kicker
/// ("Reports: ‘streamlined’ process").
fn follows_name_label(doc: &Document, context: &QuoteContext) -> bool {
    let (start, colon) = (
        context.paragraph_tokens.start,
        context.first_token.checked_sub(1),
    );
    let Some(colon) = colon.filter(|&c| c > start && speech::word(doc, c) == ":") else {
        return false;
    };
    let capitalised =
        |k: usize| speech::is_word(doc, k) && speech::word(doc, k).starts_with(char::is_uppercase);
    context.paragraph < HEADLINE_PARAGRAPHS
        && colon - start <= MAX_LABEL_WORDS
        && (start..colon).all(capitalised)
        && recurs(doc, colon - 1)
}

/// True for a quotation opening a headline paragraph and followed by a colon and a name,
/// the way a headline credits a speaker's words ("‘I never planned to be a chef’: Maya
/// Okoro on her first restaurant"). As for a name label, the name (at most
/// `MAX_LABEL_WORDS` capitalised words) must recur in the text.
pub fn precedes_name_label(doc: &Document, quote: &Quote) -> bool {
    let context = &quote.context;
    let (colon, para_end) = (context.end_token, context.paragraph_tokens.end);
    let opens = context.paragraph_tokens.start == context.first_token;
    if !opens || context.paragraph >= HEADLINE_PARAGRAPHS || speech::word(doc, colon) != ":" {
        return false;
    }
    let name = (colon + 1..para_end.min(colon + 1 + MAX_LABEL_WORDS))
        .take_while(|&k| {
            speech::is_word(doc, k) && speech::word(doc, k).starts_with(char::is_uppercase)
        })
        .last();
    name.is_some_and(|k| recurs(doc, k))
}

/// True when the word of token `k` occurs again in the text, as a word of its own.
fn recurs(doc: &Document, k: usize) -> bool {
    let w = speech::word(doc, k);
    let at = doc.tokens[k].start();
    doc.text.match_indices(w).any(|(i, _)| {
        let before = doc.text[..i].chars().next_back();
        let after = doc.text[i + w.len()..].chars().next();
        i != at
            && !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(char::is_alphanumeric)
    })
}

/// True when the quotation follows a colon or comma in its paragraph ("Trump replied:
/// “…”").
fn follows_colon_or_comma(doc: &Document, context: &QuoteContext) -> bool {
    let i = context.first_token;
    i > context.paragraph_tokens.start && matches!(speech::word(doc, i - 1), ":" | ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn kind_of(text: &str, quote: &str) -> QuoteKind {
        let mut d = Document::new(text);
        segment::run(&mut d);
        crate::quotes::run(&mut d);
        let start = text.find(quote).unwrap();
        let q = d.quotes.iter().find(|q| q.span.start() == start).unwrap();
        assert_eq!(d.slice(q.span), quote);
        classify(&d, q)
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
        assert_eq!(
            kind_of("They built a robot called “Rex” last year.", "“Rex”"),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of(
                "Reports: ‘streamlined’ asylum process\nThe process was reported.",
                "‘streamlined’"
            ),
            QuoteKind::Scare
        );
    }

    #[test]
    fn known_names_only_with_as() {
        assert_eq!(
            kind_of(
                "A trend known as “quiet quitting” spread.",
                "“quiet quitting”"
            ),
            QuoteKind::Scare
        );
        assert_eq!(
            kind_of(
                "He said the flaw had been known “for at least six months”.",
                "“for at least six months”"
            ),
            QuoteKind::Partial
        );
    }

    #[test]
    fn characterizations_and_headline_labels_are_speech() {
        assert_eq!(
            kind_of(
                "She accused the council of “sitting on its hands”.",
                "“sitting on its hands”"
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of("He called it a “shambles” on Friday.", "“shambles”"),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of(
                "The minister said a “general reflection” is needed.",
                "“general reflection”"
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind_of(
                "Vogel: ‘No job cuts this year’\nKatrin Vogel wrote to staff.",
                "‘No job cuts this year’"
            ),
            QuoteKind::Direct
        );
        // The name after the words, as a headline credit.
        assert_eq!(
            kind_of(
                "‘I never meant to cook’: Ada Obi on her cafe\nAda Obi opened it in May.",
                "‘I never meant to cook’"
            ),
            QuoteKind::Direct
        );
        // Not a title, and not a name the text never repeats.
        for headline in [
            "‘Blue Window’: Ada Obi on her song\nAda Obi wrote it.",
            "‘I never meant to cook’: Critics on cafes\nAda Obi opened it in May.",
        ] {
            let quote = &headline[..headline.find(':').unwrap()];
            assert_eq!(kind_of(headline, quote), QuoteKind::Scare, "{headline}");
        }
    }
}
