//! What logstat prints: a `Report` built from the totals, written as a
//! table for people or as JSON (`--json`) for programs.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::line::Format;
use crate::stats::Stats;
use crate::timestamp::format_minute;

// ANCHOR: report
#[derive(Debug, Serialize)]
pub struct Report {
    pub inputs: Vec<InputReport>,
    pub lines: u64,
    pub requests: u64,
    pub filtered_out: u64,
    pub malformed: Malformed,
    /// "2xx" to its count, and each code to its count.
    pub status_classes: BTreeMap<String, u64>,
    pub status_codes: BTreeMap<u16, u64>,
    pub top_paths: Vec<PathCount>,
    /// None when no request carried a duration.
    pub latency_ms: Option<Latency>,
    /// None when no request was counted.
    pub per_minute: Option<PerMinute>,
}
// ANCHOR_END: report

#[derive(Debug, Serialize)]
pub struct InputReport {
    pub name: String,
    pub format: Format,
}

#[derive(Debug, Serialize)]
pub struct Malformed {
    pub count: u64,
    /// The first few, as `name:line: reason`.
    pub first: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct PathCount {
    pub path: String,
    pub requests: u64,
}

#[derive(Debug, Serialize)]
pub struct Latency {
    pub requests: u64,
    pub p50: f64,
    pub p90: f64,
    pub p99: f64,
    pub max: f64,
}

#[derive(Debug, Serialize)]
pub struct PerMinute {
    pub first: String,
    pub last: String,
    /// Requests divided by the minutes from first to last, quiet ones included.
    pub mean: f64,
    pub peak: MinuteCount,
    pub minutes: Vec<MinuteCount>,
}

#[derive(Debug, Serialize)]
pub struct MinuteCount {
    pub minute: String,
    pub requests: u64,
}

impl Report {
    // ANCHOR: top_paths
    pub fn new(stats: Stats, inputs: Vec<InputReport>, top: usize) -> Report {
        let mut paths: Vec<(String, u64)> = stats.paths.into_iter().collect();
        // Most requests first; ties by path, so that every run prints the same.
        paths.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        paths.truncate(top);
        // ANCHOR_END: top_paths
        let top_paths = paths
            .into_iter()
            .map(|(path, requests)| PathCount { path, requests })
            .collect();

        let mut status_classes = BTreeMap::new();
        let mut status_codes = BTreeMap::new();
        for (code, &count) in stats
            .status
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
        {
            *status_classes
                .entry(format!("{}xx", code / 100))
                .or_insert(0) += count;
            status_codes.insert(code as u16, count);
        }

        let histogram = &stats.latency;
        // A bucket's middle, not its top: 8 ms stays 8.0, not 8.003.
        let ms = |quantile: f64| {
            histogram.median_equivalent(histogram.value_at_quantile(quantile)) as f64 / 1000.0
        };
        let latency_ms = (!histogram.is_empty()).then(|| Latency {
            requests: histogram.len(),
            p50: ms(0.50),
            p90: ms(0.90),
            p99: ms(0.99),
            max: histogram.median_equivalent(histogram.max()) as f64 / 1000.0,
        });

        let minute_count = |(&minute, &requests): (&i64, &u64)| MinuteCount {
            minute: format_minute(minute),
            requests,
        };
        let per_minute = match (
            stats.minutes.first_key_value(),
            stats.minutes.last_key_value(),
        ) {
            (Some(first), Some(last)) => Some(PerMinute {
                first: format_minute(*first.0),
                last: format_minute(*last.0),
                mean: stats.requests as f64 / (last.0 - first.0 + 1) as f64,
                // The earliest of the busiest minutes.
                peak: stats
                    .minutes
                    .iter()
                    .rev()
                    .max_by_key(|(_, count)| **count)
                    .map(minute_count)
                    .expect("not empty"),
                minutes: stats.minutes.iter().map(minute_count).collect(),
            }),
            _ => None,
        };

        let first = stats
            .malformed_examples
            .iter()
            .map(|m| format!("{}:{}: {}", inputs[m.input].name, m.line, m.reason))
            .collect();
        Report {
            inputs,
            lines: stats.lines,
            requests: stats.requests,
            filtered_out: stats.filtered_out,
            malformed: Malformed {
                count: stats.malformed,
                first,
            },
            status_classes,
            status_codes,
            top_paths,
            latency_ms,
            per_minute,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report serializes")
    }

    // ANCHOR: table
    /// The human report: aligned columns, the biggest numbers first.
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let names: Vec<&str> = self.inputs.iter().map(|i| i.name.as_str()).collect();
        let _ = writeln!(out, "{} requests in {}", self.requests, names.join(", "));
        if self.filtered_out > 0 {
            let _ = writeln!(
                out,
                "{} more lines did not match the filters",
                self.filtered_out
            );
        }
        if self.malformed.count > 0 {
            let _ = writeln!(out, "{} malformed lines, first:", self.malformed.count);
            for line in &self.malformed.first {
                let _ = writeln!(out, "  {line}");
            }
        }
        if self.requests == 0 {
            return out;
        }

        let share = |count: u64| 100.0 * count as f64 / self.requests as f64;
        let _ = writeln!(out, "\n{:<10} {:>10} {:>7}", "status", "requests", "share");
        for (class, &count) in &self.status_classes {
            let _ = writeln!(out, "{class:<10} {count:>10} {:>6.1}%", share(count));
            // "4xx" holds the codes from 400 to 499.
            let hundreds = class[..1].parse::<u16>().unwrap_or(0);
            for (code, &count) in self
                .status_codes
                .iter()
                .filter(|(code, _)| **code / 100 == hundreds)
            {
                let _ = writeln!(out, "  {code:<8} {count:>10}");
            }
        }

        let width = self
            .top_paths
            .iter()
            .map(|p| printable(&p.path).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(4, PATH_WIDTH);
        let _ = writeln!(
            out,
            "\n{:<width$} {:>10} {:>7}",
            "path", "requests", "share"
        );
        for PathCount { path, requests } in &self.top_paths {
            let path = fit(printable(path), width);
            let _ = writeln!(
                out,
                "{path:<width$} {requests:>10} {:>6.1}%",
                share(*requests)
            );
        }

        if let Some(l) = &self.latency_ms {
            let _ = writeln!(
                out,
                "\nlatency (ms, {} requests with a duration)",
                l.requests
            );
            let _ = writeln!(out, "{:>9} {:>9} {:>9} {:>9}", "p50", "p90", "p99", "max");
            let _ = writeln!(
                out,
                "{:>9.1} {:>9.1} {:>9.1} {:>9.1}",
                l.p50, l.p90, l.p99, l.max
            );
        }
        if let Some(m) = &self.per_minute {
            let _ = writeln!(
                out,
                "\nper minute: {:.1} mean, peak {} at {}",
                m.mean, m.peak.requests, m.peak.minute
            );
            let _ = writeln!(out, "from {} to {}", m.first, m.last);
        }
        out
    }
    // ANCHOR_END: table
}

/// A log is input from strangers: a path holding terminal escape codes must
/// not recolour (or rewrite) the reader's terminal, so control characters
/// are shown escaped, `\u{1b}`.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The widest path column. A longer path (a scanner's 64 KB probe, say)
/// is cut to fit, ending in `…`; `--json` gives it whole.
const PATH_WIDTH: usize = 60;

fn fit(text: String, width: usize) -> String {
    if text.chars().count() <= width {
        return text;
    }
    let mut short: String = text.chars().take(width - 1).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::{fit, printable};

    #[test]
    fn control_characters_are_escaped_in_the_table() {
        assert_eq!(printable("/a\u{1b}[31mb\n"), "/a\\u{1b}[31mb\\n");
        assert_eq!(printable("/café"), "/café");
    }

    #[test]
    fn a_path_too_long_for_the_column_is_cut_to_fit() {
        assert_eq!(fit("/abc".into(), 4), "/abc");
        assert_eq!(fit("/abcdé".into(), 4), "/ab…");
    }
}
