//! Which requests count: `--since`, `--until`, `--status` and
//! `--path-prefix`. A line that fails a filter is skipped, not malformed.

use std::str::FromStr;

use crate::line::LogLine;
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

impl StatusMatch {
    fn matches(self, status: u16) -> bool {
        match self {
            StatusMatch::Code(code) => status == code,
            StatusMatch::Class(class) => status / 100 == class,
        }
    }
}
// ANCHOR_END: status_match

/// `--since` and `--until` take RFC 3339 times; the error is clap's message.
pub fn parse_time(text: &str) -> Result<i64, String> {
    timestamp::parse_rfc3339(text)
        .ok_or_else(|| format!("'{text}' is not an RFC 3339 time such as 2026-11-24T10:00:00Z"))
}

// ANCHOR: filter
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Inclusive, in seconds since the epoch.
    pub since: Option<i64>,
    /// Exclusive, so that `--since 10:00 --until 11:00` is one hour.
    pub until: Option<i64>,
    /// Any of these; empty means every status.
    pub status: Vec<StatusMatch>,
    pub path_prefix: Option<String>,
}

impl Filter {
    pub fn matches(&self, line: &LogLine<'_>) -> bool {
        self.since.is_none_or(|since| line.time >= since)
            && self.until.is_none_or(|until| line.time < until)
            && (self.status.is_empty() || self.status.iter().any(|s| s.matches(line.status)))
            && self
                .path_prefix
                .as_deref()
                .is_none_or(|prefix| line.path.starts_with(prefix))
    }
}
// ANCHOR_END: filter

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn line(time: i64, status: u16, path: &str) -> LogLine<'_> {
        LogLine {
            time,
            method: Cow::Borrowed("GET"),
            path: Cow::Borrowed(path),
            status,
            bytes: None,
            duration_us: None,
        }
    }

    #[test]
    fn status_values_are_codes_or_classes() {
        assert_eq!("404".parse(), Ok(StatusMatch::Code(404)));
        assert_eq!("5xx".parse(), Ok(StatusMatch::Class(5)));
        assert_eq!("5XX".parse(), Ok(StatusMatch::Class(5)));
        for bad in ["", "4x", "600", "6xx", "40a", "2000", "x"] {
            assert!(bad.parse::<StatusMatch>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_condition_must_hold() {
        let filter = Filter {
            since: Some(100),
            until: Some(200),
            status: vec![StatusMatch::Class(5), StatusMatch::Code(404)],
            path_prefix: Some("/api".into()),
        };
        assert!(filter.matches(&line(100, 503, "/api/users")));
        assert!(filter.matches(&line(199, 404, "/api")));
        assert!(
            !filter.matches(&line(200, 503, "/api/users")),
            "until is exclusive"
        );
        assert!(!filter.matches(&line(99, 503, "/api/users")));
        assert!(!filter.matches(&line(150, 200, "/api/users")));
        assert!(!filter.matches(&line(150, 500, "/health")));
        assert!(Filter::default().matches(&line(0, 200, "/")));
    }
}
