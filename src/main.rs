//! The `byline` command: parses the command line and hands over to the `cli` module; all
//! analysis lives in the library. Exit codes: 0 every input analysed, 1 some inputs
//! failed, 2 usage error or nothing analysed (see `byline --help`).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match try_main() {
        Ok(code) => ExitCode::from(code),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("byline: {err}");
            ExitCode::from(2)
        }
    }
}

fn try_main() -> std::io::Result<u8> {
    let args = cli::args::Args::parse();
    cli::run(args)
}
