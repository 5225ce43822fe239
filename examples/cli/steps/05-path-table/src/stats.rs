//! The running totals. Each input fills its own `Stats` from its chunks,
//! and `merge` adds two together. Memory grows with distinct paths and
//! minutes, never with lines.

use std::collections::{BTreeMap, HashMap};

use compact_str::CompactString;
use foldhash::fast::RandomState;

use hdrhistogram::Histogram;

use crate::line::{LogLine, ParseError};

/// How many malformed lines are reported by number.
pub const MALFORMED_EXAMPLES: usize = 5;

/// A line that did not parse: which input, which line, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Malformed {
    pub input: usize,
    pub line: u64,
    pub reason: String,
}

// ANCHOR: stats
#[derive(Debug, Clone)]
pub struct Stats {
    /// Non-blank lines read.
    pub lines: u64,
    /// Lines that parsed and passed the filters.
    pub requests: u64,
    pub filtered_out: u64,
    pub malformed: u64,
    /// The first few malformed lines, in input order.
    pub malformed_examples: Vec<Malformed>,
    /// Requests per status code, indexed by the code (100 to 599).
    pub status: Vec<u64>,
    /// foldhash, not std's SipHash: cheaper on short keys such as paths.
    /// Its seed is random per process, so crafted paths cannot aim at a
    /// bucket in advance (less proof against that than SipHash).
    ///
    /// `CompactString` keeps a path of up to 24 bytes (on 64-bit targets)
    /// inside the table's slot: a lookup compares it there, without
    /// following a pointer to a string elsewhere on the heap.
    pub paths: HashMap<CompactString, u64, RandomState>,
    /// Durations in microseconds, for the percentiles.
    pub latency: Histogram<u64>,
    /// Requests per minute since the epoch.
    pub minutes: BTreeMap<i64, u64>,
}
// ANCHOR_END: stats

impl Default for Stats {
    fn default() -> Self {
        Stats {
            lines: 0,
            requests: 0,
            filtered_out: 0,
            malformed: 0,
            malformed_examples: Vec::new(),
            status: vec![0; 600],
            paths: HashMap::default(),
            // Three significant digits from 1 µs to an hour, auto-resizing
            // beyond: a few tens of KB whatever the number of requests.
            latency: Histogram::new_with_bounds(1, 3_600_000_000, 3)
                .expect("valid histogram bounds"),
            minutes: BTreeMap::new(),
        }
    }
}

impl Stats {
    // ANCHOR: record
    /// Counts one request that passed the filters.
    pub fn record(&mut self, line: &LogLine<'_>) {
        self.requests += 1;
        self.status[usize::from(line.status)] += 1;
        // Look up by &str first: a path is copied only the first time it is seen.
        match self.paths.get_mut(line.path.as_ref()) {
            Some(count) => *count += 1,
            None => {
                self.paths
                    .insert(CompactString::from(line.path.as_ref()), 1);
            }
        }
        if let Some(us) = line.duration_us {
            self.latency.saturating_record(us.max(1));
        }
        // Logs are in time order: the minute is nearly always the last one.
        let minute = line.time.div_euclid(60);
        match self.minutes.last_entry() {
            Some(mut last) if *last.key() == minute => *last.get_mut() += 1,
            _ => *self.minutes.entry(minute).or_insert(0) += 1,
        }
    }
    // ANCHOR_END: record

    pub fn record_malformed(&mut self, input: usize, line: u64, reason: ParseError) {
        self.malformed += 1;
        if self.malformed_examples.len() < MALFORMED_EXAMPLES {
            self.malformed_examples.push(Malformed {
                input,
                line,
                reason: reason.to_string(),
            });
        }
    }

    // ANCHOR: merge
    /// Adds the totals of another part of the input, or of another input.
    pub fn merge(mut self, other: Stats) -> Stats {
        self.lines += other.lines;
        self.requests += other.requests;
        self.filtered_out += other.filtered_out;
        self.malformed += other.malformed;
        // Parts may be added in any order: keep the earliest lines.
        self.malformed_examples.extend(other.malformed_examples);
        self.malformed_examples.sort();
        self.malformed_examples.truncate(MALFORMED_EXAMPLES);
        for (mine, theirs) in self.status.iter_mut().zip(other.status) {
            *mine += theirs;
        }
        for (path, count) in other.paths {
            *self.paths.entry(path).or_insert(0) += count;
        }
        self.latency
            .add(&other.latency)
            .expect("histograms with the same bounds add");
        for (minute, count) in other.minutes {
            *self.minutes.entry(minute).or_insert(0) += count;
        }
        self
    }
    // ANCHOR_END: merge
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn line(time: i64, status: u16, path: &str, duration_us: Option<u64>) -> LogLine<'_> {
        LogLine {
            time,
            method: Cow::Borrowed("GET"),
            path: Cow::Borrowed(path),
            status,
            bytes: Some(1),
            duration_us,
        }
    }

    #[test]
    fn merging_two_halves_equals_counting_the_whole() {
        let lines = [
            line(0, 200, "/a", Some(1_000)),
            line(59, 404, "/b", None),
            line(60, 200, "/a", Some(3_000)),
            line(61, 500, "/c", Some(2_000)),
        ];
        let mut whole = Stats::default();
        let (mut left, mut right) = (Stats::default(), Stats::default());
        for (i, l) in lines.iter().enumerate() {
            whole.record(l);
            if i % 2 == 0 {
                left.record(l)
            } else {
                right.record(l)
            }
        }
        right.record_malformed(0, 9, ParseError::Status);
        left.record_malformed(0, 3, ParseError::Json);
        let merged = right.merge(left);
        assert_eq!(merged.requests, whole.requests);
        assert_eq!(merged.status, whole.status);
        assert_eq!(merged.paths, whole.paths);
        assert_eq!(merged.minutes, whole.minutes);
        assert_eq!(
            merged.latency.value_at_quantile(0.5),
            whole.latency.value_at_quantile(0.5)
        );
        assert_eq!(merged.latency.len(), 3);
        assert_eq!(
            merged
                .malformed_examples
                .iter()
                .map(|m| m.line)
                .collect::<Vec<_>>(),
            [3, 9]
        );
    }

    #[test]
    fn only_the_first_few_malformed_lines_are_kept() {
        let mut stats = Stats::default();
        for n in 1..=20 {
            stats.record_malformed(0, n, ParseError::Empty);
        }
        assert_eq!(stats.malformed, 20);
        assert_eq!(stats.malformed_examples.len(), MALFORMED_EXAMPLES);
    }
}
