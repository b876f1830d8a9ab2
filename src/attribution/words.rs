//! The small word lists of attribution (`data/`) and the token tests built on them: is
//! this word a pronoun that can name a speaker, a spokesperson noun, a noun standing for
//! an organization, an adverb to skip between speaker and cue, a preposition.

use std::sync::OnceLock;

use crate::document::{Document, EntityType};
use crate::lexicon::{self, WordSet, WordTable};
use crate::speech::{is_word, word};

static SKIP_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/attribution_skip_words.txt"));
static SPOKESPERSON_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/spokesperson_words.txt"));
static RELATIONAL_NOUNS: WordSet =
    WordSet::caseless(include_str!("../../data/relational_nouns.txt"));
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

/// The speaker pronouns by lowercase word, with the entity type each refers to.
fn pronouns() -> &'static WordTable<EntityType> {
    static TABLE: OnceLock<WordTable<EntityType>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs: Vec<(String, EntityType)> = lexicon::entries(PRONOUNS)
            .map(|line| {
                let (word, kind) = line
                    .split_once(char::is_whitespace)
                    .expect("each pronoun line gives a word and a type");
                let kind = match kind.trim() {
                    "person" => EntityType::Person,
                    "organization" => EntityType::Organization,
                    other => panic!("pronoun type {other:?} is neither person nor organization"),
                };
                (word.to_lowercase(), kind)
            })
            .collect();
        WordTable::new(pairs.iter().map(|(w, k)| (w.as_str(), *k)))
    })
}

/// The entity type a speaker pronoun refers to, if token `i` is one.
pub fn pronoun_type(doc: &Document, i: usize) -> Option<EntityType> {
    if !is_word(doc, i) {
        return None;
    }
    pronouns().get_lowercase(word(doc, i)).copied()
}

/// True for an adverb or auxiliary between a speaker and the cue ("also", "has").
pub fn is_skip_word(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && SKIP_WORDS.contains(word(doc, i))
}

/// True for a spokesperson noun ("spokesman", "officials", "statement").
pub fn is_spokesperson_word(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && SPOKESPERSON_WORDS.contains(word(doc, i))
}

/// True for a noun of someone who speaks for a person ("a lawyer for John Smith").
pub fn is_relational_noun(doc: &Document, i: usize) -> bool {
    is_word(doc, i) && RELATIONAL_NOUNS.contains(word(doc, i))
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

/// True when an organization's name says it is an institution ("Ministry of Defence",
/// "Leeds City Council"), which "the company" never refers to.
pub fn names_an_institution(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| NAMED_ORGANIZATION_NOUNS.contains(w))
}

pub fn is_preposition(doc: &Document, i: usize) -> bool {
    let w = word(doc, i);
    PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// True for the token `,` (or a dash or bracket) that opens or closes an apposition.
pub fn is_clause_comma(doc: &Document, i: usize) -> bool {
    matches!(word(doc, i), "," | "(" | ")" | "—" | "–")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn doc(text: &str) -> Document<'_> {
        let mut d = Document::new(text);
        segment::run(&mut d);
        d
    }

    #[test]
    fn pronouns_have_types_whatever_their_case() {
        let d = doc("He said they would, and HE did it to them.");
        assert_eq!(pronoun_type(&d, 0), Some(EntityType::Person));
        assert_eq!(pronoun_type(&d, 2), Some(EntityType::Organization));
        assert_eq!(pronoun_type(&d, 1), None);
        assert_eq!(pronoun_type(&d, 6), Some(EntityType::Person));
        assert_eq!(pronoun_type(&d, 10), None);
    }

    #[test]
    fn spokesperson_and_organization_nouns() {
        let d = doc("A Treasury Spokeswoman said the company and the ministry agreed.");
        assert!(is_spokesperson_word(&d, 2));
        assert!(!is_spokesperson_word(&d, 1));
        assert!(is_organization_noun(&d, 5));
        assert!(is_named_organization_noun(&d, 8));
    }
}
