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

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{
    Analysis, ClaimReport, EntityRef, EntityReport, MentionReport, ParagraphReport, QuoteReport,
    Section, SentenceReport, SpeakerReport, TextSpan,
};

/// Bytes gathered before they are handed to the output.
const FLUSH_AT: usize = 64 * 1024;

/// Writes `analysis` as compact JSON (the same bytes as `serde_json::to_writer`).
pub fn write_compact(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let mut json = Json {
        buf: Vec::with_capacity(FLUSH_AT + 4096),
        out,
    };
    json.raw(b"{\"schema_version\":");
    json.uint(analysis.schema_version as usize);
    json.raw(b",\"source\":");
    json.serde(&analysis.source)?;
    json.raw(b",\"stats\":");
    json.serde(&analysis.stats)?;
    json.section(
        analysis,
        Section::Paragraphs,
        &analysis.paragraphs,
        Json::paragraph,
    )?;
    json.section(
        analysis,
        Section::Sentences,
        &analysis.sentences,
        Json::sentence,
    )?;
    json.section(analysis, Section::Quotes, &analysis.quotes, Json::quote)?;
    json.section(
        analysis,
        Section::Entities,
        &analysis.entities,
        Json::entity,
    )?;
    json.section(analysis, Section::Claims, &analysis.claims, Json::claim)?;
    json.raw(b",\"warnings\":");
    json.strings(&analysis.warnings)?;
    json.raw(b"}");
    json.flush()
}

struct Json<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
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
    fn array<T>(
        &mut self,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.raw(b"[");
        for (i, value) in items.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            item(self, value)?;
            if self.buf.len() >= FLUSH_AT {
                self.flush()?;
            }
        }
        self.raw(b"]");
        Ok(())
    }

    /// `,"<section>":[...]` when the report shows `section`.
    fn section<T>(
        &mut self,
        analysis: &Analysis,
        section: Section,
        items: &[T],
        item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        if !analysis.shows(section) {
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

    fn uint(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(&digits[at..]);
    }

    fn bool(&mut self, value: bool) {
        self.raw(if value { b"true" } else { b"false" });
    }

    fn float(&mut self, value: Option<f64>) -> io::Result<()> {
        self.serde(&value)
    }

    /// A JSON string, escaped as serde_json escapes it.
    fn string(&mut self, text: &str) {
        self.buf.push(b'"');
        let bytes = text.as_bytes();
        let mut start = 0;
        for (i, &byte) in bytes.iter().enumerate() {
            let escape = ESCAPE[byte as usize];
            if escape == 0 {
                continue;
            }
            self.buf.extend_from_slice(&bytes[start..i]);
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
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
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
        self.string(&p.kind);
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
        self.string(&q.kind);
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
        self.string(&m.kind);
        self.raw(b"}");
        Ok(())
    }

    fn strings(&mut self, items: &[String]) -> io::Result<()> {
        self.array(items, |json, item| {
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
        self.string(&e.entity_type);
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
        self.string(&c.kind);
        self.raw(b",\"value\":");
        self.float(c.value)?;
        self.raw(b",\"value_max\":");
        self.float(c.value_max)?;
        self.raw(b",\"unit\":");
        self.opt_string(c.unit.as_deref());
        self.raw(b",\"qualifier\":");
        self.opt_string(c.qualifier.as_deref());
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

    #[test]
    fn matches_serde_json_on_the_fixture_articles() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let analysis = crate::analyze(&text, &Options::default());
                let (fast, serde) = both(&analysis);
                assert_eq!(fast, serde, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked >= 5);
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let text = "Tab\there, \"quoted\" \\ back\u{1}slash\u{1f}, bell\u{7} and\u{8}\u{c}\r.\n\n\
                    “Zelensky,” he said, costing $2.5bn — 😀\u{7f} ok.";
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
    fn writes_numbers_and_empty_reports() {
        let analysis = crate::analyze("", &Options::default());
        let (fast, serde) = both(&analysis);
        assert_eq!(fast, serde);
        let mut json = Json {
            buf: Vec::new(),
            out: &mut io::sink(),
        };
        for n in [0, 7, 10, 99, 1234567890, usize::MAX] {
            json.uint(n);
            json.raw(b" ");
        }
        let expected = format!("0 7 10 99 1234567890 {} ", usize::MAX);
        assert_eq!(String::from_utf8(json.buf).unwrap(), expected);
    }
}
