//! The command line, declared with clap's derive API: every option, its help text, the
//! examples and the exit codes shown by `byline --help`. Parsing only; `run` acts on it.

use std::path::PathBuf;

use byline::Section;
use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

const AFTER_HELP: &str = "\
Examples:
  byline article.txt                  JSON report of one article (pretty on a terminal)
  byline -f text article.txt          readable summary: counts, quotes, people, claims
  byline a.txt b.txt > reports.jsonl  several articles: one JSON object per line, in order
  byline -r -j 2 archive/ -o out.jsonl
                                      every text file under archive/, on 2 threads
  zcat dump.jsonl.gz | byline --input-format jsonl --only quotes,entities
                                      JSON Lines records {\"id\", \"text\", ...} on stdin
  byline -r archive/ --summary -f text
                                      top speakers, people, organizations, claims per kind
  byline -f tsv --table quotes *.txt > quotes.tsv
                                      one row per quotation, for a spreadsheet or pandas
  byline completions bash > /etc/bash_completion.d/byline;  byline man > byline.1

Exit status:
  0  every input was analysed
  1  some inputs failed (each reported on stderr as 'byline: PATH: reason'); the others
     were analysed and printed
  2  usage error, or no input could be analysed";

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

    /// Output format [default: json for one input, jsonl for several; tsv and csv need
    /// --table].
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,

    /// Pretty-print JSON even when stdout is not a terminal.
    #[arg(long)]
    pub pretty: bool,

    /// How inputs are framed: `text` (each input is one article) or `jsonl` (each line is a
    /// record {"id": .., "text": .., ...}; other fields are copied to source.meta).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,

    /// Write the output to FILE instead of standard output (-f html with several inputs:
    /// a directory for one page per input and an index.html).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print only these sections (comma list of paragraphs, sentences, quotes, entities,
    /// claims); source, stats and warnings are always printed.
    #[arg(long, value_name = "SECTIONS", value_delimiter = ',', value_parser = parse_section)]
    pub only: Option<Vec<Section>>,

    /// Refuse an input (a file, standard input, or one JSON Lines record) larger than this
    /// many bytes instead of reading it; suffixes K, M, G are powers of 1024. The default,
    /// 256 MiB, is far above any real article and far below the memory it would take.
    #[arg(long, value_name = "BYTES", default_value = "256M", value_parser = parse_byte_size)]
    pub max_bytes: u64,

    /// Analyse the text files under each directory FILE, in name order (hidden files and
    /// directories are left out; binary files are skipped with a note).
    #[arg(short, long)]
    pub recursive: bool,

    /// Articles analysed in parallel [default: the number of CPUs]. Output order is the
    /// input order whatever the number.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress bar and no notes about skipped files (errors and warnings still show).
    #[arg(short, long)]
    pub quiet: bool,

    /// Print one aggregate over all inputs instead of a report per input: top speakers
    /// with their quote counts, top people, organizations and places, claims per kind
    /// (JSON, or text with -f text).
    #[arg(long)]
    pub summary: bool,

    /// How many names each list of --summary shows.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,

    /// With -f tsv or -f csv: the table to print, one row per item.
    #[arg(long, value_enum, value_name = "TABLE")]
    pub table: Option<Table>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// One row per quotation: path, id, offsets, kind, speaker, cue, text.
    Quotes,
    /// One row per entity: path, id, entity, name, type, mentions, aliases, roles.
    Entities,
    /// One row per numeric claim: path, id, offsets, kind, value, unit, claimant, text.
    Claims,
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

/// Parses `1024`, `64K`, `256M`, `1G` (also `256MB`, `256MiB`) into bytes.
pub fn parse_byte_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, suffix) = s.split_at(digits_end);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size (examples: 1000000, 64K, 256M, 1G)"))?;
    let unit: u64 = match suffix.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        "T" | "TB" | "TIB" => 1 << 40,
        other => return Err(format!("unknown size suffix '{other}' (use K, M or G)")),
    };
    number
        .checked_mul(unit)
        .ok_or_else(|| format!("'{s}' is too large"))
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
