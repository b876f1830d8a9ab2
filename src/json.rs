//! Compact JSON for an [`Analysis`], written directly rather than through serde's data
//! model: the report of a long text is mostly small objects (mentions, sentences, claims)
//! whose keys serde_json would escape and write one call at a time, and on large inputs
//! that cost as much as a pipeline stage. Keys here are pre-escaped byte strings, numbers
//! are formatted in place and strings are escaped with one table look-up per byte.
//!
//! The output is byte for byte what `serde_json::to_writer(out, analysis)` writes (the
//! tests compare the two on real articles and on text full of characters that need
//! escaping); the rare values with their own formatting rules (floats, the source's
//! free-form `meta`, the stats) are still written by serde_json.
//!
//! [`write_annotated`] writes the same bytes straight from an annotated document, building
//! each report item as it is written: the CLI's compact JSON never holds a whole report.

use std::borrow::Borrow;
use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{
    self, Analysis, ClaimReport, EntityRef, EntityReport, MentionReport, ParagraphReport,
    QuoteReport, Section, SectionSink, SentenceReport, SpeakerReport, TextSpan,
};
use crate::document::{Document, Qualifier};
use crate::Options;

/// Bytes gathered before they are handed to the output.
const FLUSH_AT: usize = 64 * 1024;

/// Writes `analysis` as compact JSON (the same bytes as `serde_json::to_writer`).
pub fn write_compact(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let mut json = Json::new(out);
    json.head(analysis)?;
    let shows = |section| analysis.shows(section);
    json.section(
        shows(Section::Paragraphs),
        Section::Paragraphs,
        &analysis.paragraphs,
        Json::paragraph,
    )?;
    json.section(
        shows(Section::Sentences),
        Section::Sentences,
        &analysis.sentences,
        Json::sentence,
    )?;
    json.section(
        shows(Section::Quotes),
        Section::Quotes,
        &analysis.quotes,
        Json::quote,
    )?;
    json.section(
        shows(Section::Entities),
        Section::Entities,
        &analysis.entities,
        Json::entity,
    )?;
    json.section(
        shows(Section::Claims),
        Section::Claims,
        &analysis.claims,
        Json::claim,
    )?;
    json.tail(analysis)
}

/// Writes the report of an annotated document as compact JSON: the same bytes as
/// `write_compact(&Analysis::from_annotated(doc, options), out)`, but the report is never
/// held whole. Each item is built from the document as it is written, then dropped, and
/// each of the document's annotations is freed once no section left to write reads it
/// (see `analysis::build_sections`), so memory only falls from where it stood when the
/// document was done. Sections left out by `options.only` are not built at all.
pub fn write_annotated(doc: Document, options: &Options, out: &mut dyn Write) -> io::Result<()> {
    let mut sections = JsonSections {
        json: Json::new(out),
        shown: Vec::new(),
    };
    let header = analysis::build_sections(doc, options, &mut sections)?;
    sections.json.tail(&header)
}

/// The sink of [`write_annotated`]: writes the header, then each section it shows.
struct JsonSections<'w> {
    json: Json<'w>,
    /// The sections the header says to show.
    shown: Vec<Section>,
}

impl<'w> JsonSections<'w> {
    fn write<T, B: Borrow<T>>(
        &mut self,
        section: Section,
        items: impl Iterator<Item = B>,
        item: impl FnMut(&mut Json<'w>, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        let shown = self.shown.contains(&section);
        self.json.section(shown, section, items, item)
    }
}

impl<'t> SectionSink<'t> for JsonSections<'_> {
    type Error = io::Error;
    fn header(&mut self, header: &Analysis<'t>) -> io::Result<()> {
        self.shown = Section::ALL
            .into_iter()
            .filter(|&section| header.shows(section))
            .collect();
        self.json.head(header)
    }
    fn paragraphs(&mut self, items: impl Iterator<Item = ParagraphReport>) -> io::Result<()> {
        self.write(Section::Paragraphs, items, Json::paragraph)
    }
    fn sentences(&mut self, items: impl Iterator<Item = SentenceReport<'t>>) -> io::Result<()> {
        self.write(Section::Sentences, items, Json::sentence)
    }
    fn quotes(&mut self, items: impl Iterator<Item = QuoteReport<'t>>) -> io::Result<()> {
        self.write(Section::Quotes, items, Json::quote)
    }
    fn entities(&mut self, items: impl Iterator<Item = EntityReport<'t>>) -> io::Result<()> {
        self.write(Section::Entities, items, Json::entity)
    }
    fn claims(&mut self, items: impl Iterator<Item = ClaimReport<'t>>) -> io::Result<()> {
        self.write(Section::Claims, items, Json::claim)
    }
}

struct Json<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
}

impl<'w> Json<'w> {
    fn new(out: &'w mut dyn Write) -> Json<'w> {
        Json {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            out,
        }
    }

    /// `{"schema_version":..,"source":..,"stats":..`: what precedes the sections.
    fn head(&mut self, analysis: &Analysis) -> io::Result<()> {
        self.raw(b"{\"schema_version\":");
        self.uint(analysis.schema_version as usize);
        self.raw(b",\"source\":");
        self.serde(&analysis.source)?;
        self.raw(b",\"stats\":");
        self.serde(&analysis.stats)
    }

    /// `,"warnings":[..]}`: what follows the sections; flushes the output.
    fn tail(&mut self, analysis: &Analysis) -> io::Result<()> {
        self.raw(b",\"warnings\":");
        self.strings(&analysis.warnings)?;
        self.raw(b"}");
        self.flush()
    }
}

impl Json<'_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Writes `items` as an array, handing the buffer to the output as it fills.
    fn array<T: ?Sized, B: Borrow<T>>(
        &mut self,
        items: impl IntoIterator<Item = B>,
        mut item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.raw(b"[");
        for (i, value) in items.into_iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            item(self, value.borrow())?;
            if self.buf.len() >= FLUSH_AT {
                self.flush()?;
            }
        }
        self.raw(b"]");
        Ok(())
    }

    /// `,"<section>":[...]` when `shown`.
    fn section<T, B: Borrow<T>>(
        &mut self,
        shown: bool,
        section: Section,
        items: impl IntoIterator<Item = B>,
        item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if !shown {
            return Ok(());
        }
        self.raw(b",\"");
        self.raw(section.as_str().as_bytes());
        self.raw(b"\":");
        self.array(items, item)
    }

    fn serde(&mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer(&mut self.buf, value).map_err(io::Error::from)
    }

    /// Writes `n` in decimal. The digits are written, two at a time from a table, into a
    /// fixed 20-byte block appended whole (a fixed-size copy, no `memcpy` call), which is
    /// then cut to the digits: most numbers are short offsets, where a call and a
    /// length-dependent copy would cost more than the digits.
    fn uint(&mut self, n: usize) {
        let digits = decimal_digits(n);
        let mut block = [0u8; 20];
        let mut rest = n;
        let mut at = digits;
        while at >= 2 {
            let pair = (rest % 100) * 2;
            rest /= 100;
            block[at - 2] = DIGIT_PAIRS[pair];
            block[at - 1] = DIGIT_PAIRS[pair + 1];
            at -= 2;
        }
        if at == 1 {
            block[0] = b'0' + rest as u8;
        }
        let len = self.buf.len();
        self.buf.extend_from_slice(&block);
        self.buf.truncate(len + digits);
    }

    fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    fn float(&mut self, value: Option<f64>) -> io::Result<()> {
        self.serde(&value)
    }

    /// A JSON string, escaped as serde_json escapes it. Eight bytes at a time are tested
    /// for needing an escape (most text needs none), then the bytes of a flagged word
    /// one by one.
    fn string(&mut self, text: &str) {
        self.buf.push(b'"');
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut words = bytes.chunks_exact(8);
        let mut at = 0;
        for word in &mut words {
            if may_need_escape(word) {
                start = self.escape_bytes(bytes, start, at, word);
            }
            at += 8;
        }
        let rest = words.remainder();
        // The last eight bytes (overlapping words already tested) stand for the rest,
        // when the text is that long.
        let last_eight = bytes
            .len()
            .checked_sub(8)
            .and_then(|from| bytes.get(from..));
        if !rest.is_empty() && last_eight.is_none_or(may_need_escape) {
            start = self.escape_bytes(bytes, start, at, rest);
        }
        self.buf
            .extend_from_slice(bytes.get(start..).unwrap_or(&[]));
        self.buf.push(b'"');
    }

    /// Escapes the bytes of `chunk`, which starts at `at` in `bytes`: writes out what
    /// precedes each byte needing an escape (from `start` on), then its escape. Returns
    /// where the bytes not yet written start.
    fn escape_bytes(&mut self, bytes: &[u8], mut start: usize, at: usize, chunk: &[u8]) -> usize {
        for (i, &byte) in (at..).zip(chunk) {
            let escape = ESCAPE[byte as usize];
            if escape == 0 {
                continue;
            }
            self.buf
                .extend_from_slice(bytes.get(start..i).unwrap_or(&[]));
            match escape {
                b'u' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.buf.extend_from_slice(b"\\u00");
                    self.buf.push(HEX[(byte >> 4) as usize]);
                    self.buf.push(HEX[(byte & 0xF) as usize]);
                }
                short => self.buf.extend_from_slice(&[b'\\', short]),
            }
            start = i + 1;
        }
        start
    }

    fn opt_string(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.string(text),
            None => self.raw(b"null"),
        }
    }

    fn start_end(&mut self, start: usize, end: usize) {
        self.raw(b"{\"start\":");
        self.uint(start);
        self.raw(b",\"end\":");
        self.uint(end);
    }

    fn text_span(&mut self, span: Option<&TextSpan>) {
        let Some(span) = span else {
            return self.raw(b"null");
        };
        self.start_end(span.start, span.end);
        self.raw(b",\"text\":");
        self.string(&span.text);
        self.raw(b"}");
    }

    fn entity_ref(&mut self, entity: Option<&EntityRef>) {
        let Some(entity) = entity else {
            return self.raw(b"null");
        };
        self.raw(b"{\"entity\":");
        self.uint(entity.entity);
        self.raw(b",\"name\":");
        self.string(&entity.name);
        self.raw(b"}");
    }

    fn paragraph(&mut self, p: &ParagraphReport) -> io::Result<()> {
        self.start_end(p.start, p.end);
        self.raw(b",\"kind\":");
        self.string(p.kind.as_str());
        self.raw(b"}");
        Ok(())
    }

    fn sentence(&mut self, s: &SentenceReport) -> io::Result<()> {
        self.start_end(s.start, s.end);
        self.raw(b",\"paragraph\":");
        self.uint(s.paragraph);
        self.raw(b",\"text\":");
        self.string(&s.text);
        self.raw(b"}");
        Ok(())
    }

    fn speaker(&mut self, speaker: Option<&SpeakerReport>) {
        let Some(speaker) = speaker else {
            return self.raw(b"null");
        };
        self.raw(b"{\"entity\":");
        self.uint(speaker.entity);
        self.raw(b",\"name\":");
        self.string(&speaker.name);
        self.raw(b",\"mention\":");
        self.text_span(speaker.mention.as_ref());
        self.raw(b"}");
    }

    fn quote(&mut self, q: &QuoteReport) -> io::Result<()> {
        self.start_end(q.start, q.end);
        self.raw(b",\"text\":");
        self.string(&q.text);
        self.raw(b",\"kind\":");
        self.string(q.kind.as_str());
        self.raw(b",\"speaker\":");
        self.speaker(q.speaker.as_ref());
        self.raw(b",\"cue\":");
        self.text_span(q.cue.as_ref());
        self.raw(b",\"sentence\":");
        self.uint(q.sentence);
        self.raw(b",\"group\":");
        self.uint(q.group);
        self.raw(b",\"unclosed\":");
        self.bool(q.unclosed);
        self.raw(b"}");
        Ok(())
    }

    fn mention(&mut self, m: &MentionReport) -> io::Result<()> {
        self.start_end(m.start, m.end);
        self.raw(b",\"text\":");
        self.string(&m.text);
        self.raw(b",\"kind\":");
        self.string(m.kind.as_str());
        self.raw(b"}");
        Ok(())
    }

    fn strings(&mut self, items: &[String]) -> io::Result<()> {
        self.array(items.iter().map(String::as_str), |json, item: &str| {
            json.string(item);
            Ok(())
        })
    }

    fn entity(&mut self, e: &EntityReport) -> io::Result<()> {
        self.raw(b"{\"id\":");
        self.uint(e.id);
        self.raw(b",\"name\":");
        self.string(&e.name);
        self.raw(b",\"type\":");
        self.string(e.entity_type.as_str());
        self.raw(b",\"mention_count\":");
        self.uint(e.mention_count);
        self.raw(b",\"mentions\":");
        self.array(&e.mentions, Json::mention)?;
        self.raw(b",\"aliases\":");
        self.strings(&e.aliases)?;
        self.raw(b",\"roles\":");
        self.strings(&e.roles)?;
        self.raw(b",\"affiliation\":");
        self.entity_ref(e.affiliation.as_ref());
        self.raw(b"}");
        Ok(())
    }

    fn claim(&mut self, c: &ClaimReport) -> io::Result<()> {
        self.start_end(c.start, c.end);
        self.raw(b",\"text\":");
        self.string(&c.text);
        self.raw(b",\"kind\":");
        self.string(c.kind.as_str());
        self.raw(b",\"value\":");
        self.float(c.value)?;
        self.raw(b",\"value_max\":");
        self.float(c.value_max)?;
        self.raw(b",\"unit\":");
        self.opt_string(c.unit.as_deref());
        self.raw(b",\"qualifier\":");
        self.opt_string(c.qualifier.map(Qualifier::as_str));
        self.raw(b",\"subject\":");
        self.text_span(c.subject.as_ref());
        self.raw(b",\"sentence\":");
        self.uint(c.sentence);
        self.raw(b",\"claimant\":");
        self.entity_ref(c.claimant.as_ref());
        self.raw(b"}");
        Ok(())
    }
}

/// The number of decimal digits of `n` (1 for 0).
fn decimal_digits(n: usize) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 4 + decimal_digits(n / 10_000),
    }
}

/// "00", "01", … "99": the two digits of every number below 100, side by side.
static DIGIT_PAIRS: [u8; 200] = {
    let mut table = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        table[2 * n] = b'0' + (n / 10) as u8;
        table[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    table
};

/// Whether any byte of `chunk` may need an escape: a control character (below 0x20), a
/// quotation mark or a backslash.
fn may_need_escape(chunk: &[u8]) -> bool {
    // A fold without branches, which the compiler vectorizes.
    chunk.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

/// For each byte, 0 when it is written as is, else the letter of its escape (`u` for
/// `\u00XX`): the control characters, the quotation mark and the backslash, as JSON
/// requires and as serde_json writes them.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn both(analysis: &Analysis) -> (String, String) {
        let mut fast = Vec::new();
        write_compact(analysis, &mut fast).unwrap();
        let serde = serde_json::to_vec(analysis).unwrap();
        (
            String::from_utf8(fast).unwrap(),
            String::from_utf8(serde).unwrap(),
        )
    }

    /// The report written as it is built from the document, and the whole report
    /// written at once.
    fn streamed_and_whole(text: &str, options: &Options) -> (String, String) {
        let mut streamed = Vec::new();
        write_annotated(crate::annotate(text), options, &mut streamed).unwrap();
        let mut whole = Vec::new();
        write_compact(&crate::analyze(text, options), &mut whole).unwrap();
        (
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap(),
        )
    }

    /// A text whose report needs every escape, with quotations, speakers and claims.
    const NEEDS_ESCAPES: &str = "Tab\there, \"quoted\" \\ back\u{1}slash\u{1f}, bell\u{7} \
        and\u{8}\u{c}\r.\n\n“Zelensky,” he said, costing $2.5bn — 😀\u{7f} ok.";

    #[test]
    fn streamed_report_is_the_whole_report_on_the_fixtures() {
        for (path, text) in fixture_articles() {
            let (streamed, whole) = streamed_and_whole(&text, &Options::default());
            assert_eq!(streamed, whole, "{}", path.display());
        }
    }

    /// Every `fixtures/*.txt` article, with its path (at least five, so a moved folder
    /// cannot make the fixture tests pass on nothing).
    fn fixture_articles() -> Vec<(std::path::PathBuf, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let articles: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|x| x == "txt"))
            .map(|path| {
                let text = std::fs::read_to_string(&path).unwrap();
                (path, text)
            })
            .collect();
        assert!(articles.len() >= 5);
        articles
    }

    #[test]
    fn streamed_report_keeps_sections_source_and_warnings() {
        let source = crate::Source {
            path: "a \"b\".txt".into(),
            line: Some(3),
            id: Some(serde_json::json!(7)),
            meta: [("lang".to_string(), serde_json::json!("en"))].into(),
        };
        let seed = include_str!("../fixtures/seed-article.txt");
        let selections = [
            None,
            Some(vec![]),
            Some(vec![Section::Sentences, Section::Claims]),
            Some(vec![Section::Entities]),
            Some(vec![Section::Claims, Section::Quotes, Section::Paragraphs]),
        ];
        for only in selections {
            let options = Options {
                source: source.clone(),
                only: only.clone(),
                warnings: vec!["invalid UTF-8 \"here\"".into()],
            };
            for text in ["", NEEDS_ESCAPES, seed] {
                let (streamed, whole) = streamed_and_whole(text, &options);
                assert_eq!(streamed, whole, "{only:?} {text:.20}");
                let json: serde_json::Value = serde_json::from_str(&streamed).unwrap();
                assert_eq!(json["source"]["id"], 7);
                assert_eq!(json["warnings"][0], "invalid UTF-8 \"here\"");
                let shown = |section: Section| json.get(section.as_str()).is_some();
                for section in Section::ALL {
                    let expected = only.as_ref().is_none_or(|o| o.contains(&section));
                    assert_eq!(shown(section), expected, "{section:?} in {only:?}");
                }
            }
        }
        let (streamed, _) = streamed_and_whole(seed, &Options::default());
        let json: serde_json::Value = serde_json::from_str(&streamed).unwrap();
        assert!(json["stats"]["claims"].as_u64().unwrap() > 0);
        assert!(json["quotes"][0]["speaker"]["name"].is_string());
    }

    #[test]
    fn streamed_report_escapes_the_text() {
        let (streamed, whole) = streamed_and_whole(NEEDS_ESCAPES, &Options::default());
        assert!(streamed.contains("\\u0001") && streamed.contains("\\t"));
        assert!(streamed.contains("\\\"quoted\\\""), "{streamed}");
        assert_eq!(streamed, whole);
        let (streamed, whole) = streamed_and_whole("", &Options::default());
        assert_eq!(streamed, whole);
        assert!(streamed.contains("\"sentences\":[]"), "{streamed}");
    }

    #[test]
    fn matches_serde_json_on_the_fixture_articles() {
        for (path, text) in fixture_articles() {
            let analysis = crate::analyze(&text, &Options::default());
            let (fast, serde) = both(&analysis);
            assert_eq!(fast, serde, "{}", path.display());
        }
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let text = NEEDS_ESCAPES;
        let options = Options {
            warnings: vec!["a \"warning\"\n".into()],
            only: Some(vec![Section::Sentences, Section::Claims]),
            ..Options::default()
        };
        let analysis = crate::analyze(text, &options);
        let (fast, serde) = both(&analysis);
        assert!(fast.contains("\\u0001") && fast.contains("\\t") && fast.contains("\\\""));
        assert_eq!(fast, serde);
    }

    #[test]
    fn word_escape_test_flags_exactly_the_words_with_an_escape() {
        let samples: &[&[u8]] = &[
            b"abcdefgh",
            b"abc\"efgh",
            b"abcdefg\\",
            b"\x1fbcdefgh",
            b"abcdef\x7fh",
            b"a\xc3\xa9\xe2\x80\x9cgh",
            b"\xff\xfe\xa2\xdc\x80\x81\x9f\xa0",
            b"        ",
            b"!#[]{}~ ",
        ];
        for word in samples {
            let slow = word.iter().any(|&b| ESCAPE[b as usize] != 0);
            assert_eq!(may_need_escape(word), slow, "{word:?}");
        }
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut word = *b"plain ok";
                word[at] = byte;
                let slow = ESCAPE[byte as usize] != 0;
                assert_eq!(may_need_escape(&word), slow, "{byte} at {at}");
            }
        }
        for n in [0, 9, 10, 99, 100, 6233, 9999, 10_000, 123_456, usize::MAX] {
            assert_eq!(decimal_digits(n), n.to_string().len());
        }
    }

    #[test]
    fn strings_of_every_length_escape_as_serde_json_does() {
        for len in 0..20 {
            for at in 0..len {
                for mark in ['"', '\\', '\n', '\u{1}', 'é'] {
                    let text: String = (0..len).map(|i| if i == at { mark } else { 'a' }).collect();
                    let mut json = Json {
                        buf: Vec::new(),
                        out: &mut io::sink(),
                    };
                    json.string(&text);
                    let expected = serde_json::to_string(&text).unwrap();
                    assert_eq!(String::from_utf8(json.buf).unwrap(), expected);
                }
            }
        }
    }

    #[test]
    fn writes_numbers_and_empty_reports() {
        let analysis = crate::analyze("", &Options::default());
        let (fast, serde) = both(&analysis);
        assert_eq!(fast, serde);
        let mut json = Json {
            buf: Vec::new(),
            out: &mut io::sink(),
        };
        for n in [
            0,
            7,
            10,
            99,
            100,
            101,
            1000,
            6233,
            12345,
            1234567890,
            usize::MAX,
        ] {
            json.uint(n);
            json.raw(b" ");
        }
        let expected = format!(
            "0 7 10 99 100 101 1000 6233 12345 1234567890 {} ",
            usize::MAX
        );
        assert_eq!(String::from_utf8(json.buf).unwrap(), expected);
    }
}
