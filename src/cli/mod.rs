//! The binary's side of byline: turns parsed arguments into a run (which inputs, which
//! output format and framing, colour and width, how many threads, progress) and drives
//! the batch pipeline; also prints shell completions and the man page. Nothing here
//! analyses text; that is the library's job.

pub mod aggregate;
pub mod args;
pub mod closed_output;
pub mod globs;
pub mod html;
pub mod inputs;
pub mod outfile;
pub mod output;
pub mod pipeline;
pub mod process;
pub mod progress;
pub mod table;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use byline::summary::Style;
use clap::error::ErrorKind;
use clap::{CommandFactory, ValueEnum};

use args::{Args, ColorChoice, Command, InputFormat, OutputFormat};
use globs::FileFilter;
use html::pages::Pages;
use inputs::ReadConfig;
use outfile::{FileId, OutputFile};
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
    let filter = file_filter(&args);
    let paths = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let written = written_files(&args);
    if let Some(message) = input_is_output(&paths, &written) {
        eprintln!("byline: {message}");
        return Ok(2);
    }
    if !args.quiet && paths.iter().any(|p| inputs::is_stdin(p)) && io::stdin().is_terminal() {
        eprintln!("byline: reading the article from standard input (end it with Ctrl-D)");
    }
    let read = ReadConfig {
        input_format: args.input_format,
        max_bytes: args.max_bytes,
        recursive: args.recursive || filter.is_some(),
        filter,
        written: written.iter().map(|(id, _)| *id).collect(),
    };
    analyse_all(&args, paths, read)
}

/// Analyses every input and writes what they become: a directory of pages for `-f html`
/// with several inputs, else standard output or the `-o` file.
fn analyse_all(args: &Args, paths: Vec<PathBuf>, read: ReadConfig) -> io::Result<u8> {
    let several = paths.len() > 1 || args.input_format == InputFormat::Jsonl || read.recursive;
    let format = output_format(args, several);
    let page_dir = (format == OutputFormat::Html)
        .then(|| page_directory(args, several))
        .flatten();
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let (render, framing) = render_config(args, format, several, to_terminal);
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
    let (output_file, out) = open_output(args)?;
    let mut writer = Writer::new(out, framing)
        .with_progress(progress)
        .quiet(args.quiet);
    pipeline::run(paths, read, render, jobs, &mut writer)?;
    let code = writer.finish()?.exit_code();
    drop(writer);
    finish_output(output_file, code)?;
    Ok(code)
}

/// What each analysis becomes and how the pieces are framed, styled for a terminal when
/// the output goes to one.
fn render_config(
    args: &Args,
    format: OutputFormat,
    several: bool,
    to_terminal: bool,
) -> (RenderConfig, Framing) {
    let style = text_style(args.color, to_terminal);
    let pretty = args.pretty || to_terminal;
    let (piece, framing) = shape(args, format, several, pretty, style);
    let render = RenderConfig {
        error_objects: matches!(framing, Framing::Array | Framing::Lines),
        piece,
        only: args.only.clone(),
    };
    (render, framing)
}

/// The `-g` globs, compiled; a bad glob is a usage error.
fn file_filter(args: &Args) -> Option<FileFilter> {
    (!args.glob.is_empty()).then(|| {
        FileFilter::new(&args.glob).unwrap_or_else(|message| {
            Args::command()
                .error(ErrorKind::ValueValidation, message)
                .exit()
        })
    })
}

/// `-f`, or the default: tsv with `--table`, JSON Lines for several inputs, else JSON.
fn output_format(args: &Args, several: bool) -> OutputFormat {
    args.format.unwrap_or(if args.table.is_some() {
        OutputFormat::Tsv
    } else if several {
        OutputFormat::Jsonl
    } else {
        OutputFormat::Json
    })
}

fn text_style(color: ColorChoice, to_terminal: bool) -> Style {
    Style {
        width: terminal_width(to_terminal),
        color: match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && colour_allowed(),
        },
    }
}

/// Puts the `-o` file in place when the run succeeded (exit 0 or 1); otherwise the
/// temporary file goes and an existing file stays as it was.
fn finish_output(output_file: Option<OutputFile>, code: u8) -> io::Result<()> {
    let Some(output_file) = output_file else {
        return Ok(());
    };
    if code < 2 {
        return output_file.commit();
    }
    let path = output_file.given().display();
    eprintln!("byline: {path}: not written (nothing could be analysed)");
    Ok(())
}

/// The files this run writes to, with the refusal should one be named as an input: the
/// `-o` file when it exists already, or the file standard output is redirected to.
fn written_files(args: &Args) -> Vec<(FileId, String)> {
    match &args.output {
        Some(path) => FileId::of_path(path)
            .map(|id| {
                let what = format!("the output file (-o {})", path.display());
                (id, format!("{what}: refusing to overwrite an input"))
            })
            .into_iter()
            .collect(),
        None => FileId::of_stdout()
            .map(|id| {
                let what = "standard output (redirected to it)";
                (
                    id,
                    format!("{what}: refusing to read the output as an input"),
                )
            })
            .into_iter()
            .collect(),
    }
}

/// The refusal when an input named on the command line is a file this run writes: the
/// output would destroy the input, or the run would read what it writes.
fn input_is_output(paths: &[PathBuf], written: &[(FileId, String)]) -> Option<String> {
    if written.is_empty() {
        return None;
    }
    paths
        .iter()
        .filter(|path| !inputs::is_stdin(path))
        .find_map(|path| {
            let id = FileId::of_path(path)?;
            let (_, what) = written.iter().find(|(written, _)| *written == id)?;
            Some(format!(
                "{}: is also {what} (write the output elsewhere)",
                path.display()
            ))
        })
}

/// What each analysis becomes, and how the pieces are framed.
fn shape(
    args: &Args,
    format: OutputFormat,
    several: bool,
    pretty: bool,
    style: Style,
) -> (Piece, Framing) {
    let top = args.top.unwrap_or(DEFAULT_TOP);
    if args.summary {
        let summary = match format {
            OutputFormat::Text => SummaryFormat::Text { style, top },
            _ => SummaryFormat::Json { pretty, top },
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

/// How many names each `--summary` list shows unless `--top` says.
const DEFAULT_TOP: usize = 10;

/// Option combinations clap cannot express: options that contradict each other, or one
/// that would be silently ignored. Each is a usage error (exit 2) that says what to do;
/// preferences that change no content (`--color`, `-j`, `-q`) are never refused.
fn check_combinations(args: &Args) {
    if let Some(message) = combination_problem(args) {
        Args::command()
            .error(ErrorKind::ArgumentConflict, message)
            .exit();
    }
}

fn combination_problem(args: &Args) -> Option<String> {
    let tabular = matches!(args.format, Some(OutputFormat::Tsv | OutputFormat::Csv));
    let format_name = args.format.map(|f| {
        f.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    });
    let html = args.format == Some(OutputFormat::Html);
    let problem = if args.summary && (tabular || html || args.table.is_some()) {
        "--summary prints one aggregate (JSON, or text with -f text), not a table or an html page"
            .to_string()
    } else if args.summary && args.only.is_some() {
        "--summary counts speakers, names and claims from every section; --only does not \
         apply to it"
            .to_string()
    } else if args.top.is_some() && !args.summary {
        "--top N sets the length of the --summary lists: add --summary, or leave --top out"
            .to_string()
    } else if tabular && args.table.is_none() {
        "-f tsv and -f csv print a table: add --table quotes|entities|claims".to_string()
    } else if args.table.is_some() && args.format.is_some() && !tabular {
        format!(
            "--table prints tsv or csv, not {}: leave -f out, or use -f tsv or -f csv",
            format_name.unwrap_or_default()
        )
    } else if args.table.is_some() && args.only.is_some() {
        "--only does not apply to tables: --table picks what is printed".to_string()
    } else if args.pretty && !prints_json(args) {
        "--pretty applies to JSON (-f json, or --summary without -f text); JSON Lines are \
         one compact object per line"
            .to_string()
    } else {
        return None;
    };
    Some(problem)
}

/// Whether the run prints JSON that `--pretty` can indent: a report or an array of them
/// (`-f json`, the default for one input) or the JSON aggregate of `--summary`.
fn prints_json(args: &Args) -> bool {
    let several = args.files.len() > 1
        || args.input_format == InputFormat::Jsonl
        || args.recursive
        || !args.glob.is_empty();
    match args.format {
        Some(OutputFormat::Json) => true,
        Some(OutputFormat::Text | OutputFormat::Tsv | OutputFormat::Csv | OutputFormat::Html) => {
            false
        }
        Some(OutputFormat::Jsonl) => args.summary,
        None => args.table.is_none() && (args.summary || !several),
    }
}

fn run_command(command: &Command) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    match command {
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Args::command(), "byline", &mut out);
        }
        Command::Man => render_man(&mut out)?,
    }
    out.flush()?;
    Ok(0)
}

/// Standard output, or the `-o` file (written beside its place, see [`OutputFile`]).
fn open_output(args: &Args) -> io::Result<(Option<OutputFile>, Box<dyn Write>)> {
    match &args.output {
        Some(path) => {
            let (output_file, file) = OutputFile::create(path)?;
            Ok((Some(output_file), Box::new(BufWriter::new(file))))
        }
        None => {
            closed_output::refuse_closed_stdout()?;
            Ok((None, Box::new(BufWriter::new(io::stdout().lock()))))
        }
    }
}

/// The man page: clap_mangen's sections, except that the examples and exit codes are
/// printed as preformatted blocks, line for line as in `--help`, rather than reflowed.
fn render_man(out: &mut dyn Write) -> io::Result<()> {
    let man = clap_mangen::Man::new(Args::command().after_help(None::<&str>));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    write!(out, "{}", roff_block("EXAMPLES", args::EXAMPLES))?;
    write!(out, "{}", roff_block("EXIT STATUS", args::EXIT_STATUS))?;
    man.render_version_section(out)
}

/// A man page section holding `text` unfilled (`.nf`), escaped for roff.
fn roff_block(title: &str, text: &str) -> String {
    let mut block = format!(".SH \"{title}\"\n.nf\n");
    for line in text.lines() {
        let escaped = line.replace('\\', "\\e").replace('-', "\\-");
        if escaped.starts_with(['.', '\'']) {
            block.push_str("\\&");
        }
        block.push_str(&escaped);
        block.push('\n');
    }
    block.push_str(".fi\n");
    block
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

/// `--color auto` on a terminal: NO_COLOR (https://no-color.org), any non-empty value,
/// turns colour off, and so does TERM=dumb.
fn colour_allowed() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|term| term == "dumb");
    !no_color && !dumb
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
