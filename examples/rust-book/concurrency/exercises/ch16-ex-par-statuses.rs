//! Exercise: requests per status code, counted on every core with rayon.

use rayon::prelude::*;
use std::collections::BTreeMap;

/// The status field (the third) of one line, if it is a number.
fn status_of(line: &str) -> Option<u16> {
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Requests per status code; lines without a numeric status are skipped.
fn count_statuses(lines: &[String]) -> BTreeMap<u16, u64> {
    // TODO: `par_iter` over the lines, `fold` each thread's lines into a
    // map of its own, then `reduce` the maps into one.
    todo!()
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
