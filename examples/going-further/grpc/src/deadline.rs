//! Deadlines. A gRPC client sends its remaining time with each call, in the
//! `grpc-timeout` header (`250m` is 250 milliseconds); the server works
//! until then and no longer, and answers DEADLINE_EXCEEDED if it is late.

use std::future::Future;
use std::time::Duration;

use tokio::time::{Instant, timeout_at};
use tonic::metadata::MetadataMap;

use crate::error::UserError;

// ANCHOR: parse
/// `grpc-timeout` as the gRPC over HTTP/2 specification writes it: at most
/// 8 digits, then one unit letter. Anything else is None, and the call gets
/// the server's own limit.
pub fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    let unit = value.chars().last()?;
    let digits = &value[..value.len() - unit.len_utf8()];
    if digits.is_empty() || digits.len() > 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        'H' => Duration::from_secs(n * 3600),
        'M' => Duration::from_secs(n * 60),
        'S' => Duration::from_secs(n),
        'm' => Duration::from_millis(n),
        'u' => Duration::from_micros(n),
        'n' => Duration::from_nanos(n),
        _ => return None,
    })
}
// ANCHOR_END: parse

// ANCHOR: deadline
/// The instant a call must be answered by.
#[derive(Debug, Clone, Copy)]
pub struct Deadline(Instant);

impl Deadline {
    /// From the call's metadata, counted from now, and never later than
    /// `limit`: a client that sends no deadline, or asks for an hour, gets
    /// the server's limit instead.
    pub fn from_metadata(metadata: &MetadataMap, limit: Duration) -> Deadline {
        let asked = metadata
            .get("grpc-timeout")
            .and_then(|value| value.to_str().ok())
            .and_then(parse_grpc_timeout);
        let timeout = asked.map_or(limit, |asked| asked.min(limit));
        Deadline(Instant::now() + timeout)
    }

    pub fn instant(self) -> Instant {
        self.0
    }

    /// Runs `work` until the deadline. Past it, `work` is dropped where it
    /// stands (a query waiting for a connection stops waiting) and the
    /// error is DeadlineExceeded.
    pub async fn run<T>(
        self,
        work: impl Future<Output = Result<T, UserError>>,
    ) -> Result<T, UserError> {
        timeout_at(self.0, work)
            .await
            .unwrap_or(Err(UserError::DeadlineExceeded))
    }
}
// ANCHOR_END: deadline

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit() {
        assert_eq!(parse_grpc_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_grpc_timeout("3M"), Some(Duration::from_secs(180)));
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("250m"), Some(Duration::from_millis(250)));
        assert_eq!(
            parse_grpc_timeout("30000000u"),
            Some(Duration::from_secs(30))
        );
        assert_eq!(parse_grpc_timeout("7n"), Some(Duration::from_nanos(7)));
    }

    #[test]
    fn refuses_what_the_specification_does_not_allow() {
        for bad in [
            "",
            "m",
            "100",
            "123456789m",
            "-1S",
            "+1S",
            "1.5S",
            "10s",
            "1 S",
            "5é",
        ] {
            assert_eq!(parse_grpc_timeout(bad), None, "{bad:?}");
        }
    }
}
