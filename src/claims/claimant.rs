//! Claimants: on whose authority a number is given. A number inside a quotation belongs
//! to the quotation's speaker (from `quotes` and `attribution`). Otherwise, in reported
//! speech, it belongs to the subject of the reporting verb that governs its clause
//! ("Putin said … nearly 5,000 sq km" → the entity with a mention right before "said";
//! "…, police said"; "according to X", also "according to the farmers' association X"; in
//! "X said …, while Y cautioned …" each clause has its own, as in "…, and Y admitted …"). A name hyphenated into a
//! modifier ("the Walldorf-based company said") is no subject. A "he" or "she" subject
//! that attribution left unresolved ("The fine, he noted, …") stands for the person of
//! the nearest earlier mention, when its sentence names no other person of that gender. Else the article states the number in its own voice, as in a relative clause
//! that describes someone ("Tom Baker, who spent 31 years at Hartwell, said …"): no
//! claimant.
//! Relies on `doc.quotes` (with speakers) and `doc.entities` (with mentions); reads them
//! through maps built once, so the cost is linear in claims, quotes and mentions.

use super::lists;
use crate::document::{
    narrow, Claim, ClaimKind, Document, EntityType, Gender, Quote, Span, TokenKind,
};

/// Tokens allowed between a subject mention and its verb ("Putin also said").
const MAX_SUBJECT_GAP: usize = 3;

/// Sets `claimant` on each claim.
pub fn assign(doc: &Document, claims: &mut [Claim]) {
    let quotes = QuoteIndex::new(doc);
    // Built on first need: most claims are dates, quoted or ages, and many articles
    // have none that need it.
    let mut mentions: Option<SentenceMentions> = None;
    // Only the sentences with claims are ever asked for their mentions.
    let wanted = sentences_with_claims(doc, claims);
    let mut clauses = Clauses::default();
    // Built on first need too: only a he or she before a cue with no mention there.
    let mut people: Option<People> = None;
    for claim in claims.iter_mut() {
        if claim.kind() == ClaimKind::Date {
            continue;
        }
        let span = claim.span();
        if let Some(entity) = quotes.speaker_at(span) {
            claim.set_claimant(Some(entity));
            continue;
        }
        if quotes.inside_any(span) {
            continue; // quoted, but the speaker is unknown
        }
        if claim.kind() == ClaimKind::Age {
            // "said Maria Lopez, 42": the article gives the age, not the speaker.
            continue;
        }
        let s = claim.sentence();
        clauses.read(doc, s);
        if clauses.in_relative_clause(doc, span) {
            continue; // the article describing someone
        }
        let sentence_mentions = mentions
            .get_or_insert_with(|| SentenceMentions::new(doc, &wanted))
            .of(s);
        let found = Found {
            clauses: &clauses,
            mentions: sentence_mentions,
            quotes: &quotes,
        };
        claim.set_claimant(reported_by(doc, span, &found, &mut people));
    }
}

/// Whether each sentence of `doc` holds one of `claims`.
fn sentences_with_claims(doc: &Document, claims: &[Claim]) -> Vec<bool> {
    let mut wanted = vec![false; doc.sentences.len()];
    for claim in claims {
        if let Some(slot) = wanted.get_mut(claim.sentence()) {
            *slot = true;
        }
    }
    wanted
}

/// Quotations sorted by start, for binary search: the document's own list when it is in
/// that order already (it is, from `quotes`), else a sorted list of indices into it.
struct QuoteIndex<'d> {
    quotes: &'d [Quote],
    /// Indices into `quotes` in order of (start, end); empty when `quotes` is in order.
    order: Vec<u32>,
}

impl<'d> QuoteIndex<'d> {
    fn new(doc: &'d Document) -> QuoteIndex<'d> {
        let quotes = doc.quotes.as_slice();
        let key = |q: &Quote| (q.span.start(), q.span.end());
        let order = if quotes.is_sorted_by_key(key) {
            Vec::new()
        } else {
            // Stable: quotations with equal spans keep their order, as a sort of them did.
            let mut order: Vec<u32> = (0..quotes.len())
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            order.sort_by_key(|&i| quotes.get(i as usize).map(key));
            order
        };
        QuoteIndex { quotes, order }
    }

    /// The `k`th quotation in order of start.
    fn nth(&self, k: usize) -> Option<&'d Quote> {
        if self.order.is_empty() {
            self.quotes.get(k)
        } else {
            let i = *self.order.get(k)?;
            self.quotes.get(i as usize)
        }
    }

    /// Quotations that could contain `span`: those starting at or before it, nearest
    /// first (a few only: quotations do not nest deeply).
    fn containing(&self, span: Span) -> impl Iterator<Item = &'d Quote> + '_ {
        // The number of quotations starting at or before `span` (binary search).
        let (mut low, mut high) = (0, self.quotes.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self
                .nth(mid)
                .is_some_and(|q| q.span.start() <= span.start())
            {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        (0..low)
            .rev()
            .take(4)
            .filter_map(|k| self.nth(k))
            .filter(move |q| q.span.contains(span))
    }

    fn speaker_at(&self, span: Span) -> Option<usize> {
        self.containing(span)
            .find_map(|q| q.speaker.map(|s| s.entity))
    }

    fn inside_any(&self, span: Span) -> bool {
        self.containing(span).next().is_some()
    }
}

/// Entity mentions by sentence, for the sentences asked for when built; handed out as
/// (span, entity) in text order within each sentence.
struct SentenceMentions {
    /// (sentence, start, end, entity), sorted by sentence, then span; ties keep entity
    /// order. On 32 bits: a long text has a million mentions.
    sorted: Vec<[u32; 4]>,
    /// The mentions of the sentence last asked for, and that sentence.
    current: Vec<(Span, usize)>,
    current_sentence: Option<usize>,
}

impl SentenceMentions {
    /// The mentions of the sentences `s` with `wanted[s]` (only those: most sentences
    /// hold no claim that needs them).
    fn new(doc: &Document, wanted: &[bool]) -> SentenceMentions {
        let mut sorted = Vec::new();
        for (id, e) in doc.entities.iter().enumerate() {
            // One flag per sentence. A name glued by a hyphen to the next word modifies
            // it ("the Walldorf-based company said"): no subject, so no claimant.
            let kept = e
                .mentions
                .iter()
                .filter(|m| wanted[m.sentence()] && !modifies_next_word(doc, m.span));
            sorted
                .extend(kept.map(|m| [m.sentence(), m.span.start(), m.span.end(), id].map(narrow)));
        }
        // Stable: mentions with equal spans stay in entity order.
        sorted.sort_by_key(|&[sentence, start, end, _]| (sentence, start, end));
        SentenceMentions {
            sorted,
            current: Vec::new(),
            current_sentence: None,
        }
    }

    /// The mentions of sentence `s`, in text order.
    fn of(&mut self, s: usize) -> &[(Span, usize)] {
        if self.current_sentence != Some(s) {
            let s32 = narrow(s);
            let from = self.sorted.partition_point(|m| m[0] < s32);
            let to = self.sorted.partition_point(|m| m[0] <= s32);
            let mentions = self.sorted[from..to].iter(); // partition points: from <= to
            self.current.clear();
            self.current
                .extend(mentions.map(|&[_, start, end, entity]| {
                    (Span::new(start as usize, end as usize), entity as usize)
                }));
            self.current_sentence = Some(s);
        }
        &self.current
    }
}

/// Whether the name at `span` is glued by a hyphen to the word after it ("Walldorf-based",
/// "U.S.-led").
fn modifies_next_word(doc: &Document, span: Span) -> bool {
    doc.text
        .get(span.end()..)
        .is_some_and(|rest| rest.starts_with(['-', '‐']))
}

/// The clause structure of a sentence, as far as claimants need it: token indices (into
/// `doc.tokens`, ascending) of its reporting verbs, of the words that open a new clause
/// with its own subject (";", ", while", ", whereas", ", but"; the semicolons also in a
/// list of their own), and of the relative pronouns that open a clause describing the
/// noun before them (", who", ", which").
#[derive(Default)]
struct Clauses {
    /// The sentence read last: claims come in sentence order, and its clauses serve all
    /// of its claims.
    sentence: Option<usize>,
    cues: Vec<usize>,
    boundaries: Vec<usize>,
    semicolons: Vec<usize>,
    relatives: Vec<usize>,
    /// ", and": it opens a clause of its own when a subject and a cue follow it.
    ands: Vec<usize>,
}

/// Words a ", and" may stand before a cue and still open the cue's own clause.
const MAX_AND_SUBJECT: usize = 8;

/// Tokens looked back over from a number for the relative pronoun of its clause.
const MAX_RELATIVE_CLAUSE: usize = 12;

impl Clauses {
    /// Reads the clauses of sentence `s` (into the buffers of the sentence before), unless
    /// they are read already.
    fn read(&mut self, doc: &Document, s: usize) {
        if self.sentence == Some(s) {
            return;
        }
        self.sentence = Some(s);
        self.cues.clear();
        self.boundaries.clear();
        self.semicolons.clear();
        self.relatives.clear();
        self.ands.clear();
        let mut after_comma = false;
        for t in doc.sentences[s].tokens() {
            let token = &doc.tokens[t]; // a sentence's tokens are the document's
            let word = doc.slice(token.span());
            if token.kind == TokenKind::Word {
                let lower = |w: &str| word.eq_ignore_ascii_case(w);
                if lists::is_cue(word) {
                    self.cues.push(t);
                }
                if after_comma && ["while", "whereas", "but"].into_iter().any(lower) {
                    self.boundaries.push(t);
                }
                if after_comma && ["who", "which", "whose"].into_iter().any(lower) {
                    self.relatives.push(t);
                }
                if after_comma && lower("and") {
                    self.ands.push(t);
                }
            } else if word == ";" {
                self.boundaries.push(t);
                self.semicolons.push(t);
            }
            after_comma = word == ",";
        }
    }

    /// Whether one of `boundaries` (ascending) lies between tokens `a` and `b` (`a` < `b`).
    fn separated(&self, boundaries: &[usize], a: usize, b: usize) -> bool {
        let i = boundaries.partition_point(|&t| t <= a);
        boundaries.get(i).is_some_and(|&t| t < b)
    }

    /// Whether a ", and" between tokens `number` and `cue` opens the cue's own clause:
    /// only words, at most [`MAX_AND_SUBJECT`] of them, stand between it and the cue (",
    /// and United manager Ruben Amorim admitted …"; but in "killed 12, and hurt 40, the UN
    /// said" a comma follows).
    fn and_opens(&self, doc: &Document, number: usize, cue: usize) -> bool {
        let i = self.ands.partition_point(|&t| t <= number);
        let Some(&and) = self.ands[i..].iter().take_while(|&&t| t < cue).last() else {
            return false; // `i` is a partition point: within the list
        };
        let words = |t: usize| {
            doc.tokens
                .get(t)
                .is_some_and(|tok| tok.kind == TokenKind::Word)
        };
        cue - and <= MAX_AND_SUBJECT && (and + 1..cue).all(words)
    }

    /// Whether the number at `span` is in a relative clause set off by a comma ("Tom
    /// Baker, who spent 31 years at Hartwell"), with no reporting verb of its own and no
    /// punctuation between the pronoun and the number.
    fn in_relative_clause(&self, doc: &Document, span: Span) -> bool {
        let number = doc.token_at_or_after(span.start());
        let i = self.relatives.partition_point(|&t| t < number);
        let Some(&pronoun) = i.checked_sub(1).and_then(|k| self.relatives.get(k)) else {
            return false;
        };
        let plain_words = (pronoun + 1..number).all(|t| {
            let tok = &doc.tokens[t];
            matches!(tok.kind, TokenKind::Word | TokenKind::Number)
                && !lists::is_cue(doc.slice(tok.span()))
        });
        number - pronoun <= MAX_RELATIVE_CLAUSE && plain_words
    }
}

/// What the sentence of a claim holds, as [`reported_by`] reads it.
struct Found<'a> {
    clauses: &'a Clauses,
    /// The entity mentions of the sentence, in text order.
    mentions: &'a [(Span, usize)],
    quotes: &'a QuoteIndex<'a>,
}

/// The entity that reports the number at `span`, from the cues of its sentence.
fn reported_by(
    doc: &Document,
    span: Span,
    found: &Found,
    people: &mut Option<People>,
) -> Option<usize> {
    let (clauses, mentions, quotes) = (found.clauses, found.mentions, found.quotes);
    // The nearest cue before the number, else the nearest after it, in the number's own
    // clause; a cue inside a quotation reports that quotation, not the number.
    let number = doc.token_at_or_after(span.start());
    let cues = &clauses.cues;
    // Cues are in text order: split them at the number and look a few steps each way.
    let split = cues.partition_point(|&t| {
        doc.tokens
            .get(t)
            .is_some_and(|tok| tok.span().end() <= span.start())
    });
    let after = cue_after(doc, span, &cues[split..], quotes).filter(|&t| {
        !clauses.separated(&clauses.boundaries, number, t) && !clauses.and_opens(doc, number, t)
    });
    // A clause with no cue of its own is still governed by the cue before it across a
    // comma ("Putin said the economy grew 3%, but inflation reached 9%"), not across ";".
    let crossed = if after.is_some() {
        &clauses.boundaries
    } else {
        &clauses.semicolons
    };
    let before =
        cue_before(doc, &cues[..split], quotes).filter(|&t| !clauses.separated(crossed, t, number));
    // "the two-week time frame Trump had mentioned": a relative clause right after the
    // number names who gave it, ahead of any cue of the main clause.
    if let Some(entity) = after.and_then(|cue| relative_clause_claimant(doc, span, cue, mentions)) {
        return Some(entity);
    }
    [before, after].into_iter().flatten().find_map(|cue| {
        let subject = subject_of(doc, cue, mentions).or_else(|| {
            pronoun_subject(
                doc,
                cue,
                people.get_or_insert_with(|| People::new(doc, quotes)),
            )
        });
        subject_claimant(span, number, cue, subject?)
    })
}

/// The nearest of the next four cues (`cues_after`, from the number at `span` on) that
/// starts after the number and stands outside every quotation.
fn cue_after(
    doc: &Document,
    span: Span,
    cues_after: &[usize],
    quotes: &QuoteIndex,
) -> Option<usize> {
    cues_after
        .iter()
        .take(4)
        .filter(|&&t| {
            doc.tokens
                .get(t)
                .is_some_and(|tok| tok.span().start() >= span.end())
        })
        .copied()
        .find(|&t| outside_quotes(doc, t, quotes))
}

/// The nearest of the last four cues before the number (`cues_before`) that stands
/// outside every quotation.
fn cue_before(doc: &Document, cues_before: &[usize], quotes: &QuoteIndex) -> Option<usize> {
    cues_before
        .iter()
        .rev()
        .take(4)
        .copied()
        .find(|&t| outside_quotes(doc, t, quotes))
}

/// Whether token `t` stands outside every quotation.
fn outside_quotes(doc: &Document, t: usize, quotes: &QuoteIndex) -> bool {
    doc.tokens
        .get(t)
        .is_some_and(|tok| !quotes.inside_any(tok.span()))
}

/// The subject (`subject`, mention and entity) of the reporting verb at token `cue`, as
/// the claimant of the number at `span` (token `number`).
fn subject_claimant(
    span: Span,
    number: usize,
    cue: usize,
    (subject, entity): (Span, usize),
) -> Option<usize> {
    // "John Burrows, the chairman of a panel of twelve, said": a number between the
    // subject and its verb describes the subject, in the article's voice.
    let describes_subject = subject.start() < span.start() && cue > number;
    (!describes_subject).then_some(entity)
}

/// Tokens allowed between a number and the subject of a relative clause after it
/// ("two-week time frame" + "Trump").
const MAX_RELATIVE_GAP: usize = 6;

/// The subject of a relative clause "<number> <noun>… [that] X [had] mentioned": the
/// mention comes after the number, with only words (no punctuation) from the number to
/// the cue, and it stands right before the cue (or before an auxiliary).
fn relative_clause_claimant(
    doc: &Document,
    span: Span,
    cue: usize,
    mentions: &[(Span, usize)],
) -> Option<usize> {
    let first = doc.token_at_or_after(span.end());
    if cue < first || cue - first > MAX_RELATIVE_GAP {
        return None;
    }
    let only_words = (first..cue).all(|t| {
        doc.tokens
            .get(t)
            .is_some_and(|tok| tok.kind == TokenKind::Word || tok.kind == TokenKind::Number)
    });
    if !only_words {
        return None;
    }
    let cue_start = doc.tokens.get(cue)?.span().start();
    let i = mentions.partition_point(|(m, _)| m.end() <= cue_start);
    let (m, entity) = mentions.get(i.checked_sub(1)?)?;
    let gap = cue.saturating_sub(doc.token_at_or_after(m.end()));
    (m.start() >= span.end() && gap <= 2).then_some(*entity)
}

/// The mention (and its entity) that is the subject of the reporting verb at token `cue`.
fn subject_of(doc: &Document, cue: usize, mentions: &[(Span, usize)]) -> Option<(Span, usize)> {
    let cue_span = doc.tokens.get(cue)?.span();
    // No character but the ASCII ones lowercases into "according": no need to build
    // the lowercase word.
    let according = doc.slice(cue_span).eq_ignore_ascii_case("according");
    let after = subject_after(doc, cue, cue_span, according, mentions);
    if after.is_some() || according {
        return after;
    }
    subject_before(doc, cue, cue_span, mentions)
}

/// "according to X", "said X": the mention right after the cue at token `cue` (a few
/// tokens on after "according"), unless a mention stands right before a verb.
fn subject_after(
    doc: &Document,
    cue: usize,
    cue_span: Span,
    according: bool,
    mentions: &[(Span, usize)],
) -> Option<(Span, usize)> {
    let (m, entity) =
        mentions.get(mentions.partition_point(|(m, _)| m.start() < cue_span.end()))?;
    let first = doc.token_at_or_after(m.start());
    let gap = first.saturating_sub(cue + 1);
    if according {
        let close =
            gap <= MAX_SUBJECT_GAP || (gap <= MAX_ACCORDING_GAP && one_phrase(doc, cue + 1..first));
        return close.then_some((*m, *entity));
    }
    (gap == 0 && !has_mention_just_before(doc, cue, mentions)).then_some((*m, *entity))
}

/// Tokens "according to" looks past to the name of its source when they make one noun
/// phrase ("according to the farmers' association Coldiretti", "according to figures
/// released on Monday by Istat").
const MAX_ACCORDING_GAP: usize = 10;

/// Whether `tokens` are words, numbers and possessive apostrophes only: one phrase, no
/// clause break.
fn one_phrase(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    tokens.into_iter().all(|t| {
        doc.tokens.get(t).is_some_and(|tok| {
            matches!(tok.kind, TokenKind::Word | TokenKind::Number)
                || matches!(doc.slice(tok.span()), "'" | "’")
        })
    })
}

/// "Putin said", "The Ukrainian president told": the nearest mention before the cue at
/// token `cue`, close by with only words between; or the subject before an apposition.
fn subject_before(
    doc: &Document,
    cue: usize,
    cue_span: Span,
    mentions: &[(Span, usize)],
) -> Option<(Span, usize)> {
    let i = mentions.partition_point(|(m, _)| m.end() <= cue_span.start());
    let (m, entity) = mentions.get(i.checked_sub(1)?)?;
    let gap_tokens = doc.token_at_or_after(m.end())..cue;
    let gap_has_punct = gap_tokens.clone().any(|t| {
        doc.tokens
            .get(t)
            .is_some_and(|tok| tok.kind != TokenKind::Word)
    });
    if gap_tokens.len() <= MAX_SUBJECT_GAP && !gap_has_punct {
        return Some((*m, *entity));
    }
    // Look back a few mentions only: an apposition holds one or two names.
    apposition_subject(doc, cue, &mentions[i.saturating_sub(6)..i])
}

/// "Michael Carpenter, a former official at X, said": the first of `mentions_before`
/// followed by the apposition's opening comma, when a comma closes the apposition right
/// before the verb at token `cue`.
fn apposition_subject(
    doc: &Document,
    cue: usize,
    mentions_before: &[(Span, usize)],
) -> Option<(Span, usize)> {
    let is_comma = |t: usize| {
        doc.tokens
            .get(t)
            .is_some_and(|t| doc.slice(t.span()) == ",")
    };
    if !cue.checked_sub(1).is_some_and(is_comma) {
        return None;
    }
    mentions_before
        .iter()
        .find(|(m, _)| is_comma(doc.token_at_or_after(m.end())))
        .copied()
}

/// Mentions of people outside quotations, in text order: what a "he" or "she" that
/// attribution left unresolved may refer back to.
struct People {
    /// (start, sentence, entity) of each mention.
    mentions: Vec<[u32; 3]>,
}

/// Sentences a pronoun looks back over for the person it stands for.
const PRONOUN_SENTENCES: usize = 2;
/// Mentions a pronoun looks back over, however many its sentences hold.
const PRONOUN_MENTIONS: usize = 8;

impl People {
    fn new(doc: &Document, quotes: &QuoteIndex) -> People {
        let mut mentions = Vec::new();
        for (id, e) in doc.entities.iter().enumerate() {
            if e.entity_type != EntityType::Person {
                continue;
            }
            let outside = e.mentions.iter().filter(|m| !quotes.inside_any(m.span));
            mentions.extend(outside.map(|m| [m.span.start(), m.sentence(), id].map(narrow)));
        }
        mentions.sort_unstable();
        People { mentions }
    }

    /// The person a "he" or "she" (`gender`) at `at` in sentence `s` stands for: the one
    /// of the nearest earlier compatible mention within [`PRONOUN_SENTENCES`] sentences,
    /// unless that mention's sentence names another compatible person (then it is
    /// unclear who).
    fn antecedent(&self, doc: &Document, at: usize, s: usize, gender: Gender) -> Option<usize> {
        let i = self.mentions.partition_point(|m| (m[0] as usize) < at);
        let oldest = s.saturating_sub(PRONOUN_SENTENCES);
        let compatible = |&&[_, sentence, entity]: &&[u32; 3]| {
            let known = doc.entities.get(entity as usize).and_then(|e| e.gender);
            sentence as usize >= oldest && known.is_none_or(|k| k == gender)
        };
        let mut near = self.mentions[i.saturating_sub(PRONOUN_MENTIONS)..i] // i <= len
            .iter()
            .rev()
            .filter(compatible);
        let [_, sentence, entity] = *near.next()?;
        let others = near.any(|m| m[1] == sentence && m[2] != entity);
        (!others).then_some(entity as usize)
    }
}

/// "The fine, he noted, would be 4%": a "he" or "she" right before the cue at token
/// `cue` that attribution made no mention of (it resolves only speakers of quotations),
/// resolved through [`People::antecedent`]; the pronoun and the person.
fn pronoun_subject(doc: &Document, cue: usize, people: &People) -> Option<(Span, usize)> {
    let pronoun = doc.tokens.get(cue.checked_sub(1)?)?.span();
    let gender = match doc.slice(pronoun) {
        "he" | "He" => Gender::Male,
        "she" | "She" => Gender::Female,
        _ => return None,
    };
    let s = doc.sentence_at(pronoun.start())?;
    Some((pronoun, people.antecedent(doc, pronoun.start(), s, gender)?))
}

fn has_mention_just_before(doc: &Document, cue: usize, mentions: &[(Span, usize)]) -> bool {
    let Some(cue_span) = doc.tokens.get(cue).map(|t| t.span()) else {
        return false;
    };
    let i = mentions.partition_point(|(m, _)| m.end() <= cue_span.start());
    i.checked_sub(1)
        .and_then(|k| mentions.get(k))
        .is_some_and(|(m, _)| doc.token_at_or_after(m.end()) == cue)
}

#[cfg(test)]
mod tests {
    use crate::document::{
        Document, Entity, EntityType, Gender, Mention, MentionKind, Quote, QuoteKind, Span, Speaker,
    };

    fn find(text: &str, what: &str) -> Span {
        let start = text.find(what).expect("the test text holds it");
        Span::new(start, start + what.len())
    }

    fn person(doc: &Document, name: &str, mentions: &[(&str, MentionKind)]) -> Entity {
        Entity {
            mentions: mentions
                .iter()
                .map(|(m, kind)| {
                    let span = find(doc.text, m);
                    let sentence = doc.sentence_at(span.start()).expect("in a sentence");
                    Mention::new(span, *kind, sentence)
                })
                .collect(),
            ..Entity::new(name, EntityType::Person)
        }
    }

    /// Segments `text`, adds the given entities and quotes, and runs the claims stage.
    fn claimants(text: &str, build: impl Fn(&mut Document)) -> Vec<(String, Option<String>)> {
        let mut doc = Document::new(text);
        crate::segment::run(&mut doc);
        build(&mut doc);
        crate::claims::run(&mut doc);
        doc.claims
            .iter()
            .map(|c| {
                let name = c
                    .claimant()
                    .and_then(|e| doc.entities.get(e))
                    .map(|e| e.name.clone());
                (doc.slice(c.span()).to_string(), name)
            })
            .collect()
    }

    #[test]
    fn reported_speech_belongs_to_the_subject_of_said() {
        let text = "Putin said this month that his forces have seized nearly 5,000 sq km of territory, about 1% of Ukraine.";
        let got = claimants(text, |doc| {
            let putin = person(doc, "Vladimir Putin", &[("Putin", MentionKind::Name)]);
            doc.entities.push(putin);
        });
        assert_eq!(
            got,
            [
                (
                    "nearly 5,000 sq km".to_string(),
                    Some("Vladimir Putin".to_string())
                ),
                ("about 1%".to_string(), Some("Vladimir Putin".to_string())),
            ]
        );
    }

    #[test]
    fn a_description_mention_can_be_the_subject() {
        let text = "The Ukrainian president told Trump that Ukraine has thousands of drones ready.";
        let got = claimants(text, |doc| {
            let z = person(
                doc,
                "Volodymyr Zelensky",
                &[("The Ukrainian president", MentionKind::Description)],
            );
            let t = person(doc, "Donald Trump", &[("Trump", MentionKind::Name)]);
            doc.entities.push(z);
            doc.entities.push(t);
        });
        assert_eq!(
            got,
            [(
                "thousands".to_string(),
                Some("Volodymyr Zelensky".to_string())
            )]
        );
    }

    #[test]
    fn numbers_inside_a_quote_belong_to_its_speaker() {
        let text = "Mykola Bielieskov, a senior analyst, said: “We do not expect Russia to collapse from one, two or three successful attacks.”";
        let got = claimants(text, |doc| {
            let m = person(
                doc,
                "Mykola Bielieskov",
                &[("Mykola Bielieskov", MentionKind::Name)],
            );
            doc.entities.push(m);
            let open = text.find('“').expect("the test text quotes");
            doc.quotes.push(Quote {
                span: Span::new(open, text.len()),
                inner: Span::new(open + '“'.len_utf8(), text.len() - '”'.len_utf8()),
                kind: QuoteKind::Direct,
                sentence: 0,
                group: 0,
                speaker: Some(Speaker {
                    entity: 0,
                    mention: None,
                }),
                cue: None,
                unclosed: false,
                context: Default::default(),
            });
        });
        assert_eq!(
            got,
            [(
                "one, two or three".to_string(),
                Some("Mykola Bielieskov".to_string())
            )]
        );
    }

    #[test]
    fn apposition_and_trailing_cue() {
        let text = "Michael Carpenter, a former official at the institute, said 300 troops had left. About 40 people died, Jane Smith said.";
        let got = claimants(text, |doc| {
            let mc = person(
                doc,
                "Michael Carpenter",
                &[("Michael Carpenter", MentionKind::Name)],
            );
            let js = person(doc, "Jane Smith", &[("Jane Smith", MentionKind::Name)]);
            doc.entities.push(mc);
            doc.entities.push(js);
        });
        assert_eq!(
            got,
            [
                ("300".to_string(), Some("Michael Carpenter".to_string())),
                ("About 40".to_string(), Some("Jane Smith".to_string())),
            ]
        );
    }

    #[test]
    fn the_article_voice_has_no_claimant() {
        let text =
            "After speaking with Zelensky for more than two hours, Trump invited both sides.";
        let got = claimants(text, |doc| {
            let z = person(
                doc,
                "Volodymyr Zelensky",
                &[("Zelensky", MentionKind::Name)],
            );
            doc.entities.push(z);
        });
        assert_eq!(got, [("more than two hours".to_string(), None)]);
    }

    #[test]
    fn a_relative_clause_after_the_number_names_its_claimant() {
        let text =
            "The Kremlin said it could be later than the two-week time frame Trump had mentioned.";
        let got = claimants(text, |doc| {
            let k = person(doc, "Kremlin", &[("Kremlin", MentionKind::Name)]);
            let t = person(doc, "Donald Trump", &[("Trump", MentionKind::Name)]);
            doc.entities.push(k);
            doc.entities.push(t);
        });
        assert_eq!(
            got,
            [("two-week".to_string(), Some("Donald Trump".to_string()))]
        );
    }

    #[test]
    fn according_to_names_a_source_a_phrase_away() {
        let text = "According to the growers' union Agrivia, losses could exceed 2 billion euros. Prices rose 4%, according to figures released last week by Statbureau. Costs rose 5%, according to staff, not Kelmar.";
        let got = claimants(text, |doc| {
            for name in ["Agrivia", "Statbureau", "Kelmar"] {
                let e = person(doc, name, &[(name, MentionKind::Name)]);
                doc.entities.push(e);
            }
        });
        let named = |t: &str, n: Option<&str>| (t.to_string(), n.map(str::to_string));
        assert_eq!(
            got,
            [
                named("2 billion euros", Some("Agrivia")),
                named("4%", Some("Statbureau")),
                // A comma ends the source's phrase: the next name is not the source.
                named("5%", None),
            ]
        );
    }

    #[test]
    fn a_pronoun_before_the_cue_stands_for_the_person_before_it() {
        let cases = [
            ("Tom Vale spoke first. The fine, he noted, would be about 4% of sales.", Some("Tom Vale")),
            // She is Ann Roe, not Tom Vale.
            ("Tom Vale met Ann Roe. The fine, she noted, would be about 4% of sales.", Some("Ann Roe")),
            // Two men in the nearest sentence naming one: unclear who.
            ("Tom Vale met Ian Lunn. The fine, he noted, would be about 4% of sales.", None),
            // Too far back.
            ("Tom Vale left. It rained. It snowed. The fine, he noted, would be about 4% of sales.", None),
        ];
        for (text, want) in cases {
            let got = claimants(text, |doc| {
                for (name, gender) in [
                    ("Tom Vale", Gender::Male),
                    ("Ann Roe", Gender::Female),
                    ("Ian Lunn", Gender::Male),
                ] {
                    if doc.text.contains(name) {
                        let mut e = person(doc, name, &[(name, MentionKind::Name)]);
                        e.gender = Some(gender);
                        doc.entities.push(e);
                    }
                }
            });
            let want = [("about 4%".to_string(), want.map(str::to_string))];
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_cue_after_and_governs_its_own_clause() {
        let text = "Rovers led after 23 minutes, and coach Tom Vale admitted his side had been poor. Storms killed 12, hurt 40, and left 300 homeless, Ann Roe said.";
        let got = claimants(text, |doc| {
            for name in ["Tom Vale", "Ann Roe"] {
                let e = person(doc, name, &[(name, MentionKind::Name)]);
                doc.entities.push(e);
            }
        });
        let roe = Some("Ann Roe".to_string());
        assert_eq!(
            got,
            [
                ("23 minutes".to_string(), None),
                ("12".to_string(), roe.clone()),
                ("40".to_string(), roe.clone()),
                ("300".to_string(), roe),
            ]
        );
    }

    #[test]
    fn an_age_outside_quotes_has_no_claimant() {
        let text = "The law is bad, said Maria Lopez, 42, a teacher.";
        let got = claimants(text, |doc| {
            let m = person(doc, "Maria Lopez", &[("Maria Lopez", MentionKind::Name)]);
            doc.entities.push(m);
        });
        assert_eq!(got, [("42".to_string(), None)]);
    }
}
