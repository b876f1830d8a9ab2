//! Finding the speaker words of one quotation, pattern by pattern, and turning them into
//! an entity: a name or description mention of `entities`, a pronoun resolved to the most
//! recent compatible entity, or an unnamed spokesperson's organization.
//!
//! Patterns (news style): QUOTE, SPEAKER CUE · QUOTE, CUE SPEAKER · QUOTE, SPEAKER, a/the
//! ROLE, CUE · SPEAKER CUE: QUOTE · SPEAKER CUE (that) … QUOTE · according to SPEAKER;
//! of coordinated speakers (SPEAKER and SPEAKER CUE) the first · QUOTE: SPEAKER in a
//! headline. Every look is bounded (a few tokens, one sentence, a few sentences back for pronouns).

use std::ops::Range;

use crate::document::{AfterCue, Cue, Document, EntityType, Gender, MentionKind, Quote, Span};
use crate::entities::RoleIndex;
use crate::lexicon;
use crate::quotes::context::inside_quote;
use crate::speech;

use super::interview::Sides;
use super::mentions::{MentionIndex, MentionRef};
use super::words;

/// Appositions, relative clauses and later conjuncts skipped between a speaker and the
/// cue ("Nick Clegg, its president, and Jane Roe, its lawyer, wrote").
const MAX_APPOSITIONS: usize = 5;
/// Capitalised words between "and" and a later conjunct's name ("and Labour Minister
/// Sophie Marchand").
const MAX_CONJUNCT_TITLE: usize = 3;
/// Tokens an apposition may span ("a senior analyst at the Ukrainian foundation …").
const MAX_APPOSITION_TOKENS: usize = 40;
/// Words opening an apposition that names its noun phrase ("the novelist Ian Price").
const APPOSITION_DETERMINERS: [&str; 8] = ["the", "a", "an", "his", "her", "their", "its", "our"];
/// Words an apposition may put before the name it gives ("the award-winning novelist").
const APPOSITION_WORDS: usize = 4;
/// Adverbs and auxiliaries skipped before a cue ("has also said").
const MAX_SKIPPED: usize = 4;
/// Words between an organization and the person it titles ("Tesla chief executive Elon
/// Musk").
const TITLE_WORDS_AFTER_NAME: usize = 4;
/// Tokens after an inverted cue where the speaker may start ("said the Kremlin",
/// "said a spokesman for Google").
const MAX_INVERTED_GAP: usize = 5;
/// Tokens at the start of a sentence where the subject introducing a colon quotation may
/// start ("The Ukrainian president was clear:").
const INTRO_SUBJECT_TOKENS: usize = 3;
/// Tokens between "quoted" and "as saying" ("was quoted by the Interfax news agency as
/// saying").
const QUOTED_AS_GAP: usize = 6;
/// Tokens from the start of a sentence to the comma before a participle cue whose
/// subject opens the sentence ("Mayor Brandon Johnson on Wednesday defended his $17
/// billion budget proposal, telling").
const PARTICIPLE_CLAUSE_TOKENS: usize = 30;
/// Words between a subject and its participle cue ("released a brief statement saying").
const PARTICIPLE_OBJECT_TOKENS: usize = 6;
/// Tokens "the 43-year-old" may span, however the age is tokenized.
const AGE_DESCRIPTION_TOKENS: usize = 6;
/// Tokens after an unnamed spokesperson where their name may follow ("The spokesman,
/// Daniel Rourke, later said").
const NAMED_LATER_TOKENS: usize = 150;
/// Sentences looked back over to resolve a pronoun.
const PRONOUN_LOOKBACK: usize = 8;
/// Tokens looked back over to resolve a pronoun, however long its sentences: keeps the
/// search bounded on text without sentence breaks.
const LOOKBACK_TOKENS: usize = 400;

/// Who speaks, and the words that say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub entity: usize,
    /// The name, description or pronoun naming the speaker here (none for a label "A:"
    /// naming the interviewee).
    pub mention: Option<Span>,
    /// True when `mention` is a pronoun (to be added to the entity's mentions).
    pub pronoun: bool,
    pub cue: Option<Span>,
}

/// A quotation's own attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker the patterns found, if any.
    pub speaker: Option<Resolved>,
    /// True when the quotation has a cue (or a transcript label) of its own, even with
    /// its speaker unknown: such a quotation never inherits the previous speaker.
    pub own_cue: bool,
    /// Its cue, even when the speaker is unknown ("police said").
    pub cue: Option<Span>,
}

pub struct Ctx<'a, 't> {
    pub doc: &'a Document<'t>,
    pub mentions: &'a MentionIndex,
    /// The people's roles by head noun, for role descriptions ("the president").
    pub roles: &'a RoleIndex,
}

/// A stretch of one sentence an antecedent search looks at: its tokens and its text.
pub(super) struct LookBack {
    pub(super) tokens: Range<usize>,
    pub(super) span: Span,
}

impl Ctx<'_, '_> {
    pub(super) fn token_span(&self, i: usize) -> Span {
        self.doc.tokens[i].span()
    }

    /// True when byte offset `at` is inside a quotation.
    pub(super) fn quoted(&self, at: usize) -> bool {
        inside_quote(&self.doc.quotes, at)
    }

    /// Tries the patterns around `quote`: a transcript label (`sides` are the interview's
    /// people), after-quote attribution, then a cue earlier in its sentence, then an
    /// introducing colon, then a headline's credit after a colon. The answer also says
    /// whether the quotation has a cue of its own.
    pub fn attribute(&self, quote: &Quote, sides: Sides) -> Attribution {
        let context = &quote.context;
        if let Some(label) = context.label {
            return Attribution {
                speaker: self.label_speaker(label, sides),
                own_cue: true,
                cue: None,
            };
        }
        let cue = context.after.map(|a| a.cue).or(context.cue_before);
        let speaker = context
            .after
            .and_then(|a| self.after_quote(a))
            .or_else(|| {
                let before = context.cue_before?;
                self.before_quote(before, context.before.clone())
            })
            .or_else(|| self.colon_intro(context.first_token))
            .or_else(|| self.headline_credit(quote));
        Attribution {
            speaker,
            own_cue: cue.is_some(),
            cue: match speaker {
                Some(found) => found.cue,
                None => cue.map(|c| c.span),
            },
        }
    }

    /// SPEAKER …: QUOTE with no cue verb ("Trump was blunt: “…”", "The president was more
    /// optimistic:" closing the paragraph before): the name or description that opens the
    /// introducing sentence. `first_token` is the quotation's.
    fn colon_intro(&self, first_token: usize) -> Option<Resolved> {
        let colon = first_token.checked_sub(1)?;
        if speech::word(self.doc, colon) != ":" {
            return None;
        }
        let s = self.doc.sentence_at(self.token_span(colon).start())?;
        let first = self.doc.sentences[s].tokens().start;
        let opening = first..colon.min(first + INTRO_SUBJECT_TOKENS);
        opening
            .clone()
            .find_map(|k| {
                let m = self.mentions.starting_at(self.token_span(k).start())?;
                (m.entity_type != EntityType::Place && !self.after_preposition(&m))
                    .then(|| resolved(self.name_after_title(m)))
            })
            .or_else(|| {
                opening
                    .skip(1)
                    .find_map(|t| self.description_ending_at(t, first))
            })
    }

    /// QUOTE: SPEAKER in a headline ("‘I never planned to be a chef’: Maya Okoro on her
    /// first restaurant"): the person named right after the colon.
    fn headline_credit(&self, quote: &Quote) -> Option<Resolved> {
        if !crate::quotes::kind::precedes_name_label(self.doc, quote) {
            return None;
        }
        let name = self.doc.tokens.get(quote.context.end_token + 1)?;
        let m = self.mentions.starting_at(name.start())?;
        (m.entity_type == EntityType::Person).then(|| resolved(self.name_after_title(m)))
    }

    /// "…,” Trump told reporters · "…,” said Max Bergmann · "…,” Khaled Al-Maeena,
    /// editor of the Saudi Gazette, said.
    fn after_quote(&self, after: AfterCue) -> Option<Resolved> {
        let found = if after.cue.first == after.first {
            (speech::is_according(self.doc, &after.cue) || speech::may_invert(self.doc, &after.cue))
                .then(|| self.speaker_after(after.cue.after(), after.limit))
                .flatten()
        } else {
            self.subject_before(after.cue.first, after.first)
        };
        found.map(|r| Resolved {
            cue: Some(after.cue.span),
            ..r
        })
    }

    /// Trump replied: “…” · Zelensky said Russia was “…” · According to X, “…”: `cue`
    /// is the one found in `window`, the tokens before the quotation where its cue may be.
    fn before_quote(&self, cue: Cue, window: Range<usize>) -> Option<Resolved> {
        let found = self
            .subject_of_comma_participle(&cue, window.start)
            .or_else(|| self.quoted_as_saying(&cue, window.start))
            .or_else(|| self.speaker_of_cue(&cue, window.start, window.end))
            .or_else(|| {
                // "…, noting that he is “realistic”", "X said … and (but) warned “…”": a
                // participle's or a coordinated verb's subject is its clause's.
                let coordinated = cue.first > window.start
                    && ["and", "but"]
                        .iter()
                        .any(|w| speech::word(self.doc, cue.first - 1).eq_ignore_ascii_case(w));
                if !speech::is_participle(self.doc, &cue) && !coordinated {
                    return None;
                }
                let earlier = (window.start..cue.first).rev().find_map(|i| {
                    let c = speech::cue_before(self.doc, i, cue.first)?;
                    (!self.quoted(c.span.start()) && speech::is_active(self.doc, i, window.start))
                        .then_some(c)
                });
                match earlier {
                    Some(earlier) => self.speaker_of_cue(&earlier, window.start, window.end),
                    None if !coordinated => self.subject_of_participle(cue.first, window.start),
                    None => self.subject_of_coordinated_verb(cue.first - 1, window.start),
                }
            });
        found.map(|r| Resolved {
            cue: Some(cue.span),
            ..r
        })
    }

    /// The subject of the verb right before the "and" (or "but") at token `and` ("Priya
    /// Raman apologised and said …"): only a lowercase word joined to its subject, so
    /// "Smith thanked the staff and said" (an object between) names nobody.
    fn subject_of_coordinated_verb(&self, and: usize, lo: usize) -> Option<Resolved> {
        let verb = and.checked_sub(1).filter(|&k| k > lo)?;
        let w = speech::word(self.doc, verb);
        let lowercase = speech::is_word(self.doc, verb) && w.starts_with(char::is_lowercase);
        if !lowercase || words::is_preposition(self.doc, verb) {
            return None;
        }
        // A pronoun there is often a subordinate clause's ("as he spoke and added").
        self.subject_before(verb, lo).filter(|r| !r.pronoun)
    }

    /// The subject of "was quoted … as" before a participle cue ("The minister, Maria
    /// Lopez, was quoted by state media as saying …"): the one quoted speaks.
    fn quoted_as_saying(&self, cue: &Cue, lo: usize) -> Option<Resolved> {
        let as_ = cue.first.checked_sub(1).filter(|&k| k > lo)?;
        let is = |k: usize, w: &str| speech::word(self.doc, k).eq_ignore_ascii_case(w);
        if !speech::is_participle(self.doc, cue) || !is(as_, "as") {
            return None;
        }
        let quoted = (as_.saturating_sub(QUOTED_AS_GAP).max(lo)..as_)
            .rev()
            .find(|&k| is(k, "quoted"))?;
        let aux = quoted.checked_sub(1).filter(|&k| k >= lo)?;
        let passive = ["was", "is", "were", "been"].iter().any(|w| is(aux, w));
        passive.then(|| self.subject_before(aux, lo)).flatten()
    }

    /// The subject of the clause that a participle cue after a comma closes ("Mayor
    /// Brandon Johnson on Wednesday defended his budget, telling aldermen it was “…”",
    /// "Smith praised Jones, calling him “a hero”"): the sentence's first name (not a
    /// place), preceded only by capitalised words, commas and dashes (a dateline, "On
    /// Monday,"), with no punctuation or quotation between it and the comma.
    fn subject_of_comma_participle(&self, cue: &Cue, lo: usize) -> Option<Resolved> {
        let comma = cue.first.checked_sub(1).filter(|&c| c > lo)?;
        if !speech::is_participle(self.doc, cue) || speech::word(self.doc, comma) != "," {
            return None;
        }
        let s = self.doc.sentence_at(self.token_span(comma).start())?;
        let start = self.doc.sentences[s].tokens().start.max(lo);
        if comma - start > PARTICIPLE_CLAUSE_TOKENS {
            return None;
        }
        for k in start..comma {
            let m = self
                .mentions
                .starting_at(self.token_span(k).start())
                .filter(|m| m.entity_type != EntityType::Place);
            if let Some(m) = m {
                let m = self.name_after_title(m);
                let end = self.doc.token_at_or_after(m.span.end());
                let plain = (end..comma).all(|t| {
                    !words::is_clause_comma(self.doc, t)
                        && !speech::is_clause_end(self.doc, t)
                        && !self.quoted(self.token_span(t).start())
                });
                return (plain && end < comma).then(|| resolved(m));
            }
            let w = speech::word(self.doc, k);
            if !(words::is_clause_comma(self.doc, k) || w.starts_with(char::is_uppercase)) {
                return None;
            }
        }
        None
    }

    /// The subject opening the clause of a participle cue at token `cue` that follows no
    /// speech verb ("Governor Ned Lamont released a statement saying …", "On Monday,
    /// Lamont posted a video saying …"): a name preceded in its sentence only by
    /// capitalised words and commas, followed by a few words and no punctuation up to the
    /// participle. "The court sentenced Smith to life, saying …" names nobody.
    fn subject_of_participle(&self, cue: usize, lo: usize) -> Option<Resolved> {
        let sentence = self.doc.sentence_at(self.token_span(cue).start())?;
        let start = self.doc.sentences[sentence].tokens().start.max(lo);
        let from = cue.saturating_sub(PARTICIPLE_OBJECT_TOKENS + 1).max(start);
        let subject = (from..cue).find_map(|k| {
            let m = self.mentions.ending_at(self.token_span(k).end())?;
            (m.entity_type != EntityType::Place).then_some((k, m))
        });
        let (end, m) = subject?;
        let first = self.doc.token_at_or_after(m.span.start());
        let opens = (start..first).all(|k| {
            let w = speech::word(self.doc, k);
            w == "," || w.starts_with(char::is_uppercase)
        });
        let plain = (end + 1..cue).all(|k| speech::is_word(self.doc, k));
        (opens && plain && end + 1 < cue && first >= start).then(|| resolved(m))
    }

    fn speaker_of_cue(&self, cue: &Cue, lo: usize, hi: usize) -> Option<Resolved> {
        if speech::is_according(self.doc, cue) {
            return self.speaker_after(cue.after(), hi);
        }
        self.subject_before(cue.first, lo).or_else(|| {
            speech::may_invert(self.doc, cue)
                .then(|| self.speaker_after(cue.after(), hi))
                .flatten()
                .filter(|r| self.closes_phrase(r))
        })
    }

    /// True when the speaker's words are followed by punctuation or a quotation, as an
    /// inverted speaker before its quotation is ("…, said the Kremlin, “…”"): a name
    /// followed by more words is inside the reported clause ("Police said the protest
    /// outside the Capitol had been “…”").
    fn closes_phrase(&self, r: &Resolved) -> bool {
        r.mention.is_some_and(|m| {
            let next = self.doc.token_at_or_after(m.end());
            !speech::is_word(self.doc, next) && next < self.doc.tokens.len()
        })
    }

    /// The subject of the cue at token `cue`, looking left no further than token `lo`:
    /// the mention or pronoun right before it (over adverbs: "also said"), or, past
    /// appositions and relative clauses set off by commas, the name that opens the clause
    /// ("Mykola Bielieskov, a senior analyst at …, which supplies …, said").
    pub fn subject_before(&self, cue: usize, lo: usize) -> Option<Resolved> {
        let mut j = cue;
        let mut skipped = 0;
        while j > lo && skipped < MAX_SKIPPED && words::is_skip_word(self.doc, j - 1) {
            j -= 1;
            skipped += 1;
        }
        if j <= lo {
            return None;
        }
        if let Some(r) = self.relative_clause_subject(j - 1, lo) {
            return Some(r);
        }
        if !words::is_clause_comma(self.doc, j - 1) {
            let found = self.speaker_ending_at(j - 1, lo)?;
            return Some(self.earlier_conjunct(found, lo).unwrap_or(found));
        }
        self.subject_past_appositions(j - 1, lo)
    }

    /// The person a relative "who" at token `who` refers to, named right before its
    /// comma ("Smith told Becker, who replied: “…”" → Becker).
    fn relative_clause_subject(&self, who: usize, lo: usize) -> Option<Resolved> {
        if !speech::word(self.doc, who).eq_ignore_ascii_case("who") || who < lo + 2 {
            return None;
        }
        if speech::word(self.doc, who - 1) != "," {
            return None;
        }
        let end = self.token_span(who - 2).end();
        let m = self.mentions.ending_at(end)?;
        let person = m.entity_type == EntityType::Person;
        person.then(|| self.accept_mention(m, lo)).flatten()
    }

    /// The subject of a clause whose cue follows the comma at token `comma` (not before
    /// token `lo`): walking back over comma-delimited segments to the one that opens the
    /// clause. A name in apposition is the same person as the subject: it speaks when the
    /// subject names nobody ("Price's husband, the novelist Ian Price, told"). Of
    /// coordinated speakers, the first named speaks ("Nick Clegg, its president, and Jane
    /// Roe, its lawyer, wrote").
    fn subject_past_appositions(&self, comma: usize, lo: usize) -> Option<Resolved> {
        let mut end = comma;
        let (mut apposed, mut conjunct) = (None, None);
        for _ in 0..MAX_APPOSITIONS {
            let floor = end.saturating_sub(MAX_APPOSITION_TOKENS).max(lo);
            let comma = (floor..end)
                .rev()
                .find(|&k| words::is_clause_comma(self.doc, k));
            let seg_start = comma.map_or(lo, |k| k + 1);
            if comma.is_none() || !self.is_parenthetical(seg_start) {
                let found = (seg_start < end)
                    .then(|| self.speaker_ending_at(end - 1, seg_start))
                    .flatten();
                // A capitalised apposition names no one ("Hernán Gómez, Panama coach,
                // said"): keep walking back.
                if found.is_some() || comma.is_none() {
                    return found.or(conjunct).or(apposed);
                }
            } else if let Some(later) = self.conjunct_in(seg_start, end) {
                conjunct.get_or_insert(later);
            } else if apposed.is_none() {
                apposed = self.apposed_name(seg_start, end);
            }
            end = comma?;
        }
        None
    }

    /// The speaker named by a segment over tokens `start..end` that opens with "and" and
    /// ends in a name ("and Jennifer Newstead"): a later one of coordinated speakers.
    fn conjunct_in(&self, start: usize, end: usize) -> Option<Resolved> {
        if !speech::word(self.doc, start).eq_ignore_ascii_case("and") || start + 1 >= end {
            return None;
        }
        let m = self
            .mentions
            .ending_at(self.token_span(end - 1).end())
            .filter(|m| matches!(m.entity_type, EntityType::Person | EntityType::Organization))?;
        let first = self.doc.token_at_or_after(m.span.start());
        let titled = (start + 1..first).all(|k| self.is_capitalised_word(k));
        titled.then(|| resolved(m))
    }

    /// For the speaker `later` named right before a cue, the first of coordinated speakers
    /// of its type when it is the last ("Maria Lopez and Tom Becker said", "Transport
    /// Minister Ana Roux and Labour Minister Sophie Marchand said", "Nick Clegg, its
    /// president, and Jane Roe wrote"): `None` when `later` is no such conjunct.
    fn earlier_conjunct(&self, later: Resolved, lo: usize) -> Option<Resolved> {
        let m = later.mention.filter(|_| !later.pronoun)?;
        let first = self.doc.token_at_or_after(m.start());
        let and = (first.saturating_sub(MAX_CONJUNCT_TITLE + 1).max(lo)..first)
            .rev()
            .find(|&k| speech::word(self.doc, k).eq_ignore_ascii_case("and"))?;
        if !(and + 1..first).all(|k| self.is_capitalised_word(k)) {
            return None;
        }
        let before = and.checked_sub(1).filter(|&k| k >= lo)?;
        let earlier = if words::is_clause_comma(self.doc, before) {
            self.subject_past_appositions(before, lo)?
        } else {
            self.speaker_ending_at(before, lo)?
        };
        let type_of = |e: usize| self.doc.entities[e].entity_type;
        let alike = !earlier.pronoun
            && earlier.entity != later.entity
            && type_of(earlier.entity) == type_of(later.entity);
        alike.then_some(earlier)
    }

    fn is_capitalised_word(&self, k: usize) -> bool {
        speech::is_word(self.doc, k) && speech::word(self.doc, k).starts_with(char::is_uppercase)
    }

    /// The person named by the apposition over tokens `start..end`: a determiner or
    /// possessive, at most a few lowercase words, then the name ("the novelist Ian Price",
    /// "his wife Dr Anna Shaw"); or an organization's name after "the" ("the FBU"). A name after a preposition or a verb ("a friend of Ian
    /// Price", "who praised Ian Price") is someone else.
    fn apposed_name(&self, start: usize, end: usize) -> Option<Resolved> {
        let m = self
            .mentions
            .ending_at(self.token_span(end.checked_sub(1)?).end())?;
        if m.entity_type == EntityType::Organization {
            return self.apposed_organization(m, start);
        }
        if m.entity_type != EntityType::Person {
            return None;
        }
        let name = self
            .title_before(m, start)
            .map_or(m.span.start(), |t| t.start());
        let first = self.doc.token_at_or_after(name);
        let opens = lexicon::with_lowercase(speech::word(self.doc, start), |w| {
            APPOSITION_DETERMINERS.contains(&w)
        });
        let descriptive = (start + 1..first).all(|k| {
            speech::is_word(self.doc, k)
                && speech::word(self.doc, k).starts_with(char::is_lowercase)
                && !words::is_preposition(self.doc, k)
        });
        (opens && descriptive && first > start && first - start <= APPOSITION_WORDS)
            .then(|| resolved(m))
    }

    /// The organization `m` when an apposition starting at token `start` is "the" and its
    /// name alone: "The firefighters' union, the FBU, said".
    fn apposed_organization(&self, m: MentionRef, start: usize) -> Option<Resolved> {
        let the = speech::word(self.doc, start).eq_ignore_ascii_case("the");
        let first = self.doc.token_at_or_after(m.span.start());
        (the && first == start + 1).then(|| resolved(m))
    }

    /// True when the segment starting at token `i` reads as an apposition or relative
    /// clause ("a former official …", "who spoke …", "editor of …"), not as a name.
    fn is_parenthetical(&self, i: usize) -> bool {
        let w = speech::word(self.doc, i);
        let determiner = ["A", "An", "The"].contains(&w);
        !w.starts_with(char::is_uppercase)
            || (determiner
                && self
                    .mentions
                    .starting_at(self.token_span(i).start())
                    .is_none())
    }

    /// The speaker whose words end at token `t` (not before token `lo`): a pronoun, a
    /// person, an organization, or the organization of an unnamed spokesperson.
    fn speaker_ending_at(&self, t: usize, lo: usize) -> Option<Resolved> {
        if let Some(r) = self.pronoun_at(t) {
            return Some(r);
        }
        if self.quoted(self.token_span(t).start()) {
            return None;
        }
        let end = self.token_span(t).end();
        if let Some(m) = self.mentions.ending_at(end) {
            return self.accept_mention(m, lo);
        }
        self.institution_ending_at(end, lo)
            .or_else(|| self.description_ending_at(t, lo))
            .or_else(|| self.age_description_ending_at(t, lo))
            .or_else(|| self.spokesperson_ending_at(t, lo))
            .or_else(|| self.possessor_of_office(t, lo))
    }

    /// "her office", "his spokesman", "Cantwell's office" ending at token `t`: the one
    /// whose office or spokesperson it is speaks, as for "a spokesman for Mr Trump" (a
    /// he/she resolved like a pronoun, "its" to the most recent organization).
    fn possessor_of_office(&self, t: usize, lo: usize) -> Option<Resolved> {
        let office = speech::word(self.doc, t).eq_ignore_ascii_case("office")
            || spokesperson_gender(self.doc, t).is_some();
        let before = t.checked_sub(1).filter(|&k| k >= lo && office)?;
        let at = self.token_span(before).start();
        let possessor = speech::word(self.doc, before);
        let entity = match possessor.to_lowercase().as_str() {
            "his" => self.antecedent(at, EntityType::Person, Some(Gender::Male))?,
            "her" => self.antecedent(at, EntityType::Person, Some(Gender::Female))?,
            "its" => self.antecedent(at, EntityType::Organization, None)?,
            _ => {
                let suffix = ["'s", "’s"].into_iter().find(|s| possessor.ends_with(s))?;
                let end = self.token_span(before).end() - suffix.len();
                let m = self.mentions.ending_at(end)?;
                (m.entity_type != EntityType::Place).then_some(m.entity)?
            }
        };
        Some(Resolved {
            entity,
            mention: Some(Span::new(at, self.token_span(t).end())),
            pronoun: false,
            cue: None,
        })
    }

    /// An untyped institution ending at byte `end`, which speaks only through a
    /// spokesperson named just before it ("a spokesman for the Treasury").
    fn institution_ending_at(&self, end: usize, lo: usize) -> Option<Resolved> {
        let m = self.mentions.any_ending_at(end)?;
        let first = self.doc.token_at_or_after(m.span.start());
        let head = (first.saturating_sub(3).max(lo)..first)
            .rev()
            .find(|&k| words::is_spokesperson_word(self.doc, k))?;
        (self.organization_of_spokesperson(head) == Some(m)).then(|| resolved(m))
    }

    /// An unnamed spokesperson ending at token `t`: "a Kremlin spokesman", "A Treasury
    /// spokeswoman" (their organization), "the spokesman" (an earlier one's).
    fn spokesperson_ending_at(&self, t: usize, lo: usize) -> Option<Resolved> {
        if !words::is_spokesperson_word(self.doc, t) {
            return None;
        }
        if let Some(person) = self.spokesperson_named_later(t) {
            return Some(resolved(person));
        }
        let floor = t.saturating_sub(3).max(lo);
        let named = (floor..t).rev().find_map(|k| {
            let m = self.mentions.any_ending_at(self.token_span(k).end())?;
            speaks_for(&m).then(|| resolved(m))
        });
        named
            .or_else(|| self.definite_spokesperson(t, lo))
            .or_else(|| self.spokesperson_of_described(t, lo))
            .or_else(|| self.indefinite_spokesperson(t, lo))
    }

    /// "A spokesperson said" at token `t`, naming no organization: the one that is the
    /// subject of a speech verb, or opens its sentence, in this sentence or the one before
    /// ("The Information Commissioner's Office confirmed it was investigating. A
    /// spokesperson said: “…”").
    fn indefinite_spokesperson(&self, t: usize, lo: usize) -> Option<Resolved> {
        let a = t.checked_sub(1).filter(|&k| k >= lo)?;
        let article = ["a", "an"]
            .iter()
            .any(|w| speech::word(self.doc, a).eq_ignore_ascii_case(w));
        // "a spokesperson for the union" speaks for someone this does not find.
        let bare = !words::is_preposition(self.doc, t + 1);
        if !article || !bare || spokesperson_gender(self.doc, t).is_none() {
            return None;
        }
        let at = self.token_span(a).start();
        let entity = self.look_back(at).take(2).find_map(|back| {
            self.mentions_within(back.span)
                .filter(|m| m.span.end() <= at && m.entity_type == EntityType::Organization)
                .filter(|m| !self.quoted(m.span.start()) && !self.after_preposition(m))
                .find(|m| self.precedes_cue(m) || self.opens_sentence(m))
                .map(|m| m.entity)
        })?;
        Some(Resolved {
            entity,
            mention: Some(Span::new(at, self.token_span(t).end())),
            pronoun: false,
            cue: None,
        })
    }

    /// True when the mention `m` opens its sentence, past "The" and a possessive's words
    /// ("The Information Commissioner's Office").
    fn opens_sentence(&self, m: &MentionRef) -> bool {
        let Some(s) = self.doc.sentence_at(m.span.start()) else {
            return false;
        };
        let first = self.doc.sentences[s].tokens().start;
        let at = self.doc.token_at_or_after(m.span.start());
        (first..at).all(|k| {
            let w = speech::word(self.doc, k);
            w.starts_with(char::is_uppercase) || matches!(w, "'s" | "’s")
        })
    }

    /// "a company spokesman", "a ministry spokeswoman", "a spokesperson for the
    /// company" at token `t`: the organization "the company" or "the ministry" would be.
    fn spokesperson_of_described(&self, t: usize, lo: usize) -> Option<Resolved> {
        let before = t.checked_sub(1).filter(|&k| k >= lo);
        let noun = before
            .filter(|&k| self.is_organization_word(k))
            .or_else(|| {
                let w = speech::word(self.doc, t + 1);
                let for_the = (w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("at"))
                    && speech::word(self.doc, t + 2).eq_ignore_ascii_case("the");
                for_the
                    .then_some(t + 3)
                    .filter(|&k| self.is_organization_word(k))
            })?;
        let entity = self.organization_described_by(noun, self.token_span(t).start())?;
        Some(Resolved {
            entity,
            mention: Some(self.token_span(t)),
            pronoun: false,
            cue: None,
        })
    }

    fn is_organization_word(&self, k: usize) -> bool {
        words::is_organization_noun(self.doc, k) || words::is_named_organization_noun(self.doc, k)
    }

    /// The person an unnamed spokesperson (token `t`) turns out to be, named a little
    /// later as "the spokesman": "The spokesman, Daniel Rourke, later said".
    fn spokesperson_named_later(&self, t: usize) -> Option<MentionRef> {
        spokesperson_gender(self.doc, t)?;
        let w = speech::word(self.doc, t);
        let len = self.doc.tokens.len();
        (t + 1..(t + 1 + NAMED_LATER_TOKENS).min(len))
            .inspect(|_| self.step())
            .filter(|&k| {
                speech::word(self.doc, k).eq_ignore_ascii_case(w)
                    && speech::word(self.doc, k - 1).eq_ignore_ascii_case("the")
            })
            .find_map(|k| {
                let next = if speech::word(self.doc, k + 1) == "," {
                    k + 2
                } else {
                    k + 1
                };
                let start = self.doc.tokens.get(next)?.start();
                self.mentions
                    .starting_at(start)
                    .filter(|m| m.entity_type == EntityType::Person)
            })
    }

    /// The organization an unnamed spokesperson at token `t` speaks for: named just
    /// before ("a Treasury spokeswoman") or after "for"/"at" ("a spokesman for the
    /// Pentagon").
    fn organization_of_spokesperson(&self, t: usize) -> Option<MentionRef> {
        let before = (t.saturating_sub(3)..t).rev().find_map(|k| {
            let m = self.mentions.any_ending_at(self.token_span(k).end())?;
            speaks_for(&m).then_some(m)
        });
        before.or_else(|| {
            self.name_after_for_or_at(t, |start| self.mentions.any_starting_at(start))
                .filter(speaks_for)
        })
    }

    /// The mention that `find` gives at one of the two tokens after "for"/"at" following
    /// token `t` ("a spokesman for the Pentagon", "analysts at JPMorgan").
    fn name_after_for_or_at(
        &self,
        t: usize,
        find: impl Fn(usize) -> Option<MentionRef>,
    ) -> Option<MentionRef> {
        let w = speech::word(self.doc, t + 1);
        if !(w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("at")) {
            return None;
        }
        (t + 2..t + 4)
            .take_while(|&k| k < self.doc.tokens.len())
            .find_map(|k| find(self.token_span(k).start()))
    }

    /// For a he/she pronoun at byte `at`: the organization of an unnamed spokesperson the
    /// pronoun refers back to ("A Treasury spokeswoman said … She added: “…”"). Looking
    /// back sentence by sentence, the first sentence with a compatible spokesperson or
    /// person decides: the spokesperson wins when it is the subject of a speech verb and
    /// no person named after it speaks, or when no person is named there at all.
    fn spokesperson_antecedent(&self, at: usize, gender: Option<Gender>) -> Option<usize> {
        for back in self.look_back(at) {
            let spokesperson = back
                .tokens
                .clone()
                .rev()
                .inspect(|_| self.step())
                // Rare words first: the quoted-or-not search runs only for them.
                .filter(|&t| spokesperson_gender(self.doc, t).is_some_and(|g| g.fits(gender)))
                .filter(|&t| !self.quoted(self.token_span(t).start()))
                .find_map(|t| Some((t, self.organization_of_spokesperson(t)?)));
            let persons: Vec<MentionRef> = self
                .mentions_within(back.span)
                .filter(|m| m.span.end() <= at && !self.quoted(m.span.start()))
                .filter(|m| self.compatible(m, EntityType::Person, gender))
                .collect();
            let Some((t, org)) = spokesperson else {
                if persons.is_empty() {
                    continue;
                }
                return None;
            };
            let speaking = self.spokesperson_speaks(t, &org);
            let start = self.token_span(t).start();
            let person_wins = persons.iter().any(|m| {
                let later_speaker = m.span.start() > start && self.precedes_cue(m);
                later_speaker || !speaking
            });
            return (!person_wins).then_some(org.entity);
        }
        None
    }

    /// For "they" at byte `at`, when the nearest sentence of the look-back naming a group
    /// of unnamed speakers or an organization names such a group: `Some` of the group's
    /// organization ("Analysts at JPMorgan said …, though they warned"), or `Some(None)`
    /// for a group of nobody's ("Union officials met, and they said": not the company
    /// named before). `None` leaves "they" to the usual antecedent search.
    fn group_antecedent(&self, at: usize) -> Option<Option<usize>> {
        for back in self.look_back(at) {
            let group = back
                .tokens
                .clone()
                .rev()
                .inspect(|_| self.step())
                .filter(|&t| is_group_word(self.doc, t))
                .find(|&t| !self.quoted(self.token_span(t).start()));
            if let Some(t) = group {
                return Some(self.organization_of_group(t));
            }
            let organization = self.mentions_within(back.span).any(|m| {
                m.span.end() <= at
                    && m.entity_type == EntityType::Organization
                    && !self.quoted(m.span.start())
            });
            if organization {
                return None;
            }
        }
        None
    }

    /// The organization a group of unnamed speakers at token `t` speaks for: as for a
    /// spokesperson ("JPMorgan analysts"), or the name after "at"/"for" however it is
    /// typed, a place aside ("analysts at JPMorgan"), as `accept_mention` takes it.
    fn organization_of_group(&self, t: usize) -> Option<usize> {
        if let Some(m) = self.organization_of_spokesperson(t) {
            return Some(m.entity);
        }
        self.name_after_for_or_at(t, |start| self.mentions.starting_at(start))
            .filter(|m| m.entity_type != EntityType::Place)
            .map(|m| m.entity)
    }

    /// "the spokesman" at token `t` (the article at `t - 1`, not before token `lo`): the
    /// unnamed spokesperson named earlier ("A Treasury spokesman said … The spokesman
    /// said: “…”"), so their organization.
    fn definite_spokesperson(&self, t: usize, lo: usize) -> Option<Resolved> {
        let the = t.checked_sub(1).filter(|&k| k >= lo)?;
        if !speech::word(self.doc, the).eq_ignore_ascii_case("the") {
            return None;
        }
        let gender = match spokesperson_gender(self.doc, t)? {
            SpokespersonGender::Known(g) => Some(g),
            SpokespersonGender::Either => None,
        };
        let mention = Span::new(self.token_span(the).start(), self.token_span(t).end());
        let entity = self.spokesperson_antecedent(mention.start(), gender)?;
        Some(Resolved {
            entity,
            mention: Some(mention),
            pronoun: false,
            cue: None,
        })
    }

    /// True when a speech verb follows the spokesperson phrase at token `t` ("a Google
    /// spokeswoman said", "a spokesman for the Pentagon also said").
    fn spokesperson_speaks(&self, t: usize, org: &MentionRef) -> bool {
        self.active_cue_after(self.token_span(t).end().max(org.span.end()))
    }

    /// A definite description the entities stage did not mark, ending at token `t`: "the
    /// company" (the most recent organization) or a role such as "the minister" (the
    /// person holding it, through `entities::resolve_description`).
    fn description_ending_at(&self, t: usize, lo: usize) -> Option<Resolved> {
        let the = (t.saturating_sub(3).max(lo)..t)
            .rev()
            .find(|&k| speech::word(self.doc, k).eq_ignore_ascii_case("the"))?;
        let span = Span::new(self.token_span(the).start(), self.token_span(t).end());
        let entity = if self.is_organization_word(t) {
            self.organization_named_within(the + 1..t)
                .or_else(|| self.organization_described_by(t, span.start()))?
        } else {
            self.nominal_speaker(the + 1..t + 1, span.start())
                .or_else(|| self.role_index_holder(span))?
        };
        Some(Resolved {
            entity,
            mention: Some(span),
            pronoun: false,
            cue: None,
        })
    }

    /// An organization named inside a description, before its noun: "the Labour group",
    /// "the Reuters news agency".
    fn organization_named_within(&self, words: Range<usize>) -> Option<usize> {
        let end = self.token_span(words.end).start();
        words
            .filter_map(|k| self.mentions.starting_at(self.token_span(k).start()))
            .find(|m| m.entity_type == EntityType::Organization && m.span.end() <= end)
            .map(|m| m.entity)
    }

    /// The person holding the role that `description` ("the Ukrainian president") names,
    /// through the entities' role index, which knows head nouns and nationalities: a
    /// description with other words ("the deputy mayor") is not looked up there.
    fn role_index_holder(&self, description: Span) -> Option<usize> {
        let text = self.doc.slice(description);
        let mut words = text.split_whitespace().skip(1).collect::<Vec<_>>();
        words.pop();
        if !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
            return None;
        }
        let at = description.start();
        let e = crate::entities::resolve_description(self.doc, self.roles, text, at)?;
        (self.doc.entities[e].entity_type == EntityType::Person).then_some(e)
    }

    /// The organization that the noun at token `t` stands for before byte `at`: "the
    /// company" the most recent organization not named as an institution, "the ministry"
    /// the most recent one whose name says ministry.
    fn organization_described_by(&self, t: usize, at: usize) -> Option<usize> {
        if words::is_organization_noun(self.doc, t) {
            // "the company" is no ministry, council or university.
            let unlike_institution =
                |e: usize| !words::names_an_institution(&self.doc.entities[e].name);
            return self.antecedent_where(at, EntityType::Organization, None, unlike_institution);
        }
        let noun = speech::word(self.doc, t).to_lowercase();
        let named = |e: usize| self.doc.entities[e].name.to_lowercase().contains(&noun);
        self.antecedent_where(at, EntityType::Organization, None, named)
    }

    /// "the 43-year-old" ending at token `t` (British sports and crime reporting): the
    /// most recent person, as for "he"/"she" but without a gender.
    fn age_description_ending_at(&self, t: usize, lo: usize) -> Option<Resolved> {
        if !speech::word(self.doc, t).ends_with("old") {
            return None;
        }
        let the = (t.saturating_sub(AGE_DESCRIPTION_TOKENS).max(lo)..t)
            .rev()
            .find(|&k| speech::word(self.doc, k).eq_ignore_ascii_case("the"))?;
        let age = self
            .doc
            .slice(Span::new(
                self.token_span(the).end(),
                self.token_span(t).end(),
            ))
            .trim();
        let digits = age.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !age[digits..].eq_ignore_ascii_case("-year-old") {
            return None;
        }
        let mention = Span::new(self.token_span(the).start(), self.token_span(t).end());
        let entity = self.antecedent(mention.start(), EntityType::Person, None)?;
        Some(Resolved {
            entity,
            mention: Some(mention),
            pronoun: false,
            cue: None,
        })
    }

    /// Accepts a mention as speaker. A name after a preposition may not be the subject:
    /// after a person ("Nick Farrow of BNP Paribas") the person speaks; an organization
    /// speaks through a spokesperson or analyst ("a spokesman for Google", "an analyst at
    /// Morgan Stanley") and is otherwise unnamed; a person spoken for by a relation ("a
    /// lawyer for John Smith", `data/relational_nouns.txt`) is not the speaker.
    fn accept_mention(&self, m: MentionRef, lo: usize) -> Option<Resolved> {
        let Some(preposition) = self.preposition_before(m, lo) else {
            return Some(resolved(m));
        };
        let head = preposition.checked_sub(1).filter(|&h| h >= lo);
        let head_person = head.and_then(|h| {
            self.mentions
                .ending_at(self.token_span(h).end())
                .filter(|p| p.entity_type == EntityType::Person && p.entity != m.entity)
        });
        if let Some(person) = head_person {
            return Some(resolved(person));
        }
        let Some(head) = head else {
            return (m.entity_type == EntityType::Person).then(|| resolved(m));
        };
        if words::is_spokesperson_word(self.doc, head) {
            return Some(resolved(self.spokesperson_named_later(head).unwrap_or(m)));
        }
        let spoken_for = words::is_relational_noun(self.doc, head);
        (m.entity_type == EntityType::Person && !spoken_for).then(|| resolved(m))
    }

    /// The preposition right before the mention `m` (over an article or its title: "for
    /// the ministry", "for Mr Brandt"), not before token `lo`.
    fn preposition_before(&self, m: MentionRef, lo: usize) -> Option<usize> {
        let mut before = self.doc.token_at_or_after(m.span.start());
        if let Some(title) = self.title_before(m, lo) {
            before = self.doc.token_at_or_after(title.start());
        }
        if before > lo && ["the", "a", "an"].contains(&speech::word(self.doc, before - 1)) {
            before -= 1;
        }
        let preposition = before.checked_sub(1).filter(|&p| p >= lo)?;
        words::is_preposition(self.doc, preposition).then_some(preposition)
    }

    /// The title mention of `m`'s entity right before it ("Mr" of "Mr Brandt"), not
    /// before token `lo`.
    pub(super) fn title_before(&self, m: MentionRef, lo: usize) -> Option<Span> {
        let first = self.doc.token_at_or_after(m.span.start());
        let prev = first.checked_sub(1).filter(|&k| k >= lo)?;
        self.mentions
            .ending_at(self.token_span(prev).end())
            .filter(|t| t.entity == m.entity && t.kind == MentionKind::Title)
            .map(|t| t.span)
    }

    /// The speaker named right after token `from` ("said Max Bergmann", "said the
    /// Kremlin", "according to a spokesman for Google").
    fn speaker_after(&self, from: usize, limit: usize) -> Option<Resolved> {
        // No pronouns here: "said it was" has "it" as the reported clause's subject.
        let end = limit.min(from + MAX_INVERTED_GAP);
        for k in from..end {
            if words::is_clause_comma(self.doc, k) || speech::is_clause_end(self.doc, k) {
                return None;
            }
            let start = self.token_span(k).start();
            if self.quoted(start) {
                return None;
            }
            if let Some(m) = self.mentions.starting_at(start) {
                let m = self.name_after_title(m);
                let person = self.person_titled_by(m).unwrap_or(m);
                return self.accept_mention(person, from);
            }
            if words::is_spokesperson_word(self.doc, k) {
                // "said a Treasury spokeswoman", "said a spokesman for the Treasury"
                let named = self.spokesperson_named_later(k);
                if let Some(m) = named.or_else(|| self.organization_of_spokesperson(k)) {
                    return Some(resolved(m));
                }
                let described = self.spokesperson_of_described(k, from);
                if let Some(r) = described.or_else(|| self.indefinite_spokesperson(k, from)) {
                    return Some(r);
                }
            }
        }
        None
    }

    /// The person that an organization or place mention `m` is part of the title of,
    /// named within a few words after it: "said Labour MP Diane Abbott", "said Goldman
    /// Sachs economist Jan Hatzius" (only words between, no preposition).
    fn person_titled_by(&self, m: MentionRef) -> Option<MentionRef> {
        if m.entity_type == EntityType::Person {
            return None;
        }
        let from = self.doc.token_at_or_after(m.span.end());
        for k in from..from + TITLE_WORDS_AFTER_NAME {
            let next = self.doc.tokens.get(k)?;
            let person = self.mentions.starting_at(next.start());
            if let Some(p) = person.filter(|p| p.entity_type == EntityType::Person) {
                return Some(self.name_after_title(p));
            }
            let possessive = matches!(speech::word(self.doc, k), "'s" | "’s");
            if !(speech::is_word(self.doc, k) || possessive) || words::is_preposition(self.doc, k) {
                return None;
            }
        }
        None
    }

    /// For a title mention ("Sen." in "Sen. Chuck Schumer"), the name mention of the same
    /// entity that follows it; else the mention itself.
    fn name_after_title(&self, m: MentionRef) -> MentionRef {
        if m.kind != MentionKind::Title {
            return m;
        }
        let next = self.doc.token_at_or_after(m.span.end());
        (next..next + 2)
            .take_while(|&k| k < self.doc.tokens.len())
            .filter_map(|k| self.mentions.starting_at(self.token_span(k).start()))
            .find(|n| n.entity == m.entity && n.kind != MentionKind::Title)
            .unwrap_or(m)
    }

    /// A speaker pronoun at token `t`, resolved.
    fn pronoun_at(&self, t: usize) -> Option<Resolved> {
        let want = words::pronoun_type(self.doc, t)?;
        let span = self.token_span(t);
        let gender = lexicon::with_lowercase(speech::word(self.doc, t), |w| match w {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        });
        let they = speech::word(self.doc, t).eq_ignore_ascii_case("they");
        let entity = match they.then(|| self.group_antecedent(span.start())).flatten() {
            Some(group) => group?,
            None => gender
                .and_then(|g| self.spokesperson_antecedent(span.start(), Some(g)))
                .or_else(|| self.antecedent(span.start(), want, gender))?,
        };
        Some(Resolved {
            entity,
            mention: Some(span),
            pronoun: true,
            cue: None,
        })
    }

    /// The most recent compatible entity before byte `at`: in the pronoun's sentence, then
    /// sentence by sentence backwards, the first compatible mention in subject position
    /// (not after a preposition, not inside a quotation), else the first compatible one.
    pub fn antecedent(&self, at: usize, want: EntityType, gender: Option<Gender>) -> Option<usize> {
        self.antecedent_where(at, want, gender, |_| true)
    }

    /// [`Self::antecedent`] among the entities that `accept` lets through.
    pub(super) fn antecedent_where(
        &self,
        at: usize,
        want: EntityType,
        gender: Option<Gender>,
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        for back in self.look_back(at) {
            let candidates: Vec<MentionRef> = self
                .mentions_within(back.span)
                .filter(|m| m.span.end() <= at && self.compatible(m, want, gender))
                .filter(|m| accept(m.entity))
                .filter(|m| !self.quoted(m.span.start()))
                .collect();
            // The subject of a speech verb beats any other subject ("Goldman Sachs
            // economist Jan Hatzius wrote …"), which beats a name after a preposition.
            let speaking = candidates
                .iter()
                .rev()
                .find(|m| self.precedes_cue(m) && !self.after_preposition(m));
            let subject = candidates.iter().find(|m| !self.after_preposition(m));
            if let Some(m) = speaking.or(subject).or(candidates.first()) {
                return Some(m.entity);
            }
        }
        None
    }

    /// The stretches of text a pronoun or description at byte `at` looks back over for
    /// its antecedent, nearest first: its own sentence up to `at`, then the sentences
    /// before, at most `PRONOUN_LOOKBACK` sentences and `LOOKBACK_TOKENS` tokens back.
    pub(super) fn look_back(&self, at: usize) -> impl Iterator<Item = LookBack> + '_ {
        let doc = self.doc;
        let s = doc.sentence_at(at);
        let end_token = doc.token_at_or_after(at);
        let floor = end_token.saturating_sub(LOOKBACK_TOKENS);
        let nearest = s.map_or(0, |s| s + 1);
        let oldest = nearest.saturating_sub(PRONOUN_LOOKBACK + 1);
        (oldest..nearest).rev().map_while(move |k| {
            self.step();
            let sentence = &doc.sentences[k];
            let tokens = sentence.tokens().start.max(floor)..sentence.tokens().end.min(end_token);
            let start = if tokens.start > sentence.tokens().start {
                self.token_span(tokens.start).start()
            } else {
                sentence.span.start()
            };
            let reached = sentence.tokens().end > floor || sentence.tokens().is_empty();
            reached.then(|| LookBack {
                tokens,
                span: Span::new(start, sentence.span.end().min(at).max(start)),
            })
        })
    }

    /// The mentions starting inside `span`, each counted as a step of work.
    pub(super) fn mentions_within(&self, span: Span) -> impl Iterator<Item = MentionRef> + '_ {
        self.mentions.within(span).inspect(|_| self.step())
    }

    /// Counts one step of look-back work (a token or mention visited while looking back
    /// for an antecedent): the work that must stay linear in the text.
    pub(super) fn step(&self) {
        crate::steps::add(1);
    }

    fn compatible(&self, m: &MentionRef, want: EntityType, gender: Option<Gender>) -> bool {
        if m.entity_type != want || m.kind == MentionKind::Pronoun {
            return false;
        }
        let known = self.doc.entities.get(m.entity).and_then(|e| e.gender);
        !matches!((known, gender), (Some(k), Some(g)) if k != g)
    }

    /// True when a cue verb follows the mention (over adverbs: "Warren also said"), or the
    /// comma closing an apposition the mention ends ("Bell's son, David Bell, said").
    pub(super) fn precedes_cue(&self, m: &MentionRef) -> bool {
        let next = self.doc.token_at_or_after(m.span.end());
        self.active_cue_after(m.span.end())
            || (speech::word(self.doc, next) == ","
                && self.active_cue_after(self.token_span(next).end()))
    }

    /// True when an active cue verb is the first token after byte offset `at`, over a
    /// few adverbs and skip words.
    fn active_cue_after(&self, at: usize) -> bool {
        let mut i = self.doc.token_at_or_after(at);
        let mut skipped = 0;
        while skipped < MAX_SKIPPED && words::is_skip_word(self.doc, i) {
            i += 1;
            skipped += 1;
        }
        speech::cue_at(self.doc, i, self.doc.tokens.len())
            .is_some_and(|_| speech::is_active(self.doc, i, 0))
    }

    pub(super) fn after_preposition(&self, m: &MentionRef) -> bool {
        let i = self.doc.token_at_or_after(m.span.start());
        i > 0 && words::is_preposition(self.doc, i - 1)
    }
}

/// True for an entity a spokesperson may speak for (an organization, or an institution
/// the entities stage could not type: "the Treasury").
fn speaks_for(m: &MentionRef) -> bool {
    matches!(m.entity_type, EntityType::Organization | EntityType::Other)
}

/// What a singular spokesperson noun says of gender, when the token is one that a he/she
/// can refer back to ("spokeswoman" → she; "spokesperson", "official" → either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SpokespersonGender {
    Known(Gender),
    Either,
}

impl SpokespersonGender {
    fn fits(self, g: Option<Gender>) -> bool {
        match (self, g) {
            (SpokespersonGender::Known(k), Some(g)) => k == g,
            _ => true,
        }
    }
}

fn spokesperson_gender(doc: &Document, t: usize) -> Option<SpokespersonGender> {
    if !words::is_spokesperson_word(doc, t) {
        return None;
    }
    let w = speech::word(doc, t).to_lowercase();
    // Plurals ("officials", "spokesmen") and "statement" are never a he or she.
    let plural = w.ends_with('s') || w.ends_with("men") || w.ends_with("people");
    if plural || w == "statement" {
        return None;
    }
    Some(match w.as_str() {
        "spokesman" => SpokespersonGender::Known(Gender::Male),
        "spokeswoman" => SpokespersonGender::Known(Gender::Female),
        _ => SpokespersonGender::Either,
    })
}

/// True for a plural spokesperson noun ("analysts", "officials"), which "they" can refer
/// back to.
fn is_group_word(doc: &Document, t: usize) -> bool {
    words::is_spokesperson_word(doc, t)
        && spokesperson_gender(doc, t).is_none()
        && !speech::word(doc, t).eq_ignore_ascii_case("statement")
}

fn resolved(m: MentionRef) -> Resolved {
    Resolved {
        entity: m.entity,
        mention: Some(m.span),
        pronoun: false,
        cue: None,
    }
}
