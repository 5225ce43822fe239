//! Capstone: a fourth log format, the W3C extended format that IIS writes, from detection to report.

use std::collections::BTreeMap;

/// One request, as logstat models it; text fields borrow from the line.
#[derive(Debug, Clone, PartialEq)]
struct LogLine<'a> {
    /// Seconds since the Unix epoch, in UTC.
    time: i64,
    method: &'a str,
    path: &'a str,
    status: u16,
    /// `-` in the log is None.
    bytes: Option<u64>,
    duration_us: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Combined,
    Json,
    W3c,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ParseError {
    /// A required field is not in the `#Fields:` directive.
    Missing(&'static str),
    /// The line has more or fewer values than `#Fields:` names.
    Columns {
        expected: usize,
        found: usize,
    },
    Timestamp,
    Status,
    Bytes,
    Duration,
}

/// Days from 1970-01-01 to a valid date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    era * 146_097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year - 719_468
}

/// W3C logs are in UTC: `2026-11-24` and `10:00:05` as seconds since the epoch.
fn parse_date_time(date: &str, time: &str) -> Option<i64> {
    // A four-digit year and two-digit fields, so no arithmetic below can overflow.
    if date.len() != 10 || time.len() != 8 {
        return None;
    }
    let number = |s: &str| -> Option<i64> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let mut d = date.split('-').map(number);
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(number);
    let (hour, minute, second) = (t.next()??, t.next()??, t.next()??);
    let month_days = [
        31,
        if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) {
            29
        } else {
            28
        },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let valid = d.next().is_none()
        && t.next().is_none()
        && (1..=12).contains(&month)
        && (1..=month_days[month as usize - 1]).contains(&day)
        && hour < 24
        && minute < 60
        && second < 60;
    valid.then(|| days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// The totals the report prints.
#[derive(Debug, Default, PartialEq)]
struct Report {
    requests: u64,
    malformed: u64,
    status: BTreeMap<u16, u64>,
    paths: BTreeMap<String, u64>,
    bytes: u64,
    /// Requests whose duration the log gave.
    timed: u64,
}

impl Report {
    fn record(&mut self, line: &LogLine<'_>) {
        self.requests += 1;
        *self.status.entry(line.status).or_insert(0) += 1;
        *self.paths.entry(line.path.to_string()).or_insert(0) += 1;
        self.bytes += line.bytes.unwrap_or(0);
        self.timed += u64::from(line.duration_us.is_some());
    }
}

/// The format of an input, from its first line: a W3C directive, a JSON
/// object, or else Common/Combined. None for an input with no text.
fn detect(text: &str) -> Option<Format> {
    // TODO: look at the first line that is not blank.
    let _ = text;
    Some(Format::Combined)
}

/// Where each field logstat needs is in a line, from a `#Fields:` directive.
#[derive(Debug, Clone, PartialEq)]
struct Layout {
    columns: usize,
    date: usize,
    time: usize,
    method: usize,
    path: usize,
    status: usize,
    bytes: Option<usize>,
    /// `time-taken`, in milliseconds.
    duration: Option<usize>,
}

impl Layout {
    fn from_directive(line: &str) -> Result<Layout, ParseError> {
        // TODO: find each field's column among the names after "#Fields:".
        let _ = line;
        Err(ParseError::Missing("#Fields"))
    }

    fn parse<'a>(&self, line: &'a str) -> Result<LogLine<'a>, ParseError> {
        // TODO: split the line into values and read each field where the
        // layout says it is (parse_date_time reads the date and time).
        let _ = line;
        Err(ParseError::Columns {
            expected: self.columns,
            found: 0,
        })
    }
}

/// Counts a whole W3C log. Directives may come again mid-file (a server
/// restart writes a new header), and a new `#Fields:` changes the layout
/// from the next line on. A line before any `#Fields:` is malformed.
fn scan_w3c(text: &str) -> Report {
    // TODO: skip blank lines and directives, follow each #Fields:, and
    // record every line that parses.
    let mut report = Report::default();
    report.malformed = text.lines().count() as u64;
    report
}

fn main() {
    let log = "#Software: Microsoft Internet Information Services 10.0\n\
               #Fields: date time cs-method cs-uri-stem sc-status sc-bytes time-taken\n\
               2026-11-24 10:00:00 GET /api/users 200 512 15\n";
    println!("{:?}", detect(log));
    println!("{:#?}", scan_w3c(log));
}
