//! Exercise: a new kind of --status value, a range of codes such as 500-504.

use std::str::FromStr;

use clap::Parser;

/// One `--status` value: a code (404), a class (5xx) or a range (500-504).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusMatch {
    Code(u16),
    Class(u16),
    /// Both ends included.
    Range(u16, u16),
}

/// A status code as servers write it: three digits, 100 to 599.
fn code(text: &str) -> Option<u16> {
    match text.as_bytes() {
        [b'1'..=b'5', b'0'..=b'9', b'0'..=b'9'] => text.parse().ok(),
        _ => None,
    }
}

impl FromStr for StatusMatch {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{text}' is not a status code (404) or class (5xx)");
        if let [class @ b'1'..=b'5', b'x' | b'X', b'x' | b'X'] = text.as_bytes() {
            return Ok(StatusMatch::Class(u16::from(class - b'0')));
        }
        // TODO: a range: two codes joined by a dash, the first not above the
        // second. And the message should mention ranges too.
        code(text).map(StatusMatch::Code).ok_or_else(bad)
    }
}

impl StatusMatch {
    fn matches(self, status: u16) -> bool {
        match self {
            StatusMatch::Code(code) => status == code,
            StatusMatch::Class(class) => status / 100 == class,
            // TODO: both ends are included.
            StatusMatch::Range(_low, _high) => false,
        }
    }
}

/// Reports on HTTP access logs (only the --status option of logstat's).
#[derive(Debug, Parser)]
#[command(name = "logstat")]
struct Cli {
    /// Only these status codes, classes or ranges, e.g. 5xx,404,300-302
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    status: Vec<StatusMatch>,
}

impl Cli {
    /// Whether a request with this status counts: any value matches, or none was given.
    fn counts(&self, status: u16) -> bool {
        self.status.is_empty() || self.status.iter().any(|s| s.matches(status))
    }
}

fn main() {
    let cli = Cli::try_parse_from(["logstat", "--status", "500-504,404"]).expect("a valid list");
    for status in [200, 404, 500, 503, 504, 505] {
        println!(
            "{status}: {}",
            if cli.counts(status) {
                "counted"
            } else {
                "filtered out"
            }
        );
    }
}
