//! The module's API, compiled natively: a line at a time and a chunk at a
//! time give the same totals, and those are the CLI's own on its samples.

use logstat_wasm::LogStats;
use serde_json::Value;

const ACCESS_LOG: &str = include_str!("../../../cli/logstat/samples/access.log");
/// Not all UTF-8 (a Latin-1 byte in a path): both ways replace it alike.
const REAL_WORLD: &[u8] = include_bytes!("../../../cli/logstat/samples/real-world.log");

fn per_line(log: &str) -> Value {
    let mut stats = LogStats::new();
    for line in log.lines() {
        stats.feed_line(line);
    }
    serde_json::from_str(&stats.summary()).unwrap()
}

fn per_chunk(log: &str, chunks: &[&[u8]]) -> Value {
    let mut stats = LogStats::new();
    for chunk in chunks {
        stats.feed_chunk(chunk);
    }
    assert_eq!(chunks.concat(), log.as_bytes());
    serde_json::from_str(&stats.summary()).unwrap()
}

#[test]
fn a_line_at_a_time_and_a_chunk_at_a_time_agree() {
    let real_world = String::from_utf8_lossy(REAL_WORLD);
    for log in [ACCESS_LOG, &real_world] {
        let whole = per_chunk(log, &[log.as_bytes()]);
        assert_eq!(per_line(log), whole);
        // Chunks of whole lines, split at every third newline.
        let mut chunks = Vec::new();
        let mut start = 0;
        for (i, (at, _)) in log.match_indices('\n').enumerate() {
            if i % 3 == 2 {
                chunks.push(&log.as_bytes()[start..=at]);
                start = at + 1;
            }
        }
        chunks.push(&log.as_bytes()[start..]);
        assert_eq!(per_chunk(log, &chunks), whole);
    }
}

#[test]
fn the_totals_are_the_cli_s() {
    // captures/report.txt of the logstat crate: 48 requests, 2 malformed,
    // 40 of them 200, 13 to /api/users, peak 18 a minute.
    let summary = per_line(ACCESS_LOG);
    assert_eq!(summary["requests"], 48);
    assert_eq!(summary["malformed"], 2);
    assert_eq!(summary["status"]["200"], 40);
    assert_eq!(summary["top"][0], serde_json::json!(["/api/users", 13]));
    assert_eq!(summary["peak"], 18);
}

#[test]
fn a_chunk_cut_inside_a_line_reports_it_cut_short() {
    // What the exercise's chunker prevents: half a line per call.
    let line = ACCESS_LOG.lines().next().unwrap();
    let (left, right) = line.as_bytes().split_at(line.len() / 2);
    let mut stats = LogStats::new();
    stats.feed_chunk(left);
    stats.feed_chunk(right);
    let summary: Value = serde_json::from_str(&stats.summary()).unwrap();
    assert_eq!(summary["requests"], 0);
    assert_eq!(summary["malformed"], 2);
}
