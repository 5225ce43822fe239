//! Exercise: the bytes sent in a log, summed by scoped threads that borrow
//! their part of the lines.

// ANCHOR: solution
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
    if lines.is_empty() {
        return 0;
    }
    let part_len = lines.len().div_ceil(threads.max(1));
    thread::scope(|s| {
        let handles: Vec<_> = lines
            .chunks(part_len)
            .map(|part| s.spawn(move || part.iter().map(|line| bytes_of(line)).sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    let lines = [
        "GET /users 200 512",
        "GET /orders 200 2048",
        "GET /health 200 16",
    ];
    println!("{} bytes", total_bytes(&lines, 2));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn log(lines: usize) -> Vec<String> {
        (0..lines)
            .map(|i| format!("GET /users/{i} 200 {}", i * 3 % 1_000))
            .collect()
    }

    #[test]
    fn any_number_of_threads_gives_the_same_total() {
        let owned = log(1_001);
        let lines: Vec<&str> = owned.iter().map(String::as_str).collect();
        let expected: u64 = (0..1_001u64).map(|i| i * 3 % 1_000).sum();
        for threads in 1..=5 {
            assert_eq!(
                total_bytes(&lines, threads),
                expected,
                "with {threads} threads"
            );
        }
    }

    #[test]
    fn more_threads_than_lines() {
        let lines = ["GET /users 200 512", "GET /orders 200 2048"];
        assert_eq!(total_bytes(&lines, 8), 2_560, "8 threads for 2 lines");
    }

    #[test]
    fn zero_threads_counts_as_one() {
        let lines = ["GET /users 200 512"];
        assert_eq!(total_bytes(&lines, 0), 512, "threads = 0 must not panic");
    }

    #[test]
    fn an_empty_log_sends_nothing() {
        assert_eq!(total_bytes(&[], 4), 0, "no lines, no bytes");
    }

    #[test]
    fn a_line_without_a_size_counts_zero() {
        let lines = ["GET /users 200 512", "garbage", "GET /health 200 -"];
        assert_eq!(
            total_bytes(&lines, 2),
            512,
            "only the first line has a size"
        );
    }
}
// ANCHOR_END: tests
