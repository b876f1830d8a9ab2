//! Speakers of interview transcripts (see `quotes::interview`): a name label ("LOWE:")
//! is the person of that name, an initials label ("JL:") the one person with those
//! initials; "Q:"/"Question:" is the interviewer and "A:"/"Answer:"
//! the interviewee, both from the introduction — the paragraphs before the first label.
//! The interviewee is the first person, not named as a journalist, of the nearest
//! paragraph there that names one; the interviewer is a person named there as a
//! journalist ("our books editor, Tom Haverford", `data/interviewer_words.txt`), else
//! nobody ("We asked her").

use crate::document::{EntityType, MentionKind, Quote, Span};
use crate::lexicon::WordSet;
use crate::speech::word;

use super::mentions::MentionRef;
use super::speaker::{Ctx, Resolved};

static INTERVIEWER_WORDS: WordSet =
    WordSet::caseless(include_str!("../../data/interviewer_words.txt"));

/// The introduction is at most this many paragraphs before the first label.
const INTRO_PARAGRAPHS: usize = 3;

/// At most this many people of the introduction are told apart.
const MAX_INTRO_PEOPLE: usize = 16;

/// A name label is matched against at most this many of the most salient entities.
const LABEL_CANDIDATES: usize = 256;

/// How many tokens before a name a journalist word may stand ("our books editor, Tom
/// Haverford").
const INTERVIEWER_WORD_GAP: usize = 4;

/// The two sides of an interview, as entities.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sides {
    pub interviewer: Option<usize>,
    pub interviewee: Option<usize>,
}

/// A person named in the paragraphs that introduce an interview.
struct Introduced {
    entity: usize,
    /// Named as a journalist ("our books editor, Tom Haverford").
    journalist: bool,
    /// The paragraph of the first mention.
    paragraph: usize,
}

impl Ctx<'_, '_> {
    /// The sides of the interview whose first labelled quotation is `first`.
    pub(super) fn interview_sides(&self, first: &Quote) -> Sides {
        let p = first.context.paragraph;
        // In order of first mention.
        let mut people: Vec<Introduced> = Vec::new();
        for intro in p.saturating_sub(INTRO_PARAGRAPHS)..p {
            for m in self.mentions_within(self.doc.paragraphs[intro].span) {
                self.meet(&mut people, m, intro);
            }
        }
        // Two people named as journalists: which one asks is unknown.
        let mut journalists = people.iter().filter(|p| p.journalist);
        let interviewer = journalists
            .next()
            .filter(|_| journalists.next().is_none())
            .map(|p| p.entity);
        // The interviewee is introduced last, right before the questions: the first
        // person of the nearest paragraph that names one (not a name from the news
        // further up).
        // (`min_by_key` keeps the first of equals.)
        let interviewee = people
            .iter()
            .filter(|p| !p.journalist)
            .min_by_key(|p| std::cmp::Reverse(p.paragraph))
            .map(|p| p.entity);
        Sides {
            interviewer,
            interviewee,
        }
    }

    /// Adds the person named by `m` (in paragraph `paragraph`) to `people` (see
    /// [`Self::interview_sides`]). A name described as a journalist's ("Oliver Grant, our
    /// correspondent") is a person whatever type the entities stage gave it.
    fn meet(&self, people: &mut Vec<Introduced>, m: MentionRef, paragraph: usize) {
        if m.kind != MentionKind::Name || m.entity_type == EntityType::Place {
            return;
        }
        let journalist = self.named_as_journalist(m.span);
        if m.entity_type != EntityType::Person && !journalist {
            return;
        }
        if let Some(person) = people.iter_mut().find(|p| p.entity == m.entity) {
            person.journalist |= journalist;
        } else if people.len() < MAX_INTRO_PEOPLE {
            people.push(Introduced {
                entity: m.entity,
                journalist,
                paragraph,
            });
        }
    }

    /// True when the name at `name` is described by a journalist word in the same noun
    /// phrase: just before it ("presenter Gareth Lowe", "our books editor, Tom Haverford")
    /// or in an apposition after it ("Tom Haverford, our food editor,"). A journalist word
    /// of another phrase ("our food editor, spoke to Maria Delgado") does not count.
    fn named_as_journalist(&self, name: Span) -> bool {
        let first = self.doc.token_at_or_after(name.start());
        let before = (first.saturating_sub(INTERVIEWER_WORD_GAP)..first)
            .rev()
            .take_while(|&k| {
                INTERVIEWER_WORDS.contains(word(self.doc, k)) || word(self.doc, k) == ","
            })
            .any(|k| INTERVIEWER_WORDS.contains(word(self.doc, k)));
        let after = self.doc.token_at_or_after(name.end());
        let apposition = word(self.doc, after) == ","
            && (after + 1..after + 1 + INTERVIEWER_WORD_GAP)
                .take_while(|&k| !matches!(word(self.doc, k), "," | "." | ""))
                .any(|k| INTERVIEWER_WORDS.contains(word(self.doc, k)));
        before || apposition
    }

    /// The speaker of a labelled transcript quotation whose label is `label`.
    pub(super) fn label_speaker(&self, label: Span, sides: Sides) -> Option<Resolved> {
        let text = self.doc.slice(label);
        let side = match text {
            "Q" | "Question" => Some(sides.interviewer),
            "A" | "Answer" => Some(sides.interviewee),
            _ => None,
        };
        if let Some(side) = side {
            return side.map(|entity| Resolved {
                entity,
                mention: None,
                pronoun: false,
                cue: None,
            });
        }
        self.named_by_label(label)
    }

    /// The person a name label ("LOWE", "Lowe", "JL") names: a person mention at the
    /// label, else the one person whose name ends with it or, for a label of two or three
    /// capitals, has it as initials ("JL" for Jessica Lowe).
    fn named_by_label(&self, label: Span) -> Option<Resolved> {
        let at_label = self
            .mentions
            .starting_at(label.start())
            .filter(|m| m.entity_type == EntityType::Person);
        if let Some(m) = at_label {
            return Some(Resolved {
                entity: m.entity,
                mention: Some(label),
                pronoun: false,
                cue: None,
            });
        }
        let text = self.doc.slice(label);
        let mut named = self
            .doc
            .entities
            .iter()
            .take(LABEL_CANDIDATES)
            .enumerate()
            .filter(|(_, e)| {
                e.entity_type == EntityType::Person
                    && (e
                        .name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|last| last.eq_ignore_ascii_case(text))
                        || are_initials(text, &e.name))
            });
        let (entity, _) = named.next()?;
        named.next().is_none().then_some(Resolved {
            entity,
            mention: None,
            pronoun: false,
            cue: None,
        })
    }
}

/// True when `label`, two or three capitals, is the initials of `name`: of every word,
/// or of the first and last ("JL" for "Jessica Lowe", "MAS" or "MS" for "Mary Ann Smith").
fn are_initials(label: &str, name: &str) -> bool {
    let capitals = (2..=3).contains(&label.len()) && label.bytes().all(|b| b.is_ascii_uppercase());
    if !capitals {
        return false;
    }
    let firsts: Vec<char> = name.split(' ').filter_map(|w| w.chars().next()).collect();
    let all = firsts.iter().copied().eq(label.chars());
    let outer = firsts.len() > 2
        && [firsts[0], firsts[firsts.len() - 1]]
            .into_iter()
            .eq(label.chars());
    all || outer
}
