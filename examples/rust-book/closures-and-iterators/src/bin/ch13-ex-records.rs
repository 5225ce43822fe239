//! Exercise: implement Iterator for a type that turns log lines into
//! records, where an indented line continues the record above it.

// ANCHOR: solution
use std::iter::Peekable;
use std::str::Lines;

/// The records of a log. A record is a line that does not start with a
/// space or a tab, followed by every line right after it that does (a
/// stack trace, say), joined with '\n'. Blank lines are skipped.
struct Records<'a> {
    lines: Peekable<Lines<'a>>,
}

impl<'a> Records<'a> {
    fn new(text: &'a str) -> Self {
        Records {
            lines: text.lines().peekable(),
        }
    }
}

/// Given: does this line continue the record above it?
fn continues(line: &str) -> bool {
    line.starts_with([' ', '\t'])
}

impl Iterator for Records<'_> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        let first = loop {
            let line = self.lines.next()?;
            if !line.trim().is_empty() {
                break line;
            }
        };
        let mut record = first.to_string();
        while let Some(more) = self.lines.next_if(|line| continues(line)) {
            record.push('\n');
            record.push_str(more);
        }
        Some(record)
    }
}

fn main() {
    let log =
        "INFO started\nERROR query failed\n  at db::query\n  at handler::get_user\nINFO retrying\n";
    for (number, record) in Records::new(log).enumerate() {
        println!("record {}: {record:?}", number + 1);
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_records_come_out_unchanged() {
        let records: Vec<String> = Records::new("INFO a\nWARN b\n").collect();
        assert_eq!(records, ["INFO a", "WARN b"]);
    }

    #[test]
    fn indented_lines_join_the_record_above() {
        let log = "ERROR query failed\n  at db::query\n\tat handler::get_user\nINFO next\n";
        let records: Vec<String> = Records::new(log).collect();
        assert_eq!(
            records,
            [
                "ERROR query failed\n  at db::query\n\tat handler::get_user",
                "INFO next"
            ],
            "lines starting with a space or a tab belong to the record before them"
        );
    }

    #[test]
    fn blank_lines_are_skipped() {
        let records: Vec<String> = Records::new("\nINFO a\n\n   \nINFO b\n\n").collect();
        assert_eq!(
            records,
            ["INFO a", "INFO b"],
            "blank lines, even made of spaces, are not records"
        );
    }

    #[test]
    fn an_empty_log_has_no_records() {
        assert_eq!(Records::new("").next(), None);
        assert_eq!(Records::new("\n\n").next(), None);
    }

    #[test]
    fn an_indented_first_line_is_a_record_of_its_own() {
        let records: Vec<String> = Records::new("  at orphan::frame\nINFO a\n").collect();
        assert_eq!(
            records,
            ["  at orphan::frame", "INFO a"],
            "no record above it to join"
        );
    }

    #[test]
    fn works_with_every_adapter() {
        let log = "ERROR a\n  at x\nINFO b\nERROR c\n  at y\n  at z\n";
        let errors = Records::new(log)
            .filter(|record| record.starts_with("ERROR"))
            .count();
        assert_eq!(errors, 2);
        let longest = Records::new(log).max_by_key(|record| record.lines().count());
        assert_eq!(longest.as_deref(), Some("ERROR c\n  at y\n  at z"));
    }
}
// ANCHOR_END: tests
