//! Exercise: the bytes sent in a log, summed by scoped threads that borrow
//! their part of the lines.

use std::thread;

/// The size field (the fourth) of one line; 0 when it is missing or not a number.
fn bytes_of(line: &str) -> u64 {
    line.split_whitespace()
        .nth(3)
        .and_then(|field| field.parse().ok())
        .unwrap_or(0)
}

/// The bytes of every line, summed by `threads` threads (0 counts as 1),
/// each over its own part of `lines`.
fn total_bytes(lines: &[&str], threads: usize) -> u64 {
    // TODO: cut `lines` into `threads` parts, sum each part with
    // `bytes_of` on a thread of a `thread::scope`, and add up the parts.
    todo!()
}

fn main() {
    let lines = [
        "GET /users 200 512",
        "GET /orders 200 2048",
        "GET /health 200 16",
    ];
    println!("{} bytes", total_bytes(&lines, 2));
}
