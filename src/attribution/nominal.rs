//! Nominal speakers: a definite description standing for someone the article named.
//! "the director", "the former minister", "the striker" → the person named with that role
//! nearby ("film director Ana Belén Ruiz", "Gordon Shaw, a retired engineer"); "the
//! mother-of-three", "the pensioner" (`data/person_nouns.txt`) → the most recent person
//! of that gender; "the report", "the study" (`data/document_nouns.txt`) → whoever
//! published it ("a report by the Carrington Institute"). Every search stays within the
//! pronoun look-back window.

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::{EntityType, Gender};
use crate::lexicon::{self, WordSet, WordTable};
use crate::speech::{self, is_word, word};

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

/// How many tokens after a document's name its author may be given ("the report,
/// published by the IFS").
const AUTHOR_GAP: usize = 4;

/// How many tokens "in" may stand before the document it introduces ("said in a brief
/// written statement").
const MEDIUM_GAP: usize = 4;

/// How many words before a name may give its role ("Spanish film director Ana Belén
/// Ruiz").
const ROLE_WORDS_BEFORE: usize = 4;

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
    /// The entity that a description names: its words are the tokens `words` (after
    /// "the", which is at byte `at`), the last one its noun. A role holder, a person
    /// noun's person or a document's publisher.
    pub(super) fn nominal_speaker(&self, words: Range<usize>, at: usize) -> Option<usize> {
        let t = words.end.checked_sub(1)?;
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
        let role: Vec<&str> = words
            .filter(|&k| is_word(self.doc, k))
            .map(|k| word(self.doc, k))
            .collect();
        self.role_holder(&role, at)
    }

    /// The person named with the role `role` (its words) in the nearest stretch of the
    /// look-back that names one; none when two people there hold it.
    fn role_holder(&self, role: &[&str], at: usize) -> Option<usize> {
        for back in self.look_back(at) {
            let mut holders = self
                .mentions_within(back.span)
                .filter(|m| m.entity_type == EntityType::Person && m.span.end() <= at)
                .filter(|m| !self.quoted(m.span.start()) && self.holds_role(m, role))
                .map(|m| m.entity);
            if let Some(first) = holders.next() {
                let mut others = holders.filter(|&e| e != first);
                return others.next().is_none().then_some(first);
            }
        }
        None
    }

    /// True when the mention `m` comes with every word of `role` around it: right before
    /// it ("retired engineer Gordon Shaw"), in an apposition after it ("Gordon Shaw, a
    /// retired engineer,") or before it ("the party’s chief whip, Graham Oakes").
    fn holds_role(&self, m: &MentionRef, role: &[&str]) -> bool {
        let first = self.doc.token_at_or_after(m.span.start());
        let last = self.doc.token_at_or_after(m.span.end()).saturating_sub(1);
        // The noun right before the name heads a title of a few words ("Spanish film
        // director Ana Belén Ruiz"), not a clause ("the King said to Alice").
        let noun = role.last().copied().unwrap_or("");
        let titled = first > 0 && word(self.doc, first - 1).eq_ignore_ascii_case(noun);
        let before = (first.saturating_sub(ROLE_WORDS_BEFORE)..first)
            .rev()
            .take_while(|&k| titled && is_word(self.doc, k));
        let after = (word(self.doc, last + 1) == ",")
            .then(|| self.apposition(last + 2, ROLE_APPOSITION_TOKENS as isize))
            .flatten();
        // The apposition before the name reaches past its title ("The former health
        // minister, Dame Carol Price").
        let titled_first = self
            .title_before(*m, 0)
            .map_or(first, |t| self.doc.token_at_or_after(t.start()));
        let apposed = (titled_first > 0 && word(self.doc, titled_first - 1) == ",")
            .then(|| {
                self.apposition(
                    titled_first.wrapping_sub(2),
                    -(ROLE_APPOSITION_TOKENS as isize),
                )
            })
            .flatten();
        let context: Vec<usize> = before
            .chain(after.into_iter().flatten())
            .chain(apposed.into_iter().flatten())
            .collect();
        role.iter().all(|r| {
            context
                .iter()
                .any(|&k| word(self.doc, k).eq_ignore_ascii_case(r))
        })
    }

    /// The words of an apposition from token `from`, read forwards (`step` > 0) or
    /// backwards, at most `|step|` tokens: they run to a comma or a clause end, and name
    /// no other person ("while manager Glen Ashworth stayed calm" is none).
    fn apposition(&self, from: usize, step: isize) -> Option<Vec<usize>> {
        let mut words = Vec::new();
        let mut k = from;
        for _ in 0..step.unsigned_abs() {
            let w = word(self.doc, k);
            if w.is_empty() || w == "," || speech::is_clause_end(self.doc, k) {
                return Some(words);
            }
            let at = self.token_span(k).start();
            if self
                .mentions
                .starting_at(at)
                .is_some_and(|m| m.entity_type == EntityType::Person)
            {
                return None;
            }
            words.push(k);
            // Token 0 ends a backward apposition: the text starts there.
            match k.checked_add_signed(step.signum()) {
                Some(next) => k = next,
                None => return Some(words),
            }
        }
        Some(words)
    }

    /// Who published the document that "the NOUN" (token `t`, the description starting at
    /// byte `at`) refers back to: "a report by the Carrington Institute", "the
    /// institute's report", "the Carrington Institute published a report", or, for the
    /// nearest one, who spoke in it ("Greyline Transit said in a statement").
    fn publisher(&self, t: usize, at: usize) -> Option<usize> {
        let noun = word(self.doc, t);
        let mut nearest = true;
        self.look_back(at).find_map(|back| {
            back.tokens
                .clone()
                .rev()
                .inspect(|_| self.step())
                .filter(|&k| k != t && word(self.doc, k).eq_ignore_ascii_case(noun))
                .find_map(|k| {
                    // Only the nearest mention of the document is read as a cue's medium:
                    // its subject may be a pronoun, whose search is the costly part.
                    let medium = std::mem::take(&mut nearest);
                    self.author_of(k)
                        .or_else(|| medium.then(|| self.speaker_of_document(k)).flatten())
                })
        })
    }

    /// The author of the document named at token `k`.
    fn author_of(&self, k: usize) -> Option<usize> {
        let len = self.doc.tokens.len();
        // "a report by X", "the report, published by X on Tuesday"
        let by = (k + 1..(k + 1 + AUTHOR_GAP).min(len))
            .take_while(|&j| !speech::is_clause_end(self.doc, j))
            .find(|&j| matches!(word(self.doc, j), "by" | "from"));
        let after = by.and_then(|j| {
            (j + 1..(j + 3).min(len))
                .find_map(|n| self.mentions.any_starting_at(self.token_span(n).start()))
        });
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

    /// "Greyline Transit said in a statement that …", "it said in a brief statement": the
    /// speaker of the cue the document at token `k` is the medium of.
    fn speaker_of_document(&self, k: usize) -> Option<usize> {
        let sentence = self.doc.sentence_at(self.token_span(k).start())?;
        let lo = self.doc.sentences[sentence].tokens().start;
        let within = (k.saturating_sub(MEDIUM_GAP).max(lo)..k).rev();
        let cue = within
            .filter(|&j| j > lo && word(self.doc, j).eq_ignore_ascii_case("in"))
            .map(|j| j - 1)
            .find(|&j| speech::cue_at(self.doc, j, j + 1).is_some())?;
        let speaker = self.subject_before(cue, lo)?;
        (self.doc.entities[speaker.entity].entity_type != EntityType::Place)
            .then_some(speaker.entity)
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
