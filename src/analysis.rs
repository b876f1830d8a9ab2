//! The report: turns an annotated [`Document`] into [`Analysis`], the structure whose JSON
//! form is byline's output contract (schema version 1, documented in the README). All
//! offsets here are Unicode code point offsets into the text, end exclusive.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::str::FromStr;

use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::document::{
    Claim, ClaimKind, Document, Entity, EntityType, Mention, MentionKind, ParagraphKind, Qualifier,
    Quote, QuoteKind, Span, Token, TokenKind,
};
use crate::offsets::CharOffsets;

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
    /// Quotations (each part of a split quotation counts).
    pub quotes: usize,
    /// Entities.
    pub entities: usize,
    /// Numeric claims.
    pub claims: usize,
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
    /// Quotations in text order.
    pub quotes: Vec<QuoteReport<'t>>,
    /// Entities, most mentioned first (an entity's id is its index here).
    pub entities: Vec<EntityReport<'t>>,
    /// Numeric claims in text order.
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
    /// costs little memory beyond the text itself and outlives the document.
    pub fn from_document(doc: &Document<'t>, options: &crate::Options) -> Analysis<'t> {
        let offsets = CharOffsets::new(doc.text);
        let conv = Converter::new(doc, &offsets);
        Analysis {
            paragraphs: conv.paragraphs().collect(),
            sentences: conv.sentences().collect(),
            quotes: conv.quotes().collect(),
            entities: conv.entities().collect(),
            claims: conv.claims().collect(),
            ..Analysis::header(doc, count_words(&doc.tokens), &offsets, options)
        }
    }

    /// The report of an annotated document, like [`Analysis::from_document`], consuming
    /// the document so that each annotation is freed as soon as its section is built: on
    /// a long article the tokens (1.6x the text) and the document's own lists would
    /// otherwise sit beside the report's lists at the peak of memory. `analyze` uses it.
    pub fn from_annotated(doc: Document<'t>, options: &crate::Options) -> Analysis<'t> {
        let mut sections = Collect::default();
        let Ok(header) = build_sections(doc, options, &mut sections);
        Analysis {
            paragraphs: sections.paragraphs,
            sentences: sections.sentences,
            quotes: sections.quotes,
            entities: sections.entities,
            claims: sections.claims,
            ..header
        }
    }

    /// Everything but the five sections (left empty): version, source, counts, warnings.
    fn header(
        doc: &Document,
        words: usize,
        offsets: &CharOffsets,
        options: &crate::Options,
    ) -> Analysis<'t> {
        let mut warnings = options.warnings.clone();
        warnings.extend(doc.warnings.iter().cloned());
        Analysis {
            schema_version: SCHEMA_VERSION,
            source: options.source.clone(),
            stats: Stats {
                characters: offsets.to_char(doc.text.len()),
                words,
                paragraphs: doc.paragraphs.len(),
                sentences: doc.sentences.len(),
                quotes: doc.quotes.len(),
                entities: doc.entities.len(),
                claims: doc.claims.len(),
                reading_minutes: (words as f64 / WORDS_PER_MINUTE).ceil() as u64,
            },
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            claims: Vec::new(),
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

impl Serialize for Analysis<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let mut sections = MapSections::new(&mut map);
        sections.head(self)?;
        sections.entry(Section::Paragraphs, &self.paragraphs)?;
        sections.entry(Section::Sentences, &self.sentences)?;
        sections.entry(Section::Quotes, &self.quotes)?;
        sections.entry(Section::Entities, &self.entities)?;
        sections.entry(Section::Claims, &self.claims)?;
        sections.tail(self)?;
        map.end()
    }
}

/// The report of an annotated document as a value to serialize (with serde_json's pretty
/// writer, say), which builds each item as it is serialized and frees the document's
/// annotations as it goes, like `json::write_annotated`: the same output as serializing
/// `Analysis::from_annotated(doc, options)`, without ever holding the whole report. It
/// consumes the document, so it can be serialized once; a second time is an error.
pub struct StreamedAnalysis<'t, 'o> {
    doc: Cell<Option<Document<'t>>>,
    options: &'o crate::Options,
}

impl<'t, 'o> StreamedAnalysis<'t, 'o> {
    /// The report of `doc`, to serialise once.
    pub fn new(doc: Document<'t>, options: &'o crate::Options) -> StreamedAnalysis<'t, 'o> {
        StreamedAnalysis {
            doc: Cell::new(Some(doc)),
            options,
        }
    }
}

impl Serialize for StreamedAnalysis<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(doc) = self.doc.take() else {
            return Err(S::Error::custom(
                "a streamed report can be serialized only once",
            ));
        };
        let mut map = serializer.serialize_map(None)?;
        let mut sections = MapSections::new(&mut map);
        let header = build_sections(doc, self.options, &mut sections)?;
        sections.tail(&header)?;
        map.end()
    }
}

/// Serializes a report into a serde map: the header's entries, each section the header
/// shows, and the warnings. Both `Analysis` and [`StreamedAnalysis`] serialize through it.
struct MapSections<'m, M> {
    map: &'m mut M,
    /// The sections the header says to show.
    shown: Vec<Section>,
}

impl<'m, M: SerializeMap> MapSections<'m, M> {
    fn new(map: &'m mut M) -> Self {
        MapSections {
            map,
            shown: Vec::new(),
        }
    }

    fn head(&mut self, header: &Analysis) -> Result<(), M::Error> {
        self.shown = Section::ALL
            .into_iter()
            .filter(|&section| header.shows(section))
            .collect();
        self.map
            .serialize_entry("schema_version", &header.schema_version)?;
        self.map.serialize_entry("source", &header.source)?;
        self.map.serialize_entry("stats", &header.stats)
    }

    fn entry<T: Serialize + ?Sized>(
        &mut self,
        section: Section,
        items: &T,
    ) -> Result<(), M::Error> {
        if !self.shown.contains(&section) {
            return Ok(());
        }
        self.map.serialize_entry(section.as_str(), items)
    }

    fn tail(&mut self, header: &Analysis) -> Result<(), M::Error> {
        self.map.serialize_entry("warnings", &header.warnings)
    }
}

impl<'t, M: SerializeMap> SectionSink<'t> for MapSections<'_, M> {
    type Error = M::Error;
    fn header(&mut self, header: &Analysis<'t>) -> Result<(), M::Error> {
        self.head(header)
    }
    fn paragraphs(&mut self, items: impl Iterator<Item = ParagraphReport>) -> Result<(), M::Error> {
        self.entry(Section::Paragraphs, &Items::new(items))
    }
    fn sentences(
        &mut self,
        items: impl Iterator<Item = SentenceReport<'t>>,
    ) -> Result<(), M::Error> {
        self.entry(Section::Sentences, &Items::new(items))
    }
    fn quotes(&mut self, items: impl Iterator<Item = QuoteReport<'t>>) -> Result<(), M::Error> {
        self.entry(Section::Quotes, &Items::new(items))
    }
    fn entities(&mut self, items: impl Iterator<Item = EntityReport<'t>>) -> Result<(), M::Error> {
        self.entry(Section::Entities, &Items::new(items))
    }
    fn claims(&mut self, items: impl Iterator<Item = ClaimReport<'t>>) -> Result<(), M::Error> {
        self.entry(Section::Claims, &Items::new(items))
    }
}

/// A section's items, serialized as a sequence as they are built (once).
struct Items<I>(Cell<Option<I>>);

impl<I> Items<I> {
    fn new(items: I) -> Self {
        Items(Cell::new(Some(items)))
    }
}

impl<I: Iterator<Item: Serialize>> Serialize for Items<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.take() {
            Some(items) => serializer.collect_seq(items),
            None => Err(S::Error::custom("a section can be serialized only once")),
        }
    }
}

/// Receives the report's sections one at a time, in the JSON's key order, each as an
/// iterator that builds its items as they are taken (see [`build_sections`]).
pub(crate) trait SectionSink<'t> {
    type Error;
    /// Receives the report without its sections, before them.
    fn header(&mut self, _header: &Analysis<'t>) -> Result<(), Self::Error> {
        Ok(())
    }
    fn paragraphs(
        &mut self,
        items: impl Iterator<Item = ParagraphReport>,
    ) -> Result<(), Self::Error>;
    fn sentences(
        &mut self,
        items: impl Iterator<Item = SentenceReport<'t>>,
    ) -> Result<(), Self::Error>;
    fn quotes(&mut self, items: impl Iterator<Item = QuoteReport<'t>>) -> Result<(), Self::Error>;
    fn entities(
        &mut self,
        items: impl Iterator<Item = EntityReport<'t>>,
    ) -> Result<(), Self::Error>;
    fn claims(&mut self, items: impl Iterator<Item = ClaimReport<'t>>) -> Result<(), Self::Error>;
}

/// Hands the report of `doc` to `sink`, the header first and then the sections in the
/// JSON's key order, freeing each of the document's annotations as soon as nothing left to
/// build reads it; returns the header. The tokens (the largest list) are freed once
/// counted, before the offset table is built: a sink that writes the items out
/// (`json::write_annotated`) then holds one item at a time and memory only falls from
/// where the report started; one that keeps them (`from_annotated`) fills the room the
/// document frees.
pub(crate) fn build_sections<'t, S: SectionSink<'t>>(
    mut doc: Document<'t>,
    options: &crate::Options,
    sink: &mut S,
) -> Result<Analysis<'t>, S::Error> {
    let words = count_words(&doc.tokens);
    doc.tokens = Vec::new();
    doc.people_by_role = Default::default();
    let offsets = CharOffsets::new(doc.text);
    let header = Analysis::header(&doc, words, &offsets, options);
    sink.header(&header)?;
    sink.paragraphs(Converter::new(&doc, &offsets).paragraphs())?;
    doc.paragraphs = Vec::new();
    sink.sentences(Converter::new(&doc, &offsets).sentences())?;
    doc.sentences = Vec::new();
    sink.quotes(Converter::new(&doc, &offsets).quotes())?;
    doc.quotes = Vec::new();
    sink.entities(Converter::new(&doc, &offsets).entities())?;
    // The claims name their claimants: of the entities, only the names stay.
    for entity in &mut doc.entities {
        entity.mentions = Vec::new();
    }
    sink.claims(Converter::new(&doc, &offsets).claims())?;
    Ok(header)
}

/// The words of the text: the word and number tokens.
fn count_words(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count()
}

/// The sink of [`Analysis::from_annotated`]: keeps every section.
#[derive(Default)]
struct Collect<'t> {
    paragraphs: Vec<ParagraphReport>,
    sentences: Vec<SentenceReport<'t>>,
    quotes: Vec<QuoteReport<'t>>,
    entities: Vec<EntityReport<'t>>,
    claims: Vec<ClaimReport<'t>>,
}

impl<'t> SectionSink<'t> for Collect<'t> {
    type Error = std::convert::Infallible;
    fn paragraphs(
        &mut self,
        items: impl Iterator<Item = ParagraphReport>,
    ) -> Result<(), Self::Error> {
        self.paragraphs = items.collect();
        Ok(())
    }
    fn sentences(
        &mut self,
        items: impl Iterator<Item = SentenceReport<'t>>,
    ) -> Result<(), Self::Error> {
        self.sentences = items.collect();
        Ok(())
    }
    fn quotes(&mut self, items: impl Iterator<Item = QuoteReport<'t>>) -> Result<(), Self::Error> {
        self.quotes = items.collect();
        Ok(())
    }
    fn entities(
        &mut self,
        items: impl Iterator<Item = EntityReport<'t>>,
    ) -> Result<(), Self::Error> {
        self.entities = items.collect();
        Ok(())
    }
    fn claims(&mut self, items: impl Iterator<Item = ClaimReport<'t>>) -> Result<(), Self::Error> {
        self.claims = items.collect();
        Ok(())
    }
}

/// Builds report items from the document's annotations, converting byte spans to code
/// point spans. Each section is an iterator, so that a caller may write the items out
/// one at a time rather than hold them all.
#[derive(Clone, Copy)]
struct Converter<'d, 't> {
    doc: &'d Document<'t>,
    offsets: &'d CharOffsets<'t>,
}

impl<'d, 't> Converter<'d, 't> {
    fn new(doc: &'d Document<'t>, offsets: &'d CharOffsets<'t>) -> Self {
        Converter { doc, offsets }
    }

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
        self.doc.entities.get(entity).map(|e| EntityRef {
            entity,
            name: Cow::Owned(e.name.clone()),
        })
    }

    fn paragraphs(self) -> impl Iterator<Item = ParagraphReport> + 'd {
        self.doc.paragraphs.iter().map(move |p| {
            let (start, end) = self.start_end(p.span);
            ParagraphReport {
                start,
                end,
                kind: p.kind,
            }
        })
    }

    fn sentences(self) -> impl Iterator<Item = SentenceReport<'t>> + 'd {
        self.doc.sentences.iter().map(move |s| {
            let (start, end) = self.start_end(s.span);
            SentenceReport {
                start,
                end,
                paragraph: s.paragraph(),
                text: Cow::Borrowed(self.doc.slice(s.span)),
            }
        })
    }

    fn quotes(self) -> impl Iterator<Item = QuoteReport<'t>> + 'd {
        self.doc.quotes.iter().map(move |q| self.quote(q))
    }

    fn quote(self, q: &Quote) -> QuoteReport<'t> {
        let (start, end) = self.start_end(q.span);
        let speaker = q.speaker.and_then(|sp| {
            self.doc.entities.get(sp.entity).map(|e| SpeakerReport {
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

    fn entities(self) -> impl Iterator<Item = EntityReport<'t>> + 'd {
        self.doc
            .entities
            .iter()
            .enumerate()
            .map(move |(id, e)| self.entity(id, e))
    }

    fn entity(self, id: usize, e: &Entity) -> EntityReport<'t> {
        EntityReport {
            id,
            name: Cow::Owned(e.name.clone()),
            entity_type: e.entity_type,
            mention_count: e.mentions.len(),
            mentions: e.mentions.iter().map(|m| self.mention(m)).collect(),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            affiliation: e.affiliation.and_then(|a| self.entity_ref(a)),
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

    fn claims(self) -> impl Iterator<Item = ClaimReport<'t>> + 'd {
        self.doc.claims.iter().map(move |c| self.claim(c))
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

    /// Freeing the document's annotations while the report is built must not change the
    /// report: each section is built before what it reads is dropped.
    #[test]
    fn consuming_the_document_gives_the_same_report() {
        let texts = [
            include_str!("../fixtures/seed-article.txt"),
            include_str!("../fixtures/wikinews-interview-peres.txt"),
            include_str!("../fixtures/mixed-scripts.txt"),
            "",
        ];
        let options = crate::Options::default();
        for text in texts {
            let doc = crate::annotate(text);
            let borrowed = Analysis::from_document(&doc, &options);
            let consumed = Analysis::from_annotated(doc, &options);
            assert_eq!(borrowed, consumed);
            assert!(text.is_empty() || !consumed.entities.is_empty());
        }
    }

    /// Serializing the report as it is built gives what serializing the whole report
    /// gives, pretty or compact, whatever sections are shown.
    #[test]
    fn streamed_analysis_serializes_as_the_whole_report() {
        let texts = [
            include_str!("../fixtures/seed-article.txt"),
            include_str!("../fixtures/mixed-scripts.txt"),
            "Tab\there, \"quoted\" \\ back\u{1}slash. “We won,” Ann Lee said.",
            "",
        ];
        for only in [None, Some(vec![Section::Entities, Section::Sentences])] {
            let options = crate::Options {
                only,
                warnings: vec!["a \"warning\"".into()],
                ..crate::Options::default()
            };
            for text in texts {
                let whole = crate::analyze(text, &options);
                let streamed = StreamedAnalysis::new(crate::annotate(text), &options);
                let pretty = serde_json::to_string_pretty(&streamed).unwrap();
                assert_eq!(pretty, serde_json::to_string_pretty(&whole).unwrap());
                let streamed = StreamedAnalysis::new(crate::annotate(text), &options);
                let compact = serde_json::to_string(&streamed).unwrap();
                assert_eq!(compact, serde_json::to_string(&whole).unwrap());
                assert!(serde_json::to_string(&streamed).is_err(), "serialized once");
            }
        }
    }
}
