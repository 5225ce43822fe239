//! The logstat binary: parse the arguments, run, print. Every failure is
//! one line on stderr and a non-zero exit status, never a panic.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use logstat::cli::Cli;

// ANCHOR: main
fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are "errors" that print to stdout and succeed.
        Err(error) if !error.use_stderr() => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("logstat: {}", one_line(&error.to_string()));
            return ExitCode::from(2);
        }
    };
    match logstat::run(cli) {
        Ok(report) => match io::stdout().lock().write_all(report.as_bytes()) {
            // `logstat access.log | head` closes the pipe early: not an error.
            Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("logstat: cannot write the report: {error}");
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        Err(error) => {
            // {:#} prints the error and its causes on one line.
            eprintln!("logstat: {error:#}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: main

// ANCHOR: one_line
/// clap's usage errors span several lines (the error, possible values, a
/// usage line, a tip). Keep the error and the possible values, on one line.
fn one_line(message: &str) -> String {
    let mut lines = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty());
    let first = lines
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ");
    match lines.find(|line| line.starts_with("[possible values")) {
        Some(values) => format!("{first} {values}; see logstat --help"),
        None => format!("{first}; see logstat --help"),
    }
}
// ANCHOR_END: one_line
