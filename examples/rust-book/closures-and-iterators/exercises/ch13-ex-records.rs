//! Exercise: implement Iterator for a type that turns log lines into
//! records, where an indented line continues the record above it.

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
        // TODO: take lines until one is not blank (no line left: None),
        // then append each following line that `continues`, with a '\n'
        // before it, without taking the first line that does not.
        todo!()
    }
}

fn main() {
    let log =
        "INFO started\nERROR query failed\n  at db::query\n  at handler::get_user\nINFO retrying\n";
    for (number, record) in Records::new(log).enumerate() {
        println!("record {}: {record:?}", number + 1);
    }
}
