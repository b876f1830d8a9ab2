//! Reporting cues: the speech verbs of `data/speech_verbs.txt` ("said", "told",
//! "according to") and the characterizing verbs of `data/characterizing_verbs.txt`
//! ("called it “…”", "accused X of “…”") found among the tokens, and whether one is used
//! actively ("she said", not "she was asked"). Both `quotes` (to tell speech from scare
//! quotes) and `attribution` (to find speakers) read them; it relies on `segment`'s
//! tokens alone.

use std::sync::OnceLock;

use crate::document::{Cue, Document, Span, TokenKind};
use crate::lexicon::{self, WordSet, WordTable};

const SPEECH_VERBS: &str = include_str!("../data/speech_verbs.txt");
static PASSIVE_MARKERS: WordSet = WordSet::caseless(include_str!("../data/passive_markers.txt"));
static INVERTING_CUES: WordSet = WordSet::caseless(include_str!("../data/inverting_cues.txt"));
static CHARACTERIZING_VERBS: WordSet =
    WordSet::caseless(include_str!("../data/characterizing_verbs.txt"));

/// Words that may stand between a characterizing verb and its quotation without being
/// its object ("described as “…”", "accused of “…”").
const NOT_AN_OBJECT: [&str; 10] = [
    "as", "of", "a", "an", "the", "for", "with", "by", "to", "in",
];

/// Subject pronouns that may stand right before a characterizing verb ("what he called
/// “…”").
const SUBJECT_PRONOUNS: [&str; 6] = ["he", "she", "they", "we", "i", "it"];

/// A speech-verb entry, under its first word: whether the word alone is a cue, and the
/// phrases it starts, in list order.
#[derive(Default, Clone)]
struct Verb {
    single: bool,
    phrases: Vec<Vec<String>>,
}

/// The speech-verb list by lowercase first word.
fn verbs() -> &'static WordTable<Verb> {
    static VERBS: OnceLock<WordTable<Verb>> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut table = WordTable::new(std::iter::empty());
        for entry in lexicon::entries(SPEECH_VERBS) {
            let mut words: Vec<String> = entry.split_whitespace().map(str::to_lowercase).collect();
            let first = words[0].clone();
            let verb = table
                .get_or_insert_mut(&first, Verb::default)
                .expect("an entry just inserted is found");
            if words.len() == 1 {
                verb.single = true;
            } else {
                verb.phrases.push(std::mem::take(&mut words));
            }
        }
        table
    })
}

/// The text of token `i` ("" past the last token).
pub fn word<'t>(doc: &Document<'t>, i: usize) -> &'t str {
    crate::steps::add(1);
    doc.tokens.get(i).map_or("", |t| doc.slice(t.span()))
}

/// True when token `i` is a word.
pub fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

/// The cue starting at token `i`, if any, not running past token `end` (exclusive).
/// A capitalised verb is not a cue ("Reports: …" is a noun), except "According to".
pub fn cue_at(doc: &Document, i: usize, end: usize) -> Option<Cue> {
    if i >= end || !is_word(doc, i) {
        return None;
    }
    let w = word(doc, i);
    if w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("according") {
        return None;
    }
    let verb = verbs().get_lowercase(w)?;
    let fits = |phrase: &&Vec<String>| {
        i + phrase.len() <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| word(doc, i + k).eq_ignore_ascii_case(p))
    };
    match verb.phrases.iter().find(fits) {
        Some(phrase) => Some(cue_over(doc, i, phrase.len())),
        None => verb.single.then(|| cue_over(doc, i, 1)),
    }
}

/// The cue over the `len` tokens from token `first`.
fn cue_over(doc: &Document, first: usize, len: usize) -> Cue {
    let span = Span::new(doc.tokens[first].start(), doc.tokens[first + len - 1].end());
    Cue { span, first, len }
}

/// The characterizing cue at token `i` for the quotation whose first token is `quote`
/// ("called it “unfair”", "what he called “a disgrace”"): its verb needs an object
/// between it and the quotation, or a subject right before it when nothing stands
/// between.
pub fn characterizing_at(doc: &Document, i: usize, quote: usize) -> Option<Cue> {
    if i >= quote || !is_word(doc, i) || !CHARACTERIZING_VERBS.contains(word(doc, i)) {
        return None;
    }
    let object = (i + 1..quote).any(|k| {
        is_word(doc, k)
            && !NOT_AN_OBJECT
                .iter()
                .any(|w| word(doc, k).eq_ignore_ascii_case(w))
    });
    let subject = i > 0 && {
        let before = word(doc, i - 1);
        SUBJECT_PRONOUNS
            .iter()
            .any(|p| before.eq_ignore_ascii_case(p))
    };
    (object || (i + 1 == quote && subject)).then(|| cue_over(doc, i, 1))
}

/// True when `cue` is a characterizing verb ("called it “…”"), not a speech phrase
/// ("called for").
pub fn is_characterizing(doc: &Document, cue: &Cue) -> bool {
    cue.len == 1 && CHARACTERIZING_VERBS.contains(word(doc, cue.first))
}

/// The cue at token `i` for a quotation later in its sentence, whose first token is
/// `quote`: a speech verb, or a characterizing verb with its object. A word that is both
/// ("called": "“Come back!” she called") is a cue before a quotation only as a
/// characterizing verb or in a phrase ("called for").
pub fn cue_before(doc: &Document, i: usize, quote: usize) -> Option<Cue> {
    let spoken = cue_at(doc, i, quote);
    if !is_word(doc, i) || !CHARACTERIZING_VERBS.contains(word(doc, i)) {
        return spoken;
    }
    characterizing_at(doc, i, quote).or(spoken.filter(|c| c.len > 1))
}

/// True for "according to", whose speaker always follows it.
pub fn is_according(doc: &Document, cue: &Cue) -> bool {
    word(doc, cue.first).eq_ignore_ascii_case("according")
}

/// True when the cue at token `i` has its speaker as subject: not passive ("was asked",
/// "had not been told", "when told"). `lo` bounds the look-back.
pub fn is_active(doc: &Document, i: usize, lo: usize) -> bool {
    for j in (lo..i).rev().take(3) {
        let w = word(doc, j);
        if PASSIVE_MARKERS.contains(w) {
            return false;
        }
        if !w.eq_ignore_ascii_case("not") && !w.eq_ignore_ascii_case("been") {
            return true;
        }
    }
    true
}

/// True for -ing forms ("adding", "noting"), whose subject is the clause's subject.
pub fn is_participle(doc: &Document, cue: &Cue) -> bool {
    cue.len == 1 && word(doc, cue.first).ends_with("ing")
}

/// True when the cue may come before its speaker ("said Max Bergmann").
pub fn may_invert(doc: &Document, cue: &Cue) -> bool {
    INVERTING_CUES.contains(word(doc, cue.first))
}

/// Conjunctions that open a clause with its own subject ("…”, while Deutsche Bank's Petra
/// Lindqvist cautioned"): the cue of that clause is not the quotation's.
const CLAUSE_CONJUNCTIONS: [&str; 7] = [
    "while", "whereas", "but", "although", "though", "yet", "and",
];

/// True when token `i` is a conjunction opening a clause of its own (after a quotation
/// and its comma: "…”, while X cautioned", "…”, but X said").
pub fn is_clause_conjunction(doc: &Document, i: usize) -> bool {
    let w = word(doc, i);
    CLAUSE_CONJUNCTIONS
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// True for punctuation that ends a clause a speaker cannot cross.
pub fn is_clause_end(doc: &Document, i: usize) -> bool {
    matches!(word(doc, i), "." | ";" | "!" | "?" | ":")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    /// "According" is compared in ASCII: no other character lowercases into its letters.
    #[test]
    fn no_character_beyond_ascii_lowercases_into_according() {
        for c in '\u{80}'..=char::MAX {
            let lower: String = c.to_lowercase().collect();
            assert!(
                !(lower.is_ascii() && lower.chars().all(|l| "according".contains(l))),
                "{c:?}"
            );
        }
    }

    fn doc(text: &str) -> Document<'_> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        d
    }

    fn index_of(d: &Document, w: &str) -> usize {
        (0..d.tokens.len()).find(|&i| word(d, i) == w).unwrap()
    }

    #[test]
    fn finds_single_word_and_phrase_cues() {
        let d = doc("Prices rose, according to the bank, and Smith said so.");
        let a = index_of(&d, "according");
        let cue = cue_at(&d, a, d.tokens.len()).unwrap();
        assert_eq!(d.slice(cue.span), "according to");
        assert!(is_according(&d, &cue));
        let s = index_of(&d, "said");
        assert_eq!(cue_at(&d, s, d.tokens.len()).unwrap().len, 1);
        assert!(cue_at(&d, index_of(&d, "Prices"), d.tokens.len()).is_none());
        // A phrase that would run past `end` is not found.
        assert!(cue_at(&d, a, a + 1).is_none());
    }

    #[test]
    fn lookups_ignore_case_where_the_lists_do() {
        let d = doc("ACCORDING TO them, HE Said so and she SAID it.");
        let cue = cue_at(&d, 0, d.tokens.len()).unwrap();
        assert_eq!(d.slice(cue.span), "ACCORDING TO");
        assert!(cue_at(&d, index_of(&d, "Said"), d.tokens.len()).is_none());
        let d = doc("she added that");
        assert_eq!(cue_at(&d, 1, d.tokens.len()).map(|c| c.len), Some(1));
    }

    #[test]
    fn characterizing_verbs_need_an_object_or_a_subject() {
        let cue = |text: &str, verb: &str| {
            let d = doc(text);
            let quote = (0..d.tokens.len()).find(|&i| word(&d, i) == "“").unwrap();
            characterizing_at(&d, index_of(&d, verb), quote).is_some()
        };
        assert!(cue("She called it “unfair” today.", "called"));
        assert!(cue(
            "He accused the government of “sitting on its hands”.",
            "accused"
        ));
        assert!(cue("It was what he called “a disgrace”.", "called"));
        assert!(!cue("They built a robot called “Robogee”.", "called"));
        assert!(!cue("The man accused of “fraud” left.", "accused"));
        assert!(!cue("It was described as “a shambles”.", "described"));
    }

    #[test]
    fn capitalised_noun_is_not_a_cue() {
        let d = doc("Reports: the plan is ready.");
        assert!(cue_at(&d, 0, d.tokens.len()).is_none());
    }

    #[test]
    fn passive_cues_are_not_active() {
        let d = doc("When Trump was asked if he agreed, he said no.");
        assert!(!is_active(&d, index_of(&d, "asked"), 0));
        assert!(is_active(&d, index_of(&d, "said"), 0));
        let d = doc("When asked about it, she declined.");
        assert!(!is_active(&d, index_of(&d, "asked"), 0));
        let d = doc("He had not been told.");
        assert!(!is_active(&d, index_of(&d, "told"), 0));
        assert!(is_active(&d, index_of(&d, "told"), index_of(&d, "told")));
    }
}
