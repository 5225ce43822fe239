//! The shape nearly every nginx or Apache line has, read in one pass:
//!
//! `10.0.0.1 - - [24/Nov/2026:10:00:01 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5" 0.004`
//!
//! single spaces, `-` for identity and user, the previous line's timestamp,
//! no backslash escapes. Each check that fails returns `None` and the line
//! goes to the field-by-field parser (`parse_clf_fields`), which handles
//! every other shape and says what is wrong with a malformed line. So this
//! only has to be right when it answers, and a property test checks that it
//! then answers exactly what the field-by-field parser would.

use std::borrow::Cow;

use super::{
    DurationUnit, LogLine, TimestampCache, ascii_u64, parse_duration, parse_status, split_request,
};

// ANCHOR: fast_path
pub(super) fn parse<'a>(
    line: &'a str,
    combined: bool,
    unit: DurationUnit,
    cache: &TimestampCache,
) -> Option<LogLine<'a>> {
    let bytes = line.as_bytes();
    // The client address, found with memchr: the line is long enough for
    // its vectors, and the address ends at the first space.
    let client_end = memchr::memchr(b' ', bytes).filter(|&end| end > 0)?;
    // Identity and user, both `-`, and the timestamp's bracket.
    let mut at = expect(bytes, client_end, b" - - [")?;
    // The timestamp: the previous line's text, closed by `]`.
    let (last, time) = cache.last()?;
    at = expect(bytes, at, last.as_bytes())?;
    at = expect(bytes, at, b"] \"")?;
    // The request, up to a closing quote that no backslash escapes.
    let (request, after) = quoted(line, at)?;
    let (method, path) = split_request(request);
    at = expect(bytes, after, b" ")?;
    // Status (three digits), size (digits or `-`).
    let status = parse_status(line.get(at..at + 3)?).ok()?;
    at = expect(bytes, at + 3, b" ")?;
    let size_end = bytes[at..]
        .iter()
        .position(|&b| b == b' ')
        .map_or(bytes.len(), |i| at + i);
    if size_end == at {
        return None;
    }
    let bytes_sent = match &line[at..size_end] {
        "-" => None,
        size => Some(ascii_u64(size)?),
    };
    at = size_end;
    if combined {
        at = expect(bytes, at, b" \"")?;
        let (_referer, after) = quoted(line, at)?;
        at = expect(bytes, after, b" \"")?;
        let (_user_agent, after) = quoted(line, at)?;
        at = after;
    }
    // Nothing more, or one last word: the duration.
    let duration_us = match &line[at..] {
        "" => None,
        rest => {
            let value = rest.strip_prefix(' ')?;
            if value.is_empty() || value.bytes().any(|b| b.is_ascii_whitespace()) {
                return None;
            }
            Some(parse_duration(value, unit)?)
        }
    };
    Some(LogLine {
        time,
        method: Cow::Borrowed(method),
        path: Cow::Borrowed(path),
        status,
        bytes: bytes_sent,
        duration_us,
    })
}
// ANCHOR_END: fast_path

/// The index after `expected`, if the line has it at `at`.
fn expect(bytes: &[u8], at: usize, expected: &[u8]) -> Option<usize> {
    let end = at + expected.len();
    (bytes.get(at..end)? == expected).then_some(end)
}

/// The text from `at` to the next `"`, and the index after that quote;
/// None if a backslash comes first (an escape: the slow path's job).
fn quoted(line: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    // `"-"`, nginx's empty referer, needs no search. (A character followed
    // by `"` is one byte long, so the slice is on a char boundary.)
    if bytes.get(at + 1) == Some(&b'"') && !matches!(bytes[at], b'"' | b'\\') {
        return Some((&line[at..at + 1], at + 2));
    }
    let end = at + memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
    (bytes[end] == b'"').then(|| (&line[at..end], end + 1))
}
