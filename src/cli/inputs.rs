//! Reading the inputs in order and cutting them into units of work: one whole article per
//! file (or standard input) with `--input-format text`, one record per line with `jsonl`.
//! Reading is streaming and bounded: a file's size is checked before it is read, standard
//! input and each JSON Lines line are read with a limit (`--max-bytes`), so neither a huge
//! file nor a 50 GB stream is ever held in memory whole. Errors become `Failed` units so
//! that they keep their place in the output order. With `--recursive`, directories are
//! walked in name order (hidden entries left out, `-g` globs applied), binary files and
//! the run's own output skipped with a note.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use byline::input::BINARY_SNIFF_BYTES;
use byline::summary::visible;
use walkdir::{DirEntry, WalkDir};

use super::args::InputFormat;
use super::globs::FileFilter;
use super::outfile::FileId;

/// Where a unit came from: a path ("-" for standard input) and, for JSON Lines, the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: Option<u64>,
}

impl Origin {
    /// `PATH` or `PATH:LINE`, as in error messages (a file name met in a walk cannot steer
    /// the terminal either: see [`visible`]).
    pub fn label(&self) -> String {
        let path = visible(&self.path);
        match self.line {
            Some(line) => format!("{path}:{line}"),
            None => path.into_owned(),
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
    /// Left out on purpose (a binary file found by `--recursive`); the note.
    Skipped(String),
}

/// One unit of work, in input order.
#[derive(Debug)]
pub struct Unit {
    pub origin: Origin,
    pub payload: Payload,
    /// Input bytes this unit stands for (for progress).
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct ReadConfig {
    pub input_format: InputFormat,
    pub max_bytes: u64,
    pub recursive: bool,
    /// The `-g` globs, which pick the files of a walk (`None`: every file).
    pub filter: Option<FileFilter>,
    /// The files (or the page directory) this run writes to: a walk skips them rather than
    /// read its own output.
    pub written: Vec<FileId>,
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
        InputFormat::Text => emit(read_article(stdin, "-", config.max_bytes, false)),
    }
}

fn read_path(path: &Path, config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) -> bool {
    let name = path.display().to_string();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(err) => return emit(failed(&name, io_reason(&err))),
    };
    if !metadata.is_dir() {
        return read_file(path, &name, metadata.len(), config, false, emit);
    }
    if config.recursive {
        read_directory(path, config, emit)
    } else {
        emit(failed(
            &name,
            "is a directory (use -r to analyse the files in it)".to_string(),
        ))
    }
}

/// Every file under `root`, in name order; hidden files and directories are left out, and
/// so are those the globs leave out.
fn read_directory(root: &Path, config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) -> bool {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 || !entry.file_type().is_dir() {
                return entry.depth() == 0 || !is_hidden(entry);
            }
            let admitted = |filter: &FileFilter| filter.admits_directory(under(root, entry));
            !is_hidden(entry)
                && config.filter.as_ref().is_none_or(admitted)
                && !is_written(entry, config)
        });
    for entry in walker {
        let keep_going = match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let admitted = config
                    .filter
                    .as_ref()
                    .is_none_or(|filter| filter.admits_file(under(root, &entry)));
                if admitted {
                    read_walked(&entry, config, emit)
                } else {
                    true
                }
            }
            Ok(_) => true,
            Err(err) => {
                let path = err.path().unwrap_or(root).display().to_string();
                let reason = err.io_error().map_or_else(|| err.to_string(), io_reason);
                emit(failed(&path, reason))
            }
        };
        if !keep_going {
            return false;
        }
    }
    true
}

/// An entry's path under the walked directory `root`, as the globs match it.
fn under<'a>(root: &Path, entry: &'a DirEntry) -> &'a Path {
    entry.path().strip_prefix(root).unwrap_or(entry.path())
}

/// Reads a file met in a walk, unless it is one this run writes.
fn read_walked(entry: &DirEntry, config: &ReadConfig, emit: &mut dyn FnMut(Unit) -> bool) -> bool {
    let name = entry.path().display().to_string();
    if is_written(entry, config) {
        let mut unit = failed(&name, String::new());
        unit.payload = Payload::Skipped("skipped: it is this run's output file".to_string());
        return emit(unit);
    }
    let size = entry.metadata().map_or(0, |m| m.len());
    read_file(entry.path(), &name, size, config, true, emit)
}

/// Whether a walked entry is a file or directory this run writes (the `-o` file, a
/// redirected stdout, the `-f html` page directory).
fn is_written(entry: &DirEntry, config: &ReadConfig) -> bool {
    !config.written.is_empty()
        && entry
            .metadata()
            .ok()
            .and_then(|metadata| FileId::of(&metadata))
            .is_some_and(|id| config.written.contains(&id))
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry.file_name().to_string_lossy().starts_with('.')
}

/// Reads one file of `size` bytes; `walked` files that look binary are skipped.
fn read_file(
    path: &Path,
    name: &str,
    size: u64,
    config: &ReadConfig,
    walked: bool,
    emit: &mut dyn FnMut(Unit) -> bool,
) -> bool {
    if config.input_format == InputFormat::Text && size > config.max_bytes {
        return emit(failed(name, too_large(Some(size), config.max_bytes)));
    }
    let file = match File::open(path) {
        Ok(file) => file,
        Err(err) => return emit(failed(name, io_reason(&err))),
    };
    match config.input_format {
        InputFormat::Jsonl => read_records(BufReader::new(file), name, config.max_bytes, emit),
        InputFormat::Text => emit(read_article(file, name, config.max_bytes, walked)),
    }
}

fn failed(path: &str, reason: String) -> Unit {
    Unit {
        origin: Origin {
            path: path.to_string(),
            line: None,
        },
        payload: Payload::Failed(reason),
        size: 0,
    }
}

/// Reads one whole article, refusing it once it passes `max_bytes` (so a special file or a
/// growing one cannot exhaust memory either). An input whose first bytes hold a NUL or a
/// UTF-16/UTF-32 byte order mark is refused (with `skip_binary`, skipped) after reading
/// only those: `byline /dev/zero` reads 8 KiB, not `max_bytes`.
fn read_article(reader: impl Read, path: &str, max_bytes: u64, skip_binary: bool) -> Unit {
    let origin = Origin {
        path: path.to_string(),
        line: None,
    };
    let mut limited = reader.take(max_bytes.saturating_add(1));
    let mut bytes = Vec::new();
    let sniffed = (&mut limited)
        .take(BINARY_SNIFF_BYTES as u64)
        .read_to_end(&mut bytes);
    let refused = sniffed
        .is_ok()
        .then(|| byline::input::check_start(&bytes).err())
        .flatten();
    let payload = match refused {
        Some(_) if skip_binary => Payload::Skipped("skipped: binary file".to_string()),
        Some(err) => Payload::Failed(err.to_string()),
        None => match sniffed.and_then(|_| limited.read_to_end(&mut bytes)) {
            Err(err) => Payload::Failed(io_reason(&err)),
            Ok(_) if bytes.len() as u64 > max_bytes => Payload::Failed(too_large(None, max_bytes)),
            Ok(_) => Payload::Article(bytes),
        },
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

/// What every JSON Lines line must be; each record error ends with it.
pub const RECORD_SHAPE: &str = "each line should be a JSON object with a \"text\" string";

/// Streams JSON Lines records: one unit per line. Lines over `max_bytes` (not kept in
/// memory) and blank lines are failed units, so every line has its place in the output.
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
        if line_number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            // A byte order mark opening the stream is not part of the first record.
            line.drain(..3);
        }
        let origin = Origin {
            path: path.to_string(),
            line: Some(line_number),
        };
        let unit = match read {
            Ok(None) => return true,
            Ok(Some(end)) => record_unit(origin, line, end, max_bytes),
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

/// The unit of one JSON Lines line (ended by `end`): its record, or the failure that
/// stands in its place.
fn record_unit(origin: Origin, line: Vec<u8>, end: LineEnd, max_bytes: u64) -> Unit {
    match end {
        // A blank line gets its error record too, so that output line N is always the
        // result of input line N.
        LineEnd::Complete if line.iter().all(u8::is_ascii_whitespace) => Unit {
            origin,
            size: line.len() as u64 + 1,
            payload: Payload::Failed(format!("a blank line: {RECORD_SHAPE}")),
        },
        LineEnd::Complete => Unit {
            origin,
            size: line.len() as u64 + 1,
            payload: Payload::Record(line),
        },
        LineEnd::TooLong(length) => Unit {
            origin,
            size: length,
            payload: Payload::Failed(too_large(Some(length), max_bytes)),
        },
    }
}

#[derive(Debug, PartialEq, Eq)]
enum LineEnd {
    Complete,
    /// The line was longer than the limit; its full length. `line` holds nothing useful.
    TooLong(u64),
}

/// Reads one line into `line` (without its end: "\n", "\r\n" or a lone "\r"), keeping at most `limit` bytes of
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
        let end = buffer.iter().position(|&b| b == b'\n' || b == b'\r');
        let carriage_return = end.is_some_and(|n| buffer[n] == b'\r');
        let chunk = &buffer[..end.unwrap_or(buffer.len())];
        length += chunk.len() as u64;
        if length <= limit {
            line.extend_from_slice(chunk);
        } else {
            line.clear();
        }
        let consumed = end.map_or(chunk.len(), |n| n + 1);
        reader.consume(consumed);
        if carriage_return {
            skip_line_feed(reader)?;
        }
        if end.is_some() {
            break;
        }
    }
    if !saw_anything {
        return Ok(None);
    }
    if length > limit {
        return Ok(Some(LineEnd::TooLong(length)));
    }
    Ok(Some(LineEnd::Complete))
}

/// After a carriage return: consumes the line feed of a CRLF line end, if one follows.
fn skip_line_feed(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        match reader.fill_buf() {
            Ok(next) => {
                if next.first() == Some(&b'\n') {
                    reader.consume(1);
                }
                return Ok(());
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        }
    }
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
    fn a_lone_carriage_return_ends_a_line_too() {
        // Old Mac line ends: each record its own line, not all merged into one. The
        // reader's buffer of 4 bytes splits "\r\n" between two refills.
        let got = lines(b"one\rtwo\r\nabc\r\nz\r\r", 100);
        let want = ["one", "two", "abc", "z", ""].map(|s| Ok(s.to_string()));
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
    fn every_line_is_a_numbered_unit_blank_ones_failed() {
        let input = b"{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}\n[\"a long line\"]\n";
        let mut units = Vec::new();
        read_records(&input[..], "in.jsonl", 12, &mut |unit| {
            units.push(unit);
            true
        });
        let labels: Vec<String> = units.iter().map(|u| u.origin.label()).collect();
        let lines = [
            "in.jsonl:1",
            "in.jsonl:2",
            "in.jsonl:3",
            "in.jsonl:4",
            "in.jsonl:5",
        ];
        assert_eq!(labels, lines);
        for blank in &units[1..3] {
            assert!(matches!(&blank.payload, Payload::Failed(m) if m.starts_with("a blank line")));
        }
        assert!(matches!(units[3].payload, Payload::Record(_)));
        assert!(
            matches!(units[4].payload, Payload::Failed(_)),
            "too long, not skipped"
        );
    }

    #[test]
    fn byte_order_mark_before_the_first_record_is_dropped() {
        let input = b"\xEF\xBB\xBF{\"text\":\"a\"}\n";
        let mut units = Vec::new();
        read_records(&input[..], "-", 100, &mut |unit| {
            units.push(unit);
            true
        });
        assert!(matches!(&units[0].payload, Payload::Record(line) if line.starts_with(b"{")));
    }

    #[test]
    fn article_over_the_limit_is_refused() {
        let unit = read_article(&b"0123456789"[..], "-", 5, false);
        assert!(matches!(unit.payload, Payload::Failed(ref m) if m.contains("--max-bytes")));
        let unit = read_article(&b"01234"[..], "-", 5, false);
        assert!(matches!(unit.payload, Payload::Article(ref b) if b.len() == 5));
    }

    #[test]
    fn binary_is_skipped_only_when_asked() {
        let unit = read_article(&b"GIF89a\0\0"[..], "x.gif", 100, true);
        assert!(matches!(unit.payload, Payload::Skipped(_)));
        let unit = read_article(&b"GIF89a\0\0"[..], "x.gif", 100, false);
        assert!(matches!(unit.payload, Payload::Failed(ref m) if m.starts_with("binary data")));
        // Refused after the first 8 KiB, whatever the limit: an endless source of NULs
        // (`/dev/zero`) is not read on.
        let mut endless = std::io::repeat(0).take(1 << 30);
        let unit = read_article(&mut endless, "/dev/zero", 1 << 40, false);
        assert!(
            matches!(unit.payload, Payload::Failed(ref m) if m.contains("NUL byte at offset 0"))
        );
        assert_eq!(endless.limit(), (1 << 30) - BINARY_SNIFF_BYTES as u64);
        let utf16: Vec<u8> = "\u{FEFF}Hi"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let unit = read_article(&utf16[..], "u.txt", 100, false);
        assert!(matches!(unit.payload, Payload::Failed(ref m) if m.starts_with("UTF-16LE text")));
        let long_text = "word ".repeat(4000);
        let unit = read_article(long_text.as_bytes(), "a.txt", 1 << 20, true);
        assert!(matches!(unit.payload, Payload::Article(ref b) if b.len() == long_text.len()));
    }

    #[test]
    fn walks_directories_in_name_order_without_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/.git")).unwrap();
        std::fs::write(root.join("b/2.txt"), "Two.").unwrap();
        std::fs::write(root.join("b/.git/config"), "hidden").unwrap();
        std::fs::write(root.join("a.txt"), "One.").unwrap();
        std::fs::write(root.join(".hidden.txt"), "hidden").unwrap();
        std::fs::write(root.join("c.bin"), b"\0\x01").unwrap();
        let config = ReadConfig {
            input_format: InputFormat::Text,
            max_bytes: 1000,
            recursive: true,
            filter: None,
            written: Vec::new(),
        };
        let mut units = Vec::new();
        produce(&[root.to_path_buf()], &config, &mut |unit| {
            units.push(unit);
            true
        });
        let names: Vec<String> = units
            .iter()
            .map(|u| {
                u.origin
                    .path
                    .trim_start_matches(&*root.to_string_lossy())
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["/a.txt", "/b/2.txt", "/c.bin"]);
        assert!(matches!(units[2].payload, Payload::Skipped(_)));
    }

    #[test]
    fn io_reason_drops_os_error_suffix() {
        let err = io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&err), "No such file or directory");
    }
}
