//! Which requests count: `--since`, `--until`, `--status` and
//! `--path-prefix`. For now, reading the values the command line gives.

use std::str::FromStr;

use crate::timestamp;

// ANCHOR: status_match
/// One `--status` value: a code (`404`) or a class (`5xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusMatch {
    Code(u16),
    Class(u16),
}

impl FromStr for StatusMatch {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{text}' is not a status code (404) or class (5xx)");
        match text.as_bytes() {
            [class @ b'1'..=b'5', b'x' | b'X', b'x' | b'X'] => {
                Ok(StatusMatch::Class(u16::from(class - b'0')))
            }
            [b'1'..=b'5', b'0'..=b'9', b'0'..=b'9'] => {
                text.parse().map(StatusMatch::Code).map_err(|_| bad())
            }
            _ => Err(bad()),
        }
    }
}
// ANCHOR_END: status_match

/// `--since` and `--until` take RFC 3339 times; the error is clap's message.
pub fn parse_time(text: &str) -> Result<i64, String> {
    timestamp::parse_rfc3339(text)
        .ok_or_else(|| format!("'{text}' is not an RFC 3339 time such as 2026-11-24T10:00:00Z"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_values_are_codes_or_classes() {
        assert_eq!("404".parse(), Ok(StatusMatch::Code(404)));
        assert_eq!("5xx".parse(), Ok(StatusMatch::Class(5)));
        assert_eq!("5XX".parse(), Ok(StatusMatch::Class(5)));
        for bad in ["", "4x", "600", "6xx", "40a", "2000", "x"] {
            assert!(bad.parse::<StatusMatch>().is_err(), "{bad}");
        }
    }
}
