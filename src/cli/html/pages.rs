//! `-f html` with several inputs: one page per input in a directory (`-o DIR`), named
//! after the input (`a.txt` → `a.html`, record 7 of `feed.jsonl` → `feed-7.html`, made
//! unique), and an `index.html` listing every page with its counts and top speakers, and
//! every input that failed. Messages, the tally and the progress bar are the run's
//! usual writer's; this sink only puts each page in its file.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::super::aggregate::Digest;
use super::super::inputs::{self, Origin};
use super::super::output::{Framing, Tally, Writer};
use super::super::pipeline::Sink;
use super::super::process::{Outcome, PieceOut, Rendered, Status};
use super::{escape, wording};

/// Longest file name stem taken from an input's name.
const STEM_CHARS: usize = 60;
/// Speakers the index shows per article.
const TOP_SPEAKERS: usize = 3;

/// Where the pages go: `Ok(Some(dir))` for a directory of pages (several inputs, or `-o`
/// naming a directory), `Ok(None)` for one page on standard output or in the `-o` file,
/// `Err` for several inputs without `-o`.
pub fn directory(output: Option<&Path>, several: bool) -> Result<Option<PathBuf>, &'static str> {
    match output {
        Some(path) if several || path.is_dir() => Ok(Some(path.to_path_buf())),
        None if several => Err("-f html writes one page per input: give a directory with -o DIR"),
        _ => Ok(None),
    }
}

/// The sink of a directory of pages.
pub struct Pages {
    dir: PathBuf,
    /// File names taken, lowercased (for case-insensitive file systems).
    taken: HashSet<String>,
    entries: Vec<Entry>,
    writer: Writer<io::Sink>,
}

/// One line of the index.
struct Entry {
    label: String,
    file: Option<String>,
    digest: Option<Digest>,
    failure: Option<String>,
}

impl Pages {
    /// Creates `dir` if needed; `writer` prints the messages and keeps the tally.
    pub fn create(dir: &Path, writer: Writer<io::Sink>) -> io::Result<Pages> {
        fs::create_dir_all(dir).map_err(|err| named(dir, &err))?;
        Ok(Pages {
            dir: dir.to_path_buf(),
            taken: HashSet::from(["index".to_string()]),
            entries: Vec::new(),
            writer,
        })
    }

    /// A sink whose writer only prints messages and counts.
    pub fn writer() -> Writer<io::Sink> {
        Writer::new(io::sink(), Framing::Single)
    }

    /// Writes `index.html`; returns the tally.
    pub fn finish(mut self) -> io::Result<Tally> {
        let tally = self.writer.finish()?;
        let path = self.dir.join("index.html");
        let mut file = BufWriter::new(File::create(&path).map_err(|err| named(&path, &err))?);
        file.write_all(index(&self.entries).as_bytes())?;
        file.flush().map_err(|err| named(&path, &err))?;
        Ok(tally)
    }

    /// A new, unique file name for the page of `origin`.
    fn file_name(&mut self, origin: &Origin) -> String {
        let stem = stem(origin);
        let mut name = stem.clone();
        let mut n = 1;
        while !self.taken.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{stem}-{n}");
        }
        format!("{name}.html")
    }

    fn write_page(&mut self, outcome: &mut Outcome) -> io::Result<Option<String>> {
        let Some(output) = outcome.output.take() else {
            return Ok(None);
        };
        let name = self.file_name(&outcome.origin);
        let path = self.dir.join(&name);
        let mut page = PageFile {
            out: BufWriter::new(File::create(&path).map_err(|err| named(&path, &err))?),
            digest: None,
        };
        let written = match output {
            Rendered::Bytes(bytes) => page.out.write_all(&bytes).map(|()| Ok(())),
            Rendered::Streamed(work) => work(&mut page),
        };
        page.out.flush().map_err(|err| named(&path, &err))?;
        if let Err(message) = written.map_err(|err| named(&path, &err))? {
            // The article failed part way: no page for it.
            drop(page);
            let _ = fs::remove_file(&path);
            outcome.status = Status::Failed;
            outcome.messages = vec![format!("byline: {message}")];
            return Ok(None);
        }
        if page.digest.is_some() {
            outcome.digest = page.digest;
        }
        Ok(Some(name))
    }
}

impl Sink for Pages {
    fn put(&mut self, mut outcome: Outcome) -> io::Result<()> {
        let file = self.write_page(&mut outcome)?;
        if outcome.status != Status::Skipped {
            let label = outcome.origin.label();
            let failure = (outcome.status == Status::Failed).then(|| {
                let message = outcome.messages.first().map_or("", String::as_str);
                let prefix = format!("byline: {label}: ");
                message.strip_prefix(&prefix).unwrap_or(message).to_string()
            });
            self.entries.push(Entry {
                label,
                file,
                digest: outcome.digest.take(),
                failure,
            });
        }
        self.writer.put(outcome)
    }

    fn idle(&mut self) -> io::Result<()> {
        self.writer.idle()
    }
}

/// Where a large article's page is written as it is rendered.
struct PageFile {
    out: BufWriter<File>,
    digest: Option<Digest>,
}

impl PieceOut for PageFile {
    fn piece(
        &mut self,
        render: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        render(&mut self.out)
    }

    fn digest(&mut self, digest: Digest) {
        self.digest = Some(digest);
    }
}

/// The input's file name without its extension, in ASCII letters, digits, `_` and `.`
/// (any run of other characters becomes one `-`), with the record's line for JSON Lines.
fn stem(origin: &Origin) -> String {
    let name = if inputs::is_stdin(Path::new(&origin.path)) {
        "stdin".to_string()
    } else {
        Path::new(&origin.path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let mut stem = String::new();
    for c in name.chars().take(STEM_CHARS) {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '_' | '.') {
            c
        } else {
            '-'
        };
        if !(c == '-' && stem.ends_with('-')) {
            stem.push(c);
        }
    }
    stem = stem.trim_matches(|c| c == '.' || c == '-').to_string();
    if stem.is_empty() {
        stem = "article".to_string();
    }
    match origin.line {
        Some(line) => format!("{stem}-{line}"),
        None => stem,
    }
}

fn named(path: &Path, err: &io::Error) -> io::Error {
    io::Error::new(
        err.kind(),
        format!("{}: {}", path.display(), inputs::io_reason(err)),
    )
}

/// The index page.
fn index(entries: &[Entry]) -> String {
    let pages = entries.iter().filter(|e| e.file.is_some()).count();
    let failed = entries.len() - pages;
    let mut buf = String::new();
    buf.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    buf.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    buf.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        super::CSP
    ));
    buf.push_str("<title>byline: articles</title>\n<style>\n");
    buf.push_str(super::STYLE);
    buf.push_str("</style>\n</head>\n<body>\n<header class=\"top\"><h1>");
    buf.push_str(&wording::count(pages, "article", "articles"));
    buf.push_str("</h1><p class=\"stats\">");
    if failed > 0 {
        buf.push_str(&wording::count(failed, "input", "inputs"));
        buf.push_str(" failed · ");
    }
    buf.push_str(
        "each page shows the article with its quotations, names and claims</p></header>\n",
    );
    buf.push_str(
        "<main class=\"index\"><table class=\"articles\"><thead><tr><th>article</th>\
         <th class=\"n\">words</th><th class=\"n\">quotations</th><th class=\"n\">people</th>\
         <th class=\"n\">organizations</th><th class=\"n\">claims</th>\
         <th>top speakers (quotations)</th></tr></thead><tbody>\n",
    );
    for entry in entries {
        row(&mut buf, entry);
    }
    buf.push_str("</tbody></table></main>\n</body>\n</html>\n");
    buf
}

fn row(buf: &mut String, entry: &Entry) {
    buf.push_str("<tr><td>");
    match &entry.file {
        Some(file) => {
            buf.push_str("<a href=\"");
            escape::attr(buf, file);
            buf.push_str("\"><bdi>");
            escape::text(buf, &entry.label);
            buf.push_str("</bdi></a>");
        }
        None => {
            buf.push_str("<bdi>");
            escape::text(buf, &entry.label);
            buf.push_str("</bdi>");
        }
    }
    buf.push_str("</td>");
    match (&entry.digest, &entry.failure) {
        (_, Some(failure)) => {
            buf.push_str("<td colspan=\"6\" class=\"failed\">failed: ");
            escape::text(buf, failure);
            buf.push_str("</td>");
        }
        (Some(digest), None) => counts(buf, digest),
        (None, None) => buf.push_str("<td colspan=\"6\"></td>"),
    }
    buf.push_str("</tr>\n");
}

fn counts(buf: &mut String, digest: &Digest) {
    let of_type = |t: &str| digest.entities.iter().filter(|e| e.0 == t).count();
    for n in [
        digest.words as usize,
        digest.quotes as usize,
        of_type("person"),
        of_type("organization"),
        digest.claims as usize,
    ] {
        buf.push_str(&format!("<td class=\"n\">{}</td>", wording::grouped(n)));
    }
    let mut speakers: Vec<&(String, u64)> = digest.speakers.iter().collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    buf.push_str("<td>");
    for (i, (name, quotes)) in speakers.iter().take(TOP_SPEAKERS).enumerate() {
        if i > 0 {
            buf.push_str(", ");
        }
        buf.push_str("<bdi>");
        escape::text(buf, name);
        buf.push_str(&format!("</bdi>\u{a0}({quotes})"));
    }
    buf.push_str("</td>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(path: &str, line: Option<u64>) -> Origin {
        Origin {
            path: path.into(),
            line,
        }
    }

    #[test]
    fn page_names_come_from_input_names_made_safe_and_unique() {
        let mut pages = Pages::create(
            tempfile::tempdir().unwrap().path().join("out").as_path(),
            Pages::writer(),
        )
        .unwrap();
        let names: Vec<String> = [
            origin("news/a.txt", None),
            origin("old/A.txt", None),
            origin("feed.jsonl", Some(7)),
            origin("-", None),
            origin("index.txt", None),
            origin("../<script>.txt", None),
            origin("..", None),
        ]
        .iter()
        .map(|o| pages.file_name(o))
        .collect();
        assert_eq!(
            names,
            [
                "a.html",
                "A-2.html",
                "feed-7.html",
                "stdin.html",
                "index-2.html",
                "script.html",
                "article.html"
            ]
        );
    }

    #[test]
    fn several_inputs_need_a_directory() {
        assert!(directory(None, true).is_err());
        assert_eq!(directory(None, false), Ok(None));
        let file = Path::new("page.html");
        assert_eq!(directory(Some(file), false), Ok(None));
        assert_eq!(directory(Some(file), true), Ok(Some(file.to_path_buf())));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            directory(Some(dir.path()), false),
            Ok(Some(dir.path().to_path_buf()))
        );
    }
}
