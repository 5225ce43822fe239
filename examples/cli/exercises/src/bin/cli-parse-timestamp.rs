//! Exercise: read a Common Log Format timestamp by position, into seconds since the Unix epoch.

// ANCHOR: solution
const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// The number the ASCII digits spell, or None if any byte is not a digit.
fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date (negative before it), for a
/// valid date; month and day count from 1.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Howard Hinnant's algorithm: years start in March, so the leap day is last.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// `10/Oct/2000:13:55:36 -0700` as seconds since the epoch, in UTC; None
/// for any other layout and for a date or time that does not exist.
fn parse_clf_time(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    // The separators first: after this, every index below is in bounds.
    if b.len() != 26
        || b[2] != b'/'
        || b[6] != b'/'
        || b[11] != b':'
        || b[14] != b':'
        || b[17] != b':'
        || b[20] != b' '
    {
        return None;
    }
    let day = digits(&b[0..2])?;
    let month = MONTHS.iter().position(|name| name[..] == b[3..6])? as i64 + 1;
    let year = digits(&b[7..11])?;
    let (hour, minute, second) = (
        digits(&b[12..14])?,
        digits(&b[15..17])?,
        digits(&b[18..20])?,
    );
    let sign = match b[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (offset_hours, offset_minutes) = (digits(&b[22..24])?, digits(&b[24..26])?);
    if !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
        || offset_hours > 23
        || offset_minutes > 59
    {
        return None;
    }
    let local = days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
    // The log's clock is `offset` ahead of UTC: subtract it to get UTC.
    Some(local - sign * (offset_hours * 3_600 + offset_minutes * 60))
}

fn main() {
    for text in ["10/Oct/2000:13:55:36 -0700", "29/Feb/2023:00:00:00 +0000"] {
        println!("{text} -> {:?}", parse_clf_time(text));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utc_timestamp() {
        assert_eq!(
            parse_clf_time("24/Nov/2026:10:00:00 +0000"),
            Some(1_795_514_400)
        );
        assert_eq!(
            parse_clf_time("01/Jan/1970:00:00:00 +0000"),
            Some(0),
            "the epoch itself"
        );
        assert_eq!(
            parse_clf_time("31/Dec/1969:23:59:59 +0000"),
            Some(-1),
            "a second before the epoch"
        );
    }

    #[test]
    fn the_offset_is_taken_out() {
        // 13:55:36 at -07:00 is 20:55:36 UTC.
        assert_eq!(
            parse_clf_time("10/Oct/2000:13:55:36 -0700"),
            Some(971_211_336)
        );
        assert_eq!(
            parse_clf_time("01/Jan/2026:05:30:00 +0530"),
            parse_clf_time("01/Jan/2026:00:00:00 +0000"),
            "05:30 in India is midnight UTC: offset minutes count too"
        );
        assert_eq!(
            parse_clf_time("31/Dec/2025:23:00:00 -0100"),
            parse_clf_time("01/Jan/2026:00:00:00 +0000"),
            "an offset can move the time into the next day and year"
        );
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert_eq!(
            parse_clf_time("29/Feb/2024:12:00:00 +0000"),
            Some(1_709_208_000)
        );
        assert!(
            parse_clf_time("29/Feb/2000:00:00:00 +0000").is_some(),
            "2000 is divisible by 400: a leap year"
        );
        assert_eq!(
            parse_clf_time("29/Feb/2023:00:00:00 +0000"),
            None,
            "2023 is no leap year"
        );
        assert_eq!(
            parse_clf_time("29/Feb/1900:00:00:00 +0000"),
            None,
            "1900 is divisible by 100 only: no leap year"
        );
    }

    #[test]
    fn dates_and_times_that_do_not_exist_are_refused() {
        for text in [
            "31/Apr/2026:10:00:00 +0000",
            "00/Jan/2026:10:00:00 +0000",
            "32/Jan/2026:10:00:00 +0000",
            "24/Nov/2026:24:00:00 +0000",
            "24/Nov/2026:10:60:00 +0000",
            "24/Nov/2026:10:00:60 +0000",
            "24/Nov/2026:10:00:00 +2400",
            "24/Nov/2026:10:00:00 +0060",
        ] {
            assert_eq!(parse_clf_time(text), None, "{text}");
        }
    }

    #[test]
    fn other_layouts_are_refused() {
        for text in [
            "",
            "24/Nov/2026:10:00:00",
            "24/Nov/2026:10:00:00 0000",
            "24/nov/2026:10:00:00 +0000",
            "24/Foo/2026:10:00:00 +0000",
            "24/Nov/2026 10:00:00 +0000",
            "24-Nov-2026:10:00:00 +0000",
            "2a/Nov/2026:10:00:00 +0000",
            "24/Nov/2026:10:00:00 +00:00",
            "24/Nov/2026:1:00:00 +0000 ",
            "24/Nov/2026:10:00:00 +0000]",
        ] {
            assert_eq!(parse_clf_time(text), None, "{text:?}");
        }
    }

    #[test]
    fn no_text_makes_it_panic() {
        // Multi-byte characters where digits belong: indexing by byte must not panic.
        assert_eq!(parse_clf_time("24/Nov/2026:10:00:é0 +0000"), None);
        assert_eq!(parse_clf_time("24/Növ/2026:10:00:00 +000"), None);
    }
}
// ANCHOR_END: tests
