//! logstat: reads HTTP access logs and reports on them. The binary
//! (main.rs) is a thin shell over `run`, so tests can call it directly.

pub mod cli;
pub mod filter;
pub mod line;
pub mod timestamp;

use anyhow::Result;

use crate::cli::Cli;

// ANCHOR: run
/// For now, what clap understood. The next step reads the files instead.
pub fn run(cli: Cli) -> Result<String> {
    Ok(format!("{cli:#?}\n"))
}
// ANCHOR_END: run
