//! Reading the inputs in order and cutting them into units of work: one whole article per
//! file (or standard input) with `--input-format text`, one record per line with `jsonl`.
//! Reading is streaming and bounded: a file's size is checked before it is read, standard
//! input and each JSON Lines line are read with a limit (`--max-bytes`), so neither a huge
//! file nor a 50 GB stream is ever held in memory whole. Errors become `Failed` units so
//! that they keep their place in the output order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::args::InputFormat;

/// Where a unit came from: a path ("-" for standard input) and, for JSON Lines, the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: Option<u64>,
}

impl Origin {
    /// `PATH` or `PATH:LINE`, as in error messages.
    pub fn label(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.path),
            None => self.path.clone(),
        }
    }
}

#[derive(Debug)]
pub enum Payload {
    /// The raw bytes of one whole article.
    Article(Vec<u8>),
    /// One JSON Lines line (without its line end).
    Record(Vec<u8>),
    /// The input could not be read; the reason.
    Failed(String),
}

/// One unit of work, in input order.
#[derive(Debug)]
pub struct Unit {
    pub origin: Origin,
    pub payload: Payload,
    /// Input bytes this unit stands for (for progress).
    pub size: u64,
}

#[derive(Debug, Clone, Copy)]
pub struct ReadConfig {
    pub input_format: InputFormat,
    pub max_bytes: u64,
}

/// Reads every input in order and hands each unit to `emit`; stops early when `emit`
/// returns false (the consumer has gone, for example after a broken pipe).
pub fn produce(paths: &[PathBuf], config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) {
    for path in paths {
        let keep_going = if is_stdin(path) {
            read_stdin(config, emit)
        } else {
            read_path(path, config, emit)
        };
        if !keep_going {
            return;
        }
    }
}

pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn read_stdin(config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) -> bool {
    let stdin = io::stdin().lock();
    match config.input_format {
        InputFormat::Jsonl => read_records(stdin, "-", config.max_bytes, emit),
        InputFormat::Text => emit(read_article(stdin, "-", config.max_bytes)),
    }
}

fn read_path(path: &Path, config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) -> bool {
    let name = path.display().to_string();
    let failed = |reason: String| Unit {
        origin: Origin {
            path: name.clone(),
            line: None,
        },
        payload: Payload::Failed(reason),
        size: 0,
    };
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => return emit(failed(io_reason(&err))),
    };
    if metadata.is_dir() {
        return emit(failed("is a directory".to_string()));
    }
    if config.input_format == InputFormat::Text && metadata.len() > config.max_bytes {
        return emit(failed(too_large(Some(metadata.len()), config.max_bytes)));
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) => return emit(failed(io_reason(&err))),
    };
    match config.input_format {
        InputFormat::Jsonl => read_records(BufReader::new(file), &name, config.max_bytes, emit),
        InputFormat::Text => emit(read_article(file, &name, config.max_bytes)),
    }
}

/// Reads one whole article, refusing it once it passes `max_bytes` (so a special file or a
/// growing one cannot exhaust memory either).
fn read_article(reader: impl Read, path: &str, max_bytes: u64) -> Unit {
    let origin = Origin {
        path: path.to_string(),
        line: None,
    };
    let mut bytes = Vec::new();
    let result = reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    let payload = match result {
        Err(err) => Payload::Failed(io_reason(&err)),
        Ok(_) if bytes.len() as u64 > max_bytes => Payload::Failed(too_large(None, max_bytes)),
        Ok(_) => Payload::Article(bytes),
    };
    let size = match &payload {
        Payload::Article(bytes) => bytes.len() as u64,
        _ => 0,
    };
    Unit {
        origin,
        payload,
        size,
    }
}

/// Streams JSON Lines records: one unit per non-blank line. Lines over `max_bytes` are
/// skipped (not kept in memory) and reported as failed units.
fn read_records(
    mut reader: impl BufRead,
    path: &str,
    max_bytes: u64,
    emit: &mut dyn FnMut(Unit) -> bool,
) -> bool {
    let mut line_number = 0;
    loop {
        let mut line = Vec::new();
        let read = read_line_limited(&mut reader, &mut line, max_bytes);
        line_number += 1;
        let origin = Origin {
            path: path.to_string(),
            line: Some(line_number),
        };
        let unit = match read {
            Ok(None) => return true,
            Ok(Some(LineEnd::Complete)) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(Some(LineEnd::Complete)) => Unit {
                origin,
                size: line.len() as u64 + 1,
                payload: Payload::Record(line),
            },
            Ok(Some(LineEnd::TooLong(length))) => Unit {
                origin,
                size: length,
                payload: Payload::Failed(too_large(Some(length), max_bytes)),
            },
            Err(err) => {
                let unit = Unit {
                    origin,
                    size: 0,
                    payload: Payload::Failed(io_reason(&err)),
                };
                return emit(unit);
            }
        };
        if !emit(unit) {
            return false;
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum LineEnd {
    Complete,
    /// The line was longer than the limit; its full length. `line` holds nothing useful.
    TooLong(u64),
}

/// Reads one line into `line` (without "\n" or "\r\n"), keeping at most `limit` bytes of
/// it in memory. `None` at end of input.
fn read_line_limited(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: u64,
) -> io::Result<Option<LineEnd>> {
    let mut length: u64 = 0;
    let mut saw_anything = false;
    loop {
        let buffer = match reader.fill_buf() {
            Ok(buffer) => buffer,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if buffer.is_empty() {
            break;
        }
        saw_anything = true;
        let newline = buffer.iter().position(|&b| b == b'\n');
        let chunk = &buffer[..newline.unwrap_or(buffer.len())];
        length += chunk.len() as u64;
        if length <= limit {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let consumed = newline.map_or(chunk.len(), |n| n + 1);
        reader.consume(consumed);
        if newline.is_some() {
            break;
        }
    }
    if !saw_anything {
        return Ok(None);
    }
    if line.last() == Some(&b'\r') {
        line.pop();
        length = length.saturating_sub(1);
    }
    if length > limit {
        return Ok(Some(LineEnd::TooLong(length)));
    }
    Ok(Some(LineEnd::Complete))
}

fn too_large(size: Option<u64>, max_bytes: u64) -> String {
    match size {
        Some(size) => format!(
            "input is {size} bytes, over the limit of {max_bytes} bytes (raise it with --max-bytes)"
        ),
        None => format!("input is over the limit of {max_bytes} bytes (raise it with --max-bytes)"),
    }
}

/// An I/O error's message without Rust's " (os error N)" suffix.
pub fn io_reason(err: &io::Error) -> String {
    let message = err.to_string();
    match message.find(" (os error") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: u64) -> Vec<Result<String, u64>> {
        let mut reader = BufReader::with_capacity(4, input);
        let mut out = Vec::new();
        loop {
            let mut line = Vec::new();
            match read_line_limited(&mut reader, &mut line, limit).unwrap() {
                None => return out,
                Some(LineEnd::Complete) => out.push(Ok(String::from_utf8(line).unwrap())),
                Some(LineEnd::TooLong(n)) => out.push(Err(n)),
            }
        }
    }

    #[test]
    fn splits_lines_across_buffer_refills() {
        let got = lines(b"first line\r\nsecond\n\nlast", 100);
        let want = ["first line", "second", "", "last"].map(|s| Ok(s.to_string()));
        assert_eq!(got, want);
    }

    #[test]
    fn overlong_lines_are_measured_not_kept() {
        let got = lines(b"short\nthis one is too long\nok\n", 8);
        assert_eq!(
            got,
            vec![Ok("short".to_string()), Err(20), Ok("ok".to_string())]
        );
    }

    #[test]
    fn records_are_numbered_and_blank_lines_skipped() {
        let input = b"{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}\n[\"a long line\"]\n";
        let mut units = Vec::new();
        read_records(&input[..], "in.jsonl", 12, &mut |unit| {
            units.push(unit);
            true
        });
        let labels: Vec<String> = units.iter().map(|u| u.origin.label()).collect();
        assert_eq!(labels, ["in.jsonl:1", "in.jsonl:4", "in.jsonl:5"]);
        assert!(
            matches!(units[2].payload, Payload::Failed(_)),
            "too long, not skipped"
        );
    }

    #[test]
    fn article_over_the_limit_is_refused() {
        let unit = read_article(&b"0123456789"[..], "-", 5);
        assert!(matches!(unit.payload, Payload::Failed(ref m) if m.contains("--max-bytes")));
        let unit = read_article(&b"01234"[..], "-", 5);
        assert!(matches!(unit.payload, Payload::Article(ref b) if b.len() == 5));
    }

    #[test]
    fn io_reason_drops_os_error_suffix() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&err), "No such file or directory");
    }
}
