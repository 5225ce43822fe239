//! One access-log line as data: the model, the three formats and their
//! parsers. A parsed line borrows its text from the input buffer (no copy per
//! line), which is what the `'a` lifetime on `LogLine` says.

use std::borrow::Cow;

use serde::Deserialize;
use thiserror::Error;

use crate::timestamp::{self, TimestampCache};

// ANCHOR: log_line
/// One request, as the log recorded it. `'a` is the lifetime of the text the
/// line was parsed from: `method` and `path` point into it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogLine<'a> {
    /// Seconds since the Unix epoch, in UTC.
    pub time: i64,
    pub method: Cow<'a, str>,
    pub path: Cow<'a, str>,
    pub status: u16,
    /// Response size in bytes; `-` in the log (no body) is `None`.
    pub bytes: Option<u64>,
    /// How long the request took, in microseconds, when the log says.
    pub duration_us: Option<u64>,
}
// ANCHOR_END: log_line

// ANCHOR: format
/// The log formats logstat reads. `Auto` looks at the first lines of each
/// input and picks one of the other three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Auto,
    /// NCSA Common Log Format: host ident user [time] "request" status bytes
    Common,
    /// Common plus "referer" "user-agent" (Apache and nginx's default)
    Combined,
    /// One JSON object per line: time, method, path, status, bytes, duration_ms
    Json,
}
// ANCHOR_END: format

// ANCHOR: parse_error
/// Why a line is not a log line. Reported with the line's number; never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParseError {
    #[error("empty line")]
    Empty,
    #[error("missing {0}")]
    Missing(&'static str),
    /// A quote or bracket opened and never closed: the line was cut short.
    #[error("{0} cut off: no closing {1}")]
    Unclosed(&'static str, &'static str),
    /// The input's last line, with no newline after it (see scan.rs).
    #[error("no newline at the end: the line was cut short")]
    CutShort,
    /// Longer than any log line should be: skipped, not kept (input.rs).
    #[error("longer than {} MiB: skipped", crate::input::MAX_LINE >> 20)]
    TooLong,
    #[error("bad timestamp")]
    Timestamp,
    #[error("bad status code")]
    Status,
    #[error("bad response size")]
    Bytes,
    #[error("bad duration")]
    Duration,
    #[error("unexpected text after the {0}")]
    Trailing(&'static str),
    #[error("not a JSON log object")]
    Json,
}
// ANCHOR_END: parse_error

/// The unit of a trailing duration field in Common/Combined lines: nginx's
/// `$request_time` is seconds (0.004), Apache's `%D` microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DurationUnit {
    S,
    Ms,
    Us,
}

impl DurationUnit {
    fn micros_per_unit(self) -> u64 {
        POWERS_OF_TEN[self.decimals_to_micros()]
    }

    /// How many decimal digits of this unit make a microsecond.
    fn decimals_to_micros(self) -> usize {
        match self {
            DurationUnit::S => 6,
            DurationUnit::Ms => 3,
            DurationUnit::Us => 0,
        }
    }

    fn to_micros(self, value: f64) -> u64 {
        // `as` saturates: a huge value becomes u64::MAX, never UB or a panic.
        (value * self.micros_per_unit() as f64).round() as u64
    }
}

/// What the parsers need besides the text: the duration unit, and a cache
/// of the last timestamp (consecutive lines usually share their second).
#[derive(Debug, Clone)]
pub struct Parser {
    pub format: Format,
    pub duration_unit: DurationUnit,
    cache: TimestampCache,
}

impl Parser {
    pub fn new(format: Format, duration_unit: DurationUnit) -> Self {
        Parser {
            format,
            duration_unit,
            cache: TimestampCache::default(),
        }
    }

    /// Parses one line (without its newline) in this parser's format.
    /// `Auto` here means "whichever format fits this line".
    pub fn parse<'a>(&mut self, line: &'a str) -> Result<LogLine<'a>, ParseError> {
        match self.format {
            Format::Common => parse_clf(line, false, self.duration_unit, &mut self.cache),
            Format::Combined => parse_clf(line, true, self.duration_unit, &mut self.cache),
            Format::Json => parse_json(line, &mut self.cache),
            Format::Auto => match detect(line) {
                Some(format) => Parser::new(format, self.duration_unit).parse(line),
                None => Err(if is_blank(line) {
                    ParseError::Empty
                } else {
                    ParseError::Missing("request")
                }),
            },
        }
    }
}

// ANCHOR: detect
/// The format of one line, if it is any of them: what `--format auto` uses
/// on the first lines of an input.
pub fn detect(line: &str) -> Option<Format> {
    let mut cache = TimestampCache::default();
    let unit = DurationUnit::S;
    [Format::Json, Format::Combined, Format::Common]
        .into_iter()
        .find(|&format| match format {
            Format::Json => line.starts_with('{') && parse_json(line, &mut cache).is_ok(),
            Format::Combined => parse_clf(line, true, unit, &mut cache).is_ok(),
            _ => parse_clf(line, false, unit, &mut cache).is_ok(),
        })
}
// ANCHOR_END: detect

// ANCHOR: fields
/// A cursor over the text that is left of a line. Each method takes one
/// field off the front and returns a slice of the original line: no copy.
struct Fields<'a> {
    rest: &'a str,
}

impl<'a> Fields<'a> {
    /// The next space-separated word.
    fn word(&mut self, name: &'static str) -> Result<&'a str, ParseError> {
        let rest = skip_spaces(self.rest);
        // Words are short: a plain loop beats setting up a SIMD search.
        let end = rest.bytes().position(|b| b == b' ').unwrap_or(rest.len());
        if end == 0 {
            return Err(ParseError::Missing(name));
        }
        // `end` is at a space or the end: a char boundary, so this cannot panic.
        let (word, rest) = rest.split_at(end);
        self.rest = rest;
        Ok(word)
    }

    /// The text between `open` and `close`, e.g. `[...]` or `"..."`. A
    /// backslash escapes the next byte, as Apache writes a `"` (`\"`; nginx
    /// writes `\x22`, which needs nothing special).
    // ANCHOR: delimited
    fn delimited(
        &mut self,
        open: u8,
        close: u8,
        name: &'static str,
    ) -> Result<&'a str, ParseError> {
        let rest = skip_spaces(self.rest);
        let bytes = rest.as_bytes();
        if bytes.first() != Some(&open) {
            return Err(ParseError::Missing(name));
        }
        let mut i = 1;
        // Jump from one backslash or closing byte to the next (SIMD search).
        while let Some(found) = bytes
            .get(i..)
            .and_then(|tail| memchr::memchr2(b'\\', close, tail))
        {
            i += found;
            if bytes[i] == close {
                // Both ends are ASCII bytes, so both slices are on char boundaries.
                self.rest = &rest[i + 1..];
                return Ok(&rest[1..i]);
            }
            i += 2;
        }
        // Opened, never closed: the line ends inside the field.
        let what = if close == b']' { "bracket" } else { "quote" };
        Err(ParseError::Unclosed(name, what))
    }
    // ANCHOR_END: delimited

    fn is_empty(&self) -> bool {
        is_blank(self.rest)
    }
}

/// The text after any leading spaces. A byte loop: `trim_start_matches(' ')`
/// decodes characters one by one, work a run of ASCII spaces does not need.
fn skip_spaces(text: &str) -> &str {
    let spaces = text.bytes().take_while(|&b| b == b' ').count();
    // Spaces are ASCII, so this is a char boundary.
    &text[spaces..]
}
// ANCHOR_END: fields

/// Where the first byte equal to `a` or `b` is. Eight bytes at a time,
/// packed in a `u64` ("SIMD within a register"): a byte of `w ^ pattern`
/// is zero where `w` matches, and `(x - 0x01…) & !x & 0x80…` sets the top
/// bit of the lowest zero byte (bits above it may be wrong, so only the
/// lowest is used). Fields are a few to a few dozen bytes: too short for
/// memchr's vectors to pay off, long enough for a byte loop to be slow.
fn find2(hay: &[u8], a: u8, b: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let (pa, pb) = (ONES * u64::from(a), ONES * u64::from(b));
    let mut words = hay.chunks_exact(8);
    let mut offset = 0;
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().expect("chunks of 8"));
        let found = zero_byte(w ^ pa) | zero_byte(w ^ pb);
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    let tail = words.remainder().iter().position(|&c| c == a || c == b);
    tail.map(|i| offset + i)
}

// ANCHOR: parse_clf
/// Common (`combined == false`) or Combined Log Format, with an optional
/// request duration as the last field:
///
/// `127.0.0.1 - frank [10/Oct/2026:13:55:36 +0000] "GET /a.gif HTTP/1.1" 200 2326 "-" "curl/8.5" 0.004`
fn parse_clf<'a>(
    line: &'a str,
    combined: bool,
    unit: DurationUnit,
    cache: &mut TimestampCache,
) -> Result<LogLine<'a>, ParseError> {
    if is_blank(line) {
        return Err(ParseError::Empty);
    }
    let mut fields = Fields { rest: line };
    fields.word("client address")?;
    fields.word("identity")?;
    fields.word("user")?;
    let time = fields.delimited(b'[', b']', "timestamp")?;
    let time = cache
        .get_or_parse(time, timestamp::parse_clf)
        .ok_or(ParseError::Timestamp)?;
    let request = fields.delimited(b'"', b'"', "request")?;
    let status = parse_status(fields.word("status code")?)?;
    let bytes = match fields.word("response size")? {
        "-" => None,
        size => Some(ascii_u64(size).ok_or(ParseError::Bytes)?),
    };
    if combined {
        fields.delimited(b'"', b'"', "referer")?;
        fields.delimited(b'"', b'"', "user agent")?;
    }
    let duration_us = if fields.is_empty() {
        None
    } else {
        let after = if combined {
            "user agent"
        } else {
            "response size"
        };
        let value = fields.word("duration")?;
        if !fields.is_empty() {
            return Err(ParseError::Trailing(after));
        }
        Some(parse_duration(value, unit).ok_or(if combined {
            ParseError::Duration
        } else {
            ParseError::Trailing(after)
        })?)
    };
    let (method, path) = split_request(request);
    Ok(LogLine {
        time,
        method: Cow::Borrowed(method),
        path: Cow::Borrowed(path),
        status,
        bytes,
        duration_us,
    })
}
// ANCHOR_END: parse_clf

/// Nothing but spaces, tabs or nothing at all. Stops at the first other
/// byte, so it costs nothing on a real line (`str::trim` looks at both ends).
pub fn is_blank(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_whitespace())
}

// ANCHOR: split_request
/// `GET /users?page=2 HTTP/1.1` is method `GET` and path `/users`: the query
/// string is dropped so that one endpoint counts as one path. A request line
/// that is not one (nginx logs `"-"` for a connection closed early, and raw
/// bytes for TLS spoken to a plain port) keeps its text as the path.
fn split_request(request: &str) -> (&str, &str) {
    // Eight bytes at a time (find2), not str::split or memchr: these
    // strings are short, and a search set up for long haystacks spends
    // more on setting up than it saves on them.
    let bytes = request.as_bytes();
    let Some(space) = find2(bytes, b' ', b' ') else {
        return ("", request);
    };
    // The path ends at a `?` (the query string is dropped) or at the space
    // before the protocol, whichever comes first: one scan, as a rule.
    let target = &request[space + 1..];
    let bytes = target.as_bytes();
    let end = match find2(bytes, b' ', b'?') {
        None => target.len(),
        Some(at) if bytes[at] == b'?' || bytes[at + 1..].starts_with(b"HTTP/") => at,
        // A space inside the target. Servers log the request line as sent,
        // so `GET /a b HTTP/1.1` (answered with a 400) has the path `/a b`:
        // it runs to the protocol, the last word, or to the end without one.
        Some(_) => {
            let before_protocol = match target.rfind(' ') {
                Some(last) if target[last + 1..].starts_with("HTTP/") => last,
                _ => target.len(),
            };
            find2(&bytes[..before_protocol], b'?', b'?').unwrap_or(before_protocol)
        }
    };
    // Split at ASCII bytes: char boundaries.
    let path = &target[..end];
    if space == 0 || path.is_empty() {
        return ("", request);
    }
    (&request[..space], path)
}
// ANCHOR_END: split_request

/// `/users?page=2` counts as `/users`, in every format.
fn without_query(target: &str) -> &str {
    match target.as_bytes().iter().position(|&b| b == b'?') {
        Some(question) => &target[..question],
        None => target,
    }
}

/// Three digits, 100 to 599, read by pattern: `str::parse` would also
/// accept `+20` or `0200`, which no server writes.
fn parse_status(text: &str) -> Result<u16, ParseError> {
    match *text.as_bytes() {
        [a @ b'1'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9'] => Ok([a, b, c]
            .iter()
            .fold(0, |n, d| n * 10 + u16::from(d - b'0'))),
        _ => Err(ParseError::Status),
    }
}

fn parse_duration(text: &str, unit: DurationUnit) -> Option<u64> {
    // Most durations are short decimals (0.042, 1834): read those as
    // integers, exact and without the general work of a float parse.
    if let Some(micros) = decimal_micros(text, unit) {
        return Some(micros);
    }
    micros(text.parse().ok()?, unit)
}

/// `digits[.digits]` with at most 6 decimals, in microseconds; None for
/// anything else (an exponent, a sign, more decimals), left to `f64`.
fn decimal_micros(text: &str, unit: DurationUnit) -> Option<u64> {
    let (whole, fraction) = match text.as_bytes().iter().position(|&b| b == b'.') {
        Some(dot) => (&text[..dot], &text[dot + 1..]),
        None => (text, ""),
    };
    if whole.is_empty() || whole.len() > 12 || fraction.len() > 6 {
        return None;
    }
    let scale = unit.micros_per_unit();
    // `.042` s is 42 thousandths: 42 * 10^(6 - 3) µs. A multiplication while
    // the fraction has no more digits than a microsecond needs (always, for
    // seconds); a division, which truncates, only when it has more.
    let (have, need) = (fraction.len(), unit.decimals_to_micros());
    let fraction = ascii_u64(fraction)?;
    let fraction_micros = if have <= need {
        fraction * POWERS_OF_TEN[need - have]
    } else {
        fraction / POWERS_OF_TEN[have - need]
    };
    Some(ascii_u64(whole)? * scale + fraction_micros)
}

/// 10^0 to 10^6: a fraction has at most 6 digits.
const POWERS_OF_TEN: [u64; 7] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// Decimal digits only (no sign, no spaces; empty is 0), None past u64::MAX.
/// Sizes and durations are short digit runs: this loop does only that,
/// where `str::parse` also handles a sign.
fn ascii_u64(text: &str) -> Option<u64> {
    text.bytes().try_fold(0u64, |n, b| {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// A duration must be a finite, non-negative number.
fn micros(value: f64, unit: DurationUnit) -> Option<u64> {
    (value.is_finite() && value >= 0.0).then(|| unit.to_micros(value))
}

// ANCHOR: json_line
/// The JSON-lines shape logstat reads. `Cow` borrows a string from the line
/// when it has no escapes and owns a copy only when it must unescape one.
#[derive(Deserialize)]
struct JsonLine<'a> {
    #[serde(borrow)]
    time: Cow<'a, str>,
    #[serde(borrow, default)]
    method: Cow<'a, str>,
    #[serde(borrow)]
    path: Cow<'a, str>,
    status: u16,
    bytes: Option<u64>,
    duration_ms: Option<f64>,
}

fn parse_json<'a>(line: &'a str, cache: &mut TimestampCache) -> Result<LogLine<'a>, ParseError> {
    if is_blank(line) {
        return Err(ParseError::Empty);
    }
    let json: JsonLine<'a> = serde_json::from_str(line).map_err(|_| ParseError::Json)?;
    let time = cache
        .get_or_parse(&json.time, timestamp::parse_rfc3339)
        .ok_or(ParseError::Timestamp)?;
    let status = if (100..=599).contains(&json.status) {
        json.status
    } else {
        return Err(ParseError::Status);
    };
    let duration_us = match json.duration_ms {
        Some(ms) => Some(micros(ms, DurationUnit::Ms).ok_or(ParseError::Duration)?),
        None => None,
    };
    let path = match json.path {
        Cow::Borrowed(path) => Cow::Borrowed(without_query(path)),
        Cow::Owned(path) => Cow::Owned(without_query(&path).to_owned()),
    };
    Ok(LogLine {
        time,
        method: json.method,
        path,
        status,
        bytes: json.bytes,
        duration_us,
    })
}
// ANCHOR_END: json_line

#[cfg(test)]
mod tests;
