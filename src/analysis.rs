//! The report: turns an annotated [`Document`] into [`Analysis`], the structure whose JSON
//! form is byline's output contract (schema version 1, documented in the README). All
//! offsets here are Unicode code point offsets into the text, end exclusive.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::str::FromStr;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::document::{
    Claim, ClaimKind, Document, Entity, EntityType, Mention, MentionKind, Paragraph, ParagraphKind,
    Qualifier, Quote, QuoteKind, Sentence, Span, Token, TokenKind,
};
use crate::offsets::CharOffsets;
use crate::pipeline::Stage;

/// The version of the report's schema, in every report's `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// Average silent reading speed used for `stats.reading_minutes`.
const WORDS_PER_MINUTE: f64 = 238.0;

/// A section of the report that `--only` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Where each paragraph is and its kind.
    Paragraphs,
    /// Each sentence with its text.
    Sentences,
    /// Quotations with their kind, speaker and cue.
    Quotes,
    /// People, organizations and places with their mentions.
    Entities,
    /// Numeric claims with their kind, value, unit and claimant.
    Claims,
}

impl Section {
    /// Every section, in report order.
    pub const ALL: [Section; 5] = [
        Section::Paragraphs,
        Section::Sentences,
        Section::Quotes,
        Section::Entities,
        Section::Claims,
    ];

    /// The section's name in the report and on the command line ("quotes").
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Paragraphs => "paragraphs",
            Section::Sentences => "sentences",
            Section::Quotes => "quotes",
            Section::Entities => "entities",
            Section::Claims => "claims",
        }
    }
}

impl FromStr for Section {
    type Err = String;
    fn from_str(s: &str) -> Result<Section, String> {
        Section::ALL
            .into_iter()
            .find(|section| section.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown section '{s}' (expected one of: paragraphs, sentences, quotes, entities, claims)"
                )
            })
    }
}

/// Where the text came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    /// The file path, or "-" for standard input.
    pub path: String,
    /// The record's line in its file (1-based) when read from JSON Lines, else null: each
    /// output record can be matched to its input line, whatever the ids.
    pub line: Option<u64>,
    /// The record's `id` when read from JSON Lines, else null.
    pub id: Option<serde_json::Value>,
    /// The record's other fields when read from JSON Lines, else empty.
    pub meta: BTreeMap<String, serde_json::Value>,
}

impl Default for Source {
    fn default() -> Source {
        Source {
            path: "-".to_string(),
            line: None,
            id: None,
            meta: BTreeMap::new(),
        }
    }
}

/// Counts over the whole text.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    /// Length of the text in Unicode code points.
    pub characters: usize,
    /// Words and numbers.
    pub words: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// Quotations (each part of a split quotation counts); `None` (null) when
    /// [`Options::only`](crate::Options::only) left out the stages that find them.
    pub quotes: Option<usize>,
    /// Entities; `None` when `only` left out the stages that find them.
    pub entities: Option<usize>,
    /// Numeric claims; `None` when `only` left out the stage that finds them.
    pub claims: Option<usize>,
    /// Estimated reading time at 238 words a minute, rounded up to a whole minute.
    pub reading_minutes: u64,
}

/// A span of the text with its text, for mentions, cues and subjects.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextSpan<'t> {
    /// Its first code point.
    pub start: usize,
    /// The code point after its last.
    pub end: usize,
    /// Its text.
    pub text: Cow<'t, str>,
}

/// A paragraph: where it is (without its surrounding whitespace) and its kind.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParagraphReport {
    /// Its first code point.
    pub start: usize,
    /// The code point after its last.
    pub end: usize,
    /// `body`, `heading` or `boilerplate`.
    pub kind: ParagraphKind,
}

/// A sentence.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceReport<'t> {
    /// Its first code point.
    pub start: usize,
    /// The code point after its last.
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    /// Its text.
    pub text: Cow<'t, str>,
}

/// An entity reference: its id (index into `entities`) and full name.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityRef<'t> {
    /// Index into `entities`.
    pub entity: usize,
    /// The entity's name.
    pub name: Cow<'t, str>,
}

/// Who said a quotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpeakerReport<'t> {
    /// Index into `entities`.
    pub entity: usize,
    /// The speaker's name.
    pub name: Cow<'t, str>,
    /// The mention that names the speaker at this quotation (name, pronoun or description).
    pub mention: Option<TextSpan<'t>>,
}

/// A quotation, its kind and, when the text says, its speaker and reporting cue.
///
/// ```
/// use byline::QuoteKind;
///
/// let text = "“The water came fast,” said Ana Silva, a farmer. “We lost everything.”";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let first = &analysis.quotes[0];
/// assert_eq!((first.text.as_ref(), first.kind), ("The water came fast,", QuoteKind::Direct));
/// assert_eq!(first.cue.as_ref().map(|c| c.text.as_ref()), Some("said"));
/// let speakers: Vec<_> = analysis.quotes.iter().map(|q| q.speaker.as_ref().map(|s| s.name.as_ref())).collect();
/// assert_eq!(speakers, [Some("Ana Silva"), Some("Ana Silva")]);
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteReport<'t> {
    /// Its first code point, the opening mark.
    pub start: usize,
    /// The code point after its closing mark.
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: Cow<'t, str>,
    /// `direct`, `partial` or `scare`.
    pub kind: QuoteKind,
    /// Who said it, when the text says.
    pub speaker: Option<SpeakerReport<'t>>,
    /// The reporting words ("said", "according to") that tie the speaker to it.
    pub cue: Option<TextSpan<'t>>,
    /// Index into `sentences` of the sentence where the quotation starts.
    pub sentence: usize,
    /// Parts of one utterance (a split quotation, or one running over paragraphs) share
    /// a group number.
    pub group: usize,
    /// True when the closing mark is missing (the quotation stops at its paragraph's end).
    pub unclosed: bool,
}

/// One mention of an entity.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MentionReport<'t> {
    /// Its first code point.
    pub start: usize,
    /// The code point after its last.
    pub end: usize,
    /// Its words.
    pub text: Cow<'t, str>,
    /// `name`, `title`, `description` or `pronoun`.
    pub kind: MentionKind,
}

/// A person, organization or place, one per referent, with its mentions, other names,
/// roles and affiliation.
///
/// ```
/// let text = "Ana Silva, a spokeswoman for the Red Cross, said on Friday that the \
///             Red Cross had sent tents. Silva said more were coming.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let silva = analysis.entities.iter().find(|e| e.name == "Ana Silva").unwrap();
/// assert_eq!(silva.mention_count, silva.mentions.len());
/// assert!(silva.aliases.contains(&"Silva".to_string()));
/// assert_eq!(silva.affiliation.as_ref().map(|a| a.name.as_ref()), Some("Red Cross"));
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityReport<'t> {
    /// The entity's index in `entities`; entities are sorted by salience.
    pub id: usize,
    /// The fullest name the article uses.
    pub name: Cow<'t, str>,
    /// `person`, `organization`, `place` or `other`.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// How many mentions `mentions` lists.
    pub mention_count: usize,
    /// Every mention, in text order.
    pub mentions: Vec<MentionReport<'t>>,
    /// Other names used for it (surname alone, spelling variants, acronyms).
    pub aliases: Vec<String>,
    /// Roles and titles from titles and appositions ("US president").
    pub roles: Vec<String>,
    /// The organization it belongs to.
    pub affiliation: Option<EntityRef<'t>>,
}

/// A numeric claim: the number, what it measures, how the wording bounds it, what it
/// counts and on whose authority it is given.
///
/// ```
/// use byline::{ClaimKind, Qualifier};
///
/// let text = "Officials said nearly 5,000 sq km of farmland was flooded.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let area = &analysis.claims[0];
/// assert_eq!(area.text, "nearly 5,000 sq km");
/// assert_eq!((area.kind, area.value, area.unit.as_deref()), (ClaimKind::Area, Some(5000.0), Some("km2")));
/// assert_eq!(area.qualifier, Some(Qualifier::UpperBound)); // "nearly": just under
/// ```
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimReport<'t> {
    /// The first code point of the whole expression, qualifier words and unit included.
    pub start: usize,
    /// The code point after its last.
    pub end: usize,
    /// The expression ("nearly 5,000 sq km").
    pub text: Cow<'t, str>,
    /// What the number measures.
    pub kind: ClaimKind,
    /// The number, when it has a value.
    pub value: Option<f64>,
    /// The high end of a range.
    pub value_max: Option<f64>,
    /// Normalised unit ("km2", "USD", "year", "%").
    pub unit: Option<String>,
    /// `exact`, `approximate`, `upper_bound`, `lower_bound`, or null when unqualified.
    pub qualifier: Option<Qualifier>,
    /// What is counted ("farmland", "drones").
    pub subject: Option<TextSpan<'t>>,
    /// Index into `sentences`.
    pub sentence: usize,
    /// On whose authority the number is given; `None` for the article's own voice.
    pub claimant: Option<EntityRef<'t>>,
}

/// The analysis of one text, schema version 1: what [`analyze`](crate::analyze) returns
/// and byline's JSON output serialises. Offsets are Unicode code point offsets into the
/// text, end exclusive; texts are borrowed from the text where they can be.
///
/// ```
/// let text = "Storm Hits Coast\n\nThe storm reached the coast on Monday. Two people died.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// assert_eq!(analysis.schema_version, byline::SCHEMA_VERSION);
/// assert_eq!((analysis.stats.paragraphs, analysis.stats.sentences), (2, 3));
/// let last = &analysis.sentences[2];
/// assert_eq!((last.paragraph, last.text.as_ref()), (1, "Two people died."));
/// assert_eq!(analysis.stats.characters, text.chars().count());
/// ```
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Analysis<'t> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Where the text came from ([`Options::source`](crate::Options::source)).
    pub source: Source,
    /// Counts over the whole text.
    pub stats: Stats,
    /// Paragraphs in text order.
    pub paragraphs: Vec<ParagraphReport>,
    /// Sentences in text order.
    pub sentences: Vec<SentenceReport<'t>>,
    /// Quotations in text order (empty when `only` left out their stage).
    pub quotes: Vec<QuoteReport<'t>>,
    /// Entities, most mentioned first (an entity's id is its index here; empty when
    /// `only` left out their stage).
    pub entities: Vec<EntityReport<'t>>,
    /// Numeric claims in text order (empty when `only` left out their stage).
    pub claims: Vec<ClaimReport<'t>>,
    /// Problems met in the input and the text (invalid UTF-8, an unclosed quotation).
    pub warnings: Vec<String>,
    /// The sections to serialize (`None`: all).
    #[serde(skip)]
    pub only: Option<Vec<Section>>,
}

impl<'t> Analysis<'t> {
    /// Builds the report of an annotated document. The report borrows the document's
    /// text (sentence, quotation and mention texts are slices of it, not copies), so it
    /// outlives the document.
    pub fn from_document(doc: &Document<'t>, options: &crate::Options) -> Analysis<'t> {
        let lists = Lists {
            quotes: doc.quotes.clone(),
            entities: doc.entities.clone(),
            claims: doc.claims.clone(),
        };
        let words = count_words(&doc.tokens);
        Analysis::build(doc, lists, words, options, Stage::Claims)
    }

    /// The report of `doc`, annotated by the stages up to `last`, whose text has `words`
    /// words (`analyze` counts them and frees the tokens, the largest annotation, before
    /// the report is built), and whose quotations, entities and claims are `lists`
    /// (taken out of it by `analyze`, copied by `from_document`), which the report takes
    /// apart.
    pub(crate) fn build(
        doc: &Document<'t>,
        lists: Lists,
        words: usize,
        options: &crate::Options,
        last: Stage,
    ) -> Analysis<'t> {
        let offsets = CharOffsets::new(doc.text);
        let Lists {
            quotes,
            entities,
            claims,
        } = lists;
        let mut warnings = options.warnings.clone();
        warnings.extend(doc.warnings.iter().cloned());
        let stats = Stats {
            characters: offsets.to_char(doc.text.len()),
            words,
            paragraphs: doc.paragraphs.len(),
            sentences: doc.sentences.len(),
            quotes: (last >= Stage::Quotes).then_some(quotes.len()),
            entities: (last >= Stage::Entities).then_some(entities.len()),
            claims: (last >= Stage::Claims).then_some(claims.len()),
            reading_minutes: (words as f64 / WORDS_PER_MINUTE).ceil() as u64,
        };
        // For what names no entity, and for the entities once `conv` is done.
        let plain = Converter {
            doc,
            offsets: &offsets,
            entities: &[],
        };
        let conv = Converter {
            entities: &entities,
            ..plain
        };
        // Before the entities: quotations and claims name their entities.
        let (quotes, claims) = (conv.quotes_from(quotes), conv.claims_from(claims));
        Analysis {
            schema_version: SCHEMA_VERSION,
            source: options.source.clone(),
            stats,
            paragraphs: plain.paragraphs(),
            sentences: plain.sentences(),
            quotes,
            entities: plain.entities_from(entities),
            claims,
            warnings,
            only: options.only.clone(),
        }
    }

    /// Whether `section` is to be printed.
    pub fn shows(&self, section: Section) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.contains(&section))
    }
}

/// The JSON form: the sections `only` leaves out are left out.
impl Serialize for Analysis<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("schema_version", &self.schema_version)?;
        map.serialize_entry("source", &self.source)?;
        map.serialize_entry("stats", &self.stats)?;
        if self.shows(Section::Paragraphs) {
            map.serialize_entry("paragraphs", &self.paragraphs)?;
        }
        if self.shows(Section::Sentences) {
            map.serialize_entry("sentences", &self.sentences)?;
        }
        if self.shows(Section::Quotes) {
            map.serialize_entry("quotes", &self.quotes)?;
        }
        if self.shows(Section::Entities) {
            map.serialize_entry("entities", &self.entities)?;
        }
        if self.shows(Section::Claims) {
            map.serialize_entry("claims", &self.claims)?;
        }
        map.serialize_entry("warnings", &self.warnings)?;
        map.end()
    }
}

/// The words of the text: the word and number tokens.
pub(crate) fn count_words(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// The document's lists that the report takes apart rather than copies.
pub(crate) struct Lists {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
}

/// The reports of `items`, each made by `convert(index, item)`. The items are taken from
/// the end, and the list is handed back to the allocator as it empties, so that a list
/// and its reports, the largest of a text dense with them, are never both whole.
fn convert_from_end<T, R>(mut items: Vec<T>, mut convert: impl FnMut(usize, T) -> R) -> Vec<R> {
    let mut reports = Vec::with_capacity(items.len());
    while let Some(item) = items.pop() {
        reports.push(convert(items.len(), item));
        if items.len() < items.capacity() / 4 * 3 {
            items.shrink_to_fit();
        }
    }
    reports.reverse();
    reports
}

/// Builds report items from the document's annotations, converting byte spans to code
/// point spans.
#[derive(Clone, Copy)]
struct Converter<'d, 't> {
    doc: &'d Document<'t>,
    offsets: &'d CharOffsets<'t>,
    /// The document's entities (wherever they are held), which references name.
    entities: &'d [Entity],
}

impl<'t> Converter<'_, 't> {
    fn start_end(self, span: Span) -> (usize, usize) {
        (
            self.offsets.to_char(span.start()),
            self.offsets.to_char(span.end()),
        )
    }

    fn text_span(self, span: Span) -> TextSpan<'t> {
        let (start, end) = self.start_end(span);
        TextSpan {
            start,
            end,
            text: Cow::Borrowed(self.doc.slice(span)),
        }
    }

    fn entity_ref(self, entity: usize) -> Option<EntityRef<'t>> {
        self.entities.get(entity).map(|e| EntityRef {
            entity,
            name: Cow::Owned(e.name.clone()),
        })
    }

    fn paragraphs(self) -> Vec<ParagraphReport> {
        let paragraph = |p: &Paragraph| {
            let (start, end) = self.start_end(p.span);
            ParagraphReport {
                start,
                end,
                kind: p.kind,
            }
        };
        self.doc.paragraphs.iter().map(paragraph).collect()
    }

    fn sentences(self) -> Vec<SentenceReport<'t>> {
        let sentence = |s: &Sentence| {
            let (start, end) = self.start_end(s.span);
            SentenceReport {
                start,
                end,
                paragraph: s.paragraph(),
                text: Cow::Borrowed(self.doc.slice(s.span)),
            }
        };
        self.doc.sentences.iter().map(sentence).collect()
    }

    fn quotes_from(self, quotes: Vec<Quote>) -> Vec<QuoteReport<'t>> {
        convert_from_end(quotes, |_, q| self.quote(&q))
    }

    fn quote(self, q: &Quote) -> QuoteReport<'t> {
        let (start, end) = self.start_end(q.span);
        let speaker = q.speaker.and_then(|sp| {
            self.entities.get(sp.entity).map(|e| SpeakerReport {
                entity: sp.entity,
                name: Cow::Owned(e.name.clone()),
                mention: sp.mention.map(|m| self.text_span(m)),
            })
        });
        QuoteReport {
            start,
            end,
            text: Cow::Borrowed(self.doc.slice(q.inner)),
            kind: q.kind,
            speaker,
            cue: q.cue.map(|c| self.text_span(c)),
            sentence: q.sentence,
            group: q.group,
            unclosed: q.unclosed,
        }
    }

    /// The reports of `entities`, taken apart: names, aliases and roles move into the
    /// reports, and each entity's mentions are freed once converted, so that a text of
    /// many entities does not hold them twice.
    fn entities_from(self, entities: Vec<Entity>) -> Vec<EntityReport<'t>> {
        // Affiliations are named first: the name of an earlier entity will have moved.
        let named = |(id, e): (usize, &Entity)| {
            let a = e.affiliation?;
            let name = Cow::Owned(entities.get(a)?.name.clone());
            Some((id, EntityRef { entity: a, name }))
        };
        let mut affiliations: Vec<_> = entities.iter().enumerate().filter_map(named).collect();
        convert_from_end(entities, |id, e| {
            let affiliation = match affiliations.last() {
                Some((i, _)) if *i == id => affiliations.pop().map(|(_, a)| a),
                _ => None,
            };
            self.entity_from(id, e, affiliation)
        })
    }

    /// The report of entity `id`, taken apart (see [`Converter::entities_from`]).
    fn entity_from(
        self,
        id: usize,
        e: Entity,
        affiliation: Option<EntityRef<'t>>,
    ) -> EntityReport<'t> {
        EntityReport {
            id,
            name: Cow::Owned(e.name),
            entity_type: e.entity_type,
            mention_count: e.mentions.len(),
            mentions: e.mentions.iter().map(|m| self.mention(m)).collect(),
            aliases: e.aliases,
            roles: e.roles,
            affiliation,
        }
    }

    fn mention(self, m: &Mention) -> MentionReport<'t> {
        let (start, end) = self.start_end(m.span);
        MentionReport {
            start,
            end,
            text: Cow::Borrowed(self.doc.slice(m.span)),
            kind: m.kind,
        }
    }

    fn claims_from(self, claims: Vec<Claim>) -> Vec<ClaimReport<'t>> {
        convert_from_end(claims, |_, c| self.claim(&c))
    }

    fn claim(self, c: &Claim) -> ClaimReport<'t> {
        let (start, end) = self.start_end(c.span());
        ClaimReport {
            start,
            end,
            text: Cow::Borrowed(self.doc.slice(c.span())),
            kind: c.kind(),
            value: c.value().filter(|v| v.is_finite()),
            value_max: c.value_max().filter(|v| v.is_finite()),
            unit: c.unit().map(str::to_string),
            qualifier: c.qualifier(),
            subject: c.subject().map(|s| self.text_span(s)),
            sentence: c.sentence(),
            claimant: c.claimant().and_then(|e| self.entity_ref(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sections `only` leaves out are left out of the JSON, and nothing else is.
    #[test]
    fn json_leaves_out_the_sections_not_shown() {
        let text = include_str!("../fixtures/seed-article.txt");
        let all = serde_json::to_value(crate::analyze(text, &crate::Options::default()));
        let all = all.expect("a report serializes");
        let options = crate::Options {
            only: Some(vec![Section::Claims, Section::Sentences]),
            ..crate::Options::default()
        };
        let some = serde_json::to_value(crate::analyze(text, &options)).expect("serializes");
        let keys = |v: &serde_json::Value| {
            let map = v.as_object().expect("an object");
            map.keys().cloned().collect::<Vec<_>>()
        };
        // serde_json's `Value` keeps its keys sorted.
        let shown = [
            "claims",
            "schema_version",
            "sentences",
            "source",
            "stats",
            "warnings",
        ];
        assert_eq!(keys(&some), shown);
        assert_eq!(keys(&all).len(), 9);
        for key in ["stats", "sentences", "claims"] {
            assert_eq!(some[key], all[key], "{key}");
        }
        assert!(!all["claims"].as_array().is_some_and(Vec::is_empty));
    }

    /// The fixture articles, for comparing runs over real text.
    fn fixture_texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let entries = std::fs::read_dir(dir).expect("fixtures/ is readable");
        let mut paths: Vec<_> = entries
            .map(|e| e.expect("a fixture entry").path())
            .collect();
        paths.retain(|p| p.extension().is_some_and(|ext| ext == "txt"));
        paths.sort();
        let read = |p: &std::path::PathBuf| std::fs::read_to_string(p).expect("a UTF-8 fixture");
        paths.iter().map(read).collect()
    }

    /// Each section reported alone, with only the stages it needs, is exactly the full
    /// run's section; the counts of the stages left out are null and the others agree.
    #[test]
    fn each_section_alone_is_the_full_runs_section() {
        let texts = fixture_texts();
        assert!(texts.len() >= 5);
        for text in &texts {
            let all = serde_json::to_value(crate::analyze(text, &crate::Options::default()));
            let all = all.expect("a report serializes");
            for section in Section::ALL {
                let options = crate::Options {
                    only: Some(vec![section]),
                    ..crate::Options::default()
                };
                let alone = serde_json::to_value(crate::analyze(text, &options));
                let alone = alone.expect("a report serializes");
                let name = section.as_str();
                assert_eq!(alone[name], all[name], "{name}");
                let ran = section.last_stage();
                for (count, stage) in [
                    ("quotes", Stage::Quotes),
                    ("entities", Stage::Entities),
                    ("claims", Stage::Claims),
                ] {
                    let expected = if ran >= stage {
                        all["stats"][count].clone()
                    } else {
                        serde_json::Value::Null
                    };
                    assert_eq!(alone["stats"][count], expected, "{name}: {count}");
                }
                for count in ["characters", "words", "paragraphs", "sentences"] {
                    assert_eq!(alone["stats"][count], all["stats"][count], "{count}");
                }
            }
        }
    }
}
