//! Timestamps, to seconds since the Unix epoch. For now RFC 3339
//! (`2026-10-10T13:55:36Z`), which --since and --until take.

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// `2026-10-10T13:55:36.120Z` or with an offset.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}
