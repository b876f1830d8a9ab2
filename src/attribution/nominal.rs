//! Nominal speakers: a definite description standing for someone the article named.
//! "the director", "the former minister", "the striker" → the person named with that role
//! nearby ("film director Ana Belén Ruiz", "Gordon Shaw, a retired engineer"); "the
//! mother-of-three", "the pensioner" (`data/person_nouns.txt`) → the most recent person
//! of that gender; "the report", "the study" (`data/document_nouns.txt`) → whoever
//! published it ("a report by the Carrington Institute"). Every search stays within the
//! pronoun look-back window.

use std::sync::OnceLock;

use crate::document::{EntityType, Gender};
use crate::lexicon::{self, WordSet, WordTable};
use crate::speech::{is_word, word};

use super::mentions::MentionRef;
use super::speaker::Ctx;

const PERSON_NOUNS: &str = include_str!("../../data/person_nouns.txt");
static DOCUMENT_NOUNS: WordSet = WordSet::caseless(include_str!("../../data/document_nouns.txt"));

/// Verbs by which a subject publishes a document ("X published a report").
const PUBLISHING_VERBS: [&str; 6] = [
    "published",
    "released",
    "issued",
    "produced",
    "commissioned",
    "filed",
];

/// How many tokens an apposition naming a role may run ("Gordon Shaw, a retired
/// engineer", "The general secretary of the teachers’ union, Raymond Osei").
const ROLE_APPOSITION_TOKENS: usize = 8;

/// The person nouns, by lowercase word, with the gender each gives (`None`: either).
fn person_nouns() -> &'static WordTable<Option<Gender>> {
    static TABLE: OnceLock<WordTable<Option<Gender>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs: Vec<(String, Option<Gender>)> = lexicon::entries(PERSON_NOUNS)
            .map(|line| {
                let (noun, gender) = line
                    .split_once(char::is_whitespace)
                    .expect("each person-noun line gives a noun and a gender");
                let gender = match gender.trim() {
                    "male" => Some(Gender::Male),
                    "female" => Some(Gender::Female),
                    _ => None,
                };
                (noun.to_lowercase(), gender)
            })
            .collect();
        WordTable::new(pairs.iter().map(|(w, g)| (w.as_str(), *g)))
    })
}

/// The noun a description's last word stands for: "mother" for "mother-of-three".
fn head_noun(w: &str) -> &str {
    match w.find("-of-") {
        Some(i) => &w[..i],
        None => w,
    }
}

impl Ctx<'_, '_> {
    /// The entity that "the … NOUN" names, NOUN being token `t` and the description
    /// starting at byte `at`: a role holder, a person noun's person or a document's
    /// publisher.
    pub(super) fn nominal_speaker(&self, t: usize, at: usize) -> Option<usize> {
        if !is_word(self.doc, t) {
            return None;
        }
        let noun = head_noun(word(self.doc, t));
        if let Some(&gender) = person_nouns().get_lowercase(noun) {
            return self.antecedent(at, EntityType::Person, gender);
        }
        if DOCUMENT_NOUNS.contains(noun) {
            return self.publisher(t, at);
        }
        self.role_holder(noun, at)
    }

    /// The person named with the role `noun` in the nearest stretch of the look-back that
    /// names one; none when two people there hold it.
    fn role_holder(&self, noun: &str, at: usize) -> Option<usize> {
        for back in self.look_back(at) {
            let mut holders = self
                .mentions_within(back.span)
                .filter(|m| m.entity_type == EntityType::Person && m.span.end() <= at)
                .filter(|m| !self.quoted(m.span.start()) && self.holds_role(m, noun))
                .map(|m| m.entity);
            if let Some(first) = holders.next() {
                let mut others = holders.filter(|&e| e != first);
                return others.next().is_none().then_some(first);
            }
        }
        None
    }

    /// True when the mention `m` comes with the role `noun`: right before it ("retired
    /// engineer Gordon Shaw"), in an apposition after it ("Gordon Shaw, a retired
    /// engineer,") or before it ("the chief whip, Graham Oakes").
    fn holds_role(&self, m: &MentionRef, noun: &str) -> bool {
        let is_noun = |k: usize| word(self.doc, k).eq_ignore_ascii_case(noun);
        let first = self.doc.token_at_or_after(m.span.start());
        let last = self.doc.token_at_or_after(m.span.end()).saturating_sub(1);
        let just_before = (first.saturating_sub(2)..first).any(is_noun);
        let len = self.doc.tokens.len();
        let apposition_after = word(self.doc, last + 1) == ","
            && (last + 2..(last + 2 + ROLE_APPOSITION_TOKENS).min(len))
                .take_while(|&k| is_word(self.doc, k))
                .any(is_noun);
        let apposition_before = first > 0
            && word(self.doc, first - 1) == ","
            && (first.saturating_sub(1 + ROLE_APPOSITION_TOKENS)..first - 1)
                .rev()
                .take_while(|&k| is_word(self.doc, k) || word(self.doc, k) == "’")
                .any(is_noun);
        just_before || apposition_after || apposition_before
    }

    /// Who published the document that "the NOUN" (token `t`, the description starting at
    /// byte `at`) refers back to: "a report by the Carrington Institute", "the
    /// institute's report", "the Carrington Institute published a report".
    fn publisher(&self, t: usize, at: usize) -> Option<usize> {
        let noun = word(self.doc, t);
        self.look_back(at).find_map(|back| {
            back.tokens
                .clone()
                .rev()
                .inspect(|_| self.step())
                .filter(|&k| k != t && word(self.doc, k).eq_ignore_ascii_case(noun))
                .find_map(|k| self.author_of(k))
        })
    }

    /// The author of the document named at token `k`.
    fn author_of(&self, k: usize) -> Option<usize> {
        let by = word(self.doc, k + 1);
        let after = if by.eq_ignore_ascii_case("by") || by.eq_ignore_ascii_case("from") {
            (k + 2..(k + 4).min(self.doc.tokens.len()))
                .find_map(|j| self.mentions.any_starting_at(self.token_span(j).start()))
        } else {
            None
        };
        let before = k.checked_sub(1).and_then(|j| self.mention_ending_in(j));
        let subject = k
            .checked_sub(3)
            .filter(|&j| PUBLISHING_VERBS.contains(&word(self.doc, j + 1)))
            .and_then(|j| self.mention_ending_in(j));
        after
            .or(before)
            .or(subject)
            .filter(|m| m.entity_type != EntityType::Place)
            .map(|m| m.entity)
    }

    /// A mention ending with token `j`, or with it less a possessive "’s".
    fn mention_ending_in(&self, j: usize) -> Option<MentionRef> {
        let token = self.token_span(j);
        let text = self.doc.slice(token);
        let stem = text
            .strip_suffix("’s")
            .or_else(|| text.strip_suffix("'s"))
            .unwrap_or(text);
        self.mentions
            .any_ending_at(token.end())
            .or_else(|| self.mentions.any_ending_at(token.start() + stem.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_nouns() {
        assert_eq!(head_noun("mother-of-three"), "mother");
        assert_eq!(head_noun("director"), "director");
        assert_eq!(
            person_nouns().get_lowercase("Mother"),
            Some(&Some(Gender::Female))
        );
        assert_eq!(person_nouns().get_lowercase("pensioner"), Some(&None));
        assert!(DOCUMENT_NOUNS.contains("report"));
    }
}
