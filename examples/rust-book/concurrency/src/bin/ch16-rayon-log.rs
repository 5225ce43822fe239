//! Chapter 16: data parallelism with rayon. The same statistics over an
//! access log held in memory, computed by a sequential fold and by a
//! parallel one (`par_iter`), each timed over several rounds.

use rayon::prelude::*;
use std::time::{Duration, Instant};

// Timed in a release build. The Run button's server builds in debug mode,
// many times slower, so there a tenth of the log keeps within its time limit.
const LINES: usize = if cfg!(debug_assertions) {
    200_000
} else {
    2_000_000
};
const ROUNDS: usize = 5;

/// What the report needs from the log; `add` reads one line.
#[derive(Debug, Default, PartialEq)]
struct Stats {
    requests: u64,
    server_errors: u64,
    bytes: u64,
    slow: u64,
}

impl Stats {
    fn add(mut self, line: &str) -> Stats {
        let mut fields = line.split(' ').skip(2);
        let status = fields.next().unwrap_or("");
        let bytes: u64 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
        let ms: u32 = fields.next().and_then(|f| f.parse().ok()).unwrap_or(0);
        self.requests += 1;
        if status.starts_with('5') {
            self.server_errors += 1;
        }
        self.bytes += bytes;
        if ms >= 500 {
            self.slow += 1;
        }
        self
    }

    fn merge(mut self, other: Stats) -> Stats {
        self.requests += other.requests;
        self.server_errors += other.server_errors;
        self.bytes += other.bytes;
        self.slow += other.slow;
        self
    }
}

fn sequential(log: &[String]) -> Stats {
    log.iter()
        .fold(Stats::default(), |stats, line| stats.add(line))
}

fn parallel(log: &[String]) -> Stats {
    log.par_iter()
        .fold(Stats::default, |stats, line| stats.add(line))
        .reduce(Stats::default, Stats::merge)
}

/// A log that is the same on every run: a fixed seed, no clock.
fn generate(lines: usize) -> Vec<String> {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % below
    };
    let paths = ["/users", "/orders", "/health", "/search", "/login"];
    (0..lines)
        .map(|_| {
            let path = paths[next(5) as usize];
            let status = [200, 200, 200, 201, 304, 404, 500, 503][next(8) as usize];
            let ms = if next(100) == 0 {
                500 + next(2000)
            } else {
                next(80)
            };
            format!("GET {path}/{} {status} {} {ms}", next(10_000), next(50_000))
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let log = generate(LINES);
    let size: usize = log.iter().map(|line| line.len() + 1).sum();
    println!(
        "input: {LINES} lines, {:.1} MB, generated in memory",
        size as f64 / 1e6
    );
    println!("rayon threads: {}", rayon::current_num_threads());
    println!("rounds: {ROUNDS} of each, alternating; median shown");

    let (mut one, mut many) = (Vec::new(), Vec::new());
    let (mut seq_stats, mut par_stats) = (Stats::default(), Stats::default());
    for _ in 0..ROUNDS {
        let started = Instant::now();
        seq_stats = sequential(&log);
        one.push(started.elapsed());
        let started = Instant::now();
        par_stats = parallel(&log);
        many.push(started.elapsed());
    }
    assert_eq!(seq_stats, par_stats, "both folds must agree");

    let (one, many) = (median(one), median(many));
    println!("sequential iter: {:>7.1} ms", one.as_secs_f64() * 1e3);
    println!("rayon par_iter:  {:>7.1} ms", many.as_secs_f64() * 1e3);
    println!("speed-up: {:.2}x", one.as_secs_f64() / many.as_secs_f64());
    println!(
        "both: {} requests, {} server errors, {} slow",
        seq_stats.requests, seq_stats.server_errors, seq_stats.slow
    );
}
