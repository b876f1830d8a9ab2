//! The writing end of a run: frames the rendered pieces (one JSON document, a JSON array,
//! JSON Lines, or text reports separated by blank lines), prints each unit's messages to
//! standard error in input order, and counts what was analysed and what failed.

use std::io::{self, Write};

use super::pipeline::Sink;
use super::process::{Outcome, Status};

/// How the pieces are put together on the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// One JSON document (a single input).
    Single,
    /// A JSON array of documents (`--format json` with several inputs).
    Array,
    /// One JSON document per line.
    Lines,
    /// Text reports separated by a blank line.
    Text,
}

/// How many inputs were analysed and how many failed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub analysed: u64,
    pub failed: u64,
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
    pub tally: Tally,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W, framing: Framing) -> Writer<W> {
        Writer {
            out,
            framing,
            pieces: 0,
            tally: Tally::default(),
        }
    }

    /// Closes the framing (the JSON array) and flushes.
    pub fn finish(&mut self) -> io::Result<Tally> {
        if self.framing == Framing::Array {
            let close: &[u8] = if self.pieces == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(close)?;
        }
        self.out.flush()?;
        Ok(self.tally)
    }

    fn write_piece(&mut self, piece: &[u8]) -> io::Result<()> {
        let first = self.pieces == 0;
        let before: &[u8] = match (self.framing, first) {
            (Framing::Array, true) => b"[\n",
            (Framing::Array, false) => b",\n",
            (Framing::Text, false) => b"\n",
            _ => b"",
        };
        self.out.write_all(before)?;
        self.out.write_all(piece)?;
        if matches!(self.framing, Framing::Single | Framing::Lines) {
            self.out.write_all(b"\n")?;
        }
        self.pieces += 1;
        Ok(())
    }
}

impl<W: Write> Sink for Writer<W> {
    fn put(&mut self, outcome: Outcome) -> io::Result<()> {
        if !outcome.messages.is_empty() {
            // Flush first so that, on a shared terminal, messages follow the output before them.
            self.out.flush()?;
            let mut stderr = io::stderr().lock();
            for message in &outcome.messages {
                let _ = writeln!(stderr, "{message}");
            }
        }
        match outcome.status {
            Status::Analysed => self.tally.analysed += 1,
            Status::Failed => self.tally.failed += 1,
        }
        match &outcome.output {
            Some(piece) => self.write_piece(piece),
            None => Ok(()),
        }
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
            status,
            output: Some(piece.as_bytes().to_vec()),
            messages: Vec::new(),
            size: 0,
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
    }

    #[test]
    fn exit_codes_follow_the_tally() {
        let code = |analysed, failed| Tally { analysed, failed }.exit_code();
        assert_eq!(code(3, 0), 0);
        assert_eq!(code(0, 0), 0);
        assert_eq!(code(2, 1), 1);
        assert_eq!(code(0, 2), 2);
    }
}
