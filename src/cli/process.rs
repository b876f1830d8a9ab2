//! One unit of work, start to finish, on a worker thread: decode the bytes (or parse the
//! JSON Lines record), analyse, and render the output bytes in the chosen format, so that
//! the writer only has to put finished pieces in order. Failures become error outcomes
//! (with an `{"id", "path", "line", "error"}` object for record streams) rather than
//! stopping the batch.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};

use byline::summary::{self, Style};
use byline::{Analysis, Options, Section, Source};
use serde_json::Value;

use super::aggregate::Digest;
use super::args::Table;
use super::html;
use super::inputs::{Origin, Payload, Unit, RECORD_SHAPE};
use super::table;

/// What each analysis becomes.
#[derive(Debug, Clone)]
pub enum Piece {
    Json {
        pretty: bool,
    },
    Text(Style),
    /// Table rows (`--format tsv|csv --table ...`).
    Rows {
        table: Table,
        delimiter: char,
    },
    /// Only a digest for `--summary`.
    Digest,
    /// An HTML page (`--format html`).
    Html,
}

/// How each analysis is rendered.
#[derive(Debug, Clone)]
pub struct RenderConfig {
    pub piece: Piece,
    /// Whether failures are rendered as error objects (record streams: jsonl, json array).
    pub error_objects: bool,
    pub only: Option<Vec<Section>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Analysed,
    Failed,
    /// Left out on purpose (a binary file met while walking a directory).
    Skipped,
}

/// A unit's piece of output.
pub enum Rendered {
    /// Rendered on the worker thread.
    Bytes(Vec<u8>),
    /// A large article, analysed and written by the writer when its turn comes (see
    /// [`STREAM_FROM_BYTES`]).
    Streamed(StreamWork),
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rendered::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Rendered::Streamed(_) => write!(f, "Streamed"),
        }
    }
}

/// Where a streamed piece goes: the writer calls `render` with its output and adds the
/// framing (separators, line end) around what it writes.
pub trait PieceOut {
    fn piece(&mut self, render: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>)
        -> io::Result<()>;
    /// Receives the article's digest, before its piece, when the piece needs one (a page
    /// in a directory of pages).
    fn digest(&mut self, _digest: Digest) {}
}

/// The writer's part of a streamed unit: `Ok(Err(reason))` when the article failed (before
/// anything was written, or, rarely, part way through: see `stream`); `Err` for an output
/// error.
pub type StreamWork = Box<dyn FnOnce(&mut dyn PieceOut) -> io::Result<Result<(), String>> + Send>;

/// The finished result of one unit.
#[derive(Debug)]
pub struct Outcome {
    /// The input it came from.
    pub origin: Origin,
    pub status: Status,
    /// The rendered piece (no framing: the writer adds separators and line ends).
    pub output: Option<Rendered>,
    /// Lines for standard error, already prefixed with "byline: ".
    pub messages: Vec<String>,
    /// Input bytes this unit stood for (for progress).
    pub size: u64,
    /// The article's contribution to `--summary`.
    pub digest: Option<Digest>,
}

/// Why a unit could not be analysed, and the record id when one was read.
struct Failure {
    id: Option<Value>,
    reason: String,
}

/// Articles at least this large (far above a news article's few kilobytes) are not
/// rendered on a worker, where their output (JSON is about four times the size of the
/// text) would be held whole until its turn: the writer analyses them when their turn
/// comes and writes the output straight out, so memory stays a small multiple of the
/// input. Smaller articles keep the parallel path; their buffered output stays under a
/// megabyte or so each.
pub const STREAM_FROM_BYTES: usize = 256 * 1024;

/// Processes one unit; never panics (a panic inside analysis becomes a failed outcome, so
/// one bad article cannot take the batch down or leave a hole in the output order).
pub fn process(unit: Unit, config: &RenderConfig) -> Outcome {
    let origin = unit.origin.clone();
    let size = unit.size;
    if let Payload::Skipped(note) = &unit.payload {
        return Outcome {
            messages: vec![format!("byline: {}: {note}", origin.label())],
            origin,
            status: Status::Skipped,
            output: None,
            size,
            digest: None,
        };
    }
    let result = catch_unwind(AssertUnwindSafe(|| analyse(unit, config))).unwrap_or_else(|_| {
        Err(Failure {
            id: None,
            reason: PANIC_REASON.into(),
        })
    });
    match result {
        Ok(done) => Outcome {
            messages: warning_messages(&origin, &done.warnings),
            origin,
            status: Status::Analysed,
            output: done.output,
            size,
            digest: done.digest,
        },
        Err(failure) => {
            let pretty = matches!(config.piece, Piece::Json { pretty: true });
            let output = config.error_objects.then(|| {
                Rendered::Bytes(error_object(&origin, failure.id, &failure.reason, pretty))
            });
            Outcome {
                messages: vec![format!("byline: {}: {}", origin.label(), failure.reason)],
                origin,
                status: Status::Failed,
                output,
                size,
                digest: None,
            }
        }
    }
}

const PANIC_REASON: &str = "internal error: analysis panicked (please report this input)";

fn warning_messages(origin: &Origin, warnings: &[String]) -> Vec<String> {
    warnings
        .iter()
        .map(|w| format!("byline: {}: warning: {w}", origin.label()))
        .collect()
}

/// A unit analysed (or, when large, decoded and set up to be analysed by the writer).
struct Analysed {
    output: Option<Rendered>,
    digest: Option<Digest>,
    warnings: Vec<String>,
}

fn analyse(unit: Unit, config: &RenderConfig) -> Result<Analysed, Failure> {
    let path = unit.origin.path.clone();
    let label = unit.origin.label();
    let (text, source, warnings) = match unit.payload {
        Payload::Failed(reason) | Payload::Skipped(reason) => {
            return Err(Failure { id: None, reason })
        }
        Payload::Article(bytes) => {
            let decoded = byline::input::decode_owned(bytes).map_err(|err| Failure {
                id: None,
                reason: err.to_string(),
            })?;
            let source = Source {
                path,
                ..Source::default()
            };
            (decoded.text.into_owned(), source, decoded.warnings)
        }
        Payload::Record(line) => decode_record(&line, path, unit.origin.line)?,
    };
    let size = text.len();
    let options = Options {
        source,
        only: config.only.clone(),
        warnings: warnings.clone(),
    };
    if size >= STREAM_FROM_BYTES && !matches!(config.piece, Piece::Digest) {
        let work = stream(text, options, config.clone(), label);
        return Ok(Analysed {
            output: Some(Rendered::Streamed(work)),
            digest: None,
            warnings,
        });
    }
    let analysis = report(&text, &options, &config.piece);
    // A page's digest is its line in the index of a directory of pages.
    let digest = matches!(config.piece, Piece::Digest | Piece::Html).then(|| Digest::of(&analysis));
    Ok(Analysed {
        output: render(&text, &analysis, config).map(Rendered::Bytes),
        digest,
        warnings,
    })
}

/// The report of `text`. A page runs every stage whatever `--only` shows: its line in
/// the index of a directory of pages counts quotations, names and claims.
fn report<'t>(text: &'t str, options: &Options, piece: &Piece) -> Analysis<'t> {
    if !matches!(piece, Piece::Html) || options.only.is_none() {
        return byline::analyze(text, options);
    }
    let every = Options {
        only: None,
        ..options.clone()
    };
    let mut analysis = byline::analyze(text, &every);
    analysis.only.clone_from(&options.only);
    analysis
}

/// The writer's part of a large article: analyse the decoded `text` and write the report
/// through `out`. `Ok(Err(message))` means the analysis failed and nothing was written.
fn stream(text: String, options: Options, config: RenderConfig, label: String) -> StreamWork {
    Box::new(move |out: &mut dyn PieceOut| {
        let analysis = catch_unwind(AssertUnwindSafe(|| report(&text, &options, &config.piece)));
        match analysis {
            Ok(analysis) => {
                if matches!(config.piece, Piece::Html) {
                    out.digest(Digest::of(&analysis));
                }
                out.piece(&mut |w: &mut dyn Write| {
                    // JSON and table rows are many small writes: buffer them here rather
                    // than pay a dynamic call per write on `w`.
                    let mut buffered = io::BufWriter::with_capacity(64 * 1024, w);
                    render_to(&text, &analysis, &config, &mut buffered)?;
                    buffered.flush()
                })?;
                Ok(Ok(()))
            }
            Err(_) => Ok(Err(format!("{label}: {PANIC_REASON}"))),
        }
    })
}

/// A JSON Lines record's text, source and warnings. Invalid UTF-8 in the line is replaced
/// by U+FFFD with a warning, as in a text file; the text is the "text" string exactly as
/// JSON gives it, so a leading U+FEFF stays in it and offsets count it.
fn decode_record(
    line: &[u8],
    path: String,
    line_number: Option<u64>,
) -> Result<(String, Source, Vec<String>), Failure> {
    let decoded = byline::input::decode(line).map_err(|err| Failure {
        id: None,
        reason: err.to_string(),
    })?;
    let (text, source) = parse_record(decoded.text.as_bytes(), path, line_number)?;
    Ok((text, source, decoded.warnings))
}

/// Splits a JSON Lines record into its text and its source (id and the other fields).
fn parse_record(
    line: &[u8],
    path: String,
    line_number: Option<u64>,
) -> Result<(String, Source), Failure> {
    let refused = |id: Option<Value>, problem: String| Failure {
        id,
        reason: format!("{problem}: {RECORD_SHAPE}"),
    };
    let value: Value = serde_json::from_slice(line)
        .map_err(|err| refused(None, format!("invalid JSON at column {}", err.column())))?;
    let mut fields = match value {
        Value::Object(fields) => fields,
        other => return Err(refused(None, format!("found {}", json_kind(&other)))),
    };
    let id = fields.remove("id").filter(|id| !id.is_null());
    let text = match fields.remove("text") {
        Some(Value::String(text)) => text,
        Some(other) => {
            let problem = format!("the \"text\" field is {}", json_kind(&other));
            return Err(refused(id, problem));
        }
        None => return Err(refused(id, "the record has no \"text\" field".into())),
    };
    let meta: BTreeMap<String, Value> = fields.into_iter().collect();
    let source = Source {
        path,
        line: line_number,
        id,
        meta,
    };
    Ok((text, source))
}

/// "a JSON array", "a number"...: what a value is, in a message.
fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}

/// The piece for `analysis`, rendered in memory (`None` for digests, which have none).
fn render(text: &str, analysis: &Analysis, config: &RenderConfig) -> Option<Vec<u8>> {
    if matches!(config.piece, Piece::Digest) {
        return None;
    }
    // JSON is about four times the size of the text: one allocation rather than a dozen.
    let capacity = match config.piece {
        Piece::Json { .. } => 4 * text.len() + 1024,
        _ => 0,
    };
    let mut piece = Vec::with_capacity(capacity);
    // Writing to memory cannot fail.
    render_to(text, analysis, config, &mut piece).ok()?;
    Some(piece)
}

/// Writes the piece for `analysis`, the report of `text`, to `out` as it is produced.
/// Generic over the writer: serde_json makes a call per key and value, which a `dyn
/// Write` would not inline.
fn render_to<W: Write>(
    text: &str,
    analysis: &Analysis,
    config: &RenderConfig,
    out: &mut W,
) -> io::Result<()> {
    match &config.piece {
        Piece::Text(style) => out.write_all(summary::render(analysis, style).as_bytes()),
        Piece::Json { pretty: true } => {
            serde_json::to_writer_pretty(out, analysis).map_err(io::Error::from)
        }
        Piece::Json { pretty: false } => {
            serde_json::to_writer(out, analysis).map_err(io::Error::from)
        }
        Piece::Rows { table, delimiter } => table::rows(analysis, *table)
            .iter()
            .try_for_each(|row| out.write_all(table::line(row, *delimiter).as_bytes())),
        Piece::Html => html::write_page(text, analysis, out),
        Piece::Digest => Ok(()),
    }
}

fn to_json(value: &impl serde::Serialize, pretty: bool) -> Vec<u8> {
    let result = if pretty {
        serde_json::to_vec_pretty(value)
    } else {
        serde_json::to_vec(value)
    };
    // Serializing plain structs and maps with string keys cannot fail.
    result.unwrap_or_default()
}

/// `{"id": .., "path": .., "line": .., "error": ..}`: keeps record streams aligned.
#[derive(serde::Serialize)]
struct ErrorObject<'a> {
    id: Option<Value>,
    path: &'a str,
    line: Option<u64>,
    error: &'a str,
}

fn error_object(origin: &Origin, id: Option<Value>, reason: &str, pretty: bool) -> Vec<u8> {
    let object = ErrorObject {
        id,
        path: &origin.path,
        line: origin.line,
        error: reason,
    };
    to_json(&object, pretty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(piece: Piece) -> RenderConfig {
        RenderConfig {
            piece,
            error_objects: true,
            only: None,
        }
    }

    const JSON: Piece = Piece::Json { pretty: false };

    fn record(line: &str) -> Unit {
        Unit {
            origin: Origin {
                path: "-".into(),
                line: Some(7),
            },
            payload: Payload::Record(line.as_bytes().to_vec()),
            size: line.len() as u64,
        }
    }

    fn output_bytes(outcome: Outcome) -> Vec<u8> {
        match outcome.output {
            Some(Rendered::Bytes(bytes)) => bytes,
            other => panic!("expected rendered bytes, got {other:?}"),
        }
    }

    fn output_json(outcome: &Outcome) -> Value {
        match &outcome.output {
            Some(Rendered::Bytes(bytes)) => serde_json::from_slice(bytes).unwrap(),
            other => panic!("expected rendered bytes, got {other:?}"),
        }
    }

    #[test]
    fn record_fields_go_to_source() {
        let unit = record(r#"{"id": 42, "text": "He left.", "lang": "en"}"#);
        let outcome = process(unit, &config(JSON));
        assert_eq!(outcome.status, Status::Analysed);
        let json = output_json(&outcome);
        assert_eq!(json["source"]["id"], 42);
        assert_eq!(json["source"]["meta"]["lang"], "en");
        assert_eq!(json["sentences"][0]["text"], "He left.");
    }

    #[test]
    fn record_without_text_keeps_its_id_in_the_error() {
        let outcome = process(record(r#"{"id": "a1"}"#), &config(JSON));
        assert_eq!(outcome.status, Status::Failed);
        let json = output_json(&outcome);
        assert_eq!(json["id"], "a1");
        assert_eq!(json["line"], 7);
        let error = json["error"].as_str().unwrap();
        assert!(
            error.starts_with("the record has no \"text\" field"),
            "{error}"
        );
        assert_eq!(outcome.messages.len(), 1);
        assert!(outcome.messages[0].starts_with("byline: -:7: "));
    }

    #[test]
    fn invalid_json_is_a_failure_with_line_number() {
        let outcome = process(record("{not json"), &config(JSON));
        assert_eq!(outcome.status, Status::Failed);
        assert_eq!(
            outcome.messages[0],
            "byline: -:7: invalid JSON at column 2: each line should be a JSON object \
             with a \"text\" string"
        );
        assert_eq!(output_json(&outcome)["id"], Value::Null);
    }

    #[test]
    fn record_errors_say_what_was_found_and_what_is_expected() {
        let reason = |line: &str| {
            let outcome = process(record(line), &config(JSON));
            output_json(&outcome)["error"].as_str().unwrap().to_string()
        };
        assert_eq!(
            reason("[1, 2]"),
            format!("found a JSON array: {RECORD_SHAPE}")
        );
        assert_eq!(
            reason("\"text\""),
            format!("found a string: {RECORD_SHAPE}")
        );
        assert_eq!(
            reason(r#"{"id": 1, "text": 42}"#),
            format!("the \"text\" field is a number: {RECORD_SHAPE}")
        );
    }

    #[test]
    fn text_format_renders_the_summary_and_no_error_objects() {
        let mut cfg = config(Piece::Text(Style::default()));
        cfg.error_objects = false;
        let ok = process(record(r#"{"text": "It rained."}"#), &cfg);
        let text = String::from_utf8(output_bytes(ok)).unwrap();
        assert!(text.contains("Sentences (1)"), "{text}");
        let bad = process(record("[1, 2]"), &cfg);
        assert!(bad.output.is_none());
    }

    #[test]
    fn rows_and_digests() {
        let text = r#"{"id": "q", "text": "“We won,” Ann Lee said."}"#;
        let rows = process(
            record(text),
            &config(Piece::Rows {
                table: Table::Quotes,
                delimiter: '\t',
            }),
        );
        let rows = String::from_utf8(output_bytes(rows)).unwrap();
        for row in rows.lines() {
            assert!(row.starts_with("-\tq\t"), "{row}");
        }
        let digest = process(record(text), &config(Piece::Digest));
        assert!(digest.output.is_none() && digest.digest.is_some());
    }

    /// A piece written straight into memory, as the writer would write it.
    struct Collected(Vec<u8>);

    impl PieceOut for Collected {
        fn piece(
            &mut self,
            render: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
        ) -> io::Result<()> {
            render(&mut self.0)
        }
    }

    /// The unit's JSON as the CLI renders it, whether on a worker or streamed.
    fn rendered_json(unit: Unit, config: &RenderConfig) -> (bool, Vec<u8>) {
        match process(unit, config).output {
            Some(Rendered::Bytes(bytes)) => (false, bytes),
            Some(Rendered::Streamed(work)) => {
                let mut out = Collected(Vec::new());
                work(&mut out).unwrap().unwrap();
                (true, out.0)
            }
            None => panic!("no output"),
        }
    }

    /// Small articles are rendered on a worker and large ones by the writer, in compact and
    /// pretty JSON; the bytes must be those of the whole `Analysis` either way.
    #[test]
    fn json_is_the_whole_reports_json_small_or_streamed() {
        let seed = include_str!("../../fixtures/seed-article.txt");
        let large = format!("{seed}\n\n").repeat(STREAM_FROM_BYTES / seed.len() + 1);
        for (text, streamed) in [(seed.to_string(), false), (large, true)] {
            for only in [None, Some(vec![Section::Quotes, Section::Claims])] {
                for pretty in [false, true] {
                    let unit = Unit {
                        origin: Origin {
                            path: "big.txt".into(),
                            line: None,
                        },
                        payload: Payload::Article(text.clone().into_bytes()),
                        size: text.len() as u64,
                    };
                    let config = RenderConfig {
                        only: only.clone(),
                        ..config(Piece::Json { pretty })
                    };
                    let (was_streamed, json) = rendered_json(unit, &config);
                    assert_eq!(was_streamed, streamed);
                    let options = Options {
                        source: Source {
                            path: "big.txt".into(),
                            ..Source::default()
                        },
                        only: only.clone(),
                        warnings: Vec::new(),
                    };
                    let analysis = byline::analyze(&text, &options);
                    let mut whole = Vec::new();
                    render_to(&text, &analysis, &config, &mut whole).unwrap();
                    assert!(json == whole, "streamed {streamed}, pretty {pretty}");
                }
            }
        }
    }

    #[test]
    fn skipped_units_carry_a_note() {
        let unit = Unit {
            origin: Origin {
                path: "dir/a.bin".into(),
                line: None,
            },
            payload: Payload::Skipped("skipped: binary file".into()),
            size: 0,
        };
        let outcome = process(unit, &config(JSON));
        assert_eq!(outcome.status, Status::Skipped);
        assert!(outcome.output.is_none());
        assert_eq!(
            outcome.messages,
            ["byline: dir/a.bin: skipped: binary file"]
        );
    }
}
