//! Exercise: parse KEY=VALUE config lines, reporting the first bad line.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt;

/// Why a config file was refused. Line numbers count from 1, like an editor's.
#[derive(Debug, PartialEq)]
enum ConfigError {
    /// The line has no `=`, or nothing before it.
    Malformed { line: usize },
    /// The line sets a key that an earlier line already set.
    Duplicate { line: usize, key: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Malformed { line } => write!(f, "line {line}: expected KEY=VALUE"),
            ConfigError::Duplicate { line, key } => write!(f, "line {line}: {key} is set twice"),
        }
    }
}

impl Error for ConfigError {}

/// Reads `KEY=VALUE` lines. Blank lines and lines starting with `#` are
/// skipped, keys and values are trimmed, and the first bad line stops it.
fn parse_config(text: &str) -> Result<BTreeMap<String, String>, ConfigError> {
    // TODO: go through the lines with their numbers (line 1 is the first),
    // skip blank lines and # comments, split each line at its first '=' and
    // trim both sides. Stop at the first problem: no '=' or an empty key is
    // Malformed, a key seen before is Duplicate. Return the map at the end.
    todo!()
}

fn main() {
    let good = "# users-api\nPORT=8080\n\nDATABASE_URL = postgres://db/app?sslmode=require\n";
    let bad = "PORT=8080\nWORKERS 4\nPORT=9090\n";
    for text in [good, bad] {
        match parse_config(text) {
            Ok(config) => {
                for (key, value) in &config {
                    println!("{key} = {value}");
                }
            }
            Err(err) => println!("error: {err}"),
        }
    }
}
