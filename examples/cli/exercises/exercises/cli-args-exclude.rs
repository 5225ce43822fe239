//! Exercise: two new options on logstat's command line, declared with clap's derive.

use std::path::PathBuf;

use clap::Parser;

/// Reports on HTTP access logs (a slice of logstat's command line).
#[derive(Debug, Parser)]
#[command(name = "logstat")]
struct Cli {
    /// Log files; none, or -, reads standard input
    files: Vec<PathBuf>,

    // TODO: accept -n as well as --top, and only values from 1 to 1000.
    /// How many of the most requested paths to list, from 1 to 1000
    #[arg(long, default_value_t = 10, value_name = "N")]
    top: u16,

    // TODO: a value may also be a comma-separated list (/health,/metrics),
    // and the help should call the value PREFIX.
    /// Leave out paths that start with any of these, e.g. /health,/metrics
    #[arg(long)]
    exclude: Vec<String>,

    /// Print the report as JSON
    #[arg(long)]
    json: bool,
}

fn main() {
    match Cli::try_parse_from(["logstat", "-n", "3", "--exclude", "/health,/metrics"]) {
        Ok(cli) => println!("{cli:?}"),
        Err(error) => print!("{error}"),
    }
}
