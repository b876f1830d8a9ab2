//! Attribution: gives each quotation of `quotes` its speaker, an entity of `entities`,
//! and its cue. Relies on `segment` (tokens, sentences), `quotes` (spans, kinds, groups, and
//! each quotation's context: its place and cues), `entities` (mentions: names, titles,
//! descriptions; types; genders) and `speech` (cue words).
//!
//! Order of evidence for a quotation: its own attribution (`speaker`: the news patterns
//! around cue verbs from `data/speech_verbs.txt`, pronouns resolved to the most recent
//! compatible entity, descriptions and spokespeople resolved to their entity); then the
//! other parts of its group (split and multi-paragraph quotations); then the previous
//! quotation of the same paragraph, or of the paragraph before when this one opens its
//! paragraph with no cue, unless someone else is named in between. Scare quotes get no
//! speaker. No evidence → no speaker: a wrong guess is worse than none.

mod interview;
pub mod mentions;
mod names;
mod nominal;
pub mod speaker;
#[cfg(test)]
mod testing;
pub mod words;

use crate::document::{
    Document, EntityType, Mention, MentionKind, Quote, QuoteKind, Span, Speaker,
};
use crate::quotes::context::{inside_quote, overlaps_quote};
use crate::speech;
use mentions::MentionIndex;
use speaker::{Attribution, Ctx, Resolved};

/// Sets `speaker` and `cue` on `doc.quotes`, and adds the pronouns that name speakers to
/// their entities' mentions.
pub fn run(doc: &mut Document) {
    // Built once: role descriptions ("the president") are resolved through it.
    let roles = crate::entities::index_roles(doc);
    let mentions = MentionIndex::new(doc);
    let named = names::name_speakers(doc, &mentions);
    // Rebuilt for the new speakers' names; the old index freed first.
    let mentions = if named {
        drop(mentions);
        MentionIndex::new(doc)
    } else {
        mentions
    };
    let ctx = Ctx {
        doc,
        mentions: &mentions,
        roles: &roles,
    };
    let sides = doc
        .quotes
        .iter()
        .find(|q| q.context.label.is_some())
        .map(|q| ctx.interview_sides(q))
        .unwrap_or_default();
    let own: Vec<Option<Attribution>> = doc
        .quotes
        .iter()
        .map(|q| (q.kind != QuoteKind::Scare).then(|| ctx.attribute(q, sides)))
        .collect();
    let mut found: Vec<Option<Resolved>> = own.iter().map(|a| a.and_then(|a| a.speaker)).collect();
    let own_cue: Vec<bool> = own.iter().map(|a| a.is_some_and(|a| a.own_cue)).collect();
    share_within_groups(doc, &mut found);
    let mut inherited = inherit_from_previous(&ctx, &found, &own_cue);
    share_with_echoes(doc, &found, &mut inherited);
    // The index is done with: free it before the pronouns grow the entities' mentions.
    drop(mentions);
    let cues: Vec<Option<Span>> = own.iter().map(|a| a.and_then(|a| a.cue)).collect();
    let pronouns = apply(doc, &found, &inherited, &cues);
    let reorder = named || !pronouns.is_empty();
    add_pronoun_mentions(doc, pronouns);
    if reorder {
        keep_salience_order(doc);
    }
}

/// A headline quotation with no speaker of its own takes the speaker of the article's
/// quotation that repeats its words (`context.echo_of`).
fn share_with_echoes(doc: &Document, found: &[Option<Resolved>], inherited: &mut [Option<usize>]) {
    for (i, quote) in doc.quotes.iter().enumerate() {
        let Some(echo) = quote.context.echo_of else {
            continue;
        };
        if found[i].is_none() && inherited[i].is_none() {
            inherited[i] = found[echo].map(|r| r.entity).or(inherited[echo]);
        }
    }
}

/// Entities are ordered by salience (mention count, then first mention); the pronoun
/// mentions just added can change that order, so entities are re-sorted (stably, in
/// place) and every entity id held so far (speakers, affiliations) is renumbered.
fn keep_salience_order(doc: &mut Document) {
    let new_index = crate::entities::sort_by_salience(doc);
    for q in &mut doc.quotes {
        if let Some(sp) = q.speaker.as_mut() {
            if let Some(&n) = new_index.get(sp.entity) {
                sp.entity = n;
            }
        }
    }
}

/// Parts of one group take the speaker found for any of them (the first found).
fn share_within_groups(doc: &Document, found: &mut [Option<Resolved>]) {
    let mut start = 0;
    while start < found.len() {
        let group = doc.quotes[start].group;
        let end = start
            + doc.quotes[start..]
                .iter()
                .take_while(|q| q.group == group)
                .count();
        if let Some(first) = found[start..end].iter().flatten().next().copied() {
            for slot in &mut found[start..end] {
                if slot.is_none() {
                    *slot = Some(Resolved {
                        pronoun: false,
                        cue: None,
                        ..first
                    });
                }
            }
        }
        start = end.max(start + 1);
    }
}

/// For quotations still without a speaker and without a cue of their own (`own_cue`): the
/// speaker of the previous (non-scare) quotation, when it is in the same paragraph, or
/// ends the paragraph right before this one and this quotation opens its paragraph; and
/// nobody else is named in between.
fn inherit_from_previous(
    ctx: &Ctx,
    found: &[Option<Resolved>],
    own_cue: &[bool],
) -> Vec<Option<usize>> {
    let doc = ctx.doc;
    let mut inherited = vec![None; found.len()];
    let mut last: Option<(usize, usize)> = None; // (quote index, entity)
    for (i, q) in doc.quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            continue;
        }
        if found[i].is_none() && !own_cue[i] {
            inherited[i] = last
                .filter(|&(p, entity)| may_inherit(ctx, p, i, entity))
                .map(|(_, entity)| entity)
                .or_else(|| reported_speaker_before(ctx, q));
        }
        if let Some(entity) = found[i].map(|r| r.entity).or(inherited[i]) {
            last = Some((i, entity));
        }
    }
    inherited
}

fn may_inherit(ctx: &Ctx, prev: usize, this: usize, entity: usize) -> bool {
    let doc = ctx.doc;
    let (p, q) = (&doc.quotes[prev], &doc.quotes[this]);
    let pp = &doc.sentences[p.context.sentence];
    let qp = &doc.sentences[q.context.sentence];
    // The previous quotation ends its paragraph's last sentence, and this one opens the
    // next paragraph.
    let continues_paragraph = || {
        let p_last = p.span.end().saturating_sub(1);
        doc.paragraphs[q.context.paragraph].span.start() == q.span.start()
            && doc
                .sentence_at(p_last)
                .is_some_and(|s| doc.sentences[s].paragraph() == pp.paragraph())
    };
    let adjacent = qp.paragraph() == pp.paragraph()
        || (qp.paragraph() == pp.paragraph() + 1
            && continues_paragraph()
            && ends_a_sentence(doc, q.context.paragraph));
    adjacent && !someone_else_between(ctx, prev, this, entity)
}

/// For a quotation that opens its sentence with no cue: the speaker of reported speech in
/// the sentence before, news style's way of going on in the speaker's own words — the
/// previous paragraph's last sentence when the quotation opens its paragraph ("Mayor Karen
/// Bass said the city would recover.¶ “We have been through worse.”"), else the previous
/// sentence of its paragraph ("She said members were closing. “I have never seen it this
/// bad.”"). Only when that sentence holds no quotation.
fn reported_speaker_before(ctx: &Ctx, quote: &Quote) -> Option<usize> {
    let doc = ctx.doc;
    let p = quote.context.paragraph;
    if !ends_a_sentence(doc, p) {
        return None;
    }
    let s = if doc.paragraphs[p].span.start() == quote.span.start() {
        let previous = &doc.paragraphs[p.checked_sub(1)?];
        let s = doc.sentence_at(previous.span.end().checked_sub(1)?)?;
        (doc.sentences[s].paragraph() == p - 1).then_some(s)?
    } else {
        let own = quote.context.sentence;
        let opens = doc.sentences[own].span.start() == quote.span.start();
        let s = own.checked_sub(1).filter(|_| opens)?;
        (doc.sentences[s].paragraph() == p).then_some(s)?
    };
    let sentence = &doc.sentences[s];
    if overlaps_quote(&doc.quotes, sentence.span) {
        return None;
    }
    let tokens = sentence.tokens();
    let cue = tokens.clone().find(|&i| {
        speech::cue_at(doc, i, tokens.end).is_some() && speech::is_active(doc, i, tokens.start)
    })?;
    ctx.subject_before(cue, tokens.start).map(|r| r.entity)
}

/// True when paragraph `p` ends a sentence (closing marks aside). One that does not is a
/// credit line or a heading (“…” Anonymous blogger, “Anon declares war”), which names its
/// own source: a quotation opening it continues nobody.
fn ends_a_sentence(doc: &Document, p: usize) -> bool {
    let text = doc.slice(doc.paragraphs[p].span);
    let last = text.trim_end().trim_end_matches([
        '"', '\'', '”', '’', '“', '‘', '»', '«', '›', '‹', '」', '』', ')',
    ]);
    last.is_empty() || last.ends_with(['.', '!', '?', '…', ':', ';', '—', '–'])
}

/// True when a person or organization other than `entity` is named outside quotations
/// between the two quotations, after the sentence where the first one ends.
fn someone_else_between(ctx: &Ctx, prev: usize, this: usize, entity: usize) -> bool {
    let doc = ctx.doc;
    let p = doc.quotes[prev].span;
    let from = doc
        .sentence_at(p.end().saturating_sub(1))
        .map_or(p.end(), |s| doc.sentences[s].span.end());
    let to = doc.quotes[this].span.start();
    if from >= to {
        return false;
    }
    ctx.mentions.within(Span::new(from, to)).any(|m| {
        m.entity != entity
            && matches!(m.entity_type, EntityType::Person | EntityType::Organization)
            && !inside_quote(&doc.quotes, m.span.start())
    })
}

/// A pronoun naming the speaker of a quotation: (entity, pronoun).
type SpeakerPronoun = (usize, Span);

/// Writes speakers and cues (`cues`: each quotation's own); returns the pronoun mentions
/// to add.
fn apply(
    doc: &mut Document,
    found: &[Option<Resolved>],
    inherited: &[Option<usize>],
    cues: &[Option<Span>],
) -> Vec<SpeakerPronoun> {
    let mut pronouns = Vec::new();
    for (i, q) in doc.quotes.iter_mut().enumerate() {
        q.cue = cues[i];
        if let Some(r) = found[i] {
            q.speaker = Some(Speaker {
                entity: r.entity,
                mention: r.mention,
            });
            q.cue = r.cue.or(q.cue);
            if let (true, Some(mention)) = (r.pronoun, r.mention) {
                pronouns.push((r.entity, mention));
            }
        } else if let Some(entity) = inherited[i] {
            q.speaker = Some(Speaker {
                entity,
                mention: None,
            });
        }
    }
    pronouns
}

fn add_pronoun_mentions(doc: &mut Document, pronouns: Vec<SpeakerPronoun>) {
    let mut touched = Vec::new();
    for (entity, span) in pronouns {
        let sentence = doc
            .sentence_at(span.start())
            .expect("a pronoun is a token, and every token is in a sentence");
        doc.entities[entity]
            .mentions
            .push(Mention::new(span, MentionKind::Pronoun, sentence));
        touched.push(entity);
    }
    // Sort each touched entity once (not one insertion per pronoun): mentions stay in
    // text order.
    touched.sort_unstable();
    touched.dedup();
    for entity in touched {
        if let Some(e) = doc.entities.get_mut(entity) {
            e.mentions.sort_by_key(|m| (m.span.start(), m.span.end()));
            e.mentions.dedup_by_key(|m| m.span);
        }
    }
}

#[cfg(test)]
mod tests {
    //! Each pattern on a hand-built document (`testing::TestDoc`).
    use super::testing::TestDoc;
    use super::*;
    use crate::document::Gender;

    type Spec<'a> = (&'a str, EntityType, &'a [&'a str]);

    fn attributed<'t>(text: &'t str, entities: &[Spec]) -> Document<'t> {
        entities
            .iter()
            .fold(TestDoc::new(text), |doc, &(name, entity_type, mentions)| {
                doc.entity(name, entity_type, mentions)
            })
            .attributed()
    }

    /// (quoted words, speaker name or None, cue)
    fn speakers<'t>(doc: &Document<'t>) -> Vec<(&'t str, Option<String>, Option<&'t str>)> {
        doc.quotes
            .iter()
            .map(|q| {
                let name = q.speaker.map(|s| doc.entities[s.entity].name.clone());
                (doc.slice(q.inner), name, q.cue.map(|c| doc.slice(c)))
            })
            .collect()
    }

    const PERSON: EntityType = EntityType::Person;
    const ORG: EntityType = EntityType::Organization;

    fn speaker_of(doc: &Document, quote_start: &str) -> Option<String> {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.inner).starts_with(quote_start))
            .and_then(|q| q.speaker)
            .map(|s| doc.entities[s.entity].name.clone())
    }

    #[test]
    fn quote_comma_speaker_cue() {
        let doc = attributed(
            "“Stop now,” Trump told reporters.",
            &[("Donald Trump", PERSON, &["Trump"])],
        );
        assert_eq!(
            speakers(&doc),
            [("Stop now,", Some("Donald Trump".into()), Some("told"))]
        );
        let mention = doc.quotes[0].speaker.unwrap().mention.unwrap();
        assert_eq!(doc.slice(mention), "Trump");
    }

    #[test]
    fn quote_comma_cue_speaker() {
        let doc = attributed(
            "“It is a delaying tactic,” said Max Bergmann, an expert.",
            &[("Max Bergmann", PERSON, &["Max Bergmann"])],
        );
        assert_eq!(speaker_of(&doc, "It is"), Some("Max Bergmann".into()));
    }

    #[test]
    fn object_taking_cue_does_not_invert() {
        let doc = attributed(
            "“We are ready,” told Smith nothing.",
            &[("John Smith", PERSON, &["Smith"])],
        );
        assert_eq!(speaker_of(&doc, "We are"), None);
    }

    #[test]
    fn quote_speaker_role_apposition_cue() {
        let doc = attributed(
            "“Had it happened later it would have been worse,” Khaled Al-Maeena, editor of the Saudi Gazette, said.",
            &[
                ("Khaled Al-Maeena", PERSON, &["Khaled Al-Maeena"]),
                ("Saudi Gazette", ORG, &["Saudi Gazette"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Had it"), Some("Khaled Al-Maeena".into()));
    }

    #[test]
    fn speaker_cue_colon_quote_past_appositions() {
        let doc = attributed(
            "Mykola Bielieskov, a senior analyst at the foundation Come Back Alive, which supplies the army, said: “We do not expect Russia to collapse.”",
            &[
                ("Mykola Bielieskov", PERSON, &["Mykola Bielieskov"]),
                ("Come Back Alive", ORG, &["Come Back Alive"]),
            ],
        );
        assert_eq!(
            speaker_of(&doc, "We do not"),
            Some("Mykola Bielieskov".into())
        );
    }

    #[test]
    fn speaker_cue_that_partial_quote() {
        let doc = attributed(
            "After Friday’s talks, Zelensky said Russia was “afraid of Tomahawks.” Moscow has warned against it.",
            &[
                ("Volodymyr Zelensky", PERSON, &["Zelensky"]),
                ("Moscow", EntityType::Place, &["Moscow"]),
            ],
        );
        assert_eq!(
            speakers(&doc),
            [(
                "afraid of Tomahawks.",
                Some("Volodymyr Zelensky".into()),
                Some("said")
            )]
        );
    }

    #[test]
    fn according_to_speaker() {
        let doc = attributed(
            "Her skin was “weeping and raw,” according to the Sydney Morning Herald.",
            &[("Sydney Morning Herald", ORG, &["Sydney Morning Herald"])],
        );
        assert_eq!(
            speaker_of(&doc, "weeping"),
            Some("Sydney Morning Herald".into())
        );
        assert_eq!(speakers(&doc)[0].2, Some("according to"));
    }

    #[test]
    fn pronoun_resolves_to_the_previous_subject_and_becomes_a_mention() {
        let doc = attributed(
            "The Ukrainian president told Trump that Ukraine has drones. “We need missiles,” he said.",
            &[
                ("Volodymyr Zelensky", PERSON, &["The Ukrainian president"]),
                ("Donald Trump", PERSON, &["Trump"]),
            ],
        );
        assert_eq!(
            speaker_of(&doc, "We need"),
            Some("Volodymyr Zelensky".into())
        );
        let zelensky = &doc.entities[0];
        assert!(zelensky
            .mentions
            .iter()
            .any(|m| m.kind == MentionKind::Pronoun && doc.slice(m.span) == "he"));
    }

    #[test]
    fn pronoun_respects_gender_and_skips_names_inside_quotes() {
        let doc = TestDoc::new("Anna Smith met Tom Jones. “Tom is late,” she said.")
            .entity("Anna Smith", PERSON, &["Anna Smith"])
            .gender(Gender::Female)
            .entity("Tom Jones", PERSON, &["Tom Jones", "Tom"])
            .gender(Gender::Male)
            .attributed();
        assert_eq!(speaker_of(&doc, "Tom is"), Some("Anna Smith".into()));
    }

    #[test]
    fn they_and_it_resolve_to_organizations() {
        let doc = attributed(
            "KCNA reported the shelling. “Foolhardy provocation deserves punishment,” it added.",
            &[("KCNA", ORG, &["KCNA"])],
        );
        assert_eq!(speaker_of(&doc, "Foolhardy"), Some("KCNA".into()));
    }

    #[test]
    fn unnamed_spokesperson_speaks_for_the_organization() {
        let doc = attributed(
            "“We do not comment on rumours,” a spokesman for Google said. “The Kremlin is silent,” a Kremlin spokeswoman said.",
            &[("Google", ORG, &["Google"]), ("the Kremlin", ORG, &["Kremlin"])],
        );
        assert_eq!(speaker_of(&doc, "We do not"), Some("Google".into()));
        assert_eq!(
            speaker_of(&doc, "The Kremlin is"),
            Some("the Kremlin".into())
        );
    }

    #[test]
    fn unnamed_analysts_speak_for_their_firm() {
        let doc = attributed(
            "“Rates will rise,” an analyst at Morgan Stanley said. Economists at JPMorgan wrote that it was “a clear positive”.",
            &[
                ("Morgan Stanley", ORG, &["Morgan Stanley"]),
                ("JPMorgan", ORG, &["JPMorgan"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Rates"), Some("Morgan Stanley".into()));
        assert_eq!(speaker_of(&doc, "a clear"), Some("JPMorgan".into()));
        // Someone else's unnamed helper is nobody.
        let doc = attributed(
            "“We will appeal,” a lawyer for John Smith said.",
            &[("John Smith", PERSON, &["John Smith"])],
        );
        assert_eq!(speaker_of(&doc, "We will"), None);
    }

    #[test]
    fn they_refers_back_to_a_group_at_an_organization() {
        let doc = attributed(
            "Analysts at JPMorgan called the merger “a clear positive”, though they warned that regulators could “take a hard look”.",
            &[("JPMorgan", ORG, &["JPMorgan"])],
        );
        assert_eq!(speaker_of(&doc, "a clear"), Some("JPMorgan".into()));
        assert_eq!(speaker_of(&doc, "take a"), Some("JPMorgan".into()));
        // A group of nobody's: "they" is not the organization named earlier.
        let doc = attributed(
            "Acme Corp cut 300 jobs. Union officials met on Monday, and they said the cuts were “a betrayal”.",
            &[("Acme Corp", ORG, &["Acme Corp"])],
        );
        assert_eq!(speaker_of(&doc, "a betrayal"), None);
    }

    #[test]
    fn follow_on_quotes_inherit_in_the_paragraph_and_split_groups() {
        let doc = attributed(
            "“He’s handsome in his jacket,” Trump commented. “I hope people take notice.”\nLater, Zelensky left. “Goodbye, everyone.”",
            &[
                ("Donald Trump", PERSON, &["Trump"]),
                ("Volodymyr Zelensky", PERSON, &["Zelensky"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "I hope"), Some("Donald Trump".into()));
        // Zelensky is named between: the last quotation does not inherit Trump.
        assert_ne!(speaker_of(&doc, "Goodbye"), Some("Donald Trump".into()));
    }

    #[test]
    fn continued_paragraph_inherits_the_speaker() {
        let doc = attributed(
            "Churchill said: “We shall fight on the beaches.\n“We shall never surrender.”",
            &[("Winston Churchill", PERSON, &["Churchill"])],
        );
        assert_eq!(doc.quotes.len(), 2);
        assert_eq!(
            speaker_of(&doc, "We shall never"),
            Some("Winston Churchill".into())
        );
    }

    #[test]
    fn scare_quotes_and_unattributed_quotes_have_no_speaker() {
        let doc = attributed(
            "When Trump was asked if Putin was “working him” just to buy time, he smiled. The robot was named “Robogee.”",
            &[
                ("Donald Trump", PERSON, &["Trump"]),
                ("Vladimir Putin", PERSON, &["Putin"]),
            ],
        );
        assert!(doc.quotes.iter().all(|q| q.speaker.is_none()));
    }

    #[test]
    fn pronoun_prefers_the_subject_of_a_speech_verb() {
        let doc = attributed(
            "Goldman Sachs economist Jan Hatzius wrote that the Fed would pause. “The risks are balanced,” he wrote.",
            &[
                ("Goldman Sachs", PERSON, &["Goldman Sachs"]),
                ("Jan Hatzius", PERSON, &["Jan Hatzius"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "The risks"), Some("Jan Hatzius".into()));
    }

    #[test]
    fn british_single_quotes_continue_over_paragraphs() {
        let doc = attributed(
            "'This is a disgrace,' said Enver Solomon. 'People deserve better.\n'We urge the government to think again.'",
            &[("Enver Solomon", PERSON, &["Enver Solomon"])],
        );
        assert_eq!(doc.quotes.len(), 3);
        assert!(doc.warnings.is_empty());
        assert_eq!(doc.quotes[1].group, doc.quotes[2].group);
        assert_eq!(speaker_of(&doc, "We urge"), Some("Enver Solomon".into()));
    }

    #[test]
    fn the_company_resolves_to_the_last_organization() {
        let doc = attributed(
            "Shares of Acme Corp fell on Friday.\n“We see no reason to change course,” the company said.",
            &[("Acme Corp", ORG, &["Acme Corp"])],
        );
        assert_eq!(speaker_of(&doc, "We see"), Some("Acme Corp".into()));
        let mention = doc.quotes[0].speaker.unwrap().mention.unwrap();
        assert_eq!(doc.slice(mention), "the company");
        // The nouns of sports, charity and retail news stand for their organization too.
        let doc = attributed(
            "Manchester United sacked their manager on Sunday.\n“The board thanks Erik for his work,” the club said.",
            &[("Manchester United", ORG, &["Manchester United"])],
        );
        assert_eq!(
            speaker_of(&doc, "The board"),
            Some("Manchester United".into())
        );
    }

    #[test]
    fn an_age_apposition_is_skipped() {
        let doc = attributed(
            "Mr. Johnson, 55, said “enough is enough” and left the room.",
            &[("Boris Johnson", PERSON, &["Johnson"])],
        );
        assert_eq!(speaker_of(&doc, "enough"), Some("Boris Johnson".into()));
    }

    #[test]
    fn a_quotation_with_an_unknown_speaker_does_not_inherit() {
        let doc = attributed(
            "“We are ready,” Trump said.\n“Nobody expected this,” the bystander said.",
            &[("Donald Trump", PERSON, &["Trump"])],
        );
        assert_eq!(speaker_of(&doc, "We are"), Some("Donald Trump".into()));
        assert_eq!(speaker_of(&doc, "Nobody"), None);
    }

    #[test]
    fn colon_introduced_quotation_without_cue() {
        let doc = attributed(
            "Trump was blunt:\n“We want peace now.”\nIn a statement, the ministry said: “The claims are baseless.”",
            &[("Donald Trump", PERSON, &["Trump"])],
        );
        assert_eq!(speaker_of(&doc, "We want"), Some("Donald Trump".into()));
        // No organization called a ministry: no speaker rather than a guess.
        assert_eq!(speaker_of(&doc, "The claims"), None);
    }

    #[test]
    fn the_ministry_needs_a_ministry() {
        let doc = attributed(
            "The Ministry of Defence denied the report. Acme Corp agreed.\n“The claims are baseless,” the ministry said.",
            &[
                ("Ministry of Defence", ORG, &["Ministry of Defence"]),
                ("Acme Corp", ORG, &["Acme Corp"]),
            ],
        );
        assert_eq!(
            speaker_of(&doc, "The claims"),
            Some("Ministry of Defence".into())
        );
    }

    #[test]
    fn quotation_attributed_after_a_dash() {
        let doc = attributed(
            "“We are looking at all options” — Lloyd Austin told CNN.",
            &[
                ("Lloyd Austin", PERSON, &["Lloyd Austin"]),
                ("CNN", ORG, &["CNN"]),
            ],
        );
        assert_eq!(doc.quotes[0].kind, QuoteKind::Direct);
        assert_eq!(speaker_of(&doc, "We are"), Some("Lloyd Austin".into()));
    }

    #[test]
    fn coordinated_cue_keeps_the_first_subject() {
        let doc = attributed(
            "Yvette Cooper said her party has backed it “for months”, and said it was “damning”.",
            &[
                ("Yvette Cooper", PERSON, &["Yvette Cooper"]),
                ("Labour", ORG, &["Labour"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "damning"), Some("Yvette Cooper".into()));
        let doc = attributed(
            "Yvette Cooper said power was back but warned some could wait “for several days”.",
            &[("Yvette Cooper", PERSON, &["Yvette Cooper"])],
        );
        assert_eq!(
            speaker_of(&doc, "for several"),
            Some("Yvette Cooper".into())
        );
    }

    #[test]
    fn capitalised_apposition_is_walked_past() {
        let doc = attributed(
            "Hernán Gómez, Panama coach, said, “We have learned a lot today.”",
            &[("Hernán Gómez", PERSON, &["Hernán Gómez"])],
        );
        assert_eq!(speaker_of(&doc, "We have"), Some("Hernán Gómez".into()));
    }

    const OTHER: EntityType = EntityType::Other;

    #[test]
    fn pronoun_after_unnamed_spokesperson_speaks_for_the_organization() {
        let doc = attributed(
            "A Treasury spokeswoman said the government would publish its autumn statement next week. She added: 'Families will see support worth £3.3bn.'",
            &[("Treasury", OTHER, &["Treasury"])],
        );
        assert_eq!(speaker_of(&doc, "Families"), Some("Treasury".into()));
        let doc = attributed(
            "A spokesman for the Pentagon said the review was under way. He added: “We take these reports seriously.”",
            &[("Pentagon", ORG, &["Pentagon"])],
        );
        assert_eq!(speaker_of(&doc, "We take"), Some("Pentagon".into()));
        let doc = attributed(
            "“We are sorry,” a Google spokeswoman said. “We are working to fix it,” she said.",
            &[("Google", ORG, &["Google"])],
        );
        assert_eq!(speaker_of(&doc, "We are working"), Some("Google".into()));
    }

    #[test]
    fn pronoun_prefers_a_named_spokesperson_or_a_later_speaker() {
        // The spokesman is named: "he" is the person.
        let doc = attributed(
            "A spokesman for the White House, Andrew Bates, said the bill was dead. He added: “It will not pass.”",
            &[
                ("White House", ORG, &["White House"]),
                ("Andrew Bates", PERSON, &["Andrew Bates"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "It will"), Some("Andrew Bates".into()));
        // A spokeswoman and then a man who speaks: "he" is the man, never the company.
        let doc = attributed(
            "A Google spokeswoman said the outage was over, and John Smith said users were angry. He added: “Nobody told us.”",
            &[
                ("Google", ORG, &["Google"]),
                ("John Smith", PERSON, &["John Smith"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Nobody"), Some("John Smith".into()));
        // Gender decides: a spokeswoman is not a "he".
        let doc = attributed(
            "A Google spokeswoman said the outage was over. He added: “Nobody told us.”",
            &[("Google", ORG, &["Google"])],
        );
        assert_eq!(speaker_of(&doc, "Nobody"), None);
    }

    #[test]
    fn the_cue_nearest_the_quotation_names_its_speaker() {
        let doc = attributed(
            "Sarah Quinn told reporters that Mark Rowe had assured her: “We will have extra patrols.”",
            &[
                ("Sarah Quinn", PERSON, &["Sarah Quinn"]),
                ("Mark Rowe", PERSON, &["Mark Rowe"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We will"), Some("Mark Rowe".into()));
    }

    #[test]
    fn a_participle_after_no_speech_verb_takes_the_clause_subject() {
        let people: &[Spec] = &[
            ("Ned Lamont", PERSON, &["Ned Lamont"]),
            ("Connecticut", EntityType::Place, &["Connecticut"]),
            ("John Smith", PERSON, &["John Smith"]),
        ];
        let doc = attributed(
            "Connecticut Governor Ned Lamont released a statement saying the state was “working around the clock”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "working"), Some("Ned Lamont".into()));
        // The participle's subject is not the object of the main verb.
        let doc = attributed(
            "The court sentenced John Smith to life, saying he was “a danger to the public”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "a danger"), None);
        let doc = attributed(
            "Police who arrested John Smith issued a statement saying he was “cooperating”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "cooperating"), None);
    }

    #[test]
    fn a_credit_line_continues_nobody() {
        let doc = attributed(
            "Matthew Ingram called it “another small skirmish in a long war.”\n\n“A new obsession is taking hold on the internet.” Anonymous blogger, “Anon declares war”\n\n“We will keep going.”",
            &[("Matthew Ingram", PERSON, &["Matthew Ingram"])],
        );
        assert_eq!(speaker_of(&doc, "another"), Some("Matthew Ingram".into()));
        assert_eq!(speaker_of(&doc, "A new obsession"), None);
        // Nor does the credited quotation pass its (missing) speaker on.
        assert_eq!(speaker_of(&doc, "We will keep"), None);
        let doc = attributed(
            "Mayor Karen Bass said the city would recover.\n\n“We have been through worse” — campaign leaflet",
            &[("Karen Bass", PERSON, &["Karen Bass"])],
        );
        assert_eq!(speaker_of(&doc, "We have"), None);
    }

    #[test]
    fn quote_paragraph_after_reported_speech_takes_its_speaker() {
        let doc = attributed(
            "Mayor Karen Bass said the city would recover from the fires.\n\n“We have been through worse, and we will rebuild.”\n\n“Nobody is leaving.”",
            &[("Karen Bass", PERSON, &["Karen Bass"])],
        );
        assert_eq!(speaker_of(&doc, "We have"), Some("Karen Bass".into()));
        assert_eq!(speaker_of(&doc, "Nobody"), Some("Karen Bass".into()));
        // The previous paragraph's last sentence is not reported speech: nobody.
        let doc = attributed(
            "Mayor Karen Bass said the city would recover. The fires burned for days.\n\n“We have been through worse.”",
            &[("Karen Bass", PERSON, &["Karen Bass"])],
        );
        assert_eq!(speaker_of(&doc, "We have"), None);
        // A passive cue names no speaker.
        let doc = attributed(
            "Karen Bass was told the city would recover.\n\n“We have been through worse.”",
            &[("Karen Bass", PERSON, &["Karen Bass"])],
        );
        assert_eq!(speaker_of(&doc, "We have"), None);
    }

    #[test]
    fn quote_sentence_after_reported_speech_in_its_paragraph_takes_its_speaker() {
        let people: &[Spec] = &[("Margaret Ellis", PERSON, &["Margaret Ellis"])];
        let doc = attributed(
            "Margaret Ellis said many bakers were closing. “I have never seen it this bad.”\n\n“Something has to give.”",
            people,
        );
        assert_eq!(speaker_of(&doc, "I have"), Some("Margaret Ellis".into()));
        assert_eq!(speaker_of(&doc, "Something"), Some("Margaret Ellis".into()));
        // Only the sentence right before counts, and only reported speech.
        let doc = attributed(
            "Margaret Ellis said many bakers were closing. Prices rose again. “I have never seen it this bad.”",
            people,
        );
        assert_eq!(speaker_of(&doc, "I have"), None);
        // A quotation inside its sentence is not going on in the speaker's words.
        let doc = attributed(
            "Margaret Ellis said many bakers were closing. The sign read “closed for good”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "closed"), None);
    }

    #[test]
    fn the_spokesperson_refers_back_to_an_unnamed_one() {
        let doc = attributed(
            "A Treasury spokesman said the figures were provisional. The spokesman said: “We will publish the final numbers in March.”",
            &[("Treasury", OTHER, &["Treasury"])],
        );
        assert_eq!(speaker_of(&doc, "We will"), Some("Treasury".into()));
        // No unnamed spokesperson earlier: nobody.
        let doc = attributed(
            "John Smith said the figures were provisional. The spokesman said: “We will publish them.”",
            &[("John Smith", PERSON, &["John Smith"])],
        );
        assert_eq!(speaker_of(&doc, "We will"), None);
    }

    #[test]
    fn untyped_institution_speaks_only_through_a_spokesperson() {
        let doc = attributed(
            "A spokesman for the Treasury said: “The figures are wrong.” The Treasury report said “growth will slow.”",
            &[("Treasury", OTHER, &["Treasury"])],
        );
        assert_eq!(speaker_of(&doc, "The figures"), Some("Treasury".into()));
        assert_eq!(speaker_of(&doc, "growth"), None);
        let doc = attributed(
            "“The figures are wrong,” said a spokesman for the Treasury. “They are fine,” said a Home Office spokeswoman.",
            &[
                ("Treasury", OTHER, &["Treasury"]),
                ("Home Office", ORG, &["Home Office"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "The figures"), Some("Treasury".into()));
        assert_eq!(speaker_of(&doc, "They are"), Some("Home Office".into()));
    }

    #[test]
    fn group_speakers_without_an_entity_get_no_speaker() {
        let doc = attributed(
            "John Smith was arrested on Monday. “The suspect was detained at the scene,” police said. “Talks will continue next week,” officials said.",
            &[("John Smith", PERSON, &["John Smith"])],
        );
        assert_eq!(speaker_of(&doc, "The suspect"), None);
        assert_eq!(speaker_of(&doc, "Talks"), None);
    }

    /// (cue words) of the quotation starting with `quote_start`.
    fn cue_of(doc: &Document, quote_start: &str) -> Option<String> {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.inner).starts_with(quote_start))
            .and_then(|q| q.cue)
            .map(|c| doc.slice(c).to_string())
    }

    #[test]
    fn continuation_after_a_lost_paragraph_break_keeps_the_speaker() {
        for text in [
            "Harbour master Tomasz Wilk said: \"The surge was higher than we modelled. \"Three pontoons broke free.\"",
            "Harbour master Tomasz Wilk said: “The surge was higher than we modelled. “Three pontoons broke free.”",
            "Harbour master Tomasz Wilk said: ‘The surge was higher than we modelled. ‘Three pontoons broke free.’",
        ] {
            let doc = attributed(text, &[("Tomasz Wilk", PERSON, &["Tomasz Wilk"])]);
            assert_eq!(doc.quotes.len(), 2, "{text}");
            assert!(doc.warnings.is_empty(), "{text}");
            assert_eq!(speaker_of(&doc, "The surge"), Some("Tomasz Wilk".into()));
            assert_eq!(speaker_of(&doc, "Three"), Some("Tomasz Wilk".into()));
        }
    }

    #[test]
    fn characterizing_verbs_give_partial_quotes_their_speaker() {
        let doc = attributed(
            "Union leader Raymond Osei accused the government of “sitting on its hands” and called the offer “an insult”. The robot, called “Rex”, was built by students.",
            &[("Raymond Osei", PERSON, &["Raymond Osei"])],
        );
        assert_eq!(speaker_of(&doc, "sitting"), Some("Raymond Osei".into()));
        assert_eq!(speaker_of(&doc, "an insult"), Some("Raymond Osei".into()));
        assert_eq!(cue_of(&doc, "sitting"), Some("accused".into()));
        let rex = doc
            .quotes
            .iter()
            .find(|q| doc.slice(q.inner) == "Rex")
            .unwrap();
        assert_eq!(rex.kind, QuoteKind::Scare);
    }

    #[test]
    fn attribution_closing_the_sentence_after_a_comma() {
        let doc = attributed(
            "Strike would “cripple” rail network, Amtrak warns",
            &[("Amtrak", ORG, &["Amtrak"])],
        );
        assert_eq!(speaker_of(&doc, "cripple"), Some("Amtrak".into()));
        // A question put to someone is not what the later speaker said.
        let doc = attributed(
            "When Trump was asked if Putin was “working him” just to buy time, Trump replied: “No.”",
            &[("Donald Trump", PERSON, &["Trump"])],
        );
        assert_eq!(speaker_of(&doc, "working"), None);
    }

    #[test]
    fn interview_labels_name_their_speakers() {
        let doc = attributed(
            "Novelist Ingrid Solberg spoke to our books editor, Tom Haverford.\nQ: Was it hard to write?\nA: The first draft was easy.\nQ: And the second?",
            &[
                ("Ingrid Solberg", PERSON, &["Ingrid Solberg"]),
                ("Tom Haverford", PERSON, &["Tom Haverford"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Was it"), Some("Tom Haverford".into()));
        assert_eq!(
            speaker_of(&doc, "The first draft"),
            Some("Ingrid Solberg".into())
        );
        assert!(doc.quotes.iter().all(|q| q.kind == QuoteKind::Direct));
        // An interviewer nobody names asks the questions: no speaker for them.
        let doc = attributed(
            "Dr Helen Achterberg studies whales. We asked her why.\nQ: Why now?\nA: Food.",
            &[("Helen Achterberg", PERSON, &["Helen Achterberg"])],
        );
        assert_eq!(speaker_of(&doc, "Why now"), None);
        assert_eq!(speaker_of(&doc, "Food"), Some("Helen Achterberg".into()));
        let doc = attributed(
            "Presenter Gareth Lowe pressed Anita Brandt.\nLOWE: Will you?\nBRANDT: We will.\nLOWE: When?",
            &[
                ("Gareth Lowe", PERSON, &["Gareth Lowe"]),
                ("Anita Brandt", PERSON, &["Anita Brandt"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We will"), Some("Anita Brandt".into()));
        assert_eq!(speaker_of(&doc, "When"), Some("Gareth Lowe".into()));
    }

    #[test]
    fn the_interviewee_is_introduced_right_before_the_questions() {
        // A person typed wrongly in the news further up is not the interviewee, and the
        // journalist is a person whatever the type given to the name.
        let doc = attributed(
            "Analysts at Brennan Holt were gloomy.\nUnion leader Sam Okonkwo described the cuts as “a betrayal”. He spoke to Oliver Grant, our labour correspondent.\nQ: Will the port reopen?\nA: I expect so.\nQ: When?",
            &[
                ("Brennan Holt", PERSON, &["Brennan Holt"]),
                ("Sam Okonkwo", PERSON, &["Sam Okonkwo"]),
                ("Oliver Grant", ORG, &["Oliver Grant"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "I expect"), Some("Sam Okonkwo".into()));
        assert_eq!(speaker_of(&doc, "Will the"), Some("Oliver Grant".into()));
        // An organization named alone is never the one answering.
        let doc = attributed(
            "Brightwater Energy cut 400 jobs.\nQ: Did you see this coming?\nA: No.\nQ: Why?",
            &[("Brightwater Energy", ORG, &["Brightwater Energy"])],
        );
        assert_eq!(speaker_of(&doc, "No."), None);
    }

    #[test]
    fn the_interviewer_is_the_person_the_journalist_word_describes() {
        // The apposition describes Tom Haverford, not the person named after "spoke to".
        let people: &[Spec] = &[
            ("Tom Haverford", PERSON, &["Tom Haverford"]),
            ("Maria Delgado", PERSON, &["Maria Delgado"]),
        ];
        let doc = attributed(
            "Tom Haverford, our food editor, spoke to Maria Delgado about her book.\nQ: Why leftovers?\nA: Because we waste a third.\nQ: And?",
            people,
        );
        assert_eq!(speaker_of(&doc, "Why"), Some("Tom Haverford".into()));
        assert_eq!(speaker_of(&doc, "Because"), Some("Maria Delgado".into()));
        // Both named as journalists: who asks is unknown, so the questions get nobody.
        let doc = attributed(
            "Maria Delgado, a writer, met our food editor Tom Haverford.\nQ: Why leftovers?\nA: Because we waste a third.\nQ: And?",
            people,
        );
        assert_eq!(speaker_of(&doc, "Why"), None);
        assert_eq!(speaker_of(&doc, "Because"), None);
    }

    #[test]
    fn headline_quotations_take_the_article_speaker() {
        let doc = attributed(
            "‘We will not back down,’ says minister\nTransport Minister Priya Kaur spoke on Tuesday. ‘We will not back down on this,’ Kaur said.",
            &[("Priya Kaur", PERSON, &["Priya Kaur", "Kaur"])],
        );
        assert_eq!(
            speaker_of(&doc, "We will not back down,"),
            Some("Priya Kaur".into())
        );
        let doc = attributed(
            "Vogel: ‘No job cuts this year’\nThe chief executive, Katrin Vogel, wrote to staff.",
            &[("Katrin Vogel", PERSON, &["Katrin Vogel", "Vogel"])],
        );
        assert_eq!(doc.quotes[0].kind, QuoteKind::Direct);
        assert_eq!(speaker_of(&doc, "No job"), Some("Katrin Vogel".into()));
    }

    #[test]
    fn descriptions_name_the_person_with_that_role() {
        let doc = attributed(
            "Tottenham signed striker Mateo Varez, while manager Glen Ashworth stayed calm.\n“I have dreamed of this,” the striker said.\n“He is different,” the manager added.",
            &[
                ("Mateo Varez", PERSON, &["Mateo Varez"]),
                ("Glen Ashworth", PERSON, &["Glen Ashworth"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "I have"), Some("Mateo Varez".into()));
        assert_eq!(speaker_of(&doc, "He is"), Some("Glen Ashworth".into()));
        // Every word of the role counts: a deputy mayor is not the mayor.
        let doc = attributed(
            "Mayor Lena Ortiz spoke first. Her deputy, Frank Hale, disagreed. “We are overreacting,” the deputy mayor said.",
            &[
                ("Lena Ortiz", PERSON, &["Lena Ortiz"]),
                ("Frank Hale", PERSON, &["Frank Hale"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We are"), None);
        // The role in an apposition before a titled name.
        let doc = TestDoc::new("The former health minister, Dame Carol Price, criticised the plan.\n“Patients will suffer,” the former minister said.")
            .entity("Carol Price", PERSON, &["Carol Price"])
            .title("Dame")
            .attributed();
        assert_eq!(speaker_of(&doc, "Patients"), Some("Carol Price".into()));
        let doc = attributed(
            "Donna Fairweather has waited 14 months for an operation. ‘Some days I cannot climb the stairs’, the mother-of-three said.",
            &[("Donna Fairweather", PERSON, &["Donna Fairweather"])],
        );
        assert_eq!(
            speaker_of(&doc, "Some days"),
            Some("Donna Fairweather".into())
        );
    }

    #[test]
    fn a_document_speaks_for_its_publisher() {
        let doc = attributed(
            "A report by the Carrington Institute found staff shortages. “The sector runs on goodwill,” the report said.",
            &[("Carrington Institute", ORG, &["Carrington Institute"])],
        );
        assert_eq!(
            speaker_of(&doc, "The sector"),
            Some("Carrington Institute".into())
        );
        let doc = attributed(
            "Taxes will rise. “Households will pay more,” the report said.",
            &[],
        );
        assert_eq!(speaker_of(&doc, "Households"), None);
        // The statement a speaker spoke "in".
        let doc = attributed(
            "Greyline Transit said in a brief statement that buses would run. “Passengers will see no change,” the statement said.",
            &[("Greyline Transit", ORG, &["Greyline Transit"])],
        );
        assert_eq!(
            speaker_of(&doc, "Passengers"),
            Some("Greyline Transit".into())
        );
        // Nobody said it: a place is no publisher.
        let doc = attributed(
            "Officials in Ohio said in a statement that buses would run. “Passengers will see no change,” the statement said.",
            &[("Ohio", EntityType::Place, &["Ohio"])],
        );
        assert_eq!(speaker_of(&doc, "Passengers"), None);
    }

    #[test]
    fn a_company_spokesman_speaks_for_the_company_not_a_ministry() {
        let doc = attributed(
            "Shares in Pellam Group fell. The Ministry of Defence said it was unaware. “We are disappointed,” a company spokesman said. “We take it seriously,” said a spokesperson for the company.",
            &[
                ("Pellam Group", ORG, &["Pellam Group"]),
                ("Ministry of Defence", ORG, &["Ministry of Defence"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We are"), Some("Pellam Group".into()));
        assert_eq!(speaker_of(&doc, "We take"), Some("Pellam Group".into()));
        let doc = attributed(
            "A statement from the Home Office said the figures were final. “We will not comment further,” the statement added.",
            &[("Home Office", ORG, &["Home Office"])],
        );
        assert_eq!(speaker_of(&doc, "We will not"), Some("Home Office".into()));
    }

    #[test]
    fn a_spokesperson_named_later_is_that_person() {
        let doc = attributed(
            "“We are looking into it,” a spokesman for Siemens said.\nThe spokesman, Daniel Rourke, later said the turbines were safe.",
            &[
                ("Siemens", ORG, &["Siemens"]),
                ("Daniel Rourke", PERSON, &["Daniel Rourke"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We are"), Some("Daniel Rourke".into()));
    }

    #[test]
    fn coordinated_speakers_are_given_the_first() {
        let people: &[Spec] = &[
            ("Ana Roux", PERSON, &["Ana Roux"]),
            ("Sophie Marchand", PERSON, &["Sophie Marchand"]),
        ];
        for text in [
            "“We will appeal,” Ana Roux and Sophie Marchand said.",
            "Transport Minister Ana Roux and Labour Minister Sophie Marchand said the plan was “a start”.",
            "“We will appeal,” Ana Roux, the union’s treasurer, and Sophie Marchand said.",
            // Past two appositions, far from the quotation.
            "“This ruling is wrong and sets a dangerous precedent,” Ana Roux, the firm’s head of policy for Europe, and Sophie Marchand, its general counsel, wrote in a blog post.",
        ] {
            let doc = attributed(text, people);
            assert_eq!(doc.quotes[0].speaker.map(|s| s.entity), Some(0), "{text}");
        }
        // A pronoun is no first speaker to prefer.
        let doc = attributed("“We will appeal,” she and Sophie Marchand said.", people);
        assert_eq!(speaker_of(&doc, "We will"), Some("Sophie Marchand".into()));
    }

    #[test]
    fn an_organization_named_in_the_subject_or_beside_it_speaks() {
        let doc = attributed(
            "The Green group, which abstained, called the budget “a fudge”.",
            &[("Green", ORG, &["Green"])],
        );
        assert_eq!(speaker_of(&doc, "a fudge"), Some("Green".into()));
        let doc = attributed(
            "The nurses’ union, the RCN, said its members were “exhausted”.",
            &[("RCN", ORG, &["RCN"])],
        );
        assert_eq!(speaker_of(&doc, "exhausted"), Some("RCN".into()));
        // An organization the apposition only relates the subject to is not it.
        let doc = attributed(
            "The nurses’ union, a member of the TUC, said its members were “exhausted”.",
            &[("TUC", ORG, &["TUC"])],
        );
        assert_eq!(speaker_of(&doc, "exhausted"), None);
    }

    #[test]
    fn a_pronoun_prefers_a_speaker_named_in_apposition() {
        let doc = attributed(
            "Reyes’s lawyer, Mark Feld, said the verdict was “unjust”. “We will appeal,” he said.",
            &[
                ("Daniel Reyes", PERSON, &["Reyes"]),
                ("Mark Feld", PERSON, &["Mark Feld"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "We will"), Some("Mark Feld".into()));
    }

    #[test]
    fn initials_label_their_speakers() {
        let doc = attributed(
            "Professor Ada Clarke spoke to our reporter Jessica Lowe.\nJL: Are exclusions rising?\nAC: Yes, sharply.\nJL: Why?",
            &[
                ("Ada Clarke", PERSON, &["Ada Clarke"]),
                ("Jessica Lowe", PERSON, &["Jessica Lowe"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Yes, sharply"), Some("Ada Clarke".into()));
        assert_eq!(speaker_of(&doc, "Why"), Some("Jessica Lowe".into()));
    }

    #[test]
    fn a_headline_credit_after_the_words_names_the_speaker() {
        let doc = attributed(
            "‘I never meant to cook’: Ada Obi on her cafe\nAda Obi opened Ember in May.",
            &[("Ada Obi", PERSON, &["Ada Obi"])],
        );
        assert_eq!(speaker_of(&doc, "I never"), Some("Ada Obi".into()));
    }

    #[test]
    fn a_participle_after_a_comma_takes_the_subject_opening_the_sentence() {
        let people: &[Spec] = &[
            ("Chicago", EntityType::Place, &["CHICAGO"]),
            ("Ana Ruiz", PERSON, &["Ana Ruiz"]),
            ("Tom Hale", PERSON, &["Tom Hale"]),
        ];
        let doc = attributed(
            "CHICAGO — Mayor Ana Ruiz on Wednesday defended her $17 billion budget, telling aldermen it was “the most responsible plan”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "the most"), Some("Ana Ruiz".into()));
        let doc = attributed("Tom Hale praised Ana Ruiz, calling her “a hero”.", people);
        assert_eq!(speaker_of(&doc, "a hero"), Some("Tom Hale".into()));
    }

    #[test]
    fn an_organization_in_a_title_after_an_inverted_cue_is_not_the_speaker() {
        let doc = TestDoc::new("“It is over,” said Labour MP Diane Abbott.")
            .entity("Labour", ORG, &["Labour"])
            .entity("Diane Abbott", PERSON, &["Diane Abbott"])
            .title("MP")
            .attributed();
        assert_eq!(speaker_of(&doc, "It is"), Some("Diane Abbott".into()));
        let doc = attributed(
            "“Rates will rise,” said Goldman Sachs economist Jan Hatzius on Monday.",
            &[
                ("Goldman Sachs", ORG, &["Goldman Sachs"]),
                ("Jan Hatzius", PERSON, &["Jan Hatzius"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Rates"), Some("Jan Hatzius".into()));
        // A person after a preposition is someone else.
        let doc = attributed(
            "“Rates will rise,” said Goldman Sachs on behalf of Jan Hatzius.",
            &[
                ("Goldman Sachs", ORG, &["Goldman Sachs"]),
                ("Jan Hatzius", PERSON, &["Jan Hatzius"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "Rates"), Some("Goldman Sachs".into()));
    }

    #[test]
    fn who_and_was_quoted_as_saying_name_their_subject() {
        let people: &[Spec] = &[
            ("Jane Smith", PERSON, &["Smith"]),
            ("Tom Becker", PERSON, &["Becker"]),
            ("Maria Lopez", PERSON, &["Maria Lopez"]),
        ];
        let doc = attributed(
            "“We are done,” Smith told Becker, who replied: “So are we.”",
            people,
        );
        assert_eq!(speaker_of(&doc, "So are"), Some("Tom Becker".into()));
        let doc = attributed(
            "The minister, Maria Lopez, was quoted by state media as saying the plan was “dead”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "dead"), Some("Maria Lopez".into()));
    }

    #[test]
    fn a_bare_spokesperson_speaks_for_the_organization_just_named_as_subject() {
        let orgs: &[Spec] = &[
            ("CloudNest", ORG, &["CloudNest"]),
            ("Bexley Council", ORG, &["Bexley Council"]),
        ];
        for text in [
            "CloudNest confirmed the breach. A spokesperson said: “We are sorry.”",
            "CloudNest confirmed the breach. “We are sorry,” said a spokeswoman.",
        ] {
            let doc = attributed(text, orgs);
            assert_eq!(
                speaker_of(&doc, "We are"),
                Some("CloudNest".into()),
                "{text}"
            );
        }
        // Someone else's spokesperson, or an organization named only as an object.
        for text in [
            "CloudNest confirmed the breach. A spokesperson for the union said: “We are sorry.”",
            "Hackers attacked CloudNest. A spokesperson said: “We are sorry.”",
        ] {
            let doc = attributed(text, orgs);
            assert_eq!(speaker_of(&doc, "We are"), None, "{text}");
        }
    }

    #[test]
    fn a_verb_coordinated_with_the_cue_gives_its_subject() {
        let doc = attributed(
            "Priya Raman apologised and said the company had “failed to protect” data.",
            &[("Priya Raman", PERSON, &["Priya Raman"])],
        );
        assert_eq!(speaker_of(&doc, "failed"), Some("Priya Raman".into()));
        let doc = attributed(
            "Priya Raman thanked Tom Hale and said he had “saved the firm”.",
            &[
                ("Priya Raman", PERSON, &["Priya Raman"]),
                ("Tom Hale", PERSON, &["Tom Hale"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "saved"), None);
    }

    #[test]
    fn an_office_or_spokesperson_speaks_for_its_possessor() {
        for text in [
            "Senator Maria Cantwell was absent. “She will run again,” her office said.",
            "Senator Maria Cantwell was absent. “She will run again,” Cantwell's office said.",
            "Senator Maria Cantwell was absent. Her spokesman said she would run “again and again”.",
        ] {
            let doc = TestDoc::new(text)
                .entity("Maria Cantwell", PERSON, &["Maria Cantwell", "Cantwell"])
                .gender(Gender::Female)
                .attributed();
            assert_eq!(
                doc.quotes[0].speaker.map(|s| s.entity),
                Some(0),
                "{text}"
            );
        }
        // A possessor of another gender, or a relation (a lawyer), is not it.
        let doc = TestDoc::new("Tom Hale was absent. “He will run again,” her office said.")
            .entity("Tom Hale", PERSON, &["Tom Hale"])
            .gender(Gender::Male)
            .attributed();
        assert_eq!(speaker_of(&doc, "He will"), None);
    }

    #[test]
    fn a_name_in_apposition_speaks_for_a_subject_naming_nobody() {
        let people: &[Spec] = &[
            ("Joan Price", PERSON, &["Joan Price", "Price"]),
            ("Ian Price", PERSON, &["Ian Price"]),
        ];
        let doc = attributed(
            "Joan Price has died. Price's husband, the novelist Ian Price, told the BBC she had “never stopped”.",
            people,
        );
        assert_eq!(speaker_of(&doc, "never"), Some("Ian Price".into()));
        // A name after a preposition or a verb in the apposition is someone else.
        for text in [
            "Joan Price has died. A close friend, a neighbour of Ian Price, told the BBC she had “never stopped”.",
            "Joan Price has died. A close friend, who knew Ian Price, told the BBC she had “never stopped”.",
        ] {
            let doc = attributed(text, people);
            assert_eq!(speaker_of(&doc, "never"), None, "{text}");
        }
    }

    #[test]
    fn a_name_after_a_preposition_is_not_the_subject() {
        // The bank is mistyped as a person: the structure still says who speaks.
        let doc = attributed(
            "Aviation analyst Nick Farrow of BNP Paribas said the order was “a vote of confidence”.",
            &[
                ("Nick Farrow", PERSON, &["Nick Farrow"]),
                ("BNP Paribas", PERSON, &["BNP Paribas"]),
            ],
        );
        assert_eq!(speaker_of(&doc, "a vote"), Some("Nick Farrow".into()));
        let doc = attributed(
            "The critics were many, with Caitlin Boswell stating: “This is clumsy.”",
            &[("Caitlin Boswell", PERSON, &["Caitlin Boswell"])],
        );
        assert_eq!(speaker_of(&doc, "This is"), Some("Caitlin Boswell".into()));
    }

    #[test]
    fn unknown_names_after_an_inverted_cue_are_people() {
        let doc = attributed(
            "Flour prices doubled. “People buy half as much,” said Zhyldyz, a trader. “We had ten minutes,” said Okafor.",
            &[("Zhyldyz", OTHER, &["Zhyldyz"])],
        );
        assert_eq!(speaker_of(&doc, "People buy"), Some("Zhyldyz".into()));
        assert_eq!(speaker_of(&doc, "We had"), Some("Okafor".into()));
        assert!(doc.entities.iter().all(|e| e.entity_type == PERSON));
        // Common words and days are no names.
        let doc = attributed("“We had ten minutes,” said Monday’s statement.", &[]);
        assert_eq!(speaker_of(&doc, "We had"), None);
        assert!(doc.entities.is_empty());
    }

    #[test]
    fn a_name_inside_the_reported_clause_is_not_an_inverted_speaker() {
        let doc = attributed(
            "Police said the protest outside the Capitol had been “peaceful and small”.",
            &[("Capitol", ORG, &["Capitol"])],
        );
        assert_eq!(speaker_of(&doc, "peaceful"), None);
        assert_eq!(cue_of(&doc, "peaceful"), Some("said".into()));
        let doc = attributed(
            "The talks are over, said the Kremlin, “and nothing was agreed”.",
            &[("the Kremlin", ORG, &["Kremlin"])],
        );
        assert_eq!(speaker_of(&doc, "and nothing"), Some("the Kremlin".into()));
    }

    #[test]
    fn a_cue_is_kept_when_the_speaker_is_unnamed() {
        let doc = attributed("“The suspect was detained,” police said.", &[]);
        assert_eq!(speaker_of(&doc, "The suspect"), None);
        assert_eq!(cue_of(&doc, "The suspect"), Some("said".into()));
    }

    /// The look-back steps `run` takes on `unit` repeated `n` times in one
    /// paragraph, with Smith mentioned wherever the text names him.
    fn look_back_steps(unit: &str, n: usize) -> usize {
        let text = unit.repeat(n);
        let mut doc = TestDoc::new(&text)
            .entity("Tom Smith", PERSON, &["Smith"])
            .gender(Gender::Male)
            .into_document();
        crate::steps::take();
        run(&mut doc);
        crate::steps::take()
    }

    /// A paragraph without sentence breaks (the quotations start in lowercase) is one
    /// sentence: the pronoun search must stay within its bounds, so eight times the text
    /// takes about eight times the steps (a rescan of the sentence would take 64).
    #[test]
    fn pronoun_search_is_linear_in_one_long_sentence() {
        for unit in [
            "“x,” he said. ",
            "“x,” he told Smith. ",
            "“x,” the spokesman said. ",
            "“x,” a spokesman said. ",
            "“x,” the director said. ",
            "“x,” the report said. ",
            "“x,” the mother-of-two said. ",
        ] {
            let (one, eight) = (look_back_steps(unit, 300), look_back_steps(unit, 2400));
            assert!(one > 0, "{unit}");
            // Sentences are cut every 1024 tokens, so the smaller text ends in a short
            // piece and takes a little fewer steps per quotation.
            assert!(eight <= 12 * one, "{unit}: {one} steps, then {eight}");
        }
    }
}
