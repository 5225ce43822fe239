//! Exercise: a latency histogram as Prometheus keeps one. Each bucket counts
//! the observations less than or equal to its bound (`le`), so the counts
//! are cumulative and the last bucket, `+Inf`, counts everything. A quantile
//! is then estimated from the buckets alone, as PromQL's
//! `histogram_quantile` does: find the bucket the rank falls in and
//! interpolate linearly inside it.

// ANCHOR: solution
use std::fmt::Write;

pub struct Histogram {
    /// Upper bounds, ascending; +Inf is implied after the last.
    bounds: Vec<f64>,
    /// Observations per bucket, not cumulative; one more than `bounds`
    /// (the last is the +Inf bucket's own).
    counts: Vec<u64>,
    sum: f64,
}

impl Histogram {
    pub fn new(bounds: &[f64]) -> Histogram {
        assert!(bounds.windows(2).all(|w| w[0] < w[1]), "bounds must ascend");
        Histogram {
            bounds: bounds.to_vec(),
            counts: vec![0; bounds.len() + 1],
            sum: 0.0,
        }
    }

    /// Counts one observation in the first bucket whose bound it does not
    /// exceed (a value equal to a bound belongs to that bucket).
    pub fn observe(&mut self, value: f64) {
        let bucket = self.bounds.partition_point(|&bound| bound < value);
        self.counts[bucket] += 1;
        self.sum += value;
    }

    /// Cumulative counts, one per bound and one for +Inf.
    pub fn cumulative(&self) -> Vec<u64> {
        self.counts
            .iter()
            .scan(0, |total, count| {
                *total += count;
                Some(*total)
            })
            .collect()
    }

    /// The estimate of quantile `q` (0.5: the median) from the buckets:
    /// None without observations. A rank in the +Inf bucket gives the
    /// highest finite bound: the buckets cannot see past it.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let cumulative = self.cumulative();
        let total = *cumulative.last()?;
        if total == 0 {
            return None;
        }
        let rank = q * total as f64;
        let bucket = cumulative.iter().position(|&count| count as f64 >= rank)?;
        if bucket == self.bounds.len() {
            return self.bounds.last().copied();
        }
        let (start, below) = match bucket {
            0 => (0.0, 0),
            _ => (self.bounds[bucket - 1], cumulative[bucket - 1]),
        };
        let end = self.bounds[bucket];
        let inside = (cumulative[bucket] - below) as f64;
        Some(start + (end - start) * (rank - below as f64) / inside)
    }

    /// The Prometheus text format of the histogram, as /metrics shows it.
    pub fn render(&self, name: &str) -> String {
        let mut out = String::new();
        let cumulative = self.cumulative();
        for (bound, count) in self.bounds.iter().zip(&cumulative) {
            writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {count}").unwrap();
        }
        let total = cumulative.last().copied().unwrap_or(0);
        writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}").unwrap();
        writeln!(out, "{name}_sum {}", self.sum).unwrap();
        writeln!(out, "{name}_count {total}").unwrap();
        out
    }
}

fn main() {
    let mut latency = Histogram::new(&[0.005, 0.025, 0.1, 0.5, 1.0]);
    for seconds in [0.003, 0.02, 0.02, 0.3, 5.0] {
        latency.observe(seconds);
    }
    print!("{}", latency.render("http_request_duration_seconds"));
    println!(
        "median ≈ {:?} s, p99 ≈ {:?} s",
        latency.quantile(0.5),
        latency.quantile(0.99)
    );
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: &[f64] = &[0.005, 0.025, 0.1, 0.5, 1.0];

    fn sample() -> Histogram {
        let mut histogram = Histogram::new(BOUNDS);
        for seconds in [0.003, 0.02, 0.02, 0.3, 5.0] {
            histogram.observe(seconds);
        }
        histogram
    }

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|value| (value - expected).abs() < 1e-9)
    }

    #[test]
    fn a_value_on_a_bound_counts_in_that_bucket() {
        let mut histogram = Histogram::new(BOUNDS);
        histogram.observe(0.1);
        assert_eq!(histogram.cumulative(), [0, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn counts_are_cumulative_and_inf_counts_everything() {
        assert_eq!(sample().cumulative(), [1, 3, 3, 4, 4, 5]);
    }

    #[test]
    fn renders_buckets_sum_and_count() {
        let text = sample().render("latency_seconds");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], r#"latency_seconds_bucket{le="0.005"} 1"#);
        assert_eq!(lines[4], r#"latency_seconds_bucket{le="1"} 4"#);
        assert_eq!(lines[5], r#"latency_seconds_bucket{le="+Inf"} 5"#);
        let sum: f64 = lines[6]
            .strip_prefix("latency_seconds_sum ")
            .unwrap()
            .parse()
            .unwrap();
        assert!((sum - 5.343).abs() < 1e-9, "sum {sum}");
        assert_eq!(lines[7], "latency_seconds_count 5");
    }

    #[test]
    fn the_median_is_interpolated_inside_its_bucket() {
        // Rank 2.5 of 5 falls in (0.005, 0.025], which holds ranks 2 and 3:
        // 0.005 + 0.020 * (2.5 - 1) / 2.
        assert!(
            close(sample().quantile(0.5), 0.02),
            "{:?}",
            sample().quantile(0.5)
        );
    }

    #[test]
    fn the_first_bucket_starts_at_zero() {
        // Rank 0.5 of the one observation in [0, 0.005].
        assert!(
            close(sample().quantile(0.1), 0.0025),
            "{:?}",
            sample().quantile(0.1)
        );
    }

    #[test]
    fn a_quantile_past_the_last_bound_is_that_bound() {
        // The 5 s request is in +Inf: the buckets only know it took over 1 s.
        assert!(
            close(sample().quantile(0.99), 1.0),
            "{:?}",
            sample().quantile(0.99)
        );
    }

    #[test]
    fn no_observations_no_quantile() {
        assert_eq!(Histogram::new(BOUNDS).quantile(0.5), None);
    }
}
// ANCHOR_END: tests
