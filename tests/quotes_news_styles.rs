//! News attribution styles through the whole pipeline (`byline::annotate`): British single
//! quotes, American straight and curly double quotes, unnamed spokespeople and the pronouns
//! that refer back to them, quoted fragments inside reported speech, group speakers.

use byline::{Document, QuoteKind};

/// (quoted words, kind, speaker name)
fn quotes(doc: &Document) -> Vec<(String, QuoteKind, Option<String>)> {
    doc.quotes
        .iter()
        .map(|q| {
            let name = q.speaker.map(|s| doc.entities[s.entity].name.clone());
            (doc.slice(q.inner).to_string(), q.kind, name)
        })
        .collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    let doc = byline::annotate(text);
    quotes(&doc)
        .into_iter()
        .find(|(words, _, _)| words.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quotation starting {quote_start:?} in {text:?}"))
        .2
}

#[test]
fn spokesperson_pronoun_speaks_for_the_organization() {
    let text = "A Treasury spokeswoman said the government would publish its autumn statement next week. She added: 'Families will see support worth £3.3bn.'";
    assert_eq!(speaker_of(text, "Families"), Some("Treasury".into()));
    let text = "A spokesman for the Pentagon said the review was under way. He added: “We take these reports seriously.”";
    assert_eq!(speaker_of(text, "We take"), Some("Pentagon".into()));
    let text = "The company faced questions over the outage. “We are sorry for the disruption,” a Google spokeswoman said in an email. “We are working to fix it,” she said.";
    assert_eq!(speaker_of(text, "We are sorry"), Some("Google".into()));
    assert_eq!(speaker_of(text, "We are working"), Some("Google".into()));
}

#[test]
fn quoted_fragment_in_reported_speech_is_partial() {
    let text = "A spokesman for the White House, Andrew Bates, said President Joe Biden \"will veto any bill that balloons the deficit.\"";
    let doc = byline::annotate(text);
    let found = quotes(&doc);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, QuoteKind::Partial);
    assert_eq!(found[0].2.as_deref(), Some("Andrew Bates"));
}

#[test]
fn british_single_quotes_and_american_double_quotes() {
    let text = "Governor Andrew Bailey said it was 'much too early' to think about cutting rates. 'We will do what is necessary,' he told the BBC.\n\n\"We're going to keep fighting,\" Thune said.";
    let doc = byline::annotate(text);
    let found = quotes(&doc);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].1, QuoteKind::Partial);
    assert_eq!(found[0].2.as_deref(), Some("Andrew Bailey"));
    assert_eq!(found[1].2.as_deref(), Some("Andrew Bailey"));
    assert_eq!(found[2].2.as_deref(), Some("Thune"));
}

#[test]
fn common_after_quote_patterns() {
    let text = "\"The decision is final,\" said Jane Smith, the chief executive of Acme Corp.\n\n\"We remain committed to our customers,\" Acme Corp said in a statement.\n\n\"This is a dark day for democracy,\" Senator Elizabeth Warren wrote on X.\n\n\"Nobody expected this,\" Mark Carney told the BBC.";
    assert_eq!(speaker_of(text, "The decision"), Some("Jane Smith".into()));
    assert_eq!(speaker_of(text, "We remain"), Some("Acme Corp".into()));
    assert_eq!(speaker_of(text, "This is"), Some("Elizabeth Warren".into()));
    assert_eq!(speaker_of(text, "Nobody"), Some("Mark Carney".into()));
}

#[test]
fn group_speakers_without_an_entity_are_null_not_a_wrong_person() {
    let text = "Mark Carney met the family on Monday. \"The suspect was detained at the scene,\" police said. \"Talks will continue next week,\" officials said. \"We reject these allegations entirely,\" the ministry said in a statement.";
    assert_eq!(speaker_of(text, "The suspect"), None);
    assert_eq!(speaker_of(text, "Talks"), None);
    assert_eq!(speaker_of(text, "We reject"), None);
}

#[test]
fn quotation_continued_over_paragraphs_keeps_its_speaker() {
    let text = "\"We have been waiting for years,\" said Maria Lopez, a teacher in Phoenix. \"Nobody listens to us.\n\n\"Now the whole town is angry.\"\n\nThe council did not reply.";
    assert_eq!(speaker_of(text, "Nobody"), Some("Maria Lopez".into()));
    assert_eq!(
        speaker_of(text, "Now the whole"),
        Some("Maria Lopez".into())
    );
}

#[test]
fn the_spokesman_and_the_age_description_refer_back() {
    let text = "A Treasury spokesman said the figures were provisional. The spokesman said: \"We will publish the final numbers in March.\"";
    assert_eq!(speaker_of(text, "We will"), Some("Treasury".into()));
    let text = "Harry Kane scored twice on Saturday. “We’ve done our job,” the 32-year-old told Sky Sports.";
    assert_eq!(speaker_of(text, "We’ve done"), Some("Harry Kane".into()));
}

#[test]
fn quotation_reopened_without_its_paragraph_break() {
    let text = "Harbour master Tomasz Wilk said: \"The storm surge was higher than anything we had modelled. \"Three of the pontoons broke free.\"\nThe port reopened on Thursday.";
    let doc = byline::annotate(text);
    let found = quotes(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    assert_eq!(found[1].2.as_deref(), Some("Tomasz Wilk"));
}

#[test]
fn partial_quotes_after_characterizing_verbs() {
    let text = "The general secretary of the teachers’ union, Raymond Osei, accused the government of “sitting on its hands” while schools crumbled. Opposition leader Fiona Grant called the response “frankly insulting”.";
    assert_eq!(speaker_of(text, "sitting"), Some("Raymond Osei".into()));
    assert_eq!(speaker_of(text, "frankly"), Some("Fiona Grant".into()));
}

#[test]
fn interview_transcript_labels() {
    let text = "Marine biologist Dr Helen Achterberg has studied whales for two decades. We asked her about this winter’s sightings.\nQ: Why are the whales coming so close to the shore?\nA: Mostly it is about food.\nQ: Is that a sign of climate change?\nA: It may be.";
    let doc = byline::annotate(text);
    let found = quotes(&doc);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found.iter().all(|q| q.1 == QuoteKind::Direct));
    assert_eq!(found[0].2, None);
    assert_eq!(found[1].2.as_deref(), Some("Helen Achterberg"));
}

#[test]
fn headline_quotation_repeated_in_the_body() {
    let text = "\"Nobody is safe here\": residents fear more flooding\nPeople living on the estate say they are afraid when it rains. \"Nobody is safe here,\" said Joan Pritchard, 71.";
    let doc = byline::annotate(text);
    let found = quotes(&doc);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1, QuoteKind::Direct);
    assert_eq!(found[0].2.as_deref(), Some("Joan Pritchard"));
}

#[test]
fn group_speaker_keeps_its_cue() {
    let text =
        "A man was arrested on Friday. “The suspect was detained at the scene,” police said.";
    let doc = byline::annotate(text);
    let quote = &doc.quotes[0];
    assert!(quote.speaker.is_none());
    assert_eq!(quote.cue.map(|c| doc.slice(c)), Some("said"));
}
