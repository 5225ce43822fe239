//! Exercise: a new kind of --status value, a range of codes such as 500-504.

// ANCHOR: solution
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
        let bad = || format!("'{text}' is not a status code (404), class (5xx) or range (500-504)");
        if let [class @ b'1'..=b'5', b'x' | b'X', b'x' | b'X'] = text.as_bytes() {
            return Ok(StatusMatch::Class(u16::from(class - b'0')));
        }
        if let Some((low, high)) = text.split_once('-') {
            return match (code(low), code(high)) {
                (Some(low), Some(high)) if low <= high => Ok(StatusMatch::Range(low, high)),
                _ => Err(bad()),
            };
        }
        code(text).map(StatusMatch::Code).ok_or_else(bad)
    }
}

impl StatusMatch {
    fn matches(self, status: u16) -> bool {
        match self {
            StatusMatch::Code(code) => status == code,
            StatusMatch::Class(class) => status / 100 == class,
            StatusMatch::Range(low, high) => (low..=high).contains(&status),
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    #[test]
    fn codes_and_classes_still_parse() {
        assert_eq!("404".parse(), Ok(StatusMatch::Code(404)));
        assert_eq!("5xx".parse(), Ok(StatusMatch::Class(5)));
        assert_eq!("2XX".parse(), Ok(StatusMatch::Class(2)));
    }

    #[test]
    fn a_range_is_two_codes_joined_by_a_dash() {
        assert_eq!("500-504".parse(), Ok(StatusMatch::Range(500, 504)));
        assert_eq!("300-399".parse(), Ok(StatusMatch::Range(300, 399)));
        assert_eq!(
            "404-404".parse(),
            Ok(StatusMatch::Range(404, 404)),
            "a one-code range is allowed"
        );
    }

    #[test]
    fn broken_ranges_are_refused() {
        for bad in [
            "504-500",
            "500-",
            "-504",
            "500-600",
            "099-200",
            "5xx-599",
            "500--504",
            "500-504-510",
            "50-504",
            " 500-504",
        ] {
            assert!(
                bad.parse::<StatusMatch>().is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn the_error_names_the_value_and_what_would_be_right() {
        assert_eq!(
            "504-500".parse::<StatusMatch>(),
            Err("'504-500' is not a status code (404), class (5xx) or range (500-504)".to_string())
        );
    }

    #[test]
    fn a_range_includes_both_ends() {
        let range = StatusMatch::Range(500, 504);
        for (status, expected) in [
            (499, false),
            (500, true),
            (502, true),
            (504, true),
            (505, false),
        ] {
            assert_eq!(range.matches(status), expected, "500-504 and {status}");
        }
    }

    #[test]
    fn ranges_mix_with_codes_and_classes_on_the_command_line() {
        let cli = Cli::try_parse_from(["logstat", "--status", "500-504,404", "--status", "2xx"])
            .expect("a valid list");
        assert_eq!(
            cli.status,
            [
                StatusMatch::Range(500, 504),
                StatusMatch::Code(404),
                StatusMatch::Class(2)
            ]
        );
        let counted: Vec<u16> = [200, 301, 404, 410, 500, 504, 505]
            .into_iter()
            .filter(|&s| cli.counts(s))
            .collect();
        assert_eq!(counted, [200, 404, 500, 504]);
    }

    #[test]
    fn a_bad_range_is_a_usage_error_naming_it() {
        let error = Cli::try_parse_from(["logstat", "--status", "404,510-500"])
            .expect_err("510-500 is backwards");
        assert_eq!(error.kind(), ErrorKind::ValueValidation);
        assert!(
            error.to_string().contains("'510-500' is not a status code"),
            "{error}"
        );
    }
}
// ANCHOR_END: tests
