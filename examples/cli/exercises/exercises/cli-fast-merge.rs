//! Exercise: merge two threads' partial totals, so that the parallel fold gives the sequential answer.

use std::collections::{BTreeMap, HashMap};

/// How many malformed lines are reported by number.
const MALFORMED_EXAMPLES: usize = 5;

/// One parsed request, reduced to what the totals need.
struct Line<'a> {
    /// Seconds since the epoch.
    time: i64,
    path: &'a str,
    status: u16,
    duration_us: Option<u64>,
}

/// The running totals of one thread.
#[derive(Debug, Clone, Default, PartialEq)]
struct Stats {
    requests: u64,
    malformed: u64,
    /// (input, line number) of the first malformed lines, in input order.
    malformed_examples: Vec<(usize, u64)>,
    status: BTreeMap<u16, u64>,
    paths: HashMap<String, u64>,
    /// Requests per minute since the epoch.
    minutes: BTreeMap<i64, u64>,
    /// The longest duration seen, if any line had one.
    slowest_us: Option<u64>,
}

impl Stats {
    fn record(&mut self, line: &Line<'_>) {
        self.requests += 1;
        *self.status.entry(line.status).or_insert(0) += 1;
        *self.paths.entry(line.path.to_string()).or_insert(0) += 1;
        *self.minutes.entry(line.time.div_euclid(60)).or_insert(0) += 1;
        self.slowest_us = self.slowest_us.max(line.duration_us);
    }

    fn record_malformed(&mut self, input: usize, line: u64) {
        self.malformed += 1;
        if self.malformed_examples.len() < MALFORMED_EXAMPLES {
            self.malformed_examples.push((input, line));
        }
    }

    /// Adds another thread's totals to these. Chunks finish in any order.
    fn merge(mut self, other: Stats) -> Stats {
        // TODO: the counters are done; add up the maps, keep the first
        // malformed examples of the input and the slowest duration.
        self.requests += other.requests;
        self.malformed += other.malformed;
        self
    }
}

fn main() {
    let (mut left, mut right) = (Stats::default(), Stats::default());
    left.record(&Line {
        time: 0,
        path: "/a",
        status: 200,
        duration_us: Some(900),
    });
    right.record(&Line {
        time: 61,
        path: "/a",
        status: 500,
        duration_us: None,
    });
    right.record_malformed(0, 7);
    println!("{:#?}", left.merge(right));
}
