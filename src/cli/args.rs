//! The command line, declared with clap's derive API: every option, its help text, the
//! examples and the exit codes shown by `byline --help`. Parsing only; `run` acts on it.

use std::path::PathBuf;

use byline::Section;
use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

/// The examples of `--help`, also printed line for line (not reflowed) by `byline man`.
macro_rules! examples {
    () => {
        "\
  byline article.txt                  JSON report of one article (pretty on a terminal)
  byline -f text article.txt          readable summary: speakers, quotes, people, claims
  byline -f text --color always article.txt | less -R
                                      the same, coloured, in a pager
  byline a.txt b.txt > reports.jsonl  several articles: one JSON object per line, in order
  byline -r -g '*.txt' -j 2 archive/ -o out.jsonl
                                      the .txt files under archive/, on 2 threads
  zcat dump.jsonl.gz | byline --input-format jsonl --only quotes,entities
                                      JSON Lines records {\"id\", \"text\", ...} on stdin
  byline -r archive/ --summary -f text
                                      top speakers, people, organizations, claims per kind
  byline --table quotes *.txt > quotes.tsv
                                      one row per quotation, for a spreadsheet or pandas
  byline completions bash > /etc/bash_completion.d/byline;  byline man > byline.1"
    };
}

/// The exit codes, in `--help` and in the man page.
macro_rules! exit_status {
    () => {
        "\
  0  every input was analysed
  1  some inputs failed (each reported on stderr as 'byline: PATH: reason'); the others
     were analysed and printed
  2  usage error, or no input could be analysed (an existing -o FILE is then left as it
     was)"
    };
}

pub const EXAMPLES: &str = examples!();
pub const EXIT_STATUS: &str = exit_status!();
const AFTER_HELP: &str = concat!(
    "Examples:\n",
    examples!(),
    "\n\nExit status:\n",
    exit_status!()
);

/// Analyse plain-text news articles: paragraphs and sentences, quotations and their
/// speakers, people, organizations and places, and numeric claims.
#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    after_help = AFTER_HELP,
    max_term_width = 100,
    args_conflicts_with_subcommands = true
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to analyse; none, or `-`, reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format [default: json for one input, jsonl for several, tsv with --table].
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,

    /// Pretty-print JSON even when stdout is not a terminal.
    #[arg(long)]
    pub pretty: bool,

    /// How inputs are framed: `text` (each input is one article) or `jsonl` (each line is a
    /// record {"id": .., "text": .., ...}; other fields are copied to source.meta).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,

    /// Write the output to FILE instead of standard output. FILE is replaced only when the
    /// run succeeds (it is written to a temporary file beside it, then renamed); it may not
    /// be one of the inputs, and a walk with -r skips it. With -f html and several inputs:
    /// a directory for one page per input and an index.html.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print only these sections (comma list of paragraphs, sentences, quotes, entities,
    /// claims); source, stats and warnings are always printed. Only the stages these
    /// sections need run; the stats counts of a stage that did not run are null.
    #[arg(long, value_name = "SECTIONS", value_delimiter = ',', value_parser = parse_section)]
    pub only: Option<Vec<Section>>,

    /// Refuse an input (a file, standard input, or one JSON Lines record) larger than this
    /// many bytes instead of reading it: a number, whole or decimal, with an optional suffix
    /// K, M or G (powers of 1024: 1.5K is 1536). The default, 256 MiB, is far above any real
    /// article and far below the memory it would take.
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = parse_byte_size)]
    pub max_bytes: u64,

    /// Analyse the text files under each directory FILE, in name order (hidden files and
    /// directories are left out; binary files are skipped with a note).
    #[arg(short, long)]
    pub recursive: bool,

    /// With -r (implied): analyse only the walked files matching GLOB, or leave out those
    /// matching !GLOB. Repeatable; a later glob wins over an earlier one. As in ripgrep, a
    /// glob without / matches the file name at any depth ('*.txt'), one with / matches the
    /// path under the directory given ('2024/**/*.txt'), and !dir leaves out a directory.
    /// Files named on the command line are always read.
    #[arg(short, long, value_name = "GLOB", allow_hyphen_values = true)]
    pub glob: Vec<String>,

    /// Articles analysed in parallel [default: the number of CPUs]. Output order is the
    /// input order whatever the number. Each article is one worker's job: a single large
    /// file is no faster with more jobs.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar and no notes about skipped files (errors and warnings still show).
    #[arg(short, long)]
    pub quiet: bool,

    /// Print one aggregate over all inputs instead of a report per input: top speakers
    /// with their utterances, top people, organizations and places, claims per kind
    /// (JSON, or text with -f text).
    #[arg(long)]
    pub summary: bool,

    /// How many names each list of --summary shows [default: 10].
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Print a table, one row per item, as tab-separated values (or as CSV with -f csv).
    #[arg(long, value_enum, value_name = "TABLE")]
    pub table: Option<Table>,

    /// When to colour the text view: auto (a terminal, unless NO_COLOR is set), always (for
    /// `less -R`), never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff) to standard output.
    Man,
}

/// The tables; each one's help lists its columns exactly as its header names them (a test
/// holds the two together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per quotation: path, id, start, end, kind, speaker, cue, text.
    Quotes,
    /// One row per entity: path, id, entity, name, type, mentions, aliases, roles,
    /// affiliation.
    Entities,
    /// One row per numeric claim: path, id, start, end, kind, value, value_max, unit,
    /// qualifier, claimant, subject, text.
    Claims,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour, even into a pipe or a file.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON report (a JSON array of reports for several inputs).
    Json,
    /// One compact JSON report per line, in input order.
    Jsonl,
    /// A readable summary for a person.
    Text,
    /// Tab-separated rows of the --table, with a header; fields quoted as in CSV when needed.
    Tsv,
    /// Comma-separated rows of the --table, with a header (RFC 4180 quoting).
    Csv,
    /// A self-contained HTML page: the article with quotations coloured by speaker, names
    /// and claims marked, and a side panel (several inputs: one page each in -o DIR).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each input is one article in plain text.
    Text,
    /// Each line of each input is a JSON record with a "text" field.
    Jsonl,
}

fn parse_section(s: &str) -> Result<Section, String> {
    s.parse()
}

/// Parses `1024`, `64K`, `1.5K`, `256M`, `1G` (also `256MB`, `256MiB`) into bytes; a
/// decimal size is rounded down to a whole byte.
pub fn parse_byte_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let number_end = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (number, suffix) = s.split_at(number_end);
    let unit: u128 = match suffix.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        "T" | "TB" | "TIB" => 1 << 40,
        _ => {
            return Err(format!(
                "'{s}' is not a size: use a number of bytes with an optional K, M or G \
                 (examples: 1000000, 64K, 1.5M, 1G)"
            ))
        }
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !digits_only(fraction) || fraction.len() > 18 {
        return Err(format!(
            "'{s}' is not a size: use a number of bytes with an optional K, M or G \
             (examples: 1000000, 64K, 1.5M, 1G)"
        ));
    }
    let too_large = || format!("'{s}' is too large");
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let scale = 10u128.pow(fraction.len() as u32);
    let fraction: u128 = fraction.parse().unwrap_or(0);
    let bytes = whole
        .checked_mul(unit)
        .map(|bytes| bytes + fraction * unit / scale)
        .ok_or_else(too_large)?;
    u64::try_from(bytes).map_err(|_| too_large())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn byte_sizes_use_binary_suffixes() {
        assert_eq!(parse_byte_size("1000"), Ok(1000));
        assert_eq!(parse_byte_size("64K"), Ok(65536));
        assert_eq!(parse_byte_size("256M"), Ok(256 * 1024 * 1024));
        assert_eq!(parse_byte_size("1gib"), Ok(1 << 30));
        assert_eq!(parse_byte_size("1.5K"), Ok(1536));
        assert_eq!(parse_byte_size("0.5M"), Ok(512 * 1024));
        assert_eq!(parse_byte_size(".25K"), Ok(256));
        assert_eq!(
            parse_byte_size("2.5"),
            Ok(2),
            "rounded down to a whole byte"
        );
        assert!(parse_byte_size("1.2.3K").is_err());
        assert!(parse_byte_size(".").is_err());
        assert!(parse_byte_size("K").is_err());
        assert!(parse_byte_size("ten").is_err());
        assert!(parse_byte_size("5X").is_err());
        assert!(parse_byte_size("99999999999T").is_err());
    }

    #[test]
    fn only_takes_a_comma_list() {
        let args = Args::try_parse_from(["byline", "--only", "quotes,claims", "a.txt"]).unwrap();
        assert_eq!(args.only, Some(vec![Section::Quotes, Section::Claims]));
        assert!(Args::try_parse_from(["byline", "--only", "quotes,nope"]).is_err());
    }
}
