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
pub struct TextSpan<'t> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'t, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParagraphReport {
    pub start: usize,
    pub end: usize,
    /// `body`, `heading` or `boilerplate`.
    pub kind: ParagraphKind,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceReport<'t> {
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    pub text: Cow<'t, str>,
}

/// An entity reference: its id (index into `entities`) and full name.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityRef<'t> {
    pub entity: usize,
    pub name: Cow<'t, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SpeakerReport<'t> {
    pub entity: usize,
    pub name: Cow<'t, str>,
    /// The mention that names the speaker at this quotation (name, pronoun or description).
    pub mention: Option<TextSpan<'t>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteReport<'t> {
    /// Including the quote marks.
    pub start: usize,
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: Cow<'t, str>,
    /// `direct`, `partial` or `scare`.
    pub kind: QuoteKind,
    pub speaker: Option<SpeakerReport<'t>>,
    pub cue: Option<TextSpan<'t>>,
    /// Index into `sentences` of the sentence where the quotation starts.
    pub sentence: usize,
    /// Parts of one utterance (a split quotation, or one running over paragraphs) share
    /// a group number.
    pub group: usize,
    /// True when the closing mark is missing (the quotation stops at its paragraph's end).
    pub unclosed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MentionReport<'t> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'t, str>,
    /// `name`, `title`, `description` or `pronoun`.
    pub kind: MentionKind,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityReport<'t> {
    /// The entity's index in `entities`; entities are sorted by salience.
    pub id: usize,
    pub name: Cow<'t, str>,
    /// `person`, `organization`, `place` or `other`.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub mention_count: usize,
    pub mentions: Vec<MentionReport<'t>>,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub affiliation: Option<EntityRef<'t>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClaimReport<'t> {
    pub start: usize,
    pub end: usize,
    pub text: Cow<'t, str>,
    pub kind: ClaimKind,
    pub value: Option<f64>,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    /// `exact`, `approximate`, `upper_bound`, `lower_bound`, or null when unqualified.
    pub qualifier: Option<Qualifier>,
    pub subject: Option<TextSpan<'t>>,
    pub sentence: usize,
    pub claimant: Option<EntityRef<'t>>,
}

/// The analysis of one text: schema version 1.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Analysis<'t> {
    pub schema_version: u32,
    pub source: Source,
    pub stats: Stats,
    pub paragraphs: Vec<ParagraphReport>,
    pub sentences: Vec<SentenceReport<'t>>,
    pub quotes: Vec<QuoteReport<'t>>,
    pub entities: Vec<EntityReport<'t>>,
    pub claims: Vec<ClaimReport<'t>>,
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
        Analysis::build(doc, count_words(&doc.tokens), options)
    }

    /// The report of `doc`, whose text has `words` words (`analyze` counts them and
    /// frees the tokens, the largest annotation, before the report is built).
    pub(crate) fn build(
        doc: &Document<'t>,
        words: usize,
        options: &crate::Options,
    ) -> Analysis<'t> {
        let offsets = CharOffsets::new(doc.text);
        let conv = Converter {
            doc,
            offsets: &offsets,
        };
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

/// Builds report items from the document's annotations, converting byte spans to code
/// point spans.
#[derive(Clone, Copy)]
struct Converter<'d, 't> {
    doc: &'d Document<'t>,
    offsets: &'d CharOffsets<'t>,
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
        self.doc.entities.get(entity).map(|e| EntityRef {
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

    fn quotes(self) -> Vec<QuoteReport<'t>> {
        self.doc.quotes.iter().map(|q| self.quote(q)).collect()
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

    fn entities(self) -> Vec<EntityReport<'t>> {
        let entities = self.doc.entities.iter().enumerate();
        entities.map(|(id, e)| self.entity(id, e)).collect()
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

    fn claims(self) -> Vec<ClaimReport<'t>> {
        self.doc.claims.iter().map(|c| self.claim(c)).collect()
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
}
