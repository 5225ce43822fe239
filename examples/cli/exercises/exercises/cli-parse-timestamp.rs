//! Exercise: read a Common Log Format timestamp by position, into seconds since the Unix epoch.

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
    // TODO: check the length and the separators, read each field with
    // `digits` (the month with MONTHS), refuse what does not exist, and
    // take the offset out to get UTC.
    let _ = text;
    None
}

fn main() {
    for text in ["10/Oct/2000:13:55:36 -0700", "29/Feb/2023:00:00:00 +0000"] {
        println!("{text} -> {:?}", parse_clf_time(text));
    }
}
