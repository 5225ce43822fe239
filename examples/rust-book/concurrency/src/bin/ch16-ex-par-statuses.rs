//! Exercise: requests per status code, counted on every core with rayon.

// ANCHOR: solution
use rayon::prelude::*;
use std::collections::BTreeMap;

/// The status field (the third) of one line, if it is a number.
fn status_of(line: &str) -> Option<u16> {
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Requests per status code; lines without a numeric status are skipped.
fn count_statuses(lines: &[String]) -> BTreeMap<u16, u64> {
    lines
        .par_iter()
        .fold(BTreeMap::new, |mut counts, line| {
            if let Some(status) = status_of(line) {
                *counts.entry(status).or_insert(0) += 1;
            }
            counts
        })
        .reduce(BTreeMap::new, |mut total, part| {
            for (status, count) in part {
                *total.entry(status).or_insert(0) += count;
            }
            total
        })
}

fn main() {
    let lines: Vec<String> = [
        "GET /users 200 512",
        "GET /orders 500 64",
        "GET /users 200 512",
    ]
    .map(String::from)
    .to_vec();
    println!("{:?}", count_statuses(&lines));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(String::from).collect()
    }

    #[test]
    fn counts_each_status() {
        let log =
            lines("GET /users 200 512\nGET /orders 500 64\nGET /users 200 512\nPOST /login 401 0");
        let expected = BTreeMap::from([(200, 2), (401, 1), (500, 1)]);
        assert_eq!(count_statuses(&log), expected);
    }

    #[test]
    fn skips_lines_without_a_status() {
        let log = lines("GET /users 200 512\ngarbage\nGET /health ok 2\n");
        assert_eq!(
            count_statuses(&log),
            BTreeMap::from([(200, 1)]),
            "only one line has a numeric status"
        );
    }

    #[test]
    fn an_empty_log_has_no_statuses() {
        assert!(count_statuses(&[]).is_empty(), "no lines, no statuses");
    }

    #[test]
    fn a_large_log_adds_up() {
        let statuses = [200, 201, 304, 404, 500];
        let log: Vec<String> = (0..100_000)
            .map(|i| format!("GET /users/{i} {} 128", statuses[i % 5]))
            .collect();
        let counts = count_statuses(&log);
        assert_eq!(counts.len(), 5, "five distinct statuses");
        for status in statuses {
            assert_eq!(
                counts[&status], 20_000,
                "status {status} is every fifth line"
            );
        }
    }
}
// ANCHOR_END: tests
