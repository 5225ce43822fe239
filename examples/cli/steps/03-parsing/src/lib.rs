//! logstat: reads HTTP access logs and reports on them. The binary
//! (main.rs) is a thin shell over `run`, so tests can call it directly.

pub mod cli;
pub mod error;
pub mod filter;
pub mod input;
pub mod line;
pub mod report;
pub mod scan;
pub mod stats;
pub mod timestamp;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::Cli;
use crate::filter::Filter;
use crate::input::Input;
use crate::report::{InputReport, Report};
use crate::scan::ScanOptions;

// ANCHOR: run
/// Opens every input (so a missing file fails before any work), scans them
/// and renders the report.
pub fn run(cli: Cli) -> Result<String> {
    let paths = if cli.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        cli.files
    };
    let inputs = paths
        .iter()
        .map(|path| Input::open(path))
        .collect::<Result<Vec<_>, _>>()?;
    let names: Vec<String> = inputs.iter().map(|input| input.name.clone()).collect();

    let options = ScanOptions {
        format: cli.format,
        duration_unit: cli.duration_unit,
        filter: Filter {
            since: cli.since,
            until: cli.until,
            status: cli.status,
            path_prefix: cli.path_prefix,
        },
    };
    let (stats, formats) = scan::scan(inputs, &options)?;

    let inputs = names
        .into_iter()
        .zip(formats)
        .map(|(name, format)| InputReport { name, format })
        .collect();
    let report = Report::new(stats, inputs, cli.top);
    Ok(if cli.json {
        report.to_json()
    } else {
        report.to_table()
    })
}
// ANCHOR_END: run
