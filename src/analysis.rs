//! The report: turns an annotated [`Document`] into [`Analysis`], the structure whose JSON
//! form is byline's output contract (schema version 1, documented in the README). All
//! offsets here are Unicode code point offsets into the text, end exclusive.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::offsets::CharOffsets;

pub const SCHEMA_VERSION: u32 = 1;

/// Average silent reading speed used for `stats.reading_minutes`.
const WORDS_PER_MINUTE: f64 = 238.0;

/// A section of the report that `--only` can select.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Paragraphs,
    Sentences,
    Quotes,
    Entities,
    Claims,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Paragraphs,
        Section::Sentences,
        Section::Quotes,
        Section::Entities,
        Section::Claims,
    ];

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
    /// The record's `id` when read from JSON Lines, else null.
    pub id: Option<serde_json::Value>,
    /// The record's other fields when read from JSON Lines, else empty.
    pub meta: BTreeMap<String, serde_json::Value>,
}

impl Default for Source {
    fn default() -> Source {
        Source {
            path: "-".to_string(),
            id: None,
            meta: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Stats {
    pub characters: usize,
    pub words: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub quotes: usize,
    pub entities: usize,
    pub claims: usize,
    /// Estimated reading time at 238 words a minute, rounded up to a whole minute.
    pub reading_minutes: u64,
}

/// A span of the text with its text, for mentions, cues and subjects.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParagraphReport {
    pub start: usize,
    pub end: usize,
    /// `body`, `heading` or `boilerplate`.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceReport {
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    pub text: String,
}

/// An entity reference: its id (index into `entities`) and full name.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityRef {
    pub entity: usize,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpeakerReport {
    pub entity: usize,
    pub name: String,
    /// The mention that names the speaker at this quotation (name, pronoun or description).
    pub mention: Option<TextSpan>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteReport {
    /// Including the quote marks.
    pub start: usize,
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: String,
    /// `direct`, `partial` or `scare`.
    pub kind: String,
    pub speaker: Option<SpeakerReport>,
    pub cue: Option<TextSpan>,
    /// Index into `sentences` of the sentence where the quotation starts.
    pub sentence: usize,
    /// Parts of one utterance (a split quotation, or one running over paragraphs) share
    /// a group number.
    pub group: usize,
    /// True when the closing mark is missing (the quotation stops at its paragraph's end).
    pub unclosed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MentionReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `name`, `title`, `description` or `pronoun`.
    pub kind: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityReport {
    /// The entity's index in `entities`; entities are sorted by salience.
    pub id: usize,
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    #[serde(rename = "type")]
    pub entity_type: String,
    pub mention_count: usize,
    pub mentions: Vec<MentionReport>,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<EntityRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: String,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    /// `exact`, `approximate`, `upper_bound`, `lower_bound`, or null when unqualified.
    pub qualifier: Option<String>,
    pub subject: Option<TextSpan>,
    pub sentence: usize,
    pub claimant: Option<EntityRef>,
}

/// The analysis of one text: schema version 1.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Analysis {
    pub schema_version: u32,
    pub source: Source,
    pub stats: Stats,
    pub paragraphs: Vec<ParagraphReport>,
    pub sentences: Vec<SentenceReport>,
    pub quotes: Vec<QuoteReport>,
    pub entities: Vec<EntityReport>,
    pub claims: Vec<ClaimReport>,
    pub warnings: Vec<String>,
    /// The sections to serialize (`None`: all).
    #[serde(skip)]
    pub only: Option<Vec<Section>>,
}

impl Analysis {
    /// Builds the report of an annotated document.
    pub fn from_document(doc: &Document, options: &crate::Options) -> Analysis {
        let conv = Converter {
            doc,
            offsets: CharOffsets::new(doc.text),
        };
        let mut warnings = options.warnings.clone();
        warnings.extend(doc.warnings.iter().cloned());
        let words = doc
            .tokens
            .iter()
            .filter(|t| {
                matches!(
                    t.kind,
                    crate::document::TokenKind::Word | crate::document::TokenKind::Number
                )
            })
            .count();
        Analysis {
            schema_version: SCHEMA_VERSION,
            source: options.source.clone(),
            stats: Stats {
                characters: conv.offsets.to_char(doc.text.len()),
                words,
                paragraphs: doc.paragraphs.len(),
                sentences: doc.sentences.len(),
                quotes: doc.quotes.len(),
                entities: doc.entities.len(),
                claims: doc.claims.len(),
                reading_minutes: (words as f64 / WORDS_PER_MINUTE).ceil() as u64,
            },
            paragraphs: conv.paragraphs(),
            sentences: conv.sentences(),
            quotes: conv.quotes(),
            entities: conv.entities(),
            claims: conv.claims(),
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

impl Serialize for Analysis {
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

/// Converts byte spans to code point spans.
struct Converter<'d, 't> {
    doc: &'d Document<'t>,
    offsets: CharOffsets<'t>,
}

impl Converter<'_, '_> {
    fn start_end(&self, span: Span) -> (usize, usize) {
        (
            self.offsets.to_char(span.start),
            self.offsets.to_char(span.end),
        )
    }

    fn text_span(&self, span: Span) -> TextSpan {
        let (start, end) = self.start_end(span);
        TextSpan {
            start,
            end,
            text: self.doc.slice(span).to_string(),
        }
    }

    fn entity_ref(&self, entity: usize) -> Option<EntityRef> {
        self.doc.entities.get(entity).map(|e| EntityRef {
            entity,
            name: e.name.clone(),
        })
    }

    fn paragraphs(&self) -> Vec<ParagraphReport> {
        self.doc
            .paragraphs
            .iter()
            .map(|p| {
                let (start, end) = self.start_end(p.span);
                ParagraphReport {
                    start,
                    end,
                    kind: p.kind.as_str().to_string(),
                }
            })
            .collect()
    }

    fn sentences(&self) -> Vec<SentenceReport> {
        self.doc
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = self.start_end(s.span);
                SentenceReport {
                    start,
                    end,
                    paragraph: s.paragraph,
                    text: self.doc.slice(s.span).to_string(),
                }
            })
            .collect()
    }

    fn quotes(&self) -> Vec<QuoteReport> {
        self.doc
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = self.start_end(q.span);
                let speaker = q.speaker.and_then(|sp| {
                    self.doc.entities.get(sp.entity).map(|e| SpeakerReport {
                        entity: sp.entity,
                        name: e.name.clone(),
                        mention: sp.mention.map(|m| self.text_span(m)),
                    })
                });
                QuoteReport {
                    start,
                    end,
                    text: self.doc.slice(q.inner).to_string(),
                    kind: q.kind.as_str().to_string(),
                    speaker,
                    cue: q.cue.map(|c| self.text_span(c)),
                    sentence: q.sentence,
                    group: q.group,
                    unclosed: q.unclosed,
                }
            })
            .collect()
    }

    fn entities(&self) -> Vec<EntityReport> {
        self.doc
            .entities
            .iter()
            .enumerate()
            .map(|(id, e)| EntityReport {
                id,
                name: e.name.clone(),
                entity_type: e.entity_type.as_str().to_string(),
                mention_count: e.mentions.len(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let (start, end) = self.start_end(m.span);
                        MentionReport {
                            start,
                            end,
                            text: self.doc.slice(m.span).to_string(),
                            kind: m.kind.as_str().to_string(),
                        }
                    })
                    .collect(),
                aliases: e.aliases.clone(),
                roles: e.roles.clone(),
                affiliation: e.affiliation.and_then(|a| self.entity_ref(a)),
            })
            .collect()
    }

    fn claims(&self) -> Vec<ClaimReport> {
        self.doc
            .claims
            .iter()
            .map(|c| {
                let (start, end) = self.start_end(c.span);
                ClaimReport {
                    start,
                    end,
                    text: self.doc.slice(c.span).to_string(),
                    kind: c.kind.to_string(),
                    value: c.value.filter(|v| v.is_finite()),
                    value_max: c.value_max.filter(|v| v.is_finite()),
                    unit: c.unit.clone(),
                    qualifier: c.qualifier.map(|q| q.as_str().to_string()),
                    subject: c.subject.map(|s| self.text_span(s)),
                    sentence: c.sentence,
                    claimant: c.claimant.and_then(|e| self.entity_ref(e)),
                }
            })
            .collect()
    }
}
