//! The binary's side of byline: turns parsed arguments into a run (which inputs, which
//! output format and framing, colour and width, how many threads, progress) and drives
//! the batch pipeline; also prints shell completions and the man page. Nothing here
//! analyses text; that is the library's job.

pub mod aggregate;
pub mod args;
pub mod html;
pub mod inputs;
pub mod output;
pub mod pipeline;
pub mod process;
pub mod progress;
pub mod table;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use byline::summary::Style;
use clap::error::ErrorKind;
use clap::CommandFactory;

use args::{Args, Command, InputFormat, OutputFormat};
use html::pages::Pages;
use inputs::ReadConfig;
use output::{Framing, SummaryFormat, Writer};
use process::{Piece, RenderConfig};
use progress::Progress;

/// Width used for the text report when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 80;

/// Runs byline with parsed arguments; returns the process exit code (0, 1 or 2).
pub fn run(args: Args) -> io::Result<u8> {
    if let Some(command) = &args.command {
        return run_command(command);
    }
    check_combinations(&args);
    let paths = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    if !args.quiet && paths.iter().any(|p| inputs::is_stdin(p)) && io::stdin().is_terminal() {
        eprintln!("byline: reading the article from standard input (end it with Ctrl-D)");
    }
    let several = paths.len() > 1 || args.input_format == InputFormat::Jsonl || args.recursive;
    let format = args.format.unwrap_or(if several {
        OutputFormat::Jsonl
    } else {
        OutputFormat::Json
    });
    let page_dir = (format == OutputFormat::Html)
        .then(|| page_directory(&args, several))
        .flatten();
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let style = Style {
        width: terminal_width(to_terminal),
        color: to_terminal && colour_allowed(),
    };
    let pretty = args.pretty || to_terminal;
    let (piece, framing) = shape(&args, format, several, pretty, style);
    let render = RenderConfig {
        error_objects: matches!(framing, Framing::Array | Framing::Lines),
        piece,
        only: args.only.clone(),
    };
    let read = ReadConfig {
        input_format: args.input_format,
        max_bytes: args.max_bytes,
        recursive: args.recursive,
    };
    let jobs = args.jobs.map_or_else(default_jobs, usize::from);
    // When the reports themselves scroll by on the terminal they are the progress; a bar
    // drawn between them would only tear.
    let show_progress = several && !args.quiet && !to_terminal && io::stderr().is_terminal();
    let progress = show_progress.then(|| Progress::new(total_size(&paths)));
    if let Some(dir) = page_dir {
        let writer = Pages::writer().with_progress(progress).quiet(args.quiet);
        let mut pages = Pages::create(&dir, writer)?;
        pipeline::run(paths, read, render, jobs, &mut pages)?;
        return Ok(pages.finish()?.exit_code());
    }
    let mut writer = Writer::new(open_output(&args)?, framing)
        .with_progress(progress)
        .quiet(args.quiet);
    pipeline::run(paths, read, render, jobs, &mut writer)?;
    let tally = writer.finish()?;
    Ok(tally.exit_code())
}

/// What each analysis becomes, and how the pieces are framed.
fn shape(
    args: &Args,
    format: OutputFormat,
    several: bool,
    pretty: bool,
    style: Style,
) -> (Piece, Framing) {
    if args.summary {
        let summary = match format {
            OutputFormat::Text => SummaryFormat::Text {
                style,
                top: args.top,
            },
            _ => SummaryFormat::Json {
                pretty,
                top: args.top,
            },
        };
        return (Piece::Digest, Framing::Summary(summary));
    }
    match (format, args.table) {
        (OutputFormat::Tsv | OutputFormat::Csv, Some(table)) => {
            let delimiter = if format == OutputFormat::Csv {
                ','
            } else {
                '\t'
            };
            let header = table::line(table::header(table), delimiter);
            (Piece::Rows { table, delimiter }, Framing::Rows { header })
        }
        (OutputFormat::Json, _) if several => (Piece::Json { pretty }, Framing::Array),
        (OutputFormat::Json, _) => (Piece::Json { pretty }, Framing::Single),
        (OutputFormat::Text, _) => (Piece::Text(style), Framing::Text),
        (OutputFormat::Html, _) => (Piece::Html, Framing::Single),
        _ => (Piece::Json { pretty: false }, Framing::Lines),
    }
}

/// The directory of pages for `-f html` with several inputs (or `-o DIR`); exits with a
/// usage error for several inputs without `-o`.
fn page_directory(args: &Args, several: bool) -> Option<PathBuf> {
    html::pages::directory(args.output.as_deref(), several).unwrap_or_else(|message| {
        Args::command()
            .error(ErrorKind::ArgumentConflict, message)
            .exit()
    })
}

/// Option combinations clap cannot express; exits with a usage error (code 2).
fn check_combinations(args: &Args) {
    let tabular = matches!(args.format, Some(OutputFormat::Tsv | OutputFormat::Csv));
    let html = args.format == Some(OutputFormat::Html);
    let problem = if (tabular || html) && args.summary {
        Some("--summary prints JSON or text, not tsv, csv or html")
    } else if tabular && args.table.is_none() {
        Some("-f tsv and -f csv need --table quotes|entities|claims")
    } else if !tabular && args.table.is_some() {
        Some("--table goes with -f tsv or -f csv")
    } else {
        None
    };
    if let Some(message) = problem {
        Args::command()
            .error(ErrorKind::ArgumentConflict, message)
            .exit();
    }
}

fn run_command(command: &Command) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Args::command(), "byline", &mut out);
        }
        Command::Man => clap_mangen::Man::new(Args::command()).render(&mut out)?,
    }
    out.flush()?;
    Ok(0)
}

fn open_output(args: &Args) -> io::Result<Box<dyn Write>> {
    match &args.output {
        Some(path) => {
            let file = File::create(path).map_err(|err| {
                io::Error::new(
                    err.kind(),
                    format!("{}: {}", path.display(), inputs::io_reason(&err)),
                )
            })?;
            Ok(Box::new(BufWriter::new(file)))
        }
        None => Ok(Box::new(BufWriter::new(io::stdout().lock()))),
    }
}

/// The total input size when every input is a regular file (for the progress bar's ETA).
fn total_size(paths: &[PathBuf]) -> Option<u64> {
    paths.iter().try_fold(0u64, |total, path| {
        let metadata = std::fs::metadata(path).ok()?;
        metadata.is_file().then(|| total + metadata.len())
    })
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// NO_COLOR (https://no-color.org): any non-empty value turns colour off.
fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

fn terminal_width(to_terminal: bool) -> usize {
    let width = to_terminal
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(terminal_size::Width(w), _)| usize::from(w));
    width.unwrap_or(DEFAULT_WIDTH).clamp(20, 120)
}

/// A broken pipe on output means the reader has gone (`byline … | head`): not an error.
pub fn is_broken_pipe(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::BrokenPipe
}
