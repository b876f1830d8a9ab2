//! The document model: the text and, as byte spans into it, every annotation the stages
//! add. Each stage owns one group of fields and reads the groups filled before it:
//! `segment` fills `paragraphs`, `tokens` and `sentences`; `quotes` fills `quotes`;
//! `entities` fills `entities`; `attribution` sets the speakers of `quotes` (and may add
//! pronoun and description mentions to `entities`); `claims` fills `claims`.
//!
//! Spans are byte offsets (so slicing is cheap and always on `char` boundaries); the report
//! converts them to code point offsets once, at the end (see `offsets`).

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// `Display` of the report's enums: the name the JSON report gives them.
macro_rules! display_as_str {
    ($($kind:ty),*) => {$(
        impl fmt::Display for $kind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

display_as_str!(
    ParagraphKind,
    QuoteKind,
    EntityType,
    MentionKind,
    Qualifier,
    ClaimKind
);

/// A half-open byte range `[start, end)` of the document text, on `char` boundaries.
/// Stored on 32 bits each (a document's text is at most 4 GiB): spans are in every
/// annotation, and a long text has millions of them.
///
/// ```
/// let doc = byline::annotate("Prices rose 5% in May.");
/// let claim = doc.claims[0].span();
/// assert_eq!(doc.slice(claim), "5%");
/// assert_eq!((claim.start(), claim.end(), claim.len()), (12, 14, 2));
/// assert!(doc.sentences[0].span.contains(claim));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The span `[start, end)`; offsets beyond 4 GiB are clamped to `u32::MAX` (a
    /// document never holds such a text: see [`Document::new`]).
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: narrow(start),
            end: narrow(end),
        }
    }
    /// The first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// The byte after the last one.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// The byte range, for slicing the text.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
    /// The length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a paragraph is: article text, a heading, or boilerplate around the article.
///
/// ```
/// use byline::ParagraphKind;
///
/// let text = "Storm Hits Coast\n\nThe storm reached the coast on Monday, officials said.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let kinds: Vec<ParagraphKind> = analysis.paragraphs.iter().map(|p| p.kind).collect();
/// assert_eq!(kinds, [ParagraphKind::Heading, ParagraphKind::Body]);
/// assert_eq!(ParagraphKind::Heading.as_str(), "heading");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Article text.
    Body,
    /// A headline or section heading: a short line without sentence-final punctuation,
    /// or a quoted headline.
    Heading,
    /// Text about the article rather than of it: source and credit lines, prompts such
    /// as "Read more", a trailing author bio.
    Boilerplate,
}

impl ParagraphKind {
    /// The kind's name in the report ("body", "heading", "boilerplate").
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Boilerplate => "boilerplate",
        }
    }
}

/// A paragraph of the text (paragraphs are separated by blank lines). Its sentence range is stored on 32 bits (read through
/// [`Paragraph::sentences`]), like every index of an annotation kept per sentence or
/// paragraph: a long text has millions of them, and fewer than 2^32 tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text without its surrounding whitespace.
    pub span: Span,
    /// Article text, heading or boilerplate.
    pub kind: ParagraphKind,
    first_sentence: u32,
    end_sentence: u32,
}

impl Paragraph {
    /// A body paragraph over `span`, its sentences not yet known.
    pub(crate) fn new(span: Span) -> Paragraph {
        Paragraph {
            span,
            kind: ParagraphKind::Body,
            first_sentence: 0,
            end_sentence: 0,
        }
    }

    /// The sentences of this paragraph, as indices into `Document::sentences`.
    #[inline]
    pub fn sentences(&self) -> Range<usize> {
        self.first_sentence as usize..self.end_sentence as usize
    }

    pub(crate) fn set_sentences(&mut self, sentences: Range<usize>) {
        self.first_sentence = narrow(sentences.start);
        self.end_sentence = narrow(sentences.end);
    }
}

/// An index, count or offset on 32 bits, as the compact annotations store them: clamped,
/// never wrapped (a document holds at most [`MAX_TEXT_BYTES`] of text, so no index of
/// its annotations reaches the clamp).
#[inline]
pub(crate) fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("don’t", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("5,000", "3.5", "1990s").
    Number,
    /// A quotation mark or an apostrophe standing alone (see `quotes` for which is which).
    QuoteMark,
    /// Any other single non-space character.
    Punct,
}

/// A word, number or punctuation mark of the text (read its span through
/// [`Token::span`]).
///
/// Stored compactly: a document has about one token per five bytes of text, so the token
/// array is the largest annotation and its size sets byline's memory use (6 bytes per
/// token: a 32-bit start, an 8-bit length and the kind, packed without padding; the text
/// is at most 4 GiB long and a token at most 255 bytes: the tokenizer cuts longer runs).
#[derive(Debug, Clone, Copy)]
#[repr(C, packed(2))]
pub struct Token {
    start: u32,
    len: u8,
    /// Word, number, quotation mark or other punctuation.
    pub kind: TokenKind,
}

/// The longest text a [`Document`] holds: token offsets are stored on 32 bits.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// The longest token: the tokenizer cuts longer runs (a URL-like blob, a 10 MB line
/// without spaces) into tokens of at most this many bytes. No word of a news text comes
/// near it, and one byte of length instead of two keeps a token at six bytes.
pub const MAX_TOKEN_BYTES: usize = u8::MAX as usize;

impl Token {
    /// A token over `span`, which must lie within a text of at most [`MAX_TEXT_BYTES`] and
    /// be at most [`MAX_TOKEN_BYTES`] long (beyond that, the offsets are clamped, never
    /// wrapped).
    pub(crate) fn new(span: Span, kind: TokenKind) -> Token {
        Token {
            start: span.start,
            len: u8::try_from(span.len()).unwrap_or(u8::MAX),
            kind,
        }
    }

    /// Where the token is in the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// Its first byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte after its last one.
    #[inline]
    pub fn end(&self) -> usize {
        self.start as usize + self.len as usize
    }
}

/// A sentence: its span, paragraph and tokens (indices on 32 bits, read through
/// [`Sentence::paragraph`] and [`Sentence::tokens`]; 20 bytes a sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, from its first token to its last.
    pub span: Span,
    paragraph: u32,
    first_token: u32,
    end_token: u32,
}

impl Sentence {
    pub(crate) fn new(span: Span, paragraph: usize, tokens: Range<usize>) -> Sentence {
        Sentence {
            span,
            paragraph: narrow(paragraph),
            first_token: narrow(tokens.start),
            end_token: narrow(tokens.end),
        }
    }

    /// The index of its paragraph in `Document::paragraphs`.
    #[inline]
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// The sentence's tokens, as indices into `Document::tokens`.
    #[inline]
    pub fn tokens(&self) -> Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// What a quotation is: reported speech, a few quoted words inside a sentence, or words
/// set off in quotation marks without being anyone's speech.
///
/// ```
/// use byline::QuoteKind;
///
/// let text = "“We will rebuild,” the mayor said. Critics called the plan “a fantasy”.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let kinds: Vec<QuoteKind> = analysis.quotes.iter().map(|q| q.kind).collect();
/// assert_eq!(kinds, [QuoteKind::Direct, QuoteKind::Partial]);
/// assert_eq!(QuoteKind::Partial.to_string(), "partial");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Someone's words, quoted as a whole sentence or more.
    Direct,
    /// A few quoted words within the writer's own sentence.
    Partial,
    /// Quotation marks that distance the writer from a word ("so-called"), not speech.
    Scare,
}

impl QuoteKind {
    /// The kind's name in the report ("direct", "partial", "scare").
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// Who said a quotation: an entity, and the mention that names it at this quotation (a
/// name, a pronoun or a description), when there is one in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker, as an index into `Document::entities`.
    pub entity: usize,
    /// The words that name the speaker at this quotation.
    pub mention: Option<Span>,
}

/// A quotation: its marks and words, its kind and, when the text says, its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the closing mark, both included (or to the end of the
    /// paragraph for an unclosed quotation).
    pub span: Span,
    /// The quoted words, without the marks.
    pub inner: Span,
    /// Direct, partial or scare quotation.
    pub kind: QuoteKind,
    /// The sentence the quotation starts in.
    pub sentence: usize,
    /// Parts of one utterance (split or multi-paragraph quotations) share a group number;
    /// a quotation on its own has a group of its own. Groups are numbered from 0 in order.
    pub group: usize,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
    /// The reporting word ("said", "according to") that ties the speaker to the quotation.
    pub cue: Option<Span>,
    /// Set when the closing mark is missing.
    pub unclosed: bool,
    /// Where it sits and the cues around it, found once by `quotes` for itself and for
    /// `attribution`.
    pub(crate) context: QuoteContext,
}

/// A reporting cue in the text ("said", "according to"): its span and its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    /// Its first token.
    pub first: usize,
    /// How many tokens it covers.
    pub len: usize,
}

impl Cue {
    /// The index of the token after the cue.
    pub fn after(&self) -> usize {
        self.first + self.len
    }
}

/// An attribution right after a quotation ("…,” he said; "…,” said Max Bergmann).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterCue {
    pub cue: Cue,
    /// The first token after the punctuation that follows the closing mark: the speaker
    /// phrase runs from there to the cue, or follows the cue when it comes first.
    pub first: usize,
    /// End (exclusive) of the tokens the speaker may be found in.
    pub limit: usize,
}

/// A quotation's place among the tokens, sentences and paragraphs, and its cues.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteContext {
    /// Its first token (the opening mark).
    pub first_token: usize,
    /// The first token after it.
    pub end_token: usize,
    /// The sentence it starts in.
    pub sentence: usize,
    /// Its paragraph, as an index into `Document::paragraphs`.
    pub paragraph: usize,
    /// The tokens of its paragraph.
    pub paragraph_tokens: Range<usize>,
    /// The tokens before it where its cue may be: the rest of its sentence (or the
    /// sentence before, when it opens its sentence right after a colon or comma).
    pub before: Range<usize>,
    /// The last active cue in `before`, outside other quotations.
    pub cue_before: Option<Cue>,
    /// The attribution right after it, if any.
    pub after: Option<AfterCue>,
    /// For the words of an interview transcript, which have no quotation marks: the
    /// speaker label opening their paragraph ("Q", "A", "LOWE").
    pub label: Option<Span>,
    /// For a quotation in a headline: a later quotation of the article that repeats
    /// its words (an index into `Document::quotes`).
    pub echo_of: Option<usize>,
}

/// What an entity is.
///
/// ```
/// use byline::EntityType;
///
/// let text = "Maria Lopez, a spokeswoman for the World Bank, spoke in Nairobi on Tuesday.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let typed: Vec<(&str, EntityType)> = analysis
///     .entities
///     .iter()
///     .map(|e| (e.name.as_ref(), e.entity_type))
///     .collect();
/// assert!(typed.contains(&("Maria Lopez", EntityType::Person)));
/// assert!(typed.contains(&("World Bank", EntityType::Organization)));
/// assert!(typed.contains(&("Nairobi", EntityType::Place)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    /// A person ("Volodymyr Zelensky").
    Person,
    /// A company, institution, party, team or other body ("the World Bank").
    Organization,
    /// A country, city, region or other place ("Kyiv").
    Place,
    /// A name of none of these kinds (an event such as the Olympics, a product such as
    /// Windows 10).
    Other,
}

impl EntityType {
    /// The type's name in the report ("person", "organization", "place", "other").
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Other => "other",
        }
    }
}

/// A person's grammatical gender as the text signals it (given name, Mr/Ms, he/she), for
/// resolving pronouns; added by the entities stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Male ("Mr", "he", a male given name).
    Male,
    /// Female ("Ms", "she", a female given name).
    Female,
}

impl Gender {
    /// "male" or "female".
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// How a mention refers to its entity.
///
/// ```
/// use byline::MentionKind;
///
/// let text = "President Joe Biden spoke on Monday. “We are ready,” he said.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let biden = &analysis.entities[0];
/// assert_eq!(biden.name, "Joe Biden");
/// let kinds: Vec<MentionKind> = biden.mentions.iter().map(|m| m.kind).collect();
/// assert_eq!(kinds, [MentionKind::Title, MentionKind::Name, MentionKind::Pronoun]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name ("Zelensky", "Volodymyr Zelensky").
    Name,
    /// A title before a name ("President" in "President Putin").
    Title,
    /// A definite description of a known entity ("the Ukrainian president").
    Description,
    /// A personal pronoun resolved to the entity ("he").
    Pronoun,
}

impl MentionKind {
    /// The kind's name in the report ("name", "title", "description", "pronoun").
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Title => "title",
            MentionKind::Description => "description",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// One mention of an entity: 16 bytes (its sentence index on 32 bits, read through
/// [`Mention::sentence`]), as a long text has over a million of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The words of the mention.
    pub span: Span,
    /// Name, title, description or pronoun.
    pub kind: MentionKind,
    sentence: u32,
}

impl Mention {
    pub(crate) fn new(span: Span, kind: MentionKind, sentence: usize) -> Mention {
        Mention {
            span,
            kind,
            sentence: narrow(sentence),
        }
    }

    /// The index of its sentence in `Document::sentences`.
    #[inline]
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// A person, organization or place, with every mention that refers to it.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest name the article uses.
    pub name: String,
    /// Person, organization, place or other.
    pub entity_type: EntityType,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Other names used for the entity (surname alone, spelling variants, acronyms).
    pub aliases: Vec<String>,
    /// Roles and titles from titles and appositions ("US president").
    pub roles: Vec<String>,
    /// The organization the entity belongs to, as an index into `Document::entities`.
    pub affiliation: Option<usize>,
    /// For people: the gender signalled by a title or given name, when one is (`None`
    /// when unknown or mixed). Lets attribution resolve "he"/"she".
    pub gender: Option<Gender>,
}

impl Entity {
    /// An entity with a name and a type and nothing else yet (no mentions, aliases,
    /// roles, affiliation or gender).
    pub(crate) fn new(name: impl Into<String>, entity_type: EntityType) -> Entity {
        Entity {
            name: name.into(),
            entity_type,
            mentions: Vec::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            affiliation: None,
            gender: None,
        }
    }
}

/// How the wording around a number bounds it ("about", "more than", "up to").
///
/// ```
/// use byline::Qualifier;
///
/// let text = "More than 200 people were evacuated and about 40 homes were damaged.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let qualifiers: Vec<Option<Qualifier>> = analysis.claims.iter().map(|c| c.qualifier).collect();
/// assert_eq!(qualifiers, [Some(Qualifier::LowerBound), Some(Qualifier::Approximate)]);
/// assert_eq!(Qualifier::LowerBound.as_str(), "lower_bound");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as exact ("exactly 40", "precisely 40").
    Exact,
    /// An estimate ("about 40", "roughly 40").
    Approximate,
    /// At most ("up to 40", "fewer than 40", "nearly 40").
    UpperBound,
    /// At least ("more than 40", "at least 40").
    LowerBound,
}

impl Qualifier {
    /// The qualifier's name in the report ("exact", "approximate", "upper_bound",
    /// "lower_bound").
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate => "approximate",
            Qualifier::UpperBound => "upper_bound",
            Qualifier::LowerBound => "lower_bound",
        }
    }
}

/// What a numeric claim measures, from the unit or the words around the number.
///
/// ```
/// use byline::ClaimKind;
///
/// let text = "The city spent $2.5 million on 120 new buses, a rise of 15%.";
/// let analysis = byline::analyze(text, &byline::Options::default());
/// let kinds: Vec<ClaimKind> = analysis.claims.iter().map(|c| c.kind).collect();
/// assert_eq!(kinds, [ClaimKind::Money, ClaimKind::Count, ClaimKind::Percent]);
/// assert_eq!(ClaimKind::from_name("money"), Some(ClaimKind::Money));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A plain number of things ("5,000 drones").
    Count,
    /// A share ("12%", "12 percentage points").
    Percent,
    /// An amount of money ("$1.2 billion").
    Money,
    /// A span of time ("three years").
    Duration,
    /// A length or distance ("120 miles").
    Length,
    /// An area ("5,000 sq km").
    Area,
    /// A mass or weight ("10 tonnes").
    Mass,
    /// A volume ("2 million barrels").
    Volume,
    /// A speed ("90 km/h").
    Speed,
    /// A temperature ("40C").
    Temperature,
    /// An amount of data ("2 GB").
    Data,
    /// An amount of energy ("5 kWh").
    Energy,
    /// A power ("1,000 MW").
    Power,
    /// A person's age ("aged 14", "a 14-year-old").
    Age,
    /// A ratio or fraction ("one in five", "18-fold").
    Ratio,
    /// A rank ("third", "#2").
    Ordinal,
    /// A match score ("won 3-1").
    Score,
    /// A date, year or decade ("August 2024", "the 1990s").
    Date,
}

impl ClaimKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClaimKind; 18] = [
        ClaimKind::Count,
        ClaimKind::Percent,
        ClaimKind::Money,
        ClaimKind::Duration,
        ClaimKind::Length,
        ClaimKind::Area,
        ClaimKind::Mass,
        ClaimKind::Volume,
        ClaimKind::Speed,
        ClaimKind::Temperature,
        ClaimKind::Data,
        ClaimKind::Energy,
        ClaimKind::Power,
        ClaimKind::Age,
        ClaimKind::Ratio,
        ClaimKind::Ordinal,
        ClaimKind::Score,
        ClaimKind::Date,
    ];

    /// The kind's name in the report ("count", "money"…).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Count => "count",
            ClaimKind::Percent => "percent",
            ClaimKind::Money => "money",
            ClaimKind::Duration => "duration",
            ClaimKind::Length => "length",
            ClaimKind::Area => "area",
            ClaimKind::Mass => "mass",
            ClaimKind::Volume => "volume",
            ClaimKind::Speed => "speed",
            ClaimKind::Temperature => "temperature",
            ClaimKind::Data => "data",
            ClaimKind::Energy => "energy",
            ClaimKind::Power => "power",
            ClaimKind::Age => "age",
            ClaimKind::Ratio => "ratio",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Score => "score",
            ClaimKind::Date => "date",
        }
    }

    /// The kind named `name` (as [`ClaimKind::as_str`] spells it), if there is one.
    pub fn from_name(name: &str) -> Option<ClaimKind> {
        ClaimKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

/// A numeric claim: a number with what it measures, its unit and qualifier, and who
/// gives it. Read it through its methods.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claim {
    parts: ClaimParts,
    claimant: Option<usize>,
}

/// The parts of a [`Claim`], as the claims stage finds them (its claimant comes later:
/// `Claim::set_claimant`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ClaimParts {
    /// The whole expression, qualifier words and unit included ("nearly 5,000 sq km").
    pub span: Span,
    /// Where the number with its currency and unit starts, after the qualifier words
    /// ("5,000 sq km" of "nearly 5,000 sq km"); it ends where `span` ends.
    pub quantity_start: usize,
    /// What the number measures.
    pub kind: ClaimKind,
    /// The number, when it has a value.
    pub value: Option<f64>,
    /// The high end of a range.
    pub value_max: Option<f64>,
    /// Normalised unit ("km2", "USD", "year", "%").
    pub unit: Option<&'static str>,
    /// `None` when the wording states the number plainly.
    pub qualifier: Option<Qualifier>,
    /// What is counted ("drones").
    pub subject: Option<Span>,
    /// The sentence the claim is in.
    pub sentence: usize,
}

impl Claim {
    /// A claim of `parts`, without a claimant.
    pub(crate) fn new(parts: ClaimParts) -> Claim {
        Claim {
            parts,
            claimant: None,
        }
    }

    /// The whole expression, qualifier words and unit included ("nearly 5,000 sq km").
    pub fn span(&self) -> Span {
        self.parts.span
    }

    /// The number with its currency and unit, without the qualifier words ("5,000 sq km"
    /// of "nearly 5,000 sq km").
    pub fn quantity(&self) -> Span {
        Span::new(self.parts.quantity_start, self.parts.span.end())
    }

    /// What the number measures.
    pub fn kind(&self) -> ClaimKind {
        self.parts.kind
    }

    /// The number, when it has a value.
    pub fn value(&self) -> Option<f64> {
        self.parts.value
    }

    /// The high end of a range.
    pub fn value_max(&self) -> Option<f64> {
        self.parts.value_max
    }

    /// Normalised unit ("km2", "USD", "year", "%").
    pub fn unit(&self) -> Option<&'static str> {
        self.parts.unit
    }

    /// `None` when the wording states the number plainly.
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.parts.qualifier
    }

    /// What is counted ("drones").
    pub fn subject(&self) -> Option<Span> {
        self.parts.subject
    }

    /// The sentence the claim is in.
    pub fn sentence(&self) -> usize {
        self.parts.sentence
    }

    /// The entity on whose authority the number is given; `None` for the article's own
    /// voice.
    pub fn claimant(&self) -> Option<usize> {
        self.claimant
    }

    /// Sets the claimant.
    pub(crate) fn set_claimant(&mut self, entity: Option<usize>) {
        self.claimant = entity;
    }
}

/// The text and all its annotations, as byte spans into the text ([`annotate`] fills
/// it; [`Analysis::from_document`] turns it into the report).
///
/// [`annotate`]: crate::annotate
/// [`Analysis::from_document`]: crate::Analysis::from_document
#[derive(Debug, Clone)]
pub struct Document<'t> {
    /// The text analysed.
    pub text: &'t str,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Every token of every paragraph, in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// People, organizations and places, most mentioned first.
    pub entities: Vec<Entity>,
    /// Numeric claims in text order.
    pub claims: Vec<Claim>,
    /// Person entities by the head noun of each of their roles ("president" → (entity,
    /// Some("Ukraine"))), filled by the entities stage so that role descriptions resolve
    /// without a scan of every person (quadratic on huge inputs).
    pub(crate) people_by_role: HashMap<String, Vec<(usize, Option<String>)>>,
    /// Problems found in the text ("unclosed quotation at …"), in the order found.
    pub warnings: Vec<String>,
}

impl<'t> Document<'t> {
    /// A document over `text`, without annotations yet. A text longer than 4 GiB is cut
    /// at the last character boundary within the limit, with a warning: token offsets are
    /// 32-bit.
    pub fn new(text: &'t str) -> Document<'t> {
        let mut warnings = Vec::new();
        let mut text = text;
        if text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            warnings.push(format!(
                "text longer than {MAX_TEXT_BYTES} bytes; only the first {cut} bytes were analysed"
            ));
            text = &text[..cut];
        }
        Document {
            text,
            paragraphs: Vec::new(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            claims: Vec::new(),
            people_by_role: HashMap::new(),
            warnings,
        }
    }

    /// The text of a span; empty if the span is out of range or not on `char` boundaries,
    /// so a bad span can never panic.
    pub fn slice(&self, span: Span) -> &'t str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        match self.sentences.get(sentence) {
            Some(s) => self
                .tokens
                .get(s.tokens())
                .expect("a sentence's tokens are in the token list"),
            None => &[],
        }
    }

    /// The index of the sentence containing byte offset `at`, if any (binary search).
    pub(crate) fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end() <= at);
        match self.sentences.get(i) {
            Some(s) if s.span.start() <= at => Some(i),
            _ => None,
        }
    }

    /// The index of the first token that ends after byte offset `at` (binary search).
    pub(crate) fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span().end() <= at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_takes_six_bytes() {
        // The token array is the largest annotation of a long text (one token per ~5
        // bytes): each byte of `Token` is about a fifth of the input's size in memory.
        assert_eq!(std::mem::size_of::<Token>(), 6);
    }

    #[test]
    fn a_span_takes_eight_bytes_and_clamps_beyond_four_gib() {
        assert_eq!(std::mem::size_of::<Span>(), 8);
        let span = Span::new(3, 4_294_967_295);
        assert_eq!(
            (span.start(), span.end(), span.len()),
            (3, 4_294_967_295, 4_294_967_292)
        );
        assert_eq!(Span::new(0, usize::MAX).end(), u32::MAX as usize);
        assert_eq!(span.range(), 3..4_294_967_295);
    }

    #[test]
    fn sentences_and_paragraphs_keep_their_indices_in_twenty_bytes() {
        assert_eq!(std::mem::size_of::<Sentence>(), 20);
        assert_eq!(std::mem::size_of::<Paragraph>(), 20);
        let sentence = Sentence::new(Span::new(5, 9), 7, 100..104);
        assert_eq!((sentence.paragraph(), sentence.tokens()), (7, 100..104));
        let mut paragraph = Paragraph::new(Span::new(0, 9));
        assert_eq!(paragraph.sentences(), 0..0);
        paragraph.set_sentences(3..8);
        assert_eq!(paragraph.sentences(), 3..8);
    }

    #[test]
    fn a_mention_takes_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Mention>(), 16);
        let mention = Mention::new(Span::new(1, 2), MentionKind::Pronoun, 70_000);
        assert_eq!(mention.sentence(), 70_000);
    }

    #[test]
    fn a_token_keeps_its_span_and_kind() {
        let token = Token::new(Span::new(4_000_000_000, 4_000_000_255), TokenKind::Number);
        assert_eq!(token.span(), Span::new(4_000_000_000, 4_000_000_255));
        assert_eq!(token.kind, TokenKind::Number);
        // Out of range: clamped, never wrapped.
        let clamped = Token::new(Span::new(10, 10 + 300), TokenKind::Word);
        assert_eq!((clamped.start(), clamped.end()), (10, 10 + 255));
    }

    #[test]
    fn a_claim_keeps_its_parts_and_takes_a_claimant() {
        let parts = ClaimParts {
            span: Span::new(10, 30),
            quantity_start: 17,
            kind: ClaimKind::Area,
            value: Some(5000.0),
            value_max: None,
            unit: Some("km2"),
            qualifier: Some(Qualifier::UpperBound),
            subject: Some(Span::new(31, 40)),
            sentence: 7,
        };
        let mut claim = Claim::new(parts);
        assert_eq!(claim.quantity(), Span::new(17, 30));
        assert_eq!((claim.kind(), claim.unit()), (ClaimKind::Area, Some("km2")));
        assert_eq!(claim.claimant(), None);
        claim.set_claimant(Some(3));
        assert_eq!(claim.claimant(), Some(3));
        claim.set_claimant(None);
        assert_eq!(claim.claimant(), None);
    }

    #[test]
    fn claim_kinds_are_named_both_ways() {
        for kind in ClaimKind::ALL {
            assert_eq!(ClaimKind::from_name(kind.as_str()), Some(kind));
        }
        assert_eq!(
            ClaimKind::from_name("temperature"),
            Some(ClaimKind::Temperature)
        );
        assert_eq!(ClaimKind::from_name("skip"), None);
        assert_eq!(ClaimKind::from_name("Count"), None);
    }
}
