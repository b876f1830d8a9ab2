//! Cue words and the other small word lists of attribution, and the token-level tests
//! built on them: is this token a reporting verb ("said", "according to"), is it used
//! actively, is this word a pronoun that can name a speaker. The lists are in `data/`.
//! `quotes` uses these too, to tell reported speech from scare quotes.

use std::sync::OnceLock;

use crate::document::{Document, EntityType, Span, TokenKind};
use crate::lexicon::{self, WordSet, WordTable};

const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
static SKIP_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/attribution_skip_words.txt"));
static PASSIVE_MARKERS: WordSet = WordSet::caseless(include_str!("../../data/passive_markers.txt"));
const SPOKESPERSON_LIST: &str = include_str!("../../data/spokesperson_words.txt");
static SPOKESPERSON_WORDS: WordSet = WordSet::caseless(SPOKESPERSON_LIST);
static NAMING_WORDS: WordSet = WordSet::caseless(include_str!("../../data/naming_words.txt"));
static INVERTING_CUES: WordSet = WordSet::caseless(include_str!("../../data/inverting_cues.txt"));
static ORGANIZATION_NOUNS: WordSet =
    WordSet::caseless(include_str!("../../data/organization_nouns.txt"));
static NAMED_ORGANIZATION_NOUNS: WordSet =
    WordSet::caseless(include_str!("../../data/organization_name_nouns.txt"));
const PRONOUNS: &str = include_str!("../../data/speaker_pronouns.txt");

/// Prepositions that put a name out of subject position ("a spokesman for Google").
const PREPOSITIONS: [&str; 14] = [
    "for", "of", "at", "from", "with", "to", "by", "about", "on", "in", "against", "than",
    "between", "like",
];

/// A speech-verb entry, under its (first) word: whether the word alone is a cue, and the
/// phrases it starts, in list order.
#[derive(Default)]
struct Verb {
    single: bool,
    phrases: Vec<Vec<String>>,
}

/// The speech-verb list by lowercase first word (looked up for nearly every word of a
/// quotation's surroundings, hence one `WordTable` probe for both kinds of entry).
fn verbs() -> &'static WordTable<Verb> {
    static VERBS: OnceLock<WordTable<Verb>> = OnceLock::new();
    VERBS.get_or_init(|| {
        let mut table = WordTable::new(std::iter::empty());
        for entry in lexicon::entries(SPEECH_VERBS) {
            let words: Vec<String> = entry.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first() else {
                continue;
            };
            if table.get_mut(first).is_none() {
                table.insert(first, Verb::default());
            }
            if let Some(verb) = table.get_mut(first) {
                if words.len() == 1 {
                    verb.single = true;
                } else {
                    verb.phrases.push(words.clone());
                }
            }
        }
        table
    })
}

fn pronouns() -> &'static WordTable<EntityType> {
    static TABLE: OnceLock<WordTable<EntityType>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs: Vec<(String, EntityType)> = lexicon::entries(PRONOUNS)
            .filter_map(|line| {
                let (word, kind) = line.split_once(char::is_whitespace)?;
                let kind = match kind.trim() {
                    "person" => EntityType::Person,
                    "organization" => EntityType::Organization,
                    _ => return None,
                };
                Some((word.to_lowercase(), kind))
            })
            .collect();
        WordTable::new(pairs.iter().map(|(w, k)| (w.as_str(), *k)))
    })
}

/// A cue found in the text: its span and how many tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub first: usize,
    pub len: usize,
}

impl Cue {
    /// The index of the token after the cue.
    pub fn after(&self) -> usize {
        self.first + self.len
    }
    /// True for "according to", whose speaker always follows it.
    pub fn is_according(&self, doc: &Document) -> bool {
        word(doc, self.first).eq_ignore_ascii_case("according")
    }
}

/// The text of token `i` ("" when out of range).
pub fn word<'t>(doc: &Document<'t>, i: usize) -> &'t str {
    doc.tokens.get(i).map_or("", |t| doc.slice(t.span()))
}

fn is_word(doc: &Document, i: usize) -> bool {
    doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
}

/// The cue starting at token `i`, if any, not running past token `end` (exclusive).
/// A capitalised verb is not a cue ("Reports: …" is a noun), except "According to".
pub fn cue_at(doc: &Document, i: usize, end: usize) -> Option<Cue> {
    if i >= end || !is_word(doc, i) {
        return None;
    }
    let w = word(doc, i);
    // (No character outside ASCII lowercases to one of the letters of "according", so
    // the ASCII comparison says what lowercasing the word would.)
    if w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("according") {
        return None;
    }
    verb_cue_at(doc, i, end, verbs().get_lowercase(w)?)
}

/// The cue starting at token `i`, whose word is the speech-verb entry `verb`: the first
/// of its phrases that fits before token `end`, else the word alone.
fn verb_cue_at(doc: &Document, i: usize, end: usize, verb: &Verb) -> Option<Cue> {
    for phrase in &verb.phrases {
        let n = phrase.len();
        let fits = i + n <= end
            && phrase
                .iter()
                .enumerate()
                .all(|(k, p)| word(doc, i + k).eq_ignore_ascii_case(p));
        if fits {
            let span = Span::new(
                doc.tokens[i].span().start(),
                doc.tokens[i + n - 1].span().end(),
            );
            return Some(Cue {
                span,
                first: i,
                len: n,
            });
        }
    }
    verb.single.then(|| Cue {
        span: doc.tokens[i].span(),
        first: i,
        len: 1,
    })
}

/// True when the cue at token `i` has its speaker as subject: not passive ("was asked",
/// "when told"). `lo` bounds the look-back.
pub fn is_active(doc: &Document, i: usize, lo: usize) -> bool {
    let mut j = i;
    // "was not asked", "had been told"
    for _ in 0..3 {
        if j <= lo {
            return true;
        }
        j -= 1;
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
    word(doc, cue.first).ends_with("ing") && cue.len == 1
}

/// True when the cue may come before its speaker ("said Max Bergmann").
pub fn may_invert(doc: &Document, cue: &Cue) -> bool {
    INVERTING_CUES.contains(word(doc, cue.first))
}

/// The entity type a speaker pronoun refers to, if token `i` is one.
pub fn pronoun_type(doc: &Document, i: usize) -> Option<EntityType> {
    let w = word(doc, i);
    if w.is_empty() || !is_word(doc, i) {
        return None;
    }
    pronouns().get_lowercase(w).copied()
}

pub fn is_skip_word(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && SKIP_WORDS.contains(word(doc, i))
}

pub fn is_spokesperson_word(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && {
        let w = word(doc, i);
        may_be_spokesperson_word(w) && SPOKESPERSON_WORDS.contains(w)
    }
}

/// False when `w` cannot be a spokesperson word: its first byte is ASCII and, in
/// lowercase, starts none of the list's entries (lowercased, as the caseless set holds
/// them). Pronoun resolution asks this of every word of the sentences before a "he" or
/// "she"; the table answers most of them without a set look-up.
fn may_be_spokesperson_word(w: &str) -> bool {
    static FIRST_BYTES: OnceLock<[bool; 128]> = OnceLock::new();
    let first_bytes = FIRST_BYTES.get_or_init(|| {
        let mut table = [false; 128];
        for entry in lexicon::entries(SPOKESPERSON_LIST) {
            if let Some(slot) = entry
                .to_lowercase()
                .bytes()
                .next()
                .and_then(|b| table.get_mut(usize::from(b)))
            {
                *slot = true;
            }
        }
        table
    });
    match w.as_bytes().first() {
        Some(&b) if b.is_ascii() => first_bytes
            .get(usize::from(b.to_ascii_lowercase()))
            .copied()
            .unwrap_or(true),
        _ => true,
    }
}

pub fn is_naming_word(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && NAMING_WORDS.contains(word(doc, i))
}

/// True for a noun that, after "the", stands for an organization ("the company").
pub fn is_organization_noun(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && ORGANIZATION_NOUNS.contains(word(doc, i))
}

/// True for a noun that, after "the", stands for an organization whose name contains it
/// ("the ministry" → "Ministry of Defence").
pub fn is_named_organization_noun(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && NAMED_ORGANIZATION_NOUNS.contains(word(doc, i))
}

pub fn is_preposition(doc: &Document, i: usize) -> bool {
    let w = word(doc, i);
    PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// True for the token `,` (or a dash) that opens or closes an apposition.
pub fn is_clause_comma(doc: &Document, i: usize) -> bool {
    matches!(word(doc, i), "," | "(" | ")" | "—" | "–")
}

/// True for punctuation that ends a clause the speaker cannot cross.
pub fn is_clause_end(doc: &Document, i: usize) -> bool {
    matches!(word(doc, i), "." | ";" | "!" | "?" | ":")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

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

    #[test]
    fn spokesperson_pre_test_never_turns_away_a_listed_word() {
        for entry in lexicon::entries(SPOKESPERSON_LIST) {
            for w in [entry.to_string(), entry.to_uppercase(), {
                let mut c = entry.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }] {
                assert!(SPOKESPERSON_WORDS.contains(&w), "{w}");
                assert!(may_be_spokesperson_word(&w), "{w}");
            }
        }
        for w in ["the", "Zelensky", "said", "“", "", "Ünal"] {
            if !may_be_spokesperson_word(w) {
                assert!(!SPOKESPERSON_WORDS.contains(w), "{w}");
            }
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
        assert!(cue.is_according(&d));
        let s = index_of(&d, "said");
        assert_eq!(cue_at(&d, s, d.tokens.len()).unwrap().len, 1);
        assert!(cue_at(&d, index_of(&d, "Prices"), d.tokens.len()).is_none());
    }

    #[test]
    fn lookups_ignore_case_where_the_lists_do() {
        let d = doc("ACCORDING TO them, HE Said so and she SAID it.");
        let cue = cue_at(&d, 0, d.tokens.len()).unwrap();
        assert_eq!(d.slice(cue.span), "ACCORDING TO");
        assert!(cue_at(&d, index_of(&d, "Said"), d.tokens.len()).is_none());
        assert_eq!(
            pronoun_type(&d, index_of(&d, "HE")),
            Some(EntityType::Person)
        );
        assert_eq!(pronoun_type(&d, index_of(&d, "them")), None);
        let d = doc("she added that");
        assert_eq!(cue_at(&d, 1, d.tokens.len()).map(|c| c.len), Some(1));
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
    }

    #[test]
    fn pronouns_have_types() {
        let d = doc("He said they would.");
        assert_eq!(pronoun_type(&d, 0), Some(EntityType::Person));
        assert_eq!(pronoun_type(&d, 2), Some(EntityType::Organization));
        assert_eq!(pronoun_type(&d, 1), None);
    }
}
