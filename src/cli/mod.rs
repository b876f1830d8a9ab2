//! The binary's side of byline: turns parsed arguments into a run (which inputs, which
//! output format and framing, colour and width, how many threads) and drives the batch
//! pipeline. Nothing here analyses text; that is the library's job.

pub mod args;
pub mod inputs;
pub mod output;
pub mod pipeline;
pub mod process;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use byline::summary::Style;

use args::{Args, InputFormat, OutputFormat};
use inputs::ReadConfig;
use output::{Framing, Writer};
use process::RenderConfig;

/// Width used for the text report when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 80;

/// Runs byline with parsed arguments; returns the process exit code (0, 1 or 2).
pub fn run(args: Args) -> io::Result<u8> {
    let paths = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files.clone()
    };
    let several = paths.len() > 1 || args.input_format == InputFormat::Jsonl;
    let format = args.format.unwrap_or(if several {
        OutputFormat::Jsonl
    } else {
        OutputFormat::Json
    });
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let framing = match format {
        OutputFormat::Json if several => Framing::Array,
        OutputFormat::Json => Framing::Single,
        OutputFormat::Jsonl => Framing::Lines,
        OutputFormat::Text => Framing::Text,
    };
    let render = RenderConfig {
        format,
        pretty: format == OutputFormat::Json && (args.pretty || to_terminal),
        error_objects: matches!(framing, Framing::Array | Framing::Lines),
        style: Style {
            width: terminal_width(to_terminal),
            color: to_terminal && colour_allowed(),
        },
        only: args.only.clone(),
    };
    let read = ReadConfig {
        input_format: args.input_format,
        max_bytes: args.max_bytes,
    };
    let jobs = default_jobs();
    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            let file = File::create(path).map_err(|err| {
                io::Error::new(
                    err.kind(),
                    format!("{}: {}", path.display(), inputs::io_reason(&err)),
                )
            })?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut writer = Writer::new(out, framing);
    pipeline::run(paths, read, render, jobs, &mut writer)?;
    let tally = writer.finish()?;
    Ok(tally.exit_code())
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
