//! logstat: reads HTTP access logs and reports on them. The binary
//! (main.rs) is a thin shell over `run`, so tests can call it directly.

pub mod cli;
pub mod error;
pub mod filter;
pub mod input;
pub mod line;
pub mod scan;
pub mod timestamp;

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::Cli;
use crate::input::Input;

// ANCHOR: run
/// Opens every input (so a missing file fails before any work), then reads
/// each to its end. For now the report is how much each one held.
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
    let mut report = String::new();
    for input in inputs {
        let name = input.name.clone();
        let counts = scan::count(input)?;
        writeln!(
            report,
            "{name}: {} lines, {} bytes",
            counts.lines, counts.bytes
        )?;
    }
    Ok(report)
}
// ANCHOR_END: run
