//! Timestamps: the Common Log Format's `[10/Oct/2026:13:55:36 -0700]` and
//! RFC 3339 (`2026-10-10T13:55:36Z`), both to seconds since the Unix epoch.

use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

// ANCHOR: parse_clf
/// `10/Oct/2026:13:55:36 -0700`. The layout is fixed, so the fields are read
/// by position; `time` does the calendar arithmetic and rejects 31 February.
pub fn parse_clf(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 26 || b[2] != b'/' || b[6] != b'/' || b[11] != b':' || b[20] != b' ' {
        return None;
    }
    let day = digits(&b[0..2])? as u8;
    let month = match &b[3..6] {
        b"Jan" => Month::January,
        b"Feb" => Month::February,
        b"Mar" => Month::March,
        b"Apr" => Month::April,
        b"May" => Month::May,
        b"Jun" => Month::June,
        b"Jul" => Month::July,
        b"Aug" => Month::August,
        b"Sep" => Month::September,
        b"Oct" => Month::October,
        b"Nov" => Month::November,
        b"Dec" => Month::December,
        _ => return None,
    };
    let year = digits(&b[7..11])? as i32;
    if b[14] != b':' || b[17] != b':' {
        return None;
    }
    let time = Time::from_hms(
        digits(&b[12..14])? as u8,
        digits(&b[15..17])? as u8,
        digits(&b[18..20])? as u8,
    )
    .ok()?;
    let sign: i8 = match b[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = UtcOffset::from_hms(
        sign * digits(&b[22..24])? as i8,
        sign * digits(&b[24..26])? as i8,
        0,
    )
    .ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    Some(date.with_time(time).assume_offset(offset).unix_timestamp())
}
// ANCHOR_END: parse_clf

/// `2026-10-10T13:55:36.120Z` or with an offset: the JSON lines' `time`.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(OffsetDateTime::unix_timestamp)
}

/// Minutes are printed as `2026-10-10T13:55Z`.
pub fn format_minute(minute: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(minute * 60) {
        Ok(time) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}Z",
            time.year(),
            time.month() as u8,
            time.day(),
            time.hour(),
            time.minute()
        ),
        Err(_) => format!("minute {minute}"),
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

// ANCHOR: cache
/// Log lines come in time order, many to a second: remembering the last
/// text and its value skips the parse for most lines.
#[derive(Debug, Clone, Default)]
pub struct TimestampCache {
    text: String,
    value: Option<i64>,
}

impl TimestampCache {
    pub fn get_or_parse(&mut self, text: &str, parse: fn(&str) -> Option<i64>) -> Option<i64> {
        if self.value.is_none() || self.text != text {
            self.value = parse(text);
            self.text.clear();
            self.text.push_str(text);
        }
        self.value
    }
}
// ANCHOR_END: cache

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_common_log_format_with_its_offset() {
        // 13:55:36 at -07:00 is 20:55:36 UTC.
        assert_eq!(parse_clf("10/Oct/2000:13:55:36 -0700"), Some(971_211_336));
        assert_eq!(
            parse_clf("24/Nov/2026:10:00:00 +0000"),
            parse_rfc3339("2026-11-24T10:00:00Z")
        );
    }

    #[test]
    fn rejects_impossible_dates_and_wrong_layouts() {
        for text in [
            "31/Feb/2026:10:00:00 +0000",
            "24/Nov/2026:25:00:00 +0000",
            "24/Foo/2026:10:00:00 +0000",
            "24/Nov/2026 10:00:00 +0000",
            "24/Nov/2026:10:00:00",
            "",
        ] {
            assert_eq!(parse_clf(text), None, "{text}");
        }
    }

    #[test]
    fn a_cached_value_is_per_text_and_a_failed_parse_is_not_reused() {
        let mut cache = TimestampCache::default();
        assert_eq!(cache.get_or_parse("bad", parse_clf), None);
        let value = cache.get_or_parse("24/Nov/2026:10:00:00 +0000", parse_clf);
        assert!(value.is_some());
        assert_eq!(
            cache.get_or_parse("24/Nov/2026:10:00:01 +0000", parse_clf),
            value.map(|v| v + 1)
        );
    }

    #[test]
    fn formats_minutes_in_utc() {
        assert_eq!(
            format_minute(parse_rfc3339("2026-11-24T10:02:59Z").unwrap() / 60),
            "2026-11-24T10:02Z"
        );
    }
}
