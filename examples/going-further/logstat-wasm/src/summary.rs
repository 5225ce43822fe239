//! What crosses back to JavaScript: a few totals, small whatever the log's
//! size, as one JSON string. The JavaScript parsers (js/) build the same
//! shape, so the tests and the benchmark can compare them field by field.

use std::collections::BTreeMap;

use logstat::stats::Stats;
use serde::Serialize;

/// How many of the busiest paths the summary names.
const TOP: usize = 5;

// ANCHOR: summary
#[derive(Debug, PartialEq, Serialize)]
pub struct Summary {
    pub lines: u64,
    pub requests: u64,
    pub malformed: u64,
    /// Requests per status code, only the codes seen.
    pub status: BTreeMap<u16, u64>,
    /// How many distinct paths, and the busiest ones (most requests first,
    /// then by path, so ties always come out in the same order).
    pub paths: usize,
    pub top: Vec<(String, u64)>,
    /// How many distinct minutes, and the most requests in any one of them.
    pub minutes: usize,
    pub peak: u64,
}
// ANCHOR_END: summary

impl Summary {
    pub fn of(stats: &Stats) -> Summary {
        let status = (0..)
            .zip(&stats.status)
            .filter(|&(_, &count)| count > 0)
            .map(|(code, &count)| (code, count))
            .collect();
        let mut top: Vec<(String, u64)> = stats
            .paths
            .iter()
            .map(|(path, &count)| (path.to_string(), count))
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        top.truncate(TOP);
        Summary {
            lines: stats.lines,
            requests: stats.requests,
            malformed: stats.malformed,
            status,
            paths: stats.paths.len(),
            top,
            minutes: stats.minutes.len(),
            peak: stats.minutes.values().copied().max().unwrap_or(0),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a summary always serializes")
    }
}
