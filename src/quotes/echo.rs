//! Headline quotations repeated in the article: a headline quotes a few words that the
//! body gives in full, with their speaker ("‘We will not back down,’ says minister" over
//! "‘We will not back down on this,’ Kaur said"). Headlines are the first paragraph and
//! the heading paragraphs right after it; only a few of their quotations are compared,
//! so the work stays linear.

use crate::document::{Document, ParagraphKind, Quote};

/// Headings after the first paragraph are looked at among this many first paragraphs.
const HEADLINE_PARAGRAPHS: usize = 3;

/// At most this many quotations of the first paragraphs are taken for headlines.
const MAX_HEADLINE_QUOTES: usize = 8;

/// A headline quotation this short must repeat the whole of a later one; a longer one may
/// repeat its opening words.
const MIN_PREFIX_WORDS: usize = 3;

/// Sets `context.echo_of` for the quotations of the headlines (at most
/// `MAX_HEADLINE_QUOTES`) whose words a later quotation repeats.
pub fn link(doc: &mut Document) {
    let headings = doc.paragraphs[1.min(doc.paragraphs.len())..]
        .iter()
        .take(HEADLINE_PARAGRAPHS - 1)
        .take_while(|p| p.kind == ParagraphKind::Heading)
        .count();
    let headline = |q: &Quote| q.context.paragraph <= headings;
    let body_start = doc.quotes.partition_point(headline);
    let heads: Vec<Vec<String>> = doc.quotes[..body_start.min(MAX_HEADLINE_QUOTES)]
        .iter()
        .map(|q| words(doc.slice(q.inner)))
        .collect();
    if heads.is_empty() {
        return;
    }
    let mut echoes = vec![None; heads.len()];
    for (k, quote) in doc.quotes.iter().enumerate().skip(body_start) {
        let theirs = words(doc.slice(quote.inner));
        for (echo, mine) in echoes.iter_mut().zip(&heads) {
            if echo.is_none() && repeats(mine, &theirs) {
                *echo = Some(k);
            }
        }
    }
    for (quote, echo) in doc.quotes.iter_mut().zip(echoes) {
        quote.context.echo_of = echo;
    }
}

/// The lowercase words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// True when `theirs` is `mine`, or opens with it and `mine` is long enough to tell.
fn repeats(mine: &[String], theirs: &[String]) -> bool {
    !mine.is_empty()
        && (mine == theirs || (mine.len() >= MIN_PREFIX_WORDS && theirs.starts_with(mine)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_or_opening_words_repeat() {
        let w = |t: &str| words(t);
        assert!(repeats(
            &w("Nobody is safe here"),
            &w("Nobody is safe here,")
        ));
        assert!(repeats(
            &w("We will not back down,"),
            &w("We will not back down on this,")
        ));
        assert!(!repeats(&w("cripple"), &w("cripple services")));
        assert!(repeats(&w("cripple"), &w("Cripple")));
        assert!(!repeats(&w(""), &w("")));
    }
}
