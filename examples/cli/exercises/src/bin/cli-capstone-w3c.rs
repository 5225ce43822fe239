//! Capstone: a fourth log format, the W3C extended format that IIS writes, from detection to report.

// ANCHOR: solution
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
    let first = text.lines().find(|line| !line.trim().is_empty())?;
    const DIRECTIVES: [&str; 5] = ["#Version:", "#Fields:", "#Software:", "#Date:", "#Remark:"];
    Some(if DIRECTIVES.iter().any(|d| first.starts_with(d)) {
        Format::W3c
    } else if first.trim_start().starts_with('{') {
        Format::Json
    } else {
        Format::Combined
    })
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
        let names: Vec<&str> = line
            .strip_prefix("#Fields:")
            .ok_or(ParseError::Missing("#Fields"))?
            .split_whitespace()
            .collect();
        let find = |name: &'static str| names.iter().position(|&n| n == name);
        let need = |name: &'static str| find(name).ok_or(ParseError::Missing(name));
        Ok(Layout {
            columns: names.len(),
            date: need("date")?,
            time: need("time")?,
            method: need("cs-method")?,
            path: need("cs-uri-stem")?,
            status: need("sc-status")?,
            bytes: find("sc-bytes"),
            duration: find("time-taken"),
        })
    }

    fn parse<'a>(&self, line: &'a str) -> Result<LogLine<'a>, ParseError> {
        let values: Vec<&str> = line.split_whitespace().collect();
        if values.len() != self.columns {
            return Err(ParseError::Columns {
                expected: self.columns,
                found: values.len(),
            });
        }
        // `-` is W3C's empty value, for any field.
        let optional = |index: Option<usize>| index.map(|i| values[i]).filter(|&v| v != "-");
        let digits = |v: &str| {
            (!v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                .then(|| v.parse::<u64>().ok())
                .flatten()
        };
        let time =
            parse_date_time(values[self.date], values[self.time]).ok_or(ParseError::Timestamp)?;
        let status = digits(values[self.status])
            .and_then(|s| u16::try_from(s).ok())
            .filter(|s| (100..=599).contains(s))
            .ok_or(ParseError::Status)?;
        let bytes = optional(self.bytes)
            .map(|v| digits(v).ok_or(ParseError::Bytes))
            .transpose()?;
        let duration_us = optional(self.duration)
            .map(|v| {
                digits(v)
                    .and_then(|ms| ms.checked_mul(1_000))
                    .ok_or(ParseError::Duration)
            })
            .transpose()?;
        Ok(LogLine {
            time,
            method: values[self.method],
            path: values[self.path],
            status,
            bytes,
            duration_us,
        })
    }
}

/// Counts a whole W3C log. Directives may come again mid-file (a server
/// restart writes a new header), and a new `#Fields:` changes the layout
/// from the next line on. A line before any `#Fields:` is malformed.
fn scan_w3c(text: &str) -> Report {
    let mut report = Report::default();
    let mut layout: Option<Layout> = None;
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('#') {
            if line.starts_with("#Fields:") {
                // A header we cannot use makes the lines under it malformed.
                layout = Layout::from_directive(line).ok();
            }
            continue;
        }
        match layout.as_ref().map(|layout| layout.parse(line)) {
            Some(Ok(parsed)) => report.record(&parsed),
            _ => report.malformed += 1,
        }
    }
    report
}

fn main() {
    let log = "#Software: Microsoft Internet Information Services 10.0\n\
               #Fields: date time cs-method cs-uri-stem sc-status sc-bytes time-taken\n\
               2026-11-24 10:00:00 GET /api/users 200 512 15\n";
    println!("{:?}", detect(log));
    println!("{:#?}", scan_w3c(log));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const IIS_FIELDS: &str = "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status sc-bytes time-taken";

    fn iis() -> Layout {
        Layout::from_directive(IIS_FIELDS).expect("a typical IIS #Fields, with sc-bytes enabled")
    }

    #[test]
    fn detects_the_format_from_the_first_line() {
        assert_eq!(
            detect("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n"),
            Some(Format::W3c)
        );
        assert_eq!(
            detect("\n#Version: 1.0\n"),
            Some(Format::W3c),
            "blank lines before the header"
        );
        assert_eq!(detect("#Fields: date time cs-method\n"), Some(Format::W3c));
        assert_eq!(
            detect("{\"time\":\"2026-11-24T10:00:00Z\"}\n"),
            Some(Format::Json)
        );
        assert_eq!(
            detect("1.2.3.4 - - [24/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n"),
            Some(Format::Combined)
        );
        assert_eq!(
            detect("# a shell comment is no directive\n"),
            Some(Format::Combined)
        );
        assert_eq!(detect(""), None);
        assert_eq!(detect("\n  \n"), None);
    }

    #[test]
    fn the_fields_directive_gives_the_columns() {
        let layout = iis();
        assert_eq!(
            layout,
            Layout {
                columns: 15,
                date: 0,
                time: 1,
                method: 3,
                path: 4,
                status: 10,
                bytes: Some(13),
                duration: Some(14)
            }
        );
        let short =
            Layout::from_directive("#Fields: time date cs-uri-stem cs-method sc-status").unwrap();
        assert_eq!(
            (short.date, short.time, short.path, short.method),
            (1, 0, 2, 3),
            "any order"
        );
        assert_eq!(
            (short.bytes, short.duration),
            (None, None),
            "sc-bytes and time-taken are optional"
        );
    }

    #[test]
    fn a_layout_without_a_required_field_is_refused() {
        assert_eq!(
            Layout::from_directive("#Fields: date time cs-method cs-uri-stem"),
            Err(ParseError::Missing("sc-status"))
        );
        assert_eq!(
            Layout::from_directive("#Version: 1.0"),
            Err(ParseError::Missing("#Fields"))
        );
    }

    #[test]
    fn parses_an_iis_line() {
        let line = "2026-11-24 10:00:05 10.0.0.1 GET /api/users page=2 443 - 203.0.113.9 Mozilla/5.0+(X11) 200 0 0 5120 15";
        assert_eq!(
            iis().parse(line),
            Ok(LogLine {
                time: 1_795_514_405,
                method: "GET",
                path: "/api/users",
                status: 200,
                bytes: Some(5120),
                duration_us: Some(15_000)
            })
        );
    }

    #[test]
    fn a_dash_is_an_empty_value() {
        let line = "2026-11-24 10:00:05 10.0.0.1 HEAD / - 443 - 203.0.113.9 - 304 0 0 - -";
        let parsed = iis().parse(line).unwrap();
        assert_eq!((parsed.bytes, parsed.duration_us), (None, None));
    }

    #[test]
    fn bad_values_say_which_field() {
        let good = "2026-11-24 10:00:05 10.0.0.1 GET / - 443 - 203.0.113.9 curl 200 0 0 512 15";
        let with = |index: usize, value: &str| {
            let mut values: Vec<&str> = good.split(' ').collect();
            values[index] = value;
            iis().parse(&values.join(" ")).err()
        };
        assert_eq!(
            with(0, "2026-02-30"),
            Some(ParseError::Timestamp),
            "30 February"
        );
        assert_eq!(with(1, "24:00:00"), Some(ParseError::Timestamp));
        assert_eq!(with(10, "600"), Some(ParseError::Status));
        assert_eq!(
            with(10, "-"),
            Some(ParseError::Status),
            "the status is required"
        );
        assert_eq!(with(13, "12k"), Some(ParseError::Bytes));
        assert_eq!(
            with(14, "1.5"),
            Some(ParseError::Duration),
            "IIS writes whole milliseconds"
        );
        assert_eq!(
            iis().parse("2026-11-24 10:00:05 GET /").unwrap_err(),
            ParseError::Columns {
                expected: 15,
                found: 4
            }
        );
    }

    #[test]
    fn a_whole_log_with_a_restart_in_the_middle() {
        let log = "\
2026-11-24 09:59:59 GET /too-early 200 1
#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2026-11-24 10:00:00
#Fields: date time cs-method cs-uri-stem sc-status sc-bytes time-taken
2026-11-24 10:00:00 GET /api/users 200 512 15
2026-11-24 10:00:01 GET /api/users 200 488 9\r

2026-11-24 10:00:02 POST /api/orders 500 - 1200
2026-11-24 10:00:03 GET /broken
#Software: Microsoft Internet Information Services 10.0
#Fields: time date sc-status cs-uri-stem cs-method
10:05:00 2026-11-24 404 /favicon.ico GET
";
        let report = scan_w3c(log);
        assert_eq!(
            report.requests, 4,
            "three lines under the first header, one under the second"
        );
        assert_eq!(
            report.malformed, 2,
            "the line before any #Fields and the one with two values missing"
        );
        assert_eq!(
            report.status,
            BTreeMap::from([(200, 2), (404, 1), (500, 1)])
        );
        assert_eq!(report.paths.get("/api/users"), Some(&2));
        assert_eq!(
            report.paths.get("/favicon.ico"),
            Some(&1),
            "the second header's order: time date status path method"
        );
        assert_eq!(report.bytes, 1000);
        assert_eq!(report.timed, 3);
    }
}
// ANCHOR_END: tests
