//! The command line, declared as a struct: clap derives the parser, the
//! `--help` text (from these doc comments) and the error messages.

use std::path::PathBuf;

use clap::Parser;

use crate::filter::{self, StatusMatch};
use crate::line::{DurationUnit, Format};

// ANCHOR: cli
/// Reports on HTTP access logs: status codes, top paths, latency
/// percentiles and requests per minute.
#[derive(Debug, Parser)]
// The name, not the package's or the file's: help and --version say
// "logstat" however the binary is named or started.
#[command(name = "logstat", bin_name = "logstat", version, max_term_width = 100)]
pub struct Cli {
    /// Log files (gzip is detected); none, or -, reads standard input
    pub files: Vec<PathBuf>,

    /// The log format; auto picks one per file from its first lines
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,

    /// How many of the most requested paths to list
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub top: usize,

    /// Print the report as JSON
    #[arg(long)]
    pub json: bool,

    /// Only requests at or after this RFC 3339 time, e.g. 2026-11-24T10:00:00Z
    #[arg(long, value_parser = filter::parse_time, value_name = "TIME")]
    pub since: Option<i64>,

    /// Only requests before this RFC 3339 time
    #[arg(long, value_parser = filter::parse_time, value_name = "TIME")]
    pub until: Option<i64>,

    /// Only these status codes or classes, e.g. 5xx,404
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub status: Vec<StatusMatch>,

    /// Only paths that start with this, e.g. /api/
    #[arg(long, value_name = "PREFIX")]
    pub path_prefix: Option<String>,

    /// The unit of a number after the last field (nginx $request_time: s)
    #[arg(long, value_enum, default_value_t = DurationUnit::S, value_name = "UNIT")]
    pub duration_unit: DurationUnit,
}
// ANCHOR_END: cli
