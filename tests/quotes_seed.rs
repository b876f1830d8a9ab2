//! The seed article's quotations: all 21 found, with their kinds, groups and (once
//! attribution runs) speakers, as the quotations issue lists them.

use byline::{Document, QuoteKind};

const SEED: &str = include_str!("../fixtures/seed-article.txt");

/// (start of the quoted words, kind)
const EXPECTED: [(&str, QuoteKind); 21] = [
    ("stop the war immediately,", QuoteKind::Partial),
    ("Stop at the front line, both sides", QuoteKind::Direct),
    ("Let the killings stop.", QuoteKind::Direct),
    ("To find each other a little", QuoteKind::Scare),
    ("I believe that President Zelensky", QuoteKind::Direct),
    ("We want this.", QuoteKind::Direct),
    ("We don’t have Tomahawk", QuoteKind::Direct),
    ("We’d rather you didn’t need Tomahawk.", QuoteKind::Direct),
    ("We also want the Tomahawks.", QuoteKind::Direct),
    ("realistic", QuoteKind::Partial),
    ("to stop this war.", QuoteKind::Partial),
    ("The president is right", QuoteKind::Direct),
    ("a lot needs to be decided", QuoteKind::Partial),
    ("a little later", QuoteKind::Partial),
    ("working him", QuoteKind::Scare),
    (
        "You know, I’ve been ‘worked’ by the best",
        QuoteKind::Direct,
    ),
    ("The reality is", QuoteKind::Direct),
    ("He’s handsome in his jacket,", QuoteKind::Direct),
    ("I hope people take notice.", QuoteKind::Direct),
    ("afraid of Tomahawks.", QuoteKind::Partial),
    ("We do not expect Russia to collapse", QuoteKind::Direct),
];

fn seed() -> Document<'static> {
    byline::annotate(SEED)
}

#[test]
fn seed_has_its_21_quotations_with_kinds() {
    let doc = seed();
    let found: Vec<(&str, QuoteKind)> = doc
        .quotes
        .iter()
        .map(|q| (doc.slice(q.inner), q.kind))
        .collect();
    assert_eq!(found.len(), EXPECTED.len(), "{found:#?}");
    for ((text, kind), (want_text, want_kind)) in found.iter().zip(EXPECTED) {
        assert!(
            text.starts_with(want_text),
            "{text:?} should start {want_text:?}"
        );
        assert_eq!(*kind, want_kind, "kind of {text:?}");
    }
    assert!(doc.warnings.is_empty());
}

#[test]
fn seed_nested_quote_stays_inside_one_quotation() {
    let doc = seed();
    let worked = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.inner).contains("‘worked’"))
        .expect("the ‘worked’ quotation");
    assert!(doc.slice(worked.inner).ends_with("so it’s possible."));
    assert!(!doc.quotes.iter().any(|q| doc.slice(q.inner) == "worked"));
}

#[test]
fn seed_split_quotations_share_groups() {
    let doc = seed();
    let group_of = |start: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.inner).starts_with(start))
            .map(|q| q.group)
            .expect(start)
    };
    assert_eq!(
        group_of("Stop at the front line"),
        group_of("Let the killings stop")
    );
    assert_eq!(group_of("He’s handsome"), group_of("I hope people"));
    assert_ne!(
        group_of("We want this."),
        group_of("We don’t have Tomahawk")
    );
}

/// The speakers the quotations issue lists: every direct or partial quotation's speaker.
const SPEAKERS: [(&str, &str); 19] = [
    ("stop the war immediately,", "Donald Trump"),
    ("Stop at the front line, both sides", "Donald Trump"),
    ("Let the killings stop.", "Donald Trump"),
    ("I believe that President Zelensky", "Donald Trump"),
    ("We want this.", "Volodymyr Zelensky"),
    ("We don’t have Tomahawk", "Volodymyr Zelensky"),
    ("We’d rather you didn’t need Tomahawk.", "Donald Trump"),
    ("We also want the Tomahawks.", "Donald Trump"),
    ("realistic", "Volodymyr Zelensky"),
    ("to stop this war.", "Volodymyr Zelensky"),
    ("The president is right", "Volodymyr Zelensky"),
    ("a lot needs to be decided", "Kremlin"),
    ("a little later", "Kremlin"),
    ("You know, I’ve been ‘worked’ by the best", "Donald Trump"),
    ("The reality is", "Michael Carpenter"),
    ("He’s handsome in his jacket,", "Donald Trump"),
    ("I hope people take notice.", "Donald Trump"),
    ("afraid of Tomahawks.", "Volodymyr Zelensky"),
    ("We do not expect Russia to collapse", "Mykola Bielieskov"),
];

#[test]
fn seed_speakers_are_all_right() {
    let doc = seed();
    for (start, name) in SPEAKERS {
        let quote = doc
            .quotes
            .iter()
            .find(|q| doc.slice(q.inner).starts_with(start))
            .unwrap_or_else(|| panic!("no quotation {start:?}"));
        let speaker = quote
            .speaker
            .map(|s| doc.entities[s.entity].name.as_str())
            .unwrap_or("(none)");
        // "Kremlin" or "the Kremlin": the entity's fullest name.
        assert!(
            speaker.trim_start_matches("the ") == name,
            "{start:?}: speaker {speaker:?}, expected {name:?}"
        );
        // Only the second part of a split quotation goes without its own cue.
        let follows_its_group = doc
            .quotes
            .iter()
            .any(|other| other.group == quote.group && other.span.end() <= quote.span.start());
        assert!(
            quote.cue.is_some() || follows_its_group,
            "{start:?} has no cue"
        );
    }
    for scare in ["working him", "To find each other a little"] {
        let quote = doc
            .quotes
            .iter()
            .find(|q| doc.slice(q.inner) == scare)
            .expect(scare);
        assert!(quote.kind == QuoteKind::Scare || quote.speaker.is_none());
    }
}

#[test]
fn seed_pronoun_speakers_become_pronoun_mentions() {
    let doc = seed();
    let zelensky = doc
        .entities
        .iter()
        .find(|e| e.name == "Volodymyr Zelensky")
        .expect("Zelensky");
    let pronouns = zelensky
        .mentions
        .iter()
        .filter(|m| m.kind == byline::MentionKind::Pronoun)
        .count();
    assert!(
        pronouns >= 2,
        "“We want this…” and “We don’t have Tomahawk…” say “he”"
    );
    // Reports keep speakers as {entity, name, mention}.
    let analysis = byline::analyze(SEED, &byline::Options::default());
    let q = analysis
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We want this."))
        .expect("quote");
    let sp = q.speaker.as_ref().expect("speaker");
    assert_eq!(sp.name, "Volodymyr Zelensky");
    assert_eq!(sp.mention.as_ref().map(|m| m.text.as_ref()), Some("he"));
    assert_eq!(q.cue.as_ref().map(|c| c.text.as_ref()), Some("said"));
}
