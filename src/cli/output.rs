//! The writing end of a run: frames the rendered pieces (one JSON document, a JSON array,
//! JSON Lines, text reports separated by blank lines, or table rows under one header),
//! prints each unit's messages to standard error in input order, keeps the progress bar
//! and the `--summary` aggregate, and counts what was analysed, failed or skipped.

use std::io::{self, Write};

use byline::summary::Style;

use super::aggregate::Aggregate;
use super::pipeline::Sink;
use super::process::{Outcome, PieceOut, Rendered, Status};
use super::progress::Progress;

/// How the pieces are put together on the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Framing {
    /// One JSON document (a single input).
    Single,
    /// A JSON array of documents (`--format json` with several inputs).
    Array,
    /// One JSON document per line.
    Lines,
    /// Text reports separated by a blank line.
    Text,
    /// Table rows after a header line.
    Rows { header: String },
    /// Nothing per input; the aggregate at the end (`--summary`).
    Summary(SummaryFormat),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummaryFormat {
    Json { pretty: bool, top: usize },
    Text { style: Style, top: usize },
}

/// How many inputs were analysed, failed, or were skipped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub analysed: u64,
    pub failed: u64,
    pub skipped: u64,
}

impl Tally {
    /// 0: all analysed; 1: some failed, others analysed; 2: nothing could be analysed.
    pub fn exit_code(&self) -> u8 {
        match (self.analysed, self.failed) {
            (_, 0) => 0,
            (0, _) => 2,
            _ => 1,
        }
    }
}

pub struct Writer<W: Write> {
    out: W,
    framing: Framing,
    pieces: u64,
    tally: Tally,
    aggregate: Aggregate,
    progress: Option<Progress>,
    /// Leave out notes about skipped files.
    quiet: bool,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, framing: Framing) -> Writer<W> {
        Writer {
            out,
            framing,
            pieces: 0,
            tally: Tally::default(),
            aggregate: Aggregate::default(),
            progress: None,
            quiet: false,
        }
    }

    pub fn with_progress(mut self, progress: Option<Progress>) -> Writer<W> {
        self.progress = progress;
        self
    }

    pub fn quiet(mut self, quiet: bool) -> Writer<W> {
        self.quiet = quiet;
        self
    }

    /// Closes the framing (JSON array, table header, aggregate) and flushes.
    pub fn finish(&mut self) -> io::Result<Tally> {
        if let Some(progress) = &self.progress {
            progress.finish();
        }
        match &self.framing {
            Framing::Array => {
                let close: &[u8] = if self.pieces == 0 { b"[]\n" } else { b"\n]\n" };
                self.out.write_all(close)?;
            }
            Framing::Rows { header } if self.pieces == 0 => {
                self.out.write_all(header.as_bytes())?;
            }
            Framing::Summary(format) => {
                let text = match format {
                    SummaryFormat::Json { pretty, top } => {
                        let report = self.aggregate.report(*top);
                        let json = if *pretty {
                            serde_json::to_string_pretty(&report)
                        } else {
                            serde_json::to_string(&report)
                        };
                        json.map_err(io::Error::other)? + "\n"
                    }
                    SummaryFormat::Text { style, top } => {
                        self.aggregate.report(*top).render_text(style)
                    }
                };
                self.out.write_all(text.as_bytes())?;
            }
            _ => {}
        }
        self.out.flush()?;
        Ok(self.tally)
    }

    fn write_piece(&mut self, piece: &[u8]) -> io::Result<()> {
        self.write_framed(&mut |out: &mut dyn Write| out.write_all(piece))
    }

    /// Writes one piece, produced by `render`, inside the framing.
    fn write_framed(
        &mut self,
        render: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let first = self.pieces == 0;
        match (&self.framing, first) {
            (Framing::Array, true) => self.out.write_all(b"[\n")?,
            (Framing::Array, false) => self.out.write_all(b",\n")?,
            (Framing::Text, false) => self.out.write_all(b"\n")?,
            (Framing::Rows { header }, true) => self.out.write_all(header.as_bytes())?,
            _ => {}
        }
        render(&mut self.out)?;
        if matches!(self.framing, Framing::Single | Framing::Lines) {
            self.out.write_all(b"\n")?;
        }
        self.pieces += 1;
        Ok(())
    }

    fn print_messages(&mut self, outcome: &Outcome) -> io::Result<()> {
        if outcome.messages.is_empty() || (self.quiet && outcome.status == Status::Skipped) {
            return Ok(());
        }
        // Flush first so that, on a shared terminal, messages follow the output before them.
        self.out.flush()?;
        let print = || {
            let mut stderr = io::stderr().lock();
            for message in &outcome.messages {
                let _ = writeln!(stderr, "{message}");
            }
        };
        match &self.progress {
            Some(progress) => progress.suspend(print),
            None => print(),
        }
        Ok(())
    }
}

impl<W: Write> PieceOut for Writer<W> {
    fn piece(
        &mut self,
        render: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        self.write_framed(render)
    }
}

impl<W: Write> Sink for Writer<W> {
    fn put(&mut self, mut outcome: Outcome) -> io::Result<()> {
        self.print_messages(&outcome)?;
        match outcome.output.take() {
            Some(Rendered::Bytes(piece)) => self.write_piece(&piece)?,
            Some(Rendered::Streamed(work)) => {
                // A large article: analysed here and written as it is serialized.
                if let Err(message) = work(self)? {
                    outcome.status = Status::Failed;
                    outcome.messages = vec![format!("byline: {message}")];
                    self.print_messages(&outcome)?;
                }
            }
            None => {}
        }
        match outcome.status {
            Status::Analysed => self.tally.analysed += 1,
            Status::Failed => {
                self.tally.failed += 1;
                self.aggregate.add_failure();
            }
            Status::Skipped => self.tally.skipped += 1,
        }
        if let Some(digest) = outcome.digest.take() {
            self.aggregate.add(digest);
        }
        if let Some(progress) = &mut self.progress {
            progress.advance(outcome.size, outcome.status != Status::Skipped);
        }
        Ok(())
    }

    fn idle(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(piece: &str, status: Status) -> Outcome {
        Outcome {
            origin: crate::cli::inputs::Origin {
                path: "-".into(),
                line: None,
            },
            status,
            output: Some(Rendered::Bytes(piece.as_bytes().to_vec())),
            messages: Vec::new(),
            size: 0,
            digest: None,
        }
    }

    fn written(framing: Framing, pieces: &[&str]) -> String {
        let mut writer = Writer::new(Vec::new(), framing);
        for piece in pieces {
            writer.put(outcome(piece, Status::Analysed)).unwrap();
        }
        writer.finish().unwrap();
        String::from_utf8(writer.out).unwrap()
    }

    #[test]
    fn frames_each_format() {
        assert_eq!(written(Framing::Single, &["{}"]), "{}\n");
        assert_eq!(written(Framing::Lines, &["1", "2"]), "1\n2\n");
        assert_eq!(written(Framing::Array, &["1", "2"]), "[\n1,\n2\n]\n");
        assert_eq!(written(Framing::Array, &[]), "[]\n");
        assert_eq!(written(Framing::Text, &["a\n", "b\n"]), "a\n\nb\n");
        let rows = || Framing::Rows {
            header: "h\n".into(),
        };
        assert_eq!(written(rows(), &["r1\n", "r2\n"]), "h\nr1\nr2\n");
        assert_eq!(written(rows(), &[]), "h\n");
    }

    #[test]
    fn summary_framing_prints_only_the_aggregate() {
        let framing = Framing::Summary(SummaryFormat::Json {
            pretty: false,
            top: 5,
        });
        let out = written(framing, &[]);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["articles"], 0);
        assert!(json["top_speakers"].is_array());
    }

    #[test]
    fn exit_codes_follow_the_tally() {
        let code = |analysed, failed| {
            Tally {
                analysed,
                failed,
                skipped: 1,
            }
            .exit_code()
        };
        assert_eq!(code(3, 0), 0);
        assert_eq!(code(0, 0), 0);
        assert_eq!(code(2, 1), 1);
        assert_eq!(code(0, 2), 2);
    }
}
